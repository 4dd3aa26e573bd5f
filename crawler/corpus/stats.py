"""``khabar corpus stats STORE``: what the archive holds, by outlet, country, language and month.

Counted on articles: the newest version of each, later copies of a story included (and counted as
duplicates), through the same query as the export (``crawler.corpus.query``). Also the gaps
(``crawler.corpus.gaps``): run reports that went wrong, outlets that need a person, stretches without articles.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from crawler.catalog import Catalog
from crawler.corpus.facts import CorpusFacts, corpus_facts
from crawler.corpus.gaps import Gap, RunTrouble, publication_gaps, run_troubles
from crawler.corpus.query import CorpusFilter, CorpusQuery, Selection
from crawler.corpus.sources import Sources, prepare, record_files
from crawler.storage import Store


@dataclass
class CorpusStats:
    store: str
    created: datetime
    facts: CorpusFacts
    sources: Sources
    troubles: list[RunTrouble] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)


def collect_stats(store: Store, catalog: Catalog | None = None, memory_limit: str = "256MB") -> CorpusStats:
    work = Path(tempfile.mkdtemp(prefix="khabar-stats-"))
    try:
        sources = prepare(store, record_files(store), work / "read")
        query = CorpusQuery(sources.paths, work, memory_limit)
        try:
            query.choose(CorpusFilter(), Selection(keep_duplicates=True))
            facts = corpus_facts(query, catalog)
        finally:
            query.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    troubles, _ = run_troubles(store, None)
    return CorpusStats(store.uri, datetime.now(UTC), facts, sources, troubles,
                       publication_gaps(facts.publication_days()))


def _table(title: str, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    cells = [tuple(str(c) for c in header), *[tuple(str(c) for c in r) for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [title]
    for i, row in enumerate(cells):
        lines.append("  " + "  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(row, widths, strict=True))))
        if i == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    return [*lines, ""]


def stats_text(stats: CorpusStats) -> str:
    facts = stats.facts
    lines = [f"{stats.store}: {facts.articles} articles ({facts.duplicates} later copies of a story, "
             f"{facts.paywalled} paywalled teasers), published {facts.first_day or '?'} to {facts.last_day or '?'}", ""]
    lines += _table("By outlet", ("outlet", "country", "languages", "articles", "paywalled", "duplicates", "first", "last"),
                    [(o.outlet, o.country, ",".join(o.languages), o.articles, o.paywalled, o.duplicates, o.first_day,
                      o.last_day) for o in facts.outlets])
    for column, title in (("country", "By country"), ("language", "By language"), ("month", "By month")):
        lines += _table(title, (column, "articles"), [(k or "unknown", v) for k, v in facts.counts.get(column, {}).items()])
    lines += [f"gap: {g.outlet}: no article for {g.days} days between {g.after} and {g.before}" for g in stats.gaps]
    lines += [f"attention: {t.outlet} {t.what}: {t.detail}" for t in stats.troubles]
    return "\n".join(lines).rstrip() + "\n"
