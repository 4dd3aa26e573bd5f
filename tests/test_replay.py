"""Replay through pywb: a real browser finds the article that a second crawl stored as a revisit.

The demo outlet ``demo-wp`` is crawled twice into one store (child processes, as users run
``khabar crawl``); ``khabar replay`` then runs as a child process on a free port, and headless
Chromium opens the article at the second crawl's timestamp. Broken stores (a corrupt record, a
truncated file without its CDXJ, revisits whose original is gone) are checked without a browser.
"""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import DemoArticle, DemoWorld
from crawler.replay import ReplayIndex, build_index, ensure_pywb, pywb_venv_dir
from crawler.storage import LocalStore
from crawler.storage.layout import STATE_DIR, replay_state_dir
from tests.support.browser import headless_chromium
from tests.support.crawls import KHABAR, run
from tests.support.demo_outlets import DemoOutlets
from tests.support.replay import Replay, replay_timestamp

OUTLET = "demo-wp"


def _spaces(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def store(demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """demo-wp crawled twice: the second crawl (a full refetch, not incremental) finds every page unchanged."""
    folder = tmp_path_factory.mktemp("store")
    for refetch in ([], ["-s", "KHABAR_INCREMENTAL=False"]):
        result = run([*KHABAR, "crawl", OUTLET, "--catalog-extra", str(demo_outlets.catalog), "--store", str(folder),
                      *refetch])
        assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    return folder


@pytest.fixture(scope="module")
def article(demo_outlets: DemoOutlets) -> tuple[DemoArticle, str]:
    """The ground truth: the newest demo-wp article, and its URL on the running demo server."""
    truth = DemoWorld().articles(OUTLET)[0]
    return truth, truth.url(demo_outlets.server.base_urls[OUTLET])


def _captures(store: Path, url: str) -> list[tuple[str, Any, Path, int]]:
    """(WARC-Date, record, file, offset) of every response or revisit of ``url``, oldest first."""
    found = []
    for path in sorted(store.glob("warc/**/*.warc.gz")):
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                if record.rec_type in ("response", "revisit") and record.rec_headers.get_header("WARC-Target-URI") == url:
                    found.append((record.rec_headers.get_header("WARC-Date"), record, path, records.get_record_offset()))
    return sorted(found, key=lambda capture: capture[0])


def _records(store: Path) -> list[Any]:
    found = []
    for path in sorted(store.glob("warc/**/*.warc.gz")):
        with open(path, "rb") as handle:
            found += [record for record in ArchiveIterator(handle)]
    return found


@pytest.fixture(scope="module")
def replay(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replay]:
    server = Replay(store, tmp_path_factory.mktemp("replay") / "stderr.log")
    yield server
    server.stop()


def test_the_second_crawl_stored_the_article_as_a_revisit_of_the_first(store: Path, article: tuple[DemoArticle, str]) -> None:
    _, url = article
    (first_date, first, _, _), (_, second, _, _) = _captures(store, url)
    assert (first.rec_type, second.rec_type) == ("response", "revisit")
    assert second.rec_headers.get_header("WARC-Refers-To-Date") == first_date
    assert second.rec_headers.get_header("WARC-Refers-To") == first.rec_headers.get_header("WARC-Record-ID")


def test_the_browser_finds_headline_and_first_paragraph_at_the_revisit_timestamp(
        store: Path, replay: Replay, article: tuple[DemoArticle, str]) -> None:
    truth, url = article
    revisit_date, revisit, _, _ = _captures(store, url)[-1]
    assert revisit.rec_type == "revisit"
    timestamp = replay_timestamp(revisit_date)
    with headless_chromium() as browser:
        page = browser.new_page()
        page.goto(f"{replay.url}{timestamp}/{url}", wait_until="load")
        frame = page.frame_locator("#replay_iframe")
        headline = frame.locator("h1").first.inner_text(timeout=20_000)
        body = frame.locator("body").inner_text(timeout=20_000)
        framed = [f.url for f in page.frames if "mp_/" in f.url]
    assert _spaces(headline) == _spaces(truth.title)
    assert _spaces(truth.paragraphs[0]) in _spaces(body)
    assert framed == [f"{replay.url}{timestamp}mp_/{url}"]  # served at that very capture, not a nearby one


def test_pywb_answers_with_the_revisit_capture_date(store: Path, replay: Replay, article: tuple[DemoArticle, str]) -> None:
    _, url = article
    revisit_date = _captures(store, url)[-1][0]
    with urllib.request.urlopen(f"{replay.url}{replay_timestamp(revisit_date)}mp_/{url}", timeout=20) as answer:
        memento = answer.headers["Memento-Datetime"]
        body = answer.read()
    assert replay_timestamp(revisit_date)[8:12] in memento.replace(":", "")
    assert b"<h1" in body


# --------------------------------------------------------------------------- broken stores


def _copy(store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store, target, ignore=shutil.ignore_patterns(STATE_DIR))
    return target


def _index(store: Path) -> ReplayIndex:
    python = ensure_pywb(pywb_venv_dir(), print)
    opened = LocalStore(store)
    return build_index(opened, replay_state_dir(opened), python)


def _indexed(index: ReplayIndex) -> list[dict[str, Any]]:
    return [json.loads(line.split(" ", 2)[2]) for line in index.path.read_text(encoding="utf-8").splitlines()]


def _record_offsets(warc: Path) -> list[int]:
    with open(warc, "rb") as handle:
        records = ArchiveIterator(handle)
        return [records.get_record_offset() for _ in records]


def _key(store: Path, path: Path) -> str:
    return path.relative_to(store).as_posix()


def test_a_corrupt_record_is_reported_with_path_and_offset_and_the_rest_is_indexed(
        store: Path, tmp_path: Path, article: tuple[DemoArticle, str]) -> None:
    _, url = article
    broken = _copy(store, tmp_path)
    [(_, _, first, offset), _] = _captures(broken, url)
    data = bytearray(first.read_bytes())
    data[offset + 40:offset + 80] = b"\x00" * 40   # inside the compressed block of the original response
    first.write_bytes(bytes(data))
    index = _index(broken)
    [fault] = index.faults
    assert (fault.file, fault.offset) == (str(first.resolve()), offset)
    assert str(fault).startswith(f"{first.resolve()} @ offset {offset}: corrupt gzip data")
    resumed = min(o for o in _record_offsets(store / _key(broken, first)) if o > offset)  # the next record
    assert fault.next_step == f"bytes {offset}-{resumed - 1} skipped, records from offset {resumed} on are served"
    lines = _indexed(index)
    assert (_key(broken, first), offset) not in {(line["filename"], int(line["offset"])) for line in lines}
    assert any(line["filename"] == _key(broken, first) and int(line["offset"]) > offset for line in lines)
    assert [revisit.url for revisit in index.orphans] == [url]  # its revisit now has no original
    assert not [line for line in lines if line["url"] == url]


def test_a_truncated_warc_without_cdxj_is_indexed_up_to_the_damage(store: Path, tmp_path: Path) -> None:
    broken = _copy(store, tmp_path)
    second = sorted(broken.glob("warc/**/*.warc.gz"))[-1]
    complete = _index(broken)
    second.with_name(second.name.removesuffix(".warc.gz") + ".cdxj").unlink()
    cut = len(second.read_bytes()) // 2
    second.write_bytes(second.read_bytes()[:cut])
    index = _index(broken)
    assert index.checked_now == (1 if hasattr(LocalStore(broken), "size") else 2)  # unchanged files: cached
    [fault] = index.faults
    assert fault.file == str(second.resolve()) and fault.offset is not None and fault.offset < cut
    assert "truncated" in fault.what and fault.next_step == "nothing from this offset on is served"
    assert index.indexed_now == 1
    key = _key(broken, second)
    kept = [(line["filename"], int(line["offset"])) for line in _indexed(complete)
            if line["filename"] != key or int(line["offset"]) < fault.offset]
    assert sorted(kept) == sorted((line["filename"], int(line["offset"])) for line in _indexed(index))
    assert any(name == key for name, _ in kept)


def test_revisits_without_their_original_are_reported_and_never_replayed(
        store: Path, tmp_path: Path, article: tuple[DemoArticle, str]) -> None:
    _, url = article
    broken = _copy(store, tmp_path)
    first = sorted(broken.glob("warc/**/*.warc.gz"))[0]
    first.unlink()
    first.with_name(first.name.removesuffix(".warc.gz") + ".cdxj").unlink()
    [(revisit_date, revisit, _, _)] = _captures(broken, url)
    server = Replay(broken, tmp_path / "stderr.log")
    try:
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{server.url}{replay_timestamp(revisit_date)}mp_/{url}", timeout=20)
        missing.value.close()
        warnings = [line for line in server.stderr().splitlines() if line.startswith("warning: revisit of ")]
    finally:
        server.stop()
    assert missing.value.code == 404
    refers = f"refers to {url} captured {revisit.rec_headers.get_header('WARC-Refers-To-Date')}"
    assert any(f"revisit of {url} captured {revisit_date}" in line and refers in line for line in warnings)
    revisits = [r for r in _records(broken) if r.rec_type == "revisit"]
    assert len(warnings) == len(revisits) > 0
