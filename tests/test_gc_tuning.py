"""Once the spider is open, the start-up heap is frozen and the young generation is collected every
KHABAR_GC_YOUNG_THRESHOLD allocations (0 keeps Python's threshold)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from scrapy.settings import Settings

from spiders.news import NewsSpider


@pytest.fixture
def python_gc() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    gc.unfreeze()


@pytest.mark.parametrize(("setting", "young"), [(10_000, 10_000), (2_500, 2_500), (0, None)])
def test_young_generation_threshold_once_the_spider_is_open(python_gc: tuple[int, int, int], setting: int,
                                                            young: int | None) -> None:
    spider = SimpleNamespace(crawler=SimpleNamespace(settings=Settings({"KHABAR_GC_YOUNG_THRESHOLD": setting})))
    NewsSpider.freeze_heap(spider)  # type: ignore[arg-type]  # the method reads the crawler's settings alone
    assert gc.get_threshold() == (young or python_gc[0], *python_gc[1:])
    assert gc.get_freeze_count() > 0
