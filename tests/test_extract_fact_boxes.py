"""Table-driven tests of crawler/extract/_fact_boxes.py: the lines of a box marked as the article's complement go,
the article's lines stay. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._fact_boxes import without_fact_boxes
from crawler.extract._page import parse_html

FR = ("Le conseil municipal d'Oran a adopté mardi soir le budget de l'année prochaine, en hausse de huit pour cent.",
      "La majeure partie des crédits ira à la rénovation des écoles primaires et au réseau d'eau potable.",
      "L'opposition a dénoncé un budget « électoraliste », à quelques mois du scrutin local.")
AR = ("صادق المجلس البلدي لوهران مساء الثلاثاء على ميزانية السنة المقبلة.",
      "وستخصص معظم الاعتمادات لترميم المدارس الابتدائية وتجديد شبكة المياه.")
BOX = ("Le budget en chiffres", "Recettes : 12 milliards de dinars", "Dépenses : 11,5 milliards de dinars")


def _page(box: str, paragraphs: tuple[str, ...] = FR) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2]) + box + "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    return f"<html><body><article>{body}</article></body></html>".encode()


def _box(attributes: str, lines: tuple[str, ...] = BOX) -> str:
    return f"<div {attributes}><h3>{lines[0]}</h3><ul>" + "".join(f"<li>{x}</li>" for x in lines[1:]) + "</ul></div>"


@pytest.mark.parametrize(("html", "text", "expected"), [
    # a box marked by its class or by the role of an aside: its heading and its items go
    (_page(_box('class="article-fact-box"')), [*FR[:2], BOX[0], *(f"- {x}" for x in BOX[1:]), FR[2]], list(FR)),
    (_page(_box('class="faktaboks"')), [*FR[:2], BOX[0], *(f"- {x}" for x in BOX[1:]), FR[2]], list(FR)),
    (_page(_box('role="complementary"', ("أرقام الميزانية", "الإيرادات: 12 مليار دينار")), AR),
     [*AR, "أرقام الميزانية", "- الإيرادات: 12 مليار دينار"], list(AR)),
    # an info box, a box of no such mark: its lines stay
    (_page(_box('class="infobox"')), [*FR[:2], BOX[0], FR[2]], [*FR[:2], BOX[0], FR[2]]),
    (_page(_box('class="encart"')), [*FR[:2], BOX[0], FR[2]], [*FR[:2], BOX[0], FR[2]]),
    # the article itself marked so: most of the text, it stays
    (f'<html><body><div role="complementary">{"".join(f"<p>{p}</p>" for p in FR)}</div></body></html>'.encode(),
     list(FR), list(FR)),
])
def test_without_fact_boxes(html: bytes, text: list[str], expected: list[str]) -> None:
    assert without_fact_boxes("\n".join(text), parse_html(html)).split("\n") == expected
