"""The ``khabar`` command.

    khabar crawl --demo --store ./archive     start the bundled demo outlets on loopback and crawl them all
    khabar crawl maghreb-intelligence          crawl outlets of the catalog (same components as scrapy crawl)
    khabar outlets [--country MA]              list the catalog
    khabar extract [--url URL] FILE            one JSON record for a saved HTML page
    khabar extract --jsonl                     {"id","url","html_path"} lines in, JSON lines out
    khabar demo serve                          serve the demo outlets until Ctrl-C
    khabar status ./archive [--json]           per outlet: last runs, and what needs a person (failing, silent…)
    khabar schedule schedule.yaml              run crawls on a timetable, in the foreground, until SIGTERM
    khabar corpus export ./archive --out DIR   a research corpus (Parquet, JSONL, CSV) with manifest and datasheet
    khabar corpus stats ./archive [--html F]   articles by outlet, country, language and month; a page of charts
    khabar schema                              print the article record JSON Schema
    khabar enqueue OUTLETS… | --all            queue outlet crawls for workers (KHABAR_QUEUE_URL=redis://…)
    khabar worker [--concurrency N]            take queued outlet crawls and run them, one process each

Errors print "Error: … " with the next step and exit non-zero; a KhabarError never shows a traceback.
"""

from __future__ import annotations

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


def _register_commands() -> None:
    from crawler.cli.archive import dedup, reextract, verify, wacz
    from crawler.cli.catalog import outlets_cmd
    from crawler.cli.corpus import corpus, export
    from crawler.cli.crawl import crawl
    from crawler.cli.demo import demo
    from crawler.cli.discover import discover
    from crawler.cli.extract import extract, schema
    from crawler.cli.queue import enqueue, worker
    from crawler.cli.replay import replay
    from crawler.cli.schedule import schedule
    from crawler.cli.status import status
    from crawler.cli.store import store

    for command in (crawl, outlets_cmd, discover, extract, schema, demo, verify, reextract, wacz, export, corpus,
                    dedup, replay, store, status, schedule, enqueue, worker):
        main.add_command(command)


_register_commands()
