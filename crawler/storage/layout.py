"""The store layout, the same on disk and in a bucket (hive-style partitions), and the local state beside it.

Published files (keys, the same in a folder and under an ``s3://bucket/prefix``):

    warc/outlet=<id>/date=<YYYY-MM-DD>/<prefix>-<outlet>-<timestamp>-<pid>-<serial>.warc.gz (+ .cdxj)
    records/outlet=<id>/date=<YYYY-MM-DD>/<crawl-id>.jsonl.gz
    schema/article-record.schema.json
    runs/<crawl-id>/<outlet>.json
    runs/<crawl-id>/crawl.log     (``khabar crawl``'s Scrapy log; ``crawl.log.part`` while the crawl runs)
    wacz/outlet=<id>/<name>.wacz   (khabar wacz --upload: one crawl or outlet-day, maybe in numbered parts)

``date`` is the UTC date of capture for both WARCs and records, so one crawl writes one
record file per outlet and day and a record sits in the same partition as its WARC response.
Filter on ``date_published`` inside the files for publication dates.

Local working state, in the store's spool (the store folder itself, or
``<KHABAR_SPOOL_DIR>/<bucket>/<prefix>`` for S3), never listed, published or uploaded:

    state/crawl.sqlite      discovery state per (outlet, URL) and the kept robots.txt answers
    state/dedup.sqlite      payload digests behind revisit records (when KHABAR_DEDUP_URI is empty)
    state/articles.sqlite   newest version and text digest per article (ArticleVersioning)
    state/stories.sqlite    story signatures per outlet (StoryDedup)
    state/jobs/<outlet>/    Scrapy's JOBDIR of a --resume crawl, removed when the run finishes
    state/queues/<outlet>/  the pending requests of a crawl without JOBDIR (crawler/run/request_queue.py), removed when it ends
    state/seen/<outlet>/    the fingerprints of the requests a crawl has seen (crawler/run/seen_requests.py), removed when it ends
    state/locks/<outlet>.lock  the outlet lock every crawl of the outlet holds (crawler.run.outlet_lock)
    state/replay/           the CDXJ index and pywb configuration of ``khabar replay``
    state/journals/         per running crawl, the WARC files it wrote (a killed crawl's tells recovery where to look)
    state/schedule/<outlet>/<crawl-id>.log  what each crawl ``khabar schedule`` started printed (its default log folder)

With the queue on (``KHABAR_QUEUE_URL``), each job crawls one outlet and keeps that outlet's state apart,
under ``state/outlet=<id>/`` (``KHABAR_STATE_OUTLET``, set by ``khabar worker``): the same files as above,
for that outlet alone, so the state can travel with the outlet from one machine to another
(``crawler.queue.state_sync``). Without it, nothing changes: one ``state/`` for the whole store.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.storage.base import Store

SCHEMA_KEY = "schema/article-record.schema.json"
STATE_DIR = "state"
CRAWL_DB = "crawl.sqlite"
DEDUP_DB = "dedup.sqlite"
ARTICLES_DB = "articles.sqlite"
STORIES_DB = "stories.sqlite"
RUNS_DIR = "runs"
CRAWL_LOG = "crawl.log"


def warc_dir(outlet: str, day: date) -> str:
    return f"warc/outlet={outlet}/date={day.isoformat()}"


def records_key(outlet: str, day: date, crawl_id: str) -> str:
    return f"records/outlet={outlet}/date={day.isoformat()}/{crawl_id}.jsonl.gz"


def wacz_key(outlet: str, name: str) -> str:
    """Where ``khabar wacz --upload`` publishes a package of ``outlet``'s WARCs."""
    return f"wacz/outlet={outlet}/{name}"


def runs_dir(crawl_id: str) -> str:
    return f"{RUNS_DIR}/{crawl_id}"


def run_report_key(crawl_id: str, outlet: str) -> str:
    return f"{runs_dir(crawl_id)}/{outlet}.json"


def crawl_log_key(crawl_id: str) -> str:
    """The Scrapy log of a ``khabar crawl`` (all its outlets), published when the crawl ends."""
    return f"{runs_dir(crawl_id)}/{CRAWL_LOG}"


def is_state_key(key: str) -> bool:
    """Whether a spool-relative path is local working state (never a published file)."""
    return key == STATE_DIR or key.startswith(f"{STATE_DIR}/")


def spool_dir(spool_root: Path, bucket: str, prefix: str) -> Path:
    """Where an ``s3://bucket/prefix`` store spools its files (and keeps its state) on this machine."""
    return spool_root / bucket / prefix if prefix else spool_root / bucket


def state_root(spool: Path, outlet: str = "") -> Path:
    """The local state folder of a store whose spool is ``spool``: ``state/``, or ``state/outlet=<id>/``
    when a queue job keeps the state of ``outlet`` apart (``KHABAR_STATE_OUTLET``)."""
    return spool / outlet_state_key(outlet) if outlet else spool / STATE_DIR


def outlet_state_key(outlet: str) -> str:
    """Where the state of one outlet lives under the store (a folder, or a key prefix in a bucket)."""
    return f"{STATE_DIR}/outlet={outlet}"


def state_dir(store: Store) -> Path:
    return store.state


def crawl_db(store: Store) -> Path:
    """Discovery state per (outlet, URL) and the kept robots.txt answers, one SQLite file."""
    return state_dir(store) / CRAWL_DB


def dedup_db(store: Store) -> Path:
    return state_dir(store) / DEDUP_DB


def articles_db(store: Store) -> Path:
    return state_dir(store) / ARTICLES_DB


def stories_db(store: Store) -> Path:
    return state_dir(store) / STORIES_DB


def jobs_dir(store: Store, outlet: str) -> Path:
    """Scrapy's JOBDIR for a resumable crawl of ``outlet``."""
    return state_dir(store) / "jobs" / outlet


def outlet_lock_path(store: Store, outlet: str) -> Path:
    """The lock one crawl of ``outlet`` holds at a time (``crawler.run.outlet_lock``)."""
    return outlet_lock_in(store.spool, outlet)


def outlet_lock_in(spool: Path, outlet: str) -> Path:
    """``outlet_lock_path`` for the store whose spool is ``spool`` (a scheduler checks locks without opening it)."""
    return spool / STATE_DIR / "locks" / f"{outlet}.lock"


def schedule_logs_dir(spool: Path) -> Path:
    """Where ``khabar schedule`` writes each run's output by default: ``<outlet>/<crawl-id>.log`` under it."""
    return spool / STATE_DIR / "schedule"


def replay_state_dir(store: Store) -> Path:
    return state_dir(store) / "replay"


def journals_dir(store: Store) -> Path:
    """Where each running crawl lists the WARC files it wrote (``crawler.storage.unfinished.Journal``)."""
    return state_dir(store) / "journals"
