"""The record files a corpus reads, checked line by line before the query engine sees them.

``records/outlet=<id>/date=<YYYY-MM-DD>/<crawl-id>.jsonl.gz`` keys are listed and pruned by their partitions
(outlet; capture day when filtering on it). Each file is then streamed once through the store (a bucket's
through its boto3 client: DuckDB's httpfs extension cannot be downloaded offline), and every line is parsed
and checked against the schema's JSON types (``crawler.corpus.columns.record_problem``). A bad line or a
damaged gzip stream is reported with the file and the line, and left out; the good lines go into a few
staged chunks of about ``CHUNK_BYTES`` in the export's working folder, which is what DuckDB reads: a store
holds one small file per outlet, day and crawl, and DuckDB pays about 5 ms to open each one (measured: 387
files of 2,000 records, 2.1 s), while the chunks cost one fast gzip pass. Nothing is written into the store.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from crawler.archive.reading import parse_key
from crawler.corpus.columns import record_problem
from crawler.storage import Store

RECORDS_PREFIX = "records/"
RECORD_SUFFIX = ".jsonl.gz"
GZIP_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError
CHUNK_BYTES = 64 * 10**6


@dataclass(frozen=True, slots=True)
class RecordFile:
    key: str
    outlet: str
    day: date | None


@dataclass(frozen=True, slots=True)
class Damage:
    """One place a record file could not be read: the file, the line (1-based; None for the whole file), why."""

    where: str
    line: int | None
    problem: str

    def __str__(self) -> str:
        return f"{self.where}, line {self.line}: {self.problem}" if self.line else f"{self.where}: {self.problem}"


@dataclass
class Sources:
    """The staged chunks for the query engine, and what reading the record files skipped."""

    paths: list[Path] = field(default_factory=list)
    damage: list[Damage] = field(default_factory=list)
    files: int = 0
    lines: int = 0
    lines_skipped: int = 0

    @property
    def files_damaged(self) -> int:
        return len({d.where for d in self.damage})


def record_files(store: Store, outlets: Iterable[str] = (), since: date | None = None,
                 until: date | None = None) -> list[RecordFile]:
    """Finished record files of ``store``, only those of ``outlets`` (all when empty) captured in [since, until]."""
    prefixes = [f"{RECORDS_PREFIX}outlet={o}/" for o in sorted(set(outlets))] or [RECORDS_PREFIX]
    found = []
    for prefix in prefixes:
        for key in store.list(prefix):
            parsed = parse_key(key)
            if not key.endswith(RECORD_SUFFIX) or not parsed.outlet:
                continue
            if parsed.day and (since and parsed.day < since or until and parsed.day > until):
                continue
            found.append(RecordFile(key, parsed.outlet, parsed.day))
    return found


def store_outlets(store: Store) -> list[str]:
    """Outlets that have record files in ``store`` (from the partition names)."""
    return sorted({f.outlet for f in record_files(store)})


def prepare(store: Store, files: Iterable[RecordFile], work: Path, chunk_bytes: int = CHUNK_BYTES) -> Sources:
    """Check every line of ``files`` (streamed from the store, a bucket's too) into a few staged chunks."""
    sources = Sources()
    chunks = _Chunks(work, chunk_bytes)
    try:
        for record_file in files:
            sources.files += 1
            stream = store.open_read(record_file.key)
            try:
                _check(stream, store.describe(record_file.key), sources, chunks)
            finally:
                stream.close()
    finally:
        sources.paths = chunks.close()
    return sources


class _Chunks:
    """Checked lines, gathered into gzip JSON Lines files of about ``chunk_bytes`` (uncompressed) each."""

    def __init__(self, folder: Path, chunk_bytes: int) -> None:
        self.folder, self.chunk_bytes = folder, chunk_bytes
        self.paths: list[Path] = []
        self.handle: gzip.GzipFile | None = None
        self.size = 0

    def write(self, line: bytes) -> None:
        if self.handle is None or self.size >= self.chunk_bytes:
            self._next()
        assert self.handle is not None
        self.handle.write(line if line.endswith(b"\n") else line + b"\n")
        self.size += len(line) + 1

    def _next(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.paths.append(self.folder / f"chunk-{len(self.paths) + 1:05d}.jsonl.gz")
        self.handle, self.size = gzip.GzipFile(self.paths[-1], "wb", compresslevel=1), 0

    def close(self) -> list[Path]:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        return self.paths


def _check(stream: BinaryIO, where: str, sources: Sources, chunks: _Chunks) -> None:
    """Stage the good lines of one record file; note each bad one (and a damaged gzip stream) with its line."""
    number = 0
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as lines:
            for number, line in enumerate(lines, start=1):  # noqa: B007 (number is read after the loop)
                if not line.strip():
                    continue
                sources.lines += 1
                problem = _line_problem(line)
                if problem:
                    sources.lines_skipped += 1
                    sources.damage.append(Damage(where, number, problem))
                else:
                    chunks.write(line)
    except GZIP_ERRORS as exc:
        sources.damage.append(Damage(where, number + 1, f"the gzip stream is damaged after line {number} "
                                                        f"({type(exc).__name__}); the lines before it are kept"))


def _line_problem(line: bytes) -> str | None:
    try:
        value = json.loads(line)
    except ValueError as exc:
        return f"not JSON ({exc.__class__.__name__} at column {getattr(exc, 'colno', '?')})"
    return record_problem(value)
