"""Benchmark: what handing pages to extraction workers costs the crawl process, apart from extracting them.

    .venv/bin/python bench/handoff.py [--pages N] [--rounds R]

Heavy-outlet pages (``bench/heavy_outlet.py``, about 170 KB each) go to two worker processes that only checksum
them (``zlib.crc32``), through ``crawler.extract.pool.ExtractionPool`` and, for reference, through the standard
library's ``ProcessPoolExecutor`` (what the pool replaced), alternated R times. Printed: the CPU the calling process
spends per page (all its threads: the executor's queue threads count) and the wall time. Numbers only.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from heavy_outlet import page  # noqa: E402

from crawler.extract.pool import ExtractionPool  # noqa: E402


async def _through_executor(executor: ProcessPoolExecutor, pages: list[bytes]) -> list[int]:
    return await asyncio.gather(*(asyncio.wrap_future(executor.submit(zlib.crc32, body)) for body in pages))


async def _through_pool(pool: ExtractionPool, pages: list[bytes]) -> list[int]:
    return await asyncio.gather(*(pool.call(zlib.crc32, body) for body in pages))


def executor_run(pages: list[bytes]) -> tuple[float, float]:
    executor = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver"))
    try:
        asyncio.run(_through_executor(executor, pages[:20]))  # the workers started
        cpu, wall = time.process_time(), time.perf_counter()
        asyncio.run(_through_executor(executor, pages))
        return time.process_time() - cpu, time.perf_counter() - wall
    finally:
        executor.shutdown()


def pool_run(pages: list[bytes]) -> tuple[float, float]:
    pool = ExtractionPool(2, nice=0)

    async def timed() -> tuple[float, float]:
        await _through_pool(pool, pages[:20])  # the workers started
        cpu, wall = time.process_time(), time.perf_counter()
        await _through_pool(pool, pages)
        return time.process_time() - cpu, time.perf_counter() - wall

    try:
        return asyncio.run(timed())
    finally:
        pool.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = [page(n, args.pages) for n in range(args.pages)]
    print(f"{len(pages)} pages, {sum(map(len, pages)) / len(pages) / 1024:.0f} KB on average, two workers")
    for _ in range(args.rounds):
        for name, run in (("ProcessPoolExecutor", executor_run), ("ExtractionPool", pool_run)):
            cpu, wall = run(pages)
            print(f"  {name:20} {1000 * cpu / len(pages):.3f} ms of the caller's CPU a page, {wall:.2f} s wall")


if __name__ == "__main__":
    main()
