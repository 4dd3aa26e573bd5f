"""Splitting raw HTTP/1.x exchanges into what a WARC record needs.

The received bytes may start with interim 1xx responses (100 Continue, 103 Early Hints): they are
split off. The body is kept as served: Content-Encoding and chunk framing included. The payload
digest follows WARC 1.1 §6.3.2 (and Heritrix): it covers the entity body after transfer decoding,
so a chunked response and the same body sent with Content-Length get the same digest, which
revisit deduplication relies on.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_HEAD_END = re.compile(rb"\r?\n\r?\n")
_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)?\s+(\d{3})")


@dataclass(frozen=True, slots=True)
class HttpMessage:
    """One HTTP message split at the end of its head; ``head`` keeps the blank line."""

    head: bytes
    body: bytes

    @property
    def status(self) -> int | None:
        match = _STATUS.match(self.head)
        return int(match.group(1)) if match else None

    def header_values(self, name: str) -> list[bytes]:
        """Values of a header, case-insensitively, folded lines joined, in wire order."""
        wanted = name.lower().encode("ascii")
        values: list[bytes] = []
        for line in re.split(rb"\r?\n(?![ \t])", self.head)[1:]:
            key, sep, value = line.partition(b":")
            if sep and key.strip().lower() == wanted:
                values.append(re.sub(rb"\r?\n[ \t]+", b" ", value).strip())
        return values

    @property
    def is_chunked(self) -> bool:
        return any(b"chunked" in v.lower() for v in self.header_values("Transfer-Encoding"))


def split_message(data: bytes) -> HttpMessage:
    """Split one HTTP message at its blank line; a message without one is all head."""
    match = _HEAD_END.search(data)
    if match is None:
        return HttpMessage(head=data, body=b"")
    return HttpMessage(head=data[: match.end()], body=data[match.end():])


def final_response(received: bytes) -> tuple[HttpMessage, list[HttpMessage]]:
    """The final response and the interim (1xx) responses that came before it."""
    interim: list[HttpMessage] = []
    message = split_message(received)
    while (status := message.status) is not None and 100 <= status < 200 and status != 101:
        interim.append(HttpMessage(head=message.head, body=b""))
        message = split_message(message.body)
    return message, interim


def dechunk(body: bytes) -> bytes:
    """The entity body of a chunked transfer; tolerant of truncation and chunk extensions."""
    out = bytearray()
    pos = 0
    while pos < len(body):
        eol = body.find(b"\n", pos)
        if eol < 0:
            break
        size_field = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            break
        if size == 0:
            break
        start = eol + 1
        out += body[start:start + size]
        pos = start + size
        pos = body.find(b"\n", pos) + 1 if body.find(b"\n", pos) >= 0 else len(body)
    return bytes(out)


def payload_of(message: HttpMessage) -> bytes:
    """The payload as WARC 1.1 defines it: the body after transfer decoding."""
    return dechunk(message.body) if message.is_chunked else message.body


def sha1_digest(*parts: bytes) -> str:
    """The digest of the bytes ``parts`` make together, in the form WARC writers use: ``sha1:BASE32``."""
    digester = hashlib.sha1()
    for part in parts:
        digester.update(part)
    value = int.from_bytes(digester.digest(), "big")  # 160 bits: 16 base32 pairs (base64.b32encode is 3x slower)
    return "sha1:" + "".join([_BASE32_PAIRS[(value >> shift) & 0x3FF] for shift in _PAIR_SHIFTS])


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648
_BASE32_PAIRS = [first + second for first in _BASE32 for second in _BASE32]  # 10 bits each
_PAIR_SHIFTS = range(150, -1, -10)
