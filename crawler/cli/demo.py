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
@click.option("--port-base", type=click.IntRange(0, 65531),
              help="Port of demo-wp on 127.0.0.11 (default 8011); the other outlets on the next ones "
                   "(demo-cms 127.0.0.12:8012 …). 0: any free ports.")
def demo_serve(at: str | None, catalog_out: str | None, port_base: int | None) -> None:
    """Serve the demo outlets on loopback until Ctrl-C, each on a stable address (a taken one falls back
    to a free port, with a warning)."""
    from crawler.demo.process import serve_demo

    sys.exit(serve_demo(at, catalog_out, port_base))
