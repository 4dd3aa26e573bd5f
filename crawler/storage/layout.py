"""The store layout, the same on disk and in a bucket (hive-style partitions).

    warc/outlet=<id>/date=<YYYY-MM-DD>/<prefix>-<timestamp>-<pid>-<serial>.warc.gz
    records/outlet=<id>/date=<YYYY-MM-DD>/<crawl-id>.jsonl.gz
    schema/article-record.schema.json
    runs/<crawl-id>.json
    state/                      (local-only working state: indexes, spool; never published)

``date`` is the UTC date of capture for both WARCs and records, so one crawl writes one
record file per outlet and day and a record sits in the same partition as its WARC response.
Filter on ``date_published`` inside the files for publication dates.
"""

from __future__ import annotations

from datetime import date

SCHEMA_KEY = "schema/article-record.schema.json"


def warc_dir(outlet: str, day: date) -> str:
    return f"warc/outlet={outlet}/date={day.isoformat()}"


def records_key(outlet: str, day: date, crawl_id: str) -> str:
    return f"records/outlet={outlet}/date={day.isoformat()}/{crawl_id}.jsonl.gz"


def run_report_key(crawl_id: str) -> str:
    return f"runs/{crawl_id}.json"
