"""Benchmark: memory over a long crawl at real page weight.

    .venv/bin/python bench/soak.py [--pages N] [--interval S] [--workers W]

Crawls ``bench/heavy_outlet.py`` in live mode (every page made on request: 100–300 KB, about 170 KB on
average, unique text) with ``khabar crawl`` and samples, every few seconds, the resident memory of each
process of the crawl's tree (the crawl process, its extraction workers, a browser if one starts) from
/proc, beside the number of article pages served so far. Printed: a line per sample every tenth of the run,
then per process kind the peak, the resident memory at 10 % and at the end of the run, and the growth per
10,000 pages (least-squares slope over the second half of the run, after start-up and warm caches), and the
whole tree's peak. 100,000 pages take hours on this machine: pass a fraction (the default is 20,000) and
read the slope as the extrapolation it is.

Numbers only; no assertion (benchmarks are not tests). Nothing leaves loopback.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between samples")
    parser.add_argument("--workers", type=int, help="extraction processes (default: Khabar's)")
    args = parser.parse_args()
    samples: list[tuple[float, int, dict[str, float], float]] = []  # (time, pages, kind -> MB, tree MB)
    with HeavyOutlet(pages=args.pages, live=True) as outlet, tempfile.TemporaryDirectory(prefix="khabar-soak-") as tmp:
        cmd = [sys.executable, "-m", "crawler.cli", "crawl", OUTLET_ID, "--catalog-extra", str(outlet.catalog_path),
               "--store", str(Path(tmp) / "store"), "--log-level", "WARNING"]
        if args.workers is not None:
            cmd += ["--workers", str(args.workers)]
        started = time.monotonic()
        with open(Path(tmp) / "crawl.log", "w") as log:
            process = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            next_report = 0.0
            while process.poll() is None:
                time.sleep(args.interval)
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
                if served >= next_report:
                    print(f"{samples[-1][0]:7.0f} s {served:7d} pages  tree {tree:6.0f} MB  "
                          + "  ".join(f"{k} {v:.0f} MB" for k, v in sorted(per_kind.items())), flush=True)
                    next_report = served + args.pages / 10
            process.wait()
        if process.returncode != 0:
            sys.exit(f"the crawl failed (exit {process.returncode}); its output: {Path(tmp) / 'crawl.log'}")
    if not samples:
        sys.exit("no sample taken: the crawl ended within the first interval")
    total = samples[-1][1]
    wall = samples[-1][0]
    print(f"\n{total} article pages in {wall:.0f} s ({total / wall:.1f} pages/s); {len(samples)} samples")
    second_half = [s for s in samples if s[1] >= total / 2]
    for kind in sorted({k for s in samples for k in s[2]}):
        series = [(s[1], s[2][kind]) for s in samples if kind in s[2]]
        early = next((mb for pages, mb in series if pages >= total / 10), series[0][1])
        growth = _slope([(s[1], s[2][kind]) for s in second_half if kind in s[2]])
        print(f"  {kind:18} peak {max(mb for _, mb in series):6.0f} MB; at 10 % {early:6.0f} MB, at the end "
              f"{series[-1][1]:6.0f} MB; growth {growth:+.1f} MB per 10,000 pages (second half)")
    print(f"  {'whole tree':18} peak {max(s[3] for s in samples):6.0f} MB; growth "
          f"{_slope([(s[1], s[3]) for s in second_half]):+.1f} MB per 10,000 pages (second half)")


if __name__ == "__main__":
    main()
