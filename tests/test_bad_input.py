"""Bad input never stops a crawl and never loses a capture; errors say what to do next."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.crawls import KHABAR, article_records, crawl_log, run, warc_records
from tests.support.hostile import HostileOutlet

UNREACHABLE = {"id": "unreachable", "name": "Unreachable", "group": "demo", "country": "ML", "languages": ["fr"],
               "homepage": "http://127.0.0.1:9/", "sitemaps": [{"url": "http://127.0.0.1:9/sitemap.xml"}],
               "crawl": {"delay": 0}}


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("hostile")
    with HostileOutlet() as outlet:
        catalog = tmp / "catalog.yaml"
        catalog.write_text(yaml.safe_dump([outlet.catalog_entry(), UNREACHABLE]))
        result = run([*KHABAR, "crawl", "unreachable", "hostile", "--catalog-extra", str(catalog),
                      "--store", str(tmp / "store"), "-s", "RETRY_TIMES=0"])
    return outlet, tmp / "store", result


def test_an_unreachable_outlet_gets_one_clear_error_and_a_nonzero_exit_while_others_go_on(hostile_crawl: Any) -> None:
    _, store, result = hostile_crawl
    assert result.returncode == 3, result.stderr[-3000:]
    errors = [line for line in result.stderr.splitlines() if "outlet unreachable: nothing could be fetched" in line]
    assert len(errors) == 1 and "127.0.0.1:9/sitemap.xml" in errors[0] and "other outlets went on" in errors[0]
    assert "outlets crawled    1 of 2 (nothing fetched from: unreachable)" in result.stdout
    report = json.loads(next((store / "runs").glob("*/unreachable.json")).read_text())
    assert report["pages_fetched"] == 0 and report["warnings"]


def test_every_bad_page_is_archived_even_when_it_is_not_an_article(hostile_crawl: Any) -> None:
    outlet, store, _ = hostile_crawl
    archived = {r.rec_headers.get_header("WARC-Target-URI") for _, r, _ in warc_records(store) if r.rec_type == "response"}
    for path in ("/ok", "/empty", "/broken", "/wrong-charset", "/binary", "/missing", "/feed.xml", "/bad-sitemap.xml"):
        assert outlet.base_url + path in archived, path


def test_only_pages_with_article_text_become_records_and_a_wrong_charset_is_repaired(hostile_crawl: Any) -> None:
    outlet, store, _ = hostile_crawl
    records = {r["url"].removeprefix(outlet.base_url): r for r in article_records(store)}
    assert sorted(records) == ["/broken", "/ok", "/wrong-charset"]
    assert records["/wrong-charset"]["title"] == "Récolte à Mopti"
    assert "\ufffd" not in records["/wrong-charset"]["text"] and "coopérative de Ségou" in records["/wrong-charset"]["text"]
    assert records["/broken"]["title"] == "Une page cassée"


def test_pages_not_recorded_are_logged_with_their_reason(hostile_crawl: Any) -> None:
    outlet, store, _ = hostile_crawl
    logged = [line for line in crawl_log(store).splitlines() if "not recorded as an article" in line]
    assert any(f"{outlet.base_url}/empty (empty_body" in line for line in logged)
    assert any(line.startswith(f"{outlet.base_url}/binary") or f"{outlet.base_url}/binary (" in line for line in logged)
    assert all("its WARC capture is kept" in line for line in logged)


def test_malformed_sitemaps_and_feeds_are_reported_not_fatal(hostile_crawl: Any) -> None:
    outlet, _, result = hostile_crawl
    assert f"outlet hostile: malformed sitemap {outlet.base_url}/bad-sitemap.xml: root element is <html>" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_outlet_is_a_usage_error_with_a_hint(tmp_path: Path) -> None:
    result = run([*KHABAR, "crawl", "lefaso.net", "--store", str(tmp_path)])
    assert result.returncode == 2
    assert "Error: no outlet 'lefaso.net' in the catalog. Did you mean: lefaso?" in result.stderr
    assert "Try 'khabar crawl --help'." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_store_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run([*KHABAR, "crawl", "lefaso", "--store", str(blocker / "archive")])
    assert result.returncode == 1
    assert f"Error: cannot create the store folder {blocker / 'archive'}" in result.stderr
    assert "Pass --store with a folder you can write to." in result.stderr
