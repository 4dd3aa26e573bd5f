"""demo-bilingue, 'Al-Manara / La Manara': a French and Arabic outlet.

URLs: ``/fr/<section>/<slug>`` and ``/ar/<section>/<percent-encoded slug>``
articles (translated pairs linked by ``hreflang``), ``/fr/`` and ``/ar/``
home pages, ``/<lang>/<section>/[?page=N]`` listings, ``/`` (language choice),
``/sitemap.xml`` → ``/sitemap-fr.xml`` and ``/sitemap-ar.xml`` (with
``xhtml:link`` alternates), ``/feed.atom`` (20 newest, both languages),
``/robots.txt``. Articles carry a JSON-LD ``@graph`` (Organization, WebPage,
Article with the author as a string).
"""

# ruff: noqa: E501
# Reason: HTML templates read better unwrapped.
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from crawler.demo._markup import (
    ar_date,
    ar_weekday,
    esc,
    fr_date,
    join_names,
    json_script,
    png,
    popularity,
    stylesheet,
    svg_logo,
    w3c,
)
from crawler.demo.model import DemoArticle
from crawler.demo.outlets import BILINGUAL_NAMES
from crawler.demo.site import Handler, Page, Site, StreamedPage, asset, page_count, paginate

HTML = "text/html; charset=utf-8"
PER_PAGE = 12
FEED_ITEMS = 20
FEED_ID = "tag:lamanara.demo,2026:"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_LABELS: dict[str, dict[str, str]] = {
    "fr": {"home": "Accueil", "by": "Par", "published": "Publié le", "updated": "Mis à jour le",
           "most_read": "Les plus lus", "latest": "Dernières nouvelles", "related": "À lire aussi",
           "tags": "Mots-clés", "other": "العربية", "tagline": "L’information de Mauritanie en français et en arabe",
           "page": "Page", "next": "Suivant", "not_found": "Page introuvable",
           "not_found_text": "Le contenu demandé n’existe pas ou a été retiré."},
    "ar": {"home": "الرئيسية", "by": "بقلم", "published": "نشر في", "updated": "آخر تحديث",
           "most_read": "الأكثر قراءة", "latest": "آخر الأخبار", "related": "اقرأ أيضا",
           "tags": "الكلمات المفتاحية", "other": "Français", "tagline": "أخبار موريتانيا بالعربية والفرنسية",
           "page": "صفحة", "next": "التالي", "not_found": "الصفحة غير موجودة",
           "not_found_text": "المحتوى المطلوب غير موجود أو تم حذفه."},
}

_MEDIA = ("max-width: 1200px", "max-width: 980px", "max-width: 782px", "max-width: 480px")


def render(site: Site, path: str, query: Mapping[str, str]) -> Page | StreamedPage | None:
    """The page at ``path``, or ``None`` for a 404."""
    for pattern, handler in _ROUTES:
        match = pattern.fullmatch(path)
        if match:
            return handler(site, match, query)
    return None


def not_found(site: Site) -> Page:
    """A bilingual 404 page."""
    main = "".join(f'<section lang="{lang}"><h1>{_LABELS[lang]["not_found"]}</h1><p>{_LABELS[lang]["not_found_text"]}'
                   f'</p><p><a href="/{lang}/">{_LABELS[lang]["home"]}</a></p></section>' for lang in ("fr", "ar"))
    html = _document(site, "fr", "404 - La Manara", "", main, [], alternates="")
    return Page(404, HTML, html)


# --- articles ---------------------------------------------------------------------------------


def _article(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    article = site.article(match.group(0))
    if article is None:
        return None
    lang = article.language
    earlier = site.earlier(article)
    head = _article_head(site, article)
    html = _document(site, lang, article.seo_title, head, _article_main(site, article, earlier), earlier,
                     alternates=_alternates(site, article))
    return Page(200, HTML, html, article.last_modified)


def _alternates(site: Site, article: DemoArticle) -> str:
    links = "".join(f'<link rel="alternate" hreflang="{lang}" href="{site.url(path)}">\n'
                    for lang, path in article.url_path_alternates)
    if article.url_path_alternates:
        french = dict(article.url_path_alternates)["fr"]
        links += f'<link rel="alternate" hreflang="x-default" href="{site.url(french)}">\n'
    return links


def _article_head(site: Site, article: DemoArticle) -> str:
    locale = "fr_FR" if article.language == "fr" else "ar_AR"
    return (
        f'<meta name="description" content="{esc(article.description)}">\n'
        f'<link rel="canonical" href="{site.url(article.path)}">\n'
        f'<meta property="og:type" content="article">\n<meta property="og:locale" content="{locale}">\n'
        f'<meta property="og:title" content="{esc(article.title)}">\n'
        f'<meta property="og:url" content="{site.url(article.path)}">\n'
        f'<meta property="og:image" content="{site.url(article.image_path)}">\n'
        f'<script type="application/ld+json">{_json_ld(site, article)}</script>\n'
    )


def _json_ld(site: Site, article: DemoArticle) -> str:
    url = site.url(article.path)
    organization = {"@type": "Organization", "@id": site.url("/#organization"), "name": site.outlet.name,
                    "url": site.url("/"), "logo": {"@type": "ImageObject", "url": site.url("/assets/logo.svg")}}
    webpage = {"@type": "WebPage", "@id": f"{url}#webpage", "url": url, "name": article.seo_title,
               "inLanguage": article.language, "isPartOf": {"@id": site.url("/#organization")}}
    node = {
        "@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": f"{url}#webpage"},
        "mainEntityOfPage": {"@id": f"{url}#webpage"}, "headline": article.title,
        "description": article.description, "datePublished": w3c(article.published),
        "dateModified": w3c(article.last_modified),
        "author": join_names(article.authors or article.agencies, article.language),
        "publisher": {"@id": site.url("/#organization")}, "image": site.url(article.image_path),
        "articleSection": article.section, "keywords": ", ".join(article.tags), "inLanguage": article.language,
    }
    return json_script({"@context": "https://schema.org", "@graph": [organization, webpage, node]})


def _when(article: DemoArticle, lang: str) -> str:
    labels = _LABELS[lang]

    def date(moment: datetime) -> str:
        return f"{ar_weekday(moment)} {ar_date(moment)} - {moment:%H:%M}" if lang == "ar" else f"{fr_date(moment)} à {moment:%H:%M}"

    text = (f'<span class="published">{labels["published"]} <time datetime="{w3c(article.published)}">'
            f"{date(article.published)}</time></span>")
    if article.modified:
        text += (f' <span class="modified">{labels["updated"]} <time datetime="{w3c(article.modified)}">'
                 f"{date(article.modified)}</time></span>")
    return text


def _article_main(site: Site, article: DemoArticle, earlier: list[DemoArticle]) -> str:
    lang, labels = article.language, _LABELS[article.language]
    body = "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    tags = "".join(f'<li class="tag">{esc(t)}</li>' for t in article.tags)
    related = [a for a in earlier if a.section_slug == article.section_slug][:3]
    links = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in related)
    author = join_names(article.authors or article.agencies, lang)
    return (
        f'<nav class="breadcrumb"><a href="/{lang}/">{labels["home"]}</a> › '
        f'<a href="/{lang}/{article.section_slug}/">{esc(article.section)}</a></nav>\n'
        f'<article class="article article--{lang}">\n<header class="article__header">\n'
        f'<h1 class="article__title">{esc(article.title)}</h1>\n<div class="article__meta">'
        f'<span class="author">{labels["by"]} {esc(author)}</span> {_when(article, lang)}</div>\n</header>\n'
        f'<figure class="article__image"><img src="{article.image_path}" width="800" height="450" alt=""></figure>\n'
        f'<div class="article__body">\n{body}\n</div>\n'
        f'<footer class="article__footer"><h2>{labels["tags"]}</h2><ul class="tags">{tags}</ul></footer>\n</article>\n'
        f'<section class="related"><h2>{labels["related"]}</h2><ul>{links}</ul></section>\n'
    )


# --- listings ---------------------------------------------------------------------------------


def _landing(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    blocks = []
    for lang in ("fr", "ar"):
        latest = [a for a in site.articles if a.language == lang][:3]
        items = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in latest)
        blocks.append(f'<section lang="{lang}" dir="{_dir(lang)}"><h2><a href="/{lang}/">{BILINGUAL_NAMES[lang]}</a></h2>'
                      f'<p>{_LABELS[lang]["tagline"]}</p><ul>{items}</ul></section>')
    html = _document(site, "fr", site.outlet.name, "", "".join(blocks), [], alternates="")
    return Page(200, HTML, html, site.newest())


def _home(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    lang = match.group(1)
    items = [a for a in site.articles if a.language == lang]
    title = f'{BILINGUAL_NAMES[lang]} - {_LABELS[lang]["tagline"]}'
    return _listing(site, lang, f"/{lang}/", title, items, query)


def _section(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    lang, slug = match.group(1), match.group(2)
    section = next((s for s in site.outlet.sections if s.slug == slug and s.language == lang), None)
    if section is None:
        return None
    items = [a for a in site.articles if a.language == lang and a.section_slug == slug]
    return _listing(site, lang, f"/{lang}/{slug}/", f"{section.name} - {BILINGUAL_NAMES[lang]}", items, query)


def _listing(site: Site, lang: str, base: str, title: str, items: list[DemoArticle],
             query: Mapping[str, str]) -> Page | None:
    text = query.get("page", "1")
    shown = paginate(items, int(text), PER_PAGE) if text.isdigit() else None
    if shown is None:
        return None
    page = int(text)
    cards = "".join(
        f'<article class="card"><a href="{a.path}"><img src="{a.image_path}" width="320" height="180" alt="" '
        f'loading="lazy"><h2 class="card__title">{esc(a.title)}</h2></a><p class="card__summary">{esc(a.description)}</p>'
        f'<time datetime="{w3c(a.published)}">{ar_date(a.published) if lang == "ar" else fr_date(a.published)}</time>'
        "</article>" for a in shown)
    pages = page_count(len(items), PER_PAGE)
    pager = (f'<nav class="pager"><a rel="next" href="{base}?page={page + 1}">{_LABELS[lang]["next"]}</a></nav>'
             if page < pages else "")
    head = f'<link rel="canonical" href="{site.url(base if page == 1 else f"{base}?page={page}")}">\n'
    html = _document(site, lang, title, head, f'<div class="cards">{cards}</div>{pager}', site.articles, alternates="")
    return Page(200, HTML, html, site.newest(shown))


# --- sitemaps, feed, robots, assets -------------------------------------------------------------


def _sitemap_index(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    entries = []
    for lang in ("fr", "ar"):
        newest = site.newest(a for a in site.articles if a.language == lang)
        entries.append(f"<sitemap><loc>{site.url(f'/sitemap-{lang}.xml')}</loc><lastmod>{w3c(newest)}</lastmod></sitemap>")
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n'
           + "\n".join(entries) + "\n</sitemapindex>\n")
    return Page(200, "application/xml; charset=utf-8", xml.encode(), site.newest())


def _sitemap(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    items = [a for a in site.articles if a.language == match.group(1)]
    urls = "".join(_sitemap_url(site, a) for a in items)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n'
           f"{urls}</urlset>\n")
    return Page(200, "application/xml; charset=utf-8", xml.encode(), site.newest(items))


def _sitemap_url(site: Site, article: DemoArticle) -> str:
    links = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{site.url(path)}"/>\n'
                    for lang, path in article.url_path_alternates)
    return f"<url>\n<loc>{site.url(article.path)}</loc>\n<lastmod>{w3c(article.last_modified)}</lastmod>\n{links}</url>\n"


def _feed(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    items = site.articles[:FEED_ITEMS]
    newest = site.newest()
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>{esc(site.outlet.name)}</title>\n<subtitle>{esc(_LABELS['fr']['tagline'])}</subtitle>\n"
        f'<link rel="self" type="application/atom+xml" href="{site.url("/feed.atom")}"/>\n'
        f'<link rel="alternate" type="text/html" href="{site.url("/")}"/>\n'
        f"<id>{FEED_ID}feed</id>\n<updated>{w3c(newest)}</updated>\n"
        + "".join(_feed_entry(site, a) for a in items) + "</feed>\n"
    )
    return Page(200, "application/atom+xml; charset=utf-8", xml.encode(), newest)


def _feed_entry(site: Site, article: DemoArticle) -> str:
    names = article.authors or article.agencies
    authors = "".join(f"<author><name>{esc(n)}</name></author>" for n in names)
    return (
        f'<entry xml:lang="{article.language}">\n<title>{esc(article.title)}</title>\n'
        f'<link rel="alternate" type="text/html" href="{site.url(article.path)}"/>\n'
        f"<id>{FEED_ID}story-{article.story_id}-{article.language}</id>\n"
        f"<published>{w3c(article.published)}</published>\n<updated>{w3c(article.last_modified)}</updated>\n"
        f'{authors}\n<category term="{esc(article.section)}"/>\n<summary>{esc(article.description)}</summary>\n</entry>\n'
    )


def _robots(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page:
    body = f"User-agent: *\nAllow: /\n\nSitemap: {site.url('/sitemap.xml')}\n"
    return Page(200, "text/plain; charset=utf-8", body.encode(), site.outlet.entries[0].published)


def _image(site: Site, match: re.Match[str], query: Mapping[str, str]) -> Page | None:
    found = [a for a in site.articles if a.image_path == match.group(0)]
    if not found:
        return None
    return Page(200, "image/png", png(match.group(0)), found[0].published, compressible=False)


_APP_JS = b"""// La Manara front-end: language switch memory
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-lang-switch]').forEach(function (link) {
    link.addEventListener('click', function () { localStorage.setItem('lang', link.dataset.langSwitch); });
  });
});
"""


# --- page frame -------------------------------------------------------------------------------


def _dir(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def _document(site: Site, lang: str, title: str, head: str, main: str, pool: list[DemoArticle], *,
              alternates: str) -> bytes:
    """The page frame in ``lang``; side boxes list ``pool`` (same language)."""
    html = (
        f'<!doctype html>\n<html lang="{lang}" dir="{_dir(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
        f'{head}{alternates}<link rel="stylesheet" href="/assets/app.css?v=7">\n'
        f'<style>\n{stylesheet("mn", "demo-bilingue-inline", _MEDIA)}</style>\n</head>\n'
        f'<body class="lang-{lang}">\n{_header(site, lang)}<div class="layout">\n<main class="content">\n{main}</main>\n'
        f'{_aside(lang, [a for a in pool if a.language == lang])}</div>\n{_footer(site, lang)}'
        f'<script>window.__MANARA__ = {json_script(_app_state(site, lang, pool))};</script>\n'
        '<script src="/assets/app.js" defer></script>\n</body>\n</html>\n'
    )
    return html.encode("utf-8")


def _app_state(site: Site, lang: str, pool: list[DemoArticle]) -> dict[str, object]:
    """Hydration data of the front-end, as single-page-app themes embed it."""
    nav = [{"slug": s.slug, "name": s.name, "href": f"/{s.language}/{s.slug}/"}
           for s in site.outlet.sections if s.language == lang]
    latest = [{"id": a.story_id, "title": a.title, "href": a.path, "section": a.section_slug,
               "published": w3c(a.published), "image": a.image_path} for a in pool if a.language == lang][:12]
    labels = dict(_LABELS[lang])
    return {"lang": lang, "dir": _dir(lang), "edition": "web", "ads": False, "nav": nav, "latest": latest,
            "labels": labels, "build": "2026.11.3"}


def _header(site: Site, lang: str) -> str:
    other = "ar" if lang == "fr" else "fr"
    nav = "".join(f'<li><a href="/{lang}/{s.slug}/">{esc(s.name)}</a></li>'
                  for s in site.outlet.sections if s.language == lang)
    return (
        f'<header class="site-header"><a class="logo" href="/{lang}/"><img src="/assets/logo.svg" width="320" height="60" '
        f'alt="{BILINGUAL_NAMES[lang]}"></a><a class="lang-switch" data-lang-switch="{other}" href="/{other}/" '
        f'lang="{other}">{_LABELS[lang]["other"]}</a>\n<nav class="main-nav"><ul><li><a href="/{lang}/">'
        f'{_LABELS[lang]["home"]}</a></li>{nav}</ul></nav></header>\n'
    )


def _aside(lang: str, pool: list[DemoArticle]) -> str:
    labels = _LABELS[lang]
    ranked = sorted(pool[:20], key=lambda a: popularity(a.path), reverse=True)[:5]
    most = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in ranked)
    latest = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in pool[:5])
    return (f'<aside class="sidebar"><section class="box"><h2>{labels["most_read"]}</h2><ol>{most}</ol></section>'
            f'<section class="box"><h2>{labels["latest"]}</h2><ul>{latest}</ul></section>{_services(lang)}</aside>\n')


_SERVICES = {
    "fr": ("Services", (("Euro", "43,10 MRU"), ("Dollar", "39,85 MRU"), ("Dirham", "4,05 MRU"),
                        ("Fajr", "06:21"), ("Dhohr", "13:34"), ("Asr", "16:41"), ("Maghreb", "19:02"),
                        ("Icha", "20:19"))),
    "ar": ("خدمات", (("اليورو", "43,10 أوقية"), ("الدولار", "39,85 أوقية"), ("الدرهم", "4,05 أوقية"),
                      ("الفجر", "06:21"), ("الظهر", "13:34"), ("العصر", "16:41"), ("المغرب", "19:02"),
                      ("العشاء", "20:19"))),
}


def _services(lang: str) -> str:
    title, rows = _SERVICES[lang]
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    return f'<section class="box box--services"><h2>{title}</h2><table>{cells}</table></section>'


_ABOUT = {
    "fr": ("La Manara est un site d’information indépendant basé à Nouakchott, publié en français et en arabe. "
           "Sa rédaction suit l’actualité politique, économique, culturelle et sportive du pays et de la région.",
           "© 2026 La Manara – Nouakchott. Tous droits réservés."),
    "ar": ("المنارة موقع إخباري مستقل مقره نواكشوط، يصدر باللغتين العربية والفرنسية، "
           "ويتابع الأحداث السياسية والاقتصادية والثقافية والرياضية في البلاد والمنطقة.",
           "© 2026 المنارة – نواكشوط. جميع الحقوق محفوظة."),
}


def _footer(site: Site, lang: str) -> str:
    about, rights = _ABOUT[lang]
    sections = "".join(f'<li><a href="/{s.language}/{s.slug}/" lang="{s.language}">{esc(s.name)}</a></li>'
                       for s in site.outlet.sections)
    return (f'<footer class="site-footer"><div class="footer__about"><p>{about}</p></div>'
            f'<nav class="footer__sections"><ul>{sections}</ul></nav>'
            '<ul class="footer__social"><li><a href="https://www.facebook.com/" rel="noopener">Facebook</a></li>'
            '<li><a href="https://x.com/" rel="noopener">X</a></li><li><a href="https://t.me/" rel="noopener">Telegram</a>'
            f'</li></ul><p class="footer__rights">{rights}</p></footer>\n')



_ROUTES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(r"/"), _landing),
    (re.compile(r"/(fr|ar)/"), _home),
    (re.compile(r"/(fr|ar)/([a-z]+)/"), _section),
    (re.compile(r"/(fr|ar)/[a-z]+/[^/]+"), _article),
    (re.compile(r"/sitemap\.xml"), _sitemap_index),
    (re.compile(r"/sitemap-(fr|ar)\.xml"), _sitemap),
    (re.compile(r"/feed\.atom"), _feed),
    (re.compile(r"/robots\.txt"), _robots),
    (re.compile(r"/media/\d+\.png"), _image),
    (re.compile(r"/assets/app\.css"), asset("text/css", lambda: stylesheet("mn", "demo-bilingue").encode())),
    (re.compile(r"/assets/app\.js"), asset("application/javascript", lambda: _APP_JS)),
    (re.compile(r"/assets/logo\.svg"), asset("image/svg+xml", lambda: svg_logo("La Manara · المنارة", "#0b5394"))),
)
