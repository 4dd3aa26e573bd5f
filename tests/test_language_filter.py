"""The language filter: `khabar crawl --lang fr` keeps exactly the French records."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.errors import ConfigInvalid
from crawler.records import ArticleRecord, ExtractionInfo, WarcLink
from pipelines.language_filter import LanguageFilter
from tests.support.crawls import KHABAR, article_records, crawl_log, run
from tests.support.demo_outlets import DemoOutlets

OUTLET = "demo-bilingue"


def _record(language: str | None) -> ArticleRecord:
    warc = WarcLink(filename="f.warc.gz", path="warc/f.warc.gz", offset=0, length=1, record_id="<urn:uuid:x>",
                    payload_digest="sha1:X")
    info = ExtractionInfo(method="khabar", version="1", extracted_at="2026-11-24T00:00:00Z")
    return ArticleRecord(id="a" * 32, crawl_id="c", outlet=OUTLET, url=f"https://x.mr/{language}/1",
                         canonical_url=f"https://x.mr/{language}/1", language=language,
                         fetched_at="2026-11-24T00:00:00Z", http_status=200, text_digest="sha256:0", warc=warc,
                         extraction=info)


def _filter(languages: Any) -> LanguageFilter:
    crawler = get_crawler(settings_dict={"KHABAR_LANGUAGES": languages})
    crawler.stats.open_spider()
    return build_from_crawler(LanguageFilter, crawler)


@pytest.mark.parametrize(("setting", "kept", "dropped"), [
    (["fr"], ["fr"], ["ar", None]),
    ("fr,ar", ["fr", "ar"], ["en", None]),
    (["AR"], ["ar"], ["fr"]),
])
def test_only_the_listed_languages_pass(setting: Any, kept: list[str], dropped: list[str | None],
                                        caplog: pytest.LogCaptureFixture) -> None:
    pipeline = _filter(setting)
    for language in kept:
        record = _record(language)
        assert pipeline.process_item(record) is record
    caplog.set_level(logging.DEBUG, logger="pipelines.language_filter")
    for language in dropped:
        with pytest.raises(DropItem) as caught:
            pipeline.process_item(_record(language))
        assert caught.value.log_level == "DEBUG"
    counted = {k: v for k, v in pipeline.stats.get_stats().items() if k.startswith("khabar/records/dropped/")}
    assert counted == {f"khabar/records/dropped/language/{lang or 'unknown'}": 1 for lang in dropped}
    assert [r.levelno for r in caplog.records] == [logging.DEBUG] * len(dropped)


def test_an_empty_list_switches_the_filter_off_without_a_warning() -> None:
    with pytest.raises(NotConfigured) as caught:
        _filter([])
    assert caught.value.args == ()  # Scrapy logs "Disabled …" at WARNING only for a NotConfigured with a message


def test_a_bad_code_names_the_setting() -> None:
    with pytest.raises(ConfigInvalid, match="KHABAR_LANGUAGES holds 'french'"):
        _filter(["french"])


def test_cli_rejects_a_bad_code() -> None:
    result = run([*KHABAR, "crawl", OUTLET, "--lang", "fr,français"])
    assert result.returncode == 2
    assert "'français' is not an ISO 639-1 language code" in result.stderr


def test_khabar_crawl_lang_fr_records_exactly_the_french_articles(demo_outlets: DemoOutlets, tmp_path: Path) -> None:
    world, catalog = demo_outlets.world, demo_outlets.catalog
    result = run([*KHABAR, "crawl", OUTLET, "--lang", "fr", "--catalog-extra", str(catalog), "--store", str(tmp_path)])
    assert result.returncode == 0, result.stderr[-3000:]
    records = article_records(tmp_path)
    base = world.base_urls[OUTLET]
    french = {a.url(base) for a in world.articles(OUTLET) if a.language == "fr"}
    arabic = {a.url(base) for a in world.articles(OUTLET) if a.language == "ar"}
    assert french and arabic
    assert sorted(r["url"] for r in records) == sorted(french)
    assert {r["language"] for r in records} == {"fr"}
    dropped = re.search(r"'khabar/records/dropped/language/ar': (\d+)", crawl_log(tmp_path))
    assert dropped and int(dropped.group(1)) == len(arabic)
