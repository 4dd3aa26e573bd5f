"""The scheduler keeps pending requests on disk without a JOBDIR (crawler/run/request_queue.py). A full disk under
the queue: tests/test_disk_full.py (its tmpfs crawl runs without --resume, so its queue is on the full filesystem)."""

from __future__ import annotations

from pathlib import Path

from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from crawler.run.request_queue import DiskQueueScheduler, queue_dir


class _Spider(Spider):
    name = "news"
    outlet_id = "demo-wp"

    def parse_article(self, response: object) -> None:
        pass


def _scheduler(tmp_path: Path, **settings: object) -> DiskQueueScheduler:
    crawler = get_crawler(_Spider, settings_dict={"KHABAR_STORE_URI": str(tmp_path / "store"),
                                                  "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue",
                                                  **settings})
    crawler.spider = _Spider()
    scheduler = DiskQueueScheduler.from_crawler(crawler)
    scheduler.open(crawler.spider)
    return scheduler


def _urls(count: int) -> list[str]:
    return [f"http://127.0.0.11:8011/2026/11/article-{n}.html" for n in range(count)]


def test_pending_requests_wait_on_disk_in_the_order_of_the_memory_queue_and_the_folder_goes_at_the_end(
        tmp_path: Path) -> None:
    scheduler = _scheduler(tmp_path)
    spider = scheduler.crawler.spider
    folder = queue_dir(scheduler.crawler)
    assert folder.parent == tmp_path / "store" / "state" / "queues"
    for n, url in enumerate(_urls(300)):
        assert scheduler.enqueue_request(Request(url, callback=spider.parse_article, priority=n % 3,
                                                 meta={"khabar_lastmod": "2026-11-20"}))
    assert len(scheduler.mqs) == 0 and len(scheduler) == 300
    assert sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) > 300 * 50
    memory = _scheduler(tmp_path / "memory", KHABAR_QUEUE_ON_DISK=False)
    assert memory.dqs is None
    for n, url in enumerate(_urls(300)):
        memory.enqueue_request(Request(url, callback=spider.parse_article, priority=n % 3))
    popped = [scheduler.next_request() for _ in range(300)]
    assert [r.url for r in popped if r] == [r.url for r in (memory.next_request() for _ in range(300)) if r]
    assert popped[0] is not None and popped[0].meta["khabar_lastmod"] == "2026-11-20"
    assert popped[0].callback == spider.parse_article
    scheduler.close("finished")
    memory.close("finished")
    assert not folder.exists()


def test_a_killed_crawl_leaves_no_request_to_the_next_one(tmp_path: Path) -> None:
    scheduler = _scheduler(tmp_path)
    scheduler.enqueue_request(Request(_urls(1)[0], callback=scheduler.crawler.spider.parse_article))
    # killed: never closed; the next crawl of the outlet (the outlet lock makes it the only one) starts empty
    again = _scheduler(tmp_path)
    assert len(again) == 0 and again.next_request() is None
    again.close("finished")
    assert scheduler.dqs is not None
    scheduler.dqs.close()  # what the killed process's end did to its open files


def test_with_a_jobdir_the_queue_is_scrapys_resumable_one(tmp_path: Path) -> None:
    scheduler = _scheduler(tmp_path, JOBDIR=str(tmp_path / "job"))
    assert scheduler.dqdir == str(tmp_path / "job" / "requests.queue")
    assert not queue_dir(scheduler.crawler).exists()
    scheduler.close("shutdown")



class _SpiderWithProperties(_Spider):
    """Properties Scrapy's own lookup of a callback's name reads for every request; ours never does."""

    reads = 0

    @property
    def costly(self) -> str:
        type(self).reads += 1
        return "read"

    def failed(self, failure: object) -> None:
        pass


def test_the_disk_queue_writes_the_request_dicts_scrapy_writes_without_reading_the_spiders_properties(
        tmp_path: Path) -> None:
    from crawler.run.request_queue import PickleLifoDiskQueue

    crawler = get_crawler(_SpiderWithProperties, settings_dict={"KHABAR_STORE_URI": str(tmp_path / "store")})
    spider = crawler.spider = _SpiderWithProperties()
    queue = PickleLifoDiskQueue.from_crawler(crawler, str(tmp_path / "queue"))
    at_run_time = spider.parse_article  # a bound method taken before the push: still named

    def not_a_method(response: object) -> None:
        pass

    requests = [Request("http://127.0.0.11:8011/a.html", callback=at_run_time, errback=spider.failed, priority=3),
                Request("http://127.0.0.11:8011/b.html", callback=spider.parse_article),
                Request("http://127.0.0.11:8011/c.html")]
    expected = [request.to_dict(spider=spider) for request in requests]
    _SpiderWithProperties.reads = 0
    for request in requests:
        queue.push(request)
    assert _SpiderWithProperties.reads == 0
    assert expected[0]["callback"] == "parse_article" and expected[0]["errback"] == "failed"
    popped = [queue.pop() for _ in requests][::-1]  # LIFO
    assert [r.to_dict(spider=spider) if r else None for r in popped] == expected
    lone = Request("http://127.0.0.11:8011/d.html", callback=not_a_method)
    try:  # Scrapy cannot name a function that is no method of the spider; neither can we, with its own error
        lone.to_dict(spider=spider)
    except ValueError as scrapy_error:
        try:
            queue.push(lone)
        except ValueError as ours:
            assert str(ours) == str(scrapy_error)
        else:
            raise AssertionError("the queue took a request Scrapy's own cannot serialise")
    queue.close()
