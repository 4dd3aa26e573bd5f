"""``khabar status STORE``: per outlet, its last runs and a verdict, the outlets that need a person first.

    khabar status ./archive                    a table: failing, blocked, interrupted and silent outlets first
    khabar status s3://bucket/prefix --json    the same as one JSON document, for machines
    khabar status ./archive --check            exit 7 (ExitCode.NEEDS_ATTENTION) when an outlet needs a person,
                                               the store's filesystem is below KHABAR_MIN_FREE_SPACE, or the
                                               queue's Redis (KHABAR_QUEUE_URL) does not answer

With ``KHABAR_QUEUE_URL`` set, the jobs follow the outlets (``crawler.queue.overview``); a Redis that does not
answer is one line saying so (its URL without password, the error, what to do) after the outlets' health, which
comes from the store alone.

The JSON document's ``disk`` is the free space of the store's filesystem on this machine (an S3 store's spool)
against the disk guard's ``KHABAR_MIN_FREE_SPACE`` (``crawler.run.disk_guard.disk_state``); the table says it
only when it is low.

The verdicts and the silent rule are in ``crawler.run.health``; the reports are read by ``crawler.run.history``.
Plain aligned text (no table library): it reads the same in a terminal, a cron mail and a log.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from crawler.cli.options import command_settings, existing_store, set_option
from crawler.errors import ExitCode

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

    from crawler.queue.overview import QueueOverview
    from crawler.run.health import OutletHealth, RunHealth


@click.command()
@click.argument("store")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of the table.")
@click.option("--runs", type=click.IntRange(min=1), default=10, show_default=True,
              help="Count new and updated articles over the last N runs of each outlet.")
@click.option("--silence-factor", type=click.FloatRange(min=1), default=3.0, show_default=True,
              help="Silent: no new article for more than this many usual gaps between publication days ...")
@click.option("--min-silence-days", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="... and for more than this many days.")
@click.option("--now", "now_text", metavar="TIME",
              help="Judge as of TIME (ISO 8601, e.g. 2026-11-24T08:00:00+00:00) instead of the current time.")
@click.option("--check", is_flag=True, help="Exit 7 when an outlet needs a person (for monitoring).")
@set_option
def status(store: str, as_json: bool, runs: int, silence_factor: float, min_silence_days: float,
           now_text: str | None, check: bool, set_: tuple[str, ...]) -> None:
    """The last runs of every outlet of STORE (a folder or s3://bucket/prefix) and what needs a person:
    outlets failing, blocked by bot walls, interrupted, or silent (no new article for longer than usual)."""
    from crawler.run.disk_guard import disk_state
    from crawler.run.health import HealthPolicy, health_document, outlet_health, status_order
    from crawler.run.history import read_history

    now = _now(now_text)
    policy = HealthPolicy(runs=runs, silence_factor=silence_factor, min_silence_days=min_silence_days)
    settings = command_settings(set_, {"KHABAR_STORE_URI": store})
    opened = existing_store(settings)
    history = read_history(opened, policy)
    healths = status_order(outlet_health(reports, now, policy) for reports in history.reports.values())
    queue = _queue(settings)
    disk = disk_state(settings)
    if as_json:
        document = {"store": opened.uri, **health_document(healths, now, policy), "unreadable": history.unreadable,
                    "disk": disk}
        if queue is not None:
            document["queue"] = queue.document()
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        lines = _text(opened.uri, healths, now, policy.runs, history.unreadable)
        if queue is not None:
            lines += queue.lines()
        click.echo("\n".join(lines + ([f"LOW DISK: {disk['message']}"] if disk["low"] else [])))
    unreachable = queue is not None and queue.error is not None
    if check and (disk["low"] or unreachable or any(h.needs_attention for h in healths)):
        sys.exit(ExitCode.NEEDS_ATTENTION)


def _queue(settings: BaseSettings) -> QueueOverview | None:
    """The queue's jobs, or why Redis did not answer, when ``KHABAR_QUEUE_URL`` is set; else None."""
    from crawler.queue.config import QueueConfig, queue_enabled

    if not queue_enabled(settings):
        return None
    from crawler.queue.overview import read_overview

    return read_overview(QueueConfig.from_settings(settings))


def _now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{text!r} is not an ISO 8601 time like 2026-11-24T08:00:00+00:00",
                                 param_hint="--now") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _text(uri: str, healths: Sequence[OutletHealth], now: datetime, runs: int, unreadable: dict[str, str]) -> list[str]:
    attention = Counter(h.verdict for h in healths if h.needs_attention)
    summary = ", ".join(f"{verdict} {n}" for verdict, n in attention.items())
    lines = [f"Khabar status of {uri} at {now:%Y-%m-%d %H:%M} UTC: "
             + (f"{sum(attention.values())} of {len(healths)} outlets need a person ({summary})" if attention
                else f"all {len(healths)} outlets ok" if healths else "no run reports yet (runs/ is empty)")]
    rows = [_header(runs)] + [_row(h) for h in healths]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1]
              for row in rows]
    lines += [f"unreadable: {key}: {why}" for key, why in unreadable.items()]
    return [line.rstrip() for line in lines]


def _header(runs: int) -> list[str]:
    return ["OUTLET", "VERDICT", "LAST RUN (UTC)", "RESULT", "NEW", "UPDATED", f"OVER THE LAST {runs} RUNS",
            "LAST NEW", "USUAL GAP", "WHY"]


def _row(health: OutletHealth) -> list[str]:
    quiet = health.silence
    return [health.outlet, health.verdict.upper() if health.needs_attention else health.verdict,
            _started(health.last_run), health.last_run.result, str(health.last_run.articles_new),
            str(health.last_run.articles_updated),
            f"{health.new_in_runs} new, {health.updated_in_runs} updated in {len(health.runs)}",
            str(quiet.last_new_day or "-"),
            f"{quiet.usual_gap_days:g}d" if quiet.usual_gap_days is not None else "-", health.reason]


def _started(run: RunHealth) -> str:
    return f"{run.started:%Y-%m-%d %H:%M}" if run.started else run.crawl_id
