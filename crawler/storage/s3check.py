"""``khabar store check`` for an S3 store: each step on its own, each failure with its own message.

    endpoint      an HTTP answer from KHABAR_S3_ENDPOINT_URL (any status: it is up)
    credentials   boto3's chain found credentials and the server accepts their signature
    bucket        the bucket exists (or is created with --create-bucket)
    write/read/delete   a probe object under the prefix, read back byte for byte, deleted
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator

from botocore.exceptions import ClientError, NoCredentialsError

from crawler.errors import AccessDenied, BucketMissing, StoreError, StoreUnavailable
from crawler.storage._s3client import error_code
from crawler.storage.s3 import S3Store

PROBE_DIR = "_khabar-check"


def check_steps(store: S3Store, create_bucket: bool = False) -> Iterator[str]:
    """Run the checks in order, yielding one line per step passed; raise a StoreError at the first failure."""
    yield _endpoint(store)
    yield _credentials(store)
    yield _bucket(store, create_bucket)
    yield from _probe(store)


def _endpoint(store: S3Store) -> str:
    url = store.client.meta.endpoint_url
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10).close()  # noqa: S310
    except urllib.error.HTTPError:
        pass  # an HTTP answer, even 403 or 405, is a server that is up
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreUnavailable(
            f"cannot reach the S3 endpoint {url} ({store.redact(str(reason))}). Check KHABAR_S3_ENDPOINT_URL "
            "(scheme, host and port) and that the server is running and reachable from this machine.") from None
    return f"endpoint      {url} answers"


def _credentials(store: S3Store) -> str:
    found = store.redact.credentials()  # what boto3's chain resolved
    if found is None:
        raise store.error(NoCredentialsError(), "looking for credentials")
    try:
        store.client.list_buckets()
    except ClientError as exc:
        if error_code(exc) != "AccessDenied":  # AccessDenied: the signature was accepted, the policy says no
            raise store.error(exc, "listing buckets") from None
    except Exception as exc:  # noqa: BLE001
        raise store.error(exc, "listing buckets") from None
    method = getattr(found, "method", "") or "boto3's chain"
    return f"credentials   accepted (found by {method})"


def _bucket(store: S3Store, create: bool) -> str:
    bucket = store.location.bucket
    try:
        store.client.head_bucket(Bucket=bucket)
        return f"bucket        {bucket} exists"
    except ClientError as exc:
        if error_code(exc) not in ("404", "NoSuchBucket", "NotFound"):
            if error_code(exc) == "403":
                raise AccessDenied(f"the credentials may not use bucket {bucket!r} at {store.config.endpoint.describe()}"
                                   " (403 on HeadBucket): grant s3:ListBucket on it, or check the bucket name") from None
            raise store.error(exc, "looking for the bucket") from None
    except Exception as exc:  # noqa: BLE001
        raise store.error(exc, "looking for the bucket") from None
    if not create:
        raise BucketMissing(
            f"bucket {bucket!r} does not exist at {store.config.endpoint.describe()}. Create it with "
            f"'khabar store check --store {store.uri} --create-bucket' (or 'aws s3 mb s3://{bucket}'), then run again.")
    try:
        store.client.create_bucket(Bucket=bucket)
    except Exception as exc:  # noqa: BLE001
        raise store.error(exc, f"creating bucket {bucket!r}") from None
    return f"bucket        {bucket} created"


def _probe(store: S3Store) -> Iterator[str]:
    key = f"{PROBE_DIR}/probe-{secrets.token_hex(8)}"
    body = b"khabar store check probe " + secrets.token_bytes(32)
    where = store.describe(key)
    try:
        store.client.put_object(Bucket=store.location.bucket, Key=store.object_key(key), Body=body,
                                ChecksumSHA256=base64.b64encode(hashlib.sha256(body).digest()).decode())
    except Exception as exc:  # noqa: BLE001
        raise store.error(exc, f"writing the probe object {where}") from None
    yield f"write         {where} ({len(body)} bytes, SHA-256 checked by the server)"
    try:
        read = store.read_bytes(key)
    except FileNotFoundError:
        read = b""
    if read != body:
        raise StoreError(f"the probe object {where} read back differs from what was written "
                         f"({len(read)} bytes instead of {len(body)}); the store is not safe to archive into")
    yield f"read          {where} read back identical"
    try:
        store.client.delete_object(Bucket=store.location.bucket, Key=store.object_key(key))
    except Exception as exc:  # noqa: BLE001
        raise store.error(exc, f"deleting the probe object {where} (delete it by hand)") from None
    if store.exists(key):
        raise StoreError(f"the probe object {where} is still there after DeleteObject; delete it by hand")
    yield f"delete        {where} deleted"
