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
`_lines.bounded_removal` has every removal read from the markup do. The boxes are found in C, each attribute looked for
on the attribute axis (``//@role[.='complementary']``: libxml2 reads each element's attribute list, where
``//*[@role='complementary' or …]`` evaluates a predicate on every element): 0.70 -> 0.34 ms a page (300 aeb, fundus
and wcxb pages, CPU). The owner element is read from each attribute in Python (``getparent()``), not by a ``/..``
step: libxml2 merges that step's results with a check for duplicates that grows with the square of their number
(32 000 boxes: 1.1 s), as does a union of the three paths (3.3 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._lines import bounded_removal
from crawler.extract._text import clean

MAX_LABELS = 20  # labels hidden from sight read a page (a page may hide one in every link of its menus)
_LABEL_CLASS_WORD = "isually"  # what every class _UNSEEN_CLASS names holds
_COMPLEMENTARY = etree.XPath("//@role[.='complementary']")
_SCOPED_WITH_STYLE = etree.XPath("//@itemscope[../@style]")
_LABEL_CLASSES = etree.XPath(f"//@class[contains(., '{_LABEL_CLASS_WORD}')]")
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# A heading that a class hides from sight: a landmark's title for screen readers that many sites' templates print
# over the article ('<h2 class="hidden">Main content</h2>' in German public-sector CMSs, Bootstrap's 'hidden' and
# 'text-hide', 'sr-only', WordPress's 'screen-reader-text'), which trafilatura keeps as the text's first line. On a
# heading only: a paragraph or a span so classed fixed no tune page (see the module), and the headings are few.
# Judged htmldate tune pages (no body label): 2 pages fixed, 0 broken.
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The class words that hide an element from sight, whatever it is: the titles leave such a heading's child out too.
HIDDEN_CLASSES = frozenset({"hidden", "invisible", "text-hide", "sr-only", "screen-reader-text", "element-invisible",
                            "offscreen", "a11y-hidden", "aural", "visually-hidden", "visuallyhidden"})
_UNSEEN_CLASS = re.compile(r"(?:^|\s)[\w-]*visually-?hidden(?:\s|$)", re.IGNORECASE)
# A heading so classed is left out here unless _UNSEEN_CLASS names the class: such labels have their own path above.
_UNSEEN_HEADING_CLASSES = frozenset(word for word in HIDDEN_CLASSES if not _UNSEEN_CLASS.search(word))


def without_set_apart_boxes(text: str, root: HtmlElement, source: str | None = None) -> str:
    """`text` without the lines printed by complementary boxes, hidden schema.org boxes and labels hidden from sight
    alone (see the module). `source`, the page's HTML, tells whether any class may hide a label (None: look)."""
    boxes, labels = _boxes_and_labels(root, source is None or _LABEL_CLASS_WORD in source)
    labels.extend(_unseen_headings(root))
    if not boxes and not labels:
        return text
    boxed = {clean(el.text_content()) for box in boxes for el in box.iter() if isinstance(el.tag, str)}
    boxed.update(clean(label.text_content()) for label in labels)
    lines = text.split("\n")
    kept = [line for line in lines if line not in boxed and line.removeprefix("- ") not in boxed]
    return text if len(kept) == len(lines) else bounded_removal(text, "\n".join(kept))


def _boxes_and_labels(root: HtmlElement, label_classes: bool) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """The complementary boxes and the hidden ones, and the first MAX_LABELS labels hidden from sight in document
    order. An element found by its role is a box; one found by its schema.org scope and style or (`label_classes`)
    by a class that holds _LABEL_CLASS_WORD is a box when its style hides it, else a label when `_unseen_label`
    says so: what a walk over the elements that have any of the three would decide (the same elements, kept once)."""
    boxes = [attribute.getparent() for attribute in _COMPLEMENTARY(root)]
    shown: list[HtmlElement] = []  # found and neither complementary nor hidden: maybe labels
    for element in _owners(_SCOPED_WITH_STYLE(root)):
        if element.get("role") != "complementary":
            (boxes if _HIDDEN.search(element.get("style") or "") else shown).append(element)
    scoped_labels = [element for element in shown if _unseen_label(element)]  # none on any page of the corpora
    labels: list[HtmlElement] = []
    if label_classes:
        for element in _owners(_LABEL_CLASSES(root)):
            if element.get("role") == "complementary" or _scoped_with_style(element):
                continue  # found above
            if _HIDDEN.search(element.get("style") or ""):
                boxes.append(element)
            elif not scoped_labels and len(labels) < MAX_LABELS and _unseen_label(element):
                labels.append(element)
            elif scoped_labels and _unseen_label(element):
                scoped_labels.append(element)
    if scoped_labels:  # the two lists merged in document order
        order = {element: index for index, element in enumerate(root.iter())}
        labels = sorted(scoped_labels, key=order.__getitem__)[:MAX_LABELS]
    return boxes, labels


def _unseen_headings(root: HtmlElement) -> list[HtmlElement]:
    """The first MAX_LABELS headings hidden from sight by a class of their own (see _UNSEEN_HEADING_CLASSES), outside
    links. The headings are found by a walk in C over the page's elements, their classes read in Python."""
    found = []
    for heading in root.iter(*_HEADINGS):
        if has_class(heading, _UNSEEN_HEADING_CLASSES) and next(heading.iterancestors("a"), None) is None:
            found.append(heading)
            if len(found) == MAX_LABELS:
                break
    return found


def has_class(element: HtmlElement, words: frozenset[str]) -> bool:
    """Whether one of `element`'s classes, case aside, is among `words` (HIDDEN_CLASSES, …)."""
    classes = element.get("class")
    return bool(classes) and not words.isdisjoint(classes.lower().split())


def _owners(attributes: list[Any]) -> Iterator[HtmlElement]:
    return (attribute.getparent() for attribute in attributes)


def _scoped_with_style(element: HtmlElement) -> bool:
    return element.get("itemscope") is not None and element.get("style") is not None


def _unseen_label(element: HtmlElement) -> bool:
    """A heading or label hidden from sight but read aloud, outside links (a skip link's 'Continue reading the main
    story', an icon's 'Facebook' are the page's controls, whose words a visible line may also print)."""
    return (element.tag != "a" and _UNSEEN_CLASS.search(element.get("class") or "") is not None
            and next(element.iterancestors("a"), None) is None)


# A box the page marks as no part of the article by its class, whose lines trafilatura keeps:
# - an author's box ('author-bio', 'about-author', 'author_detail_box', the Simple Author Box plugin's
#   'saboxplugin-wrap'), whose bio trafilatura keeps at the text's end ('X is a finance writer who …'). Tune halves,
#   body F1: wcxb 5 pages fixed (.883 -> 1 the most), 1 broken (.964 -> .961: the box's header had taken a closing pitch
#   with it, see `_body.without_author_note`); fundus 1 fixed; the other corpora unchanged.
# - an advertiser's or affiliate's disclosure ('advertiser-disclosure', 'affiliate-disclosure': 'We may be compensated
#   when you click on a link …'), over or under the text. Tune halves, body F1: wcxb 1 more page fixed (.969 -> .990)
#   and 1 better (.845 -> .869), none broken; the other corpora unchanged. Not a 'disclosure' widget's
#   panel or button (Headless UI's 'headlessui-disclosure-panel-1', an accordion's 'disclosure-panel'), which holds
#   the article's own text (a FAQ's answers).
# Of a box's size (MIN_MARKED_BOX_WORDS to MAX_MARKED_BOX_WORDS words): a byline box 'By X, 12 March' is shorter, and
# the byline goes to the authors; a theme that names the article's whole column so is longer. Its lines go as a
# complementary box's do.
MIN_MARKED_BOX_WORDS = 20
MAX_MARKED_BOX_WORDS = 200
# The boxes are the ones the page's walk over its marked elements files (`_page.Marked.boxes`, see `_page.box_class`).


def without_marked_boxes(text: str, marked: list[HtmlElement]) -> str:
    """`text` without the lines printed by a marked box alone (see MIN_MARKED_BOX_WORDS); `marked`: the page's
    `Marked.boxes`."""
    boxes = [box for box in marked if MIN_MARKED_BOX_WORDS <= len(box.text_content().split()) <= MAX_MARKED_BOX_WORDS]
    if not boxes:
        return text
    boxed = {clean(el.text_content()) for box in boxes for el in box.iter() if isinstance(el.tag, str)}
    lines = text.split("\n")
    kept = [line for line in lines if line not in boxed and line.removeprefix("- ") not in boxed]
    return text if len(kept) == len(lines) else bounded_removal(text, "\n".join(kept))

