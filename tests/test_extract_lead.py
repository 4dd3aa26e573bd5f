"""Table-driven tests of the standfirst rule (crawler/extract/_lead.py): the paragraph under the headline that
trafilatura leaves out is put back before the text; captions, taglines, other articles' teasers and long
blocks are not. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted
from crawler.extract._lead import with_lead
from crawler.extract._page import parse_html
from crawler.extract.article import extract_article
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, page

FR_LEAD = ("Le projet de loi de finances prévoit une baisse de l'impôt sur le revenu des salaires modestes, "
           "compensée par une meilleure collecte de la TVA.")
AR_LEAD = "تخفيض الضريبة على الدخل لأصحاب الأجور الأكثر تواضعا مقابل تحسين تحصيل الرسم على القيمة المضافة."
H1 = "<h1>Une réforme fiscale pour les petits salaires</h1>"
AR_H1 = "<h1>إصلاح جبائي لفائدة الأجور الضعيفة</h1>"
FR_TEXT = "\n".join(FR_PARAGRAPHS)
AR_TEXT = "\n".join(AR_PARAGRAPHS)

# a dateline, the standfirst's opening words, then another sentence
OPENS_LIKE_FR = ("ALGER - Le projet de loi de finances prévoit une hausse des dépenses d'équipement, a rappelé mardi le "
                 "ministre devant les députés de l'Assemblée populaire nationale.", *FR_PARAGRAPHS[1:])
OPENS_LIKE_AR = ("الجزائر - تخفيض الضريبة على الدخل لأصحاب الأجور الأكثر تواضعا سيبدأ في شهر جانفي حسب ما أعلنه الوزير أمام "
                 "النواب في جلسة علنية.", *AR_PARAGRAPHS[1:])


def _page(header: str, paragraphs: tuple[str, ...] = FR_PARAGRAPHS) -> str:
    return page(article=f'<div class="article-header">{header}</div>', paragraphs=paragraphs)


@pytest.mark.parametrize(("header", "paragraphs", "text", "lead"), [
    # marked as a standfirst under the headline: put back before the first paragraph
    (f'{H1}<p class="chapo">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<div class="article__intro"><p>{FR_LEAD}</p></div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<h2 class="standfirst">{FR_LEAD}</h2>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<div class="article__perex">{FR_LEAD}</div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<p class="article-leadtext">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<p class="ArticleModule_teaserText__x7Qz">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<p class="ArticleModule_teasertext">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'<h1>إصلاح جبائي لفائدة الأجور الضعيفة</h1><div class="teaser-text">{AR_LEAD}</div>', AR_PARAGRAPHS, AR_TEXT, AR_LEAD),
    # or named so in a data-* attribute (a design system's classes say nothing): the same
    (f'{H1}<div data-gu-name="standfirst" class="dcr-1x2y3z"><p>{FR_LEAD}</p></div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<p data-dot="ogm-article-perex" class="e_bg c_hS">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<p data-manual="teaserText" class="css-1485smx">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    # ... a short name only: a long data-* value is state or JSON that happens to hold the word
    (f'{H1}<p data-props=\'{{"layout": "lead", "theme": "default", "width": 640}}\'>{FR_LEAD}</p>', FR_PARAGRAPHS,
     FR_TEXT, None),
    # ... and a picture's credit named so in a data-* attribute is still a credit
    (f'{H1}<p data-role="lead-credit">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, None),
    # a text style named 'caption' (a design system's type scale) does not unmake a standfirst
    (f'{H1}<h2 class="hero__teaser type-caption-2">{FR_LEAD}</h2>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    # after the headline that the text repeats: it goes between the headline and the first paragraph
    (f'{H1}<p class="lead">{FR_LEAD}</p>', FR_PARAGRAPHS,
     "Une réforme fiscale pour les petits salaires\n" + FR_TEXT, FR_LEAD),
    # already in the text: not twice
    (f'{H1}<p class="chapo">{FR_LEAD}</p>', FR_PARAGRAPHS, f"{FR_LEAD}\n{FR_TEXT}", None),
    # a first paragraph that repeats the standfirst's opening words and goes on otherwise does not hold it: put back
    (f'{H1}<p class="chapo">{FR_LEAD}</p>', OPENS_LIKE_FR, "\n".join(OPENS_LIKE_FR), FR_LEAD),
    (f'<h1>إصلاح جبائي لفائدة الأجور الضعيفة</h1><p class="chapo">{AR_LEAD}</p>', OPENS_LIKE_AR, "\n".join(OPENS_LIKE_AR),
     AR_LEAD),
    # a standfirst of several paragraphs of the same tag and class: all of them, in order
    (f'{H1}<p class="lead">Le fisc allège les petits salaires.</p><p class="lead">{FR_LEAD}</p>', FR_PARAGRAPHS,
     FR_TEXT, f"Le fisc allège les petits salaires.\n{FR_LEAD}"),
    (f'{H1}<p class="kicker">Le fisc allège les petits salaires.</p><p class="lead">{FR_LEAD}</p>', FR_PARAGRAPHS,
     FR_TEXT, FR_LEAD),
    # a standfirst box that closes with a player or a picture without a caption ('ingress', 'preamble')
    (f'{H1}<div class="article__preamble"><p>{FR_LEAD}</p><figure class="video"><div data-id="v1"></div></figure>'
     '</div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<div class="ingress"><p>{FR_LEAD}</p><img src="/port.jpg"></div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    # ... but not one whose picture comes with a caption after it
    (f'{H1}<div class="ingress"><p>{FR_LEAD}</p><img src="/port.jpg"><span>Le port d\'Oran au petit matin, '
     'avant le départ des chalutiers.</span></div>', FR_PARAGRAPHS, FR_TEXT, None),
    # a caption, an image block, the site's tagline, a hidden block: not a standfirst
    (f'{H1}<p class="image-description">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<div class="lead-asset"><span>{FR_LEAD}</span></div>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'<p class="site-description">{FR_LEAD}</p>{H1}', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<p class="lead hidden">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, None),
    # a marked box that holds a picture (its caption) or a heading (a summary box of its own): not a standfirst;
    # the standfirst before it still is
    (f'{H1}<div class="article-lead"><figure><img src="/port.jpg"><figcaption>{FR_LEAD}</figcaption></figure></div>',
     FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<div class="picture-teaser"><picture><img src="/port.jpg"></picture>{FR_LEAD}</div>',
     FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<p class="chapo">{FR_LEAD}</p><div class="teaser-picture"><img src="/port.jpg"><span>Le port d\'Oran, '
     'au petit matin, avant le départ des premiers chalutiers.</span></div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{H1}<div class="summary"><h2>En bref</h2><ul><li>{FR_LEAD}</li></ul></div>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'<h1>إصلاح جبائي لفائدة الأجور الضعيفة</h1><div class="summary"><h3>باختصار</h3><p>{AR_LEAD}</p></div>',
     AR_PARAGRAPHS, AR_TEXT, None),
    # a magazine's subheadline ('dek', 'deck'), even one also marked as a summary: a second title, not a standfirst
    (f'{H1}<p class="dek">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<p class="c-entry-summary p-dek">{FR_LEAD}</p>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<div class="ArticleHero_dek__Q1w2e">{FR_LEAD}</div>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'<h1>إصلاح جبائي لفائدة الأجور الضعيفة</h1><span class="story-deck">{AR_LEAD}</span>', AR_PARAGRAPHS, AR_TEXT,
     None),
    # ... and the standfirst before a related story's dek is still the standfirst
    (f'{H1}<p class="summary">{FR_LEAD}</p><div class="related"><p class="dek">Le fisc allège les petits salaires '
     'dès le mois de janvier prochain.</p></div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    # before the headline, or in a list of links, or cut with '…': another article's teaser
    (f'<p class="teaser">{FR_LEAD}</p>{H1}', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<ul><li><p class="teaser">{FR_LEAD}</p></li></ul>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<p class="teaser">Le projet de loi de finances prévoit une baisse de l\'impôt sur le revenu des…</p>',
     FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<p class="chapo"><a href="/autre">{FR_LEAD}</a></p>', FR_PARAGRAPHS, FR_TEXT, None),
    # too short (a kicker) or too long (a block of the page) for a standfirst
    (f'{H1}<p class="chapo">Fiscalité : ce qui change</p>', FR_PARAGRAPHS, FR_TEXT, None),
    (f'{H1}<div class="intro">{" ".join([FR_LEAD] * 7)}</div>', FR_PARAGRAPHS, FR_TEXT, None),
    # ... a long one (125 words) is still a standfirst
    (f'{H1}<div class="intro">{" ".join([FR_LEAD] * 5)}</div>', FR_PARAGRAPHS, FR_TEXT, " ".join([FR_LEAD] * 5)),
    # a page builder's standfirst block that sets its own CSS in a <style>: the paragraph alone, no CSS rules
    (f'{H1}<div class="block-subtitle b-17"><style>/* block css */ @media (max-width: 767px) {{ .b-17 p {{ '
     f'font-size: 13px !important; }} }}</style><p>{FR_LEAD}</p></div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
    (f'{AR_H1}<div class="subtitle"><style>.b-3 p {{ line-height: 1.3; }}</style><p>{AR_LEAD}</p></div>',
     AR_PARAGRAPHS, AR_TEXT, AR_LEAD),
    # ... but a block of many <style>s is a widget, not a standfirst
    (f'{H1}<div class="block-subtitle">{"<style>.b-17 p {{ margin: 0 }}</style>" * 5}<p>{FR_LEAD}</p></div>',
     FR_PARAGRAPHS, FR_TEXT, None),
    # ... and its rules count no words: long CSS does not make the standfirst too long
    (f'{H1}<div class="block-subtitle"><style>{" ".join([".b-17 p {{ margin: 0 }}"] * 80)}</style><p>{FR_LEAD}</p>'
     '</div>', FR_PARAGRAPHS, FR_TEXT, FR_LEAD),
])
def test_with_lead(header: str, paragraphs: tuple[str, ...], text: str, lead: str | None) -> None:
    root = parse_html(_page(header, paragraphs).encode("utf-8"))
    lines = text.split("\n")
    first = lines.index(paragraphs[0])
    expected = [*lines[:first], *lead.split("\n"), *lines[first:]] if lead else lines
    assert with_lead(text, root, None).split("\n") == expected


def test_record_text_opens_with_the_standfirst() -> None:
    html = _page(f'{H1}<div class="teaser-text"><p>{FR_LEAD}</p></div>')
    outcome = extract_article(html.encode("utf-8"), "https://www.exemple.dz/economie/reforme-fiscale")
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == [FR_LEAD, *FR_PARAGRAPHS]


@pytest.mark.parametrize(("header", "first", "paragraphs", "lead"), [
    # the first paragraph's opening words cut by a link: still its start, the standfirst goes before it
    (f'{H1}<p class="chapo">{FR_LEAD}</p>', FR_PARAGRAPHS[0].replace("mardi devant", "<a href='/apn'>mardi devant</a>"),
     FR_PARAGRAPHS, FR_LEAD),
    ('<h1>إصلاح جبائي لفائدة الأجور الضعيفة</h1><p class="chapo">' + AR_LEAD + "</p>",
     AR_PARAGRAPHS[0].replace("المجلس الشعبي", "<a href='/apn'>المجلس الشعبي</a>"), AR_PARAGRAPHS, AR_LEAD),
])
def test_standfirst_before_a_paragraph_opened_by_a_link(header: str, first: str, paragraphs: tuple[str, ...],
                                                         lead: str) -> None:
    html = _page(header, (first, *paragraphs[1:]))
    text = "\n".join(paragraphs)
    assert with_lead(text, parse_html(html.encode("utf-8")), None).split("\n") == [lead, *paragraphs]


def _wrapped_page(header: str, wrapper: str, paragraphs: tuple[str, ...]) -> str:
    """A headline and what follows it, then the first paragraph in a box of class `wrapper`, the others after it."""
    first, *rest = paragraphs
    return (f'<html><body><main><article><header>{header}</header><div class="{wrapper}"><p>{first}</p></div>'
            + "".join(f"<p>{p}</p>" for p in rest) + "</article></main></body></html>")


def _lines_with_lead(html: str, paragraphs: tuple[str, ...]) -> list[str]:
    """The lines `with_lead` gives for a page whose paragraphs trafilatura kept (no headline known)."""
    return with_lead("\n".join(paragraphs), parse_html(html.encode("utf-8")), None).split("\n")


def _kept(lead: str | None, paragraphs: tuple[str, ...]) -> list[str]:
    """The lines expected: the standfirst put back above the paragraphs, or the paragraphs alone."""
    return [lead, *paragraphs] if lead else list(paragraphs)


@pytest.mark.parametrize(("header", "wrapper", "paragraphs", "lead"), [
    # a box marked 'teaser' or 'intro' that holds the first paragraph is the body's wrapper: the standfirst right under
    # the headline is still put back
    (f'{H1}<h2 class="subheadline">{FR_LEAD}</h2>', "teaser-content", FR_PARAGRAPHS, FR_LEAD),
    (f'{AR_H1}<p class="article-chapo">{AR_LEAD}</p>', "article-intro", AR_PARAGRAPHS, AR_LEAD),
    # ... but not a marked element with text between the headline and it (an author's card, a promotion)
    (f'{H1}<p>Par Karim Benali, à Oran</p><p class="partner-box-description">{FR_LEAD}</p>', "teaser-content", FR_PARAGRAPHS,
     None),
    # the box alone: the first paragraph is its own, trafilatura kept it
    (H1, "article-intro", FR_PARAGRAPHS, None),
])
def test_standfirst_over_a_marked_body_wrapper(header: str, wrapper: str, paragraphs: tuple[str, ...],
                                               lead: str | None) -> None:
    assert _lines_with_lead(_wrapped_page(header, wrapper, paragraphs), paragraphs) == _kept(lead, paragraphs)


@pytest.mark.parametrize(("header", "paragraphs", "lead"), [
    # the headline's <hgroup>: its other element is the article's subtitle, marked or not
    (f"<hgroup>{H1}<h2>{FR_LEAD}</h2></hgroup>", FR_PARAGRAPHS, FR_LEAD),
    (f"<hgroup>{AR_H1}<p>{AR_LEAD}</p></hgroup>", AR_PARAGRAPHS, AR_LEAD),
    # ... not a kicker too short for a standfirst, nor an unmarked paragraph outside the group
    (f"<hgroup><p>Fiscalité</p>{H1}</hgroup>", FR_PARAGRAPHS, None),
    (f"<hgroup>{H1}</hgroup><p>{FR_LEAD}</p>", FR_PARAGRAPHS, None),
])
def test_standfirst_in_the_headline_group(header: str, paragraphs: tuple[str, ...], lead: str | None) -> None:
    assert _lines_with_lead(_page(header, paragraphs), paragraphs) == _kept(lead, paragraphs)


def _json_ld(paragraphs: tuple[str, ...]) -> str:
    body = " ".join(paragraphs).replace('"', '\\"')
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "articleBody": "{body}"}}</script>'


@pytest.mark.parametrize(("header", "paragraphs", "lead"), [
    # a JSON-LD <script> between the standfirst and the body holds the whole body: not the first paragraph printed,
    # the walk goes on to it and the standfirst is put back
    (f'{H1}<p class="chapo">{FR_LEAD}</p>{_json_ld(FR_PARAGRAPHS)}', FR_PARAGRAPHS, FR_LEAD),
    (f'{AR_H1}{_json_ld(AR_PARAGRAPHS)}<div class="article-intro">{AR_LEAD}</div>', AR_PARAGRAPHS, AR_LEAD),
    # ... a <noscript> or a <template> copy of the first paragraph alike
    (f'{H1}<p class="chapo">{FR_LEAD}</p><noscript><p>{FR_PARAGRAPHS[0]}</p></noscript>', FR_PARAGRAPHS, FR_LEAD),
    # ... and with no standfirst, the script puts nothing back
    (f'{H1}{_json_ld(FR_PARAGRAPHS)}', FR_PARAGRAPHS, None),
])
def test_standfirst_past_a_script_holding_the_body(header: str, paragraphs: tuple[str, ...], lead: str | None) -> None:
    assert _lines_with_lead(_page(header, paragraphs), paragraphs) == _kept(lead, paragraphs)


def _share_bar(icons: int) -> str:
    """A share bar of `icons` drawn icons (an <svg> of a group and two paths each: four elements, no text)."""
    icon = '<a href="/partager"><svg viewBox="0 0 24 24"><g><path d="M0 0h24v24H0z"/><path d="M3 3h18"/></g></svg></a>'
    return f'<div class="share">{icon * icons}</div>'


@pytest.mark.parametrize(("header", "paragraphs", "lead"), [
    # the icons of a share bar between the standfirst and the first paragraph do not use up the walk: put back
    (f'{H1}<p class="chapo">{FR_LEAD}</p>{_share_bar(40)}', FR_PARAGRAPHS, FR_LEAD),
    (f'{AR_H1}{_share_bar(40)}<div class="article-intro">{AR_LEAD}</div>', AR_PARAGRAPHS, AR_LEAD),
    # ... but a bar of a thousand of them is still past the walk's end
    (f'{H1}<p class="chapo">{FR_LEAD}</p>{_share_bar(1000)}', FR_PARAGRAPHS, None),
])
def test_standfirst_past_a_bar_of_icons(header: str, paragraphs: tuple[str, ...], lead: str | None) -> None:
    assert _lines_with_lead(_page(header, paragraphs), paragraphs) == _kept(lead, paragraphs)
