"""Rebuilding an exchange from Scrapy objects, for responses the raw tap did not see.

This loses what Scrapy loses (reason phrase, header case and order, hop-by-hop headers); the
record is marked ``WARC-Khabar-Reconstructed`` so an archivist knows.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING

from scrapy.utils.httpobj import urlparse_cached

from crawler.warc.exchange import HttpMessage

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response


def _header_lines(pairs: list[tuple[bytes, list[bytes]]]) -> bytes:
    return b"".join(name + b": " + value + b"\r\n" for name, values in pairs for value in values)


def rebuild_exchange(request: Request, response: Response) -> tuple[HttpMessage, HttpMessage]:
    parsed = urlparse_cached(request)
    target = (parsed.path or "/") + (f"?{parsed.query}" if parsed.query else "")
    req_head = f"{request.method} {target} HTTP/1.1\r\n".encode("ascii", "replace")
    req_headers = list(request.headers.items())
    if b"Host" not in request.headers:
        req_headers.append((b"Host", [parsed.netloc.encode("ascii", "replace")]))
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    status_line = f"{response.protocol or 'HTTP/1.1'} {response.status} {reason}\r\n".encode("ascii", "replace")
    resp_head = status_line + _header_lines(list(response.headers.items())) + b"\r\n"
    return (HttpMessage(req_head + _header_lines(req_headers) + b"\r\n", request.body),
            HttpMessage(resp_head, response.body))
