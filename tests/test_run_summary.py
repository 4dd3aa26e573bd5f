"""What the crawl summary tells an operator about an incremental run."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.errors import ExitCode, OutletBusy
from crawler.run.report import OutletReport
from crawler.run.runner import CrawlResult
from crawler.run.summary import print_summary


def _report(outlet: str, *, recorded: int = 0, known: int = 0, errors: int = 0) -> OutletReport:
    return OutletReport(outlet=outlet, crawl_id="c1", finish_reason="finished", pages_fetched=2,
                        articles_recorded=recorded, not_recorded={}, fetch_errors=errors, known_unchanged=known)


def _summary(tmp_path: Path, capsys: pytest.CaptureFixture[str], *reports: OutletReport) -> list[str]:
    print_summary(CrawlResult(reports=list(reports)), Settings({"KHABAR_STORE_URI": str(tmp_path / "store")}))
    return capsys.readouterr().out.splitlines()


def test_a_first_run_has_no_incremental_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _summary(tmp_path, capsys, _report("a", recorded=30))
    assert not [line for line in lines if "incremental" in line or "already archived" in line]


def test_a_run_that_changed_something_counts_new_and_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _summary(tmp_path, capsys, _report("a", recorded=3, known=30), _report("b", known=12))
    assert lines[1] == "  incremental run    3 new or changed articles recorded; 42 archived articles not fetched again"
    assert lines[-1].endswith("  errors 0  already archived 12, unchanged")


def test_errors_withhold_the_claim_that_nothing_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _summary(tmp_path, capsys, _report("a", known=30), _report("b", known=12, errors=1))
    assert lines[1] == ("  incremental run    nothing new or changed found (see the errors below); "
                        "42 archived articles not fetched again")
    assert lines[-2].endswith("already archived 30, unchanged")
    assert lines[-1].endswith("errors 1  already archived 12, not fetched again")


def _busy(outlet: str) -> OutletBusy:
    return OutletBusy(outlet, "pid 4242 on crawler-1 since 2026-12-03T10:15:00+00:00 (crawl id c0)")


def _code(tmp_path: Path, capsys: pytest.CaptureFixture[str], result: CrawlResult) -> tuple[int, list[str]]:
    code = print_summary(result, Settings({"KHABAR_STORE_URI": str(tmp_path / "store")}))
    return code, capsys.readouterr().out.splitlines()


def test_a_busy_outlet_is_named_and_exits_6_while_the_others_are_counted(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _code(tmp_path, capsys, CrawlResult(reports=[_report("a", recorded=2)], busy=[_busy("b")]))
    assert code == ExitCode.OUTLET_BUSY
    assert lines[0] == "Khabar crawl c1 finished."
    assert "  outlets crawled    1 of 1" in lines
    assert ("  outlet busy        outlet b is being crawled by pid 4242 on crawler-1 since 2026-12-03T10:15:00+00:00 "
            "(crawl id c0); wait for it to finish or stop it (SIGTERM or Ctrl-C stops it cleanly), then run this crawl "
            "again") in lines


def test_every_outlet_busy_is_not_a_failed_outlet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _code(tmp_path, capsys, CrawlResult(busy=[_busy("a")]))
    assert code == ExitCode.OUTLET_BUSY
    assert lines[0].endswith(" crawled nothing: other crawls hold its outlets (see below).")
    assert "  outlets crawled    0 of 0" in lines


def test_an_interruption_outranks_a_busy_outlet_and_a_failed_one(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    stopped = _report("a", recorded=1)
    stopped.finish_reason = "shutdown"
    empty = _report("c")
    empty.pages_fetched = 0
    code, lines = _code(tmp_path, capsys, CrawlResult(reports=[stopped, empty], busy=[_busy("b")], signals=["SIGTERM"]))
    assert code == ExitCode.INTERRUPTED
    assert lines[:2] == ["Khabar crawl c1 interrupted (SIGTERM).",
                         "  interrupted        stopped before the end: run the same command with --resume to continue; "
                         "nothing archived is lost"]
    assert "  outlets crawled    1 of 2 (nothing fetched from: c)" in lines


def test_an_outlet_stopped_before_its_first_page_has_not_failed(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    stopped = _report("a")
    stopped.finish_reason, stopped.pages_fetched = "shutdown", 0
    code, lines = _code(tmp_path, capsys, CrawlResult(reports=[stopped], signals=["SIGINT", "SIGINT"]))
    assert code == ExitCode.INTERRUPTED
    assert lines[0] == "Khabar crawl c1 interrupted (SIGINT twice: stopped at once)."
    assert "  outlets crawled    1 of 1" in lines


@pytest.mark.parametrize(("codes", "expected"), [
    ([], ExitCode.OK),
    ([ExitCode.FILES_STILL_SPOOLED, ExitCode.SOME_OUTLETS_FAILED], ExitCode.SOME_OUTLETS_FAILED),
    ([ExitCode.SOME_OUTLETS_FAILED, ExitCode.OUTLET_BUSY], ExitCode.OUTLET_BUSY),
    ([ExitCode.OUTLET_BUSY, ExitCode.INTERRUPTED, ExitCode.FILES_STILL_SPOOLED], ExitCode.INTERRUPTED),
    ([ExitCode.INTERRUPTED, ExitCode.DISK_FULL], ExitCode.DISK_FULL),
    ([ExitCode.INTERRUPTED, ExitCode.LOW_DISK, ExitCode.SOME_OUTLETS_FAILED], ExitCode.LOW_DISK),
    ([ExitCode.LOW_DISK, ExitCode.DISK_FULL], ExitCode.DISK_FULL),
])
def test_the_most_severe_exit_code_wins(codes: list[ExitCode], expected: ExitCode) -> None:
    assert ExitCode.most_severe(codes) == expected
