"""Scrapy's duplicate-request filter with the fingerprints it has seen on disk, not in a set in memory.

Scrapy's ``RFPDupeFilter`` keeps the fingerprint of every request the crawl scheduled (20 bytes, about 85 in a
Python set): 1.2 MB more for every 10,000 URLs, for the whole crawl. ``SeenRequestsFilter`` is the same filter
(the same fingerprints, the same answers, the same ``requests.seen`` file in a JOBDIR for ``--resume``) with the
fingerprints in a scratch SQLite file of the store's local state, ``state/seen/<outlet>/seen.sqlite``: emptied
when the crawl opens (the outlet lock lets one crawl of an outlet run at a time, so what is there was left by a
killed one) and removed when it closes. Nothing in it needs to outlive the crawl: with a JOBDIR, Scrapy's
``requests.seen`` stays the record a resumed crawl reads. When the file cannot be created or written (a full
disk), the fingerprints go back to memory, every one of them, and the crawl goes on filtering as Scrapy does.

    KHABAR_SEEN_ON_DISK   (True)  False: Scrapy's fingerprints in memory
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from scrapy.dupefilters import RFPDupeFilter

from crawler.storage import layout, store_from_settings

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)
_BATCH = 1000


def seen_dir(crawler: Crawler) -> Path:
    """Where the fingerprints of the crawl of the crawler's outlet go."""
    outlet = str(getattr(crawler.spider, "outlet_id", None) or getattr(crawler.spider, "name", "crawl"))
    return layout.state_dir(store_from_settings(crawler.settings)) / "seen" / outlet


class DiskFingerprints:
    """A set of fingerprints (``in`` and ``add``) in one SQLite file written without journal or fsync: it is scratch."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._unsaved = 0
        try:
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "locking_mode = EXCLUSIVE",
                           "cache_size = -2048"):  # KiB: the page cache stays small, whatever the crawl
                self._db.execute(f"PRAGMA {pragma}")
            self._db.execute("CREATE TABLE seen (fp BLOB PRIMARY KEY) WITHOUT ROWID")
            self._db.execute("BEGIN")  # committed every _BATCH additions: 2.5 µs an addition instead of 12
        except sqlite3.Error:
            self._db.close()
            raise

    def __contains__(self, fingerprint: object) -> bool:
        return self._db.execute("SELECT 1 FROM seen WHERE fp = ?", (fingerprint,)).fetchone() is not None

    def add(self, fingerprint: bytes) -> None:
        self._db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (fingerprint,))
        self._unsaved += 1
        if self._unsaved >= _BATCH:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
            self._unsaved = 0

    def update(self, fingerprints: Iterable[bytes]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", ((fp,) for fp in fingerprints))

    def __iter__(self) -> Iterator[bytes]:
        return (fp for (fp,) in self._db.execute("SELECT fp FROM seen").fetchall())

    def close(self) -> None:
        self._db.close()


class SeenRequestsFilter(RFPDupeFilter):
    """``RFPDupeFilter`` with its fingerprints in ``seen_dir`` (see the module docstring)."""

    folder: Path | None = None
    _disk: DiskFingerprints | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        dupefilter = super().from_crawler(crawler)
        if crawler.settings.getbool("KHABAR_SEEN_ON_DISK", True):
            dupefilter.folder = seen_dir(crawler)
        return dupefilter

    def open(self) -> Deferred[None] | None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)  # a killed crawl's
            try:
                self.folder.mkdir(parents=True)
                disk = DiskFingerprints(self.folder / "seen.sqlite")
                disk.update(self._fingerprints)  # a resumed crawl's, read from its JOBDIR's requests.seen
            except (OSError, sqlite3.Error) as exc:
                logger.warning("the fingerprints of the requests seen stay in memory: cannot use %s (%s); check the "
                               "store's state folder", self.folder, exc)
                shutil.rmtree(self.folder, ignore_errors=True)
            else:
                self._disk, self._fingerprints = disk, disk  # type: ignore[assignment]  # a set's in and add
        return super().open()

    def request_seen(self, request: Any) -> bool:
        if self._disk is None:
            return super().request_seen(request)
        try:
            return super().request_seen(request)
        except sqlite3.Error as exc:  # a full disk, most likely: back to memory, nothing forgotten
            self._to_memory(exc)
            return super().request_seen(request)

    def _to_memory(self, exc: sqlite3.Error) -> None:
        assert self._disk is not None
        disk, self._disk = self._disk, None
        logger.warning("the fingerprints of the requests seen go back to memory: cannot write %s (%s)", disk.path, exc)
        self._fingerprints = set(disk)
        disk.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def close(self, reason: str) -> None:
        super().close(reason)
        if self._disk is not None:
            self._disk.close()
            self._disk = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
