"""The download handler keeps as many idle connections per host as the busiest download slot uses at once, so an
outlet allowed more requests at a time than CONCURRENT_REQUESTS_PER_DOMAIN reuses its connections."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from crawler.warc.tap import connections_kept_per_host
from tests.support.crawls import scrapy_runspider
from tests.support.loopback import QuietHandler

PAGES = 96


@pytest.mark.parametrize(("settings", "kept"), [
    ({"CONCURRENT_REQUESTS_PER_DOMAIN": 4}, 4),
    ({"CONCURRENT_REQUESTS_PER_DOMAIN": 4, "DOWNLOAD_SLOTS": {"a.example": {"concurrency": 16, "delay": 0}}}, 16),
    ({"CONCURRENT_REQUESTS_PER_DOMAIN": 8, "DOWNLOAD_SLOTS": {"a.example": {"concurrency": 2}}}, 8),
    ({"CONCURRENT_REQUESTS_PER_DOMAIN": 2, "DOWNLOAD_SLOTS": {"a.example": {"delay": 3}, "b.example": {"concurrency": 6},
                                                              "c.example": {"concurrency": 3}}}, 6),
])
def test_idle_connections_kept_per_host(settings: dict[str, Any], kept: int) -> None:
    assert connections_kept_per_host(Settings(settings)) == kept


class _Counting(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0

    def get_request(self) -> Any:
        self.connections += 1
        return super().get_request()


class _Page(QuietHandler):  # HTTP/1.1 keep-alive, as news servers answer
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        time.sleep(0.1)  # a slow page: the 8 requests the outlet may have at once are all in flight
        body = f"<html><body><p>Article {self.path}, servi en entier.</p></body></html>".encode()
        self.reply(404 if self.path == "/robots.txt" else 200, "text/html; charset=utf-8", body)


@pytest.fixture
def server() -> Iterator[_Counting]:
    with _Counting(("127.0.0.1", 0), _Page) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield httpd
        httpd.shutdown()


def test_an_outlet_allowed_8_requests_at_once_reuses_its_connections(server: _Counting, tmp_path: Path) -> None:
    host = f"127.0.0.1:{server.server_address[1]}"
    urls = ",".join(f"http://{host}/page/{n}" for n in range(PAGES))
    result = scrapy_runspider("tests/support/fetch_spider.py", tmp_path / "store", "-a", f"urls={urls}",
                              "-s", "ROBOTSTXT_OBEY=False", "-s", "AUTOTHROTTLE_ENABLED=False",
                              "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0",
                              "-s", "DOWNLOAD_SLOTS=" + json.dumps({"127.0.0.1": {"concurrency": 8, "delay": 0}}))
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"'downloader/response_count': {PAGES}" in result.stderr
    # Scrapy's pool (1 per host here) closed most connections as their responses ended: 35 to 81 for 96 pages on
    # the shared machine; kept, one is opened anew when a request starts before the one that just ended is back: 28
    assert server.connections <= PAGES // 2, server.connections


POOL_SPIDER = """
import scrapy

class PoolSpider(scrapy.Spider):
    name = "pool"

    def __init__(self, url="", **kwargs):
        super().__init__(**kwargs)
        self.start_urls, self.outlet_id = [url], "test"

    def parse(self, response):
        handler = self.crawler.engine.downloader.handlers._handlers["http"]
        print("connections kept per host:", handler._pool.maxPersistentPerHost, flush=True)
"""


def test_the_crawls_download_handler_keeps_the_busiest_slots_connections(server: _Counting, tmp_path: Path) -> None:
    spider = tmp_path / "pool_spider.py"
    spider.write_text(POOL_SPIDER, encoding="utf-8")
    result = scrapy_runspider(str(spider), tmp_path / "store", "-a", f"url=http://127.0.0.1:{server.server_address[1]}/",
                              "-s", "ROBOTSTXT_OBEY=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
                              "-s", "DOWNLOAD_SLOTS=" + json.dumps({"127.0.0.1": {"concurrency": 8}, "a.example": {"concurrency": 3}}))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "connections kept per host: 8\n" in result.stdout


@pytest.mark.parametrize(("first", "second", "same"), [
    (("http://a.example/1", 180.0, None), ("http://a.example/2?x=1", 180.0, None), True),
    (("http://a.example/1", 180.0, None), ("http://a.example:8080/1", 180.0, None), False),
    (("http://a.example/1", 180.0, None), ("https://a.example/1", 180.0, None), False),
    (("http://a.example/1", 180.0, None), ("http://b.example/1", 180.0, None), False),
    (("http://a.example/1", 180.0, None), ("http://a.example/1", 30.0, None), False),
    (("http://a.example/1", 180.0, None), ("http://a.example/1", 180.0, ("127.0.0.2", 0)), False),
])
def test_an_endpoint_serves_every_request_with_the_same_scheme_host_port_timeout_and_bind_address(
        first: tuple[str, float, Any], second: tuple[str, float, Any], same: bool) -> None:
    """Twisted builds an endpoint per request (and IDNA-encodes its host), even for a kept connection; the tap's agent
    keeps one per (scheme, host, port, connect timeout, bind address)."""
    from twisted.internet import reactor
    from twisted.web.client import URI, BrowserLikePolicyForHTTPS

    from crawler.warc.tap import _EndpointKeepingAgent

    endpoints: dict[tuple[Any, ...], Any] = {}

    def endpoint(url: str, timeout: float, bind: Any) -> Any:
        agent = _EndpointKeepingAgent(endpoints, reactor=reactor, contextFactory=BrowserLikePolicyForHTTPS(),
                                      connectTimeout=timeout, bindAddress=bind, pool=None)
        return agent._getEndpoint(URI.fromBytes(url.encode()))

    assert (endpoint(*first) is endpoint(*second)) is same
    assert len(endpoints) == (1 if same else 2)
