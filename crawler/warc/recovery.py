"""Finishing what a killed crawl left behind, at the start of the next run.

Files still named ``.open`` whose writer is gone (its lock is free) are finished in an order that
makes recovery restartable at any point, including by a second kill during recovery itself:

1. record files are cut back to their last complete record and renamed (published), so every
   record the killed crawl wrote is known before anything is decided;
2. the WARC files are claimed (locked, cut back to their last complete record) but keep their
   ``.open`` name: that name is the durable mark "recovery not done"; so does the journal of a
   dead crawl (``crawler.storage.unfinished.Journal``) for the files it finished (rotated) but
   may not have recorded;
3. ``orphans`` (the crawl's WarcCapture) records the captures that have no record yet and writes
   the WARC links (metadata and resource records) a crawl writes; its record files are finished
   and published before it returns;
4. only then is each WARC file renamed, indexed (CDXJ, dedup) and published, and the journals removed.

A kill before step 4 leaves the WARC files ``.open``: the next run does it all again, and finds
in step 1 the records the killed recovery wrote, so nothing is recorded twice and nothing is lost.

``KHABAR_RECOVERY_PAUSE=<step>`` (a test hook, an environment variable) makes recovery log
"recovery paused at <step>" and sleep at that step, so a test can kill it there: ``record-files``
(after step 1), ``orphan-record`` (after the first record of step 3 is written, before its WARC links),
``records-published`` (after step 3) or ``warc-published`` (after the first WARC file of step 4).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from crawler.storage import Store
from crawler.storage.layout import journals_dir
from crawler.storage.unfinished import (
    Claim,
    claimed,
    claimed_journal,
    dead_journals,
    finish_claimed,
    unfinished_files,
)
from crawler.warc.dedup import Capture, DedupIndex
from crawler.warc.members import iter_members

logger = logging.getLogger(__name__)

PAUSE_ENV = "KHABAR_RECOVERY_PAUSE"
PAUSE_STEPS = ("record-files", "orphan-record", "records-published", "warc-published")


@dataclass(frozen=True, slots=True)
class DeadWarc:
    """A WARC file of a killed crawl: one it left unfinished (claimed and cut, not yet renamed), or one it finished."""

    key: str
    """Its store key once finished (what article records link to)."""
    path: Path | None
    """Where to read it on this machine; None: only in the store (an S3 store uploaded it)."""


Orphans = Callable[[list[DeadWarc]], None]
"""Records (and WARC links) for the captures of dead WARC files that have none; they exist when it returns."""


def recovery_pause(step: str) -> None:
    """The test hook: stop here (for a kill) when ``KHABAR_RECOVERY_PAUSE`` names this step."""
    if os.environ.get(PAUSE_ENV) == step:
        logger.warning("recovery paused at %s (%s is set)", step, PAUSE_ENV)
        time.sleep(3600)


def captures_in(path: Path, key: str) -> list[Capture]:
    """The response records of a finished WARC file, as dedup index entries."""
    captures = []
    with open(path, "rb") as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            if record.rec_type == "response":
                headers = record.rec_headers
                captures.append(Capture(
                    url=headers.get_header("WARC-Target-URI"), digest=headers.get_header("WARC-Payload-Digest"),
                    record_id=headers.get_header("WARC-Record-ID"), date=headers.get_header("WARC-Date"),
                    path=key, offset=iterator.get_record_offset(), length=_length(iterator, record),
                ))
    return captures


def recover_store(store: Store, dedup: DedupIndex, orphans: Orphans | None = None) -> list[str]:
    """Recover every unfinished record and WARC file of dead writers; return the keys published."""
    published = _recover_record_files(store)
    recovery_pause("record-files")
    with ExitStack() as stack:
        journals = _claim_journals(store, stack)
        claims = _claim_warcs(store, stack)
        dead = _dead_warcs(store, claims, journals)
        if dead and orphans is not None:
            orphans(dead)
        recovery_pause("records-published")
        for claim in claims:
            published.append(_finish_warc(store, dedup, claim))
            recovery_pause("warc-published")
        for journal in journals:  # every file they list is settled now
            journal.unlink()
    return published


def _dead_warcs(store: Store, claims: list[Claim], journals: dict[Path, list[str]]) -> list[DeadWarc]:
    """The claimed unfinished files, then the finished files the dead crawls' journals list."""
    dead: dict[str, Path | None] = {claim.final.relative_to(store.spool).as_posix(): claim.open_path
                                    for claim in claims}
    for key in (k for keys in journals.values() for k in keys):
        if key not in dead and ((store.spool / key).is_file() or store.exists(key)):
            dead[key] = store.spool / key if (store.spool / key).is_file() else None
    return [DeadWarc(key, path) for key, path in dead.items()]


def _claim_journals(store: Store, stack: ExitStack) -> dict[Path, list[str]]:
    journals = {}
    for path in dead_journals(journals_dir(store)):
        try:
            journals[path] = stack.enter_context(claimed_journal(path))
        except (BlockingIOError, FileNotFoundError):  # another crawler of this process is recovering it
            continue
    return journals


def _recover_record_files(store: Store) -> list[str]:
    published = []
    for open_path in unfinished_files(store.spool / "records", "*.jsonl.gz"):
        try:
            with claimed(open_path) as claim:
                if _empty(claim):
                    continue
                path = finish_claimed(claim)
        except (BlockingIOError, FileNotFoundError):  # another crawler of this process got there first
            continue
        key = path.relative_to(store.spool).as_posix()
        store.publish(key)
        published.append(key)
    return published


def _empty(claim: Claim) -> bool:
    """A file whose first record never made it (the disk was full): removed, there is nothing to finish."""
    if claim.scan.members:
        return False
    claim.open_path.unlink()
    logger.info("removed %s: a stopped crawl left it without a single complete record", claim.open_path)
    return True


def _claim_warcs(store: Store, stack: ExitStack) -> list[Claim]:
    claims = []
    for open_path in unfinished_files(store.spool / "warc", "*.warc.gz"):
        try:
            claim = stack.enter_context(claimed(open_path))
        except (BlockingIOError, FileNotFoundError):  # another crawler of this process is recovering it
            continue
        if not _empty(claim):
            claims.append(claim)
            _cut_unpaired_response(open_path)
    return claims


def _cut_unpaired_response(path: Path) -> None:
    """Cut a last response (or revisit) whose request record the kill lost: an exchange is archived whole or not at all.

    A crawl writes the response, then its request, then tells the spider: a response without its request
    was never seen by the spider (no record names it), and the resumed crawl fetches the page again.
    """
    with open(path, "r+b") as handle:
        last = None
        for member in iter_members(handle):
            last = member
        if last is None or not _starts_exchange(last.head):
            return
        handle.truncate(last.offset)
        handle.flush()
        os.fsync(handle.fileno())
    logger.warning("cut the last record of %s at offset %d: its request record was lost with the kill "
                   "(the page is fetched again)", path, last.offset)


def _starts_exchange(head: bytes) -> bool:
    header = head.split(b"\r\n\r\n", 1)[0]
    return any(line.strip() in (b"WARC-Type: response", b"WARC-Type: revisit") for line in header.split(b"\r\n"))


def _finish_warc(store: Store, dedup: DedupIndex, claim: Claim) -> str:
    from crawler.warc.capture import finish_warc_file

    path = finish_claimed(claim)
    key = path.relative_to(store.spool).as_posix()
    return finish_warc_file(store, path, dedup, captures_in(path, key))


def _length(iterator: ArchiveIterator, record: object) -> int:
    iterator.read_to_end(record)
    return int(iterator.get_record_length() or 0)
