"""Turn archived HTML bytes into text the way a browser would pick the charset.

Order: byte-order mark, then the HTTP ``Content-Type`` charset, then ``<meta charset>`` or
``<meta http-equiv>`` in the first 4 KB, then UTF-8 when the bytes decode cleanly, else cp1252.
Labels are resolved with the WHATWG aliases, so a declared iso-8859-1 or latin-1 decodes as cp1252.
"""

from __future__ import annotations

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

FALLBACK_ENCODING = "cp1252"

# A page cannot declare a UTF-16/32 charset in its own ASCII markup: browsers ignore such a
# <meta> and read the bytes as UTF-8 (HTML Standard, "prescan a byte stream").
_META_IGNORED = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode `body` and return ``(text, encoding used)``; never raises on bad bytes."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding is not None and bom is not None:
        return to_unicode(body[len(bom):], bom_encoding), bom_encoding
    encoding = http_content_type_encoding(content_type) or _meta_encoding(body)
    if encoding is not None:
        if encoding in {"utf-16", "utf-32"}:
            encoding += "-le"
        return to_unicode(body, encoding), encoding
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return body.decode(FALLBACK_ENCODING, "replace"), FALLBACK_ENCODING


def _meta_encoding(body: bytes) -> str | None:
    encoding = html_body_declared_encoding(body)
    if encoding in _META_IGNORED:
        return "utf-8"
    return encoding
