"""Decompression bombs and damaged bodies: one bounded decoder for the crawl, reextract and crash recovery.

A loopback outlet serves three gzip-encoded articles: one whole, one whose gzip stream was cut (its
Content-Length matches the bytes sent, so only the stream itself shows the damage) and one bomb that
decodes to 512 MiB. The crawl records the whole one, archives the other two as served and records
neither; ``khabar reextract`` and the recovery of a killed crawl agree, and meet the bomb within
``DOWNLOAD_MAXSIZE`` (32 MiB) of memory, naming its file and offset.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import shutil
import subprocess
import tracemalloc
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
import yaml
from backports import zstd
from scrapy import Spider
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.archive.reading import iter_entries
from crawler.archive.reextract import archived_response
from crawler.catalog import OutletSpec, catalog_from_settings
from crawler.records.decision import NotRecorded, RenderChance, ResponseFacts, screen
from crawler.warc.capture import WarcCapture
from crawler.warc.decoding import BodyTooLarge, decode_body
from crawler.warc.exchange import split_message
from tests.support.crawls import KHABAR, ROOT, article_records, run, warc_records
from tests.support.loopback import LoopbackSite, QuietHandler

MIB = 1024 * 1024
WHOLE, CUT, BOMB = "/2026/11/20/la-digue-de-mopti", "/2026/11/21/la-route-de-segou", "/2026/11/22/la-bombe"
TOO_LARGE = "the body is larger than 32 MiB once decoded (DOWNLOAD_MAXSIZE); skipped"
PARAGRAPH = ("<p>Le conseil régional de {place} a présenté mardi son plan pour la saison des pluies, paragraphe {i}: "
             "les digues seront renforcées, les canaux curés et les semences distribuées avant la fin du mois.</p>")


def _article(title: str, place: str) -> bytes:
    paragraphs = "".join(PARAGRAPH.format(place=place, i=i) for i in range(24))
    return (f"<html lang='fr'><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}"
            "</article></body></html>").encode()


def _cut_gzip() -> bytes:
    """The article gzip-encoded, cut after 60 % of its bytes: the part decoded still reads as an article."""
    whole = gzip.compress(_article("La route de Ségou", "Ségou"), mtime=0)
    return whole[: len(whole) * 6 // 10]


@cache
def _bomb() -> bytes:
    """About 510 KB of gzip that decodes to 512 MiB of zeros."""
    deflater = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(MIB)
    return b"".join([*(deflater.compress(zeros) for _ in range(512)), deflater.flush()])


class _Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        bodies = {WHOLE: gzip.compress(_article("La digue de Mopti", "Mopti"), mtime=0), CUT: _cut_gzip(),
                  BOMB: _bomb()}
        if self.path == "/feed.xml":
            items = "".join(f"<item><title>{p}</title><link>{p}</link></item>" for p in (WHOLE, CUT, BOMB))
            self.reply(200, "application/rss+xml", f"<rss version='2.0'><channel>{items}</channel></rss>".encode())
        elif self.path in bodies:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bodies[self.path])))
            self.end_headers()
            self.wfile.write(bodies[self.path])
        else:
            self.reply(404, "text/plain", b"not found")


class _Outlet(LoopbackSite):
    handler = _Handler


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """The outlet crawled once: (store, catalog, the crawl's stderr)."""
    tmp = tmp_path_factory.mktemp("damaged")
    store, catalog = tmp / "store", tmp / "catalog.yaml"
    with _Outlet() as site:
        entry = {"id": "le-delta", "name": "Le Delta", "group": "demo", "country": "ML", "languages": ["fr"],
                 "homepage": site.base_url + "/", "cms": "custom", "crawl": {"delay": 0},
                 "feeds": [{"url": site.base_url + "/feed.xml", "kind": "rss", "confidence": "demo"}]}
        catalog.write_text(yaml.safe_dump([entry]))
        result = run([*KHABAR, "crawl", "le-delta", "--catalog-extra", str(catalog), "--store", str(store)])
    assert result.returncode == 0, result.stderr[-3000:]
    yield store, catalog, result.stderr


def _responses(store: Path) -> dict[str, tuple[Path, int, bytes]]:
    """Response records by URL path: (WARC file, offset, HTTP body as archived)."""
    out = {}
    for path, record, block in warc_records(store):
        if record.rec_type == "response":
            url = urlsplit(record.rec_headers.get_header("WARC-Target-URI")).path
            out[url] = (path, _offset_in(path, url), block.split(b"\r\n\r\n", 1)[1])
    return out


# --- the crawl ---------------------------------------------------------------------------------------------


def test_the_crawl_records_the_whole_article_and_archives_the_cut_one_and_the_bomb_as_served(
        crawled: tuple[Path, Path, str]) -> None:
    store, _, stderr = crawled
    assert [urlsplit(r["url"]).path for r in article_records(store)] == [WHOLE]
    responses = _responses(store)
    assert responses[CUT][2] == _cut_gzip() and responses[BOMB][2] == _bomb()  # the bytes as served
    report = json.loads(next((store / "runs").glob("*/le-delta.json")).read_text())
    assert report["not_recorded"] == {"truncated_body": 1}
    assert f"{CUT}: the server's gzip stream ended early; its WARC capture keeps the bytes as served" in stderr
    assert f"{BOMB}: the body is larger than 32 MiB once decoded (DOWNLOAD_MAXSIZE)" in stderr


# --- reextract: the same decision, the same bound ----------------------------------------------------------


def _measured(cmd: list[str], out: Path) -> tuple[int, str, str, int]:
    """Run ``cmd``; (exit code, stdout, stderr, its peak resident memory in bytes).

    The peak is the process's own high-water mark (``VmHWM``), read while it runs: ``ru_maxrss`` would also count
    the memory of the pytest process it was forked from, which a long suite grows past the bound tested here.
    """
    import time

    with open(out / "stdout", "w+") as stdout, open(out / "stderr", "w+") as stderr:
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=stdout, stderr=stderr, text=True)
        peak = 0
        while process.poll() is None:
            try:
                status = Path(f"/proc/{process.pid}/status").read_text()
                peak = max(peak, int(status.split("VmHWM:")[1].split()[0]) * 1024)
            except (OSError, IndexError, ValueError):  # exiting
                pass
            time.sleep(0.02)
        stdout.seek(0)
        stderr.seek(0)
        return process.returncode, stdout.read(), stderr.read(), peak


def test_reextract_skips_the_bomb_with_its_file_and_offset_in_bounded_memory_and_agrees_on_the_rest(
        crawled: tuple[Path, Path, str], tmp_path: Path) -> None:
    crawled_store, catalog, _ = crawled
    store = tmp_path / "store"
    shutil.copytree(crawled_store, store)
    code, stdout, stderr, peak = _measured([*KHABAR, "reextract", str(store), "--catalog-extra", str(catalog)], tmp_path)
    # 189 MiB measured alone, 326 MiB once in a loaded full suite (the extraction workers count); the bomb alone
    # decodes to 512 MiB, so a peak under that proves it never was
    assert 50 * MIB < peak < 480 * MIB, f"reextract peaked at {peak // MIB} MiB"
    warc, offset, _ = _responses(store)[BOMB]
    assert code == 1, stderr[-3000:]  # a problem was reported
    assert f"problem: {warc.relative_to(store).as_posix()} @ offset {offset}: {TOO_LARGE}" in stderr
    rebuilt = [r for r in article_records(store) if "reextract-" in r["extraction"]["version"]]
    assert [urlsplit(r["url"]).path for r in rebuilt] == [WHOLE]
    assert re.search(r"not recorded: truncated_body +1\n", stdout), stdout


# --- crash recovery --------------------------------------------------------------------------------------------


class _Orphans(Spider):
    """The spider a crawl of the outlet opens (WarcCapture reads only its ``outlet``)."""

    name = "orphans"

    def __init__(self, outlet: OutletSpec) -> None:
        super().__init__()
        self.outlet = outlet


def test_recovering_a_killed_crawl_skips_the_bomb_with_the_same_message_and_records_the_whole_article(
        crawled: tuple[Path, Path, str], tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    crawled_store, catalog, _ = crawled
    (finished,) = crawled_store.glob("warc/outlet=le-delta/*/*.warc.gz")
    store = tmp_path / "store"
    orphan = store / finished.relative_to(crawled_store)
    orphan.parent.mkdir(parents=True)
    orphan.with_name(orphan.name + ".open").write_bytes(_before_any_record(finished))
    crawler = get_crawler(settings_dict={"KHABAR_STORE_URI": str(store), "KHABAR_CATALOG_EXTRA": [str(catalog)],
                                         "DOWNLOAD_MAXSIZE": 32 * MIB})
    capture = build_from_crawler(WarcCapture, crawler)
    tracemalloc.start()
    try:
        with caplog.at_level(logging.ERROR):
            capture.spider_opened(_Orphans(catalog_from_settings(crawler.settings).get("le-delta")))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    capture.close()
    assert peak < 200 * MIB, f"recovery peaked at {peak // MIB} MiB"  # 110 MiB measured (the language model included); the bomb is 512 MiB
    key = finished.relative_to(crawled_store).as_posix()
    offset = _offset_in(store / key, BOMB)
    assert any(m.startswith(f"{key} @ offset {offset}: {TOO_LARGE}") for m in caplog.messages), caplog.messages
    assert [urlsplit(r["url"]).path for r in article_records(store)] == [WHOLE]


def _before_any_record(path: Path) -> bytes:
    """The WARC file as a crawl killed before recording left it: the records made for article records cut out."""
    data = path.read_bytes()
    with open(path, "rb") as handle:
        return b"".join(data[e.offset:e.offset + e.length] for e in iter_entries(handle)
                        if e.record.rec_type not in ("resource", "metadata"))


def _offset_in(path: Path, url_path: str) -> int:
    """Where the response record of ``url_path`` starts in the WARC file (as reextract counts offsets)."""
    with open(path, "rb") as handle:
        return next(e.offset for e in iter_entries(handle) if e.record.rec_type == "response"
                    and urlsplit(e.get("WARC-Target-URI") or "").path == url_path)


# --- the decoder -------------------------------------------------------------------------------------------------

PAGE = _article("La digue de Mopti", "Mopti")
ENCODED: dict[str, bytes] = {"gzip": gzip.compress(PAGE), "deflate": zlib.compress(PAGE),
                             "br": brotli.compress(PAGE), "zstd": zstd.compress(PAGE)}


@pytest.mark.parametrize("coding", sorted(ENCODED))
def test_each_coding_decodes_whole_and_a_cut_stream_is_damage(coding: str) -> None:
    encoded = ENCODED[coding]
    assert decode_body(encoded, [coding.encode()], 32 * MIB).body == PAGE
    cut = decode_body(encoded[: len(encoded) * 6 // 10], [coding.encode()], 32 * MIB)
    assert PAGE.startswith(cut.body) and cut.damage == f"the server's {coding} stream ended early"


def test_raw_deflate_gzip_members_in_a_row_and_stacked_codings_decode() -> None:
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    assert decode_body(raw.compress(PAGE) + raw.flush(), [b"deflate"], 32 * MIB).body == PAGE
    assert decode_body(gzip.compress(PAGE[:500]) + gzip.compress(PAGE[500:]), [b"gzip"], 32 * MIB).body == PAGE
    stacked = decode_body(brotli.compress(gzip.compress(PAGE)), [b"gzip", b"br"], 32 * MIB)
    assert (stacked.body, stacked.kept, stacked.damage) == (PAGE, (), None)
    unknown = decode_body(gzip.compress(PAGE), [b"x-secret, gzip"], 32 * MIB)
    assert (unknown.body, unknown.kept) == (PAGE, (b"x-secret",))


def test_a_bomb_stops_at_the_limit_naming_the_limit_and_the_setting() -> None:
    with pytest.raises(BodyTooLarge) as caught:
        decode_body(_bomb(), [b"gzip"], 32 * MIB)
    assert str(caught.value) == "the body is larger than 32 MiB once decoded (DOWNLOAD_MAXSIZE)"



def test_a_corrupt_stream_is_damage_and_its_body_stays_encoded() -> None:
    encoded = bytearray(ENCODED["gzip"])
    encoded[20:40] = b"\xff" * 20
    damaged = decode_body(bytes(encoded), [b"gzip"], 32 * MIB)
    assert (damaged.body, damaged.kept) == (bytes(encoded), (b"gzip",))
    assert damaged.damage is not None and damaged.damage.startswith("the server's gzip stream is corrupt after 0 decoded bytes")


def test_an_archived_body_shorter_than_its_content_length_is_not_recorded() -> None:
    message = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 9000\r\n\r\n" + PAGE[:4000])
    response = archived_response("https://delta.example" + WHOLE, split_message(message))
    facts = ResponseFacts.of(response, revisit_of=None, render=RenderChance.NONE, archived=True)
    assert screen(facts) == NotRecorded("truncated_body", "the body is shorter than its Content-Length (4000 of 9000 "
                                                          "bytes); archived, not recorded")
