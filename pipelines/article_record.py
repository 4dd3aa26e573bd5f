"""ArticleRecordWriter: writes ArticleRecords as gzip JSON Lines into the store, linked to the WARC.

One file per outlet, capture date and crawl: ``records/outlet=<id>/date=<day>/<crawl-id>.jsonl.gz``,
written as ``<name>.open`` (one gzip member per record, see crawler/records/files.py) and renamed
when the crawl closes, so a finished name is always a finished file. For every record it asks WarcCapture to write a ``metadata`` record naming the
article record (id, version, file), so the WARC side finds the JSON side without a search.
The JSON Schema generated from ``ArticleRecord`` is published at ``schema/article-record.schema.json``.

When the store's filesystem is full, an item is dropped unwritten (the record file is cut back to its last
whole record and stays ``.open``) and the crawl stops: its capture is in a WARC file left unfinished, with
no ``metadata`` record naming it, so the next run's recovery records it from the WARC.

Settings: KHABAR_STORE_URI (the store).
"""

from __future__ import annotations

import json
import logging

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.records import ArticleRecord, json_schema
from crawler.records.files import RecordFiles
from crawler.run.disk_full import disk_full_message, drop_when_disk_full
from crawler.run.report import RecordTally
from crawler.storage import Store, store_from_settings
from crawler.storage.atomic import write_atomically
from crawler.storage.layout import SCHEMA_KEY, records_key
from crawler.warc.capture import WarcCapture

logger = logging.getLogger(__name__)


def publish_schema(store: Store) -> None:
    """Write the record JSON Schema into the store (replacing an older copy)."""
    data = json.dumps(json_schema(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    path = store.spool / SCHEMA_KEY
    if path.exists() and path.read_bytes() == data:
        return
    write_atomically(path, data)
    store.publish(SCHEMA_KEY)


class ArticleRecordWriter:
    def __init__(self, store: Store, crawler: Crawler) -> None:
        self.store, self.crawler = store, crawler
        self._records = RecordFiles(store)
        self._warc: WarcCapture | None = None
        self.tally = RecordTally()  # new articles and versions written, for the run report

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleRecordWriter:
        if not crawler.settings.get("KHABAR_STORE_URI"):
            raise NotConfigured("KHABAR_STORE_URI is empty; set it to a folder or s3:// URI to enable ArticleRecordWriter")
        return cls(store_from_settings(crawler.settings), crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        publish_schema(self.store)
        self._warc = self.crawler.get_extension(WarcCapture)

    def process_item(self, item: object, spider: Spider | None = None) -> object:
        if not isinstance(item, ArticleRecord):
            return item
        key = records_key(item.outlet, item.capture_day, item.crawl_id)
        with drop_when_disk_full(self.crawler, self.store.spool / key, item.url):
            self._write(key, item)
        return item

    def _write(self, key: str, item: ArticleRecord) -> None:
        """The record, then the WARC ``metadata`` record naming it; nothing once the WARC capture met a full disk."""
        if self._warc is not None and (full := self._warc.stopped()) is not None:
            raise full  # its capture has no metadata record: the next run's recovery records it
        size = self._records.write(key, item)
        self.crawler.stats.inc_value("khabar/records/written")
        self.crawler.stats.inc_value("khabar/records/bytes_written", size)
        kind = self.tally.add(item.version, item.date_published, item.fetched_at)
        self.crawler.stats.inc_value(f"khabar/records/written/{kind}")
        if self._warc is not None:
            self._warc.link_record(item, key)

    @property
    def files(self) -> list[str]:
        return self._records.published

    def close_spider(self, spider: Spider | None = None) -> None:
        """Finish the record files; a crawl stopped by a full disk leaves them ``.open``, like its WARC files,
        for the next run to finish (its records link to WARC files that run finishes)."""
        if disk_full_message(self.crawler.stats.get_stats()) is not None:
            self._records.abandon()
        else:
            self._records.close()
