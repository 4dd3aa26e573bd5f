"""The site's name where no tag gives it: the last segment of ``<title>``, when the page itself prints it as its name.

Many outlets of the Maghreb and Sahel press give no og:site_name and spell their name unlike their domain
('Titre | Le Messager du Khasso' on infos-kayes.com, 'عنوان الخبر - موقع الأنباء' on a domain in Latin letters), so
the title rules cannot tell the name from a headline's last words. The page shows it elsewhere, as a name: the alt
text of its logo (an image in a link to the home page or in the page's <header>, or one that says it is the logo),
the title of a link to the home page, the copyright line ('© 2025 Le Messager du Khasso', 'جميع الحقوق محفوظة ©
موقع الأنباء'). A last segment printed in one of these ways is the site's name, and is cut as og:site_name is. A
segment the page prints nowhere in these roles stays ('Titre | Un reportage au long cours'), and so does a first
segment: pages print their headline in a logo-like image or a copyright line as often as their name (measured on the
tune halves: 5 titles broken, none fixed, when first segments were read too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract._text import alnum

MIN_KEY = 4  # letters and digits: a shorter segment ('Mali', 'RFI' are kept by their own rules) proves too little
COPYRIGHT_BEFORE, COPYRIGHT_AFTER = 120, 200  # characters of HTML read around a copyright sign
MAX_COPYRIGHTS = 4  # the last ones: the footer's
FOOTER_CHARS = 60_000  # where the footer's copyright line is looked for: the end of the HTML
# A copyright sign as the HTML writes it. The search runs on the page's HTML with str.rfind: a search of every text
# node of the tree cost 0.6 to 1.2 ms a page, a regular expression over the HTML as much.
_COPYRIGHT_SIGNS = ("©", "&copy;", "&#169;", "&#xA9;", "&#xa9;", "Copyright", "copyright", "COPYRIGHT", "حقوق")
_BLOCK_END = re.compile(r"</(?:p|div|li|td|footer|section|ul|span)\b|<br\b|\||\n", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>?")
# the links to the home page that hold a name: a title, or an image's alt text
_HOME_LINKS = etree.XPath("//body//a[@title or .//img[@alt]][re:test(normalize-space(@href), $home)]",
                          namespaces={"re": "http://exslt.org/regular-expressions"})
_HOME = r"^(?:(?:https?:)?//[^/?#]+)?(?:/|/index\.(?:html|php)|/(?:ar|fr)/?|\./)?$"
_LOGO_IMAGES = etree.XPath("//body//img[@alt][ancestor::header or contains(@src, 'logo') or contains(@class, 'logo')"
                           " or contains(@id, 'logo') or contains(@alt, 'logo') or contains(@alt, 'Logo')]")
_LOGO_WORD = re.compile(r"\blogo\b|\bشعار\b", re.IGNORECASE)


def printed_site_name(segment: str | None, root: HtmlElement, html: str, known: Callable[[str], bool]) -> str | None:
    """The title's last `segment` when the page (its tree `root`, its `html`) prints it as its own name, else None;
    `known` says the segment is already cut by the other rules (then it is not looked for)."""
    if not segment or len(alnum(segment)) < MIN_KEY or known(segment):
        return None
    words = _words(segment)
    if any(words in line for line in _copyright_lines(html)) or alnum(segment) in _name_keys(root):
        return segment
    return None


def _words(text: str) -> str:
    """`text` as its words' keys between spaces, to find a name as whole words in a line."""
    return f" {' '.join(filter(None, map(alnum, text.split())))} "


def _name_keys(root: HtmlElement) -> set[str]:
    """The keys of what the page shows as a name: a logo's alt text, a home link's title and image alt."""
    found = {alnum(_LOGO_WORD.sub(" ", image.get("alt") or "")) for image in _LOGO_IMAGES(root)}
    for link in _HOME_LINKS(root, home=_HOME):
        if (link.get("href") or "").strip():
            found.add(alnum(link.get("title") or ""))  # not its text: 'Accueil', 'Home' name no site
            found.update(alnum(_LOGO_WORD.sub(" ", image.get("alt") or "")) for image in link.iter("img"))
    found.discard("")
    return found


def _copyright_lines(html: str) -> list[str]:
    """The page's last copyright lines as `_words`: the text of the element that holds the sign before it, and
    after it up to the end of its block ('© 2025 <a>Le Messager du Khasso</a>. Tous droits réservés.')."""
    lines = []
    for start, end in _last_signs(html):
        before = html[max(0, start - COPYRIGHT_BEFORE):start].rpartition(">")[2]
        after = html[end:end + COPYRIGHT_AFTER]
        block_end = _BLOCK_END.search(after)
        after = after[:block_end.start()] if block_end else after
        lines.append(_words(unescape(_TAG.sub(" ", f"{before} {after}"))))
    return lines


def _last_signs(html: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the last copyright signs of each spelling near the end of `html`."""
    found = []
    for sign in _COPYRIGHT_SIGNS:
        end, start_at = len(html), max(0, len(html) - FOOTER_CHARS)
        for _ in range(MAX_COPYRIGHTS):
            start = html.rfind(sign, start_at, end)
            if start < 0:
                break
            found.append((start, start + len(sign)))
            end = start
    return found
