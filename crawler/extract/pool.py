"""Extraction off the reactor thread: a process pool shared by every crawler of the process.

trafilatura is the CPU bottleneck of a crawl (about 20 real pages a second per core), so pages are
extracted in worker processes while the reactor keeps fetching and archiving. The pool is created
on first use, with the ``forkserver`` start method (safe with the reactor's threads), and rebuilt if a worker dies;
``KHABAR_EXTRACT_WORKERS=0`` extracts in the crawl process (for debugging).

A worker has the extraction code from the forkserver's preload and does not import the crawl's ``__main__``
(multiprocessing would: ``crawler.cli``, hence Scrapy and Twisted, about 0.15 s of CPU, 370 modules and 25 MB of
resident memory in each worker for nothing).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
import sys
import types
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeVar

from crawler.extract import ExtractHints, ExtractOutcome, Rejected, Selectors
from crawler.requisites.found import PageRefs  # re and urllib alone (see crawler.requisites)

logger = logging.getLogger(__name__)

_pools: dict[int, ProcessPoolExecutor] = {}


def worker_count(setting: object) -> int:
    """Extraction processes: the setting, else one per CPU this process may run on (``taskset``, a container's
    cpuset), at most 8."""
    if setting is None or setting == "":
        return max(1, min(len(os.sched_getaffinity(0)), 8))
    return max(0, int(str(setting)))


_T = TypeVar("_T")
_BARE_MAIN = types.ModuleType("__main__")  # no __spec__, no __file__: nothing for a new worker to import


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """While a worker (or the forkserver) is started, ``sys.modules["__main__"]`` is a bare module, so the child
    does not run the crawl's main module again: what the workers run lives in this package, never in ``__main__``.
    ProcessPoolExecutor starts workers only from ``submit``, which runs in the calling (reactor) thread."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = _BARE_MAIN
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _submit(pool: ProcessPoolExecutor, function: Callable[..., _T], *args: Any) -> Future[_T]:
    with _main_module_hidden():
        return pool.submit(function, *args)


def _pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _pools:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["crawler.extract.article"])  # trafilatura, lxml, py3langid
        _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    return _pools[workers]


def shutdown_pools() -> None:
    for pool in _pools.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _pools.clear()


atexit.register(shutdown_pools)


def _extract_with_requisites(body: bytes, url: str, content_type: str | None,
                              hints: ExtractHints | Selectors | None) -> tuple[ExtractOutcome, PageRefs | None]:
    """``extract_article``, and the page's requisite references read from the extractor's own tree (``refs_of_tree``),
    so that the crawl process does not parse the page again for them (None when they cannot stand for its own parse).

    Imported where it runs: the crawl process itself never imports trafilatura (about 0.3 s of CPU at start-up)
    unless it extracts in-process (``KHABAR_EXTRACT_WORKERS=0``)."""
    from crawler.extract._page import parse_errors_need_huge_tree
    from crawler.extract.article import extract_article
    from crawler.requisites.found import refs_of_tree

    found: list[PageRefs | None] = []

    def on_parsed(root: object, text: str, encoding: str) -> None:
        found.append(refs_of_tree(root, text, encoding, too_deep=parse_errors_need_huge_tree()))

    outcome = extract_article(body, url, content_type, hints, on_parsed=on_parsed)
    return outcome, (found[0] if found else None)


async def extract_with_requisites(body: bytes, url: str, content_type: str | None, workers: int,
                                  hints: ExtractHints | Selectors | None = None
                                  ) -> tuple[ExtractOutcome, PageRefs | None]:
    """Extract in a worker process (or inline when ``workers`` is 0); never raises for a bad page. The outcome, and
    the page's requisite references found in the worker's tree (or None).

    `hints` (the outlet's catalog selectors) travel to the worker pickled."""
    if workers == 0:
        return _extract_with_requisites(body, url, content_type, hints)
    future = _submit(_pool(workers), _extract_with_requisites, body, url, content_type, hints)
    try:
        return await asyncio.wrap_future(future)
    except BrokenProcessPool:
        logger.error("an extraction worker died while extracting %s; restarting the pool", url)
        _pools.pop(workers, None)
        return Rejected(reason="worker_died", detail="the extraction worker process died on this page"), None
