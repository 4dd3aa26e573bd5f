"""RunReport: one JSON report per outlet and crawl, and the numbers the CLI summary prints.

Written to ``runs/<crawl-id>/<outlet>.json`` in the store when the spider closes: ``finish_reason`` is
Scrapy's (``finished``; ``shutdown`` when SIGINT or SIGTERM stopped the crawl). A second signal makes
Scrapy stop the reactor before the spider has closed: the report is then written from the crawl's stats
once the reactor has stopped, still with ``shutdown``, and the files left open are finished by the next run.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any, cast

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawler.errors import DiskFull
from crawler.run.disk_full import DISK_FULL_REASON, disk_full_message
from crawler.run.disk_guard import LOW_DISK_REASON, low_disk_message
from crawler.storage import store_from_settings
from crawler.storage.atomic import write_atomically
from crawler.storage.layout import run_report_key
from crawler.storage.space import disk_full_guard

logger = logging.getLogger(__name__)


@dataclass
class OutletReport:
    outlet: str
    crawl_id: str
    finish_reason: str
    pages_fetched: int
    articles_recorded: int
    not_recorded: dict[str, int]
    fetch_errors: int
    botwall_pages: int = 0
    skipped_known: int = 0
    unfetchable_entries: dict[str, int] = field(default_factory=dict)  # per discovery source: mailto:, no host…
    known_unchanged: int = 0
    """Articles archived by earlier runs that this run did not fetch again (discovery says unchanged)."""
    pages_archived: int = 0
    """Responses this run wrote into WARC files (response and revisit records)."""
    warc_files: list[str] = field(default_factory=list)
    record_files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles_new: int | None = None
    """Records of articles archived for the first time (version 1); None in reports written before it was counted."""
    articles_updated: int | None = None
    """Records of a changed text of an article archived before (version > 1); None as for articles_new."""
    new_by_day: dict[str, int] | None = None
    """New articles per publication day (``publication_day``, YYYY-MM-DD): the outlet's cadence for ``khabar status``."""
    requisites: dict[str, int] = field(default_factory=dict)
    """Page requisites (crawler/requisites): ``scheduled``, ``archived``, ``bytes``, and per reason what was
    ``skipped/…`` (``off_site``, ``tracker``, ``depth``, ``fresh``, a bound hit) or ``failed/…``."""

    @property
    def blocked(self) -> bool:
        """Blocked: the outlet answered with bot walls at least as often as with articles."""
        return self.botwall_pages > 0 and self.botwall_pages >= self.articles_recorded


def report_from_stats(outlet: str, crawl_id: str, reason: str, stats: dict[str, Any]) -> OutletReport:
    prefix, unfetchable = "khabar/articles/not_recorded/", "khabar/discovery/unfetchable_entry/"
    requisites = "khabar/requisites/"
    return OutletReport(
        outlet=outlet, crawl_id=crawl_id, finish_reason=reason,
        pages_fetched=int(stats.get("downloader/response_count", 0)),
        articles_recorded=int(stats.get("khabar/records/written", 0)),
        not_recorded={k[len(prefix):]: int(v) for k, v in stats.items() if k.startswith(prefix)},
        fetch_errors=int(stats.get("khabar/articles/fetch_failed", 0)) + int(stats.get("khabar/discovery/source_failed", 0)),
        botwall_pages=int(stats.get("khabar/botwall/pages", 0)),
        skipped_known=int(stats.get("khabar/discovery/skipped/already_archived", 0)),
        unfetchable_entries={k[len(unfetchable):]: int(v) for k, v in stats.items() if k.startswith(unfetchable)},
        known_unchanged=int(stats.get("khabar/articles/known_unchanged", 0)),
        pages_archived=int(stats.get("khabar/warc/responses", 0)) + int(stats.get("khabar/warc/revisits", 0)),
        articles_new=int(stats.get("khabar/records/written/new", 0)),
        articles_updated=int(stats.get("khabar/records/written/updated", 0)),
        requisites={k[len(requisites):]: int(v) for k, v in stats.items() if k.startswith(requisites)},
    )


def report_from_json(data: dict[str, Any]) -> OutletReport:
    """A report as ``RunReport`` wrote it (fields of later versions ignored, missing optional ones defaulted);
    TypeError when it is not a JSON object or lacks a required field."""
    if not isinstance(data, dict):
        raise TypeError(f"a run report is a JSON object, not {type(data).__name__}")
    names = {f.name for f in fields(OutletReport)}
    return OutletReport(**{name: value for name, value in data.items() if name in names})


def publication_day(date_published: str | None, fetched_at: str) -> date:
    """The UTC day an article was published: its ``date_published``, never later than its capture day
    (a date in the future is an extraction error), the capture day when it has no readable date."""
    captured = date.fromisoformat(fetched_at[:10])
    try:
        moment = datetime.fromisoformat(date_published or "")
    except ValueError:
        return captured
    day = moment.astimezone(UTC).date() if moment.tzinfo else moment.date()
    return min(day, captured)


@dataclass
class RecordTally:
    """What a run's records add: new articles (and their publication days) and new versions."""

    new: int = 0
    updated: int = 0
    new_by_day: Counter[str] = field(default_factory=Counter)

    def add(self, version: int, date_published: str | None, fetched_at: str) -> str:
        """Count one record; its kind, ``new`` or ``updated`` (the ``khabar/records/written/<kind>`` stat)."""
        if version > 1:
            self.updated += 1
            return "updated"
        self.new += 1
        self.new_by_day[publication_day(date_published, fetched_at).isoformat()] += 1
        return "new"


class RunReport:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.report: OutletReport | None = None
        self.spider: Spider | None = None  # open: between spider_opened and spider_closed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        if crawler.settings.getbool("TWISTED_REACTOR_ENABLED", True):
            from twisted.internet import reactor
            from twisted.internet.base import ReactorBase

            cast(ReactorBase, reactor).addSystemEventTrigger("after", "shutdown", ext.reactor_stopped)
        return ext

    def reactor_stopped(self) -> None:
        """A forced stop (a second SIGINT or SIGTERM) stops the reactor before the spider closes: write the
        report from the stats, once the reactor has stopped downloading (what was archived is final); the
        next run finishes the files left open."""
        from crawler.warc.capture import WarcCapture

        spider = self.spider
        if spider is None or self.crawler.stats is None:  # closed (or never opened): nothing to add
            return
        outlet = getattr(spider, "outlet_id", spider.name)
        report = report_from_stats(outlet, self.crawler.settings.get("KHABAR_CRAWL_ID"), "shutdown",
                                   self.crawler.stats.get_stats())
        warc = self.crawler.get_extension(WarcCapture)
        report.warc_files = list(warc.files) if warc is not None else []  # those finished before the stop
        report.warnings.append(f"outlet {outlet}: forced stop before the crawl could close its files; the next crawl "
                               "of this store finishes the WARC and record files it left open (nothing archived is lost)")
        self.report = report
        self._write(report)

    def spider_opened(self, spider: Spider) -> None:
        self.spider = spider

    def spider_closed(self, spider: Spider, reason: str) -> None:
        from crawler.warc.capture import WarcCapture
        from pipelines.article_record import ArticleRecordWriter

        self.spider = None
        stats = self.crawler.stats.get_stats()
        outlet = getattr(spider, "outlet_id", spider.name)
        report = report_from_stats(outlet, self.crawler.settings.get("KHABAR_CRAWL_ID"), reason, stats)
        warc = self.crawler.get_extension(WarcCapture)
        if warc is not None:  # off with KHABAR_WARC_ENABLED=False
            warc.close()  # files must be closed before they are listed; closing twice is harmless
            report.warc_files = list(warc.files)
        writer = self._pipeline(ArticleRecordWriter)
        if writer is not None:  # pipelines close before spider_closed fires
            report.record_files = list(writer.files)
            report.new_by_day = dict(sorted(writer.tally.new_by_day.items()))
        self._explain_failures(spider, report)
        for stopped in (disk_full_message(stats), low_disk_message(stats)):
            if stopped is not None:
                report.warnings.append(stopped)
        self.report = report
        try:
            self._write(report)
        except DiskFull as exc:  # the summary still prints it; the run's files say the rest
            logger.warning("the run report of outlet %s was not written to %s: its filesystem is full",
                           report.outlet, exc.path)

    @staticmethod
    def _explain_failures(spider: Spider, report: OutletReport) -> None:
        failed = getattr(spider, "failed_sources", [])
        if report.pages_fetched == 0 and report.finish_reason not in ("shutdown", DISK_FULL_REASON, LOW_DISK_REASON):
            first = f" (first error: {failed[0][0]}: {failed[0][1]})" if failed else ""
            message = (f"outlet {report.outlet}: nothing could be fetched{first}; the other outlets went on. "
                       "Check that the outlet is online and that its feeds and sitemaps in the catalog are right "
                       "('khabar outlets' lists them).")
            logger.error(message)
            report.warnings.append(message)
        elif failed:
            message = f"outlet {report.outlet}: {len(failed)} discovery source(s) failed: " + "; ".join(
                f"{url}: {reason}" for url, reason in failed)
            logger.warning(message)
            report.warnings.append(message)

    def _pipeline(self, cls: type) -> Any:
        scraper = getattr(self.crawler.engine, "scraper", None)
        for pipe in getattr(getattr(scraper, "itemproc", None), "middlewares", ()):
            if isinstance(pipe, cls):
                return pipe
        return None

    def _write(self, report: OutletReport) -> None:
        store = store_from_settings(self.crawler.settings)
        key = run_report_key(report.crawl_id, report.outlet)
        with disk_full_guard(store.spool / key):
            write_atomically(store.spool / key, json.dumps({**asdict(report), "blocked": report.blocked},
                                                           ensure_ascii=False, indent=2))
        store.publish(key)
