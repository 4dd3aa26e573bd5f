"""Reading run reports back from a store, for ``khabar status``.

Per outlet, newest first, and only as far back as the verdict needs (``crawler.run.health.history_complete``):
a daily outlet's last runs and six weeks of them, not years of reports. Outlets are read side by side (S3
round trips). A report written before runs counted their new articles (no ``articles_new`` or ``new_by_day``)
gets them from the record files it lists. A report that cannot be read is left out and named, never fatal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from crawler.archive.reading import read_records
from crawler.run.health import HealthPolicy, history_complete
from crawler.run.report import OutletReport, RecordTally, report_from_json
from crawler.storage import Store
from crawler.storage.layout import RUNS_DIR

READERS = 8  # outlets read at once: S3 GETs are round trips, a folder does not mind
UNREADABLE = (OSError, EOFError, ValueError, KeyError, TypeError)  # a cut, missing or foreign file


@dataclass
class History:
    """Run reports per outlet (newest first), and the files that could not be read (key: why)."""

    reports: dict[str, list[OutletReport]] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)


def report_keys(store: Store) -> dict[str, list[str]]:
    """Keys of the run reports per outlet, newest crawl first (crawl ids sort by time)."""
    keys: dict[str, list[str]] = {}
    for key in store.list(f"{RUNS_DIR}/"):
        parts = key.split("/")
        if len(parts) == 3 and parts[2].endswith(".json"):
            keys.setdefault(parts[2].removesuffix(".json"), []).append(key)
    return {outlet: sorted(found, reverse=True) for outlet, found in sorted(keys.items())}


def read_history(store: Store, policy: HealthPolicy) -> History:
    """The run reports ``khabar status`` needs, for every outlet that has one."""
    history = History()
    keys = report_keys(store)
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        for outlet, (reports, unreadable) in zip(keys, pool.map(lambda k: _read_outlet(store, k, policy), keys.values()),
                                                  strict=True):
            history.unreadable.update(unreadable)
            if reports:
                history.reports[outlet] = reports
    return history


def read_outlet_history(store: Store, outlet: str, policy: HealthPolicy, skip: str = "") -> list[OutletReport]:
    """One outlet's run reports, newest first, as far back as its verdict needs (the crawl ``skip`` left out:
    the caller holds that report); unreadable ones are left out."""
    keys = [key for key in report_keys(store).get(outlet, []) if key.split("/")[1] != skip]
    return _read_outlet(store, keys, policy)[0]


def _read_outlet(store: Store, keys: Iterable[str], policy: HealthPolicy) -> tuple[list[OutletReport], dict[str, str]]:
    reports: list[OutletReport] = []
    unreadable: dict[str, str] = {}
    for key in keys:
        try:
            reports.append(_read_report(store, key, unreadable))
        except UNREADABLE as exc:
            unreadable[key] = f"{type(exc).__name__}: {exc}"
            continue
        if history_complete(reports, policy):
            break
    return reports, unreadable


def _read_report(store: Store, key: str, unreadable: dict[str, str]) -> OutletReport:
    report = report_from_json(json.loads(store.read_bytes(key)))
    if report.articles_new is None or report.articles_updated is None or report.new_by_day is None:
        _count_from_records(store, report, unreadable)
    return report


def _count_from_records(store: Store, report: OutletReport, unreadable: dict[str, str]) -> None:
    """Fill in the counts an older report lacks from the record files it lists."""
    tally = RecordTally()
    for key in report.record_files:
        try:
            records = read_records(store, key)
        except UNREADABLE as exc:
            unreadable[key] = f"{type(exc).__name__}: {exc}"
            continue
        for record in records:
            tally.add(int(record.get("version") or 1), record.get("date_published"), str(record["fetched_at"]))
    if report.articles_new is None:
        report.articles_new = tally.new
    if report.articles_updated is None:
        report.articles_updated = tally.updated
    if report.new_by_day is None:
        report.new_by_day = dict(sorted(tally.new_by_day.items()))
