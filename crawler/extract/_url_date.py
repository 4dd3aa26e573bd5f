"""The day an article's URL gives (``/2026/03/08/``, ``/2026-03-08-titre``, ``/20260308/``): the outlet's
own dating of the article, its local publication day.

Outlets that put the day in the URL put the day of publication there, in their own time zone. Measured on
the tune halves of bench/real_quality.py (htmldate, trafilatura, readability and newspaper4k corpora), the
URL's day is the labelled one on 137 of the 142 pages with a complete URL date and a labelled day (the five
others: an update labelled instead, two labels a month or two years off the URL, one page republished later
whose stamp carries its offset). So the URL's day settles two doubts:

* a date read from the page's *text* (a date line, a ``<time>`` without machine value) on another day
  than the URL's is some other date of the page (a related article's, a "current time" line): the URL's
  day is taken;
* a UTC stamp (``…Z``, ``+00:00``) on the day before or after the URL's, at an hour a time zone can shift
  across midnight, is the same moment seen from Greenwich: the outlet's day is the URL's, and the record
  keeps that day alone (the local time of day is not known).

A URL date is also the answer when nothing else on the page dates it (htmldate's page search, the last
resort, would give that very day first).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from crawler.extract._dates import EARLIEST_YEAR

UTC_SUFFIX = "+00:00"
MAX_EAST = timedelta(hours=14)  # the widest offsets: UTC+14 (Kiribati) and UTC-12
MAX_WEST = timedelta(hours=12)
# year, month, day as path parts (/2026/03/08/), one part with dashes or underscores (/2026-03-08-titre),
# or eight digits standing alone as a part (/20260308/); never inside a longer run of digits (an id)
_SPLIT = re.compile(r"/((?:19|20)\d{2})([/_-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_COMPACT = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=/|$)")


def url_day(url: str) -> tuple[str, str] | None:
    """``(YYYY-MM-DD, the part of the URL it was read from)`` when the URL's path holds a complete date."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in (_SPLIT, _COMPACT):
        match = pattern.search(path)
        if match is None:
            continue
        year, month, day = (g for g in match.groups() if g not in ("/", "-", "_"))
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if found.year >= EARLIEST_YEAR:
            return found.isoformat(), match.group(0).lstrip("/")
    return None


_YEAR_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")


def url_month(url: str) -> str | None:
    """``YYYY-MM`` when the URL's path holds a year and a month as parts (``/2025/12/titre``), else None."""
    try:
        found = _YEAR_MONTH.search(urlsplit(url).path)
    except ValueError:
        return None
    return f"{found.group(1)}-{found.group(2)}" if found and int(found.group(1)) >= EARLIEST_YEAR else None


def parse_part(part: str) -> str | None:
    """The day a URL part found by `url_day` names (a date candidate's raw value), else None."""
    found = url_day(f"/{part.strip('/')}/")
    return found[0] if found else None


def crosses_midnight(stamp: str, day: str) -> bool:
    """True when `stamp`, a UTC time, falls on the day before or after `day` at an hour that some UTC offset
    moves onto `day`: 23:10 UTC is the next day east of Greenwich, 02:25 UTC the day before west of it."""
    if not stamp.endswith(UTC_SUFFIX) or len(stamp) <= 10:
        return False
    try:
        moment = datetime.fromisoformat(stamp).replace(tzinfo=None)
        local_day = date.fromisoformat(day)
    except ValueError:
        return False
    start = datetime(local_day.year, local_day.month, local_day.day)
    if moment.date() == local_day - timedelta(days=1):
        return start - moment <= MAX_EAST
    if moment.date() == local_day + timedelta(days=1):
        return moment - (start + timedelta(days=1)) < MAX_WEST
    return False
