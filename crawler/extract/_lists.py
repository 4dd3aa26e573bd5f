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

from crawler.extract._headings import subheading
from crawler.extract._lines import line_probe, text_key, with_lines_after
from crawler.extract._text import clean

MAX_LINK_SHARE = 0.5
MAX_PUT_BACK_SHARE = 0.5
# outside navigation, asides, headers, footers, forms, figures, links, tables and other lists; without pictures (a
# gallery's captions), players, scripts (their code is text to lxml) or controls.
_OUTSIDE = ("nav", "aside", "header", "footer", "form", "figure", "li", "a", "button", "table")
_NOT_INSIDE = ("img", "picture", "figure", "video", "audio", "iframe", "svg", "script", "style", "noscript", "button",
               "input", "select", "textarea")


def with_lists(text: str, root: HtmlElement) -> str:
    """`text` with the lists, and the runs of subheadings and lists, printed between two of its consecutive lines put
    back between them. Both searches read the same elements' texts (the lists', their items', their neighbours'), each
    cleaned once for the two (`Texts`)."""
    texts = Texts()
    return with_heading_and_list_runs(_with_lone_lists(text, root, texts), root, texts)


class Texts(dict[HtmlElement, str]):
    """Elements' cleaned texts (``clean(el.text_content())``), each read on first use, for one page whose tree does not
    change meanwhile. At most MAX_KEPT_TEXTS are kept, none longer than MAX_KEPT_CHARS (a hostile page's nested lists,
    each beside a sibling that holds the rest of the page): a text past either bound is read again when asked again."""

    def __missing__(self, element: HtmlElement) -> str:
        text = clean(element.text_content())
        if len(self) < MAX_KEPT_TEXTS and len(text) <= MAX_KEPT_CHARS:
            self[element] = text
        return text

    def sibling_text(self, element: HtmlElement, previous: bool) -> str:
        """`_lines.sibling_text`, through the texts kept."""
        siblings = element.itersiblings(preceding=previous)
        return next((text for text in (self[s] for s in siblings if isinstance(s.tag, str)) if text), "")


MAX_KEPT_TEXTS = 4096
MAX_KEPT_CHARS = 4096


def _with_lone_lists(text: str, root: HtmlElement, texts: Texts) -> str:
    """`text` with the lists printed between two of its consecutive lines put back between them."""
    gaps = Gaps(text)
    if gaps.too_few:
        return text
    for listing in root.iter("ul", "ol"):  # where the list prints first: the walk up is for the few that pass
        if not any(texts[item] for item in listing.iterchildren("li")):
            continue  # nothing to put back; and a run of empty lists, each read past the others, grew with its square
        at = gaps.free_after(texts.sibling_text(listing, previous=True))
        if at is None or not gaps.next_is(at, texts.sibling_text(listing, previous=False)) or _set_apart(listing):
            continue
        gaps.put(at, _items(listing, gaps.flat(), texts))
    return gaps.filled(MAX_PUT_BACK_SHARE)


class Gaps:
    """The lines of a text and what goes back between two consecutive ones: after line `at`, at most one put-back,
    the first found."""

    def __init__(self, text: str) -> None:
        self.text, self.lines = text, text.split("\n")
        self.too_few = len(self.lines) < 2
        self.position = {line: index for index, line in enumerate(self.lines)}
        self.after: dict[int, list[str]] = {}
        self._flat: str | None = None

    def free_after(self, line: str) -> int | None:
        """The index of `line` in the text when nothing goes after it yet, else None."""
        at = self.position.get(line)
        return None if at is None or at in self.after else at

    def next_is(self, at: int, line: str) -> bool:
        return self.position.get(line) == at + 1

    def flat(self) -> str:
        """The text's key for the probes of what it holds already (`text_key`), made once, when first asked."""
        if self._flat is None:
            self._flat = text_key(self.text)
        return self._flat

    def put(self, at: int, lines: list[str]) -> None:
        if lines:
            self.after[at] = lines

    def filled(self, max_share: float) -> str:
        """The text with what was put, unless that is more than `max_share` of its words (then as it was)."""
        put = sum(len(line.split()) for lines in self.after.values() for line in lines)
        if not self.after or put > max_share * len(self.text.split()):
            return self.text
        return with_lines_after(self.lines, self.after)


def _set_apart(element: HtmlElement) -> bool:
    """Whether `element` sits in navigation, an aside, a header, a footer, a form, a figure, a link, a table or
    another list's item (`_OUTSIDE`)."""
    return any(a.tag in _OUTSIDE for a in element.iterancestors())


def _items(listing: HtmlElement, flat: str, texts: Texts) -> list[str]:
    """The list's "- item" lines, or none when the list is not one to put back (see the module)."""
    if next(listing.iterdescendants(*_NOT_INSIDE), None) is not None:
        return []
    items = [texts[item] for item in listing.iterchildren("li")]
    items = [item for item in items if item]
    if not items or any(line_probe(item) in flat for item in items):
        return []
    linked = sum(len(clean(a.text_content())) for a in listing.iter("a"))
    return [f"- {item}" for item in items] if linked <= MAX_LINK_SHARE * sum(map(len, items)) else []


# A section set as subheadings and lists alone ('<h3>Benefits</h3><ul>…</ul><h3>Terms</h3><ul>…</ul>') between two
# paragraphs trafilatura keeps: trafilatura may drop the whole run, and neither a subheading (`_headings`) nor a list
# (above) is put back alone, as the line the page prints next to each is not in the text. The run goes back whole
# between those two paragraphs when these are consecutive lines of the text, it holds a list and one more element,
# and each of its subheadings and lists would go back alone on the conditions above; elements without text between
# them are passed over. Runs are read once, from their first list, up to `MAX_RUN` elements. The runs put back on a
# page hold at most `MAX_RUN_PUT_BACK_SHARE` of the text's words: a section may be as long as the rest (a wcxb page's
# runs hold .51 of it). Tune halves, body F1: wcxb 7 pages fixed (.9434 -> .9448; .376 -> .569, .814 -> .949, .779 ->
# .994), none broken (at a share of .5: 6 fixed); readability, trafilatura corpus, aeb, fundus, newspaper4k and
# postlight: no text changes. 10,000 subheadings and lists in one run: 0.01 s.
MAX_RUN = 40
MAX_RUN_PUT_BACK_SHARE = 1.0
_RUN_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})


def with_heading_and_list_runs(text: str, root: HtmlElement, texts: Texts | None = None) -> str:
    """`text` with the runs of subheadings and lists printed between two of its consecutive lines put back."""
    gaps = Gaps(text)
    if gaps.too_few:
        return text
    texts = Texts() if texts is None else texts
    seen: set[HtmlElement] = set()
    for listing in root.iter("ul", "ol"):
        if listing in seen or not texts[listing]:
            continue  # an empty list starts no run (and a run of them, each walked back past the others, grew with its
            # square)
        run, before, following = _run_around(listing, seen, texts)
        at = gaps.free_after(before)
        if at is None or not gaps.next_is(at, following) or len(run) < 2 or _set_apart(listing):
            continue
        gaps.put(at, _run_lines(run, gaps.flat(), gaps.position, texts))
    return gaps.filled(MAX_RUN_PUT_BACK_SHARE)


def _run_around(listing: HtmlElement, seen: set[HtmlElement], texts: Texts) -> tuple[list[HtmlElement], str, str]:
    """The run of subheadings and lists that holds `listing` (its elements added to `seen`), the text printed before
    it and the text printed after it."""
    start = listing
    for sibling in listing.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str) or (sibling.tag not in _RUN_HEADINGS and texts[sibling]):
            break
        if sibling.tag in _RUN_HEADINGS:
            start = sibling
    run: list[HtmlElement] = []
    following = ""
    for element in (start, *start.itersiblings()):
        if not isinstance(element.tag, str):
            continue
        line = texts[element]
        if element.tag in _RUN_HEADINGS or element.tag in _LISTS:
            if line:
                run.append(element)
                seen.add(element)
            if len(run) > MAX_RUN:  # too long for a section: its other lists are not read again either
                seen.update(e for e in element.itersiblings() if e.tag in _LISTS)
                return [], "", ""
        elif line:
            following = line
            break
    return run, texts.sibling_text(start, previous=True), following


def _run_lines(run: list[HtmlElement], flat: str, position: dict[str, int], texts: Texts) -> list[str]:
    """The lines of `run`, or none when one of its subheadings or lists would not go back alone."""
    lines: list[str] = []
    for element in run:
        if element.tag in _RUN_HEADINGS:
            line = texts[element]
            if line in position or not subheading(line):
                return []
            lines.append(line)
        else:
            items = _items(element, flat, texts)
            if not items:
                return []
            lines.extend(items)
    return lines if any(element.tag in _LISTS for element in run) else []
