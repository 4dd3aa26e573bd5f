"""The demo world's additions for discovery, politeness and record tests, read with urllib and raw sockets.

demo-wp's REST API, demo-listing (listings only), demo-hard (the hard cases), vanishing articles,
the ground truth of :class:`DemoWorld`, and the hostile files of ``tests/data/``. Like
``test_demo_world.py``, these tests are the specification crawler tests can rely on.
"""

from __future__ import annotations

import gzip
import http.client
import io
import json
import re
import socket
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

from crawler.demo import ALL_OUTLET_IDS, DEMO_EPOCH, EXTRA_OUTLET_IDS, OUTLET_IDS, DemoServer, DemoWorld, hostile
from crawler.demo.hard import OVERSIZED_LENGTH, teaser_paragraphs

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DATA = Path(__file__).parent / "data"
Response = tuple[int, http.client.HTTPMessage, bytes]


@pytest.fixture
def world() -> DemoWorld:
    return DemoWorld()


@pytest.fixture
def server(world: DemoWorld) -> Iterator[DemoServer]:
    with DemoServer(world) as running:
        yield running


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, method: str = "GET", **headers: str) -> Response:
    """One request, redirects not followed."""
    request = urllib.request.Request(url, method=method, headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with _OPENER.open(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def fetch_patiently(url: str, **headers: str) -> Response:
    """Like a polite crawler: one retry after a 429 (the demo does not time the wait)."""
    response = fetch(url, **headers)
    return fetch(url, **headers) if response[0] == 429 else response


def text(url: str) -> str:
    status, _, body = fetch_patiently(url)
    assert status == 200, (status, url)
    return body.decode("utf-8")


def json_ld(html: str) -> dict[str, object]:
    return dict(json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)))


def links(html: str, base: str) -> set[str]:
    return {base + href.lstrip("/") if href.startswith("/") else href for href in re.findall(r'href="([^"]+)"', html)}


# --- demo-wp: the WordPress REST API ------------------------------------------------------------


def test_wp_home_announces_the_rest_api_and_articles_stay_as_they_were(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-wp")
    status, headers, body = fetch(base)
    assert f'<link rel="https://api.w.org/" href="{base}wp-json/">' in body.decode()
    assert headers["Link"] == f'<{base}wp-json/>; rel="https://api.w.org/"'
    article = fetch(world.articles("demo-wp")[0].url(base))
    assert b"api.w.org" not in article[2] and article[1]["Link"] is None
    index = json.loads(fetch(base + "wp-json/")[2])
    assert "wp/v2" in index["namespaces"] and "/wp/v2/posts" in index["routes"]
    assert index["url"] == base.rstrip("/") and index["timezone_string"] == "Africa/Bamako"


def _walk_pages(url: str) -> tuple[list[dict[str, object]], list[http.client.HTTPMessage]]:
    items, heads = [], []
    next_url: str | None = url
    while next_url:
        status, headers, body = fetch(next_url)
        assert status == 200 and headers["Content-Type"] == "application/json; charset=UTF-8", (status, next_url)
        items += json.loads(body)
        heads.append(headers)
        found = [re.fullmatch(r'<([^>]+)>; rel="next"', v) for v in headers.get_all("Link") or []]
        next_url = next((m.group(1) for m in found if m), None)
    return items, heads


def test_rest_posts_paginate_over_exactly_the_visible_articles(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-wp")
    items, heads = _walk_pages(base + "wp-json/wp/v2/posts?per_page=10")
    articles = world.articles("demo-wp")
    assert heads[0]["X-WP-Total"] == str(len(articles)) and heads[0]["X-WP-TotalPages"] == str(len(heads)) == "4"
    assert [i["link"] for i in items] == [a.url(base) for a in articles]  # newest first, as the site lists them
    first, article = items[0], articles[0]
    assert {"id", "date", "date_gmt", "modified", "modified_gmt", "link", "slug", "title", "content", "excerpt",
            "author", "categories"} <= set(first)
    assert first["id"] == article.story_id and first["date_gmt"] == article.published.strftime("%Y-%m-%dT%H:%M:%S")
    assert first["title"]["rendered"] == article.title.replace('"', "&quot;")
    assert [p for p in re.findall(r"<p>(.*?)</p>", first["content"]["rendered"])] == list(article.paragraphs)
    assert isinstance(first["author"], int) and first["categories"] and first["slug"] in article.path
    assert heads[1].get_all("Link") == [f'<{base}wp-json/wp/v2/posts?per_page=10&page=1>; rel="prev"',
                                        f'<{base}wp-json/wp/v2/posts?per_page=10&page=3>; rel="next"']


def test_the_rest_route_query_form_serves_the_same_posts_and_links_in_its_own_form(server: DemoServer) -> None:
    base = server.base_url("demo-wp")
    pretty = json.loads(fetch(base + "wp-json/wp/v2/posts?per_page=100")[2])
    status, headers, body = fetch(base + "?rest_route=/wp/v2/posts&per_page=5")
    assert status == 200 and headers["X-WP-Total"] == str(len(pretty))
    assert [i["link"] for i in json.loads(body)] == [i["link"] for i in pretty[:5]]
    assert headers["Link"] == f'<{base}?rest_route=/wp/v2/posts&per_page=5&page=2>; rel="next"'
    assert len(_walk_pages(base + "?rest_route=/wp/v2/posts&per_page=5")[0]) == len(pretty)


def test_rest_date_filters_and_ordering(world: DemoWorld, server: DemoServer) -> None:
    base, since = server.base_url("demo-wp"), DEMO_EPOCH - timedelta(days=3)
    recent = json.loads(fetch(base + f"wp-json/wp/v2/posts?per_page=100&after={since:%Y-%m-%dT%H:%M:%S}")[2])
    assert {i["link"] for i in recent} == {a.url(base) for a in world.articles("demo-wp") if a.published > since}
    world.clock.advance(days=3)
    changed = json.loads(fetch(base + "wp-json/wp/v2/posts?per_page=100&modified_after=2026-11-20T08:00:00Z")[2])
    assert {i["link"] for i in changed} == {a.url(base) for a in world.articles("demo-wp") if a.last_modified > DEMO_EPOCH}
    end = world.now
    assert world.edited_between("demo-wp", DEMO_EPOCH, end) | world.published_between("demo-wp", DEMO_EPOCH, end) == {
        i["link"] for i in changed}
    edited = [i for i in changed if i["modified"] != i["date"]]
    assert len(edited) >= 2
    by_modified = json.loads(fetch(base + "wp-json/wp/v2/posts?per_page=100&orderby=modified&order=asc")[2])
    assert [i["modified_gmt"] for i in by_modified] == sorted(i["modified_gmt"] for i in by_modified)


@pytest.mark.parametrize(("query", "status", "code"), [
    ("wp/v2/posts?per_page=101", 400, "rest_invalid_param"),
    ("wp/v2/posts?page=99", 400, "rest_post_invalid_page_number"),
    ("wp/v2/posts?after=hier", 400, "rest_invalid_param"),
    ("wp/v2/posts?orderby=popularite", 400, "rest_invalid_param"),
    ("wp/v2/pages", 404, "rest_no_route"),
    ("wp/v2/posts/1", 404, "rest_post_invalid_id"),
])
def test_rest_errors_are_wordpress_json_errors(server: DemoServer, query: str, status: int, code: str) -> None:
    got, headers, body = fetch(server.base_url("demo-wp") + "wp-json/" + query)
    error = json.loads(body)
    assert (got, error["code"], error["data"]["status"]) == (status, code, status)
    assert headers["Content-Type"] == "application/json; charset=UTF-8"


def test_rest_json_is_encoded_as_wordpress_does(server: DemoServer) -> None:
    body = fetch(server.base_url("demo-wp") + "wp-json/wp/v2/posts?per_page=1")[2]
    assert body.isascii() and b"http:\\/\\/" in body and (b"\\u2019" in body or b"\\u00e9" in body)


# --- demo-listing: listings only ----------------------------------------------------------------


def test_listing_outlet_has_no_feed_and_no_sitemap(server: DemoServer) -> None:
    base = server.base_url("demo-listing")
    robots = fetch(base + "robots.txt")[2].decode()
    assert robots.startswith("User-agent: *\n") and "Sitemap" not in robots
    for path in ("feed/", "rss.xml", "sitemap.xml", "sitemap_index.xml", "wp-sitemap.xml", "wp-json/"):
        assert fetch(base + path)[0] == 404, path
    home = text(base)
    assert "application/rss+xml" not in home and "application/atom+xml" not in home


def _article_links(html: str, base: str) -> set[str]:
    return {u for u in links(html, base) if re.search(r"/\d{4}/\d{2}/\d{2}/[^/]+-\d+\.html$", u)}


def test_paginated_listings_reach_exactly_the_expected_articles(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-listing")
    found, url, pages = set(), base + "actualites/", 0
    while url:
        html = text(url)
        found |= _article_links(html, base)
        pages += 1
        nexts = re.findall(r'<link rel="next" href="([^"]+)">', html)
        url = base + nexts[0].lstrip("/") if nexts else ""
    expected = world.expected_article_urls("demo-listing")
    assert found == expected == world.article_urls("demo-listing") and len(expected) >= 30 and pages == 4
    assert fetch(base + "actualites/page/1/")[0] == 301 and fetch(base + "actualites/page/9/")[0] == 404
    categories = {u for u in links(text(base), base) if "/categorie/" in u}
    assert len(categories) == 6  # five French sections and the Arabic entry in the menu
    assert _article_links(text(base), base) <= expected


def test_tag_author_and_search_pages_are_not_articles(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-listing")
    home_links = links(text(base), base)
    pages = {"CollectionPage": next(u for u in home_links if "/tag/" in u),
             "ProfilePage": next(u for u in home_links if "/auteur/" in u),
             "SearchResultsPage": next(u for u in home_links if "/recherche/?q=" in u)}
    expected = world.expected_article_urls("demo-listing")
    for schema_type, url in pages.items():
        html = text(url)
        assert json_ld(html)["@type"] == schema_type and '<meta property="og:type" content="website">' in html
        assert url not in expected and _article_links(html, base) <= expected
    article = world.articles("demo-listing")[0]
    assert json_ld(text(article.url(base)))["@type"] == "NewsArticle"
    arabic = next(a for a in world.articles("demo-listing") if a.language == "ar")
    html = text(arabic.url(base))
    assert '<html lang="ar" dir="rtl">' in html and arabic.paragraphs[0] in html


# --- vanishing articles ---------------------------------------------------------------------------


@pytest.mark.parametrize("outlet_id", EXTRA_OUTLET_IDS)
def test_articles_vanish_with_404_or_410_after_a_clock_move(world: DemoWorld, server: DemoServer,
                                                            outlet_id: str) -> None:
    base = server.base_url(outlet_id)
    before = world.expected_article_urls(outlet_id)
    assert world.vanished_between(outlet_id, DEMO_EPOCH - timedelta(days=60), DEMO_EPOCH) == {}
    world.clock.advance(days=3)
    vanished = world.vanished_between(outlet_id, DEMO_EPOCH, world.now)
    assert sorted(vanished.values()) == [404, 410] and set(vanished) <= before
    for url, status in vanished.items():
        assert fetch(url)[0] == status
    after = world.expected_article_urls(outlet_id)
    assert after == before - set(vanished) | world.published_between(outlet_id, DEMO_EPOCH, world.now)
    assert not set(vanished) & links(text(base), base)


@pytest.mark.parametrize("outlet_id", ALL_OUTLET_IDS)
def test_after_a_clock_move_exactly_the_edited_articles_change(world: DemoWorld, server: DemoServer,
                                                               outlet_id: str) -> None:
    base = server.base_url(outlet_id)
    urls = world.expected_article_urls(outlet_id)
    etags = {url: fetch_patiently(url)[1]["ETag"] for url in urls}
    world.clock.advance(days=3)
    edited = world.edited_between(outlet_id, DEMO_EPOCH, world.now)
    still = urls & world.expected_article_urls(outlet_id)
    changed = {url for url in still if fetch(url, If_None_Match=etags[url])[0] != 304}
    assert changed == edited & still and len(changed) >= 2, (outlet_id, changed ^ edited)
    new = world.published_between(outlet_id, DEMO_EPOCH, world.now)
    assert edited - still and edited - still <= new  # one article is both published and edited after the epoch
    assert new and all(fetch(url)[0] == 200 for url in new), base


# --- demo-hard: robots, bot walls, 429 ---------------------------------------------------------------


def _sitemap_locs(base: str) -> set[str]:
    return {el.text for el in etree.fromstring(fetch(base + "sitemap-articles.xml")[2]).iter(f"{SITEMAP}loc")}


def test_robots_disallows_a_section_that_the_sitemap_still_lists(world: DemoWorld, server: DemoServer) -> None:
    base = server.base_url("demo-hard")
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(fetch(base + "robots.txt")[2].decode().splitlines())
    disallowed = world.disallowed_urls("demo-hard")
    private_articles = {u for u in disallowed if u.endswith(".html")}
    assert len(private_articles) == 3 and private_articles <= _sitemap_locs(base)
    assert base + "prive/" in disallowed and base + "prive/" in links(text(base), base)
    assert not any(robots.can_fetch("Khabar", url) for url in disallowed)
    assert all(robots.can_fetch("Khabar", url) for url in world.expected_article_urls("demo-hard"))
    assert not robots.can_fetch("GPTBot", base)
    assert fetch(next(iter(private_articles)))[0] == 200  # served, for a crawler that ignores robots.txt
    cms = world.disallowed_urls("demo-cms")
    assert len(cms) == len(world.articles("demo-cms")) and all("/imprimer/" in u for u in cms)
    assert world.disallowed_urls("demo-wp") == set()


def test_bot_walls_answer_challenges_not_articles(world: DemoWorld, server: DemoServer) -> None:
    walls = world.bot_wall_urls("demo-hard")
    statuses = {}
    for url in walls:
        status, headers, body = fetch(url)
        html = body.decode()
        statuses[url] = status
        article = world.article("demo-hard", urlsplit(url).path)
        assert article is not None and article.paragraphs[0] not in html and article.title not in html
        if status == 503:
            assert headers["cf-mitigated"] == "challenge" and headers["Server"] == "cloudflare"
            assert "<title>Just a moment...</title>" in html and "_cf_chl_opt" in html
            assert "/cdn-cgi/challenge-platform/" in html and "Enable JavaScript and cookies to continue" in html
        else:
            assert status == 403 and "g-recaptcha" in html and "Accès refusé" in html
    assert sorted(statuses.values()) == [403, 503, 503]
    assert walls <= _sitemap_locs(server.base_url("demo-hard")) and not walls & world.expected_article_urls("demo-hard")


def test_throttled_articles_answer_429_once_then_the_article(world: DemoWorld, server: DemoServer) -> None:
    throttled = sorted(world.throttled_urls("demo-hard"))
    assert len(throttled) == 3 and set(throttled) <= world.expected_article_urls("demo-hard")
    status, headers, body = fetch(throttled[0])
    assert (status, headers["Retry-After"]) == (429, "1")
    assert fetch(throttled[0])[0] == fetch(throttled[0])[0] == 200
    assert fetch(throttled[1], method="HEAD")[0] == 429 and fetch(throttled[1])[0] == 200
    server.reset_throttling()
    assert fetch(throttled[0])[0] == 429
    others = world.expected_article_urls("demo-hard") - set(throttled)
    assert fetch(min(others))[0] == 200


# --- demo-hard: loop, oversized, malformed files -------------------------------------------------------


def test_the_redirect_loop_goes_round(world: DemoWorld, server: DemoServer) -> None:
    special = world.special_urls("demo-hard")
    a, b = special["redirect_loop_a"], special["redirect_loop_b"]
    assert fetch(a)[0] == 302 and fetch(a)[1]["Location"] == b
    assert fetch(b)[0] == 302 and fetch(b)[1]["Location"] == a
    with pytest.raises(urllib.error.HTTPError) as caught:  # urllib gives up on the loop
        urllib.request.urlopen(a, timeout=5)
    caught.value.close()
    assert caught.value.code == 302


def test_the_oversized_page_is_streamed_past_32_mib(world: DemoWorld, server: DemoServer) -> None:
    url = world.special_urls("demo-hard")["oversized"]
    status, headers, body = fetch(url, method="HEAD")
    assert status == 200 and int(headers["Content-Length"]) == OVERSIZED_LENGTH > 32 * 2**20 and body == b""
    assert headers["Content-Encoding"] is None and headers["ETag"]
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept-Encoding: gzip\r\n\r\n".encode())
        received = b""
        while len(received) < 2**20:
            received += sock.recv(65536)
    head, _, start = received.partition(b"\r\n\r\n")
    assert b"Content-Length: 41943040" in head and start.startswith(b"<!DOCTYPE html>")
    entry = server.responses_for(url)[-1]
    assert entry.unlogged_body_bytes == OVERSIZED_LENGTH and entry.response_bytes == head + b"\r\n\r\n"


def test_malformed_sitemap_and_feed_beside_good_ones(world: DemoWorld, server: DemoServer) -> None:
    special = world.special_urls("demo-hard")
    index = [el.text for el in etree.fromstring(fetch(special["sitemap_index"])[2]).iter(f"{SITEMAP}loc")]
    assert index == [special["sitemap"], special["malformed_sitemap"]]
    broken = fetch(special["malformed_sitemap"])[2]
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(broken)
    recovered = {el.text for el in etree.fromstring(broken, etree.XMLParser(recover=True)).iter(f"{SITEMAP}loc")}
    assert recovered and recovered <= _sitemap_locs(server.base_url("demo-hard"))
    good, bad = feedparser.parse(fetch(special["feed"])[2]), feedparser.parse(fetch(special["malformed_feed"])[2])
    assert good.bozo is False or good.bozo == 0
    articles = world.expected_article_urls("demo-hard") | world.bot_wall_urls("demo-hard")  # feeds list walled URLs too
    assert len(good.entries) == 20 and {e.link for e in good.entries} <= articles
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(fetch(special["malformed_feed"])[2])
    assert bad.bozo and {e.get("link") for e in bad.entries if e.get("link")} <= articles


# --- demo-hard: paywall, JavaScript, broken HTML, duplicates --------------------------------------------


def test_the_paywalled_article_is_a_teaser_marked_as_such(world: DemoWorld, server: DemoServer) -> None:
    (url,) = world.role_urls("demo-hard", "paywalled")
    article = world.article("demo-hard", urlsplit(url).path)
    html = text(url)
    data = json_ld(html)
    assert data["isAccessibleForFree"] is False and data["hasPart"]["cssSelector"] == ".reserve-abonnes"
    assert "réservé aux abonnés" in html and 'class="reserve-abonnes paywall"' in html
    teaser = teaser_paragraphs(article)
    assert all(f"<p>{p}</p>" in html.replace("&quot;", '"') for p in teaser) and teaser[1].endswith("…")
    assert article.paragraphs[1] not in html and article.paragraphs[2] not in html


def test_the_javascript_article_has_its_text_only_in_the_json_its_script_fetches(world: DemoWorld,
                                                                                 server: DemoServer) -> None:
    (url,) = world.role_urls("demo-hard", "js_rendered")
    article = world.article("demo-hard", urlsplit(url).path)
    html = text(url)
    assert not any(p in html for p in article.paragraphs) and article.title in html
    source = re.search(r'data-source="([^"]+)"', html).group(1)
    assert "fetch(box.getAttribute('data-source')" in html and "<noscript>" in html
    data = json.loads(text(server.base_url("demo-hard") + source.lstrip("/")))
    assert data["paragraphes"] == list(article.paragraphs) and data["titre"] == article.title
    assert json_ld(html)["@type"] == "NewsArticle"


def test_the_broken_html_article_is_broken_but_holds_its_text(world: DemoWorld, server: DemoServer) -> None:
    (url,) = world.role_urls("demo-hard", "broken_html")
    article = world.article("demo-hard", urlsplit(url).path)
    html = text(url)
    assert "</html>" not in html and "</body>" not in html and html.count("<p") > html.count("</p>")
    assert re.search(r"<h1>[^<]*</h2>", html) and "<meta name=description content=" in html
    with pytest.raises(json.JSONDecodeError):
        json_ld(html)
    assert all(p.replace('"', "&quot;") in html for p in article.paragraphs)


def _body_paragraphs(html: str) -> list[str]:
    return re.findall(r"<p>(.*?)</p>", html.split('<div class="corps">', 1)[1].split("</div>", 1)[0])


def test_one_story_under_several_urls(world: DemoWorld, server: DemoServer) -> None:
    (group,) = world.duplicate_groups("demo-hard")
    first, second = sorted(group, key=len)
    assert group <= world.expected_article_urls("demo-hard") and second.endswith("-2.html")
    one, two = text(first), text(second)
    assert _body_paragraphs(one) == _body_paragraphs(two) and _body_paragraphs(one)
    assert f'<link rel="canonical" href="{first}">' in one and f'<link rel="canonical" href="{second}">' in two
    variants = world.variant_urls("demo-hard")
    assert set(variants.values()) == {first} and len(variants) == 2
    for variant in variants:
        assert f'<link rel="canonical" href="{first}">' in text(variant) and variant not in world.expected_article_urls("demo-hard")
    amp = next(v for v in variants if "/amp/" in v)
    assert '<html ⚡ lang="fr">' in text(amp) and f'<link rel="amphtml" href="{amp}">' in one
    utm = next(v for v in variants if "utm_source=" in v)
    assert f'href="{urlsplit(utm).path}?{urlsplit(utm).query}"' in text(server.base_url("demo-hard"))
    assert world.duplicate_groups("demo-hard", include_variants=True) == [group | set(variants)]
    assert all(world.duplicate_groups(oid) == [] for oid in OUTLET_IDS)


# --- ground truth against what is served ------------------------------------------------------------


@pytest.mark.parametrize("outlet_id", EXTRA_OUTLET_IDS)
def test_ground_truth_matches_what_the_server_serves(world: DemoWorld, server: DemoServer, outlet_id: str) -> None:
    base = server.base_url(outlet_id)
    expected = world.expected_article_urls(outlet_id)
    assert len(expected) >= 30
    for url in expected:
        html = text(url)
        assert '<meta property="og:type" content="article">' in html or "<html><head><meta charset=utf-8>" in html, url
    for name, url in world.special_urls(outlet_id).items():
        assert url not in expected, name
    if outlet_id == "demo-hard":
        listed = _sitemap_locs(base)
        specials = {world.special_urls(outlet_id)[n] for n in ("redirect_loop_a", "oversized")}
        assert listed - specials == expected | world.disallowed_urls(outlet_id) - {base + "prive/"} | world.bot_wall_urls(outlet_id)


def test_each_new_outlet_is_its_own_loopback_host(server: DemoServer) -> None:
    hosts = {oid: urlsplit(server.base_url(oid)).hostname for oid in EXTRA_OUTLET_IDS}
    assert hosts == {"demo-listing": "127.0.0.14", "demo-hard": "127.0.0.15"}
    assert fetch(server.base_url("demo-hard"))[1]["Server"] == "cloudflare"


def test_catalog_entries_of_the_new_outlets(server: DemoServer) -> None:
    from crawler.catalog import parse_outlet
    from crawler.demo import demo_catalog_entries

    entries = {e["id"]: e for e in demo_catalog_entries(server)}
    listing, hard = parse_outlet(entries["demo-listing"]), parse_outlet(entries["demo-hard"])
    assert listing.feeds == () and listing.sitemaps == () and listing.languages == ("fr", "ar")
    assert listing.listing_pagination and listing.crawl.concurrency == 8 and listing.crawl.delay == 0
    base = server.base_url("demo-hard")
    assert [s.url for s in hard.feeds] == [base + "rss.xml", base + "rss-sport.xml"]
    assert [(s.url, s.kind) for s in hard.sitemaps] == [(base + "sitemap.xml", "index"), (base + "sitemap-articles.xml", "sitemap"),
                                                        (base + "sitemap-archives.xml", "sitemap")]


# --- hostile files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(hostile.COMMITTED))
def test_committed_hostile_files_are_what_the_helpers_make(name: str) -> None:
    assert (DATA / name).read_bytes() == hostile.COMMITTED[name]()


def test_xxe_files_reach_for_etc_passwd_only_through_an_unsafe_parser() -> None:
    for name in ("sitemap-xxe.xml", "feed-xxe.xml"):
        data = (DATA / name).read_bytes()
        assert b'<!ENTITY secret SYSTEM "file:///etc/passwd">' in data
        safe = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        assert "root:" not in etree.tostring(safe, encoding="unicode")
    if Path("/etc/passwd").exists():
        unsafe = etree.fromstring((DATA / "sitemap-xxe.xml").read_bytes(), etree.XMLParser(resolve_entities=True))
        assert "root:" in etree.tostring(unsafe, encoding="unicode")


def test_billion_laughs_files_would_expand_to_gigabytes() -> None:
    for name in ("sitemap-billion-laughs.xml", "feed-billion-laughs.xml"):
        data = (DATA / name).read_text()
        levels = re.findall(r'<!ENTITY lol(\d) "([^"]*)">', data)
        assert len(data) < 1200 and len(levels) == 10 and all(v.count("&lol") == 10 for _, v in levels[1:])
        assert len("lol") * 10 ** (len(levels) - 1) == 3 * 10**9 and "&lol9;" in data.split("]>")[1]
        with pytest.raises(etree.XMLSyntaxError):  # libxml2 ≥ 2.11 refuses to expand it by itself
            etree.fromstring(data.encode())


def test_the_gzip_bomb_expands_past_100_mib_read_in_bounded_pieces() -> None:
    data = (DATA / "sitemap-gzip-bomb.xml.gz").read_bytes()
    assert len(data) < 200_000 and data[:2] == b"\x1f\x8b"
    inflater, total, head = zlib.decompressobj(31), 0, b""
    pending = data
    while pending:
        piece = inflater.decompress(pending, 2**20)  # never more than 1 MiB at a time
        head, total, pending = head or piece[:300], total + len(piece), inflater.unconsumed_tail
    assert total == hostile.BOMB_EXPANDED_SIZE > 100 * 2**20
    assert head.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset') and inflater.eof


def test_the_huge_sitemap_has_60000_urls(server: DemoServer, world: DemoWorld) -> None:
    body = hostile.sitemap_with_urls()
    count = sum(1 for _ in etree.iterparse(io.BytesIO(body), tag=f"{SITEMAP}loc"))
    assert count == hostile.HUGE_SITEMAP_URLS == 60_000 > 50_000
    special = world.special_urls("demo-hard")
    base = server.base_url("demo-hard")
    status, headers, zipped = fetch(special["huge_sitemap"], Accept_Encoding="gzip")
    assert status == 200 and gzip.decompress(zipped) == hostile.sitemap_with_urls(base)
    status, headers, served = fetch(special["gzip_bomb_sitemap"], Accept_Encoding="gzip")
    assert headers["Content-Type"] == "application/x-gzip" and headers["Content-Encoding"] is None
    assert served == hostile.gzip_bomb_sitemap(base)
    assert fetch(special["xxe_sitemap"])[2] == hostile.xxe_sitemap(base)
    assert fetch(special["billion_laughs_feed"])[2] == hostile.billion_laughs_feed(base)
