"""Running crawls from Python: what ``khabar crawl`` does, with the same components as ``scrapy crawl``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.run.addon import khabar_env_overrides, new_crawl_id
from crawler.run.report import OutletReport, RunReport
from crawler.storage import open_store


def khabar_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The project settings module, then KHABAR_* from the environment, then ``overrides`` (cmdline)."""
    settings = Settings()
    settings.setmodule("settings", priority="project")
    khabar_env_overrides(settings, dict(os.environ))
    if not settings.get("KHABAR_CRAWL_ID"):  # one id for every outlet of this run
        settings.set("KHABAR_CRAWL_ID", new_crawl_id(), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(outlet_ids: Iterable[str], settings: Settings) -> list[OutletReport]:
    """Crawl outlets in one process (one Scrapy crawler each) and return their reports."""
    from crawler.catalog import catalog_from_settings
    from spiders.news import NewsSpider

    ids = list(outlet_ids)
    catalog = catalog_from_settings(settings)
    for outlet_id in ids:
        catalog.get(outlet_id)  # fail before starting anything
    open_store(settings.get("KHABAR_STORE_URI"), settings)  # a missing bucket or bad credentials: stop here, clearly
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


def _report(crawler: Any) -> OutletReport | None:
    try:
        return crawler.get_extension(RunReport).report
    except RuntimeError:  # the crawler never started (its error was logged)
        return None
