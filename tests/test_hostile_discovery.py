"""Hostile sitemaps and feeds are refused or bounded, with an exact error and bounded memory."""

from __future__ import annotations

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


def test_an_external_entity_in_a_sitemap_is_never_resolved() -> None:
    sitemap, peak = _peak(lambda: parse_sitemap((DATA / "sitemap-xxe.xml").read_bytes(), 1000))
    assert [e.url for e in sitemap.entries][0] == "https://vigie.example/actualite/nation/1-article-ordinaire.html"
    assert not any("root:" in e.url for e in sitemap.entries)
    assert peak < 2 * MB


def test_an_entity_expansion_bomb_in_a_sitemap_is_refused_by_the_parser() -> None:
    sitemap, peak = _peak(lambda: parse_sitemap((DATA / "sitemap-billion-laughs.xml").read_bytes(), 1000))
    assert sitemap.entries == ()
    assert sitemap.damage == "line 1: Maximum entity amplification factor exceeded, see xmlCtxtSetMaxAmplification."
    assert peak < 5 * MB


@pytest.mark.parametrize("name", ["feed-xxe.xml", "feed-billion-laughs.xml"])
def test_entities_in_feeds_are_refused_and_the_entries_before_them_kept(name: str) -> None:
    (entries, problem), peak = _peak(lambda: parse_feed((DATA / name).read_bytes(), 1000))
    assert problem is not None and problem.startswith("SAXParseException: ") and problem.endswith("undefined entity")
    assert [e.url for e in entries] == ["https://vigie.example/actualite/nation/1-article-ordinaire.html"]
    assert not any("root:" in (e.title or "") for e in entries)
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
