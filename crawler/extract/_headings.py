"""The subheadings that trafilatura leaves out of the text.

On a page whose article sits in no container trafilatura recognises (no <article>, no <main>, no 'content' class:
plain <div>s, or a layout table made into divisions), trafilatura keeps the paragraphs and drops the <h2>-<h6>
between them. A subheading is put back where the page prints it: between the two paragraphs around it, when
these are consecutive lines of the text. It is at most `MAX_WORDS` words, not a line the text holds already, not a
byline ('Von Karim Benali, Oran'), a prompt or a related-articles header; a heading whose paragraphs are not both in
the text (a sidebar's, a teaser's) stays out.

Tune halves of bench/real_quality.py, body F1: readability 2 pages fixed (0.9729 -> 0.9732), fundus 2 (0.9520 ->
0.9524), none broken; the trafilatura corpus's snippets, aeb and newspaper4k unchanged (4 trafilatura-corpus pages
get their subheadings back, which no snippet names). 0.06 ms a heavy page, most of it the walk to the headings.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extract._authors import looks_like_byline
from crawler.extract._cleanup import is_prompt
from crawler.extract._lines import sibling_text
from crawler.extract._related import is_related_header
from crawler.extract._text import clean

MAX_WORDS = 25  # the longest subheading put back on the tune pages has 15 words
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def with_headings(text: str, root: HtmlElement) -> str:
    """`text` with the subheadings printed between two of its consecutive lines put back between them."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    position = {line: index for index, line in enumerate(lines)}
    after: dict[int, str] = {}
    for heading in root.iter(_HEADINGS):
        line = clean(heading.text_content())
        if not line or line in position:
            continue
        before = position.get(sibling_text(heading, previous=True))
        if before is not None and position.get(sibling_text(heading, previous=False)) == before + 1 \
                and subheading(line):
            after.setdefault(before, line)
    if not after:
        return text
    return "\n".join(part for index, line in enumerate(lines)
                     for part in ((line, after[index]) if index in after else (line,)))


def subheading(line: str) -> bool:
    return (len(line.split()) <= MAX_WORDS and looks_like_byline(line) is None and not is_prompt(line)
            and not is_related_header(line))

