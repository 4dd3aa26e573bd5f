"""A generated news outlet at real page weight, for the speed and memory benches (not a test fixture).

Real news pages weigh about 170 KB: a mega-menu and a footer of hundreds of links, inline scripts and a
JSON state blob, a stylesheet in the page, comment threads, "most read" and related-article lists around
an article of a few hundred words. The demo outlets' pages weigh about 10 KB, which measures a crawler's
overhead, not its cost per real page. This outlet is written for the project: deterministic (page ``n`` is
always the same bytes), synthetic French news text from word lists, 100–300 KB per page, served gzip-encoded
when asked (as news servers do) by a small threaded server in its own process.

    with HeavyOutlet(pages=1000) as outlet:      # generates the pages into a temporary folder, then serves them
        outlet.base_url, outlet.catalog_path      # http://127.0.0.1:PORT/ and a catalog entry for --catalog-extra
        outlet.requests()                         # (monotonic time, path) of every request served so far

The server process can be pinned to a CPU (``cpus=``) so that it does not share the crawl's core.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import random
import socket
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

OUTLET_ID = "lourd"
EPOCH = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)

_CITIES = ["Bamako", "Ouagadougou", "Niamey", "Rabat", "Alger", "Tunis", "Nouakchott", "Dakar", "Casablanca",
           "Oran", "Sfax", "Gao", "Tombouctou", "Bobo-Dioulasso", "Agadez", "Kayes", "Tamanrasset", "Kidal"]
_SUBJECTS = ["Le gouvernement", "La commission nationale", "Le ministre de l'Économie", "Les syndicats enseignants",
             "La société civile", "Le conseil municipal", "Les producteurs de coton", "La banque centrale",
             "Les transporteurs", "L'Assemblée nationale", "Le patronat", "Les associations de quartier",
             "La direction régionale de la santé", "Les autorités de transition", "Le comité de suivi"]
_VERBS = ["a annoncé", "examine", "prévoit", "a rejeté", "soutient", "dénonce", "a présenté", "reporte",
          "met en œuvre", "réclame", "a confirmé", "étudie", "conteste", "finance", "relance"]
_OBJECTS = ["un nouveau plan d'investissement", "la réforme du code foncier", "le budget de l'exercice prochain",
            "la hausse des prix des denrées", "un accord sur les salaires", "la campagne agricole",
            "le programme de vaccination", "la réhabilitation des routes", "un projet d'irrigation",
            "les mesures de sécurité", "le calendrier électoral", "la modernisation du port",
            "l'extension du réseau électrique", "la lutte contre la désertification", "le recensement général"]
_TAILS = ["selon un communiqué publié mardi", "d'après plusieurs sources concordantes", "malgré les réserves exprimées",
          "au terme d'une réunion de plusieurs heures", "dans un contexte de tensions budgétaires",
          "sous la pression des partenaires", "pour la troisième année consécutive", "en présence des élus locaux",
          "à la veille de la saison des pluies", "après des semaines de négociations"]
_FIRST = ["Aminata", "Moussa", "Fatoumata", "Ibrahim", "Khadija", "Youssef", "Salif", "Mariam", "Karim", "Awa",
          "Hamid", "Nadia", "Boubacar", "Leïla", "Ousmane", "Samira"]
_LAST = ["Traoré", "Ouédraogo", "Diallo", "Benali", "Cissé", "El Amrani", "Sawadogo", "Koné", "Bouazizi", "Maïga",
         "Kaboré", "Haddad", "Sidibé", "Mansouri", "Touré", "Zerbo"]
_SECTIONS = ["Politique", "Économie", "Société", "Sécurité", "Culture", "Sport", "International", "Santé",
             "Éducation", "Environnement", "Opinions", "Régions"]


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} à {rng.choice(_CITIES)}, "
            f"{rng.choice(_TAILS)}.")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _title(n: int) -> str:
    rng = random.Random(n * 7919)
    return f"{rng.choice(_CITIES)} : {rng.choice(_SUBJECTS).lower()} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"


def article_path(n: int) -> str:
    return f"/{_SECTIONS[n % len(_SECTIONS)].lower().replace('é', 'e').replace('É', 'e')}/{n}-article.html"


def published(n: int) -> datetime:
    return EPOCH - timedelta(minutes=37 * n)


def _links(rng: random.Random, count: int, total: int) -> str:
    return "".join(f'<li><a href="{article_path(rng.randrange(total))}">{_title(rng.randrange(total))}</a></li>'
                   for _ in range(count))


def page(n: int, total: int) -> bytes:
    """Article ``n`` of ``total``: about 100–300 KB of HTML, the same bytes every time."""
    rng = random.Random(n)
    title = _title(n)
    author = _name(rng)
    when = published(n).isoformat()
    paragraphs = ["<p>" + " ".join(_sentence(rng) for _ in range(rng.randint(3, 6))) + "</p>"
                  for _ in range(rng.randint(6, 16))]
    state = {"page": {"id": n, "section": _SECTIONS[n % len(_SECTIONS)], "ads": [
        {"slot": f"slot-{i}", "sizes": [[300, 250], [728, 90]], "targeting": {"kw": rng.sample(_CITIES, 4)}}
        for i in range(rng.randint(20, 60))]},
        "recommendations": [{"id": rng.randrange(total), "title": _title(rng.randrange(total)),
                             "teaser": _sentence(rng), "views": rng.randrange(100000)} for _ in range(rng.randint(150, 450))]}
    comments = "".join(
        f'<li class="comment"><div class="comment-author">{_name(rng)}</div>'
        f'<time>{(published(n) + timedelta(minutes=rng.randrange(3000))).isoformat()}</time>'
        f'<p>{" ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))}</p>'
        f'<a class="reply" href="#c{i}">Répondre</a></li>'
        for i in range(rng.randint(20, 90)))
    menu = "".join(f'<li class="menu-item"><a href="/{s.lower()}/">{s}</a><ul>'
                   + "".join(f'<li><a href="/{s.lower()}/{c.lower()}/">{c}</a></li>' for c in _CITIES)
                   + "</ul></li>" for s in _SECTIONS)
    css = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 2654435761 % 0xFFFFFF:06x}}}"
                  for i in range(rng.randint(300, 900)))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": when,
          "author": {"@type": "Person", "name": author}, "publisher": {"@type": "Organization", "name": "Le Lourd"}}
    html = f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title} | Le Lourd</title>
<meta property="og:type" content="article"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{when}"><meta name="author" content="{author}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style>{css}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
<script>window.__STATE__={json.dumps(state, ensure_ascii=False)};</script>
</head><body><header><nav class="mega-menu"><ul>{menu}</ul></nav>
<div class="ticker"><ul>{_links(rng, 30, total)}</ul></div></header>
<main><article><h1>{title}</h1><div class="byline">Par <span class="author">{author}</span>
<time datetime="{when}">{published(n):%d/%m/%Y %H:%M}</time></div>
<div class="article-body">{"".join(paragraphs)}</div>
<div class="share"><a href="#">Facebook</a><a href="#">X</a><a href="#">WhatsApp</a></div></article>
<section class="related"><h2>À lire aussi</h2><ul>{_links(rng, 12, total)}</ul></section>
<section class="comments"><h2>Commentaires</h2><ol>{comments}</ol></section></main>
<aside><h2>Les plus lus</h2><ol>{_links(rng, 20, total)}</ol></aside>
<footer><ul>{_links(rng, rng.randint(120, 260), total)}</ul><p>© Le Lourd, journal généré pour les bancs d'essai.</p>
</footer></body></html>"""
    return html.encode("utf-8")


def sitemap(total: int) -> bytes:
    urls = "".join(f"<url><loc>{{base}}{article_path(n)}</loc><lastmod>{published(n).isoformat()}</lastmod></url>"
                   for n in range(total))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


_CHUNK = 10_000  # URLs per sitemap of the index a live outlet serves


def _serve(folder: str | None, total: int, port_queue: Any, log_path: str, cpus: set[int] | None) -> None:
    """Serve the generated files of ``folder``; with no folder, make every page on request (the soak bench's
    100,000 pages would take 17 GB on disk) and serve a sitemap index of ``_CHUNK`` URLs per sitemap."""
    if cpus:
        os.sched_setaffinity(0, cpus)
    root = Path(folder) if folder else None
    log = open(log_path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (the server's whole life)

    def live(path: str, base: str) -> tuple[bytes, str] | None:
        if path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n", "text/plain"
        if path == "/sitemap.xml":
            maps = "".join(f"<sitemap><loc>{base}/sitemap-{k}.xml</loc></sitemap>" for k in range(0, total, _CHUNK))
            return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                    f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>').encode(), "application/xml"
        if path.startswith("/sitemap-") and path.endswith(".xml"):
            first = int(path[len("/sitemap-"):-4])
            urls = "".join(f"<url><loc>{base}{article_path(n)}</loc><lastmod>{published(n).isoformat()}</lastmod></url>"
                           for n in range(first, min(first + _CHUNK, total)))
            return (f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                    f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode(), "application/xml"
        if path.endswith("-article.html"):
            n = int(path.rsplit("/", 1)[-1].split("-", 1)[0])
            return page(n, total), "text/html; charset=utf-8"
        return None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            log.write(f"{time.monotonic():.6f} {self.path}\n")
            gzipped = "gzip" in (self.headers.get("Accept-Encoding") or "")
            if root is None:
                found = live(self.path, f"http://{self.headers.get('Host')}")
                body, kind = found if found else (b"", "")
                if found and gzipped:
                    body = gzip.compress(body, 1)
            else:
                name = {"/robots.txt": "robots.txt", "/sitemap.xml": "sitemap.xml"}.get(self.path) or \
                    self.path.strip("/").replace("/", "__")
                found = (root / name).is_file()
                body = (root / name).read_bytes() if found else b""
                kind = "text/html; charset=utf-8" if name.endswith(".html") else (
                    "application/xml" if name.endswith(".xml") else "text/plain")
                if found and gzipped and (root / (name + ".gz")).is_file():
                    body = (root / (name + ".gz")).read_bytes()
                else:
                    gzipped = False
            if not found:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's name)
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


@dataclass
class HeavyOutlet:
    pages: int = 1000
    cpus: set[int] | None = None
    folder: Path | None = None
    """Where the generated pages go (a temporary folder by default); kept between runs when given."""
    live: bool = False
    """Make each page on request instead of writing them all first (for very many pages)."""

    def __enter__(self) -> HeavyOutlet:
        self._tmp = tempfile.TemporaryDirectory(prefix="khabar-heavy-")
        self.root = self.folder or Path(self._tmp.name) / "site"
        if not self.live:
            generate(self.root, self.pages)
        self.log_path = Path(self._tmp.name) / "requests.log"
        queue: Any = multiprocessing.get_context("spawn").Queue()
        self._process = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(None if self.live else str(self.root), self.pages, queue, str(self.log_path), self.cpus),
            daemon=True)
        self._process.start()
        port = queue.get(timeout=30)
        self.base_url = f"http://127.0.0.1:{port}"
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass
        if not self.live:
            (self.root / "sitemap.xml").write_bytes((self.root / "sitemap.xml.tpl").read_bytes().replace(
                b"{base}", self.base_url.encode()))
        self.catalog_path = Path(self._tmp.name) / "lourd.yaml"
        self.catalog_path.write_text(json.dumps([{
            "id": OUTLET_ID, "name": "Le Lourd (banc d'essai)", "group": "demo", "country": "ML", "languages": ["fr"],
            "homepage": self.base_url + "/", "cms": "custom", "feeds": [],
            "sitemaps": [{"url": self.base_url + "/sitemap.xml", "kind": "index" if self.live else "sitemap"}],
            "wp_json": False,
            "crawl": {"delay": 0, "concurrency": 16}, "demo": True}], ensure_ascii=False), encoding="utf-8")
        return self

    @property
    def pid(self) -> int | None:
        """The server process (pinned to ``cpus``): its CPU competes with a crawl given that CPU too."""
        return self._process.pid

    def __exit__(self, *exc: object) -> None:
        self._process.terminate()
        self._process.join(10)
        self._tmp.cleanup()

    def requests(self) -> list[tuple[float, str]]:
        if not self.log_path.exists():
            return []
        out = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            when, _, path = line.partition(" ")
            out.append((float(when), path))
        return out

    def clear_log(self) -> None:
        self.log_path.write_text("", encoding="utf-8")

    def article_files(self) -> Iterator[tuple[str, Path]]:
        for n in range(self.pages):
            yield self.base_url + article_path(n), self.root / article_path(n).strip("/").replace("/", "__")


def generate(root: Path, total: int) -> None:
    """Write the site's files (pages and their gzip copies) unless a previous run already did."""
    marker = root / f".complete-{total}"
    if marker.exists():
        return
    root.mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (root / "sitemap.xml.tpl").write_bytes(sitemap(total))
    for n in range(total):
        body = page(n, total)
        name = article_path(n).strip("/").replace("/", "__")
        (root / name).write_bytes(body)
        (root / (name + ".gz")).write_bytes(gzip.compress(body, 6))
    marker.write_text("", encoding="utf-8")
