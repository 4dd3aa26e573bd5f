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

Where only whether the pattern matches is asked (`Prefiltered.found`), a line that holds one of the strings is
searched only with the alternatives of the pattern (its text cut at the ``|`` outside groups and classes, each
compiled with the pattern's flags) whose own strings it holds: the whole alternation over a line cost 0.3 ms, a few
of its alternatives a few microseconds (`_PROMPT` on 200 aeb and fundus pages: 0.53 -> 0.15 ms a page). A pattern
matches where one of its alternatives does, so the answer is the pattern's.
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


def top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern's text: cut at each ``|`` outside parentheses and character classes (escapes
    skipped); one alternative when there is no such ``|``."""
    parts, start, depth, in_class, index = [], 0, 0, False, 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 2 if source[index + 1:index + 3] == "^]" else 1 if source[index + 1:index + 2] == "]" else 0
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    return [*parts, source[start:]]


class Prefiltered:
    """`pattern`'s ``search``, answered None at once when the text holds none of its `required_strings`."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.keys = required_strings(pattern)
        # for each of `keys`, the alternatives (their index) one of whose own strings holds it: a text that holds
        # none of an alternative's strings holds none of the keys they hold, so that alternative cannot match it
        self.by_key: dict[str, list[int]] | None = None
        self.parts = self._parts()
        if self.parts is not None and self.keys is not None:
            self.by_key = {key: [index for index, (own, _) in enumerate(self.parts)
                                 if own is None or any(key in string for string in own)] for key in self.keys}
            if not all(own is None or any(key in string for key in self.keys for string in own) for own, _ in self.parts):
                self.by_key = None  # an alternative whose strings hold no key (never so: `keys` are theirs)

    def _parts(self) -> list[tuple[tuple[str, ...] | None, re.Pattern[str]]] | None:
        """Each alternative, compiled with the pattern's flags, with its own required strings; None when the pattern
        has one alternative, or its text does not cut into parts that compile alone."""
        sources = top_level_alternatives(self.pattern.pattern)
        if len(sources) < 2:
            return None
        try:
            parts = [re.compile(source, self.pattern.flags) for source in sources]
        except re.error:
            return None
        return [(required_strings(part), part) for part in parts]

    def search(self, text: str) -> re.Match[str] | None:
        if self.keys is not None:
            key = case_key(text)
            if key is not None and not any(required in key for required in self.keys):
                return None
        return self.pattern.search(text)

    def found(self, text: str, key: str | None = None) -> bool:
        """``search(text) is not None``, searched with the alternatives that may match alone: those one of whose
        strings holds a key the text holds (an alternative with no string of its own, always). `key` is
        ``case_key(text)`` when the caller has it already (several patterns tried on one line read it once)."""
        if self.by_key is None or self.parts is None:
            return self.search(text) is not None
        key = key if key is not None else case_key(text)
        if key is None:
            return self.search(text) is not None
        held = [required for required in self.by_key if required in key]  # most lines hold none: no set is built
        if not held:
            return False
        indexes = sorted({index for required in held for index in self.by_key[required]})
        return any(self.parts[index][1].search(text) is not None for index in indexes)
