"""The bundled demo world, served for real on loopback and read with urllib.

These tests are the specification of what the crawler can rely on.
"""

from __future__ import annotations

import gzip
import http.client
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import quote, urlsplit

import pytest
from lxml import etree

from crawler.demo import (
    ALL_OUTLET_IDS,
    DEMO_EPOCH,
    OUTLET_IDS,
    DemoArticle,
    DemoServer,
    DemoWorld,
    PageRenderer,
    demo_catalog_entries,
)
from crawler.demo.texts import word_count

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def world() -> DemoWorld:
    return DemoWorld()


@pytest.fixture
def server(world: DemoWorld) -> Iterator[DemoServer]:
    with DemoServer(world) as running:
        yield running


def fetch(url: str, **headers: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    request = urllib.request.Request(url, headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def xml_locs(body: bytes) -> list[str]:
    return [el.text for el in etree.fromstring(body).iter(f"{SITEMAP}loc")]


def translated_article(world: DemoWorld, language: str) -> DemoArticle:
    return next(a for a in world.articles("demo-bilingue") if a.language == language and a.url_path_alternates)


# --- the model ----------------------------------------------------------------------------------


def test_every_outlet_shows_at_least_32_articles_at_the_epoch_and_more_three_days_later(world: DemoWorld) -> None:
    at_epoch = {oid: len(world.articles(oid)) for oid in OUTLET_IDS}
    world.clock.advance(days=3)
    later = {oid: len(world.articles(oid)) for oid in OUTLET_IDS}
    assert world.clock.now == DEMO_EPOCH + timedelta(days=3)
    assert all(count >= 32 for count in at_epoch.values()), at_epoch
    assert all(later[oid] > at_epoch[oid] for oid in OUTLET_IDS), (at_epoch, later)


def test_article_texts_have_the_promised_shape(world: DemoWorld) -> None:
    for oid in OUTLET_IDS:
        for entry in world.scheduled(oid):
            for version in filter(None, (entry.original, entry.edited)):
                assert 250 <= word_count(version.paragraphs) <= 700, version.path
                assert 5 <= len(version.paragraphs) <= 9, version.path
    french = " ".join(a.text for a in world.articles("demo-wp"))
    assert all(char in french for char in "éèàç’«»…œ€")


def test_some_articles_are_edited_after_the_epoch(world: DemoWorld) -> None:
    for oid in OUTLET_IDS:
        late = [e for e in world.scheduled(oid) if e.edited_at and e.published < DEMO_EPOCH < e.edited_at]
        assert len(late) >= 2, oid
        assert late[0].at(DEMO_EPOCH) == late[0].original
        edited = late[0].at(DEMO_EPOCH + timedelta(days=3))
        assert edited is not None and edited.modified == late[0].edited_at
        assert edited.paragraphs != late[0].original.paragraphs


def test_bylines_include_pairs_of_authors_and_agency_only_articles(world: DemoWorld) -> None:
    articles = [a for oid in OUTLET_IDS for a in world.scheduled(oid)]
    assert any(len(e.original.authors) == 2 for e in articles)
    agency_only = [e.original for e in articles if not e.original.authors]
    assert agency_only and all(a.agencies for a in agency_only)


# --- HTTP behaviour -----------------------------------------------------------------------------


def test_each_outlet_is_its_own_loopback_host(server: DemoServer) -> None:
    hosts = {oid: urlsplit(server.base_url(oid)).hostname for oid in OUTLET_IDS}
    assert hosts == {"demo-wp": "127.0.0.11", "demo-cms": "127.0.0.12", "demo-bilingue": "127.0.0.13"}


def test_two_worlds_serve_identical_pages(world: DemoWorld, server: DemoServer) -> None:
    with DemoServer(DemoWorld()) as other:
        for oid in OUTLET_IDS:
            article = world.articles(oid)[5]
            for path in ("/", article.path, "/robots.txt"):
                mine = fetch(server.base_url(oid) + path.lstrip("/"))[2]
                theirs = fetch(other.base_url(oid) + path.lstrip("/"))[2]
                assert mine == _rebase(theirs, other.base_url(oid), server.base_url(oid))
    base = "http://example.test/"
    one, two = PageRenderer(DemoWorld()), PageRenderer(DemoWorld())
    path = world.articles("demo-cms")[0].path
    assert one.render("demo-cms", path, base).body == two.render("demo-cms", path, base).body


def _rebase(body: bytes, old: str, new: str) -> bytes:
    """``body`` with URLs under ``old`` moved to ``new`` (plain and percent-encoded)."""
    for before, after in ((old, new), (quote(old, safe=""), quote(new, safe=""))):
        body = body.replace(before.encode(), after.encode())
    return body


def test_gzip_is_used_only_when_the_client_asks(world: DemoWorld, server: DemoServer) -> None:
    url = server.base_url("demo-wp") + world.articles("demo-wp")[0].path.lstrip("/")
    status, plain_headers, plain = fetch(url)
    status_gz, gz_headers, zipped = fetch(url, Accept_Encoding="gzip, deflate")
    assert status == status_gz == 200
    assert plain_headers["Content-Encoding"] is None
    assert gz_headers["Content-Encoding"] == "gzip" and gz_headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(zipped) == plain
    assert int(gz_headers["Content-Length"]) == len(zipped)
    assert gz_headers["ETag"] != plain_headers["ETag"]
    assert fetch(url, Accept_Encoding="gzip")[2] == zipped  # deterministic gzip


@pytest.mark.parametrize("outlet_id", OUTLET_IDS)
def test_conditional_requests_are_answered_with_304(world: DemoWorld, server: DemoServer, outlet_id: str) -> None:
    url = server.base_url(outlet_id) + world.articles(outlet_id)[0].path.lstrip("/")
    _, headers, _ = fetch(url)
    assert headers["ETag"].startswith('"') and headers["Last-Modified"]
    assert fetch(url, If_None_Match=headers["ETag"])[0] == 304
    assert fetch(url, If_Modified_Since=headers["Last-Modified"])[0] == 304
    assert fetch(url, If_None_Match='"stale"')[0] == 200
    not_modified = server.responses_for(url)[1]
    assert not_modified.status == 304 and not_modified.response_body == b""


def test_cms_pages_are_windows_1252_declared_only_in_a_meta_tag(world: DemoWorld, server: DemoServer) -> None:
    article = world.articles("demo-cms")[0]
    status, headers, body = fetch(server.base_url("demo-cms") + article.path.lstrip("/"))
    assert status == 200 and headers["Content-Type"] == "text/html"
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' in body
    assert "\u2019".encode("cp1252") in body  # ’ is 0x92 in windows-1252, absent from latin-1
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("cp1252")
    assert article.title in text and "Publié le " in text
    assert f"<b>Par {' et '.join(article.authors or article.agencies)}</b>" in text


def test_cms_articles_send_repeated_and_lower_case_headers(world: DemoWorld, server: DemoServer) -> None:
    url = server.base_url("demo-cms") + world.articles("demo-cms")[0].path.lstrip("/")
    fetch(url)
    head = server.responses_for(url)[0].response_head.decode("latin-1").split("\r\n")
    cookies = [i for i, line in enumerate(head) if line.startswith("Set-Cookie: ")]
    assert len(cookies) == 2 and cookies[1] - cookies[0] == 2
    assert head[cookies[0] + 1] == "X-Powered-By: EchoCMS/2.1"
    assert "x-cache-status: MISS" in head


def test_advancing_the_clock_publishes_and_edits_articles(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-wp")
    before = _wp_sitemap_urls(base)
    edited = next(e for e in world.scheduled("demo-wp") if e.edited_at and e.published < DEMO_EPOCH < e.edited_at)
    url = edited.original.url(base)
    etag_before = fetch(url)[1]["ETag"]
    world.clock.advance(days=3)
    after = _wp_sitemap_urls(base)
    status, headers, body = fetch(url)
    assert before < after and after == world.article_urls("demo-wp")
    assert headers["ETag"] != etag_before and fetch(url, If_None_Match=etag_before)[0] == 200
    assert "Mise à jour" in body.decode() and headers["Last-Modified"] != edited.original.published


def _wp_sitemap_urls(base: str) -> set[str]:
    pages = xml_locs(fetch(base + "wp-sitemap.xml")[2])
    return {loc for page in pages for loc in xml_locs(fetch(page)[2])}


def test_wire_log_holds_the_exact_bytes_exchanged(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-bilingue")
    url = base + "feed.atom"
    status, headers, body = fetch(url)
    entry = server.responses_for(url)[-1]
    assert (entry.outlet_id, entry.method, entry.path, entry.status) == ("demo-bilingue", "GET", "/feed.atom", 200)
    assert entry.response_body == body
    assert entry.request_bytes.startswith(b"GET /feed.atom HTTP/1.1\r\n") and entry.request_bytes.endswith(b"\r\n\r\n")

    host, port = urlsplit(base).hostname, urlsplit(base).port
    request = (f"GET /robots.txt HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: gzip\r\n"
               "x-Odd-Case: yes\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(request)
        received = b"".join(iter(lambda: sock.recv(65536), b""))
    raw = server.responses_for("/robots.txt")[-1]
    assert raw.request_bytes == request
    assert raw.response_bytes == received
    assert received.startswith(b"HTTP/1.1 200 OK\r\n") and b"\r\nContent-Encoding: gzip\r\n" in received


def test_keep_alive_serves_several_requests_on_one_connection(world: DemoWorld, server: DemoServer) -> None:
    parts = urlsplit(server.base_url("demo-wp"))
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        for path in ("/", "/feed/", world.articles("demo-wp")[0].path, "/does-not-exist/"):
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            body = response.read()
            assert response.getheader("Content-Length") == str(len(body))
            assert response.getheader("Connection") is None
        assert response.status == 404 and b"introuvable" in gzip.decompress(body)
    finally:
        connection.close()


# --- discovery endpoints ------------------------------------------------------------------------


def test_wp_sitemap_index_lists_post_sitemaps_covering_exactly_the_articles(world: DemoWorld,
                                                                           server: DemoServer) -> None:
    base = server.base_url("demo-wp")
    index = xml_locs(fetch(base + "wp-sitemap.xml")[2])
    assert index == [base + "wp-sitemap-posts-post-1.xml", base + "wp-sitemap-posts-post-2.xml"]
    first = etree.fromstring(fetch(index[0])[2])
    assert len(first.findall(f"{SITEMAP}url")) == 20
    assert all(url.findtext(f"{SITEMAP}lastmod").endswith("+00:00") for url in first)
    assert _wp_sitemap_urls(base) == world.article_urls("demo-wp")
    assert "Sitemap: " + base + "wp-sitemap.xml" in fetch(base + "robots.txt")[2].decode()


def test_wp_feed_is_rss_with_the_15_newest_items(world: DemoWorld, server: DemoServer) -> None:
    status, headers, body = fetch(server.base_url("demo-wp") + "feed/")
    items = etree.fromstring(body).findall("channel/item")
    assert headers["Content-Type"].startswith("application/rss+xml")
    assert [i.findtext("link") for i in items] == [a.url(server.base_url("demo-wp")) for a in world.articles("demo-wp")[:15]]
    assert items[0].findtext("pubDate").endswith("+0000")
    assert items[0].findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_cms_sitemaps_are_gzip_files_and_the_news_sitemap_covers_two_days(world: DemoWorld,
                                                                          server: DemoServer) -> None:
    base = server.base_url("demo-cms")
    index = xml_locs(fetch(base + "sitemap_index.xml")[2])
    archives = [loc for loc in index if "/sitemaps/archive-" in loc]
    urls = set()
    for loc in archives:
        status, headers, body = fetch(loc, Accept_Encoding="gzip")
        assert headers["Content-Type"] == "application/x-gzip" and headers["Content-Encoding"] is None
        assert body[:2] == b"\x1f\x8b"
        urls |= set(xml_locs(gzip.decompress(body)))
    assert urls == world.article_urls("demo-cms")
    news = etree.fromstring(gzip.decompress(fetch(base + "sitemap-news.xml.gz")[2]))
    recent = {a.url(base) for a in world.articles("demo-cms") if a.published > DEMO_EPOCH - timedelta(days=2)}
    assert {u.findtext(f"{SITEMAP}loc") for u in news} == recent and recent
    assert {u.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") for u in news} == {"fr"}
    assert "Disallow: /imprimer/" in fetch(base + "robots.txt")[2].decode()


def test_arabic_pages_are_rtl_and_linked_to_their_french_versions(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-bilingue")
    article = translated_article(world, "ar")
    status, headers, body = fetch(article.url(base))
    html = body.decode("utf-8")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="ar" dir="rtl">' in html
    assert f"{article.published.day} {('أكتوبر', 'نوفمبر')[article.published.month - 10]} 2026" in html
    french = dict(article.url_path_alternates)["fr"]
    for lang, path in (("fr", french), ("ar", article.path), ("x-default", french)):
        assert f'<link rel="alternate" hreflang="{lang}" href="{base}{path.lstrip("/")}">' in html
    french_html = fetch(base + french.lstrip("/"))[2].decode()
    assert '<html lang="fr" dir="ltr">' in french_html and article.url(base) in french_html


def test_bilingual_sitemaps_and_atom_feed(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-bilingue")
    index = xml_locs(fetch(base + "sitemap.xml")[2])
    assert index == [base + "sitemap-fr.xml", base + "sitemap-ar.xml"]
    arabic = etree.fromstring(fetch(index[1])[2])
    assert any(url.find(f"{XHTML}link") is not None for url in arabic)
    listed = {loc for page in index for loc in xml_locs(fetch(page)[2])}
    assert listed == world.article_urls("demo-bilingue")
    feed = etree.fromstring(fetch(base + "feed.atom")[2])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 20
    assert {e.get("{http://www.w3.org/XML/1998/namespace}lang") for e in entries} == {"fr", "ar"}


def test_unknown_paths_get_an_html_404(server: DemoServer) -> None:
    for oid in OUTLET_IDS:
        status, headers, body = fetch(server.base_url(oid) + "no/such/page.html")
        assert status == 404 and headers["Content-Type"].startswith("text/html") and b"<html" in body


def test_images_are_served(world: DemoWorld, server: DemoServer) -> None:
    for oid in OUTLET_IDS:
        article = world.articles(oid)[0]
        status, headers, body = fetch(server.base_url(oid) + article.image_path.lstrip("/"), Accept_Encoding="gzip")
        assert status == 200 and headers["Content-Type"] == "image/png" and body.startswith(b"\x89PNG")


def test_catalog_entries_describe_the_running_outlets(server: DemoServer) -> None:
    entries = {e["id"]: e for e in demo_catalog_entries(server)}
    assert list(entries) == list(ALL_OUTLET_IDS)
    keys = {"id", "name", "group", "country", "languages", "homepage", "cms", "feeds", "sitemaps", "wp_json", "crawl", "demo"}
    assert all(set(e) == keys for oid, e in entries.items() if oid != "demo-listing")
    assert set(entries["demo-listing"]) == keys | {"listing_pagination"}
    assert all(e["crawl"] == {"delay": 0, "concurrency": 8} and e["group"] == "demo" and e["demo"] is True for e in entries.values())
    wp, cms, bilingual = entries["demo-wp"], entries["demo-cms"], entries["demo-bilingue"]
    assert wp["feeds"] == [{"url": server.base_url("demo-wp") + "feed/", "kind": "rss"}]
    assert [e["wp_json"] for e in entries.values()] == [True, False, False, False, False]
    assert [s["kind"] for s in cms["sitemaps"]] == ["index", "news"]
    assert bilingual["languages"] == ["fr", "ar"] and bilingual["feeds"][0]["kind"] == "atom"
    assert demo_catalog_entries(server.base_urls) == list(entries.values())


def test_catalog_entries_pass_the_project_catalog_loader(server: DemoServer) -> None:
    from crawler.catalog import parse_outlet

    specs = [parse_outlet(entry) for entry in demo_catalog_entries(server)]
    assert [spec.id for spec in specs] == list(ALL_OUTLET_IDS)
    assert [spec.cms for spec in specs] == ["wordpress", "custom", "custom", "custom", "custom"]
