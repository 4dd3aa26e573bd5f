"""demo-listing, 'Les Nouvelles du Souss': no feed, no sitemap, only pages that link to each other.

URLs: ``/YYYY/MM/DD/<slug>-<id>.html`` French and ``/ar/YYYY/MM/DD/<slug>-<id>.html`` Arabic
articles; listings ``/`` (12 newest), ``/actualites/`` and ``/actualites/page/N/`` (10 a page,
``/page/1/`` redirects), ``/categorie/<slug>/[page/N/]``; pages that are not articles:
``/tag/<slug>/``, ``/auteur/<slug>/`` (with a biography), ``/recherche/?q=…``,
``/a-propos/``; ``/robots.txt`` without a ``Sitemap:`` line; ``/medias/<id>.png``.
``/feed/`` and ``/sitemap.xml`` are 404. A removed article answers 410 or 404.
"""

# ruff: noqa: E501
# Reason: HTML templates read better unwrapped.
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import quote

from crawler.demo._markup import ar_date, esc, fr_date, join_names, json_script, png, stylesheet, w3c
from crawler.demo.extra_outlets import LISTING_NAMES, LISTING_STAFF
from crawler.demo.model import DemoArticle
from crawler.demo.outlets import slugify
from crawler.demo.site import Handler, Page, Site, StreamedPage, page_count, paginate, redirect

HTML = "text/html; charset=utf-8"
PER_PAGE = 10
HOME_ITEMS = 12
SEARCH_ITEMS = 20
POPULAR_SEARCHES = ("Agadir", "sécheresse", "الزراعة")
_FRENCH_NAME = {ar: fr for fr, ar in LISTING_STAFF} | {fr: fr for fr, _ in LISTING_STAFF}
_BIOS = {
    "fr": "{name} couvre l’actualité du Souss pour notre rédaction depuis Agadir. Ancien correspondant "
          "régional, {name} suit de près la vie des communes, le monde agricole et les initiatives des jeunes.",
}
_LABELS = {
    "fr": {"by": "Par", "published": "Publié le", "updated": "Mis à jour le", "related": "À lire aussi",
           "tags": "Mots-clés", "dir": "ltr"},
    "ar": {"by": "بقلم", "published": "نشر في", "updated": "آخر تحديث", "related": "اقرأ أيضا",
           "tags": "الكلمات المفتاحية", "dir": "rtl"},
}


def render(site: Site, path: str, query: Mapping[str, str]) -> Page | StreamedPage | None:
    """The page at ``path``, or ``None`` for a 404."""
    match = next((m for m in (p.fullmatch(path) for p, _ in _ROUTES) if m), None)
    page = dict(_ROUTES)[match.re](site, match, query) if match else None
    gone = site.gone(path) if page is None else None
    if gone is not None and gone.gone_status == 410:
        return _page(site, 410, "fr", "Article retiré", "",
                     '<h1>Cet article n’est plus disponible</h1><p>Il a été retiré par la rédaction.</p>')
    return page


def not_found(site: Site) -> Page:
    """The outlet's 'page not found'."""
    return _page(site, 404, "fr", "Page introuvable", "",
                 '<h1>Page introuvable</h1><p>La page demandée n’existe pas. Retournez à l’<a href="/">accueil</a>.</p>')


# --- articles ---------------------------------------------------------------------------------


def _article(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    article = site.article(match.group(0))
    if article is None:
        return None
    head = _article_head(site, article)
    return _page(site, 200, article.language, article.seo_title, head, _article_main(site, article),
                 article.last_modified)


def _article_head(site: Site, article: DemoArticle) -> str:
    url = site.url(article.path)
    people = [{"@type": "Person", "name": n, "url": site.url(f"/auteur/{slugify(_FRENCH_NAME[n])}/")}
              for n in article.authors] or [{"@type": "Organization", "name": n} for n in article.agencies]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "description": article.description, "url": url, "mainEntityOfPage": url,
            "datePublished": w3c(article.published), "dateModified": w3c(article.last_modified),
            "author": people, "image": site.url(article.image_path), "articleSection": article.section,
            "inLanguage": article.language,
            "publisher": {"@type": "Organization", "name": LISTING_NAMES[article.language]}}
    return (f'<meta name="description" content="{esc(article.description)}">\n<link rel="canonical" href="{url}">\n'
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{esc(article.title)}">\n'
            f'<meta property="og:url" content="{url}">\n<meta property="og:image" content="{site.url(article.image_path)}">\n'
            f'<meta property="article:published_time" content="{w3c(article.published)}">\n'
            f'<meta property="article:modified_time" content="{w3c(article.last_modified)}">\n'
            f'<script type="application/ld+json">{json_script(data)}</script>\n')


def _when(article: DemoArticle) -> str:
    labels = _LABELS[article.language]
    show = ar_date if article.language == "ar" else fr_date
    text = f'{labels["published"]} <time datetime="{w3c(article.published)}">{show(article.published)}</time>'
    if article.modified:
        text += f' · {labels["updated"]} <time datetime="{w3c(article.modified)}">{show(article.modified)}</time>'
    return text


def _byline(article: DemoArticle) -> str:
    if not article.authors:
        return esc(join_names(article.agencies, article.language))
    links = [f'<a rel="author" href="/auteur/{slugify(_FRENCH_NAME[n])}/">{esc(n)}</a>' for n in article.authors]
    return (" و" if article.language == "ar" else " et ").join(links)


def _related(site: Site, article: DemoArticle) -> str:
    """Earlier stories of the section, from the schedule: the box never changes once published."""
    earlier = [e.original for e in reversed(site.outlet.entries) if e.published < article.published
               and e.original.language == article.language and e.original.section_slug == article.section_slug][:3]
    items = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in earlier)
    return f'<aside class="a-lire"><h2>{_LABELS[article.language]["related"]}</h2><ul>{items}</ul></aside>\n' if items else ""


def _article_main(site: Site, article: DemoArticle) -> str:
    labels = _LABELS[article.language]
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    if article.language == "fr":
        tags = ", ".join(f'<a href="/tag/{slugify(t)}/">{esc(t)}</a>' for t in article.tags)
    else:
        tags = "، ".join(esc(t) for t in article.tags)
    return (
        f'<p class="fil"><a href="/">Accueil</a> / <a href="/categorie/{article.section_slug}/">{esc(article.section)}</a></p>\n'
        f'<article class="article"><h1>{esc(article.title)}</h1>\n'
        f'<p class="signature">{labels["by"]} {_byline(article)} — {_when(article)}</p>\n'
        f'<img class="une" src="{article.image_path}" width="760" height="428" alt="">\n'
        f'<div class="article-texte">\n{paragraphs}\n</div>\n'
        f'<p class="mots-cles">{labels["tags"]} : {tags}</p></article>\n{_related(site, article)}'
    )


# --- listings and pages that are not articles ------------------------------------------------------


def _cards(articles: list[DemoArticle]) -> str:
    return "\n".join(
        f'<div class="carte" lang="{a.language}" dir="{_LABELS[a.language]["dir"]}"><h2><a href="{a.path}">{esc(a.title)}</a></h2>'
        f'<p class="date">{(ar_date if a.language == "ar" else fr_date)(a.published)} · {esc(a.section)}</p>'
        f'<p>{esc(a.description)}</p></div>' for a in articles)


def _pager(base: str, page: int, total: int) -> tuple[str, str]:
    """The pager and the ``<link rel=prev/next>`` tags of page ``page``."""
    pages = page_count(total, PER_PAGE)
    href = {n: base if n == 1 else f"{base}page/{n}/" for n in range(1, pages + 1)}
    links, head = [], ""
    if page > 1:
        links.append(f'<a rel="prev" href="{href[page - 1]}">« Page précédente</a>')
        head += f'<link rel="prev" href="{href[page - 1]}">\n'
    links += [f"<strong>{n}</strong>" if n == page else f'<a href="{href[n]}">{n}</a>' for n in href]
    if page < pages:
        links.append(f'<a rel="next" href="{href[page + 1]}">Page suivante »</a>')
        head += f'<link rel="next" href="{href[page + 1]}">\n'
    return (f'<nav class="pagination">{" ".join(links)}</nav>\n' if pages > 1 else ""), head


def _collection(site: Site, base: str, page_text: str | None, items: list[DemoArticle], heading: str,
                schema_type: str = "CollectionPage") -> Page | None:
    if page_text == "1":
        return redirect(site.url(base))
    page = int(page_text or 1)
    shown = paginate(items, page, PER_PAGE)
    if shown is None:
        return None
    pager, links = _pager(base, page, len(items))
    title = heading if page == 1 else f"{heading} – page {page}"
    head = _listing_head(site, site.url(base if page == 1 else f"{base}page/{page}/"), title, schema_type) + links
    main = f'<h1>{esc(heading)}</h1>\n{_cards(shown) or "<p>Aucun article.</p>"}\n{pager}'
    return _page(site, 200, "fr", f"{title} | {LISTING_NAMES['fr']}", head, main, site.newest(shown))


def _listing_head(site: Site, url: str, title: str, schema_type: str) -> str:
    data = {"@context": "https://schema.org", "@type": schema_type, "name": title, "url": url}
    return (f'<link rel="canonical" href="{url}">\n<meta property="og:type" content="website">\n'
            f'<script type="application/ld+json">{json_script(data)}</script>\n')


def _news(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    return _collection(site, "/actualites/", match.group(1), site.articles, "Toute l’actualité")


def _category(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    section = next((s for s in site.outlet.sections if s.slug == match.group(1)), None)
    if section is None:
        return None
    items = [a for a in site.articles if a.section_slug == section.slug]
    return _collection(site, f"/categorie/{section.slug}/", match.group(2), items, section.name)


def _tag(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    names = {slugify(t): t for e in site.outlet.entries if e.original.language == "fr" for t in e.original.tags}
    slug = match.group(1)
    if slug not in names:
        return None
    items = [a for a in site.articles if slug in {slugify(t) for t in a.tags} and a.language == "fr"]
    return _collection(site, f"/tag/{slug}/", match.group(2), items, f"Mot-clé : {names[slug]}")


def _author(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    name = next((fr for fr, _ in LISTING_STAFF if slugify(fr) == match.group(1)), None)
    if name is None:
        return None
    items = [a for a in site.articles if any(_FRENCH_NAME[n] == name for n in a.authors)]
    url = site.url(f"/auteur/{match.group(1)}/")
    head = _listing_head(site, url, name, "ProfilePage")
    main = (f'<div class="profil"><h1>{esc(name)}</h1><p class="bio">{esc(_BIOS["fr"].format(name=name))}</p></div>\n'
            f'<h2>Ses derniers articles</h2>\n{_cards(items[:PER_PAGE])}')
    return _page(site, 200, "fr", f"{name}, journaliste | {LISTING_NAMES['fr']}", head, main, site.newest(items[:PER_PAGE]))


def _search(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    terms = query.get("q", "").strip()
    wanted = terms.casefold()
    found = [a for a in site.articles if wanted and (wanted in a.title.casefold() or wanted in a.text.casefold())]
    head = _listing_head(site, site.url("/recherche/"), f"Recherche : {terms}", "SearchResultsPage")
    head += '<meta name="robots" content="noindex, follow">\n'
    main = (f'<form action="/recherche/" method="get"><input type="search" name="q" value="{esc(terms)}">'
            f'<button>Rechercher</button></form>\n<h1>{len(found)} résultat(s) pour « {esc(terms)} »</h1>\n'
            f'{_cards(found[:SEARCH_ITEMS])}')
    return _page(site, 200, "fr", f"Recherche : {terms} | {LISTING_NAMES['fr']}", head, main, site.newest(found[:SEARCH_ITEMS]))


def _home(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    tags: dict[str, int] = {}
    for article in site.articles:
        for tag in article.tags if article.language == "fr" else ():
            tags[tag] = tags.get(tag, 0) + 1
    popular = sorted(tags, key=lambda t: (-tags[t], t))[:8]
    boxes = (
        '<section class="mots"><h2>Mots-clés</h2>' + " ".join(f'<a href="/tag/{slugify(t)}/">{esc(t)}</a>' for t in popular) + "</section>\n"
        '<section class="equipe"><h2>La rédaction</h2>' + " ".join(f'<a href="/auteur/{slugify(fr)}/">{esc(fr)}</a>' for fr, _ in LISTING_STAFF) + "</section>\n"
        '<section class="recherches"><h2>Recherches fréquentes</h2>' + " ".join(f'<a href="/recherche/?q={quote(q)}">{esc(q)}</a>' for q in POPULAR_SEARCHES) + "</section>\n")
    main = (f'<h1 class="cache">{esc(LISTING_NAMES["fr"])}</h1>\n<h2>À la une</h2>\n{_cards(site.articles[:HOME_ITEMS])}\n'
            f'<p class="suite"><a href="/actualites/">Toute l’actualité »</a></p>\n{boxes}')
    head = _listing_head(site, site.url("/"), LISTING_NAMES["fr"], "WebSite")
    return _page(site, 200, "fr", f"{LISTING_NAMES['fr']} – L’actualité du Souss et de l’Anti-Atlas", head, main,
                 site.newest(site.articles[:HOME_ITEMS]))


def _about(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    main = ('<h1>Qui sommes-nous ?</h1><p>Les Nouvelles du Souss est un site d’information régional fondé à Agadir. '
            'Notre équipe publie chaque jour, en français et en arabe, l’actualité des provinces du Souss-Massa.</p>')
    return _page(site, 200, "fr", f"Qui sommes-nous ? | {LISTING_NAMES['fr']}", "", main, site.outlet.entries[0].published)


def _robots(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    body = "User-agent: *\n" + "".join(f"Disallow: {p}\n" for p in site.outlet.quirks.robots_disallow)
    return Page(200, "text/plain; charset=utf-8", body.encode(), site.outlet.entries[0].published)


def _image(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    if not any(a.image_path == match.group(0) for a in site.articles):
        return None
    return Page(200, "image/png", png(match.group(0)), site.outlet.entries[0].published, compressible=False)


def _css(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    return Page(200, "text/css", stylesheet("souss", "demo-listing").encode(), site.outlet.entries[0].published)


# --- page frame -------------------------------------------------------------------------------


def _page(site: Site, status: int, lang: str, title: str, head: str, main: str,
          last_modified: datetime | None = None) -> Page:
    menu = " ".join(f'<a href="/categorie/{s.slug}/">{esc(s.name)}</a>' for s in site.outlet.sections if s.language == "fr")
    html = (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{_LABELS[lang]["dir"]}">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{esc(title)}</title>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n{head}'
        '<link rel="stylesheet" href="/static/souss.css">\n</head>\n<body>\n'
        f'<header class="bandeau"><a class="logo" href="/">{esc(LISTING_NAMES["fr"])} · {LISTING_NAMES["ar"]}</a>\n'
        f'<nav class="menu"><a href="/">Accueil</a> <a href="/actualites/">Actualités</a> {menu} '
        '<a href="/categorie/jiha/">بالعربية</a></nav>\n'
        '<form class="cherche" action="/recherche/" method="get"><input type="search" name="q" placeholder="Rechercher"></form></header>\n'
        f'<main>\n{main}</main>\n<footer class="pied"><a href="/a-propos/">Qui sommes-nous ?</a> · '
        f'© 2026 {esc(LISTING_NAMES["fr"])}</footer>\n</body>\n</html>\n'
    )
    return Page(status, HTML, html.encode("utf-8"), last_modified)


_ROUTES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(r"/"), _home),
    (re.compile(r"/(?:ar/)?\d{4}/\d{2}/\d{2}/[^/]+-\d+\.html"), _article),
    (re.compile(r"/actualites/(?:page/(\d+)/)?"), _news),
    (re.compile(r"/categorie/([a-z]+)/(?:page/(\d+)/)?"), _category),
    (re.compile(r"/tag/([a-z0-9-]+)/(?:page/(\d+)/)?"), _tag),
    (re.compile(r"/auteur/([a-z0-9-]+)/"), _author),
    (re.compile(r"/recherche/"), _search),
    (re.compile(r"/a-propos/"), _about),
    (re.compile(r"/robots\.txt"), _robots),
    (re.compile(r"/medias/\d+\.png"), _image),
    (re.compile(r"/static/souss\.css"), _css),
)
