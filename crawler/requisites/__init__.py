"""Page requisites: the stylesheets, scripts, images and fonts an archived article needs to replay as served.

``found`` lists what a page or a stylesheet references; ``plan`` decides what a crawl fetches (hosts, bounds,
freshness) and counts the rest. The news spider fetches them as ordinary requests (spiders/news.py).
"""

from crawler.requisites.plan import REQUISITE_META, RequisiteConfig, Requisites

__all__ = ["REQUISITE_META", "RequisiteConfig", "Requisites"]
