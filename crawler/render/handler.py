"""The download handler: the raw byte tap for every request, Chromium for the pages marked to render.

Requests whose meta has ``playwright: True`` go to scrapy-playwright's handler, created on the first
such request (crawls that never render never start a browser). Every response the browser received
while it built the page is kept in ``request.meta[BROWSER_EXCHANGES_META]`` as HTTP/1.1 bytes, for
the WARC writer. The browser decodes bodies before Khabar sees them, so these records carry the
decoded body, no ``Content-Encoding``/``Transfer-Encoding`` and a ``Content-Length`` that matches it;
the WARC marks them ``WARC-Khabar-Reconstructed: browser``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from crawler.render.screenshot import SCREENSHOT_META, SCREENSHOT_ONLY_META, screenshot_mode, take_screenshot
from crawler.warc.tap import RawCaptureDownloadHandler

if TYPE_CHECKING:  # Playwright itself is imported when the first page is rendered
    from playwright.async_api import Page
    from playwright.async_api import Response as PlaywrightResponse
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

BROWSER_EXCHANGES_META = "_khabar_browser_exchanges"
_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True, slots=True)
class BrowserExchange:
    """One request the browser made while rendering, and its response, as HTTP/1.1 bytes."""

    url: str
    navigation: bool  # the page itself (already archived as served by the first fetch)
    sent: bytes
    received: bytes


class RenderingDownloadHandler(RawCaptureDownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._browser_handler: Any = None
        self._starting = asyncio.Lock()  # two first renders at once start one browser
        self._settle_ms = crawler.settings.getfloat("KHABAR_RENDER_SETTLE", 5.0) * 1000
        self._screenshots = screenshot_mode(crawler.settings) != "off"
        self._screenshot_max_height = crawler.settings.getint("KHABAR_SCREENSHOT_MAX_HEIGHT", 8000)
        self._screenshot_timeout_ms = crawler.settings.getfloat("KHABAR_RENDER_TIMEOUT", 30.0) * 1000

    async def download_request(self, request: Request) -> Response:
        if not request.meta.get("playwright"):
            return await super().download_request(request)
        from scrapy_playwright.page import PageMethod

        handler = await self._browser()
        seen: list[PlaywrightResponse] = []
        request.meta["playwright_include_page"] = True
        picture_only = bool(request.meta.get(SCREENSHOT_ONLY_META))  # KHABAR_SCREENSHOTS=articles: no exchanges kept

        def keep(browser_response: PlaywrightResponse) -> None:  # Playwright wants a Python function, not a builtin
            if not picture_only:
                seen.append(browser_response)

        request.meta["playwright_page_event_handlers"] = {"response": keep}
        request.meta.setdefault("playwright_page_goto_kwargs", {"wait_until": "load"})
        request.meta.setdefault("playwright_page_methods", [PageMethod(settle, self._settle_ms)])
        try:
            response: Response = await handler.download_request(request)
            exchanges = [exchange for r in seen if (exchange := await _exchange(r)) is not None]
            if self._screenshots or picture_only:
                await self._screenshot(request)
        finally:  # the page stays open until its responses' bodies are read; then it is ours to close
            for key in ("playwright_page_event_handlers", "playwright_page_methods"):
                request.meta.pop(key, None)
            page = request.meta.pop("playwright_page", None)
            if page is not None and not page.is_closed():
                await page.close()
        request.meta[BROWSER_EXCHANGES_META] = exchanges
        return response

    async def _screenshot(self, request: Request) -> None:
        """The page's picture into ``request.meta[SCREENSHOT_META]``; a failure is counted, never raised."""
        page = request.meta.get("playwright_page")
        shot = await take_screenshot(page, self._screenshot_max_height, self._screenshot_timeout_ms) if page else None
        if shot is None:
            self._crawler.stats.inc_value("khabar/screenshots/failed")
        else:
            request.meta[SCREENSHOT_META] = shot

    async def _browser(self) -> Any:
        async with self._starting:
            if self._browser_handler is None:
                self._browser_handler = await self._start_browser()
        return self._browser_handler

    async def _start_browser(self) -> Any:
        from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

        if not self._crawler.settings.get("KHABAR_RENDER_BROWSER"):
            raise RuntimeError("a request asked for a browser but KHABAR_RENDER_JS found none; "
                               "install Chromium or set KHABAR_RENDER_JS to its path")
        handler = ScrapyPlaywrightDownloadHandler(self._crawler)
        await handler._maybe_launch_in_thread()  # its engine_started hook has passed: start Playwright now
        logger.info("started %s to render pages built by JavaScript", self._crawler.settings["KHABAR_RENDER_BROWSER"])
        return handler

    async def close(self) -> None:
        await super().close()
        if self._browser_handler is not None:
            await self._browser_handler.close()
            self._browser_handler = None


async def settle(page: Page, timeout_ms: float) -> None:
    """Wait, after the load event, for the page's scripts to stop fetching (500 ms of network quiet),
    at most ``KHABAR_RENDER_SETTLE`` seconds: a page that polls for ever is taken as it is by then."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except PlaywrightTimeout:
        logger.info("rendering %s: the network was still busy after %.0f s; taking the page as it is",
                    page.url, timeout_ms / 1000)


async def _exchange(response: PlaywrightResponse) -> BrowserExchange | None:
    """The bytes of one browser exchange; None for what has no body to keep (redirects, aborted loads)."""
    from playwright.async_api import Error as PlaywrightError

    request = response.request
    try:
        body = await response.body()
        response_headers = await response.headers_array()
        request_headers = await request.headers_array()
    except PlaywrightError:
        return None
    parts = urlsplit(response.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = [f"{request.method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
    sent += [f"{h['name']}: {h['value']}" for h in request_headers if h["name"].lower() != "host" and not h["name"].startswith(":")]
    received = [f"HTTP/1.1 {response.status} {response.status_text}".rstrip()]
    received += [f"{h['name']}: {h['value']}" for h in response_headers if h["name"].lower() not in _DROPPED]
    received.append(f"Content-Length: {len(body)}")
    try:
        navigation = request.is_navigation_request() and request.frame.parent_frame is None
    except PlaywrightError:  # a service worker's request has no frame
        navigation = False
    return BrowserExchange(
        url=response.url, navigation=navigation,
        sent=("\r\n".join(sent) + "\r\n\r\n").encode("latin-1", "replace"),
        received=("\r\n".join(received) + "\r\n\r\n").encode("latin-1", "replace") + body)
