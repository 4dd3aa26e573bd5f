"""Read schema.org JSON-LD blocks, tolerating the ways news sites break them.

The article node is chosen by type: any ``*NewsArticle`` first, then ``Article``, ``BlogPosting`` and their kin (any
``*Article``: ``TechArticle``, ``MedicalScholarlyArticle``), and ``WebPage`` only as a last resort; nodes are
searched inside ``@graph``, lists and ``mainEntity``. Author references by ``@id`` are resolved against the other
nodes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from crawler.extract._text import clean

# the article's kin beside any "*Article" (Article, ScholarlyArticle, TechArticle, SatiricalArticle, …)
_ARTICLE_KIN = ("BlogPosting", "Report", "LiveBlogPosting", "SocialMediaPosting")
_PAGE_TYPES = ("WebPage", "ItemPage", "CollectionPage")
_SITE_TYPES = ("WebSite", "Organization", "NewsMediaOrganization")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_MAX_NODES = 500


@dataclass
class JsonLd:
    """The article node, every type seen, and the site names the blocks declare."""

    article: dict[str, Any] | None = None
    types: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    videos: list[str] = field(default_factory=list)  # the descriptions of the videos an article's page describes
    broken: int = 0

    def get(self, key: str) -> Any:
        return self.article.get(key) if self.article else None


def read_jsonld(scripts: list[str]) -> JsonLd:
    result = JsonLd()
    nodes: list[dict[str, Any]] = []
    for script in scripts:
        data = _loads(script)
        if data is None:
            result.broken += 1
            continue
        nodes.extend(_nodes(data, depth=0))
        if len(nodes) >= _MAX_NODES:
            break
    _index(nodes, result)
    result.article = _choose(nodes)
    if result.article is not None:  # the videos an article embeds; a page without one may be the video's own
        result.videos = [clean(node["description"]) for node in nodes if node is not result.article
                         and "VideoObject" in types_of(node) and isinstance(node.get("description"), str)]
    return result


def _loads(script: str) -> Any:
    text = script.strip()
    for attempt in (text, _repaired(text)):
        try:
            return json.loads(attempt, strict=False)
        except json.JSONDecodeError:
            continue
        except RecursionError:  # "[[[[…" thousands deep: hostile or truncated, never an article
            return None
    return _first_value(_repaired(text))


def _repaired(text: str) -> str:
    """Undo the usual damage: HTML comment or CDATA wrappers, trailing commas, a stray semicolon."""
    text = text.removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removeprefix("<![CDATA[").removesuffix("//]]>").removesuffix("]]>")
    return _TRAILING_COMMA.sub(r"\1", text.strip().rstrip(";"))


def _first_value(text: str) -> Any:
    """Two blocks pasted one after the other: keep every value that decodes, in order."""
    decoder, pos = json.JSONDecoder(strict=False), 0
    values: list[Any] = []
    while pos < len(text) and len(values) < 20:
        try:
            value, end = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError):
            break
        values.append(value)
        pos = end
        while pos < len(text) and text[pos] in " \t\r\n,;":
            pos += 1
    return values or None


def _nodes(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:_MAX_NODES]:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from _nodes(data[key], depth + 1)


def types_of(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)]


def _index(nodes: list[dict[str, Any]], result: JsonLd) -> None:
    for node in nodes:
        kinds = types_of(node)
        result.types.extend(k for k in kinds if k not in result.types)
        if isinstance(node.get("@id"), str):
            result.by_id.setdefault(node["@id"], node)
        if any(k in _SITE_TYPES for k in kinds):
            name = node.get("name")
            if isinstance(name, str) and clean(name):
                result.site_names.append(clean(name))
        publisher = node.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            result.site_names.append(clean(publisher["name"]))


def _rank(node: dict[str, Any]) -> int:
    kinds = types_of(node)
    if any(k.endswith("NewsArticle") for k in kinds):
        return 3
    if any(k.endswith("Article") or k in _ARTICLE_KIN for k in kinds):
        return 2
    if any(k in _PAGE_TYPES for k in kinds):
        return 1
    return 0


def _choose(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    best, best_rank = None, 0
    for node in nodes:
        rank = _rank(node)
        if rank > best_rank:
            best, best_rank = node, rank
    return best


def strings(value: Any, key: str = "name", depth: int = 0) -> list[str]:
    """A JSON-LD value as strings: str, {key: str}, or a list of either; ``@id`` refs excluded."""
    if isinstance(value, str):
        return [clean(value)] if clean(value) else []
    if depth > 3:
        return []
    if isinstance(value, dict):
        return strings(value.get(key), key, depth + 1) if key in value else []
    if isinstance(value, list):
        return [s for item in value[:50] for s in strings(item, key, depth + 1)]
    return []


def person_names(value: Any, depth: int = 0) -> list[str]:
    """Like ``strings(value)`` for authors, where a node that gives no name but a given and a family name
    ('givenName': 'Amina', 'familyName': 'Saïdi') is named by both, in that order."""
    if isinstance(value, list) and depth <= 3:
        return [s for item in value[:50] for s in person_names(item, depth + 1)]
    if isinstance(value, dict) and "name" not in value:
        parts = [value.get(key) for key in ("givenName", "familyName")]
        joined = clean(" ".join(part for part in parts if isinstance(part, str)))
        return [joined] if joined else []
    return strings(value, depth=depth)


def resolve(value: Any, jsonld: JsonLd) -> Any:
    """Replace ``{"@id": ...}`` references (alone or in a list) by the node they name."""
    if isinstance(value, list):
        return [_resolve_one(item, jsonld) for item in value[:50]]
    return _resolve_one(value, jsonld)


def _resolve_one(value: Any, jsonld: JsonLd) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
        ref = value.get("@id")
        if isinstance(ref, str) and ref in jsonld.by_id:
            return jsonld.by_id[ref]
    return value
