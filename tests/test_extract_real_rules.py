"""Table-driven tests of the rules tuned on real pages (issue 12, bench/real_quality.py), each on short
snippets written for these tests: dates in local time rather than their UTC copy, the day an article's URL
gives, the last-resort date search in the text, word counts in scripts without spaces, tables kept in the
body."""

from __future__ import annotations

import json
from typing import Any

import pytest
from lxml.html import fromstring

from crawler.extract import Extracted, decode_html, extract_article
from crawler.extract._body import extract_body, merged_lines, unwrap_layout_tables, without_author_note
from crawler.extract._cleanup import is_prompt
from crawler.extract._dates import find_date_strings, find_dates
from crawler.extract._local_time import Moment, local_copy
from crawler.extract._text import word_count
from crawler.extract._title import SiteKeys, strip_site
from crawler.extract._url_date import crosses_midnight, url_day, url_month
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, FR_TEXT, page

URL = "https://www.exemple-dz.com/politique/reforme-fiscale-2025"
URL_DATED = "https://www.exemple-dz.com/politique/2025/11/12/reforme-fiscale"
URL_MONTH = "https://www.exemple-dz.com/archive/2025/03/reforme-fiscale.html"
ZH_PARAGRAPHS = (
    "市政府今天宣布新的公共交通计划，将在明年春季开通三条公交线路，连接城市东部和南部的新住宅区。",
    "交通局局长表示，新线路每天运营十八个小时，票价保持不变，老年人和学生继续享受优惠。",
)


def extract(html: str, url: str = URL) -> Extracted:
    outcome = extract_article(html.encode("utf-8"), url)
    assert isinstance(outcome, Extracted), outcome
    return outcome


def jsonld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


@pytest.mark.parametrize(("chosen", "others", "expected"), [
    # the UTC copy gives way to the same moment in local time, with an offset or without one
    ("2026-03-09T03:28:35+00:00", ["2026-03-09T03:28:35+00:00", "2026-03-08T22:28:35"], "2026-03-08T22:28:35"),
    ("2026-03-08T22:04:00+00:00", ["2026-03-09T00:04:00+02:00"], "2026-03-09T00:04:00+02:00"),
    ("2026-03-08T23:30:00+00:00", ["2026-03-09T05:00:00+05:30"], "2026-03-09T05:00:00+05:30"),
    # a time printed to the minute (a date line) is the stamp's minute, with an offset or without
    ("2026-03-09T00:44:52+00:00", ["2026-03-08T21:44:00"], "2026-03-08T21:44:00"),
    ("2026-03-09T00:44:52+00:00", ["2026-03-08T21:44:00-03:00"], "2026-03-08T21:44:00-03:00"),
    # another moment, another minute, or only a day: the UTC stamp stays
    ("2026-03-09T03:28:35+00:00", ["2026-03-06T09:22:36+01:00"], None),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08T22:29:35"], None),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08T22:29:00"], None),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08"], None),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08T03:28:35"], None),  # 24 h away: not an offset
    # a stamp that is not UTC is kept as it is
    ("2026-03-09T03:28:35+01:00", ["2026-03-09T02:28:35"], None),
    ("2026-03-09T03:28:35", ["2026-03-09T02:28:35+00:00"], None),
])
def test_local_copy(chosen: str, others: list[str], expected: str | None) -> None:
    found = local_copy(chosen, [Moment(iso, f"raw {iso}", "meta") for iso in others])
    assert (found.iso if found else None) == expected
    assert found is None or found.raw == f"raw {expected}"


@pytest.mark.parametrize(("chosen", "printed", "source", "expected"), [
    # a date line's time printed in GMT, whole hours from the UTC stamp: the copy readers see, its zone as printed
    ("2026-03-09T16:32:00+00:00", "2026-03-09T14:32:00+00:00", "byline", "2026-03-09T14:32:00+00:00"),
    ("2026-03-09T16:32:00+00:00", "2026-03-09T14:33:00+00:00", "byline", None),  # another minute
    ("2026-03-09T16:32:00+00:00", "2026-03-09T14:32:00+00:00", "meta", None),  # a second UTC stamp: another moment
])
def test_a_time_printed_in_gmt_hours_from_the_stamp(chosen: str, printed: str, source: str, expected: str | None) -> None:
    found = local_copy(chosen, [Moment(printed, "6 mars 2025 à 14h32 GMT", source)])
    assert (found.iso if found else None) == expected


@pytest.mark.parametrize(("lang", "published", "raw"), [
    # '09/03/15': the French and Arabic press print the day first; an English page, the month first (US order), so
    # its date line is left to the other evidence
    ("fr", "2015-03-09T08:00:00", "09/03/15 8:00"),
    ("ar", "2015-03-09T08:00:00", "09/03/15 8:00"),
    ("en", "2015-03-09", "2015-03-09"),
])
def test_a_two_digit_year_whose_day_and_month_could_swap(lang: str, published: str, raw: str) -> None:
    html = page("<title>Réforme fiscale</title>", '<span class="date">09/03/15 8:00</span>', lang=lang)
    outcome = extract(html)
    assert (outcome.date_published, outcome.date_published_raw) == (published, raw)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.exemple-dz.com/2025/11/12/reforme-fiscale/", ("2025-11-12", "2025/11/12")),
    ("https://www.exemple-dz.com/politique/2025-11-12-reforme-fiscale", ("2025-11-12", "2025-11-12")),
    ("https://www.exemple-dz.com/politique/2025_11_12/reforme.html", ("2025-11-12", "2025_11_12")),
    ("https://www.exemple-dz.com/actualite/20251112/reforme-fiscale", ("2025-11-12", "20251112")),
    ("https://www.exemple-dz.com/ar/2025/11/12/%D8%A5%D8%B5%D9%84%D8%A7%D8%AD", ("2025-11-12", "2025/11/12")),
    # a month alone, a run of digits that is an id, an impossible day, a date in the query: no day
    ("https://www.exemple-dz.com/2025/11/reforme-fiscale", None),
    ("https://www.exemple-dz.com/article/120251112093011/reforme", None),
    ("https://www.exemple-dz.com/article/20251112-93011", None),
    ("https://www.exemple-dz.com/2025/02/30/reforme", None),
    ("https://www.exemple-dz.com/reforme?date=2025/11/12", None),
    ("https://www.exemple-dz.com/1985/11/12/archives", None),  # before the earliest plausible year
])
def test_url_day(url: str, expected: tuple[str, str] | None) -> None:
    assert url_day(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.exemple-dz.com/archive/2025/03/reforme-fiscale.html", "2025-03"),
    ("https://www.exemple-dz.com/2025/11/12/reforme-fiscale/", "2025-11"),
    ("https://www.exemple-dz.com/2025/13/reforme-fiscale", None),  # no month 13
    ("https://www.exemple-dz.com/archive/2025/reforme-fiscale", None),  # a year alone
    ("https://www.exemple-dz.com/reforme?date=2025/03/", None),
])
def test_url_month(url: str, expected: str | None) -> None:
    assert url_month(url) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("投稿日：2025年03月04日", [("2025-03-04", "2025年03月04日")]),
    ("2025年3月4日(火) 14:05 更新", [("2025-03-04T14:05:00", "2025年3月4日(火) 14:05")]),
    ("입력 2025년 3월 4일 오후", [("2025-03-04", "2025년 3월 4일")]),
    ("2025年13月4日", []),  # no month 13
])
def test_dates_in_cjk_characters(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(iso, raw) for _, iso, raw in find_date_strings(line)] == expected
    assert find_dates(line) == []  # the body's date-line test counts words: a CJK paragraph is one


@pytest.mark.parametrize(("stamp", "day", "expected"), [
    ("2025-11-13T02:25:00+00:00", "2025-11-12", True),  # 21:25 on the 12th in UTC-5
    ("2025-11-11T23:10:00+00:00", "2025-11-12", True),  # 00:10 on the 12th in UTC+1
    ("2025-11-11T10:00:00+00:00", "2025-11-12", True),  # midnight in UTC+14
    ("2025-11-11T09:59:00+00:00", "2025-11-12", False),  # no offset reaches the 12th
    ("2025-11-13T12:00:00+00:00", "2025-11-12", False),  # midnight in UTC-12 is still the 13th
    ("2025-11-13T02:25:00-05:00", "2025-11-12", False),  # a stamp with its offset says its own day
    ("2025-11-13T02:25:00", "2025-11-12", False),  # local time, offset unknown
    ("2025-11-14T01:00:00+00:00", "2025-11-12", False),  # two days off: another date
    ("2025-11-13", "2025-11-12", False),
])
def test_crosses_midnight(stamp: str, day: str, expected: bool) -> None:
    assert crosses_midnight(stamp, day) is expected


ARTICLE_CELL = "<td id='c'><h1>Réforme fiscale</h1>" + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS * 2) + "</td>"


@pytest.mark.parametrize(("table", "expected"), [
    # the article's column becomes the page's <article>, a column of boxes or of links beside it is a sidebar
    ("<table><tr><td id='g'><table><tr><th>Météo</th></tr><tr><td>Oran</td><td>17°</td></tr></table></td>"
     + ARTICLE_CELL + "<td id='d'><a href='/a'>Les plus lus du jour</a><br><a href='/b'>Un autre titre</a></td></tr></table>",
     {"g": "aside", "c": "article", "d": "aside"}),
    # a column of plain paragraphs beside the article is the article's (a note, a reply)
    ("<table><tr>" + ARTICLE_CELL + "<td id='n'><p>Une précision de la rédaction, ajoutée mardi.</p></td></tr></table>",
     {"c": "article", "n": "div"}),
    # layout tables inside the article's column: the innermost column that holds the article
    ("<table><tr><td id='m'><a href='/'>Accueil</a></td><td id='o'><table><tr><td id='s'><a href='/a'>Un titre</a>"
     "<a href='/b'>Un autre titre</a></td>" + ARTICLE_CELL + "</tr></table></td></tr></table>",
     {"m": "aside", "o": "div", "s": "aside", "c": "article"}),
    # a page that has an <article> (or a <main>) keeps it as the article: the column stays a division
    ("<table><tr><td id='g'><a href='/a'>Les plus lus du jour</a><br><a href='/b'>Un autre titre</a></td>"
     "<td id='c'><article><h1>Réforme fiscale</h1>" + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS * 2)
     + "</article></td></tr></table>", {"g": "aside", "c": "div"}),
    # a small table of promotions beside an article in plain divisions: its column is not the page's article
    ("<div id='a'>" + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS * 3) + "</div><table><tr><td id='p'>"
     + "".join(f"<p>Offre {n} : le guide du contribuable.</p>" for n in range(4))
     + "</td><td id='l'><a href='/a'>Les plus lus du jour</a></td></tr></table>", {"a": "div", "p": "div", "l": "aside"}),
    # a layout table of one column per row: divisions only
    ("<table><tr><td id='h'><h2>Le Journal</h2></td></tr><tr>" + ARTICLE_CELL + "</tr></table>", {"h": "div", "c": "div"}),
    # the headline's column is the article's, beside a column of unlinked briefs with more text: the article's column
    # holds a data table and a form (boxes), yet it is no sidebar
    ("<table><tr><td id='b'>" + "".join(f"<p>Brève {n} : {p}</p>" for n, p in enumerate(FR_PARAGRAPHS * 3))
     + "</td><td id='c'><h1>Réforme fiscale</h1>" + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS)
     + "<table><tr><td>Oran</td><td>47,9 %</td></tr></table><form><input name='q'></form></td></tr></table>",
     {"b": "div", "c": "article"}),
    ("<table><tr><td id='b'>" + "".join(f"<p>{p}</p>" for p in AR_PARAGRAPHS * 2)
     + "</td><td id='c'><h1>إصلاح جبائي</h1>" + "".join(f"<p>{p}</p>" for p in AR_PARAGRAPHS)
     + "<form><input name='q'></form></td></tr></table>", {"b": "div", "c": "article"}),
    # a data table, even with a paragraph in each cell, stays a table
    ("<table id='t'><tr><td id='a'><p>Tizi Ouzou</p></td><td id='b'><p>31,4 %</p></td></tr>"
     "<tr><td><p>Oran</p></td><td><p>47,9 %</p></td></tr><tr><td><p>Béjaïa</p></td><td><p>28,2 %</p></td></tr></table>",
     {"t": "table", "a": "td", "b": "td"}),
])
def test_layout_tables_become_divisions(table: str, expected: dict[str, str]) -> None:
    tree = fromstring(f"<html><body>{table}</body></html>")
    unwrap_layout_tables(tree)
    assert {key: tree.get_element_by_id(key).tag for key in expected} == expected


ALERT = ("Les vacances de printemps approchent et l'agence nationale de sécurité informatique appelle les familles à "
         "la prudence : les escroqueries par message se multiplient à l'approche des départs.",
         "Les agents de l'agence rappellent qu'aucun transporteur ne demande de payer des frais par un lien reçu par "
         "message, et qu'un avis de passage se vérifie sur le site officiel du transporteur.")
ANSWER = ("Il s'agit d'un faux message qui imite un transporteur connu.",
          "Le transporteur n'envoie aucun avis de passage par message et ne réclame jamais de frais par ce canal.",
          "Ne touchez pas le lien : il mène à une page qui installe un profil de configuration sur le téléphone.",
          "Si le profil est déjà installé, passez le téléphone en mode avion puis rétablissez ses réglages d'usine.")
QUESTION = "Un lecteur d'Oran a reçu un message qui lui annonce un colis en attente et lui demande des frais."
RUBRIQUES = "".join(f"<a href='/r{n}'>Rubrique {n}</a><br>" for n in range(12))
LIST_ITEM = "Une baisse de l'impôt sur le revenu des salaires modestes."


@pytest.mark.parametrize(("body", "expected"), [
    # a table of a question and its answer under the article's first paragraphs: the answer's cell is not the
    # whole article, the paragraphs before the table stay
    (f"<div class='menu'>{RUBRIQUES}</div><div class='contenu'><h1>Faux avis de livraison</h1><div class='texte'>"
     + "".join(f"<p>{p}</p>" for p in ALERT) + f"</div><table><tr><td>Question</td><td><p>{QUESTION}</p></td></tr>"
     "<tr><td>Réponse</td><td>" + "".join(f"<p>{p}</p>" for p in ANSWER) + "</td></tr></table></div>",
     [*ALERT, QUESTION, *ANSWER]),
    # the page's columns in a layout table: the article's column, its subheading and list kept, the menu left out
    (f"<table><tr><td>{RUBRIQUES}</td><td><h1>Réforme fiscale</h1><p>{FR_PARAGRAPHS[0]}</p><p>{FR_PARAGRAPHS[1]}</p>"
     f"<h2>Ce que prévoit le texte</h2><ul><li>{LIST_ITEM}</li><li>Une taxe mieux collectée.</li></ul>"
     f"<p>{FR_PARAGRAPHS[2]}</p></td></tr></table>",
     [FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Ce que prévoit le texte", f"- {LIST_ITEM}", FR_PARAGRAPHS[2]]),
])
def test_layout_column_leaves_no_text_out(body: str, expected: list[str]) -> None:
    text = extract_body(fromstring(f"<html><body>{body}</body></html>"), URL)
    assert [line for line in text.split("\n") if line in expected] == expected


@pytest.mark.parametrize(("text", "other", "missing", "expected"), [
    ("b\nc", "a\nb\nc", {"a"}, "a\nb\nc"),  # before the first line
    ("a\nc", "a\nb\nc\nd", {"b", "d"}, "a\nb\nc\nd"),  # after the line printed before it
    ("c\na", "a\nb", {"b"}, "c\na\nb"),  # the text's own order stays
])
def test_merged_lines(text: str, other: str, missing: set[str], expected: str) -> None:
    assert merged_lines(text, other, missing) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Les réactions sont publiées après modération.", True),
    ("Les commentaires sont soumis à modération.", True),
    ("Comments are published after moderation.", True),
    ("التعليقات تخضع للمراجعة قبل النشر.", True),
    # a bare "Read more" button goes; an English "Read more: <headline>" line stays (real corpora count it as text)
    ("Read more »", True),
    ("Read more: Inside the new port of Djen Djen", False),
    ("Lire aussi : Le port de Djen Djen s'agrandit", True),
    # news about moderation is news
    ("La plateforme a renforcé la modération des commentaires haineux depuis mars.", False),
    ("قررت الشبكة الاجتماعية مراجعة سياسة الإشراف على المحتوى.", False),
])
def test_reader_prompts(line: str, expected: bool) -> None:
    assert is_prompt(line) is expected


UTF8_PAGE = ("<html><head>{meta}</head><body><p>Le président a reçu à Alger les élus des wilayas de l'Est, "
             "où la sécheresse a réduit la récolte de blé.</p><p>قدمت الحكومة مشروع إصلاح جبائي.</p>{stray}</body></html>")


@pytest.mark.parametrize(("meta", "stray", "expected"), [
    # UTF-8 with one stray byte, declared or not: UTF-8, the stray byte replaced
    ('<meta charset="utf-8">', b"<p>\xe9t\xe9</p>", "utf-8 (with undecodable bytes replaced)"),
    ("", b"<p>\xe9t\xe9</p>", "utf-8 (with undecodable bytes replaced)"),
    ('<meta charset="utf-8">', b"", "utf-8"),
])
def test_utf8_with_stray_bytes(meta: str, stray: bytes, expected: str) -> None:
    body = UTF8_PAGE.format(meta=meta, stray="").encode("utf-8").replace(b"</body>", stray + b"</body>")
    text, encoding = decode_html(body, None)
    assert encoding == expected
    assert "Le président a reçu à Alger" in text and "قدمت الحكومة" in text


def test_cp1252_declared_utf8_is_still_cp1252() -> None:
    body = ('<html><head><meta charset="utf-8"></head><body><p>Le président a reçu à Alger les élus de l\'Est, '
            "où la sécheresse a réduit la récolte.</p></body></html>").encode("cp1252")
    text, encoding = decode_html(body, None)
    assert encoding.startswith("cp1252") and "Le président a reçu à Alger" in text


@pytest.mark.parametrize(("text", "expected"), [
    ("Le conseil a voté le budget mardi.", 7),
    ("صادق المجلس على الميزانية يوم الثلاثاء", 6),
    ("市政府今天宣布新的公共交通计划", 7),  # 15 Han characters, two a word
    ("東京の天気は晴れです", 5),
    ("Le 市政府 a voté", 4),
    ("", 0),
])
def test_word_count(text: str, expected: int) -> None:
    assert word_count(text) == expected


@pytest.mark.parametrize(("title", "names", "url", "expected"), [
    ("Réforme fiscale : le projet arrive - Tassili Forum", [], "https://www.tassili.dz/a",
     "Réforme fiscale : le projet arrive"),
    ("إصلاح جبائي أمام البرلمان | Tassili Info", ["Tassili"], "https://www.exemple.dz/a", "إصلاح جبائي أمام البرلمان"),
    # a last segment that only mentions the site further on, or a short name, is the headline's own
    ("Transition - Sahel : le calendrier", [], "https://www.sahel.ml/a", "Transition - Sahel : le calendrier"),
    ("Transition - Sahel, le calendrier des élections est publié", [], "https://www.sahel.ml/a",
     "Transition - Sahel, le calendrier des élections est publié"),
    ("Réforme fiscale - Le Soir des lecteurs", ["Le Soir"], "https://www.lesoir.dz/a",
     "Réforme fiscale - Le Soir des lecteurs"),
    ("Réforme fiscale - Le débat Tassili", [], "https://www.tassili.dz/a", "Réforme fiscale - Le débat Tassili"),
    # box-drawing bars (with or without spaces) and single guillemets separate a site's name too
    ("Réforme fiscale : le projet arrive│Tassili Forum", [], "https://www.tassiliforum.dz/a",
     "Réforme fiscale : le projet arrive"),
    ("إصلاح جبائي أمام البرلمان › Tassili Info", ["Tassili Info"], "https://www.exemple.dz/a", "إصلاح جبائي أمام البرلمان"),
    # a blog theme's filler between the site's name and the post's title goes with the name
    ("Tassili Forum » Archives du blog » Réforme fiscale", ["Tassili Forum"], "https://www.tassili.dz/a",
     "Réforme fiscale"),
    ("Tassili Forum » Blog Archive » Réforme fiscale", [], "https://www.tassiliforum.dz/a", "Réforme fiscale"),
])
def test_site_name_opening_the_last_segment(title: str, names: list[str], url: str, expected: str) -> None:
    assert strip_site(title, SiteKeys.build(names, url, None)) == expected


def in_banner(line: str, html: str) -> str:
    """`html` (a `page`) with `line` printed in its site banner, beside the navigation: a date of the day."""
    return html.replace("</nav></header>", f"</nav><p>{line}</p></header>", 1)


PAGE_CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("utc-jsonld-local-meta",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T02:15:00Z")
          + '<meta name="sailthru.date" content="2025-11-12 21:15:00">'),
     {"date_published": "2025-11-12T21:15:00"}),
    ("utc-og-local-offset-ar",
     page('<meta property="article:published_time" content="2025-11-12T23:40:00+00:00">'
          '<meta name="pubdate" content="2025-11-13T00:40:00+01:00">', lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-11-13T00:40:00+01:00"}),
    # the local copy is a modified stamp, an "updated" <time>, or the date line; the record keeps its string
    ("utc-jsonld-local-updated-time",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T03:37:37+00:00"),
          article='<time class="entry-date updated" datetime="2025-11-12T23:37:37-04:00">12 novembre 2025</time>'),
     {"date_published": "2025-11-12T23:37:37-04:00", "date_published_raw": "2025-11-12T23:37:37-04:00"}),
    ("utc-jsonld-local-date-line",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T00:44:52Z"),
          article='<p class="date">Alger, 12/11/2025 23:44</p>'),
     {"date_published": "2025-11-12T23:44:00", "date_published_raw": "12/11/2025 23:44",
      "sources": {"date_published": "byline"}}),
    # stamps on two days: the one whose day the page prints (in words, in digits) is the publication date
    ("printed-meta-date-over-jsonld",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-03T10:25:56Z")
          + '<meta name="date" content="2025-11-06T09:22:36Z">',
          article='<p class="chapeau">Alger, jeudi 6 novembre 2025</p>'),
     {"date_published": "2025-11-06T09:22:36+00:00", "date_published_raw": "2025-11-06T09:22:36Z",
      "sources": {"date_published": "meta"}}),
    ("printed-og-date-over-jsonld-ar",
     page(jsonld(headline="إصلاح جبائي", datePublished="2025-11-03T10:25:56Z")
          + '<meta property="article:published_time" content="2025-11-06T08:29:34">',
          article="<div><span>06.11.2025</span></div>", lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-11-06T08:29:34", "sources": {"date_published": "opengraph"}}),
    ("first-stamp-printed-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-03T10:25:56Z")
          + '<meta name="date" content="2025-11-06T09:22:36Z">',
          article='<p class="chapeau">Alger, lundi 3 novembre 2025</p><p>Rappel : le 6 novembre 2025, vote.</p>'),
     {"date_published": "2025-11-03T10:25:56+00:00"}),
    ("neither-stamp-printed-first-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-03T10:25:56Z")
          + '<meta name="date" content="2025-11-06T09:22:36Z">'),
     {"date_published": "2025-11-03T10:25:56+00:00"}),
    ("a-time-element-backs-no-stamp",  # an embedded post's <time> is printed by itself
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-03T10:25:56Z"),
          tail='<blockquote class="embed"><time datetime="2025-03-27T07:08:52+00:00">27 mars 2025</time></blockquote>'),
     {"date_published": "2025-11-03T10:25:56+00:00"}),
    ("utc-alone-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T02:15:00Z")),
     {"date_published": "2025-11-13T02:15:00+00:00"}),
    # the article's date line over a published stamp it contradicts: an earlier date, the stamp's day printed
    # nowhere or only as the line's update
    ("date-line-over-an-unprinted-later-stamp",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-06-24", dateModified="2025-06-24"),
          article='<p class="post-date">4 mars 2025</p>'),
     {"date_published": "2025-03-04", "date_published_raw": "4 mars 2025", "sources": {"date_published": "byline"}}),
    ("date-line-over-a-stamp-it-prints-as-the-update",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-08-21"),
          article='<p class="meta">Publié le 26 avril 2024 · Mis à jour le 21 août 2025</p>'),
     {"date_published": "2024-04-26", "date_published_raw": "26 avril 2024"}),
    ("date-line-over-a-utc-time-past-midnight-ar",
     page(article='<div class="date"><time datetime="2025-02-24T04:13:00Z">23 فيفري 2025</time></div>', lang="ar",
          paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-02-23", "date_published_raw": "23 فيفري 2025"}),
    ("stamp-printed-elsewhere-on-the-page-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-06-24"),
          article='<p class="post-date">4 mars 2025</p>', tail="<p>Mise en ligne : 24/06/2025</p>"),
     {"date_published": "2025-06-24"}),
    ("a-later-date-line-leaves-the-stamp",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-03-04T10:00:00+01:00"),
          article='<p class="post-date">24 juin 2025</p>'),
     {"date_published": "2025-03-04T10:00:00+01:00"}),
    ("a-date-line-in-the-other-order-agrees",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-08T17:19:00"),
          article='<p class="post-date">11/08/25 5:19pm</p>'),
     {"date_published": "2025-11-08T17:19:00"}),
    ("a-relative-date-line-first-leaves-the-stamp",  # the later line is a related article's
     page(jsonld(headline="Réforme fiscale", datePublished="2025-06-24T10:00:00+01:00"),
          article='<p class="date">il y a 26 minutes</p>', tail='<p class="date">10.06.2025</p>'),
     {"date_published": "2025-06-24T10:00:00+01:00"}),
    # the one element microdata marks as the publication date, over teasers' date lines printed before it
    ("microdata-date-over-earlier-teaser-dates",
     page(article='<div class="post-meta">Commentaires — 17 octobre 2025</div>'
                  '<ul class="post-info"><li itemprop="datePublished"><span>19 octobre 2025</span></li></ul>'),
     {"date_published": "2025-10-19", "date_published_raw": "19 octobre 2025"}),
    ("microdata-date-ar",
     page(article='<div class="post-meta">تعليقات — 17 أكتوبر 2025</div>'
                  '<p><span itemprop="datePublished">19 أكتوبر 2025</span></p>', lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-10-19", "date_published_raw": "19 أكتوبر 2025"}),
    ("two-microdata-dates-say-nothing",  # a list of teasers: the first date line stays
     page(article='<div class="post-meta">17 octobre 2025</div>'
                  '<ul><li itemprop="datePublished">19 octobre 2025</li><li itemprop="datePublished">20 octobre 2025</li>'
                  '</ul>'),
     {"date_published": "2025-10-17"}),
    # a metadata stamp in digits read in the order whose day the page prints
    ("us-order-meta-date-the-page-prints-day-first",
     page('<meta name="date" content="11/01/2025 12:43:42">', tail="<p>Créé le : 01.11.2025</p>"),
     {"date_published": "2025-11-01T12:43:42", "date_published_raw": "11/01/2025 12:43:42"}),
    ("us-order-meta-date-ar",
     page('<meta name="date" content="11/01/2025">', tail="<p>نشر في 1 نوفمبر 2025</p>", lang="ar",
          paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-11-01"}),
    ("day-first-meta-date-stays-when-printed",
     page('<meta name="date" content="11/01/2025">', tail="<p>Créé le : 11 janvier 2025</p>"),
     {"date_published": "2025-01-11"}),
    ("day-first-meta-date-stays-when-nothing-is-printed",
     page('<meta name="date" content="11/01/2025">'),
     {"date_published": "2025-01-11"}),
    ("an-update-line-is-no-publication-date",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T09:21:40"),
          article='<p class="date">Mis à jour :</p><p class="date">12 novembre 2025</p>'),
     {"date_published": "2025-11-13T09:21:40"}),
    # the URL's day (below: URL_DATED) over a UTC stamp that crossed midnight, or a text date on another day
    ("url-day-over-utc-stamp-across-midnight",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T01:30:00Z")),
     {"date_published": "2025-11-12", "date_published_raw": "2025/11/12", "url": URL_DATED}),
    ("url-day-over-utc-stamp-across-midnight-ar",
     page('<meta property="article:published_time" content="2025-11-11T22:40:00+00:00">', lang="ar",
          paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-11-12", "url": URL_DATED}),
    ("utc-stamp-of-that-day-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-12T21:30:00Z")),
     {"date_published": "2025-11-12T21:30:00+00:00", "url": URL_DATED}),
    ("stamp-with-offset-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T01:30:00+01:00")),
     {"date_published": "2025-11-13T01:30:00+01:00", "url": URL_DATED}),
    ("url-day-over-text-date-of-another-day",
     page(article='<p class="date">Publié le 3 octobre 2025</p>'),
     {"date_published": "2025-11-12", "url": URL_DATED}),
    ("text-date-of-the-url-day-keeps-its-time",
     page(article='<p class="date">Publié le 12 novembre 2025 à 14h32</p>'),
     {"date_published": "2025-11-12T14:32:00", "url": URL_DATED}),
    ("url-day-when-nothing-else-dates-the-page",
     page(),
     {"date_published": "2025-11-12", "date_published_raw": "2025/11/12", "url": URL_DATED}),
    ("date-only-in-the-page-text",
     page(article='<div class="entete"><span>12.11.2025</span></div>'),
     {"date_published": "2025-11-12"}),
    # no metadata, no marked date line, no URL date: the date the text introduces as published, as printed
    ("cued-date-in-unmarked-text",
     page(article='<div><span>Culture</span> Publié le <b>4 mars 2025</b></div>'
                  '<p>Le festival a été annoncé le 28 février 2025.</p>'),
     {"date_published": "2025-03-04", "date_published_raw": "4 mars 2025", "sources": {"date_published": "text"}}),
    ("cued-date-byline-then-date",
     page(article='<div>par Leïla Haddad le 04/03/2025 à 10:20</div>'),
     {"date_published": "2025-03-04T10:20:00", "date_published_raw": "04/03/2025 à 10:20"}),
    ("cued-date-arabic",
     page(article="<div>نشر في 5 فيفري 2025</div>", lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-02-05", "date_published_raw": "5 فيفري 2025", "sources": {"date_published": "text"}}),
    ("cued-date-cue-after-the-date",  # German puts the verb last
     page(article="<div>Dieser Beitrag wurde am Samstag, 3. Mai 2025 um 14:05 Uhr veröffentlicht.</div>"),
     {"date_published": "2025-05-03T14:05:00", "date_published_raw": "3. Mai 2025 um 14:05",
      "sources": {"date_published": "text"}}),
    # a date the reading time follows, as a blog's date line prints it: the article's date
    ("reading-time-after-the-date-en",
     page(article="<div>Karim Benali <span>March 4, 2025</span> • 5 min read</div>", lang="en",
          tail="<p>Related: Water rationing ends, March 2, 2025</p>"),
     {"date_published": "2025-03-04", "date_published_raw": "March 4, 2025", "sources": {"date_published": "text"}}),
    ("reading-time-after-the-date-fr",
     page(article="<div><span>4 mars 2025</span> · 5 min de lecture</div>"),
     {"date_published": "2025-03-04", "sources": {"date_published": "text"}}),
    ("reading-time-after-the-date-de",
     page(article="<div>04.03.2025 Lesedauer ca. 5 Min.</div>", lang="de"),
     {"date_published": "2025-03-04", "date_published_raw": "04.03.2025", "sources": {"date_published": "text"}}),
    ("reading-time-after-the-date-ar",
     page(article="<div>4 مارس 2025 - 5 دقائق للقراءة</div>", lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-03-04", "sources": {"date_published": "text"}}),
    ("a-duration-after-a-date-is-no-reading-time",
     page(article="<div><p>Le 4 mars 2025 12 minutes ont suffi pour voter le texte.</p></div>"),
     {"sources_lack": "text"}),
    # a press release's dateline: the place, then the date in brackets
    ("cued-date-press-release-dateline",
     page(article="<div><p>Oran, (12.11.2025). La wilaya a lancé hier le chantier du nouveau port.</p></div>"),
     {"date_published": "2025-11-12", "date_published_raw": "12.11.2025", "sources": {"date_published": "text"}}),
    ("cued-date-press-release-dateline-ar",
     page(article="<div><p>وهران، (12 نوفمبر 2025). أطلقت الولاية أمس ورشة الميناء الجديد.</p></div>",
          lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-11-12", "date_published_raw": "12 نوفمبر 2025", "sources": {"date_published": "text"}}),
    # German 'Stand' (as of), a noun: capitalised; the French 'stand' of a fair is no cue
    ("cued-date-stand",
     page(article="<div><p>Ein Überblick über die Regeln (Stand 14. Januar 2025).</p></div>"),
     {"date_published": "2025-01-14", "date_published_raw": "14. Januar 2025", "sources": {"date_published": "text"}}),
    ("a-fair-stand-is-no-cue",
     page(article="<div><p>Le stand de la wilaya ouvrira le 3 mai 2025 au salon d'Oran.</p></div>"),
     {"sources_lack": "text"}),
    ("a-date-in-brackets-after-a-lowercase-word-is-no-dateline",
     page(article="<div><p>Le texte voté (12.11.2025) entre en vigueur, dit-il, (3 mars 2026) au plus tard.</p></div>"),
     {"sources_lack": "text"}),
    ("a-verb-far-after-the-date-is-no-cue",
     page(article="<div>Am 3. Mai 2025 hat der Verlag den zweiten Band seiner Reihe veröffentlicht.</div>"),
     {"sources_lack": "text"}),
    # the last resort's date outside the month the URL gives (/2025/03/): the page's first date in that month
    ("date-in-the-url-month-over-a-search-date-outside-it",
     page(article="<div><span>Alger, 20 mars 2025</span></div>", tail="<p>Mis à jour 2014-06-01</p>"),
     {"date_published": "2025-03-20", "date_published_raw": "20 mars 2025", "url": URL_MONTH}),
    ("date-in-the-url-month-ar",
     page(article="<div><span>الجزائر، 20 مارس 2025</span></div>", tail="<p>قانون 12 يناير 2014 ما زال ساريا.</p>",
          lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-03-20", "date_published_raw": "20 مارس 2025", "url": URL_MONTH}),
    # the site banner's date of the day is the capture's: neither the day in the URL's month nor 1 January proved
    ("a-banner-date-in-the-url-month-is-no-date",
     in_banner("Samedi 22 mars 2025", page(tail="<p>Mis à jour 2014-06-01</p>")),
     {"date_published": None, "url": URL_MONTH}),
    ("a-new-year-printed-in-the-banner-alone-is-no-date",
     in_banner("Jeudi 1 janvier 2026", page(tail="<p>© 2026 Le Journal</p>")),
     {"date_published": None, "url": "https://www.exemple-dz.com/economie/reforme-fiscale"}),
    ("a-new-year-printed-in-the-article-is-the-date",
     in_banner("Jeudi 1 janvier 2026", page(article="<div><span>Alger, 1er janvier 2026</span></div>")),
     {"date_published": "2026-01-01", "url": "https://www.exemple-dz.com/economie/reforme-fiscale"}),
    ("a-book-release-date-is-no-cue",  # 'Erscheinungsdatum' holds 'datum' but is another date
     page(article="<div>Roman, 320 pages. Erscheinungsdatum : 14.08.2024</div>"),
     {"sources_lack": "text"}),
    ("chinese-article-is-not-too-short",
     page(lang="zh", paragraphs=ZH_PARAGRAPHS),
     {"text_has": list(ZH_PARAGRAPHS), "language": "zh", "word_count_at_least": 40}),
    ("table-kept-in-body",
     page(tail="<table><tr><th>Wilaya</th><th>Taux de participation</th></tr>"
               "<tr><td>Tizi Ouzou</td><td>31,4 %</td></tr><tr><td>Oran</td><td>47,9 %</td></tr></table>"),
     {"text_has": ["Tizi Ouzou", "47,9 %"]}),
    ("layout-columns-sidebars-left-out",
     '<html lang="fr"><head><meta charset="utf-8"><title>Réforme fiscale : le projet arrive - Le Journal</title>'
     '</head><body>'
     '<table width="980"><tr><td class="bandeau"><a href="/">Le Journal</a></td></tr><tr>'
     '<td width="180"><table class="boite"><tr><th>Météo</th></tr><tr><td>Oran</td><td>17°</td></tr>'
     '<tr><td>Annaba</td><td>28°</td></tr></table><table class="boite"><tr><th>Pharmacies de garde</th></tr>'
     '<tr><td>Consultez la liste affichée dans votre commune.</td></tr></table></td>'
     '<td width="600"><h1>Réforme fiscale : le projet arrive</h1>' + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS)
     + '<div class="reagir"><form action="/reagir"><textarea name="t"></textarea></form>'
       '<p>Les réactions sont publiées après modération.</p></div></td>'
       '<td width="200"><a href="/a">Un autre sujet du jour</a><br><a href="/b">Encore un autre titre</a></td>'
       '</tr></table></body></html>',
     {"text": FR_TEXT}),
    ("layout-column-subheading-and-list-kept",
     '<html lang="fr"><head><meta charset="utf-8"><title>Réforme fiscale : le projet arrive</title></head><body>'
     '<table width="990"><tr><td class="gauche"><a href="/">Accueil</a> <a href="/politique">Politique</a>'
     ' <a href="/sport">Sport</a></td><td class="centre"><h1>Réforme fiscale : le projet arrive</h1>'
     f"<p>{FR_PARAGRAPHS[0]}</p><h3>Ce qui change pour les salariés</h3><ul><li>Une tranche d'imposition de moins "
     "pour les salaires modestes.</li><li>Un abattement relevé pour les familles de trois enfants.</li></ul>"
     + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS[1:]) + "</td></tr></table></body></html>",
     {"text": "\n".join([FR_PARAGRAPHS[0], "Ce qui change pour les salariés",
                         "- Une tranche d'imposition de moins pour les salaires modestes.",
                         "- Un abattement relevé pour les familles de trois enfants.", *FR_PARAGRAPHS[1:]])}),
    ("layout-table-stays-out",
     '<html lang="fr"><head><meta charset="utf-8"><title>Réforme fiscale : le projet arrive</title></head><body>'
     '<table width="990"><tr><td class="gauche"><a href="/">Accueil</a> <a href="/politique">Politique</a></td>'
     '<td class="centre"><h1>Réforme fiscale : le projet arrive</h1><p class="auteur">Par Karim Benali</p>'
     + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS) + '</td></tr></table></body></html>',
     {"text": FR_TEXT}),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in PAGE_CASES], ids=[c[0] for c in PAGE_CASES])
def test_page_rules(html: str, expected: dict[str, Any]) -> None:
    outcome = extract(html, expected.get("url", URL))
    for name, value in expected.items():
        if name == "url":
            continue
        if name == "word_count_at_least":
            assert outcome.word_count >= value
        elif name == "text_has":
            assert all(cell in outcome.text for cell in value), outcome.text
        elif name == "sources":
            assert value.items() <= outcome.sources.items(), outcome.sources
        elif name == "sources_lack":
            assert outcome.sources.get("date_published") != value, outcome.sources
        else:
            assert getattr(outcome, name) == value, (name, getattr(outcome, name), outcome.sources)


# --- a closing note on the author --------------------------------------------------------------------------------

FR_NOTE = ("Karim Benali est journaliste au service économie depuis 2015. Il suit les finances publiques et le "
           "commerce extérieur.")
AR_NOTE = "كريم بن علي صحفي في القسم الاقتصادي منذ سنة 2015، يتابع المالية العمومية والتجارة الخارجية."


@pytest.mark.parametrize(("lines", "authors", "expected"), [
    # a last paragraph that opens with a credited author's name and goes on: a note on the author
    ([*FR_PARAGRAPHS, FR_NOTE], ("Karim Benali",), list(FR_PARAGRAPHS)),
    ([*AR_PARAGRAPHS, AR_NOTE], ("كريم بن علي",), list(AR_PARAGRAPHS)),
    # under a header among the last lines: the header and the note go
    ([*FR_PARAGRAPHS, "À propos de l'auteur", "Journaliste au service économie depuis 2015."], (), list(FR_PARAGRAPHS)),
    ([*AR_PARAGRAPHS, "عن الكاتب", "صحفي في القسم الاقتصادي."], (), list(AR_PARAGRAPHS)),
    # the name alone (a signature), another person's name, a one-word name, a long paragraph: they stay
    ([*FR_PARAGRAPHS, "Karim Benali, Oran"], ("Karim Benali",), [*FR_PARAGRAPHS, "Karim Benali, Oran"]),
    ([*FR_PARAGRAPHS, FR_NOTE], ("Amina Saïdi",), [*FR_PARAGRAPHS, FR_NOTE]),
    ([*FR_PARAGRAPHS, "Karim a rejoint la rédaction en 2015 et suit les finances publiques."], ("Karim",),
     [*FR_PARAGRAPHS, "Karim a rejoint la rédaction en 2015 et suit les finances publiques."]),
    ([*FR_PARAGRAPHS, " ".join([FR_NOTE] * 5)], ("Karim Benali",), [*FR_PARAGRAPHS, " ".join([FR_NOTE] * 5)]),
    # ... a box of several lines under the header, 'Rédigé par' / 'Written by' alone on its line
    ([*FR_PARAGRAPHS, "Rédigé par", "Karim Benali", "Journaliste au service économie", "Lire tous ses articles",
      "Relu par", "Amina Saïdi, cheffe d'édition"], (), list(FR_PARAGRAPHS)),
    ([*FR_PARAGRAPHS, "Written by", "Karim Benali covers the economy of western Algeria."], (), list(FR_PARAGRAPHS)),
    ([*FR_PARAGRAPHS, "Author Bio", "Karim Benali covers the economy of western Algeria."], (), list(FR_PARAGRAPHS)),
    # a credited author's full name alone on a line among the last ones, then the box's role and bio: they go
    ([*FR_PARAGRAPHS, "Karim Benali", "Rédacteur en chef adjoint", "Il suit l'économie de l'Ouest depuis 2015."],
     ("Karim Benali",), list(FR_PARAGRAPHS)),
    ([*FR_PARAGRAPHS, "Written by Karim Benali", "Karim covers the economy of western Algeria.",
      "All our loans are made by a partner bank."], ("Karim Benali",), list(FR_PARAGRAPHS)),
    ([*AR_PARAGRAPHS, "بقلم كريم بن علي", "صحفي في القسم الاقتصادي."], ("كريم بن علي",), list(AR_PARAGRAPHS)),
    # ... not another person's name, a name that opens the text, a box longer than an author's, a footnote under it
    ([*FR_PARAGRAPHS, "Amina Saïdi", "Rédactrice en chef adjointe"], ("Karim Benali",),
     [*FR_PARAGRAPHS, "Amina Saïdi", "Rédactrice en chef adjointe"]),
    (["Karim Benali", *FR_PARAGRAPHS[:2]], ("Karim Benali",), ["Karim Benali", *FR_PARAGRAPHS[:2]]),
    ([*FR_PARAGRAPHS, "Karim Benali", *FR_PARAGRAPHS * 2], ("Karim Benali",),
     [*FR_PARAGRAPHS, "Karim Benali", *FR_PARAGRAPHS * 2]),
    ([*FR_PARAGRAPHS, "Karim Benali", "*Les prénoms des témoins ont été changés."], ("Karim Benali",),
     [*FR_PARAGRAPHS, "Karim Benali", "*Les prénoms des témoins ont été changés."]),
    # a header further up than the text's last lines is followed by the article: it stays
    (["Auteur", *FR_PARAGRAPHS, *FR_PARAGRAPHS, *FR_PARAGRAPHS], (), ["Auteur", *FR_PARAGRAPHS, *FR_PARAGRAPHS,
                                                                        *FR_PARAGRAPHS]),
    ([FR_PARAGRAPHS[0], "Écrit par", *FR_PARAGRAPHS * 3], (), [FR_PARAGRAPHS[0], "Écrit par", *FR_PARAGRAPHS * 3]),
    # a header that opens the text is not a closing one
    (["Auteur", FR_PARAGRAPHS[0]], (), ["Auteur", FR_PARAGRAPHS[0]]),
    # paragraphs under the header, more words than an author's box: a section of the text (a book review's), it stays
    ([*FR_PARAGRAPHS, "L'auteur", *FR_PARAGRAPHS * 2], (), [*FR_PARAGRAPHS, "L'auteur", *FR_PARAGRAPHS * 2]),
    ([*AR_PARAGRAPHS, "الكاتب", *AR_PARAGRAPHS, *AR_PARAGRAPHS], (),
     [*AR_PARAGRAPHS, "الكاتب", *AR_PARAGRAPHS, *AR_PARAGRAPHS]),
    # ... and a box under a later header still goes
    ([*FR_PARAGRAPHS, "L'auteur", *FR_PARAGRAPHS, FR_PARAGRAPHS[0], "À propos de l'auteur", "Journaliste à Oran."],
     (), [*FR_PARAGRAPHS, "L'auteur", *FR_PARAGRAPHS, FR_PARAGRAPHS[0]]),
])
def test_without_author_note(lines: list[str], authors: tuple[str, ...], expected: list[str]) -> None:
    assert without_author_note("\n".join(lines), authors).split("\n") == expected


def test_record_text_leaves_the_author_note_out() -> None:
    html = page(article='<p class="byline">Par Karim Benali</p>', paragraphs=(*FR_PARAGRAPHS, FR_NOTE))
    outcome = extract_article(html.encode("utf-8"), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.authors == ("Karim Benali",)
    assert outcome.text.split("\n") == list(FR_PARAGRAPHS)


# --- htmldate's year alone is no day ------------------------------------------------------------------------------

def _copyright_page(paragraphs: tuple[str, ...], footer: str) -> Extracted:
    """A page that gives no date but what its paragraphs and footer print: htmldate's last-resort search decides."""
    return extract(page(paragraphs=paragraphs).replace("Tous droits réservés", footer))


NEW_YEAR_LINE = "Le 1er janvier 2023, la réforme est entrée en vigueur dans tout le pays, selon le ministère."
MONTH_LINE = "La réforme annoncée en mars 2023 sera appliquée par étapes, selon le ministère des Finances."
DAY_LINE = "La réforme annoncée le 12 mars 2023 sera appliquée par étapes, selon le ministère des Finances."


@pytest.mark.parametrize(("paragraphs", "footer", "expected"), [
    # the copyright year is all htmldate finds: it would answer 1 January of it, a day the page never gives
    (FR_PARAGRAPHS, "© 2023 Sahel Média. Tous droits réservés", None),
    (FR_PARAGRAPHS[:2] + (MONTH_LINE,), "© 2023 Sahel Média", None),
    (AR_PARAGRAPHS, "© 2023 جميع الحقوق محفوظة", None),
    # the page gives 1 January as a day: in words in its text, in digits in its markup
    (FR_PARAGRAPHS[:2] + (NEW_YEAR_LINE,), "© 2023 Sahel Média", "2023-01-01"),
    (FR_PARAGRAPHS, '© 2023 Sahel Média <span data-published="2023-01-01T08:00"></span>', "2023-01-01"),
    # another day found stays whatever the copyright line says
    (FR_PARAGRAPHS[:2] + (DAY_LINE,), "© 2023 Sahel Média", "2023-03-12"),
])
def test_htmldate_answering_new_years_day_from_a_year_alone_gives_no_date(
        paragraphs: tuple[str, ...], footer: str, expected: str | None) -> None:
    outcome = _copyright_page(paragraphs, footer)

    assert outcome.date_published == expected
    assert outcome.sources.get("date_published") == ("htmldate" if expected else None)


def test_the_new_year_check_reads_a_bounded_number_of_printed_years() -> None:
    from crawler.extract._fields import MAX_YEAR_WINDOWS, prints_new_year

    years = " ".join(["2023"] * (MAX_YEAR_WINDOWS + 5_000))
    late = fromstring(f"<html><body><p>{years}</p><p>1er janvier 2023</p></body></html>")
    early = fromstring("<html><body><p>1er janvier 2023</p><p>" + years + "</p></body></html>")

    assert not prints_new_year("2023", late, URL)  # past the bound: not read
    assert prints_new_year("2023", early, URL)
