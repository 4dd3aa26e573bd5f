"""``khabar store``: check a store, push what waits in its spool.

    khabar store check [--store URI] [--create-bucket]   endpoint, credentials, bucket, write/read/delete
    khabar store sync [--store URI] [--timeout S]         upload the spool now; exit 1 if files remain

The store defaults to KHABAR_STORE_URI; KHABAR_S3_ENDPOINT_URL, KHABAR_SPOOL_DIR and the other
settings come from the environment or ``-s NAME=VALUE``, as for ``khabar crawl``.
"""

from __future__ import annotations

import click

from crawler.cli.options import command_settings, set_option
from crawler.errors import UploadsPending

_store_option = click.option("--store", "uri", metavar="URI", help="The store: a folder or s3://bucket/prefix [KHABAR_STORE_URI].")


@click.group("store")
def store() -> None:
    """Check a store, push the files waiting in its local spool."""


@store.command("check")
@_store_option
@click.option("--create-bucket", is_flag=True, help="Create the bucket when it does not exist.")
@set_option
def check(uri: str | None, create_bucket: bool, set_: tuple[str, ...]) -> None:
    """Check that the store can be archived into, step by step."""
    from crawler.storage import store_from_settings
    from crawler.storage.s3 import S3Config, S3Location, S3Store
    from crawler.storage.s3check import check_steps

    settings = command_settings(set_, {"KHABAR_STORE_URI": uri})
    uri = str(settings.get("KHABAR_STORE_URI"))
    if not uri.startswith("s3://"):
        local = store_from_settings(settings)
        click.echo(f"folder        {local.describe('')} exists and is writable")
        click.echo(f"Store {local.uri} is ready.")
        return
    s3 = S3Store(S3Location.parse(uri), S3Config.from_settings(settings))
    click.echo(f"Checking {s3.uri} (credentials from boto3's chain, never from the URI):")
    for line in check_steps(s3, create_bucket):
        click.echo(f"  ok  {line}")
    waiting = s3.spooled_files()
    hint = f" (push them with 'khabar store sync --store {s3.uri}')" if waiting else ""
    click.echo(f"  spool         {s3.spool}: {len(waiting)} file(s) waiting{hint}")
    click.echo(f"Store {s3.uri} is ready.")


@store.command("sync")
@_store_option
@click.option("--timeout", type=click.FloatRange(min=0), help="Seconds to wait for uploads [KHABAR_S3_DRAIN_TIMEOUT].")
@set_option
def sync(uri: str | None, timeout: float | None, set_: tuple[str, ...]) -> None:
    """Upload every file waiting in the spool of an S3 store, verified; remove each once it is in the bucket."""
    from crawler.storage import store_from_settings

    settings = command_settings(set_, {"KHABAR_STORE_URI": uri})
    target = store_from_settings(settings)  # an S3 store checks itself and queues its spool when it opens
    status = target.drain(timeout)
    if not status.remote:
        click.echo(f"{target.uri} is a local folder: files are in the store as soon as they are written.")
        return
    click.echo(f"uploaded {status.uploaded_files} file(s), {status.uploaded_bytes / 1e6:.1f} MB, to {target.uri}")
    if status.spooled:
        key, error = next(iter(status.errors.items()), (status.spooled[0], "still uploading"))
        raise UploadsPending(
            f"{len(status.spooled)} file(s) are still in the spool {status.spool_dir} (e.g. {key}: {error}). "
            f"Nothing is lost; run 'khabar store sync --store {target.uri}' again once the store is reachable.")
    click.echo(f"spool {status.spool_dir} is empty: every file is in {target.uri}")
