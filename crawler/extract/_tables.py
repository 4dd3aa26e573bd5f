"""The data tables that trafilatura leaves out from between two paragraphs it keeps.

trafilatura drops a box whose class names a widget ('embed', 'meta', 'scroll' …) with all it holds, and page builders
wrap the article's tables in such boxes: a Webflow custom-code block ('w-embed'), HubSpot's rich-text field
('hs_cos_wrapper_meta_field'), a scrolling frame. The paragraphs around it stay, the table goes. A table is put back,
one '| cell | cell |' line a row as trafilatura gives a table, between the two lines the page prints around it (around
its outermost box that holds nothing else), when these are consecutive lines of the text. It is a table of data: not
inside another table and holding none (a layout, see `_body.unwrap_layout_tables`), `MIN_ROWS` rows or more with text,
its cells mostly outside links to the site (a table of such links is a menu or a list of other articles; links to
other sites name the companies or sources a table lists), no picture, player, script or
control, outside navigation, asides, footers, forms, lists and links; and most of its rows are not in the text already.

Tune halves, body F1: wcxb 6 pages fixed (.647 -> .705, .934 -> .984, .930 -> .957, .927 -> .936, .966 -> .973, .987 -> 1;
.9453 -> .9456), 1 broken (.997 -> .981: a table of the article between its paragraphs, which the label leaves out);
the other corpora unchanged. 0.1 ms a page on average (aeb, fundus, readability, wcxb; 2.9 ms at most, 27 tables).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extract._lines import PROBE_CHARS, text_key
from crawler.extract._lists import Gaps, Texts
from crawler.extract._related import to_site
from crawler.extract._text import UNPRINTED_TAGS  # a table's own CSS beside it in its box

MIN_ROWS = 2
MAX_LINK_SHARE = 0.5
MAX_PUT_BACK_SHARE = 1.0  # a table may hold as many words as the paragraphs around it
_OUTSIDE = frozenset({"nav", "aside", "footer", "form", "li", "a", "button", "table"})
# a product's picture may stand in a comparison's cell; a player, a script or a control makes a widget
_NOT_INSIDE = ("table", "video", "audio", "iframe", "script", "noscript", "button", "input", "select", "textarea")


def with_tables(text: str, root: HtmlElement, host: str) -> str:
    """`text` with the data tables printed between two of its consecutive lines put back between them."""
    if next(root.iter("table"), None) is None:
        return text
    gaps = Gaps(text)
    if gaps.too_few:
        return text
    texts = Texts()
    for table in root.iter("table"):
        if _set_apart(table) or next(table.iterdescendants("table"), None) is not None:
            continue  # first: a layout's cells are not read (a page set in tables, hundreds of them)
        box = _outermost_box(table)
        at = gaps.free_after(_sibling_text(box, texts, previous=True))
        if at is None or not gaps.next_is(at, _sibling_text(box, texts, previous=False)):
            continue
        gaps.put(at, _rows(table, gaps.flat(), texts, host))
    return gaps.filled(MAX_PUT_BACK_SHARE)


def _outermost_box(table: HtmlElement) -> HtmlElement:
    """The outermost element around `table` that holds no other text (its wrappers: '<div><div><table>')."""
    box = table
    for parent in table.iterancestors():
        if parent.tag == "body" or not _holds_only(parent, box):
            break
        box = parent
    return box


def _holds_only(parent: HtmlElement, box: HtmlElement) -> bool:
    """Whether `parent` prints no text but `box`'s (a <style> or <script> beside it is not printed). Read up to the
    first other text only: a wrapper's whole text, read for each table, cost 28 ms on a page of 27 tables."""
    if (parent.text or "").strip():
        return False
    for child in parent:
        if (child.tail or "").strip():
            return False
        if child is not box and isinstance(child.tag, str) and child.tag not in UNPRINTED_TAGS \
                and any(text.strip() for text in child.itertext()):
            return False
    return True


def _sibling_text(element: HtmlElement, texts: Texts, previous: bool) -> str:
    """The text of the nearest printed sibling before (or after) `element` that has any."""
    siblings = (s for s in element.itersiblings(preceding=previous) if isinstance(s.tag, str) and s.tag not in UNPRINTED_TAGS)
    return next((text for text in map(texts.__getitem__, siblings) if text), "")


def _set_apart(table: HtmlElement) -> bool:
    return any(a.tag in _OUTSIDE for a in table.iterancestors())


def _rows(table: HtmlElement, flat: str, texts: Texts, host: str) -> list[str]:
    """The table's '| cell | cell |' lines, or none when it is not a table to put back (see the module)."""
    if next(table.iterdescendants(*_NOT_INSIDE), None) is not None:
        return []
    rows = []
    for row in table.iter("tr"):
        cells = [texts[cell] for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            rows.append(f"| {' | '.join(cells)} |")
    if len(rows) < MIN_ROWS or 2 * sum(text_key(row)[:PROBE_CHARS] in flat for row in rows) >= len(rows):
        return []  # trafilatura kept it, or most of it
    linked = sum(len(texts[a]) for a in table.iter("a") if to_site(a.get("href") or "", host))
    return rows if linked <= MAX_LINK_SHARE * len(texts[table]) else []
