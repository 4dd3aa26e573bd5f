"""CDXJ indexes beside WARC files, written with the maintained ``cdxj-indexer``.

``<name>.warc.gz`` gets ``<name>.cdxj`` in the same folder, sorted, with the store-relative key of
the WARC in each line's ``filename`` field, so pywb and other tools resolve records across the
store's partitions. Extracted-text ``resource`` records (``urn:text:…``) are indexed too, under
their own URI, so they never shadow the page they were extracted from.
"""

from __future__ import annotations

from pathlib import Path

from crawler.storage.atomic import atomic_path


def cdxj_path(warc_path: Path) -> Path:
    return warc_path.with_name(warc_path.name.removesuffix(".warc.gz").removesuffix(".warc") + ".cdxj")


def write_cdxj(warc_path: Path, key: str) -> Path:
    """Index one finished WARC file; return the CDXJ path (written under a temp name, then renamed)."""
    from cdxj_indexer.main import write_cdx_index  # surt, tldextract, requests: imported when a file closes

    target = cdxj_path(warc_path)
    with atomic_path(target) as temp:
        write_cdx_index(str(temp), [str(warc_path)], {"sort": True, "filename": key})
    return target
