"""Run ``python -m MODULE ARGS…`` (a crawl) and sample where its pages wait: a JSON file of numbers, no assertion.

    python bench/pipeline_trace.py OUT.json -m crawler.cli crawl …

Used by ``bench/throughput.py --trace``. A thread of the crawl process samples every few milliseconds:

* pages handed to the extraction pool and not yet back (``pool``): fewer than the workers means a worker starves;
* Scrapy's scraper slot: responses in it (``scraper``) and their bytes (``scraper_bytes``; above
  SCRAPER_SLOT_MAX_ACTIVE_SIZE the engine stops sending requests), requests in the downloader (``downloading``);
* from ``/proc/<pid>/task/*/schedstat``, for the crawl process and each extraction worker: nanoseconds on a CPU
  and nanoseconds runnable but waiting for one (the machine's other load, or our own processes); and each thread of
  the crawl process's CPU by its Python name (the reactor's, the pool's manager and queue feeder threads…).

What it costs: one sample is a few dozen microseconds of the crawl process's CPU (``--trace`` runs apart from
the timed runs for that reason).
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

INTERVAL = 0.005       # seconds between two samples of the queues
PROC_EVERY = 10        # the schedstat files every this many samples


def _schedstat(pid: int) -> tuple[int, int]:
    """(ns on a CPU, ns waiting on a run queue), summed over the process's threads; (0, 0) once it is gone."""
    run = wait = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0, 0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat", encoding="ascii") as handle:
                fields = handle.read().split()
        except OSError:
            continue
        run, wait = run + int(fields[0]), wait + int(fields[1])
    return run, wait


def _thread_cpu() -> dict[str, int]:
    """ns on a CPU of each live thread of this process, by its Python name (the hand-off's threads among them)."""
    cpu: dict[str, int] = {}
    for thread in threading.enumerate():
        try:
            with open(f"/proc/self/task/{thread.native_id}/schedstat", encoding="ascii") as handle:
                cpu[thread.name] = int(handle.read().split()[0])
        except (OSError, TypeError):
            continue
    return cpu


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[2] != "-m":
        sys.exit("usage: python bench/pipeline_trace.py OUT.json -m MODULE [ARGS…]")
    out, module = Path(sys.argv[1]), sys.argv[3]
    sys.argv = [module, *sys.argv[4:]]
    sys.path[0] = os.getcwd()

    from scrapy.core import scraper as scraper_module

    import crawler.extract.pool as pool_module

    seen: dict[str, Any] = {}
    in_pool = [0]
    done: list[float] = []  # when the first and the latest page came back from the pool
    original_init = scraper_module.Scraper.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        seen["scraper"] = self

    scraper_module.Scraper.__init__ = init  # type: ignore[method-assign]
    def counted(original: Any) -> Any:
        async def hand_off(*args: Any, **kwargs: Any) -> Any:
            in_pool[0] += 1
            try:
                return await original(*args, **kwargs)
            finally:
                in_pool[0] -= 1
                done[1:] = [time.monotonic()]
                if len(done) == 1:
                    done.insert(0, done[0])
        return hand_off

    for name in ("extract_with_requisites",):  # before spiders.news imports it
        if hasattr(pool_module, name):
            setattr(pool_module, name, counted(getattr(pool_module, name)))
    samples: list[list[float]] = []
    procs: list[dict[str, Any]] = []
    stop = threading.Event()

    def sample() -> None:
        count = 0
        while not stop.wait(INTERVAL):
            now = time.monotonic()
            scraper = seen.get("scraper")
            slot = getattr(scraper, "slot", None)
            downloader = getattr(getattr(getattr(scraper, "crawler", None), "engine", None), "downloader", None)
            samples.append([now, in_pool[0], len(slot.active) if slot else 0, slot.active_size if slot else 0,
                            len(downloader.active) if downloader else 0])
            count += 1
            if count % PROC_EVERY == 0:
                row: dict[str, Any] = {"t": now, "crawl": _schedstat(os.getpid()), "threads": _thread_cpu()}
                for workers, pool in list(pool_module._pools.items()):
                    row["workers"] = [_schedstat(pid) for pid in pool.pids()]
                    row["pool_workers"] = workers
                procs.append(row)

    thread = threading.Thread(target=sample, name="pipeline-trace", daemon=True)
    thread.start()
    code: int | str | None = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
    finally:
        stop.set()
        thread.join()
        out.write_text(json.dumps({"samples": samples, "procs": procs, "first_done": done[0] if done else None,
                                   "last_done": done[-1] if done else None, "module_returned": time.monotonic()}),
                       encoding="utf-8")
    sys.exit(code)


if __name__ == "__main__":
    main()
