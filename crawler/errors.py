"""The exceptions Khabar raises on purpose, as one tree.

    KhabarError                  every error Khabar means to raise; the CLI exits non-zero with its text
    ├── CatalogInvalid           a catalog entry fails validation (names the outlet, the field, what is allowed)
    ├── OutletUnknown            an outlet id that is not in the catalog
    ├── ConfigInvalid            contradictory or malformed KHABAR_* settings
    │   └── ScheduleInvalid      a schedule file of khabar schedule: every problem with its file and line
    ├── StoreError               the archive store cannot do what was asked
    │   ├── StoreUnavailable     the store's location does not exist, cannot be written or reached (S3 endpoint down)
    │   ├── BucketMissing        the S3 bucket of the store URI does not exist
    │   ├── CredentialsMissing   boto3's credential chain found no credentials for the S3 store
    │   ├── CredentialsRejected  the S3 server rejected the credentials (unknown key, wrong secret, expired token)
    │   ├── AccessDenied         the credentials are valid but may not do this on the bucket
    │   ├── DiskFull             the store's filesystem is full (ENOSPC, EDQUOT): names the mount point and free space
    │   ├── UploadUnverified     an uploaded object's size or checksum differs from the spooled file
    │   └── UploadsPending       files are still in the local spool after the wait (khabar store sync)
    ├── OutletBusy               another crawl holds the outlet's lock (names its pid, host, start and crawl id)
    ├── QueueUnavailable         the job queue's Redis (KHABAR_QUEUE_URL) cannot be reached or is misnamed
    ├── MetricsPortInUse         the metrics server's port is taken (names the address and what to do)
    ├── ReplayError              pywb could not be installed or started, or the store has nothing to replay
    ├── CorpusFilterUnknown      a corpus filter names an outlet or country the store has no record of (lists the valid ones)
    ├── CorpusEmpty              a corpus's filters match no article (says what each filter alone would leave)
    └── DemoWorldError           the bundled demo world could not start

Every message names the thing, the limit or the cause, and the next step.

``ExitCode`` is the one table of the ``khabar`` command's exit codes; each error class names its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum


class ExitCode(IntEnum):
    """What a ``khabar`` process's exit status means (scripts and schedulers test these).

    A crawl that ends in several of these states exits with the most severe, in this order
    (``ExitCode.most_severe``): first what stopped the crawl or kept it from an outlet, then what it
    found, then what finishes by itself:

        DISK_FULL > LOW_DISK > INTERRUPTED > OUTLET_BUSY > SOME_OUTLETS_FAILED > FILES_STILL_SPOOLED > OK

    (USAGE and ERROR end the command before any of these: they come first.)
    """

    OK = 0
    ERROR = 1                # a KhabarError: the store, the catalog, the demo world… (the message says what to do)
    USAGE = 2                # a bad command line, setting or outlet id
    SOME_OUTLETS_FAILED = 3  # the crawl ran, but some outlet yielded nothing (its reason is in the run report)
    FILES_STILL_SPOOLED = 4  # the crawl ran, but files still wait in the S3 spool (khabar store sync uploads them)
    DISK_FULL = 5            # the store's filesystem is full: the crawl stopped, nothing captured is lost (free space, --resume)
    OUTLET_BUSY = 6          # another crawl holds the outlet's lock (the message names it); nothing was fetched
    NEEDS_ATTENTION = 7      # khabar status --check: an outlet is failing, blocked, interrupted or silent (it lists
                             # them), the store's filesystem is below KHABAR_MIN_FREE_SPACE, or the queue's
                             # Redis (KHABAR_QUEUE_URL) does not answer
    NOTHING_MATCHED = 8      # khabar corpus export: the filters match no article (the message gives the counts without each)
    LOW_DISK = 9             # the disk guard stopped the crawl (KHABAR_MIN_FREE_SPACE): files closed, free space, --resume
    INTERRUPTED = 130        # stopped by SIGINT or SIGTERM before the end: what was archived is kept (--resume continues)

    @classmethod
    def most_severe(cls, codes: Iterable[ExitCode]) -> ExitCode:
        """The exit code of a run that ended in all of ``codes`` (OK when there are none)."""
        return min(codes, key=_PRECEDENCE.index, default=cls.OK)


_PRECEDENCE = (ExitCode.USAGE, ExitCode.ERROR, ExitCode.DISK_FULL, ExitCode.LOW_DISK, ExitCode.INTERRUPTED,
               ExitCode.OUTLET_BUSY, ExitCode.SOME_OUTLETS_FAILED, ExitCode.FILES_STILL_SPOOLED, ExitCode.OK)


class KhabarError(Exception):
    """Base class of every error Khabar raises on purpose."""

    exit_code: int = ExitCode.ERROR


class CatalogInvalid(KhabarError):
    """A catalog entry does not validate."""

    def __init__(self, outlet: str, field: str, problem: str, source: str = "") -> None:
        self.outlet, self.field, self.problem = outlet, field, problem
        where = f" in {source}" if source else ""
        super().__init__(
            f"catalog entry {outlet!r}{where}: field {field!r} {problem}. "
            "Fix the entry (see crawler/data/catalog.yaml for valid examples) and run again."
        )


class OutletUnknown(KhabarError):
    """An outlet id that the catalog does not hold."""

    exit_code = ExitCode.USAGE

    def __init__(self, outlet: str, known: list[str]) -> None:
        close = [k for k in known if outlet.lower() in k or k in outlet.lower()][:5]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        super().__init__(
            f"no outlet {outlet!r} in the catalog.{hint} "
            "Run 'khabar outlets' to list the known outlet ids, or pass a URL to crawl a site that is not in the catalog."
        )


class ConfigInvalid(KhabarError):
    """A KHABAR_* setting is malformed or contradicts another one."""

    exit_code = ExitCode.USAGE


class ScheduleInvalid(ConfigInvalid):
    """A schedule file (``khabar schedule CONFIG.yaml``) does not validate: every problem, each with its line."""

    def __init__(self, problems: list[str], path: str = "") -> None:
        self.problems, self.path = problems, path
        where = f"{path}: " if path else ""
        listed = "\n".join(f"  {where}{problem}" for problem in problems)
        super().__init__(f"the schedule file is not valid ({len(problems)} problem{'s' if len(problems) > 1 else ''}):\n"
                         f"{listed}\nFix the file (README, 'Scheduled crawls', shows the format) and start again.")


class StoreError(KhabarError):
    """The archive store cannot do what was asked."""


class StoreUnavailable(StoreError):
    """The store's location is missing, unreachable or not writable."""


class BucketMissing(StoreError):
    """The bucket named by an ``s3://`` store URI does not exist."""


class CredentialsMissing(StoreError):
    """boto3's credential chain (environment, profile, instance role) found no credentials."""


class CredentialsRejected(StoreError):
    """The S3 server rejected the credentials: unknown access key, wrong secret key or expired token."""


class AccessDenied(StoreError):
    """The credentials are valid, but the policy does not allow this operation on the bucket."""


class DiskFull(StoreError):
    """The store's filesystem (or the spool's) is full or over quota: a write failed with ENOSPC or EDQUOT.

    Built by ``crawler.storage.space.disk_full_error``, whose message names the file, the mount point, the
    free space and the next step.
    """

    exit_code = ExitCode.DISK_FULL

    def __init__(self, message: str, path: str, mount: str) -> None:
        super().__init__(message)
        self.path, self.mount = path, mount


class UploadUnverified(StoreError):
    """An uploaded object does not match the spooled file (size or checksum); the file stays spooled."""


class UploadsPending(StoreError):
    """Files are still waiting in the local spool after the bounded wait for uploads."""


class OutletBusy(KhabarError):
    """Another crawl holds the outlet's lock (``crawler.run.outlet_lock``); nothing was fetched for it."""

    exit_code = ExitCode.OUTLET_BUSY
    HOLDER_AFTER = " is being crawled by "
    """In the message, right before the holder (the scheduler reads the holder of a crawl that exited 6 there)."""

    def __init__(self, outlet: str, holder: str) -> None:
        self.outlet, self.holder = outlet, holder
        super().__init__(f"outlet {outlet}{self.HOLDER_AFTER}{holder}; wait for it to finish or stop it "
                         "(SIGTERM or Ctrl-C stops it cleanly), then run this crawl again")


class QueueUnavailable(KhabarError):
    """The Redis of ``KHABAR_QUEUE_URL`` cannot be reached, or the URL is not a redis:// URL (never shows a password)."""


class MetricsPortInUse(KhabarError):
    """The address ``--metrics-port`` (``KHABAR_METRICS_PORT``) names is taken; nothing was crawled."""

    exit_code = ExitCode.USAGE

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        super().__init__(f"cannot serve metrics on {host}:{port}: the port is already in use (another khabar crawl, "
                         "schedule or exporter?); pick a free port with --metrics-port N (KHABAR_METRICS_PORT), "
                         "or stop what listens there")


class ReplayError(KhabarError):
    """pywb could not be installed or started, or the store has nothing to replay."""


class CorpusFilterUnknown(KhabarError):
    """A corpus filter names an outlet or a country that no article record of the store has."""

    exit_code = ExitCode.USAGE

    def __init__(self, option: str, unknown: list[str], valid: list[str], where: str) -> None:
        self.option, self.unknown, self.valid = option, unknown, valid
        super().__init__(f"{option} {', '.join(unknown)}: no article record of {where} has "
                         f"{'this value' if len(unknown) == 1 else 'these values'}. Valid values: "
                         f"{', '.join(valid) or 'none (the store holds no article record)'}.")


class CorpusEmpty(KhabarError):
    """The filters of a corpus match no article; the message says how many each filter would leave out."""

    exit_code = ExitCode.NOTHING_MATCHED


class DemoWorldError(KhabarError):
    """The bundled demo world could not start."""
