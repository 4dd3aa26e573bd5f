"""``khabar status STORE``: the outlets that need a person first (failing, blocked, interrupted, silent), as a
table and as JSON, from a store the demo world filled over four demo days."""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from crawler.cli import main
from crawler.demo import DemoServer, DemoWorld, demo_catalog_entries
from crawler.errors import ExitCode
from crawler.run.health import HealthPolicy, outlet_health, run_result
from crawler.run.history import read_history
from crawler.run.report import OutletReport, publication_day
from crawler.storage import LocalStore
from crawler.storage.layout import run_report_key
from tests.support.crawls import KHABAR, run
from tests.support.seaweed import SeaweedFS, khabar

UNREACHABLE = {"id": "unreachable", "name": "Unreachable", "group": "demo", "country": "ML", "languages": ["fr"],
               "homepage": "http://127.0.0.1:9/", "sitemaps": [{"url": "http://127.0.0.1:9/sitemap.xml"}],
               "crawl": {"delay": 0}}
OUTLETS = ("demo-wp", "demo-cms", "unreachable")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two crawls of demo-wp, demo-cms and an unreachable outlet, four demo days apart. demo-cms is served by a
    second demo world whose clock stands still: its second crawl finds nothing new (it has gone silent)."""
    tmp = tmp_path_factory.mktemp("status")
    store, catalog = tmp / "store", tmp / "catalog.yaml"
    world, frozen = DemoWorld(), DemoWorld()
    with DemoServer(world) as server, DemoServer(frozen) as still:
        catalog.write_text(yaml.safe_dump([*demo_catalog_entries({"demo-wp": server.base_urls["demo-wp"],
                                                                  "demo-cms": still.base_urls["demo-cms"]}),
                                           UNREACHABLE]))
        crawls, start = [], world.now
        first = {o: len(w.expected_article_urls(o)) for o, w in (("demo-wp", world), ("demo-cms", frozen))}
        for step in range(2):
            if step:
                world.clock.advance(days=4)
            crawls.append(run([*KHABAR, "crawl", *OUTLETS, "--catalog-extra", str(catalog), "--store", str(store),
                               "-s", "RETRY_TIMES=0"]))
            assert crawls[-1].returncode == ExitCode.SOME_OUTLETS_FAILED, crawls[-1].stderr[-3000:]
        later = (len(world.published_between("demo-wp", start, world.now)),
                 len(world.edited_between("demo-wp", start, world.now) - world.published_between("demo-wp", start, world.now)))
    return {"store": store, "now": world.now, "frozen_now": frozen.now, "first": first, "later": later}


def _status(store: Path | str, *args: str) -> Result:
    """``khabar status STORE ARGS`` in this process (the crawls and the S3 store run as child processes)."""
    return CliRunner().invoke(main, ["status", str(store), *args])


def _status_json(demo_store: dict[str, Any]) -> dict[str, Any]:
    result = _status(demo_store["store"], "--json", "--now", demo_store["now"].isoformat())
    assert result.exit_code == 0, result.output[-3000:]
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_json_lists_the_failing_and_the_silent_outlet_first_with_their_numbers(demo_store: dict[str, Any]) -> None:
    document = _status_json(demo_store)
    assert [(o["outlet"], o["verdict"]) for o in document["outlets"]] == [
        ("unreachable", "failing"), ("demo-cms", "silent"), ("demo-wp", "ok")]
    assert document["needs_attention"] == ["unreachable", "demo-cms"]
    assert document["now"] == "2026-11-24T08:00:00+00:00" and document["unreadable"] == {}
    failing, silent, healthy = document["outlets"]

    assert failing["last_run"]["result"] == "failed" and failing["last_run"]["pages_fetched"] == 0
    assert failing["failed_runs"] == 2 and failing["runs_counted"] == 2
    assert "outlet unreachable: nothing could be fetched" in failing["reason"]

    # demo-cms: every visible article new in the first run, nothing new in the second; its last publication
    # day is the demo epoch's, four days before now, and it published daily: silent after 3 days
    first, second = reversed(silent["runs"])
    assert first["articles_new"] == demo_store["first"]["demo-cms"] == 37 and first["articles_updated"] == 0
    assert second["articles_new"] == 0 and second["articles_updated"] == 0 and second["result"] == "ok"
    assert silent["last_new_day"] == "2026-11-20" and silent["days_since_new"] == 4
    assert silent["usual_gap_days"] == 1.0 and silent["silent_after_days"] == 3.0
    assert silent["reason"] == ("no new article for 4 days (since 2026-11-20); it usually publishes daily (silent after "
                                "3 days); check that its feeds and sitemaps still list new articles ('khabar discover' "
                                "its home page)")

    # demo-wp: every visible article, then those published and edited in the four demo days
    new, edited = demo_store["later"]
    assert [(r["articles_new"], r["articles_updated"]) for r in healthy["runs"]] == [
        (new, edited), (demo_store["first"]["demo-wp"], 0)] == [(8, 2), (37, 0)]
    assert healthy["articles_new_in_runs"] == 45 and healthy["articles_updated_in_runs"] == 2
    assert healthy["last_new_day"] == "2026-11-23" and healthy["days_since_new"] == 1 and healthy["reason"] == ""
    assert healthy["last_run"]["crawl_id"] > first["crawl_id"]
    # the counts come from the run reports themselves, not from reading the records again
    report = json.loads((demo_store["store"] / "runs" / healthy["last_run"]["crawl_id"] / "demo-wp.json").read_text())
    assert (report["articles_new"], report["articles_updated"]) == (new, edited)
    assert sum(report["new_by_day"].values()) == new and max(report["new_by_day"]) == "2026-11-23"
    assert datetime.fromisoformat(healthy["last_run"]["started"]).tzinfo is not None


def test_the_table_lists_the_outlets_that_need_a_person_first(demo_store: dict[str, Any]) -> None:
    result = _status(demo_store["store"], "--now", demo_store["now"].isoformat())
    assert result.exit_code == 0, result.stderr[-3000:]
    head, header, *rows = result.stdout.splitlines()
    assert head == (f"Khabar status of {demo_store['store']} at 2026-11-24 08:00 UTC: "
                    "2 of 3 outlets need a person (failing 1, silent 1)")
    assert header.split()[:4] == ["OUTLET", "VERDICT", "LAST", "RUN"]
    assert [row.split()[:2] for row in rows] == [["unreachable", "FAILING"], ["demo-cms", "SILENT"], ["demo-wp", "ok"]]
    column = header.index("RESULT")  # aligned: every row's result under its header
    assert [row[column:].split()[:11] for row in rows] == [
        ["failed", "0", "0", "0", "new,", "0", "updated", "in", "2", "-", "-"],
        ["ok", "0", "0", "37", "new,", "0", "updated", "in", "2", "2026-11-20", "1d"],
        ["ok", "8", "2", "45", "new,", "2", "updated", "in", "2", "2026-11-23", "1d"]]
    assert "outlet unreachable: nothing could be fetched" in rows[0] and "no new article for 4 days" in rows[1]


def test_check_exits_7_when_an_outlet_needs_a_person_and_0_when_none_does(demo_store: dict[str, Any]) -> None:
    store, now = demo_store["store"], demo_store["now"]
    assert _status(store, "--check", "--now", now.isoformat()).exit_code == ExitCode.NEEDS_ATTENTION == 7
    # at the frozen world's time nothing is silent yet; the unreachable outlet still fails
    earlier = _status(store, "--check", "--json", "--now", demo_store["frozen_now"].isoformat())
    assert earlier.exit_code == 7 and json.loads(earlier.stdout)["needs_attention"] == ["unreachable"]


def _verdicts_and_counts(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(o["outlet"], o["verdict"], o["last_new_day"], o["usual_gap_days"],
             [(r["crawl_id"], r["result"], r["articles_new"], r["articles_updated"]) for r in o["runs"]])
            for o in document["outlets"]]


def test_reports_written_before_runs_counted_new_articles_are_counted_from_their_records(
        demo_store: dict[str, Any], tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(demo_store["store"], store)
    for path in store.glob("runs/*/*.json"):
        report = json.loads(path.read_text())
        for name in ("articles_new", "articles_updated", "new_by_day"):
            del report[name]
        path.write_text(json.dumps(report))
    damaged = store / "runs" / "20261101T000000Z-000000" / "demo-wp.json"
    damaged.parent.mkdir()
    damaged.write_text('{"outlet": "demo-wp", "crawl_')
    (store / "runs" / "20261101T000000Z-000000" / "demo-cms.json").write_text("[]")
    older = _status_json({**demo_store, "store": store})
    assert _verdicts_and_counts(older) == _verdicts_and_counts(_status_json(demo_store))
    assert older["unreadable"] == {
        "runs/20261101T000000Z-000000/demo-cms.json": "TypeError: a run report is a JSON object, not list",
        "runs/20261101T000000Z-000000/demo-wp.json": older["unreadable"]["runs/20261101T000000Z-000000/demo-wp.json"]}
    assert older["unreadable"]["runs/20261101T000000Z-000000/demo-wp.json"].startswith("JSONDecodeError: ")


def test_status_reads_an_s3_store(demo_store: dict[str, Any], tmp_path: Path) -> None:
    seaweed = SeaweedFS(tmp_path / "seaweed")
    (tmp_path / "seaweed").mkdir()
    seaweed.start()
    try:
        bucket, client = seaweed.new_bucket("status"), seaweed.client()
        for path in sorted(demo_store["store"].glob("[rs]*/**/*")):  # runs/, records/ and schema/, not state/
            if path.is_file():
                key = path.relative_to(demo_store["store"]).as_posix()
                client.put_object(Bucket=bucket, Key=f"archive/{key}", Body=path.read_bytes())
        env = seaweed.env(tmp_path / "spool")
        result = khabar("status", f"s3://{bucket}/archive", "--json", "--now", demo_store["now"].isoformat(), env=env)
        assert result.returncode == 0, result.stderr[-3000:]
        document = json.loads(result.stdout)
        assert document["store"] == f"s3://{bucket}/archive"
        assert _verdicts_and_counts(document) == _verdicts_and_counts(_status_json(demo_store))
        missing = khabar("status", f"s3://{bucket}-gone/archive", env=env)
        assert missing.returncode == ExitCode.ERROR and f"{bucket}-gone" in missing.stderr
    finally:
        seaweed.stop(kill=True)


def test_a_missing_store_is_an_error_naming_it_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-archive"
    result = _status(missing)
    assert result.exit_code == ExitCode.ERROR
    assert f"Error: no archive at {missing}: the path does not exist." in result.stderr
    assert not missing.exists()


def test_a_store_without_runs_says_so(tmp_path: Path) -> None:
    result = _status(tmp_path, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["outlets"] == []
    assert "no run reports yet" in _status(tmp_path).stdout


# --- the rules, on reports alone -----------------------------------------------------------------------------

NOW = datetime(2026, 11, 24, 8, tzinfo=UTC)


def _report(day: date, new_by_day: dict[str, int] | None = None, **fields: Any) -> OutletReport:
    """The report of a crawl at 06:00 on ``day`` that found ``new_by_day``."""
    values: dict[str, Any] = {"outlet": "o", "crawl_id": f"{day:%Y%m%d}T060000Z-abcdef", "finish_reason": "finished",
                              "pages_fetched": 10, "articles_recorded": 0, "not_recorded": {}, "fetch_errors": 0,
                              "articles_new": sum((new_by_day or {}).values()), "articles_updated": 0,
                              "new_by_day": new_by_day or {}}
    return OutletReport(**(values | fields))


def _daily_runs(last_published: date, every: int = 1, first: date = date(2026, 10, 1)) -> list[OutletReport]:
    """A crawl every day from ``first`` to the day before NOW; an article published every ``every`` days up to
    ``last_published``, found by the crawl of its day."""
    days = [first + timedelta(days=n) for n in range((NOW.date() - first).days)]
    return [_report(day, {day.isoformat(): 1} if day <= last_published and (day - first).days % every == 0 else {})
            for day in days]


@pytest.mark.parametrize(("last_published", "every", "verdict", "days_since", "threshold"), [
    (date(2026, 11, 21), 1, "ok", 3, 3.0),        # daily: 3 days without a new article is not yet more than 3
    (date(2026, 11, 20), 1, "silent", 4, 3.0),
    (date(2026, 11, 18), 2, "ok", 6, 6.0),        # every other day: silent after 6 days
    (date(2026, 11, 16), 2, "silent", 8, 6.0),
    (date(2026, 11, 5), 7, "ok", 19, 21.0),       # weekly: silent after 3 weeks
    (date(2026, 10, 29), 7, "silent", 26, 21.0),
])
def test_the_silent_rule(last_published: date, every: int, verdict: str, days_since: int, threshold: float) -> None:
    health = outlet_health(_daily_runs(last_published, every), NOW)
    assert (health.verdict, health.silence.last_new_day, health.silence.days_since_new,
            health.silence.silent_after_days) == (verdict, last_published, days_since, threshold)
    assert health.last_run.result == "ok" and len(health.runs) == 10


def test_too_little_history_or_less_than_weekly_is_never_silent() -> None:
    sparse = [_report(date(2026, 11, 1), {"2026-11-01": 1}), _report(date(2026, 11, 2), {"2026-11-02": 1}),
              _report(date(2026, 11, 20), {})]
    assert outlet_health(sparse, NOW).silence.silent_after_days is None
    monthly = [_report(date(2026, m, 1), {f"2026-{m:02d}-01": 1}) for m in range(1, 12)]
    health = outlet_health(monthly, NOW, HealthPolicy(cadence_window_days=400))
    assert health.silence.usual_gap_days == 31.0 and health.verdict == "ok"


@pytest.mark.parametrize(("fields", "result"), [
    ({}, "ok"),
    ({"pages_fetched": 0}, "failed"),
    ({"fetch_errors": 10}, "failed"),
    ({"fetch_errors": 9}, "ok"),
    ({"finish_reason": "disk_full"}, "failed"),
    ({"finish_reason": "closespider_timeout"}, "ok"),
    ({"finish_reason": "shutdown"}, "interrupted"),
    ({"botwall_pages": 3, "articles_recorded": 3}, "blocked"),
    ({"botwall_pages": 3, "articles_recorded": 4}, "ok"),
])
def test_the_result_of_a_run(fields: dict[str, Any], result: str) -> None:
    assert run_result(_report(date(2026, 11, 1), **fields)) == result


def test_the_verdict_follows_the_last_run_most_urgent_first() -> None:
    history, today = _daily_runs(date(2026, 11, 23)), NOW.date()
    assert outlet_health(history, NOW).verdict == "ok"
    assert outlet_health([*history, _report(today, finish_reason="shutdown")], NOW).verdict == "interrupted"
    assert outlet_health([*history, _report(today, botwall_pages=5)], NOW).verdict == "blocked"
    failing = outlet_health([*history, _report(today, pages_fetched=0, warnings=["outlet o: nothing could be fetched"])],
                            NOW)
    assert (failing.verdict, failing.reason, failing.failed_runs) == ("failing", "outlet o: nothing could be fetched", 1)
    unscheduled = outlet_health([r for r in history if r.crawl_id < "20261116"], NOW)  # no crawl since Nov 15
    assert unscheduled.verdict == "silent" and unscheduled.reason.endswith(
        "; and no crawl since 2026-11-15: check that it is still scheduled")


def _write_reports(root: Path, reports: list[OutletReport]) -> None:
    for report in reports:
        path = root / run_report_key(report.crawl_id, report.outlet)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(report)))


def test_only_the_reports_the_verdict_needs_are_read(tmp_path: Path) -> None:
    """A daily outlet: its last runs and the cadence window before its newest article, not a year of reports;
    an outlet with no new article ever: all of them (the damaged oldest report is read, and named, only there)."""
    year = date(2025, 11, 24)
    daily = _daily_runs(date(2026, 11, 23), first=year)
    dead = [replace(r, outlet="dead", articles_new=0, new_by_day={}) for r in daily]
    _write_reports(tmp_path, daily + dead)
    for outlet in ("o", "dead"):
        damaged = tmp_path / run_report_key("20251101T060000Z-abcdef", outlet)
        damaged.parent.mkdir(exist_ok=True)
        damaged.write_text("{")
    history = read_history(LocalStore(tmp_path), HealthPolicy())
    assert len(history.reports["o"]) == 45 and len(history.reports["dead"]) == 365
    assert list(history.unreadable) == ["runs/20251101T060000Z-abcdef/dead.json"]
    assert outlet_health(history.reports["o"], NOW).silence == outlet_health(daily, NOW).silence


@pytest.mark.parametrize(("date_published", "day"), [
    ("2026-11-20T23:30:00-02:00", date(2026, 11, 21)),  # the UTC day
    ("2026-11-19T10:00:00", date(2026, 11, 19)),        # no offset: taken as it is
    ("2026-11-18", date(2026, 11, 18)),
    ("2027-01-01T00:00:00+00:00", date(2026, 11, 22)),  # in the future: the capture day
    (None, date(2026, 11, 22)),
    ("hier", date(2026, 11, 22)),
])
def test_the_publication_day_of_a_new_article(date_published: str | None, day: date) -> None:
    assert publication_day(date_published, "2026-11-22T06:00:00Z") == day
