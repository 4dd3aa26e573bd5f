"""The bundled offline demo world: synthetic outlets served on loopback.

>>> from crawler.demo import DemoServer, DemoWorld
>>> world = DemoWorld()
>>> with DemoServer(world) as server:      # doctest: +SKIP
...     server.base_url("demo-wp")
'http://127.0.0.11:40123/'

Outlets: ``demo-wp`` (WordPress, with its REST API), ``demo-cms`` (custom CMS,
windows-1252), ``demo-bilingue`` (French and Arabic) — :data:`OUTLET_IDS`, what
``khabar crawl --demo`` is meant to crawl — and :data:`EXTRA_OUTLET_IDS`:
``demo-listing`` (no feed, no sitemap: listings only) and ``demo-hard`` (robots,
bot walls, 429, paywall, JavaScript, broken HTML, duplicates, malformed files,
redirect loop, oversized page). :class:`DemoServer` serves them all
(:data:`ALL_OUTLET_IDS`). See :mod:`crawler.demo.world` for the model and its
ground truth, :mod:`crawler.demo.server` for the HTTP side and
:mod:`crawler.demo.hostile` for hostile sitemaps and feeds.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from crawler.demo.catalog import demo_catalog_entries
from crawler.demo.model import DEMO_EPOCH, ArticleEntry, DemoArticle, DemoClock, DemoOutlet, Quirks, Section
from crawler.demo.pages import PageRenderer
from crawler.demo.site import Page, StreamedPage
from crawler.demo.world import DemoWorld

if TYPE_CHECKING:
    from crawler.demo.server import DemoServer, WireEntry, WireLog

_FROM_SERVER = ("DemoServer", "WireEntry", "WireLog")


def __getattr__(name: str) -> Any:
    """Import the server lazily: it needs ``ALL_OUTLET_IDS`` from this module."""
    if name in _FROM_SERVER:
        return getattr(importlib.import_module("crawler.demo.server"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

OUTLET_IDS: tuple[str, ...] = ("demo-wp", "demo-cms", "demo-bilingue")
"""The default demo outlets: the ones ``khabar crawl --demo`` crawls."""
EXTRA_OUTLET_IDS: tuple[str, ...] = ("demo-listing", "demo-hard")
"""Outlets for discovery, politeness and hard-case tests, served beside the default ones."""
ALL_OUTLET_IDS: tuple[str, ...] = OUTLET_IDS + EXTRA_OUTLET_IDS

__all__ = [
    "ALL_OUTLET_IDS",
    "DEMO_EPOCH",
    "EXTRA_OUTLET_IDS",
    "OUTLET_IDS",
    "ArticleEntry",
    "DemoArticle",
    "DemoClock",
    "DemoOutlet",
    "DemoServer",
    "DemoWorld",
    "Page",
    "PageRenderer",
    "Quirks",
    "Section",
    "StreamedPage",
    "WireEntry",
    "WireLog",
    "demo_catalog_entries",
]
