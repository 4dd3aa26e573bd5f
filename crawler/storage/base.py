"""The Store protocol, the spool status it reports, and the URI → store mapping.

Writers use ``spool`` and ``publish``; readers (verify, reextract, replay, exports) use ``list``,
``exists``, ``size``, ``read_bytes``, ``read_range`` and ``open_read``, which behave the same on a
local folder and on a bucket. ``drain`` waits (bounded) for pending uploads and says what is
still spooled; a local store has nothing to wait for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol, runtime_checkable
from urllib.parse import urlparse

from crawler.errors import ConfigInvalid

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


@dataclass(frozen=True)
class SpoolStatus:
    """What publishing did so far: files confirmed in the store, files still waiting locally."""

    uploaded_files: int = 0
    uploaded_bytes: int = 0
    spooled: tuple[str, ...] = ()
    spool_dir: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # key → last upload error (already sanitised)
    remote: bool = False  # True when publishing uploads (S3), False for a local folder


@runtime_checkable
class Store(Protocol):
    """Where finished archive files live."""

    uri: str

    @property
    def spool(self) -> Path:
        """Local folder where files are written before they are published."""

    def publish(self, key: str) -> None:
        """Make the finished spool file ``key`` durable in the store (may return before it is)."""

    def list(self, prefix: str = "") -> Iterator[str]:
        """Keys of finished files under ``prefix``, sorted."""

    def exists(self, key: str) -> bool:
        """Whether the finished file ``key`` is in the store."""

    def size(self, key: str) -> int:
        """Size of ``key`` in bytes; FileNotFoundError when it is not in the store."""

    def read_bytes(self, key: str) -> bytes:
        """The whole content of a finished file; FileNotFoundError when it is not in the store."""

    def read_range(self, key: str, offset: int, length: int) -> bytes:
        """``length`` bytes of ``key`` from ``offset`` (e.g. one WARC record); fewer at the end of the file."""

    def open_read(self, key: str) -> BinaryIO:
        """A readable binary stream of ``key``, for files too large to hold in memory; close it."""

    def describe(self, key: str) -> str:
        """Where ``key`` lives, for humans (a path or a URI)."""

    def drain(self, timeout: float | None = None) -> SpoolStatus:
        """Wait at most ``timeout`` seconds (None: the store's setting) for pending uploads; say what is left."""


def store_from_settings(settings: BaseSettings) -> Store:
    """The store ``KHABAR_STORE_URI`` names, configured by the same ``settings`` (what every component opens)."""
    uri = settings.get("KHABAR_STORE_URI")
    if not uri:
        raise ConfigInvalid("KHABAR_STORE_URI is empty; set it to a folder (e.g. ./archive) or s3://bucket/prefix")
    return open_store(str(uri), settings)


def local_spool(settings: BaseSettings) -> Path:
    """The local folder of the store ``KHABAR_STORE_URI`` names (its spool: where its ``state/`` lives), found
    without opening the store: no connection to a bucket, no upload started (what a scheduler needs)."""
    uri = str(settings.get("KHABAR_STORE_URI") or "")
    parsed = urlparse(uri)
    if parsed.scheme == "s3":
        from crawler.storage.layout import spool_dir
        from crawler.storage.s3 import S3Config, S3Location

        location = S3Location.parse(uri)
        return spool_dir(S3Config.from_settings(settings).spool_root, location.bucket, location.prefix)
    return store_from_settings(settings).spool  # a folder: opening it only checks it can be written


def open_store(uri: str, settings: BaseSettings) -> Store:
    """The store for a URI: a local path (``./archive``, ``file:///…``) or ``s3://bucket/prefix``.

    ``settings`` (built by ``crawler.run.settings.khabar_settings``, or a crawler's) configure an S3
    store: endpoint, spool, uploads. Within one process, calls with the same ``s3://`` URI and the
    same S3 configuration return the same store, so that its spool has one uploader; other settings
    get a store of their own.
    """
    from crawler.storage.local import LocalStore

    parsed = urlparse(uri)
    if parsed.scheme in ("", "file") or len(parsed.scheme) == 1:  # one letter: a Windows drive
        return LocalStore(parsed.path if parsed.scheme == "file" else uri)
    if parsed.scheme == "s3":
        from crawler.storage.s3 import open_s3_store

        return open_s3_store(uri, settings)
    raise ConfigInvalid(
        f"unsupported store URI scheme {parsed.scheme!r} in {_without_userinfo(uri)!r}; "
        "use a local folder path (e.g. ./archive), file:///absolute/path or s3://bucket/prefix"
    )


def _without_userinfo(uri: str) -> str:
    parsed = urlparse(uri)
    if "@" not in parsed.netloc:
        return uri
    return parsed._replace(netloc="***@" + parsed.netloc.rpartition("@")[2]).geturl()
