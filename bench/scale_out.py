"""Benchmark: 1, 2 and 4 ``khabar worker`` processes over the demo outlets, through a real Redis queue.

    .venv/bin/python bench/scale_out.py [--workers 1 2 4] [--outlets demo-wp demo-cms …]

Each round starts a fresh store, a fresh demo world (its own process, so every round is a first, full crawl)
and a fresh ``redis-server`` on loopback, starts N workers (``--concurrency 1``, extraction in the crawl
process: ``KHABAR_EXTRACT_WORKERS=0``, so one crawl is one process), enqueues every outlet and waits for the
last job to end. It prints per round: pages fetched (the run reports), wall seconds from enqueue to the last
job's end, pages/s, CPU seconds of the workers and their crawls (waited children's rusage: user + system),
CPU milliseconds per page, and the machine's load average when the round started.

The ceiling: every page costs CPU (fetch, WARC, extraction, records: the CPU per page printed), so on a
machine with C cores pages/s cannot pass C / (CPU per page), whatever the number of workers; the demo server
and Redis take their share of the same cores, and on a shared machine so does everyone else (the load
average). Each outlet is one job (one host's politeness budget), so N workers help only while N outlets are
left, and the round lasts at least as long as its slowest outlet. Numbers only; no assertion.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demo.process import running_demo_world  # noqa: E402

KHABAR = [sys.executable, "-m", "crawler.cli"]
DEFAULT_OUTLETS = ("demo-wp", "demo-cms", "demo-bilingue", "demo-listing")  # demo-hard waits on 429s by design


def start_redis(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    for _ in range(20):
        port = random.randint(20000, 40000)
        process = subprocess.Popen([binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                                    "--appendonly", "no", "--dir", str(workdir)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/0"
        for _ in range(100):
            if process.poll() is not None:
                break
            try:
                if redis.Redis.from_url(url).ping():
                    return process, url
            except redis.ConnectionError:
                time.sleep(0.05)
        process.kill()
        process.wait()
    raise SystemExit("could not start redis-server on a free loopback port")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_round(workers: int, outlets: tuple[str, ...]) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="khabar-scale-") as tmp, running_demo_world(0) as world:
        server, url = start_redis(Path(tmp))
        env = {**os.environ, "KHABAR_QUEUE_URL": url, "KHABAR_EXTRACT_WORKERS": "0"}
        store, load = Path(tmp) / "store", os.getloadavg()[0]
        args = ["--store", str(store), "--catalog-extra", str(world.catalog_path)]
        cpu_before = children_cpu()
        procs = [subprocess.Popen([*KHABAR, "worker", *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL) for _ in range(workers)]
        try:
            time.sleep(3)  # the workers are connected (a job sent earlier would wait for them anyway)
            started = time.monotonic()
            subprocess.run([*KHABAR, "enqueue", *outlets, "--catalog-extra", str(world.catalog_path)], env=env,
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            client = redis.Redis.from_url(url, decode_responses=True)
            while not all_ended(client, len(outlets)):
                time.sleep(0.2)
            wall = time.monotonic() - started
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait()
            server.terminate()
            server.wait()
        cpu = children_cpu() - cpu_before
        pages = sum(json.loads(p.read_text())["pages_fetched"] for p in store.glob("runs/*/*.json"))
        return {"workers": workers, "pages": pages, "wall": wall, "cpu": cpu, "load": load}


def all_ended(client: redis.Redis, expected: int) -> bool:
    ids = client.zrange("khabar:jobs", 0, -1)
    states = [client.hget(f"khabar:job:{i}", "state") for i in ids]  # type: ignore[union-attr]
    return len(states) == expected and all(s in ("finished", "failed") for s in states)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--outlets", nargs="+", default=list(DEFAULT_OUTLETS))
    options = parser.parse_args()
    print(f"{os.cpu_count()} cores; outlets: {' '.join(options.outlets)}")
    print(f"{'workers':>7} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'CPU ms/page':>11} {'load':>5}")
    per_page = []
    for workers in options.workers:
        r = one_round(workers, tuple(options.outlets))
        per_page.append(r["cpu"] / max(r["pages"], 1))
        print(f"{workers:>7} {r['pages']:>6.0f} {r['wall']:>7.1f} {r['pages'] / r['wall']:>8.1f} {r['cpu']:>7.1f} "
              f"{1000 * r['cpu'] / max(r['pages'], 1):>11.0f} {r['load']:>5.1f}")
    cores = os.cpu_count() or 1
    print(f"ceiling: pages/s <= cores / CPU per page = {cores} / {min(per_page):.3f} s = {cores / min(per_page):.0f} "
          "pages/s here, whatever the number of workers, less what the demo server, Redis and everyone else on "
          "the machine take; past one worker per core, more workers only share the same cores (and each crawl "
          "process costs its start-up again).")


if __name__ == "__main__":
    main()
