"""Table-driven tests of the subheading rule (crawler/extract/_headings.py): a heading the page prints between two
paragraphs that are consecutive lines of the text goes back between them; a byline, a prompt, a related-articles
header, a long block or a heading away from the text's paragraphs does not. Every line here was written for these
tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted
from crawler.extract._headings import with_headings
from crawler.extract._page import parse_html
from crawler.extract.article import extract_article
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS

FR_1, FR_2, FR_3 = FR_PARAGRAPHS
AR_1, AR_2, AR_3 = AR_PARAGRAPHS
FR_TEXT = "\n".join(FR_PARAGRAPHS)
AR_TEXT = "\n".join(AR_PARAGRAPHS)
SHY = "\xad"


def _page(body: str, lang: str = "fr") -> str:
    """An old-style page: the article in plain divisions, no container trafilatura knows."""
    return (f'<html lang="{lang}"><body><div id="page"><div class="col"><ul><li><a href="/">Accueil</a></li></ul></div>'
            f'<div class="col">{body}</div></div></body></html>')


@pytest.mark.parametrize(("body", "text", "expected"), [
    # between two consecutive lines of the text: put back there, whatever its level
    (f"<p>{FR_1}</p><h4>Les chiffres du budget</h4><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, "Les chiffres du budget", FR_2, FR_3]),
    (f"<p>{FR_1}</p><p>{FR_2}</p><h2>Ce que demandent les syndicats</h2><p>{FR_3}</p>", FR_TEXT,
     [FR_1, FR_2, "Ce que demandent les syndicats", FR_3]),
    (f"<p>{AR_1}</p><h3>ردود فعل النقابات</h3><p>{AR_2}</p><p>{AR_3}</p>", AR_TEXT,
     [AR_1, "ردود فعل النقابات", AR_2, AR_3]),
    # paragraphs printed with soft hyphens are the text's lines (trafilatura drops the hyphens, so do the records)
    (f"<p>{FR_1.replace('gouvernement', 'gouver&shy;ne&shy;ment')}</p><h4>Les chiffres du budget</h4>"
     f"<p>{FR_2.replace('ministre', SHY.join(['mi', 'nistre']))}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, "Les chiffres du budget", FR_2, FR_3]),
    # empty elements between the heading and its paragraphs do not count
    (f"<p>{FR_1}</p><p> </p><h3>Les chiffres du budget</h3><br><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, "Les chiffres du budget", FR_2, FR_3]),
    # already in the text: not twice
    (f"<p>{FR_1}</p><h3>Les chiffres du budget</h3><p>{FR_2}</p><p>{FR_3}</p>",
     f"{FR_1}\nLes chiffres du budget\n{FR_2}\n{FR_3}", [FR_1, "Les chiffres du budget", FR_2, FR_3]),
    # the paragraphs around it are not consecutive lines, or one is not in the text: a heading elsewhere
    (f"<p>{FR_1}</p><h3>Les chiffres du budget</h3><p>{FR_3}</p>", FR_TEXT, [FR_1, FR_2, FR_3]),
    (f"<p>{FR_1}</p><h3>Les chiffres du budget</h3><p>Un paragraphe que le texte ne reprend pas.</p>", FR_TEXT,
     [FR_1, FR_2, FR_3]),
    (f"<h3>Les chiffres du budget</h3><p>{FR_1}</p><p>{FR_2}</p>", FR_TEXT, [FR_1, FR_2, FR_3]),
    # a byline, a prompt, a related-articles header, a long block: not a subheading
    (f"<p>{FR_1}</p><h5>Par Karim Benali, à Oran</h5><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, [FR_1, FR_2, FR_3]),
    (f"<p>{FR_1}</p><h3>Abonnez-vous à notre newsletter</h3><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, FR_2, FR_3]),
    (f"<p>{FR_1}</p><h3>Sur le même sujet</h3><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, [FR_1, FR_2, FR_3]),
    (f"<p>{FR_1}</p><h3>{' '.join(['Le budget de la ville'] * 6)}</h3><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, FR_2, FR_3]),
])
def test_with_headings(body: str, text: str, expected: list[str]) -> None:
    assert with_headings(text, parse_html(_page(body).encode("utf-8"))).split("\n") == expected


def test_record_text_keeps_the_subheading_trafilatura_drops() -> None:
    body = f"<p>{FR_1}</p><p>{FR_2}</p><h4>Ce que demandent les syndicats</h4><p>{FR_3}</p>"
    outcome = extract_article(_page(body).encode("utf-8"), "https://www.exemple.dz/economie/reforme-fiscale")
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == [FR_1, FR_2, "Ce que demandent les syndicats", FR_3]
