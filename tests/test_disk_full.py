"""A store whose filesystem fills up mid-crawl: the crawl stops with exit code 5 and one error naming the
filesystem, no file under a final name is damaged, nothing archived is marked done without its record, and
the same command with --resume, once space is freed, completes the archive (verify: 0 faults, every article
recorded exactly once).

The disk fills either for real (a small tmpfs, when this process may mount one) or through the writers'
fault-injection hook ``KHABAR_TEST_ENOSPC_AFTER_BYTES`` (everywhere).
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import DemoWorld
from crawler.errors import DiskFull, ExitCode
from crawler.storage import space
from crawler.storage.space import ENOSPC_AFTER_BYTES_ENV, filesystem_of
from crawler.storage.unfinished import OPEN_SUFFIX
from crawler.warc.builder import RecordFactory
from crawler.warc.members import scan_members
from crawler.warc.writer import RotatingWarcWriter, WarcFileSpec
from tests.support.crawls import KHABAR, article_records, run
from tests.support.demo_outlets import serve_demo_outlets

OUTLET = "demo-wp"


def _crawl(catalog: Path, store: Path, *extra: str, env: dict[str, str] | None = None) -> Any:
    return run([*KHABAR, "crawl", OUTLET, "--catalog-extra", str(catalog), "--store", str(store), *extra], env=env)


def _verify(store: Path) -> Any:
    return run([*KHABAR, "verify", str(store)])


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "] ERROR:" in line]


def _assert_stopped_cleanly(result: Any, store: Path, mount: Path) -> None:
    """Exit 5, one error line (ours) naming the filesystem and the next step, no traceback, no damaged file."""
    output = result.stdout + result.stderr[-3000:]
    assert result.returncode == ExitCode.DISK_FULL, output
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    (error,) = _error_lines(result.stderr)
    assert "[crawler.run.disk_full] ERROR: the filesystem of the store is full: writing " in error
    assert f"Free space on {mount}, then run the same command with --resume." in error
    assert f"STOPPED: disk full ({OUTLET})" in result.stdout
    assert f"Error: the filesystem of the store is full: writing {store}/" in result.stdout
    _assert_no_damaged_file(store)
    verified = _verify(store)
    assert verified.returncode == 0 and "OK: 0 faults" in verified.stdout, verified.stdout[-3000:]
    assert "unfinished" in verified.stdout  # the crawl's files are left .open for the next run


def _assert_no_damaged_file(store: Path) -> None:
    """Every finished WARC reads to its end; every unfinished file holds whole gzip members only (or none)."""
    finished = sorted(store.glob("warc/**/*.warc.gz"))
    for path in finished:
        with open(path, "rb") as handle:
            assert sum(1 for _ in ArchiveIterator(handle)) > 0, path
    for path in sorted(store.glob(f"**/*{OPEN_SUFFIX}")):
        with open(path, "rb") as handle:
            scan = scan_members(handle)
        assert not scan.truncated and (scan.members > 0 or scan.size == 0), (path, scan)  # empty: recovery removes it


def _assert_resumed_completely(result: Any, store: Path, world: DemoWorld) -> None:
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert _error_lines(result.stderr) == [] and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert not list(store.glob(f"**/*{OPEN_SUFFIX}"))
    verified = _verify(store)
    assert verified.returncode == 0 and "OK: 0 faults" in verified.stdout, verified.stdout[-3000:]
    assert "unfinished" not in verified.stdout
    recorded = Counter(record["url"] for record in article_records(store))
    assert recorded == Counter(world.article_urls(OUTLET))  # every article, exactly once


@pytest.mark.parametrize(("limit", "settings"), [
    (150_000, ()),
    (430_000, ("-s", "KHABAR_WARC_MAX_SIZE=60000")),
], ids=["a WARC write fails", "a record write fails, WARC files rotating"])
def test_a_store_that_fills_mid_crawl_stops_with_code_5_and_resume_completes_it(
        tmp_path: Path, limit: int, settings: tuple[str, ...]) -> None:
    """Through the fault-injection hook: ENOSPC once the crawl has appended ``limit`` bytes to WARC and record
    files (the demo outlet's crawl writes about 550 kB; 150 kB fails a WARC write first, 430 kB a record write,
    while pages whose record failed sit in WARC files already rotated out and finished)."""
    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world):
        stopped = _crawl(catalog, store, "--resume", *settings, env={ENOSPC_AFTER_BYTES_ENV: str(limit)})
        _assert_stopped_cleanly(stopped, store, filesystem_of(store).mount)
        resumed = _crawl(catalog, store, "--resume", *settings)
    _assert_resumed_completely(resumed, store, world)


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 600 KiB tmpfs (the demo outlet's crawl needs about 1 MB with its state), unmounted after the test."""
    mount = tmp_path / "small"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'not permitted'}); "
                    "the fault-injection test covers the same path")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_real_full_filesystem_stops_the_crawl_and_resume_after_freeing_space_completes_it(
        small_filesystem: Path, tmp_path: Path) -> None:
    world = DemoWorld()
    store, catalog = small_filesystem / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world):
        stopped = _crawl(catalog, store, "-s", "KHABAR_MIN_FREE_SPACE=0")  # the hard stop, not the disk guard's
        _assert_stopped_cleanly(stopped, store, small_filesystem)
        assert "(tmpfs)" in _error_lines(stopped.stderr)[0]
        subprocess.run(["mount", "-o", "remount,size=64m", str(small_filesystem)], check=True)  # space freed
        resumed = _crawl(catalog, store, "--resume")
    _assert_resumed_completely(resumed, store, world)


def test_a_failed_append_is_cut_back_and_the_file_stays_unfinished(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    factory = RecordFactory()
    writer = RotatingWarcWriter(WarcFileSpec(tmp_path, "test"), factory, {"software": "test"})
    monkeypatch.setattr(space, "_INJECTED", space._InjectedLimit(3000))  # noqa: SLF001 -- the test hook itself
    written = []
    with pytest.raises(DiskFull) as raised:
        for _ in range(100):
            body = os.urandom(640)  # bytes that do not deflate
            written += writer.write([factory.blob_record("resource", "urn:test", body, "text/plain", {})])
    assert written and "Free space on " in str(raised.value)
    with pytest.raises(DiskFull):  # nothing more is attempted
        writer.write([factory.blob_record("resource", "urn:test", b"x", "text/plain", {})])
    writer.close()
    (path,) = tmp_path.iterdir()
    assert path.name.endswith(".warc.gz" + OPEN_SUFFIX)  # never renamed to a finished name
    with open(path, "rb") as handle:
        scan = scan_members(handle)
        handle.seek(0)
        ids = [r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(handle) if r.rec_type == "resource"]
    assert not scan.truncated and scan.size == written[-1].offset + written[-1].length
    assert ids == [location.record_id for location in written]
    assert os.path.getsize(path) <= 3000


def test_a_disk_that_fills_again_during_recovery_stops_it_and_the_next_resume_completes_it(tmp_path: Path) -> None:
    """The resume after a full disk starts by recovering the stopped crawl's files (recording the articles they
    hold, linking them, finishing the files); when the disk fills again during that recovery, the resume stops
    the same way (exit 5, one error, nothing damaged), and the resume after it completes the archive."""
    world = DemoWorld()
    store, catalog = tmp_path / "store", tmp_path / "demo.yaml"
    with serve_demo_outlets(catalog, world):
        _assert_stopped_cleanly(_crawl(catalog, store, "--resume", env={ENOSPC_AFTER_BYTES_ENV: "150000"}),
                                store, filesystem_of(store).mount)
        again = _crawl(catalog, store, "--resume", env={ENOSPC_AFTER_BYTES_ENV: "2000"})  # its first record file
        _assert_stopped_cleanly(again, store, filesystem_of(store).mount)
        resumed = _crawl(catalog, store, "--resume")
    _assert_resumed_completely(resumed, store, world)
