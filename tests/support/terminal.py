"""A child process on a pseudo-terminal, as a person would run it: what it drew, as text."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import threading

from tests.support.crawls import ROOT

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def screen_text(raw: bytes) -> str:
    """The characters a terminal was sent, without colour and cursor escapes (each redraw left in place)."""
    return _ESCAPES.sub("", raw.decode("utf-8", "replace")).replace("\r", "")


class InTerminal:
    """``cmd`` with stdin, stdout and stderr on one pseudo-terminal of ``columns`` × ``rows``."""

    def __init__(self, cmd: list[str], env: dict[str, str] | None = None, columns: int = 160, rows: int = 50) -> None:
        self._master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(cmd, cwd=ROOT, stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                                        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns),
                                             "LINES": str(rows), **(env or {})})  # pytest-xdist sets 80 × 24
        os.close(slave)
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._master, 65536)
            except OSError:  # EIO: the child closed the terminal
                return
            if not data:
                return
            self._chunks.append(data)

    def finish(self, timeout: float = 240) -> tuple[int, str]:
        """Wait for the child; its exit code and everything it wrote to the terminal, as text."""
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=10)
        os.close(self._master)
        return code, screen_text(b"".join(self._chunks))
