"""What Khabar knows of each outlet's URLs between runs, so a run fetches only what is new or moved.

One SQLite file per store (``<store>/state/crawl.sqlite``), one row per (outlet, URL): the
newest ``lastmod`` the outlet announced for it (a sitemap's lastmod, a feed's date), the validators it answered with
(ETag, Last-Modified), the HTTP status and when, by our clock and by the server's (its ``Date`` header), and whether
it is an article page (else a discovery document), and whether a browser render it asked for is still owed.

A URL already fetched is fetched again only when an announced ``lastmod`` is later than what the copy we hold
is known to cover: the newest ``lastmod`` announced before, and the moment the server served it (its ``Date``,
else its ``Last-Modified``). Comparing with the server's own clock, never ours, keeps a page fetched at 10:05 from
being refetched because a sitemap read later says "modified 10:00", which a run killed before reading that sitemap
would otherwise do on resume. Refetches are conditional (``If-None-Match``/``If-Modified-Since``). A run can ask for
everything again (``KHABAR_INCREMENTAL = False``). Discovery documents (sitemaps, feeds, REST pages)
are always fetched, conditionally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from crawler.storage.state_db import connect_state


@dataclass(frozen=True, slots=True)
class UrlState:
    url: str
    lastmod: str | None
    etag: str | None
    last_modified: str | None
    status: int
    fetched_at: str
    served_at: str | None = None  # the server's Date when it served (or confirmed, by a 304) the copy we hold
    render_pending: bool = False
    """The copy we hold asked for a browser render that was never archived (a kill, a full disk, a browser that
    failed): it is fetched again, and decided again, until its render is archived."""

    def covers(self) -> str | None:
        """The latest moment (UTC, ISO 8601) the copy we hold is known to be current for."""
        served = self.served_at or normal_lastmod(self.last_modified)
        return max(filter(None, (self.lastmod, served)), default=None)


def lastmod_instant(value: str | None) -> datetime | None:
    """An announced lastmod (ISO 8601, or an RSS date in RFC 822) as a UTC instant; None when unreadable.

    A date without a time zone is taken as UTC.
    """
    if not value:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None  # unreadable: as if no date had been announced
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def normal_lastmod(value: str | None) -> str | None:
    """A lastmod as a comparable UTC instant (ISO 8601); None when it cannot be parsed."""
    moment = lastmod_instant(value)
    return moment.isoformat() if moment else None


class CrawlState:
    def __init__(self, path: Path, outlet: str) -> None:
        self.outlet = outlet
        self._db = connect_state(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS urls (outlet TEXT NOT NULL, url TEXT NOT NULL, lastmod TEXT, "
                         "etag TEXT, last_modified TEXT, status INTEGER NOT NULL, fetched_at TEXT NOT NULL, "
                         "served_at TEXT, article INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (outlet, url))")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(urls)")}
        if "served_at" not in columns:  # a state file from before served_at was kept
            self._db.execute("ALTER TABLE urls ADD COLUMN served_at TEXT")
        if "article" not in columns:  # from before articles were told apart: counted again once fetched again
            self._db.execute("ALTER TABLE urls ADD COLUMN article INTEGER NOT NULL DEFAULT 0")
        if "render_pending" not in columns:
            self._db.execute("ALTER TABLE urls ADD COLUMN render_pending INTEGER NOT NULL DEFAULT 0")
        self._db.execute("CREATE TABLE IF NOT EXISTS marks (outlet TEXT NOT NULL, name TEXT NOT NULL, value TEXT, "
                         "PRIMARY KEY (outlet, name))")

    def get(self, url: str) -> UrlState | None:
        row = self._db.execute("SELECT url, lastmod, etag, last_modified, status, fetched_at, served_at, render_pending "
                               "FROM urls WHERE outlet = ? AND url = ?", (self.outlet, url)).fetchone()
        if row is None:
            return None
        url, lastmod, etag, last_modified, status, fetched_at, served_at, pending = row
        return UrlState(url, lastmod, etag, last_modified, status, fetched_at, served_at, bool(pending))

    def needs_fetch(self, url: str, lastmod: str | None) -> tuple[bool, UrlState | None]:
        """Whether to fetch a discovered URL, and what was known of it (for conditional headers)."""
        known = self.get(url)
        if known is None or known.status >= 400 or known.render_pending:
            return True, known
        announced = normal_lastmod(lastmod)
        covered = known.covers()
        return bool(announced and (covered is None or announced > covered)), known

    def remember(self, url: str, status: int, lastmod: str | None, etag: str | None, last_modified: str | None,
                 served: str | None = None, *, article: bool = False) -> None:
        """Note a fetch: ``served`` is the response's ``Date`` header (a 304 confirms the copy as of then);
        ``article`` for an article page, not a discovery document. A render owed for the URL is settled."""
        known = self.get(url)
        if status == 304 and known is not None:  # not modified: keep the validators, note the announced lastmod
            etag, last_modified = etag or known.etag, last_modified or known.last_modified
        newest = max(filter(None, (normal_lastmod(lastmod), known.lastmod if known else None)), default=None)
        self._db.execute("INSERT OR REPLACE INTO urls (outlet, url, lastmod, etag, last_modified, status, fetched_at, "
                         "served_at, article) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            self.outlet, url, newest, etag, last_modified,
            200 if status == 304 else status, datetime.now(UTC).isoformat(timespec="seconds"), normal_lastmod(served),
            int(article)))

    def owe_render(self, url: str) -> None:
        """The copy of ``url`` just archived needs a browser render: until one is archived (``remember`` of the render
        clears this), later runs fetch the page again, whatever its lastmod says."""
        self._db.execute("UPDATE urls SET render_pending = 1 WHERE outlet = ? AND url = ?", (self.outlet, url))

    def settle_render(self, url: str) -> None:
        """The browser step owed for ``url`` is done (KHABAR_SCREENSHOTS=articles: its picture, taken or failed)."""
        self._db.execute("UPDATE urls SET render_pending = 0 WHERE outlet = ? AND url = ?", (self.outlet, url))

    def raise_lastmod(self, url: str, lastmod: str) -> None:
        """Note a later announced lastmod for a URL this run already fetched."""
        self._db.execute("UPDATE urls SET lastmod = ? WHERE outlet = ? AND url = ? AND (lastmod IS NULL OR lastmod < ?)",
                         (lastmod, self.outlet, url, lastmod))

    def mark(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM marks WHERE outlet = ? AND name = ?", (self.outlet, name)).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def set_mark(self, name: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO marks VALUES (?, ?, ?)", (self.outlet, name, value))

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM urls WHERE outlet = ?", (self.outlet,)).fetchone()[0])

    def archived_articles(self) -> int:
        """How many article URLs of the outlet were fetched with success (2xx, or 304 on a copy held)."""
        return int(self._db.execute("SELECT COUNT(*) FROM urls WHERE outlet = ? AND article = 1 AND status < 300",
                                    (self.outlet,)).fetchone()[0])

    def close(self) -> None:
        self._db.close()


def conditional_headers(known: UrlState | None) -> dict[str, str]:
    headers = {}
    if known is not None and known.etag:
        headers["If-None-Match"] = known.etag
    if known is not None and known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers
