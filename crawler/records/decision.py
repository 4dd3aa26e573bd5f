"""Record or not: the one answer to "is this response an article record?".

The crawl (``NewsSpider.parse_article``), ``khabar reextract`` and the recovery of a killed crawl's
orphaned captures all ask :func:`decide`, so they can never disagree. Its input is what is known of
one response (:class:`ResponseFacts`, built from a Scrapy ``Response`` by :meth:`ResponseFacts.of`,
whether the response came off the wire or was rebuilt from its WARC record) and what the extractor
made of it. Its answer is one of:

* :class:`Record`: an article; the caller builds its ``ArticleRecord`` from ``extracted``;
* :class:`NotRecorded`: ``reason`` (a short stable name, counted as
  ``khabar/articles/not_recorded/<reason>``) and a human ``detail``;
* :class:`Render`: a page built by JavaScript that a browser may still turn into an article: the
  crawl fetches it through the browser, reextract reads the render the crawl archived; either way
  the render is decided again, with ``render=RenderChance.RENDERED``.

Reasons, in the order they are tried: ``not_modified`` (304), ``bot_wall``, ``http_status`` (not a
2xx; the crawl's spider never sees these), ``not_html``, ``unchanged`` (a revisit: its record holds no
body), ``truncated_body`` (the body is incomplete as served: its gzip/deflate/br/zstd stream ended
early or broke off, or it is shorter than its Content-Length; the WARC keeps it as served), then the
extractor's own rejections (``empty_body``, ``not_html``, ``too_large``, ``no_text``, ``worker_died``),
``too_short`` (fewer than ten words, not a paywall's teaser), ``not_an_article`` (listing, tag, author,
search, home pages, a forum's thread),
``needs_javascript``, and ``no_warc_capture``. :func:`screen` is the part that needs no extraction:
callers ask it first and extract only what it lets through.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TypeAlias

from scrapy.http import JsonResponse, Response, TextResponse, XmlResponse

from crawler.extract import Extracted, ExtractOutcome, Rejected
from crawler.extract.article_or_not import why_no_article
from crawler.politeness.botwall import botwall_reason
from crawler.render.detect import built_by_javascript
from crawler.warc.decoding import damage_of


class RenderChance(enum.Enum):
    """Whether a browser render of the page exists or may be had."""

    RENDERED = "rendered"  # this response is the browser's render
    POSSIBLE = "possible"  # a browser can render it (the crawl), or its render is archived (reextract)
    NONE = "none"  # no browser, and no render in the archive


@dataclass(frozen=True, kw_only=True, slots=True)
class ResponseFacts:
    """What the decision needs to know of one response."""

    url: str
    status: int
    markup: bool
    """Scrapy reads it as a page of text (a ``TextResponse``: by Content-Type, else by file name or body) that
    is neither XML (sitemaps, feeds) nor JSON (APIs)."""
    content_type: str | None
    body: bytes
    """The body as the spider sees it: Content-Encoding removed."""
    bot_wall: str | None
    """Why it looks like a bot wall (:func:`crawler.politeness.botwall.botwall_reason`), or None."""
    revisit_of: str | None
    """The capture date of the identical payload this response revisits, or None."""
    render: RenderChance
    archived: bool
    """Its response is in the WARC (an article record must link to it)."""
    damage: str | None = None
    """Why the body is incomplete as served (:func:`crawler.warc.decoding.damage_of` its flags), or None."""

    @classmethod
    def of(cls, response: Response, *, revisit_of: str | None, render: RenderChance, archived: bool) -> ResponseFacts:
        content_type = response.headers.get("Content-Type")
        return cls(url=response.url, status=response.status, markup=_is_markup(response),
                   content_type=content_type.decode("latin-1") if content_type else None, body=response.body,
                   bot_wall=botwall_reason(response.status, response.headers, response.body),
                   revisit_of=revisit_of, render=render, archived=archived, damage=damage_of(response.flags))


def _is_markup(response: Response) -> bool:
    return isinstance(response, TextResponse) and not isinstance(response, (XmlResponse, JsonResponse))


@dataclass(frozen=True, slots=True)
class Record:
    extracted: Extracted


@dataclass(frozen=True, slots=True)
class NotRecorded:
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class Render:
    why: str
    """Why the page looks built in the browser (one phrase)."""


Decision: TypeAlias = Record | NotRecorded | Render


def screen(facts: ResponseFacts) -> NotRecorded | None:
    """Why the response is no article whatever its text says, or None: then extract it and :func:`decide`."""
    if facts.status == 304:
        return NotRecorded("not_modified", "the server says it did not change (304)")
    if facts.bot_wall is not None:
        return NotRecorded("bot_wall", facts.bot_wall)
    if not 200 <= facts.status < 300:
        return NotRecorded("http_status", f"the server answered {facts.status}, not a page")
    if not facts.markup:
        return NotRecorded("not_html", f"Content-Type is {facts.content_type!r}")
    if facts.revisit_of is not None:
        return NotRecorded("unchanged", f"same payload as the capture of {facts.revisit_of}; "
                                        "archived as a revisit, no new record")
    if facts.damage is not None:
        return NotRecorded("truncated_body", f"{facts.damage}; archived, not recorded")
    return None


def decide(facts: ResponseFacts, outcome: ExtractOutcome) -> Decision:
    """Record, not recorded (why), or render it first; ``outcome`` is the extraction of ``facts.body``."""
    if (refused := screen(facts)) is not None:
        return refused
    if isinstance(outcome, Rejected):
        words = 0 if outcome.reason in ("no_text", "too_short") else None
        return _no_article(facts, (outcome.reason, outcome.detail), words)
    why = why_no_article(facts.url, outcome)
    if why is not None:
        return _no_article(facts, why, outcome.word_count)
    if not facts.archived:
        return NotRecorded("no_warc_capture", "the response was not archived (see the WARC errors above)")
    return Record(outcome)


def _no_article(facts: ResponseFacts, why: tuple[str, str], words: int | None) -> Render | NotRecorded:
    """No article as served: unless a script builds it in the browser (then render it, or say it needs one)."""
    shell = built_by_javascript(facts.body, words) if words is not None else None
    if shell is None:
        return NotRecorded(*why)
    if facts.render is RenderChance.POSSIBLE:
        return Render(shell)
    if why[0] == "needs_javascript":
        return NotRecorded(*why)
    rendered = facts.render is RenderChance.RENDERED
    return NotRecorded("needs_javascript", shell + (" even once rendered" if rendered else
                                                    "; no browser renders it (see KHABAR_RENDER_JS)"))
