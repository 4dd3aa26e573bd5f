"""``khabar crawl``: outlets of the catalog, sites given by URL, every outlet, or the demo world."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import click
from scrapy.settings import BaseSettings, Settings

from crawler.cli.options import parse_set, set_option

if TYPE_CHECKING:
    from crawler.run.runner import CrawlResult


@click.command()
@click.argument("outlets", nargs=-1)
@click.option("--demo", is_flag=True, help="Start the bundled demo outlets on loopback and crawl them all.")
@click.option("--demo-port-base", type=click.IntRange(0, 65531),
              help="With --demo: port of demo-wp on 127.0.0.11 (default 8011), the other outlets on the next ones; "
                   "the same ports every run make the next run incremental. 0: any free ports.")
@click.option("--all", "all_outlets", is_flag=True, help="Crawl every outlet of the catalog.")
@click.option("--store", help="Where to archive: a folder (default ./archive) [KHABAR_STORE_URI].")
@click.option("--catalog", type=click.Path(exists=True, dir_okay=False), help="Catalog file instead of the shipped one.")
@click.option("--catalog-extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More catalog entries (e.g. the file 'khabar demo serve --catalog-out' writes).")
@click.option("--workers", type=click.IntRange(min=0), help="Extraction processes (0 = in the crawl process).")
@click.option("--lang", "languages", multiple=True, metavar="CODES",
              help="Keep only records in these languages (ISO 639-1; repeat or comma-separate: --lang fr,ar) "
                   "[KHABAR_LANGUAGES].")
@set_option
@click.option("--since", help="Skip URLs announced (lastmod, feed date) before this day, YYYY-MM-DD [KHABAR_SINCE].")
@click.option("--max-articles", type=click.IntRange(min=1), help="Schedule at most N article URLs per outlet.")
@click.option("--backfill", is_flag=True, help="Walk the whole archive: every REST page, every listing page.")
@click.option("--full", is_flag=True, help="Fetch every discovered URL again, not only new and moved ones.")
@click.option("--resume", is_flag=True, help="Continue an interrupted crawl from its saved queue (per outlet).")
@click.option("--log-level", default=None, type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
              help="Show Scrapy's log on the console at this level instead of the live view (it always goes to "
                   "runs/<crawl-id>/crawl.log in the store).")
@click.option("-v", "--verbose", count=True, help="Scrapy's log on the console: -v at INFO, -vv at DEBUG.")
@click.option("--metrics-port", type=click.IntRange(0, 65535),
              help="Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while crawling (0: a free port, printed) "
                   "[KHABAR_METRICS_PORT].")
@click.option("--metrics-host", help="Address the metrics server binds (default 127.0.0.1) [KHABAR_METRICS_HOST].")
def crawl(outlets: tuple[str, ...], demo: bool, demo_port_base: int | None, all_outlets: bool, store: str | None, catalog: str | None,
          catalog_extra: tuple[str, ...], workers: int | None, languages: tuple[str, ...], set_: tuple[str, ...],
          since: str | None, max_articles: int | None, backfill: bool, full: bool, resume: bool,
          log_level: str | None, verbose: int, metrics_port: int | None, metrics_host: str | None) -> None:
    """Crawl OUTLETS (catalog ids, or home page URLs of sites not in the catalog), every outlet (--all)
    or the demo world (--demo).

    On a terminal it shows a live table per outlet, elsewhere a line per outlet every
    KHABAR_PROGRESS_INTERVAL seconds, then the summary; Scrapy's log goes to runs/<crawl-id>/crawl.log
    in the store, and its warnings and errors to stderr."""
    from crawler.run.settings import khabar_settings

    if verbose and log_level is None:
        log_level = "INFO" if verbose == 1 else "DEBUG"
    overrides: dict[str, Any] = parse_set(set_)
    for name, value in (("KHABAR_STORE_URI", store), ("KHABAR_CATALOG", catalog), ("KHABAR_EXTRACT_WORKERS", workers),
                        ("LOG_LEVEL", log_level), ("KHABAR_SINCE", since), ("KHABAR_MAX_ARTICLES", max_articles),
                        ("KHABAR_BACKFILL", backfill or None), ("KHABAR_INCREMENTAL", False if full else None),
                        ("KHABAR_RESUME", resume or None), ("KHABAR_METRICS_PORT", metrics_port),
                        ("KHABAR_METRICS_HOST", metrics_host)):
        if value is not None:
            overrides[name] = value
    if catalog_extra:
        overrides["KHABAR_CATALOG_EXTRA"] = list(catalog_extra)
    if languages:
        overrides["KHABAR_LANGUAGES"] = _language_codes(languages)
    if not (outlets or demo or all_outlets):
        raise click.UsageError("name at least one outlet id, or use --demo or --all (see 'khabar outlets')")
    if demo:
        _crawl_demo(outlets, overrides, demo_port_base)
        return
    settings = khabar_settings(overrides)
    _start_metrics(settings)
    outlets = _catalog_urls(outlets, settings, overrides)
    if all_outlets:
        from crawler.catalog import catalog_from_settings

        outlets = tuple(o.id for o in catalog_from_settings(settings) if not o.demo)
    result, log_key = _crawl_with_console(outlets, settings)
    from crawler.run.summary import print_summary  # imported here: the extraction workers start before it (run_crawl)

    _exit(print_summary(result, settings, log_key=log_key), settings)


def _crawl_with_console(outlets: Iterable[str], settings: Settings) -> tuple[CrawlResult, str | None]:
    """Crawl with the console (live view or progress lines, the log into the store); the result and the log's key."""
    from crawler.run.console import CrawlConsole
    from crawler.run.runner import run_crawl

    with CrawlConsole(settings) as console:
        result = run_crawl(outlets, settings, views=[console])
    return result, console.log_key


def _start_metrics(settings: BaseSettings) -> None:
    """The metrics server first: a port in use ends the command (exit 2) before anything is crawled."""
    from crawler.run.metrics_server import serve_metrics_from_settings

    if (server := serve_metrics_from_settings(settings)) is not None:
        click.echo(f"Metrics: {server.url}", err=True)


def _exit(code: int, settings: BaseSettings) -> None:
    """Exit with ``code``, once alerts are sent and the metrics server has lingered (KHABAR_METRICS_LINGER)."""
    from crawler.run.alerts import wait_for_alerts
    from crawler.run.metrics_server import linger

    wait_for_alerts()
    linger(settings)
    sys.exit(code)


def _language_codes(values: tuple[str, ...]) -> list[str]:
    codes = [code.strip().lower() for value in values for code in value.split(",") if code.strip()]
    for code in codes:
        if not (code.isalpha() and code.isascii() and 2 <= len(code) <= 3):
            raise click.BadParameter(f"{code!r} is not an ISO 639-1 language code such as fr or ar", param_hint="--lang")
    return list(dict.fromkeys(codes))


def _catalog_urls(outlets: tuple[str, ...], settings: BaseSettings, overrides: dict[str, Any]) -> tuple[str, ...]:
    """Outlets named by URL (not in the catalog) are probed like 'khabar discover' and crawled as found."""
    from crawler.cli.discover import catalog_file_for

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


def _crawl_demo(outlets: tuple[str, ...], overrides: dict[str, Any], port_base: int | None) -> None:
    from crawler.demo.process import running_demo_world
    from crawler.run.settings import khabar_settings
    from crawler.run.summary import print_summary

    with running_demo_world(port_base) as world:
        overrides["KHABAR_CATALOG_EXTRA"] = [*overrides.get("KHABAR_CATALOG_EXTRA", []), str(world.catalog_path)]
        settings = khabar_settings(overrides)
        _start_metrics(settings)
        click.echo(f"Demo outlets on loopback: {', '.join(f'{k} {v}' for k, v in world.base_urls.items())}")
        for line in world.warnings:
            click.echo(line)
        # --demo crawls every demo outlet, the hard one too (bot walls, 429s, a redirect loop, a 40 MB page…)
        from crawler.demo import ALL_OUTLET_IDS

        result, log_key = _crawl_with_console(outlets or ALL_OUTLET_IDS, settings)
    _exit(print_summary(result, settings, log_key=log_key), settings)
