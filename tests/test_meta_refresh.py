"""MetaRefresh answers as Scrapy's MetaRefreshMiddleware on every page, and decodes only the head of a large
page that has no refresh."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.fetch.meta_refresh import HEAD_BYTES, MetaRefresh

URL = "https://journal.example/politique/1-article.html"
REFRESH = '<meta http-equiv="Refresh" content="0; url=/politique/2-article.html">'
PARAGRAPH = "<p>Le conseil municipal a présenté le budget de l'exercice prochain à Bamako.</p>\n"
ARABIC = "<p>أعلنت الحكومة عن خطة استثمار جديدة في الرباط.</p>\n"


def _page(head: str, filler: str, size: int) -> str:
    body = "".join(filler for _ in range(size // len(filler.encode()) + 1))
    return f"<html><head><title>Un titre</title>{head}</head><body>{body}</body></html>"


def _response(html: str, charset: str | None = "utf-8", encoding: str = "utf-8") -> HtmlResponse:
    headers = {"Content-Type": f"text/html; charset={charset}" if charset else "text/html"}
    return HtmlResponse(URL, body=html.encode(encoding), headers=headers)


def _outcome(result: Request | Response, response: Response) -> str:
    if isinstance(result, Request):
        return f"redirect {result.url}"
    assert result is response
    return "kept"


CASES = [  # (what, response, outcome)
    ("small page with a refresh", _response(_page(REFRESH, PARAGRAPH, 2_000)),
     "redirect https://journal.example/politique/2-article.html"),
    ("large page with a refresh in its head", _response(_page(REFRESH, PARAGRAPH, 170_000)),
     "redirect https://journal.example/politique/2-article.html"),
    ("large page without a refresh", _response(_page("", PARAGRAPH, 170_000)), "kept"),
    ("large Arabic page without a refresh", _response(_page("", ARABIC, 170_000)), "kept"),
    ("refresh after the 4,096 characters Scrapy reads", _response(_page("", PARAGRAPH, 170_000).replace(
        "</body>", REFRESH + "</body>")), "kept"),
    ("refresh just inside the 4,096 characters, after wide characters",
     _response(_page("<!--" + "أ" * 3_900 + "-->" + REFRESH, ARABIC, 170_000)),
     "redirect https://journal.example/politique/2-article.html"),
    ("refresh just past the 4,096 characters", _response(_page("<!--" + "أ" * 4_096 + "-->" + REFRESH, ARABIC, 170_000)),
     "kept"),
    ("refresh inside noscript (METAREFRESH_IGNORE_TAGS)", _response(_page(f"<noscript>{REFRESH}</noscript>", PARAGRAPH, 170_000)), "kept"),
    ("UTF-16 page with a refresh", _response(_page(REFRESH, PARAGRAPH, 100_000), "utf-16", "utf-16"),
     "redirect https://journal.example/politique/2-article.html"),
    ("encoding declared in the page alone, refresh in its head",
     _response(_page('<meta charset="utf-8">' + REFRESH, PARAGRAPH, 170_000), None),
     "redirect https://journal.example/politique/2-article.html"),
    ("no declared encoding, refresh in its head", _response(_page(REFRESH, PARAGRAPH, 170_000), None),
     "redirect https://journal.example/politique/2-article.html"),
]


@pytest.mark.parametrize(("what", "response", "outcome"), CASES, ids=[case[0] for case in CASES])
def test_meta_refresh_answers_as_scrapys_middleware(what: str, response: HtmlResponse, outcome: str) -> None:
    crawler = get_crawler()
    ours, scrapys = build_from_crawler(MetaRefresh, crawler), build_from_crawler(MetaRefreshMiddleware, crawler)
    request = Request(URL)
    theirs = HtmlResponse(URL, body=response.body, headers=response.headers)
    assert _outcome(ours.process_response(request, response), response) == outcome
    assert _outcome(scrapys.process_response(request, theirs), theirs) == outcome


def test_a_large_page_without_refresh_is_not_decoded_whole() -> None:
    response = _response(_page("", PARAGRAPH, 170_000))
    assert len(response.body) > 10 * HEAD_BYTES
    assert build_from_crawler(MetaRefresh, get_crawler()).process_response(Request(URL), response) is response
    assert response._cached_ubody is None


def test_what_is_no_html_page_passes_untouched() -> None:
    response = TextResponse(URL, body=REFRESH.encode(), headers={"Content-Type": "text/plain"})
    assert build_from_crawler(MetaRefresh, get_crawler()).process_response(Request(URL), response) is response
