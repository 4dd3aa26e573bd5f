"""demo-wp, 'Le Courrier du Sahel': pages in the shape of a WordPress news theme.

URLs: ``/YYYY/MM/DD/<slug>/`` articles, ``/`` and ``/page/N/``,
``/category/<slug>/[page/N/]``, ``/tag/<slug>/``, ``/author/<slug>/``,
``/feed/`` (RSS 2.0, 15 items), ``/wp-sitemap.xml`` → ``/wp-sitemap-posts-post-N.xml``
(20 URLs each), ``/robots.txt``, ``/a-propos/``, ``/contact/``, ``/?p=ID``, and the REST
API under ``/wp-json/`` and ``/?rest_route=`` (see :mod:`crawler.demo.wp_rest`), which the
home page announces with ``<link rel="https://api.w.org/">`` and a ``Link`` header.
"""

# ruff: noqa: E501
# Reason: HTML templates read better unwrapped.
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import quote

from crawler.demo import wp_rest
from crawler.demo._markup import (
    cdata,
    esc,
    fr_date,
    json_script,
    png,
    popularity,
    rfc822,
    stylesheet,
    svg_logo,
    w3c,
)
from crawler.demo._phrases import COMMENTERS, READER_COMMENTS
from crawler.demo.model import DemoArticle
from crawler.demo.outlets import WP_NAME, slugify
from crawler.demo.site import Page, Site, asset, page_count, paginate, redirect

TAGLINE = "L’actualité du Mali et du Sahel, chaque jour"
THEME = "/wp-content/themes/courrier"
HTML = "text/html; charset=UTF-8"
PER_PAGE = 10
SITEMAP_PAGE = 20
FEED_ITEMS = 15


def render(site: Site, path: str, query: Mapping[str, str]) -> Page | None:
    """The page at ``path``, or ``None`` for a 404."""
    if path == "/" and "rest_route" in query:
        return wp_rest.serve(site, query["rest_route"], query, pretty=False, tagline=TAGLINE)
    if path == "/wp-json" or path.startswith("/wp-json/"):
        return wp_rest.serve(site, path.removeprefix("/wp-json") or "/", query, pretty=True, tagline=TAGLINE)
    if path == "/" and "p" in query:
        return _shortlink(site, query["p"])
    for pattern, handler in _ROUTES:
        match = pattern.fullmatch(path)
        if match:
            return handler(site, match)
    if not path.endswith("/") and any(p.fullmatch(path + "/") for p, _ in _ROUTES):
        return redirect(site.url(path + "/"))
    return None


def not_found(site: Site) -> Page:
    """WordPress's themed 'page not found'."""
    main = ('<section class="error-404 not-found"><header class="page-header">'
            '<h1 class="page-title">Oups ! Cette page est introuvable.</h1></header>'
            '<div class="page-content"><p>Il semble que rien n’ait été trouvé à cette adresse. '
            'Essayez l’un des liens ci-dessous ou une recherche ?</p>'
            f'{_search_form(site)}</div></section>')
    body = _document(site, _Head("Page non trouvée – " + WP_NAME, TAGLINE, None, "error404"), main, site.articles)
    return Page(404, HTML, body)


# --- articles ---------------------------------------------------------------------------------


def _article(site: Site, match: re.Match[str]) -> Page | None:
    article = site.article(match.group(0))
    if article is None:
        return None
    earlier = site.earlier(article)
    head = _Head(article.seo_title, article.description, site.url(article.path),
                 f"post-template-default single single-post postid-{article.story_id}",
                 og=_article_meta(site, article), json_ld=_json_ld(site, article))
    main = _article_main(site, article, earlier)
    body = _document(site, head, main, earlier)
    return Page(200, HTML, body, article.last_modified)


def _article_main(site: Site, article: DemoArticle, earlier: list[DemoArticle]) -> str:
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    section_url = site.url(f"/category/{article.section_slug}/")
    return (
        f'<article id="post-{article.story_id}" class="post-{article.story_id} post type-post status-publish '
        f'format-standard has-post-thumbnail hentry category-{article.section_slug}">\n'
        f'<header class="entry-header"><div class="cat-links"><a href="{section_url}" rel="category tag">'
        f'{esc(article.section)}</a></div>\n<h1 class="entry-title">{esc(article.title)}</h1>\n'
        f'{_entry_meta(site, article)}</header>\n'
        f'<figure class="post-thumbnail"><img width="1024" height="576" src="{site.url(article.image_path)}" '
        f'srcset="{site.url(_small(article.image_path))} 768w, {site.url(article.image_path)} 1024w" '
        'sizes="(max-width: 1024px) 100vw, 1024px" '
        f'class="attachment-post-thumbnail wp-post-image" alt="" decoding="async">'
        f'<figcaption class="wp-caption-text">Illustration © {esc(WP_NAME)}</figcaption></figure>\n'
        f'<div class="entry-content">\n{paragraphs}\n{_share(site, article)}</div>\n'
        f'<footer class="entry-footer">{_tag_links(site, article)}</footer>\n</article>\n'
        f'{_post_navigation(site, earlier)}{_related(site, article, earlier)}{_comments(article)}'
    )


def _entry_meta(site: Site, article: DemoArticle) -> str:
    names = article.authors or article.agencies
    links = " et ".join(
        f'<span class="author vcard"><a class="url fn n" href="{site.url(f"/author/{slugify(n)}/")}">{esc(n)}</a></span>'
        for n in names)
    updated = ""
    if article.modified:
        updated = (f' <span class="updated-on">Mis à jour le <time class="updated" datetime="{w3c(article.modified)}">'
                   f'{fr_date(article.modified)}</time></span>')
    return (f'<div class="entry-meta"><span class="byline">Par {links}</span> <span class="posted-on">'
            f'<time class="entry-date published" datetime="{w3c(article.published)}">{fr_date(article.published)}'
            f'</time></span>{updated}</div>')


def _article_meta(site: Site, article: DemoArticle) -> str:
    tags = "".join(f'<meta property="article:tag" content="{esc(t)}">\n' for t in article.tags)
    return (
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{esc(article.title)}">\n'
        f'<meta property="og:description" content="{esc(article.description)}">\n'
        f'<meta property="og:url" content="{site.url(article.path)}">\n'
        f'<meta property="og:image" content="{site.url(article.image_path)}">\n'
        '<meta property="og:image:width" content="1024">\n<meta property="og:image:height" content="576">\n'
        f'<meta property="article:published_time" content="{w3c(article.published)}">\n'
        f'<meta property="article:modified_time" content="{w3c(article.last_modified)}">\n'
        f'<meta property="article:section" content="{esc(article.section)}">\n{tags}'
        f'<meta name="author" content="{esc(", ".join(article.authors or article.agencies))}">\n'
        '<meta name="twitter:card" content="summary_large_image">\n'
    )


def _json_ld(site: Site, article: DemoArticle) -> str:
    if article.authors:
        authors = [{"@type": "Person", "name": n, "url": site.url(f"/author/{slugify(n)}/")} for n in article.authors]
    else:
        authors = [{"@type": "Organization", "name": n} for n in article.agencies]
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": site.url(article.path)},
        "headline": article.title, "description": article.description,
        "image": [site.url(article.image_path)],
        "datePublished": w3c(article.published), "dateModified": w3c(article.last_modified),
        "author": authors,
        "publisher": {"@type": "Organization", "name": WP_NAME,
                      "logo": {"@type": "ImageObject", "url": site.url(f"{THEME}/logo.svg")}},
        "articleSection": article.section, "keywords": list(article.tags), "inLanguage": "fr-FR",
        "wordCount": sum(len(p.split()) for p in article.paragraphs),
    }
    return json_script(data)


def _share(site: Site, article: DemoArticle) -> str:
    url = quote(site.url(article.path), safe="")
    title = quote(article.title, safe="")
    return (
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Partager :</h3><ul class="share-buttons">'
        f'<li><a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}" rel="nofollow noopener" target="_blank">Facebook</a></li>'
        f'<li><a class="share-x" href="https://x.com/intent/post?url={url}&amp;text={title}" rel="nofollow noopener" target="_blank">X</a></li>'
        f'<li><a class="share-whatsapp" href="https://api.whatsapp.com/send?text={title}%20{url}" rel="nofollow noopener" target="_blank">WhatsApp</a></li>'
        f'<li><a class="share-email" href="mailto:?subject={title}&amp;body={url}">E-mail</a></li></ul></div>\n'
    )


def _tag_links(site: Site, article: DemoArticle) -> str:
    links = ", ".join(f'<a href="{site.url(f"/tag/{slugify(t)}/")}" rel="tag">{esc(t)}</a>' for t in article.tags)
    return f'<span class="tags-links">Mots-clés : {links}</span>'


def _post_navigation(site: Site, earlier: list[DemoArticle]) -> str:
    if not earlier:
        return ""
    previous = earlier[0]
    return ('<nav class="navigation post-navigation" aria-label="Publications"><div class="nav-links">'
            f'<div class="nav-previous"><a href="{site.url(previous.path)}" rel="prev"><span class="meta-nav">'
            f'Article précédent</span> <span class="post-title">{esc(previous.title)}</span></a></div></div></nav>\n')


def _related(site: Site, article: DemoArticle, earlier: list[DemoArticle]) -> str:
    same = [a for a in earlier if a.section_slug == article.section_slug][:4]
    if not same:
        return ""
    items = "".join(
        f'<li class="related-post"><a href="{site.url(a.path)}"><img src="{site.url(a.image_path)}" alt="" '
        f'loading="lazy" width="300" height="169"><span class="related-title">{esc(a.title)}</span></a>'
        f'<time datetime="{w3c(a.published)}">{fr_date(a.published)}</time></li>' for a in same)
    return f'<section class="related-posts"><h2 class="related-posts-title">À lire aussi</h2><ul>{items}</ul></section>\n'


def _comments(article: DemoArticle) -> str:
    count = article.story_id % 5
    items = "".join(_comment(article, i) for i in range(count))
    title = f"{count} réactions à « {esc(article.title)} »" if count else "Aucune réaction pour l’instant"
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{title}</h2>'
        f'<ol class="comment-list">{items}</ol>'
        '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Laisser un commentaire</h3>'
        '<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
        '<p class="comment-notes">Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *</p>'
        '<p class="comment-form-comment"><label for="comment">Commentaire *</label>'
        '<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>'
        '<p class="comment-form-author"><label for="author">Nom *</label><input id="author" name="author" type="text" required></p>'
        '<p class="comment-form-email"><label for="email">E-mail *</label><input id="email" name="email" type="email" required></p>'
        f'<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Publier le commentaire">'
        f'<input type="hidden" name="comment_post_ID" value="{article.story_id}" id="comment_post_ID"></p>'
        '</form></div></div>\n'
    )


def _comment(article: DemoArticle, index: int) -> str:
    seed = article.story_id + index * 7
    text = READER_COMMENTS[seed % len(READER_COMMENTS)]
    author = COMMENTERS[(seed // 3) % len(COMMENTERS)]
    comment_id = article.story_id * 10 + index
    return (f'<li id="comment-{comment_id}" class="comment even depth-1"><article class="comment-body">'
            f'<footer class="comment-meta"><b class="fn">{esc(author)}</b> <span class="says">dit :</span>'
            f'<div class="comment-metadata">{fr_date(article.published)}</div></footer>'
            f'<div class="comment-content"><p>{esc(text)}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{comment_id}">Répondre</a>'
            '</div></article></li>')


def _shortlink(site: Site, post_id: str) -> Page | None:
    found = [a for a in site.articles if str(a.story_id) == post_id]
    return redirect(site.url(found[0].path)) if found else None


# --- listings ---------------------------------------------------------------------------------


def _home(site: Site, match: re.Match[str]) -> Page | None:
    return _listing(site, "/", match.group(1), site.articles, None)


def _category(site: Site, match: re.Match[str]) -> Page | None:
    section = next((s for s in site.outlet.sections if s.slug == match.group(1)), None)
    if section is None:
        return None
    items = [a for a in site.articles if a.section_slug == section.slug]
    return _listing(site, f"/category/{section.slug}/", match.group(2), items, f"Catégorie : {section.name}")


def _tag(site: Site, match: re.Match[str]) -> Page | None:
    slug = match.group(1)
    names = {slugify(t): t for e in site.outlet.entries for t in e.original.tags}
    if slug not in names:
        return None
    items = [a for a in site.articles if slug in {slugify(t) for t in a.tags}]
    return _listing(site, f"/tag/{slug}/", match.group(2), items, f"Étiquette : {names[slug]}")


def _author(site: Site, match: re.Match[str]) -> Page | None:
    slug = match.group(1)
    names = {slugify(n): n for e in site.outlet.entries for n in e.original.authors + e.original.agencies}
    if slug not in names:
        return None
    items = [a for a in site.articles if slug in {slugify(n) for n in a.authors + a.agencies}]
    return _listing(site, f"/author/{slug}/", match.group(2), items, f"Auteur : {names[slug]}")


def _listing(site: Site, base: str, page_text: str | None, items: list[DemoArticle], heading: str | None) -> Page | None:
    page = int(page_text or 1)
    if page_text == "1":
        return redirect(site.url(base))
    shown = paginate(items, page, PER_PAGE)
    if shown is None:
        return None
    cards = "\n".join(_card(site, a) for a in shown) or '<p class="no-results">Aucun article pour le moment.</p>'
    title = f"{heading} – {WP_NAME}" if heading else f"{WP_NAME} – {TAGLINE}"
    if page > 1:
        title = f"{heading or WP_NAME} – Page {page} – {WP_NAME}"
    header = f'<header class="page-header"><h1 class="page-title">{esc(heading)}</h1></header>' if heading else ""
    main = f'{header}<div class="posts-grid">\n{cards}\n</div>\n{_pager(site, base, page, len(items))}'
    canonical = site.url(base if page == 1 else f"{base}page/{page}/")
    home = base == "/"
    api = site.url("/wp-json/")
    head = _Head(title, TAGLINE, canonical, "home blog" if home else "archive",
                 extra=f'<link rel="https://api.w.org/" href="{api}">\n' if home else "")
    last = site.newest(shown)
    headers = (("Link", f'<{api}>; rel="https://api.w.org/"'),) if home else ()
    return Page(200, HTML, _document(site, head, main, site.articles), last, headers=headers)


def _card(site: Site, article: DemoArticle) -> str:
    url = site.url(article.path)
    byline = esc(" et ".join(article.authors or article.agencies))
    return (f'<article class="post-card post-{article.story_id} category-{article.section_slug}">'
            f'<a class="post-card__thumb" href="{url}"><img src="{site.url(article.image_path)}" alt="" loading="lazy" '
            f'width="400" height="225"></a><div class="post-card__body"><span class="post-card__cat">{esc(article.section)}'
            f'</span><h2 class="entry-title"><a href="{url}" rel="bookmark">{esc(article.title)}</a></h2>'
            f'<div class="entry-meta">{byline} · <time datetime="{w3c(article.published)}">{fr_date(article.published)}'
            f'</time></div><div class="entry-summary"><p>{esc(article.description)}</p></div></div></article>')


def _pager(site: Site, base: str, page: int, total: int) -> str:
    pages = page_count(total, PER_PAGE)
    if pages == 1:
        return ""
    links = []
    for n in range(1, pages + 1):
        href = site.url(base if n == 1 else f"{base}page/{n}/")
        links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == page
                     else f'<a class="page-numbers" href="{href}">{n}</a>')
    if page < pages:
        links.append(f'<a class="next page-numbers" href="{site.url(f"{base}page/{page + 1}/")}">Suivant »</a>')
    return f'<nav class="navigation pagination" aria-label="Pagination"><div class="nav-links">{"".join(links)}</div></nav>'


# --- static pages -----------------------------------------------------------------------------

_ABOUT = (
    "Le Courrier du Sahel est un quotidien d’information en ligne fondé à Bamako par une équipe de journalistes "
    "passionnés par leur région.",
    "Notre rédaction couvre la politique, l’économie, la culture, le sport et l’environnement, avec des "
    "correspondants à Ségou, Mopti, Gao et Tombouctou.",
    "Nous défendons un journalisme de terrain, indépendant et attentif à la vie quotidienne des habitants.",
)

_CONTACT = (
    "Rédaction : rue 312, porte 45, quartier du Fleuve, Bamako.",
    "Pour nous signaler une information, écrivez à la rédaction ; pour la publicité, contactez notre régie.",
)


def _static_page(title: str, paragraphs: tuple[str, ...]) -> Callable[[Site, re.Match[str]], Page]:
    def render_static(site: Site, match: re.Match[str]) -> Page:
        text = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
        main = (f'<article class="page type-page status-publish hentry"><header class="entry-header">'
                f'<h1 class="entry-title">{esc(title)}</h1></header><div class="entry-content">{text}</div></article>')
        head = _Head(f"{title} – {WP_NAME}", paragraphs[0], site.url(match.group(0)), "page-template-default page")
        return Page(200, HTML, _document(site, head, main, site.articles), site.outlet.entries[0].published)
    return render_static


# --- feed, sitemaps, robots, assets -------------------------------------------------------------


def _feed(site: Site, match: re.Match[str]) -> Page:
    items = site.articles[:FEED_ITEMS]
    newest = site.newest()
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">\n<channel>\n'
        f'<title>{esc(WP_NAME)}</title>\n<atom:link href="{site.url("/feed/")}" rel="self" type="application/rss+xml" />\n'
        f'<link>{site.url("/")}</link>\n<description>{esc(TAGLINE)}</description>\n'
        f'<lastBuildDate>{rfc822(newest)}</lastBuildDate>\n<language>fr-FR</language>\n'
        '<sy:updatePeriod>hourly</sy:updatePeriod>\n<sy:updateFrequency>1</sy:updateFrequency>\n'
        + "".join(_feed_item(site, a) for a in items) + "</channel>\n</rss>\n"
    )
    return Page(200, "application/rss+xml; charset=UTF-8", body.encode(), newest)


def _feed_item(site: Site, article: DemoArticle) -> str:
    url = site.url(article.path)
    categories = "".join(f"<category>{cdata(c)}</category>" for c in (article.section,) + article.tags)
    content = "".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    footer = f'<p>L’article <a href="{url}">{esc(article.title)}</a> est apparu en premier sur <a href="{site.url("/")}">{esc(WP_NAME)}</a>.</p>'
    return (
        f"<item>\n<title>{esc(article.title)}</title>\n<link>{url}</link>\n"
        f"<dc:creator>{cdata(' et '.join(article.authors or article.agencies))}</dc:creator>\n"
        f"<pubDate>{rfc822(article.published)}</pubDate>\n{categories}\n"
        f'<guid isPermaLink="false">{site.url(f"/?p={article.story_id}")}</guid>\n'
        f"<description>{cdata(f'<p>{esc(article.description)}</p>' + footer)}</description>\n"
        f"<content:encoded>{cdata(content + footer)}</content:encoded>\n</item>\n"
    )


def _oldest_first(site: Site) -> list[DemoArticle]:
    return sorted(site.articles, key=lambda a: (a.published, a.story_id))


def _sitemap_index(site: Site, match: re.Match[str]) -> Page:
    pages = page_count(len(site.articles), SITEMAP_PAGE)
    entries = "".join(f"<sitemap><loc>{site.url(f'/wp-sitemap-posts-post-{n}.xml')}</loc></sitemap>"
                      for n in range(1, pages + 1))
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n')
    newest = site.newest()
    return Page(200, "application/xml; charset=UTF-8", body.encode(), newest)


def _sitemap_page(site: Site, match: re.Match[str]) -> Page | None:
    shown = paginate(_oldest_first(site), int(match.group(1)), SITEMAP_PAGE)
    if not shown or match.group(1).startswith("0"):
        return None
    urls = "".join(f"<url><loc>{site.url(a.path)}</loc><lastmod>{w3c(a.last_modified)}</lastmod></url>"
                   for a in shown)
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')
    return Page(200, "application/xml; charset=UTF-8", body.encode(), site.newest(shown))


def _robots(site: Site, match: re.Match[str]) -> Page:
    body = f"User-agent: *\nDisallow:\n\nSitemap: {site.url('/wp-sitemap.xml')}\n"
    return Page(200, "text/plain; charset=utf-8", body.encode(), site.outlet.entries[0].published)


def _small(image_path: str) -> str:
    """The 768 px wide variant of an illustration, as WordPress names it (the post-thumbnail's ``srcset``)."""
    return image_path.removesuffix(".png") + _SMALL + ".png"


_SMALL = "-768x432"


def _image(site: Site, match: re.Match[str]) -> Page | None:
    path = match.group(0)
    found = [a for a in site.articles if a.image_path == path.replace(_SMALL, "")]
    if not found:
        return None
    size = (32, 18) if _SMALL in path else (48, 27)
    return Page(200, "image/png", png(path, *size), found[0].published, compressible=False)


# The theme's own rules, after the generated ones: a web font, a banner image, its print stylesheet (which
# imports itself, a mistake real themes make), and the article title's look (the replay tests check it).
_THEME_CSS = """@import url("print.css") print;
@font-face{font-family:"Courrier Serif";src:url("fonts/courrier-serif.woff2") format("woff2");font-display:swap}
.courrier-header{background:#fff url("images/bandeau.png") repeat-x left bottom}
.entry-title{font-family:"Courrier Serif",Georgia,serif;border-left:6px solid #b3261e;padding-left:12px}
"""
_PRINT_CSS = """@import url("print.css");
@media print{.top-bar,.courrier-nav,.widget-area,.comments-area{display:none}}
"""


def _font() -> bytes:
    """The theme's web font, as far as a crawl and a replay care: fixed bytes with a WOFF2 signature (a browser
    finds no glyph table in them and falls back to Georgia)."""
    return b"wOF2\x00\x01\x00\x00" + bytes(range(256)) * 4


_NAV_JS = b"""/* Courrier theme: mobile menu toggle */
(function () {
  var button = document.querySelector('.menu-toggle');
  var menu = document.getElementById('primary-menu');
  if (!button || !menu) { return; }
  button.addEventListener('click', function () {
    var open = menu.classList.toggle('toggled');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
"""


# --- page frame -------------------------------------------------------------------------------


class _Head:
    def __init__(self, title: str, description: str, canonical: str | None, body_class: str, *,
                 og: str = "", json_ld: str | None = None, extra: str = "") -> None:
        self.title, self.description, self.canonical = title, description, canonical
        self.body_class, self.og, self.json_ld, self.extra = body_class, og, json_ld, extra


def _document(site: Site, head: _Head, main: str, boxes_from: list[DemoArticle]) -> bytes:
    """The whole HTML page around ``main``; side boxes list ``boxes_from``."""
    html = (
        f'<!DOCTYPE html>\n<html lang="fr-FR">\n<head>\n{_head(site, head)}</head>\n'
        f'<body class="{head.body_class} wp-embed-responsive courrier-theme">\n<div id="page" class="site">\n'
        '<a class="skip-link screen-reader-text" href="#primary">Aller au contenu</a>\n'
        f'{_masthead(site, boxes_from[:5])}<div id="content" class="site-content">\n'
        f'<main id="primary" class="site-main">\n{main}</main>\n{_sidebar(site, boxes_from)}</div>\n'
        f'{_site_footer(site)}</div>\n{_scripts(site)}</body>\n</html>\n'
    )
    return html.encode("utf-8")


def _head(site: Site, head: _Head) -> str:
    canonical = f'<link rel="canonical" href="{head.canonical}">\n' if head.canonical else ""
    og = head.og or '<meta property="og:type" content="website">\n'
    json_ld = f'<script type="application/ld+json" class="courrier-schema">{head.json_ld}</script>\n' if head.json_ld else ""
    return (
        '<meta charset="UTF-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{esc(head.title)}</title>\n<meta name="description" content="{esc(head.description)}">\n'
        '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1">\n'
        f'{canonical}<meta property="og:locale" content="fr_FR">\n<meta property="og:site_name" content="{esc(WP_NAME)}">\n'
        f'{og}{json_ld}'
        f'<link rel="alternate" type="application/rss+xml" title="{esc(WP_NAME)} » Flux" href="{site.url("/feed/")}">\n'
        f'<link rel="stylesheet" id="courrier-style-css" href="{site.url(f"{THEME}/style.css")}?ver=2.3.1" media="all">\n'
        f'<style id="courrier-inline-css">\n{stylesheet("courrier", "demo-wp-inline")}</style>\n'
        f'<meta name="generator" content="WordPress 6.6.2">\n{head.extra}'
    )


def _menu(site: Site) -> str:
    items = [f'<li class="menu-item menu-item-home"><a href="{site.url("/")}">Accueil</a></li>']
    for section in site.outlet.sections:
        items.append(f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category">'
                     f'<a href="{site.url(f"/category/{section.slug}/")}">{esc(section.name)}</a></li>')
    items.append(f'<li class="menu-item"><a href="{site.url("/a-propos/")}">Qui sommes-nous ?</a></li>')
    return "".join(items)


def _masthead(site: Site, ticker: list[DemoArticle]) -> str:
    flash = "".join(f'<li><a href="{site.url(a.path)}">{esc(a.title)}</a></li>' for a in ticker)
    return (
        '<div class="top-bar"><ul class="social-links"><li><a href="https://www.facebook.com/" rel="noopener">Facebook</a></li>'
        '<li><a href="https://x.com/" rel="noopener">X</a></li><li><a href="https://www.youtube.com/" rel="noopener">YouTube</a></li></ul>'
        f'<a class="top-bar__contact" href="{site.url("/contact/")}">Contact</a></div>\n'
        '<header id="masthead" class="site-header courrier-header">\n<div class="site-branding">'
        f'<a href="{site.url("/")}" class="custom-logo-link" rel="home"><img src="{site.url(f"{THEME}/logo.svg")}" '
        f'class="custom-logo" alt="{esc(WP_NAME)}" width="320" height="60"></a>'
        f'<p class="site-title"><a href="{site.url("/")}" rel="home">{esc(WP_NAME)}</a></p>'
        f'<p class="site-description">{esc(TAGLINE)}</p></div>\n'
        '<nav id="site-navigation" class="main-navigation courrier-nav"><button class="menu-toggle" aria-controls="primary-menu" '
        f'aria-expanded="false">Menu</button><ul id="primary-menu" class="menu nav-menu">{_menu(site)}</ul></nav>\n'
        f'<div class="courrier-ticker"><span class="courrier-ticker__title">À la une</span><ul>{flash}</ul></div>\n'
        '</header>\n'
    )


def _sidebar(site: Site, pool: list[DemoArticle]) -> str:
    most_read = sorted(pool[:25], key=lambda a: popularity(a.path), reverse=True)[:5]
    ranked = "".join(f'<li><a href="{site.url(a.path)}">{esc(a.title)}</a></li>' for a in most_read)
    recent = "".join(f'<li><a href="{site.url(a.path)}">{esc(a.title)}</a> <span class="post-date">'
                     f'{fr_date(a.published)}</span></li>' for a in pool[:5])
    sections = "".join(f'<li class="cat-item"><a href="{site.url(f"/category/{s.slug}/")}">{esc(s.name)}</a></li>'
                       for s in site.outlet.sections)
    return (
        '<aside id="secondary" class="widget-area">\n'
        f'<section class="widget widget_search">{_search_form(site)}</section>\n'
        f'<section class="widget courrier-most-read"><h2 class="widget-title">Les plus lus</h2><ol>{ranked}</ol></section>\n'
        f'<section class="widget widget_recent_entries"><h2 class="widget-title">Articles récents</h2><ul>{recent}</ul></section>\n'
        f'<section class="widget widget_categories"><h2 class="widget-title">Rubriques</h2><ul>{sections}</ul></section>\n'
        '<section class="widget widget_text"><h2 class="widget-title">Lettre d’information</h2><div class="textwidget">'
        '<p>Recevez chaque matin l’essentiel de l’actualité dans votre boîte aux lettres.</p>'
        '<form class="newsletter-form" action="#" method="post"><input type="email" name="email" placeholder="Votre e-mail">'
        '<button type="submit">Je m’abonne</button></form></div></section>\n</aside>\n'
    )


def _search_form(site: Site) -> str:
    return (f'<form role="search" method="get" class="search-form" action="{site.url("/")}"><label>'
            '<span class="screen-reader-text">Rechercher :</span><input type="search" class="search-field" '
            'placeholder="Rechercher…" value="" name="s"></label><input type="submit" class="search-submit" '
            'value="Rechercher"></form>')


def _site_footer(site: Site) -> str:
    sections = " | ".join(f'<a href="{site.url(f"/category/{s.slug}/")}">{esc(s.name)}</a>' for s in site.outlet.sections)
    return (
        '<footer id="colophon" class="site-footer courrier-footer">\n<div class="footer-widgets">'
        f'<div class="footer-col"><h3>À propos</h3><p>{esc(_ABOUT[0])}</p></div>'
        f'<div class="footer-col"><h3>Rubriques</h3><p>{sections}</p></div>'
        f'<div class="footer-col"><h3>Contact</h3><p>{esc(_CONTACT[0])}</p></div></div>\n'
        f'<div class="site-info">© 2026 {esc(WP_NAME)} – Tous droits réservés. '
        f'<a href="{site.url("/a-propos/")}">Mentions légales</a></div>\n</footer>\n'
    )


def _scripts(site: Site) -> str:
    settings = {
        "ajaxurl": site.url("/wp-admin/admin-ajax.php"), "homeUrl": site.url("/"), "lang": "fr",
        "i18n": {"menu": "Menu", "close": "Fermer", "search": "Rechercher", "readMore": "Lire la suite",
                 "share": "Partager", "copied": "Lien copié !", "loading": "Chargement…"},
        "ads": {"enabled": False, "slots": ["header-728x90", "sidebar-300x250", "inarticle-300x250"]},
        "analytics": {"enabled": True, "anonymizeIp": True, "sampleRate": 25},
    }
    return (f'<script id="courrier-js-extra">var courrierSettings = {json_script(settings)};</script>\n'
            f'<script src="{site.url(f"{THEME}/js/navigation.js")}?ver=2.3.1" id="courrier-navigation-js"></script>\n'
            '<script async src="https://www.googletagmanager.com/gtag/js?id=G-C0URR1ER"></script>\n')


_ROUTES: tuple[tuple[re.Pattern[str], Callable[[Site, re.Match[str]], Page | None]], ...] = (
    (re.compile(r"/(?:page/(\d+)/)?"), _home),
    (re.compile(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/"), _article),
    (re.compile(r"/category/([a-z0-9-]+)/(?:page/(\d+)/)?"), _category),
    (re.compile(r"/tag/([a-z0-9-]+)/(?:page/(\d+)/)?"), _tag),
    (re.compile(r"/author/([a-z0-9-]+)/(?:page/(\d+)/)?"), _author),
    (re.compile(r"/feed/"), _feed),
    (re.compile(r"/wp-sitemap\.xml"), _sitemap_index),
    (re.compile(r"/wp-sitemap-posts-post-(\d+)\.xml"), _sitemap_page),
    (re.compile(r"/robots\.txt"), _robots),
    (re.compile(r"/a-propos/"), _static_page("Qui sommes-nous ?", _ABOUT)),
    (re.compile(r"/contact/"), _static_page("Contact", _CONTACT)),
    (re.compile(r"/wp-content/uploads/\d{4}/\d{2}/illustration-\d+(?:-768x432)?\.png"), _image),
    (re.compile(re.escape(f"{THEME}/style.css")),
     asset("text/css", lambda: (stylesheet("courrier", "demo-wp") + _THEME_CSS).encode())),
    (re.compile(re.escape(f"{THEME}/print.css")), asset("text/css", lambda: _PRINT_CSS.encode())),
    (re.compile(re.escape(f"{THEME}/fonts/courrier-serif.woff2")), asset("font/woff2", _font)),
    (re.compile(re.escape(f"{THEME}/images/bandeau.png")), asset("image/png", lambda: png("courrier-bandeau", 4, 60))),
    (re.compile(re.escape(f"{THEME}/js/navigation.js")), asset("application/javascript", lambda: _NAV_JS)),
    (re.compile(re.escape(f"{THEME}/logo.svg")), asset("image/svg+xml", lambda: svg_logo(WP_NAME, "#b3261e"))),
)
