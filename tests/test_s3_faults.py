"""The S3 store going away mid-crawl: the crawl goes on, nothing captured is lost, and every file ends up in
the bucket byte for byte, through the run's own retries or through ``khabar store sync`` afterwards.

SeaweedFS is killed (SIGKILL) while a demo crawl writes 64 KB WARC files, then started again on the
same ports and data folder. Every file the crawl published is also hard-linked into a "kept" folder
(``KHABAR_SPOOL_KEEP_DIR``) before its upload, so the bucket is compared with the bytes as written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from crawler.storage.layout import is_state_key
from tests.support.demo_outlets import DemoOutlets
from tests.support.seaweed import Running, SeaweedFS, khabar

PREFIX = "faults"


def _kept(kept: Path) -> dict[str, bytes]:
    return {p.relative_to(kept).as_posix(): p.read_bytes() for p in sorted(kept.rglob("*")) if p.is_file()}


def _count(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def _spooled(spool: Path) -> list[str]:
    return [p.relative_to(spool).as_posix() for p in sorted(spool.rglob("*"))
            if p.is_file() and not is_state_key(p.relative_to(spool).as_posix())]


def _wait_for(condition: Callable[[], bool], crawl: Running, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if crawl.process.poll() is not None:
            result = crawl.finish()
            raise AssertionError(f"the crawl ended (exit {result.returncode}) before {what}:\n"
                                 f"{result.stdout}{result.stderr[-3000:]}")
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _start_crawl(seaweed: SeaweedFS, catalog: Path, work: Path, bucket: str, *outlets: str,
                 **settings: str) -> Running:
    env = seaweed.env(work / "spool") | {"KHABAR_SPOOL_KEEP_DIR": str(work / "kept"), **settings}
    return Running("crawl", *outlets, "--catalog-extra", str(catalog), "--store", f"s3://{bucket}/{PREFIX}",
                   "-s", "KHABAR_WARC_MAX_SIZE=65536", env=env)


def test_a_store_killed_and_restarted_mid_crawl_gets_every_file_from_the_runs_retries(
        seaweed: SeaweedFS, demo_outlets: DemoOutlets, tmp_path: Path) -> None:
    bucket = seaweed.new_bucket("restart")
    crawl = _start_crawl(seaweed, demo_outlets.catalog, tmp_path, bucket, "demo-wp", "demo-cms", "demo-bilingue",
                         KHABAR_S3_RETRY_MAX_DELAY="2", KHABAR_S3_DRAIN_TIMEOUT="90")
    kept = tmp_path / "kept"
    _wait_for(lambda: _count(kept) >= 3, crawl, "the crawl published 3 files")
    seaweed.stop(kill=True)
    at_kill = _count(kept)
    _wait_for(lambda: _count(kept) >= at_kill + 3 or crawl.process.poll() is not None, crawl,
              "more files were published while the store was down")
    seaweed.start()
    result = crawl.finish(timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "failed" in result.stderr and "the file stays in the spool" in result.stderr  # the outage was felt
    files = _kept(kept)
    assert len(files) > at_kill >= 3
    assert seaweed.objects(bucket, PREFIX) == files  # every key, byte for byte
    assert _spooled(tmp_path / "spool" / bucket / PREFIX) == []
    assert "spool" in result.stdout and "empty" in result.stdout
    verify = khabar("verify", f"s3://{bucket}/{PREFIX}", env=seaweed.env(tmp_path / "spool"))
    assert verify.returncode == 0, verify.stdout + verify.stderr[-3000:]
    assert f"OK: 0 faults in s3://{bucket}/{PREFIX}" in verify.stdout


def test_files_still_spooled_when_the_crawl_ends_are_reported_then_pushed_by_store_sync(
        seaweed: SeaweedFS, demo_outlets: DemoOutlets, tmp_path: Path) -> None:
    bucket = seaweed.new_bucket("sync")
    uri = f"s3://{bucket}/{PREFIX}"
    crawl = _start_crawl(seaweed, demo_outlets.catalog, tmp_path, bucket, "demo-cms",
                         KHABAR_S3_RETRY_MAX_DELAY="1", KHABAR_S3_DRAIN_TIMEOUT="2")
    kept, spool = tmp_path / "kept", tmp_path / "spool" / bucket / PREFIX
    _wait_for(lambda: _count(kept) >= 2, crawl, "the crawl published 2 files")
    seaweed.stop(kill=True)
    try:
        result = crawl.finish(timeout=180)
        assert result.returncode == 4, result.stdout + result.stderr[-4000:]
        spooled = _spooled(spool)
        assert spooled, "the store was down at the end: files must still be in the spool"
        assert f"still spooled      {len(spooled)} files in {spool}" in result.stdout
        assert f"nothing is lost: the next run uploads them, or now: khabar store sync --store {uri}" in result.stdout
        env = seaweed.env(tmp_path / "spool")
        down = khabar("store", "sync", "--store", uri, env=env)
        assert down.returncode == 1
        assert f"Error: cannot reach the S3 endpoint {seaweed.endpoint} while opening the store" in down.stderr
        assert _spooled(spool) == spooled
    finally:
        seaweed.start()
    synced = khabar("store", "sync", "--store", uri, env=seaweed.env(tmp_path / "spool"))
    assert synced.returncode == 0, synced.stderr[-3000:]
    assert f"spool {spool} is empty: every file is in {uri}" in synced.stdout
    assert _spooled(spool) == []
    assert seaweed.objects(bucket, PREFIX) == _kept(kept)
    verify = khabar("verify", uri, env=seaweed.env(tmp_path / "spool"))
    assert verify.returncode == 0 and f"OK: 0 faults in {uri}" in verify.stdout, verify.stdout + verify.stderr[-3000:]
