"""Extraction off the reactor thread: worker processes shared by every crawler of the process.

trafilatura is the CPU bottleneck of a crawl (about 20 real pages a second per core), so pages are
extracted in worker processes while the reactor keeps fetching and archiving. ``KHABAR_EXTRACT_WORKERS=0``
extracts in the crawl process (for debugging).

How pages travel: each worker has one socket to the crawl process, read and written by the reactor's own event
loop (no hand-off thread, no shared queue: ``concurrent.futures.ProcessPoolExecutor`` runs two threads in the
crawl process that fight the reactor for the GIL on every page). A page body travels raw, gathered with its call's
pickle, never copied (``bench/handoff.py``: 0.06-0.10 ms of the crawl's CPU a 170 KB page, 0.19 through the
executor). A worker holds at most two pages, the one it extracts and the next, already in its socket, so it never
waits for the reactor between two pages.

Who gets the CPU: ``KHABAR_EXTRACT_NICE`` lowers the workers' priority. The reactor needs about a third of a
crawl's CPU, in short bursts; at equal priority two workers and the reactor on two cores each get two thirds of a
core, and the reactor falls behind. Niced workers take what the reactor leaves (Scrapy's scraper slot bounds the
pages in flight), but only where nothing else runs: measured on a shared machine, Linux's per-session scheduling
(autogroup) gave niced workers so little of the CPU they shared with other sessions that the crawl slowed by up to
40 %; hence 0 by default, and 10 for a machine that does nothing but crawl.

Start-up: the workers are started by a thread as soon as the crawl knows its settings (``start_pool_for``, from
``run_crawl`` or the spider), while it imports Scrapy and fetches robots.txt and sitemaps, or, when the crawl has a
single CPU, at its first request (``start_pools``) so that they do not compete with its start-up; with the
``forkserver`` start method (safe with the reactor's threads) whose server imports the extraction code once. A worker does not import the crawl's ``__main__`` (multiprocessing
would: ``crawler.cli``, hence Scrapy and Twisted, about 0.15 s of CPU, 370 modules and 25 MB of resident memory
in each worker for nothing).

A worker that dies costs the page it was extracting (``Rejected(reason="worker_died")``); the page queued behind
it goes to another worker and a new worker takes its place.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import struct
import sys
import threading
import traceback
import types
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, TypeVar

from crawler.extract import ExtractHints, ExtractOutcome, Rejected, Selectors
from crawler.requisites.found import PageRefs  # re and urllib alone (see crawler.requisites)

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

_T = TypeVar("_T")
_HEADER = struct.Struct("!Q")  # an answer: its length, then a pickle
_CALL = struct.Struct("!QQ")   # a call: the lengths of its pickle and of its page body, sent raw after it
_PER_WORKER = 2                # pages a worker holds: the one it extracts and the next
DEFAULT_NICE = 0               # KHABAR_EXTRACT_NICE's default
_BARE_MAIN = types.ModuleType("__main__")  # no __spec__, no __file__: nothing for a new worker to import


class WorkerDied(Exception):
    """The extraction worker process ended while it ran a call."""


def worker_count(setting: object) -> int:
    """Extraction processes: the setting, else one per CPU this process may run on (``taskset``, a container's
    cpuset), at most 8."""
    if setting is None or setting == "":
        return max(1, min(len(os.sched_getaffinity(0)), 8))
    return max(0, int(str(setting)))


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """While a worker (or the forkserver) is started, ``sys.modules["__main__"]`` is a bare module, so the child
    does not run the crawl's main module again: what the workers run lives in this package, never in ``__main__``."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = _BARE_MAIN
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


# -- the worker process -----------------------------------------------------------------------------------------
def _receive(sock: socket.socket, size: int) -> bytes | None:
    """Exactly ``size`` bytes, or None at the end of the stream."""
    data = sock.recv(size, socket.MSG_WAITALL)
    while len(data) < size:  # a signal came, or the stream ended
        more = sock.recv(size - len(data), socket.MSG_WAITALL)
        if not more:
            return None
        data += more
    return data


def _answer(function: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """The pickled ``(True, result)``, or ``(False, exception)`` with the worker's traceback as a note."""
    try:
        return pickle.dumps((True, function(*args)), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - any error of the call goes back to its caller, as with an executor
        exc.add_note("".join(traceback.format_exception(exc)).rstrip())
        try:
            return pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that does not pickle goes back as its text
            return pickle.dumps((False, RuntimeError("".join(traceback.format_exception(exc)))), pickle.HIGHEST_PROTOCOL)


def _serve(sock: socket.socket, nice: int) -> None:
    """A worker: run each call read from ``sock`` and write its answer back, until the crawl closes the socket.
    Ctrl-C reaches the whole process group: a worker ignores it and finishes its page; the crawl stops it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        os.nice(nice)
    while (header := _receive(sock, _CALL.size)) is not None:
        sizes = _CALL.unpack(header)
        message, body = _receive(sock, sizes[0]), _receive(sock, sizes[1])
        if message is None or body is None:
            break
        function, args, with_body = pickle.loads(message)
        answer = _answer(function, (body, *args) if with_body else args)
        try:
            sock.sendall(_HEADER.pack(len(answer)) + answer)
        except OSError:  # the crawl is gone
            break


# -- the crawl side ----------------------------------------------------------------------------------------------
class _Call:
    """A call's bytes (its lengths, its pickle, the page body raw: no copy of the body) and its caller's future."""

    __slots__ = ("parts", "future")

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...], future: asyncio.Future[Any]) -> None:
        with_body = bool(args) and type(args[0]) is bytes
        body: bytes = args[0] if with_body else b""
        message = pickle.dumps((function, args[1:] if with_body else args, with_body), pickle.HIGHEST_PROTOCOL)
        self.parts = [memoryview(_CALL.pack(len(message), len(body))), memoryview(message), memoryview(body)]
        self.future = future


class _Worker:
    """One worker process and the crawl's end of its socket: the calls it holds (the first is running), the bytes
    still to write to it and those read from it."""

    def __init__(self, process: BaseProcess, sock: socket.socket) -> None:
        self.process, self.sock = process, sock
        self.calls: deque[_Call] = deque()
        self.outgoing: deque[memoryview] = deque()
        self.writing = False  # the loop watches for room in the socket
        self.incoming = bytearray()


def _start_worker(nice: int) -> _Worker:
    """A new worker process (through the forkserver; blocks until it is forked) and the crawl's end of its socket."""
    ours, theirs = socket.socketpair()
    context = multiprocessing.get_context("forkserver")
    process = context.Process(target=_serve, args=(theirs, nice), name="khabar-extract", daemon=True)
    with _main_module_hidden():
        process.start()
    theirs.close()
    ours.setblocking(False)
    return _Worker(process, ours)


def _start_workers(count: int, nice: int) -> list[_Worker]:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crawler.extract.article"])  # trafilatura, lxml, py3langid
    return [_start_worker(nice) for _ in range(count)]


class ExtractionPool:
    """``count`` worker processes, started by a thread (at once, or at ``start``); calls run on the event loop of the
    first one."""

    def __init__(self, count: int, nice: int, start: bool = True) -> None:
        self.count, self.nice = count, nice
        self.workers: list[_Worker] = []
        self.waiting: deque[_Call] = deque()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.started: Future[list[_Worker]] = Future()
        self._starting = threading.Lock()
        self._starter: threading.Thread | None = None
        if start:
            self.start()

    def start(self) -> None:
        """Start the workers in the background (a thread), unless they are already started or starting."""
        with self._starting:
            if self._starter is None:
                self._starter = threading.Thread(target=self._start, name="khabar-extract-start", daemon=True)
                self._starter.start()

    def _start(self) -> None:
        try:
            self.started.set_result(_start_workers(self.count, self.nice))
        except BaseException as exc:  # noqa: BLE001 - the first call raises it
            self.started.set_exception(exc)

    async def call(self, function: Callable[..., _T], *args: Any) -> _T:
        """``function(*args)`` in a worker; its exception is raised here, ``WorkerDied`` if the worker ends."""
        loop = asyncio.get_running_loop()
        if self.loop is None:
            self.start()  # a page before the crawl's first request started them (a test, ``khabar extract``)
            await self._adopt(loop)
        future: asyncio.Future[tuple[bool, Any]] = loop.create_future()
        self.waiting.append(_Call(function, args, future))
        if not self.workers:  # every worker died and none could start since
            self._replace()
        self._dispatch()
        ok, value = await future
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    async def _adopt(self, loop: asyncio.AbstractEventLoop) -> None:
        workers = await asyncio.wrap_future(self.started)
        if self.loop is None:  # the first of the calls that waited for the workers
            self.loop = loop
            for worker in workers:
                self._watch(worker)

    def _watch(self, worker: _Worker) -> None:
        assert self.loop is not None
        self.workers.append(worker)
        self.loop.add_reader(worker.sock.fileno(), self._readable, worker)

    def _dispatch(self) -> None:
        """Give waiting calls to the workers that hold the fewest."""
        while self.waiting and self.workers:
            worker = min(self.workers, key=lambda w: len(w.calls))
            if len(worker.calls) >= _PER_WORKER:
                return
            call = self.waiting.popleft()
            if call.future.done():  # its caller was cancelled
                continue
            worker.calls.append(call)
            worker.outgoing.extend(call.parts)
            self._write(worker)

    def _write(self, worker: _Worker) -> None:
        """Send what the socket takes now (gathered, no copy); the loop calls again when there is room."""
        assert self.loop is not None
        try:
            sent = worker.sock.sendmsg(list(worker.outgoing)[:64])
        except BlockingIOError:
            sent = 0
        except OSError:  # the worker is gone: its end of the socket says so to the reader
            sent = 0
            worker.outgoing.clear()
        while sent and worker.outgoing:
            part = worker.outgoing.popleft()
            if sent < len(part):
                worker.outgoing.appendleft(part[sent:])
            sent -= min(sent, len(part))
        if bool(worker.outgoing) != worker.writing:
            worker.writing = bool(worker.outgoing)
            if worker.writing:
                self.loop.add_writer(worker.sock.fileno(), self._write, worker)
            else:
                self.loop.remove_writer(worker.sock.fileno())

    def _readable(self, worker: _Worker) -> None:
        try:
            data = worker.sock.recv(1 << 16)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._died(worker)
            return
        worker.incoming += data
        while len(worker.incoming) >= _HEADER.size:
            end = _HEADER.size + _HEADER.unpack_from(worker.incoming)[0]
            if len(worker.incoming) < end:
                break
            answer = pickle.loads(worker.incoming[_HEADER.size:end])
            del worker.incoming[:end]
            _settle(worker.calls.popleft().future, answer)
        self._dispatch()

    def _died(self, worker: _Worker) -> None:
        """The worker's page fails with ``WorkerDied``; the page queued behind it waits for another worker; a new
        worker takes its place."""
        self._forget(worker)
        if worker.calls:
            _settle(worker.calls.popleft().future, (False, WorkerDied(f"exit code {worker.process.exitcode}")))
        self.waiting.extendleft(reversed(worker.calls))
        self._replace()
        self._dispatch()

    def _replace(self) -> None:
        """One more worker (multiprocessing starts the forkserver again if it is gone); if none can start and none
        is left, the waiting pages fail with ``WorkerDied`` rather than wait for ever."""
        try:
            self._watch(_start_worker(self.nice))
        except Exception as exc:  # noqa: BLE001 - whatever stops a start, the pages must not hang
            logger.error("no extraction worker could start (%s); the pages waiting for one are not extracted", exc)
            while self.waiting and not self.workers:
                _settle(self.waiting.popleft().future, (False, WorkerDied(f"no extraction worker could start: {exc}")))

    def _forget(self, worker: _Worker) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.remove_reader(worker.sock.fileno())
            self.loop.remove_writer(worker.sock.fileno())
        worker.sock.close()
        worker.process.join(timeout=5)
        if worker in self.workers:
            self.workers.remove(worker)

    def pids(self) -> list[int]:
        """The workers' process ids (for the benches)."""
        return [worker.process.pid for worker in self.workers if worker.process.pid is not None]

    def shutdown(self) -> None:
        """Close every worker's socket (it ends after its page) and wait for it; workers still starting first start."""
        if self._starter is None:  # never started: nothing runs
            return
        if self.loop is None:  # no call came: the workers the thread starts
            with suppress(Exception):
                self.workers = list(self.started.result())
        for worker in list(self.workers):
            self._forget(worker)


def _settle(future: asyncio.Future[Any], answer: tuple[bool, Any]) -> None:
    if not future.done() and not future.get_loop().is_closed():
        future.set_result(answer)


_pools: dict[int, ExtractionPool] = {}


def extract_nice(setting: object) -> int:
    """How much lower the workers' priority is than the crawl process's (``nice``), 0 to 19."""
    return min(19, max(0, int(str(setting)))) if setting not in (None, "") else DEFAULT_NICE


def start_pool(workers: int, nice: int = DEFAULT_NICE, now: bool = True) -> None:
    """The pool of ``workers`` processes (0: none), its workers started now in the background (the first page does
    not wait for them to start), or by ``start_pools`` when ``now`` is false."""
    if workers and workers not in _pools:
        _pools[workers] = ExtractionPool(workers, nice, start=now)
    elif workers and now:
        _pools[workers].start()


def start_pool_for(settings: BaseSettings) -> int:
    """Prepare the extraction workers the settings ask for (``KHABAR_EXTRACT_WORKERS``, ``KHABAR_EXTRACT_NICE``);
    their number. Again with the same settings: the same workers.

    They start in the background as early as they can without delaying the crawl's first request: at once when the
    crawl may run on more than one CPU (the forkserver imports the extraction code on another one while the crawl
    imports Scrapy), else when ``start_pools`` is called, at the crawl's first request (the spider connects it): on
    one CPU, the forkserver's imports (about 0.3 s of CPU) would share it with the crawl's own start-up and delay its
    first request as much (``bench/start_up.py``), while the crawl then waits on the network."""
    workers = worker_count(settings.get("KHABAR_EXTRACT_WORKERS"))
    start_pool(workers, extract_nice(settings.get("KHABAR_EXTRACT_NICE")), now=len(os.sched_getaffinity(0)) > 1)
    return workers


def start_pools() -> None:
    """Start the workers of every pool not yet started (in the background); cheap when they all are."""
    for pool in _pools.values():
        pool.start()


def _pool(workers: int) -> ExtractionPool:
    pool = _pools.get(workers)
    if pool is not None and pool.loop is not None and pool.loop.is_closed():  # a new event loop (tests)
        pool.shutdown()
        del _pools[workers]
    start_pool(workers)
    return _pools[workers]


def shutdown_pools() -> None:
    for pool in _pools.values():
        pool.shutdown()
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
    try:
        return await _pool(workers).call(_extract_with_requisites, body, url, content_type, hints)
    except WorkerDied:
        logger.error("an extraction worker died while extracting %s; a new one takes its place", url)
        return Rejected(reason="worker_died", detail="the extraction worker process died on this page"), None
