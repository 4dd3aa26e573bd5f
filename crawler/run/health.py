"""The health of each outlet from its run reports: what ``khabar status`` prints.

Pure: run reports (``crawler.run.report.OutletReport``, read back by ``crawler.run.history``) and the time
``now`` in, one :class:`OutletHealth` per outlet out; no store, no clock.

The result of one run (:func:`run_result`):

    interrupted   stopped by SIGINT or SIGTERM (finish reason ``shutdown`` or ``cancelled``)
    failed        nothing fetched; or at least as many fetch errors as pages fetched; or it stopped for
                  another reason than its end or a limit it was given (``disk_full``…)
    blocked       bot walls at least as often as articles (``OutletReport.blocked``)
    ok            anything else

The verdict on an outlet, most urgent first (:data:`VERDICTS`): ``failing`` (its last run failed),
``blocked`` (its last run was), ``interrupted`` (its last run was), ``silent``, ``ok``. All but ``ok`` need a
person.

The silent rule (:func:`silence`): the *usual gap* is the median number of days between consecutive
publication days of new articles (``OutletReport.new_by_day``) within ``cadence_window_days`` before the
newest one. An outlet that publishes at least weekly (usual gap at most ``max_usual_gap_days``, over at least
``min_publication_days`` publication days) is silent when its newest new article is more than
``max(min_silence_days, silence_factor × usual gap)`` days old. With the defaults: a daily outlet is silent
after 3 days without a new article, one that publishes every other day after 6, a weekly one after 21.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from crawler.run.report import OutletReport
from crawler.run.settings import crawl_id_time
from crawler.storage.layout import run_report_key

VERDICTS = ("failing", "blocked", "interrupted", "silent", "ok")
"""Verdicts, most urgent first: the order of ``khabar status``."""
INTERRUPTED_REASONS = frozenset({"shutdown", "cancelled"})
COMPLETE_REASON = "finished"
LIMIT_REASON_PREFIX = "closespider_"  # a limit the operator set (CLOSESPIDER_TIMEOUT…): the run did what it was asked


@dataclass(frozen=True)
class HealthPolicy:
    """How many runs to count, and the thresholds of the silent rule (see the module docstring)."""

    runs: int = 10
    silence_factor: float = 3.0
    min_silence_days: float = 2.0
    max_usual_gap_days: float = 7.0
    min_publication_days: int = 5
    cadence_window_days: int = 42


@dataclass(frozen=True)
class RunHealth:
    """One run of one outlet."""

    crawl_id: str
    started: datetime | None
    finish_reason: str
    result: str
    pages_fetched: int
    fetch_errors: int
    botwall_pages: int
    articles_new: int
    articles_updated: int


@dataclass(frozen=True)
class Silence:
    """The silent rule's numbers for one outlet."""

    last_new_day: date | None
    days_since_new: int | None
    usual_gap_days: float | None
    silent_after_days: float | None  # None: not judged (too little history, or it publishes less than weekly)

    @property
    def silent(self) -> bool:
        return self.silent_after_days is not None and self.days_since_new is not None \
            and self.days_since_new > self.silent_after_days


@dataclass(frozen=True)
class OutletHealth:
    """The verdict on one outlet, why, and the numbers behind it."""

    outlet: str
    verdict: str
    reason: str
    last_run: RunHealth
    runs: tuple[RunHealth, ...]  # the last ``policy.runs`` runs, newest first
    silence: Silence

    @property
    def needs_attention(self) -> bool:
        return self.verdict != "ok"

    @property
    def new_in_runs(self) -> int:
        return sum(r.articles_new for r in self.runs)

    @property
    def updated_in_runs(self) -> int:
        return sum(r.articles_updated for r in self.runs)

    @property
    def failed_runs(self) -> int:
        return sum(r.result == "failed" for r in self.runs)


def run_result(report: OutletReport) -> str:
    """``ok``, ``failed``, ``blocked`` or ``interrupted`` (the rules are in the module docstring)."""
    if report.finish_reason in INTERRUPTED_REASONS:
        return "interrupted"
    if report.pages_fetched == 0 or report.fetch_errors >= report.pages_fetched or not _ended(report):
        return "failed"
    return "blocked" if report.blocked else "ok"


def _ended(report: OutletReport) -> bool:
    return report.finish_reason == COMPLETE_REASON or report.finish_reason.startswith(LIMIT_REASON_PREFIX)


def run_health(report: OutletReport) -> RunHealth:
    return RunHealth(
        crawl_id=report.crawl_id, started=crawl_id_time(report.crawl_id), finish_reason=report.finish_reason,
        result=run_result(report), pages_fetched=report.pages_fetched, fetch_errors=report.fetch_errors,
        botwall_pages=report.botwall_pages, articles_new=report.articles_new or 0,
        articles_updated=report.articles_updated or 0)


def publication_days(reports: Iterable[OutletReport]) -> set[date]:
    """Days on which the outlet published an article that some run archived as new."""
    return {date.fromisoformat(day) for r in reports for day, count in (r.new_by_day or {}).items() if count}


def usual_gap(days: set[date], policy: HealthPolicy) -> float | None:
    """Median days between consecutive publication days in the cadence window before the newest one;
    None with fewer than ``policy.min_publication_days`` days in the window."""
    if not days:
        return None
    start = max(days) - timedelta(days=policy.cadence_window_days)
    recent = sorted(day for day in days if day > start)
    if len(recent) < policy.min_publication_days:
        return None
    return float(statistics.median((b - a).days for a, b in zip(recent, recent[1:], strict=False)))


def silence(reports: Iterable[OutletReport], now: datetime, policy: HealthPolicy) -> Silence:
    """The silent rule's numbers: days since the newest new article, the usual gap, the threshold."""
    days = publication_days(reports)
    last = max(days, default=None)
    since = (now.date() - last).days if last else None
    gap = usual_gap(days, policy)
    threshold = None
    if gap is not None and gap <= policy.max_usual_gap_days:
        threshold = max(policy.min_silence_days, policy.silence_factor * gap)
    return Silence(last, since, gap, threshold)


def outlet_health(reports: Sequence[OutletReport], now: datetime, policy: HealthPolicy | None = None) -> OutletHealth:
    """The verdict on one outlet from its run reports (any order, at least one)."""
    policy = policy or HealthPolicy()
    ordered = sorted(reports, key=lambda r: r.crawl_id, reverse=True)
    runs = tuple(run_health(r) for r in ordered[:policy.runs])
    quiet = silence(ordered, now, policy)
    verdict, reason = _verdict(ordered[0], runs[0], quiet, now)
    return OutletHealth(ordered[0].outlet, verdict, reason, runs[0], runs, quiet)


def _verdict(report: OutletReport, last: RunHealth, quiet: Silence, now: datetime) -> tuple[str, str]:
    where = f"(run report {run_report_key(report.crawl_id, report.outlet)})"
    if last.result == "failed":
        return "failing", _failure(report, where)
    if last.result == "blocked":
        return "blocked", (f"bot walls on {report.botwall_pages} pages for {report.articles_recorded} articles recorded "
                           f"{where}; slow the outlet down (crawl: {{delay, concurrency}} in its catalog entry) "
                           "or ask it to let Khabar in")
    if last.result == "interrupted":
        return "interrupted", (f"the last run was stopped before its end ({report.finish_reason}); "
                               f"'khabar crawl {report.outlet} --resume' continues it")
    if quiet.silent:
        return "silent", _silent(report, last, quiet, now)
    return "ok", ""


def _failure(report: OutletReport, where: str) -> str:
    first = report.warnings[0] if report.warnings else ""  # the run's own explanation and next step
    if report.pages_fetched == 0 and first:
        return first
    if report.pages_fetched == 0:
        return f"nothing could be fetched {where}; check that the outlet is online and its catalog entry"
    if not _ended(report):
        return f"the crawl stopped: {report.finish_reason} {where}" + (f"; {first}" if first else "")
    return f"{report.fetch_errors} fetch errors for {report.pages_fetched} pages fetched {where}" + (
        f"; {first}" if first else "")


def _silent(report: OutletReport, last: RunHealth, quiet: Silence, now: datetime) -> str:
    usually = "daily" if quiet.usual_gap_days == 1 else f"every {quiet.usual_gap_days:g} days"
    reason = (f"no new article for {quiet.days_since_new} days (since {quiet.last_new_day}); it usually publishes "
              f"{usually} (silent after {quiet.silent_after_days:g} days)")
    if last.started is not None and quiet.silent_after_days is not None \
            and (now - last.started).days > quiet.silent_after_days:
        return f"{reason}; and no crawl since {last.started:%Y-%m-%d}: check that it is still scheduled"
    return f"{reason}; check that its feeds and sitemaps still list new articles ('khabar discover' its home page)"


def status_order(healths: Iterable[OutletHealth]) -> list[OutletHealth]:
    """Outlets that need a person first (most urgent verdict first), then the rest; by outlet id within each."""
    return sorted(healths, key=lambda h: (VERDICTS.index(h.verdict), h.outlet))


def history_complete(reports: Sequence[OutletReport], policy: HealthPolicy) -> bool:
    """Whether reports older than these could no longer change the verdict: the last ``policy.runs`` are
    there, and the oldest started before the cadence window of the newest publication day (an earlier run
    only archives what was published before it started... or during it: one day of margin)."""
    if len(reports) < policy.runs:
        return False
    days = publication_days(reports)
    started = [crawl_id_time(r.crawl_id) for r in reports]
    if not days or any(s is None for s in started):
        return False
    oldest = min(s for s in started if s is not None)
    return oldest.date() < max(days) - timedelta(days=policy.cadence_window_days + 1)


def health_document(healths: Sequence[OutletHealth], now: datetime, policy: HealthPolicy) -> dict[str, object]:
    """The stable JSON form of ``khabar status --json`` (times ISO 8601, days YYYY-MM-DD)."""
    ordered = status_order(healths)
    return {
        "now": now.isoformat(),
        "policy": asdict(policy),
        "needs_attention": [h.outlet for h in ordered if h.needs_attention],
        "outlets": [_outlet_document(h) for h in ordered],
    }


def _outlet_document(health: OutletHealth) -> dict[str, object]:
    quiet = health.silence
    return {
        "outlet": health.outlet, "verdict": health.verdict, "needs_attention": health.needs_attention,
        "reason": health.reason, "last_run": _run_document(health.last_run),
        "runs_counted": len(health.runs), "articles_new_in_runs": health.new_in_runs,
        "articles_updated_in_runs": health.updated_in_runs, "failed_runs": health.failed_runs,
        "last_new_day": quiet.last_new_day.isoformat() if quiet.last_new_day else None,
        "days_since_new": quiet.days_since_new, "usual_gap_days": quiet.usual_gap_days,
        "silent_after_days": quiet.silent_after_days,
        "runs": [_run_document(r) for r in health.runs],
    }


def _run_document(run: RunHealth) -> dict[str, object]:
    return {**asdict(run), "started": run.started.isoformat() if run.started else None}
