"""Table-driven tests of the related-articles rule (crawler/extract/_related.py): the header line and the
headlines under it go, the article's own lines stay. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._cleanup import clean_lines
from crawler.extract._hosts import site_domain
from crawler.extract._jsonld import read_jsonld
from crawler.extract._lines import bounded_removal
from crawler.extract._page import parse_html
from crawler.extract._related import (
    MAX_HOVER_CARDS,
    drop_related,
    is_related_header,
    is_shouted,
    without_card_headlines,
    without_hover_cards,
    without_link_lists,
    without_shouted_links,
    without_teaser_cards,
    without_video_teasers,
)
from crawler.extract.article import extract_article
from crawler.extract.outcome import Extracted
from tests.support.cpu import cpu_seconds
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, URL, page

FR = list(FR_PARAGRAPHS[:2])
AR = list(AR_PARAGRAPHS[:2])


@pytest.mark.parametrize(("line", "expected"), [
    ("Sur le même sujet", True),
    ("À lire aussi :", True),
    ("Plus de contenus El Watan", True),
    ("ذات صلة", True),
    ("مواضيع ذات صلة", True),
    ("المزيد من الشروق", True),
    ("Más sobre Economía", True),
    ("Lesen Sie auch:", True),
    ("Pour en savoir plus :", True),
    ("لمزيد من المعلومات", True),
    ("Ces articles pourraient aussi vous intéresser :", True),
    ("Vous pourriez également aimer", True),
    ("Diese Artikel könnten dich ebenfalls interessieren:", True),
    ("قد يعجبك أيضا", True),
    ("Pour aller plus loin", True),
    ("Explore further", True),
    ("Most read in Sport", True),
    ("Most read in the Oran league this season was the club's own newsletter.", False),
    ("Weitere Informationen zum Hafen von Oran:", True),
    ("Weitere Informationen zum Hafen gab die Stadt am Dienstag nicht bekannt.", False),
    ("Pour aller plus loin, le ministère prévoit une seconde tranche de logements.", False),
    ("Ces articles pourraient aussi vous intéresser, a ajouté le ministre devant les élus.", False),
    ("قد يعجبك أيضا أن تعرف أن المشروع سيكتمل قبل نهاية السنة", False),
    ("Sur le même sujet, le ministre n'a rien dit.", False),
    ("Sur le même sujet le wali a réuni les élus de la commune", False),
    ("ذات صلة بالموضوع قال الوزير إن المشروع سيكتمل", False),
    ("Temas pendientes del gobierno", False),
    (FR_PARAGRAPHS[0], False),
])
def test_related_header(line: str, expected: bool) -> None:
    assert is_related_header(line) is expected


@pytest.mark.parametrize(("lines", "expected"), [
    # a header and its list at the end: everything from the header goes
    ([*FR, "Sur le même sujet", "- Le prix de la semoule encore en hausse", "- Oran : la corniche rouverte"], FR),
    # headlines without list marks at the end go too
    ([*AR, "ذات صلة", "المنتخب الوطني يستدعي ثلاثة لاعبين", "افتتاح الطريق السيار في تيزي وزو"], AR),
    # mid-text: the header and its list go, the subheading and the paragraphs after them stay
    ([FR[0], "À lire aussi", "- Le prix de la semoule encore en hausse", "Un budget en hausse", FR[1]],
     [FR[0], "Un budget en hausse", FR[1]]),
    # a closing list of the article's own points, with no header, stays
    ([*FR, "- premier point", "- second point"], [*FR, "- premier point", "- second point"]),
    # 'for more information' and its links at the end go; a paragraph after such a header stays
    ([*FR, "Pour en savoir plus :", "- Le site du ministère des Finances", "- Le texte de la loi de finances"], FR),
    ([FR[0], "En savoir plus", FR[1]], [FR[0], FR[1]]),
    # list items of several sentences after the header are the text's own points, not links: they stay
    ([*FR, "Voir aussi", "Les coulisses",
      "- Le tournage a eu lieu à Oran en 2019, sur la corniche et au port. La mairie avait fermé la route du front de mer "
      "pendant trois semaines pour permettre aux équipes de travailler la nuit.",
      "- Le rôle du pêcheur a d'abord été proposé à un acteur algérois, qui l'a refusé."],
     [*FR, "Les coulisses",
      "- Le tournage a eu lieu à Oran en 2019, sur la corniche et au port. La mairie avait fermé la route du front de mer "
      "pendant trois semaines pour permettre aux équipes de travailler la nuit.",
      "- Le rôle du pêcheur a d'abord été proposé à un acteur algérois, qui l'a refusé."]),
    ([AR[0], "اقرأ أيضا",
      "- بدأت الأشغال في ميناء وهران منذ شهر مارس الماضي وتشمل توسيع الرصيف الشرقي وبناء محطة جديدة للمسافرين. "
      "وقال مدير الميناء إن المشروع سيكتمل قبل نهاية السنة المقبلة إذا توفرت الاعتمادات المالية اللازمة.", AR[1]],
     [AR[0],
      "- بدأت الأشغال في ميناء وهران منذ شهر مارس الماضي وتشمل توسيع الرصيف الشرقي وبناء محطة جديدة للمسافرين. "
      "وقال مدير الميناء إن المشروع سيكتمل قبل نهاية السنة المقبلة إذا توفرت الاعتمادات المالية اللازمة.", AR[1]]),
    # a header followed by article paragraphs: only the header goes
    ([AR[0], "اقرأ أيضا", AR[1]], [AR[0], AR[1]]),
    # a table at the end of the text (how trafilatura writes its rows) is the article's data, not headlines
    ([*FR, "Pour en savoir plus", "| Wilaya | Taux |", "| Oran | 47,9 % |", "| Béjaïa | 28,2 % |"],
     [*FR, "| Wilaya | Taux |", "| Oran | 47,9 % |", "| Béjaïa | 28,2 % |"]),
    ([*AR, "لمزيد من المعلومات", "| الولاية | النسبة |", "| وهران | 47,9 % |"],
     [*AR, "| الولاية | النسبة |", "| وهران | 47,9 % |"]),
])
def test_drop_related(lines: list[str], expected: list[str]) -> None:
    assert drop_related(lines) == expected


BRIEF_FR = ("Le Centre culturel d'Oran accueille à partir de samedi une exposition consacrée aux photographes du port, "
            "avec plus de quatre-vingts tirages inédits.")
INFO_FR = ["Centre culturel d'Oran, 12 boulevard de la Soummam", "Ouvert du mardi au dimanche, de 9 heures à 18 heures",
           "Entrée libre pour les étudiants et les moins de 12 ans", "Visites guidées le samedi sur réservation"]
BRIEF_EN = "The Oran film festival opens on Saturday with eleven features from across North Africa."
INFO_EN = ["Oran Cultural Centre, 12 Soummam Boulevard", "Screenings daily at 3 pm and 8 pm",
           "Tickets on sale at the door"]
BRIEF_AR = "يفتتح مهرجان وهران للفيلم يوم السبت بعرض أحد عشر فيلما من شمال إفريقيا."
INFO_AR = ["المركز الثقافي لوهران، شارع الصومام", "العروض يوميا على الساعة الثالثة والثامنة مساء", "الدخول مجاني للطلبة"]


@pytest.mark.parametrize(("lines", "expected"), [
    # what a header would take is most of the text's words: the header opens the article's own section, all stays
    ([BRIEF_FR, "En savoir plus", *INFO_FR], [BRIEF_FR, "En savoir plus", *INFO_FR]),
    ([BRIEF_EN, "More information", *INFO_EN], [BRIEF_EN, "More information", *INFO_EN]),
    ([BRIEF_AR, "لمزيد من المعلومات", *INFO_AR], [BRIEF_AR, "لمزيد من المعلومات", *INFO_AR]),
    # under the text of an article of some length, the same lines are a block of links: they go
    ([*FR_PARAGRAPHS, BRIEF_FR, "Sur le même sujet", *INFO_FR[:2]], [*FR_PARAGRAPHS, BRIEF_FR]),
    ([*AR_PARAGRAPHS, "ذات صلة", *INFO_AR[:2]], list(AR_PARAGRAPHS)),
    # a header over a list in the middle: the share counts it too
    ([BRIEF_EN, "Read also", "- Oran Cultural Centre reopens its doors to the public", BRIEF_EN],
     [BRIEF_EN, BRIEF_EN]),
    (["Short note.", "Related", "- One other headline of the site here", "- And another headline of the site"],
     ["Short note.", "Related", "- One other headline of the site here", "- And another headline of the site"]),
])
def test_drop_related_takes_no_more_than_a_bounded_share(lines: list[str], expected: list[str]) -> None:
    assert drop_related(lines) == expected


def test_a_brief_keeps_its_practical_information_under_a_related_header() -> None:
    html = page(paragraphs=(BRIEF_FR,), tail="".join(f"<p>{line}</p>" for line in ["En savoir plus", *INFO_FR]))
    outcome = extract_article(html.encode(), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == [BRIEF_FR, "En savoir plus", *INFO_FR]


def test_clean_lines_drops_a_related_list() -> None:
    lines = [*FR, "Plus de contenus El Watan", "- Alger : le tramway prolongé", "- Sétif : un nouveau stade"]
    assert clean_lines(lines, None)[0] == FR


@pytest.mark.parametrize(("line", "expected"), [
    ("LE MC ALGER RENVERSE LA JS KABYLIE AU STADE DU 5-JUILLET", True),
    ("CLIQUEZ ICI POUR TÉLÉCHARGER L'APPLICATION", True),
    ("Le port d'Oran rouvre ses quais aux chalutiers [VIDÉO]", False),  # the tag's letters: A-Z only
    ("Le port d'Oran rouvre ses quais aux chalutiers [VIDEO]", True),
    ("Le port d'Oran rouvre ses quais [INSIGHT]|", True),
    ("[VIDEO]", False),  # a label alone, no headline before it
    ("AFP", False),  # too few letters: an acronym, an agency
    ("Le MC Alger renverse la JS Kabylie", False),
    # uncased scripts with a Latin acronym: str.isupper() holds, but the line has two or four capitals, no shouting
    ("وقع الاتحاد الجزائري اتفاقا جديدا مع FIFA لتطوير ملاعب الولايات الداخلية", False),
    ("市役所は新しいID制度について住民向けの説明会を来月から各地区で開くと発表した", False),
    ("JSK: رئيس النادي يعلن عن مدرب جديد قبل انطلاق الموسم", False),
])
def test_is_shouted(line: str, expected: bool) -> None:
    assert is_shouted(line) is expected


SHOUTED = "LE MC ALGER RENVERSE LA JS KABYLIE AU STADE DU 5-JUILLET"
AR_ACRONYM = "وقع الاتحاد الجزائري اتفاقا جديدا مع FIFA لتطوير ملاعب الولايات الداخلية"
TAGGED = "Le port d'Oran rouvre ses quais aux chalutiers [VIDEO]"


@pytest.mark.parametrize(("body", "text", "expected"), [
    # printed as a link, or as a paragraph mostly of links: another article's headline
    (f'<p>{FR[0]}</p><p><a href="/sport/mca">{SHOUTED}</a></p><p>{FR[1]}</p>', [FR[0], SHOUTED, FR[1]], FR),
    (f'<p>{FR[0]}</p><p><a href="/oran/port">Le port d\'Oran rouvre ses quais aux chalutiers</a> [VIDEO]</p>'
     f'<p>{FR[1]}</p>', [FR[0], TAGGED, FR[1]], FR),
    # a paragraph of links set one a line, each tagged: every tagged line goes
    (f'<p>{FR[0]}</p><p><a href="/oran/port">Le port d\'Oran rouvre ses quais aux chalutiers</a> [VIDEO]|<br>'
     f'<a href="/sport/mca">Le MC Alger renverse la JS Kabylie au stade</a> [INSIGHT]</p><p>{FR[1]}</p>',
     [FR[0], TAGGED + "|", "Le MC Alger renverse la JS Kabylie au stade [INSIGHT]", FR[1]], FR),
    # a subheading in capitals, not a link: it stays
    (f'<p>{FR[0]}</p><h2>{SHOUTED}</h2><p>{FR[1]}</p>', [FR[0], SHOUTED, FR[1]], [FR[0], SHOUTED, FR[1]]),
    # a paragraph in capitals with one short link in it: it stays
    (f'<p>{FR[0]}</p><p>{SHOUTED[:30]}<a href="/mca">{SHOUTED[30:]}</a></p><p>{FR[1]}</p>',
     [FR[0], SHOUTED, FR[1]], [FR[0], SHOUTED, FR[1]]),
    # Arabic has no capitals: nothing to do, even where a linked paragraph holds a Latin acronym
    (f'<p>{AR[0]}</p><p><a href="/x">{AR[1]}</a></p>', AR, AR),
    (f'<p>{AR[0]}</p><p><a href="/x">{AR_ACRONYM}</a></p>', [AR[0], AR_ACRONYM], [AR[0], AR_ACRONYM]),
    # a subheading in capitals that a table of contents links to, or that is itself a link (a listicle's item to the
    # shop): the article's own text, it stays
    (f'<nav><ul><li><a href="#mca">{SHOUTED}</a></li></ul></nav><p>{FR[0]}</p><h2 id="mca">{SHOUTED}</h2><p>{FR[1]}</p>',
     [FR[0], SHOUTED, FR[1]], [FR[0], SHOUTED, FR[1]]),
    (f'<p>{FR[0]}</p><h3><strong><a href="https://boutique.example/mca">{SHOUTED}</a></strong></h3><p>{FR[1]}</p>',
     [FR[0], SHOUTED, FR[1]], [FR[0], SHOUTED, FR[1]]),
])
def test_without_shouted_links(body: str, text: list[str], expected: list[str]) -> None:
    root = parse_html(f"<html><body><article>{body}</article></body></html>".encode())
    assert without_shouted_links("\n".join(text), root).split("\n") == expected


TEASERS = ("Le wali a inauguré la nouvelle gare routière, attendue depuis dix ans par les habitants.",
           "Les pêcheurs réclament un abri pour leurs chalutiers avant l'hiver.")
AR_TEASERS = ("افتتح الوالي المحطة البرية الجديدة التي انتظرها السكان عشر سنوات.",
              "يطالب الصيادون بمرفأ لقواربهم قبل حلول فصل الشتاء.")


def _cards(teasers: tuple[str, ...], heading: str = "h3") -> str:
    return "".join(f'<a href="/a{i}"><{heading}>Titre {i}</{heading}><p>{t}</p></a>' for i, t in enumerate(teasers))


@pytest.mark.parametrize(("body", "text", "expected"), [
    # the summaries of two or more cards (a link around a heading and a paragraph): other articles
    (f"<p>{FR[0]}</p><p>{FR[1]}</p><aside>{_cards(TEASERS)}</aside>", [*FR, *TEASERS], FR),
    (f"<p>{AR[0]}</p><p>{AR[1]}</p><div>{_cards(AR_TEASERS, 'h2')}</div>", [*AR, *AR_TEASERS], AR),
    # one card alone: it stays
    (f"<p>{FR[0]}</p><p>{FR[1]}</p>{_cards(TEASERS[:1])}", [*FR, TEASERS[0]], [*FR, TEASERS[0]]),
    # a link around a paragraph without a heading: not a card
    (f"<p>{FR[0]}</p><p>{FR[1]}</p>" + "".join(f'<a href="/x"><p>{t}</p></a>' for t in TEASERS), [*FR, *TEASERS],
     [*FR, *TEASERS]),
    # a link the markup leaves open wraps the article, its heading and paragraphs: it is no card, they stay
    (f'<a href="/economie">Économie<h2>Le projet</h2><p>{FR[0]}</p><p>{FR[1]}</p>', ["Le projet", *FR],
     ["Le projet", *FR]),
    (f'<a href="/iqtisad">اقتصاد<h2>المشروع</h2><p>{AR[0]}</p><p>{AR[1]}</p>', ["المشروع", *AR], ["المشروع", *AR]),
    # ... and stays beside real cards, which go
    ('<a href="/economie">Économie<h2>Le projet</h2>' + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS * 3)
     + f"<aside>{_cards(TEASERS)}</aside>", [*FR_PARAGRAPHS * 3, *TEASERS], list(FR_PARAGRAPHS * 3)),
    # the article's own standfirst, printed outside a link and repeated in a card of the similar articles: it stays
    (f"<h2>{TEASERS[0]}</h2><p>{FR[0]}</p><p>{FR[1]}</p><aside>{_cards(TEASERS)}</aside>", [TEASERS[0], *FR, TEASERS[1]],
     [TEASERS[0], *FR]),
    # a listing of cards, whose text is mostly the cards' headlines and summaries: the cards are its content, they stay
    (f"<p>{FR[0]}</p>{_cards(TEASERS)}", [FR[0], "Titre 0", TEASERS[0], "Titre 1", TEASERS[1]],
     [FR[0], "Titre 0", TEASERS[0], "Titre 1", TEASERS[1]]),
    (f"<p>{AR[0]}</p>{_cards(AR_TEASERS, 'h2')}", [AR[0], "Titre 0", AR_TEASERS[0], "Titre 1", AR_TEASERS[1]],
     [AR[0], "Titre 0", AR_TEASERS[0], "Titre 1", AR_TEASERS[1]]),
])
def test_without_teaser_cards(body: str, text: list[str], expected: list[str]) -> None:
    root = parse_html(f"<html><body><article>{body}</article></body></html>".encode())
    assert without_teaser_cards("\n".join(text), root).split("\n") == expected


HEADLINES = ("Le port d'Oran rouvre ses quais aux chalutiers", "La wilaya lance un nouveau plan de transport urbain",
             "Les lycéens de Béjaïa primés au concours national")
AR_HEADLINES = ("ميناء وهران يعيد فتح أرصفته أمام قوارب الصيد", "الولاية تطلق مخططا جديدا للنقل الحضري")


TRAIL = ('<ul><li><a href="/">Accueil</a></li><li><a href="/regions/">Régions</a></li><li><a href="/regions/oran/">'
         "Oran</a></li><li>Le port rouvre ses quais</li></ul>")
LINKED_TRAIL = TRAIL.replace("<li>Le port", '<li><a href="/regions/oran/port.html">Le port')
OFF_HOME_TRAIL = TRAIL.replace('href="/"', 'href="/une/"')
GAPPED_TRAIL = TRAIL.replace('<a href="/regions/">Régions</a>', "Régions")
TRAIL_LINES = ["- Accueil", "- Régions", "- Oran", "- Le port rouvre ses quais"]
AR_TRAIL = ('<ol><li><a href="https://www.example.dz/">الرئيسية</a></li><li><a href="/watani/">وطني</a></li>'
            "<li>ميناء وهران يعيد فتح أرصفته</li></ol>")
AR_TRAIL_LINES = ["- الرئيسية", "- وطني", "- ميناء وهران يعيد فتح أرصفته"]


def _links(headlines: tuple[str, ...], href: str = "/article-{i}.html", label: str = "") -> str:
    return "<ul>" + "".join(f'<li>{label}<a href="{href.format(i=i)}">{h}</a></li>' for i, h in enumerate(headlines)) \
        + "</ul>"


@pytest.mark.parametrize(("body", "text", "expected"), [
    # every item one link to the site's other articles: the list goes, wherever it sits
    (f"<p>{FR[0]}</p>{_links(HEADLINES)}<p>{FR[1]}</p>", [FR[0], *(f"- {h}" for h in HEADLINES), FR[1]], FR),
    (f"<p>{AR[0]}</p><p>{AR[1]}</p>{_links(AR_HEADLINES)}", [*AR, *(f"- {h}" for h in AR_HEADLINES)], AR),
    # absolute links to the same site, another of its hosts; a short label before each link
    (f"<p>{FR[0]}</p><p>{FR[1]}</p>{_links(HEADLINES, 'https://sport.example.dz/a{i}', '<b>Oran :</b> ')}",
     [*FR, *(f"- Oran : {h}" for h in HEADLINES)], FR),
    # links to other sites (the sources of the article): the list stays
    (f"<p>{FR[0]}</p>{_links(HEADLINES, 'https://ailleurs.org/a{i}')}",
     [FR[0], *(f"- {h}" for h in HEADLINES)], [FR[0], *(f"- {h}" for h in HEADLINES)]),
    # items with text of their own beside the link, links of two words, a single item: the list stays
    (f"<p>{FR[0]}</p>{_links(HEADLINES, label=FR[1] + ' ')}",
     [FR[0], *(f"- {FR[1]} {h}" for h in HEADLINES)], [FR[0], *(f"- {FR[1]} {h}" for h in HEADLINES)]),
    (f"<p>{FR[0]}</p>{_links(('Oran demain', 'Béjaïa hier'))}", [FR[0], "- Oran demain", "- Béjaïa hier"],
     [FR[0], "- Oran demain", "- Béjaïa hier"]),
    (f"<p>{FR[0]}</p>{_links(HEADLINES[:1])}", [FR[0], f"- {HEADLINES[0]}"], [FR[0], f"- {HEADLINES[0]}"]),
    # anchors within the page (a contents box) are not other articles; a list the text does not hold whole is let be
    (f"<p>{FR[0]}</p>{_links(HEADLINES, '#part-{i}')}", [FR[0], *(f"- {h}" for h in HEADLINES)],
     [FR[0], *(f"- {h}" for h in HEADLINES)]),
    (f"<p>{FR[0]}</p>{_links(HEADLINES)}", [FR[0], f"- {HEADLINES[0]}"], [FR[0], f"- {HEADLINES[0]}"]),
    # a broken address ('http://[' opens an IPv6 address never closed) is no page of the site: the list stays
    (f"<p>{FR[0]}</p>{_links(HEADLINES, 'http://[oran/a{i}')}", [FR[0], *(f"- {h}" for h in HEADLINES)],
     [FR[0], *(f"- {h}" for h in HEADLINES)]),
    # a breadcrumb trail: home page, sections, the page itself; its items go, however short
    (f"{TRAIL}<p>{FR[0]}</p><p>{FR[1]}</p>", [*TRAIL_LINES, *FR], FR),
    (f"{AR_TRAIL}<p>{AR[0]}</p><p>{AR[1]}</p>", [*AR_TRAIL_LINES, *AR], AR),
    (f"{LINKED_TRAIL}<p>{FR[0]}</p>", [*TRAIL_LINES, FR[0]], [FR[0]]),
    # ... not a list whose first link leads elsewhere than the home page, nor one of two items, nor one with an
    # unlinked item before its last
    (f"{OFF_HOME_TRAIL}<p>{FR[0]}</p>", [*TRAIL_LINES, FR[0]], [*TRAIL_LINES, FR[0]]),
    ('<ul><li><a href="/">Accueil</a></li><li>Oran</li></ul>' f"<p>{FR[0]}</p>", ["- Accueil", "- Oran", FR[0]],
     ["- Accueil", "- Oran", FR[0]]),
    (f"{GAPPED_TRAIL}<p>{FR[0]}</p>", [*TRAIL_LINES, FR[0]], [*TRAIL_LINES, FR[0]]),
])
def test_without_link_lists(body: str, text: list[str], expected: list[str]) -> None:
    root = parse_html(f"<html><body><article>{body}</article></body></html>".encode())
    assert without_link_lists("\n".join(text), root, "www.example.dz").split("\n") == expected


CARD = ('<span class="card"><img src="/p/benali.jpg"><a href="/p/benali">Karim Benali</a>'
        '<a href="/a1">Le port d\'Oran rouvre ses quais</a> <a href="/a2">Budget : la wilaya vote</a></span>')
AR_CARD = ('<span><img src="/p/x.jpg"><a href="/p/x">كريم بن علي</a><a href="/a1">ميناء وهران يعيد فتح أرصفته</a>'
           '<a href="/a2">الولاية تصوت على الميزانية</a></span>')


@pytest.mark.parametrize(("body", "text", "expected"), [
    # the card inside the sentence goes from its line; the name it hangs from stays
    (f'<p>{FR[0]}</p><p>Le député <span><a href="/p/benali">Karim Benali</a>{CARD}</span> a voté contre le budget.</p>',
     [FR[0], "Le député Karim BenaliKarim BenaliLe port d'Oran rouvre ses quais Budget : la wilaya vote a voté contre "
      "le budget."], [FR[0], "Le député Karim Benali a voté contre le budget."]),
    (f'<p>{AR[0]}</p><p>قال النائب <span><a href="/p/x">كريم بن علي</a>{AR_CARD}</span> إنه صوت ضد الميزانية.</p>',
     [AR[0], "قال النائب كريم بن عليكريم بن عليميناء وهران يعيد فتح أرصفتهالولاية تصوت على الميزانية إنه صوت ضد الميزانية."],
     [AR[0], "قال النائب كريم بن علي إنه صوت ضد الميزانية."]),
    # a picture with one link (a portrait that links to its page), links without a picture: not a card
    (f'<p>{FR[0]} <span><img src="/x.jpg"><a href="/x">Karim Benali</a></span></p>', [f"{FR[0]} Karim Benali"],
     [f"{FR[0]} Karim Benali"]),
    (f'<p>{FR[0]} <span><a href="/a">Oran</a> <a href="/b">Béjaïa</a></span></p>', [f"{FR[0]} Oran Béjaïa"],
     [f"{FR[0]} Oran Béjaïa"]),
])
def test_without_hover_cards(body: str, text: list[str], expected: list[str]) -> None:
    root = parse_html(f"<html><body><article>{body}</article></body></html>".encode())
    assert without_hover_cards("\n".join(text), root).split("\n") == expected


def _profile(n: int) -> str:
    return (f'<p>Élu n° {n} <span><img src="/p/{n}.jpg"><a href="/p/{n}">Fiche {n}</a><a href="/v/{n}">Votes {n}</a>'
            f'</span> de la wilaya.</p>')


def test_a_page_of_more_hover_cards_than_the_bound_keeps_them_all_at_once() -> None:
    """A directory of profiles is the page's content; and 8,000 of them cost what 8,000 lines cost, not 8,000²."""
    for count, kept in ((MAX_HOVER_CARDS, False), (MAX_HOVER_CARDS + 1, True), (8000, True)):
        root = parse_html(f"<html><body><article>{''.join(map(_profile, range(count)))}</article></body></html>".encode())
        text = "\n".join(f"Élu n° {n} Fiche {n}Votes {n} de la wilaya." for n in range(count))
        with cpu_seconds() as spent:
            result = without_hover_cards(text, root)
            assert (result == text) is kept, count
        assert spent() < 2.0


INFO_FR = ("Horaires : du samedi au jeudi, de 9 h à 17 h", "Entrée : 200 dinars, gratuite pour les enfants")
INFO_AR = ("مواعيد الزيارة من السبت إلى الخميس", "سعر الدخول مئتا دينار ومجاني للأطفال")


def _list(items: tuple[str, ...], linked: bool) -> str:
    return "<ul>" + "".join(f'<li><a href="/a{i}">{t}</a></li>' if linked else f"<li>{t}</li>"
                            for i, t in enumerate(items)) + "</ul>"


@pytest.mark.parametrize(("header", "items", "linked", "kept"), [
    # a 'for more information' header over a list the page prints without links: the article's own, it stays
    ("En savoir plus", INFO_FR, False, True),
    ("Pour en savoir plus :", INFO_FR, False, True),
    ("لمزيد من المعلومات", INFO_AR, False, True),
    # the same list printed as links: other pages, it goes as before
    ("En savoir plus", INFO_FR, True, False),
    ("لمزيد من المعلومات", INFO_AR, True, False),
    # a header that announces other articles takes its list whatever the markup
    ("Sur le même sujet", INFO_FR, False, False),
    ("ذات صلة", INFO_AR, False, False),
])
def test_information_list_stays_when_the_page_prints_no_links(
        header: str, items: tuple[str, ...], linked: bool, kept: bool) -> None:
    paragraphs = FR if items == INFO_FR else AR
    root = parse_html(("<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                       + f"<h3>{header}</h3>{_list(items, linked)}</article></body></html>").encode())
    lines = [*paragraphs, header, *(f"- {item}" for item in items)]
    assert drop_related(lines, root) == (lines if kept else paragraphs)
    assert drop_related(lines) == paragraphs  # without the page: lines alone cannot tell


def test_information_list_kept_mid_text() -> None:
    root = parse_html(f"<html><body><p>{FR[0]}</p><h3>En savoir plus</h3>{_list(INFO_FR, False)}<p>{FR[1]}</p>"
                      "</body></html>".encode())
    lines = [FR[0], "En savoir plus", *(f"- {item}" for item in INFO_FR), FR[1]]
    assert clean_lines(lines, None, root)[0] == lines


def test_article_keeps_its_information_list() -> None:
    tail = "<h3>Pour en savoir plus</h3><ul>" + "".join(f"<li>{t}</li>" for t in INFO_FR) + "</ul>"
    outcome = extract_article(page(tail=tail).encode(), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n")[-3:] == ["Pour en savoir plus", *(f"- {t}" for t in INFO_FR)]


@pytest.mark.parametrize(("host", "site"), [
    ("www.elwatan.com", "elwatan.com"),
    ("sport.elwatan.com", "elwatan.com"),
    ("WWW.Elwatan.COM:8080", "elwatan.com"),
    # under a second-level suffix the site keeps one more label
    ("news.bbc.co.uk", "bbc.co.uk"),
    ("www.aps.com.dz", "aps.com.dz"),
    ("lefaso.net", "lefaso.net"),
    ("localhost", "localhost"),
    ("", ""),
])
def test_site_domain(host: str, site: str) -> None:
    assert site_domain(host) == site


@pytest.mark.parametrize(("href", "dropped"), [
    # another host of the same site under 'com.dz': the site's other articles, the list goes
    ("https://sport.aps.com.dz/a{i}", True),
    # another site under the same suffix: its articles are sources, the list stays
    ("https://www.elmoudjahid.com.dz/a{i}", False),
])
def test_link_lists_under_a_second_level_suffix(href: str, dropped: bool) -> None:
    body = f"<p>{FR[0]}</p><p>{FR[1]}</p>{_links(HEADLINES, href)}"
    root = parse_html(f"<html><body><article>{body}</article></body></html>".encode())
    text = [*FR, *(f"- {h}" for h in HEADLINES)]
    assert without_link_lists("\n".join(text), root, "www.aps.com.dz").split("\n") == (FR if dropped else text)


@pytest.mark.parametrize(("body", "text", "removal"), [
    # a page whose text is mostly the site's own headlines (a dossier: a line over the list of its articles)
    (f"<p>Dossier : le port d'Oran</p>{_links(HEADLINES)}", ["Dossier : le port d'Oran", *(f"- {h}" for h in HEADLINES)],
     "links"),
    (f"<p>ملف ميناء وهران</p>{_links(AR_HEADLINES)}", ["ملف ميناء وهران", *(f"- {h}" for h in AR_HEADLINES)], "links"),
    # a results page made of shouted links under one short line
    (f'<p>Résultats</p><p><a href="/a">{SHOUTED}</a></p><p><a href="/b">LA JS KABYLIE ACCROCHÉE À TIZI OUZOU</a></p>',
     ["Résultats", SHOUTED, "LA JS KABYLIE ACCROCHÉE À TIZI OUZOU"], "shouted"),
    # a line whose card text is most of it: the card is read as the text, which stays
    (f'<p>Karim Benali {CARD}</p>', ["Karim Benali Karim BenaliLe port d'Oran rouvre ses quais Budget : la wilaya vote"],
     "hover"),
])
def test_a_removal_read_from_the_markup_never_takes_most_of_the_text(body: str, text: list[str], removal: str) -> None:
    """trafilatura chose the text as the page's main content: a removal that would leave less than half of its words
    leaves it whole (`_lines.bounded_removal`)."""
    root = parse_html(f"<html><body><article>{body}</article></body></html>".encode())
    joined = "\n".join(text)
    result = {"links": lambda: without_link_lists(joined, root, "www.example.dz"),
              "shouted": lambda: without_shouted_links(joined, root),
              "hover": lambda: without_hover_cards(joined, root)}[removal]()
    assert result == joined


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("un deux trois quatre\ncinq six", "un deux trois quatre", "un deux trois quatre"),  # a third of the words go
    ("un deux\ntrois quatre", "un deux", "un deux"),  # half the words go: the bound is not passed
    ("un deux trois\nquatre cinq six sept", "un deux trois", "un deux trois\nquatre cinq six sept"),  # more than half
    ("واحد اثنان\nثلاثة أربعة خمسة", "واحد اثنان", "واحد اثنان\nثلاثة أربعة خمسة"),
    ("un deux", "", "un deux"),  # nothing left
    ("un deux", "un deux", "un deux"),
])
def test_bounded_removal(before: str, after: str, expected: str) -> None:
    assert bounded_removal(before, after) == expected
VIDEO_FR = "Le ministre des Finances détaille à la télévision les grandes lignes de la réforme fiscale votée mardi."
VIDEO_AR = "وزير المالية يشرح على التلفزيون الخطوط العريضة للإصلاح الجبائي الذي صودق عليه يوم الثلاثاء."


@pytest.mark.parametrize(("text", "videos", "description", "expected"), [
    # an embedded video's description printed in the text, its date and length after it: the line goes
    ([FR_PARAGRAPHS[0], f"{VIDEO_FR} 21.04.2025 | 3:18 min", *FR_PARAGRAPHS[1:]], [VIDEO_FR], None, list(FR_PARAGRAPHS)),
    ([*AR_PARAGRAPHS[:2], VIDEO_AR, AR_PARAGRAPHS[2]], [VIDEO_AR], "وصف الصفحة", list(AR_PARAGRAPHS)),
    # the page's own description (the video carries the standfirst): the line stays
    ([VIDEO_FR, *FR_PARAGRAPHS], [VIDEO_FR], VIDEO_FR, [VIDEO_FR, *FR_PARAGRAPHS]),
    # a description too short to tell ('Le direct'), a line that only holds it further on: the lines stay
    ([*FR_PARAGRAPHS, "Le direct de 20 heures"], ["Le direct de 20 heures"], None, [*FR_PARAGRAPHS, "Le direct de 20 heures"]),
    ([*FR_PARAGRAPHS, f"Voir aussi : {VIDEO_FR}"], [VIDEO_FR], None, [*FR_PARAGRAPHS, f"Voir aussi : {VIDEO_FR}"]),
    # the video's description is most of the text (a video page): it stays
    ([FR_PARAGRAPHS[0][:40], VIDEO_FR], [VIDEO_FR], None, [FR_PARAGRAPHS[0][:40], VIDEO_FR]),
])
def test_without_video_teasers(text: list[str], videos: list[str], description: str | None,
                               expected: list[str]) -> None:
    assert without_video_teasers("\n".join(text), videos, description).split("\n") == expected


def test_videos_are_the_video_objects_other_than_the_article() -> None:
    blocks = ['{"@type": "NewsArticle", "headline": "Réforme fiscale", "description": "Le texte."}',
              f'{{"@type": "VideoObject", "description": "{VIDEO_FR}", "duration": "PT3M18S"}}',
              '{"@type": "ImageObject", "description": "Une photo."}']
    assert read_jsonld(blocks).videos == [VIDEO_FR]
    assert read_jsonld([blocks[1]]).videos == []  # the page's one node: the video is the article


def test_an_embedded_videos_teaser_leaves_the_article_text() -> None:
    block = f'<script type="application/ld+json">{{"@type": "VideoObject", "description": "{VIDEO_FR}"}}</script>'
    html = page(head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Réforme"}</script>',
                tail=f'<div class="player">{block}<p>{VIDEO_FR} 21.04.2025 | 3:18 min</p></div>')
    outcome = extract_article(html.encode(), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == list(FR_PARAGRAPHS)


def test_record_text_leaves_out_a_breadcrumb_trail() -> None:
    # set between the first two paragraphs, where trafilatura keeps it as '- …' lines (before the text or after it,
    # trafilatura leaves it out by itself, and the record would not tell whether the rule ran)
    first, second = (f"<p>{p}</p>" for p in FR_PARAGRAPHS[:2])
    html = page().replace(first + second, f"{first}{TRAIL}{second}", 1)
    assert TRAIL in html
    outcome = extract_article(html.encode("utf-8"), URL)
    assert isinstance(outcome, Extracted)
    assert not any(line in outcome.text.split("\n") for line in TRAIL_LINES)
    assert outcome.text.split("\n")[:2] == FR


# Teaser cards' headlines among the paragraphs (written for these tests): a link to another page of the site that
# wraps a heading goes; a heading holding a link, a card to another site, an anchor, a heading printed unlinked stay.
FR_CARD = '<a href="/economie/port-oran-nouveaux-quais.html"><h3>Le port d\'Oran inaugure deux nouveaux quais</h3></a>'
AR_CARD = '<a href="https://sport.elwatan-dz.com/ar/kora-123"><h3>فريق وهران يفوز في الجولة الأخيرة من البطولة</h3></a>'
FR_HEADLINE = "Le port d'Oran inaugure deux nouveaux quais"
AR_HEADLINE = "فريق وهران يفوز في الجولة الأخيرة من البطولة"
NEWS_LINE = "<p>Le débat doit reprendre jeudi, après l'examen des amendements déposés par les groupes en commission.</p>"
NEWS_TEXT = "Le débat doit reprendre jeudi, après l'examen des amendements déposés par les groupes en commission."


@pytest.mark.parametrize(("tail", "expected"), [
    # a card of the site's own articles goes, in French and in Arabic (a subdomain is the same site)
    (FR_CARD + NEWS_LINE, [NEWS_TEXT]),
    (AR_CARD + NEWS_LINE, [NEWS_TEXT]),
    # a subheading that holds a link stays, as does a card to another site or an anchor on the page
    ('<h3><a href="/economie/port-oran.html">Le port d\'Oran inaugure deux nouveaux quais</a></h3>' + NEWS_LINE,
     [FR_HEADLINE, NEWS_TEXT]),
    (FR_CARD.replace("/economie/", "https://boutique-exemple.com/") + NEWS_LINE, [FR_HEADLINE, NEWS_TEXT]),
    (FR_CARD.replace("/economie/", "#") + NEWS_LINE, [FR_HEADLINE, NEWS_TEXT]),
    # a heading the page prints outside the link too stays
    (FR_CARD + f"<h2>{FR_HEADLINE}</h2>" + NEWS_LINE, [FR_HEADLINE, FR_HEADLINE, NEWS_TEXT]),
])
def test_a_teaser_cards_headline_goes(tail: str, expected: list[str]) -> None:
    outcome = extract_article(page(tail=tail).encode(), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n") == [*FR_PARAGRAPHS, *expected]


def test_a_text_mostly_of_card_headlines_stays() -> None:
    text = "\n".join([FR_HEADLINE, "Un autre titre du site sur le budget", NEWS_TEXT])
    root = parse_html(f"<html><body>{FR_CARD}<a href='/b.html'><h3>Un autre titre du site sur le budget</h3></a>"
                      f"{NEWS_LINE}</body></html>".encode())
    assert without_card_headlines(text, root, "www.elwatan-dz.com") == text
    assert without_card_headlines(f"{text}\n{NEWS_TEXT}\n{NEWS_TEXT}", root, "www.elwatan-dz.com") == \
        "\n".join([NEWS_TEXT] * 3)
