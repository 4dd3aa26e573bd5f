"""Paragraphs of the article that trafilatura drops from among the ones it keeps.

Some pages cut the article into several boxes of the same kind, one between each pair of inline ads; trafilatura
keeps most of every box but may lose a box's first paragraph (a link or two in it is enough). Such a paragraph is
put back, after the line of the paragraph printed before it, when

- its parent has the same tag and class as the parents of at least `MIN_KEPT_SIBLINGS` paragraphs trafilatura
  kept (a class: an anonymous <div> says nothing about the box), and a kept paragraph of that kind follows it
  (teasers after the article's last paragraph stay out);
- it holds `MIN_WORDS` words or more, mostly outside links, and no picture, formula or script (their text is a
  caption, markup or code), and no element marked as a caption;
- it is outside asides, navigation, footers, figures, forms, lists and quotes (not outside a <header>: page builders
  set their text boxes in one, see `_OUTSIDE`);
- its words are not in the text already, whatever the spaces and invisible characters between them;
- the paragraphs put back on the page hold at most `MAX_PUT_BACK_SHARE` of the words trafilatura kept: more is not
  a box's lost first paragraph but a block trafilatura left out on purpose (the replies under a forum's first post,
  a column of customers' quotes), each of whose paragraphs sits in a box of the article's kind.

Tune halves, body F1: fundus 3 pages fixed, 0 broken (.9538 -> .9545); aeb, newspaper4k, readability and the
trafilatura corpus unchanged. About 0.1 ms a heavy page: the paragraphs are grouped by kind before any is read.
The cap on what is put back changes no text on the tune halves of the eight corpora; on wcxb's other tune pages
(forums, product and service pages) it fixes 2 pages, body F1 .649 -> 1 and .462 -> .672, and changes no other.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.extract._lines import CONTROLS, PROBE_CHARS, line_probe, text_key, with_lines_after
from crawler.extract._text import clean

MIN_KEPT_SIBLINGS = 2
MIN_WORDS = 12
MAX_LINK_SHARE = 0.5
MAX_PUT_BACK_SHARE = 0.5  # the tune pages put back .30 of the text's words at most, the two broken ones 1.08 and .98
# Boxes whose paragraphs are not the article's. <header> was one, measured out (session 24 census of the tune halves,
# body F1, the three passes): a page builder that sets the text beside each picture in a <header> lost all but its first
# box (trafilatura corpus 1 page fixed, .8 -> 1; no other tune page changes). <figure> and <li> also cost a few tune
# pages (wcxb 3: a review's paragraph in a <figure>, products' descriptions in <li>s) and stay: their paragraphs are
# mostly what the labels leave out, a picture's credit, a list of teasers, a thread of readers' comments.
_OUTSIDE = frozenset({"aside", "nav", "footer", "figure", "figcaption", "form", "li", "blockquote"})
_NOT_INSIDE = ("math", "figure", "img", "picture", "video", "script", "style")
# A picture's caption set in a paragraph of the article's kind, marked by its class or a class inside it: not a lost
# paragraph (wcxb tune half, body F1: 2 pages fixed, none broken; see the commit).
_CAPTION = re.compile(r"caption|legend|l[ée]gende", re.IGNORECASE)


def with_missed_paragraphs(text: str, root: HtmlElement) -> str:
    """`text` with the paragraphs trafilatura dropped from among the ones it kept put back in place."""
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for p in root.iter("p"):  # the paragraphs by kind first: only the large kinds are read
        parent = p.getparent()
        marks = parent.get("class") if parent is not None else None
        if marks and parent.tag not in _OUTSIDE:
            groups.setdefault((parent.tag, marks), []).append(p)
    lines = text.split("\n")
    starts: dict[str, int] = {}
    inserts: dict[int, list[str]] = {}
    for group in groups.values():
        if len(group) > MIN_KEPT_SIBLINGS:
            starts = starts or {line_probe(line): index for index, line in enumerate(lines)}
            _missed_in(group, starts, text, inserts)
    if not inserts or _words(inserts) > MAX_PUT_BACK_SHARE * len(text.split()):
        return text
    return with_lines_after(lines, inserts)


def _words(inserts: dict[int, list[str]]) -> int:
    return sum(len(paragraph.split()) for paragraphs in inserts.values() for paragraph in paragraphs)


def _missed_in(group: list[HtmlElement], starts: dict[str, int], text: str, inserts: dict[int, list[str]]) -> None:
    """Add to `inserts` (line index: paragraphs to put after that line) the paragraphs of `group` (one kind)
    that trafilatura dropped between two it kept."""
    found = [(p, _line_of(p, starts)) for p in group]
    if sum(index is not None for _, index in found) < MIN_KEPT_SIBLINGS:
        return
    flat = ""
    pending: list[tuple[int, str]] = []
    previous = -1
    for p, index in found:
        if index is not None:
            previous = index
            for line_index, missed in pending:  # a kept paragraph follows them: they go in
                inserts.setdefault(line_index, []).append(missed)
            pending.clear()
        elif previous >= 0:
            words = CONTROLS.sub("", clean(p.text_content()))  # as trafilatura gives a line
            flat = flat or text_key(text)
            if _missed(p, words, flat):
                pending.append((previous, words))


def _line_of(p: HtmlElement, starts: dict[str, int]) -> int | None:
    """The index of the line that `p` starts, read from its first text node when that is long enough (the
    whole text of every paragraph of a page would cost more than the rest of this step)."""
    own = line_probe(p.text or "")
    return starts.get(own if len(own) == PROBE_CHARS else line_probe(p.text_content()))


def _missed(p: HtmlElement, words: str, flat: str) -> bool:
    if len(words.split()) < MIN_WORDS or line_probe(words) in flat:
        return False
    if any(a.tag in _OUTSIDE for a in p.iterancestors()):
        return False
    if next(p.iterdescendants(*_NOT_INSIDE), None) is not None:
        return False
    if any(_CAPTION.search(el.get("class") or "") for el in p.iter()):  # '<p><span class="article-caption">'
        return False
    linked = sum(len(a.text_content()) for a in p.iter("a"))
    return linked <= MAX_LINK_SHARE * len(words)


# The article cut into sibling containers built from one template (a magazine's text blocks between its pictures and
# quotes, a page builder's rows, a blog's sections between tables): trafilatura keeps one container's paragraphs and
# leaves out the others'. A template is the path of tags and classes from a paragraph's parent up to the root; when
# the paragraphs trafilatura kept of one template come from one or more of its containers and hold at least
# `MIN_TEMPLATE_SHARE` of the text's words, the paragraphs of its other containers that `_missed` accepts (words,
# links, boxes, captions) are put back in the page's order. Paragraphs left out of a container trafilatura kept stay
# out (a closing call to subscribe; what trafilatura dropped between two it kept is `with_missed_paragraphs`' part).
# trafilatura gives one container where the first content class it finds holds a line or two and its fallback keeps
# the best single container. Tune halves, body F1: trafilatura corpus 2 pages fixed (0 -> .8, 0 -> .8; 2 more get the
# rest of their article back, which no snippet names), wcxb 1 broken (.998 -> .852: the labels leave out a closing FAQ
# set in the article's template); readability, aeb, fundus, newspaper4k and postlight unchanged. The share is .37 on a
# fixed page: .25 keeps a template of a few kept lines among many others (a sidebar's) out. Each element's template is
# read once (a walk up from each paragraph's parent that stops at a known one): 0.29 ms a page on average (aeb and
# fundus, 1.5 ms at most), 0.7 s for 30,000 paragraphs 40 elements deep.
MIN_KEPT_IN_TEMPLATE = 2
MIN_TEMPLATE_SHARE = 0.25


def with_split_article(text: str, root: HtmlElement) -> str:
    """`text` with the paragraphs of the article's containers that trafilatura left out put back (see above)."""
    lines = text.split("\n")
    if len(lines) < MIN_KEPT_IN_TEMPLATE:
        return text
    by_parent: dict[HtmlElement, list[HtmlElement]] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(p)
    keys: dict[HtmlElement, int] = {}
    numbers: dict[tuple[str, str, int], int] = {}
    templates: dict[int, list[HtmlElement]] = {}
    for parent in by_parent:
        templates.setdefault(_template(parent, keys, numbers), []).append(parent)
    starts: dict[str, int] = {}
    inserts: dict[int, list[str]] = {}
    for parents in templates.values():
        if len(parents) > 1:
            starts = starts or {line_probe(line): index for index, line in enumerate(lines)}
            _left_out_containers(parents, by_parent, lines, starts, text, inserts)
    return with_lines_after(lines, inserts) if inserts else text


def _template(element: HtmlElement, keys: dict[HtmlElement, int], numbers: dict[tuple[str, str, int], int]) -> int:
    """A number for `element`'s path of (tag, class) up to the root, equal for equal paths: an element's number is
    made from its parent's, so each element of the page is read once whatever the number of paragraphs under it."""
    chain = []
    node: HtmlElement | None = element
    while node is not None and node not in keys:
        chain.append(node)
        node = node.getparent()
    key = -1 if node is None else keys[node]
    for node in reversed(chain):
        key = numbers.setdefault((str(node.tag), node.get("class") or "", key), len(numbers))
        keys[node] = key
    return key


def _left_out_containers(parents: list[HtmlElement], by_parent: dict[HtmlElement, list[HtmlElement]],
                         lines: list[str], starts: dict[str, int], text: str, inserts: dict[int, list[str]]) -> None:
    """Add to `inserts` the paragraphs of the containers of one template (`parents`, in the page's order) that hold
    none trafilatura kept, when the ones it kept from the others are the greater part of the text."""
    found = [(parent, p, _line_of(p, starts)) for parent in parents for p in by_parent[parent]]
    kept = [index for _, _, index in found if index is not None]
    if len(kept) < MIN_KEPT_IN_TEMPLATE:
        return
    if sum(len(lines[index].split()) for index in set(kept)) < MIN_TEMPLATE_SHARE * len(text.split()):
        return
    kept_parents = {parent for parent, _, index in found if index is not None}
    flat = text_key(text)
    previous = min(kept) - 1  # what comes before the first kept paragraph goes before its line
    for parent, p, index in found:
        if index is not None:
            previous = index
        elif parent not in kept_parents:
            words = CONTROLS.sub("", clean(p.text_content()))
            if _missed(p, words, flat):
                inserts.setdefault(previous, []).append(words)


# The article set as text between <br>s in one container (no <p>): trafilatura keeps the lines after each <br> but may
# drop the container's own leading text, the article's first paragraph (its text before the first <br>, inline
# markup included). That text is put back before the first line the container's <br>s start, when it holds
# MIN_LEADING_WORDS words or more, mostly outside links, is outside the boxes of `_OUTSIDE`, and is not in the text.
# Tune halves, body F1: aeb 2 pages fixed (.814 -> .908, .921 -> .938; .9758 -> .9770), wcxb 1 (.977 -> .981), none
# broken; fundus, newspaper4k, readability, trafilatura corpus unchanged. 0.13 ms a page (aeb and fundus pages).
# The leading text may sit in inline markup alone, and so may each line after a <br> ('<div><span>…</span><br><span>…'):
# the container opens with an inline element's text, and a <br> starts the text of the inline element after it when
# its tail is empty. wcxb tune half, body F1: 1 page fixed (.981 -> .986), none broken; the other corpora unchanged.
# A container's own text before its first paragraph ('<div>First lines…<p>Second…</p>') is such a leading text too:
# trafilatura keeps the paragraphs and drops it. It goes back before that paragraph's line on the same conditions
# (`_led_by_text`): wcxb tune half, body F1: 1 page fixed (.861 -> .908), none broken; the other corpora unchanged.
MIN_LEADING_WORDS = 8
MIN_BREAKS = 2
_INLINE = frozenset({"a", "em", "strong", "b", "i", "u", "span", "font", "small", "sup", "sub", "abbr", "cite", "q",
                     "mark", "time"})


def with_leading_text(text: str, root: HtmlElement) -> str:
    """`text` with the leading text of the <br>-set containers whose later lines it holds put back (see above)."""
    containers: dict[HtmlElement, int] = {}
    for br in root.iter("br"):
        parent = br.getparent()
        if parent is not None:
            containers[parent] = containers.get(parent, 0) + 1
    lines = text.split("\n")
    starts: dict[str, int] = {}
    inserts: dict[int, str] = {}
    flat = ""
    for container, breaks in containers.items():
        if breaks < MIN_BREAKS or not _opens_with_text(container):
            continue
        starts = starts or {line_probe(line): index for index, line in enumerate(lines)}
        first = next((starts[key] for key in (line_probe(_after(br)) for br in container.iterchildren("br"))
                      if len(key) == PROBE_CHARS and key in starts), None)
        if first is not None and first not in inserts:
            flat = flat or text_key(text)  # once: read for every container, it grew with the square of the page
            leading = _leading(container, flat)
            if leading:
                inserts[first] = leading
    for container, paragraph in _led_by_text(root, containers).items():
        starts = starts or {line_probe(line): index for index, line in enumerate(lines)}
        first = _line_of(paragraph, starts)
        if first is not None and first not in inserts:
            flat = flat or text_key(text)
            leading = _leading(container, flat)
            if leading:
                inserts[first] = leading
    if not inserts:
        return text
    return with_lines_after(lines, {index - 1: [leading] for index, leading in inserts.items()})  # before its line


def _led_by_text(root: HtmlElement, passed: dict[HtmlElement, int]) -> dict[HtmlElement, HtmlElement]:
    """The containers (other than `passed`) that open with text of their own before their first paragraph
    ('<div>First lines…<p>Second…</p>'), each with that paragraph."""
    found: dict[HtmlElement, HtmlElement] = {}
    seen: set[HtmlElement] = set()  # each container is read once, whatever the number of its paragraphs
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is None or parent in seen or parent in passed or not (parent.text or "").strip():
            continue
        seen.add(parent)
        if next((c for c in parent.iterchildren() if isinstance(c.tag, str) and c.tag not in _INLINE), None) is p:
            found[parent] = p
    return found


def _opens_with_text(container: HtmlElement) -> bool:
    """The container's text opens it, its own or inline markup's first ('<div><span>First…</span><br>…')."""
    if (container.text or "").strip():
        return True
    first = next(iter(container), None)
    return first is not None and first.tag in _INLINE and bool(first.text_content().strip())


def _after(br: HtmlElement) -> str:
    """The text a <br> starts: its tail, or the text of the inline element right after it ('<br><span>…')."""
    tail = br.tail or ""
    if tail.strip():
        return tail
    following = br.getnext()
    return following.text_content() if following is not None and following.tag in _INLINE else ""


def _leading(container: HtmlElement, flat: str) -> str | None:
    """The container's text before its first <br> (inline children included), when it is a missed paragraph."""
    parts, linked = [container.text or ""], 0
    for child in container.iterchildren():
        if child.tag not in _INLINE:
            break
        inner = child.text_content()
        linked += len(inner) if child.tag == "a" else sum(len(a.text_content()) for a in child.iter("a"))
        parts += (inner, child.tail or "")
    words = CONTROLS.sub("", clean("".join(parts)))
    if len(words.split()) < MIN_LEADING_WORDS or linked > MAX_LINK_SHARE * len(words):
        return None
    if line_probe(words) in flat or any(a.tag in _OUTSIDE for a in container.iterancestors()) \
            or container.tag in _OUTSIDE:
        return None
    return words
