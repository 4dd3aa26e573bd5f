"""WebhookAlerts: a JSON POST to ``KHABAR_ALERT_WEBHOOK`` when an outlet needs a person or the disk guard trips.

When an outlet's spider closes, its run report joins the outlet's earlier reports in the store and
``crawler.run.health`` judges them, as ``khabar status`` does: a verdict of ``failing``, ``blocked`` or
``silent`` is posted as the event ``outlet_failing``, ``outlet_blocked`` or ``outlet_silent`` (an interrupted
run is the operator's doing: no alert). When the disk guard stops a crawl (``crawler.run.disk_guard``), the
event ``disk_low`` is posted at once (once per crawl and filesystem), and that outlet's run gets no second
alert. The body:

    {"event": "outlet_failing", "outlet": "lefaso", "crawl_id": "20261203T…", "message": "<what and what to do>",
     "time": "<ISO 8601>", "host": "<hostname>", "store": "<store URI>", "run_report": "runs/<crawl-id>/<outlet>.json"}
    (disk_low adds "mount" and "free_bytes"; outlet events add "verdict" and "finish_reason")

Alerts go out from a thread, never from the crawl's: the history is read and the POST made there, each with
``KHABAR_ALERT_TIMEOUT``. A webhook that is down or answers an error is logged and tried again
``KHABAR_ALERT_RETRIES`` times with a doubling backoff from ``KHABAR_ALERT_BACKOFF`` seconds, then given up with
a warning; never an error of the crawl, never its exit code. ``khabar crawl`` waits for unsent alerts at its end,
bounded by what the retries may take (28 s with the defaults). The webhook URL may carry a token: messages
name it by ``redacted_url`` (its host and port; user info, path and query hidden).

Settings: KHABAR_ALERT_WEBHOOK ("" = off), KHABAR_ALERT_RETRIES (3), KHABAR_ALERT_BACKOFF (1.0),
KHABAR_ALERT_TIMEOUT (5.0).
"""

from __future__ import annotations

import json
import logging
import queue
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.errors import ConfigInvalid
from crawler.run.disk_guard import LOW_DISK_REASON, disk_guard_tripped
from crawler.run.health import HealthPolicy, outlet_health
from crawler.run.history import read_outlet_history
from crawler.run.report import OutletReport, RunReport, report_from_stats
from crawler.storage import store_from_settings
from crawler.storage.layout import run_report_key

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

EVENTS = {"failing": "outlet_failing", "blocked": "outlet_blocked", "silent": "outlet_silent"}
Alert = dict[str, Any]


def redacted_url(url: str) -> str:
    """``https://hooks.example:8443/***?***``: a URL fit for a message, its host and port only (user info, path
    and query hidden: any of them may hold a token)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = ("***@" if "@" in parts.netloc else "") + (f"{host}:{parts.port}" if parts.port else host)
    path = "/***" if parts.path.strip("/") else "/"
    return urlunsplit((parts.scheme, netloc, path, "***" if parts.query else "", ""))


@dataclass(frozen=True)
class AlertConfig:
    url: str
    retries: int = 3
    backoff: float = 1.0
    timeout: float = 5.0

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> AlertConfig | None:
        url = str(settings.get("KHABAR_ALERT_WEBHOOK") or "").strip()
        if not url:
            return None
        config = cls(url, settings.getint("KHABAR_ALERT_RETRIES", 3), settings.getfloat("KHABAR_ALERT_BACKOFF", 1.0),
                     settings.getfloat("KHABAR_ALERT_TIMEOUT", 5.0))
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise ConfigInvalid(f"KHABAR_ALERT_WEBHOOK={redacted_url(url)!r} is not an http(s) URL; "
                                "use e.g. http://127.0.0.1:9000/alerts")
        if config.retries < 0 or config.backoff < 0 or config.timeout <= 0:
            raise ConfigInvalid("KHABAR_ALERT_RETRIES and KHABAR_ALERT_BACKOFF must be 0 or more, "
                                "KHABAR_ALERT_TIMEOUT more than 0 seconds")
        return config

    @property
    def longest_wait(self) -> float:
        """What delivering one alert may take at most: every try timing out, every backoff."""
        return self.timeout * (self.retries + 1) + self.backoff * float(2 ** self.retries - 1)


class AlertSender:
    """Posts alerts to one webhook from a thread of its own, in order; see the module docstring."""

    def __init__(self, config: AlertConfig) -> None:
        self.config = config
        self.delivered = 0
        self.given_up = 0
        self._queue: queue.Queue[Callable[[], Alert | None]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def send(self, make: Callable[[], Alert | None]) -> None:
        """Queue an alert, built in the sender's thread by ``make`` (None: nothing to send)."""
        self._queue.put(make)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                # not a daemon: an exiting process still delivers what is queued, bounded by the retries
                self._thread = threading.Thread(target=self._work, name="khabar-alerts")
                self._thread.start()

    def wait(self, timeout: float) -> int:
        """Wait at most ``timeout`` seconds for queued alerts; return how many are left."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.05)
        return self._queue.unfinished_tasks

    def _work(self) -> None:
        while True:
            try:
                make = self._queue.get(timeout=1.0)
            except queue.Empty:
                return
            try:
                alert = make()
                if alert is not None:
                    self._deliver(alert)
            except Exception:  # an alert never takes the crawl down  # noqa: BLE001
                logger.warning("an alert to %s could not be prepared", redacted_url(self.config.url), exc_info=True)
            finally:
                self._queue.task_done()

    def _deliver(self, alert: Alert) -> None:
        body = json.dumps(alert, ensure_ascii=False).encode("utf-8")
        where, tries = redacted_url(self.config.url), self.config.retries + 1
        for attempt in range(1, tries + 1):
            problem = self._post(body)
            if problem is None:
                self.delivered += 1
                logger.info("alert %s for %s sent to %s", alert["event"], alert.get("outlet") or "the crawl", where)
                return
            if attempt < tries:
                delay = self.config.backoff * 2 ** (attempt - 1)
                logger.warning("alert %s to %s failed (%s); trying again in %g s (try %d of %d)",
                               alert["event"], where, problem, delay, attempt, tries)
                time.sleep(delay)
        self.given_up += 1
        logger.warning("alert %s to %s not delivered after %d tries (%s); the crawl goes on, and its run report "
                       "says the same (khabar status); check that the webhook is up", alert["event"], where, tries, problem)

    def _post(self, body: bytes) -> str | None:
        """POST ``body``; None when the webhook took it (2xx), else what went wrong, in our words."""
        request = urllib.request.Request(self.config.url, data=body, method="POST",  # noqa: S310 -- http(s) checked
                                         headers={"Content-Type": "application/json", "User-Agent": "Khabar alerts"})
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:  # noqa: S310
                response.read()
                return None
        except urllib.error.HTTPError as exc:
            return f"HTTP {exc.code}"
        except urllib.error.URLError as exc:
            return self._problem(exc.reason)
        except OSError as exc:  # a timeout while reading the answer, a reset connection
            return self._problem(exc)

    def _problem(self, reason: object) -> str:
        if isinstance(reason, TimeoutError):
            return f"no answer within {self.config.timeout:g} s"
        if isinstance(reason, OSError):
            return reason.strerror or type(reason).__name__
        return f"unreachable ({reason})"


_SENDERS: dict[AlertConfig, AlertSender] = {}
_DISK_SAID: set[tuple[str, str]] = set()  # (crawl id, mount point) of the disk_low alerts sent


def alert_sender(config: AlertConfig) -> AlertSender:
    """The process's sender for this webhook (several crawlers of one run share it)."""
    return _SENDERS.setdefault(config, AlertSender(config))


def wait_for_alerts() -> None:
    """At the end of a command: wait (bounded) for alerts still queued; say what could not wait."""
    for sender in _SENDERS.values():
        left = sender.wait(sender.config.longest_wait)
        if left:
            logger.warning("%d alert(s) to %s still unsent when the crawl ended", left, redacted_url(sender.config.url))


class WebhookAlerts:
    """The Scrapy extension (see the module docstring)."""

    def __init__(self, crawler: Crawler, sender: AlertSender) -> None:
        self.crawler, self.sender = crawler, sender
        self.store_uri = str(crawler.settings.get("KHABAR_STORE_URI"))
        self.crawl_id = str(crawler.settings.get("KHABAR_CRAWL_ID"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WebhookAlerts:
        config = AlertConfig.from_settings(crawler.settings)
        if config is None:
            raise NotConfigured()  # off unless KHABAR_ALERT_WEBHOOK is set: no message, so Scrapy logs no warning
        alerts = cls(crawler, alert_sender(config))
        crawler.signals.connect(alerts.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(alerts.disk_low, signal=disk_guard_tripped)
        return alerts

    def _base(self, event: str, outlet: str, message: str) -> Alert:
        return {"event": event, "outlet": outlet, "crawl_id": self.crawl_id, "message": message,
                "time": datetime.now(UTC).isoformat(timespec="seconds"), "host": socket.gethostname(),
                "store": self.store_uri, "run_report": run_report_key(self.crawl_id, outlet)}

    def disk_low(self, message: str, mount: str, free: int) -> None:
        if (self.crawl_id, mount) in _DISK_SAID:  # one alert per crawl and filesystem, not one per outlet
            return
        _DISK_SAID.add((self.crawl_id, mount))
        alert = {**self._base("disk_low", self._outlet(), message), "mount": mount, "free_bytes": free}
        self.sender.send(lambda: alert)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if reason == LOW_DISK_REASON:  # disk_low said it
            return
        report = self._report(spider, reason)
        self.sender.send(lambda: self._outlet_alert(report))

    def _outlet_alert(self, report: OutletReport) -> Alert | None:
        """In the sender's thread: the outlet's verdict from its history and this run's report."""
        store = store_from_settings(self.crawler.settings)
        history = read_outlet_history(store, report.outlet, HealthPolicy(), skip=report.crawl_id)
        health = outlet_health([report, *history], datetime.now(UTC))
        if health.verdict not in EVENTS:
            return None
        return {**self._base(EVENTS[health.verdict], report.outlet, health.reason), "verdict": health.verdict,
                "finish_reason": report.finish_reason}

    def _report(self, spider: Spider, reason: str) -> OutletReport:
        extension = self.crawler.get_extension(RunReport)
        if extension is not None and extension.report is not None:
            return extension.report
        assert self.crawler.stats is not None
        return report_from_stats(self._outlet(spider), self.crawl_id, reason, self.crawler.stats.get_stats())

    def _outlet(self, spider: Spider | None = None) -> str:
        spider = spider or (self.crawler.engine.spider if self.crawler.engine is not None else None)
        return str(getattr(spider, "outlet_id", getattr(spider, "name", "")))
