"""The merged CDXJ index pywb reads, and the per-WARC cache that makes rebuilding it cheap.

Every WARC of the store is checked (``check.py``); the CDXJ file beside it (``<name>.cdxj``) gives
its index lines, or, when there is none, ``cdxj-indexer`` in pywb's virtualenv indexes its good
leading records. Lines at damaged offsets and orphan revisits are left out; the rest are merged,
sorted, into ``<state>/index.cdxj``.

A finished WARC file never changes (``.open`` until complete, then renamed), so what checking it
found is kept in ``<state>/warcs/<key>.json`` and reused while its size is the same. ``khabar
verify`` is the tool that re-reads everything.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from crawler.archive.fault import Fault
from crawler.archive.reading import open_key
from crawler.errors import ReplayError
from crawler.replay.check import Revisit, WarcCheck, check_warc, orphan_revisits
from crawler.storage import Store
from crawler.storage.atomic import write_atomically

_CACHE_VERSION = 2  # 2: faults as crawler.archive.fault.Fault (file, offset, what, next_step)
_COPY_CHUNK = 1 << 20

Pending = dict[str, tuple[int, set[int]]]  # WARC key → (end of its good leading records, good offsets)


@dataclass
class ReplayIndex:
    """The merged index pywb reads, and what building it found."""

    path: Path
    captures: int
    warcs: int
    checked_now: int
    indexed_now: int
    faults: list[Fault]
    orphans: list[Revisit]
    seconds: float


def build_index(store: Store, state: Path, python: Path) -> ReplayIndex:
    """Check every WARC of ``store``, gather its index lines, write ``state/index.cdxj``."""
    started = time.monotonic()
    keys = set(store.list("warc/"))
    warcs = sorted(k for k in keys if k.endswith(".warc.gz"))
    if not warcs:
        raise nothing_to_replay(store)
    per_warc: dict[str, tuple[WarcCheck, list[str]]] = {}
    pending: Pending = {}
    fresh = []
    for key in warcs:
        cached = _cached(store, state, key)
        if cached is None:
            fresh.append(key)
        per_warc[key] = cached or _check_one(store, key, keys, pending)
    for key, lines in _index_with_cdxj_indexer(store, pending, state, python).items():
        per_warc[key] = (per_warc[key][0], lines)
    for key in fresh:
        _remember(state, *per_warc[key])
    checks = [check for check, _ in per_warc.values()]
    orphans = orphan_revisits(checks)
    skip = {(r.key, r.offset) for r in orphans}
    lines = sorted(line for _, found in per_warc.values() for line in found if _line_place(line) not in skip)
    path = write_atomically(state / "index.cdxj", "".join(line + "\n" for line in lines))
    return ReplayIndex(path, len(lines), len(warcs), len(fresh), len(pending), [f for c in checks for f in c.faults],
                       orphans, time.monotonic() - started)


def nothing_to_replay(store: Store) -> ReplayError:
    return ReplayError(f"no WARC file in {store.describe('warc')}: there is nothing to replay yet. "
                       "Crawl into this store first (khabar crawl OUTLET --store STORE).")


def report_problems(index: ReplayIndex, echo: Callable[[str], None]) -> None:
    """Each fault and each orphan revisit as one warning line."""
    for fault in index.faults:
        echo(f"warning: {fault}")
    for revisit in index.orphans:
        echo(f"warning: {revisit.message()}")


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


def _cached(store: Store, state: Path, key: str) -> tuple[WarcCheck, list[str]] | None:
    path = _cache_path(state, key)
    if not path.is_file():
        return None
    try:
        size = store.size(key)
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved["version"] != _CACHE_VERSION or saved["check"]["size"] != size:
            return None
        return _check_from_json(saved["check"], store.describe(key)), saved["lines"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember(state: Path, check: WarcCheck, lines: list[str]) -> None:
    saved = {"version": _CACHE_VERSION, "check": _check_to_json(check), "lines": lines}
    write_atomically(_cache_path(state, check.key), json.dumps(saved, ensure_ascii=False))


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
