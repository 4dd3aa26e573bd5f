"""RetryAfterMiddleware: a 429 or 503 is retried after the delay the server asked for, within bounds.

Scrapy's RetryMiddleware retries these statuses at once, which is exactly what a rate-limited
server asked us not to do. This middleware sits before it (process_response at 560 runs before
RetryMiddleware's 550): it reads ``Retry-After`` (seconds or an HTTP date), waits that long (at
least ``KHABAR_RETRY_AFTER_MIN``, at most ``KHABAR_RETRY_AFTER_MAX``, doubling when the server
gives no value), and schedules the same request again, up to ``KHABAR_RETRY_AFTER_TIMES`` times.
The wait holds only that request, never the reactor. The 429/503 itself is archived in the WARC
like any response and never becomes an article record.

Settings:
    KHABAR_RETRY_AFTER_TIMES  (3)     retries per request
    KHABAR_RETRY_AFTER_MIN    (1.0)   seconds, also the first backoff when no Retry-After is given
    KHABAR_RETRY_AFTER_MAX    (120.0) seconds; a longer Retry-After is capped (and logged)
Per request: meta ``retry_after_times`` overrides the number of retries.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

STATUSES = (429, 503)


@dataclass(frozen=True, slots=True)
class RetryAfterConfig:
    times: int
    minimum: float
    maximum: float

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> RetryAfterConfig:
        return cls(settings.getint("KHABAR_RETRY_AFTER_TIMES", 3), settings.getfloat("KHABAR_RETRY_AFTER_MIN", 1.0),
                   settings.getfloat("KHABAR_RETRY_AFTER_MAX", 120.0))


def parse_retry_after(value: bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    def __init__(self, config: RetryAfterConfig, crawler: Crawler) -> None:
        self.config, self.crawler = config, crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(RetryAfterConfig.from_settings(crawler.settings), crawler)

    async def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Request | Response:
        if response.status not in STATUSES or request.meta.get("dont_retry"):
            return response
        if request.meta.get("khabar_botwall"):  # a challenge page will not go away by waiting
            request.meta["dont_retry"] = True
            return response
        tries = request.meta.get("retry_after_tries", 0)
        limit = request.meta.get("retry_after_times", self.config.times)
        stats = self.crawler.stats
        if tries >= limit:
            request.meta["dont_retry"] = True  # RetryMiddleware must not hammer it again at once
            stats.inc_value(f"khabar/retry_after/gave_up/{response.status}")
            logger.warning("gave up on %s after %d retries: still %d", request.url, tries, response.status)
            return response
        delay = self._delay(response, tries, request.url)
        stats.inc_value(f"khabar/retry_after/retried/{response.status}")
        logger.info("%s answered %d; retrying in %.1f s (try %d of %d)", request.url, response.status, delay, tries + 1, limit)
        await asyncio.sleep(delay)
        retry = request.replace(dont_filter=True, priority=request.priority - 1)
        retry.meta["retry_after_tries"] = tries + 1
        return retry

    def _delay(self, response: Response, tries: int, url: str) -> float:
        asked = parse_retry_after(response.headers.get(b"Retry-After"))
        delay = asked if asked is not None else self.config.minimum * (2 ** tries)
        if delay > self.config.maximum:
            logger.warning("%s asks to wait %.0f s; waiting KHABAR_RETRY_AFTER_MAX=%.0f s instead", url, delay,
                           self.config.maximum)
        return min(delay, self.config.maximum)
