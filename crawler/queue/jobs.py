"""Job records in the queue's Redis: what ``khabar status`` shows and what a worker checks before it crawls.

    khabar:job:<id>        hash: outlet, args (JSON list of crawl options), state, worker, times, exit, reason
    khabar:jobs            sorted set of job ids by the time they were enqueued
    khabar:queued:<outlet> the id of the outlet's job that waits to run (at most one)
    khabar:ended:<outlet>  sorted set of the outlet's finished and failed job ids by the time they ended

A job that ends (:func:`end_job`) prunes its outlet's ended jobs to the newest ``KHABAR_QUEUE_KEEP_JOBS``
(their records and ids go); queued, waiting and running jobs are never pruned.

States: ``queued`` → ``running`` (on a named worker) → ``finished`` or ``failed`` (with its reason);
``waiting`` while its outlet is being crawled by another job; an ``interrupted`` crawl (SIGTERM) is queued
again with ``--resume``. An outlet enqueued while a job of it is still queued or waiting is *dropped as a
duplicate*: the queued job has not started, so when it runs it finds everything the second request would
have (a crawl is incremental: it fetches what is new at the time it runs). An outlet enqueued while a job of
it is *running* gets a new job, which waits for the running one to end: that crawl may find articles
published after the running one discovered its URLs.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import redis

JOBS = "khabar:jobs"
_Field = bytes | bytearray | memoryview | str | int | float  # what redis-py's hset takes
ACTIVE = ("queued", "waiting", "running")
_COMPARE_AND_DELETE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


def job_key(job_id: str) -> str:
    return f"khabar:job:{job_id}"


def queued_key(outlet: str) -> str:
    return f"khabar:queued:{outlet}"


def ended_key(outlet: str) -> str:
    return f"khabar:ended:{outlet}"


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Job:
    id: str
    outlet: str
    args: list[str] = field(default_factory=list)
    state: str = "queued"
    worker: str = ""
    enqueued_at: str = ""
    started_at: str = ""
    finished_at: str = ""
    exit_code: str = ""
    reason: str = ""
    attempts: int = 0

    @classmethod
    def from_hash(cls, data: dict[str, str]) -> Job:
        return cls(id=data["id"], outlet=data["outlet"], args=json.loads(data.get("args") or "[]"),
                   state=data.get("state", ""), worker=data.get("worker", ""), enqueued_at=data.get("enqueued_at", ""),
                   started_at=data.get("started_at", ""), finished_at=data.get("finished_at", ""),
                   exit_code=data.get("exit_code", ""), reason=data.get("reason", ""),
                   attempts=int(data.get("attempts") or 0))

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "outlet": self.outlet, "args": self.args, "state": self.state, "worker": self.worker,
                "enqueued_at": self.enqueued_at, "started_at": self.started_at, "finished_at": self.finished_at,
                "exit_code": self.exit_code, "reason": self.reason, "attempts": self.attempts}


@dataclass(frozen=True, slots=True)
class Enqueued:
    job_id: str
    outlet: str
    created: bool
    """False: the outlet already had a job waiting to run (``job_id``), and this request was dropped."""


def add_job(client: redis.Redis, outlet: str, args: Sequence[str]) -> Enqueued:
    """A new queued job for ``outlet``, or the one already queued for it (see the module docstring)."""
    job_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
    if not client.set(queued_key(outlet), job_id, nx=True):
        return Enqueued(str(client.get(queued_key(outlet)) or ""), outlet, created=False)
    job = Job(id=job_id, outlet=outlet, args=list(args), enqueued_at=now_text())
    pipe = client.pipeline()
    pipe.hset(job_key(job_id), mapping=_fields(job))
    pipe.zadd(JOBS, {job_id: datetime.now(UTC).timestamp()})
    pipe.execute()
    return Enqueued(job_id, outlet, created=True)


def get_job(client: redis.Redis, job_id: str) -> Job | None:
    data: dict[str, str] = client.hgetall(job_key(job_id))  # type: ignore[assignment]  # decode_responses
    # a Redis restarted without its data may keep only what a worker wrote since: not a job record
    return Job.from_hash(data) if "id" in data and "outlet" in data else None


def update(client: redis.Redis, job_id: str, **values: str | int) -> None:
    fields: dict[_Field, _Field] = {k: str(v) for k, v in values.items()}
    client.hset(job_key(job_id), mapping=fields)


def leave_queue(client: redis.Redis, job: Job) -> None:
    """The job starts: the outlet has no queued job any more (a new request makes a new job)."""
    client.eval(_COMPARE_AND_DELETE, 1, queued_key(job.outlet), job.id)


def end_job(client: redis.Redis, job: Job, keep: int, state: str, **values: str) -> int:
    """Record that ``job`` ended (``finished`` or ``failed``, with ``values`` such as its exit code and reason),
    then drop the records of its outlet's ended jobs but the newest ``keep`` (this one among them); returns how
    many were dropped. Safe to call again after a lost connection: it records the same end and prunes nothing more."""
    fields: dict[_Field, _Field] = {"state": state, "finished_at": now_text()}
    fields.update(values)
    pipe = client.pipeline()
    pipe.hset(job_key(job.id), mapping=fields)
    pipe.zadd(ended_key(job.outlet), {job.id: time.time()})
    pipe.zrange(ended_key(job.outlet), 0, -(max(keep, 1) + 1))
    old: list[str] = pipe.execute()[-1]
    if old:
        pipe.delete(*(job_key(i) for i in old))
        pipe.zrem(JOBS, *old)
        pipe.zrem(ended_key(job.outlet), *old)
        pipe.execute()
    return len(old)


def requeue(client: redis.Redis, job: Job, keep: int) -> bool:
    """Queue an interrupted job again; False when another job of its outlet is already queued (then that one
    continues the crawl, and this one is closed as merged into it, see :func:`end_job` for ``keep``)."""
    if client.set(queued_key(job.outlet), job.id, nx=True):
        update(client, job.id, state="queued", worker="")
        return True
    other = str(client.get(queued_key(job.outlet)) or "")
    end_job(client, job, keep, "finished", reason=f"interrupted; continued by job {other}")
    return False


def list_jobs(client: redis.Redis, limit: int = 200) -> list[Job]:
    """The newest ``limit`` jobs, oldest first."""
    ids: list[str] = client.zrange(JOBS, -limit, -1)  # type: ignore[assignment]
    pipe = client.pipeline()
    for job_id in ids:
        pipe.hgetall(job_key(job_id))
    return [Job.from_hash(data) for data in pipe.execute() if "id" in data and "outlet" in data]


def _fields(job: Job) -> dict[_Field, _Field]:
    return {k: json.dumps(v) if k == "args" else str(v) for k, v in job.as_dict().items()}
