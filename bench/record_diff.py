"""Did a speed change alter what is recorded? `extract_article` on every page of the real corpora and of the
heavy outlet, saved, then compared field by field with a saved run (and its CPU time per page set).

    .venv/bin/python bench/record_diff.py --save before.pickle [--corpus NAME=PATH ...] [--heavy N] [--jobs J]
    .venv/bin/python bench/record_diff.py --save after.pickle --against before.pickle [...]

``--corpus`` takes the NAME=PATH of bench/real_quality.py (default: every corpus found under /work/corpora);
``--heavy N`` adds pages 0..N-1 of bench/heavy_outlet.py (generated in memory, default 120). The saved file
holds each page's `ExtractOutcome` as JSON-ready values (a Rejected as its reason and detail) and the CPU time
(``time.process_time``) of the call. With ``--against``: per set, how many pages differ, how many differ in
each field, and the first differing pages with both values (``--show N``). Numbers only; it exits 0.

The clock the extractor reads (``now``) moves between runs: both runs on the same day compare equal.
The CPU column is loose with ``--jobs 2`` on a loaded machine (two busy processes on two cores slow each
other's CPU time too); quote speed from one process, interleaving the versions compared.
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench.quality.corpora import READERS, Page  # noqa: E402

HEAVY_BASE = "http://127.0.0.1:8000"
Item = tuple[str, str, str, Path | int]  # (set, page id, url, path or heavy page number)


def _items(corpora: dict[str, Path], heavy: int) -> list[Item]:
    items: list[Item] = []
    for name, path in corpora.items():
        items += [(name, p.id, p.url, p.path) for p in READERS[name](path) if isinstance(p, Page)]
    if heavy:
        from heavy_outlet import article_path

        items += [("heavy", str(n), HEAVY_BASE + article_path(n), n) for n in range(heavy)]
    return items


def _body(source: Path | int, heavy: int) -> bytes:
    if isinstance(source, int):
        from heavy_outlet import page

        return page(source, max(heavy, 1000))
    data = source.read_bytes()  # aeb and fundus keep their pages gzipped, as Page.html() reads them
    return gzip.decompress(data) if source.suffix == ".gz" else data


def _run(args: tuple[Item, int]) -> tuple[str, str, dict[str, Any], float]:
    (name, page_id, url, source), heavy = args
    from crawler.extract import extract_article
    from crawler.extract.outcome import Rejected

    body = _body(source, heavy)
    started = time.process_time()
    try:
        outcome = extract_article(body, url, "text/html")
    except Exception as err:  # noqa: BLE001 - a crash is a difference like any other
        return name, page_id, {"raised": f"{type(err).__name__}: {err}"}, time.process_time() - started
    cpu = time.process_time() - started
    values = {"rejected": outcome.to_json()} if isinstance(outcome, Rejected) else outcome.to_json()
    return name, page_id, values, cpu


def _warm() -> None:
    """Imports and lazy models (dateparser, langid) before the first timed page, as a long-lived worker has them."""
    from heavy_outlet import article_path, page

    from crawler.extract import extract_article

    for n in range(3):
        extract_article(page(n, 1000), HEAVY_BASE + article_path(n), "text/html")


def collect(corpora: dict[str, Path], heavy: int, jobs: int) -> dict[str, Any]:
    work = [(item, heavy) for item in _items(corpora, heavy)]
    if jobs <= 1:
        _warm()
        results = [_run(w) for w in work]
    else:
        with Pool(jobs, initializer=_warm) as pool:
            results = pool.map(_run, work, chunksize=8)
    return {"records": {(n, i): v for n, i, v, _ in results}, "cpu": {(n, i): c for n, i, _, c in results}}


def compare(before: dict[str, Any], after: dict[str, Any], show: int) -> None:
    sets = sorted({name for name, _ in after["records"]})
    shown = 0
    for name in sets:
        keys = [k for k in after["records"] if k[0] == name]
        missing = [k for k in keys if k not in before["records"]]
        fields: Counter[str] = Counter()
        pages = 0
        for key in keys:
            if key in missing:
                continue
            old, new = before["records"][key], after["records"][key]
            changed = sorted(f for f in set(old) | set(new) if old.get(f) != new.get(f))
            if changed:
                pages += 1
                fields.update(changed)
                for f in changed:
                    if shown < show:
                        shown += 1
                        print(f"  {name}/{key[1]} {f}:\n    before {_short(old.get(f))}\n    after  {_short(new.get(f))}")
        print(f"{name:12} {len(keys):5d} pages, {pages:4d} differ"
              + (f" ({', '.join(f'{f} {n}' for f, n in fields.most_common())})" if fields else "")
              + (f"; {len(missing)} not in the saved run" if missing else ""))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 300 else text[:300] + f"... ({len(text)} chars)"


def cpu_table(run: dict[str, Any], label: str, against: dict[str, Any] | None) -> None:
    for name in sorted({n for n, _ in run["cpu"]}):
        values = [c for (n, _), c in run["cpu"].items() if n == name]
        line = f"{label} {name:12} {len(values):5d} pages, CPU {1000 * sum(values) / len(values):7.2f} ms a page"
        if against is not None:
            old = [c for (n, _), c in against["cpu"].items() if n == name]
            if old:
                line += f" (saved run {1000 * sum(old) / len(old):7.2f})"
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, required=True, help="where this run's records go (pickle)")
    parser.add_argument("--against", type=Path, help="a saved run to compare with")
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--heavy", type=int, default=120, help="heavy-outlet pages (default 120)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--show", type=int, default=20, help="differing fields printed with both values")
    parser.add_argument("--compare-only", action="store_true", help="compare --save with --against, run nothing")
    args = parser.parse_args(argv)
    if args.compare_only:
        after = pickle.loads(args.save.read_bytes())
    else:
        corpora = {n: Path(p) for n, _, p in (c.partition("=") for c in args.corpus)} or {
            n: Path("/work/corpora") / n for n in READERS if (Path("/work/corpora") / n).is_dir()}
        after = collect(corpora, args.heavy, args.jobs)
        args.save.write_bytes(pickle.dumps(after))
    before = pickle.loads(args.against.read_bytes()) if args.against else None
    cpu_table(after, "run", before)
    if before is not None:
        compare(before, after, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
