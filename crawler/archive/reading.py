"""Reading a store's files whatever the store: WARC files record by record with offsets, article record files."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.storage import Store
from crawler.storage.unfinished import OPEN_SUFFIX
from crawler.warc.members import scan_members

WARC_READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError)
"""What reading a damaged WARC file raises (warcio, zlib, a cut file): the records before it were read."""


@dataclass(frozen=True, slots=True)
class WarcKey:
    key: str
    outlet: str
    day: date | None


def parse_key(key: str) -> WarcKey:
    """Outlet and capture day from a key ``warc/outlet=<id>/date=<YYYY-MM-DD>/<name>``."""
    outlet, day = "", None
    for part in key.split("/"):
        if part.startswith("outlet="):
            outlet = part.removeprefix("outlet=")
        elif part.startswith("date="):
            try:
                day = date.fromisoformat(part.removeprefix("date="))
            except ValueError:
                day = None
    return WarcKey(key, outlet, day)


def warc_keys(store: Store, outlet: str | None = None, since: date | None = None,
              until: date | None = None) -> list[WarcKey]:
    """Finished WARC files of the store, filtered by outlet and capture day (inclusive)."""
    keys = []
    for key in store.list(f"warc/outlet={outlet}/" if outlet else "warc/"):
        if not key.endswith((".warc.gz", ".warc")):
            continue
        parsed = parse_key(key)
        if since and parsed.day and parsed.day < since or until and parsed.day and parsed.day > until:
            continue
        keys.append(parsed)
    return keys


@contextmanager
def open_key(store: Store, key: str) -> Iterator[BinaryIO]:
    """A readable binary stream of a stored file (a local file, or the bytes of a remote object)."""
    root = getattr(store, "root", None)
    if root is not None:
        with open(root / key, "rb") as handle:
            yield handle
    else:
        yield io.BytesIO(store.read_bytes(key))


@dataclass(slots=True)
class Entry:
    """One record, its block bytes and where it sits."""

    record: Any
    block: bytes
    offset: int
    length: int

    @property
    def headers(self) -> Any:
        return self.record.rec_headers

    def get(self, name: str) -> str | None:
        value = self.record.rec_headers.get_header(name)
        return str(value) if value is not None else None


def iter_entries(handle: BinaryIO) -> Iterator[Entry]:
    """Records with their whole blocks (HTTP head included); raises on a damaged record."""
    iterator = ArchiveIterator(handle, no_record_parse=True, check_digests=False)
    for record in iterator:
        block = record.raw_stream.read()
        iterator.read_to_end(record)
        yield Entry(record, block, iterator.get_record_offset(), int(iterator.get_record_length() or 0))


def read_records(store: Store, key: str) -> list[dict[str, Any]]:
    """The article records of a ``.jsonl.gz`` file (of an unfinished ``.open`` one: its complete members)."""
    with open_key(store, key) as handle:
        if key.endswith(OPEN_SUFFIX):
            complete_end = scan_members(handle).complete_end
            handle.seek(0)
            handle = io.BytesIO(handle.read(complete_end))
        with gzip.open(handle, "rt", encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]
