"""khabar discover: the catalog entry it prints names the sources each demo outlet really has."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from crawler.catalog import parse_outlet
from crawler.demo import DemoServer, DemoWorld
from tests.support.crawls import KHABAR, article_records, run

EXPECTED = {  # outlet -> (feeds, sitemaps with their kind, wp_json, listing pagination)
    "demo-wp": ({"feed/": "rss"}, {"wp-sitemap.xml": "index"}, True, "/page/N/"),
    "demo-cms": ({}, {"sitemap_index.xml": "index", "sitemap-news.xml.gz": "news"}, False, "/?page=N"),
    "demo-bilingue": ({"feed.atom": "atom"}, {"sitemap.xml": "index"}, False, None),
    "demo-listing": ({}, {}, False, "/actualites/page/N/"),
}


@pytest.fixture(scope="module")
def server() -> Any:
    with DemoServer(DemoWorld()) as running:
        yield running


@pytest.mark.parametrize("outlet", sorted(EXPECTED))
def test_discover_prints_the_sources_the_outlet_really_has(outlet: str, server: DemoServer) -> None:
    base = server.base_url(outlet)
    result = run([*KHABAR, "discover", base, "--id", outlet, "--country", "ML"])
    [entry] = yaml.safe_load(result.stdout)
    feeds, sitemaps, wp_json, pagination = EXPECTED[outlet]
    assert {f["url"].removeprefix(base): f["kind"] for f in entry["feeds"]} == feeds
    assert {s["url"].removeprefix(base): s["kind"] for s in entry["sitemaps"]} == sitemaps
    assert entry["wp_json"] is wp_json and entry["listing_pagination"] == pagination
    assert parse_outlet(entry).id == outlet  # ready to paste: it validates
    assert "#   found:  home page" in result.stdout
    assert result.returncode == 0


def test_discover_of_an_unreachable_site_says_what_failed() -> None:
    result = run([*KHABAR, "discover", "http://127.0.0.1:9/"])
    assert result.returncode == 3
    assert "#   failed: home page http://127.0.0.1:9/: unreachable" in result.stdout


def test_crawl_of_a_url_not_in_the_catalog_discovers_and_crawls_it(server: DemoServer, tmp_path: Any) -> None:
    base = server.base_url("demo-bilingue")
    result = run([*KHABAR, "crawl", base, "--store", str(tmp_path)])
    assert result.returncode == 0, result.stderr[-3000:]
    recorded = {r["url"] for r in article_records(tmp_path)}
    assert recorded == DemoWorld().article_urls("demo-bilingue", base)
    assert {r["outlet"] for r in article_records(tmp_path)} == {"127-0-0-13"}
