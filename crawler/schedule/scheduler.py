"""``khabar schedule``'s loop: start each group's due crawls, one outlet at a time, at most ``max_parallel``.

One crawl per outlet (not one per group): each outlet has its own lock, its own overrun and its own exit
code, a failing outlet takes no other down, and ``max_parallel`` counts crawls. At each due time of a
group, each of its outlets is queued, unless

- a crawl of it started by this scheduler is still running (an overrun: skipped, logged, not queued twice),
- it is already waiting for a free slot (skipped, logged), or, when its turn comes,
- another process holds its outlet lock (another scheduler, a ``khabar crawl``: skipped, logged, naming it).

A crawl that still finds the lock taken (the other one took it first) exits 6 (``OUTLET_BUSY``): a skip,
not a failure. Any other non-zero exit is logged with its code and the end of its output, and the
scheduler goes on. ``request_stop`` (SIGTERM, SIGINT): no new runs, the queue is dropped, every running
crawl is sent SIGTERM (it closes its files and exits 130), the scheduler waits for them and returns; a
second call sends a second SIGTERM, which stops the crawls at once.

``hold`` (optional) is asked before runs start: a reason not to start any now (a disk guard: too little free
space), or None. While held, due runs wait in the queue (each outlet once) and start when it lifts.

Time comes from a ``Clock``: tests drive the loop with a clock they move, and call ``step``. What happens is
counted in ``metrics`` (``crawler.schedule.metrics``), served when ``khabar schedule --metrics-port`` is given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from crawler.errors import ExitCode, OutletBusy
from crawler.run.outlet_lock import holder
from crawler.run.settings import new_crawl_id
from crawler.schedule.clock import Clock
from crawler.schedule.config import Group, ScheduleConfig
from crawler.schedule.launcher import Launcher, PlannedRun, RunHandle, crawl_arguments
from crawler.schedule.metrics import ScheduleMetrics
from crawler.storage.layout import outlet_lock_in

_BUSY = OutletBusy.HOLDER_AFTER
TAIL_LINES = 12  # lines of a failed crawl's output repeated in the scheduler's log


@dataclass
class _Running:
    run: PlannedRun
    handle: RunHandle
    started: datetime


@dataclass
class _Waiting:
    group: Group
    outlet: str
    due: datetime
    held: bool = False
    """Counted once as held by the disk guard."""


class Scheduler:
    """Runs ``config``'s groups on ``clock`` through ``launcher``; ``run()`` until ``request_stop``.

    ``spool`` is the store's local folder (its outlet locks); ``logs`` where each run's output goes
    (``<logs>/<outlet>/<crawl-id>.log``); ``say`` receives each log line, the clock's time first.
    """

    def __init__(self, config: ScheduleConfig, launcher: Launcher, clock: Clock, spool: Path, logs: Path,
                 say: Callable[[str], None], poll: timedelta = timedelta(seconds=1),
                 hold: Callable[[], str | None] | None = None) -> None:
        self.config, self.launcher, self.clock = config, launcher, clock
        self.spool, self.logs, self.say, self.poll, self.hold = spool, logs, say, poll, hold
        self._held: str | None = None
        self.running: dict[str, _Running] = {}
        self.waiting: deque[_Waiting] = deque()
        self.next_due: dict[str, datetime] = {}
        self.stops = 0
        self._stops_seen = 0
        self._stop_reason = "stop"
        self.metrics = ScheduleMetrics((o for g in config.groups for o in g.outlets), (g.name for g in config.groups))

    # -- the loop ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Say what will run when; the first due times count from now."""
        now = self.clock.now()
        outlets = {outlet for group in self.config.groups for outlet in group.outlets}
        self.log(f"khabar schedule: {len(self.config.groups)} group(s), {len(outlets)} outlet(s), at most "
                 f"{self.config.max_parallel} crawl(s) at once; store {self.config.store}; run logs in {self.logs}")
        for group in self.config.groups:
            self.next_due[group.name] = group.trigger.first(now)
            self.log(f"group {group.name}: {len(group.outlets)} outlet(s) ({_listed(group.outlets)}), "
                     f"{group.trigger.describe()}; next run {_when(self.next_due[group.name])}")

    def run(self) -> int:
        """Start, then step and sleep until stopped and every crawl it started has ended; 0."""
        self.start()
        try:
            while True:
                wake = self.step()
                if self.stops and not self.running:
                    break
                self.clock.sleep_until(wake)
        finally:
            for running in self.running.values():  # an unexpected error: never leave a crawl behind unasked
                running.handle.terminate()
        self.log("khabar schedule stopped: no crawl running")
        return ExitCode.OK

    def step(self) -> datetime:
        """One turn: handle a stop request, note ended crawls, queue due runs, start what fits; the next wake time."""
        now = self.clock.now()
        if self.stops > self._stops_seen:
            self._stop(now)
        self._reap(now)
        if self.stops:
            self.metrics.now(self.running, (), self.next_due, bool(self._held))
            return now + self.poll
        for group in sorted(self.config.groups, key=lambda g: self.next_due[g.name]):
            due = self.next_due[group.name]
            if due <= now:
                self._queue(group, due)
                self.next_due[group.name] = self._after(group, due, now)
        self._launch(now)
        self.metrics.now(self.running, (w.outlet for w in self.waiting), self.next_due, bool(self._held))
        return min([*self.next_due.values(), now + self.poll])  # a signal is seen within one poll

    def request_stop(self, reason: str = "SIGTERM") -> None:
        """Stop (from a signal handler: only counted here, done by the next ``step``)."""
        self.stops += 1
        self._stop_reason = reason

    # -- the parts ------------------------------------------------------------------------------------
    def _after(self, group: Group, due: datetime, now: datetime) -> datetime:
        following, missed = group.trigger.after(due), 0
        while following <= now:  # the scheduler was held up (a suspended machine): run once, say what was missed
            following, missed = group.trigger.after(following), missed + 1
        if missed:
            self.log(f"group {group.name}: {missed} run time(s) after {_when(due)} passed while the scheduler was "
                     f"held up; they are not made up; next run {_when(following)}")
        return following

    def _queue(self, group: Group, due: datetime) -> None:
        waiting = {w.outlet for w in self.waiting}
        for outlet in group.outlets:
            if outlet in self.running:
                running = self.running[outlet]
                self.log(f"skipped {outlet} (group {group.name}, due {_when(due)}): its crawl {running.run.crawl_id} "
                         f"started {_when(running.started)} is still running")
                self.metrics.skipped(outlet, "overrun")
            elif outlet in waiting:
                why = f"(held: {self._held})" if self._held else f"for a free slot (max_parallel {self.config.max_parallel})"
                self.log(f"skipped {outlet} (group {group.name}, due {_when(due)}): already waiting {why}")
                self.metrics.skipped(outlet, "waiting")
            else:
                self.waiting.append(_Waiting(group, outlet, due))
                waiting.add(outlet)

    def _launch(self, now: datetime) -> None:
        if self.waiting and self._holding():
            return
        while self.waiting and len(self.running) < self.config.max_parallel:
            item = self.waiting.popleft()
            other = holder(outlet_lock_in(self.spool, item.outlet))
            if other is not None:
                self.log(f"skipped {item.outlet} (group {item.group.name}, due {_when(item.due)}): another crawl holds "
                         f"its lock: {other.describe()}")
                self.metrics.skipped(item.outlet, "locked")
                continue
            crawl_id = new_crawl_id(now)
            run = PlannedRun(outlet=item.outlet, group=item.group.name, crawl_id=crawl_id, due=item.due,
                             arguments=crawl_arguments(self.config, item.group, item.outlet, crawl_id),
                             log_path=self.logs / item.outlet / f"{crawl_id}.log")
            try:
                handle = self.launcher.start(run)
            except OSError as exc:
                self.log(f"FAILED to start {item.outlet} (group {item.group.name}): {exc}; the next run time tries again")
                self.metrics.skipped(item.outlet, "start-failed")
                continue
            self.metrics.started(item.outlet)
            self.running[item.outlet] = _Running(run, handle, now)
            self.log(f"started {item.outlet} (group {item.group.name}, due {_when(item.due)}): crawl {crawl_id}, "
                     f"{handle.describe()}, log {run.log_path}")

    def _holding(self) -> bool:
        reason = self.hold() if self.hold is not None else None
        if reason and reason != self._held:
            self.log(f"holding {len(self.waiting)} waiting run(s), no crawl starts: {reason}")
        elif not reason and self._held:
            self.log(f"no longer held: starting the {len(self.waiting)} waiting run(s)")
        self._held = reason
        for item in self.waiting if reason else ():
            if not item.held:
                item.held = True
                self.metrics.held(item.outlet)
        return bool(reason)

    def _reap(self, now: datetime) -> None:
        for outlet, running in list(self.running.items()):
            code = running.handle.poll()
            if code is None:
                continue
            del self.running[outlet]
            self.metrics.ended(outlet, code, now)
            self._ended(running, code, now - running.started)

    def _ended(self, running: _Running, code: int, took: timedelta) -> None:
        run, what = running.run, f"{running.run.outlet} (group {running.run.group}, crawl {running.run.crawl_id})"
        if code == ExitCode.OK:
            self.log(f"finished {what}: exit 0 after {_duration(took)}")
        elif code == ExitCode.OUTLET_BUSY:
            holders = [line.partition(_BUSY)[2].partition("; ")[0] for line in running.handle.tail(TAIL_LINES)
                       if _BUSY in line]
            self.log(f"skipped {what}: exit 6 (OUTLET_BUSY) after {_duration(took)}, another crawl took the outlet's "
                     f"lock first" + (f": {holders[-1]}" if holders else ""))
        elif code == ExitCode.INTERRUPTED and self.stops:
            self.log(f"stopped {what}: exit 130 (INTERRUPTED) after {_duration(took)}; what it archived is kept")
        else:
            self.log(f"FAILED {what}: {_exit(code)} after {_duration(took)}; log {run.log_path}; its last lines:")
            for line in running.handle.tail(TAIL_LINES):
                self.say(f"    | {line}")

    def _stop(self, now: datetime) -> None:
        first = self._stops_seen == 0
        self._stops_seen = self.stops
        reason = self._stop_reason
        if first:
            dropped = len(self.waiting)
            self.waiting.clear()
            self.log(f"{reason}: no new runs" + (f" ({dropped} waiting run(s) dropped)" if dropped else "") +
                     (f"; stopping {len(self.running)} running crawl(s) cleanly: {_listed(sorted(self.running))}"
                      if self.running else ""))
        else:
            self.log(f"{reason} again: stopping {len(self.running)} running crawl(s) at once (the next crawl of an "
                     "outlet finishes the files they leave open)")
        for running in self.running.values():
            running.handle.terminate()

    def log(self, message: str) -> None:
        self.say(f"{self.clock.now():%Y-%m-%d %H:%M:%S}Z {message}")


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}Z"


def _listed(items: tuple[str, ...] | list[str], at_most: int = 8) -> str:
    shown = ", ".join(items[:at_most])
    return shown + (f" and {len(items) - at_most} more" if len(items) > at_most else "")


def _duration(took: timedelta) -> str:
    seconds = max(0, round(took.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{seconds:02d}s" if hours else f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def _exit(code: int) -> str:
    if code < 0:
        import signal

        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    try:
        return f"exit {code} ({ExitCode(code).name})"
    except ValueError:
        return f"exit {code}"
