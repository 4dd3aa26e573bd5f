"""RunStats counts as Scrapy's MemoryStatsCollector does, and is the stats collector of every Khabar crawl."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from scrapy.statscollectors import MemoryStatsCollector, StatsCollector
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from crawler.run.settings import khabar_settings
from crawler.run.stats import RunStats

Step = Callable[[StatsCollector], Any]

STEPS: list[tuple[str, list[Step]]] = [
    ("inc_value from nothing, then by a count", [lambda s: s.inc_value("khabar/records/written"),
                                                 lambda s: s.inc_value("khabar/records/written", 4)]),
    ("inc_value with a start", [lambda s: s.inc_value("downloader/response_bytes", 512, start=100)]),
    ("max_value and min_value", [lambda s: s.max_value("request_depth_max", 2), lambda s: s.max_value("request_depth_max", 1),
                                 lambda s: s.min_value("khabar/first", 5), lambda s: s.min_value("khabar/first", 3)]),
    ("set_value, then get_value", [lambda s: s.set_value("finish_reason", "finished"),
                                   lambda s: s.set_value("khabar/copied", s.get_value("finish_reason"))]),
    ("set_stats, then clear_stats", [lambda s: s.set_stats({"a": 1}), lambda s: s.clear_stats(),
                                     lambda s: s.inc_value("b")]),
]


@pytest.mark.parametrize(("what", "steps"), STEPS, ids=[what for what, _ in STEPS])
def test_run_stats_count_as_scrapys(what: str, steps: list[Step]) -> None:
    ours, scrapys = RunStats(get_crawler()), MemoryStatsCollector(get_crawler())
    for step in steps:
        step(ours)
        step(scrapys)
    assert ours.get_stats() == scrapys.get_stats() != {}


def test_khabars_settings_name_run_stats_as_the_stats_collector() -> None:
    assert load_object(khabar_settings()["STATS_CLASS"]) is RunStats


def test_run_stats_are_read_without_a_detour() -> None:
    stats = RunStats(get_crawler())
    assert stats.inc_value.__func__ is MemoryStatsCollector.inc_value  # type: ignore[attr-defined]  # a bound method
