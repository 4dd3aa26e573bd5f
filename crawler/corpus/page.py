"""The page of ``khabar corpus stats --html``: one self-contained HTML file (inline CSS and SVG, no script,
nothing fetched), with articles per day per outlet, languages, paywalled and duplicate shares, and coverage gaps.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from crawler.corpus.charts import PALETTE, Share, coverage_strips, daily_bars, day_range, horizontal_bars, share_bars
from crawler.corpus.stats import CorpusStats
from crawler.storage.atomic import write_atomically

STYLE = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:780px;color:#1a202c}"
         "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}svg{display:block;margin:.5em 0}"
         "table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #e2e8f0;text-align:right}"
         "td:first-child,th:first-child{text-align:left}.note{color:#4a5568;font-size:.9em}")


def _days(stats: CorpusStats) -> list[date]:
    found = [d for days in stats.facts.publication_days().values() for d in days]
    return day_range(min(found), max(found)) if found else []


def _daily(stats: CorpusStats, days: list[date]) -> list[str]:
    published = stats.facts.publication_days()
    charts = []
    for i, outlet in enumerate(o.outlet for o in stats.facts.outlets):
        counts = {date.fromisoformat(d[:10]): n for d, n in stats.facts.per_day.get(outlet, {}).items()
                  if date.fromisoformat(d[:10]) in published.get(outlet, set())}
        charts.append(daily_bars(outlet, counts, days, PALETTE[i % len(PALETTE)]))
    return charts


def _shares(stats: CorpusStats) -> str:
    rows = [(o.outlet, [Share("paywalled", o.paywalled, o.articles), Share("duplicate", o.duplicates, o.articles)])
            for o in stats.facts.outlets]
    return share_bars("shares", rows)


def _coverage(stats: CorpusStats, days: list[date]) -> str:
    published = stats.facts.publication_days()
    strips = []
    for o in stats.facts.outlets:
        gap_days = {d for g in stats.gaps if g.outlet == o.outlet for d in day_range(g.after, g.before)[1:-1]}
        strips.append((o.outlet, published.get(o.outlet, set()), gap_days))
    return coverage_strips(strips, days)


def _outlet_table(stats: CorpusStats) -> str:
    rows = "".join(f"<tr><td>{escape(o.outlet)}</td><td>{escape(o.name)}</td><td>{escape(o.country)}</td>"
                   f"<td>{escape(', '.join(o.languages))}</td><td>{o.articles}</td><td>{o.first_day}</td>"
                   f"<td>{o.last_day}</td></tr>" for o in stats.facts.outlets)
    return ("<table><tr><th>outlet</th><th>name</th><th>country</th><th>languages</th><th>articles</th>"
            f"<th>first</th><th>last</th></tr>{rows}</table>")


def _attention(stats: CorpusStats) -> str:
    items = [f"<li>{escape(g.outlet)}: no article for {g.days} days between {g.after} and {g.before}</li>"
             for g in stats.gaps]
    items += [f"<li>{escape(t.outlet)} <b>{escape(t.what)}</b>: {escape(t.detail)}</li>" for t in stats.troubles]
    return f'<ul class="attention">{"".join(items)}</ul>' if items else "<p>No gap and no outlet in trouble.</p>"


def page(stats: CorpusStats) -> str:
    facts, days = stats.facts, _days(stats)
    languages = sorted(facts.counts.get("language", {}).items(), key=lambda kv: -kv[1])
    sections = [
        f"<h1>Khabar archive {escape(stats.store)}</h1>",
        f'<p class="note">{facts.articles} articles from {len(facts.outlets)} outlets, published {facts.first_day} to '
        f"{facts.last_day}; counted {stats.created:%Y-%m-%d %H:%M} UTC (newest version of each article; later copies "
        "of a story included and shown as duplicates).</p>", _outlet_table(stats),
        '<h2 id="per-day">Articles per day, per outlet</h2>', *_daily(stats, days),
        '<h2 id="languages">Languages</h2>', horizontal_bars("languages", languages),
        '<h2 id="shares">Paywalled and duplicate articles</h2>', _shares(stats),
        '<h2 id="coverage">Coverage and gaps</h2>',
        '<p class="note">One cell per day: an article published (colour), a day in a gap longer than the outlet '
        "usually goes without publishing (red), no article (grey).</p>", _coverage(stats, days), _attention(stats)]
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Khabar corpus stats</title>'
            f"<style>{STYLE}</style></head><body>{''.join(sections)}</body></html>\n")


def write_page(stats: CorpusStats, out: Path) -> Path:
    return write_atomically(out, page(stats))
