"""Log hygiene: a network failure is one line, not a traceback.

Scrapy's RobotsTxtMiddleware logs a failed robots.txt download with the whole traceback; for an
unreachable outlet that buries the one line that matters. This filter keeps the message and
drops the traceback when the exception is an ordinary network or download error.
"""

from __future__ import annotations

import logging

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
