"""A loopback HTTP/1.1 server that answers with hand-written bytes and logs the bytes it read.

It exists to check WARC fidelity against things real servers do and Scrapy normalises away:
custom reason phrases, header case and order, repeated Set-Cookie with another header between,
non-UTF-8 header bytes, chunked framing with an extension, a 103 before the final response.
"""

from __future__ import annotations

import gzip
import socket
import threading
from collections.abc import Callable

Body = Callable[[], bytes]

HTML = "<html><head><title>Essai</title></head><body><p>Texte servi tel quel, é à ç.</p></body></html>".encode()
GZ = gzip.compress(HTML, mtime=0)


def _odd() -> bytes:
    return (b"HTTP/1.1 200 Fine Thanks\r\nx-lower-case: a\r\nSet-Cookie: a=1; Path=/\r\nETag: \"e1\"\r\n"
            b"Set-Cookie: b=2; Path=/\r\nX-Latin: caf\xe9\r\nContent-Type: text/html\r\n"
            b"Content-Encoding: gzip\r\nContent-Length: " + str(len(GZ)).encode() + b"\r\n\r\n" + GZ)


def _chunked() -> bytes:
    half = len(GZ) // 2
    chunks = b"%x;ext=1\r\n" % half + GZ[:half] + b"\r\n" + b"%x\r\n" % (len(GZ) - half) + GZ[half:] + b"\r\n0\r\n\r\n"
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + chunks)


def _early_hints() -> bytes:
    return (b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(len(HTML)).encode()
            + b"\r\n\r\n" + HTML)


def _gone() -> bytes:
    body = b"<html><body>parti</body></html>"
    return b"HTTP/1.1 404 Gone Fishing\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body


RESPONSES: dict[str, Body] = {"/odd": _odd, "/chunked": _chunked, "/early": _early_hints, "/gone": _gone,
                              "/query": _odd, "/robots.txt": _gone}


class RawServer:
    """Serves RESPONSES on 127.0.0.1, port chosen by the OS; one request per connection."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.sent: dict[str, bytes] = {}
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self._answer(conn)

    def _answer(self, conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        self.received.append(data)
        target = data.split(b" ", 2)[1].decode()
        path = target.split("?", 1)[0]
        response = RESPONSES.get(path, _gone)()
        self.sent[target] = response
        conn.sendall(response)
        conn.shutdown(socket.SHUT_WR)
