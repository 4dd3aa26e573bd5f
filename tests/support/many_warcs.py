"""A store of many small generated WARC files, each with its CDXJ beside it (as a crawl leaves them).

Used by the replay start-up test (a few hundred files) and ``bench/replay_start.py`` (10,000). Each
WARC holds one article response of a made-up outlet, its extracted-text resource, and, every third
file, a revisit of the previous file's article (so the index has revisits whose original is in the store).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from warcio.warcwriter import WARCWriter

from crawler.storage.layout import warc_dir
from crawler.warc.builder import RecordFactory, warc_date
from crawler.warc.cdxj import write_cdxj
from crawler.warc.exchange import HttpMessage

OUTLET = "demo-many"
HOST = "http://many.example"
_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"


def article_url(n: int) -> str:
    return f"{HOST}/2026/11/{n:05d}-article-{n}.html"


def _body(n: int) -> bytes:
    return (f"<html lang=\"fr\"><head><title>Article {n}</title></head><body><h1>Article {n}</h1>"
            f"<p>Le conseil municipal a examiné le dossier numéro {n} ce matin.</p></body></html>").encode()


def write_many_warcs(root: Path, count: int) -> list[Path]:
    """``count`` WARC files (with CDXJ) under ``root/warc/outlet=demo-many/date=…``; their paths."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    paths = []
    originals: dict[int, dict[str, str]] = {}
    for n in range(count):
        moment = start + timedelta(minutes=n)
        factory = RecordFactory(clock=lambda moment=moment: moment)  # type: ignore[misc]
        folder = root / warc_dir(OUTLET, moment.date())
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"khabar-{OUTLET}-{moment:%Y%m%d%H%M%S}-1-{n:05d}.warc.gz"
        when = warc_date(moment)
        message = HttpMessage(_HEAD, _body(n))
        response = factory.http_record("response", article_url(n), message, when, {})
        records = [response, factory.blob_record("resource", f"urn:text:{article_url(n)}", f"Article {n}".encode(),
                                                 "text/plain", {"WARC-Concurrent-To": str(response.rec_headers.get_header("WARC-Record-ID"))})]
        originals[n] = {"record_id": str(response.rec_headers.get_header("WARC-Record-ID")), "url": article_url(n),
                        "date": when, "digest": str(response.rec_headers.get_header("WARC-Payload-Digest"))}
        if n % 3 == 2:  # the previous article, fetched again unchanged
            records.append(factory.revisit_record(article_url(n - 1), HttpMessage(_HEAD, b""), when, originals[n - 1], {}))
        with open(path, "wb") as handle:
            writer = WARCWriter(handle, gzip=True, warc_version="1.1")
            for record in records:
                writer.write_record(record)
        write_cdxj(path, path.relative_to(root).as_posix())
        paths.append(path)
    return paths
