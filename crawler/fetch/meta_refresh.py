"""MetaRefresh: Scrapy's MetaRefreshMiddleware, without decoding a whole page to learn that it has no refresh.

Scrapy looks for ``<meta http-equiv="refresh">`` in the first 4,096 characters of ``response.text``, and
``response.text`` decodes the whole body: about 0.25 ms of the crawl's CPU for a 170 KB page, for a text the
crawl process never reads again (extraction gets the bytes). This middleware asks Scrapy's own
``get_meta_refresh`` the same question of the response cut to its first ``HEAD_BYTES`` bytes, decoded with the
response's encoding. A decoder turns a prefix of the bytes into a prefix of the text (only its last characters
can differ, where the cut split one), so when the cut decodes to more than 4,096 characters and a margin, Scrapy
reads the very same characters. When it finds no refresh, the response goes on as Scrapy would hand it on; in
every other case (a refresh found, a short body, an encoding only known by decoding the whole body, a text
already decoded) Scrapy's middleware decides, as before.

It takes the place of Scrapy's (same priority, 580) and reads the same settings: ``METAREFRESH_ENABLED``,
``METAREFRESH_IGNORE_TAGS``, ``METAREFRESH_MAXDELAY``, ``REDIRECT_MAX_TIMES``.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Response
from scrapy.utils.response import get_meta_refresh

SCANNED_CHARS = 4096  # what Scrapy's get_meta_refresh reads: response.text[0:4096]
HEAD_BYTES = 16 * 1024  # 4,096 characters of 4 bytes (UTF-8's longest), of most pages far fewer
_CUT_MARGIN = 16  # characters at the end of a cut text that may differ from the whole text's


class MetaRefresh(MetaRefreshMiddleware):
    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Request | Response:
        head = _head(response)
        if head is not None and not get_meta_refresh(head, ignore_tags=self._ignore_tags)[1]:
            return response  # Scrapy's middleware would find no URL in the same characters and return it as well
        return super().process_response(request, response)


def _head(response: Response) -> HtmlResponse | None:
    """The response cut to its first ``HEAD_BYTES``, when its text holds the characters Scrapy scans; else None."""
    if not isinstance(response, HtmlResponse) or len(response.body) <= HEAD_BYTES or response._cached_ubody is not None:
        return None
    if response._declared_encoding() is None:  # only decoding the whole body says which encoding it has
        return None
    head = response.replace(body=response.body[:HEAD_BYTES])  # the same URL, headers and encoding
    return head if len(head.text) > SCANNED_CHARS + _CUT_MARGIN else None
