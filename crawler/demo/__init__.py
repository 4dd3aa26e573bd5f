"""The bundled offline demo world: synthetic outlets served on loopback.

>>> from crawler.demo import DemoServer, DemoWorld
>>> world = DemoWorld()
>>> with DemoServer(world) as server:      # doctest: +SKIP
...     server.base_url("demo-wp")
'http://127.0.0.11:40123/'

Outlets: ``demo-wp`` (WordPress), ``demo-cms`` (custom CMS, windows-1252),
``demo-bilingue`` (French and Arabic). See :mod:`crawler.demo.world` for the
model and :mod:`crawler.demo.server` for the HTTP side.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from crawler.demo.catalog import demo_catalog_entries
from crawler.demo.model import DEMO_EPOCH, ArticleEntry, DemoArticle, DemoClock, DemoOutlet, Section
from crawler.demo.pages import PageRenderer
from crawler.demo.site import Page
from crawler.demo.world import DemoWorld

if TYPE_CHECKING:
    from crawler.demo.server import DemoServer, WireEntry, WireLog, serve_forever_cli

_FROM_SERVER = ("DemoServer", "WireEntry", "WireLog", "serve_forever_cli")


def __getattr__(name: str) -> Any:
    """Import the server lazily, so ``python -m crawler.demo.server`` runs it only once."""
    if name in _FROM_SERVER:
        return getattr(importlib.import_module("crawler.demo.server"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

OUTLET_IDS: tuple[str, ...] = ("demo-wp", "demo-cms", "demo-bilingue")

__all__ = [
    "DEMO_EPOCH",
    "OUTLET_IDS",
    "ArticleEntry",
    "DemoArticle",
    "DemoClock",
    "DemoOutlet",
    "DemoServer",
    "DemoWorld",
    "Page",
    "PageRenderer",
    "Section",
    "WireEntry",
    "WireLog",
    "demo_catalog_entries",
    "serve_forever_cli",
]
