"""``khabar discover URL``: probe a news site from its home page and draft its catalog entry.

What is tried, in order: the home page (feed ``<link>``s, the WordPress REST ``<link>``, generator,
language, pagination links), ``robots.txt`` (``Sitemap:`` lines), common sitemap names, common
feed names, ``/wp-json/``. Every probe is one polite GET with Khabar's User-Agent, a timeout and a
size cap; what worked and what failed are both reported, and the entry validates as it is.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from crawler.discovery.feeds import parse_feed
from crawler.discovery.limits import gunzip_limited, is_gzip
from crawler.discovery.links import looks_like_listing
from crawler.discovery.sitemaps import parse_sitemap, sitemaps_in_robots

SITEMAP_NAMES = ("/sitemap.xml", "/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap-news.xml", "/news-sitemap.xml",
                 "/sitemap.xml.gz", "/sitemap-news.xml.gz")
FEED_NAMES = ("/feed/", "/rss.xml", "/rss", "/feed.xml", "/atom.xml", "/feed.atom", "/index.xml")
MAX_BYTES = 20 * 1024 * 1024
_PAGINATION = re.compile(r"(/page/\d+/?|[?&]page=\d+)")
_SECTION = re.compile(r"/(category|categorie|rubrique|section|actualites?|news|infos?|archives?)(/|$)", re.IGNORECASE)


@dataclass
class Probe:
    homepage: str
    found: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    feeds: dict[str, str] = field(default_factory=dict)      # url -> rss|atom
    sitemaps: dict[str, str] = field(default_factory=dict)   # url -> index|sitemap|news
    wp_json: bool = False
    cms: str = "unknown"
    name: str | None = None
    languages: list[str] = field(default_factory=list)
    pagination: str | None = None


def _get(url: str, user_agent: str, timeout: float) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) URLs only)
            body, headers = response.read(MAX_BYTES + 1), {k.lower(): v for k, v in response.headers.items()}
            status = response.status
    except urllib.error.HTTPError as exc:
        return exc.code, {}, b""
    if headers.get("content-encoding") == "gzip":
        body = gunzip_limited(body, MAX_BYTES, url, "the probe's 20 MB cap")
    return status, headers, body


class Prober:
    def __init__(self, homepage: str, user_agent: str, timeout: float = 15.0) -> None:
        if urlsplit(homepage).scheme not in ("http", "https"):
            raise ValueError(f"{homepage!r} is not an http(s) URL")
        self.probe = Probe(homepage=homepage if homepage.endswith("/") or urlsplit(homepage).path else homepage + "/")
        self.user_agent, self.timeout = user_agent, timeout

    def fetch(self, path_or_url: str) -> tuple[int, dict[str, str], bytes] | None:
        url = urljoin(self.probe.homepage, path_or_url)
        try:
            return _get(url, self.user_agent, self.timeout)
        except (OSError, ValueError) as exc:
            self.probe.failed.append(f"{url}: {exc}")
            return None

    def run(self) -> Probe:
        self._home()
        self._robots()
        for name in SITEMAP_NAMES:
            self._sitemap(urljoin(self.probe.homepage, name), quiet=True)
        if not self.probe.feeds:
            for name in FEED_NAMES:
                self._feed(urljoin(self.probe.homepage, name), quiet=True)
        self._wp_json()
        return self.probe

    def _home(self) -> None:
        answer = self.fetch(self.probe.homepage)
        if answer is None or answer[0] != 200:
            self.probe.failed.append(f"home page {self.probe.homepage}: " + (f"HTTP {answer[0]}" if answer else "unreachable"))
            return
        tree = lxml_html.fromstring(answer[2])
        self.probe.found.append(f"home page {self.probe.homepage}")
        self._read_home(tree)

    def _read_home(self, tree: Any) -> None:
        probe = self.probe
        lang = (tree.get("lang") or "")[:2].lower()
        probe.languages = [lang] if re.fullmatch(r"[a-z]{2}", lang) else []
        probe.languages += [h[:2].lower() for h in tree.xpath("//link[@rel='alternate']/@hreflang")
                            if re.fullmatch(r"[a-z]{2}(-.*)?", h.lower()) and h[:2].lower() not in probe.languages]
        site_name = tree.xpath("string(//meta[@property='og:site_name']/@content)") or tree.xpath("string(//title)")
        probe.name = site_name.strip() or None
        generator = tree.xpath("string(//meta[@name='generator']/@content)").lower()
        if "wordpress" in generator or tree.xpath("//link[@rel='https://api.w.org/']"):
            probe.cms = "wordpress"
        for link in tree.xpath("//link[@rel='alternate'][contains(@type, 'rss') or contains(@type, 'atom')]"):
            self._feed(urljoin(probe.homepage, link.get("href", "")))
        probe.pagination = self._pagination(tree, follow_section=True)

    def _pagination(self, tree: Any, follow_section: bool) -> str | None:
        """The listing-page pattern (``/actualites/page/N/``), from this page or its first section page."""
        home = self.probe.homepage
        hrefs = [urljoin(home, h) for h in tree.xpath("//a/@href") if urlsplit(urljoin(home, h)).netloc == urlsplit(home).netloc]
        for href in hrefs:
            if _PAGINATION.search(href):
                parts = urlsplit(href)
                return re.sub(r"\d+", "N", _PAGINATION.sub(lambda m: m.group(0), parts.path + (f"?{parts.query}" if parts.query else "")))
        sections = sorted((h for h in hrefs if urlsplit(h).path not in ("", "/") and
                           (looks_like_listing(h) or _SECTION.search(urlsplit(h).path))),
                          key=lambda h: not _SECTION.search(urlsplit(h).path))  # sections before tags and authors
        if follow_section and sections:
            answer = self.fetch(sections[0])
            if answer is not None and answer[0] == 200:
                return self._pagination(lxml_html.fromstring(answer[2]), follow_section=False)
        return None

    def _robots(self) -> None:
        answer = self.fetch("/robots.txt")
        if answer is None or answer[0] != 200:
            self.probe.failed.append("robots.txt: " + (f"HTTP {answer[0]}" if answer else "unreachable"))
            return
        named = sitemaps_in_robots(answer[2].decode("utf-8", "replace"))
        self.probe.found.append(f"robots.txt names {len(named)} sitemap(s)")
        for url in named:
            self._sitemap(url)

    def _sitemap(self, url: str, quiet: bool = False) -> None:
        if url in self.probe.sitemaps:
            return
        answer = self.fetch(url)
        if answer is None or answer[0] != 200:
            if not quiet:
                self.probe.failed.append(f"sitemap {url}: " + (f"HTTP {answer[0]}" if answer else "unreachable"))
            return
        body = gunzip_limited(answer[2], MAX_BYTES, url) if is_gzip(answer[2]) else answer[2]
        try:
            sitemap = parse_sitemap(body, 1000)
        except ValueError as exc:
            if not quiet:
                self.probe.failed.append(f"sitemap {url}: {exc}")
            return
        news = any(e.news_date or e.news_title for e in sitemap.entries)
        self.probe.sitemaps[url] = "index" if sitemap.kind == "index" else "news" if news else "sitemap"
        self.probe.found.append(f"sitemap {url}: {self.probe.sitemaps[url]}, {len(sitemap.entries)} entries"
                                + (f" (damaged: {sitemap.damage})" if sitemap.damage else ""))

    def _feed(self, url: str, quiet: bool = False) -> None:
        if url in self.probe.feeds:
            return
        answer = self.fetch(url)
        if answer is None or answer[0] != 200:
            if not quiet:
                self.probe.failed.append(f"feed {url}: " + (f"HTTP {answer[0]}" if answer else "unreachable"))
            return
        entries, problem = parse_feed(answer[2], 1000)
        if not entries:
            if not quiet:
                self.probe.failed.append(f"feed {url}: no entries" + (f" ({problem})" if problem else ""))
            return
        self.probe.feeds[url] = "atom" if b"<feed" in answer[2][:2000] else "rss"
        self.probe.found.append(f"feed {url}: {self.probe.feeds[url]}, {len(entries)} entries")

    def _wp_json(self) -> None:
        answer = self.fetch("/wp-json/")
        try:
            namespaces = json.loads(answer[2]).get("namespaces", []) if answer and answer[0] == 200 else []
        except (ValueError, AttributeError):
            namespaces = []
        self.probe.wp_json = "wp/v2" in namespaces
        (self.probe.found if self.probe.wp_json else self.probe.failed).append(
            "WordPress REST API at /wp-json/" + ("" if self.probe.wp_json else ": not available"))
        if self.probe.wp_json:
            self.probe.cms = "wordpress"


def catalog_entry(probe: Probe, outlet_id: str | None = None, country: str = "ZZ") -> dict[str, Any]:
    host = (urlsplit(probe.homepage).hostname or "site").removeprefix("www.")
    slug = outlet_id or re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")[:63]
    return {
        "id": slug, "name": probe.name or host, "group": country if country != "ZZ" else "regional",
        "country": country, "languages": probe.languages or ["fr"], "homepage": probe.homepage, "cms": probe.cms,
        "cms_confidence": "seen" if probe.cms != "unknown" else "guess",
        "feeds": [{"url": u, "kind": k, "confidence": "seen"} for u, k in probe.feeds.items()],
        "sitemaps": [{"url": u, "kind": k, "confidence": "seen"} for u, k in probe.sitemaps.items()],
        "wp_json": probe.wp_json, "listing_pagination": probe.pagination,
    }
