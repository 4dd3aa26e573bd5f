"""Building WARC/1.1 records (warcio underneath) with an injectable clock and id factory.

Record *building* stays apart from *writing* (``writer.py``), as in warcio. HTTP heads are
stored verbatim: warcio would otherwise re-serialise them (title-case names, percent-encoded
non-ASCII values), which is not what the server sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO

from warcio.recordbuilder import RecordBuilder
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.timeutils import datetime_to_iso_date

from crawler.warc.exchange import HttpMessage, payload_of, sha1_digest

WARC_VERSION = "WARC/1.1"
REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"

Clock = Callable[[], datetime]
IdFactory = Callable[[], str]


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def warc_date(moment: datetime) -> str:
    """WARC-Date with microseconds (allowed by WARC/1.1), always in UTC."""
    return str(datetime_to_iso_date(moment.astimezone(UTC).replace(tzinfo=None), use_micros=True))


class VerbatimHeaders(StatusAndHeaders):  # type: ignore[misc]
    """An HTTP head that warcio writes back exactly as it was received."""

    def __init__(self, raw_head: bytes) -> None:
        parsed = StatusAndHeadersParser([], verify=False).parse(BytesIO(raw_head))
        super().__init__(parsed.statusline, parsed.headers, parsed.protocol)
        self.headers_buff = raw_head

    def compute_headers_buffer(self, header_filter: object = None) -> None:
        """Keep the received bytes; never re-serialise."""


class RecordFactory:
    """Makes the records of one capture; time and ids come from the injected callables."""

    def __init__(self, clock: Clock = utc_now, id_factory: IdFactory = new_record_id) -> None:
        self.clock, self.id_factory = clock, id_factory
        self._builder = RecordBuilder(warc_version=WARC_VERSION)

    def _headers(self, date: str | None, extra: dict[str, str]) -> dict[str, str]:
        return {"WARC-Record-ID": self.id_factory(), "WARC-Date": date or warc_date(self.clock()), **extra}

    def http_record(self, kind: str, url: str, message: HttpMessage, date: str, extra: dict[str, str]) -> ArcWarcRecord:
        """A ``request`` or ``response`` record holding the message verbatim."""
        headers = self._headers(date, extra)
        if kind == "response":
            headers["WARC-Payload-Digest"] = sha1_digest(payload_of(message))
        return self._builder.create_warc_record(
            url, kind, payload=BytesIO(message.body), length=len(message.body),
            http_headers=VerbatimHeaders(message.head), warc_headers_dict=headers,
        )

    def revisit_record(self, url: str, message: HttpMessage, date: str, refers_to: dict[str, str],
                       extra: dict[str, str]) -> ArcWarcRecord:
        """A WARC/1.1 identical-payload-digest ``revisit``: the response head verbatim, no payload.

        ``refers_to`` holds ``record_id``, ``url``, ``date`` and ``digest`` of the original capture.
        """
        headers = self._headers(date, {
            **extra, "WARC-Profile": REVISIT_PROFILE, "WARC-Payload-Digest": refers_to["digest"],
            "WARC-Refers-To": refers_to["record_id"], "WARC-Refers-To-Target-URI": refers_to["url"],
            "WARC-Refers-To-Date": refers_to["date"],
        })
        return self._builder.create_warc_record(
            url, "revisit", payload=BytesIO(b""), length=0, http_headers=VerbatimHeaders(message.head),
            warc_content_type="application/http; msgtype=response", warc_headers_dict=headers,
        )

    def blob_record(self, kind: str, url: str, body: bytes, content_type: str, extra: dict[str, str]) -> ArcWarcRecord:
        """A ``metadata``, ``resource`` or ``warcinfo``-like record with a plain body."""
        return self._builder.create_warc_record(
            url, kind, payload=BytesIO(body), length=len(body),
            warc_content_type=content_type, warc_headers_dict=self._headers(None, extra),
        )

    def warcinfo(self, filename: str, fields: dict[str, str]) -> ArcWarcRecord:
        return self.blob_record("warcinfo", "", warc_fields(fields), "application/warc-fields", {"WARC-Filename": filename})


def warc_fields(fields: dict[str, str]) -> bytes:
    """An application/warc-fields body."""
    return "".join(f"{k}: {v}\r\n" for k, v in fields.items()).encode("utf-8")
