"""Headless Chromium for tests, through Playwright's Python API.

The browser is the one a crawl renders with (``crawler.render.browser.find_browser``): Playwright's own
when it is installed (``playwright install chromium``), else Debian's ``chromium`` package (``scripts/test``
installs it). Running as root needs ``--no-sandbox``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, sync_playwright

from crawler.render.browser import CHROMIUM_FLAGS, find_browser

CHROMIUM_ARGS = list(CHROMIUM_FLAGS)


class NoBrowser(RuntimeError):
    """Neither Playwright's Chromium nor Debian's is installed."""


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """A headless Chromium: the one a crawl renders with (Playwright's own if installed, else Debian's)."""
    executable = find_browser("auto")
    if executable is None:
        raise NoBrowser("no Chromium: run scripts/test (it installs Debian's chromium), or 'apt-get install chromium'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(headless=True, args=CHROMIUM_ARGS, executable_path=str(executable))
        try:
            yield browser
        finally:
            browser.close()
