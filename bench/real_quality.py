"""Khabar's article records against trafilatura on real pages labelled by others, per corpus and half.

    .venv/bin/python bench/real_quality.py --corpus readability=PATH --corpus newspaper4k=PATH \\
        --corpus htmldate=PATH --corpus trafilatura=PATH [--corpus aeb=PATH --corpus fundus=PATH \\
        --corpus postlight=PATH] \\
        [--half tune|held-back] [--losses FIELD] [--jobs N]

PATH is a local checkout of mozilla/readability, AndyTheFactory/newspaper4k, adbar/htmldate or
adbar/trafilatura, the four corpora issue 12 names, or of two more that widen the tune signal:
scrapinghub/article-extraction-benchmark (181 pages, body) and flairNLP/fundus (its parser test pages: title,
authors, date, body of about 250 articles from 40 countries), and postlight/parser (Mercury's test fixtures:
title, author, date, first words of the body of 156 pages, a seventh corpus outside issue 12's targets,
whose misses print apart). The corpora are read where they are; nothing of them enters this repository. Without
any --corpus the command says which corpora it can read and exits 0.

Every page goes to Khabar (`crawler.extract.extract_article`, the function the crawl and `khabar extract`
use) and to trafilatura (`bare_extraction(with_metadata=True)`) in the same run; on the date corpus also to
htmldate (`find_date(original_date=True)`), the date reference. Scores per field (bench/quality/scoring.py):
title exact, authors F1, date to the day, body F1 over 4-word shingles or snippet hits, language. One table
per corpus and half (sha256(page id) first byte even = tune, odd = held-back: rules are tuned on the tune
half, the held-back half is the result), with the pages Khabar loses to trafilatura counted per field;
`--losses FIELD` lists them. Last, the issue-12 targets the held-back halves miss, a line each (below
trafilatura, authors under .90, title under .88, body less than .01 over trafilatura, dates under htmldate). A page whose labels are missing or malformed is reported and skipped; a page
that makes an extractor raise is a counted failure (scored 0) with its id. After each table, the half's label
conventions (bench/quality/conventions.py), for the labels and for Khabar's answers on the same pages: the share
of titles equal to the page's <h1>, og:title, JSON-LD headline, <title> whole and <title> less the site's part;
of titles equal to one of these, to one but for case, elsewhere in the source, nowhere; where the <h1> and
og:title (or the JSON-LD headline) differ, how many follow each; then the title exact score and the attainable
one (Khabar's title also counted right where it is one of the page's headlines and the label one of its
variants: the score against whichever of its own headlines the corpus picks). For authors, the share of names
printed in the text, in metadata only (JSON-LD, <meta>), elsewhere in the source only, absent, and that are the
site's name; and the pages labelled with no author where Khabar gives a printed name. Shares only: no page is
named, so the held-back half's are printed too. On wcxb, whose index types every
page, the pages of other types (listings, collections, forums …) are given the crawl's record verdict too: how
many of each type it would record as articles, the false records a loosened verdict would add. Then, per half, the pages that declare
French or Arabic in their `<html lang>` (or each `--language LANG`) pooled over every corpus measured: the press
Khabar is built for is a few dozen pages scattered over corpora that are mostly English and German. Numbers only:
it exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quality.conventions import print_conventions  # noqa: E402
from bench.quality.corpora import READERS, TUNE, Page, Skipped, Typed, read_wcxb_non_articles  # noqa: E402
from bench.quality.report import (  # noqa: E402
    HALVES,
    Row,
    print_false_records,
    print_languages,
    print_losses,
    print_table,
    print_targets,
    run,
    verdicts,
)
from bench.quality.scoring import FIELDS  # noqa: E402

LANGUAGES = ("fr", "ar")


def parse_corpora(values: list[str]) -> tuple[dict[str, Path], list[str]]:
    chosen, problems = {}, []
    for value in values:
        name, _, path = value.partition("=")
        if name not in READERS or not path:
            problems.append(f"--corpus {value!r}: expected NAME=PATH with NAME one of {', '.join(READERS)}")
        elif not Path(path).is_dir():
            problems.append(f"--corpus {name}: {path} is not a folder (clone the corpus there, or fix the path)")
        else:
            chosen[name] = Path(path)
    return chosen, problems


def load(name: str, path: Path, half: str | None, limit: int | None) -> tuple[list[Page], list[Skipped]]:
    pages: list[Page] = []
    skipped: list[Skipped] = []
    for item in READERS[name](path):
        if isinstance(item, Skipped):
            skipped.append(item)
        elif half is None or item.half == half:
            pages.append(item)
    return pages[:limit] if limit else pages, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=PATH", help="a corpus checkout")
    parser.add_argument("--half", choices=HALVES, help="score one half only (tuning: --half tune)")
    parser.add_argument("--losses", choices=FIELDS, action="append", default=[], help="list the pages lost on FIELD")
    parser.add_argument("--limit", type=int, help="at most N pages per corpus (a quick look)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--language", action="append", metavar="LANG", help=(
        "also pool the pages declaring LANG in <html lang> over every corpus (default: fr and ar, the press "
        "Khabar is built for; --language none for no pooled table)"))
    args = parser.parse_args(argv)
    chosen, problems = parse_corpora(args.corpus)
    for problem in problems:
        print(f"skipped: {problem}")
    missing = [name for name in READERS if name not in chosen]
    if missing:
        print(f"not measured (no --corpus NAME=PATH given): {', '.join(missing)}")
    results = {name: measure(name, path, args) for name, path in chosen.items()}
    print_languages(results, [code.lower() for code in args.language or LANGUAGES if code.lower() != "none"])
    if results and args.half != TUNE:
        print_targets(results)
    return 0


def measure(name: str, path: Path, args: argparse.Namespace) -> list[Row]:
    pages, skipped = load(name, path, args.half, args.limit)
    for item in skipped:
        print(f"{name}: skipped {item.id}: {item.reason}")
    started = time.perf_counter()
    rows = run(pages, args.jobs)
    print(f"\n== {name} ({path}): {len(pages)} pages scored in {time.perf_counter() - started:.0f} s")
    for row in rows:
        for extractor, outcome in row.outcomes.items():
            if outcome.error:
                print(f"{name}: {extractor} failed on {row.page.id}: {outcome.error}")
    for half in HALVES:
        half_rows = [row for row in rows if row.page.half == half]
        if half_rows:
            print_table(name, half, half_rows, sum(1 for s in skipped if _half(s.id) == half))
            print_conventions(name, half, [row.conventions for row in half_rows if row.conventions is not None])
    if name == "wcxb":
        measure_non_articles(path, args)
    for field_name in args.losses:
        print(f"\n{name}: pages where Khabar loses to trafilatura on {field_name}")
        print_losses(rows, field_name)
    return rows


def measure_non_articles(path: Path, args: argparse.Namespace) -> None:
    """wcxb types every page: its listings, forums, product pages … the crawl would record as articles."""
    typed: list[Typed] = []
    for item in read_wcxb_non_articles(path):
        if isinstance(item, Skipped):
            print(f"wcxb: skipped non-article {item.id}: {item.reason}")
        elif args.half is None or item.page.half == args.half:
            typed.append(item)
    typed = typed[:args.limit] if args.limit else typed
    found = verdicts(typed, args.jobs)
    for half in HALVES:
        half_found = [f for t, f in zip(typed, found, strict=True) if t.page.half == half]
        if half_found:
            print_false_records("wcxb", half, half_found)


def _half(page_id: str) -> str:
    from bench.quality.corpora import half_of

    return half_of(page_id)


if __name__ == "__main__":
    sys.exit(main())
