"""The parts of a page that React's streamed rendering sends late, put where the page shows them.

A server that streams a React page (Next.js's app router, among others) first sends each slow part's place as an empty
`<template id="B:0">` (a boundary, often followed by its "Loading …" stand-in) or `<template id="P:1">` (a placeholder),
and later, at the end of the document, the part itself in `<div hidden id="S:0">`, which a script of the page moves
into its place (`$RC("B:0","S:0")`, `$RS("S:1","P:1")`) as soon as it arrives. A reader sees the part where the
template was; the saved page holds it hidden at the end, and trafilatura, which drops hidden elements, loses it
(an article's sections, sometimes its whole text). Each part goes where its script puts it, or, on a page saved without
its scripts, where the template of the same number stands (the numbers match on every page that keeps its scripts);
a boundary's stand-in ("Loading …") goes when it holds at most `MAX_STAND_IN_WORDS` words. The tree with the parts
in place is kept when trafilatura finds more words there than in the tree as saved: in place, an article may fall in
a box trafilatura reads as a table of contents (a wcxb tune page: body F1 .695 -> .005 without this check).

Tune halves, body F1: wcxb 3 pages fixed (.418 -> .909, .794 -> .991, .936 -> .985; .9420 -> .9434), none broken;
fundus' 2 tune pages with streamed parts unchanged; no page of readability, the trafilatura corpus, aeb, newspaper4k or
postlight streams parts. Other fields unchanged. The move is one walk over the templates and hidden divisions (50,000
elements: 0.15 s); the check runs trafilatura twice more, on such pages alone (12 tune pages: 34 -> 66 ms a page).
"""

from __future__ import annotations

import copy
import re

from lxml.html import HtmlElement

from crawler.extract._body import extract_body
from crawler.extract._text import word_count

MARK = '<div hidden id="S:'  # a streamed part: nothing is done on a page without one
MAX_STAND_IN_WORDS = 8
MAX_SCRIPT_CALLS = 2000  # the moves read from the page's scripts
_MOVES = re.compile(r'\$RC\("(B:[0-9a-f]+)","(S:[0-9a-f]+)"\)|\$RS\("(S:[0-9a-f]+)","(P:[0-9a-f]+)"\)')
_PLACE = re.compile(r"[BP]:[0-9a-f]+")
_BARE_BOUNDARY = re.compile(r'<template id="(B:[0-9a-f]+)"></template><!--/\$-->')


def streamed_tree(root: HtmlElement, html: str, url: str) -> HtmlElement:
    """`root`, or, on a page that streams late parts, the tree with them in place when trafilatura finds more of the
    text there (in place, an article may fall in a box trafilatura reads as a table of contents)."""
    streamed = with_streamed_parts(root, html)
    if streamed is None or _words_found(streamed, url) <= _words_found(root, url):
        return root
    return streamed


def _words_found(root: HtmlElement, url: str) -> int:
    """The words trafilatura finds in `root`, which stays as it is (a copy is read when it holds a table cell)."""
    read = root if next(root.iter("td"), None) is None else copy.deepcopy(root)
    return word_count(extract_body(read, url))


def with_streamed_parts(root: HtmlElement, html: str) -> HtmlElement | None:
    """A copy of `root` with each streamed part (a `<div hidden id="S:…">`) moved to the template that holds its
    place, or None when the page streams no part."""
    if MARK not in html:
        return None
    root = copy.deepcopy(root)
    parts = {div.get("id"): div for div in root.iter("div") if div.get("hidden") is not None
             and (div.get("id") or "").startswith("S:")}
    if not parts:
        return None
    moves = _script_moves(html)
    bare = _boundaries_without_stand_in(html)
    for template in list(root.iter("template")):
        place = template.get("id") or ""
        if not _PLACE.fullmatch(place):
            continue
        part = parts.pop(moves.get(place, "S:" + place[2:]), None)
        if part is not None:
            _put_in_place(template, part, place.startswith("B:") and place not in bare)
    return root


def _script_moves(html: str) -> dict[str, str]:
    """Template id -> part id, as the page's scripts move them."""
    moves: dict[str, str] = {}
    for count, found in enumerate(_MOVES.finditer(html)):
        if count >= MAX_SCRIPT_CALLS:
            break
        boundary, part, segment, placeholder = found.groups()
        if boundary:
            moves[boundary] = part
        else:
            moves[placeholder] = segment
    return moves


def _boundaries_without_stand_in(html: str) -> set[str]:
    """The boundaries whose template the comment closing the boundary follows: no stand-in shows until their part
    comes (the parser drops comments, so the source says it)."""
    return {found.group(1) for found in _BARE_BOUNDARY.finditer(html)}


def _put_in_place(template: HtmlElement, part: HtmlElement, stand_in_follows: bool) -> None:
    """`part`'s content where `template` stands (the boundary's stand-in after it gone when `stand_in_follows`),
    `part` and `template` removed."""
    parent = template.getparent()
    if parent is None or _inside(template, part):
        return
    if stand_in_follows:
        stand_in = template.getnext()
        if stand_in is not None and len(stand_in.text_content().split()) <= MAX_STAND_IN_WORDS:
            _drop(stand_in)
    lead = part.text or ""
    if lead.strip():
        before = template.getprevious()
        if before is None:
            parent.text = (parent.text or "") + lead
        else:
            before.tail = (before.tail or "") + lead
    for child in list(part):
        template.addprevious(child)  # moved with its tail, not copied
    _drop(template)
    _drop(part)


def _inside(template: HtmlElement, part: HtmlElement) -> bool:
    """Whether `template` sits inside `part` (a part that would be moved into itself)."""
    return any(ancestor is part for ancestor in template.iterancestors())


def _drop(element: HtmlElement) -> None:
    """Remove `element` and its content, its tail kept in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail and tail.strip():
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
