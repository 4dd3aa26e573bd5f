"""Lines of extracted texts compared and merged: what two passes over one page share.

A line is in a text when the text holds the line's first `PROBE_CHARS` characters, compared without spaces, line
breaks, invisible characters and control characters (`text_key`): trafilatura joins and splits lines differently
from one run to the next, and a page decoded twice carries control characters that its lines never hold. A line
found missing goes back after the line of the text that comes before it where it was read (`with_lines_after`).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.extract._text import INVISIBLE, JOINERS, clean

PROBE_CHARS = 60
# what a comparison of texts leaves out besides spaces: the invisible characters and the joiners
_INVISIBLE = (*INVISIBLE, *JOINERS)
# Control characters, which trafilatura's lines never hold: a page whose UTF-8 was decoded twice has '\x80\x9c' in
# 'â\x80\x9c' for '“' in its tree, and trafilatura's line of it only 'â'. Compared with them, every such paragraph
# trafilatura kept looked missed and came twice (wcxb tune half, body F1: 4 pages fixed, none broken).
CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def text_key(text: str) -> str:
    """`text` without its spaces, invisible and control characters (split and replace run in C: str.translate
    reads every character in Python's loop, 1 ms on a long page)."""
    key = "".join(text.split())
    for mark in _INVISIBLE:
        if mark in key:
            key = key.replace(mark, "")
    return key if key.isprintable() else CONTROLS.sub("", key)


def line_probe(text: str) -> str:
    """The first PROBE_CHARS characters of `text_key(text)` (read from the start of `text` only)."""
    return text_key(text.lstrip()[:3 * PROBE_CHARS])[:PROBE_CHARS]


def with_lines_after(lines: list[str], after: dict[int, list[str]]) -> str:
    """`lines` joined, each followed by the lines `after` holds for its index; those of index -1 come first."""
    return "\n".join([*after.get(-1, ()), *(part for index, line in enumerate(lines)
                                             for part in (line, *after.get(index, ())))])


def sibling_text(element: HtmlElement, previous: bool) -> str:
    """The text of the nearest sibling before (or after) `element` that has any: the line a text prints next to
    what `element` would add (a subheading, a list)."""
    siblings = element.itersiblings(preceding=previous)
    return next((text for text in (clean(s.text_content()) for s in siblings if isinstance(s.tag, str)) if text), "")
