"""Story dedup: title keys and near-duplicate texts (URL keys: tests/test_urls.py), then a real crawl of demo-hard."""

from __future__ import annotations

import hashlib
import logging
import random
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.records import ArticleRecord, ExtractionInfo, WarcLink, article_id, text_digest
from crawler.storage import LocalStore
from crawler.storage.layout import stories_db
from pipelines.story_dedup import THRESHOLD, StoryDedup, text_signature, title_key
from tests.support.crawls import KHABAR, article_records, run
from tests.support.demo_outlets import DemoOutlets


@pytest.mark.parametrize(("title", "expected"), [
    ("L’été arrive à Tunis", "l été arrive à tunis"),
    ("  L'ÉTÉ   arrive à Tunis !  ", "l été arrive à tunis"),
    ("« Budget 2025 » : le vote — reporté…", "budget 2025 le vote reporté"),
    ("Été", "été"),  # accents kept: not the same key as "ete"
    ("الحكومة تعلن، اليوم، عن خطة جديدة!", "الحكومة تعلن اليوم عن خطة جديدة"),
    ("الحكومـــة تعلن", "الحكومة تعلن"),  # tatweel is decoration
    (None, ""),
])
def test_title_keys(title: str | None, expected: str) -> None:
    assert title_key(title) == expected


def _text(seed: int, words: int = 300) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"mot{i}" for i in range(2000)] + ["le", "la", "de", "et", "à", "في", "من", "على"]
    return [rng.choice(vocab) for _ in range(words)]


def _similar(a: list[str], b: list[str]) -> bool:
    sa, sb = text_signature(" ".join(a)), text_signature(" ".join(b))
    assert sa is not None and sb is not None
    return sa.jaccard(sb) >= THRESHOLD


BASE = _text(1)
NEAR_CASES = [
    ("identical", BASE, True),
    ("one sentence changed", BASE[:150] + ["une", "phrase", "toute", "nouvelle", "ici", "."] + BASE[162:], True),
    ("a paragraph added at the end", BASE + _text(9, 12), True),
    ("punctuation and case differ", [w.upper() for w in BASE], True),
    ("another article", _text(2), False),
    ("same words, another order", sorted(BASE), False),
    ("half of it", BASE[:150] + _text(3, 150), False),
]


@pytest.mark.parametrize(("name", "other", "duplicate"), NEAR_CASES, ids=[c[0] for c in NEAR_CASES])
def test_near_duplicate_texts(name: str, other: list[str], duplicate: bool) -> None:
    assert _similar(BASE, other) is duplicate


@pytest.mark.parametrize(("words", "stored"), [
    (BASE, "0fe826ab636c5d8e"),
    (BASE + BASE[:100] + BASE, "208efe4098970970"),  # repeated passages: repeated shingles change nothing
    (_text(5, 2000), "726065477e960691"),
])
def test_a_signature_is_stored_as_it_always_was(words: list[str], stored: str) -> None:
    """The state files keep signatures across runs and versions: the 32-bit values a text gets never change."""
    signature = text_signature(" ".join(words))
    assert signature is not None and signature.hashvalues.dtype == np.uint32
    assert hashlib.sha256(signature.hashvalues.tobytes()).hexdigest()[:16] == stored


@pytest.mark.parametrize("words", [BASE[:50], BASE, _text(7, 1200), BASE + BASE, [w.upper() for w in _text(8, 90)]],
                         ids=["shortest", "article", "long", "repeated", "upper case"])
def test_a_signature_is_the_one_datasketch_makes_of_the_same_shingles(words: list[str]) -> None:
    """The signature's values are computed over the whole shingle array at once; datasketch's own ``update_batch``
    (its affine32 scheme, the permutations of the signature) gives the very same values."""
    import zlib

    from pipelines.story_dedup import _MASK, _MULT, NUM_PERM, SHINGLE, _datasketch, _template

    folded = " ".join(words).casefold().split()
    hashes = [zlib.crc32(word.encode("utf-8")) for word in folded]
    shingles = []
    for start in range(len(hashes) - SHINGLE + 1):
        value = 0
        for word_hash in hashes[start:start + SHINGLE]:
            value = (value * int(_MULT) + word_hash) & int(_MASK)
        shingles.append(value)
    expected = _datasketch().MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_template().permutations,
                                     scheme="affine32")
    expected.update_batch(shingles)
    signature = text_signature(" ".join(words))
    assert signature is not None and signature.hashvalues.dtype == np.uint32
    assert signature.hashvalues.tolist() == expected.hashvalues.tolist()
    assert signature.jaccard(expected) == 1.0


def test_short_texts_get_no_signature() -> None:
    assert text_signature(" ".join(BASE[:49])) is None
    assert text_signature(" ".join(BASE[:50])) is not None


# --- the pipeline, across runs ---------------------------------------------------------------

def _record(url: str, *, canonical: str | None = None, title: str = "Un titre", day: str = "2026-11-20",
            text: list[str] = BASE, version: int = 1) -> ArticleRecord:
    warc = WarcLink(filename="f.warc.gz", path="warc/f.warc.gz", offset=0, length=1, record_id="<urn:uuid:x>",
                    payload_digest="sha1:X")
    info = ExtractionInfo(method="khabar", version="1", extracted_at="2026-11-24T00:00:00Z")
    body = " ".join(text)
    return ArticleRecord(id=article_id(canonical or url), version=version, crawl_id="c", outlet="o", url=url,
                         canonical_url=canonical or url, title=title, text=body, date_published=f"{day}T08:00:00+01:00",
                         fetched_at="2026-11-24T00:00:00Z", http_status=200, text_digest=text_digest(body),
                         warc=warc, extraction=info)


def _dedup(store: Path) -> StoryDedup:
    crawler = get_crawler(settings_dict={"KHABAR_STORE_URI": str(store)})
    crawler.stats.open_spider()
    return build_from_crawler(StoryDedup, crawler)


def test_each_signal_marks_the_later_copy_and_the_index_outlives_the_run(tmp_path: Path,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="pipelines.story_dedup")
    first = _dedup(tmp_path)
    original = first.process_item(_record("https://x.tn/a/1"))
    assert original.duplicate_of is None
    tracked = first.process_item(_record("https://x.tn/a/1?utm_source=fb", title="Autre", text=_text(5)))
    same_title = first.process_item(_record("https://x.tn/b/2", title="UN TITRE !", text=_text(6)))
    other_day = first.process_item(_record("https://x.tn/b/3", title="Un titre", day="2026-11-21", text=_text(7)))
    assert (tracked.duplicate_of, same_title.duplicate_of, other_day.duplicate_of) == (original.id, original.id, None)
    first.close_spider()

    second = _dedup(tmp_path)  # a later run: the index is read back from state/stories.sqlite
    again = second.process_item(_record("https://x.tn/a/1", text=BASE + ["corrigé"], version=2))
    assert again.duplicate_of is None  # a new version of the original is not a duplicate, of itself or else
    copy = second.process_item(_record("https://x.tn/c/9", title="Republié", day="2026-11-22", text=BASE[:-1]))
    assert copy.duplicate_of == original.id
    copy_v2 = second.process_item(_record("https://x.tn/c/9", title="Republié", text=_text(8), version=2))
    assert copy_v2.duplicate_of == original.id  # versions keep the story their first version was given
    assert second.stats.get_value("khabar/records/duplicates") == 2
    second.close_spider()
    signals = [m.split("(")[-1] for _, _, m in caplog.record_tuples if "duplicate of" in m]
    assert signals == ["canonical-url)", "title-day)", "minhash)", "known-article)"]


# --- a real crawl ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def crawled(demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = tmp_path_factory.mktemp("dedup") / "store"
    args = [*KHABAR, "crawl", "demo-hard", "--catalog-extra", str(demo_outlets.catalog), "--store", str(store)]
    first = run(args)
    assert first.returncode == 0, first.stderr[-3000:]
    records = article_records(store)
    second = run([*args, "--full"])
    assert second.returncode == 0, second.stderr[-3000:]
    groups = demo_outlets.world.duplicate_groups("demo-hard", demo_outlets.server.base_url("demo-hard"))
    return groups, records, store, second


def test_each_story_has_one_original_and_the_other_copies_point_at_it(crawled: Any) -> None:
    groups, records, _, result = crawled
    assert groups
    by_url = {r["url"]: r for r in records}
    for group in groups:
        members = [by_url[url] for url in group]
        originals = [r for r in members if r["duplicate_of"] is None]
        assert len(originals) == 1, group
        assert all(r["duplicate_of"] == originals[0]["id"] for r in members if r is not originals[0])
    grouped = set().union(*groups)
    assert not [r["url"] for r in records if r["url"] not in grouped and r["duplicate_of"]]


def test_a_second_crawl_marks_nothing_as_a_duplicate_of_itself(crawled: Any) -> None:
    groups, first, store, result = crawled
    grouped = set().union(*groups)
    everything = article_records(store)
    assert all(r["duplicate_of"] != r["id"] for r in everything)
    first_crawls = {r["crawl_id"] for r in first}
    later = [r for r in everything if r["crawl_id"] not in first_crawls]
    assert not [r["url"] for r in later if r["duplicate_of"] and r["url"] not in grouped]
    with sqlite3.connect(stories_db(LocalStore(store))) as db:
        rows = db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM stories").fetchone()
    assert rows[0] == rows[1] == len({r["id"] for r in everything})


def test_the_lsh_bands_and_rows_given_are_those_datasketch_would_pick() -> None:
    """StoryIndex gives datasketch its bands and rows (so that SciPy's integrate is not imported to pick them):
    they must be the ones it picks for the threshold and permutations, or near-duplicates would match differently."""
    from datasketch.lsh import _optimal_param

    from pipelines.story_dedup import BANDS, NUM_PERM, ROWS, THRESHOLD

    assert _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5) == (BANDS, ROWS)
# --- the LSH bands kept in the state file ------------------------------------------------------

def _variants(count: int) -> list[list[str]]:
    """Texts of every kind: unrelated ones, copies with a few words changed (found), copies with a tenth changed
    (around the threshold), halves of others (not found)."""
    rng = random.Random(7)
    texts: list[list[str]] = []
    for n in range(count):
        if not texts or n % 4 == 0:
            texts.append(_text(100 + n, 200))
            continue
        source = list(rng.choice(texts))
        changed = rng.choice([2, 8, 20, 40, 100])
        for _ in range(changed):
            source[rng.randrange(len(source))] = f"neuf{rng.randrange(10**6)}"
        texts.append(source)
    return texts


def test_near_duplicates_are_the_ones_an_in_memory_lsh_finds_within_a_run_and_across_runs(tmp_path: Path) -> None:
    from datasketch import MinHashLSH

    texts = _variants(160)
    records = [_record(f"https://x.tn/n/{n}", title=f"Titre {n}", day=f"2026-11-{n % 28 + 1:02d}", text=text)
               for n, text in enumerate(texts)]
    # what the in-memory MinHashLSH of earlier versions found: among the similar records, the first one that is
    # no duplicate itself (else the first one), and its story
    lsh, signatures = MinHashLSH(threshold=THRESHOLD, num_perm=64), {}
    expected: dict[str, str | None] = {}
    for record in records:
        signature = text_signature(record.text)
        assert signature is not None
        similar = [c for c in lsh.query(signature) if signature.jaccard(signatures[c]) >= THRESHOLD]
        similar.sort(key=lambda c: (expected[c] is not None, list(signatures).index(c)))
        expected[record.id] = (expected[similar[0]] or similar[0]) if similar else None
        lsh.insert(record.id, signature)
        signatures[record.id] = signature
    assert 20 < sum(1 for v in expected.values() if v) < 140  # both kinds are tried

    first_run = _dedup(tmp_path)
    found = {r.id: first_run.process_item(r).duplicate_of for r in records[:100]}
    first_run.close_spider()
    second_run = _dedup(tmp_path)  # the bands of the first run come from the state file
    found |= {r.id: second_run.process_item(r).duplicate_of for r in records[100:]}
    second_run.close_spider()
    assert found == expected


def test_a_state_file_from_before_the_bands_gets_them_and_its_stories_are_still_found(tmp_path: Path) -> None:
    first = _dedup(tmp_path)
    original = first.process_item(_record("https://x.tn/a/1"))
    first.close_spider()
    with sqlite3.connect(stories_db(LocalStore(tmp_path))) as db:  # as an earlier version left it
        db.execute("DROP TABLE story_bands")
    later = _dedup(tmp_path)
    copy = later.process_item(_record("https://x.tn/c/9", title="Republié", day="2026-11-22", text=BASE[:-1]))
    later.close_spider()
    assert copy.duplicate_of == original.id
