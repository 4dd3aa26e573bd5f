"""``khabar schedule --metrics-port`` and ``khabar worker --metrics-port``: their own Prometheus metrics, scraped
over HTTP, equal what happened (issues 13 and 14).

The scheduler runs on the test's clock with the cheap stand-in crawl of ``tests/test_schedule.py`` (real child
processes, real exit codes), served by this process's metrics server. The commands themselves are run once
each: a schedule file with ``metrics_port: 0``, a metrics port in use (exit 2), and one worker with a real
Redis, the demo world and one small job.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from crawler.errors import ExitCode, ScheduleInvalid
from crawler.queue.app import QUEUE
from crawler.queue.metrics import WorkerMetrics
from crawler.run.metrics_server import serve_published
from crawler.schedule.config import load_schedule
from crawler.schedule.metrics import PUBLISHED_AS
from tests import test_schedule
from tests.support.crawls import KHABAR, ROOT, run
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.queue_world import PersistentRedis, Worker
from tests.test_metrics_alerts import _Lines, _metrics_url, _scrape, _value
from tests.test_queue import QUEUE_SETTINGS, _enqueue, _jobs, _wait
from tests.test_schedule import MINUTE, T0, Setup

S = "khabar_schedule_"
setup = test_schedule.setup  # the fixture: a store and a catalog of alpha, beta and gamma


def _drive_until(scheduler: Any, clock: Any, until: Any) -> None:
    while clock.now() < until:
        clock.sleep_until(scheduler.step())


def test_the_schedulers_metrics_over_http_equal_what_it_did(setup: Setup) -> None:
    scheduler, launcher, clock, _ = setup.scheduler("max_parallel: 2\ngroups:\n  g:\n    outlets: [alpha, beta]\n"
                                                    "    every: 10m\n", durations={"alpha": 25 * MINUTE},
                                                    codes={"beta": 3})
    full = "disk guard: 1% free on /srv, below KHABAR_MIN_FREE_SPACE"
    scheduler.hold = lambda: full if clock.now() < T0 + MINUTE else None
    url = serve_published(PUBLISHED_AS, scheduler.metrics, 0, "127.0.0.1").url
    scheduler.start()
    _drive_until(scheduler, clock, T0 + 8 * MINUTE)  # 10:07 held; 10:08 both start; 10:13 beta exits 3
    mid = _scrape(url)
    assert [(when, outlet) for when, outlet, _ in launcher.launches] == [("10:08", "alpha"), ("10:08", "beta")]
    assert _value(mid, f"{S}runs_held_total", outlet="alpha") == _value(mid, f"{S}runs_held_total", outlet="beta") == 1
    assert _value(mid, f"{S}held") == 0
    assert _value(mid, f"{S}runs_started_total", outlet="alpha") == 1
    assert _value(mid, f"{S}runs_running", outlet="alpha") == 1 and _value(mid, f"{S}runs_running", outlet="beta") == 0
    assert _value(mid, f"{S}runs_finished_total", outlet="beta", result="failed") == 1
    assert _value(mid, f"{S}last_exit_code", outlet="beta") == 3
    assert _value(mid, f"{S}last_success_timestamp_seconds", outlet="alpha") is None
    assert _value(mid, f"{S}next_run_timestamp_seconds", group="g") == (T0 + 10 * MINUTE).timestamp()

    _drive_until(scheduler, clock, T0 + 27 * MINUTE)  # 10:17, 10:27: alpha overruns, beta runs; 10:33 alpha ends
    end = _scrape(url)
    assert [(when, outlet) for when, outlet, _ in launcher.launches] == [
        ("10:08", "alpha"), ("10:08", "beta"), ("10:17", "beta"), ("10:27", "beta")]
    assert _value(end, f"{S}runs_started_total", outlet="alpha") == 1
    assert _value(end, f"{S}runs_started_total", outlet="beta") == 3
    assert _value(end, f"{S}runs_skipped_total", outlet="alpha", reason="overrun") == 2
    assert _value(end, f"{S}runs_skipped_total", outlet="beta", reason="overrun") is None
    assert _value(end, f"{S}runs_finished_total", outlet="alpha", result="ok") == 1
    assert _value(end, f"{S}runs_finished_total", outlet="beta", result="failed") == 3
    assert _value(end, f"{S}runs_finished_total", outlet="beta", result="ok") == 0
    assert _value(end, f"{S}last_exit_code", outlet="alpha") == 0
    assert _value(end, f"{S}last_success_timestamp_seconds", outlet="alpha") == (T0 + 26 * MINUTE).timestamp()
    assert _value(end, f"{S}runs_running", outlet="alpha") == 0
    assert _value(end, f"{S}next_run_timestamp_seconds", group="g") == (T0 + 30 * MINUTE).timestamp()


def test_khabar_schedule_serves_metrics_from_its_file_and_a_port_in_use_is_exit_2(setup: Setup) -> None:
    config = setup.config("metrics_port: 0\ngroups:\n  yearly:\n    outlets: [alpha]\n    cron: '0 0 1 1 *'\n")
    process = subprocess.Popen([*KHABAR, "schedule", str(config)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    stderr = _Lines(process.stderr)
    try:
        scrape = _scrape(_metrics_url(stderr, process))
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=20)
        stderr.join()
    assert process.returncode == ExitCode.OK, stderr.text[-2000:]
    assert _value(scrape, f"{S}runs_started_total", outlet="alpha") == 0
    assert _value(scrape, f"{S}next_run_timestamp_seconds", group="yearly") == datetime(
        datetime.now(UTC).year + 1, 1, 1, tzinfo=UTC).timestamp()

    with socket.socket() as taken:  # held, listening, for the whole command
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run([*KHABAR, "schedule", str(config), "--metrics-port", str(port)], timeout=60)
    assert result.returncode == ExitCode.USAGE == 2, result.stderr[-2000:]
    assert (f"Error: cannot serve metrics on 127.0.0.1:{port}: the port is already in use" in result.stderr
            and "pick a free port with --metrics-port N" in result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "khabar schedule:" not in result.stdout


def test_a_bad_metrics_port_in_a_schedule_file_is_named_with_its_line(setup: Setup) -> None:
    with pytest.raises(ScheduleInvalid) as raised:
        load_schedule(setup.config("metrics_port: 70000\nmetrics_host: ''\ngroups:\n  g:\n    outlets: [alpha]\n"
                                   "    every: 1h\n"))
    assert raised.value.problems == [
        "line 3: 'metrics_port' must be a TCP port, 1 to 65535 (0: a free one), not 70000",
        "line 4: 'metrics_host' must be an address of this machine, e.g. 127.0.0.1, not ''"]


# -- khabar worker --metrics-port ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def worked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One job of demo-bilingue (a few articles) queued, then one worker with --metrics-port 0, scraped once the
    job ended."""
    tmp = tmp_path_factory.mktemp("worker-metrics")
    redis_server, catalog = PersistentRedis(tmp), tmp / "demo.yaml"
    redis_server.start()
    worker: Worker | None = None
    try:
        with serve_demo_outlets(catalog):
            env = {"KHABAR_QUEUE_URL": redis_server.url, **QUEUE_SETTINGS}
            client = redis_server.client()
            _enqueue(env, "demo-bilingue", "--max-articles", "3", "--catalog-extra", str(catalog))
            registry = CollectorRegistry()
            registry.register(WorkerMetrics(client, QUEUE))  # what a worker reads of the queue, before any worker
            queued = {s.name: s.value for f in text_string_to_metric_families(generate_latest(registry).decode())
                      for s in f.samples}
            worker = Worker("m", tmp, env, "--store", str(tmp / "store"), "--catalog-extra", str(catalog),
                            "--metrics-port", "0")
            _wait("the worker's metrics URL", lambda: "Metrics: " in worker.output(), 60, [worker])
            url = worker.output().partition("Metrics: ")[2].split()[0]
            _wait("the job's end", lambda: [j["state"] for j in _jobs(client)] == ["finished"], 120, [worker])
            yield {"queued": queued, "after": _scrape(url), "jobs": _jobs(client), "ended": time.time()}
    finally:
        if worker is not None:
            worker.stop()
        redis_server.stop()


def test_the_workers_metrics_count_its_finished_job_and_its_success(worked: dict[str, Any]) -> None:
    after, (job,) = worked["after"], worked["jobs"]
    assert worked["queued"]["khabar_worker_queue_length"] == 1
    assert job["exit_code"] == "0"
    assert _value(after, "khabar_worker_jobs_taken_total", outlet="demo-bilingue") == 1
    assert _value(after, "khabar_worker_jobs_finished_total", outlet="demo-bilingue", result="ok") == 1
    assert _value(after, "khabar_worker_jobs_failed_total", outlet="demo-bilingue") is None
    assert _value(after, "khabar_worker_jobs_running", outlet="demo-bilingue") == 0
    success = _value(after, "khabar_worker_last_success_timestamp_seconds", outlet="demo-bilingue")
    assert success is not None and 0 < worked["ended"] - success < 120
    assert _value(after, "khabar_worker_queue_length") == 0
