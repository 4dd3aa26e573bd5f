"""Parse the HTML once and gather the page signals the extractor reads, in at most two passes.

Pass 1, always: only the ``meta``, ``link``, ``script``, ``title``, ``h1``, ``h2`` and ``time``
elements, walked by lxml's tag-filtered ``iter`` (0.15 ms on a 100 KB page). Pass 2, only when a
field is still missing: the elements whose class, id, itemprop or rel marks a byline, a date line
or a paywall (1-1.5 ms; a compiled XPath of ``contains()`` tests took 5.7 ms).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlElementClassLookup,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from crawler.extract._cache import remembered_if_short
from crawler.extract._set_apart import HIDDEN_CLASSES, has_class
from crawler.extract._text import UNPRINTED_TAGS, alnum, clean

# Same parser settings as trafilatura's, so the tree we hand it is the tree it would build.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                     remove_comments=True, remove_pis=True)


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes (HtmlElement, FormElement for <form>, ...) chosen in C: lxml.html's own lookup
    is a Python method called for every element proxy, which the extractor, trafilatura and htmldate create by the
    hundred thousand on a real page (the first own-time function in the profile). Same classes, same tree."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    by_tag = lookup.get_namespace(None)
    for tag, cls in HtmlElementClassLookup._default_element_classes.items():
        by_tag[tag] = cls
    return lookup


_PARSER.set_element_class_lookup(_class_lookup())
# Characters XML forbids (C0 controls but tab, LF, CR): lxml would refuse them later, when
# trafilatura rewrites text. In UTF-8 they are single bytes that no multi-byte sequence
# contains, so bytes.translate drops them in one C pass (0.1 ms for 150 KB; a str regex takes 0.6 ms).
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # U+FFFE, U+FFFF
# A <script> written as if self-closing ('<script type="text/javascript"/>') is no such thing in HTML: a browser reads
# what follows as the script's code, up to '</script>', and prints none of it. libxml2 closes the element at '/>' and
# made the code the text's first lines (a recipe site's component loader). The '/' goes, so that both read the same
# (0.1 ms a page: one search of the bytes). Judged htmldate tune pages: 1 fixed, 0 broken.
_SELF_CLOSED_SCRIPT = re.compile(rb"(<script\b[^<>]*)/>", re.IGNORECASE)  # no "<" inside: linear on any input

# Bounds on what one page may feed the extractor (hostile or broken pages).
MAX_JSONLD_SCRIPTS = 20
MAX_JSONLD_CHARS = 1_000_000
MAX_HEADINGS = 30
MAX_PLAIN_H2 = 10  # unmarked <h2>s kept (as elements, their text read only when the title needs it)
MAX_COMMENT_HEADINGS = 60  # <h2>s and <h3>s read for a comment thread's heading, text nodes of each, characters of each
MAX_COMMENT_HEADING_NODES = 12
MAX_COMMENT_HEADING_TEXT = 300
MAX_MARKED = 200
MAX_MARKED_TEXT = 300
MAX_AUTHOR_NAME_TEXT = 60
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article", "section", "form"})

_MARK_WORDS = re.compile(r"author|byline|auteur|autor|signature|date|publi|posted|time|meta|paywall|premium|abonne|subscri"
                         r"|created|submitted|titre|title|headline", re.IGNORECASE)
# The same words, case-sensitive, for ASCII marks lower-cased first: re's IGNORECASE search is five times slower,
# and this test runs on every element with a class or an id (about 450 on a real page).
_MARK_WORDS_LOWER = re.compile(_MARK_WORDS.pattern)
_BYLINE_WORDS = ("author", "byline", "auteur", "autor", "signature")  # 'autor': German, Spanish, Polish ('autorenzeile')
_DATELINE_WORDS = ("date", "publi", "posted", "time", "meta", "signature", "byline", "created", "submitted")
# Whether a lower-cased label holds one of the words, asked in one C search (a generator over the words: 4 µs a label).
_BYLINE_LABEL = re.compile("|".join(map(re.escape, _BYLINE_WORDS)))
_DATELINE_LABEL = re.compile("|".join(map(re.escape, _DATELINE_WORDS)))
_LINE_LABEL = re.compile("|".join(map(re.escape, dict.fromkeys(_BYLINE_WORDS + _DATELINE_WORDS))))
# A headline in a <div>/<span> (hand-made CMSs): a class or id that is a title word, whole.
_HEADLINE_MARK = re.compile(r"(?:^|[\s_-])(?:titre|title|headline)(?:[\s_-]|$)", re.IGNORECASE)
_HEADLINE_TAGS = frozenset({"div", "span", "p", "h1", "h2", "h3", "td", "header"})
MAX_HEADLINES = 10
# Containers of text that is about something else: comments, related links, sidebars, the page footer. A <time>
# or a headline inside one is not the article's (a comment thread's first <time> beat the article's date line).
# <footer> and <aside> count only outside <article>: an article's own footer often holds its date and byline.
# Matched per class token, with an optional prefix and suffix ('jp-relatedposts', 'td_block_related_posts',
# 'comment-body'), but never a layout flag of a wrapper ('has-sidebar', 'no-comments', 'for_sidebar') nor the wrapper a token
# says holds one ('sticky-sidebar-parent'), nor a page builder's block: Elementor ('elementor-widget-container') and
# HubSpot ('widget-span', 'widget-type-blog_content') call every block of the page a widget, the post's own too.
_ELSEWHERE = re.compile(
    r"^(?!(?:has|no|with|without|show|hide|is|for)[-_])(?!.*[-_]parent$)(?!elementor-widget|widget-span$|widget-type-)(?:[\w]*[-_])?(?:comments?|commentlist|forum|respond|reply|replies"
    r"|related\w*|sidebar|widget|recommend\w*|most-?read|popular|similar|commentaires?|تعليق\w*)(?:[-_][\w-]*)?$",
    re.IGNORECASE,
)
# A comment box whose name glues a second word to 'comment' ('commentForm', 'commentInfo_Notice', WordPress's
# 'commentform'): the reply form's notes are signed by the newsroom, not the article.
_GLUED_COMMENT = re.compile(r"^comments?(?:(?-i:[A-Z])[\w-]*|form)$", re.IGNORECASE)
# The post itself (the microformat's 'hentry'; Blogger puts it inside a 'widget Blog') is not elsewhere.
_POST = re.compile(r"^h-?entry$", re.IGNORECASE)
_STOP_TAGS = frozenset({"body", "html", "main"})
_ELSEWHERE_TAGS = frozenset({"aside", "footer", "nav"})
MAX_ANCESTORS = 12
_MARK_PROPS = frozenset({"author", "datePublished", "dateModified"})
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BREADCRUMB = re.compile(r"breadcrumb", re.IGNORECASE)
# The heading of a comment thread or of its reply form quotes the post's title (WordPress's 'One thought on “Title”',
# 'Eine Antwort auf „Titel“', '2 réponses à « Titre »', 'تعليق واحد على "العنوان"'): the title as the site stores it
_COMMENTS_QUOTE = re.compile(
    r"(?:\b(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)|\b(?:antwort(?:en)?|kommentare?)\s+(?:auf|zu)"
    r"|\b(?:r[ée]ponses?|commentaires?)\s+(?:à|sur|pour)|\b(?:respuestas?|comentarios?)\s+(?:a|en|sobre)"
    r"|(?:تعليقا?ت?|ردود|رد)(?:\s+\S+)?\s+على)"
    r"\s*[“„«\"‘‚']\s*(.+?)\s*[”“»\"’']$", re.IGNORECASE)
_HEADLINE_CLASS = re.compile(r"title|headline|titre|heading", re.IGNORECASE)
# A kicker (surtitre) printed inside a heading, before the headline: its first child, marked by its class or a <small>.
_KICKER_CLASS = re.compile(r"kicker|roofline|dachzeile|overline|topline|toptitle|supertitle|surtitle|sur-?titre|eyebrow"
                           r"|overtitle|pretitle|topic|label|rubri|categor", re.IGNORECASE)
# ... or whatever comes before a child marked as the headline itself ('<span class="c-headline">').
_HEADLINE_PART = re.compile(r"(?:^|[\s_-])(?:headline|title|titre)(?:$|[\s_-])", re.IGNORECASE)
_MIN_LEVELS_BELOW_HOME = 2  # a heading's link this many folders above the page goes to a blog's or section's home
KICKER_TRIM = " :|-\u2013\u2014\u00b7\u2022"  # what separates a kicker from its headline (_title.py trims it too)
_PAYWALL_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:paywall|premium|abonnes|abonne|reserve-abonnes|subscriber|subscribers-only)(?:[\s_-]|$)",
    re.IGNORECASE,
)
# Inline elements that carry "premium" badges in menus and teasers, not the article's own state.
_BADGE_TAGS = frozenset({"a", "li", "nav", "button", "span", "img", "i", "svg", "ul", "label", "input"})


@dataclass
class Heading:
    tag: str
    text: str
    headline_class: bool
    logo: bool = False  # the whole heading is a link to the home page: the site's name, not a headline
    kicker: str = ""  # a kicker printed inside the heading before the headline ('Sahel' in 'Sahel Le calendrier …')
    after_first: str = ""  # what follows the heading's first child when no kicker was recognised (maybe one)
    # kicker and headline as one line when the heading prints or speaks a colon between them ('Sahel: Le calendrier …')
    with_kicker: str = ""
    link: str = ""  # the address of the link that is the whole heading, if one is


@dataclass
class TimeElement:
    datetime: str
    text: str
    hint: str  # itemprop, class and pubdate attribute, lower-cased
    elsewhere: bool = False  # inside a comment thread, a related box, a sidebar or a footer


@dataclass
class Marked:
    """Pass 2: short texts of byline and date-line elements, and the first paywall marker."""

    bylines: list[str] = field(default_factory=list)
    author_names: list[str] = field(default_factory=list)  # the short text of an element that marks a name
    # bylines in an <aside> within <main>: the article's side column
    side_bylines: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    # the first line of a marked author box too long for a byline (the name above the writer's bio)
    card_names: list[str] = field(default_factory=list)
    card_lookups: int = 0
    # the name a comment by the post's own author prints (WordPress marks that comment 'bypostauthor')
    post_author_reply: str | None = None
    headlines: list[str] = field(default_factory=list)
    paywall_marker: str | None = None
    # the first MAX_MARKED_BOXES elements whose class marks an author's or a disclosure box (`box_class`), which
    # `_set_apart.without_marked_boxes` weighs
    boxes: list[HtmlElement] = field(default_factory=list)


@dataclass
class PageSignals:
    """What the markup says, before any decision is taken."""

    root: HtmlElement
    html_lang: str | None = None
    title_tag: str | None = None
    metas: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    jsonld: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    times: list[TimeElement] = field(default_factory=list)
    plain_h2: list[HtmlElement] = field(default_factory=list)  # <h2>s no class marks as a headline: read on demand
    _marked: Marked | None = None
    _printed_nodes: list[PrintedNode] | None = None

    def plain_h2_texts(self) -> list[str]:
        """The texts of the unmarked <h2>s (only the title's last resort reads them)."""
        return [text for text in (clean(el.text_content()) for el in self.plain_h2) if text]

    def comments_quoted_title(self) -> str | None:
        """The post's title as the heading of its comment thread quotes it ('One thought on “Title”'), else None.
        Read on demand: the first MAX_COMMENT_HEADINGS <h2>s and <h3>s, a few text nodes of each."""
        for count, el in enumerate(self.root.iter("h2", "h3")):
            if count >= MAX_COMMENT_HEADINGS:
                break
            text = clean("".join(islice(el.itertext(), MAX_COMMENT_HEADING_NODES)))
            found = _COMMENTS_QUOTE.search(text) if len(text) <= MAX_COMMENT_HEADING_TEXT else None
            if found:
                return found.group(1)
        return None

    @property
    def marked(self) -> Marked:
        """Pass 2, run on first use."""
        if self._marked is None:
            self._marked = _collect_marked(self.root)
        return self._marked

    @property
    def printed_nodes(self) -> list[PrintedNode]:
        """The <body>'s printed text nodes (`printed_nodes`), walked on first use: the credit lines' three searches
        read them in turn, the tree unchanged in between."""
        if self._printed_nodes is None:
            self._printed_nodes = printed_nodes(self.root)
        return self._printed_nodes

    def meta(self, *keys: str) -> tuple[str, str] | None:
        """The first non-empty content among `keys`, as ``(key, content)``."""
        for key in keys:
            values = self.metas.get(key)
            if values:
                return key, values[0]
        return None


def parse_html(utf8: bytes) -> HtmlElement | None:
    """Parse UTF-8 HTML with the trafilatura parser settings; None when nothing parses.

    The parser's encoding overrides any ``<?xml encoding?>`` or ``<meta charset>`` in the bytes.
    """
    utf8 = utf8.translate(None, _CONTROL_BYTES)
    if b"\xef" in utf8:  # their lead byte, found by memchr: the 3-byte searches cost 0.24 ms on a 170 KB page
        for nonchar in _NONCHARACTERS:
            if nonchar in utf8:
                utf8 = utf8.replace(nonchar, b"")
    if _SELF_CLOSED_SCRIPT.search(utf8):
        utf8 = _SELF_CLOSED_SCRIPT.sub(rb"\1>", utf8)
    try:
        return document_fromstring(utf8, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def parse_errors_need_huge_tree() -> bool:
    """Whether the last ``parse_html`` of this thread cut the tree short at libxml2's limits (nesting past 256
    levels, a text node over 10 MB): a parser with ``huge_tree`` (parsel's) builds more of it."""
    return any("XML_PARSE_HUGE" in error.message for error in _PARSER.error_log)


def collect(root: HtmlElement) -> PageSignals:
    page = PageSignals(root=root, html_lang=_html_lang(root))
    for el in root.iter("meta", "link", "script", "title", "h1", "h2", "time"):
        _COLLECTORS[el.tag](el, page)
    return page


def _html_lang(root: HtmlElement) -> str | None:
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("xml:lang")
    return clean(lang) or None


def _collect_meta(el: HtmlElement, page: PageSignals) -> None:
    key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
    content = el.get("content")
    if key == "name" and el.get("itemprop") and content and _in_author_scope(el):
        key = MICRODATA_AUTHOR
    if key and content:
        value = clean(content)
        # RDFa lets one property attribute name several properties ('og:title dc:title')
        for name in key.split() if el.get("property") else [key.strip()]:
            if value:
                page.metas.setdefault(name.lower(), []).append(value)


MICRODATA_AUTHOR = "microdata:author"


def _in_author_scope(el: HtmlElement) -> bool:
    """A microdata ``name`` of an ``itemprop="author"`` item (its scope or the element just above)."""
    for depth, ancestor in enumerate(el.iterancestors()):
        if ancestor.get("itemprop") in ("author", "creator"):
            return True
        if depth >= 2 or ancestor.get("itemscope") is not None:
            return False
    return False


def _collect_link(el: HtmlElement, page: PageSignals) -> None:
    href = el.get("href")
    if href:
        for rel in (el.get("rel") or "").lower().split():
            page.links.setdefault(rel, href.strip())


def _collect_script(el: HtmlElement, page: PageSignals) -> None:
    kind = (el.get("type") or "").strip().lower()
    if kind == "application/ld+json" and el.text and len(page.jsonld) < MAX_JSONLD_SCRIPTS:
        page.jsonld.append(el.text[:MAX_JSONLD_CHARS])


def _collect_title(el: HtmlElement, page: PageSignals) -> None:
    parent = el.getparent()
    if page.title_tag is None and (parent is None or parent.tag in ("head", "html", "body")):
        page.title_tag = clean(el.text_content()) or None


def _collect_heading(el: HtmlElement, page: PageSignals) -> None:
    if _BREADCRUMB.search(el.get("class") or ""):  # the trail's last step repeats the title, in the site's words
        return
    el = _without_nested_heading(el)
    headline_class = bool(_HEADLINE_CLASS.search(el.get("class") or "")) or el.get("itemprop") == "headline"
    if el.tag == "h2" and not headline_class:
        if len(page.plain_h2) < MAX_PLAIN_H2:
            page.plain_h2.append(el)
        return
    if len(page.headings) >= MAX_HEADINGS:
        return
    if not headline_class and len(el) == 1 and isinstance(el[0].tag, str) and not (el.text or "").strip() \
            and not (el[0].tail or "").strip():  # '<h1><span class="headline">…</span></h1>' is marked too
        headline_class = bool(_HEADLINE_CLASS.search(el[0].get("class") or ""))
    text = clean(el.text_content() if el.find(".//br") is None else "".join(_visible_text(el, frozenset())))
    if text:
        kicker, headline, after_first = _split_kicker(el, text)
        link = _whole_link(el, text)
        page.headings.append(Heading(el.tag, headline, headline_class, _is_logo(link), kicker, after_first,
                                     _colon_joined(el, kicker, headline), link))


def _without_nested_heading(el: HtmlElement) -> HtmlElement:
    """`el`, or a copy of it that ends where a heading opens inside it after some text: a heading inside a heading
    is a line of its own ('<h1>Headline<h3>Posted on …</h3></h1>', which a browser reads as two headings and libxml2
    nests), not more of the headline."""
    nested = next(el.iterdescendants(*_HEADING_TAGS), None)
    if nested is None:
        return el
    steps = []  # child positions from `el` down to the nested heading
    node = nested
    while node is not el:
        parent = node.getparent()
        steps.append(parent.index(node))
        node = parent
    cut = copy.deepcopy(el)
    inner = cut
    for position in reversed(steps):
        inner = inner[position]
    node = inner
    while node is not cut:  # the nested heading goes, and so does what follows it at every level up to `el`
        parent = node.getparent()
        for later in list(node.itersiblings()):
            parent.remove(later)
        node.tail = None
        if node is inner:
            parent.remove(node)
        node = parent
    return cut if clean(cut.text_content()) else el


def _split_kicker(el: HtmlElement, text: str) -> tuple[str, str, str]:
    """``(kicker, headline, after_first)`` of a heading as printed: without text hidden from sight ('visually-hidden',
    'sr-only'), without a first child that is a kicker (class 'surtitre', 'kicker', 'overline'…, or a <small>)
    with nothing printed before it, without a closing <small> (a date, the categories), and without a closing
    link after a headline held in an element of its own (the site's or the section's name). `after_first`: the
    text after an opening child that was not recognised as a kicker (the title matching may take it as one)."""
    if len(el) == 0:
        return "", text, ""
    hidden = frozenset(child for child in el.iterdescendants()
                       if child.tag in UNPRINTED_TAGS or has_class(child, HIDDEN_CLASSES))
    if hidden:
        text = clean("".join(_visible_text(el, hidden)))
    inner = el
    while len(inner) == 1 and not (inner.text or "").strip() and not (inner[0].tail or "").strip() \
            and inner[0].tag in ("a", "span", "div"):
        inner = inner[0]
    children = [child for child in inner if isinstance(child.tag, str) and child not in hidden]
    if not children:
        return "", text, ""
    first, last = children[0], children[-1]
    kicker = ""
    if not (inner.text or "").strip():
        if first.tag == "small" or _KICKER_CLASS.search(first.get("class") or ""):
            kicker = clean("".join(_visible_text(first, hidden)))
        else:
            kicker = _before_headline_part(children, hidden) or _before_separator(children, hidden)
    headline = text[len(kicker):] if kicker and text.startswith(kicker) else text
    closing_link = last.tag == "a" and not (inner.text or "").strip()  # '<span>Headline</span><a>Site</a>'
    if last is not first and (last.tag == "small" or closing_link) and not (last.tail or "").strip():
        closing = clean("".join(_visible_text(last, hidden)))
        if closing and headline.endswith(closing):
            headline = headline[:-len(closing)]
    headline = headline.strip(KICKER_TRIM)
    after_first = ""
    if not kicker:
        # the opening element, or the first line when a line break follows it ('Économie<br>Le budget …')
        opening = clean("".join(_visible_text(first, hidden))) if not (inner.text or "").strip() \
            else clean(inner.text) if first.tag == "br" else ""
        if opening and headline.startswith(opening):
            after_first = headline[len(opening):].strip(KICKER_TRIM)
        if headline == text:
            headline = _with_hidden_separators(el, hidden, text)
    return (kicker, headline, after_first) if headline else ("", text, "")


def _colon_joined(el: HtmlElement, kicker: str, headline: str) -> str:
    """'Kicker: Headline' when the heading joins its kicker to its headline with a colon, printed or spoken (in an
    element hidden from sight: '<span>Sahel</span><span class="sr-only">: </span><span>Le calendrier …</span>'),
    else "". A colon reads the two as one sentence; a dash or no mark at all sets the kicker apart as a label."""
    if not kicker:
        return ""
    hidden = frozenset(child for child in el.iterdescendants() if child.tag in UNPRINTED_TAGS)
    spoken = clean("".join(_visible_text(el, hidden)))
    kicker = kicker.strip(KICKER_TRIM)
    if not spoken.startswith(kicker) or not spoken.endswith(headline):
        return ""
    joint = spoken[len(kicker):len(spoken) - len(headline)]
    if joint.strip() != ":":
        return ""
    return f"{kicker}{' ' if joint.startswith(' ') else ''}: {headline}"  # 'Sahel : …' as French spaces it


def _with_hidden_separators(el: HtmlElement, hidden: frozenset[HtmlElement], text: str) -> str:
    """`text` with the separators hidden from sight between two printed parts of a heading kept (its kicker and its
    headline, both printed: '<span>Sahel</span><span class="sr-only">:</span> <span>Le calendrier …</span>'): the
    page reads them out to those who do not see the layout. Any other hidden text stays out."""
    separators = frozenset(child for child in hidden if child.tag not in UNPRINTED_TAGS
                           and not clean(child.text_content()).strip(KICKER_TRIM))
    if not separators:
        return text
    spoken = clean("".join(_visible_text(el, hidden - separators)))
    return spoken if spoken.strip(KICKER_TRIM) == spoken else text


def _before_headline_part(children: list[HtmlElement], hidden: frozenset[HtmlElement]) -> str:
    """The printed text before the first child (but the first) whose class marks it as the headline proper."""
    for index, child in enumerate(children[1:], 1):
        if _HEADLINE_PART.search(child.get("class") or ""):
            return clean("".join(part for before in children[:index]
                                 for part in (*_visible_text(before, hidden), before.tail or "")))
    return ""


def _before_separator(children: list[HtmlElement], hidden: frozenset[HtmlElement]) -> str:
    """The opening child's text when the second child prints only a separator (' – ', ':') between it and more:
    '<span>Kicker</span><span> – </span><span>Headline</span>'."""
    if len(children) < 3 or (children[0].tail or "").strip() or (children[1].tail or "").strip():
        return ""
    separator = "".join(_visible_text(children[1], hidden)).strip()
    if not separator or separator.strip(KICKER_TRIM):
        return ""
    return clean("".join(_visible_text(children[0], hidden)))


def _visible_text(el: HtmlElement, hidden: frozenset[HtmlElement] = frozenset(), br: str = " ") -> list[str]:
    """The text printed in `el` outside the `hidden` elements, a line break read as `br` (by default a space:
    'Économie<br>Le budget …')."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            parts.append(br)
        elif child not in hidden and isinstance(child.tag, str):
            parts.extend(_visible_text(child, hidden, br))
        parts.append(child.tail or "")
    return parts


def _whole_link(el: HtmlElement, text: str) -> str:
    """The address of the link whose text is the whole heading's, else ""; WordPress's site title
    ('<a href="…/blog/" rel="home">') as "/"."""
    link = el.find(".//a")
    if link is None or clean(link.text_content()) != text:
        return ""
    if "home" in (link.get("rel") or "").lower().split():
        return "/"
    return (link.get("href") or "").strip()


def _is_logo(href: str) -> bool:
    return href in ("/", "./") or href.rstrip("/").count("/") <= 2 and href.startswith("http")


def mark_homes_above(headings: list[Heading], url: str) -> None:
    """Mark as the site's name a heading that is wholly a link to a folder two levels or more above the page's
    address ('<h1><a href="https://blog.example.jp/kasumi">Kasumi's notes</a></h1>' on /kasumi/entry/123): the home
    of one blog on a blogging platform, whose name the layout prints in an <h1> over every post, and which <title>
    prints after the post's title ('Post title - Kasumi's notes'). A link one level up is not read: a headline
    linked to the article's first page or its plain version ('/story-slug' on '/story-slug/2', '/story-slug/amp').
    Tune halves, title: postlight 1 fixed (an account's name in an <h1> linked to its profile, over one post), no
    page broken."""
    page = urlsplit(url)
    for heading in headings:
        if heading.logo or not heading.link or heading.link.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            target = urlsplit(urljoin(url, heading.link))
        except ValueError:  # a malformed address in the page's link
            continue
        home = target.path.rstrip("/")
        if target.netloc != page.netloc or target.query or not home or not page.path.startswith(home + "/"):
            continue
        if len([part for part in page.path[len(home):].split("/") if part]) >= _MIN_LEVELS_BELOW_HOME:
            heading.logo = True


def elsewhere(el: HtmlElement) -> bool:
    """True when `el` sits in a comment thread, related box, sidebar, navigation or page footer."""
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= MAX_ANCESTORS or ancestor.tag in _STOP_TAGS:
            return False
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if marks != " ":
            elsewhere_mark, post_mark = _token_marks(marks)
            if elsewhere_mark:
                return True
            if post_mark:
                return False
        if ancestor.tag == "article" and not any(a.tag in ("article", "aside") for a in ancestor.iterancestors()):
            return False  # the page's article; one nested in another or in an <aside> is a teaser: go on
        if ancestor.tag in _ELSEWHERE_TAGS and not any(a.tag == "article" for a in ancestor.iterancestors()):
            return True
        if ancestor.tag == "header" and _site_banner(ancestor):
            return True
        # an <article>'s own <footer>: not elsewhere by itself, but a comment around it still is
    return False


# The site's banner: a <header> around the menu (a <nav>) with no headline, outside the article and the page's
# <main>. The date it prints is today's ('Friday, 19 December 2025' beside the menu), not the article's: a <time>
# there came first and dated the story. An article's own header holds its <h1>, or sits inside <article>/<main>.
# Found once a page among its first headers (each test reads a header's whole subtree), remembered for the
# page's root only: asked per element, a hostile header of 30,000 elements made it quadratic.
_FIRST_HEADERS = etree.XPath("(//header)[position() <= $most]")
_BANNER_CONTENT = etree.XPath("descendant::nav and not(descendant::h1) and not(ancestor::article or ancestor::main)")
MAX_BANNER_HEADERS = 4


def without_site_banner(root: HtmlElement) -> HtmlElement:
    """The page without its site banner (`_site_banner`), copied when it has one: a search over the whole page
    (htmldate's) would take the banner's date of the day. Tried on the tune halves: also leaving out asides, navs,
    footers outside <article> and comment/related/sidebar boxes broke more pages than it fixed (htmldate -3,
    trafilatura -2, wcxb +3/-3: blogs print their date in such boxes), as did comment and related boxes alone."""
    if not _site_banners(root):  # remembered: `elsewhere` has usually asked it of this page already
        return root
    page = copy.deepcopy(root)
    for banner in _site_banners_in(page):
        banner.drop_tree()
    return page


@lru_cache(maxsize=1)
def _site_banners(root: HtmlElement) -> tuple[HtmlElement, ...]:
    return _site_banners_in(root)


def forget_page() -> None:
    """Let go of the last page's tree, which `_site_banners` remembers by its root: a long-lived extraction worker
    would otherwise hold it (megabytes for a real page) until the next page comes, idle or not."""
    _site_banners.cache_clear()


def _site_banners_in(root: HtmlElement) -> tuple[HtmlElement, ...]:
    try:
        return tuple(header for header in _FIRST_HEADERS(root, most=MAX_BANNER_HEADERS) if _BANNER_CONTENT(header))
    except etree.XPathError:
        return ()


def _site_banner(header: HtmlElement) -> bool:
    return header in _site_banners(header.getroottree().getroot())


@remembered_if_short(2048)
def _token_marks(marks: str) -> tuple[bool, bool]:
    """Does a token of `marks` (an element's class and id) say elsewhere, does one say the post itself? Cached:
    the same classes come back on every comment of a thread (the regexes cost 4 µs an element)."""
    tokens = marks.split()
    elsewhere_tokens = [token for token in tokens if _ELSEWHERE.match(token) or _GLUED_COMMENT.match(token)]
    said_elsewhere = bool(elsewhere_tokens)
    if said_elsewhere and all("sidebar" in token.lower() for token in elsewhere_tokens) and any(
            _PAGE_CONTENT.match(token) for token in tokens):
        said_elsewhere = False  # '<div id="sidebar" class="site-content content-area">': a theme's name for its main column
    return said_elsewhere, any(_POST.match(token) for token in tokens)


# The page's main column, named so by the same element that a theme calls 'sidebar' (its column's position); a
# related box or a comment thread that says 'content-area' stays elsewhere ('content-area related-post')
_PAGE_CONTENT = re.compile(r"^(?:site|main|page|primary)[-_]content$|^content[-_]area$", re.IGNORECASE)


# ``//body/descendant::text()``: the text nodes of ``//body//text()``, for 10 % less (libxml2 walks ``//text()`` with a
# predicate as descendant-or-self::node()/child::text()).
_TEXT_WITH = etree.XPath("//body/descendant::text()[contains(., $word)]")
MAX_PRINTED_LOOKUPS = 5


def printed_elsewhere(root: HtmlElement, line: str) -> bool:
    """True when the element that prints `line` (a text node's parent or grandparent: 'By <b>Name</b>') sits in a
    sidebar, a related box, a comment thread or the page footer. Text nodes are found by the line's last word, in
    C; only those few elements' text is read."""
    words = line.split()
    if not words:
        return False
    for node in _TEXT_WITH(root, word=words[-1])[:MAX_PRINTED_LOOKUPS]:
        el = node.getparent()
        for candidate in (el, el.getparent() if el is not None else None):
            if candidate is not None and isinstance(candidate.tag, str) and clean(candidate.text_content()) == line:
                return elsewhere(candidate)
    return False


# The links of the <body> to an address that holds a text ('/editors/karim-benali'), in document order.
_LINKS_TO = etree.XPath("(//body/descendant::a[contains(@href, $part)])[position() <= $most]")
# A profile address's last segment that spells a full name: two words of letters or more ('karim-benali', 'amina_saidi').
_NAME_SLUG = re.compile(r"^[^\W\d_]+(?:[-_.][^\W\d_]+)+$")
MAX_PROFILE_LINKS = 10
MAX_PROFILES = 3  # an XPath pass each: the first few article:author addresses


def profile_link_names(root: HtmlElement, urls: list[str]) -> list[str]:
    """The texts of the links to the author profiles `urls` name (article:author addresses), where a link's text
    spells the profile's last segment ('https://site/editors/karim-benali' and '<a href="/about/editors/karim-benali/">
    Karim Benali</a>'), outside comments, sidebars, related boxes and the footer: the name as the page prints it."""
    names: list[str] = []
    for url in urls[:MAX_PROFILES]:
        slug = _path_end(url)
        if not slug or not _NAME_SLUG.match(slug):
            continue
        for link in _LINKS_TO(root, part=slug, most=MAX_PROFILE_LINKS):
            text = clean(link.text_content())
            if alnum(text) == alnum(slug) and " " in text and not elsewhere(link) and text not in names:
                names.append(text)
    return names


# The account's segment of a link to the site's author archive ('/author/kbenali/', '/blog/author/amina-saidi').
_ARCHIVE_SLUG = re.compile(r"/author/([^/?#]+)/?(?:[?#]|$)")
_ARCHIVE_PART = "/author/"
MIN_SLUG_END = 4  # 'Karim benali' for '/author/benali/': a slug that long closes the printed name


def author_archive_names(root: HtmlElement) -> list[str]:
    """The names the links to the site's author archive print, where a link's text spells the account's slug
    ('<a href="/author/kbenali/">KBenali</a>', '<a href="/author/benali/">Karim benali</a>'), outside comments,
    sidebars, related boxes and the footer, and not hidden (themes keep a hidden copy of the account's name for
    microformats): WordPress and its kin link the byline's name so, even where no class or rel marks it. One XPath
    pass over the links (the first MAX_PROFILE_LINKS)."""
    names: list[str] = []
    for link in _LINKS_TO(root, part=_ARCHIVE_PART, most=MAX_PROFILE_LINKS):
        found = _ARCHIVE_SLUG.search(link.get("href") or "")
        text = clean(link.text_content())
        if not found or not text or len(text) > MAX_AUTHOR_NAME_TEXT or text in names:
            continue
        slug, key = alnum(found.group(1)), alnum(text)
        if (slug and (key == slug or (len(slug) >= MIN_SLUG_END and key.endswith(slug))) and not elsewhere(link)
                and not _styled_hidden(link)):
            names.append(text)
    return names


# An author's avatar: an image the page prints small (a width of MAX_AVATAR_WIDTH or less) or that its class or
# address calls an avatar, whose alt text names the person; the block around it prints that name as a text of its own
# beside a date ('<img class="rounded-full" alt="Karim Benali"><p>Karim Benali</p><time>2025-03-12</time>').
_IMAGES_WITH_ALT = etree.XPath("(//body/descendant::img[@alt])[position() <= $most]")
_AVATAR_MARK = re.compile(r"avatar|gravatar|author|profile|rounded", re.IGNORECASE)
_BLOCK_DATE = re.compile(r"\d{4}|\b\d{1,2}[/.]\d{1,2}\b")  # a year, or a day and a month in digits
MAX_AVATAR_IMAGES = 100
MAX_AVATARS = 10  # the images that pass the attribute checks, each read in up to AVATAR_LEVELS blocks
MAX_AVATAR_WIDTH = 120
MAX_AVATAR_ALT = 40
AVATAR_LEVELS = 3
MAX_AVATAR_BLOCK_CHARS = 200
MAX_AVATAR_BLOCK_CHILDREN = 12


def avatar_names(root: HtmlElement) -> list[str]:
    """The names the author avatars of the page print beside a date (see _AVATAR_MARK), outside comments, sidebars,
    related boxes and the footer, in document order: a byline set as a card, the name in an element no class marks.
    One XPath pass over the first MAX_AVATAR_IMAGES images; a few short blocks read for the ones that look like an
    avatar."""
    return _avatars_printed(root, _full_name_avatar, _printed_beside_date)


# An author's card: the avatar, the name printed alone beside it and the writer's bio, which opens with the name's
# first word and a verb ('Karim explores…', 'Amina Saïdi ist Juristin…', 'Omar Lahlou est avocat…').
_BIO_VERBS = r"(?:is|was|has|explores|writes|covers|ist|war|schreibt|est|a|(?:é|e)crit|es|escribe|é)"
MAX_CARD_CHARS = 1500  # the card's text: a name, a role and a bio of a few sentences
CARD_SIBLINGS = 2  # elements read after the avatar's own (the name and the bio set in the next paragraphs)


def avatar_card_names(root: HtmlElement) -> list[str]:
    """The names the author avatars of the page print in an author's card (the name alone beside the avatar, then a
    bio that opens with the name's first word and a verb), outside comments, sidebars, related boxes and the footer,
    in document order; a first name alone too, as the card prints it. The avatar's class or address must say so
    (_AVATAR_MARK): a small image alone is as often a product's icon over its description ('Omar Cloud is a …')."""
    return _avatars_printed(root, _marked_avatar, _printed_beside_bio)


def _avatars_printed(root: HtmlElement, is_avatar: Callable[[HtmlElement, str], bool],
                     printed_beside: Callable[[HtmlElement, str], bool]) -> list[str]:
    """The alt texts of the first MAX_AVATAR_IMAGES images that `is_avatar` takes (MAX_AVATARS of them read at the
    most) and whose block `printed_beside` finds printed as a card, outside the page's elsewhere boxes."""
    names: list[str] = []
    avatars = 0
    for img in _IMAGES_WITH_ALT(root, most=MAX_AVATAR_IMAGES):
        alt = clean(img.get("alt") or "")
        if len(alt) > MAX_AVATAR_ALT or alt in names or not is_avatar(img, alt):
            continue
        avatars += 1
        if avatars > MAX_AVATARS:
            break
        if printed_beside(img, alt) and not elsewhere(img):
            names.append(alt)
    return names


def _full_name_avatar(img: HtmlElement, alt: str) -> bool:
    """A full name on an image that looks like an avatar: small, or marked."""
    if " " not in alt:
        return False
    width = (img.get("width") or "").strip().removesuffix("px")
    return (width.isdigit() and int(width) <= MAX_AVATAR_WIDTH) or _avatar_marked(img)


def _marked_avatar(img: HtmlElement, alt: str) -> bool:
    """A name (a first name alone too) on an image whose class or address says it is an avatar."""
    return alt[:1].isupper() and _avatar_marked(img)


def _avatar_marked(img: HtmlElement) -> bool:
    return _AVATAR_MARK.search(f"{img.get('class') or ''} {img.get('src') or ''}") is not None


def _printed_beside_date(img: HtmlElement, alt: str) -> bool:
    """True when a short block around `img` prints `alt` as a text node of its own and a date."""
    return _block_prints(img, alt, lambda block, _level: _block_texts(block, MAX_AVATAR_BLOCK_CHARS, 0),
                         _BLOCK_DATE.search)


def _printed_beside_bio(img: HtmlElement, alt: str) -> bool:
    """True when a block around `img` (with the elements after the image's own, at its level) prints `alt` as a text
    node of its own and a bio that opens with its first word."""
    bio = re.compile(rf"(?:^|\s){re.escape(alt.split()[0])}(?:\s+\S+){{0,2}}\s+{_BIO_VERBS}\s")
    return _block_prints(img, alt, lambda block, level: _block_texts(
        block, MAX_CARD_CHARS, CARD_SIBLINGS if level == 0 else 0), bio.search)


def _block_prints(img: HtmlElement, alt: str, texts_of: Callable[[HtmlElement, int], list[str] | None],
                  says: Callable[[str], object]) -> bool:
    """True when one of the AVATAR_LEVELS blocks around `img` (none a container, none of more than
    MAX_AVATAR_BLOCK_CHILDREN children) prints `alt` as a text node of its own, and its texts (`texts_of` the block
    and its level) are what `says` looks for."""
    block = img.getparent()
    for level in range(AVATAR_LEVELS):
        if block is None or block.tag in _CONTAINER_TAGS or len(block) > MAX_AVATAR_BLOCK_CHILDREN:
            return False
        texts = texts_of(block, level)
        if texts is None:
            return False
        if alt in texts and says(" ".join(texts)):
            return True
        block = block.getparent()
    return False


def _block_texts(el: HtmlElement, most: int, siblings: int) -> list[str] | None:
    """The cleaned text nodes of `el` and of up to `siblings` elements after it, or None once they pass `most`
    characters (read no further)."""
    texts: list[str] = []
    size = 0
    for part in [el, *islice((sib for sib in el.itersiblings() if isinstance(sib.tag, str)), siblings)]:
        for text in part.itertext():
            size += len(text.strip())
            if size > most:
                return None
            texts.append(clean(text))
    return texts


def _path_end(url: str) -> str | None:
    """The last segment of an absolute address's path ('https://site/editors/karim-benali/' -> 'karim-benali'), else
    None."""
    if not url.startswith(("http://", "https://")):
        return None
    path = url.split("?", 1)[0].split("#", 1)[0].split("/", 3)[3:]
    end = path[0].rstrip("/").rsplit("/", 1)[-1] if path else ""
    return end or None


# The text nodes of the <body> that the page prints, each with the element lxml hangs it on (the element whose text or
# tail it is, as an XPath's text result's getparent() says) and which of IN_LINK, IN_QUOTE and IN_TITLE elements are
# around it. Read by one walk over the elements (`printed_nodes`, once a page), for the three searches of credit lines
# below, each a filter of its nodes: as three XPaths over ``//body//text()`` with ``not(ancestor::script or … or
# ancestor::a)``, each a walk of the text nodes in C that casts every node to a string, they took 5.0 ms a page that
# needed them (63 of 300 aeb, fundus and wcxb pages), 1.8 ms this way (CPU, interleaved runs).
PrintedNode = tuple[str, HtmlElement, int]
IN_LINK, IN_QUOTE, IN_TITLE = 1, 2, 4
_AROUND_FLAGS = {"a": IN_LINK, "blockquote": IN_QUOTE, "title": IN_TITLE}


def printed_nodes(root: HtmlElement) -> list[PrintedNode]:
    """The text nodes of ``//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or
    ancestor::template)]`` that are not blank, in document order, each as ``(text, element, flags)`` (see
    IN_LINK)."""
    nodes: list[PrintedNode] = []
    for body in root.getroottree().getroot().iter("body"):
        ancestors = [ancestor.tag for ancestor in body.iterancestors()]
        if "body" in ancestors or not UNPRINTED_TAGS.isdisjoint(ancestors):
            continue  # its text nodes are its outer <body>'s, or none is printed
        flags = 0
        for tag in ancestors:
            flags |= _AROUND_FLAGS.get(tag, 0)
        _walk_printed(body, flags, nodes)
    return nodes


def _walk_printed(el: HtmlElement, flags: int, nodes: list[PrintedNode]) -> None:
    """Append the text nodes within `el`, `flags` those of `el` and the elements around it: its text, then each
    child's (not under UNPRINTED_TAGS) and the child's tail (the tail sits in `el`, outside the child). Blank ones
    are left out: none holds what the searches look for (a letter, a colon, a dash)."""
    text = el.text
    if text is not None and not text.isspace():
        nodes.append((text, el, flags))
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in UNPRINTED_TAGS:
            _walk_printed(child, flags | _AROUND_FLAGS.get(tag, 0), nodes)
        tail = child.tail
        if tail is not None and not tail.isspace():
            nodes.append((tail, child, flags))


# Text nodes that hold a credit label ('Autor:', 'Auteur :', 'Rédaction :'), any case, outside links.
_LABEL_WORDS = ("utor", "UTOR", "uteur", "UTEUR", "uthor", "UTHOR", "aktion", "AKTION", "action", "ACTION", "Von:",
                "Von :", "Par:", "Par :", "By:")
MAX_LABEL_LINE = 160
MAX_LABEL_LOOKUPS = 20
MAX_LABEL_ALONE = 13  # 'Rédaction :', 'Autorinnen:' and their spaces


def _label_nodes(nodes: list[PrintedNode]) -> list[PrintedNode]:
    return [node for node in nodes if not node[2] & IN_LINK and ":" in node[0]
            and any(word in node[0] for word in _LABEL_WORDS)]


def labelled_lines(nodes: list[PrintedNode]) -> list[str]:
    """Short printed lines that hold a credit label ('Autorin: X, Projektleiterin', 'Datum: … Autor: X'), outside
    comments, sidebars, related boxes and the page footer: the text of the label's element, or of the element
    around it when the label stands alone ('<b>Auteur :</b> X'). `nodes`: the page's `printed_nodes`."""
    lines: list[str] = []
    for _, el, _ in _label_nodes(nodes)[:MAX_LABEL_LOOKUPS]:
        for candidate in (el, el.getparent() if el is not None else None):
            if candidate is None or not isinstance(candidate.tag, str) or candidate.tag in _CONTAINER_TAGS:
                break
            line = clean(candidate.text_content())
            if len(line) > MAX_LABEL_LINE:
                break
            if len(line) > MAX_LABEL_ALONE:  # more than the label: the line; else the label alone, look around it
                if not elsewhere(candidate) and line not in lines:
                    lines.append(line)
                break
    return lines


# An author card's lines: the card's label printed in its own element after the name ('<h3>Karim Benali</h3>
# <span>Author</span>', '<p>Amina Saïdi<span>| Auteure</span></p>'), or a heading that says who wrote the piece
# ('<h3>Written by Karim Benali</h3>'): short printed text nodes (60 characters at most, XPath's normalize-space()
# applied) outside links and quotes that hold a label's or a lead-in's letters, then read whole by _CARD_LABEL /
# _WRITTEN_BY.
MAX_CARD_NODE_CHARS = 60
_CARD_LETTERS = ("uth", "ute", "uto", "by", "crit")
_CARD_LABEL = re.compile(r"^[|·•–—-]?\s*(?:Author|Auteure?|Autor(?:in)?)$")
_WRITTEN_BY = re.compile(r"^(?:(?:written|(?:é|e)crit)\s+(?:by|par)|all\s+(?:posts|articles|stories)\s+by)\s+\S", re.IGNORECASE)
MAX_CARD_LOOKUPS = 10


def _card_nodes(nodes: list[PrintedNode]) -> list[PrintedNode]:
    return [node for node in nodes if not node[2] & (IN_LINK | IN_QUOTE) and _short_when_normalized(node[0], MAX_CARD_NODE_CHARS)
            and any(letters in node[0] for letters in _CARD_LETTERS)]


def author_card_lines(nodes: list[PrintedNode]) -> list[str]:
    """The lines of author cards outside comments, sidebars, related boxes and the page footer: the text of the
    element around a card's label that stands alone after the name ('Karim Benali Author'), or a line that opens
    with 'Written by'. `nodes`: the page's `printed_nodes`."""
    found = [(text.strip(), el) for text, el, _ in _card_nodes(nodes)
             if _CARD_LABEL.match(text.strip()) or _WRITTEN_BY.match(text.strip())]
    return _lines_around(found[:MAX_CARD_LOOKUPS], _card_line)


def _lines_around(found: list[tuple[str, HtmlElement]], line_of: Callable[[HtmlElement, str], str | None]) -> list[str]:
    """The distinct lines `line_of` reads around each found text (stripped) and its element, outside comments,
    sidebars, related boxes and the page footer: what the searches of credit lines by a text alone keep."""
    lines: list[str] = []
    for text, el in found:
        if el is None or elsewhere(el):
            continue
        line = line_of(el, text)
        if line and line not in lines:
            lines.append(line)
    return lines


def _card_line(el: HtmlElement, text: str) -> str | None:
    """The line a card's text opens or closes: the 'Written by' line itself, else the label's parent's text when it
    prints more than the label (the name before it), in a line's length."""
    if not isinstance(el.tag, str):
        return None  # the tail of a comment or processing instruction: no card's element
    if _WRITTEN_BY.match(text):
        return text
    parent = el if el.text is None or el.text.strip() != text else el.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag in _CONTAINER_TAGS:
        return None
    line = clean(" ".join(parent.itertext()))
    return line if len(text) < len(line) <= MAX_LABEL_LINE else None


MAX_SIBLINGS_TO_NAME = 3  # the name's element follows the label's, maybe after an empty one or an icon


def headed_card_lines(nodes: list[PrintedNode]) -> list[str]:
    """The lines of author boxes headed by a card's label alone in its element, the name in the next element that
    prints something ('<h3>Autor</h3><h4>Karim Benali</h4><p>bio…</p>', where the box is too long to be read as a
    line): the label and the name, outside comments, sidebars, related boxes and the page footer. `nodes`: the
    page's `printed_nodes`."""
    found = [(text.strip(), el) for text, el, _ in _card_nodes(nodes) if _CARD_LABEL.match(text.strip())]
    return _lines_around(found[:MAX_CARD_LOOKUPS], _headed_line)


def _headed_line(el: HtmlElement, label: str) -> str | None:
    """The label and the name after it, when `el` prints the label alone."""
    if not _prints_alone(el, label):
        return None  # a tail after an element, or the label inside a longer line: `author_card_lines` reads those
    name = _next_printed(el, MAX_SIBLINGS_TO_NAME)
    return f"{label} {name}" if name else None


def _prints_alone(el: HtmlElement, text: str) -> bool:
    """`el` is an element, not a container, and prints `text` alone."""
    return isinstance(el.tag, str) and el.tag not in _CONTAINER_TAGS and clean(" ".join(el.itertext())) == text


# A byline's lead-in printed alone in its element, the name in the next one ('<span>By</span><a>Karim Benali</a>',
# '<div>Écrit par</div><div>Karim Benali</div>'): short text nodes (14 characters at most, XPath's normalize-space()
# applied) that hold a lead-in's letters, outside links and quotes (a blockquote's credit is the quoted or embedded
# post's: 'Posted by'), then read whole by _LONE_LEAD_IN. That list is narrower than the byline prefixes of
# `_authors` on purpose: a lone 'Rédaction :', 'Chronique de' or 'Interview :' heads a staff list or a rubric more
# often than a name.
MAX_LEAD_IN_CHARS = 14
_LEAD_IN_LETTERS = ("y", "Y", "ar", "AR", "on", "ON", "or", "بقلم", "كتب")
_XML_SPACES = " \t\r\n"  # what XPath's normalize-space() strips and collapses
_XML_SPACE_RUNS = re.compile(r"[ \t\r\n]+")
_LONE_LEAD_IN = re.compile(r"^(?:(?:written|posted|published|article|story|(?:é|e)crit|r(?:é|e)dig(?:é|e)e?"
                           r"|publi(?:é|e)e?|texte)\s+)?(?:by|par|von|por)\s*:?$|^(?:بقلم|كتب)\s*:?$", re.IGNORECASE)
MAX_LEAD_IN_LOOKUPS = 10
MAX_NEXT_NAME = 60  # the element after a lone lead-in holds a name or two, not a bio


def _short_when_normalized(text: str, limit: int = MAX_LEAD_IN_CHARS) -> bool:
    """``string-length(normalize-space(text)) <= limit``: XPath's spaces stripped at the ends and each run of them
    within made one space (which only shortens the text: a short text needs no more look)."""
    stripped = text.strip(_XML_SPACES)
    if len(stripped) <= limit:
        return True
    if not any(run in stripped for run in ("  ", "\t", "\r", "\n")):
        return False  # no run to collapse
    return len(_XML_SPACE_RUNS.sub(" ", stripped)) <= limit


def _lead_in_nodes(nodes: list[PrintedNode]) -> list[PrintedNode]:
    return [node for node in nodes if not node[2] & (IN_LINK | IN_QUOTE) and _short_when_normalized(node[0])
            and any(letters in node[0] for letters in _LEAD_IN_LETTERS)]


def lead_in_lines(nodes: list[PrintedNode]) -> list[str]:
    """Short printed lines whose lead-in stands alone in its element ('By' then '<a>Karim Benali</a>'), read with a
    space between the elements (the markup prints 'ByKarim Benali'), outside comments, sidebars, related boxes and
    the page footer. When the lead-in's element prints nothing else, the next element that prints something holds
    the name ('<div>Written by</div><div>Karim Benali</div><div>bio…</div>'): the lead-in and that element's text.
    `nodes`: the page's `printed_nodes`."""
    found = [(text.strip(), el) for text, el, _ in _lead_in_nodes(nodes) if _LONE_LEAD_IN.match(text.strip())]
    return _lines_around(found[:MAX_LEAD_IN_LOOKUPS], _lead_in_line)


def _lead_in_line(el: HtmlElement, lead_in: str) -> str | None:
    """The line a lone lead-in opens: its element's text, the next element's after it, or its parent's text."""
    if clean(" ".join(el.itertext())) == lead_in and el.tag not in _CONTAINER_TAGS:
        after = _next_printed(el)
        if after:
            return f"{lead_in} {after}"
    for candidate in (el, el.getparent()):
        if candidate is None or not isinstance(candidate.tag, str) or candidate.tag in _CONTAINER_TAGS:
            return None
        line = clean(" ".join(candidate.itertext()))
        if len(line) > MAX_LABEL_LINE:
            return None
        if len(line) > len(lead_in):  # more than the lead-in: the line; else look around it
            return line
    return None


def _next_printed(el: HtmlElement, siblings: int | None = None) -> str | None:
    """The text of the first sibling after `el` that prints something (among the next `siblings`, all when None),
    when short enough to be a name."""
    found = _first_printed_sibling(el, siblings)
    return found[1] if found is not None and len(found[1]) <= MAX_NEXT_NAME else None


def _first_printed_sibling(el: HtmlElement, siblings: int | None = None) -> tuple[HtmlElement, str] | None:
    """The first sibling after `el` that prints something (among the next `siblings`, all when None), with its text."""
    for sibling in islice(el.itersiblings(), siblings):
        if not isinstance(sibling.tag, str) or sibling.tag in UNPRINTED_TAGS:
            continue
        text = clean(" ".join(sibling.itertext()))
        if text:
            return sibling, text
    return None


# A lone lead-in, then an account's name linked to its profile page ('<span>by</span><h3><a href="/profile/1424">
# delta201</a></h3>'): web-fiction, forum and recipe-community sites print their writers' handles so.
_PROFILE_PATH = re.compile(r"/(?:profiles?|users?|u|members?)/[^/?#]", re.IGNORECASE)


def lead_in_accounts(nodes: list[PrintedNode]) -> list[str]:
    """The accounts printed after a lone lead-in as a link to a profile page (_PROFILE_PATH), outside comments,
    sidebars, related boxes and the page footer, once for each time the page prints one (teaser cards repeat their
    writer's account). `nodes`: the page's `printed_nodes`."""
    found = [(text.strip(), el) for text, el, _ in _lead_in_nodes(nodes) if _LONE_LEAD_IN.match(text.strip())]
    accounts = [_profile_account(el, text) for text, el in found[:MAX_LEAD_IN_LOOKUPS] if not elsewhere(el)]
    return [account for account in accounts if account]


def _profile_account(el: HtmlElement, lead_in: str) -> str | None:
    """The text of the profile link that the first printed element after the lead-in's holds, alone."""
    found = _first_printed_sibling(el, MAX_SIBLINGS_TO_NAME) if _prints_alone(el, lead_in) else None
    if found is None:
        return None
    sibling, printed = found
    link = sibling if sibling.tag == "a" else next(sibling.iter("a"), None)
    if link is None or clean(" ".join(link.itertext())) != printed or len(printed) > MAX_NEXT_NAME:
        return None
    return printed if _PROFILE_PATH.search(link.get("href") or "") else None


# A line that holds a date, a dash, then the author's name ('12.03.2025 - Amina Saïdi'): text nodes under 80
# characters with a spaced dash, outside links and titles.
MAX_DATED_NODE_CHARS = 80
_DATE_DASH = r"^\s*\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\s+[-–]\s"
_DATED_LINE = re.compile(_DATE_DASH)
_DATED_NAME = re.compile(_DATE_DASH + r"\s*((?:(?!\s[-–|•·]\s).)+?)\s*$")  # one dash only
MAX_DATED_NAME_LOOKUPS = 20


def _dashed_nodes(nodes: list[PrintedNode]) -> list[PrintedNode]:
    return [node for node in nodes if not node[2] & (IN_LINK | IN_TITLE) and len(node[0]) < MAX_DATED_NODE_CHARS
            and (" - " in node[0] or " – " in node[0])]


def dated_names(nodes: list[PrintedNode]) -> list[str]:
    """The name printed after a date and a dash, alone on its line ('12.03.2025 - Amina Saïdi'), outside comments,
    sidebars, related boxes and the page footer, when the page prints one such line: several are a listing
    (events, other posts), not a byline. `nodes`: the page's `printed_nodes`."""
    dated = [(text, el) for text, el, _ in _dashed_nodes(nodes)[:MAX_DATED_NAME_LOOKUPS] if _DATED_LINE.match(text)]
    match = _DATED_NAME.match(dated[0][0]) if len(dated) == 1 else None
    el = dated[0][1] if match else None
    return [match.group(1)] if match and el is not None and not elsewhere(el) else []


# A guest's credit line ('This is a guest post by Karim Benali', 'Guest author: Amina Saïdi'): the blog's own account
# posted the piece, this line says who wrote it. Looked for only on pages whose bytes print the label's words
# (`mentions_a_guest`: a regex whose literal start 'uest ' Python's re searches fast, 0.3 ms a page; an XPath over
# every text node took 1.4 ms, and 3 of 400 wcxb and aeb pages hold the words). English only: no tune page prints
# another language's label ('Gastbeitrag von' is in menus only).
_GUEST_WORDS = re.compile(rb"uest (?:[Pp]ost|[Aa]uthor|[Ww]riter|[Cc]ontributor|[Aa]rticle|[Cc]olumn|[Bb]log)")
_GUEST_LABEL = re.compile(r"^(?:(?:this\s+is\s+)?an?\s+)?guest\s+(?:(?:blog\s+)?(?:post|article|column)(?:\s+written)?\s+by"
                          r"|(?:author|writer|contributor)\b\s*:?)", re.IGNORECASE)
MAX_GUEST_LOOKUPS = 20


def mentions_a_guest(body: bytes) -> bool:
    """Do the page's bytes print a guest label's words ('guest post', 'Guest Author')? Only then `guest_lines`."""
    return _GUEST_WORDS.search(body) is not None


def guest_lines(root: HtmlElement) -> list[str]:
    """The guest credit lines the page prints outside comments, sidebars, related boxes and the page footer, each
    as 'By <what follows the label>' ('This is a guest post by Karim Benali, a travel writer.' -> 'By Karim Benali,
    a travel writer.'); a label alone in its text node reads its element's text ('Guest post by<a>X</a>')."""
    lines: list[str] = []
    for node in _PRINTED_WITH(root, word="uest ")[:MAX_GUEST_LOOKUPS]:  # 'Guest', 'guest'
        text = clean(str(node))
        el = node.getparent()
        if el is None or not isinstance(el.tag, str) or not _GUEST_LABEL.match(text):
            continue
        if _GUEST_LABEL.sub("", text, count=1).strip() == "" and node.is_text:
            text = clean(el.text_content())  # the label alone: the name follows in the element's children
        rest = _GUEST_LABEL.sub("", text, count=1).strip()
        if rest and len(text) <= MAX_LABEL_LINE and not elsewhere(el):
            line = f"By {rest}"
            if line not in lines:
                lines.append(line)
    return lines


# A source line that ends on a slash and an editor's initials, as German public broadcasters sign a piece ('Quelle:
# hr/bb', 'Quelle: MDR THÜRINGEN/ls'): short printed text nodes outside links that open with a source label and hold
# a slash, read whole by `_authors.site_source_byline`.
MAX_SOURCE_NODE_CHARS = 60
_SOURCE_LABELS = ("Quelle", "Source", "Fuente", "Fonte")
MAX_SOURCE_LOOKUPS = 10


def source_lines(nodes: list[PrintedNode]) -> list[str]:
    """Short printed lines that open with a source label and hold a slash ('Quelle: hr/bb'), outside comments,
    sidebars, related boxes and the page footer. `nodes`: the page's `printed_nodes`."""
    found = [(text.strip(), el) for text, el, flags in nodes if not flags & IN_LINK and "/" in text
             and _short_when_normalized(text, MAX_SOURCE_NODE_CHARS) and text.lstrip().startswith(_SOURCE_LABELS)]
    return _lines_around(found[:MAX_SOURCE_LOOKUPS], lambda _, text: clean(text))


# Text nodes the page prints (not a script's nor a style's), found by a word in C.
_PRINTED_WITH = etree.XPath("//body/descendant::text()[contains(., $word)][not(ancestor::script or ancestor::style"
                            " or ancestor::noscript or ancestor::template)]")
_NAME_PRINT_LEVELS = 3  # a name split over elements: '<span>Karim</span> <b>Benali</b>' inside one byline


class PrintedWords:
    """The first MAX_PRINTED_LOOKUPS printed text nodes that hold a word (_PRINTED_WITH), each word searched once:
    the author checks ask for the same names' words several times in a row (whether a name is printed, then whether
    only after an editor's label), the tree unchanged in between (157 of 365 searches of 300 aeb, fundus and wcxb
    pages, 0.35 ms a page). Made for one step of the extraction, and dropped with it: a tree changed after it is not
    seen, and it holds a few nodes for each name of one page."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self._found: dict[str, list[Any]] = {}

    def __call__(self, word: str) -> list[Any]:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = _PRINTED_WITH(self.root, word=word)[:MAX_PRINTED_LOOKUPS]
        return found


def prints_name(root: HtmlElement, name: str, printed: PrintedWords | None = None) -> bool:
    """True when the page's text prints `name` (compared with `alnum`: case, accents and punctuation aside),
    in one text node or across the elements of a byline up to three levels up, outside elements the markup
    hides. Text nodes are found by the name's longest word (in C), as the field spells it, then in capitals,
    capitalised or in lower case: one XPath pass (0.3-0.5 ms on a news page) when the page prints the name as
    the field does; only those few elements' text is read. `printed`: the step's searches, shared (see PrintedWords)."""
    key = alnum(name)
    if not key:
        return False
    printed = printed or PrintedWords(root)
    word = max(name.split(), key=len)
    for variant in dict.fromkeys((word, word.upper(), word.title(), word.lower())):  # as printed first
        for node in printed(variant):
            el = node.getparent()
            if el is not None and not _styled_hidden(el) and _prints_around(el, key):
                return True
    return False


def _prints_around(el: HtmlElement, key: str) -> bool:
    for _ in range(_NAME_PRINT_LEVELS):
        if el is None or not isinstance(el.tag, str) or el.tag in _STOP_TAGS:
            return False
        if key in alnum("".join(_printed_text(el))):
            return True
        el = el.getparent()
    return False


# The label of an editor's credit, right before the name ('Editor : X', 'Édité par X', 'Editado por X', Indonesian
# 'Penyunting: X'): who edited the piece, not who wrote it. Not 'Rédaction' nor 'Redakteur', which credit the writer.
_EDITOR_LABEL = re.compile(r"(?<!\w)(?:editors?|edited\s+by|(?:é|e)dit(?:é|e)e?\s+par|editad[oa]\s+por|penyunting|redaktur)"
                           r"\s*:?\s*$", re.IGNORECASE)


# The label of a credit for other work than the text, right before the name ('Photographed by X', 'Styled by X',
# 'Illustration: X', 'Fotos: X'): a photographer, stylist or illustrator a field lists beside the writer.
_CONTRIBUTOR_LABEL = re.compile(
    r"(?<!\w)(?:(?:photo(?:graph(?:y|ed)?|s)?|illustrat(?:ion|ions|ed)|styl(?:ed|ing)|make-?up|hair|modeled|modelled"
    r"|video|graphics?)\s+by|photos?|fotos?|bilder?|illustrations?|infographie|grafik)\s*:?\s*$", re.IGNORECASE)


def printed_as_editor(root: HtmlElement, name: str, printed: PrintedWords | None = None,
                      label: re.Pattern[str] = _EDITOR_LABEL) -> bool:
    """True when the page prints `name`, and every time after an editor's label ('Editor : <a>Karim Benali</a>'):
    an author field that names the editor (a CMS's account of who published the piece), not the byline.
    `printed`: the step's searches, shared (see PrintedWords); `label`: the label looked for."""
    words = name.split()
    if not words:
        return False
    found = False
    for node in (printed or PrintedWords(root))(max(words, key=len)):
        labelled = _after_editor_label(node.getparent(), name.casefold(), label)
        if labelled is False:
            return False
        found = found or labelled is True
    return found


def printed_as_contributor(root: HtmlElement, name: str, printed: PrintedWords | None = None) -> bool:
    """True when the page prints `name`, and every time after the label of a credit for other work than the text
    ('Photographed by <span>Karim Benali</span>'): a photographer or stylist an author field lists, not a writer."""
    return printed_as_editor(root, name, printed, _CONTRIBUTOR_LABEL)


def _after_editor_label(el: HtmlElement | None, folded: str, label: re.Pattern[str] = _EDITOR_LABEL) -> bool | None:
    """Whether the text before the name, in the first element up to three levels up that prints something before
    it, ends on an editor's label (`label`); False when the name opens all of them, None when none prints the
    name."""
    seen = False
    for _ in range(_NAME_PRINT_LEVELS):
        if el is None or not isinstance(el.tag, str) or el.tag in _STOP_TAGS:
            break
        text = clean("".join(_printed_text(el)))
        at = text.casefold().find(folded)
        if at >= 0 and text[:at].strip():
            return label.search(text[:at]) is not None
        seen = seen or at >= 0
        el = el.getparent()
    return False if seen else None


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# React's streamed server rendering sends a part of the page late in a hidden <div id="S:0"> that its script moves
# into place at once: printed, as the rest of the page is
_STREAMED_PART = re.compile(r"S:\d+$")


def _styled_hidden(el: HtmlElement) -> bool:
    """`el` or an element around it is hidden by its own markup (``style="display: none"``, ``hidden``): a copy
    of the author's name that themes keep for microformats, not printed. A streamed part is not hidden."""
    for item in (el, *el.iterancestors()):
        if ((item.get("hidden") is not None and not _STREAMED_PART.match(item.get("id") or ""))
                or _HIDDEN_STYLE.search(item.get("style") or "")):
            return True
    return False


def _printed_text(el: HtmlElement) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in UNPRINTED_TAGS:
            parts.extend(_printed_text(child))
        parts.append(child.tail or "")
    return parts


def _collect_time(el: HtmlElement, page: PageSignals) -> None:
    hint = " ".join(filter(None, (el.get("itemprop"), el.get("class"),
                                   "pubdate" if el.get("pubdate") is not None else "")))
    stamp = el.get("datetime") or ""
    text = el.text_content()
    if stamp or text:
        page.times.append(TimeElement(stamp.strip(), clean(text)[:MAX_MARKED_TEXT], hint.lower(), elsewhere(el)))


_COLLECTORS = {"meta": _collect_meta, "link": _collect_link, "script": _collect_script,
               "title": _collect_title, "h1": _collect_heading, "h2": _collect_heading, "time": _collect_time}


def _names_author(el: HtmlElement, marks: str) -> bool:
    """The element holds an author's name and nothing else: ``rel="author"``, ``itemprop="author"``, or the
    microformat's ``author vcard`` / ``fn`` (WordPress, Blogger), never a comment's author."""
    tokens = marks.lower().split()
    if any(_ELSEWHERE.match(token) for token in tokens):
        return False
    if "author" in (el.get("rel") or "").lower().split() or el.get("itemprop") in ("author", "creator"):
        return True
    return any("author" in token for token in tokens) and bool({"vcard", "fn"} & set(tokens))


def _listed_names(el: HtmlElement) -> str | None:
    """The names of a byline that prints each in its own element with nothing between them ('<span>Karim
    Benali</span> <span>Amina Saïdi</span>'), joined as a byline writes them ('Karim Benali, Amina Saïdi'); None
    when the byline is not such a list (one element, a lead-in or separator in the text, a one-word part)."""
    while len(el) == 1 and not (el.text or "").strip() and not (el[0].tail or "").strip():
        el = el[0]  # through the wrappers around the list
    children = [child for child in el if isinstance(child.tag, str) and not _role_marked(child)]  # no comment, no title
    if (len(children) < 2 or (el.text or "").strip() or len({child.tag for child in children}) > 1
            or any((node.tail or "").strip() for node in el)):
        return None
    names = [_without_roles(child, clean(child.text_content())) for child in children]
    return ", ".join(names) if all(len(name.split()) >= 2 for name in names) else None


# A job title the markup prints in its own element beside the name ('<span class="author-title">Gardener &amp;
# Astrologer</span>', 'article-author-section--position', itemprop="jobTitle"): no part of the byline. A class token
# that ends with the word, or an author/byline token followed by 'title', 'role' or 'job' alone ('author-title').
_ROLE_MARK = re.compile(r"(?:^|[-_])(?:job-?title|jobtitle|position|designation|occupation|fonction)$"
                        r"|^(?:author|byline|auteur|autor)[-_]+(?:title|role|job)$", re.IGNORECASE)


def _role_marked(el: HtmlElement) -> bool:
    if el.get("itemprop") == "jobTitle":
        return True
    return any(_ROLE_MARK.search(token) for token in (el.get("class") or "").split())


def _without_roles(el: HtmlElement, text: str) -> str:
    """The byline element's text without the job titles its elements print (`text` when it prints none)."""
    roles = [item for item in el.iterdescendants() if isinstance(item.tag, str) and _role_marked(item)]
    if not roles:
        return text
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not _role_marked(child):
            parts.append(_without_roles(child, clean(child.text_content())))
        parts.append(child.tail or "")
    return clean(" ".join(parts))


LINE_BREAK = " | "  # how a byline's <br> reads: the line after it is no part of the names before it


def _with_line_breaks(el: HtmlElement, text: str) -> str:
    """The byline element's text with its <br>s kept as breaks (`text` when it has none): 'Von X und
    Y<br>Sendung: …' prints two lines, and text_content() glues the name to the next line's first word."""
    if next(el.iter("br"), None) is None:
        return text
    return clean("".join(_visible_text(el, br=LINE_BREAK)))


def _collect_marked(root: HtmlElement) -> Marked:
    """The elements whose class or id holds a mark word, or whose itemprop or rel marks an author or a date, filed
    in document order. Every element is walked (lxml's ``iter``, 0.35 ms on a real page of 255 KB) and asked for its
    attributes: an XPath that handed over the ones with a class, id, itemprop or rel (``(//@class|…)/..``) took
    1.0 ms on those pages, sorting the attributes into document order, and the elements it skipped have no mark.
    The class and the id are asked apart (no mark word holds a space, so one of them holds it where the two joined
    do), each value remembered alone: a page repeats a class far more often than a class and id pair."""
    marked = Marked()
    count = 0
    for el in root.iter():
        cls = el.get("class")
        flags = _class_flags(cls) if cls else 0
        if flags & _BOX and len(marked.boxes) < MAX_MARKED_BOXES:
            marked.boxes.append(el)
        if count >= MAX_MARKED:
            continue  # enough marks filed: the walk goes on for the boxes alone
        ident = el.get("id")
        if not (flags & _MARK or (ident and _has_mark_word(ident))) and (
                el.get("itemprop") not in _MARK_PROPS and el.get("rel") != "author"):
            continue
        count += _file_marked(el, f"{cls} {ident}" if cls and ident else cls or ident or "", marked)
    return marked


# A class that marks a box no part of the article, whose lines trafilatura keeps (`_set_apart.without_marked_boxes`):
# an author's box ('author-bio', 'about-author', 'author_detail_box', the Simple Author Box plugin's 'saboxplugin-wrap')
# or an advertiser's or affiliate's disclosure ('advertiser-disclosure'), not a 'disclosure' widget's panel or button
# (Headless UI's 'headlessui-disclosure-panel-1', an accordion's 'disclosure-panel'), which holds the article's own
# text. Read in the walk above, which asks every element for its class anyway: an XPath over the class attributes took
# 0.6 ms a page (200 aeb and fundus pages, CPU). Every box these marks found on the tune halves is marked by its class,
# but one disclosure marked by its id alone (wcxb .980 -> .972 without it): ids are not read.
MAX_MARKED_BOXES = 20  # marked boxes weighed a page: a hostile page may mark every element so
_MARKED_BOX = re.compile(r"author[-_]?(?:bio|box|info|desc|detail|about|card|profile)|(?:about|bio)[-_]?(?:the[-_]?)?author"
                         r"|saboxplugin|(?<!headlessui-)disclosure(?![-_]?(?:panel|button|toggle|trigger))", re.IGNORECASE)


def box_class(cls: str) -> bool:
    """Does the class attribute `cls` mark an author's or a disclosure box? Its letters are looked for first."""
    return ("uthor" in cls or "sabox" in cls or "isclosure" in cls) and _MARKED_BOX.search(cls) is not None


MAX_LINK_LEVELS = 6  # a teaser card: <a><div><p><small><span class="author">


def _in_teaser_link(el: HtmlElement, text: str) -> bool:
    """True when `el` sits in a link that prints more than it: a teaser card that links to another article, its
    headline and its byline in one <a>. A link around the name alone (to the author's page) is no teaser."""
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= MAX_LINK_LEVELS or ancestor.tag in _STOP_TAGS:
            return False
        if ancestor.tag == "a":
            return len(clean(ancestor.text_content())) > len(text) + MAX_LINK_EXTRA
    return False


MAX_LINK_EXTRA = 20  # 'Par ', a date: what a link around a byline may add


def _in_side_column(el: HtmlElement) -> bool:
    """True when `el` sits in an <aside> within <main> that no class or id marks as elsewhere (related, sidebar,
    comments): the article's own side column, where some themes print the date and the byline beside the text.
    A site's sidebar sits outside <main>."""
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= MAX_ANCESTORS or ancestor.tag in _STOP_TAGS or ancestor.tag in ("footer", "nav"):
            return False
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if marks != " " and _token_marks(marks)[0]:
            return False
        if ancestor.tag == "aside":
            return any(outer.tag == "main" for outer in ancestor.iterancestors())
    return False


_BOX, _MARK = 1, 2


@remembered_if_short(4096)
def _class_flags(cls: str) -> int:
    """What a class value says, both answers in one remembered value (`_BOX` when `box_class`, `_MARK` when it holds
    a mark word): the walk over every element asks both of each class, and a second remembered lookup, or a Python
    call to `box_class` per classed element (550 a real page), cost 0.1-0.2 ms a page."""
    return (_BOX if box_class(cls) else 0) | (_MARK if _has_mark_word(cls) else 0)


@remembered_if_short(4096)
def _has_mark_word(marks: str) -> bool:
    """Cached: a page gives the same classes to many elements (240 distinct marks among 620 on a real page)."""
    if marks.isascii():
        return _MARK_WORDS_LOWER.search(marks.lower()) is not None
    return _MARK_WORDS.search(marks) is not None


# What joins two names printed each in its own element ('<a rel="author">X</a> and <a rel="author">Y</a>')
_NAMES_JOIN = re.compile(r"^\s*(?:,|;|&|and|et|und|y|e|و|،)\s*$", re.IGNORECASE)


def _file_author_name(el: HtmlElement, text: str, marked: Marked) -> None:
    """File the name `el` marks; a name that follows the last one filed in the next element, joined to it by a
    comma or 'and' ('<a rel="author">Karim Benali</a> et <a rel="author">Amina Saïdi</a>'), joins its byline:
    one byline crediting both, as the page prints it, not two that each credit one."""
    previous = el.getprevious()
    if (previous is not None and marked.author_names and _NAMES_JOIN.match(previous.tail or "")
            and len(marked.author_names[-1]) + len(text) < MAX_MARKED_TEXT  # a byline's length, no more
            and marked.author_names[-1].endswith(clean(previous.text_content()))
            and _names_author(previous, previous.get("class") or "")):
        joined = f"{marked.author_names[-1]} {clean(previous.tail or '')} {text}".replace(" ,", ",").replace(" ،", "،")
        if len(marked.bylines) >= 2 and marked.bylines[-2] == marked.author_names[-1]:
            marked.bylines[-2:] = [joined]
        marked.author_names[-1] = joined
        return
    marked.author_names.append(text)


MAX_CARD_NAMES = 3  # the article's author box comes first; more are other pieces' cards
MAX_CARD_LOOKUPS = 20  # long marked elements looked into: a hostile page may mark thousands
MAX_CARD_WALK = 40  # elements walked to the card's first printed text (wrappers, an image, a link)


def _file_card_name(el: HtmlElement, marks: str, marked: Marked) -> None:
    """File the first line of an element marked as the author's that is too long for a byline ('<div
    class="author-box"><h4>Karim Benali</h4><p>Karim Benali covers …</p></div>'): an author box, the writer's name
    above the bio, when that line is a name's length."""
    if (len(marked.card_names) >= MAX_CARD_NAMES or marked.card_lookups >= MAX_CARD_LOOKUPS
            or not _BYLINE_LABEL.search(marks.lower())):
        return
    marked.card_lookups += 1
    if elsewhere(el):
        return
    line = _first_printed_line(el)
    if line and len(line) <= MAX_AUTHOR_NAME_TEXT:
        marked.card_names.append(line)


def _first_printed_line(el: HtmlElement, budget: list[int] | None = None) -> str | None:
    """The first text within `el` that prints something (not a script's nor a style's), looked for in
    MAX_CARD_WALK elements at most."""
    budget = budget if budget is not None else [MAX_CARD_WALK]
    text = clean(el.text or "")
    if text:
        return text
    for child in el:
        budget[0] -= 1
        if budget[0] < 0:
            return None
        if isinstance(child.tag, str) and child.tag not in UNPRINTED_TAGS:
            text = _first_printed_line(child, budget) or ""
            if text or budget[0] < 0:
                return text or None
        text = clean(child.tail or "")
        if text:
            return text
    return None


MAX_REPLY_WALK = 60  # elements walked in the post author's comment to its name ('<b class="fn">')


def _reply_author_name(el: HtmlElement) -> str:
    """The name a WordPress comment prints for its writer (``class="fn"``, in the comment's own first elements),
    when a name's length; '' otherwise."""
    for count, item in enumerate(el.iter()):
        if count >= MAX_REPLY_WALK:
            break
        if isinstance(item.tag, str) and "fn" in (item.get("class") or "").split():
            name = clean(item.text_content())
            return name if len(name) <= MAX_AUTHOR_NAME_TEXT else ""
    return ""


def _file_marked(el: HtmlElement, marks: str, marked: Marked) -> int:
    """File `el` under bylines, date lines, headlines or the paywall marker; returns 1 when it was filed."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if marked.paywall_marker is None and tag not in _BADGE_TAGS and _PAYWALL_TOKEN.search(marks):
        marked.paywall_marker = f"{tag}.{marks}"
    if marked.post_author_reply is None and "bypostauthor" in marks.split():
        marked.post_author_reply = _reply_author_name(el)  # the first such comment only: one look a page
    if tag in _CONTAINER_TAGS or tag in ("meta", "time", "link", "script") or len(el) > 12:
        return 0
    label = " ".join(filter(None, (marks, el.get("itemprop"), el.get("rel")))).lower()
    line_label = _LINE_LABEL.search(label) is not None
    headline = tag in _HEADLINE_TAGS and len(marked.headlines) < MAX_HEADLINES and _HEADLINE_MARK.search(marks)
    if not (line_label or headline):
        return 0  # nothing to file: its text is not read (a card's name needs a byline word, which is a line word)
    text = clean(el.text_content())
    if len(text) > MAX_MARKED_TEXT:
        _file_card_name(el, marks, marked)
        return 0
    if not text:
        return 0
    if headline and not elsewhere(el):
        marked.headlines.append(text)
    if not line_label:
        return 0
    byline_label = _BYLINE_LABEL.search(label) is not None
    if elsewhere(el):
        if byline_label and not _in_teaser_link(el, text) and _in_side_column(el):
            marked.side_bylines.append(text)
        return 0
    if byline_label and not _in_teaser_link(el, text) and not _role_marked(el):
        marked.bylines.append(_listed_names(el) or _without_roles(el, _with_line_breaks(el, text)))
        if len(text) <= MAX_AUTHOR_NAME_TEXT and _names_author(el, marks):
            _file_author_name(el, text, marked)
    if _DATELINE_LABEL.search(label) and not _in_teaser_link(el, text):  # a card's date dates its own story
        marked.datelines.append(text)
    return 1
