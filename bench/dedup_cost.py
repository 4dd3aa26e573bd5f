"""Benchmark: what a second crawl of an unchanged outlet costs in bytes, thanks to revisit records.

    .venv/bin/python bench/dedup_cost.py [--outlets demo-wp demo-cms demo-bilingue]

Crawls the demo outlets three times into one store: a first crawl, a second one as operators run
it (incremental: only new or moved URLs, conditional requests), and a third with ``--full`` (every
page fetched again, unchanged payloads written as revisits). Prints the bytes each later crawl
wrote (WARC files, CDXJ indexes, article records) as a share of the first (target ≤ 5 %), and the
per-page cost of a revisit (request record + revisit record + index line). Numbers only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demo.process import running_demo_world  # noqa: E402
from crawler.storage.layout import STATE_DIR  # noqa: E402


def _sizes(store: Path) -> dict[Path, int]:
    return {p: p.stat().st_size for p in store.rglob("*") if p.is_file() and STATE_DIR not in p.parts}


def _crawl(store: Path, catalog: Path, outlets: list[str], *extra: str) -> None:
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", *outlets, "--store", str(store),
           "--catalog-extra", str(catalog), "--log-level", "WARNING", *extra]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"crawl failed:\n{result.stdout}\n{result.stderr[-2000:]}")


def _by_kind(files: dict[Path, int]) -> dict[str, int]:
    kinds = {"warc": 0, "cdxj": 0, "records": 0, "other": 0}
    for path, size in files.items():
        kind = "warc" if path.name.endswith(".warc.gz") else "cdxj" if path.suffix == ".cdxj" else \
            "records" if path.name.endswith(".jsonl.gz") else "other"
        kinds[kind] += size
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", nargs="+", default=["demo-wp", "demo-cms", "demo-bilingue"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-dedup-") as tmp, running_demo_world() as world:
        store = Path(tmp)
        _crawl(store, world.catalog_path, args.outlets)
        first = _sizes(store)
        _crawl(store, world.catalog_path, args.outlets)  # the default: incremental
        second = {p: s for p, s in _sizes(store).items() if p not in first}
        _crawl(store, world.catalog_path, args.outlets, "--full")  # every page fetched again
        third = {p: s for p, s in _sizes(store).items() if p not in first and p not in second}
        pages = sum(len(p.read_text().splitlines()) for p in third if p.suffix == ".cdxj")
    one = _by_kind(first)
    total_one = sum(one.values())
    print(f"first crawl:               {total_one:>9} bytes  (WARC {one['warc']}, CDXJ {one['cdxj']}, "
          f"records {one['records']}, other {one['other']})")
    for label, files in (("second crawl, incremental", second), ("second crawl, --full", third)):
        two = _by_kind(files)
        total = sum(two.values())
        print(f"{label + ':':26} {total:>9} bytes  (WARC {two['warc']}, CDXJ {two['cdxj']}, records {two['records']}, "
              f"other {two['other']}) = {100 * total / total_one:.1f} % of the first (target ≤ 5 %)")
    full = _by_kind(third)
    print(f"revisit overhead (--full): {(full['warc'] + full['cdxj']) / max(pages, 1):.0f} bytes per unchanged page "
          f"({pages} pages) against {one['warc'] / max(pages, 1):.0f} bytes of WARC per page in the first crawl")


if __name__ == "__main__":
    main()
