"""``README.md``: the corpus's datasheet, written for the researchers who use and cite it.

Sections: what it holds (outlets with country and language, date range, counts), how the articles were
found, deduplicated and versioned, how dates are given (the record's rule, and the columns that follow it), known gaps (paywalled teasers, damaged files skipped, outlets failing,
blocked or silent according to the run reports, stretches without articles), the files and their format,
how to cite it, and how to go from a row to the archived page (``khabar replay``, or the WARC bytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crawler import __version__
from crawler.corpus.facts import CorpusFacts
from crawler.corpus.gaps import Gap, RunTrouble
from crawler.corpus.parts import Part
from crawler.corpus.sources import Sources
from crawler.records.schema import SCHEMA_VERSION


@dataclass(frozen=True)
class DatasheetInput:
    store: str
    created: datetime
    fmt: str
    options: dict[str, Any]
    facts: CorpusFacts
    sources: Sources
    parts: Sequence[Part]
    troubles: Sequence[RunTrouble]
    gaps: Sequence[Gap]


def corpus_digest(parts: Sequence[Part]) -> str:
    """A short id of the data: SHA-256 over the parts' SHA-256s, in order (the same data gives the same id)."""
    return hashlib.sha256("".join(p.sha256 for p in parts).encode()).hexdigest()[:16]


def datasheet(sheet: DatasheetInput) -> str:
    return "\n".join([*_head(sheet), *_outlets(sheet), *_method(sheet), *_dates(sheet), *_gaps(sheet), *_files(sheet),
                      *_cite(sheet), *_replay(sheet)]) + "\n"


def _head(sheet: DatasheetInput) -> list[str]:
    facts, filters = sheet.facts, sheet.options.get("filters", {})
    used = ", ".join(f"{k} {v if not isinstance(v, list) else ' '.join(v)}" for k, v in filters.items() if v
                     and k != "by") or "none"
    return [f"# Khabar corpus {corpus_digest(sheet.parts)}", "",
            f"{facts.articles} articles ({facts.records} records) from {len(facts.outlets)} outlet(s) of the French- and "
            f"Arabic-language press of the Maghreb and the Sahel, published from {facts.first_day or '?'} to "
            f"{facts.last_day or '?'}, exported on {sheet.created:%Y-%m-%d %H:%M} UTC from the Khabar archive "
            f"`{sheet.store}`.", "",
            f"- filters: {used} (days are {filters.get('by', 'published')} days)",
            f"- versions: {'every version of each article' if sheet.options.get('all_versions') else 'the newest version of each article'}; "
            f"{'later copies of a story kept' if sheet.options.get('keep_duplicates') else 'later copies of a story left out'}",
            f"- languages: {_counts(facts.counts.get('language', {}))}",
            f"- countries: {_counts(facts.counts.get('country', {}))}",
            f"- made with Khabar {__version__}, article record schema version {SCHEMA_VERSION}", ""]


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k or 'unknown'} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])) or "none"


def _outlets(sheet: DatasheetInput) -> list[str]:
    lines = ["## Outlets", "", "| outlet | name | country | languages | articles | first day | last day | paywalled |",
             "|---|---|---|---|---|---|---|---|"]
    for o in sheet.facts.outlets:
        lines.append(f"| `{o.outlet}` | {o.name} | {o.country} | {', '.join(o.languages)} | {o.articles} | "
                     f"{o.first_day} | {o.last_day} | {o.paywalled} |")
    return [*lines, ""]


def _method(sheet: DatasheetInput) -> list[str]:
    found = [f"- `{o.outlet}`: {o.discovery}" for o in sheet.facts.outlets if o.discovery]
    return ["## How the articles were collected", "",
            "Khabar crawls each outlet politely (robots.txt obeyed, per-host delays) and finds articles through, "
            "cheapest first: the outlet's sitemaps (including Google News sitemaps), its RSS/Atom feeds, the WordPress "
            "REST API where the site has one, and its listing pages as the fallback. Later runs are incremental: only "
            "new URLs and those announced as modified are fetched again.", *([""] + found if found else []), "",
            "Every response is archived byte for byte in WARC files; each record of this corpus is extracted from one "
            "archived response (title, text, authors, dates, language…) and names it (`warc`).", "",
            "**Versions.** An article's `id` is a digest of its normalised canonical URL. When a later capture gives a "
            "different text, a new record is written with `version` + 1 and `previous_text_digest`; a re-extraction of "
            "the same capture keeps the version and has a later `extraction.extracted_at`. The newest version is the "
            "highest `version`, then the latest extraction.", "",
            "**Duplicates.** When the same story appears under another URL (same canonical URL once tracking "
            "parameters are dropped, the same title on the same day, or a near-identical text by MinHash), the later "
            "record gets `duplicate_of` = the id of the first one.", ""]


_FORMS = {"offset": "with an offset (an instant)", "local": "a local time without offset",
          "day": "a day without time", "none": "no date", "unreadable": "not an ISO 8601 date"}


def _dates(sheet: DatasheetInput) -> list[str]:
    forms = sheet.facts.counts.get("published_as", {})
    given = ", ".join(f"{forms[k]} {text}" for k, text in _FORMS.items() if forms.get(k)) or "none"
    lines = ["## Dates", "",
             "`date_published` and `date_modified` are written as the page gave them (ISO 8601): with the page's "
             "offset when it gave one (`2026-10-12T09:22:00+01:00`), `+00:00` when its time is UTC by definition (a "
             "trailing `Z`, UTC/GMT, a Unix timestamp), **without offset when the page gave none: the outlet's local "
             "time as printed, its offset unknown and never guessed**, and a day alone when the page gave no time. "
             "`date_published_raw` and `date_modified_raw` keep the string each date was read from; `fetched_at` is "
             "UTC.", "", f"Publication dates in this corpus: {given}.", "",
             "`--since`/`--until`, the counts by day and month and the date range above go by the day as printed "
             "(an article printed at 00:30 local time on 1 December is a 1 December article, whatever its offset); "
             "an article without a publication date counts on its capture day (UTC)."]
    if sheet.fmt == "parquet":
        lines += ["", "| column | type | what |", "|---|---|---|",
                  "| `<field>` | TIMESTAMP WITH TIME ZONE | the instant, only when the string has an offset; NULL for "
                  "a local time without offset or a day alone |",
                  "| `<field>_iso` | VARCHAR | the string as the record holds it |",
                  "| `<field>_day` | DATE | the day as printed; filled whenever the record has the date |", "",
                  "for `<field>` = `date_published`, `date_modified` and `fetched_at`. An analysis by instant drops "
                  "(or must place by hand) the rows whose `<field>` is NULL; one by day can use `<field>_day` for all."]
    return [*lines, ""]


def _gaps(sheet: DatasheetInput) -> list[str]:
    facts, sources = sheet.facts, sheet.sources
    lines = ["## Known gaps", "",
             f"- **Paywalled articles**: {facts.paywalled} record(s) hold only the teaser an outlet shows to "
             "non-subscribers (`paywalled` is true).",
             f"- **Damaged record files**: {sources.lines_skipped} line(s) in {sources.files_damaged} file(s) could not "
             "be read and are not in the corpus (`manifest.json`, `skipped`, names them)."]
    lines += [f"- **{t.outlet}** {t.what}: {t.detail}" for t in sheet.troubles]
    lines += [f"- **{g.outlet}**: no article for {g.days} days between {g.after} and {g.before}" for g in sheet.gaps]
    if not sheet.troubles and not sheet.gaps:
        lines.append("- The run reports show no failing, blocked, interrupted or silent outlet, and no outlet went "
                     "longer than usual without an article.")
    return [*lines, "- Articles an outlet removed before a crawl reached them, and pages built by JavaScript when no "
                    "browser was available, are not in the archive.", ""]


def _files(sheet: DatasheetInput) -> list[str]:
    kinds = {"parquet": "Parquet (`date_published`, `date_modified` and `fetched_at` each as three columns, see "
                        "Dates; lists as lists; `warc` and `extraction` as structs)",
             "jsonl": "gzip JSON Lines, one article record per line (the record schema: `khabar schema`)",
             "csv": "CSV, UTF-8, RFC 4180 quoting; `warc.*` and `extraction.*` one column per field; lists and maps "
                    "as JSON text; an empty field is a null"}
    lines = ["## Files", "", f"Format: {kinds[sheet.fmt]}.", "", "| file | rows | bytes | SHA-256 |", "|---|---|---|---|"]
    lines += [f"| `{p.path.name}` | {p.rows} | {p.bytes} | `{p.sha256}` |" for p in sheet.parts]
    return [*lines, "", "`manifest.json` lists every file with its SHA-256, the counts per outlet, language and "
                        "month, and the options of the export.", ""]


def _cite(sheet: DatasheetInput) -> list[str]:
    digest = corpus_digest(sheet.parts)
    return ["## How to cite", "",
            f"> Khabar corpus {digest}: {sheet.facts.articles} articles from {len(sheet.facts.outlets)} outlet(s), "
            f"{sheet.facts.first_day} to {sheet.facts.last_day}. Built with Khabar {__version__} on "
            f"{sheet.created:%Y-%m-%d}; data SHA-256 listed in its manifest.json.", "",
            "Name the outlets you quote; the texts remain the work of their authors and outlets.", ""]


def _replay(sheet: DatasheetInput) -> list[str]:
    return ["## From a row to the archived page", "",
            "Each row keeps its WARC pointer: `warc.path` (the WARC file in the archive), `warc.offset` and "
            "`warc.length` (the gzip member of the response), `warc.record_id`, and `url` with `fetched_at`.", "",
            "In a browser, as the outlet served it:", "", "```sh",
            f"khabar replay {sheet.store}        # prints http://127.0.0.1:PORT/khabar/", "```", "",
            "then open `http://127.0.0.1:PORT/khabar/<fetched_at as YYYYMMDDhhmmss>/<url>` (for example "
            "`fetched_at` 2026-11-24T08:05:00Z → `20261124080500`), or `…/khabar/*/<url>` for every capture.", "",
            "The bytes of the response alone, from the archive folder:", "", "```python",
            "import io, warcio.archiveiterator as a",
            "with open(ARCHIVE + '/' + row['warc']['path'], 'rb') as f:",
            "    f.seek(row['warc']['offset']); member = f.read(row['warc']['length'])",
            "record = next(a.ArchiveIterator(io.BytesIO(member)))   # the WARC response record",
            "```", ""]
