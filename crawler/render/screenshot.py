"""Screenshots of rendered pages: one PNG of the page, archived as a WARC ``resource`` record.

    KHABAR_SCREENSHOTS             ("rendered")  "off"; "rendered": the pages rendered in Chromium;
                                                 "articles": every article the crawl records (needs Chromium)
    KHABAR_SCREENSHOT_MAX_HEIGHT   (8000)        pixels of the page kept, from its top (a page that scrolls for ever)

One record per page: the full page at the browser's viewport width (above the fold is its top
``WARC-Khabar-Viewport`` height), ``WARC-Target-URI: urn:screenshot:<url>``, ``image/png``,
``WARC-Concurrent-To`` the response of the page as served. The article record names it in
``extraction.screenshot_record_id``. ``rendered`` is the default: the page is already loaded in the
browser for its text, so the picture costs one capture (about 0.1–0.3 s and a few hundred KB for
the few pages that need a browser), and those are the pages whose replay depends most on scripts.

``articles`` pictures every article the crawl records, as it was served: once the page is fetched,
archived and extracted, the spider asks for it once more in Chromium (a low-priority request,
``SCREENSHOT_ONLY_META``, carrying the record), the handler takes only the picture (no text, no
exchanges archived), WarcCapture writes the ``resource`` record Concurrent-To the fetched response,
and the record is yielded in the request's callback (or errback), with or without the link. A page
already rendered in the browser keeps its render's screenshot: it is not loaded again. As in a
render, the browser skips images, media and fonts (``crawler.render.browser``): the picture shows
the page's layout and text, not its photos. Until the screenshot request is done the page is "render
owed" in the crawl state (``CrawlState.owe_render``), so a stop that drops the request has the next
run decide the page again; a kill leaves the WARC file open, and the next run's recovery records the
page from its capture (linking a screenshot only if one was written).

A screenshot that fails is logged and counted
(``khabar/screenshots/failed``) and never keeps a page from being archived or recorded.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crawler.errors import ConfigInvalid

if TYPE_CHECKING:
    from playwright.async_api import Page
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

MODES = ("off", "rendered", "articles")
SCREENSHOT_META = "_khabar_screenshot"  # set by the download handler: the Screenshot of a page it rendered
SCREENSHOT_ONLY_META = "_khabar_screenshot_only"  # set by the spider: load the page for its picture alone
PENDING_RECORD_META = "_khabar_pending_record"  # set by the spider: the ArticleRecord waiting for the picture
URN_PREFIX = "urn:screenshot:"
CONTENT_TYPE = "image/png"


@dataclass(frozen=True, slots=True)
class Screenshot:
    """A PNG of a page and how it was taken."""

    png: bytes
    viewport: tuple[int, int]  # width, height of the browser window: the part "above the fold"
    page_height: int           # the page's full height in pixels (the PNG may stop at the cap)

    @property
    def size(self) -> tuple[int, int]:
        """Width and height of the PNG, from its header."""
        return png_size(self.png)

    def warc_headers(self) -> dict[str, str]:
        width, height = self.viewport
        headers = {"WARC-Khabar-Viewport": f"{width}x{height}"}
        if self.size[1] < self.page_height:
            headers["WARC-Khabar-Screenshot-Cut"] = f"the page is {self.page_height} px high; the top {self.size[1]} px kept"
        return headers


def screenshot_uri(url: str) -> str:
    return URN_PREFIX + url


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk; (0, 0) if ``png`` is no PNG."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        return 0, 0
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def screenshot_mode(settings: BaseSettings) -> str:
    """``KHABAR_SCREENSHOTS``, checked."""
    value = str(settings.get("KHABAR_SCREENSHOTS") or "off").strip().lower()
    if value not in MODES:
        raise ConfigInvalid(f"KHABAR_SCREENSHOTS={value!r} is not one of {', '.join(MODES)}; "
                            "set -s KHABAR_SCREENSHOTS=rendered (the pages rendered in the browser), "
                            "articles (every recorded article) or off")
    if value == "articles":
        from crawler.render.browser import find_browser

        if find_browser(settings.get("KHABAR_RENDER_JS")) is None:
            raise ConfigInvalid("KHABAR_SCREENSHOTS=articles takes its pictures in Chromium, but KHABAR_RENDER_JS="
                                f"{settings.get('KHABAR_RENDER_JS') or 'auto'!r} gives none; install Chromium or set "
                                "-s KHABAR_RENDER_JS=/usr/bin/chromium (its path), or KHABAR_SCREENSHOTS=rendered or off")
    return value


async def take_screenshot(page: Page, max_height: int, timeout_ms: float) -> Screenshot | None:
    """The page from its top, full width, at most ``max_height`` px; None (logged) when the browser fails."""
    from playwright.async_api import Error as PlaywrightError

    try:
        viewport = page.viewport_size or {"width": 1280, "height": 720}
        height = int(await page.evaluate("() => Math.max(document.documentElement.scrollHeight, "
                                         "document.body ? document.body.scrollHeight : 0)"))
        options: dict[str, Any] = {"full_page": True, "type": "png", "timeout": timeout_ms, "animations": "disabled"}
        if height > max_height:
            options["clip"] = {"x": 0, "y": 0, "width": viewport["width"], "height": max_height}
        png = await page.screenshot(**options)
    except PlaywrightError as exc:
        logger.warning("could not take a screenshot of %s: %s; the page is archived and recorded without one",
                       page.url, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return None
    return Screenshot(png, (int(viewport["width"]), int(viewport["height"])), max(height, 1))
