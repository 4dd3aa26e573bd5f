"""The local-folder store: the default, needs no service."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from crawler.errors import StoreUnavailable
from crawler.storage.base import SpoolStatus
from crawler.storage.layout import is_state_key, state_root

TEMP_SUFFIXES = (".open", ".part", ".tmp")


class LocalStore:
    """Finished files live directly in the store folder; the spool is the folder itself."""

    def __init__(self, root: str | os.PathLike[str], state_outlet: str = "") -> None:
        self.root = Path(root).expanduser().resolve()
        self.uri = str(self.root)
        self.state = state_root(self.root, state_outlet)
        self._ensure_writable()

    def _ensure_writable(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the store folder {self.root}: {exc.strerror}. "
                "Pass --store with a folder you can write to."
            ) from exc
        if not os.access(self.root, os.W_OK):
            raise StoreUnavailable(f"the store folder {self.root} is not writable; pass --store with a folder you can write to.")

    @property
    def spool(self) -> Path:
        return self.root

    def publish(self, key: str) -> None:
        path = self.root / key
        if not path.is_file():
            raise StoreUnavailable(f"cannot publish {key}: {path} does not exist")

    def list(self, prefix: str = "") -> Iterator[str]:
        base = self.root / prefix if prefix else self.root
        if not base.exists():
            return iter(())
        keys = (p.relative_to(self.root).as_posix() for p in base.rglob("*") if p.is_file())
        return iter(sorted(k for k in keys if not k.endswith(TEMP_SUFFIXES) and not is_state_key(k)))

    def exists(self, key: str) -> bool:
        return (self.root / key).is_file()

    def size(self, key: str) -> int:
        return (self.root / key).stat().st_size

    def read_bytes(self, key: str) -> bytes:
        return (self.root / key).read_bytes()

    def read_range(self, key: str, offset: int, length: int) -> bytes:
        with open(self.root / key, "rb") as handle:
            handle.seek(offset)
            return handle.read(length)

    def open_read(self, key: str) -> BinaryIO:
        return open(self.root / key, "rb")

    def describe(self, key: str) -> str:
        return str(self.root / key)

    def drain(self, timeout: float | None = None) -> SpoolStatus:
        """Nothing to wait for: a published file is already in the store."""
        return SpoolStatus(spool_dir=str(self.root))
