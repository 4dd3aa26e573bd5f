"""``khabar corpus export STORE --out PATH``: a research corpus, its manifest and its datasheet.

``--out`` is a folder (``part-00001.parquet``…, ``manifest.json``, ``README.md``), or a file whose name ends
in a format's suffix (``corpus.parquet``, ``maroc.jsonl.gz``, ``corpus.csv``): the data goes there (split as
``<stem>-00001<suffix>``… when it takes several parts) with ``<stem>.manifest.json`` and ``<stem>.README.md``
beside it. Reads a folder or a bucket alike (``crawler.corpus.sources``), queries with DuckDB in bounded
memory (``crawler.corpus.query``), writes streaming (``crawler.corpus.parts``); nothing is written into the
store. Every file appears whole or not at all; the manifest is written last.

Settings: ``KHABAR_CORPUS_MEMORY_LIMIT`` (DuckDB's memory_limit; it spills to the working folder beyond it).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.catalog import Catalog
from crawler.corpus.columns import record_fields
from crawler.corpus.datasheet import DatasheetInput, datasheet
from crawler.corpus.facts import CorpusFacts, corpus_facts
from crawler.corpus.gaps import publication_gaps, run_troubles
from crawler.corpus.manifest import manifest_document, write_manifest
from crawler.corpus.parts import FORMATS, Part, Parts, PartSize, file_sha256
from crawler.corpus.query import BY_CAPTURED, CorpusFilter, CorpusQuery, Selection
from crawler.corpus.sources import Sources, prepare, record_files, store_outlets
from crawler.errors import ConfigInvalid, CorpusEmpty, CorpusFilterUnknown
from crawler.storage import Store
from crawler.storage.atomic import write_atomically

DEFAULT_PART_SIZE = PartSize(bytes=10**9)
DEFAULT_MEMORY_LIMIT = "256MB"


@dataclass(frozen=True)
class ExportRequest:
    wanted: CorpusFilter = field(default_factory=CorpusFilter)
    selection: Selection = field(default_factory=Selection)
    fmt: str | None = None          # None: from --out's suffix, else parquet
    fields: tuple[str, ...] = ()    # () : every field of the schema
    part_size: PartSize = DEFAULT_PART_SIZE
    memory_limit: str = DEFAULT_MEMORY_LIMIT

    def options(self) -> dict[str, Any]:
        return {"filters": self.wanted.describe(), "all_versions": self.selection.all_versions,
                "keep_duplicates": self.selection.keep_duplicates, "fields": list(self.fields) or "all",
                "part_size": self.part_size.describe()}


@dataclass
class ExportResult:
    fmt: str
    parts: list[Part]
    manifest: Path
    datasheet: Path
    facts: CorpusFacts
    sources: Sources


@dataclass(frozen=True)
class Destination:
    """Where the files of a corpus go (see the module docstring)."""

    fmt: str
    part: Callable[[int], Path]          # the temporary-name base of part i
    final: Callable[[int, int], Path]    # the name of part i of n
    manifest: Path
    datasheet: Path


def destination(out: Path, fmt: str | None) -> Destination:
    suffix_fmt = next((f for f, s in FORMATS.items() if out.name.endswith(s)), None)
    if suffix_fmt and fmt and fmt != suffix_fmt:
        raise ConfigInvalid(f"--out {out} ends in {FORMATS[suffix_fmt]} but --format is {fmt}: "
                               f"name the file …{FORMATS[fmt]}, or give a folder")
    if suffix_fmt:
        stem, suffix = out.name.removesuffix(FORMATS[suffix_fmt]), FORMATS[suffix_fmt]
        numbered: Callable[[int], Path] = lambda i: out.with_name(f"{stem}-{i:05d}{suffix}")  # noqa: E731
        return Destination(suffix_fmt, numbered, lambda i, n: out if n == 1 else numbered(i),
                           out.with_name(f"{stem}.manifest.json"), out.with_name(f"{stem}.README.md"))
    chosen = fmt or "parquet"
    _check_folder(out)
    in_folder: Callable[[int], Path] = lambda i: out / f"part-{i:05d}{FORMATS[chosen]}"  # noqa: E731
    return Destination(chosen, in_folder, lambda i, n: in_folder(i), out / "manifest.json", out / "README.md")


def _check_folder(out: Path) -> None:
    if out.is_file():
        raise ConfigInvalid(f"--out {out} is a file; give a folder for the corpus, or a file name ending in "
                               f"{', '.join(FORMATS.values())}")
    if out.is_dir() and any(p.name == "manifest.json" or p.name.startswith("part-") for p in out.iterdir()):
        raise ConfigInvalid(f"--out {out} already holds a corpus (manifest.json or part-* files); "
                               "remove it or choose another folder")


def parse_fields(text: str | None) -> tuple[str, ...]:
    """``--fields id,title,text`` → the names, checked against the schema (ValueError listing the valid ones)."""
    if not text:
        return ()
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in record_fields()]
    if unknown:
        raise ValueError(f"no field {', '.join(unknown)} in the article record; valid fields: {', '.join(record_fields())}")
    return names


def export_corpus(store: Store, out: Path, request: ExportRequest, catalog: Catalog | None = None) -> ExportResult:
    """Write the corpus ``request`` asks for into ``out``; CorpusFilterUnknown, CorpusEmpty when it cannot."""
    where = destination(out, request.fmt)
    _check_outlets(store, request.wanted)
    out_dir = out.parent if where.manifest.parent == out.parent else out
    made = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".khabar-corpus-", dir=out_dir))
    try:
        return _export(store, where, request, catalog, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if made and not any(out_dir.iterdir()):
            out_dir.rmdir()  # a failed export leaves no empty folder behind


def _export(store: Store, where: Destination, request: ExportRequest, catalog: Catalog | None,
            work: Path) -> ExportResult:
    wanted = request.wanted
    captured = wanted.by == BY_CAPTURED
    files = record_files(store, wanted.outlets, wanted.since if captured else None, wanted.until if captured else None)
    sources = prepare(store, files, work / "read")
    query = CorpusQuery(sources.paths, work, request.memory_limit)
    try:
        full = _FullStore(store, query if not wanted.outlets and not captured else None, work, request.memory_limit)
        _check_countries(store, wanted, query, full)
        if query.choose(wanted, request.selection) == 0:
            raise _nothing_matched(store, wanted, sources, full)
        facts = corpus_facts(query, catalog)
        parts = _write_parts(query, where, request)
    finally:
        full.close()
        query.close()
    return _describe(store, where, request, facts, sources, parts)


def _write_parts(query: CorpusQuery, where: Destination, request: ExportRequest) -> list[Part]:
    columns = list(request.fields) or list(record_fields())
    parts = Parts(where.part, where.fmt, request.part_size)
    try:
        for batch in query.batches(columns, typed=where.fmt == "parquet"):
            parts.write(batch)
        return parts.finish(where.final)
    except BaseException:
        parts.abandon()
        raise


def _describe(store: Store, where: Destination, request: ExportRequest, facts: CorpusFacts, sources: Sources,
              parts: list[Part]) -> ExportResult:
    created = datetime.now(UTC)
    troubles, _ = run_troubles(store, [o.outlet for o in facts.outlets])
    sheet = DatasheetInput(store.uri, created, where.fmt, request.options(), facts, sources, parts, troubles,
                           publication_gaps(facts.publication_days()))
    write_atomically(where.datasheet, datasheet(sheet))
    described = Part(where.datasheet, 0, where.datasheet.stat().st_size, file_sha256(where.datasheet))
    document = manifest_document(store=store.uri, created=created, fmt=where.fmt, options=request.options(),
                                 facts=facts, sources=sources, parts=parts, datasheet=described)
    write_manifest(where.manifest, document)
    return ExportResult(where.fmt, parts, where.manifest, where.datasheet, facts, sources)


# --- bad input -------------------------------------------------------------------------------------

class _FullStore:
    """A query over every record file of the store, made only when an error message needs it."""

    def __init__(self, store: Store, ready: CorpusQuery | None, work: Path, memory_limit: str) -> None:
        self.store, self.ready, self.work, self.memory_limit = store, ready, work, memory_limit
        self.own: CorpusQuery | None = None

    def query(self) -> CorpusQuery:
        if self.ready is None:
            sources = prepare(self.store, record_files(self.store), self.work / "read-all")
            self.ready = self.own = CorpusQuery(sources.paths, self.work / "all", self.memory_limit)
        return self.ready

    def close(self) -> None:
        if self.own is not None:
            self.own.close()


def _check_outlets(store: Store, wanted: CorpusFilter) -> None:
    known = store_outlets(store)
    unknown = sorted(wanted.outlets - set(known))
    if unknown:
        raise CorpusFilterUnknown("--outlet", unknown, known, store.uri)


def _check_countries(store: Store, wanted: CorpusFilter, query: CorpusQuery, full: _FullStore) -> None:
    if not wanted.countries or wanted.countries <= set(query.distinct("country")):
        return
    known = full.query().distinct("country")
    unknown = sorted(wanted.countries - set(known))
    if unknown:
        raise CorpusFilterUnknown("--country", unknown, known, store.uri)


def _nothing_matched(store: Store, wanted: CorpusFilter, sources: Sources, full: _FullStore) -> CorpusEmpty:
    if not sources.files:
        return CorpusEmpty(f"{store.uri} holds no article record file (records/outlet=…/date=…/*.jsonl.gz): "
                           f"crawl first (khabar crawl … --store {store.uri})")
    conditions = wanted.conditions()
    if not conditions:
        return CorpusEmpty(f"no article to export from {store.uri}: {sources.lines} records read, "
                           f"{sources.lines_skipped} damaged lines skipped; see the problems above")
    everything = full.query()
    asked = " ".join(f"{o} {' '.join(p for p in ps)}" for o, (_, ps) in conditions.items())
    without = "; ".join(f"without {option}: {everything.count({k: v for k, v in conditions.items() if k != option})}"
                        for option in conditions)
    return CorpusEmpty(f"no article of {store.uri} matches {asked} ({everything.count({})} articles in the store). "
                       f"Articles matching the other filters {without}. Loosen a filter "
                       f"('khabar corpus stats {store.uri}' shows what the store holds).")
