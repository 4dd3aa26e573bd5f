"""BotWallDetector: challenge and captcha pages are recognised, counted, and never become articles.

A bot wall answers with a JavaScript challenge, a captcha or a block page instead of the article,
often with status 403 or 503, sometimes with 200. :func:`botwall_reason` looks for the markers the
common walls leave in headers and in the first 64 KB of short pages; it is a pure function of the
response, which ``crawler.records.decision`` asks too, so the crawl, ``khabar reextract`` and the
recovery of a killed crawl's captures judge a page alike. This downloader middleware (at 580, so it
sees bodies after HttpCompression) logs a detected wall once per outlet, counts it under
``khabar/botwall/pages``, and flags it in ``request.meta["khabar_botwall"]`` (a wall answered
with an error status then fails quietly); the run summary reports the outlet as blocked. The page
stays in the WARC.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.http import Headers, Request, Response

logger = logging.getLogger(__name__)

BOTWALL_META = "khabar_botwall"
_BODY_MARKERS = (
    b"cf-browser-verification", b"cf_chl_", b"/cdn-cgi/challenge-platform", b"challenge-platform",
    b"Checking your browser before accessing", b"Just a moment...", b"Attention Required! | Cloudflare",
    b"DDoS protection by", b"_Incapsula_Resource", b"Request unsuccessful. Incapsula",
    b"px-captcha", b"captcha-delivery.com", b"geo.captcha-delivery", b"Sucuri WebSite Firewall",
    b"sucuri_cloudproxy", b"aws-waf-token", b"awsWafCookieDomainList",
    b"Please enable JavaScript and cookies to continue",
)
# Captcha widgets also sit in ordinary comment forms: they count only on an error status.
_ERROR_MARKERS = (b"g-recaptcha", b"h-captcha", b"hcaptcha.com/1/api.js", b"captcha", b"bot protection",
                  b"Vous avez \xc3\xa9t\xc3\xa9 bloqu\xc3\xa9", b"V\xc3\xa9rification de s\xc3\xa9curit\xc3\xa9")
_HEADER_MARKERS = ((b"cf-mitigated", b"challenge"), (b"x-datadome", b""), (b"x-sucuri-block", b""),
                   (b"x-amzn-waf-action", b""))
_SHORT_PAGE = 64 * 1024


def botwall_reason(status: int, headers: Headers, body: bytes) -> str | None:
    """Why this response looks like a bot wall, or None; ``body`` without its Content-Encoding."""
    for name, value in _HEADER_MARKERS:
        found = headers.get(name)
        if found is not None and value in found.lower():
            return f"header {name.decode()}: {found.decode('latin-1')}"
    if status not in (200, 202, 403, 429, 503) or len(body) > _SHORT_PAGE and status == 200:
        return None
    head = body[:_SHORT_PAGE]
    markers = _BODY_MARKERS + (_ERROR_MARKERS if status != 200 else ())
    for marker in markers:
        if marker in head:
            return f"status {status}, page contains {marker.decode('utf-8', 'replace')!r}"
    return None


class BotWallDetector:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._warned: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> BotWallDetector:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        reason = botwall_reason(response.status, response.headers, response.body)
        if reason is None:
            return response
        request.meta[BOTWALL_META] = reason
        self.crawler.stats.inc_value("khabar/botwall/pages")
        outlet = request.meta.get("outlet", "?")
        if outlet not in self._warned:
            self._warned.add(outlet)
            logger.warning("outlet %s: bot wall at %s (%s); such pages are archived, never recorded as articles",
                           outlet, request.url, reason)
        return response
