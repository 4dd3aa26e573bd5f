"""The queue section of ``khabar status``: jobs queued, waiting, running (on which worker), finished, failed;
or, when the queue's Redis does not answer, one line saying so (the outlets' health comes from the store)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis

from crawler.errors import QueueUnavailable
from crawler.queue import jobs
from crawler.queue.config import QueueConfig
from crawler.queue.connection import redis_client, unreachable
from crawler.queue.lease import current_holder

_FINISHED_SHOWN = 20  # finished and failed jobs listed, the newest


@dataclass(frozen=True, slots=True)
class QueueOverview:
    config: QueueConfig
    jobs: list[dict[str, Any]]
    error: str | None = None
    """Why the queue's Redis could not be read (its URL without password, the error, what to do), else None."""

    def lines(self) -> list[str]:
        if self.error is not None:
            return ["", f"Queue {self.config.shown_url}: UNREACHABLE, jobs unknown (the outlets above are read from "
                        f"the store): {self.error}"]
        return queue_lines(self.config, self.jobs)

    def document(self) -> dict[str, Any]:
        return {"url": self.config.shown_url, "jobs": self.jobs, "reachable": self.error is None, "error": self.error}


def read_overview(config: QueueConfig) -> QueueOverview:
    """The queue's jobs (:func:`queue_jobs`), or the reason its Redis could not be read."""
    try:
        return QueueOverview(config, queue_jobs(redis_client(config)))
    except QueueUnavailable as exc:
        return QueueOverview(config, [], str(exc))
    except redis.RedisError as exc:  # it answered PING, then failed
        return QueueOverview(config, [], str(unreachable(config, exc)))


def queue_jobs(client: redis.Redis) -> list[dict[str, Any]]:
    """Active jobs and the newest ended ones, each with ``lease`` (whether its worker still renews it)."""
    found = jobs.list_jobs(client)
    ended = [j for j in found if j.state not in jobs.ACTIVE][-_FINISHED_SHOWN:]
    shown = [j for j in found if j.state in jobs.ACTIVE] + ended
    out = []
    for job in shown:
        entry = job.as_dict()
        if job.state == "running":
            holder = current_holder(client, job.outlet)
            entry["lease"] = "held" if holder and holder.job == job.id else "expired"
        out.append(entry)
    return out


def queue_lines(config: QueueConfig, entries: list[dict[str, Any]]) -> list[str]:
    counts = {state: sum(1 for e in entries if e["state"] == state) for state in ("queued", "waiting", "running")}
    lines = ["", f"Queue {config.shown_url}: " + ", ".join(f"{n} {state}" for state, n in counts.items())]
    rows = [["JOB", "OUTLET", "STATE", "WORKER", "ENQUEUED", "STARTED", "ENDED", "EXIT", "WHY"]]
    rows += [[e["id"], e["outlet"], e["state"], e["worker"] or "-", e["enqueued_at"] or "-", e["started_at"] or "-",
              e["finished_at"] or "-", e["exit_code"] or "-", _why(e)] for e in entries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines += [("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]).rstrip()
              for row in rows]
    return lines


def _why(entry: dict[str, Any]) -> str:
    if entry.get("lease") == "expired":
        return ("its worker stopped renewing the outlet's lease (it died?): the job goes back to the queue after "
                "KHABAR_QUEUE_VISIBILITY_TIMEOUT")
    return str(entry["reason"])
