"""demo-cms, "L'Écho de l'Atlas": a home-made PHP-era CMS, encoded windows-1252.

URLs: ``/article/<id>-<slug>.html`` articles (a wrong slug redirects),
``/imprimer/<id>.html`` print versions (disallowed by robots.txt), ``/`` and
``/rubrique/<slug>/[?page=N]``, ``/sitemap_index.xml`` → monthly
``/sitemaps/archive-YYYY-MM.xml.gz`` (gzip files) and ``/sitemap-news.xml.gz``
(Google News, last 2 days), ``/robots.txt``.

HTML declares its charset only in ``<meta http-equiv>``; the HTTP
``Content-Type`` is a bare ``text/html``. No JSON-LD and no Open Graph: the
byline is a paragraph of the text ("Par …") and the date is written in words, in Algiers time
(`LOCAL_TIME`) with no offset.
"""

# ruff: noqa: E501
# Reason: HTML templates read better unwrapped.
from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from crawler.demo._markup import esc, fr_date, fr_date_words, json_script, png, popularity, stylesheet, svg_logo, w3c
from crawler.demo.model import NEWS_WINDOW, DemoArticle
from crawler.demo.outlets import CMS_NAME
from crawler.demo.site import Handler, Page, Site, StreamedPage, asset, page_count, paginate, redirect

LOCAL_TIME = timezone(timedelta(hours=1), "Africa/Algiers")
"""The clock the outlet prints its dates in: Algiers time (UTC+1 all year), as Algerian outlets do. Its pages
give no offset, so its records hold that local time without one (the record's rule for dates)."""


def _local(dt: datetime) -> datetime:
    return dt.astimezone(LOCAL_TIME)

HTML = "text/html"
CHARSET = "windows-1252"
PER_PAGE = 10
GZIP = "application/x-gzip"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

_MEDIA = ("max-width: 1200px", "max-width: 980px", "max-width: 782px", "max-width: 480px")


def render(site: Site, path: str, query: Mapping[str, str]) -> Page | StreamedPage | None:
    """The page at ``path``, or ``None`` for a 404."""
    for pattern, handler in _ROUTES:
        match = pattern.fullmatch(path)
        if match:
            return handler(site, match, query)
    return None


def not_found(site: Site) -> Page:
    """The CMS's plain 'page introuvable'."""
    main = ('<h2 class="titre">Page introuvable</h2><p>La page demandée n’existe pas ou a été déplacée. '
            'Retournez à la <a href="/">page d’accueil</a>.</p>')
    return Page(404, HTML, _document(site, "Page introuvable", "", main, site.articles))


# --- articles ---------------------------------------------------------------------------------


def _by_id(site: Site, story_id: str) -> DemoArticle | None:
    return next((a for a in site.articles if str(a.story_id) == story_id), None)


def _article(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    article = _by_id(site, match.group(1))
    if article is None:
        return None
    if article.path != match.group(0):
        return redirect(site.url(article.path))
    earlier = site.earlier(article)
    main = _article_main(site, article, earlier)
    body = _document(site, article.seo_title, _meta(article), main, earlier)
    return Page(200, HTML, body, article.last_modified, headers=_article_headers(article))


def _article_headers(article: DemoArticle) -> tuple[tuple[str, str], ...]:
    session = hashlib.sha1(article.path.encode()).hexdigest()[:26]
    return (
        ("Set-Cookie", f"PHPSESSID={session}; path=/"),
        ("X-Powered-By", "EchoCMS/2.1"),
        ("Set-Cookie", "consent=0; Path=/; Max-Age=3600"),
        ("x-cache-status", "MISS"),
    )


def _meta(article: DemoArticle) -> str:
    return (f'<meta name="description" content="{esc(article.description)}">\n'
            f'<meta name="keywords" content="{esc(", ".join(article.tags))}">\n')


def _byline(article: DemoArticle) -> str:
    names = article.authors or article.agencies
    return "Par " + (" et ".join(names))


def _dateline(article: DemoArticle) -> str:
    text = f"Publié le {fr_date_words(_local(article.published))}"
    if article.modified:
        text += f" | Mis à jour le {fr_date_words(_local(article.modified))}"
    return text


def _article_main(site: Site, article: DemoArticle, earlier: list[DemoArticle]) -> str:
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    same = [a for a in earlier if a.section_slug == article.section_slug][:5]
    links = "".join(f'<tr><td class="puce">&raquo;</td><td><a href="{a.path}">{esc(a.title)}</a></td></tr>' for a in same)
    return (
        f'<div class="fil"><a href="/">Accueil</a> &gt; <a href="/rubrique/{article.section_slug}/">{esc(article.section)}</a></div>\n'
        f'<h1 class="titre">{esc(article.title)}</h1>\n<div class="date">{_dateline(article)}</div>\n'
        f'<table class="photo" cellpadding="0" cellspacing="0"><tr><td><img src="..{article.image_path}" width="560" '
        f'height="315" border="0" alt="{esc(article.title)}"></td></tr></table>\n'
        f'<div class="texte">\n<p class="auteur"><b>{esc(_byline(article))}</b></p>\n{paragraphs}\n</div>\n'
        f'<div class="outils"><a href="/imprimer/{article.story_id}.html">Imprimer</a> | '
        f'<a href="mailto:?subject={esc(article.title)}">Envoyer à un ami</a> | Mots-clés : {esc(", ".join(article.tags))}</div>\n'
        f'<table class="memerubrique" width="100%"><tr><th colspan="2">Dans la même rubrique</th></tr>{links}</table>\n'
        '<div class="reagir"><b>Réagir à cet article</b><form action="/reagir.php" method="post">'
        f'<input type="hidden" name="id" value="{article.story_id}"><textarea name="texte" rows="4" cols="60"></textarea>'
        '<br><input type="submit" value="Envoyer"></form><p class="petit">Les réactions sont publiées après modération.</p></div>\n'
    )


def _print(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    article = _by_id(site, match.group(1))
    if article is None:
        return None
    paragraphs = "".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}">'
            f'<title>{esc(article.seo_title)}</title><meta name="robots" content="noindex"></head>'
            f'<body onload="window.print()"><h1>{esc(article.title)}</h1><p>{_dateline(article)}</p>'
            f'<p><b>{esc(_byline(article))}</b></p>{paragraphs}<hr><p>© {esc(CMS_NAME)}</p></body></html>\n')
    return Page(200, HTML, html.encode(CHARSET, "xmlcharrefreplace"), article.last_modified)


# --- listings ---------------------------------------------------------------------------------


def _page_number(query: Mapping[str, str]) -> int | None:
    text = query.get("page", "1")
    return int(text) if text.isdigit() else None


def _home(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    page = _page_number(query)
    shown = paginate(site.articles, page, PER_PAGE) if page else None
    if not shown:
        return None
    main = '<h2 class="rubrique">À la une</h2>\n' + _list(shown) + _pager("/", page or 1, len(site.articles))
    body = _document(site, f"{CMS_NAME} - Quotidien national d’information", "", main, site.articles, today=True)
    return Page(200, HTML, body, site.newest(shown))


def _section(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    section = next((s for s in site.outlet.sections if s.slug == match.group(1)), None)
    page = _page_number(query)
    if section is None or page is None:
        return None
    items = [a for a in site.articles if a.section_slug == section.slug]
    shown = paginate(items, page, PER_PAGE)
    if shown is None:
        return None
    base = f"/rubrique/{section.slug}/"
    main = f'<h2 class="rubrique">{esc(section.name)}</h2>\n{_list(shown)}{_pager(base, page, len(items))}'
    body = _document(site, f"{CMS_NAME} - {section.name}", "", main, site.articles, today=True)
    return Page(200, HTML, body, site.newest(shown))


def _list(articles: list[DemoArticle]) -> str:
    rows = "".join(
        f'<tr><td valign="top" width="130"><a href="{a.path}"><img src="{a.image_path}" width="120" height="68" border="0"></a></td>'
        f'<td valign="top"><a class="lientitre" href="{a.path}">{esc(a.title)}</a><br>'
        f'<span class="petit">{fr_date(_local(a.published))} - {esc(a.section)}</span><br>{esc(a.description)}</td></tr>'
        for a in articles)
    return f'<table class="liste" width="100%" cellpadding="4" cellspacing="0">{rows}</table>\n'


def _pager(base: str, page: int, total: int) -> str:
    pages = page_count(total, PER_PAGE)
    links = [f"<b>{n}</b>" if n == page else f'<a href="{base}?page={n}">{n}</a>' for n in range(1, pages + 1)]
    return f'<div class="pages">Pages : {" ".join(links)}</div>\n' if pages > 1 else ""


# --- sitemaps, robots, assets -------------------------------------------------------------------


def _months(site: Site) -> dict[str, list[DemoArticle]]:
    months: dict[str, list[DemoArticle]] = {}
    for article in site.articles:
        months.setdefault(f"{article.published:%Y-%m}", []).append(article)
    return months


def _sitemap_index(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    entries = [(site.url(f"/sitemaps/archive-{month}.xml.gz"), site.newest(items))
               for month, items in _months(site).items()]
    entries.append((site.url("/sitemap-news.xml.gz"), site.newest()))
    body = "".join(f"<sitemap><loc>{loc}</loc><lastmod>{w3c(when)}</lastmod></sitemap>\n" for loc, when in entries)
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n{body}</sitemapindex>\n'
    return Page(200, "text/xml", xml.encode(), max(when for _, when in entries))


def _archive(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    items = _months(site).get(match.group(1))
    if not items:
        return None
    urls = "".join(f"<url>\n<loc>{site.url(a.path)}</loc>\n<lastmod>{w3c(a.last_modified)}</lastmod>\n"
                   "<changefreq>monthly</changefreq>\n<priority>0.6</priority>\n</url>\n" for a in reversed(items))
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{urls}</urlset>\n'
    return _gzip_file(xml, site.newest(items))


def _news_sitemap(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    recent = [a for a in site.articles if a.published > site.now - NEWS_WINDOW]
    urls = "".join(_news_url(site, a) for a in recent)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n'
           f"{urls}</urlset>\n")
    newest = site.newest(recent) if recent else site.newest()
    return _gzip_file(xml, newest)


def _news_url(site: Site, article: DemoArticle) -> str:
    return (f"<url>\n<loc>{site.url(article.path)}</loc>\n<news:news>\n<news:publication>\n"
            f"<news:name>{esc(CMS_NAME)}</news:name>\n<news:language>fr</news:language>\n</news:publication>\n"
            f"<news:publication_date>{w3c(article.published)}</news:publication_date>\n"
            f"<news:title>{esc(article.title)}</news:title>\n</news:news>\n</url>\n")


def _gzip_file(xml: str, last_modified: datetime) -> Page:
    """A gzip *file* (no Content-Encoding): deterministic, mtime 0."""
    return Page(200, GZIP, gzip.compress(xml.encode(), compresslevel=9, mtime=0), last_modified, compressible=False)


def _robots(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    body = (f"User-agent: *\nDisallow: /imprimer/\nDisallow: /reagir.php\n\n"
            f"Sitemap: {site.url('/sitemap_index.xml')}\n")
    return Page(200, "text/plain", body.encode(), site.outlet.entries[0].published)


def _image(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    article = _by_id(site, match.group(1))
    if article is None:
        return None
    return Page(200, "image/png", png(article.image_path), article.published, compressible=False)


_ECHO_JS = b"""// EchoCMS 2.1 - fonctions communes
function ouvrirFenetre(url) { window.open(url, 'impression', 'width=700,height=600,scrollbars=yes'); return false; }
function taillePolice(delta) {
  var t = document.getElementById('texte'); if (!t) return;
  var s = parseInt(t.style.fontSize || '13', 10); t.style.fontSize = (s + delta) + 'px';
}
"""


# --- page frame -------------------------------------------------------------------------------


def _document(site: Site, title: str, meta: str, main: str, pool: list[DemoArticle], *, today: bool = False) -> bytes:
    """The table-based page; ``today`` adds the current date (listing pages only)."""
    html = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n'
        f'<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={CHARSET}">\n'
        f'<title>{esc(title)}</title>\n{meta}<link rel="stylesheet" type="text/css" href="/css/style.css?v=20190412">\n'
        f'<style type="text/css">\n{stylesheet("echo", "demo-cms-inline", _MEDIA)}</style>\n'
        '<script type="text/javascript" src="/js/echo.js"></script>\n</head>\n'
        '<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">\n'
        '<table width="980" align="center" cellpadding="0" cellspacing="0" border="0">\n'
        f'{_banner(site, today)}<tr>\n<!-- debut colonne gauche -->\n{_left(site, pool)}\n'
        f'<!-- debut colonne centrale -->\n<td width="600" valign="top" class="colcentre">\n{main}</td>\n'
        f'<!-- debut colonne droite -->\n{_right(pool)}\n</tr>\n{_bottom(site)}</table>\n{_scripts(site)}</body>\n</html>\n'
    )
    return html.encode(CHARSET, "xmlcharrefreplace")


def _banner(site: Site, today: bool) -> str:
    date = f'<td align="right" class="datejour">{fr_date_words(_local(site.now)).split(" à ")[0].capitalize()}</td>' if today else ""
    menu = " | ".join(f'<a href="/rubrique/{s.slug}/">{esc(s.name)}</a>' for s in site.outlet.sections)
    return (
        f'<tr><td colspan="3" class="bandeau"><table width="100%"><tr><td><a href="/"><img src="/images/logo.svg" '
        f'width="320" height="60" border="0" alt="{esc(CMS_NAME)}"></a></td>{date}</tr></table></td></tr>\n'
        f'<tr><td colspan="3" class="menu" bgcolor="#7A1F1F"><a href="/">Accueil</a> | {menu}</td></tr>\n'
    )


def _left(site: Site, pool: list[DemoArticle]) -> str:
    sections = "".join(f'<tr><td>&raquo; <a href="/rubrique/{s.slug}/">{esc(s.name)}</a></td></tr>'
                       for s in site.outlet.sections)
    rng_day = (pool[0].published if pool else site.outlet.entries[0].published).toordinal()
    cities = ("Alger", "Oran", "Constantine", "Annaba", "Béjaïa", "Tlemcen", "Ouargla", "Tamanrasset")
    weather = "".join(f"<tr><td>{esc(c)}</td><td align=\"right\">{12 + (rng_day * (i + 3)) % 17}°</td></tr>"
                      for i, c in enumerate(cities))
    return (
        '<td width="180" valign="top" class="colgauche">\n'
        f'<table class="boite" width="100%"><tr><th>Rubriques</th></tr>{sections}</table>\n'
        f'<table class="boite" width="100%"><tr><th colspan="2">Météo</th></tr>{weather}</table>\n'
        '<table class="boite" width="100%"><tr><th>Pharmacies de garde</th></tr>'
        '<tr><td>Consultez la liste affichée dans votre commune ou appelez le numéro vert de la wilaya.</td></tr></table>\n'
        f'{_prayer_times(rng_day)}{_classifieds()}'
        '<div class="pub" style="width:160px;height:600px;background:#eee">Publicité</div>\n</td>'
    )


def _prayer_times(day: int) -> str:
    shift = day % 9
    times = (("Fajr", 5, 48), ("Dohr", 12, 41), ("Asr", 15, 22), ("Maghreb", 17, 44), ("Icha", 19, 9))
    rows = "".join(f'<tr><td>{name}</td><td align="right">{h:02d}:{(m + shift) % 60:02d}</td></tr>' for name, h, m in times)
    return f'<table class="boite" width="100%"><tr><th colspan="2">Heures de prière (Alger)</th></tr>{rows}</table>\n'


_CLASSIFIEDS = (
    "Vends appartement F3, 2e étage, quartier calme, proche des écoles. Prix à débattre.",
    "Entreprise de travaux publics recrute conducteurs d’engins expérimentés. Envoyer CV.",
    "Cherche professeur de mathématiques pour cours particuliers, niveau terminale.",
    "Perdu cartable marron contenant des documents administratifs. Récompense promise.",
)


def _classifieds() -> str:
    rows = "".join(f"<tr><td>&bull; {esc(text)}</td></tr>" for text in _CLASSIFIEDS)
    return f'<table class="boite" width="100%"><tr><th>Petites annonces</th></tr>{rows}</table>\n'


def _right(pool: list[DemoArticle]) -> str:
    most_read = sorted(pool[:25], key=lambda a: popularity(a.path), reverse=True)[:5]
    ranked = "".join(f'<tr><td class="num">{i}</td><td><a href="{a.path}">{esc(a.title)}</a></td></tr>'
                     for i, a in enumerate(most_read, 1))
    latest = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in pool[:6])
    wires = "".join(f'<tr><td class="petit">{_local(a.published):%d/%m %H:%M}</td><td><a href="{a.path}">{esc(a.title)}</a></td></tr>'
                    for a in pool[6:16])
    return (
        '<td width="200" valign="top" class="coldroite">\n'
        f'<table class="boite" width="100%"><tr><th colspan="2">Les plus lus</th></tr>{ranked}</table>\n'
        f'<div class="boite"><b>Dernières infos</b><ul>{latest}</ul></div>\n'
        f'<table class="boite depeches" width="100%"><tr><th colspan="2">Fil des dépêches</th></tr>{wires}</table>\n'
        '<form class="sondage" action="/sondage.php" method="post"><b>Sondage</b><p>Faut-il avancer la date des '
        'vacances d’hiver ?</p><input type="radio" name="r" value="1"> Oui<br><input type="radio" name="r" value="2"> '
        'Non<br><input type="radio" name="r" value="3"> Sans opinion<br><input type="submit" value="Voter"></form>\n</td>'
    )


_LINKS = ("Journal officiel", "Météo nationale", "Horaires des trains", "Résultats des examens",
          "Annuaire des administrations", "Offres d’emploi", "Avis d’appels d’offres", "Nécrologie")


def _bottom(site: Site) -> str:
    links = " | ".join(f"<span>{esc(text)}</span>" for text in _LINKS)
    months = " | ".join(f"{m.capitalize()} 2026" for m in ("août", "septembre", "octobre", "novembre"))
    return (f'<tr><td colspan="3" class="liens" align="center">Liens utiles : {links}<br>Archives : {months}</td></tr>\n'
            '<tr><td colspan="3" class="pied" align="center">© 2004-2026 ' + esc(CMS_NAME) +
            ' - Quotidien national d’information - Tous droits réservés<br>'
            'Siège : 14, boulevard des Martyrs, Alger - Tél. : 021 00 00 00 - Publicité : contactez notre régie</td></tr>\n')


def _scripts(site: Site) -> str:
    zones = [{"id": 100 + i, "format": fmt, "page": page} for i, (fmt, page) in enumerate(
        (f, p) for f in ("728x90", "300x250", "160x600", "468x60") for p in ("accueil", "rubrique", "article"))]
    config = {"site": "echo", "version": "2.1", "pub": {"zones": zones, "rotation": 30},
              "stats": {"actif": True, "compteur": "/stats/compteur.php"},
              "rubriques": {s.slug: s.name for s in site.outlet.sections}}
    return f'<script type="text/javascript">\nvar ECHO_CONFIG = {json_script(config)};\n</script>\n'



_ROUTES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(r"/"), _home),
    (re.compile(r"/article/(\d+)-[a-z0-9-]*\.html"), _article),
    (re.compile(r"/imprimer/(\d+)\.html"), _print),
    (re.compile(r"/rubrique/([a-z0-9-]+)/"), _section),
    (re.compile(r"/sitemap_index\.xml"), _sitemap_index),
    (re.compile(r"/sitemaps/archive-(\d{4}-\d{2})\.xml\.gz"), _archive),
    (re.compile(r"/sitemap-news\.xml\.gz"), _news_sitemap),
    (re.compile(r"/robots\.txt"), _robots),
    (re.compile(r"/images/articles/(\d+)\.png"), _image),
    (re.compile(r"/css/style\.css"), asset("text/css", lambda: stylesheet("echo", "demo-cms").encode())),
    (re.compile(r"/js/echo\.js"), asset("application/javascript", lambda: _ECHO_JS)),
    (re.compile(r"/images/logo\.svg"), asset("image/svg+xml", lambda: svg_logo(CMS_NAME, "#7A1F1F"))),
)
