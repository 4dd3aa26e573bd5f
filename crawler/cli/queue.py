"""``khabar worker`` and ``khabar enqueue``: outlet crawls as jobs over Redis (``KHABAR_QUEUE_URL``).

    khabar worker [--concurrency N] --store s3://bucket/prefix    take jobs, one crawl process per job
    khabar worker … --metrics-port 9412                           and serve its metrics (crawler.queue.metrics)
    khabar enqueue lefaso maliweb [--since DAY] [--full] …         add jobs (an outlet already queued: dropped)
    khabar enqueue --all                                          every outlet of the catalog

``khabar status STORE`` lists the jobs when ``KHABAR_QUEUE_URL`` is set. See README, "Running on several machines".
"""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING, Any

import click

from crawler.cli.options import command_settings, parse_set, set_option

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

    from crawler.queue.config import QueueConfig


def _queue_config(settings: BaseSettings, command: str) -> QueueConfig:
    from crawler.errors import ConfigInvalid
    from crawler.queue.config import QueueConfig, queue_enabled

    if not queue_enabled(settings):
        raise ConfigInvalid(f"khabar {command} needs the queue: set KHABAR_QUEUE_URL=redis://host:port/db "
                            "(the same on every machine); without it, run khabar crawl")
    return QueueConfig.from_settings(settings)


@click.command()
@click.option("--concurrency", type=click.IntRange(min=1), default=1, show_default=True,
              help="Jobs (outlet crawls, one process each) this worker runs at once.")
@click.option("--store", help="The shared store: s3://bucket/prefix, or a folder every machine mounts [KHABAR_STORE_URI].")
@click.option("--catalog-extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More catalog entries for this worker's crawls.")
@click.option("--metrics-port", type=click.IntRange(0, 65535),
              help="Serve the worker's Prometheus metrics at http://127.0.0.1:PORT/metrics (0: a free port, printed).")
@click.option("--metrics-host", help="Address the metrics server binds (default 127.0.0.1).")
@set_option
def worker(concurrency: int, store: str | None, catalog_extra: tuple[str, ...], metrics_port: int | None,
           metrics_host: str | None, set_: tuple[str, ...]) -> None:
    """Take outlet crawls from the queue (KHABAR_QUEUE_URL) and run them, until SIGTERM or Ctrl-C."""
    from crawler.queue.app import QUEUE, celery_app, register_crawl_task
    from crawler.queue.connection import redis_client
    from crawler.queue.job_run import WorkerContext, run_job
    from crawler.queue.metrics import PUBLISHED_AS, WorkerMetrics
    from crawler.run.metrics_server import serve_published

    options: dict[str, Any] = {"KHABAR_STORE_URI": store}
    if catalog_extra:
        options["KHABAR_CATALOG_EXTRA"] = [os.path.abspath(p) for p in catalog_extra]
    settings = command_settings(set_, options)
    config = _queue_config(settings, "worker")
    client = redis_client(config)
    crawl_args = ["--store", str(settings.get("KHABAR_STORE_URI"))]
    for path in options.get("KHABAR_CATALOG_EXTRA", []):
        crawl_args += ["--catalog-extra", path]
    for item in set_:
        crawl_args += ["-s", item]
    ctx = WorkerContext(config, settings, tuple(crawl_args), WorkerContext.worker_name(),
                        metrics=WorkerMetrics(client, QUEUE))
    if metrics_port is not None:  # before any job: a port in use ends the command (exit 2)
        server = serve_published(PUBLISHED_AS, ctx.metrics, metrics_port, metrics_host)
        click.echo(f"Metrics: {server.url}", err=True)
    app = celery_app(config)
    register_crawl_task(app, lambda c, job_id: run_job(ctx, c, job_id), client, ctx.stop_crawls)
    click.echo(f"khabar worker {ctx.name}: taking jobs from {config.shown_url}, {concurrency} at a time, "
               f"store {settings.get('KHABAR_STORE_URI')}", err=True)
    app.worker_main(["worker", "--pool=threads", f"--concurrency={concurrency}", "-Q", QUEUE, "--loglevel=INFO",
                     "-n", f"khabar-{os.getpid()}@{socket.gethostname()}", "--without-gossip", "--without-mingle",
                     "--without-heartbeat"])


@click.command()
@click.argument("outlets", nargs=-1)
@click.option("--all", "all_outlets", is_flag=True, help="Every outlet of the catalog.")
@click.option("--catalog-extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More catalog entries (to check OUTLETS against; workers read their own catalog).")
@click.option("--since", help="Passed to the crawl: skip URLs announced before this day, YYYY-MM-DD.")
@click.option("--max-articles", type=click.IntRange(min=1), help="Passed to the crawl: at most N article URLs.")
@click.option("--backfill", is_flag=True, help="Passed to the crawl: walk the whole archive.")
@click.option("--full", is_flag=True, help="Passed to the crawl: fetch every discovered URL again.")
@click.option("--crawl-set", "crawl_set", multiple=True, metavar="NAME=VALUE",
              help="A setting for the crawl itself (-s of khabar crawl), e.g. --crawl-set DOWNLOAD_DELAY=1.")
@set_option
def enqueue(outlets: tuple[str, ...], all_outlets: bool, catalog_extra: tuple[str, ...], since: str | None,
            max_articles: int | None, backfill: bool, full: bool, crawl_set: tuple[str, ...],
            set_: tuple[str, ...]) -> None:
    """Add a crawl job per outlet to the queue (KHABAR_QUEUE_URL); an outlet that already has a job waiting
    to run is not queued twice."""
    from crawler.catalog import catalog_from_settings
    from crawler.queue.app import celery_app, send_job
    from crawler.queue.connection import redis_client
    from crawler.queue.jobs import add_job

    options: dict[str, Any] = {"KHABAR_CATALOG_EXTRA": list(catalog_extra) or None}
    settings = command_settings(set_, options)
    config = _queue_config(settings, "enqueue")
    if not (outlets or all_outlets):
        raise click.UsageError("name at least one outlet id, or use --all (see 'khabar outlets')")
    catalog = catalog_from_settings(settings)
    ids = [o.id for o in catalog if not o.demo] if all_outlets else [catalog.get(o).id for o in outlets]
    args = _crawl_args(since, max_articles, backfill, full, crawl_set)
    client = redis_client(config)
    app = celery_app(config)
    for outlet in ids:
        added = add_job(client, outlet, args)
        if added.created:
            send_job(app, added.job_id)
            click.echo(f"{outlet}: queued as job {added.job_id}")
        else:
            click.echo(f"{outlet}: already queued as job {added.job_id}; not queued twice")


def _crawl_args(since: str | None, max_articles: int | None, backfill: bool, full: bool,
                crawl_set: tuple[str, ...]) -> list[str]:
    args = [*(["--since", since] if since else []), *(["--max-articles", str(max_articles)] if max_articles else []),
            *(["--backfill"] if backfill else []), *(["--full"] if full else [])]
    for name, value in parse_set(crawl_set).items():
        args += ["-s", f"{name}={value}"]
    return args
