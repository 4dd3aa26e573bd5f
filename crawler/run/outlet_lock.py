"""One crawl per outlet and store at a time: the outlet lock.

Every crawl of an outlet (``khabar crawl`` and ``scrapy crawl news`` alike: the news spider takes it in
``from_crawler``, before anything is fetched or opened) holds ``state/locks/<outlet>.lock`` in the
store's local state (``crawler.storage.layout.outlet_lock_path``) with ``fcntl.flock``. The kernel
releases a flock when its process ends, however it ends, so a killed crawl leaves no stale lock. The
locked file holds a small JSON naming its holder (host, pid, crawl id, start time, command), which a
second crawl reads to say who is crawling the outlet.

The lock is local to one machine (an S3 store's state lives in this machine's spool), like every file
of ``state/``. A scheduler uses the same calls: ``OutletLock(path, LockHolder.this_process(...))``
as a context manager or ``acquire()``/``release()`` (``OutletBusy`` when held), and ``holder(path)``;
a lease across machines (Redis) can offer them with the same ``LockHolder``.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import logging
import os
import shlex
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.errors import OutletBusy
from crawler.storage.layout import outlet_lock_path

__all__ = ["LockHolder", "OutletBusy", "OutletLock", "holder", "lock_outlet"]

logger = logging.getLogger(__name__)

_HOLDER_WAIT = 1.0  # seconds a second crawl waits for a new holder to have written its name


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds an outlet's lock."""

    outlet: str
    host: str
    pid: int
    crawl_id: str
    since: str
    """When the lock was taken, ISO 8601 in UTC."""
    command: str

    @classmethod
    def this_process(cls, outlet: str, crawl_id: str) -> LockHolder:
        return cls(outlet=outlet, host=socket.gethostname(), pid=os.getpid(), crawl_id=crawl_id,
                   since=datetime.now(UTC).isoformat(timespec="seconds"), command=shlex.join(sys.argv))

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host} since {self.since} (crawl id {self.crawl_id or 'not known'})"


class OutletLock:
    """The exclusive lock of one outlet: ``with OutletLock(path, holder):`` or ``acquire()``/``release()``."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.path, self.holder = path, holder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock and write this holder into it, or raise ``OutletBusy`` naming the current holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + _HOLDER_WAIT
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                current = holder(self.path)
                if current is not None or time.monotonic() > deadline:
                    raise OutletBusy(self.holder.outlet, current.describe() if current else "another process") from None
                time.sleep(0.05)  # released meanwhile, or a reader's brief shared lock: try again
                continue
            self._fd = fd
            self._write_holder(fd)
            return

    def _write_holder(self, fd: int) -> None:
        data = json.dumps(asdict(self.holder), ensure_ascii=False).encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)

    def release(self) -> None:
        """Release the lock (closing the file releases it); the file stays, empty, for the next holder."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        os.ftruncate(fd, 0)  # no reader mistakes a released lock's last holder for a live one
        os.close(fd)

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def holder(path: Path) -> LockHolder | None:
    """Who holds the lock at ``path`` now, or None when no live process holds it.

    A holder that has just taken the lock may not have written its name yet: this waits for it up to a
    second (and says None if it still has not; its ``acquire`` then raises with "another process").
    """
    deadline = time.monotonic() + _HOLDER_WAIT
    while True:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        try:
            if _free(fd):
                return None
            found = _read_holder(fd)
        finally:
            os.close(fd)
        if found is not None or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _free(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True


def _read_holder(fd: int) -> LockHolder | None:
    try:
        fields = json.loads(os.pread(fd, 1 << 16, 0))
        return LockHolder(**fields)
    except (ValueError, TypeError):  # not written yet, or half written
        return None


def lock_outlet(crawler: Crawler, outlet: str) -> OutletLock:
    """Take ``outlet``'s lock for ``crawler``'s crawl, released when its engine stops (or its process ends).

    Raises ``OutletBusy``, logged with the holder, when another crawl has it: nothing is fetched then.
    """
    from crawler.storage import store_from_settings

    path = outlet_lock_path(store_from_settings(crawler.settings), outlet)
    lock = OutletLock(path, LockHolder.this_process(outlet, str(crawler.settings.get("KHABAR_CRAWL_ID") or "")))
    try:
        lock.acquire()
    except OutletBusy as busy:
        logger.error("%s", busy)
        _said_already(busy)
        raise
    crawler.signals.connect(lock.release, signal=signals.engine_stopped)  # a weak reference: keep the lock
    return lock


def _said_already(busy: OutletBusy) -> None:
    """Keep asyncio from printing ``busy`` a second time, with a traceback, under ``scrapy crawl``.

    Under the asyncio reactor Scrapy runs each crawl in a task that nothing awaits and re-raises the spider's
    error in it, so asyncio reports it as "never retrieved", traceback and all, after the one line logged above
    (``scrapy crawl`` still exits 1). ``khabar crawl`` handles the error itself and exits 6.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not inside the asyncio loop: nothing to quiet
        return
    previous = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        if context.get("exception") is busy:
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)
