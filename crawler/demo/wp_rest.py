"""The WordPress REST API of demo-wp, in the shape WordPress 6.6 gives it.

Routes, under ``/wp-json/`` or as ``/?rest_route=/…``: ``/`` (the index), ``/wp/v2/posts``
(``page``, ``per_page`` 1–100, ``after``/``before``/``modified_after``/``modified_before``
ISO 8601 filters, ``orderby`` date|modified|id|title|slug, ``order`` asc|desc,
``categories``), ``/wp/v2/posts/<id>``, ``/wp/v2/categories`` and ``/wp/v2/users``.

Lists send ``X-WP-Total``, ``X-WP-TotalPages`` and one ``Link`` header line per relation
(``prev``, ``next``) in the form the request used. Errors are WordPress's JSON errors
(``rest_no_route`` 404, ``rest_invalid_param`` and ``rest_post_invalid_page_number`` 400).
JSON is encoded as ``wp_json_encode`` does: ASCII only, slashes escaped. The site's
timezone is Africa/Bamako (UTC), so ``date`` equals ``date_gmt``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from crawler.demo._markup import esc
from crawler.demo.model import DemoArticle, DemoOutlet
from crawler.demo.outlets import slugify
from crawler.demo.site import Page, Site, page_count

JSON = "application/json; charset=UTF-8"
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
ORDERBY = ("date", "modified", "id", "title", "slug")
_DATE_FILTERS = ("after", "before", "modified_after", "modified_before")
_COMMON_HEADERS = (("X-Robots-Tag", "noindex"), ("X-Content-Type-Options", "nosniff"),
                   ("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link"),
                   ("Access-Control-Allow-Headers", "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type"),
                   ("Allow", "GET"))


class RestError(Exception):
    """A WordPress REST error: code, message, HTTP status and extra data."""

    def __init__(self, code: str, message: str, status: int, **data: Any) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.data = code, message, status, data


def serve(site: Site, route: str, query: Mapping[str, str], *, pretty: bool, tagline: str) -> Page:
    """The response to ``route`` (such as ``/wp/v2/posts``); ``pretty`` means the ``/wp-json/`` form."""
    api = _Api(site, query, pretty, tagline)
    try:
        for pattern, handler in _ROUTES:
            match = pattern.fullmatch(route.rstrip("/") or "/")
            if match:
                return handler(api, match)
        raise RestError("rest_no_route", "Aucune route correspondante à l’URL et à la méthode de la requête n’a été trouvée.", 404)
    except RestError as error:
        body = {"code": error.code, "message": error.message, "data": {"status": error.status, **error.data}}
        return Page(error.status, JSON, wp_json(body), headers=_COMMON_HEADERS)


def wp_json(data: Any) -> bytes:
    """JSON as ``wp_json_encode`` writes it: ASCII, ``\\/`` for slashes."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/").encode("ascii")


def api_url(site: Site, route: str, params: Mapping[str, str] | None = None, *, pretty: bool = True) -> str:
    """Absolute URL of ``route`` in either form, with query ``params``."""
    query = urlencode(dict(params or {}))
    if pretty:
        return site.url("/wp-json" + route) + (f"?{query}" if query else "")
    return site.url("/") + "?" + urlencode({"rest_route": route}, safe="/") + (f"&{query}" if query else "")


class _Api:
    """One request: the site, its query and the URL form to answer in."""

    def __init__(self, site: Site, query: Mapping[str, str], pretty: bool, tagline: str) -> None:
        self.site, self.query, self.pretty = site, {k: v for k, v in query.items() if k != "rest_route"}, pretty
        self.tagline = tagline
        self.categories = _category_ids(site.outlet)
        self.tags = _tag_ids(site.outlet)
        self.users = _user_ids(site.outlet)

    def url(self, route: str, params: Mapping[str, str] | None = None) -> str:
        return api_url(self.site, route, params, pretty=self.pretty)

    def integer(self, name: str, default: int, low: int, high: int | None = None) -> int:
        text = self.query.get(name, str(default))
        if not text.isdigit() or int(text) < low or (high is not None and int(text) > high):
            bounds = f"compris entre {low} (inclus) et {high} (inclus)" if high else f"supérieur ou égal à {low}"
            raise _invalid(name, f"{name} doit être {bounds}")
        return int(text)

    def date(self, name: str) -> datetime | None:
        text = self.query.get(name)
        if text is None:
            return None
        try:
            value = datetime.fromisoformat(text.replace(" ", "+"))
        except ValueError:
            raise _invalid(name, "Date non valide.") from None
        return value if value.tzinfo else value.replace(tzinfo=UTC)  # naive dates are site time, UTC

    def choice(self, name: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.query.get(name, default)
        if value not in allowed:
            raise _invalid(name, f"{name} n’est pas l’un des {', '.join(allowed)}.")
        return value


def _invalid(name: str, problem: str) -> RestError:
    return RestError("rest_invalid_param", f"Paramètre(s) non valide(s) : {name}", 400, params={name: problem},
                     details={name: {"code": "rest_invalid_param", "message": problem, "data": None}})


# --- posts ------------------------------------------------------------------------------------


def _posts(api: _Api, match: re.Match[str]) -> Page:
    per_page = api.integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    page = api.integer("page", 1, 1)
    found = _sorted(api, _filtered(api, api.site.articles))
    pages = page_count(len(found), per_page) if found else 0
    if page > max(pages, 1):
        raise RestError("rest_post_invalid_page_number",
                        "Le numéro de page demandé est plus grand que le nombre de pages disponibles.", 400)
    shown = found[(page - 1) * per_page:page * per_page]
    headers = [("X-WP-Total", str(len(found))), ("X-WP-TotalPages", str(pages))]
    for relation, number in (("prev", page - 1), ("next", page + 1)):
        if 1 <= number <= pages:
            headers.append(("Link", f'<{api.url("/wp/v2/posts", {**api.query, "page": str(number)})}>; rel="{relation}"'))
    body = wp_json([_post(api, a) for a in shown])
    return Page(200, JSON, body, api.site.newest(shown), headers=(*_COMMON_HEADERS, *headers))


def _filtered(api: _Api, articles: list[DemoArticle]) -> list[DemoArticle]:
    bounds = {name: api.date(name) for name in _DATE_FILTERS}
    categories = {int(c) for c in api.query.get("categories", "").split(",") if c.strip().isdigit()}
    kept = []
    for article in articles:
        if (bounds["after"] and article.published <= bounds["after"]) or (
                bounds["before"] and article.published >= bounds["before"]):
            continue
        if (bounds["modified_after"] and article.last_modified <= bounds["modified_after"]) or (
                bounds["modified_before"] and article.last_modified >= bounds["modified_before"]):
            continue
        if categories and api.categories[article.section_slug] not in categories:
            continue
        kept.append(article)
    return kept


def _sorted(api: _Api, articles: list[DemoArticle]) -> list[DemoArticle]:
    keys: dict[str, Callable[[DemoArticle], Any]] = {
        "date": lambda a: (a.published, a.story_id), "modified": lambda a: (a.last_modified, a.story_id),
        "id": lambda a: a.story_id, "title": lambda a: (a.title.lower(), a.story_id),
        "slug": lambda a: (_slug(a), a.story_id)}
    orderby = api.choice("orderby", ORDERBY, "date")
    order = api.choice("order", ("asc", "desc"), "desc")
    return sorted(articles, key=keys[orderby], reverse=order == "desc")


def _slug(article: DemoArticle) -> str:
    return article.path.rstrip("/").rsplit("/", 1)[1]


def _wp_date(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _post(api: _Api, article: DemoArticle) -> dict[str, Any]:
    site, post_id = api.site, article.story_id
    content = "".join(f"\n<p>{esc(p)}</p>\n" for p in article.paragraphs)
    return {
        "id": post_id, "date": _wp_date(article.published), "date_gmt": _wp_date(article.published),
        "guid": {"rendered": site.url(f"/?p={post_id}")},
        "modified": _wp_date(article.last_modified), "modified_gmt": _wp_date(article.last_modified),
        "slug": _slug(article), "status": "publish", "type": "post", "link": site.url(article.path),
        "title": {"rendered": esc(article.title)},
        "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": f"<p>{esc(article.description)} [&hellip;]</p>\n", "protected": False},
        "author": api.users[(article.authors or article.agencies)[0]],
        "featured_media": post_id + 1, "comment_status": "open", "ping_status": "closed", "sticky": False,
        "template": "", "format": "standard", "meta": {"footnotes": ""},
        "categories": [api.categories[article.section_slug]],
        "tags": [api.tags[slugify(t)] for t in article.tags],
        "class_list": [f"post-{post_id}", "post", "type-post", "status-publish", "format-standard", "hentry",
                       f"category-{article.section_slug}"],
        "_links": {"self": [{"href": api.url(f"/wp/v2/posts/{post_id}")}],
                   "collection": [{"href": api.url("/wp/v2/posts")}]},
    }


def _single(api: _Api, match: re.Match[str]) -> Page:
    article = next((a for a in api.site.articles if a.story_id == int(match.group(1))), None)
    if article is None:
        raise RestError("rest_post_invalid_id", "ID d’article non valide.", 404)
    return Page(200, JSON, wp_json(_post(api, article)), article.last_modified, headers=_COMMON_HEADERS)


# --- taxonomies, users, index ---------------------------------------------------------------------


def _category_ids(outlet: DemoOutlet) -> dict[str, int]:
    return {section.slug: index + 2 for index, section in enumerate(outlet.sections)}  # 1 is "Non classé"


def _tag_ids(outlet: DemoOutlet) -> dict[str, int]:
    slugs = sorted({slugify(t) for e in outlet.entries for t in e.original.tags})
    return {slug: 100 + index for index, slug in enumerate(slugs)}


def _user_ids(outlet: DemoOutlet) -> dict[str, int]:
    names = sorted({n for e in outlet.entries for n in e.original.authors + e.original.agencies})
    return {name: index + 2 for index, name in enumerate(names)}  # 1 is the administrator


def _categories(api: _Api, match: re.Match[str]) -> Page:
    site = api.site
    items = [{"id": api.categories[s.slug], "count": sum(a.section_slug == s.slug for a in site.articles),
              "description": "", "link": site.url(f"/category/{s.slug}/"), "name": s.name, "slug": s.slug,
              "taxonomy": "category", "parent": 0} for s in site.outlet.sections]
    headers = (*_COMMON_HEADERS, ("X-WP-Total", str(len(items))), ("X-WP-TotalPages", "1"))
    return Page(200, JSON, wp_json(items), site.outlet.entries[0].published, headers=headers)


def _users(api: _Api, match: re.Match[str]) -> Page:
    site = api.site
    items = [{"id": user_id, "name": name, "url": "", "description": "", "link": site.url(f"/author/{slugify(name)}/"),
              "slug": slugify(name)} for name, user_id in api.users.items()]
    headers = (*_COMMON_HEADERS, ("X-WP-Total", str(len(items))), ("X-WP-TotalPages", "1"))
    return Page(200, JSON, wp_json(items), site.outlet.entries[0].published, headers=headers)


def _index(api: _Api, match: re.Match[str]) -> Page:
    site = api.site
    routes = {route: {"namespace": "wp/v2" if route != "/" else "", "methods": ["GET"],
                      "_links": {"self": [{"href": api.url(route)}]}}
              for route in ("/", "/wp/v2", "/wp/v2/posts", "/wp/v2/categories", "/wp/v2/users")}
    routes["/wp/v2/posts/(?P<id>[\\d]+)"] = {"namespace": "wp/v2", "methods": ["GET"]}
    data = {"name": site.outlet.name, "description": api.tagline, "url": site.url("/").rstrip("/"),
            "home": site.url("/").rstrip("/"), "gmt_offset": 0, "timezone_string": "Africa/Bamako",
            "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"], "authentication": [], "routes": routes,
            "site_logo": 0, "site_icon": 0, "site_icon_url": "",
            "_links": {"help": [{"href": "https://developer.wordpress.org/rest-api/"}]}}
    return Page(200, JSON, wp_json(data), site.outlet.entries[0].published,
                headers=(*_COMMON_HEADERS, ("Link", f'<{api.url("/")}>; rel="https://api.w.org/"')))


def _v2(api: _Api, match: re.Match[str]) -> Page:
    return Page(200, JSON, wp_json({"namespace": "wp/v2", "routes": {}}), api.site.outlet.entries[0].published,
                headers=_COMMON_HEADERS)


_ROUTES: tuple[tuple[re.Pattern[str], Callable[[_Api, re.Match[str]], Page]], ...] = (
    (re.compile(r"/"), _index),
    (re.compile(r"/wp/v2"), _v2),
    (re.compile(r"/wp/v2/posts"), _posts),
    (re.compile(r"/wp/v2/posts/(\d+)"), _single),
    (re.compile(r"/wp/v2/categories"), _categories),
    (re.compile(r"/wp/v2/users"), _users),
)
