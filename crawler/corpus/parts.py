"""Writing a corpus's rows to disk, streaming, split into parts of a set size.

Formats (``FORMATS``: name → file suffix):

- ``parquet``: typed columns as the query gives them (each timestamp field as its instant, ``_iso`` and ``_day``:
  ``crawler.corpus.columns.typed_timestamp``; lists as lists, ``warc`` and ``extraction`` as structs), zstd,
  one row group per batch;
- ``jsonl``: gzip JSON Lines, one article record per line, fields in the schema's order;
- ``csv``: UTF-8, RFC 4180 quoting (quotes doubled, newlines kept inside quoted fields); structs flattened
  to ``warc.filename``…, lists and maps as JSON text, NULL as an empty field.

A part ends once it holds ``PartSize.rows`` rows or has reached ``PartSize.bytes`` bytes on disk (checked
after each batch, so a part may pass it by at most one batch). Each part is written under a temporary name
and renamed by ``Parts.finish``; its SHA-256 is computed as it is finished.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = {"parquet": ".parquet", "jsonl": ".jsonl.gz", "csv": ".csv"}
TEMP_SUFFIX = ".tmp"
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


@dataclass(frozen=True)
class PartSize:
    """Where a part ends: after ``rows`` rows, or once it has ``bytes`` bytes (None: no limit)."""

    rows: int | None = None
    bytes: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartSize:
        """``100000`` (rows), ``500MB``, ``1GiB`` (bytes); ValueError naming the forms otherwise."""
        match = _SIZE.fullmatch(text)
        unit = match.group(2).upper() if match else ""
        if not match or (unit and unit not in _UNITS) or float(match.group(1)) <= 0:
            raise ValueError(f"{text!r} is not a part size: give rows (100000) or bytes (500MB, 1GB, 256MiB)")
        if not unit:
            return cls(rows=int(float(match.group(1))))
        return cls(bytes=int(float(match.group(1)) * _UNITS[unit]))

    def describe(self) -> str | None:
        return f"{self.rows} rows" if self.rows else f"{self.bytes} bytes" if self.bytes else None


@dataclass(frozen=True)
class Part:
    path: Path
    rows: int
    bytes: int
    sha256: str


class _Sink:
    """One open part file: counts rows, knows its size on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.raw: BinaryIO = open(path, "wb")
        self.rows = 0

    def size(self) -> int:
        return self.raw.tell()

    def write(self, batch: pa.RecordBatch) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.raw.close()


class _ParquetSink(_Sink):
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path)
        self.writer = pq.ParquetWriter(self.raw, schema, compression="zstd")

    def write(self, batch: pa.RecordBatch) -> None:
        self.writer.write_batch(batch)
        self.rows += batch.num_rows

    def close(self) -> None:
        self.writer.close()
        super().close()


class _JsonlSink(_Sink):
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path)
        self.gzip = gzip.GzipFile(fileobj=self.raw, mode="wb", compresslevel=6, mtime=0)
        self.plain = _plain_converter(schema)

    def write(self, batch: pa.RecordBatch) -> None:
        lines = (json.dumps(self.plain(row), ensure_ascii=False) + "\n" for row in batch.to_pylist())
        self.gzip.write("".join(lines).encode("utf-8"))
        self.rows += batch.num_rows

    def close(self) -> None:
        self.gzip.close()
        super().close()


class _CsvSink(_Sink):
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path)
        self.text = io.TextIOWrapper(self.raw, encoding="utf-8", newline="")
        self.columns = csv_columns(schema)
        self.writer = csv.writer(self.text)
        self.writer.writerow([name for name, _ in self.columns])

    def write(self, batch: pa.RecordBatch) -> None:
        for row in batch.to_pylist():
            self.writer.writerow([_csv_cell(get(row)) for _, get in self.columns])
        self.text.flush()
        self.rows += batch.num_rows

    def close(self) -> None:
        self.text.close()


_SINKS: dict[str, Callable[[Path, pa.Schema], _Sink]] = {"parquet": _ParquetSink, "jsonl": _JsonlSink, "csv": _CsvSink}


class Parts:
    """Writes batches into numbered parts; ``finish`` renames them to their names and returns them."""

    def __init__(self, name: Callable[[int], Path], fmt: str, size: PartSize) -> None:
        self.name, self.fmt, self.size = name, fmt, size
        self.done: list[tuple[Path, int]] = []
        self.sink: _Sink | None = None

    def write(self, batch: pa.RecordBatch) -> None:
        while batch.num_rows:
            sink = self.sink or self._open(batch.schema)
            room = self.size.rows - sink.rows if self.size.rows else batch.num_rows
            sink.write(batch.slice(0, room))
            batch = batch.slice(room)
            if self.size.rows and sink.rows >= self.size.rows or self.size.bytes and sink.size() >= self.size.bytes:
                self._close()

    def _open(self, schema: pa.Schema) -> _Sink:
        target = self.name(len(self.done) + 1)
        self.sink = _SINKS[self.fmt](target.with_name(target.name + TEMP_SUFFIX), schema)
        return self.sink

    def _close(self) -> None:
        if self.sink is not None:
            self.sink.close()
            self.done.append((self.sink.path, self.sink.rows))
            self.sink = None

    def finish(self, rename: Callable[[int, int], Path]) -> list[Part]:
        """Close the last part; rename part ``i`` of ``n`` to ``rename(i, n)``; each with rows, bytes, SHA-256."""
        self._close()
        parts = []
        for number, (temp, rows) in enumerate(self.done, start=1):
            final = rename(number, len(self.done))
            temp.replace(final)
            parts.append(Part(final, rows, final.stat().st_size, file_sha256(final)))
        return parts

    def abandon(self) -> None:
        if self.sink is not None:
            self.sink.close()
            self.done.append((self.sink.path, 0))
        for temp, _ in self.done:
            temp.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- from Arrow rows to plain JSON values --------------------------------------------------------

Convert = Callable[[Any], Any]


def _converter(tp: pa.DataType) -> Convert | None:
    """A function that turns an Arrow Python value into plain JSON (maps → objects); None when it already is."""
    if pa.types.is_map(tp):
        item = _converter(tp.item_type)
        return lambda v: None if v is None else {k: (item(x) if item else x) for k, x in v}
    if pa.types.is_struct(tp):
        inner = {tp.field(i).name: _converter(tp.field(i).type) for i in range(tp.num_fields)}
        todo = {k: c for k, c in inner.items() if c}
        return (lambda v: None if v is None else {**v, **{k: c(v[k]) for k, c in todo.items()}}) if todo else None
    if pa.types.is_list(tp) or pa.types.is_large_list(tp):
        item = _converter(tp.value_type)
        return (lambda v: None if v is None else [item(x) for x in v]) if item else None
    if pa.types.is_timestamp(tp) or pa.types.is_date(tp):
        return lambda v: None if v is None else v.isoformat()
    return None


def _plain_converter(schema: pa.Schema) -> Convert:
    todo = {f.name: c for f in schema if (c := _converter(f.type))}
    return lambda row: {**row, **{k: c(row[k]) for k, c in todo.items()}} if todo else row


def csv_columns(schema: pa.Schema) -> list[tuple[str, Convert]]:
    """CSV header names and how each cell is taken from a row: structs one column per field (``warc.offset``)."""
    columns: list[tuple[str, Convert]] = []
    for f in schema:
        if pa.types.is_struct(f.type):
            for i in range(f.type.num_fields):
                sub = f.type.field(i)
                columns.append((f"{f.name}.{sub.name}", _struct_getter(f.name, sub.name, _converter(sub.type))))
        else:
            columns.append((f.name, _getter(f.name, _converter(f.type))))
    return columns


def _getter(name: str, convert: Convert | None) -> Convert:
    return (lambda row: convert(row[name])) if convert else (lambda row: row[name])


def _struct_getter(name: str, sub: str, convert: Convert | None) -> Convert:
    def get(row: dict[str, Any]) -> Any:
        value = (row[name] or {}).get(sub)
        return convert(value) if convert else value
    return get


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
