"""One Prometheus endpoint per process: what ``khabar crawl --metrics-port``, ``khabar schedule`` and a worker serve.

``serve_metrics_from_settings(settings)`` starts (once per process; later calls with the same address return
the same server) prometheus-client's HTTP server in a thread, serving ``metrics_registry()`` in the text format
at ``http://HOST:PORT/metrics``. Anything long-running registers its own collectors in that registry; crawls do
through ``crawler.run.metrics.CrawlMetrics``; ``khabar schedule`` and ``khabar worker`` ``publish`` theirs
(``crawler.schedule.metrics``, ``crawler.queue.metrics``). A port already taken is ``MetricsPortInUse`` (exit 2).

Settings:
    KHABAR_METRICS_PORT     (None)        the port; None: no metrics server; 0: a free port (the URL is printed)
    KHABAR_METRICS_HOST     (127.0.0.1)   the address to bind (0.0.0.0: every interface; mind who can reach it)
    KHABAR_METRICS_LINGER   (0)           seconds ``khabar crawl`` keeps serving after its summary, so that a
                                          scraper sees a short crawl's final values
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.registry import Collector

from crawler.errors import ConfigInvalid, MetricsPortInUse

if TYPE_CHECKING:
    from wsgiref.simple_server import WSGIServer

    from prometheus_client.metrics_core import Metric
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

_REGISTRY = CollectorRegistry(auto_describe=True)
_SERVERS: dict[tuple[str, int], MetricsServer] = {}
_LOCK = threading.Lock()


def metrics_registry() -> CollectorRegistry:
    """The registry this process serves (register collectors here, never in prometheus-client's global one)."""
    return _REGISTRY


class _Published(Collector):
    """The collectors ``publish`` named: at most one per name (a process has one scheduler, one worker)."""

    def __init__(self) -> None:
        self.current: dict[str, Collector] = {}

    def collect(self) -> Iterator[Metric]:
        for collector in list(self.current.values()):
            yield from collector.collect()


_PUBLISHED = _Published()
_REGISTRY.register(_PUBLISHED)


def publish(name: str, collector: Collector) -> None:
    """Serve ``collector``'s metrics as ``name``'s, in place of any collector published before under that name
    (a new scheduler replaces the one before it: the names of their metrics are the same)."""
    _PUBLISHED.current[name] = collector


def serve_published(name: str, collector: Collector, port: int, host: str | None) -> MetricsServer:
    """``khabar schedule`` and ``khabar worker``: serve ``collector`` (``publish``) on ``host:port`` from their own
    options, not from ``KHABAR_METRICS_PORT`` (the crawls they start inherit their environment: they would all
    bind that port). A port in use is ``MetricsPortInUse``, before anything runs."""
    from scrapy.settings import Settings

    server = serve_metrics_from_settings(Settings({"KHABAR_METRICS_PORT": port, "KHABAR_METRICS_HOST": host}))
    assert server is not None  # a port was given
    publish(name, collector)
    return server


@dataclass
class MetricsServer:
    host: str
    port: int
    server: WSGIServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/metrics"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        with _LOCK:
            for key in [key for key, server in _SERVERS.items() if server is self]:
                del _SERVERS[key]


def serve_metrics(host: str, port: int) -> MetricsServer:
    """Serve this process's metrics on ``host:port`` (a thread; port 0: a free one); the running server when it
    already does."""
    with _LOCK:
        if (host, port) in _SERVERS:
            return _SERVERS[(host, port)]
        try:
            server, thread = start_http_server(port, addr=host, registry=_REGISTRY)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise MetricsPortInUse(host, port) from None
            raise ConfigInvalid(f"cannot serve metrics on {host}:{port}: {exc.strerror or exc}; set KHABAR_METRICS_HOST "
                                "to an address of this machine (127.0.0.1 by default)") from None
        running = _SERVERS[(host, port)] = MetricsServer(host, server.server_port, server, thread)
    logger.info("serving Prometheus metrics at %s", running.url)
    return running


def serve_metrics_from_settings(settings: BaseSettings) -> MetricsServer | None:
    """The metrics server ``KHABAR_METRICS_PORT``/``_HOST`` ask for (started now if needed), or None when off."""
    value = settings.get("KHABAR_METRICS_PORT")
    if value is None or str(value).strip() == "":
        return None
    port = int(value) if str(value).strip().isdigit() else -1
    if not 0 <= port < 65536:
        raise ConfigInvalid(f"KHABAR_METRICS_PORT={value!r} is not a TCP port; use 1 to 65535, or 0 for a free one")
    return serve_metrics(str(settings.get("KHABAR_METRICS_HOST") or "127.0.0.1"), port)


def linger(settings: BaseSettings) -> None:
    """Keep serving ``KHABAR_METRICS_LINGER`` seconds (a crawl's last values for the next scrape), then return."""
    seconds = settings.getfloat("KHABAR_METRICS_LINGER", 0.0)
    if seconds > 0 and _SERVERS:
        urls = ", ".join(server.url for server in _SERVERS.values())
        logger.info("metrics stay at %s for %g s (KHABAR_METRICS_LINGER)", urls, seconds)
        time.sleep(seconds)
