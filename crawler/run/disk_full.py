"""Stopping a crawl whose store filesystem is full, once, with one error line.

Any component that meets ``DiskFull`` (the WARC capture, the record writer, the crawl state) calls
``stop_for_disk_full``: the first call logs the error (it names the file, the mount point, the free space
and the next step), keeps it in the stats under ``khabar/disk_full`` for the run report and the summary,
and closes the spider with the reason ``disk_full``, which stops scheduling; later calls only count.
``khabar crawl`` then exits with ``ExitCode.DISK_FULL``. Item pipelines wrap their writes in
``drop_when_disk_full``: the item is dropped quietly (its capture is in a WARC file the next run finishes,
with no record naming it, so that run's recovery records it).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from crawler.errors import DiskFull
from crawler.storage.space import disk_full_error, is_disk_full

logger = logging.getLogger(__name__)

DISK_FULL_REASON = "disk_full"
DISK_FULL_STAT = "khabar/disk_full"


def stop_for_disk_full(crawler: Crawler, error: DiskFull) -> None:
    """Log ``error`` once and close the spider (reason ``disk_full``); count every later call."""
    assert crawler.stats is not None
    crawler.stats.inc_value(f"{DISK_FULL_STAT}/writes_refused")
    if crawler.stats.get_value(DISK_FULL_STAT) is not None:
        return
    crawler.stats.set_value(DISK_FULL_STAT, str(error))
    logger.error("%s", error)
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        deferred_from_coro(engine.close_spider_async(reason=DISK_FULL_REASON))


def disk_full_message(stats: dict[str, object]) -> str | None:
    """The disk-full error a crawl stopped for, from its stats; None when it did not."""
    value = stats.get(DISK_FULL_STAT)
    return str(value) if value is not None else None


@contextmanager
def drop_when_disk_full(crawler: Crawler, path: Path, url: str) -> Iterator[None]:
    """Around an item pipeline's write to ``path``: on a full disk, stop the crawl and drop the item (``url``)."""
    try:
        yield
    except (DiskFull, OSError, sqlite3.Error) as exc:
        if not is_disk_full(exc):
            raise
        stop_for_disk_full(crawler, exc if isinstance(exc, DiskFull) else disk_full_error(path, exc))
        assert crawler.stats is not None
        crawler.stats.inc_value("khabar/records/not_written/disk_full")
        raise DropItem(f"{url}: not recorded now, the store's filesystem is full; the next run records it from its "
                       "WARC capture", log_level="INFO") from None
