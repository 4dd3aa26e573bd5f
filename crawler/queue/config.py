"""The queue's settings, read once (``KHABAR_QUEUE_*``)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from crawler.errors import ConfigInvalid, QueueUnavailable


@dataclass(frozen=True, slots=True)
class QueueConfig:
    url: str
    visibility_timeout: float
    """Seconds before a job taken but never acknowledged (its worker died) is given to another worker."""
    lease: float
    """Seconds an outlet's lock lives without renewal; the holder renews it every third of that."""
    busy_retry: float
    """Seconds a job whose outlet is being crawled waits before it tries again."""
    keep_jobs: int = 50
    """Finished and failed job records kept per outlet in Redis; older ones are pruned when a job ends."""

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> QueueConfig:
        url = str(settings.get("KHABAR_QUEUE_URL") or "")
        if not url:
            raise ConfigInvalid("KHABAR_QUEUE_URL is empty; set it to the queue's Redis, e.g. redis://host:6379/0")
        if urlsplit(url).scheme not in ("redis", "rediss"):
            raise QueueUnavailable(f"KHABAR_QUEUE_URL {redacted(url)!r} is not a redis:// URL; "
                                   "set it to the queue's Redis, e.g. redis://host:6379/0")
        config = cls(url=url, visibility_timeout=settings.getfloat("KHABAR_QUEUE_VISIBILITY_TIMEOUT"),
                     lease=settings.getfloat("KHABAR_QUEUE_LEASE"),
                     busy_retry=settings.getfloat("KHABAR_QUEUE_BUSY_RETRY"),
                     keep_jobs=settings.getint("KHABAR_QUEUE_KEEP_JOBS"))
        if config.lease < 1 or config.busy_retry < 0 or config.visibility_timeout < config.lease:
            raise ConfigInvalid("KHABAR_QUEUE_LEASE must be at least 1 s, KHABAR_QUEUE_BUSY_RETRY at least 0 and "
                                "KHABAR_QUEUE_VISIBILITY_TIMEOUT at least the lease")
        if config.keep_jobs < 1:
            raise ConfigInvalid(f"KHABAR_QUEUE_KEEP_JOBS is {config.keep_jobs}; set it to at least 1 (the finished "
                                "and failed jobs kept per outlet for khabar status; default 50)")
        return config

    @property
    def shown_url(self) -> str:
        return redacted(self.url)


def queue_enabled(settings: BaseSettings) -> bool:
    return bool(settings.get("KHABAR_QUEUE_URL"))


def redacted(url: str) -> str:
    """``url`` without its password (``redis://:secret@host`` → ``redis://:***@host``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    return parts._replace(netloc=f"{user}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")).geturl()
