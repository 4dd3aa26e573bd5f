"""Archive stores, chosen by URI scheme.

A store holds finished files under store-relative keys (the layout is in ``layout.py``). Writers
never write into a store directly: they write into the store's *spool* folder under a temporary
name, rename when the file is complete, then call ``publish(key)``. For the local store the spool
is the store itself, so publishing is a no-op; for S3 the spool is a local folder and publishing
uploads, verifies and only then deletes the local copy.
"""

from __future__ import annotations

from crawler.storage.base import Store, open_store, store_from_settings
from crawler.storage.local import LocalStore

__all__ = ["LocalStore", "Store", "open_store", "store_from_settings"]
