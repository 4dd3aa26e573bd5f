"""An outlet's state travels with it: ``state/outlet=<id>/`` between the store and the machine that crawls it.

With the queue on, every job's crawl keeps its outlet's state in ``state/outlet=<id>/`` of the store's spool
(``KHABAR_STATE_OUTLET``; ``crawler.storage.layout.state_root``): crawl state, versions, story index, revisit
index (when ``KHABAR_DEDUP_URI`` is empty) and the resume queue (Scrapy's JOBDIR, ``jobs/<id>/``).

- A **folder store** is shared by the machines (a network mount), so the state is already in place: nothing
  to copy.
- An **S3 store**: :func:`fetch_state` downloads ``state/outlet=<id>/`` from the bucket into this machine's
  spool before the crawl, :func:`push_state` uploads it when the crawl has ended (SQLite files through
  SQLite's online backup, so a copy is never torn). The state is pushed only once the crawl has ended and
  its files were published: a copy of the state that is ahead of the published WARCs would tell the next
  machine that pages were archived which only this machine's spool holds, and a machine that dies loses
  them. A job that dies mid-crawl is therefore crawled again from the last state that was pushed.
- **Migration**: an outlet that has no state of its own yet starts from the shared ``state/`` files of this
  store (the single-machine layout), so the first queued crawl stays incremental.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from pathlib import Path

from crawler.storage.base import Store
from crawler.storage.layout import (
    ARTICLES_DB,
    CRAWL_DB,
    DEDUP_DB,
    STATE_DIR,
    STORIES_DB,
    outlet_state_key,
    state_root,
)
from crawler.storage.s3 import S3Store

logger = logging.getLogger(__name__)

DATABASES = (CRAWL_DB, ARTICLES_DB, STORIES_DB, DEDUP_DB)
RESUME_DIR = "jobs"
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def outlet_state(store: Store, outlet: str) -> Path:
    return state_root(store.spool, outlet)


def fetch_state(store: Store, outlet: str) -> Path:
    """Bring the state of ``outlet`` to this machine (S3), or seed it from the shared state; its local folder."""
    folder = outlet_state(store, outlet)
    if isinstance(store, S3Store):
        _clear_local(folder)
        _download(store, outlet, folder)
    if not (folder / CRAWL_DB).exists():
        _seed_from_shared(store.spool / STATE_DIR, folder, outlet)
    return folder


def push_state(store: Store, outlet: str) -> int:
    """Write the state of ``outlet`` back to the store (S3; a folder store holds it already); files written."""
    if not isinstance(store, S3Store):
        return 0
    folder, client = outlet_state(store, outlet), store.client
    bucket, prefix = store.location.bucket, store.object_key(outlet_state_key(outlet))
    written = 0
    with tempfile.TemporaryDirectory(prefix="khabar-state-") as tmp:
        for name in DATABASES:
            if (folder / name).exists():
                snapshot = Path(tmp) / name
                _backup(folder / name, snapshot)
                client.upload_file(str(snapshot), bucket, f"{prefix}/{name}")
                written += 1
    local_resume = {p.relative_to(folder).as_posix() for p in (folder / RESUME_DIR).rglob("*") if p.is_file()}
    for rel in sorted(local_resume):
        client.upload_file(str(folder / rel), bucket, f"{prefix}/{rel}")
        written += 1
    for key in _remote_keys(store, f"{prefix}/{RESUME_DIR}/"):
        if key.removeprefix(prefix + "/") not in local_resume:  # the crawl finished: its queue is gone
            client.delete_object(Bucket=bucket, Key=key)
    return written


def _clear_local(folder: Path) -> None:
    """Drop this machine's older copy (the bucket's is the truth); journals and locks stay."""
    for name in DATABASES:
        for suffix in ("", *_SQLITE_SIDE_FILES):
            (folder / f"{name}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(folder / RESUME_DIR, ignore_errors=True)


def _download(store: S3Store, outlet: str, folder: Path) -> None:
    client, bucket = store.client, store.location.bucket
    prefix = store.object_key(outlet_state_key(outlet)) + "/"
    for key in _remote_keys(store, prefix):
        target = folder / key.removeprefix(prefix)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        client.download_file(bucket, key, str(partial))
        partial.replace(target)


def _remote_keys(store: S3Store, prefix: str) -> list[str]:
    client, bucket = store.client, store.location.bucket
    keys: list[str] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys += [item["Key"] for item in page.get("Contents", [])]
    return keys


def _seed_from_shared(shared: Path, folder: Path, outlet: str) -> None:
    seeded = [name for name in DATABASES if (shared / name).exists()]
    for name in seeded:
        folder.mkdir(parents=True, exist_ok=True)
        _backup(shared / name, folder / name)
    if seeded:
        logger.info("%s: state/outlet=%s/ started from the store's shared state/ (%s)", outlet, outlet, ", ".join(seeded))


def _backup(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite file that may be in use (SQLite's online backup)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
