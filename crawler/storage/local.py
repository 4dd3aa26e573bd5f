"""The local-folder store: the default, needs no service."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from crawler.errors import StoreUnavailable

TEMP_SUFFIXES = (".open", ".part", ".tmp")


class LocalStore:
    """Finished files live directly in the store folder; the spool is the folder itself."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).expanduser().resolve()
        self.uri = str(self.root)
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
        return iter(sorted(k for k in keys if not k.endswith(TEMP_SUFFIXES) and not k.startswith("state/")))

    def read_bytes(self, key: str) -> bytes:
        return (self.root / key).read_bytes()

    def describe(self, key: str) -> str:
        return str(self.root / key)
