"""Speed of ``khabar extract --jsonl`` against plain trafilatura with metadata, on the same pages.

    .venv/bin/python bench/extract_speed.py [--repeat K] [--runs R] [--corpus NAME=PATH ...] [--limit N]

The pages are the quality corpus (bench/data/quality/pages, 44 French and Arabic pages), when the demo
package is importable the article pages of the three demo outlets rendered in this process, and, with
``--corpus`` (the same NAME=PATH as bench/real_quality.py), up to N real pages of each corpus given (real
page weight: tens to hundreds of KB, scripts and navigation included), and with ``--heavy N`` (or
``--only-heavy``) N pages of the heavy outlet (bench/heavy_outlet.py); the list is repeated K times. Each extractor runs as a child process that reads the same ``{"id","url","html_path"}``
request lines on stdin and writes one JSON line per page:

    khabar       .venv/bin/python -m crawler.cli extract --jsonl
    trafilatura  the same loop around trafilatura.bare_extraction(with_metadata=True), fed the file's bytes
                 (it detects the charset itself, as a plain user's call does) and, the harder baseline,
                 a str already decoded by the loop

The extractors' runs are taken in turn (khabar, trafilatura bytes, trafilatura str, khabar, …), so that a drift of
the machine's state falls on all of them alike. Khabar's modules are compiled to bytecode first, as an install
compiles trafilatura's (`compile_bytecode`). Printed per extractor (best of R runs): pages/s over the whole run (start-up included), in steady state
(first to last answer line) and per CPU second of the child (start-up included), then the ratios
khabar / trafilatura (target >= 1.0). Numbers only, no assertion: on a loaded machine the wall-clock figures
move by tens of per cent, the CPU figure by a few.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
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


def measure(name: str, requests: list[dict[str, str]], repeat: int, runs: int) -> None:
    lines = [json.dumps(r) + "\n" for r in requests] * repeat
    size = sum(Path(r["html_path"]).stat().st_size for r in requests) / len(requests) / 1024
    print(f"\n{name}: {len(requests)} pages (mean {size:.0f} KB) x {repeat} = {len(lines)} requests, best of {runs} runs")
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
    parser.add_argument("--repeat", type=int, default=3, help="how many times the page list is fed (default 3)")
    parser.add_argument("--runs", type=int, default=2, help="runs per extractor; the best one is kept (default 2)")
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
                measure(name, requests, args.repeat, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
