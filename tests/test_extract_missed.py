"""Table-driven tests of crawler/extract/_missed.py: a paragraph trafilatura dropped from among the ones it kept
(the first of a box after an inline ad) is put back where the page prints it; teasers after the article, short
lines, link lists, captions and paragraphs already in the text are not. Every line here was written for these
tests; `text` stands for what trafilatura kept."""

from __future__ import annotations

import pytest

from crawler.extract._missed import with_leading_text, with_missed_paragraphs, with_split_article
from crawler.extract._page import parse_html
from tests.support.cpu import cpu_seconds

FR = (
    "Le conseil municipal d'Oran a adopté mardi soir le budget de l'année prochaine, en hausse de huit pour cent.",
    "La majeure partie des crédits ira à la rénovation des écoles primaires et au réseau d'eau potable de la ville.",
    "L'opposition a dénoncé un budget « électoraliste », à quelques mois du scrutin local prévu au printemps.",
    "Le maire a promis de publier chaque trimestre l'état d'avancement des chantiers financés par la commune.",
)
AR = (
    "صادق المجلس البلدي لوهران مساء الثلاثاء على ميزانية السنة المقبلة التي ارتفعت بنسبة ثمانية بالمائة مقارنة بالعام الماضي.",
    "وستخصص معظم الاعتمادات لترميم المدارس الابتدائية وتجديد شبكة المياه الصالحة للشرب في عدة أحياء من المدينة.",
    "وانتقدت المعارضة ما وصفته بميزانية انتخابية قبل أشهر قليلة من الانتخابات المحلية المقررة في فصل الربيع.",
)
AD = '<div class="ad">Publicité</div>'
C1 = "\x80\x9c"  # the two bytes after 'â' of '“' read as Latin-1
MOJIBAKE = tuple(line.replace("« ", f"â{C1}").replace(" »", f"â{C1}").replace("La majeure", f"â{C1}La majeure")
                 for line in FR)


def _boxes(*boxes: str, kind: str = 'div class="story__body"') -> bytes:
    tag = kind.split()[0]
    body = AD.join(f"<{kind}>{box}</{tag}>" for box in boxes)
    return f"<html><body><article><h1>Budget d'Oran</h1>{body}</article></body></html>".encode()


def _p(text: str) -> str:
    return f"<p>{text}</p>"


REPLIES = (
    "Merci pour ce compte rendu, j'habite le quartier de Gambetta et les travaux sur le réseau d'eau étaient attendus.",
    "Je ne partage pas cet avis : le budget de l'an dernier promettait déjà les mêmes écoles et rien n'a été fait.",
    "Quelqu'un sait-il si la liste des chantiers sera affichée à la mairie ou seulement publiée sur son site ?",
)
LINKED = ("Le maire a promis de publier <a href='/a'>chaque trimestre l'état d'avancement des chantiers</a> "
          "<a href='/b'>financés par la commune et ses partenaires publics</a>.")


@pytest.mark.parametrize(("html", "text", "expected"), [
    # the first paragraph of the second box went missing between two kept ones: it goes back in its place
    (_boxes(_p(FR[0]) + _p(FR[1]), _p(FR[2]) + _p(FR[3])), [FR[0], FR[1], FR[3]], [FR[0], FR[1], FR[2], FR[3]]),
    (_boxes(_p(AR[0]), _p(AR[1]) + _p(AR[2])), [AR[0], AR[2]], [AR[0], AR[1], AR[2]]),
    # after the last kept paragraph of its kind (a teaser under the article): left out
    (_boxes(_p(FR[0]) + _p(FR[1]), _p(FR[2])), [FR[0], FR[1]], [FR[0], FR[1]]),
    # boxes without a class say nothing about the article's boxes
    (_boxes(_p(FR[0]) + _p(FR[1]), _p(FR[2]) + _p(FR[3]), kind="div"), [FR[0], FR[1], FR[3]], [FR[0], FR[1], FR[3]]),
    # too short for a paragraph of the article
    (_boxes(_p(FR[0]) + _p(FR[1]), _p("Lire la suite plus bas.") + _p(FR[3])), [FR[0], FR[1], FR[3]],
     [FR[0], FR[1], FR[3]]),
    # mostly links: a list of other articles
    (_boxes(_p(FR[0]) + _p(FR[1]), _p(LINKED) + _p(FR[2])), [FR[0], FR[1], FR[2]], [FR[0], FR[1], FR[2]]),
    # a caption's paragraph (it holds the picture)
    (_boxes(_p(FR[0]) + _p(FR[1]), f"<p><img src='a.jpg'>{FR[3]}</p>" + _p(FR[2])), [FR[0], FR[1], FR[2]],
     [FR[0], FR[1], FR[2]]),
    # a caption set in a paragraph of the article's kind, marked by a class inside it (the picture beside it)
    (_boxes(_p(FR[0]) + _p(FR[1]), f"<img src='a.jpg'><p><span class='article-caption'>{FR[3]} | Photo K. B.</span></p>"
            + _p(FR[2])), [FR[0], FR[1], FR[2]], [FR[0], FR[1], FR[2]]),
    # already in the text, only its soft hyphens and spaces differ: not twice
    (_boxes(_p(FR[0]) + _p(FR[1].replace("rénovation", "ré\xadno\xadva\xadtion")), _p(FR[2])),
     [FR[0], FR[1].replace(" d'eau", "  d'eau"), FR[2]], [FR[0], FR[1].replace(" d'eau", "  d'eau"), FR[2]]),
    # a page whose UTF-8 was decoded twice holds '\x80\x9c' after each 'â' of its quotes, trafilatura's lines do not:
    # a kept paragraph is still found in the text (not twice), a missed one goes back as trafilatura gives a line
    (_boxes(_p(FR[0]) + _p(MOJIBAKE[1]), _p(FR[2])), [FR[0], MOJIBAKE[1].replace(C1, ""), FR[2]],
     [FR[0], MOJIBAKE[1].replace(C1, ""), FR[2]]),
    (_boxes(_p(FR[0]) + _p(FR[1]), _p(MOJIBAKE[2]) + _p(FR[3])), [FR[0], FR[1], FR[3]],
     [FR[0], FR[1], MOJIBAKE[2].replace(C1, ""), FR[3]]),
    # boxes of the article's kind that trafilatura left out as many words as it kept (the replies under a forum's first
    # post, each in a box like the post's): none goes back
    (_boxes(_p(FR[0]) + _p(FR[1]), *map(_p, REPLIES), _p(FR[3])), [FR[0], FR[1], FR[3]], [FR[0], FR[1], FR[3]]),
    # boxes set in <header>s (a page builder's), a list item's: the first goes back, the second stays out
    (_boxes(_p(AR[0]), _p(AR[1]) + _p(AR[2]), kind='header class="text-box"'), [AR[0], AR[2]], [AR[0], AR[1], AR[2]]),
    (_boxes(_p(FR[0]) + _p(FR[1]), _p(FR[2]) + _p(FR[3]), kind='li class="story__body"'), [FR[0], FR[1], FR[3]],
     [FR[0], FR[1], FR[3]]),
], ids=["fr-after-ad", "ar-after-ad", "teaser-after", "no-class", "short", "links", "caption", "caption-class", "soft-hyphens",
        "mojibake-kept", "mojibake-missed", "replies", "header-boxes", "list-items"])
def test_missed_paragraphs(html: bytes, text: list[str], expected: list[str]) -> None:
    assert with_missed_paragraphs("\n".join(text), parse_html(html)).split("\n") == expected


OPENING = "Le conseil municipal d'Oran a adopté mardi soir"


def _br_set(lead: str, *rest: str, around: str = "div") -> bytes:
    body = f'<{around} class="content">{lead}<br><br>' + "<br><br>".join(rest) + f"<br></{around}>"
    return f"<html><body><article><h1>Budget d'Oran</h1>{body}</article></body></html>".encode()


@pytest.mark.parametrize(("html", "text", "expected"), [
    # the article set between <br>s: its leading text, lost, goes back before the first line the <br>s start
    (_br_set(FR[0], FR[1], FR[2]), FR[1:3], FR[:3]),
    (_br_set(AR[0], AR[1], AR[2]), AR[1:], AR),
    # inline markup and a short link in the leading text are part of it
    (_br_set(f"Le conseil <em>municipal</em> d'Oran a adopté <a href='/budget'>mardi soir</a>{FR[0][len(OPENING):]}", FR[1], FR[2]),
     FR[1:3], FR[:3]),
    # the leading text and the lines after the <br>s set in inline markup alone ('<span>…</span><br><span>…')
    (_br_set(f"<span>{FR[0]}</span>", f"<span>{FR[1]}</span>", FR[2]), FR[1:3], FR[:3]),
    (_br_set(f"<strong><span>{AR[0]}</span></strong>", f"<em>{AR[1]}</em>", AR[2]), AR[1:], AR),
    (_br_set(f"<span><a href='/autre'>{FR[0]}</a></span>", f"<span>{FR[1]}</span>", FR[2]), FR[1:3], FR[1:3]),
    # already in the text, too short, mostly a link, in an aside: nothing changes
    (_br_set(FR[0], FR[1], FR[2]), FR[:3], FR[:3]),
    (_br_set("Oran, le 12 mars", FR[1], FR[2]), FR[1:3], FR[1:3]),
    (_br_set(f"<a href='/autre'>{FR[0]}</a>", FR[1], FR[2]), FR[1:3], FR[1:3]),
    (_br_set(FR[0], FR[1], FR[2], around="aside"), FR[1:3], FR[1:3]),
    # a container whose lines after its <br>s are not in the text (a sidebar's): its leading text stays out
    (_br_set(FR[0], FR[3], FR[3]), FR[1:3], FR[1:3]),
])
def test_leading_text(html: bytes, text: list[str], expected: list[str]) -> None:
    root = parse_html(html)
    assert with_leading_text("\n".join(text), root).split("\n") == list(expected)


def _led(lead: str, *blocks: str) -> bytes:
    return f"<html><body><article><h1>Budget d'Oran</h1><div class='text'>{lead}{''.join(blocks)}</div></article></body></html>".encode()


@pytest.mark.parametrize(("html", "text", "expected"), [
    # a container's own text before its first paragraph: lost, it goes back before that paragraph's line
    (_led(FR[0], _p(FR[1]), _p(FR[2])), FR[1:3], FR[:3]),
    (_led(f"{AR[0][:20]}<strong>{AR[0][20:]}</strong>", _p(AR[1]), _p(AR[2])), AR[1:], AR),
    # mostly a link, too short, a heading before the paragraph, already in the text: nothing changes
    (_led(f"<a href='/autre'>{FR[0]}</a> ", _p(FR[1]), _p(FR[2])), FR[1:3], FR[1:3]),
    (_led("Oran, le 12 mars", _p(FR[1]), _p(FR[2])), FR[1:3], FR[1:3]),
    (_led(FR[0], "<h2>Les chantiers</h2>", _p(FR[1]), _p(FR[2])), FR[1:3], FR[1:3]),
    (_led(FR[0], _p(FR[1]), _p(FR[2])), FR[:3], FR[:3]),
], ids=["fr", "ar-inline", "link", "short", "heading-first", "in-text"])
def test_text_before_the_first_paragraph(html: bytes, text: list[str], expected: list[str]) -> None:
    root = parse_html(html)
    assert with_leading_text("\n".join(text), root).split("\n") == list(expected)


def test_leading_text_of_thousands_of_br_set_blocks_at_once() -> None:
    """Every block's first paragraph goes back before its first kept line, in time that grows with the page (the
    text was compared anew for every block: 4,000 blocks took 26 s of CPU)."""
    count = 4000
    blocks = "".join(f"<div>Le conseil communal de la ville numéro {n} a voté le budget de l'année<br>Les élus de la"
                     f" commune numéro {n} ont longuement débattu des travaux de voirie prévus<br>Séance levée.</div>"
                     for n in range(count))
    root = parse_html(f"<html><body><article>{blocks}</article></body></html>".encode())
    text = "\n".join(f"Les élus de la commune numéro {n} ont longuement débattu des travaux de voirie prévus\nSéance levée."
                     for n in range(count))
    with cpu_seconds() as spent:
        lines = with_leading_text(text, root).split("\n")
    assert spent() < 3.0
    assert len(lines) == 3 * count
    assert lines[3 * 17:3 * 17 + 2] == ["Le conseil communal de la ville numéro 17 a voté le budget de l'année",
                                        "Les élus de la commune numéro 17 ont longuement débattu des travaux de voirie prévus"]


EN = (
    "The city council of Oran voted on Tuesday evening for next year's budget, which grows by eight percent.",
    "Most of the money will go to the repair of primary schools and to the drinking water network of the city.",
    "The opposition called the budget a vote-winning exercise, a few months before the local elections in spring.",
    "The mayor promised to publish every quarter how far the works paid for by the town have gone.",
)


def _rows(*rows: str, kind: str = 'div class="row text"', between: str = "<figure><img src='a.jpg'></figure>") -> bytes:
    """The article cut into rows of one template (a page builder's), a picture between each pair."""
    tag = kind.split()[0]
    body = between.join(f'<section class="block"><{kind}>{row}</{tag}></section>' for row in rows)
    return f"<html><body><h1>Budget d'Oran</h1>{body}<footer><p>{FR[3]}</p></footer></body></html>".encode()


@pytest.mark.parametrize(("html", "text", "expected"), [
    # trafilatura kept the second row: the first and third rows of the same template go back, in the page's order
    (_rows(_p(EN[0]), _p(EN[1]) + _p(EN[2]), _p(EN[3])), [EN[1], EN[2]], list(EN)),
    (_rows(_p(FR[0]) + _p(FR[1]), _p(FR[2]) + _p(FR[3])), FR[:2], list(FR)),
    (_rows(_p(AR[0]), _p(AR[1]) + _p(AR[2])), AR[1:], list(AR)),
    # rows without any class are a template too (the classes of the rows' ancestors tell them apart from the footer)
    (_rows(_p(EN[0]) + _p(EN[1]), _p(EN[2]), kind="div"), EN[:2], list(EN[:3])),
    # one paragraph kept of the template: nothing says the rows are the article's
    (_rows(_p(EN[0]), _p(EN[1]) + _p(EN[2])), [EN[0]], [EN[0]]),
    # the template's kept paragraphs are a small part of the text (a box of the page's sidebar kind): nothing goes back
    (_rows(_p("Tuesday, 12 March."), _p("Read more below."), _p(EN[2])), ["Tuesday, 12 March.", "Read more below.", *FR],
     ["Tuesday, 12 March.", "Read more below.", *FR]),
    # a paragraph left out of a row trafilatura kept stays out (a call to subscribe closing the text)
    (_rows(_p(EN[0]) + _p(EN[1]) + _p(EN[3])), EN[:2], list(EN[:2])),
    # short, mostly links, in an aside, already in the text: not put back
    (_rows(_p(EN[0]) + _p(EN[1]), _p("Photo: K. B.")), EN[:2], list(EN[:2])),
    (_rows(_p(FR[0]) + _p(FR[1]), _p(LINKED)), FR[:2], list(FR[:2])),
    (_rows(_p(EN[0]) + _p(EN[1]), f"<aside>{_p(EN[2])}</aside>"), EN[:2], list(EN[:2])),
    (_rows(_p(EN[0]) + _p(EN[1]), _p(EN[1])), EN[:2], list(EN[:2])),
    # the rows of a page builder that sets the text beside each picture in a <header>: put back like any other rows
    (_rows(_p(FR[0]), _p(FR[1]) + _p(FR[2]), _p(FR[3]), kind='header class="image-text"'), FR[1:3], list(FR)),
], ids=["en-rows", "fr-rows", "ar-rows", "no-class", "one-kept", "small-share", "same-row", "short", "links", "aside",
        "in-text", "header-rows"])
def test_split_article(html: bytes, text: list[str], expected: list[str]) -> None:
    assert with_split_article("\n".join(text), parse_html(html)).split("\n") == expected


def test_split_article_on_a_deep_page_of_many_paragraphs() -> None:
    """Each element's template is read once: 30,000 paragraphs in 3,000 rows nested 40 deep take under a second
    or two (linear in the page)."""
    depth = "".join(f'<div class="level{n}">' for n in range(40))
    rows = "".join(f'<div class="row">{"".join(_p(f"Row {n}, part {m}: {EN[0]}") for m in range(10))}</div>'
                   for n in range(3000))
    root = parse_html(f"<html><body>{depth}{rows}{'</div>' * 40}</body></html>".encode())
    text = "\n".join(f"Row 0, part {m}: {EN[0]}" for m in range(10))
    with cpu_seconds() as spent:
        lines = with_split_article(text, root).split("\n")
    assert spent() < 2.0  # 0.6-0.8 s alone; a second worker on the same two cores took it past 1 s once
    assert len(lines) == 30000


def test_split_article_in_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """The record's text holds every row of the article when trafilatura's text is one row's (as it gives on pages
    where the first content class it finds holds a line or two, and its fallback keeps the best single container)."""
    import crawler.extract.article as article

    rows = (EN[0], EN[1] + "</p><p>" + EN[2], EN[3])
    html = _rows(*map(_p, rows))
    monkeypatch.setattr(article, "extract_body", lambda tree, url: "\n".join(EN[1:3]))
    record = article.extract_article(html, "https://news.example.org/2025/03/oran-budget")
    assert isinstance(record, article.Extracted)
    assert record.text.split("\n") == list(EN)


def test_leading_text_in_inline_markup_in_the_record() -> None:
    """A block set between <br>s whose every line sits in a <span>, among an article's many paragraphs: trafilatura
    keeps the lines after the <br>s and drops the first; the record's text holds it in place."""
    from crawler.extract import Extracted
    from crawler.extract.article import extract_article

    story = [f"Part {n} of the report: the council of the town voted its budget late on Tuesday night, after a long "
             f"debate on schools, roads and water." for n in range(1, 9)]
    block = f"<div><span>{EN[0]}</span><br><span>{EN[1]}</span><br><span>{EN[2]}</span></div>"
    body = "".join(map(_p, story[:5])) + block + "".join(map(_p, story[5:]))
    html = f"<html><body><article><h1>Oran's budget</h1>{body}</article></body></html>".encode()
    record = extract_article(html, "https://news.example.org/2025/03/oran-budget")
    assert isinstance(record, Extracted)
    assert record.text.split("\n") == [*story[:5], *EN[:3], *story[5:]]
