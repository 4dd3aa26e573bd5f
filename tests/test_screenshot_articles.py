"""KHABAR_SCREENSHOTS=articles: every recorded article has a PNG of its page, taken in Chromium, archived as a
``resource`` record Concurrent-To the response as served and named by the record; a screenshot that fails
still gives the record."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.errors import ConfigInvalid
from tests.support.browser import require_chromium
from tests.support.crawls import KHABAR, article_records, crawl_log, run, warc_records
from tests.support.demo_outlets import serve_demo_outlets

ARTICLES = 3


def _shots(store: Path) -> list[tuple[Any, bytes]]:
    return [(r, body) for _, r, body in warc_records(store)
            if r.rec_headers.get_header("WARC-Target-URI", "").startswith("urn:screenshot:")]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One small crawl with screenshots of every article, one where the browser never loads a page in time."""
    require_chromium()
    tmp = tmp_path_factory.mktemp("shots")
    with serve_demo_outlets(tmp / "demo.yaml") as demo:
        catalog = demo.catalog
        stores = {}
        for name, extra in (("shots", []), ("timeout", ["-s", "KHABAR_RENDER_TIMEOUT=0.001"])):
            stores[name] = tmp / name
            result = run([*KHABAR, "crawl", "demo-wp", "--catalog-extra", str(catalog), "--store", str(stores[name]),
                          "--max-articles", str(ARTICLES), "-s", "KHABAR_SCREENSHOTS=articles", *extra])
            assert result.returncode == 0, result.stderr[-3000:]
    return stores


def test_every_recorded_article_has_a_screenshot_of_its_served_page_linked_from_its_record(
        crawls: dict[str, Path]) -> None:
    from PIL import Image

    store = crawls["shots"]
    records = article_records(store)
    assert len(records) == ARTICLES
    by_id = {r.rec_headers.get_header("WARC-Record-ID"): (r, png) for r, png in _shots(store)}
    assert len(by_id) == ARTICLES  # one picture per article: none taken twice, none of other pages
    for record in records:
        shot, png = by_id[record["extraction"]["screenshot_record_id"]]
        assert shot.rec_type == "resource" and shot.rec_headers.get_header("Content-Type") == "image/png"
        assert shot.rec_headers.get_header("WARC-Target-URI") == f"urn:screenshot:{record['url']}"
        assert shot.rec_headers.get_header("WARC-Concurrent-To") == record["warc"]["record_id"]  # as served
        assert record["extraction"]["rendered_by"] is None  # the text is the served page's, not the browser's
        width, height = (int(n) for n in shot.rec_headers.get_header("WARC-Khabar-Viewport").split("x"))
        image = Image.open(io.BytesIO(png))
        image.load()
        assert image.format == "PNG" and image.width == width and height <= image.height <= 8000
        assert len(image.convert("L").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 2  # text, not a blank
    responses = [r for _, r, _ in warc_records(store) if r.rec_type == "response"]
    assert not any(r.rec_headers.get_header("WARC-Khabar-Reconstructed") == "browser" for r in responses)
    assert not any(r.rec_type == "conversion" for _, r, _ in warc_records(store))  # a picture only, no render


def test_the_archive_with_article_screenshots_verifies(crawls: dict[str, Path]) -> None:
    verify = run([*KHABAR, "verify", str(crawls["shots"])])
    assert verify.returncode == 0, verify.stdout[-2000:] + verify.stderr[-2000:]
    assert "record → screenshot links" in verify.stdout


def test_a_page_the_browser_cannot_load_in_time_is_recorded_without_a_screenshot(crawls: dict[str, Path]) -> None:
    store = crawls["timeout"]
    records = article_records(store)
    assert len(records) == ARTICLES
    assert all(r["extraction"]["screenshot_record_id"] is None for r in records)
    assert _shots(store) == []
    logged = crawl_log(store)
    for record in records:
        assert f"could not load {record['url']} in the browser for its screenshot" in logged
    assert f"'khabar/screenshots/failed': {ARTICLES}" in logged
    verify = run([*KHABAR, "verify", str(store)])
    assert verify.returncode == 0, verify.stdout[-2000:] + verify.stderr[-2000:]


def test_article_screenshots_without_a_browser_are_refused_with_what_to_set(tmp_path: Path) -> None:
    from scrapy.settings import Settings

    from crawler.render.screenshot import screenshot_mode

    with pytest.raises(ConfigInvalid, match=r"KHABAR_SCREENSHOTS=articles takes its pictures in Chromium, but "
                                            r"KHABAR_RENDER_JS='off' gives none; .* -s KHABAR_RENDER_JS="):
        screenshot_mode(Settings({"KHABAR_SCREENSHOTS": "articles", "KHABAR_RENDER_JS": "off"}))
    assert screenshot_mode(Settings({"KHABAR_SCREENSHOTS": "Articles", "KHABAR_RENDER_JS": "auto"})) == "articles"
    result = run([*KHABAR, "crawl", "lefaso", "--store", str(tmp_path / "store"),
                  "-s", "KHABAR_SCREENSHOTS=articles", "-s", "KHABAR_RENDER_JS=off"])
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Error: KHABAR_SCREENSHOTS=articles takes its pictures in Chromium" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_rendered_in_the_browser_keeps_its_render_screenshot_and_is_not_loaded_again(tmp_path: Path) -> None:
    import yaml

    from tests.support.spa import SinglePageOutlet

    with SinglePageOutlet() as outlet:
        catalog = tmp_path / "spa.yaml"
        catalog.write_text(yaml.safe_dump([outlet.catalog_entry()], allow_unicode=True))
        result = run([*KHABAR, "crawl", "spa", "--catalog-extra", str(catalog), "--store", str(tmp_path / "store"),
                      "-s", "KHABAR_RENDER_SETTLE=1", "-s", "KHABAR_SCREENSHOTS=articles"])
    assert result.returncode == 0, result.stderr[-3000:]
    (record,) = article_records(tmp_path / "store")
    assert record["extraction"]["rendered_by"] == "chromium"
    (shot, _), = _shots(tmp_path / "store")  # the render's picture, not a second one
    assert shot.rec_headers.get_header("WARC-Record-ID") == record["extraction"]["screenshot_record_id"]
    assert shot.rec_headers.get_header("WARC-Concurrent-To") == record["warc"]["record_id"]
    assert "could not load" not in crawl_log(tmp_path / "store")


def test_a_kill_while_the_screenshots_are_pending_loses_no_record(tmp_path: Path) -> None:
    """The records wait for their pictures: a crawl killed then has archived pages it never recorded. The next
    run's recovery records them from their WARC capture (without a screenshot); nothing is lost."""
    import os
    import signal
    import subprocess
    import time
    from collections import Counter

    from tests.support.crawls import ROOT

    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog) as demo:
        cmd = [*KHABAR, "crawl", "demo-wp", "--catalog-extra", str(catalog), "--store", str(store),
               "--max-articles", str(ARTICLES), "-s", "KHABAR_SCREENSHOTS=articles"]
        with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True) as process:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not any(n > 1 for n in Counter(e.path for e in demo.server.wire_log).values()):
                time.sleep(0.01)  # a page asked for twice: the browser is loading it for its picture
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        twice = {path for path, n in Counter(e.path for e in demo.server.wire_log).items() if n > 1}
        assert twice, "the crawl never asked the browser for a picture"
        result = run(cmd)
        assert result.returncode == 0, result.stderr[-3000:]
    pictured = {url for _, r, _ in warc_records(store) if r.rec_type == "response"
                and urlsplit(url := r.rec_headers.get_header("WARC-Target-URI")).path in twice}
    urls = [r["url"] for r in article_records(store)]
    assert pictured and pictured <= set(urls)
    assert len(urls) == len(set(urls))  # recovered, so not owed any more: not fetched and recorded a second time
    assert "articles that a stopped crawl had archived but not recorded" in crawl_log(store)
    verify = run([*KHABAR, "verify", str(store)])
    assert verify.returncode == 0, verify.stdout[-2000:] + verify.stderr[-2000:]
