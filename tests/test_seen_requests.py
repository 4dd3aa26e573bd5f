"""The duplicate-request filter keeps its fingerprints on disk (crawler/run/seen_requests.py) and answers as Scrapy's."""

from __future__ import annotations

from pathlib import Path

from scrapy import Request, Spider
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.test import get_crawler

from crawler.run.seen_requests import SeenRequestsFilter


class _Spider(Spider):
    name = "news"
    outlet_id = "demo-wp"


def _filter(tmp_path: Path, **settings: object) -> SeenRequestsFilter:
    crawler = get_crawler(_Spider, settings_dict={"KHABAR_STORE_URI": str(tmp_path / "store"), **settings})
    crawler.spider = _Spider()
    dupefilter = SeenRequestsFilter.from_crawler(crawler)
    dupefilter.open()
    return dupefilter


def _requests() -> list[Request]:
    urls = [f"http://127.0.0.11:8011/2026/11/article-{n % 1500}.html?b=2&a=1" for n in range(2500)]
    urls += ["http://127.0.0.11:8011/ar/مقال.html", "http://127.0.0.11:8011/ar/%D9%85%D9%82%D8%A7%D9%84.html"]
    return [Request(url) for url in urls] + [Request(urls[0], method="POST", body=b"x=1")]


def test_the_filter_answers_as_scrapys_with_its_fingerprints_on_disk_and_the_folder_goes_at_the_end(
        tmp_path: Path) -> None:
    dupefilter = _filter(tmp_path)
    scrapys = RFPDupeFilter.from_crawler(get_crawler(_Spider))
    answers = [dupefilter.request_seen(request) for request in _requests()]
    assert answers == [scrapys.request_seen(request) for request in _requests()]
    assert answers.count(False) == 1502
    folder = tmp_path / "store" / "state" / "seen" / "demo-wp"
    assert dupefilter.folder == folder and (folder / "seen.sqlite").is_file()
    dupefilter.close("finished")
    assert not folder.exists()


def test_a_killed_crawls_fingerprints_are_not_the_next_ones(tmp_path: Path) -> None:
    killed = _filter(tmp_path)
    assert not killed.request_seen(Request("http://127.0.0.11:8011/2026/11/article-1.html"))
    # killed: never closed; the next crawl of the outlet (the outlet lock makes it the only one) starts empty
    again = _filter(tmp_path)
    assert not again.request_seen(Request("http://127.0.0.11:8011/2026/11/article-1.html"))
    again.close("finished")


def test_a_resumed_crawl_remembers_what_its_jobdir_saw(tmp_path: Path) -> None:
    first = _filter(tmp_path, JOBDIR=str(tmp_path / "job"))
    assert not first.request_seen(Request("http://127.0.0.11:8011/2026/11/article-1.html"))
    first.close("shutdown")
    resumed = _filter(tmp_path, JOBDIR=str(tmp_path / "job"))
    assert resumed.request_seen(Request("http://127.0.0.11:8011/2026/11/article-1.html"))
    assert not resumed.request_seen(Request("http://127.0.0.11:8011/2026/11/article-2.html"))
    resumed.close("finished")


def test_without_a_state_folder_the_fingerprints_stay_in_memory(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "state").write_text("a file where the state folder should be")
    dupefilter = _filter(tmp_path)
    answers = [dupefilter.request_seen(request) for request in _requests()]
    assert answers.count(False) == 1502
    dupefilter.close("finished")


def test_off_it_is_scrapys_filter(tmp_path: Path) -> None:
    dupefilter = _filter(tmp_path, KHABAR_SEEN_ON_DISK=False)
    assert dupefilter.folder is None and not dupefilter.request_seen(Request("http://127.0.0.11:8011/a.html"))
    assert not (tmp_path / "store" / "state" / "seen").exists()
    dupefilter.close("finished")
