"""Running crawls the way users do, as child processes (a Twisted reactor starts once per process)."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[2]
KHABAR = [sys.executable, "-m", "crawler.cli"]


def run(cmd: list[str], timeout: float = 300, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=full_env)
    return result


def crawl_log(store: Path, stdout: str = "") -> str:
    """What ``khabar crawl`` logged into the store (``runs/<crawl-id>/crawl.log``, Scrapy's whole log): of the
    crawl its summary in ``stdout`` names (``Khabar crawl <id> finished.``), or of every crawl of the store."""
    named = re.search(r"^Khabar crawl (\S+) ", stdout, re.MULTILINE)
    paths = sorted(store.glob(f"runs/{named.group(1) if named else '*'}/crawl.log"))
    assert paths, f"no crawl log in {store / 'runs'}"
    return "".join(path.read_text(encoding="utf-8") for path in paths)


def scrapy_runspider(spider_file: str, store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "scrapy", "runspider", spider_file, "-s", f"KHABAR_STORE_URI={store}", *args])


def warc_records(store: Path) -> list[tuple[Path, Any, bytes]]:
    """Every record of every WARC file in a store: (file, record, whole block bytes, HTTP head included)."""
    out = []
    for path in sorted(store.glob("warc/**/*.warc.gz")):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle, no_record_parse=True):
                out.append((path, record, record.raw_stream.read()))
    return out


def article_records(store: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted(store.glob("records/**/*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            out += [json.loads(line) for line in handle]
    return out
