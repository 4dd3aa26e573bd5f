"""Benchmark: a crawl's start-up, from ``exec`` to its first request and its first article request, on the heavy
outlet (``bench/heavy_outlet.py``), with the CPU each part of the crawl spent by then.

    .venv/bin/python bench/start_up.py [--pages N] [--runs R] [--site DIR] [--cores 1,2] [--max-articles N]
                                       [--profile OUT.prof] [--top N]

Per core count (the crawl pinned with ``taskset`` to one core, then two; the outlet's server on the last CPU),
the median of R crawls of:

* wall seconds from the start of the crawl's command to its first request (robots.txt) and to its first article
  request (from the outlet's request log);
* CPU seconds of the crawl process up to its first request, taken at the very moment it connects to the outlet (an
  audit hook on ``socket.connect``, this script running the crawl as ``bench/cpu_profile.py`` does), and of the
  extraction workers' processes (the forkserver and the workers) by then: on one core they share that CPU;
* the same CPU at the first article request, sampled from ``/proc`` every 10 ms (so give or take a sample).

With ``--profile OUT.prof``: one more crawl on one core, its process under cProfile on a CPU-time clock from ``exec``
to its first request, saved and its top functions (cumulative) printed. On a shared machine wall seconds count others'
load: compare the CPU seconds.

Numbers only; no assertion (benchmarks are not tests). Nothing leaves loopback.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import threading
import time
from pathlib import Path
from typing import Any

# the crawl process runs this module too (``--child``): what only the bench needs is imported in ``main``, so that
# the crawl's start-up is measured with no more modules than ``python -m crawler.cli`` has

ROOT = Path(__file__).resolve().parents[1]
_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    found = []
    for task in tasks:
        try:
            found += [int(child) for child in (task / "children").read_text(encoding="ascii").split()]
        except OSError:
            continue
    return found


def _descendants_cpu(pid: int) -> float:
    """CPU seconds of every process below ``pid`` (its own reaped children included in theirs)."""
    total, todo = 0.0, _children(pid)
    while todo:
        child = todo.pop()
        if (fields := _stat(child)) is not None:
            total += sum(int(value) for value in fields[11:15]) / _TICK
        todo.extend(_children(child))
    return total


# -- inside the crawl process -----------------------------------------------------------------------------------
def _run_crawl(out: str, port: int, profile: str | None, module: str) -> None:
    """Run ``module`` as ``__main__``; at its first connection to ``port``, write what it spent to ``out``."""
    import cProfile

    profiler = cProfile.Profile(time.process_time) if profile else None
    os.environ.pop("PYTHONPROFILEIMPORTTIME", None)  # -X importtime of this process only, not of its workers
    seen = threading.Event()

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event != "socket.connect" or seen.is_set():
            return
        address = args[1]
        if not (isinstance(address, tuple) and len(address) >= 2 and address[1] == port):
            return
        seen.set()
        if profiler is not None and profile:
            profiler.disable()
            profiler.dump_stats(profile)
        Path(out).write_text(json.dumps({
            "at": time.monotonic(), "cpu": time.process_time(), "thread_cpu": time.thread_time(),
            "helpers_cpu": _descendants_cpu(os.getpid()), "threads": threading.active_count(),
            "rss_mb": int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20,
            "modules": len(sys.modules), "module_names": sorted(sys.modules)}), encoding="utf-8")

    sys.addaudithook(hook)
    if profiler is not None:
        profiler.enable()
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        if profiler is not None:
            profiler.disable()


# -- the bench --------------------------------------------------------------------------------------------------
def _taskset(cpus: list[int]) -> list[str]:
    import shutil

    return ["taskset", "-c", ",".join(map(str, cpus))] if shutil.which("taskset") else []


class _Sampler(threading.Thread):
    """(monotonic, crawl process CPU, its descendants' CPU) every 5 ms while the crawl runs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.done = pid, [], threading.Event()
        self.samples: list[tuple[float, float, float]]

    def run(self) -> None:
        while not self.done.wait(0.01):
            fields = _stat(self.pid)
            if fields is None:
                return
            self.samples.append((time.monotonic(), (int(fields[11]) + int(fields[12])) / _TICK,
                                 _descendants_cpu(self.pid)))

    def at(self, when: float) -> tuple[float, float]:
        before = [s for s in self.samples if s[0] <= when]
        return before[-1][1:] if before else (0.0, 0.0)


def crawl(outlet: Any, cpus: list[int], profile: str | None = None, extra: tuple[str, ...] = ()) -> dict[str, float]:
    import subprocess
    import tempfile

    from heavy_outlet import OUTLET_ID

    port = int(outlet.base_url.rsplit(":", 1)[1])
    with tempfile.TemporaryDirectory(prefix="khabar-start-up-") as tmp:
        out = Path(tmp) / "first.json"
        cmd = [*_taskset(cpus), sys.executable, str(Path(__file__)), "--child", str(out), str(port),
               profile or "", "crawler.cli", "crawl", OUTLET_ID, "--catalog-extra", str(outlet.catalog_path),
               "--store", str(Path(tmp) / "store"), "--log-level", "WARNING", *extra]
        outlet.clear_log()
        started = time.monotonic()
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 stdin=subprocess.DEVNULL)
        sampler = _Sampler(child.pid)
        sampler.start()
        stdout, stderr = child.communicate()
        sampler.done.set()
        if child.returncode != 0:
            sys.exit(f"the crawl failed (exit {child.returncode}):\n{stdout[-2000:]}\n{stderr[-3000:]}")
        first = json.loads(out.read_text(encoding="utf-8"))
    requests = outlet.requests()
    article = next(when for when, path in requests if path.endswith("-article.html"))
    crawl_cpu, helpers_cpu = sampler.at(article)
    return {"first_request": requests[0][0] - started, "first_article": article - started,
            "cpu": first["cpu"], "thread_cpu": first["thread_cpu"], "helpers_cpu": first["helpers_cpu"],
            "article_cpu": crawl_cpu, "article_helpers_cpu": helpers_cpu, "modules": first["modules"],
            "rss_mb": first["rss_mb"]}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        out, port, profile, module = sys.argv[2:6]
        sys.argv = [module, *sys.argv[6:]]
        sys.path[0] = os.getcwd()  # as ``python -m`` has it
        _run_crawl(out, int(port), profile or None, module)
        return
    import argparse
    import pstats
    import statistics

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3, help="crawls per core count (0: none)")
    parser.add_argument("--site", type=Path, help="keep the generated pages in this folder between runs")
    parser.add_argument("--profile", help="also profile one crawl on one core up to its first request, into this file")
    parser.add_argument("--top", type=int, default=25, help="with --profile: the N functions of most cumulative time")
    parser.add_argument("--cores", default="1,2", help="the core counts to run the crawl on (default 1,2)")
    parser.add_argument("--max-articles", type=int, help="end each crawl after N articles (start-up alone: quicker)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from heavy_outlet import HeavyOutlet

    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})  # the bench's own sampling beside the outlet's server, off the crawl's core
    with HeavyOutlet(pages=args.pages, cpus={cpus[-1]}, folder=args.site) as outlet:
        for count in map(int, args.cores.split(",")):
            label, chosen = ("one core" if count == 1 else f"{count} cores"), cpus[:count]
            extra = ("--max-articles", str(args.max_articles)) if args.max_articles else ()
            runs = [crawl(outlet, chosen, extra=extra) for _ in range(args.runs)]
            if not runs:
                break
            median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            print(f"{label:9}: first request after {median['first_request']:.2f} s (runs: "
                  + ", ".join(f"{r['first_request']:.2f}" for r in runs) + f"), first article after "
                  f"{median['first_article']:.2f} s (" + ", ".join(f"{r['first_article']:.2f}" for r in runs) + ")")
            print(f"           CPU by the first request: crawl process {median['cpu']:.3f} s (its main thread "
                  f"{median['thread_cpu']:.3f} s; {median['modules']:.0f} modules, {median['rss_mb']:.0f} MB resident), extraction "
                  f"workers and forkserver "
                  f"{median['helpers_cpu']:.2f} s; by the first article: {median['article_cpu']:.2f} s and "
                  f"{median['article_helpers_cpu']:.2f} s (sampled)")
        if args.profile:
            crawl(outlet, cpus[:1], profile=args.profile, extra=extra)
            stats = pstats.Stats(args.profile)
            stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
