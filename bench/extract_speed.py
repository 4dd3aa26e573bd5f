"""Speed of ``khabar extract --jsonl`` against plain trafilatura with metadata, on the same pages.

    .venv/bin/python bench/extract_speed.py [--repeat K] [--block B] [--corpus NAME=PATH ...] [--limit N]
                                            [--whole-runs [--runs R]]

The pages are the quality corpus (bench/data/quality/pages, 44 French and Arabic pages), when the demo
package is importable the article pages of the three demo outlets rendered in this process, and, with
``--corpus`` (the same NAME=PATH as bench/real_quality.py), up to N real pages of each corpus given (real
page weight: tens to hundreds of KB, scripts and navigation included), and with ``--heavy N`` (or
``--only-heavy``) N pages of the heavy outlet (bench/heavy_outlet.py). Each extractor is a child process that
reads ``{"id","url","html_path"}`` request lines on stdin and writes one JSON line per page:

    khabar       .venv/bin/python -m crawler.cli extract --jsonl
    trafilatura  the same loop around trafilatura.bare_extraction(with_metadata=True), fed the file's bytes
                 (it detects the charset itself, as a plain user's call does) and, the harder baseline,
                 a str already decoded by the loop

How it measures (since session 23; before, each extractor ran the whole list in its own child in turn, best of R,
and its figures moved by +/-10 % between runs of the same code):
- The three children are started once and stay up. Pages go to them in blocks of B (``--block``, default 10):
  block 1 to khabar, then the same block to trafilatura bytes, then to trafilatura str; the next block starts with
  the next extractor (ABC, BCA, CAB, ...). A drift of the machine's load (other processes on a shared 2-core
  machine, frequency, caches) thus falls on all three alike, within a second.
- A block's cost is the child's own CPU time while it answers the block (its threads' on-CPU nanoseconds from
  /proc/PID/task/*/schedstat, or 10 ms ticks from /proc/PID/stat where that is missing), and the wall time from
  sending the block to its last answer. Start-up is left out: it is reported apart, as the CPU seconds of the child
  up to its answer to one first page.
- A round feeds every page once to each extractor. One warm-up round (imports done lazily, first-call caches, the
  allocator's arenas) is not counted; then K rounds are (``--repeat K``, default 5: K was "how many times the list
  is fed"; it still is, plus the warm-up). Each round gives its ratios trafilatura ms / khabar ms on the same
  pages; printed are the median ratio over rounds with its min-max, and per-page ms of each extractor (median over
  rounds, min-max). A ratio above 1.0 means Khabar is faster (target >= 1.0, CPU, trafilatura bytes).
- Pages repeat from round to round, for both sides alike, and that favours trafilatura: it answers a page it has
  seen faster (quality corpus, in one process after a warm-up on other pages: 8.8 ms a page on a first visit, 5.3
  on a second; 60 fundus pages: no difference), where Khabar does not (4.9 and 4.9 ms). The ratios are thus, if
  anything, Khabar's worst case. The warm-up round leaves out what each extractor loads once on first use (trafilatura's
  first 30 quality pages: 89 ms a page, then 5-9 ms), which a long crawl pays once.

Measured (session 23, the same code, aeb+fundus ``--limit 100``, a machine shared with four other helpers' benches
and tests): the former bench's per-CPU-second ratio read 1.05x, 1.00x, 1.11x in three runs (start-up left out: 1.14x,
1.04x, 1.14x; against trafilatura str: 1.12x, 1.03x, 0.88x; whole run: 1.08x, 0.84x, 1.37x); this one's median CPU
ratio read 1.07x, 1.11x, 1.13x (against str: 1.09x, 1.05x, 1.12x), no round below 1.04x. What still moves it is the
CPU time itself: on a loaded machine a page costs more CPU (Khabar's rounds ranged 31-45 ms a page in one run), and
within one round the other extractors' blocks do not always meet the same load. Quote the median with its range.

``--whole-runs`` also prints the former table (pages/s over a child's whole run with start-up, steady state,
per CPU second; best of R runs, ``--runs``; and CPU ms a page with start-up left out by difference with a
one-page run), with the list fed K times. It moves by +/-10 % between runs; the alternating figures do not.
Khabar's modules are compiled to bytecode first, as an install compiles trafilatura's (`compile_bytecode`).
Numbers only, no assertion.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "bench" / "data" / "quality" / "pages"

TRAFILATURA_LOOP = """
import json, sys
from pathlib import Path
import trafilatura
DECODE = sys.argv[1] == "str"
for line in sys.stdin:
    request = json.loads(line)
    body = Path(request["html_path"]).read_bytes()
    if DECODE:  # spare trafilatura its own charset detection: the hardest baseline
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            body = body.decode("cp1252", "replace")
    document = trafilatura.bare_extraction(body, url=request["url"], with_metadata=True)
    answer = {"id": request["id"], "url": request["url"]}
    if document is not None:
        answer.update(title=document.title, authors=document.author, published=document.date, text=document.text,
                      language=document.language, description=document.description, categories=document.categories,
                      tags=document.tags, image=document.image, sitename=document.sitename)
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\\n")
    sys.stdout.flush()
"""
KHABAR = [sys.executable, "-m", "crawler.cli", "extract", "--jsonl"]
TRAFILATURA_BYTES = [sys.executable, "-c", TRAFILATURA_LOOP, "bytes"]
TRAFILATURA_STR = [sys.executable, "-c", TRAFILATURA_LOOP, "str"]


EXTRACTORS = (("khabar", KHABAR), ("trafilatura bytes", TRAFILATURA_BYTES), ("trafilatura str", TRAFILATURA_STR))
CLOCK_TICK = 1 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.01


def process_cpu(pid: int) -> float:
    """CPU seconds used so far by process `pid` (all its threads): on-CPU nanoseconds from schedstat, which has no
    tick granularity, else user + system ticks from /proc/PID/stat."""
    try:
        return sum(int((task / "schedstat").read_text().split()[0])
                   for task in Path(f"/proc/{pid}/task").iterdir()) / 1e9
    except (OSError, ValueError, IndexError):
        pass
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) * CLOCK_TICK  # utime, stime: fields 14 and 15 of stat(5)


class Child:
    """One extractor kept up between blocks: `answer(lines)` sends a block of request lines and waits for its
    answers, returning (CPU seconds, wall seconds) the child spent on them."""

    def __init__(self, label: str, cmd: list[str]) -> None:
        self.label, self.cmd = label, cmd
        self.process = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def answer(self, lines: list[str]) -> tuple[float, float]:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        cpu_before, started = process_cpu(self.process.pid), time.perf_counter()
        for line in lines:  # one request, then its answer: a long block never fills both pipes at once
            stdin.write(line)
            stdin.flush()
            if not stdout.readline():
                self.process.wait()
                sys.exit(f"{' '.join(self.cmd)} stopped (exit {self.process.returncode}) before answering a block")
        return process_cpu(self.process.pid) - cpu_before, time.perf_counter() - started

    def start_up_cpu(self, line: str) -> float:
        """CPU seconds from the child's start to its answer to one first page."""
        self.answer([line])
        return process_cpu(self.process.pid)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        if self.process.stdout is not None:
            self.process.stdout.read()
            self.process.stdout.close()
        self.process.wait()


@dataclass
class Rounds:
    """Each extractor's CPU and wall seconds per measured round (all pages once), in `EXTRACTORS` order."""

    pages: int
    cpu: list[list[float]] = field(default_factory=lambda: [[] for _ in EXTRACTORS])
    wall: list[list[float]] = field(default_factory=lambda: [[] for _ in EXTRACTORS])
    start_up: list[float] = field(default_factory=list)


def block_order(block: int, count: int) -> list[int]:
    """The extractors' turn for block number `block`: 0, 1, 2, then 1, 2, 0, then 2, 0, 1, … so that none of them
    always runs first, right after another's block."""
    return [(block + n) % count for n in range(count)]


def alternating_rounds(requests: list[dict[str, str]], rounds: int, block: int,
                       extractors: tuple[tuple[str, list[str]], ...] = EXTRACTORS) -> Rounds:
    """One warm-up round then `rounds` measured rounds of every page to each extractor, block by block in turn."""
    lines = [json.dumps(r) + "\n" for r in requests]
    blocks = [lines[n:n + block] for n in range(0, len(lines), block)]
    children = [Child(label, cmd) for label, cmd in extractors]
    result = Rounds(len(lines), [[] for _ in extractors], [[] for _ in extractors])
    try:
        result.start_up = [child.start_up_cpu(lines[0]) for child in children]
        for round_number in range(rounds + 1):
            cpu, wall = [0.0] * len(children), [0.0] * len(children)
            for number, lines_of_block in enumerate(blocks):
                for index in block_order(round_number * len(blocks) + number, len(children)):
                    spent_cpu, spent_wall = children[index].answer(lines_of_block)
                    cpu[index] += spent_cpu
                    wall[index] += spent_wall
            if round_number:  # round 0 warms up
                for index in range(len(children)):
                    result.cpu[index].append(cpu[index])
                    result.wall[index].append(wall[index])
    finally:
        for child in children:
            child.close()
    return result


def spread(values: list[float]) -> str:
    """'median (min-max)' of `values`."""
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def ratios(theirs: list[float], ours: list[float]) -> list[float]:
    """Round by round, the other extractor's time over Khabar's (above 1.0: Khabar is faster)."""
    return [other / mine for other, mine in zip(theirs, ours, strict=True)]


def report_rounds(result: Rounds, labels: list[str]) -> None:
    rounds = len(result.cpu[0])
    print(f"{'ms a page, median (min-max)':34} " + "  ".join(f"{label:>24}" for label in labels))
    for name, table in (("CPU", result.cpu), ("wall", result.wall)):
        print(f"{name:34} " + "  ".join(f"{spread([1000 * s / result.pages for s in seconds]):>24}"
                                         for seconds in table))
    print(f"{'start-up + first page, CPU s':34} " + "  ".join(f"{s:24.2f}" for s in result.start_up))
    for index, label in enumerate(labels[1:], start=1):
        for name, table in (("CPU", result.cpu), ("wall", result.wall)):
            values = ratios(table[index], table[0])
            print(f"ratio {label} / khabar, {name:4} {'':4} median {spread(values)}x over {rounds} rounds"
                  f"   [{' '.join(f'{v:.2f}' for v in values)}]")
    print("(target >= 1.0 on CPU against trafilatura bytes; each round's ratio is taken on the same pages, the "
          "extractors alternating block by block; CPU is the child's own, so the load of other processes moves "
          "it least)")


def mean_kb(requests: list[dict[str, str]]) -> float:
    """The mean size of the requests' pages, in KB as they lie on disk."""
    return sum(Path(r["html_path"]).stat().st_size for r in requests) / len(requests) / 1024


def measure(name: str, requests: list[dict[str, str]], repeat: int, block: int) -> None:
    size = mean_kb(requests)
    print(f"\n{name}: {len(requests)} pages (mean {size:.0f} KB); 1 warm-up round + {repeat} measured rounds, "
          f"the extractors alternating every {block} pages")
    report_rounds(alternating_rounds(requests, repeat, block), [label for label, _ in EXTRACTORS])


def corpus_requests() -> list[dict[str, str]]:
    requests = []
    for path in sorted(CORPUS.glob("*.html")):
        url = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["url"]
        requests.append({"id": path.stem, "url": url, "html_path": str(path)})
    return requests


def real_requests(corpora: list[str], limit: int, folder: Path) -> list[dict[str, str]]:
    """Up to `limit` pages of each corpus, read by bench/quality/corpora.py (labels are not needed here); a
    gzipped page (aeb, fundus) is written out unzipped to `folder`, as the extractors read plain HTML files."""
    from bench.quality.corpora import READERS, Page

    requests = []
    for value in corpora:
        name, _, path = value.partition("=")
        if name not in READERS or not Path(path).is_dir():
            print(f"(--corpus {value!r} skipped: expected NAME=PATH with NAME one of {', '.join(READERS)} "
                  "and PATH a folder)")
            continue
        pages = [p for p in READERS[name](Path(path)) if isinstance(p, Page)][:limit]
        for n, page in enumerate(pages):
            path = page.path
            if path.suffix == ".gz":
                path = folder / f"{name}-{n}.html"
                path.write_bytes(page.html())
            requests.append({"id": f"{name}/{page.id}", "url": page.url, "html_path": str(path)})
    return requests


def heavy_requests(folder: Path, count: int) -> list[dict[str, str]]:
    """Pages 0..count-1 of the heavy outlet (bench/heavy_outlet.py: real page weight, about 170 KB), written to
    `folder`."""
    sys.path.insert(0, str(ROOT / "bench"))
    from heavy_outlet import article_path, page

    requests = []
    for n in range(count):
        path = folder / f"heavy-{n}.html"
        path.write_bytes(page(n, max(count, 1000)))
        requests.append({"id": path.stem, "url": "http://127.0.0.1:8000" + article_path(n), "html_path": str(path)})
    return requests


def demo_requests(folder: Path) -> list[dict[str, str]]:
    """Article pages of the demo outlets, rendered without a server (skipped if the demo API moved)."""
    try:
        from crawler.demo import DemoWorld, PageRenderer
    except ImportError:
        return []
    world, renderer, base = DemoWorld(), None, "http://127.0.0.1:8000/"
    try:
        renderer = PageRenderer(world)
        requests = []
        for outlet in ("demo-wp", "demo-cms", "demo-bilingue"):
            for index, article in enumerate(world.articles(outlet)[:20]):
                page = renderer.render(outlet, article.path, base)
                body = page.body if isinstance(page.body, bytes) else page.body.encode("utf-8")
                if body[:2] == b"\x1f\x8b":
                    import gzip

                    body = gzip.decompress(body)
                path = folder / f"{outlet}-{index}.html"
                path.write_bytes(body)
                requests.append({"id": path.stem, "url": article.url(base), "html_path": str(path)})
        return requests
    except (AttributeError, TypeError, KeyError) as err:
        print(f"(demo pages skipped: {err})")
        return []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(cmd: list[str], lines: list[str]) -> tuple[float, float, int, float]:
    """``(wall seconds, steady seconds from first to last answer, answers, CPU seconds)`` for one child."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None

    def feed() -> None:
        assert child.stdin is not None
        for line in lines:
            child.stdin.write(line)
        child.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    first = last = 0.0
    answers = 0
    for _ in child.stdout:
        last = time.perf_counter()
        first = first or last
        answers += 1
    child.wait()
    if child.returncode != 0 or answers != len(lines):
        sys.exit(f"{' '.join(cmd)} failed: exit {child.returncode}, {answers} answers for {len(lines)} requests")
    return last - started, last - first, answers, _children_cpu() - cpu_before


def interleaved(cmds: list[list[str]], lines: list[str], runs: int) -> list[list[tuple[float, float, int, float]]]:
    """`runs` timed runs of each command, taken in turn (a, b, c, a, b, c, …) so that a drift of the machine's state
    (other processes, caches, frequency) falls on every extractor alike: each command's results, in `cmds` order."""
    results: list[list[tuple[float, float, int, float]]] = [[] for _ in cmds]
    for _ in range(runs):
        for index, cmd in enumerate(cmds):
            results[index].append(timed_run(cmd, lines))
    return results


def best(results: list[tuple[float, float, int, float]]) -> tuple[float, float, float]:
    """Best pages/s over a command's runs: (whole run, steady state, per CPU second of the whole run)."""
    whole = max(n / wall for wall, _, n, _ in results)
    steady = max((n - 1) / steady for _, steady, n, _ in results if steady > 0)
    cpu = max(n / cpu for _, _, n, cpu in results if cpu > 0)
    return whole, steady, cpu


def measure_whole_runs(name: str, requests: list[dict[str, str]], repeat: int, runs: int) -> None:
    """The former table: each extractor's child runs the whole list, in turn, best of `runs`."""
    lines = [json.dumps(r) + "\n" for r in requests] * repeat
    size = mean_kb(requests)
    print(f"\n{name}, whole runs: {len(requests)} pages (mean {size:.0f} KB) x {repeat} = {len(lines)} requests, "
          f"best of {runs} runs")
    khabar, raw, text = (best(results) for results in interleaved([KHABAR, TRAFILATURA_BYTES, TRAFILATURA_STR],
                                                                  lines, runs))
    print(f"{'':34} {'whole run':>12} {'steady':>12} {'per CPU s':>12}")
    for label, numbers in (("khabar extract --jsonl", khabar), ("trafilatura, bytes in", raw),
                           ("trafilatura, str in (pre-decoded)", text)):
        print(f"{label:34} " + " ".join(f"{value:8.1f} p/s" for value in numbers))
    for label, other in (("ratio khabar / trafilatura bytes", raw), ("ratio khabar / trafilatura str", text)):
        print(f"{label:34} " + " ".join(f"{ours / theirs:11.2f}x" for ours, theirs in zip(khabar, other, strict=True)))
    print("(target >= 1.0; 'per CPU s' counts the child's own CPU time, start-up included, and is the figure that "
          "the load of other processes moves least)")
    # CPU a page once started: the same run's CPU less that of a run of one page (start-up and one page)
    khabar_cpu, trafilatura_cpu = steady_cpu([KHABAR, TRAFILATURA_BYTES], lines, runs)
    print(f"{'CPU ms a page, start-up left out':34} khabar {1000 * khabar_cpu:.2f} trafilatura bytes "
          f"{1000 * trafilatura_cpu:.2f} (ratio {trafilatura_cpu / khabar_cpu:.2f}x)")


def steady_cpu(cmds: list[list[str]], lines: list[str], runs: int) -> list[float]:
    """CPU seconds a page after start-up, for each command: (least CPU of a whole run - least CPU of a one-page run)
    / (pages - 1), the runs of the commands interleaved."""
    wholes = interleaved(cmds, lines, runs)
    ones = interleaved(cmds, lines[:1], runs)
    return [(min(r[3] for r in whole) - min(r[3] for r in one)) / max(1, len(lines) - 1)
            for whole, one in zip(wholes, ones, strict=True)]


def compile_bytecode() -> None:
    """Khabar's modules compiled to bytecode before the runs, as pip compiles an installed package's (trafilatura's
    were at install): where PYTHONDONTWRITEBYTECODE is set, or the checkout is read-only, each child would otherwise
    compile the extractor from source at start-up (0.07 s of CPU), a cost no installed crawler pays twice."""
    for package in ("crawler",):
        compileall.compile_dir(ROOT / package, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="measured rounds: how many times the page list is fed after one warm-up (default 5)")
    parser.add_argument("--block", type=int, default=10,
                        help="pages each extractor answers before the next one's turn (default 10)")
    parser.add_argument("--whole-runs", action="store_true",
                        help="also the former whole-run table (start-up included, best of --runs)")
    parser.add_argument("--runs", type=int, default=2,
                        help="with --whole-runs: runs per extractor; the best one is kept (default 2)")
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=PATH",
                        help="real pages from a corpus checkout (see bench/real_quality.py)")
    parser.add_argument("--limit", type=int, default=100, help="pages per --corpus (default 100)")
    parser.add_argument("--heavy", type=int, default=0, metavar="N",
                        help="also N pages of the heavy outlet (bench/heavy_outlet.py, ~170 KB each)")
    parser.add_argument("--only-heavy", action="store_true", help="measure the heavy-outlet pages alone")
    args = parser.parse_args(argv)
    compile_bytecode()
    with tempfile.TemporaryDirectory() as folder:
        sets: dict[str, list[dict[str, str]]] = {}
        if not args.only_heavy:
            sets = {"quality corpus": corpus_requests(), "demo outlets": demo_requests(Path(folder))}
            sets["all pages"] = sets["quality corpus"] + sets["demo outlets"]
        if args.heavy or args.only_heavy:
            sets["heavy outlet"] = heavy_requests(Path(folder), args.heavy or 100)
        if args.corpus:
            sets["real pages (" + ", ".join(c.partition("=")[0] for c in args.corpus) + ")"] = real_requests(
                args.corpus, args.limit, Path(folder))
        for name, requests in sets.items():
            if requests:
                measure(name, requests, max(1, args.repeat), max(1, args.block))
                if args.whole_runs:
                    measure_whole_runs(name, requests, args.repeat, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
