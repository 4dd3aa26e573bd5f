"""A download handler that keeps every byte of each HTTP exchange, as sent and as served.

Scrapy's Response objects lose the reason phrase, the case and order of header names, the
interleaving of repeated headers, the hop-by-hop headers and the chunk framing. This handler is Scrapy's own HTTP/1.1 handler with a tap at the Twisted
protocol level: it copies what the connection writes and reads for each request, before any
parsing, and hands the copy to the WARC writer through ``request.meta[RAW_EXCHANGE_META]``.

It relies on private classes of ``scrapy.core.downloader.handlers.http11`` (pinned Scrapy minor
version; ``tests/test_warc_fidelity.py`` compares archived bytes with the server's wire bytes).
Enable it with ``DOWNLOAD_HANDLERS = {"http": ..., "https": ...}`` (done by ``settings``).
"""

from __future__ import annotations

import inspect
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any


@contextmanager
def _callers_without_source() -> Iterator[None]:
    """``inspect.stack()`` as frames alone, without their source lines, while Scrapy's TLS modules are imported.

    They build three deprecated class aliases at import (``scrapy.utils.deprecate.create_deprecated_class``), each
    asking ``inspect.stack()`` for its caller's module: a walk reading the source of every frame of the import chain,
    about 0.1 s of CPU before a crawl's first request (0.53 s → 0.42 s for the crawl's imports). The frames alone
    name the same module."""
    real = inspect.stack

    def frames(context: int = 1) -> list[tuple[FrameType]]:
        frame: FrameType | None = sys._getframe(1)
        found = []
        while frame is not None:
            found.append((frame,))
            frame = frame.f_back
        return found

    inspect.stack = frames  # type: ignore[assignment]
    try:
        yield
    finally:
        inspect.stack = real


with _callers_without_source():
    from scrapy.core.downloader.handlers.http11 import (
        HTTP11DownloadHandler,
        _BindAddressAgent,
        _LenientHTTP11ClientFactory,
        _LenientHTTP11ClientProtocol,
        _ScrapyAgent,
    )
from scrapy.exceptions import ResponseDataLossError  # noqa: E402
from scrapy.utils._download_handlers import (  # noqa: E402
    get_dataloss_msg,
    normalize_bind_address,
    wrap_twisted_exceptions,
)
from scrapy.utils.defer import maybe_deferred_to_future  # noqa: E402

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

RAW_EXCHANGE_META = "_khabar_raw_exchange"


@dataclass(frozen=True, slots=True)
class RawExchange:
    """The bytes of one request/response exchange, exactly as they crossed the connection."""

    sent: bytes
    received: bytes


class _Capture:
    """The pieces written and read for one request, joined once at the end: a response read in one piece is
    kept without a copy (``b"".join`` of one ``bytes`` is that object), where adding each piece to a bytearray
    and turning it into bytes copied every byte twice."""

    __slots__ = ("received", "sent")

    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.received: list[bytes] = []

    def exchange(self) -> RawExchange:
        return RawExchange(b"".join(self.sent), b"".join(self.received))


class _TapProtocol(_LenientHTTP11ClientProtocol):
    """Copies the bytes of the current request and its response before Twisted parses them."""

    _capture: _Capture | None = None

    def makeConnection(self, transport: Any) -> None:
        write, write_sequence = transport.write, transport.writeSequence

        def tap_write(data: bytes) -> None:
            if self._capture is not None:
                self._capture.sent.append(data)
            write(data)

        def tap_write_sequence(chunks: Any) -> None:
            chunks = list(chunks)
            if self._capture is not None:
                self._capture.sent.extend(chunks)
            write_sequence(chunks)

        transport.write, transport.writeSequence = tap_write, tap_write_sequence
        super().makeConnection(transport)  # type: ignore[no-untyped-call]  # Twisted's protocol is untyped

    def request(self, request: Any) -> Any:
        capture = self._capture = _Capture()  # one per request on a pooled connection
        d = super().request(request)

        def attach(response: Any) -> Any:
            response._khabar_capture = capture
            return response

        return d.addCallback(attach)

    def dataReceived(self, data: bytes) -> None:
        if self._capture is not None:
            self._capture.received.append(data)
        super().dataReceived(data)  # type: ignore[no-untyped-call]  # Twisted's protocol is untyped


class _TapFactory(_LenientHTTP11ClientFactory):
    def buildProtocol(self, addr: Any) -> _TapProtocol:
        return _TapProtocol(self._quiescentCallback)  # type: ignore[no-untyped-call]


_ENDPOINTS_KEPT = 1024  # distinct (scheme, host, port, timeout, bind address): past it the cache starts again


class _EndpointKeepingAgent(_BindAddressAgent):
    """Scrapy's agent for a request without a proxy, with its endpoints kept between requests.

    Twisted's ``Agent`` builds a new ``HostnameEndpoint`` for every request, even when the pool hands back a kept
    connection and the endpoint is never used to connect, and building one IDNA-encodes the host: about 0.05 ms of
    the crawl's CPU a request. An endpoint holds only where and how to connect (host, port, timeout, bind address,
    TLS options for the host), so one per such key serves every request that has it."""

    def __init__(self, endpoints: dict[tuple[Any, ...], Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._endpoints = endpoints

    def _getEndpoint(self, uri: Any) -> Any:  # noqa: N802 (Twisted's name)
        factory = self._endpointFactory
        key = (uri.scheme, uri.host, uri.port, factory._connectTimeout, factory._bindAddress)
        endpoint = self._endpoints.get(key)
        if endpoint is None:
            if len(self._endpoints) >= _ENDPOINTS_KEPT:
                self._endpoints.clear()
            endpoint = self._endpoints[key] = super()._getEndpoint(uri)  # type: ignore[no-untyped-call]
        return endpoint


class _TapAgent(_ScrapyAgent):
    capture: _Capture | None = None
    endpoints: dict[tuple[Any, ...], Any] | None = None  # the handler's, kept between requests

    def _get_agent(self, request: Request, timeout: float) -> Any:
        if self.endpoints is None or request.meta.get("proxy"):
            return super()._get_agent(request, timeout)  # a proxy's agents are Scrapy's own
        from twisted.internet import reactor

        bind_address = normalize_bind_address(request.meta.get("bindaddress") or self._bindAddress)
        return _EndpointKeepingAgent(self.endpoints, reactor=reactor, contextFactory=self._contextFactory,
                                     connectTimeout=timeout, bindAddress=bind_address, pool=self._pool)

    def _cb_bodydone(self, result: Any, url: str) -> Response:
        self.capture = getattr(result["txresponse"], "_khabar_capture", None)
        return super()._cb_bodydone(result, url)


def connections_kept_per_host(settings: BaseSettings) -> int:
    """Idle connections the pool keeps open per host: as many as the busiest download slot uses at once.

    Scrapy keeps ``CONCURRENT_REQUESTS_PER_DOMAIN`` of them; an outlet whose catalog entry allows more requests at
    once (``DOWNLOAD_SLOTS``, crawler/politeness/slots.py) then had most of its connections closed as their
    responses ended, and a new one opened (TCP, and TLS for https) for the next request: 283 connections for 602
    requests of the heavy outlet (concurrency 16), about 0.5 ms of the crawl's CPU per connection. Politeness is
    unchanged: the slots, not the pool, decide how many requests a host gets at once."""
    slots = settings.getdict("DOWNLOAD_SLOTS")
    return max([settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
                *(int(slot.get("concurrency") or 0) for slot in slots.values() if isinstance(slot, dict))])


class RawCaptureDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, plus the exact bytes of each exchange in ``request.meta``."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._pool._factory = _TapFactory
        self._pool.maxPersistentPerHost = connections_kept_per_host(crawler.settings)
        self._endpoints: dict[tuple[Any, ...], Any] = {}

    async def download_request(self, request: Request) -> Response:
        agent = _TapAgent(
            contextFactory=self._contextFactory,
            bindAddress=self._bind_address,
            pool=self._pool,
            maxsize=self._default_maxsize,
            warnsize=self._default_warnsize,
            fail_on_dataloss=self._fail_on_dataloss,
            crawler=self._crawler,
            tls_verbose_logging=self._tls_verbose_logging,
        )
        agent.endpoints = self._endpoints
        try:
            with wrap_twisted_exceptions():
                response = await maybe_deferred_to_future(agent.download_request(request))
        except ResponseDataLossError:
            if not self._fail_on_dataloss_warned:
                self._fail_on_dataloss_warned = True
                logger.warning(get_dataloss_msg(request.url))
            raise
        if agent.capture is not None:
            request.meta[RAW_EXCHANGE_META] = agent.capture.exchange()
        return response
