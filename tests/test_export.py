"""khabar export: a clean corpus by outlet, country, date and language; khabar dedup rebuild."""

from __future__ import annotations

import gzip
import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import DemoServer, DemoWorld
from crawler.demo.process import write_demo_catalog
from crawler.storage.layout import STATE_DIR
from tests.support.crawls import KHABAR, article_records, run


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    tmp = tmp_path_factory.mktemp("export")
    with DemoServer(DemoWorld()) as server:
        catalog = tmp / "demo.yaml"
        write_demo_catalog(server.base_urls, catalog)
        result = run([*KHABAR, "crawl", "demo-wp", "demo-bilingue", "--catalog-extra", str(catalog), "--store", str(tmp / "s")])
        assert result.returncode == 0, result.stderr[-3000:]
        reextracted = run([*KHABAR, "reextract", str(tmp / "s"), "--catalog-extra", str(catalog)])
        assert reextracted.returncode == 0, reextracted.stderr[-3000:]
        yield tmp / "s", catalog  # the server stays up: later crawls must see the same URLs


def _export(store: Path, out: Path, *args: str) -> list[dict[str, Any]]:
    result = run([*KHABAR, "export", str(store), "--out", str(out), *args])
    assert result.returncode == 0, result.stderr[-3000:]
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_one_record_per_article_the_newest_extraction_winning(store: Any, tmp_path: Path) -> None:
    records = _export(store[0], tmp_path / "all.jsonl.gz")
    assert len(article_records(store[0])) == 2 * len(records)  # the crawl's records and the re-extraction's
    assert len({r["id"] for r in records}) == len(records) == 37 + 39
    assert all("reextract-" in r["extraction"]["version"] for r in records)


def test_filters_by_outlet_country_language_and_publication_day(store: Any, tmp_path: Path) -> None:
    arabic = _export(store[0], tmp_path / "ar.jsonl.gz", "--lang", "ar")
    assert arabic and {r["language"] for r in arabic} == {"ar"} and {r["outlet"] for r in arabic} == {"demo-bilingue"}
    mali = _export(store[0], tmp_path / "ml.jsonl.gz", "--country", "ml")
    assert {r["outlet"] for r in mali} == {"demo-wp"} and len(mali) == 37
    days = sorted(r["date_published"][:10] for r in mali)
    recent = _export(store[0], tmp_path / "recent.jsonl.gz", "--outlet", "demo-wp", "--since", days[20])
    assert sorted(r["date_published"][:10] for r in recent) == [d for d in days if d >= days[20]]


def test_later_copies_of_a_story_are_left_out_unless_asked_for(store: Any, tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(store[0], copy)
    path = sorted(copy.glob("records/outlet=demo-wp/**/reextract-*.jsonl.gz"))[0]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    lines[1]["duplicate_of"] = lines[0]["id"]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    kept = {r["id"] for r in _export(copy, tmp_path / "a.jsonl.gz", "--outlet", "demo-wp")}
    assert lines[1]["id"] not in kept and lines[0]["id"] in kept
    assert lines[1]["id"] in {r["id"] for r in _export(copy, tmp_path / "b.jsonl.gz", "--outlet", "demo-wp",
                                                         "--keep-duplicates")}


def test_dedup_rebuild_restores_revisits_after_the_state_folder_is_lost(store: Any, tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(store[0], copy)
    shutil.rmtree(copy / STATE_DIR)
    rebuilt = run([*KHABAR, "dedup", "rebuild", str(copy)])
    # the crawl's two WARC files and the two holding the re-extraction's links (no responses); the responses are
    # demo-wp's 123 and demo-bilingue's 73 (pages and their requisites: 43 and 44 pages)
    assert rebuilt.returncode == 0 and "Indexed 196 responses from 4 WARC files." in rebuilt.stdout, rebuilt.stdout
    before = set(copy.glob("warc/**/*.warc.gz"))
    result = run([*KHABAR, "crawl", "demo-wp", "--catalog-extra", str(store[1]), "--store", str(copy), "--full"])
    assert result.returncode == 0, result.stderr[-3000:]
    types: Counter[str] = Counter()
    for path in set(copy.glob("warc/**/*.warc.gz")) - before:
        with open(path, "rb") as handle:
            types.update(r.rec_type for r in ArchiveIterator(handle))
    assert types["response"] == 0 and types["revisit"] > 30
