"""Headless Chromium for tests, through Playwright's Python API.

Playwright's own browser is used when it is installed (``playwright install chromium``); where
browsers cannot be downloaded, Debian's ``chromium`` package is used through ``executable_path``
(``scripts/test`` installs it). Running as root needs ``--no-sandbox``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Error, sync_playwright

from crawler.render.browser import CHROMIUM_FLAGS

CHROMIUM_ARGS = list(CHROMIUM_FLAGS)
SYSTEM_CHROMIUM = "/usr/bin/chromium"


class NoBrowser(RuntimeError):
    """Neither Playwright's Chromium nor Debian's is installed."""


def system_chromium() -> str | None:
    return shutil.which("chromium") or (SYSTEM_CHROMIUM if shutil.which(SYSTEM_CHROMIUM) else None)


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """A headless Chromium: Playwright's own if installed, else Debian's."""
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(headless=True, args=CHROMIUM_ARGS)
        except Error as exc:
            if "Executable doesn't exist" not in str(exc):
                raise
            executable = system_chromium()
            if executable is None:
                raise NoBrowser("no Chromium: run scripts/test (it installs Debian's chromium), "
                                "or 'apt-get install chromium'") from None
            browser = playwright.chromium.launch(headless=True, args=CHROMIUM_ARGS, executable_path=executable)
        try:
            yield browser
        finally:
            browser.close()
