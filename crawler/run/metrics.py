"""CrawlMetrics: each outlet's crawl as Prometheus metrics, read from its Scrapy stats when scraped.

On when ``KHABAR_METRICS_PORT`` is set (``khabar crawl --metrics-port N``): the extension starts the process's
metrics server (``crawler.run.metrics_server``) and adds its crawler to one collector. A scrape reads each
crawl's stats at that moment through ``report_from_stats``, the function the run report is built with, so the
numbers are those of ``runs/<crawl-id>/<outlet>.json``; once an outlet's spider has closed, they are its run
report's. Labels: ``outlet`` (and ``reason``, ``kind``, ``store``, ``mount`` where said).

    khabar_pages_fetched_total{outlet}                 responses downloaded (run report: pages_fetched)
    khabar_pages_archived_total{outlet}                responses written to WARC files (pages_archived)
    khabar_articles_recorded_total{outlet}             article records written (articles_recorded)
    khabar_articles_new_total{outlet}                  of which articles archived for the first time (articles_new)
    khabar_articles_updated_total{outlet}              of which new versions of a changed text (articles_updated)
    khabar_articles_not_recorded_total{outlet,reason}  pages not recorded, by reason (not_recorded)
    khabar_errors_total{outlet,kind}                   article_fetch + discovery_source (= fetch_errors),
                                                       warc_write, logged (ERROR log lines)
    khabar_botwall_pages_total{outlet}                 bot-wall pages (botwall_pages)
    khabar_bytes_written_total{outlet,kind}            bytes appended to WARC (kind=warc) and record files (records)
    khabar_warc_files_total{outlet}                    WARC files finished (len(warc_files))
    khabar_crawl_running{outlet}                       1 while the outlet's spider is open, else 0
    khabar_last_success_timestamp_seconds{outlet}      end of the outlet's last run whose result was ok
                                                       (crawler.run.health.run_result), in this process
    khabar_uploads_pending{store}                      files waiting in an S3 store's spool for their upload
    khabar_disk_free_bytes{mount}                      free space of the store's filesystem (the disk guard's probe)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.run.health import run_result
from crawler.run.metrics_server import metrics_registry, serve_metrics_from_settings
from crawler.run.report import OutletReport, RunReport, report_from_stats
from crawler.storage import Store, store_from_settings
from crawler.storage.base import local_spool
from crawler.storage.space import probe_free_space

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

_ERROR_STATS = {"article_fetch": "khabar/articles/fetch_failed", "discovery_source": "khabar/discovery/source_failed",
                "warc_write": "khabar/warc/errors", "logged": "log_count/ERROR"}
_BYTES_STATS = {"warc": "khabar/warc/bytes_written", "records": "khabar/records/bytes_written"}


@dataclass
class OutletSnapshot:
    """What one scrape says about one outlet."""

    report: OutletReport
    stats: dict[str, Any]
    running: bool
    last_success: float | None


class CrawlMetrics:
    """One outlet's crawl, as the collector sees it (see the module docstring)."""

    def __init__(self, crawler: Crawler, store: Store, root: Path) -> None:
        self.crawler, self.store, self.root = crawler, store, root
        self.outlet: str | None = None
        self.running = False
        self.final: OutletSnapshot | None = None
        self.last_success: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlMetrics:
        if serve_metrics_from_settings(crawler.settings) is None:
            raise NotConfigured()  # off unless KHABAR_METRICS_PORT is set: no message, so Scrapy logs no warning
        metrics = cls(crawler, store_from_settings(crawler.settings), local_spool(crawler.settings))
        crawler.signals.connect(metrics.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(metrics.spider_closed, signal=signals.spider_closed)
        return metrics

    def spider_opened(self, spider: Spider) -> None:
        self.outlet = str(getattr(spider, "outlet_id", spider.name))
        self.running = True
        COLLECTOR.add(self)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Keep the run report's numbers (RunReport closes first: it is an earlier extension)."""
        extension = self.crawler.get_extension(RunReport)
        snapshot = self.snapshot(reason)
        if extension is not None and extension.report is not None:
            snapshot.report = extension.report
        if run_result(snapshot.report) == "ok":
            self.last_success = time.time()
        snapshot.running, snapshot.last_success = False, self.last_success
        self.final, self.running = snapshot, False

    def snapshot(self, reason: str = "running") -> OutletSnapshot:
        """The outlet's numbers now (its final ones once its spider has closed)."""
        if self.final is not None:
            return self.final
        assert self.crawler.stats is not None
        stats = dict(self.crawler.stats.get_stats().copy())  # dict.copy: atomic under the GIL, safe off the reactor
        report = report_from_stats(self.outlet or "", str(self.crawler.settings.get("KHABAR_CRAWL_ID")), reason, stats)
        return OutletSnapshot(report, stats, self.running, self.last_success)


class CrawlCollector(Collector):
    """Every outlet crawled in this process, newest crawl per outlet (its last success carried over)."""

    def __init__(self) -> None:
        self._outlets: dict[str, CrawlMetrics] = {}
        self._lock = threading.Lock()

    def add(self, metrics: CrawlMetrics) -> None:
        with self._lock:
            older = self._outlets.get(metrics.outlet or "")
            if older is not None and metrics.last_success is None:
                metrics.last_success = older.last_success
            self._outlets[metrics.outlet or ""] = metrics

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            crawls = list(self._outlets.values())
        snapshots = {m.outlet or "": m.snapshot() for m in crawls}
        yield from _outlet_families(snapshots)
        yield from _store_families(crawls)


_COUNTERS = {
    "pages_fetched": "Responses downloaded", "pages_archived": "Responses written to WARC files",
    "articles_recorded": "Article records written", "articles_new": "Records of articles archived for the first time",
    "articles_updated": "Records of a changed text (version > 1)", "botwall_pages": "Pages that were bot walls",
    "warc_files": "WARC files finished",
}


def _counts(snap: OutletSnapshot) -> dict[str, int]:
    report = snap.report
    return {"pages_fetched": report.pages_fetched, "pages_archived": report.pages_archived,
            "articles_recorded": report.articles_recorded, "articles_new": report.articles_new or 0,
            "articles_updated": report.articles_updated or 0, "botwall_pages": report.botwall_pages,
            "warc_files": int(snap.stats.get("khabar/warc/files", 0))}


def _outlet_families(snapshots: dict[str, OutletSnapshot]) -> Iterator[Metric]:
    counts = {outlet: _counts(snap) for outlet, snap in snapshots.items()}
    for name, doc in _COUNTERS.items():
        family = CounterMetricFamily(f"khabar_{name}", doc, labels=["outlet"])
        for outlet, values in counts.items():
            family.add_metric([outlet], values[name])
        yield family
    yield _labelled("khabar_articles_not_recorded", "Pages not recorded, by reason", "reason",
                    {o: dict(s.report.not_recorded) for o, s in snapshots.items()})
    yield _labelled("khabar_errors", "Errors, by kind", "kind",
                    {o: {k: s.stats.get(v, 0) for k, v in _ERROR_STATS.items()} for o, s in snapshots.items()})
    yield _labelled("khabar_bytes_written", "Bytes appended to WARC and record files", "kind",
                    {o: {k: s.stats.get(v, 0) for k, v in _BYTES_STATS.items()} for o, s in snapshots.items()})
    running = GaugeMetricFamily("khabar_crawl_running", "1 while the outlet's crawl runs", labels=["outlet"])
    success = GaugeMetricFamily("khabar_last_success_timestamp_seconds", "End of the last run whose result was ok",
                                labels=["outlet"])
    for outlet, snap in snapshots.items():
        running.add_metric([outlet], int(snap.running))
        if snap.last_success is not None:
            success.add_metric([outlet], snap.last_success)
    yield running
    yield success


def _labelled(name: str, doc: str, label: str, values: dict[str, dict[str, int]]) -> Metric:
    family = CounterMetricFamily(name, doc, labels=["outlet", label])
    for outlet, counts in values.items():
        for key, count in sorted(counts.items()):
            family.add_metric([outlet, key], count)
    return family


def _pending_uploads(store: Store) -> int:
    count = cast("Callable[[], int] | None", getattr(store, "pending_uploads", None))  # S3 stores only
    return count() if count is not None else 0


def _store_families(crawls: list[CrawlMetrics]) -> Iterator[Metric]:
    pending = GaugeMetricFamily("khabar_uploads_pending", "Files waiting in the spool for their upload", labels=["store"])
    free = GaugeMetricFamily("khabar_disk_free_bytes", "Free space of the store's filesystem", labels=["mount"])
    for store in {m.store.uri: m.store for m in crawls}.values():
        pending.add_metric([store.uri], _pending_uploads(store))
    mounts = {str(fs.mount): fs.free for fs in (probe_free_space(root) for root in {m.root for m in crawls})}
    for mount, free_bytes in sorted(mounts.items()):
        free.add_metric([mount], free_bytes)
    yield pending
    yield free


COLLECTOR = CrawlCollector()
metrics_registry().register(COLLECTOR)
