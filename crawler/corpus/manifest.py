"""``manifest.json``: what a corpus holds and how it was made, written last, beside the data.

It names every other file of the corpus with its size and SHA-256 (the data parts and the datasheet), the
filters and options, counts per outlet, country, language and month, the versions of Khabar, of the record
schema and of the query engine, and what reading the store skipped (damaged files and lines, with where).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from crawler import __version__
from crawler.corpus.facts import CorpusFacts
from crawler.corpus.parts import Part
from crawler.corpus.sources import Sources
from crawler.records.schema import SCHEMA_ID, SCHEMA_VERSION
from crawler.storage.atomic import write_atomically

MANIFEST_VERSION = 1
LISTED_PROBLEMS = 1000  # damaged lines named one by one; the counts are always whole


def manifest_document(*, store: str, created: datetime, fmt: str, options: dict[str, Any], facts: CorpusFacts,
                      sources: Sources, parts: list[Part], datasheet: Part) -> dict[str, Any]:
    return {
        "manifest_version": MANIFEST_VERSION,
        "created_at": created.isoformat(),
        "store": store,
        "format": fmt,
        "options": options,
        "versions": {"khabar": __version__, "record_schema": SCHEMA_VERSION, "record_schema_id": SCHEMA_ID,
                     "duckdb": duckdb.__version__, "pyarrow": pa.__version__},
        "records": facts.records,
        "articles": facts.articles,
        "date_range": {"first": facts.first_day or None, "last": facts.last_day or None},
        "counts": facts.counts,
        "outlets": [asdict(o) for o in facts.outlets],
        "read": {"record_files": sources.files, "lines": sources.lines},
        "skipped": {"damaged_files": sources.files_damaged, "damaged_lines": sources.lines_skipped,
                    "problems": [asdict(d) for d in sources.damage[:LISTED_PROBLEMS]]},
        "files": [_file(p, "data") for p in parts] + [_file(datasheet, "datasheet")],
    }


def _file(part: Part, role: str) -> dict[str, Any]:
    return {"path": part.path.name, "role": role, "rows": part.rows if role == "data" else None,
            "bytes": part.bytes, "sha256": part.sha256}


def write_manifest(path: Path, document: dict[str, Any]) -> Path:
    return write_atomically(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
