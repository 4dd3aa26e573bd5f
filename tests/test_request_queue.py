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

