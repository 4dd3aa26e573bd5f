"""ArticleVersioning: a new record only when an article's text changed, numbered.

Per article id, the store's state folder keeps the newest version and its text digest
(``state/articles.sqlite``). A record whose text digest equals the newest one is dropped
(the page may have changed around the article: its WARC capture is kept all the same); a changed
text becomes ``version`` + 1 with ``previous_text_digest``. ``khabar reextract`` numbers the same way.

Settings: KHABAR_STORE_URI (where the state folder lives).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler.records import ArticleRecord
from crawler.run.disk_full import drop_when_disk_full
from crawler.storage import layout, store_from_settings
from crawler.storage.state_db import connect_state

logger = logging.getLogger(__name__)


class VersionIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = connect_state(path, timeout=5.0)
        self._db.execute("CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                         "text_digest TEXT NOT NULL, url TEXT NOT NULL, fetched_at TEXT NOT NULL)")

    def latest(self, article_id: str) -> tuple[int, str] | None:
        row = self._db.execute("SELECT version, text_digest FROM articles WHERE id = ?", (article_id,)).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def remember(self, record: ArticleRecord) -> None:
        self._db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?)",
                         (record.id, record.version, record.text_digest, record.url, record.fetched_at))

    def close(self) -> None:
        self._db.close()


class ArticleVersioning:
    def __init__(self, index: VersionIndex, stats: StatsCollector, crawler: Crawler) -> None:
        self.index, self.stats, self.crawler = index, stats, crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleVersioning:
        assert crawler.stats is not None
        return cls(VersionIndex(layout.articles_db(store_from_settings(crawler.settings))), crawler.stats, crawler)

    def process_item(self, item: object, spider: Spider | None = None) -> object:
        if not isinstance(item, ArticleRecord):
            return item
        latest = self.index.latest(item.id)
        if latest is not None and latest[1] == item.text_digest:
            self.stats.inc_value("khabar/articles/not_recorded/unchanged_text")
            raise DropItem(f"{item.url}: text unchanged since version {latest[0]}; no new record")
        if latest is not None:
            item = replace(item, version=latest[0] + 1, previous_text_digest=latest[1])
            self.stats.inc_value("khabar/records/new_versions")
            logger.info("%s: text changed, version %d", item.url, item.version)
        with drop_when_disk_full(self.crawler, self.index.path, item.url):
            self.index.remember(item)
        return item

    def close_spider(self, spider: Spider | None = None) -> None:
        self.index.close()
