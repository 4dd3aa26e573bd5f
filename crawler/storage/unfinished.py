"""Crash-safe append-only files: one gzip member per entry, a lock while open, recovery after a kill.

Every WARC file and record file is written as ``<name>.open`` while its writer holds an exclusive
``flock`` on it, one complete gzip member per record, flushed after each write. A process killed
with SIGKILL loses its lock with its life, so a later run can tell a dead writer's file from a live
one by trying the lock. ``recover()`` then keeps every complete member (walked by
``crawler.warc.members``), cuts a partial trailing member (never rewriting a record), and renames
the file to its final name.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from crawler.storage.atomic import rename_durably
from crawler.warc.members import MemberScan, scan_members

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"


def open_locked(final_path: Path) -> BinaryIO:
    """Create ``<final_path>.open`` exclusively and hold an exclusive lock on it while open.

    The file is unbuffered: each write goes straight to the file, so a failed one can be cut back
    (``crawler.storage.space.append_whole``) with no stale bytes left in a buffer to land later.
    """
    final_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(final_path.with_name(final_path.name + OPEN_SUFFIX), "xb", buffering=0)
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def finish(handle: BinaryIO, final_path: Path) -> None:
    """Flush, fsync, rename ``.open`` to the final name, then release the lock."""
    handle.flush()
    os.fsync(handle.fileno())
    rename_durably(final_path.with_name(final_path.name + OPEN_SUFFIX), final_path)
    handle.close()


def _writer_is_alive(path: Path) -> bool:
    with open(path, "rb") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def unfinished_files(root: Path, pattern: str) -> Iterator[Path]:
    """``.open`` files under ``root`` matching ``pattern`` (e.g. ``*.warc.gz``) whose writer is gone."""
    for path in sorted(root.glob(f"**/{pattern}{OPEN_SUFFIX}")):
        if not _writer_is_alive(path):
            yield path


def recover(open_path: Path) -> tuple[Path, MemberScan]:
    """Cut a partial trailing member off a dead writer's file and give it its final name."""
    with open(open_path, "r+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        scan = scan_members(handle)
        if scan.truncated:
            handle.truncate(scan.complete_end)
            handle.flush()
            os.fsync(handle.fileno())
        final = open_path.with_name(open_path.name.removesuffix(OPEN_SUFFIX))
        rename_durably(open_path, final)
    logger.warning("recovered %s left by a stopped crawl: %d complete records kept%s", final, scan.members,
                   f", {scan.size - scan.complete_end} bytes of a partial record cut" if scan.truncated else "")
    return final, scan
