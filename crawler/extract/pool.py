"""Extraction off the reactor thread: a process pool shared by every crawler of the process.

trafilatura is the CPU bottleneck of a crawl (about 20 real pages a second per core), so pages are
extracted in worker processes while the reactor keeps fetching and archiving. The pool is created
on first use, with the ``forkserver`` start method (safe with the reactor's threads), and rebuilt
if a worker dies; ``KHABAR_EXTRACT_WORKERS=0`` extracts in the crawl process (for debugging).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from crawler.extract import ExtractHints, ExtractOutcome, Rejected, Selectors, extract_article

logger = logging.getLogger(__name__)

_pools: dict[int, ProcessPoolExecutor] = {}


def worker_count(setting: object) -> int:
    """Extraction processes: the setting, else one per CPU this process may run on (``taskset``, a container's
    cpuset), at most 8."""
    if setting is None or setting == "":
        return max(1, min(len(os.sched_getaffinity(0)), 8))
    return max(0, int(str(setting)))


def _pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _pools:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["crawler.extract"])
        _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    return _pools[workers]


def shutdown_pools() -> None:
    for pool in _pools.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _pools.clear()


atexit.register(shutdown_pools)


async def extract_off_thread(body: bytes, url: str, content_type: str | None, workers: int,
                             hints: ExtractHints | Selectors | None = None) -> ExtractOutcome:
    """Extract in a worker process (or inline when ``workers`` is 0); never raises for a bad page.

    `hints` (the outlet's catalog selectors) travel to the worker pickled."""
    if workers == 0:
        return extract_article(body, url, content_type, hints)
    future = _pool(workers).submit(extract_article, body, url, content_type, hints)
    try:
        return await asyncio.wrap_future(future)
    except BrokenProcessPool:
        logger.error("an extraction worker died while extracting %s; restarting the pool", url)
        _pools.pop(workers, None)
        return Rejected(reason="worker_died", detail="the extraction worker process died on this page")
