"""``khabar corpus export`` and ``khabar corpus stats`` (and ``khabar export``, the older name of the first).

STORE is a folder or ``s3://bucket/prefix`` (configured like a crawl's: ``KHABAR_S3_*`` from the environment
or ``-s NAME=VALUE``). See ``crawler/corpus/`` for what is written and how.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crawler.cli.options import command_settings, day_option, existing_store, set_option

if TYPE_CHECKING:
    from crawler.catalog import Catalog
    from crawler.corpus.sources import Sources
    from crawler.storage import Store

LISTED_DAMAGE = 20  # damaged lines printed one by one; manifest.json lists them all (up to its own cap)


def _opened(store: str, set_: tuple[str, ...], catalog_extra: tuple[str, ...]) -> tuple[Store, Catalog, str]:
    from crawler.catalog import catalog_from_settings
    from crawler.corpus.parts import PartSize
    from crawler.errors import ConfigInvalid

    settings = command_settings(set_, {"KHABAR_STORE_URI": store,
                                       "KHABAR_CATALOG_EXTRA": list(catalog_extra) if catalog_extra else None})
    memory = str(settings.get("KHABAR_CORPUS_MEMORY_LIMIT"))
    try:
        PartSize.parse(memory)
    except ValueError:
        raise ConfigInvalid(f"KHABAR_CORPUS_MEMORY_LIMIT={memory!r} is not a size like 256MB or 1GB; "
                            "set it with -s KHABAR_CORPUS_MEMORY_LIMIT=512MB") from None
    return existing_store(settings), catalog_from_settings(settings), memory


_catalog_extra = click.option("--catalog-extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
                              help="More catalog entries: names, countries and languages of outlets the shipped "
                                   "catalog does not hold.")


def export_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options of ``khabar corpus export`` and of its alias ``khabar export``."""
    options = [
        click.argument("store"),
        click.option("--out", "out", required=True, type=click.Path(),
                     help="A folder for the corpus, or a file named …parquet, …jsonl.gz or …csv."),
        click.option("--outlet", multiple=True, help="Only these outlets (repeat)."),
        click.option("--country", multiple=True, help="Only outlets of these ISO 3166 countries (repeat)."),
        click.option("--lang", multiple=True, help="Only records in these languages, ISO 639-1 (repeat)."),
        click.option("--since", help="On or after this day, YYYY-MM-DD (see --by)."),
        click.option("--until", help="On or before this day, YYYY-MM-DD (see --by)."),
        click.option("--by", type=click.Choice(["published", "captured"]), default="published", show_default=True,
                     help="Which day --since/--until filter on: publication (else capture), or capture."),
        click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv"]),
                     help="Default: from --out's suffix, else parquet."),
        click.option("--fields", help="Only these record fields, comma-separated (e.g. id,url,title,text,warc)."),
        click.option("--all-versions", is_flag=True, help="Every version of every article, not only the newest."),
        click.option("--keep-duplicates", is_flag=True, help="Keep later copies of a story (records with duplicate_of)."),
        click.option("--part-size", default="1GB", show_default=True,
                     help="Split the data into parts of this many rows (100000) or bytes (500MB)."),
        _catalog_extra, set_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


def run_export(store: str, out: str, set_: tuple[str, ...], catalog_extra: tuple[str, ...], **given: Any) -> None:
    from crawler.corpus.export import ExportRequest, export_corpus, parse_fields
    from crawler.corpus.parts import PartSize
    from crawler.corpus.query import CorpusFilter, Selection

    try:
        fields, part_size = parse_fields(given["fields"]), PartSize.parse(given["part_size"])
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    wanted = CorpusFilter(frozenset(given["outlet"]), frozenset(c.upper() for c in given["country"]),
                          frozenset(lang.lower() for lang in given["lang"]), day_option(given["since"]),
                          day_option(given["until"]), given["by"])
    opened, catalog, memory = _opened(store, set_, catalog_extra)
    request = ExportRequest(wanted, Selection(given["all_versions"], given["keep_duplicates"]), given["fmt"], fields,
                            part_size, memory)
    result = export_corpus(opened, Path(out), request, catalog)
    _report_damage(result.sources)
    rows = sum(p.rows for p in result.parts)
    click.echo(f"Wrote {rows} records ({result.facts.articles} articles, {len(result.facts.outlets)} outlets) "
               f"as {result.fmt} in {len(result.parts)} part(s):")
    for part in result.parts:
        click.echo(f"  {part.path}  {part.rows} rows  {part.bytes} bytes")
    click.echo(f"  {result.datasheet}  (datasheet)\n  {result.manifest}  (manifest: counts, filters, SHA-256)")


def _report_damage(sources: Sources) -> None:
    for damage in sources.damage[:LISTED_DAMAGE]:
        click.echo(f"warning: damaged record file {damage}; skipped", err=True)
    if len(sources.damage) > LISTED_DAMAGE:
        click.echo(f"warning: … and {len(sources.damage) - LISTED_DAMAGE} more damaged lines (manifest.json lists them)",
                   err=True)
    if sources.damage:
        click.echo(f"warning: {sources.lines_skipped} damaged line(s) in {sources.files_damaged} record file(s) "
                   "skipped; the export went on with the rest", err=True)


@click.group()
def corpus() -> None:
    """Corpora for researchers: export (Parquet, JSONL, CSV, with a manifest and a datasheet) and stats."""


@corpus.command("export")
@export_options
def corpus_export(store: str, out: str, set_: tuple[str, ...], catalog_extra: tuple[str, ...], **given: Any) -> None:
    """Write a clean, deduplicated research corpus of the article records of STORE, with manifest.json and README.md."""
    run_export(store, out, set_, catalog_extra, **given)


@click.command("export")
@export_options
def export(store: str, out: str, set_: tuple[str, ...], catalog_extra: tuple[str, ...], **given: Any) -> None:
    """The same as 'khabar corpus export' (its older name)."""
    run_export(store, out, set_, catalog_extra, **given)


@corpus.command("stats")
@click.argument("store")
@click.option("--html", "html", type=click.Path(dir_okay=False), help="Also write a self-contained HTML page with charts.")
@_catalog_extra
@set_option
def corpus_stats(store: str, html: str | None, catalog_extra: tuple[str, ...], set_: tuple[str, ...]) -> None:
    """Articles of STORE by outlet, country, language and month; with --html, a page with charts."""
    from crawler.corpus.stats import collect_stats, stats_text

    opened, catalog, memory = _opened(store, set_, catalog_extra)
    stats = collect_stats(opened, catalog, memory)
    _report_damage(stats.sources)
    click.echo(stats_text(stats))
    if html:
        from crawler.corpus.page import write_page

        click.echo(f"Wrote {write_page(stats, Path(html))}")
