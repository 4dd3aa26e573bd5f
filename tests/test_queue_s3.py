"""The outlet's state travels with it through an S3 store (SeaweedFS): machine A, then machine B.

Each "machine" is a worker with a spool of its own (KHABAR_SPOOL_DIR), as two hosts would have. demo-wp
is first crawled without the queue (the single-machine layout: one shared state/); the first queued job on
A starts from that state (migration) half a day later; three days of news later, B, with an empty spool, crawls it from the
state A wrote back to the bucket: it fetches only the new and edited articles, and the edited ones get
version 2. B is stopped (SIGTERM) in the middle of that crawl: its crawl stops cleanly, its state goes back
to the bucket, its job is queued again, and machine C (another empty spool) finishes it without fetching
anything B had fetched.
"""

from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.demo import DemoServer, DemoWorld
from tests.support.crawls import KHABAR, run
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.queue_world import PersistentRedis, Worker
from tests.support.seaweed import SeaweedFS

OUTLET = "demo-wp"
SETTINGS = {"KHABAR_QUEUE_LEASE": "3", "KHABAR_QUEUE_BUSY_RETRY": "1"}


def _fetched(server: DemoServer, world: DemoWorld, start: int) -> Counter[str]:
    paths = {urlsplit(u).path for u in world.article_urls(OUTLET)}
    return Counter(p for e in server.wire_log[start:] if (p := urlsplit(e.path).path) in paths)


def _enqueue(env: dict[str, str], catalog: Path, *extra: str) -> str:
    result = run([*KHABAR, "enqueue", OUTLET, "--catalog-extra", str(catalog), *extra], env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split("job ")[1].split()[0]


def _until(done: Any, worker: Worker) -> None:
    deadline = time.monotonic() + 120
    while not done():
        assert time.monotonic() < deadline, worker.output()[-5000:]
        time.sleep(0.1)


def _job(client: Any, job_id: str) -> dict[str, str]:
    return dict(client.hgetall(f"khabar:job:{job_id}"))


@pytest.fixture(scope="module")
def travel(seaweed: SeaweedFS, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("queue-s3")
    bucket = seaweed.new_bucket("queue")
    uri, world, redis_server = f"s3://{bucket}/archive", DemoWorld(), PersistentRedis(tmp)
    redis_server.start()
    out: dict[str, Any] = {"bucket": bucket, "world": world}
    try:
        with serve_demo_outlets(tmp / "demo.yaml", world) as demo:
            catalog = demo.catalog
            env_a, env_b = seaweed.env(tmp / "spool-a"), seaweed.env(tmp / "spool-b")
            single = run([*KHABAR, "crawl", OUTLET, "--store", uri, "--catalog-extra", str(catalog)], env=env_a)
            assert single.returncode == 0, single.stderr[-3000:]
            out["v1"] = {a.path: a.version for a in world.articles(OUTLET)}
            queue = {"KHABAR_QUEUE_URL": redis_server.url, **SETTINGS}
            client = redis_server.client()
            args = ("--store", uri, "--catalog-extra", str(catalog))
            for name, env, hours in (("a", env_a, 12), ("b", env_b, 72)):  # 2, then 8 new or edited articles
                before = {a.path: a.version for a in world.articles(OUTLET)}
                world.clock.advance(hours=hours)
                changed = {a.path for a in world.articles(OUTLET) if before.get(a.path) != a.version}
                start = len(demo.server.wire_log)
                worker = Worker(name, tmp, env | queue, *args)
                slow = ("--crawl-set", "CONCURRENT_REQUESTS=1", "--crawl-set", "DOWNLOAD_DELAY=0.4",
                        "--crawl-set", "DOWNLOAD_SLOTS={}") if name == "b" else ()  # no catalog slot: the delay holds
                job_id = _enqueue(env | queue, catalog, *slow)
                if name == "b":  # stopped mid-crawl; machine C takes the job again
                    _until(lambda: sum(_fetched(demo.server, world, start).values()) >= 3, worker)  # noqa: B023
                    worker.stop()
                    out["b_stopped"], out["b_stop_log"] = _job(client, job_id), worker.output()
                    worker = Worker("c", tmp, seaweed.env(tmp / "spool-c") | queue, *args)
                _until(lambda: _job(client, job_id)["state"] in ("finished", "failed"), worker)  # noqa: B023
                worker.stop()
                out[name] = {"job": _job(client, job_id), "changed": changed,
                             "fetched": _fetched(demo.server, world, start), "log": worker.output()}
            out["objects"] = seaweed.objects(bucket, "archive/")
            out["verify"] = run([*KHABAR, "verify", uri], env=env_b)
            yield out
    finally:
        redis_server.stop()


@pytest.mark.parametrize("machine", ["a", "b"])
def test_each_machine_fetches_only_the_new_and_edited_articles(travel: dict[str, Any], machine: str) -> None:
    done = travel[machine]
    assert done["job"]["state"] == "finished" and done["job"]["exit_code"] == "0", done["log"][-3000:]
    assert sorted(done["fetched"]) == sorted(done["changed"]) and set(done["fetched"].values()) <= {1}
    assert len(done["changed"]) >= (2 if machine == "a" else 8)
    assert "state/outlet=demo-wp/ started from the store's shared state/" in travel["a"]["log"]


def test_the_state_is_in_the_bucket_and_versions_continue_on_machine_b(travel: dict[str, Any]) -> None:
    state = {k.rsplit("/", 1)[1] for k in travel["objects"] if k.startswith("state/outlet=demo-wp/")}
    assert {"crawl.sqlite", "articles.sqlite", "stories.sqlite"} <= state
    assert not [k for k in travel["objects"] if "/jobs/" in k]  # the finished crawls left no resume queue
    records = [json.loads(line) for k, body in travel["objects"].items() if k.startswith("records/")
               for line in gzip.decompress(body).decode().splitlines()]
    versions = Counter(urlsplit(r["url"]).path for r in records)
    edited = (travel["a"]["changed"] | travel["b"]["changed"]) & set(travel["v1"])
    assert edited and all(versions[p] >= 2 for p in edited)
    assert all(n == 1 for p, n in versions.items() if p not in edited)
    assert travel["a"]["job"]["worker"] != travel["b"]["job"]["worker"]


def test_a_worker_stopped_mid_crawl_writes_the_state_back_and_another_machine_finishes(travel: dict[str, Any]) -> None:
    stopped, done = travel["b_stopped"], travel["b"]["job"]
    assert stopped["state"] == "queued" and stopped["worker"] == ""  # queued again by the stopping worker
    assert done["attempts"] == "2" and done["state"] == "finished"
    assert done["worker"] != travel["b_stopped"].get("started_worker", "") and "asking crawl pid" in travel["b_stop_log"]
    assert "state file(s) written back" in travel["b_stop_log"]
    assert travel["verify"].returncode == 0, travel["verify"].stdout[-2000:]
