"""``khabar replay`` as a child process, for tests that open replayed pages in a browser."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

from tests.support.crawls import KHABAR, ROOT

START_TIMEOUT = 180  # the first run also installs pywb into its cached virtualenv


def replay_timestamp(warc_date: str) -> str:
    """A WARC-Date as the 14 digits of a replay URL."""
    return "".join(ch for ch in warc_date[:19] if ch.isdigit())


class Replay:
    """``khabar replay STORE --port 0`` as a child process: its URL, and its stderr so far."""

    def __init__(self, store: Path, log: Path) -> None:
        self.log = log
        self._stderr = open(log, "w")
        self.process = subprocess.Popen([*KHABAR, "replay", str(store), "--port", "0"], cwd=ROOT, text=True,
                                        stdout=subprocess.PIPE, stderr=self._stderr)
        self.url = self._await_url()

    def _await_url(self) -> str:
        assert self.process.stdout is not None
        timer = threading.Timer(START_TIMEOUT, self.process.kill)
        timer.start()
        try:
            for line in self.process.stdout:
                if line.startswith("Replaying "):
                    return line.split(" at ", 1)[1].split()[0]
        finally:
            timer.cancel()
        raise AssertionError(f"khabar replay exited ({self.process.wait()}) without serving: {self.stderr()}")

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        assert self.process.wait(timeout=20) == 0
        assert self.process.stdout is not None
        self.process.stdout.close()
        self._stderr.close()
