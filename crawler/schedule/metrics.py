"""``khabar schedule --metrics-port N``: what the scheduler did, as Prometheus metrics (labels: ``outlet``, ``group``).

The scheduler counts here as it goes (``Scheduler.metrics``, always kept: a few numbers); the command serves
them through the process's metrics server (``crawler.run.metrics_server``) when a port is given. Times are
the scheduler's clock (UTC), in seconds since the epoch.

    khabar_schedule_runs_started_total{outlet}          crawls started
    khabar_schedule_runs_finished_total{outlet,result}  crawls ended, by result from the exit code
                                                        (``crawler.run.exit_results``: ok, failed, busy-skipped,
                                                        interrupted)
    khabar_schedule_last_exit_code{outlet}              the exit code of the outlet's last crawl that ended
    khabar_schedule_runs_skipped_total{outlet,reason}   due runs not started: overrun (its crawl still runs),
                                                        waiting (already waiting for a slot or the hold), locked
                                                        (another process holds the outlet's lock), start-failed
    khabar_schedule_runs_held_total{outlet}             due runs the hold (the disk guard) kept waiting (once each)
    khabar_schedule_held                                1 while the disk guard holds every start, else 0
    khabar_schedule_runs_running{outlet}                1 while a crawl of the outlet started by this scheduler runs
    khabar_schedule_runs_waiting{outlet}                1 while a run of the outlet waits for a slot or the hold
    khabar_schedule_last_success_timestamp_seconds{outlet}  when the outlet's last crawl that exited 0 ended
    khabar_schedule_next_run_timestamp_seconds{group}   the group's next due time
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from crawler.run.exit_results import RESULTS, exit_result

PUBLISHED_AS = "schedule"


class ScheduleMetrics(Collector):
    """One scheduler's numbers (see the module docstring); every outlet and group of its file is listed from the start."""

    def __init__(self, outlets: Iterable[str], groups: Iterable[str]) -> None:
        self.outlets, self.groups = sorted(set(outlets)), list(groups)
        self.registry = registry = CollectorRegistry(auto_describe=True)
        self.started_runs = Counter("khabar_schedule_runs_started", "Crawls started", ["outlet"], registry=registry)
        self.finished = Counter("khabar_schedule_runs_finished", "Crawls ended, by result of their exit code",
                                ["outlet", "result"], registry=registry)
        self.last_exit = Gauge("khabar_schedule_last_exit_code", "Exit code of the outlet's last crawl that ended",
                               ["outlet"], registry=registry)
        self.skipped_runs = Counter("khabar_schedule_runs_skipped", "Due runs not started, by reason",
                                    ["outlet", "reason"], registry=registry)
        self.held_runs = Counter("khabar_schedule_runs_held", "Due runs the disk guard kept waiting", ["outlet"],
                                 registry=registry)
        self.held_now = Gauge("khabar_schedule_held", "1 while the disk guard holds every start", registry=registry)
        self.running = Gauge("khabar_schedule_runs_running", "1 while a crawl of the outlet runs", ["outlet"],
                             registry=registry)
        self.waiting = Gauge("khabar_schedule_runs_waiting", "1 while a run of the outlet waits to start", ["outlet"],
                             registry=registry)
        self.last_success = Gauge("khabar_schedule_last_success_timestamp_seconds",
                                  "End of the outlet's last crawl that exited 0", ["outlet"], registry=registry)
        self.next_run = Gauge("khabar_schedule_next_run_timestamp_seconds", "The group's next due time", ["group"],
                              registry=registry)
        for outlet in self.outlets:
            self.started_runs.labels(outlet)
            self.held_runs.labels(outlet)
            self.running.labels(outlet)
            self.waiting.labels(outlet)
            for result in RESULTS:
                self.finished.labels(outlet, result)

    def collect(self) -> Iterator[Metric]:
        yield from self.registry.collect()

    def started(self, outlet: str) -> None:
        self.started_runs.labels(outlet).inc()

    def ended(self, outlet: str, code: int, when: datetime) -> None:
        self.finished.labels(outlet, exit_result(code)).inc()
        self.last_exit.labels(outlet).set(code)
        if code == 0:
            self.last_success.labels(outlet).set(when.timestamp())

    def skipped(self, outlet: str, reason: str) -> None:
        self.skipped_runs.labels(outlet, reason).inc()

    def held(self, outlet: str) -> None:
        self.held_runs.labels(outlet).inc()

    def now(self, running: Iterable[str], waiting: Iterable[str], next_due: Mapping[str, datetime], held: bool) -> None:
        """The scheduler's state at the end of a step."""
        busy, queued = set(running), set(waiting)
        for outlet in self.outlets:
            self.running.labels(outlet).set(int(outlet in busy))
            self.waiting.labels(outlet).set(int(outlet in queued))
        for group, due in next_due.items():
            self.next_run.labels(group).set(due.timestamp())
        self.held_now.set(int(held))
