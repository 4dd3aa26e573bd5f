"""The one way Khabar opens a SQLite file of the store's ``state/``.

Every state file (crawl state, article versions, story index, revisit index, robots.txt cache) is opened
in autocommit with write-ahead logging and ``synchronous=NORMAL``: a commit is not fsynced on its own,
which costs several milliseconds per commit (per page, for the crawl state and the version index) and
is what made SQLite a tenth of a crawl's CPU time at real page weight (bench/throughput.py). A killed
process loses nothing (its commits are in the operating system's cache); a power cut may lose the last
commits, never the file's consistency, and the record and WARC files beside it are not fsynced per
record either: a lost state row means a page fetched again (a revisit) on the next run.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_state(path: Path, *, timeout: float = 30.0, check_same_thread: bool = True) -> sqlite3.Connection:
    """Open (creating its folder) the state file ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=check_same_thread)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db
