"""Crash recovery: a crawl killed with SIGKILL, its recovery killed at every step, then finished.

Every article ends up recorded exactly once, every record is linked from the WARC side, and
``khabar verify`` passes; verify reads an unfinished record file and refuses a missing store.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.demo import DemoWorld
from crawler.warc.recovery import PAUSE_ENV, PAUSE_STEPS
from tests.support.crawls import KHABAR, ROOT, article_records, run, warc_records
from tests.support.demo_outlets import serve_demo_outlets

OUTLET = "demo-cms"


def _crawl_cmd(catalog: Path, store: Path) -> list[str]:
    return [*KHABAR, "crawl", OUTLET, "--catalog-extra", str(catalog), "--store", str(store), "--resume",
            "-s", "CONCURRENT_REQUESTS=8", "-s", "DOWNLOAD_SLOTS={}", "-s", "DOWNLOAD_DELAY=0",
            "-s", "KHABAR_WARC_MAX_SIZE=4096"]  # a file per page: a kill leaves finished files unrecorded


def _kill_when(cmd: list[str], ready: object, log: Path, env: dict[str, str] | None = None) -> None:
    """Start a crawl, SIGKILL its process group as soon as ``ready()`` is true (at most 60 s)."""
    with open(log, "wb") as err, subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                                  start_new_session=True, env={**os.environ, **(env or {})}) as process:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None and not ready():  # type: ignore[operator]
            time.sleep(0.01)
        assert process.poll() is None, f"the crawl ended before it could be killed:\n{log.read_text()[-3000:]}"
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _unrecorded_captures(store: Path) -> dict[str, str]:
    """Article responses in the WARCs (complete records, unfinished files too) that no record names: id -> file."""
    responses = {record.rec_headers.get_header("WARC-Record-ID"): path.name for path, record, _ in _all_records(store)
                 if record.rec_type == "response" and "/article/" in record.rec_headers.get_header("WARC-Target-URI")}
    recorded = {r["warc"]["record_id"] for r in _all_article_records(store)}
    return {capture: name for capture, name in responses.items() if capture not in recorded}


def _archived_whole(store: Path) -> set[str]:
    """Paths of the pages whose response and request records are in the store (unfinished files too)."""
    records = [record for _, record, _ in _all_records(store)]
    requested = {r.rec_headers.get_header("WARC-Concurrent-To") for r in records if r.rec_type == "request"}
    return {urlsplit(r.rec_headers.get_header("WARC-Target-URI")).path for r in records
            if r.rec_type == "response" and r.rec_headers.get_header("WARC-Record-ID") in requested}


def _all_records(store: Path) -> list[tuple[Path, Any, bytes]]:
    copy = store.parent / "complete-copy"
    shutil.rmtree(copy, ignore_errors=True)
    for path in store.glob("warc/**/*.warc.gz*"):
        if path.name.endswith((".warc.gz", ".warc.gz.open")):
            target = copy / "warc" / path.relative_to(store / "warc").as_posix().replace(".open", ".unfinished.warc.gz")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_complete_members(path))
    return warc_records(copy)


def _all_article_records(store: Path) -> list[dict[str, object]]:
    import json

    out = []
    for path in store.glob("records/**/*.jsonl.gz*"):
        out += [json.loads(line) for line in gzip.decompress(_complete_members(path)).decode().splitlines()]
    return out


def _complete_members(path: Path) -> bytes:
    from crawler.warc.members import scan_members

    with open(path, "rb") as handle:
        end = scan_members(handle).complete_end
        handle.seek(0)
        return handle.read(end)


def test_a_kill_at_every_step_of_recovery_loses_no_article_and_records_none_twice(tmp_path: Path) -> None:
    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world) as demo:
        cmd = _crawl_cmd(catalog, store)
        _kill_when(cmd, lambda: sum(e.path.startswith("/article/") for e in demo.server.wire_log) >= 12, tmp_path / "crawl.log")
        unrecorded = _unrecorded_captures(store)
        assert any(not name.endswith(".unfinished.warc.gz") for name in unrecorded.values()), \
            "the kill should leave finished WARC files with articles not yet recorded"
        for step in PAUSE_STEPS:
            log = tmp_path / f"recovery-{step}.log"
            _kill_when(cmd, lambda log=log, step=step: f"recovery paused at {step}" in log.read_text(), log,
                       {PAUSE_ENV: step})
        fetched_before_the_end, archived = len(demo.server.wire_log), _archived_whole(store)
        result = run(cmd)
        assert result.returncode == 0, result.stderr[-3000:]
        refetched = {e.path for e in demo.server.wire_log[fetched_before_the_end:] if e.path.startswith("/article/")}
        expected = {urlsplit(u).path for u in world.article_urls(OUTLET)}
    assert not list(store.glob("**/*.open"))
    recorded = Counter(urlsplit(str(r["url"])).path for r in article_records(store))
    assert set(recorded) == expected
    assert [path for path, count in recorded.items() if count > 1] == []
    assert archived and not refetched & archived, "the final run fetched again what was archived whole"
    verified = run([*KHABAR, "verify", str(store)])
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK: 0 faults" in verified.stdout


def test_verify_reads_an_unfinished_record_file_from_its_first_record(tmp_path: Path) -> None:
    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world):
        assert run(_crawl_cmd(catalog, store)).returncode == 0
    record_file = next(store.glob("records/**/*.jsonl.gz"))
    data = record_file.read_bytes()
    record_file.rename(record_file.with_name(record_file.name + ".open"))
    record_file.with_name(record_file.name + ".open").write_bytes(data + gzip.compress(b'{"id": "cut"}\n')[:20])
    verified = run([*KHABAR, "verify", str(store)])
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK: 0 faults" in verified.stdout
    assert "unfinished" in verified.stdout


def test_archive_commands_refuse_a_missing_store_folder_and_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "store"
    for command in (["verify", str(missing)], ["reextract", str(missing)], ["export", str(missing), "--out",
                    str(tmp_path / "out.jsonl.gz")], ["wacz", str(missing), "--out", str(tmp_path / "out.wacz")],
                    ["dedup", "rebuild", str(missing)], ["replay", str(missing)], ["status", str(missing)]):
        result = run([*KHABAR, *command])
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert f"Error: no archive at {missing}: the path does not exist." in result.stderr, (command, result.stderr)
    assert not (tmp_path / "no").exists()


def test_recovery_cuts_a_last_response_whose_request_the_kill_lost(tmp_path: Path) -> None:
    from crawler.archive.verify import verify_store
    from crawler.storage import LocalStore
    from crawler.storage.layout import dedup_db
    from crawler.warc.builder import RecordFactory, warc_date
    from crawler.warc.dedup import open_dedup_index
    from crawler.warc.exchange import split_message
    from crawler.warc.recovery import recover_store
    from crawler.warc.writer import gzip_member, serialise

    factory, store = RecordFactory(), LocalStore(tmp_path / "store")
    folder = store.root / "warc/outlet=demo-cms/date=2026-12-03"
    folder.mkdir(parents=True)
    members = [gzip_member(serialise(factory.warcinfo("a.warc.gz", {"isPartOf": "demo-cms"})), 6)]
    for page in ("kept", "cut"):
        url, date = f"http://127.0.0.12/article/{page}.html", warc_date(factory.clock())
        response = factory.http_record("response", url, split_message(b"HTTP/1.1 200 OK\r\n\r\n<p>page</p>"), date, {})
        request = factory.http_record("request", url, split_message(b"GET / HTTP/1.1\r\n\r\n"), date,
                                      {"WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")})
        members += [gzip_member(serialise(response), 6)] + ([gzip_member(serialise(request), 6)] if page == "kept" else [])
    (folder / "a.warc.gz.open").write_bytes(b"".join(members))
    dedup = open_dedup_index("", dedup_db(store))
    assert recover_store(store, dedup) == ["warc/outlet=demo-cms/date=2026-12-03/a.warc.gz"]
    dedup.close()
    assert (folder / "a.warc.gz").read_bytes() == b"".join(members[:3])
    assert verify_store(store).faults == []


def test_resume_goes_on_when_a_kill_left_an_empty_request_queue_file(tmp_path: Path) -> None:
    """A kill while Scrapy creates a disk queue leaves a file without its header: resuming must not hang on it."""
    from scrapy.pqueues import _path_safe

    from crawler.storage import LocalStore
    from crawler.storage.layout import jobs_dir

    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    empty = jobs_dir(LocalStore(store), OUTLET) / "requests.queue" / _path_safe("127.0.0.12") / "0"
    empty.parent.mkdir(parents=True)
    empty.write_bytes(b"")
    with serve_demo_outlets(catalog, world):
        result = run(_crawl_cmd(catalog, store), timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert {urlsplit(str(r["url"])).path for r in article_records(store)} == {
        urlsplit(u).path for u in world.article_urls(OUTLET)}
