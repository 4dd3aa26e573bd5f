"""HTTP server for the demo world: one loopback address and port per outlet.

Each outlet listens on its own address (demo-wp 127.0.0.11, demo-cms
127.0.0.12, demo-bilingue 127.0.0.13, demo-listing 127.0.0.14, demo-hard
127.0.0.15), so each is a distinct host. Tests serve on free ports (port 0);
``khabar crawl --demo`` and ``khabar demo serve`` ask for the stable ports of
:func:`~crawler.demo.addresses.stable_ports` (127.0.0.11:8011 … 127.0.0.15:8015) so that the URLs, and
with them a store's crawl state, stay the same from one run to the next; a
stable port that is taken falls back to a free one (:attr:`DemoServer.taken`).
Responses
are HTTP/1.1 with keep-alive and ``Content-Length``; bodies are gzip-encoded
when the client accepts it; every 200 carries a strong ``ETag`` and a
``Last-Modified`` and conditional requests get ``304``. The ``Date`` header is
the demo clock's time, so a response is byte-for-byte reproducible.

Every exchange is recorded in :attr:`DemoServer.wire_log`: the request head
exactly as read and the response exactly as written (for the streamed oversized
page of demo-hard, the head only).

The server keeps one piece of state of its own: which ``throttled`` article paths
have been requested. The first request to each gets ``429`` with ``Retry-After: 1``,
later ones the page; :meth:`DemoServer.reset_throttling` forgets them.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import socketserver
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

from crawler.demo._markup import http_date
from crawler.demo.addresses import TakenPort
from crawler.demo.pages import PageRenderer
from crawler.demo.site import Page, StreamedPage
from crawler.demo.world import DemoWorld

SERVER_HEADERS = {"demo-wp": "nginx/1.24.0", "demo-cms": "Apache/2.4.57 (Debian)", "demo-bilingue": "nginx",
                  "demo-listing": "LiteSpeed", "demo-hard": "cloudflare"}
RETRY_AFTER = 1
"""Seconds a ``throttled`` article asks the client to wait (``Retry-After``)."""
_TOO_MANY = Page(429, "text/html; charset=utf-8", (
    "<html><head><title>429 Trop de requêtes</title></head><body><h1>Trop de requêtes</h1>"
    f"<p>Merci de patienter {RETRY_AFTER} seconde avant de réessayer.</p></body></html>\n").encode(),
    headers=(("Retry-After", str(RETRY_AFTER)),), compressible=False)


@dataclass(frozen=True)
class WireEntry:
    """One exchange as it crossed the socket.

    ``unlogged_body_bytes`` counts body bytes sent but not kept (the streamed
    oversized page); ``response_bytes`` then holds the head only.
    """

    outlet_id: str
    method: str
    path: str
    request_bytes: bytes
    response_bytes: bytes
    unlogged_body_bytes: int = 0

    @property
    def status(self) -> int:
        """The response status code."""
        return int(self.response_bytes.split(b" ", 2)[1])

    @property
    def response_head(self) -> bytes:
        """Status line and headers, up to and including the blank line."""
        return self.response_bytes[: self.response_bytes.index(b"\r\n\r\n") + 4]

    @property
    def response_body(self) -> bytes:
        """The body bytes as sent (gzip-encoded if the response says so)."""
        return self.response_bytes[len(self.response_head):]

    @property
    def request_headers(self) -> list[tuple[str, str]]:
        """Request header fields in order, names as sent."""
        lines = self.request_bytes.decode("latin-1").split("\r\n")[1:]
        return [(k, v.strip()) for k, _, v in (line.partition(":") for line in lines if line)]


class WireLog:
    """A thread-safe, append-only list of :class:`WireEntry`."""

    def __init__(self) -> None:
        self._entries: list[WireEntry] = []
        self._lock = threading.Lock()

    def append(self, entry: WireEntry) -> None:
        with self._lock:
            self._entries.append(entry)

    def clear(self) -> None:
        """Forget every recorded exchange."""
        with self._lock:
            self._entries.clear()

    def snapshot(self) -> list[WireEntry]:
        """A copy of the entries recorded so far."""
        with self._lock:
            return list(self._entries)

    def __iter__(self) -> Iterator[WireEntry]:
        return iter(self.snapshot())

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __getitem__(self, index: int) -> WireEntry:
        with self._lock:
            return self._entries[index]


class _RecordingReader:
    """Wraps the request stream and keeps the bytes of the request head."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._head = bytearray()

    def readline(self, limit: int = -1) -> bytes:
        line = self._raw.readline(limit)
        self._head += line
        return line

    def read(self, size: int = -1) -> bytes:
        return self._raw.read(size)

    def take(self) -> bytes:
        head, self._head = bytes(self._head), bytearray()
        return head

    def close(self) -> None:
        self._raw.close()


class _OutletServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], demo: DemoServer, outlet_id: str) -> None:
        self.demo, self.outlet_id, self.base_url = demo, outlet_id, ""
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # skip HTTPServer's reverse DNS lookup
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that hang up; let real errors print their traceback."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """Hang up on idle keep-alive clients (used when stopping)."""
        with self._open_lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):  # already closed by the client
                    sock.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server: _OutletServer
    rfile: Any

    def setup(self) -> None:
        super().setup()
        self.rfile = _RecordingReader(self.rfile)

    def handle_one_request(self) -> None:
        self.rfile.take()
        super().handle_one_request()

    def do_GET(self) -> None:  # noqa: N802 (name fixed by BaseHTTPRequestHandler)
        self._respond(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head_only=True)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Stay quiet: the wire log is the record."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer malformed or unsupported requests with our own framing, then hang up."""
        self.close_connection = True
        body = f"<html><body><h1>{code} {HTTPStatus(code).phrase}</h1></body></html>\n".encode()
        self._send(self.rfile.take(), Page(code, "text/html; charset=utf-8", body), code, "identity", False)

    def _respond(self, *, head_only: bool) -> None:
        request_head = self.rfile.take()
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        demo = self.server.demo
        page = demo.throttle(self.server.outlet_id, self.path) or demo.renderer.render(
            self.server.outlet_id, self.path, self.server.base_url)
        if isinstance(page, StreamedPage):
            self._stream(request_head, page, head_only)
            return
        gzip_ok = page.compressible and _accepts_gzip(self.headers.get_all("Accept-Encoding") or [])
        encoding = "gzip" if gzip_ok else "identity"
        status = 304 if page.status == 200 and _not_modified(self.headers, page, encoding) else page.status
        self._send(request_head, page, status, encoding, head_only)

    def _send(self, request_head: bytes, page: Page, status: int, encoding: str, head_only: bool) -> None:
        body = page.gzipped if encoding == "gzip" else page.body
        head = _response_head(page, status, encoding, len(body), self._framing())
        response = head if head_only or status == 304 else head + body
        entry = WireEntry(self.server.outlet_id, getattr(self, "command", None) or "",
                          getattr(self, "path", None) or "", request_head, response)
        self.server.demo.wire_log.append(entry)  # before writing, so a client never sees an unlogged reply
        self.wfile.write(response)
        self.wfile.flush()

    def _stream(self, request_head: bytes, page: StreamedPage, head_only: bool) -> None:
        """Send a :class:`StreamedPage` chunk by chunk; log its head only."""
        status = 304 if page.status == 200 and _not_modified(self.headers, page, "identity") else page.status
        head = _response_head(page, status, "identity", page.length, self._framing())
        sends_body = not head_only and status != 304
        entry = WireEntry(self.server.outlet_id, self.command, self.path, request_head, head,
                          page.length if sends_body else 0)
        self.server.demo.wire_log.append(entry)
        self.wfile.write(head)
        for chunk in page.chunks() if sends_body else ():
            self.wfile.write(chunk)
        self.wfile.flush()

    def _framing(self) -> list[str]:
        """Header lines that frame the connection and carry the date."""
        lines = [f"Date: {http_date(self.server.demo.world.now)}", f"Server: {SERVER_HEADERS[self.server.outlet_id]}"]
        if self.close_connection:
            lines.append("Connection: close")
        elif getattr(self, "request_version", "HTTP/1.1") == "HTTP/1.0":
            lines.append("Connection: keep-alive")
        return lines


def _response_head(page: Page | StreamedPage, status: int, encoding: str, length: int, framing: list[str]) -> bytes:
    """Status line and headers, in a fixed order."""
    lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", *framing[:2]]
    lines += [f"{name}: {value}" for name, value in page.headers]
    if status != 304:
        lines += [f"Content-Type: {page.content_type}", f"Content-Length: {length}"]
    if status in (200, 304):
        if page.last_modified is not None:
            lines.append(f"Last-Modified: {http_date(page.last_modified)}")
        lines.append(f"ETag: {page.etag(encoding)}")
    if page.compressible:
        lines.append("Vary: Accept-Encoding")
    if encoding == "gzip" and status != 304:
        lines.append("Content-Encoding: gzip")
    lines += framing[2:]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _accepts_gzip(values: Sequence[str]) -> bool:
    """True if an Accept-Encoding value allows gzip (q > 0)."""
    for item in ",".join(values).split(","):
        name, _, params = item.partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        if name.strip().lower() in ("gzip", "x-gzip", "*") and _float(quality) > 0:
            return True
    return False


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _not_modified(headers: Any, page: Page | StreamedPage, encoding: str) -> bool:
    """RFC 9110 conditionals: If-None-Match wins over If-Modified-Since."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or page.etag(encoding) in tags
    if_modified_since = headers.get("If-Modified-Since")
    if not if_modified_since or page.last_modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    since = since if since.tzinfo else since.replace(tzinfo=UTC)
    return page.last_modified.replace(microsecond=0) <= since


class DemoServer:
    """Serves every outlet of a :class:`DemoWorld` on loopback.

    By default the OS picks a free port for each outlet. ``ports`` asks for a port per outlet
    (:func:`~crawler.demo.addresses.stable_ports`); one that is taken falls back to a free port and is listed in
    :attr:`taken`. ``hosts`` overrides the loopback address of some outlets.
    """

    def __init__(self, world: DemoWorld | None = None, *, ports: Mapping[str, int] | None = None,
                 hosts: Mapping[str, str] | None = None) -> None:
        self.world = world or DemoWorld()
        self.renderer = PageRenderer(self.world)
        self.wire_log = WireLog()
        self.taken: list[TakenPort] = []
        self._ports = dict(ports or {})
        self._hosts = {oid: outlet.host for oid, outlet in self.world.outlets.items()} | dict(hosts or {})
        self._servers: dict[str, _OutletServer] = {}
        self._threads: list[threading.Thread] = []
        self.base_urls: dict[str, str] = {}
        self._throttled = {oid: {unquote(p) for p in outlet.quirks.paths("throttled")}
                           for oid, outlet in self.world.outlets.items()}
        self._throttled_seen: set[tuple[str, str]] = set()
        self._throttle_lock = threading.Lock()

    def start(self) -> None:
        """Bind every outlet and serve each from a daemon thread."""
        if self._servers:
            raise RuntimeError("DemoServer is already running")
        self.taken = []
        for outlet_id, host in self._hosts.items():
            server = self._bind(outlet_id, host, self._ports.get(outlet_id, 0))
            server.base_url = f"http://{host}:{server.server_port}/"
            self._servers[outlet_id] = server
            self.base_urls[outlet_id] = server.base_url
        for outlet_id, server in self._servers.items():
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"demo-{outlet_id}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self.world.bind_base_urls(self.base_urls)

    def _bind(self, outlet_id: str, host: str, port: int) -> _OutletServer:
        """Listen on ``host:port``; on a free port instead (noted in :attr:`taken`) if that one is in use."""
        try:
            return _OutletServer((host, port), self, outlet_id)
        except OSError as error:
            if port == 0 or error.errno != errno.EADDRINUSE:
                raise
        server = _OutletServer((host, 0), self, outlet_id)
        self.taken.append(TakenPort(outlet_id, f"{host}:{port}", f"{host}:{server.server_port}"))
        return server

    def stop(self) -> None:
        """Stop listening, hang up on open connections, join the threads."""
        stoppers = [threading.Thread(target=server.shutdown) for server in self._servers.values()]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        for server in self._servers.values():
            server.close_connections()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def throttle(self, outlet_id: str, target: str) -> Page | None:
        """The 429 page if ``target`` is a visible throttled article requested for the first time."""
        path = unquote(urlsplit(target).path)
        if path not in self._throttled.get(outlet_id, ()) or self.world.article(outlet_id, path) is None:
            return None
        with self._throttle_lock:
            if (outlet_id, path) in self._throttled_seen:
                return None
            self._throttled_seen.add((outlet_id, path))
        return _TOO_MANY

    def reset_throttling(self) -> None:
        """Forget which throttled articles were requested: each answers 429 once more."""
        with self._throttle_lock:
            self._throttled_seen.clear()

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def base_url(self, outlet_id: str) -> str:
        """Base URL (ending in '/') of ``outlet_id``; the server must be running."""
        try:
            return self.base_urls[outlet_id]
        except KeyError:
            running = ", ".join(self.base_urls) or "none"
            raise KeyError(f"{outlet_id!r} is not served (running outlets: {running})") from None

    def url(self, outlet_id: str, path: str) -> str:
        """Absolute URL of ``path`` on ``outlet_id``."""
        return self.base_url(outlet_id) + path.lstrip("/")

    def outlet_of(self, url: str) -> str | None:
        """The outlet serving ``url``, judged by scheme, host and port."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}/"
        return next((oid for oid, base in self.base_urls.items() if base == origin), None)

    def responses_for(self, path_or_url: str) -> list[WireEntry]:
        """Recorded exchanges for a path (any outlet) or an absolute URL."""
        if "://" not in path_or_url:
            return [e for e in self.wire_log if e.path == path_or_url]
        parts = urlsplit(path_or_url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        outlet_id = self.outlet_of(path_or_url)
        return [e for e in self.wire_log if e.outlet_id == outlet_id and e.path == target]
