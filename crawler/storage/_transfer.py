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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.errors import UploadUnverified

MIB = 1024 * 1024
MAX_PARTS = 10_000
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


def hash_file(handle: Any, size: int, part_size: int) -> Digests:
    whole, parts = hashlib.sha256(), []
    handle.seek(0)
    remaining = size
    while remaining > 0:
        data = handle.read(min(part_size, remaining))
        if not data:
            break
        whole.update(data)
        parts.append(hashlib.sha256(data).digest())
        remaining -= len(data)
    if remaining:
        raise UploadUnverified(f"{handle.name} shrank while it was read ({remaining} bytes missing); it stays spooled")
    return Digests(size, whole.digest(), part_size, tuple(parts) or (hashlib.sha256(b"").digest(),))


class ObjectTransfer:
    """Puts spool files into ``bucket`` under ``prefix`` and confirms them; all calls block (run in a thread)."""

    def __init__(self, client: Any, bucket: str, prefix: str, multipart_threshold: int = 64 * MIB,
                 part_size: int = 16 * MIB) -> None:
        self.client, self.bucket, self.prefix = client, bucket, prefix
        self.multipart_threshold, self.part_size = multipart_threshold, part_size

    def object_key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def upload(self, key: str, path: Path) -> tuple[FileIdentity, int]:
        """Upload ``path`` as ``key``, confirm it; return the identity of the file sent and its size."""
        with open(path, "rb") as handle:
            identity = FileIdentity.of(os.fstat(handle.fileno()))
            digests = hash_file(handle, identity.size, part_size_for(identity.size, self.multipart_threshold,
                                                                     self.part_size))
            handle.seek(0)
            if digests.multipart:
                self._put_multipart(key, handle, digests)
            else:
                self._put_single(key, handle, digests)
        self.confirm(key, path, digests)
        return identity, identity.size

    def _extra(self, key: str, digests: Digests) -> dict[str, Any]:
        content_type = _CONTENT_TYPES.get(Path(key).suffix, "application/octet-stream")
        return {"ContentType": content_type, "Metadata": {"sha256": digests.sha256.hex()}}

    def _put_single(self, key: str, handle: Any, digests: Digests) -> None:
        body = handle.read()
        self.client.put_object(Bucket=self.bucket, Key=self.object_key(key), Body=body,
                               ChecksumSHA256=_b64(digests.sha256), **self._extra(key, digests))

    def _put_multipart(self, key: str, handle: Any, digests: Digests) -> None:
        object_key = self.object_key(key)
        upload = self.client.create_multipart_upload(Bucket=self.bucket, Key=object_key, ChecksumAlgorithm="SHA256",
                                                     **self._extra(key, digests))
        upload_id = upload["UploadId"]
        try:
            parts = [self._put_part(object_key, upload_id, number, handle.read(digests.part_size), checksum)
                     for number, checksum in enumerate(digests.part_sha256, start=1)]
            self.client.complete_multipart_upload(Bucket=self.bucket, Key=object_key, UploadId=upload_id,
                                                  MultipartUpload={"Parts": parts})
        except BaseException:
            self._abort(object_key, upload_id)
            raise

    def _put_part(self, object_key: str, upload_id: str, number: int, data: bytes, checksum: bytes) -> dict[str, Any]:
        answer = self.client.upload_part(Bucket=self.bucket, Key=object_key, UploadId=upload_id, PartNumber=number,
                                         Body=data, ChecksumSHA256=_b64(checksum))
        return {"PartNumber": number, "ETag": answer["ETag"], "ChecksumSHA256": _b64(checksum)}

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
