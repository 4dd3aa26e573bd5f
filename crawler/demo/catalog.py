"""Catalog entries describing the demo outlets, for the project's catalog loader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import urljoin

from crawler.demo.outlets import build_outlets


class _HasBaseUrls(Protocol):
    base_urls: dict[str, str]


def demo_catalog_entries(server_or_base_urls: _HasBaseUrls | Mapping[str, str]) -> list[dict[str, Any]]:
    """One plain catalog dict per demo outlet, with URLs under the given bases.

    demo-listing has neither feeds nor sitemaps; demo-hard lists its malformed
    sitemap and feed beside the good ones (the ``/pieges/`` files are not listed);
    ``wp_json`` is true for demo-wp only.

    Accepts a running :class:`~crawler.demo.server.DemoServer` or a mapping of
    outlet id to base URL; outlets without a base URL are left out.
    """
    base_urls = server_or_base_urls if isinstance(server_or_base_urls, Mapping) else server_or_base_urls.base_urls
    entries = []
    for outlet_id, outlet in build_outlets().items():
        base = base_urls.get(outlet_id)
        if base is None:
            continue
        entry: dict[str, Any] = {
            "id": outlet.id,
            "name": outlet.name,
            "group": "demo",
            "country": outlet.country,
            "languages": list(outlet.languages),
            "homepage": base,
            "cms": outlet.cms,
            "feeds": [{"url": urljoin(base, path), "kind": kind} for path, kind in outlet.feeds],
            "sitemaps": [{"url": urljoin(base, path), "kind": kind} for path, kind in outlet.sitemaps],
            "wp_json": outlet.cms == "wordpress",
            # Loopback is not a newsroom's server: no delay, more parallel requests.
            "crawl": {"delay": 0, "concurrency": 8},
            "demo": True,
        }
        entries.append(entry | _EXTRA_FIELDS.get(outlet_id, {}))
    return entries


_EXTRA_FIELDS: dict[str, dict[str, Any]] = {
    "demo-listing": {"listing_pagination": "/actualites/page/N/ and /categorie/<slug>/page/N/"},
}
"""Catalog fields only some demo outlets fill in."""
