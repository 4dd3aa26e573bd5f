"""A webhook on a free loopback port that keeps what it is sent (JSON bodies), or answers every POST with an error."""

from __future__ import annotations

import json
import threading
from typing import Any, ClassVar

from tests.support.loopback import LoopbackSite, QuietHandler


class _Receiver(QuietHandler):
    received: ClassVar[list[tuple[str, dict[str, Any]]]]
    status: ClassVar[int]
    lock: ClassVar[threading.Lock]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.lock:
            self.received.append((self.path, json.loads(body)))
        self.reply(self.status, "application/json", b"{}")


class Webhook(LoopbackSite):
    """``posts``: (path, JSON body) of every POST, in order; each answered with ``status``."""

    def __init__(self, status: int = 200) -> None:
        self.handler = type("Receiver", (_Receiver,), {"received": [], "status": status, "lock": threading.Lock()})
        super().__init__()

    @property
    def posts(self) -> list[tuple[str, dict[str, Any]]]:
        receiver: Any = self.handler
        with receiver.lock:
            return list(receiver.received)
