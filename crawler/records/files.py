"""Writing article records: gzip JSON Lines, one gzip member per record, crash-safe.

Used by the crawl's ArticleRecordWriter pipeline and by ``khabar reextract``. A file lives as
``<key>.open`` (locked) until closed; each record is its own gzip member, flushed at once, so a
killed crawl keeps every record it wrote (``crawler.storage.unfinished.recover``). Concatenated
members are one valid gzip stream: ``gzip.open``, ``zcat``, pandas and DuckDB read it as is.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import BinaryIO

from crawler.records import ArticleRecord
from crawler.storage import Store
from crawler.storage.unfinished import finish, open_locked

logger = logging.getLogger(__name__)


class _RecordFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: BinaryIO = open_locked(path)
        self.count = 0

    def write(self, record: ArticleRecord) -> None:
        compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        data = record.to_json().encode("utf-8") + b"\n"
        self._handle.write(compressor.compress(data) + compressor.flush())
        self._handle.flush()
        self.count += 1

    def close(self) -> None:
        finish(self._handle, self.path)


class RecordFiles:
    """Open record files by store key; ``close()`` finishes and publishes them all."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._files: dict[str, _RecordFile] = {}
        self.published: list[str] = []

    def write(self, key: str, record: ArticleRecord) -> None:
        if key not in self._files:
            self._files[key] = _RecordFile(self.store.spool / key)
        self._files[key].write(record)

    def close(self) -> None:
        for key, record_file in self._files.items():
            record_file.close()
            self.store.publish(key)
            self.published.append(key)
            logger.info("wrote %d article records to %s", record_file.count, self.store.describe(key))
        self._files.clear()
