"""ReplayWeb.page for tests: the npm package pinned by this folder's package-lock.json, served on loopback.

``install()`` runs ``npm ci`` into a cache folder named after the lock's digest (``~/.cache/khabar`` or
``$KHABAR_CACHE_DIR``), once per machine and lock; only the package's prebuilt ``ui.js`` and ``sw.js`` are used.
``ReplayWebPage`` serves them with a WACZ and an ``index.html`` holding one ``<replay-web-page>`` element, from
``http://127.0.0.1:PORT/`` (loopback counts as a secure context, which a service worker needs). The WACZ is
served with byte ranges, as ReplayWeb.page reads it.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

from crawler.storage.cache import user_cache_dir
from tests.support.loopback import LoopbackSite, QuietHandler

HERE = Path(__file__).resolve().parent


class NpmFailed(RuntimeError):
    """npm could not install ReplayWeb.page; the message holds npm's output."""


def install() -> Path:
    """The installed package folder (``node_modules/replaywebpage``), installing it first when needed."""
    lock = (HERE / "package-lock.json").read_bytes()
    folder = user_cache_dir() / f"replaywebpage-{hashlib.sha256(lock).hexdigest()[:16]}"
    package = folder / "node_modules" / "replaywebpage"
    if (package / "ui.js").is_file() and (package / "sw.js").is_file():
        return package
    npm = shutil.which("npm")
    if npm is None:
        raise NpmFailed("npm is not installed: 'apt-get install npm' (the ReplayWeb.page test needs it)")
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(HERE / name, partial / name)
    done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=partial,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise NpmFailed(f"npm ci of ReplayWeb.page failed ({done.returncode}) in {partial}:\n{done.stderr[-3000:]}")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return package


def index_html(wacz_name: str, url: str, timestamp: str) -> bytes:
    """A page embedding ReplayWeb.page on one capture of ``url`` in the WACZ."""
    return (f'<!doctype html>\n<html><head><meta charset="utf-8"><title>Khabar replay test</title>'
            f'<script src="./ui.js"></script></head>\n<body style="margin:0">\n'
            f'<replay-web-page style="display:block;height:900px" source="./{html.escape(wacz_name)}" '
            f'url="{html.escape(url)}" ts="{timestamp}" embed="replayonly" replayBase="./replay/">'
            f'</replay-web-page>\n</body></html>\n').encode()


class _Handler(QuietHandler):
    files: ClassVar[dict[str, tuple[Path | bytes, str]]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        found = self.files.get(self.path.split("?", 1)[0])
        if found is None:
            self.reply(404, "text/plain", b"not found")
            return
        source, content_type = found
        body = source if isinstance(source, bytes) else source.read_bytes()
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range") or "")
        if wanted is None:
            self.send_response(200)
            self._headers(content_type, len(body))
            self.wfile.write(body)
            return
        start, end = int(wanted.group(1)), int(wanted.group(2) or len(body) - 1)
        end = min(end, len(body) - 1)
        self.send_response(206)
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(body)}")
        self._headers(content_type, end - start + 1)
        self.wfile.write(body[start:end + 1])

    def do_HEAD(self) -> None:  # noqa: N802
        found = self.files.get(self.path.split("?", 1)[0])
        if found is None:
            self.reply(404, "text/plain", b"")
            return
        source, content_type = found
        self.send_response(200)
        self._headers(content_type, len(source) if isinstance(source, bytes) else source.stat().st_size)

    def _headers(self, content_type: str, length: int) -> None:
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()


class ReplayWebPage(LoopbackSite):
    """ReplayWeb.page on loopback, opening ``url`` at ``timestamp`` from ``wacz``."""

    def __init__(self, package: Path, wacz: Path, url: str, timestamp: str) -> None:
        files: dict[str, tuple[Path | bytes, str]] = {
            "/": (index_html(wacz.name, url, timestamp), "text/html; charset=utf-8"),
            "/ui.js": (package / "ui.js", "application/javascript"),
            "/replay/sw.js": (package / "sw.js", "application/javascript"),
            f"/{wacz.name}": (wacz, "application/wacz+zip"),
        }
        super().__init__(type("Handler", (_Handler,), {"files": files}))
