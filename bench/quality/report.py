"""The run over pages (every extractor on every page, timed, failures counted) and what is printed of it."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing import Pool

from bench.quality.conventions import Observed, observe
from bench.quality.corpora import HELD_BACK, TUNE, Page, Typed
from bench.quality.extractors import EXTRACTORS, date_only_htmldate, declared_language, khabar
from bench.quality.scoring import FIELDS, Prediction, SourceText, in_page, score
from crawler.extract.charset import decode_html

HALVES = (TUNE, HELD_BACK)


@dataclass
class Outcome:
    """One extractor on one page: its prediction and scores, or the exception it raised."""

    prediction: Prediction | None
    scores: dict[str, float | None]
    seconds: float
    error: str | None = None


@dataclass
class Row:
    page: Page
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    ceiling: dict[str, float | None] = field(default_factory=dict)  # what the page holds of the labels
    declared: str | None = None  # the page's <html lang>, which neither extractor decides
    conventions: Observed | None = None  # which of the page's own title variants and names the labels follow


def run_page(page: Page) -> Row:
    html = page.html()
    source = SourceText(decode_html(html, None)[0])
    row = Row(page, ceiling=in_page(source, page.labels), declared=declared_language(html))
    extractors = dict(EXTRACTORS)
    if page.corpus == "htmldate":
        extractors["htmldate"] = date_only_htmldate
    for name, extractor in extractors.items():
        started = time.perf_counter()
        try:
            prediction = extractor(html, page.url)
        except Exception as err:  # noqa: BLE001 - any crash is a counted failure, never the end of the run
            failed = {k: (None if v is None else 0.0) for k, v in score(Prediction(), page.labels).items()}
            row.outcomes[name] = Outcome(None, failed, time.perf_counter() - started, f"{type(err).__name__}: {err}")
            continue
        row.outcomes[name] = Outcome(prediction, score(prediction, page.labels), time.perf_counter() - started)
    row.conventions = observe(source.source, page.url, page.labels, row.outcomes["khabar"].prediction, source)
    return row


def run(pages: Sequence[Page], jobs: int) -> list[Row]:
    if jobs <= 1:
        return [run_page(page) for page in pages]
    with Pool(jobs) as pool:
        return pool.map(run_page, pages, chunksize=4)


def mean(values: Iterable[float | None]) -> tuple[float | None, int]:
    known = [v for v in values if v is not None]
    return (sum(known) / len(known), len(known)) if known else (None, 0)


@dataclass(frozen=True)
class Paired:
    """Khabar against trafilatura on the pages both were scored on: pages won and lost, the mean difference, and
    its 95% bootstrap interval (resampling pages; a fixed seed, so a run prints the same interval twice). On a few
    dozen pages a difference of .01 is often one page: the interval says whether a gap is more than that."""

    wins: int
    losses: int
    diff: float
    low: float
    high: float

    def interval(self) -> str:
        return f"{self.low:+.3f} … {self.high:+.3f}"


RESAMPLES = 2000


def paired(rows: Iterable[Row], name: str, resamples: int = RESAMPLES) -> Paired | None:
    """The paired comparison on `name`, or None when no page has both scores."""
    diffs = []
    for row in rows:
        ours, theirs = row.outcomes["khabar"].scores[name], row.outcomes["trafilatura"].scores[name]
        if ours is not None and theirs is not None:
            diffs.append(ours - theirs)
    if not diffs:
        return None
    draw = random.Random(12)  # the issue's number: any fixed seed would do
    means = sorted(sum(draw.choices(diffs, k=len(diffs))) / len(diffs) for _ in range(resamples))
    low, high = means[int(0.025 * (resamples - 1))], means[int(0.975 * (resamples - 1))]
    return Paired(sum(d > 0 for d in diffs), sum(d < 0 for d in diffs), sum(diffs) / len(diffs), low, high)


def _cell(value: float | None) -> str:
    return f"{value:8.3f}" if value is not None else f"{'-':>8}"


def print_table(corpus: str, half: str, rows: list[Row], skipped: int, names: Sequence[str] = ()) -> None:
    names = list(names) or (list(rows[0].outcomes) if rows else list(EXTRACTORS))
    print(f"\n{corpus} · {half}: {len(rows)} pages" + (f" ({skipped} skipped, see above)" if skipped else ""))
    print(f"{'field':10} {'pages':>5} " + " ".join(f"{n:>11}" for n in names) + f" {'diff':>8} {'losses':>6}"
          + f" {'in page':>8} {'wins':>5}  {'diff, 95% interval':>18}")
    for name in FIELDS:
        means = {n: mean(r.outcomes[n].scores[name] for r in rows) for n in names}
        count = means["khabar"][1]
        if not count:
            continue
        ours, theirs = means["khabar"][0], means["trafilatura"][0]
        diff = f"{ours - theirs:+8.3f}" if ours is not None and theirs is not None else f"{'':8}"
        print(f"{name:10} {count:5d} " + " ".join(f"{_cell(means[n][0]):>11}" for n in names)
              + f" {diff} {len(losses(rows, name)):6d} {_cell(mean(r.ceiling.get(name) for r in rows)[0])}"
              + _paired_cells(rows, name))
    print(f"{'failures':10} {'':5} " + " ".join(f"{sum(r.outcomes[n].error is not None for r in rows):11d}" for n in names))
    print(f"{'ms/page':10} {'':5} " + " ".join(
        f"{1000 * sum(r.outcomes[n].seconds for r in rows) / max(1, len(rows)):11.1f}" for n in names))
    print_unrecorded(rows)


def unrecorded(rows: Iterable[Row]) -> Counter[str]:
    """Khabar's pages that the crawl would archive but write no record of, by the crawl's reason."""
    found: Counter[str] = Counter()
    for row in rows:
        prediction = row.outcomes["khabar"].prediction
        if prediction is not None and prediction.unrecorded:
            found[prediction.unrecorded] += 1
    return found


def print_unrecorded(rows: list[Row]) -> None:
    """A corpus's pages are articles to its labels: each the crawl would not record is an article lost to the
    records (archived in WARC all the same). Its fields are scored above as extracted, so this count is apart."""
    reasons = unrecorded(rows)
    print(f"{'recorded':10} {len(rows) - sum(reasons.values()):5d} of {len(rows)} pages by the crawl's verdict"
          + ("".join(f"\n{'':17}not recorded {count:4d}  {reason}" for reason, count in reasons.most_common())))


def verdict(typed: Typed) -> tuple[str, str | None]:
    """(page type, None if the crawl would record the page as an article, else its reason for not)."""
    try:
        return typed.page_type, khabar(typed.page.html(), typed.page.url).unrecorded
    except Exception as err:  # noqa: BLE001 - a page the extractor fails on gets no record
        return typed.page_type, f"failed: {type(err).__name__}"


def verdicts(pages: Sequence[Typed], jobs: int) -> list[tuple[str, str | None]]:
    if jobs <= 1:
        return [verdict(page) for page in pages]
    with Pool(jobs) as pool:
        return pool.map(verdict, pages, chunksize=4)


# listings and collections first: the pages a loosened verdict is most likely to let through
_NON_ARTICLE_ORDER = ("listing", "collection", "forum", "product", "service", "documentation")


def false_records(found: Iterable[tuple[str, str | None]]) -> dict[str, tuple[int, int]]:
    """Per page type: (pages the crawl would record as articles, pages of that type)."""
    recorded: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for page_type, reason in found:
        seen[page_type] += 1
        recorded[page_type] += reason is None
    order = sorted(seen, key=lambda t: (_NON_ARTICLE_ORDER.index(t) if t in _NON_ARTICLE_ORDER else len(_NON_ARTICLE_ORDER), t))
    return {page_type: (recorded[page_type], seen[page_type]) for page_type in order}


def print_false_records(corpus: str, half: str, found: list[tuple[str, str | None]]) -> None:
    """The verdict's other side: pages the corpus types as no article that would get an article record all the
    same (a listing or a forum thread filed among the articles)."""
    counts = false_records(found)
    print(f"\n{corpus} · {half}: non-article pages recorded by the crawl's verdict: "
          + ", ".join(f"{page_type} {recorded} of {seen}" for page_type, (recorded, seen) in counts.items())
          + f"; all {sum(r for r, _ in counts.values())} of {sum(s for _, s in counts.values())}")


def print_languages(results: dict[str, list[Row]], languages: Sequence[str]) -> None:
    """Per half, one table for each language of the pages declaring it in their <html lang>, pooled over every
    corpus measured: how Khabar and trafilatura fare on, say, French pages whichever corpus holds them. The
    declaration is the page's own, so neither extractor's language detection picks the pages."""
    for language in languages:
        rows = [row for corpus_rows in results.values() for row in corpus_rows if row.declared == language]
        corpora = sorted({row.page.corpus for row in rows})
        for half in HALVES:
            half_rows = [row for row in rows if row.page.half == half]
            if half_rows:
                print_table(f"pages declaring {language!r}, pooled ({', '.join(corpora)})", half, half_rows, 0,
                            names=list(EXTRACTORS))


def _paired_cells(rows: list[Row], name: str) -> str:
    found = paired(rows, name)
    return f" {found.wins:5d}  {found.interval():>18}" if found else ""


def losses(rows: list[Row], name: str) -> list[Row]:
    """Pages where Khabar scores under trafilatura on `name`."""
    found = []
    for row in rows:
        ours, theirs = row.outcomes["khabar"].scores[name], row.outcomes["trafilatura"].scores[name]
        if ours is not None and theirs is not None and ours < theirs:
            found.append(row)
    return found


def print_losses(rows: list[Row], name: str) -> None:
    for row in losses(rows, name):
        ours, theirs = row.outcomes["khabar"], row.outcomes["trafilatura"]
        print(f"  {row.page.corpus}/{row.page.id} [{row.page.half}] khabar {ours.scores[name]:.2f} "
              f"trafilatura {theirs.scores[name]:.2f}" + _detail(row, name))


def _detail(row: Row, name: str) -> str:
    ours, labels = row.outcomes["khabar"], row.page.labels
    if ours.error:
        return f"\n      khabar raised {ours.error}"
    got = ours.prediction
    assert got is not None
    theirs = row.outcomes["trafilatura"].prediction
    if name == "body":
        return f"\n      khabar {len(got.text)} chars, trafilatura {len(theirs.text) if theirs else 0} chars"
    want = {"title": labels.title, "authors": labels.authors, "date": labels.date, "language": labels.language}[name]
    mine = {"title": got.title, "authors": got.authors, "date": got.date, "language": got.language}[name]
    return f"\n      got {mine!r}\n      want {want!r}"


# Issue 12's targets on the held-back halves (extraction speed is bench/extract_speed.py's).
FLOORS = {"authors": 0.90, "title": 0.88}
BODY_MARGIN = 0.01


def target_misses(results: dict[str, list[Row]]) -> list[str]:
    """What the held-back halves miss of the targets, one line each: a field below trafilatura, authors or title
    under its floor, a body less than BODY_MARGIN over trafilatura's, dates under htmldate's."""
    misses = []
    for corpus, rows in results.items():
        held = [row for row in rows if row.page.half == HELD_BACK]
        for name in FIELDS:
            ours, count = mean(r.outcomes["khabar"].scores[name] for r in held)
            theirs, _ = mean(r.outcomes["trafilatura"].scores[name] for r in held)
            if ours is None or theirs is None:
                continue
            where = f"{corpus} {name} {ours:.3f} ({count} pages)"
            found = paired(held, name)
            spread = f" (difference {found.diff:+.3f}, 95% interval {found.interval()})" if found else ""
            if ours < theirs:
                misses.append(f"{where}: below trafilatura's {theirs:.3f}{spread}")
            elif name == "body" and ours < theirs + BODY_MARGIN:
                misses.append(f"{where}: under trafilatura's {theirs:.3f} + {BODY_MARGIN}{spread}")
            if name in FLOORS and ours < FLOORS[name]:
                misses.append(f"{where}: under the floor {FLOORS[name]}")
        if any("htmldate" in r.outcomes for r in held):
            ours, _ = mean(r.outcomes["khabar"].scores["date"] for r in held)
            reference, _ = mean(r.outcomes["htmldate"].scores["date"] for r in held if "htmldate" in r.outcomes)
            if ours is not None and reference is not None and ours < reference:
                misses.append(f"{corpus} date {ours:.3f}: below htmldate's {reference:.3f}")
    return misses


# The corpora issue 12 names; the others (postlight) widen the tune signal and are listed apart.
TARGET_CORPORA = ("readability", "newspaper4k", "htmldate", "trafilatura", "aeb", "fundus")


def print_targets(results: dict[str, list[Row]]) -> None:
    named = {corpus: rows for corpus, rows in results.items() if corpus in TARGET_CORPORA}
    if named:
        misses = target_misses(named)
        print(f"\nissue 12 targets on the held-back halves of {', '.join(named)}: "
              + (f"{len(misses)} missed" if misses else "all met"))
        for miss in misses:
            print(f"  {miss}")
    for corpus, rows in results.items():
        if corpus not in TARGET_CORPORA:
            extra = target_misses({corpus: rows})
            print(f"\nextra corpus {corpus}, the same targets on its held-back half (not issue 12's): "
                  + (f"{len(extra)} missed" if extra else "all met"))
            for miss in extra:
                print(f"  {miss}")
