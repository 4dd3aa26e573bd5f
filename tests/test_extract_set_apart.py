"""Table-driven tests of crawler/extract/_set_apart.py: the lines of a complementary box (a fact box) and of a hidden
schema.org box and of a heading hidden from sight go, the article's lines stay, and a box that holds the article is not taken for one set apart. Every
line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._page import collect, parse_html
from crawler.extract._set_apart import without_marked_boxes, without_set_apart_boxes
from tests.support.cpu import cpu_seconds

FR = ("Le conseil municipal d'Oran a adopté mardi soir le budget de l'année prochaine, en hausse de huit pour cent.",
      "La majeure partie des crédits ira à la rénovation des écoles primaires et au réseau d'eau potable.",
      "L'opposition a dénoncé un budget « électoraliste », à quelques mois du scrutin local.")
AR = ("صادق المجلس البلدي لوهران مساء الثلاثاء على ميزانية السنة المقبلة.",
      "وستخصص معظم الاعتمادات لترميم المدارس الابتدائية وتجديد شبكة المياه.")
BOX = ("Le budget en chiffres", "Recettes : 12 milliards de dinars", "Dépenses : 11,5 milliards de dinars")
META = ("Budget d'Oran", "budget, Oran, conseil municipal", "2026-03-10T21:05:00+01:00",
        "https://www.example.dz/images/oran-budget.jpg")


def _page(box: str, paragraphs: tuple[str, ...] = FR) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2]) + box + "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    return f"<html><body><article>{body}</article></body></html>".encode()


def _facts(attributes: str, lines: tuple[str, ...] = BOX) -> str:
    return f"<div {attributes}><h3>{lines[0]}</h3><ul>" + "".join(f"<li>{x}</li>" for x in lines[1:]) + "</ul></div>"


def _microdata(lines: tuple[str, ...], style: str = "display:none;") -> str:
    items = "".join(f'<div itemprop="p{i}">{line}</div>' for i, line in enumerate(lines))
    return f'<div style="{style}" itemscope itemtype="https://schema.org/NewsArticle">{items}</div>'


BOX_LINES = [BOX[0], *(f"- {x}" for x in BOX[1:])]


@pytest.mark.parametrize(("html", "text", "expected"), [
    # a fact box with the role of an aside: its heading and its items go
    (_page(_facts('role="complementary" class="faktaboks"')), [*FR[:2], *BOX_LINES, FR[2]], list(FR)),
    (_page(_facts('role="complementary"', ("أرقام الميزانية", "الإيرادات: 12 مليار دينار")), AR),
     [*AR, "أرقام الميزانية", "- الإيرادات: 12 مليار دينار"], list(AR)),
    # a box of no such role, whatever its class: its lines stay
    (_page(_facts('class="infobox"')), [*FR[:2], *BOX_LINES, FR[2]], [*FR[:2], *BOX_LINES, FR[2]]),
    # a hidden schema.org box: its headline, keywords, stamp and picture address go
    (_page(_microdata(META)), [*FR, *META], list(FR)),
    (_page(_microdata(("الميزانية", "2026-03-10T21:05:00+01:00")), AR), [*AR, "2026-03-10T21:05:00+01:00"], list(AR)),
    # the same box printed (no style that hides it): its lines stay
    (_page(_microdata(META, style="margin:0")), [*FR, *META], [*FR, *META]),
    # a box that holds the article: most of the text, it stays
    (_page(_microdata((*FR, *META))), [*FR, *META], [*FR, *META]),
    (f'<html><body><div role="complementary">{"".join(f"<p>{p}</p>" for p in FR)}</div></body></html>'.encode(),
     list(FR), list(FR)),
    # a heading hidden from sight but read aloud: its line goes, whichever class hides it
    (_page('<h2 class="visually-hidden">Contenu de l\'article</h2>'), [*FR[:2], "Contenu de l'article", FR[2]], list(FR)),
    (_page('<div class="field__label visually-hidden">Image principale</div>'), [*FR[:2], "Image principale", FR[2]],
     list(FR)),
    (_page('<h3 class="u-visuallyhidden">محتوى المقال</h3>', AR), [*AR, "محتوى المقال"], list(AR)),
    # other classes that hide from sight are not read on a paragraph (see the module): its line stays
    (_page('<p class="sr-only">Contenu de l\'article</p>'), [*FR[:2], "Contenu de l'article", FR[2]],
     [*FR[:2], "Contenu de l'article", FR[2]]),
    # a heading that a class of its own hides from sight (a landmark's title for screen readers): its line goes
    (_page('<h2 class="hidden">Contenu principal</h2>'), ["Contenu principal", *FR], list(FR)),
    (_page('<h2 class="block-title text-hide">Navigation du site</h2>'), [*FR[:2], "Navigation du site", FR[2]],
     list(FR)),
    (_page('<h3 class="sr-only">المحتوى الرئيسي</h3>', AR), ["المحتوى الرئيسي", *AR], list(AR)),
    (_page('<h2 class="screen-reader-text">Main content</h2>'), ["Main content", *FR], list(FR)),
    (_page('<h2 class="a11y-hidden">Contenu principal</h2>'), ["Contenu principal", *FR], list(FR)),
    (_page('<h2 class="titre aural">Navigation</h2>'), [*FR[:2], "Navigation", FR[2]], list(FR)),
    # ... not one hidden on small screens only, nor one inside a link (a control), nor a paragraph so marked
    (_page('<h2 class="hidden-xs">Le budget voté</h2>'), [*FR[:2], "Le budget voté", FR[2]],
     [*FR[:2], "Le budget voté", FR[2]]),
    (_page('<a href="/budget"><h2 class="sr-only">Le budget voté</h2></a>'), [*FR[:2], "Le budget voté", FR[2]],
     [*FR[:2], "Le budget voté", FR[2]]),
    # the same words in a link hidden from sight (a skip link, an icon's label): a visible line that prints them stays
    (_page('<a class="visually-hidden" href="#suite">Lire la suite</a>'), [*FR[:2], "Lire la suite", FR[2]],
     [*FR[:2], "Lire la suite", FR[2]]),
    (_page('<a href="https://x.example.dz"><span class="visually-hidden">Facebook</span></a><ul><li>Facebook</li></ul>'),
     [*FR[:2], "- Facebook", FR[2]], [*FR[:2], "- Facebook", FR[2]]),
    # a class that only holds the words, a link shown on focus: the line stays
    (_page('<div class="visually-hidden-mobile">Le budget</div>'), [*FR[:2], "Le budget", FR[2]],
     [*FR[:2], "Le budget", FR[2]]),
    (_page('<div class="visually-hidden--focusable">Aller au contenu</div>'), [*FR[:2], "Aller au contenu", FR[2]],
     [*FR[:2], "Aller au contenu", FR[2]]),
])
def test_without_set_apart_boxes(html: bytes, text: list[str], expected: list[str]) -> None:
    assert without_set_apart_boxes("\n".join(text), parse_html(html)).split("\n") == expected
    # the page's source given: the same lines go (the class's word is searched in it first)
    assert without_set_apart_boxes("\n".join(text), parse_html(html), html.decode()).split("\n") == expected


def test_labels_hidden_from_sight_are_looked_for_only_in_a_page_that_names_their_class() -> None:
    html = _page('<h2 class="visually-hidden">Contenu de l\'article</h2>')
    text = "\n".join([*FR[:2], "Contenu de l'article", FR[2]])
    assert without_set_apart_boxes(text, parse_html(html), "<html>no such class</html>") == text


def _walked(root: object, label_classes: bool) -> tuple[list[object], list[object]]:
    """The boxes and labels as one XPath over the elements that have any of the three attributes finds them (the
    module's first form): the reference its attribute-axis searches are held to."""
    from lxml import etree

    from crawler.extract import _set_apart

    found = etree.XPath("//*[@role='complementary' or (@itemscope and @style)"
                        + (" or contains(@class, 'isually')]" if label_classes else "]"))
    boxes, labels = [], []
    for element in found(root):
        if element.get("role") == "complementary" or _set_apart._HIDDEN.search(element.get("style") or ""):
            boxes.append(element)
        elif len(labels) < _set_apart.MAX_LABELS and _set_apart._unseen_label(element):
            labels.append(element)
    return boxes, labels


_SCOPE = 'itemscope itemtype="https://schema.org/Person"'


@pytest.mark.parametrize("body", [
    _facts('role="complementary"') + _microdata(META) + '<h2 class="visually-hidden">Contenu</h2>',
    # one element found by two or three attributes: a single box
    f'<div role="complementary" {_SCOPE} style="display:none" class="visually-hidden"><p>Encadré</p></div>',
    f'<div {_SCOPE} style="display: none" class="u-visuallyhidden"><p>Encadré</p></div>',
    # found by its class alone but hidden by its style: a box, not a label
    '<div class="visually-hidden" style="display:none"><p>Masqué</p></div><h3 class="visually-hidden">Titre</h3>',
    # a shown schema.org scope whose class hides it in capitals (no 'isually' in it): a label, in document order
    # among the others, the first MAX_LABELS kept
    "".join(f'<h3 class="visually-hidden">Étiquette {n}</h3>' for n in range(12))
    + f'<span {_SCOPE} style="color:red" class="VISUALLYHIDDEN">Nom</span>'
    + "".join(f'<h3 class="visually-hidden">Étiquette {n}</h3>' for n in range(12, 30)),
    f'<span {_SCOPE} style="margin:0" class="VISUALLYHIDDEN">Nom</span><a class="visually-hidden">Lien</a>',
    '<p class="visually-hidden-mobile">Rien</p>' + "".join(f'<h3 class="visually-hidden">{n}</h3>' for n in range(25)),
])
def test_boxes_and_labels_are_what_one_walk_over_their_attributes_finds(body: str) -> None:
    from crawler.extract._set_apart import _boxes_and_labels

    root = parse_html(_page(body))
    for label_classes in (True, False):
        boxes, labels = _boxes_and_labels(root, label_classes)
        walked_boxes, walked_labels = _walked(root, label_classes)
        assert labels == walked_labels
        assert sorted(map(id, boxes)) == sorted(map(id, walked_boxes))


def test_boxes_of_a_huge_page_are_found_in_linear_time() -> None:
    from crawler.extract._set_apart import _boxes_and_labels

    # 32 000 boxes found by each of the three attributes: a '/..' step from the attributes (or a union of the three
    # searches) merged its results with a check for duplicates that grows with the square of their number (1.1 s)
    box = f'<div role="complementary" {_SCOPE} style="display:none" class="visually-hidden"><p>Encadré</p></div>'
    html = f"<html><body><p>{FR[0]}</p>{box * 32_000}</body></html>"
    root = parse_html(html.encode())
    with cpu_seconds() as spent:
        boxes, labels = _boxes_and_labels(root, label_classes=True)
    assert spent() < 0.6  # 0.2 s on a loaded machine
    assert len(boxes) == 32_000 and not labels
    assert without_set_apart_boxes(f"{FR[0]}\nEncadré", root, html) == FR[0]


BIO = ("Samira Haddad couvre la vie municipale d'Oran depuis douze ans, après un passage au service économie d'un "
       "quotidien de la capitale. Elle anime aussi une chronique hebdomadaire sur les quartiers de la ville.")
BIO_AR = ("كريم بن علي صحفي مختص في الشؤون المحلية، عمل في عدة جرائد وطنية قبل أن ينضم إلى فريق التحرير، "
          "ويكتب أسبوعيا عن قضايا التعمير والنقل في ولايات الغرب الجزائري منذ سنوات طويلة.")
DISCLOSURE = ("Certains liens de cette page renvoient vers des boutiques partenaires : un achat fait par leur "
              "intermédiaire peut nous rapporter une petite somme, sans changer le prix payé ni le choix des produits.")
DISCLOSURE_EN = ("Some of the offers on this page come from partners who may pay us when a reader signs up through a link. "
                 "This does not change which offers we list or the order in which they appear.")
AR_MORE = ("وانتقدت المعارضة ما وصفته بميزانية انتخابية، قبل أشهر قليلة من موعد الاقتراع المحلي، وطالبت بنشر تفاصيل "
           "النفقات المخصصة لكل بلدية من بلديات الولاية، وبإشراك الجمعيات في متابعة تنفيذ المشاريع.")
BIO_EN = ("Nadia Ferhat is a freelance writer who covers city budgets and public transport. Before turning to "
          "journalism she spent ten years as an urban planner in Oran and Constantine.")


def _bio(attributes: str, lines: tuple[str, ...] = (BIO,)) -> str:
    return f"<div {attributes}>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>"


@pytest.mark.parametrize(("html", "text", "expected"), [
    # an author's box under the text, whatever the theme calls it: its lines go
    (_page(_bio('class="author-bio"')), [*FR, BIO], list(FR)),
    (_page(_bio('class="post-author author_detail_box clearfix"')), [*FR, BIO], list(FR)),
    (_page(_bio('class="about-the-author"', ("À propos de l'auteure", BIO))), [*FR, "À propos de l'auteure", BIO], list(FR)),
    (_page(_bio('class="saboxplugin-wrap"', (BIO_EN,))), [*FR, BIO_EN], list(FR)),
    (_page(_bio('class="author-box"', (BIO_AR,)), (*AR, AR_MORE)), [*AR, AR_MORE, BIO_AR], [*AR, AR_MORE]),
    # an advertiser's or an affiliate's disclosure over or under the text: its lines go
    (_page(_bio('class="advertiser-disclosure"', ("Publicité", DISCLOSURE))), ["Publicité", DISCLOSURE, *FR], list(FR)),
    (_page(_bio('class="affiliate-disclosure"', (DISCLOSURE_EN,))), [*FR, DISCLOSURE_EN], list(FR)),
    # an accordion's panel, which some toolkits call a disclosure: the article's own answer stays
    (_page(_bio('class="headlessui-disclosure-panel-3"', (DISCLOSURE_EN,))), [*FR, DISCLOSURE_EN], [*FR, DISCLOSURE_EN]),
    (_page(_bio('class="faq disclosure-panel"', (DISCLOSURE_EN,))), [*FR, DISCLOSURE_EN], [*FR, DISCLOSURE_EN]),
    # a byline box of a few words: the byline is the authors' source, its line stays (split_credits reads it)
    (_page(_bio('class="author-info"', ("Par Samira Haddad",))), ["Par Samira Haddad", *FR], ["Par Samira Haddad", *FR]),
    # a class that names the author but no box ('author-name', 'post-author'), a paragraph that only names an author
    (_page(_bio('class="post-author"')), [*FR, BIO], [*FR, BIO]),
    # a box that holds the article (a theme that marks the whole column so): most of the text, it stays
    (_page(_bio('class="author-box"', FR)), list(FR), list(FR)),
    (f'<html><body>{_bio("class=author-box", FR[:2])}</body></html>'.encode(), list(FR[:2]), list(FR[:2])),
])
def test_without_marked_boxes(html: bytes, text: list[str], expected: list[str]) -> None:
    assert without_marked_boxes("\n".join(text), collect(parse_html(html)).marked.boxes).split("\n") == expected


def test_author_boxes_of_a_huge_page_are_weighed_a_few() -> None:
    # 30 000 elements marked as an author's box, each of a bio's size: MAX_AUTHOR_BOXES of them are weighed and read
    html = f"<html><body>{''.join(f'<p>{p}</p>' for p in FR)}{_bio('class=author-bio') * 30_000}</body></html>"
    root = parse_html(html.encode())
    with cpu_seconds() as spent:
        assert without_marked_boxes("\n".join((*FR, BIO)), collect(root).marked.boxes).split("\n") == list(FR)
    assert spent() < 0.5  # 0.1 s

