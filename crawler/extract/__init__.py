"""Article extraction: one archived HTML response to the page-derived fields of an ArticleRecord.

    extract_article(body, url, content_type, hints=None) -> Extracted | Rejected
    decode_html(body, content_type) -> (text, encoding)
    ExtractHints, Selectors                 per-outlet help (catalog selectors, earliest plausible date)
    EXTRACTOR_VERSION

`crawler.extract.jsonl` serves the same over JSON lines for the ``khabar extract`` command.
The imports stay eager: the extraction workers' forkserver preloads this package, trafilatura included.
"""

from crawler.extract.article import EXTRACTOR_VERSION, extract_article
from crawler.extract.charset import decode_html
from crawler.extract.hints import ExtractHints, Selectors
from crawler.extract.outcome import Extracted, ExtractOutcome, Rejected

__all__ = ["EXTRACTOR_VERSION", "ExtractHints", "ExtractOutcome", "Extracted", "Rejected", "Selectors", "decode_html",
           "extract_article"]
