"""A comment thread that trafilatura took for text: readers' comments under the article, each stamped
with a relative time alone on a line ('Il y a 2 heures', 'منذ ساعتين', 'Hace 37 minutos', '3 hours ago').

The article's own text never has such a line, and a live blog that stamps its entries so starts doing it
at the top: the thread is cut only when the first of at least `MIN_STAMPS` such lines comes after the
first half of the text, and it goes from that line (with the commenter's name line before it, when that
line is short) to the end.

A live blog whose stamped entries start in the second half is no thread either (see `is_live_blog`): each stamp heads
an entry of `MIN_ENTRY_WORDS` words or more (right after it, or after the entry's short heading), none follows a
commenter's name (a short line with no sentence end) and no line of the stretch is a reply or report link. A
synthetic live blog lost its last updates (body F1 .76, trafilatura .995); no tune page of the seven corpora changes.
"""

from __future__ import annotations

import re

MIN_STAMPS = 3
MAX_NAME_WORDS = 4
MIN_ENTRY_WORDS = 20
MAX_ENTRY_HEADING_WORDS = 15
_SENTENCE_END = (".", "!", "?", "…", "»", '"', "”", ")", "؟")
_REPLY = re.compile(r"^\W*(?:r[ée]pondre|signaler|reply|report|رد|الرد|إبلاغ|responder|denunciar|antworten|melden)\W*$",
                    re.IGNORECASE)
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
    if is_live_blog(lines, stamps):
        return lines
    if first > 0 and _name_line(lines[first - 1]):
        first -= 1
    return lines[:first]


def is_live_blog(lines: list[str], stamps: list[int]) -> bool:
    """The stamps at `stamps` head a live blog's entries, not readers' comments (see the module's docstring)."""
    if any(_REPLY.match(line) for line in lines[stamps[0]:]):
        return False
    return all(_heads_entry(lines, stamp) and not (stamp > 0 and _name_line(lines[stamp - 1])) for stamp in stamps)


def _heads_entry(lines: list[str], stamp: int) -> bool:
    """The stamp at `stamp` is followed by a substantial paragraph, or by a short heading and such a paragraph."""
    after = lines[stamp + 1:stamp + 3]
    if after and len(after[0].split()) <= MAX_ENTRY_HEADING_WORDS and not after[0].endswith(_SENTENCE_END):
        after = after[1:]
    return bool(after) and len(after[0].split()) >= MIN_ENTRY_WORDS


def _name_line(line: str) -> bool:
    """A commenter's name: a short line with no sentence end, not itself a stamp."""
    return len(line.split()) <= MAX_NAME_WORDS and not line.endswith((".", "!", "?")) and not is_relative_stamp(line)
