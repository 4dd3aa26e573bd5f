"""A comment thread that trafilatura took for text: readers' comments under the article, each stamped
with a relative time alone on a line ('Il y a 2 heures', 'منذ ساعتين', 'Hace 37 minutos', '3 hours ago').

The article's own text never has such a line, and a live blog that stamps its entries so starts doing it
at the top: the thread is cut only when the first of at least `MIN_STAMPS` such lines comes after the
first half of the text, and it goes from that line (with the commenter's name line before it, when that
line is short) to the end.
"""

from __future__ import annotations

import re

MIN_STAMPS = 3
MAX_NAME_WORDS = 4
_UNIT = (r"(?:secondes?|minutes?|mins?|heures?|h|jours?|semaines?|mois|ans?|seconds?|hours?|days?|weeks?|months?|years?"
         r"|segundos?|minutos?|horas?|d[íi]as?|semanas?|meses|a[ñn]os?|sekunden|minuten|stunden?|tagen?|wochen?|monaten?|jahren?)")
_RELATIVE = re.compile(
    rf"^\W*(?:(?:il\s+y\s+a|hace|vor|há)\s+(?:\d+|une?|una?|einer?|einem)\s+{_UNIT}|(?:\d+|an?|one)\s+{_UNIT}\s+ago"
    r"|منذ\s+(?:\d+\s+)?(?:ثانية|ثوان|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|يومين|أسبوع|أسابيع|شهر|أشهر|سنة|سنوات))\W*$",
    re.IGNORECASE,
)


def is_relative_stamp(line: str) -> bool:
    """A line that is only a relative time: 'Il y a 3 heures', 'منذ ساعتين', 'Hace una hora'."""
    return bool(_RELATIVE.match(line.strip()))


def drop_comment_thread(lines: list[str]) -> list[str]:
    """`lines` without a trailing thread of readers' comments stamped with relative times."""
    stamps = [index for index, line in enumerate(lines) if is_relative_stamp(line)]
    if len(stamps) < MIN_STAMPS:
        return lines
    first = stamps[0]
    if 2 * sum(map(len, lines[:first])) < sum(map(len, lines)):
        return lines
    if first > 0 and len(lines[first - 1].split()) <= MAX_NAME_WORDS and not lines[first - 1].endswith((".", "!", "?")):
        first -= 1
    return lines[:first]
