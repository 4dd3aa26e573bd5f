"""Progress: live per-outlet counts of a running crawl, readable from any thread.

A Scrapy extension (``EXTENSIONS``, on for ``khabar crawl`` and ``scrapy crawl`` alike). While its spider
runs it samples the crawler's stats a few times a second on the reactor thread and keeps the result as one
immutable :class:`OutletProgress`; ``Progress.current`` is that snapshot. Reading it is one attribute read,
safe from any thread (a console's refresh thread, a Prometheus scrape), and never touches the stats dict.

The counts are the run report's (``crawler.run.report.report_from_stats``, the one mapping from stats),
so when the spider has closed, ``fetched``, ``recorded``, ``not_recorded`` and ``errors`` equal the fields
``pages_fetched``, ``articles_recorded``, ``not_recorded`` and ``fetch_errors`` of ``runs/<crawl-id>/<outlet>.json``.

How to read it, e.g. for metrics (every crawler of a ``CrawlerProcess``)::

    from crawler.run.progress import progress_of
    for crawler in process.crawlers:
        snapshot = progress_of(crawler)   # None before the crawler's extensions exist
        if snapshot is not None:
            gauge.labels(snapshot.outlet).set(snapshot.fetched)

``OutletProgress`` fields: ``outlet``; ``state`` (``starting``, ``running``, ``closed``); ``finish_reason``
(Scrapy's, once closed); ``discovered`` (article URLs found by discovery, new or known); ``fetched``
(responses); ``recorded`` (article records written); ``not_recorded`` (per reason); ``errors`` (failed
fetches and discovery sources); ``bytes_received`` (response bytes as received); ``bytes_archived`` (WARC
bytes written); ``pages_per_second`` (responses per second over the last few seconds; the run's average
once closed); ``elapsed`` (seconds since the spider opened); ``updated`` (``time.time()`` of the sample).

The counts are sampled every ``SAMPLE_INTERVAL`` seconds (0.25): a few dict lookups per crawler, on the
reactor thread that owns the stats.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from twisted.internet import task

from crawler.run.report import report_from_stats

SAMPLE_INTERVAL = 0.25  # seconds between two snapshots
RATE_WINDOW = 5.0  # seconds the live pages/s is measured over
_FOUND = "khabar/discovery/found/"


@dataclass(frozen=True)
class OutletProgress:
    """What one outlet's crawl has done so far (see the module docstring for each field)."""

    outlet: str
    state: str = "starting"
    finish_reason: str | None = None
    discovered: int = 0
    fetched: int = 0
    recorded: int = 0
    not_recorded: Mapping[str, int] = field(default_factory=dict)
    errors: int = 0
    bytes_received: int = 0
    bytes_archived: int = 0
    pages_per_second: float = 0.0
    elapsed: float = 0.0
    updated: float = 0.0

    @property
    def not_recorded_total(self) -> int:
        return sum(self.not_recorded.values())


def counts_from_stats(outlet: str, stats: Mapping[str, Any]) -> OutletProgress:
    """The counts of one outlet's crawl stats, mapped as its run report maps them."""
    report = report_from_stats(outlet, "", "", dict(stats))
    return OutletProgress(
        outlet=outlet, discovered=sum(int(v) for k, v in stats.items() if k.startswith(_FOUND)),
        fetched=report.pages_fetched, recorded=report.articles_recorded, not_recorded=report.not_recorded,
        errors=report.fetch_errors, bytes_received=int(stats.get("downloader/response_bytes", 0)),
        bytes_archived=int(stats.get("khabar/warc/bytes", 0)), updated=time.time())


class Progress:
    """Keeps ``current``, the latest :class:`OutletProgress` of its crawler's spider."""

    def __init__(self, crawler: Crawler, interval: float = SAMPLE_INTERVAL) -> None:
        self.crawler = crawler
        self.interval = interval
        self._outlet = crawler.spidercls.name
        self.current: OutletProgress | None = None
        self._opened = 0.0
        self._samples: deque[tuple[float, int]] = deque()
        self._loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self._opened = time.monotonic()
        self._outlet = str(getattr(spider, "outlet_id", spider.name))
        self.current = OutletProgress(self._outlet, updated=time.time())
        self._loop = task.LoopingCall(self.sample)
        self._loop.start(self.interval, now=True)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        snapshot = self._counts()
        rate = snapshot.fetched / snapshot.elapsed if snapshot.elapsed > 0 else 0.0
        self.current = replace(snapshot, state="closed", finish_reason=reason, pages_per_second=rate)

    def sample(self) -> None:
        """Take a snapshot of the stats now (the reactor thread calls this every ``interval`` seconds)."""
        snapshot = self._counts()
        now = time.monotonic()
        self._samples.append((now, snapshot.fetched))
        while len(self._samples) > 2 and now - self._samples[1][0] >= RATE_WINDOW:
            self._samples.popleft()
        first_time, first_fetched = self._samples[0]
        rate = (snapshot.fetched - first_fetched) / (now - first_time) if now > first_time else 0.0
        self.current = replace(snapshot, state="running", pages_per_second=rate)

    def _counts(self) -> OutletProgress:
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        counts = counts_from_stats(self._outlet, stats)
        return replace(counts, elapsed=time.monotonic() - self._opened)


def progress_of(crawler: Crawler) -> OutletProgress | None:
    """The latest snapshot of ``crawler``'s outlet; None before its extensions exist or its spider opened."""
    try:
        extension = crawler.get_extension(Progress)
    except RuntimeError:  # the crawler has not built its extensions yet (or never will: a busy outlet)
        return None
    return extension.current if extension is not None else None
