"""A small outlet that serves bad input: empty bodies, broken HTML, a wrong charset, binary junk,
a 404, a malformed feed and a malformed sitemap beside a good one."""

from __future__ import annotations

from tests.support.loopback import LoopbackSite, QuietHandler

_ARTICLE = ("<html lang='fr'><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{{sentence}} Paragraphe {i} du texte, écrit pour les tests de Khabar.</p>" for i in range(8))
            + "</article></body></html>")
SENTENCE = "La coopérative de Ségou a reçu des semences améliorées avant la saison des pluies, selon les élus."


def _article(title: str) -> bytes:
    return _ARTICLE.format(title=title, sentence=SENTENCE).encode("utf-8")


PAGES: dict[str, tuple[int, str, bytes]] = {
    "/ok": (200, "text/html; charset=utf-8", _article("Des semences pour Ségou")),
    "/empty": (200, "text/html; charset=utf-8", b""),
    "/broken": (200, "text/html", _article("Une page cassée").replace(b"</p>", b"<div>", 4)[:-14] + b"<p>fin <b><i"),
    "/wrong-charset": (200, "text/html; charset=utf-8", _article("Récolte à Mopti").decode().encode("cp1252")),
    "/binary": (200, "text/html", bytes(range(256)) * 40),
    "/missing": (404, "text/html", b"<html><body>introuvable</body></html>"),
    "/feed.xml": (200, "application/rss+xml", b"<rss><channel><item><link>/ok</link><title>x</tit"),
    "/bad-sitemap.xml": (200, "application/xml", b"<?xml version='1.0'?><html><body>pas un sitemap</body></html>"),
}


def sitemap(base: str) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in ("/ok", "/empty", "/broken", "/wrong-charset",
                                                               "/binary", "/missing"))
    return f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>".encode()


class _Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        base = f"http://{self.headers['Host']}"
        status, ctype, body = PAGES.get(self.path, (200, "application/xml", sitemap(base)) if self.path == "/sitemap.xml"
                                        else (404, "text/plain", b"not found"))
        self.reply(status, ctype, body)


class HostileOutlet(LoopbackSite):
    handler = _Handler

    def catalog_entry(self) -> dict[str, object]:
        return {"id": "hostile", "name": "Hostile", "group": "demo", "country": "ML", "languages": ["fr"],
                "homepage": self.base_url + "/", "cms": "custom",
                "feeds": [{"url": self.base_url + "/feed.xml", "kind": "rss", "confidence": "demo"}],
                "sitemaps": [{"url": self.base_url + "/sitemap.xml", "kind": "sitemap", "confidence": "demo"},
                             {"url": self.base_url + "/bad-sitemap.xml", "kind": "sitemap", "confidence": "demo"}],
                "crawl": {"delay": 0}}
