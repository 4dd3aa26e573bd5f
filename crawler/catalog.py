"""The outlet catalog: declarative data, validated into typed entries when loaded.

The catalog shipped with Khabar is ``crawler/data/catalog.yaml`` (50 outlets of the Maghreb and
the Sahel, maghreb-intelligence first). ``load_catalog()`` reads it, or another file, plus any
extra entries (the bundled demo outlets) and returns a ``Catalog`` of ``OutletSpec``. A bad entry
raises ``CatalogInvalid`` naming the outlet, the field and what is allowed; outlets are always
identified by their ``id`` slug, never by position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

import yaml
from scrapy.settings import BaseSettings

from crawler.errors import CatalogInvalid, OutletUnknown
from crawler.extract.hints import SELECTOR_KEYS, ExtractHints, Selectors

CMS_VALUES = ("wordpress", "custom", "drupal", "joomla", "spip", "arc-xp", "hosted", "vivvo", "unknown")
CONFIDENCE_VALUES = ("seen", "reported", "guess", "demo")
FEED_KINDS = ("rss", "atom")
DISCOVERY_SOURCES = ("sitemaps", "feeds", "wp-rest", "listings")
SITEMAP_KINDS = ("index", "sitemap", "news", "robots", "template", "unknown")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True, slots=True)
class Source:
    """A discovery endpoint of an outlet: a feed or a sitemap."""

    url: str
    kind: str
    confidence: str = "reported"

    @property
    def fetchable(self) -> bool:
        return self.kind != "template"


@dataclass(frozen=True, slots=True)
class CrawlHints:
    """Per-outlet politeness overrides; None means: use the settings."""

    delay: float | None = None
    concurrency: int | None = None


@dataclass(frozen=True, slots=True)
class OutletSpec:
    """One outlet of the catalog."""

    id: str
    name: str
    group: str
    country: str
    languages: tuple[str, ...]
    homepage: str
    cms: str = "unknown"
    cms_note: str | None = None
    cms_confidence: str = "guess"
    feeds: tuple[Source, ...] = ()
    sitemaps: tuple[Source, ...] = ()
    wp_json: bool | None = None
    listing_pagination: str | None = None
    article_url_examples: tuple[str, ...] = ()
    crawl: CrawlHints = field(default_factory=CrawlHints)
    demo: bool = False
    discovery: tuple[str, ...] = ()
    """Discovery sources to use, in order (``sitemaps``, ``feeds``, ``wp-rest``, ``listings``); empty = each available one, cheapest first."""
    selectors: Selectors | None = None
    """Per-outlet CSS selectors for the extractor (title, byline, date, body, exclude); None = generic rules."""
    founded: int | None = None
    """Year the outlet started publishing: no article date before 1 January of that year is plausible."""

    @property
    def extract_hints(self) -> ExtractHints:
        """What the extractor is told about this outlet: its name, selectors and earliest plausible date."""
        return ExtractHints(selectors=self.selectors, earliest=date(self.founded, 1, 1) if self.founded else None,
                            site_names=(self.name,))

    @property
    def domains(self) -> tuple[str, ...]:
        """Hosts that belong to the outlet: the homepage host, with and without ``www.``."""
        host = urlparse(self.homepage).hostname or ""
        bare = host.removeprefix("www.")
        return tuple(dict.fromkeys([host, bare] + ([f"www.{bare}"] if not _is_ip(bare) else [])))


def _is_ip(host: str) -> bool:
    return bool(re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host))


class _Validator:
    """Checks one raw mapping; every failure names the outlet and the field."""

    def __init__(self, raw: Mapping[str, Any], source: str) -> None:
        self.raw, self.source = raw, source
        self.outlet = str(raw.get("id", "<no id>"))

    def fail(self, name: str, problem: str) -> CatalogInvalid:
        return CatalogInvalid(self.outlet, name, problem, self.source)

    def text(self, name: str, pattern: re.Pattern[str] | None = None, allowed: str = "", required: bool = True) -> str | None:
        value = self.raw.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, f"is {value!r}; a non-empty string is required")
        if pattern is not None and not pattern.match(value):
            raise self.fail(name, f"is {value!r}; allowed: {allowed}")
        return value.strip()

    def choice(self, name: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.raw.get(name, default)
        if value not in allowed:
            raise self.fail(name, f"is {value!r}; allowed: {', '.join(allowed)}")
        return str(value)

    def url(self, name: str, value: Any) -> str:
        parsed = urlparse(value) if isinstance(value, str) else None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise self.fail(name, f"is {value!r}; an absolute http(s) URL is required")
        return str(value)

    def sources(self, name: str, kinds: tuple[str, ...]) -> tuple[Source, ...]:
        items = self.raw.get(name) or []
        if not isinstance(items, list):
            raise self.fail(name, f"is {type(items).__name__}; a list of {{url, kind, confidence}} is required")
        result = []
        for i, item in enumerate(items):
            where = f"{name}[{i}]"
            if not isinstance(item, Mapping):
                raise self.fail(where, f"is {item!r}; a mapping with url, kind, confidence is required")
            kind = item.get("kind", kinds[0])
            if kind not in kinds:
                raise self.fail(f"{where}.kind", f"is {kind!r}; allowed: {', '.join(kinds)}")
            confidence = item.get("confidence", "reported")
            if confidence not in CONFIDENCE_VALUES:
                raise self.fail(f"{where}.confidence", f"is {confidence!r}; allowed: {', '.join(CONFIDENCE_VALUES)}")
            url = item.get("url") if kind == "template" else self.url(f"{where}.url", item.get("url"))
            result.append(Source(str(url), str(kind), str(confidence)))
        return tuple(result)

    def languages(self) -> tuple[str, ...]:
        value = self.raw.get("languages")
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and _LANGUAGE.match(v) for v in value):
            raise self.fail("languages", f"is {value!r}; a non-empty list of ISO 639-1 codes such as [fr, ar] is required")
        return tuple(value)

    def wp_json(self) -> bool | None:
        value = self.raw.get("wp_json", "unknown")
        if value not in (True, False, "unknown"):
            raise self.fail("wp_json", f"is {value!r}; allowed: true, false, unknown")
        return None if value == "unknown" else bool(value)

    def crawl(self) -> CrawlHints:
        value = self.raw.get("crawl") or {}
        if not isinstance(value, Mapping) or set(value) - {"delay", "concurrency"}:
            raise self.fail("crawl", f"is {value!r}; allowed keys: delay (seconds), concurrency (requests)")
        delay, conc = value.get("delay"), value.get("concurrency")
        if delay is not None and (not isinstance(delay, int | float) or delay < 0):
            raise self.fail("crawl.delay", f"is {delay!r}; a number of seconds ≥ 0 is required")
        if conc is not None and (not isinstance(conc, int) or conc < 1):
            raise self.fail("crawl.concurrency", f"is {conc!r}; an integer ≥ 1 is required")
        return CrawlHints(delay=float(delay) if delay is not None else None, concurrency=conc)

    def selectors(self) -> Selectors | None:
        value = self.raw.get("selectors")
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail("selectors", f"is {value!r}; a mapping of CSS selectors with keys {', '.join(SELECTOR_KEYS)} is required")
        try:
            return Selectors.from_mapping(value)
        except ValueError as err:
            key, problem = err.args
            raise self.fail(f"selectors.{key}" if key else "selectors", problem) from None


    def founded(self) -> int | None:
        value = self.raw.get("founded")
        if value is None:
            return None
        this_year = date.today().year
        if not isinstance(value, int) or isinstance(value, bool) or not FIRST_FOUNDED <= value <= this_year:
            raise self.fail("founded", f"is {value!r}; a year between {FIRST_FOUNDED} and {this_year} is required")
        return value

    def discovery(self) -> tuple[str, ...]:
        value = self.raw.get("discovery") or []
        if not isinstance(value, list) or any(v not in DISCOVERY_SOURCES for v in value) or len(set(value)) < len(value):
            raise self.fail("discovery", f"is {value!r}; a list of distinct sources among {', '.join(DISCOVERY_SOURCES)}")
        return tuple(value)


FIRST_FOUNDED = 1800  # older than the region's oldest newspapers still publishing
_KNOWN_FIELDS = {f for f in OutletSpec.__dataclass_fields__}


def parse_outlet(raw: Any, source: str = "") -> OutletSpec:
    """Validate one raw catalog entry into an ``OutletSpec``."""
    if not isinstance(raw, Mapping):
        raise CatalogInvalid("<entry>", "<entry>", f"is {type(raw).__name__}; a mapping is required", source)
    v = _Validator(raw, source)
    unknown = set(raw) - _KNOWN_FIELDS
    if unknown:
        raise v.fail(sorted(unknown)[0], f"is not a catalog field; allowed: {', '.join(sorted(_KNOWN_FIELDS))}")
    group = v.text("group", re.compile(r"^(regional|demo|[A-Z]{2})$"), "regional, demo or an ISO 3166-1 alpha-2 code")
    return OutletSpec(
        id=str(v.text("id", _SLUG, "a lowercase slug of letters, digits and dashes (2-63 chars)")),
        name=str(v.text("name")), group=str(group),
        country=str(v.text("country", _COUNTRY, "an ISO 3166-1 alpha-2 code such as MA")),
        languages=v.languages(), homepage=v.url("homepage", raw.get("homepage")),
        cms=v.choice("cms", CMS_VALUES, "unknown"), cms_note=v.text("cms_note", required=False),
        cms_confidence=v.choice("cms_confidence", CONFIDENCE_VALUES, "guess"),
        feeds=v.sources("feeds", FEED_KINDS), sitemaps=v.sources("sitemaps", SITEMAP_KINDS),
        wp_json=v.wp_json(), listing_pagination=v.text("listing_pagination", required=False),
        article_url_examples=tuple(raw.get("article_url_examples") or ()), crawl=v.crawl(),
        demo=bool(raw.get("demo", False)), selectors=v.selectors(), discovery=v.discovery(),
        founded=v.founded(),
    )


class Catalog:
    """Outlets by id, in catalog order."""

    def __init__(self, outlets: Iterable[OutletSpec]) -> None:
        self._by_id: dict[str, OutletSpec] = {}
        for outlet in outlets:
            if outlet.id in self._by_id:
                raise CatalogInvalid(outlet.id, "id", "is used by two entries; ids must be unique")
            self._by_id[outlet.id] = outlet

    def __iter__(self) -> Iterator[OutletSpec]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, outlet_id: object) -> bool:
        return outlet_id in self._by_id

    def get(self, outlet_id: str) -> OutletSpec:
        try:
            return self._by_id[outlet_id]
        except KeyError:
            raise OutletUnknown(outlet_id, list(self._by_id)) from None

    def ids(self) -> list[str]:
        return list(self._by_id)


def shipped_catalog_path() -> Path:
    return Path(str(resources.files("crawler") / "data" / "catalog.yaml"))


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (the same values; the shipped catalog loads in 7 ms instead of 55 ms of
CPU, and a crawl loads it twice before its first request), else PyYAML's own."""


def _yaml(text: str | IO[str]) -> Any:
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506  # a safe loader, the C one


def load_catalog(path: str | Path | None = None, extra: Iterable[Mapping[str, Any]] = ()) -> Catalog:
    """Load and validate a catalog file (the shipped one by default) plus extra raw entries."""
    path = Path(path) if path is not None else shipped_catalog_path()
    try:
        raw = _yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogInvalid("<file>", "<file>", f"cannot be read as YAML ({exc})", str(path)) from exc
    if not isinstance(raw, list):
        raise CatalogInvalid("<file>", "<top level>", "must be a list of outlet entries", str(path))
    outlets = [parse_outlet(entry, str(path)) for entry in raw]
    outlets += [parse_outlet(entry, "extra entries") for entry in extra]
    return Catalog(outlets)


def catalog_from_settings(settings: BaseSettings) -> Catalog:
    """The catalog a crawl uses: KHABAR_CATALOG (or the shipped one) plus KHABAR_CATALOG_EXTRA files."""
    extra: list[Any] = []
    for path in settings.getlist("KHABAR_CATALOG_EXTRA"):
        with open(path, encoding="utf-8") as handle:
            extra += _yaml(handle) or []
    return load_catalog(settings.get("KHABAR_CATALOG"), extra=extra)
