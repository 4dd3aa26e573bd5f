"""A small HTTP site on a free loopback port, for outlets a test writes itself."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar, Self


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


class LoopbackSite:
    """Serves ``handler`` on 127.0.0.1 while the ``with`` block runs."""

    handler: ClassVar[type[BaseHTTPRequestHandler]]

    def __init__(self, handler: type[BaseHTTPRequestHandler] | None = None) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler or self.handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
