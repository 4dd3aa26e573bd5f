"""``khabar replay`` starts from the CDXJ files beside the WARCs: a WARC with a CDXJ that indexes it is never opened.

The observable is every file the process opens while the index is built (a Python audit hook on
``open``): WARC files must not be among them, except those a start has a reason to read.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from crawler.replay.index import ReplayIndex, build_index
from crawler.storage import LocalStore
from crawler.storage.layout import replay_state_dir
from tests.support.many_warcs import article_url, write_many_warcs

COUNT = 300
NO_PYWB = Path("/nonexistent/pywb/bin/python")  # cdxj-indexer is only needed for a WARC without a CDXJ

_opened: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


@contextmanager
def _watching_opens() -> Iterator[list[str]]:
    global _opened
    _opened = seen = []
    try:
        yield seen
    finally:
        _opened = None


def _start(root: Path) -> tuple[ReplayIndex, list[str]]:
    store = LocalStore(root)
    with _watching_opens() as seen:
        index = build_index(store, replay_state_dir(store), NO_PYWB)
    return index, seen


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("many") / "store"
    return root, write_many_warcs(root, COUNT)


@pytest.fixture
def store(generated: tuple[Path, list[Path]], tmp_path: Path) -> tuple[Path, list[Path]]:
    root, paths = generated
    copy = tmp_path / "store"
    shutil.copytree(root, copy)  # copy2: modification times kept
    return copy, [copy / p.relative_to(root) for p in paths]


def _lines(index: ReplayIndex) -> list[dict[str, Any]]:
    return [json.loads(line.split(" ", 2)[2]) for line in index.path.read_text(encoding="utf-8").splitlines()]


def test_a_cold_start_indexes_every_capture_without_opening_a_single_warc(store: tuple[Path, list[Path]]) -> None:
    root, paths = store
    index, opened = _start(root)
    assert [p for p in opened if p.endswith(".warc.gz")] == []
    assert sum(p.endswith(".cdxj") for p in opened) == COUNT
    assert (index.warcs, index.from_cdxj, index.checked_now, index.indexed_now) == (COUNT, COUNT, 0, 0)
    assert index.faults == [] and index.orphans == []
    lines = _lines(index)
    assert len(lines) == index.captures == COUNT * 2 + COUNT // 3  # response, text resource, a revisit every third
    assert {line["filename"] for line in lines} == {p.relative_to(root).as_posix() for p in paths}
    assert {line["url"] for line in lines if line.get("mime") == "text/html"} == {article_url(n) for n in range(COUNT)}


def test_a_warm_start_reads_neither_warcs_nor_cdxj_and_keeps_the_index(store: tuple[Path, list[Path]]) -> None:
    root, _ = store
    first, _ = _start(root)
    before = first.path.read_bytes()
    again, opened = _start(root)
    assert again.reused and again.captures == first.captures
    assert [p for p in opened if p.endswith((".warc.gz", ".cdxj"))] == []
    assert again.path.read_bytes() == before


def test_only_a_warc_changed_after_its_cdxj_is_read_and_its_damage_is_reported(store: tuple[Path, list[Path]]) -> None:
    root, paths = store
    _start(root)
    changed = paths[9]  # no revisit in the store refers to its article
    data = bytearray(changed.read_bytes())
    data[40:80] = b"\x00" * 40  # inside the first record's compressed bytes
    changed.write_bytes(bytes(data))
    os.utime(changed.with_name(changed.name.removesuffix(".warc.gz") + ".cdxj"), ns=(1, 1))  # indexed long before
    index, opened = _start(root)
    assert {p for p in opened if p.endswith(".warc.gz")} == {str(changed)}
    assert (index.checked_now, index.from_cdxj) == (1, COUNT - 1)
    [fault] = index.faults
    assert (fault.file, fault.offset) == (str(changed.resolve()), 0)
    assert index.orphans == [] and article_url(9) not in {line["url"] for line in _lines(index)}


def test_a_revisit_whose_original_is_gone_is_reported_from_its_own_record_alone(store: tuple[Path, list[Path]]) -> None:
    root, paths = store
    gone = paths[1]  # paths[2] holds a revisit of the article of paths[1]
    gone.unlink()
    gone.with_name(gone.name.removesuffix(".warc.gz") + ".cdxj").unlink()
    index, opened = _start(root)
    assert [p for p in opened if p.endswith(".warc.gz")] == [str(paths[2])]
    [orphan] = index.orphans
    assert (orphan.url, orphan.key) == (article_url(1), paths[2].relative_to(root).as_posix())
    assert orphan.refers_to_date.startswith("2026-11-01T00:01:00")
    assert "captured 2026-11-01T00:01:00" in orphan.message()
    assert article_url(1) not in {line["url"] for line in _lines(index)}
