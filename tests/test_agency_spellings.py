"""The wires the Maghreb and Sahel press reprints, as it prints them: in a byline, in a dispatch's opening dateline
and in its closing bracketed source. Table-driven on snippets written for these tests (French and Arabic); none is
copied from a real site.

A spelling that is also a word or a name ('Petra', 'Sana', 'spa', the Egyptian town 'قنا') credits its agency only
in a dispatch's brackets, never as a byline's bare name nor anywhere in the running text.
"""

from __future__ import annotations

import pytest

from crawler.extract import Extracted, extract_article
from crawler.extract._authors import agencies_in, parse_byline
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, URL, page

P, A = "person", "agency"

# (byline as printed, credited (name, kind) in order, canonical agencies)
BYLINES = [
    ("Par Karim Benali avec KUNA", [("Karim Benali", P), ("KUNA", A)], ["KUNA"]),
    ("Par Qatar News Agency", [("Qatar News Agency", A)], ["QNA"]),
    ("Par Amina Saïdi, Keystone-ATS", [("Amina Saïdi", P), ("Keystone-ATS", A)], ["Keystone-ATS"]),
    ("Par Omar Lahlou (avec Belga)", [("Omar Lahlou", P), ("Belga", A)], ["Belga"]),
    ("Source : WAM", [("WAM", A)], ["WAM"]),
    ("Par MENA", [("MENA", A)], ["MENA"]),
    ("Par l'Agence congolaise de presse", [("Agence congolaise de presse", A)], ["ACP"]),
    ("Par NNA", [("NNA", A)], ["NNA"]),
    ("بقلم: وكالة الأنباء السعودية", [("وكالة الأنباء السعودية", A)], ["SPA"]),
    ("بقلم: وكالة الأنباء الأردنية", [("وكالة الأنباء الأردنية", A)], ["Petra"]),
    ("بقلم محمد الأمين مع كونا", [("محمد الأمين", P), ("كونا", A)], ["KUNA"]),
    ("المصدر: وام", [("وام", A)], ["WAM"]),
    # the spellings that are words or names stay persons in a byline
    ("Par Petra Keller", [("Petra Keller", P)], []),
    ("Par Sana Benali", [("Sana Benali", P)], []),
]


@pytest.mark.parametrize(("line", "credited", "agencies"), BYLINES, ids=[b[0] for b in BYLINES])
def test_byline_credits_the_regional_wires(line: str, credited: list[tuple[str, str]], agencies: list[str]) -> None:
    credits = parse_byline(line)
    assert (credits.credited, credits.agencies) == (credited, agencies)


# (a dispatch's bracketed source, canonical agencies) and the same words outside brackets
BRACKETED = [
    ("Petra", True, ["Petra"]),
    ("SPA", True, ["SPA"]),
    ("SANA", True, ["SANA"]),
    ("قنا", True, ["QNA"]),
    ("واس", True, ["SPA"]),
    ("بترا", True, ["Petra"]),
    ("سانا", True, ["SANA"]),
    ("ats/nxp", True, ["Keystone-ATS"]),  # the Swiss wire, then its editor's initials
    ("Petra", False, []),
    ("SPA", False, []),
    ("قنا", False, []),
]


@pytest.mark.parametrize(("inner", "bracketed", "agencies"), BRACKETED, ids=[f"{b[0]}-{b[1]}" for b in BRACKETED])
def test_word_like_spellings_credit_their_agency_only_in_brackets(inner: str, bracketed: bool,
                                                                  agencies: list[str]) -> None:
    assert agencies_in(inner, bracketed=bracketed).agencies == agencies


_FR_REST = FR_PARAGRAPHS[1:]
_AR_REST = AR_PARAGRAPHS[1:]
_FR_OPENING = "Le gouvernement a présenté mardi un projet de réforme fiscale pour les salaires les plus modestes."
_AR_OPENING = "قدمت الحكومة يوم الثلاثاء مشروع إصلاح جبائي يخص أصحاب الأجور الأكثر تواضعا."
# (id, paragraphs, the record's agencies); nobody is credited as an author on any of them
DISPATCHES = [
    ("dateline-petra", (f"AMMAN, 3 mars (Petra) - {_FR_OPENING}", *_FR_REST), ("Petra",)),
    ("dateline-spa", (f"RIYAD, 12 juin (SPA) - {_FR_OPENING}", *_FR_REST), ("SPA",)),
    ("arabic-dateline-qna", (f"الدوحة - (قنا) - {_AR_OPENING}", *_AR_REST), ("QNA",)),
    ("arabic-dateline-wam", (f"أبوظبي في 5 مارس / (وام) / {_AR_OPENING}", *_AR_REST), ("WAM",)),
    ("arabic-closing-kuna", (*AR_PARAGRAPHS, "وأكد الوزير أن المشروع سيعرض على البرلمان قريبا. (كونا)"), ("KUNA",)),
    ("closing-ats", (*FR_PARAGRAPHS, "Le texte sera soumis au vote des députés avant la fin du mois. (ats/nxp)"),
     ("Keystone-ATS",)),
    # the same words in the running text, or bare at its edge, credit nobody
    ("petra-in-the-text", (FR_PARAGRAPHS[0], "Le ministre a visité Petra (Jordanie) avant de rentrer.", *_FR_REST),
     ()),
    ("spa-bare-at-the-edge", (f"SPA - {_FR_OPENING}", *_FR_REST), ()),
    ("spa-acronym-in-the-opening-sentence",
     ("La Société protectrice des animaux (SPA) a ouvert mardi un refuge pour les chiens abandonnés.", *_FR_REST), ()),
    ("qena-in-the-arabic-text", (AR_PARAGRAPHS[0], "وزار الوزير محافظة (قنا) قبل عودته إلى العاصمة.", *_AR_REST), ()),
]


@pytest.mark.parametrize(("paragraphs", "agencies"), [d[1:] for d in DISPATCHES], ids=[d[0] for d in DISPATCHES])
def test_dispatch_credits_its_bracketed_wire(paragraphs: tuple[str, ...], agencies: tuple[str, ...]) -> None:
    lang = "ar" if paragraphs[0] in AR_PARAGRAPHS or any("\u0600" <= c <= "\u06ff" for c in paragraphs[0]) else "fr"
    out = extract_article(page("<title>Réforme fiscale</title>", lang=lang, paragraphs=paragraphs).encode(), URL)
    assert isinstance(out, Extracted)
    assert (out.agencies, out.authors) == (agencies, ())
