"""Page requisites: what demo-wp's articles need to replay as served, archived once, reused, replayed.

One store, three crawls of demo-wp (``--max-articles 6`` each, child processes as users run them): the first;
an incremental one three demo days later (new and edited articles; the theme's files were fetched minutes ago,
within ``KHABAR_REQUISITES_MAX_AGE``); a full one (``KHABAR_INCREMENTAL=False``), where unchanged files become
revisits. The store then replays in pywb and, as a WACZ, in ReplayWeb.page, both in headless Chromium: the
article has the theme's stylesheet applied and its logo loaded. A small hostile outlet checks the bounds.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import DemoWorld
from tests.support.browser import headless_chromium
from tests.support.crawls import KHABAR, article_records, run
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.replay import Replay, replay_timestamp

OUTLET = "demo-wp"
THEME = "/wp-content/themes/courrier"
THEME_FILES = {f"{THEME}/style.css?ver=2.3.1", f"{THEME}/print.css", f"{THEME}/fonts/courrier-serif.woff2",
               f"{THEME}/images/bandeau.png", f"{THEME}/logo.svg", f"{THEME}/js/navigation.js?ver=2.3.1"}
ILLUSTRATION = re.compile(r"/wp-content/uploads/\d{4}/\d{2}/illustration-\d+(-768x432)?\.png")
TRACKER = "https://www.googletagmanager.com/gtag/js?id=G-C0URR1ER"
ARTICLES = "6"
# What only the theme's stylesheet sets on the article's title (crawler/demo/wordpress.py, _THEME_CSS).
STYLED = "getComputedStyle(document.querySelector('h1.entry-title')).borderLeftWidth"
LOGO = "document.querySelector('img.custom-logo').naturalWidth"


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _responses(files: list[Path]) -> list[Any]:
    """(URL path, record type, record id, Refers-To) of every response and revisit in ``files``."""
    found = []
    for path in files:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type in ("response", "revisit"):
                    headers = record.rec_headers
                    found.append((_path(headers.get_header("WARC-Target-URI")), record.rec_type,
                                  headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Refers-To")))
    return found


def _report(store: Path, crawl: int, reports: list[Path]) -> dict[str, Any]:
    return dict(json.loads(reports[crawl].read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("requisites")
    world = DemoWorld()
    store, catalog = tmp / "store", tmp / "demo.yaml"
    with serve_demo_outlets(catalog, world) as demo:
        wire, warcs, reports, records = [], [], [], []
        for step, extra in enumerate(((), (), ("-s", "KHABAR_INCREMENTAL=False"))):
            if step == 1:
                world.clock.advance(days=3)
            start, before = len(demo.server.wire_log), set(store.glob("warc/**/*.warc.gz"))
            seen = {r["url"] for r in article_records(store)} if store.exists() else set()
            result = run([*KHABAR, "crawl", OUTLET, "--catalog-extra", str(catalog), "--store", str(store),
                          "--max-articles", ARTICLES, *extra])
            assert result.returncode == 0, result.stdout + result.stderr[-4000:]
            wire.append([e for e in demo.server.wire_log[start:] if e.outlet_id == OUTLET])
            warcs.append(sorted(set(store.glob("warc/**/*.warc.gz")) - before))
            (report,) = sorted(set(store.glob("runs/*/*.json")) - set(reports))
            reports.append(report)
            records.append([r for r in article_records(store) if r["url"] not in seen or step == 2])
        yield {"store": store, "wire": wire, "warcs": warcs, "reports": reports, "records": records,
               "base": demo.server.base_urls[OUTLET], "stderr": result.stderr}


def test_the_first_crawl_archives_each_requisite_of_its_articles_once(crawls: dict[str, Any]) -> None:
    records = crawls["records"][0]
    assert len(records) == int(ARTICLES)
    archived = Counter(path for path, kind, _, _ in _responses(crawls["warcs"][0]) if path.startswith("/wp-content/"))
    assert set(archived.values()) == {1}  # once per crawl, though every article links the theme's files
    illustrations = {path for path in archived if ILLUSTRATION.fullmatch(path)}
    assert set(archived) == THEME_FILES | illustrations
    world = DemoWorld()  # the ground truth: each recorded article's illustration, and its srcset variant
    for record in records:
        (truth,) = [a for a in world.articles(OUTLET) if a.url(crawls["base"]) == record["url"]]
        assert {truth.image_path, truth.image_path.replace(".png", "-768x432.png")} <= illustrations
    asked = Counter(e.path for e in crawls["wire"][0] if e.path.startswith("/wp-content/"))
    assert asked == archived  # fetched once each, from the server
    report = _report(crawls["store"], 0, crawls["reports"])["requisites"]
    assert report["archived"] == report["scheduled"] == len(archived)
    assert report["skipped/tracker"] == int(ARTICLES)  # one googletagmanager script per article page, never fetched
    assert not any(TRACKER in e.request_bytes.decode("latin-1") for e in crawls["wire"][0])


def test_requisites_are_never_article_records(crawls: dict[str, Any]) -> None:
    every = article_records(crawls["store"])
    assert every and not [r["url"] for r in every if "/wp-content/" in r["url"]]
    assert all(re.search(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/$", r["url"]) for r in every)


def test_within_max_age_a_later_crawl_does_not_fetch_the_theme_again(crawls: dict[str, Any]) -> None:
    articles = [e.path for e in crawls["wire"][1] if re.fullmatch(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/", e.path)]
    assert articles  # new and edited articles were fetched three demo days later
    asked = [e.path for e in crawls["wire"][1] if e.path.startswith("/wp-content/")]
    first = {path for path, _, _, _ in _responses(crawls["warcs"][0])}
    assert not THEME_FILES & set(asked)
    assert not first & set(asked)  # only illustrations of articles new to this crawl
    assert all(ILLUSTRATION.fullmatch(path) for path in asked)
    assert _report(crawls["store"], 1, crawls["reports"])["requisites"]["skipped/fresh"] >= len(THEME_FILES)


def test_a_full_crawl_stores_unchanged_requisites_as_revisits_of_the_first_capture(crawls: dict[str, Any]) -> None:
    first = {path: record_id for path, kind, record_id, _ in _responses(crawls["warcs"][0]) if kind == "response"}
    third = [(path, kind, refers) for path, kind, _, refers in _responses(crawls["warcs"][2])
             if path.startswith("/wp-content/")]
    assert {path for path, _, _ in third} >= THEME_FILES
    for path, kind, refers in third:
        if path in first:
            assert (kind, refers) == ("revisit", first[path]), path


@pytest.fixture(scope="module")
def article(crawls: dict[str, Any]) -> tuple[str, str]:
    """The first crawl's newest article: its URL and capture timestamp."""
    record = crawls["records"][0][0]
    for path in crawls["warcs"][0]:
        with open(path, "rb") as handle:
            for warc in ArchiveIterator(handle):
                if warc.rec_type == "response" and warc.rec_headers.get_header("WARC-Target-URI") == record["url"]:
                    return record["url"], replay_timestamp(warc.rec_headers.get_header("WARC-Date"))
    raise AssertionError(f"no response for {record['url']}")


def _replayed(page: Page, url: str) -> tuple[str, int]:
    """The title's style and the logo's width in the frame that replays ``url`` (replay tools frame the page).

    A replay client whose service worker is still starting may never open the page's frame on a loaded machine (seen
    once with ReplayWeb.page in a full suite beside a soak): after 30 s without it the page is loaded again, as a
    reader would, once; 90 s in all."""
    frame = None
    for attempt in range(180):
        if (frame := next((f for f in page.frames if f.url.endswith("mp_/" + url)), None)) is not None:
            break
        if attempt == 60:
            page.reload(wait_until="load")
        page.wait_for_timeout(500)
    assert frame is not None, [f.url for f in page.frames]
    frame.wait_for_function(f"document.querySelector('img.custom-logo') && {LOGO} > 0", timeout=30_000)
    styled, logo = frame.evaluate(f"[{STYLED}, {LOGO}]")
    return str(styled), int(logo)


def test_pywb_replays_the_article_with_its_stylesheet_and_logo(crawls: dict[str, Any], article: tuple[str, str],
                                                              tmp_path: Path) -> None:
    url, timestamp = article
    replay = Replay(crawls["store"], tmp_path / "replay.log")
    try:
        with headless_chromium() as browser:
            page = browser.new_page()
            page.goto(f"{replay.url}{timestamp}/{url}", wait_until="load")
            styled, logo = _replayed(page, url)
    finally:
        replay.stop()
    assert styled == "6px"  # 0px without the archived stylesheet
    assert logo == 320


def test_replaywebpage_replays_the_wacz_with_its_stylesheet_and_logo(crawls: dict[str, Any], article: tuple[str, str],
                                                                    tmp_path: Path) -> None:
    from tests.support.replaywebpage import ReplayWebPage, install

    url, timestamp = article
    wacz = tmp_path / "demo-wp.wacz"
    made = run([*KHABAR, "wacz", str(crawls["store"]), "--outlet", OUTLET, "--out", str(wacz)])
    assert made.returncode == 0, made.stdout + made.stderr[-3000:]
    with ReplayWebPage(install(), wacz, url, timestamp) as site, headless_chromium() as browser:
        page = browser.new_page()
        page.goto(site.base_url + "/", wait_until="load")
        styled, logo = _replayed(page, url)
    assert styled == "6px"
    assert logo == 320


# --------------------------------------------------------------------------- a hostile outlet

def _hostile_catalog(base: str, path: Path) -> Path:
    entry = {"id": "requisites-hostile", "name": "Le Veilleur du Fleuve", "group": "demo", "country": "NE",
             "languages": ["fr"], "homepage": base + "/", "cms": "custom", "wp_json": False,
             "sitemaps": [{"url": base + "/sitemap.xml", "kind": "sitemap", "confidence": "demo"}], "crawl": {"delay": 0}}
    path.write_text(yaml.safe_dump([entry], allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from tests.support.hostile_requisites import HostileRequisitesOutlet

    tmp = tmp_path_factory.mktemp("hostile")
    with HostileRequisitesOutlet() as outlet:
        result = run([*KHABAR, "crawl", "requisites-hostile", "--store", str(tmp / "store"),
                      "--catalog-extra", str(_hostile_catalog(outlet.base_url, tmp / "catalog.yaml")),
                      "-s", "KHABAR_REQUISITES_PER_PAGE=8", "-s", "KHABAR_REQUISITES_MAX_SIZE=20000",
                      "-s", "KHABAR_REQUISITES_HOSTS=localhost", "--log-level", "INFO"])
        asked = list(outlet.asked)
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    (report,) = (tmp / "store").glob("runs/*/*.json")
    yield {"store": tmp / "store", "asked": asked, "stderr": result.stderr,
           "report": json.loads(report.read_text(encoding="utf-8")), "base": outlet.base_url}


def test_nested_imports_stop_at_the_depth_bound_and_a_self_import_is_fetched_once(hostile: dict[str, Any]) -> None:
    asked = Counter(hostile["asked"])
    assert [p for p in asked if p.startswith("/css/nest.css")] == [f"/css/nest.css?level={n}" for n in (1, 2, 3)]
    assert asked["/css/self.css"] == 1
    counts = hostile["report"]["requisites"]
    assert counts["skipped/depth"] == 1  # level 4, imported by the third level (KHABAR_REQUISITES_DEPTH=3)
    assert "stylesheets import one another deeper than KHABAR_REQUISITES_DEPTH" in hostile["stderr"]


def test_bounds_failures_and_off_site_requisites_are_counted_and_the_articles_still_recorded(
        hostile: dict[str, Any]) -> None:
    counts, asked = hostile["report"]["requisites"], Counter(hostile["asked"])
    assert sorted(r["url"] for r in article_records(hostile["store"])) == [
        hostile["base"] + "/article/1", hostile["base"] + "/article/2"]
    assert counts["failed/too_large"] == 1 and counts["failed/http_404"] == 1 and counts["failed/ignored"] == 1
    assert "/private/pixel.png" not in asked  # robots.txt disallows it
    assert asked["/img/missing.png"] == 1  # a 404 is not retried
    assert counts["skipped/off_site"] == 1 and counts["skipped/tracker"] == 1
    assert asked["/cdn/logo.png"] == 1  # from localhost, listed in KHABAR_REQUISITES_HOSTS
    fillers = sorted(p for p in asked if p.startswith("/img/filler-"))
    assert len(fillers) == 8 and counts["skipped/page_count"] == 4  # 12 images on article 2, 8 per page
    assert hostile["stderr"].count("not fetching page requisite http://cdn.invalid/") == 1  # said once per host


# --------------------------------------------------------------------------- without a crawl

def test_what_a_page_and_a_stylesheet_reference_is_found_once_in_document_order() -> None:
    from crawler.requisites.found import in_css, in_html

    page = ('<html><head><base href="http://exemple.ne/theme/"><link rel="stylesheet" href="a.css">'
            '<meta property="og:image" content="/une.jpg"><link rel="icon" href="data:image/png;base64,AAAA">'
            '</head><body><img src="p.png" srcset="p-300.png 300w, p.png 600w"><script src="s.js"></script>'
            '<style>.x{background:url("fond.png")}</style></body></html>')
    assert [(f.url.removeprefix("http://exemple.ne"), f.kind) for f in in_html(page, "http://exemple.ne/article/")] == [
        ("/theme/a.css", "stylesheet"), ("/theme/s.js", "script"), ("/theme/p.png", "image"),
        ("/theme/p-300.png", "image"), ("/une.jpg", "image"), ("/theme/fond.png", "image")]
    css = '@import url("b.css") print;\n/* url(ancien.png) */\n@font-face{src:url(f.woff2) format("woff2")}\n.y{background:url(b.css)}'
    assert [(f.url, f.kind) for f in in_css(css, "http://exemple.ne/t/a.css")] == [
        ("http://exemple.ne/t/b.css", "stylesheet"), ("http://exemple.ne/t/f.woff2", "font")]


def test_an_unknown_requisites_mode_is_refused_with_the_modes_to_choose_from() -> None:
    from scrapy.settings import Settings

    from crawler.errors import ConfigInvalid
    from crawler.requisites import RequisiteConfig

    with pytest.raises(ConfigInvalid, match=r"KHABAR_REQUISITES='sometimes' is not one of off, same-site, all"):
        RequisiteConfig.from_settings(Settings({"KHABAR_REQUISITES": "sometimes"}))
    with pytest.raises(ConfigInvalid, match=r"KHABAR_REQUISITES_DEPTH=0 must be at least 1"):
        RequisiteConfig.from_settings(Settings({"KHABAR_REQUISITES_DEPTH": 0}))


@pytest.mark.parametrize(("mode", "fetched"), [
    ("off", []),
    ("same-site", ["http://exemple.ne/s.css", "http://static.exemple.ne/logo.png"]),
    ("all", ["http://exemple.ne/s.css", "http://cdn.ailleurs.net/lib.js", "http://static.exemple.ne/logo.png"]),
])
def test_each_mode_fetches_its_hosts_and_never_a_tracker(mode: str, fetched: list[str], tmp_path: Path) -> None:
    from scrapy.http import HtmlResponse
    from scrapy.settings import Settings
    from scrapy.statscollectors import MemoryStatsCollector

    from crawler.discovery.state import CrawlState
    from crawler.requisites import RequisiteConfig, Requisites

    page = HtmlResponse("http://exemple.ne/article/1", encoding="utf-8", body=(
        b'<link rel="stylesheet" href="/s.css"><img src="http://static.exemple.ne/logo.png">'
        b'<script src="http://cdn.ailleurs.net/lib.js"></script><script src="https://www.google-analytics.com/a.js"></script>'))
    stats = MemoryStatsCollector(type("Crawler", (), {"settings": Settings()})())  # type: ignore[arg-type]
    config = RequisiteConfig.from_settings(Settings({"KHABAR_REQUISITES": mode,
                                                     "KHABAR_REQUISITES_HOSTS": "static.exemple.ne"}))
    state = CrawlState(tmp_path / "crawl.sqlite", "exemple")
    requisites = Requisites(config, "exemple", ("exemple.ne",), state, lambda: stats)
    requests = requisites.of_page(page)
    assert [r.url for r in requests] == fetched
    assert all(r.priority < 0 for r in requests)  # below articles (0)
    counted = dict(stats.get_stats())
    assert counted.get("khabar/requisites/skipped/tracker", 0) == (0 if mode == "off" else 1)
    assert counted.get("khabar/requisites/skipped/off_site", 0) == (1 if mode == "same-site" else 0)
    assert requisites.of_page(page) == []  # once per crawl
    state.close()


def test_requisites_come_in_kind_order_whatever_the_markup_order_and_only_sources_of_a_picture() -> None:
    """One walk of the page finds what the CSS queries found: stylesheets and icons first, then scripts, images
    (a ``<source>`` only inside a ``<picture>``), meta images by property, inline styles; the first ``<base>``."""
    from crawler.requisites.found import in_html

    page = ('<base href="/x/"><base href="/y/"><picture><div><source srcset="a.webp 1x, b.webp 2x"></div></picture>'
            '<source src="seul.mp4"><meta property="og:image" name="twitter:image" content="une.png">'
            '<meta name="og:image:url" content=""><script src=""></script>'
            '<style>@import "i.css"; body{background:url(fond.png)}</style><video poster="affiche.jpg" src=""></video>'
            '<img data-srcset="d.png 2x"><LINK REL="Icon" HREF="f.ico" AS="IMAGE"><link rel="preload" as="font" '
            'href="f.woff2"><link rel="stylesheet">')
    found = [(f.url.removeprefix("http://exemple.sn"), f.kind) for f in in_html(page, "http://exemple.sn/dossier/page.html")]
    assert found == [("/x/f.ico", "image"), ("/x/f.woff2", "font"), ("/x/", "script"), ("/x/a.webp", "image"),
                     ("/x/b.webp", "image"), ("/x/affiche.jpg", "image"), ("/x/d.png", "image"), ("/x/une.png", "image"),
                     ("/x/i.css", "stylesheet"), ("/x/fond.png", "image")]


def test_a_page_opening_with_an_xml_declaration_has_its_requisites_found_with_or_without_the_xhtml_namespace() -> None:
    """parsel alone would read such a page as XML, where an XHTML page's elements all carry the namespace and none
    would be found: it is read as HTML, in the same order."""
    from crawler.requisites.found import in_html

    page = ('<?xml version="1.0" encoding="utf-8"?><html><head><base href="/x/"/><link rel="stylesheet" href="a.css"/>'
            '<script src="s.js"/></head><body><img src="i.jpg"/><style>p{background:url(fond.png)}</style></body></html>')
    expected = [("/x/a.css", "stylesheet"), ("/x/s.js", "script"), ("/x/i.jpg", "image"), ("/x/fond.png", "image")]
    found = [(f.url.removeprefix("http://exemple.sn"), f.kind) for f in in_html(page, "http://exemple.sn/dossier/page.html")]
    assert found == expected
    xhtml = page.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">')
    found = [(f.url.removeprefix("http://exemple.sn"), f.kind) for f in in_html(xhtml, "http://exemple.sn/dossier/page.html")]
    assert found == expected


def _from_the_worker(body: bytes, content_type: str) -> tuple[list[Any], list[Any] | None]:
    """The crawl's own answer for an article page, and the one read from the extraction worker's tree (or None when
    the crawl parses the page itself)."""
    from scrapy.http import HtmlResponse

    from crawler.extract.pool import _extract_with_requisites
    from crawler.requisites.found import in_html, in_page_refs

    url = "http://exemple.ml/2026/11/conseil.html"
    response = HtmlResponse(url, body=body, headers={"Content-Type": content_type})
    outcome, refs = _extract_with_requisites(body, url, content_type, None)
    return in_html(response.text, url), in_page_refs(refs, response.encoding, url)


_ARTICLE = ('<html><head><title>Le conseil municipal de Kayes</title><link rel="stylesheet" href="/theme/a.css">'
            '<meta property="og:image" content="/une.jpg"></head><body><article><h1>Le conseil municipal de Kayes</h1>'
            + '<p>Le conseil municipal a présenté le budget de l\'exercice prochain, selon un communiqué.</p>' * 8
            + '<img src="/photos/séance.jpg" srcset="/p-300.png 300w"><script src="/s.js"></script>'
            '<style>.x{background:url("fond.png")}</style></article></body></html>')


def test_the_requisites_read_in_the_extraction_workers_tree_are_those_the_crawl_finds_itself() -> None:
    own, from_worker = _from_the_worker(_ARTICLE.encode("utf-8"), "text/html; charset=utf-8")
    assert from_worker == own and len(own) == 6
    own, from_worker = _from_the_worker(_ARTICLE.encode("cp1252"), "text/html; charset=windows-1252")
    assert from_worker == own and own[2].url.endswith("/photos/séance.jpg")  # decoded as Scrapy decodes it


@pytest.mark.parametrize("why, body, content_type", [
    ("Scrapy decodes the bytes otherwise", _ARTICLE.encode("utf-8"), "text/html; charset=iso-8859-1"),
    ("the page opens with an XML declaration", b'<?xml version="1.0"?>' + _ARTICLE.encode("utf-8"), "text/html"),
    ("the worker's parser drops control bytes", _ARTICLE.replace("/s.js", "/s\x01.js").encode("utf-8"), "text/html"),
    ("the worker's parser stops at 256 levels", _ARTICLE.replace("<article>", "<div>" * 300 + "<article>")
     .encode("utf-8"), "text/html"),
])
def test_the_crawl_parses_the_page_itself_when_the_workers_tree_could_differ(why: str, body: bytes,
                                                                             content_type: str) -> None:
    own, from_worker = _from_the_worker(body, content_type)
    assert from_worker is None, why
    assert own  # and its own parse finds them as before
