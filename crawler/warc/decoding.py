"""Content decoding of HTTP bodies, bounded: the one decoder of the crawl, reextract, crash recovery and sitemaps.

A body is decoded in steps (at most ``_STEP_IN`` compressed bytes in and about ``_STEP_OUT`` bytes out
at a time) and never past ``max_size`` decoded bytes (``DOWNLOAD_MAXSIZE`` for pages, 32 MiB by
default): a decompression bomb costs at most that much memory wherever it is met, on the wire or in
a WARC file years later. Past it, :class:`BodyTooLarge` names the limit and the setting. A limit of 0
means none, as ``DOWNLOAD_MAXSIZE=0`` means for Scrapy.

A stream that stops before its end marker (the gzip trailer, the last deflate block, the end of a
brotli or zstd frame) is *incomplete*: :func:`decode_body` then returns what it held so far with a
:attr:`Decoded.damage` that says so; a stream that breaks off with bad data raises
:class:`CorruptStream` from :func:`decode_stream` and is damage too for :func:`decode_body`.

Codings, as listed in ``Content-Encoding`` and undone right to left: ``gzip``/``x-gzip`` (several
members in a row are one stream), ``deflate`` (zlib-wrapped, or raw as some servers send it), ``br``
and ``zstd``. A coding not known here is left in place, with the ones listed before it.

A damaged response travels on with a flag (:func:`damage_flag`): the record-or-not decision reads it
from ``Response.flags``, whether the response came off the wire or was rebuilt from its WARC record.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Generic, Protocol, TypeVar

import brotli  # type: ignore[import-untyped]  # no types shipped; Scrapy requires it to decode br
from backports import zstd

_STEP_IN = 64 * 1024
_STEP_OUT = 1024 * 1024
_MIB = 1024 * 1024
_NEXT_MEMBER = {b"gzip": b"\x1f\x8b", b"x-gzip": b"\x1f\x8b", b"zstd": b"\x28\xb5\x2f\xfd"}
"""How a further gzip member or zstd frame starts: several in a row are one stream."""
CODINGS = (b"gzip", b"x-gzip", b"deflate", b"br", b"zstd")
"""The content codings decoded here (the crawl sends ``Accept-Encoding`` with all but ``x-gzip``)."""
DEFAULT_MAX_SIZE = 32 * _MIB
"""``DOWNLOAD_MAXSIZE`` as Khabar's settings module sets it, for callers without settings."""
DAMAGE_FLAG = "damaged_body"
"""The prefix of the ``Response.flags`` entry of a body that is incomplete as served."""


def size_words(size: int) -> str:
    """A byte count as people say it: ``32 MiB`` when it is a whole number of MiB."""
    return f"{size // _MIB} MiB" if size and size % _MIB == 0 else f"{size} bytes"


class BodyTooLarge(ValueError):
    """A body grew past the size limit while being decoded."""

    def __init__(self, limit: int, setting: str) -> None:
        super().__init__(f"the body is larger than {size_words(limit)} once decoded ({setting})")
        self.limit, self.setting = limit, setting


class CorruptStream(ValueError):
    """A content-coding stream holds bad data; ``decoded`` is what came out of it before."""

    def __init__(self, coding: bytes, decoded: int, detail: str) -> None:
        super().__init__(f"the server's {coding.decode('ascii', 'replace')} stream is corrupt after {decoded} decoded bytes "
                         f"({detail})")
        self.coding, self.decoded = coding, decoded


@dataclass(frozen=True, slots=True)
class Decoded:
    body: bytes
    kept: tuple[bytes, ...]
    """Codings left in place (not known here), in header order: ``Content-Encoding`` keeps them."""
    damage: str | None
    """Why the body is incomplete as served, or None."""

    @property
    def complete(self) -> bool:
        return self.damage is None


def split_codings(values: Iterable[bytes]) -> tuple[list[bytes], list[bytes]]:
    """``Content-Encoding`` values as (codings to undo, in the order to undo them; codings to keep)."""
    listed = [c.strip().lower() for c in chain.from_iterable(v.split(b",") for v in values)]
    listed = [c for c in listed if c and c != b"identity"]
    undo: list[bytes] = []
    while listed and listed[-1] in CODINGS:
        undo.append(listed.pop())
    return undo, listed


def decode_body(body: bytes, content_encoding: Iterable[bytes], max_size: int,
                setting: str = "DOWNLOAD_MAXSIZE") -> Decoded:
    """The body without its content codings, at most ``max_size`` bytes; raises :class:`BodyTooLarge` past it.
    An empty body (a redirect, a 304) has nothing to decode."""
    undo, kept = split_codings(content_encoding)
    if not body:
        return Decoded(body, tuple(kept), None)
    for done, coding in enumerate(undo):
        try:
            body, complete = decode_stream(body, coding, max_size, setting)
        except CorruptStream as exc:
            return Decoded(body, tuple(kept + undo[done:][::-1]), str(exc))
        if not complete:
            name = coding.decode("ascii")
            return Decoded(body, tuple(kept + undo[done + 1:][::-1]), f"the server's {name} stream ended early")
    return Decoded(body, tuple(kept), None)


def decode_stream(data: bytes, coding: bytes, max_size: int, setting: str = "DOWNLOAD_MAXSIZE") -> tuple[bytes, bool]:
    """One coding undone: (decoded bytes, whether the stream reached its end). Several gzip members or zstd
    frames in a row are one stream; bytes after its end that start no further member are ignored."""
    out = _Pieces()
    while True:
        inflater = _inflater(coding, data)
        complete = _pump(inflater, data, out, max_size, setting)
        rest, magic = inflater.rest, _NEXT_MEMBER.get(coding)
        if not (complete and magic and rest.startswith(magic)):
            return b"".join(out), complete
        data = rest


class _Inflater(Protocol):
    coding: bytes

    def feed(self, data: bytes) -> Iterator[bytes]: ...

    @property
    def finished(self) -> bool: ...

    def keep(self, after: bytes) -> None: ...

    @property
    def rest(self) -> bytes: ...


class _Pieces(list[bytes]):
    """Decoded pieces and their total size (joined once at the end: a bomb is stopped before any copy)."""

    size = 0


def _pump(inflater: _Inflater, data: bytes, out: _Pieces, max_size: int, setting: str) -> bool:
    """Feed ``data`` step by step into ``out``; True when the stream ended (its unused bytes in ``inflater.rest``)."""
    for start in range(0, len(data), _STEP_IN):
        try:
            for piece in inflater.feed(data[start:start + _STEP_IN]):
                if max_size and out.size + len(piece) > max_size:
                    raise BodyTooLarge(max_size, setting)
                out.append(piece)
                out.size += len(piece)
        except (zlib.error, brotli.error, zstd.ZstdError) as exc:
            raise CorruptStream(inflater.coding, out.size, str(exc)) from exc
        if inflater.finished:
            inflater.keep(data[start + _STEP_IN:])
            return True
    return inflater.finished


class _EndMarking(Protocol):
    """What zlib's and zstd's decompressors share: an ``eof`` and the ``unused_data`` after the stream's end."""

    @property
    def eof(self) -> bool: ...

    @property
    def unused_data(self) -> bytes: ...


_D = TypeVar("_D", bound=_EndMarking)


class _EndMarked(Generic[_D]):
    """A decoder over such a decompressor: where the stream ended and what came after it."""

    def __init__(self, coding: bytes, inflater: _D) -> None:
        self.coding, self._inflater, self._after = coding, inflater, b""

    @property
    def finished(self) -> bool:
        return self._inflater.eof

    def keep(self, after: bytes) -> None:
        self._after = after

    @property
    def rest(self) -> bytes:
        return self._inflater.unused_data + self._after


class _Zlib(_EndMarked["zlib._Decompress"]):
    def __init__(self, coding: bytes, wbits: int) -> None:
        super().__init__(coding, zlib.decompressobj(wbits))

    def feed(self, data: bytes) -> Iterator[bytes]:
        while not self._inflater.eof:
            piece = self._inflater.decompress(data, _STEP_OUT)
            yield piece
            data = self._inflater.unconsumed_tail
            if not data and not piece:  # this input is spent (an output step may end just as the input does)
                return


class _Zstd(_EndMarked[zstd.ZstdDecompressor]):
    def __init__(self, coding: bytes) -> None:
        super().__init__(coding, zstd.ZstdDecompressor())

    def feed(self, data: bytes) -> Iterator[bytes]:
        yield self._inflater.decompress(data, _STEP_OUT)
        while not self._inflater.eof and not self._inflater.needs_input:
            yield self._inflater.decompress(b"", _STEP_OUT)


class _Brotli:
    def __init__(self, coding: bytes) -> None:
        self.coding, self._inflater = coding, brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflater.is_finished():
            return
        piece: bytes = self._inflater.process(data, output_buffer_limit=_STEP_OUT)
        while piece:
            yield piece
            piece = b"" if self._inflater.is_finished() else self._inflater.process(b"", output_buffer_limit=_STEP_OUT)

    @property
    def finished(self) -> bool:
        return bool(self._inflater.is_finished())

    def keep(self, after: bytes) -> None:
        pass  # a brotli stream is one frame: nothing follows it

    @property
    def rest(self) -> bytes:
        return b""


def _inflater(coding: bytes, data: bytes) -> _Zlib | _Zstd | _Brotli:
    if coding in (b"gzip", b"x-gzip"):
        return _Zlib(coding, zlib.MAX_WBITS | 32)  # a gzip header, or a zlib one as some servers send
    if coding == b"deflate":
        return _Zlib(coding, zlib.MAX_WBITS if _zlib_wrapped(data) else -zlib.MAX_WBITS)
    if coding == b"zstd":
        return _Zstd(coding)
    return _Brotli(coding)


def _zlib_wrapped(data: bytes) -> bool:
    """``deflate`` as RFC 9110 means it (a zlib header, RFC 1950) rather than raw deflate."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def damage_flag(damage: str) -> str:
    """The ``Response.flags`` entry of a damaged body (Scrapy prints flags with the response)."""
    return f"{DAMAGE_FLAG}: {damage}"


def damage_of(flags: Iterable[str]) -> str | None:
    """Why a response's body is incomplete as served, from its flags; Scrapy's own ``dataloss`` included."""
    for flag in flags:
        if flag.startswith(DAMAGE_FLAG + ": "):
            return flag[len(DAMAGE_FLAG) + 2:]
        if flag == "dataloss":
            return "the body is shorter than its Content-Length (the connection broke off)"
    return None
