"""Scrapy's code-executing remote-control server stays off unless asked; job files of dead crawls are removed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

from tests.support.crawls import KHABAR, ROOT
from tests.support.hostile import _article
from tests.support.loopback import LoopbackSite, QuietHandler


class _SlowHandler(QuietHandler):
    """An outlet whose one article takes two seconds: long enough to look at a running crawl."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        base = f"http://{self.headers['Host']}"
        if self.path == "/sitemap.xml":
            body = (f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    f"<url><loc>{base}/2026/11/20/un-article-lent</loc></url></urlset>").encode()
            self.reply(200, "application/xml", body)
        elif self.path == "/2026/11/20/un-article-lent":
            time.sleep(2)
            self.reply(200, "text/html; charset=utf-8", _article("Un article lent"))
        else:
            self.reply(404, "text/plain", b"not found")


class _SlowOutlet(LoopbackSite):
    handler = _SlowHandler


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _job_files_while_crawling(tmp_path: Path, jobs: Path, *extra: str) -> tuple[set[str], int]:
    """The job files seen in ``jobs`` while a crawl of the slow outlet runs, and the crawl's exit code."""
    seen: set[str] = set()
    with _SlowOutlet() as site:
        entry = {"id": "lente", "name": "La Lente", "group": "demo", "country": "ML", "languages": ["fr"],
                 "homepage": site.base_url + "/", "cms": "custom", "crawl": {"delay": 0},
                 "sitemaps": [{"url": site.base_url + "/sitemap.xml", "kind": "sitemap", "confidence": "demo"}]}
        catalog = tmp_path / "catalog.yaml"
        catalog.write_text(yaml.safe_dump([entry]))
        before = {p.name for p in jobs.iterdir()}
        cmd = [*KHABAR, "crawl", "lente", "--catalog-extra", str(catalog), "--store", str(tmp_path / "store"),
               "-s", f"REMOTE_CONTROL_JOBS_DIR={jobs}", *extra]
        with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as crawl:
            while crawl.poll() is None:
                # the job file is written under a hidden temporary name, then renamed: only the renamed file counts
                seen |= {p.name for p in jobs.iterdir() if not p.name.startswith(".")} - before
                time.sleep(0.05)
    return seen, crawl.returncode


def test_a_crawl_starts_no_remote_control_server_and_removes_job_files_of_dead_crawls(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    stale = jobs / f"{_dead_pid()}-0123456789abcdef0123456789abcdef.json"
    live = jobs / f"{os.getpid()}-fedcba9876543210fedcba9876543210.json"
    unrelated = jobs / "notes.json"
    for path in (stale, live, unrelated):
        path.write_text('{"token": "t"}')
    new, code = _job_files_while_crawling(tmp_path, jobs)
    assert code == 0
    assert new == set()  # no server, so no job file holding its token
    assert sorted(p.name for p in jobs.iterdir()) == sorted([live.name, unrelated.name])


def test_khabar_remote_control_turns_it_on(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    new, code = _job_files_while_crawling(tmp_path, jobs, "-s", "KHABAR_REMOTE_CONTROL=True")
    assert code == 0
    assert len(new) == 1 and re.fullmatch(r"\d+-[0-9a-f]+\.json", next(iter(new)))  # Scrapy's <pid>-<hex>.json
