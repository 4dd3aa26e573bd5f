"""A crawl's log: items named by URL, never dumped whole; a network failure is one line, not a traceback.

``KhabarLogFormatter`` (Scrapy's LOG_FORMATTER) names an article record by its URL and id instead of
dumping it (a record holds its whole text). ``NetworkErrorsWithoutTraceback`` keeps the message and
drops the traceback of an ordinary network error that Scrapy's RobotsTxtMiddleware would log whole,
which for an unreachable outlet buries the one line that matters; ``install()`` puts it in place.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.logformatter import LogFormatter


def _short(item: Any) -> str:
    url = getattr(item, "url", None)
    return f"{url} (record {getattr(item, 'id', '?')})" if url else type(item).__name__


class KhabarLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Spider) -> Any:
        level = getattr(exception, "log_level", None) or logging.INFO
        return {"level": getattr(logging, level) if isinstance(level, str) else level,
                "msg": "Dropped: %(exception)s [%(item)s]", "args": {"exception": exception, "item": _short(item)}}

    def scraped(self, item: Any, response: Any, spider: Spider) -> Any:
        return {"level": logging.DEBUG, "msg": "Recorded %(item)s", "args": {"item": _short(item)}}

_NETWORK_MODULES = ("twisted.internet.error", "twisted.web._newclient", "scrapy.exceptions", "builtins")


class NetworkErrorsWithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            module = type(record.exc_info[1]).__module__
            if module.startswith(_NETWORK_MODULES) and isinstance(record.exc_info[1], Exception):
                record.exc_info, record.exc_text = None, None
        return True


def install() -> None:
    logger = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
    if not any(isinstance(f, NetworkErrorsWithoutTraceback) for f in logger.filters):
        logger.addFilter(NetworkErrorsWithoutTraceback())
