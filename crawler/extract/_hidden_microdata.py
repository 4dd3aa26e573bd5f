"""The lines of a hidden schema.org box that trafilatura keeps in the text.

Some themes print the article's microdata a second time in a box of its own, hidden by its style
(``<div style="display:none" itemscope itemtype="…/NewsArticle">``): its headline, keywords, dates as ISO stamps, the
picture's and the logo's addresses, the publisher's name, each in an element of its own. trafilatura keeps them as
lines under the article. A line of the text that is the whole text of an element of such a box goes, unless those lines
would be most of the text (a box that holds the article's body is the article). Tune halves, body F1: aeb 1 page fixed
(.911 -> .98), none broken; the other corpora unchanged (no such box around a line of their texts).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._text import clean

MAX_HIDDEN_SHARE = 0.5  # of the text's words
_BOXES = etree.XPath("//*[@itemscope][@style]")  # in C: a page without such a box costs one walk
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def without_hidden_microdata(text: str, root: HtmlElement) -> str:
    """`text` without the lines printed by a hidden microdata box alone (see the module)."""
    boxes = [box for box in _BOXES(root) if _HIDDEN.search(box.get("style") or "")]
    if not boxes:
        return text
    hidden = {clean(el.text_content()) for box in boxes for el in box.iter() if isinstance(el.tag, str)}
    lines = text.split("\n")
    kept = [line for line in lines if line not in hidden]
    dropped_words = sum(len(line.split()) for line in lines) - sum(len(line.split()) for line in kept)
    if len(kept) == len(lines) or dropped_words > MAX_HIDDEN_SHARE * len(text.split()):
        return text
    return "\n".join(kept)
