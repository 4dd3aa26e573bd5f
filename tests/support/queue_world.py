"""For the queue tests: a Redis that keeps its data across a restart (append-only file), and workers.

Redis listens on a free loopback port found by trying random ones (no bind-and-close probing); a restart
comes back on the same port with the same data, as a real Redis with ``appendonly yes`` does.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import redis

from tests.support.crawls import KHABAR, ROOT
from tests.support.redis_server import _answers


class PersistentRedis:
    def __init__(self, workdir: Path) -> None:
        self.workdir, self.port = workdir, 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, decode_responses=True)

    def start(self) -> None:
        for _ in range(20):
            if self._start_on(self.port or random.randint(20000, 40000)):
                return
            if self.port:
                raise RuntimeError(f"redis-server could not start again on port {self.port}")
        raise RuntimeError("could not start redis-server on a free loopback port after 20 tries")

    def _start_on(self, port: int) -> bool:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        process = subprocess.Popen([binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                                    "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.workdir)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if process.poll() is not None:
                return False
            if _answers(port):
                self.process, self.port = process, port
                return True
            time.sleep(0.05)
        process.kill()
        process.wait()
        return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


class Worker:
    """``khabar worker`` as a process group of its own (its crawls included), like a machine."""

    def __init__(self, name: str, log_dir: Path, env: dict[str, str], *args: str) -> None:
        self.name, self.log = name, log_dir / f"worker-{name}.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen([*KHABAR, "worker", *args], cwd=ROOT, stdout=log, stderr=log,
                                            env={**os.environ, **env}, start_new_session=True)

    def kill(self) -> None:
        """The machine dies: SIGKILL to the worker and its crawls."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")
