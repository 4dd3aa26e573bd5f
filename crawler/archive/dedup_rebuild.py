"""``khabar dedup rebuild STORE``: the payload-digest index rebuilt from the store's WARC files.

For a new machine, a lost state folder, or a move from SQLite to Redis (``KHABAR_DEDUP_URI``):
every ``response`` record of every finished WARC (read through the Store API, so a bucket works
too) goes into the index, first capture first, as the crawl would have put it.
"""

from __future__ import annotations

import io
from collections import Counter

from crawler.archive.reading import WARC_READ_ERRORS, iter_entries, open_key, warc_keys
from crawler.storage import Store
from crawler.warc.dedup import Capture, DedupIndex


def rebuild_dedup_index(store: Store, index: DedupIndex) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    problems = []
    for warc in sorted(warc_keys(store), key=lambda k: k.key.rsplit("/", 1)[-1]):  # names sort by time
        captures = []
        try:
            with open_key(store, warc.key) as handle:
                for entry in iter_entries(handle if handle.seekable() else io.BytesIO(handle.read())):
                    if entry.record.rec_type == "response":
                        captures.append(Capture(entry.get("WARC-Target-URI") or "", entry.get("WARC-Payload-Digest") or "",
                                                entry.get("WARC-Record-ID") or "", entry.get("WARC-Date") or "",
                                                warc.key, entry.offset, entry.length))
        except WARC_READ_ERRORS as exc:
            problems.append(f"{warc.key}: unreadable after {len(captures)} responses ({type(exc).__name__}: {exc})")
        index.add(captures)
        counts["warc files"] += 1
        counts["responses indexed"] += len(captures)
    return counts, problems
