"""Benchmark: crawl the demo world, then run the same pages through plain trafilatura.

    .venv/bin/python bench/crawl_demo.py [--workers N] [--repeat K]

Prints, for the crawl (a child process, as users run it): pages fetched, wall seconds, pages/s,
CPU seconds (crawl process and its extraction workers), peak RSS of the largest process; then
pages/s of plain ``trafilatura.bare_extraction(with_metadata=True)`` and of Khabar's
``extract_article`` over the very same article pages, in this process, on one core, and the ratios.
Numbers only; no assertion (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import gzip
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demo.process import running_demo_world  # noqa: E402


def _children_cpu() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def crawl(store: Path, workers: int | None) -> dict[str, float]:
    with running_demo_world() as world:
        cmd = [sys.executable, "-m", "crawler.cli", "crawl", *world.base_urls, "--store", str(store),
               "--catalog-extra", str(world.catalog_path), "--log-level", "WARNING"]
        if workers is not None:
            cmd += ["--workers", str(workers)]
        cpu_before, _ = _children_cpu()
        started = time.perf_counter()
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
        cpu_after, maxrss = _children_cpu()
    if result.returncode != 0:
        sys.exit(f"crawl failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-3000:]}")
    pages = sum(int(line.split()[2]) for line in result.stdout.splitlines() if line.strip().startswith("pages fetched"))
    return {"pages": pages, "wall": wall, "cpu": cpu_after - cpu_before, "maxrss_mb": maxrss / 1024}


def article_pages(store: Path) -> list[tuple[str, bytes]]:
    """Decoded HTML bodies of the archived responses that became article records."""
    import json

    urls = set()
    for path in store.glob("records/**/*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            urls |= {json.loads(line)["url"] for line in handle}
    pages = []
    for path in sorted(store.glob("warc/**/*.warc.gz")):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and url in urls:
                    body = record.content_stream().read()  # warcio undoes chunking and Content-Encoding
                    pages.append((url, body if body[:2] != b"\x1f\x8b" else zlib.decompress(body, 47)))
    return pages


def capture_window(store: Path) -> tuple[int, float]:
    """Responses archived and seconds between the first and the last WARC-Date (start-up excluded)."""
    from datetime import datetime

    dates = []
    for path in store.glob("warc/**/*.warc.gz"):
        with open(path, "rb") as handle:
            dates += [datetime.fromisoformat(r.rec_headers.get_header("WARC-Date").replace("Z", "+00:00"))
                      for r in ArchiveIterator(handle) if r.rec_type == "response"]
    return len(dates), (max(dates) - min(dates)).total_seconds()


def pages_per_second(func, pages: list[tuple[str, bytes]], repeat: int) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    for _ in range(repeat):
        for url, body in pages:
            func(url, body)
    return len(pages) * repeat / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import trafilatura

    from crawler.extract import extract_article

    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as tmp:
        stats = crawl(Path(tmp), args.workers)
        pages = article_pages(Path(tmp))
        responses, window = capture_window(Path(tmp))
    plain = pages_per_second(lambda u, b: trafilatura.bare_extraction(b, url=u, with_metadata=True), pages, args.repeat)
    khabar = pages_per_second(lambda u, b: extract_article(b, u, "text/html"), pages, args.repeat)
    crawl_rate = stats["pages"] / stats["wall"]
    print(f"crawl: {stats['pages']:.0f} pages in {stats['wall']:.2f} s = {crawl_rate:.1f} pages/s; "
          f"CPU {stats['cpu']:.2f} s ({1000 * stats['cpu'] / max(stats['pages'], 1):.1f} ms/page); "
          f"peak RSS {stats['maxrss_mb']:.0f} MB")
    print(f"steady state: {responses} responses archived in {window:.2f} s between first and last "
          f"WARC-Date = {responses / window:.1f} pages/s (process start-up and shutdown excluded)")
    print(f"same {len(pages)} article pages, this process, one core: plain trafilatura {plain:.1f} pages/s, "
          f"khabar extract_article {khabar:.1f} pages/s")
    print(f"ratio crawl pages/s / plain trafilatura pages/s = {crawl_rate / plain:.2f} (wall), "
          f"{responses / window / plain:.2f} (steady state)")
    print(f"ratio khabar extraction / plain trafilatura = {khabar / plain:.2f}")


if __name__ == "__main__":
    main()
