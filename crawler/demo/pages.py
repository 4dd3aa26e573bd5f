"""Rendering of demo pages, independent of HTTP: what each URL serves now.

:class:`PageRenderer` maps ``(outlet, path?query)`` to a :class:`Page` and
caches the result until the world changes (a publication, an edit, or an
article leaving the news-sitemap window).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

from crawler.demo import bilingual, custom_cms, hard, listing, wordpress
from crawler.demo.site import Page, Renderer, Site, StreamedPage
from crawler.demo.world import DemoWorld

NotFound = Callable[[Site], Page]

DEFAULT_RENDERERS: dict[str, tuple[Renderer, NotFound]] = {
    "demo-wp": (wordpress.render, wordpress.not_found),
    "demo-cms": (custom_cms.render, custom_cms.not_found),
    "demo-bilingue": (bilingual.render, bilingual.not_found),
    "demo-listing": (listing.render, listing.not_found),
    "demo-hard": (hard.render, hard.not_found),
}


class PageRenderer:
    """Renders and caches the pages of every outlet of ``world``."""

    def __init__(self, world: DemoWorld, renderers: Mapping[str, tuple[Renderer, NotFound]] | None = None,
                 cache_size: int = 4096) -> None:
        self.world = world
        self._renderers = dict(renderers or DEFAULT_RENDERERS)
        self._cache: OrderedDict[tuple[str, str, str, int], Page | StreamedPage] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def render(self, outlet_id: str, target: str, base_url: str) -> Page | StreamedPage:
        """The page served at ``target`` (path and query) right now."""
        now = self.world.now
        key = (outlet_id, base_url, target, self.world.state_key(outlet_id, now))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        page = self._render(outlet_id, target, base_url, now)
        with self._lock:
            self._cache[key] = page
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return page

    def _render(self, outlet_id: str, target: str, base_url: str, now: datetime) -> Page | StreamedPage:
        outlet = self.world.outlet(outlet_id)
        render, not_found = self._renderers[outlet_id]
        site = Site(outlet, base_url, now, outlet.visible(now))
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        return render(site, parts.path or "/", query) or not_found(site)
