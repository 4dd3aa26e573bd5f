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
- A label hidden from sight but read aloud (a class token that ends in 'visually-hidden' or 'visuallyhidden':
  'visually-hidden', 'u-visuallyhidden'; not 'visually-hidden--focusable', a skip link shown on focus): a heading that
  a screen reader announces ('<h2 class="visually-hidden">Article content</h2>' over every block of the text,
  'Breadcrumb', 'Release date'), which trafilatura keeps as a line. A link so hidden (a skip link's 'Continue reading
  the main story') and a label inside a link (an icon's 'Facebook') are the page's controls, left alone: a visible
  line may print the same words (a list item 'Facebook'; a readability page labels the skip link's words as text).
  Tune halves, body F1: fundus 2 pages fixed (.987 -> .988, .986 -> .991), wcxb 3 (.980 -> .988 and two by less than
  .001), none broken; the other corpora unchanged. 'sr-only' (Bootstrap) and 'screen-reader-text' (WordPress) fix no
  more tune page and cost two more class tests on every element (0.24 ms a page each): they are left out. The page's
  source is searched for 'isually' first (0.1 ms), and only the pages that hold it (one in seven) are walked with the
  class test: 0.15 ms a page more in all. At most MAX_LABELS are read a page.

A line of the text that is the whole text of an element of such a box, or of such a label, goes (a list item's too);
when those lines would be most of the text (a box that holds the article's body is the article) they stay, as
`_lines.bounded_removal` has every removal read from the markup do. The boxes are found in one walk of the page in C:
0.55 ms a page (200 aeb and fundus pages, a loaded machine, where the two rules' XPaths apart took 1.4 ms and lxml's
bare walk of every element 0.3 ms).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._lines import bounded_removal
from crawler.extract._text import clean

MAX_LABELS = 20  # labels hidden from sight read a page (a page may hide one in every link of its menus)
_LABEL_CLASS_WORD = "isually"  # what every class _UNSEEN_CLASS names holds
_BOX = "@role='complementary' or (@itemscope and @style)"
_BOXES = etree.XPath(f"//*[{_BOX}]")
_BOXES_AND_LABELS = etree.XPath(f"//*[{_BOX} or contains(@class, '{_LABEL_CLASS_WORD}')]")
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_UNSEEN_CLASS = re.compile(r"(?:^|\s)[\w-]*visually-?hidden(?:\s|$)", re.IGNORECASE)


def without_set_apart_boxes(text: str, root: HtmlElement, source: str | None = None) -> str:
    """`text` without the lines printed by complementary boxes, hidden schema.org boxes and labels hidden from sight
    alone (see the module). `source`, the page's HTML, tells whether any class may hide a label (None: look)."""
    find = _BOXES if source is not None and _LABEL_CLASS_WORD not in source else _BOXES_AND_LABELS
    boxes: list[HtmlElement] = []
    labels: list[HtmlElement] = []
    for element in find(root):
        if element.get("role") == "complementary" or _HIDDEN.search(element.get("style") or ""):
            boxes.append(element)
        elif len(labels) < MAX_LABELS and _unseen_label(element):
            labels.append(element)
    if not boxes and not labels:
        return text
    boxed = {clean(el.text_content()) for box in boxes for el in box.iter() if isinstance(el.tag, str)}
    boxed.update(clean(label.text_content()) for label in labels)
    lines = text.split("\n")
    kept = [line for line in lines if line not in boxed and line.removeprefix("- ") not in boxed]
    return text if len(kept) == len(lines) else bounded_removal(text, "\n".join(kept))


def _unseen_label(element: HtmlElement) -> bool:
    """A heading or label hidden from sight but read aloud, outside links (a skip link's 'Continue reading the main
    story', an icon's 'Facebook' are the page's controls, whose words a visible line may also print)."""
    return (element.tag != "a" and _UNSEEN_CLASS.search(element.get("class") or "") is not None
            and next(element.iterancestors("a"), None) is None)
