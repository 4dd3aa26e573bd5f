"""``khabar outlets``: the catalog, listed."""

from __future__ import annotations

import click


@click.command("outlets")
@click.option("--country", help="Only outlets of this ISO 3166 country code.")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False), help="Catalog file instead of the shipped one.")
def outlets_cmd(country: str | None, catalog: str | None) -> None:
    """List the outlets of the catalog."""
    from crawler.catalog import load_catalog

    for outlet in load_catalog(catalog):
        if country and outlet.country != country.upper():
            continue
        sources = f"{len(outlet.feeds)} feeds, {len(outlet.sitemaps)} sitemaps"
        click.echo(f"{outlet.id:28} {outlet.country}  {','.join(outlet.languages):8} {outlet.cms:10} {sources}  {outlet.homepage}")
