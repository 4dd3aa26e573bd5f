"""The lists that trafilatura leaves out from between two paragraphs it keeps.

trafilatura may keep the paragraphs around a list and drop the list (its items are short, or bold words and links
in them weigh it down). A list is put back, one "- item" line per item as trafilatura gives a list, between the two
lines the page prints around it, when these are consecutive lines of the text (a subheading put back by
`crawler.extract._headings` counts as a line). It is a list of its own (not inside another list's item), outside
navigation, asides, headers and footers, forms and figures, and holds no picture, player, script or control (a
gallery's captions, an embed's code); its items are mostly outside links (a list of links is a list of other articles
or a table of contents) and none of them is in the text already. The lists put back on a
page hold at most `MAX_PUT_BACK_SHARE` of the words of the text.

Tune halves, body F1: wcxb 12 pages fixed (.9381 -> .9393; 4092 .643 -> .770, 5639 .772 -> .861, 5677 .866 -> .936),
0 broken; readability, trafilatura, aeb, fundus, newspaper4k and postlight unchanged. Without the picture and script
condition aeb lost 2 pages (a gallery's captions, an embed's code as items). 0.25 ms a heavy page, most of it the
walk to the lists.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extract._lines import line_probe, sibling_text, text_key, with_lines_after
from crawler.extract._text import clean

MAX_LINK_SHARE = 0.5
MAX_PUT_BACK_SHARE = 0.5
# outside navigation, asides, headers, footers, forms, figures, links, tables and other lists; without pictures (a
# gallery's captions), players, scripts (their code is text to lxml) or controls.
_OUTSIDE = ("nav", "aside", "header", "footer", "form", "figure", "li", "a", "button", "table")
_NOT_INSIDE = ("img", "picture", "figure", "video", "audio", "iframe", "svg", "script", "style", "noscript", "button",
               "input", "select", "textarea")


def with_lists(text: str, root: HtmlElement) -> str:
    """`text` with the lists printed between two of its consecutive lines put back between them."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    position = {line: index for index, line in enumerate(lines)}
    flat = None
    after: dict[int, list[str]] = {}
    for listing in root.iter("ul", "ol"):  # where the list prints first: the walk up is for the few that pass
        if not any(clean(item.text_content()) for item in listing.iterchildren("li")):
            continue  # nothing to put back; and a run of empty lists, each read past the others, grew with its square
        before = position.get(sibling_text(listing, previous=True))
        if before is None or before in after or position.get(sibling_text(listing, previous=False)) != before + 1:
            continue
        if any(a.tag in _OUTSIDE for a in listing.iterancestors()):
            continue
        flat = flat if flat is not None else text_key(text)
        items = _items(listing, flat)
        if items:
            after[before] = items
    if not after or sum(len(item.split()) for items in after.values() for item in items) > MAX_PUT_BACK_SHARE * len(
            text.split()):
        return text
    return with_lines_after(lines, after)


def _items(listing: HtmlElement, flat: str) -> list[str]:
    """The list's "- item" lines, or none when the list is not one to put back (see the module)."""
    if next(listing.iterdescendants(*_NOT_INSIDE), None) is not None:
        return []
    items = [clean(item.text_content()) for item in listing.iterchildren("li")]
    items = [item for item in items if item]
    if not items or any(line_probe(item) in flat for item in items):
        return []
    linked = sum(len(clean(a.text_content())) for a in listing.iter("a"))
    return [f"- {item}" for item in items] if linked <= MAX_LINK_SHARE * sum(map(len, items)) else []

