"""A local mirror of a remote store's WARC files, for pywb, which reads local files.

Its ``warc/`` keys (WARC files and their CDXJ files) are copied into a local folder, only those
missing there or of another size, each checked against the store's size; files the store no
longer holds are removed. The folder is kept across runs:

    KHABAR_REPLAY_CACHE   (default <user cache>/replay; see crawler.storage.cache)/<bucket>/<prefix>
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from crawler.errors import ReplayError
from crawler.replay.index import nothing_to_replay
from crawler.storage import LocalStore, Store
from crawler.storage.atomic import atomic_path
from crawler.storage.cache import user_cache_dir
from crawler.storage.local import TEMP_SUFFIXES

_MIRRORED = (".warc.gz", ".cdxj")
_COPY_CHUNK = 1 << 20


def replay_cache_dir(store: Store) -> Path:
    """The local mirror of a remote store: $KHABAR_REPLAY_CACHE/<bucket>/<prefix>, else under the user's cache."""
    override = os.environ.get("KHABAR_REPLAY_CACHE")
    root = Path(override).expanduser() if override else user_cache_dir() / "replay"
    parsed = urlparse(store.uri)
    parts = [parsed.netloc, *filter(None, parsed.path.split("/"))]
    if not parts[0] or any(part in (".", "..") for part in parts):
        raise ReplayError(f"cannot derive a cache folder from the store URI {store.uri}")
    return root.joinpath(*parts).resolve()


def mirror_store(store: Store, target: Path, echo: Callable[[str], None]) -> LocalStore:
    """Copy the ``warc/`` keys of ``store`` into ``target`` (only missing or resized ones); a LocalStore on it."""
    started = time.monotonic()
    # WARCs before CDXJs: a CDXJ no older than its WARC is what lets replay trust it without reading the WARC
    keys = sorted((k for k in store.list("warc/") if k.endswith(_MIRRORED)), key=lambda k: (k.endswith(".cdxj"), k))
    if not any(k.endswith(".warc.gz") for k in keys):
        raise nothing_to_replay(store)
    sizes = {key: store.size(key) for key in keys}
    wanted = [key for key in keys if _local_size(_mirror_path(target, key)) != sizes[key]]
    total = sum(sizes[key] for key in wanted)
    echo(f"Mirroring {store.describe('warc')} into {target / 'warc'}: {len(wanted)} of {len(keys)} WARC/CDXJ files "
         f"to download ({total / 1e6:.1f} MB), the others are already there.")
    for key in wanted:
        _download(store, key, _mirror_path(target, key), sizes[key])
    removed = _remove_stale(target, set(keys))
    echo(f"Mirrored in {time.monotonic() - started:.1f} s"
         + (f"; removed {removed} file(s) no longer in the store." if removed else "."))
    return LocalStore(target)


def _mirror_path(target: Path, key: str) -> Path:
    path = (target / key).resolve()
    if not path.is_relative_to(target) or not key.startswith("warc/"):
        raise ReplayError(f"{key!r} is not a store key that can be mirrored into {target}")
    return path


def _local_size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _download(store: Store, key: str, path: Path, size: int) -> None:
    """Copy ``key`` to ``path`` whole or not at all, checked against the size the store lists."""
    with atomic_path(path) as temp:
        stream = store.open_read(key)
        try:
            with open(temp, "wb") as out:
                shutil.copyfileobj(stream, out, _COPY_CHUNK)
        finally:
            stream.close()
        got = temp.stat().st_size
        if got != size:
            raise ReplayError(f"downloading {store.describe(key)} gave {got} bytes, but the store lists {size}: "
                              "was it replaced meanwhile? Run khabar replay again.")


def _remove_stale(target: Path, keys: set[str]) -> int:
    """Mirrored files the store no longer holds (and temporary files a killed download left); how many mirrored."""
    removed = 0
    for path in sorted((target / "warc").rglob("*")) if (target / "warc").is_dir() else []:
        leftover = path.name.endswith(TEMP_SUFFIXES)
        if path.is_file() and (leftover or path.name.endswith(_MIRRORED)) \
                and path.relative_to(target).as_posix() not in keys:
            path.unlink()
            removed += 0 if leftover else 1
    return removed
