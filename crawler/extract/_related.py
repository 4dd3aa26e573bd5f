"""Lists of other articles that trafilatura keeps in the text: a header line ("Sur le même sujet",
"ذات صلة", "More from …", "Lesen Sie auch:") and the headlines under it.

The header is a short line that is nothing but the cue (with the outlet's or the section's name after it at
most), so a sentence that starts with the same words stays. What goes with it: the list items right after
it ("- …", how trafilatura writes <li>), and, when the header opens the last block of the text, every
headline-like line (short, no sentence end) from there to the end. A subheading after a header mid-text
stays: it is followed by the article's own paragraphs.

Other articles' teasers that trafilatura keeps also go: cards of links, lists of links to the site, hover cards, and
the description of a video the page embeds printed under its player (`without_video_teasers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._hosts import site_domain
from crawler.extract._lines import MAX_REMOVED_SHARE, bounded_removal
from crawler.extract._text import clean

MAX_HEADER_WORDS = 8
MAX_HEADLINE_WORDS = 25
# cues that make a header alone (a colon or a question mark at most after them)
_ALONE = (
    r"sur\s+le\s+m[êe]me\s+(?:sujet|th[èe]me)|(?:[àa]\s+)?lire\s+(?:aussi|[ée]galement)|(?:[àa]\s+)?voir\s+aussi"
    r"|articles?\s+(?:similaires|li[ée]s|connexes|recommand[ée]s)|dans\s+la\s+m[êe]me\s+rubrique|les\s+plus\s+lus"
    r"|(?:[àa]\s+)?d[ée]couvrir\s+aussi|vous\s+aimerez\s+aussi|vous\s+pourriez\s+(?:aussi|[ée]galement)\s+aimer"
    r"|(?:ces\s+articles|cela)\s+(?:peu(?:vent|t)|pourrai(?:en)?t)\s+(?:aussi\s+|[ée]galement\s+)?vous\s+int[ée]resser"
    r"|plus\s+d['’]articles|nos\s+autres\s+articles"
    # 'Explore further' over other articles' links (aeb 1 tune page fixed; a page of the trafilatura corpus names the
    # line as not the text), and its French 'Pour aller plus loin'
    r"|explore\s+further|pour\s+aller\s+plus\s+loin"
    r"|read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:articles?|stories|posts|content|news|coverage))?"
    r"|more\s+(?:stories|articles|news)|you\s+(?:may|might)\s+also\s+like|most\s+(?:read|popular)"
    r"|recommended(?:\s+(?:for\s+you|stories|articles))?|what\s+to\s+read\s+next"
    r"|auch\s+interessant|lesen\s+sie\s+(?:auch|mehr)(?:\s+die\s+folgenden\s+beitr[äa]ge)?|schon\s+gelesen|zum\s+weiterlesen"
    r"|das\s+k[öo]nnte\s+sie\s+(?:auch\s+)?interessieren"
    r"|diese\s+(?:artikel|beitr[äa]ge)\s+k[öo]nnten\s+(?:dich|sie|euch)\s+(?:auch|ebenfalls)\s+interessieren"
    r"|passend\s+(?:dazu|zum\s+thema)|[äa]hnliche\s+(?:artikel|beitr[äa]ge)"
    r"|meistgelesen|beitr[äa]ge\s+aus\s+dem\s+forum|weitere\s+informationen|(?:pour\s+)?en\s+savoir\s+plus|more\s+information"
    r"|para\s+m[áa]s\s+informaci[óo]n|لمزيد\s+من\s+المعلومات"
    r"|(?:notas|noticias|art[íi]culos)\s+relacionad[oa]s|contenido\s+relacionado|lea\s+tambi[ée]n|vea\s+tambi[ée]n"
    r"|(?:tambi[ée]n\s+)?te\s+puede\s+interesar|lo\s+m[áa]s\s+le[íi]do|temas"
    r"|leia\s+tamb[ée]m|veja\s+tamb[ée]m|not[íi]cias\s+relacionadas|mais\s+lidas|leggi\s+anche|articoli\s+correlati"
    r"|czytaj\s+(?:te[żz]|tak[żz]e)|zobacz\s+(?:te[żz]|tak[żz]e)"
    r"|(?:ا|إ)قر(?:أ|ا)\s+(?:أيضا|أيضاً|ايضا|المزيد)|(?:مواضيع|أخبار|اخبار|مقالات)\s+ذات\s+صلة|ذات\s+صلة"
    r"|الأكثر\s+(?:قراءة|مشاهدة)|قد\s+(?:يهمك|يعجبك)(?:\s+(?:أيضا|أيضاً|ايضا))?"
)
# cues that the outlet's or the section's name may follow ("More from Le Monde", "Mehr zum Thema auf …")
_NAMED = (
    r"more\s+(?:must-reads\s+)?from|(?:plus|davantage)\s+de\s+contenus?|mehr\s+zum\s+thema"
    r"|weitere\s+(?:beitr[äa]ge|artikel|aktuelle\s+themen|nachrichten|meldungen|tourentipps)\s+(?:aus|zum|zu|in|von)"
    r"|top-themen\s+(?:bei|von|aus)|m[áa]s\s+sobre|المزيد\s+من"
    r"|most\s+(?:read|popular|viewed)\s+in"  # 'Most read in Sport' (fundus 1 tune page fixed, none broken)
    r"|weitere\s+informationen\s+(?:zu[mr]?|über)"  # 'Weitere Informationen zum Thema X:' over its links (see the commit)
)
_HEADER = re.compile(rf"^\W{{0,3}}(?:(?:{_ALONE})\W*$|(?:{_NAMED})(?!\w))", re.IGNORECASE)
# How trafilatura writes a table's row: '| cell | cell |'. A 'Pour en savoir plus' subheading over a table of figures
# took the table with it to the end of the text, as the last block of headlines (a synthetic page: F1 .74,
# trafilatura .95); no tune page of the seven corpora changes.
TABLE_ROW = "| "
_INNER_SENTENCE_END = re.compile(r"[.!?؟]\s+\S")  # a sentence ends and another starts
_SENTENCE_END = (".", "!", "…", "»", '"', "”", ")")


def is_related_header(line: str) -> bool:
    """A short line that only announces other articles ('Sur le même sujet', 'More from Le Monde :')."""
    stripped = line.strip()
    return (bool(_HEADER.match(stripped)) and len(stripped.split()) <= MAX_HEADER_WORDS
            and not stripped.endswith((".", "!", "…")))


def _headline_like(line: str) -> bool:
    if line.startswith(TABLE_ROW):
        return False  # a list of headlines is never a table: a table under 'En savoir plus' is the article's data
    if line.startswith("- "):
        return not _prose_item(line)
    return len(line.split()) <= MAX_HEADLINE_WORDS and not line.rstrip().endswith(_SENTENCE_END)


def _prose_item(line: str) -> bool:
    """A list item of several sentences and more words than a headline: a point of the text, not a link."""
    return len(line.split()) > MAX_HEADLINE_WORDS and bool(_INNER_SENTENCE_END.search(line.rstrip()))


# A 'for more information' header over a list of the article's own (addresses, figures, steps), not of links to other
# pages: the page prints every item of the list right after the header as an <li> that holds no link, and the header
# and its list stay. A synthetic page lost its closing list of practical information (body F1 .80, trafilatura .99);
# the cues that announce other articles ('Lire aussi', 'Sur le même sujet') keep their lists going whatever the
# markup. No tune page of the seven corpora changes.
_INFORMATION = re.compile(
    r"^\W{0,3}(?:(?:pour\s+)?en\s+savoir\s+plus|pour\s+aller\s+plus\s+loin|weitere\s+informationen|more\s+information"
    r"|para\s+m[áa]s\s+informaci[óo]n|لمزيد\s+من\s+المعلومات)\W*$",
    re.IGNORECASE,
)


# What the headers take with them is a few headlines: when it would be most of the text's words (more than
# _lines.MAX_REMOVED_SHARE), the header opened the article's own section of short lines (a 'Temas' or 'More
# information' subheading over a gallery's captions, addresses, a list of dates) and every line stays, as the removals
# read from the markup do. A synthetic brief lost its four closing lines of practical information, paragraphs under
# 'En savoir plus' (body F1 .51, trafilatura .93). On the tune halves of the eight corpora the headers take .11 of a
# text at most (a list of links under a page of the trafilatura corpus): no tune page changes.
def drop_related(lines: list[str], root: HtmlElement | None = None) -> list[str]:
    """`lines` without the related-articles headers and their lists; with the page's tree `root`, a 'for more
    information' header over a list the page prints without links stays (see _INFORMATION). Lines whose removal would
    take most of the text's words stay (see above)."""
    kept = _without_related(lines, root)
    if len(kept) == len(lines) or _words(kept) >= (1 - MAX_REMOVED_SHARE) * _words(lines):
        return kept
    return lines


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _without_related(lines: list[str], root: HtmlElement | None) -> list[str]:
    kept: list[str] = []
    plain_items: set[str] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if not is_related_header(line):
            kept.append(line)
            index += 1
            continue
        if root is not None and _INFORMATION.match(line.strip()):
            items = _items_after(lines, index)
            if items:
                if plain_items is None:
                    plain_items = _unlinked_items(root)
                if all(item in plain_items for item in items):
                    kept.extend(lines[index:index + 1 + len(items)])
                    index += 1 + len(items)
                    continue
        rest = lines[index + 1:]
        if all(_headline_like(item) for item in rest):
            break  # the last block of the text: the header and its headlines to the end
        index += 1
        while index < len(lines) and lines[index].startswith("- ") and not _prose_item(lines[index]):
            index += 1
    return kept


def _items_after(lines: list[str], header: int) -> list[str]:
    """The texts of the list items ('- …' lines) right after the header line at `header`."""
    items = []
    for line in lines[header + 1:]:
        if not line.startswith("- "):
            break
        items.append(line[2:].strip())
    return items


def _unlinked_items(root: HtmlElement) -> set[str]:
    """The texts of the page's list items that hold no link."""
    return {clean(li.text_content()) for li in root.iter("li") if next(li.iter("a"), None) is None}


# Headlines of other articles set in the text as links and shouted: in capitals ('CLICK HERE TO GET THE APP',
# 'DANCING WITH THE STARS: X OPENS UP ABOUT …') or tagged with a capitalised label in brackets ('China furious at
# Macron [INSIGHT]'). The page must print the line as a link (the link's text, or a paragraph mostly of links): a
# subheading in capitals stays. Tune halves, body F1: aeb 5 pages fixed, 1 broken; fundus 1 fixed; readability,
# newspaper4k and trafilatura corpora unchanged.
MIN_SHOUTED_LETTERS = 12
MIN_TAGGED_WORDS = 3
MIN_PARAGRAPH_LINK_SHARE = 0.6
_BRACKET_TAG = re.compile(r"\s\[[A-Z]{3,}\]\W*$")


def is_shouted(line: str) -> bool:
    """A line in capitals (MIN_SHOUTED_LETTERS capitals or more), or a few words closed by a '[LABEL]' tag."""
    if "[" in line and _BRACKET_TAG.search(line):
        return len(line.split()) > MIN_TAGGED_WORDS
    # str.isupper() in C first: a paragraph of the article is passed over without a look at each character. The
    # capitals are what is counted, not the letters: a Japanese or Arabic paragraph whose only Latin letters are an
    # acronym ('ID', 'FIFA') is upper case to str.isupper(), its own letters uncased, and a linked one went as a
    # shouted headline (postlight tune half: two paragraphs of a Japanese article put back, the scores unchanged)
    return line.isupper() and sum(c.isupper() for c in line) >= MIN_SHOUTED_LETTERS


def without_shouted_links(text: str, root: HtmlElement) -> str:
    """`text` without the shouted lines that the page prints as links (see is_shouted)."""
    lines = text.split("\n")
    shouted = {line for line in lines if is_shouted(line)}
    if not shouted:
        return text
    linked = {line for line in (_linked_text(link, shouted) for link in root.iter("a") if not _names_own_text(link))
              if line in shouted}
    return bounded_removal(text, "\n".join(line for line in lines if line not in linked))


def _names_own_text(link: HtmlElement) -> bool:
    """A link that names the article's own text, not another article: an anchor in the page (a table of contents
    lists the subheadings), or a subheading set as a link (a listicle's 'CANON EOS R6 MARK II' to the shop)."""
    return (link.get("href") or "").startswith("#") or next(link.iterancestors(*_SUBHEADINGS), None) is not None


def _linked_text(link: HtmlElement, shouted: set[str]) -> str:
    """The link's text, or that of the paragraph around it when links make most of it (read only for a link
    whose text is part of a shouted line)."""
    own = clean(link.text_content())
    parent = link.getparent()
    if not own or own in shouted or parent is None or parent.tag not in _LINK_PARAGRAPHS:
        return own
    if not any(own in line for line in shouted):
        return own
    whole = clean(parent.text_content())
    if whole == own:
        return own
    linked = sum(len(a.text_content()) for a in parent.iter("a"))
    if linked < MIN_PARAGRAPH_LINK_SHARE * len(whole):
        return own
    # a paragraph of links set one a line ('<a>X</a> [INSIGHT]<br><a>Y</a> [VIDEO]'): the shouted line of this link
    return whole if whole in shouted else next((line for line in shouted if line.startswith(own)), own)


_LINK_PARAGRAPHS = frozenset({"p", "li", "h2", "h3", "h4", "strong", "b", "div"})
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")


# Teaser cards of other articles that trafilatura keeps: a link that wraps a heading and a paragraph (the other
# article's headline and summary). The summary's line goes when the page holds MIN_TEASER_CARDS such cards or more
# and does not print the same text in a paragraph or heading outside a link too (a card of the article itself, in
# a carousel of similar articles, repeats its standfirst). Tune halves, body F1: fundus 1 page fixed (.657 -> .982), 0 broken;
# aeb, newspaper4k, readability, trafilatura corpus unchanged.
#
# A card is a link of MAX_CARD_WORDS words at most, and the page holds MIN_TEASER_CARDS such links or more: a link left
# open by the page's markup ('<a href="/economie">Économie' with no '</a>') wraps everything after it, the article's
# headings and paragraphs too, and read as cards it took the whole article out of the text (a synthetic page: F1 0,
# trafilatura .93). The longest card on the tune halves of the seven corpora holds 144 words (a card that prints the
# other article's first paragraph); no tune page changes.
#
# A text whose lines are mostly the cards' own (their headlines and summaries: more than MAX_CARD_LINE_SHARE of its
# lines) is a listing of cards, and they are its content: it stays whole. The cards' share of the lines is 1.0 on the
# wcxb listing the rule stripped (tune half, body F1 .027 -> .971), .32 at most on the 12 other pages of the eight
# corpora where it removes lines (fundus's .17).
MIN_TEASER_CARDS = 2
MAX_CARD_WORDS = 200
MAX_CARD_LINE_SHARE = 0.5
_LINKED_PARAGRAPHS = etree.XPath("//p[ancestor::a]")  # in C, one step (see _HOVER_CARDS); a test of every link: 0.8 ms
_CARD_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def without_teaser_cards(text: str, root: HtmlElement) -> str:
    """`text` without the summaries of teaser cards (see MIN_TEASER_CARDS)."""
    links: dict[HtmlElement, bool] = {}
    cards = set()
    for p in _LINKED_PARAGRAPHS(root):
        link = next(p.iterancestors("a"))
        if link not in links:
            links[link] = _card(link)
        if links[link]:
            cards.add(clean(p.text_content()))
    if sum(links.values()) < MIN_TEASER_CARDS:
        return text
    lines = text.split("\n")
    teasers = {line for line in lines if line in cards}
    if not teasers or _mostly_cards(lines, [link for link, card in links.items() if card]):
        return text
    teasers -= {line for line in map(clean, _unlinked_paragraphs(root)) if line in teasers}
    kept = [line for line in lines if line not in teasers]
    return "\n".join(kept) if kept else text


def _card(link: HtmlElement) -> bool:
    """A link around a heading, of card size (see MAX_CARD_WORDS)."""
    return (next(link.iterdescendants(*_CARD_HEADINGS), None) is not None
            and len(link.text_content().split()) <= MAX_CARD_WORDS)


def _mostly_cards(lines: list[str], cards: Iterable[HtmlElement]) -> bool:
    """The cards' headlines and summaries make more than MAX_CARD_LINE_SHARE of the text's lines: a listing."""
    printed = {clean(el.text_content()) for link in cards for el in link.iter("p", *_CARD_HEADINGS)}
    return sum(line in printed for line in lines) > MAX_CARD_LINE_SHARE * len(lines)


def _unlinked_paragraphs(root: HtmlElement) -> Iterator[str]:
    for p in root.iter("p", *_CARD_HEADINGS):
        if next(p.iterancestors("a"), None) is None:
            yield p.text_content()


# A teaser card's headline: a link to another page of the site (`to_site`) that wraps a heading ('<a href="/x"><h3>Other
# headline</h3></a>'), set among the article's paragraphs; trafilatura keeps the heading as a line of the text (the
# cards' summaries go in without_teaser_cards). A heading with a link inside it ('<h3><a>…</a></h3>') stays, as does a
# card linked to another site (a guide's product headings link to the shops), an anchor on the page ('#faq-1') and a
# heading the page also prints outside a link. A text whose lines are mostly such headlines is a listing: it stays.
# Tune halves, body F1: fundus 3 pages fixed, wcxb 2, none broken; see the commit for the other corpora.
_CARD_HEADLINES = ("h2", "h3", "h4", "h5", "h6")


def without_card_headlines(text: str, root: HtmlElement, host: str) -> str:
    """`text` without the headlines of teaser cards that link to the site's other pages (see _CARD_HEADLINES)."""
    lines = text.split("\n")
    printed = set(lines)
    headlines = {line for heading in root.iter(*_CARD_HEADLINES)
                 if (line := _card_headline(heading, host)) and line in printed}
    if not headlines:
        return text
    headlines -= {line for line in map(clean, _unlinked_paragraphs(root)) if line in headlines}
    kept = [line for line in lines if line not in headlines]
    if len(kept) == len(lines) or len(lines) - len(kept) > MAX_CARD_LINE_SHARE * len(lines):
        return text
    return bounded_removal(text, "\n".join(kept))


def _card_headline(heading: HtmlElement, host: str) -> str:
    """The heading's text when a link to another page of the site wraps it, else ''."""
    link = next(heading.iterancestors("a"), None)
    if link is None or not to_site(link.get("href") or "", host):
        return ""
    return clean(heading.text_content())


# Lists of other articles set in the text with no header before them, which trafilatura keeps as '- …' lines: every
# item of the list is one link, to a page of the same site (`_hosts.site_domain`: 'www.elwatan.com' and
# 'sport.elwatan.com' are one site), whose text is a headline of MIN_LINKED_WORDS words or more and at least half the
# item's (a short label before it at most: '« Quote » : <a>Headline</a>'); all the list's items are lines of the
# text. A list of links to other sites (sources, references) stays. Tune halves, body F1: aeb 1 page fixed (.982 ->
# 1), fundus 3 (.9611 -> .9618), trafilatura corpus 1 (.857 -> 1), none broken; newspaper4k and readability unchanged;
# wcxb 3 fixed, 4 broken (.9380 -> .9381: guides whose labels keep the lists of the site's other guides they announce,
# -.009 at most).
MIN_LINK_LIST_ITEMS = 2
MIN_LINKED_WORDS = 3
MAX_ITEM_WORDS = 25
# A breadcrumb trail set as a list in the article's box goes the same way: its first item links to the site's home
# page ('/', the host's root), every other item but the last is one link to the site (a section), and the last
# names the page itself (a link or none); trafilatura keeps its items as the text's first '- …' lines. Tune halves,
# body F1: fundus 1 page fixed (.961 -> .996), wcxb 1 broken (.004 -> 0, a product page read wrong anyway); the other
# corpora unchanged.
MIN_TRAIL_ITEMS = 3


def without_link_lists(text: str, root: HtmlElement, host: str) -> str:
    """`text` without the lists of links to the site's other articles (see MIN_LINK_LIST_ITEMS)."""
    if "\n- " not in f"\n{text}":
        return text
    lines = text.split("\n")
    items = {line for line in lines if line.startswith("- ")}
    dropped: set[str] = set()
    for listing in root.iter("ul", "ol"):
        first = next(listing.iterchildren("li"), None)  # a menu's first item is no line of the text: passed over
        if first is None or f"- {clean(first.text_content())}" not in items:
            continue
        listed = _link_list(listing, host) or _trail(listing, host)
        if listed and all(f"- {item}" in items for item in listed):
            dropped.update(f"- {item}" for item in listed)
    if not dropped:
        return text
    return bounded_removal(text, "\n".join(line for line in lines if line not in dropped))


def _link_list(listing: HtmlElement, host: str) -> list[str]:
    texts = []
    for item in listing.iterchildren("li"):
        links = list(item.iter("a"))
        if len(links) != 1 or not to_site(links[0].get("href") or "", host):
            return []
        whole, linked = clean(item.text_content()), clean(links[0].text_content())
        words = len(whole.split())
        if words > MAX_ITEM_WORDS or len(linked.split()) < MIN_LINKED_WORDS or len(linked) * 2 < len(whole):
            return []
        texts.append(whole)
    return texts if len(texts) >= MIN_LINK_LIST_ITEMS else []


def _trail(listing: HtmlElement, host: str) -> list[str]:
    """The items of a breadcrumb trail (see MIN_TRAIL_ITEMS), or [] when `listing` is not one."""
    items = list(listing.iterchildren("li"))
    if len(items) < MIN_TRAIL_ITEMS:
        return []
    texts = []
    for index, item in enumerate(items):
        links = [link.get("href") or "" for link in item.iter("a")]
        last = index == len(items) - 1
        if len(links) > 1 or (not links and not last) or (links and not to_site(links[0], host)):
            return []
        if index == 0 and not _home(links[0]):
            return []
        whole = clean(item.text_content())
        if not whole or len(whole.split()) > MAX_ITEM_WORDS:
            return []
        texts.append(whole)
    return texts


def _home(href: str) -> bool:
    """`href` (a link to the site) leads to its home page."""
    try:
        return urlsplit(href.strip()).path in ("", "/")
    except ValueError:
        return False


def to_site(href: str, host: str) -> bool:
    href = href.strip()
    if href.startswith("#") or not href or href.startswith(("mailto:", "javascript:")):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:  # 'http://[broken': no address, so no page of the site
        return False
    return not parts.netloc or site_domain(parts.hostname or "") == site_domain(host)


# Hover cards: a box set inside a paragraph's sentence, shown when the pointer is over a name, with the person's
# picture and links to the latest articles about them ('Rep. <span>Karim Benali<span><img><a>Karim Benali</a><a>Other
# headline</a> …</span></span> said'). trafilatura keeps the box's text inside the sentence; it goes from the line that
# holds it. The card is the innermost <span> inside a <p> that holds a picture and HOVER_CARD_LINKS links or more. Tune
# halves, body F1: aeb 1 page fixed (.873 -> 1), none broken; no other tune page of the six corpora has such a card.
HOVER_CARD_LINKS = 2
# More such spans than this on a page are its content (a directory of people, a gallery of profiles), not cards over
# a few names: the page keeps them (the most on a page of the eight corpora is 2). The bound also keeps the removal,
# which reads every line for every card, from growing with the square of a hostile page's size.
MAX_HOVER_CARDS = 20
# one step over the spans, each asked for a paragraph above it: libxml2 merges the node sets of '//p//span' with a
# check for duplicates that grows with the square of their size (8,000 paragraphs: 3.2 s, here 8 ms)
_HOVER_CARDS = etree.XPath(f"//span[ancestor::p][.//img][count(.//a) >= {HOVER_CARD_LINKS}]"
                           f"[not(.//span[.//img][count(.//a) >= {HOVER_CARD_LINKS}])]")


def without_hover_cards(text: str, root: HtmlElement) -> str:
    """`text` without the text of the hover cards set inside its lines (see HOVER_CARD_LINKS)."""
    cards = list(dict.fromkeys(card for card in map(clean, (el.text_content() for el in _HOVER_CARDS(root))) if card))
    if not cards or len(cards) > MAX_HOVER_CARDS:
        return text
    lines = text.split("\n")
    for card in cards:
        lines = [" ".join(line.replace(card, " ").split()) if card in line and card != line else line for line in lines]
    return bounded_removal(text, "\n".join(line for line in lines if line))


# An embedded video's teaser: the description of a video that the JSON-LD of an article's page describes beside the
# article (a player the page embeds in the text, its description, date and length printed under it: 'Neben Raketen und
# Drohnen … 21.04.2024 | 3:18 min'), printed as a line of the text. The page's own description is no such teaser (an
# article whose video carries its standfirst). Tune halves, body F1: fundus 1 page fixed (.817 -> .915), none broken;
# the other corpora unchanged. Cost: 0.003 ms a page (the JSON-LD is read already).
MIN_VIDEO_TEASER_WORDS = 8
VIDEO_PROBE_CHARS = 60
MAX_VIDEO_TEASERS = 50  # the videos read a page: each line is compared with each (500 JSON-LD nodes a page at most)


def without_video_teasers(text: str, videos: list[str], description: str | None) -> str:
    """`text` without the lines that open with the description of a video the page embeds (see above), unless they
    would be most of the text."""
    own = (description or "")[:VIDEO_PROBE_CHARS]
    teasers = tuple(video for video in videos[:MAX_VIDEO_TEASERS]
                    if len(video.split()) >= MIN_VIDEO_TEASER_WORDS and video[:VIDEO_PROBE_CHARS] != own)
    if not teasers:
        return text
    lines = text.split("\n")
    kept = [line for line in lines if not line.startswith(teasers)]
    return text if len(kept) == len(lines) else bounded_removal(text, "\n".join(kept))
