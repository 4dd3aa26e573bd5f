"""What ``khabar crawl`` shows while it runs: a live table on a terminal, plain lines elsewhere.

Both read :class:`crawler.run.progress.OutletProgress` snapshots (immutable, safe from their own thread) of
every crawler of the run's process; neither touches the reactor.

- :class:`crawler.run.live_table.LiveTable`: one row per outlet (rich ``Live``, redrawn a few times a second);
  lines written to stdout or stderr meanwhile (warnings, errors) appear above it. Its last frame stays. A module
  of its own: rich is imported only when there is a terminal to draw on (about 20 ms of the crawl's start-up).
- :class:`ProgressLines`: every ``KHABAR_PROGRESS_INTERVAL`` seconds one plain line per running outlet
  (and once more when it has finished), for cron, CI and pipes.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from typing import TextIO

from scrapy.crawler import Crawler

from crawler.run.progress import OutletProgress, progress_of

STATES = {"starting": "starting", "running": "running", "finished": "done", "shutdown": "interrupted"}

Snapshots = Callable[[], dict[str, OutletProgress | None]]


def snapshots_of(crawlers: Mapping[str, Crawler]) -> Snapshots:
    """The latest snapshot per outlet id (None for a crawler whose spider has not opened)."""
    return lambda: {outlet: progress_of(crawler) for outlet, crawler in crawlers.items()}


def state(p: OutletProgress | None) -> str:
    if p is None:
        return "waiting"
    if p.state == "closed":
        return STATES.get(p.finish_reason or "", p.finish_reason or "closed")
    return STATES.get(p.state, p.state)


def size(n: float) -> str:
    """Bytes for people: ``812 B``, ``3.4 kB``, ``12.0 MB``, ``1.2 GB`` (powers of 1000, as the summary)."""
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")


def reasons(p: OutletProgress) -> str:
    """``12 (listing 8, too_short 4)``; ``0``."""
    if not p.not_recorded:
        return "0"
    detail = ", ".join(f"{k} {v}" for k, v in sorted(p.not_recorded.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{p.not_recorded_total} ({detail})"


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes:02d}:{secs:02d}"


def line(p: OutletProgress) -> str:
    """One plain progress line of an outlet."""
    return (f"[{clock(p.elapsed)}] {p.outlet:<16} {state(p):<8} discovered {p.discovered}  fetched {p.fetched}  "
            f"recorded {p.recorded}  not recorded {reasons(p)}  errors {p.errors}  "
            f"{p.pages_per_second:.1f} pages/s  received {size(p.bytes_received)}")


class ProgressLines:
    """Every ``interval`` seconds, one line per outlet running (or finished since the last lines)."""

    def __init__(self, interval: float, out: TextIO | None = None) -> None:
        self.interval = interval
        self.out = out
        self._rows: Snapshots = dict
        self._said_done: set[str] = set()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, crawlers: Mapping[str, Crawler]) -> None:
        self._rows = snapshots_of(crawlers)
        self._thread = threading.Thread(target=self._run, name="khabar-progress", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self.interval):
            self.write()

    def write(self) -> None:
        """The lines of now: outlets running, and those that finished since the last lines."""
        out = self.out or sys.stdout
        for outlet, p in self._rows().items():
            if p is None or outlet in self._said_done:
                continue
            if p.state == "closed":
                self._said_done.add(outlet)
            out.write(line(p) + "\n")
        out.flush()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
