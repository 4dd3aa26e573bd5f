"""Table-driven tests of the title rules tuned on unlabelled real pages where Khabar and trafilatura disagreed
(session 25, the htmldate corpus's tune half, judged by hand). Every snippet is written for these tests."""

from __future__ import annotations

import time

import pytest

from crawler.extract import Extracted, extract_article
from crawler.extract._page import Heading, mark_homes_above
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


BLOG = "https://blog.plateforme.example/carnets-du-fleuve/entry/8f3a2c"


@pytest.mark.parametrize(("head", "headings", "url", "title"), [
    # a blog's name in an <h1> linked to the blog's home, two folders above the post; og:site_name filled with <title>
    ('<title>Le barrage de Kandadji reprend vie - Carnets du fleuve</title>'
     '<meta property="og:site_name" content="Le barrage de Kandadji reprend vie - Carnets du fleuve">'
     '<meta property="og:title" content="Le barrage de Kandadji reprend vie - Carnets du fleuve">',
     '<h1><a href="https://blog.plateforme.example/carnets-du-fleuve">Carnets du fleuve</a></h1>', BLOG,
     "Le barrage de Kandadji reprend vie"),
    ('<title>The river dam comes back to life - Notes from the river</title>',
     '<h1><a href="/carnets-du-fleuve/">Notes from the river</a></h1>', BLOG, "The river dam comes back to life"),
    ('<title>سد كنداجي يعود إلى الحياة - دفاتر النهر</title>',
     '<h1><a href="/carnets-du-fleuve">دفاتر النهر</a></h1>', BLOG, "سد كنداجي يعود إلى الحياة"),
    # a headline linked to the article's first page, one level up, stays the headline
    ('<title>Le barrage de Kandadji reprend vie - Journal du Fleuve</title>',
     '<h1><a href="/societe/barrage-kandadji">Le barrage de Kandadji reprend vie</a></h1>',
     "https://www.journal-fleuve.ne/societe/barrage-kandadji/2", "Le barrage de Kandadji reprend vie"),
    # so does one linked to itself
    ('<title>Le barrage de Kandadji reprend vie - Journal du Fleuve</title>',
     '<h1><a href="/societe/2025/barrage-kandadji">Le barrage de Kandadji reprend vie</a></h1>',
     "https://www.journal-fleuve.ne/societe/2025/barrage-kandadji", "Le barrage de Kandadji reprend vie"),
])
def test_blog_name_linked_to_its_home(head: str, headings: str, url: str, title: str) -> None:
    lang = "ar" if title[0] >= "\u0600" else "en" if title.startswith("The") else "fr"
    assert title_of(head, headings, url, lang) == title


@pytest.mark.parametrize(("link", "url", "home"), [
    ("https://blog.plateforme.example/carnets", "https://blog.plateforme.example/carnets/entry/1", True),
    ("/carnets/", "https://blog.plateforme.example/carnets/e/1", True),
    ("/carnets", "https://blog.plateforme.example/carnets/1", False),  # one level up: the article's first page
    ("https://autre.example/carnets", "https://blog.plateforme.example/carnets/entry/1", False),  # another site
    ("/carnets?page=2", "https://blog.plateforme.example/carnets/entry/1", False),
    ("#haut", "https://blog.plateforme.example/carnets/entry/1", False),
    ("http://[::1", "https://blog.plateforme.example/carnets/entry/1", False),  # a malformed address is read as none
    ("", "https://blog.plateforme.example/carnets/entry/1", False),
])
def test_home_above_the_page(link: str, url: str, home: bool) -> None:
    headings = [Heading("h1", "Carnets", False, link=link)]
    mark_homes_above(headings, url)
    assert headings[0].logo is home


def test_homes_above_on_many_headings_is_fast() -> None:
    headings = [Heading("h1", f"Titre {i}", False, link=f"/rubrique-{i}/") for i in range(30_000)]
    start = time.process_time()
    mark_homes_above(headings, "https://www.exemple.ne/rubrique-7/2025/titre")
    assert time.process_time() - start < 1.0
    assert [h.text for h in headings if h.logo] == ["Titre 7"]
