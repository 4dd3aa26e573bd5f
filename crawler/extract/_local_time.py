"""Of several stamps of one moment, the page's local time rather than a UTC copy of it.

Many sites write the same moment twice: UTC in JSON-LD or article:published_time ("2026-03-09T01:15:00Z")
and local time in another tag ("2026-03-08 20:15:00", "Sun, 08 Mar 2026 20:15:00 -0500"). Readers, and the
people who label pages, date an article by its local day, which the UTC copy moves across midnight for an
evening or early-morning story. So a UTC stamp gives way to a later stamp of the *same moment* that carries
a non-zero offset, or no offset at all with the same minutes and seconds a whole number of hours away (at
most 14, the widest UTC offset). A stamp of another moment never replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

MAX_OFFSET = timedelta(hours=14)
_UTC_SUFFIX = "+00:00"


def _moment(iso: str) -> datetime | None:
    if len(iso) <= 10:  # a day alone says nothing of the time zone
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def same_moment_local(utc: datetime, other: datetime) -> bool:
    """True when `other` is `utc` written in a local time: an offset that is not zero, or no offset."""
    if other.tzinfo is not None:
        offset = other.utcoffset()
        return bool(offset) and other == utc
    gap = abs(other - utc.replace(tzinfo=None))
    return timedelta(0) < gap <= MAX_OFFSET and gap % timedelta(minutes=15) == timedelta(0)


def prefer_local(chosen: str, others: Iterable[str]) -> str:
    """`chosen`, or when it is a UTC stamp, the first of `others` (ISO 8601) that is the same moment in local time."""
    utc = _moment(chosen) if chosen.endswith(_UTC_SUFFIX) else None
    if utc is None:
        return chosen
    for other in others:
        moment = _moment(other)
        if moment is not None and same_moment_local(utc, moment):
            return other
    return chosen
