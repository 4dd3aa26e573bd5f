"""The article record: its one schema (``schema``), how one is built (``build``), the files it goes to (``files``).

``from crawler.records import ArticleRecord`` is the public face; ``crawler/records/schema.py`` is the source of truth.
"""

from crawler.records.schema import (
    SCHEMA_ID,
    SCHEMA_VERSION,
    ArticleRecord,
    ExtractionInfo,
    WarcLink,
    article_id,
    json_schema,
    text_digest,
)

__all__ = ["SCHEMA_ID", "SCHEMA_VERSION", "ArticleRecord", "ExtractionInfo", "WarcLink", "article_id",
           "json_schema", "text_digest"]
