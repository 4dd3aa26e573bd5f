"""Which page requisites a crawl fetches, within which bounds, and what it says about the others.

Every requisite is an ordinary Scrapy request of the news spider (robots.txt, per-host politeness, the WARC
capture of ``crawler.warc.capture``: bytes as served, a revisit when the payload is unchanged), at a low
priority so articles go first, and never extracted nor recorded. ``Requisites`` decides for each URL a page or
a stylesheet references:

* fetched once per crawl (and by Scrapy's dupefilter); across crawls, not fetched again within
  ``KHABAR_REQUISITES_MAX_AGE`` of its last fetch (kept in the crawl state, ``crawler/discovery/state.py``), and
  past it fetched again: an unchanged file becomes a ``revisit`` record;
* only from the outlet's own hosts and ``KHABAR_REQUISITES_HOSTS`` (``same-site``, the default), or from any host
  but known trackers and ad servers (``all``), or never (``off``);
* bounded per page and per outlet in count and bytes, and a stylesheet's imports to ``KHABAR_REQUISITES_DEPTH``
  levels (a stylesheet importing itself is fetched once; one nesting imports without end stops there).
  Bytes are checked as requisites are scheduled, and each request may download at most what is left of both
  budgets (``download_maxsize``), so the budgets are passed by at most the requests already in flight.

Whatever is skipped or fails is counted (``khabar/requisites/...``, in the run report) and logged once per host
and reason; a failure is never retried past Scrapy's ``RETRY_TIMES`` and never touches the article's record.

Settings: ``KHABAR_REQUISITES`` (``same-site``), ``KHABAR_REQUISITES_HOSTS`` ([]), ``KHABAR_REQUISITES_MAX_AGE``
(7 days), ``KHABAR_REQUISITES_PER_PAGE`` (60), ``KHABAR_REQUISITES_PER_OUTLET`` (5000),
``KHABAR_REQUISITES_MAX_SIZE`` (10 MiB per file), ``KHABAR_REQUISITES_PAGE_BYTES`` (30 MiB),
``KHABAR_REQUISITES_OUTLET_BYTES`` (1 GiB), ``KHABAR_REQUISITES_DEPTH`` (3).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from crawler.discovery.state import CrawlState
from crawler.errors import ConfigInvalid
from crawler.requisites.found import STYLESHEET, Found, PageRefs, in_css, in_html, in_page_refs

logger = logging.getLogger(__name__)

REQUISITE_META = "khabar_requisite"  # (page URL, depth, kind): depth 1 for what the page references
PRIORITY = -10  # below articles (0), renders (5) and discovery documents (10)
MODES = ("off", "same-site", "all")
STATS = "khabar/requisites/"

# Third-party trackers and ad servers: never fetched, even with KHABAR_REQUISITES=all (a host or its subdomains).
TRACKER_HOSTS = frozenset({
    "google-analytics.com", "googletagmanager.com", "googlesyndication.com", "googleadservices.com",
    "doubleclick.net", "adservice.google.com", "facebook.net", "connect.facebook.net", "scorecardresearch.com",
    "quantserve.com", "chartbeat.com", "hotjar.com", "criteo.com", "criteo.net", "taboola.com", "outbrain.com",
    "adnxs.com", "amazon-adsystem.com", "xiti.com", "matomo.cloud", "pubmatic.com", "smartadserver.com",
})


@dataclass(frozen=True)
class RequisiteConfig:
    mode: str = "same-site"
    hosts: tuple[str, ...] = ()
    max_age: float = 7 * 86400
    per_page: int = 60
    per_outlet: int = 5000
    max_size: int = 10 * 2**20
    page_bytes: int = 30 * 2**20
    outlet_bytes: int = 2**30
    depth: int = 3

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> RequisiteConfig:
        mode = str(settings.get("KHABAR_REQUISITES", "same-site") or "off").strip().lower()
        if mode not in MODES:
            raise ConfigInvalid(f"KHABAR_REQUISITES={mode!r} is not one of {', '.join(MODES)}; "
                                "same-site (the default) fetches the page requisites served by the outlet's hosts "
                                "and KHABAR_REQUISITES_HOSTS")
        hosts = settings.getlist("KHABAR_REQUISITES_HOSTS")
        config = cls(mode, tuple(h.strip().lower().removeprefix("*.") for h in hosts if h.strip()),
                     settings.getfloat("KHABAR_REQUISITES_MAX_AGE", cls.max_age),
                     settings.getint("KHABAR_REQUISITES_PER_PAGE", cls.per_page),
                     settings.getint("KHABAR_REQUISITES_PER_OUTLET", cls.per_outlet),
                     settings.getint("KHABAR_REQUISITES_MAX_SIZE", cls.max_size),
                     settings.getint("KHABAR_REQUISITES_PAGE_BYTES", cls.page_bytes),
                     settings.getint("KHABAR_REQUISITES_OUTLET_BYTES", cls.outlet_bytes),
                     settings.getint("KHABAR_REQUISITES_DEPTH", cls.depth))
        for name, value in (("PER_PAGE", config.per_page), ("PER_OUTLET", config.per_outlet),
                            ("MAX_SIZE", config.max_size), ("PAGE_BYTES", config.page_bytes),
                            ("OUTLET_BYTES", config.outlet_bytes), ("DEPTH", config.depth)):
            if value < 1:
                raise ConfigInvalid(f"KHABAR_REQUISITES_{name}={value} must be at least 1; "
                                    "use KHABAR_REQUISITES=off to fetch no page requisites")
        return config


def _within(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


class Requisites:
    """The page requisites of one outlet's crawl: what to fetch, and the counts of what was not."""

    def __init__(self, config: RequisiteConfig, outlet: str, domains: tuple[str, ...], state: CrawlState,
                 stats: Callable[[], StatsCollector], incremental: bool = True) -> None:
        self.config, self.outlet, self.state, self._stats = config, outlet, state, stats
        self.domains = tuple(d.lower() for d in domains)
        self.incremental = incremental
        self._seen: set[str] = set()
        self._said: set[tuple[str, str]] = set()
        self._page_count: dict[str, int] = {}
        self._page_bytes: dict[str, int] = {}
        self.scheduled = 0
        self.bytes = 0

    @property
    def enabled(self) -> bool:
        return self.config.mode != "off"

    @property
    def stats(self) -> StatsCollector:
        return self._stats()

    # -- what to fetch ------------------------------------------------------------------------
    def of_page(self, response: Response, page_refs: PageRefs | None = None, **request_args: Any) -> list[Request]:
        """Requests for the requisites of an archived page (``callback``/``errback`` in ``request_args``); with the
        references the extraction worker found in its tree (``page_refs``), the page is not parsed again here."""
        if not self.enabled or not isinstance(response, TextResponse):
            return []
        found = in_page_refs(page_refs, response.encoding, response.url)
        if found is None:
            found = in_html(response.text, response.url)
        return self._requests(response.url, 1, found, request_args)

    def of_stylesheet(self, response: Response, **request_args: Any) -> list[Request]:
        """Requests for what a fetched stylesheet imports and references, one level deeper."""
        page, depth, kind = response.meta[REQUISITE_META]
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if kind != STYLESHEET and "text/css" not in content_type:
            return []
        text = response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace")
        return self._requests(page, depth + 1, in_css(text, response.url), request_args)

    def _requests(self, page: str, depth: int, found: list[Found], request_args: dict[str, Any]) -> list[Request]:
        requests = []
        for item in found:
            if item.url in self._seen:
                continue
            if (reason := self._refusal(page, depth, item.url)) is not None:
                self._skip(reason, item.url)
                continue
            self._seen.add(item.url)
            self.scheduled += 1
            self._page_count[page] = self._page_count.get(page, 0) + 1
            self.stats.inc_value(STATS + "scheduled")
            room = min(self.config.max_size, self.config.page_bytes - self._page_bytes.get(page, 0),
                       self.config.outlet_bytes - self.bytes)
            meta = {"outlet": self.outlet, REQUISITE_META: (page, depth, item.kind), "download_maxsize": room,
                    "download_warnsize": 0, "allow_offsite": True}
            requests.append(Request(item.url, priority=PRIORITY, meta=meta, **request_args))
        return requests

    def _refusal(self, page: str, depth: int, url: str) -> str | None:
        """Why ``url`` is not fetched, or None to fetch it."""
        host = (urlsplit(url).hostname or "").lower()
        if _within(host, TRACKER_HOSTS):
            return "tracker"
        if not (_within(host, self.domains) or _within(host, self.config.hosts) or self.config.mode == "all"):
            return "off_site"
        if depth > self.config.depth:
            return "depth"
        if self._page_count.get(page, 0) >= self.config.per_page:
            return "page_count"
        if self.scheduled >= self.config.per_outlet:
            return "outlet_count"
        if self._page_bytes.get(page, 0) >= self.config.page_bytes:
            return "page_bytes"
        if self.bytes >= self.config.outlet_bytes:
            return "outlet_bytes"
        if self.incremental and self._fresh(url):
            return "fresh"
        return None

    def _fresh(self, url: str) -> bool:
        """Fetched with success by an earlier crawl less than ``KHABAR_REQUISITES_MAX_AGE`` seconds ago."""
        known = self.state.get(url)
        if known is None or known.status >= 400 or self.config.max_age <= 0:
            return False
        age = (datetime.now(UTC) - datetime.fromisoformat(known.fetched_at)).total_seconds()
        return 0 <= age < self.config.max_age

    # -- what came back -------------------------------------------------------------------------
    def archived(self, request: Request, response: Response) -> None:
        """A requisite is in the WARC: count its bytes (as received, still ``Content-Encoding``d, as
        ``download_maxsize`` counts them), and remember it so later crawls reuse it for a while."""
        page, _, _ = request.meta[REQUISITE_META]
        size = len(response.body)
        self.bytes += size
        self._page_bytes[page] = self._page_bytes.get(page, 0) + size
        self.stats.inc_value(STATS + "archived")
        self.stats.inc_value(STATS + "bytes", size)
        if response.status < 400:
            self.state.remember(request.url, response.status, None, _header(response, b"ETag"),
                                _header(response, b"Last-Modified"), _header(response, b"Date"))

    def failed(self, url: str, reason: str, detail: str) -> None:
        """A requisite that could not be fetched (an HTTP error, robots.txt, too large, the network)."""
        self.stats.inc_value(STATS + f"failed/{reason}")
        self._say(reason, url, f"could not fetch page requisite %s: {detail}; the page's record is kept", "failed")

    def _skip(self, reason: str, url: str) -> None:
        self.stats.inc_value(STATS + f"skipped/{reason}")
        self._say(reason, url, _SKIPPED[reason], "skipped")

    def _say(self, reason: str, url: str, message: str, what: str) -> None:
        """Log once per host and reason (the counters hold every case)."""
        host = urlsplit(url).hostname or "?"
        if (host, reason) in self._said:
            return
        self._said.add((host, reason))
        level = logging.INFO if reason in ("fresh", "tracker", "off_site") else logging.WARNING
        logger.log(level, f"outlet %s: {message} (further ones from %s are counted in khabar/requisites/{what}/%s)",
                   self.outlet, url, host, reason)


_SKIPPED = {
    "tracker": "not fetching page requisite %s: a tracker or ad server",
    "off_site": "not fetching page requisite %s: not on the outlet's hosts; list its host in KHABAR_REQUISITES_HOSTS "
                "(a CDN of the outlet) or set KHABAR_REQUISITES=all",
    "depth": "not fetching page requisite %s: stylesheets import one another deeper than KHABAR_REQUISITES_DEPTH",
    "page_count": "not fetching page requisite %s: its page reached KHABAR_REQUISITES_PER_PAGE",
    "outlet_count": "not fetching page requisite %s: the outlet reached KHABAR_REQUISITES_PER_OUTLET for this crawl",
    "page_bytes": "not fetching page requisite %s: its page reached KHABAR_REQUISITES_PAGE_BYTES",
    "outlet_bytes": "not fetching page requisite %s: the outlet reached KHABAR_REQUISITES_OUTLET_BYTES for this crawl",
    "fresh": "not fetching page requisite %s again: fetched less than KHABAR_REQUISITES_MAX_AGE ago",
}


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
