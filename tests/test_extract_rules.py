"""Table-driven tests of the general rules added for issue 6, each in French and in Arabic.

Every page and line here was written for these tests. `page()` and the paragraphs come from test_extract.
"""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crawler.catalog import parse_outlet
from crawler.errors import CatalogInvalid
from crawler.extract import Extracted, ExtractHints, Selectors, extract_article
from crawler.extract._authors import parse_byline
from crawler.extract._cleanup import clean_lines, drop_head, is_date_line, is_prompt, without_prompts
from crawler.extract._page import parse_html
from tests.test_extract import AR_PARAGRAPHS, AR_TEXT, FR_PARAGRAPHS, FR_TEXT, URL, page

AR_URL = "https://www.echourouk-dz.com/news/islah-jibai-2025"


def extract(html: str, url: str = URL, hints: Any = None) -> Extracted:
    outcome = extract_article(html.encode("utf-8"), url, None, hints)
    assert isinstance(outcome, Extracted), outcome
    return outcome


def pick(outcome: Extracted, expected: dict[str, Any]) -> dict[str, Any]:
    return {name: getattr(outcome, name) for name in expected}


# --- text lines that are not the article ------------------------------------------------------------

@pytest.mark.parametrize(("lines", "title", "expected"), [
    (["Économie", "Réforme fiscale : le projet arrive", "Le texte…"], "Réforme fiscale : le projet arrive", ["Le texte…"]),
    (["اقتصاد", "إصلاح جبائي أمام البرلمان", "قدمت الحكومة"], "إصلاح جبائي أمام البرلمان", ["قدمت الحكومة"]),
    (["Une phrase longue qui ouvre le texte avant le titre répété plus bas dans la page.", "Réforme fiscale"],
     "Réforme fiscale", ["Une phrase longue qui ouvre le texte avant le titre répété plus bas dans la page."]),
    (["Réforme fiscale : le projet arrive " + FR_PARAGRAPHS[0]], "Réforme fiscale : le projet arrive", [FR_PARAGRAPHS[0]]),
    (["Alger " + FR_PARAGRAPHS[0]], "Alger", ["Alger " + FR_PARAGRAPHS[0]]),
    (["Réforme fiscale", "Autre chose"], None, ["Réforme fiscale", "Autre chose"]),
    # printed twice (the page's header, then over the text)
    (["Le port d'Oran rouvre ses quais", "Le port d'Oran rouvre ses quais", "Le texte…"],
     "Le port d'Oran rouvre ses quais", ["Le texte…"]),
    # the same words, other punctuation
    (["Budget 2027 « Le déficit sera contenu » promet le ministre", "Le texte…"],
     "Budget 2027 : « Le déficit sera contenu », promet le ministre", ["Le texte…"]),
    # a kicker glued before the headline, or one the title carries and the line does not
    (["Football : Le MC Alger renverse la JS Kabylie", "Le texte…"], "Le MC Alger renverse la JS Kabylie", ["Le texte…"]),
    (["Le MC Alger renverse la JS Kabylie", "Le texte…"], "Football : Le MC Alger renverse la JS Kabylie", ["Le texte…"]),
    (["رياضة: مولودية الجزائر تفوز على شبيبة القبائل", "النص…"], "مولودية الجزائر تفوز على شبيبة القبائل", ["النص…"]),
    # a short title, or a first paragraph that merely ends with the title's words, stays
    (["Économie : Le budget", "Le texte…"], "Le budget", ["Économie : Le budget", "Le texte…"]),
    (["Les députés ont longuement débattu hier soir du texte qui fixe les règles : le MC Alger renverse la JS Kabylie"],
     "Le MC Alger renverse la JS Kabylie",
     ["Les députés ont longuement débattu hier soir du texte qui fixe les règles : le MC Alger renverse la JS Kabylie"]),
])
def test_drop_head(lines: list[str], title: str | None, expected: list[str]) -> None:
    assert drop_head(lines, title) == expected


@pytest.mark.parametrize(("lines", "title", "from_heading", "expected"), [
    # a title from the metadata that the first paragraph repeats: the page titles itself with its lead, it stays
    ([*FR_PARAGRAPHS], FR_PARAGRAPHS[0], False, [*FR_PARAGRAPHS]),
    ([*AR_PARAGRAPHS], AR_PARAGRAPHS[0], False, [*AR_PARAGRAPHS]),
    # a headline-sized repeat of such a title still goes
    (["Le port d'Oran rouvre ses quais", *FR_PARAGRAPHS], "Le port d'Oran rouvre ses quais", False, [*FR_PARAGRAPHS]),
    (["إصلاح جبائي أمام البرلمان", *AR_PARAGRAPHS], "إصلاح جبائي أمام البرلمان", False, [*AR_PARAGRAPHS]),
    # a long headline read from a heading element goes whatever its length
    ([*FR_PARAGRAPHS], FR_PARAGRAPHS[0], True, list(FR_PARAGRAPHS[1:])),
])
def test_drop_head_by_title_origin(lines: list[str], title: str, from_heading: bool, expected: list[str]) -> None:
    assert drop_head(lines, title, from_heading) == expected


@pytest.mark.parametrize("paragraphs", [FR_PARAGRAPHS, AR_PARAGRAPHS])
def test_title_tag_that_repeats_the_first_paragraph(paragraphs: tuple[str, ...]) -> None:
    outcome = extract(page(f"<title>{paragraphs[0]}</title>", paragraphs=paragraphs))
    assert (outcome.title, outcome.sources["title"]) == (paragraphs[0], "title")
    assert outcome.text == "\n".join(paragraphs)


@pytest.mark.parametrize(("line", "expected"), [
    ("08/09/2026 16:20", True),
    ("vendredi 17 juillet 2026, par", True),
    ("Publié le 3 mars 2026 à 10h15", True),
    ("Publié le jeudi 29 octobre 2026 à 18h11 | Mis à jour le vendredi 30 octobre 2026 à 7h21", True),
    ("Le 29 octobre 2026, le conseil a voté le budget ; le 30 octobre 2026, le wali l'a signé sans réserve.", False),
    ("الإثنين 9 نوفمبر 2026 - 19:00", True),
    ("٢ أكتوبر ٢٠٢٦", True),
    ("نشر في 12 جوان 2025", True),
    ("Le 12 mars 2026, le ministre a présenté son plan devant les députés.", False),
    ("في 12 مارس 2026 قدم الوزير مخططه أمام النواب في جلسة علنية.", False),
    ("Le ministre a présenté son plan.", False),
    # a strip of byline, place and date, set apart by separators
    ("Karim Benali | Oran | 08/01/2026", True),
    ("Amina Saïdi · Tamanrasset · 12 mars 2026", True),
    ("كريم بن علي | وهران | 12 مارس 2026", True),
    # a part that is a sentence, or a strip without a date, is not one
    ("Oran | Le wali a signé le décret du 12 mars 2026. | Économie", False),
    ("Karim Benali | Oran | Économie", False),
    # a line that opens what follows, its colon last
    ("À compter du 2 juin 2026 :", False),
    ("Dès le 12/03/2026:", False),
    ("Économie | Le conseil des ministres adopte la loi de finances complémentaire pour 2026 | 12 mars 2026", False),
    # a date stamp in Chinese, Japanese or Korean, its time and update with it; a sentence that holds a date stays
    ("2026年3月12日 09時05分 (3月12日 11時40分更新)", True),
    ("2026年3月12日（木）09:05 配信", True),
    ("2026年3月12日", True),
    ("2026년 3월 12일 09:05 입력", True),
    ("2026年3月12日に港湾局が新しい航路を発表した。", False),
    ("奥兰港务局2026年3月12日发布了新航线。", False),
    ("3月12日 09時05分", False),
])
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("À lire aussi : Le prix de la semoule encore en hausse", ""),
    ("Lire aussi: les résultats du baccalauréat", ""),
    ("اقرأ أيضا : المنتخب الوطني يستدعي ثلاثة لاعبين", ""),
    ("Recevez l'essentiel : inscrivez-vous à notre newsletter gratuite.", ""),
    ("اشترك في نشرتنا الإخبارية لتصلك أهم الأخبار.", ""),
    ("S'inscrire", ""),
    ("اشترك", ""),
    ("Le texte se poursuit ici. Cet article est réservé aux abonnés.", "Le texte se poursuit ici."),
    ("Les usagers doivent se connecter au portail pour déposer leur dossier.",
     "Les usagers doivent se connecter au portail pour déposer leur dossier."),
    ("أسعار جديدة للمشتركين في شبكة الهاتف الثابت.", "أسعار جديدة للمشتركين في شبكة الهاتف الثابت."),
    ("تمت إعادة بناء المساكن. هذا المحتوى للمشتركين فقط.", "تمت إعادة بناء المساكن."),
    ("Les abonnés du réseau électrique de Sfax ont subi des coupures.", "Les abonnés du réseau électrique de Sfax ont subi des coupures."),
    ("اشترك أكثر من ألف عداء في ماراطون وهران يوم الجمعة.", "اشترك أكثر من ألف عداء في ماراطون وهران يوم الجمعة."),
    # an update's time alone on a line; with a sentence after it, the line stays
    ("Mis à jour à 14h05", ""),
    ("آخر تحديث: 14:05", ""),
    ("Updated at 1:23 p.m.", ""),
    ("Mis à jour à 14h05, le bilan s'est alourdi à trois morts.", "Mis à jour à 14h05, le bilan s'est alourdi à trois morts."),
    # calls to subscribe, an affiliate's commission, a comment form's login notice
    ("Click here to subscribe to the Oran Daily newsletter", ""),
    # a pointer to another page: the full ruling, a sponsor's page
    ("Click here to read the full ruling of the Oran court of appeal.", ""),
    ("The port reopened on Monday. Click here to learn more about our shipping partners.", "The port reopened on Monday."),
    ("Click here to discover the best beaches near Annaba", ""),
    # a line that points elsewhere with other words stays
    ("Click here for the list of the ferries that sail from Algiers this week.",
     "Click here for the list of the ferries that sail from Algiers this week."),
    ("Click here to see where each ferry docks in Algiers.", "Click here to see where each ferry docks in Algiers."),
    ("اضغط هنا للاشتراك في قناتنا على يوتيوب", ""),
    ("Subscribe to our Sahel Weekly YouTube channel for more videos!", ""),
    ("Les prix sont relevés chaque matin. Si vous achetez via nos liens, nous pouvons percevoir une commission.",
     "Les prix sont relevés chaque matin."),
    ("Prices were checked this morning. We may earn a commission from purchases made through links on this page.",
     "Prices were checked this morning."),
    ("Du musst dich anmelden, um einen Kommentar abzugeben.", ""),
    # news about subscribers, commissions and clicks stays
    ("La commission électorale a reçu les listes des candidats de Tlemcen.",
     "La commission électorale a reçu les listes des candidats de Tlemcen."),
    ("The ministry said users should click here and there less often on unknown links.",
     "The ministry said users should click here and there less often on unknown links."),
    # an affiliate-link disclosure goes; a list item telling how streamers earn through affiliate links stays
    ("Les tarifs datent de mars. Cet article contient des affiliate links.", "Les tarifs datent de mars."),
    ("- Programmes d'affiliation : le vidéaste touche une part des ventes faites via ses affiliate links.",
     "- Programmes d'affiliation : le vidéaste touche une part des ventes faites via ses affiliate links."),
    ("Les prix datent de mars. Certains liens de cette page sont des liens affiliés.", "Les prix datent de mars."),
    ("Les tarifs datent de mars. Affiliate links: nous touchons une commission sur vos achats.", "Les tarifs datent de mars."),
    # a sentence of the article on affiliate links as a trade stays
    ("Les créateurs tirent une part croissante de leurs revenus des affiliate links et des partenariats.",
     "Les créateurs tirent une part croissante de leurs revenus des affiliate links et des partenariats."),
    ("To measure such partnerships, brands implement affiliate links, UTM tracking and discount codes.",
     "To measure such partnerships, brands implement affiliate links, UTM tracking and discount codes."),
    # a live page's call to follow its updates, a call to write in with an address, a locked piece's pitch, a review
    # site's note on its picks; the same words in a sentence of the news stay
    ("Follow along with our live updates from Tlemcen below.", ""),
    ("Follow along with the latest updates on the Oran floods below.", ""),
    ("- Right now: Follow live updates from the Setif count from our desk.", ""),
    ("Get real-time updates on the Batna by-election results.", ""),
    ("Is the tramway late in your street? Get in touch at tips@oran-daily.example", "Is the tramway late in your street?"),
    ("Unlock this story and every Sahel Weekly report for a year.", ""),
    ("This piece is exclusive to Oran Daily Plus subscribers", ""),
    ("Become a paid subscriber to read the rest of this letter.", ""),
    ("Was this newsletter forwarded to you? Sign up here.", ""),
    ("Our scores are our own and the items on this list were independently chosen by two testers in Blida.", ""),
    ("Follow me on Instagram for more couscous recipes from my kitchen!", ""),
    ("The prefect said his staff would follow the latest updates from the weather service overnight.",
     "The prefect said his staff would follow the latest updates from the weather service overnight."),
    ("The jury members were independently selected by the court of Oran.",
     "The jury members were independently selected by the court of Oran."),
    ("The new channel is exclusive to satellite subscribers in the south.",
     "The new channel is exclusive to satellite subscribers in the south."),
    # a roundup's pointer to its full review of a product; a list item, and a sentence that goes on, stay
    ("Read our full Sahara Trail 3 tent review", ""),
    ("Read our in-depth Oasis Kettle Review for more details.", ""),
    ("- Read our full Sahara Trail 3 tent review", "- Read our full Sahara Trail 3 tent review"),
    ("Read our full review of the Oran ferry timetable before you book.",
     "Read our full review of the Oran ferry timetable before you book."),
    # a sign-up form's small print and a comment box's moderation note; the same words in the news stay
    ("Get the ferry alerts by text. Message and data rates may apply.", "Get the ferry alerts by text."),
    ("Reply STOP to end the Oran Daily alerts at any time.", ""),
    ("By joining you agree to our Terms and our Privacy Policy.", ""),
    ("By signing up you confirm you have read and understood our privacy notice.", ""),
    ("We are moderating all comments this week because of spam.", ""),
    ("Comments are moderated before they appear under the story.", ""),
    ("The two clubs agree to the terms of the transfer, the league said.",
     "The two clubs agree to the terms of the transfer, the league said."),
    ("The regulator said the forum was moderating hate speech too slowly.",
     "The regulator said the forum was moderating hate speech too slowly."),
    # a subscription's 'cancel anytime' alone, a review site's note on its advertisers, a click-to-load box, buttons
    ("Lisez Oran Hebdo sans publicité. Résiliable à tout moment.", "Lisez Oran Hebdo sans publicité."),
    ("Les abonnés peuvent résilier à tout moment, a précisé la société.",
     "Les abonnés peuvent résilier à tout moment, a précisé la société."),
    ("Our testers pick every kettle through an independent review process.", ""),
    ("Learn more", ""),
    ("Lust auf mehr?", ""),
    ("(Alle Angaben ohne Gewähr)", ""),
    # a pointer to a site for more, the German press's appeals for support
    ("Weitere Infos unter www.hafen-oran.example.", ""),
    ("Unterstütze OranJournal schon mit 3 Euro im Monat!", ""),
    ("Die Redaktion ist unabhängig. Wir finanzieren uns durch Beiträge aus Blida und Tiaret.", "Die Redaktion ist unabhängig."),
    ("Helfen Sie, unseren Journalismus in Blida weiter möglich zu machen.", ""),
    ("Support our mission to keep the Sahel Weekly free.", ""),
    # the outlet's channel, its print issue, a click to register, its news by mail; news on kiosks stays
    ("¡No te pierdas nuestro canal de YouTube sobre Orán!", ""),
    ("Das Oran Journal: die neue Ausgabe jetzt am Kiosk in Blida.", ""),
    ("Einfach hier klicken und das Oran Journal digital lesen!", ""),
    ("Do you want to be notified about our next reports from Tiaret?", ""),
    ("Die Stadt Oran will die Kioske am Hafen bis Mai erneuern.", "Die Stadt Oran will die Kioske am Hafen bis Mai erneuern."),
])
def test_prompts_are_dropped_sentence_by_sentence(line: str, expected: str) -> None:
    assert without_prompts(line) == expected
    assert is_prompt(line) is (expected != line)


@pytest.mark.parametrize(("lines", "kept", "agencies"), [
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Source : APS"], list(FR_PARAGRAPHS[:2]), ["APS"]),
    ([AR_PARAGRAPHS[0], AR_PARAGRAPHS[1], "المصدر: الجزيرة + وكالات"], list(AR_PARAGRAPHS[:2]), []),
    ([AR_PARAGRAPHS[0], AR_PARAGRAPHS[1], "المصدر: وكالة الأنباء الجزائرية"], list(AR_PARAGRAPHS[:2]), ["APS"]),
    # the agencies of Niger, Togo, Côte d'Ivoire and Guinea, by their initials and by their names
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Source : ANP"], list(FR_PARAGRAPHS[:2]), ["ANP"]),
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Source : ATOP/AIP"], list(FR_PARAGRAPHS[:2]), ["ATOP", "AIP"]),
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Sources : AGP et AFP"], list(FR_PARAGRAPHS[:2]), ["AGP", "AFP"]),
    # an agency named in full, though its name opens with 'Agence' and holds 'et'
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Source : Agence ivoirienne de presse"], list(FR_PARAGRAPHS[:2]), ["AIP"]),
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Source : Agence tchadienne de presse"], list(FR_PARAGRAPHS[:2]), ["ATP"]),
    ([FR_PARAGRAPHS[0], FR_PARAGRAPHS[1], "Source : Agence malienne de presse et de publicité"], list(FR_PARAGRAPHS[:2]),
     ["AMAP"]),
    ([FR_PARAGRAPHS[0][:60] + "…", FR_PARAGRAPHS[0], FR_PARAGRAPHS[1]], list(FR_PARAGRAPHS[:2]), []),
])
def test_closing_source_line_and_truncated_standfirst(lines: list[str], kept: list[str], agencies: list[str]) -> None:
    result, credits = clean_lines(lines, None)
    assert (result, credits.agencies) == (kept, agencies)


FR2, AR2 = list(FR_PARAGRAPHS[:2]), list(AR_PARAGRAPHS[:2])


@pytest.mark.parametrize(("paragraphs", "closing", "goes"), [
    # the desk's help credited under the text goes
    (FR2, "Avec la collaboration de Karim Benali à Oran.", True),
    (FR2, "Amina Saïdi et Karim Benali ont contribué à cet article.", True),
    (FR2, "Avec nos correspondants régionaux", True),
    (FR2, "(Reporting by Karim Benali in Algiers; editing by Amina Saïdi)", True),
    (FR2, "Additional reporting by Karim Benali", True),
    (FR2, "Karim Benali contributed reporting from Oran.", True),
    (FR2, "Mit Agenturmaterial.", True),
    (AR2, "ساهم في إعداد التقرير: كريم بن علي من وهران", True),
    # 'Quelle:' closes the text as 'Source :' does
    (FR2, "Quelle: Ministerium", True),
    # a sentence of the article that merely speaks of reporting or of a contribution stays
    (FR2, "Le reporting financier de Sonatrach sera publié en mars.", False),
    (FR2, "Les donateurs ont contribué à hauteur de deux millions de dinars.", False),
    (AR2, "ساهم المتطوعون في تنظيف الشاطئ يوم الجمعة.", False),
])
def test_closing_contribution_line(paragraphs: list[str], closing: str, goes: bool) -> None:
    assert clean_lines([*paragraphs, closing], None)[0] == (paragraphs if goes else [*paragraphs, closing])


def test_a_contribution_line_before_the_last_stays() -> None:
    """Only the closing line: a credit with a paragraph after it is read as the text's."""
    lines = [FR2[0], "Karim Benali a contribué à cet article.", FR2[1]]
    assert clean_lines(lines, None)[0] == lines


_LISTING = "<pre>services:\n  web:\n    image: nginx/alpine\n</pre><p>Puis <code>tags: [Étiquette!]!</code> dans le schéma.</p>"


@pytest.mark.parametrize(("line", "kept"), [
    # a line of code that reads as a picture's credit or as filing labels stays when the page prints it as code
    ("image: nginx/alpine", True),
    ("tags: [Étiquette!]!", True),
    # the same lines outside the page's code go, as any other
    ("Image: Karim Benali", False),
    ("Tags : Oran, budget", False),
])
def test_a_line_the_page_prints_as_code_is_no_prompt(line: str, kept: bool) -> None:
    root = parse_html(f"<html><body><article>{_LISTING}</article></body></html>".encode())
    lines = [FR2[0], line, FR2[1]]
    assert clean_lines(lines, None, root)[0] == (lines if kept else FR2)
    assert clean_lines(lines, None)[0] == FR2


@pytest.mark.parametrize(("line", "expected"), [
    ("Temps de lecture : 3 min", ""),
    ("Lecture 4 min", ""),
    ("3 min de lecture", ""),
    ("- 5 minutes de lecture", ""),
    ("Durée de lecture : environ 6 minutes", ""),
    ("وقت القراءة: 4 دقائق", ""),
    ("3 دقائق للقراءة", ""),
    ("Lesezeit: 2 Minuten", ""),
    ("5 min read", ""),
    # a sentence about reading, minutes in it
    ("La lecture du verdict a duré 3 minutes.", "La lecture du verdict a duré 3 minutes."),
    ("استغرقت القراءة 3 دقائق أمام القاضي.", "استغرقت القراءة 3 دقائق أمام القاضي."),
])
def test_reading_time_lines(line: str, expected: str) -> None:
    assert without_prompts(line) == expected


# --- bylines --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "outlets", "authors"), [
    ("El Watan - Karim Benali", ["El Watan"], ["Karim Benali"]),
    ("Karim Benali | El Watan", ["El Watan"], ["Karim Benali"]),
    ("صوت الصحراء - هشام بنجلون", ["صوت الصحراء"], ["هشام بنجلون"]),
    ("هشام بنجلون - صوت الصحراء", ["صوت الصحراء"], ["هشام بنجلون"]),
    ("صوت الصحراء", ["صوت الصحراء"], []),
])
def test_outlet_then_name_bylines(line: str, outlets: list[str], authors: list[str]) -> None:
    assert parse_byline(line, outlets).authors == authors


PAGE_CASES = [
    ("fr-signed-in-bold", page("<title>Réforme fiscale</title>", tail="<p align=\"right\"><b>Karim Benali</b></p>"),
     URL, {"authors": ("Karim Benali",), "text": FR_TEXT, "sources": {"authors": "signature"} | {}}),
    ("ar-signed-in-bold", page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS,
                               tail="<p><strong>سيدي ولد باه</strong></p>"),
     AR_URL, {"authors": ("سيدي ولد باه",), "text": AR_TEXT}),
    ("ar-closing-remark-is-no-author", page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=(*AR_PARAGRAPHS, "والله أعلم")),
     AR_URL, {"authors": ()}),
    # initials alone on the last line sign the piece, with or without markup; a name over the site's address too
    ("fr-signed-with-initials", page("<title>Réforme fiscale</title>", tail="<p>K. B.</p>"),
     URL, {"authors": ("K. B.",), "text": FR_TEXT, "sources": {"authors": "signature"} | {}}),
    ("fr-signed-with-glued-initials", page("<title>Réforme fiscale</title>", tail="<p><strong>K.A.</strong></p>"),
     URL, {"authors": ("K.A.",), "text": FR_TEXT}),
    ("fr-signed-over-the-site-address", page("<title>Réforme fiscale</title>", tail="<p>Ismaël Sawadogo<br>Elwatan-dz.com</p>"),
     URL, {"authors": ("Ismaël Sawadogo",), "text": FR_TEXT}),
    ("ar-signed-over-the-site-address", page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS,
                                             tail="<p>سيدي ولد باه<br>echourouk-dz.com</p>"),
     AR_URL, {"authors": ("سيدي ولد باه",), "text": AR_TEXT}),
    ("fr-site-address-alone-signs-nobody", page("<title>Réforme fiscale</title>", tail="<p>Elwatan-dz.com</p>"),
     URL, {"authors": ()}),
    ("fr-another-sites-address-is-a-listing", page("<title>Réforme fiscale</title>", tail="<p>Tannerie Diallo<br>tannerie-diallo.ml</p>"),
     URL, {"authors": ()}),
    ("fr-meta-author-is-the-title-suffix-site",
     page('<title>Réforme fiscale – Oran Matin</title><meta name="author" content="Oran Matin">',
          "<h1>Réforme fiscale</h1>", lead="<p>Par Samir Benkhedda</p>"),
     URL, {"authors": ("Samir Benkhedda",), "title": "Réforme fiscale"}),
    ("ar-meta-author-is-the-title-suffix-site",
     page('<title>إصلاح جبائي يخفض الضريبة على الأجور – المساء التونسية</title>'
          '<meta name="author" content="المساء التونسية">', "<h1>إصلاح جبائي يخفض الضريبة على الأجور</h1>",
          lang="ar", paragraphs=AR_PARAGRAPHS, lead="<p>بقلم: منير الحامدي</p>"),
     AR_URL, {"authors": ("منير الحامدي",), "title": "إصلاح جبائي يخفض الضريبة على الأجور"}),
    ("fr-microdata-author",
     page("<title>Réforme fiscale</title>", '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
          '<meta itemprop="name" content="Nadia Cherif"></span>'),
     URL, {"authors": ("Nadia Cherif",)}),
    ("ar-microdata-author",
     page("<title>إصلاح جبائي</title>", '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
          '<meta itemprop="name" content="نادية شريف"></div>', lang="ar", paragraphs=AR_PARAGRAPHS),
     AR_URL, {"authors": ("نادية شريف",)}),
]


# --- titles and dates on the page ------------------------------------------------------------------

COMMENT_TIME = ('<div id="comments"><article class="comment-body"><time datetime="2026-11-20T10:00:00+01:00">20/11</time>'
                "<p>Un commentaire sans intérêt pour la date de l'article.</p></article></div>")
PAGE_CASES += [
    ("fr-comment-time-is-not-the-date",
     page("<title>Réforme fiscale</title>", '<div class="date">Publié le 4 mars 2025 à 09h15</div>', tail=COMMENT_TIME),
     URL, {"date_published": "2025-03-04T09:15:00"}),
    ("ar-comment-time-is-not-the-date",
     page("<title>إصلاح جبائي</title>", '<span class="date-post">الأحد ٢ مارس ٢٠٢٥ - ١٤:٢٠</span>', lang="ar",
          paragraphs=AR_PARAGRAPHS, tail=COMMENT_TIME),
     AR_URL, {"date_published": "2025-03-02T14:20:00"}),
    ("fr-has-sidebar-layout-flag-is-not-a-sidebar",
     page("<title>Réforme fiscale</title>", '<time class="entry-date" datetime="2025-03-04T09:15:00+01:00">4 mars</time>')
     .replace("<main>", '<main class="site-main has-sidebar">'),
     URL, {"date_published": "2025-03-04T09:15:00+01:00"}),
    ("fr-article-footer-time-is-kept",
     page("<title>Réforme fiscale</title>", tail='<footer class="entry-footer"><time datetime="2025-03-04T09:15:00+01:00">'
          "4 mars</time></footer>"),
     URL, {"date_published": "2025-03-04T09:15:00+01:00"}),
    ("ar-hijri-then-gregorian",
     page("<title>إصلاح جبائي</title>", '<div class="entry-date">الأحد 2 رمضان 1446 هـ الموافق لـ 2 مارس 2025 م</div>',
          lang="ar", paragraphs=AR_PARAGRAPHS),
     AR_URL, {"date_published": "2025-03-02"}),
    ("fr-date-in-the-author-line",
     page("<title>Réforme fiscale</title>", '<div class="auteur"><a>Nadia Cherif</a> | Mardi 4 Mars 2025 à 10:15 | Lu 80 fois</div>'),
     URL, {"date_published": "2025-03-04T10:15:00", "authors": ("Nadia Cherif",)}),
    ("fr-logo-h1-and-title-in-a-div",
     page("<title>Oran Matin</title>", '<h1 class="logo"><a href="/">Oran Matin</a></h1>'
          '<div class="titre_rubrique">Économie</div><div class="titre">Réforme fiscale : le projet arrive à l’APN</div>'),
     "https://oranmatin.dz/eco/1", {"title": "Réforme fiscale : le projet arrive à l’APN", "sources": {"title": "page"} | {}}),
    ("ar-logo-h1-and-title-in-a-div",
     page("<title>المساء التونسية</title>", '<h1 class="logo"><a href="/">المساء التونسية</a></h1>'
          '<div class="titre">إصلاح جبائي أمام المجلس الشعبي الوطني</div>', lang="ar", paragraphs=AR_PARAGRAPHS),
     AR_URL, {"title": "إصلاح جبائي أمام المجلس الشعبي الوطني"}),
    ("fr-teaser-behind-a-premium-block-is-flagged",
     page("<title>Réforme fiscale</title>", paragraphs=FR_PARAGRAPHS[:1],
          tail='<div class="premium-block"><p>Cet article est réservé aux abonnés.</p><a>S\'inscrire</a></div>'),
     URL, {"paywalled": True, "text": FR_PARAGRAPHS[0]}),
    ("ar-teaser-behind-a-premium-block-is-flagged",
     page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS[:1],
          tail='<div class="premium-block"><p>هذا المحتوى للمشتركين فقط. اشترك الآن.</p></div>'),
     AR_URL, {"paywalled": True, "text": AR_PARAGRAPHS[0]}),
]


@pytest.mark.parametrize(("html", "url", "expected"), [c[1:] for c in PAGE_CASES], ids=[c[0] for c in PAGE_CASES])
def test_page_rules(html: str, url: str, expected: dict[str, Any]) -> None:
    outcome = extract(html, url)
    sources = expected.pop("sources", None)
    assert pick(outcome, expected) == expected
    if sources:
        assert {k: outcome.sources.get(k) for k in sources} == sources


# --- hints: catalog selectors and the earliest plausible date ------------------------------------------

SELECTED = ('<div class="rubrique">Politique</div><div class="titre-art">Réforme fiscale : le projet arrive</div>'
            '<span class="sign">Par Nadia Cherif et Omar Lahlou</span><span class="quand">04-03-2025 09:15</span>')
FR_SELECTED_PAGE = page("<title>El Watan - Accueil</title>", SELECTED, tail='<div class="encart">Lire la suite sur le site</div>')
AR_SELECTED_PAGE = page("<title>الشروق</title>", '<div class="titre-art">إصلاح جبائي أمام البرلمان</div>'
                        '<span class="sign">بقلم سارة بن علي</span><span class="quand">2025-03-04T09:15:00+01:00</span>',
                        lang="ar", paragraphs=AR_PARAGRAPHS, tail='<div class="encart">اقرأ المزيد من الأخبار في موقعنا</div>')
SELECTORS = Selectors(title=".titre-art", byline=".sign", date=".quand", body="div.content", exclude=".encart")

HINT_CASES = [
    ("fr-selectors", FR_SELECTED_PAGE, URL, SELECTORS,
     {"title": "Réforme fiscale : le projet arrive", "authors": ("Nadia Cherif", "Omar Lahlou"),
      "date_published": "2025-03-04T09:15:00", "text": FR_TEXT, "warnings": ()}),
    ("ar-selectors-as-hints", AR_SELECTED_PAGE, AR_URL, ExtractHints(selectors=SELECTORS),
     {"title": "إصلاح جبائي أمام البرلمان", "authors": ("سارة بن علي",), "date_published": "2025-03-04T09:15:00+01:00",
      "text": AR_TEXT, "warnings": ()}),
    ("fr-selector-matching-nothing", page("<title>Réforme fiscale</title>"), URL, Selectors(title="h1.absent"),
     {"title": "Réforme fiscale", "warnings": ("selectors: title 'h1.absent' matched nothing; generic rules used",)}),
    ("fr-earliest-date", page('<title>Réforme fiscale</title><meta property="article:published_time" content="1998-05-02">'
                              '<meta name="date" content="2025-03-04">'), URL, ExtractHints(earliest=date(2005, 1, 1)),
     {"date_published": "2025-03-04", "warnings": (
         "date_published: '1998-05-02' from opengraph is before 2005-01-01, the earliest plausible date for this outlet; ignored",)}),
    ("ar-earliest-date", page('<title>إصلاح جبائي</title><meta property="article:published_time" content="2001-01-01T10:00:00Z">',
                              lang="ar", paragraphs=AR_PARAGRAPHS), AR_URL, ExtractHints(earliest=date(2010, 6, 1)),
     {"date_published": None}),
]


@pytest.mark.parametrize(("html", "url", "hints", "expected"), [c[1:] for c in HINT_CASES], ids=[c[0] for c in HINT_CASES])
def test_hints(html: str, url: str, hints: Any, expected: dict[str, Any]) -> None:
    assert pick(extract(html, url, hints), expected) == expected


def test_selector_sources_and_pickling() -> None:
    outcome = extract(FR_SELECTED_PAGE, URL, SELECTORS)
    assert {k: outcome.sources[k] for k in ("title", "authors", "date_published", "text")} == dict.fromkeys(
        ("title", "authors", "date_published", "text"), "selector")
    hints = ExtractHints(selectors=SELECTORS, earliest=date(2000, 1, 1))
    assert pickle.loads(pickle.dumps(hints)) == hints


BASE_ENTRY = {"id": "exemple-dz", "name": "Exemple", "group": "DZ", "country": "DZ", "languages": ["fr"],
              "homepage": "https://exemple.dz/"}


@pytest.mark.parametrize(("selectors", "message"), [
    ({"titre": "h1"}, "field 'selectors.titre' is not a selector key; allowed keys: title, byline, date, body, exclude"),
    ({"title": "h1[["}, "field 'selectors.title' is 'h1[[', not a CSS selector cssselect can read"),
    ({"body": ""}, "field 'selectors.body' is ''; a CSS selector string is required"),
    ({}, "field 'selectors' is empty; give at least one of: title, byline, date, body, exclude"),
    (["h1"], "field 'selectors' is ['h1']; a mapping of CSS selectors"),
])
def test_catalog_rejects_bad_selectors(selectors: Any, message: str) -> None:
    with pytest.raises(CatalogInvalid) as caught:
        parse_outlet({**BASE_ENTRY, "selectors": selectors}, "catalog.yaml")
    assert "catalog entry 'exemple-dz' in catalog.yaml: " + message in str(caught.value)


def test_catalog_reads_selectors() -> None:
    outlet = parse_outlet({**BASE_ENTRY, "selectors": {"title": " h1.titre ", "body": "#texte"}})
    assert outlet.selectors == Selectors(title="h1.titre", body="#texte")
    assert parse_outlet(BASE_ENTRY).selectors is None


# --- the language model cache -----------------------------------------------------------------------------

def test_language_model_cache_is_built_once_and_falls_back_when_broken(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.extract import _language

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    files = _language._cached_model_files()
    assert files is not None and {path.parent for path in files.values()} == {tmp_path}
    assert sum(path.stat().st_size for path in files.values()) > 10_000_000
    written = {name: path.stat().st_mtime_ns for name, path in files.items()}
    assert _language._cached_model_files() == files
    assert {name: path.stat().st_mtime_ns for name, path in files.items()} == written
    cached = _language._from_files(files)
    assert cached is not None
    assert cached.rank(FR_TEXT)[0][0] == "fr" and cached.rank(AR_TEXT)[0][0] == "ar"
    files["nextmove"].write_bytes(b"not a model")
    assert _language._from_files(files) is None


JA_PARAGRAPHS = (
    "オラン港湾局は十二日、地中海を結ぶ新しい定期航路を来月から運航すると発表した。貨物船二隻が週三便で往復し、"
    "輸出品の輸送日数は従来の半分に短くなる見込みだという。",
    "港湾局によると、新航路の開設に合わせて岸壁の照明と荷役機械を更新し、夜間の積み下ろしも可能になる。"
    "地元の漁業組合は、冷凍品の出荷が増えると期待を寄せている。",
)


@pytest.mark.parametrize("stamp", ["2026年3月12日 09時05分 (3月12日 11時40分更新)", "2026年3月12日（木）09:05 配信"])
def test_cjk_date_stamp_over_the_text_leaves_it(stamp: str) -> None:
    outcome = extract(page(lead=f"<p>{stamp}</p>", lang="ja", paragraphs=JA_PARAGRAPHS))
    assert outcome.text == "\n".join(JA_PARAGRAPHS)
