"""The WARC holds every byte as the server sent it, and what the client sent, whatever Scrapy normalises."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.warc.exchange import dechunk, final_response, split_message
from tests.support.crawls import scrapy_runspider, warc_records
from tests.support.rawserver import RawServer


def _sha1(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


@pytest.fixture(scope="module")
def odd_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[RawServer, Path]:
    store = tmp_path_factory.mktemp("store")
    with RawServer() as server:
        urls = ",".join(server.url(p) for p in ("/odd", "/chunked", "/early", "/gone", "/query?b=2&a=1"))
        result = scrapy_runspider("tests/support/fetch_spider.py", store, "-a", f"urls={urls}",
                                  "-s", "ROBOTSTXT_OBEY=False")
        assert result.returncode == 0, result.stderr[-3000:]
    return server, store


def _responses(store: Path) -> dict[str, tuple[object, bytes]]:
    return {r.rec_headers.get_header("WARC-Target-URI"): (r, body)
            for _, r, body in warc_records(store) if r.rec_type == "response"}


def test_response_records_hold_the_exact_bytes_the_server_sent(odd_crawl: tuple[RawServer, Path]) -> None:
    server, store = odd_crawl
    responses = _responses(store)
    for target in ("/odd", "/chunked", "/gone", "/query?b=2&a=1"):
        _, block = responses[server.url(target)]
        assert block == server.sent[target], target


def test_reason_phrase_header_case_order_and_repeated_cookies_survive(odd_crawl: tuple[RawServer, Path]) -> None:
    server, store = odd_crawl
    _, block = _responses(store)[server.url("/odd")]
    head = split_message(block).head
    assert head.startswith(b"HTTP/1.1 200 Fine Thanks\r\nx-lower-case: a\r\nSet-Cookie: a=1; Path=/\r\nETag: \"e1\"\r\n"
                           b"Set-Cookie: b=2; Path=/\r\nX-Latin: caf\xe9\r\n")
    _, block = _responses(store)[server.url("/gone")]
    assert block.startswith(b"HTTP/1.1 404 Gone Fishing\r\n")


def test_chunked_body_is_kept_framed_and_its_payload_digest_covers_the_dechunked_body(odd_crawl: tuple[RawServer, Path]) -> None:
    server, store = odd_crawl
    record, block = _responses(store)[server.url("/chunked")]
    head, body = split_message(block).head, split_message(block).body
    assert b"Transfer-Encoding: chunked" in head
    assert body.startswith(b"%x;ext=1\r\n\x1f\x8b" % (len(dechunk(body)) // 2))
    assert record.rec_headers.get_header("WARC-Payload-Digest") == _sha1(dechunk(body))


def test_interim_103_is_split_off_and_the_final_response_is_archived(odd_crawl: tuple[RawServer, Path]) -> None:
    server, store = odd_crawl
    record, block = _responses(store)[server.url("/early")]
    final, interim = final_response(server.sent["/early"])
    assert block == final.head + final.body
    assert record.rec_headers.get_header("WARC-Khabar-Interim-Responses") == "1"
    assert len(interim) == 1 and interim[0].status == 103


def test_request_records_hold_the_exact_bytes_the_client_sent(odd_crawl: tuple[RawServer, Path]) -> None:
    server, store = odd_crawl
    requests = {r.rec_headers.get_header("WARC-Target-URI"): block
                for _, r, block in warc_records(store) if r.rec_type == "request"}
    archived = requests[server.url("/query?b=2&a=1")]
    assert archived.startswith(b"GET /query?b=2&a=1 HTTP/1.1\r\n")
    assert archived in server.received
    assert b"\r\nHost: 127.0.0.1:" in archived


def test_request_and_response_are_linked_and_block_digests_verify(odd_crawl: tuple[RawServer, Path]) -> None:
    _, store = odd_crawl
    records = warc_records(store)
    ids = {r.rec_headers.get_header("WARC-Record-ID"): r for _, r, _ in records}
    requests = [r for _, r, _ in records if r.rec_type == "request"]
    assert len(requests) == 5
    for request in requests:
        response = ids[request.rec_headers.get_header("WARC-Concurrent-To")]
        assert response.rec_type == "response"
        assert response.rec_headers.get_header("WARC-Target-URI") == request.rec_headers.get_header("WARC-Target-URI")
    for path in {p for p, _, _ in records}:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle, check_digests=True):
                record.raw_stream.read()
                encoding = record.http_headers.get_header("Transfer-Encoding") if record.http_headers else None
                if encoding != "chunked":  # warcio digests chunked payloads framed; we follow WARC 1.1 (see README)
                    assert record.digest_checker.passed is True, (record.rec_type, record.digest_checker.problems)


def test_each_file_starts_with_warcinfo_and_each_record_is_one_gzip_member(odd_crawl: tuple[RawServer, Path]) -> None:
    _, store = odd_crawl
    for path in store.glob("warc/**/*.warc.gz"):
        with open(path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            first = next(iterator)
            assert first.rec_type == "warcinfo"
            assert first.rec_headers.get_header("WARC-Filename") == path.name
        raw = path.read_bytes()
        members = raw.count(b"\x1f\x8b\x08")
        assert members >= 11  # warcinfo + 5 × (request, response); gzip bodies inside add more magic bytes


def test_split_message_keeps_the_blank_line_in_the_head() -> None:
    message = split_message(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody")
    assert message.head == b"HTTP/1.1 200 OK\r\nA: b\r\n\r\n" and message.body == b"body"
