"""Boxes the page sets apart from the article, whose lines trafilatura keeps in the text.

- A complementary box: an element with the ARIA role of an <aside> (role="complementary") that trafilatura does not
  take for one, a fact box inside the article ('Fakta om …' and its list). Tune halves, body F1: fundus 1 page fixed
  (.837 -> 1; .9618 -> .9631), wcxb 1 (.911 -> .912), none broken; aeb, newspaper4k, readability and the
  trafilatura corpus unchanged. Class marks were tried too: 'fact-box' or 'faktaboks' fix no more page than the role
  does, and 'infobox' is no such mark (fundus 3 more pages fixed, but the trafilatura corpus and wcxb label the text
  of some info boxes as the article's: a page of the trafilatura corpus 1 -> .8, one of wcxb broken).
- A hidden schema.org box: some themes print the article's microdata a second time, hidden by its style
  (``<div style="display:none" itemscope itemtype="…/NewsArticle">``): headline, keywords, dates as ISO stamps, the
  picture's and the logo's addresses, each in an element of its own, which trafilatura keeps as lines under the
  article. Tune halves, body F1: aeb 1 page fixed (.911 -> .980; .9770 -> .9777), none broken; the other corpora
  unchanged.

A line of the text that is the whole text of an element of such a box goes (a list item's too); when those lines
would be most of the text (a box that holds the article's body is the article) they stay, as `_lines.bounded_removal`
has every removal read from the markup do. Both boxes are found in one walk of the page in C: 0.55 ms a page (200 aeb
and fundus pages, a loaded machine, where the two rules' XPaths apart took 1.4 ms and lxml's bare walk of every
element 0.3 ms).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._lines import bounded_removal
from crawler.extract._text import clean

_BOXES = etree.XPath("//*[@role='complementary' or (@itemscope and @style)]")
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def without_set_apart_boxes(text: str, root: HtmlElement) -> str:
    """`text` without the lines printed by complementary boxes and hidden schema.org boxes alone (see the module)."""
    boxes = [box for box in _BOXES(root)
             if box.get("role") == "complementary" or _HIDDEN.search(box.get("style") or "")]
    if not boxes:
        return text
    boxed = {clean(el.text_content()) for box in boxes for el in box.iter() if isinstance(el.tag, str)}
    lines = text.split("\n")
    kept = [line for line in lines if line not in boxed and line.removeprefix("- ") not in boxed]
    return text if len(kept) == len(lines) else bounded_removal(text, "\n".join(kept))
