"""The WARC side of an article record: its text as a ``resource`` record, and a ``metadata`` record naming it.

Both are ``WARC-Concurrent-To`` the response the record was extracted from. The text's URI is
``urn:text:<url>`` (as Browsertrix does), so replay never serves it for the page; the metadata
record's ``application/warc-fields`` body names the record (``article-record-id``,
``article-record-version``, ``article-record-file``, ``crawl-id``), so the WARC side finds the JSON
side without a search. A crawl writes them into its own WARC files (``WarcCapture.link_record``);
``khabar reextract`` into WARC files of their own (:class:`LinkFiles`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.records import ArticleRecord
from crawler.storage import Store
from crawler.warc.builder import BuiltRecord, RecordFactory, warc_fields
from crawler.warc.writer import RotatingWarcWriter

if TYPE_CHECKING:
    from crawler.warc.capture import WarcConfig


def link_records(factory: RecordFactory, record: ArticleRecord, key: str) -> list[BuiltRecord]:
    """The ``resource`` and ``metadata`` records of an article record written to the record file ``key``."""
    concurrent = {"WARC-Concurrent-To": record.warc.record_id}
    fields = {"article-record-id": record.id, "article-record-version": str(record.version),
              "article-record-file": key, "crawl-id": record.crawl_id}
    resource = factory.blob_record("resource", f"urn:text:{record.url}", record.text.encode("utf-8"),
                                   "text/plain; charset=utf-8", dict(concurrent))
    metadata = factory.blob_record("metadata", record.url, warc_fields(fields), "application/warc-fields",
                                   dict(concurrent))
    return [resource, metadata]


class LinkFiles:
    """WARC files holding only the links of records written outside a crawl, per outlet and day of writing."""

    def __init__(self, store: Store, config: WarcConfig, info: dict[str, str],
                 factory: RecordFactory | None = None) -> None:
        self.store, self.config, self.info = store, config, info
        self.factory = factory or RecordFactory()
        self._writers: dict[tuple[str, date], RotatingWarcWriter] = {}
        self.published: list[str] = []

    def __call__(self, record: ArticleRecord, key: str) -> None:
        day = self.factory.clock().date()
        if (record.outlet, day) not in self._writers:
            self._writers[(record.outlet, day)] = self._writer(record.outlet, day)
        self._writers[(record.outlet, day)].write(link_records(self.factory, record, key))

    def _writer(self, outlet: str, day: date) -> RotatingWarcWriter:
        from crawler.warc.capture import warcinfo_fields

        return RotatingWarcWriter(self.config.file_spec(self.store.spool, outlet, day), self.factory,
                                  warcinfo_fields(outlet, self.info), on_close=self._closed)

    def _closed(self, path: Path, indexed: bool) -> None:
        from crawler.warc.capture import finish_warc_file

        self.published.append(finish_warc_file(self.store, path, None, [], indexed))

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
