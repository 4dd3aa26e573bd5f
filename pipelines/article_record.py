"""ArticleRecordWriter: writes ArticleRecords as gzip JSON Lines into the store, linked to the WARC.

One file per outlet, capture date and crawl: ``records/outlet=<id>/date=<day>/<crawl-id>.jsonl.gz``,
written as ``<name>.open`` and renamed when the crawl closes, so a finished name is always a
finished file. For every record it asks WarcCapture to write a ``metadata`` record naming the
article record (id, version, file), so the WARC side finds the JSON side without a search.
The JSON Schema generated from ``ArticleRecord`` is published at ``schema/article-record.schema.json``.

Settings: KHABAR_STORE_URI (the store).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
from pathlib import Path
from typing import IO, Any

from scrapy.exceptions import NotConfigured

from crawler.records import ArticleRecord, json_schema
from crawler.storage import Store, open_store
from crawler.storage.layout import SCHEMA_KEY, records_key
from crawler.warc.capture import WarcCapture

logger = logging.getLogger(__name__)
OPEN_SUFFIX = ".open"


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def publish_schema(store: Store) -> None:
    """Write the record JSON Schema into the store (replacing an older copy)."""
    data = json.dumps(json_schema(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    path = store.spool / SCHEMA_KEY
    if path.exists() and path.read_bytes() == data:
        return
    write_atomically(path, data)
    store.publish(SCHEMA_KEY)


class _RecordFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._raw: IO[bytes] = open(path.with_name(path.name + OPEN_SUFFIX), "xb")
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0)
        self.count = 0

    def write(self, record: ArticleRecord) -> None:
        self._gzip.write(record.to_json().encode("utf-8") + b"\n")
        self.count += 1

    def close(self) -> None:
        self._gzip.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.path.with_name(self.path.name + OPEN_SUFFIX), self.path)


class ArticleRecordWriter:
    def __init__(self, store: Store, crawler: Any) -> None:
        self.store, self.crawler = store, crawler
        self._files: dict[str, _RecordFile] = {}
        self.files: list[str] = []
        self._warc: WarcCapture | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArticleRecordWriter:
        uri = crawler.settings.get("KHABAR_STORE_URI")
        if not uri:
            raise NotConfigured("KHABAR_STORE_URI is empty; set it to a folder or s3:// URI to enable ArticleRecordWriter")
        return cls(open_store(uri), crawler)

    def open_spider(self, spider: Any = None) -> None:
        publish_schema(self.store)
        self._warc = self.crawler.get_extension(WarcCapture)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, ArticleRecord):
            return item
        key = records_key(item.outlet, _day(item.fetched_at), item.crawl_id)
        record_file = self._files.get(key) or self._open(key)
        record_file.write(item)
        if self._warc is not None:
            self._warc.link_article(item.outlet, item.url, item.warc, {
                "article-record-id": item.id, "article-record-version": str(item.version),
                "article-record-file": key, "crawl-id": item.crawl_id,
            })
        self.crawler.stats.inc_value("khabar/records/written")
        return item

    def _open(self, key: str) -> _RecordFile:
        self._files[key] = _RecordFile(self.store.spool / key)
        return self._files[key]

    def close_spider(self, spider: Any = None) -> None:
        for key, record_file in self._files.items():
            record_file.close()
            self.store.publish(key)
            self.files.append(key)
            logger.info("wrote %d article records to %s", record_file.count, self.store.describe(key))
        self._files.clear()


def _day(fetched_at: str) -> Any:
    from datetime import date

    return date.fromisoformat(fetched_at[:10])
