"""The scheduler's clock: the wall clock in use, a clock the tests move (no long sleeps in tests)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """What the scheduler asks of time: the current moment (aware, UTC) and a sleep until a moment."""

    def now(self) -> datetime: ...

    def sleep_until(self, when: datetime) -> None:
        """Return at ``when`` (or at once when it has passed); a signal's handler runs meanwhile."""


class SystemClock:
    """The wall clock (UTC)."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep_until(self, when: datetime) -> None:
        delay = (when - self.now()).total_seconds()
        if delay > 0:
            time.sleep(delay)
