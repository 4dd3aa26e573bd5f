"""``khabar verify``, ``khabar reextract`` and ``khabar wacz``: working on an archive after the crawl."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click


def _date_option(value: str | None) -> date | None:
    """A ``--since``/``--until`` value as a date; a usage error naming the expected form."""
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
    from crawler.catalog import catalog_from_settings
    from crawler.run.runner import khabar_settings
    from crawler.storage import open_store

    settings = khabar_settings({"KHABAR_CATALOG_EXTRA": list(catalog_extra)} if catalog_extra else {})
    report = Reextractor(open_store(store), catalog_from_settings(settings), outlet, _date_option(since)).run()
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

    result = make_wacz(open_store(store), Path(out), outlet, _date_option(since), _date_option(until))
    click.echo(f"Wrote {result.path}: {result.warc_files} WARC files, {result.pages} pages; wacz validate passed.")


@click.command()
@click.argument("store")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The .jsonl.gz corpus to write.")
@click.option("--outlet", multiple=True, help="Only these outlets (repeat).")
@click.option("--country", multiple=True, help="Only outlets of these ISO 3166 countries (repeat).")
@click.option("--lang", multiple=True, help="Only records in these languages, ISO 639-1 (repeat).")
@click.option("--since", help="Published (else captured) on or after this day, YYYY-MM-DD.")
@click.option("--until", help="Published (else captured) on or before this day, YYYY-MM-DD.")
@click.option("--all-versions", is_flag=True, help="Every version of every article, not only the newest.")
@click.option("--keep-duplicates", is_flag=True, help="Keep later copies of a story (records with duplicate_of).")
def export(store: str, out: str, outlet: tuple[str, ...], country: tuple[str, ...], lang: tuple[str, ...],
           since: str | None, until: str | None, all_versions: bool, keep_duplicates: bool) -> None:
    """Write a clean, deduplicated corpus of the article records of STORE."""
    from crawler.archive.export import ExportFilter, export_corpus
    from crawler.storage import open_store

    wanted = ExportFilter(frozenset(outlet), frozenset(c.upper() for c in country), frozenset(lang), _date_option(since),
                          _date_option(until), all_versions, keep_duplicates)
    report = export_corpus(open_store(store), Path(out), wanted)
    click.echo(f"Wrote {out}: {report.counts['records exported']} records "
               f"(of {report.counts['records read']} read).")


@click.group()
def dedup() -> None:
    """The payload-digest index behind revisit records."""


@dedup.command("rebuild")
@click.argument("store")
@click.option("--dedup-uri", default=None, help="Index to fill: empty = SQLite in the store's state folder, or redis://…")
def dedup_rebuild(store: str, dedup_uri: str | None) -> None:
    """Rebuild the payload-digest index from the WARC files of STORE."""
    import os

    from crawler.archive.dedup_rebuild import rebuild_dedup_index
    from crawler.storage import open_store
    from crawler.warc.dedup import open_dedup_index

    opened = open_store(store)
    index = open_dedup_index(dedup_uri if dedup_uri is not None else os.environ.get("KHABAR_DEDUP_URI", ""),
                             opened.spool / "state")
    counts, problems = rebuild_dedup_index(opened, index)
    index.close()
    for problem in problems:
        click.echo(f"  problem: {problem}", err=True)
    click.echo(f"Indexed {counts['responses indexed']} responses from {counts['warc files']} WARC files.")
    sys.exit(1 if problems else 0)
