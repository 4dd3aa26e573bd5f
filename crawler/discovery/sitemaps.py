"""Parsing sitemaps, sitemap indexes and Google News sitemaps, safely and with bounds.

XML entities are never resolved and the network is never used by the parser, so external entities
and entity-expansion bombs do nothing; the number of entries read is capped. A sitemap that declares
entities gets a damage note saying so, and an entry that uses one is dropped (its URL would be cut short).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A ``<url>`` of a urlset or a ``<sitemap>`` of an index."""

    url: str
    lastmod: str | None = None
    news_title: str | None = None
    news_date: str | None = None
    news_language: str | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: str  # "index" or "urlset"
    entries: tuple[SitemapEntry, ...]
    truncated: bool = False   # more entries than the cap allows
    damage: str | None = None  # declared entities, or the first XML error met (the entries before it are kept)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str, namespace: str | None = None) -> str | None:
    for child in element.iter():
        if not isinstance(child.tag, str) or (namespace and not child.tag.startswith("{" + namespace + "}")):
            continue
        if _local(child.tag) == name and child.text and child.text.strip():
            text: str = child.text.strip()
            return text
    return None


def _entry(element: etree._Element) -> SitemapEntry | None:
    loc = None
    for child in element:
        if _local(child.tag) == "loc" and child.text:
            loc = child.text.strip()
    if not loc:
        return None
    return SitemapEntry(
        url=loc, lastmod=_child_text(element, "lastmod"),
        news_title=_child_text(element, "title", NEWS_NS),
        news_date=_child_text(element, "publication_date", NEWS_NS),
        news_language=_child_text(element, "language", NEWS_NS),
    )


def _events(body: bytes) -> Iterator[tuple[str, etree._Element]]:
    events: Iterator[tuple[str, etree._Element]] = etree.iterparse(
        BytesIO(body), events=("start", "end"), resolve_entities=False, no_network=True, recover=True,
        huge_tree=False, load_dtd=False)
    return events


def _uses_entity(element: etree._Element) -> bool:
    """Whether an entry holds an entity reference (never expanded, so its text would be cut short)."""
    return next(element.iter(etree.Entity), None) is not None


def _declares_entities(root: etree._Element | None) -> bool:
    dtd = root.getroottree().docinfo.internalDTD if root is not None else None
    return dtd is not None and next(dtd.iterentities(), None) is not None


def _damage(events: etree.iterparse, kept: int, dropped: int) -> str | None:
    """Our note on what the parser met: declared or used entities first, else the first XML error."""
    if dropped or _declares_entities(events.root):
        return (f"the sitemap declares XML entities, which are never expanded; entries kept: {kept}, "
                f"dropped for using an entity: {dropped}")
    errors = [e for e in events.error_log if e.level >= 2]  # ERROR and FATAL
    return f"line {errors[0].line}: {errors[0].message}" if errors else None


def parse_sitemap(body: bytes, max_entries: int) -> Sitemap:
    """Read a sitemap or index; raise ``ValueError`` when the document is not one."""
    kind: str | None = None
    entries: list[SitemapEntry] = []
    truncated, dropped = False, 0
    events = _events(body)
    try:
        for event, element in events:
            name = _local(element.tag)
            if kind is None and event == "start":
                if name not in ("urlset", "sitemapindex"):
                    raise ValueError(f"root element is <{name}>, not <urlset> or <sitemapindex>")
                kind = "index" if name == "sitemapindex" else "urlset"
            elif event == "end" and name in ("url", "sitemap"):
                if len(entries) >= max_entries:
                    truncated = True
                    break
                if _uses_entity(element):
                    dropped += 1
                elif (entry := _entry(element)) is not None:
                    entries.append(entry)
                element.clear()
    except etree.XMLSyntaxError as exc:
        if kind is None:
            raise ValueError(f"not well-formed XML: {exc}") from exc
    if kind is None:
        raise ValueError("empty document")
    damage = _damage(events, len(entries), dropped)
    return Sitemap(kind=kind, entries=tuple(entries), truncated=truncated, damage=damage)


def sitemaps_in_robots(text: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, in order."""
    urls = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == "sitemap" and value.strip():
            urls.append(value.strip())
    return urls
