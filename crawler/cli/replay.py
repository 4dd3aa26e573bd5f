"""``khabar replay STORE [--port N]``: serve an archive through pywb (see :mod:`crawler.replay`)."""

from __future__ import annotations

import sys

import click

from crawler.cli.options import command_settings, existing_store, set_option


@click.command()
@click.argument("store")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 to serve on (0: any free port; the URL is printed).")
@set_option
def replay(store: str, port: int, set_: tuple[str, ...]) -> None:
    """Serve the archive in STORE through pywb until Ctrl-C.

    pywb is installed into its own virtualenv on first use (KHABAR_PYWB_VENV, default
    ~/.cache/khabar/pywb-<version>). Corrupt WARC files and revisits whose original is missing
    are reported; everything else is served.
    """
    from crawler.replay import replay as serve

    sys.exit(serve(existing_store(command_settings(set_, {"KHABAR_STORE_URI": store})), port))
