"""A crawl stopped by SIGINT or SIGTERM says so, exits 130, and counts what it archived (D5)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.crawls import KHABAR, ROOT, article_records
from tests.support.running import archived_responses, wait_for
from tests.support.slow_outlet import SlowOutlet

NEXT_STEP = "run the same command with --resume to continue; nothing archived is lost"
FORCED = ("outlet lente: forced stop before the crawl could close its files; the next crawl of this store finishes "
          "the WARC and record files it left open (nothing archived is lost)")


def _start(cmd: list[str], log: Path) -> subprocess.Popen[str]:
    with open(log, "w") as stderr:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True)


def _khabar_crawl(site: SlowOutlet, tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    return _start([*KHABAR, "crawl", site.outlet_id, "--catalog-extra", str(site.catalog(tmp_path)),
                   "--store", str(tmp_path / "store"), *extra], tmp_path / "crawl.log")


def _articles(site: SlowOutlet, urls: list[str]) -> list[str]:
    return [url for url in urls if url.removeprefix(site.base_url) in site.article_paths]


def _stop(crawl: subprocess.Popen[str], site: SlowOutlet, store: Path, *signals: signal.Signals) -> str:
    """Send ``signals`` once the first article is in the WARC; return what the crawl printed."""
    wait_for(lambda: bool(_articles(site, archived_responses(store))), crawl)
    for number in signals:
        crawl.send_signal(number)
        time.sleep(0.2)  # the graceful stop waits for the articles in flight (1 s each): the second lands in it
    out, _ = crawl.communicate(timeout=60)
    return out


def _run_report(store: Path) -> dict[str, object]:
    reports = list(store.glob("runs/*/lente.json"))
    assert len(reports) == 1
    report: dict[str, object] = json.loads(reports[0].read_text())
    return report


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_crawl_gracefully_and_it_says_so(tmp_path: Path, number: signal.Signals) -> None:
    store = tmp_path / "store"
    with SlowOutlet(articles=40, delay=1.0) as site:
        out = _stop(_khabar_crawl(site, tmp_path), site, store, number)
    archived = archived_responses(store)
    lines = out.splitlines()
    assert re.fullmatch(rf"Khabar crawl \S+ interrupted \({number.name}\)\.", lines[0]), out
    assert lines[1] == f"  interrupted        stopped before the end: {NEXT_STEP}"
    assert f"  pages fetched      {len(archived)}" in lines
    assert f"  pages archived     {len(archived)}" in lines
    assert 0 < len(_articles(site, archived)) < 40  # stopped early, after what was in flight
    report = _run_report(store)
    assert report["finish_reason"] == "shutdown"
    assert report["pages_archived"] == len(archived)
    assert not list(store.glob("**/*.open"))  # a graceful stop finishes its files


def test_a_forced_stop_still_counts_what_was_archived_and_the_next_run_keeps_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with SlowOutlet(articles=40, delay=1.0) as site:
        crawl = _khabar_crawl(site, tmp_path)
        out = _stop(crawl, site, store, signal.SIGINT, signal.SIGINT)
        archived = archived_responses(store)
        lines = out.splitlines()
        assert crawl.returncode == 130, out
        assert re.fullmatch(r"Khabar crawl \S+ interrupted \(SIGINT twice: stopped at once\)\.", lines[0]), out
        assert lines[1] == f"  interrupted        stopped before the end: {NEXT_STEP}"
        assert f"  pages archived     {len(archived)}" in lines
        assert _articles(site, archived)
        assert list(store.glob("warc/**/*.warc.gz.open"))  # stopped at once: the spider never closed
        report = _run_report(store)
        assert (report["finish_reason"], report["pages_archived"], report["warnings"]) == (
            "shutdown", len(archived), [FORCED])

        site.delay = 0  # the rest, quickly: the next run finishes the open files and records their articles
        again = subprocess.run([*KHABAR, "crawl", site.outlet_id, "--catalog-extra", str(site.catalog(tmp_path)),
                                "--store", str(store), "--resume"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr[-3000:]
    assert not list(store.glob("**/*.open"))
    assert set(archived) <= set(archived_responses(store))
    recorded = sorted(record["url"] for record in article_records(store))
    assert recorded == sorted(site.base_url + path for path in site.article_paths)


def test_scrapy_crawl_stopped_twice_writes_its_run_report(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with SlowOutlet(articles=40, delay=1.0) as site:
        crawl = _start([sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"outlet={site.outlet_id}",
                        "-s", f"KHABAR_CATALOG_EXTRA={site.catalog(tmp_path)}", "-s", f"KHABAR_STORE_URI={store}"],
                       tmp_path / "crawl.log")
        _stop(crawl, site, store, signal.SIGTERM, signal.SIGTERM)
    report = _run_report(store)
    assert report["finish_reason"] == "shutdown"
    assert report["pages_archived"] == len(archived_responses(store)) > 0
    assert report["warnings"] == [FORCED]  # written as the reactor stopped: the spider never closed
