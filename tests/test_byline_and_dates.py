"""The record's byline convention and its raw-beside-parsed dates, table-driven on snippets written for
these tests (French and Arabic); none is copied from a real site.

Bylines: every name the byline credits, as printed, one per entry, with its kind (person, desk, agency);
never "Par"/"بقلم", a role, a place or a date; never a photo credit, a footer, the site's own name or a
related article's author. Dates: the string each was read from, and ISO 8601 with the page's offset,
+00:00 when the page's time is UTC, none when the page gave none (the outlet's local time).
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from crawler.extract import Extracted, extract_article
from crawler.extract._authors import looks_like_byline, parse_byline, parse_names
from crawler.extract._dates import find_date_strings, parse_machine, published_modified_strings
from crawler.records import ArticleRecord, json_schema
from tests.test_extract import AR_PARAGRAPHS, AR_TEXT, FR_PARAGRAPHS, FR_TEXT, URL, page

P, D, A = "person", "desk", "agency"

# --- the byline convention, line by line -----------------------------------------------------------

BYLINES = [
    # (byline as printed, credited (name, kind) in order, canonical agencies)
    ("Par Karim Benali et Amina Saïdi", [("Karim Benali", P), ("Amina Saïdi", P)], []),
    ("Par Karim Benali, Amina Saïdi avec AFP", [("Karim Benali", P), ("Amina Saïdi", P), ("AFP", A)], ["AFP"]),
    ("Par Moussa Keïta, envoyé spécial à Kidal", [("Moussa Keïta", P)], []),
    ("De notre correspondant à Nouakchott, Sidi Ould Bah", [("Sidi Ould Bah", P)], []),
    ("Par Leïla Haddad | Publié le 12/11/2025 à 10h20", [("Leïla Haddad", P)], []),
    ("Par la rédaction", [("La rédaction", D)], []),
    ("Par la rédaction avec MAP", [("La rédaction", D), ("MAP", A)], ["MAP"]),
    ("Par Agence France-Presse", [("Agence France-Presse", A)], ["AFP"]),
    ("Par Omar Lahlou (avec Nadia Cherif et APS)", [("Omar Lahlou", P), ("Nadia Cherif", P), ("APS", A)], ["APS"]),
    ("Par Amina Saïdi, photo : Karim Benali", [("Amina Saïdi", P)], []),  # the photographer is no byline credit
    ("Par admin", [], []),  # a CMS account placeholder credits nobody
    ("Entretien : Karim Benali", [("Karim Benali", P)], []),
    ("Enquête : Amina Saïdi et Omar Lahlou", [("Amina Saïdi", P), ("Omar Lahlou", P)], []),
    ("بقلم: محمد الأمين و سارة بن علي", [("محمد الأمين", P), ("سارة بن علي", P)], []),
    ("بقلم: هيئة التحرير", [("هيئة التحرير", D)], []),
    ("بقلم: وكالة الأنباء الجزائرية", [("وكالة الأنباء الجزائرية", A)], ["APS"]),
    ("بقلم محمد الأمين مع وكالة المغرب العربي للأنباء", [("محمد الأمين", P), ("وكالة المغرب العربي للأنباء", A)], ["MAP"]),
    # the blog platforms' lead-ins, in the languages they ship (WordPress, Blogger, Plone)
    ("Posted by Amina Saïdi", [("Amina Saïdi", P)], []),
    ("Veröffentlicht von Karim Benali", [("Karim Benali", P)], []),
    ("Eingestellt von Amina", [("Amina", P)], []),
    ("Erstellt von Omar Lahlou —", [("Omar Lahlou", P)], []),
    ("Publicado por Leïla Haddad", [("Leïla Haddad", P)], []),
    # the date after the name, with a weekday or a German 'am' before it
    ("Par Karim Benali, mardi 12 mars 2025", [("Karim Benali", P)], []),
    ("Karim Benali ven. 14 mars 2025", [("Karim Benali", P)], []),
    ("Von AMINA SAÏDI am 21. April 2025", [("Amina Saïdi", P)], []),
    ("Von Omar Lahlou am Samstag, 19. April 2025 um 11:14 Uhr", [("Omar Lahlou", P)], []),
    ("Par APS am 25.01.2025", [("APS", A)], ["APS"]),
    # a role after the name is no name, nor are the comma-joined words that go on describing it
    ("Par Karim Benali, rédacteur en chef", [("Karim Benali", P)], []),
    ("By Amina Saïdi, Senior Staff Writer, Politics, and Economy Desk", [("Amina Saïdi", P)], []),
    ("von Karim Benali, Online-Redaktion Veröffentlicht: 26.12.2025", [("Karim Benali", P)], []),
    ("Par Karim Benali, correspondant, et Amina Saïdi", [("Karim Benali", P), ("Amina Saïdi", P)], []),
    # the English press's ', and' after a one-part role: a second author, or the wire; after a role that goes on
    # over comma-joined parts the list is the role's
    ("By Karim Benali, correspondent, and Amina Saïdi", [("Karim Benali", P), ("Amina Saïdi", P)], []),
    ("By Karim Benali, Staff Writer, and Amina Saïdi, Correspondent", [("Karim Benali", P), ("Amina Saïdi", P)], []),
    ("By Karim Benali, Staff Writer, and Associated Press", [("Karim Benali", P), ("Associated Press", A)], ["AP"]),
    ("By Karim Benali, Senior Editor, and Economy Desk", [("Karim Benali", P)], []),
    ("By Karim Benali, Senior Technologist, Speech, Privacy, and Technology Project", [("Karim Benali", P)], []),
    ("بقلم: محمد الأمين، صحفي", [("محمد الأمين", P)], []),
    (", par Karim Benali", [("Karim Benali", P)], []),  # the date before the comma sat in another element
    ("Por Leïla Haddad, Omar Lahlou y Amina Saïdi", [("Leïla Haddad", P), ("Omar Lahlou", P), ("Amina Saïdi", P)], []),
    ("Par Y. Benali", [("Y. Benali", P)], []),
    # initials after 'Par', as printed: an 'A.' is an initial, not the preposition 'à'
    ("Par A.B.", [("A.B.", P)], []),
    ("Par K. B.", [("K. B.", P)], []),
    ("Par A.K", [("A.K", P)], []),
    ("Par A. Ould Cheikh", [("A. Ould Cheikh", P)], []),
    ("Par A.B. avec AFP", [("A.B.", P), ("AFP", A)], ["AFP"]),
    # the lead-ins of the Sahel press: a summary, a special correspondence, an envoy without 'notre'
    ("Synthèse de Mariam Kaboré", [("Mariam Kaboré", P)], []),
    ("Synthèse : Mariam Kaboré et Idrissa Sanou", [("Mariam Kaboré", P), ("Idrissa Sanou", P)], []),
    ("Correspondance particulière : Salamatou Dicko", [("Salamatou Dicko", P)], []),
    ("Par envoyé spécial à Kidal, Oumar Diakité", [("Oumar Diakité", P)], []),
    ("Correspondance particulière de Salamatou Dicko", [("Salamatou Dicko", P)], []),
    # the Arabic press's dateline before the name: the town goes, the name after the dash is credited
    ("الرباط - يوسف الإدريسي", [("يوسف الإدريسي", P)], []),
    ("نواكشوط – سيدي ولد باه", [("سيدي ولد باه", P)], []),
    ("الرباط - يوسف الإدريسي - 3 مارس 2025", [("يوسف الإدريسي", P)], []),
    ("Oran - Karim Benali", [], []),  # in Latin script the word before the dash may be the outlet's: no credit
]


@pytest.mark.parametrize(("line", "credited", "agencies"), BYLINES, ids=[b[0] for b in BYLINES])
def test_a_byline_credits_every_name_as_printed_with_its_kind(line: str, credited: list[tuple[str, str]],
                                                               agencies: list[str]) -> None:
    credits = parse_byline(line)
    assert (credits.credited, credits.agencies) == (credited, agencies)


@pytest.mark.parametrize("line", ["Photo : Karim Benali", "تصوير: كريم بن علي", "© El Watan 2025",
                                  "Reportage : la crise au Sahel vue de Gao",
                                  "Par ailleurs, le ministre a rappelé ses engagements."])
def test_a_photo_credit_a_copyright_or_a_sentence_is_no_byline_paragraph(line: str) -> None:
    assert looks_like_byline(line) is None


@pytest.mark.parametrize(("values", "outlets", "persons", "credited"), [
    (["El Watan"], ["El Watan"], [], []),  # the site's own name as author: not a credit
    (["Nadia Cherif", "El Watan"], ["El Watan"], [], [("Nadia Cherif", P)]),
    (["Samir Benkhedda"], ["Samir Benkhedda"], ["Samir Benkhedda"], [("Samir Benkhedda", P)]),  # a site named after its author
    (["zahra_b"], [], [], [("zahra_b", P)]),  # an account name alone in an author field
    (["k4rim.b"], [], [], [("k4rim.b", P)]),  # with digits after its first letter
    (["2025"], [], [], []),
    (["elwatan.dz"], [], [], []),
])
def test_structured_author_fields(values: list[str], outlets: list[str], persons: list[str],
                                  credited: list[tuple[str, str]]) -> None:
    assert parse_names(values, outlets, persons).credited == credited


# --- the convention on whole pages ------------------------------------------------------------------

def _extract(html: str) -> Extracted:
    outcome = extract_article(html.encode("utf-8"), URL)
    assert isinstance(outcome, Extracted), outcome
    return outcome


SITE = '<meta property="og:site_name" content="El Watan">'
PAGES = [
    ("desk-paragraph", page(f"<title>Réforme fiscale</title>{SITE}", lead="<p>Par la rédaction</p>"),
     {"authors": ("La rédaction",), "author_kinds": (D,), "agencies": (), "text": FR_TEXT}),
    ("two-persons-and-an-agency", page(f"<title>Réforme fiscale</title>{SITE}",
                                       lead="<p>Par Karim Benali et Amina Saïdi avec AFP</p>"),
     {"authors": ("Karim Benali", "Amina Saïdi", "AFP"), "author_kinds": (P, P, A), "agencies": ("AFP",),
      "text": FR_TEXT}),
    ("photo-credit-beside-the-byline",
     page(f"<title>Réforme fiscale</title>{SITE}",
          '<figure><img src="/a.jpg" alt=""><figcaption class="photo-author">Photo : Omar Lahlou</figcaption></figure>'
          '<p class="byline">Par Amina Saïdi</p>'),
     {"authors": ("Amina Saïdi",), "author_kinds": (P,)}),
    ("footer-and-site-name-are-no-byline",
     page(f'<title>Réforme fiscale</title>{SITE}<script type="application/ld+json">{{"@type":"NewsArticle",'
          '"headline":"Réforme fiscale","author":{"@type":"Organization","name":"El Watan"}}</script>')
     .replace("<footer><p>", '<footer><p class="author">El Watan, rédaction centrale</p><p>'),
     {"authors": (), "author_kinds": ()}),
    ("related-article-author-is-no-byline",
     page(f"<title>Réforme fiscale</title>{SITE}", lead="<p>Par Amina Saïdi</p>")
     .replace("</article>", '</article><aside class="related"><p class="author">Par Omar Lahlou</p></aside>'),
     {"authors": ("Amina Saïdi",), "author_kinds": (P,)}),
    ("arabic-agency-byline", page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS,
                                  lead="<p>بقلم: وكالة الأنباء الجزائرية</p>"),
     {"authors": ("وكالة الأنباء الجزائرية",), "author_kinds": (A,), "agencies": ("APS",), "text": AR_TEXT}),
    ("arabic-two-persons", page("<title>إصلاح جبائي</title>", lang="ar", paragraphs=AR_PARAGRAPHS,
                                lead="<p>بقلم: محمد الأمين و سارة بن علي</p>"),
     {"authors": ("محمد الأمين", "سارة بن علي"), "author_kinds": (P, P), "text": AR_TEXT}),
    ("dateline-agency-is-credited-but-not-a-byline",
     page("<title>Réforme fiscale</title>", lead="<p>Par Amina Saïdi</p>",
          paragraphs=("ALGER, 4 mars (APS) - Le gouvernement a présenté un projet de réforme fiscale ce mardi.",
                      *FR_TEXT.split("\n")[1:])),
     {"authors": ("Amina Saïdi",), "author_kinds": (P,), "agencies": ("APS",)}),
    ("initials-after-par", page("<title>Réforme fiscale</title>", lead="<p>Par A.B.</p>"),
     {"authors": ("A.B.",), "author_kinds": (P,), "text": FR_TEXT}),
    ("initials-under-the-text", page("<title>Réforme fiscale</title>", tail="<p><strong>Par A.B.</strong></p>"),
     {"authors": ("A.B.",), "author_kinds": (P,)}),  # the dot is the initial's, no full stop to strip
    ("two-envoys", page("<title>Réforme fiscale</title>", lead="<p>De nos envoyés spéciaux à Gao, Awa Keïta et Idrissa Sanou</p>"),
     {"authors": ("Awa Keïta", "Idrissa Sanou"), "author_kinds": (P, P), "text": FR_TEXT}),
]



def _blog(post: str, lang: str = "fr", paragraphs: tuple[str, ...] = ()) -> str:
    """A blog page laid out by its platform: `post` holds the post's header, then the paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs or FR_TEXT.split("\n"))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Réforme fiscale</title></head>'
            f'<body><div id="page">{post.replace("{body}", body)}</div></body></html>')


# An element that marks an author's name alone (rel="author", the microformat's "author vcard"/"fn") is read
# like an author field: an account name or a first name alone is a credit there; a comment's author never.
MARKED_NAMES = [
    ("account-name-in-author-vcard",
     _blog('<article><h1>Réforme fiscale</h1><span class="byline">par <span class="author vcard"><a class="url fn n" '
           'rel="author" href="/auteur/kbenali/">kbenali</a></span></span>{body}</article>'),
     ("kbenali",)),
    ("first-name-in-rel-author",
     _blog('<article><h1>Réforme fiscale</h1><p class="post-byline">12 mars 2025 · <a rel="author" '
           'href="/auteur/amina/">Amina</a></p>{body}</article>'),
     ("Amina",)),
    ("arabic-name-in-rel-author",
     _blog('<article><h1>إصلاح جبائي</h1><span class="author vcard"><a class="fn" rel="author" href="/ar/salma/">سلمى'
           '</a></span>{body}</article>', lang="ar", paragraphs=AR_PARAGRAPHS),
     ("سلمى",)),
    # an account name after a lead-in, alone in an element marked as a byline; not among other parts of it
    ("account-name-after-a-lead-in-in-a-byline",
     _blog('<article><h1>Réforme fiscale</h1><span class="byline">par kbenali78</span>{body}</article>'),
     ("kbenali78",)),
    ("account-name-after-a-lead-in-in-arabic",
     _blog('<article><h1>إصلاح جبائي</h1><span class="byline">بقلم salma_b</span>{body}</article>', lang="ar",
           paragraphs=AR_PARAGRAPHS),
     ("salma_b",)),
    ("a-word-among-a-bios-parts-is-no-account",
     _blog('<article><h1>Réforme fiscale</h1><p class="author-bio">Écrit par Karim Benali, enquête et vulgarisation'
           '</p>{body}</article>'),
     ()),
    ("comment-author-is-no-credit",
     _blog('<article><h1>Réforme fiscale</h1>{body}<div class="comment-author vcard"><b class="fn">lecteur42</b>'
           '</div></article>'),
     ()),
    ("comment-thread-author-is-no-credit",
     _blog('<article><h1>Réforme fiscale</h1>{body}</article><ol class="commentlist"><li><span class="author vcard">'
           '<a rel="author" href="/u/lecteur42">lecteur42</a></span></li></ol>'),
     ()),
    # a post inside a platform's widget (Blogger: 'widget Blog' > 'post hentry') is the article, not a sidebar
    ("post-inside-a-blog-widget",
     _blog('<div class="widget Blog"><div class="post hentry"><h3>Réforme fiscale</h3>{body}<span class="post-author '
           'vcard">Eingestellt von <span class="fn">Amina</span></span></div></div>'),
     ("Amina",)),
    # a page builder wraps every block of the page in a 'widget' (Elementor, HubSpot): the post's own blocks too
    ("byline-in-a-page-builder-widget",
     _blog('<div class="elementor-widget-wrap"><div class="elementor-widget elementor-widget-post-info"><div '
           'class="elementor-widget-container"><span class="post-info__item--type-author">Karim Benali</span></div>'
           '</div><div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">'
           '<h1>Réforme fiscale</h1>{body}</div></div></div>'),
     ("Karim Benali",)),
    ("byline-in-a-layout-widget-span",
     _blog('<div class="span12 widget-span widget-type-blog_content"><div class="post-header"><h1>Réforme fiscale'
           '</h1><span class="meta-author">Par <a class="author-link" href="/auteurs/amina">Amina Saïdi</a></span>'
           '</div>{body}</div>'),
     ("Amina Saïdi",)),
    ("byline-in-a-sidebar-widget-is-no-credit",
     _blog('<div class="post"><h1>Réforme fiscale</h1>{body}</div><div class="widget widget_recent"><span '
           'class="author">Par Karim Benali</span></div>'),
     ()),
    # a wrapper's layout flag: the section is laid out for a sidebar beside it, it is none
    ("section-laid-out-for-a-sidebar",
     _blog('<section class="l-section for_sidebar"><div class="post"><h1>Réforme fiscale</h1><span class="post-author">'
           'Par Karim Benali</span>{body}</div></section>'),
     ("Karim Benali",)),
    # names each in its own marked element, joined by what the page prints between them: one byline
    ("rel-author-names-joined-by-et",
     _blog('<article><header><h1>Réforme fiscale</h1><div>Par <a rel="author" href="/a/kb">Karim Benali</a>, <a '
           'rel="author" href="/a/as">Amina Saïdi</a> et <a rel="author" href="/a/ol">Omar Lahlou</a></div></header>'
           '{body}</article>'),
     ("Karim Benali", "Amina Saïdi", "Omar Lahlou")),
    ("rel-author-names-joined-by-waw",
     _blog('<article><h1>إصلاح جبائي</h1><address><a rel="author" href="/ar/kb">كريم بن علي</a> و <a rel="author" '
           'href="/ar/as">أمينة سعيدي</a></address>{body}</article>', lang="ar", paragraphs=AR_PARAGRAPHS),
     ("كريم بن علي", "أمينة سعيدي")),
    ("rel-author-names-apart-are-two-bylines",
     _blog('<article><h1>Réforme fiscale</h1><p><a rel="author" href="/a/kb">Karim Benali</a></p>{body}<p>Lire aussi '
           '<a rel="author" href="/a/as">Amina Saïdi</a></p></article>'),
     ("Karim Benali",)),
    # a theme that calls its main column 'sidebar' by id and the page's content by class: the byline is the post's
    ("main-column-named-sidebar",
     _blog('<article class="post"><div id="sidebar" class="site-content content-area"><header><h1>Réforme fiscale'
           '</h1><span class="author vcard"><a class="url fn" rel="author" href="/auteur/kb/">Karim Benali</a></span>'
           '</header>{body}</div></article>'),
     ("Karim Benali",)),
    ("main-column-named-sidebar-in-arabic",
     _blog('<article class="post"><div id="sidebar" class="content-area"><header><h1>إصلاح جبائي</h1><span '
           'class="author vcard"><a class="url fn" rel="author" href="/ar/kb/">كريم بن علي</a></span></header>{body}'
           '</div></article>', lang="ar", paragraphs=AR_PARAGRAPHS),
     ("كريم بن علي",)),
    ("a-related-box-in-a-content-area-is-still-one",
     _blog('<article class="post"><header><h1>Réforme fiscale</h1></header>{body}</article><section class="content-area '
           'related-post"><span class="author vcard"><a class="url fn" rel="author" href="/auteur/kb/">Karim Benali</a>'
           '</span></section>'),
     ()),
    ("a-sidebar-is-still-one",
     _blog('<article class="post"><header><h1>Réforme fiscale</h1></header>{body}</article><div id="sidebar" '
           'class="widget-area"><span class="author vcard"><a class="url fn" rel="author" href="/auteur/kb/">Karim '
           'Benali</a></span></div>'),
     ()),
    # a wrapper that names the sidebar it holds ('sticky-sidebar-parent')
    ("sidebar-parent-wrapper",
     _blog('<article class="post sticky-sidebar-parent"><header><h1>Réforme fiscale</h1><span class="byline">Par '
           'Karim Benali</span></header>{body}</article>'),
     ("Karim Benali",)),
]


@pytest.mark.parametrize(("html", "authors"), [c[1:] for c in MARKED_NAMES], ids=[c[0] for c in MARKED_NAMES])
def test_marked_author_names_and_their_containers(html: str, authors: tuple[str, ...]) -> None:
    assert _extract(html).authors == authors


def jsonld(**fields: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


# A later structured source that credits every person the first one did and more wins: the second author
# JSON-LD left out, the full name where it gave a first name alone; a publisher group is no person.
COMPLETED = [
    ("second-author-in-meta", jsonld(author={"@type": "Person", "name": "Karim Benali"})
     + '<meta name="author" content="Karim Benali, Amina Saïdi">', ("Karim Benali", "Amina Saïdi")),
    ("full-name-in-meta", jsonld(author={"@type": "Person", "name": "Amina"})
     + '<meta name="author" content="Amina Saïdi">', ("Amina Saïdi",)),
    ("another-person-does-not-win", jsonld(author={"@type": "Person", "name": "Karim Benali"})
     + '<meta name="author" content="Omar Lahlou">', ("Karim Benali",)),
    ("fewer-names-do-not-win", jsonld(author=[{"@type": "Person", "name": "Karim Benali"},
                                             {"@type": "Person", "name": "Amina Saïdi"}])
     + '<meta name="author" content="Karim Benali">', ("Karim Benali", "Amina Saïdi")),
    ("publisher-group-is-no-person", '<meta name="author" content="Sahel Média">'
     '<meta name="parsely-author" content="Omar Lahlou">', ("Omar Lahlou",)),
]


@pytest.mark.parametrize(("head", "authors"), [c[1:] for c in COMPLETED], ids=[c[0] for c in COMPLETED])
def test_a_later_source_that_completes_the_credits_wins(head: str, authors: tuple[str, ...]) -> None:
    # a JSON-LD name must be printed; here in no marked byline, which would credit all three (PRINTED_COAUTHORS)
    printed = '<p>Karim Benali, Amina Saïdi, Omar Lahlou</p>'
    assert _extract(page(f"<title>Réforme fiscale</title>{head}", printed)).authors == authors



# A marked byline that prints the author field's one person among others credits them all, as printed: the field
# left the co-authors out. Only the first marked byline that prints the person is read (a later list is the staff's).
PRINTED_COAUTHORS = [
    ("co-author-beside-the-jsonld-person", jsonld(author={"@type": "Person", "name": "Karim Benali"}),
     '<p class="byline">Par Karim Benali et Amina Saïdi</p>', (), ("Karim Benali", "Amina Saïdi")),
    ("titled-names-in-the-byline", jsonld(author={"@type": "Person", "name": "Karim Benali"}),
     '<p class="auteurs">Par Dr Karim Benali, Amina Saïdi</p>', (), ("Dr Karim Benali", "Amina Saïdi")),
    ("arabic-co-author", jsonld(author={"@type": "Person", "name": "كريم بن علي"}),
     '<p class="byline">بقلم كريم بن علي و أمينة سعيدي</p>', AR_PARAGRAPHS, ("كريم بن علي", "أمينة سعيدي")),
    ("the-byline-alone-adds-nobody", jsonld(author={"@type": "Person", "name": "Karim Benali"}),
     '<p class="byline">Par Karim Benali</p><div class="author">Omar Lahlou, Amina Saïdi</div>', (),
     ("Karim Benali",)),
    ("a-byline-without-the-person-adds-nobody", jsonld(author={"@type": "Person", "name": "Karim Benali"}),
     '<p>Karim Benali</p><p class="byline">Par Omar Lahlou et Amina Saïdi</p>', (), ("Karim Benali",)),
    ("two-field-persons-stay", jsonld(author=[{"@type": "Person", "name": "Karim Benali"},
                                              {"@type": "Person", "name": "Amina Saïdi"}]),
     '<p class="byline">Par Karim Benali, Amina Saïdi et Omar Lahlou</p>', (), ("Karim Benali", "Amina Saïdi")),
]


@pytest.mark.parametrize(("head", "printed", "paragraphs", "authors"), [c[1:] for c in PRINTED_COAUTHORS],
                         ids=[c[0] for c in PRINTED_COAUTHORS])
def test_a_marked_byline_adds_the_co_authors_of_the_field_person(head: str, printed: str, paragraphs: tuple[str, ...],
                                                                 authors: tuple[str, ...]) -> None:
    lang = "ar" if paragraphs else "fr"
    header = f"<header><h1>Réforme fiscale</h1>{printed}</header>"  # over the text: trafilatura leaves it out
    html = page(f"<title>Réforme fiscale</title>{head}", header, lang=lang, **({"paragraphs": paragraphs} if paragraphs else {}))
    assert _extract(html).authors == authors

# Cxense's author tag is an author meta like the others; a template's empty value ('null') in one credits nobody
CXENSE = [
    ("cxense-author", '<meta name="cXenseParse:author" content="Omar Lahlou">', ("Omar Lahlou",)),
    ("null-is-no-name", '<meta name="cXenseParse:author" content="null">'
     '<meta name="cXenseParse:author" content="Omar Lahlou">', ("Omar Lahlou",)),
    ("undefined-is-no-name", '<meta name="author" content="undefined">', ()),
]


@pytest.mark.parametrize(("head", "authors"), [c[1:] for c in CXENSE], ids=[c[0] for c in CXENSE])
def test_a_cxense_author_tag(head: str, authors: tuple[str, ...]) -> None:
    assert _extract(page(f"<title>Réforme fiscale</title>{head}", "<p>Omar Lahlou</p>")).authors == authors


# The site's name as its address spells it is no author, in a meta tag or a byline element; a JSON-LD Person
# of that name is (a personal site named after its author).
HOST_NAMES = [
    ("meta-author-is-the-domain", "https://www.elwatan-dz.com/politique/a", '<meta name="author" content="Elwatan DZ">',
     ()),
    ("meta-author-is-the-host", "https://sahel-infos.ml/a", '<meta name="author" content="Sahel-Infos.ml">', ()),
    ("second-level-domain", "https://www.tassili.co.uk/a", '<meta name="author" content="Tassili">', ()),
    ("a-person-beside-the-site", "https://www.elwatan-dz.com/a",
     '<meta name="author" content="Elwatan DZ"><meta name="author" content="Nadia Cherif">', ("Nadia Cherif",)),
    ("personal-site-person", "https://samirbenkhedda.com/a",
     '<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Samir Benkhedda"}}'
     "</script>", ("Samir Benkhedda",)),
]


@pytest.mark.parametrize(("url", "head", "authors"), [c[1:] for c in HOST_NAMES], ids=[c[0] for c in HOST_NAMES])
def test_the_site_address_is_no_author(url: str, head: str, authors: tuple[str, ...]) -> None:
    printed = "<p>Samir Benkhedda</p>"  # a JSON-LD name must be printed
    outcome = extract_article(page(f"<title>Réforme fiscale</title>{head}", printed).encode("utf-8"), url)
    assert isinstance(outcome, Extracted) and outcome.authors == authors


@pytest.mark.parametrize(("html", "expected"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_the_byline_convention_on_pages(html: str, expected: dict[str, Any]) -> None:
    outcome = _extract(html)
    assert {name: getattr(outcome, name) for name in expected} == expected


# --- dates: raw beside parsed -----------------------------------------------------------------------

MACHINE = [
    ("2025-03-04T08:15:00Z", "2025-03-04T08:15:00+00:00"),  # Z: UTC by definition
    ("2025-03-04T09:15:00+01:00", "2025-03-04T09:15:00+01:00"),
    ("2025-03-04T09:15:00+0100", "2025-03-04T09:15:00+01:00"),
    ("2025-03-04T09:15:00+01", "2025-03-04T09:15:00+01:00"),
    ("2025-03-04 09:15 UTC", "2025-03-04T09:15:00+00:00"),
    ("2025-03-04T09:15:00", "2025-03-04T09:15:00"),  # no offset given: local time, none invented
    ("2025-03-04", "2025-03-04"),
    ("Tue, 04 Mar 2025 09:15:00 GMT", "2025-03-04T09:15:00+00:00"),
    ("Tue, 04 Mar 2025 09:15:00 -0000", "2025-03-04T09:15:00+00:00"),
    ("Tue, 04 Mar 2025 09:15:00 +0100", "2025-03-04T09:15:00+01:00"),
    ("1741076100", "2025-03-04T08:15:00+00:00"),  # a Unix timestamp is UTC
    # JavaScript's Date.toString() in a JSON-LD stamp: the zone after GMT is the offset, the name in brackets aside
    ("Tue Mar 04 2025 09:15:00 GMT+0100 (Heure normale d’Europe centrale)", "2025-03-04T09:15:00+01:00"),
    ("Tue Mar 4 2025 08:15:00 GMT+0000", "2025-03-04T08:15:00+00:00"),
    ("Mon Mar 03 2025 22:15:00 GMT-0500 (Eastern Standard Time)", "2025-03-03T22:15:00-05:00"),
    ("Tue Feb 30 2025 08:15:00 GMT+0000", None),  # no such day
]


@pytest.mark.parametrize(("raw", "iso"), MACHINE)
def test_machine_dates_keep_their_offset_and_utc_is_plus_zero(raw: str, iso: str | None) -> None:
    assert parse_machine(raw) == iso


LINES = [
    # (date line, (published as printed, modified as printed))
    ("Publié le jeudi 6 mars 2025 à 14h32 | Mis à jour le 7 mars 2025", ("6 mars 2025 à 14h32", "7 mars 2025")),
    ("Par Leïla Haddad, le 04/03/2025 à 10:20", ("04/03/2025 à 10:20", None)),
    ("نشر في ٥ فيفري ٢٠٢٥ - آخر تحديث 6 فيفري 2025", ("٥ فيفري ٢٠٢٥", "6 فيفري 2025")),
    ("الخميس 3 جويلـيـة 2025 - 18:40", ("3 جويلـيـة 2025 - 18:40", None)),  # tatweel kept as printed
    # the other European languages of the pages beside French: day first (with a dot, with 'de') or month first
    ("Von Leïla Haddad, 6. März 2025, 14:32 Uhr", ("6. März 2025, 14:32", None)),
    ("Publicado el 3 de mayo de 2025 | Actualizado 4 de mayo de 2025", ("3 de mayo de 2025", "4 de mayo de 2025")),
    ("Publicado em 12 maio 2025", ("12 maio 2025", None)),
    ("Posted on 10th December 2025", ("10th December 2025", None)),
    ("Pubblicato il 12 giugno 2025, aggiornato il 13 giugno 2025", ("12 giugno 2025", "13 giugno 2025")),
    ("Published Nov. 8th, 2025 at 4:12 | Updated November 9, 2025", ("Nov. 8th, 2025 at 4:12", "November 9, 2025")),
    # a zone after the time belongs to the date: GMT and UTC are +00:00, 'GMT+1' its offset; 'heure locale' none
    ("Publié le 3 mars 2025 à 14h05 GMT", ("3 mars 2025 à 14h05 GMT", None)),
    ("Publié le 03/03/2025 à 14:05 UTC", ("03/03/2025 à 14:05 UTC", None)),
    ("Mis en ligne le 3 mars 2025 - 14:05 (GMT+1)", ("3 mars 2025 - 14:05 (GMT+1)", None)),
    ("Posted March 3, 2025 at 14:05 GMT-3", ("March 3, 2025 at 14:05 GMT-3", None)),
    ("نشر في 3 مارس 2025 - 14:05 GMT", ("3 مارس 2025 - 14:05 GMT", None)),
    ("Publié le 03/03/2025 à 14h05 (heure locale)", ("03/03/2025 à 14h05", None)),
    # a year in two digits, in this century unless that is past next year
    ("Publié le 03/12/25", ("03/12/25", None)),
    ("3-12-25 14:05", ("3-12-25 14:05", None)),
    ("Publié le 03.12.25 à 14h05 | Mis à jour le 04.12.25", ("03.12.25 à 14h05", "04.12.25")),
    # the half of the day belongs to the date's string
    ("Posted March 3, 2025 at 8:05 pm | Updated March 4, 2025", ("March 3, 2025 at 8:05 pm", "March 4, 2025")),
    ("نشر في 3 مارس 2025 - 08:30 م", ("3 مارس 2025 - 08:30 م", None)),
]

DATE_VALUES = [
    ("Publié le 3 mars 2025 à 14h05 GMT", "2025-03-03T14:05:00+00:00"),
    ("Publié le 03/03/2025 à 14:05 UTC", "2025-03-03T14:05:00+00:00"),
    ("3 mars 2025 à 14h05 (GMT+1)", "2025-03-03T14:05:00+01:00"),
    ("3 mars 2025 à 14h05 GMT+01:00", "2025-03-03T14:05:00+01:00"),
    ("March 3, 2025 at 14:05 GMT-3", "2025-03-03T14:05:00-03:00"),
    ("3 mars 2025 à 14h05 TU", "2025-03-03T14:05:00+00:00"),  # temps universel
    ("15 مارس 2025 - 14:05 بتوقيت غرينتش", "2025-03-15T14:05:00+00:00"),
    ("3 mars 2025 à 14h05 (heure locale)", "2025-03-03T14:05:00"),
    ("3 mars 2025 (GMT)", "2025-03-03"),  # a zone without a time dates nothing more
    ("03/12/25", "2025-12-03"),
    ("3-12-25 14:05", "2025-12-03T14:05:00"),
    ("١٥/٠٧/٢٥", "2025-07-15"),
    ("Publié le 03/12/98", "1998-12-03"),  # not 2098: the century that does not lie ahead
    ("Publié le 03/12/75", None),  # 1975: older than any page of this press
    ("Tél. : 20-22-25-10", None),  # a telephone number, four groups of two digits
    ("mise à jour de la version 1.2.25", None),  # a 2-digit year follows a 2-digit month: this is a version number
    ("Publié le 30/04/2019-10:20", "2019-04-30T10:20:00"),  # a 4-digit year may run on into the time
    ("du 01.04.2019-30.04.2019", "2019-04-01"),  # ... or into a second date
    # day first, unless the second number cannot be a month: then the US order, with slashes or dashes only
    ("Posted 09/13/2015", "2015-09-13"),
    ("Updated 12-31-24 8:05", "2024-12-31T08:05:00"),
    ("Publié le 13/09/2015", "2015-09-13"),
    ("Publié le 03/09/2015", "2015-09-03"),  # both could be months: day first, as the French press prints
    ("mise à jour 1.13.25", None),  # dots: a version number, never month first
    # a 12-hour clock: the half of the day after the time puts the hour on the 24-hour clock
    ("Posted March 3, 2025 at 8:05 pm", "2025-03-03T20:05:00"),
    ("Updated 12/31/2024 12:30 AM", "2024-12-31T00:30:00"),
    ("Published Nov. 8th, 2025 at 4:12 p.m. GMT", "2025-11-08T16:12:00+00:00"),
    ("3 March 2025 12:05 pm", "2025-03-03T12:05:00"),
    ("نشر في 3 مارس 2025 - 08:30 م", "2025-03-03T20:30:00"),
    ("نشر في 3 مارس 2025 - 08:30 مساءً", "2025-03-03T20:30:00"),
    ("نشر في 3 مارس 2025 - 08:30 ص", "2025-03-03T08:30:00"),
    ("Publié le 3 mars 2025 à 8h05", "2025-03-03T08:05:00"),  # no half named: the 24-hour clock, as printed
]


@pytest.mark.parametrize(("text", "iso"), DATE_VALUES)
def test_a_printed_zone_and_a_two_digit_year(text: str, iso: str | None) -> None:
    found = find_date_strings(text)
    assert (found[0][1] if found else None) == iso


@pytest.mark.parametrize(("line", "strings"), LINES)
def test_a_date_line_gives_the_strings_its_dates_were_read_from(line: str, strings: tuple[str | None, str | None]) -> None:
    assert published_modified_strings(line) == strings
    for (_, iso, raw), expected in zip(find_date_strings(line), strings, strict=False):
        assert raw == expected and parse_machine(raw) == iso  # the raw string parses back to the same date


@pytest.mark.parametrize(("line", "published"), [
    # the page's clock, a reader's registration: no date of the article
    ("Aktuelle Zeit: 14.10.2025, 12:18", None),
    ("Nous sommes le 14/10/2025 | Publié le 02/10/2025", "02/10/2025"),
    ("Membre inscrit le 3 mars 2019, message du 4 mars 2025 à 10h02", "4 mars 2025 à 10h02"),
    ("الوقت الحالي: 14 أكتوبر 2025", None),
])
def test_a_date_the_line_gives_to_something_else_is_not_the_article_date(line: str, published: str | None) -> None:
    assert published_modified_strings(line) == (published, None)


DATE_PAGES = [
    ("opengraph-z", page('<title>Réforme fiscale</title>'
                        '<meta property="article:published_time" content="2025-03-04T08:15:00Z">'),
     ("2025-03-04T08:15:00+00:00", "2025-03-04T08:15:00Z", None, None)),
    ("time-element-with-offset",
     page("<title>Réforme fiscale</title>",
          '<time class="published" datetime="2025-03-04T09:15:00+01:00">4 mars 2025</time>'
          '<time class="updated" datetime="2025-03-05T08:00:00+01:00">5 mars 2025</time>'),
     ("2025-03-04T09:15:00+01:00", "2025-03-04T09:15:00+01:00", "2025-03-05T08:00:00+01:00",
      "2025-03-05T08:00:00+01:00")),
    ("french-words-without-offset",
     page("<title>Réforme fiscale</title>",
          '<div class="post-date">Publié le jeudi 6 mars 2025 à 14h32 | Mis à jour le 7 mars 2025 à 9h05</div>'),
     ("2025-03-06T14:32:00", "6 mars 2025 à 14h32", "2025-03-07T09:05:00", "7 mars 2025 à 9h05")),
    ("zone-after-the-time", page("<title>Réforme fiscale</title>", '<p class="date">Publié le 6 mars 2025 à 14h32 GMT</p>'),
     ("2025-03-06T14:32:00+00:00", "6 mars 2025 à 14h32 GMT", None, None)),
    ("two-digit-year", page("<title>Réforme fiscale</title>", '<span class="date">06/03/25 14:32</span>'),
     ("2025-03-06T14:32:00", "06/03/25 14:32", None, None)),
    ("arabic-words", page("<title>إصلاح جبائي</title>", '<span class="date">نشر في 12 جوان 2025</span>',
                          lang="ar", paragraphs=AR_PARAGRAPHS),
     ("2025-06-12", "12 جوان 2025", None, None)),
]


@pytest.mark.parametrize(("html", "expected"), [p[1:] for p in DATE_PAGES], ids=[p[0] for p in DATE_PAGES])
def test_records_keep_the_raw_date_beside_the_parsed_one(html: str, expected: tuple[str | None, ...]) -> None:
    outcome = _extract(html)
    assert (outcome.date_published, outcome.date_published_raw, outcome.date_modified,
            outcome.date_modified_raw) == expected


# --- the schema: new fields documented, old records still read ---------------------------------------

def _old_record() -> dict[str, Any]:
    """A schema version 1 record as the crawl wrote it before author_kinds and the raw dates existed."""
    return {
        "id": "0" * 32, "version": 1, "schema_version": "1", "crawl_id": "20261101T000000Z-abcdef", "outlet": "demo-cms",
        "country": "DZ", "url": "https://exemple.dz/a", "canonical_url": "https://exemple.dz/a", "language": "fr",
        "title": "Réforme fiscale", "seo_title": None, "description": None, "text": "Bonjour.", "authors": ["Awa Diallo"],
        "agencies": ["APS"], "date_published": "2026-10-12T09:22:00", "date_modified": None, "section": None,
        "tags": [], "image_url": None, "paywalled": False, "word_count": 1, "fetched_at": "2026-11-01T00:00:00Z",
        "http_status": 200, "text_digest": "sha256:00", "previous_text_digest": None, "duplicate_of": None,
        "warc": {"filename": "f.warc.gz", "path": "warc/outlet=demo-cms/date=2026-11-01/f.warc.gz", "offset": 0,
                 "length": 10, "record_id": "<urn:uuid:1>", "payload_digest": "sha1:AAAA"},
        "extraction": {"method": "m", "version": "v", "extracted_at": "2026-11-01T00:00:00+00:00"},
    }


def test_a_version_1_record_still_reads_and_validates() -> None:
    old = _old_record()
    jsonschema.validate(old, json_schema())
    record = ArticleRecord.from_dict(old)
    assert (record.author_kinds, record.date_published_raw, record.date_modified_raw) == ([], None, None)
    assert json.loads(record.to_json())["authors"] == ["Awa Diallo"]


def test_author_kinds_are_one_of_three_words_in_the_published_schema() -> None:
    schema = json_schema()
    assert schema["properties"]["author_kinds"]["items"] == {"type": "string", "enum": ["person", "desk", "agency"]}
    assert {"author_kinds", "date_published_raw", "date_modified_raw"}.isdisjoint(schema["required"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**_old_record(), "authors": ["El Watan"], "author_kinds": ["outlet"]}, schema)


# The share card an SEO plugin writes ('Written by' in twitter:label1, the name in twitter:data1, in the site's
# language) credits its name when the page prints it, as an author field read after the others; an unprinted name is
# the posting account (never added), the card's reading time is no name, and the site's own name is no author.
def _card(label: str, name: str) -> str:
    return (f'<meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="{name}">'
            '<meta name="twitter:label2" content="Durée de lecture"><meta name="twitter:data2" content="3 minutes">')


SHARE_CARDS = [
    ("english-card", _card("Written by", "Karim Benali"), "<div class=\"share\"><span>Karim Benali</span></div>",
     "fr", ("Karim Benali",)),
    ("french-card", _card("Écrit par", "Amina Saïdi"), "<div class=\"share\"><span>Amina Saïdi</span></div>",
     "fr", ("Amina Saïdi",)),
    ("arabic-card", _card("كتب بواسطة", "سارة بن علي"), '<div class="share"><span>سارة بن علي</span></div>',
     "ar", ("سارة بن علي",)),
    ("unprinted-name", _card("Written by", "Karim Benali"), "", "fr", ()),
    ("reading-time-only", '<meta name="twitter:label1" content="Durée de lecture">'
     '<meta name="twitter:data1" content="3 minutes">', "<div class=\"share\"><span>3 minutes</span></div>", "fr", ()),
    ("the-site-itself", _card("Written by", "Elwatan DZ"), "<div class=\"share\"><span>Elwatan DZ</span></div>",
     "fr", ()),
    # an author field: over the byline elements (a reviewed book's author marked 'author'), under the other fields
    ("over-a-marked-element", _card("Written by", "Amina Saïdi"),
     '<div class="book"><h3 class="author">par Omar Lahlou</h3></div><div class="share"><span>Amina Saïdi</span></div>',
     "fr", ("Amina Saïdi",)),
    ("under-the-author-meta", _card("Written by", "Amina Saïdi") + '<meta name="author" content="Karim Benali">',
     "<div class=\"share\"><span>Amina Saïdi</span><span>Karim Benali</span></div>", "fr", ("Karim Benali",)),
]


@pytest.mark.parametrize(("head", "tail", "lang", "authors"), [c[1:] for c in SHARE_CARDS],
                         ids=[c[0] for c in SHARE_CARDS])
def test_a_share_card_credits_the_name_the_page_prints(head: str, tail: str, lang: str, authors: tuple[str, ...]) -> None:
    paragraphs = {"paragraphs": AR_PARAGRAPHS} if lang == "ar" else {}
    html = page(f"<title>Réforme fiscale</title>{head}", tail=tail, lang=lang, **paragraphs)
    assert _extract(html).authors == authors


# --- a date that belongs to the page around the article, not to the article ------------------------------------

EN_PARAGRAPHS = (
    "The regional council voted on Tuesday to widen the coastal road after two years of public hearings.",
    "Engineers told members that the work would start in the spring and last for about eighteen months.",
    "Residents of the harbour district asked for a footpath and new crossings near the primary school.",
)


def _banner_page(banner: str, article: str, *, lang: str, paragraphs: tuple[str, ...]) -> str:
    """A page whose site header prints today's date beside the menu, before the article in <main>."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title></head><body>'
            f'<header><div class="top">{banner}</div><nav><a href="/">Home</a> <a href="/a">A</a></nav></header>'
            f"<main><article>{article}<div class=\"content\">{body}</div></article></main></body></html>")


ELSEWHERE_DATES = [
    # the site banner's <time> (today) came first and dated the article
    ("banner-time-english",
     _banner_page('<time datetime="2025-12-19">Friday, December 19, 2025</time>',
                  '<h1>Council widens the coastal road</h1><p class="date">Published December 12, 2025</p>',
                  lang="en", paragraphs=EN_PARAGRAPHS), "2025-12-12"),
    ("banner-date-line-french",
     _banner_page('<span class="today-date">vendredi 19 décembre 2025</span>',
                  '<h1>Réforme fiscale</h1><p class="date">Publié le 12 décembre 2025</p>',
                  lang="fr", paragraphs=FR_PARAGRAPHS), "2025-12-12"),
    ("banner-time-arabic",
     _banner_page('<time datetime="2025-12-19">الجمعة 19 ديسمبر 2025</time>',
                  '<h1>إصلاح جبائي</h1><span class="date">نشر في 12 ديسمبر 2025</span>',
                  lang="ar", paragraphs=AR_PARAGRAPHS), "2025-12-12"),
    # a teaser card in the article: its link prints a headline and the other story's date
    ("teaser-card-date-french",
     page("<title>Réforme fiscale</title>",
          '<a href="/economie/budget-des-communes"><h3>Le budget des communes adopté sans surprise</h3>'
          '<span class="date">3 décembre 2025</span></a><p class="date">Publié le 12 décembre 2025</p>'),
     "2025-12-12"),
    ("teaser-card-date-arabic",
     page("<title>إصلاح جبائي</title>",
          '<a href="/eco/budget"><h3>ميزانية البلديات تمر دون مفاجآت كبيرة</h3><span class="date">3 ديسمبر 2025</span>'
          '</a><span class="date">نشر في 12 ديسمبر 2025</span>', lang="ar", paragraphs=AR_PARAGRAPHS),
     "2025-12-12"),
]


@pytest.mark.parametrize(("html", "day"), [c[1:] for c in ELSEWHERE_DATES], ids=[c[0] for c in ELSEWHERE_DATES])
def test_a_date_printed_around_the_article_does_not_date_it(html: str, day: str) -> None:
    assert (_extract(html).date_published or "")[:10] == day


def _plain_page(banner: str, article: str, *, lang: str) -> str:
    """A page with no date metadata and no marked date line, its site banner printing the day's date: the last
    resort searches its text."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title></head><body>'
            f'<header><p class="today">{banner}</p><nav><a href="/">Home</a> <a href="/a">A</a></nav></header>'
            f"<div id=\"page\"><div class=\"story\">{article}</div></div></body></html>")


SEARCHED_DATES = [
    ("banner-french",
     _plain_page("02.12.2025", "<h1>Réforme fiscale</h1><p>29.11.2025 – " + FR_PARAGRAPHS[0] + "</p>"
                 + "".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS[1:]), lang="fr"), "2025-11-29"),
    ("banner-english",
     _plain_page("Tuesday, December 2, 2025", "<h1>Council widens the coastal road</h1><p>November 29, 2025 – "
                 + EN_PARAGRAPHS[0] + "</p>" + "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS[1:]), lang="en"),
     "2025-11-29"),
    ("banner-arabic",
     _plain_page("02.12.2025", "<h1>إصلاح جبائي</h1><p>29.11.2025 - " + AR_PARAGRAPHS[0] + "</p>"
                 + "".join(f"<p>{p}</p>" for p in AR_PARAGRAPHS[1:]), lang="ar"), "2025-11-29"),
]


@pytest.mark.parametrize(("html", "day"), [c[1:] for c in SEARCHED_DATES], ids=[c[0] for c in SEARCHED_DATES])
def test_the_page_search_skips_the_site_banner(html: str, day: str) -> None:
    assert (_extract(html).date_published or "")[:10] == day
