"""The Celery app that carries outlet crawls over Redis.

Late acknowledgement (a job is acknowledged when its crawl has ended, so a worker that dies leaves it
unacknowledged), the Redis transport's visibility timeout (``KHABAR_QUEUE_VISIBILITY_TIMEOUT``: an
unacknowledged job goes back to the queue after it), a prefetch of one per slot (a worker never holds jobs
another could run), ``task_reject_on_worker_lost``, and JSON messages that hold only a job id (the job itself
is a record in Redis, ``crawler.queue.jobs``). The broker connection is retried forever with Celery's backoff.
"""

from __future__ import annotations

from typing import Any

import redis
from celery import Celery  # type: ignore[import-untyped]  # celery ships no type information

from crawler.queue.config import QueueConfig

TASK = "khabar.crawl_outlet"
QUEUE = "khabar.crawls"


def celery_app(config: QueueConfig) -> Celery:
    app = Celery("khabar", broker=config.url, set_as_current=False)
    app.conf.update(
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_acks_on_failure_or_timeout=True, task_ignore_result=True, result_backend=None,
        broker_transport_options={"visibility_timeout": config.visibility_timeout,
                                  # look for jobs of dead workers every few seconds (kombu's default: ~100 s)
                                  "unacked_restore_interval": max(1, min(10, int(config.visibility_timeout / 4))),
                                  "unacked_restore_throttle": 1,
                                  # the lock on that sweep: a worker killed while it sweeps leaves it behind, and
                                  # kombu's 5 minutes would hold back every dead worker's job that long
                                  "unacked_mutex_expire": max(1, min(300, int(config.visibility_timeout / 4)))},
        broker_connection_retry=True, broker_connection_retry_on_startup=True, broker_connection_max_retries=None,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        task_serializer="json", accept_content=["json"], task_default_queue=QUEUE,
        worker_hijack_root_logger=False, broker_channel_error_retry=True,
    )
    return app


def send_job(app: Celery, job_id: str) -> None:
    app.send_task(TASK, args=[job_id], queue=QUEUE)


def register_crawl_task(app: Celery, run: Any, client: redis.Redis, on_shutdown: Any) -> None:
    """The task a worker runs: ``run(client, job_id)`` → None when done, else seconds before it tries again;
    ``on_shutdown()`` is called when the worker starts its warm shutdown (SIGTERM, SIGINT)."""
    from celery.signals import worker_shutting_down  # type: ignore[import-untyped]

    worker_shutting_down.connect(lambda **_: on_shutdown(), weak=False)

    @app.task(name=TASK, bind=True, max_retries=None)  # type: ignore[untyped-decorator]
    def crawl_outlet(self: Any, job_id: str) -> None:
        wait = run(client, job_id)
        if wait is not None:
            raise self.retry(countdown=wait)
