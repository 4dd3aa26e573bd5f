"""Table-driven tests of crawler.extract: one synthetic page (French or Arabic) per rule.

Every page here was written for these tests; none is copied from a real site.
"""

from __future__ import annotations

import gc
import io
import json
import pickle
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from crawler.extract import EXTRACTOR_VERSION, Extracted, Rejected, decode_html, extract_article
from crawler.extract._authors import looks_like_byline, parse_byline
from crawler.extract._cleanup import is_date_line
from crawler.extract._dates import parse_machine, parse_words, split_published_modified
from crawler.extract._language import detect
from crawler.extract.jsonl import extract_file, serve_jsonl

URL = "https://www.elwatan-dz.com/politique/reforme-fiscale-2025"

FR_PARAGRAPHS = (
    "Le gouvernement a présenté mardi devant l'Assemblée populaire nationale un projet de réforme fiscale "
    "qui prévoit une baisse de l'impôt sur le revenu pour les salaires les plus modestes.",
    "Selon le ministre des Finances, la mesure concernerait près de trois millions de contribuables "
    "et serait compensée par une meilleure collecte de la taxe sur la valeur ajoutée.",
    "Les syndicats ont salué une « avancée », tout en réclamant une revalorisation du salaire minimum "
    "garanti, gelé depuis deux ans, ainsi qu'un calendrier précis pour son application.",
)
AR_PARAGRAPHS = (
    "قدمت الحكومة يوم الثلاثاء أمام المجلس الشعبي الوطني مشروع إصلاح جبائي يتضمن تخفيض الضريبة على الدخل "
    "بالنسبة لأصحاب الأجور الأكثر تواضعا في مختلف القطاعات.",
    "وحسب وزير المالية فإن هذا الإجراء سيشمل قرابة ثلاثة ملايين مكلف بالضريبة وسيتم تعويضه بتحسين تحصيل "
    "الرسم على القيمة المضافة خلال السنوات المقبلة.",
    "ورحبت النقابات بما وصفته بالخطوة الإيجابية مع المطالبة برفع الأجر الوطني الأدنى المضمون المجمد منذ سنتين "
    "وتحديد رزنامة واضحة لتطبيقه.",
)
FR_TEXT = "\n".join(FR_PARAGRAPHS)
AR_TEXT = "\n".join(AR_PARAGRAPHS)


def page(head: str = "", article: str = "", *, lang: str = "fr", paragraphs: tuple[str, ...] = FR_PARAGRAPHS,
         lead: str = "", tail: str = "", charset: str = '<meta charset="utf-8">') -> str:
    """A news page: navigation, an article with `lead` before and `tail` after the paragraphs, a sidebar."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{charset}{head}</head><body>'
        '<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>'
        '<li><a href="/economie">Économie</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>'
        f'<main><article>{article}{lead}<div class="content">{body}{tail}</div></article></main>'
        '<aside class="sidebar"><h3>Les plus lus</h3><ul><li><a href="/a">Un autre sujet du jour</a></li>'
        '<li><a href="/b">Encore un autre titre</a></li></ul></aside>'
        "<footer><p>Tous droits réservés</p></footer></body></html>"
    )


@dataclass
class Case:
    id: str
    html: str | bytes
    expected: dict[str, Any]
    url: str = URL
    content_type: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


def run(case: Case) -> Extracted:
    body = case.html.encode("utf-8") if isinstance(case.html, str) else case.html
    outcome = extract_article(body, case.url, case.content_type)
    assert isinstance(outcome, Extracted), outcome
    return outcome


def check(outcome: Extracted, expected: dict[str, Any]) -> None:
    actual = {name: getattr(outcome, name) for name in expected}
    assert actual == expected


# --- charset ------------------------------------------------------------------------------


def _twice(text: str) -> bytes:
    """`text`'s UTF-8 read as Latin-1 and encoded as UTF-8 again."""
    return text.encode("utf-8").decode("latin-1").encode("utf-8")


DECODE_CASES = [
    pytest.param(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "text/html; charset=cp1252", ("<p>café</p>", "utf-8"), id="bom-wins"),
    pytest.param("<p>été</p>".encode("cp1252"), "text/html; charset=ISO-8859-1", ("<p>été</p>", "cp1252"), id="http-latin1"),
    pytest.param(b'<meta charset="windows-1256"><p>\xe3\xd1\xcd\xc8\xc7</p>', None,
                 ('<meta charset="windows-1256"><p>مرحبا</p>', "cp1256"), id="meta-cp1256"),
    pytest.param("<p>cœur’s</p>".encode(), None, ("<p>cœur’s</p>", "utf-8"), id="clean-utf8"),
    pytest.param("<p>cœur’s</p>".encode("cp1252"), None, ("<p>cœur’s</p>", "cp1252"), id="fallback-cp1252"),
    pytest.param(b"<p>x</p>", "text/html; charset=bogus-name", ("<p>x</p>", "utf-8"), id="unknown-label"),
    pytest.param("\ufeff<p>été</p>".encode("utf-16-le"), None, ("<p>été</p>", "utf-16-le"), id="utf16-bom"),
    pytest.param("<p>Récolte à Mopti</p>".encode("cp1252"), "text/html; charset=utf-8",
                 ("<p>Récolte à Mopti</p>", "cp1252 (declared utf-8, but the bytes are not utf-8)"), id="lying-utf8-header"),
    pytest.param('<meta charset="windows-1256"><p>مرحبا</p>'.encode("cp1256"), "text/html; charset=UTF-8",
                 ('<meta charset="windows-1256"><p>مرحبا</p>', "cp1256 (declared utf-8, but the bytes are not utf-8)"),
                 id="lying-header-meta-right"),
    pytest.param("<p>Récolte</p>".encode(), "text/html; charset=iso-8859-1",
                 ("<p>Récolte</p>", "utf-8 (declared cp1252, but the bytes are utf-8)"), id="utf8-declared-latin1"),
    # a legacy multi-byte charset declared over UTF-8 bytes: UTF-8; its own bytes: that charset
    pytest.param('<meta charset="euc-kr"><p>Récolte à Mopti, 한국어</p>'.encode(), None,
                 ('<meta charset="euc-kr"><p>Récolte à Mopti, 한국어</p>', "utf-8 (declared cp949, but the bytes are utf-8)"),
                 id="utf8-declared-euc-kr"),
    pytest.param('<meta charset="euc-kr"><p>한국어 기사</p>'.encode("euc-kr"), None,
                 ('<meta charset="euc-kr"><p>한국어 기사</p>', "cp949"), id="euc-kr"),
    pytest.param('<meta charset="shift_jis"><p>東京の天気は晴れです</p>'.encode("shift_jis"), None,
                 ('<meta charset="shift_jis"><p>東京の天気は晴れです</p>', "cp932"), id="shift-jis"),
    pytest.param('<meta charset="gb2312"><p>市政府今天宣布新的公共交通计划</p>'.encode("gb2312"), None,
                 ('<meta charset="gb2312"><p>市政府今天宣布新的公共交通计划</p>', "gb18030"), id="gb2312"),
    # UTF-8 read as Latin-1 and written out as UTF-8 again: three characters with a C1 control in them repair the
    # page, its "é" ("Ã©") with them; one is not enough, nor Latin-1 letters that merely follow each other
    pytest.param(_twice("<p>L’été – « très » chaud, l’eau manque à Oran, dit l’élu</p>"), None,
                 ("<p>L’été – « très » chaud, l’eau manque à Oran, dit l’élu</p>",
                  "utf-8 (double-encoded utf-8 repaired)"), id="double-encoded-repaired"),
    pytest.param(_twice("<p>وقال المسؤول “إن الماء – كما قال – ”</p>"), None,
                 ("<p>وقال المسؤول “إن الماء – كما قال – ”</p>", "utf-8 (double-encoded utf-8 repaired)"),
                 id="double-encoded-arabic-repaired"),
    pytest.param(_twice("<p>L’été</p>"), None, (_twice("<p>L’été</p>").decode(), "utf-8"), id="one-sequence-left"),
    pytest.param("<p>SÃO PAULO Ã© Â© ÂªÃ¿ ÃªÃ§</p>".encode(), None, ("<p>SÃO PAULO Ã© Â© ÂªÃ¿ ÃªÃ§</p>", "utf-8"),
                 id="latin-letters-kept"),
]


@pytest.mark.parametrize(("body", "content_type", "expected"), DECODE_CASES)
def test_decode_html(body: bytes, content_type: str | None, expected: tuple[str, str]) -> None:
    assert decode_html(body, content_type) == expected


def test_cp1252_declared_only_in_meta() -> None:
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                "<title>Le cœur de la réforme – l’État recule</title>",
                "<h1>Le cœur de la réforme – l’État recule</h1>", charset="")
    outcome = run(Case("cp1252", html.encode("cp1252"), {}))
    check(outcome, {"title": "Le cœur de la réforme – l’État recule", "text": FR_TEXT, "warnings": ()})


@pytest.mark.parametrize(("lang", "paragraphs", "title"), [
    ("fr", FR_PARAGRAPHS, "Le cœur de la réforme – l’État recule"),
    ("ar", AR_PARAGRAPHS, "إصلاح جبائي: الحكومة تقدم مشروعها"),
])
def test_double_encoded_utf8_page(lang: str, paragraphs: tuple[str, ...], title: str) -> None:
    """A page whose text was UTF-8 read as Latin-1 and written out as UTF-8 again reads as written."""
    html = page(f"<title>{title}</title>", f"<h1>{title}</h1>", lang=lang, paragraphs=paragraphs)
    outcome = run(Case("double-encoded", _twice(html), {}))
    check(outcome, {"title": title, "text": "\n".join(paragraphs), "language": lang,
                    "warnings": ("charset: read as utf-8 (double-encoded utf-8 repaired)",)})


# --- title --------------------------------------------------------------------------------

TITLE_CASES = [
    Case("h1-matches-og-title",
         page('<title>Réforme fiscale : le projet arrive à l’APN | El Watan</title>'
              '<meta property="og:title" content="Réforme fiscale : le projet arrive à l’APN">',
              "<h1>Réforme fiscale : le projet arrive à l’APN</h1>"),
         {"title": "Réforme fiscale : le projet arrive à l’APN",
          "seo_title": "Réforme fiscale : le projet arrive à l’APN | El Watan", "sources": {
              "title": "h1", "seo_title": "title", "html_lang": "html-lang", "text": "trafilatura", "language": "langid"}}),
    Case("dash-in-headline-site-suffix",
         page('<title>Algérie - Maroc : la frontière reste fermée - Le Quotidien d’Oran</title>'
              '<meta property="og:site_name" content="Le Quotidien d’Oran">'),
         {"title": "Algérie - Maroc : la frontière reste fermée",
          "seo_title": "Algérie - Maroc : la frontière reste fermée - Le Quotidien d’Oran"}),
    Case("site-known-only-from-domain",
         page("<title>El Watan – Mali - Transition : un nouveau calendrier – Politique</title>"
              '<meta property="article:section" content="Politique">'),
         {"title": "Mali - Transition : un nouveau calendrier", "section": "Politique"}),
    Case("logo-h1-is-not-the-headline",
         page("<title>Sécheresse : le barrage de Beni Haroun à 30 % | El Watan</title>",
              '<h1 class="logo">El Watan</h1>'),
         {"title": "Sécheresse : le barrage de Beni Haroun à 30 %", "sources": {
             "title": "title", "seo_title": "title", "html_lang": "html-lang", "text": "trafilatura", "language": "langid"}}),
    Case("headline-class-h2",
         page("<title>Tunisie – Les pluies reviennent sur le Nord-Ouest – Journal Tunisie</title>",
              '<h2 class="post-title">Tunisie – Les pluies reviennent sur le Nord-Ouest</h2>'),
         {"title": "Tunisie – Les pluies reviennent sur le Nord-Ouest"}),
    Case("title-tag-is-only-the-site-name",
         page('<title>El Watan</title><meta property="og:title" content="El Watan">',
              "<h1>Les pluies reviennent sur le Nord</h1>"),
         {"title": "Les pluies reviennent sur le Nord", "seo_title": "El Watan"}),
    Case("unknown-suffix-is-kept",
         page("<title>Le dinar recule face à l’euro - Marchés</title>"),
         {"title": "Le dinar recule face à l’euro - Marchés", "seo_title": None}),
]


@pytest.mark.parametrize("case", TITLE_CASES, ids=lambda c: c.id)
def test_title(case: Case) -> None:
    check(run(case), case.expected)


# --- bylines, authors, agencies ----------------------------------------------------------

P, D, A = "person", "desk", "agency"
BYLINE_CASES = [
    ("Par Karim Benali et Amina Saïdi, envoyée spéciale à Tunis", [("Karim Benali", P), ("Amina Saïdi", P)], []),
    ("Par notre correspondant à Bamako, Moussa Keïta", [("Moussa Keïta", P)], []),
    ("Propos recueillis par Leïla Haddad", [("Leïla Haddad", P)], []),
    ("Par APS", [("APS", A)], ["APS"]),
    ("Par KARIM BENALI (avec AFP)", [("Karim Benali", P), ("AFP", A)], ["AFP"]),
    ("Par Yacine K. | Publié le 12/11/2025", [("Yacine K.", P)], []),
    ("Par Hamid Ould Ahmed, correspondant", [("Hamid Ould Ahmed", P)], []),
    ("Par Moussa Keïta envoyé spécial à Kidal", [("Moussa Keïta", P)], []),
    ("Rédaction ElWatan.com", [("Rédaction ElWatan.com", D)], []),
    ("By Sarah Martin & Paul Durand - paul.durand@exemple.com", [("Sarah Martin", P), ("Paul Durand", P)], []),
    ("Par MAP Express", [("MAP Express", A)], ["MAP"]),
    ("بقلم: محمد الأمين و سارة بن علي", [("محمد الأمين", P), ("سارة بن علي", P)], []),
    ("بقلم سيدي ولد باه وأحمد سالم ولد الشيخ", [("سيدي ولد باه", P), ("أحمد سالم ولد الشيخ", P)], []),
    ("بقلم محمد وليد", [("محمد وليد", P)], []),
    ("Par la rédaction", [("La rédaction", D)], []),
    ("Par Rim Hammami ·", [("Rim Hammami", P)], []),  # the date after the separator was a <time> the page lost
    ("Par Karim Benali -", [("Karim Benali", P)], []),
]


@pytest.mark.parametrize(("line", "credited", "agencies"), BYLINE_CASES)
def test_parse_byline(line: str, credited: list[tuple[str, str]], agencies: list[str]) -> None:
    credits = parse_byline(line)
    assert (credits.credited, credits.agencies) == (credited, agencies)


@pytest.mark.parametrize("line", ["Par ailleurs, le ministre a rappelé les engagements pris.",
                                  "Paris, le 12 mars", "Par contre"])
def test_sentences_are_not_bylines(line: str) -> None:
    assert looks_like_byline(line) is None


CREDIT_CASES = [
    Case("leading-byline-paragraph",
         page("<title>Réforme fiscale</title>", lead="<p>Par Karim Benali et Amina Saïdi</p>"),
         {"authors": ("Karim Benali", "Amina Saïdi"), "agencies": (), "text": FR_TEXT}),
    Case("agency-byline-and-dateline",
         page("<title>Réforme fiscale</title>", lead="<p>Par APS</p>",
              paragraphs=("ALGER, 4 mars (APS) - " + FR_PARAGRAPHS[0],) + FR_PARAGRAPHS[1:]),
         {"authors": ("APS",), "author_kinds": ("agency",), "agencies": ("APS",), "text": "ALGER, 4 mars (APS) - " + FR_TEXT}),
    Case("closing-avec-afp-line",
         page("<title>Réforme fiscale</title>", tail="<p>(Avec AFP)</p>"),
         {"authors": (), "agencies": ("AFP",), "text": FR_TEXT}),  # a closing source line is not a byline
    Case("jsonld-author-list-and-agency",
         page('<title>Réforme fiscale</title><script type="application/ld+json">'
              '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Réforme fiscale",'
              '"author":[{"@type":"Person","name":"Nadia Cherif"},{"@type":"Person","name":"Omar Lahlou"},'
              '{"@type":"Organization","name":"Reuters"},{"@type":"Organization","name":"El Watan"}],'
              '"publisher":{"@type":"Organization","name":"El Watan"}}</script>',
              lead="<p>Par Nadia Cherif et Omar Lahlou</p>"),
         {"authors": ("Nadia Cherif", "Omar Lahlou", "Reuters"), "author_kinds": ("person", "person", "agency"),
          "agencies": ("Reuters",), "text": FR_TEXT,
          "sources": {"authors": "json-ld", "title": "json-ld", "page_type": "json-ld", "html_lang": "html-lang",
                      "text": "trafilatura", "language": "langid"}}),
    Case("meta-author-split-and-outlet-dropped",
         page('<title>Réforme fiscale</title><meta property="og:site_name" content="El Watan">'
              '<meta name="author" content="Nadia Cherif et Omar Lahlou">'
              '<meta property="article:author" content="https://www.facebook.com/elwatan">'),
         {"authors": ("Nadia Cherif", "Omar Lahlou"), "sources": {
             "authors": "meta", "title": "title", "html_lang": "html-lang", "text": "trafilatura", "language": "langid"}}),
    Case("byline-element",
         page("<title>Réforme fiscale</title>", '<div class="article-author">Par Sofiane B., à Oran</div>'),
         {"authors": ("Sofiane B.",), "text": FR_TEXT}),
    Case("arabic-byline-paragraph",
         page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS, lead="<p>بقلم: محمد الأمين</p>"),
         {"authors": ("محمد الأمين",), "text": AR_TEXT, "language": "ar"}),
]


@pytest.mark.parametrize("case", CREDIT_CASES, ids=lambda c: c.id)
def test_credits(case: Case) -> None:
    check(run(case), case.expected)


# --- JSON-LD --------------------------------------------------------------------------------

GRAPH = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://www.elwatan-dz.com/#site", "name": "El Watan"},
  {"@type": "Person", "@id": "https://www.elwatan-dz.com/#/schema/person/1", "name": "Nadia Cherif"},
  {"@type": ["NewsArticle"], "headline": "La réforme fiscale arrive à l'APN",
   "author": {"@id": "https://www.elwatan-dz.com/#/schema/person/1"},
   "datePublished": "2025-03-04T09:15:00+01:00", "dateModified": "2025-03-04T18:02:11+01:00",
   "articleSection": ["Politique", "Économie"], "keywords": "fiscalité, APN, impôts",
   "image": [{"@type": "ImageObject", "url": "/uploads/apn.jpg"}], "inLanguage": "fr-DZ",
   "description": "Le projet de loi prévoit une baisse de l'IRG."},
  {"@type": "BreadcrumbList", "itemListElement": []}
]}
</script>"""

JSONLD_CASES = [
    Case("graph-with-id-reference",
         page("<title>La réforme fiscale arrive à l'APN - El Watan</title>" + GRAPH, '<p class="auteur">Nadia Cherif</p>'),
         {"title": "La réforme fiscale arrive à l'APN", "authors": ("Nadia Cherif",),
          "date_published": "2025-03-04T09:15:00+01:00", "date_modified": "2025-03-04T18:02:11+01:00",
          "section": "Politique", "tags": ("fiscalité", "APN", "impôts"), "page_type": "NewsArticle",
          "image_url": "https://www.elwatan-dz.com/uploads/apn.jpg",
          "description": "Le projet de loi prévoit une baisse de l'IRG.",
          "sources": {"title": "json-ld", "seo_title": "title", "page_type": "json-ld", "authors": "json-ld",
                      "date_published": "json-ld", "date_modified": "json-ld", "section": "json-ld", "tags": "json-ld",
                      "image_url": "json-ld", "description": "json-ld", "html_lang": "html-lang", "text": "trafilatura",
                      "language": "langid"}}),
    Case("broken-jsonld-is-repaired",
         page('<script type="application/ld+json"><!--\n{"@type": "NewsArticle", "headline": "Réforme fiscale",'
              ' "author": "Nadia Cherif", "datePublished": "2025-03-04",}\n--></script>', "<p>Par Nadia Cherif</p>"),
         {"title": "Réforme fiscale", "authors": ("Nadia Cherif",), "date_published": "2025-03-04", "warnings": ()}),
    Case("unreadable-jsonld-is-skipped",
         page('<title>Réforme fiscale</title><script type="application/ld+json">{"@type": "NewsArticle", '
              '"headline": </script><meta property="article:published_time" content="2025-03-04T10:00:00Z">'),
         {"title": "Réforme fiscale", "date_published": "2025-03-04T10:00:00+00:00",
          "warnings": ("json-ld: 1 block(s) unreadable even after repair; ignored",)}),
    Case("schema-prefixed-type-inside-main-entity",
         page('<script type="application/ld+json">{"@type": "WebPage", "mainEntity": {"@type": "schema:BlogPosting",'
              ' "headline": "Carnet de route à Kidal", "author": {"@type": "Person", "name": "Moussa Keïta"}}}</script>',
              '<span class="auteur">Moussa Keïta</span>'),
         {"title": "Carnet de route à Kidal", "authors": ("Moussa Keïta",), "page_type": "BlogPosting"}),
    Case("webpage-only-as-last-resort",
         page('<script type="application/ld+json">[{"@type": "WebPage", "name": "Page"},'
              '{"@type": "ReportageNewsArticle", "headline": "Reportage à Tamanrasset"}]</script>'),
         {"title": "Reportage à Tamanrasset", "page_type": "ReportageNewsArticle"}),
    Case("any-schema-article-kind-over-the-web-page",  # TechArticle, SatiricalArticle: schema.org's Article kinds
         page('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "Guide | Site"},'
              '{"@type": "TechArticle", "headline": "Installer un serveur à Oran",'
              ' "author": {"@type": "Person", "name": "Karim Benali"}}]}</script>',
              '<p class="meta">Par <a href="/auteur/kb">Karim Benali</a>, le 4 mars 2025</p>'),
         {"title": "Installer un serveur à Oran", "authors": ("Karim Benali",), "page_type": "TechArticle"}),
    Case("any-schema-article-kind-arabic",
         page('<script type="application/ld+json">[{"@type": "WebPage", "name": "الصفحة"},'
              '{"@type": "SatiricalArticle", "headline": "حكاية من الجزائر العاصمة"}]</script>'),
         {"title": "حكاية من الجزائر العاصمة", "page_type": "SatiricalArticle"}),
]


@pytest.mark.parametrize("case", JSONLD_CASES, ids=lambda c: c.id)
def test_jsonld(case: Case) -> None:
    check(run(case), case.expected)


# --- dates ------------------------------------------------------------------------------------

WORD_DATES = [
    ("Publié le jeudi 12 novembre 2025 à 14h32", "2025-11-12T14:32:00"),
    ("12 nov. 2025", "2025-11-12"),
    ("1er août 2024", "2024-08-01"),
    ("Mis en ligne le 3 Février 2025, 09:05", "2025-02-03T09:05:00"),
    ("le 04/03/2025 à 10:20", "2025-03-04T10:20:00"),
    ("12 نوفمبر 2025", "2025-11-12"),
    ("الخميس 3 جويلية 2025 - 18:40", "2025-07-03T18:40:00"),
    ("٥ فيفري ٢٠٢٥", "2025-02-05"),
    ("7 غشت 2024", "2024-08-07"),
    ("5 تشرين الثاني 2025", "2025-11-05"),
    ("20 كانون الأول 2024", "2024-12-20"),
    ("1 أفريل 2025", "2025-04-01"),
    ("31 février 2025", None),
    # the time after a bar or a dash, as date lines print it under the headline
    ("Dimanche 1 juin 2025 | 8h05", "2025-06-01T08:05:00"),
    ("1 juin 2025 – 08:05", "2025-06-01T08:05:00"),
    ("1 juin 2025 — 8 h 05", "2025-06-01T08:05:00"),
    # seconds, when the page prints them
    ("15/03/2025 10:20:45", "2025-03-15T10:20:45"),
    ("Publié le 15 mars 2025 à 10:20:45", "2025-03-15T10:20:45"),
    ("الأحد 2 مارس 2025 - 14:20:05", "2025-03-02T14:20:05"),
]


@pytest.mark.parametrize(("text", "expected"), WORD_DATES)
def test_dates_in_words(text: str, expected: str | None) -> None:
    assert parse_words(text) == expected


MACHINE_DATES = [
    ("2025-03-04T09:15:00+01:00", "2025-03-04T09:15:00+01:00"),
    ("2025-03-04T09:15:00.000+0100", "2025-03-04T09:15:00+01:00"),
    ("2025-03-04T08:15:00Z", "2025-03-04T08:15:00+00:00"),
    ("2025-03-04 09:15:00", "2025-03-04T09:15:00"),
    ("2025-03-04", "2025-03-04"),
    ("Tue, 04 Mar 2025 09:15:00 +0100", "2025-03-04T09:15:00+01:00"),
    ("1741075200", "2025-03-04T08:00:00+00:00"),
    ("n/a", None),
]


@pytest.mark.parametrize(("raw", "expected"), MACHINE_DATES)
def test_machine_dates(raw: str, expected: str | None) -> None:
    assert parse_machine(raw) == expected


def test_published_and_modified_on_one_line() -> None:
    line = "Publié le 4 mars 2025 à 09h15 - Mis à jour le 5 mars 2025 à 11h00"
    assert split_published_modified(line) == ("2025-03-04T09:15:00", "2025-03-05T11:00:00")


DATE_CASES = [
    Case("time-element-keeps-offset",
         page("<title>Réforme fiscale</title>",
              '<time class="entry-date published" datetime="2025-03-04T09:15:00+01:00">4 mars 2025</time>'
              '<time class="updated" datetime="2025-03-05T08:00:00+01:00">5 mars 2025</time>'),
         {"date_published": "2025-03-04T09:15:00+01:00", "date_modified": "2025-03-05T08:00:00+01:00",
          "sources": {"date_published": "time", "date_modified": "time", "title": "title", "html_lang": "html-lang",
                      "text": "trafilatura", "language": "langid"}}),
    Case("french-words-in-date-line",
         page("<title>Réforme fiscale</title>",
              '<div class="post-date">Publié le jeudi 6 mars 2025 à 14h32 | Mis à jour le 7 mars 2025</div>'),
         {"date_published": "2025-03-06T14:32:00", "date_modified": "2025-03-07"}),
    Case("arabic-words-in-date-line",
         page("<title>إصلاح جبائي</title>", '<span class="date">نشر في 12 جوان 2025</span>',
              lang="ar", paragraphs=AR_PARAGRAPHS),
         {"date_published": "2025-06-12", "language": "ar"}),
    Case("arabic-wordpress-entry-meta",
         page("<title>ارتفاع أسعار الخضر &#8211; الشروق أونلاين</title>"
              '<meta property="og:site_name" content="الشروق أونلاين">',
              '<header class="entry-header"><h1 class="entry-title">ارتفاع أسعار الخضر</h1><div class="entry-meta">'
              '<span class="posted-on">نشر في 3 جويلية 2025 على الساعة 18:40</span><span class="byline"> بقلم '
              '<span class="author vcard"><a class="url fn n" href="/author/s">سارة بن علي</a></span></span></div></header>',
              lang="ar", paragraphs=("الجزائر - (واج) - " + AR_PARAGRAPHS[0],) + AR_PARAGRAPHS[1:]),
         {"title": "ارتفاع أسعار الخضر", "seo_title": "ارتفاع أسعار الخضر – الشروق أونلاين", "authors": ("سارة بن علي",),
          "agencies": ("APS",), "date_published": "2025-07-03T18:40:00", "text": "الجزائر - (واج) - " + AR_TEXT,
          "sources": {"title": "h1", "seo_title": "title", "authors": "byline", "date_published": "byline",
                      "html_lang": "html-lang", "language": "langid", "text": "trafilatura"}}),
    Case("future-date-is-refused",
         page('<title>Réforme fiscale</title><meta property="article:published_time" content="2099-01-01T00:00:00Z">'
              '<meta name="date" content="2025-03-04">'),
         {"date_published": "2025-03-04",
          "warnings": ("date_published: '2099-01-01T00:00:00Z' from opengraph lies in the future; ignored",)}),
]


@pytest.mark.parametrize("case", DATE_CASES, ids=lambda c: c.id)
def test_dates(case: Case) -> None:
    check(run(case), case.expected)


# The Levantine and pan-Arab press print a month under both its names, the Syriac one and the one from the Latin,
# after a slash or in brackets: the date is read from the first, and such a line over the text is a date line.
TWO_NAMED_MONTHS = [
    ("8 مارس/ آذار 2026", "2026-03-08"),
    ("الثلاثاء 14 نيسان / أبريل 2026 08:40 مساءً", "2026-04-14T20:40:00"),
    ("3 تموز (يوليو) 2025", "2025-07-03"),
    ("الخميس 5 كانون الأول / ديسمبر 2024 - 10:15", "2024-12-05T10:15:00"),
]


@pytest.mark.parametrize(("line", "expected"), TWO_NAMED_MONTHS)
def test_a_month_under_its_two_names(line: str, expected: str) -> None:
    assert (parse_words(line), is_date_line(line), is_date_line("نشر في " + line)) == (expected, True, True)


def test_a_two_named_month_dates_the_page_and_leaves_the_text() -> None:
    got = run(Case("levant", page("<title>إصلاح جبائي</title>",
                                  '<div class="published">تم نشره الأحد 9 شباط / فبراير 2025 10:05 صباحاً</div>',
                                  lang="ar", paragraphs=AR_PARAGRAPHS), {}))
    assert (got.date_published, got.text) == ("2025-02-09T10:05:00", AR_TEXT)


# --- language ------------------------------------------------------------------------------------

LANGUAGE_CASES = [
    Case("french", page("<title>Réforme fiscale</title>"), {"language": "fr", "html_lang": "fr", "warnings": ()}),
    Case("arabic", page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS),
         {"language": "ar", "html_lang": "ar", "warnings": ()}),
    Case("arabic-text-declared-french",
         page("<title>إصلاح جبائي</title>", lang="fr-FR", paragraphs=AR_PARAGRAPHS),
         {"language": "ar", "html_lang": "fr-FR",
          "warnings": ("language: the text reads as 'ar' but html-lang declares 'fr'",)}),
    Case("french-text-wordpress-default-en",
         page("<title>Réforme fiscale</title>", lang="en-US"),
         {"language": "fr", "html_lang": "en-US",
          "warnings": ("language: the text reads as 'fr' but html-lang declares 'en'",)}),
]


@pytest.mark.parametrize("case", LANGUAGE_CASES, ids=lambda c: c.id)
def test_language(case: Case) -> None:
    check(run(case), case.expected)


SHORT_TEXTS = [
    ("Le ministre a reçu hier les représentants des syndicats.", "fr"),
    ("Les pluies reviennent sur le nord du pays dès demain.", "fr"),
    ("Match nul entre le MCA et la JSK au stade du 5-Juillet.", "fr"),
    ("استقبل الوزير أمس ممثلي النقابات.", "ar"),
    ("غادي نمشيو للدار البيضاء غدا إن شاء الله.", "ar"),
    ("The minister met union leaders yesterday in Algiers.", "en"),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_TEXTS)
def test_language_of_short_texts(text: str, expected: str) -> None:
    assert detect(text)[0] == expected


# The Arabic script is not the Arabic language: Persian and Urdu spell with letters Arabic never uses (گ پ ی ک ے),
# and an Arabic text keeps 'ar' with a foreign name in پ, a Maghreb ڤ or ڨ, or a keyboard's Persian ی for ي.
ARABIC_SCRIPT_TEXTS = [
    ("وزیر اقتصاد روز سه‌شنبه گفت که دولت برنامه تازه‌ای برای کمک به کشاورزان استان‌های جنوبی آماده کرده است.", "fa"),
    ("وزیر اعظم نے کہا کہ حکومت کسانوں کی مدد کے لیے نیا منصوبہ تیار کر رہی ہے اور بارش سے پہلے کام شروع ہوگا۔", "ur"),
    ("زار الوفد مدينة پاريس أمس والتقى بممثلي الجالية المغاربية هناك لمناقشة قضايا الهجرة والعمل.", "ar"),
    ("فاز فريق ڤالمة على ضيفه في الجولة الأخيرة من البطولة، وتأهل إلى الدور المقبل من كأس الجمهورية.", "ar"),
    ("قال وزیر الفلاحة إن الحکومة ستدعم المزارعین فی ولایات الجنوب خلال الموسم المقبل بقروض میسرة.", "ar"),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC_SCRIPT_TEXTS)
def test_language_of_arabic_script_texts(text: str, expected: str) -> None:
    assert detect(text)[0] == expected


FA_PARAGRAPHS = (
    "وزیر اقتصاد روز سه‌شنبه در نشست خبری گفت که دولت برنامه تازه‌ای برای کمک به کشاورزان استان‌های جنوبی آماده "
    "کرده است و اجرای آن از ماه آینده آغاز می‌شود.",
    "به گفته او، وام‌های کم‌بهره به کشاورزانی داده می‌شود که در خشکسالی سال گذشته بخشی از محصول خود را از دست دادند "
    "و این کمک‌ها تا پایان سال ادامه خواهد داشت.",
    "نمایندگان کشاورزان از این تصمیم استقبال کردند اما گفتند که مبلغ وام‌ها برای جبران خسارت کافی نیست.",
)


def test_a_persian_page_is_not_arabic() -> None:
    got = run(Case("persian", page("<title>برنامه تازه برای کشاورزان</title>", lang="fa", paragraphs=FA_PARAGRAPHS), {}))
    assert (got.language, got.warnings) == ("fa", ())


# --- canonical URL -----------------------------------------------------------------------------

CANONICAL_CASES = [
    Case("relative-canonical", page('<link rel="canonical" href="/politique/reforme-fiscale-2025">'),
         {"canonical_url": "https://www.elwatan-dz.com/politique/reforme-fiscale-2025"}, url=URL + "?utm_source=fb"),
    Case("home-page-canonical-refused",
         page('<link rel="canonical" href="https://www.autre-site.com/">'
              '<meta property="og:url" content="https://www.elwatan-dz.com/politique/reforme-fiscale-2025#top">'),
         {"canonical_url": "https://www.elwatan-dz.com/politique/reforme-fiscale-2025",
          "warnings": ("canonical: 'https://www.autre-site.com/' (meta) is a home page, not this article; ignored",)}),
    Case("no-canonical", page(), {"canonical_url": None}),
]


@pytest.mark.parametrize("case", CANONICAL_CASES, ids=lambda c: c.id)
def test_canonical(case: Case) -> None:
    check(run(case), case.expected)


# --- paywall -----------------------------------------------------------------------------------

TEASER = (FR_PARAGRAPHS[0],)
PAYWALL_CASES = [
    Case("jsonld-string-false",
         page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Réforme fiscale",'
              ' "isAccessibleForFree": "False"}</script>'),
         {"paywalled": True}),
    Case("paywall-class-short-text",
         page("<title>Réforme fiscale</title>", paragraphs=TEASER,
              tail='<div id="paywall" class="js-paywall"></div>'),
         {"paywalled": True, "word_count": 29}),
    Case("phrase-short-text",
         page("<title>Réforme fiscale</title>", paragraphs=TEASER,
              tail="<div><strong>Cet article est réservé aux abonnés.</strong></div>"),
         {"paywalled": True}),
    Case("premium-menu-link-is-not-a-paywall",
         page('<title>Réforme fiscale</title>', '<a class="premium" href="/premium">Premium</a>'),
         {"paywalled": False}),
]


@pytest.mark.parametrize("case", PAYWALL_CASES, ids=lambda c: c.id)
def test_paywall(case: Case) -> None:
    check(run(case), case.expected)


# --- bad input -------------------------------------------------------------------------------

def test_broken_html_still_extracts() -> None:
    html = ("<html><head><title>Réforme fiscale - El Watan</title><body><div><h1>Réforme fiscale</h2>"
            + "".join(f"<p>{p}" for p in FR_PARAGRAPHS) + "</div></span></td><p>\x00\x07")
    check(run(Case("broken", html, {})), {"title": "Réforme fiscale", "text": FR_TEXT, "language": "fr"})


REJECTED_CASES = [
    pytest.param(b"", None, "empty_body", id="empty"),
    pytest.param(b" \r\n\t ", None, "empty_body", id="whitespace"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, None, "not_html", id="png"),
    pytest.param(bytes(range(256)) * 8, None, "not_html", id="binary-junk"),
    pytest.param(b"<html>" + bytes(range(1, 32)) * 50, None, "not_html", id="control-bytes"),
    pytest.param(b"%PDF-1.7 <html>", None, "not_html", id="pdf-magic"),
    pytest.param(page().encode(), "application/pdf", "not_html", id="pdf-content-type"),
    pytest.param(b"just some words without any markup at all", None, "not_html", id="plain-text"),
    pytest.param(b"<html><head><title>Accueil</title></head><body><script>var a = 1;</script><div></div></body></html>",
                 None, "no_text", id="no-text"),
]


@pytest.mark.parametrize(("body", "content_type", "reason"), REJECTED_CASES)
def test_rejected(body: bytes, content_type: str | None, reason: str) -> None:
    outcome = extract_article(body, URL, content_type)
    assert isinstance(outcome, Rejected)
    assert outcome.reason == reason
    assert outcome.detail.endswith(".")


def test_a_short_text_is_given_with_a_warning() -> None:
    """The extractor gives what a stub says; the record decision refuses it (tests/test_record_decision.py)."""
    outcome = extract_article(page(paragraphs=("Bientôt la suite.",)).encode(), URL)
    assert isinstance(outcome, Extracted)
    assert "Bientôt la suite." in outcome.text and outcome.word_count < 10
    assert f"text: {outcome.word_count} words, fewer than the 10 of an article; the crawl records no article for " \
           "it (too_short)" in outcome.warnings


def test_nesting_past_the_parser_limit_is_rejected() -> None:
    # libxml2 stops at 256 levels; trafilatura on its own finds no text in such a page either.
    body = ("<div>" * 20000 + "<p>" + " ".join(FR_PARAGRAPHS) + "</p>").encode()
    assert extract_article(body, URL) == Rejected("no_text", "trafilatura found no article text in 100564 bytes of HTML.")


HOSTILE_PAGES = [
    pytest.param(page('<script type="application/ld+json">' + "[" * 100_000 + "</script>").encode(), id="jsonld-deep-array"),
    pytest.param(page('<script type="application/ld+json">{"@graph": ['
                      + '{"@type": "NewsArticle", "author": {"@id": ["x"]}, "headline": ["a", {"b": 1}]},' * 2000
                      + "{}]}</script>").encode(), id="jsonld-odd-types"),
]


@pytest.mark.parametrize("body", HOSTILE_PAGES)
def test_hostile_pages_do_not_raise(body: bytes) -> None:
    outcome = extract_article(body, URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.startswith(FR_PARAGRAPHS[0][:40])


def test_outcomes_pickle_for_worker_processes() -> None:
    outcome = run(Case("pickle", page("<title>Réforme fiscale</title>"), {}))
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    assert pickle.loads(pickle.dumps(Rejected("no_text", "x."))) == Rejected("no_text", "x.")


def test_a_worker_keeps_no_page_tree_after_its_extraction() -> None:
    """A long-lived worker lets go of a page's parsed tree when the page is done, even the tree of a page whose site
    banner the date rules looked up (they remember it while the page is extracted)."""
    body = ("<html><body><header><nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav>"
            "<p>Samedi 5 décembre 2026</p></header><article><h1>Réforme fiscale</h1>"
            + "".join(f"<p>{paragraph}</p>" for paragraph in FR_PARAGRAPHS) + "</article></body></html>").encode()
    trees: list[weakref.ref[Any]] = []
    outcome = extract_article(body, "https://www.elwatan-dz.com/politique/reforme-fiscale",
                              on_parsed=lambda root, text, encoding: trees.append(weakref.ref(root)))
    assert isinstance(outcome, Extracted) and outcome.title == "Réforme fiscale"
    gc.collect()
    assert trees and trees[0]() is None


def test_word_count_and_version() -> None:
    outcome = run(Case("count", page("<title>Réforme fiscale</title>"), {}))
    assert outcome.word_count == len(FR_TEXT.split()) == 85
    assert EXTRACTOR_VERSION.startswith("khabar-extract 22; trafilatura ")


# --- JSON lines --------------------------------------------------------------------------------

def test_serve_jsonl_round_trip(tmp_path: Path) -> None:
    fr = tmp_path / "fr.html"
    fr.write_text(page('<title>Réforme fiscale - El Watan</title><meta property="og:site_name" content="El Watan">'
                       '<meta property="article:published_time" content="2025-03-04T09:15:00+01:00">',
                       lead="<p>Par Nadia Cherif</p>"), encoding="utf-8")
    ar = tmp_path / "ar.html"
    ar.write_text(page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS), encoding="utf-8")
    requests = [{"id": "a1", "url": URL, "html_path": str(fr)},
                {"id": "a2", "url": "https://www.elwatan-dz.com/x", "html_path": str(tmp_path / "missing.html")},
                {"id": "a3", "url": "https://www.elkhabar.com/ar/1", "html_path": str(ar)}]
    stdin = io.StringIO("".join(json.dumps(r) + "\n" for r in requests))
    stdout = io.StringIO()
    assert serve_jsonl(stdin, stdout) == 0
    answers = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [a["id"] for a in answers] == ["a1", "a2", "a3"]
    first, missing, arabic = answers
    assert list(first)[:6] == ["id", "url", "title", "authors", "published", "text"]
    assert {k: first[k] for k in ("title", "authors", "published", "text", "language", "agencies", "paywalled")} == {
        "title": "Réforme fiscale", "authors": ["Nadia Cherif"], "published": "2025-03-04T09:15:00+01:00",
        "text": FR_TEXT, "language": "fr", "agencies": [], "paywalled": False}
    assert set(first) == set(answers[2]) == set(missing) - {"error"}
    assert missing["error"].startswith(f"cannot read {str(tmp_path / 'missing.html')!r}: ")
    assert (missing["title"], missing["authors"], missing["text"]) == (None, [], "")
    assert (arabic["language"], arabic["text"]) == ("ar", AR_TEXT)


def test_serve_jsonl_bad_requests() -> None:
    stdout = io.StringIO()
    serve_jsonl(io.StringIO('not json\n{"id": 7}\n'), stdout)
    answers = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [(a["id"], a["error"].partition(" (")[0]) for a in answers] == [  # (json's own words follow)
        (None, "request is not JSON"), (7, "request has no html_path string")]


def test_extract_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    answer = extract_file(str(path), None)
    assert answer["rejected"] == {"reason": "empty_body", "detail": "the response body is empty."}
    assert answer["url"] is None and "id" not in answer
