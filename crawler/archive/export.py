"""``khabar export STORE --out corpus.jsonl.gz``: a clean research corpus from the article records.

Filters: outlet, country, publication day (``date_published``, else the capture day), language.
By default one record per article: its newest version (for equal versions, the newest extraction,
so a re-extraction supersedes the crawl's record), and later copies of a story (``duplicate_of``)
left out. Reads through the Store API, so a bucket works as a folder does. Written under a
temporary name and renamed when complete.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from crawler.archive.reading import read_records
from crawler.storage import Store
from crawler.storage.atomic import atomic_path


@dataclass(frozen=True)
class ExportFilter:
    outlets: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    all_versions: bool = False
    keep_duplicates: bool = False

    def admits(self, record: dict[str, Any]) -> bool:
        day = (record.get("date_published") or record.get("fetched_at") or "")[:10]
        return ((not self.outlets or record["outlet"] in self.outlets)
                and (not self.countries or (record.get("country") or "") in self.countries)
                and (not self.languages or (record.get("language") or "") in self.languages)
                and (not self.since or day >= self.since.isoformat())
                and (not self.until or day <= self.until.isoformat()))


@dataclass
class ExportReport:
    counts: Counter[str] = field(default_factory=Counter)


def _newest(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for record in records:
        current = best.get(record["id"])
        if current is None or _recency(record) > _recency(current):
            best[record["id"]] = record
    return sorted(best.values(), key=lambda r: (r["outlet"], r.get("date_published") or "", r["url"]))


def _recency(record: dict[str, Any]) -> tuple[int, datetime]:
    """Version first, then when the extraction ran (compared as instants: records carry seconds or microseconds)."""
    when = record["extraction"].get("extracted_at") or ""
    try:
        moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        moment = datetime.min.replace(tzinfo=UTC)
    return int(record["version"]), moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def export_corpus(store: Store, out: Path, wanted: ExportFilter) -> ExportReport:
    report = ExportReport()
    prefixes = [f"records/outlet={o}/" for o in sorted(wanted.outlets)] or ["records/"]
    selected = []
    for prefix in prefixes:
        for key in store.list(prefix):
            if key.endswith(".jsonl.gz"):
                for record in read_records(store, key):
                    report.counts["records read"] += 1
                    if wanted.admits(record):
                        selected.append(record)
    chosen = selected if wanted.all_versions else _newest(selected)
    if not wanted.keep_duplicates:  # decided on the newest record of each article
        chosen = [r for r in chosen if not r.get("duplicate_of")]
    with atomic_path(out) as temp, gzip.open(temp, "wt", encoding="utf-8") as sink:
        for record in chosen:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    report.counts["records exported"] = len(chosen)
    return report
