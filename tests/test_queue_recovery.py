"""A job whose worker died comes back even when the worker died in the middle of its sweep for such jobs.

Every worker sweeps Redis every few seconds for jobs taken and never acknowledged for longer than the visibility
timeout (their worker died), under a lock in Redis. A worker killed while it holds that lock leaves the lock
behind: it lives a quarter of the visibility timeout (5 minutes at most), so the jobs of dead workers are held
back that long at most, not kombu's 5 minutes whatever the timeout.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import redis

from crawler.queue.app import QUEUE, celery_app
from crawler.queue.config import QueueConfig
from tests.support.redis_server import redis_server

VISIBILITY = 4.0
# a worker that takes the job, starts a sweep (takes its lock as kombu does) and is killed before it ends
DYING_WORKER = textwrap.dedent("""
    import os, sys
    from crawler.queue.app import QUEUE, celery_app, send_job
    from crawler.queue.config import QueueConfig
    app = celery_app(QueueConfig(url=sys.argv[1], visibility_timeout=float(sys.argv[2]), lease=1, busy_retry=1))
    send_job(app, "job-of-a-dead-worker")
    with app.connection_for_write() as connection:
        channel = connection.default_channel
        if channel.basic_get(QUEUE, no_ack=False) is None:
            os._exit(3)
        channel.client.set(channel.qos.unacked_mutex_key, "sweeping", nx=True, ex=channel.unacked_mutex_expire)
        os._exit(9)
""")


def test_a_dead_workers_job_comes_back_soon_after_the_visibility_timeout_though_it_died_while_sweeping(
        tmp_path: Path) -> None:
    with redis_server(tmp_path) as url:
        dying = subprocess.run([sys.executable, "-c", DYING_WORKER, url, str(VISIBILITY)], capture_output=True,
                               timeout=60, check=False)
        assert dying.returncode == 9, dying.stderr.decode()
        client = redis.Redis.from_url(url)
        assert client.llen(QUEUE) == 0  # the job is with the dead worker (its sweep lock lives 1 s here: not checked)
        app = celery_app(QueueConfig(url=url, visibility_timeout=VISIBILITY, lease=1, busy_retry=1))
        started = time.monotonic()
        with app.connection_for_write() as connection:
            qos = connection.default_channel.qos
            while client.llen(QUEUE) == 0 and time.monotonic() - started < 30:
                qos.restore_visible(interval=1)  # what a live worker's sweep does every few seconds
                time.sleep(0.2)
        waited = time.monotonic() - started
        assert client.llen(QUEUE) == 1, f"the dead worker's job was still held back after {waited:.0f} s"
        assert waited < VISIBILITY + 3
