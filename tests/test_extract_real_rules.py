"""Table-driven tests of the rules tuned on real pages (issue 12, bench/real_quality.py), each on short
snippets written for these tests: dates in local time rather than their UTC copy, the last-resort date search
in the text, word counts in scripts without spaces, tables kept in the body."""

from __future__ import annotations

import json
from typing import Any

import pytest

from crawler.extract import Extracted, extract_article
from crawler.extract._local_time import prefer_local
from crawler.extract._text import word_count
from crawler.extract._title import SiteKeys, strip_site
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, FR_TEXT, page

URL = "https://www.exemple-dz.com/politique/reforme-fiscale-2025"
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
    # another moment, another minute, or only a day: the UTC stamp stays
    ("2026-03-09T03:28:35+00:00", ["2026-03-06T09:22:36+01:00"], "2026-03-09T03:28:35+00:00"),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08T22:29:35"], "2026-03-09T03:28:35+00:00"),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08"], "2026-03-09T03:28:35+00:00"),
    ("2026-03-09T03:28:35+00:00", ["2026-03-08T03:28:35"], "2026-03-09T03:28:35+00:00"),  # 24 h away: not an offset
    # a stamp that is not UTC is kept as it is
    ("2026-03-09T03:28:35+01:00", ["2026-03-09T02:28:35"], "2026-03-09T03:28:35+01:00"),
    ("2026-03-09T03:28:35", ["2026-03-09T02:28:35+00:00"], "2026-03-09T03:28:35"),
])
def test_prefer_local(chosen: str, others: list[str], expected: str) -> None:
    assert prefer_local(chosen, others) == expected


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


PAGE_CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("utc-jsonld-local-meta",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T02:15:00Z")
          + '<meta name="sailthru.date" content="2025-11-12 21:15:00">'),
     {"date_published": "2025-11-12T21:15:00"}),
    ("utc-og-local-offset-ar",
     page('<meta property="article:published_time" content="2025-11-12T23:40:00+00:00">'
          '<meta name="pubdate" content="2025-11-13T00:40:00+01:00">', lang="ar", paragraphs=AR_PARAGRAPHS),
     {"date_published": "2025-11-13T00:40:00+01:00"}),
    ("utc-alone-stays",
     page(jsonld(headline="Réforme fiscale", datePublished="2025-11-13T02:15:00Z")),
     {"date_published": "2025-11-13T02:15:00+00:00"}),
    ("date-only-in-the-page-text",
     page(article='<div class="entete"><span>12.11.2025</span></div>'),
     {"date_published": "2025-11-12"}),
    ("chinese-article-is-not-too-short",
     page(lang="zh", paragraphs=ZH_PARAGRAPHS),
     {"text_has": list(ZH_PARAGRAPHS), "language": "zh", "word_count_at_least": 40}),
    ("table-kept-in-body",
     page(tail="<table><tr><th>Wilaya</th><th>Taux de participation</th></tr>"
               "<tr><td>Tizi Ouzou</td><td>31,4 %</td></tr><tr><td>Oran</td><td>47,9 %</td></tr></table>"),
     {"text_has": ["Tizi Ouzou", "47,9 %"]}),
    ("layout-table-stays-out",
     '<html lang="fr"><head><meta charset="utf-8"><title>Réforme fiscale</title></head><body>'
     '<table width="990"><tr><td class="gauche"><a href="/">Accueil</a> <a href="/politique">Politique</a></td>'
     '<td class="centre"><h1>Réforme fiscale : le projet arrive</h1><p class="auteur">Par Karim Benali</p>'
     + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS) + '</td></tr></table></body></html>',
     {"text": FR_TEXT}),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in PAGE_CASES], ids=[c[0] for c in PAGE_CASES])
def test_page_rules(html: str, expected: dict[str, Any]) -> None:
    outcome = extract(html)
    for name, value in expected.items():
        if name == "word_count_at_least":
            assert outcome.word_count >= value
        elif name == "text_has":
            assert all(cell in outcome.text for cell in value), outcome.text
        else:
            assert getattr(outcome, name) == value, (name, getattr(outcome, name), outcome.sources)
