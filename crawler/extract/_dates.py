"""Dates to ISO 8601, keeping the page's UTC offset; French, Arabic and other European dates written in words.

Machine-readable values (``2026-11-12T14:32:00+01:00``, ``Thu, 12 Nov 2026 14:32:00 +0100``,
``12/11/2026``) and words (``Publié le jeudi 12 novembre 2026 à 14h32``, ``1er août 2024``,
``12 نوفمبر 2026``, ``12 جويلية 2026``, ``3 تشرين الثاني 2026``; ``12. November 2026``, ``3 de mayo de 2026``,
``November 12, 2026``: English, German, Spanish, Portuguese, Italian, Dutch; ``2026年11月12日``, ``2026년 11월 12일``) become ``YYYY-MM-DD`` or
``YYYY-MM-DDTHH:MM:SS[+HH:MM]``. Day-first is assumed for numeric dates, as in the French press, unless only the
US order is possible ('09/13/2015', slashes or dashes); a 12-hour time's half of the day ('8:05 pm', '08:30 م') is
read onto the 24-hour clock; a year printed in two digits ('03/12/25') is read in this century unless that lies
past next year, else in the last one.

The offset rule of the article record: the offset is written when the string gives one
(``+01:00``, ``+0100``, ``+01``), ``+00:00`` when the time is UTC by definition (a trailing ``Z``,
``UTC`` or ``GMT``, an RFC 2822 ``+0000``, a Unix timestamp; in words, a zone printed after the time: 'à 14h05
GMT', '14:05 TU', '(GMT+1)' is ``+01:00``); a time without offset is the outlet's local time as printed ('heure
locale' included), offset unknown, and is never given one by guess. RFC 2822's ``-0000``
("UTC, local time unknown") is written ``+00:00`` too: the instant is known. A day alone stays a day.
`find_date_strings` gives the substring each date was read from, for the record's ``*_raw`` fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

EARLIEST_YEAR = 1990  # older pages of the Maghreb press are not on the web
FUTURE_TOLERANCE = timedelta(days=1)
MONTHS = 12
NOON = 12

_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*"
    r"(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?"
)
# The zone printed after a time: 'GMT', 'UTC', 'TU' (temps universel), '(GMT+1)', 'UTC-03:00', 'بتوقيت غرينتش';
# 'heure locale' names none.
_ZONE = (r"(?:\s*(?P<open>\()?\s*(?P<zone>(?:GMT|UTC|(?-i:TU)|بتوقيت\s+غري?ني?تش)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)"
         r"(?!\w)(?(open)\s*\)))?")
# A 12-hour clock's half of the day after the time: 'am', 'p.m.', Arabic 'ص'/'م' or 'صباحا'/'مساءً'.
_MERIDIEM = (r"(?:\s*(?:(?i:(?P<am>a)|(?P<pm>p))\.?\s?(?i:m)\.?"
             r"|(?P<am_ar>ص|صباحا\u064b?)|(?P<pm_ar>م|مساء\u064b?))(?!\w))?")
# day first, the year in four digits or two ('03/12/2025', '3-12-25 14:05'; a 2-digit year after a 2-digit month
# only: '1.2.25' is a version number); a run of more numbers joined the same way ('20-22-25-10', a telephone) is no date
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|(?<=\d\d[/.-])\d{2}(?![/.-]\d))(?!\d)"
                      r"(?:\D{1,8}?(\d{1,2})\s*[h:H]\s*(\d{2})?(?::(\d{2}))?" + _MERIDIEM + _ZONE + ")?")
_NUMBER_BEFORE = re.compile(r"\d[/.-]$")  # a 2-digit-year date that goes on a run of numbers joined the same way
_SLASH_ISO = re.compile(r"(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)")

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "février": 2, "fevr": 2, "févr": 2, "fev": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "août": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "decembre": 12, "décembre": 12, "dec": 12, "déc": 12,
}
# The other European languages of the pages the crawl meets beside French (English, German, Spanish,
# Portuguese, Italian, Dutch), full names and the usual abbreviations; no name means two months.
_EU_MONTHS = {
    "january": 1, "januar": 1, "jänner": 1, "enero": 1, "ene": 1, "janeiro": 1, "gennaio": 1, "gen": 1, "januari": 1,
    "february": 2, "feb": 2, "februar": 2, "febrero": 2, "fevereiro": 2, "febbraio": 2, "februari": 2,
    "march": 3, "mar": 3, "märz": 3, "maerz": 3, "mär": 3, "marzo": 3, "março": 3, "marco": 3, "maart": 3,
    "april": 4, "apr": 4, "abril": 4, "abr": 4, "aprile": 4,
    "may": 5, "mayo": 5, "maio": 5, "maggio": 5, "mag": 5, "mei": 5,
    "june": 6, "jun": 6, "juni": 6, "junio": 6, "junho": 6, "giugno": 6, "giu": 6,
    "july": 7, "jul": 7, "juli": 7, "julio": 7, "julho": 7, "luglio": 7, "lug": 7,
    "august": 8, "aug": 8, "agosto": 8, "ago": 8, "augustus": 8,
    "september": 9, "septiembre": 9, "setiembre": 9, "setembro": 9, "settembre": 9, "set": 9,
    "october": 10, "oktober": 10, "okt": 10, "octubre": 10, "outubro": 10, "out": 10, "ottobre": 10, "ott": 10,
    "november": 11, "noviembre": 11, "novembro": 11,
    "december": 12, "dezember": 12, "dez": 12, "diciembre": 12, "dic": 12, "dezembro": 12, "dicembre": 12,
}
_WORD_MONTHS = {**_EU_MONTHS, **_FR_MONTHS}
# Arabic month names after `_ar_fold` (alef forms unified): Mashriq (يناير), Maghreb (جانفي,
# Algeria and Tunisia; يوليوز/غشت/شتنبر, Morocco) and Levantine (كانون الثاني, تشرين الأول).
_AR_MONTHS = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1, "فبراير": 2, "فيفري": 2, "شباط": 2, "مارس": 3, "اذار": 3,
    "ابريل": 4, "افريل": 4, "نيسان": 4, "مايو": 5, "ماي": 5, "ايار": 5, "يونيو": 6, "يونيه": 6, "جوان": 6,
    "حزيران": 6, "يوليو": 7, "يوليه": 7, "جويلية": 7, "يوليوز": 7, "تموز": 7, "اغسطس": 8, "اوت": 8, "غشت": 8,
    "اب": 8, "سبتمبر": 9, "شتنبر": 9, "ايلول": 9, "اكتوبر": 10, "تشرين الاول": 10, "نوفمبر": 11, "نونبر": 11,
    "تشرين الثاني": 11, "ديسمبر": 12, "دجنبر": 12, "كانون الاول": 12,
}
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None, **{chr(0x660 + i): str(i) for i in range(10)},
                          **{chr(0x6F0 + i): str(i) for i in range(10)}})


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


# day first: "12 novembre 2026 à 14h32", "1er août", "12. November 2026", "3 de mayo de 2026", "12 Nov. 2026";
# any word is read where the month stands, then looked up in the tables (an alternation of a hundred names costs more)
_DAY_MONTH_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})(?:er|ᵉʳ|º|st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+|del\s+)?(\d{4})"
    r"(?:\s*(?:à|a|um|at|-|–|—|\||,|\s)\s*(\d{1,2})\s*(?:h|:|H)\s*(\d{2})?(?::(\d{2}))?" + _MERIDIEM + _ZONE + ")?",
    re.IGNORECASE,
)
# month first, the English order: "November 12, 2026", "Nov. 12th, 2026 at 2:32". Any word is read, then looked
# up in the table: an alternation of the month names tried at every word costs four times as much.
_MONTH_DAY_WORDS = re.compile(
    r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
    r"(?:\s*(?:at|-|,|\s)\s*(\d{1,2}):(\d{2})" + _MERIDIEM + _ZONE + ")?",
    re.IGNORECASE,
)
# ... with the month's other name after a slash or in brackets, as the Levantine and pan-Arab press print it
# ('8 مارس/ آذار 2026', '14 نيسان / أبريل 2026', '3 تموز (يوليو) 2025'): the first name is read
_AR_WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_alternation(_AR_MONTHS)})(?:\s*[/(]\s*(?:{_alternation(_AR_MONTHS)})\s*\)?)?"
    rf"\s*[،,]?\s*(\d{{4}})"
    r"(?:\D{0,20}?(\d{1,2}):(\d{2})(?::(\d{2}))?" + _MERIDIEM + _ZONE + ")?"
)
_MODIFIED_CUE = re.compile(r"mis\s+à\s+jour|actualis|aktualisiert|modifi|m\.?à\.?j|updated|actualizad|atualizad"
                           r"|aggiornat|geändert|تحديث|تعديل", re.IGNORECASE)
# A date line that dates something else than the article: the clock of the page ("Aktuelle Zeit", a forum's
# "current time"), a reader's last visit or registration.
_OTHER_CUE = re.compile(r"aktuelle\s+zeit|current\s+time|heure\s+actuelle|il\s+est\s+actuellement|nous\s+sommes\s+le"
                        r"|last\s+visit|dernière\s+visite|letzter\s+besuch|registriert|inscrit\s+le|joined|member\s+since"
                        r"|membre\s+depuis|الوقت\s+الحالي|تاريخ\s+التسجيل", re.IGNORECASE)


def now_utc() -> datetime:
    return datetime.now(UTC)


def parse_machine(value: str) -> str | None:
    """A machine-readable date (ISO 8601, RFC 2822, day-first numeric) as ISO 8601, else None."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit() and len(value) in (10, 13):  # Unix timestamp, seconds or milliseconds
        return _from_timestamp(int(value[:10]))
    match = _ISO.match(value)
    if match:
        return _from_parts(*match.groups())
    return _javascript_date(value) or _rfc2822(value) or parse_words(value)


# JavaScript's Date.toString(), which script-built pages write into their JSON-LD ('Tue Nov 19 2019 03:05:46
# GMT+0000 (Coordinated Universal Time)'): the zone after GMT is the stamp's offset, which the word reading drops.
_JS_DATE = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})"
    r"\s+gmt([+-]\d{4})(?:\s*\([^()]{0,60}\))?$", re.IGNORECASE)
_JS_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _javascript_date(value: str) -> str | None:
    found = _JS_DATE.match(value)
    month = _JS_MONTHS.get(found.group(1).lower()) if found else None
    if found is None or month is None:
        return None
    return _from_parts(found.group(3), str(month), found.group(2), *found.group(4, 5, 6, 7))


def parse_words(text: str) -> str | None:
    """The first date written in French or Arabic words (or day-first digits) in `text`."""
    found = find_date_strings(text)
    return found[0][1] if found else None


# A year as the date patterns read it: four digits or more in a row once Arabic text is folded (the fold drops
# the tatweel, which may sit between digits; Arabic-Indic digits are \d already).
_YEAR_RUN = re.compile(r"\d(?:\u0640*\d){3,}")
_SHORT_YEAR = re.compile(r"[/.-]\d\d(?!\d)")  # where `_NUMERIC` may end on a year of two digits ('03/12/25')
DATE_PATTERNS = 5  # _DAY_MONTH_WORDS, _MONTH_DAY_WORDS, _AR_WORDS, _NUMERIC, _SLASH_ISO


def most_dates(text: str) -> int:
    """At least ``len(find_dates(text))``, for a few µs where the search costs 50 µs on a paragraph: each pattern
    reads a 4-digit year at the start (words, slash-ISO) or at the end (numeric) of a run of digits, so no two
    dates of one pattern share a run; a numeric date with a 2-digit year ends on a separator and two digits."""
    return DATE_PATTERNS * len(_YEAR_RUN.findall(text)) + len(_SHORT_YEAR.findall(text))


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in `text` but those in CJK characters, as ``(position, iso)`` in reading order: the body's
    date-line test counts words, and a Chinese or Japanese paragraph is one word."""
    return [(pos, iso) for pos, iso, _ in find_date_strings(text, cjk=False)]


# year, month, day in Chinese and Japanese ('2020年07月12日 14:05') or Korean ('2020년 7월 12일')
_CJK = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
                  r"(?:\s*(?:\(\w\)|（\w）)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def find_date_strings(text: str, cjk: bool = True) -> list[tuple[int, str, str]]:
    """Every date in `text`, as ``(position, iso, the substring it was read from)`` in reading order; `cjk`:
    those written with 年月日 or 년월일 too."""
    folded, origin = _fold_with_origin(text)
    found: list[tuple[int, str, str]] = []

    def keep(m: re.Match[str], iso: str | None) -> None:
        if iso:
            found.append((origin[m.start()], iso, text[origin[m.start()]:origin[m.end() - 1] + 1].strip()))

    if cjk and not folded.isascii():
        for m in _CJK.finditer(folded):
            keep(m, _from_parts(*m.groups()))

    for pattern, months in ((_DAY_MONTH_WORDS, _WORD_MONTHS), (_AR_WORDS, _AR_MONTHS)):
        for m in pattern.finditer(folded):
            month = months.get(re.sub(r"\s+", " ", m.group(2).lower()))
            keep(m, _from_parts(m.group(3), str(month), m.group(1), _hour(m), m.group(5), m.group(6), m["zone"])
                 if month else None)
    for m in _MONTH_DAY_WORDS.finditer(folded):
        month = _WORD_MONTHS.get(m.group(1).lower())
        keep(m, _from_parts(m.group(3), str(month), m.group(2), _hour(m), m.group(5), None, m["zone"])
             if month else None)
    for m in _NUMERIC.finditer(folded):
        if len(m.group(3)) == 2 and _NUMBER_BEFORE.search(folded, 0, m.start()):  # '20-22-25-10'
            continue
        day, numeric_month = _day_month(m)
        keep(m, _from_parts(_full_year(m.group(3)), numeric_month, day, _hour(m), m.group(5), m.group(6), m["zone"]))
    for m in _SLASH_ISO.finditer(folded):
        keep(m, _from_parts(m.group(1), m.group(3), m.group(4)))
    return sorted(found)


def _hour(m: re.Match[str]) -> str | None:
    """The hour of a date pattern's match (its 4th group) on the 24-hour clock: '8:05 pm' is 20, '12:30 am' is 0."""
    hour = m.group(4)
    if hour is None or int(hour) > NOON:
        return hour
    if m["pm"] or m["pm_ar"]:
        return str(int(hour) % NOON + NOON)
    if m["am"] or m["am_ar"]:
        return str(int(hour) % NOON)
    return hour


def _day_month(m: re.Match[str]) -> tuple[str, str]:
    """The day and the month of a `_NUMERIC` date: day first, unless the second number cannot be a month and the
    first can, in a date written with slashes or dashes ('09/13/2015', '12-31-24': the US order, the only reading
    these allow); dots ('1.13.25') stay day first, so a version number stays no date."""
    first, second = m.group(1), m.group(2)
    if int(second) > MONTHS >= int(first) and "." not in m.group(0)[:m.end(3) - m.start()]:
        return second, first
    return first, second


def _fold_with_origin(text: str) -> tuple[str, Sequence[int]]:
    """`text` with Arabic letters and digits folded, and for each folded character its index in `text`
    (the fold drops the tatweel, so positions may shift). Where none shifts, the indexes are a range, not a list
    of one int object a character (the date searches read 1 600 characters a page of aeb and fundus: 0.2 ms);
    an ASCII text, which the fold leaves as it is, is not translated."""
    if text.isascii():
        return text, range(len(text))
    folded = text.translate(_AR_FOLD)
    if len(folded) == len(text):
        return folded, range(len(text))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for out in char.translate(_AR_FOLD):
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


def split_published_modified(text: str) -> tuple[str | None, str | None]:
    """In a date line such as 'Publié le … Mis à jour le …', the published and the modified date."""
    published, modified = published_modified_strings(text)
    return (parse_words(published) if published else None), (parse_words(modified) if modified else None)


def published_modified_strings(text: str) -> tuple[str | None, str | None]:
    """The substrings of a date line that hold the published and the modified date, as printed; a date the
    line says is the page's clock or a reader's ('Aktuelle Zeit: …', 'Inscrit le …') is neither."""
    published = modified = None
    for pos, _, raw in find_date_strings(text):
        before = text[max(0, pos - 30):pos]
        if _OTHER_CUE.search(before):
            continue
        if _MODIFIED_CUE.search(before):
            modified = modified or raw
        else:
            published = published or raw
    return published, modified


def _from_parts(year: str, month: str, day: str, hour: str | None = None, minute: str | None = None,
                second: str | None = None, offset: str | None = None) -> str | None:
    try:
        day_value = date(int(year), int(month), int(day))
        if hour is None:
            return day_value.isoformat() if day_value.year >= EARLIEST_YEAR else None
        moment = datetime(day_value.year, day_value.month, day_value.day, int(hour), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if moment.year < EARLIEST_YEAR:
        return None
    return moment.isoformat() + _offset(offset)


_SHORT_YEAR_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-]\d\d(?!\d)")


def order_ambiguous(raw: str) -> bool:
    """True for a numeric date with a 2-digit year whose day and month could trade places ('03/09/15'): day first
    in the French and Arabic press, month first on English-language pages, where the US order is the custom."""
    found = _SHORT_YEAR_DATE.match(raw.strip().translate(_AR_FOLD))
    return found is not None and max(int(found.group(1)), int(found.group(2))) <= MONTHS


def _full_year(year: str) -> str:
    """A year printed in two digits ('03/12/25') in this century unless that lies past next year, else in the last
    one ('98' is 1998); `_from_parts` then refuses a year before EARLIEST_YEAR."""
    if len(year) != 2:
        return year
    this_century = 2000 + int(year)
    return str(this_century if this_century <= now_utc().year + 1 else this_century - 100)


_UTC_NAMES = re.compile(r"^(?:GMT|UTC|TU|بتوقيت\s*غري?ني?تش)")  # the names of UTC a printed zone opens with


def _offset(raw: str | None) -> str:
    if not raw:
        return ""
    raw = _UTC_NAMES.sub("UTC", raw.upper().replace(" ", ""))
    if raw in ("Z", "UTC"):
        return "+00:00"
    raw = raw.removeprefix("UTC")  # 'GMT+1', 'UTC-03:00'
    if raw[1:].isdigit() and len(raw) <= 3:  # '+1': hours alone
        return f"{raw[0]}{int(raw[1:]):02d}:00"
    digits = raw[1:].replace(":", "")
    digits = digits + "00" if len(digits) == 2 else digits
    return f"{raw[0]}{digits[:2]}:{digits[2:4]}"


def _rfc2822(value: str) -> str | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.year < EARLIEST_YEAR:
        return None
    if moment.tzinfo is None and re.search(r"-0000\s*$", value):  # RFC 2822: UTC, sender's zone unknown
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _from_timestamp(seconds: int) -> str | None:
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat() if moment.year >= EARLIEST_YEAR else None


def implausible(iso: str, now: datetime, earliest: date | None = None) -> str | None:
    """Why `iso` cannot be a publication date (in the future, before the outlet existed), or None."""
    if is_future(iso, now):
        return "lies in the future"
    if earliest is not None and iso[:10] < earliest.isoformat():
        return f"is before {earliest.isoformat()}, the earliest plausible date for this outlet"
    return None


def is_future(iso: str, now: datetime) -> bool:
    """True when `iso` lies more than a day after `now` (offset-naive values read as UTC)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment > now + FUTURE_TOLERANCE
