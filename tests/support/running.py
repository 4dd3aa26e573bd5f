"""Looking at a crawl while it runs: the responses already in its WARC files, the holder of an outlet lock."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from scrapy.settings import Settings

from crawler.run.outlet_lock import LockHolder, holder
from crawler.storage import store_from_settings
from crawler.storage.layout import outlet_lock_path
from crawler.warc.members import BadMember, iter_members

_TARGET = re.compile(rb"^WARC-Target-URI: (\S+)", re.MULTILINE)


def archived_responses(store: Path) -> list[str]:
    """The target URI of every complete response record in the store's WARC files, open ones included."""
    return archived_records(store, "response")


def archived_records(store: Path, kind: str) -> list[str]:
    """The target URI of every complete record of WARC-Type ``kind`` in the store's WARC files, open ones included."""
    urls = []
    for path in sorted(store.glob("warc/**/*.warc.gz*")):
        if path.name.endswith((".warc.gz", ".warc.gz.open")):
            urls += _records(path, kind)
    return urls


def _records(path: Path, kind: str) -> list[str]:
    urls = []
    wanted = f"\r\nWARC-Type: {kind}\r\n".encode()
    with open(path, "rb") as handle:
        try:
            for member in iter_members(handle):
                header = member.head.split(b"\r\n\r\n", 1)[0]
                if wanted in header and (target := _TARGET.search(header)):
                    urls.append(target.group(1).decode())
        except BadMember:  # the member being written
            pass
    return urls


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], timeout: float = 60) -> None:
    """Wait until ``condition()`` holds; fail if ``process`` ends first or the time runs out."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"the crawl ended (exit {process.returncode}) before the awaited moment"
        assert time.monotonic() < deadline, f"waited {timeout} s in vain"
        time.sleep(0.05)


def lock_holder(store: Path, outlet: str) -> LockHolder | None:
    """Who holds ``outlet``'s lock in the folder store ``store`` (None: nobody)."""
    return holder(outlet_lock_path(store_from_settings(Settings({"KHABAR_STORE_URI": str(store)})), outlet))
