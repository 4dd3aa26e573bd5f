"""Running crawls from Python: what ``khabar crawl`` does, with the same components as ``scrapy crawl``."""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from twisted.python.failure import Failure

from crawler.errors import OutletBusy
from crawler.run.metrics_server import serve_metrics_from_settings
from crawler.run.report import OutletReport, RunReport
from crawler.storage import store_from_settings

logger = logging.getLogger(__name__)


@dataclass
class CrawlResult:
    """What one ``run_crawl`` did: a report per outlet crawled, the outlets another crawl held, the signals."""

    reports: list[OutletReport] = field(default_factory=list)
    busy: list[OutletBusy] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    """The stop signals received, in order (``["SIGINT", "SIGINT"]``: a forced stop)."""


class CrawlView(Protocol):
    """Something that watches a run while it goes (``crawler.run.console.CrawlConsole``): ``start`` gets the
    crawlers by outlet id once they exist, before the reactor runs; ``stop`` is called when it has stopped.
    ``crawler.run.progress.progress_of(crawler)`` gives each one's live counts."""

    def start(self, crawlers: Mapping[str, Crawler]) -> None: ...

    def stop(self) -> None: ...


class _StoppableProcess(CrawlerProcess):
    """Scrapy's CrawlerProcess, remembering which signals stopped it (Scrapy logs them, and forgets).

    Scrapy's signal handlers are private methods: tests/test_interrupt.py fails if Scrapy renames them.
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.received: list[str] = []

    def _signal_shutdown(self, signum: int, frame: object) -> None:  # the first SIGINT/SIGTERM: a graceful stop
        self.received.append(signal.Signals(signum).name)
        # Scrapy says so at INFO, which khabar crawl's console leaves to the crawl log: say it where it is seen
        logger.warning("%s received: finishing the requests in flight and closing the files; send it again to stop "
                       "at once (either way, --resume continues the crawl)", self.received[-1])
        super()._signal_shutdown(signum, frame)

    def _signal_kill(self, signum: int, frame: object) -> None:  # the second: Scrapy stops the reactor at once
        self.received.append(signal.Signals(signum).name)
        super()._signal_kill(signum, frame)


def run_crawl(outlet_ids: Iterable[str], settings: Settings, views: Sequence[CrawlView] = ()) -> CrawlResult:
    """Crawl outlets in one process (one Scrapy crawler each) and say what happened to each; ``views``
    (the console, metrics…) watch the crawlers while they run."""
    from crawler.catalog import catalog_from_settings
    from crawler.extract.pool import start_pool_for

    ids = list(outlet_ids)
    catalog = catalog_from_settings(settings)
    for outlet_id in ids:
        catalog.get(outlet_id)  # fail before starting anything
    check_settings(settings)  # a wrong KHABAR_* value: a usage error (exit 2), before anything starts
    store_from_settings(settings)  # a missing bucket or bad credentials: stop here, clearly
    serve_metrics_from_settings(settings)  # a port in use: stop here too (CrawlMetrics then finds it running)
    start_pool_for(settings)  # the workers start while Scrapy and the spider are imported and robots.txt is fetched
    from spiders.news import NewsSpider

    process = _StoppableProcess(settings)
    result = CrawlResult()
    crawlers = {outlet_id: process.create_crawler(NewsSpider) for outlet_id in ids}
    for view in views:
        view.start(crawlers)  # before the crawlers log their settings
    for outlet_id, crawler in crawlers.items():
        process.crawl(crawler, outlet=outlet_id).addErrback(_note_busy, result)
    try:
        process.start()
    finally:
        for view in views:
            view.stop()
    from crawler.extract.pool import shutdown_pools

    shutdown_pools()
    result.reports = [report for crawler in crawlers.values() if (report := _report(crawler)) is not None]
    result.signals = process.received
    return result


def check_settings(settings: Settings) -> None:
    """Raise ``ConfigInvalid`` for a setting the crawl's components would refuse once started (where Scrapy would
    log it with a traceback, outlet by outlet): the browser, screenshots, page requisites."""
    from crawler.render.browser import find_browser
    from crawler.render.screenshot import screenshot_mode
    from crawler.requisites.plan import RequisiteConfig

    screenshot_mode(settings)
    find_browser(settings.get("KHABAR_RENDER_JS"))
    RequisiteConfig.from_settings(settings)


def _note_busy(failure: Failure, result: CrawlResult) -> Failure | None:
    """An outlet another crawl holds: noted for the summary (the spider logged who holds it)."""
    if isinstance(failure.value, OutletBusy):
        result.busy.append(failure.value)
        return None
    return failure


def _report(crawler: Crawler) -> OutletReport | None:
    try:
        extension = crawler.get_extension(RunReport)
    except RuntimeError:  # the crawler never started (its error was logged)
        return None
    return extension.report if extension is not None else None
