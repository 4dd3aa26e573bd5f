"""Table-driven tests of the title rules tuned on real pages (issue 12, bench/real_quality.py --losses title), each
on short snippets written for these tests: the headline as printed in the heading (kicker, hidden text and a closing
date left out), and that printed headline against the references written for search engines."""

from __future__ import annotations

import pytest

from crawler.extract import Extracted, extract_article
from crawler.extract._page import collect, parse_html
from crawler.extract._title import SiteKeys, choose_title, strip_site
from tests.support.cpu import cpu_seconds
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, page

URL = "https://www.exemple-dz.com/politique/reforme-fiscale-2025"
AR_URL = "https://www.exemple-tn.com/ar/siyasa/islah-jibai"


def extract(html: str, url: str = URL) -> Extracted:
    outcome = extract_article(html.encode("utf-8"), url)
    assert isinstance(outcome, Extracted), outcome
    return outcome


def title_of(head: str, headings: str, expected: str, url: str) -> str | None:
    """The title extracted from a page with ``head`` and ``headings``, in the language of the title expected
    (Arabic paragraphs for an Arabic title, French otherwise)."""
    arabic = expected[0] >= "\u0600"
    html = page(head, headings, lang="ar" if arabic else "fr", paragraphs=AR_PARAGRAPHS if arabic else FR_PARAGRAPHS)
    return extract(html, url).title


def heading(html: str) -> tuple[str, str]:
    """``(kicker, text)`` of the first heading of `html`."""
    found = collect(parse_html(f"<html><body>{html}</body></html>".encode()))
    first = found.headings[0]
    return first.kicker, first.text


@pytest.mark.parametrize(("html", "kicker", "text"), [
    # a kicker child (class or <small>) with nothing printed before it is not the headline
    ('<h1><span class="surtitre">Sahel</span> Le calendrier de la transition est publié</h1>',
     "Sahel", "Le calendrier de la transition est publié"),
    ('<h1 class="titre"><span class="article__kicker">Finances</span><span class="article__title">La réforme '
     'fiscale arrive à l’APN</span></h1>', "Finances", "La réforme fiscale arrive à l’APN"),
    ("<h1><small>Tunisie</small><br> Le budget adopté en première lecture</h1>",
     "Tunisie", "Le budget adopté en première lecture"),
    ('<h1><a href="/a"><span class="overline">Football</span>« Nous irons au bout »</a></h1>',
     "Football", "« Nous irons au bout »"),
    ('<h1><span class="supertitle"><time datetime="2025-03-04">4 mars 2025</time></span> '
     '<span class="title">Le ministre reçoit les syndicats</span></h1>', "4 mars 2025", "Le ministre reçoit les syndicats"),
    ('<h1><span class="surtitre">اقتصاد</span> إصلاح جبائي أمام البرلمان</h1>', "اقتصاد", "إصلاح جبائي أمام البرلمان"),
    # a separator left between kicker and headline goes with the kicker
    ('<h1><span class="overline">Sahel</span><span class="sr-only">: </span><span>Le calendrier est publié</span></h1>',
     "Sahel", "Le calendrier est publié"),
    # a first child classed as a topic or a label, or whatever precedes the child classed as the headline itself
    ('<h1> <div class="topic-label"> Sécurité alimentaire </div> Le Niger lance sa campagne de vaccination </h1>',
     "Sécurité alimentaire", "Le Niger lance sa campagne de vaccination"),
    ('<h1><span class="text-vert">Sahel – Transition</span><span class="invisible">: </span>'
     '<span class="headline">Le calendrier électoral est publié</span></h1>',
     "Sahel – Transition", "Le calendrier électoral est publié"),
    ('<h1><span class="c-rubrique-nom">اقتصاد</span><span class="c-title">إصلاح جبائي أمام البرلمان</span></h1>',
     "اقتصاد", "إصلاح جبائي أمام البرلمان"),
    # an opening element, then an element printing only a separator: the opening element is a kicker
    ('<h1><span class="c-1">Sahel</span><span class="c-2" aria-hidden="true"> – </span><span class="c-3">Le calendrier'
     " de la transition est publié</span></h1>", "Sahel", "Le calendrier de la transition est publié"),
    ('<h1><span>اقتصاد</span><span>:</span> <span>إصلاح جبائي أمام البرلمان</span></h1>', "اقتصاد", "إصلاح جبائي أمام البرلمان"),
    # ... not when the separator is plain text between them, nor when the second element has words
    ("<h1><span>Sahel</span> – <span>Le calendrier est publié</span></h1>", "", "Sahel – Le calendrier est publié"),
    ("<h1><span>Sahel</span><span> et </span><span>Maghreb</span></h1>", "", "Sahel et Maghreb"),
    # a subtitle after the headline is not a headline part ('subtitle' is no 'title' token)
    ('<h1><span class="primary">Le budget adopté</span> <span class="entry-subtitle">Les députés votent</span></h1>',
     "", "Le budget adopté Les députés votent"),
    # a closing <small> (date, categories) is not the headline either
    ("<h1>Le budget adopté en première lecture<br><small>04.03.2025 • Économie, Politique</small></h1>",
     "", "Le budget adopté en première lecture"),
    # ... nor its words hidden from sight ('aural': read out to screen readers only)
    ('<h1><span>Le budget adopté en première lecture</span> <span class="aural">: </span><small>'
     '<span class="aural">, Thème :</span> <span>Économie</span></small></h1>', "", "Le budget adopté en première lecture"),
    # a closing link after a headline held in an element of its own is the site's or the section's name
    ('<h1><span class="define">Le budget adopté en première lecture</span><a href="/niamey.html">Le Sahel Niamey</a>'
     "</h1>", "", "Le budget adopté en première lecture"),
    ('<h1><span>إصلاح جبائي أمام البرلمان</span><a href="/tunis.html">المساء تونس</a></h1>', "", "إصلاح جبائي أمام البرلمان"),
    # ... but a link in the headline's own sentence is part of it
    ('<h1>Entretien avec <a href="/auteurs/karim-benali">Karim Benali</a></h1>', "", "Entretien avec Karim Benali"),
    # style sheets inside a heading (CSS-in-JS) are not printed either
    ('<h1><style>.c1{font-size:16px}</style><span class="c1">Le budget adopté</span></h1>', "", "Le budget adopté"),
    # a line break is read as a space
    ("<h1>Le budget adopté<br>en première lecture</h1>", "", "Le budget adopté en première lecture"),
    ('<h1>Économie<br/><span class="c-2">Le budget adopté</span></h1>', "", "Économie Le budget adopté"),
    ("<h1>اقتصاد<br>إصلاح جبائي أمام البرلمان</h1>", "", "اقتصاد إصلاح جبائي أمام البرلمان"),
    # text hidden from sight is not printed
    ('<h1>Le budget adopté<span class="visually-hidden"> | Le Quotidien d’Oran</span></h1>', "", "Le budget adopté"),
    ('<h1>Le budget adopté<span class="text-hide"> | Le Quotidien d’Oran</span></h1>', "", "Le budget adopté"),
    # ... but a hidden separator between two printed parts, no kicker recognised, is read out with them
    ('<h1><span class="c-7">Sahel</span><span class="visually-hidden">:</span> <span class="c-8">Le calendrier est '
     "publié</span></h1>", "", "Sahel: Le calendrier est publié"),
    ('<h1><span>اقتصاد</span><span class="sr-only"> - </span><span>إصلاح جبائي أمام البرلمان</span></h1>', "",
     "اقتصاد - إصلاح جبائي أمام البرلمان"),
    # ... not one that would open or close the heading
    ('<h1>Le budget adopté<span class="sr-only"> | </span></h1>', "", "Le budget adopté"),
    # a kicker class after printed text, a plain <span>, or a heading that would be left empty: all kept
    ('<h1>Le budget <span class="kicker">adopté</span></h1>', "", "Le budget adopté"),
    ("<h1><span>Sahel</span> Le calendrier est publié</h1>", "", "Sahel Le calendrier est publié"),
    ('<h1><span class="surtitre">Le calendrier est publié</span></h1>', "", "Le calendrier est publié"),
    ("<h1><small>Sahel</small></h1>", "", "Sahel"),
])
def test_headline_as_printed(html: str, kicker: str, text: str) -> None:
    assert heading(html) == (kicker, text)


@pytest.mark.parametrize(("html", "url", "title"), [
    (page('<meta property="og:title" content="Le calendrier de la transition est publié - Sahel">',
          '<h1><span class="surtitre">Sahel</span> Le calendrier de la transition est publié</h1>'),
     URL, "Le calendrier de la transition est publié"),
    (page('<meta property="og:title" content="إصلاح جبائي أمام البرلمان - اقتصاد">',
          '<h1><span class="surtitre">اقتصاد</span> إصلاح جبائي أمام البرلمان</h1>', lang="ar", paragraphs=AR_PARAGRAPHS),
     AR_URL, "إصلاح جبائي أمام البرلمان"),
])
def test_kicker_in_the_heading_and_the_og_title(html: str, url: str, title: str) -> None:
    assert extract(html, url).title == title


KANDADJI = "Le chantier reprend après deux ans d’arrêt"
KANDADJI_AR = "استئناف الأشغال بعد عامين من التوقف"


@pytest.mark.parametrize(("refs", "headings", "title"), [
    # a kicker joined to the headline by a colon, spoken to screen readers, printed or inside the kicker's element,
    # and every reference prints the same line: the kicker is part of the headline
    ((f"Kandadji: {KANDADJI}", f"Kandadji: {KANDADJI} | Courrier du Sahel"),
     f'<h1><span class="surtitre">Kandadji</span><span class="sr-only">: </span><span>{KANDADJI}</span></h1>',
     f"Kandadji: {KANDADJI}"),
    ((f"Kandadji: {KANDADJI} - Courrier du Sahel",),
     f'<h1><span class="kicker">Kandadji<span class="visually-hidden">:</span></span> <span class="title">{KANDADJI}'
     "</span></h1>", f"Kandadji: {KANDADJI}"),
    ((f"كنداجي: {KANDADJI_AR}", f"كنداجي: {KANDADJI_AR} | بريد الساحل"),
     f'<h1><span class="surtitre">كنداجي</span><span>: </span><span class="headline">{KANDADJI_AR}</span></h1>',
     f"كنداجي: {KANDADJI_AR}"),
    # ... spaced as the references space the colon ('Kandadji : …', as French writes it)
    ((f"Kandadji : {KANDADJI}", f"Kandadji : {KANDADJI} | Courrier du Sahel"),
     f'<h1><span class="surtitre">Kandadji</span> : <span>{KANDADJI}</span></h1>', f"Kandadji : {KANDADJI}"),
    ((f"Kandadji: {KANDADJI}",), f'<h1><span class="surtitre">Kandadji</span> : <span>{KANDADJI}</span></h1>',
     f"Kandadji: {KANDADJI}"),
    ((f"Kandadji : {KANDADJI}",), f'<h1><span class="surtitre">Kandadji:</span> <span>{KANDADJI}</span></h1>',
     f"Kandadji : {KANDADJI}"),
    # ... not when one reference leaves the kicker out or writes another line
    ((f"Kandadji: {KANDADJI}", f"{KANDADJI} | Courrier du Sahel"),
     f'<h1><span class="surtitre">Kandadji</span><span class="sr-only">: </span><span>{KANDADJI}</span></h1>', KANDADJI),
    ((f"Kandadji: {KANDADJI}", f"Barrage de Kandadji: {KANDADJI} | Courrier du Sahel"),
     f'<h1><span class="surtitre">Kandadji</span><span class="sr-only">: </span><span>{KANDADJI}</span></h1>', KANDADJI),
    # ... nor when a dash or nothing at all sets the kicker apart: a label, whatever the references print
    ((f"Kandadji – {KANDADJI}", f"Kandadji – {KANDADJI} | Courrier du Sahel"),
     f'<h1><span class="surtitre">Kandadji</span><span class="sr-only"> – </span><span>{KANDADJI}</span></h1>', KANDADJI),
    ((f"كنداجي: {KANDADJI_AR}",), f'<h1><span class="surtitre">كنداجي</span> <span>{KANDADJI_AR}</span></h1>', KANDADJI_AR),
])
def test_kicker_joined_by_a_colon_that_the_references_keep(refs: tuple[str, ...], headings: str, title: str) -> None:
    head = "".join(f'<meta property="og:title" content="{ref}">' if index == 0 else f"<title>{ref}</title>"
                   for index, ref in enumerate(refs))
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("og_title", "headings", "title"), [
    # an unmarked opening element glued to the rest (two lines in the layout): joined as a reference joins them
    (f"Kandadji / {KANDADJI}", f"<h1><span>Kandadji</span>{KANDADJI}</h1>", f"Kandadji / {KANDADJI}"),
    (f"كنداجي | {KANDADJI_AR} - Courrier Sahel", f"<h1><span>كنداجي</span>{KANDADJI_AR}</h1>", f"كنداجي | {KANDADJI_AR}"),
    # ... not a kicker its class announces, nor an opening element the heading spaces from the rest
    (f"Kandadji / {KANDADJI}", f'<h1><span class="overline">Kandadji</span>{KANDADJI}</h1>', KANDADJI),
    (f"Kandadji / {KANDADJI}", f"<h1><span>Kandadji</span> {KANDADJI}</h1>", KANDADJI),
])
def test_opening_element_glued_to_the_headline(og_title: str, headings: str, title: str) -> None:
    head = f'<meta property="og:title" content="{og_title}">'
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("h1", "og_title", "title"), [
    # the heading ends or opens on punctuation that sits right before or after the separator of the og:title
    ("Le barrage sera-t-il prêt avant l’été?", "Le barrage sera-t-il prêt avant l’été? - Le Courrier du Sahel",
     "Le barrage sera-t-il prêt avant l’été?"),
    ("“Nous irons au bout de ce mouvement”", "Grève - “Nous irons au bout de ce mouvement”",
     "“Nous irons au bout de ce mouvement”"),
    ("هل يكتمل السد قبل الصيف؟", "هل يكتمل السد قبل الصيف؟ | بريد الساحل", "هل يكتمل السد قبل الصيف؟"),
])
def test_heading_held_by_the_og_title_up_to_punctuation(h1: str, og_title: str, title: str) -> None:
    html = page(f'<meta property="og:title" content="{og_title}">', f"<h1>{h1}</h1>")
    assert extract(html, "https://www.exemple.ne/societe/barrage").title == title


SAHEL_URL = "https://www.courrier-sahel.ne/societe/barrage"


@pytest.mark.parametrize(("head", "headings", "title"), [
    # the <h1> tells the og:title's story in other words: the headline as printed wins
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     "<h1>Les travaux du barrage de Kandadji reprennent après deux ans d’arrêt</h1>",
     "Les travaux du barrage de Kandadji reprennent après deux ans d’arrêt"),
    ('<meta property="og:title" content="Kandadji : reprise des travaux du barrage | Le Courrier du Sahel">',
     "<h1>Barrage de Kandadji : les travaux reprennent</h1>", "Barrage de Kandadji : les travaux reprennent"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "سد كنداجي: استئناف الأشغال"}</script>',
     "<h1>استئناف الأشغال في سد كنداجي</h1>", "استئناف الأشغال في سد كنداجي"),
    # of several <h1>, the one closest to the references
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     "<h1>Société</h1><h1>Kandadji : les travaux du barrage reprennent enfin</h1>",
     "Kandadji : les travaux du barrage reprennent enfin"),
    # an <h1> that shares less than half of its words is a section, a blog name or another story: og:title stays
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     "<h1>Le blog de l’ingénieur</h1>", "Barrage de Kandadji : les travaux reprennent"),
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     "<h1>Inondations à Niamey : trois quartiers évacués</h1>", "Barrage de Kandadji : les travaux reprennent"),
    # the site's logo heading never wins
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     '<h1><a href="/">Le Courrier du barrage</a></h1>', "Barrage de Kandadji : les travaux reprennent"),
    # a kicker both open with (closed by a colon) is not the story: another column's story keeps the og:title ...
    ('<meta property="og:title" content="La chronique économique de Karim Benali : la dette des communes">',
     "<h1>La chronique économique de Karim Benali : le prix du pain flambe</h1>",
     "La chronique économique de Karim Benali : la dette des communes"),
    ("<title>عمود الأسبوع بقلم كريم بن علي: ديون البلديات</title>", "<h1>عمود الأسبوع بقلم كريم بن علي: سعر الخبز يرتفع</h1>",
     "عمود الأسبوع بقلم كريم بن علي: ديون البلديات"),
    # ... the same story after the kicker is the headline as printed
    ('<meta property="og:title" content="La chronique économique de Karim Benali : la dette des communes">',
     "<h1>La chronique économique de Karim Benali : la dette des communes s’envole</h1>",
     "La chronique économique de Karim Benali : la dette des communes s’envole"),
    # an <h1> that is what the references open with before a colon prints the title's first part, no other
    # wording of it: the reference is the title ('Artist: Album', 'Name: what it is')
    ('<meta property="og:title" content="Kandadji : le barrage du fleuve Niger">',
     "<h1>Kandadji</h1>", "Kandadji : le barrage du fleuve Niger"),
    ('<meta property="og:title" content="Les Amazones: Les Amazones">',
     "<h1>Les Amazones</h1>", "Les Amazones: Les Amazones"),
    # ... and an opening closed by a dash is part of the headline, not a kicker
    ('<meta property="og:title" content="Louer, acheter ou emprunter sa voiture – que choisir ?">',
     "<h1>Louer, acheter ou emprunter sa voiture – ce qui coûte moins</h1>",
     "Louer, acheter ou emprunter sa voiture – ce qui coûte moins"),
])
def test_printed_headline_beats_the_references(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # an <h1> that <title> carries after the headline is the blog's name: cut, never the headline
    ("<title>Barrage de Kandadji : les travaux reprennent | CarnetDuFleuve</title>", "<h1>CarnetDuFleuve</h1>",
     "Barrage de Kandadji : les travaux reprennent"),
    ("<title>سد كنداجي: استئناف الأشغال | مدونة النهر</title>", "<h1>مدونة النهر</h1>", "سد كنداجي: استئناف الأشغال"),
    # a section between site and headline is no headline either (nothing is cut from the middle)
    ("<title>Le Fleuve - Société » Barrage de Kandadji : les travaux reprennent</title>", "<h1>Société</h1>",
     "Le Fleuve - Société » Barrage de Kandadji : les travaux reprennent"),
])
def test_heading_after_the_headline_in_title_is_a_name(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, "https://www.exemple.ne/societe/barrage") == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # og:title names the work after its author ('Artist – Song'), <title> closes with the site's name: the <h1> that
    # og:title ends with is the work's name, printed as the headline, not the site's
    ('<meta property="og:title" content="Fatoumata Diawara – Nterini"><title>Fatoumata Diawara – Nterini Paroles | '
     'Chansons du Sahel</title>', '<h1 class="titre">Nterini</h1><h2><a href="/artistes/fd">Fatoumata Diawara</a></h2>',
     "Nterini"),
    ('<meta property="og:title" content="فيروز وزكي ناصيف – سألوني"><title>فيروز وزكي ناصيف – سألوني كلمات | أغاني '
     'الشرق</title>', '<h1 class="title">سألوني</h1><h2><a href="/fairuz">فيروز وزكي ناصيف</a></h2>', "سألوني"),
    # ... while the <h1> that <title> closes with stays the site's name, even with og:title saying the same
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent | CarnetDuFleuve"><title>'
     'Barrage de Kandadji : les travaux reprennent | CarnetDuFleuve</title>', "<h1>CarnetDuFleuve</h1>",
     "Barrage de Kandadji : les travaux reprennent"),
])
def test_heading_after_the_author_in_og_title_is_the_headline(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, "https://www.exemple.ne/paroles/nterini") == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # Dublin Core and Parse.ly titles are references too, before <title>
    ('<title>rapport-2025-04 - Observatoire du Sahel</title><meta name="DC.title" content="Rapport annuel sur la '
     'sécheresse">', "", "Rapport annuel sur la sécheresse"),
    ('<title>Accueil</title><meta name="parsely-title" content="Le barrage de Kandadji reprend vie">',
     "<h1>Les travaux avancent</h1>", "Le barrage de Kandadji reprend vie"),
    # Dublin Core (the document's catalogue title) before og:title (written for sharing), the RDFa property first;
    # Parse.ly's title after og:title
    ('<meta property="og:title" content="Kandadji : le chantier du siècle redémarre !"><meta name="dc.title" '
     'content="Le barrage de Kandadji reprend vie">', "", "Le barrage de Kandadji reprend vie"),
    ('<meta name="dc.title" content="Rapport sur la sécheresse"><meta property="dc:title" content="Rapport annuel sur '
     'la sécheresse au Sahel">', "", "Rapport annuel sur la sécheresse au Sahel"),
    ('<meta property="og:title" content="سد كنداجي: الورشة تنطلق من جديد!"><meta name="dcterms.title" '
     'content="سد كنداجي يعود إلى الحياة">', "", "سد كنداجي يعود إلى الحياة"),
    ('<meta property="og:title" content="Le barrage de Kandadji reprend vie"><meta name="parsely-title" '
     'content="Autre">', "", "Le barrage de Kandadji reprend vie"),
    # an RDFa property attribute may name several properties at once
    ('<title>Accueil</title><meta property="schema:name dc:title" content="سد كنداجي يعود إلى الحياة">', "",
     "سد كنداجي يعود إلى الحياة"),
])
def test_more_title_references(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, "https://www.exemple.ne/societe/barrage") == title


@pytest.mark.parametrize(("og_title", "headings", "title"), [
    # a heading opening with an element no class announces as a kicker: what follows it is the headline when a
    # reference says so
    ("Le Niger lance sa campagne de vaccination contre la rougeole",
     '<h1><span class="c-7f3a">Communiqué du ministère de la Santé</span>Le Niger lance sa campagne de vaccination '
     "contre la rougeole</h1>", "Le Niger lance sa campagne de vaccination contre la rougeole"),
    ("إطلاق حملة التلقيح ضد الحصبة في النيجر",
     '<h1><span class="c-7f3a">بلاغ وزارة الصحة</span>إطلاق حملة التلقيح ضد الحصبة في النيجر</h1>',
     "إطلاق حملة التلقيح ضد الحصبة في النيجر"),
    # ... or what follows its first line, a line break after it
    ("Le Niger lance sa campagne de vaccination contre la rougeole",
     "<h1>Santé<br>Le Niger lance sa campagne de vaccination contre la rougeole</h1>",
     "Le Niger lance sa campagne de vaccination contre la rougeole"),
    ("إطلاق حملة التلقيح ضد الحصبة في النيجر", "<h1>صحة<br>إطلاق حملة التلقيح ضد الحصبة في النيجر</h1>",
     "إطلاق حملة التلقيح ضد الحصبة في النيجر"),
    ("Le Niger lance sa campagne de vaccination contre la rougeole",
     "<h1>Le Niger lance sa campagne<br>de vaccination contre la rougeole</h1>",
     "Le Niger lance sa campagne de vaccination contre la rougeole"),
    # ... otherwise the whole heading is the headline
    ("Santé : le Niger lance sa campagne de vaccination contre la rougeole",
     '<h1><span class="c-7f3a">Santé :</span> le Niger lance sa campagne de vaccination contre la rougeole</h1>',
     "Santé : le Niger lance sa campagne de vaccination contre la rougeole"),
])
def test_unannounced_kicker(og_title: str, headings: str, title: str) -> None:
    head = f'<meta property="og:title" content="{og_title}">'
    assert title_of(head, headings, title, "https://www.exemple.ne/sante/rougeole") == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # the page's only <h1>, classed as its headline, beats references written in other words for search engines
    ('<meta property="og:title" content="Prix du pain : ce qui change en 2025 | Le Courrier du Sahel">',
     '<h1 class="entry-title">Combien coûtera la baguette cette année ?</h1>', "Combien coûtera la baguette cette année ?"),
    ('<title>Qui sommes-nous - Le Courrier du Sahel</title>', '<h1 class="page-headline">Un journal libre depuis 1998</h1>',
     "Un journal libre depuis 1998"),
    ('<meta property="og:title" content="أسعار الخبز: ما الذي يتغير في 2025">',
     '<h1 itemprop="headline">كم سيكلف الخبز هذا العام؟</h1>', "كم سيكلف الخبز هذا العام؟"),
    ('<meta property="og:title" content="Prix du pain : ce qui change en 2025">',
     '<h1><span class="headline">Combien coûtera la baguette cette année ?</span></h1>',
     "Combien coûtera la baguette cette année ?"),
    # an <h1> without such a class, a one- or two-word label, or one of several <h1>s: the reference stays
    ('<meta property="og:title" content="Prix du pain : ce qui change en 2025">',
     "<h1>Combien coûtera la baguette cette année ?</h1>", "Prix du pain : ce qui change en 2025"),
    ('<meta property="og:title" content="Prix du pain : ce qui change en 2025">',
     '<h1 class="title">Consommation</h1>', "Prix du pain : ce qui change en 2025"),
    ('<meta property="og:title" content="Prix du pain : ce qui change en 2025">',
     '<h1 class="title">Combien coûtera la baguette ?</h1><h1 class="title">Nos autres articles récents</h1>',
     "Prix du pain : ce qui change en 2025"),
])
def test_the_only_marked_h1_is_the_headline(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("og_title", "headings", "title"), [
    # a headline printed in an element of its own, a subtitle after it: the headline when a reference holds it alone
    ("Le barrage de Kandadji reprend vie - Le Courrier du Sahel",
     '<h1 class="c-head"><span class="c-a">Le barrage de Kandadji reprend vie</span> <span class="c-b">Deux ans '
     "après l’arrêt des travaux, le chantier redémarre</span></h1>", "Le barrage de Kandadji reprend vie"),
    ("سد كنداجي يعود إلى الحياة",
     '<h1><span class="c-a">سد كنداجي يعود إلى الحياة</span> <span class="c-b">بعد عامين من توقف الأشغال</span></h1>',
     "سد كنداجي يعود إلى الحياة"),
    # ... the whole heading when a reference holds it whole
    ("Le barrage de Kandadji reprend vie : le chantier redémarre",
     '<h1><span class="c-a">Le barrage de Kandadji reprend vie :</span> <span class="c-b">le chantier redémarre</span>'
     "</h1>", "Le barrage de Kandadji reprend vie : le chantier redémarre"),
])
def test_headline_then_subtitle_in_one_heading(og_title: str, headings: str, title: str) -> None:
    head = f'<meta property="og:title" content="{og_title}">'
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # no <h1>: an unmarked <h2> that <title> holds at either end is the headline, the rest of <title> a name
    ("<title>Les pluies reviennent sur Niamey | Carnets du fleuve</title>",
     "<h2>Les pluies reviennent sur Niamey</h2>", "Les pluies reviennent sur Niamey"),
    ("<title>Carnets du fleuve - Chroniques » Les pluies reviennent sur Niamey</title>",
     "<h2>Chroniques</h2><h2>Les pluies reviennent sur Niamey</h2>", "Les pluies reviennent sur Niamey"),
    ("<title>عودة الأمطار إلى نيامي | دفاتر النهر</title>", "<h2>عودة الأمطار إلى نيامي</h2>", "عودة الأمطار إلى نيامي"),
    # both ends printed in <h2>s: the longer one
    ("<title>Les pluies reviennent sur Niamey | Carnets du fleuve</title>",
     "<h2>Carnets du fleuve</h2><h2>Les pluies reviennent sur Niamey</h2>", "Les pluies reviennent sur Niamey"),
    # a segment in the middle is a blog's or a section's name; a one-word <h2> is a label: <title> stays
    ("<title>Les pluies reviennent sur Niamey - Carnets du fleuve - Hébergé par Blogs du Sahel</title>",
     "<h2>Carnets du fleuve</h2>", "Les pluies reviennent sur Niamey - Carnets du fleuve - Hébergé par Blogs du Sahel"),
    ("<title>Chroniques | Les pluies reviennent sur Niamey</title>", "<h2>Chroniques</h2>",
     "Chroniques | Les pluies reviennent sur Niamey"),
])
def test_unmarked_h2_held_by_the_title(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, "https://www.exemple.ne/blog/pluies") == title


@pytest.mark.parametrize(("title_tag", "url", "title"), [
    # a last segment that names a folder of the URL is the section, cut like the site's name
    ("Le budget 2025 adopté en première lecture - Politique - Le Courrier du Sahel",
     "https://www.courrierdusahel.ne/politique/2025/03/budget-adopte", "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté en première lecture | Économie", "https://www.exemple.ne/economie/budget-adopte",
     "Le budget 2025 adopté en première lecture"),
    ("اعتماد ميزانية 2025 في قراءة أولى - اقتصاد", "https://www.exemple.tn/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/123",
     "اعتماد ميزانية 2025 في قراءة أولى"),
    # ... never a first segment (a kicker the headline keeps), nor a segment the URL's folders do not name
    ("Mali - La transition publie son calendrier", "https://www.exemple.ml/mali/calendrier",
     "Mali - La transition publie son calendrier"),
    ("Le budget 2025 adopté - Politique", "https://www.exemple.ne/2025/03/budget-adopte", "Le budget 2025 adopté - Politique"),
    # the article's own slug is no folder
    ("Niamey - Inondations", "https://www.exemple.ne/societe/inondations", "Niamey - Inondations"),
])
def test_url_folder_segment_is_a_section(title_tag: str, url: str, title: str) -> None:
    assert title_of(f"<title>{title_tag}</title>", "", title, url) == title


@pytest.mark.parametrize(("headline", "url", "title"), [
    # an <h1> that prints the section or the site's name after the headline, as <title> does, loses it
    ("Le budget 2025 adopté en première lecture | Opinion", "https://www.exemple.ne/story/opinion/contributeurs/budget",
     "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté en première lecture - Le Courrier du Sahel", "https://www.courrierdusahel.ne/2025/budget",
     "Le budget 2025 adopté en première lecture"),
    ("اعتماد ميزانية 2025 في قراءة أولى | اقتصاد", "https://www.exemple.tn/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/123",
     "اعتماد ميزانية 2025 في قراءة أولى"),
    ("Budget Passed on First Reading | Opinion", "https://www.example.com/opinion/budget-passed", "Budget Passed on First Reading"),
    # ... a segment that names neither stays, and so does a heading the cut would leave under three words
    ("Le budget 2025 adopté en première lecture | Les chiffres clés", "https://www.exemple.ne/opinion/budget",
     "Le budget 2025 adopté en première lecture | Les chiffres clés"),
    ("Budget adopté | Opinion", "https://www.exemple.ne/opinion/budget", "Budget adopté | Opinion"),
])
def test_heading_loses_the_section_or_site_segment(headline: str, url: str, title: str) -> None:
    head = f"<title>{headline}</title><meta property=\"og:title\" content=\"{headline}\">"
    assert title_of(head, f"<h1>{headline}</h1>", title, url) == title


@pytest.mark.parametrize(("head", "title"), [
    # a reference cut short ('…', '...') gives way to a later one that completes it, without its site name
    ('<meta property="og:title" content="Le gouvernement annonce une réforme de la fiscalité des…">'
     "<title>Le gouvernement annonce une réforme de la fiscalité des entreprises - Le Courrier du Sahel</title>",
     "Le gouvernement annonce une réforme de la fiscalité des entreprises"),
    ('<meta property="og:title" content="الحكومة تعلن عن إصلاح جبائي يشمل...">'
     "<title>الحكومة تعلن عن إصلاح جبائي يشمل الشركات الصغرى</title>", "الحكومة تعلن عن إصلاح جبائي يشمل الشركات الصغرى"),
    # a headline that ends on an ellipsis of its own stays as it is
    ('<meta property="og:title" content="Et si la pluie revenait…">'
     "<title>Et si la pluie revenait… - Le Courrier du Sahel</title>", "Et si la pluie revenait…"),
    ('<meta property="og:title" content="Le gouvernement annonce une réforme…">'
     "<title>Inondations à Niamey : trois quartiers évacués</title>", "Le gouvernement annonce une réforme…"),
])
def test_truncated_reference_completed(head: str, title: str) -> None:
    assert title_of(head, "", title, "https://www.courrierdusahel.ne/societe/reforme") == title


@pytest.mark.parametrize(("title_tag", "title"), [
    # ' / ', ' // ' and ' ~ ' separate the site's name too; so does a closing bracket that holds it
    ("Le budget 2025 adopté en première lecture / Courrier du Sahel", "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté en première lecture // CourrierDuSahel.ne", "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté en première lecture ~ Courrier du Sahel", "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté en première lecture [Courrier du Sahel]", "Le budget 2025 adopté en première lecture"),
    ("اعتماد ميزانية 2025 في قراءة أولى (Courrier du Sahel)", "اعتماد ميزانية 2025 في قراءة أولى"),
    # ... but a slash or a bracket that is the headline's own stays
    ("Mali / Niger : la frontière rouverte", "Mali / Niger : la frontière rouverte"),
    ("Le budget 2025 adopté (vidéo)", "Le budget 2025 adopté (vidéo)"),
])
def test_more_site_name_separators(title_tag: str, title: str) -> None:
    assert title_of(f"<title>{title_tag}</title>", "", title, "https://www.courrierdusahel.ne/2025/budget") == title


@pytest.mark.parametrize(("title_tag", "title"), [
    # the site's name with its tagline after the headline: both go
    ("Le budget 2025 adopté en première lecture | Courrier du Sahel - L'actualité du Niger",
     "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté - Courrier du Sahel - Actualité au Niger, Politique, Économie, Sport",
     "Le budget 2025 adopté"),
    ("اعتماد ميزانية 2025 في قراءة أولى | Courrier du Sahel - أخبار النيجر", "اعتماد ميزانية 2025 في قراءة أولى"),
    # ... not when what would be left is no headline (one or two words: a label before the site's name)
    ("Accueil - Courrier du Sahel - Le budget 2025 adopté en première lecture",
     "Accueil - Courrier du Sahel - Le budget 2025 adopté en première lecture"),
    # a page number after the headline goes too
    ("Le budget 2025 adopté en première lecture | Page 2 | Courrier du Sahel", "Le budget 2025 adopté en première lecture"),
    ("Le budget 2025 adopté en première lecture - Page 2 sur 3", "Le budget 2025 adopté en première lecture"),
    ("اعتماد ميزانية 2025 في قراءة أولى - صفحة 2", "اعتماد ميزانية 2025 في قراءة أولى"),
])
def test_site_tagline_and_page_number(title_tag: str, title: str) -> None:
    assert title_of(f"<title>{title_tag}</title>", "", title, "https://www.courrierdusahel.ne/2025/budget") == title


@pytest.mark.parametrize(("head", "url", "title"), [
    # the domain spells the site's name without its elisions and small words
    ("<title>Le budget 2025 adopté en première lecture - Le Quotidien d’Oran</title>",
     "https://www.lequotidien-oran.com/index.php?news=1", "Le budget 2025 adopté en première lecture"),
    # an acronym: the first part of a hyphenated domain, or the initials of the site's name or domain
    ("<title>Le budget 2025 adopté en première lecture - TSA</title>", "https://www.tsa-algerie.com/le-budget/",
     "Le budget 2025 adopté en première lecture"),
    ("<title>Le budget 2025 adopté en première lecture - Algérie Presse Service</title>", "https://www.aps.dz/economie/1",
     "Le budget 2025 adopté en première lecture"),
    ('<meta property="og:site_name" content="Agence de Presse Sénégalaise"><title>Le budget 2025 adopté | APS</title>',
     "https://www.exemple.sn/actualites/1", "Le budget 2025 adopté"),
    ('<meta property="og:site_name" content="Agence Maghreb Arabe Presse"><title>اعتماد ميزانية 2025 - AMAP</title>',
     "https://www.exemple.ma/ar/1", "اعتماد ميزانية 2025"),
    # ... never a word in capitals that is not the site's, nor a name that only shares the domain's letters
    ("<title>Le budget 2025 adopté en première lecture - FMI</title>", "https://www.tsa-algerie.com/le-budget/",
     "Le budget 2025 adopté en première lecture - FMI"),
    ("<title>Le budget 2025 adopté - Accès pour soignants</title>", "https://www.aps.dz/economie/1",
     "Le budget 2025 adopté - Accès pour soignants"),
    ("<title>Le budget 2025 adopté - Le Quotidien d’Ouargla</title>", "https://www.lequotidien-oran.com/index.php?news=1",
     "Le budget 2025 adopté - Le Quotidien d’Ouargla"),
])
def test_site_name_spelled_by_the_domain(head: str, url: str, title: str) -> None:
    assert title_of(head, "", title, url) == title


@pytest.mark.parametrize(("title_tag", "url", "title"), [
    # a short last segment without a lower-case word that holds the domain's name is the site's
    ("Le budget 2025 adopté en première lecture - Festival International Niamey2025", "https://www.niamey2025.ne/fr/1",
     "Le budget 2025 adopté en première lecture"),
    ("الحكومة تعلن عن إصلاح جبائي | هسبريس Hespress", "https://www.hespress.com/economie/1", "الحكومة تعلن عن إصلاح جبائي"),
    # ... not a headline's words that name the site
    ("Kandadji - Les nouvelles cartes sur Courrierdusahel.ne", "https://www.courrierdusahel.ne/societe/1",
     "Kandadji - Les nouvelles cartes sur Courrierdusahel.ne"),
])
def test_short_last_segment_holding_the_site_name(title_tag: str, url: str, title: str) -> None:
    assert title_of(f"<title>{title_tag}</title>", "", title, url) == title


@pytest.mark.parametrize(("head", "url", "title"), [
    # the page's domain, whole, is the site's name: as the Dublin Core title or as the last segment of <title>
    ('<meta name="DC.title" content="ams.info"><title>Le budget 2025 adopté en première lecture - AMS</title>',
     "https://www.ams.info/fr/1", "Le budget 2025 adopté en première lecture"),
    ("<title>Le budget 2025 adopté en première lecture - ams.info</title>", "https://www.ams.info/fr/1",
     "Le budget 2025 adopté en première lecture"),
    ("<title>اعتماد ميزانية 2025 - ams.info</title>", "https://www.ams.info/ar/1", "اعتماد ميزانية 2025"),
    # ... not another site's domain
    ("<title>Le budget 2025 adopté en première lecture - exemple.org</title>", "https://www.ams.info/fr/1",
     "Le budget 2025 adopté en première lecture - exemple.org"),
])
def test_the_domain_is_the_site_name(head: str, url: str, title: str) -> None:
    assert title_of(head, "", title, url) == title


BLOG_URL = "https://carnetdufleuve.blogspot.com/2025/03/barrage.html"


@pytest.mark.parametrize(("head", "url", "title"), [
    # the site's name before a colon (a blog platform's 'Blog name: Post title') goes
    ("<title>Carnet du fleuve: Les travaux du barrage reprennent</title>", BLOG_URL, "Les travaux du barrage reprennent"),
    ('<meta property="og:site_name" content="مدونة النهر"><title>مدونة النهر: استئناف الأشغال في سد كنداجي</title>',
     BLOG_URL, "استئناف الأشغال في سد كنداجي"),
    # ... not a one-word kicker that happens to be the domain's name, nor a name that is not exactly the site's
    ("<title>Kandadji : les travaux du barrage reprennent</title>", "https://www.kandadji.ne/2025/barrage",
     "Kandadji : les travaux du barrage reprennent"),
    ("<title>Carnet du fleuve Niger: les travaux du barrage reprennent</title>", BLOG_URL,
     "Carnet du fleuve Niger: les travaux du barrage reprennent"),
    # ... nor when what follows is no headline
    ("<title>Carnet du fleuve: Crue historique</title>", BLOG_URL, "Carnet du fleuve: Crue historique"),
])
def test_site_name_before_a_colon(head: str, url: str, title: str) -> None:
    assert title_of(head, "", title, url) == title


@pytest.mark.parametrize(("title_tag", "url", "title"), [
    # the site's domain set before the headline with a space only is the site's name
    ("courrierdusahel.ne Le budget 2025 adopté", "https://www.courrierdusahel.ne/2025/budget", "Le budget 2025 adopté"),
    ("exemple.tn اعتماد ميزانية 2025", "https://www.exemple.tn/ar/123", "اعتماد ميزانية 2025"),
    ("gazette.example.com Budget Passed", "https://gazette.example.com/2025/budget", "Budget Passed"),
    # ... not another site's domain, not the subject of a sentence, nor the whole of the rest but one word
    ("lemonde.fr Le budget 2025 adopté", "https://www.courrierdusahel.ne/2025/budget", "lemonde.fr Le budget 2025 adopté"),
    ("Courrierdusahel.ne lance sa nouvelle formule", "https://www.courrierdusahel.ne/2025/formule",
     "Courrierdusahel.ne lance sa nouvelle formule"),
    ("courrierdusahel.ne Inondations", "https://www.courrierdusahel.ne/2025/page", "courrierdusahel.ne Inondations"),
])
def test_site_domain_before_the_headline(title_tag: str, url: str, title: str) -> None:
    assert title_of(f"<title>{title_tag}</title>", "", title, url) == title


@pytest.mark.parametrize(("title_tag", "title"), [
    # a name glued by a dash or a bar to the headline's closing mark is the site's, whatever it is
    ("Le barrage de Kandadji enfin achevé !-Nouvelles du fleuve", "Le barrage de Kandadji enfin achevé !"),
    ("Le barrage de Kandadji sera-t-il achevé ?|NF Info", "Le barrage de Kandadji sera-t-il achevé ?"),
    ("هل ينتهي بناء سد كنداجي؟-أخبار النهر", "هل ينتهي بناء سد كنداجي؟"),
    # ... not a hyphen inside the headline, nor a long sentence after the mark
    ("Le barrage enfin achevé ?-Les travaux reprendront en mars", "Le barrage enfin achevé ?-Les travaux reprendront en mars"),
    ("Kandadji-Niamey : la route rouverte", "Kandadji-Niamey : la route rouverte"),
])
def test_site_name_glued_to_the_closing_mark(title_tag: str, title: str) -> None:
    assert title_of(f"<title>{title_tag}</title>", "", title, "https://www.exemple.ne/societe/barrage") == title


@pytest.mark.parametrize(("og_title", "headings", "title"), [
    # a heading whose elements meet without the space the references write: spaced as the references spell it
    ("Barrage de Kandadji: les travaux reprennent",
     '<h1><span class="c-red">Barrage de Kandadji:</span>les travaux reprennent</h1>',
     "Barrage de Kandadji: les travaux reprennent"),
    ("سد كنداجي: استئناف الأشغال | Courrier Sahel", '<h1><span class="c-red">سد كنداجي:</span>استئناف الأشغال</h1>',
     "سد كنداجي: استئناف الأشغال"),
    # ... and printed as it is when a reference writes it so, or writes other punctuation
    ("Barrage de Kandadji :les travaux reprennent", '<h1><span>Barrage de Kandadji :</span>les travaux reprennent</h1>',
     "Barrage de Kandadji :les travaux reprennent"),
    ("Barrage de Kandadji – les travaux reprennent", "<h1>Barrage de Kandadji - les travaux reprennent</h1>",
     "Barrage de Kandadji - les travaux reprennent"),
    # an ellipsis the page's typography sets as '…' where the publisher typed three full stops
    ("Kandadji : les travaux reprennent (enfin...) à Ayorou | Courrier Sahel",
     "<h1>Kandadji : les travaux reprennent (enfin…) à Ayorou</h1>",
     "Kandadji : les travaux reprennent (enfin...) à Ayorou"),
    ("سد كنداجي... استئناف الأشغال في أيورو", "<h1>سد كنداجي… استئناف الأشغال في أيورو</h1>",
     "سد كنداجي... استئناف الأشغال في أيورو"),
    # ... and as printed when the reference sets '…' too, or tells more than the heading
    ("Kandadji : les travaux reprennent (enfin…) à Ayorou", "<h1>Kandadji : les travaux reprennent (enfin…) à Ayorou</h1>",
     "Kandadji : les travaux reprennent (enfin…) à Ayorou"),
    ("سد كنداجي... استئناف الأشغال في أيورو", "<h1>سد كنداجي… استئناف الأشغال</h1>", "سد كنداجي… استئناف الأشغال"),
])
def test_heading_spaced_as_the_references(og_title: str, headings: str, title: str) -> None:
    head = f'<meta property="og:title" content="{og_title}">'
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("title", "url", "expected"), [
    # a French quotation's closing '»' is the headline's, not a separator before the site's name
    ("Grève des enseignants : « Nous irons jusqu'au bout » - Sahelweb.net", "https://www.sahelweb.net/education/123.html",
     "Grève des enseignants : « Nous irons jusqu'au bout »"),
    ("« Nous ne céderons pas », affirme le ministre » Tassili Info", "https://www.tassili-info.dz/a",
     "« Nous ne céderons pas », affirme le ministre"),
    # an opening acronym of the site ('TPA : …' on tpa-algerie.com) is its name; another one is the headline's kicker
    ("TPA : Les importations de véhicules reprennent", "https://www.tpa-algerie.com/les-importations/",
     "Les importations de véhicules reprennent"),
    ("UGTT : la grève générale est maintenue", "https://www.tpa-algerie.com/la-greve/", "UGTT : la grève générale est maintenue"),
    ("Mali : la transition prolongée - Sahelweb.net", "https://www.sahelweb.net/politique/123.html",
     "Mali : la transition prolongée"),
    # a lone '«' or '‹' before the site's name is a separator (WordPress's 'Titre « Site')
    ("Le taux directeur reste inchangé « Sahelweb.net", "https://www.sahelweb.net/economie/1.html",
     "Le taux directeur reste inchangé"),
    ("Le taux directeur reste inchangé ‹ Sahelweb.net", "https://www.sahelweb.net/economie/1.html",
     "Le taux directeur reste inchangé"),
    ("Le ministre : « Le taux directeur restera inchangé » « Sahelweb.net", "https://www.sahelweb.net/economie/1.html",
     "Le ministre : « Le taux directeur restera inchangé »"),
    # the site's name with its tagline after a colon or a comma
    ("Le taux directeur reste inchangé - Sahelweb.net : Actualités du Mali", "https://www.sahelweb.net/economie/1.html",
     "Le taux directeur reste inchangé"),
    ("Le taux directeur reste inchangé - Tassili Info , Quotidien national d'information",
     "https://www.tassili-info.dz/economie/1", "Le taux directeur reste inchangé"),
    ("Le taux directeur reste inchangé - Mali : la banque centrale rassure", "https://www.sahelweb.net/economie/1.html",
     "Le taux directeur reste inchangé - Mali : la banque centrale rassure"),
    # the site's domain opening the title before a colon
    ("Sahelweb.net : Mali : la transition prolongée de deux ans", "https://www.sahelweb.net/politique/1.html",
     "Mali : la transition prolongée de deux ans"),
    ("Bamako.ml : la transition prolongée de deux ans", "https://www.sahelweb.net/politique/1.html",
     "Bamako.ml : la transition prolongée de deux ans"),
    # a name whose initials are its domain reads its elided article off the word ('d'Information')
    ("Le taux directeur reste inchangé - Agence Nigérienne d'Information", "https://ani.ne/fr/123",
     "Le taux directeur reste inchangé"),
    # a short last segment opened by the first word of a hyphenated domain is the site's name ('Kandadji Watch' on
    # kandadji-veille.ne); a first word of three letters, or a word of the domain's second part, is not
    ("Le barrage reprend ses travaux ‹ Kandadji Watch", "https://kandadji-veille.ne/a", "Le barrage reprend ses travaux"),
    ("Le barrage reprend ses travaux | Kandadji Watch Niger", "https://www.kandadji-veille.ne/a",
     "Le barrage reprend ses travaux"),
    ("Le barrage reprend ses travaux - Veille citoyenne", "https://kandadji-veille.ne/a",
     "Le barrage reprend ses travaux - Veille citoyenne"),
    ("La saison des pluies - Eau et climat", "https://eau-sahel.ne/a", "La saison des pluies - Eau et climat"),
    ("Sécheresse : le Sahel s'organise - Kandadji : le chantier reprend", "https://kandadji-veille.ne/a",
     "Sécheresse : le Sahel s'organise - Kandadji : le chantier reprend"),
])
def test_site_names_of_maghreb_and_sahel_outlets(title: str, url: str, expected: str) -> None:
    assert strip_site(title, SiteKeys.build([], url, None)) == expected


def test_quoted_headline_from_the_title_tag() -> None:
    title = "Grève des enseignants : « Nous irons jusqu'au bout »"
    assert title_of(f"<title>{title} - Sahelweb.net</title>", "", title, "https://www.sahelweb.net/education/1.html") == title


_KHASSO = "https://www.infos-kayes.com/societe/puits-pastoraux"
_HEADER, _FOOTER = '<header><nav>', "<footer><p>Tous droits réservés</p></footer>"


@pytest.mark.parametrize(("title_tag", "header", "footer", "title"), [
    # no og:site_name, a name unlike the domain: the page prints it as its name, so it is cut from <title>
    ("Des puits réhabilités à Kayes | Le Messager du Khasso",
     '<a href="/"><img src="/img/entete.png" alt="Le Messager du Khasso"></a>', "", "Des puits réhabilités à Kayes"),
    ("Des puits réhabilités à Kayes | Le Messager du Khasso", '<img src="/img/logo.png" alt="Logo Le Messager du Khasso">',
     "", "Des puits réhabilités à Kayes"),
    ("Des puits réhabilités à Kayes - Le Messager du Khasso", '<a href="https://www.infos-kayes.com/" title="Le Messager'
     ' du Khasso">Accueil</a>', "", "Des puits réhabilités à Kayes"),
    ("Des puits réhabilités à Kayes | Le Messager du Khasso", '<a href="https://[ccpa-preferences]/">Cookies</a>',
     "<footer><p>© 2025 <a href='/'>Le Messager du Khasso</a>. Tous droits réservés.</p></footer>",
     "Des puits réhabilités à Kayes"),
    ("Des puits réhabilités à Kayes | Le Messager du Khasso", "",
     "<footer><p>Copyright 2025 - Le Messager du Khasso</p></footer>", "Des puits réhabilités à Kayes"),
    # only the last segment: a first one the page prints is the headline as often as the site's name
    ("Le Messager du Khasso | Des puits réhabilités à Kayes", "",
     "<footer><p>Copyright 2025 - Le Messager du Khasso</p></footer>", "Le Messager du Khasso | Des puits réhabilités à Kayes"),
    ("اعتماد ميزانية 2025 في قراءة أولى - موقع الأنباء", '<img src="/l.png" alt="موقع الأنباء">', "",
     "اعتماد ميزانية 2025 في قراءة أولى"),
    ("اعتماد ميزانية 2025 في قراءة أولى | موقع الأنباء", "", "<footer><p>جميع الحقوق محفوظة © 2025 موقع الأنباء</p></footer>",
     "اعتماد ميزانية 2025 في قراءة أولى"),
    # a segment the page prints nowhere as its name stays, and so does one only part of a word of the copyright line
    ("Des puits réhabilités à Kayes | Un reportage au long cours", "", "", "Des puits réhabilités à Kayes | Un reportage au long cours"),
    ("Des puits réhabilités à Kayes | Le Messager du Khasso", "", '<figure><img src="/img/puits.jpg" alt="Le Messager du'
     ' Khasso"></figure>', "Des puits réhabilités à Kayes | Le Messager du Khasso"),  # a photo, not the logo
    ("Des puits réhabilités à Kayes - Sahel", "", "<footer><p>© 2025 Sahelien Médias</p></footer>",
     "Des puits réhabilités à Kayes - Sahel"),
])
def test_site_name_the_page_prints_as_its_own(title_tag: str, header: str, footer: str, title: str) -> None:
    arabic = title[0] >= "\u0600"
    html = page(f"<title>{title_tag}</title>", "", lang="ar" if arabic else "fr",
                paragraphs=AR_PARAGRAPHS if arabic else FR_PARAGRAPHS)
    html = html.replace(_HEADER, f"<header>{header}<nav>").replace(_FOOTER, footer or _FOOTER)
    assert extract(html, _KHASSO).title == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # a heading opened inside the <h1> is a line of its own: the date line is not the headline's
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     '<h1 class="hero__title">Les travaux du barrage de Kandadji reprennent<div class="divider"></div>'
     '<h3 class="date-info"><span>Publié le 3 mars 2025</span> par la rédaction</h3></h1>',
     "Les travaux du barrage de Kandadji reprennent"),
    ('<meta property="og:title" content="سد كنداجي: استئناف الأشغال">',
     "<h1>استئناف الأشغال في سد كنداجي<h4>نشر في 3 مارس 2025</h4></h1>", "استئناف الأشغال في سد كنداجي"),
    # ... but a heading whose only text is a nested heading keeps it
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     "<h1><h3>Les travaux du barrage de Kandadji reprennent</h3></h1>", "Les travaux du barrage de Kandadji reprennent"),
    # the breadcrumb's last step, printed in an <h1>, is the title in the site's words, not the headline
    ("<title>Kandadji : reprise des travaux | Le Courrier</title>"
     '<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     '<h1 class="breadcrumb__item breadcrumb__item--last">Kandadji : reprise des travaux</h1>'
     '<h2 class="article__headline">Barrage de Kandadji : les travaux reprennent</h2>',
     "Barrage de Kandadji : les travaux reprennent"),
])
def test_headings_that_are_not_the_headline(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("html", "logo"), [
    # a heading that is a link to the home page is the site's name: the root, or a link the page calls home
    ('<h1><a href="/">Le Courrier du Sahel</a></h1>', True),
    ('<h1 class="blog-title"><a href="https://www.exemple.ne/carnet/" rel="home">Carnet du fleuve</a></h1>', True),
    ('<h1><a href="https://www.exemple.ne/carnet/" rel="home">مدونة النهر</a></h1>', True),
    # a link to a folder or to the article itself is not
    ('<h1><a href="https://www.exemple.ne/carnet/">Carnet du fleuve</a></h1>', False),
    ('<h1><a href="https://www.exemple.ne/carnet/kandadji" rel="bookmark">Barrage de Kandadji</a></h1>', False),
])
def test_heading_linking_home_is_the_site_name(html: str, logo: bool) -> None:
    found = collect(parse_html(f"<html><body>{html}</body></html>".encode()))
    assert found.headings[0].logo is logo


@pytest.mark.parametrize(("head", "headings", "title"), [
    # an <h1> that is a word or two of a long title names a thing the story is about, not the story
    ('<meta property="og:title" content="Comment Niamey, Zinder et Maradi ont perdu leur eau en une semaine">',
     "<h1>Comment Niamey, Zinder et Maradi ont perdu leur eau</h1><h1>Zinder</h1><h1>Maradi</h1>",
     "Comment Niamey, Zinder et Maradi ont perdu leur eau"),
    ('<meta property="og:title" content="Comment Niamey, Zinder et Maradi ont perdu leur eau en une semaine">',
     "<h1>Zinder</h1><h1>Maradi</h1>", "Comment Niamey, Zinder et Maradi ont perdu leur eau en une semaine"),
    ('<meta property="og:title" content="كيف فقدت مدينة زيندر مياهها في أسبوع واحد">',
     "<h1>زيندر</h1>", "كيف فقدت مدينة زيندر مياهها في أسبوع واحد"),
    # ... unless the title opens with it: the headline, the rest glued to it or after a dash
    ('<meta property="og:title" content="Webcams - Parc national du W (Office du tourisme)">',
     "<h1>Webcams</h1><h1>Menu</h1>", "Webcams"),
])
def test_printed_headline_covers_the_story(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # the <h1> lost characters to a wrong encoding ('?', U+FFFD): the reference that agrees on the rest spells it
    ('<meta property="og:title" content="Le Président du Niger reçoit l’ambassadeur">',
     '<h1 class="entry-title">Le Pr?sident du Niger re?oit l?ambassadeur</h1>',
     "Le Président du Niger reçoit l’ambassadeur"),
    ('<meta property="og:title" content="Barrage de Kandadji : l’été des travaux">',
     '<h1 class="entry-title">Barrage de Kandadji \ufffd l\ufffd\ufffdt\ufffd des travaux</h1>',
     "Barrage de Kandadji : l’été des travaux"),
    ('<meta property="og:title" content="سد كنداجي: استئناف الأشغال">',
     '<h1 class="entry-title">سد كنداجي? استئناف الأشغال</h1>', "سد كنداجي: استئناف الأشغال"),
    # a question mark the reference prints too, or a reference that differs elsewhere, leaves the heading as printed
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent-ils ?">',
     '<h1 class="entry-title">Les travaux du barrage de Kandadji reprennent-ils ?</h1>',
     "Les travaux du barrage de Kandadji reprennent-ils ?"),
    ('<meta property="og:title" content="Kandadji ? Les travaux reprennent">',
     '<h1 class="entry-title">Kandadji ? Les travaux reprennent</h1>', "Kandadji ? Les travaux reprennent"),
    ('<meta property="og:title" content="Les travaux du barrage reprennent-ils ?!">',
     '<h1 class="entry-title">Les travaux du barrage reprennent-ils ?</h1>', "Les travaux du barrage reprennent-ils ?"),
])
def test_heading_with_characters_lost_to_the_encoding(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


def test_heading_that_lost_many_characters_stays_as_printed_at_once() -> None:
    # a heading that lost this many characters to the encoding (an Arabic headline read in the wrong charset) is
    # matched against no reference: a pattern with a gap per lost character, against an og:title whose words line up
    # with them but do not fit, took 10 s on seven words and grows threefold with each lost character
    mangled = "Niamey " + " ".join(["????"] * 7)
    head = '<meta property="og:title" content="Niamey ' + "مقال " * 14 + 'x">'
    with cpu_seconds() as spent:
        assert title_of(head, f'<h1 class="entry-title">{mangled}</h1>', mangled, SAHEL_URL) == mangled
    assert spent() < 1


@pytest.mark.parametrize(("head", "headings", "title"), [
    # the only marked <h1> of more than 30 words is a standfirst set in the headline's place: og:title is the title
    ('<meta property="og:title" content="Barrage de Kandadji : dix ans de travaux en chiffres">',
     '<h1 class="post__headline">Découvrez combien a coûté le barrage de Kandadji, qui l’a financé et quand il '
     "produira enfin son premier mégawatt. Nos journalistes ont épluché les rapports publiés depuis dix ans pour "
     "vous aider à comprendre ce chantier hors norme du fleuve Niger.</h1>",
     "Barrage de Kandadji : dix ans de travaux en chiffres"),
    # ... a long headline is still one
    ('<meta property="og:title" content="Barrage de Kandadji : les travaux reprennent">',
     '<h1 class="post__headline">Après deux ans d’arrêt et trois changements d’entreprise, les travaux du barrage '
     "de Kandadji reprennent sur le fleuve Niger, en amont de Niamey</h1>",
     "Après deux ans d’arrêt et trois changements d’entreprise, les travaux du barrage de Kandadji reprennent "
     "sur le fleuve Niger, en amont de Niamey"),
])
def test_marked_h1_of_a_headline_length(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


SITE_URL = "https://www.carnets-sahel.ne/a-propos"


@pytest.mark.parametrize(("head", "headings", "title", "source"), [
    # a page that names nothing but its site (its 'About' page): the name its <h1> prints ...
    ('<meta property="og:site_name" content="Carnets du Sahel"><title>À propos - Carnets du Sahel</title>',
     '<h1><a href="/" rel="home">Carnets du Sahel</a></h1>', "Carnets du Sahel", "site-name"),
    ('<meta property="og:site_name" content="أصداء الساحل"><title>من نحن - أصداء الساحل</title>',
     "<h1>أصداء الساحل</h1>", "أصداء الساحل", "site-name"),
    # ... else its first reference as published
    ('<meta property="og:site_name" content="Carnets du Sahel"><title>À propos - Carnets du Sahel</title>', "",
     "À propos - Carnets du Sahel", "site-name"),
    # a headline of its own beside the site's name is the title
    ('<meta property="og:site_name" content="Carnets du Sahel"><title>Kandadji : le chantier reprend - Carnets du '
     'Sahel</title>', '<h1><a href="/" rel="home">Carnets du Sahel</a></h1>', "Kandadji : le chantier reprend", "title"),
])
def test_page_naming_only_its_site(head: str, headings: str, title: str, source: str) -> None:
    arabic = title[0] >= "\u0600"
    html = page(head, headings, lang="ar" if arabic else "fr", paragraphs=AR_PARAGRAPHS if arabic else FR_PARAGRAPHS)
    found = extract(html, SITE_URL)
    assert (found.title, found.sources["title"]) == (title, source)


def test_site_name_title_cuts_no_line_from_the_text() -> None:
    """The site's name is no headline: a first line that holds it ('Bienvenue sur Carnets du Sahel') stays."""
    head = '<meta property="og:site_name" content="Carnets du Sahel"><title>À propos - Carnets du Sahel</title>'
    paragraphs = ("Bienvenue sur Carnets du Sahel", *FR_PARAGRAPHS)
    found = extract(page(head, "<h1>Carnets du Sahel</h1>", paragraphs=paragraphs), SITE_URL)
    assert found.title == "Carnets du Sahel"
    assert "Bienvenue sur Carnets du Sahel" in found.text.split("\n")


def _filed_under(section: str, headline: str) -> str:
    return ('<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"headline": "{headline}", "articleSection": "{section}"}}</script>')


@pytest.mark.parametrize(("head", "headings", "title"), [
    # a CMS that files the article under its own title: that 'section' is the headline, not a segment to cut
    (_filed_under("Le coût des études en ligne", "Le coût des études en ligne")
     + '<meta property="og:title" content="Le coût des études en ligne [2025] : frais et bourses">',
     "<h1>Le coût des études en ligne</h1>", "Le coût des études en ligne"),
    (_filed_under("تكلفة الدراسة عبر الإنترنت", "تكلفة الدراسة عبر الإنترنت")
     + '<meta property="og:title" content="تكلفة الدراسة عبر الإنترنت [2025]: الرسوم والمنح">',
     "<h1>تكلفة الدراسة عبر الإنترنت</h1>", "تكلفة الدراسة عبر الإنترنت"),
    # a section of a few words stays one, printed in an <h1> or not
    (_filed_under("Politique", "Réforme fiscale : le projet adopté")
     + "<title>Réforme fiscale : le projet adopté - Politique</title>",
     "<h1>Politique</h1>", "Réforme fiscale : le projet adopté"),
    (_filed_under("Afrique du Nord", "Réforme fiscale : le projet adopté en conseil")
     + "<title>Réforme fiscale : le projet adopté en conseil | Afrique du Nord</title>",
     "<h1>Afrique du Nord</h1>", "Réforme fiscale : le projet adopté en conseil"),
])
def test_section_that_is_the_headline(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, URL) == title


@pytest.mark.parametrize(("head", "headings", "title"), [
    # a reference that is the heading followed by a year keeps it: the edition of a ranking or a guide
    ('<meta property="og:title" content="Les meilleures pirogues du fleuve Niger en 2025">'
     "<title>Les meilleures pirogues du fleuve Niger en 2025 | Le Courrier du Sahel</title>",
     "<h1>Les meilleures pirogues du fleuve Niger</h1>", "Les meilleures pirogues du fleuve Niger en 2025"),
    ('<meta property="og:site_name" content="Le Courrier du Sahel">'
     "<title>Ten river towns to visit along the Niger 2026 - Le Courrier du Sahel</title>",
     "<h1>Ten river towns to visit along the Niger</h1>", "Ten river towns to visit along the Niger 2026"),
    ('<meta property="og:title" content="أفضل مدن النهر للزيارة لعام 2025">',
     "<h1>أفضل مدن النهر للزيارة</h1>", "أفضل مدن النهر للزيارة لعام 2025"),
    # anything else after the heading (a subtitle, a year set in a phrase) leaves the heading as printed
    ('<meta property="og:title" content="Les meilleures pirogues du fleuve Niger : notre sélection">',
     "<h1>Les meilleures pirogues du fleuve Niger</h1>", "Les meilleures pirogues du fleuve Niger"),
    ('<meta property="og:title" content="Les meilleures pirogues du fleuve Niger depuis 2025">',
     "<h1>Les meilleures pirogues du fleuve Niger</h1>", "Les meilleures pirogues du fleuve Niger"),
    ('<meta property="og:title" content="Les meilleures pirogues du fleuve Niger en 2025 et 2026">',
     "<h1>Les meilleures pirogues du fleuve Niger</h1>", "Les meilleures pirogues du fleuve Niger"),
])
def test_reference_adding_the_year_to_the_heading(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


def test_heading_without_the_year_leaves_the_text() -> None:
    """The heading printed over the text is the headline line the text loses, though the title adds its year."""
    head = '<meta property="og:title" content="Les meilleures pirogues du fleuve Niger en 2025">'
    found = extract(page(head, "<h1>Les meilleures pirogues du fleuve Niger</h1>", paragraphs=FR_PARAGRAPHS), SAHEL_URL)
    assert found.title == "Les meilleures pirogues du fleuve Niger en 2025"
    assert "Les meilleures pirogues du fleuve Niger" not in found.text


def comments_page(head: str, headings: str, comments: str, arabic: bool = False) -> str:
    """A blog post whose comment thread opens with `comments` (the heading that counts and names the replies)."""
    thread = f'<section id="comments" class="comments-area">{comments}<ol><li>Merci pour ce billet.</li></ol></section>'
    return page(head, headings, lang="ar" if arabic else "fr", paragraphs=AR_PARAGRAPHS if arabic else FR_PARAGRAPHS,
                tail=thread)


BLOG_HEAD = ('<meta property="og:site_name" content="Carnets du fleuve">'
             '<meta property="og:title" content="Prix du pain : ce qui change en 2025 | Carnets du fleuve">')
BLOG_H1 = "<h1>Combien coûtera la baguette cette année ?</h1><h1>Recevez nos billets par courriel</h1>"


@pytest.mark.parametrize(("head", "headings", "comments", "title"), [
    # the heading of the comment thread quotes the post's title as the blog stores it: the <h1> it quotes is the
    # headline, where og:title tells the story in other words and the page has several <h1>s
    (BLOG_HEAD, BLOG_H1, '<h3 class="comments-title">2 réponses à « Combien coûtera la baguette cette année ? »</h3>',
     "Combien coûtera la baguette cette année ?"),
    (BLOG_HEAD, BLOG_H1, '<h2 class="comment-reply-title">One thought on “Combien coûtera la baguette cette année ?”</h2>',
     "Combien coûtera la baguette cette année ?"),
    (BLOG_HEAD, BLOG_H1, "<h3>Eine Antwort auf „Combien coûtera la baguette cette année ?“</h3>",
     "Combien coûtera la baguette cette année ?"),
    ('<meta property="og:title" content="أسعار الخبز: ما الذي يتغير في 2025">',
     "<h1>كم سيكلف الخبز في الأسواق هذا العام؟</h1><h1>اشترك في النشرة</h1>",
     '<h3 class="comments-title">تعليق واحد على "كم سيكلف الخبز في الأسواق هذا العام؟"</h3>',
     "كم سيكلف الخبز في الأسواق هذا العام؟"),
    # a thread heading that quotes no <h1>, a heading that quotes without a reply's wording, no quote at all: the
    # reference stays
    (BLOG_HEAD, BLOG_H1, "<h3>2 réponses à « Le marché du mardi à Niamey »</h3>", "Prix du pain : ce qui change en 2025"),
    (BLOG_HEAD, BLOG_H1, "<h3>Notre avis sur « Combien coûtera la baguette cette année ? »</h3>",
     "Prix du pain : ce qui change en 2025"),
    (BLOG_HEAD, BLOG_H1, "<h3>2 réponses</h3>", "Prix du pain : ce qui change en 2025"),
])
def test_heading_quoted_by_the_comment_thread(head: str, headings: str, comments: str, title: str) -> None:
    assert extract(comments_page(head, headings, comments, arabic=title[0] >= "\u0600"), SAHEL_URL).title == title


def test_comment_thread_heading_sought_in_bounded_time() -> None:
    # a page of 30,000 <h3>s, each a long run of text nodes: the search reads a few headings and a few nodes of each,
    # and a quote past that bound is not found
    many = "".join("<h3>" + "<b>réponses</b> à " * 40 + "</h3>" for _ in range(30_000))
    quoted = "<h3>2 réponses à « Combien coûtera la baguette cette année ? »</h3>"
    found = collect(parse_html(f"<html><body>{many}{quoted}</body></html>".encode()))
    with cpu_seconds() as spent:
        assert found.comments_quoted_title() is None
    assert spent() < 0.05
    found = collect(parse_html(f"<html><body><h3>Partager</h3>{quoted}</body></html>".encode()))
    assert found.comments_quoted_title() == "Combien coûtera la baguette cette année ?"


def article_head(jsonld: str | None, og_title: str, title_tag: str = "") -> str:
    """A <head> with a NewsArticle whose headline is `jsonld` (none when None), the site's name, an og:title and a
    <title>."""
    script = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
              f'"headline": "{jsonld}"}}</script>') if jsonld is not None else ""
    return (f'{script}<meta property="og:site_name" content="Le Courrier du Sahel"><meta property="og:title" '
            f'content="{og_title}">') + (f"<title>{title_tag}</title>" if title_tag else "")


CALENDAR = "Le calendrier de la transition est enfin connu"


@pytest.mark.parametrize(("head", "headings", "title"), [
    # the JSON-LD headline and every other reference print the heading after the same kicker, one with a colon:
    # the kicker is part of the headline the publisher records
    (article_head(f"Transition : {CALENDAR}", f"Transition : {CALENDAR}", f"Transition : {CALENDAR} | Le Courrier du Sahel"),
     f'<h1 class="article-title"><span class="kicker">Transition</span> {CALENDAR}</h1>', f"Transition : {CALENDAR}"),
    # ... <title> opening with that line, whatever it adds after it (the site's name and the day after commas)
    (article_head(f"Transition : {CALENDAR}", f"Transition : {CALENDAR}",
                  f"Transition : {CALENDAR}, Le Courrier du Sahel, 12.03.2025"),
     f"<h1>{CALENDAR}</h1>", f"Transition : {CALENDAR}"),
    (article_head(f"Transition - {CALENDAR}", f"Transition: {CALENDAR}"),
     f'<p class="overline">Transition</p><h1>{CALENDAR}</h1>', f"Transition: {CALENDAR}"),
    (article_head("النيجر: تحديد موعد الانتخابات المقبلة في البلاد", "النيجر: تحديد موعد الانتخابات المقبلة في البلاد"),
     '<span class="kicker">النيجر</span><h1>تحديد موعد الانتخابات المقبلة في البلاد</h1>',
     "النيجر: تحديد موعد الانتخابات المقبلة في البلاد"),
    (article_head("Flood inquiry: Two ministers resign over the river report",
                  "Flood inquiry: Two ministers resign over the river report"),
     "<h1><small>Flood inquiry</small> Two ministers resign over the river report</h1>",
     "Flood inquiry: Two ministers resign over the river report"),
    # a dash in every reference sets the kicker apart as a label; without JSON-LD the references are written for
    # search engines; a reference without the kicker, or with another one: the heading stays
    (article_head(f"Transition – {CALENDAR}", f"Transition – {CALENDAR}"),
     f'<h1><span class="kicker">Transition</span> {CALENDAR}</h1>', CALENDAR),
    (article_head(None, f"Transition : {CALENDAR}", f"Transition : {CALENDAR} | Le Courrier du Sahel"),
     f'<h1><span class="kicker">Transition</span> {CALENDAR}</h1>', CALENDAR),
    (article_head(f"Transition : {CALENDAR}", CALENDAR), f"<h1>{CALENDAR}</h1>", CALENDAR),
    (article_head(f"Transition : {CALENDAR}", f"Transition : {CALENDAR}", f"{CALENDAR} | Le Courrier du Sahel"),
     f"<h1>{CALENDAR}</h1>", CALENDAR),
    (article_head(f"Transition : {CALENDAR}", f"Sahel : {CALENDAR}"), f"<h1>{CALENDAR}</h1>", CALENDAR),
])
def test_kicker_the_json_ld_headline_joins_with_a_colon(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


VACCINATION = "Le Niger lance sa campagne de vaccination du bétail dans le nord"
BAGUETTE = "Combien coûtera la baguette à Niamey cette année ?"
SITE_NAME = '<meta property="og:site_name" content="Le Courrier du Sahel">'


@pytest.mark.parametrize(("head", "headings", "title"), [
    # a heading of four words or fewer is a topic's label when an <h2> prints a reference whole (site name aside),
    # twice as long or more: that <h2> is the story's headline
    (f'{SITE_NAME}<meta property="og:title" content="{VACCINATION} | Le Courrier du Sahel"><title>Élevage | Le '
     'Courrier du Sahel</title>', f"<h1>Élevage</h1><h2>{VACCINATION}</h2>", VACCINATION),
    (f'<meta property="og:title" content="{BAGUETTE}"><title>Prix du pain | Le Courrier du Sahel</title>',
     f'<h1 class="entry-title">Prix du pain</h1><p>Par la rédaction</p><h2>{BAGUETTE}</h2>', BAGUETTE),
    ('<meta property="og:title" content="النيجر يطلق حملة تلقيح المواشي في شمال البلاد">',
     "<h1>الأمن الغذائي</h1><h2>النيجر يطلق حملة تلقيح المواشي في شمال البلاد</h2>",
     "النيجر يطلق حملة تلقيح المواشي في شمال البلاد"),
    ('<meta name="twitter:title" content="Two ministers resign over the flood inquiry report">',
     '<h1 class="post-title">Flood inquiry</h1><h2 class="standfirst">Two ministers resign over the flood inquiry '
     "report</h2>", "Two ministers resign over the flood inquiry report"),
    # the heading stays: an <h2> that holds it ('Topic: the rest'), a heading of five words, an <h2> that prints
    # no reference, or one less than twice as long
    (f'<meta property="og:title" content="Prix du pain : {BAGUETTE}">',
     f'<h1 class="entry-title">Prix du pain</h1><h2>Prix du pain : {BAGUETTE}</h2>', "Prix du pain"),
    (f'<meta property="og:title" content="{VACCINATION}">',
     f'<h1 class="entry-title">Le bétail vacciné au nord</h1><h2>{VACCINATION}</h2>', "Le bétail vacciné au nord"),
    (f'<meta property="og:title" content="Élevage : {VACCINATION}">',
     f'<h1 class="entry-title">Élevage du nord</h1><h2>{BAGUETTE}</h2>', "Élevage du nord"),
    ('<meta property="og:title" content="Élevage : le nord vacciné en mars">',
     '<h1 class="entry-title">Élevage au nord</h1><h2>Le nord vacciné en mars</h2>', "Élevage au nord"),
])
def test_story_printed_under_a_topic(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SAHEL_URL) == title


def test_story_under_a_topic_sought_in_bounded_time() -> None:
    # 30,000 <h2>s under a short <h1>, each printing the reference: the <h2>s read are the page's first few
    many = f"<h2>{VACCINATION}</h2>" * 30_000
    found = collect(parse_html(f'<html><body><h1 class="entry-title">Élevage du nord</h1>{many}</body></html>'.encode()))
    refs = [("opengraph", VACCINATION)]
    site = SiteKeys.build([], SAHEL_URL, None)
    with cpu_seconds() as spent:
        assert choose_title(found.headings, refs, site, found.plain_h2_texts) == (VACCINATION, "h1")
    assert spent() < 0.05


def test_stripped_titles_are_remembered_for_their_own_site_keys_only() -> None:
    """`strip_site` remembers its answers on the keys it was given: the same answer when asked again, and keys that
    name one more site (`dataclasses.replace`, as the title's choice widens them) strip afresh."""
    from dataclasses import replace

    url = "https://www.exemple-sahel.example/politique/budget.html"
    site = SiteKeys.build(["Le Journal du Sahel"], url, None)
    title = "Le budget de la commune adopté - Radio Oasis"
    assert strip_site(title, site) == title
    assert strip_site(title, site) == title
    wider = replace(site, names=site.names | {"radiooasis"})
    assert strip_site(title, wider) == "Le budget de la commune adopté"
    assert strip_site(title, site) == title


SAHEL_NAME = '<meta property="og:site_name" content="Carnets du Sahel">'


@pytest.mark.parametrize(("head", "headings", "title"), [
    # no heading, and <title> leaves a label of one or two words (a column's or series' name): the headline that an
    # element marked as a title prints is the title
    (SAHEL_NAME + "<title>Bonnes adresses | Carnets du Sahel</title>",
     '<div class="l-headline">Les meilleures adresses de Niamey pour un thé à la menthe</div>',
     "Les meilleures adresses de Niamey pour un thé à la menthe"),
    ('<meta property="og:site_name" content="أصداء الساحل"><title>اختيارات المحرر | أصداء الساحل</title>',
     '<div class="post-headline">أفضل المقاهي في نواكشوط لشرب الشاي</div>', "أفضل المقاهي في نواكشوط لشرب الشاي"),
    # a reference of three words or more is a headline and stays
    (SAHEL_NAME + "<title>Le thé à Niamey | Carnets du Sahel</title>",
     '<div class="l-headline">Les meilleures adresses de Niamey pour un thé à la menthe</div>', "Le thé à Niamey"),
    # a label with no marked headline on the page stays the title
    (SAHEL_NAME + "<title>Bonnes adresses | Carnets du Sahel</title>", "<p>Rien de marqué ici</p>", "Bonnes adresses"),
])
def test_marked_headline_under_a_label(head: str, headings: str, title: str) -> None:
    assert title_of(head, headings, title, SITE_URL.replace("a-propos", "2025/03/the-a-niamey")) == title


def test_unspaced_headline_is_no_label() -> None:
    """A Japanese headline is one 'word' but no label: it stays the title over a marked line of the page."""
    head = '<meta property="og:site_name" content="馬市ブログ"><title>セール出身馬が今週末の競走でも勝利を重ねて十八頭に達した - 馬市ブログ</title>'
    headings = '<div class="blog-title">Les meilleures adresses de Niamey pour un thé</div>'
    html = page(head, headings, paragraphs=FR_PARAGRAPHS)
    assert extract(html, SITE_URL.replace("a-propos", "2025/03/uma")).title == "セール出身馬が今週末の競走でも勝利を重ねて十八頭に達した"
