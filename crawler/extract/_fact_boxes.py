"""Fact boxes set inside the article that trafilatura keeps in the text.

A box the page marks as a complement to the article, by its class ('fact-box', 'factbox', 'faktaboks') or by the ARIA
role of an <aside> (role="complementary", on an element trafilatura does not take for an aside): the lines it prints
go, unless they are most of the text. Tune halves, body F1: fundus 1 page fixed (.837 -> 1; .9618 -> .9631), wcxb 1
(.911 -> .912), none broken; aeb, newspaper4k, readability, trafilatura corpus unchanged. 'infobox' is no such mark:
the trafilatura corpus and wcxb label the text of some as the article's (with it, fundus 3 more pages fixed, but a
trafilatura-corpus page .8 from 1 and a wcxb page broken).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._text import clean

MAX_BOX_SHARE = 0.5  # of the text's words
_MARK = re.compile(r"(?:^|[\s_-])(?:facts?-?box|fakta(?:boks|box)?)(?:[\s_-]|$)", re.IGNORECASE)
_CANDIDATES = etree.XPath("//*[@role='complementary' or contains(@class, 'act') or contains(@class, 'akta')]")
_LINES = ("p", "li", "h2", "h3", "h4", "h5", "h6", "div", "span", "td", "strong", "b")


def without_fact_boxes(text: str, root: HtmlElement) -> str:
    """`text` without the lines printed by fact boxes (see the module)."""
    boxes = [el for el in _CANDIDATES(root) if el.get("role") == "complementary" or _MARK.search(el.get("class") or "")]
    if not boxes:
        return text
    boxed = {clean(el.text_content()) for box in boxes for el in box.iter(_LINES)}
    lines = text.split("\n")
    kept = [line for line in lines if line.removeprefix("- ") not in boxed]
    dropped_words = sum(len(line.split()) for line in lines) - sum(len(line.split()) for line in kept)
    if len(kept) == len(lines) or dropped_words > MAX_BOX_SHARE * len(text.split()):
        return text
    return "\n".join(kept)
