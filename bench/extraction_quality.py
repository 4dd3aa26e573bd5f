"""Extraction quality of Khabar against plain trafilatura, on the labelled French and Arabic corpus.

    .venv/bin/python bench/extraction_quality.py                 score both, check Khabar against the pinned floors
    .venv/bin/python bench/extraction_quality.py --pages         also print every page's misses
    .venv/bin/python bench/extraction_quality.py --update-floors raise the floors to today's scores
    .venv/bin/python bench/extraction_quality.py --update-floors --allow-lower   (also lower them: say why in the commit)

The corpus is ``bench/data/quality/pages/*.html`` with a ``.json`` of labels beside each page (written by
``bench/data/quality/make_corpus.py``). Per field, over all pages:

    title      exact match of the headline (whitespace collapsed, NFC)
    date       date_published on the labelled day
    authors    F1 of the author names per page, averaged (no author labelled and none found counts 1)
    body       F1 of the 4-word shingles of the text per page, averaged
    language   accuracy of the ISO 639-1 code
    paywall    accuracy of the paywall flag (trafilatura has none: it counts as "never paywalled")

Plain trafilatura is ``bare_extraction(with_metadata=True)``; as it detects no language, its language is
the page's ``<html lang>`` (a kinder baseline than none). The gate follows trafilatura's eval gate: the
floors live in ``bench/data/quality/floors.json`` with a digest of the corpus; a score more than
TOLERANCE under its floor fails the run (exit 1); floors move only with ``--update-floors``, and
down only with ``--allow-lower``; the file is replaced atomically.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from lxml.html import document_fromstring  # noqa: E402

from bench.quality.scoring import f1, shingles  # noqa: E402  (the one 4-word-shingle F1, shared with real_quality)
from crawler.extract import Extracted  # noqa: E402
from crawler.extract.article import extract_article  # noqa: E402
from crawler.storage.atomic import write_atomically  # noqa: E402

CORPUS = ROOT / "bench" / "data" / "quality" / "pages"
FLOORS = ROOT / "bench" / "data" / "quality" / "floors.json"
FIELDS = ("title", "date", "authors", "body", "language", "paywall")
TOLERANCE = 0.005  # the extractors are deterministic: this only absorbs float noise and tiny label edits


@dataclass
class Prediction:
    title: str | None
    date: str | None
    authors: list[str]
    text: str
    language: str | None
    paywalled: bool


@dataclass
class Page:
    name: str
    html: bytes
    labels: dict[str, Any]


def load_corpus() -> list[Page]:
    pages = []
    for path in sorted(CORPUS.glob("*.html")):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append(Page(path.stem, path.read_bytes(), labels))
    if len(pages) < 40:
        sys.exit(f"the corpus in {CORPUS} has {len(pages)} pages, fewer than 40: run bench/data/quality/make_corpus.py")
    return pages


def corpus_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".html", ".json"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


# --- the two extractors --------------------------------------------------------------------------

def khabar(page: Page) -> Prediction:
    outcome = extract_article(page.html, page.labels["url"], "text/html; charset=utf-8")
    if not isinstance(outcome, Extracted):
        return Prediction(None, None, [], "", None, False)
    # this corpus labels persons only (its agencies are labelled apart): compare the persons the byline credits
    persons = [name for name, kind in zip(outcome.authors, outcome.author_kinds, strict=True) if kind == "person"]
    return Prediction(outcome.title, outcome.date_published, persons, outcome.text, outcome.language,
                      outcome.paywalled)


def plain_trafilatura(page: Page) -> Prediction:
    html = page.html.decode("utf-8")
    document = trafilatura.bare_extraction(html, url=page.labels["url"], with_metadata=True)
    if document is None:
        return Prediction(None, None, [], "", _html_lang(html), False)
    authors = [a.strip() for a in re.split(r";", document.author or "") if a.strip()]
    return Prediction(document.title, document.date, authors, document.text or "",
                      document.language or _html_lang(html), False)


def _html_lang(html: str) -> str | None:
    lang = document_fromstring(html.encode("utf-8")).get("lang")
    return lang.split("-")[0].lower() if lang else None


# --- scores ----------------------------------------------------------------------------------------

def _norm(text: str | None) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def page_scores(prediction: Prediction, labels: dict[str, Any]) -> dict[str, float]:
    return {
        "title": float(_norm(prediction.title) == _norm(labels["title"])),
        "date": float((prediction.date or "")[:10] == labels["date_published"]),
        "authors": f1({_norm(a).casefold() for a in prediction.authors}, {_norm(a).casefold() for a in labels["authors"]}),
        "body": f1(shingles(prediction.text), shingles(labels["text"])),
        "language": float(prediction.language == labels["language"]),
        "paywall": float(prediction.paywalled == labels["paywalled"]),
    }


def evaluate(pages: list[Page], extractor: Callable[[Page], Prediction]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    rows = []
    for page in pages:
        prediction = extractor(page)
        rows.append({"page": page.name, "prediction": prediction, **page_scores(prediction, page.labels)})
    totals = {name: sum(row[name] for row in rows) / len(rows) for name in FIELDS}
    return totals, rows


def subset(rows: list[dict[str, Any]], keep: Callable[[str], bool]) -> dict[str, float]:
    chosen = [r for r in rows if keep(r["page"])]
    return {name: sum(r[name] for r in chosen) / len(chosen) for name in FIELDS}


def held_out(name: str) -> bool:
    """Pages written after the rules were frozen (``frh01-…``, ``arh01-…``)."""
    return name[2:3] == "h"


# --- the gate --------------------------------------------------------------------------------------

def read_floors() -> dict[str, Any]:
    return json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}


def write_floors(data: dict[str, Any]) -> None:
    write_atomically(FLOORS, json.dumps(data, indent=2, sort_keys=True) + "\n")


def check_floors(scores: dict[str, float], pinned: dict[str, Any], digest: str) -> list[str]:
    """Failures: a score under its floor, or floors pinned on another corpus."""
    if not pinned:
        return ["no floors pinned yet: run with --update-floors"]
    if pinned.get("corpus_digest") != digest:
        return [f"the corpus changed (digest {digest[:19]}… vs pinned {pinned.get('corpus_digest', '')[:19]}…): "
                "review the scores and re-pin with --update-floors"]
    return [f"{name}: {scores[name]:.3f} is under its floor {floor:.3f} (tolerance {TOLERANCE})"
            for name, floor in pinned["floors"].items() if scores[name] < floor - TOLERANCE]


def update_floors(scores: dict[str, float], pinned: dict[str, Any], digest: str, allow_lower: bool) -> list[str]:
    old = pinned.get("floors", {})
    lowered = [name for name in FIELDS if name in old and round(scores[name], 3) < old[name]]
    if lowered and not allow_lower:
        return [f"refusing to lower the floor of {', '.join(lowered)} "
                f"({', '.join(f'{old[n]:.3f} -> {scores[n]:.3f}' for n in lowered)}); pass --allow-lower if that is intended"]
    write_floors({"corpus_digest": digest, "tolerance": TOLERANCE, "pages": len(list(CORPUS.glob("*.html"))),
                  "floors": {name: round(scores[name], 3) for name in FIELDS}})
    return []


# --- output ----------------------------------------------------------------------------------------

def print_table(ours: dict[str, float], theirs: dict[str, float], title: str) -> None:
    print(f"\n{title}")
    print(f"{'field':10} {'khabar':>8} {'trafilatura':>12} {'diff':>8}")
    for name in FIELDS:
        print(f"{name:10} {ours[name]:8.3f} {theirs[name]:12.3f} {ours[name] - theirs[name]:+8.3f}")


def print_misses(rows: list[dict[str, Any]], pages: list[Page]) -> None:
    labels = {p.name: p.labels for p in pages}
    for row in rows:
        misses = [name for name in FIELDS if row[name] < 0.999]
        if misses:
            pred = row["prediction"]
            gold = labels[row["page"]]
            print(f"  {row['page']}: " + "; ".join(
                f"{name} {row[name]:.2f}" + (f" got {_short(pred, name)!r} want {_short_gold(gold, name)!r}"
                                             if name != "body" else "") for name in misses))


def _short(pred: Prediction, name: str) -> Any:
    return {"title": pred.title, "date": pred.date, "authors": pred.authors, "language": pred.language,
            "paywall": pred.paywalled}[name]


def _short_gold(gold: dict[str, Any], name: str) -> Any:
    return {"title": gold["title"], "date": gold["date_published"], "authors": gold["authors"],
            "language": gold["language"], "paywall": gold["paywalled"]}[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", action="store_true", help="print the misses of every page")
    parser.add_argument("--update-floors", action="store_true", help="pin the floors to today's Khabar scores")
    parser.add_argument("--allow-lower", action="store_true", help="let --update-floors lower a floor")
    args = parser.parse_args(argv)
    pages = load_corpus()
    started = time.perf_counter()
    ours, our_rows = evaluate(pages, khabar)
    theirs, their_rows = evaluate(pages, plain_trafilatura)
    print(f"{len(pages)} pages ({sum(p.name.startswith('fr') for p in pages)} French, "
          f"{sum(p.name.startswith('ar') for p in pages)} Arabic; {sum(held_out(p.name) for p in pages)} held out), "
          f"scored in {time.perf_counter() - started:.1f} s")
    print_table(ours, theirs, "all pages")
    for language in ("fr", "ar"):
        def keep(name: str, language: str = language) -> bool:
            return name.startswith(language)
        print_table(subset(our_rows, keep), subset(their_rows, keep), f"{language} pages")
    print_table(subset(our_rows, held_out), subset(their_rows, held_out),
                f"held-out pages ({sum(held_out(p.name) for p in pages)}, written after the rules were frozen)")
    if args.pages:
        print("\nkhabar misses:")
        print_misses(our_rows, pages)
        print("\ntrafilatura misses:")
        print_misses(their_rows, pages)
    digest, pinned = corpus_digest(), read_floors()
    problems = (update_floors(ours, pinned, digest, args.allow_lower) if args.update_floors
                else check_floors(ours, pinned, digest))
    for problem in problems:
        print(f"FAIL {problem}")
    if not problems:
        print("\nfloors " + ("updated in " + str(FLOORS.relative_to(ROOT)) if args.update_floors else "held") +
              ": " + ", ".join(f"{k} {v:.3f}" for k, v in read_floors()["floors"].items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
