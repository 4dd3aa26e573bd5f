"""``khabar extract`` and ``khabar schema``: one record from a saved page; the record's JSON Schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from crawler.run import gc_pause


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--url", help="The page's URL (for relative links and the canonical URL).")
@click.option("--jsonl", is_flag=True, help='Read {"id","url","html_path"} lines on stdin; answer one JSON line each.')
def extract(file: str | None, url: str | None, jsonl: bool) -> None:
    """Extract one article record from a saved HTML FILE, or serve --jsonl requests."""
    with gc_pause.paused_for_imports():  # the command line resumed the collector before this command ran
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



@click.command()
def schema() -> None:
    """Print the JSON Schema of the article record."""
    from crawler.records import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
