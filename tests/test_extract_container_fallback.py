"""The <article> fallback (crawler/extract/_body.py, `with_container_fallback`): when trafilatura keeps a few words
of a page whose <article> holds the story (a theme that wraps its main column in <aside>), the record's text is
that article's; a page whose text trafilatura found, or whose <article> is a list of links, keeps its text.
Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted
from crawler.extract.article import extract_article
from tests.test_extract import FR_PARAGRAPHS

MORE = (
    "Le texte doit encore être examiné par le Conseil de la nation avant la fin du mois, a précisé le rapporteur "
    "de la commission des finances, qui s'attend à un débat serré sur le financement de la mesure.",
    "Plusieurs députés de l'opposition ont dénoncé un calendrier trop court et demandé une étude d'impact "
    "détaillée, région par région, avant toute entrée en vigueur de la réforme.",
    "Le ministère table sur une application dès le premier janvier prochain, avec une révision prévue après "
    "douze mois pour mesurer les effets de la baisse sur la consommation des ménages.",
)
STORY = (*FR_PARAGRAPHS, *MORE)
TAGLINE = "Le quotidien de l'Oranie, chaque matin depuis 1994."
H1 = "<h1>Une réforme fiscale pour les petits salaires</h1>"
LINKS = "".join(f'<li><a href="/a{i}">{p}</a></li>' for i, p in enumerate(STORY))


def _page(main: str) -> str:
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Une réforme fiscale pour les petits salaires</title></head><body>'
            f'<header><p class="tagline">{TAGLINE}</p></header><div class="wrapper">{main}</div></body></html>')


def _paragraphs(lines: tuple[str, ...]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


@pytest.mark.parametrize(("main", "expected"), [
    # the story's column is an <aside>: trafilatura keeps the tagline, the record the <article>
    (f'<aside class="sidebar"><article>{H1}<div class="article-content">{_paragraphs(STORY)}</div></article></aside>',
     list(STORY)),
    (f'<aside class="sidebar"><div itemprop="articleBody">{_paragraphs(STORY)}</div></aside>', list(STORY)),
    # the text trafilatura found stays
    (f'<article>{H1}{_paragraphs(STORY)}</article>', list(STORY)),
    # an <article> too short to be more than what was found, or mostly links, is no fallback
    (f'<aside class="sidebar"><article>{_paragraphs(FR_PARAGRAPHS[:1])}</article></aside>', [TAGLINE]),
    (f'<aside class="sidebar"><article><ul>{LINKS}</ul></article></aside>', [TAGLINE]),
])
def test_container_fallback(main: str, expected: list[str]) -> None:
    outcome = extract_article(_page(main).encode("utf-8"), "https://www.exemple.dz/economie/reforme-fiscale")
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == expected


# A menu button left open by the page's markup ('<div></button>': an icon's </div> mistyped) holds the rest of the page in
# lxml's tree; trafilatura drops buttons, finds nothing, and gives its last resort: the <article>'s whole text as one line,
# breadcrumbs and headline run into the paragraphs. The <article> read alone gives them a line each.
OPEN_BUTTON = '<header><button class="menu-button"><span>Menu</span><div class="icon"><div></button><a href="/">Accueil</a></header>'
CRUMBS = '<ul class="breadcrumbs"><li><a href="/eco">Économie</a></li></ul>'
ONE_BLOCK = " ".join(STORY)  # the story as one block of text, no paragraph marks


@pytest.mark.parametrize(("main", "expected"), [
    (f'{OPEN_BUTTON}<main><article>{CRUMBS}{H1}<div class="body">{_paragraphs(STORY)}</div></article></main>', list(STORY)),
    (f'{OPEN_BUTTON}<main><article class="post">{CRUMBS}{H1}{_paragraphs(STORY)}</article></main>', list(STORY)),
    # one paragraph of the story's length, as the page prints it: no container splits it, it stays
    (f'<article>{H1}<p>{ONE_BLOCK}</p></article>', [ONE_BLOCK]),
    (f'<article>{H1}<div class="body">{ONE_BLOCK}</div></article>', [ONE_BLOCK]),
])
def test_flattened_text_read_from_its_container(main: str, expected: list[str]) -> None:
    outcome = extract_article(_page(main).encode("utf-8"), "https://www.exemple.dz/economie/reforme-fiscale")
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == expected
