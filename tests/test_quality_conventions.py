"""The label conventions of bench/real_quality.py (bench/quality/conventions.py) tell a corpus's convention from
a wrong pick by counting which of the page's own headlines a title copies and where on the page a name stands.
Every page here is written for the test (no page or label of a corpus enters this repository)."""

from __future__ import annotations

import re

import pytest

from bench.quality.conventions import (
    ABSENT,
    BUT_CASE,
    H1,
    LD,
    LESS_SITE,
    METADATA,
    NOWHERE,
    OG,
    OTHER,
    PRINTED,
    SOURCE,
    VARIANT,
    WHOLE,
    Observed,
    TitleFacts,
    attainable,
    observe,
    print_conventions,
)
from bench.quality.corpora import Labels
from bench.quality.scoring import Prediction

URL = "https://www.lequotidien-sahel.example/politique/article-12.html"
PAGE = """<html><head><title>Mopti : la crue du fleuve inquiète | Le Quotidien du Sahel</title>
<meta property="og:title" content="Crue du Niger : Mopti sur le qui-vive">
<meta property="og:site_name" content="Le Quotidien du Sahel">
<meta name="author" content="Ibrahim Maïga">
<meta name="twitter:title" content="La crue vue de Mopti">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
 "headline": "Mopti face \\u00e0 la crue", "author": [{"@type": "Person", "name": "Mariam Diallo"}],
 "publisher": {"@type": "Organization", "name": "Quotidien Sahel Médias"}}]}</script>
<script>window.tracking = {"editor": "Oumar Cissé"};</script>
</head><body><header><h1 class="logo">Le Quotidien du Sahel</h1></header>
<article><h1>Mopti&nbsp;: la crue du <em>fleuve</em> inquiète</h1>
<p class="byline">Par <a href="/auteurs/awa">Awa Traoré</a></p><p>Les eaux montent depuis lundi.</p>
<noscript>Fatou Keita</noscript></article></body></html>"""


def _observe(title: str | None = None, authors: tuple[str, ...] | None = None,
             khabar: Prediction | None = None) -> Observed:
    found = observe(PAGE, URL, Labels(title=title, authors=authors), khabar)
    assert found is not None
    return found


def test_a_page_without_title_or_author_labels_is_not_observed() -> None:
    assert observe(PAGE, URL, Labels(date="2025-09-01"), None) is None


def test_the_page_has_every_title_variant_and_its_h1_differs_from_og_title_and_the_json_ld_headline() -> None:
    found = _observe(title="Mopti : la crue du fleuve inquiète")

    assert found.present == {H1, OG, LD, WHOLE, LESS_SITE}
    assert found.differ == {OG, LD}


@pytest.mark.parametrize(("title", "place", "equals", "headline"), [
    ("Mopti : la crue du fleuve inquiète", VARIANT, {H1, LESS_SITE}, True),
    ("Crue du Niger : Mopti sur le qui-vive", VARIANT, {OG}, True),
    ("Mopti face à la crue", VARIANT, {LD}, True),  # a JSON-LD \\u escape read as JSON does
    ("Mopti : la crue du fleuve inquiète | Le Quotidien du Sahel", VARIANT, {WHOLE}, False),  # keeps the site
    ("Le Quotidien du Sahel", VARIANT, {H1, LESS_SITE}, False),  # the logo's <h1>: the site's name
    ("MOPTI : LA CRUE DU FLEUVE INQUIÈTE", BUT_CASE, set(), False),  # CSS capitals
    ("La crue vue de Mopti", SOURCE, set(), False),  # a <meta> the variants do not read
    ("Les eaux montent depuis lundi.", SOURCE, set(), False),
    ("Bamako sous la pluie", NOWHERE, set(), False),
])
def test_a_title_is_placed_among_the_pages_variants(title: str, place: str, equals: set[str], headline: bool) -> None:
    facts = _observe(title=title).label_title

    assert facts is not None
    assert (facts.place, facts.equals, facts.headline) == (place, equals, headline)


@pytest.mark.parametrize(("label", "ours", "expected"), [
    ("Crue du Niger : Mopti sur le qui-vive", "Mopti : la crue du fleuve inquiète", True),  # og:title vs <h1>
    ("Mopti : la crue du fleuve inquiète | Le Quotidien du Sahel", "Mopti face à la crue", True),  # site kept
    ("MOPTI : LA CRUE DU FLEUVE INQUIÈTE", "Mopti : la crue du fleuve inquiète", True),  # CSS capitals
    ("Crue du Niger : Mopti sur le qui-vive", "Crue du Niger : Mopti sur le qui-vive", True),  # right anyway
    ("Crue du Niger : Mopti sur le qui-vive", "Mopti : la crue du fleuve inquiète | Le Quotidien du Sahel", False),
    ("Crue du Niger : Mopti sur le qui-vive", "Le Quotidien du Sahel", False),  # the site's name
    ("Crue du Niger : Mopti sur le qui-vive", "Les eaux montent depuis lundi.", False),  # no headline
    ("Bamako sous la pluie", "Mopti : la crue du fleuve inquiète", False),  # a label nowhere on the page
])
def test_the_attainable_title_takes_any_headline_of_the_page_where_the_label_is_one_of_its_variants(
        label: str, ours: str, expected: bool) -> None:
    assert attainable(_observe(title=label, khabar=Prediction(title=ours))) is expected


@pytest.mark.parametrize(("name", "place", "site"), [
    ("Awa Traore", PRINTED, False),  # accents folded as the scorer folds them
    ("Ibrahim Maïga", METADATA, False),  # <meta name=author>
    ("Mariam Diallo", METADATA, False),  # JSON-LD only
    ("Oumar Cissé", OTHER, False),  # another script
    ("Fatou Keita", OTHER, False),  # <noscript> prints nothing where scripts run
    ("Le Quotidien du Sahel", PRINTED, True),  # og:site_name, printed in the logo
    ("Quotidien Sahel Médias", METADATA, True),  # the JSON-LD publisher
    ("lequotidien-sahel", ABSENT, True),  # the host
    ("Moussa Coulibaly", ABSENT, False),
])
def test_each_labelled_name_is_placed_on_the_page(name: str, place: str, site: bool) -> None:
    assert _observe(authors=(name,)).label_names == ((place, site),)


def test_khabars_names_are_placed_like_the_labels() -> None:
    found = _observe(authors=(), khabar=Prediction(authors=("Awa Traoré", "Mariam Diallo")))

    assert (found.label_names, found.khabar_names) == ((), ((PRINTED, False), (METADATA, False)))


def _title(place: str, equals: set[str], follows: set[str], headline: bool) -> TitleFacts:
    return TitleFacts(place, frozenset(equals), frozenset(follows), headline)


def test_the_table_gives_shares_and_which_variant_each_side_follows(capsys: pytest.CaptureFixture[str]) -> None:
    og_label = _title(VARIANT, {OG}, {OG}, True)
    h1_title = _title(VARIANT, {H1, LESS_SITE}, {H1, LESS_SITE}, True)
    nowhere = _title(NOWHERE, set(), set(), False)
    pages = [
        Observed(og_label, h1_title, False, frozenset({H1, OG, WHOLE, LESS_SITE}), frozenset({OG})),
        Observed(h1_title, h1_title, True, frozenset({H1, WHOLE, LESS_SITE})),
        Observed(nowhere, h1_title, False, frozenset({H1, OG}), frozenset({OG}),
                 label_names=((METADATA, False), (PRINTED, True)), khabar_names=((PRINTED, False),)),
        Observed(label_names=(), khabar_names=((PRINTED, False),)),
    ]

    print_conventions("sahel", "tune", pages)

    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "sahel · tune: label conventions (title labels on 3 pages, author labels on 2)"
    rows = {cells[0]: cells[1:] for cells in (re.split(r"\s{2,}", line.strip()) for line in lines if line.startswith("  "))}
    assert rows[H1] == ["3", "0.333", "1.000"]
    assert rows[OG] == ["2", "0.500", "0.000"]
    assert rows[LD] == ["0", "-", "-"]
    assert rows[NOWHERE] == ["0.333", "0.000"]
    assert rows["names"] == ["2", "2"]
    assert rows[PRINTED] == ["0.500", "1.000"]
    assert rows["the site's name"] == ["0.500", "0.000"]
    assert ("where <h1> and og:title differ (but for case), 2 pages, the title follows: label <h1> 0, og:title 1, "
            "neither 1; khabar <h1> 2, og:title 0, neither 0") in lines
    assert lines[-1] == "pages labelled with no author: 1, of which Khabar gives a name printed in the text: 1"
    assert any(line.startswith("title exact 0.333, attainable 0.667 ") for line in lines)


def test_a_corpus_without_title_or_author_labels_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    print_conventions("dates", "held-back", [])

    assert capsys.readouterr().out == "\ndates · held-back: label conventions: no title or author labels\n"
