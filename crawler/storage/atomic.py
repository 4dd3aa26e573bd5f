"""Files that appear whole or not at all: write under a temporary name in the same folder, then rename.

Every writer of a finished file goes through here, so a reader (or a crash) never sees half a
file: the data is written to ``.<name>.<random>.tmp`` beside the target, flushed and fsync'd,
renamed over the target with ``os.replace`` (atomic on POSIX within one file system), and the
folder is fsync'd so the rename itself survives a power cut. On any error the temporary file is
removed and the target is left as it was.

- ``write_atomically(path, data)``: bytes or text you already hold;
- ``atomic_path(path)``: a temporary path to hand to a tool that writes a file itself (cdxj-indexer,
  wacz, a stream copy); the file is published when the ``with`` block ends without an error;
- ``rename_durably(source, target)``: the last step alone, for files written under a name of their
  own (``.open`` files held under a lock, see ``crawler.storage.unfinished``).

``.tmp`` is one of the suffixes ``LocalStore.list`` never shows as a store key.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` whole or not at all; return ``path``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as temp, open(temp, "wb") as handle:
        handle.write(payload)
    return path


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``; what is written there replaces ``path`` when the block ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        yield temp
        _fsync_file(temp)
        rename_durably(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def rename_durably(source: Path, target: Path) -> None:
    """``os.replace(source, target)``, then fsync the folder so the new name is on disk."""
    os.replace(source, target)
    _fsync_folder(target.parent)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
