"""Benchmark: the whole crawl at real page weight against plain trafilatura, on one core and on two.

    .venv/bin/python bench/throughput.py [--pages N] [--runs R] [--profile] [--site DIR]

The outlet is ``bench/heavy_outlet.py`` (generated for the project: 100–300 KB pages, about 170 KB on
average, on which trafilatura takes 25–50 ms), served from its own process pinned to the last CPU. Printed:

* the crawl (``khabar crawl``, default settings, a fresh store each run) pinned with ``taskset`` to one core,
  then to two (median of R runs each): pages/s from the first article request to the end of the run, and
  over the whole wall time; the time from start to the first request; CPU seconds of the crawl and its
  extraction workers, and of the crawl process alone (``bench/cpu_profile.py``); peak RSS of the largest
  process;
* plain ``trafilatura.bare_extraction(with_metadata=True)`` on the very same pages, in a child pinned to one
  core, run just before each crawl (this machine's speed drifts by 20 % within minutes; a ratio is taken between
  a crawl and its own trafilatura run), and once in two children on two cores: pages/s and CPU ms a page;
* the ratios crawl / trafilatura-on-one-core (the targets are >= 0.90 on one core and >= 1.85 on two), per run and
  their median, and the ratio of CPU costs (trafilatura's CPU a page over the crawl's, workers included);
* with ``--profile``: one more crawl on one core with extraction in the crawl process (``--workers 0``) under
  cProfile, its CPU split by what the code does (fetch, WARC writing, article-or-not, extraction, record
  writing, dedup, discovery, other), measured by the profiler, not guessed;
* with ``--profile-workers``: the same split of the crawl process alone, extraction in its workers;
* with ``--trace``: one more crawl on two cores under ``bench/pipeline_trace.py``, and where its time went: the
  busy share of each CPU (``/proc/stat``, the whole machine: others' load included), the CPU the crawl process and
  each extraction worker had and the time they waited runnable for one (schedstat), how often the pool held fewer
  pages than it has workers (a starving worker), and how full Scrapy's scraper slot and downloader were.

Numbers only; no assertion (benchmarks are not tests). Nothing leaves loopback.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from heavy_outlet import OUTLET_ID, HeavyOutlet  # noqa: E402

TRAFILATURA_LOOP = r"""
import json, sys, time
import trafilatura
paths = json.loads(sys.argv[1])
pages = [open(p, "rb").read().decode("utf-8") for p in paths]
trafilatura.bare_extraction(pages[0], with_metadata=True)  # imports and lazy models, as a crawl has them warm
started, cpu = time.perf_counter(), time.process_time()
for page in pages:
    trafilatura.bare_extraction(page, with_metadata=True)
print(json.dumps({"pages": len(pages), "wall": time.perf_counter() - started, "cpu": time.process_time() - cpu}))
"""


def _children() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def _taskset(cpus: list[int]) -> list[str]:
    return ["taskset", "-c", ",".join(map(str, cpus))] if shutil.which("taskset") else []


def _cpu_ticks() -> dict[str, tuple[int, int]]:
    """(busy, total) clock ticks of each CPU since boot, from /proc/stat."""
    ticks = {}
    for line in Path("/proc/stat").read_text(encoding="ascii").splitlines():
        name, *values = line.split()
        if name.startswith("cpu") and name != "cpu":
            numbers = [int(v) for v in values]
            idle = numbers[3] + numbers[4]  # idle, iowait
            ticks[name] = (sum(numbers[:8]) - idle, sum(numbers[:8]))
    return ticks


def _process_cpu(pid: int | None) -> float:
    """CPU seconds a live process has spent (0 when it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def crawl(outlet: HeavyOutlet, cpus: list[int], *extra: str, python: list[str] | None = None) -> dict[str, Any]:
    """One crawl of the heavy outlet into a fresh store; timings from the outlet's own request log."""
    with tempfile.TemporaryDirectory(prefix="khabar-throughput-") as tmp:
        store, own_cpu = Path(tmp) / "store", Path(tmp) / "cpu.json"
        python = python or [sys.executable, str(ROOT / "bench" / "cpu_profile.py"), str(own_cpu)]
        cmd = [*_taskset(cpus), *python, "-m", "crawler.cli", "crawl", OUTLET_ID,
               "--catalog-extra", str(outlet.catalog_path), "--store", str(store), "--log-level", "WARNING", *extra]
        outlet.clear_log()
        cpu_before, _ = _children()
        ticks_before = _cpu_ticks()
        server_before = _process_cpu(outlet.pid)
        started = time.monotonic()
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        ended = time.monotonic()
        ticks_after = _cpu_ticks()
        server_cpu = _process_cpu(outlet.pid) - server_before
        cpu_after, maxrss = _children()
        if result.returncode != 0:
            sys.exit(f"the crawl failed (exit {result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
        requests = outlet.requests()
        articles = [when for when, path in requests if path.endswith("-article.html")]
        reports = list(store.glob(f"runs/*/{OUTLET_ID}.json"))
        report = json.loads(reports[0].read_text(encoding="utf-8")) if reports else {}
        own = json.loads(own_cpu.read_text(encoding="utf-8")) if own_cpu.exists() else {"self": 0.0}
        workers_cpu = float(own.get("forkserver", 0.0))
        switches = own.get("switches", [0, 0])
    if not articles:
        sys.exit("the crawl fetched no article page: is the heavy outlet served? (see the crawl's output)\n"
                 + result.stderr[-3000:])
    recorded = int(report.get("articles_new", 0)) + int(report.get("articles_updated", 0))
    return {"articles": len(articles), "recorded": recorded, "wall": ended - started,
            "first_request": requests[0][0] - started, "first_article": articles[0] - started,
            "steady": len(articles) / (ended - articles[0]), "overall": len(articles) / (ended - started),
            "cpu": cpu_after - cpu_before, "crawl_cpu": own["self"], "voluntary_switches": switches[0],
            "involuntary_switches": switches[1], "workers_cpu": workers_cpu, "server_cpu": server_cpu, "maxrss_mb": maxrss / 1024,
            "started": started, "ended": ended, "first_article_at": articles[0],
            "machine_busy": {name: (ticks_after[name][0] - ticks_before[name][0])
                             / max(1, ticks_after[name][1] - ticks_before[name][1]) for name in ticks_after}}


def trace(outlet: HeavyOutlet, cpus: list[int], keep: Path | None = None) -> None:
    """One crawl under ``bench/pipeline_trace.py``: where its pages waited, printed (see the module's docstring)."""
    with tempfile.TemporaryDirectory(prefix="khabar-trace-") as tmp:
        out = Path(tmp) / "trace.json"
        run = crawl(outlet, cpus, python=[sys.executable, str(ROOT / "bench" / "pipeline_trace.py"), str(out)])
        data = json.loads(out.read_text(encoding="utf-8"))
        if keep:
            keep.write_text(json.dumps({**data, "run": run}), encoding="utf-8")
    begin, end = run["first_article_at"], run["ended"]
    samples = [s for s in data["samples"] if begin <= s[0] <= end]
    procs = [p for p in data["procs"] if begin <= p["t"] and p.get("workers")]  # once the pool has its workers
    print(f"trace of one crawl on {len(cpus)} cores ({run['steady']:.1f} pages/s from the first article request); "
          f"machine busy over the run (everyone's load): "
          + ", ".join(f"{name} {100 * share:.0f} %" for name, share in sorted(run["machine_busy"].items())))
    if len(procs) >= 2:
        first, last = procs[0], procs[-1]
        span = (last["t"] - first["t"]) * 1e9
        rows = [("crawl process", first["crawl"], last["crawl"])]
        rows += [(f"worker {i}", a, b) for i, (a, b) in enumerate(zip(first.get("workers", []),
                                                                     last.get("workers", []), strict=False))]
        ran = waited = 0.0
        for name, a, b in rows:
            ran, waited = ran + (b[0] - a[0]), waited + (b[1] - a[1])
            print(f"  {name:14} on a CPU {100 * (b[0] - a[0]) / span:5.1f} % of the time, runnable and waiting for "
                  f"one {100 * (b[1] - a[1]) / span:5.1f} % (threads summed)")
        print(f"  all of them: {ran / span:.2f} CPUs used of {len(cpus)}, {waited / span:.2f} more wanted "
              f"(runnable, waiting); {1000 * ran / 1e9 / max(1, run['articles']):.2f} ms CPU an article over "
              f"{(last['t'] - first['t']):.1f} s")
    if data.get("first_done") is not None:
        print(f"  first page back from the pool {data['first_done'] - begin:.2f} s after the first article request; "
              f"after the last one, {data['module_returned'] - data['last_done']:.2f} s to close the crawl "
              f"(WARC file, index, reports) and {end - data['module_returned']:.2f} s to exit, one CPU at most")
    threads: dict[str, float] = {}
    for row in data["procs"]:  # a thread's last reading (the pool's threads end with it)
        for name, ns in row.get("threads", {}).items():
            threads[name] = ns / 1e9
    if threads:
        print("  crawl process threads, CPU over the whole run: " + ", ".join(
            f"{name} {seconds:.2f} s" for name, seconds in sorted(threads.items(), key=lambda item: -item[1])))
    if samples:
        workers = max((p.get("pool_workers", 0) for p in data["procs"]), default=0)
        depth = [s[1] for s in samples]
        starving = sum(1 for d in depth if d < workers) / len(depth)
        print(f"  pages in the extraction pool ({workers} workers): fewer than {workers} in "
              f"{100 * starving:.0f} % of {len(depth)} samples (0: {100 * depth.count(0) / len(depth):.0f} %), "
              f"median {statistics.median(depth):.0f}, max {max(depth)}")
        print(f"  scraper slot: median {statistics.median(s[2] for s in samples):.0f} responses "
              f"({statistics.median(s[3] for s in samples) / 1e6:.1f} MB), above 5 MB (downloader stops) in "
              f"{100 * sum(1 for s in samples if s[3] > 5_000_000) / len(samples):.0f} %; downloader: median "
              f"{statistics.median(s[4] for s in samples):.0f} requests in flight, 0 in "
              f"{100 * sum(1 for s in samples if s[4] == 0) / len(samples):.0f} %")


def trafilatura_alone(outlet: HeavyOutlet, cpus: list[int]) -> dict[str, float]:
    """Plain trafilatura over the outlet's pages, one child per CPU, each on its share: pages/s and CPU ms a page."""
    paths = [str(path) for _, path in outlet.article_files()]
    children = []
    for index, cpu in enumerate(cpus):
        share = json.dumps(paths[index::len(cpus)])
        children.append(subprocess.Popen([*_taskset([cpu]), sys.executable, "-c", TRAFILATURA_LOOP, share],
                                         stdout=subprocess.PIPE, text=True))
    answers = [json.loads(child.communicate()[0]) for child in children]
    if any(child.returncode for child in children):
        sys.exit("trafilatura failed: is it installed in this environment? (scripts/bootstrap installs it)")
    pages = sum(a["pages"] for a in answers)
    return {"rate": pages / max(a["wall"] for a in answers), "cpu_ms": 1000 * sum(a["cpu"] for a in answers) / pages}


_CATEGORIES = [  # (category, what a profiled function's file path or name contains); the first match wins
    ("start-up (imports)", ("<frozen importlib", "marshal.loads", "create_dynamic", "builtins.compile",
                            "<built-in method builtins.exec>")),
    ("extraction", ("crawler/extract/", "trafilatura", "justext", "htmldate", "courlan", "py3langid", "lxml",
                    "lxml_html_clean", "dateparser", "charset_normalizer")),
    ("article-or-not", ("crawler/records/decision", "crawler/render/detect", "crawler/politeness/botwall")),
    ("WARC writing", ("crawler/warc/", "warcio", "cdxj", "zlib", "hashlib", "_sha1", "sha1")),
    ("record writing", ("crawler/records/", "pipelines/article_record", "pipelines/versioning", "json/", "gzip")),
    ("dedup (revisits, stories)", ("pipelines/story_dedup", "datasketch", "crawler/warc/dedup")),
    ("state files (SQLite)", ("sqlite3",)),
    ("discovery", ("crawler/discovery/", "spiders/", "feedparser")),
    ("fetch (Scrapy, Twisted, the tap)", ("scrapy", "twisted", "crawler/politeness", "OpenSSL", "select", "epoll",
                                          "socket", "asyncio")),
]


def profile(outlet: HeavyOutlet, top: int = 0, workers: bool = False) -> list[tuple[str, float]]:
    """CPU of one crawl (one core, extraction in the crawl process) split by category, from cProfile on a CPU-time
    clock (``bench/cpu_profile.py``: on a loaded machine a wall-clock profile counts the time others run).

    With ``workers``: the crawl with its extraction workers (on one core), its own process profiled, so what shows
    is the CPU the crawl process spends, extraction left out.

    A function's own time (tottime) goes to the category its file or name says; the time of a function that
    says nothing (a builtin such as ``str.join``, the standard library) goes to its callers' categories in
    proportion to the calls each made, up to a few levels up.
    """
    with tempfile.TemporaryDirectory(prefix="khabar-profile-") as tmp:
        out = Path(tmp) / "crawl.prof"
        crawl(outlet, [0], *(() if workers else ("--workers", "0")),
              python=[sys.executable, str(ROOT / "bench" / "cpu_profile.py"), str(out)])
        table = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    memo: dict[Any, dict[str, float]] = {}

    def shares(func: Any, depth: int) -> dict[str, float]:
        """How ``func``'s time divides among categories (fractions summing to 1)."""
        if func in memo:
            return memo[func]
        filename, _, name = func
        where = f"{filename} {name}"
        direct = next((category for category, marks in _CATEGORIES if any(m in where for m in marks)), None)
        if direct is not None or depth == 0:
            result = {direct or "other": 1.0}
        else:
            callers = table[func][4]
            weight = sum(entry[3] for entry in callers.values()) or 1.0
            result = {}
            for caller, entry in callers.items():
                if caller not in table:
                    continue
                for category, part in shares(caller, depth - 1).items():
                    result[category] = result.get(category, 0.0) + part * entry[3] / weight
            result = result or {"other": 1.0}
        memo[func] = result
        return result

    totals: dict[str, float] = {}
    heaviest: list[tuple[float, str, str]] = []
    for func, row in table.items():
        parts = shares(func, 4)
        for category, part in parts.items():
            totals[category] = totals.get(category, 0.0) + part * row[2]
        heaviest.append((row[2], max(parts, key=parts.__getitem__), f"{Path(func[0]).name}:{func[1]} {func[2]}"))
    for seconds, category, where in sorted(heaviest, reverse=True)[:top]:
        print(f"    {seconds:6.2f} s  {category:34} {where}")
    return sorted(totals.items(), key=lambda item: -item[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3, help="timed crawls per core count (0: none, profiles only)")
    parser.add_argument("--profile", action="store_true", help="also split one crawl's CPU by category (cProfile)")
    parser.add_argument("--profile-workers", action="store_true",
                        help="also profile the crawl process (CPU time) with its extraction workers on")
    parser.add_argument("--trace", action="store_true",
                        help="also trace one two-core crawl: per-CPU busy share, pool depth, scraper and downloader")
    parser.add_argument("--trace-json", type=Path, help="with --trace: keep the samples in this JSON file")
    parser.add_argument("--top", type=int, default=0, help="with --profile: list the N functions with most own time")
    parser.add_argument("--site", type=Path, help="keep the generated pages in this folder between runs")
    args = parser.parse_args()
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        print(f"note: only {len(cpus)} CPU here; the two-core figures are on one")
    one, two = [cpus[0]], cpus[:2]
    with HeavyOutlet(pages=args.pages, cpus={cpus[-1]}, folder=args.site) as outlet:
        sizes = [path.stat().st_size for _, path in outlet.article_files()]
        print(f"heavy outlet: {len(sizes)} article pages, {statistics.mean(sizes) / 1024:.0f} KB on average "
              f"({min(sizes) / 1024:.0f}–{max(sizes) / 1024:.0f} KB), served gzip-encoded at {outlet.base_url}")
        if args.runs:
            traf_two = trafilatura_alone(outlet, two)
            print(f"trafilatura alone on two cores: {traf_two['rate']:.1f} pages/s")
        for label, chosen in (("one core", one), ("two cores", two)):
            if args.runs < 1:
                break
            runs, trafs = [], []
            for _ in range(args.runs):  # each crawl paired with a trafilatura run just before it: the machine drifts
                trafs.append(trafilatura_alone(outlet, one))
                runs.append(crawl(outlet, chosen))
            median = {key: statistics.median(r[key] for r in runs) for key, value in runs[0].items()
                      if isinstance(value, int | float)}
            traf_rate = statistics.median(t["rate"] for t in trafs)
            traf_cpu = statistics.median(t["cpu_ms"] for t in trafs)
            crawl_cpu = 1000 * (median["crawl_cpu"] + median["workers_cpu"]) / median["articles"]
            print(f"trafilatura alone, one core, paired with these runs: {traf_rate:.1f} pages/s, {traf_cpu:.1f} ms "
                  f"CPU a page (per run: " + ", ".join(f"{t['rate']:.1f}" for t in trafs) + ")")
            print(f"crawl, {label:9}        {median['steady']:7.1f} pages/s from the first article request "
                  f"({median['overall']:.1f} over the wall time of {median['wall']:.1f} s); "
                  f"{median['articles']:.0f} fetched, {median['recorded']:.0f} recorded; first request after "
                  f"{median['first_request']:.2f} s, first article after {median['first_article']:.2f} s; "
                  f"CPU {median['cpu']:.1f} s, of which the crawl process {median['crawl_cpu']:.1f} s "
                  f"({1000 * median['crawl_cpu'] / median['articles']:.2f} ms an article), the extraction workers "
                  f"{median['workers_cpu']:.1f} s ({1000 * median['workers_cpu'] / median['articles']:.2f} ms), the "
                  f"outlet's server {1000 * median['server_cpu'] / median['articles']:.2f} ms (on the last CPU); peak RSS {median['maxrss_mb']:.0f} MB (largest process)")
            print(f"  crawl process context switches an article: {median['voluntary_switches'] / median['articles']:.1f} "
                  f"voluntary, {median['involuntary_switches'] / median['articles']:.1f} involuntary")
            print("  machine busy during the runs (every process's load, not only the crawl's): " + "; ".join(
                ", ".join(f"{name} {100 * share:.0f} %" for name, share in sorted(r["machine_busy"].items()))
                for r in runs))
            ratios = [r["steady"] / t["rate"] for r, t in zip(runs, trafs, strict=True)]
            print(f"  ratio to trafilatura on one core: {statistics.median(ratios):.2f} "
                  f"(target {'0.90' if label == 'one core' else '1.85'}); per run, each to its paired trafilatura run: "
                  + ", ".join(f"{ratio:.2f}" for ratio in ratios))
            print(f"  CPU an article, crawl process and workers together: {crawl_cpu:.2f} ms against trafilatura's "
                  f"{traf_cpu:.2f} ms a page (ratio of CPU costs {traf_cpu / crawl_cpu:.2f})")
        if args.trace:
            trace(outlet, two, args.trace_json)
        if args.profile:
            split = profile(outlet, args.top)
            total = sum(seconds for _, seconds in split)
            print(f"CPU of one crawl on one core, extraction in the crawl process (cProfile on CPU time, "
                  f"{total:.1f} s in all, {1000 * total / args.pages:.2f} ms a page):")
            for name, seconds in split:
                print(f"  {name:34} {seconds:6.1f} s  {100 * seconds / total:5.1f} %")
        if args.profile_workers:
            split = profile(outlet, args.top, workers=True)
            total = sum(seconds for _, seconds in split)
            print(f"CPU of the crawl process alone, extraction in its workers, one core (cProfile on CPU time, "
                  f"{total:.1f} s in all, {1000 * total / args.pages:.2f} ms a page):")
            for name, seconds in split:
                print(f"  {name:34} {seconds:6.1f} s  {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
