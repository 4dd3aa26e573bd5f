"""Which discovered URLs a run fetches, and with which validators.

``ArticleFrontier.admit()`` decides for each article URL found by discovery: skip it (already
archived and its announced ``lastmod`` did not move, older than ``--since``, past
``--max-articles``), or fetch it, conditionally when it was seen before. Discovery documents get
``If-None-Match``/``If-Modified-Since`` from the last *finished* run, so a crawl killed halfway
never hides the URLs it had not reached behind a 304.

    KHABAR_INCREMENTAL   (True)  False: fetch every discovered URL again (unchanged ones become revisits)
    KHABAR_SINCE         (None)  skip URLs announced as published or modified before this date
    KHABAR_MAX_ARTICLES  (0)     stop scheduling article URLs after this many (0 = no limit)
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date

from scrapy.crawler import Crawler
from scrapy.http.headers import Headers
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from crawler.discovery.state import CrawlState, conditional_headers, lastmod_instant, normal_lastmod
from crawler.errors import ConfigInvalid

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FrontierConfig:
    incremental: bool
    since: date | None
    max_articles: int

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> FrontierConfig:
        since = settings.get("KHABAR_SINCE")
        try:
            since_day = date.fromisoformat(str(since)[:10]) if since else None
        except ValueError:
            raise ConfigInvalid(f"KHABAR_SINCE={since!r} is not a date; use YYYY-MM-DD (khabar crawl --since 2026-11-01)") from None
        return cls(settings.getbool("KHABAR_INCREMENTAL", True), since_day, settings.getint("KHABAR_MAX_ARTICLES", 0))


def _lastmod_day(value: str | None) -> date | None:
    """The UTC day of an announced lastmod, None when there is none or it is unreadable."""
    moment = lastmod_instant(value)
    return moment.date() if moment else None


class ArticleFrontier:
    def __init__(self, config: FrontierConfig, state: CrawlState, crawler: Crawler) -> None:
        self.config, self.state, self._crawler = config, state, crawler
        self.scheduled = 0
        self._source_validators: dict[str, tuple[str | None, str | None]] = {}
        self._run = RunUrls()
        self._render_owed: set[str] = set()
        self._marks: dict[str, str] = {}

    def admit(self, url: str, lastmod: str | None = None) -> dict[str, str] | None:
        """Headers to fetch ``url`` with, or None to skip it (the reason is counted)."""
        newest, admitted, fetched = self._run.get(url)
        if lastmod and (normal := normal_lastmod(lastmod)) and normal > (newest or ""):
            newest = normal
            self._run.put(url, newest, admitted, fetched)
        if admitted:  # found again by another source: one fetch, the newest lastmod kept
            if fetched and newest:
                self.state.raise_lastmod(url, newest)
            return None
        if self.config.max_articles and self.scheduled >= self.config.max_articles:
            self._skip("max_articles")
            return None
        announced = _lastmod_day(lastmod)
        if self.config.since and announced and announced < self.config.since:
            self._skip("before_since")
            return None
        fetch, known = self.state.needs_fetch(url, lastmod) if self.config.incremental else (True, self.state.get(url))
        if not fetch:
            self._skip("already_archived")
            return None
        self.scheduled += 1
        self._run.put(url, newest, True, fetched)
        if known is not None and known.render_pending:  # asked for, never archived: the page is decided once more
            self._render_owed.add(url)
            self.stats.inc_value("khabar/render/owed")
            return {}  # not conditionally: a 304 would leave nothing to render
        return conditional_headers(known) if self.config.incremental else {}

    @property
    def stats(self) -> StatsCollector:
        return self._crawler.stats  # set when the crawl starts, after the spider is built

    def _skip(self, reason: str) -> None:
        self.stats.inc_value(f"khabar/discovery/skipped/{reason}")

    def article_fetched(self, url: str, status: int, lastmod: str | None, headers: Headers) -> None:
        announced, admitted, _ = self._run.get(url)
        self._run.put(url, announced, admitted, True)
        newest = max(filter(None, (normal_lastmod(lastmod), announced)), default=None)
        self.state.remember(url, status, newest, _header(headers, b"ETag"), _header(headers, b"Last-Modified"),
                            _header(headers, b"Date"), article=True)

    def owe_render(self, url: str) -> None:
        """The page just archived asks for a browser render (see ``CrawlState.owe_render``)."""
        self.state.owe_render(url)

    def settle_render(self, url: str) -> None:
        """The browser step owed for the page is done (see ``CrawlState.settle_render``)."""
        self.state.settle_render(url)

    def render_owed(self, url: str) -> bool:
        """A render an earlier run asked for and never archived: its page is decided again even when it comes back
        unchanged (a revisit), since no record was ever made of it."""
        return url in self._render_owed

    def count_unchanged(self) -> None:
        """Count the outlet's archived articles this run did not fetch again: discovery found them unchanged,
        or did not list them (``khabar/articles/known_unchanged``)."""
        unchanged = max(0, self.state.archived_articles() - self._run.fetched())
        self.stats.set_value("khabar/articles/known_unchanged", unchanged)

    # -- discovery documents ---------------------------------------------------------------
    def source_headers(self, url: str) -> dict[str, str]:
        return conditional_headers(self.state.get(url)) if self.config.incremental else {}

    def source_fetched(self, url: str, headers: Headers) -> None:
        self._source_validators[url] = (_header(headers, b"ETag"), _header(headers, b"Last-Modified"))

    def note_mark(self, name: str, value: str) -> None:
        """Keep the greatest value seen for a mark (e.g. the newest REST modification date)."""
        if value and value > self._marks.get(name, ""):
            self._marks[name] = value

    def commit_marks(self) -> None:
        for name, value in self._marks.items():
            if value > (self.state.mark(name) or ""):
                self.state.set_mark(name, value)

    def commit_sources(self) -> None:
        """Keep the validators of the discovery documents: call only when the run finished."""
        for url, (etag, last_modified) in self._source_validators.items():
            self.state.remember(url, 200, None, etag, last_modified)
        self._source_validators.clear()


class RunUrls:
    """What this run did with each article URL discovery found: the newest lastmod announced for it, whether it was
    admitted (scheduled), whether it was fetched. In a private temporary SQLite database (its pages spill to a
    temporary file past SQLite's 2 MB cache), not in Python sets and dicts: those took about 470 bytes a URL
    (tracemalloc), 47 MB for an outlet whose sitemaps list 100,000 articles. Gone when the process ends."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": a temporary database of this connection's own
        self._db.execute("CREATE TABLE urls (url TEXT PRIMARY KEY, announced TEXT, admitted INTEGER NOT NULL, "
                         "fetched INTEGER NOT NULL) WITHOUT ROWID")

    def get(self, url: str) -> tuple[str | None, bool, bool]:
        """(newest lastmod announced, admitted, fetched) of ``url`` in this run."""
        row = self._db.execute("SELECT announced, admitted, fetched FROM urls WHERE url = ?", (url,)).fetchone()
        return (row[0], bool(row[1]), bool(row[2])) if row else (None, False, False)

    def put(self, url: str, announced: str | None, admitted: bool, fetched: bool) -> None:
        self._db.execute("INSERT OR REPLACE INTO urls VALUES (?, ?, ?, ?)", (url, announced, int(admitted), int(fetched)))

    def fetched(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM urls WHERE fetched").fetchone()[0])


def _header(headers: Headers, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None
