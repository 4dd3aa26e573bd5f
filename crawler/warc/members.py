"""Walking a file of concatenated gzip members: the one reader every WARC and record file check uses.

Khabar writes one gzip member per record (WARC files and article record files alike), so a
member is the unit of soundness: it is complete when its deflate stream ends and its CRC and size
trailer match. ``iter_members`` walks the members of a seekable binary file in order, in bounded
steps (at most ``_CHUNK`` compressed and ``_OUT_MAX`` decompressed bytes at a time, whatever the
record size), keeping only the first ``keep`` decompressed bytes of each (enough for a WARC
header); it raises ``BadMember`` with the offset at the first member that is damaged or cut.

Used by crash recovery (``crawler.storage.unfinished``: cut a partial last member), ``khabar
verify`` (the complete part of a file) and ``khabar replay`` (record-by-record checking, resuming
after damaged bytes with ``find_member_start``).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b\x08"  # ID1 ID2 CM=deflate: how every gzip member starts
HEAD_MAX = 1 << 16            # decompressed bytes kept per member by default: a WARC header fits
_CHUNK = 1 << 16              # compressed bytes read at a time (most records are smaller)
_OUT_MAX = 1 << 20            # decompressed bytes produced at a time (a 100:1 bomb stays bounded)
_GZIP_WBITS = zlib.MAX_WBITS | 16


class BadMember(Exception):
    """No complete, sound gzip member starts at ``offset``."""

    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(problem)
        self.offset, self.problem = offset, problem


@dataclass(frozen=True, slots=True)
class Member:
    """One complete gzip member of a file."""

    offset: int   # where its compressed bytes start in the file
    length: int   # how many compressed bytes it spans
    size: int     # its decompressed size
    head: bytes   # its first decompressed bytes (at most ``keep``)

    @property
    def end(self) -> int:
        return self.offset + self.length


@dataclass(frozen=True, slots=True)
class MemberScan:
    """How far a file is made of complete members."""

    complete_end: int  # byte offset just after the last complete member before any damage
    members: int
    size: int

    @property
    def truncated(self) -> bool:
        return self.complete_end < self.size


def iter_members(handle: BinaryIO, start: int = 0, keep: int = HEAD_MAX) -> Iterator[Member]:
    """The members from ``start`` to the end of the file; raises ``BadMember`` at the first bad one."""
    handle.seek(start)
    offset, data = start, b""
    while True:
        data = data or handle.read(_CHUNK)
        if not data:
            return
        member, data = _inflate(handle, offset, data, keep)
        yield member
        offset = member.end


def read_member(handle: BinaryIO, offset: int, keep: int = HEAD_MAX) -> Member:
    """The member starting at ``offset``; ``BadMember`` if none does, complete and sound."""
    for member in iter_members(handle, offset, keep):
        return member
    raise BadMember(offset, "the file ends here: no gzip member starts at this offset")


def scan_members(handle: BinaryIO) -> MemberScan:
    """Count the complete members from the start, stopping at the first damaged or partial one."""
    size = handle.seek(0, os.SEEK_END)
    complete_end = members = 0
    try:
        for member in iter_members(handle, 0, keep=0):
            complete_end, members = member.end, members + 1
    except BadMember:
        pass
    return MemberScan(complete_end=complete_end, members=members, size=size)


def find_member_start(handle: BinaryIO, start: int) -> int | None:
    """The offset of the next gzip magic at or after ``start`` (a candidate member), or None."""
    handle.seek(start)
    offset, tail = start, b""
    while chunk := handle.read(_CHUNK):
        window = tail + chunk
        found = window.find(GZIP_MAGIC)
        if found != -1:
            return offset - len(tail) + found
        tail = window[-(len(GZIP_MAGIC) - 1):]
        offset += len(chunk)
    return None


def _inflate(handle: BinaryIO, offset: int, data: bytes, keep: int) -> tuple[Member, bytes]:
    """Decompress the member at ``offset`` (its first bytes in ``data``); the member and the bytes after it."""
    if len(data) < len(GZIP_MAGIC):
        data += handle.read(_CHUNK)
    if not data.startswith(GZIP_MAGIC):
        raise BadMember(offset, "no gzip member starts here")
    inflater, head, size, fed = zlib.decompressobj(_GZIP_WBITS), bytearray(), 0, 0
    while data:
        fed += len(data)
        pending = data
        while not inflater.eof:
            try:
                out = inflater.decompress(pending, _OUT_MAX)
            except zlib.error as exc:
                raise BadMember(offset, f"corrupt gzip data ({exc})") from exc
            size += len(out)
            head += out[:max(0, keep - len(head))]
            pending = inflater.unconsumed_tail
            if not pending and len(out) < _OUT_MAX:  # input used up and no output held back
                break
        if inflater.eof:
            rest = inflater.unused_data
            return Member(offset, fed - len(rest), size, bytes(head)), rest
        data = handle.read(_CHUNK)
    raise BadMember(offset, "truncated gzip member (the file ends inside it)")
