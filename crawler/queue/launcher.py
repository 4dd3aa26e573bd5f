"""``khabar schedule`` with the queue on: due crawls become jobs instead of child processes.

``QueueLauncher`` has the shape of the scheduler's ``Launcher`` (``start(run) -> handle``; the handle's
``describe``, ``poll``, ``terminate`` and ``tail``), so ``launcher_from_settings`` returns it when
``KHABAR_QUEUE_URL`` is set and the scheduler does not change. The run's ``khabar crawl`` arguments become the
job's, without ``--store``, ``--catalog`` and ``--catalog-extra`` (a worker crawls into its own store with its
own catalog, paths of the scheduling machine mean nothing there); ``-s KHABAR_CRAWL_ID=…`` is kept, so the run
report is where the scheduler looks for it. The handle follows the job's record: ``poll`` gives the crawl's
exit code once the job has ended (``ExitCode.USAGE`` for a job that could not run, e.g. an outlet not in the
workers' catalog), None before, and None while Redis cannot be reached. ``terminate`` leaves the job to the
queue: a scheduler that stops does not take back crawls it handed to the workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import redis
from scrapy.settings import BaseSettings

from crawler.errors import ExitCode
from crawler.queue import jobs
from crawler.queue.app import celery_app, send_job
from crawler.queue.config import QueueConfig
from crawler.queue.connection import redis_client

_MACHINE_LOCAL = ("--store", "--catalog", "--catalog-extra")


class PlannedCrawl(Protocol):
    """What the launcher reads of the scheduler's ``PlannedRun``."""

    @property
    def outlet(self) -> str: ...

    @property
    def arguments(self) -> tuple[str, ...]: ...


class QueueLauncher:
    def __init__(self, config: QueueConfig) -> None:
        self.config, self.client, self.app = config, redis_client(config), celery_app(config)

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> QueueLauncher:
        return cls(QueueConfig.from_settings(settings))

    def start(self, run: PlannedCrawl) -> QueuedRun:
        try:
            added = jobs.add_job(self.client, run.outlet, job_arguments(run.arguments, run.outlet))
            if added.created:
                send_job(self.app, added.job_id)
        except redis.RedisError as exc:
            raise OSError(f"cannot queue {run.outlet} in {self.config.shown_url}: {exc}") from exc
        return QueuedRun(self.client, added.job_id, self.config.shown_url)


def job_arguments(arguments: Sequence[str], outlet: str) -> list[str]:
    """``crawl OUTLET --store S … -s X=Y`` → the job's options (``… -s X=Y``)."""
    args, rest = [], list(arguments)
    if rest[:2] == ["crawl", outlet]:
        rest = rest[2:]
    skip = False
    for item in rest:
        if skip:
            skip = False
        elif item in _MACHINE_LOCAL:
            skip = True
        elif not item.startswith(tuple(f"{o}=" for o in _MACHINE_LOCAL)):
            args.append(item)
    return args


class QueuedRun:
    """A scheduled crawl handed to the queue, followed through its job record."""

    def __init__(self, client: redis.Redis, job_id: str, where: str) -> None:
        self.client, self.job_id, self.where = client, job_id, where

    def describe(self) -> str:
        return f"job {self.job_id} in {self.where}"

    def poll(self) -> int | None:
        try:
            job = jobs.get_job(self.client, self.job_id)
        except redis.RedisError:
            return None
        if job is None or job.state not in ("finished", "failed"):
            return None
        return int(job.exit_code) if job.exit_code.lstrip("-").isdigit() else int(ExitCode.USAGE)

    def terminate(self) -> None:
        """The job stays queued: the workers own it (``khabar status`` shows it)."""

    def tail(self, lines: int) -> list[str]:
        try:
            job = jobs.get_job(self.client, self.job_id)
        except redis.RedisError as exc:
            return [f"the queue's Redis is unreachable: {exc}"]
        if job is None:
            return []
        return [f"job {job.id}: {job.state} on {job.worker or 'no worker yet'}" + (f": {job.reason}" if job.reason else "")][-lines:]
