"""The crawl's log in the store: ``runs/<crawl-id>/crawl.log`` (``crawler.storage.layout.crawl_log_key``).

``khabar crawl`` writes Scrapy's whole log (at ``LOG_LEVEL``, ``LOG_FORMAT``) for all the outlets of one run
into one file in the store's spool, named ``crawl.log.part`` while the crawl runs (a temporary name: never
listed, published or uploaded, never mistaken for an unfinished WARC). When the crawl ends, ``finish()``
closes it, renames it ``crawl.log`` and publishes it like the run reports (an S3 store uploads it). A
crawl killed outright leaves its ``crawl.log.part`` in the spool for a person to read.

Credentials never reach it: they are never settings, and the S3 store redacts them from its messages.
A write that fails (a full filesystem) stops the file, says so once on stderr and never raises into the
crawl: the crawl's own writers report the full disk.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from scrapy.settings import BaseSettings

from crawler.storage import Store, store_from_settings
from crawler.storage.layout import crawl_log_key

PART_SUFFIX = ".part"


class CrawlLogHandler(logging.FileHandler):
    """A FileHandler that gives up quietly, once, when the file cannot be written."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            super().handleError(record)
            return
        if not self.failed:
            self.failed = True
            sys.stderr.write(f"warning: the crawl log {self.baseFilename} cannot be written ({exc.strerror or exc}); "
                             "the rest of this crawl's log is not kept (warnings and errors still show here)\n")

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)


class CrawlLog:
    """The log file of one ``khabar crawl``: ``handler()`` while it runs, ``finish()`` when it ends."""

    def __init__(self, settings: BaseSettings) -> None:
        self.settings = settings
        self.key = crawl_log_key(str(settings.get("KHABAR_CRAWL_ID")))
        self._handler: CrawlLogHandler | None = None

    @property
    def store(self) -> Store:
        return store_from_settings(self.settings)  # opened by the crawl already: the same store

    @property
    def path(self) -> Path:
        return self.store.spool / self.key

    @property
    def part(self) -> Path:
        return self.path.with_name(self.path.name + PART_SUFFIX)

    def handler(self) -> logging.Handler:
        """A handler writing Scrapy's log lines (level, format and date format from the settings) to the file."""
        self.part.parent.mkdir(parents=True, exist_ok=True)
        handler = CrawlLogHandler(self.part, mode="a", encoding=self.settings.get("LOG_ENCODING") or "utf-8")
        handler.setFormatter(logging.Formatter(self.settings.get("LOG_FORMAT"), self.settings.get("LOG_DATEFORMAT")))
        handler.setLevel(self.settings.get("LOG_LEVEL"))
        self._handler = handler
        return handler

    def finish(self) -> str | None:
        """Close the file, give it its final name and publish it; its store key (None when nothing was written)."""
        if self._handler is None:
            return None
        # a new list, not logging's in-place remove: a thread logging right now iterates the old list, and an
        # in-place remove shifts the console handler under it, which then skips that line (an alert's retry
        # warning, sent from its own thread as the crawl ended, was lost so)
        handler = self._handler
        logging.root.handlers = [h for h in logging.root.handlers if h is not handler]
        self._handler.close()
        self._handler = None
        if not self.part.exists():
            return None
        os.replace(self.part, self.path)
        self.store.publish(self.key)
        return self.key
