"""Outlet crawls as jobs over Redis: two real workers, the demo world, a worker killed, Redis restarted.

One scenario per module (one demo world, one Redis, one store folder both workers share, as machines
share a mount); the tests below each check one outcome of it. Worker "a" is SIGKILLed (with its crawl)
in the middle of demo-cms; a replacement worker "c" joins. Short visibility timeout and lease so that the
dead worker's job comes back within seconds.
"""

from __future__ import annotations

import json
import socket
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import redis
import yaml
from click.testing import CliRunner

from crawler.cli import main
from crawler.demo import DemoServer, DemoWorld
from crawler.errors import ConfigInvalid, ExitCode
from crawler.queue import jobs
from crawler.queue.config import QueueConfig
from crawler.queue.job_run import WorkerContext, run_job
from crawler.queue.launcher import QueueLauncher
from crawler.queue.lease import LeaseHolder, OutletLease
from crawler.run.report import OutletReport
from crawler.run.settings import khabar_settings
from crawler.schedule.launcher import PlannedRun, launcher_from_settings
from crawler.storage.layout import run_report_key
from tests.support.crawls import KHABAR, article_records, run, warc_records
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.queue_world import PersistentRedis, Worker

OUTLETS = ("demo-bilingue", "demo-hard", "demo-listing", "demo-wp")  # with demo-cms (the one killed): the five
SLOW = ("--crawl-set", "CONCURRENT_REQUESTS=1", "--crawl-set", "DOWNLOAD_DELAY=0.15")
QUEUE_SETTINGS = {"KHABAR_QUEUE_VISIBILITY_TIMEOUT": "8", "KHABAR_QUEUE_LEASE": "3", "KHABAR_QUEUE_BUSY_RETRY": "1",
                  "KHABAR_EXTRACT_WORKERS": "0", "KHABAR_RENDER_JS": "off"}


def _jobs(client: redis.Redis) -> list[dict[str, str]]:
    return [client.hgetall(f"khabar:job:{i}") for i in client.zrange("khabar:jobs", 0, -1)]  # type: ignore[misc,union-attr]


def _wait(what: str, done: Any, timeout: float, workers: list[Worker]) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {w.name}\n{w.output()[-4000:]}" for w in workers)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.2)


def _enqueue(env: dict[str, str], *args: str) -> str:
    result = run([*KHABAR, "enqueue", *args], env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _ended(client: redis.Redis, outlets: set[str]) -> bool:
    jobs = [j for j in _jobs(client) if j.get("outlet") in outlets]
    return bool(jobs) and all(j["state"] in ("finished", "failed") for j in jobs)


def _expected(world: DemoWorld, outlet: str) -> set[str]:
    """What a crawl records: every visible article but demo-hard's hidden ones (robots.txt, bot walls), and, with
    rendering off (QUEUE_SETTINGS), not its JavaScript-built one; a plain crawl of demo-hard records the same."""
    return world.expected_article_urls(outlet) - world.role_urls(outlet, "js_rendered")


def _article_fetches(server: DemoServer, world: DemoWorld, outlet: str, start: int = 0) -> Counter[str]:
    paths = {urlsplit(u).path for u in world.article_urls(outlet)}
    return Counter(urlsplit(e.path).path for e in server.wire_log[start:]
                   if e.outlet_id == outlet and urlsplit(e.path).path in paths)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("queue")
    world, redis_server = DemoWorld(), PersistentRedis(tmp)
    store, catalog, absent = tmp / "store", tmp / "demo.yaml", tmp / "absent.yaml"
    redis_server.start()
    workers: list[Worker] = []
    out: dict[str, Any] = {"world": world, "store": store, "redis": redis_server, "workers": workers}
    try:
        with serve_demo_outlets(catalog, world) as demo:
            entry = yaml.safe_load(catalog.read_text())[0] | {"id": "demo-absent"}
            absent.write_text(yaml.safe_dump([entry]))
            env = {"KHABAR_QUEUE_URL": redis_server.url, **QUEUE_SETTINGS}
            out.update(server=demo.server, env=env)
            client = redis_server.client()
            args = ("--store", str(store), "--catalog-extra", str(catalog))
            workers += [Worker("a", tmp, env, *args), Worker("b", tmp, env, *args)]
            _first_round(out, client, catalog, absent, args, tmp)
            _second_round(out, client, catalog, args, tmp)
            out["scheduled"] = _scheduled_run(out)
            out["jobs"] = _jobs(client)
            yield out
    finally:
        for worker in workers:
            worker.stop()
        redis_server.stop()


def _first_round(out: dict[str, Any], client: redis.Redis, catalog: Path, absent: Path, args: tuple[str, ...],
                 tmp: Path) -> None:
    """demo-cms (slowed) on one worker, killed mid-outlet; the other outlets, demo-wp twice, an unknown outlet."""
    env, server, world, workers = out["env"], out["server"], out["world"], out["workers"]
    out["cms_enqueue"] = _enqueue(env, "demo-cms", "--catalog-extra", str(catalog), *SLOW)
    _wait("demo-cms running", lambda: any(j["state"] == "running" for j in _jobs(client)), 60, workers)
    cms = next(j for j in _jobs(client) if j["outlet"] == "demo-cms")
    out["dup_enqueue"] = _enqueue(env, *OUTLETS, "demo-wp", "--catalog-extra", str(catalog))  # still queued: dropped
    # a few articles in, well before the outlet's end: under load the poll below can lag the worker by seconds
    _wait("5 demo-cms articles", lambda: sum(_article_fetches(server, world, "demo-cms").values()) >= 5, 90, workers)
    doomed = next(w for w in workers if cms["worker"].endswith(f":{w.process.pid}"))
    doomed.kill()
    out["cms_when_killed"] = next(j for j in _jobs(client) if j["outlet"] == "demo-cms")
    out["killed"] = (doomed.name, cms["worker"])
    workers.append(Worker("c", tmp, env, *args))
    _wait("demo-wp running", lambda: any(j["outlet"] == "demo-wp" and j["state"] == "running"
                                         for j in _jobs(client)), 120, workers)
    out["running_enqueue"] = _enqueue(env, "demo-wp", "--catalog-extra", str(catalog))  # runs after the first
    out["absent_enqueue"] = _enqueue(env, "demo-absent", "--catalog-extra", str(absent))
    _wait("every job of round one", lambda: _ended(client, {*OUTLETS, "demo-cms", "demo-absent"}), 240, workers)
    out["first_fetches"] = {o: _article_fetches(server, world, o) for o in (*OUTLETS, "demo-cms")}
    out["urls"] = {o: _expected(world, o) for o in (*OUTLETS, "demo-cms")}
    out["records"] = Counter((r["outlet"], r["url"], r["version"]) for r in article_records(out["store"]))
    out["responses"] = Counter((r.rec_headers.get_header("WARC-Target-URI"), block.split(b" ", 2)[1].decode())
                               for _, r, block in warc_records(out["store"]) if r.rec_type == "response")
    out["verify"] = run([*KHABAR, "verify", str(out["store"])])


def _second_round(out: dict[str, Any], client: redis.Redis, catalog: Path, args: tuple[str, ...], tmp: Path) -> None:
    """Three days later, demo-wp again on a worker that did not crawl it, Redis restarted while it runs."""
    env, server, world, workers = out["env"], out["server"], out["world"], out["workers"]
    wp_workers = {j["worker"] for j in _jobs(client) if j["outlet"] == "demo-wp"}
    for worker in workers:
        if worker.process.poll() is None and any(w.endswith(f":{worker.process.pid}") for w in wp_workers):
            worker.stop()
    if all(w.process.poll() is not None for w in workers):
        workers.append(Worker("d", tmp, env, *args))
    out["before"] = {a.path: a.version for a in world.articles("demo-wp")}
    world.clock.advance(days=3)
    out["changed"] = {a.path for a in world.articles("demo-wp") if out["before"].get(a.path) != a.version}
    start = len(server.wire_log)
    known = {j["id"] for j in _jobs(client)}
    _enqueue(env, "demo-wp", "--catalog-extra", str(catalog), *SLOW)
    _wait("demo-wp running again", lambda: any(j["state"] == "running" and j["id"] not in known
                                               for j in _jobs(client)), 60, workers)
    out["redis"].stop()
    time.sleep(4)  # longer than the lease: the crawl goes on without Redis
    out["redis"].start()
    _wait("demo-wp crawled again", lambda: _ended(client, {"demo-wp"}), 180, workers)
    out["second_fetches"] = _article_fetches(server, world, "demo-wp", start)
    out["second_wp_worker"] = next(j["worker"] for j in _jobs(client) if j["id"] not in known)
    out["first_wp_workers"] = wp_workers
    out["status"] = run([*KHABAR, "status", str(out["store"])], env=env)


def _scheduled_run(out: dict[str, Any]) -> tuple[int | None, str, Path]:
    """What ``khabar schedule`` does with the queue on: its launcher hands the due crawl to the workers."""
    launcher = launcher_from_settings(khabar_settings({"KHABAR_QUEUE_URL": out["redis"].url}, environ={}))
    assert isinstance(launcher, QueueLauncher)
    arguments = ("crawl", "demo-bilingue", "--store", "/elsewhere", "--catalog-extra", "/scheduler/only.yaml",
                 "-s", "KHABAR_CRAWL_ID=scheduled-1")
    handle = launcher.start(PlannedRun(outlet="demo-bilingue", group="daily", crawl_id="scheduled-1",
                                       due=datetime.now(UTC), arguments=arguments, log_path=Path("/unused.log")))
    deadline = time.monotonic() + 120
    while (code := handle.poll()) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    return code, handle.describe(), out["store"] / "runs" / "scheduled-1" / "demo-bilingue.json"


def test_every_article_is_archived_and_recorded_once_across_the_workers(scenario: dict[str, Any]) -> None:
    first = scenario["records"]  # after the first round
    assert set(first.values()) == {1} and {v for _, _, v in first} == {1}
    for outlet, urls in scenario["urls"].items():
        assert {u for o, u, _ in first if o == outlet} == urls
    assert len(scenario["urls"]["demo-hard"]) >= 30  # demo-hard's hidden, walled and JavaScript articles aside
    responses = scenario["responses"]  # after the first round: (URL, status) -> captures
    articles = set().union(*scenario["urls"].values())
    assert {u: responses[u, "200"] for u in articles} == dict.fromkeys(articles, 1)
    throttled = scenario["world"].throttled_urls("demo-hard")  # a 429 first, archived too, then the article once
    assert throttled <= articles and {u: responses[u, "429"] for u in throttled} == dict.fromkeys(throttled, 1)
    jobs = [j for j in scenario["jobs"] if j["outlet"] in (*OUTLETS, "demo-cms")]
    assert len({j["worker"] for j in jobs}) >= 2  # the work was shared


def test_a_killed_workers_job_comes_back_and_the_outlet_completes(scenario: dict[str, Any]) -> None:
    (cms,) = [j for j in scenario["jobs"] if j["outlet"] == "demo-cms"]
    assert cms["state"] == "finished" and cms["exit_code"] == "0"
    assert scenario["cms_when_killed"]["state"] == "running", f"the kill came too late: {scenario['cms_when_killed']}"
    assert cms["worker"] != scenario["killed"][1] and cms["attempts"] == "2", cms
    recorded = {r["url"] for r in article_records(scenario["store"]) if r["outlet"] == "demo-cms"}
    assert recorded == scenario["urls"]["demo-cms"]
    refetched = [p for p, n in scenario["first_fetches"]["demo-cms"].items() if n > 1]
    assert len(refetched) <= 2  # at most the requests in flight when the worker died (CONCURRENT_REQUESTS=1)
    verify = scenario["verify"]
    assert verify.returncode == 0, verify.stdout[-3000:] + verify.stderr[-3000:]


def test_an_outlet_enqueued_twice_never_runs_twice_at_once(scenario: dict[str, Any]) -> None:
    assert "demo-wp: already queued as job" in scenario["dup_enqueue"]
    assert "demo-wp: queued as job" in scenario["running_enqueue"]  # the first one was running: a new job
    wp = sorted((j for j in scenario["jobs"] if j["outlet"] == "demo-wp"), key=lambda j: j["started_at"])
    assert len(wp) == 3 and all(j["state"] == "finished" for j in wp)
    for earlier, later in zip(wp, wp[1:], strict=False):
        assert later["started_at"] >= earlier["finished_at"]


def test_worker_b_continues_incrementally_where_worker_a_stopped(scenario: dict[str, Any]) -> None:
    assert scenario["second_wp_worker"] not in scenario["first_wp_workers"]
    assert sorted(scenario["second_fetches"]) == sorted(scenario["changed"])
    assert set(scenario["second_fetches"].values()) == {1} and len(scenario["changed"]) >= 10


def test_redis_restarted_mid_run_loses_nothing(scenario: dict[str, Any]) -> None:
    last = [j for j in scenario["jobs"] if j["outlet"] == "demo-wp"][-1]
    assert last["state"] == "finished" and last["exit_code"] == "0"
    by_path: dict[str, list[int]] = {}
    for record in article_records(scenario["store"]):
        if record["outlet"] == "demo-wp":
            by_path.setdefault(urlsplit(record["url"]).path, []).append(record["version"])
    edited = {p for p in scenario["changed"] if p in scenario["before"]}
    assert {p for p in scenario["changed"]} <= set(by_path)
    assert all(sorted(v) == ([1, 2] if p in edited else [1]) for p, v in by_path.items())
    worker_logs = "\n".join(w.output() for w in scenario["workers"])
    assert "the queue's Redis is unreachable" in worker_logs


def test_a_job_for_an_unknown_outlet_fails_with_its_reason_in_status(scenario: dict[str, Any]) -> None:
    (job,) = [j for j in scenario["jobs"] if j["outlet"] == "demo-absent"]
    assert job["state"] == "failed" and job["attempts"] == "0" and "not in this worker's catalog" in job["reason"]
    status = scenario["status"]
    assert status.returncode == 0, status.stderr
    line = next(x for x in status.stdout.splitlines() if "demo-absent" in x)
    assert "failed" in line and "not in this worker's catalog" in line
    assert f"Queue {scenario['redis'].url}: 0 queued, 0 waiting, 0 running" in status.stdout


def test_state_lives_per_outlet_under_the_store(scenario: dict[str, Any]) -> None:
    state = scenario["store"] / "state"
    kept = {p.name for p in state.iterdir() if p.name.startswith("outlet=")}
    assert kept == {f"outlet={o}" for o in (*OUTLETS, "demo-cms")}
    assert not (state / "crawl.sqlite").exists()  # nothing in the single-machine layout
    assert all((state / f"outlet={o}" / "crawl.sqlite").is_file() for o in (*OUTLETS, "demo-cms"))
    host = socket.gethostname()
    names = [p.name for p in scenario["store"].glob("warc/**/*.warc.gz")]
    assert names and all(n.startswith(f"khabar-{host}-") for n in names)


def test_khabar_schedule_hands_due_crawls_to_the_workers_when_the_queue_is_on(scenario: dict[str, Any]) -> None:
    code, described, report = scenario["scheduled"]
    assert code == 0 and described.startswith("job ") and report.is_file()
    (job,) = [j for j in scenario["jobs"] if j["outlet"] == "demo-bilingue" and "KHABAR_CRAWL_ID=scheduled-1" in j["args"]]
    assert "/elsewhere" not in job["args"] and "/scheduler/only.yaml" not in job["args"]


def test_the_lease_is_held_by_one_holder_renewed_by_it_alone_and_expires(tmp_path: Path) -> None:
    server = PersistentRedis(tmp_path)
    server.start()
    try:
        client = server.client()
        first = OutletLease(client, "demo-wp", LeaseHolder.new("job-1", "host:1"), 0.5)
        second = OutletLease(client, "demo-wp", LeaseHolder.new("job-2", "host:2"), 0.5)
        assert first.acquire() and not second.acquire()
        assert not second.renew() and not second.release()
        assert first.renew() and first.holder_now() == first.holder
        time.sleep(0.7)  # no renewal: the lease of a dead holder expires
        assert first.holder_now() is None and second.acquire() and not first.renew()
    finally:
        server.stop()


def test_an_unreachable_redis_is_one_error_naming_the_url_without_its_password(tmp_path: Path) -> None:
    env = {"KHABAR_QUEUE_URL": "redis://:s3cr3t@127.0.0.1:1/0"}
    for command in (["worker", "--store", str(tmp_path)], ["enqueue", "lefaso"]):
        result = run([*KHABAR, *command], env=env)
        assert result.returncode == 1, result.stderr
        assert "cannot reach the queue's Redis at redis://:***@127.0.0.1:1/0 (KHABAR_QUEUE_URL)" in result.stderr
        assert "Start redis-server there" in result.stderr and "s3cr3t" not in result.stderr + result.stdout
        assert "Traceback" not in result.stderr


def _healthy_store(root: Path) -> None:
    """Run reports of one outlet crawled daily in November 2026, a new article each day: ``ok`` on the 24th."""
    for n in range(23):
        day = date(2026, 11, 1) + timedelta(days=n)
        report = OutletReport(outlet="demo-wp", crawl_id=f"{day:%Y%m%d}T060000Z-abcdef", finish_reason="finished",
                              pages_fetched=10, articles_recorded=1, not_recorded={}, fetch_errors=0, articles_new=1,
                              articles_updated=0, new_by_day={day.isoformat(): 1})
        path = root / run_report_key(report.crawl_id, report.outlet)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(report)))


def test_status_with_redis_down_still_shows_the_outlets_and_check_says_the_queue_needs_attention(
        tmp_path: Path) -> None:
    _healthy_store(tmp_path)
    status = ["status", str(tmp_path), "--now", "2026-11-24T08:00:00+00:00"]
    down = {"KHABAR_QUEUE_URL": "redis://:s3cr3t@127.0.0.1:1/0"}  # port 1: nothing listens there
    runner = CliRunner()
    assert runner.invoke(main, [*status, "--check"], env={"KHABAR_QUEUE_URL": ""}).exit_code == 0  # outlets all ok
    checked = runner.invoke(main, [*status, "--check"], env=down)
    assert checked.exit_code == ExitCode.NEEDS_ATTENTION, checked.output
    table = runner.invoke(main, status, env=down)
    assert table.exit_code == 0, table.output
    assert table.output.startswith("Khabar status of") and "all 1 outlets ok" in table.output
    assert any(line.startswith("demo-wp") and " ok " in line for line in table.output.splitlines())
    (queue,) = [line for line in table.output.splitlines() if line.startswith("Queue ")]
    assert queue.startswith("Queue redis://:***@127.0.0.1:1/0: UNREACHABLE, jobs unknown")
    assert "cannot reach the queue's Redis at redis://:***@127.0.0.1:1/0" in queue and "Start redis-server there" in queue
    document = json.loads(runner.invoke(main, [*status, "--json"], env=down).output)
    assert [o["outlet"] for o in document["outlets"]] == ["demo-wp"]
    assert document["queue"]["reachable"] is False and document["queue"]["jobs"] == []
    assert document["queue"]["url"] == "redis://:***@127.0.0.1:1/0"
    for result in (checked, table):
        assert "s3cr3t" not in result.output and "Traceback" not in result.output


def test_a_job_that_ends_prunes_its_outlets_ended_jobs_to_the_newest_kept(tmp_path: Path) -> None:
    """Through the worker's own path (``run_job``): jobs of an outlet missing from the catalog fail at once."""
    server = PersistentRedis(tmp_path)
    server.start()
    try:
        client = server.client()
        settings = khabar_settings({"KHABAR_QUEUE_URL": server.url, "KHABAR_QUEUE_KEEP_JOBS": "3"}, environ={})
        ctx = WorkerContext(QueueConfig.from_settings(settings), settings, (), "host:1")
        other = jobs.add_job(client, "demo-other", []).job_id  # another outlet's job, still queued: never pruned
        ended = []
        for _ in range(5):
            ended.append(jobs.add_job(client, "demo-gone", []).job_id)
            assert run_job(ctx, client, ended[-1]) is None
        assert {j.id for j in jobs.list_jobs(client)} == {other, *ended[-3:]}
        assert all(client.exists(jobs.job_key(i)) == 0 for i in ended[:2])
        assert client.zrange(jobs.ended_key("demo-gone"), 0, -1) == ended[-3:]
        assert [j.state for j in jobs.list_jobs(client) if j.outlet == "demo-gone"] == ["failed"] * 3
    finally:
        server.stop()


def test_keep_jobs_below_one_is_refused_with_the_setting_and_its_default() -> None:
    with pytest.raises(ConfigInvalid, match="KHABAR_QUEUE_KEEP_JOBS is 0; set it to at least 1"):
        QueueConfig.from_settings(khabar_settings({"KHABAR_QUEUE_URL": "redis://127.0.0.1:1/0",
                                                   "KHABAR_QUEUE_KEEP_JOBS": "0"}, environ={}))
