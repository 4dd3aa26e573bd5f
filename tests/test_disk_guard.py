"""The disk guard: below KHABAR_MIN_FREE_SPACE on the store's filesystem a crawl stops scheduling, finishes what
is in flight, closes its files normally, records what it fetched, posts ``disk_low`` to the webhook and exits 9
with one error naming the filesystem, its free space and the setting; the same command with --resume then
completes the archive without fetching again anything the first run kept (verify: 0 faults).

The free space is the fault-injection hook's, ``KHABAR_TEST_FREE_SPACE_BYTES``: this many bytes free at the
start, less every byte the crawl appends to its WARC and record files.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from crawler.cli import main
from crawler.demo import DemoWorld
from crawler.errors import ConfigInvalid, ExitCode
from crawler.run.disk_guard import MinFreeSpace, free_space_shortfall
from crawler.run.settings import khabar_settings
from crawler.storage import space
from crawler.storage.space import FREE_SPACE_BYTES_ENV, filesystem_of
from crawler.storage.unfinished import OPEN_SUFFIX
from tests.support.crawls import KHABAR, article_records, run
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.webhook import Webhook

OUTLET = "demo-wp"
ROTATE = ("-s", "KHABAR_WARC_MAX_SIZE=60000")  # small WARC files: the guard also looks before each new one


def _crawl(catalog: Path, store: Path, *extra: str, env: dict[str, str] | None = None) -> Any:
    return run([*KHABAR, "crawl", OUTLET, "--catalog-extra", str(catalog), "--store", str(store), "--resume",
                *ROTATE, *extra], env=env)


def _report(store: Path, crawl_id: str) -> dict[str, Any]:
    return dict(json.loads((store / "runs" / crawl_id / f"{OUTLET}.json").read_text()))


def _crawl_id(stdout: str) -> str:
    return stdout.split("Khabar crawl ", 1)[1].split()[0]


def _fetched(store: Path, report: dict[str, Any]) -> set[str]:
    """The URLs of every request a run's WARC files hold."""
    urls = set()
    for key in report["warc_files"]:
        with open(store / key, "rb") as handle:
            urls |= {r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle) if r.rec_type == "request"}
    return urls


def _verified(store: Path) -> str:
    result = run([*KHABAR, "verify", str(store)])
    assert result.returncode == 0 and "OK: 0 faults" in result.stdout, result.stdout[-3000:]
    assert "unfinished" not in result.stdout
    return str(result.stdout)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("guard")
    world, store, catalog = DemoWorld(), tmp / "store", tmp / "demo.yaml"
    with serve_demo_outlets(catalog, world), Webhook() as webhook:
        stopped = _crawl(catalog, store, "-s", "KHABAR_MIN_FREE_SPACE=1000000", "-s", "KHABAR_DISK_GUARD_INTERVAL=0.5",
                         "-s", f"KHABAR_ALERT_WEBHOOK={webhook.base_url}/alerts",
                         env={FREE_SPACE_BYTES_ENV: "1100000"})  # trips after about 100 kB of the ~600 kB
        first = {"open": sorted(store.glob(f"**/*{OPEN_SUFFIX}")), "records": article_records(store),
                 "verify": _verified(store)}
        resumed = _crawl(catalog, store)
        articles = world.article_urls(OUTLET)
    return {"store": store, "stopped": stopped, "resumed": resumed, "first": first, "posts": webhook.posts,
            "articles": articles}


def test_the_guard_stops_the_crawl_softly_with_exit_9_and_one_error(guarded: dict[str, Any]) -> None:
    stopped, store = guarded["stopped"], guarded["store"]
    assert stopped.returncode == ExitCode.LOW_DISK == 9, stopped.stdout + stopped.stderr[-3000:]
    mount = filesystem_of(store).mount
    (error,) = [line for line in stopped.stderr.splitlines() if "] ERROR:" in line]
    assert f"[crawler.run.disk_guard] ERROR: free space is low on the filesystem of the store ({store}): {mount} " in error
    assert "below KHABAR_MIN_FREE_SPACE='1000000' (976.6 KiB on this filesystem). " in error
    assert f"Free space on {mount}, or lower KHABAR_MIN_FREE_SPACE, then run the same command with --resume" in error
    assert f"STOPPED: low disk space ({OUTLET})" in stopped.stdout
    assert "Error: free space is low on the filesystem of the store" in stopped.stdout and "Traceback" not in stopped.stderr
    report = _report(store, _crawl_id(stopped.stdout))
    assert report["finish_reason"] == "low_disk"
    recorded = len(guarded["first"]["records"])
    assert 0 < report["articles_recorded"] == recorded < len(guarded["articles"])  # stopped short, kept what it had
    assert guarded["first"]["open"] == []  # every file closed normally: nothing left for a recovery


def test_the_guard_posts_disk_low_to_the_webhook(guarded: dict[str, Any]) -> None:
    ((path, alert),) = guarded["posts"]  # and no second alert for the outlet it stopped
    report = _report(guarded["store"], _crawl_id(guarded["stopped"].stdout))
    assert path == "/alerts" and alert["event"] == "disk_low" and alert["outlet"] == OUTLET
    assert alert["crawl_id"] == report["crawl_id"] and alert["mount"] == str(filesystem_of(guarded["store"]).mount)
    assert 0 <= alert["free_bytes"] < 1_000_000
    assert alert["message"] in report["warnings"]


def test_a_resume_completes_the_archive_and_fetches_nothing_the_stopped_run_kept(guarded: dict[str, Any]) -> None:
    resumed, store = guarded["resumed"], guarded["store"]
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr[-3000:]
    kept = {record["url"] for record in guarded["first"]["records"]}
    fetched_again = _fetched(store, _report(store, _crawl_id(resumed.stdout)))
    assert fetched_again and not kept & fetched_again
    assert Counter(record["url"] for record in article_records(store)) == Counter(guarded["articles"])
    _verified(store)


@pytest.mark.parametrize(("value", "size", "expected"), [
    ("1GiB or 2%", 10 * 2**30, int(10 * 2**30 * 0.02)),   # a small disk: 2 %
    ("1GiB or 2%", 1000 * 2**30, 2**30),                 # a large one: 1 GiB
    ("500MB", 10**12, 500 * 10**6),
    ("5%", 10**9, 5 * 10**7),
    ("2 gb or 1.5 %", 10**12, 2 * 10**9),
    ("123", 10**9, 123),
    ("0", 10**9, 0),
])
def test_min_free_space_takes_sizes_percentages_and_the_smallest(value: str, size: int, expected: int) -> None:
    assert MinFreeSpace.parse(value).bytes_for(size) == expected


@pytest.mark.parametrize("value", ["lots", "5 %%", "120%", "2GB and 1%", "-1GB"])
def test_a_bad_min_free_space_says_what_is_allowed(value: str) -> None:
    with pytest.raises(ConfigInvalid, match=r"is neither a size \(500MB, 2GiB, a number of bytes\) nor a percentage"):
        MinFreeSpace.parse(value)


def test_free_space_shortfall_answers_for_a_folder_and_an_s3_spool_without_connecting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FREE_SPACE_BYTES_ENV, "5000")
    monkeypatch.setattr(space, "_INJECTED", space._InjectedLimit(None))  # noqa: SLF001 -- nothing appended yet
    folder = {"KHABAR_STORE_URI": str(tmp_path / "store")}
    message = free_space_shortfall(khabar_settings({**folder, "KHABAR_MIN_FREE_SPACE": "1MB"}, environ={}))
    assert message is not None and message.startswith(
        f"free space is low on the filesystem of the store ({tmp_path / 'store'}): {filesystem_of(tmp_path).mount}")
    assert "4.9 KiB free of " in message and "below KHABAR_MIN_FREE_SPACE='1MB' (976.6 KiB on this filesystem)" in message
    assert free_space_shortfall(khabar_settings({**folder, "KHABAR_MIN_FREE_SPACE": "4KB"}, environ={})) is None
    assert free_space_shortfall(khabar_settings({**folder, "KHABAR_MIN_FREE_SPACE": "0"}, environ={})) is None
    s3 = {"KHABAR_STORE_URI": "s3://khabar-test/v1", "KHABAR_SPOOL_DIR": str(tmp_path / "spool"),
          "KHABAR_MIN_FREE_SPACE": "1MB"}
    message = free_space_shortfall(khabar_settings(s3, environ={}))
    assert message is not None and f"({tmp_path / 'spool' / 'khabar-test' / 'v1'})" in message
    assert not (tmp_path / "spool").exists()  # the S3 spool is only named, not made


def test_status_shows_the_disk_state_and_check_flags_a_low_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FREE_SPACE_BYTES_ENV, "5000")
    monkeypatch.setattr(space, "_INJECTED", space._InjectedLimit(None))  # noqa: SLF001 -- nothing appended yet
    mount = filesystem_of(tmp_path).mount
    low = CliRunner().invoke(main, ["status", str(tmp_path), "--json", "--check", "-s", "KHABAR_MIN_FREE_SPACE=1MB"])
    assert low.exit_code == ExitCode.NEEDS_ATTENTION, low.output
    disk = json.loads(low.stdout)["disk"]
    assert (disk["path"], disk["mount"], disk["free_bytes"], disk["min_free_bytes"], disk["low"]) == (
        str(tmp_path), str(mount), 5000, 1_000_000, True)
    text = CliRunner().invoke(main, ["status", str(tmp_path), "-s", "KHABAR_MIN_FREE_SPACE=1MB"]).stdout
    assert text.splitlines()[-1].startswith(f"LOW DISK: free space is low on the filesystem of the store ({tmp_path})")
    fine = CliRunner().invoke(main, ["status", str(tmp_path), "--json", "--check", "-s", "KHABAR_MIN_FREE_SPACE=4KB"])
    assert fine.exit_code == 0 and json.loads(fine.stdout)["disk"]["low"] is False
