"""``khabar schedule``: groups run on time, overruns skipped, failures logged, one crawl per outlet, SIGTERM (issue 13).

The timing tests drive the scheduler with a clock the test moves and a cheap child process in place of
``khabar crawl`` (a real subprocess through the real ``SubprocessLauncher``, its exit code and output real);
how long a "crawl" lasts is counted on the test's clock. One real scenario (module-scoped) runs two
``khabar schedule`` processes on one store with real crawls of a slow outlet, then stops them with SIGTERM.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from crawler.cli import main
from crawler.errors import ExitCode, ScheduleInvalid
from crawler.run.outlet_lock import LockHolder, OutletLock
from crawler.schedule.config import load_schedule
from crawler.schedule.launcher import PlannedRun, RunHandle, SubprocessLauncher
from crawler.schedule.scheduler import Scheduler
from crawler.storage.layout import outlet_lock_in
from tests.support.crawls import KHABAR, ROOT, run
from tests.support.running import archived_responses, lock_holder, wait_for
from tests.support.slow_outlet import SlowOutlet

T0 = datetime(2026, 12, 3, 10, 7, tzinfo=UTC)
MINUTE = timedelta(minutes=1)

# the stand-in for "khabar crawl": says what it was given, exits with the code the test chose for its outlet
CHILD = """
import json, sys
codes, outlet = json.load(open(sys.argv[1])), sys.argv[3]
print("arguments:", " ".join(sys.argv[2:]))
if codes.get(outlet) == 6:
    print(f"  outlet busy        outlet {outlet} is being crawled by pid 4242 on crawler-2")
print(f"{outlet}: done with exit {codes.get(outlet, 0)}", file=sys.stderr)
sys.exit(codes.get(outlet, 0))
"""


class FakeClock:
    """The test's clock: ``sleep_until`` moves it there at once."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def sleep_until(self, when: datetime) -> None:
        self.moment = max(self.moment, when)


class _TimedHandle:
    """A real child whose run lasts ``until`` on the fake clock (the child itself ends at once)."""

    def __init__(self, inner: RunHandle, clock: FakeClock, until: datetime) -> None:
        self.inner, self.clock, self.until = inner, clock, until

    def describe(self) -> str:
        return self.inner.describe()

    def poll(self) -> int | None:
        if self.clock.now() < self.until:
            return None
        deadline = time.monotonic() + 30
        while (code := self.inner.poll()) is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        return code

    def terminate(self) -> None:
        self.until = self.clock.now()

    def tail(self, lines: int) -> list[str]:
        return self.inner.tail(lines)


class TimedLauncher:
    """``SubprocessLauncher`` running CHILD; notes each launch (fake time, outlet, group)."""

    def __init__(self, clock: FakeClock, codes_file: Path, durations: dict[str, timedelta]) -> None:
        self.clock, self.durations = clock, durations
        self.inner = SubprocessLauncher((sys.executable, "-S", "-c", CHILD, str(codes_file)))
        self.launches: list[tuple[str, str, str]] = []
        self.runs: list[PlannedRun] = []

    def start(self, run: PlannedRun) -> RunHandle:
        self.launches.append((f"{self.clock.now():%H:%M}", run.outlet, run.group))
        self.runs.append(run)
        return _TimedHandle(self.inner.start(run), self.clock, self.clock.now() + self.durations.get(run.outlet, 5 * MINUTE))


@dataclass
class Setup:
    tmp: Path
    store: Path
    catalog: Path

    def config(self, text: str, name: str = "schedule.yaml") -> Path:
        path = self.tmp / name
        path.write_text(f"store: {self.store}\ncatalog_extra: {self.catalog}\n{text}")
        return path

    def scheduler(self, text: str, durations: dict[str, timedelta] | None = None, codes: dict[str, int] | None = None,
                  start: datetime = T0) -> tuple[Scheduler, TimedLauncher, FakeClock, list[str]]:
        codes_file = self.tmp / "codes.json"
        codes_file.write_text(json.dumps(codes or {}))
        clock, lines = FakeClock(start), []
        launcher = TimedLauncher(clock, codes_file, durations or {})
        config = load_schedule(self.config(text))
        scheduler = Scheduler(config, launcher, clock, spool=self.store, logs=self.tmp / "logs", say=lines.append,
                              poll=MINUTE)
        return scheduler, launcher, clock, lines


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    entries = [{"id": outlet, "name": outlet.title(), "group": "ML", "country": "ML", "languages": ["fr"],
                "homepage": f"http://127.0.0.1:9/{outlet}/", "cms": "custom"} for outlet in ("alpha", "beta", "gamma")]
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(yaml.safe_dump(entries))
    return Setup(tmp_path, tmp_path / "store", catalog)


def _drive(scheduler: Scheduler, clock: FakeClock, until: datetime) -> None:
    """What ``Scheduler.run`` does, up to ``until`` on the fake clock, then a stop and the wait for the crawls."""
    scheduler.start()
    while clock.now() <= until:
        clock.sleep_until(scheduler.step())
    scheduler.request_stop("SIGTERM")
    while scheduler.step() and scheduler.running:
        clock.sleep_until(clock.now() + MINUTE)


def _logged(lines: list[str], word: str) -> list[str]:
    return [line for line in lines if line.split(" ", 2)[2].startswith(word)]


def test_two_groups_run_on_time(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("""max_parallel: 2
settings: {KHABAR_WARC_PREFIX: host1}
groups:
  halfhour:
    outlets: [alpha]
    cron: "*/30 * * * *"
    max_articles: 5
  threequarters:
    outlets: [beta, gamma]
    every: 45m
    since: 2026-11-01
""")
    _drive(scheduler, clock, until=T0.replace(hour=12, minute=0))
    assert launcher.launches == [
        ("10:07", "beta", "threequarters"), ("10:07", "gamma", "threequarters"),  # an interval group runs at start
        ("10:30", "alpha", "halfhour"),
        ("10:52", "beta", "threequarters"), ("10:52", "gamma", "threequarters"),
        ("11:00", "alpha", "halfhour"), ("11:30", "alpha", "halfhour"),
        ("11:37", "beta", "threequarters"), ("11:37", "gamma", "threequarters"),
        ("12:00", "alpha", "halfhour")]
    alpha = launcher.runs[2]
    assert alpha.arguments == (
        "crawl", "alpha", "--store", str(setup.store), "--catalog-extra", str(setup.catalog), "--max-articles", "5",
        "-s", "KHABAR_WARC_PREFIX=host1", "-s", f"KHABAR_CRAWL_ID={alpha.crawl_id}")
    assert alpha.crawl_id.startswith("20261203T103000Z-")
    assert alpha.log_path == setup.tmp / "logs" / "alpha" / f"{alpha.crawl_id}.log"
    assert alpha.log_path.read_text().splitlines() == [f"arguments: {' '.join(alpha.arguments)}", "alpha: done with exit 0"]
    assert "--since 2026-11-01" in " ".join(launcher.runs[0].arguments)
    assert lines[:3] == [
        f"2026-12-03 10:07:00Z khabar schedule: 2 group(s), 3 outlet(s), at most 2 crawl(s) at once; store {setup.store}; "
        f"run logs in {setup.tmp / 'logs'}",
        "2026-12-03 10:07:00Z group halfhour: 1 outlet(s) (alpha), cron '*/30 * * * *' (UTC); next run 2026-12-03 10:30:00Z",
        "2026-12-03 10:07:00Z group threequarters: 2 outlet(s) (beta, gamma), every 45m; next run 2026-12-03 10:07:00Z"]
    started = [line for line in lines if " started alpha " in line][0]
    assert re.fullmatch(rf"2026-12-03 10:30:00Z started alpha \(group halfhour, due 2026-12-03 10:30:00Z\): crawl "
                        rf"{alpha.crawl_id}, pid \d+, log {re.escape(str(alpha.log_path))}", started)
    assert f"2026-12-03 10:35:00Z finished alpha (group halfhour, crawl {alpha.crawl_id}): exit 0 after 5m00s" in lines
    assert len(_logged(lines, "finished")) == 10 and not _logged(lines, "FAILED") and not _logged(lines, "skipped")


def test_an_overrunning_run_is_skipped_not_queued_twice(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("groups:\n  often:\n    outlets: [alpha]\n    cron: '*/10 * * * *'\n",
                                                        durations={"alpha": 25 * MINUTE}, start=T0.replace(minute=0))
    _drive(scheduler, clock, until=T0.replace(minute=10, hour=11))
    assert [when for when, _, _ in launcher.launches] == ["10:10", "10:40", "11:10"]
    first = launcher.runs[0].crawl_id
    assert _logged(lines, "skipped")[:2] == [
        f"2026-12-03 10:20:00Z skipped alpha (group often, due 2026-12-03 10:20:00Z): its crawl {first} started "
        "2026-12-03 10:10:00Z is still running",
        f"2026-12-03 10:30:00Z skipped alpha (group often, due 2026-12-03 10:30:00Z): its crawl {first} started "
        "2026-12-03 10:10:00Z is still running"]
    assert [line[11:20] for line in _logged(lines, "skipped")] == ["10:20:00Z", "10:30:00Z", "10:50:00Z", "11:00:00Z"]
    assert f"2026-12-03 10:35:00Z finished alpha (group often, crawl {first}): exit 0 after 25m00s" in lines


def test_at_most_max_parallel_crawls_and_a_waiting_outlet_is_not_queued_twice(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("max_parallel: 1\ngroups:\n  pair:\n    outlets: [beta, gamma]\n"
                                                        "    every: 10m\n", durations={"beta": 12 * MINUTE, "gamma": 12 * MINUTE})
    _drive(scheduler, clock, until=T0 + 30 * MINUTE)
    assert launcher.launches == [("10:07", "beta", "pair"), ("10:19", "gamma", "pair"), ("10:31", "beta", "pair")]
    ids = [run.crawl_id for run in launcher.runs]
    assert [line[11:] for line in _logged(lines, "skipped")] == [
        f"10:17:00Z skipped beta (group pair, due 2026-12-03 10:17:00Z): its crawl {ids[0]} started 2026-12-03 10:07:00Z "
        "is still running",
        "10:17:00Z skipped gamma (group pair, due 2026-12-03 10:17:00Z): already waiting for a free slot (max_parallel 1)",
        f"10:27:00Z skipped gamma (group pair, due 2026-12-03 10:27:00Z): its crawl {ids[1]} started 2026-12-03 10:19:00Z "
        "is still running",
        f"10:37:00Z skipped beta (group pair, due 2026-12-03 10:37:00Z): its crawl {ids[2]} started 2026-12-03 10:31:00Z "
        "is still running"]
    assert "2026-12-03 10:38:00Z SIGTERM: no new runs (1 waiting run(s) dropped); stopping 1 running crawl(s) cleanly: " \
           "beta" in lines


def test_a_failing_crawl_is_logged_and_the_next_run_happens(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("max_parallel: 2\ngroups:\n  g:\n    outlets: [alpha, beta]\n"
                                                        "    every: 20m\n", codes={"alpha": 3, "beta": 6})
    _drive(scheduler, clock, until=T0 + 20 * MINUTE)
    assert launcher.launches == [("10:07", "alpha", "g"), ("10:07", "beta", "g"), ("10:27", "alpha", "g"),
                                 ("10:27", "beta", "g")]
    first, busy = launcher.runs[0], launcher.runs[1]
    at = lines.index(f"2026-12-03 10:12:00Z FAILED alpha (group g, crawl {first.crawl_id}): exit 3 (SOME_OUTLETS_FAILED) "
                     f"after 5m00s; log {first.log_path}; its last lines:")
    assert lines[at + 1:at + 3] == [f"    | arguments: {' '.join(first.arguments)}", "    | alpha: done with exit 3"]
    assert (f"2026-12-03 10:12:00Z skipped beta (group g, crawl {busy.crawl_id}): exit 6 (OUTLET_BUSY) after 5m00s, "
            "another crawl took the outlet's lock first: pid 4242 on crawler-2") in lines
    assert len(_logged(lines, "FAILED")) == 2  # 10:12 and 10:32: the second run of alpha ran, and failed again


def test_an_outlet_locked_by_another_process_is_skipped_and_the_holder_named(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("max_parallel: 2\ngroups:\n  g:\n    outlets: [alpha, beta]\n"
                                                        "    every: 30m\n")
    other = LockHolder(outlet="beta", host="crawler-2", pid=os.getpid(), crawl_id="20261203T100000Z-0ther0",
                       since="2026-12-03T10:00:00+00:00", command="khabar crawl beta")
    with OutletLock(outlet_lock_in(setup.store, "beta"), other):
        _drive(scheduler, clock, until=T0 + 31 * MINUTE)
    assert launcher.launches == [("10:07", "alpha", "g"), ("10:37", "alpha", "g")]
    assert [line[11:] for line in _logged(lines, "skipped")] == [
        f"{when}:00Z skipped beta (group g, due 2026-12-03 {when}:00Z): another crawl holds its lock: pid {os.getpid()} "
        "on crawler-2 since 2026-12-03T10:00:00+00:00 (crawl id 20261203T100000Z-0ther0)" for when in ("10:07", "10:37")]


def test_a_stop_drops_waiting_runs_and_stops_running_crawls(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("groups:\n  g:\n    outlets: [alpha, beta]\n    every: 1h\n",
                                                        durations={"alpha": 50 * MINUTE})
    scheduler.start()
    scheduler.step()
    clock.sleep_until(T0 + 2 * MINUTE)
    scheduler.request_stop("SIGTERM")
    scheduler.step()
    alpha = launcher.runs[0].crawl_id
    assert lines[-2:] == [
        "2026-12-03 10:09:00Z SIGTERM: no new runs (1 waiting run(s) dropped); stopping 1 running crawl(s) cleanly: alpha",
        f"2026-12-03 10:09:00Z finished alpha (group g, crawl {alpha}): exit 0 after 2m00s"]
    assert not scheduler.running and launcher.launches == [("10:07", "alpha", "g")]


def test_a_hold_keeps_due_runs_waiting_until_it_lifts(setup: Setup) -> None:
    scheduler, launcher, clock, lines = setup.scheduler("groups:\n  g:\n    outlets: [alpha]\n    every: 10m\n")
    full = "disk guard: 1% free on /srv, below KHABAR_MIN_FREE_SPACE"
    scheduler.hold = lambda: full if clock.now() < T0 + 13 * MINUTE else None
    _drive(scheduler, clock, until=T0 + 15 * MINUTE)
    assert launcher.launches == [("10:20", "alpha", "g")]
    assert [line[11:] for line in lines[2:5]] == [
        f"10:07:00Z holding 1 waiting run(s), no crawl starts: {full}",
        f"10:17:00Z skipped alpha (group g, due 2026-12-03 10:17:00Z): already waiting (held: {full})",
        "10:20:00Z no longer held: starting the 1 waiting run(s)"]


def test_sigterm_stops_an_idle_scheduler_at_once(setup: Setup) -> None:
    config = setup.config("groups:\n  yearly:\n    outlets: [alpha]\n    cron: '0 0 1 1 *'\n")
    scheduler = subprocess.Popen([*KHABAR, "schedule", str(config)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert scheduler.stdout is not None
    first, second = scheduler.stdout.readline(), scheduler.stdout.readline()  # started: its next run is months away
    assert " group yearly: 1 outlet(s) (alpha), cron '0 0 1 1 *' (UTC); next run " in second, first + second
    scheduler.send_signal(signal.SIGTERM)
    out, _ = scheduler.communicate(timeout=10)
    assert scheduler.returncode == ExitCode.OK
    assert [line.split(" ", 2)[2] for line in out.splitlines()] == ["SIGTERM: no new runs",
                                                                   "khabar schedule stopped: no crawl running"]


# -- the schedule file, checked at start -------------------------------------------------------------
def test_a_bad_schedule_file_names_the_file_the_lines_and_what_is_allowed(setup: Setup) -> None:
    path = setup.config("""max_paralel: 2
groups:
  sahel:
    outlets:
      - alpha
      - alfa
    cron: "*/15 * * *"
  maghreb:
    country: [ML]
    every: 2 hours
    colour: blue
""")
    result = CliRunner().invoke(main, ["schedule", str(path)])
    assert result.exit_code == ExitCode.USAGE
    assert result.output.splitlines() == [
        "Error: the schedule file is not valid (5 problems):",
        f" {path}: line 3: unknown key 'max_paralel' at the top level; allowed: store, max_parallel, catalog, "
        "catalog_extra, logs, metrics_port, metrics_host, groups, since, max_articles, backfill, full, lang, workers, "
        "log_level, settings",
        f" {path}: line 8: group 'sahel': unknown outlet 'alfa'; 'khabar outlets' lists the catalog's ids (add "
        "catalog_extra for outlets of another catalog file)",
        f" {path}: line 9: group 'sahel': '*/15 * * *' is not a cron expression; use five fields (minute hour "
        "day-of-month month day-of-week, in UTC), e.g. \"*/30 * * * *\" or \"0 3 * * 1-5\"",
        f" {path}: line 12: group 'maghreb': every '2 hours' is not an interval; use a number with s, m, h or d, e.g. "
        "90s, 30m, 2h, 1d or 1h30m",
        f" {path}: line 13: unknown key 'colour' in group 'maghreb'; allowed: outlets, all, country, cron, every, since, "
        "max_articles, backfill, full, lang, workers, log_level, settings",
        "Fix the file (README, 'Scheduled crawls', shows the format) and start again.",
        "Try 'khabar schedule --help'."]


# -- two real schedulers on one store, real crawls, then SIGTERM -----------------------------------------
@dataclass
class TwoSchedulers:
    store: Path
    logs: list[list[str]]
    codes: list[int | None]
    holder: LockHolder
    served: dict[str, int]
    verify: subprocess.CompletedProcess[str]


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


@pytest.fixture(scope="module")
def two_schedulers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoSchedulers]:
    tmp = tmp_path_factory.mktemp("two-schedulers")
    store = tmp / "store"
    with SlowOutlet(articles=40, delay=1.0) as site:
        config = tmp / "schedule.yaml"
        config.write_text(f"store: {store}\ncatalog_extra: {site.catalog(tmp)}\nworkers: 0\n"
                          "groups:\n  slow:\n    outlets: [lente]\n    every: 2s\n")
        outputs = [tmp / f"scheduler-{n}.log" for n in (1, 2)]
        schedulers = []
        for output in outputs:
            with open(output, "w") as handle:
                schedulers.append(subprocess.Popen([*KHABAR, "schedule", str(config)], cwd=ROOT, stdout=handle,
                                                   stderr=subprocess.STDOUT, text=True))
        try:
            # one crawl has archived an article, and the other scheduler has been told the outlet is taken
            wait_for(lambda: any(url.startswith(site.base_url + "/2026/") for url in archived_responses(store)),
                     schedulers[0], timeout=120)
            told = ("another crawl holds its lock", "took the outlet's lock first")
            wait_for(lambda: any(word in line for output in outputs for line in _lines(output) for word in told),
                     schedulers[1], timeout=60)
            # and the owner's next tick (every 2 s) has come while its crawl runs: with a quick start-up the first
            # article can be archived before it
            wait_for(lambda: any(" skipped lente " in line and line.endswith(" is still running")
                                 for output in outputs for line in _lines(output)), schedulers[0], timeout=60)
            holder = lock_holder(store, "lente")
            assert holder is not None
            for scheduler in schedulers:
                scheduler.send_signal(signal.SIGTERM)
            codes: list[int | None] = [scheduler.wait(timeout=120) for scheduler in schedulers]
        finally:
            for scheduler in schedulers:
                if scheduler.poll() is None:
                    scheduler.kill()
        served = dict(site.served)
    yield TwoSchedulers(store, [_lines(output) for output in outputs], codes, holder, served,
                        run([*KHABAR, "verify", str(store)], timeout=120))


def test_two_schedulers_on_one_store_never_crawl_one_outlet_at_once(two_schedulers: TwoSchedulers) -> None:
    held = two_schedulers.holder
    started = [re.search(r" started lente \(group slow, due [^)]*\): crawl (\S+), pid (\d+),", line)
               for log in two_schedulers.logs for line in log]
    pids = {m.group(1): int(m.group(2)) for m in started if m}
    assert pids[held.crawl_id] == held.pid  # the crawl holding the lock is one a scheduler started
    busy = [f"another crawl holds its lock: pid {held.pid} on {socket.gethostname()} since {held.since} "
            f"(crawl id {held.crawl_id})", f"another crawl took the outlet's lock first: pid {held.pid} on {socket.gethostname()} "
            f"since {held.since} (crawl id {held.crawl_id})"]
    owner = next(n for n, log in enumerate(two_schedulers.logs) if any(f"crawl {held.crawl_id}, pid" in line for line in log))
    other = two_schedulers.logs[1 - owner]
    assert any(line.endswith(said) for line in other for said in busy), other
    # every crawl that either scheduler started, other than the lock holder's, ended with exit 6 having fetched nothing
    ended_busy = {crawl for crawl in pids for line in other + two_schedulers.logs[owner]
                  if f"crawl {crawl}): exit 6 (OUTLET_BUSY)" in line}
    assert set(pids) - ended_busy == {held.crawl_id}
    assert max(two_schedulers.served.values()) == 1  # no page fetched twice: one crawl of lente at a time
    reports = sorted(two_schedulers.store.glob("runs/*/lente.json"))
    assert [path.parent.name for path in reports] == [held.crawl_id]
    skips = [line for line in two_schedulers.logs[owner] if " skipped lente " in line]
    assert skips and all(f"its crawl {held.crawl_id} started " in line and line.endswith(" is still running")
                         for line in skips)


def test_sigterm_stops_a_scheduled_crawl_cleanly_and_verify_passes(two_schedulers: TwoSchedulers) -> None:
    held = two_schedulers.holder
    assert two_schedulers.codes == [ExitCode.OK, ExitCode.OK]
    owner = next(log for log in two_schedulers.logs if any(f"crawl {held.crawl_id}, pid" in line for line in log))
    said = [line.split(" ", 2)[2] for line in owner]
    stop = said.index("SIGTERM: no new runs; stopping 1 running crawl(s) cleanly: lente")
    assert re.fullmatch(rf"stopped lente \(group slow, crawl {held.crawl_id}\): exit 130 \(INTERRUPTED\) after \d+s; "
                        "what it archived is kept", said[stop + 1]), said[stop:]
    assert said[-1] == "khabar schedule stopped: no crawl running"
    assert not list(two_schedulers.store.glob("**/*.open"))
    report = json.loads(next(two_schedulers.store.glob(f"runs/{held.crawl_id}/lente.json")).read_text())
    assert report["finish_reason"] == "shutdown" and report["pages_archived"] > 0
    log = two_schedulers.store / "state" / "schedule" / "lente" / f"{held.crawl_id}.log"
    assert f"Khabar crawl {held.crawl_id} interrupted (SIGTERM)." in _lines(log)
    assert two_schedulers.verify.returncode == 0, two_schedulers.verify.stdout + two_schedulers.verify.stderr
    assert two_schedulers.verify.stdout.splitlines()[-1] == f"OK: 0 faults in {two_schedulers.store}"


@pytest.mark.parametrize(("text", "problem"), [
    ("groups:\n  g:\n    outlets: [alpha]\n    every: 1h\n    every: 2h\n", "line 7: key 'every' appears twice; keep one"),
    ("groups:\n  g:\n    outlets: [alpha\n    every: 1h\n", "line 6: not valid YAML (expected ',' or ']', but got ':')"),
    ("groups:\n  g:\n    outlets: [alpha]\n    every: 1h\n    cron: '0 * * * *'\n",
     "line 4: group 'g' must say when it runs with exactly one of: cron: \"*/30 * * * *\" or every: 2h (it has cron, every)"),
    ("groups:\n  g:\n    outlets: [alpha]\n    all: true\n    every: 1h\n",
     "line 4: group 'g' must pick its outlets with exactly one of: outlets: [ids…], all: true, country: [ML, BF…] "
     "(it has outlets, all)"),
    ("groups:\n  g:\n    outlets: [alpha]\n    cron: '0 0 31 2 *'\n",
     "line 6: group 'g': cron '0 0 31 2 *' names a time that never comes; check its day and month"),
    ("groups:\n  g:\n    outlets: [alpha]\n    cron: '*/90 * * * *'\n",
     "line 6: group 'g': '*/90 * * * *' is not a cron expression; use five fields (minute hour day-of-month month "
     "day-of-week, in UTC), e.g. \"*/30 * * * *\" or \"0 3 * * 1-5\""),
    ("groups:\n  g:\n    country: [XX]\n    every: 1h\n",
     "line 5: group 'g': no outlet of the catalog is in XX; 'khabar outlets --country CODE' lists a country's outlets"),
    ("settings: {KHABAR_STORE_URI: /elsewhere}\ngroups:\n  g:\n    outlets: [alpha]\n    every: 1h\n",
     "line 3: the file: setting KHABAR_STORE_URI is set by the schedule file's key store"),
    ("groups:\n  g:\n    outlets: [alpha]\n    every: 1h\n    settings:\n      KHABAR_SPOOL_DIR: /tmp/other\n",
     "line 8: group 'g': setting KHABAR_SPOOL_DIR can only be set for the whole file (its top-level settings): the "
     "scheduler and every crawl must find the same local state"),
    ("max_parallel: 0\ngroups:\n  g:\n    outlets: [alpha]\n    every: 1h\n    since: last week\n",
     "line 3: 'max_parallel' must be a whole number ≥ 1, not 0"),
], ids=["duplicate-key", "yaml-syntax", "cron-and-every", "outlets-and-all", "never", "long-step", "no-country",
        "reserved-setting", "spool-per-group", "max-parallel"])
def test_each_problem_of_a_schedule_file_is_named_with_its_line(setup: Setup, text: str, problem: str) -> None:
    path = setup.config(text)
    with pytest.raises(ScheduleInvalid) as invalid:
        load_schedule(path)
    assert invalid.value.problems[0] == problem
    assert invalid.value.path == str(path) and invalid.value.exit_code == ExitCode.USAGE


def test_a_schedule_file_picks_outlets_by_id_country_or_all(setup: Setup) -> None:
    path = setup.tmp / "picks.yaml"  # relative paths: from the file's folder
    path.write_text("""store: store
catalog_extra: catalog.yaml
max_parallel: 3
workers: 0
lang: [fr]
groups:
  ours:
    outlets: [gamma, alpha, gamma]
    every: 1h30m
    workers: 1
    full: true
    settings: {KHABAR_WARC_PREFIX: host2}
  mali:
    country: [ml]
    cron: "0 6 * * *"
  every_outlet:
    all: true
    every: 1d
""")
    config = load_schedule(path)
    from crawler.catalog import catalog_from_settings
    from crawler.run.settings import khabar_settings

    catalog = list(catalog_from_settings(khabar_settings(config.crawl_settings())))
    ours, mali, every_outlet = config.groups
    assert (ours.outlets, ours.trigger.every, ours.options.workers, ours.options.full, ours.options.lang) == (
        ("gamma", "alpha"), timedelta(hours=1, minutes=30), 1, True, ("fr",))
    assert mali.options.workers == 0 and mali.trigger.after(T0) == datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
    assert {"alpha", "beta", "gamma", "maliweb"} <= set(mali.outlets)
    assert all(outlet.country == "ML" for outlet in catalog if outlet.id in mali.outlets)
    assert len(every_outlet.outlets) == len([outlet for outlet in catalog if not outlet.demo]) > 40
    assert (config.store, config.catalog_extra, config.max_parallel) == (str(setup.store), (str(setup.catalog),), 3)
    assert config.crawl_settings() == {"KHABAR_STORE_URI": str(setup.store), "KHABAR_CATALOG_EXTRA": [str(setup.catalog)]}
