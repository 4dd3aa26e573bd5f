"""Table-driven tests of the flight-data fallback (crawler/extract/_flight.py): a page that sends its article's HTML
only in its React Server Components flight data gets its text from there; pages whose text trafilatura found, rows
without paragraphs and short rows are let be. Every line here was written for these tests."""

from __future__ import annotations

import json

import pytest

from crawler.extract import Extracted
from crawler.extract._flight import flight_html
from crawler.extract.article import extract_article
from tests.support.cpu import cpu_seconds
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, URL

FR_BODY = tuple(f"{part} {p}" for part in ("D'abord,", "Ensuite,") for p in FR_PARAGRAPHS)
AR_BODY = tuple(f"{part} {p}" for part in ("أولا،", "ثانيا،", "ثالثا،") for p in AR_PARAGRAPHS)
HEADLINE = "Une réforme fiscale pour les petits salaires"


def _row_html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f'<p class="body-p">{p}</p>' for p in paragraphs)


def _flight(row: str, chunk: int = 90) -> str:
    """The scripts of a flight payload whose row 5 is the text row `row` (its length counted in UTF-8 bytes)."""
    payload = f'1:I[7781,[],"Layout"]\n5:T{len(row.encode("utf-8")):x},{row}6:["$","div",null,{{"id":"main"}}]\n'
    pushes = [payload[i:i + chunk] for i in range(0, len(payload), chunk)]
    return "".join(f"<script>self.__next_f.push([1,{_json_string(p)}])</script>" for p in pushes)


def _json_string(value: str) -> str:
    return json.dumps(value).replace("<", "\\u003c")  # as the framework writes it: no tag inside a script


def _page(scripts: str, paragraphs: tuple[str, ...] = ()) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
            f"<main><article><h1>{HEADLINE}</h1><div id=\"body\">{body}</div></article></main>{scripts}</body></html>")


@pytest.mark.parametrize(("row", "text", "found"), [
    # a page without the article's paragraphs: the row of HTML is the article's box
    (_row_html(FR_BODY), "", True),
    (_row_html(AR_BODY), "", True),  # Arabic letters: the row's length counts UTF-8 bytes, not characters
    # a short text kept by trafilatura (a tagline): the row still wins
    (_row_html(FR_BODY), "Le quotidien des Oranais", True),
    # the text trafilatura kept is an article's length already: no look at the flight data
    (_row_html(FR_BODY), " ".join(FR_BODY), False),
    # a row without paragraphs (a script's source, a menu's labels), a row of few words: not the article
    (" ".join(FR_BODY), "", False),
    (_row_html(FR_PARAGRAPHS[:1]), "", False),
])
def test_flight_html(row: str, text: str, found: bool) -> None:
    html = flight_html(text, _page(_flight(row)))
    assert (html == row) if found else html is None


def test_a_text_row_right_after_another() -> None:
    menu, row = "<nav>Accueil Politique Sport</nav>", _row_html(FR_BODY)
    payload = f'0:T{len(menu.encode("utf-8")):x},{menu}1:T{len(row.encode("utf-8")):x},{row}'
    scripts = f"<script>self.__next_f.push([1,{_json_string(payload)}])</script>"
    assert flight_html("", _page(scripts)) == row


def test_no_flight_data_no_fallback() -> None:
    assert flight_html("", _page("<script>window.__data = {};</script>")) is None


def test_a_broken_push_loses_its_rows_only() -> None:
    row = _row_html(FR_BODY)
    scripts = '<script>self.__next_f.push([1,"\\x-broken"])</script>' + _flight(row)
    assert flight_html("", _page(scripts)) == row


@pytest.mark.parametrize("paragraphs", [FR_BODY, AR_BODY])
def test_record_text_read_from_the_flight_data(paragraphs: tuple[str, ...]) -> None:
    outcome = extract_article(_page(_flight(_row_html(paragraphs))).encode("utf-8"), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == list(paragraphs)


def test_record_text_of_the_page_itself_is_kept() -> None:
    page = _page(_flight(_row_html(AR_BODY)), FR_BODY)
    outcome = extract_article(page.encode("utf-8"), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == list(FR_BODY)


def test_flight_data_read_in_linear_time() -> None:
    scripts = "".join(f'<script>self.__next_f.push([1,"{i}:[\\"$\\",\\"span\\",null,{{}}]\\n"])</script>'
                      for i in range(30_000))
    with cpu_seconds() as spent:
        assert flight_html("", _page(scripts + _flight(_row_html(FR_BODY)))) is None  # past MAX_PUSHES
    assert spent() < 1.0
