"""Of several stamps of one moment, the page's local time rather than a UTC copy of it.

Many sites write the same moment twice: UTC in JSON-LD or article:published_time ("2026-03-09T01:15:00Z")
and local time in another tag ("2026-03-08 20:15:00", "Sun, 08 Mar 2026 20:15:00 -0500"). Readers, and the
people who label pages, date an article by its local day, which the UTC copy moves across midnight for an
evening or early-morning story. So a UTC stamp gives way to another date of the page (a stamp, published or
modified, a ``<time>``, a date line) of the *same moment* that carries a non-zero offset, or no offset at all
with the same minutes and seconds a whole number of hours away (at most 14, the widest UTC offset); a local
time printed to the minute ("03/05/2026 21:44" in a date line) matches the stamp's minute. A date line's time
printed in GMT ('13:10 GMT') a whole number of hours from the UTC stamp is that copy too: one of the two zones is
wrong, and readers see the printed one. The record keeps
that copy as it is: its value, the string it was read from, its source. A date of another moment never
replaces the stamp.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

MAX_OFFSET = timedelta(hours=14)
PRINTED = "byline"  # the source of a date a date line prints
_UTC_SUFFIX = "+00:00"


def _moment(iso: str) -> datetime | None:
    if len(iso) <= 10:  # a day alone says nothing of the time zone
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def same_moment_local(utc: datetime, other: datetime) -> bool:
    """True when `other` is `utc` written in a local time: an offset that is not zero, or no offset. A time
    printed to the minute (seconds zero, as date lines print it) matches `utc`'s minute."""
    if other.second == 0 and other.microsecond == 0:
        utc = utc.replace(second=0, microsecond=0)
    if other.tzinfo is not None:
        offset = other.utcoffset()
        return bool(offset) and other == utc
    gap = abs(other - utc.replace(tzinfo=None))
    return timedelta(0) < gap <= MAX_OFFSET and gap % timedelta(minutes=15) == timedelta(0)


class Moment(NamedTuple):
    """A date the page gives: its ISO 8601 value, the string it was read from, and where that string sits."""

    iso: str
    raw: str
    source: str


def local_copy(chosen: str, others: Iterable[Moment]) -> Moment | None:
    """When `chosen` is a UTC stamp, the first of `others` that is the same moment in local time, else None."""
    utc = _moment(chosen) if chosen.endswith(_UTC_SUFFIX) else None
    if utc is None:
        return None
    for other in others:
        moment = _moment(other.iso)
        if moment is not None and other.source == PRINTED and moment.utcoffset() == timedelta(0):
            moment = moment.replace(tzinfo=None)  # a time printed 'GMT' hours from the stamp: the stamp's zone is wrong
        if moment is not None and same_moment_local(utc, moment):
            return other
    return None
