"""The record files a corpus reads, checked line by line before the query engine sees them.

``records/outlet=<id>/date=<YYYY-MM-DD>/<crawl-id>.jsonl.gz`` keys are listed and pruned by their partitions
(outlet; capture day when filtering on it). Each file is then read once, streaming: a file of a bucket is
copied into the export's working folder through the store (its boto3 client: no DuckDB extension needed),
every line is parsed and checked against the schema's JSON types (``crawler.corpus.columns.record_problem``).
A damaged file (bad gzip, a line that is not a record) is reported with its path and line; its good lines go
to a clean copy under the same partition path, which the query reads instead. Nothing is ever written into
the store.
"""

from __future__ import annotations

import gzip
import json
import shutil
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crawler.archive.reading import parse_key
from crawler.corpus.columns import record_problem
from crawler.storage import Store

RECORDS_PREFIX = "records/"
RECORD_SUFFIX = ".jsonl.gz"
GZIP_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError
_COPY_CHUNK = 1 << 20


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
    """Local files for the query engine, and what reading them skipped."""

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


def prepare(store: Store, files: Iterable[RecordFile], work: Path) -> Sources:
    """Check every file (copying a bucket's into ``work``); clean copies of damaged ones. Streaming, one at a time."""
    sources = Sources()
    root = getattr(store, "root", None)
    for record_file in files:
        local = Path(root) / record_file.key if root is not None else _download(store, record_file.key, work / "fetched")
        sources.files += 1
        bad = _check(local, store.describe(record_file.key), sources)
        sources.paths.append(_clean_copy(local, work / "clean" / record_file.key, bad) if bad else local)
    return sources


def _download(store: Store, key: str, folder: Path) -> Path:
    path = folder / key
    path.parent.mkdir(parents=True, exist_ok=True)
    stream = store.open_read(key)
    try:
        with open(path, "wb") as out:
            shutil.copyfileobj(stream, out, _COPY_CHUNK)
    finally:
        stream.close()
    return path


def _lines(path: Path) -> Iterator[bytes]:
    with gzip.open(path, "rb") as handle:
        yield from handle


def _check(path: Path, where: str, sources: Sources) -> dict[int, str]:
    """Damaged line numbers → why (0 for a gzip stream cut or corrupt after the last good line)."""
    bad: dict[int, str] = {}
    number = 0
    try:
        for number, line in enumerate(_lines(path), start=1):  # noqa: B007 (number is read after the loop)
            if not line.strip():
                continue
            sources.lines += 1
            problem = _line_problem(line)
            if problem:
                bad[number] = problem
                sources.damage.append(Damage(where, number, problem))
    except GZIP_ERRORS as exc:
        bad[0] = f"the gzip stream is damaged after line {number} ({type(exc).__name__}); the lines before it are kept"
        sources.damage.append(Damage(where, number + 1, bad[0]))
    sources.lines_skipped += sum(1 for n in bad if n)
    return bad


def _line_problem(line: bytes) -> str | None:
    try:
        value = json.loads(line)
    except ValueError as exc:
        return f"not JSON ({exc.__class__.__name__} at column {getattr(exc, 'colno', '?')})"
    return record_problem(value)


def _clean_copy(source: Path, target: Path, bad: dict[int, str]) -> Path:
    """The good lines of ``source`` in ``target`` (same partition path, so the capture day stays known)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(target, "wb", compresslevel=1) as out:
        try:
            for number, line in enumerate(_lines(source), start=1):
                if number not in bad and line.strip():
                    out.write(line if line.endswith(b"\n") else line + b"\n")
        except GZIP_ERRORS:
            pass  # reported by _check: the lines before the damage are kept
    return target
