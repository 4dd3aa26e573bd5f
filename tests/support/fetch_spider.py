"""A test spider that fetches the URLs it is given and nothing else (WARC capture does the rest).

    scrapy runspider tests/support/fetch_spider.py -a urls=URL1,URL2
"""

from __future__ import annotations

from typing import Any

import scrapy


class FetchSpider(scrapy.Spider):
    name = "fetch"

    def __init__(self, urls: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [u for u in urls.split(",") if u]
        self.outlet_id = "test"

    def parse(self, response: Any) -> None:
        return None
