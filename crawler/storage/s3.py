"""S3Store: an ``s3://bucket/prefix`` store on AWS or any S3-compatible server (SeaweedFS, MinIO, Ceph…).

Files are written into a local spool (``<KHABAR_SPOOL_DIR>/<bucket>/<prefix>``) with the store's
layout; ``publish(key)`` hands a finished file to the store's uploader threads and returns at
once. A file leaves the spool only once the bucket holds it with the same size and SHA-256
(``_transfer.py``); failed uploads stay and are retried with backoff, during the run and when the
store is next opened (the spool survives across runs). Opening the store checks the endpoint, the
credentials and the bucket first, so a crawl with a wrong store fails at once, not at its end.

Credentials come only from boto3's chain (environment, profile, instance role): never from the
URI or a setting. One store (one spool, one uploader) per ``s3://`` URI and S3 configuration per process:
the settings a store was opened with are part of its identity, so a store is never reused for others.

Settings:
    KHABAR_S3_ENDPOINT_URL          (None)    the S3 API of an S3-compatible server; None = AWS
    KHABAR_S3_REGION                (None)    None = boto3's (AWS_DEFAULT_REGION, profile), else us-east-1
    KHABAR_SPOOL_DIR                (./.khabar/spool) spool root, kept across runs
    KHABAR_S3_UPLOAD_WORKERS        (4)       uploader threads (files), and as many for the parts of large files
    KHABAR_S3_MULTIPART_THRESHOLD   (64 MiB)  files this large go up in parts
    KHABAR_S3_PART_SIZE             (16 MiB)  part size (at least 5 MiB, the S3 minimum)
    KHABAR_S3_RETRY_MAX_DELAY       (60)      seconds between two tries of a failed upload, at most
    KHABAR_S3_DRAIN_TIMEOUT         (600)     seconds the end of a crawl waits for pending uploads
    KHABAR_SPOOL_KEEP_DIR           (None)    hard-link every published file here first (tests, audits)
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import urlparse

from scrapy.settings import BaseSettings

from crawler.errors import ConfigInvalid, StoreError, StoreUnavailable
from crawler.storage._s3client import Endpoint, Redactor, classify, is_not_found, make_client
from crawler.storage._transfer import MIB, ObjectTransfer
from crawler.storage._uploader import Uploader
from crawler.storage.base import SpoolStatus
from crawler.storage.layout import is_state_key, spool_dir, state_root
from crawler.storage.local import TEMP_SUFFIXES

logger = logging.getLogger(__name__)

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str  # no leading or trailing slash; may be empty

    @classmethod
    def parse(cls, uri: str) -> S3Location:
        parsed = urlparse(uri)
        if "@" in parsed.netloc:
            raise ConfigInvalid("an s3:// store URI must not carry credentials (user:secret@); Khabar reads them only "
                                "from boto3's chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role")
        bucket, prefix = parsed.netloc, parsed.path.strip("/")
        if not _BUCKET.match(bucket) or ".." in bucket:
            raise ConfigInvalid(f"bucket name {bucket!r} in {uri!r} is not valid: use 3 to 63 lowercase letters, digits, "
                                "dots or hyphens, starting and ending with a letter or digit (e.g. s3://khabar-archive/v1)")
        if any(part in ("", ".", "..") for part in prefix.split("/")) and prefix:
            raise ConfigInvalid(f"prefix {prefix!r} in {uri!r} has an empty, '.' or '..' segment; use e.g. s3://{bucket}/archive/v1")
        return cls(bucket, prefix)

    @property
    def uri(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"


@dataclass(frozen=True)
class S3Config:
    endpoint: Endpoint
    spool_root: Path
    multipart_threshold: int = 64 * MIB
    part_size: int = 16 * MIB
    retry_max_delay: float = 60.0
    drain_timeout: float = 600.0
    keep_dir: Path | None = None

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> S3Config:
        url = settings.get("KHABAR_S3_ENDPOINT_URL") or None
        keep = settings.get("KHABAR_SPOOL_KEEP_DIR") or None
        config = cls(
            endpoint=Endpoint(url=url, region=settings.get("KHABAR_S3_REGION") or None,
                              workers=settings.getint("KHABAR_S3_UPLOAD_WORKERS", 4)),
            spool_root=Path(settings.get("KHABAR_SPOOL_DIR") or "./.khabar/spool").expanduser().resolve(),
            multipart_threshold=settings.getint("KHABAR_S3_MULTIPART_THRESHOLD", 64 * MIB),
            part_size=settings.getint("KHABAR_S3_PART_SIZE", 16 * MIB),
            retry_max_delay=settings.getfloat("KHABAR_S3_RETRY_MAX_DELAY", 60.0),
            drain_timeout=settings.getfloat("KHABAR_S3_DRAIN_TIMEOUT", 600.0),
            keep_dir=Path(keep).expanduser().resolve() if keep else None,
        )
        config.validate()
        return config

    def validate(self) -> None:
        url = self.endpoint.url
        if url is not None:
            parsed = urlparse(url)
            if "@" in parsed.netloc:
                raise ConfigInvalid("KHABAR_S3_ENDPOINT_URL must not carry credentials (user:secret@); set "
                                    "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE instead")
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise ConfigInvalid(f"KHABAR_S3_ENDPOINT_URL={url!r} is not an http(s) URL; use e.g. http://127.0.0.1:8333")
        if self.endpoint.workers < 1:
            raise ConfigInvalid(f"KHABAR_S3_UPLOAD_WORKERS={self.endpoint.workers} must be at least 1 (default 4)")
        if self.part_size < 5 * MIB:
            raise ConfigInvalid(f"KHABAR_S3_PART_SIZE={self.part_size} is below the S3 minimum part size of 5 MiB (5242880)")
        if self.retry_max_delay < 1 or self.drain_timeout < 0:
            raise ConfigInvalid("KHABAR_S3_RETRY_MAX_DELAY must be at least 1 second and KHABAR_S3_DRAIN_TIMEOUT at least 0")


class S3Store:
    """An archive store in a bucket, with a local spool and an uploader; see the module docstring."""

    def __init__(self, location: S3Location, config: S3Config, state_outlet: str = "") -> None:
        self.location, self.config = location, config
        self.uri = location.uri
        self._spool = spool_dir(config.spool_root, location.bucket, location.prefix)
        self.state = state_root(self._spool, state_outlet)
        self._client: Any = None
        self._redact: Redactor | None = None
        self._uploader: Uploader | None = None
        self._lock = threading.Lock()
        self.published_since_drain = 0

    # -- plumbing ------------------------------------------------------------------------------
    @property
    def client(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client, self._redact = make_client(self.config.endpoint)
            return self._client

    @property
    def redact(self) -> Redactor:
        self.client  # noqa: B018 - creates the redactor with the client
        assert self._redact is not None
        return self._redact

    @property
    def uploader(self) -> Uploader:
        if self._uploader is None:
            transfer = ObjectTransfer(self.client, self.location.bucket, self.location.prefix,
                                      self.config.multipart_threshold, self.config.part_size,
                                      part_workers=self.config.endpoint.workers)
            self._uploader = Uploader(transfer, self._spool, self.describe, self.redact,
                                      workers=self.config.endpoint.workers, max_delay=self.config.retry_max_delay)
        return self._uploader

    def error(self, exc: BaseException, doing: str) -> StoreError:
        """The Khabar error for a boto3 failure, with a message free of secrets."""
        return classify(exc, bucket=self.location.bucket, uri=self.uri, endpoint=self.config.endpoint,
                        redact=self.redact, doing=doing)

    def object_key(self, key: str) -> str:
        if key.startswith("/") or ".." in key.split("/"):
            raise StoreError(f"{key!r} is not a store key: keys are relative paths such as warc/outlet=x/…")
        return f"{self.location.prefix}/{key}" if self.location.prefix else key

    # -- opening -------------------------------------------------------------------------------
    def preflight(self) -> None:
        """Fail now, with the reason and the next step, if the endpoint, credentials or bucket are wrong."""
        try:
            self.client.list_objects_v2(Bucket=self.location.bucket, Prefix=self.object_key(""), MaxKeys=1)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a KhabarError with a clean message
            raise self.error(exc, "opening the store") from None
        try:
            self._spool.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create the spool folder {self._spool}: {exc.strerror}. "
                                   "Set KHABAR_SPOOL_DIR to a folder you can write to.") from None

    def spooled_files(self) -> list[str]:
        """Finished files waiting in the spool (what a crashed or offline run left behind)."""
        if not self._spool.is_dir():
            return []
        keys = (p.relative_to(self._spool).as_posix() for p in self._spool.rglob("*") if p.is_file())
        return sorted(k for k in keys if not k.endswith(TEMP_SUFFIXES) and not is_state_key(k))

    def resume(self) -> int:
        """Queue the files an earlier run left in the spool; return how many."""
        left = self.spooled_files()
        if left:
            logger.info("%d file(s) left in the spool %s by an earlier run: uploading them to %s",
                        len(left), self._spool, self.uri)
        for key in left:
            self.uploader.submit(key)
        self.published_since_drain += len(left)
        return len(left)

    # -- writers -------------------------------------------------------------------------------
    @property
    def spool(self) -> Path:
        return self._spool

    def publish(self, key: str) -> None:
        """Queue the finished spool file ``key`` for upload; returns at once (the upload runs in a thread)."""
        path = self._spool / key
        self.object_key(key)
        if not path.is_file():
            raise StoreUnavailable(f"cannot publish {key}: {path} does not exist")
        if self.config.keep_dir is not None:
            _keep_copy(path, self.config.keep_dir / key)
        self.published_since_drain += 1
        self.uploader.submit(key)

    def drain(self, timeout: float | None = None) -> SpoolStatus:
        self.published_since_drain = 0
        if self._uploader is None:
            return SpoolStatus(spool_dir=str(self._spool), remote=True)
        status = self.uploader.drain(self.config.drain_timeout if timeout is None else timeout)
        return SpoolStatus(status.uploaded_files, status.uploaded_bytes, status.spooled, status.spool_dir,
                           status.errors, remote=True)

    def pending_uploads(self) -> int:
        """Files queued or uploading now (khabar_uploads_pending); nothing is waited for."""
        return self._uploader.pending() if self._uploader is not None else 0

    # -- readers -------------------------------------------------------------------------------
    def list(self, prefix: str = "") -> Iterator[str]:
        base = self.object_key(prefix.strip("/"))
        base = f"{base}/" if base else ""
        strip = len(self.location.prefix) + 1 if self.location.prefix else 0
        keys: list[str] = []
        try:
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.location.bucket, Prefix=base):
                keys.extend(item["Key"][strip:] for item in page.get("Contents", ()))
        except Exception as exc:  # noqa: BLE001
            raise self.error(exc, f"listing {self.describe(prefix)}") from None
        return iter(sorted(k for k in keys if not k.endswith(TEMP_SUFFIXES)))

    def exists(self, key: str) -> bool:
        try:
            self._head(key)
        except FileNotFoundError:
            return False
        return True

    def size(self, key: str) -> int:
        return int(self._head(key)["ContentLength"])

    def _head(self, key: str) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("head_object", key, Key=self.object_key(key)))

    def read_bytes(self, key: str) -> bytes:
        return bytes(self._call("get_object", key, Key=self.object_key(key))["Body"].read())

    def read_range(self, key: str, offset: int, length: int) -> bytes:
        if length <= 0:
            return b""
        try:
            answer = self._call("get_object", key, Key=self.object_key(key), Range=f"bytes={offset}-{offset + length - 1}")
        except StoreError as exc:
            if "InvalidRange" in str(exc):  # offset at or past the end of the object
                return b""
            raise
        return bytes(answer["Body"].read())

    def open_read(self, key: str) -> BinaryIO:
        return cast(BinaryIO, self._call("get_object", key, Key=self.object_key(key))["Body"])

    def _call(self, operation: str, key: str, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, operation)(Bucket=self.location.bucket, **kwargs)
        except Exception as exc:  # noqa: BLE001
            if is_not_found(exc):
                raise FileNotFoundError(f"{self.describe(key)} is not in the store") from None
            raise self.error(exc, f"reading {self.describe(key)}") from None

    def describe(self, key: str) -> str:
        return f"s3://{self.location.bucket}/{self.object_key(key)}" if key else self.uri


def _keep_copy(path: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)


# -- one store per URI and configuration per process --------------------------------------------
_stores: dict[tuple[S3Location, S3Config, str], S3Store] = {}
_registry_lock = threading.Lock()


def open_s3_store(uri: str, settings: BaseSettings, state_outlet: str = "") -> S3Store:
    """The process's store for ``uri`` as ``settings`` configure it: created, checked and resumed on
    first use, shared afterwards by every caller with the same URI and the same S3 configuration
    (``state_outlet``: a queue job's crawl, which keeps one outlet's state apart; one per process)."""
    location = S3Location.parse(uri)
    config = S3Config.from_settings(settings)
    with _registry_lock:
        store = _stores.get((location, config, state_outlet))
        if store is None:
            store = S3Store(location, config, state_outlet)
            store.preflight()
            store.resume()
            if not _stores:
                atexit.register(_drain_at_exit)
            _stores[(location, config, state_outlet)] = store
    return store


def _drain_at_exit() -> None:
    """``scrapy crawl`` prints no summary: wait for uploads here and say what is left."""
    for store in list(_stores.values()):
        if not store.published_since_drain:  # nothing new since a summary (or sync) waited: do not wait twice
            continue
        status = store.drain()
        if status.spooled:
            logger.warning("%d file(s) are still in the spool %s, not yet in %s; they are uploaded at the next run, "
                           "or now with: khabar store sync --store %s", len(status.spooled), status.spool_dir,
                           store.uri, store.uri)


def forget_stores() -> None:
    """Drop the registry (tests that start from a fresh process's state)."""
    with _registry_lock:
        _stores.clear()
