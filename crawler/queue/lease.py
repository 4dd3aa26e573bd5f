"""One lock per outlet across machines: a lease in Redis that the live holder renews.

``SET khabar:lease:<outlet> <holder> NX PX <lease>`` takes it; the holder renews it every third of the
lease with a Lua script that extends it only while it still holds the same value (token-checked), and
releases it the same way. A worker that dies stops renewing, so its lease expires after at most one
lease and another worker may take the outlet. The value is the holder as JSON (job, worker, since), so
whoever finds the outlet busy can say who holds it.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import redis

_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


def lease_key(outlet: str) -> str:
    return f"khabar:lease:{outlet}"


@dataclass(frozen=True, slots=True)
class LeaseHolder:
    job: str
    worker: str
    since: str
    token: str

    @classmethod
    def new(cls, job: str, worker: str) -> LeaseHolder:
        return cls(job=job, worker=worker, since=datetime.now(UTC).isoformat(timespec="seconds"),
                   token=secrets.token_hex(8))

    def describe(self) -> str:
        return f"job {self.job} on worker {self.worker} since {self.since}"


class OutletLease:
    """The lease of one outlet: ``acquire()`` (True when taken), ``renew()``, ``release()``, ``holder()``."""

    def __init__(self, client: redis.Redis, outlet: str, holder: LeaseHolder, lease_seconds: float) -> None:
        self.client, self.outlet, self.holder = client, outlet, holder
        self.key, self.lease_ms = lease_key(outlet), int(lease_seconds * 1000)
        self.value = json.dumps(asdict(holder), sort_keys=True)

    def acquire(self) -> bool:
        return bool(self.client.set(self.key, self.value, nx=True, px=self.lease_ms))

    def renew(self) -> bool:
        """Extend the lease; False when this holder no longer holds it (it expired, or Redis lost it)."""
        return bool(self.client.eval(_RENEW, 1, self.key, self.value, str(self.lease_ms)))

    def release(self) -> bool:
        return bool(self.client.eval(_RELEASE, 1, self.key, self.value))

    def holder_now(self) -> LeaseHolder | None:
        return current_holder(self.client, self.outlet)


def current_holder(client: redis.Redis, outlet: str) -> LeaseHolder | None:
    """Who holds ``outlet``'s lease now, or None."""
    raw = client.get(lease_key(outlet))
    if not raw:
        return None
    try:
        return LeaseHolder(**json.loads(str(raw)))
    except (ValueError, TypeError):
        return None
