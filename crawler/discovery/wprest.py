"""Discovery through the WordPress REST API: ``/wp-json/wp/v2/posts``, and its ``?rest_route=`` form.

Many outlets of the region run WordPress; its REST API lists every post with its link and dates,
a hundred per request, with the total number of pages in ``X-WP-TotalPages``. Incremental runs
ask only for posts modified after the newest one seen (``modified_after``); ``--backfill`` walks
every page. Sites that turned the API off answer 401/403/404 or HTML: that is logged, not an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

PER_PAGE = 100
FIELDS = "id,link,date_gmt,modified_gmt"


@dataclass(frozen=True, slots=True)
class RestPost:
    url: str
    modified: str | None


def posts_url(homepage: str, page: int, modified_after: str | None = None, route_form: bool = False) -> str:
    params: dict[str, str | int] = {"per_page": PER_PAGE, "page": page, "_fields": FIELDS, "orderby": "modified",
                                    "order": "desc"}
    if modified_after:
        params["modified_after"] = modified_after
    if route_form:
        return urljoin(homepage, "/?" + urlencode({"rest_route": "/wp/v2/posts", **params}))
    return urljoin(homepage, "/wp-json/wp/v2/posts?" + urlencode(params))


def parse_posts(body: bytes, max_entries: int) -> list[RestPost]:
    """The posts of one REST page; ``ValueError`` when the body is not a list of posts."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not JSON ({exc.__class__.__name__})") from None
    if not isinstance(data, list):
        raise ValueError(f"a JSON {type(data).__name__}, not a list of posts")
    posts = []
    for item in data[:max_entries]:
        if isinstance(item, dict) and isinstance(item.get("link"), str):
            modified = item.get("modified_gmt") or item.get("date_gmt")
            posts.append(RestPost(item["link"], f"{modified}Z" if isinstance(modified, str) and modified else None))
    return posts


def total_pages(headers: dict[str, str]) -> int:
    try:
        return max(1, int(headers.get("X-WP-TotalPages", "1")))
    except ValueError:
        return 1
