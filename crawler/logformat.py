"""Log lines about items that name the article, not dump it (a record holds its whole text)."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter


def _short(item: Any) -> str:
    url = getattr(item, "url", None)
    return f"{url} (record {getattr(item, 'id', '?')})" if url else type(item).__name__


class KhabarLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> Any:
        level = getattr(exception, "log_level", None) or logging.INFO
        return {"level": getattr(logging, level) if isinstance(level, str) else level,
                "msg": "Dropped: %(exception)s [%(item)s]", "args": {"exception": exception, "item": _short(item)}}

    def scraped(self, item: Any, response: Any, spider: Any) -> Any:
        return {"level": logging.DEBUG, "msg": "Recorded %(item)s", "args": {"item": _short(item)}}
