"""Crawling the demo world end to end: exactly the right articles, archived byte for byte, linked both ways.

The demo server runs in this process (so its wire log can be read); the crawls run as users run
them, as `khabar crawl` and `scrapy crawl` child processes.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import OUTLET_IDS, DemoArticle, DemoWorld
from crawler.demo.custom_cms import LOCAL_TIME
from crawler.extract._dates import parse_machine
from crawler.warc.exchange import split_message
from tests.support.crawls import KHABAR, article_records, run, warc_records
from tests.support.demo_outlets import DemoOutlets


def _normalise_spaces(text: str) -> str:
    """Records turn Unicode spaces (NBSP, narrow NBSP) into plain spaces, as documented in the schema."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def crawled(demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    store = tmp_path_factory.mktemp("store")
    result = run([*KHABAR, "crawl", *OUTLET_IDS, "--catalog-extra", str(demo_outlets.catalog), "--store", str(store)])
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    return store, result.stdout


@pytest.fixture(scope="module")
def records(crawled: tuple[Path, str]) -> list[dict[str, Any]]:
    return article_records(crawled[0])


def _truth(world: DemoWorld, record: dict[str, Any]) -> DemoArticle:
    path = unquote(urlsplit(record["url"]).path)
    return next(a for a in world.articles(record["outlet"]) if unquote(a.path) == path)


@pytest.mark.parametrize("outlet", OUTLET_IDS)
def test_exactly_the_visible_articles_of_each_outlet_are_recorded_once(outlet: str, demo_outlets: DemoOutlets,
                                                                       records: list[dict[str, Any]]) -> None:
    world = demo_outlets.world
    urls = [r["url"] for r in records if r["outlet"] == outlet]
    assert sorted(urls) == sorted(world.article_urls(outlet))
    assert len(urls) >= 32


@pytest.mark.parametrize("outlet", OUTLET_IDS)
def test_every_article_response_is_archived_in_its_outlet_partition(outlet: str, demo_outlets: DemoOutlets,
                                                                    crawled: tuple[Path, str]) -> None:
    world = demo_outlets.world
    store, _ = crawled
    archived = {r.rec_headers.get_header("WARC-Target-URI") for path, r, _ in warc_records(store)
                if r.rec_type == "response" and f"outlet={outlet}/" in path.as_posix()}
    assert world.article_urls(outlet) <= archived
    assert not list(store.glob("**/*.open")), "a finished crawl leaves no temporary file"


def test_a_response_record_holds_the_bytes_the_demo_server_sent_still_gzip_encoded(
        demo_outlets: DemoOutlets, crawled: tuple[Path, str], records: list[dict[str, Any]]) -> None:
    server = demo_outlets.server
    store, _ = crawled
    record = next(r for r in records if r["outlet"] == "demo-cms")
    blocks = {r.rec_headers.get_header("WARC-Record-ID"): block for _, r, block in warc_records(store)}
    archived = blocks[record["warc"]["record_id"]]
    sent = [entry.response_bytes for entry in server.responses_for(record["url"])]
    assert archived in sent
    head, body = split_message(archived).head, split_message(archived).body
    assert b"\r\nContent-Encoding: gzip\r\n" in head and body[:2] == b"\x1f\x8b"
    assert head.count(b"\r\nSet-Cookie: ") == 2  # both cookies, in the server's order
    assert "’".encode("cp1252") in zlib.decompress(body, 31)  # windows-1252 bytes, as served


def test_a_request_record_holds_the_bytes_the_demo_server_received(demo_outlets: DemoOutlets, crawled: tuple[Path, str],
                                                                   records: list[dict[str, Any]]) -> None:
    server = demo_outlets.server
    store, _ = crawled
    record = next(r for r in records if r["outlet"] == "demo-bilingue" and r["language"] == "ar")
    request = next(block for _, r, block in warc_records(store)
                   if r.rec_type == "request" and r.rec_headers.get_header("WARC-Concurrent-To") == record["warc"]["record_id"])
    assert request in [entry.request_bytes for entry in server.responses_for(record["url"])]


def test_every_record_reads_back_with_valid_digests(crawled: tuple[Path, str], records: list[dict[str, Any]]) -> None:
    store, _ = crawled
    types: Counter[str] = Counter()
    for path in store.glob("warc/**/*.warc.gz"):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle, check_digests=True):
                record.content_stream().read()
                assert record.digest_checker.passed is True, (path, record.rec_type, record.digest_checker.problems)
                types[record.rec_type] += 1
    assert types["warcinfo"] == len(list(store.glob("warc/**/*.warc.gz")))
    assert types["request"] == types["response"]
    assert types["metadata"] == len(records)


def test_each_article_record_points_at_its_response_record(crawled: tuple[Path, str], records: list[dict[str, Any]]) -> None:
    store, _ = crawled
    for record in records:
        link = record["warc"]
        data = (store / link["path"]).read_bytes()[link["offset"]:link["offset"] + link["length"]]
        [response] = list(ArchiveIterator(io.BytesIO(data)))
        assert response.rec_type == "response"
        assert response.rec_headers.get_header("WARC-Target-URI") == record["url"]
        assert response.rec_headers.get_header("WARC-Record-ID") == link["record_id"]
        assert response.rec_headers.get_header("WARC-Payload-Digest") == link["payload_digest"]
        assert response.rec_headers.get_header("WARC-Date") == record["fetched_at"]
        assert Path(link["path"]).name == link["filename"]


def test_each_response_names_its_article_record_in_a_metadata_record(crawled: tuple[Path, str], records: list[dict[str, Any]]) -> None:
    store, _ = crawled
    by_response = {r["warc"]["record_id"]: r for r in records}
    seen = 0
    for _, warc_record, block in warc_records(store):
        if warc_record.rec_type != "metadata":
            continue
        fields = dict(line.split(": ", 1) for line in block.decode().strip().split("\r\n"))
        article = by_response[warc_record.rec_headers.get_header("WARC-Concurrent-To")]
        assert fields["article-record-id"] == article["id"]
        assert fields["article-record-version"] == str(article["version"])
        with gzip.open(store / fields["article-record-file"], "rt", encoding="utf-8") as handle:
            assert any(json.loads(line)["id"] == article["id"] for line in handle)
        seen += 1
    assert seen == len(records)


def test_records_validate_against_the_schema_published_in_the_store(crawled: tuple[Path, str], records: list[dict[str, Any]]) -> None:
    store, _ = crawled
    schema = json.loads((store / "schema/article-record.schema.json").read_text(encoding="utf-8"))
    for record in records:
        jsonschema.validate(record, schema)


@pytest.mark.parametrize("outlet", OUTLET_IDS)
def test_titles_authors_agencies_dates_and_languages_match_the_demo_articles(outlet: str, demo_outlets: DemoOutlets,
                                                                              records: list[dict[str, Any]]) -> None:
    world = demo_outlets.world
    for record in (r for r in records if r["outlet"] == outlet):
        truth = _truth(world, record)
        assert record["title"] == _normalise_spaces(truth.title), record["url"]
        # the byline convention: every name the byline credits; the demo's bylines are persons or one agency
        assert record["authors"] == list(truth.authors or truth.agencies), record["url"]
        assert record["author_kinds"] == (["person"] * len(truth.authors) or ["agency"] * len(truth.agencies))
        assert record["agencies"] == list(truth.agencies), record["url"]
        assert record["language"] == truth.language, record["url"]
        # raw beside parsed; an offset when the page gives one, else the outlet's local time as printed
        assert parse_machine(record["date_published_raw"]) == record["date_published"], record["url"]
        published = datetime.fromisoformat(record["date_published"])
        if published.tzinfo is None:
            assert outlet == "demo-cms", record["url"]  # the one outlet that prints dates without an offset
            assert published == truth.published.astimezone(LOCAL_TIME).replace(tzinfo=None), record["url"]
        else:
            assert published == truth.published, record["url"]


@pytest.mark.parametrize(("outlet", "language"), [("demo-wp", "fr"), ("demo-cms", "fr"), ("demo-bilingue", "fr"),
                                                  ("demo-bilingue", "ar")])
def test_the_text_starts_with_the_first_paragraph_and_carries_no_byline(
        outlet: str, language: str, demo_outlets: DemoOutlets, records: list[dict[str, Any]]) -> None:
    world = demo_outlets.world
    chosen = [r for r in records if r["outlet"] == outlet and r["language"] == language]  # every one: crawl order varies
    assert chosen
    for record in chosen:
        truth = _truth(world, record)
        first = record["text"].split("\n")[0]
        assert first == _normalise_spaces(truth.paragraphs[0]), record["url"]
        assert not first.startswith(("Par ", "بقلم"))
        assert record["word_count"] == len(record["text"].split())


def test_the_summary_says_what_was_crawled_and_where(crawled: tuple[Path, str], records: list[dict[str, Any]]) -> None:
    store, stdout = crawled
    assert "outlets crawled    3 of 3" in stdout
    assert f"articles recorded  {len(records)}" in stdout
    assert f"WARC files         {len(list(store.glob('warc/**/*.warc.gz')))}  in {store / 'warc'}" in stdout
    assert f"record files       3  in {store / 'records'}" in stdout
    crawl_id = records[0]["crawl_id"]
    reports = sorted(p.name for p in (store / "runs" / crawl_id).iterdir())
    assert reports == sorted(["crawl.log", *(f"{o}.json" for o in OUTLET_IDS)])  # khabar crawl's log beside its reports


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    """What must not depend on the command that ran the crawl."""
    skip = {"crawl_id", "fetched_at", "warc"}
    out = {k: v for k, v in record.items() if k not in skip}
    out["extraction"] = {k: v for k, v in record["extraction"].items() if k != "extracted_at"}
    return out


@pytest.fixture(scope="module")
def scrapy_crawled(demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`scrapy crawl` of one outlet, with WARC files rotating at 64 KB."""
    store = tmp_path_factory.mktemp("scrapy-store")
    result = run([sys.executable, "-m", "scrapy", "crawl", "news", "-a", "outlet=demo-cms",
                  "-s", f"KHABAR_CATALOG_EXTRA={demo_outlets.catalog}", "-s", f"KHABAR_STORE_URI={store}",
                  "-s", "KHABAR_WARC_MAX_SIZE=65536"])
    assert result.returncode == 0, result.stderr[-3000:]
    # the console and the crawl log are khabar's: scrapy crawl logs as Scrapy does
    assert "[scrapy.core.engine] INFO: Spider opened" in result.stderr and not list(store.glob("runs/*/crawl.log*"))
    return store


def test_scrapy_crawl_names_its_crawl_too(scrapy_crawled: Path) -> None:
    import re

    [path] = list(scrapy_crawled.glob("records/**/*.jsonl.gz"))
    crawl_ids = {r["crawl_id"] for r in article_records(scrapy_crawled)}
    assert len(crawl_ids) == 1 and re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", crawl_ids.pop() or "")
    assert path.name == f"{article_records(scrapy_crawled)[0]['crawl_id']}.jsonl.gz"


def test_scrapy_crawl_and_khabar_crawl_produce_the_same_records(scrapy_crawled: Path, records: list[dict[str, Any]]) -> None:
    scrapy_records = sorted(map(_comparable, article_records(scrapy_crawled)), key=lambda r: r["url"])
    khabar_records = sorted((_comparable(r) for r in records if r["outlet"] == "demo-cms"), key=lambda r: r["url"])
    assert scrapy_records == khabar_records
    assert len(scrapy_records) >= 32


def test_warc_files_rotate_by_size_with_unique_names_and_links_that_still_resolve(scrapy_crawled: Path) -> None:
    files = sorted(scrapy_crawled.glob("warc/outlet=demo-cms/date=*/*.warc.gz"))
    assert len(files) >= 3 and len({f.name for f in files}) == len(files)
    for path in files:
        assert path.stat().st_size < 65536 + 40_000  # rotation happens at the first write past the limit
        with open(path, "rb") as handle:
            assert next(iter(ArchiveIterator(handle))).rec_type == "warcinfo"
    for record in article_records(scrapy_crawled):
        link = record["warc"]
        data = (scrapy_crawled / link["path"]).read_bytes()[link["offset"]:link["offset"] + link["length"]]
        [response] = list(ArchiveIterator(io.BytesIO(data)))
        assert response.rec_headers.get_header("WARC-Target-URI") == record["url"]
