"""The CDXJ a crawl's WARC writer makes as it writes (crawler/warc/cdxj.py LiveIndex) is, byte for byte, the one
cdxj-indexer makes by reading the closed file back: every kind of record a crawl writes, odd HTTP heads, revisits,
rotation."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime
from pathlib import Path

from cdxj_indexer.main import write_cdx_index

from crawler.records import ArticleRecord, ExtractionInfo, WarcLink, article_id, text_digest
from crawler.warc.builder import RecordFactory
from crawler.warc.cdxj import cdxj_path, lines_path
from crawler.warc.exchange import split_message
from crawler.warc.links import link_records
from crawler.warc.writer import OPEN_SUFFIX, RotatingWarcWriter, WarcFileSpec

MOMENT = datetime(2026, 11, 24, 21, 50, 42, 123456, tzinfo=UTC)
BODY = "<html><head><title>Le conseil municipal de Kayes</title></head><body><p>Séance ouverte.</p></body></html>"
HEADS = [  # (response as served, compressed body): the heads a crawl meets, verbatim
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n", True),
    (b"HTTP/1.1 200 OK\r\ncontent-type: text/html;charset=ISO-8859-1\r\nX-Odd: caf\xe9\r\n\r\n", False),
    (b"HTTP/1.1 200 OK\r\nContent-Type:text/html\r\nContent-Type: text/plain\r\n\r\n", False),
    (b"HTTP/1.0 404\r\nContent-Type: text/html\r\n  ; charset=utf-8\r\n\r\n", False),
    (b"HTTP/1.1 301 Moved Permanently\r\nLocation: /ailleurs\r\n\r\n", False),
    (b"HTTP/1.1 200 OK\r\nContent-Type:   application/json ;x=1\r\nServer: test\r\n\r\n", False),
    (b"HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\n\r\n", False),
]


def _factory() -> RecordFactory:
    counter = itertools.count(1)
    return RecordFactory(clock=lambda: MOMENT, id_factory=lambda: f"<urn:uuid:00000000-0000-0000-0000-{next(counter):012d}>")


def _article(url: str, text: str) -> ArticleRecord:
    warc = WarcLink(filename="f.warc.gz", path="warc/f.warc.gz", offset=0, length=1, record_id="<urn:uuid:x>",
                    payload_digest="sha1:X")
    return ArticleRecord(id=article_id(url), crawl_id="c", outlet="demo", url=url, canonical_url=url, text=text,
                         fetched_at="2026-11-24T00:00:00Z", http_status=200, text_digest=text_digest(text), warc=warc,
                         extraction=ExtractionInfo(method="khabar", version="1", extracted_at="2026-11-24T00:00:00Z"))


def _indexed_by_reading_back(path: Path, key: str, tmp_path: Path) -> bytes:
    out = tmp_path / f"{path.name}.read-back.cdxj"
    write_cdx_index(str(out), [str(path)], {"sort": True, "filename": key})
    return out.read_bytes()


def _write_a_crawls_records(writer: RotatingWarcWriter, rng: random.Random) -> None:
    factory = writer.factory
    for n in range(40):
        head, compressed = HEADS[n % len(HEADS)]
        body = rng.randbytes(rng.randrange(0, 3000)) if compressed else BODY.encode("utf-8") * rng.randrange(0, 20)
        url = f"http://127.0.0.11:8011/2026/11/article-{n}.html?utm_source=x" if n % 5 else f"https://exemple.ma/{n}"
        date = f"2026-11-24T21:50:{n % 60:02d}.{n:06d}Z"
        received = split_message(head + body)
        if n % 9 == 8:
            refers = {"record_id": "<urn:uuid:original>", "url": url, "date": "2026-11-01T06:00:00Z",
                      "digest": "sha1:DP556NNRGWP4NNXZHCJYOTHSHJICSPPF"}
            response = factory.revisit_record(url, received, date, refers, {"WARC-IP-Address": "127.0.0.11"})
        else:
            response = factory.http_record("response", url, received, date, {"WARC-IP-Address": "127.0.0.11"})
        request = factory.http_record("request", url, split_message(b"GET /x HTTP/1.1\r\nHost: a\r\n\r\n"), date,
                                      {"WARC-Concurrent-To": str(response.rec_headers.get_header("WARC-Record-ID"))})
        writer.write([response, request], compressed_payload=compressed and n % 9 != 8)
        if n % 3 == 0:
            record = _article(url, "Séance ouverte à Kayes. " * (n + 1))
            writer.write(link_records(factory, record, "records/demo/2026/11/24/x.jsonl.gz"))
        if n % 7 == 0:
            writer.write([factory.blob_record("conversion", url, BODY.encode(), "text/html; charset=utf-8", {}),
                          factory.blob_record("resource", f"urn:screenshot:{url}", rng.randbytes(2000), "image/png",
                                              {"WARC-Concurrent-To": "<urn:uuid:x>"})])


def test_the_live_index_is_the_one_cdxj_indexer_reads_back_from_every_file_of_a_rotating_series(
        tmp_path: Path) -> None:
    folder = tmp_path / "warc" / "demo"
    closed: list[tuple[Path, bool]] = []
    writer = RotatingWarcWriter(WarcFileSpec(directory=folder, prefix="khabar-demo", max_size=20_000), _factory(),
                                {"software": "test"}, index_key=lambda path: path.relative_to(tmp_path).as_posix(),
                                on_close=lambda path, indexed: closed.append((path, indexed)))
    _write_a_crawls_records(writer, random.Random(7))
    assert list(folder.glob(".*.lines.part"))  # the current file's lines, unsorted, until it closes
    writer.close()
    files = writer.closed_files
    assert len(files) > 3
    assert closed == [(path, True) for path in files]  # the code that closes each file is told its CDXJ is written
    for path in files:
        key = path.relative_to(tmp_path).as_posix()
        live = cdxj_path(path).read_bytes()
        assert live == _indexed_by_reading_back(path, key, tmp_path)
        assert live.count(b"\n") >= 2 and f'"filename": "{key}"'.encode() in live
    assert not list(folder.glob("*.part")) and not list(folder.glob(".*"))


def test_an_abandoned_file_keeps_no_lines_and_its_recovery_indexes_it_from_its_bytes(tmp_path: Path) -> None:
    from crawler.storage.local import LocalStore
    from crawler.warc.capture import finish_warc_file

    writer = RotatingWarcWriter(WarcFileSpec(directory=tmp_path / "w", prefix="khabar-demo"), _factory(),
                                {"software": "test"}, index_key=lambda path: path.name)
    _write_a_crawls_records(writer, random.Random(3))
    [open_file] = (tmp_path / "w").glob(f"*{OPEN_SUFFIX}")
    path = open_file.with_name(open_file.name.removesuffix(OPEN_SUFFIX))
    lines_path(path).write_text("a killed crawl's lines\n", encoding="utf-8")
    writer.abandon()
    assert not lines_path(path).exists() and not cdxj_path(path).exists()
    lines_path(path).write_text("a killed crawl's lines\n", encoding="utf-8")  # as a kill leaves them
    open_file.rename(path)
    store = LocalStore(tmp_path)
    finish_warc_file(store, path, None, [])
    assert not lines_path(path).exists()
    assert cdxj_path(path).read_bytes() == _indexed_by_reading_back(path, "w/" + path.name, tmp_path)
