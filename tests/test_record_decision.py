"""Record or not: one decision for the crawl, ``khabar reextract`` and the recovery of a killed crawl's captures.

The table pins each reason of :func:`crawler.records.decision.decide`; the crawl of all five demo outlets shows
that re-extraction and crash recovery record exactly what the crawl recorded, URL for URL, capture for capture.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest
from scrapy import Spider
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from crawler.archive.reextract import archived_response
from crawler.catalog import OutletSpec, catalog_from_settings
from crawler.demo import ALL_OUTLET_IDS
from crawler.extract import Extracted, ExtractOutcome, Rejected
from crawler.records.decision import Decision, NotRecorded, Record, Render, RenderChance, ResponseFacts, decide, screen
from crawler.warc.capture import WarcCapture
from crawler.warc.exchange import split_message
from tests.support.browser import require_chromium
from tests.support.crawls import KHABAR, article_records, run, warc_records
from tests.support.demo_outlets import serve_demo_outlets

ARTICLE_URL = "https://journal.ml/2026/11/20/mopti-prepare-la-saison-des-pluies/"
ARTICLE = Extracted(title="Mopti prépare la saison des pluies", text="Le conseil régional de Mopti a présenté " * 40,
                    word_count=280, page_type="NewsArticle", link_density=0.1)
SHELL = b"<html><head><script src='/app.js'></script></head><body><noscript>Activez JavaScript pour lire cet " \
        b"article.</noscript><div id='root'></div></body></html>"
FACTS = ResponseFacts(url=ARTICLE_URL, status=200, markup=True, content_type="text/html; charset=utf-8",
                      body=b"<html><body><article>...</article></body></html>", bot_wall=None, revisit_of=None,
                      render=RenderChance.NONE, archived=True)
NO_TEXT = Rejected("no_text", "trafilatura found no article text in 180 bytes of HTML.")
_LISTINGS = ("/categorie/", "/tag/", "/auteur/", "/recherche/")
PLACEHOLDER = Extracted(text="Chargement de l'article… Activez JavaScript pour lire cet article.", word_count=9)


def _shell(render: RenderChance) -> ResponseFacts:
    return replace(FACTS, body=SHELL, render=render)


@pytest.mark.parametrize(("facts", "outcome", "expected"), [
    pytest.param(FACTS, ARTICLE, Record(ARTICLE), id="record"),
    pytest.param(replace(FACTS, status=304), ARTICLE,
                 NotRecorded("not_modified", "the server says it did not change (304)"), id="not_modified"),
    pytest.param(replace(FACTS, bot_wall="status 200, page contains 'Just a moment...'"), ARTICLE,
                 NotRecorded("bot_wall", "status 200, page contains 'Just a moment...'"), id="bot_wall"),
    pytest.param(replace(FACTS, status=404), ARTICLE,
                 NotRecorded("http_status", "the server answered 404, not a page"), id="http_status"),
    pytest.param(replace(FACTS, damage="the server's gzip stream ended early"), ARTICLE,
                 NotRecorded("truncated_body", "the server's gzip stream ended early; archived, not recorded"),
                 id="truncated_body"),
    pytest.param(replace(FACTS, markup=False, content_type="application/rss+xml"), ARTICLE,
                 NotRecorded("not_html", "Content-Type is 'application/rss+xml'"), id="not_html"),
    pytest.param(replace(FACTS, revisit_of="2026-11-20T08:00:00Z"), ARTICLE,
                 NotRecorded("unchanged", "same payload as the capture of 2026-11-20T08:00:00Z; archived as a "
                                          "revisit, no new record"), id="unchanged"),
    pytest.param(FACTS, Rejected("too_short", "the text has 12 words, fewer than the 60 of an article."),
                 NotRecorded("too_short", "the text has 12 words, fewer than the 60 of an article."),
                 id="rejected-by-extraction"),
    pytest.param(FACTS, Extracted(title="Mopti", text="Bientôt la suite.", word_count=3, page_type="NewsArticle"),
                 NotRecorded("too_short", "the text has 3 words, fewer than the 10 of an article."), id="too_short"),
    pytest.param(FACTS, Extracted(title="Mopti", text="Réservé aux abonnés.", word_count=3, paywalled=True,
                                  page_type="NewsArticle"),
                 Record(Extracted(title="Mopti", text="Réservé aux abonnés.", word_count=3, paywalled=True,
                                  page_type="NewsArticle")), id="paywall-teaser-is-recorded"),
    pytest.param(replace(FACTS, url="https://journal.ml/tag/mopti/"), ARTICLE,
                 NotRecorded("not_an_article", "its URL is a listing, tag, author, search or home page"),
                 id="not_an_article"),
    pytest.param(FACTS, PLACEHOLDER,
                 NotRecorded("needs_javascript", "the text is a placeholder asking for JavaScript; the article is "
                                                 "built in the browser"), id="needs_javascript-placeholder"),
    pytest.param(_shell(RenderChance.NONE), NO_TEXT,
                 NotRecorded("needs_javascript", "a <noscript> block asks for JavaScript; no browser renders it "
                                                 "(see KHABAR_RENDER_JS)"), id="needs_javascript-no-browser"),
    pytest.param(_shell(RenderChance.RENDERED), NO_TEXT,
                 NotRecorded("needs_javascript", "a <noscript> block asks for JavaScript even once rendered"),
                 id="needs_javascript-even-rendered"),
    pytest.param(_shell(RenderChance.POSSIBLE), NO_TEXT, Render("a <noscript> block asks for JavaScript"), id="render"),
    pytest.param(replace(FACTS, archived=False), ARTICLE,
                 NotRecorded("no_warc_capture", "the response was not archived (see the WARC errors above)"),
                 id="no_warc_capture"),
])
def test_each_reason_to_record_or_not(facts: ResponseFacts, outcome: ExtractOutcome, expected: Decision) -> None:
    assert decide(facts, outcome) == expected
    refused = screen(facts)  # what needs no extraction is refused before it
    assert refused is None or refused == expected


@pytest.mark.parametrize(("encoding", "compress"), [("gzip", gzip.compress), ("br", brotli.compress)])
def test_a_bot_wall_served_with_200_is_seen_in_the_archived_response_alone(encoding: str,
                                                                           compress: Callable[[bytes], bytes]) -> None:
    page = b"<html><head><title>Just a moment...</title></head><body>" + b"<p>Texte de l'article.</p>" * 200 + b"</body>"
    message = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Encoding: " + encoding.encode()
               + b"\r\nServer: cloudflare\r\n\r\n" + compress(page))
    response = archived_response("https://journal.ml/2026/11/20/titre/", split_message(message))
    facts = ResponseFacts.of(response, revisit_of=None, render=RenderChance.NONE, archived=True)
    assert (facts.markup, facts.body, facts.content_type) == (True, page, "text/html; charset=UTF-8")
    assert screen(facts) == NotRecorded("bot_wall", "status 200, page contains 'Just a moment...'")


# --- the five demo outlets: crawl, re-extraction and crash recovery agree -------------------------------------


@pytest.fixture(scope="module")
def five_outlets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """One crawl of every demo outlet (listing pages, bot walls and the JavaScript page included)."""
    require_chromium()  # the JavaScript page is rendered
    tmp = tmp_path_factory.mktemp("decision")
    store, catalog = tmp / "store", tmp / "demo.yaml"
    with serve_demo_outlets(catalog):
        result = run([*KHABAR, "crawl", *ALL_OUTLET_IDS, "--catalog-extra", str(catalog), "--store", str(store)])
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    yield store, catalog


def _captures(records: list[dict[str, Any]]) -> set[tuple[str, str, str, int, str | None]]:
    return {(r["url"], r["warc"]["record_id"], r["text_digest"], r["version"], r["extraction"]["rendered_record_id"])
            for r in records}


def test_reextract_records_exactly_what_the_crawl_recorded(five_outlets: tuple[Path, Path], tmp_path: Path) -> None:
    crawled_store, catalog = five_outlets
    store = tmp_path / "store"
    shutil.copytree(crawled_store, store)
    crawled = article_records(store)
    assert {r["outlet"] for r in crawled} == set(ALL_OUTLET_IDS)
    assert sum(r["extraction"]["rendered_record_id"] is not None for r in crawled) == 1
    result = run([*KHABAR, "reextract", str(store), "--catalog-extra", str(catalog)])
    assert result.returncode == 0, result.stderr[-3000:]
    rebuilt = [r for r in article_records(store) if "reextract-" in r["extraction"]["version"]]
    assert _captures(rebuilt) == _captures(crawled) and len(rebuilt) == len(crawled)
    listing_pages = _listing_pages(crawled_store)
    assert len(listing_pages) >= 20 and not listing_pages & {r["url"] for r in rebuilt}
    assert "not recorded: not_an_article" in result.stdout


def _listing_pages(store: Path) -> set[str]:
    """demo-listing's home, category, tag, author and search pages, as the crawl archived them."""
    urls = {record.rec_headers.get_header("WARC-Target-URI") for path, record, _ in warc_records(store)
            if record.rec_type == "response" and "outlet=demo-listing" in path.as_posix()}
    return {u for u in urls if urlsplit(u).path == "/" or urlsplit(u).path.startswith(_LISTINGS)}


class _Orphans(Spider):
    """The spider a crawl of the outlet opens (WarcCapture reads only its ``outlet``)."""

    name = "orphans"

    def __init__(self, outlet: OutletSpec) -> None:
        super().__init__()
        self.outlet = outlet


def test_recovering_a_killed_crawl_records_its_orphaned_articles_and_no_listing_page(
        five_outlets: tuple[Path, Path], tmp_path: Path) -> None:
    """Killed after archiving demo-listing's pages and before recording any: the next crawl's start records them."""
    crawled_store, catalog = five_outlets
    (finished,) = crawled_store.glob("warc/outlet=demo-listing/*/*.warc.gz")
    store = tmp_path / "store"
    orphan = store / finished.relative_to(crawled_store)
    orphan.parent.mkdir(parents=True)
    orphan.with_name(orphan.name + ".open").write_bytes(_without_records_of_articles(finished))
    crawler = get_crawler(settings_dict={"KHABAR_STORE_URI": str(store), "KHABAR_CATALOG_EXTRA": [str(catalog)]})
    spider = _Orphans(catalog_from_settings(crawler.settings).get("demo-listing"))
    capture = build_from_crawler(WarcCapture, crawler)
    capture.spider_opened(spider)  # where a crawl finds a dead writer's files
    capture.close()
    recovered = article_records(store)
    expected = [r for r in article_records(crawled_store) if r["outlet"] == "demo-listing"]
    assert {(r["url"], r["warc"]["record_id"]) for r in recovered} == {(r["url"], r["warc"]["record_id"]) for r in expected}
    assert not _listing_pages(crawled_store) & {r["url"] for r in recovered}
    assert len(recovered) == len(expected) >= 30


def _without_records_of_articles(path: Path) -> bytes:
    """The WARC file as a crawl killed before recording left it: its resource and metadata records cut out."""
    data, kept = path.read_bytes(), []
    with open(path, "rb") as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            rec_type = record.rec_type
            iterator.read_to_end(record)
            if rec_type not in ("resource", "metadata"):
                start = iterator.get_record_offset()
                kept.append(data[start:start + iterator.get_record_length()])
    return b"".join(kept)
