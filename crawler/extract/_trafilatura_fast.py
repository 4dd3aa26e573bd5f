"""Identical but cheaper versions of trafilatura's costliest internals, installed once per process.

On a 170 KB page trafilatura spends most of its time in three places that do the same work over and over:

- the raw-tree prunes at the start of its cascade (``RAW_TREE_PRUNE_XPATH``, ``REMOVE_COMMENTS_AND_LISTS_XPATH``):
  XPaths of the form ``.//*[self::div or self::section …][re:test(@class, …)]`` evaluate their predicates on every
  element of the page in libxml2 and call back into Python for each regex: about 2 ms a heavy page. The same
  selection, made by lxml's tag-filtered iteration and the same regexes on the few candidate elements, costs
  about 0.1 ms;
- its readability fallback (``readability_lxml.Document``), which runs on every page: ``score_paragraphs`` measures
  the text of every link once per candidate that contains it (the page's <body> is a candidate: every link of the
  page, again). While it runs, each link's length is remembered (its own code runs unchanged). Its
  ``remove_unlikely_candidates`` looks at every element of the page for a class or an id (a Python object made for
  each, about 1 100 on a heavy page); an XPath hands it the hundred or so that have one: 0.4 ms less a heavy page;
- its copies of the whole page: ``bare_extraction`` copies the tree it is given before anything else, only because
  the raw-tree prunes at the start of its cascade would otherwise remove elements from the caller's tree: every later
  step copies that tree again before it changes anything. While a tree is lent (``lent``), that first copy is put off
  until a prune would remove something, which on most pages none does: 0.3-0.5 ms less a heavy page (the copy, and
  freeing it).

Nothing here changes a result: each replacement computes the same values in the same order (the record-diff
bench, ``bench/record_diff.py``, compares every field on every page of the four real corpora and the heavy
outlet before and after; tests/test_extract_speed_paths.py compares each replacement with the original on
project-written pages). Each one is installed only when the installed trafilatura is the version it was written
for and the original it replaces is the one it was checked against (a digest of the XPath's text, the very methods):
an upgraded trafilatura runs as shipped until this module is checked again.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import trafilatura
import trafilatura.core
import trafilatura.settings
from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from trafilatura import readability_lxml, xpaths
from trafilatura.xml import delete_element

from crawler.extract._cache import Remembered, remembered_if_short

CHECKED_VERSION = "2.3.1"
_installed: list[str] = []


class TagsWhere:
    """``.//*[self::t1 or self::t2 …][test]`` as lxml's tag-filtered iteration and a Python test: the same elements
    (the descendants of the context element with one of `tags`, no namespace), in document order."""

    def __init__(self, tags: tuple[Any, ...], test: Callable[[HtmlElement], bool]) -> None:
        self.tags, self.test = tags, test  # tag names, or etree.Element for every element (``.//*``)
        self.original: etree.XPath | None = None  # the expression it stands for, once installed in its place

    def __call__(self, tree: HtmlElement) -> list[HtmlElement]:
        return [el for el in tree.iterdescendants(*self.tags) if self.test(el)]


class _Answers(Remembered[bool]):
    """A search's answers by attribute value, an absent attribute (None) read as '' and remembered as None too."""

    def __missing__(self, value: str | None) -> bool:
        if value is None:
            answer = self[None] = self[""]  # type: ignore[index]
            return answer
        return super().__missing__(value)


# The class values whose answers a pattern remembers (those of at most _cache.MAX_CACHED_CHARS characters)
CACHED_VALUES = 4096


class CachedSearch:
    """EXSLT ``re:test(@attr, pattern)`` as lxml runs it (``re.search`` on the attribute's value, '' when absent), its
    answers remembered by value: a page gives the same class to many elements, and these patterns (long alternations)
    cost a microsecond a search. Values over MAX_CACHED_CHARS are searched each time. `test` is the bound
    ``__getitem__`` of the answers (`_Answers`), a C call where the answer is known (a call through ``__call__`` cost
    155 ns, a plain function around an lru_cache 93)."""

    def __init__(self, pattern: str) -> None:
        search = re.compile(pattern, re.UNICODE).search
        self.cached = _Answers(lambda value: search(value) is not None, CACHED_VALUES)
        self.test: Callable[[str | None], bool] = self.cached.__getitem__  # type: ignore[assignment]


def _searches(pattern: str) -> Callable[[str | None], bool]:
    """`CachedSearch`'s test: every search of a class or an id (where each was a lambda around ``re.search``, 0.4 µs
    a call, a thousand calls a real page)."""
    return CachedSearch(pattern).test


def _raw_tree_prunes() -> list[tuple[int, str, TagsWhere]]:
    """The boxes an infinite scroll appends (unless they hold the page's <h1>) and Elementor's share buttons."""
    in_scroll, in_posts = _searches("mvp-post-add-(?:box|wrap)|infinite-?scroll"), _searches("mvp-post-add-(?:box|wrap)")

    def appended(el: HtmlElement) -> bool:
        ident, cls = el.get("id"), el.get("class")
        if not (in_scroll(ident) or in_scroll(cls)):
            return False
        return next(el.iterdescendants("h1"), None) is None or in_posts(ident) or in_posts(cls)

    def share_buttons(el: HtmlElement) -> bool:
        return "elementor-share-buttons" in (el.get("class") or "")

    boxes = ("div", "section", "aside")
    return [(0, "01e7c660fd6406f2", TagsWhere(boxes, appended)), (1, "3c7afe92279543d5", TagsWhere(boxes, share_buttons))]


def _comment_prunes() -> list[tuple[int, str, TagsWhere]]:
    """Comment threads, by id or class (a list only by its own id or class)."""
    ids, classes = xpaths._COMMENTS_ID, xpaths._COMMENTS_CLASS
    any_id, list_id, any_class = _searches(f"^(?:{ids}|disqus_thread|dsq-comments)"), _searches(f"^(?:{ids})"), \
        _searches(classes)

    def thread(el: HtmlElement) -> bool:
        ident, cls = el.get("id"), el.get("class")
        if not (any_id(ident) or any_class(cls)):
            return False
        return el.tag not in ("ol", "ul") or list_id(ident) or any_class(cls)

    tags = ("div", "list", "section", "details", "ol", "ul")
    return [(0, "9cc18d34e6e2d258", TagsWhere(tags, thread))]


class FirstWhere:
    """``(.//*[self::t1 or self::t2 …][test])[1]``, or ``.//*[…][test][1]`` where only its first element is read
    (``next(iter(…))``): that element alone, in a list, found by a walk over the descendants with one of `tags`
    that stops there. The second form keeps the first match among each element's children, so its first element
    is the first match in document order too."""

    def __init__(self, tags: tuple[str, ...], test: Callable[[HtmlElement], bool]) -> None:
        self.tags, self.test = tags, test
        self.original: etree.XPath | None = None  # the expression it stands for, once installed in its place

    def __call__(self, tree: HtmlElement) -> list[HtmlElement]:
        return next(([el] for el in tree.iterdescendants(*self.tags) if self.test(el)), [])


def _article_body() -> FirstWhere:
    """The first stage of the main extractor's cascade (the second, ``(.//article)[1]``, is cheap as it is): the
    article's body by its class, id or itemprop."""
    in_id = _searches(xpaths._alt(xpaths._ARTICLE_CONTENT_ID_TOKENS))
    in_class = _searches(xpaths._alt(xpaths._ARTICLE_CONTENT_CLASS_TOKENS))

    def article_body(el: HtmlElement) -> bool:
        cls, ident = el.get("class"), el.get("id")
        return (cls in ("post", "entry") or el.get("itemprop") == "articleBody" or ident == "articleContent"
                or in_id(ident) or in_class(cls))

    return FirstWhere(_BODY_TAGS, article_body)


def _story() -> FirstWhere:
    """Its third stage: a story's container by its role, class or id."""
    in_id, in_class = _searches(xpaths._alt(xpaths._STORY_ID_TOKENS)), _searches(xpaths._alt(xpaths._STORY_CLASS_TOKENS))
    full_text = re.compile("fulltext", re.UNICODE | re.IGNORECASE).search  # re:test's 'i' flag, as lxml compiles it

    def story(el: HtmlElement) -> bool:
        cls, ident = el.get("class"), el.get("id")
        return (el.get("role") == "article" or ident in ("article", "story")
                or cls in ("postarea", "art-postcontent", "text", "cell", "story") or in_id(ident)
                or full_text(cls or "") is not None or in_class(cls))

    return FirstWhere(_BODY_TAGS, story)


def _main_content() -> FirstWhere:
    """Its fourth stage: the page's main content by its class or id (translate() lowers only the letters it names)."""
    in_id = _searches(xpaths._alt(xpaths._MAIN_CONTENT_ID_TOKENS))
    in_class = _searches(xpaths._alt(xpaths._MAIN_CONTENT_CLASS_TOKENS))

    def main_content(el: HtmlElement) -> bool:
        cls, ident = el.get("class"), el.get("id")
        return (ident == "content" or cls == "content" or in_id(ident) or in_class(cls)
                or "main-content" in (ident or "").replace("C", "c").replace("M", "m")
                or "main-content" in (cls or "").replace("C", "c").replace("M", "m")
                or "page-content" in (cls or "").replace("C", "c").replace("P", "p"))

    return FirstWhere(_BODY_TAGS, main_content)


_BODY_TAGS = ("article", "div", "main", "section")
# _extract, the only reader of BODY_XPATH, takes the first element of each expression's list (``next(…)``) and
# nothing else: checked by a digest of its source, with the expression's own.
_EXTRACT_DIGEST = "3e0e39ed3e03e8e4"


def _replace_body_xpath() -> None:
    if _source_digest(importlib.import_module("trafilatura.main_extractor")._extract) != _EXTRACT_DIGEST:
        return
    for index, digest, build in ((0, "caaa561ceca17064", _article_body), (2, "6c9b5e1fdc092943", _story),
                                 (3, "10a7ceacc0ff8cdf", _main_content)):
        current = xpaths.BODY_XPATH[index] if index < len(xpaths.BODY_XPATH) else None
        if isinstance(current, etree.XPath) and hashlib.sha256(current.path.encode()).hexdigest()[:16] == digest:
            replacement = build()
            replacement.original = current
            xpaths.BODY_XPATH[index] = replacement  # the list object main_extractor imported: replaced in place
            _installed.append(f"BODY_XPATH[{index}]")


def _replace_xpaths() -> None:
    """Each replacement takes the place of the expression whose text it was checked against (a digest of that text:
    the replacement was compared with it on the corpora, see the module docstring)."""
    for name, replacements in (("RAW_TREE_PRUNE_XPATH", _raw_tree_prunes()),
                               ("REMOVE_COMMENTS_AND_LISTS_XPATH", _comment_prunes())):
        expressions: list[Any] = getattr(xpaths, name)
        for index, digest, replacement in replacements:
            current = expressions[index] if index < len(expressions) else None
            if isinstance(current, etree.XPath) and hashlib.sha256(current.path.encode()).hexdigest()[:16] == digest:
                replacement.original = current
                expressions[index] = replacement  # the list object trafilatura.core imported: replaced in place
                _installed.append(f"{name}[{index}]")


# --- the main extractor's discard prunes (OVERALL_DISCARD_XPATH) ------------------------------------------------

def _first_of(el: HtmlElement, first: str, second: str) -> str:
    """``string(@first|@second)`` as XPath and EXSLT read it: the value of whichever of the two attributes comes first in
    the element's attributes (document order), '' when it has neither."""
    one: str | None = el.get(first)
    other: str | None = el.get(second)
    if one is None:
        return other or ""
    if other is None:
        return one
    return next(str(value) for name, value in el.items() if name in (first, second))


def _boilerplate_blocks() -> TagsWhere:
    """Its first expression: blocks whose class or id names navigation, sharing, ads, footers, bylines, cookie
    banners (by the first of the two), or whose role says navigation."""
    cookie = _searches(xpaths._alt(xpaths._CONSENT_ID_CLASS_TOKENS))
    in_id = _searches(xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS + xpaths._OVERALL_DISCARD_ID_TOKENS))
    in_class = _searches(xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS + xpaths._OVERALL_DISCARD_CLASS_TOKENS))

    def boilerplate(el: HtmlElement) -> bool:
        cls, ident = el.get("class"), el.get("id")
        if (cls is not None or ident is not None) and (in_class(cls) or in_id(ident) or cookie(_first_of(el, "id", "class"))):
            return True
        role = el.get("role")
        return (el.get("data-lp-replacement-content") is not None or (role is not None and "nav" in role.replace("N", "n"))
                or "MostPopularStories" in (el.get("data-component") or ""))

    return TagsWhere(("div", "item", "list", "p", "section", "span"), boilerplate)


_HIDDEN_CLASS = "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|noprint|notloaded"
_HIDDEN_ID = "reader-comments|akismet"


def _hidden_or_replies() -> TagsWhere:
    """Its second: any element hidden by its style, id or class or ``aria-hidden``, reply boxes and comment titles."""
    in_id, in_class = _searches(_HIDDEN_ID), _searches(_HIDDEN_CLASS)

    def hidden(el: HtmlElement) -> bool:
        cls, ident, style = el.get("class"), el.get("id"), el.get("style")
        if (cls is not None or ident is not None) and (
                cls == "comments-title" or in_class(cls) or in_id(ident) or _first_of(el, "id", "class").startswith("reply-")):
            return True
        if (ident is not None or style is not None) and (
                "hidden" in _first_of(el, "id", "style")
                or (style is not None and ("display:none" in style or "display: none" in style))):
            return True
        return bool(el.get("aria-hidden") == "true")

    return TagsWhere((etree.Element,), hidden)


def _replace_overall_discard() -> None:
    expressions: list[Any] = xpaths.OVERALL_DISCARD_XPATH
    for index, digest, replacement in ((0, "a837e58a1b1ea116", _boilerplate_blocks()),
                                       (1, "c1d5b70b8cd03783", _hidden_or_replies())):
        current = expressions[index] if index < len(expressions) else None
        if isinstance(current, etree.XPath) and hashlib.sha256(current.path.encode()).hexdigest()[:16] == digest:
            replacement.original = current
            expressions[index] = replacement  # the list object main_extractor and external imported: replaced in place
            _installed.append(f"OVERALL_DISCARD_XPATH[{index}]")


# --- readability fallback -------------------------------------------------------------------------------------

_original_score_paragraphs = readability_lxml.Document.score_paragraphs
_original_link_density = readability_lxml.Document.get_link_density
_scoring = threading.local()  # .links while score_paragraphs runs: each link's text length, measured once


def score_paragraphs(self: Any) -> dict[HtmlElement, Any]:
    """trafilatura's own ``Document.score_paragraphs``, run while each link's text length is remembered: it asks the
    link density of every candidate, and each asks the length of every link it holds (the page's <body>, a
    candidate, all of them) although nothing changes the tree meanwhile."""
    _scoring.links = {}
    try:
        return _original_score_paragraphs(self)
    finally:
        _scoring.links = None


def get_link_density(self: Any, elem: HtmlElement) -> float:
    """The original's value: the length of the links' text over the element's, with each link measured once while
    the candidates are scored (at any other time, the original, since the tree may have changed)."""
    links: dict[HtmlElement, int] | None = getattr(_scoring, "links", None)
    if links is None:
        return _original_link_density(self, elem)
    linked = 0
    for link in elem.iterdescendants("a"):
        length = links.get(link)
        if length is None:
            # without child elements a link's text_content() is its .text: read without an XPath call
            length = links[link] = (readability_lxml.text_length(link) if len(link)
                                    else len(" ".join((link.text or "").split())))
        linked += length
    return linked / (readability_lxml.text_length(elem) or 1)


_original_remove_unlikely = readability_lxml.Document.remove_unlikely_candidates
_REMOVE_UNLIKELY_DIGEST = "6ef38c8475242af9"  # of the original's source text, which this was checked against
# The descendants with a class or an id, in document order, for a tree that is no element (an XPath's context then).
# The predicate is evaluated on every element; the union of their attributes' parents
# (``(descendant::*/@class|descendant::*/@id)/..``) sorts the attributes instead, which costs more where most elements
# have one.
_WITH_CLASS_OR_ID = etree.XPath("descendant::*[@class or @id]")


def remove_unlikely_candidates(self: Any) -> None:
    """The original's pruning: every element (but <html> and <body>) whose class and id, joined by a space and
    lowercased, match the "unlikely" pattern and not the "maybe a candidate" one goes, with its subtree. The
    elements are the original's, in its order, less those with neither attribute (joined, under two characters:
    the original passes over them); all are weighed before any goes, as the original lists them all first (what it
    weighs, an element's attributes and tag, no removal changes)."""
    for elem in _unlikely_candidates(self.doc):
        elem.drop_tree()


def _unlikely_candidates(doc: Any) -> list[HtmlElement]:
    """The descendant elements of `doc` that the original removes, in document order, found by a walk over the
    descendants that asks each for its class and id once and weighs it at once (`_unlikely`): 1.85 -> 1.2 ms a page
    of aeb and fundus (CPU) against `_WITH_CLASS_OR_ID`, which evaluated its predicate on every element, then handed
    each over to be asked again and weighed in a second loop (`doc` is an element: trafilatura hands readability
    one; the XPath is kept for anything else)."""
    elements = doc.iterdescendants(etree.Element) if isinstance(doc, etree._Element) else _WITH_CLASS_OR_ID(doc)
    unlikely, frames = _unlikely, readability_lxml.FRAME_TAGS
    doomed = []
    for elem in elements:
        cls, ident = elem.get("class"), elem.get("id")
        if cls is None and ident is None:
            continue
        attrs = f"{cls} {ident}" if cls and ident else cls or ident or ""
        if len(attrs) >= 2 and unlikely(attrs) and elem.tag not in frames:
            doomed.append(elem)
    return doomed


@remembered_if_short(CACHED_VALUES)
def _unlikely(attrs: str) -> bool:
    """The original's verdict on a class and id joined, remembered by value for the life of the worker, where the
    original remembered it for one page: pages of one site repeat their classes, and a quarter of a page's 222
    values (aeb and fundus pages, one site each) came up on another page already."""
    low = attrs.lower()
    return bool(readability_lxml.REGEXES["unlikelyCandidatesRe"].search(low)) and not \
        readability_lxml.REGEXES["okMaybeItsACandidateRe"].search(low)


_original_transform = readability_lxml.Document.transform_misused_divs_into_paragraphs
_TRANSFORM_DIGEST = "8c48b6cf632ab198"  # of the original's source text, which this was checked against


def transform_misused_divs_into_paragraphs(self: Any) -> None:
    """The original's: a <div> with no block descendant (a tag that opens with one of DIV_TO_P_PREFIXES) becomes a
    <p>, one that holds a link only if it holds loose text too; then each <div>'s loose text goes into a <p> of its
    own and its <br>s go. Whether the <div> holds a link (``find(".//a")``, an ElementPath search) and loose text
    (``xpath("text()[normalize-space()]")``, an XPath compiled at each call) is asked through lxml's iteration and
    `_loose_text`: the same answers, for a fraction of the cost."""
    prefixes = readability_lxml.DIV_TO_P_PREFIXES
    for elem in self.doc.findall(".//div"):
        # a div without block descendants becomes a <p>, a link wrapper only if it has loose text
        if not any(str(e.tag).startswith(prefixes) for e in elem.iterdescendants("*")) and (
            next(elem.iterdescendants("a"), None) is None or _loose_text(elem)
        ):
            elem.tag = "p"

    for elem in self.doc.findall(".//div"):  # the original's second loop, as it is
        if elem.text and elem.text.strip():
            p_elem = fragment_fromstring("<p/>")
            p_elem.text, elem.text = elem.text, None
            elem.insert(0, p_elem)

        for pos, child in reversed(list(enumerate(elem))):
            if child.tail and child.tail.strip():
                p_elem = fragment_fromstring("<p/>")
                p_elem.text, child.tail = child.tail, None
                elem.insert(pos + 1, p_elem)
            if child.tag == "br":
                child.drop_tree()


def _loose_text(elem: HtmlElement) -> bool:
    """``elem.xpath("text()[normalize-space()]")`` is not empty: one of its own text nodes (its text, its children's
    tails) holds something other than XML whitespace (space, tab, carriage return, line feed)."""
    return any(text.strip(" \t\r\n") for text in (elem.text, *(child.tail for child in elem)) if text)


_original_class_weight = readability_lxml.Document.class_weight
_CLASS_WEIGHT_DIGEST = "d97a398e8ac23fa0"  # of the original's source text, which this was checked against
_PLAIN_WORDS = re.compile(r"[a-z|-]+")  # a pattern of lower-case words and dashes, no class nor escape


def class_weight(self: Any, elem: HtmlElement) -> float:
    """The original's weight of an element's class and id (-25 for each that the negative pattern finds, +25 for
    each that the positive one finds), each value weighed once for the worker's life (`_attribute_weight`): the
    original searched both patterns, case aside, on each candidate's values and again in the sanitising step,
    0.69 ms a page of aeb and fundus (42 searches)."""
    weight = 0
    for attribute in filter(None, (elem.get("class"), elem.get("id"))):
        weight += _attribute_weight(attribute)
    return weight


def _plain(name: str) -> Callable[[str], Any] | None:
    """The search of REGEXES[name], case aside, run on an ASCII value lower-cased, where the pattern is words in lower
    case (the same answer: an ASCII character matches a lower-case letter, case aside, only where its lower case is
    that letter), else None; `re` searches five times faster with case kept."""
    original = readability_lxml.REGEXES[name]
    if original.flags & re.IGNORECASE and _PLAIN_WORDS.fullmatch(original.pattern):
        return re.compile(original.pattern).search
    return None


@remembered_if_short(CACHED_VALUES)
def _attribute_weight(attribute: str) -> int:
    negative, positive = _NEGATIVE, _POSITIVE
    if negative is not None and positive is not None and attribute.isascii():
        low = attribute.lower()
        found_negative, found_positive = negative(low), positive(low)
    else:
        found_negative = readability_lxml.REGEXES["negativeRe"].search(attribute)
        found_positive = readability_lxml.REGEXES["positiveRe"].search(attribute)
    return (-25 if found_negative else 0) + (25 if found_positive else 0)


_NEGATIVE, _POSITIVE = _plain("negativeRe"), _plain("positiveRe")


def _source_digest(function: Callable[..., Any]) -> str:
    try:
        return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]
    except (OSError, TypeError):
        return ""


def _replace_readability() -> None:
    document = readability_lxml.Document
    if (document.score_paragraphs is _original_score_paragraphs
            and document.get_link_density is _original_link_density):
        document.score_paragraphs = score_paragraphs  # type: ignore[method-assign]
        document.get_link_density = get_link_density  # type: ignore[method-assign]
        _installed.append("readability link lengths")
    if (document.remove_unlikely_candidates is _original_remove_unlikely
            and _source_digest(_original_remove_unlikely) == _REMOVE_UNLIKELY_DIGEST):
        document.remove_unlikely_candidates = remove_unlikely_candidates  # type: ignore[method-assign]
        _installed.append("readability unlikely candidates")
    if (document.transform_misused_divs_into_paragraphs is _original_transform
            and _source_digest(_original_transform) == _TRANSFORM_DIGEST):
        document.transform_misused_divs_into_paragraphs = transform_misused_divs_into_paragraphs  # type: ignore[method-assign]
        _installed.append("readability misused divs")
    if document.class_weight is _original_class_weight and _source_digest(_original_class_weight) == _CLASS_WEIGHT_DIGEST:
        document.class_weight = class_weight  # type: ignore[method-assign]
        _installed.append("readability class weights")


# --- the page measure's clean-up (baseline.basic_cleaning) ------------------------------------------------------

_baseline: Any = importlib.import_module("trafilatura.baseline")  # the package's name 'baseline' is the function
_BASIC_CLEAN_DIGEST = "db6c25acd08aef99"  # of BASIC_CLEAN_XPATH's text, which BasicClean was checked against
_BASIC_CLEAN_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})


class BasicClean:
    """``BASIC_CLEAN_XPATH`` as one walk over the descendants, in document order: the elements named in it (asides,
    footers, scripts, styles, svg, templates…), a <div> whose class or id (the first of them the element carries, as
    ``contains(@class|@id, …)`` reads them) holds 'footer', and any element whose class or id the cookie-banner
    pattern finds, case aside (EXSLT ``re:test(…, 'i')``: ``re.search`` with IGNORECASE). The XPath calls back into
    Python for both regexes on every element of the page: 4.1 ms on a real page (aeb and fundus corpora, 255 KB on
    average), 1.2 ms this way. trafilatura runs it on a copy of the page to measure the page's text (``html2txt``,
    on a third of the pages), in its justext fallback and in its baseline."""

    def __init__(self, cookie_pattern: str, original: etree.XPath) -> None:
        search = re.compile(cookie_pattern, re.UNICODE | re.IGNORECASE).search  # as lxml compiles it for 'i'
        self.cookie = remembered_if_short(CACHED_VALUES)(lambda value: search(value) is not None)
        self.original = original

    def __call__(self, tree: HtmlElement) -> list[HtmlElement]:
        drops = self.drops
        return [el for el in tree.iterdescendants(etree.Element) if drops(el)]

    def drops(self, el: HtmlElement) -> bool:
        """The expression selects this element (an element, not a comment)."""
        if el.tag in _BASIC_CLEAN_TAGS:
            return True
        cls, ident = el.get("class"), el.get("id")
        if cls is None and ident is None:
            return False
        return bool((el.tag == "div" and "footer" in (_first_class_or_id(el) if cls is not None and ident is not None
                                                      else cls or ident or ""))
                    or (cls is not None and self.cookie(cls)) or (ident is not None and self.cookie(ident)))


def _first_class_or_id(el: HtmlElement) -> str:
    """The value of whichever of class and id comes first in the element's attributes (document order)."""
    return next(str(value) for name, value in el.items() if name in ("class", "id"))


def _replace_basic_clean() -> None:
    current, pattern = getattr(_baseline, "BASIC_CLEAN_XPATH", None), getattr(trafilatura.settings, "_COOKIE_CONSENT_RE", "")
    if (isinstance(current, etree.XPath) and hashlib.sha256(current.path.encode()).hexdigest()[:16] == _BASIC_CLEAN_DIGEST
            and pattern and f"re:test(@id, '{pattern}', 'i')" in current.path):
        _baseline.BASIC_CLEAN_XPATH = BasicClean(pattern, current)  # read by basic_cleaning at each call
        _installed.append("BASIC_CLEAN_XPATH")



# --- the page measure of the recall escalation (html2txt), counted ------------------------------------------------

_original_html2txt = _baseline.html2txt
# Digests of the source of what html2txt runs, checked: it copies the element (load_html hands an element back as it
# is), deletes what BASIC_CLEAN_XPATH selects below <body> (delete_element: each one's tail joined to the text or tail
# before it), spaces the block elements (_spaced_text: a space before the text and the tail of each, both rid of
# control characters by remove_control_characters) and joins the words of the text. trafilatura_sequence reads only
# its length (``len(html2txt(tree))``).
_MEASURE_DIGESTS = {"html2txt": "a8c97eab2097c57d", "_spaced_text": "d04314f988c6afae",
                    "basic_cleaning": "80877b2ccdefda2d", "remove_control_characters": "26cbe32b70e70e35",
                    "delete_element": "76e448c154eb43ba", "load_html": "bc0039c89805dea3"}
_SEQUENCE_DIGEST = "f03dc4d2946dacbd"  # trafilatura_sequence
# Characters lxml refuses in a text it is given (html2txt gives it each block's text and tail, and each tail it joins):
# where the page holds one, html2txt raises, and the original runs to raise it as before
_REFUSED_BY_LXML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _MeasuredText:
    """What ``trafilatura_sequence`` reads of html2txt's text: its length."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length

    def __len__(self) -> int:
        return self.length


class _Refused(Exception):
    """A text holds a character lxml refuses (`_REFUSED_BY_LXML`)."""


def _printable(text: str) -> str:
    """remove_control_characters(`text`), where lxml would take the text as it is."""
    if text.isprintable():
        return text
    if _REFUSED_BY_LXML.search(text):
        raise _Refused
    return _baseline.remove_control_characters(text)  # type: ignore[no-any-return]


def page_text_length(tree: HtmlElement, clean: BasicClean) -> int:
    """``len(html2txt(tree))`` counted on `tree` as it is, without the copy html2txt makes and changes (0.7 ms on a
    255 KB page) and the text it builds of it: one walk over the <body> (or `tree` without one) in document order
    gathers the same pieces of text that html2txt's text is made of (a space before each block element's text and
    tail, both rid of control characters; nothing of an element `clean` drops but its tail, joined to what comes
    before it, and so rid of control characters where that is a block's text or tail; a comment's tail), and
    counts the words joined as html2txt joins them: 3.2 -> 2.3 ms a measure (it runs on 65 of 200 aeb and fundus
    pages).
    A text lxml would refuse (html2txt raises) and a block element as the root (html2txt spaces its tail too) go
    to the original."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    if body.tag in _BLOCKS:
        return len(_original_html2txt(tree))
    try:
        pieces = _spaced_pieces(body, clean.drops)
    except _Refused:
        return len(_original_html2txt(tree))
    text = "".join(pieces)
    if _REFUSED_BY_LXML.search(text):  # in an inline element's text or tail, which html2txt may set
        return len(_original_html2txt(tree))
    return len(" ".join(text.split()))


def _spaced_pieces(body: HtmlElement, drops: Callable[[HtmlElement], bool]) -> list[str]:
    """The pieces of html2txt's text of `body` (not a block element), in order (see `page_text_length`)."""
    pieces: list[str] = []
    append, blocks = pieces.append, _BLOCKS
    walk = etree.iterwalk(body, events=("start", "end", "comment", "pi"))
    host = False  # the text a dropped element's tail joins is a block element's (its text, or its tail)
    dropped = None
    for event, el in walk:
        if event == "start":
            if el is not body and drops(el):
                walk.skip_subtree()  # its "end" comes next
                dropped = el
                continue
            piece = el.text
        elif event == "end":
            if el is body:  # never dropped
                break
            piece = el.tail
            if el is dropped:  # its tail, joined to the text before it
                if piece:
                    append(_printable(piece) if host else piece)
                continue
        else:  # a comment or a processing instruction: its tail alone
            host = False
            if el.tail:
                append(el.tail)
            continue
        host = el.tag in blocks  # an element's text (at its start) or tail (at its end): spaced when it is a block's
        if host:
            append(" ")
            if piece:
                append(_printable(piece))
        elif piece:
            append(piece)
    return pieces


def _html2txt(content: Any, clean: bool = True) -> Any:
    """trafilatura.core's ``html2txt``: on an element, its text's length alone (`page_text_length`)."""
    cleaning = _baseline.BASIC_CLEAN_XPATH
    if clean and isinstance(content, HtmlElement) and isinstance(cleaning, BasicClean):
        return _MeasuredText(page_text_length(content, cleaning))
    return _original_html2txt(content, clean)


def _count_page_measure() -> None:
    global _BLOCKS
    if ("BASIC_CLEAN_XPATH" in _installed and _core.html2txt is _original_html2txt
            and _source_digest(_core.trafilatura_sequence) == _SEQUENCE_DIGEST
            and all(_source_digest(getattr(_baseline, name)) == digest for name, digest in _MEASURE_DIGESTS.items())):
        _BLOCKS = frozenset(_baseline._BLOCK_ELEMS)
        _core.html2txt = _html2txt
        _installed.append("page measure counted")


_BLOCKS: frozenset[str] = frozenset()  # html2txt's block elements, read when installed

# --- the first copy of the page, put off -------------------------------------------------------------------------

_lending = threading.local()  # .tree: the caller's tree while bare_extraction runs on it uncopied, else None
_core: Any = trafilatura.core  # its internals, not exported
_original_copy = _core.copy
_original_prune = _core.prune_unwanted_nodes
# Digests of the source of every function of trafilatura.core that holds the tree given to bare_extraction, checked
# to leave it as it is but for the raw-tree prunes: bare_extraction (copies it first), trafilatura_sequence (prunes
# it, then hands it to the rest), _prepare_tree and _extract_and_compare (copy it before changing it), _recall_retry
# (hands it to those two). baseline and html2txt, which it may reach too, copy an element they are given.
_CORE_DIGESTS = {"bare_extraction": "2e57adb3062086f9", "trafilatura_sequence": "f03dc4d2946dacbd",
                 "_prepare_tree": "9595f0642825c2c7", "_extract_and_compare": "f7d056c2118222e8",
                 "_recall_retry": "59594c39714f57be"}
_PRUNE_DIGEST = "4731f8e24ef86449"  # prune_unwanted_nodes: each expression's elements go, tail kept, before the next one runs


@contextmanager
def lent(tree: HtmlElement) -> Iterator[None]:
    """While ``bare_extraction(tree, …)`` runs in this block, it reads `tree` itself where it would read a copy, and
    copies it only before a raw-tree prune removes something from it: `tree` is left as it was either way."""
    _lending.tree, _lending.fresh = tree, True
    try:
        yield
    finally:
        _lending.tree = None


def _copy(item: Any) -> Any:
    """trafilatura.core's ``copy``: its first copy of the lent tree (bare_extraction's, of its input) is the tree; a
    copy of a put-off backup (`_Backup`) is the backup, made."""
    if item is getattr(_lending, "tree", None) and _lending.fresh:
        _lending.fresh = False
        return item
    if isinstance(item, _Backup):
        return item.made()
    return _original_copy(item)


def _prune(tree: HtmlElement, nodelist: list[Any], with_backup: bool = False) -> HtmlElement:
    """trafilatura.core's ``prune_unwanted_nodes``: on the lent tree, the copy bare_extraction put off is made when
    an expression first selects something, and the copies of the elements it selected go (the outermost ones: the
    others went with them), as they would have gone from bare_extraction's copy; the expressions after it run on
    the copy. The expressions before it selected nothing, so they removed nothing."""
    if tree is not getattr(_lending, "tree", None):
        return _original_prune(tree, nodelist, with_backup)
    if with_backup:  # not a raw-tree prune's: the copy first
        _lending.tree = None
        return _original_prune(_original_copy(tree), nodelist, with_backup)
    for index, expression in enumerate(nodelist):
        selected = expression(tree)
        if selected:
            _lending.tree = None
            copied = _original_copy(tree)
            for element in [_same_place(copied, tree, el) for el in _outermost(selected)]:
                delete_element(element)  # what prune_unwanted_nodes removes with
            return _original_prune(copied, nodelist[index + 1:])
    return tree


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The elements none of whose ancestors is among them, in their order."""
    among = set(elements)
    return [el for el in elements if not any(ancestor in among for ancestor in el.iterancestors())]


def _same_place(copied: HtmlElement, tree: HtmlElement, element: HtmlElement) -> HtmlElement:
    """The element of `copied` (a copy of `tree`) at the place `element` has in `tree`."""
    steps = []
    while element is not tree:
        parent = element.getparent()
        steps.append(parent.index(element))
        element = parent
    for step in reversed(steps):
        copied = copied[step]
    return copied


def _lend_tree() -> None:
    if (all(_source_digest(getattr(_core, name)) == digest for name, digest in _CORE_DIGESTS.items())
            and _source_digest(_original_prune) == _PRUNE_DIGEST):
        _core.copy = _copy
        _core.prune_unwanted_nodes = _prune
        _installed.append("first copy put off")


# --- the cleaned tree's backup, put off ------------------------------------------------------------------------

_external: Any = importlib.import_module("trafilatura.external")
_original_justext_rescue = _external.justext_rescue
_original_prepare_tree = _core._prepare_tree
_PREPARE_TREE_DIGEST = "9595f0642825c2c7"  # _prepare_tree: the tree cleaned, a copy kept as the backup, then converted
_COMPARE_DIGEST = "2d3d1ffea3ba469f"  # compare_extraction: reads the backup only to hand it to justext_rescue


class _Backup:
    """The copy of the cleaned tree that trafilatura's ``_prepare_tree`` keeps before converting the tree's tags, put
    off: its only reader, the justext rescue in ``compare_extraction``, runs on few pages (7 of 200 aeb and fundus
    pages), and the copy cost 0.2 ms a page. Made when read, by cleaning a fresh copy of the tree it was made from, as
    ``_prepare_tree`` cleaned the tree (``tree_cleaning`` reads the tree and the options alone), which nothing changes
    in between: trafilatura changes only copies of it, and of the page it lends, none (`lent`)."""

    def __init__(self, tree: HtmlElement, options: Any) -> None:
        self.tree, self.options = tree, options

    def made(self) -> HtmlElement:
        return _core.tree_cleaning(_original_copy(self.tree), self.options)


def _prepare_tree(tree: HtmlElement, options: Any, url: str | None) -> tuple[HtmlElement, _Backup]:
    """trafilatura.core's ``_prepare_tree``: the tree cleaned and converted, and its backup put off (`_Backup`)."""
    cleaned = _core.tree_cleaning(_core.copy(tree), options)
    return _core.convert_tags(cleaned, options, url), _Backup(tree, options)


def _justext_rescue(tree: Any, options: Any) -> Any:
    """trafilatura.external's ``justext_rescue``, a put-off backup made first."""
    return _original_justext_rescue(tree.made() if isinstance(tree, _Backup) else tree, options)


def _put_off_backup() -> None:
    if ("first copy put off" in _installed and _source_digest(_core._prepare_tree) == _PREPARE_TREE_DIGEST
            and _source_digest(_external.compare_extraction) == _COMPARE_DIGEST
            and _core.tree_cleaning is _external.tree_cleaning):
        _core._prepare_tree = _prepare_tree
        _external.justext_rescue = _justext_rescue
        _installed.append("backup put off")


def install() -> list[str]:
    """Install the replacements (once; later calls do nothing) and say which are in place."""
    if not _installed and trafilatura.__version__ == CHECKED_VERSION:
        _replace_xpaths()
        _replace_body_xpath()
        _replace_overall_discard()
        _replace_readability()
        _replace_basic_clean()
        _lend_tree()
        _put_off_backup()
        _count_page_measure()
        _installed.append(f"trafilatura {CHECKED_VERSION}")
    return list(_installed)
