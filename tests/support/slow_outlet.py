"""An outlet whose articles are slow to serve, for looking at (and stopping) a crawl while it runs."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from pathlib import Path
from typing import ClassVar

import yaml

from tests.support.hostile import _article
from tests.support.loopback import LoopbackSite, QuietHandler


class _SlowHandler(QuietHandler):
    site: ClassVar[SlowOutlet]

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        site, base = self.site, f"http://{self.headers['Host']}"
        site.served_once(self.path)
        if self.path == "/sitemap.xml":
            locs = "".join(f"<url><loc>{base}{path}</loc></url>" for path in site.article_paths)
            self.reply(200, "application/xml", ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/"
                                                f"schemas/sitemap/0.9'>{locs}</urlset>").encode())
        elif self.path in site.article_paths:
            site.gate.wait(timeout=120)
            time.sleep(site.delay)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a crawl stopped at once hangs up
                self.reply(200, "text/html; charset=utf-8", _article(f"Article lent {self.path.rsplit('-', 1)[-1]}"))
        else:
            self.reply(404, "text/plain", b"not found")


class SlowOutlet(LoopbackSite):
    """``articles`` article pages, each served after ``delay`` seconds (and, when ``gated``, not before
    ``gate`` is set); ``served`` counts requests per path."""

    def __init__(self, articles: int = 12, delay: float = 1.0, outlet_id: str = "lente", gated: bool = False) -> None:
        self.handler = type("Handler", (_SlowHandler,), {"site": self})
        super().__init__()
        self.outlet_id, self.delay = outlet_id, delay
        self.article_paths = [f"/2026/11/20/article-lent-{n:03d}" for n in range(articles)]
        self.served: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.gate = threading.Event()
        if not gated:
            self.gate.set()

    def served_once(self, path: str) -> None:
        with self._lock:
            self.served[path] += 1

    def catalog(self, folder: Path) -> Path:
        """A catalog file holding this outlet, for ``--catalog-extra``."""
        entry = {"id": self.outlet_id, "name": "La Lente", "group": "demo", "country": "ML", "languages": ["fr"],
                 "homepage": self.base_url + "/", "cms": "custom", "crawl": {"delay": 0},
                 "sitemaps": [{"url": self.base_url + "/sitemap.xml", "kind": "sitemap", "confidence": "demo"}]}
        path = folder / f"catalog-{self.outlet_id}.yaml"
        path.write_text(yaml.safe_dump([entry]))
        return path

    def __exit__(self, *exc: object) -> None:
        self.gate.set()  # no request left waiting: closing the server waits for its threads
        super().__exit__(*exc)
