"""WarcCapture: the Scrapy extension that archives every downloaded exchange.

It listens to ``response_downloaded``, which fires right after the download handler and before
any downloader middleware (HttpCompression included) touches the response, and writes a
``request`` and a ``response`` record linked by ``WARC-Concurrent-To``. With
``RawCaptureDownloadHandler`` the records hold the exact bytes of the exchange; without it
(another handler, e.g. a browser), the head is rebuilt from the Response and the record says so
in ``WARC-Khabar-Reconstructed``.

Where the response landed goes into ``request.meta["khabar_warc"]`` (a ``WarcLink``), which the
spider copies onto the article record; ``link_article()`` then writes a ``metadata`` record naming
the article record, so either side finds the other.

Settings:
    KHABAR_WARC_ENABLED                 (True)   write WARC files
    KHABAR_WARC_MAX_SIZE                (1e9)    rotate a file once it reaches this many bytes
    KHABAR_WARC_PREFIX                  (khabar) file name prefix; make it unique per machine
    KHABAR_WARC_GZIP_LEVEL              (6)      deflate level of records
    KHABAR_WARC_GZIP_LEVEL_COMPRESSED   (1)      level for bodies the server already compressed
    KHABAR_STORE_URI                    (./archive) where files go
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler import __version__
from crawler.errors import ConfigInvalid
from crawler.records import WarcLink
from crawler.storage import Store, open_store
from crawler.storage.layout import warc_dir
from crawler.warc.exchange import HttpMessage, final_response, split_message
from crawler.warc.rebuild import rebuild_exchange
from crawler.warc.records import RecordFactory, warc_date, warc_fields
from crawler.warc.tap import RAW_EXCHANGE_META
from crawler.warc.writer import RecordLocation, RotatingWarcWriter, WarcFileSpec

if TYPE_CHECKING:
    from pathlib import Path

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

WARC_META = "khabar_warc"
FETCHED_AT_META = "khabar_fetched_at"
_COMPRESSED = (b"gzip", b"br", b"deflate", b"zstd", b"compress", b"x-gzip")


@dataclass(frozen=True, slots=True)
class WarcConfig:
    enabled: bool
    store_uri: str
    max_size: int
    prefix: str
    gzip_level: int
    gzip_level_compressed: int

    @classmethod
    def from_settings(cls, settings: Any) -> WarcConfig:
        config = cls(
            enabled=settings.getbool("KHABAR_WARC_ENABLED", True),
            store_uri=settings.get("KHABAR_STORE_URI", "./archive"),
            max_size=settings.getint("KHABAR_WARC_MAX_SIZE", 1_000_000_000),
            prefix=settings.get("KHABAR_WARC_PREFIX", "khabar"),
            gzip_level=settings.getint("KHABAR_WARC_GZIP_LEVEL", 6),
            gzip_level_compressed=settings.getint("KHABAR_WARC_GZIP_LEVEL_COMPRESSED", 1),
        )
        config.validate()
        return config

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

    def __init__(self, config: WarcConfig, store: Store, stats: StatsCollector,
                 factory: RecordFactory | None = None) -> None:
        self.config, self.store, self.stats = config, store, stats
        self.factory = factory or RecordFactory()
        self._writers: dict[tuple[str, date], RotatingWarcWriter] = {}
        self.files: list[str] = []
        self.last_date = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCapture:
        config = WarcConfig.from_settings(crawler.settings)
        if not config.enabled:
            raise NotConfigured("KHABAR_WARC_ENABLED is False; set it to True to enable WarcCapture")
        assert crawler.stats is not None
        capture = cls(config, open_store(config.store_uri), crawler.stats)
        crawler.signals.connect(capture.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(capture.spider_closed, signal=signals.spider_closed)
        return capture

    # -- capture -----------------------------------------------------------------------
    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        raw = request.meta.pop(RAW_EXCHANGE_META, None)
        outlet = request.meta.get("outlet") or getattr(spider, "outlet_id", spider.name)
        try:
            link = self.archive(outlet, response, request, raw)
        except OSError as exc:
            self.stats.inc_value("khabar/warc/errors")
            logger.error("could not archive %s in WARC: %s (is the store folder full or gone?)", response.url, exc)
            request.meta.pop(WARC_META, None)
            return
        request.meta[WARC_META] = link
        request.meta[FETCHED_AT_META] = self.last_date

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
        resp = self.factory.http_record("response", url, received, date_str, extra)
        resp_id = resp.rec_headers.get_header("WARC-Record-ID")
        req = self.factory.http_record("request", request_url, sent, date_str, {"WARC-Concurrent-To": resp_id})
        compressed = any(v.strip().lower() in _COMPRESSED for v in received.header_values("Content-Encoding"))
        resp_loc, _ = self._writer(outlet, moment.date()).write([resp, req], compressed_payload=compressed)
        self.stats.inc_value("khabar/warc/records", 2)
        self.stats.inc_value("khabar/warc/bytes", resp_loc.length)
        return self._link(resp_loc, resp.rec_headers.get_header("WARC-Payload-Digest"))

    def _link(self, loc: RecordLocation, payload_digest: str) -> WarcLink:
        key = loc.path.relative_to(self.store.spool).as_posix()
        return WarcLink(filename=loc.filename, path=key, offset=loc.offset, length=loc.length,
                        record_id=loc.record_id, payload_digest=payload_digest)

    def link_article(self, outlet: str, url: str, link: WarcLink, fields: dict[str, str]) -> None:
        """Write a ``metadata`` record that names the article record made from ``link``."""
        body = warc_fields(fields)
        record = self.factory.blob_record("metadata", url, body, "application/warc-fields",
                                          {"WARC-Concurrent-To": link.record_id})
        self._writer(outlet, self.factory.clock().date()).write([record])
        self.stats.inc_value("khabar/warc/records")

    # -- files ---------------------------------------------------------------------------
    def _writer(self, outlet: str, day: date) -> RotatingWarcWriter:
        key = (outlet, day)
        if key not in self._writers:
            spec = WarcFileSpec(directory=self.store.spool / warc_dir(outlet, day),
                                prefix=f"{self.config.prefix}-{outlet}", max_size=self.config.max_size,
                                gzip_level=self.config.gzip_level,
                                gzip_level_compressed=self.config.gzip_level_compressed)
            info = {"software": f"Khabar {__version__} (warcio, Scrapy)", "format": "WARC File Format 1.1",
                    "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                    "isPartOf": outlet}
            self._writers[key] = RotatingWarcWriter(spec, self.factory, info, on_close=self._published)
        return self._writers[key]

    def _published(self, path: Path) -> None:
        key = path.relative_to(self.store.spool).as_posix()
        self.store.publish(key)
        self.files.append(key)
        self.stats.inc_value("khabar/warc/files")

    def spider_closed(self, spider: Spider) -> None:
        self.close()

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
