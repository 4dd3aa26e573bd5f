"""Replaying the archive through pywb: ``khabar replay STORE [--port N]``.

pywb pins old libraries, so it lives in a virtualenv of its own, created on first use (about
30 s, printed) and kept for every store and every later run:

    KHABAR_PYWB_VENV   (default ~/.cache/khabar/pywb-<version>, under $XDG_CACHE_HOME when set)

On each start, before pywb runs:

1. every WARC file of the store is checked gzip member by member (one record per member). A
   truncated or corrupt file is reported with its path and the offset of the bad bytes; its good
   records are still served, and so is the rest of the store;
2. the CDXJ file beside each WARC (``<name>.cdxj``) gives its index lines; a WARC without one is
   indexed with ``cdxj-indexer`` inside pywb's virtualenv;
3. revisits (identical-payload-digest) whose original is not in the store are reported with
   their URL and refers-to fields and left out of the index, so they are never replayed empty;
4. all lines are merged, sorted, into ``<store>/state/replay/index.cdxj`` beside pywb's
   ``config.yaml``, whose archive path is the store itself (WARC keys are store-relative).

Then pywb's wayback app (gevent, no uwsgi) serves ``http://127.0.0.1:PORT/khabar/``.

A remote store (``s3://bucket/prefix``) is first mirrored: its ``warc/`` keys (WARC files and their
CDXJ files) are copied into a local folder, only those missing there or of another size, each
checked against the store's size, and files the store no longer holds are removed; the steps
above then run on that folder, kept across runs:

    KHABAR_REPLAY_CACHE   (default ~/.cache/khabar/replay, under $XDG_CACHE_HOME when set)/<bucket>/<prefix>
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

import click
import yaml

from crawler.errors import KhabarError
from crawler.storage import LocalStore, Store, open_store

PYWB_VERSION = "2.10.0"
CDXJ_INDEXER_VERSION = "1.5.0"
COLLECTION = "khabar"
HOST = "127.0.0.1"
READY = "khabar-pywb-listening"
START_TIMEOUT = 60.0

_GZIP_MAGIC = b"\x1f\x8b\x08"
_CHUNK = 1 << 16       # compressed bytes fed to zlib at a time (most records are smaller)
_HEAD_MAX = 1 << 16    # decompressed bytes kept per record: enough for its WARC header
_REVISIT = "revisit"
_ORIGINAL_TYPES = ("response", "resource")

Echo = Callable[[str], None]


class ReplayError(KhabarError):
    """pywb could not be installed or started, or the store has nothing to replay."""


# --------------------------------------------------------------------------- checking WARC files


@dataclass(frozen=True)
class Fault:
    """Bytes of a WARC file that hold no readable record."""

    where: str
    offset: int
    problem: str
    resumed_at: int | None

    def message(self) -> str:
        rest = (f"bytes {self.offset}-{self.resumed_at - 1} skipped, records from offset {self.resumed_at} on are served"
                if self.resumed_at is not None else "nothing from this offset on is served")
        return f"{self.where}: {self.problem} at offset {self.offset}; {rest}"


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


class _Corrupt(Exception):
    pass


@dataclass(frozen=True)
class _Member:
    offset: int
    length: int
    head: bytes
    size: int


def _read_member(data: memoryview, offset: int) -> _Member:
    """One gzip member, decompressed in bounded steps; keeps only its first bytes."""
    if data[offset:offset + 3] != _GZIP_MAGIC:
        raise _Corrupt("no gzip member starts here")
    inflater, head, size, pos = zlib.decompressobj(31), bytearray(), 0, offset
    while not inflater.eof and pos < len(data):
        chunk = data[pos:pos + _CHUNK]
        pos += len(chunk)
        while chunk:
            try:
                out = inflater.decompress(chunk, _CHUNK * 16)
            except zlib.error as exc:
                raise _Corrupt(f"corrupt gzip data ({exc})") from exc
            size += len(out)
            head += out[:max(0, _HEAD_MAX - len(head))]
            if inflater.eof:
                pos -= len(inflater.unused_data)
                break
            chunk = inflater.unconsumed_tail
    if not inflater.eof:
        raise _Corrupt("truncated gzip member (the file ends inside it)")
    return _Member(offset, pos - offset, bytes(head), size)


def _record_headers(member: _Member) -> dict[str, str]:
    """The WARC header fields of the record in ``member``; checks its block is complete."""
    if not member.head.startswith(b"WARC/1."):
        raise _Corrupt("gzip member holds no WARC record")
    header, sep, _ = member.head.partition(b"\r\n\r\n")
    if not sep:
        raise _Corrupt("WARC record header is not terminated")
    fields = {}
    for line in header.decode("utf-8", "replace").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    try:
        length = int(fields.get("content-length", ""))
    except ValueError:
        raise _Corrupt("WARC record has no valid Content-Length") from None
    got = member.size - len(header) - 4
    if got < length:
        raise _Corrupt(f"WARC record block is truncated ({max(got, 0)} of {length} bytes)")
    return fields


def _next_record(data: bytes, start: int) -> int | None:
    """Offset of the next readable record after damaged bytes, if any."""
    pos = data.find(_GZIP_MAGIC, start)
    while pos != -1:
        try:
            _record_headers(_read_member(memoryview(data), pos))
            return pos
        except _Corrupt:
            pos = data.find(_GZIP_MAGIC, pos + 1)
    return None


def check_warc(key: str, data: bytes, where: str) -> WarcCheck:
    """Walk a ``.warc.gz`` file record by record; collect its faults, revisits and originals."""
    check, pos, view = WarcCheck(key, where, size=len(data)), 0, memoryview(data)
    if not data:
        check.faults.append(Fault(where, 0, "empty file (not even a warcinfo record)", None))
    while pos < len(data):
        try:
            member = _read_member(view, pos)
            _note_record(check, pos, _record_headers(member))
        except _Corrupt as exc:
            resumed = _next_record(data, pos + 1)
            check.faults.append(Fault(where, pos, str(exc), resumed))
            if resumed is None:
                break
            pos = resumed
            continue
        pos += member.length
        if not check.faults:
            check.prefix_end = pos
    return check


def _note_record(check: WarcCheck, offset: int, fields: dict[str, str]) -> None:
    check.good_offsets.add(offset)
    kind, url, digest = fields.get("warc-type", ""), fields.get("warc-target-uri", ""), fields.get("warc-payload-digest", "")
    if kind in _ORIGINAL_TYPES and digest:
        check.originals.add((url, digest))
    elif kind == _REVISIT:
        check.revisits.append(Revisit(check.key, check.where, offset, url, fields.get("warc-date", ""), digest,
                                      fields.get("warc-refers-to-target-uri", ""), fields.get("warc-refers-to-date", ""),
                                      fields.get("warc-refers-to", "")))


def orphan_revisits(checks: list[WarcCheck]) -> list[Revisit]:
    """Revisits whose original (same target URI, same payload digest) is not among the good records."""
    originals = set().union(*(c.originals for c in checks))
    return [r for c in checks for r in c.revisits if (r.refers_to_uri or r.url, r.digest) not in originals]


# --------------------------------------------------------------------------- the index


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


def _read_warc(store: Store, key: str) -> bytes:
    """The one place WARC bytes are read (remote stores are mirrored to a local folder first)."""
    return store.read_bytes(key)


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


def build_index(store: Store, state: Path, python: Path) -> ReplayIndex:
    """Check every WARC of ``store``, gather its index lines, write ``state/index.cdxj``."""
    started = time.monotonic()
    keys = set(store.list("warc/"))
    warcs = sorted(k for k in keys if k.endswith(".warc.gz"))
    if not warcs:
        raise ReplayError(f"no WARC file in {store.describe('warc')}: there is nothing to replay yet. "
                          "Crawl into this store first (khabar crawl OUTLET --store STORE).")
    per_warc: dict[str, tuple[WarcCheck, list[str]]] = {}
    pending: dict[str, tuple[bytes, set[int]]] = {}
    fresh = []
    for key in warcs:
        cached = _cached(store, state, key)
        if cached is None:
            fresh.append(key)
        per_warc[key] = cached or _check_one(store, key, keys, pending)
    for key, lines in _index_with_cdxj_indexer(pending, state, python).items():
        per_warc[key] = (per_warc[key][0], lines)
    for key in fresh:
        _remember(state, *per_warc[key])
    checks = [check for check, _ in per_warc.values()]
    orphans = orphan_revisits(checks)
    skip = {(r.key, r.offset) for r in orphans}
    lines = sorted(line for _, found in per_warc.values() for line in found if _line_place(line) not in skip)
    path = _write_atomically(state / "index.cdxj", "".join(line + "\n" for line in lines))
    return ReplayIndex(path, len(lines), len(warcs), len(fresh), len(pending), [f for c in checks for f in c.faults],
                       orphans, time.monotonic() - started)


def _check_one(store: Store, key: str, keys: set[str], pending: dict[str, tuple[bytes, set[int]]]
               ) -> tuple[WarcCheck, list[str]]:
    """Check one WARC; its lines from the CDXJ beside it, or (none yet) queued in ``pending`` for indexing."""
    data = _read_warc(store, key)
    check = check_warc(key, data, store.describe(key))
    beside = _cdxj_key(key)
    found = _lines_for(key, store.read_bytes(beside).decode("utf-8"), check.good_offsets) if beside in keys else None
    if found is None:
        pending[key] = (data[:check.prefix_end], check.good_offsets)
    return check, found or []


# A finished WARC file never changes (``.open`` until complete, then renamed), so what checking it
# found is kept in ``state/replay/warcs/<key>.json`` and reused while its size is the same.
# ``khabar verify`` is the tool that re-reads everything.
_CACHE_VERSION = 1


def _size(store: Store, key: str) -> int | None:
    size = getattr(store, "size", None)
    try:
        return int(size(key)) if size else None
    except OSError:
        return None


def _cache_path(state: Path, key: str) -> Path:
    return state / "warcs" / f"{key}.json"


def _cached(store: Store, state: Path, key: str) -> tuple[WarcCheck, list[str]] | None:
    size, path = _size(store, key), _cache_path(state, key)
    if size is None or not path.is_file():
        return None
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved["version"] != _CACHE_VERSION or saved["check"]["size"] != size:
            return None
        return _check_from_json(saved["check"], store.describe(key)), saved["lines"]
    except (ValueError, KeyError, TypeError):
        return None


def _remember(state: Path, check: WarcCheck, lines: list[str]) -> None:
    saved = {"version": _CACHE_VERSION, "check": _check_to_json(check), "lines": lines}
    _write_atomically(_cache_path(state, check.key), json.dumps(saved, ensure_ascii=False))


def _check_to_json(check: WarcCheck) -> dict[str, Any]:
    return {"key": check.key, "size": check.size, "good_offsets": sorted(check.good_offsets),
            "prefix_end": check.prefix_end, "faults": [asdict(f) for f in check.faults],
            "revisits": [asdict(r) for r in check.revisits], "originals": sorted(check.originals)}


def _check_from_json(saved: dict[str, Any], where: str) -> WarcCheck:
    return WarcCheck(saved["key"], where, saved["size"], set(saved["good_offsets"]), saved["prefix_end"],
                     [Fault(**{**f, "where": where}) for f in saved["faults"]],
                     [Revisit(**{**r, "where": where}) for r in saved["revisits"]],
                     {(url, digest) for url, digest in saved["originals"]})


def _line_place(line: str) -> tuple[str, int]:
    fields = json.loads(line.split(" ", 2)[2])
    return fields["filename"], int(fields["offset"])


def _index_with_cdxj_indexer(pending: dict[str, tuple[bytes, set[int]]], state: Path, python: Path
                             ) -> dict[str, list[str]]:
    """Index WARCs that have no CDXJ beside them (their good leading records) with pywb's cdxj-indexer."""
    if not pending:
        return {}
    work = state / "pending"
    shutil.rmtree(work, ignore_errors=True)
    for key, (data, _) in pending.items():
        (work / key).parent.mkdir(parents=True, exist_ok=True)
        (work / key).write_bytes(data)
    out = state / "pending.cdxj"
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


def _write_atomically(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
    return path


def report_problems(index: ReplayIndex, echo: Echo) -> None:
    for fault in index.faults:
        echo(f"warning: {fault.message()}")
    for revisit in index.orphans:
        echo(f"warning: {revisit.message()}")


# --------------------------------------------------------------------------- pywb's virtualenv


def pywb_venv_dir() -> Path:
    """Where pywb is installed: $KHABAR_PYWB_VENV, else a per-version folder in the user's cache."""
    override = os.environ.get("KHABAR_PYWB_VENV")
    if override:
        return Path(override).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "khabar" / f"pywb-{PYWB_VERSION}"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One installer at a time (parallel test runs, two terminals)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_pywb(venv: Path, echo: Echo) -> Path:
    """The Python of pywb's virtualenv, installing pywb there first if needed."""
    python, ready = venv / "bin" / "python", venv / ".khabar-ready"
    wanted = f"pywb=={PYWB_VERSION} cdxj-indexer=={CDXJ_INDEXER_VERSION}"
    if ready.is_file() and ready.read_text().strip() == wanted:
        return python
    with _locked(venv.with_name(venv.name + ".lock")):
        if ready.is_file() and ready.read_text().strip() == wanted:
            return python
        echo(f"First use: installing pywb {PYWB_VERSION} into its own virtualenv {venv} (once; about 30 s) ...")
        started = time.monotonic()
        if not python.is_file():
            _install_step(venv, [sys.executable, "-m", "venv", str(venv)])
        _install_step(venv, [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                             *wanted.split()])
        ready.write_text(wanted + "\n")
        echo(f"pywb installed in {time.monotonic() - started:.0f} s.")
    return python


def _install_step(venv: Path, command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise ReplayError(
            f"could not install pywb into {venv}: '{' '.join(command)}' exited with code {result.returncode}: "
            f"{result.stderr.strip()[-1500:]}\nCheck that the Python package index can be reached, or set "
            f"KHABAR_PYWB_VENV to a virtualenv with pywb=={PYWB_VERSION} and cdxj-indexer installed."
        )


# --------------------------------------------------------------------------- running pywb

_LAUNCHER = f"""
from gevent.monkey import patch_all; patch_all()
import sys
from gevent.pywsgi import WSGIServer
from pywb.apps.frontendapp import FrontEndApp
from pywb.utils.geventserver import RequestURIWSGIHandler
app = FrontEndApp(config_file=sys.argv[1])
server = WSGIServer((sys.argv[2], int(sys.argv[3])), app, handler_class=RequestURIWSGIHandler)
try:
    server.init_socket()
except OSError as exc:
    print("khabar-pywb-error", exc, flush=True)
    sys.exit(1)
print("{READY}", server.address[1], flush=True)
server.serve_forever()
"""


def write_config(archive_prefix: str, state: Path, index: Path) -> Path:
    """pywb's config.yaml: one collection, the merged index, the store as archive path (keys are relative)."""
    config = {
        "collections": {COLLECTION: {"index_paths": str(index), "archive_paths": archive_prefix}},
        "framed_replay": True,
        "enable_memento": True,
    }
    return _write_atomically(state / "config.yaml", yaml.safe_dump(config, sort_keys=False))


def _archive_prefix(store: LocalStore) -> str:
    """Where pywb reads WARC bytes: index ``filename`` fields are store keys, so the store's root."""
    return store.uri.rstrip("/") + "/"


# --------------------------------------------------------------------------- remote stores

_MIRRORED = (".warc.gz", ".cdxj")


def replay_cache_dir(store: Store) -> Path:
    """The local mirror of a remote store: $KHABAR_REPLAY_CACHE/<bucket>/<prefix>, else under the user's cache."""
    override = os.environ.get("KHABAR_REPLAY_CACHE")
    root = Path(override).expanduser() if override else \
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "khabar" / "replay"
    parsed = urlparse(store.uri)
    parts = [parsed.netloc, *filter(None, parsed.path.split("/"))]
    if not parts[0] or any(part in (".", "..") for part in parts):
        raise ReplayError(f"cannot derive a cache folder from the store URI {store.uri}")
    return root.joinpath(*parts).resolve()


def mirror_store(store: Store, target: Path, echo: Echo) -> LocalStore:
    """Copy the ``warc/`` keys of ``store`` into ``target`` (only missing or resized ones); a LocalStore on it."""
    started = time.monotonic()
    keys = [k for k in store.list("warc/") if k.endswith(_MIRRORED)]
    if not any(k.endswith(".warc.gz") for k in keys):
        raise ReplayError(f"no WARC file in {store.describe('warc')}: there is nothing to replay yet. "
                          "Crawl into this store first (khabar crawl OUTLET --store STORE).")
    sizes = {key: store.size(key) for key in keys}
    wanted = [key for key in keys if _local_size(_mirror_path(target, key)) != sizes[key]]
    total = sum(sizes[key] for key in wanted)
    echo(f"Mirroring {store.describe('warc')} into {target / 'warc'}: {len(wanted)} of {len(keys)} WARC/CDXJ files "
         f"to download ({total / 1e6:.1f} MB), the others are already there.")
    for key in wanted:
        _download(store, key, _mirror_path(target, key), sizes[key])
    removed = _remove_stale(target, set(keys))
    echo(f"Mirrored in {time.monotonic() - started:.1f} s"
         + (f"; removed {removed} file(s) no longer in the store." if removed else "."))
    return LocalStore(target)


def _mirror_path(target: Path, key: str) -> Path:
    path = (target / key).resolve()
    if not path.is_relative_to(target) or not key.startswith("warc/"):
        raise ReplayError(f"{key!r} is not a store key that can be mirrored into {target}")
    return path


def _local_size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _download(store: Store, key: str, path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".part")
    stream = store.open_read(key)
    try:
        with open(temp, "wb") as out:
            shutil.copyfileobj(stream, out, _CHUNK * 16)
    finally:
        stream.close()
    got = temp.stat().st_size
    if got != size:
        temp.unlink(missing_ok=True)
        raise ReplayError(f"downloading {store.describe(key)} gave {got} bytes, but the store lists {size}: "
                          "was it replaced meanwhile? Run khabar replay again.")
    os.replace(temp, path)


def _remove_stale(target: Path, keys: set[str]) -> int:
    """Mirrored files (and leftover partial downloads) the store no longer holds."""
    removed = 0
    for path in sorted((target / "warc").rglob("*")) if (target / "warc").is_dir() else []:
        if path.is_file() and (path.name.endswith(".part") or path.name.endswith(_MIRRORED)) \
                and path.relative_to(target).as_posix() not in keys:
            path.unlink()
            removed += 0 if path.name.endswith(".part") else 1
    return removed


def _die_with_parent() -> None:
    """Linux: pywb gets SIGTERM if khabar itself is killed, so no server outlives it."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextmanager
def running_pywb(python: Path, config: Path, port: int) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Start pywb on HOST:port (0: any free port); yield the process and the port it listens on."""
    preexec = _die_with_parent if sys.platform.startswith("linux") else None
    child = subprocess.Popen([str(python), "-c", _LAUNCHER, str(config), HOST, str(port)], cwd=config.parent,
                             stdout=subprocess.PIPE, text=True, preexec_fn=preexec)
    try:
        yield child, _await_port(child, port)
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _await_port(child: subprocess.Popen[str], port: int) -> int:
    assert child.stdout is not None
    timer = threading.Timer(START_TIMEOUT, child.kill)
    timer.start()
    try:
        line = child.stdout.readline().split()
    finally:
        timer.cancel()
    if line[:1] != [READY]:
        detail = " ".join(line[1:]) if line[:1] == ["khabar-pywb-error"] else f"exit code {child.wait()}, its messages are above"
        raise ReplayError(f"pywb could not start on {HOST}:{port} ({detail}). "
                          "Pick another port with --port, or --port 0 for any free one.")
    threading.Thread(target=_relay, args=(child.stdout, sys.stdout), daemon=True).start()
    return int(line[1])


def _relay(source: IO[str], sink: IO[str]) -> None:
    for line in source:
        sink.write(line)
        sink.flush()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve_until_stopped(child: subprocess.Popen[str]) -> int:
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        code = child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(f"pywb stopped by itself (exit code {code}).", err=True)
    return code or 1


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


def replay(store_uri: str, port: int = 0, echo: Echo = _echo_err) -> int:
    """``khabar replay``: check and index the store, then serve it through pywb until Ctrl-C or SIGTERM."""
    opened = open_store(store_uri)
    store = opened if isinstance(opened, LocalStore) else mirror_store(opened, replay_cache_dir(opened), echo)
    archive_prefix = _archive_prefix(store)
    python = ensure_pywb(pywb_venv_dir(), echo)
    state = store.spool / "state" / "replay"
    index = build_index(store, state, python)
    report_problems(index, echo)
    echo(f"Indexed {index.captures} captures from {index.warcs} WARC files in {index.seconds:.1f} s ({index.checked_now} "
         f"checked now, {index.indexed_now} of them without a CDXJ beside them): {index.path}")
    config = write_config(archive_prefix, state, index.path)
    with running_pywb(python, config, port) as (child, actual):
        click.echo(f"Replaying {opened.uri} at http://{HOST}:{actual}/{COLLECTION}/  (Ctrl-C to stop)")
        click.echo(f"  a page as captured at a time: http://{HOST}:{actual}/{COLLECTION}/<YYYYMMDDhhmmss>/<URL>;"
                   f" all captures of a URL: http://{HOST}:{actual}/{COLLECTION}/*/<URL>")
        return _serve_until_stopped(child)
