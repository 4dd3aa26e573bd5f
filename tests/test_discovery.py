"""Discovery and politeness on the demo world's listing-only and hard outlets, and through WordPress REST."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from crawler.demo import DemoServer, DemoWorld, demo_catalog_entries
from tests.support.crawls import KHABAR, article_records, crawl_log, run, warc_records


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("discovery")
    world = DemoWorld()
    with DemoServer(world) as server:
        entries = demo_catalog_entries(server)
        wp = next(e for e in entries if e["id"] == "demo-wp")
        rest_only = {**wp, "id": "demo-wp-rest", "feeds": [], "sitemaps": [], "wp_json": True}
        modes = [{**wp, "id": f"demo-wp-{mode}", "discovery": [mode]} for mode in ("sitemaps", "feeds", "listings")]
        catalog = tmp / "catalog.yaml"
        catalog.write_text(yaml.safe_dump([*entries, rest_only, *modes], allow_unicode=True))
        yield world, server, catalog, tmp


def _crawl(demo: Any, outlet: str, *extra: str) -> tuple[Path, Any, list[Any]]:
    world, server, catalog, tmp = demo
    store = tmp / f"store-{outlet}"
    start = len(server.wire_log)
    result = run([*KHABAR, "crawl", outlet, "--catalog-extra", str(catalog), "--store", str(store), *extra])
    return store, result, server.wire_log[start:]


@pytest.fixture(scope="module")
def listing(demo: Any) -> tuple[Path, Any, list[Any]]:
    return _crawl(demo, "demo-listing")


@pytest.fixture(scope="module")
def hard(demo: Any) -> tuple[Path, Any, list[Any]]:
    return _crawl(demo, "demo-hard")


def test_a_listing_only_outlet_is_crawled_through_its_listing_pages(demo: Any, listing: Any) -> None:
    world, server, _, _ = demo
    store, result, _ = listing
    assert result.returncode == 0, result.stderr[-3000:]
    recorded = {r["url"] for r in article_records(store)}
    assert recorded == world.expected_article_urls("demo-listing")


def test_tag_author_search_and_about_pages_are_archived_but_never_recorded(demo: Any, listing: Any) -> None:
    store, result, log = listing
    recorded_paths = {urlsplit(r["url"]).path for r in article_records(store)}
    fetched = {urlsplit(e.path).path for e in log if e.status == 200}
    not_articles = {p for p in fetched if p.startswith(("/tag/", "/auteur/", "/recherche/", "/a-propos/"))}
    assert not_articles, "listing discovery should meet tag/author pages"
    assert not (not_articles & recorded_paths)


def test_the_wordpress_rest_api_alone_finds_every_article(demo: Any) -> None:
    world, server, _, _ = demo
    store, result, log = _crawl(demo, "demo-wp-rest")
    assert result.returncode == 0, result.stderr[-3000:]
    assert {r["url"] for r in article_records(store)} == world.article_urls("demo-wp")
    assert any(e.path.startswith("/wp-json/wp/v2/posts?") for e in log)


def test_robots_disallowed_urls_are_never_requested(demo: Any, hard: Any) -> None:
    world, server, _, _ = demo
    _, result, log = hard
    requested = {server.base_url("demo-hard").rstrip("/") + e.path for e in log}
    disallowed = world.disallowed_urls("demo-hard")
    assert disallowed and not (requested & disallowed)


def test_a_redirect_loop_is_counted_in_the_run_report_and_said_once(demo: Any, hard: Any) -> None:
    import json

    world, _, _, _ = demo
    store, result, _ = hard
    loop = world.special_urls("demo-hard")["redirect_loop_a"]
    report = json.loads(next((store / "runs").glob("*/demo-hard.json")).read_text())
    assert report["not_recorded"].get("redirect_loop") == 1, report["not_recorded"]
    said = [line for line in result.stderr.splitlines() if "WARNING" in line and "redirect_loop" in line]
    assert len(said) == 1 and loop in said[0], said


def test_a_later_run_obeys_the_robots_txt_it_kept_without_fetching_it_again(demo: Any, hard: Any) -> None:
    world, server, _, tmp = demo
    store, _, first = hard
    assert [e.path for e in first].count("/robots.txt") == 1
    store = Path(shutil.copytree(store, tmp / "store-demo-hard-again"))  # the module's other tests read the first
    start = len(server.wire_log)
    result = run([*KHABAR, "crawl", "demo-hard", "--catalog-extra", str(demo[2]), "--store", str(store), "--full"])
    assert result.returncode == 0, result.stderr[-3000:]
    again = [e for e in server.wire_log[start:] if e.outlet_id == "demo-hard"]
    requested = {server.base_url("demo-hard").rstrip("/") + e.path for e in again}
    assert "/robots.txt" not in {e.path for e in again} and len(again) > 20  # every article asked again, not robots
    assert not (requested & world.disallowed_urls("demo-hard"))
    assert "'khabar/robots/reused': 1" in crawl_log(store, result.stdout)


def test_a_429_is_retried_after_its_retry_after_and_then_recorded(demo: Any, hard: Any) -> None:
    world, server, _, _ = demo
    store, _, log = hard
    recorded = {r["url"] for r in article_records(store)}
    base = server.base_url("demo-hard").rstrip("/")
    captures: dict[str, list[tuple[str, int]]] = {}
    for _, record, _ in warc_records(store):
        if record.rec_type == "response":
            captures.setdefault(record.rec_headers.get_header("WARC-Target-URI"), []).append(
                (record.rec_headers.get_header("WARC-Date"), 0))
    for url in world.throttled_urls("demo-hard"):
        tries = [e for e in log if base + e.path == url]
        assert [e.status for e in tries] == [429, 200], url
        assert url in recorded
        first, second = sorted(date for date, _ in captures[url])  # both answers are archived
        waited = datetime.fromisoformat(second.replace("Z", "+00:00")) - datetime.fromisoformat(first.replace("Z", "+00:00"))
        assert waited.total_seconds() >= 1.0  # Retry-After: 1


def test_bot_walls_never_become_records_and_are_counted(demo: Any, hard: Any) -> None:
    world, _, _, _ = demo
    store, result, _ = hard
    walls = world.bot_wall_urls("demo-hard")
    assert walls and not (walls & {r["url"] for r in article_records(store)})
    archived = {r.rec_headers.get_header("WARC-Target-URI") for _, r, _ in warc_records(store) if r.rec_type == "response"}
    assert walls <= archived  # kept in the WARC all the same
    assert "bot walls" in result.stdout or "BLOCKED" in result.stdout
    said = {url for url in walls for line in crawl_log(store).splitlines()
            if f"not recorded as an article: {url} (bot_wall" in line}
    assert said == walls  # every one, not only the first the detector warns about
    report = json.loads(next((store / "runs").glob("*/demo-hard.json")).read_text())
    assert report["not_recorded"].get("bot_wall") == len(walls)


def test_the_hard_outlet_records_exactly_its_expected_articles_the_javascript_one_rendered(demo: Any, hard: Any) -> None:
    world, _, _, _ = demo
    store, result, _ = hard
    assert result.returncode == 0, result.stderr[-3000:]
    records = article_records(store)
    assert {r["url"] for r in records} == world.expected_article_urls("demo-hard")
    rendered = {r["url"] for r in records if r["extraction"]["rendered_by"]}
    assert rendered == world.role_urls("demo-hard", "js_rendered")


def test_malformed_sources_a_redirect_loop_and_an_oversized_page_are_logged_not_fatal(demo: Any, hard: Any) -> None:
    world, _, _, _ = demo
    _, result, _ = hard
    special = world.special_urls("demo-hard")
    assert f"malformed sitemap {special['malformed_sitemap']}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("mode", ["sitemaps", "feeds", "listings"])
def test_each_discovery_source_alone_yields_its_own_exact_url_set(mode: str, demo: Any) -> None:
    world, server, _, _ = demo
    store, result, log = _crawl(demo, f"demo-wp-{mode}")
    assert result.returncode == 0, result.stderr[-3000:]
    recorded = {r["url"] for r in article_records(store)}
    if mode == "feeds":  # the RSS feed carries the 15 newest posts only
        newest = sorted(world.articles("demo-wp"), key=lambda a: a.published, reverse=True)[:15]
        assert recorded == {a.url(server.base_url("demo-wp")) for a in newest}
    else:
        assert recorded == world.article_urls("demo-wp")
    paths = {e.path.split("?")[0] for e in log}
    assert ("/wp-json/wp/v2/posts" in paths) is False  # only the source asked for
    assert ("/feed/" in paths) is (mode == "feeds")


def test_max_articles_bounds_a_run(demo: Any) -> None:
    store, result, log = _crawl(demo, "demo-cms", "--max-articles", "5")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(article_records(store)) == 5
    assert sum(1 for e in log if e.path.startswith("/article/")) == 5
