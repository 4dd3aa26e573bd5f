"""The spool uploader: worker threads that push published files to S3, retry, and only then delete them.

``submit(key)`` returns at once (it runs on the crawl's reactor thread); daemon worker threads
upload (``ObjectTransfer``), confirm size and checksum, and delete the spool file only if it is
still the very file that was sent. A failure leaves the file in the spool and schedules another
try after a bounded exponential backoff (1 s, 2 s, 4 s … at most ``max_delay``); the first failure
of a file is logged once, as is its eventual success. ``drain()`` waits, bounded, for the queue to
empty and reports what is still spooled.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

from crawler.storage._transfer import FileIdentity, ObjectTransfer
from crawler.storage.base import SpoolStatus

logger = logging.getLogger(__name__)


class Uploader:
    def __init__(self, transfer: ObjectTransfer, spool: Path, describe: Callable[[str], str],
                 redact: Callable[[str], str], workers: int = 4, max_delay: float = 60.0) -> None:
        self.transfer, self.spool, self.describe, self.redact = transfer, spool, describe, redact
        self.workers, self.max_delay = max(1, workers), max(1.0, max_delay)
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int, str, int]] = []  # (ready_at, seq, key, attempt)
        self._queued: set[str] = set()
        self._in_flight: dict[str, int] = {}
        self._errors: dict[str, str] = {}
        self._seq = itertools.count()
        self._threads: list[threading.Thread] = []
        self.uploaded_files = self.uploaded_bytes = 0

    # -- producer side (any thread, never blocks on the network) ---------------------------
    def submit(self, key: str) -> None:
        with self._lock:
            if key in self._queued:
                return
            self._push(key, 0, time.monotonic())
            self._start_workers()

    def _push(self, key: str, attempt: int, ready_at: float) -> None:
        heapq.heappush(self._heap, (ready_at, next(self._seq), key, attempt))
        self._queued.add(key)
        self._lock.notify()

    def _start_workers(self) -> None:
        while len(self._threads) < self.workers:
            thread = threading.Thread(target=self._work, name=f"khabar-s3-upload-{len(self._threads)}", daemon=True)
            self._threads.append(thread)
            thread.start()

    # -- workers -----------------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            key, attempt = self._next_job()
            try:
                self._upload(key, attempt)
            except Exception as exc:  # noqa: BLE001 - a worker must survive anything (e.g. a spool gone read-only)
                logger.error("upload worker: %s failed unexpectedly: %s", self.describe(key), self.redact(_reason(exc)))
            finally:
                with self._lock:
                    self._in_flight[key] -= 1
                    if not self._in_flight[key]:
                        del self._in_flight[key]
                    self._lock.notify_all()

    def _next_job(self) -> tuple[str, int]:
        with self._lock:
            while True:
                now = time.monotonic()
                if self._heap and self._heap[0][0] <= now:
                    _, _, key, attempt = heapq.heappop(self._heap)
                    self._queued.discard(key)
                    self._in_flight[key] = self._in_flight.get(key, 0) + 1
                    return key, attempt
                self._lock.wait(timeout=(self._heap[0][0] - now) if self._heap else None)

    def _upload(self, key: str, attempt: int) -> None:
        path = self.spool / key
        try:
            identity, size = self.transfer.upload(key, path)
        except FileNotFoundError:
            return  # already uploaded and removed by an earlier job for the same key (or another process)
        except Exception as exc:  # noqa: BLE001 - any failure keeps the file and is retried
            self._failed(key, attempt, exc)
            return
        self._uploaded(key, path, identity, size, attempt)

    def _uploaded(self, key: str, path: Path, identity: FileIdentity, size: int, attempt: int) -> None:
        try:
            current = FileIdentity.of(os.stat(path))
        except FileNotFoundError:
            current = None
        if current == identity:
            path.unlink(missing_ok=True)  # missing: another process sharing the spool got there first
        elif current is not None:  # replaced by a newer file while we sent the old one: send it too
            self.submit(key)
        with self._lock:
            self.uploaded_files += 1
            self.uploaded_bytes += size
            had_failed = self._errors.pop(key, None) is not None
        if had_failed:
            logger.info("uploaded %s after %d failed attempt(s); removed from the spool", self.describe(key), attempt)

    def _failed(self, key: str, attempt: int, exc: BaseException) -> None:
        reason = self.redact(_reason(exc))
        delay = min(self.max_delay, 2.0 ** attempt) * random.uniform(0.8, 1.2)
        with self._lock:
            first = key not in self._errors
            self._errors[key] = reason
            self._push(key, attempt + 1, time.monotonic() + delay)
        if first:
            logger.warning("upload of %s failed (%s); the file stays in the spool %s and is retried with backoff",
                           self.describe(key), reason, self.spool)

    # -- status ------------------------------------------------------------------------------
    def pending(self) -> int:
        with self._lock:
            return len(self._queued) + len(self._in_flight)

    def drain(self, timeout: float) -> SpoolStatus:
        """Wait until nothing is queued or in flight, or ``timeout`` seconds; then report."""
        deadline = time.monotonic() + max(0.0, timeout)
        with self._lock:
            while (self._queued or self._in_flight) and (left := deadline - time.monotonic()) > 0:
                self._lock.wait(timeout=min(left, 1.0))
            return SpoolStatus(uploaded_files=self.uploaded_files, uploaded_bytes=self.uploaded_bytes,
                               spooled=tuple(sorted(self._queued | set(self._in_flight))),
                               spool_dir=str(self.spool), errors=dict(self._errors))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."
