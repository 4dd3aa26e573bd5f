"""Turn archived HTML bytes into text the way a browser would pick the charset.

Order: byte-order mark, then the HTTP ``Content-Type`` charset, then ``<meta charset>`` or
``<meta http-equiv>`` in the first 4 KB, then UTF-8 when the bytes decode cleanly, else cp1252.
Labels are resolved with the WHATWG aliases, so a declared iso-8859-1 or latin-1 decodes as cp1252.

Unlike a browser, an archive extractor can afford to distrust a declaration the bytes contradict,
which misconfigured servers do often: a page declared UTF-8 whose bytes are not UTF-8 is read with
its other declaration (the meta tag) or cp1252, unless it is UTF-8 with a few stray bytes (valid
multi-byte characters ten times as many as undecodable bytes: those are replaced, as a browser does); a page declared in a single-byte charset, or in
one of the legacy multi-byte charsets of Chinese, Japanese and Korean, whose non-ASCII bytes all form valid UTF-8
sequences is read as UTF-8 (text in those charsets almost never does: a Korean page whose UTF-8 was read as its
declared euc-kr gave a text of mojibake, none of its words right). The encoding returned then says "(declared …)" so the record can carry a warning.
"""

from __future__ import annotations

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

FALLBACK_ENCODING = "cp1252"
MOSTLY_UTF8 = 10

# A page cannot declare a UTF-16/32 charset in its own ASCII markup: browsers ignore such a
# <meta> and read the bytes as UTF-8 (HTML Standard, "prescan a byte stream").
_META_IGNORED = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode `body` and return ``(text, encoding used)``; never raises on bad bytes."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding is not None and bom is not None:
        return to_unicode(body[len(bom):], bom_encoding), bom_encoding
    header, meta = http_content_type_encoding(content_type), _meta_encoding(body)
    encoding = header or meta
    if encoding is not None:
        if encoding in {"utf-16", "utf-32"}:
            encoding += "-le"
        return _decode_declared(body, encoding, meta)
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(body):
        return body.decode("utf-8", "replace"), "utf-8 (with undecodable bytes replaced)"
    return body.decode(FALLBACK_ENCODING, "replace"), FALLBACK_ENCODING


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 with a few stray bytes (a pasted fragment, a cut sequence), not text in a single-byte charset:
    the valid multi-byte characters outnumber the undecodable bytes tenfold. A cp1252 page's accented
    letters are undecodable almost every one."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return sum(1 for char in text if ord(char) > 0x7F) - bad >= MOSTLY_UTF8 * bad


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_SINGLE_BYTE = ("cp125", "iso8859", "latin", "windows-125", "ascii", "mac")
_LEGACY_MULTI_BYTE = ("cp949", "euc", "cp932", "shift", "sjis", "gb", "big5", "cp936", "cp950")


def _decode_declared(body: bytes, declared: str, meta: str | None) -> tuple[str, str]:
    if declared in ("utf-8", "utf8"):
        try:  # decoded once (checking, then decoding with to_unicode, decoded twice: 0.1 ms on a heavy page)
            return body.decode("utf-8"), declared
        except UnicodeDecodeError:
            pass
        if _mostly_utf8(body):
            return body.decode("utf-8", "replace"), "utf-8 (with undecodable bytes replaced)"
        actual = meta if meta and meta not in ("utf-8", "utf8") else FALLBACK_ENCODING
        return to_unicode(body, actual), f"{actual} (declared {declared}, but the bytes are not {declared})"
    if declared.replace("-", "").startswith(_SINGLE_BYTE + _LEGACY_MULTI_BYTE) and not body.isascii() and _is_utf8(body):
        return body.decode("utf-8"), f"utf-8 (declared {declared}, but the bytes are utf-8)"
    return to_unicode(body, declared), declared


def _meta_encoding(body: bytes) -> str | None:
    encoding = html_body_declared_encoding(body)
    if encoding in _META_IGNORED:
        return "utf-8"
    return encoding
