"""Table-driven tests of the title rules tuned on unlabelled real pages where Khabar and trafilatura disagreed
(session 25, the htmldate corpus's tune half, judged by hand). Every snippet is written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted, extract_article
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, page

EN_PARAGRAPHS = (
    "Work on the river dam started again this week after a pause of almost ten years, the regional office said on "
    "Monday, and the first turbines are expected to turn before the end of next year.",
    "Engineers from three countries walked the site with local officials, who promised that the villages moved for "
    "the reservoir would be paid the sums agreed when the project was first planned.",
    "Farmers downstream said they hoped the dam would steady the water level during the dry months, when their "
    "fields now depend on the small pumps that only a few families can afford to run.",
    "The office will publish a new timetable for the works next month, together with the cost of the second phase "
    "and the list of firms chosen to build the power line to the capital.",
)


def title_of(head: str, headings: str, url: str, lang: str = "fr") -> str | None:
    paragraphs = {"fr": FR_PARAGRAPHS, "en": EN_PARAGRAPHS, "ar": AR_PARAGRAPHS}[lang]
    outcome = extract_article(page(head, headings, lang=lang, paragraphs=paragraphs).encode("utf-8"), url)
    assert isinstance(outcome, Extracted), outcome
    return outcome.title


@pytest.mark.parametrize(("head", "title"), [
    # a Dublin Core title that spells the Dublin Core publisher (or creator) is the site's name
    ('<meta name="DC.Title" content="Journal du Fleuve www.journal-fleuve.ne">'
     '<meta name="DC.Publisher" content="Journal du Fleuve www.journal-fleuve.ne">'
     '<meta property="og:title" content="Le barrage de Kandadji reprend vie">', "Le barrage de Kandadji reprend vie"),
    ('<meta name="dcterms.title" content="The Daily River Weekly Edition Online">'
     '<meta name="dcterms.creator" content="The Daily River Weekly Edition Online">'
     '<meta property="og:site_name" content="The Daily River">'
     '<title>The river dam comes back to life - The Daily River</title>', "The river dam comes back to life"),
    # a Dublin Core title of its own stays first
    ('<meta name="DC.Title" content="Rapport annuel sur la sécheresse">'
     '<meta name="DC.Publisher" content="Observatoire du Sahel">'
     '<meta property="og:title" content="Sécheresse : le rapport est publié">', "Rapport annuel sur la sécheresse"),
])
def test_dublin_core_title_naming_the_publisher(head: str, title: str) -> None:
    lang = "en" if title.startswith("The") else "fr"
    assert title_of(head, "", "https://www.journal-fleuve.ne/societe/barrage", lang) == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # og:site_name filled with the whole <title> (a short one): no name, so the blog's name, which the page prints as
    # its own (its copyright line) and in the <h1>, is cut, and the references are not taken for the site's name
    ('<title>Kandadji revit - Carnets du fleuve</title>'
     '<meta property="og:site_name" content="Kandadji revit - Carnets du fleuve">'
     '<meta property="og:title" content="Kandadji revit - Carnets du fleuve">',
     '<h1>Carnets du fleuve</h1><p class="copy">© 2025 Carnets du fleuve</p>', "Kandadji revit"),
    ('<title>سد كنداجي يعود - دفاتر النهر</title>'
     '<meta property="og:site_name" content="سد كنداجي يعود - دفاتر النهر">',
     "<h1>دفاتر النهر</h1><p>© 2025 دفاتر النهر</p>", "سد كنداجي يعود"),
    # a one-segment <title> as og:site_name stays a name (a home page's, or a site named by its title)
    ('<title>Carnets du fleuve</title><meta property="og:site_name" content="Carnets du fleuve">'
     '<meta property="og:title" content="Le barrage de Kandadji reprend vie | Carnets du fleuve">',
     "<h1>Le barrage de Kandadji reprend vie</h1>", "Le barrage de Kandadji reprend vie"),
])
def test_site_name_that_is_the_whole_title(head: str, headings: str, title: str) -> None:
    lang = "ar" if title[0] >= "\u0600" else "fr"
    assert title_of(head, headings, "https://blog.plateforme.example/carnets-du-fleuve/entry/8f3a2c", lang) == title
