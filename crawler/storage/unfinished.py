"""Crash-safe append-only files: one gzip member per entry, a lock while open, recovery after a kill.

Every WARC file and record file is written as ``<name>.open`` while its writer holds an exclusive
``flock`` on it, one complete gzip member per record, flushed after each write. A process killed
with SIGKILL loses its lock with its life, so a later run can tell a dead writer's file from a live
one by trying the lock. ``claimed()`` takes a dead writer's file, keeps every complete member (walked by
``crawler.warc.members``) and cuts a partial trailing member (never rewriting a record);
``finish_claimed()`` renames it to its final name; ``recover()`` does both at once.

A ``Journal`` lists the files a writer made, under the same kind of lock, until its owner settles it:
a killed crawl's journal names the files it finished but may not have recorded (``crawler.warc.recovery``).
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Claim:
    """A dead writer's ``.open`` file, locked by us and cut back to its last complete member."""

    open_path: Path
    scan: MemberScan

    @property
    def final(self) -> Path:
        return self.open_path.with_name(self.open_path.name.removesuffix(OPEN_SUFFIX))


@contextmanager
def claimed(open_path: Path) -> Iterator[Claim]:
    """Lock a dead writer's file and cut a partial trailing member off it; the lock is held until the block ends.

    Raises ``BlockingIOError`` when a live writer (or another recovery) holds it, ``FileNotFoundError``
    when another recovery already finished it. Cutting is idempotent: a claim of a file cut before cuts nothing.
    """
    with open(open_path, "r+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        if not open_path.exists():  # finished by the recovery that held the lock before us
            raise FileNotFoundError(open_path)
        scan = scan_members(handle)
        if scan.truncated:
            handle.truncate(scan.complete_end)
            handle.flush()
            os.fsync(handle.fileno())
        yield Claim(open_path, scan)


def finish_claimed(claim: Claim) -> Path:
    """Give a claimed file its final name: from now on it is a finished file."""
    rename_durably(claim.open_path, claim.final)
    scan = claim.scan
    logger.warning("recovered %s left by a stopped crawl: %d complete records kept%s", claim.final, scan.members,
                   f", {scan.size - scan.complete_end} bytes of a partial record cut" if scan.truncated else "")
    return claim.final


def recover(open_path: Path) -> tuple[Path, MemberScan]:
    """Cut a partial trailing member off a dead writer's file and give it its final name."""
    with claimed(open_path) as claim:
        return finish_claimed(claim), claim.scan


JOURNAL_SUFFIX = ".journal"


class Journal:
    """The store keys of the files a live writer made, one a line, in ``<name>.journal`` under its lock.

    A writer that is killed may have finished a file (a WARC rotated by size) whose captures it had
    not yet recorded: its journal, left unlocked, tells recovery which finished files to look at.
    ``settle()`` removes it once every file it lists is settled (the crawl closed normally).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: BinaryIO | None = None
        self._keys: set[str] = set()

    def add(self, key: str) -> None:
        """List ``key`` (before anything is written to its file)."""
        if key in self._keys:
            return
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "xb")  # noqa: SIM115 (held open, under its lock, until settled)
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._handle.write(key.encode("utf-8") + b"\n")
        self._handle.flush()
        self._keys.add(key)

    def settle(self) -> None:
        if self._handle is not None:
            self.path.unlink()
            self._handle.close()
            self._handle = None


def dead_journals(root: Path) -> Iterator[Path]:
    """The journals under ``root`` whose writer is gone."""
    for path in sorted(root.glob(f"*{JOURNAL_SUFFIX}")):
        if not _writer_is_alive(path):
            yield path


@contextmanager
def claimed_journal(path: Path) -> Iterator[list[str]]:
    """The keys a dead writer's journal lists (complete lines), its lock held until the block ends."""
    with open(path, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        if not path.exists():  # settled by the recovery that held the lock before us
            raise FileNotFoundError(path)
        lines = handle.read().split(b"\n")[:-1]  # a line cut by the kill has no newline yet
        yield [line.decode("utf-8") for line in lines if line]
