"""Replaying the archive through pywb: ``khabar replay STORE [--port N]``.

On each start, before pywb runs:

1. a remote store (``s3://bucket/prefix``) is mirrored into a local folder (``mirror.py``);
2. pywb's virtualenv is created on first use (``pywb.py``);
3. the CDXJ file the crawl wrote beside each WARC gives its index lines, the WARC itself unread,
   when it indexes the WARC as it is now; a WARC without one (or changed after it was indexed) is
   checked gzip member by member (``check.py``): a truncated or corrupt file is reported with its
   path and the offset of the bad bytes, its good records are still served, and a WARC with no CDXJ
   is indexed with ``cdxj-indexer`` inside pywb's virtualenv; revisits whose original is not in the
   store are reported and left out, so they are never replayed empty; all lines are merged, sorted,
   into ``<store>/state/replay/index.cdxj`` beside pywb's ``config.yaml`` (``index.py``), and kept as
   they are by the next start when no WARC or CDXJ changed.

Then pywb's wayback app serves ``http://127.0.0.1:PORT/khabar/`` until Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import click

from crawler.replay.index import ReplayIndex, build_index, report_problems
from crawler.replay.mirror import mirror_store, replay_cache_dir
from crawler.replay.pywb import (
    COLLECTION,
    HOST,
    Echo,
    ensure_pywb,
    pywb_venv_dir,
    running_pywb,
    serve_until_stopped,
    write_config,
)
from crawler.storage import LocalStore, Store
from crawler.storage.layout import replay_state_dir

__all__ = ["ReplayIndex", "build_index", "ensure_pywb", "mirror_store", "pywb_venv_dir", "replay"]


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


def replay(opened: Store, port: int = 0, echo: Echo = _echo_err) -> int:
    """``khabar replay``: check and index the store, then serve it through pywb until Ctrl-C or SIGTERM."""
    store = opened if isinstance(opened, LocalStore) else mirror_store(opened, replay_cache_dir(opened), echo)
    python = ensure_pywb(pywb_venv_dir(), echo)
    state = replay_state_dir(store)
    index = build_index(store, state, python)
    report_problems(index, echo)
    if index.reused:
        echo(f"Index unchanged since the last start: {index.captures} captures from {index.warcs} WARC files "
             f"({index.seconds:.1f} s): {index.path}")
    else:
        echo(f"Indexed {index.captures} captures from {index.warcs} WARC files in {index.seconds:.1f} s ({index.from_cdxj} "
             f"from their CDXJ alone, {index.checked_now} checked record by record, {index.indexed_now} of them without "
             f"a CDXJ beside them): {index.path}")
    config = write_config(store, state, index.path)
    with running_pywb(python, config, port) as (child, actual):
        click.echo(f"Replaying {opened.uri} at http://{HOST}:{actual}/{COLLECTION}/  (Ctrl-C to stop)")
        click.echo(f"  a page as captured at a time: http://{HOST}:{actual}/{COLLECTION}/<YYYYMMDDhhmmss>/<URL>;"
                   f" all captures of a URL: http://{HOST}:{actual}/{COLLECTION}/*/<URL>")
        return serve_until_stopped(child)
