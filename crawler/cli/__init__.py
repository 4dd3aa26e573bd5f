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

Each command's module is imported when the command runs (``--help`` imports them all to list them): ``khabar crawl``
imports Scrapy, and no other command's modules. Python's garbage collector is paused while a command starts and
resumed before it runs, or by a crawl at its first request (``crawler.run.gc_pause``); at the latest when the command
ends.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from crawler.errors import KhabarError
from crawler.run import gc_pause

_COMMANDS = {  # name: the module and the attribute that define it
    "crawl": ("crawler.cli.crawl", "crawl"),
    "outlets": ("crawler.cli.catalog", "outlets_cmd"),
    "discover": ("crawler.cli.discover", "discover"),
    "extract": ("crawler.cli.extract", "extract"),
    "schema": ("crawler.cli.extract", "schema"),
    "demo": ("crawler.cli.demo", "demo"),
    "verify": ("crawler.cli.archive", "verify"),
    "reextract": ("crawler.cli.archive", "reextract"),
    "wacz": ("crawler.cli.archive", "wacz"),
    "dedup": ("crawler.cli.archive", "dedup"),
    "export": ("crawler.cli.corpus", "export"),
    "corpus": ("crawler.cli.corpus", "corpus"),
    "replay": ("crawler.cli.replay", "replay"),
    "store": ("crawler.cli.store", "store"),
    "status": ("crawler.cli.status", "status"),
    "schedule": ("crawler.cli.schedule", "schedule"),
    "enqueue": ("crawler.cli.queue", "enqueue"),
    "worker": ("crawler.cli.queue", "worker"),
}


class _KhabarGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, attribute = _COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command), f"{module}.{attribute} is not a click command"
        return command

    def invoke(self, ctx: click.Context) -> Any:
        gc_pause.pause()  # while the command's modules are imported and a crawl starts (see crawler.run.gc_pause)
        try:
            return super().invoke(ctx)
        except KhabarError as exc:
            command = ctx.invoked_subcommand or ""
            click.echo(f"Error: {exc}\nTry 'khabar {command} --help'.".replace("  ", " "), err=True)
            ctx.exit(exc.exit_code)
        finally:
            gc_pause.resume()


@click.group(cls=_KhabarGroup)
@click.version_option(package_name="khabar")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Khabar: archival crawler for the French-language press of the Maghreb and the Sahel."""
    if ctx.invoked_subcommand != "crawl":  # a crawl resumes the collector at its first request
        gc_pause.resume()
