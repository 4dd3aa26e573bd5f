"""Table-driven tests of the list rule (crawler/extract/_lists.py): a list the page prints between two paragraphs
that are consecutive lines of the text goes back between them, an item a line; a list of links, a list in the
navigation or an aside, a list whose items the text holds already, or one away from the text's paragraphs does
not. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._lists import with_lists
from crawler.extract._page import parse_html
from tests.support.cpu import cpu_seconds
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS

FR_1, FR_2, FR_3 = FR_PARAGRAPHS
AR_1, AR_2, AR_3 = AR_PARAGRAPHS
FR_TEXT = "\n".join(FR_PARAGRAPHS)
AR_TEXT = "\n".join(AR_PARAGRAPHS)
ITEMS = ("la rénovation des écoles primaires", "le réseau d'eau potable de Sidi El Houari", "deux nouvelles lignes de bus")
AR_ITEMS = ("ترميم المدارس الابتدائية", "تجديد شبكة المياه الصالحة للشرب")


def _list(items: tuple[str, ...], tag: str = "ul", link: bool = False) -> str:
    cells = (f'<a href="/{i}">{item}</a>' if link else item for i, item in enumerate(items))
    return f"<{tag}>{''.join(f'<li>{cell}</li>' for cell in cells)}</{tag}>"


@pytest.mark.parametrize(("body", "text", "expected"), [
    # between two consecutive lines of the text: put back there, an item a line
    (f"<p>{FR_1}</p>{_list(ITEMS)}<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, *(f"- {item}" for item in ITEMS), FR_2, FR_3]),
    (f"<p>{AR_1}</p><p>{AR_2}</p>{_list(AR_ITEMS, 'ol')}<p>{AR_3}</p>", AR_TEXT,
     [AR_1, AR_2, *(f"- {item}" for item in AR_ITEMS), AR_3]),
    # items with a bold word or a short link in them are still items of the text
    (f"<p>{FR_1}</p><ul><li><b>Écoles :</b> {ITEMS[0]}</li><li>{ITEMS[1]}, <a href='/e'>détails</a></li></ul>"
     f"<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, f"- Écoles : {ITEMS[0]}", f"- {ITEMS[1]}, détails", FR_2, FR_3]),
    # a list of links (other articles, a table of contents): left out
    (f"<p>{FR_1}</p>{_list(ITEMS, link=True)}<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    # a gallery's captions, an embed's script: left out
    (f"<p>{FR_1}</p><ul><li><img src='a.jpg'>{ITEMS[0]}</li><li><img src='b.jpg'>{ITEMS[1]}</li></ul><p>{FR_2}</p>"
     f"<p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    (f"<p>{FR_1}</p><ul><li><script>chargerCarte('oran');</script></li></ul><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     list(FR_PARAGRAPHS)),
    # in the navigation or an aside: left out
    (f"<p>{FR_1}</p><nav>{_list(ITEMS)}</nav><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    (f"<p>{FR_1}</p><aside><p>{FR_2}</p>{_list(ITEMS)}<p>{FR_3}</p></aside>", FR_TEXT, list(FR_PARAGRAPHS)),
    # the paragraphs around it are not consecutive lines of the text: left out
    (f"<p>{FR_1}</p>{_list(ITEMS)}<p>{FR_3}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    # the text holds its items already: not twice
    (f"<p>{FR_1}</p>{_list(ITEMS)}<p>{FR_2}</p>", "\n".join([FR_1, *(f"- {i}" for i in ITEMS), FR_2]),
     [FR_1, *(f"- {i}" for i in ITEMS), FR_2]),
])
def test_with_lists(body: str, text: str, expected: list[str]) -> None:
    root = parse_html(f"<html><body><div class='col'>{body}</div></body></html>".encode())
    assert with_lists(text, root).split("\n") == expected


def test_lists_that_outweigh_the_text_stay_out() -> None:
    """More words in the lists than half the text's: not lists trafilatura lost, a block it left out on purpose."""
    items = tuple(f"{item}, {FR_3}" for item in ITEMS)
    root = parse_html(f"<html><body><div><p>{FR_1}</p>{_list(items)}<p>{FR_2}</p></div></body></html>".encode())
    assert with_lists(f"{FR_1}\n{FR_2}", root) == f"{FR_1}\n{FR_2}"


def test_a_list_after_thousands_of_empty_lists_goes_back_at_once() -> None:
    """Empty lists hold nothing to put back; a run of them was read list by list past all the others (2,000 took
    9 s of CPU). The list after them still goes back."""
    empty = "<ul><li> </li></ul>" * 20000
    root = parse_html(f"<html><body><article><p>{FR_1}</p>{empty}<p>{FR_2}</p><ul>{''.join(f'<li>{i}</li>' for i in ITEMS)}"
                      f"</ul><p>{FR_3}</p></article></body></html>".encode())
    with cpu_seconds() as spent:
        lines = with_lists(FR_TEXT, root).split("\n")
    assert spent() < 2.0
    assert lines == [FR_1, FR_2, *(f"- {item}" for item in ITEMS), FR_3]


# Runs of subheadings and lists between two consecutive lines of the text (with_heading_and_list_runs, through
# with_lists): the run goes back whole, in the page's order.
HEAD_1, HEAD_2 = "Les chantiers de l'année", "Ce qui reste à financer"
AR_HEAD = "المشاريع المبرمجة"
MORE = ("la piscine de quartier", "l'éclairage du front de mer")


@pytest.mark.parametrize(("body", "text", "expected"), [
    # subheading, list, subheading, list between two consecutive lines: put back whole
    (f"<p>{FR_1}</p><h3>{HEAD_1}</h3>{_list(ITEMS)}<h3>{HEAD_2}</h3>{_list(MORE, 'ol')}<p>{FR_2}</p><p>{FR_3}</p>",
     FR_TEXT, [FR_1, HEAD_1, *(f"- {i}" for i in ITEMS), HEAD_2, *(f"- {i}" for i in MORE), FR_2, FR_3]),
    # a subheading then a list, elements without text between them passed over
    (f"<p>{AR_1}</p><h2>{AR_HEAD}</h2><div></div>{_list(AR_ITEMS)}<p>{AR_2}</p><p>{AR_3}</p>", AR_TEXT,
     [AR_1, AR_HEAD, *(f"- {i}" for i in AR_ITEMS), AR_2, AR_3]),
    # a list then the subheading of the next section
    (f"<p>{FR_1}</p>{_list(ITEMS)}<h3>{HEAD_2}</h3><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     [FR_1, *(f"- {i}" for i in ITEMS), HEAD_2, FR_2, FR_3]),
    # the paragraph after the run is not the next line of the text: left out
    (f"<p>{FR_1}</p><h3>{HEAD_1}</h3>{_list(ITEMS)}<p>{FR_3}</p><p>{FR_2}</p>", FR_TEXT, list(FR_PARAGRAPHS)),
    # a list of links in the run: the whole run left out
    (f"<p>{FR_1}</p><h3>{HEAD_1}</h3>{_list(ITEMS, link=True)}<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     list(FR_PARAGRAPHS)),
    # a subheading too long for one (a teaser's sentence): left out
    (f"<p>{FR_1}</p><h3>{' '.join([FR_3] * 2)}</h3>{_list(ITEMS)}<p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     list(FR_PARAGRAPHS)),
    # in an aside: left out
    (f"<p>{FR_1}</p><aside><h3>{HEAD_1}</h3>{_list(ITEMS)}</aside><p>{FR_2}</p><p>{FR_3}</p>", FR_TEXT,
     list(FR_PARAGRAPHS)),
])
def test_runs_of_subheadings_and_lists(body: str, text: str, expected: list[str]) -> None:
    root = parse_html(f"<html><body><div>{body}</div></body></html>".encode())
    assert root is not None
    assert with_lists(text, root).split("\n") == expected


def test_a_long_run_of_subheadings_and_lists_is_read_in_linear_time() -> None:
    count = 10_000
    run = "".join(f"<h3>Partie {n}</h3><ul><li>Point {n}</li><li>Suite {n}</li></ul>" for n in range(count))
    root = parse_html(f"<html><body><div><p>{FR_1}</p>{run}<p>{FR_2}</p></div></body></html>".encode())
    assert root is not None
    with cpu_seconds() as spent:
        assert with_lists(f"{FR_1}\n{FR_2}", root) == f"{FR_1}\n{FR_2}"  # longer than a section's run: left out
    assert spent() < 1.0
