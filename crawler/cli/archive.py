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


def _byte_size(value: str | None) -> int | None:
    """``500MB``, ``2GB``, ``750k`` or a number of bytes; a usage error naming the expected form."""
    if value is None:
        return None
    units = {"": 1, "B": 1, "K": 10**3, "KB": 10**3, "M": 10**6, "MB": 10**6, "G": 10**9, "GB": 10**9,
             "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}
    text = value.strip().upper().replace(" ", "")
    number = text.rstrip("KMGIB")
    try:
        size = int(float(number) * units[text[len(number):]])
    except (ValueError, KeyError):
        raise click.BadParameter(f"{value!r} is not a size like 500MB, 2GB or 750000") from None
    if size <= 0:
        raise click.BadParameter(f"{value!r}: the size cap must be more than 0 bytes")
    return size


@click.command()
@click.argument("store")
@click.option("--out", "out", type=click.Path(dir_okay=False),
              help="The .wacz file to write (several: NAME-001.wacz, NAME-002.wacz … beside it).")
@click.option("--crawl-id", help="Only the WARCs of this crawl (as its run reports list them).")
@click.option("--outlet", help="Only this outlet.")
@click.option("--date", "day", help="Only this capture day (YYYY-MM-DD): with --outlet, one outlet-day.")
@click.option("--since", help="Captured on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Captured on or before this day (YYYY-MM-DD).")
@click.option("--max-size", help="Cap each WACZ at this size (500MB, 2GB): several WACZ files when passed.")
@click.option("--upload", is_flag=True, help="Publish each WACZ to the store (wacz/outlet=<id>/…) once it is complete.")
@set_option
def wacz(store: str, out: str | None, crawl_id: str | None, outlet: str | None, day: str | None, since: str | None,
         until: str | None, max_size: str | None, upload: bool, set_: tuple[str, ...]) -> None:
    """Package the WARCs of STORE (and a pages list of its articles, with their text) as validated WACZ files."""
    from crawler.archive.wacz import WaczResult, WaczSelection, make_waczs
    from crawler.errors import UploadsPending

    if day and (since or until):
        raise click.UsageError("--date is one day: give it alone, or --since/--until for a range")
    if out is None and not upload:
        raise click.UsageError("say where the WACZ goes: --out FILE.wacz, --upload (into the store), or both")
    first = _date_option(day or since)
    selection = WaczSelection(crawl_id, outlet, first, first if day else _date_option(until))
    opened = _open(store, set_)

    def said(result: WaczResult) -> None:
        where = ", ".join(str(w) for w in (result.path, result.key and opened.describe(result.key)) if w)
        click.echo(f"Wrote {where}: {result.warc_files} WARC files, {result.pages} pages, "
                   f"{result.size / 1e6:.1f} MB; wacz validate passed.")
        if result.alone_over_cap:
            click.echo(f"  note: its WARC file alone is larger than --max-size {max_size}: it is packaged by itself.")

    run = make_waczs(opened, selection, Path(out) if out else None, _byte_size(max_size), upload, said)
    if upload:
        status = opened.drain(None)
        if status.spooled:
            raise UploadsPending(f"{len(status.spooled)} WACZ file(s) are still in the spool {status.spool_dir}. "
                                 f"Nothing is lost; run 'khabar store sync --store {opened.uri}' once the store is reachable.")
    if len(run.packages) > 1:
        click.echo(f"{len(run.packages)} WACZ files for {selection.describe()}.")


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
