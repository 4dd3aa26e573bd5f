"""``khabar discover URL``: probe a site and print a catalog entry ready to paste."""

from __future__ import annotations

import sys
import tempfile
from typing import Any

import click
import yaml


def probe_entry(url: str, outlet_id: str | None, country: str, user_agent: str) -> tuple[dict[str, Any], Any]:
    from crawler.catalog import parse_outlet
    from crawler.discovery.probe import Prober, catalog_entry

    probe = Prober(url, user_agent).run()
    entry = catalog_entry(probe, outlet_id, country)
    parse_outlet(entry, "khabar discover")  # what we print must load
    return entry, probe


def entry_yaml(entry: dict[str, Any], probe: Any) -> str:
    lines = [f"# khabar discover {probe.homepage}"]
    lines += [f"#   found:  {line}" for line in probe.found]
    lines += [f"#   failed: {line}" for line in probe.failed]
    if entry["country"] == "ZZ":
        lines.append("#   country is unknown (ZZ): set it, and group, before adding the entry to the catalog")
    return "\n".join(lines) + "\n" + yaml.safe_dump([entry], allow_unicode=True, sort_keys=False)


@click.command()
@click.argument("url")
@click.option("--id", "outlet_id", help="The outlet id to give the entry (default: from the host name).")
@click.option("--country", default="ZZ", help="ISO 3166-1 alpha-2 code of the outlet's main market.")
def discover(url: str, outlet_id: str | None, country: str) -> None:
    """Probe the site at URL (home page, robots.txt, sitemaps, feeds, WordPress REST) and print its catalog entry."""
    from crawler.run.settings import khabar_settings

    try:
        entry, probe = probe_entry(url, outlet_id, country.upper(), khabar_settings().get("USER_AGENT"))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="URL") from None
    click.echo(entry_yaml(entry, probe), nl=False)
    sys.exit(0 if probe.feeds or probe.sitemaps or probe.wp_json or probe.pagination else 3)


def catalog_file_for(url: str, user_agent: str) -> tuple[str, str]:
    """Probe a site that is not in the catalog; write its entry to a temporary catalog file."""
    entry, probe = probe_entry(url, None, "ZZ", user_agent)
    handle = tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix="khabar-discovered-", delete=False, encoding="utf-8")
    with handle:
        handle.write(entry_yaml(entry, probe))
    click.echo(entry_yaml(entry, probe), err=True, nl=False)
    return entry["id"], handle.name
