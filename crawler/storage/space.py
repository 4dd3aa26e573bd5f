"""A full filesystem under the store: telling it apart, saying where, and appending whole records or none.

Every append-only writer of the store (WARC files, article record files) appends a batch of gzip members
with ``append_whole``: the whole batch lands, or the file is cut back to where the batch started and the
error is raised, so an unfinished file never holds half a record. A write that fails because the
filesystem is full or over quota (ENOSPC, EDQUOT, SQLite's "database or disk is full") becomes
``DiskFull`` (``disk_full_error``), whose message names the file, the mount point, its free space and the
next step. The crawl then stops (see ``crawler.run.disk_full``) and leaves its files ``.open`` for the next
run's recovery.

Fault injection, for tests only (never set it in production):

    KHABAR_TEST_ENOSPC_AFTER_BYTES   (unset)  once this process has appended this many bytes through
        ``append_whole``, the append that crosses the limit writes its bytes up to the limit and then fails
        with ENOSPC, as a real full filesystem does, and so does every later append of the process.
        It lets a test fill "the disk" at a chosen byte where it cannot mount a small filesystem.
    KHABAR_TEST_FREE_SPACE_BYTES     (unset)  ``probe_free_space`` (the disk guard's probe, crawler.run.disk_guard)
        sees this many bytes free at the start of the process, less every byte it has appended since through
        ``append_whole``: the same fake disk, seen before it is full. Never set it otherwise.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crawler.errors import ConfigInvalid, DiskFull

ENOSPC_AFTER_BYTES_ENV = "KHABAR_TEST_ENOSPC_AFTER_BYTES"
FREE_SPACE_BYTES_ENV = "KHABAR_TEST_FREE_SPACE_BYTES"
DISK_FULL_PREFIX = "the filesystem of the store is full"  # how every DiskFull message starts
_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error says the filesystem is full or over quota."""
    if isinstance(exc, DiskFull):
        return True
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    return False


@dataclass(frozen=True, slots=True)
class Filesystem:
    """The filesystem a path lives on, as ``statvfs`` and the mount table see it."""

    mount: Path
    kind: str   # tmpfs, ext4… ("" when the mount table cannot be read)
    free: int   # bytes an unprivileged writer may still use
    size: int

    def describe(self) -> str:
        kind = f" ({self.kind})" if self.kind else ""
        return f"{self.mount}{kind}: {human_size(self.free)} free of {human_size(self.size)}"


def filesystem_of(path: Path) -> Filesystem:
    existing = Path(os.path.abspath(path))
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    mount = existing.resolve()
    while not os.path.ismount(mount) and mount != mount.parent:
        mount = mount.parent
    stat = os.statvfs(existing)
    return Filesystem(mount, _mount_kind(mount), stat.f_bavail * stat.f_frsize, stat.f_blocks * stat.f_frsize)


def probe_free_space(path: Path) -> Filesystem:
    """The filesystem of ``path`` with its free space now (the fault-injection hook's, when it is set)."""
    filesystem = filesystem_of(path)
    faked = _test_hook_bytes(FREE_SPACE_BYTES_ENV)
    if faked is None:
        return filesystem
    return Filesystem(filesystem.mount, filesystem.kind, max(0, faked - _INJECTED.appended), filesystem.size)


def _test_hook_bytes(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ConfigInvalid(f"{name}={value!r} is not a number of bytes; it is a test hook that fakes the disk: unset it")
    return int(value)


def _mount_kind(mount: Path) -> str:
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    kinds = [fields[2] for fields in (line.split() for line in lines) if len(fields) > 2 and fields[1] == str(mount)]
    return kinds[-1] if kinds else ""


def human_size(size: int) -> str:
    """``812.0 MiB``; ``512 bytes``."""
    amount, units = float(size), ["bytes", "KiB", "MiB", "GiB"]
    while amount >= 1024 and len(units) > 1:
        amount, units = amount / 1024, units[1:]
    return f"{size} bytes" if units[0] == "bytes" else f"{amount:.1f} {units[0]}"


def disk_full_error(path: Path, cause: BaseException | None = None) -> DiskFull:
    """The ``DiskFull`` error for a write to ``path`` that failed because its filesystem is full."""
    filesystem = filesystem_of(path)
    why = f" ({cause.strerror if isinstance(cause, OSError) and cause.strerror else cause})" if cause else ""
    message = (f"{DISK_FULL_PREFIX}: writing {path} failed{why}; {filesystem.describe()}. "
               "The crawl stopped and nothing captured is lost: the last complete record of each file is kept and "
               "unfinished files stay '.open' for the next run to finish. "
               f"Free space on {filesystem.mount}, then run the same command with --resume.")
    return DiskFull(message, str(path), str(filesystem.mount))


@contextmanager
def disk_full_guard(path: Path) -> Iterator[None]:
    """Turn a full-filesystem error (OSError, SQLite) raised while writing ``path`` into ``DiskFull``."""
    try:
        yield
    except DiskFull:
        raise
    except (OSError, sqlite3.Error) as exc:
        if is_disk_full(exc):
            raise disk_full_error(path, exc) from exc
        raise


def append_whole(handle: BinaryIO, data: bytes, path: Path) -> int:
    """Append ``data`` to an unbuffered file at its end, all of it or none; return where it starts.

    On any write error the file is cut back to where ``data`` started (a partial gzip member never stays
    behind) and the error is raised, as ``DiskFull`` when the filesystem is full.
    """
    start = handle.tell()
    try:
        _write_all(handle, data, path)
    except OSError as exc:
        os.ftruncate(handle.fileno(), start)
        handle.seek(start)
        if is_disk_full(exc):
            raise disk_full_error(path, exc) from exc
        raise
    return start


def _write_all(handle: BinaryIO, data: bytes, path: Path) -> None:
    view, done = memoryview(data), 0
    allowed = _INJECTED.take(len(data))
    while done < allowed:
        done += handle.write(view[done:allowed]) or 0
    if allowed < len(data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


class _InjectedLimit:
    """The test hook: how many more bytes this process may append (None: no limit)."""

    def __init__(self, limit: int | None) -> None:
        self.remaining = limit
        self.appended = 0  # bytes this process appended so far (what the fake free space goes down by)

    @classmethod
    def from_environment(cls) -> _InjectedLimit:
        return cls(_test_hook_bytes(ENOSPC_AFTER_BYTES_ENV))

    def take(self, size: int) -> int:
        allowed = size if self.remaining is None else min(size, self.remaining)
        if self.remaining is not None:
            self.remaining -= allowed
        self.appended += allowed
        return allowed


_INJECTED = _InjectedLimit.from_environment()
