"""One bad entry in a feed or a sitemap is skipped and counted; every other entry of the document is used."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.crawls import KHABAR, article_records, run
from tests.support.hostile import _article
from tests.support.loopback import LoopbackSite, QuietHandler

FEED = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Le Fil</title>"
        b"<item><title>Un</title><link>/2026/11/20/premier-article-du-fil</link></item>"
        b"<item><title>Courriel</title><link>mailto:redaction@fil.example</link></item>"
        b"<item><title>Script</title><link>javascript:void(0)</link></item>"
        b"<item><title>Deux</title><link>/2026/11/21/deuxieme-article-du-fil</link></item>"
        b"</channel></rss>")
SITEMAP = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
           "<url><loc>/2026/11/22/troisieme-article-relatif</loc></url>"
           "<url><loc>mailto:x@fil.example</loc></url>"
           "<url><loc>http://[::1/cassé</loc></url>"
           "<url><loc>{base}/2026/11/23/quatrieme-article-absolu</loc></url>"
           "</urlset>")
ARTICLES = ("/2026/11/20/premier-article-du-fil", "/2026/11/21/deuxieme-article-du-fil",
            "/2026/11/22/troisieme-article-relatif", "/2026/11/23/quatrieme-article-absolu")


CUT = [f"/2026/11/24/article-coupe-numero-{i:03d}" for i in range(60)]


def _cut_sitemap(base: str) -> bytes:
    """A gzip sitemap of 60 URLs whose download stopped two thirds of the way through."""
    urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in CUT)
    whole = gzip.compress(f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}"
                          "</urlset>".encode(), mtime=0)
    return whole[: len(whole) * 2 // 3]


class _Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        base = f"http://{self.headers['Host']}"
        if self.path == "/cut-sitemap.xml.gz":
            self.reply(200, "application/x-gzip", _cut_sitemap(base))
        elif self.path == "/cut-encoded-sitemap.xml":  # gzip as Content-Encoding, not as a file
            body = _cut_sitemap(base)
            self.send_response(200)
            for name, value in (("Content-Type", "application/xml"), ("Content-Encoding", "gzip"),
                                ("Content-Length", str(len(body)))):
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        elif self.path in CUT:
            self.reply(200, "text/html; charset=utf-8", _article(f"Article {self.path.rsplit('-', 1)[-1]}"))
        elif self.path == "/feed.xml":
            self.reply(200, "application/rss+xml", FEED)
        elif self.path == "/sitemap.xml":
            self.reply(200, "application/xml", SITEMAP.format(base=base).encode())
        elif self.path in ARTICLES:
            self.reply(200, "text/html; charset=utf-8", _article(f"Article {self.path.rsplit('/', 1)[-1]}"))
        else:
            self.reply(404, "text/plain", b"not found")


class _Outlet(LoopbackSite):
    handler = _Handler


def test_a_mailto_item_and_relative_or_broken_locs_do_not_drop_the_rest_of_the_document(tmp_path: Path) -> None:
    with _Outlet() as site:
        entry = {"id": "le-fil", "name": "Le Fil", "group": "demo", "country": "ML", "languages": ["fr"],
                 "homepage": site.base_url + "/", "cms": "custom", "crawl": {"delay": 0},
                 "feeds": [{"url": site.base_url + "/feed.xml", "kind": "rss", "confidence": "demo"}],
                 "sitemaps": [{"url": site.base_url + "/sitemap.xml", "kind": "sitemap", "confidence": "demo"}]}
        catalog = tmp_path / "catalog.yaml"
        catalog.write_text(yaml.safe_dump([entry]))
        result = run([*KHABAR, "crawl", "le-fil", "--catalog-extra", str(catalog), "--store", str(tmp_path / "store")])
    assert result.returncode == 0, result.stderr[-3000:]
    assert {urlsplit(r["url"]).path for r in article_records(tmp_path / "store")} == set(ARTICLES)
    report = json.loads(next((tmp_path / "store" / "runs").glob("*/le-fil.json")).read_text())
    assert report["unfetchable_entries"] == {"feed": 2, "sitemap": 2}
    warnings = [line for line in result.stderr.splitlines() if "not an http(s) URL" in line]
    assert len(warnings) == 4, result.stderr[-3000:]  # mailto: and javascript: in the feed; mailto: and a broken host in the sitemap


@pytest.mark.parametrize("sitemap", ["/cut-sitemap.xml.gz", "/cut-encoded-sitemap.xml"])
def test_a_truncated_gzip_sitemap_gives_its_complete_entries_and_a_warning(sitemap: str, tmp_path: Path) -> None:
    with _Outlet() as site:
        entry = {"id": "le-fil-coupe", "name": "Le Fil coupé", "group": "demo", "country": "ML", "languages": ["fr"],
                 "homepage": site.base_url + "/", "cms": "custom", "crawl": {"delay": 0},
                 "sitemaps": [{"url": site.base_url + sitemap, "kind": "sitemap", "confidence": "demo"}]}
        catalog = tmp_path / "catalog.yaml"
        catalog.write_text(yaml.safe_dump([entry]))
        result = run([*KHABAR, "crawl", "le-fil-coupe", "--catalog-extra", str(catalog),
                      "--store", str(tmp_path / "store"), "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"])
    assert result.returncode == 0, result.stderr[-3000:]
    recorded = sorted(urlsplit(r["url"]).path for r in article_records(tmp_path / "store"))
    assert 10 < len(recorded) < len(CUT) and recorded == CUT[: len(recorded)]  # a prefix: no half URL was fetched
    assert any("gzip stream ends early" in line and sitemap in line for line in result.stderr.splitlines())
    assert "could not fetch" not in result.stderr  # our own warning for an article that failed (a 404 of a half URL)
