"""The article's HTML that a React Server Components page (Next.js's app router) sends only in its flight data.

Such a page may render the article's body in the browser from a string of HTML: the server's markup then holds the
headline and the page's frame but no paragraph of the text, and trafilatura finds nothing. The string is in the
flight data the page streams in scripts, ``self.__next_f.push([1,"…"])``, each a JSON string, their concatenation
the rows of the payload; a long string is a row of its own, ``<id>:T<length in hex>,<the string>``, the length
counted in UTF-8 bytes. When trafilatura kept fewer than `SHORT_TEXT_WORDS` words, the longest such row that holds
paragraphs (``<p``) is read as the article's box. Tune halves, body F1: fundus 1 page fixed (0 -> .966, .9660 -> .9739;
the page was rejected for want of text); no other tune page of the eight corpora changes (the rule reads only the
pages whose text is short and whose source holds the marker). The flight data is read by regular expressions in
C, linear in the page's size; at most `MAX_PUSHES` scripts are read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

SHORT_TEXT_WORDS = 50  # the text trafilatura kept is this short (as `_body.with_container_fallback` has it)
MIN_ROW_WORDS = 150  # a row of HTML read as the article holds at least this many words
MAX_PUSHES = 2000  # flight scripts read a page (a page streams a few dozen)
MARKER = "self.__next_f.push("
_PUSH = re.compile(r'self\.__next_f\.push\(\[1,\s*"((?:[^"\\]|\\.)*)"\]\)')
_ROW_AT = re.compile(rb"[0-9a-zA-Z]+:T([0-9a-f]{1,8}),")
_TEXT_ROW = re.compile(rb"\n[0-9a-zA-Z]+:T([0-9a-f]{1,8}),")
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def flight_html(text: str, source: str) -> str | None:
    """The HTML of the article's box read from the page's flight data when `text` (trafilatura's) is short and
    the page `source` streams such data; None otherwise."""
    if len(text.split()) >= SHORT_TEXT_WORDS or MARKER not in source:
        return None
    best, best_words = None, 0
    for row in _text_rows(_payload(source)):
        if not _PARAGRAPH.search(row):
            continue
        words = len(_TAG.sub(" ", row).split())
        if words > best_words:
            best, best_words = row, words
    return best if best_words >= max(MIN_ROW_WORDS, 2 * len(text.split())) else None


def _text_rows(payload: bytes) -> Iterator[str]:
    """The text rows of `payload` in order. A row starts the payload, follows a newline or follows a text row's
    last byte (a text row ends with no newline); a text row's own bytes are skipped, never read as rows."""
    position = 0
    while True:
        match = _ROW_AT.match(payload, position) or _TEXT_ROW.search(payload, position)
        if match is None:
            return
        start = match.end()
        position = start + int(match.group(1), 16)
        yield payload[start:position].decode("utf-8", "replace")


def _payload(source: str) -> bytes:
    """The flight payload: the pushed JSON strings decoded and joined, as UTF-8 (row lengths count its bytes)."""
    parts = []
    for index, match in enumerate(_PUSH.finditer(source)):
        if index >= MAX_PUSHES:
            break
        try:
            parts.append(json.loads(f'"{match.group(1)}"'))
        except ValueError:  # a string cut or escaped wrongly: the rows it held are lost, the others stay
            continue
    return "".join(parts).encode("utf-8", "replace")
