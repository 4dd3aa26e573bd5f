"""One crawl of an outlet at a time on one store: the outlet lock (D6)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.errors import ExitCode, OutletBusy
from crawler.run.outlet_lock import LockHolder, OutletLock, holder
from tests.support.crawls import KHABAR, ROOT
from tests.support.running import archived_responses, lock_holder, wait_for
from tests.support.slow_outlet import SlowOutlet


def _holder(pid: int = 4242, crawl_id: str = "20261203T101500Z-abc123") -> LockHolder:
    return LockHolder(outlet="lente", host="crawler-1", pid=pid, crawl_id=crawl_id, since="2026-12-03T10:15:00+00:00",
                      command="khabar crawl lente")


def test_a_second_holder_is_told_who_holds_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "state" / "locks" / "lente.lock"
    with OutletLock(path, _holder()):
        assert holder(path) == _holder()
        with pytest.raises(OutletBusy) as busy:
            OutletLock(path, _holder(pid=9999)).acquire()
        assert str(busy.value).startswith(
            "outlet lente is being crawled by pid 4242 on crawler-1 since 2026-12-03T10:15:00+00:00 "
            "(crawl id 20261203T101500Z-abc123); wait for it to finish or stop it")
        assert busy.value.exit_code == ExitCode.OUTLET_BUSY
    assert holder(path) is None
    with OutletLock(path, _holder(pid=9999)) as second:
        assert second.held and holder(path) == _holder(pid=9999)


def _crawl(site: SlowOutlet, tmp_path: Path, name: str, *extra: str) -> subprocess.Popen[str]:
    cmd = [*KHABAR, "crawl", site.outlet_id, "--catalog-extra", str(site.catalog(tmp_path)),
           "--store", str(tmp_path / "store"), *extra]
    with open(tmp_path / f"{name}.log", "w") as stderr:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True)


@pytest.mark.parametrize("extra", [(), ("--resume",)], ids=["plain", "resume"])
def test_a_second_crawl_of_a_busy_outlet_exits_6_and_fetches_nothing(tmp_path: Path, extra: tuple[str, ...]) -> None:
    store = tmp_path / "store"
    with SlowOutlet(articles=12, delay=0, gated=True) as site:  # the first crawl waits for its articles
        first = _crawl(site, tmp_path, "first", *extra)
        wait_for(lambda: lock_holder(store, site.outlet_id) is not None, first)
        held = _held(store)
        started = time.monotonic()
        second = _crawl(site, tmp_path, "second", *extra)
        out, _ = second.communicate(timeout=60)
        waited = time.monotonic() - started
        assert first.poll() is None  # the first was still crawling all along
        site.gate.set()
        first_out, _ = first.communicate(timeout=120)
        served = dict(site.served)
    assert second.returncode == ExitCode.OUTLET_BUSY, out
    assert waited < 15
    assert (held.pid, held.host, held.crawl_id) == (first.pid, socket.gethostname(), _crawl_id(first_out))
    assert [line for line in out.splitlines() if line.startswith("  outlet busy ")] == [
        f"  outlet busy        outlet lente is being crawled by pid {first.pid} on {socket.gethostname()} since "
        f"{held.since} (crawl id {held.crawl_id}); wait for it to finish or stop it (SIGTERM or Ctrl-C stops it "
        "cleanly), then run this crawl again"]
    assert first.returncode == 0, first_out
    assert set(served) >= {*site.article_paths, "/sitemap.xml"}
    assert max(served.values()) == 1  # nothing fetched twice
    assert sorted(archived_responses(store)) == sorted(site.base_url + path for path in served)
    assert not (store / "state" / "jobs" / site.outlet_id).exists()  # the finished --resume run removed its queue


def _crawl_id(summary: str) -> str:
    return summary.splitlines()[0].split()[2]  # "Khabar crawl <id> finished."


def test_a_killed_crawl_leaves_no_stale_lock(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with SlowOutlet(articles=8, delay=0, gated=True) as site:
        killed = _crawl(site, tmp_path, "killed")
        wait_for(lambda: lock_holder(store, site.outlet_id) is not None, killed)
        held = _held(store)
        assert (held.pid, held.host) == (killed.pid, socket.gethostname())
        assert held.command.endswith(f"crawl lente --catalog-extra {tmp_path}/catalog-lente.yaml --store {store}")
        os.kill(killed.pid, signal.SIGKILL)
        killed.communicate(timeout=30)
        assert lock_holder(store, site.outlet_id) is None
        site.gate.set()
        after = _crawl(site, tmp_path, "after")
        out, _ = after.communicate(timeout=120)
    assert after.returncode == 0, out
    assert out.splitlines()[0].endswith(" finished.")


def _held(store: Path) -> LockHolder:
    found = lock_holder(store, "lente")
    assert found is not None
    return found


def test_scrapy_crawl_of_a_busy_outlet_says_who_holds_it_once_and_fails(tmp_path: Path) -> None:
    from crawler.storage.layout import outlet_lock_path
    from crawler.storage.local import LocalStore

    store = tmp_path / "store"
    with OutletLock(outlet_lock_path(LocalStore(store), "lefaso"), _holder(pid=os.getpid())):
        result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "news", "-a", "outlet=lefaso",
                                 "-s", f"KHABAR_STORE_URI={store}"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1  # Scrapy's own code for a crawl that could not start (khabar crawl exits 6)
    said = [line for line in result.stderr.splitlines() if "is being crawled by" in line]
    assert len(said) == 1 and f"outlet lefaso is being crawled by pid {os.getpid()} on crawler-1" in said[0]
    assert "Traceback" not in result.stderr
    assert not (store / "warc").exists()  # nothing opened, nothing fetched
