"""The one gzip-member walker, the replay check built on it, the one Fault type, and atomic writes."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest

from crawler.archive.fault import Fault
from crawler.replay.check import check_warc
from crawler.storage.atomic import atomic_path, write_atomically
from crawler.warc.members import BadMember, find_member_start, iter_members, read_member, scan_members


def _member(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return compressor.compress(data) + compressor.flush()


def _warc_record(uri: str, body: bytes, kind: str = "resource") -> bytes:
    header = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Payload-Digest: sha1:{uri[-1]}\r\n"
              f"Content-Length: {len(body)}\r\n\r\n").encode()
    return _member(header + body + b"\r\n\r\n")


BIG = bytes(range(256)) * 20_000  # 5 MB decompressed: more than one bounded step


def test_members_are_walked_with_offsets_lengths_sizes_and_heads() -> None:
    parts = [_member(b"first"), _member(BIG), _member(b"")]
    members = list(iter_members(io.BytesIO(b"".join(parts)), keep=3))
    assert [(m.offset, m.length, m.size, m.head) for m in members] == [
        (0, len(parts[0]), 5, b"fir"),
        (len(parts[0]), len(parts[1]), len(BIG), BIG[:3]),
        (len(parts[0]) + len(parts[1]), len(parts[2]), 0, b""),
    ]


@pytest.mark.parametrize(("damage", "complete_end", "members", "problem"), [
    ("none", 2, 2, None),
    ("cut", 1, 1, "truncated gzip member (the file ends inside it)"),
    ("garbage", 2, 2, "no gzip member starts here"),
])
def test_scan_stops_at_the_first_bad_member(damage: str, complete_end: int, members: int, problem: str | None) -> None:
    parts = [_member(b"one"), _member(BIG)]
    data = b"".join(parts) + (b"junk" if damage == "garbage" else b"")
    data = data[:-5] if damage == "cut" else data
    ends = [0, len(parts[0]), len(parts[0]) + len(parts[1])]
    scan = scan_members(io.BytesIO(data))
    assert (scan.complete_end, scan.members, scan.size, scan.truncated) == (
        ends[complete_end], members, len(data), damage != "none")
    if problem:
        with pytest.raises(BadMember) as raised:
            list(iter_members(io.BytesIO(data)))
        assert (raised.value.offset, raised.value.problem) == (ends[complete_end], problem)


def test_read_member_and_find_member_start() -> None:
    first, second = _member(b"a" * 100), _member(b"b")
    handle = io.BytesIO(first + second)
    assert read_member(handle, len(first)).head == b"b"
    assert find_member_start(handle, 1) == len(first)
    assert find_member_start(handle, len(first) + 1) is None
    with pytest.raises(BadMember):
        read_member(handle, len(first) + len(second))


def test_replay_check_reports_damage_as_a_fault_and_serves_the_records_after_it() -> None:
    records = [_warc_record("http://x/1", b"one"), _warc_record("http://x/2", BIG[:5000]), _warc_record("http://x/3", b"3")]
    data = bytearray(b"".join(records))
    data[len(records[0]) + 20:len(records[0]) + 60] = b"\0" * 40
    second, third = len(records[0]), len(records[0]) + len(records[1])
    check = check_warc("warc/f.warc.gz", io.BytesIO(bytes(data)), "/s/warc/f.warc.gz")
    assert check.good_offsets == {0, third} and check.prefix_end == second
    [fault] = check.faults
    assert (fault.file, fault.offset, fault.what.startswith("corrupt gzip data")) == ("/s/warc/f.warc.gz", second, True)
    assert fault.next_step == f"bytes {second}-{third - 1} skipped, records from offset {third} on are served"
    cut = check_warc("k", io.BytesIO(b"".join(records)[:third + 10]), "f")
    assert (cut.good_offsets, cut.prefix_end) == ({0, second}, third)
    assert [(f.offset, f.what, f.next_step) for f in cut.faults] == [
        (third, "truncated gzip member (the file ends inside it)", "nothing from this offset on is served")]


def test_a_fault_reads_file_offset_what_and_next_step() -> None:
    assert str(Fault("warc/a.warc.gz", 120, "truncated gzip member", "nothing from this offset on is served")) == \
        "warc/a.warc.gz @ offset 120: truncated gzip member; nothing from this offset on is served"
    assert str(Fault("records/r.jsonl.gz line 3", None, "record x links to nothing")) == \
        "records/r.jsonl.gz line 3: record x links to nothing"


def test_atomic_writes_replace_whole_files_and_leave_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "index.cdxj"
    assert write_atomically(target, "a\n") == target and target.read_text() == "a\n"
    write_atomically(target, b"b\n")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"b\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["index.cdxj"]
