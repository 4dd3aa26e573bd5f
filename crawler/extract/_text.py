"""Small string helpers shared by the extractor modules."""

from __future__ import annotations

import html
import re
import unicodedata

from crawler.extract._cache import remembered_if_short

_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
# a tag of the markup a CMS leaves in a summary, in lower case as CMSs write it: a title in angle brackets
# ('<The Palace: Tale of Jang Noksu>', as Korean pages quote works), 'a < b' or '<3' is none
_MARKUP = re.compile(r"</?(?:a|b|i|u|s|p|q|br|em|hr|li|ol|ul|h[1-6]|div|img|sub|sup|span|small|strong|blockquote"
                     r"|figure|figcaption|font|center|section|article|cite|code|mark|abbr|del|ins|wbr)"
                     r"""(?:\s+[a-z][a-z0-9:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*/?>""")
# Han, kana and Thai are written without spaces between words (Hangul has spaces and is left out). A
# Chinese word has 1.5 to 2 characters on average; 2 keeps the count low rather than high.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")

# Curly quotes and dashes folded for comparisons only (never in output). One str.replace per character the text
# holds: str.translate with a dict looks every character of a non-ASCII text up (50 ns a character).
_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u00ab", '"'), ("\u00bb", '"'), ("\u201c", '"'), ("\u201d", '"'),
         ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "), ("\u202f", " "))

# Characters that print nothing and carry nothing a reader of the record needs, yet split a word for search and word
# counts: the soft hyphen (where a line may break with a hyphen), the zero-width space (where it may break without
# one), the word joiner (where it may not break) and U+FEFF (a byte order mark, or the older word joiner, inside
# a text). The record's text fields hold none of them (`without_invisible`). The zero-width non-joiner and joiner
# are not among them: they shape Persian, Arabic and Indic words (Persian 'mi' + ZWNJ + 'khâham') and join emoji sequences.
INVISIBLE = ("\xad", "\u200b", "\u2060", "\ufeff")
JOINERS = ("\u200c", "\u200d")
# The elements whose text is not printed: code, style rules, a fallback for browsers without scripts, a template
UNPRINTED_TAGS = frozenset({"style", "script", "noscript", "template"})


def without_invisible(value: str) -> str:
    """`value` without the INVISIBLE characters; a line they leave with doubled or edge spaces has them collapsed,
    a line they leave empty goes. A text without any costs four `in` tests spelled out (0.15 us on a title, where a
    loop over INVISIBLE cost 0.5 and str.isprintable() 0.3); one str.replace per character the text holds."""
    if value.isascii() or not ("\xad" in value or "\u200b" in value or "\u2060" in value or "\ufeff" in value):
        return value
    marks = [mark for mark in INVISIBLE if mark in value]
    kept = []
    for line in value.split("\n"):
        if any(mark in line for mark in marks):
            for mark in marks:
                line = line.replace(mark, "")
            line = " ".join(line.split())
            if not line:
                continue
        kept.append(line)
    return "\n".join(kept)


def clean(value: str | None) -> str:
    """Collapse whitespace, undo a leftover HTML escape (``&amp;#039;`` in meta tags), drop the INVISIBLE characters
    (what is compared is what the record will hold: a heading with soft hyphens is the body's line), NFC. Whitespace
    is what str.split() splits on, as ``\\s`` is (one split and join: a third of the regular expression's time)."""
    if not value:
        return ""
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return unicodedata.normalize("NFC", value)  # nothing to collapse or drop (see below)
    return unicodedata.normalize("NFC", without_invisible(" ".join(value.split())))


# Why `clean` may pass a value over whole: every whitespace character but the space (what str.split() splits on: tabs,
# line breaks, U+00A0, U+2000-U+200A, U+3000 …) and every INVISIBLE character (format characters) is one that
# str.isprintable() refuses, so a printable value has only spaces to collapse, and none when it holds no two in a row and
# none at either end. Two in three values a page cleans are such (short class-free texts, names, headings): the C scans
# cost less than the split and join (0.44 -> 0.34-0.38 ms a page of aeb and fundus, 300 values).


def without_markup(value: str) -> str:
    """A cleaned summary field's text without the HTML its CMS left in it: tags (a description given as
    '<p><strong>…</strong> …</p>') become spaces, an entity escaped twice ('&amp;uuml;', left as '&uuml;' by
    clean()) is undone. Not for the body: an article about HTML quotes its tags there."""
    if "<" in value and ">" in value:
        value = " ".join(_MARKUP.sub(" ", value).split())
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    return value


@remembered_if_short(4096)
def fold(value: str) -> str:
    """A comparison key: case-folded, accents and punctuation variants flattened (cached: titles
    and site names are compared many times per page)."""
    for variant, plain in _FOLD:
        if variant in value:
            value = value.replace(variant, plain)
    bare = _without_marks(unicodedata.normalize("NFKD", value.casefold()))
    return " ".join(bare.split()).strip(" .:;,!?\"'")


def _without_marks(text: str) -> str:
    """`text` without its combining characters (the accents NFKD split off): each distinct one removed at once, where
    a test per character cost 50 ns a character (fold() was 0.3 ms of a heavy page, the lines of its text)."""
    if text.isascii():
        return text
    for mark in [c for c in set(text) if unicodedata.combining(c)]:
        text = text.replace(mark, "")
    return text


@remembered_if_short(4096)
def alnum(value: str) -> str:
    """Only the letters and digits of `fold(value)`: 'El-Watan.com' -> 'elwatancom'."""
    return "".join(filter(str.isalnum, fold(value)))


# Every character str.split() splits on (str.isspace()); tests/test_extract_speed_paths.py checks the list against the
# running Python's Unicode tables.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
              "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


_ASCII_WHITESPACE = tuple(space for space in WHITESPACE if space.isascii())


def visible_chars(text: str) -> int:
    """How many characters of `text` are not whitespace (``sum(map(len, text.split()))``): its length less a count
    of each whitespace character it holds, without a string per word (0.11 ms on a heavy page's 40 000 characters
    of text, where splitting took 0.28). An ASCII text (``isascii`` reads a flag of the string) is searched for the
    ASCII whitespace alone: a page's scripts, 0.67 -> 0.4 ms a page of aeb and fundus."""
    spaces = _ASCII_WHITESPACE if text.isascii() else WHITESPACE
    return len(text) - sum([text.count(space) for space in spaces if space in text])


def _utf8_spaces() -> tuple[tuple[bytes, re.Pattern[bytes]], ...]:
    """The UTF-8 forms of the non-ASCII WHITESPACE, one search per lead byte (b'\\xc2': U+0085, U+00A0; b'\\xe2':
    U+2000-U+200A, U+2028, U+2029, U+202F, U+205F; …), each with that byte as a literal prefix, which re finds fast."""
    by_lead: dict[bytes, list[bytes]] = {}
    for space in WHITESPACE:
        if not space.isascii():
            code = space.encode()
            by_lead.setdefault(code[:1], []).append(code)
    return tuple((lead, re.compile(b"|".join(map(re.escape, codes)))) for lead, codes in by_lead.items())


_UTF8_SPACES = _utf8_spaces()
# What a UTF-8 text loses to count its visible characters at once: its continuation bytes (10xxxxxx; each character
# keeps one byte) and its ASCII whitespace
_CONTINUATION_AND_ASCII_SPACES = bytes(range(0x80, 0xC0)) + "".join(_ASCII_WHITESPACE).encode()


def visible_utf8_chars(data: bytes) -> int:
    """``visible_chars(data.decode())`` for the UTF-8 text `data`, counted without decoding it: one C pass deletes
    the continuation bytes and the ASCII whitespace (what is left is a byte per character that is not such a space),
    then the UTF-8 forms of the non-ASCII whitespace are counted, each group only where its lead byte occurs (UTF-8
    holds no character's bytes within another's). A real page's body text, 107 000 characters (aeb, fundus, wcxb):
    0.15 ms, where decoding it and `visible_chars` took 0.38 (a string of accented or Arabic text is searched 25 times)."""
    count = len(data.translate(None, _CONTINUATION_AND_ASCII_SPACES))
    if data.isascii():
        return count
    for lead, spaces in _UTF8_SPACES:
        if lead in data:
            count -= len(spaces.findall(data))
    return count


def word_count(text: str) -> int:
    """Words separated by spaces; in scripts written without spaces (Chinese, Japanese kana, Thai) every
    CJK_CHARS_PER_WORD characters count as a word, so that a Chinese article is not 'too short'."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // CJK_CHARS_PER_WORD


def arabic_share(text: str) -> float:
    """Share of Arabic-script characters among the letters of `text` (counted by ``map``, without a generator:
    a third of the language check's time on a real page)."""
    letters = sum(map(str.isalpha, text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0
