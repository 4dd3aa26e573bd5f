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


# The removals that read the page's markup for what is not the article (lists of links to the site, shouted links,
# complementary and hidden schema.org boxes, hover cards) take at most this share of the text's words. trafilatura
# chose the text as the page's main content: a removal that would take the greater part of it reads the article
# itself as a box or a list of links (an article marked role="complementary", a page made of its own links'
# headlines). On the tune halves of the eight corpora these removals take .29 of a text at most (a fact box on
# fundus Nettavisen); the teaser cards keep their own measure (a listing is mostly cards' lines, see _related).
MAX_REMOVED_SHARE = 0.5


def bounded_removal(before: str, after: str) -> str:
    """`after`, what a removal left of `before`, unless it holds less than (1 - MAX_REMOVED_SHARE) of `before`'s
    words: then `before`, as trafilatura gave it. Words are counted only when the removal took something."""
    if after is before or after == before:
        return after
    return before if len(after.split()) < (1 - MAX_REMOVED_SHARE) * len(before.split()) else after
