"""pywb: its own virtualenv, its config.yaml, and its process.

pywb pins old libraries, so it lives in a virtualenv of its own, created on first use (about
30 s, printed) and kept for every store and every later run:

    KHABAR_PYWB_VENV   (default <user cache>/pywb-<version>; see crawler.storage.cache)

It runs as pywb's wayback app under gevent (no uwsgi) on 127.0.0.1, one collection named
``khabar``; it dies with khabar (Linux) and is stopped when khabar stops.
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

import click
import yaml

from crawler.errors import ReplayError
from crawler.storage import LocalStore
from crawler.storage.atomic import write_atomically
from crawler.storage.cache import user_cache_dir

PYWB_VERSION = "2.10.0"
CDXJ_INDEXER_VERSION = "1.5.0"
PYWB_LOCK = Path(__file__).resolve().parent.parent / "data" / "pywb.lock"  # scripts/lock regenerates it
COLLECTION = "khabar"
HOST = "127.0.0.1"
READY = "khabar-pywb-listening"
START_TIMEOUT = 60.0

Echo = Callable[[str], None]


# --------------------------------------------------------------------------- the virtualenv


def pywb_venv_dir() -> Path:
    """Where pywb is installed: $KHABAR_PYWB_VENV, else a per-version folder in the user's cache."""
    override = os.environ.get("KHABAR_PYWB_VENV")
    return Path(override).expanduser() if override else user_cache_dir() / f"pywb-{PYWB_VERSION}"


def ensure_pywb(venv: Path, echo: Echo) -> Path:
    """The Python of pywb's virtualenv, installing pywb there first if needed."""
    python, ready = venv / "bin" / "python", venv / ".khabar-ready"
    lock_digest = hashlib.sha256(PYWB_LOCK.read_bytes()).hexdigest()[:16]  # a regenerated lock reinstalls
    wanted = f"pywb=={PYWB_VERSION} cdxj-indexer=={CDXJ_INDEXER_VERSION} lock={lock_digest}"
    if ready.is_file() and ready.read_text().strip() == wanted:
        return python
    with _locked(venv.with_name(venv.name + ".lock")):
        if ready.is_file() and ready.read_text().strip() == wanted:
            return python
        echo(f"First use: installing pywb {PYWB_VERSION} into its own virtualenv {venv} (once; about 30 s) ...")
        started = time.monotonic()
        install_pywb(venv, python)
        write_atomically(ready, wanted + "\n")
        echo(f"pywb installed in {time.monotonic() - started:.0f} s.")
    return python


def install_pywb(venv: Path, python: Path) -> None:
    """Create the virtualenv (if needed) and install pywb and cdxj-indexer into it, exactly as locked."""
    if not python.is_file():
        _install_step(venv, [sys.executable, "-m", "venv", str(venv)])
    _install_step(venv, [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                         "--require-hashes", "--no-deps", "--requirement", str(PYWB_LOCK)])


def _install_step(venv: Path, command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise ReplayError(
            f"could not install pywb into {venv}: '{' '.join(command)}' exited with code {result.returncode}: "
            f"{result.stderr.strip()[-1500:]}\nCheck that the Python package index can be reached, or set "
            f"KHABAR_PYWB_VENV to a virtualenv with pywb=={PYWB_VERSION} and cdxj-indexer installed."
        )


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


# --------------------------------------------------------------------------- the config


def write_config(store: LocalStore, state: Path, index: Path) -> Path:
    """pywb's config.yaml: one collection, the merged index, the store's root as archive path.

    Index ``filename`` fields are store keys, so pywb finds WARC bytes under the store's root.
    """
    config = {
        "collections": {COLLECTION: {"index_paths": str(index), "archive_paths": store.uri.rstrip("/") + "/"}},
        "framed_replay": True,
        "enable_memento": True,
    }
    return write_atomically(state / "config.yaml", yaml.safe_dump(config, sort_keys=False))


# --------------------------------------------------------------------------- the process

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


def serve_until_stopped(child: subprocess.Popen[str]) -> int:
    """Wait for pywb; Ctrl-C or SIGTERM stop it (exit status 0), pywb stopping by itself does not."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        code = child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(f"pywb stopped by itself (exit code {code}).", err=True)
    return code or 1


def _die_with_parent() -> None:
    """Linux: pywb gets SIGTERM if khabar itself is killed, so no server outlives it."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


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
