"""Label conventions: which of a page's own headlines a corpus's title label copies, and where on the page its
author names stand, counted the same way for Khabar's answers. A miss that is a corpus's convention (the label
is og:title where Khabar keeps the <h1>, keeps the site's name, names an author the page never prints) is thus
told from a wrong pick by numbers anyone can rerun, with no page judged by hand.

Per page (`observe`, in the worker beside the scores; nothing of a page is printed):

    headlines   the page's title variants: every <h1>, og:title, every JSON-LD "headline", the <title> whole,
                the <title> less the site's part (less its first or its last part at ' | ', ' - ', ' · ', ' » ',
                ' / ' …; the <title> itself when it has no such part); compared after the scorer's
                normalisation (`scoring.norm_title`), case kept
    a title     equals one of them; else equals one but for case (a label in CSS capitals); else is elsewhere in
                the source (`scoring.in_page`'s test); else is nowhere in it
    a name      (each of `scoring.name_set`) is printed (the text of <body>, scripts, styles, templates and
                noscript left out); else is in metadata only (JSON-LD strings, <meta> contents); else elsewhere
                in the source only (another script, the <title>); else absent. Apart: it is the site's name
                (og:site_name, application-name, a JSON-LD publisher's name, the host: 'Kicker' on kicker.de)

Per corpus and half (`print_conventions`), for the labels and for Khabar on the same pages: the share of titles
equal to each variant (of the pages that have it), the four places of a title, and where the <h1> and og:title
(or the JSON-LD headline) differ but for case, which one each follows; the shares of names by place and of names
that are the site's. Then the attainable title score: Khabar's title counts as right where it equals the label,
or where the label equals one of the page's variants (case aside) and Khabar's title is one of its headlines
(<h1>, og:title, JSON-LD headline, <title> less the site's part; not a <title> that keeps a site's part, not the
site's name): what Khabar would score were each page scored against whichever of its own headlines the corpus
picks. A label found nowhere on the page is never attainable.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from lxml.etree import ParserError, strip_elements
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from bench.quality.corpora import Labels
from bench.quality.scoring import Prediction, SourceText, name_set, norm_name, norm_title
from crawler.extract._text import UNPRINTED_TAGS

H1, OG, LD, WHOLE, LESS_SITE = "<h1>", "og:title", "JSON-LD headline", "<title> whole", "<title> less site part"
VARIANTS = (H1, OG, LD, WHOLE, LESS_SITE)
HEADLINES = (H1, OG, LD, LESS_SITE)  # what a record's title may be: a <title> keeping the site's part is not
VARIANT, BUT_CASE, SOURCE, NOWHERE = "one of them", "one but for case", "elsewhere in the source", "nowhere in the source"
TITLE_PLACES = (VARIANT, BUT_CASE, SOURCE, NOWHERE)
PRINTED, METADATA, OTHER, ABSENT = ("printed in the text", "in metadata only", "elsewhere in the source only",
                                    "absent from the page")
NAME_PLACES = (PRINTED, METADATA, OTHER, ABSENT)
SITE_NAME = "the site's name"
NEITHER = "neither"

_PARSER = HTMLParser(encoding="utf-8", huge_tree=True)
_SEPARATOR = re.compile(r"\s(?:\||-|·|•|»|«|::|//|/|~)\s")  # after norm_title every dash is '-'
_LD_NODES = 5000  # a bound on the JSON-LD walked (the largest pages hold a few hundred nodes)


@dataclass(frozen=True)
class Headlines:
    """A page's title variants, each a set of normalised strings (empty where the page has none)."""

    variants: dict[str, frozenset[str]]
    site_names: frozenset[str]  # norm_name keys
    whole_has_site_part: bool

    def equal(self, title: str, fold: bool = False) -> frozenset[str]:
        """The variants `title` equals (case folded when `fold`)."""
        want = norm_title(title)
        key = want.casefold() if fold else want
        return frozenset(name for name, values in self.variants.items()
                         if key in ({v.casefold() for v in values} if fold else values))

    def differ(self, other: str) -> bool:
        """The page has an <h1> and `other`, and none of `other` is an <h1> but for case."""
        h1s, others = self.variants[H1], self.variants[other]
        return bool(h1s and others) and not {v.casefold() for v in h1s} & {v.casefold() for v in others}

    def is_site_name(self, title: str) -> bool:
        return is_site_name(title, self.site_names)


@dataclass(frozen=True)
class TitleFacts:
    place: str  # one of TITLE_PLACES
    equals: frozenset[str]  # the variants it equals, case kept
    follows: frozenset[str]  # the variants it equals, case folded
    headline: bool  # it is one of the page's headlines a record's title may be


@dataclass(frozen=True)
class Observed:
    """One page's conventions: the label's and Khabar's (None where the page has no such label)."""

    label_title: TitleFacts | None = None
    khabar_title: TitleFacts | None = None
    khabar_exact: bool = False
    present: frozenset[str] = frozenset()  # the variants the page has
    differ: frozenset[str] = frozenset()  # og:title and/or JSON-LD headline, where they differ from the <h1>
    label_names: tuple[tuple[str, bool], ...] | None = None  # (place, is the site's name) per labelled name
    khabar_names: tuple[tuple[str, bool], ...] = ()


def observe(source: str, url: str, labels: Labels, khabar: Prediction | None,
            text: SourceText | None = None) -> Observed | None:
    """The page's conventions, or None when it has neither a title nor an author label."""
    if labels.title is None and labels.authors is None:
        return None
    text = text or SourceText(source)
    root = _parse(source)
    heads = headlines(root, url)
    ours = khabar or Prediction()
    found = Observed()
    if labels.title is not None:
        found = replace(found, label_title=title_facts(labels.title, heads, text),
                        khabar_title=title_facts(ours.title, heads, text),
                        khabar_exact=norm_title(ours.title) == norm_title(labels.title),
                        present=frozenset(name for name, values in heads.variants.items() if values),
                        differ=frozenset(other for other in (OG, LD) if heads.differ(other)))
    if labels.authors is not None:
        places = NamePlaces(root, text, heads.site_names)  # last: it strips the tree of what is not printed
        found = replace(found, label_names=places.of(labels.authors), khabar_names=places.of(ours.authors))
    return found


def _parse(source: str) -> HtmlElement | None:
    try:
        return document_fromstring(source.encode("utf-8", "replace"), parser=_PARSER)
    except (ParserError, ValueError):
        return None


def headlines(root: HtmlElement | None, url: str) -> Headlines:
    if root is None:
        return Headlines({name: frozenset() for name in VARIANTS}, _host_names(url), False)
    meta = _meta(root)
    ld = list(_ld_objects(root))
    whole = _first_text(root.xpath("//head//title") or root.xpath("//title"))
    parts = _SEPARATOR.split(whole) if whole else []
    variants = {
        H1: frozenset(t for h1 in root.iter("h1") for t in _texts(h1)),
        OG: frozenset(filter(None, [norm_title(meta.get("og:title"))])),
        LD: frozenset(t for t in (norm_title(v) for o in ld for v in [o.get("headline")] if isinstance(v, str)) if t),
        WHOLE: frozenset(filter(None, [whole])),
        LESS_SITE: frozenset(filter(None, _less_site_part(whole))) if whole else frozenset(),
    }
    sites = {meta.get("og:site_name"), meta.get("application-name"), *_publisher_names(ld)}
    found = {norm_name(s) for s in sites if s} | _host_names(url)
    return Headlines(variants, frozenset(filter(None, found)), len(parts) > 1)


def _texts(element: HtmlElement) -> set[str]:
    """An element's text as a browser shows it: with or without a space where a tag breaks it."""
    return {t for t in (norm_title(element.text_content()), norm_title(" ".join(element.itertext()))) if t}


def _first_text(elements: list[Any]) -> str:
    return norm_title(elements[0].text_content()) if elements else ""


def _less_site_part(whole: str) -> tuple[str, ...]:
    found = list(_SEPARATOR.finditer(whole))
    if not found:
        return (whole,)
    return (whole[:found[-1].start()].strip(), whole[found[0].end():].strip())


def _meta(root: HtmlElement) -> dict[str, str]:
    """The first content of each <meta> key (property, name or itemprop, lower case)."""
    found: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key and key not in found and tag.get("content"):
            found[key] = tag.get("content")
    return found


def _ld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts (bounded; a script that does not parse is passed over)."""
    todo: list[Any] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower().startswith("application/ld+json"):
            try:
                todo.append(json.loads(script.text or ""))
            except (ValueError, RecursionError):
                continue
    seen = 0
    while todo and seen < _LD_NODES:
        node, seen = todo.pop(), seen + 1
        if isinstance(node, dict):
            yield node
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)


def _ld_strings(objects: Iterable[dict[str, Any]]) -> Iterator[str]:
    for node in objects:
        yield from (v for v in node.values() if isinstance(v, str))
        yield from (v for value in node.values() if isinstance(value, list) for v in value if isinstance(v, str))


def _publisher_names(objects: Iterable[dict[str, Any]]) -> Iterator[str]:
    for node in objects:
        publisher = node.get("publisher")
        for one in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(one, dict) and isinstance(one.get("name"), str):
                yield one["name"]


def _host_names(url: str) -> frozenset[str]:
    """The host as a name: 'lemonde fr' and 'lemonde' for www.lemonde.fr."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return frozenset(filter(None, {norm_name(host), norm_name(host.split(".")[0])}))


def is_site_name(value: str, sites: frozenset[str]) -> bool:
    key = norm_name(value)
    return bool(key) and (key in sites or key.replace(" ", "") in {s.replace(" ", "") for s in sites})


def title_facts(title: str | None, heads: Headlines, text: SourceText) -> TitleFacts | None:
    if not norm_title(title):
        return None
    assert title is not None
    equals, follows = heads.equal(title), heads.equal(title, fold=True)
    place = VARIANT if equals else BUT_CASE if follows else SOURCE if text.holds_title(title) else NOWHERE
    keeps_site = WHOLE in equals and heads.whole_has_site_part and not equals & {H1, LD}
    headline = bool(equals & set(HEADLINES)) and not keeps_site and not heads.is_site_name(title)
    return TitleFacts(place, equals, follows, headline)


class NamePlaces:
    """Where on the page a name stands (see the module's docs), the page read once for every name. It strips
    the tree of the elements that print nothing, once their metadata is read."""

    def __init__(self, root: HtmlElement | None, text: SourceText, sites: frozenset[str]) -> None:
        self.root, self.text, self.sites = root, text, sites

    @cached_property
    def metadata(self) -> str:
        meta = [] if self.root is None else [t.get("content") or "" for t in self.root.iter("meta")]
        strings = [] if self.root is None else list(_ld_strings(_ld_objects(self.root)))
        return f" {norm_name(' | '.join(meta + strings))} "

    @cached_property
    def printed(self) -> str:
        self.metadata  # noqa: B018 - read before the tree is stripped
        return f" {norm_name(_printed_text(self.root))} " if self.root is not None else " "

    def of(self, names: Iterable[str]) -> tuple[tuple[str, bool], ...]:
        return tuple((self.place(name), is_site_name(name, self.sites)) for name in sorted(name_set(names)))

    def place(self, name: str) -> str:
        if f" {name} " in self.printed:
            return PRINTED
        if f" {name} " in self.metadata:
            return METADATA
        return OTHER if self.text.holds_name(name) else ABSENT


def _printed_text(root: HtmlElement) -> str:
    """The text of <body> (of the page when it has none) without what prints nothing; strips `root`."""
    strip_elements(root, *UNPRINTED_TAGS, with_tail=False)
    body = root.find("body")
    return " ".join((body if body is not None else root).itertext())  # a space where blocks meet: 'Awa</p><p>Ali'



def _share(part: int, whole: int) -> str:
    return f"{part / whole:8.3f}" if whole else f"{'-':>8}"


def print_conventions(corpus: str, half: str, observed: Sequence[Observed]) -> None:
    """The label conventions of one corpus's half (see the module's docs): shares only, no page named."""
    titled = [o for o in observed if o.label_title is not None]
    authored = [o for o in observed if o.label_names is not None]
    if not titled and not authored:
        print(f"\n{corpus} · {half}: label conventions: no title or author labels")
        return
    print(f"\n{corpus} · {half}: label conventions (title labels on {len(titled)} pages, author labels on "
          f"{len(authored)})")
    if titled:
        print_title_conventions(titled)
    if authored:
        print_name_conventions(authored)


def print_title_conventions(titled: Sequence[Observed]) -> None:
    print(f"{'title equals':26} {'pages':>5} {'label':>8} {'khabar':>8}")
    for variant in VARIANTS:
        having = [o for o in titled if variant in o.present]
        label = sum(variant in _equals(o.label_title) for o in having)
        ours = sum(variant in _equals(o.khabar_title) for o in having)
        print(f"  {variant:24} {len(having):5d} {_share(label, len(having))} {_share(ours, len(having))}")
    print(f"{'title is':32} {'label':>8} {'khabar':>8}")
    for place in TITLE_PLACES:
        label = sum(o.label_title is not None and o.label_title.place == place for o in titled)
        ours = sum(o.khabar_title is not None and o.khabar_title.place == place for o in titled)
        print(f"  {place:30} {_share(label, len(titled))} {_share(ours, len(titled))}")
    for other in (OG, LD):
        differ = [o for o in titled if other in o.differ]
        if differ:
            print(f"where <h1> and {other} differ (but for case), {len(differ)} page{'s' if len(differ) != 1 else ''}, the title follows: label "
                  + _sides(Counter(_side(o.label_title, other) for o in differ), other) + "; khabar "
                  + _sides(Counter(_side(o.khabar_title, other) for o in differ), other))
    exact = sum(o.khabar_exact for o in titled)
    print(f"title exact {exact / len(titled):.3f}, attainable {sum(map(attainable, titled)) / len(titled):.3f} "
          "(Khabar's title counted right where it is one of the page's headlines and the label one of its variants)")


def _equals(facts: TitleFacts | None) -> frozenset[str]:
    return facts.equals if facts is not None else frozenset()


def _side(facts: TitleFacts | None, other: str) -> str:
    follows = facts.follows if facts is not None else frozenset()
    return H1 if H1 in follows else other if other in follows else NEITHER


def _sides(counts: Counter[str], other: str) -> str:
    return ", ".join(f"{side} {counts[side]}" for side in (H1, other, NEITHER))


def attainable(found: Observed) -> bool:
    """Khabar's title right, or one of the page's headlines where the label is one of the page's variants."""
    label, ours = found.label_title, found.khabar_title
    return found.khabar_exact or (label is not None and label.place in (VARIANT, BUT_CASE)
                                  and ours is not None and ours.headline)


def print_name_conventions(authored: Sequence[Observed]) -> None:
    labelled = [name for o in authored for name in o.label_names or ()]
    ours = [name for o in authored for name in o.khabar_names]
    print(f"{'author names':32} {'label':>8} {'khabar':>8}")
    print(f"  {'names':30} {len(labelled):8d} {len(ours):8d}")
    for place in NAME_PLACES:
        print(f"  {place:30} {_share(sum(p == place for p, _ in labelled), len(labelled))} "
              f"{_share(sum(p == place for p, _ in ours), len(ours))}")
    print(f"  {SITE_NAME:30} {_share(sum(s for _, s in labelled), len(labelled))} "
          f"{_share(sum(s for _, s in ours), len(ours))}")
    empty = [o for o in authored if not o.label_names]
    printed = sum(any(p == PRINTED for p, _ in o.khabar_names) for o in empty)
    print(f"pages labelled with no author: {len(empty)}, of which Khabar gives a name printed in the text: {printed}")
