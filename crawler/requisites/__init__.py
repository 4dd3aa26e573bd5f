"""Page requisites: the stylesheets, scripts, images and fonts an archived article needs to replay as served.

``found`` lists what a page or a stylesheet references; ``plan`` decides what a crawl fetches (hosts, bounds,
freshness) and counts the rest. The news spider fetches them as ordinary requests (spiders/news.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.requisites.plan import REQUISITE_META, RequisiteConfig, Requisites

__all__ = ["REQUISITE_META", "RequisiteConfig", "Requisites"]


def __getattr__(name: str) -> Any:
    """``plan`` (Scrapy's requests) is imported when asked for: the extraction workers import ``found`` alone."""
    if name in __all__:
        from crawler.requisites import plan

        return getattr(plan, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
