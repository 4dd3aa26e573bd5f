"""``khabar verify``, ``khabar reextract`` and ``khabar wacz``: working on an archive after the crawl."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-24") from None


@click.command()
@click.argument("store")
@click.option("--max-faults", default=50, show_default=True, help="Print at most this many faults.")
def verify(store: str, max_faults: int) -> None:
    """Check every WARC of STORE and the links between WARCs and article records."""
    from crawler.archive.verify import verify_store
    from crawler.storage import open_store

    report = verify_store(open_store(store))
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
def reextract(store: str, outlet: str | None, since: str | None, catalog_extra: tuple[str, ...]) -> None:
    """Rebuild article records from the WARCs of STORE alone, with today's extractor."""
    from crawler.archive.reextract import Reextractor
    from crawler.runner import khabar_settings
    from crawler.storage import open_store
    from spiders.news import catalog_from_settings

    settings = khabar_settings({"KHABAR_CATALOG_EXTRA": list(catalog_extra)} if catalog_extra else {})
    report = Reextractor(open_store(store), catalog_from_settings(settings), outlet, _day(since)).run()
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
def wacz(store: str, out: str, outlet: str | None, since: str | None, until: str | None) -> None:
    """Package the WARCs of STORE (and a pages list of its articles) as a validated WACZ file."""
    from crawler.archive.wacz import make_wacz
    from crawler.storage import open_store

    result = make_wacz(open_store(store), Path(out), outlet, _day(since), _day(until))
    click.echo(f"Wrote {result.path}: {result.warc_files} WARC files, {result.pages} pages; wacz validate passed.")
