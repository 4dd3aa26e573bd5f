"""One archived HTML response to the page-derived fields of an article record.

The HTML is decoded (see `crawler.extract.charset`), parsed once with lxml, and the page's
signals are gathered in two C-level passes (`_page.collect`). Metadata is then taken in order of
trust: an outlet's catalog selectors when given ('selector'), JSON-LD ('json-ld', the article node
found in ``@graph`` too), OpenGraph and ``article:`` tags ('opengraph'), microdata and other meta tags
('microdata', 'meta'), the page itself ('h1', 'time', 'byline', 'page', 'signature'), and last
trafilatura (body text) and htmldate (dates). ``sources`` on the result says which one won for each
field; ``warnings`` lists what looked wrong (future or too-early dates, language disagreements, unread
JSON-LD, selectors that matched nothing).

Pure functions only: safe to call from worker processes; inputs and outputs pickle.
"""

from __future__ import annotations

import codecs
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement
from w3lib.encoding import read_bom

from crawler.extract import _dates, _language, _paywall, _selectors, _url_date
from crawler.extract._authors import (
    AGENCY,
    DESK,
    PERSON,
    Credits,
    Kind,
    byline_within,
    closing_byline,
    closing_signer,
    credit_sentence_byline,
    full_name_byline,
    guest_byline,
    labelled_byline,
    parse_byline,
    parse_names,
    side_column_byline,
    site_credited,
    site_source_byline,
    without_dateline_places,
    written_by_byline,
)
from crawler.extract._blocks import with_bare_blocks
from crawler.extract._body import (
    closing_signature,
    extract_body,
    extract_container,
    split_credits,
    with_container_fallback,
    with_flight_fallback,
    without_author_note,
)
from crawler.extract._cleanup import without_closing_outlet
from crawler.extract._fields import (
    canonical_url,
    date_candidates,
    description,
    image_url,
    language_claims,
    section,
    site_names,
    stamp_candidates,
    tags,
    title_refs,
)
from crawler.extract._headings import with_headings
from crawler.extract._hosts import site_domain
from crawler.extract._jsonld import JsonLd, person_names, read_jsonld, resolve, strings, types_of
from crawler.extract._lead import with_lead
from crawler.extract._lists import with_lists
from crawler.extract._local_time import Moment, local_copy
from crawler.extract._missed import with_leading_text, with_missed_paragraphs, with_split_article
from crawler.extract._page import (
    MICRODATA_AUTHOR,
    PageSignals,
    PrintedWords,
    author_archive_names,
    author_card_lines,
    avatar_card_names,
    avatar_names,
    collect,
    dated_names,
    forget_page,
    guest_lines,
    headed_card_lines,
    labelled_lines,
    lead_in_accounts,
    lead_in_lines,
    mark_homes_above,
    mentions_a_guest,
    parse_html,
    printed_as_contributor,
    printed_as_editor,
    printed_elsewhere,
    prints_name,
    profile_link_names,
    source_lines,
)
from crawler.extract._printed_date import METADATA_SOURCES, line_over_stamp, printed_order, printed_stamp
from crawler.extract._related import (
    without_card_headlines,
    without_hover_cards,
    without_link_lists,
    without_shouted_links,
    without_teaser_cards,
    without_video_teasers,
)
from crawler.extract._set_apart import without_marked_boxes, without_set_apart_boxes
from crawler.extract._site_name import printed_site_name
from crawler.extract._streamed import streamed_tree
from crawler.extract._tables import with_tables
from crawler.extract._text import (
    UNPRINTED_TAGS,
    alnum,
    fold,
    visible_chars,
    visible_utf8_chars,
    without_invisible,
    word_count,
)
from crawler.extract._title import (
    SiteKeys,
    as_section,
    choose_title,
    headline_by_class,
    last_segment,
    site_named,
    under_a_label,
    with_the_kicker,
    with_the_year,
)
from crawler.extract.article_or_not import MIN_WORDS, declared_discussion
from crawler.extract.charset import decode_html
from crawler.extract.hints import ExtractHints, Selectors, as_hints
from crawler.extract.outcome import TEXT_FIELDS, Extracted, ExtractOutcome, Rejected

MAX_BODY_BYTES = 32 * 1024 * 1024  # trafilatura itself refuses 20 MB; news pages stay under 3 MB
_NOT_HTML_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                   "application/octet-stream", "application/json", "text/css", "text/javascript",
                   "application/javascript")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"OggS",
                 b"ID3", b"\x00\x00")
_SNIFF_BYTES = 1024
_REPLACEMENT_UTF8 = "\ufffd".encode()
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_MAX_CONTROL_SHARE = 0.02  # text markup has none; a binary file has ~12% in its first KB
MAX_SITE_NAME_WORDS = 6
_STAMP_SOURCES = ("json-ld", "opengraph", "meta", "time")
# where a title read from a heading element comes from (choose_title, headline_by_class, an outlet's selector)
HEADING_TITLE_SOURCES = ("h1", "h2", "page", "selector")
# a page that names nothing but its site is titled by that name (_title.site_named), which is no headline to cut
# from the top of the text
SITE_NAME_TITLE = "site-name"
_AUTHOR_META = ("author", "parsely-author", "dc.creator", "dc:creator", "dcterms.creator", "sailthru.author", "byl",
                "cxenseparse:author")
# An author meta name given more times than this holds a reference list (the works a paper cites), not a byline.
MAX_AUTHOR_METAS = 12


@dataclass
class _Draft:
    """The fields of `Extracted` while they are decided, with sources and warnings."""

    url: str
    page: PageSignals
    jsonld: JsonLd
    now: datetime
    hints: ExtractHints = field(default_factory=ExtractHints)
    finds: _selectors.SelectorFinds = field(default_factory=_selectors.SelectorFinds)
    outlets: list[str] = field(default_factory=list)
    title: str | None = None
    printed_title: str | None = None  # the heading as printed where the title adds to it (_title.with_the_year)
    seo_title: str | None = None
    description: str | None = None
    text: str = ""
    authors: tuple[str, ...] = ()
    author_kinds: tuple[Kind, ...] = ()
    agencies: tuple[str, ...] = ()
    date_published: str | None = None
    date_published_raw: str | None = None
    date_modified: str | None = None
    date_modified_raw: str | None = None
    language: str | None = None
    html_lang: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image_url: str | None = None
    canonical_url: str | None = None
    paywalled: bool = False
    word_count: int = 0
    page_type: str | None = None
    link_density: float = 0.0
    discussion: str | None = None
    guest_mentioned: bool = False  # the bytes print a guest label's words (`mentions_a_guest`)
    credits: Credits = field(default_factory=Credits)
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def credit(self, credits: Credits, source: str) -> None:
        """Take a source's byline credits: the first source that credits a person wins (a desk or an agency
        alone gives way to it); agencies a later byline credits beside it are added."""
        if not credits.credited:
            return
        has_person = bool(self.credits.authors)
        if not self.credits.credited or (credits.authors and not has_person) or _completes(credits, self.credits):
            kept = [c for c in self.credits.credited if c[1] == AGENCY]
            self.credits = Credits(credited=list(credits.credited))
            self.credits.add(Credits(credited=kept))
            self.sources["authors"] = source
        else:
            self.credits.add(Credits(credited=[c for c in credits.credited if c[1] == AGENCY]))
        self.authors, self.author_kinds = tuple(self.credits.names), tuple(self.credits.kinds)

    def put(self, name: str, value: object, source: str | None) -> None:
        setattr(self, name, value)
        if source and value not in (None, "", (), False):
            self.sources[name] = source

    def freeze(self) -> Extracted:
        names = [f.name for f in dataclasses.fields(Extracted)]
        values = {name: getattr(self, name) for name in names if name not in ("sources", "warnings")}
        return Extracted(**_visible(values), sources=dict(self.sources), warnings=tuple(self.warnings))


def _visible(values: dict[str, Any]) -> dict[str, Any]:
    """The fields with their text (TEXT_FIELDS) without invisible characters: the one place the record's text loses
    them, whichever source it came from. A name or tag left empty goes (a name with its kind), a field left empty is
    None (the text ''), and the word count is the text's."""
    for name in TEXT_FIELDS:
        value = values[name]
        if isinstance(value, str):
            visible = without_invisible(value)
            if visible != value and name == "text":
                values["text"], values["word_count"] = visible, word_count(visible)
            elif visible != value:
                values[name] = visible or None
        elif value and name != "authors":
            values[name] = tuple(filter(None, map(without_invisible, value)))
    names = tuple(map(without_invisible, values["authors"]))
    if names != values["authors"]:
        kept = [(name, kind) for name, kind in zip(names, values["author_kinds"], strict=True) if name]
        values["authors"], values["author_kinds"] = tuple(n for n, _ in kept), tuple(k for _, k in kept)
    return values


def _completes(later: Credits, first: Credits) -> bool:
    """`later` credits every person `first` does and more: a second author the first source left out (JSON-LD
    names one, the author meta tag two), or a full name where the first gave a first name alone."""
    persons = {alnum(name): fold(name).split() for name in later.authors}
    given = first.authors
    if not given or len(persons) < len(given):
        return False
    fuller = False
    for name in given:
        if alnum(name) in persons:
            continue
        if " " in name.strip() or not any(len(words) == 2 and words[0] == fold(name) for words in persons.values()):
            return False
        fuller = True
    return fuller or len(persons) > len(given)


def link_density(root: Any) -> float:
    """The share of the body's visible characters that sit inside links: high on listing and home pages.

    The body's visible characters are those of its text (``text_content()``, the concatenation of its text nodes)
    less those of each script, style, noscript and template element's text; a character inside nested links counts
    once per link, one inside nested hidden elements is taken off once per element. The characters are counted
    without splitting the text. The body's text and each hidden element's are read as lxml serialises them, UTF-8
    bytes (``tostring(method="text")``: the text_content() in C, without the string it builds), and counted so
    (`visible_utf8_chars`): a real page's body text is 107 000 characters, 88 000 of them scripts (aeb, fundus and
    wcxb, 255 KB pages), and gathering the text nodes outside the hidden elements by XPath and counting them as a
    string cost 0.82 ms a page where this costs 0.48 (the counts are the same: each hidden element's text nodes and
    those of its children, once per enclosing hidden element, as before).
    """
    body = root.find("body")
    if body is None:
        return 0.0
    visible = _printed_chars(body) - sum(_printed_chars(el) for el in body.iter(*UNPRINTED_TAGS))
    if visible <= 0:
        return 0.0
    linked = visible_chars("".join([_text_of(link) for link in body.iterdescendants("a")]))
    return round(min(1.0, linked / visible), 3)


def _printed_chars(el: Any) -> int:
    """The visible characters of `el`'s text (``text_content()``, its tail left out)."""
    return visible_utf8_chars(etree.tostring(el, method="text", encoding="utf-8", with_tail=False))


def _text_of(el: Any) -> str:
    """An element's text: its ``.text`` when it has no child (most links, a script, a style), which spares the
    string ``text_content()`` builds, else ``text_content()``."""
    return (el.text or "") if len(el) == 0 else el.text_content()


def extract_article(body: bytes, url: str, content_type: str | None = None,
                    hints: ExtractHints | Selectors | None = None,
                    on_parsed: Callable[[HtmlElement, str, str], None] | None = None) -> ExtractOutcome:
    """Extract one article from HTML bytes (already gunzipped); never raises on bad input.

    `hints` carries an outlet's catalog selectors (a `Selectors` is accepted as is) and the earliest
    plausible publication date; without them the generic rules run alone. `on_parsed(root, text, encoding)` sees
    the tree as parsed, before anything prunes it (the crawl reads a page's requisites there: crawler/requisites).
    """
    rejected = _screen(body, content_type)
    if rejected is not None:
        return rejected
    try:
        return _extracted(body, url, content_type, hints, on_parsed)
    finally:
        forget_page()


def _extracted(body: bytes, url: str, content_type: str | None, hints: ExtractHints | Selectors | None,
               on_parsed: Callable[[HtmlElement, str, str], None] | None) -> ExtractOutcome:
    html, encoding = decode_html(body, content_type)
    replaced = _replaced_chars(body, html, encoding)
    clean_utf8 = encoding == "utf-8" and not replaced
    root = parse_html(body.removeprefix(codecs.BOM_UTF8) if clean_utf8 else html.encode("utf-8", "surrogatepass"))
    if root is None or len(root) == 0:
        return Rejected("not_html", f"{len(body)} bytes decoded as {encoding} hold no element lxml could parse.")
    if on_parsed is not None:
        on_parsed(root, html, encoding)
    root = streamed_tree(root, html, url)  # React's late parts, hidden at the end, where the page shows them
    page = collect(root)
    mark_homes_above(page.headings, url)
    draft = _Draft(url=url, page=page, jsonld=read_jsonld(page.jsonld), now=_dates.now_utc(), hints=as_hints(hints))
    draft.link_density = link_density(root)  # before trafilatura prunes the tree
    draft.guest_mentioned = mentions_a_guest(body)
    _check_decoding(draft, replaced, encoding)
    draft.finds = _selectors.find(root, draft.hints.selectors)
    draft.warnings.extend(draft.finds.warnings)
    _fill_metadata(draft, html)
    text = _body_text(draft, root, url, html)
    if not text:
        return Rejected("no_text", f"trafilatura found no article text in {len(body)} bytes of HTML.")
    _fill_text(draft, text)
    _fill_paywall(draft, html)
    if draft.word_count < MIN_WORDS and not draft.paywalled:
        draft.warnings.append(f"text: {draft.word_count} words, fewer than the {MIN_WORDS} of an article; "
                              "the crawl records no article for it (too_short)")
    _fill_dates(draft, root)
    _fill_language(draft)
    return draft.freeze()


def _body_text(draft: _Draft, root: HtmlElement, url: str, html: str) -> str:
    _selectors.drop_excluded(root, draft.hints.selectors)
    if draft.finds.body is not None:
        text = extract_container(draft.finds.body, url)
        if text:
            draft.sources["text"] = "selector"
            return text
    text = with_flight_fallback(with_container_fallback(extract_body(root, url), root, url), html, url)
    text = with_split_article(with_missed_paragraphs(text, root), root)
    text = with_leading_text(text, root)
    text = with_lead(text, root, _headline(draft))
    host = urlsplit(url).hostname or ""
    text = with_bare_blocks(with_tables(with_lists(with_headings(text, root), root), root, host), root)
    text = without_teaser_cards(without_shouted_links(text, root), root)
    text = without_card_headlines(without_link_lists(text, root, host), root, host)
    text = without_video_teasers(text, draft.jsonld.videos, draft.description)
    return without_marked_boxes(without_hover_cards(without_set_apart_boxes(text, root, html), root),
                                draft.page.marked.boxes)


def _screen(body: bytes, content_type: str | None) -> Rejected | None:
    """Reject what is not worth parsing: empty, huge, or not markup at all."""
    if not body or body.isspace():  # what strip() leaves empty, without a copy of the body
        return Rejected("empty_body", "the response body is empty.")
    if len(body) > MAX_BODY_BYTES:
        return Rejected("too_large", f"the body has {len(body)} bytes, over the {MAX_BODY_BYTES}-byte limit.")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime.startswith(_NOT_HTML_TYPES):
        return Rejected("not_html", f"the Content-Type is {mime!r}, not HTML.")
    if read_bom(body)[0] is None:
        head = body[:_SNIFF_BYTES].lstrip()
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if head.startswith(_BINARY_MAGIC) or controls > _MAX_CONTROL_SHARE * len(head):
            return Rejected("not_html", f"the body starts with binary bytes {head[:8]!r}, not markup.")
    if body.find(b"<", 0, 65536) < 0:
        return Rejected("not_html", "the first 64 KB hold no '<': this is not markup.")
    return None


def _replaced_chars(body: bytes, html: str, encoding: str) -> int:
    """How many U+FFFD the text holds. Where decode_html says "utf-8" and there is no BOM, the text is the bytes
    decoded strictly: it holds one exactly where the bytes hold its encoding, looked for in the bytes behind a
    memchr for its lead byte (counting in the 170 KB str cost 0.1 ms, and was done twice)."""
    if encoding == "utf-8" and not body.startswith(codecs.BOM_UTF8) and (
            b"\xef" not in body or _REPLACEMENT_UTF8 not in body):
        return 0
    return html.count("\ufffd")


def _check_decoding(draft: _Draft, replaced: int, encoding: str) -> None:
    if "(declared" in encoding or "repaired)" in encoding:  # the text is not the bytes as their charset reads them
        draft.warnings.append(f"charset: read as {encoding}")
    if replaced:
        draft.warnings.append(f"charset: {replaced} undecodable byte sequence(s) replaced, decoding as {encoding}")
    if draft.jsonld.broken:
        draft.warnings.append(f"json-ld: {draft.jsonld.broken} block(s) unreadable even after repair; ignored")


def _fill_metadata(draft: _Draft, html: str) -> None:
    page, jsonld, url = draft.page, draft.jsonld, draft.url
    draft.outlets = list(dict.fromkeys([*site_names(page, jsonld), *draft.hints.site_names]))
    draft.put("section", *section(page, jsonld))
    draft.put("description", *description(page, jsonld))
    draft.put("tags", *tags(page, jsonld))
    draft.put("image_url", *image_url(page, jsonld, url))
    canonical, source, warning = canonical_url(page, jsonld, url)
    draft.put("canonical_url", canonical, source)
    draft.warnings.extend(filter(None, [warning]))
    _fill_title(draft, html)
    kinds = types_of(jsonld.article) if jsonld.article else []
    og_type = page.meta("og:type")
    if kinds:
        draft.put("page_type", kinds[0], "json-ld")
    elif og_type:
        draft.put("page_type", og_type[1], "opengraph")
    draft.put("discussion", *declared_discussion(jsonld.types, kinds, html))
    draft.put("html_lang", page.html_lang, "html-lang")
    _fill_structured_credits(draft)


def _fill_title(draft: _Draft, html: str) -> None:
    refs = title_refs(draft.page, draft.jsonld)
    section = as_section(draft.section, refs, draft.page.headings)
    names = _site_names_for_title(draft.outlets, draft.page.title_tag)
    site = SiteKeys.build(names, draft.url, section)
    printed = printed_site_name(last_segment(draft.page.title_tag or ""), draft.page.root, html, site.matches)
    if printed:  # the page prints the <title>'s last segment as its name: the site's, as og:site_name would say
        draft.outlets.append(printed)
        site = SiteKeys.build([*names, printed], draft.url, section)
    title, source = choose_title(draft.page.headings, refs, site, draft.page.plain_h2_texts,
                                 draft.page.comments_quoted_title)
    heading = title  # as the page prints it, before a reference's year is added
    if title is not None and source == "h1":
        title = with_the_year(title, refs, site)
        title = with_the_kicker(title, refs, site)
    elif title is not None and source != "h2":
        marked = under_a_label(title, draft.page.marked.headlines, site)
        title, source = marked, source if marked == title else "page"
    if title is None:
        title, source = headline_by_class(draft.page.marked.headlines, site), "page"
    if title is None:
        title, source = site_named(draft.page.headings, refs), SITE_NAME_TITLE
    if draft.finds.title:
        title, source = draft.finds.title, "selector"
    draft.put("title", title, source)
    if source == "h1" and title != heading:  # the text's headline line prints the heading, not the added year
        draft.printed_title = heading
    if source != SITE_NAME_TITLE:  # around the site's name, <title> prints the page's label ('About - Name')
        draft.outlets.extend(_title_remainders(title, draft.page.title_tag))
    by_kind = dict(reversed(refs))
    for kind in ("title", "opengraph"):
        seo = by_kind.get(kind)
        if seo:
            if title and fold(seo) != fold(title):
                draft.put("seo_title", seo, kind)
            return


def _site_names_for_title(outlets: list[str], title_tag: str | None) -> list[str]:
    """The site's names the title rules cut, without one that is the page's whole <title> of two segments or more
    ('Post title - Blog name' as og:site_name too: a blogging platform's template fills the field with <title>). That
    is the title, not a name: as a name it would make every reference the site's name, and leave the blog's name
    in the <h1> as the title. Judged htmldate tune pages (session 25): 2 blogs' names given as the title gave way to
    the post's."""
    if not title_tag or last_segment(title_tag) is None:
        return outlets
    return [name for name in outlets if name != title_tag]


def _title_remainders(title: str | None, title_tag: str | None) -> list[str]:
    """What <title> adds around the headline ('T – Oran Matin'): the site's name, never an author."""
    if not title or not title_tag or title_tag == title or title not in title_tag:
        return []
    before, _, after = title_tag.partition(title)
    parts = [part.strip(" |-–—:»·•") for part in (before, after)]
    return [part for part in parts if part and len(part.split()) <= MAX_SITE_NAME_WORDS]


def _fill_structured_credits(draft: _Draft) -> None:
    """Authors from JSON-LD, then article:author, then author meta tags, then the share card, then byline elements."""
    page, jsonld = draft.page, draft.jsonld
    draft.outlets.extend(host_names(draft.url))
    people = resolve(jsonld.get("author") or jsonld.get("creator"), jsonld)
    nodes = [node for node in (people if isinstance(people, list) else [people]) if isinstance(node, dict)]
    typed = [name for node in nodes if "Person" in types_of(node) for name in person_names(node)]
    bodies = [name for node in nodes if any(k.endswith("Organization") for k in types_of(node)) for name in strings(node)]
    newsrooms = [name for node in nodes if node.get("email") for name in strings(node)]
    found = [("json-ld", parse_names(person_names(people), draft.outlets, typed, bodies, newsrooms)),
             ("opengraph", parse_names(page.metas.get("article:author", []), draft.outlets)),
             ("microdata", parse_names(page.metas.get(MICRODATA_AUTHOR, []), draft.outlets)),
             ("meta", parse_names([v for k in _AUTHOR_META for v in _author_metas(page, k)], draft.outlets))]
    printed = PrintedWords(page.root)  # the names' searches, shared by the checks of this step
    if not any(credits.authors for _, credits in found):  # the share card's 'Written by' name, when printed
        found.append(("meta", share_card_credits(draft, printed)))
    unprinted = _unprinted(found[0][1], printed, bodies)
    found = [(source, _without(credits, unprinted | _contributors(credits, printed))) for source, credits in found]
    if draft.finds.bylines:
        found.insert(0, ("selector", parse_names(draft.finds.bylines, draft.outlets)))
    agencies = Credits()
    for source, credits in found + [(source, _without(c, unprinted)) for source, c in _byline_credits(draft, found)]:
        agencies.add(Credits(agencies=credits.agencies))
        draft.credit(credits, source)
    over_meta = _printed_bylines_over_meta(draft, found, printed)
    if over_meta:
        draft.credits = Credits()
        for source, credits in over_meta:
            draft.credit(credits, source)
    coauthors = _printed_coauthors(draft)
    if coauthors.credited:  # over the field's spelling of its person ('Karim Benali' where the byline has 'Dr …')
        draft.credits = Credits(credited=[credit for credit in draft.credits.credited if credit[1] == AGENCY])
        draft.credit(coauthors, "byline")
    draft.agencies = tuple(agencies.agencies)


def _printed_bylines_over_meta(draft: _Draft, found: list[tuple[str, Credits]],
                               printed: PrintedWords) -> list[tuple[str, Credits]]:
    """The byline elements' credits when the persons came from a meta tag the page never prints and a byline
    element credits a person: the tag names another site's or the CMS's account, the byline who wrote."""
    if draft.sources.get("authors") not in _META_SOURCES or any(
            prints_name(draft.page.root, name, printed) for name in draft.credits.authors):
        return []
    read = _byline_credits(draft, [(source, credits) for source, credits in found if source not in _META_SOURCES])
    return read if any(credits.authors for _, credits in read) else []


_META_SOURCES = ("opengraph", "microdata", "meta")


def _unprinted(credits: Credits, printed: PrintedWords, bodies: list[str]) -> set[str]:
    """The JSON-LD persons and desks that no text of the page prints (keys): no byline, in JSON-LD or in the
    meta tags and hidden byline elements that repeat them (SEO plugins name the account that posted every post, whether the theme prints
    a byline or not). Agencies, and bodies typed as organisations, are not held to it. A meta author tag
    alone is not either: on the tune halves the same test fixed 3 pages there and broke 4 (a personal
    page's owner, metadata-only pages). Nor is a list of several persons: a plugin names one account, a newsroom
    that lists several (a live blog's reporters) credits each. A name the page prints without its middle names
    ('André Klein' for 'André Oliver Klein') is printed. A person the page prints only after an editor's label
    ('Editor : X', 'Édité par X') is the editor the CMS names, not the writer: held as unprinted too."""
    if len(credits.authors) > 1:
        return set()
    return {alnum(name) for name, kind in credits.credited
            if kind != AGENCY and name not in bodies and (
                not any(prints_name(printed.root, form, printed) for form in _printed_forms(name))
                or printed_as_editor(printed.root, name, printed))}


MAX_CONTRIBUTOR_CHECKS = 6


def _contributors(credits: Credits, printed: PrintedWords) -> set[str]:
    """The persons (keys) of a field that lists several whom the page prints only after the label of a credit for
    other work than the text ('Photographed by X', 'Styled by Y' under 'Written by Z'): a field that lists
    everyone the piece credits. Kept when that would leave no person. A page search for each person: a field of
    more than MAX_CONTRIBUTOR_CHECKS persons is not checked (a list that long is a staff list, not a piece's credits)."""
    if not 2 <= len(credits.authors) <= MAX_CONTRIBUTOR_CHECKS:
        return set()
    found = {alnum(name) for name in credits.authors if printed_as_contributor(printed.root, name, printed)}
    return found if len(found) < len(credits.authors) else set()


def _printed_forms(name: str) -> list[str]:
    """A name, then its first and last words alone when it has middle names."""
    words = name.split()
    return [name, f"{words[0]} {words[-1]}"] if len(words) > 2 else [name]


def _without(credits: Credits, names: set[str]) -> Credits:
    if not names:
        return credits
    return Credits(credited=[c for c in credits.credited if alnum(c[0]) not in names], agencies=credits.agencies)


# The label an SEO plugin's share card gives the post's author (Yoast writes 'Written by' in the site's language,
# twitter:label1, the name in twitter:data1); its other pairs give a reading time.
_SHARE_CARD_AUTHOR = re.compile(r"\s*(?:(?:written|posted|interview)\s+by|(?:verfasst|geschrieben)\s+von"
                                r"|(?:écrit|rédigé)\s+par|escrito\s+por|كُ?تِ?بَ?\s+بواسطة)\s*$", re.IGNORECASE)
SHARE_CARD_PAIRS = 2  # Yoast gives the author first, the reading time second


def share_card_credits(draft: _Draft, printed: PrintedWords) -> Credits:
    """The author a share card names ('Written by' in twitter:label1, the name in twitter:data1), read like an
    author meta tag (the site's name is no author), when the page prints the name: an author field after the
    others, read when none of them credits a person. An unprinted name is the posting account that the byline
    convention leaves out (tune halves: the wcxb labels want it, the trafilatura labels do not)."""
    metas = draft.page.metas
    for pair in range(1, SHARE_CARD_PAIRS + 1):
        labels, names = metas.get(f"twitter:label{pair}", []), metas.get(f"twitter:data{pair}", [])
        if not labels or not names or not _SHARE_CARD_AUTHOR.match(labels[0]):
            continue
        name = names[0].strip()
        return parse_names([name], draft.outlets) if prints_name(printed.root, name, printed) else Credits()
    return Credits()


def _author_metas(page: PageSignals, key: str) -> list[str]:
    values = page.metas.get(key, [])
    return values if len(values) <= MAX_AUTHOR_METAS else []


def host_names(url: str) -> list[str]:
    """The site's name as its address spells it ('https://www.autozeitung.de/x' -> 'autozeitung.de',
    'autozeitung'): an author field that says only that ('Auto Zeitung') names the site, not a person."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if "." not in host:
        return []
    name = site_domain(host).split(".")[0]
    return [host, name] if len(name) > 2 else [host]


def _byline_credits(draft: _Draft, found: list[tuple[str, Credits]]) -> list[tuple[str, Credits]]:
    """Byline elements, read only when the structured sources named no person; then the elements that mark
    an author's name alone (``rel="author"``, ``author vcard``), read like an author field: there an account
    name ('zahra_b') or a first name alone is a credit, as it is in JSON-LD."""
    if any(credits.authors for _, credits in found):
        return []  # pass 2 costs 1-1.5 ms; reading bylines beside JSON-LD persons fixed 1 tune page (mtb-news)
    marked = draft.page.marked
    read = ([("byline", parse_names([name], draft.outlets)) for name in marked.author_names]
            + [("byline", credits) for credits in _after_the_first_byline(
                [parse_byline(line, draft.outlets, handles=True) for line in marked.bylines])])
    if any(credits.credited for _, credits in found + read):
        return read
    read = ([("byline", site_credited(line, draft.outlets)) for line in marked.bylines]
            + [("byline", site_credited(name, draft.outlets, marked_name=True)) for name in marked.author_names])
    if any(credits.credited for _, credits in read):
        return read
    # nothing credited yet: a byline printed inside a byline or date line, after what opens it ('12.03.2025 |
    # Von Karim Benali', 'Datum: 12.03.2025 Autor: Amina Saïdi')
    lines = [*marked.bylines, *(line for line in marked.datelines if line not in marked.bylines)]
    return [("byline", byline_within(line, draft.outlets)) for line in lines]


def _after_the_first_byline(read: list[Credits]) -> list[Credits]:
    """The marked bylines' credits, in page order, without the persons of the lines after the first one that credits
    anyone when that one credits a desk or an agency alone ('Par AFP', 'By Newsroom'): the article's byline comes
    first, the teaser cards' bylines after it, and a card's writer is no credit of the article."""
    first = next((index for index, credits in enumerate(read) if credits.credited), None)
    if first is None or read[first].authors:
        return read
    return read[:first + 1] + [dataclasses.replace(credits, credited=[c for c in credits.credited if c[1] != PERSON])
                               for credits in read[first + 1:]]


def _headline(draft: _Draft) -> str | None:
    """The title as the text's headline: none when the title is only the site's name."""
    return None if draft.sources.get("title") == SITE_NAME_TITLE else draft.printed_title or draft.title


MAX_COAUTHOR_LINES = 8  # the article's byline comes first among the marked lines; teasers' follow


def _printed_coauthors(draft: _Draft) -> Credits:
    """The byline element that prints the author field's one person among others ('Karim Benali, Amina Saïdi',
    'Par Karim Benali et Amina Saïdi' where JSON-LD names Karim Benali alone): the co-authors the field left out.
    Only the first marked byline that credits the person is read: a later one is a list of the newsroom's staff
    ('Follow us on Twitter: …'). Nothing when the fields name no person or several. Pass 2
    costs nothing here: the date rules read the marked lines of nearly every page (729 of the 731 tune pages)."""
    if draft.sources.get("authors") not in _FIELD_SOURCES or len(draft.credits.authors) != 1:
        return Credits()
    person = alnum(draft.credits.authors[0])
    for line in draft.page.marked.bylines[:MAX_COAUTHOR_LINES]:
        credits = parse_byline(line, draft.outlets)
        if any(alnum(name).endswith(person) for name in credits.authors):  # 'Dr Karim Benali' prints 'Karim Benali'
            return credits if len(credits.authors) > 1 else Credits()
    return Credits()


def _fill_text(draft: _Draft, text: str) -> None:
    body, byline, closing = split_credits(text, _headline(draft), draft.page.root,
                                          draft.sources.get("title") in HEADING_TITLE_SOURCES)
    trimmed = without_closing_outlet(body, draft.outlets)  # the site's name under the text, as it signs its pieces
    signed_over_outlet, body = trimmed != body, trimmed
    if byline is not None and byline.line and printed_elsewhere(draft.page.root, byline.line):
        byline = None  # 'By X' in the sidebar: the site's masthead, not the article's byline
    agencies = list(draft.agencies)
    if byline is not None:
        agencies.extend(byline.agencies)
        if _printed_over_fields(byline, draft):
            draft.credits = Credits()  # the name printed over the text, not the account a field names
        draft.credit(byline, "byline")
    agencies.extend(closing.agencies)
    if not draft.credits.authors:
        signed = closing_signature(body, draft.page.root, draft.outlets, signed_over_outlet)
        if signed is not None:
            body = signed[0]
            draft.credit(signed[1], "signature")
            agencies.extend(signed[1].agencies)
    if not draft.credits.credited:
        draft.credit(closing_byline(body, draft.outlets), "signature")
    elif _account_alone(draft):  # a field's one-word account ('kbenali') over a text signed 'By Karim Benali'
        signed_below = closing_byline(body, draft.outlets)
        if signed_below.authors and all(" " in name for name in signed_below.authors):
            draft.credits = Credits()
            draft.credit(signed_below, "signature")
    if not draft.credits.credited:  # a labelled credit line the markup does not mark ('Autor: X' in a plain <p>)
        draft.credit(labelled_byline(labelled_lines(draft.page.printed_nodes), draft.outlets), "page")
    lead_ins: list[str] = []  # each read once, by the step that needs it first (the nodes are walked on first use)
    cards: list[str] = []
    if not draft.credits.credited:  # a lead-in alone in its element, the name in the next ('<span>By</span><a>X</a>')
        lead_ins = lead_in_lines(draft.page.printed_nodes)
        draft.credit(full_name_byline(lead_ins, draft.outlets), "page")
    if not draft.credits.credited:  # an author card: 'Written by X', or its label after the name ('X Author')
        cards = author_card_lines(draft.page.printed_nodes)
        draft.credit(full_name_byline(cards, draft.outlets), "page")
    if not draft.credits.credited:  # 'Written by' alone in its element, then a first name ('Written by Karim'): the
        # two steps above ran (nothing credited anyone), so both lists are read
        draft.credit(written_by_byline(lead_ins + cards, draft.outlets), "page")
    if not draft.credits.credited:  # an author box marked as the author's, its first line over the writer's bio
        draft.credit(full_name_byline(draft.page.marked.card_names, draft.outlets), "byline")
    if not draft.credits.credited:  # '12.03.2025 - Amina Saïdi' on a line of its own
        draft.credit(full_name_byline(dated_names(draft.page.printed_nodes), draft.outlets), "page")
    if not draft.credits.credited:  # the byline in the article's side column, <aside> within <main>
        draft.credit(side_column_byline(draft.page.marked.side_bylines, draft.outlets), "byline")
    if not draft.credits.credited:  # article:author gives the author's profile address, the page links to it
        links = profile_link_names(draft.page.root, draft.page.metas.get("article:author", []))
        draft.credit(parse_names(links, draft.outlets), "page")
    if not draft.credits.credited:  # the one account the links to the author archive name ('/author/kbenali/')
        draft.credit(archive_credits(draft), "page")
    if not draft.credits.credited:  # the name an author's avatar card prints beside the date
        draft.credit(avatar_credits(draft), "page")
    if not draft.credits.credited and draft.page.marked.post_author_reply:  # WordPress's 'bypostauthor' comment
        draft.credit(parse_names([draft.page.marked.post_author_reply], draft.outlets), "comments")
    if not draft.credits.credited:  # '<h3>Autor</h3><h4>X</h4>': an author box headed by its label, the name under it
        draft.credit(full_name_byline(headed_card_lines(draft.page.printed_nodes), draft.outlets), "page")
    if not draft.credits.credited:  # 'by' then '<a href="/profile/1424">delta201</a>': the writer's account
        draft.credit(profile_account_credits(draft), "page")
    if not draft.credits.credited:  # 'Quelle: hr/bb': the site's newsroom and an editor's initials sign the piece
        draft.credit(site_source_byline(source_lines(draft.page.printed_nodes), draft.outlets), "page")
    if not draft.credits.credited:  # a statement closing on its signer's name, then the signer's role
        draft.credit(closing_signer(body, draft.outlets), "signature")
    if not draft.credits.credited:  # 'This post was written by X, …', 'Autoren X und Y': the text's own credit line
        draft.credit(credit_sentence_byline(body, draft.outlets), "page")
    if all(kind == DESK for kind in draft.credits.kinds):  # nobody, or a desk alone (the site, a team's account)
        card = avatar_card_credits(draft)
        if card.authors:
            draft.credits = Credits()  # the writer's own card under the text names who wrote it
            draft.credit(card, "page")
    guest = guest_byline(guest_lines(draft.page.root), draft.outlets) if draft.guest_mentioned else Credits()
    if guest.authors and {alnum(n) for n in guest.authors} != {alnum(n) for n in draft.credits.authors}:
        draft.credits = Credits()  # 'This is a guest post by X': the byline names the blog's account that posted it
        draft.credit(guest, "page")
    draft.credits = without_dateline_places(draft.credits, lambda: draft.page.marked.datelines)
    draft.authors, draft.author_kinds = tuple(draft.credits.names), tuple(draft.credits.kinds)
    outlets = {fold(o) for o in draft.outlets}
    draft.agencies = tuple(a for a in dict.fromkeys(agencies) if fold(a) not in outlets)
    body = without_author_note(body, draft.credits.authors)
    draft.put("text", body, draft.sources.get("text", "trafilatura"))
    draft.word_count = word_count(body)


def archive_credits(draft: _Draft) -> Credits:
    """The person the links to the site's author archive name, read like an author field (a first name or an account
    alone is a credit, 'Karim benali' as the account spells it), when they all name one: several are a listing's.
    An account named like the site is the site signing, a desk as a marked byline's name is (`site_credited`)."""
    names = author_archive_names(draft.page.root)
    if len(names) != 1:
        return Credits()
    signed = site_credited(names[0], draft.outlets, marked_name=True)
    return signed if signed.credited else parse_names(names, draft.outlets, persons=names)


def avatar_credits(draft: _Draft) -> Credits:
    """The one person the page's author avatars name beside a date (`avatar_names`), by a full name read as a byline
    ('Karim Benali'); nothing when they name several (a listing's cards) or something else."""
    names = avatar_names(draft.page.root)
    return _one_person(parse_byline(names[0], draft.outlets) if len(names) == 1 else Credits())


def avatar_card_credits(draft: _Draft) -> Credits:
    """The one person the page's author cards name (`avatar_card_names`: avatar, name, bio), read like an author
    field (a first name alone is a credit, as the card prints it); nothing when they name several (a team page)."""
    names = avatar_card_names(draft.page.root)
    return _one_person(parse_names(names, draft.outlets) if len(names) == 1 else Credits())


def _one_person(credits: Credits) -> Credits:
    """`credits` when they credit one person and nothing else (an avatar's name), else nothing."""
    return credits if len(credits.credited) == 1 and credits.authors else Credits()


def profile_account_credits(draft: _Draft) -> Credits:
    """The account that a lone lead-in prints as a link to its profile page (`lead_in_accounts`), read like an
    author field (an account alone is a credit there), when the page prints one such line: several are a thread's
    posters or teaser cards (the same account twice under two related pieces)."""
    accounts = lead_in_accounts(draft.page.printed_nodes)
    return parse_names(accounts, draft.outlets, persons=accounts) if len(accounts) == 1 else Credits()


def _account_alone(draft: _Draft) -> bool:
    """The author fields credit one person by one word alone: an account's name ('kbenali', 'Marketing'), which a
    byline under the text that names persons in full overrules (tune halves: wcxb 1 page fixed, none broken)."""
    return (draft.sources.get("authors") in _FIELD_SOURCES and len(draft.credits.credited) == 1
            and len(draft.credits.authors) == 1 and " " not in draft.credits.authors[0].strip())


def _printed_over_fields(byline: Credits, draft: _Draft) -> bool:
    """A byline printed at the top of the text that names other persons than the author fields do: the fields
    hold the account that posted the article (a web editor), the page prints who wrote it."""
    fields = {alnum(form) for name in draft.credits.authors for form in _printed_forms(name)}
    printed = {alnum(name) for name in byline.authors}
    return bool(fields and printed and not fields & printed) and draft.sources.get("authors") in _FIELD_SOURCES


_FIELD_SOURCES = ("json-ld", "opengraph", "microdata", "meta")


def _fill_dates(draft: _Draft, root: HtmlElement) -> None:
    for name in ("date_published", "date_modified"):
        machine_readable = draft.sources.get("date_published") in ("json-ld", "opengraph", "meta", "time")
        candidates = date_candidates(name, draft.page, draft.jsonld, root, draft.url, machine_readable)
        if name == "date_published":
            printed = printed_stamp(stamp_candidates(name, draft.page, draft.jsonld), root)
            candidates = itertools.chain([("selector", draft.finds.date)] if draft.finds.date else [],
                                         [printed] if printed else [], candidates)
        for source, raw in candidates:
            iso = _url_date.parse_part(raw) if source == "url" else _dates.parse_machine(raw)
            if iso is None or (_in_english(draft) and _dates.order_ambiguous(raw)):
                continue  # '9/3/15' on an English page is month first: left to the other evidence
            problem = _dates.implausible(iso, draft.now, draft.hints.earliest)
            if problem:
                draft.warnings.append(f"{name}: {raw!r} from {source} {problem}; ignored")
                continue
            if source in METADATA_SOURCES:
                iso = printed_order(raw, iso, root)
            if source in _STAMP_SOURCES:
                iso, raw, source = local_copy(iso, _page_moments(draft)) or (iso, raw, source)
            draft.put(name, iso, source)
            setattr(draft, f"{name}_raw", raw)
            break
    _settle_with_date_line(draft, root)
    _settle_with_url(draft)


def _settle_with_date_line(draft: _Draft, root: HtmlElement) -> None:
    """The article's date line over a published stamp it contradicts (see `line_over_stamp`)."""
    published = draft.date_published
    if published is None or draft.sources.get("date_published") not in _STAMP_SOURCES:
        return
    raw = line_over_stamp(published, draft.page.marked.datelines, root)
    iso = _dates.parse_words(raw) if raw else None
    if raw is None or iso is None or _dates.implausible(iso, draft.now, draft.hints.earliest):
        return
    draft.warnings.append(f"date_published: {draft.date_published_raw!r} is not the date the article's date line "
                          f"prints ({raw!r}); the printed date is kept")
    draft.put("date_published", iso, "byline")
    draft.date_published_raw = raw


def _in_english(draft: _Draft) -> bool:
    return (draft.page.html_lang or "").lower().startswith("en")


def _settle_with_url(draft: _Draft) -> None:
    """The URL's day over a published date read from the page's text on another day, or over a UTC stamp
    that crossed midnight from it (see `crawler.extract._url_date`)."""
    published, source = draft.date_published, draft.sources.get("date_published")
    in_url = _url_date.url_day(draft.url) if published and draft.url else None
    if published is None or in_url is None or published[:10] == in_url[0]:
        return
    day, part = in_url
    if not (source == "byline" or (source in _STAMP_SOURCES and _url_date.crosses_midnight(published, day))):
        return
    if _dates.implausible(day, draft.now, draft.hints.earliest):
        return
    draft.warnings.append(f"date_published: {draft.date_published_raw!r} from {source} is not the day the URL "
                          f"gives ({part}); the URL's day is kept, the outlet's own")
    draft.put("date_published", day, "url")
    draft.date_published_raw = part


def _page_moments(draft: _Draft) -> Iterator[Moment]:
    """Every moment the page gives, published or modified: its stamps, the ``<time>`` elements and the date
    lines of the article. A UTC stamp finds its local copy wherever the page wrote it (a modified stamp or an
    "updated" ``<time>`` often carries the publication moment with its offset, a date line its local time)."""
    stamps = [*stamp_candidates("date_published", draft.page, draft.jsonld),
              *stamp_candidates("date_modified", draft.page, draft.jsonld),
              *(("time", t.datetime) for t in draft.page.times if not t.elsewhere and t.datetime)]
    for source, raw in stamps:
        iso = _dates.parse_machine(raw)
        if iso is not None:
            yield Moment(iso, raw, source)
    for line in draft.page.marked.datelines + draft.page.marked.bylines:
        yield from (Moment(iso, raw, "byline") for _, iso, raw in _dates.find_date_strings(line))


def _fill_language(draft: _Draft) -> None:
    claims = language_claims(draft.page, draft.jsonld)
    language, source, warning = _language.decide(draft.text, claims)
    draft.put("language", language, source)
    draft.warnings.extend(filter(None, [warning]))


def _fill_paywall(draft: _Draft, html: str) -> None:
    paywalled, source = _paywall.decide(draft.jsonld.article, draft.page, html, draft.word_count)
    draft.put("paywalled", paywalled, source)
