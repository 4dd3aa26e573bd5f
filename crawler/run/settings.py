"""Khabar's settings, built one way for ``khabar``, ``scrapy crawl`` and the store.

Three layers, lowest priority first:

    "project" (20)   the settings module, ``settings/__init__.py``
    ENV_PRIORITY (30) ``KHABAR_*`` environment variables (only names the settings module defines)
    "cmdline" (40)   ``-s NAME=VALUE`` and the options of ``khabar`` commands

``khabar`` builds all three with :func:`khabar_settings`. ``scrapy crawl`` loads the module and its
``-s`` options itself; :func:`apply_environment` adds the middle layer, from ``NewsSpider.update_settings``
(before the spider reads a setting) and from ``KhabarAddon`` (for any other spider). Nothing else
reads ``KHABAR_*`` from the environment: every component gets its settings from its crawler, and the
store from the settings it is opened with (``crawler.storage.store_from_settings``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from scrapy.settings import BaseSettings, Settings

ENV_PRIORITY = 30  # above the settings module ("project", 20), below the command line ("cmdline", 40)
ENV_PREFIX = "KHABAR_"
CRAWL_ID_TIME = "%Y%m%dT%H%M%SZ"


def new_crawl_id(now: datetime | None = None) -> str:
    """A sortable, unique crawl id: ``20261124T215042Z-3fa9c1``."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return f"{moment:{CRAWL_ID_TIME}}-{secrets.token_hex(3)}"


def crawl_id_time(crawl_id: str) -> datetime | None:
    """When a crawl made by :func:`new_crawl_id` started (UTC); None for an id set another way (KHABAR_CRAWL_ID)."""
    try:
        return datetime.strptime(crawl_id.partition("-")[0], CRAWL_ID_TIME).replace(tzinfo=UTC)
    except ValueError:
        return None


def ensure_crawl_id(settings: BaseSettings, priority: str = "project") -> str:
    """The run's id, ``KHABAR_CRAWL_ID``, made now when nobody set it: every component of a run, and every
    crawler of a multi-outlet run, names the same crawl ("project": the settings module's None has that priority)."""
    if not settings.get("KHABAR_CRAWL_ID"):
        settings.set("KHABAR_CRAWL_ID", new_crawl_id(), priority=priority)
    return str(settings.get("KHABAR_CRAWL_ID"))


def apply_environment(settings: BaseSettings, environ: Mapping[str, str] | None = None) -> None:
    """Set each ``KHABAR_*`` variable of ``environ`` (default: the process environment) that names a
    setting, at ENV_PRIORITY: it overrides the settings module, never a command-line ``-s``."""
    for name, value in (os.environ if environ is None else environ).items():
        if name.startswith(ENV_PREFIX) and name in settings:
            settings.set(name, value, priority=ENV_PRIORITY)


def khabar_settings(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """The settings of a ``khabar`` command: the settings module, then ``KHABAR_*`` from ``environ``
    (default: the process environment), then ``overrides`` (command line), and one crawl id for the run."""
    settings = Settings()
    settings.setmodule("settings", priority="project")
    apply_environment(settings, environ)
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    ensure_crawl_id(settings, priority="cmdline")  # one id for every outlet of this run
    return settings
