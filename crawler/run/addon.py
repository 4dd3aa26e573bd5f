"""KhabarAddon: the one place that adjusts settings before a crawl starts.

It adds the ``KHABAR_*`` environment layer (``crawler.run.settings.apply_environment``) for a
spider that did not add it itself; it gives the run a crawl id (``KHABAR_CRAWL_ID``) when none was
set, so that every component of one run, and every crawler of a multi-outlet run, names the same
crawl; and it makes Scrapy's cookie handling work offline by pointing tldextract at its bundled
public-suffix snapshot.
"""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

from crawler.run.remote_control import configure_remote_control
from crawler.run.settings import apply_environment, ensure_crawl_id, new_crawl_id

__all__ = ["KhabarAddon", "browser_for_javascript_pages", "contact_user_agent", "new_crawl_id",
           "use_bundled_public_suffix_list"]  # new_crawl_id: imported from here by reextract


def use_bundled_public_suffix_list() -> None:
    """Make Scrapy's CookiesMiddleware use tldextract's bundled snapshot, never the network."""
    from scrapy.downloadermiddlewares import cookies
    from tldextract import TLDExtract

    cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


def contact_user_agent(settings: Any) -> None:
    """Keep the operator's contact URL in the User-Agent when KHABAR_CONTACT_URL is overridden."""
    from crawler import __version__

    contact = settings.get("KHABAR_CONTACT_URL")
    if contact and f"+{contact}" not in (settings.get("USER_AGENT") or "") and settings.getpriority("USER_AGENT") <= 20:
        settings.set("USER_AGENT", f"Khabar/{__version__} (archival news crawler; +{contact})", priority="project")


def browser_for_javascript_pages(settings: Any) -> None:
    """Find the browser ``KHABAR_RENDER_JS`` asks for; scrapy-playwright settings the operator did not set."""
    from crawler.render.browser import find_browser, playwright_settings
    from crawler.render.screenshot import screenshot_mode

    screenshot_mode(settings)  # a wrong KHABAR_SCREENSHOTS fails the crawl at start, with what is allowed
    browser = find_browser(settings.get("KHABAR_RENDER_JS"))
    settings.set("KHABAR_RENDER_BROWSER", str(browser) if browser else None, priority="project")
    if browser is not None:
        for name, value in playwright_settings(browser, settings.getfloat("KHABAR_RENDER_TIMEOUT")).items():
            if settings.getpriority(name) is None or settings.getpriority(name) <= 20:
                settings.set(name, value, priority="project")


class KhabarAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        apply_environment(settings)  # as khabar_settings() does; the news spider applied it already
        contact_user_agent(settings)
        ensure_crawl_id(settings)  # the news spider made it already (its outlet lock names it)
        configure_remote_control(settings)
        use_bundled_public_suffix_list()
        browser_for_javascript_pages(settings)
        from crawler.run import logs

        logs.install()

