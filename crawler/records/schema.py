"""The article record: the one schema every writer and reader of JSON records uses.

`ArticleRecord` is the single source of truth. The JSON Schema published beside the records
(`schema/article-record.schema.json` in every store) is generated from it by `json_schema()`,
and `tests/test_records.py` keeps the field docs, the type annotations and the schema in step.

Conventions, field by field in the docs below:
- datetimes are ISO 8601 strings. Dates read from the page (``date_published``, ``date_modified``) carry
  the offset the page gave (``+01:00``), ``+00:00`` when the page's time is UTC by definition (a trailing
  ``Z``, ``UTC``/``GMT``, a Unix timestamp), and no offset when the page gave none: such a time is the
  outlet's local time as printed, its offset unknown (never guessed). A day alone (``2026-11-12``) means
  the page gave no time. The string each was read from is kept beside it (``date_published_raw``);
- the byline convention: ``authors`` holds every name the page's byline credits, as printed, one name
  per entry: persons, desks ("La Rédaction") and news agencies when the byline names one ("AFP",
  "Agence France-Presse"), without "Par"/"By"/"بقلم", roles ("envoyé spécial", "correspondant"), places
  or dates; ``author_kinds`` says what each entry is (``person``, ``desk``, ``agency``). Nothing the
  byline credits is dropped; what is not a byline is never added (the site's own name in an author field
  or a footer, a photo credit, a related article's author, a sidebar's masthead, the one account that the
  JSON-LD names but no text of the page prints; a JSON-LD list of several persons is the newsroom's and
  stays). A byline that credits the site itself ("Par Sahel Info"), an author the page types as an
  organisation, the newsroom that a JSON-LD author gives the address of ("redaction@…", even under the
  site's name) and "Staff Writer" are desks. ``agencies`` lists the canonical names of every agency the
  page credits, in the byline or not (a dateline's "(APS)", a closing "Source : MAP");
- text fields (title, description, text, authors, tags…) hold no invisible formatting character: soft hyphens,
  zero-width spaces, word joiners and BOMs are removed (they split words for search and word counts); the
  zero-width non-joiner and joiner stay where the page's fields keep them (Persian and Indic spelling, emoji);
- languages are ISO 639-1 codes (``fr``, ``ar``), countries ISO 3166-1 alpha-2;
- digests are ``sha256:<hex>`` for text and ``sha1:<base32>`` for WARC payloads (as WARC writes them).

Schema version 2 added ``author_kinds``, ``date_published_raw`` and ``date_modified_raw`` and widened
``authors`` from persons to every credited name. Every field added since version 1 has a default, so
version 1 records (without them) still read, verify, re-extract and export; in them ``authors`` holds
persons only and the agencies are in ``agencies``.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

SCHEMA_VERSION = "2"
SCHEMA_ID = "https://khabar.invalid/schema/article-record/v1.json"


AuthorKind = Literal["person", "desk", "agency"]


def _doc(text: str, **extra: Any) -> Any:
    return {"doc": text, **extra}


@dataclass(kw_only=True, slots=True)
class WarcLink:
    """Where the response behind a record lives in the WARC archive."""

    filename: str = field(metadata=_doc("WARC file name, as in CDX indexes (no folder)."))
    path: str = field(metadata=_doc("Store-relative key of the WARC file (warc/outlet=…/date=…/<filename>)."))
    offset: int = field(metadata=_doc("Byte offset of the response record's gzip member in the file."))
    length: int = field(metadata=_doc("Length in bytes of that gzip member."))
    record_id: str = field(metadata=_doc("WARC-Record-ID of the response record, <urn:uuid:…>."))
    payload_digest: str = field(metadata=_doc("WARC-Payload-Digest of the response (sha1:BASE32)."))


@dataclass(kw_only=True, slots=True)
class ExtractionInfo:
    """How the record's fields were obtained."""

    method: str = field(metadata=_doc("Extraction pipeline name, e.g. 'khabar+trafilatura'."))
    version: str = field(metadata=_doc("Versions of Khabar and of the extractor, e.g. 'khabar 0.1.0; trafilatura 2.3.1'."))
    extracted_at: str = field(metadata=_doc("When the extraction ran (ISO 8601, UTC)."))
    sources: dict[str, str] = field(
        default_factory=dict,
        metadata=_doc("Per field, which source won: 'json-ld', 'meta', 'h1', 'byline', 'trafilatura', 'htmldate', 'langid'…"),
    )
    warnings: list[str] = field(default_factory=list, metadata=_doc("Problems met while extracting, one short line each."))
    rendered_by: str | None = field(default=None, metadata=_doc(
        "Browser that built the page the text comes from (e.g. 'chromium'), when the HTML as served was a "
        "JavaScript shell; None when the text comes from the HTML as served."))
    rendered_record_id: str | None = field(default=None, metadata=_doc(
        "WARC-Record-ID of the 'conversion' record holding the rendered page (it refers to the response in warc)."))
    screenshot_record_id: str | None = field(default=None, metadata=_doc(
        "WARC-Record-ID of the 'resource' record holding a PNG screenshot of the page (urn:screenshot:<url>, "
        "Concurrent-To the response in warc); None when none was taken (KHABAR_SCREENSHOTS)."))


@dataclass(kw_only=True, slots=True)
class ArticleRecord:
    """One version of one article, as extracted from one archived response."""

    id: str = field(metadata=_doc("Stable article id: the first 32 hex characters of sha256(canonical_url)."))
    version: int = field(default=1, metadata=_doc("1 for the first capture; +1 each time the article's text changes."))
    schema_version: str = field(default=SCHEMA_VERSION, metadata=_doc("Version of this schema."))
    crawl_id: str = field(metadata=_doc("Id of the crawl run that produced the record."))
    outlet: str = field(metadata=_doc("Catalog id of the outlet."))
    country: str | None = field(default=None, metadata=_doc("ISO 3166-1 alpha-2 code of the outlet's main market."))
    url: str = field(metadata=_doc("URL of the archived response (after redirects)."))
    canonical_url: str = field(metadata=_doc("Canonical URL (rel=canonical, og:url, else url), normalised."))
    language: str | None = field(default=None, metadata=_doc("ISO 639-1 language of the text, detected and checked against <html lang>."))
    title: str | None = field(default=None, metadata=_doc("The on-page headline, without site-name prefix or suffix."))
    seo_title: str | None = field(default=None, metadata=_doc("The <title>/og:title when it differs from the headline."))
    description: str | None = field(default=None, metadata=_doc("Standfirst or meta description."))
    text: str = field(default="", metadata=_doc("Article body, paragraphs separated by newlines; no byline, no boilerplate."))
    authors: list[str] = field(default_factory=list, metadata=_doc(
        "Every name the byline credits, as printed, one per entry: persons, desks ('La Rédaction') and agencies "
        "the byline names ('AFP'); no 'Par'/'By'/'بقلم', roles, places or dates; never the site's own name unless the "
        "byline itself or a JSON-LD author that gives the newsroom's address credits it (then a desk), a photo credit, "
        "a related article's author or the one account that the JSON-LD names but the page never prints. Schema version 1 "
        "records hold persons only."))
    author_kinds: list[AuthorKind] = field(default_factory=list, metadata=_doc(
        "What each entry of authors is, at the same position: 'person', 'desk' or 'agency'. Empty in records "
        "written before schema version 2."))
    agencies: list[str] = field(default_factory=list, metadata=_doc(
        "Canonical names of the news agencies the page credits (AFP, APS, MAP, TAP…), in the byline or in a "
        "dateline or source line ('ALGER (APS) -', 'Source : MAP')."))
    date_published: str | None = field(default=None, metadata=_doc(
        "Publication date, ISO 8601: with the page's offset when it gave one, +00:00 when its time is UTC "
        "(a trailing Z, a timestamp); without offset, the outlet's local time as printed (offset unknown); "
        "YYYY-MM-DD when the page gave no time, or when the day comes from the article's URL (/2026/03/08/: the "
        "outlet's local day, kept over a UTC stamp that crossed midnight from it)."))
    date_published_raw: str | None = field(default=None, metadata=_doc(
        "The string date_published was read from, as the page gave it (an attribute value, or the part of a "
        "date line that holds the date, the part of the URL that holds it; htmldate's answer when htmldate found "
        "it). None in records written before schema version 2."))
    date_modified: str | None = field(default=None, metadata=_doc(
        "Last modification date, ISO 8601, written as date_published is."))
    date_modified_raw: str | None = field(default=None, metadata=_doc(
        "The string date_modified was read from, as date_published_raw."))
    section: str | None = field(default=None, metadata=_doc("Section or category named by the outlet."))
    tags: list[str] = field(default_factory=list, metadata=_doc("Keywords and tags named by the outlet."))
    image_url: str | None = field(default=None, metadata=_doc("Lead image URL (absolute)."))
    paywalled: bool = field(default=False, metadata=_doc("True when the text is a teaser of a paywalled article."))
    word_count: int = field(default=0, metadata=_doc("Whitespace-separated words in text."))
    fetched_at: str = field(metadata=_doc("When the response was received (WARC-Date), ISO 8601 UTC."))
    http_status: int = field(metadata=_doc("HTTP status of the archived response."))
    text_digest: str = field(metadata=_doc("sha256:<hex> of the text, to detect changed versions."))
    previous_text_digest: str | None = field(default=None, metadata=_doc("text_digest of the previous version, if any."))
    duplicate_of: str | None = field(default=None, metadata=_doc("id of an earlier record of the same story, if any."))
    warc: WarcLink = field(metadata=_doc("Where the response is archived."))
    extraction: ExtractionInfo = field(metadata=_doc("How the fields were extracted."))

    @property
    def capture_day(self) -> date:
        """The day of ``fetched_at``: the ``date=`` partition its record file goes to."""
        return date.fromisoformat(self.fetched_at[:10])

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON values: what ``dataclasses.asdict`` gives, without its deep copy of every string
        (0.3 ms a record of CPU in the crawl process, a third of writing it)."""
        return _plain(self)  # type: ignore[no-any-return]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        """Build a record from parsed JSON, rejecting unknown or missing fields."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown article record fields {sorted(unknown)}; schema version {SCHEMA_VERSION}")
        values = dict(data)
        values["warc"] = WarcLink(**values["warc"])
        values["extraction"] = ExtractionInfo(**values["extraction"])
        return cls(**values)


_ATOMS = (str, int, float, bool, type(None))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    """``value`` as JSON values, the record's own dataclasses as dicts in field order, lists and dicts copied; its
    strings and numbers are immutable, so they are shared, not copied."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [_plain(item) for item in value]
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(kind):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    return copy.deepcopy(value)  # as asdict does with what it does not know


def article_id(canonical_url: str) -> str:
    """The stable id of an article: a digest of its canonical URL."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:32]


def text_digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- JSON Schema generation -------------------------------------------------------------

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
}


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        return {"anyOf": [_type_schema(a) for a in args]} if len(args) > 2 else _optional(args)
    if origin is Literal:
        return {"type": "string", "enum": list(typing.get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(typing.get_args(tp)[1])}
    if tp is type(None):
        return {"type": "null"}
    if dataclasses.is_dataclass(tp):
        return _object_schema(tp)
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _optional(args: tuple[Any, ...]) -> dict[str, Any]:
    inner = [a for a in args if a is not type(None)]
    schema = _type_schema(inner[0])
    if len(inner) < len(args):
        schema = {**schema, "type": [schema["type"], "null"]} if "type" in schema else {"anyOf": [schema, {"type": "null"}]}
    return schema


def _object_schema(cls: Any) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        props[f.name] = {**_type_schema(hints[f.name]), "description": f.metadata["doc"]}
        no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if no_default:
            required.append(f.name)
    return {"type": "object", "description": (cls.__doc__ or "").strip(), "properties": props,
            "required": required, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `ArticleRecord`, published with the records."""
    schema = _object_schema(ArticleRecord)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Khabar article record", **schema}
