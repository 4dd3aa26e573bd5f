"""Readers for the development corpora (local checkouts given as paths; nothing of them enters the repo).

    readability   mozilla/readability   test/test-pages/<id>/source.html, expected-metadata.json, expected.html
    newspaper4k   AndyTheFactory/newspaper4k  tests/data/html/<id>.html paired with metadata/<id>.json
    htmldate      adbar/htmldate        tests/eval_default.json (cache/, eval/), eval_mediacloud_2020.json (test_set/)
    trafilatura   adbar/trafilatura     tests/evaldata.json (cache/, eval/): title, author, date, with/without snippets
    aeb           scrapinghub/article-extraction-benchmark  ground-truth.json (articleBody, url), html/<id>.html.gz
    fundus        flairNLP/fundus       tests/resources/parser/test_data/<country>/<Publisher>.json (title, authors,
                                        publishing_date, body per parser version), <Publisher>_<date>.html.gz, meta.info

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
from pathlib import Path
from typing import Any

from lxml.html import document_fromstring

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


@dataclass(frozen=True)
class Page:
    corpus: str
    id: str
    url: str
    path: Path
    labels: Labels = field(default_factory=Labels)

    @property
    def half(self) -> str:
        return half_of(self.id)

    def html(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


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


READERS: dict[str, Callable[[Path], Iterator[Page | Skipped]]] = {
    "readability": read_readability, "newspaper4k": read_newspaper4k, "htmldate": read_htmldate,
    "trafilatura": read_trafilatura, "aeb": read_aeb, "fundus": read_fundus,
}
