"""Per-field candidate lists, in order of trust: JSON-LD, OpenGraph, other meta, the page.

Each function returns ``(value, source)`` (or yields candidates) with source one of
'json-ld', 'opengraph', 'meta', 'time', 'byline', 'url', 'text' (a date the page's text introduces), 'htmldate'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit, urlunsplit

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._dates import find_dates, published_modified_strings
from crawler.extract._jsonld import JsonLd, strings
from crawler.extract._language import declared
from crawler.extract._page import PageSignals, without_site_banner
from crawler.extract._printed_date import cued_text_date, printed_in_month
from crawler.extract._text import alnum, clean, without_markup
from crawler.extract._url_date import url_day, url_month

MAX_TAGS = 30
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")
_MODIFIED_HINT = re.compile(r"modif|updat|mise?-?a-?jour|maj\b")
_PUBLISHED_HINT = re.compile(r"datepublished|pubdate|publi|created|post-date|entry-date")

_PUBLISHED_META = ("datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
                   "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created",
                   "sailthru.date", "article.published", "published_time", "original-publish-date", "datecreated")
# Dublin Core is the catalogue's title of the document, read before the title written for sharing (og:title);
# the RDFa property before the name attribute (tuned: readability corpus, tune half, +1 page, 0 broken)
_DC_TITLE = ("dc:title", "dc.title", "dcterms.title")
# A Dublin Core title that spells the publisher or creator Dublin Core names is the site's name, a template filled
# the same on every page ('Diario Ejemplo www.ejemplo.com' as dc.title and dc.publisher): no title of the article
_DC_NAMES = ("dc:publisher", "dc.publisher", "dcterms.publisher", "dc:creator", "dc.creator", "dcterms.creator")
_TITLE_META = ("parsely-title", "sailthru.title")
_MODIFIED_META = ("datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
                  "article.updated", "revised")


def site_names(page: PageSignals, jsonld: JsonLd) -> list[str]:
    names = [page.meta(key) for key in ("og:site_name", "application-name", "twitter:site", "publisher")]
    found = [value.lstrip("@") for _, value in filter(None, names)]
    logos = [heading.text for heading in page.headings if heading.logo]
    return list(dict.fromkeys(found + jsonld.site_names + logos))


def title_refs(page: PageSignals, jsonld: JsonLd) -> list[tuple[str, str]]:
    refs = [("json-ld", _first(strings(jsonld.get("headline")) or strings(jsonld.get("name")))),
            ("meta", _dublin_core_title(page)), ("opengraph", _meta_value(page, "og:title")),
            ("meta", _meta_value(page, "twitter:title")), ("meta", _meta_value(page, *_TITLE_META)),
            ("title", page.title_tag)]
    return [(source, text) for source, text in refs if text]


def _dublin_core_title(page: PageSignals) -> str | None:
    """The Dublin Core title, unless it spells the name of the publisher or creator Dublin Core gives (the site's
    name in both: a page template's, never the article's). htmldate tune pages (titles unlabelled): 1 site name
    given as the title gave way to og:title; no labelled page changed."""
    title = _meta_value(page, *_DC_TITLE)
    key = alnum(title or "")
    if key and any(alnum(name) == key for names in _DC_NAMES for name in page.metas.get(names, [])):
        return None
    return title


def section(page: PageSignals, jsonld: JsonLd) -> tuple[str | None, str | None]:
    value = _first(strings(jsonld.get("articleSection")))
    if value:
        return value, "json-ld"
    return _meta_first(page, ("article:section",), ("parsely-section", "section", "article-section", "category"))


def description(page: PageSignals, jsonld: JsonLd) -> tuple[str | None, str | None]:
    value = _first(strings(jsonld.get("description")))
    source: str | None = "json-ld"
    if not value:
        value, source = _meta_first(page, ("og:description",), ("description", "twitter:description", "dc.description"))
    return (without_markup(value) or None, source) if value else (None, None)


def tags(page: PageSignals, jsonld: JsonLd) -> tuple[tuple[str, ...], str | None]:
    for source, values in (("json-ld", strings(jsonld.get("keywords"))),
                           ("opengraph", page.metas.get("article:tag", [])),
                           ("meta", _meta_list(page, ("news_keywords", "keywords", "parsely-tags", "sailthru.tags")))):
        found = [clean(t) for value in values for t in _TAG_SPLIT.split(value)]
        unique = list({t.casefold(): t for t in reversed(found) if t}.values())[::-1]
        if unique:
            return tuple(unique[:MAX_TAGS]), source
    return (), None


def image_url(page: PageSignals, jsonld: JsonLd, url: str) -> tuple[str | None, str | None]:
    image = jsonld.get("image") or jsonld.get("thumbnailUrl")
    value = _first(strings(image, "url") or strings(image, "contentUrl"))
    source = "json-ld" if value else None
    if not value:
        value, source = _meta_first(page, ("og:image", "og:image:url", "og:image:secure_url"),
                                    ("twitter:image", "twitter:image:src", "thumbnail"))
    if not value and page.links.get("image_src"):
        value, source = page.links["image_src"], "meta"
    absolute = _absolute(value, url) if value else None
    return absolute, source if absolute else None


def canonical_url(page: PageSignals, jsonld: JsonLd, url: str) -> tuple[str | None, str | None, str | None]:
    """``(canonical, source, warning)``: rel=canonical, og:url, JSON-LD url; a home page is refused."""
    main = jsonld.get("mainEntityOfPage")
    candidates = (("meta", page.links.get("canonical")), ("opengraph", _meta_value(page, "og:url")),
                  ("json-ld", _first(strings(jsonld.get("url")) or strings(main, "@id"))))
    warning = None
    for source, raw in candidates:
        absolute = _absolute(raw, url) if raw else None
        if absolute is None:
            continue
        if _is_home(absolute) and not _is_home(url):
            warning = f"canonical: {absolute!r} ({source}) is a home page, not this article; ignored"
            continue
        return absolute, source, warning
    return None, None, warning


def language_claims(page: PageSignals, jsonld: JsonLd) -> list[tuple[str, str]]:
    claims = [("html-lang", declared(page.html_lang)), ("opengraph", declared(_meta_value(page, "og:locale"))),
              ("json-ld", declared(_first(strings(jsonld.get("inLanguage"))))),
              ("meta", declared(_meta_value(page, "content-language") or _meta_value(page, "language")))]
    return [(source, code) for source, code in claims if code]


def date_candidates(name: str, page: PageSignals, jsonld: JsonLd, root: HtmlElement, url: str,
                    machine_readable: bool = False) -> Iterator[tuple[str, str]]:
    """Raw date strings for `name` ('date_published' or 'date_modified'), most trusted first: each as the
    page printed it (a date line gives the part that holds the date), the record's ``*_raw`` value.

    Date lines in words are read for the modified date only when the page has no
    `machine_readable` published date: "Mis à jour le …" alone is not worth a page scan.
    """
    published = name == "date_published"
    yield from stamp_candidates(name, page, jsonld)
    if not published and machine_readable:
        return
    lines = page.marked.datelines + ([b for b in page.marked.bylines if b not in page.marked.datelines] if published else [])
    if published:  # microdata's publication date first: the marked lines before it may be teasers' (capped count)
        lines = [*_microdata_published(root), *lines]
    for line in lines:
        found = published_modified_strings(line)[0 if published else 1]
        if found:
            yield "byline", found
    if published:
        in_url = url_day(url) if url else None
        if in_url:  # htmldate's page search would answer with the URL's date first: no need to run it
            yield "url", in_url[1]
            return
        cued = cued_text_date(root)
        if cued:
            yield "text", cued
            return
        yield from _htmldate(root, url)


_MICRODATA_PUBLISHED = etree.XPath('//*[@itemprop="datePublished"][not(self::meta or self::time or @content or @datetime)]')


def _microdata_published(root: HtmlElement) -> list[str]:
    """The printed text of the one element microdata marks as the publication date ('<li itemprop="datePublished">
    19 octobre 2025</li>'); none when several are marked (a list of teasers, a comment thread): which is the
    article's, the markup does not say. Page builders wrap everything in 'widget's, so no container is asked."""
    found = _MICRODATA_PUBLISHED(root)
    text = clean(found[0].text_content()) if len(found) == 1 else ""
    return [text] if text else []


def stamp_candidates(name: str, page: PageSignals, jsonld: JsonLd) -> Iterator[tuple[str, str]]:
    """The machine-readable stamps for `name`: JSON-LD, OpenGraph, other meta tags, ``<time>`` elements."""
    published = name == "date_published"
    for key in ("datePublished", "dateCreated") if published else ("dateModified",):
        yield from (("json-ld", value) for value in strings(jsonld.get(key)))
    og_keys = ("article:published_time", "og:published_time") if published else ("article:modified_time", "og:updated_time")
    yield from (("opengraph", value) for key in og_keys for value in page.metas.get(key, []))
    yield from (("meta", value) for value in _meta_list(page, _PUBLISHED_META if published else _MODIFIED_META))
    yield from _time_candidates(page, published)


def _time_candidates(page: PageSignals, published: bool) -> Iterator[tuple[str, str]]:
    times = [t for t in page.times if not t.elsewhere]
    modified = [t for t in times if _MODIFIED_HINT.search(t.hint)]
    if not published:
        yield from (("time", t.datetime or t.text) for t in modified)
        return
    others = [t for t in times if t not in modified]
    hinted = [t for t in others if _PUBLISHED_HINT.search(t.hint)]
    for element in hinted + others[:1]:
        yield ("time", element.datetime) if element.datetime else ("byline", element.text)


def _htmldate(root: HtmlElement, url: str) -> Iterator[tuple[str, str]]:
    # The last resort, reached only when no metadata, <time> or date line gave a date, so its cost is paid on
    # few pages. Extensive search (dates in the text too) measured on the tune halves: htmldate corpus
    # 19 pages fixed, 1 broken (0.846 -> 0.882); trafilatura corpus 9 fixed, 1 broken (0.826 -> 0.847). Its date
    # outside the month the URL gives yields to the page's first date in that month: wcxb 1 fixed, 0 broken; when
    # the page prints none, there is no date. The page is read without its site banner throughout, as htmldate reads
    # it: the banner's date of the day is the capture's, not the story's (0 records of the eight corpora change).
    page = without_site_banner(root)
    found = find_date(page, extensive_search=True, original_date=True, url=url or None, outputformat="%Y-%m-%d")
    month = url_month(url) if found and url else None
    if found and month and found[:7] != month:  # a date outside the month the URL gives: the page's date in it
        printed = printed_in_month(month, page)
        if printed:
            yield "text", printed
        return  # a date the URL contradicts is no publication date
    if found and found.endswith("-01-01") and not prints_new_year(found[:4], page, url):
        return  # htmldate's year alone, written as 1 January
    if found:
        yield "htmldate", found


# htmldate answers with a year alone when that is all it finds (a copyright line '© 2023', a year in the text),
# written as 1 January of it: a record dated so claims a day nobody printed, and a researcher cutting a corpus by
# date files the page under New Year's Day. On the tune halves of the eight corpora htmldate's answer was 1 January
# on 63 pages: 0 labels agree, 5 want another day, 58 pages have no date label; its answers on the first of another
# month (a year and month found) are right on 4 of 6 labelled pages and stay. The page still gives the day when it
# prints it: in its markup or its URL as digits, or in its text in words ('1er janvier 2024'), read near each year.
MAX_YEAR_WINDOWS = 50  # printed years read: a hostile page may print the year everywhere
YEAR_WINDOW = 40  # characters read on either side of a printed year: '1er janvier' and 'mercredi 1 January' fit


def prints_new_year(year: str, root: HtmlElement, url: str) -> bool:
    """Does the page give 1 January of `year` as a day, in digits in its markup or URL or in words in its text?"""
    markup = etree.tostring(root, encoding="unicode", method="html")
    forms = (f"{year}-01-01", f"{year}/01/01", f"{year}0101", f"01.01.{year}", f"01/01/{year}", f"1.1.{year}")
    if any(form in markup or form in url for form in forms):
        return True
    text = root.text_content()
    start = text.find(year)
    for _ in range(MAX_YEAR_WINDOWS):
        if start < 0:
            return False
        window = text[max(0, start - YEAR_WINDOW):start + len(year) + YEAR_WINDOW]
        if any(iso.startswith(f"{year}-01-01") for _, iso in find_dates(window)):
            return True
        start = text.find(year, start + len(year))
    return False


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _meta_value(page: PageSignals, *keys: str) -> str | None:
    found = page.meta(*keys)
    return found[1] if found else None


def _meta_list(page: PageSignals, keys: tuple[str, ...]) -> list[str]:
    return [value for key in keys for value in page.metas.get(key, [])]


def _meta_first(page: PageSignals, og_keys: tuple[str, ...], meta_keys: tuple[str, ...]) -> tuple[str | None, str | None]:
    for source, keys in (("opengraph", og_keys), ("meta", meta_keys)):
        found = page.meta(*keys)
        if found:
            return found[1], source
    return None, None


def _absolute(value: str, base: str) -> str | None:
    """`value` made absolute against `base`, fragment dropped; None unless http(s)."""
    try:
        parts = urlsplit(urljoin(base, value.strip()))
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _is_home(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query
