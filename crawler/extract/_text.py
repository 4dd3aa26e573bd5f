"""Small string helpers shared by the extractor modules."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
# Han, kana and Thai are written without spaces between words (Hangul has spaces and is left out). A
# Chinese word has 1.5 to 2 characters on average; 2 keeps the count low rather than high.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")

# Curly quotes and dashes folded for comparisons only (never in output).
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ",
})


def clean(value: str | None) -> str:
    """Collapse whitespace, undo a leftover HTML escape (``&amp;#039;`` in meta tags), NFC."""
    if not value:
        return ""
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    return unicodedata.normalize("NFC", _SPACES.sub(" ", value).strip())


@lru_cache(maxsize=4096)
def fold(value: str) -> str:
    """A comparison key: case-folded, accents and punctuation variants flattened (cached: titles
    and site names are compared many times per page)."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_FOLD).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip(" .:;,!?\"'")


@lru_cache(maxsize=4096)
def alnum(value: str) -> str:
    """Only the letters and digits of `fold(value)`: 'El-Watan.com' -> 'elwatancom'."""
    return "".join(c for c in fold(value) if c.isalnum())


def word_count(text: str) -> int:
    """Words separated by spaces; in scripts written without spaces (Chinese, Japanese kana, Thai) every
    CJK_CHARS_PER_WORD characters count as a word, so that a Chinese article is not 'too short'."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // CJK_CHARS_PER_WORD


def arabic_share(text: str) -> float:
    """Share of Arabic-script characters among the letters of `text`."""
    letters = sum(1 for c in text if c.isalpha())
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0
