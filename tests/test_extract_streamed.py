"""Table-driven tests of React's streamed parts (crawler/extract/_streamed.py): a part sent late in a hidden
`<div hidden id="S:…">` at the end of the page goes where its template holds its place, as the page's script puts it
(or by its number on a page saved without scripts); a boundary's "Loading" stand-in goes, the element after a
boundary without one stays. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted
from crawler.extract._page import parse_html
from crawler.extract._streamed import with_streamed_parts
from crawler.extract.article import extract_article
from tests.support.cpu import cpu_seconds

URL = "https://www.exemple-quotidien.dz/economie/port-de-bejaia"
FR = (
    "Le port de Béjaïa a traité cette année un volume record de conteneurs, selon les chiffres publiés lundi par "
    "la direction de l'établissement portuaire, qui évoque une hausse de près d'un quart.",
    "Les transitaires saluent la réduction des délais d'attente en rade, passés de huit jours à moins de trois "
    "depuis la mise en service des nouvelles grues au printemps dernier.",
    "La direction prévoit d'agrandir le quai sud d'ici deux ans afin d'accueillir des navires plus longs, un "
    "chantier dont le coût reste à préciser par le ministère des Transports.",
    "Les dockers, eux, demandent que les recrutements suivent la hausse du trafic et que les primes de nuit "
    "soient revues, faute de quoi ils menacent d'un arrêt de travail en janvier.",
)
AR = (
    "سجل ميناء بجاية هذه السنة حجما قياسيا من الحاويات حسب الأرقام التي نشرتها إدارة المؤسسة المينائية يوم الاثنين "
    "والتي تتحدث عن ارتفاع بنحو الربع مقارنة بالسنة الماضية.",
    "ويرحب الوكلاء بتقليص مدة انتظار السفن في عرض البحر التي انتقلت من ثمانية أيام إلى أقل من ثلاثة منذ تشغيل "
    "الرافعات الجديدة في الربيع الماضي.",
    "وتعتزم الإدارة توسيع الرصيف الجنوبي في غضون سنتين لاستقبال سفن أطول وهو مشروع لم تحدد وزارة النقل كلفته "
    "بعد بشكل نهائي.",
    "أما عمال الرصيف فيطالبون بأن تواكب التوظيفات ارتفاع الحركة وبمراجعة منح العمل الليلي وإلا فإنهم يهددون "
    "بالتوقف عن العمل في شهر جانفي.",
)
HEADLINE = "Le port de Béjaïa bat son record de conteneurs"


def _page(main: str, tail: str, lang: str = "fr") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
            f"<header><nav><a href=\"/\">Accueil</a></nav></header><main><article><h1>{HEADLINE}</h1>{main}"
            f"</article></main><footer><p>Tous droits réservés</p></footer>{tail}</body></html>").encode()


def _part(number: str, inner: str) -> str:
    return f'<div hidden id="S:{number}">{inner}</div>'


def _script(call: str) -> str:
    return f"<script>{call}</script>"


P = [f"<p>{p}</p>" for p in FR]
A = [f"<p>{p}</p>" for p in AR]
STAND_IN = "<div>Chargement de l'article…</div>"


@pytest.mark.parametrize(("main", "tail", "lang", "paragraphs"), [
    # a boundary, its stand-in, the part and the script that moves it
    (P[0] + '<template id="B:0"></template>' + STAND_IN + "<!--/$-->" + P[3],
     _part("0", P[1] + P[2]) + _script('$RC("B:0","S:0")'), "fr", FR),
    # two boundaries whose parts come in the other order, each moved by its script
    (P[0] + '<template id="B:0"></template><!--/$-->' + '<template id="B:1"></template><!--/$-->' + P[3],
     _part("5", P[2]) + _part("4", P[1]) + _script('$RC("B:1","S:5")') + _script('$RC("B:0","S:4")'), "fr", FR),
    # a page saved without its scripts: the part goes to the template of its number
    (P[0] + '<template id="B:2"></template>' + STAND_IN + "<!--/$-->" + P[3], _part("2", P[1] + P[2]), "fr", FR),
    # a part that holds a placeholder filled by another part ($RS)
    (P[0] + '<template id="B:0"></template><!--/$-->',
     _part("0", P[1] + '<template id="P:1"></template>') + _part("1", P[2] + P[3])
     + _script('$RS("S:1","P:1")') + _script('$RC("B:0","S:0")'), "fr", FR),
    # an Arabic article
    (A[0] + A[1] + '<template id="B:0"></template><!--/$-->', _part("0", A[2] + A[3]) + _script('$RC("B:0","S:0")'),
     "ar", AR),
])
def test_streamed_parts_are_read_where_the_page_shows_them(main: str, tail: str, lang: str,
                                                           paragraphs: tuple[str, ...]) -> None:
    outcome = extract_article(_page(main, tail, lang), URL)
    assert isinstance(outcome, Extracted)
    positions = [outcome.text.find(p[:60]) for p in paragraphs]
    assert all(at >= 0 for at in positions) and positions == sorted(positions)
    assert "Chargement" not in outcome.text


@pytest.mark.parametrize(("html", "moved", "kept"), [
    # no stand-in (the boundary closes right after its template): the heading after it stays
    ('<body><div><template id="B:0"></template><!--/$--><h2>Les quais</h2></div>'
     '<div hidden id="S:0"><p>Texte</p></div></body>', "Texte", "Les quais"),
    # a stand-in of few words goes
    ('<body><div><template id="B:0"></template><span>Chargement…</span><!--/$--></div>'
     '<div hidden id="S:0"><p>Texte</p></div></body>', "Texte", None),
    # a part's own leading text moves with it
    ('<body><div><b>Avant</b><template id="P:3"></template></div><div hidden id="S:3">Texte<i>fin</i></div></body>',
     "Texte", "Avant"),
])
def test_a_part_takes_its_template_s_place(html: str, moved: str, kept: str | None) -> None:
    root = parse_html(html.encode())
    assert root is not None
    streamed = with_streamed_parts(root, html)
    assert streamed is not None
    box = streamed.find(".//body/div")
    assert moved in box.text_content()
    assert not streamed.xpath("//template|//div[@hidden]")
    if kept is not None:
        assert kept in box.text_content()
    else:
        assert "Chargement" not in streamed.text_content()


@pytest.mark.parametrize("html", [
    "<body><p>Texte</p></body>",  # no streamed part
    '<body><div hidden id="Sommaire"><p>Texte</p></div></body>',  # a hidden division of another kind
])
def test_a_page_without_streamed_parts_is_let_be(html: str) -> None:
    root = parse_html(html.encode())
    assert root is not None
    assert with_streamed_parts(root, html) is None


def test_many_parts_are_moved_in_linear_time() -> None:
    count = 15_000
    main = "".join(f'<div><template id="B:{n:x}"></template><!--/$--></div>' for n in range(count))
    tail = "".join(_part(f"{n:x}", f"<p>Ligne {n}</p>") + _script(f'$RC("B:{n:x}","S:{n:x}")') for n in range(count))
    html = f"<html><body><main>{main}</main>{tail}</body></html>"
    root = parse_html(html.encode())
    assert root is not None
    with cpu_seconds() as spent:
        streamed = with_streamed_parts(root, html)
    assert streamed is not None and not streamed.xpath("//div[@hidden]")
    assert spent() < 1.5
