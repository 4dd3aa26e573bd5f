"""Pages built by JavaScript: rendered in Chromium, archived (as served, what the scripts fetched, the
rendered page), recorded, and re-extracted from the WARC alone."""

from __future__ import annotations

import gzip
import html
import io
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.demo import DemoWorld
from crawler.errors import ConfigInvalid
from crawler.render.browser import find_browser
from crawler.render.detect import built_by_javascript
from tests.support.browser import require_chromium
from tests.support.crawls import KHABAR, article_records, crawl_log, run, warc_records
from tests.support.demo_outlets import serve_demo_outlets


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Any:
    require_chromium()
    tmp = tmp_path_factory.mktemp("render")
    world = DemoWorld()
    with serve_demo_outlets(tmp / "demo.yaml", world) as demo:
        catalog = demo.catalog
        results = {}
        for mode in ("auto", "off"):
            store = tmp / f"store-{mode}"
            result = run([*KHABAR, "crawl", "demo-hard", "--catalog-extra", str(catalog), "--store", str(store),
                          "-s", f"KHABAR_RENDER_JS={mode}"])
            assert result.returncode == 0, result.stderr[-3000:]
            results[mode] = (store, result)
        (url,) = world.role_urls("demo-hard", "js_rendered")
        yield world, url, results


def test_the_javascript_article_is_rendered_and_recorded_with_its_full_text(crawls: Any) -> None:
    world, url, results = crawls
    store, result = results["auto"]
    truth = world.article("demo-hard", urlsplit(url).path)
    (record,) = [r for r in article_records(store) if r["url"] == url]
    assert _spaces(record["text"]) == _spaces(" ".join(truth.paragraphs))
    assert record["title"] == truth.title and record["authors"] == list(truth.authors or truth.agencies)
    assert record["extraction"]["rendered_by"] == "chromium"
    assert all(r["extraction"]["rendered_by"] is None for r in article_records(store) if r["url"] != url)
    assert f"rendering {url} in the browser: a <noscript> block asks for JavaScript" in crawl_log(store)


def test_the_warc_keeps_the_page_as_served_what_its_script_fetched_and_the_rendered_page(crawls: Any) -> None:
    world, url, results = crawls
    store, _ = results["auto"]
    truth = world.article("demo-hard", urlsplit(url).path)
    (record,) = [r for r in article_records(store) if r["url"] == url]
    by_id = {r.rec_headers.get_header("WARC-Record-ID"): (r, body) for _, r, body in warc_records(store)}
    served, served_body = by_id[record["warc"]["record_id"]]
    assert served.rec_type == "response" and served.rec_headers.get_header("WARC-Khabar-Reconstructed") is None
    page = gzip.decompress(served_body.split(b"\r\n\r\n", 1)[1]).decode("utf-8")
    assert "<noscript>" in page and truth.paragraphs[0] not in page  # the shell, byte for byte as served

    conversion, dom = by_id[record["extraction"]["rendered_record_id"]]
    assert conversion.rec_type == "conversion"
    assert conversion.rec_headers.get_header("WARC-Refers-To") == record["warc"]["record_id"]
    assert conversion.rec_headers.get_header("WARC-Target-URI") == url
    assert all(p in html.unescape(dom.decode("utf-8")) for p in truth.paragraphs)

    api = f"/api/articles/{truth.story_id}.json"
    (fetched,) = [(r, body) for _, r, body in warc_records(store)
                  if r.rec_type == "response" and urlsplit(r.rec_headers.get_header("WARC-Target-URI")).path == api]
    assert fetched[0].rec_headers.get_header("WARC-Khabar-Reconstructed") == "browser"
    head, body = fetched[1].split(b"\r\n\r\n", 1)
    assert json.loads(body)["paragraphes"] == list(truth.paragraphs)
    assert f"Content-Length: {len(body)}".encode() in head and b"Content-Encoding" not in head
    assert f"/api/articles/{truth.story_id}.json".encode() in b"".join(p.read_bytes() for p in store.glob("warc/**/*.cdxj"))


def test_the_rendered_page_has_a_screenshot_linked_from_its_record(crawls: Any) -> None:
    from PIL import Image

    _, url, results = crawls
    store, _ = results["auto"]
    (record,) = [r for r in article_records(store) if r["url"] == url]
    shots = [(r, body) for _, r, body in warc_records(store) if r.rec_headers.get_header("WARC-Target-URI", "").startswith(
        "urn:screenshot:")]
    assert [r.rec_headers.get_header("WARC-Target-URI") for r, _ in shots] == [f"urn:screenshot:{url}"]
    (shot, png), = shots
    assert shot.rec_type == "resource" and shot.rec_headers.get_header("Content-Type") == "image/png"
    assert shot.rec_headers.get_header("WARC-Record-ID") == record["extraction"]["screenshot_record_id"]
    assert shot.rec_headers.get_header("WARC-Concurrent-To") == record["warc"]["record_id"]  # the page as served
    width, height = (int(n) for n in shot.rec_headers.get_header("WARC-Khabar-Viewport").split("x"))
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.width == width and height <= image.height <= 8000
    assert len(image.convert("L").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 2  # text on a page, not a blank
    assert all(r["extraction"]["screenshot_record_id"] is None for r in article_records(store) if r["url"] != url)
    assert not any(r["extraction"]["screenshot_record_id"] for r in article_records(results["off"][0]))


def test_the_rendered_archive_verifies_and_reextracts_to_the_same_record(crawls: Any) -> None:
    _, url, results = crawls
    store, _ = results["auto"]
    verify = run([*KHABAR, "verify", str(store)])
    assert verify.returncode == 0, verify.stdout[-2000:] + verify.stderr[-2000:]
    (crawled,) = [r for r in article_records(store) if r["url"] == url]
    reextract = run([*KHABAR, "reextract", str(store)])
    assert reextract.returncode == 0, reextract.stderr[-2000:]
    (again,) = [r for r in article_records(store) if r["url"] == url and "reextract-" in r["extraction"]["version"]]
    assert again["text_digest"] == crawled["text_digest"] and again["version"] == crawled["version"]
    assert again["extraction"]["rendered_record_id"] == crawled["extraction"]["rendered_record_id"]
    assert again["extraction"]["screenshot_record_id"] == crawled["extraction"]["screenshot_record_id"] is not None
    assert "record → screenshot links" in verify.stdout


def test_without_a_browser_the_javascript_page_is_archived_not_recorded(crawls: Any) -> None:
    world, url, results = crawls
    store, result = results["off"]
    assert url not in {r["url"] for r in article_records(store)}
    assert url in {r.rec_headers.get_header("WARC-Target-URI") for _, r, _ in warc_records(store) if r.rec_type == "response"}
    assert not any(r.rec_type == "conversion" for _, r, _ in warc_records(store))
    assert f"not recorded as an article: {url} (needs_javascript: a <noscript> block asks for JavaScript; " \
           "no browser renders it (see KHABAR_RENDER_JS))" in crawl_log(store)
    assert "rendering" not in crawl_log(store)


def test_a_browser_path_that_is_not_a_browser_is_refused_with_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(ConfigInvalid, match=r"KHABAR_RENDER_JS='/nowhere/chrome' is not an executable browser"):
        find_browser("/nowhere/chrome")
    assert find_browser("off") is None


def test_a_screenshot_mode_that_does_not_exist_is_refused_with_what_to_set() -> None:
    from scrapy.settings import Settings

    from crawler.render.screenshot import screenshot_mode

    with pytest.raises(ConfigInvalid, match=r"KHABAR_SCREENSHOTS='always' is not one of off, rendered, articles; set "
                                            r"-s KHABAR_SCREENSHOTS=rendered \(the pages rendered in the browser\), "
                                            r"articles \(every recorded article\) or off"):
        screenshot_mode(Settings({"KHABAR_SCREENSHOTS": "Always"}))
    assert screenshot_mode(Settings({"KHABAR_SCREENSHOTS": " OFF "})) == "off"


_SCRIPT = "<script src='/app.js'></script>"


@pytest.mark.parametrize("page, words, why", [
    ("<noscript><p>Activez JavaScript pour lire cet article.</p></noscript>" + _SCRIPT, 0, "a <noscript> block"),
    ("<noscript>Please enable JavaScript to view this page</noscript>" + _SCRIPT, 3, "a <noscript> block"),
    ("<noscript><div>يرجى تفعيل جافا سكريبت</div></noscript>" + _SCRIPT, 0, "a <noscript> block"),
    ('<body><div id="root"></div>' + _SCRIPT, 0, "an empty application root"),
    ('<meta property="og:type" content="article"><h1>Titre</h1>' + _SCRIPT, 4, "calls itself an article"),
    ('<script type="application/ld+json">{"@type": "NewsArticle"}</script><h1>Titre</h1>', 2, "calls itself an article"),
])
def test_shells_a_script_fills_are_recognised(page: str, words: int, why: str) -> None:
    assert why in (built_by_javascript(page.encode(), words) or "")


@pytest.mark.parametrize("page, words", [
    ("<noscript>Activez JavaScript</noscript>" + _SCRIPT, 400),  # the text is there already
    ("<noscript>Activez JavaScript</noscript><p>Un texte.</p>", 0),  # no script: nothing would fill the page
    ('<meta property="og:type" content="website"><ul><li>Liens</li></ul>' + _SCRIPT, 5),  # a short page, not an article
    ('<div id="root"><p>Déjà rendu côté serveur.</p></div>' + _SCRIPT, 50),
])
def test_pages_served_whole_or_without_scripts_are_not_sent_to_the_browser(page: str, words: int) -> None:
    assert built_by_javascript(page.encode(), words) is None


def test_a_single_page_app_that_never_stops_polling_is_taken_once_its_settle_time_is_up(tmp_path: Path) -> None:
    import time

    import yaml

    from tests.support.spa import PARAGRAPHS, TITLE, SinglePageOutlet

    with SinglePageOutlet() as outlet:
        catalog = tmp_path / "spa.yaml"
        catalog.write_text(yaml.safe_dump([outlet.catalog_entry()], allow_unicode=True))
        started = time.monotonic()
        result = run([*KHABAR, "crawl", "spa", "--catalog-extra", str(catalog), "--store", str(tmp_path / "store"),
                      "-s", "KHABAR_RENDER_SETTLE=1"])
        took = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    (record,) = article_records(tmp_path / "store")
    assert record["url"] == outlet.base_url + "/article/1" and record["title"] == TITLE
    assert _spaces(record["text"]) == _spaces(" ".join(PARAGRAPHS))
    logged = crawl_log(tmp_path / "store")
    assert "the page is an empty application root that a script fills" in logged
    assert "the network was still busy after 1 s; taking the page as it is" in logged
    assert took < 60  # not the 30 s navigation timeout, nor a hang


def test_a_render_that_a_kill_interrupted_is_owed_and_recorded_by_the_next_run(tmp_path: Path) -> None:
    """The page as served is archived (and noted in the crawl state) before its render; a crawl killed in
    between must not leave the article unrecorded for good: the next run fetches it again and renders it."""
    import os
    import signal
    import subprocess
    import time

    from tests.support.crawls import ROOT
    from tests.support.running import archived_records

    require_chromium()
    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world) as demo:
        (url,) = world.role_urls("demo-hard", "js_rendered")
        path = urlsplit(url).path
        cmd = [*KHABAR, "crawl", "demo-hard", "--catalog-extra", str(catalog), "--store", str(store)]
        with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True) as process:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and sum(1 for e in demo.server.wire_log if e.path == path) < 2:
                time.sleep(0.01)  # the second request for the page is the browser's: its render is under way
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        assert sum(1 for e in demo.server.wire_log if e.path == path) >= 2, "the crawl never asked the browser"
        assert url in archived_records(store, "response")  # the served page made it into the WARC
        assert archived_records(store, "conversion") == []
        assert url not in {r["url"] for r in article_records(store)}
        before = len(demo.server.wire_log)
        result = run(cmd)
        assert result.returncode == 0, result.stderr[-3000:]
        assert any(e.path == path for e in demo.server.wire_log[before:])
    (record,) = [r for r in article_records(store) if r["url"] == url]
    truth = world.article("demo-hard", path)
    assert _spaces(record["text"]) == _spaces(" ".join(truth.paragraphs))
    assert record["extraction"]["rendered_by"] == "chromium"
    verify = run([*KHABAR, "verify", str(store)])
    assert verify.returncode == 0, verify.stdout[-2000:] + verify.stderr[-2000:]
