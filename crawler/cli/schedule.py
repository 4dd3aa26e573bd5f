"""``khabar schedule CONFIG.yaml``: run the schedule file's crawls on time, in the foreground, until SIGTERM.

The file's format is in ``crawler.schedule.config`` and the README ("Scheduled crawls"); the loop in
``crawler.schedule.scheduler``. A bad file stops here, before anything runs (exit 2, every problem with its line).
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from crawler.schedule.scheduler import Scheduler


@click.command()
@click.argument("config", type=click.Path(dir_okay=False))
@click.option("--check", is_flag=True, help="Check the file, print the groups and their next run times, and exit.")
@click.option("--metrics-port", type=click.IntRange(0, 65535),
              help="Serve the scheduler's Prometheus metrics at http://127.0.0.1:PORT/metrics (0: a free port, printed) "
                   "[metrics_port: in CONFIG].")
@click.option("--metrics-host", help="Address the metrics server binds (default 127.0.0.1) [metrics_host: in CONFIG].")
def schedule(config: str, check: bool, metrics_port: int | None, metrics_host: str | None) -> None:
    """Run the crawls of CONFIG (a schedule file: store, max_parallel, groups of outlets with a cron
    expression or an interval) on time, one crawl per outlet, until SIGTERM or Ctrl-C."""
    from crawler.run.disk_guard import free_space_shortfall
    from crawler.run.settings import khabar_settings
    from crawler.schedule.clock import SystemClock
    from crawler.schedule.config import load_schedule
    from crawler.schedule.launcher import launcher_from_settings
    from crawler.schedule.scheduler import Scheduler
    from crawler.storage.base import local_spool
    from crawler.storage.layout import schedule_logs_dir

    loaded = load_schedule(config)
    settings = khabar_settings(loaded.crawl_settings())
    spool = local_spool(settings)
    logs = loaded.logs or schedule_logs_dir(spool)
    scheduler = Scheduler(loaded, launcher_from_settings(settings), SystemClock(), spool, logs,
                          say=lambda line: click.echo(line), hold=lambda: free_space_shortfall(settings))
    if check:
        scheduler.start()
        return
    _serve_metrics(scheduler, metrics_port if metrics_port is not None else loaded.metrics_port,
                   metrics_host or loaded.metrics_host)

    def stop(signum: int, frame: FrameType | None) -> None:
        scheduler.request_stop(signal.Signals(signum).name)

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, stop)
    sys.exit(scheduler.run())


def _serve_metrics(scheduler: Scheduler, port: int | None, host: str | None) -> None:
    """The scheduler's metrics server, before anything runs: a port in use ends the command (exit 2)."""
    if port is None:
        return
    from crawler.run.metrics_server import serve_published
    from crawler.schedule.metrics import PUBLISHED_AS

    server = serve_published(PUBLISHED_AS, scheduler.metrics, port, host)
    click.echo(f"Metrics: {server.url}", err=True)
