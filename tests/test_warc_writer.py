"""The WARC writer: exact bytes with an injected clock and ids, gzip members, rotation, temp names."""

from __future__ import annotations

import base64
import gzip
import hashlib
import itertools
import random
import zlib
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from crawler.warc.builder import RecordFactory
from crawler.warc.exchange import HttpMessage, split_message
from crawler.warc.writer import OPEN_SUFFIX, RotatingWarcWriter, WarcFileSpec

MOMENT = datetime(2026, 11, 24, 21, 50, 42, 123456, tzinfo=UTC)
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Odd: caf\xe9\r\nContent-Length: 5\r\n\r\nsalut"


def _factory() -> RecordFactory:
    counter = itertools.count(1)
    return RecordFactory(clock=lambda: MOMENT, id_factory=lambda: f"<urn:uuid:00000000-0000-0000-0000-{next(counter):012d}>")


def _writer(tmp_path: Path, max_size: int = 1_000_000) -> RotatingWarcWriter:
    spec = WarcFileSpec(directory=tmp_path, prefix="khabar-test", max_size=max_size)
    return RotatingWarcWriter(spec, _factory(), {"software": "test"})


def test_a_response_record_has_exact_headers_digests_and_verbatim_http_bytes(tmp_path: Path) -> None:
    writer = _writer(tmp_path)
    record = writer.factory.http_record("response", "http://a.ml/x", split_message(RESPONSE), "2026-11-24T21:50:42.123456Z", {})
    [location] = writer.write([record])
    writer.close()
    data = location.path.read_bytes()
    member = zlib.decompress(data[location.offset:location.offset + location.length], 31)
    assert member == (
        b"WARC/1.1\r\n"
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"WARC-Date: 2026-11-24T21:50:42.123456Z\r\n"
        b"WARC-Payload-Digest: sha1:DP556NNRGWP4NNXZHCJYOTHSHJICSPPF\r\n"
        b"WARC-Type: response\r\n"
        b"WARC-Target-URI: http://a.ml/x\r\n"
        b"WARC-Block-Digest: sha1:" + base64.b32encode(hashlib.sha1(RESPONSE).digest()) + b"\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(RESPONSE)).encode() + b"\r\n\r\n" + RESPONSE + b"\r\n\r\n"
    )
    assert base64.b32encode(hashlib.sha1(b"salut").digest()) == b"DP556NNRGWP4NNXZHCJYOTHSHJICSPPF"


def test_files_start_with_warcinfo_and_carry_a_temp_name_until_closed(tmp_path: Path) -> None:
    writer = _writer(tmp_path)
    record = writer.factory.http_record("response", "http://a.ml/x", split_message(RESPONSE), "2026-11-24T21:50:42Z", {})
    [location] = writer.write([record])
    assert not location.path.exists() and location.path.with_name(location.path.name + OPEN_SUFFIX).exists()
    writer.close()
    assert location.path.exists() and not list(tmp_path.glob("*" + OPEN_SUFFIX))
    assert location.path.name.startswith("khabar-test-20261124215042123456-")
    with gzip.open(location.path, "rb") as handle:
        records = list(ArchiveIterator(handle))
    assert [r.rec_type for r in records] == ["warcinfo", "response"]


def test_files_rotate_by_size_and_every_name_is_unique(tmp_path: Path) -> None:
    writer = _writer(tmp_path, max_size=4096)
    big = HttpMessage(b"HTTP/1.1 200 OK\r\nContent-Length: 3000\r\n\r\n", random.Random(1).randbytes(3000))
    for _ in range(6):
        writer.write([writer.factory.http_record("response", "http://a.ml/big", big, "2026-11-24T21:50:42Z", {})])
    writer.close()
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) == len(set(files)) == 3  # two 3 KB records fill a 4 KB file, then it rotates
    assert writer.closed_files == files
    for path in files:
        with open(path, "rb") as handle:
            assert [r.rec_type for r in ArchiveIterator(handle)][0] == "warcinfo"


def test_a_body_served_compressed_is_stored_in_its_member_and_inflates_to_the_same_record(tmp_path: Path) -> None:
    """KHABAR_WARC_GZIP_LEVEL_COMPRESSED=0 (the default): the gzip body as served is stored, not deflated again; the
    member still inflates, with gzip, warcio and zlib alike, to the record a level-1 member holds."""
    page = ("<html><body><h1>Le marché de Ségou</h1>"
            + "".join(f"<p>Les commerçants du marché n°{n} vendent du mil et du riz.</p>" for n in range(3000))
            + "</body></html>").encode()
    served = gzip.compress(page, 6)
    response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                + f"Content-Length: {len(served)}\r\n\r\n".encode() + served)
    members = []
    for level in (0, 1):
        spec = WarcFileSpec(directory=tmp_path / str(level), prefix="khabar-test", gzip_level_compressed=level)
        writer = RotatingWarcWriter(spec, _factory(), {"software": "test"})
        record = writer.factory.http_record("response", "http://a.ml/marche", split_message(response),
                                            "2026-11-24T21:50:42.123456Z", {})
        [location] = writer.write([record], compressed_payload=True)
        writer.close()
        members.append((location.path.read_bytes()[location.offset:location.offset + location.length], location.path))
    (stored, stored_path), (deflated, _) = members
    assert zlib.decompress(stored, 31) == zlib.decompress(deflated, 31) == gzip.decompress(stored)
    assert served in stored  # the body's bytes, as they are, inside the member
    assert len(served) < len(stored) < len(served) + 1000  # the headers before it deflated
    with stored_path.open("rb") as handle:
        contents = [(read.rec_type, read.content_stream().read()) for read in ArchiveIterator(handle)]
    assert contents[1] == ("response", page)  # warcio reads it back, and undoes the gzip coding
