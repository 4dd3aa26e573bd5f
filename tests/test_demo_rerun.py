"""`khabar crawl --demo` twice into one store: the demo outlets keep their addresses, so the second run
is incremental (discovery documents only, nothing recorded again) and its summary says so.

The stable ports (8011…) may be held by another test run on this machine, so the crawls here ask
for ports of their own, the same for both runs, through the very option an operator would use.
"""

from __future__ import annotations

import json
import random
import re
import socket
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import ALL_OUTLET_IDS
from crawler.demo.addresses import STABLE_PORT_BASE, stable_ports
from crawler.demo.process import running_demo_world
from tests.support.crawls import KHABAR, article_records, run

OUTLETS = ("demo-wp", "demo-cms")  # the REST change feed, and sitemaps answering 304
PORT_BASE = random.randrange(20000, 32000, len(ALL_OUTLET_IDS))
"""Below Linux's ephemeral ports (no port-0 server takes them); random so parallel test runs differ."""


def _crawl_demo(store: Path) -> Any:
    result = run([*KHABAR, "crawl", "--demo", *OUTLETS, "--demo-port-base", str(PORT_BASE), "--store", str(store)])
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "warning:" not in result.stdout, f"ports from {PORT_BASE} were taken; run the test again"
    return result


def _crawl_id(stdout: str) -> str:
    found = re.search(r"^Khabar crawl (\S+) finished\.$", stdout, re.MULTILINE)
    assert found, stdout
    return found.group(1)


def _responses(store: Path, crawl_id: str) -> list[str]:
    """Target URLs of the responses the crawl archived, i.e. every page it fetched."""
    urls = []
    for outlet in OUTLETS:
        report = json.loads((store / "runs" / crawl_id / f"{outlet}.json").read_text(encoding="utf-8"))
        for name in report["warc_files"]:
            with open(store / name, "rb") as handle:
                urls += [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle)
                         if r.rec_type in ("response", "revisit")]
    return urls


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = tmp_path_factory.mktemp("rerun") / "store"
    first = _crawl_demo(store)
    records = article_records(store)
    second = _crawl_demo(store)
    return {"store": store, "first": first, "second": second, "records": records}


def test_the_demo_outlets_are_served_on_the_ports_asked_for(two_runs: dict[str, Any]) -> None:
    ports = stable_ports(PORT_BASE)
    for output in (two_runs["first"].stdout, two_runs["second"].stdout):
        assert f"demo-wp http://127.0.0.11:{ports['demo-wp']}/" in output
        assert f"demo-cms http://127.0.0.12:{ports['demo-cms']}/" in output


def test_the_second_run_fetches_no_article_and_records_nothing(two_runs: dict[str, Any]) -> None:
    store, records = two_runs["store"], two_runs["records"]
    article_urls = {r["url"] for r in records}
    assert len(article_urls) >= 70 and {r["outlet"] for r in records} == set(OUTLETS)
    fetched = _responses(store, _crawl_id(two_runs["second"].stdout))
    assert not set(fetched) & article_urls
    assert len(fetched) <= 3  # demo-wp: the REST query for posts modified since; demo-cms: two sitemaps (304)
    assert article_records(store) == records


def test_the_second_summary_says_the_run_was_incremental_and_found_nothing_new(two_runs: dict[str, Any]) -> None:
    first, second = two_runs["first"].stdout, two_runs["second"].stdout
    known = len(two_runs["records"])
    assert "incremental run" not in first
    assert f"  incremental run    nothing new or changed since the last run; {known} archived articles not fetched again" in second
    for outlet in OUTLETS:
        archived = sum(1 for r in two_runs["records"] if r["outlet"] == outlet)
        line = next(line for line in second.splitlines() if line.strip().startswith(outlet))
        assert "recorded     0" in line and line.endswith(f"already archived {archived}, unchanged"), line
    assert "  articles recorded  0" in second


def test_a_taken_stable_port_falls_back_to_a_free_one_and_says_so() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.11", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        with running_demo_world(port_base=taken) as world:
            served = world.base_urls["demo-wp"]
            port = int(served.rstrip("/").rsplit(":", 1)[1])
            warnings = world.warnings
    assert port not in (taken, 0)
    assert len(warnings) == 1
    (line,) = warnings
    assert line.startswith(f"warning: 127.0.0.11:{taken} is taken, demo-wp is on 127.0.0.11:{port}")
    assert "not incrementally against earlier demo runs" in line and "--demo-port-base N" in line


def test_stable_ports_give_each_outlet_its_own_port_from_8011() -> None:
    assert STABLE_PORT_BASE == 8011
    assert stable_ports() == {"demo-wp": 8011, "demo-cms": 8012, "demo-bilingue": 8013, "demo-listing": 8014,
                              "demo-hard": 8015}
    assert stable_ports(0) == {}
