"""The ``khabar`` command.

    khabar crawl --demo --store ./archive     start the bundled demo outlets on loopback and crawl them all
    khabar crawl maghreb-intelligence          crawl outlets of the catalog (same components as scrapy crawl)
    khabar outlets [--country MA]              list the catalog
    khabar extract [--url URL] FILE            one JSON record for a saved HTML page
    khabar extract --jsonl                     {"id","url","html_path"} lines in, JSON lines out
    khabar demo serve                          serve the demo outlets until Ctrl-C
    khabar schema                              print the article record JSON Schema

Errors print "Error: … " with the next step and exit non-zero; a KhabarError never shows a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from crawler.errors import KhabarError


class _KhabarGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KhabarError as exc:
            command = ctx.invoked_subcommand or ""
            click.echo(f"Error: {exc}\nTry 'khabar {command} --help'.".replace("  ", " "), err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_KhabarGroup)
@click.version_option(package_name="khabar")
def main() -> None:
    """Khabar: archival crawler for the French-language press of the Maghreb and the Sahel."""


def _parse_set(values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="-s/--set")
        pairs[name.strip()] = value
    return pairs


@main.command()
@click.argument("outlets", nargs=-1)
@click.option("--demo", is_flag=True, help="Start the bundled demo outlets on loopback and crawl them all.")
@click.option("--all", "all_outlets", is_flag=True, help="Crawl every outlet of the catalog.")
@click.option("--store", help="Where to archive: a folder (default ./archive) [KHABAR_STORE_URI].")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False), help="Catalog file instead of the shipped one.")
@click.option("--catalog-extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More catalog entries (e.g. the file 'khabar demo serve --catalog-out' writes).")
@click.option("--workers", type=click.IntRange(min=0), help="Extraction processes (0 = in the crawl process).")
@click.option("--lang", "languages", multiple=True, metavar="CODES",
              help="Keep only records in these languages (ISO 639-1; repeat or comma-separate: --lang fr,ar) "
                   "[KHABAR_LANGUAGES].")
@click.option("-s", "--set", "set_", multiple=True, metavar="NAME=VALUE", help="Any Scrapy or KHABAR_ setting.")
@click.option("--since", help="Skip URLs announced (lastmod, feed date) before this day, YYYY-MM-DD [KHABAR_SINCE].")
@click.option("--max-articles", type=click.IntRange(min=1), help="Schedule at most N article URLs per outlet.")
@click.option("--backfill", is_flag=True, help="Walk the whole archive: every REST page, every listing page.")
@click.option("--full", is_flag=True, help="Fetch every discovered URL again, not only new and moved ones.")
@click.option("--resume", is_flag=True, help="Continue an interrupted crawl from its saved queue (per outlet).")
@click.option("--log-level", default=None, type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]))
def crawl(outlets: tuple[str, ...], demo: bool, all_outlets: bool, store: str | None, catalog: str | None,
          catalog_extra: tuple[str, ...], workers: int | None, languages: tuple[str, ...], set_: tuple[str, ...],
          since: str | None, max_articles: int | None, backfill: bool, full: bool, resume: bool,
          log_level: str | None) -> None:
    """Crawl OUTLETS (catalog ids, or home page URLs of sites not in the catalog), every outlet (--all)
    or the demo world (--demo)."""
    from crawler.runner import khabar_settings, run_crawl
    from crawler.summary import print_summary

    overrides: dict[str, Any] = _parse_set(set_)
    for name, value in (("KHABAR_STORE_URI", store), ("KHABAR_CATALOG", catalog), ("KHABAR_EXTRACT_WORKERS", workers),
                        ("LOG_LEVEL", log_level), ("KHABAR_SINCE", since), ("KHABAR_MAX_ARTICLES", max_articles),
                        ("KHABAR_BACKFILL", backfill or None), ("KHABAR_INCREMENTAL", False if full else None),
                        ("KHABAR_RESUME", resume or None)):
        if value is not None:
            overrides[name] = value
    if catalog_extra:
        overrides["KHABAR_CATALOG_EXTRA"] = list(catalog_extra)
    if languages:
        overrides["KHABAR_LANGUAGES"] = _language_codes(languages)
    if not (outlets or demo or all_outlets):
        raise click.UsageError("name at least one outlet id, or use --demo or --all (see 'khabar outlets')")
    if demo:
        _crawl_demo(outlets, overrides)
        return
    settings = khabar_settings(overrides)
    outlets = _catalog_urls(outlets, settings, overrides)
    if all_outlets:
        from crawler.catalog import catalog_from_settings

        outlets = tuple(o.id for o in catalog_from_settings(settings) if not o.demo)
    reports = run_crawl(outlets, settings)
    sys.exit(print_summary(reports, settings))


def _language_codes(values: tuple[str, ...]) -> list[str]:
    codes = [code.strip().lower() for value in values for code in value.split(",") if code.strip()]
    for code in codes:
        if not (code.isalpha() and code.isascii() and 2 <= len(code) <= 3):
            raise click.BadParameter(f"{code!r} is not an ISO 639-1 language code such as fr or ar", param_hint="--lang")
    return list(dict.fromkeys(codes))


def _catalog_urls(outlets: tuple[str, ...], settings: Any, overrides: dict[str, Any]) -> tuple[str, ...]:
    """Outlets named by URL (not in the catalog) are probed like 'khabar discover' and crawled as found."""
    from crawler.cli_discover import catalog_file_for

    ids, extra = [], []
    for outlet in outlets:
        if outlet.startswith(("http://", "https://")):
            outlet_id, path = catalog_file_for(outlet, settings.get("USER_AGENT"))
            ids.append(outlet_id)
            extra.append(path)
        else:
            ids.append(outlet)
    if extra:
        settings.set("KHABAR_CATALOG_EXTRA", [*settings.getlist("KHABAR_CATALOG_EXTRA"), *extra], priority="cmdline")
    return tuple(ids)


def _crawl_demo(outlets: tuple[str, ...], overrides: dict[str, Any]) -> None:
    from crawler.demo_process import running_demo_world
    from crawler.runner import khabar_settings, run_crawl
    from crawler.summary import print_summary

    with running_demo_world() as world:
        overrides["KHABAR_CATALOG_EXTRA"] = [*overrides.get("KHABAR_CATALOG_EXTRA", []), str(world.catalog_path)]
        settings = khabar_settings(overrides)
        click.echo(f"Demo outlets on loopback: {', '.join(f'{k} {v}' for k, v in world.base_urls.items())}")
        # --demo crawls every demo outlet, the hard one too (bot walls, 429s, a redirect loop, a 40 MB page…)
        from crawler.demo import ALL_OUTLET_IDS

        reports = run_crawl(outlets or ALL_OUTLET_IDS, settings)
    sys.exit(print_summary(reports, settings))


@main.command("outlets")
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


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--url", help="The page's URL (for relative links and the canonical URL).")
@click.option("--jsonl", is_flag=True, help='Read {"id","url","html_path"} lines on stdin; answer one JSON line each.')
def extract(file: str | None, url: str | None, jsonl: bool) -> None:
    """Extract one article record from a saved HTML FILE, or serve --jsonl requests."""
    from crawler.extract.jsonl import extract_file, serve_jsonl

    if jsonl:
        sys.exit(serve_jsonl(sys.stdin, sys.stdout))
    if not file:
        raise click.UsageError("give an HTML FILE, or --jsonl to read requests on stdin")
    if not Path(file).is_file():
        raise click.BadParameter(f"{file} does not exist or is not a file", param_hint="FILE")
    result = extract_file(file, url)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    if "error" in result:
        sys.exit(1)


@main.group()
def demo() -> None:
    """The bundled offline demo outlets."""


@demo.command("serve")
@click.option("--at", help="Set the demo clock (ISO 8601), e.g. 2026-11-23T08:00:00+00:00.")
@click.option("--catalog-out", type=click.Path(dir_okay=False), help="Write the demo outlets' catalog entries here.")
def demo_serve(at: str | None, catalog_out: str | None) -> None:
    """Serve the demo outlets on loopback until Ctrl-C."""
    from crawler.demo_process import serve_demo

    sys.exit(serve_demo(at, catalog_out))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article record."""
    from crawler.records import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def _register_archive_commands() -> None:
    from crawler.cli_archive import dedup, export, reextract, verify, wacz
    from crawler.cli_discover import discover

    for command in (verify, reextract, wacz, export, dedup, discover):
        main.add_command(command)


_register_archive_commands()
main.add_command(__import__("crawler.cli_replay", fromlist=["replay"]).replay)  # khabar replay STORE
main.add_command(__import__("crawler.cli_store", fromlist=["store"]).store)  # khabar store check|sync


if __name__ == "__main__":
    main()
