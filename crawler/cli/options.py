"""The ``-s NAME=VALUE`` option every ``khabar`` command shares, and the settings it builds.

Settings of a command: the settings module, then ``KHABAR_*`` environment variables, then ``-s`` and
the command's own options (``crawler.run.settings.khabar_settings``), as for ``scrapy crawl``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from scrapy.settings import Settings

set_option = click.option("-s", "--set", "set_", multiple=True, metavar="NAME=VALUE",
                          help="Any Scrapy or KHABAR_ setting, e.g. -s KHABAR_S3_ENDPOINT_URL=http://127.0.0.1:8333 "
                               "(above the settings module and KHABAR_* environment variables).")


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
