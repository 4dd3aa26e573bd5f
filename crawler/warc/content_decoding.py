"""A downloader middleware that removes Content-Encoding with the one bounded decoder (``crawler.warc.decoding``).

It takes the place of Scrapy's ``HttpCompressionMiddleware`` (same priority, 590), so that the crawl,
``khabar reextract`` and crash recovery turn the same archived bytes into the same body, with the same
size bound, and agree on which bodies are damaged. Settings:

* ``COMPRESSION_ENABLED``: False turns it off (as it turns off Scrapy's);
* ``DOWNLOAD_MAXSIZE`` (or the ``download_maxsize`` meta key): the most bytes a body may decode to;
  past it the response is dropped (``IgnoreRequest``), counted as ``khabar/decoding/too_large``;
* ``DOWNLOAD_WARNSIZE`` (or ``download_warnsize``): a warning above it.

A body whose stream ended early or broke off is handed on as decoded so far, with a ``damaged_body``
flag that the record-or-not decision reads (reason ``truncated_body``), counted as
``khabar/decoding/damaged``. The WARC keeps the response as served, whatever happens here.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response, TextResponse
from scrapy.responsetypes import responsetypes
from scrapy.statscollectors import StatsCollector

from crawler.warc.decoding import CODINGS, BodyTooLarge, Decoded, damage_flag, decode_body

logger = logging.getLogger(__name__)

_ACCEPT_ENCODING = b", ".join(c for c in CODINGS if c != b"x-gzip")


class ContentDecoding:
    def __init__(self, stats: StatsCollector, max_size: int, warn_size: int) -> None:
        self.stats, self.max_size, self.warn_size = stats, max_size, warn_size

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentDecoding:
        if not crawler.settings.getbool("COMPRESSION_ENABLED"):
            raise NotConfigured("COMPRESSION_ENABLED is False; set it to True to enable ContentDecoding")
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.settings.getint("DOWNLOAD_MAXSIZE"),
                   crawler.settings.getint("DOWNLOAD_WARNSIZE"))

    def process_request(self, request: Request) -> None:
        request.headers.setdefault("Accept-Encoding", _ACCEPT_ENCODING)

    def process_response(self, request: Request, response: Response) -> Response:
        codings = response.headers.getlist("Content-Encoding")
        if request.method == "HEAD" or not codings:
            return response
        max_size = int(request.meta.get("download_maxsize", self.max_size))
        try:
            decoded = decode_body(response.body, codings, max_size)
        except BodyTooLarge as exc:
            self.stats.inc_value("khabar/decoding/too_large")
            message = f"{response.url}: {exc}; not kept for extraction (the WARC keeps it as served)"
            logger.warning(message)
            raise IgnoreRequest(message) from exc
        self._warn_if_large(request, response, decoded)
        return self._decoded_response(response, decoded)

    def _warn_if_large(self, request: Request, response: Response, decoded: Decoded) -> None:
        warn_size = int(request.meta.get("download_warnsize", self.warn_size))
        if len(response.body) < warn_size <= len(decoded.body):
            logger.warning("%s: the body is %d bytes once decoded, above DOWNLOAD_WARNSIZE (%d)",
                           response.url, len(decoded.body), warn_size)

    def _decoded_response(self, response: Response, decoded: Decoded) -> Response:
        headers = response.headers.copy()
        if decoded.kept:
            headers["Content-Encoding"] = b", ".join(decoded.kept)
        else:
            del headers["Content-Encoding"]
        flags = list(response.flags)
        if decoded.damage is not None:
            self.stats.inc_value("khabar/decoding/damaged")
            logger.warning("%s: %s; its WARC capture keeps the bytes as served", response.url, decoded.damage)
            flags.append(damage_flag(decoded.damage))
        cls = responsetypes.from_args(headers=headers, url=response.url, body=decoded.body)
        kwargs: dict[str, Any] = {"encoding": None} if issubclass(cls, TextResponse) else {}
        return response.replace(cls=cls, headers=headers, body=decoded.body, flags=flags, **kwargs)
