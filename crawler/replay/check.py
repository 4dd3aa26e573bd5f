"""Checking a WARC file before replay: which records are readable, which revisits lack their original.

A ``.warc.gz`` file is walked gzip member by member (``crawler.warc.members``; one record per
member). A damaged or cut member is a ``Fault`` with the file and offset; the walk resumes at the
next gzip member that holds a complete WARC record, so the good records after the damage are still
served.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO

from crawler.archive.fault import Fault
from crawler.warc.members import BadMember, Member, find_member_start, iter_members, read_member

_REVISIT = "revisit"
_ORIGINAL_TYPES = ("response", "resource")
NOTHING_SERVED = "nothing from this offset on is served"


@dataclass(frozen=True)
class Revisit:
    """A revisit record and what it refers to."""

    key: str
    where: str
    offset: int
    url: str
    date: str
    digest: str
    refers_to_uri: str
    refers_to_date: str
    refers_to: str

    def message(self) -> str:
        return (f"revisit of {self.url} captured {self.date} ({self.where} offset {self.offset}) refers to "
                f"{self.refers_to_uri or self.url} captured {self.refers_to_date or '?'} (record "
                f"{self.refers_to or '?'}), but no capture of it with payload {self.digest} is in the store: not replayed")


@dataclass
class WarcCheck:
    """What checking one WARC file found."""

    key: str
    where: str
    size: int = 0
    good_offsets: set[int] = field(default_factory=set)
    prefix_end: int = 0    # end of the good records before the first fault
    faults: list[Fault] = field(default_factory=list)
    revisits: list[Revisit] = field(default_factory=list)
    originals: set[tuple[str, str]] = field(default_factory=set)


class _NotWarc(Exception):
    pass


def check_warc(key: str, handle: BinaryIO, where: str) -> WarcCheck:
    """Walk a ``.warc.gz`` file record by record; collect its faults, revisits and originals."""
    size = handle.seek(0, os.SEEK_END)
    check, pos = WarcCheck(key, where, size=size), 0
    if not size:
        check.faults.append(Fault(where, 0, "empty file (not even a warcinfo record)", NOTHING_SERVED))
    while pos < size:
        pos = _walk(check, handle, pos)
    return check


def _walk(check: WarcCheck, handle: BinaryIO, start: int) -> int:
    """Note the records from ``start`` on; at damage, a fault and the offset to resume at (the size: stop)."""
    pos = start
    try:
        for member in iter_members(handle, start):
            _note_record(check, member.offset, _record_headers(member))
            pos = member.end
            if not check.faults:
                check.prefix_end = pos
        return pos
    except (BadMember, _NotWarc) as exc:
        resumed = _next_record(handle, pos + 1)
        problem = exc.problem if isinstance(exc, BadMember) else str(exc)
        check.faults.append(Fault(check.where, pos, problem, NOTHING_SERVED if resumed is None else
                                  f"bytes {pos}-{resumed - 1} skipped, records from offset {resumed} on are served"))
        return check.size if resumed is None else resumed


def _record_headers(member: Member) -> dict[str, str]:
    """The WARC header fields of the record in ``member``; checks its block is complete."""
    if not member.head.startswith(b"WARC/1."):
        raise _NotWarc("gzip member holds no WARC record")
    header, sep, _ = member.head.partition(b"\r\n\r\n")
    if not sep:
        raise _NotWarc("WARC record header is not terminated")
    fields = {}
    for line in header.decode("utf-8", "replace").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    try:
        length = int(fields.get("content-length", ""))
    except ValueError:
        raise _NotWarc("WARC record has no valid Content-Length") from None
    got = member.size - len(header) - 4
    if got < length:
        raise _NotWarc(f"WARC record block is truncated ({max(got, 0)} of {length} bytes)")
    return fields


def _next_record(handle: BinaryIO, start: int) -> int | None:
    """Offset of the next readable record after damaged bytes, if any."""
    pos = find_member_start(handle, start)
    while pos is not None:
        try:
            _record_headers(read_member(handle, pos))
            return pos
        except (BadMember, _NotWarc):
            pos = find_member_start(handle, pos + 1)
    return None


def _note_record(check: WarcCheck, offset: int, fields: dict[str, str]) -> None:
    check.good_offsets.add(offset)
    kind, url, digest = fields.get("warc-type", ""), fields.get("warc-target-uri", ""), fields.get("warc-payload-digest", "")
    if kind in _ORIGINAL_TYPES and digest:
        check.originals.add((url, digest))
    elif kind == _REVISIT:
        check.revisits.append(_revisit(check.key, check.where, offset, fields))


def _revisit(key: str, where: str, offset: int, fields: dict[str, str]) -> Revisit:
    return Revisit(key, where, offset, fields.get("warc-target-uri", ""), fields.get("warc-date", ""),
                   fields.get("warc-payload-digest", ""), fields.get("warc-refers-to-target-uri", ""),
                   fields.get("warc-refers-to-date", ""), fields.get("warc-refers-to", ""))


def revisit_from_member(key: str, where: str, member: Member) -> Revisit | None:
    """The revisit record in ``member`` (one record read, e.g. to report it); None if it holds no revisit."""
    try:
        fields = _record_headers(member)
    except _NotWarc:
        return None
    return _revisit(key, where, member.offset, fields) if fields.get("warc-type") == _REVISIT else None


def orphan_revisits(checks: list[WarcCheck]) -> list[Revisit]:
    """Revisits whose original (same target URI, same payload digest) is not among the good records."""
    originals: set[tuple[str, str]] = set().union(*(c.originals for c in checks))
    return [r for c in checks for r in c.revisits if (r.refers_to_uri or r.url, r.digest) not in originals]
