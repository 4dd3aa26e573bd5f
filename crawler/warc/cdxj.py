"""CDXJ indexes beside WARC files, written with the maintained ``cdxj-indexer``.

``<name>.warc.gz`` gets ``<name>.cdxj`` in the same folder, sorted, with the store-relative key of
the WARC in each line's ``filename`` field, so pywb and other tools resolve records across the
store's partitions. Extracted-text ``resource`` records (``urn:text:…``) are indexed too, under
their own URI, so they never shadow the page they were extracted from.

A file a crawl writes is indexed as it is written (:class:`LiveIndex`): cdxj-indexer's own code makes each
line from the record just written, with its offset and length, instead of reading and parsing the whole file
back when it closes (1.3 s of the crawl process's 13.7 s of CPU under cProfile on 600 articles of 170 KB).
The lines wait, unsorted, in a hidden ``.part`` file beside the WARC and are sorted into the CDXJ when it
closes: the very bytes ``write_cdxj`` would write (``tests/test_warc_cdxj_live.py``). A record the live index
cannot vouch for (one whose read-back form would differ from the record in memory) makes the file indexed the
old way at close.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from crawler.storage.atomic import atomic_path

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

_HTTP_RECORDS = ("response", "request", "revisit")  # what warcio's record loader reads an HTTP head from
_HTTP_SCHEMES = ("http:", "https:")


def cdxj_path(warc_path: Path) -> Path:
    return warc_path.with_name(warc_path.name.removesuffix(".warc.gz").removesuffix(".warc") + ".cdxj")


def write_cdxj(warc_path: Path, key: str) -> Path:
    """Index one finished WARC file; return the CDXJ path (written under a temp name, then renamed)."""
    from cdxj_indexer.main import write_cdx_index  # surt, tldextract, requests: imported when a file closes

    target = cdxj_path(warc_path)
    with atomic_path(target) as temp:
        write_cdx_index(str(temp), [str(warc_path)], {"sort": True, "filename": key})
    return target


def lines_path(warc_path: Path) -> Path:
    """Where the live index of ``warc_path`` keeps its unsorted lines until the file closes."""
    target = cdxj_path(warc_path)
    return target.with_name(f".{target.name}.lines.part")


class _At:
    """Where a record was written, as cdxj-indexer asks its record iterator."""

    __slots__ = ("length", "offset")

    def __init__(self, offset: int, length: int) -> None:
        self.offset, self.length = offset, length

    def get_record_offset(self) -> int:
        return self.offset

    def get_record_length(self) -> int:
        return self.length


class LiveIndex:
    """The CDXJ lines of the WARC file ``warc_path`` (store key ``key``), made as its records are written."""

    def __init__(self, warc_path: Path, key: str) -> None:
        from cdxj_indexer.main import CDXJIndexer

        self.warc_path, self.key = warc_path, key
        self.lines = lines_path(warc_path)
        self.exact = True  # False once a record could not be indexed from memory: the file is read back at close
        self._indexer: Any = CDXJIndexer(None, [], sort=True, filename=key)
        self._indexer.curr_filename = key
        self._out: IO[str] | None = None
        try:
            self._out = open(self.lines, "w", encoding="utf-8")  # noqa: SIM115 - open until finish()
        except OSError:
            self.exact = False  # no room for the lines: the file is indexed from its bytes when it closes

    def add(self, record: ArcWarcRecord, offset: int, length: int) -> None:
        """Index one record, written at ``offset`` in ``length`` bytes (its gzip member)."""
        if not self.exact or self._out is None:
            return
        read_back = _as_read_back(record)
        if read_back is None:
            self.exact = False
            return
        indexer = self._indexer
        if indexer.include_records and not indexer.filter_record(read_back):
            return
        try:
            indexer.process_index_entry(_At(offset, length), read_back, self.key, self._out)
        except Exception:  # noqa: BLE001 - the record is archived whatever happens here: index it from the file
            self.exact = False
            self.close()

    def finish(self) -> Path:
        """The sorted CDXJ beside the closed WARC file (as ``write_cdxj`` writes it); the lines file goes."""
        self.close()
        try:
            if not self.exact:
                return write_cdxj(self.warc_path, self.key)
            with open(self.lines, encoding="utf-8") as handle:
                lines = handle.readlines()
            lines.sort()  # cdxj-indexer's SortingWriter: whole lines, newline included
            target = cdxj_path(self.warc_path)
            with atomic_path(target) as temp, open(temp, "w", encoding="utf-8") as out:
                out.writelines(lines)
            return target
        finally:
            self.lines.unlink(missing_ok=True)

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def abandon(self) -> None:
        """The WARC file stays unfinished: the next run's recovery indexes it from its bytes."""
        self.close()
        self.lines.unlink(missing_ok=True)


def _as_read_back(record: ArcWarcRecord) -> ArcWarcRecord | None:
    """The record as warcio's loader reads it back from the file, for what the indexer looks at (its type, WARC
    headers, HTTP head); None when that cannot be told from memory."""
    from warcio.recordloader import ArcWarcRecord

    from crawler.warc.builder import VerbatimHeaders

    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    if uri.startswith("<") or not headers.get_header("WARC-Payload-Digest"):
        return None  # the loader rewrites such a URI; the indexer would digest the payload itself
    try:
        length = int(headers.get_header("Content-Length"))
    except (TypeError, ValueError):
        return None
    http = length != 0 and record.rec_type in _HTTP_RECORDS and uri.startswith(_HTTP_SCHEMES)
    if http:  # the loader parses the head from the bytes written: the same parse when they are the received ones
        return record if isinstance(record.http_headers, VerbatimHeaders) else None
    if record.http_headers is None:
        return record
    return ArcWarcRecord(record.format, record.rec_type, headers, record.raw_stream, None, record.content_type,
                         record.length)
