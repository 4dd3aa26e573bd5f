"""Per-outlet help for the extractor: CSS selectors from the catalog and an earliest plausible date.

The generic rules stay the default. An outlet whose markup defeats them gets a small ``selectors``
mapping in ``crawler/data/catalog.yaml``, one CSS selector per field::

    selectors:
      title: h1.titre-article          # the headline element
      byline: .signature               # element(s) holding the byline ("Par A et B")
      date: .date-publication          # element holding the publication date (datetime/content attribute or text)
      body: div#texte-article          # the article body container
      exclude: .encadre-lire-aussi     # elements inside the body to drop (related boxes, newsletter blocks)

A selector that matches nothing falls back to the generic rules, with a warning on the record. Both
classes are frozen and picklable: extraction runs in worker processes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any

from cssselect import GenericTranslator, SelectorError
from lxml import etree

SELECTOR_KEYS = ("title", "byline", "date", "body", "exclude")
MAX_SELECTOR_CHARS = 300


@dataclass(frozen=True, slots=True)
class Selectors:
    """CSS selectors for one outlet; None means: use the generic rules for that field."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    body: str | None = None
    exclude: str | None = None

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Selectors:
        """Validate a raw mapping; raises ``ValueError(key, problem)`` naming the allowed keys."""
        unknown = sorted(set(raw) - set(SELECTOR_KEYS))
        if unknown:
            raise ValueError(unknown[0], f"is not a selector key; allowed keys: {', '.join(SELECTOR_KEYS)}")
        if not raw:
            raise ValueError("", f"is empty; give at least one of: {', '.join(SELECTOR_KEYS)}")
        for key, value in raw.items():
            problem = selector_problem(value)
            if problem:
                raise ValueError(key, problem)
        return cls(**{key: value.strip() for key, value in raw.items()})

    def items(self) -> list[tuple[str, str]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]


@dataclass(frozen=True, slots=True)
class ExtractHints:
    """What the caller knows about the page's outlet."""

    selectors: Selectors | None = None
    earliest: date | None = None
    """Earliest plausible publication date (the outlet's founding): an older date is refused with a warning."""
    site_names: tuple[str, ...] = ()
    """The outlet's names (the catalog's): never a headline, never an author, stripped from title ends."""


def as_hints(hints: ExtractHints | Selectors | None) -> ExtractHints:
    """Accept the catalog's `Selectors` directly, as the spider passes them."""
    if hints is None:
        return ExtractHints()
    if isinstance(hints, Selectors):
        return ExtractHints(selectors=hints)
    return hints


def selector_problem(value: Any) -> str | None:
    """Why `value` is not a usable CSS selector, or None."""
    if not isinstance(value, str) or not value.strip():
        return f"is {value!r}; a CSS selector string is required"
    if len(value) > MAX_SELECTOR_CHARS:
        return f"has {len(value)} characters; at most {MAX_SELECTOR_CHARS} are allowed"
    try:
        compiled(value.strip())
    except (SelectorError, etree.XPathSyntaxError) as err:
        return f"is {value!r}, not a CSS selector cssselect can read ({err})"
    return None


@lru_cache(maxsize=256)
def compiled(css: str) -> etree.XPath:
    """`css` as a compiled XPath (cached per process: a worker compiles each outlet's selectors once)."""
    return etree.XPath(GenericTranslator().css_to_xpath(css))
