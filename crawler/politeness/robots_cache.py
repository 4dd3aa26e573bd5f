"""robots.txt, fetched once a day per host rather than once a run (RFC 9309, section 2.4).

Scrapy's RobotsTxtMiddleware fetches each host's robots.txt at the start of every run. For an
operator running hourly crawls of small outlets that is a large share of an unchanged run's
requests. This middleware keeps each robots.txt it fetched (status and body) in the store's
state (``state/crawl.sqlite``) and reuses a copy younger than ``KHABAR_ROBOTS_MAX_AGE`` seconds
(default 86400: the RFC's "SHOULD NOT use the cached version for more than 24 hours"). Rules and
``Sitemap:`` lines are read from the copy exactly as from a fresh fetch; 5xx answers and network
errors are never kept, so the next run asks again. ``KHABAR_ROBOTS_MAX_AGE = 0`` fetches every run.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.storage import layout, store_from_settings
from crawler.storage.state_db import connect_state

logger = logging.getLogger(__name__)


class RobotsCache:
    """Kept robots.txt answers, one row per host[:port]."""

    def __init__(self, path: Path) -> None:
        self._db = connect_state(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS robots (netloc TEXT PRIMARY KEY, status INTEGER NOT NULL, "
                         "body BLOB NOT NULL, fetched_at REAL NOT NULL)")

    def fresh(self, netloc: str, max_age: float, now: float | None = None) -> tuple[int, bytes] | None:
        row = self._db.execute("SELECT status, body, fetched_at FROM robots WHERE netloc = ?", (netloc,)).fetchone()
        if row is None or (now or time.time()) - row[2] > max_age:
            return None
        return int(row[0]), bytes(row[1])

    def keep(self, netloc: str, status: int, body: bytes, now: float | None = None) -> None:
        self._db.execute("INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?)", (netloc, status, body, now or time.time()))

    def close(self) -> None:
        self._db.close()


class CachedRobotsTxtMiddleware(RobotsTxtMiddleware):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CachedRobotsTxtMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.max_age = crawler.settings.getfloat("KHABAR_ROBOTS_MAX_AGE", 86400)
        self._cache: RobotsCache | None = None
        self._settings = crawler.settings

    @property
    def cache(self) -> RobotsCache:
        if self._cache is None:
            self._cache = RobotsCache(layout.crawl_db(store_from_settings(self._settings)))
        return self._cache

    async def robot_parser(self, request: Request) -> Any:
        url = urlparse_cached(request)
        if url.netloc not in self._parsers and self.max_age > 0 and (kept := self.cache.fresh(url.netloc, self.max_age)):
            status, body = kept
            self._parsers[url.netloc] = Deferred()
            robots = Request(f"{url.scheme}://{url.netloc}/robots.txt", meta={"dont_obey_robotstxt": True},
                             callback=NO_CALLBACK)
            self._stats.inc_value("khabar/robots/reused")
            logger.debug("robots.txt of %s: the copy kept from less than %.0f s ago", url.netloc, self.max_age)
            kept_response = Response(robots.url, status=status, body=body, request=robots, flags=[_KEPT])
            await self._parse_robots(kept_response, url.netloc, request)
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status < 500 and _KEPT not in response.flags:
            self.cache.keep(netloc, response.status, response.body)
        await super()._parse_robots(response, netloc, request)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


_KEPT = "khabar-robots-kept"
