"""The typed result of extracting one archived HTML response: `Extracted` or `Rejected`."""

from __future__ import annotations

import dataclasses
import importlib.metadata
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from crawler.extract._authors import Kind

EXTRACTOR_VERSION = f"khabar-extract 22; trafilatura {importlib.metadata.version('trafilatura')}"
"""Written into every record's ``extraction.version``: the rules' own version and trafilatura's."""


TEXT_FIELDS = ("title", "seo_title", "description", "text", "authors", "agencies", "section", "tags",
               "date_published_raw", "date_modified_raw")
"""The fields of `Extracted` that hold text read from the page (not a URL, a code or a number): they hold no
invisible formatting character (``crawler.extract._text.INVISIBLE``: soft hyphens, zero-width spaces, word
joiners, BOMs), removed in one place as the result is made (``crawler.extract.article``)."""


@dataclass(frozen=True, kw_only=True)
class Extracted:
    """Everything the page itself says about the article (the page-derived fields of ArticleRecord)."""

    title: str | None = None
    seo_title: str | None = None
    description: str | None = None
    text: str = ""
    authors: tuple[str, ...] = ()  # every name the byline credits, as printed (the record's convention)
    author_kinds: tuple[Kind, ...] = ()  # parallel to authors: 'person', 'desk' or 'agency'
    agencies: tuple[str, ...] = ()
    date_published: str | None = None
    date_published_raw: str | None = None  # the string date_published was read from
    date_modified: str | None = None
    date_modified_raw: str | None = None
    language: str | None = None
    html_lang: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image_url: str | None = None
    canonical_url: str | None = None
    paywalled: bool = False
    word_count: int = 0
    page_type: str | None = None
    link_density: float = 0.0  # share of the body's text that sits inside links (listing pages: high)
    discussion: str | None = None  # the schema.org type that files the page as a thread: 'QAPage', 'DiscussionForumPosting'
    sources: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The fields as JSON-ready values (tuples become lists)."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Rejected:
    """The response holds no article worth a record."""

    reason: str
    """Short machine-friendly reason: 'empty_body', 'not_html', 'too_large', 'no_text' ('worker_died' from the
    pool). A short text is no rejection: the record decision says 'too_short' (crawler.records.decision)."""
    detail: str
    """One human sentence: what was seen and the limit it broke."""

    def to_json(self) -> dict[str, str]:
        return {"reason": self.reason, "detail": self.detail}


ExtractOutcome: TypeAlias = Extracted | Rejected


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value
