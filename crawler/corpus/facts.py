"""The numbers a corpus is described by, read from the query's ``chosen`` table (never from the texts).

One :class:`CorpusFacts` feeds the manifest, the datasheet, ``khabar corpus stats`` and its page.
Outlet names, countries and languages come from the catalog when it knows the outlet, else from the records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from crawler.catalog import Catalog, OutletSpec
from crawler.corpus.query import CorpusQuery

TALLIED = ("outlet", "country", "language", "month", "published_as")
"""``published_as``: how date_published is given (``crawler.corpus.columns.date_form``)."""


@dataclass(frozen=True)
class OutletFacts:
    outlet: str
    name: str
    country: str
    languages: tuple[str, ...]
    records: int
    articles: int
    first_day: str
    last_day: str
    paywalled: int
    duplicates: int
    discovery: str = ""


@dataclass
class CorpusFacts:
    records: int = 0
    articles: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    outlets: list[OutletFacts] = field(default_factory=list)
    per_day: dict[str, dict[str, int]] = field(default_factory=dict)  # outlet → publication day → articles
    first_day: str = ""
    last_day: str = ""

    @property
    def paywalled(self) -> int:
        return sum(o.paywalled for o in self.outlets)

    @property
    def duplicates(self) -> int:
        return sum(o.duplicates for o in self.outlets)

    def publication_days(self) -> dict[str, set[date]]:
        found: dict[str, set[date]] = {}
        for outlet, days in self.per_day.items():
            found[outlet] = {d for d in (_day(text) for text in days) if d is not None}
        return found


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def corpus_facts(query: CorpusQuery, catalog: Catalog | None = None) -> CorpusFacts:
    facts = CorpusFacts(records=query.chosen_count())
    row = query.chosen_rows("SELECT count(DISTINCT id), coalesce(min(day), ''), coalesce(max(day), '') FROM chosen")[0]
    facts.articles, facts.first_day, facts.last_day = int(row[0]), str(row[1]), str(row[2])
    facts.counts = {column: query.tally(column) for column in TALLIED}
    facts.outlets = [_outlet(r, catalog) for r in query.chosen_rows(
        "SELECT outlet, coalesce(any_value(country), ''), list(DISTINCT language ORDER BY language) "
        "FILTER (WHERE language IS NOT NULL), count(*), count(DISTINCT id), min(day), max(day), "
        "count(*) FILTER (WHERE paywalled), count(*) FILTER (WHERE duplicate_of IS NOT NULL) "
        "FROM chosen GROUP BY outlet ORDER BY outlet")]
    per_day: dict[str, dict[str, int]] = defaultdict(dict)
    for outlet, day, count in query.chosen_rows(
            "SELECT outlet, day, count(DISTINCT id) FROM chosen WHERE day IS NOT NULL GROUP BY ALL ORDER BY ALL"):
        per_day[str(outlet)][str(day)] = int(count)
    facts.per_day = dict(per_day)
    return facts


def _outlet(row: tuple[object, ...], catalog: Catalog | None) -> OutletFacts:
    outlet, country, languages, records, articles, first, last, paywalled, duplicates = row
    spec = catalog.get(str(outlet)) if catalog is not None and outlet in catalog else None
    found = tuple(str(x) for x in languages or []) if isinstance(languages, list) else ()
    return OutletFacts(
        outlet=str(outlet), name=spec.name if spec else str(outlet), country=spec.country if spec else str(country),
        languages=tuple(spec.languages) if spec else found, records=int(str(records)), articles=int(str(articles)),
        first_day=str(first or ""), last_day=str(last or ""), paywalled=int(str(paywalled)),
        duplicates=int(str(duplicates)), discovery=_discovery(spec) if spec else "")


def _discovery(spec: OutletSpec) -> str:
    """How the catalog tells Khabar to find the outlet's articles (sitemaps, feeds, WordPress REST, listings)."""
    sources = []
    if spec.sitemaps:
        sources.append(f"{len(spec.sitemaps)} sitemap(s)")
    if spec.feeds:
        sources.append(f"{len(spec.feeds)} feed(s)")
    if spec.wp_json:
        sources.append("WordPress REST API")
    return ", ".join(sources) + (", " if sources else "") + "listing pages as the fallback"
