"""Writing article records: gzip JSON Lines, one gzip member per record, crash-safe.

Used by the crawl's ArticleRecordWriter pipeline and by ``khabar reextract``. A file lives as
``<key>.open`` (locked) until closed; each record is its own gzip member, flushed at once, so a
killed crawl keeps every record it wrote (``crawler.storage.unfinished.recover``). Concatenated
members are one valid gzip stream: ``gzip.open``, ``zcat``, pandas and DuckDB read it as is.

A record is written whole or not at all (``crawler.storage.space.append_whole``). When the filesystem
is full, ``write`` raises ``DiskFull`` (and raises it at once from then on) and ``close()`` leaves the
files ``.open`` for the next run's recovery, with every record written before.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import BinaryIO

from crawler.errors import DiskFull
from crawler.records import ArticleRecord
from crawler.storage import Store
from crawler.storage.space import append_whole, disk_full_guard
from crawler.storage.unfinished import OPEN_SUFFIX, finish, open_locked

logger = logging.getLogger(__name__)


class _RecordFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        with disk_full_guard(path):
            self._handle: BinaryIO = open_locked(path)
        self.count = 0

    def write(self, record: ArticleRecord) -> int:
        """Append one record; return the bytes written."""
        compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        data = record.to_json().encode("utf-8") + b"\n"
        member = compressor.compress(data) + compressor.flush()
        append_whole(self._handle, member, self.path)
        self.count += 1
        return len(member)

    def close(self) -> None:
        try:
            with disk_full_guard(self.path):
                finish(self._handle, self.path)
        except DiskFull:
            self.abandon()
            raise

    def abandon(self) -> None:
        """Leave the file ``.open`` for the next run's recovery (removed when it holds no record)."""
        if self.count == 0:
            self.path.with_name(self.path.name + OPEN_SUFFIX).unlink(missing_ok=True)
        self._handle.close()


class RecordFiles:
    """Open record files by store key; ``close()`` finishes and publishes them all."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._files: dict[str, _RecordFile] = {}
        self.published: list[str] = []
        self.full: DiskFull | None = None  # set by the first write that found the filesystem full

    def write(self, key: str, record: ArticleRecord) -> int:
        """Append one record to the file ``key``; return the bytes written. ``DiskFull`` when the filesystem is
        full (nothing written)."""
        if self.full is not None:
            raise self.full
        try:
            if key not in self._files:
                self._files[key] = _RecordFile(self.store.spool / key)
            return self._files[key].write(record)
        except DiskFull as exc:
            self.full = exc
            raise

    def abandon(self) -> None:
        """Leave every file ``.open`` (complete up to its last whole record) for the next run to finish."""
        for record_file in self._files.values():
            record_file.abandon()
        self._files.clear()

    def close(self) -> None:
        """Finish and publish every file; after ``DiskFull``, leave them ``.open`` for the next run."""
        for key, record_file in self._files.items():
            if self.full is not None:
                record_file.abandon()
                continue
            try:
                record_file.close()
            except DiskFull as exc:
                self.full = exc
                continue
            self.store.publish(key)
            self.published.append(key)
            logger.info("wrote %d article records to %s", record_file.count, self.store.describe(key))
        self._files.clear()
