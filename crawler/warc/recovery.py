"""Finishing what a killed crawl left behind, at the start of the next run.

WARC and record files still named ``.open`` whose writer is gone (its lock is free) are cut back
to their last complete record, renamed, indexed (CDXJ, dedup) and published, so nothing a killed
crawl archived is lost and no record is rewritten.
"""

from __future__ import annotations

import logging
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from crawler.storage import Store
from crawler.storage.unfinished import recover, unfinished_files
from crawler.warc.dedup import Capture, DedupIndex

logger = logging.getLogger(__name__)


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


def recover_store(store: Store, dedup: DedupIndex) -> list[str]:
    """Recover every unfinished WARC and record file of dead writers; return the keys published."""
    from crawler.warc.capture import finish_warc_file

    published = []
    for open_path in unfinished_files(store.spool / "warc", "*.warc.gz"):
        try:
            path, _ = recover(open_path)
        except (BlockingIOError, FileNotFoundError):  # another crawler of this process got there first
            continue
        key = path.relative_to(store.spool).as_posix()
        published.append(finish_warc_file(store, path, dedup, captures_in(path, key)))
    for open_path in unfinished_files(store.spool / "records", "*.jsonl.gz"):
        try:
            path, _ = recover(open_path)
        except (BlockingIOError, FileNotFoundError):
            continue
        key = path.relative_to(store.spool).as_posix()
        store.publish(key)
        published.append(key)
    return published


def _length(iterator: ArchiveIterator, record: object) -> int:
    iterator.read_to_end(record)
    return int(iterator.get_record_length() or 0)
