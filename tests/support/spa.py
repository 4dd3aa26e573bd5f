"""A single-page-app outlet: the article page is an empty ``#root`` that a script fills from a JSON API,
then keeps polling a ``/live`` endpoint for ever (the network never goes quiet)."""

from __future__ import annotations

import json

from tests.support.loopback import LoopbackSite, QuietHandler

TITLE = "Sikasso : les maraîchers réclament de nouveaux forages"
PARAGRAPHS = [f"Paragraphe {i} : les maraîchers de Sikasso attendent depuis deux saisons les forages promis par "
              "la mairie, et les puits traditionnels ne suffisent plus à arroser les parcelles de la ceinture verte."
              for i in range(1, 7)]
_SHELL = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Le Courrier du Sahel</title></head>
<body><header><a href="/">Le Courrier du Sahel</a></header><div id="root"></div>
<script>
fetch('/api/article/1').then(function (r) { return r.json(); }).then(function (data) {
  var root = document.getElementById('root');
  var h1 = document.createElement('h1'); h1.textContent = data.title;
  var article = document.createElement('article'); article.appendChild(h1);
  data.paragraphs.forEach(function (text) { var p = document.createElement('p'); p.textContent = text; article.appendChild(p); });
  root.appendChild(article);
});
setInterval(function () { fetch('/live?t=' + Date.now()); }, 150);
</script></body></html>"""


class _Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        base = f"http://{self.headers['Host']}"
        path = self.path.split("?")[0]
        if path == "/article/1":
            status, ctype, body = 200, "text/html; charset=utf-8", _SHELL.encode()
        elif path == "/api/article/1":
            status, ctype, body = 200, "application/json", json.dumps({"title": TITLE, "paragraphs": PARAGRAPHS}).encode()
        elif path == "/live":
            status, ctype, body = 200, "application/json", b"{}"
        elif path == "/sitemap.xml":
            status, ctype = 200, "application/xml"
            body = (f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    f"<url><loc>{base}/article/1</loc></url></urlset>").encode()
        else:
            status, ctype, body = 404, "text/plain", b"not found"
        self.reply(status, ctype, body)


class SinglePageOutlet(LoopbackSite):
    handler = _Handler

    def catalog_entry(self) -> dict[str, object]:
        return {"id": "spa", "name": "Le Courrier du Sahel", "group": "demo", "country": "ML", "languages": ["fr"],
                "homepage": self.base_url + "/", "cms": "custom", "wp_json": False,
                "sitemaps": [{"url": self.base_url + "/sitemap.xml", "kind": "sitemap", "confidence": "demo"}],
                "crawl": {"delay": 0}}
