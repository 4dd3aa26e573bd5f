"""The scheduler's pending requests on disk in every crawl, not only in resumable ones.

A sitemap lists thousands of articles at once, and Scrapy's scheduler keeps every request it has not sent
yet in memory unless the crawl has a JOBDIR: about 1.3 KB a request (measured with tracemalloc: Request,
headers, meta, priority queue and fingerprint), so 130 MB for the 100,000 articles of an outlet's sitemaps,
held from the moment the sitemaps are read. ``DiskQueueScheduler`` gives Scrapy's own disk queues (the same
LIFO order within a priority as its memory queues, the same priority queue) a folder of the store's local
state when there is no JOBDIR: ``state/queues/<outlet>/``, emptied when the crawl opens (the outlet lock
lets one crawl of an outlet run at a time, so what is there was left by a killed one) and removed when it
closes. With a JOBDIR (``--resume``) Scrapy's behaviour is unchanged. A request that cannot be pickled stays
in memory, as Scrapy does with a JOBDIR. A full disk under the queue stops the crawl as any other write to the
store does (``crawler.run.disk_full``); the requests it held are dropped with it, as a memory queue's are when a
crawl stops, and the next run's discovery finds them again.

    KHABAR_QUEUE_ON_DISK   (True)  False: Scrapy's memory queues when there is no JOBDIR

``PickleLifoDiskQueue`` (``SCHEDULER_DISK_QUEUE``) is Scrapy's own, writing the very same request dicts, but it
names a request's callback without walking the spider: Scrapy's ``Request.to_dict`` finds the method's name with
``inspect.getmembers(spider)``, which reads every attribute of the spider (properties included) for each request,
0.55 s of 13.7 s of the crawl process's CPU under cProfile on 600 articles.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path
from typing import Any, Self

from scrapy import squeues
from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.http import Request
from twisted.internet.defer import Deferred

from crawler.run.disk_full import stop_for_disk_full
from crawler.storage import layout, store_from_settings
from crawler.storage.space import disk_full_error, is_disk_full

logger = logging.getLogger(__name__)


def queue_dir(crawler: Crawler) -> Path:
    """Where the pending requests of the crawl of the crawler's outlet go when it has no JOBDIR."""
    outlet = str(getattr(crawler.spider, "outlet_id", None) or getattr(crawler.spider, "name", "crawl"))
    return layout.state_dir(store_from_settings(crawler.settings)) / "queues" / outlet


class DiskQueueScheduler(Scheduler):
    """Scrapy's scheduler, with its disk queues in ``queue_dir`` when the crawl has no JOBDIR."""

    _own_dir: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        scheduler = super().from_crawler(crawler)
        if scheduler.dqdir is None and crawler.settings.getbool("KHABAR_QUEUE_ON_DISK", True):
            folder = queue_dir(crawler)
            shutil.rmtree(folder, ignore_errors=True)  # a killed crawl's: its requests are found again by discovery
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                logger.warning("the pending requests stay in memory: cannot create %s (%s); check the store's "
                               "state folder", folder, exc.strerror or exc)
                return scheduler
            scheduler.dqdir, scheduler._own_dir = str(folder), folder
        return scheduler

    def _dqpush(self, request: Request) -> bool:
        try:
            return super()._dqpush(request)
        except OSError as exc:
            if self._own_dir is None or not is_disk_full(exc):
                raise
            self._drop_disk_queue()
            assert self.crawler is not None
            stop_for_disk_full(self.crawler, disk_full_error(self._own_dir, exc))
            return False  # this one waits in memory

    def _drop_disk_queue(self) -> None:
        dqs, self.dqs = self.dqs, None
        if dqs is not None:
            with contextlib.suppress(OSError):  # the same full disk: the folder goes at close
                dqs.close()

    def close(self, reason: str) -> Deferred[Any] | None:
        if self._own_dir is None:
            return super().close(reason)
        self._drop_disk_queue()  # what is left is not kept: a crawl without JOBDIR does not resume
        shutil.rmtree(self._own_dir, ignore_errors=True)
        return self.df.close(reason)


def method_names(spider: Any) -> dict[Any, str]:
    """The name of each method of the spider's class by its function, the first in alphabetical order when a
    function has several (as ``inspect.getmembers``, which Scrapy's lookup uses, lists them); dunders left out."""
    names: dict[Any, str] = {}
    for name in sorted(dir(type(spider))):
        if not name.startswith("__") and callable(attribute := getattr(type(spider), name, None)):
            names.setdefault(getattr(attribute, "__func__", attribute), name)
    return names


class _Methods:
    """A stand-in for the spider in ``Request.to_dict``, whose members are the request's callback and errback alone:
    ``inspect.getmembers`` lists what ``dir()`` says, then reads and sorts each of them."""

    def __init__(self, methods: dict[str, Any]) -> None:
        self.__dict__.update(methods)

    def __dir__(self) -> list[str]:
        return list(self.__dict__)


class PickleLifoDiskQueue(squeues.PickleLifoDiskQueue):  # type: ignore[misc,valid-type]  # Scrapy builds it at import
    """Scrapy's LIFO pickle disk queue; a request's callback and errback are named from the spider's class alone.
    A callback not found there (a function set on the spider at run time) is looked up as Scrapy does."""

    _names: dict[Any, str] | None = None

    def push(self, request: Request) -> None:
        if self._names is None:
            self._names = method_names(self.spider)
        methods = {}
        for method in (request.callback, request.errback):
            if getattr(method, "__self__", None) is self.spider and (name := self._names.get(getattr(method, "__func__", None))):
                methods[name] = method
        try:
            request_dict = request.to_dict(spider=_Methods(methods))  # type: ignore[arg-type]  # duck-typed
        except ValueError:
            request_dict = request.to_dict(spider=self.spider)
        # Scrapy's queue below the one that calls to_dict: it pickles the dict to disk
        super(squeues.PickleLifoDiskQueue, self).push(request_dict)  # type: ignore[misc]
