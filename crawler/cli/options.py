"""The ``-s NAME=VALUE`` option every ``khabar`` command shares, the settings it builds, and the existing store
a command that reads an archive opens (:func:`existing_store`).

Settings of a command: the settings module, then ``KHABAR_*`` environment variables, then ``-s`` and
the command's own options (``crawler.run.settings.khabar_settings``), as for ``scrapy crawl``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import click

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings, Settings

    from crawler.storage import Store

set_option = click.option("-s", "--set", "set_", multiple=True, metavar="NAME=VALUE",
                          help="Any Scrapy or KHABAR_ setting, e.g. -s KHABAR_S3_ENDPOINT_URL=http://127.0.0.1:8333 "
                               "(above the settings module and KHABAR_* environment variables).")


def day_option(value: str | None) -> date | None:
    """A ``--since``/``--until`` value as a date; a usage error naming the expected form."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-24") from None


def parse_set(values: tuple[str, ...]) -> dict[str, str]:
    """``("NAME=VALUE", …)`` → ``{"NAME": "VALUE"}``; a value may itself contain ``=``."""
    pairs: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="-s/--set")
        pairs[name.strip()] = value
    return pairs


def command_settings(set_: tuple[str, ...] = (), options: Mapping[str, Any] | None = None) -> Settings:
    """The settings of a command run with ``-s`` values ``set_`` and options ``options`` (None values ignored)."""
    from crawler.run.settings import khabar_settings

    overrides: dict[str, Any] = parse_set(set_)
    overrides.update({name: value for name, value in (options or {}).items() if value is not None})
    return khabar_settings(overrides)


def existing_store(settings: BaseSettings) -> Store:
    """The store ``KHABAR_STORE_URI`` names, which must exist: a command that reads an archive never creates one."""
    from crawler.errors import StoreUnavailable
    from crawler.storage import store_from_settings

    uri = str(settings.get("KHABAR_STORE_URI") or "")
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file"):
        folder = Path(parsed.path if parsed.scheme == "file" else uri).expanduser()
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "does not exist"
            raise StoreUnavailable(f"no archive at {folder}: the path {what}. Pass the folder a crawl wrote "
                                   "(khabar crawl … --store FOLDER), or an s3://bucket/prefix URI.")
    return store_from_settings(settings)
