"""Table-driven tests of crawler/extract/_blocks.py: text set straight in a <div> between two lines of the text is
put back between them; a summary under the headline, short lines, links, asides and lines already in the text are not.
Every line here was written for these tests; `text` stands for what trafilatura kept."""

from __future__ import annotations

import pytest

from crawler.extract._blocks import with_bare_blocks
from crawler.extract._page import parse_html
from tests.support.cpu import cpu_seconds

EN = (
    "The city council of Oran voted on Tuesday evening for next year's budget, which grows by eight percent.",
    "Most of the money will go to the repair of primary schools and to the drinking water network of the city.",
    "The opposition called the budget a vote-winning exercise, a few months before the local elections in spring.",
)
FR = (
    "Le conseil municipal d'Oran a adopté mardi soir le budget de l'année prochaine, en hausse de huit pour cent.",
    "La majeure partie des crédits ira à la rénovation des écoles primaires et au réseau d'eau potable de la ville.",
)
AR = (
    "صادق المجلس البلدي لوهران مساء الثلاثاء على ميزانية السنة المقبلة التي ارتفعت بنسبة ثمانية بالمائة.",
    "وستخصص معظم الاعتمادات لترميم المدارس الابتدائية وتجديد شبكة المياه الصالحة للشرب في عدة أحياء.",
)
BOX = "A supplementary budget is the money a town adds in the course of the year to the one it voted in winter."
ASK = "Why did the council wait until the last week of the year to vote on the plan?"
ASK_FR = "Pourquoi le conseil a-t-il attendu la dernière semaine de l'année pour voter ce budget ?"
ASK_AR = "لماذا انتظر المجلس الأسبوع الأخير من السنة للتصويت على هذه الميزانية المثيرة للجدل؟"


def _page(*parts: str, around: str = "article") -> bytes:
    return f"<html><body><{around}><h1>Budget d'Oran</h1>{''.join(parts)}</{around}></body></html>".encode()


def _p(text: str) -> str:
    return f"<p>{text}</p>"


@pytest.mark.parametrize(("html", "text", "expected"), [
    # a bare division between two consecutive lines goes back between them
    (_page(_p(EN[0]), f"<div>{ASK}</div>", _p(EN[1])), EN[:2], [EN[0], ASK, EN[1]]),
    (_page(_p(FR[0]), f"<div class='question'>{ASK_FR}</div>", _p(FR[1])), list(FR), [FR[0], ASK_FR, FR[1]]),
    (_page(_p(AR[0]), f"<div>{ASK_AR}</div>", _p(AR[1])), list(AR), [AR[0], ASK_AR, AR[1]]),
    # inline markup inside; a run of two divisions goes back whole, in the page's order
    (_page(_p(EN[0]), f"<div>A <b>supplementary</b>{BOX[15:]}</div>", f"<div>{ASK}</div>", _p(EN[1]), _p(EN[2]),
           _p(FR[0]), _p(FR[1])), [*EN, *FR], [EN[0], BOX, ASK, *EN[1:], *FR]),
    # what would go back holds more than half the text's words: left out
    (_page(_p(EN[0]), f"<div>{BOX}</div>", f"<div>{ASK}</div>", _p(EN[1])), EN[:2], list(EN[:2])),
    # lines around it that are not consecutive in the text (a sidebar's division): left out
    (_page(_p(EN[0]), f"<div>{ASK}</div>", _p(EN[2])), list(EN), list(EN)),
    # a division holding a paragraph is no bare division (trafilatura reads the paragraph)
    (_page(_p(EN[0]), f"<div>{ASK}<p>{BOX}</p></div>", _p(EN[1])), EN[:2], list(EN[:2])),
    # right under the headline: a summary or a kicker, left out
    (f"<html><body><article><h1>{EN[2]}</h1><div>{ASK}</div>{_p(EN[0])}</article></body></html>".encode(),
     [EN[2], EN[0]], [EN[2], EN[0]]),
    # too short, mostly a link, in an aside, in a quote, already in the text
    (_page(_p(EN[0]), "<div>Oran, 12 March.</div>", _p(EN[1])), EN[:2], list(EN[:2])),
    (_page(_p(EN[0]), f"<div><a href='/budget'>{ASK}</a></div>", _p(EN[1])), EN[:2], list(EN[:2])),
    (_page(_p(EN[0]), f"<div>{ASK}</div>", _p(EN[1]), around="aside"), EN[:2], list(EN[:2])),
    (_page(_p(EN[0]), f"<blockquote><div>{ASK}</div></blockquote>", _p(EN[1])), EN[:2], list(EN[:2])),
    (_page(_p(EN[0]), f"<div>{EN[1]}</div>", _p(EN[1])), [EN[0], EN[1]], [EN[0], EN[1]]),
    # the text inside inline markup alone (a page builder's <span>, a bold lead-in first), or in a legacy <center>
    (_page(_p(EN[0]), f"<div><span>{ASK}</span></div>", _p(EN[1])), EN[:2], [EN[0], ASK, EN[1]]),
    (_page(_p(FR[0]), f"<div class='precision'><strong>Précision :</strong> {ASK_FR}</div>", _p(FR[1])), list(FR),
     [FR[0], f"Précision : {ASK_FR}", FR[1]]),
    (_page(_p(AR[0]), f"<div><span><em>{ASK_AR}</em></span></div>", _p(AR[1])), list(AR), [AR[0], ASK_AR, AR[1]]),
    (_page(_p(EN[0]), f"<center>{ASK}</center>", _p(EN[1])), EN[:2], [EN[0], ASK, EN[1]]),
    # a span beside a block is no bare division; a span that is mostly a link is a link
    (_page(_p(EN[0]), f"<div><span>{ASK}</span><p>{BOX}</p></div>", _p(EN[1])), EN[:2], list(EN[:2])),
    (_page(_p(EN[0]), f"<div><span><a href='/budget'>{ASK}</a></span></div>", _p(EN[1])), EN[:2], list(EN[:2])),
    # a player's or a picture's caption: the player's box or the picture inside its inline markup
    (_page(_p(EN[0]), f"<div><strong>{ASK}</strong><span><span><div class='embed'></div></span></span></div>",
           _p(EN[1])), EN[:2], list(EN[:2])),
    (_page(_p(FR[0]), f"<div><em>{ASK_FR}</em><a href='/photo'><img src='/mairie.jpg' alt=''></a></div>", _p(FR[1])),
     list(FR), list(FR)),
    (_page(_p(EN[0]), f"<div><span>{ASK}<video src='/council.mp4'></video></span></div>", _p(EN[1])), EN[:2],
     list(EN[:2])),
], ids=["en", "fr-class", "ar", "run-inline", "share", "not-consecutive", "holds-paragraph", "under-headline", "short", "link",
        "aside", "quote", "in-text", "span", "fr-lead-in", "ar-span", "center", "span-beside-block", "span-link",
        "player-inside", "fr-picture-inside", "video-inside"])
def test_bare_blocks(html: bytes, text: list[str], expected: list[str]) -> None:
    assert with_bare_blocks("\n".join(text), parse_html(html)).split("\n") == expected


@pytest.mark.parametrize("form", ["<div>{}</div>", "<div><span>{}</span></div>"], ids=["text", "span"])
def test_bare_blocks_of_a_page_of_thousands_of_divisions(form: str) -> None:
    """A page of 30,000 bare divisions in one run (each looks for its neighbours MAX_RUN siblings away at most)."""
    run = "".join(form.format(f"Line {n} of a long list of short notes about the budget of the town.") for n in range(30000))
    root = parse_html(_page(_p(EN[0]), run, _p(EN[1])))
    with cpu_seconds() as spent:
        assert with_bare_blocks("\n".join(EN[:2]), root).split("\n") == list(EN[:2])
    assert spent() < 2.0  # 0.4-0.6 s alone: the bound leaves room for a second worker on the same two cores


STORY = tuple(f"Part {n} of the report: the council of the town voted its budget late on Tuesday night, after a long "
              f"debate on schools, roads and water." for n in range(1, 9))


@pytest.mark.parametrize("block", [f"<div>{ASK}</div>", f"<div><span>{ASK}</span></div>", f"<center>{ASK}</center>"],
                         ids=["text", "span", "center"])
def test_bare_division_in_the_record(block: str) -> None:
    """trafilatura drops a bare division among an article's many paragraphs; the record's text holds it in place."""
    from crawler.extract import Extracted
    from crawler.extract.article import extract_article

    html = _page(*map(_p, STORY[:6]), block, *map(_p, STORY[6:]))
    record = extract_article(html, "https://news.example.org/2025/03/oran-budget")
    assert isinstance(record, Extracted)
    assert record.text.split("\n") == [*STORY[:6], ASK, *STORY[6:]]
