"""boto3 plumbing for the S3 store: the client, error classification, and secret-free messages.

Credentials come only from boto3's own chain (environment, shared profile, instance role); they are
never read from a URI or a setting, so they never reach Scrapy's settings dump. Every message
built from a botocore error goes through ``Redactor`` first: some servers echo the access key id
in their error text, and botocore's debug log prints the Authorization header, so its loggers are
kept at WARNING.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
    ReadTimeoutError,
)
from botocore.exceptions import (
    ConnectTimeoutError as BotoConnectTimeoutError,
)

from crawler.errors import (
    AccessDenied,
    BucketMissing,
    CredentialsMissing,
    CredentialsRejected,
    StoreError,
    StoreUnavailable,
)

_CREDENTIAL_CODES = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken",
                     "TokenRefreshRequired", "InvalidSecurity", "AuthorizationHeaderMalformed"}
_KEY_ID_PATTERN = re.compile(r"\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b")
_CHATTY_LOGGERS = ("botocore", "boto3", "s3transfer", "urllib3")


def quiet_boto_loggers() -> None:
    """botocore logs request headers (with the access key id) at DEBUG: keep its loggers at WARNING."""
    for name in _CHATTY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)


class Redactor:
    """Removes the session's access key id, secret key and token (and key-id-shaped words) from text."""

    def __init__(self, session: Any) -> None:
        self._session = session

    def credentials(self) -> Any:
        """The credentials boto3's chain resolved (None when it found none)."""
        try:
            return self._session.get_credentials()
        except BotoCoreError:
            return None

    def secrets(self) -> list[str]:
        credentials = self.credentials()
        try:
            frozen = credentials.get_frozen_credentials() if credentials is not None else None
        except BotoCoreError:
            return []
        if frozen is None:
            return []
        return [s for s in (frozen.access_key, frozen.secret_key, frozen.token) if s and len(s) >= 4]

    def __call__(self, text: str) -> str:
        for secret in sorted(self.secrets(), key=len, reverse=True):
            text = text.replace(secret, "***")
        return _KEY_ID_PATTERN.sub("***", text)


@dataclass(frozen=True)
class Endpoint:
    """Where the S3 API is and how to call it (no credentials here, ever)."""

    url: str | None
    region: str | None
    workers: int

    def describe(self) -> str:
        return self.url or "AWS S3 (no KHABAR_S3_ENDPOINT_URL)"


def make_client(endpoint: Endpoint, attempts: int = 3, connect_timeout: float = 5) -> tuple[Any, Redactor]:
    """A thread-safe S3 client for ``endpoint`` and the redactor of its session's credentials."""
    quiet_boto_loggers()
    session = boto3.session.Session()
    region = endpoint.region or session.region_name or "us-east-1"
    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": "path" if endpoint.url else "auto"},
        retries={"max_attempts": attempts, "mode": "standard"},
        connect_timeout=connect_timeout,
        read_timeout=60,
        max_pool_connections=max(10, endpoint.workers + 2),
        request_checksum_calculation="when_required",  # we send SHA-256 checksums ourselves
        response_checksum_validation="when_required",
    )
    client = session.client("s3", endpoint_url=endpoint.url, region_name=region, config=config)
    return client, Redactor(session)


def error_code(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        return str(error.get("Code") or exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", ""))
    return type(exc).__name__


def is_not_found(exc: BaseException) -> bool:
    return isinstance(exc, ClientError) and error_code(exc) in ("404", "NoSuchKey", "NotFound")


def classify(exc: BaseException, *, bucket: str, uri: str, endpoint: Endpoint, redact: Redactor,
             doing: str) -> StoreError:
    """The Khabar error for a boto3 failure while ``doing`` something, its message free of secrets."""
    if isinstance(exc, NoCredentialsError | PartialCredentialsError):
        return CredentialsMissing(
            f"no S3 credentials found for {uri} while {doing}. Khabar reads them only from boto3's chain: set "
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones), or AWS_PROFILE, "
            "or run on a machine with an instance role; never put them in the store URI.")
    if isinstance(exc, EndpointConnectionError | BotoConnectTimeoutError | ConnectionClosedError | ReadTimeoutError):
        return StoreUnavailable(
            f"cannot reach the S3 endpoint {endpoint.describe()} while {doing} ({redact(type(exc).__name__)}). "
            "Check KHABAR_S3_ENDPOINT_URL and that the server is running and reachable from here; "
            f"'khabar store check --store {uri}' tests the connection step by step.")
    if isinstance(exc, ClientError):
        return _classify_client_error(exc, bucket=bucket, uri=uri, endpoint=endpoint, redact=redact, doing=doing)
    return StoreError(f"S3 store {uri}: {doing} failed: {redact(str(exc))}")


def _classify_client_error(exc: ClientError, *, bucket: str, uri: str, endpoint: Endpoint, redact: Redactor,
                           doing: str) -> StoreError:
    code = error_code(exc)
    message = redact(str(exc.response.get("Error", {}).get("Message") or ""))
    detail = f"{code}: {message}" if message else code
    if code in ("NoSuchBucket",):
        return BucketMissing(
            f"bucket {bucket!r} does not exist at {endpoint.describe()} ({uri}). Create it with "
            f"'khabar store check --store {uri} --create-bucket' (or your provider's console or "
            f"'aws s3 mb s3://{bucket}'), then run again.")
    if code in _CREDENTIAL_CODES:
        return CredentialsRejected(
            f"the S3 server at {endpoint.describe()} rejected the credentials while {doing} ({detail}). "
            "Check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or AWS_PROFILE "
            "(Khabar reads credentials only from boto3's chain), then run "
            f"'khabar store check --store {uri}'.")
    if code in ("AccessDenied", "403", "AllAccessDisabled"):
        return AccessDenied(
            f"access denied while {doing} on bucket {bucket!r} at {endpoint.describe()} ({detail}). "
            "The credentials work but their policy does not allow this: grant s3:ListBucket, s3:PutObject, "
            "s3:GetObject (and s3:DeleteObject for 'khabar store check') on the bucket and prefix.")
    return StoreError(f"S3 store {uri}: {doing} failed at {endpoint.describe()} ({redact(detail)}).")
