"""The cheaper paths of the extractor give what the plain ones gave: link density from text nodes, the parser's
element classes chosen in C."""

from __future__ import annotations

import pytest
from lxml.html import FormElement, HtmlElement, InputElement

from crawler.extract._page import parse_html
from crawler.extract.article import link_density


def _by_text_content(html: str) -> float:
    """The definition: characters (whitespace left out) inside each <a>, over the body's visible characters."""
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    body = root.find("body")
    if body is None:
        return 0.0

    def chars(text: str) -> int:
        return len("".join(text.split()))

    hidden = sum(chars(el.text_content()) for el in body.iter("script", "style", "noscript", "template"))
    visible = chars("".join(body.itertext())) - hidden
    linked = sum(chars(a.text_content()) for a in body.iter("a"))
    return round(min(1.0, linked / visible), 3) if visible > 0 else 0.0


@pytest.mark.parametrize("html", [
    "<html><body><p>Le conseil municipal d'Oran a voté le budget de l'année.</p><a href='/s'>Sport</a></body></html>",
    "<html><body><p>Le conseil municipal a voté.</p><a>Sport<div><a>Culture<div><a>Oran</a></div></a></div></a>"
    "</body></html>",
    "<html><body><p>Texte\u00a0insécable\u2009et fines</p><a> lien\u3000large </a><script>var x = 1;</script>"
    "<noscript><style>p{}</style>Activez JavaScript</noscript></body></html>",
    "<html><body dir='rtl'><p>قرر المجلس البلدي الموافقة على الميزانية</p><a href='/ar'>رياضة</a></body></html>",
    "<html><body><script>var only = 'script';</script></body></html>",
    "<html><head><title>Sans corps</title></head></html>",
])
def test_link_density_matches_its_definition(html: str) -> None:
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    assert link_density(root) == _by_text_content(html)


def test_parser_gives_lxml_html_element_classes() -> None:
    root = parse_html(b"<html><body><form action='/q'><input name='q' value='Oran'></form><p>x</p></body></html>")
    assert root is not None
    form, field, paragraph = root.find(".//form"), root.find(".//input"), root.find(".//p")
    assert isinstance(form, FormElement) and form.action == "/q"
    assert isinstance(field, InputElement) and field.value == "Oran"
    assert type(paragraph) is HtmlElement and paragraph.text_content() == "x"
