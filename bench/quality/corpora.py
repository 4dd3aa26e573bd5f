"""Readers for the development corpora (local checkouts given as paths; nothing of them enters the repo).

    readability   mozilla/readability   test/test-pages/<id>/source.html, expected-metadata.json, expected.html
    newspaper4k   AndyTheFactory/newspaper4k  tests/data/html/<id>.html paired with metadata/<id>.json
    htmldate      adbar/htmldate        tests/eval_default.json (cache/, eval/), eval_mediacloud_2020.json (test_set/)
    trafilatura   adbar/trafilatura     tests/evaldata.json (cache/, eval/): title, author, date, with/without snippets
    aeb           scrapinghub/article-extraction-benchmark  ground-truth.json (articleBody, url), html/<id>.html.gz
    fundus        flairNLP/fundus       tests/resources/parser/test_data/<country>/<Publisher>.json (title, authors,
                                        publishing_date, body per parser version), <Publisher>_<date>.html.gz, meta.info
    postlight     postlight/parser      src/extractors/custom/<domain>/index.test.js (what Mercury's tests assert:
                                        title, author, date_published, first words of content), fixtures/*.html
    wcxb          Murrough-Foley/web-content-extraction-benchmark  metadata.json (split, page_type),
                                        <split>/ground-truth/<id>.json (url, ground_truth: title, author,
                                        publish_date, main_content), <split>/html/<id>.html.gz; article pages only
                                        (read_wcxb_non_articles: the other types, for the record verdict)

Each reader yields `Page`s, or `Skipped` for a page whose labels are missing or malformed (the bench reports
it and goes on). A label that is absent stays None: that field is not scored on that page.

The split: a page is in the *tune* half when the first byte of sha256(page id) is even, else *held-back*.
Rules are tuned on the tune half only; the held-back half is the result.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from lxml.html import document_fromstring

from bench.quality import js_asserts

TUNE, HELD_BACK = "tune", "held-back"


@dataclass(frozen=True)
class Labels:
    """What the corpus says; None where it says nothing (the field is then not scored)."""

    title: str | None = None
    authors: tuple[str, ...] | None = None
    date: str | None = None  # YYYY-MM-DD
    text: str | None = None  # the whole body, scored by 4-word shingles
    with_snippets: tuple[str, ...] = ()  # or snippets that must / must not be in the text
    without_snippets: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1
    other_days: tuple[str, ...] = ()  # days also right for `date` (a UTC instant's day in the page's own zone)


@dataclass(frozen=True)
class Page:
    corpus: str
    id: str
    url: str
    path: Path
    labels: Labels = field(default_factory=Labels)
    restore: Callable[[bytes], bytes] | None = None  # undoes what the corpus's tooling changed in the page

    @property
    def half(self) -> str:
        return half_of(self.id)

    def html(self) -> bytes:
        data = self.path.read_bytes()
        data = gzip.decompress(data) if self.path.suffix == ".gz" else data
        return self.restore(data) if self.restore else data


@dataclass(frozen=True)
class Skipped:
    corpus: str
    id: str
    reason: str


def half_of(page_id: str) -> str:
    """The fixed split: sha256(page id) first byte even -> tune, odd -> held-back."""
    return TUNE if hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2 == 0 else HELD_BACK


def _day(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 10 or not value[:4].isdigit():
        return None
    return value[:10]


def _lang(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().split("-")[0].split("_")[0].lower()


def _nonempty(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# --- mozilla/readability ---------------------------------------------------------------------------

def read_readability(root: Path) -> Iterator[Page | Skipped]:
    base = root / "test" / "test-pages" if (root / "test" / "test-pages").is_dir() else root
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        source, meta, expected = (folder / n for n in ("source.html", "expected-metadata.json", "expected.html"))
        if not source.is_file() or not meta.is_file() or not expected.is_file():
            yield Skipped("readability", folder.name, "source.html, expected-metadata.json or expected.html missing")
            continue
        try:
            labels = _read_json(meta)
            # the expected bodies are UTF-8 without a <meta charset>: lxml would read the bytes as Latin-1
            text = document_fromstring(expected.read_text(encoding="utf-8")).text_content()
        except (ValueError, UnicodeDecodeError) as err:
            yield Skipped("readability", folder.name, f"unreadable labels: {err}")
            continue
        if not isinstance(labels, dict):
            yield Skipped("readability", folder.name, "expected-metadata.json is not an object")
            continue
        byline = _nonempty(labels.get("byline"))
        yield Page("readability", folder.name, f"http://fakehost/test/{folder.name}/page.html", source, Labels(
            title=_nonempty(labels.get("title")), authors=(byline,) if byline else (), date=_day(labels.get("publishedTime")),
            text=text, language=_lang(labels.get("lang"))))


# --- AndyTheFactory/newspaper4k --------------------------------------------------------------------

def read_newspaper4k(root: Path) -> Iterator[Page | Skipped]:
    base = root / "tests" / "data" if (root / "tests" / "data").is_dir() else root
    for html in sorted((base / "html").glob("*.html")):
        meta = base / "metadata" / f"{html.stem}.json"
        if not meta.is_file():
            yield Skipped("newspaper4k", html.stem, "no metadata/<id>.json beside html/<id>.html")
            continue
        try:
            labels = _read_json(meta)
        except ValueError as err:
            yield Skipped("newspaper4k", html.stem, f"unreadable labels: {err}")
            continue
        url = labels.get("url") if isinstance(labels, dict) else None
        if not isinstance(url, str) or not isinstance(labels.get("text"), str):
            yield Skipped("newspaper4k", html.stem, "labels without url or text")
            continue
        authors = labels.get("authors")
        yield Page("newspaper4k", html.stem, url, html, Labels(
            title=_nonempty(labels.get("title")),
            authors=tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else None,
            date=_day(labels.get("publish_date")), text=labels["text"],
            language=_lang(labels.get("language") or labels.get("meta_lang"))))


# --- adbar/htmldate --------------------------------------------------------------------------------

_HTMLDATE_SETS = (("eval_default.json", ("cache", "eval")), ("eval_mediacloud_2020.json", ("test_set",)))


def read_htmldate(root: Path) -> Iterator[Page | Skipped]:
    base = root / "tests" if (root / "tests").is_dir() else root
    seen: set[str] = set()
    for name, folders in _HTMLDATE_SETS:
        if not (base / name).is_file():
            yield Skipped("htmldate", name, "label file missing")
            continue
        for url, item in _read_json(base / name).items():
            page = _date_page("htmldate", base, url, item, folders)
            if isinstance(page, Page) and page.id in seen:
                continue
            if isinstance(page, Page):
                seen.add(page.id)
            yield page


def _date_page(corpus: str, base: Path, url: str, item: Any, folders: tuple[str, ...]) -> Page | Skipped:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        return Skipped(corpus, url, "no file named")
    path = next((base / f / item["file"] for f in folders if (base / f / item["file"]).is_file()), None)
    day = _day(item.get("date"))
    if path is None:
        return Skipped(corpus, item["file"], "file missing")
    if day is None:
        return Skipped(corpus, item["file"], f"no date label ({item.get('date')!r})")
    return Page(corpus, item["file"], url, path, Labels(date=day))


# --- adbar/trafilatura -----------------------------------------------------------------------------

def read_trafilatura(root: Path) -> Iterator[Page | Skipped]:
    base = root / "tests" if (root / "tests").is_dir() else root
    if not (base / "evaldata.json").is_file():
        yield Skipped("trafilatura", "evaldata.json", "label file missing")
        return
    for url, item in _read_json(base / "evaldata.json").items():
        yield _trafilatura_page(base, url, item)


def _trafilatura_page(base: Path, url: str, item: Any) -> Page | Skipped:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        return Skipped("trafilatura", url, "no file named")
    path = next((base / f / item["file"] for f in ("cache", "eval") if (base / f / item["file"]).is_file()), None)
    withs, withouts = item.get("with"), item.get("without")
    if path is None:
        return Skipped("trafilatura", item["file"], "file missing")
    if not _snippets(withs) or not isinstance(withouts, list):
        return Skipped("trafilatura", item["file"], "'with'/'without' snippets missing or malformed")
    return Page("trafilatura", item["file"], url, path, Labels(
        title=_nonempty(item.get("title")), authors=_author_label(item.get("author")), date=_day(item.get("date")),
        with_snippets=tuple(withs), without_snippets=tuple(w for w in withouts if isinstance(w, str) and w.strip())))


def _snippets(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)


def _author_label(value: Any) -> tuple[str, ...] | None:
    """'A; B' or ['A', 'B'] -> names; '' -> no author (scored); absent or None -> not labelled."""
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str) and v.strip())
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return None


# --- scrapinghub/article-extraction-benchmark ------------------------------------------------------

def read_aeb(root: Path) -> Iterator[Page | Skipped]:
    if not (root / "ground-truth.json").is_file():
        yield Skipped("aeb", "ground-truth.json", "label file missing")
        return
    for page_id, item in sorted(_read_json(root / "ground-truth.json").items()):
        path = root / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            yield Skipped("aeb", page_id, "html/<id>.html.gz missing")
        elif not isinstance(item, dict) or not isinstance(item.get("articleBody"), str) or not item.get("url"):
            yield Skipped("aeb", page_id, "labels without url or articleBody")
        else:
            yield Page("aeb", page_id, str(item["url"]), path, Labels(text=item["articleBody"]))


# --- flairNLP/fundus -------------------------------------------------------------------------------

def read_fundus(root: Path) -> Iterator[Page | Skipped]:
    """Each publisher's JSON holds one labelled article per parser version (V1, V1_1, V2 …); each version's page
    is the publisher's HTML file crawled while that version was valid, so versions in order pair with the files
    in crawl-date order. A publisher whose counts differ is skipped (the pairing would be a guess)."""
    base = root / "tests" / "resources" / "parser" / "test_data"
    base = base if base.is_dir() else root
    for country in sorted(p for p in base.iterdir() if p.is_dir()):
        meta = _read_json(country / "meta.info") if (country / "meta.info").is_file() else {}
        for labels_path in sorted(country.glob("*.json")):
            yield from _fundus_pages(country, labels_path, meta if isinstance(meta, dict) else {})


def _fundus_pages(country: Path, labels_path: Path, meta: dict[str, Any]) -> Iterator[Page | Skipped]:
    publisher = labels_path.stem
    htmls = sorted(country.glob(f"{publisher}_*.html.gz"), key=lambda p: str((meta.get(p.name) or {}).get("crawl_date")))
    versions = _read_json(labels_path)
    if not isinstance(versions, dict) or len(versions) != len(htmls):
        yield Skipped("fundus", f"{country.name}/{publisher}", f"{len(htmls)} pages for {len(versions)} labelled versions")
        return
    for version, html in zip(sorted(versions, key=_version_key), htmls, strict=True):
        page_id = f"{country.name}/{html.name.removesuffix('.html.gz')}"
        item, url = versions[version], (meta.get(html.name) or {}).get("url")
        if not isinstance(item, dict) or not isinstance(url, str):
            yield Skipped("fundus", page_id, "no url in meta.info or labels not an object")
            continue
        authors = item.get("authors")
        yield Page("fundus", page_id, url, html, Labels(
            title=_nonempty(item.get("title")),
            authors=tuple(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else None,
            date=_day(item.get("publishing_date")), text=_fundus_body(item.get("body"))))


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def _fundus_body(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    parts = [p for p in body.get("summary") or [] if isinstance(p, str)]
    for section in body.get("sections") or []:
        if isinstance(section, dict):
            for key in ("headline", "paragraphs"):
                parts.extend(p for p in section.get(key) or [] if isinstance(p, str))
    return "\n".join(parts) or None


# --- postlight/parser (Mercury) --------------------------------------------------------------------

_POSTLIGHT_DAY_SUBJECTS = ("new_date_published", "newDatePublished.split('T')[0]",
                           "date_published.split('T')[0]", "moment(date_published).format('YYYY-MM-DD')")
_EXCERPT = re.compile(r"first(\d+)")
_INSTANT = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?Z")
_STAMP = re.compile(rb"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?\s?(Z|[+-]\d\d:?\d\d)\b")


def read_postlight(root: Path) -> Iterator[Page | Skipped]:
    """Mercury's custom-extractor tests: each `src/extractors/custom/<domain>/index.test.js` reads fixtures and
    asserts what Mercury must return (bench/quality/js_asserts.py reads them without running JavaScript).

    title     the asserted title, scored exactly
    authors   the asserted author string, one byline the scorer splits into names (',', '&', ' and ', ' et ');
              a link or a text of several lines (Mercury's output kept as the label) is no byline: not scored
    date      `date_published` is a UTC instant ('…T15:00:00.000Z'): Mercury turns the page's local time into
              UTC, so a page dated 4 April in Tokyo is labelled 3 April 15:00Z. Both extractors are scored on
              the day they print (trafilatura prints no time), and the right days are the instant's UTC day,
              its day wherever the page itself prints that instant with an offset ('2019-04-04T00:00:00+09:00'),
              or, when the page prints it nowhere so, the next day if the instant is a local midnight east of
              UTC (hh:00:00Z with hh >= 10: a date printed without a time in a zone ahead of UTC). A day
              asserted through `moment(date_published).format()` is a printed day, taken as it is.
    body      `excerptContent(text, N)`, the first N words of Mercury's content, must be in the body text
              (the trafilatura corpus's snippet score). Mercury's content starts with what it keeps of
              captions and glues blocks without a space ('cards.jpgCash'): about a quarter of the tune pages
              are then a miss for every extractor alike, so read the body column as a comparison only
    null      an asserted null (Mercury finds no author, date or title there) is no label: Mercury's own
              extractor may miss a byline the page prints, so the field is not scored on that page
    dek       not used: of the 31 tune pages with a dek, Khabar's body holds it on 13 and trafilatura's on 7,
              the page's own article text on some and not others: neither 'must contain' nor 'must not' holds

    Fixtures are read from `fixtures/`; a fixture named by two cases keeps the first case's labels. A field
    whose value is not a literal is reported and not scored; a case with no usable label is skipped."""
    base = root / "src" / "extractors" / "custom"
    if not base.is_dir():
        yield Skipped("postlight", "src/extractors/custom", "folder missing")
        return
    seen: set[str] = set()
    for test in sorted(base.glob("*/index.test.js")):
        for case in js_asserts.cases(test.read_text(encoding="utf-8")):
            if case.fixture not in seen:
                seen.add(case.fixture)
                yield from _postlight_page(root / "fixtures" / case.fixture, case)


def _postlight_page(path: Path, case: js_asserts.Case) -> Iterator[Page | Skipped]:
    page_id = case.fixture.removesuffix(".html")
    wanted = ("title", "author", "date_published", *_POSTLIGHT_DAY_SUBJECTS,
              *(s for s in case.values if _EXCERPT.fullmatch(s)))
    for subject, problem in case.problems.items():
        if subject in wanted or _EXCERPT.fullmatch(subject):
            yield Skipped("postlight", page_id, f"{subject} not scored: {problem}")
    if not path.is_file() or case.url is None:
        yield Skipped("postlight", page_id, "fixture missing" if case.url else "no URL passed to Mercury.parse")
        return
    values = case.values
    excerpts = tuple(v for s, v in values.items() if _EXCERPT.fullmatch(s) and v and v.strip())
    title, author = _nonempty(values.get("title")), _nonempty(values.get("author"))
    if author and ("://" in author or "\n" in author):
        yield Skipped("postlight", page_id, f"author not scored: a link or a profile, not a byline ({author[:40]!r})")
        author = None
    date, other_days = _postlight_date(values, path.read_bytes())
    if title is None and author is None and date is None and not excerpts:
        yield Skipped("postlight", page_id, "no title, author, date or content label")
        return
    yield Page("postlight", page_id, case.url, path, Labels(
        title=title, authors=(author,) if author else None, date=date, other_days=other_days,
        with_snippets=excerpts), restore=meta_tags_as_published)


_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_VALUE = re.compile(rb"(\s)value(\s*=)", re.IGNORECASE)
_OPEN_GRAPH_NAME = re.compile(rb"(\s)name(\s*=\s*[\"']?(?:og|article|fb|book|profile|video|music):)", re.IGNORECASE)


def meta_tags_as_published(html: bytes) -> bytes:
    """Mercury saved most fixtures after its own meta normalisation, which renames every meta tag's `content`
    to `value` and `property` to `name` (150 of its 171 fixtures have no `content=` left): no extractor reads
    `<meta name="og:title" value="…">` as the publisher wrote it. In a page so normalised (meta `value`s and
    no meta `content`), `value` is `content` again and the OpenGraph names (og:, article:, fb: …) are
    `property` again. A page as published is returned unchanged."""
    tags = _META_TAG.findall(html)
    if not any(_VALUE.search(tag) for tag in tags) or any(re.search(rb"\scontent\s*=", tag, re.I) for tag in tags):
        return html
    return _META_TAG.sub(lambda m: _OPEN_GRAPH_NAME.sub(rb"\1property\2", _VALUE.sub(rb"\1content\2", m.group())), html)


def _postlight_date(values: dict[str, str | None], html: bytes) -> tuple[str | None, tuple[str, ...]]:
    """(the label's day, other right days): see read_postlight's docstring."""
    day = next((_day(values[s]) for s in _POSTLIGHT_DAY_SUBJECTS if _day(values.get(s))), None)
    instant = _INSTANT.fullmatch(values.get("date_published") or "")
    if instant is None:
        return day or _day(values.get("date_published")), ()
    when = datetime.fromisoformat(instant.group()[:19]).replace(tzinfo=UTC)
    days = {local_day for local_day, moment in _stamps(html) if moment == when}
    if not days and when.minute == when.second == 0 and when.hour >= 10:
        days.add((when + timedelta(days=1)).date().isoformat())
    utc_day = when.date().isoformat()
    return utc_day, tuple(sorted(days - {utc_day}))


def _stamps(html: bytes) -> Iterator[tuple[str, datetime]]:
    """(printed day, UTC instant) of each ISO timestamp with an offset in the page."""
    for match in _STAMP.finditer(html):
        day, clock, zone = (g.decode("ascii") for g in match.groups())
        zone = "+00:00" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
        try:
            moment = datetime.fromisoformat(f"{day}T{clock}{zone}")
        except ValueError:
            continue
        yield day, moment.astimezone(UTC)


# --- Murrough-Foley/web-content-extraction-benchmark (WCXB) ----------------------------------------

def read_wcxb(root: Path) -> Iterator[Page | Skipped]:
    """metadata.json names each page's folder (dev/ or test/: an id can sit in both, the index says which is
    the page) and its type; only article pages are read: forums, product pages, listings are not articles."""
    for page_id, folder, kind in _wcxb_index(root):
        if isinstance(page_id, Skipped):
            yield page_id
        elif kind == "article":
            yield _wcxb_page(folder, page_id)


@dataclass(frozen=True)
class Typed:
    """A page the corpus types as no article (a listing, a forum, a product page …): the record verdict's
    other side, where a record would be a false one. Its labels are not read."""

    page_type: str
    page: Page


def read_wcxb_non_articles(root: Path) -> Iterator[Typed | Skipped]:
    """wcxb's pages of every other type (metadata.json's page_type), with the URL their labels name."""
    for page_id, folder, kind in _wcxb_index(root):
        if isinstance(page_id, Skipped):
            yield page_id
        elif isinstance(kind, str) and kind != "article":
            item = _wcxb_item(folder, page_id)
            if isinstance(item, Skipped):
                yield item
            elif not isinstance(item[1].get("url"), str):
                yield Skipped("wcxb", page_id, "labels without url")
            else:
                yield Typed(kind, Page("wcxb", page_id, item[1]["url"], item[0]))


def _wcxb_index(root: Path) -> Iterator[tuple[str | Skipped, Path, object]]:
    """(page id, its folder, its page_type) for each page metadata.json lists; a Skipped in the id's place when
    the index is missing or malformed."""
    index = _read_json(root / "metadata.json") if (root / "metadata.json").is_file() else None
    files = index.get("files") if isinstance(index, dict) else None
    if not isinstance(files, dict):
        yield Skipped("wcxb", "metadata.json", "index missing or without a 'files' object"), root, None
        return
    for page_id, info in sorted(files.items()):
        if isinstance(info, dict):
            yield page_id, root / str(info.get("split")), info.get("page_type")


def _wcxb_item(folder: Path, page_id: str) -> tuple[Path, dict[str, Any]] | Skipped:
    """The page's HTML path and its labels' JSON object, or why they cannot be read."""
    html, labels_path = folder / "html" / f"{page_id}.html.gz", folder / "ground-truth" / f"{page_id}.json"
    if not html.is_file() or not labels_path.is_file():
        return Skipped("wcxb", page_id, f"{folder.name}/html/<id>.html.gz or {folder.name}/ground-truth/<id>.json missing")
    try:
        item = _read_json(labels_path)
    except ValueError as err:
        return Skipped("wcxb", page_id, f"unreadable labels: {err}")
    return (html, item) if isinstance(item, dict) else Skipped("wcxb", page_id, "labels are no JSON object")


def _wcxb_page(folder: Path, page_id: str) -> Page | Skipped:
    found = _wcxb_item(folder, page_id)
    if isinstance(found, Skipped):
        return found
    html, item = found
    truth = item.get("ground_truth")
    if not isinstance(truth, dict) or not isinstance(item.get("url"), str) or not _nonempty(truth.get("main_content")):
        return Skipped("wcxb", page_id, "labels without url or ground_truth.main_content")
    return Page("wcxb", page_id, item["url"], html, Labels(
        title=_nonempty(truth.get("title")), authors=_author_label(truth.get("author")),
        date=_day(truth.get("publish_date")), text=truth["main_content"]))


READERS: dict[str, Callable[[Path], Iterator[Page | Skipped]]] = {
    "readability": read_readability, "newspaper4k": read_newspaper4k, "htmldate": read_htmldate,
    "trafilatura": read_trafilatura, "aeb": read_aeb, "fundus": read_fundus,
    "postlight": read_postlight,
    "wcxb": read_wcxb,
}
