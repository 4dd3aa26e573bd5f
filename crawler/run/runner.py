"""Running crawls from Python: what ``khabar crawl`` does, with the same components as ``scrapy crawl``."""

from __future__ import annotations

from collections.abc import Iterable

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.run.report import OutletReport, RunReport
from crawler.storage import store_from_settings


def run_crawl(outlet_ids: Iterable[str], settings: Settings) -> list[OutletReport]:
    """Crawl outlets in one process (one Scrapy crawler each) and return their reports."""
    from crawler.catalog import catalog_from_settings
    from spiders.news import NewsSpider

    ids = list(outlet_ids)
    catalog = catalog_from_settings(settings)
    for outlet_id in ids:
        catalog.get(outlet_id)  # fail before starting anything
    store_from_settings(settings)  # a missing bucket or bad credentials: stop here, clearly
    process = CrawlerProcess(settings)
    crawlers = []
    for outlet_id in ids:
        crawler = process.create_crawler(NewsSpider)
        process.crawl(crawler, outlet=outlet_id)
        crawlers.append(crawler)
    process.start()
    from crawler.extract.pool import shutdown_pools

    shutdown_pools()
    return [report for crawler in crawlers if (report := _report(crawler)) is not None]


def _report(crawler: Crawler) -> OutletReport | None:
    try:
        extension = crawler.get_extension(RunReport)
    except RuntimeError:  # the crawler never started (its error was logged)
        return None
    return extension.report if extension is not None else None
