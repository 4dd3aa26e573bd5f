"""The run summary ``khabar crawl`` prints, and its exit code."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import click
from scrapy.settings import BaseSettings

from crawler.errors import ExitCode
from crawler.run.disk_guard import LOW_DISK_PREFIX
from crawler.run.report import OutletReport
from crawler.run.runner import CrawlResult
from crawler.storage import store_from_settings
from crawler.storage.base import SpoolStatus
from crawler.storage.layout import runs_dir
from crawler.storage.space import DISK_FULL_PREFIX


def print_summary(result: CrawlResult, settings: BaseSettings, log_key: str | None = None) -> int:
    """Print what the crawl did and where it is; return its exit code (``ExitCode``: 5 when the store's
    filesystem filled up, 130 when a signal stopped it, 6 when another crawl held an outlet, 3 when an outlet
    yielded nothing, 4 when files are still waiting in an S3 store's spool after a bounded wait for their
    upload; the most severe wins). ``log_key``: the crawl's log in the store (``khabar crawl`` writes one)."""
    store = store_from_settings(settings)
    waiting = store.drain(0).spooled
    if waiting:
        click.echo(f"Waiting for {len(waiting)} upload(s) to {store.uri} (bounded by KHABAR_S3_DRAIN_TIMEOUT; "
                   "what is not uploaded stays in the spool for the next run) ...", err=True)
    uploads = store.drain()
    reports = result.reports
    failed = [r.outlet for r in reports if r.pages_fetched == 0 and not _interrupted(r)]
    crawl_id = reports[0].crawl_id if reports else settings.get("KHABAR_CRAWL_ID")
    lines = [
        *_headline(crawl_id, result),
        *_incremental_lines(reports),
        f"  outlets crawled    {len(reports) - len(failed)} of {len(reports)}"
        + (f" (nothing fetched from: {', '.join(failed)})" if failed else ""),
        *[f"  outlet busy        {busy}" for busy in result.busy],
        f"  pages fetched      {sum(r.pages_fetched for r in reports)}",
        f"  pages archived     {sum(r.pages_archived for r in reports)}",
        f"  articles recorded  {sum(r.articles_recorded for r in reports)}",
        f"  WARC files         {sum(len(r.warc_files) for r in reports)}  in {store.describe('warc')}",
        f"  record files       {sum(len(r.record_files) for r in reports)}  in {store.describe('records')}",
        f"  run reports        {store.describe(runs_dir(crawl_id))}",
        *([f"  crawl log          {store.describe(log_key)}"] if log_key else []),
    ]
    lines += [_outlet_line(r) for r in reports]
    lines += _upload_lines(uploads, store.uri)
    full = _stopped_lines(reports, DISK_FULL_PREFIX, "disk full")
    low = _stopped_lines(reports, LOW_DISK_PREFIX, "low disk space")
    click.echo("\n".join(lines + full + low))
    return exit_code(result, failed=bool(failed) or not (reports or result.busy), spooled=bool(uploads.spooled),
                     disk_full=bool(full), low_disk=bool(low))


def exit_code(result: CrawlResult, *, failed: bool, spooled: bool, disk_full: bool = False,
              low_disk: bool = False) -> ExitCode:
    """The one answer to how a crawl ended, as ``ExitCode.most_severe`` orders the states it ended in."""
    states = {
        ExitCode.DISK_FULL: disk_full,
        ExitCode.LOW_DISK: low_disk,
        ExitCode.INTERRUPTED: any(_interrupted(r) for r in result.reports),
        ExitCode.OUTLET_BUSY: bool(result.busy),
        ExitCode.SOME_OUTLETS_FAILED: failed,
        ExitCode.FILES_STILL_SPOOLED: spooled,
    }
    return ExitCode.most_severe(code for code, applies in states.items() if applies)


def _interrupted(r: OutletReport) -> bool:
    """Stopped before the end by SIGINT or SIGTERM (Scrapy's finish reason for it is "shutdown")."""
    return r.finish_reason == "shutdown"


def _headline(crawl_id: str, result: CrawlResult) -> list[str]:
    if result.busy and not result.reports:
        return [f"Khabar crawl {crawl_id} crawled nothing: other crawls hold its outlets (see below)."]
    if not any(_interrupted(r) for r in result.reports):
        return [f"Khabar crawl {crawl_id} finished."]
    lines = [f"Khabar crawl {crawl_id} interrupted ({_stopped_by(result.signals)}).",
             "  interrupted        stopped before the end: run the same command with --resume to continue; "
             "nothing archived is lost"]
    if len(result.signals) > 1:
        lines.append("                     the next crawl of this store finishes the WARC and record files left open")
    return lines


def _stopped_by(signals: Sequence[str]) -> str:
    """``SIGTERM``; ``SIGINT twice: stopped at once`` (Scrapy's forced stop)."""
    if len(signals) < 2:
        return signals[0] if signals else "stopped"
    first, second = signals[:2]
    return f"{first} twice: stopped at once" if first == second else f"{first}, then {second}: stopped at once"


def _stopped_lines(reports: Sequence[OutletReport], prefix: str, what: str) -> list[str]:
    """The error of the outlets stopped by a full store filesystem, or by the disk guard before it (one line per
    distinct message; a filesystem met full while finishing the files counts too)."""
    stopped = [r for r in reports if any(w.startswith(prefix) for w in r.warnings)]
    if not stopped:
        return []
    messages = _distinct(w for r in stopped for w in r.warnings if w.startswith(prefix))
    return [f"  STOPPED: {what} ({', '.join(r.outlet for r in stopped)})", *(f"  Error: {m}" for m in messages)]


def _distinct(messages: Iterable[str]) -> list[str]:
    """One message per filesystem: the guard of each outlet measured its own free space (the first one says it)."""
    kept: dict[str, str] = {}
    for message in messages:
        kept.setdefault(message.split(": ", 1)[0] if message.startswith(LOW_DISK_PREFIX) else message, message)
    return list(kept.values())


def _incremental_lines(reports: Sequence[OutletReport]) -> list[str]:
    """A headline when earlier runs had archived articles that this one left alone (none on a first run)."""
    known = sum(r.known_unchanged for r in reports)
    if not known:
        return []
    recorded = sum(r.articles_recorded for r in reports)
    if recorded:
        found = f"{recorded} new or changed articles recorded"
    elif all(_complete(r) for r in reports):
        found = "nothing new or changed since the last run"
    else:
        found = "nothing new or changed found (see the errors below)"
    return [f"  incremental run    {found}; {known} archived articles not fetched again"]


def _complete(r: OutletReport) -> bool:
    """Discovery ran to its end without errors: what it did not fetch again is unchanged."""
    return r.finish_reason == "finished" and not r.fetch_errors


def _outlet_line(r: OutletReport) -> str:
    skipped = ", ".join(f"{k} {v}" for k, v in sorted(r.not_recorded.items())) or "none"
    known = ""
    if r.known_unchanged:
        known = f"  already archived {r.known_unchanged}, " + ("unchanged" if _complete(r) else "not fetched again")
    return (f"    {r.outlet:24} fetched {r.pages_fetched:5}  archived {r.pages_archived:5}  "
            f"recorded {r.articles_recorded:5}  "
            f"not recorded: {skipped}  errors {r.fetch_errors}" + known
            + (f"  BLOCKED by a bot wall ({r.botwall_pages} pages)" if r.blocked else
               f"  bot walls {r.botwall_pages}" if r.botwall_pages else ""))


def _upload_lines(status: SpoolStatus, uri: str) -> list[str]:
    if not status.remote:
        return []
    done = f"  uploaded           {status.uploaded_files} files, {status.uploaded_bytes / 1e6:.1f} MB, verified"
    if not status.spooled:
        return [done + f"; spool {status.spool_dir} empty"]
    key, error = next(iter(status.errors.items()), (status.spooled[0], "still uploading when the wait ended"))
    return [done, f"  still spooled      {len(status.spooled)} files in {status.spool_dir} (e.g. {key}: {error})",
            f"                     nothing is lost: the next run uploads them, or now: khabar store sync --store {uri}"]
