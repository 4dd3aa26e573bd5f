"""Which browser renders JavaScript pages, and the scrapy-playwright settings that launch it."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.errors import ConfigInvalid

if TYPE_CHECKING:  # playwright (2.4 MB in the crawl process) is imported only when a page is rendered
    from playwright.async_api import Request as PlaywrightRequest

# Chromium as root in a container: no sandbox, no GPU, and no traffic of its own (updates, sync, safe browsing).
CHROMIUM_FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage")
_SYSTEM_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_OFF = {"off", "none", "false", "0", "no"}
# What a render never needs to get at a text: pictures, video, fonts. Scripts, XHR and stylesheets load.
_SKIPPED_RESOURCES = frozenset({"image", "media", "font"})


def find_browser(choice: str | None) -> Path | None:
    """The browser for ``KHABAR_RENDER_JS``: None when off or none found; a path that must exist otherwise."""
    value = (choice or "auto").strip()
    if value.lower() in _OFF:
        return None
    if value.lower() != "auto":
        path = Path(value).expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise ConfigInvalid(f"KHABAR_RENDER_JS={value!r} is not an executable browser; give the path of "
                                "Chromium (e.g. /usr/bin/chromium), or 'auto' or 'off'")
        return path
    return _playwright_chromium() or next((Path(p) for name in _SYSTEM_BROWSERS if (p := shutil.which(name))), None)


def _playwright_chromium() -> Path | None:
    """The Chromium that ``playwright install chromium`` downloaded, if it did."""
    root = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(Path.home() / ".cache" / "ms-playwright")
    found = sorted(glob.glob(os.path.join(root, "chromium-*", "chrome-linux*", "chrome")), reverse=True)
    return Path(found[0]) if found else None


def playwright_settings(browser: Path, timeout_s: float) -> dict[str, Any]:
    """scrapy-playwright settings: one headless Chromium, few pages at a time, heavy resources skipped."""
    return {
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": str(browser), "headless": True, "args": list(CHROMIUM_FLAGS)},
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": timeout_s * 1000,
        "PLAYWRIGHT_ABORT_REQUEST": skip_heavy_resources,
    }


def skip_heavy_resources(request: PlaywrightRequest) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: True for what the text never comes from (images, media, fonts)."""
    return str(request.resource_type) in _SKIPPED_RESOURCES
