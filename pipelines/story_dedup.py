"""StoryDedup: the later copy of a story gets ``duplicate_of`` = the id of the first record seen.

Three signals, tried in this order:

1. ``canonical-url``: the same canonical URL once normalised by ``crawler.records.urls`` (the
   normalisation article ids are made from: ``utm_*``, ``fbclid``, ``gclid``… and the fragment
   dropped). Records built now share an id when their URLs match here (a new version, not a
   duplicate); this signal catches records whose ids were made before the rules were shared;
2. ``title-day``: the same title key (casefolded, accents kept, punctuation and whitespace
   collapsed) and the same publication day;
3. ``minhash``: near-duplicate text, MinHash over word 5-shingles (64 permutations, LSH
   threshold 0.8), only for texts of at least ``MIN_WORDS`` words.

The record is still written (a distinct URL captured and archived); only ``duplicate_of`` is set.
Per outlet, the store's state folder keeps the index (``state/stories.sqlite``: ids, URL keys,
title keys, signatures, and the LSH bands of each signature), so dedup holds across runs. An id never
duplicates itself: a new version of a known article keeps the ``duplicate_of`` its first version got.

The LSH lives in that file too (table ``story_bands``, indexed), looked up per record: an in-memory
index grew by about 2.4 KB per article (25 MB per 10,000, bench/soak.py) and was rebuilt from every
signature of the outlet when a run started. The banding is datasketch's for this threshold and size
(``BANDS`` × ``ROWS``), so the candidates are the ones ``MinHashLSH`` found.

Settings: KHABAR_STORE_URI (where the state folder lives).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import sys
import unicodedata
import zlib
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.records import ArticleRecord
from crawler.records.urls import normalise_url
from crawler.run.disk_full import drop_when_disk_full
from crawler.storage import layout, store_from_settings
from crawler.storage.state_db import connect_state

# numpy is imported where it is used, with the first record: at start-up it cost the crawl process 40-55 ms of CPU
# before its first request (bench/start_up.py), and the first record imports datasketch's MinHash, hence numpy, anyway
if TYPE_CHECKING:
    import numpy as np
    from datasketch import MinHash

logger = logging.getLogger(__name__)

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 5
MIN_WORDS = 50   # below this, 5-shingles of short teasers and briefs match by chance
BANDS, ROWS = 5, 11  # the LSH banding datasketch's _optimal_param picks for THRESHOLD, NUM_PERM (a test checks it);
#                     part of the state file's format
_SCHEME = "affine32"
_MASK = 0xFFFFFFFF  # the shingles' polynomial hash, mod 2^32 (as numpy.uint64 where it is computed)
_MULT = 1_000_003


def title_key(title: str | None) -> str:
    """Casefolded title, accents kept; punctuation, symbols and whitespace collapsed to one space."""
    if not title:
        return ""
    text = unicodedata.normalize("NFC", title).casefold().replace("\u0640", "")  # Arabic tatweel
    kept = [" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text]
    return " ".join("".join(kept).split())


@functools.cache
def _datasketch() -> ModuleType:
    """datasketch's ``minhash`` module alone, imported when the first article is recorded.

    StoryIndex keeps its own bands (``BANDS, ROWS``) and uses only MinHash; the package's ``__init__`` imports
    every sketch it has, and with them SciPy (its LSH modules pick bands with ``scipy.integrate`` at import time)
    and redis (its asynchronous LSH): 0.34-0.38 s of CPU at the first record with SciPy's integrate, and 10 MB of
    the crawl process's memory for the rest (numpy, which this module uses itself, is the only one left). The
    module is the package's own: a later ``import datasketch`` elsewhere finds it and gives the same MinHash."""
    if "datasketch" in sys.modules:
        return importlib.import_module("datasketch.minhash")
    spec = importlib.util.find_spec("datasketch")
    if spec is None or spec.submodule_search_locations is None:
        return importlib.import_module("datasketch.minhash")  # raises the ImportError that says what is missing
    package = ModuleType("datasketch")  # the package without its __init__: its submodules import as usual
    package.__path__ = list(spec.submodule_search_locations)
    package.__spec__ = spec
    sys.modules["datasketch"] = package
    try:
        return importlib.import_module("datasketch.minhash")
    finally:
        if sys.modules.get("datasketch") is package:
            del sys.modules["datasketch"]


@functools.cache
def _template() -> MinHash:
    """The permutations, built once and shared by every signature. datasketch is imported here, when the first
    article is recorded, not at start-up (see ``_datasketch``)."""
    MinHash = _datasketch().MinHash  # noqa: N806

    return MinHash(num_perm=NUM_PERM, seed=1)


def text_signature(text: str) -> MinHash | None:
    """MinHash of the text's word 5-shingles, or None for texts under MIN_WORDS words."""
    import numpy as np

    words = text.casefold().split()
    if len(words) < MIN_WORDS:
        return None
    mask, mult = np.uint64(_MASK), np.uint64(_MULT)
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))  # UTF-8
    count = len(words) - SHINGLE + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for k in range(SHINGLE):  # a polynomial hash of the five word hashes, mod 2^32
        shingles = (shingles * mult + hashes[k:k + count]) & mask
    return _signature_from_values(_least_images(shingles.astype(np.uint32)))


@functools.cache
def _finaliser() -> tuple[np.uint32, ...]:
    """MurmurHash3's 32-bit finaliser (fmix32): shifts and multipliers."""
    import numpy as np

    return np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16)


def _least_images(shingles: np.ndarray) -> np.ndarray:
    """The MinHash values of 32-bit shingle hashes: for each permutation ``(a, b)`` of the signature's, the least
    ``a * fmix32(s) + b`` (mod 2^32) over the shingles ``s``, which is what datasketch's ``update_batch`` makes of
    them in its ``affine32`` scheme (``tests/test_story_dedup.py`` compares the two), computed over the whole array
    at once: ``update_batch`` took the shingles as a list of Python ints and hashed each with a Python call, 0.1 ms
    of the crawl process's CPU an article of 800 words (of 0.35 for the whole signature). Every shingle, repeats
    included: a minimum over them is the minimum over the distinct ones."""
    import numpy as np

    first, multiplier, second, then, third = _finaliser()
    mixed = shingles ^ (shingles >> first)
    mixed = mixed * multiplier
    mixed = mixed ^ (mixed >> second)
    mixed = mixed * then
    mixed = mixed ^ (mixed >> third)
    a, b = _template().permutations
    return np.asarray((np.multiply.outer(mixed, a) + b).min(axis=0), dtype=np.uint32)


def _signature_from_values(values: np.ndarray) -> MinHash:
    MinHash = _datasketch().MinHash  # noqa: N806
    return MinHash(hashvalues=values, permutations=_template().permutations, scheme=_SCHEME, hashfunc=int)


def _signature_from(data: bytes) -> MinHash:
    import numpy as np

    return _signature_from_values(np.frombuffer(data, dtype=np.uint32))


class StoryIndex:
    """Per-outlet story keys in SQLite; near-duplicate texts found through the LSH bands stored beside them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = connect_state(path, timeout=5.0)
        self._db.execute("CREATE TABLE IF NOT EXISTS stories (outlet TEXT NOT NULL, id TEXT NOT NULL, "
                         "url_key TEXT NOT NULL, title_key TEXT NOT NULL, day TEXT NOT NULL, "
                         "signature BLOB, duplicate_of TEXT, PRIMARY KEY (outlet, id))")
        self._db.execute("CREATE INDEX IF NOT EXISTS stories_url ON stories (outlet, url_key)")
        self._db.execute("CREATE INDEX IF NOT EXISTS stories_title ON stories (outlet, title_key, day)")
        self._add_bands_table()

    def _add_bands_table(self) -> None:
        """Create ``story_bands``; a state file from before it existed gets the bands of every signature it holds,
        once, in the same transaction (another crawl of the store waits for it)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            if self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_bands'").fetchone():
                self._db.execute("COMMIT")
                return
            self._db.execute("CREATE TABLE story_bands (outlet TEXT NOT NULL, band INTEGER NOT NULL, "
                             "key BLOB NOT NULL, id TEXT NOT NULL)")
            self._db.execute("CREATE INDEX story_bands_key ON story_bands (outlet, band, key)")
            rows = self._db.execute("SELECT outlet, id, signature FROM stories WHERE signature IS NOT NULL "
                                    "ORDER BY rowid").fetchall()
            for outlet, article_id, blob in rows:
                import numpy as np

                self._insert_bands(outlet, article_id, np.frombuffer(blob, dtype=np.uint32))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.rollback()
            raise

    def known(self, outlet: str, article_id: str) -> tuple[bool, str | None]:
        row = self._db.execute("SELECT duplicate_of FROM stories WHERE outlet = ? AND id = ?",
                               (outlet, article_id)).fetchone()
        return (row is not None, row[0] if row else None)

    def by_url(self, outlet: str, key: str, article_id: str) -> str | None:
        return self._first("url_key = ?", (outlet, key, article_id))

    def by_title(self, outlet: str, key: str, day: str, article_id: str) -> str | None:
        if not key or not day:
            return None
        return self._first("title_key = ? AND day = ?", (outlet, key, day, article_id))

    def by_text(self, outlet: str, signature: MinHash, article_id: str) -> str | None:
        """The story of the earliest record whose signature shares a band with ``signature`` (the LSH candidates)
        and whose estimated Jaccard similarity is at least THRESHOLD."""
        bands = [(outlet, band, key) for band, key in enumerate(_band_keys(signature.hashvalues))]
        candidates = {row[0] for row in self._db.execute(_BAND_LOOKUP, [value for band in bands for value in band])}
        candidates.discard(article_id)
        similar = [c for c in sorted(candidates) if signature.jaccard(self._signature(outlet, c)) >= THRESHOLD]
        return self._earliest(outlet, similar)

    def remember(self, record: ArticleRecord, keys: StoryKeys, signature: MinHash | None,
                 duplicate_of: str | None) -> None:
        import numpy as np

        blob = signature.hashvalues.astype(np.uint32).tobytes() if signature is not None else None
        self._db.execute("BEGIN")
        try:  # the story and its bands together: a story without bands would never be found by its text
            added = self._db.execute("INSERT OR IGNORE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)", (
                record.outlet, record.id, keys.url, keys.title, keys.day, blob, duplicate_of)).rowcount
            if signature is not None and added:
                self._insert_bands(record.outlet, record.id, signature.hashvalues)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.rollback()
            raise

    def close(self) -> None:
        self._db.close()

    def _insert_bands(self, outlet: str, article_id: str, hashvalues: np.ndarray) -> None:
        self._db.executemany("INSERT INTO story_bands VALUES (?, ?, ?, ?)",
                             [(outlet, band, key, article_id) for band, key in enumerate(_band_keys(hashvalues))])

    def _signature(self, outlet: str, article_id: str) -> MinHash:
        row = self._db.execute("SELECT signature FROM stories WHERE outlet = ? AND id = ?", (outlet, article_id)).fetchone()
        return _signature_from(row[0])

    def _first(self, where: str, args: tuple[str, ...]) -> str | None:
        # the story's first record: the one that is itself no duplicate, else the earliest row
        row = self._db.execute(f"SELECT COALESCE(duplicate_of, id) FROM stories WHERE outlet = ? AND {where} "  # noqa: S608 -- fixed clauses
                               "AND id != ? ORDER BY duplicate_of IS NOT NULL, rowid LIMIT 1", args).fetchone()
        return str(row[0]) if row else None

    def _earliest(self, outlet: str, ids: list[str]) -> str | None:
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        row = self._db.execute(f"SELECT COALESCE(duplicate_of, id) FROM stories WHERE outlet = ? AND id IN ({marks}) "  # noqa: S608 -- placeholders only
                               "ORDER BY duplicate_of IS NOT NULL, rowid LIMIT 1", (outlet, *ids)).fetchone()
        return str(row[0]) if row else None


_BAND_LOOKUP = " UNION ALL ".join(["SELECT id FROM story_bands WHERE outlet = ? AND band = ? AND key = ?"] * BANDS)
"""Every band in one statement, each through the (outlet, band, key) index (an OR of them would scan the outlet's)."""


def _band_keys(hashvalues: np.ndarray) -> list[bytes]:
    """The LSH band keys of a signature: each band's ROWS hash values (32-bit, as stored) as bytes. Two signatures
    are LSH candidates when they have a key in common at the same band, as in datasketch's MinHashLSH."""
    import numpy as np

    values = np.asarray(hashvalues).astype(np.uint32)
    return [values[band * ROWS:(band + 1) * ROWS].tobytes() for band in range(BANDS)]


class StoryKeys(NamedTuple):
    """What a record is looked up and remembered by: its canonical URL normalised, its title key, its publication
    day."""

    url: str
    title: str
    day: str

    @classmethod
    def of(cls, record: ArticleRecord) -> StoryKeys:
        return cls(normalise_url(record.canonical_url), title_key(record.title), _publication_day(record.date_published))


def _publication_day(date: str | None) -> str:
    """``YYYY-MM-DD`` of an ISO 8601 publication date as written (its own offset), or \"\"."""
    return date[:10] if date and len(date) >= 10 else ""


class StoryDedup:
    def __init__(self, index: StoryIndex, stats: StatsCollector, crawler: Crawler) -> None:
        self.index, self.stats, self.crawler = index, stats, crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoryDedup:
        assert crawler.stats is not None
        return cls(StoryIndex(layout.stories_db(store_from_settings(crawler.settings))), crawler.stats, crawler)

    def process_item(self, item: object, spider: Spider | None = None) -> object:
        if not isinstance(item, ArticleRecord):
            return item
        seen, earlier = self.index.known(item.outlet, item.id)
        if seen:  # a new version of a known article: same story as before, never its own duplicate
            signal = "known-article" if earlier else None
        else:
            keys, signature = StoryKeys.of(item), text_signature(item.text)
            signal, earlier = self._match(item, keys, signature)
            with drop_when_disk_full(self.crawler, self.index.path, item.url):
                self.index.remember(item, keys, signature, earlier)
        if earlier is None or earlier == item.id:
            return item
        item = replace(item, duplicate_of=earlier)
        self.stats.inc_value("khabar/records/duplicates")
        logger.info("%s: duplicate of %s (%s)", item.url, earlier, signal)
        return item

    def _match(self, item: ArticleRecord, keys: StoryKeys, signature: MinHash | None) -> tuple[str | None, str | None]:
        outlet, own = item.outlet, item.id
        found = self.index.by_url(outlet, keys.url, own)
        if found:
            return "canonical-url", found
        found = self.index.by_title(outlet, keys.title, keys.day, own)
        if found:
            return "title-day", found
        found = self.index.by_text(outlet, signature, own) if signature is not None else None
        return ("minhash", found) if found else (None, None)

    def close_spider(self, spider: Spider | None = None) -> None:
        self.index.close()
