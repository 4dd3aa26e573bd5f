"""The payload-digest index behind revisit records.

A response whose payload digest equals one already archived for the same URL is written as a
WARC/1.1 ``revisit`` record (identical-payload-digest profile) that refers to the first capture.
Captures enter the index only once their WARC file is closed (or recovered after a kill), so a
revisit never refers to a record that might not exist.

    KHABAR_DEDUP_URI   ("")   empty: SQLite at <store>/state/dedup.sqlite; or redis://host:port/db
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from crawler.errors import ConfigInvalid, StoreUnavailable
from crawler.storage.state_db import connect_state


@dataclass(frozen=True, slots=True)
class Capture:
    """The first archived capture of a payload at a URL."""

    url: str
    digest: str
    record_id: str
    date: str
    path: str
    offset: int
    length: int


class DedupIndex(Protocol):
    def lookup(self, url: str, digest: str) -> Capture | None: ...

    def add(self, captures: Iterable[Capture]) -> None: ...

    def close(self) -> None: ...


class SqliteDedupIndex:
    """One SQLite file (WAL mode), first capture wins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = connect_state(path, timeout=5.0, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS captures (url TEXT NOT NULL, digest TEXT NOT NULL, "
                         "record_id TEXT NOT NULL, date TEXT NOT NULL, path TEXT NOT NULL, offset INTEGER NOT NULL, "
                         "length INTEGER NOT NULL, PRIMARY KEY (url, digest))")

    def lookup(self, url: str, digest: str) -> Capture | None:
        row = self._db.execute("SELECT url, digest, record_id, date, path, offset, length FROM captures "
                               "WHERE url = ? AND digest = ?", (url, digest)).fetchone()
        return Capture(*row) if row else None

    def add(self, captures: Iterable[Capture]) -> None:
        rows = ((c.url, c.digest, c.record_id, c.date, c.path, c.offset, c.length) for c in captures)  # streamed
        with self._db:
            self._db.executemany("INSERT OR IGNORE INTO captures VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()


class RedisDedupIndex:
    """The same index in Redis, for several machines sharing a crawl: one key per (URL, digest)."""

    def __init__(self, uri: str) -> None:
        import redis

        self.uri = uri
        self._redis = redis.Redis.from_url(uri, socket_timeout=10, socket_connect_timeout=5)
        try:
            self._redis.ping()
        except redis.RedisError as exc:
            raise StoreUnavailable(f"cannot reach the dedup index at {_safe(uri)}: {exc}. "
                                   "Start Redis or fix KHABAR_DEDUP_URI (empty = SQLite in the store).") from exc

    @staticmethod
    def _key(url: str, digest: str) -> str:
        return "khabar:dedup:" + hashlib.sha1(f"{url} {digest}".encode()).hexdigest()

    def lookup(self, url: str, digest: str) -> Capture | None:
        raw: Any = self._redis.get(self._key(url, digest))
        return Capture(**json.loads(raw)) if raw else None

    def add(self, captures: Iterable[Capture]) -> None:
        pipe = self._redis.pipeline(transaction=False)
        for capture in captures:
            pipe.set(self._key(capture.url, capture.digest), json.dumps(asdict(capture)), nx=True)
        pipe.execute()

    def close(self) -> None:
        self._redis.close()


def _safe(uri: str) -> str:
    """A Redis URI without its password."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(uri)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def open_dedup_index(uri: str, sqlite_path: Path) -> DedupIndex:
    """The index ``KHABAR_DEDUP_URI`` names: empty for SQLite at ``sqlite_path`` (``layout.dedup_db``), or Redis."""
    if not uri:
        return SqliteDedupIndex(sqlite_path)
    if uri.startswith(("redis://", "rediss://", "unix://")):
        return RedisDedupIndex(uri)
    raise ConfigInvalid(f"KHABAR_DEDUP_URI={_safe(uri)!r} is not supported; leave it empty (SQLite in the store) "
                        "or use redis://host:port/db")
