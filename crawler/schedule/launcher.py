"""What starts a due crawl: the one seam between the scheduler and where crawls run.

The scheduler decides *when* and *which outlet*; a ``Launcher`` turns a ``PlannedRun`` into a running
crawl and gives back a ``RunHandle`` the scheduler polls, stops and reads the end of. The default,
``SubprocessLauncher``, runs ``python -m crawler.cli crawl OUTLET …`` on this machine, its output in the
run's log file. A queue (Celery, ``KHABAR_QUEUE_URL``) plugs in as another ``Launcher`` whose handle follows
the job: the scheduler does not change.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from crawler.schedule.config import Group, ScheduleConfig

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

KHABAR_COMMAND = (sys.executable, "-m", "crawler.cli")


@dataclass(frozen=True)
class PlannedRun:
    """One crawl of one outlet that the scheduler wants started now."""

    outlet: str
    group: str
    crawl_id: str
    due: datetime
    arguments: tuple[str, ...]
    """The ``khabar`` arguments of the crawl: ``crawl OUTLET --store … -s KHABAR_CRAWL_ID=…``."""
    log_path: Path


class RunHandle(Protocol):
    """A started crawl, as the scheduler sees it."""

    def describe(self) -> str:
        """Where it runs, for log lines: ``pid 4242``."""

    def poll(self) -> int | None:
        """Its exit code once it has ended (negative: killed by that signal), else None; never blocks."""

    def terminate(self) -> None:
        """Ask it to stop cleanly (SIGTERM: it closes its files and exits 130); a second call stops it at once."""

    def tail(self, lines: int) -> list[str]:
        """The last ``lines`` lines of its output."""


class Launcher(Protocol):
    def start(self, run: PlannedRun) -> RunHandle:
        """Start ``run``; raise ``OSError`` when it cannot be started (the scheduler logs it and goes on)."""


def launcher_from_settings(settings: BaseSettings) -> Launcher:
    """The launcher ``khabar schedule`` uses with ``settings``: this machine's child processes, or, when
    ``KHABAR_QUEUE_URL`` is set, jobs for the workers (``crawler.queue.launcher.QueueLauncher``)."""
    from crawler.queue.config import queue_enabled

    if queue_enabled(settings):
        from crawler.queue.launcher import QueueLauncher

        return QueueLauncher.from_settings(settings)
    return SubprocessLauncher()


def crawl_arguments(config: ScheduleConfig, group: Group, outlet: str, crawl_id: str) -> tuple[str, ...]:
    """The ``khabar crawl`` arguments of ``group``'s run of ``outlet``: the one translation of the schedule
    file's crawl options into a command line (every launcher runs these)."""
    args = ["crawl", outlet, "--store", config.store]
    if config.catalog:
        args += ["--catalog", config.catalog]
    for path in config.catalog_extra:
        args += ["--catalog-extra", path]
    options = group.options
    if options.since:
        args += ["--since", options.since]
    if options.max_articles is not None:
        args += ["--max-articles", str(options.max_articles)]
    if options.backfill:
        args.append("--backfill")
    if options.full:
        args.append("--full")
    if options.lang:
        args += ["--lang", ",".join(options.lang)]
    if options.workers is not None:
        args += ["--workers", str(options.workers)]
    if options.log_level:
        args += ["--log-level", options.log_level]
    for name, value in options.settings.items():
        args += ["-s", f"{name}={value}"]
    args += ["-s", f"KHABAR_CRAWL_ID={crawl_id}"]
    return tuple(args)


class SubprocessLauncher:
    """Runs each crawl as a child process of the scheduler, its stdout and stderr in the run's log file.

    The child gets a session of its own, so a Ctrl-C in the scheduler's terminal reaches the scheduler
    only, which then sends each crawl one SIGTERM (a crawl sent two signals stops at once).
    """

    def __init__(self, command: Sequence[str] = KHABAR_COMMAND) -> None:
        self.command = tuple(command)

    def start(self, run: PlannedRun) -> RunHandle:
        run.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(run.log_path, "ab") as log:
            process = subprocess.Popen([*self.command, *run.arguments], stdin=subprocess.DEVNULL, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True,
                                       env={**os.environ, "PYTHONUNBUFFERED": "1"})  # lines in order, none lost
        return ChildProcess(process, run.log_path)


class ChildProcess:
    """A crawl running as a child process (``SubprocessLauncher``)."""

    def __init__(self, process: subprocess.Popen[bytes], log_path: Path) -> None:
        self.process, self.log_path = process, log_path

    def describe(self) -> str:
        return f"pid {self.process.pid}"

    def poll(self) -> int | None:
        return self.process.poll()

    def terminate(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # ended meanwhile
                os.kill(self.process.pid, signal.SIGTERM)

    def tail(self, lines: int) -> list[str]:
        return log_tail(self.log_path, lines)


def log_tail(path: Path, lines: int, window: int = 64 * 1024) -> list[str]:
    """The last ``lines`` non-empty lines of the text file ``path`` (read from its last ``window`` bytes)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - window))
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return []
    return list(deque((line for line in text.splitlines() if line.strip()), maxlen=lines))
