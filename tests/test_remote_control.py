"""Scrapy's code-executing remote-control server stays off unless asked; job files of dead crawls are removed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support.crawls import KHABAR, run
from tests.support.hostile import HostileOutlet


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_crawl_starts_no_remote_control_server_and_removes_job_files_of_dead_crawls(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    stale = jobs / f"{_dead_pid()}-0123456789abcdef0123456789abcdef.json"
    live = jobs / f"{os.getpid()}-fedcba9876543210fedcba9876543210.json"
    unrelated = jobs / "notes.json"
    for path in (stale, live, unrelated):
        path.write_text('{"token": "t"}')
    with HostileOutlet() as outlet:
        catalog = tmp_path / "catalog.yaml"
        catalog.write_text(yaml.safe_dump([outlet.catalog_entry()]))
        result = run([*KHABAR, "crawl", "hostile", "--catalog-extra", str(catalog), "--store", str(tmp_path / "store"),
                      "--max-articles", "1", "-s", f"REMOTE_CONTROL_JOBS_DIR={jobs}", "-s", "LOG_LEVEL=DEBUG"])
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in jobs.iterdir()) == sorted([live.name, unrelated.name])
    assert "scrapy.extensions.remote_control.RemoteControl" not in result.stderr.split("Enabled extensions:", 1)[1].split("]", 1)[0]


def test_khabar_remote_control_turns_it_on(tmp_path: Path) -> None:
    from crawler.run.remote_control import configure_remote_control
    from crawler.run.settings import khabar_settings

    for asked, expected in ((None, False), ("True", True)):
        settings = khabar_settings({"KHABAR_REMOTE_CONTROL": asked} if asked else {})
        settings.set("REMOTE_CONTROL_JOBS_DIR", str(tmp_path))
        configure_remote_control(settings)
        assert settings.getbool("REMOTE_CONTROL_ENABLED") is expected
