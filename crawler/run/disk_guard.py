"""DiskGuard: a crawl stops softly before the store's filesystem fills up.

The hard stop (``crawler.run.disk_full``) comes when a write fails; this extension comes before it. When the
free space of the filesystem the store writes to on this machine (a folder store's folder, an S3 store's
spool, which also holds the state) falls below ``KHABAR_MIN_FREE_SPACE``, the crawl stops scheduling new
requests, finishes those in flight, closes its files normally (finished names, nothing left ``.open``),
records what it fetched, and closes with the reason ``low_disk``; ``khabar crawl`` exits with
``ExitCode.LOW_DISK`` and one error naming the mount point, its free space and the setting. A later
``--resume`` run fetches nothing this one kept.

The free space is read with ``statvfs`` (cheap) when the spider opens, every ``KHABAR_DISK_GUARD_INTERVAL``
seconds, and before every new WARC file (the ``warc_file_opened`` signal of ``WarcCapture``).
``free_space_shortfall(settings)`` is the same question for anyone about to start a crawl (``khabar schedule``).

Settings:
    KHABAR_MIN_FREE_SPACE        ("1GiB or 2%")  a size (``500MB``, ``2GiB``, bytes), a percentage of the
        filesystem (``5%``), or several joined by ``or`` (the smallest applies); ``0`` turns the guard off.
        The default: 1 GiB covers what a stop still writes (requests in flight, up to CONCURRENT_REQUESTS ×
        DOWNLOAD_MAXSIZE = 512 MiB with the defaults, then indexes, state and reports); 2 % keeps a small disk
        (a 20 GB volume: 400 MB) from stopping while most of it is still free.
    KHABAR_DISK_GUARD_INTERVAL   (5.0)   seconds between two checks during a crawl; 0: only at the start and
        before each new WARC file.
Tests fake the free space with ``KHABAR_TEST_FREE_SPACE_BYTES`` (crawler/storage/space.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.errors import ConfigInvalid
from crawler.storage.base import local_spool
from crawler.storage.space import human_size, probe_free_space
from crawler.warc.capture import warc_file_opened

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from twisted.internet.task import LoopingCall

logger = logging.getLogger(__name__)

LOW_DISK_REASON = "low_disk"
LOW_DISK_STAT = "khabar/low_disk"
LOW_DISK_PREFIX = "free space is low on the filesystem of the store"  # how every guard message starts
SETTING = "KHABAR_MIN_FREE_SPACE"
DEFAULT = "1GiB or 2%"  # as settings/__init__.py (why: the module docstring)
disk_guard_tripped = object()
"""Signal sent once when the guard stops a crawl; arguments: ``message`` (str), ``mount`` (str), ``free`` (int)."""

_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
_SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?$", re.IGNORECASE)
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
_said: set[tuple[str, str]] = set()  # (crawl id, mount point): the low space the crawl's outlets already logged as an error


@dataclass(frozen=True)
class MinFreeSpace:
    """``KHABAR_MIN_FREE_SPACE`` parsed: sizes in bytes and percentages; the smallest applies."""

    text: str
    sizes: tuple[int, ...] = ()
    percents: tuple[float, ...] = ()

    @classmethod
    def parse(cls, value: object) -> MinFreeSpace:
        text = str(value).strip()
        sizes: list[int] = []
        percents: list[float] = []
        for part in (p.strip() for p in re.split(r"\s+or\s+", text)):
            if (size := _SIZE.match(part)) is not None:
                sizes.append(int(float(size[1]) * _UNITS[(size[2] or "").lower()]))
            elif (percent := _PERCENT.match(part)) is not None and float(percent[1]) < 100:
                percents.append(float(percent[1]))
            else:
                raise ConfigInvalid(f"{SETTING}={text!r}: {part!r} is neither a size (500MB, 2GiB, a number of bytes) "
                                    "nor a percentage below 100 (5%); join several with 'or' (1GiB or 2%), or use 0 "
                                    "to turn the disk guard off")
        return cls(text, tuple(sizes), tuple(percents))

    @property
    def disabled(self) -> bool:
        return self.bytes_for(1 << 62) == 0

    def bytes_for(self, filesystem_size: int) -> int:
        """The free space required on a filesystem of ``filesystem_size`` bytes."""
        limits = [*self.sizes, *(int(filesystem_size * p / 100) for p in self.percents)]
        return min(limits, default=0)


def minimum_free_space(settings: BaseSettings) -> MinFreeSpace:
    value = settings.get(SETTING)
    return MinFreeSpace.parse(DEFAULT if value is None or str(value).strip() == "" else value)


def shortfall(path: Path, minimum: MinFreeSpace) -> str | None:
    """Why the filesystem of ``path`` has too little free space for ``minimum``, or None when it has enough."""
    filesystem = probe_free_space(path)
    needed = minimum.bytes_for(filesystem.size)
    if filesystem.free >= needed:
        return None
    return (f"{LOW_DISK_PREFIX} ({path}): {filesystem.describe()}, below {SETTING}={minimum.text!r} "
            f"({human_size(needed)} on this filesystem). Free space on {filesystem.mount}, or lower {SETTING}")


def disk_state(settings: BaseSettings) -> dict[str, Any]:
    """The free space of the store's filesystem on this machine against ``KHABAR_MIN_FREE_SPACE`` (``khabar status``):
    path, mount, kind, free_bytes, size_bytes, min_free_bytes, setting, low, message (None unless low)."""
    minimum = minimum_free_space(settings)
    root = local_spool(settings)
    filesystem = probe_free_space(root)
    message = None if minimum.disabled else shortfall(root, minimum)
    return {"path": str(root), "mount": str(filesystem.mount), "kind": filesystem.kind, "free_bytes": filesystem.free,
            "size_bytes": filesystem.size, "min_free_bytes": minimum.bytes_for(filesystem.size),
            "setting": minimum.text, "low": message is not None, "message": message}


def free_space_shortfall(settings: BaseSettings) -> str | None:
    """Whether a crawl with these settings may start: None when the store's filesystem has the free space
    ``KHABAR_MIN_FREE_SPACE`` asks for, else the message saying where, how much and what to do. No network."""
    minimum = minimum_free_space(settings)
    return None if minimum.disabled else shortfall(local_spool(settings), minimum)


def low_disk_message(stats: dict[str, Any]) -> str | None:
    """The message of the guard that stopped a crawl, from its stats; None when it did not."""
    value = stats.get(LOW_DISK_STAT)
    return str(value) if value is not None else None


class DiskGuard:
    """Checks the free space of the store's filesystem during a crawl; closes the spider (``low_disk``) below it."""

    def __init__(self, crawler: Crawler, minimum: MinFreeSpace, root: Path, interval: float) -> None:
        self.crawler, self.minimum, self.root, self.interval = crawler, minimum, root, interval
        self.tripped: str | None = None
        self._loop: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiskGuard:
        minimum = minimum_free_space(crawler.settings)
        if minimum.disabled:
            raise NotConfigured()  # turned off by the operator (0): no message, so Scrapy logs no warning
        interval = crawler.settings.getfloat("KHABAR_DISK_GUARD_INTERVAL", 5.0)
        if interval < 0:
            raise ConfigInvalid(f"KHABAR_DISK_GUARD_INTERVAL={interval} must be 0 (no periodic check) or more seconds")
        guard = cls(crawler, minimum, local_spool(crawler.settings), interval)
        crawler.signals.connect(guard.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(guard.check, signal=warc_file_opened)
        return guard

    def spider_opened(self, spider: Spider) -> None:
        from twisted.internet import reactor
        from twisted.internet.base import ReactorBase
        from twisted.internet.task import LoopingCall

        clock = cast(ReactorBase, reactor)  # after the engine has opened the spider: close_spider may then run
        if self.interval > 0:
            self._loop = LoopingCall(self.check)
            clock.callLater(0, self._loop.start, self.interval, True)
        else:
            clock.callLater(0, self.check)

    def spider_closed(self, spider: Spider) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()

    def check(self, **_: object) -> None:
        """Stop the crawl when the free space is below the minimum (once); cheap: one ``statvfs``."""
        engine = self.crawler.engine
        if self.tripped is not None or engine is None or engine.spider is None:
            return
        message = shortfall(self.root, self.minimum)
        if message is not None:
            self.trip(message)

    def trip(self, message: str) -> None:
        filesystem = probe_free_space(self.root)
        self.tripped = (f"{message}, then run the same command with --resume (nothing it kept is fetched again). "
                        "The crawl stopped scheduling requests, finished those in flight and closed its files.")
        assert self.crawler.stats is not None
        self.crawler.stats.set_value(LOW_DISK_STAT, self.tripped)
        said = (str(self.crawler.settings.get("KHABAR_CRAWL_ID")), str(filesystem.mount))
        first = said not in _said  # the other outlets of the crawl stop for the same reason: one error line
        _said.add(said)
        logger.log(logging.ERROR if first else logging.INFO, "%s", self.tripped)
        self.crawler.signals.send_catch_log(disk_guard_tripped, message=self.tripped, mount=str(filesystem.mount),
                                            free=filesystem.free)
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=LOW_DISK_REASON))
