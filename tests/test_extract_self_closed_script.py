"""Table-driven tests of the self-closed <script> (crawler/extract/_page.py parse_html): a '<script …/>' opens a script in
HTML, so the code after it up to '</script>' is no text of the article, as a browser prints none of it. Every line
here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted
from crawler.extract._page import parse_html
from crawler.extract.article import extract_article
from tests.support.cpu import cpu_seconds
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, page

URL = "https://www.exemple.dz/societe/budget-oran-vote"
CODE = "(function() { var widgetState = {}; loadWidget('notes', widgetState); })();"


def _text(html: str) -> str:
    outcome = extract_article(html.encode("utf-8"), URL)
    assert isinstance(outcome, Extracted)
    return outcome.text


@pytest.mark.parametrize(("lead", "paragraphs"), [
    # written as self-closing, with or without a space, with attributes or none: the code stays out of the text
    (f'<script type="text/javascript"/>\n{CODE}\n</script>', FR_PARAGRAPHS),
    (f'<script src="/js/notes.js" />{CODE}</script>', FR_PARAGRAPHS),
    (f"<SCRIPT/>{CODE}</SCRIPT>", FR_PARAGRAPHS),
    (f'<script type="text/javascript"/>{CODE}</script>', AR_PARAGRAPHS),
    # an ordinary script: the same
    (f'<script type="text/javascript">{CODE}</script>', FR_PARAGRAPHS),
])
def test_the_code_after_a_self_closed_script_is_no_text(lead: str, paragraphs: tuple[str, ...]) -> None:
    text = _text(page(lead=lead, paragraphs=paragraphs))
    assert "loadWidget" not in text
    assert text.split("\n") == list(paragraphs)


@pytest.mark.parametrize("markup", [
    # a self-closed element of another name, and '/>' in a script's code, are left alone
    '<p>Le budget <br/>voté mardi.</p><script>if (a/>b) {}</script>',
    '<p>Le budget <img src="/a.png"/>voté mardi.</p>',
])
def test_other_self_closed_elements_are_left_alone(markup: str) -> None:
    root = parse_html(f"<html><body>{markup}</body></html>".encode())
    assert root is not None
    assert "Le budget voté mardi." in " ".join(root.text_content().split())


def test_the_search_is_linear_on_a_hostile_page() -> None:
    hostile = (b"<script a" + b"b" * 20) * 30000 + b"<script" * 50000 + b"<script " + b" " * 300000
    with cpu_seconds() as spent:
        parse_html(b"<html><body>" + hostile + b"</body></html>")
    assert spent() < 2
