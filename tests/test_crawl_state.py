"""What the per-outlet crawl state decides: which known URLs a later run fetches again."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.discovery.state import CrawlState, lastmod_instant

URL = "http://demo.example/article/1.html"


def _state(tmp_path: Path) -> CrawlState:
    return CrawlState(tmp_path / "crawl.sqlite", "demo")


def test_an_unknown_url_is_fetched_and_a_known_one_only_when_its_lastmod_moves(tmp_path: Path) -> None:
    state = _state(tmp_path)
    assert state.needs_fetch(URL, None) == (True, None)
    state.remember(URL, 200, "2026-11-20T08:00:00Z", '"v1"', None, "Fri, 20 Nov 2026 08:30:00 GMT")
    assert state.needs_fetch(URL, None)[0] is False
    assert state.needs_fetch(URL, "2026-11-20T08:00:00+00:00")[0] is False
    fetch, known = state.needs_fetch(URL, "2026-11-20T09:00:00Z")
    assert fetch is True and known is not None and known.etag == '"v1"'  # refetched conditionally


def test_a_lastmod_the_copy_already_covers_does_not_refetch(tmp_path: Path) -> None:
    """Fetched at 10:05 by the server's clock, announced later as modified at 10:00: what we hold is that version.

    This is what a crawl killed before it read the sitemap announcing 10:00 leaves behind for its resume.
    """
    state = _state(tmp_path)
    state.remember(URL, 200, "2026-11-20T08:00:00Z", None, None, "Fri, 20 Nov 2026 10:05:00 GMT")
    assert state.needs_fetch(URL, "2026-11-20T10:00:00Z")[0] is False
    assert state.needs_fetch(URL, "2026-11-20T10:06:00Z")[0] is True


def test_without_a_date_header_last_modified_says_what_the_copy_covers(tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.remember(URL, 200, None, None, "Fri, 20 Nov 2026 10:00:00 GMT", None)
    assert state.needs_fetch(URL, "2026-11-20T09:59:00Z")[0] is False
    assert state.needs_fetch(URL, "2026-11-20T10:01:00Z")[0] is True


def test_a_304_confirms_the_copy_as_of_its_date_and_keeps_the_validators(tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.remember(URL, 200, None, '"v1"', "Fri, 20 Nov 2026 08:00:00 GMT", "Fri, 20 Nov 2026 08:00:00 GMT")
    state.remember(URL, 304, "2026-11-21T07:00:00Z", None, None, "Sat, 21 Nov 2026 12:00:00 GMT")
    known = state.get(URL)
    assert known is not None and known.etag == '"v1"' and known.status == 200
    assert known.served_at == "2026-11-21T12:00:00+00:00"
    assert state.needs_fetch(URL, "2026-11-21T11:00:00Z")[0] is False


def test_a_failed_fetch_is_tried_again(tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.remember(URL, 503, None, None, None, "Fri, 20 Nov 2026 08:00:00 GMT")
    assert state.needs_fetch(URL, None)[0] is True


def test_a_page_whose_render_is_owed_is_fetched_again_until_the_render_is_archived(tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.remember(URL, 200, "2026-11-20T08:00:00Z", '"v1"', None, "Fri, 20 Nov 2026 08:30:00 GMT", article=True)
    state.owe_render(URL)
    fetch, known = state.needs_fetch(URL, None)
    assert fetch is True and known is not None and known.render_pending
    state.remember(URL, 200, None, '"v1"', None, "Fri, 20 Nov 2026 09:30:00 GMT", article=True)  # the render's
    assert state.needs_fetch(URL, None)[0] is False


def test_a_state_file_from_an_older_khabar_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "crawl.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE urls (outlet TEXT NOT NULL, url TEXT NOT NULL, lastmod TEXT, etag TEXT, "
                   "last_modified TEXT, status INTEGER NOT NULL, fetched_at TEXT NOT NULL, PRIMARY KEY (outlet, url))")
        db.execute("INSERT INTO urls VALUES ('demo', ?, '2026-11-20T08:00:00+00:00', '\"v1\"', NULL, 200, "
                   "'2026-11-20T08:01:00+00:00')", (URL,))
    db.close()
    state = CrawlState(path, "demo")
    known = state.get(URL)
    assert known is not None and known.etag == '"v1"' and known.served_at is None and not known.render_pending
    assert state.needs_fetch(URL, "2026-11-20T08:00:00Z")[0] is False
    assert state.needs_fetch(URL, "2026-11-20T09:00:00Z")[0] is True
    state.remember(URL, 304, None, None, None, "Fri, 20 Nov 2026 10:00:00 GMT")
    assert state.needs_fetch(URL, "2026-11-20T09:00:00Z")[0] is False


def test_a_kept_robots_txt_is_reused_for_a_day_then_fetched_again(tmp_path: Path) -> None:
    from crawler.politeness.robots_cache import RobotsCache

    cache = RobotsCache(tmp_path / "crawl.sqlite")
    cache.keep("demo.example:8080", 200, b"User-agent: *\nDisallow: /prive/\n", now=1000.0)
    assert cache.fresh("demo.example:8080", 86400, now=1000.0 + 86399) == (200, b"User-agent: *\nDisallow: /prive/\n")
    assert cache.fresh("demo.example:8080", 86400, now=1000.0 + 86401) is None
    assert cache.fresh("other.example", 86400, now=1001.0) is None


def test_archived_articles_counts_article_pages_fetched_with_success_not_discovery_documents(tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.remember(URL, 200, None, '"v1"', None, "Fri, 20 Nov 2026 08:30:00 GMT", article=True)
    state.remember("http://demo.example/article/2.html", 304, None, None, None, None, article=True)
    state.remember("http://demo.example/article/3.html", 404, None, None, None, None, article=True)
    state.remember("http://demo.example/sitemap.xml", 200, None, '"s1"', None)
    assert state.archived_articles() == 2
    assert CrawlState(tmp_path / "crawl.sqlite", "other").archived_articles() == 0


@pytest.mark.parametrize(("lastmod", "instant"), [
    ("2026-11-20T08:00:00Z", datetime(2026, 11, 20, 8, tzinfo=UTC)),
    ("2026-11-20T01:30:00-08:00", datetime(2026, 11, 20, 9, 30, tzinfo=UTC)),
    ("2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),           # no time zone: UTC
    ("Fri, 20 Nov 2026 08:30:00 GMT", datetime(2026, 11, 20, 8, 30, tzinfo=UTC)),   # RSS
    ("last tuesday", None),
    (None, None),
])
def test_announced_lastmods_are_read_as_utc_instants(lastmod: str | None, instant: datetime | None) -> None:
    assert lastmod_instant(lastmod) == instant
