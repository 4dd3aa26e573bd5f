"""Incremental crawls: a later run fetches only what is new or moved, with conditional requests."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.demo import DemoServer, DemoWorld
from crawler.storage import LocalStore
from crawler.storage.layout import jobs_dir
from tests.support.crawls import KHABAR, article_records, crawl_log, run
from tests.support.demo_outlets import serve_demo_outlets

OUTLET = "demo-wp"


def _crawl(catalog: Path, store: Path, *extra: str) -> Any:
    result = run([*KHABAR, "crawl", OUTLET, "--catalog-extra", str(catalog), "--store", str(store), *extra])
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return result


def _requests(server: DemoServer, start: int) -> list[Any]:
    return [e for e in server.wire_log[start:] if e.outlet_id == OUTLET]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("incremental")
    world = DemoWorld()
    store, catalog = tmp / "store", tmp / "demo.yaml"
    with serve_demo_outlets(catalog, world) as demo:
        logs, outputs = [], []
        before = {a.path: a.version for a in world.articles(OUTLET)}
        # 0: first run; 1: unchanged, an hour later (REST alone, robots.txt kept); 2: unchanged, the full
        # cascade due; 3: three days of news later (REST alone); 4: the full cascade, to find what 3 missed
        due = ("-s", "KHABAR_CASCADE_MAX_AGE=0", "-s", "KHABAR_ROBOTS_MAX_AGE=0")
        for step, extra in enumerate(((), (), due, (), due)):
            if step == 3:
                world.clock.advance(days=3)
            start = len(demo.server.wire_log)
            outputs.append(_crawl(catalog, store, *extra))
            logs.append(_requests(demo.server, start))
        after = {a.path: a.version for a in world.articles(OUTLET)}
    changed = {path for path, version in after.items() if before.get(path) != version}
    return {"logs": logs, "outputs": outputs, "changed": changed, "store": store, "before": before}


def _article_paths(entries: list[Any], articles: set[str]) -> list[str]:
    return [urlsplit(e.path).path for e in entries if urlsplit(e.path).path in articles]


def test_a_second_run_on_an_unchanged_outlet_fetches_no_article_body(runs: Any) -> None:
    second = runs["logs"][1]
    assert _article_paths(second, set(runs["before"])) == []
    # within a day of the full cascade, a WordPress outlet is asked through its REST API alone, for posts
    # modified after the newest one already seen; robots.txt is the copy kept by the first run
    assert [(e.path.split("?")[0], e.status) for e in second] == [("/wp-json/wp/v2/posts", 200)]
    (rest,) = second
    assert "modified_after=" in rest.path and gzip.decompress(rest.response_body).strip() == b"[]"
    assert "asking the WordPress REST API alone what changed" in crawl_log(runs["store"], runs["outputs"][1].stdout)


def test_when_the_full_cascade_is_due_unchanged_sources_answer_304(runs: Any) -> None:
    third = runs["logs"][2]
    assert _article_paths(third, set(runs["before"])) == []
    statuses = {e.path.split("?")[0]: e.status for e in third}
    # robots.txt fetched again; the catalog's feed and sitemap index and the REST query for posts modified
    # after the newest one seen (the very query of the run before) asked conditionally: unchanged, nothing to walk
    assert statuses == {"/robots.txt": 200, "/feed/": 304, "/wp-sitemap.xml": 304, "/wp-json/wp/v2/posts": 304}
    conditional = [e for e in third if e.path.split("?")[0] in ("/feed/", "/wp-sitemap.xml", "/wp-json/wp/v2/posts")]
    assert len(conditional) == 3 and all(b"If-None-Match: " in e.request_bytes for e in conditional)


def test_after_the_clock_moves_exactly_the_new_and_edited_articles_are_fetched(runs: Any) -> None:
    later = runs["logs"][3]
    fetched = _article_paths(later, set(runs["changed"]) | set(runs["before"]))
    assert sorted(fetched) == sorted(runs["changed"])
    assert len(runs["changed"]) >= 10  # 8 new articles, 3 edits on demo-wp
    assert not any(e.path.startswith(("/feed/", "/wp-sitemap")) for e in later)  # found through REST alone


def test_the_full_cascade_finds_nothing_the_rest_api_missed(runs: Any) -> None:
    last = runs["logs"][4]
    assert {e.path.split("?")[0] for e in last} >= {"/feed/", "/wp-sitemap.xml", "/wp-json/wp/v2/posts"}
    assert _article_paths(last, set(runs["changed"]) | set(runs["before"])) == []


def test_edited_articles_get_version_2_and_unchanged_ones_no_new_record(runs: Any) -> None:
    records = article_records(runs["store"])
    edited = {p for p in runs["changed"] if p in runs["before"]}
    by_path: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_path.setdefault(urlsplit(record["url"]).path, []).append(record)
    for path, versions in by_path.items():
        numbers = sorted(r["version"] for r in versions)
        assert numbers == ([1, 2] if path in edited else [1]), path
        if path in edited:
            v1, v2 = sorted(versions, key=lambda r: r["version"])
            assert v2["previous_text_digest"] == v1["text_digest"] != v2["text_digest"]


def test_resume_after_sigkill_refetches_nothing_already_archived(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import time

    from tests.support.crawls import ROOT

    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world) as demo:
        cmd = [*KHABAR, "crawl", "demo-cms", "--catalog-extra", str(catalog), "--store", str(store), "--resume",
               "-s", "CONCURRENT_REQUESTS=2", "-s", "DOWNLOAD_SLOTS={}", "-s", "DOWNLOAD_DELAY=0.05"]
        with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True) as process:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and sum(1 for e in demo.server.wire_log if e.path.startswith("/article/")) < 10:
                time.sleep(0.02)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        before_resume = len(demo.server.wire_log)
        assert jobs_dir(LocalStore(store), "demo-cms").is_dir()
        archived = _archived_paths(store)  # what the killed run had written, complete records only
        assert archived
        result = run(cmd)
        assert result.returncode == 0, result.stderr[-3000:]
        assert "] ERROR:" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-3000:]
        refetched = {e.path for e in demo.server.wire_log[before_resume:] if e.path.startswith("/article/")}
    assert not (refetched & archived), "the resumed run fetched again what was already archived"
    assert {urlsplit(r["url"]).path for r in article_records(store)} == {
        urlsplit(u).path for u in world.article_urls("demo-cms")}
    assert len(demo.server.wire_log) > before_resume
    assert not jobs_dir(LocalStore(store), "demo-cms").exists()  # a finished run clears its queue


def _archived_paths(store: Path) -> set[str]:
    import io

    from warcio.archiveiterator import ArchiveIterator

    from crawler.warc.members import scan_members

    paths = set()
    for path in store.glob("warc/**/*.warc.gz*"):
        with open(path, "rb") as handle:
            end = scan_members(handle).complete_end
            handle.seek(0)
            complete = io.BytesIO(handle.read(end))
        for record in ArchiveIterator(complete):
            if record.rec_type == "response":
                paths.add(urlsplit(record.rec_headers.get_header("WARC-Target-URI")).path)
    return {p for p in paths if p.startswith("/article/")}


def test_the_user_agent_names_khabar_and_the_operators_contact(tmp_path: Path) -> None:
    with serve_demo_outlets(tmp_path / "demo.yaml") as demo:
        _crawl(demo.catalog, tmp_path / "store", "--max-articles", "1",
               "-s", "KHABAR_CONTACT_URL=mailto:ops@example.org")
        agents = {line for e in demo.server.wire_log for line in e.request_bytes.split(b"\r\n") if line.startswith(b"User-Agent:")}
    assert agents == {b"User-Agent: Khabar/0.1.0 (archival news crawler; +mailto:ops@example.org)"}
