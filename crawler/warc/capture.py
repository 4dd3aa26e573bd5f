"""WarcCapture: the Scrapy extension that archives every downloaded exchange.

It listens to ``response_downloaded``, which fires right after the download handler and before
any downloader middleware (HttpCompression included) touches the response, and writes a
``request`` and a ``response`` record linked by ``WARC-Concurrent-To``. With
``RawCaptureDownloadHandler`` the records hold the exact bytes of the exchange; without it
(another handler, e.g. a browser), the head is rebuilt from the Response and the record says so
in ``WARC-Khabar-Reconstructed``.

Where the response landed goes into ``request.meta["khabar_warc"]`` (a ``WarcLink``), which the
spider copies onto the article record; ``link_record()`` then writes a ``metadata`` record naming
the article record (crawler/warc/links.py), so either side finds the other.

Settings:
    KHABAR_WARC_ENABLED                 (True)   write WARC files
    KHABAR_WARC_MAX_SIZE                (1e9)    rotate a file once it reaches this many bytes
    KHABAR_WARC_PREFIX                  (khabar) file name prefix; make it unique per machine
    KHABAR_WARC_GZIP_LEVEL              (6)      deflate level of records
    KHABAR_WARC_GZIP_LEVEL_COMPRESSED   (0)      level for bodies the server already compressed (0: stored as they
                                                 are, the record's headers deflated at KHABAR_WARC_GZIP_LEVEL)
    KHABAR_STORE_URI                    (./archive) where files go
    KHABAR_DEDUP_URI                    ("")     payload-digest index: SQLite in the store, or redis://…

Unchanged payloads (same URL, same payload digest as a capture already archived and indexed)
become WARC/1.1 ``revisit`` records; ``request.meta["khabar_revisit"]`` then names the original.
When a file closes, its CDXJ index is written beside it, its captures enter the dedup index, and
both files are published to the store.

When the store's filesystem is full (``DiskFull``), the exchange being written is cut back out of the
file and not linked (so the spider never marks its URL archived, and the next run fetches it again),
the crawl stops (``crawler.run.disk_full``), nothing more is written, and every open file is left
``.open`` for the next run's recovery, which finishes it and records the articles it holds.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

from crawler import __version__
from crawler.errors import ConfigInvalid, DiskFull
from crawler.records import ArticleRecord, WarcLink
from crawler.render.handler import BROWSER_EXCHANGES_META, BrowserExchange
from crawler.render.screenshot import CONTENT_TYPE as SCREENSHOT_TYPE
from crawler.render.screenshot import SCREENSHOT_META, SCREENSHOT_ONLY_META, Screenshot, screenshot_uri
from crawler.run.disk_full import disk_full_message, stop_for_disk_full
from crawler.storage import Store, store_from_settings
from crawler.storage.layout import crawl_db, dedup_db, journals_dir, state_dir, warc_dir
from crawler.storage.space import disk_full_error, is_disk_full
from crawler.storage.unfinished import JOURNAL_SUFFIX, Journal
from crawler.warc.builder import RecordFactory, warc_date
from crawler.warc.cdxj import cdxj_path, lines_path, write_cdxj
from crawler.warc.decoding import DEFAULT_MAX_SIZE
from crawler.warc.dedup import Capture, DedupIndex, open_dedup_index
from crawler.warc.exchange import HttpMessage, final_response, payload_of, sha1_digest, split_message
from crawler.warc.links import link_records
from crawler.warc.pending import PendingCaptures
from crawler.warc.rebuild import rebuild_exchange
from crawler.warc.recovery import DeadWarc
from crawler.warc.tap import RAW_EXCHANGE_META
from crawler.warc.writer import RecordLocation, RotatingWarcWriter, WarcFileSpec

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Headers, Response
    from scrapy.statscollectors import StatsCollector

    from crawler.archive.reextract import ArchivedArticle

logger = logging.getLogger(__name__)

WARC_META = "khabar_warc"
FETCHED_AT_META = "khabar_fetched_at"
REVISIT_META = "khabar_revisit"
RENDERED_FROM_META = "khabar_rendered_from"  # set by the spider: the WarcLink of the page as served
RENDERED_META = "khabar_rendered"  # set here: the WARC-Record-ID of the conversion record (the rendered page)
SCREENSHOT_RECORD_META = "khabar_screenshot"  # set here: the WARC-Record-ID of the page's screenshot resource record
warc_file_opened = object()
"""Signal sent when a new WARC file is created, before anything is written to it; argument: ``path``."""
_COMPRESSED = (b"gzip", b"br", b"deflate", b"zstd", b"compress", b"x-gzip")


@dataclass(frozen=True, slots=True)
class WarcConfig:
    enabled: bool
    max_size: int
    prefix: str
    gzip_level: int
    gzip_level_compressed: int
    dedup_uri: str = ""
    decode_max_size: int = DEFAULT_MAX_SIZE  # DOWNLOAD_MAXSIZE: recovery decodes archived bodies within it

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> WarcConfig:
        config = cls(
            enabled=settings.getbool("KHABAR_WARC_ENABLED", True),
            max_size=settings.getint("KHABAR_WARC_MAX_SIZE", 1_000_000_000),
            prefix=settings.get("KHABAR_WARC_PREFIX", "khabar"),
            gzip_level=settings.getint("KHABAR_WARC_GZIP_LEVEL", 6),
            gzip_level_compressed=settings.getint("KHABAR_WARC_GZIP_LEVEL_COMPRESSED", 0),
            dedup_uri=settings.get("KHABAR_DEDUP_URI") or "",
            decode_max_size=settings.getint("DOWNLOAD_MAXSIZE", DEFAULT_MAX_SIZE),
        )
        config.validate()
        return config

    def file_spec(self, spool: Path, outlet: str, day: date) -> WarcFileSpec:
        """The WARC file series of ``outlet`` captured on ``day``."""
        return WarcFileSpec(directory=spool / warc_dir(outlet, day), prefix=f"{self.prefix}-{outlet}",
                            max_size=self.max_size, gzip_level=self.gzip_level,
                            gzip_level_compressed=self.gzip_level_compressed)

    def validate(self) -> None:
        if self.max_size < 4096:
            raise ConfigInvalid(f"KHABAR_WARC_MAX_SIZE={self.max_size} is too small; use at least 4096 bytes (default 1000000000)")
        for name, level in (("KHABAR_WARC_GZIP_LEVEL", self.gzip_level),
                            ("KHABAR_WARC_GZIP_LEVEL_COMPRESSED", self.gzip_level_compressed)):
            if not 0 <= level <= 9:
                raise ConfigInvalid(f"{name}={level} is not a deflate level; use 0 (stored) to 9 (smallest)")
        if not self.prefix or "/" in self.prefix:
            raise ConfigInvalid(f"KHABAR_WARC_PREFIX={self.prefix!r} must be a non-empty file name prefix without '/'")


class WarcCapture:
    """Archives every exchange of a crawl in rotating WARC files, per outlet and capture date."""

    def __init__(self, config: WarcConfig, store: Store, stats: StatsCollector, dedup: DedupIndex,
                 factory: RecordFactory | None = None, info: dict[str, str] | None = None) -> None:
        self.config, self.store, self.stats, self.dedup = config, store, stats, dedup
        self.factory = factory or RecordFactory()
        self.info = info or {}
        self._writers: dict[tuple[str, date], RotatingWarcWriter] = {}
        self._keys: dict[Path, str] = {}
        self._pending = PendingCaptures(state_dir(store))
        self._journal = Journal(journals_dir(store) / f"{uuid.uuid4().hex}{JOURNAL_SUFFIX}")
        self.files: list[str] = []
        self.last_date = ""
        self.last_revisit: Capture | None = None
        self.full: DiskFull | None = None  # the store's filesystem is full: write nothing more
        self.crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCapture:
        config = WarcConfig.from_settings(crawler.settings)
        if not config.enabled:
            raise NotConfigured("KHABAR_WARC_ENABLED is False; set it to True to enable WarcCapture")
        assert crawler.stats is not None
        store = store_from_settings(crawler.settings)
        dedup = open_dedup_index(config.dedup_uri, dedup_db(store))
        info = {"khabar-crawl-id": str(crawler.settings.get("KHABAR_CRAWL_ID") or "")}
        capture = cls(config, store, crawler.stats, dedup, info=info)
        capture.crawler = crawler
        crawler.signals.connect(capture.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(capture.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(capture.spider_opened, signal=signals.spider_opened)
        return capture

    def spider_opened(self, spider: Spider) -> None:
        from crawler.warc.recovery import recover_store

        outlet = getattr(spider, "outlet", None)
        if outlet is not None:  # so that an archive alone says whose pages it holds
            self.info.update({"khabar-outlet-name": outlet.name, "khabar-outlet-country": outlet.country,
                              "khabar-outlet-homepage": outlet.homepage})
        try:
            recovered = recover_store(self.store, self.dedup, lambda dead: self._records_for_orphans(dead, spider))
        except (DiskFull, OSError, sqlite3.Error) as exc:  # recovery is restartable: the next run takes it up again
            if not is_disk_full(exc):
                raise
            self.stop(exc if isinstance(exc, DiskFull) else disk_full_error(self.store.spool, exc))
            return
        if recovered:
            self.stats.set_value("khabar/recovered_files", len(recovered))

    def _records_for_orphans(self, dead: list[DeadWarc], spider: Spider) -> None:
        """A killed crawl may have archived pages it had no time to record, or to link: record and link them now."""
        from crawler.archive.reextract import Reextractor
        from crawler.catalog import Catalog

        outlet = getattr(spider, "outlet", None)
        reextractor = Reextractor(self.store, Catalog([outlet] if outlet else []), max_size=self.config.decode_max_size,
                                  keep=frozenset(d.key for d in dead))
        reextractor.link = self.link_record
        report = reextractor.recover_records(dead)
        if report.counts["records"] or report.counts["links"]:
            logger.warning("recorded %d articles that a stopped crawl had archived but not recorded, "
                           "and linked %d records it had not linked", report.counts["records"], report.counts["links"])
        self.stats.inc_value("khabar/recovered_records", report.counts["records"])
        _remember_fetched(self.store, report.articles)

    # -- capture -----------------------------------------------------------------------
    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        raw = request.meta.pop(RAW_EXCHANGE_META, None)
        outlet = str(request.meta.get("outlet") or getattr(spider, "outlet_id", spider.name))
        if self.stopped() is not None:  # stopping: what still arrives is fetched again by the next run
            request.meta.pop(WARC_META, None)
            self.stats.inc_value("khabar/warc/not_archived/disk_full")
            return
        if request.meta.get(SCREENSHOT_ONLY_META):
            request.meta.pop(BROWSER_EXCHANGES_META, None)
            self._archive_screenshot(outlet, request)
            return
        if (exchanges := request.meta.pop(BROWSER_EXCHANGES_META, None)) is not None:
            self._archive_render(outlet, response, request, exchanges)
            return
        try:
            link = self.archive(outlet, response, request, raw)
        except DiskFull as exc:
            request.meta.pop(WARC_META, None)
            self.stats.inc_value("khabar/warc/not_archived/disk_full")
            self.stop(exc)
            return
        except OSError as exc:
            self.stats.inc_value("khabar/warc/errors")
            logger.error("could not archive %s in WARC: %s (is the store folder full or gone?)", response.url, exc)
            request.meta.pop(WARC_META, None)
            return
        request.meta[WARC_META] = link
        request.meta[FETCHED_AT_META] = self.last_date
        if self.last_revisit is not None:
            request.meta[REVISIT_META] = self.last_revisit
        else:
            request.meta.pop(REVISIT_META, None)

    def _archive_render(self, outlet: str, response: Response, request: Request,
                        exchanges: list[BrowserExchange]) -> None:
        """A page rendered in the browser: what its scripts fetched, then the rendered page as a ``conversion``.

        The page itself was archived as served by the fetch that asked for the render, so the browser's
        own load of it is not archived again; the record keeps linking to that served response.
        """
        served: WarcLink | None = request.meta.get(RENDERED_FROM_META)
        try:
            moment = self.factory.clock()
            for exchange in exchanges:
                if not exchange.navigation:
                    received, _ = final_response(exchange.received)
                    self._write_pair(outlet, exchange.url, exchange.url, split_message(exchange.sent), received, moment,
                                     {"WARC-Khabar-Reconstructed": "browser"})
            refers = {"WARC-Refers-To": served.record_id} if served else {}
            charset = getattr(response, "encoding", None) or "utf-8"  # how scrapy-playwright encoded the DOM
            conversion = self.factory.blob_record("conversion", response.url, response.body,
                                                  f"text/html; charset={charset}", refers)
            shot = self._screenshot_record(response.url, request, served.record_id if served else
                                           str(conversion.rec_headers.get_header("WARC-Record-ID")))
            self._writer(outlet, moment.date()).write([conversion, *shot])
        except DiskFull as exc:
            request.meta.pop(WARC_META, None)
            self.stop(exc)
            return
        except OSError as exc:
            self.stats.inc_value("khabar/warc/errors")
            logger.error("could not archive the render of %s in WARC: %s (is the store folder full or gone?)",
                         response.url, exc)
            request.meta.pop(WARC_META, None)
            return
        self.stats.inc_value("khabar/warc/records", 1)
        self.stats.inc_value("khabar/render/pages")
        request.meta.pop(REVISIT_META, None)
        request.meta[RENDERED_META] = conversion.rec_headers.get_header("WARC-Record-ID")
        if shot:
            self.stats.inc_value("khabar/screenshots/archived")
            request.meta[SCREENSHOT_RECORD_META] = shot[0].rec_headers.get_header("WARC-Record-ID")
        if served is not None:
            request.meta[WARC_META] = served

    def _archive_screenshot(self, outlet: str, request: Request) -> None:
        """KHABAR_SCREENSHOTS=articles: the picture of an article, Concurrent-To its response as served (the page
        the browser loaded for it is not archived: its served copy is)."""
        served: WarcLink = request.meta[RENDERED_FROM_META]
        shot = self._screenshot_record(request.url, request, served.record_id)
        if not shot:
            return  # the handler counted and logged the failed screenshot
        try:
            self._writer(outlet, self.factory.clock().date()).write(shot)
        except DiskFull as exc:
            self.stop(exc)
            return
        except OSError as exc:
            self.stats.inc_value("khabar/warc/errors")
            logger.error("could not archive the screenshot of %s in WARC: %s (is the store folder full or gone?); "
                         "its article is recorded without one", request.url, exc)
            return
        self.stats.inc_value("khabar/warc/records", 1)
        self.stats.inc_value("khabar/screenshots/archived")
        request.meta[SCREENSHOT_RECORD_META] = shot[0].rec_headers.get_header("WARC-Record-ID")

    def _screenshot_record(self, url: str, request: Request, concurrent_to: str) -> list[Any]:
        """The page's screenshot, if the browser took one, as a ``resource`` record Concurrent-To the page."""
        shot: Screenshot | None = request.meta.pop(SCREENSHOT_META, None)
        if shot is None:
            return []
        return [self.factory.blob_record("resource", screenshot_uri(url), shot.png, SCREENSHOT_TYPE,
                                         {"WARC-Concurrent-To": concurrent_to, **shot.warc_headers()})]

    def archive(self, outlet: str, response: Response, request: Request, raw: Any) -> WarcLink:
        """Write the request and response records of one exchange; return the response's link."""
        if raw is not None:
            sent, (received, interim) = split_message(raw.sent), final_response(raw.received)
            extra: dict[str, str] = {}
        else:
            sent, received = rebuild_exchange(request, response)
            interim, extra = [], {"WARC-Khabar-Reconstructed": "scrapy-response"}
        moment = self.factory.clock()
        if response.ip_address is not None:
            extra["WARC-IP-Address"] = str(response.ip_address)
        if interim:
            extra["WARC-Khabar-Interim-Responses"] = str(len(interim))
        return self._write_pair(outlet, response.url, request.url, sent, received, moment, extra)

    def _write_pair(self, outlet: str, url: str, request_url: str, sent: HttpMessage, received: HttpMessage,
                    moment: datetime, extra: dict[str, str]) -> WarcLink:
        date_str = self.last_date = warc_date(moment)
        digest = sha1_digest(payload_of(received))
        original = self.dedup.lookup(url, digest) if received.status == 200 else None
        self.last_revisit = original
        if original is not None:
            refers = {"record_id": original.record_id, "url": original.url, "date": original.date, "digest": digest}
            resp = self.factory.revisit_record(url, received, date_str, refers, extra)
        else:
            resp = self.factory.http_record("response", url, received, date_str, extra, payload_digest=digest)
        resp_id = resp.rec_headers.get_header("WARC-Record-ID")
        req = self.factory.http_record("request", request_url, sent, date_str, {"WARC-Concurrent-To": resp_id})
        compressed = original is None and any(
            v.strip().lower() in _COMPRESSED for v in received.header_values("Content-Encoding"))
        level = 9 if original is not None else None  # a revisit pair is all headers: squeeze it
        resp_loc, _ = self._writer(outlet, moment.date()).write([resp, req], compressed_payload=compressed, level=level)
        self.stats.inc_value("khabar/warc/records", 2)
        self.stats.inc_value("khabar/warc/revisits" if original else "khabar/warc/responses")
        self.stats.inc_value("khabar/warc/bytes", resp_loc.length)
        link = self._link(resp_loc, digest)
        if original is None:
            self._pending.add(resp_loc.path, Capture(url, digest, resp_id, date_str, link.path, link.offset, link.length))
        return link

    def _link(self, loc: RecordLocation, payload_digest: str) -> WarcLink:
        key = self._key(loc.path)
        return WarcLink(filename=loc.filename, path=key, offset=loc.offset, length=loc.length,
                        record_id=loc.record_id, payload_digest=payload_digest)

    def link_record(self, record: ArticleRecord, key: str) -> None:
        """The WARC side of an article record written to the record file ``key`` (see crawler/warc/links.py).

        Raises ``DiskFull`` when the store's filesystem is full (nothing of the pair is written).
        """
        if (full := self.stopped()) is not None:
            raise full
        try:
            self._writer(record.outlet, self.factory.clock().date()).write(link_records(self.factory, record, key))
        except DiskFull as exc:
            self.stop(exc)
            raise
        self.stats.inc_value("khabar/warc/records", 2)

    def stopped(self) -> DiskFull | None:
        """The full disk this crawl met, here or in another component (then nothing more is written), or None."""
        if self.full is None and (message := disk_full_message(self.stats.get_stats())) is not None:
            self.full = DiskFull(message, "", "")
        return self.full

    def stop(self, error: DiskFull) -> None:
        """The store's filesystem is full: write nothing more, leave the files unfinished, stop the crawl."""
        self.full = self.full or error
        if self.crawler is not None:
            stop_for_disk_full(self.crawler, error)

    # -- files ---------------------------------------------------------------------------
    def _writer(self, outlet: str, day: date) -> RotatingWarcWriter:
        key = (outlet, day)
        if key not in self._writers:
            self._writers[key] = RotatingWarcWriter(self.config.file_spec(self.store.spool, outlet, day), self.factory,
                                                    warcinfo_fields(outlet, self.info), on_close=self._file_closed,
                                                    on_open=self._file_opened, on_written=self._bytes_written,
                                                    index_key=self._key)
        return self._writers[key]

    def _file_opened(self, path: Path) -> None:
        """Journaled until the crawl closes: if it is killed, recovery looks for captures without a record here."""
        self._journal.add(self._key(path))
        if self.crawler is not None:  # e.g. DiskGuard looks at the free space before each new file
            self.crawler.signals.send_catch_log(warc_file_opened, path=path)

    def _bytes_written(self, size: int) -> None:
        self.stats.inc_value("khabar/warc/bytes_written", size)

    def _key(self, path: Path) -> str:
        """The store key of a WARC file being written (kept: every response written asks for it)."""
        if (key := self._keys.get(path)) is None:
            key = self._keys[path] = path.relative_to(self.store.spool).as_posix()
        return key

    def _file_closed(self, path: Path, indexed: bool) -> None:
        self._keys.pop(path, None)
        self.files.append(finish_warc_file(self.store, path, self.dedup, self._pending.pop(path), indexed))
        self.stats.inc_value("khabar/warc/files")

    def spider_closed(self, spider: Spider) -> None:
        self.close()

    def close(self) -> None:
        """Finish every open file; after ``DiskFull`` (here or elsewhere in the crawl), leave them ``.open`` for
        the next run's recovery."""
        stopped = self.stopped() is not None
        for writer in self._writers.values():
            if stopped:
                writer.abandon()
                continue
            try:
                writer.close()
            except DiskFull as exc:  # its index did not fit: the file is unfinished again
                self.stop(exc)
        self._writers.clear()
        self._pending.close()  # the files left .open: recovery reads their captures back from them
        if self.stopped() is None:  # else the journal stays: the next run's recovery looks at every file it lists
            self._journal.settle()
        self.dedup.close()


def link_to(capture: Capture) -> WarcLink:
    """The WARC link of an archived capture (the original a revisit refers to)."""
    return WarcLink(filename=capture.path.rsplit("/", 1)[-1], path=capture.path, offset=capture.offset,
                    length=capture.length, record_id=capture.record_id, payload_digest=capture.digest)


def _remember_fetched(store: Store, articles: list[ArchivedArticle]) -> None:
    """Note in the crawl state the recorded captures a killed crawl had no time to note, so a resume never refetches them;
    a browser step still owed for a page now recorded (KHABAR_SCREENSHOTS=articles: its picture) is settled: the page
    is recorded without it, not fetched and recorded again."""
    from crawler.discovery.state import CrawlState

    for outlet in sorted({a.outlet for a in articles}):
        state = CrawlState(crawl_db(store), outlet)
        for article in (a for a in articles if a.outlet == outlet):
            if (known := state.get(article.url)) is None:
                state.remember(article.url, article.status, None, _header(article.headers, b"ETag"),
                               _header(article.headers, b"Last-Modified"), _header(article.headers, b"Date"),
                               article=True)
            elif known.render_pending:
                state.settle_render(article.url)
        state.close()


def _header(headers: Headers, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def warcinfo_fields(outlet: str, extra: dict[str, str]) -> dict[str, str]:
    """The ``warcinfo`` of a WARC file of ``outlet``."""
    return {"software": f"Khabar {__version__} (warcio, Scrapy)", "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": outlet, "khabar-outlet": outlet, **extra}


def finish_warc_file(store: Store, path: Path, dedup: DedupIndex | None, captures: Iterable[Capture],
                     indexed: bool = False) -> str:
    """A closed WARC file: index it (CDXJ beside it; ``indexed``: its writer's live index did), add its captures to
    the dedup index, publish both."""
    key = path.relative_to(store.spool).as_posix()
    if indexed:
        cdxj = cdxj_path(path)
    else:
        cdxj = write_cdxj(path, key)
        lines_path(path).unlink(missing_ok=True)  # a live index's lines that a killed crawl left
    if dedup is not None:
        dedup.add(captures)
    store.publish(cdxj.relative_to(store.spool).as_posix())
    store.publish(key)
    return key
