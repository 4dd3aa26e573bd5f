"""The Store protocol and the URI → store mapping."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import urlparse

from crawler.errors import ConfigInvalid


@runtime_checkable
class Store(Protocol):
    """Where finished archive files live."""

    uri: str

    @property
    def spool(self) -> Path:
        """Local folder where files are written before they are published."""

    def publish(self, key: str) -> None:
        """Make the finished spool file ``key`` durable in the store."""

    def list(self, prefix: str = "") -> Iterator[str]:
        """Keys of finished files under ``prefix``, sorted."""

    def read_bytes(self, key: str) -> bytes:
        """The whole content of a finished file."""

    def describe(self, key: str) -> str:
        """Where ``key`` lives, for humans (a path or a URI)."""


def open_store(uri: str) -> Store:
    """The store for a URI: a local path (``./archive``, ``file:///…``); S3 comes with its issue."""
    from crawler.storage.local import LocalStore

    parsed = urlparse(uri)
    if parsed.scheme in ("", "file") or len(parsed.scheme) == 1:  # one letter: a Windows drive
        return LocalStore(parsed.path if parsed.scheme == "file" else uri)
    raise ConfigInvalid(
        f"unsupported store URI scheme {parsed.scheme!r} in {uri!r}; "
        "use a local folder path (e.g. ./archive) or file:///absolute/path"
    )
