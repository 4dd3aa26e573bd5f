"""LanguageFilter: keep only the article records written in the languages asked for.

``khabar crawl --lang fr`` (or ``-s KHABAR_LANGUAGES=fr,ar``) keeps the records whose detected
``language`` is in the list; the others are dropped before the record writer, counted under
``khabar/records/dropped/language/<lang>`` (``unknown`` when no language was detected) and logged
at DEBUG. Their responses stay in the WARC: the filter decides what becomes a record, not what is
archived.

Settings: KHABAR_LANGUAGES (a list of ISO 639-1 codes, or one comma-separated string; empty = all).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.settings import BaseSettings

from crawler.errors import ConfigInvalid

logger = logging.getLogger(__name__)
_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class LanguageFilterConfig:
    languages: frozenset[str]

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> LanguageFilterConfig:
        codes = [code.strip().lower() for code in settings.getlist("KHABAR_LANGUAGES") if code.strip()]
        bad = [code for code in codes if not _CODE.match(code)]
        if bad:
            raise ConfigInvalid(f"KHABAR_LANGUAGES holds {bad[0]!r}, not an ISO 639-1 code; "
                                "give codes such as 'fr' or 'fr,ar' (khabar crawl --lang fr --lang ar)")
        return cls(frozenset(codes))


class LanguageFilter:
    """Drops records whose language is not in KHABAR_LANGUAGES (priority 700, before the writer at 800)."""

    def __init__(self, config: LanguageFilterConfig, crawler: Crawler) -> None:
        self.languages = config.languages
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LanguageFilter:
        config = LanguageFilterConfig.from_settings(crawler.settings)
        if not config.languages:
            # KHABAR_LANGUAGES empty: every language is kept. No message, so Scrapy does not warn on every
            # crawl about a filter that is off by design; set KHABAR_LANGUAGES (--lang) to enable it.
            raise NotConfigured
        return cls(config, crawler)

    def process_item(self, item: object) -> object:
        language = getattr(item, "language", None) or "unknown"
        if language in self.languages:
            return item
        self.stats.inc_value(f"khabar/records/dropped/language/{language}")
        url = getattr(item, "url", "?")
        logger.debug("dropped record of %s: language %s is not in KHABAR_LANGUAGES %s", url, language,
                     ",".join(sorted(self.languages)))
        raise DropItem(f"language {language} of {url} is not in KHABAR_LANGUAGES", log_level="DEBUG")
