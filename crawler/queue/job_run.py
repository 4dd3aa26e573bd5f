"""One job on a worker: the outlet's lease, its state, its crawl in a child process, the outcome recorded.

The crawl is ``python -m crawler.cli crawl OUTLET --resume`` (Twisted's reactor runs once per process), with
``KHABAR_STATE_OUTLET`` (the outlet's own state, ``state/outlet=<id>/``) and a WARC prefix naming this host
(the writer adds the pid), so two workers never write the same WARC name. ``--resume`` makes a job that comes
back after its worker died continue where that worker stopped: recovery finishes the dead crawl's files
(``crawler.warc.recovery``), and the saved request queue goes on.

The crawl runs in a session of its own, so that a signal to the worker's process group (Ctrl-C, systemd)
reaches it exactly once, from the worker: on a warm shutdown (SIGTERM, SIGINT) the worker sends each of its
crawls one SIGTERM; each stops cleanly (its files finished, exit 130), its state is written back and its job
is queued again (``--resume`` continues it on whichever worker takes it). If the worker itself dies, the
kernel kills its crawls (``PR_SET_PDEATHSIG``), as if the machine had died: their jobs come back after the
visibility timeout and ``--resume`` recovers what they wrote.

While the crawl runs, the worker renews the outlet's lease every third of its life. If Redis is lost, the
crawl goes on (it does not need Redis unless the revisit index is there) and the renewal is tried again;
if the lease was lost meanwhile and another job holds the outlet, this crawl is stopped with SIGTERM (it
closes its files, and the other job resumes it): never two crawls of one outlet.
"""

from __future__ import annotations

import collections
import ctypes
import logging
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import redis
from scrapy.settings import BaseSettings

from crawler.catalog import catalog_from_settings
from crawler.errors import ExitCode, OutletUnknown
from crawler.queue import jobs
from crawler.queue.config import QueueConfig
from crawler.queue.lease import LeaseHolder, OutletLease
from crawler.queue.metrics import WorkerMetrics
from crawler.queue.state_sync import fetch_state, push_state
from crawler.storage import store_from_settings

logger = logging.getLogger(__name__)

T = TypeVar("T")
_BACKOFF_MAX = 30.0  # seconds between two tries to reach a lost Redis, at most
_TAIL = 30           # lines of the crawl's stderr kept to explain a failure


@dataclass(frozen=True)
class WorkerContext:
    """What every job of one ``khabar worker`` shares."""

    config: QueueConfig
    settings: BaseSettings
    crawl_args: tuple[str, ...]
    """Options the worker adds to every crawl (its --store, --catalog-extra and -s)."""
    name: str
    crawls: set[subprocess.Popen[str]] = field(default_factory=set)
    """The crawl processes running now (``stop_crawls`` asks them to stop)."""
    guard: threading.Lock = field(default_factory=threading.Lock)
    metrics: WorkerMetrics = field(default_factory=WorkerMetrics)
    """What its jobs did (``khabar worker --metrics-port`` serves it)."""

    def stop_crawls(self) -> None:
        """Ask every running crawl to stop cleanly (one SIGTERM each); their jobs are queued again."""
        with self.guard:
            for process in self.crawls:
                if process.poll() is None:
                    logger.info("worker shutting down: asking crawl pid %d to stop (its job is queued again)",
                                process.pid)
                    process.send_signal(signal.SIGTERM)

    @staticmethod
    def worker_name() -> str:
        import os

        return f"{socket.gethostname()}:{os.getpid()}"


def run_job(ctx: WorkerContext, client: redis.Redis, job_id: str) -> float | None:
    """Run job ``job_id``; None when it is done with (finished, failed or dropped), else seconds to wait
    before it tries again (its outlet is being crawled)."""
    job = persist(lambda: jobs.get_job(client, job_id), "read the job")
    if job is None:
        logger.warning("job %s has no record in the queue's Redis (were Redis's data lost?); dropped", job_id)
        return None
    if job.state in ("finished", "failed"):
        logger.info("job %s (%s) already ended (%s); this delivery is a duplicate, dropped", job.id, job.outlet, job.state)
        return None
    try:
        catalog_from_settings(ctx.settings).get(job.outlet)
    except OutletUnknown as exc:
        _end(ctx, client, job, "failed", "", f"not in this worker's catalog: {exc}")
        persist(lambda: jobs.leave_queue(client, job), "update the job")
        return None
    lease = OutletLease(client, job.outlet, LeaseHolder.new(job.id, ctx.name), ctx.config.lease)
    if not persist(lease.acquire, "take the outlet's lease"):
        return _busy(ctx, client, job, lease)
    persist(lambda: jobs.leave_queue(client, job), "update the job")
    persist(lambda: jobs.update(client, job.id, state="running", worker=ctx.name, started_at=jobs.now_text(),
                                attempts=job.attempts + 1, reason=""), "update the job")
    ctx.metrics.taken(job.outlet)
    code, reason = int(ExitCode.ERROR), "the worker's crawl of the job raised an error (the worker's log has it)"
    try:
        code, reason = _crawl(ctx, job, lease)
    finally:
        ctx.metrics.crawl_ended(job.outlet, code)
        persist(lease.release, "release the outlet's lease")
    return _outcome(ctx, client, job, code, reason)


def _busy(ctx: WorkerContext, client: redis.Redis, job: jobs.Job, lease: OutletLease) -> float:
    holder = persist(lease.holder_now, "read the outlet's lease")
    who = holder.describe() if holder else "another job"
    if not (holder and holder.job == job.id):  # a second delivery of a job still running keeps its state
        persist(lambda: jobs.update(client, job.id, state="waiting", reason=f"outlet busy: {who}"), "update the job")
    logger.info("%s: outlet busy (%s); job %s tries again in %g s", job.outlet, who, job.id, ctx.config.busy_retry)
    return ctx.config.busy_retry


def _outcome(ctx: WorkerContext, client: redis.Redis, job: jobs.Job, code: int, reason: str) -> float | None:
    if code == ExitCode.OUTLET_BUSY:  # a crawl outside the queue holds the outlet on this store
        persist(lambda: jobs.update(client, job.id, state="waiting", reason=reason), "update the job")
        persist(lambda: client.set(jobs.queued_key(job.outlet), job.id, nx=True), "update the job")
        return ctx.config.busy_retry
    if code == ExitCode.INTERRUPTED:
        requeued = persist(lambda: jobs.requeue(client, job, ctx.config.keep_jobs), "queue the job again")
        logger.info("%s: crawl interrupted; job %s %s", job.outlet, job.id,
                    "queued again (--resume continues it)" if requeued else "merged into the outlet's queued job")
        return 0.0 if requeued else None
    # The crawl ran (exit 3: it fetched nothing, 4: files wait in the spool): the job is done, and the run report
    # (khabar status) tells why; "failed" is for jobs that could not run (unknown outlet, a crawl that crashed).
    ran = (ExitCode.OK, ExitCode.SOME_OUTLETS_FAILED, ExitCode.FILES_STILL_SPOOLED)
    _end(ctx, client, job, "finished" if code in ran else "failed", str(code), reason)
    return None


def _end(ctx: WorkerContext, client: redis.Redis, job: jobs.Job, state: str, code: str, reason: str) -> None:
    if state == "failed":
        ctx.metrics.failed(job.outlet)
    pruned = persist(lambda: jobs.end_job(client, job, ctx.config.keep_jobs, state, exit_code=code, reason=reason),
                     "record the job's end")
    if pruned:
        logger.debug("%s: %d ended job record(s) pruned (KHABAR_QUEUE_KEEP_JOBS=%d)", job.outlet, pruned,
                     ctx.config.keep_jobs)
    logger.info("%s: job %s %s%s", job.outlet, job.id, state, f" ({reason})" if reason else "")


def _crawl(ctx: WorkerContext, job: jobs.Job, lease: OutletLease) -> tuple[int, str]:
    store = store_from_settings(ctx.settings)
    fetch_state(store, job.outlet)
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", job.outlet, "--resume", *job.args, *ctx.crawl_args,
           "-s", f"KHABAR_STATE_OUTLET={job.outlet}", "-s", f"KHABAR_WARC_PREFIX={warc_prefix(ctx.settings)}"]
    logger.info("%s: job %s crawling: %s", job.outlet, job.id, " ".join(cmd[3:]))
    with subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, errors="replace", start_new_session=True,
                          preexec_fn=_die_with_parent) as process:  # noqa: PLW1509 (one prctl call, prepared before the fork)
        with ctx.guard:
            ctx.crawls.add(process)
        tail: collections.deque[str] = collections.deque(maxlen=_TAIL)
        tee = threading.Thread(target=_tee, args=(process, tail), daemon=True)
        tee.start()
        try:
            _keep_lease(ctx, job, lease, process)
        finally:
            with ctx.guard:
                ctx.crawls.discard(process)
        tee.join(timeout=10)
    code = process.returncode
    if code in (ExitCode.OK, ExitCode.SOME_OUTLETS_FAILED, ExitCode.FILES_STILL_SPOOLED, ExitCode.INTERRUPTED):
        written = push_state(store, job.outlet)
        if written:
            logger.info("%s: %d state file(s) written back to %s", job.outlet, written, store.uri)
    return code, _reason(code, list(tail))


_PR_SET_PDEATHSIG = 1
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None


def _die_with_parent() -> None:
    """In the crawl process, before exec: the kernel sends it SIGKILL when the worker's thread that started it ends."""
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def warc_prefix(settings: BaseSettings) -> str:
    """The WARC prefix of this worker's crawls: the configured one and this host (the writer adds the pid)."""
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", socket.gethostname()) or "host"
    return f"{settings.get('KHABAR_WARC_PREFIX') or 'khabar'}-{host}"


def _tee(process: subprocess.Popen[str], tail: collections.deque[str]) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        (sys.__stderr__ or sys.stderr).write(line)  # not Celery's redirected sys.stderr (a log record per line)
        tail.append(line.rstrip("\n"))


def _keep_lease(ctx: WorkerContext, job: jobs.Job, lease: OutletLease, process: subprocess.Popen[str]) -> None:
    """Renew the lease until the crawl ends; stop the crawl if another job took the outlet meanwhile."""
    interval, lost_since = ctx.config.lease / 3, 0.0
    while True:
        try:
            process.wait(timeout=interval)
            return
        except subprocess.TimeoutExpired:
            pass
        try:
            held = lease.renew() or lease.acquire()
        except redis.RedisError as exc:
            if not lost_since:
                lost_since = time.monotonic()
                logger.warning("%s: the queue's Redis is unreachable (%s); the crawl goes on, the lease is renewed "
                               "when Redis answers again", job.outlet, exc)
            continue
        if lost_since:
            logger.info("%s: the queue's Redis answers again after %.0f s; lease renewed", job.outlet,
                        time.monotonic() - lost_since)
            lost_since = 0.0
        if not held:
            holder = lease.holder_now()
            logger.error("%s: the outlet's lease was lost and is now held by %s; stopping this crawl (SIGTERM) so "
                         "that two crawls of it never run; that job resumes it", job.outlet,
                         holder.describe() if holder else "another job")
            process.send_signal(signal.SIGTERM)
            process.wait()
            return


def _reason(code: int, tail: list[str]) -> str:
    if code == ExitCode.OK:
        return ""
    if code == ExitCode.SOME_OUTLETS_FAILED:
        return "the crawl fetched nothing from the outlet; its run report says why (khabar status)"
    if code == ExitCode.FILES_STILL_SPOOLED:
        return "files still wait in this worker's spool; they are uploaded by its next crawl or khabar store sync"
    errors = [line.removeprefix("Error: ") for line in tail if line.startswith("Error: ")]
    if errors:
        return errors[-1]
    names = {c.value: c.name.lower() for c in ExitCode}
    return f"the crawl exited {code} ({names.get(code, 'unexpected')}); the worker's log has its output"


def persist(call: Callable[[], T], doing: str) -> T:
    """``call()``, tried again with backoff (1, 2, 4 … 30 s) while the queue's Redis cannot be reached."""
    delay, warned = 1.0, False
    while True:
        try:
            return call()
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            if not warned:
                logger.warning("cannot %s: the queue's Redis is unreachable (%s); trying again with backoff", doing, exc)
                warned = True
            time.sleep(delay)
            delay = min(delay * 2, _BACKOFF_MAX)
