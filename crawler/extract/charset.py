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

A page read as UTF-8 may hold text that was UTF-8 already when its site read it as Latin-1 and wrote it out as UTF-8
again (a CMS's import, a feed copied into a template): "don’t" prints as "donâ\x80\x99t", each character of the
original split into two or three, a C1 control among them, and every word around such a character lost to a reader
and to any comparison of texts. When the text holds `MIN_DOUBLE_ENCODED` such sequences or more with a C1 control
in them (U+0080-U+009F, which no text holds: they are a page's bytes read in the wrong charset), each sequence of
the text that is a character's UTF-8 read as Latin-1 becomes that character again (`without_double_encoding`).
wcxb tune half, body F1: 9 pages fixed (.881 -> .973, .892 -> .989, .882 -> 1, .907 -> 1, .955 -> 1, .171 -> .210,
…), 1 broken (a label that keeps the mojibake, .828 -> .809), title, authors and date unchanged; no tune page of the
seven other corpora holds three such sequences. The bytes are searched for a C1 control's UTF-8 first (0.1 ms a heavy
page); the text is read again only on pages that hold one.
"""

from __future__ import annotations

import re

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

FALLBACK_ENCODING = "cp1252"
MOSTLY_UTF8 = 10
MIN_DOUBLE_ENCODED = 3
# A character's UTF-8 bytes read as Latin-1: a lead byte, then its continuation bytes (one to three)
_DOUBLE_ENCODED = re.compile(r"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# the same, with a C1 control among its continuation bytes: mojibake for certain (most punctuation, "’", "–", "“")
_SURE_DOUBLE_ENCODED = re.compile(r"[\xc2-\xf4][\xa0-\xbf]{0,2}[\x80-\x9f]")
# A C1 control's UTF-8, looked for in the bytes first: a search for its lead byte, which passes a page without one at
# C's speed (a search of the decoded text for the characters took 2 ms a megabyte of French, 10 ms the full test)
_C1_CONTROL_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")

# A page cannot declare a UTF-16/32 charset in its own ASCII markup: browsers ignore such a
# <meta> and read the bytes as UTF-8 (HTML Standard, "prescan a byte stream").
_META_IGNORED = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode `body` and return ``(text, encoding used)``; never raises on bad bytes."""
    text, encoding = _decoded(body, content_type)
    if encoding.startswith("utf-8") and _C1_CONTROL_UTF8.search(body) is not None:
        repaired = without_double_encoding(text)
        if repaired is not text:
            return repaired, f"{encoding} (double-encoded utf-8 repaired)"
    return text, encoding


def without_double_encoding(text: str) -> str:
    """`text` with its double-encoded UTF-8 characters decoded once more, when it holds MIN_DOUBLE_ENCODED sure ones
    (see the module); else `text` itself."""
    sure = _SURE_DOUBLE_ENCODED.finditer(text)
    if next((found for count, found in enumerate(sure, 1) if count >= MIN_DOUBLE_ENCODED), None) is None:
        return text
    return _DOUBLE_ENCODED.sub(_decoded_once_more, text)


def _decoded_once_more(found: re.Match[str]) -> str:
    sequence = found.group()
    try:
        return sequence.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:  # not one character's UTF-8 ("Ã©t" is; "Ã" followed by a "¿" in a word may be not)
        return sequence


def _decoded(body: bytes, content_type: str | None) -> tuple[str, str]:
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
