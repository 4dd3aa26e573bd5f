"""The demo world: outlets, their articles, and the clock that reveals them.

Typical use::

    world = DemoWorld()                      # clock at DEMO_EPOCH
    with DemoServer(world) as server:        # binds the base URLs into the world
        urls = world.article_urls("demo-wp")
        world.clock.advance(days=3)          # new and edited articles appear

URLs need a base URL: ``article_urls`` takes one explicitly or uses the one a
running :class:`~crawler.demo.server.DemoServer` registered with
:meth:`DemoWorld.bind_base_urls`.

Ground truth for crawler tests, per outlet (every method takes the same optional
``base_url``): :meth:`~DemoWorld.expected_article_urls`, :meth:`~DemoWorld.disallowed_urls`,
:meth:`~DemoWorld.bot_wall_urls`, :meth:`~DemoWorld.throttled_urls`,
:meth:`~DemoWorld.role_urls`, :meth:`~DemoWorld.duplicate_groups`,
:meth:`~DemoWorld.variant_urls`, :meth:`~DemoWorld.special_urls`, and for runs
that span a clock move :meth:`~DemoWorld.published_between`,
:meth:`~DemoWorld.edited_between` and :meth:`~DemoWorld.vanished_between`.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from urllib.parse import unquote, urljoin

from crawler.demo.model import DEMO_EPOCH, ArticleEntry, DemoArticle, DemoClock, DemoOutlet, Section
from crawler.demo.outlets import build_outlets

__all__ = ["DEMO_EPOCH", "ArticleEntry", "DemoArticle", "DemoClock", "DemoOutlet", "DemoWorld", "Section"]


class DemoWorld:
    """Synthetic outlets whose visible articles depend on ``clock``."""

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
        base = self._base(outlet_id, base_url)
        return {article.url(base) for article in self.articles(outlet_id)}

    def _base(self, outlet_id: str, base_url: str | None) -> str:
        base = base_url or self.base_urls.get(outlet_id)
        if base is None:
            raise LookupError(f"no base URL for {outlet_id!r}: start a DemoServer or pass base_url")
        return base

    # --- ground truth -----------------------------------------------------------------------

    def expected_article_urls(self, outlet_id: str, base_url: str | None = None, *,
                              at: datetime | None = None) -> set[str]:
        """The URLs a correct crawler records as articles at ``at`` (default: now).

        Every visible article, except those robots.txt disallows (:meth:`disallowed_urls`)
        and those behind a bot wall (:meth:`bot_wall_urls`). Throttled (429 first),
        paywalled, JavaScript-built and broken-HTML articles are in, and so are both URLs
        of a republished story (:meth:`duplicate_groups`). Variant URLs (AMP,
        ``?utm_…``) are not: they name their article with ``rel=canonical``. Redirect
        loops, the oversized page, home, listing, tag, author and search pages are never
        articles. For the three original outlets this is :meth:`article_urls`.
        """
        base, outlet = self._base(outlet_id, base_url), self.outlet(outlet_id)
        excluded = outlet.quirks.paths("disallowed", "bot_wall_js", "bot_wall_captcha")
        return {a.url(base) for a in outlet.visible(at or self.now) if a.path not in excluded}

    def disallowed_urls(self, outlet_id: str, base_url: str | None = None) -> set[str]:
        """URLs the outlet lists or links now that its robots.txt disallows for every agent.

        demo-hard: the ``/prive/`` articles (its sitemap lists them) and the ``/prive/``
        index (its home page links it); demo-cms: the ``/imprimer/<id>.html`` print
        version linked from each article. Empty for the others.
        """
        base, outlet = self._base(outlet_id, base_url), self.outlet(outlet_id)
        visible = self.articles(outlet_id)
        found = {a.url(base) for a in visible if a.path in outlet.quirks.paths("disallowed")}
        found |= {urljoin(base, t.format(story_id=a.story_id)) for t in outlet.quirks.linked_disallowed for a in visible}
        found |= {urljoin(base, path) for _, path in outlet.quirks.endpoints
                  if path.startswith(outlet.quirks.robots_disallow)}
        return found

    def role_urls(self, outlet_id: str, role: str, base_url: str | None = None) -> set[str]:
        """URLs of the visible articles that have ``role`` (see :class:`~crawler.demo.model.Quirks`)."""
        base, paths = self._base(outlet_id, base_url), self.outlet(outlet_id).quirks.paths(role)
        return {a.url(base) for a in self.articles(outlet_id) if a.path in paths}

    def bot_wall_urls(self, outlet_id: str, base_url: str | None = None) -> set[str]:
        """Article URLs that answer a bot wall (503 JavaScript challenge or 403 captcha), never an article."""
        return self.role_urls(outlet_id, "bot_wall_js", base_url) | self.role_urls(outlet_id, "bot_wall_captcha", base_url)

    def throttled_urls(self, outlet_id: str, base_url: str | None = None) -> set[str]:
        """Article URLs whose first request gets 429 with ``Retry-After: 1`` (then the article)."""
        return self.role_urls(outlet_id, "throttled", base_url)

    def duplicate_groups(self, outlet_id: str, base_url: str | None = None, *,
                         include_variants: bool = False) -> list[frozenset[str]]:
        """Sets of URLs that carry the same story, for story-dedup tests.

        By default only article URLs (each group is inside :meth:`expected_article_urls`):
        a story and its republication under another slug, same text, a day later.
        ``include_variants`` adds the AMP and ``?utm_…`` URLs of the group's articles.
        """
        base, quirks = self._base(outlet_id, base_url), self.outlet(outlet_id).quirks
        groups = []
        for paths in quirks.story_groups:
            urls = {urljoin(base, p) for p in paths if self.article(outlet_id, p) is not None}
            if include_variants:
                urls |= {urljoin(base, v) for v, canonical in quirks.variants if canonical in paths
                         and self.article(outlet_id, canonical) is not None}
            if len(urls) > 1:
                groups.append(frozenset(urls))
        return groups

    def variant_urls(self, outlet_id: str, base_url: str | None = None) -> dict[str, str]:
        """Variant URL (AMP, ``?utm_…``) → the URL of its article (its ``rel=canonical``)."""
        base, quirks = self._base(outlet_id, base_url), self.outlet(outlet_id).quirks
        return {urljoin(base, v): urljoin(base, c) for v, c in quirks.variants if self.article(outlet_id, c)}

    def special_urls(self, outlet_id: str, base_url: str | None = None) -> dict[str, str]:
        """Named URLs that are not articles (demo-hard: ``redirect_loop_a``, ``oversized``,
        ``malformed_sitemap``, ``malformed_feed``, ``xxe_sitemap``, ``gzip_bomb_sitemap``…)."""
        base = self._base(outlet_id, base_url)
        return {name: urljoin(base, path) for name, path in self.outlet(outlet_id).quirks.endpoints}

    def published_between(self, outlet_id: str, start: datetime, end: datetime,
                          base_url: str | None = None) -> set[str]:
        """Expected article URLs (at ``end``) first published in ``(start, end]``."""
        return self._between(outlet_id, start, end, base_url, lambda e: e.published)

    def edited_between(self, outlet_id: str, start: datetime, end: datetime,
                       base_url: str | None = None) -> set[str]:
        """Expected article URLs (at ``end``) whose text changed in ``(start, end]``.

        A crawl at ``start`` and another at ``end`` must see exactly these change
        (each gets a new record version); every other article is unchanged.
        """
        return self._between(outlet_id, start, end, base_url, lambda e: e.edited_at)

    def vanished_between(self, outlet_id: str, start: datetime, end: datetime,
                         base_url: str | None = None) -> dict[str, int]:
        """URL → status (404 or 410) of the articles removed in ``(start, end]``."""
        base = self._base(outlet_id, base_url)
        return {e.original.url(base): e.gone_status for e in self.outlet(outlet_id).entries
                if e.removed_at is not None and start < e.removed_at <= end}

    def _between(self, outlet_id: str, start: datetime, end: datetime, base_url: str | None,
                 when: Callable[[ArticleEntry], datetime | None]) -> set[str]:
        base = self._base(outlet_id, base_url)
        expected = self.expected_article_urls(outlet_id, base, at=end)
        found = set()
        for entry in self.outlet(outlet_id).entries:
            instant = when(entry)
            if instant is not None and start < instant <= end and entry.original.url(base) in expected:
                found.add(entry.original.url(base))
        return found

    def state_key(self, outlet_id: str, now: datetime | None = None) -> int:
        """A number that changes whenever anything the outlet serves changes."""
        return bisect.bisect_right(self._events[outlet_id], now or self.now)


def _index_paths(outlet: DemoOutlet) -> dict[str, ArticleEntry]:
    return {unquote(entry.original.path): entry for entry in outlet.entries}
