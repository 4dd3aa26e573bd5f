"""The one URL normalisation, used for article ids and story dedup: one case per rule."""

from __future__ import annotations

import pytest

from crawler.catalog import OutletSpec
from crawler.extract import Extracted
from crawler.records import WarcLink, article_id
from crawler.records.build import build_record
from crawler.records.urls import normalise_url

CASES = [
    # 1. whitespace
    ("  https://example.com/a  ", "https://example.com/a"),
    # 2. scheme and host lowercased, user info dropped, path case kept
    ("HTTPS://Example.COM/Politique/A", "https://example.com/Politique/A"),
    ("https://user:secret@example.com/a", "https://example.com/a"),
    # 3. default ports dropped, others kept
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a"),
    ("https://example.com:80/a", "https://example.com:80/a"),
    ("http://[::1]:8080/a", "http://[::1]:8080/a"),
    # 4. empty path, trailing slash and encoding kept
    ("https://example.com", "https://example.com/"),
    ("https://example.com/a/", "https://example.com/a/"),
    ("https://example.com/%D8%A7?q=%20", "https://example.com/%D8%A7?q=%20"),
    # 5. fragment dropped
    ("https://example.com/a#comments", "https://example.com/a"),
    # 6. trackers dropped, other parameters kept as written and in order
    ("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"),
    ("https://example.com/a?UTM_Campaign=rss", "https://example.com/a"),
    ("https://example.com/a?id=3&fbclid=zz", "https://example.com/a?id=3"),
    ("https://example.com/a?gclid=1&p=2&msclkid=3#top", "https://example.com/a?p=2"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
    ("https://example.com/a?b=2&&a=1", "https://example.com/a?b=2&&a=1"),
    ("https://example.com/a?source=rss&ref=home", "https://example.com/a?source=rss&ref=home"),
    ("http://127.0.0.1:8080/2024/08/12/slug/?utm_campaign=rss", "http://127.0.0.1:8080/2024/08/12/slug/"),
]


@pytest.mark.parametrize(("url", "expected"), CASES)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected
    assert normalise_url(expected) == expected  # normalising twice changes nothing


def _record_id(url: str) -> str:
    outlet = OutletSpec(id="o", name="O", group="g", country="TN", languages=("fr",), homepage="https://x.tn/")
    warc = WarcLink(filename="f.warc.gz", path="warc/f.warc.gz", offset=0, length=1, record_id="<urn:uuid:x>",
                    payload_digest="sha1:X")
    record = build_record(extracted=Extracted(text="Un texte."), outlet=outlet, url=url, status=200,
                          fetched_at="2026-11-24T00:00:00+00:00", warc=warc, crawl_id="c")
    return record.id


def test_tracking_variants_of_an_article_get_one_record_id() -> None:
    plain = _record_id("https://x.tn/politique/reforme")
    assert plain == article_id("https://x.tn/politique/reforme")  # ids of URLs without trackers are as before
    assert _record_id("https://x.tn/politique/reforme?utm_source=facebook&utm_medium=social") == plain
    assert _record_id("https://X.tn/politique/reforme?fbclid=IwAR0#comments") == plain
    assert _record_id("https://x.tn/politique/reforme?page=2") != plain
