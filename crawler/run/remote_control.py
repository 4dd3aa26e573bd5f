"""Scrapy's remote-control server: off unless the operator asks, and no stale job files left behind.

Scrapy 2.19 starts, in every crawl, an HTTP endpoint on loopback that runs any Python code sent with its
token, and writes that token into a job file in the user's state folder. A production crawler keeps it off
unless ``KHABAR_REMOTE_CONTROL`` is set, and removes the job files of crawls that died without removing
theirs (a killed crawl leaves its token behind).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

_JOB_FILE = re.compile(r"^(\d+)-[0-9a-f]+\.json$")  # <pid>-<uuid hex>.json, as Scrapy names them


_EXTENSION = "scrapy.extensions.remote_control.RemoteControl"


def configure_remote_control(settings: BaseSettings) -> None:
    """REMOTE_CONTROL_ENABLED follows KHABAR_REMOTE_CONTROL unless set explicitly; stale job files go.

    When it is off, the extension is taken out of EXTENSIONS_BASE (unless the operator listed it in EXTENSIONS):
    Scrapy would import its module to learn that it is off, and with it aiohttp, about 1 MB in every crawl
    process. (A ``None`` in EXTENSIONS would not do: Scrapy imports the keys of EXTENSIONS to compare them.)"""
    if (settings.getpriority("REMOTE_CONTROL_ENABLED") or 0) <= 20:  # the settings module's or Scrapy's default
        settings.set("REMOTE_CONTROL_ENABLED", settings.getbool("KHABAR_REMOTE_CONTROL"), priority="project")
    if not settings.getbool("REMOTE_CONTROL_ENABLED") and _EXTENSION not in settings.getdict("EXTENSIONS"):
        base = settings.getdict("EXTENSIONS_BASE")
        if base.pop(_EXTENSION, None) is not None:
            settings.set("EXTENSIONS_BASE", base, priority="project")
    removed = remove_stale_job_files(_job_files_dir(settings))
    if removed:
        logger.info("removed %d remote-control job file(s) left by crawls that are no longer running", len(removed))


def _job_files_dir(settings: BaseSettings) -> Path | None:
    try:
        from scrapy.utils._remote_control import job_files_dir
    except ImportError:  # a Scrapy without the remote-control server
        return None
    return job_files_dir(settings)


def remove_stale_job_files(folder: Path | None) -> list[Path]:
    """Remove ``<pid>-<hex>.json`` job files whose process is gone; return what was removed."""
    if folder is None or not folder.is_dir():
        return []
    removed = []
    for path in folder.iterdir():
        match = _JOB_FILE.match(path.name)
        if match and not _running(int(match.group(1))):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True
