"""Uploading one spooled file to S3 and proving the object is that file.

A file is hashed first (SHA-256 of the whole file and of each part), then sent with those
checksums, which the server checks on arrival: ``PutObject`` with ``ChecksumSHA256`` for small
files, a multipart upload with ``ChecksumSHA256`` on every part for large ones. The object is then
confirmed with ``HeadObject``: its size, and its SHA-256 checksum (full, or composite ``…-N`` for
multipart) or, from servers that return no checksum, its MD5 ETag. The file's full SHA-256 also
goes into the object's metadata (``x-amz-meta-sha256``) for later verification without part sizes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.errors import UploadUnverified

MIB = 1024 * 1024
MAX_PARTS = 10_000
_IN_MEMORY = 8 * MIB
_CONTENT_TYPES = {".json": "application/json", ".cdxj": "text/plain; charset=utf-8"}


@dataclass(frozen=True)
class FileIdentity:
    """Which file was uploaded: the spool path may be replaced by a newer file meanwhile."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileIdentity:
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class Digests:
    size: int
    sha256: bytes
    part_size: int
    part_sha256: tuple[bytes, ...]

    @property
    def multipart(self) -> bool:
        return len(self.part_sha256) > 1

    def expected_checksum(self) -> str:
        if not self.multipart:
            return _b64(self.sha256)
        return f"{_b64(hashlib.sha256(b''.join(self.part_sha256)).digest())}-{len(self.part_sha256)}"


def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode("ascii")


def part_size_for(size: int, threshold: int, part_size: int) -> int:
    """One part below the threshold; otherwise ``part_size``, grown so that there are at most 10 000 parts."""
    if size < threshold:
        return max(size, 1)
    return max(part_size, -(-size // MAX_PARTS))


def hash_file(handle: Any, size: int, chunk: int = 8 * MIB) -> bytes:
    """SHA-256 of the first ``size`` bytes of ``handle`` (one pass; the part checksums are made as parts go up)."""
    whole = hashlib.sha256()
    handle.seek(0)
    remaining = size
    while remaining > 0:
        data = handle.read(min(chunk, remaining))
        if not data:
            raise UploadUnverified(f"{handle.name} shrank while it was read ({remaining} bytes missing); "
                                   "it stays spooled")
        whole.update(data)
        remaining -= len(data)
    return whole.digest()


class DaemonPool:
    """A few daemon threads running submitted calls: unlike ThreadPoolExecutor's, they never hold up the
    interpreter's exit after the bounded wait for uploads has given up (the file stays spooled)."""

    def __init__(self, workers: int, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]] = queue.SimpleQueue()
        self._workers, self._name, self._threads = max(1, workers), name, 0
        self._lock = threading.Lock()

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._jobs.put((future, function, args))
        with self._lock:
            if self._threads < self._workers:
                self._threads += 1
                threading.Thread(target=self._run, name=f"{self._name}-{self._threads}", daemon=True).start()
        return future

    def _run(self) -> None:
        while True:
            future, function, args = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting uploader
                future.set_exception(exc)


class ObjectTransfer:
    """Puts spool files into ``bucket`` under ``prefix`` and confirms them; all calls block (run in a thread)."""

    def __init__(self, client: Any, bucket: str, prefix: str, multipart_threshold: int = 64 * MIB,
                 part_size: int = 16 * MIB, part_workers: int = 4) -> None:
        self.client, self.bucket, self.prefix = client, bucket, prefix
        self.multipart_threshold, self.part_size = multipart_threshold, part_size
        self._parts = DaemonPool(part_workers, "khabar-s3-part")

    def object_key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def upload(self, key: str, path: Path) -> tuple[FileIdentity, int]:
        """Upload ``path`` as ``key``, confirm it; return the identity of the file sent and its size."""
        with open(path, "rb") as handle:
            identity = FileIdentity.of(os.fstat(handle.fileno()))
            sha256 = hash_file(handle, identity.size)
            part_size = part_size_for(identity.size, self.multipart_threshold, self.part_size)
            handle.seek(0)
            if identity.size > part_size:
                parts = self._put_multipart(key, handle.fileno(), identity.size, part_size, sha256)
            else:
                self._put_single(key, handle, identity.size, sha256)
                parts = (sha256,)
        self.confirm(key, path, Digests(identity.size, sha256, part_size, parts))
        return identity, identity.size

    def _extra(self, key: str, sha256: bytes) -> dict[str, Any]:
        content_type = _CONTENT_TYPES.get(Path(key).suffix, "application/octet-stream")
        return {"ContentType": content_type, "Metadata": {"sha256": sha256.hex()}}

    def _put_single(self, key: str, handle: Any, size: int, sha256: bytes) -> None:
        """One PUT. Small bodies go as bytes: botocore sends a file object with ``Expect: 100-continue`` and
        then waits up to a second for a server that is busy (e.g. growing a new bucket) before sending it."""
        body = handle.read() if size <= _IN_MEMORY else handle  # a file is rewound by botocore for a retry
        self.client.put_object(Bucket=self.bucket, Key=self.object_key(key), Body=body,
                               ChecksumSHA256=_b64(sha256), **self._extra(key, sha256))

    def _put_multipart(self, key: str, fd: int, size: int, part_size: int, sha256: bytes) -> tuple[bytes, ...]:
        """Parts go up concurrently (threads shared by the store), each read, hashed and sent by its thread;
        return the parts' SHA-256 digests."""
        object_key = self.object_key(key)
        upload = self.client.create_multipart_upload(Bucket=self.bucket, Key=object_key, ChecksumAlgorithm="SHA256",
                                                     **self._extra(key, sha256))
        upload_id = upload["UploadId"]
        futures: list[Future[tuple[dict[str, Any], bytes]]] = []
        try:
            futures += [self._parts.submit(self._put_part, object_key, upload_id, number, fd, offset,
                                           min(part_size, size - offset))
                        for number, offset in enumerate(range(0, size, part_size), start=1)]
            parts = [future.result() for future in futures]
            self.client.complete_multipart_upload(Bucket=self.bucket, Key=object_key, UploadId=upload_id,
                                                  MultipartUpload={"Parts": [part for part, _ in parts]})
        except BaseException:
            for future in futures:
                future.cancel()
            wait(futures)
            self._abort(object_key, upload_id)
            raise
        return tuple(digest for _, digest in parts)

    def _put_part(self, object_key: str, upload_id: str, number: int, fd: int, offset: int,
                  size: int) -> tuple[dict[str, Any], bytes]:
        data = os.pread(fd, size, offset)
        if len(data) != size:
            raise UploadUnverified(f"part {number} of {object_key}: read {len(data)} bytes instead of {size}")
        checksum = _b64(digest := hashlib.sha256(data).digest())
        answer = self.client.upload_part(Bucket=self.bucket, Key=object_key, UploadId=upload_id, PartNumber=number,
                                         Body=data, ChecksumSHA256=checksum)
        return {"PartNumber": number, "ETag": answer["ETag"], "ChecksumSHA256": checksum}, digest

    def _abort(self, object_key: str, upload_id: str) -> None:
        with contextlib.suppress(Exception):  # best effort: servers expire abandoned uploads anyway
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=object_key, UploadId=upload_id)

    def confirm(self, key: str, path: Path, digests: Digests) -> None:
        """Raise UploadUnverified unless the object has the file's size and checksum."""
        head = self.client.head_object(Bucket=self.bucket, Key=self.object_key(key), ChecksumMode="ENABLED")
        where = f"s3://{self.bucket}/{self.object_key(key)}"
        if head.get("ContentLength") != digests.size:
            raise UploadUnverified(f"{where} holds {head.get('ContentLength')} bytes, the spooled file {digests.size}; "
                                   "it stays spooled and will be uploaded again")
        stored = head.get("ChecksumSHA256")
        if stored is not None:
            if stored != digests.expected_checksum():
                raise UploadUnverified(f"{where}: SHA-256 {stored} differs from the spooled file's "
                                       f"{digests.expected_checksum()}; it stays spooled and will be uploaded again")
            return
        self._confirm_etag(where, str(head.get("ETag", "")).strip('"'), path, digests)

    @staticmethod
    def _confirm_etag(where: str, etag: str, path: Path, digests: Digests) -> None:
        expected = _md5_etag(path, digests)
        if etag != expected:
            raise UploadUnverified(
                f"{where}: the server returned no SHA-256 checksum and its ETag {etag!r} is not the file's MD5 "
                f"{expected!r} (encrypted with SSE-KMS, or another file); it stays spooled")


def _md5_etag(path: Path, digests: Digests) -> str:
    md5s = []
    with open(path, "rb") as handle:
        for _ in digests.part_sha256:
            md5s.append(hashlib.md5(handle.read(digests.part_size), usedforsecurity=False).digest())
    if not digests.multipart:
        return md5s[0].hex()
    return f"{hashlib.md5(b''.join(md5s), usedforsecurity=False).hexdigest()}-{len(md5s)}"
