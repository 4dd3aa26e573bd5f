"""Apply an outlet's catalog selectors to the parsed page (see `crawler.extract.hints`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._text import clean
from crawler.extract.hints import Selectors, compiled

MAX_BYLINES = 5
MAX_TEXT = 300


@dataclass
class SelectorFinds:
    """What the selectors found; None/empty where a selector is absent or matched nothing."""

    title: str | None = None
    bylines: list[str] = field(default_factory=list)
    date: str | None = None
    body: HtmlElement | None = None
    warnings: list[str] = field(default_factory=list)


def find(root: HtmlElement, selectors: Selectors | None) -> SelectorFinds:
    finds = SelectorFinds()
    if selectors is None:
        return finds
    for key, css in selectors.items():
        if key == "exclude":
            continue
        elements = _select(root, css)
        if not elements:
            finds.warnings.append(f"selectors: {key} {css!r} matched nothing; generic rules used")
            continue
        _file(finds, key, elements)
    return finds


def _file(finds: SelectorFinds, key: str, elements: list[HtmlElement]) -> None:
    if key == "title":
        finds.title = clean(elements[0].text_content())[:MAX_TEXT] or None
    elif key == "byline":
        finds.bylines = [text for text in (clean(e.text_content())[:MAX_TEXT] for e in elements[:MAX_BYLINES]) if text]
    elif key == "date":
        first = elements[0]
        finds.date = clean(first.get("datetime") or first.get("content") or first.text_content())[:MAX_TEXT] or None
    elif key == "body":
        finds.body = elements[0]


def drop_excluded(root: HtmlElement, selectors: Selectors | None) -> int:
    """Remove the ``exclude`` elements from the tree (after metadata was read); returns how many."""
    if selectors is None or not selectors.exclude:
        return 0
    removed = 0
    for element in _select(root, selectors.exclude):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
            removed += 1
    return removed


def _select(root: HtmlElement, css: str) -> list[HtmlElement]:
    try:
        found = compiled(css)(root)
    except etree.XPathEvalError:
        return []
    return [e for e in found if isinstance(e, HtmlElement)] if isinstance(found, list) else []
