"""The article body through trafilatura, and the byline and agency credit lines around it.

trafilatura runs in its default (balanced) focus with comments off and tables on (tables of results, figures
and schedules are article text). Tables that lay the page out (legacy sites) become divisions first, their
sidebar columns <aside> (`unwrap_layout_tables`): until then such pages had tables off, which lost the data
tables of pages that merely had a table of paragraphs somewhere, and the article itself when it sat in a
table. Tune halves of bench/real_quality.py, body F1: readability 5 pages fixed, 0 broken (0.819 -> 0.823),
trafilatura corpus 3 fixed, 0 broken (0.928 -> 0.929), newspaper4k unchanged. Measured on trafilatura's own
990-page evaluation set (with/without segments): balanced F1 0.919 vs favor_precision 0.911, for a 6% speed
cost; an archive wants the recall.

When trafilatura keeps only a few words of a page whose <article> holds many more (`with_container_fallback`),
the text is that container's; the standfirst trafilatura drops with the article's header is put back by
`crawler.extract._lead`."""

from __future__ import annotations

import copy
import re
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring, fromstring
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from crawler.extract import _trafilatura_fast
from crawler.extract._authors import PERSON, Credits, agencies_in, looks_like_byline, parse_byline
from crawler.extract._cleanup import clean_lines
from crawler.extract._flight import flight_html
from crawler.extract._lines import line_probe, text_key, with_lines_after
from crawler.extract._text import clean, fold

_trafilatura_fast.install()  # the same results, for less CPU (see the module)

FAVOR_PRECISION = False
INCLUDE_TABLES = True
BYLINE_WINDOW = 2  # a byline paragraph may follow a standfirst, never more than that
_DATELINE_AGENCY = re.compile(r"\((?:avec\s+|with\s+|source\s*:\s*)?([^()]{2,40})\)")
_EDGE_CHARS = 200
# A table cell that holds a nested table, a heading or several paragraphs is a column of the page's layout
# (legacy sites): trafilatura would give the table as lines of "| … |", the byline and the whole article in
# one of them. Such tables become divisions before trafilatura runs; data tables (results, figures,
# schedules, a few paragraphs in cells) stay tables, in the text.
_LAYOUT_CELLS = etree.XPath("//td[.//table or .//h1 or .//h2 or count(.//p) > 3]")
_PAGE_COLUMN = etree.XPath("boolean(.//h1 or .//h2 or count(.//p) > 3)")
# The column that holds the headline is the article's, whatever holds more text beside it. Chosen
# by its text outside links alone, a column of unlinked briefs beside an article that holds a data table or a form
# was the main one, and the article's column, a box holder beside it, became an <aside> that trafilatura leaves out
# (a synthetic page: F1 0, trafilatura .45). On the tune halves of the seven corpora the headline's column is the one
# with the most text wherever a row has both: no tune page's text changes.
_HOLDS_H1 = etree.XPath("boolean(.//h1)")
_ROWS = etree.XPath("./tr|./*/tr")
_CELLS = etree.XPath("./td|./th")
_BOXES = etree.XPath("boolean(.//table or .//form)")
# The column that becomes the <article> holds at least this share of the page's text outside links: a small
# table of promotions beside an article set in plain divisions is not where the article is. The rule fired on 11
# tune pages of the seven corpora; it now passes over 3 of them: wcxb body F1 1 page fixed (.846 -> .906), the
# other 2 (trafilatura corpus) unchanged, none broken. Any share from .04 to .26 splits these pages the same.
MIN_ARTICLE_COLUMN_SHARE = 0.2


def unwrap_layout_tables(tree: HtmlElement) -> HtmlElement | None:
    """Layout tables become divisions, in place (the text stays as it is). In a row of columns one of which
    holds the article (a heading, several paragraphs), the ones beside the column with the most text
    outside links are sidebars when they hold boxes or mostly links: they become <aside>, which trafilatura
    leaves out. On a page without an <article> or a <main>, the innermost such column becomes the <article>: in plain
    divisions trafilatura keeps the paragraphs and drops the subheadings and lists between them (tune halves, body
    F1: readability 2 pages fixed, 0.9732 -> 0.9751, none broken; the other corpora unchanged). A page without a
    <td> (most) is passed over after a walk in C, without the XPath (0.27 ms a heavy page). Returns the column
    made the <article>, or None."""
    if next(tree.getroottree().iter("td"), None) is None:
        return None
    tables = {id(t): t for cell in _LAYOUT_CELLS(tree) for t in cell.iterancestors("table")}
    mains = []
    for table in tables.values():
        for row in _ROWS(table):
            cells = _CELLS(row)
            main = _main_column(cells)
            for cell in cells:
                cell.tag = "aside" if main is not None and cell is not main and _sidebar(cell) else "div"
            if main is not None:
                mains.append(main)
            row.tag = "div"
        for part in table.iterchildren("thead", "tbody", "tfoot"):
            part.tag = "div"
        table.tag = "div"
    if mains and next(tree.getroottree().iter("article", "main"), None) is None:
        column = _article_column(mains)
        if _unlinked_chars(column) >= MIN_ARTICLE_COLUMN_SHARE * _unlinked_chars(_body_of(tree)):
            column.tag = "article"
            return column
    return None


def _body_of(tree: HtmlElement) -> HtmlElement:
    root = tree.getroottree().getroot()
    return next(root.iterchildren("body"), root)


def _article_column(mains: list[HtmlElement]) -> HtmlElement:
    """Of the columns that hold the article, the innermost one (layout tables nest) with the most text outside
    links."""
    innermost = [m for m in mains if not any(o is not m and any(a is m for a in o.iterancestors()) for o in mains)]
    return max(innermost, key=_unlinked_chars)


def _main_column(cells: list[HtmlElement]) -> HtmlElement | None:
    """The column that holds the headline (an <h1>, see _HOLDS_H1), else the one with the most text outside links."""
    if len(cells) < 2 or not any(_PAGE_COLUMN(cell) for cell in cells):
        return None
    headed = [cell for cell in cells if _HOLDS_H1(cell)]
    return max(headed or cells, key=_unlinked_chars)


def _sidebar(cell: HtmlElement) -> bool:
    """Boxes (tables, forms) or mostly links: a column of paragraphs and lists beside the article is its own."""
    return _BOXES(cell) or 2 * _unlinked_chars(cell) < len(cell.text_content())


def _unlinked_chars(cell: HtmlElement) -> int:
    """The length of a cell's text outside links: navigation columns are mostly links."""
    return len(cell.text_content()) - sum(len(a.text_content()) for a in cell.iter("a"))


def trafilatura_options(url: str | None) -> Extractor:
    """What ``bare_extraction(url=url, with_metadata=False, include_comments=False, include_tables=INCLUDE_TABLES,
    favor_precision=FAVOR_PRECISION)`` builds from its arguments, copied from the one built at import: building it
    reads eight numbers from trafilatura's config each time (0.09 ms a page)."""
    options = copy.copy(_OPTIONS)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


_OPTIONS_ARGUMENTS: dict[str, Any] = {
    "output_format": "python", "fast": False, "precision": FAVOR_PRECISION, "recall": False, "comments": False,
    "formatting": None, "links": False, "images": False, "tables": INCLUDE_TABLES, "dedup": False, "lang": None,
    "with_metadata": False, "only_with_metadata": False, "author_blacklist": None, "url_blacklist": None,
    "date_params": None}
_OPTIONS = Extractor(url=None, **_OPTIONS_ARGUMENTS)


def extract_body(tree: HtmlElement, url: str) -> str:
    """The main text, one paragraph a line (trafilatura copies the tree before it changes it: ours stays intact)."""
    column = unwrap_layout_tables(tree)
    text = _trafilatura_text(tree, url)
    return text if column is None else with_text_beside_column(text, tree, column, url)


def _trafilatura_text(tree: HtmlElement, url: str) -> str:
    with _trafilatura_fast.lent(tree):
        document = bare_extraction(tree, options=trafilatura_options(url or None))
    if document is None or isinstance(document, dict) or not document.text:  # a Document: as_dict is off
        return ""
    return "\n".join(line for line in map(clean, document.text.split("\n")) if line)


# A layout column made the page's <article> may be a cell of a table inside the article (a table of questions and
# answers under the article's first paragraphs): trafilatura then keeps that cell alone. The text trafilatura finds
# without the promotion is read too (a second run, on the few pages with such a column), and when the column's text
# leaves out this share of its characters or more, the lines it leaves out are put back where that text prints them.
# On the tune halves of the eight corpora the column's text leaves out .99 of it on one page (the wrong cell), .03
# at most on the 13 others.
MIN_LEFT_OUT_SHARE = 0.2


def with_text_beside_column(text: str, tree: HtmlElement, column: HtmlElement, url: str) -> str:
    """`text` (trafilatura's, `column` the <article>) with the lines that trafilatura keeps without the promotion
    and `text` leaves out, when they are MIN_LEFT_OUT_SHARE of that text or more."""
    column.tag = "div"
    try:
        plain = _trafilatura_text(tree, url)
    finally:
        column.tag = "article"
    flat = text_key(text)
    left_out = [line for line in plain.split("\n") if line_probe(line) not in flat]
    if sum(map(len, left_out)) < MIN_LEFT_OUT_SHARE * len(plain):
        return text
    return merged_lines(text, plain, set(left_out))


def merged_lines(text: str, other: str, missing: set[str]) -> str:
    """`text` with the lines of `other` that are `missing`, each after the line of `text` that comes before it in
    `other` (first when none does)."""
    lines = text.split("\n")
    position = {line: index for index, line in enumerate(lines)}
    after: dict[int, list[str]] = {}
    anchor = -1
    for line in other.split("\n"):
        if line in missing:
            after.setdefault(anchor, []).append(line)
        else:
            anchor = position.get(line, anchor)
    return with_lines_after(lines, after)


def extract_container(container: HtmlElement, url: str) -> str:
    """The text of a body container named by a catalog selector: trafilatura on that subtree alone,
    else the container's paragraphs as they stand."""
    document = fromstring("<html><body><article></article></body></html>")
    document.find(".//article").append(copy.deepcopy(container))
    text = extract_body(document, url)
    if text:
        return text
    blocks = container.xpath(".//p|.//h2|.//h3|.//li|.//blockquote") or [container]
    return "\n".join(line for line in (clean(b.text_content()) for b in blocks) if line)


SHORT_TEXT_WORDS = 50  # trafilatura kept less than this of a page ...
MIN_CONTAINER_WORDS = 150  # ... whose <article> or articleBody holds at least this,
CONTAINER_FACTOR = 4  # and this many times more words,
MAX_CONTAINER_LINK_SHARE = 0.3  # mostly outside links (a listing's <article> is mostly links)
_ARTICLE_CONTAINERS = etree.XPath("//body//article|//body//*[@itemprop='articleBody']")


# trafilatura's last resort gives the whole text of an <article> as one line (its baseline: the breadcrumbs, the
# headline, the byline, the captions and the paragraphs run together), where its main pass found too little in the
# page's blocks (a CMS that sets every paragraph in a component's <div>). The same <article> read alone splits into its
# paragraphs, and the steps that read lines (the standfirst, the byline, the boxes) can then work (a menu button the
# markup leaves open held one CMS's whole page, and trafilatura drops buttons). Tune halves, body F1: wcxb 4 pages fixed
# (.889 -> .955, .938 -> .989, .941 -> .994, .924 -> 1; .9448 -> .9453), trafilatura corpus 1 (.857 -> 1), none broken;
# the other corpora unchanged. The other one-line texts of the tune halves hold 45 to 307 words; the one over the bound
# keeps its text (its container gives no more lines); the shorter ones were not tried.
MIN_FLATTENED_WORDS = 150


def with_container_fallback(text: str, tree: HtmlElement, url: str) -> str:
    """`text`, or the text of the page's <article> (or articleBody) read alone, when trafilatura kept only a few
    words of a page whose container holds many more (trafilatura took a tagline or a teaser for the article), or
    gave that container's whole text as one line (`flattened`)."""
    words = len(text.split())
    flat = flattened(text)
    if words >= SHORT_TEXT_WORDS and not flat:
        return text
    best, best_words = None, 0
    for container in _ARTICLE_CONTAINERS(tree):
        count = len(container.text_content().split())
        if count > best_words:
            best, best_words = container, count
    if best is None or best_words < max(MIN_CONTAINER_WORDS, 0 if flat else CONTAINER_FACTOR * words):
        return text
    linked = sum(len(a.text_content()) for a in best.iter("a"))
    if linked > MAX_CONTAINER_LINK_SHARE * len(best.text_content()):
        return text
    fallback = extract_container(best, url)
    if flat:
        return fallback if "\n" in fallback and len(fallback.split()) >= MIN_FLATTENED_WORDS else text
    return fallback if len(fallback.split()) > words else text


def flattened(text: str) -> bool:
    """A text of one line of MIN_FLATTENED_WORDS words or more: trafilatura's baseline, a container's text run together
    (its main pass gives a paragraph a line)."""
    return "\n" not in text and len(text.split()) >= MIN_FLATTENED_WORDS


def with_flight_fallback(text: str, source: str, url: str) -> str:
    """`text`, or, when trafilatura kept only a few words of a page that sends the article's HTML in its flight
    data alone (`_flight`), the text of that HTML."""
    fragment = flight_html(text, source)
    if fragment is None:
        return text
    try:
        box = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):  # markup lxml cannot read: the text trafilatura kept stays
        return text
    fallback = extract_container(box, url)
    return fallback if len(fallback.split()) > len(text.split()) else text


def split_credits(text: str, title: str | None, root: HtmlElement | None = None,
                  title_from_heading: bool = True) -> tuple[str, Credits | None, Credits]:
    """``(text, byline credits, agency credits)``: drop what is not the article (`clean_lines`, which reads the
    page's tree `root` when given and the title's origin), the leading byline paragraph and a closing agency-only
    line ('Avec AFP'), and read the dateline's agency."""
    lines, source = clean_lines(text.split("\n"), title, root, title_from_heading)
    byline = None
    for index, line in enumerate(lines[:BYLINE_WINDOW]):
        byline = looks_like_byline(line)
        if byline is not None:
            del lines[index]
            break
    agencies = source
    if len(lines) > 1:
        closing = looks_like_byline(lines[-1])
        if closing is not None and not closing.authors:
            agencies.add(closing)
            lines.pop()
    agencies.add(_edge_agencies(lines))
    return "\n".join(lines), byline, agencies


def _edge_agencies(lines: list[str]) -> Credits:
    """Agencies credited in a dateline ('ALGER, 12 nov (APS) -') or a closing '(avec AFP)'."""
    if not lines:
        return Credits()
    edges = ((lines[0][:_EDGE_CHARS], False), (lines[-1][-_EDGE_CHARS:], True))
    credits = Credits()
    for edge, closing in edges:
        for match in _DATELINE_AGENCY.finditer(edge):
            credits.add(agencies_in(match.group(1), bracketed=_dispatch_source(edge, match.end(), closing)))
    return credits


def _dispatch_source(edge: str, end: int, closing: bool) -> bool:
    """Whether the brackets that end at `end` are a dispatch's source: a dash or slash after them ('AMMAN (Petra) -',
    'الدوحة - (قنا) -'), or nothing but a full stop when they close the text ('… (ats/nxp)'). A bracketed acronym in
    a sentence ('la Société protectrice des animaux (SPA) a …') is none."""
    after = edge[end:].lstrip()
    return after[:1] in ("-", "–", "—", "/") or (closing and not after.strip(" ."))


MAX_SIGNATURE_CHARS = 60
_SIGNATURE_TAGS = ("b", "strong", "em", "i")
_SIGNATURE_MARKS = re.compile(r"sign|auteur|author|kateb|كاتب", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";", "»", '"', "…", "،")


def closing_signature(text: str, root: HtmlElement, outlets: list[str],
                      over_outlet: bool = False) -> tuple[str, Credits] | None:
    """Authors signed on the last line of the text ('Karim Benali' in bold or right-aligned): ``(text without
    that line, credits)``, else None. The markup must set the line apart: a bare name alone in a paragraph
    could be a closing remark ("والله أعلم"). Initials alone ('K. B.', 'K.A.') need no markup: no sentence is
    only initials. A name that stood over the line naming the site itself (`over_outlet`: 'Ismaël Sawadogo' then
    'Lefaso.net' on lefaso.net, a line `without_closing_outlet` took off) is set apart by it."""
    lines = text.split("\n")
    last = lines[-1].strip() if len(lines) > 1 else ""
    initials = bool(_INITIALS.match(last))
    if (not last or len(last) > MAX_SIGNATURE_CHARS or (last.endswith(_SENTENCE_END) and not initials)
            or any(c.isdigit() for c in last)):
        return None
    credits = parse_byline(last, outlets)
    if initials and not credits.authors:
        credits.credit(last, PERSON)  # 'K.A.': one word, which a byline without 'Par' does not trust
    if not credits.authors or not (initials or over_outlet or _set_apart(root, last)):
        return None
    return "\n".join(lines[:-1]), credits


# Initials alone, as the Maghreb and Sahel press signs short pieces: 'K. B.', 'K.A.', 'M.-A. T.'
_INITIALS = re.compile(r"^[^\W\d_]\.(?:\s?-?[^\W\d_]\.){1,3}$")


def _set_apart(root: HtmlElement, line: str) -> bool:
    # text nodes only: a normalize-space() test on every element would read the whole page once per element
    for node in _TEXT_EQUALS(root, line=line)[:5]:
        el = node.getparent()
        for candidate in (el, el.getparent() if el is not None else None):
            if candidate is None or not isinstance(candidate.tag, str):
                continue
            if candidate.tag in _SIGNATURE_TAGS or (candidate.get("align") or "").lower() == "right":
                return True
            if _SIGNATURE_MARKS.search(f"{candidate.get('class') or ''} {candidate.get('id') or ''}"):
                return True
    return False


_TEXT_EQUALS = etree.XPath("//body//text()[normalize-space()=$line]")


# A note on the author that closes the text: under a header ('À propos de l'auteur', 'Über den Autor'), or a last
# paragraph that opens with a credited author's name and goes on ('Karim Benali est journaliste à Oran depuis …').
# Tune halves, body F1: trafilatura corpus 2 pages fixed, fundus 1; none broken. The header may stand over an author
# box of several lines (name, title, a link to the author's posts, a reviewer, a disclaimer) and be 'Written by' /
# 'Rédigé par' alone on its line: wcxb 4 pages fixed (.9375 -> .9379), none broken in the seven corpora.
MIN_NOTE_TEXT_LINES = 3  # a text of fewer lines is left as it is
AUTHOR_NOTE_LINES = 8  # the header is among the text's last lines
MAX_AUTHOR_NOTE_WORDS = 80
MIN_NOTE_WORDS_AFTER_NAME = 4
# What goes from a header to the end is an author's box: a few short lines. A book review's closing section under
# 'L'auteur', paragraphs on the writer, went whole with it (a synthetic page: F1 .78, trafilatura .99). The longest
# box cut on the tune halves of the seven corpora holds 88 words (a header and seven lines); no tune page changes.
MAX_AUTHOR_BOX_WORDS = 100
_AUTHOR_HEADER = re.compile(
    r"^\W*(?:about\s+the\s+authors?|the\s+author|author\s+bio|authors?|autor(?:in|en)?|[üu]ber\s+(?:den|die)\s+autor(?:in)?"
    r"|[àa]\s+propos\s+de\s+l['’]auteur|l['’]auteur|auteur|sobre\s+el\s+autor|el\s+autor|عن\s+الكاتب|الكاتب"
    r"|written\s+by|[ée]crit\s+par|r[ée]dig[ée]\s+par)\W*$",
    re.IGNORECASE,
)


# An author's box under the text without a header: a line that is a credited author's full name alone (or after 'Written
# by', 'By', 'Par', 'Von', 'بقلم') among the text's last AUTHOR_BOX_LINES lines, then the box's few lines (a role, a bio:
# 'Senior Editor at X', 'Karim is a reporter who …'), MAX_AUTHOR_BOX_WORDS words in all. A line under the name that opens
# with '*' is the text's footnote ('*Le prénom a été modifié'), under the signature of a French piece: the text stays.
# Tune halves, body F1: wcxb 6 pages fixed (.960 -> .989, .972 -> .997 the most), none broken; one page of the
# trafilatura corpus loses its closing name and a '/' (score unchanged); the other corpora unchanged.
AUTHOR_BOX_LINES = 5
_NAME_LEAD = re.compile(r"^\W*(?:written\s+by|by|par|von|por|[ée]crit\s+par|r[ée]dig[ée]\s+par|بقلم)\s+", re.IGNORECASE)


def _author_box_start(lines: list[str], authors: tuple[str, ...] | list[str]) -> int | None:
    """The index of the name line that opens an author's box closing `lines` (see AUTHOR_BOX_LINES), else None."""
    names = {fold(name) for name in authors if len(name.split()) >= 2}
    if not names:
        return None
    for index in range(max(1, len(lines) - AUTHOR_BOX_LINES), len(lines) - 1):
        if fold(_NAME_LEAD.sub("", lines[index])) not in names:
            continue
        box = lines[index:]
        if sum(len(line.split()) for line in box) <= MAX_AUTHOR_BOX_WORDS and not any(line.startswith("*") for line in box):
            return index
    return None


def without_author_note(text: str, authors: tuple[str, ...] | list[str]) -> str:
    """`text` without a closing note on its author (see AUTHOR_NOTE_LINES); a text of two lines or fewer stays."""
    lines = text.split("\n")
    if len(lines) < MIN_NOTE_TEXT_LINES:
        return text
    for index in range(max(1, len(lines) - AUTHOR_NOTE_LINES), len(lines)):
        if _AUTHOR_HEADER.match(lines[index]):
            if sum(len(line.split()) for line in lines[index:]) > MAX_AUTHOR_BOX_WORDS:
                continue  # a section of the text under that header ('L'auteur' in a book review), not a note
            return "\n".join(lines[:index])
    box = _author_box_start(lines, authors)
    if box is not None:
        return "\n".join(lines[:box])
    last = lines[-1]
    words = len(last.split())
    key = fold(last)
    for name in authors:
        size = len(name.split())
        if size >= 2 and size + MIN_NOTE_WORDS_AFTER_NAME <= words <= MAX_AUTHOR_NOTE_WORDS and key.startswith(fold(name)):
            return "\n".join(lines[:-1])
    return text
