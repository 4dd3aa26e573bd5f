"""demo-hard, 'La Vigie tunisienne': one outlet for every hard case a crawler meets.

Articles: ``/actualite/<section>/<id>-<slug>.html``, and ``/prive/<id>-<slug>.html`` for the
section that robots.txt disallows (the sitemap still lists it). What some articles serve
depends on their role (:class:`~crawler.demo.model.Quirks`):

* ``bot_wall_js``: 503 JavaScript challenge ("Just a moment...", ``cf-mitigated: challenge``);
* ``bot_wall_captcha``: 403 captcha page ("Accès refusé", ``g-recaptcha``);
* ``throttled``: 429 with ``Retry-After: 1`` on the first request (the server keeps that state);
* ``paywalled``: a teaser (:func:`teaser_paragraphs`), a "réservé aux abonnés" box and
  JSON-LD ``isAccessibleForFree: false``;
* ``js_rendered``: an HTML shell whose inline script fetches ``/api/articles/<id>.json``
  and inserts the paragraphs;
* ``broken_html``: unquoted attributes, mismatched and unclosed tags, broken JSON-LD,
  no ``</body></html>``.

One story is also served as ``/amp/actualite/…`` and as ``…?utm_source=accueil&utm_medium=une``
(both with ``rel=canonical`` to the article) and republished under a ``-2`` slug a day later.
Other URLs: ``/`` and ``/rubrique/<slug>/``, ``/prive/``, ``/abonnement/``, ``/robots.txt``,
``/sitemap.xml`` → ``/sitemap-articles.xml`` (good) and ``/sitemap-archives.xml`` (truncated),
``/rss.xml`` (good) and ``/rss-sport.xml`` (malformed), ``/boucle-a`` ⇄ ``/boucle-b`` (302 loop),
``/dossier/rapport-integral.html`` (40 MiB, streamed), ``/pieges/…`` (:mod:`crawler.demo.hostile`),
``/img/<id>.png``. A removed article answers 410 or 404.
"""

# ruff: noqa: E501
# Reason: HTML templates read better unwrapped.
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from datetime import datetime

from crawler.demo import hostile
from crawler.demo._markup import cdata, esc, fr_date, fr_date_words, join_names, json_script, png, rfc822, w3c
from crawler.demo.extra_outlets import HARD_NAME, UTM_QUERY
from crawler.demo.model import DemoArticle
from crawler.demo.site import Handler, Page, Site, StreamedPage, redirect

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
OVERSIZED_LENGTH = 40 * 2**20
"""Bytes of ``/dossier/rapport-integral.html`` (40 MiB): past a 32 MiB ``DOWNLOAD_MAXSIZE``."""
HOME_ITEMS = 20
FEED_ITEMS = 20
TEASER_WORDS = 24
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render(site: Site, path: str, query: Mapping[str, str]) -> Page | StreamedPage | None:
    """The page at ``path``, or ``None`` for a 404."""
    match = next((m for m in (p.fullmatch(path) for p, _ in _ROUTES) if m), None)
    page = dict(_ROUTES)[match.re](site, match, query) if match else None
    gone = site.gone(path) if page is None else None
    if gone is not None and gone.gone_status == 410:
        return _page(site, 410, "Article retiré", "", "<h1>Article retiré</h1><p>Cet article a été retiré à la demande de la rédaction.</p>")
    return page


def not_found(site: Site) -> Page:
    """The outlet's 'page not found'."""
    return _page(site, 404, "Page introuvable", "", '<h1>Page introuvable</h1><p>Retour à l’<a href="/">accueil</a>.</p>')


def teaser_paragraphs(article: DemoArticle) -> tuple[str, ...]:
    """What the paywalled page shows of ``article``: its first paragraph and the start of the second."""
    second = article.paragraphs[1].split()
    return article.paragraphs[0], " ".join(second[:TEASER_WORDS]) + "…"


def _public(site: Site) -> list[DemoArticle]:
    """Visible articles outside the private section (what home, sections and the feed list)."""
    private = site.outlet.quirks.paths("disallowed")
    return [a for a in site.articles if a.path not in private]


# --- articles ---------------------------------------------------------------------------------


def _article(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    article = site.article(match.group(0))
    if article is None:
        return None
    role = site.outlet.quirks.role_of(article.path)
    special = _BY_ROLE.get(role or "")
    if special is not None:
        return special(site, article)
    return _article_page(site, article, _paragraphs(article.paragraphs))


def _article_page(site: Site, article: DemoArticle, body: str, *, ld_extra: dict[str, object] | None = None,
                  after_body: str = "") -> Page:
    amp = site.url("/amp" + article.path)
    has_amp = any(variant == "/amp" + article.path for variant, _ in site.outlet.quirks.variants)
    head = _article_head(site, article, ld_extra or {}) + (f'<link rel="amphtml" href="{amp}">\n' if has_amp else "")
    main = (f'{_breadcrumb(article)}<article class="article">\n<h1 class="titre">{esc(article.title)}</h1>\n'
            f'{_signature(article)}<img class="illustration" src="{article.image_path}" width="800" height="450" alt="">\n'
            f'<div class="corps">\n{body}\n</div>\n{after_body}'
            f'<p class="tags">Mots-clés : {esc(", ".join(article.tags))}</p>\n</article>\n{_related(site, article)}')
    return _page(site, 200, article.seo_title, head, main, article.last_modified)


def _paragraphs(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)


def _json_ld(site: Site, article: DemoArticle, extra: Mapping[str, object]) -> dict[str, object]:
    people = [{"@type": "Person", "name": n} for n in article.authors] or [
        {"@type": "Organization", "name": n} for n in article.agencies]
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "description": article.description, "mainEntityOfPage": site.url(article.path),
            "datePublished": w3c(article.published), "dateModified": w3c(article.last_modified), "author": people,
            "image": site.url(article.image_path), "articleSection": article.section, "inLanguage": "fr",
            "publisher": {"@type": "NewsMediaOrganization", "name": HARD_NAME}, **extra}


def _article_head(site: Site, article: DemoArticle, ld_extra: Mapping[str, object]) -> str:
    url = site.url(article.path)
    return (f'<meta name="description" content="{esc(article.description)}">\n<link rel="canonical" href="{url}">\n'
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{esc(article.title)}">\n'
            f'<meta property="og:url" content="{url}">\n<meta property="og:image" content="{site.url(article.image_path)}">\n'
            f'<meta property="article:published_time" content="{w3c(article.published)}">\n'
            f'<meta property="article:modified_time" content="{w3c(article.last_modified)}">\n'
            f'<script type="application/ld+json">{json_script(_json_ld(site, article, ld_extra))}</script>\n')


def _breadcrumb(article: DemoArticle) -> str:
    return (f'<nav class="ariane"><a href="/">Accueil</a> › <a href="/rubrique/{article.section_slug}/">'
            f"{esc(article.section)}</a></nav>\n")


def _signature(article: DemoArticle) -> str:
    updated = f" · Mis à jour le {fr_date_words(article.modified)}" if article.modified else ""
    return (f'<p class="signature">Par <span class="auteur">{esc(join_names(article.authors or article.agencies))}</span>'
            f' · <time datetime="{w3c(article.published)}">{fr_date_words(article.published)}</time>{updated}</p>\n')


def _related(site: Site, article: DemoArticle) -> str:
    """Earlier public stories of the section, from the schedule: the box never changes once published."""
    private = site.outlet.quirks.paths("disallowed")
    earlier = [e.original for e in reversed(site.outlet.entries) if e.published < article.published
               and e.original.section_slug == article.section_slug and e.original.path not in private][:3]
    items = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in earlier)
    return f'<aside class="voir-aussi"><h2>Sur le même sujet</h2><ul>{items}</ul></aside>\n' if items else ""


def _paywalled(site: Site, article: DemoArticle) -> Page:
    ld = {"isAccessibleForFree": False,
          "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".reserve-abonnes"}}
    box = ('<div class="reserve-abonnes paywall" data-paywall="true"><p class="paywall__titre">Cet article est réservé aux abonnés.</p>'
           '<p>Il vous reste 80 % de l’article à lire. Abonnez-vous pour lire la suite et soutenir une information indépendante.</p>'
           '<a class="bouton" href="/abonnement/">Je m’abonne dès 1 dinar</a> <a href="/connexion/">Déjà abonné ? Se connecter</a></div>\n')
    return _article_page(site, article, _paragraphs(teaser_paragraphs(article)), ld_extra=ld, after_body=box)


def _js_rendered(site: Site, article: DemoArticle) -> Page:
    source = f"/api/articles/{article.story_id}.json"
    shell = (f'<div id="corps-article" class="corps-js" data-source="{source}"><div class="chargement">Chargement de l’article…</div></div>\n'
             '<noscript><p class="noscript">Activez JavaScript pour lire cet article.</p></noscript>\n'
             f"<script>\n{_LOADER_JS}</script>\n")
    head = _article_head(site, article, {})
    main = (f'{_breadcrumb(article)}<article class="article">\n<h1 class="titre">{esc(article.title)}</h1>\n'
            f'{_signature(article)}{shell}</article>\n')
    return _page(site, 200, article.seo_title, head, main, article.last_modified)


_LOADER_JS = """(function () {
  var box = document.getElementById('corps-article');
  fetch(box.getAttribute('data-source'), {headers: {'Accept': 'application/json'}})
    .then(function (response) { return response.json(); })
    .then(function (data) {
      box.innerHTML = '';
      data.paragraphes.forEach(function (text) {
        var p = document.createElement('p');
        p.textContent = text;
        box.appendChild(p);
      });
    });
})();
"""


def _article_json(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    wanted = site.outlet.quirks.paths("js_rendered")
    article = next((a for a in site.articles if a.path in wanted and str(a.story_id) == match.group(1)), None)
    if article is None:
        return None
    data = {"id": article.story_id, "url": site.url(article.path), "titre": article.title,
            "publie": w3c(article.published), "modifie": w3c(article.last_modified),
            "auteurs": list(article.authors or article.agencies), "rubrique": article.section,
            "paragraphes": list(article.paragraphs)}
    return Page(200, "application/json; charset=utf-8", json_script(data).encode(), article.last_modified)


def _broken(site: Site, article: DemoArticle) -> Page:
    url = site.url(article.path)
    paragraphs = [esc(p) for p in article.paragraphs]
    middle = "\n".join(f"<p>{p}" for p in paragraphs[2:-1])
    html = (
        f"<html><head><meta charset=utf-8><title>{esc(article.seo_title)}</title>\n"
        f"<meta name=description content={esc(article.description)}>\n<link rel=canonical href={url}>\n"
        f'<meta property="article:published_time" content="{w3c(article.published)}">\n'
        f'<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{esc(article.title)}",'
        f'"datePublished":"{w3c(article.published)}",</script>\n</head>\n'
        '<body><div id=page><table width=100%><tr><td class=contenu>\n'
        f"<h1>{esc(article.title)}</h2>\n"
        f"<p class=signature>Par <b>{esc(join_names(article.authors or article.agencies))} — Publié le {fr_date(article.published)}\n"
        f"<div class=corps>\n<p>{paragraphs[0]}\n<p>{paragraphs[1]}</span>\n{middle}</div></div>\n"
        f"<font face=Arial><p>{paragraphs[-1]}</font>\n</td></tr>\n"
        "<p class=pied>&copy 2026 La Vigie & associés — <a href=/abonnement/>Abonnement</a>\n"
    )
    return Page(200, HTML, html.encode("utf-8"), article.last_modified)


def _challenge(site: Site, article: DemoArticle) -> Page:
    ray = hashlib.sha1(article.path.encode()).hexdigest()[:16]
    html = (
        '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge">'
        '<meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1">'
        '<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}body{display:flex;flex-direction:column;height:100vh}</style>'
        '<meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">'
        f'<h1 class="zone-name-title h1">{site.url("/").split("//")[1].rstrip("/")}</h1>'
        '<h2 id="challenge-running" class="h2">Checking if the site connection is secure</h2>'
        '<p>Vérification que la connexion au site est sécurisée. Cette opération peut prendre quelques secondes.</p>'
        '<noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper"></span>'
        '<span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>'
        '<div id="challenge-body-text" class="core-msg spacer">needs to review the security of your connection before proceeding.</div>'
        '<form id="challenge-form" action="/?__cf_chl_f_tk=demo" method="POST" enctype="application/x-www-form-urlencoded">'
        '<input type="hidden" name="md" value="demo"></form></div></div>'
        f"<script>(function(){{window._cf_chl_opt={{cvId: '3',cZone: 'vigie',cType: 'managed',cRay: '{ray}',cH: 'demo'}};"
        "var cpo=document.createElement('script');"
        f"cpo.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray={ray}';"
        "document.getElementsByTagName('head')[0].appendChild(cpo);}());</script>"
        f'<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>{ray}</code></div></div>'
        '<div class="text-center" id="footer-text">Performance &amp; security by Cloudflare</div></div></div></body></html>\n'
    )
    headers = (("cf-mitigated", "challenge"), ("CF-RAY", f"{ray}-TUN"),
               ("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0"),
               ("Expires", "Thu, 01 Jan 1970 00:00:01 GMT"), ("Cross-Origin-Opener-Policy", "same-origin"))
    return Page(503, "text/html; charset=UTF-8", html.encode(), headers=headers)


def _captcha(site: Site, article: DemoArticle) -> Page:
    html = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Accès refusé | Vérification de sécurité</title>'
        '<meta name="robots" content="noindex"><script src="https://www.google.com/recaptcha/api.js" async defer></script></head>'
        '<body class="captcha-page"><div class="captcha-box"><h1>Access denied — Accès refusé</h1>'
        '<p>Nous avons détecté un trafic inhabituel depuis votre réseau. Veuillez confirmer que vous n’êtes pas un robot.</p>'
        '<form action="/__captcha/verify" method="post"><div class="g-recaptcha" data-sitekey="6LdKhabarDemoSiteKey000000000000000"></div>'
        f'<input type="hidden" name="retour" value="{esc(article.path)}"><button type="submit">Continuer</button></form>'
        '<p class="petit">Référence de l’incident : captcha-required</p></div></body></html>\n'
    )
    return Page(403, "text/html; charset=utf-8", html.encode(), headers=(("Cache-Control", "no-store"),))


_BY_ROLE: dict[str, Callable[[Site, DemoArticle], Page]] = {
    "bot_wall_js": _challenge, "bot_wall_captcha": _captcha, "paywalled": _paywalled,
    "js_rendered": _js_rendered, "broken_html": _broken,
}


def _amp(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    canonical = match.group(1)
    article = site.article(canonical)
    if article is None or ("/amp" + canonical, canonical) not in site.outlet.quirks.variants:
        return None
    html = (
        f'<!doctype html>\n<html ⚡ lang="fr">\n<head>\n<meta charset="utf-8">\n<title>{esc(article.seo_title)}</title>\n'
        f'<link rel="canonical" href="{site.url(canonical)}">\n<meta name="viewport" content="width=device-width">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        '<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>\n'
        f'<script type="application/ld+json">{json_script(_json_ld(site, article, {}))}</script>\n</head>\n<body>\n'
        f'<header><a href="{site.url("/")}">{esc(HARD_NAME)}</a></header>\n<article><h1>{esc(article.title)}</h1>\n{_signature(article)}'
        f'<amp-img src="{site.url(article.image_path)}" width="800" height="450" layout="responsive"></amp-img>\n'
        f'{_paragraphs(article.paragraphs)}\n</article>\n</body>\n</html>\n'
    )
    return Page(200, HTML, html.encode(), article.last_modified)


# --- listings and pages that are not articles ------------------------------------------------------


def _items(articles: list[DemoArticle], utm: frozenset[str] = frozenset()) -> str:
    return "\n".join(
        f'<li><a href="{a.path}{"?" + UTM_QUERY if a.path in utm else ""}">{esc(a.title)}</a> '
        f'<span class="date">{fr_date(a.published)}</span></li>' for a in articles)


def _home(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    public = _public(site)
    featured = frozenset(canonical for variant, canonical in site.outlet.quirks.variants if "?" in variant)
    une = [a for a in public if a.path in featured]
    sections = " ".join(f'<a href="/rubrique/{s.slug}/">{esc(s.name)}</a>' for s in site.outlet.sections)
    main = (f'<section class="une"><h2>À la une</h2><ul>{_items(une, featured)}</ul></section>\n'
            f'<section class="fil"><h2>Dernières nouvelles</h2><ul>\n{_items(public[:HOME_ITEMS])}\n</ul></section>\n'
            f'<nav class="rubriques">{sections}</nav>\n<section class="dossiers"><h2>Dossiers</h2><ul>'
            '<li><a href="/dossier/rapport-integral.html">Le rapport intégral de la Cour des comptes (version intégrale)</a></li>'
            '<li><a href="/boucle-a">Nos archives</a></li><li><a href="/prive/">Espace partenaires</a></li>'
            '<li><a href="/abonnement/">Abonnez-vous</a></li></ul></section>\n')
    head = '<meta property="og:type" content="website">\n'
    return _page(site, 200, f"{HARD_NAME} – L’actualité tunisienne en continu", head, main, site.newest(public[:HOME_ITEMS]))


def _section(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    section = next((s for s in site.outlet.sections if s.slug == match.group(1)), None)
    if section is None:
        return None
    items = [a for a in _public(site) if a.section_slug == section.slug]
    main = f"<h1>{esc(section.name)}</h1>\n<ul>\n{_items(items)}\n</ul>\n"
    return _page(site, 200, f"{section.name} – {HARD_NAME}", '<meta property="og:type" content="website">\n', main,
                 site.newest(items))


def _private_index(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    private = site.outlet.quirks.paths("disallowed")
    items = [a for a in site.articles if a.path in private]
    main = f"<h1>Espace partenaires</h1>\n<p>Contenus réservés à nos partenaires institutionnels.</p>\n<ul>\n{_items(items)}\n</ul>\n"
    return _page(site, 200, f"Espace partenaires – {HARD_NAME}", '<meta name="robots" content="noindex">\n', main,
                 site.newest(items))


def _subscribe(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    main = ('<h1>Abonnez-vous à La Vigie</h1><ul class="offres"><li>Numérique : 1 dinar le premier mois, puis 12 dinars par mois</li>'
            '<li>Intégral : 25 dinars par mois, journal papier compris</li></ul>')
    return _page(site, 200, f"Abonnement – {HARD_NAME}", "", main, site.outlet.entries[0].published)


def _loop(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    other = "b" if match.group(1) == "a" else "a"
    return redirect(site.url(f"/boucle-{other}"), 302)


def _oversized(site: Site, match: re.Match[str], query: Mapping[str, str]) -> StreamedPage:
    prefix = (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Rapport intégral – {HARD_NAME}</title>'
              '<meta property="og:type" content="website"></head><body><h1>Rapport annuel de la Cour des comptes : version intégrale</h1>\n').encode()
    chunk = ("<p>Annexe statistique : tableau des dépenses publiques par gouvernorat, ligne après ligne, "
             "tel que publié dans le rapport annuel. Les montants sont exprimés en milliers de dinars.</p>\n" * 400).encode()
    return StreamedPage(200, HTML, OVERSIZED_LENGTH, chunk, prefix, site.outlet.entries[0].published)


# --- robots, sitemaps, feeds, traps -------------------------------------------------------------


def _robots(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    disallow = "".join(f"Disallow: {p}\n" for p in site.outlet.quirks.robots_disallow)
    body = f"User-agent: GPTBot\nDisallow: /\n\nUser-agent: *\n{disallow}\nSitemap: {site.url('/sitemap.xml')}\n"
    return Page(200, "text/plain; charset=utf-8", body.encode(), site.outlet.entries[0].published)


def _sitemap_index(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    entries = "".join(f"<sitemap><loc>{site.url(p)}</loc><lastmod>{w3c(site.newest())}</lastmod></sitemap>\n"
                      for p in ("/sitemap-articles.xml", "/sitemap-archives.xml"))
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n{entries}</sitemapindex>\n'
    return Page(200, XML, body.encode(), site.newest())


def _url_entries(site: Site, articles: list[DemoArticle]) -> str:
    return "".join(f"<url><loc>{site.url(a.path)}</loc><lastmod>{w3c(a.last_modified)}</lastmod></url>\n" for a in articles)


def _sitemap(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    """Every visible article, the private ones included, plus the loop and the oversized page."""
    extra = "".join(f"<url><loc>{site.url(site.outlet.quirks.endpoint(name))}</loc></url>\n"
                    for name in ("redirect_loop_a", "oversized"))
    body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n'
            f"{_url_entries(site, site.articles)}{extra}</urlset>\n")
    return Page(200, XML, body.encode(), site.newest())


def _truncated_sitemap(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    """The older half of the articles, cut off inside a ``<lastmod>`` as by a failed upload."""
    older = sorted(site.articles, key=lambda a: a.published)[: len(site.articles) // 2]
    full = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{_url_entries(site, older)}</urlset>\n'
    marks = [m.start() for m in re.finditer("<lastmod>", full)]
    cut = marks[len(marks) * 2 // 3] + len("<lastmod>2026-1")
    return Page(200, XML, full[:cut].encode(), site.newest(older))


def _feed_item(site: Site, article: DemoArticle) -> str:
    return (f"<item><title>{esc(article.title)}</title><link>{site.url(article.path)}</link>"
            f'<guid isPermaLink="true">{site.url(article.path)}</guid><pubDate>{rfc822(article.published)}</pubDate>'
            f"<category>{esc(article.section)}</category><description>{cdata(esc(article.description))}</description></item>\n")


def _feed(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    items = _public(site)[:FEED_ITEMS]
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
            f"<title>{esc(HARD_NAME)}</title><link>{site.url('/')}</link><description>L’actualité tunisienne</description>"
            f"<language>fr</language><lastBuildDate>{rfc822(site.newest(items))}</lastBuildDate>\n"
            + "".join(_feed_item(site, a) for a in items) + "</channel></rss>\n")
    return Page(200, RSS, body.encode(), site.newest(items))


def _malformed_feed(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    """Sport items under a raw '&' in the channel title, one ``</item>`` missing, cut before the end."""
    items = [a for a in _public(site) if a.section_slug == "sport"][:8]
    rendered = [_feed_item(site, a) for a in items]
    if rendered:
        rendered[0] = rendered[0].replace("</item>", "", 1)
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
            f"<title>{esc(HARD_NAME)} - Sport & loisirs</title><link>{site.url('/rubrique/sport/')}</link>"
            "<description>Sport</description>\n" + "".join(rendered))
    return Page(200, RSS, body[: len(body) - 40].encode(), site.newest(items))


def _trap(make: Callable[[str], bytes], content_type: str, compressible: bool = True) -> Handler:
    def serve(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
        return Page(200, content_type, make(site.url("/")), site.outlet.entries[0].published, compressible=compressible)
    return serve


def _image(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    if not any(a.image_path == match.group(0) for a in site.articles):
        return None
    return Page(200, "image/png", png(match.group(0)), site.outlet.entries[0].published, compressible=False)


# --- page frame -------------------------------------------------------------------------------


def _page(site: Site, status: int, title: str, head: str, main: str, last_modified: datetime | None = None) -> Page:
    html = (
        f'<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{head}'
        '<style>body{font-family:Georgia,serif;max-width:960px;margin:0 auto}.signature{color:#555}</style>\n</head>\n<body>\n'
        f'<header class="entete"><a class="logo" href="/">{esc(HARD_NAME)}</a> <a href="/abonnement/">S’abonner</a></header>\n'
        f'<main>\n{main}</main>\n<footer class="pied">© 2026 {esc(HARD_NAME)} · Tunis</footer>\n</body>\n</html>\n'
    )
    return Page(status, HTML, html.encode("utf-8"), last_modified)


_ROUTES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(r"/"), _home),
    (re.compile(r"/(?:actualite/[a-z]+|prive)/\d+-[a-z0-9-]+\.html"), _article),
    (re.compile(r"/amp(/actualite/[a-z]+/\d+-[a-z0-9-]+\.html)"), _amp),
    (re.compile(r"/api/articles/(\d+)\.json"), _article_json),
    (re.compile(r"/rubrique/([a-z]+)/"), _section),
    (re.compile(r"/prive/"), _private_index),
    (re.compile(r"/abonnement/"), _subscribe),
    (re.compile(r"/boucle-(a|b)"), _loop),
    (re.compile(r"/dossier/rapport-integral\.html"), _oversized),
    (re.compile(r"/robots\.txt"), _robots),
    (re.compile(r"/sitemap\.xml"), _sitemap_index),
    (re.compile(r"/sitemap-articles\.xml"), _sitemap),
    (re.compile(r"/sitemap-archives\.xml"), _truncated_sitemap),
    (re.compile(r"/rss\.xml"), _feed),
    (re.compile(r"/rss-sport\.xml"), _malformed_feed),
    (re.compile(r"/pieges/sitemap-xxe\.xml"), _trap(hostile.xxe_sitemap, XML)),
    (re.compile(r"/pieges/sitemap-rires\.xml"), _trap(hostile.billion_laughs_sitemap, XML)),
    (re.compile(r"/pieges/flux-rires\.xml"), _trap(hostile.billion_laughs_feed, RSS)),
    (re.compile(r"/pieges/sitemap-bombe\.xml\.gz"), _trap(hostile.gzip_bomb_sitemap, "application/x-gzip", False)),
    (re.compile(r"/pieges/sitemap-60000\.xml"), _trap(hostile.sitemap_with_urls, XML)),
    (re.compile(r"/img/\d+\.png"), _image),
)
