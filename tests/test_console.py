"""``khabar crawl``'s console: a live table per outlet on a terminal, a few plain lines without one, Scrapy's
log in ``runs/<crawl-id>/crawl.log`` in the store, warnings still on the console, ``-v`` for the log as it was.

Four crawls of the demo world run at once (each on its own free ports and store), once for the module.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from crawler.errors import ConfigInvalid
from crawler.run.console import ConsoleConfig
from crawler.run.progress import counts_from_stats
from crawler.run.progress_view import line
from crawler.run.report import report_from_stats
from crawler.run.settings import khabar_settings
from tests.support.crawls import KHABAR, crawl_log
from tests.support.seaweed import Running
from tests.support.terminal import InTerminal

SUMMARY = re.compile(r"^Khabar crawl (\S+) finished\.$", re.MULTILINE)
BOT_WALL = re.compile(r"\d\d:\d\d:\d\d \[crawler\.politeness\.botwall\] WARNING: outlet demo-hard: bot wall at ")
PROGRESS = re.compile(r"^\[(\d\d):(\d\d)\] (\S+) +(\w+) +discovered (\d+)  fetched (\d+)  recorded (\d+)  ", re.MULTILINE)
ON_SCREEN = ("demo-wp", "demo-hard")


def _demo(store: Path, *args: str) -> list[str]:
    return ["crawl", "--demo", *args, "--demo-port-base", "0", "--store", str(store)]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("console")
    screen = InTerminal([*KHABAR, *_demo(tmp / "screen", *ON_SCREEN)])
    env = dict(os.environ)
    plain = {"demo": Running(*_demo(tmp / "demo"), env=env),  # output into files: no terminal
             "lines": Running(*_demo(tmp / "lines", "demo-cms", "-s", "KHABAR_PROGRESS_INTERVAL=1"), env=env),
             "verbose": Running(*_demo(tmp / "verbose", "demo-bilingue", "-v"), env=env)}
    done: dict[str, Any] = {name: run.finish() for name, run in plain.items()}
    done["screen"] = screen.finish()
    for name, result in done.items():
        code, output = (result if name == "screen" else (result.returncode, result.stdout + result.stderr))
        assert code == 0, f"{name}: {output[-4000:]}"
    return {"tmp": tmp, **done}


def _report(store: Path, crawl_id: str, outlet: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((store / "runs" / crawl_id / f"{outlet}.json").read_text())
    return report


def _last_frame(text: str, crawl_id: str) -> tuple[int, list[list[str]]]:
    """Where the live table's last frame starts in ``text``, and its rows split into words."""
    start = text.rindex(f"Khabar crawl {crawl_id}  ")  # the table's title: the crawl id and the time it took
    end = text.index(f"Khabar crawl {crawl_id} finished.")
    rows = [words for words in (line.split() for line in text[start:end].splitlines()) if words and words[0] in ON_SCREEN]
    return start, rows


def test_on_a_terminal_a_live_table_has_one_row_per_outlet_and_ends_with_the_run_reports_counts(crawls: Any) -> None:
    _, text = crawls["screen"]
    crawl_id = SUMMARY.findall(text)[-1]
    assert text.count(f"Khabar crawl {crawl_id}  ") >= 2  # redrawn while the crawl ran
    _, rows = _last_frame(text, crawl_id)
    assert [row[0] for row in rows] == list(ON_SCREEN)
    for outlet, state, _discovered, fetched, recorded, errors, *_rest in rows:
        report = _report(crawls["tmp"] / "screen", crawl_id, outlet)
        assert state == "done"
        assert (int(fetched), int(recorded), int(errors)) == (
            report["pages_fetched"], report["articles_recorded"], report["fetch_errors"])
        assert int(recorded) > 30
    hard = next(row for row in rows if row[0] == "demo-hard")
    assert int(hard[11]) == sum(_report(crawls["tmp"] / "screen", crawl_id, "demo-hard")["not_recorded"].values()) > 0
    assert "(bot_wall " in " ".join(hard[12:])


def test_on_a_terminal_warnings_show_above_the_table_and_the_log_goes_to_the_store(crawls: Any) -> None:
    _, text = crawls["screen"]
    crawl_id = SUMMARY.findall(text)[-1]
    start, _ = _last_frame(text, crawl_id)
    warning = BOT_WALL.search(text)
    assert warning is not None and warning.start() < start
    assert "] INFO: " not in text
    logged = crawl_log(crawls["tmp"] / "screen", text)
    assert logged.count("[scrapy.core.engine] INFO: Spider opened") == len(ON_SCREEN)
    assert BOT_WALL.search(logged)


def test_without_a_terminal_the_demo_crawl_prints_under_40_lines_and_its_summary(crawls: Any) -> None:
    result = crawls["demo"]
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) < 40, "\n".join(lines)
    crawl_id = SUMMARY.findall(result.stdout)[-1]
    assert "  outlets crawled    5 of 5" in result.stdout
    store = crawls["tmp"] / "demo"
    assert f"  crawl log          {store / 'runs' / crawl_id / 'crawl.log'}" in result.stdout
    assert BOT_WALL.search(result.stderr)  # a warning still reaches the console
    assert "] INFO: " not in result.stderr
    # features left off (no webhook, no metrics port) are silent, not one warning per outlet
    assert "KHABAR_ALERT_WEBHOOK" not in result.stderr and "KHABAR_METRICS_PORT" not in result.stderr


def test_the_crawl_log_in_the_store_holds_scrapys_log_of_every_outlet(crawls: Any) -> None:
    result = crawls["demo"]
    crawl_id = SUMMARY.findall(result.stdout)[-1]
    store = crawls["tmp"] / "demo"
    assert sorted(p.name for p in (store / "runs" / crawl_id).iterdir()) == sorted(
        ["crawl.log", *(f"{o}.json" for o in ("demo-wp", "demo-cms", "demo-bilingue", "demo-listing", "demo-hard"))])
    logged = crawl_log(store, result.stdout)
    assert "[scrapy.utils.log] INFO: Scrapy " in logged.splitlines()[0]
    assert logged.count("[scrapy.core.engine] INFO: Spider opened") == 5
    assert logged.count("[scrapy.statscollectors] INFO: Dumping Scrapy stats:") == 5
    assert all(line in logged for line in result.stderr.splitlines() if "] WARNING: " in line)


def test_without_a_terminal_a_line_per_outlet_comes_every_progress_interval(crawls: Any) -> None:
    result = crawls["lines"]
    crawl_id = SUMMARY.findall(result.stdout)[-1]
    report = _report(crawls["tmp"] / "lines", crawl_id, "demo-cms")
    said = [(int(m[0]) * 60 + int(m[1]), m[2], m[3], int(m[5]), int(m[6])) for m in PROGRESS.findall(result.stdout)]
    assert len(said) >= 2 and {outlet for _, outlet, *_ in said} == {"demo-cms"}
    assert [s[0] for s in said] == sorted(s[0] for s in said) and [s[3] for s in said] == sorted(s[3] for s in said)
    assert all(fetched <= report["pages_fetched"] and recorded <= report["articles_recorded"]
               for *_, fetched, recorded in said)
    assert result.stdout.index("[00:0") < result.stdout.index(f"Khabar crawl {crawl_id} finished.")


def test_verbose_brings_scrapys_log_back_to_the_console_and_keeps_it_in_the_store(crawls: Any) -> None:
    result = crawls["verbose"]
    assert "[scrapy.core.engine] INFO: Spider opened" in result.stderr
    assert "[scrapy.statscollectors] INFO: Dumping Scrapy stats:" in result.stderr
    assert not PROGRESS.search(result.stdout)
    logged = crawl_log(crawls["tmp"] / "verbose", result.stdout)
    assert "[scrapy.core.engine] INFO: Spider opened" in logged


@pytest.mark.parametrize(("overrides", "terminal", "mode", "console_level"), [
    ({}, True, "live", "WARNING"),
    ({}, False, "lines", "WARNING"),
    ({"LOG_LEVEL": "INFO"}, True, "log", "INFO"),  # what -v, --log-level and -s LOG_LEVEL= set
    ({"LOG_LEVEL": "DEBUG"}, False, "log", "DEBUG"),
])
def test_the_console_shows_the_table_on_a_terminal_lines_elsewhere_and_the_log_when_asked(
        overrides: dict[str, str], terminal: bool, mode: str, console_level: str) -> None:
    config = ConsoleConfig.from_settings(khabar_settings(overrides, environ={}), terminal=terminal)
    assert (config.mode, config.console_level, config.interval) == (mode, console_level, 30)


@pytest.mark.parametrize("value", ["0", "-5", "soon"])
def test_a_progress_interval_that_is_not_a_positive_number_is_refused_with_the_setting(value: str) -> None:
    settings = khabar_settings({"KHABAR_PROGRESS_INTERVAL": value}, environ={})
    with pytest.raises(ConfigInvalid, match=f"KHABAR_PROGRESS_INTERVAL='{value}' must be a number of seconds above 0"):
        ConsoleConfig.from_settings(settings, terminal=False)


def test_live_counts_map_the_stats_as_the_run_report_does() -> None:
    stats = {"downloader/response_count": 12, "khabar/records/written": 7, "khabar/articles/not_recorded/listing": 3,
             "khabar/articles/not_recorded/too_short": 1, "khabar/articles/fetch_failed": 1,
             "khabar/discovery/source_failed": 1, "khabar/discovery/found/sitemap": 9, "khabar/discovery/found/feed": 4,
             "downloader/response_bytes": 2048, "khabar/warc/bytes": 4096}
    live = counts_from_stats("demo-wp", stats)
    report = report_from_stats("demo-wp", "20261203T000000Z-000000", "finished", stats)
    assert (live.fetched, live.recorded, dict(live.not_recorded), live.errors) == (
        report.pages_fetched, report.articles_recorded, report.not_recorded, report.fetch_errors) == (
        12, 7, {"listing": 3, "too_short": 1}, 2)
    assert (live.discovered, live.bytes_received, live.bytes_archived) == (13, 2048, 4096)
    assert line(live) == ("[00:00] demo-wp          starting discovered 13  fetched 12  recorded 7  "
                          "not recorded 4 (listing 3, too_short 1)  errors 2  0.0 pages/s  received 2.0 kB")
