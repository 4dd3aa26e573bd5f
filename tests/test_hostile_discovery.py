"""Hostile sitemaps and feeds are refused or bounded, with an exact error and bounded memory."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.hostile import gzip_bomb_sitemap, sitemap_with_urls
from crawler.discovery.feeds import parse_feed
from crawler.discovery.limits import TooLarge, gunzip_limited
from crawler.discovery.sitemaps import parse_sitemap

DATA = Path(__file__).parent / "data"
MB = 1024 * 1024


def _peak(func: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = func()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


ENTITY_NOTE = "the sitemap declares XML entities, which are never expanded; "


def _no_entity_in(urls: list[str]) -> bool:
    """No URL holds an expanded payload ("lollol", a passwd line) or an unexpanded ``&name;``."""
    return not any("lollol" in url or "root:" in url or re.search(r"&\w+;", url) for url in urls)


def test_an_external_entity_in_a_sitemap_is_never_resolved() -> None:
    sitemap, peak = _peak(lambda: parse_sitemap((DATA / "sitemap-xxe.xml").read_bytes(), 1000))
    assert [e.url for e in sitemap.entries] == ["https://vigie.example/actualite/nation/1-article-ordinaire.html"]
    assert sitemap.damage == ENTITY_NOTE + "entries kept: 1, dropped for using an entity: 1"
    assert peak < 2 * MB


def test_an_entity_expansion_bomb_in_a_sitemap_is_never_expanded() -> None:
    sitemap, peak = _peak(lambda: parse_sitemap((DATA / "sitemap-billion-laughs.xml").read_bytes(), 1000))
    urls = [e.url for e in sitemap.entries]
    assert _no_entity_in(urls) and all(url.startswith("https://vigie.example/") for url in urls)
    assert sitemap.damage is not None and sitemap.damage.startswith(ENTITY_NOTE + f"entries kept: {len(urls)}, ")
    assert peak < 5 * MB  # the bomb would expand to 3 GB


def test_a_sitemap_without_entities_has_no_damage_note() -> None:
    sitemap = parse_sitemap(sitemap_with_urls(count=3), 1000)
    assert len(sitemap.entries) == 3 and sitemap.damage is None


@pytest.mark.parametrize("name", ["feed-xxe.xml", "feed-billion-laughs.xml"])
def test_entities_in_feeds_are_refused_and_the_entries_before_them_kept(name: str) -> None:
    (entries, problem), peak = _peak(lambda: parse_feed((DATA / name).read_bytes(), 1000))
    assert problem is not None  # the feed is reported as malformed
    assert [e.url for e in entries] == ["https://vigie.example/actualite/nation/1-article-ordinaire.html"]
    assert not any("root:" in (e.title or "") or "lollol" in (e.title or "") for e in entries)
    assert peak < 5 * MB


def test_a_gzip_bomb_stops_at_the_size_limit_with_the_url_the_limit_and_the_setting() -> None:
    bomb = (DATA / "sitemap-gzip-bomb.xml.gz").read_bytes()
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as caught:
            gunzip_limited(bomb, 10 * MB, "sitemap https://vigie.example/sitemap.xml.gz")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(caught.value) == ("sitemap https://vigie.example/sitemap.xml.gz is larger than 10485760 bytes once "
                                 "decompressed; raise KHABAR_SITEMAP_MAX_SIZE if this outlet really publishes files that large")
    assert peak < 25 * MB  # never the 110 MiB the bomb expands to


def test_a_bomb_made_bigger_still_stops_at_the_limit() -> None:
    with pytest.raises(TooLarge):
        gunzip_limited(gzip_bomb_sitemap(), 1 * MB, "sitemap x")


def test_links_per_sitemap_are_capped_and_the_cap_is_reported() -> None:
    sitemap, peak = _peak(lambda: parse_sitemap(sitemap_with_urls(), 50_000))
    assert len(sitemap.entries) == 50_000 and sitemap.truncated
    assert peak < 60 * MB
