"""Khabar's per-user cache folder (never part of an archive): what can be rebuilt at any time.

    KHABAR_CACHE_DIR   (default $XDG_CACHE_HOME/khabar, else ~/.cache/khabar)

It holds the decompressed language model, pywb's virtualenv and the local mirrors of remote
stores for replay (each of those has its own override too).
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """$KHABAR_CACHE_DIR, else ``khabar`` under $XDG_CACHE_HOME, else ~/.cache/khabar."""
    override = os.environ.get("KHABAR_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "khabar"
