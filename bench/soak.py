"""Benchmark: memory over a long crawl at real page weight.

    .venv/bin/python bench/soak.py [--pages N] [--interval S] [--workers W]

Crawls ``bench/heavy_outlet.py`` in live mode (every page made on request: 100–300 KB, about 170 KB on
average, unique text) with ``khabar crawl`` and samples, every few seconds, the resident memory of each
process of the crawl's tree (the crawl process, its extraction workers, a browser if one starts) from
/proc, beside the number of article pages served so far. Printed: a line per sample every tenth of the run,
then per process kind the peak, the resident memory at 10 % and at the end of the run, and the growth per
10,000 pages (least-squares slope over the second half of the run, after start-up and warm caches), and the
whole tree's peak, and how far the end lies from the figure at 10 %. 100,000 pages take hours on this machine: pass
a fraction (the default is 20,000), or ``--pages 100000 --max-minutes M`` to stop after M minutes; the report then
says that its figures were measured only so far and prints them extrapolated to ``--pages``, marked as such.

``--trace DIR`` is a diagnosis: the crawl runs under tracemalloc (``bench/traced_crawl.py``) and the report ends with
what grew in the crawl process between two snapshots, per 10,000 pages, by allocation site and by object type.

Numbers only; no assertion (benchmarks are not tests). Nothing leaves loopback.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from heavy_outlet import OUTLET_ID, HeavyOutlet  # noqa: E402

PAGE = 4096


def _tree(root: int) -> dict[int, str]:
    """pid -> kind ('crawl', 'extraction worker', 'browser', 'other') of ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        pid = int(stat.parent.name)
        name = text[text.index("(") + 1:text.rindex(")")]
        ppid = int(text[text.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(pid)
        names[pid] = name
    kinds: dict[int, str] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        name = names.get(pid, "")
        kinds[pid] = ("crawl" if pid == root else "browser" if "chrom" in name or "headless" in name
                      else "extraction worker" if name.startswith("python") else "other")
        stack.extend(children.get(pid, []))
    return kinds


def _rss_mb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def _slope(points: list[tuple[int, float]]) -> float:
    """MB per 10,000 pages, least squares."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    return 0.0 if var == 0 else 10_000 * sum((x - mean_x) * (y - mean_y) for x, y in points) / var


def _percent(value: float, reference: float) -> str:
    return f"{100 * (value - reference) / reference:+.1f} %" if reference else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between samples")
    parser.add_argument("--workers", type=int, help="extraction processes (default: Khabar's)")
    parser.add_argument("--trace", type=Path, metavar="DIR",
                        help="diagnosis: run the crawl under tracemalloc (bench/traced_crawl.py), a snapshot in DIR "
                             "every --trace-every seconds, and print where the crawl process grew between the snapshot "
                             "after 20 %% of the pages and the last one (the RSS figures are then not the crawl's)")
    parser.add_argument("--trace-every", type=float, default=120.0)
    parser.add_argument("--max-minutes", type=float,
                        help="stop the crawl (as Ctrl-C does) after this long and report on the pages crawled so far, "
                             "the figures at --pages then extrapolated and said so")
    args = parser.parse_args()
    samples: list[tuple[float, int, dict[str, float], float]] = []  # (time, pages, kind -> MB, tree MB)
    snapshot_pages: dict[Path, int] = {}  # --trace: the pages served when each snapshot was seen
    with HeavyOutlet(pages=args.pages, live=True) as outlet, tempfile.TemporaryDirectory(prefix="khabar-soak-") as tmp:
        runner = (["-m", "crawler.cli"] if args.trace is None
                  else [str(ROOT / "bench" / "traced_crawl.py"), str(args.trace), str(args.trace_every)])
        cmd = [sys.executable, *runner, "crawl", OUTLET_ID, "--catalog-extra", str(outlet.catalog_path),
               "--store", str(Path(tmp) / "store"), "--log-level", "WARNING"]
        if args.workers is not None:
            cmd += ["--workers", str(args.workers)]
        started = time.monotonic()
        with open(Path(tmp) / "crawl.log", "w") as log:
            process = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            next_report = 0.0
            stopped = False
            while process.poll() is None:
                time.sleep(args.interval)
                if args.max_minutes is not None and time.monotonic() - started > args.max_minutes * 60:
                    stopped = True  # what the tree does while it stops is not sampled
                    process.send_signal(signal.SIGINT)
                    try:
                        process.wait(timeout=600)
                    except subprocess.TimeoutExpired:
                        process.kill()
                    break
                served = sum(1 for _, path in outlet.requests() if path.endswith("-article.html"))
                per_kind: dict[str, float] = {}
                tree = 0.0
                for pid, kind in _tree(process.pid).items():
                    rss = _rss_mb(pid)
                    tree += rss
                    per_kind[kind] = max(per_kind.get(kind, 0.0), rss)  # the largest process of each kind
                if per_kind.get("crawl", 0.0) == 0.0:  # the crawl just ended: its tree is gone
                    break
                samples.append((time.monotonic() - started, served, per_kind, tree))
                if args.trace is not None:
                    for snapshot in sorted(args.trace.glob("snapshot-*.pickle")):
                        snapshot_pages.setdefault(snapshot, served)
                if served >= next_report:
                    print(f"{samples[-1][0]:7.0f} s {served:7d} pages  tree {tree:6.0f} MB  "
                          + "  ".join(f"{k} {v:.0f} MB" for k, v in sorted(per_kind.items())), flush=True)
                    next_report = served + args.pages / 10
            process.wait()
        if process.returncode != 0 and not stopped:
            sys.exit(f"the crawl failed (exit {process.returncode}); its output: {Path(tmp) / 'crawl.log'}")
    if not samples:
        sys.exit("no sample taken: the crawl ended within the first interval")
    total = samples[-1][1]
    wall = samples[-1][0]
    measured = "measured" if total >= args.pages else f"MEASURED to {total} pages only (stopped after --max-minutes)"
    print(f"\n{total} article pages in {wall:.0f} s ({total / wall:.1f} pages/s, wall time on this machine); "
          f"{len(samples)} samples; {measured}")
    at_target: dict[str, tuple[float, float]] = {}  # kind -> (MB at 10 % of the run, MB extrapolated to --pages)
    series_of = {kind: [(s[1], s[2][kind]) for s in samples if kind in s[2]] for kind in {k for s in samples for k in s[2]}}
    series_of["whole tree"] = [(s[1], s[3]) for s in samples]
    for kind in sorted(series_of, key=lambda k: (k == "whole tree", k)):
        series = series_of[kind]
        early = next((mb for pages, mb in series if pages >= total / 10), series[0][1])
        growth = _slope([point for point in series if point[0] >= total / 2])
        print(f"  {kind:18} peak {max(mb for _, mb in series):6.0f} MB; at 10 % {early:6.0f} MB, at the end "
              f"{series[-1][1]:6.0f} MB ({_percent(series[-1][1], early)} of the 10 % figure); growth "
              f"{growth:+.1f} MB per 10,000 pages (second half, measured)")
        at_target[kind] = (early, series[-1][1] + max(growth, 0.0) * (args.pages - total) / 10_000)
    if total < args.pages:
        print(f"  EXTRAPOLATED to {args.pages} pages (the end figure plus the second half's growth, if any, over the "
              f"{args.pages - total} pages not crawled):")
        for kind, (early, end) in at_target.items():
            print(f"    {kind:18} {end:6.0f} MB ({_percent(end, early)} of its figure at 10 % of the measured run)")
    if args.trace is not None:
        _trace_report(args.trace, snapshot_pages, total)


def _trace_report(folder: Path, snapshot_pages: dict[Path, int], total: int) -> None:
    """Where the traced crawl process grew: tracemalloc between the first snapshot after 20 % and the last one."""
    import json
    import tracemalloc

    taken = sorted(snapshot_pages.items())
    if len(taken) < 2:
        print(f"\n--trace: fewer than two snapshots in {folder}; lower --trace-every")
        return
    (first, first_pages) = next(((p, n) for p, n in taken if n >= total / 5), taken[0])
    last, last_pages = taken[-1]
    if last == first or last_pages <= first_pages:
        print(f"\n--trace: no two snapshots far enough apart in {folder}; lower --trace-every")
        return
    per = 10_000 / (last_pages - first_pages)
    print(f"\ntracemalloc, crawl process, {first.name} ({first_pages} pages) -> {last.name} ({last_pages} pages), "
          "growth per 10,000 pages:")
    old, new = tracemalloc.Snapshot.load(str(first)), tracemalloc.Snapshot.load(str(last))
    print(f"  traced total {sum(s.size for s in old.statistics('filename')) / 2**20:.1f} -> "
          f"{sum(s.size for s in new.statistics('filename')) / 2**20:.1f} MB")
    for stat in new.compare_to(old, "traceback")[:15]:
        if stat.size_diff <= 0:
            break
        print(f"  {stat.size_diff * per / 2**20:+7.2f} MB {stat.count_diff * per:+9.0f} blocks")
        for line in stat.traceback.format(limit=8, most_recent_first=True)[:8]:
            print("      " + line.strip())
    before = json.loads(first.with_name(first.name.replace("snapshot", "objects").replace(".pickle", ".json")).read_text())
    after = json.loads(last.with_name(last.name.replace("snapshot", "objects").replace(".pickle", ".json")).read_text())
    grown = sorted(((after[k] - before.get(k, 0)) * per, k) for k in after)[::-1][:15]
    print("  live objects per type (gc), growth per 10,000 pages: "
          + ", ".join(f"{name} {count:+.0f}" for count, name in grown if count > 0))


if __name__ == "__main__":
    main()
