"""A quick no before a costly regular expression: strings one of which every match holds.

``re`` tries every alternative of a long alternation at every position of the text. `_cleanup._PROMPT` (about
eighty phrases, case ignored) cost 1.5 ms a page that way on real pages (aeb and fundus corpora, 255 KB on average),
run on each short line of the text. `Prefiltered` asks first whether the line holds one of the strings the
pattern's parse says every match must hold (one per alternative: 'newsletter', 'abonn', 'follow', …), compared
case-folded, which costs a tenth of that; only a line that holds one is searched.

The strings are read from Python's own parse of the pattern (``re._parser``): in each alternative, the longest run
of literal characters it cannot match without, or the strings of a group or repeat it cannot do without whose own
alternatives each have one. Whatever the parse holds that this does not know (a private module changed) gives
no strings, and the pattern is then searched on every text, as before. A match is never missed: a literal matches
only a character that `case_key` maps where it maps the literal (``re`` ignores case by simple lowercase and its
table of extra equivalents, ``re._casefix``; see tests/test_extract_speed_paths.py).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

MIN_KEY_CHARS = 3  # shorter strings are in most lines: no quick no


def _extra_cases() -> dict[int, int]:
    """Each character ``re`` matches, case ignored, with others that do not lowercase alike (dotless i, long s,
    Greek symbol forms), mapped to one of them."""
    try:
        extra_cases: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES  # private: guarded
    except (ImportError, AttributeError):
        return {}
    table = {}
    for code, others in extra_cases.items():
        first = min(code, *others)
        if code != first:
            table[code] = first
    return table


_EXTRA = _extra_cases()


def case_key(text: str) -> str | None:
    """`text` with each character as ``re`` compares it when case is ignored: its simple lowercase ('İ' is 'i',
    one character, where str.lower() gives two), then one of the characters ``re`` takes for equivalent. None when
    lowercasing changed the length (no character known to do so is left)."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    low = text.lower()
    if len(low) != len(text):
        return None
    return low if low.isascii() else low.translate(_EXTRA)


def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings (as `case_key` gives them), one of which the text holds wherever `pattern` matches; None when
    the parse gives none of MIN_KEY_CHARS characters or more."""
    try:
        parser, constants = importlib.import_module("re._parser"), importlib.import_module("re._constants")  # private
        found = _Reader(constants).sequence(list(parser.parse(pattern.pattern, pattern.flags)))
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return None
    if found is None:
        return None
    return tuple(key for key in found if not any(other != key and other in key for other in found))


class _Reader:
    def __init__(self, constants: Any) -> None:
        self.c = constants

    def sequence(self, items: Sequence[tuple[Any, Any]]) -> list[str] | None:
        """The best strings of a sequence: a run of literals it must match, or the strings of one of its parts."""
        best: list[str] | None = None
        run: list[str] = []
        for op, av in [*items, (None, None)]:
            if op is self.c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                best = _better(best, [case_key("".join(run)) or ""])
                run = []
            best = _better(best, self.part(op, av))
        return best if best is not None and min(map(len, best)) >= MIN_KEY_CHARS else None

    def part(self, op: Any, av: Any) -> list[str] | None:
        if op is self.c.SUBPATTERN:
            return self.sequence(list(av[-1]))
        if op is self.c.BRANCH:
            alternatives = [self.sequence(list(alternative)) for alternative in av[1]]
            if any(keys is None for keys in alternatives):
                return None
            return sorted({key for keys in alternatives if keys is not None for key in keys})
        if op in (self.c.MAX_REPEAT, self.c.MIN_REPEAT) and av[0] >= 1:
            return self.sequence(list(av[2]))
        return None  # anything else may match without a literal: a class, an anchor, a lookaround, an optional part


def _better(best: list[str] | None, keys: list[str] | None) -> list[str] | None:
    """The more telling of two sets of strings: the one whose shortest string is longer."""
    if keys is None or any(not key for key in keys):
        return best
    if best is None or min(map(len, keys)) > min(map(len, best)):
        return keys
    return best


class Prefiltered:
    """`pattern`'s ``search``, answered None at once when the text holds none of its `required_strings`."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.keys = required_strings(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        if self.keys is not None:
            key = case_key(text)
            if key is not None and not any(required in key for required in self.keys):
                return None
        return self.pattern.search(text)
