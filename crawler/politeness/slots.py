"""Per-host delay and concurrency from the catalog's crawl hints."""

from __future__ import annotations

from scrapy.settings import BaseSettings

from crawler.catalog import OutletSpec


def apply_outlet_politeness(settings: BaseSettings, outlet: OutletSpec) -> None:
    """Per-host delay and concurrency from the catalog's crawl hints (settings are not frozen yet)."""
    hints = outlet.crawl
    if hints.delay is None and hints.concurrency is None:
        return
    slot = {"delay": hints.delay if hints.delay is not None else settings.getfloat("DOWNLOAD_DELAY"),
            "concurrency": hints.concurrency or settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")}
    slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
    for host in outlet.domains:
        slots[host] = slot
    settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
    if hints.delay is not None:  # an explicit per-outlet delay is the operator's choice: AutoThrottle stays out
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
