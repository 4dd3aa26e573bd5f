"""How ``khabar crawl`` starts: nothing before its first request that can wait until after it.

- the extraction workers start at once when the crawl may run on more than one CPU, else at its first request (on
  one CPU their imports would delay it);
- numpy, rich and trafilatura are not imported by the crawl process before its first request;
- Python's garbage collector is paused while a command starts, and on again at the crawl's first request (at the
  latest when any command ends).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crawler.cli import main
from crawler.run import gc_pause
from tests.support.crawls import ROOT, article_records
from tests.support.demo_outlets import DemoOutlets

# Runs ``khabar crawl`` in this child as ``python -m crawler.cli`` does, on the CPUs given, noting in order when the
# spider saw its first request and when a process of the extraction pool was spawned; at its first connection to
# the outlet, what it had imported and whether its collector was on.
_PROBE = """
import gc, json, os, runpy, sys
import multiprocessing.util

out, port, cpus = sys.argv[1], int(sys.argv[2]), {int(c) for c in sys.argv[3].split(",")}
os.sched_setaffinity(0, cpus)
events, first = [], {}
spawn = multiprocessing.util.spawnv_passfds

def spawning(*args, **kwargs):
    events.append("extraction processes")
    return spawn(*args, **kwargs)

multiprocessing.util.spawnv_passfds = spawning

def hook(event, args):
    if event == "socket.connect" and not first and isinstance(args[1], tuple) and args[1][1] == port:
        first.update(modules=sorted(m for m in ("numpy", "rich", "trafilatura") if m in sys.modules),
                     gc_enabled=gc.isenabled())

sys.addaudithook(hook)
from spiders.news import NewsSpider
seen = NewsSpider.first_request

def first_request(self):
    events.append("first request")
    seen(self)

NewsSpider.first_request = first_request
sys.argv = ["crawler.cli", *sys.argv[4:]]
try:
    runpy.run_module("crawler.cli", run_name="__main__", alter_sys=True)
finally:
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"events": events, "first": first}, handle)
"""


def _crawl(demo: DemoOutlets, cpus: list[int], tmp_path: Path) -> tuple[dict[str, Any], Path]:
    port, catalog = demo.port("demo-wp"), demo.catalog
    out, store = tmp_path / "probe.json", tmp_path / "store"
    done = subprocess.run([sys.executable, "-c", _PROBE, str(out), str(port), ",".join(map(str, cpus)),
                           "crawl", "demo-wp", "--catalog-extra", str(catalog), "--store", str(store),
                           "--max-articles", "2"], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return json.loads(out.read_text(encoding="utf-8")), store


CPUS = sorted(os.sched_getaffinity(0))


@pytest.mark.parametrize(("cpus", "workers_start"), [
    (CPUS[:1], "after the first request"),
    pytest.param(CPUS[:2], "before the first request",
                 marks=pytest.mark.skipif(len(CPUS) < 2, reason="needs two CPUs")),
])
def test_extraction_workers_start_at_the_first_request_on_one_cpu_at_once_on_more(
        demo_outlets: DemoOutlets, tmp_path: Path, cpus: list[int], workers_start: str) -> None:
    probe, store = _crawl(demo_outlets, cpus, tmp_path)
    events = probe["events"]
    started = events.index("extraction processes") > events.index("first request")
    assert ("after the first request" if started else "before the first request") == workers_start
    records = article_records(store)
    assert len(records) == 2
    assert all(record["text"] for record in records)  # extracted by the workers, however late they started


def test_at_its_first_request_the_crawl_has_not_imported_numpy_rich_or_trafilatura_and_collects_again(
        demo_outlets: DemoOutlets, tmp_path: Path) -> None:
    probe, _ = _crawl(demo_outlets, CPUS[:1], tmp_path)
    assert probe["first"] == {"modules": [], "gc_enabled": True}


# -- the collector's pause -----------------------------------------------------------------------------------------
@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    gc_pause.resume()
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize(("enabled", "paused", "resumed"), [
    (True, False, True),   # khabar's own pause: back on
    (False, False, False),  # a program that turned it off keeps it off
])
def test_resume_turns_back_on_only_a_collector_pause_turned_off(collector: None, enabled: bool, paused: bool,
                                                                resumed: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    gc_pause.pause()
    assert gc.isenabled() is paused
    gc_pause.resume()
    assert gc.isenabled() is resumed


@pytest.mark.parametrize(("enabled", "frozen"), [(True, True), (False, False)])
def test_a_command_s_imports_are_frozen_when_the_collector_was_on(collector: None, enabled: bool,
                                                                  frozen: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    before = gc.get_freeze_count()
    try:
        with gc_pause.paused_for_imports():
            assert not gc.isenabled()
            made = [[index] for index in range(1000)]  # what an import leaves: objects that stay
        assert gc.isenabled() is enabled and (gc.get_freeze_count() >= before + len(made)) is frozen
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("args", [["outlets"], ["crawl"], ["crawl", "no-such-outlet"], ["schema"], ["extract"]])
def test_after_any_command_the_collector_is_on(collector: None, args: list[str]) -> None:
    gc.enable()
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 2), result.output  # a crawl without outlets, or of an unknown one: a usage error
    assert gc.isenabled()
