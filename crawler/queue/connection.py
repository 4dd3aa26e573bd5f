"""The queue's Redis client, checked before use: an unreachable Redis is one clear error, never a traceback."""

from __future__ import annotations

import redis

from crawler.errors import QueueUnavailable
from crawler.queue.config import QueueConfig

_TIMEOUT = 5.0  # seconds to connect and to answer a command


def redis_client(config: QueueConfig) -> redis.Redis:
    """A client for the queue's Redis that answered PING, or ``QueueUnavailable`` naming the URL and what to do."""
    client = redis.Redis.from_url(config.url, socket_connect_timeout=_TIMEOUT, socket_timeout=_TIMEOUT,
                                  decode_responses=True, health_check_interval=30)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise unreachable(config, exc) from None
    return client


def unreachable(config: QueueConfig, exc: redis.RedisError) -> QueueUnavailable:
    """The error for a queue's Redis that failed: its URL without password, what failed, what to do."""
    return QueueUnavailable(
        f"cannot reach the queue's Redis at {config.shown_url} (KHABAR_QUEUE_URL): {_reason(exc)}. "
        "Start redis-server there (or fix KHABAR_QUEUE_URL), then run the command again; "
        "without KHABAR_QUEUE_URL, khabar crawl runs on this machine alone.")


def _reason(exc: redis.RedisError) -> str:
    text = str(exc).strip().rstrip(".") or type(exc).__name__
    return text.replace("\n", " ")[:200]
