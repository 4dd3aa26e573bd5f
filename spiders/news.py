"""NewsSpider: one spider for every outlet, configured by its catalog entry.

    scrapy crawl news -a outlet=maghreb-intelligence
    khabar crawl maghreb-intelligence          (builds the very same components)

Discovery follows the outlet's sitemaps (robots.txt ``Sitemap:`` lines, indexes, gzip files,
Google News sitemaps) and RSS/Atom feeds; every page found is fetched once (Scrapy's dupefilter),
archived in WARC by WarcCapture, extracted off the reactor thread, and yielded as an
``ArticleRecord`` linked to its WARC response. A page that fails extraction is logged with its
reason and stays in the WARC.
"""

from __future__ import annotations

import gc
import logging
import shutil
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import scrapy
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.catalog import OutletSpec, catalog_from_settings
from crawler.discovery.feeds import parse_feed
from crawler.discovery.frontier import ArticleFrontier, FrontierConfig
from crawler.discovery.limits import DiscoveryLimits, TooLarge, gunzip_bounded, is_gzip
from crawler.discovery.links import fetchable_url, looks_like_article, looks_like_listing
from crawler.discovery.sitemaps import parse_sitemap, sitemaps_in_robots
from crawler.discovery.state import CrawlState
from crawler.discovery.wprest import parse_posts, posts_url, total_pages
from crawler.extract.pool import extract_with_requisites, start_pool_for, start_pools
from crawler.politeness.botwall import BOTWALL_META
from crawler.politeness.slots import apply_outlet_politeness
from crawler.records import ArticleRecord
from crawler.records.build import build_record
from crawler.records.decision import Decision, NotRecorded, Render, RenderChance, ResponseFacts, decide, screen
from crawler.render.screenshot import PENDING_RECORD_META, SCREENSHOT_ONLY_META, screenshot_mode
from crawler.requisites import RequisiteConfig, Requisites
from crawler.requisites.found import PageRefs
from crawler.run import gc_pause
from crawler.run.disk_full import DISK_FULL_REASON, stop_for_disk_full
from crawler.run.outlet_lock import OutletLock, lock_outlet
from crawler.run.settings import apply_environment, ensure_crawl_id
from crawler.storage import layout, store_from_settings
from crawler.storage.space import disk_full_error, is_disk_full
from crawler.warc.capture import (
    FETCHED_AT_META,
    RENDERED_FROM_META,
    RENDERED_META,
    REVISIT_META,
    SCREENSHOT_RECORD_META,
    WARC_META,
    link_to,
)
from crawler.warc.decoding import CorruptStream, damage_of

logger = logging.getLogger(__name__)


def _drop_headless_queues(jobdir: Path) -> None:
    """Remove disk queue files a kill left without their 4-byte header (queuelib's LifoDiskQueue): they hold no
    request, and loading one raises inside Scrapy's scheduler, which leaves the resumed crawl hanging."""
    for path in (jobdir / "requests.queue").glob("*/*"):
        if path.is_file() and path.stat().st_size < 4:
            logger.warning("removing %s: an empty request queue file a killed crawl left behind", path)
            path.unlink()


def _discovered(message: Request | Response) -> str:
    """The URL as discovery found it (the crawl state's key), before any redirect."""
    return str(message.meta.get("redirect_urls", [message.url])[0])


class NewsSpider(scrapy.Spider):
    name = "news"
    # Set by from_crawler, from the settings and the outlet's catalog entry:
    outlet: OutletSpec
    allowed_domains: list[str]
    limits: DiscoveryLimits
    frontier: ArticleFrontier
    workers: int
    backfill: bool
    outlet_lock: OutletLock  # held from here until the engine stops: one crawl of an outlet at a time
    requisites: Requisites  # the stylesheets, scripts, images and fonts of archived articles (crawler/requisites)
    screenshot_articles: bool  # KHABAR_SCREENSHOTS=articles: each record waits for its page's picture

    def __init__(self, outlet: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not outlet:
            raise ValueError("NewsSpider needs an outlet: scrapy crawl news -a outlet=<id> (see 'khabar outlets')")
        self.outlet_id = outlet
        self.sitemaps_fetched = 0
        self.listing_pages = 0
        self.robots_sitemaps = False  # robots.txt's Sitemap: lines count as the "sitemaps" source
        self.failed_sources: list[tuple[str, str]] = []
        self.full_cascade = False  # every source of the cascade was asked (not the REST API alone)
        self.waiting_for_first_request = True  # see first_request

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Add the KHABAR_* environment layer now: ``from_crawler`` reads settings before the add-on runs."""
        super().update_settings(settings)
        apply_environment(settings)
        ensure_crawl_id(settings)  # now: the outlet lock names the crawl that holds it

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.outlet = catalog_from_settings(settings).get(spider.outlet_id)
        spider.allowed_domains = list(spider.outlet.domains)
        spider.limits = DiscoveryLimits.from_settings(settings)
        spider.workers = start_pool_for(settings)  # started now (scrapy crawl), already by run_crawl, or at the first
        crawler.signals.connect(spider.first_request, signal=signals.request_reached_downloader)  # request (one CPU)
        spider.outlet_lock = lock_outlet(crawler, spider.outlet_id)  # first: a busy outlet opens nothing
        apply_outlet_politeness(settings, spider.outlet)
        store = store_from_settings(settings)
        spider.frontier = ArticleFrontier(FrontierConfig.from_settings(settings),
                                          CrawlState(layout.crawl_db(store), spider.outlet_id), crawler)
        spider.backfill = settings.getbool("KHABAR_BACKFILL")
        spider.screenshot_articles = screenshot_mode(settings) == "articles"
        spider.requisites = Requisites(RequisiteConfig.from_settings(settings), spider.outlet_id, spider.outlet.domains,
                                       spider.frontier.state, lambda: spider.frontier.stats,
                                       incremental=spider.frontier.config.incremental)
        if settings.getbool("KHABAR_RESUME"):  # Scrapy's JOBDIR, one per outlet, kept until a run finishes
            settings.set("JOBDIR", str(layout.jobs_dir(store, spider.outlet_id)), priority="spider")
            _drop_headless_queues(layout.jobs_dir(store, spider.outlet_id))
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        if settings.getbool("KHABAR_GC_FREEZE"):
            crawler.signals.connect(spider.freeze_heap, signal=signals.spider_opened)
        crawler.signals.connect(spider.listen_for_archived, signal=signals.spider_opened)
        return spider

    def first_request(self) -> None:
        """The crawl's first request reached the downloader: the extraction workers start if they waited for it
        (``start_pool_for``: on one CPU, not during the crawl's own start-up) and the garbage collector resumes if
        ``khabar crawl`` paused it (``crawler.run.gc_pause``); then this handler stops listening, once Scrapy has sent
        this signal to every receiver (removing one while it does would skip the next one)."""
        from twisted.internet import reactor
        from twisted.internet.base import ReactorBase

        if self.waiting_for_first_request:
            self.waiting_for_first_request = False
            start_pools()
            gc_pause.resume()
            cast(ReactorBase, reactor).callLater(0, self.crawler.signals.disconnect, self.first_request,
                                                 signal=signals.request_reached_downloader)

    def listen_for_archived(self) -> None:
        """Connected once the extensions are: this handler runs after WarcCapture's, for each download."""
        self.crawler.signals.connect(self.archived, signal=signals.response_downloaded)

    def archived(self, response: Response, request: Request, spider: Spider) -> None:
        """An article response is in the WARC: remember it now, so a killed run's resume never refetches it."""
        if request.callback == self.parse_requisite:
            if WARC_META in request.meta:
                self._remembering(lambda: self.requisites.archived(request, response))
            return
        if request.callback != self.parse_article:
            return
        if WARC_META in request.meta and response.status in (200, 304):  # a failed WARC write leaves no link
            discovered = _discovered(request)
            self._remembering(lambda: self.frontier.article_fetched(
                discovered, response.status, request.meta.get("khabar_lastmod"), response.headers))
        elif 300 <= response.status < 400 and (location := response.headers.get("Location")):
            self._note_redirect_dead_end(request, response.url, location.decode("latin-1"))

    def _remembering(self, note: Callable[[], None]) -> None:
        """Note a fetch in the crawl state; a full disk stops the crawl (not remembered: the next run fetches it
        again, a revisit)."""
        try:
            note()
        except sqlite3.Error as exc:
            if not is_disk_full(exc):
                raise
            stop_for_disk_full(self.crawler, disk_full_error(
                layout.crawl_db(store_from_settings(self.crawler.settings)), exc))

    def _note_redirect_dead_end(self, request: Request, url: str, location: str) -> None:
        """A redirect that can lead nowhere (back into its own chain, or past REDIRECT_MAX_TIMES) is counted and
        said: Scrapy drops such a request quietly, and its 30x responses stay in the WARC."""
        chain = [*request.meta.get("redirect_urls", []), request.url]
        target = fetchable_url(location, url)
        if target in chain:
            reason, detail = "redirect_loop", f"it redirects to {target}, already in its chain of {len(chain)}"
        elif len(chain) > self.crawler.settings.getint("REDIRECT_MAX_TIMES"):
            reason, detail = "too_many_redirects", f"more than REDIRECT_MAX_TIMES={len(chain) - 1} redirects"
        else:
            return
        self.crawler.stats.inc_value(f"khabar/articles/not_recorded/{reason}")
        logger.warning("outlet %s: not recorded: %s (%s: %s); its 30x responses are in the WARC",
                       self.outlet_id, chain[0], reason, detail)

    def freeze_heap(self) -> None:
        """Move start-up objects out of the GC's sight: fewer full collections over Scrapy's heap. Then collect the
        young generation every ``KHABAR_GC_YOUNG_THRESHOLD`` allocations rather than every 700: each page allocates
        thousands of short-lived containers that reference counting frees, and a collection walks the ones alive."""
        gc.freeze()
        if young := self.crawler.settings.getint("KHABAR_GC_YOUNG_THRESHOLD"):
            gc.set_threshold(young, *gc.get_threshold()[1:])

    def closed(self, reason: str) -> None:
        if reason == "finished":  # a killed or cancelled run must not hide unreached URLs behind a 304
            if self.full_cascade:
                self.frontier.note_mark("full_cascade_at", datetime.now(UTC).isoformat(timespec="seconds"))
            self.frontier.commit_sources()
            self.frontier.commit_marks()
        # Done, or stopped by a full disk: the next --resume starts afresh, once Scrapy wrote into the JOBDIR.
        # After a full disk, the queue's "seen" list names pages fetched but not archived, which a resumed
        # queue would never fetch again; a fresh start finds them again (the crawl state knows what is archived).
        if reason in ("finished", DISK_FULL_REASON) and self.crawler.settings.get("JOBDIR"):
            self.crawler.signals.connect(self.forget_queue, signal=signals.engine_stopped)
        self.frontier.count_unchanged()  # before RunReport reads the stats (it is connected after the spider)
        self.frontier.state.close()

    def forget_queue(self) -> None:
        """Remove a finished run's JOBDIR, after Scrapy's own spider_closed handlers have written into it."""
        shutil.rmtree(self.crawler.settings["JOBDIR"], ignore_errors=True)

    # -- discovery -------------------------------------------------------------------------
    @property
    def crawl_id(self) -> str:
        """The run's id, set by KhabarAddon (after the spider is built) or by ``khabar crawl``."""
        return str(self.crawler.settings.get("KHABAR_CRAWL_ID"))

    async def start(self) -> AsyncIterator[Request]:
        """The discovery cascade: the catalog's ``discovery`` order, else each available source, cheapest
        first: sitemaps (and robots.txt's), feeds, WordPress REST, listing pages."""
        for source in self.discovery_sources():
            for request in getattr(self, "_start_" + source.replace("-", "_"))():
                yield request

    def discovery_sources(self) -> tuple[str, ...]:
        if self.outlet.discovery:
            return self.outlet.discovery
        if self._rest_is_the_change_feed():
            return ("wp-rest",)
        self.full_cascade = True
        chosen = ["sitemaps", "feeds"]
        if self.outlet.wp_json is not False:
            chosen.append("wp-rest")
        if self.backfill or not (self.outlet.feeds or any(s.fetchable for s in self.outlet.sitemaps)):
            chosen.append("listings")
        return tuple(chosen)

    def _rest_is_the_change_feed(self) -> bool:
        """Whether this incremental run may ask the WordPress REST API alone what changed.

        ``modified_after`` lists every post published or edited since the newest one a finished run saw,
        which is what sitemaps and feeds would say at several times the requests. The full cascade still
        runs when the last one is older than ``KHABAR_CASCADE_MAX_AGE`` seconds, so posts the API does not
        list (other post types, a broken API) are found within that time.
        """
        if not self.frontier.config.incremental or self.backfill or self.outlet.wp_json is False:
            return False
        last_full = self.frontier.state.mark("full_cascade_at")
        max_age = self.crawler.settings.getfloat("KHABAR_CASCADE_MAX_AGE", 86400)
        if not (self.frontier.state.mark("rest_modified_after") and last_full and max_age > 0):
            return False
        age = (datetime.now(UTC) - datetime.fromisoformat(last_full)).total_seconds()
        if not 0 <= age < max_age:
            return False
        logger.info("outlet %s: asking the WordPress REST API alone what changed (the full cascade ran %.0f s ago)",
                    self.outlet_id, age)
        self.crawler.stats.inc_value("khabar/discovery/rest_change_feed")
        return True

    def _start_sitemaps(self) -> Iterator[Request]:
        self.robots_sitemaps = True
        for source in self.outlet.sitemaps:
            if source.fetchable:
                yield self._source_request(source.url, self.parse_robots if source.kind == "robots" else self.parse_sitemap)

    def _start_feeds(self) -> Iterator[Request]:
        for feed in self.outlet.feeds:
            yield self._source_request(feed.url, self.parse_feed)

    def _start_wp_rest(self) -> Iterator[Request]:
        incremental = self.frontier.config.incremental and not self.backfill
        yield self._rest_request(1, self.frontier.state.mark("rest_modified_after") if incremental else None)

    def _start_listings(self) -> Iterator[Request]:
        yield self._listing_request(self.outlet.homepage, 0)

    def _source_request(self, url: str, callback: Any, **meta: Any) -> Request:
        statuses = meta.pop("handle_httpstatus_list", [304])
        return Request(url, callback=callback, errback=self.source_failed, priority=10,
                       headers=self.frontier.source_headers(url),
                       meta={"outlet": self.outlet_id, "handle_httpstatus_list": statuses, **meta})

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        """Sitemaps named by robots.txt join the cascade (Scrapy fetched robots.txt to obey it)."""
        sitemaps = getattr(getattr(robotparser, "rp", None), "sitemaps", ()) if self.robots_sitemaps else ()
        for href in sitemaps:
            if (url := self._fetchable(href, request.url, "robots.txt")) is None:
                continue
            for follow in self._follow_sitemap(url):
                self.crawler.engine.crawl(follow)

    # -- WordPress REST API ----------------------------------------------------------------------
    def _rest_request(self, page: int, after: str | None, route_form: bool = False) -> Request:
        url = posts_url(self.outlet.homepage, page, after, route_form)
        return self._source_request(url, self.parse_rest, handle_httpstatus_list=[304, 400, 401, 403, 404, 500],
                                    khabar_rest=(page, after, route_form))

    def parse_rest(self, response: Response) -> Iterator[Request]:
        page, after, route_form = response.meta["khabar_rest"]
        if response.status == 304:
            return
        try:
            posts = parse_posts(response.body, self.limits.feed_max_entries) if response.status == 200 else None
        except ValueError:
            posts = None
        if posts is None:
            yield from self._rest_unavailable(response, page, after, route_form)
            return
        self.frontier.source_fetched(response.url, response.headers)
        self.crawler.stats.inc_value("khabar/discovery/rest_pages")
        admitted = 0
        for post in posts:
            self.frontier.note_mark("rest_modified_after", (post.modified or "").removesuffix("Z"))
            if (url := self._fetchable(post.url, response.url, "wp-rest")) is None:
                continue
            for request in self._article_request(url, "wp-rest", post.modified):
                admitted += 1
                yield request
        headers = {k.decode(): v[0].decode("latin-1") for k, v in response.headers.items() if v}
        # An incremental run stops paging where nothing is new (a server that ignores modified_after
        # would otherwise have it walk the whole archive every run).
        if posts and page < total_pages(headers) and (admitted or after is None or self.backfill):
            yield self._rest_request(page + 1, after, route_form)

    def _rest_unavailable(self, response: Response, page: int, after: str | None, route_form: bool) -> Iterator[Request]:
        if page == 1 and not route_form:  # some sites only answer the ?rest_route= form
            yield self._rest_request(1, after, route_form=True)
            return
        level = logging.WARNING if self.outlet.wp_json else logging.INFO
        logger.log(level, "outlet %s: no WordPress REST API at %s (HTTP %d)", self.outlet_id, response.url, response.status)
        self.crawler.stats.inc_value("khabar/discovery/rest_unavailable")

    # -- listing pages and the bounded recursive fallback ------------------------------------------
    def _listing_request(self, url: str, depth: int) -> Request:
        self.listing_pages += 1
        return self._source_request(url, self.parse_listing, khabar_depth=depth)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not self._source_changed(response) or not isinstance(response, TextResponse):
            return
        depth, admitted, listings = response.meta.get("khabar_depth", 0), 0, []
        for href in dict.fromkeys(response.css("a::attr(href)").getall()):
            if (url := fetchable_url(href, response.url)) is None:  # mailto:, javascript: … are ordinary on a page
                continue
            if looks_like_article(url):
                for request in self._article_request(url, "listing"):
                    admitted += 1
                    yield request
            elif looks_like_listing(url):
                listings.append(url)
        if admitted or depth == 0 or self.backfill:  # an incremental run stops where nothing new shows up
            yield from self._more_listings(listings, depth + 1)

    def _more_listings(self, urls: list[str], depth: int) -> Iterator[Request]:
        if depth > self.limits.listing_max_depth:
            return
        for url in urls:
            if self.listing_pages >= self.limits.listing_max_pages:
                self.crawler.stats.inc_value("khabar/discovery/listing_capped")
                return
            yield self._listing_request(url, depth)

    def _source_changed(self, response: Response) -> bool:
        """False for a 304 (nothing new since the last finished run); else remember its validators."""
        if response.status == 304:
            self.crawler.stats.inc_value("khabar/discovery/not_modified")
            return False
        self.frontier.source_fetched(response.url, response.headers)
        return True

    def source_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        self.crawler.stats.inc_value("khabar/discovery/source_failed")
        reason = failure.getErrorMessage() or (failure.type.__name__ if failure.type else "unknown error")
        self.failed_sources.append((request.url, reason))
        logger.info("outlet %s: discovery source %s failed: %s", self.outlet_id, request.url, reason)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        if not self._source_changed(response):
            return
        text = response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace")
        for href in sitemaps_in_robots(text):
            if (url := self._fetchable(href, response.url, "robots.txt")) is not None:
                yield from self._follow_sitemap(url)

    def _follow_sitemap(self, url: str) -> Iterator[Request]:
        if self.sitemaps_fetched >= self.limits.sitemaps_max:
            self.crawler.stats.inc_value("khabar/discovery/sitemaps_capped")
            logger.warning("outlet %s: not following sitemap %s: KHABAR_SITEMAPS_MAX=%d reached",
                           self.outlet_id, url, self.limits.sitemaps_max)
            return
        self.sitemaps_fetched += 1
        yield self._source_request(url, self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        if not self._source_changed(response):
            return
        body = self._sitemap_body(response)
        if body is None:
            return
        try:
            sitemap = parse_sitemap(body, self.limits.sitemap_max_urls)
        except ValueError as exc:
            self.crawler.stats.inc_value("khabar/discovery/sitemap_malformed")
            logger.warning("outlet %s: malformed sitemap %s: %s", self.outlet_id, response.url, exc)
            return
        if sitemap.damage:
            self.crawler.stats.inc_value("khabar/discovery/sitemap_malformed")
            logger.warning("outlet %s: malformed sitemap %s: %s; the %d entries before the damage are used",
                           self.outlet_id, response.url, sitemap.damage, len(sitemap.entries))
        if sitemap.truncated:
            self.crawler.stats.inc_value("khabar/discovery/sitemap_truncated")
            logger.warning("outlet %s: sitemap %s has more than KHABAR_SITEMAP_MAX_URLS=%d entries; read the first %d",
                           self.outlet_id, response.url, self.limits.sitemap_max_urls, self.limits.sitemap_max_urls)
        for entry in sitemap.entries:
            if (url := self._fetchable(entry.url, response.url, "sitemap")) is None:
                continue
            if sitemap.kind == "index":
                yield from self._follow_sitemap(url)
            else:
                yield from self._article_request(url, "sitemap", entry.lastmod or entry.news_date)

    def _sitemap_body(self, response: Response) -> bytes | None:
        """The sitemap's XML: a .xml.gz file decompressed; when its download or its Content-Encoding stream was
        cut (see ``crawler.warc.decoding``), only the entries complete before the cut."""
        if not is_gzip(response.body):
            body, complete = response.body, damage_of(response.flags) is None
            return body if complete else self._complete_entries(response, body)
        try:
            body, complete = gunzip_bounded(response.body, self.limits.sitemap_max_size, f"sitemap {response.url}")
        except TooLarge as exc:
            self.crawler.stats.inc_value("khabar/discovery/sitemap_too_large")
            logger.warning("outlet %s: %s", self.outlet_id, exc)
            return None
        except CorruptStream as exc:
            self.crawler.stats.inc_value("khabar/discovery/sitemap_malformed")
            logger.warning("outlet %s: sitemap %s is not valid gzip: %s", self.outlet_id, response.url, exc)
            return None
        return body if complete else self._complete_entries(response, body)

    def _complete_entries(self, response: Response, body: bytes) -> bytes:
        """A truncated download: keep the entries that closed before the cut (the last one may be half a URL)."""
        kept = body[:max(body.rfind(b"</url>") + 6, body.rfind(b"</sitemap>") + 10, 0)]
        self.crawler.stats.inc_value("khabar/discovery/sitemap_truncated_gzip")
        logger.warning("outlet %s: sitemap %s: its gzip stream ends early (%d bytes decompressed); only the entries "
                       "complete before the cut are used", self.outlet_id, response.url, len(body))
        return kept

    def parse_feed(self, response: Response) -> Iterator[Request]:
        if not self._source_changed(response):
            return
        entries, problem = parse_feed(response.body, self.limits.feed_max_entries)
        if problem:
            self.crawler.stats.inc_value("khabar/discovery/feed_malformed")
            logger.warning("outlet %s: malformed feed %s: %s; the %d entries read before it are used",
                           self.outlet_id, response.url, problem, len(entries))
        for entry in entries:
            if (url := self._fetchable(entry.url, response.url, "feed")) is not None:
                yield from self._article_request(url, "feed", entry.published)

    def _fetchable(self, href: str, document: str, found_by: str) -> str | None:
        """One entry of a discovery document as a URL to fetch; an entry that is none is skipped and counted,
        and the rest of the document goes on."""
        url = fetchable_url(href, document)
        if url is None:
            self.crawler.stats.inc_value(f"khabar/discovery/unfetchable_entry/{found_by}")
            logger.warning("outlet %s: skipping %r in %s: not an http(s) URL; the document's other entries are used",
                           self.outlet_id, href[:200], document)
        return url

    def _article_request(self, url: str, found_by: str, lastmod: str | None = None) -> Iterator[Request]:
        self.crawler.stats.inc_value(f"khabar/discovery/found/{found_by}")
        headers = self.frontier.admit(url, lastmod)
        if headers is None:
            return
        yield Request(url, callback=self.parse_article, errback=self.article_failed, headers=headers,
                      meta={"outlet": self.outlet_id, "khabar_found_by": found_by, "khabar_lastmod": lastmod,
                            "handle_httpstatus_list": [304]})

    # -- articles --------------------------------------------------------------------------
    async def parse_article(self, response: Response) -> AsyncIterator[ArticleRecord | Request]:
        """Record or not, as ``crawler.records.decision`` says (reextract and crash recovery ask it too)."""
        facts = self._facts(response)
        decision: Decision | None = screen(facts)
        page_refs: PageRefs | None = None  # the page's requisite references, read in the worker's tree
        if decision is None:
            outcome, page_refs = await extract_with_requisites(facts.body, facts.url, facts.content_type, self.workers,
                                                               self.outlet.extract_hints)
            decision = decide(facts, outcome)
        if isinstance(decision, Render):
            self.frontier.owe_render(_discovered(response))  # settled when the render is archived
            yield self._render(response, decision.why)
        elif isinstance(decision, NotRecorded):
            self._not_recorded(response, decision.reason, decision.detail)
            if decision.reason == "unchanged":  # an article archived before, fetched again (--full): its requisites too
                for request in self._requisites(response, page_refs):
                    yield request
        else:
            self.crawler.stats.inc_value("khabar/articles/extracted")
            rendered = response.meta.get(RENDERED_META)
            record = build_record(extracted=decision.extracted, outlet=self.outlet, url=response.url,
                                  status=response.status, fetched_at=response.meta.get(FETCHED_AT_META, ""),
                                  warc=response.meta[WARC_META], crawl_id=self.crawl_id,
                                  rendered=("chromium", rendered) if rendered else None,
                                  screenshot=response.meta.get(SCREENSHOT_RECORD_META))
            if self.screenshot_articles and "playwright" not in response.flags:  # a render has its own picture
                yield self._screenshot(response, record)
            else:
                yield record
            for request in self._requisites(response, page_refs):
                yield request

    # -- page requisites ---------------------------------------------------------------------
    def _requisites(self, response: Response, page_refs: PageRefs | None = None) -> list[Request]:
        """The requests for an archived article's page requisites (``crawler/requisites``)."""
        return self.requisites.of_page(response, page_refs, callback=self.parse_requisite,
                                       errback=self.requisite_failed)

    def parse_requisite(self, response: Response) -> Iterator[Request]:
        """A stylesheet, script, image or font of an article: archived (WARC capture), never extracted nor recorded;
        a stylesheet's imports and ``url(...)`` references are fetched in turn, to ``KHABAR_REQUISITES_DEPTH``."""
        yield from self.requisites.of_stylesheet(response, callback=self.parse_requisite, errback=self.requisite_failed)

    def requisite_failed(self, failure: Failure) -> None:
        """Counted and said once per host; the article's record does not depend on it."""
        request, error = failure.request, failure.value  # type: ignore[attr-defined]
        if isinstance(error, HttpError):
            reason, detail = f"http_{error.response.status}", f"HTTP {error.response.status}"
        elif isinstance(error, IgnoreRequest):
            reason, detail = "ignored", failure.getErrorMessage() or "ignored (robots.txt?)"
        elif isinstance(error, DownloadCancelledError):
            room = request.meta.get("download_maxsize")
            reason, detail = "too_large", f"larger than {room} bytes (KHABAR_REQUISITES_MAX_SIZE, or what was left of the page's or outlet's budget)"
        else:
            reason, detail = "error", failure.getErrorMessage() or type(error).__name__
        self.requisites.failed(request.url, reason, detail)

    def _facts(self, response: Response) -> ResponseFacts:
        original = response.meta.get(REVISIT_META)
        if original is not None and self.frontier.render_owed(_discovered(response)):
            # the copy it revisits was never decided (its render was lost): decide it now, and link the record
            # (and the render) to that copy's response, not to this revisit
            response.meta[WARC_META] = link_to(original)
            original = None
        return ResponseFacts.of(response, revisit_of=original.date if original is not None else None,
                                render=self._render_chance(response), archived=WARC_META in response.meta)

    def _render_chance(self, response: Response) -> RenderChance:
        if "playwright" in response.flags:
            return RenderChance.RENDERED
        if WARC_META in response.meta and self.crawler.settings.get("KHABAR_RENDER_BROWSER"):
            return RenderChance.POSSIBLE
        return RenderChance.NONE

    def _render(self, response: Response, why: str) -> Request:
        """The page once more, through the browser."""
        self.crawler.stats.inc_value("khabar/render/requested")
        logger.info("outlet %s: rendering %s in the browser: %s", self.outlet_id, response.url, why)
        meta = {key: response.meta[key] for key in ("outlet", "khabar_found_by", "khabar_lastmod", FETCHED_AT_META)
                if key in response.meta}
        return Request(response.url, callback=self.parse_article, errback=self.article_failed, dont_filter=True,
                       priority=5, meta={**meta, "playwright": True, RENDERED_FROM_META: response.meta[WARC_META]})

    def _screenshot(self, response: Response, record: ArticleRecord) -> Request:
        """KHABAR_SCREENSHOTS=articles: the page once more, in the browser, for its picture alone; ``record`` is
        yielded by the callback (or the errback). Low priority: pictures wait for the fetches. Until then the page
        is "render owed" (crawl state): a stop that drops this request has the next run decide the page again."""
        self.frontier.owe_render(_discovered(response))
        meta: dict[str, Any] = {key: response.meta[key] for key in ("outlet", "khabar_found_by") if key in response.meta}
        return Request(response.url, callback=self.screenshot_taken, errback=self.screenshot_failed, dont_filter=True,
                       priority=-10, meta={**meta, "playwright": True, SCREENSHOT_ONLY_META: True,
                                           RENDERED_FROM_META: record.warc, PENDING_RECORD_META: record,
                                           "khabar_discovered": _discovered(response)})

    def screenshot_taken(self, response: Response) -> Iterator[ArticleRecord]:
        """The picture is archived (or the browser could not take it, counted by the handler): the record, linked."""
        record: ArticleRecord = response.meta[PENDING_RECORD_META]
        record.extraction.screenshot_record_id = response.meta.get(SCREENSHOT_RECORD_META)
        self._remembering(lambda: self.frontier.settle_render(response.meta["khabar_discovered"]))
        yield record

    def screenshot_failed(self, failure: Failure) -> Iterator[ArticleRecord]:
        """The browser never loaded the page (a timeout, an error): the record, without a picture."""
        request = failure.request  # type: ignore[attr-defined]
        self.crawler.stats.inc_value("khabar/screenshots/failed")
        logger.warning("outlet %s: could not load %s in the browser for its screenshot: %s; recorded without one",
                       self.outlet_id, request.url, failure.getErrorMessage() or type(failure.value).__name__)
        self._remembering(lambda: self.frontier.settle_render(request.meta["khabar_discovered"]))
        yield request.meta[PENDING_RECORD_META]

    def _not_recorded(self, response: Response, reason: str, detail: str) -> None:
        self.crawler.stats.inc_value(f"khabar/articles/not_recorded/{reason}")
        logger.info("not recorded as an article: %s (%s: %s); its WARC capture is kept", response.url, reason, detail)

    def article_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        error = failure.value
        if isinstance(error, IgnoreRequest) and not isinstance(error, HttpError):  # robots.txt, offsite: by design
            self.crawler.stats.inc_value("khabar/articles/not_fetched/ignored")
            logger.info("outlet %s: not fetching %s: %s", self.outlet_id, request.url, failure.getErrorMessage())
            return
        if isinstance(error, HttpError) and (wall := request.meta.get(BOTWALL_META)):
            self._not_recorded(error.response, "bot_wall", wall)  # each such page said and counted, like a 200 wall
            return
        self.crawler.stats.inc_value("khabar/articles/fetch_failed")
        logger.warning("outlet %s: could not fetch %s: %s", self.outlet_id, request.url,
                       failure.getErrorMessage() or type(error).__name__)
