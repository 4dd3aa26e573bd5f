"""The corpus query: DuckDB over the checked record files, in bounded memory.

Two passes, so that memory holds keys, never texts:

1. **choose**: the small columns of every record that passes the filters go into a table ``chosen``; unless
   ``all_versions``, only the newest record of each article stays (highest ``version``, then the latest
   ``extraction.extracted_at``, so a re-extraction supersedes the crawl's record); unless ``keep_duplicates``,
   records with ``duplicate_of`` (story dedup marked them later copies) are then left out, decided on that
   newest record. Filters apply first: ``--by captured --until D`` is the archive as it stood on day D.
2. **rows**: the staged chunks holding a chosen record are read again, each row kept when its key is in
   ``chosen`` (a semi-join whose hash table holds keys only), in the order of the staged lines (the store's
   order: outlet, capture day, crawl; no sort of the texts), and handed over as Arrow batches (``batches``),
   which the writers stream to disk.

Days are the days the strings print (``crawler.corpus.columns.printed_day``): the publication day is the day
the outlet printed (a local time without offset is never moved by a guessed zone), else the capture day (UTC).
DuckDB runs with ``memory_limit`` and a temporary folder in the export's working folder (it spills sorts
and joins there), ``TimeZone`` UTC (the zone typed instants are shown in).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from crawler.corpus.columns import date_form, duckdb_columns, printed_day, timestamp_fields, typed_timestamp
from crawler.corpus.parts import PartSize

BATCH_ROWS = 4096
ONE_THREAD_BELOW = 256 * 10**6
"""Below this memory_limit DuckDB gets one thread: each JSON scan thread holds 32 MiB buffers (measured: 128MB with
two threads ran out of memory on 25,000 records; with one thread it exported 100,000 at a peak RSS of 397 MB)."""
BY_PUBLISHED, BY_CAPTURED = "published", "captured"
CAPTURE_DAY = printed_day("fetched_at")
PUBLICATION_DAY = f"coalesce({printed_day('date_published')}, {CAPTURE_DAY})"
"""The day the outlet printed, else the capture day: a DATE, what --since/--until and the counts by day go by."""
ROW_KEY = ("concat_ws('|', filename, id, version, coalesce(crawl_id, ''), "
           "coalesce(extraction.extracted_at, ''))")
"""One record's identity across the two passes (the staged chunk it is in, its id, version, crawl, extraction)."""
RECENCY = ("version DESC, TRY_CAST(extraction.extracted_at AS TIMESTAMPTZ) DESC NULLS LAST, "
           "extraction.extracted_at DESC NULLS LAST, filename DESC")


@dataclass(frozen=True)
class CorpusFilter:
    """What a corpus holds: outlets, countries, languages, a day range (publication or capture)."""

    outlets: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    by: str = BY_PUBLISHED

    def conditions(self) -> dict[str, tuple[str, list[Any]]]:
        """Option name → (SQL condition, its parameters), one per filter in use."""
        day = CAPTURE_DAY if self.by == BY_CAPTURED else PUBLICATION_DAY
        found: dict[str, tuple[str, list[Any]]] = {}
        for option, column, values in (("--outlet", "outlet", self.outlets), ("--country", "country", self.countries),
                                       ("--lang", "language", self.languages)):
            if values:
                found[option] = (f"{column} IN ({', '.join('?' * len(values))})", sorted(values))
        if self.since:
            found["--since"] = (f"{day} >= CAST(? AS DATE)", [self.since.isoformat()])
        if self.until:
            found["--until"] = (f"{day} <= CAST(? AS DATE)", [self.until.isoformat()])
        return found

    def describe(self) -> dict[str, Any]:
        return {"outlet": sorted(self.outlets), "country": sorted(self.countries), "lang": sorted(self.languages),
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None, "by": self.by}


@dataclass(frozen=True)
class Selection:
    all_versions: bool = False
    keep_duplicates: bool = False


def where(conditions: dict[str, tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    if not conditions:
        return "TRUE", []
    return " AND ".join(f"({sql})" for sql, _ in conditions.values()), [p for _, ps in conditions.values() for p in ps]


class CorpusQuery:
    """One DuckDB connection over the checked, staged record lines (``crawler.corpus.sources``)."""

    def __init__(self, paths: Sequence[Path], work: Path, memory_limit: str = "256MB") -> None:
        (work / "duckdb-tmp").mkdir(parents=True, exist_ok=True)
        threads = 1 if (PartSize.parse(memory_limit).bytes or 0) < ONE_THREAD_BELOW else 2
        self.db = duckdb.connect(config={"memory_limit": memory_limit, "threads": str(threads),
                                         "temp_directory": str(work / "duckdb-tmp"),
                                         "preserve_insertion_order": "false"})
        self.db.execute("SET TimeZone = 'UTC'")
        self.db.execute("SET enable_progress_bar = false")
        self.paths = [str(p) for p in paths]
        self._records_view("records", self.paths)

    def _records_view(self, name: str, paths: list[str]) -> None:
        if not paths:  # a typed, empty view: the store holds no record file
            columns = ", ".join(f'NULL::{t} AS "{c}"' for c, t in duckdb_columns().items())
            self.db.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT {columns}, NULL::VARCHAR AS filename "
                            "WHERE FALSE")
            return
        listing = ", ".join(_quote(p) for p in paths)
        spec = ", ".join(f"{_quote(c)}: {_quote(t)}" for c, t in duckdb_columns().items())
        self.db.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_json([{listing}], "
                        f"format = 'newline_delimited', columns = {{{spec}}}, filename = true, "
                        "hive_partitioning = false)")

    def count(self, conditions: dict[str, tuple[str, list[Any]]]) -> int:
        """Articles (distinct ids) that pass ``conditions``."""
        sql, params = where(conditions)
        row = next(iter(self.db.execute(f"SELECT count(DISTINCT id) FROM records WHERE {sql}", params).fetchall()), None)
        return int(row[0]) if row else 0

    def distinct(self, column: str) -> list[str]:
        rows = self.db.execute(f"SELECT DISTINCT {column} FROM records WHERE {column} IS NOT NULL ORDER BY 1").fetchall()
        return [str(r[0]) for r in rows]

    def choose(self, wanted: CorpusFilter, selection: Selection) -> int:
        """Fill ``chosen`` (see the module docstring); how many records it holds."""
        sql, params = where(wanted.conditions())
        newest = "" if selection.all_versions else f"QUALIFY row_number() OVER (PARTITION BY id ORDER BY {RECENCY}) = 1"
        self.db.execute(
            f"CREATE OR REPLACE TEMP TABLE chosen AS SELECT {ROW_KEY} AS row_key, filename, id, version, crawl_id, "
            "extraction.extracted_at AS extracted_at, outlet, country, language, duplicate_of, paywalled, "
            f"CAST({PUBLICATION_DAY} AS VARCHAR) AS day, CAST({CAPTURE_DAY} AS VARCHAR) AS captured_day, "
            f"strftime({PUBLICATION_DAY}, '%Y-%m') AS month, {date_form('date_published')} AS published_as "
            f"FROM (SELECT * EXCLUDE (text) FROM records) WHERE {sql} {newest}", params)
        if not selection.keep_duplicates:
            self.db.execute("DELETE FROM chosen WHERE duplicate_of IS NOT NULL")
        return self.chosen_count()

    def chosen_count(self) -> int:
        row = next(iter(self.db.execute("SELECT count(*) FROM chosen").fetchall()), None)
        return int(row[0]) if row else 0

    def tally(self, column: str) -> dict[str, int]:
        """Chosen records per value of one of ``chosen``'s columns (NULL as '')."""
        rows = self.db.execute(f"SELECT coalesce({column}, ''), count(*) FROM chosen GROUP BY 1 ORDER BY 1").fetchall()
        return {str(value): int(count) for value, count in rows}

    def chosen_rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Any small query over ``chosen`` (the manifest and the datasheet read their numbers this way)."""
        return self.db.execute(sql).fetchall()

    def batches(self, columns: Sequence[str], typed: bool, rows: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
        """The chosen records' ``columns``, in the store's order; ``typed``: each timestamp field as its instant
        (NULL without an offset), ``<field>_iso`` and ``<field>_day`` (``crawler.corpus.columns.typed_timestamp``)."""
        files = [str(r[0]) for r in self.db.execute("SELECT DISTINCT filename FROM chosen ORDER BY 1").fetchall()]
        self._records_view("wanted", files)
        self.db.execute("SET preserve_insertion_order = true")  # the order of the staged lines: no sort of texts
        # DuckDB may swap a semi-join's sides when it guesses the JSON scan is the smaller one: the hash table would
        # then hold every text (out of memory at 100,000 records and 256MB); the keys of ``chosen`` must be built.
        self.db.execute("SET disabled_optimizers = 'build_side_probe_side'")
        projection = ", ".join(_projection(c, typed) for c in columns)
        result = self.db.sql(f"SELECT {projection} FROM wanted r WHERE {ROW_KEY} IN (SELECT row_key FROM chosen)")
        reader: Any = result.to_arrow_reader(rows)
        yield from reader

    def close(self) -> None:
        self.db.close()


def _projection(column: str, typed: bool) -> str:
    name = _ident(column)
    if typed and column in timestamp_fields():
        return ", ".join(f"{sql} AS {_ident(alias)}" for alias, sql in typed_timestamp(column, f"r.{name}"))
    return f"r.{name}"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
