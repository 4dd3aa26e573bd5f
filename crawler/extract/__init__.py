"""Article extraction: one archived HTML response to the page-derived fields of an ArticleRecord.

    crawler.extract.article.extract_article(body, url, content_type, hints=None) -> Extracted | Rejected
    decode_html(body, content_type) -> (text, encoding)
    ExtractHints, Selectors                 per-outlet help (catalog selectors, earliest plausible date)
    EXTRACTOR_VERSION

`crawler.extract.jsonl` serves the same over JSON lines for the ``khabar extract`` command.
``extract_article`` lives in ``crawler.extract.article`` and is imported from there: importing this package
does not import trafilatura (the crawl process hands pages to extraction workers, whose forkserver preloads
``crawler.extract.article``; a process that never extracts never pays for trafilatura's import).
"""

from crawler.extract.charset import decode_html
from crawler.extract.hints import ExtractHints, Selectors
from crawler.extract.outcome import EXTRACTOR_VERSION, Extracted, ExtractOutcome, Rejected

__all__ = ["EXTRACTOR_VERSION", "ExtractHints", "ExtractOutcome", "Extracted", "Rejected", "Selectors", "decode_html"]


def __getattr__(name: str) -> object:
    """``from crawler.extract import extract_article`` still works, importing trafilatura only then."""
    if name == "extract_article":
        from crawler.extract.article import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
