"""Article extraction: one archived HTML response to the page-derived fields of an ArticleRecord.

    extract_article(body, url, content_type) -> Extracted | Rejected
    decode_html(body, content_type) -> (text, encoding)
    EXTRACTOR_VERSION

`crawler.extract.jsonl` serves the same over JSON lines for the ``khabar extract`` command.
"""

from crawler.extract.article import EXTRACTOR_VERSION, extract_article
from crawler.extract.charset import decode_html
from crawler.extract.outcome import Extracted, ExtractOutcome, Rejected

__all__ = ["EXTRACTOR_VERSION", "ExtractOutcome", "Extracted", "Rejected", "decode_html", "extract_article"]
