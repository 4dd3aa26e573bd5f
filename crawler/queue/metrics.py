"""``khabar worker --metrics-port N``: the jobs this worker ran, as Prometheus metrics (label: ``outlet``).

The worker counts here as its jobs change state (``crawler.queue.job_run``; ``WorkerContext.metrics``); the
command serves them through the process's metrics server (``crawler.run.metrics_server``).

    khabar_worker_jobs_taken_total{outlet}              jobs whose crawl this worker started
    khabar_worker_jobs_finished_total{outlet,result}    crawls ended, by result from the exit code
                                                        (``crawler.run.exit_results``: ok, failed, busy-skipped,
                                                        interrupted: queued again)
    khabar_worker_jobs_failed_total{outlet}             jobs this worker marked failed (the crawl crashed or
                                                        could not run, e.g. an outlet not in its catalog)
    khabar_worker_jobs_running{outlet}                  crawls of the outlet running on this worker now
    khabar_worker_last_success_timestamp_seconds{outlet}  when the outlet's last crawl here that exited 0 ended
    khabar_worker_queue_length                          jobs waiting in the queue's Redis for any worker (read at
                                                        each scrape; absent while Redis does not answer)
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import redis
from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from crawler.run.exit_results import exit_result

PUBLISHED_AS = "worker"


class WorkerMetrics(Collector):
    """One worker's numbers (see the module docstring); ``queue`` (the Celery queue's Redis key) is read when scraped
    through ``client``, when given."""

    def __init__(self, client: redis.Redis | None = None, queue: str = "") -> None:
        self.client, self.queue = client, queue
        self.registry = registry = CollectorRegistry(auto_describe=True)
        self.taken_jobs = Counter("khabar_worker_jobs_taken", "Jobs whose crawl this worker started", ["outlet"],
                                  registry=registry)
        self.finished = Counter("khabar_worker_jobs_finished", "Crawls ended, by result of their exit code",
                                ["outlet", "result"], registry=registry)
        self.failed_jobs = Counter("khabar_worker_jobs_failed", "Jobs this worker marked failed", ["outlet"],
                                   registry=registry)
        self.running = Gauge("khabar_worker_jobs_running", "Crawls of the outlet running on this worker now", ["outlet"],
                             registry=registry)
        self.last_success = Gauge("khabar_worker_last_success_timestamp_seconds",
                                  "End of the outlet's last crawl here that exited 0", ["outlet"], registry=registry)

    def collect(self) -> Iterator[Metric]:
        yield from self.registry.collect()
        length = self._queue_length()
        if length is not None:
            family = GaugeMetricFamily("khabar_worker_queue_length", "Jobs waiting in the queue for any worker")
            family.add_metric([], length)
            yield family

    def _queue_length(self) -> int | None:
        if self.client is None or not self.queue:
            return None
        try:
            return int(self.client.llen(self.queue))
        except redis.RedisError:
            return None

    def taken(self, outlet: str) -> None:
        self.taken_jobs.labels(outlet).inc()
        self.running.labels(outlet).inc()

    def crawl_ended(self, outlet: str, code: int) -> None:
        self.running.labels(outlet).dec()
        self.finished.labels(outlet, exit_result(code)).inc()
        if code == 0:
            self.last_success.labels(outlet).set(time.time())

    def failed(self, outlet: str) -> None:
        self.failed_jobs.labels(outlet).inc()
