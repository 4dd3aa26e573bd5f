"""``khabar demo serve``: the bundled offline demo outlets."""

from __future__ import annotations

import sys

import click


@click.group()
def demo() -> None:
    """The bundled offline demo outlets."""


@demo.command("serve")
@click.option("--at", help="Set the demo clock (ISO 8601), e.g. 2026-11-23T08:00:00+00:00.")
@click.option("--catalog-out", type=click.Path(dir_okay=False), help="Write the demo outlets' catalog entries here.")
def demo_serve(at: str | None, catalog_out: str | None) -> None:
    """Serve the demo outlets on loopback until Ctrl-C."""
    from crawler.demo.process import serve_demo

    sys.exit(serve_demo(at, catalog_out))
