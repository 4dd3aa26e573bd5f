"""Table-driven tests of the table rule (crawler/extract/_tables.py): a data table the page prints between two paragraphs
that are consecutive lines of the text goes back between them, a row a line as trafilatura writes it; a table of links
to the site, one in the navigation, a table the text holds already, one row alone or one away from the text's paragraphs
does not. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted
from crawler.extract._page import parse_html
from crawler.extract._tables import with_tables
from crawler.extract.article import extract_article
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS

FR_1, FR_2, FR_3 = FR_PARAGRAPHS
AR_1, AR_2, AR_3 = AR_PARAGRAPHS
FR_TEXT = "\n".join(FR_PARAGRAPHS)
AR_TEXT = "\n".join(AR_PARAGRAPHS)
HOST = "www.exemple.dz"
ROWS = (("Wilaya", "Écoles rénovées", "Budget"), ("Oran", "42", "1,2 Md DA"), ("Tlemcen", "17", "0,5 Md DA"))
AR_ROWS = (("الولاية", "عدد المدارس"), ("وهران", "42"), ("تلمسان", "17"))


def _table(rows: tuple[tuple[str, ...], ...], link: str | None = None) -> str:
    def cell(index: int, value: str) -> str:
        return f'<a href="{link}{index}">{value}</a>' if link is not None and index == 0 else value
    head, *body = rows
    return ("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{cell(i, v)}</td>" for i, v in enumerate(row)) + "</tr>" for row in body)
            + "</tbody></table>")


def _lines(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    return [f"| {' | '.join(row)} |" for row in rows]


@pytest.mark.parametrize(("body", "text", "expected"), [
    # between two consecutive lines of the text, in a page builder's boxes: put back there, a row a line
    (f'<p>{FR_1}</p><div class="w-embed"><style>table {{ width: 100% }}</style>{_table(ROWS)}</div><p>{FR_2}</p><p>{FR_3}</p>',
     FR_TEXT, [FR_1, *_lines(ROWS), FR_2, FR_3]),
    (f'<p>{AR_1}</p><p>{AR_2}</p><div class="scroll"><div>{_table(AR_ROWS)}</div></div><p>{AR_3}</p>', AR_TEXT,
     [AR_1, AR_2, *_lines(AR_ROWS), AR_3]),
    # names linked to other sites (the companies a table lists): still data
    (f"<p>{FR_1}</p>{_table(ROWS, link='https://autre.example.org/')}<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, *_lines(ROWS), FR_2, FR_3]),
    # mostly links to the site: a menu or other articles, left out
    (f"<p>{FR_1}</p>{_table((('À lire', ''), ('Oran : les écoles rénovées', '2'), ('Tlemcen : le nouveau budget', '3')), link='/a')}"
     f"<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    # one row, in the navigation, or away from the text's paragraphs: left out
    (f"<p>{FR_1}</p>{_table(ROWS[:1])}<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    (f"<p>{FR_1}</p><nav>{_table(ROWS)}</nav><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    (f"<p>{FR_1}</p>{_table(ROWS)}<p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    # the text holds it already: not twice
    (f"<p>{FR_1}</p>{_table(ROWS)}<p>{FR_2}</p>", "\n".join([FR_1, *_lines(ROWS), FR_2]), [FR_1, *_lines(ROWS), FR_2]),
    # a layout table (a table in its cell): not a table of data
    (f"<p>{FR_1}</p><table><tr><td>{_table(ROWS)}</td></tr></table><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     list(FR_PARAGRAPHS)),
])
def test_with_tables(body: str, text: str, expected: list[str]) -> None:
    root = parse_html(f"<html><body><div class='col'>{body}</div></body></html>".encode())
    assert with_tables(text, root, HOST).split("\n") == expected


def test_table_in_a_custom_code_box_goes_back_into_the_record() -> None:
    """trafilatura drops a box whose class names an embed with its table; the paragraphs around it stay."""
    paragraphs = "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS[1:])
    page = (f'<html lang="fr"><head><meta charset="utf-8"><title>Écoles</title></head><body><article><h1>Écoles</h1>'
            f'<p>{FR_1}</p><div class="w-embed">{_table(ROWS)}</div>{paragraphs}</article></body></html>')
    outcome = extract_article(page.encode(), f"https://{HOST}/societe/ecoles-renovees")
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == [FR_1, *_lines(ROWS), FR_2, FR_3]
