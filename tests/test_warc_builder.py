"""RecordFactory builds each record in one pass, and it comes out byte for byte as warcio's RecordBuilder and
WARCWriter would write it: the same WARC headers in the same order, the same digests and lengths, the HTTP head as
received, the same record object for the CDXJ indexer to read."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO

import pytest
from warcio.recordbuilder import RecordBuilder
from warcio.warcwriter import WARCWriter

from crawler.warc.builder import REVISIT_PROFILE, BuiltRecord, RecordFactory, VerbatimHeaders, warc_fields
from crawler.warc.exchange import HttpMessage, payload_of, sha1_digest, split_message
from crawler.warc.writer import serialise

MOMENT = datetime(2026, 11, 24, 21, 50, 42, 123456, tzinfo=UTC)
DATE = "2026-11-24T21:50:42.123456Z"
PAGE = "<html><body><h1>Le marché de Ségou</h1><p>Les commerçants vendent du mil.</p></body></html>".encode()
SERVED = gzip.compress(PAGE * 40, 6)
CHUNKED = b"1a\r\n" + PAGE[:26] + b"\r\n" + f"{len(PAGE) - 26:x}\r\n".encode() + PAGE[26:] + b"\r\n0\r\n\r\n"
RESPONSES = {  # name: the response as received, verbatim
    "gzip page": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                  + f"Content-Length: {len(SERVED)}\r\n\r\n".encode() + SERVED),
    "latin-1 header": b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nX-Odd: caf\xe9\r\n\r\nsalut",
    "chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n" + CHUNKED,
    "folded header, no reason": b"HTTP/1.0 404\r\nContent-Type: text/html\r\n  ; charset=utf-8\r\n\r\nabsent",
    "redirect, no body": b"HTTP/1.1 301 Moved Permanently\r\nLocation: /ailleurs\r\n\r\n",
    "304, bare newlines": b"HTTP/1.1 304 Not Modified\nETag: \"abc\"\n\n",
}
REQUESTS = {
    "GET": b"GET /a?b=1 HTTP/1.1\r\nHost: exemple.ma\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n",
    "POST": b"POST /wp-json HTTP/1.1\r\nHost: exemple.ma\r\nContent-Length: 11\r\n\r\n{\"page\": 2}",
}
URLS = ["http://exemple.ma/2026/11/a.html?utm_source=x", "https://exemple.ml/économie/é", "urn:text:http://exemple.ma/a"]


def _factory() -> RecordFactory:
    counter = itertools.count(1)
    return RecordFactory(clock=lambda: MOMENT, id_factory=lambda: f"<urn:uuid:00000000-0000-0000-0000-{next(counter):012d}>")


def _as_warcio_writes(url: str, kind: str, body: bytes, head: bytes | None, content_type: str,
                      headers: dict[str, str]) -> bytes:
    """The record as warcio's RecordBuilder builds it and its WARCWriter writes it (Khabar's way until 2026-12)."""
    record = RecordBuilder(warc_version="WARC/1.1").create_warc_record(
        url, kind, payload=BytesIO(body), length=len(body), warc_content_type=content_type,
        http_headers=VerbatimHeaders(head) if head is not None else None, warc_headers_dict=headers)
    out = BytesIO()
    WARCWriter(out, gzip=False).write_record(record)
    return out.getvalue()


def _ids(record: BuiltRecord) -> dict[str, str]:
    return {"WARC-Record-ID": record.rec_headers.get_header("WARC-Record-ID"), "WARC-Date": DATE}


Case = Callable[[RecordFactory], tuple[BuiltRecord, bytes]]


def _response(name: str, url: str, extra: dict[str, str]) -> Case:
    def case(factory: RecordFactory) -> tuple[BuiltRecord, bytes]:
        message = split_message(RESPONSES[name])
        record = factory.http_record("response", url, message, DATE, extra)
        headers = {**_ids(record), **extra, "WARC-Payload-Digest": sha1_digest(payload_of(message))}
        return record, _as_warcio_writes(url, "response", message.body, message.head, "", headers)
    return case


def _request(name: str, url: str) -> Case:
    def case(factory: RecordFactory) -> tuple[BuiltRecord, bytes]:
        message, extra = split_message(REQUESTS[name]), {"WARC-Concurrent-To": "<urn:uuid:r>"}
        record = factory.http_record("request", url, message, DATE, extra)
        return record, _as_warcio_writes(url, "request", message.body, message.head, "", {**_ids(record), **extra})
    return case


def _revisit(name: str, url: str) -> Case:
    def case(factory: RecordFactory) -> tuple[BuiltRecord, bytes]:
        message = split_message(RESPONSES[name])
        refers = {"record_id": "<urn:uuid:o>", "url": url, "date": "2026-11-01T00:00:00Z", "digest": "sha1:ABC"}
        record = factory.revisit_record(url, message, DATE, refers, {"WARC-IP-Address": "127.0.0.1"})
        headers = {**_ids(record), "WARC-IP-Address": "127.0.0.1", "WARC-Profile": REVISIT_PROFILE,
                   "WARC-Payload-Digest": "sha1:ABC", "WARC-Refers-To": "<urn:uuid:o>",
                   "WARC-Refers-To-Target-URI": url, "WARC-Refers-To-Date": "2026-11-01T00:00:00Z"}
        return record, _as_warcio_writes(url, "revisit", b"", message.head, "application/http; msgtype=response",
                                         headers)
    return case


def _blob(kind: str, url: str, body: bytes, content_type: str) -> Case:
    def case(factory: RecordFactory) -> tuple[BuiltRecord, bytes]:
        extra = {"WARC-Concurrent-To": "<urn:uuid:r>", "WARC-Khabar-Note": "données"}
        record = factory.blob_record(kind, url, body, content_type, extra)
        headers = {"WARC-Record-ID": record.rec_headers.get_header("WARC-Record-ID"),
                   "WARC-Date": "2026-11-24T21:50:42.123456Z", **extra}
        return record, _as_warcio_writes(url, kind, body, None, content_type, headers)
    return case


def _warcinfo(factory: RecordFactory) -> tuple[BuiltRecord, bytes]:
    fields = {"software": "Khabar", "isPartOf": "démo"}
    record = factory.warcinfo("f.warc.gz", fields)
    headers = {"WARC-Record-ID": record.rec_headers.get_header("WARC-Record-ID"), "WARC-Date": DATE,
               "WARC-Filename": "f.warc.gz"}
    return record, _as_warcio_writes("", "warcinfo", warc_fields(fields), None, "application/warc-fields", headers)


CASES: dict[str, Case] = {
    **{f"response, {name}": _response(name, URLS[n % 2], {"WARC-IP-Address": "127.0.0.1"} if n % 2 else {})
       for n, name in enumerate(RESPONSES)},
    "response, rebuilt": _response("latin-1 header", URLS[0], {"WARC-Khabar-Reconstructed": "scrapy-response"}),
    **{f"request, {name}": _request(name, url) for name, url in zip(REQUESTS, URLS, strict=False)},
    **{f"revisit, {name}": _revisit(name, URLS[0]) for name in ("gzip page", "304, bare newlines")},
    "resource, text": _blob("resource", URLS[2], "Séance ouverte à Kayes.\nFin.".encode(), "text/plain; charset=utf-8"),
    "resource, empty text": _blob("resource", URLS[2], b"", "text/plain; charset=utf-8"),
    "resource, screenshot": _blob("resource", "urn:screenshot:" + URLS[1], b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
                                  "image/png"),
    "metadata": _blob("metadata", URLS[0], warc_fields({"article-record-id": "ab12", "crawl-id": "c"}),
                      "application/warc-fields"),
    "conversion": _blob("conversion", URLS[1], PAGE, "text/html; charset=utf-8"),
    "warcinfo": _warcinfo,
}


@pytest.mark.parametrize("case", CASES)
def test_a_record_is_the_bytes_warcio_would_write(case: str) -> None:
    record, expected = CASES[case](_factory())
    assert serialise(record) == expected
    assert serialise(record) == expected  # writing it again (a retried batch) changes nothing


def test_the_record_object_says_what_warcio_would_have_said_after_writing() -> None:
    message = split_message(RESPONSES["gzip page"])
    record = _factory().http_record("response", URLS[0], message, DATE, {})
    assert (record.rec_type, record.content_type, record.length, record.http_headers.get_statuscode()) == (
        "response", "application/http; msgtype=response", len(message.body), "200")
    assert record.rec_headers.get_header("Content-Length") == str(len(message.head) + len(message.body))
    assert record.rec_headers.get_header("WARC-Block-Digest") == sha1_digest(message.head + message.body)
    assert record.raw_stream.read() == message.body


def test_a_given_payload_digest_is_used_as_it_is() -> None:
    message = split_message(RESPONSES["latin-1 header"])
    record = _factory().http_record("response", URLS[0], message, DATE, {}, payload_digest=sha1_digest(b"salut"))
    assert record.rec_headers.get_header("WARC-Payload-Digest") == "sha1:DP556NNRGWP4NNXZHCJYOTHSHJICSPPF"


@pytest.mark.parametrize("head", [b"\r\n\r\n", b"HTTP/1.1\r\n\r\n"])
def test_a_head_without_a_status_line_is_refused_not_looked_for_in_the_body(head: bytes) -> None:
    with pytest.raises(ValueError, match="no status line"):
        _factory().http_record("response", URLS[0], HttpMessage(head, b"HTTP/1.1 200 OK\r\n\r\n"), DATE, {})


def test_an_http_record_is_not_built_as_a_blob() -> None:
    with pytest.raises(ValueError, match="build it with http_record"):
        _factory().blob_record("response", URLS[0], RESPONSES["redirect, no body"], "", {})
