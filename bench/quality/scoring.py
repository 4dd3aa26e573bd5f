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
kept) is somewhere in the page's source, tags and entities undone (a <title>, a <meta> tag's content, a heading,
a script); authors score the F1 of the labelled names found there (folded as above) against all of them. A
label in CSS capitals, a name the page never prints or a title rewritten after the capture lowers the ceiling:
no extractor that reads the page can reach it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from bench.quality.corpora import Labels

FIELDS = ("title", "authors", "date", "body", "language")
SHINGLE = 4
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_FOLD: dict[int, str] = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
                       "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
                       "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
                       "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u00ad": "",
                       "\u2060": "", "\ufeff": ""})
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bet\b|\bund\b|\by\b|\bو\b)\s*", re.IGNORECASE)
# what _FOLD maps, found by a regex: str.translate looks every character up, 10 times slower on whole pages
# (642 readability, fundus and wcxb tune pages: 8.7 s instead of 0.85), the same string
_FOLDED = re.compile("[" + "".join(re.escape(chr(code)) for code in _FOLD) + "]")
_TAG = re.compile(r"<[^>]*>")
_META_CONTENT = re.compile(r"""<meta\b[^>]*?\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
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
    text = unicodedata.normalize("NFC", _FOLDED.sub(_folded, value or ""))
    return _SPACES.sub(" ", text).strip()


def _folded(char: re.Match[str]) -> str:
    return _FOLD[ord(char.group())] or ""


def norm_name(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    # marks only in the non-ASCII runs: the same string, 4.7 times faster on whole pages (529 wcxb, fundus and
    # readability tune pages: 1.5 s instead of 6.8), which in_page and the label conventions fold
    bare = _NON_ASCII.sub(_without_marks, decomposed)
    return " ".join(_WORD.findall(bare.replace("_", " ")))


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


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


class SourceText:
    """The page's source as `in_page` searches it: tags dropped (glued, or each a space), entities undone; each
    form made once, when first asked for."""

    def __init__(self, source: str) -> None:
        self.source = source

    @cached_property
    def _meta(self) -> str:
        """The contents of the <meta> tags, which dropping the tags drops (og:title, author …)."""
        return "".join("\n" + html.unescape("".join(m.groups(""))) for m in _META_CONTENT.finditer(self.source))

    @cached_property
    def _spaced(self) -> str:
        return html.unescape(_TAG.sub(" ", self.source)) + self._meta

    @cached_property
    def _glued_title(self) -> str:
        return norm_title(html.unescape(_TAG.sub("", self.source)) + self._meta)

    @cached_property
    def _spaced_title(self) -> str:
        return norm_title(self._spaced)

    @cached_property
    def _names(self) -> str:
        return f" {norm_name(self._spaced)} "

    def holds_title(self, title: str) -> bool:
        """The title (normalised, case kept) is somewhere in the source (tags glued, else each a space)."""
        want = norm_title(title)
        return want in self._glued_title or want in self._spaced_title

    def holds_name(self, name: str) -> bool:
        """The name (a key of `name_set`) is somewhere in the source, as whole words."""
        return f" {name} " in self._names


def in_page(source: str | SourceText, labels: Labels) -> dict[str, float | None]:
    """The ceiling on title and authors that the page's own text sets (see the module's docs)."""
    text = source if isinstance(source, SourceText) else SourceText(source)
    title = None if labels.title is None else float(text.holds_title(labels.title))
    authors: float | None = None
    if labels.authors is not None:
        gold = name_set(labels.authors)
        authors = f1({name for name in gold if text.holds_name(name)}, gold) if gold else 1.0
    return {"title": title, "authors": authors}
