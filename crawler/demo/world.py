"""The demo world: outlets, their articles, and the clock that reveals them.

Typical use::

    world = DemoWorld()                      # clock at DEMO_EPOCH
    with DemoServer(world) as server:        # binds the base URLs into the world
        urls = world.article_urls("demo-wp")
        world.clock.advance(days=3)          # new and edited articles appear

URLs need a base URL: ``article_urls`` takes one explicitly or uses the one a
running :class:`~crawler.demo.server.DemoServer` registered with
:meth:`DemoWorld.bind_base_urls`.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import unquote

from crawler.demo.model import DEMO_EPOCH, ArticleEntry, DemoArticle, DemoClock, DemoOutlet, Section
from crawler.demo.outlets import build_outlets

__all__ = ["DEMO_EPOCH", "ArticleEntry", "DemoArticle", "DemoClock", "DemoOutlet", "DemoWorld", "Section"]


class DemoWorld:
    """Three synthetic outlets whose visible articles depend on ``clock``."""

    def __init__(self, clock: DemoClock | None = None) -> None:
        self.clock = clock or DemoClock(DEMO_EPOCH)
        self.outlets: dict[str, DemoOutlet] = build_outlets()
        self._events = {oid: outlet.event_times() for oid, outlet in self.outlets.items()}
        self._by_path = {oid: _index_paths(outlet) for oid, outlet in self.outlets.items()}
        self._base_urls: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def now(self) -> datetime:
        """Shortcut for ``self.clock.now``."""
        return self.clock.now

    @property
    def base_urls(self) -> dict[str, str]:
        """Base URLs registered by the running server (outlet id → URL)."""
        with self._lock:
            return dict(self._base_urls)

    def bind_base_urls(self, base_urls: Mapping[str, str]) -> None:
        """Remember where each outlet is served (the server calls this)."""
        with self._lock:
            self._base_urls = dict(base_urls)

    def outlet(self, outlet_id: str) -> DemoOutlet:
        """The outlet ``outlet_id``; raises ``KeyError`` naming the known ids."""
        try:
            return self.outlets[outlet_id]
        except KeyError:
            raise KeyError(f"unknown demo outlet {outlet_id!r}; known: {', '.join(self.outlets)}") from None

    def articles(self, outlet_id: str) -> list[DemoArticle]:
        """Articles visible now, in their current version, newest first."""
        return self.outlet(outlet_id).visible(self.now)

    def article(self, outlet_id: str, path: str) -> DemoArticle | None:
        """The article served at ``path`` now (any percent-encoding), if visible."""
        entry = self._by_path[self.outlet(outlet_id).id].get(unquote(path))
        return entry.at(self.now) if entry else None

    def scheduled(self, outlet_id: str) -> list[ArticleEntry]:
        """The whole schedule, past and future, oldest first."""
        return list(self.outlet(outlet_id).entries)

    def article_urls(self, outlet_id: str, base_url: str | None = None) -> set[str]:
        """Absolute URLs of the visible articles.

        ``base_url`` defaults to the URL the running server registered.
        """
        base = base_url or self.base_urls.get(outlet_id)
        if base is None:
            raise LookupError(f"no base URL for {outlet_id!r}: start a DemoServer or pass base_url")
        return {article.url(base) for article in self.articles(outlet_id)}

    def state_key(self, outlet_id: str, now: datetime | None = None) -> int:
        """A number that changes whenever anything the outlet serves changes."""
        return bisect.bisect_right(self._events[outlet_id], now or self.now)


def _index_paths(outlet: DemoOutlet) -> dict[str, ArticleEntry]:
    return {unquote(entry.original.path): entry for entry in outlet.entries}
