"""The record's text fields hold text only, through extract_article (the function the crawl calls), on snippets
written for these tests.

- No invisible formatting characters (crawler/extract/_text.py INVISIBLE): soft hyphens, zero-width spaces, word
  joiners and BOMs inside a title, a name or the text split words for search and word counts. The zero-width
  non-joiner and joiner shape Persian and Indic words and stay in the fields Khabar reads (trafilatura drops every
  unprintable character from the body text, these two with them).
- No markup in the description: the tags and the second escape a CMS leaves in a summary."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from crawler.extract import Extracted, extract_article
from crawler.extract.outcome import TEXT_FIELDS
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, page

URL = "https://www.exemple-dz.com/politique/recours-constitutionnel"
SHY, ZWSP, WJ, BOM, ZWNJ, ZWJ = "\xad", "\u200b", "\u2060", "\ufeff", "\u200c", "\u200d"
GERMAN_LIKE = (
    "Der Palästinenser reichte am Dienstag beim Verfassungsgericht eine Beschwerde gegen das neue Gesetz ein, "
    "das nach Ansicht seiner Anwälte die Versammlungsfreiheit unverhältnismäßig einschränkt.",
    "Das Gericht will bis zum Sommer entscheiden, ob die Beschwerde zur Verhandlung angenommen wird.",
    "Die Regierung verteidigte das Gesetz als notwendig für die öffentliche Sicherheit im Land.",
)


def extract(head: str = "", article: str = "", *, lang: str = "fr",
            paragraphs: tuple[str, ...] = FR_PARAGRAPHS) -> Extracted:
    outcome = extract_article(page(head, article, lang=lang, paragraphs=paragraphs).encode("utf-8"), URL)
    assert isinstance(outcome, Extracted), outcome
    return outcome


def with_marks(paragraphs: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return (paragraphs[0].replace(old, new), *paragraphs[1:])


@pytest.mark.parametrize(("head", "article", "lang", "paragraphs", "field", "expected"), [
    # soft hyphens, as an entity or as the character, leave the word whole
    ("", "<h1>Paläs&shy;ti&shy;nenser legt Ver\xadfas\xadsungs\xadbe\xadschwerde ein</h1>", "de", GERMAN_LIKE,
     "title", "Palästinenser legt Verfassungsbeschwerde ein"),
    ("", "<h1>Le recours consti\xadtu\xadtion\xadnel est déposé</h1>", "fr", FR_PARAGRAPHS,
     "title", "Le recours constitutionnel est déposé"),
    # a word joiner or a zero-width space inside the headline; one between two spaces leaves one space
    ("", f"<h1>Le Conseil{WJ} constitutionnel saisi par l{WJ}’opposition</h1>", "fr", FR_PARAGRAPHS,
     "title", "Le Conseil constitutionnel saisi par l’opposition"),
    ("", f"<h1>Le budget 2025 {ZWSP} adopté en première lecture</h1>", "fr", FR_PARAGRAPHS,
     "title", "Le budget 2025 adopté en première lecture"),
    ("", f"<h1>{BOM}إصلاح جبائي أمام{ZWSP} البرلمان</h1>", "ar", AR_PARAGRAPHS,
     "title", "إصلاح جبائي أمام البرلمان"),
    # the non-joiner and the joiner shape words: kept
    ("", f"<h1>می{ZWNJ}خواهم: إصلاح جبائي أمام البرلمان</h1>", "ar", AR_PARAGRAPHS,
     "title", f"می{ZWNJ}خواهم: إصلاح جبائي أمام البرلمان"),
    (f'<meta name="description" content="Le budget adopté 👩{ZWJ}💻">', "", "fr", FR_PARAGRAPHS,
     "description", f"Le budget adopté 👩{ZWJ}💻"),
    # names, the standfirst, tags
    (f'<meta name="author" content="{BOM}Amina Sa{SHY}ïdi">', "", "fr", FR_PARAGRAPHS, "authors", ("Amina Saïdi",)),
    (f'<meta name="description" content="Le recours{ZWSP} vise la loi de fi{SHY}nances.">', "", "fr", FR_PARAGRAPHS,
     "description", "Le recours vise la loi de finances."),
    (f'<meta property="article:tag" content="Fis{SHY}calité"><meta property="article:tag" content="{ZWSP}">', "",
     "fr", FR_PARAGRAPHS, "tags", ("Fiscalité",)),
])
def test_text_fields_hold_no_invisible_characters(head: str, article: str, lang: str, paragraphs: tuple[str, ...],
                                                  field: str, expected: object) -> None:
    assert getattr(extract(head, article, lang=lang, paragraphs=paragraphs), field) == expected


@pytest.mark.parametrize(("lang", "paragraphs", "marked", "expected_line"), [
    ("de", GERMAN_LIKE, with_marks(GERMAN_LIKE, "Verfassungsgericht", f"Ver{SHY}fas{SHY}sungs{SHY}ge{SHY}richt"),
     GERMAN_LIKE[0]),
    ("fr", FR_PARAGRAPHS, with_marks(FR_PARAGRAPHS, "Assemblée populaire", f"Assemblée{ZWSP} {WJ}populaire"),
     FR_PARAGRAPHS[0]),
    ("ar", AR_PARAGRAPHS, with_marks(AR_PARAGRAPHS, "مشروع إصلاح", f"مشروع{ZWSP} إصلاح{BOM}"), AR_PARAGRAPHS[0]),
])
def test_body_text_and_word_count_read_the_visible_words(lang: str, paragraphs: tuple[str, ...],
                                                         marked: tuple[str, ...], expected_line: str) -> None:
    plain, found = extract(lang=lang, paragraphs=paragraphs), extract(lang=lang, paragraphs=marked)
    assert expected_line in found.text.split("\n")
    assert (found.text, found.word_count) == (plain.text, plain.word_count)


def test_every_text_field_is_listed() -> None:
    """A field added to Extracted that holds page text must join TEXT_FIELDS: what is not in it is a URL, a code,
    a source name or a number."""
    not_text = {"date_published", "date_modified", "language", "html_lang", "image_url", "canonical_url",
                "page_type", "discussion", "author_kinds", "sources", "warnings"}
    hints = typing.get_type_hints(Extracted)
    holding_str = {f.name for f in dataclasses.fields(Extracted) if "str" in str(hints[f.name])}
    assert holding_str - not_text == set(TEXT_FIELDS)


@pytest.mark.parametrize(("head", "expected"), [
    # the markup a CMS leaves in a summary goes, its words stay apart
    ('<meta property="og:description" content="&lt;p&gt;&lt;strong&gt;Le budget&lt;/strong&gt; est adopté.&lt;/p&gt;'
     '&lt;p&gt;Les députés votent.&lt;/p&gt;">', "Le budget est adopté. Les députés votent."),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "description": "<p>Le recours vise la loi de '
     'finances.<br/>Le Conseil tranchera.</p>"}</script>', "Le recours vise la loi de finances. Le Conseil tranchera."),
    # an entity escaped twice is undone
    ('<meta name="description" content="La r&amp;eacute;forme fiscale arrive &amp;agrave; l&amp;#039;APN.">',
     "La réforme fiscale arrive à l'APN."),
    # a title between angle brackets, a comparison or a heart is no markup
    ('<meta name="description" content="La pièce &lt;Le Palais : conte de Jang Noksu&gt; revient à Alger.">',
     "La pièce <Le Palais : conte de Jang Noksu> revient à Alger."),
    ('<meta name="description" content="Une inflation &lt; 3 % et des salaires &gt; au SMIG.">',
     "Une inflation < 3 % et des salaires > au SMIG."),
])
def test_description_holds_no_markup(head: str, expected: str) -> None:
    assert extract(head).description == expected
