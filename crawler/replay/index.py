"""The merged CDXJ index pywb reads, built from the CDXJ files the crawl wrote, without re-reading WARCs.

Every finished WARC has its CDXJ beside it (``<name>.cdxj``, written once the WARC was closed). Its
lines are trusted as they are, and the WARC itself is not opened, when the CDXJ is at least as new
as the WARC (the WARC was not changed after it was indexed) and no line points past the WARC's end.
Only a WARC without such a CDXJ is checked record by record (``check.py``): its damaged offsets are
left out, and when it has no CDXJ at all, ``cdxj-indexer`` in pywb's virtualenv indexes its good
leading records. What checking found is kept in ``<state>/warcs/<key>.json`` while the file keeps
its size and modification time. Orphan revisits (no capture with their URL and payload digest in the
store) are left out; only their own record is read, to report it. ``khabar verify`` is the tool that
re-reads everything.

All lines are merged, sorted, into ``<state>/index.cdxj``. ``<state>/manifest.json`` keeps the size
and modification time of every WARC and CDXJ it was built from: a start that finds them all the same
reuses the index as it is (a store of 10,000 WARC files starts in about a second; ``bench/replay_start.py``).
"""

from __future__ import annotations

import heapq
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from crawler.archive.fault import Fault
from crawler.archive.reading import open_key
from crawler.errors import ReplayError
from crawler.replay.check import Revisit, WarcCheck, check_warc, orphan_revisits, revisit_from_member
from crawler.storage import LocalStore, Store
from crawler.storage.atomic import write_atomically
from crawler.storage.local import TEMP_SUFFIXES
from crawler.warc.members import BadMember, read_member

_CACHE_VERSION = 3  # 3: keyed by size and modification time
_MANIFEST_VERSION = 1
_COPY_CHUNK = 1 << 20
_REVISIT_MIME = "warc/revisit"

Pending = dict[str, tuple[int, set[int]]]  # WARC key → (end of its good leading records, good offsets)
Stamp = tuple[int, int]  # a file's size and modification time (ns)


@dataclass
class ReplayIndex:
    """The merged index pywb reads, and what building it found."""

    path: Path
    captures: int
    warcs: int
    checked_now: int   # WARC files read record by record by this start
    indexed_now: int   # of those, files with no CDXJ beside them, indexed with cdxj-indexer
    faults: list[Fault]
    orphans: list[Revisit]
    seconds: float
    from_cdxj: int = 0  # WARC files whose lines came from their CDXJ alone (the WARC not opened)
    reused: bool = False  # nothing changed since the last start: the index was kept as it was


def build_index(store: LocalStore, state: Path, python: Path) -> ReplayIndex:
    """Gather the index lines of every WARC of ``store`` (from its CDXJ when it can), write ``state/index.cdxj``."""
    started = time.monotonic()
    stamps = _stamps(store.root)
    warcs = sorted(k for k in stamps if k.endswith(".warc.gz"))
    if not warcs:
        raise nothing_to_replay(store)
    files = {key: [*stamps[key], *stamps.get(_cdxj_key(key), (-1, -1))] for key in warcs}
    path = state / "index.cdxj"
    saved = _saved_manifest(state, store)
    if saved is not None and saved[0] == files and path.is_file():
        _, captures, faults, orphans = saved
        return ReplayIndex(path, captures, len(warcs), 0, 0, faults, orphans, time.monotonic() - started,
                           reused=True)
    per_warc: dict[str, tuple[WarcCheck, list[str]]] = {}
    pending: Pending = {}
    fresh, from_cdxj = [], 0
    for key in warcs:
        trusted = _from_cdxj(store, key, stamps)
        if trusted is not None:
            per_warc[key], from_cdxj = trusted, from_cdxj + 1
            continue
        cached = _cached(store, state, key, stamps[key])
        if cached is None:
            fresh.append(key)
        per_warc[key] = cached or _check_one(store, key, set(stamps), pending)
    for key, lines in _index_with_cdxj_indexer(store, pending, state, python).items():
        per_warc[key] = (per_warc[key][0], lines)
    for key in fresh:
        _remember(state, stamps[key], *per_warc[key])
    checks = [check for check, _ in per_warc.values()]
    orphans = [_described(store, r) for r in orphan_revisits(checks)]
    skip = {(r.key, r.offset) for r in orphans}
    sources = [sorted(found) for _, found in per_warc.values()]
    lines = [line for line in heapq.merge(*sources) if not skip or _line_place(line) not in skip]
    faults = [f for c in checks for f in c.faults]
    path = write_atomically(state / "index.cdxj", "".join(line + "\n" for line in lines))
    _save_manifest(state, files, len(lines), faults, orphans)
    return ReplayIndex(path, len(lines), len(warcs), len(fresh), len(pending), faults, orphans,
                       time.monotonic() - started, from_cdxj=from_cdxj)


def nothing_to_replay(store: Store) -> ReplayError:
    return ReplayError(f"no WARC file in {store.describe('warc')}: there is nothing to replay yet. "
                       "Crawl into this store first (khabar crawl OUTLET --store STORE).")


def report_problems(index: ReplayIndex, echo: Callable[[str], None]) -> None:
    """Each fault and each orphan revisit as one warning line."""
    for fault in index.faults:
        echo(f"warning: {fault}")
    for revisit in index.orphans:
        echo(f"warning: {revisit.message()}")


def _stamps(root: Path) -> dict[str, Stamp]:
    """Size and modification time of every finished WARC and CDXJ file under ``root/warc``, by store key.

    (Plain strings, not pathlib: with 10,000 files pathlib's own overhead was most of a warm start.)
    """
    found: dict[str, Stamp] = {}
    skip = len(str(root)) + 1
    folders = [os.path.join(str(root), "warc")]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif entry.name.endswith((".warc.gz", ".cdxj")) and not entry.name.endswith(TEMP_SUFFIXES):
                info = entry.stat()
                found[entry.path[skip:].replace(os.sep, "/")] = (info.st_size, info.st_mtime_ns)
    return found


def _from_cdxj(store: LocalStore, key: str, stamps: dict[str, Stamp]) -> tuple[WarcCheck, list[str]] | None:
    """The WARC's lines from its CDXJ alone, if that CDXJ indexes it as it is now; None: check the WARC."""
    beside = _cdxj_key(key)
    if beside not in stamps or stamps[beside][1] < stamps[key][1]:
        return None  # no CDXJ, or the WARC changed after it was indexed
    size = stamps[key][0]
    check = WarcCheck(key, "", size=size, prefix_end=size)  # ``where`` only matters to report a problem
    lines = []
    try:
        with open(os.path.join(str(store.root), beside), "rb") as handle:
            text = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in filter(None, text.splitlines()):
        try:
            urlkey, timestamp, raw = line.split(" ", 2)
            fields = json.loads(raw)
            offset, length = int(fields["offset"]), int(fields["length"])
        except (ValueError, KeyError, TypeError):
            return None
        if offset + length > size:
            return None  # the CDXJ indexes a longer file than the WARC now is
        if fields.get("filename") != key:
            fields["filename"] = key
            line = f"{urlkey} {timestamp} {json.dumps(fields)}"
        url, digest = fields.get("url", ""), fields.get("digest", "")
        check.good_offsets.add(offset)
        if fields.get("mime") == _REVISIT_MIME:
            check.revisits.append(Revisit(key, "", offset, url, timestamp, digest, "", "", ""))
        elif digest:
            check.originals.add((url, digest))
        lines.append(line)
    return check, lines


def _described(store: Store, revisit: Revisit) -> Revisit:
    """An orphan revisit known from a CDXJ line, with what its record says it refers to (only that record is read)."""
    if revisit.where:
        return revisit  # found by checking its WARC: its record was read then
    where = store.describe(revisit.key)
    try:
        with open_key(store, revisit.key) as handle:
            found = revisit_from_member(revisit.key, where, read_member(handle, revisit.offset))
    except (OSError, BadMember):
        found = None
    return found or replace(revisit, where=where)


def _check_one(store: Store, key: str, keys: set[str], pending: Pending) -> tuple[WarcCheck, list[str]]:
    """Check one WARC; its lines from the CDXJ beside it, or (none yet) queued in ``pending`` for indexing."""
    with open_key(store, key) as handle:
        check = check_warc(key, handle, store.describe(key))
    beside = _cdxj_key(key)
    found = _lines_for(key, store.read_bytes(beside).decode("utf-8"), check.good_offsets) if beside in keys else None
    if found is None:
        pending[key] = (check.prefix_end, check.good_offsets)
    return check, found or []


def _cdxj_key(warc_key: str) -> str:
    return warc_key.removesuffix(".warc.gz") + ".cdxj"


def _lines_for(key: str, text: str, keep: set[int]) -> list[str] | None:
    """CDXJ lines of ``key`` at good offsets, ``filename`` set to the key; None if the text is not CDXJ."""
    out = []
    for line in filter(None, text.splitlines()):
        try:
            urlkey, timestamp, raw = line.split(" ", 2)
            fields = json.loads(raw)
            offset = int(fields["offset"])
        except (ValueError, KeyError):
            return None
        if offset in keep:
            if fields.get("filename") != key:
                fields["filename"] = key
                line = f"{urlkey} {timestamp} {json.dumps(fields)}"
            out.append(line)
    return out


def _line_place(line: str) -> tuple[str, int]:
    fields = json.loads(line.split(" ", 2)[2])
    return fields["filename"], int(fields["offset"])


# --------------------------------------------------------------------------- the per-WARC cache


def _cache_path(state: Path, key: str) -> Path:
    return state / "warcs" / f"{key}.json"


def _cached(store: Store, state: Path, key: str, stamp: Stamp) -> tuple[WarcCheck, list[str]] | None:
    path = _cache_path(state, key)
    if not path.is_file():
        return None
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved["version"] != _CACHE_VERSION or tuple(saved["stamp"]) != stamp:
            return None
        return _check_from_json(saved["check"], store.describe(key)), saved["lines"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember(state: Path, stamp: Stamp, check: WarcCheck, lines: list[str]) -> None:
    saved = {"version": _CACHE_VERSION, "stamp": list(stamp), "check": _check_to_json(check), "lines": lines}
    write_atomically(_cache_path(state, check.key), json.dumps(saved, ensure_ascii=False))


def _saved_manifest(state: Path, store: Store) -> tuple[dict[str, list[int]], int, list[Fault], list[Revisit]] | None:
    """What the last start built the index from (files with their stamps), and what it reported."""
    try:
        saved = json.loads((state / "manifest.json").read_text(encoding="utf-8"))
        if saved["version"] != _MANIFEST_VERSION:
            return None
        faults = [Fault(**f) for f in saved["faults"]]
        orphans = [Revisit(**{**r, "where": store.describe(r["key"])}) for r in saved["orphans"]]
        return saved["files"], int(saved["captures"]), faults, orphans
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save_manifest(state: Path, files: dict[str, list[int]], captures: int, faults: list[Fault],
                   orphans: list[Revisit]) -> None:
    saved = {"version": _MANIFEST_VERSION, "captures": captures, "files": files,
             "faults": [asdict(f) for f in faults], "orphans": [asdict(r) for r in orphans]}
    write_atomically(state / "manifest.json", json.dumps(saved, ensure_ascii=False))


def _check_to_json(check: WarcCheck) -> dict[str, Any]:
    return {"key": check.key, "size": check.size, "good_offsets": sorted(check.good_offsets),
            "prefix_end": check.prefix_end, "faults": [asdict(f) for f in check.faults],
            "revisits": [asdict(r) for r in check.revisits], "originals": sorted(check.originals)}


def _check_from_json(saved: dict[str, Any], where: str) -> WarcCheck:
    return WarcCheck(saved["key"], where, saved["size"], set(saved["good_offsets"]), saved["prefix_end"],
                     [Fault(**{**f, "file": where}) for f in saved["faults"]],
                     [Revisit(**{**r, "where": where}) for r in saved["revisits"]],
                     {(url, digest) for url, digest in saved["originals"]})


# --------------------------------------------------------------------------- WARCs without a CDXJ


def _index_with_cdxj_indexer(store: Store, pending: Pending, state: Path, python: Path) -> dict[str, list[str]]:
    """Index WARCs that have no CDXJ beside them (their good leading records) with pywb's cdxj-indexer."""
    if not pending:
        return {}
    work, out = state / "pending", state / "pending.cdxj"
    shutil.rmtree(work, ignore_errors=True)
    for key, (prefix_end, _) in pending.items():
        with open_key(store, key) as source:
            _copy_prefix(source, work / key, prefix_end)
    result = subprocess.run([str(python), "-m", "cdxj_indexer.main", "--dir-root", str(work), "-o", str(out), str(work)],
                            capture_output=True, text=True)
    shutil.rmtree(work, ignore_errors=True)
    if result.returncode != 0:
        raise ReplayError(f"cdxj-indexer failed (exit code {result.returncode}) on {', '.join(pending)}: "
                          f"{result.stderr.strip()[-2000:]}")
    text = out.read_text(encoding="utf-8")
    out.unlink()
    found: dict[str, list[str]] = {key: [] for key in pending}
    for line in filter(None, text.splitlines()):
        key, offset = _line_place(line)
        if key in pending and offset in pending[key][1]:
            found[key].append(line)
    return found


def _copy_prefix(source: BinaryIO, path: Path, length: int) -> None:
    """The first ``length`` bytes of ``source`` into ``path``, in bounded chunks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    source.seek(0)
    with open(path, "wb") as sink:
        while length > 0 and (chunk := source.read(min(_COPY_CHUNK, length))):
            sink.write(chunk)
            length -= len(chunk)
