"""The cheaper paths of the extractor give what the plain ones gave: link density from text nodes, the parser's
element classes chosen in C."""

from __future__ import annotations

import pytest
from lxml.html import FormElement, HtmlElement, InputElement

from crawler.extract._authors import Kind
from crawler.extract._page import parse_html
from crawler.extract.article import link_density
from tests.support.cpu import cpu_seconds


def _by_text_content(html: str) -> float:
    """The definition: characters (whitespace left out) inside each <a>, over the body's visible characters."""
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    body = root.find("body")
    if body is None:
        return 0.0

    def chars(text: str) -> int:
        return len("".join(text.split()))

    hidden = sum(chars(el.text_content()) for el in body.iter("script", "style", "noscript", "template"))
    visible = chars("".join(body.itertext())) - hidden
    linked = sum(chars(a.text_content()) for a in body.iter("a"))
    return round(min(1.0, linked / visible), 3) if visible > 0 else 0.0


@pytest.mark.parametrize("html", [
    "<html><body><p>Le conseil municipal d'Oran a voté le budget de l'année.</p><a href='/s'>Sport</a></body></html>",
    "<html><body><p>Le conseil municipal a voté.</p><a>Sport<div><a>Culture<div><a>Oran</a></div></a></div></a>"
    "</body></html>",
    "<html><body><p>Texte\u00a0insécable\u2009et fines</p><a> lien\u3000large </a><script>var x = 1;</script>"
    "<noscript><style>p{}</style>Activez JavaScript</noscript></body></html>",
    "<html><body dir='rtl'><p>قرر المجلس البلدي الموافقة على الميزانية</p><a href='/ar'>رياضة</a></body></html>",
    "<html><body><script>var only = 'script';</script></body></html>",
    # hidden elements with children: their children's text goes, their tails stay, nested ones go twice
    "<html><body><p>Un texte lisible ici.</p><noscript><p>Activez <b>le</b> JavaScript</p> pour lire <img src='x'> "
    "la suite</noscript><a href='/l'>Lien</a> et fin</body></html>",
    "<html><body><template><div>Carte <script>var a = 1;</script> modèle</div> fin du modèle</template>"
    "<p>Corps de page assez long</p><a>Voir</a><noscript><iframe src='/t'></iframe></noscript> après</body></html>",
    "<html><head><title>Sans corps</title></head></html>",
])
def test_link_density_matches_its_definition(html: str) -> None:
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    assert link_density(root) == _by_text_content(html)


def test_parser_gives_lxml_html_element_classes() -> None:
    root = parse_html(b"<html><body><form action='/q'><input name='q' value='Oran'></form><p>x</p></body></html>")
    assert root is not None
    form, field, paragraph = root.find(".//form"), root.find(".//input"), root.find(".//p")
    assert isinstance(form, FormElement) and form.action == "/q"
    assert isinstance(field, InputElement) and field.value == "Oran"
    assert type(paragraph) is HtmlElement and paragraph.text_content() == "x"


# --- trafilatura's internals, replaced by identical cheaper ones (crawler.extract._trafilatura_fast) -------------

_PAGES = [
    # a news page with a comment thread in every shape trafilatura prunes, and share buttons
    "<html><body><nav class='menu'><ul><li><a href='/'>Accueil</a></li><li><a href='/eco'>Économie</a></li></ul></nav>"
    "<main><article><h1>Oran : le budget voté</h1><div class='article-body'><p>Le conseil municipal d'Oran a voté, "
    "mardi soir, le budget de l'année prochaine, après une séance de plusieurs heures.</p><p>Les élus de "
    "l'opposition ont <a href='/x'>dénoncé</a> un calendrier trop serré, selon un communiqué.</p></div>"
    "<div class='elementor-share-buttons'><a href='#'>Partager</a></div></article>"
    "<section id='comments'><ol class='commentlist'><li><p>Enfin une bonne nouvelle pour la ville, bravo.</p></li>"
    "</ol></section><div id='comment-12'><p>Un autre avis, long de quelques mots de plus.</p></div>"
    "<ul class='post-comments'><li>Premier !</li></ul><ul id='commentary'><li>Analyse</li></ul>"
    "<div class='Commentaires-bloc'><p>Pas un fil.</p></div><details id='disqus_thread'><p>Disqus</p></details>"
    "</main><footer><p>© Le Quotidien d'Oran, tous droits réservés, reproduction interdite.</p>"
    "<a href='/contact'>Contact</a></footer></body></html>",
    # infinite scroll: appended articles go, the container holding the page's own headline stays
    "<html><body><div class='infinite-scroll'><h1>Le titre de la page</h1><p>Le premier article, celui de la page, "
    "assez long pour compter.</p></div><section id='infiniteScroll'><h2>Suivant</h2><p>Un article ajouté en bas "
    "de page.</p></section><aside class='mvp-post-add-box'><h1>Un autre titre</h1><p>Encore un article "
    "ajouté.</p></aside><div class='mvp-post-add-wrap-x'><p>Et un dernier.</p></div></body></html>",
    # links inside links, a link around paragraphs, cells, preformatted text, an Arabic page's layout
    "<html><body dir='rtl'><div id='content'><a href='/a'><p>قرر المجلس البلدي لمدينة وهران الموافقة على الميزانية، "
    "بعد نقاش طويل.</p></a><table><tr><td>نتائج التصويت في المجلس، بالتفصيل، مع الأرقام الكاملة.</td>"
    "<td><a href='/b'>رابط <a href='/c'>داخل رابط</a></a></td></tr></table><pre>code, code, code, code, code</pre>"
    "</div><div class='sidebar'><p>الأكثر قراءة: مقالات أخرى لا علاقة لها بالموضوع.</p></div>"
    "<div class='footer main'><p>تذييل الصفحة، مع كلمة تجعلها مرشحة رغم ذلك.</p></div></body></html>",
    "<html><body><p>Court.</p></body></html>",
    # classes and ids readability's pruning reads: alone, together, one character, upper case, nested, on <body>
    "<html class='sidebar'><body class='footer' id='x'><div class='Sidebar-Menu'><p>Menu latéral, plusieurs "
    "liens et un texte assez long pour compter.</p><div id='comment-box'><p>Un commentaire imbriqué.</p></div></div>"
    "<div class='a' id='b'><p>Deux attributs d'un caractère, joints par un espace : trois caractères.</p></div>"
    "<div class='x'><p>Un seul caractère, laissé de côté par l'original.</p></div><div id='footer'>Pied</div>"
    "<section class='main-content' id='extra'><p>Extra mais contenu principal : gardé par « main ».</p></section>"
    "<aside class='' id='popup'><p>Fenêtre surgissante.</p></aside><span class='twitter' id=''>Tweet</span>"
    "<div class='menu'>avant<p>Le texte qui suit le menu, avec sa queue.</p></div>après le menu"
    "<article class='article'><p>Le conseil municipal d'Oran a voté, mardi soir, le budget de l'année.</p></article>"
    "<!-- un commentaire --><div class='ﬁlet pager'><p>Pagination ﬁnale.</p></div></body></html>",
]


def test_trafilatura_replacements_are_installed() -> None:
    from crawler.extract import _trafilatura_fast

    installed = _trafilatura_fast.install()
    assert installed == ["RAW_TREE_PRUNE_XPATH[0]", "RAW_TREE_PRUNE_XPATH[1]", "REMOVE_COMMENTS_AND_LISTS_XPATH[0]",
                         "BODY_XPATH[0]", "BODY_XPATH[2]", "BODY_XPATH[3]",
                         "OVERALL_DISCARD_XPATH[0]", "OVERALL_DISCARD_XPATH[1]",
                         "readability link lengths", "readability unlikely candidates", "readability misused divs",
                         "readability class weights", "BASIC_CLEAN_XPATH",
                         "first copy put off", "backup put off", "page measure counted",
                         f"trafilatura {_trafilatura_fast.CHECKED_VERSION}"], (
        "trafilatura is not the version crawler/extract/_trafilatura_fast.py was checked against: check each "
        "replacement against the new trafilatura and update CHECKED_VERSION")


# what the main extractor discards: by class or id (the cookie test reads the first of the two in the element's
# attributes), role in either case, data attributes, on the tags it looks at (trafilatura's <item> and <list> too)
# and on others; then hidden elements by style, id (the first of id and style) or aria-hidden, reply boxes by the first
# of id and class, and elements that only come near
_DISCARDED = (
    "<html><body><div class='share-bar'>a</div><p id='sidebar-2'>b</p><span class='Byline x'>c</span>"
    "<section class='main' id='cookie-note'>d</section><section id='cookie-note' class='main'>e</section>"
    "<div id='x' class='cookies'>f</div><div class='cookies' id='x'>g</div><item class=' ad '>h</item>"
    "<list class='tag-list'>i</list><div role='Navigation'>j</div><div role='NAV'>k</div><p data-lp-replacement-content=''>"
    "l</p><span data-component='MostPopularStoriesList'>m</span><article class='share-bar'>n</article>"
    "<div class='shared' id='premium-box'>o</div><div class='Tags'>p</div><div id='ad-top' class='adx'>q</div>"
    "<div class='reply-box'>r</div><div id='main' class='reply-box'>s</div><div class='reply-box' id='main'>t</div>"
    "<h2 class='comments-title'>u</h2><h2 class='comments-title x'>v</h2><p id='is-hidden' style='color: red'>w</p>"
    "<p style='color: red' id='is-hidden'>x</p><p style='visibility: hidden'>y</p><p style='display:none'>z</p>"
    "<b style='display: none'>A</b><i aria-hidden='true'>B</i><i aria-hidden='TRUE'>C</i><p class='x hidden'>D</p>"
    "<p class='hidden'>E</p><div id='reader-comments'>F</div><p>Le texte de l'article, gardé.</p></body></html>")


@pytest.mark.parametrize("html", [*_PAGES, _DISCARDED])
def test_trafilatura_prune_replacements_select_what_the_xpaths_select(html: str) -> None:
    from trafilatura import xpaths

    from crawler.extract._trafilatura_fast import TagsWhere

    root = parse_html(html.encode("utf-8"))
    assert root is not None
    replaced = [e for name in ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH", "OVERALL_DISCARD_XPATH")
                for e in getattr(xpaths, name) if isinstance(e, TagsWhere)]
    assert len(replaced) == 5
    for replacement in replaced:
        assert replacement.original is not None
        for tree in (root, root.find("body")):
            assert replacement(tree) == replacement.original(tree), replacement.original.path
    if html is _DISCARDED:
        boilerplate, hidden = (xpaths.OVERALL_DISCARD_XPATH[index](root) for index in (0, 1))
        assert "".join(el.text for el in boilerplate) == "abceghijlmoq"
        assert "".join(el.text for el in hidden) == "rtuvwyzABDF"


# where the article's body is, by class, id or itemprop: each way the first stage names one, before and after other
# candidates, nested in another, on a tag it does not look at, in another case, or nowhere
_BODIES = [
    "<html><body><div class='entry-content'><p>Le budget d'Oran.</p></div><div class='post'><p>Autre.</p></div>"
    "</body></html>",
    "<html><body><section><div class='x'><p>Menu.</p></div><main class='post'><p>Le budget.</p></main>"
    "<div class='post'><p>Le même niveau, plus loin.</p></div></section></body></html>",
    "<html><body><div><div><p>Un.</p></div><div itemprop='articleBody'><div id='article-body'><p>Imbriqué.</p></div>"
    "</div></div></body></html>",
    "<html><body><p class='article-text'>Pas un div.</p><article id='articleContent'><p>Le texte.</p></article>"
    "</body></html>",
    "<html><body><div class='entry'><p>Le texte.</p></div></body></html>",
    "<html><body><div class='post entry'><p>Deux classes.</p></div><section class='story ArticleContent x'><p>Le texte."
    "</p></section></body></html>",
    "<html><body><div class='ARTICLE-BODY'><p>Majuscules.</p></div><div id='body-text-2'><p>Le texte.</p></div>"
    "</body></html>",
    "<html><body><div class='article'><p>Rien de nommé.</p></div></body></html>",
    # the third stage's names: role, ids, whole classes, 'fulltext' in any case, a class that opens with 'article '
    "<html><body><div class='text-x'><p>Pas entier.</p></div><main role='article'><p>Le texte.</p></main></body></html>",
    "<html><body><p id='story'>Pas un div.</p><div id='primary-col'><p>Le texte.</p></div><div id='story'>x</div>"
    "</body></html>",
    "<html><body><div class='cells'><p>Non.</p></div><section class='FullText'><p>Le texte.</p></section></body></html>",
    "<html><body><div class='the article x'><p>Non.</p></div><div class='article main'><p>Le texte.</p></div>"
    "</body></html>",
    "<html><body><div class='a single-post-x'><p>Le texte.</p></div></body></html>",
    # the fourth: 'content' whole, content-main/-body, main-content with its C and M in either case, page-content
    "<html><body><div class='contents'><p>Non.</p></div><div class='MAIN-CONTENT'><p>Non plus.</p></div>"
    "<div id='Main-Content'><p>Le texte.</p></div></body></html>",
    "<html><body><div class='Page-Content'><p>Le texte.</p></div><div class='content'><p>Après.</p></div></body></html>",
    "<html><body><span class='content'>Pas un div.</span><article class='x content__body'><p>Le texte.</p></article>"
    "</body></html>",
    "<html><body><div id='contentBody2'><p>Le texte.</p></div></body></html>",
    *_PAGES,
]


@pytest.mark.parametrize("html", _BODIES)
def test_body_xpath_replacement_gives_the_first_element_the_xpath_gives(html: str) -> None:
    from trafilatura import xpaths

    from crawler.extract._trafilatura_fast import FirstWhere

    root = parse_html(html.encode("utf-8"))
    assert root is not None
    found = []
    for index in (0, 2, 3):
        replacement = xpaths.BODY_XPATH[index]
        assert isinstance(replacement, FirstWhere) and replacement.original is not None
        for tree in (root, root.find("body")):
            assert replacement(tree) == replacement.original(tree)[:1], (index, replacement.original.path)
        found += replacement(root)
    if "Le texte." in html:  # each page names the text one way, which one stage finds
        assert [el.text_content() for el in found] == ["Le texte."]


def test_trafilatura_prune_replacements_find_the_comment_thread() -> None:
    from trafilatura import xpaths

    root = parse_html(_PAGES[0].encode("utf-8"))
    assert root is not None
    found = xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH[0](root)
    assert [(el.tag, el.get("id") or el.get("class")) for el in found] == [
        ("section", "comments"), ("ol", "commentlist"), ("div", "comment-12"), ("ul", "post-comments"),
        ("div", "Commentaires-bloc"), ("details", "disqus_thread")]


# what trafilatura's basic clean-up removes: named elements, a 'footer' div (by the first of its class and id), cookie
# banners by class or id in any case, nested ones, an element that is neither
_CLEANED = (
    "<html><body><aside><p>À lire</p><footer>pied dans l'aside</footer></aside><div id='x' class='footer'>a</div>"
    "<div class='site-footer' id='main'>b</div><div class='main' id='footer-2'>c</div><div id='page-footer'>d</div>"
    "<section class='footer'>pas un div</section><div class='Cookie-Banner'>bandeau</div><p id='CMPLZ-x'>cmplz</p>"
    "<span class='notice__cookie'>avis</span><div class='cookies'>pas un bandeau</div><svg><g/></svg>"
    "<template><p>modèle</p></template><fencedframe></fencedframe><script>var x;</script><style>p{}</style>"
    "<p class='' id=''>vide</p><p>Le texte de l'article, gardé.</p></body></html>")


@pytest.mark.parametrize("html", [*_PAGES, _CLEANED])
def test_basic_clean_replacement_selects_what_the_xpath_selects(html: str) -> None:
    import importlib

    from crawler.extract._trafilatura_fast import BasicClean

    replacement = importlib.import_module("trafilatura.baseline").BASIC_CLEAN_XPATH
    assert isinstance(replacement, BasicClean)
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    for tree in (root, root.find("body")):
        assert replacement(tree) == replacement.original(tree)
    if html is _CLEANED:
        assert [el.get("class") or el.get("id") or el.tag for el in replacement(root)] == [
            "aside", "footer", "site-footer", "page-footer", "Cookie-Banner", "CMPLZ-x", "notice__cookie", "svg",
            "template", "fencedframe", "script", "style"]  # 'x' and 'main' come before the div's 'footer': kept


# what html2txt's text is made of: blocks spaced (the root too, when it is one), inline text joined, dropped elements
# whose tails join a block's text or tail, an inline element's, a comment's or the parent's, nested ones, control and
# format characters in blocks and inline, Arabic text, a page without <body>, a body with none of its own text
_MEASURED = [
    "<html><body>Avant<div>un<span>bloc</span>et<b>du</b>gras</div>collé<p>Paragraphe</p>suite<br>ligne<hr>"
    "<ul><li>un</li><li>deux</li></ul><table><tr><td>a</td><td>b</td></tr></table>fin</body></html>",
    "<html><body><p>Début</p><aside>à côté</aside>queue d'aside<span>en ligne</span><script>var x;</script>queue"
    "<div><footer>pied</footer>queue du pied<div class='site-footer'>bas</div> et <b>gras</b><style>p{}</style>"
    "après le style</div><!-- note -->queue de note<div class='cookie-banner'><p>Cookies</p></div>"
    "fin</body></html>",
    "<html><body><div><aside><footer>imbriqué</footer>dedans</aside>dehors<svg><g/></svg>\u00adcoupure</div>"
    "<p>mot\u00adcoupé et\u200bcollé</p><span>en\u200bligne\u00ad</span>\u200e<div>\u200f</div>"
    "<p>\u00a0insécable\u2009fine\u3000large\u2028ligne</p><div><p>bloc</p><!-- note --><aside>ôté</aside>"
    "\u00adqueue après la note</div></body></html>",
    "<html><body dir='rtl'><h1>قرر المجلس البلدي</h1><p>الموافقة على<a href='/x'>الميزانية</a>السنوية</p>"
    "<nav>القائمة</nav><template><p>نموذج</p></template>بعد النموذج</body></html>",
    "<html><head><title>Sans corps</title></head></html>",
    "<html><body><div id='main' class='footer'>gardé</div><div class='footer' id='main'>ôté</div>"
    "<p id='cmplz-x' class='texte'>bandeau</p>reste</body></html>",
    "<html><body><aside>seul</aside></body></html>",
    "<html><body><p>Tabulation\tet\rretour\nà la ligne</p><pre>  code   espacé  </pre></body></html>",
    "<html><body><p>saut\x0cde page</p><span>ligne\x0bverticale</span></body></html>",
]


@pytest.mark.parametrize("html", [*_MEASURED, *_PAGES, _CLEANED])
def test_the_page_measure_is_the_length_of_html2txt(html: str) -> None:
    import importlib

    import trafilatura.core
    from lxml.html import document_fromstring

    from crawler.extract import _trafilatura_fast

    baseline = importlib.import_module("trafilatura.baseline")
    assert trafilatura.core.html2txt is _trafilatura_fast._html2txt
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    commented = document_fromstring(html)  # comments kept (our parser drops them)
    for tree in (root, root.find("body"), root[-1], commented):
        if tree is None:
            continue
        try:
            expected: object = len(_trafilatura_fast._original_html2txt(tree))
        except ValueError:
            expected = ValueError
        try:
            measured: object = len(trafilatura.core.html2txt(tree))
        except ValueError:
            measured = ValueError
        assert measured == expected
    assert baseline.html2txt is _trafilatura_fast._original_html2txt  # the text itself, where another reads it


@pytest.mark.parametrize("html", _PAGES)
def test_readability_replacements_give_the_same_summary(html: str) -> None:
    from trafilatura import readability_lxml

    from crawler.extract import _trafilatura_fast

    class Original(readability_lxml.Document):
        score_paragraphs = _trafilatura_fast._original_score_paragraphs
        get_link_density = _trafilatura_fast._original_link_density
        remove_unlikely_candidates = _trafilatura_fast._original_remove_unlikely
        transform_misused_divs_into_paragraphs = _trafilatura_fast._original_transform
        class_weight = _trafilatura_fast._original_class_weight

    assert readability_lxml.Document.score_paragraphs is _trafilatura_fast.score_paragraphs
    assert readability_lxml.Document.remove_unlikely_candidates is _trafilatura_fast.remove_unlikely_candidates
    summaries = []
    for document in (readability_lxml.Document, Original):
        root = parse_html(html.encode("utf-8"))
        assert root is not None
        summaries.append(document(root, min_text_length=25).summary())
    assert summaries[0] == summaries[1]
    scores = []
    for document in (readability_lxml.Document, Original):
        root = parse_html(html.encode("utf-8"))
        assert root is not None
        doc = document(root, min_text_length=25)
        doc.remove_unlikely_candidates()
        scores.append(sorted((el.tag, el.get("class") or el.get("id") or "", c.score)
                             for el, c in doc.score_paragraphs().items()))
    assert scores[0] == scores[1]
    assert scores[0] or "Court." in html


@pytest.mark.parametrize(("cls", "ident"), [
    ("entry-content", None), ("SideBar Widget", "Main"), (None, "COMMENTS-box"), ("post text", "footer-2"),
    ("\u017fidebar", "\u212aomment-list"), ("Ärtikel-Inhalt", None), ("", "ok"), ("shopping tags", "promo"),
])
def test_readability_class_weight_replacement_weighs_as_the_original(cls: str | None, ident: str | None) -> None:
    from lxml import etree
    from trafilatura import readability_lxml

    from crawler.extract import _trafilatura_fast

    element = etree.Element("div")
    for name, value in (("class", cls), ("id", ident)):
        if value is not None:
            element.set(name, value)
    document = readability_lxml.Document(parse_html(b"<html><body><p>x</p></body></html>"))
    assert readability_lxml.Document.class_weight is _trafilatura_fast.class_weight
    weighed = _trafilatura_fast.class_weight(document, element), _trafilatura_fast.class_weight(document, element)
    assert weighed[0] == weighed[1] == _trafilatura_fast._original_class_weight(document, element)


@pytest.mark.parametrize("html", _PAGES)
def test_readability_unlikely_candidates_replacement_prunes_what_the_original_prunes(html: str) -> None:
    from lxml import etree
    from trafilatura import readability_lxml

    from crawler.extract import _trafilatura_fast

    pruned = []
    for prune in (_trafilatura_fast.remove_unlikely_candidates, _trafilatura_fast._original_remove_unlikely):
        root = parse_html(html.encode("utf-8"))
        assert root is not None
        document = readability_lxml.Document(root)
        prune(document)
        pruned.append(etree.tostring(document.doc, encoding="unicode"))
    assert pruned[0] == pruned[1]
    if "Sidebar-Menu" in html:
        assert "Menu latéral" not in pruned[0] and "Pied" not in pruned[0] and "après le menu" in pruned[0]
        assert "gardé par" in pruned[0] and "Un seul caractère" in pruned[0] and "Tweet" not in pruned[0]


# a page no raw-tree prune touches, whose text is too short for trafilatura's cascade to stop early (its baseline and
# its retry in recall mode read the tree it was given too)
_SHORT_UNPRUNED = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script></head><body>"
                   "<div class='menu'><a href='/'>Accueil</a> <a href='/eco'>Économie</a></div><div><p>Oran : la séance "
                   "reprend jeudi.</p></div><div class='related'><a href='/1'>Le budget de l'an passé, voté en "
                   "décembre</a></div></body></html>")


@pytest.mark.parametrize("html", [*_PAGES, _SHORT_UNPRUNED])
def test_a_lent_tree_extracts_as_a_copy_does_and_stays_as_it_was(html: str) -> None:
    from lxml import etree
    from trafilatura import bare_extraction

    from crawler.extract import _trafilatura_fast
    from crawler.extract._body import trafilatura_options

    texts = []
    for lend in (True, False):
        root = parse_html(html.encode("utf-8"))
        assert root is not None
        before = etree.tostring(root)
        if lend:
            with _trafilatura_fast.lent(root):
                document = bare_extraction(root, options=trafilatura_options("https://www.elwatan.example/a"))
        else:
            document = bare_extraction(root, options=trafilatura_options("https://www.elwatan.example/a"))
        assert etree.tostring(root) == before
        texts.append(document.text if document is not None else None)
    assert texts[0] == texts[1]
    assert texts[0] or "Court." in html


@pytest.mark.parametrize("html", [*_PAGES, _SHORT_UNPRUNED])
def test_a_lent_tree_is_copied_only_when_a_raw_tree_prune_removes_something(html: str) -> None:
    import copy

    import trafilatura.core
    from lxml import etree

    from crawler.extract import _trafilatura_fast

    prunes = (trafilatura.core.RAW_TREE_PRUNE_XPATH, trafilatura.core.REMOVE_COMMENTS_AND_LISTS_XPATH)
    root = parse_html(html.encode("utf-8"))
    assert root is not None
    shipped = copy.copy(root)
    for nodelist in prunes:
        shipped = _trafilatura_fast._original_prune(shipped, nodelist)
    with _trafilatura_fast.lent(root):
        tree = trafilatura.core.copy(root)
        assert tree is root
        for nodelist in prunes:
            tree = trafilatura.core.prune_unwanted_nodes(tree, nodelist)
    assert etree.tostring(tree) == etree.tostring(shipped)
    assert (tree is root) == (html in (_SHORT_UNPRUNED, _PAGES[2], _PAGES[3]))
    assert trafilatura.core.copy(root) is not root  # nothing is lent outside the block


@pytest.mark.parametrize("html", [*_PAGES, _SHORT_UNPRUNED])
def test_a_put_off_backup_extracts_as_the_copy_did(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.core
    import trafilatura.external
    from trafilatura import bare_extraction

    from crawler.extract import _trafilatura_fast
    from crawler.extract._body import trafilatura_options

    made: list[object] = []
    made_by = _trafilatura_fast._Backup.made
    monkeypatch.setattr(_trafilatura_fast._Backup, "made", lambda backup: made.append(backup) or made_by(backup))
    texts = []
    for shipped in (False, True):
        if shipped:  # trafilatura's own: the backup copied at once, read as it is
            monkeypatch.setattr(trafilatura.core, "_prepare_tree", _trafilatura_fast._original_prepare_tree)
            monkeypatch.setattr(trafilatura.external, "justext_rescue", _trafilatura_fast._original_justext_rescue)
        root = parse_html(html.encode("utf-8"))
        assert root is not None
        with _trafilatura_fast.lent(root):
            document = bare_extraction(root, options=trafilatura_options("https://www.elwatan.example/a"))
        texts.append(document.text if document is not None else None)
    assert texts[0] == texts[1]
    if html is _SHORT_UNPRUNED:  # a text this short sends trafilatura to its justext rescue: the backup was made
        assert made


@pytest.mark.parametrize("url", ["https://www.elwatan.example/economie/budget-oran", "", "http://x.example/é?q=1"])
def test_trafilatura_options_are_those_bare_extraction_builds(url: str) -> None:
    from trafilatura.settings import Extractor

    from crawler.extract._body import _OPTIONS_ARGUMENTS, trafilatura_options

    ours, built = trafilatura_options(url or None), Extractor(url=url or None, **_OPTIONS_ARGUMENTS)
    assert {name: getattr(ours, name) for name in Extractor.__slots__} == {
        name: getattr(built, name) for name in Extractor.__slots__}


@pytest.mark.parametrize("html", _PAGES[:3])
def test_trafilatura_with_our_options_extracts_what_its_keywords_did(html: str) -> None:
    from trafilatura import bare_extraction

    from crawler.extract._body import FAVOR_PRECISION, INCLUDE_TABLES, trafilatura_options

    url = "https://www.lequotidien.example/oran/budget"
    texts = []
    for options in ({"options": trafilatura_options(url)},
                    {"url": url, "with_metadata": False, "include_comments": False, "include_tables": INCLUDE_TABLES,
                     "favor_precision": FAVOR_PRECISION}):
        root = parse_html(html.encode("utf-8"))
        assert root is not None
        document = bare_extraction(root, **options)  # type: ignore[arg-type]
        texts.append(None if document is None else document.text)  # type: ignore[union-attr]
    assert texts[0] == texts[1]


@pytest.mark.parametrize("text", [
    "Publié le jeudi 12 novembre 2026 à 14h32, mis à jour le 13/11/2026 à 9h05",
    "Le 1er août 2024, 2024/08/01 et 01.08.2024 : trois écritures du même jour, 20260801 n'en est pas une",
    "نشر في 12 نوفمبر 2026 - آخر تحديث ١٣ نوفمبر ٢٠٢٦ على الساعة ١٠:٣٠",
    "التاريخ ٢٠ـ٢٦/١١/١٢ مع تطويل بين الأرقام و 3 تشرين الثاني 2026",
    "12 mars 20261 puis 3 avril 2025 et 2025-2026",
    "Aucune date ici, seulement 12 mots et 3 chiffres.",
    "Publié le 03/12/25, mis à jour le 04/12/25 à 9h, puis le 5.12.25",
    "",
])
def test_most_dates_bounds_the_dates_found(text: str) -> None:
    from crawler.extract._dates import find_dates, most_dates

    assert most_dates(text) >= len(find_dates(text))


def test_date_lines_are_still_found_after_the_bound() -> None:
    from crawler.extract._cleanup import is_date_line

    assert is_date_line("Publié le jeudi 12 novembre 2026 à 14h32")
    assert is_date_line("نشر في ١٢ نوفمبر ٢٠٢٦")
    assert not is_date_line("Le conseil municipal d'Oran a voté le budget le 12 novembre 2026, après une séance de "
                            "plusieurs heures marquée par les critiques de l'opposition sur le calendrier retenu.")


def test_language_model_tables_compacted_rank_alike() -> None:
    from array import array

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from crawler.extract import _language

    compact = _language._identifier()
    assert isinstance(compact._rowbase, array) and isinstance(compact.tk_output, array)
    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)  # the shipped model, as py3langid reads it
    assert isinstance(plain._rowbase, list) and not isinstance(plain.tk_nextmove, memoryview)
    assert isinstance(compact.tk_nextmove, memoryview), "the cached model files were not used"
    for text in ("Le conseil municipal d'Oran a voté le budget de l'année prochaine après une longue séance.",
                 "قرر المجلس البلدي لمدينة وهران الموافقة على الميزانية بعد نقاش طويل",
                 "The city council approved next year's budget after a long session."):
        assert compact.rank(text) == plain.rank(text)


@pytest.mark.parametrize("body", [
    "<html><body><p>Le budget d'Oran, voté à l'unanimité.</p></body></html>".encode(),
    "<html><body><p>Un caractère déjà remplacé : \ufffd, et un autre \ufffd.</p></body></html>".encode(),
    b"\xef\xbb\xbf<html><body><p>BOM puis un octet invalide \xff ici.</p></body></html>",
    b"\xef\xbb\xbf<html><body><p>BOM et texte propre, \xc3\xa9t\xc3\xa9.</p></body></html>",
    b"<html><head><meta charset='utf-8'></head><body><p>D\xe9clar\xe9 UTF-8, \xe9crit en cp1252.</p></body></html>",
    b"<html><body><p>Sans d\xe9claration, en cp1252.</p></body></html>",
])
def test_replacement_characters_counted_from_the_bytes_as_in_the_text(body: bytes) -> None:
    from crawler.extract.article import _replaced_chars
    from crawler.extract.charset import decode_html

    html, encoding = decode_html(body, "text/html")
    assert _replaced_chars(body, html, encoding) == html.count("\ufffd")


def _fold_by_definition(value: str) -> str:
    """fold() as defined: quote and dash variants flattened, casefolded, NFKD without its combining characters,
    whitespace collapsed, edge punctuation stripped."""
    import re
    import unicodedata

    variants = {"\u2019": "'", "\u2018": "'", "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"',
                "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " "}
    decomposed = unicodedata.normalize("NFKD", value.translate(str.maketrans(variants)).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare).strip(" .:;,!?\"'")


@pytest.mark.parametrize("value", [
    "« L’Économie d’Oran » — un cœur à l’ouvrage…",
    "  Ärger\u00a0über   die Straße\u202f! ",
    "\u2018Citation\u2019 \u201cdouble\u201d \u2013 fin.",
    "ﬁnances ﬂottantes ½ Ⅻ ①",
    "الحُكومةُ تُعلنُ عن خِطّةٍ جديدة",
    "Tiếng Việt có dấu: Hà Nội, Đà Nẵng",
    "e\u0301\u0327\u0338 combinés seuls \u0301\u0302",
    "\x1c\x1d séparateurs \x85 et \u2028 lignes \u3000",
    " .:;,!?\"' ",
    "",
    "ASCII only, nothing to fold",
])
def test_fold_matches_its_definition(value: str) -> None:
    from crawler.extract._text import fold

    assert fold(value) == _fold_by_definition(value)
    assert fold(value + " \u0300") == _fold_by_definition(value + " \u0300")


def test_whitespace_is_every_character_str_split_splits_on() -> None:
    import sys

    from crawler.extract._text import WHITESPACE

    assert "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()) == WHITESPACE


@pytest.mark.parametrize("text", [
    "Le conseil municipal\u00a0d'Oran a voté.\n\tFin\u2009!", "  \x1c\x1d\x85\u3000 ", "", "مجلس  وهران\u200a", "x"])
def test_visible_chars_counts_what_split_keeps(text: str) -> None:
    from crawler.extract._text import visible_chars

    assert visible_chars(text) == sum(map(len, text.split()))


@pytest.mark.parametrize("text", [
    "Le conseil municipal\u00a0d'Oran a voté.\n\tFin\u2009!", "  \x1c\x1d\x85\u3000 ", "", "مجلس  وهران\u200a", "x",
    "Réunion\u202fà Oran\u205f: « accord »\u1680conclu\u2028\u2029", "ascii only\r\n\x0b\x0c text", "日本語\u3000の記事"])
def test_visible_utf8_chars_counts_what_split_keeps(text: str) -> None:
    from crawler.extract._text import visible_utf8_chars

    assert visible_utf8_chars(text.encode()) == sum(map(len, text.split()))


@pytest.mark.parametrize("value", [
    "  Le conseil\u00a0municipal\n\td'Oran  ", "\x1c\x1dمجلس\u3000وهران\u2028", "L&amp;#039;Économie &amp; la\u202fville",
    "e\u0301te\u0301 ", "", "   ", "mot"])
def test_clean_matches_its_definition(value: str) -> None:
    import html
    import re
    import unicodedata

    from crawler.extract._text import clean

    unescaped = html.unescape(value) if re.search(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});", value) else value
    assert clean(value) == unicodedata.normalize("NFC", re.sub(r"\s+", " ", unescaped).strip())


def _clean_in_full(value: str) -> str:
    """`clean` as it reads every value: unescape, split and join, the invisible characters dropped, NFC."""
    import html
    import unicodedata

    from crawler.extract._text import _ENTITY, without_invisible

    value = html.unescape(value) if "&" in value and _ENTITY.search(value) else value
    return unicodedata.normalize("NFC", without_invisible(" ".join(value.split())))


def _one_of_each_kind() -> list[str]:
    """A printable line with each whitespace and invisible character put inside it, at its ends, and twice."""
    import sys

    from crawler.extract._text import INVISIBLE, JOINERS

    odd = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()] + [*INVISIBLE, *JOINERS]
    return [form.format(c) for c in odd for form in ("Le conseil{}municipal d'Oran", "{}Vote du budget", "Vote du budget{}",
                                                     "mot{0}{0}mot", "{}")]


@pytest.mark.parametrize("value", [
    "Le conseil municipal d'Oran a voté le budget", "Le conseil  municipal", " Le conseil", "Le conseil ", " ",
    "Élu­par", "مجلس وهران البلدي", "été à Oran", "L&amp;#039;Économie", "&#32;", "&nbsp;mot",
    "mot&#8203;mot", " ", "Karim Benali", *_one_of_each_kind()])
def test_clean_passes_over_a_settled_value_as_it_would_read_it(value: str) -> None:
    from crawler.extract._text import clean

    assert clean(value) == _clean_in_full(value)


# --- a regular expression's quick no (crawler.extract._prefilter) ------------------------------------------------

@pytest.mark.parametrize(("pattern", "keys"), [
    (r"notre\s+newsletter|abonnez-vous|d[ée]j[àa]\s+abonn[ée]", ("abonn", "newsletter")),
    (r"(?:zum|unseren?|ihren)\s+newsletter|FOLLOW\s+us", ("follow", "newsletter")),
    (r"(?:suivez|retrouvez)[-\s]nous\s+sur", ("retrouvez", "suivez")),  # a group every match needs
    (r"(?:ab){2,}cde|x(?:yz)?", None),  # an alternative that needs no three characters
    (r"\d+\s*%|[a-z]+", None),
    (r"(?-i:READ\s+MORE)|المصدر\s*:", ("read", "المصدر")),  # compared case-folded, whatever the flags
])
def test_required_strings_are_read_from_the_pattern(pattern: str, keys: tuple[str, ...] | None) -> None:
    import re

    from crawler.extract._prefilter import required_strings

    found = required_strings(re.compile(pattern, re.IGNORECASE))
    assert (tuple(sorted(found)) if found is not None else None) == keys


@pytest.mark.parametrize("line", [
    "Inscrivez-vous à notre newsletter gratuite.", "ABONNEZ-VOUS pour lire la suite", "Déjà abonné ? Connectez-vous",
    "Suivez-nous sur Facebook et Instagram", "Le conseil municipal d'Oran a voté le budget mardi soir.",
    "Il vous reste 80 % de cet article à lire.", "Comment le budget a-t-il été voté ? Les élus s'expliquent.",
    "تابعونا على فيسبوك", "قرر المجلس البلدي الموافقة على الميزانية", "Sıgn up for our daily briefing",
    "ſign up for our newsletter", "Tous droits réservés © 2026", "", "Vous devez être connecté pour publier un commentaire.",
])
def test_prompt_prefilter_answers_as_the_pattern_does(line: str) -> None:
    from crawler.extract import _cleanup

    assert _cleanup._PROMPT.keys is not None and _cleanup._PROMPT.by_key is not None  # the quick no is in place
    found, plain = _cleanup._PROMPT.search(line), _cleanup._PROMPT.pattern.search(line)
    assert (found and found.span()) == (plain and plain.span())
    assert _cleanup._PROMPT.found(line) is (plain is not None)


@pytest.mark.parametrize("line", [
    "Click here to subscribe to our newsletter", "اضغط هنا للاشتراك في القناة", "Subscribe to our YouTube channel",
    "If you buy something through our links we may earn a commission.", "CLICK HERE TO REGISTER",
    "Si vous achetez via nos liens, nous pouvons percevoir une commission.", "Le ministre a cliqué sur le lien.",
    "Um einen Kommentar abzugeben, melden Sie sich an.", "",
])
def test_calls_prefilter_answers_as_the_pattern_does(line: str) -> None:
    from crawler.extract import _cleanup

    assert _cleanup._CALLS.keys is not None and _cleanup._CALLS.by_key is not None  # the quick no is in place
    found, plain = _cleanup._CALLS.search(line), _cleanup._CALLS.pattern.search(line)
    assert (found and found.span()) == (plain and plain.span())
    assert _cleanup._CALLS.found(line) is (plain is not None)


@pytest.mark.parametrize(("pattern", "parts"), [
    (r"abonnez-vous|notre\s+newsletter", ["abonnez-vous", r"notre\s+newsletter"]),
    (r"(?:suivez|retrouvez)[-\s]nous|x[|(]y\|z|[]|]w|[^]|]v", [r"(?:suivez|retrouvez)[-\s]nous", r"x[|(]y\|z", "[]|]w", "[^]|]v"]),
    (r"^(?!-\s).*?(?:a|b)$", [r"^(?!-\s).*?(?:a|b)$"]),
])
def test_alternatives_are_cut_at_the_top_level(pattern: str, parts: list[str]) -> None:
    import re

    from crawler.extract._prefilter import top_level_alternatives

    assert top_level_alternatives(pattern) == parts
    for part in parts:
        re.compile(part)


@pytest.mark.parametrize("line", [
    "Sign up for our newsletter", "Publié le 3 mars. Sign up for our daily briefing", "- Sign up for a Hulu account",
    "This post contains affiliate links, which means we may earn a commission.", "- Twitch: paid via affiliate links",
    "Brands implement affiliate links, UTM tracking and discount codes.", "READ MORE: le budget", "Read more: le budget",
    "Commentaires : les propos n'engagent que leurs auteurs", "Les commentaires sont publiés après modération",
])
def test_alternatives_answer_as_the_whole_pattern(line: str) -> None:
    from crawler.extract import _cleanup

    for prefiltered in (_cleanup._PROMPT, _cleanup._CALLS):
        assert prefiltered.found(line) is (prefiltered.pattern.search(line) is not None)


def test_case_key_maps_as_the_regex_engine_compares() -> None:
    """Every character: its key is its simple lowercase (the engine's own function), then one character for each
    set of characters the engine takes for equivalent when case is ignored; so a literal matches only a character
    with its key."""
    import _sre
    import importlib

    from crawler.extract._prefilter import _EXTRA, case_key

    for code in (*range(0xD800), *range(0xE000, 0x110000)):
        lower = _sre.unicode_tolower(code)
        assert case_key(chr(code)) == chr(_EXTRA.get(lower, lower)), hex(code)
    for code, others in importlib.import_module("re._casefix")._EXTRA_CASES.items():
        assert len({_EXTRA.get(c, c) for c in (code, *others)}) == 1
    assert case_key("İSTANBUL ſign") == "istanbul sign"


# --- pass 2 (the marked elements) read for the date lines only when a credit could be a dateline's place ---------

@pytest.mark.parametrize(("credited", "gate"), [
    ([("Karim Benali", "person")], False),  # a full name is never a place
    ([("APS", "agency"), ("Rédaction", "desk")], False),  # nor an agency or a desk, one word or not
    ([], False),
    ([("Oran", "person")], True),
    ([("Amina Saïdi", "person"), ("Tlemcen", "person")], True),
])
def test_date_lines_are_read_only_when_a_one_word_person_is_credited(
        credited: list[tuple[str, Kind]], gate: bool) -> None:
    from crawler.extract._authors import Credits, without_dateline_places

    credits = Credits(credited=list(credited))
    read: list[bool] = []

    def datelines() -> list[str]:
        read.append(True)
        return [f"{name.split()[0]}, 12 mars 2025" for name, _ in credited] + ["Alger, 3 juin 2024"]

    kept = without_dateline_places(credits, datelines)
    assert bool(read) is gate
    if not gate:  # what the gate spares: the call would have given the credits back as they are
        assert kept is credits
    else:
        assert [name for name, _ in kept.credited] == [name for name, _ in credited if " " in name]


# --- the page's printed text, read by the date rules (crawler.extract._printed_date) --------------------------------

def _printed_by_xpath(html: str) -> str:
    """The definition: the body's text nodes outside scripts, styles, noscript and templates, each collapsed."""
    from lxml import etree

    root = parse_html(html.encode("utf-8"))
    assert root is not None
    nodes = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                        " or ancestor::template)]")(root)
    return " ".join(" ".join(str(node).split()) for node in nodes)


@pytest.mark.parametrize("html", [
    "<html><head><title>Oran</title></head><body><h1>Le budget voté</h1><p>Publié le <time>6 janvier 2026</time>, "
    "mis à jour\n le 7.</p>  <p>   </p><script>var d = '2020-01-01';</script>après le script<style>p{}</style>"
    "<noscript><p>Activez <b>JavaScript</b></p></noscript><template><p>12/03/2024</p></template>fin</body></html>",
    "<html><body>avant<div>un<span>deux<br>trois</span>quatre<!-- commentaire -->cinq</div>après"
    "<div><script>x</script><p>dans <i>un <b>paragraphe</b></i> imbriqué</p></div></body></html>",
    "<html><body dir='rtl'><p>نشر في 3 ديسمبر 2011</p><ul><li>أ</li><li> ب </li></ul></body></html>",
    "<html><head><title>Sans corps</title></head></html>",
    "<p>Un fragment sans html ni body, le 6 janvier 2026.</p>",
])
def test_printed_text_is_what_its_xpath_reads(html: str) -> None:
    from crawler.extract._printed_date import _printed_text

    root = parse_html(html.encode("utf-8"))
    assert root is not None
    assert _printed_text(root) == _printed_by_xpath(html)


def test_printed_text_of_a_huge_page_is_read_in_linear_time() -> None:
    from crawler.extract._printed_date import _printed_text

    # 32 000 text nodes in nested blocks, under a script now and then: the XPath took 0.65 s, growing faster than the page
    block = "<div><p>Le conseil a voté <b>le 6 janvier 2026</b> à Oran</p><span>ligne</span><script>x</script>fin</div>"
    root = parse_html(f"<html><body>{block * 6400}</body></html>".encode())
    assert root is not None
    with cpu_seconds() as spent:
        text = _printed_text(root)
    assert spent() < 0.15
    assert text.count("le 6 janvier 2026") == 6400 and "x" not in text.split()


def test_a_remembered_class_search_keeps_no_long_value() -> None:
    from crawler.extract import _trafilatura_fast
    from crawler.extract._cache import MAX_CACHED_CHARS

    # the discard prunes remember their answers by class value in a long-lived worker: a short value is remembered,
    # a long generated one (a hostile page's) is searched each time and never kept
    cached = _trafilatura_fast.CachedSearch("share|footer")
    search = cached.test
    long_value = "x" * (MAX_CACHED_CHARS + 1) + " footer"
    assert search("post-footer") and not search("post-body") and search(long_value) and not search(None)
    assert set(cached.cached) == {"post-footer", "post-body", "", None}  # no attribute: read as ''
    assert search(long_value) and len(cached.cached) == 4
    assert not search(None) and not search("") and search("share-bar")  # answered from the memo or searched alike


# The credit lines' three searches as they were first written, XPaths over the body's text nodes: the reference that
# their walk (`_page.printed_nodes` and a filter each) is held to.
_CREDIT_LINE_XPATHS = {
    "_label_nodes": "//body//text()[contains(., ':')][contains(., 'utor') or contains(., 'UTOR') or contains(., 'uteur')"
    " or contains(., 'UTEUR') or contains(., 'uthor') or contains(., 'UTHOR') or contains(., 'aktion')"
    " or contains(., 'AKTION') or contains(., 'action') or contains(., 'ACTION') or contains(., 'Von:')"
    " or contains(., 'Von :') or contains(., 'Par:') or contains(., 'Par :') or contains(., 'By:')][not(ancestor::script"
    " or ancestor::style or ancestor::noscript or ancestor::template or ancestor::a)]",
    "_lead_in_nodes": "//body//text()[string-length(normalize-space(.)) <= 14][contains(., 'y') or contains(., 'Y')"
    " or contains(., 'ar') or contains(., 'AR') or contains(., 'on') or contains(., 'ON') or contains(., 'or')"
    " or contains(., 'بقلم') or contains(., 'كتب')][not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template or ancestor::a or ancestor::blockquote)]",
    "_dashed_nodes": "//body//text()[contains(., ' - ') or contains(., ' – ')][string-length(.) < 80][not(ancestor::script"
    " or ancestor::style or ancestor::noscript or ancestor::template or ancestor::a or ancestor::title)]",
    "_card_nodes": "//body//text()[string-length(normalize-space(.)) <= 60][contains(., 'uth') or contains(., 'ute')"
    " or contains(., 'uto') or contains(., 'by') or contains(., 'crit')][not(ancestor::script or ancestor::style"
    " or ancestor::noscript or ancestor::template or ancestor::a or ancestor::blockquote)]",
}


@pytest.mark.parametrize("html", [
    '<html><body><div class="meta"><span>Par</span> <a href="/a">Karim Benali</a></div><p>Auteur : Amina Saïdi</p>'
    "<p>12.03.2025 - Karim Benali</p><p>Rédaction: le service politique</p></body></html>",
    # links, quotes and titles around the text, and the tails after them (outside them)
    "<html><body><a href='/k'>By: Karim<b>Von: Amina</b>12.03.2025 - Lien</a>By: après le lien<blockquote><p>Posted by"
    "</p>By</blockquote> By <svg><title>12.03.2025 - Logo</title></svg>12.03.2025 – Nom<i>par</i></body></html>",
    # what the page does not print: scripts, styles, noscript and templates, their tails printed
    '<html><body><script>var a = "By:";</script>By<noscript><p>Par :</p></noscript>Von<template><p>Autor: X</p>'
    "</template><style>p{}</style> 01.02.2024 - Nom </body></html>",
    # XPath's spaces (space, tab, CR, LF) collapsed, a no-break space kept: 14 characters at most once normalized
    "<html><body><p>  \n\t  By  \n  </p><p>Written\t\t  by\n</p><p>publiée\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0par</p>"
    "<p>xxxxxxxxxxx  by</p><p>xxxxxxxxxxxx by</p><p>xxxxxxxxxxxxx by</p><p>\u2003By\u2003</p></body></html>",
    '<html><body dir="rtl"><p>بقلم</p><span>كتب :</span><p>التحرير: سارة بن علي</p><p>12/03/2025 – سارة</p></body></html>',
    # a fragment (lxml makes the <body>), a comment the parser drops between two texts, a page with no <body>
    "<p>Auteur: Karim Benali</p><p>By<!-- x --> </p>Par<!-- c -->: Nom",
    "<html><head><title>12.03.2025 - Titre</title></head></html>",
    # author cards: a label after the name, 'Written by' and 'Écrit par' lines, one in a link, one in a quote, one long
    "<html><body><div><h3>Karim Benali</h3><span>Author</span></div><p>Amina Saïdi<span>| Auteure</span></p>"
    "<h3>Written by Sara Bensalem</h3><a href='/a'>Écrit par Nadia</a><blockquote>Written by Karim</blockquote>"
    f"<p>Écrit par {'x' * 60}</p><p>   Autorin   \n  </p></body></html>",
])
def test_credit_line_searches_find_what_their_xpaths_find(html: str) -> None:
    from lxml import etree

    from crawler.extract import _page

    root = parse_html(html.encode("utf-8"))
    assert root is not None
    nodes = _page.printed_nodes(root)
    for name, xpath in _CREDIT_LINE_XPATHS.items():
        expected = [(str(node), node.getparent()) for node in etree.XPath(xpath)(root)]
        assert [(text, el) for text, el, _ in getattr(_page, name)(nodes)] == expected, name


def test_credit_lines_of_a_huge_page_are_read_in_linear_time() -> None:
    from crawler.extract._page import dated_names, labelled_lines, lead_in_lines, printed_nodes

    # 48 000 text nodes in nested blocks, lead-ins, labels and dated lines among them (the three XPaths: 0.3 s)
    block = ("<div><p><span>By</span> <a href='/k'>Karim Benali</a> le <b>12.03.2025 - Nom</b></p><script>x</script>"
             "<i>Autor: Amina Saïdi</i>fin</div>")
    root = parse_html(f"<html><body>{block * 8000}</body></html>".encode())
    assert root is not None
    with cpu_seconds() as spent:
        nodes = printed_nodes(root)
        lines = labelled_lines(nodes), lead_in_lines(nodes), dated_names(nodes)
    assert spent() < 0.5  # 0.17 s on a loaded machine
    assert len(nodes) == 6 * 8000 and lines[0] == ["Autor: Amina Saïdi"] and lines[1] == ["By Karim Benali"]
    assert lines[2] == []  # many dated lines: a listing


def test_the_author_checks_share_their_searches_of_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.extract import _page

    html = ("<html><body><p class='byline'>Par <a href='/a/kb'>Karim Benali</a></p><p>Édité par Amina Saïdi</p>"
            "<p style='display:none'>Sara Bensalem</p><p>Le conseil municipal a voté le budget.</p></body></html>")
    root = parse_html(html.encode())
    names = ["Karim Benali", "karim benali", "Amina Saïdi", "Sara Bensalem", "Nadia Ould Ali", "Karim Ould Benali"]
    alone = [(_page.prints_name(root, name), _page.printed_as_editor(root, name)) for name in names]
    searched: list[str] = []
    search = _page._PRINTED_WITH
    monkeypatch.setattr(_page, "_PRINTED_WITH", lambda root, word: searched.append(word) or search(root, word=word))
    printed = _page.PrintedWords(root)
    shared = [(_page.prints_name(root, name, printed), _page.printed_as_editor(root, name, printed)) for name in names]
    assert shared == alone == [(True, False), (True, False), (True, True), (False, False), (False, False),
                               (False, False)]
    assert len(searched) == len(set(searched))  # each word searched once


@pytest.mark.parametrize(("module", "name", "short", "long_value"), [
    ("crawler.extract._text", "fold", "Élection à Oran", "Élection à Oran " * 100),
    ("crawler.extract._text", "alnum", "El-Watan.com", "El-Watan.com " * 100),
    ("crawler.extract._page", "_has_mark_word", "post-author byline", "x" * 300 + " byline"),
    ("crawler.extract._page", "_token_marks", "comments sidebar", "x" * 300 + " comments"),
    ("crawler.extract._trafilatura_fast", "_unlikely", "sidebar widget", "x" * 300 + " sidebar"),
])
def test_the_text_caches_answer_a_long_value_without_keeping_it(module: str, name: str, short: str,
                                                                 long_value: str) -> None:
    import importlib

    from crawler.extract._cache import MAX_CACHED_CHARS

    function = getattr(importlib.import_module(module), name)
    memo = function.__self__  # the answers remembered (crawler.extract._cache.Remembered)
    memo.clear()
    assert len(long_value) > MAX_CACHED_CHARS
    answers = function(short), function(long_value)
    assert list(memo) == [short]  # the short value's answer only
    assert answers == (memo.func(short), memo.func(long_value))
    assert function(long_value) == answers[1] and list(memo) == [short]


def test_a_memo_holds_at_most_its_size() -> None:
    from crawler.extract._cache import remembered_if_short

    calls: list[str] = []

    def shout(value: str) -> str:
        calls.append(value)
        return value.upper()

    function = remembered_if_short(2)(shout)
    assert [function(v) for v in ("oran", "oran", "sfax", "oran")] == ["ORAN", "ORAN", "SFAX", "ORAN"]
    assert calls == ["oran", "sfax"]  # remembered
    assert function("rabat") == "RABAT" and len(function.__self__) <= 2  # type: ignore[attr-defined]


def test_the_cookie_banner_search_answers_a_long_class_without_keeping_it() -> None:
    from lxml import etree

    from crawler.extract._cache import MAX_CACHED_CHARS
    from crawler.extract._trafilatura_fast import BasicClean

    clean = BasicClean("cookie|consent", etree.XPath("//nothing"))
    long_value = "x" * MAX_CACHED_CHARS + " cookie-banner"
    assert clean.cookie("cookie-notice") and not clean.cookie("post-body") and clean.cookie(long_value)
    assert len(clean.cookie.__self__) == 2  # type: ignore[attr-defined]
