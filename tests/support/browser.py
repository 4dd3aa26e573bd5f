"""Headless Chromium for tests, through Playwright's Python API.

The browser is the one a crawl renders with (``crawler.render.browser.find_browser``): Playwright's own
when it is installed (``playwright install chromium``), else Debian's ``chromium`` package (``scripts/test``
installs it). Running as root needs ``--no-sandbox``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, sync_playwright

from crawler.render.browser import CHROMIUM_FLAGS, find_browser

CHROMIUM_ARGS = list(CHROMIUM_FLAGS)


class NoBrowser(RuntimeError):
    """Neither Playwright's Chromium nor Debian's is installed."""


NO_BROWSER = "no Chromium: run scripts/test (it installs Debian's chromium), or 'apt-get install chromium'"


def require_chromium() -> None:
    """Fail the test, saying what to install, when a crawl it runs would find no browser to render with (it
    would record no rendered page, and the test would fail on a count that does not say why)."""
    if find_browser("auto") is None:
        pytest.fail(NO_BROWSER)


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """A headless Chromium: the one a crawl renders with (Playwright's own if installed, else Debian's)."""
    executable = find_browser("auto")
    if executable is None:
        raise NoBrowser(NO_BROWSER)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(headless=True, args=CHROMIUM_ARGS, executable_path=str(executable))
        try:
            yield browser
        finally:
            browser.close()
