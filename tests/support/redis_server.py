"""A real redis-server (Debian's package) on a free loopback port, for the tests that need one."""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """Start redis-server on 127.0.0.1 and yield its URI; retry on another port if one is taken."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed; scripts/test installs it (apt-get install redis-server)")
    for _ in range(20):
        port = random.randint(20000, 40000)
        process = subprocess.Popen([binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                                    "--appendonly", "no", "--dir", str(workdir)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            if process.poll() is not None:
                break  # the port was taken: try another
            if _answers(port):
                try:
                    yield f"redis://127.0.0.1:{port}/0"
                finally:
                    process.terminate()
                    process.wait(timeout=10)
                return
            time.sleep(0.05)
        process.kill()
        process.wait()
    raise RuntimeError("could not start redis-server on a free loopback port after 20 tries")
