"""Text set straight in a division between two lines of the text, which trafilatura leaves out.

Some sites set a paragraph as a bare <div> (its text and inline markup only, no <p>) among the article's <p>s: a
pull-out sentence, a question of an interview, a definition in a coloured box. trafilatura keeps such a division
when the article holds a few paragraphs, and drops it when it holds more (from about six). It is put back between
the two lines the page prints around it, when these are consecutive lines of the text (a run of such divisions goes
back whole, in the page's order: it is read once, from its first division). It holds `MIN_WORDS` words or more,
mostly outside links, is outside navigation, asides, headers and footers, forms, figures, lists, links, tables and
quotes, and is not in the text already; the line before it is not the headline (what a page prints between its
headline and its standfirst is a summary or a kicker, which the labels leave out). The divisions put back on a page
hold at most `MAX_PUT_BACK_SHARE` of the text's words.

Tune halves, body F1: readability 1 page fixed (.938 -> .969, a picture's caption set so, which its labels keep;
.9754 -> .9759), wcxb 1 (.970 -> .984: a quote set so among the paragraphs), none broken; 2
trafilatura-corpus pages get an interview's question and two defined terms back, which no snippet names; aeb,
fundus, newspaper4k and postlight unchanged. Without the headline condition fundus lost a page (a summary under the
headline). One pass over the page's divisions, each run read once; a run's neighbours are looked for `MAX_RUN`
siblings away at most: 0.22 ms a page on average (aeb and fundus, 0.9 ms at most), 0.34 s for a run of 30,000
divisions.

A division whose text sits in inline markup alone is as bare ("<div><span>…</span></div>" of a page builder, "<div><b>
Note:</b> …</div>", "<div><em>…</em></div>"), and so is a legacy page's <center>; one whose inline markup wraps a
player's box or a picture is that medium's caption ("WATCH | …" over a video) and stays out. Tune halves, body F1:
wcxb 4 pages fixed (.961 -> .986, .966 -> .984, .984 -> .996, .942 -> .950: a note, answers of a Q&A, a lead-in set
so), none broken; 3 trafilatura-corpus records change (a player's subline, an author's note, a video's caption), which
no snippet names; readability, aeb, fundus, newspaper4k and postlight unchanged. Without the media condition fundus
lost a page (1 -> .911, a video's caption). A run of 30,000 divisions with their text in a <span>: 0.5 s.
"""

from __future__ import annotations

from itertools import takewhile

from lxml.html import HtmlElement

from crawler.extract._lines import line_probe, text_key, with_lines_after
from crawler.extract._text import clean

MIN_WORDS = 10
MAX_LINK_SHARE = 0.5
MAX_PUT_BACK_SHARE = 0.5
MAX_RUN = 20  # a division's neighbours are looked for this many siblings away at most (a run of bare divisions)
_INLINE = frozenset({"a", "em", "strong", "b", "i", "u", "span", "font", "small", "sup", "sub", "abbr", "cite", "q",
                     "mark", "time", "br", "code", "s", "del", "ins"})
_OUTSIDE = frozenset({"nav", "aside", "header", "footer", "form", "figure", "figcaption", "li", "a", "button", "table",
                      "blockquote"})
_HEADLINE = frozenset({"h1", "header", "hgroup"})
# Inside inline markup, a player's box or a picture: the text beside it is its caption ("WATCH | …" over a video)
_MEDIA = ("div", "p", "img", "picture", "video", "audio", "iframe", "figure", "svg", "object", "embed")
# A division, and the old centred block that legacy pages set their text in: trafilatura reads neither as a paragraph.
_BLOCKS = ("div", "center")


def with_bare_blocks(text: str, root: HtmlElement) -> str:
    """`text` with the bare divisions printed between two of its consecutive lines put back between them."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    position: dict[str | None, int] = {line: index for index, line in enumerate(lines)}
    flat = None
    after: dict[int, list[str]] = {}
    known: dict[HtmlElement | None, bool] = {}  # a division is weighed as a candidate, as a run's next, as a previous

    def bare(element: HtmlElement | None) -> bool:
        if element not in known:
            known[element] = _bare(element)
        return known[element]

    for first in root.iter(_BLOCKS):
        own = first.text
        if (not own or own.isspace()) and (not len(first) or first[0].tag not in _INLINE):
            continue  # most divisions hold no text of their own and open with a block: passed over without a call
        if not bare(first) or bare(_previous_element(first)):
            continue  # not a bare division, or not the first of its run (its run was read with that one)
        run = [first, *takewhile(bare, (s for s in first.itersiblings() if isinstance(s.tag, str)))]
        lines_of = [(block, line) for block, line in ((b, clean(b.text_content())) for b in run)
                    if len(line.split()) >= MIN_WORDS and line not in position and not _holds_media(block)]
        if not lines_of:  # read first: a neighbour's text may be a whole container's
            continue
        before = position.get(_neighbour(first, previous=True) or None)
        if before is None or position.get(_neighbour(run[-1], previous=False) or None) != before + 1:
            continue
        if any(a.tag in _OUTSIDE for a in first.iterancestors()):
            continue
        flat = flat if flat is not None else text_key(text)
        for block, line in lines_of:
            if line_probe(line) not in flat and _unlinked(block, line):
                after.setdefault(before, []).append(line)
    if not after or sum(len(line.split()) for lines_ in after.values() for line in lines_) > MAX_PUT_BACK_SHARE * len(
            text.split()):
        return text
    return with_lines_after(lines, after)


def _bare(element: HtmlElement | None) -> bool:
    """A <div> (or <center>) with inline markup alone inside and text, its own or its inline markup's ("<div><span>…",
    "<div><b>Note:</b> …")."""
    if element is None or element.tag not in _BLOCKS:
        return False
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _INLINE:
            return False
    own = element.text
    return bool(own and not own.isspace()) or any(piece.strip() for piece in element.itertext())


def _holds_media(block: HtmlElement) -> bool:
    """A player's or a picture's caption set beside it: inline markup that wraps the player's box or the picture."""
    return next(block.iterdescendants(*_MEDIA), None) is not None


def _previous_element(element: HtmlElement) -> HtmlElement | None:
    return next((s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str)), None)


def _neighbour(block: HtmlElement, previous: bool) -> str:
    """The text of the nearest element before (or after) `block` that has any, "" when that is the headline or none
    is found within MAX_RUN siblings (`block` is the first or the last of its run of bare divisions)."""
    for count, sibling in enumerate(block.itersiblings(preceding=previous)):
        if count >= MAX_RUN:
            return ""
        if not isinstance(sibling.tag, str):
            continue
        line = clean(sibling.text_content())
        if line:
            return "" if sibling.tag in _HEADLINE else line
    return ""


def _unlinked(block: HtmlElement, line: str) -> bool:
    return sum(len(clean(a.text_content())) for a in block.iter("a")) <= MAX_LINK_SHARE * len(line)
