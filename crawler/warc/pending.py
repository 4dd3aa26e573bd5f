"""The captures of the WARC files still open, kept on disk until their file closes and they enter the dedup index.

A capture enters the payload-digest index only once its WARC file is closed (``crawler.warc.dedup``), so the
crawl keeps, per open file, the captures written to it: a rotation at 1 GB holds tens of thousands of them,
and in memory they grew the crawl process by about 7 MB per 10,000 pages until the file closed. They go,
one line each, into an anonymous temporary file in the store's state folder instead (unlinked from the start:
nothing is left behind by a killed crawl, and nothing needs to be, since recovery reads the captures of a
dead crawl's files back from the files themselves, ``crawler.warc.recovery.captures_in``); ``pop`` reads
them back, in the order written, when the file closes.

When a capture cannot be written there (the state folder is full or gone), that file's captures stay in
memory as they used to: the dedup index still gets every one of them.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from crawler.warc.dedup import Capture

logger = logging.getLogger(__name__)


_BATCH = 256  # captures written to the temporary file at once


def _line(capture: Capture) -> str:
    return json.dumps([capture.url, capture.digest, capture.record_id, capture.date, capture.offset,
                       capture.length]) + "\n"


class _Spill:
    """The captures of one open WARC file: a temporary file of JSON lines (the last ones in a batch in memory),
    or a list in memory once the file could not be written."""

    def __init__(self, folder: Path, key: str) -> None:
        self.key = key  # the WARC file's store key: the ``path`` of every capture in it
        self.file: BinaryIO | None = None
        self.size = 0  # bytes of whole batches in the file
        self.batch: list[str] = []
        self.kept: list[Capture] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.file = tempfile.TemporaryFile("w+b", buffering=0, dir=folder, prefix="pending-captures-")
        except OSError as exc:
            logger.warning("the captures of %s stay in memory until it closes: cannot create a temporary file in %s "
                           "(%s); check the store's state folder", key, folder, exc.strerror or exc)

    def add(self, capture: Capture) -> None:
        if self.file is None:
            self.kept.append(capture)
            return
        self.batch.append(_line(capture))
        if len(self.batch) >= _BATCH:
            self._write_batch()

    def _write_batch(self) -> None:
        assert self.file is not None
        data = "".join(self.batch).encode()
        try:
            self.file.seek(self.size)
            view = memoryview(data)
            while view:
                view = view[self.file.write(view) or 0:]
        except OSError as exc:
            self._to_memory(exc)
            return
        self.size += len(data)
        self.batch = []

    def _to_memory(self, exc: OSError) -> None:
        """Back to memory: the whole batches already in the file come back, then the batch that failed."""
        assert self.file is not None
        file, self.file = self.file, None
        logger.warning("the captures of %s stay in memory until it closes: cannot write them to the state folder "
                       "(%s)", self.key, exc.strerror or exc)
        with file:
            file.seek(0)
            data = file.read(self.size)
        self.kept = [self._capture(line) for line in data.decode().splitlines()]
        self.kept += [self._capture(line) for line in self.batch]
        self.batch, self.size = [], 0

    def _capture(self, line: str) -> Capture:
        url, digest, record_id, date, offset, length = json.loads(line)
        return Capture(url, digest, record_id, date, self.key, offset, length)

    def drain(self) -> Iterator[Capture]:
        """Every capture added, in order; the temporary file is gone once the iterator is exhausted or closed."""
        try:
            if self.file is not None:
                self.file.seek(0)
                with open(self.file.fileno(), encoding="utf-8", closefd=False) as lines:
                    for line in lines:
                        yield self._capture(line)
                for line in self.batch:
                    yield self._capture(line)
            yield from self.kept
        finally:
            self.close()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.batch, self.kept = [], []


class PendingCaptures:
    """Per open WARC file (its local path), the captures written to it, on disk in ``folder`` until it closes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[Path, _Spill] = {}

    def add(self, path: Path, capture: Capture) -> None:
        spill = self._files.get(path)
        if spill is None:
            spill = self._files[path] = _Spill(self.folder, capture.path)
        spill.add(capture)

    def pop(self, path: Path) -> Iterator[Capture]:
        """The captures of ``path``, in the order added (none if there were none); forgotten here."""
        spill = self._files.pop(path, None)
        return spill.drain() if spill is not None else iter(())

    def close(self) -> None:
        """Forget the captures of every file still open (left ``.open``: recovery reads them from the files)."""
        for spill in self._files.values():
            spill.close()
        self._files.clear()
