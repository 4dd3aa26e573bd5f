"""Benchmark: ``khabar replay`` start-up on a store of many WARC files, each with its CDXJ beside it.

    .venv/bin/python bench/replay_start.py [--warcs 10000] [--keep DIR]

Generates a store of small WARC files (one article response, its text resource, a revisit in every
third file; ``tests/support/many_warcs.py``) with the CDXJ ``cdxj-indexer`` writes beside each, as a
crawl leaves them, then times what ``khabar replay`` does before pywb starts (``build_index``):

- cold: no replay state yet (every CDXJ read and merged, no WARC opened);
- warm: the same store again (nothing changed: only sizes and modification times are compared);
- one new file: a crawl added one WARC (every CDXJ merged again, still no WARC opened);
- old way: for comparison, every WARC checked record by record (what a start without CDXJ trust did).

Prints seconds for each. Numbers only; no assertion (benchmarks are not tests). pywb's own start
(about 2 s, whatever the store) comes after this and is not timed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.archive.reading import open_key  # noqa: E402
from crawler.replay.check import check_warc  # noqa: E402
from crawler.replay.index import build_index  # noqa: E402
from crawler.storage import LocalStore  # noqa: E402
from crawler.storage.layout import replay_state_dir  # noqa: E402
from tests.support.many_warcs import write_many_warcs  # noqa: E402

NO_PYWB = Path("/nonexistent/pywb/bin/python")  # cdxj-indexer is needed only for WARCs without a CDXJ


def _timed_start(store: LocalStore) -> tuple[float, int, bool]:
    started = time.perf_counter()
    index = build_index(store, replay_state_dir(store), NO_PYWB)
    return time.perf_counter() - started, index.captures, index.reused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warcs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="generate the store here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="khabar-replay-bench-"))
    try:
        root = folder / "store"
        began = time.perf_counter()
        paths = write_many_warcs(root, args.warcs + 1)
        extra = paths.pop()  # the "one new file", held back
        held = folder / extra.name
        extra.rename(held)
        cdxj = extra.with_name(extra.name.removesuffix(".warc.gz") + ".cdxj")
        held_cdxj = folder / cdxj.name
        cdxj.rename(held_cdxj)
        size = sum(p.stat().st_size for p in paths)
        print(f"generated {len(paths)} WARC files ({size / 1e6:.1f} MB) with their CDXJ in {time.perf_counter() - began:.1f} s")
        store = LocalStore(root)
        cold, captures, _ = _timed_start(store)
        print(f"cold start (no replay state):       {cold:6.2f} s  {captures} captures indexed")
        warm, _, reused = _timed_start(store)
        print(f"warm start (nothing changed):       {warm:6.2f} s  index kept as it was: {reused}")
        held.rename(extra)
        held_cdxj.rename(cdxj)
        one, captures, _ = _timed_start(store)
        print(f"start after one new WARC:           {one:6.2f} s  {captures} captures")
        started = time.perf_counter()
        for path in paths:
            key = path.relative_to(root).as_posix()
            with open_key(store, key) as handle:
                check_warc(key, handle, str(path))
        print(f"old way, every WARC checked:        {time.perf_counter() - started:6.2f} s  (before the CDXJ merge)")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
