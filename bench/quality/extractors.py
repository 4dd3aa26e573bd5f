"""The extractors compared, each a function HTML bytes + URL -> `Prediction` (may raise: the run counts it).

    khabar       crawler.extract.extract_article, the very function the crawl, reextract and `khabar extract`
                 call; a `Rejected` page is an empty prediction (a miss, not a failure). The prediction also
                 says when the crawl would write no record of the page (crawler.extract.article_or_not, the
                 verdict crawler.records.decision applies): its fields are scored all the same, and the
                 tables count such pages apart, since every page of a corpus is one its labels call an article
    trafilatura  trafilatura.bare_extraction(with_metadata=True) fed the same bytes (it detects the charset
                 itself); it detects no language, so its language is the page's <html lang> (kinder than none)
    htmldate     htmldate.find_date(original_date=True): dates only, the reference on the date corpus
"""

from __future__ import annotations

import re
from collections.abc import Callable

import htmldate
import trafilatura

from bench.quality.scoring import Prediction
from crawler.extract import Extracted
from crawler.extract.article import extract_article
from crawler.extract.article_or_not import why_no_article

Extractor = Callable[[bytes, str], Prediction]
_NUMBER = re.compile(r"\d+")
_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def khabar(html: bytes, url: str) -> Prediction:
    outcome = extract_article(html, url)
    if not isinstance(outcome, Extracted):
        return Prediction(unrecorded=outcome.reason)
    why = why_no_article(url, outcome)
    return Prediction(outcome.title, outcome.authors, outcome.date_published, outcome.text, outcome.language,
                      unrecorded=None if why is None else unrecorded_reason(*why))


def unrecorded_reason(code: str, detail: str) -> str:
    """The crawl's verdict on a page as one countable reason: its numbers left out ('73% of the page's text is
    links' and '51%' are one reason)."""
    return f"{code}: {_NUMBER.sub('N', detail).rstrip('.')}"


def plain_trafilatura(html: bytes, url: str) -> Prediction:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    lang = declared_language(html)
    if document is None:
        return Prediction(language=lang)
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    return Prediction(document.title, authors, document.date, document.text or "", document.language or lang)


def date_only_htmldate(html: bytes, url: str) -> Prediction:
    return Prediction(date=htmldate.find_date(html, url=url, original_date=True))


def declared_language(html: bytes) -> str | None:
    """The language the page declares in its `<html lang>` (two or three letters, lower case), or None."""
    found = _LANG.search(html[:4096])
    return found.group(1).decode("ascii").lower() if found else None


EXTRACTORS: dict[str, Extractor] = {"khabar": khabar, "trafilatura": plain_trafilatura}
