"""Whether a page that gave (almost) no text is a shell that a script fills in the browser.

Only pages whose extraction found too little text are looked at, so articles served whole never
pay for a browser. Signs, any of which is enough (the page must also carry a ``<script>``):

* a ``<noscript>`` block that asks the reader to enable JavaScript (French, English, Arabic);
* an empty application root (``<div id="root|app|__next|__nuxt|…"></div>``), as single-page apps serve;
* a page that calls itself an article (``og:type`` article, JSON-LD ``…Article``) with almost no text.
"""

from __future__ import annotations

import re

MAX_WORDS = 120  # pages with more text than this are read as served
_SCAN_BYTES = 2 * 1024 * 1024

NEEDS_JS_TEXT = re.compile(
    r"(activ|enabl|autoris)\w*\s+(le\s+|the\s+|your\s+)?javascript|javascript\s+(est\s+)?(requis|nécessaire|désactivé|is\s+"
    r"(required|disabled|needed))|(تفعيل|تمكين)\s+(ال)?جافا\s*سكريبت|يرجى\s+تفعيل\s+جافا", re.IGNORECASE)
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>(.*?)</noscript>", re.IGNORECASE | re.DOTALL)
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)
_EMPTY_ROOT = re.compile(r"<(div|main|section)\b[^>]*\bid\s*=\s*[\"']?(root|app|__next|__nuxt|___gatsby|svelte|main-app)"
                         r"[\"']?[^>]*>\s*</\1>", re.IGNORECASE)
_SAYS_ARTICLE = re.compile(r"<meta\b[^>]*(property|name)\s*=\s*[\"']?og:type[\"']?[^>]*content\s*=\s*[\"']?article"
                           r"|\"@type\"\s*:\s*\"(News|Reportage|Analysis|Opinion|Report)?Article\"", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def built_by_javascript(html: bytes, words: int) -> str | None:
    """Why the page looks built in the browser (one phrase), or None."""
    if words >= MAX_WORDS:
        return None
    page = html[:_SCAN_BYTES].decode("utf-8", "replace")
    if not _SCRIPT.search(page):
        return None  # no script: a browser would show what the HTML already says
    if any(NEEDS_JS_TEXT.search(_TAGS.sub(" ", block)) for block in _NOSCRIPT.findall(page)):
        return "a <noscript> block asks for JavaScript"
    if _EMPTY_ROOT.search(page):
        return "the page is an empty application root that a script fills"
    if words < 30 and _SAYS_ARTICLE.search(page):
        return f"the page calls itself an article but serves {words} words of text"
    return None
