"""Where a corpus is thin, shared by the datasheet and the stats page.

- **Publication gaps** (:func:`publication_gaps`): within an outlet's first and last publication day, a stretch
  with no article longer than the outlet's silent threshold, judged by ``khabar status``'s own rule
  (``crawler.run.health``: usual gap × factor, at least ``min_silence_days``; outlets that publish less than
  weekly are not judged).
- **Run troubles** (:func:`run_troubles`): from the run reports (``runs/<crawl-id>/<outlet>.json``), the runs
  that failed, were blocked by bot walls or were interrupted, and each outlet's verdict as ``khabar status``
  gives it (failing, blocked, interrupted, silent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from crawler.run.health import HealthPolicy, outlet_health, run_health, usual_gap
from crawler.run.history import read_history
from crawler.storage import Store
from crawler.storage.layout import run_report_key


@dataclass(frozen=True)
class Gap:
    outlet: str
    after: date   # the last publication day before the gap
    before: date  # the first one after it

    @property
    def days(self) -> int:
        """Days with no article between the two."""
        return (self.before - self.after).days - 1


@dataclass(frozen=True)
class RunTrouble:
    outlet: str
    what: str     # failed, blocked, interrupted (one run) or failing, blocked, interrupted, silent (the verdict)
    detail: str   # the crawl id, the report's key or the verdict's reason


def publication_gaps(days: dict[str, set[date]], policy: HealthPolicy | None = None) -> list[Gap]:
    """Per outlet, stretches without an article longer than its silent threshold (see the module docstring)."""
    policy = policy or HealthPolicy()
    gaps = []
    for outlet, published in sorted(days.items()):
        threshold = _threshold(published, policy)
        ordered = sorted(published)
        gaps += [Gap(outlet, a, b) for a, b in zip(ordered, ordered[1:], strict=False)
                 if threshold is not None and (b - a).days > threshold]
    return gaps


def _threshold(days: set[date], policy: HealthPolicy) -> float | None:
    gap = usual_gap(days, policy)
    if gap is None or gap > policy.max_usual_gap_days:
        return None
    return max(policy.min_silence_days, policy.silence_factor * gap)


def run_troubles(store: Store, outlets: Iterable[str] | None, now: datetime | None = None,
                 policy: HealthPolicy | None = None) -> tuple[list[RunTrouble], dict[str, str]]:
    """Runs that went wrong and outlets that need a person (all outlets with reports when ``outlets`` is None);
    and the run reports that could not be read (key → why)."""
    policy = policy or HealthPolicy()
    history = read_history(store, policy)
    wanted = set(history.reports) if outlets is None else set(outlets) & set(history.reports)
    moment = now or datetime.now(UTC)
    troubles = []
    for outlet in sorted(wanted):
        reports = history.reports[outlet]
        for report in reports:
            result = run_health(report).result
            if result != "ok":
                troubles.append(RunTrouble(outlet, result, f"crawl {report.crawl_id} "
                                                            f"({run_report_key(report.crawl_id, outlet)})"))
        health = outlet_health(reports, moment, policy)
        if health.needs_attention:
            troubles.append(RunTrouble(outlet, health.verdict, health.reason))
    return troubles, history.unreadable
