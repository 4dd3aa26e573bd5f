"""What the crawl summary tells an operator about an incremental run."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.settings import Settings

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
