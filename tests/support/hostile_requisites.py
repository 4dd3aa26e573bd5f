"""An outlet whose articles reference page requisites that a crawl must bound, skip or survive.

``/article/1``: a stylesheet that imports a deeper copy of itself without end (``/css/nest.css?level=N``), one
that imports itself, an image larger than the test's ``KHABAR_REQUISITES_MAX_SIZE`` (50,000 bytes), a missing
image (404), one robots.txt disallows, one on another host that no setting allows (``cdn.invalid``, never
resolved), an ad server's script, and a logo from ``localhost`` (the test lists it in ``KHABAR_REQUISITES_HOSTS``).
``/article/2``: twelve images. Every request's path is kept in ``asked``, in order.
"""

from __future__ import annotations

import zlib
from typing import ClassVar

from tests.support.loopback import LoopbackSite, QuietHandler

_TEXT = ("Les pêcheurs de Tillabéri constatent que le fleuve monte plus tôt cette année, et les digues de terre "
         "qu’ils ont relevées en avril ne tiendront pas jusqu’à la décrue si les pluies continuent à ce rythme. ")


def _article(title: str, requisites: str, images: str = "") -> bytes:
    paragraphs = "".join(f"<p>{_TEXT * 2}({n})</p>" for n in range(1, 7))
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="2026-11-20T08:00:00+00:00">{requisites}</head>'
            f'<body><article><h1>{title}</h1>{paragraphs}{images}</article></body></html>').encode()


def _image(seed: int, size: int = 0) -> bytes:
    """PNG-looking bytes (a signature and filler); ``size`` pads them to that many bytes."""
    body = b"\x89PNG\r\n\x1a\n" + zlib.compress(bytes([seed % 256]) * 64)
    return body + b"\x00" * max(0, size - len(body))


class _Handler(QuietHandler):
    asked: ClassVar[list[str]]

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.asked.append(self.path)
        base = f"http://{self.headers['Host']}"
        port = base.rsplit(":", 1)[1]
        path, _, query = self.path.partition("?")
        if path == "/robots.txt":
            self.reply(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        elif path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{base}/article/{n}</loc></url>" for n in (1, 2))
            self.reply(200, "application/xml", (f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
                                                f"sitemap/0.9'>{urls}</urlset>").encode())
        elif path == "/article/1":
            self.reply(200, "text/html; charset=utf-8", _article("Tillabéri : le fleuve monte plus tôt", (
                '<link rel="stylesheet" href="/css/nest.css?level=1"><link rel="stylesheet" href="/css/self.css">'
                '<script src="https://securepubads.doubleclick.net/tag/js/gpt.js"></script>'
                '<link rel="icon" href="http://cdn.invalid/favicon.png">'
                f'<meta property="og:image" content="http://localhost:{port}/cdn/logo.png">'
                '<style>.une{background:url(/img/huge.png)}</style>'
                '<link rel="preload" as="image" href="/img/missing.png"><link rel="preload" as="image" '
                'href="/private/pixel.png">')))
        elif path == "/article/2":
            images = "".join(f'<img src="/img/filler-{n}.png">' for n in range(1, 13))
            self.reply(200, "text/html; charset=utf-8", _article("Niamey : la foire aux dattes rouvre", "", images))
        elif path == "/css/nest.css":
            level = int(query.removeprefix("level=") or 1)
            self.reply(200, "text/css", f'@import url("nest.css?level={level + 1}");\n.n{level}{{margin:0}}\n'.encode())
        elif path == "/css/self.css":
            self.reply(200, "text/css", b'@import "self.css";\nh1{color:#333}\n')
        elif path == "/img/huge.png":
            self.reply(200, "image/png", _image(1, 50_000))
        elif path.startswith(("/img/filler-", "/cdn/")):
            self.reply(200, "image/png", _image(len(path)))
        else:
            self.reply(404, "text/plain", b"not found")


class HostileRequisitesOutlet(LoopbackSite):
    def __init__(self) -> None:
        self.asked: list[str] = []
        super().__init__(type("Handler", (_Handler,), {"asked": self.asked}))
