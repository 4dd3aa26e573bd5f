"""``khabar reextract STORE``: article records rebuilt from the WARCs alone, with no network.

Every ``response`` and ``revisit`` record is rebuilt into the Scrapy response the crawl's spider saw
(Content-Encoding removed by the crawl's bounded decoder, ``crawler.warc.decoding``, within
``DOWNLOAD_MAXSIZE``; a body past it is skipped as a problem with its file and offset; response
class from Scrapy's ``responsetypes``) and put to the crawl's own
question, :func:`crawler.records.decision.decide`, with today's extractor: a page the crawl would not
record (a bot wall, a listing page, a revisit…) is not recorded here either. A page built by
JavaScript is decided again from the render the crawl archived (its ``conversion`` record). The record links
to the same WARC response, carries the crawl id and outlet from the file's ``warcinfo``, and the
capture time as ``fetched_at``. A capture that already has a record keeps that record's version
when the text comes out the same, and becomes a new version (the article's newest + 1, with
``previous_text_digest``) when the extractor now gives a different text; a capture with no
record yet (lost with a killed crawl) gets the next version when its text is new.
Output: ``records/outlet=<id>/date=<capture day>/<run-id>.jsonl.gz``, and each record's WARC links
(``crawler/warc/links.py``) in WARC files of their own, as a crawl writes them.

Crash recovery uses the same path (:meth:`Reextractor.recover_records`) for the WARC files of a killed
crawl: only the captures that no record file names get a record, and their links go into the new
crawl's WARC files.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, BinaryIO

from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.archive.reading import Entry, iter_entries, open_key, warc_keys
from crawler.catalog import Catalog, OutletSpec
from crawler.extract import Extracted
from crawler.extract.article import extract_article
from crawler.records import ArticleRecord, WarcLink
from crawler.records.build import build_record
from crawler.records.decision import Decision, NotRecorded, Record, Render, RenderChance, ResponseFacts, decide, screen
from crawler.records.files import RecordFiles
from crawler.render.screenshot import URN_PREFIX
from crawler.run.addon import new_crawl_id
from crawler.storage import Store
from crawler.storage.layout import records_key
from crawler.warc.decoding import DEFAULT_MAX_SIZE, BodyTooLarge, damage_flag, decode_body
from crawler.warc.exchange import HttpMessage, payload_of, split_message
from crawler.warc.recovery import DeadWarc, recovery_pause

logger = logging.getLogger(__name__)


@dataclass
class ReextractReport:
    run_id: str
    counts: Counter[str] = field(default_factory=Counter)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    articles: list[ArchivedArticle] = field(default_factory=list)
    """Recovery only: the captures of the dead WARC files that have a record (the crawl's, or recovery's)."""


@dataclass(frozen=True, slots=True)
class ArchivedArticle:
    """An article page archived whole and recorded: what the crawl state remembers of its fetch."""

    outlet: str
    url: str
    status: int
    headers: Headers


def archived_response(url: str, message: HttpMessage, max_size: int = DEFAULT_MAX_SIZE) -> Response:
    """The response as the crawl's spider saw it: Content-Encoding removed by the crawl's own bounded decoder
    (``crawler.warc.decoding``), a damaged body flagged as the crawl flags it. Raises :class:`BodyTooLarge`
    past ``max_size`` decoded bytes (``DOWNLOAD_MAXSIZE``)."""
    headers = Headers(_header_pairs(message.head))
    body = payload_of(message)
    damage = _short_of_length(message, body)
    if codings := headers.getlist("Content-Encoding"):
        decoded = decode_body(body, codings, max_size)
        body, damage = decoded.body, damage or decoded.damage
        if decoded.kept:
            headers["Content-Encoding"] = b", ".join(decoded.kept)
        else:
            del headers["Content-Encoding"]
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(url=url, status=message.status or 0, headers=headers, body=body,
               flags=[damage_flag(damage)] if damage else [])


def _short_of_length(message: HttpMessage, payload: bytes) -> str | None:
    """Why the body is shorter than its Content-Length (as Scrapy's ``dataloss`` flag says in the crawl), or None."""
    status, lengths = message.status or 0, message.header_values("Content-Length")
    if message.is_chunked or 100 <= status < 200 or status in (204, 304) or not lengths or not lengths[0].isdigit():
        return None
    expected = int(lengths[0])
    return f"the body is shorter than its Content-Length ({len(payload)} of {expected} bytes)" \
        if len(payload) < expected else None


def _header_pairs(head: bytes) -> list[tuple[bytes, bytes]]:
    pairs = []
    for line in re.split(rb"\r?\n(?![ \t])", head)[1:]:
        name, sep, value = line.partition(b":")
        if sep and name.strip():
            pairs.append((name.strip(), re.sub(rb"\r?\n[ \t]+", b" ", value).strip()))
    return pairs


def _rendered_response(served: Response, render: Entry) -> Response:
    """The page as the browser rendered it (the crawl archived its DOM as a ``conversion`` record)."""
    headers = served.headers.copy()
    headers["Content-Type"] = render.get("Content-Type") or "text/html"
    cls = responsetypes.from_args(headers=headers, url=served.url, body=render.block)
    return cls(url=served.url, status=served.status, headers=headers, body=render.block)


def _truncated(entry: Entry) -> bool:
    return len(entry.block) < int(entry.get("Content-Length") or 0)


@dataclass
class KnownRecords:
    """What the store's records say: per capture (WARC record id) and per article id."""

    by_capture: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)  # -> (version, digest, previous)
    latest: dict[str, tuple[int, str]] = field(default_factory=dict)  # article id -> newest (version, digest)
    kept: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # capture -> (record file, record)

    def add(self, article_id: str, capture: str, version: int, digest: str, previous: str | None) -> None:
        self.by_capture.setdefault(capture, (version, digest, previous))
        if version >= self.latest.get(article_id, (0, ""))[0]:
            self.latest[article_id] = (version, digest)


def known_records(store: Store, outlet: str | None, keep: frozenset[str] = frozenset()) -> KnownRecords:
    """The records of the store (of ``outlet``), finished files only; whole records for captures in WARC files ``keep``."""
    known = KnownRecords()
    for key in _record_files(store, f"records/outlet={outlet}/" if outlet else "records/"):
        with _open_record_file(store, key) as handle, gzip.open(handle, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                known.add(record["id"], record["warc"]["record_id"], record["version"], record["text_digest"],
                          record.get("previous_text_digest"))
                if record["warc"]["path"] in keep:
                    known.kept.setdefault(record["warc"]["record_id"], (key, record))
    return known


def _record_files(store: Store, prefix: str) -> list[str]:
    """Finished record files: published ones, and those still in the spool (an S3 store uploads them later)."""
    spooled = {p.relative_to(store.spool).as_posix() for p in (store.spool / prefix).glob("**/*.jsonl.gz")}
    return sorted(k for k in set(store.list(prefix)) | spooled if k.endswith(".jsonl.gz"))


@contextmanager
def _open_record_file(store: Store, key: str) -> Iterator[BinaryIO]:
    path = store.spool / key
    if path.is_file():
        with open(path, "rb") as handle:
            yield handle
    else:
        with open_key(store, key) as handle:
            yield handle


RecordLinker = Callable[[ArticleRecord, str], None]
"""Writes the WARC side of an article record written to a record file (key): what a crawl writes."""


class Reextractor:
    def __init__(self, store: Store, catalog: Catalog, outlet: str | None = None, since: date | None = None,
                 max_size: int = DEFAULT_MAX_SIZE, keep: frozenset[str] = frozenset()) -> None:
        self.store, self.catalog, self.outlet, self.since = store, catalog, outlet, since
        self.max_size = max_size
        self.report = ReextractReport(run_id=f"reextract-{new_crawl_id()}")
        self._known = known_records(store, outlet, keep)
        self._files = RecordFiles(store)
        self._recovering = False
        self.link: RecordLinker | None = None
        self._screenshots: dict[str, str] = {}  # of the WARC file being read: response record id -> screenshot record id
        """Writes the WARC links of each record written (a crawl's WarcCapture, or LinkFiles)."""

    def recover_records(self, dead: list[DeadWarc]) -> ReextractReport:
        """Records for the captures of a killed crawl's WARC files that have none, with their WARC links.

        A capture has a record when a record file names it (the decision of the crawl that wrote it
        stands) or a metadata record links it; a record without its metadata record gets its links
        now; any other capture is put to the crawl's decision. The record files are finished when this returns.
        """
        self._recovering = True
        linked = self._linked_captures(dead)
        for warc in dead:
            with self._open_dead(warc) as handle:
                archived = _read_file(handle, warc.key, self.report)
            self._screenshots = archived.screenshots
            for entry in archived.responses:
                self._orphan(warc.key, entry, archived, linked)
        self._files.close()
        self.report.files = list(self._files.published)
        return self.report

    @contextmanager
    def _open_dead(self, warc: DeadWarc) -> Iterator[BinaryIO]:
        if warc.path is None:
            with open_key(self.store, warc.key) as handle:
                yield handle
        else:
            with open(warc.path, "rb") as handle:
                yield handle

    def _linked_captures(self, dead: list[DeadWarc]) -> set[str]:
        """The captures that the metadata records of these WARC files link to an article record."""
        linked = set()
        for warc in dead:
            with self._open_dead(warc) as handle:
                try:
                    for record in ArchiveIterator(handle, no_record_parse=True, check_digests=False):
                        if record.rec_type == "metadata":
                            linked.add(str(record.rec_headers.get_header("WARC-Concurrent-To") or ""))
                except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError):
                    continue  # reported when its records are read
        return linked

    def _orphan(self, key: str, entry: Entry, archived: ArchivedFile, linked: set[str]) -> None:
        capture = entry.get("WARC-Record-ID") or ""
        recorded = True
        if capture in self._known.by_capture:
            if capture not in linked and capture in self._known.kept and self.link is not None:
                record_file, record = self._known.kept[capture]
                self.link(ArticleRecord.from_dict(record), record_file)
                self.report.counts["links"] += 1
        elif capture not in linked:
            recorded = self._response(key, entry, archived.info, archived.renders.get(capture))
        if recorded:
            message = split_message(entry.block)
            self.report.articles.append(ArchivedArticle(self._outlet(archived.info, key).id, entry.get("WARC-Target-URI") or "",
                                                        message.status or 0, Headers(_header_pairs(message.head))))

    def run(self) -> ReextractReport:
        for warc in warc_keys(self.store, self.outlet, self.since):
            self._file(warc.key)
        self._files.close()
        self.report.files = list(self._files.published)
        return self.report

    def _file(self, key: str) -> None:
        with open_key(self.store, key) as handle:
            archived = _read_file(handle, key, self.report)
        self._screenshots = archived.screenshots
        for entry in archived.responses:
            self._response(key, entry, archived.info, archived.renders.get(entry.get("WARC-Record-ID") or ""))

    def _response(self, key: str, entry: Entry, info: dict[str, str], render: Entry | None = None) -> bool:
        """A record from a response when the crawl's decision says so; from its render when the crawl archived one."""
        response = self._archived(key, entry)
        if response is None:
            return False
        outlet = self._outlet(info, key)
        decision, rendered = self._decision(entry, response, render, outlet)
        if isinstance(decision, Record):
            self._record(key, entry, info, outlet, response.status, decision.extracted, rendered)
            return True
        else:
            reason, detail = (decision.reason, decision.detail) if isinstance(decision, NotRecorded) else ("render", decision.why)
            self.report.counts[f"not recorded: {reason}"] += 1
            logger.info("not recorded as an article: %s (%s: %s); its WARC capture is kept", response.url, reason, detail)
            return False

    def _archived(self, key: str, entry: Entry) -> Response | None:
        if _truncated(entry):
            self._problem(f"{key} @ offset {entry.offset}: record truncated; skipped")
            return None
        try:
            return archived_response(entry.get("WARC-Target-URI") or "", split_message(entry.block), self.max_size)
        except BodyTooLarge as exc:
            self._problem(f"{key} @ offset {entry.offset}: {exc}; skipped (raise {exc.setting} with "
                          f"-s {exc.setting}=BYTES to re-extract it)")
            return None

    def _decision(self, entry: Entry, response: Response, render: Entry | None,
                  outlet: OutletSpec) -> tuple[Decision, tuple[str, str] | None]:
        """The crawl's decision on the response, then on its archived render if it asks for one."""
        revisit_of = (entry.get("WARC-Refers-To-Date") or "an earlier capture") if entry.record.rec_type == "revisit" else None
        render = render if render is not None and not _truncated(render) else None
        chance = RenderChance.POSSIBLE if render is not None else RenderChance.NONE
        decision = self._decide(ResponseFacts.of(response, revisit_of=revisit_of, render=chance, archived=True), outlet)
        if not isinstance(decision, Render) or render is None:
            return decision, None
        facts = ResponseFacts.of(_rendered_response(response, render), revisit_of=None, render=RenderChance.RENDERED,
                                 archived=True)
        return self._decide(facts, outlet), ("chromium", render.get("WARC-Record-ID") or "")

    def _record(self, key: str, entry: Entry, info: dict[str, str], outlet: OutletSpec, status: int,
                extracted: Extracted, rendered: tuple[str, str] | None) -> None:
        record = build_record(
            extracted=extracted, outlet=outlet, url=entry.get("WARC-Target-URI") or "", status=status,
            fetched_at=entry.get("WARC-Date") or "", crawl_id=info.get("khabar-crawl-id", ""),
            warc=WarcLink(filename=key.rsplit("/", 1)[-1], path=key, offset=entry.offset, length=entry.length,
                          record_id=entry.get("WARC-Record-ID") or "", payload_digest=entry.get("WARC-Payload-Digest") or ""),
            rendered=rendered, screenshot=self._screenshots.get(entry.get("WARC-Record-ID") or ""),
        )
        if self._recovering and self._known.latest.get(record.id, (0, ""))[1] == record.text_digest:
            # the crawl's ArticleVersioning dropped it (text unchanged since the newest record): so does recovery
            self.report.counts["not recorded: unchanged_text"] += 1
            logger.info("not recorded as an article: %s (unchanged_text: the text of its newest record); "
                        "its WARC capture is kept", record.url)
            return
        record = self._versioned(record)
        record.extraction.version += f"; {self.report.run_id}"
        record_file = records_key(record.outlet, record.capture_day, self.report.run_id)
        self._files.write(record_file, record)
        self.report.counts["records"] += 1
        if self.link is not None:
            recovery_pause("orphan-record")  # a test kills recovery here: a record without its WARC links
            self.link(record, record_file)

    @staticmethod
    def _decide(facts: ResponseFacts, outlet: OutletSpec) -> Decision:
        """The crawl's decision, with today's extractor."""
        return screen(facts) or decide(facts, extract_article(facts.body, facts.url, facts.content_type,
                                                              outlet.extract_hints))

    def _problem(self, message: str) -> None:
        logger.error(message)
        self.report.problems.append(message)

    def _versioned(self, record: ArticleRecord) -> ArticleRecord:
        same_capture = self._known.by_capture.get(record.warc.record_id)
        newest, newest_digest = self._known.latest.get(record.id, (0, ""))
        if same_capture is not None and same_capture[1] == record.text_digest:
            return replace(record, version=same_capture[0], previous_text_digest=same_capture[2])
        if same_capture is None and newest_digest == record.text_digest:
            return replace(record, version=newest)
        self.report.counts["new versions"] += 1
        record = replace(record, version=newest + 1, previous_text_digest=newest_digest or None)
        self._known.add(record.id, record.warc.record_id, record.version, record.text_digest, newest_digest or None)
        return record

    def _outlet(self, info: dict[str, str], key: str) -> OutletSpec:
        outlet_id = info.get("khabar-outlet") or key.split("outlet=", 1)[-1].split("/", 1)[0]
        if outlet_id in self.catalog:
            return self.catalog.get(outlet_id)
        country: Any = info.get("khabar-outlet-country") or None  # the archive's own word, else unknown
        return OutletSpec(id=outlet_id, name=outlet_id, group="regional", country=country, languages=(),
                          homepage="http://unknown.invalid/")


@dataclass
class ArchivedFile:
    """What one WARC file holds for re-extraction."""

    info: dict[str, str] = field(default_factory=dict)
    responses: list[Entry] = field(default_factory=list)
    renders: dict[str, Entry] = field(default_factory=dict)  # response record id -> the conversion record of its render
    screenshots: dict[str, str] = field(default_factory=dict)  # response record id -> its screenshot's record id


def _read_file(handle: BinaryIO, key: str, report: ReextractReport) -> ArchivedFile:
    """The warcinfo, responses and renders of a WARC file; a damaged part is reported and the rest read."""
    archived, offset = ArchivedFile(), 0
    try:
        for entry in iter_entries(handle):
            if entry.record.rec_type == "warcinfo":
                archived.info = _fields(entry.block)
            elif entry.record.rec_type in ("response", "revisit"):
                archived.responses.append(entry)
            elif entry.record.rec_type == "conversion" and entry.get("WARC-Refers-To"):
                archived.renders[entry.get("WARC-Refers-To") or ""] = entry
            elif entry.record.rec_type == "resource" and (entry.get("WARC-Target-URI") or "").startswith(URN_PREFIX):
                archived.screenshots[entry.get("WARC-Concurrent-To") or ""] = entry.get("WARC-Record-ID") or ""
            offset = entry.offset + entry.length
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
        message = (f"{key} @ offset {offset}: unreadable from here on ({type(exc).__name__}: {exc}); "
                   "the records before it were re-extracted and the rest of the store goes on")
        logger.error(message)
        report.problems.append(message)
    return archived


def _fields(block: bytes) -> dict[str, Any]:
    return dict(line.split(": ", 1) for line in block.decode("utf-8", "replace").splitlines() if ": " in line)
