"""Per-field scores of one prediction against one page's labels; None where the page has no label.

    title     1 when equal after normalising quotes, dashes, whitespace, invisible characters (soft hyphen,
              zero-width space, word joiner, BOM), NFC; case kept
    authors   F1 over normalised name sets (case, accents, punctuation folded; "By"/"Par" dropped; a label
              or an answer is split into names at ';', ',', ' and ', ' et ', '&'); both empty = 1
    date      1 when the publication day printed is the labelled one (or one of `other_days`, where a corpus
              labels a UTC instant: see its reader)
    body      F1 over 4-word shingles of the text (the article-extraction-benchmark metric), or, where the
              corpus only has snippets, F1 of the snippet hits (a 'with' snippet found is a true positive,
              a 'without' snippet found a false positive, a 'with' snippet missing a false negative)
    language  1 when the ISO 639-1 code is the labelled one

`in_page` is the ceiling the page itself sets on title and authors: what an extractor would score if it gave
exactly what the page holds of the label. A title scores 1 when the label's text (normalised as above, case
kept) is somewhere in the page's source, tags and entities undone (a <title>, a meta tag, a heading, a script);
authors score the F1 of the labelled names found there (folded as above) against all of them. A label in CSS
capitals, a name the page never prints or a title rewritten after the capture lowers the ceiling: no extractor
that reads the page can reach it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bench.quality.corpora import Labels

FIELDS = ("title", "authors", "date", "body", "language")
SHINGLE = 4
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
                       "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
                       "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
                       "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u00ad": "",
                       "\u2060": "", "\ufeff": ""})
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bet\b|\bund\b|\by\b|\bو\b)\s*", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_NAME_PREFIX = re.compile(r"^(?:by|par|von|de|por|written by|bylined? by|بقلم)\s*:?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Prediction:
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    text: str = ""
    language: str | None = None
    unrecorded: str | None = None  # Khabar only: why the crawl would write no record of the page (not scored)


def norm_title(value: str | None) -> str:
    text = unicodedata.normalize("NFC", (value or "").translate(_FOLD))
    return _SPACES.sub(" ", text).strip()


def norm_name(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(bare.replace("_", " ")))


def name_set(names: Iterable[str]) -> set[str]:
    found = set()
    for name in names:
        for part in _NAME_SPLIT.split(_NAME_PREFIX.sub("", name.strip())):
            key = norm_name(_NAME_PREFIX.sub("", part.strip()))
            if key:
                found.add(key)
    return found


def shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def f1(predicted: set[object], gold: set[object]) -> float:
    if not predicted and not gold:
        return 1.0
    common = len(predicted & gold)
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def snippet_f1(text: str, withs: Iterable[str], withouts: Iterable[str]) -> float:
    flat = _SPACES.sub(" ", text)
    found = [_SPACES.sub(" ", s).strip() in flat for s in withs]
    tp, fn = sum(found), len(found) - sum(found)
    fp = sum(_SPACES.sub(" ", s).strip() in flat for s in withouts)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(prediction: Prediction, labels: Labels) -> dict[str, float | None]:
    body: float | None = None
    if labels.text is not None:
        body = f1(set(shingles(prediction.text)), set(shingles(labels.text)))
    elif labels.with_snippets:
        body = snippet_f1(prediction.text, labels.with_snippets, labels.without_snippets)
    return {
        "title": None if labels.title is None else float(norm_title(prediction.title) == norm_title(labels.title)),
        "authors": None if labels.authors is None else f1(set(name_set(prediction.authors)), set(name_set(labels.authors))),
        "date": None if labels.date is None else float((prediction.date or "")[:10] in (labels.date, *labels.other_days)),
        "body": body,
        "language": None if labels.language is None else float((prediction.language or "").lower() == labels.language),
    }


def in_page(source: str, labels: Labels) -> dict[str, float | None]:
    """The ceiling on title and authors that the page's own text sets (see the module's docs)."""
    title: float | None = None
    if labels.title is not None:
        want = norm_title(labels.title)
        title = float(any(want in norm_title(html.unescape(_TAG.sub(glue, source))) for glue in ("", " ")))
    authors: float | None = None
    if labels.authors is not None:
        gold = name_set(labels.authors)
        text = f" {norm_name(html.unescape(_TAG.sub(' ', source)))} "
        authors = f1({name for name in gold if f" {name} " in text}, gold) if gold else 1.0
    return {"title": title, "authors": authors}
