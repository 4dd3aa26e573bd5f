"""A WARC file writer: one gzip member per record, size-based rotation, temp name until closed.

Each file starts with a ``warcinfo`` record. Records (``crawler.warc.builder.BuiltRecord``) are serialised
uncompressed, byte for byte as warcio writes them, then deflated here as one gzip member each, at a level
chosen per record: bodies the server already compressed gain nothing from level 9 (re-deflating a gzip body cost about 0.8 ms of CPU per 170 KB
page for no size gain, with warcio 1.8), so they get ``gzip_level_compressed``. At 0 (the default) such
a body is *stored* in its member (deflate's stored blocks), the record's headers before it still
deflated at ``gzip_level``: level 1 cost 0.37 ms of CPU per record of a 22 KB gzip body for 2 % of its
size, stored costs 0.05 ms (and reading the member back 0.01 ms instead of 0.09). The bytes a member
holds once inflated are the same whatever the level.
A file is written as ``<name>.open`` under an exclusive lock and renamed to ``<name>`` when closed,
so a finished name is always a finished file; every batch of members is written whole or not at all
(``crawler.storage.space.append_whole``), so a killed crawl leaves complete records that
``crawler.storage.unfinished.recover`` keeps.
``on_open(path)`` is called when a file is created (its final path), before anything is written to it;
``on_close(path, indexed)`` after the rename (the store indexes and publishes it); ``on_written(size)`` after each
batch of members (and a file's ``warcinfo``) is appended: the bytes written, for the crawl's stats.
With ``index_key`` (the store key of a file's final path), each file is indexed as it is written
(``crawler.warc.cdxj.LiveIndex``) and its CDXJ is written after the rename, before ``on_close``, whose ``indexed``
then says so: the closing code does not index the file again.

When the filesystem is full (``DiskFull``), the failed batch is cut back, the writer stops writing and
``close()`` leaves the file ``.open``, complete up to its last whole record: the next run's recovery
finishes it (and records the articles it holds that have no record yet). A file whose index could not
be written at close goes back to ``.open`` for the same reason.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crawler.errors import DiskFull
from crawler.storage.atomic import rename_durably
from crawler.storage.space import append_whole, disk_full_guard
from crawler.storage.unfinished import OPEN_SUFFIX, finish, open_locked
from crawler.warc.builder import BuiltRecord, RecordFactory
from crawler.warc.cdxj import LiveIndex

__all__ = ["OPEN_SUFFIX", "RecordLocation", "RotatingWarcWriter", "WarcFileSpec"]


@dataclass(frozen=True, slots=True)
class RecordLocation:
    """Where one record was written."""

    path: Path
    offset: int
    length: int
    record_id: str

    @property
    def filename(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class WarcFileSpec:
    """Settings of a rotating WARC file series."""

    directory: Path
    prefix: str
    max_size: int = 1_000_000_000
    gzip_level: int = 6
    gzip_level_compressed: int = 0


def gzip_member(data: bytes, level: int) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(data) + compressor.flush()


_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"  # deflate, no name, no time, Unix (as zlib writes it)
_STORED_MAX = 0xFFFF  # bytes in one stored block
STORED_TAIL_MIN = 1024
"""A compressed body shorter than this is deflated with its headers: storing it would save nothing worth a block."""


def gzip_member_stored_tail(data: bytes, tail: int, level: int) -> bytes:
    """One gzip member of ``data``: its first bytes deflated at ``level``, its last ``tail`` bytes stored as they are
    (an already compressed body gains nothing from deflate). Any gzip reader inflates it back to ``data``."""
    cut = len(data) - tail
    view = memoryview(data)
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    parts: list[bytes | memoryview] = [_GZIP_HEADER, compressor.compress(view[:cut]),
                                       compressor.flush(zlib.Z_SYNC_FLUSH)]  # ends on a byte boundary
    for start in range(cut, len(data), _STORED_MAX):
        chunk = view[start:start + _STORED_MAX]
        last = start + _STORED_MAX >= len(data)
        parts += [b"\x01" if last else b"\x00", struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF), chunk]
    if cut == len(data):
        parts.append(b"\x01\x00\x00\xff\xff")  # an empty final stored block
    parts.append(struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF))
    return b"".join(parts)


def _member(record: BuiltRecord, level: int, store_payload: bool, head_level: int) -> bytes:
    payload = len(record.body) if record.rec_type != "revisit" else 0
    data = serialise(record)
    if store_payload and payload >= STORED_TAIL_MIN:
        return gzip_member_stored_tail(data, payload + 4, head_level)  # the payload and the record's closing CRLFs
    return gzip_member(data, level)


def serialise(record: BuiltRecord) -> bytes:
    """The record's bytes, uncompressed, as warcio writes them: its WARC head (complete, see ``RecordFactory``),
    its HTTP head as received, its body (none in a revisit), two CRLFs."""
    body = record.body if record.rec_type != "revisit" else b""
    return b"".join((record.rec_headers.to_bytes(encoding="utf-8"), record.head, body, b"\r\n\r\n"))


_STAMP = "%Y%m%d%H%M%S%f"  # the opening time in a file name: sortable, unique per writer


class RotatingWarcWriter:
    """Appends records to ``<prefix>-<timestamp>-<pid>-<serial>.warc.gz`` files, rotating by size."""

    def __init__(self, spec: WarcFileSpec, factory: RecordFactory, info: dict[str, str],
                 on_close: Callable[[Path, bool], None] | None = None, on_open: Callable[[Path], None] | None = None,
                 on_written: Callable[[int], None] | None = None,
                 index_key: Callable[[Path], str] | None = None) -> None:
        self.spec, self.factory, self.info = spec, factory, info
        self.on_close, self.on_open, self.on_written = on_close, on_open, on_written
        self.index_key = index_key
        self._file: BinaryIO | None = None
        self._path: Path | None = None
        self._index: LiveIndex | None = None
        self._serial = 0
        self.closed_files: list[Path] = []
        self.full: DiskFull | None = None  # set by the first write that found the filesystem full

    def write(self, records: Iterable[BuiltRecord], compressed_payload: bool = False,
              level: int | None = None) -> list[RecordLocation]:
        """Write records in order, each its own gzip member, all of them or none; return where each landed.

        Raises ``DiskFull`` when the filesystem is full: nothing of the batch stays in the file, and every
        later write raises it again at once.
        """
        if self.full is not None:
            raise self.full
        try:
            return self._write(records, compressed_payload, level)
        except DiskFull as exc:
            self.full = exc
            raise

    def _write(self, records: Iterable[BuiltRecord], compressed_payload: bool, level: int | None) -> list[RecordLocation]:
        if self._file is not None and self._file.tell() >= self.spec.max_size:
            self._rotate()
        file, path = self._ensure_open()
        store_payload = level is None and compressed_payload and self.spec.gzip_level_compressed == 0
        if level is None:
            level = self.spec.gzip_level_compressed if compressed_payload else self.spec.gzip_level
        if store_payload:
            level = self.spec.gzip_level  # the records' headers, and what is too short to store
        records = list(records)
        members = [(_member(record, level, store_payload, self.spec.gzip_level),
                    record.rec_headers.get_header("WARC-Record-ID")) for record in records]
        data = b"".join(member for member, _ in members)
        offset = append_whole(file, data, path)
        self._written(len(data))
        locations = []
        for record, (member, record_id) in zip(records, members, strict=True):
            locations.append(RecordLocation(path, offset, len(member), record_id))
            if self._index is not None:
                self._index.add(record, offset, len(member))
            offset += len(member)
        return locations

    def _ensure_open(self) -> tuple[BinaryIO, Path]:
        if self._file is None or self._path is None:
            path = self._next_path()
            with disk_full_guard(path):
                file = open_locked(path)
            if self.on_open is not None:
                self.on_open(path)
            info = gzip_member(serialise(self.factory.warcinfo(path.name, self.info)), self.spec.gzip_level)
            try:
                append_whole(file, info, path)
            except DiskFull:  # not even its warcinfo fits: no file at all
                path.with_name(path.name + OPEN_SUFFIX).unlink()
                file.close()
                raise
            self._written(len(info))
            self._file, self._path = file, path
            if self.index_key is not None:
                self._index = LiveIndex(path, self.index_key(path))
        return self._file, self._path

    def _written(self, size: int) -> None:
        if self.on_written is not None:
            self.on_written(size)

    def _next_path(self) -> Path:
        stamp = self.factory.clock().strftime(_STAMP)
        self._serial += 1
        name = f"{self.spec.prefix}-{stamp}-{os.getpid()}-{self._serial:05d}.warc.gz"
        return self.spec.directory / name

    def _rotate(self) -> None:
        """Start the next file, then finish the current one: when the next one cannot start (a full disk),
        the current file stays current, and so ``.open`` for the next run's recovery."""
        file, path, self._file, self._path = self._file, self._path, None, None
        index, self._index = self._index, None
        try:
            self._ensure_open()
        except DiskFull:
            self._file, self._path, self._index = file, path, index
            raise
        if file is not None and path is not None:
            self._finish(file, path, index)

    def close(self) -> None:
        """Finish the current file: flush, fsync, rename to its final name, notify.

        After ``DiskFull`` the file is left ``.open`` instead (see the module docstring).
        """
        if self._file is None or self._path is None:
            return
        file, path, self._file, self._path = self._file, self._path, None, None
        index, self._index = self._index, None
        if self.full is not None:
            file.close()  # releases the lock: the next run's recovery finishes the file
            if index is not None:
                index.abandon()
            return
        self._finish(file, path, index)

    def _finish(self, file: BinaryIO, path: Path, index: LiveIndex | None) -> None:
        try:
            with disk_full_guard(path):
                finish(file, path)
        except DiskFull as exc:
            self.full = exc
            file.close()
            if index is not None:
                index.abandon()
            raise
        self.closed_files.append(path)
        try:
            with disk_full_guard(path):
                if index is not None:
                    index.finish()
                if self.on_close is not None:
                    self.on_close(path, index is not None)
        except DiskFull as exc:  # no room for its index: unfinished again, for the next run to finish
            self.full = exc
            rename_durably(path, path.with_name(path.name + OPEN_SUFFIX))
            self.closed_files.remove(path)
            raise

    def abandon(self) -> None:
        """Stop writing and leave the current file ``.open`` (complete up to its last whole record)."""
        if self._file is not None:
            self._file.close()
        if self._index is not None:
            self._index.abandon()
        self._file = self._path = self._index = None
