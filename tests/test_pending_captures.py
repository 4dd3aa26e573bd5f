"""The captures of open WARC files wait on disk, not in memory, until their file closes (crawler/warc/pending.py).
That the dedup index gets them when a crawl's file closes, and revisits follow: tests/test_archive.py."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from crawler.warc.dedup import Capture
from crawler.warc.pending import PendingCaptures

KEY = "warc/outlet=demo-wp/date=2026-11-24/khabar-demo-wp-20261124215042123456-1-00001.warc.gz"


def _captures(count: int, key: str = KEY) -> list[Capture]:
    urls = ["http://127.0.0.11:8011/2026/11/bamako-{n}.html", "http://127.0.0.11:8011/ar/مقال-{n}.html"]
    return [Capture(urls[n % 2].format(n=n), f"sha1:{n:032d}", f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                    "2026-11-24T21:50:42.123456Z", key, 1000 + n * 5000, 4000 + n) for n in range(count)]


def test_captures_come_back_in_order_when_their_file_closes_and_hold_almost_no_memory(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    pending = PendingCaptures(folder)
    first, second = _captures(3000), _captures(10, KEY.replace("00001", "00002"))
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for capture in first:
        pending.add(Path("/spool") / KEY, capture)
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    for capture in second:
        pending.add(Path("/spool") / second[0].path, capture)
    assert held < 150_000  # a list of these 3,000 captures holds about 1.5 MB
    assert list(folder.iterdir()) == []  # nothing named: a killed crawl leaves nothing behind
    assert list(pending.pop(Path("/spool") / KEY)) == first
    assert list(pending.pop(Path("/spool") / KEY)) == []
    assert list(pending.pop(Path("/spool") / second[0].path)) == second
    pending.close()


def test_without_a_state_folder_the_captures_wait_in_memory_and_none_is_lost(tmp_path: Path) -> None:
    (tmp_path / "state").write_text("a file where the state folder should be")
    pending = PendingCaptures(tmp_path / "state")
    captures = _captures(600)
    for capture in captures:
        pending.add(Path("/spool") / KEY, capture)
    assert list(pending.pop(Path("/spool") / KEY)) == captures


def test_the_files_still_open_when_the_crawl_stops_are_forgotten(tmp_path: Path) -> None:
    pending = PendingCaptures(tmp_path / "state")
    for capture in _captures(300):
        pending.add(Path("/spool") / KEY, capture)
    pending.close()  # left .open for recovery, which reads their captures back from the files
    assert list(pending.pop(Path("/spool") / KEY)) == []
