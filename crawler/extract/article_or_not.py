"""Article or not: why a page that has text is still no article record.

Listing, tag, author, search and home pages, and forum threads, are archived in WARC but never recorded; so are
placeholders that ask for JavaScript (when no browser renders them), and stubs shorter than ``MIN_WORDS`` (unless
a paywall's teaser). The signals: the text's length, the URL's shape, the page's own type (``og:type``, JSON-LD
``@type``), a thread's schema.org type (a forum's topic, a question and its answers) and its link density. The
extractor gives the text of a short page all the same (with a warning): what it says is one thing, whether it
makes a record another.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from crawler.discovery.links import NOT_ARTICLE_TYPES, looks_like_article, looks_like_listing
from crawler.render.detect import MAX_WORDS, NEEDS_JS_TEXT

if TYPE_CHECKING:
    from crawler.extract.outcome import Extracted

MIN_WORDS = 10  # a shorter text is a stub or a listing, unless it is a paywall teaser
# OpenGraph's default type, which many sites print on every page, their articles too: it says the page is no
# article only where its URL does not have an article's shape (a dated path, a numbered page, a slug of words).
# Tune halves of bench/real_quality.py's eight corpora (every page an article the corpus labels): 155 pages call
# themselves 'website' or 'blog'; 92 of them have an article's URL and pass the link-density test below, and were
# no record (fundus 1, htmldate 20, postlight 4, the trafilatura corpus 29, wcxb 38).
_DEFAULT_TYPES = frozenset({"website", "blog"})
# Where a page calls itself by a default type, two more shapes of a post's URL than discovery's article shapes:
# a slug of three words followed by '.html' or by a query ('?srsltid=…', '?cHash=…'), and a name filed under a
# folder of posts ('/blog/<name>', '/news/<name>'). Tune halves of bench/real_quality.py: 26 articles get a
# record (htmldate 5, the trafilatura corpus 7, aeb 1, wcxb 13), none loses one; of wcxb's 431 pages of other
# types 3 more are recorded (a collection, a product, a service page), no listing.
_SLUG_THEN_MORE = re.compile(r"/[\w%]+(?:-[\w%]+){2,}(?:/|\.html?)?(?:\?|$)", re.IGNORECASE)
# A year in the path before a named page ('/2022/02/a-slug/', '/DE/2022/001.html'): the mark of a post, which a
# short news item keeps under a heavy menu, so the link-density test below does not apply to it. An archive of
# the day or month ('/2022/02/15/') ends on a number and stays judged. Tune halves of bench/real_quality.py:
# 12 articles get a record (htmldate 4, the trafilatura corpus 6, postlight 1, wcxb 1) and none loses one;
# none of wcxb's 431 pages of other types has a year in its path (322 of the 1,874 articles have).
_YEAR = re.compile(r"(?:19|20)\d\d")
_LETTER = re.compile(r"[^\W\d_]")
_UNDER_POSTS = re.compile(r"/(?:blog|blogs|post|posts|news|article|articles|story|stories)/[^/]+", re.IGNORECASE)
# A shop's own types (og:type 'product' and 'product.group', JSON-LD 'Product'): a product's page or a shelf of
# them, never a story. Tune halves of bench/real_quality.py: of wcxb's 431 pages of other types 22 are no longer
# recorded (collection 6, product 16); 1 article page loses its record (a shop's product page that the htmldate
# and trafilatura corpora both hold).
_SHOP_TYPES = frozenset({"product", "product.group"})
# A shop's permalinks, as the two most used shop platforms document them: Shopify's '/products/<handle>' and
# '/collections/<handle>', WooCommerce's '/product/<slug>' and '/product-category/<slug>'. Only where the page does
# not call itself an article. Tune halves of bench/real_quality.py: of wcxb's 431 pages of other types 11 more are
# no longer recorded (product 9, collection 2); no article loses its record (a software maker's '/products/<name>'
# page, which the htmldate and trafilatura corpora both hold, calls itself an article and stays recorded).
_SHOP_PATH = re.compile(r"/(?:products?|collections|product-category)/[^/]+/?$", re.IGNORECASE)
# A path of one word and no query ('/news', '/technology', '/gaming/') is a section's front: with 30% of its
# text in links (a listing's share on the demo outlets) it is a list of teasers, not a story. Tune halves:
# 6 of wcxb's 431 pages of other types are no longer recorded (listing 4, documentation 1, service 1), no
# article loses its record.
_SECTION_NAME = re.compile(r"[^\W\d_]+")
_SECTION_LINK_DENSITY = 0.3
# schema.org's types of a thread: a forum's topic and its replies, a question and its answers. Forum software prints
# them (XenForo, Discourse, Invision in JSON-LD, Stack Exchange's QAPage in microdata) and no news site files an
# article under them. Tune halves of bench/real_quality.py: of wcxb's 66 forum pages 31 declare one, 24 of them
# recorded before and none now; no article loses its record (the two article pages that declare one, a cat
# forum's thread the htmldate and trafilatura corpora both hold, were refused already).
_DISCUSSIONS = ("DiscussionForumPosting", "QAPage")
_MICRODATA_DISCUSSION = re.compile(r"""itemtype=["']?https?://schema\.org/(QAPage|DiscussionForumPosting)\b""")


def why_no_article(url: str, outcome: Extracted) -> tuple[str, str] | None:
    """`not_an_article` asked of an extraction's outcome: the one call the crawl's decision and the benches make."""
    return not_an_article(url, outcome.page_type, outcome.text, outcome.word_count, outcome.link_density,
                          outcome.paywalled, outcome.discussion)


def not_an_article(url: str, page_type: str | None, text: str, word_count: int, link_density: float = 0.0,
                   paywalled: bool = False, discussion: str | None = None) -> tuple[str, str] | None:
    """Why a page with text is still no article record (too short, listing, tag, author, search, home, a forum's
    thread, a JavaScript shell), or None."""
    if looks_like_listing(url):
        return "not_an_article", "its URL is a listing, tag, author, search or home page"
    if discussion:
        return "not_an_article", f"the page declares schema.org's {discussion!r}, a thread's type"
    if page_type and page_type.lower() in NOT_ARTICLE_TYPES and not _default_type_of_an_article(url, page_type):
        return "not_an_article", f"the page calls itself {page_type!r}"
    if page_type and page_type.lower() in _SHOP_TYPES:
        return "not_an_article", f"the page calls itself {page_type!r}, a shop's type"
    says_article = page_type is not None and any(k in page_type.lower() for k in ("article", "posting"))
    if not says_article and _SHOP_PATH.search(unquote(urlsplit(url).path)):
        return "not_an_article", "its URL is a shop's product or shelf of products"
    # Calibrated on the demo outlets: articles 0.11-0.33 of their characters in links, listing pages 0.34-0.50,
    # a bare list of headlines 0.9+. Only pages that do not call themselves articles are judged this way:
    # mostly links (≥ 0.7), or half links with a short text of their own.
    if not says_article and not _dated_post(url) and (link_density >= 0.7 or (link_density >= 0.5 and word_count < 250)):
        return "not_an_article", f"{link_density:.0%} of the page's text is links and its own text is short"
    if not says_article and link_density >= _SECTION_LINK_DENSITY and _section_front(url):
        return "not_an_article", f"{link_density:.0%} of the page's text is links and its URL is a section's front"
    if word_count < MAX_WORDS and NEEDS_JS_TEXT.search(text):
        return "needs_javascript", "the text is a placeholder asking for JavaScript; the article is built in the browser"
    if word_count < MIN_WORDS and not paywalled:
        return "too_short", f"the text has {word_count} words, fewer than the {MIN_WORDS} of an article."
    return None


def declared_discussion(jsonld_types: list[str], article_types: list[str], html: str) -> tuple[str | None, str | None]:
    """The thread's type (`_DISCUSSIONS`) the page declares in JSON-LD or microdata, and where; (None, None) when
    it declares none, or when its JSON-LD article node is an ``*Article`` (a story whose comments are marked up)."""
    if any(kind.endswith("Article") for kind in article_types):
        return None, None
    declared = next((kind for kind in _DISCUSSIONS if kind in jsonld_types), None)
    if declared:
        return declared, "json-ld"
    # the literals first: a plain substring search is ten times faster than the pattern over a whole page
    if "schema.org/QAPage" in html or "schema.org/DiscussionForumPosting" in html:
        found = _MICRODATA_DISCUSSION.search(html)
        if found:
            return found[1], "microdata"
    return None, None


def _default_type_of_an_article(url: str, page_type: str) -> bool:
    """True when `page_type` is a type sites print on every page (`_DEFAULT_TYPES`) and `url` is an article's."""
    return page_type.lower() in _DEFAULT_TYPES and (looks_like_article(url) or _post_url(url))


def _post_url(url: str) -> bool:
    """A post's URL in the two shapes `_SLUG_THEN_MORE` and `_UNDER_POSTS` (a listing's URL never gets here:
    `not_an_article` refuses it first)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    return bool(_SLUG_THEN_MORE.search(path + ("?" + parts.query if parts.query else "")) or _UNDER_POSTS.search(path))


def _dated_post(url: str) -> bool:
    """An article's URL with a year among its folders and a name (not a day's number) at its end."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    return (len(segments) > 1 and bool(_LETTER.search(segments[-1]))
            and any(_YEAR.fullmatch(segment) for segment in segments[:-1]) and looks_like_article(url))


def _section_front(url: str) -> bool:
    """A path of a single word of letters and no query: a section's front page ('/news', '/technology/')."""
    parts = urlsplit(url)
    segments = [segment for segment in unquote(parts.path).split("/") if segment]
    return not parts.query and len(segments) == 1 and bool(_SECTION_NAME.fullmatch(segments[0]))
