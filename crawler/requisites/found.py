"""Which URLs a page or a stylesheet needs to be shown as it was served: its page requisites.

From an HTML page: stylesheets (``<link rel=stylesheet>``), icons and preloads, scripts (``<script src>``),
images (``<img src>``, every ``srcset`` candidate, ``<picture><source srcset>``, ``<video poster>``), the
``og:image`` and ``twitter:image``, and what inline ``<style>`` blocks reference. From a stylesheet: its
``@import`` targets and every ``url(...)`` (fonts of ``@font-face``, background images). ``data:`` URIs and
what is not an http(s) URL are left out. Each URL comes once, in document order, with its kind.

An article page is parsed once already, in the extraction worker: ``refs_of_tree`` walks that tree there (before
the extractor prunes it) and the crawl process reads the references from the answer (``in_page_refs``) instead of
parsing the page a second time with parsel (about 1.3 ms of CPU on a 170 KB page). Only when the two parses see the
very same markup: the worker's text decoded with the codec Scrapy used, no byte either side would drop or replace
(controls, NUL, non-characters, undecodable bytes), no XML declaration (rare; parsed here as HTML too), no
nesting past libxml2's default depth; anything else, and the crawl process parses the page itself as before.
``bench/requisites_in_worker.py`` checks the claim on the corpora's pages.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crawler.discovery.links import fetchable_url

STYLESHEET, SCRIPT, IMAGE, FONT, OTHER = "stylesheet", "script", "image", "font", "other"

_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^\s'")]+))""", re.I)
_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)""", re.I)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True, slots=True)
class Found:
    url: str
    kind: str  # STYLESHEET, SCRIPT, IMAGE, FONT or OTHER (icons, preloads of another type)


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a ``srcset`` value: the first token of each comma-separated candidate."""
    return [candidate.split()[0] for candidate in re.split(r",\s+", srcset.strip()) if candidate.split()]


@dataclass(frozen=True, slots=True)
class PageRefs:
    """The requisite references found in a page's tree parsed elsewhere (the extraction worker), before resolution:
    ``(href, kind)`` in document order, the first ``<base href>``, and the codec its text was decoded with."""

    base_href: str | None
    refs: tuple[tuple[str, str], ...]
    encoding: str
    ascii: bool  # the text is ASCII alone (what Scrapy decodes as "ascii" is then the same text in UTF-8)


_XML_DECLARATION = re.compile(r"[\s\ufeff]*<\?xml\s")  # rare, and the worker's parser reads its encoding: parsed here
_DROPPED = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32)])) + "\ufffd\ufffe\uffff"
"""Characters one parse or the other drops (controls; NUL parsel too), or that stand for undecodable bytes."""


def _drops_nothing(text: str) -> bool:
    """Whether ``text`` holds none of ``_DROPPED``: one search per character is a C loop over the text, twice as
    quick as a regular expression's character class over 170 KB (0.23 ms against 0.46)."""
    return not any(character in text for character in _DROPPED)


def refs_of_tree(root: Any, text: str, encoding: str, too_deep: bool) -> PageRefs | None:
    """The references of a page parsed (with lxml's HTML parser) from ``text``, decoded with ``encoding``; None when
    parsel, given the text Scrapy decodes, could see other markup (see the module docstring)."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:  # "utf-8 (declared cp1252, ...)": a decoding Scrapy would not have chosen
        return None
    if too_deep or _XML_DECLARATION.match(text) or not _drops_nothing(text):
        return None
    base_href, refs = _html_refs_in_one_walk(root)
    return PageRefs(base_href, tuple(refs), codec, text.isascii())


def in_page_refs(page: PageRefs | None, response_encoding: str, base: str) -> list[Found] | None:
    """The requisites of a page from the references found in the worker's tree (as ``in_html`` finds them in the
    text Scrapy decoded with ``response_encoding``); None when they cannot stand for them."""
    if page is None:
        return None
    try:
        codec = codecs.lookup(response_encoding).name
    except LookupError:
        return None
    if codec != page.encoding and not (codec == "ascii" and page.ascii):
        return None
    return _unique(iter(page.refs), fetchable_url(page.base_href or "", base) or base)


def in_html(body: str, base: str) -> list[Found]:
    """The requisites of an HTML page whose URLs resolve against ``base`` (its ``<base href>`` if any)."""
    from parsel import Selector  # here: the extraction workers import this module for refs_of_tree alone

    # As HTML even when the page opens with an XML declaration: parsel would read it as XML, where an XHTML page's
    # elements are all in the XHTML namespace and none has the plain tag name the walk looks for.
    base_href, refs = _html_refs_in_one_walk(Selector(text=body, type="html").root)
    return _unique(refs, fetchable_url(base_href or "", base) or base)


_WANTED = ("base", "link", "script", "img", "source", "video", "meta", "style")
_IMAGE_PROPERTIES = ("og:image", "og:image:url", "twitter:image")


def _html_refs_in_one_walk(root: Any) -> tuple[str | None, Iterator[tuple[str, str]]]:
    """The requisite references of a page, ``(url, kind)``, and its first ``<base href>``, from one walk of the tree.

    Nine CSS queries, as this was found before, each walked the whole tree: 0.52 ms of CPU on a 170 KB article
    page, one walk 0.1 ms (the parse itself costs 1.1 ms). Their order is kept (stylesheets and icons, scripts,
    images, meta images by property, inline styles), since the first kind found for a URL is the one kept."""
    base_href: str | None = None
    links: list[tuple[str, str]] = []
    scripts: list[tuple[str, str]] = []
    images: list[tuple[str, str]] = []
    metas: dict[str, list[tuple[str, str]]] = {prop: [] for prop in _IMAGE_PROPERTIES}
    styles: list[Any] = []
    for element in root.iter(*_WANTED):
        tag, attrib = element.tag, element.attrib
        if tag == "base":
            if base_href is None and "href" in attrib:
                base_href = attrib["href"]
        elif tag == "link":
            if "href" in attrib:
                links.extend(_link_ref(attrib))
        elif tag == "script":
            if "src" in attrib:
                scripts.append((attrib["src"], SCRIPT))
        elif tag == "meta":
            if "content" in attrib:
                for prop in _IMAGE_PROPERTIES:
                    if attrib.get("property") == prop or attrib.get("name") == prop:
                        metas[prop].append((attrib["content"], IMAGE))
        elif tag == "style":
            styles.append(element)
        elif tag != "source" or any(ancestor.tag == "picture" for ancestor in element.iterancestors()):
            images.extend(_image_refs(attrib))  # img, video, and picture's source

    def refs() -> Iterator[tuple[str, str]]:
        yield from links
        yield from scripts
        yield from images
        for prop in _IMAGE_PROPERTIES:
            yield from metas[prop]
        for style in styles:
            for text in style.xpath("text()"):
                yield from _css_refs(str(text))

    return base_href, refs()


def _link_ref(attrib: Any) -> Iterator[tuple[str, str]]:
    rel = (attrib.get("rel") or "").lower().split()
    if "stylesheet" in rel:
        yield attrib["href"], STYLESHEET
    elif {"icon", "apple-touch-icon", "preload"} & set(rel):
        as_ = (attrib.get("as") or "").lower()
        yield attrib["href"], {"style": STYLESHEET, "script": SCRIPT, "image": IMAGE, "font": FONT}.get(as_, OTHER)


def _image_refs(attrib: Any) -> Iterator[tuple[str, str]]:
    for name in ("src", "poster"):
        if attrib.get(name):
            yield attrib[name], IMAGE
    for srcset in (attrib.get("srcset"), attrib.get("data-srcset")):
        for url in srcset_urls(srcset or ""):
            yield url, IMAGE


def in_css(text: str, base: str) -> list[Found]:
    """The ``@import`` targets (stylesheets) and ``url(...)`` references (fonts, images) of a stylesheet."""
    return _unique(_css_refs(text), base)


def _css_refs(text: str) -> Iterator[tuple[str, str]]:
    text = _COMMENT.sub("", text)
    imports = set()
    for match in _IMPORT.finditer(text):
        href = next(g for g in match.groups() if g is not None)
        imports.add(match.start())
        yield href, STYLESHEET
    for match in _URL.finditer(text):
        if any(0 <= match.start() - start <= 8 for start in imports):  # the url() of an @import just yielded
            continue
        href = next(g for g in match.groups() if g is not None)
        yield href, _kind_of(href)


def _kind_of(href: str) -> str:
    """What a stylesheet's ``url(...)`` points at, by its extension (fonts and images are what they reference)."""
    extension = href.split("?", 1)[0].rsplit(".", 1)[-1].lower()
    if extension in ("woff2", "woff", "ttf", "otf", "eot"):
        return FONT
    return IMAGE if extension in ("png", "jpg", "jpeg", "gif", "webp", "avif", "svg") else OTHER


def _unique(refs: Iterator[tuple[str, str]], base: str) -> list[Found]:
    found: dict[str, Found] = {}
    for href, kind in refs:
        if href.strip().lower().startswith("data:"):
            continue
        url = fetchable_url(href, base)
        if url is not None and url not in found:
            found[url] = Found(url, kind)
    return list(found.values())
