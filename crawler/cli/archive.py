"""``khabar verify``, ``reextract``, ``wacz`` and ``dedup``: working on an archive after the crawl.

STORE is a folder or ``s3://bucket/prefix``; an S3 store is configured like a crawl's: ``KHABAR_S3_*``
settings from the environment or ``-s NAME=VALUE``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.cli.options import command_settings, existing_store, set_option
from crawler.cli.options import day_option as _date_option

if TYPE_CHECKING:
    from crawler.storage import Store


def _open(store: str, set_: tuple[str, ...]) -> Store:
    """The store STORE names, configured by the command's settings."""
    return existing_store(command_settings(set_, {"KHABAR_STORE_URI": store}))


@click.command()
@click.argument("store")
@click.option("--max-faults", default=50, show_default=True, help="Print at most this many faults.")
@set_option
def verify(store: str, max_faults: int, set_: tuple[str, ...]) -> None:
    """Check every WARC of STORE and the links between WARCs and article records."""
    from crawler.archive.verify import verify_store

    report = verify_store(_open(store, set_))
    for name, count in sorted(report.counts.items()):
        click.echo(f"  {name:22} {count}")
    for notice in report.notices:
        click.echo(f"  note: {notice}")
    for fault in report.faults[:max_faults]:
        click.echo(f"FAULT {fault}", err=True)
    if len(report.faults) > max_faults:
        click.echo(f"… and {len(report.faults) - max_faults} more faults", err=True)
    click.echo(f"{'OK' if report.ok else 'FAILED'}: {len(report.faults)} faults in {store}")
    sys.exit(0 if report.ok else 1)


@click.command()
@click.argument("store")
@click.option("--outlet", help="Only this outlet's WARCs.")
@click.option("--since", help="Only WARCs captured on or after this day (YYYY-MM-DD).")
@click.option("--catalog-extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More catalog entries (outlets not in the shipped catalog).")
@set_option
def reextract(store: str, outlet: str | None, since: str | None, catalog_extra: tuple[str, ...],
              set_: tuple[str, ...]) -> None:
    """Rebuild article records from the WARCs of STORE alone, with today's extractor."""
    from crawler.archive.reextract import Reextractor
    from crawler.catalog import catalog_from_settings
    from crawler.warc.capture import WarcConfig
    from crawler.warc.links import LinkFiles

    settings = command_settings(set_, {"KHABAR_STORE_URI": store,
                                       "KHABAR_CATALOG_EXTRA": list(catalog_extra) if catalog_extra else None})
    opened = existing_store(settings)
    reextractor = Reextractor(opened, catalog_from_settings(settings), outlet, _date_option(since),
                              max_size=settings.getint("DOWNLOAD_MAXSIZE"))
    links = LinkFiles(opened, WarcConfig.from_settings(settings), {"khabar-crawl-id": reextractor.report.run_id})
    reextractor.link = links
    report = reextractor.run()
    links.close()
    report.files += links.published
    for name, count in sorted(report.counts.items()):
        click.echo(f"  {name:28} {count}")
    for key in report.files:
        click.echo(f"  wrote {key}")
    for problem in report.problems:
        click.echo(f"  problem: {problem}", err=True)
    click.echo(f"Re-extraction {report.run_id} finished: {report.counts['records']} records.")
    sys.exit(1 if report.problems else 0)


@click.command()
@click.argument("store")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The .wacz file to write.")
@click.option("--outlet", help="Only this outlet.")
@click.option("--since", help="Captured on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Captured on or before this day (YYYY-MM-DD).")
@set_option
def wacz(store: str, out: str, outlet: str | None, since: str | None, until: str | None, set_: tuple[str, ...]) -> None:
    """Package the WARCs of STORE (and a pages list of its articles) as a validated WACZ file."""
    from crawler.archive.wacz import make_wacz

    result = make_wacz(_open(store, set_), Path(out), outlet, _date_option(since), _date_option(until))
    click.echo(f"Wrote {result.path}: {result.warc_files} WARC files, {result.pages} pages; wacz validate passed.")


@click.group()
def dedup() -> None:
    """The payload-digest index behind revisit records."""


@dedup.command("rebuild")
@click.argument("store")
@click.option("--dedup-uri", default=None,
              help="Index to fill: empty = SQLite in the store's state folder, or redis://… [KHABAR_DEDUP_URI]")
@set_option
def dedup_rebuild(store: str, dedup_uri: str | None, set_: tuple[str, ...]) -> None:
    """Rebuild the payload-digest index from the WARC files of STORE."""
    from crawler.archive.dedup_rebuild import rebuild_dedup_index
    from crawler.storage.layout import dedup_db
    from crawler.warc.dedup import open_dedup_index

    settings = command_settings(set_, {"KHABAR_STORE_URI": store, "KHABAR_DEDUP_URI": dedup_uri})
    opened = existing_store(settings)
    index = open_dedup_index(str(settings.get("KHABAR_DEDUP_URI") or ""), dedup_db(opened))
    counts, problems = rebuild_dedup_index(opened, index)
    index.close()
    for problem in problems:
        click.echo(f"  problem: {problem}", err=True)
    click.echo(f"Indexed {counts['responses indexed']} responses from {counts['warc files']} WARC files.")
    sys.exit(1 if problems else 0)
