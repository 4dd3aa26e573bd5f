"""Assembling an ArticleRecord from what the page said, where it was archived and which crawl."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler import __version__
from crawler.catalog import OutletSpec
from crawler.extract import EXTRACTOR_VERSION, Extracted
from crawler.records import ArticleRecord, ExtractionInfo, WarcLink, article_id, text_digest
from crawler.records.urls import normalise_url

METHOD = "khabar+trafilatura"


def build_record(*, extracted: Extracted, outlet: OutletSpec, url: str, status: int, fetched_at: str,
                 warc: WarcLink, crawl_id: str, rendered: tuple[str, str] | None = None,
                 screenshot: str | None = None) -> ArticleRecord:
    """The article record; ``rendered`` is (browser, conversion record id) when the text comes from a render,
    ``screenshot`` the record id of the page's screenshot when one was archived."""
    canonical = normalise_url(extracted.canonical_url or url)
    return ArticleRecord(
        id=article_id(canonical), crawl_id=crawl_id, outlet=outlet.id, country=outlet.country,
        url=url, canonical_url=canonical, language=extracted.language, title=extracted.title,
        seo_title=extracted.seo_title, description=extracted.description, text=extracted.text,
        authors=list(extracted.authors), author_kinds=list(extracted.author_kinds), agencies=list(extracted.agencies),
        date_published=extracted.date_published, date_published_raw=extracted.date_published_raw,
        date_modified=extracted.date_modified, date_modified_raw=extracted.date_modified_raw,
        section=extracted.section, tags=list(extracted.tags), image_url=extracted.image_url,
        paywalled=extracted.paywalled, word_count=extracted.word_count, fetched_at=fetched_at,
        http_status=status, text_digest=text_digest(extracted.text), warc=warc,
        extraction=ExtractionInfo(
            method=METHOD, version=f"khabar {__version__}; {EXTRACTOR_VERSION}",
            extracted_at=datetime.now(UTC).isoformat(timespec="microseconds"),
            sources=dict(extracted.sources), warnings=list(extracted.warnings),
            rendered_by=rendered[0] if rendered else None, rendered_record_id=rendered[1] if rendered else None,
            screenshot_record_id=screenshot,
        ),
    )
