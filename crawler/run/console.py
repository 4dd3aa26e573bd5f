"""The console of ``khabar crawl``: a screen a person reads, the whole log in the store.

``CrawlConsole`` takes over Scrapy's logging for one ``khabar crawl`` (``scrapy crawl`` keeps Scrapy's own):

- Scrapy's log, at ``LOG_LEVEL``, goes to ``runs/<crawl-id>/crawl.log`` in the store (``crawler.run.crawl_log``);
- warnings and errors still reach stderr, in Scrapy's format (above the live table on a terminal);
- what the console shows meanwhile depends on where stdout goes (``ConsoleConfig.mode``):

    ``live``   a terminal: a table per outlet, redrawn a few times a second (``live_table.LiveTable``)
    ``lines``  cron, CI, a pipe: one plain line per outlet every ``KHABAR_PROGRESS_INTERVAL`` seconds
    ``log``    ``-v``, ``--log-level`` or ``-s LOG_LEVEL=…``: Scrapy's log on stderr at that level, as before

and the run ends with the summary (``crawler.run.summary``) either way.

Settings:
    KHABAR_PROGRESS_INTERVAL  (30)  seconds between two rounds of plain progress lines
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from scrapy.crawler import Crawler
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings, Settings
from scrapy.utils.log import log_scrapy_info

from crawler.errors import ConfigInvalid
from crawler.run.crawl_log import CrawlLog
from crawler.run.progress_view import ProgressLines

if TYPE_CHECKING:
    from crawler.run.live_table import LiveTable


class ConsoleHandler(logging.Handler):
    """Log lines to whatever ``sys.stderr`` is when they are emitted (a live display redirects it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - logging's own contract: report through handleError, never raise
            self.handleError(record)


@dataclass(frozen=True)
class ConsoleConfig:
    mode: str
    """``live``, ``lines`` or ``log`` (see the module docstring)."""
    interval: float
    console_level: str

    @classmethod
    def from_settings(cls, settings: BaseSettings, terminal: bool) -> ConsoleConfig:
        try:
            interval = settings.getfloat("KHABAR_PROGRESS_INTERVAL", 30)
        except ValueError:
            interval = 0
        if not interval > 0:
            raise ConfigInvalid(f"KHABAR_PROGRESS_INTERVAL={settings.get('KHABAR_PROGRESS_INTERVAL')!r} must be a "
                                "number of seconds above 0 (default 30)")
        asked = (settings.getpriority("LOG_LEVEL") or 0) >= SETTINGS_PRIORITIES["cmdline"]
        if asked:
            return cls("log", interval, str(settings.get("LOG_LEVEL")))
        return cls("live" if terminal else "lines", interval, "WARNING")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


class CrawlConsole:
    """One ``khabar crawl``'s console. Use as a context manager around ``run_crawl(..., views=[console])``:
    the runner calls ``start`` once its crawlers exist and ``stop`` when they are done; leaving the
    ``with`` block finishes and publishes ``crawl.log`` (``log_key`` then names it)."""

    def __init__(self, settings: Settings, terminal: bool | None = None) -> None:
        self.config = ConsoleConfig.from_settings(settings, stdout_is_terminal() if terminal is None else terminal)
        self.settings = settings
        self.log = CrawlLog(settings)
        self.log_key: str | None = None
        # Scrapy installs no handler of its own (nor re-installs one per crawler): start() puts ours in place
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
        self.view: LiveTable | ProgressLines | None = None
        if self.config.mode == "live":
            from crawler.run.live_table import LiveTable  # rich, for a terminal only

            self.view = LiveTable(str(settings.get("KHABAR_CRAWL_ID")))
        elif self.config.mode == "lines":
            self.view = ProgressLines(self.config.interval)
        self._console_handler = ConsoleHandler(self.config.console_level)
        self._console_handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))

    def start(self, crawlers: Mapping[str, Crawler]) -> None:
        """Route the log (the crawler process has configured logging by now) and start the view."""
        logging.root.setLevel(logging.NOTSET)  # as Scrapy's own root handler does: the handlers filter
        logging.root.addHandler(self.log.handler())
        logging.root.addHandler(self._console_handler)
        log_scrapy_info(self.settings)  # logged once already, before there was a handler to take it
        if self.view is not None:
            self.view.start(crawlers)

    def stop(self) -> None:
        if self.view is not None:
            self.view.stop()

    def __enter__(self) -> CrawlConsole:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
        self.log_key = self.log.finish()
