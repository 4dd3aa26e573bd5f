"""Table-driven tests of crawler/extract/_hidden_microdata.py: the lines a hidden schema.org box prints go, the
article's stay, and a hidden box that holds the article is not taken for a box of metadata. Every line here was
written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._hidden_microdata import without_hidden_microdata
from crawler.extract._page import parse_html

FR = ("Le conseil municipal d'Oran a adopté mardi soir le budget de l'année prochaine, en hausse de huit pour cent.",
      "La majeure partie des crédits ira à la rénovation des écoles primaires et au réseau d'eau potable.")
AR = ("صادق المجلس البلدي لوهران مساء الثلاثاء على ميزانية السنة المقبلة.",
      "وستخصص معظم الاعتمادات لترميم المدارس الابتدائية وتجديد شبكة المياه.")
META = ("Budget d'Oran", "budget, Oran, conseil municipal", "2026-03-10T21:05:00+01:00",
        "https://www.example.dz/images/oran-budget.jpg")


def _box(lines: tuple[str, ...], style: str = "display:none;") -> str:
    items = "".join(f'<div itemprop="p{i}">{line}</div>' for i, line in enumerate(lines))
    return f'<div style="{style}" itemscope itemtype="https://schema.org/NewsArticle">{items}</div>'


@pytest.mark.parametrize(("box", "text", "expected"), [
    # the box's headline, keywords, stamp and picture address, kept by trafilatura: they go
    (_box(META), [*FR, *META], list(FR)),
    (_box(("الميزانية", "2026-03-10T21:05:00+01:00")), [*AR, "2026-03-10T21:05:00+01:00"], list(AR)),
    # a box that is printed (no style that hides it): its lines stay
    (_box(META, style="margin:0"), [*FR, *META], [*FR, *META]),
    # a hidden box that holds the article: most of the text, it stays
    (_box((*FR, *META)), [*FR, *META], [*FR, *META]),
])
def test_without_hidden_microdata(box: str, text: list[str], expected: list[str]) -> None:
    root = parse_html(f"<html><body><article>{''.join(f'<p>{p}</p>' for p in text[:2])}{box}</article></body></html>"
                      .encode())
    assert without_hidden_microdata("\n".join(text), root).split("\n") == expected
