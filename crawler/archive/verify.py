"""``khabar verify STORE``: is every WARC sound, and do WARCs and records point at each other?

Checked, with file and offset for every fault:
- every WARC file: readable to its end, starts with ``warcinfo``, each record's block digest, each
  response's payload digest (WARC 1.1: de-chunked);
- pairing: each request is Concurrent-To a response or revisit of the same URI, each response
  and revisit has its request;
- revisits: ``WARC-Refers-To`` names a response archived in the store with the same payload digest;
- WARC → JSON: each ``metadata`` record names an article record that exists in the file it names;
- JSON → WARC: each article record's ``warc`` link lands on a response record of the same URL, and a
  ``metadata`` record Concurrent-To that response names the record (its id, version and file).
Unfinished ``.open`` files (a crawl running, or killed) are reported, their complete records checked.
"""

from __future__ import annotations

import io
import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from crawler.archive.fault import Fault
from crawler.archive.reading import WARC_READ_ERRORS, Entry, iter_entries, open_key, read_records, warc_keys
from crawler.render.screenshot import screenshot_uri
from crawler.storage import Store
from crawler.storage.unfinished import OPEN_SUFFIX
from crawler.warc.exchange import payload_of, sha1_digest, split_message
from crawler.warc.members import scan_members

_HTTP_TYPES = ("response", "request", "revisit")


@dataclass(slots=True)
class _Seen:
    key: str
    offset: int
    rec_type: str
    uri: str
    digest: str | None


@dataclass
class VerifyReport:
    counts: Counter[str] = field(default_factory=Counter)
    faults: list[Fault] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    records: dict[str, _Seen] = field(default_factory=dict)
    requests: list[tuple[str, int, str, str]] = field(default_factory=list)  # key, offset, concurrent-to, uri
    revisits: list[tuple[str, int, str, str]] = field(default_factory=list)  # key, offset, refers-to, digest
    metadata: list[tuple[str, int, dict[str, str]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults

    def fault(self, path: str, offset: int | None, what: str, next_step: str = "") -> None:
        self.faults.append(Fault(path, offset, what, next_step))


def verify_store(store: Store) -> VerifyReport:
    report = VerifyReport()
    for warc in warc_keys(store):
        with open_key(store, warc.key) as handle:
            _verify_file(handle, warc.key, report)
        report.counts["warc files"] += 1
    _verify_unfinished(store, report)
    _check_pairs(report)
    _check_revisits(report)
    _check_metadata(store, report)
    _check_record_links(store, report)
    return report


def _verify_file(handle: BinaryIO, key: str, report: VerifyReport) -> None:
    offset: int | None = 0
    members = scan_members(handle)
    handle.seek(0)
    if members.truncated and not key.endswith(OPEN_SUFFIX):
        report.fault(key, members.complete_end, f"the file ends inside a record: {members.size - members.complete_end} "
                                                "bytes after the last complete gzip member are cut or damaged")
    try:
        for index, entry in enumerate(iter_entries(handle)):
            offset = entry.offset
            if index == 0 and entry.record.rec_type != "warcinfo":
                report.fault(key, 0, f"the first record is {entry.record.rec_type}, not warcinfo")
            _verify_entry(key, entry, report)
            offset = entry.offset + entry.length
    except WARC_READ_ERRORS as exc:
        report.fault(key, offset, f"unreadable from here on ({type(exc).__name__}: {exc})",
                     "the records before this offset were checked")


def _verify_entry(key: str, entry: Entry, report: VerifyReport) -> None:
    rec_type = entry.record.rec_type
    report.counts[rec_type] += 1
    declared = int(entry.get("Content-Length") or 0)
    if len(entry.block) < declared:
        report.fault(key, entry.offset, f"{rec_type} record truncated: {len(entry.block)} of its {declared} bytes "
                                        "are in the file (it ends inside this record)")
        return
    block_digest = entry.get("WARC-Block-Digest")
    if block_digest and block_digest != sha1_digest(entry.block):
        report.fault(key, entry.offset, f"{rec_type} block digest mismatch: {block_digest} recorded")
    if rec_type == "response":
        payload_digest = entry.get("WARC-Payload-Digest")
        if payload_digest and payload_digest != sha1_digest(payload_of(split_message(entry.block))):
            report.fault(key, entry.offset, f"response payload digest mismatch: {payload_digest} recorded")
    record_id = entry.get("WARC-Record-ID") or ""
    report.records[record_id] = _Seen(key, entry.offset, rec_type, entry.get("WARC-Target-URI") or "",
                                      entry.get("WARC-Payload-Digest"))
    if rec_type == "request":
        report.requests.append((key, entry.offset, entry.get("WARC-Concurrent-To") or "", entry.get("WARC-Target-URI") or ""))
    elif rec_type == "revisit":
        report.revisits.append((key, entry.offset, entry.get("WARC-Refers-To") or "", entry.get("WARC-Payload-Digest") or ""))
    elif rec_type == "metadata":
        fields = dict(line.split(": ", 1) for line in entry.block.decode("utf-8", "replace").splitlines() if ": " in line)
        fields["_concurrent_to"] = entry.get("WARC-Concurrent-To") or ""
        report.metadata.append((key, entry.offset, fields))


def _check_pairs(report: VerifyReport) -> None:
    answered: set[str] = set()
    for key, offset, concurrent, uri in report.requests:
        target = report.records.get(concurrent)
        if target is None or target.rec_type not in ("response", "revisit"):
            report.fault(key, offset, f"request for {uri} is Concurrent-To {concurrent or 'nothing'}, "
                                      "which is no response or revisit in the store")
        elif target.uri != uri:
            report.fault(key, offset, f"request for {uri} is paired with a response for {target.uri}")
        else:
            answered.add(concurrent)
    for record_id, seen in report.records.items():
        if seen.rec_type in ("response", "revisit") and record_id not in answered:
            report.fault(seen.key, seen.offset, f"{seen.rec_type} for {seen.uri} has no request record")


def _check_revisits(report: VerifyReport) -> None:
    for key, offset, refers_to, digest in report.revisits:
        original = report.records.get(refers_to)
        if original is None or original.rec_type != "response":
            report.fault(key, offset, f"revisit refers to {refers_to or 'nothing'}, which is not a response "
                                      "archived in this store: its page cannot be replayed")
        elif original.digest != digest:
            report.fault(key, offset, f"revisit digest {digest} differs from its original's {original.digest}")


def _check_metadata(store: Store, report: VerifyReport) -> None:
    files: dict[str, set[str] | None] = {}
    for key, offset, fields in report.metadata:
        if fields["_concurrent_to"] not in report.records:
            report.fault(key, offset, f"metadata record is Concurrent-To {fields['_concurrent_to']}, not in the store")
        record_file, record_id = fields.get("article-record-file"), fields.get("article-record-id")
        if not record_file or not record_id:
            continue
        if record_file not in files:
            files[record_file] = _record_ids(store, record_file)
        ids = files[record_file]
        if ids is None:
            report.fault(key, offset, f"names article record file {record_file}, which is not in the store")
        elif record_id not in ids:
            report.fault(key, offset, f"names article record {record_id}, which is not in {record_file}")
        else:
            report.counts["WARC → record links"] += 1


def _record_ids(store: Store, key: str) -> set[str] | None:
    for candidate in (key, key + OPEN_SUFFIX):
        try:
            return {r["id"] for r in read_records(store, candidate)}
        except (FileNotFoundError, KeyError):
            continue
    return None


def _check_record_links(store: Store, report: VerifyReport) -> None:
    named = _named_records(report)
    for key in store.list("records/"):
        if not key.endswith(".jsonl.gz"):
            continue
        try:
            records = list(read_records(store, key))
        except (OSError, EOFError, zlib.error, json.JSONDecodeError) as exc:
            report.fault(key, None, f"record file unreadable: {type(exc).__name__}: {exc}")
            continue
        for line, record in enumerate(records, 1):
            _check_link(key, line, record, report, named)
            _check_screenshot(f"{key} line {line}", record, report)


def _check_screenshot(where: str, record: dict[str, Any], report: VerifyReport) -> None:
    """A record that names a screenshot names a ``resource`` record ``urn:screenshot:<its url>`` in the store."""
    shot = (record.get("extraction") or {}).get("screenshot_record_id")
    if not shot:
        return
    seen, wanted = report.records.get(shot), screenshot_uri(str(record.get("url")))
    if seen is None:
        report.fault(where, None, f"record {record.get('id')} names screenshot {shot}, not in the store")
    elif (seen.rec_type, seen.uri) != ("resource", wanted):
        report.fault(where, None, f"record {record.get('id')} names screenshot {shot}, which is a {seen.rec_type} "
                                  f"for {seen.uri}, not a resource for {wanted}")
    else:
        report.counts["record → screenshot links"] += 1


def _named_records(report: VerifyReport) -> set[tuple[str, str, str, str]]:
    """(record file, article id, version, capture) of every article record a metadata record names."""
    return {(fields.get("article-record-file", ""), fields.get("article-record-id", ""),
             fields.get("article-record-version", ""), fields["_concurrent_to"]) for _, _, fields in report.metadata}


def _check_link(key: str, line: int, record: dict[str, Any], report: VerifyReport,
                named: set[tuple[str, str, str, str]]) -> None:
    link = record.get("warc") or {}
    target = report.records.get(link.get("record_id", ""))
    where = f"{key} line {line}"
    if (key, record.get("id"), str(record.get("version")), link.get("record_id")) not in named:
        report.fault(where, None, f"record {record.get('id')} (version {record.get('version')}) has no metadata record "
                                  f"in the WARCs naming it: from the WARC side, nothing leads to it",
                     "the record stands; the next crawl links what a killed crawl left unlinked, "
                     "and khabar reextract writes records with both links")
    if target is None:
        report.fault(where, None, f"record {record.get('id')} links to WARC record {link.get('record_id')}, not in the store")
    elif (target.key.removesuffix(OPEN_SUFFIX), target.offset) != (link.get("path"), link.get("offset")):
        # (a record may link into a WARC a stopped crawl left unfinished: the next run gives it that name)
        report.fault(where, None, f"record {record.get('id')} links to {link.get('path')} @ {link.get('offset')}, "
                                  f"but that record is at {target.key} @ {target.offset}")
    elif target.rec_type != "response" or target.uri != record.get("url"):
        report.fault(where, None, f"record {record.get('id')} links to a {target.rec_type} for {target.uri}, "
                                  f"not a response for {record.get('url')}")
    else:
        report.counts["record → WARC links"] += 1


def _verify_unfinished(store: Store, report: VerifyReport) -> None:
    """Check the complete records of ``.open`` files (local spool only): a crawl running, or killed."""
    root = getattr(store, "root", None)
    if root is None:
        return
    for path in sorted(root.glob(f"**/*{OPEN_SUFFIX}")):
        key = path.relative_to(root).as_posix()
        with open(path, "rb") as handle:
            scan = scan_members(handle)
            if key.startswith("warc/"):
                handle.seek(0)
                _verify_file(io.BytesIO(handle.read(scan.complete_end)), key, report)
        cut = f"; {scan.size - scan.complete_end} bytes of a partial last record will be cut" if scan.truncated else ""
        report.notices.append(f"{key}: unfinished, {scan.members} complete records checked{cut} "
                              "(a crawl is running, or was stopped: the next crawl finishes the file)")
