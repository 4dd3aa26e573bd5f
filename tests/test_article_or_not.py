"""Article or not: listing, tag, author, search and home pages, and JavaScript shells, are never recorded."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.article_or_not import not_an_article
from crawler.extract.outcome import Extracted

LINKS = "".join(f'<li><a href="/2026/11/{i:02d}/titre-numero-{i}/">Titre de la dépêche numéro {i} sur la région</a></li>'
                for i in range(1, 40))
PARAGRAPHS = "".join(f"<p>Le conseil régional de Mopti a présenté le paragraphe {i} de son plan d'action pour la saison "
                     "des pluies, avec des mesures pour les éleveurs et les maraîchers de la zone inondée.</p>"
                     for i in range(8))
MENU = "".join(f'<li><a href="/rubrique-{i}/">Rubrique {i}</a></li>' for i in range(30))
# a section's front: twenty teasers, each a linked headline over a one-line summary (a third of the text in links)
TEASERS = "".join(f'<div class="teaser"><h3><a href="/economie/marche-{i}-de-la-semaine/">Le marché aux bestiaux '
                  f"numéro {i} rouvre ses portes</a></h3><p>Les éleveurs de la zone inondée reviennent vendre leurs "
                  "bêtes après trois mois de fermeture, selon la chambre d'agriculture de la ville.</p></div>"
                  for i in range(20))
TEASERS_EN = "".join(f'<div class="card"><h3><a href="/business/harbour-story-{i}/">Harbour crane number {i} is back '
                     "at work</a></h3><p>Dock workers at the river port say the repaired cranes cut the waiting time "
                     "of the grain barges by half this week.</p></div>" for i in range(20))
TEASERS_AR = "".join(f'<div class="card"><h3><a href="/economie/suq-{i}/">سوق الماشية رقم {i} يفتح أبوابه من '
                     "جديد</a></h3><p>عاد المربون إلى بيع مواشيهم في السوق بعد ثلاثة أشهر من الإغلاق بسبب "
                     "الفيضانات التي غمرت الطرق المؤدية إلى المدينة.</p></div>" for i in range(20))


def _page(main: str, og_type: str | None = None) -> bytes:
    meta = f'<meta property="og:type" content="{og_type}">' if og_type else ""
    return (f"<html lang='fr'><head><title>Le Journal</title>{meta}</head><body><nav><ul>{MENU}</ul></nav>"
            f"<main>{main}</main><footer>© Le Journal</footer></body></html>").encode()


@pytest.mark.parametrize(("html", "url", "reason"), [
    (_page("<h1>Dernières nouvelles</h1><p>Toute l'actualité de la région, mise à jour chaque jour.</p>"
           f"<ul>{LINKS}</ul>"), "https://journal.ml/derniere-heure-region-centre", "links"),
    (_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>", "article"),
     "https://journal.ml/2026/11/20/mopti-prepare-la-saison-des-pluies/", None),
    (_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>"),
     "https://journal.ml/tag/mopti/", "URL"),
    (_page("<h1>Titre</h1><p>Chargement de l'article… Activez JavaScript pour lire cet article.</p>" + PARAGRAPHS[:300]),
     "https://journal.ml/article/123-titre.html", "JavaScript"),
    # OpenGraph's default type, printed on every page of many sites: no verdict on an article's URL, the verdict elsewhere
    (_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>", "website"),
     "https://journal.ml/2026/11/20/mopti-prepare-la-saison-des-pluies/", None),
    (_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>", "blog"),
     "https://journal.ml/societe/mopti-prepare-la-saison-des-pluies", None),
    (_page(f"<article><h1>À propos de notre rédaction</h1>{PARAGRAPHS}</article>", "website"),
     "https://journal.ml/a-propos/", "calls itself"),
    (_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>", "profile"),
     "https://journal.ml/2026/11/20/mopti-prepare-la-saison-des-pluies/", "calls itself"),
    (_page("<h1>Dernières nouvelles</h1><p>Toute l'actualité de la région, mise à jour chaque jour.</p>"
           f"<ul>{LINKS}</ul>", "website"), "https://journal.ml/derniere-heure-region-centre", "links"),
    *((_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>", "website"), url, reason)
      for url, reason in (
          # a post's URL where the page calls itself 'website': a slug then '.html' or a query, a name under a
          # folder of posts
          ("https://journal.ml/societe/mopti-prepare-la-saison-des-pluies.html", None),
          ("https://journal.ml/societe/mopti-prepare-la-saison-des-pluies?utm_source=lettre", None),
          ("https://journal.ml/societe/mopti-prepare-la-saison-des-pluies/?ref=accueil", None),
          ("https://journal.ml/blog/saison-pluies", None),
          ("https://journal.ml/fr/news/45292/mopti?cHash=9f2c", None),
          ("https://journal.ml/posts/mopti", None),
          # not a post's: the folder itself, its pages, a two-word name with a query, an about page
          ("https://journal.ml/blog/", "calls itself"),
          ("https://journal.ml/news/?page=2", "URL"),
          ("https://journal.ml/a-propos?ref=pied", "calls itself"),
          ("https://journal.ml/a-propos.html", "calls itself"),
          ("https://journal.ml/blogs", "calls itself"),
      )),
    # a short news item under a heavy menu of links: a year in its URL before its name exempts it from the
    # link-density test; a day's archive, or a URL without a year, does not
    *((_page("<article><h1>Crue du fleuve à Mopti</h1><p>Le fleuve a dépassé la cote d'alerte ce matin à Mopti, "
             "selon les services de la météorologie, qui appellent les riverains à la prudence.</p>"
             f"<h2>À lire aussi</h2><ul>{LINKS}</ul></article>"), url, reason)
      for url, reason in (
          ("https://journal.ml/2026/11/20/crue-du-fleuve-a-mopti/", None),
          ("https://journal.ml/fr/2026/0457.html", None),
          ("https://journal.ml/2026/11/20/", "links"),
          ("https://journal.ml/societe/crue-du-fleuve-a-mopti/", "links"),
      )),
    # a path of one word is a section's front: with a third of its text in links it is teasers, not a story; the
    # same teasers under a longer path, or on a page calling itself an article, are judged as before
    *((_page(f"<h1>Rubrique</h1>{teasers}", og_type), url, reason)
      for teasers, og_type, url, reason in (
          (TEASERS, None, "https://journal.ml/economie", "section's front"),
          (TEASERS, "website", "https://journal.ml/economie/", "calls itself"),
          (TEASERS_EN, None, "https://journal.ml/business/", "section's front"),
          (TEASERS_AR, None, "https://journal.ml/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF", "section's front"),
          (TEASERS, None, "https://journal.ml/economie/marches-du-jour", None),
          (TEASERS, "article", "https://journal.ml/economie", None),
      )),
    (_page(f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>"),
     "https://journal.ml/mopti", None),
    # a shop's own types: a product's page and a shelf of them are no story, whatever their URL
    *((_page(f"<article><h1>Sac de riz de Mopti, 25 kg</h1>{PARAGRAPHS}</article>", og_type), url, reason)
      for og_type, url, reason in (
          ("product", "https://boutique.ml/produits/sac-de-riz-de-mopti-25-kg", "shop's type"),
          ("product.group", "https://boutique.ml/collections/riz-et-cereales", "shop's type"),
          ("article", "https://boutique.ml/produits/sac-de-riz-de-mopti-25-kg", None),
          # a shop's permalinks (Shopify's, WooCommerce's) on a page that names no type, or a page's generic one
          (None, "https://boutique.ml/products/sac-de-riz-de-mopti-25-kg", "shop's product"),
          ("WebPage", "https://boutique.ml/product/sac-de-riz-de-mopti/", "shop's product"),
          (None, "https://boutique.ml/collections/riz-et-cereales?sort=prix", "shop's product"),
          (None, "https://boutique.ml/product-category/cereales/", "shop's product"),
          ("article", "https://boutique.ml/products/sac-de-riz-de-mopti-25-kg", None),
          # the word elsewhere in the path is no permalink of a shop
          (None, "https://journal.ml/economie/products-du-terroir-au-salon-de-bamako", None),
          (None, "https://journal.ml/collections/musee-national/les-masques-dogon/bamako", None),
      )),
])
def test_pages_that_are_not_articles_are_named_with_their_reason(html: bytes, url: str, reason: str | None) -> None:
    outcome = extract_article(html, url, "text/html; charset=utf-8")
    why = not_an_article(url, outcome.page_type, outcome.text, outcome.word_count, outcome.link_density,
                         discussion=outcome.discussion)
    if reason is None:
        assert why is None, (why, outcome.link_density)
    else:
        assert why is not None and reason in why[1], (why, outcome.link_density, outcome.word_count)


def _ld(node: str) -> str:
    return f'<script type="application/ld+json">{node}</script>'


REPLIES = "".join(f'<div class="message"><p>Réponse {i} : chez nous à Ségou le puits du quartier est tari depuis '
                  "la semaine dernière, la mairie promet un camion-citerne pour le marché.</p></div>" for i in range(6))
COMMENTS = "".join(f'<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><p itemprop="text">Commentaire '
                   f"{i} : merci pour cet article sur la crue.</p></div>" for i in range(3))
ARTICLE_LD = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Mopti prépare la saison des pluies"}'
TOPIC_LD = ('{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Puits tari à Ségou",'
            ' "author": {"@type": "Person", "name": "moussa_k"}}')
GRAPH_LD = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "منتدى"}, '
            '{"@type": "DiscussionForumPosting", "headline": "بئر الحي جافة"}]}')


@pytest.mark.parametrize(("head", "body_attrs", "main", "url", "reason"), [
    # a forum's topic in JSON-LD (XenForo, Discourse) under a URL and an og:type that say nothing against an article
    (_ld(TOPIC_LD) + '<meta property="og:type" content="article">', "",
     f"<h1>Puits tari à Ségou</h1>{REPLIES}", "https://forum.ml/threads/puits-tari-a-segou.4521/", "thread's type"),
    # a question and its answers in microdata on the body (Stack Exchange's markup)
    ("", ' itemscope itemtype="https://schema.org/QAPage"', f"<h1>Comment purifier l'eau d'un puits ?</h1>{REPLIES}",
     "https://questions.ml/questions/812/comment-purifier-l-eau-d-un-puits", "thread's type"),
    (_ld(GRAPH_LD), "", f"<h1>بئر الحي جافة</h1>{REPLIES}", "https://montada.ml/topic/77-bir", "thread's type"),
    # a story whose readers' comments are marked up as postings stays an article
    (_ld(ARTICLE_LD), "", f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}</article>{COMMENTS}",
     "https://journal.ml/2026/11/20/mopti-prepare-la-saison-des-pluies/", None),
    # the type named in the text, not declared, says nothing
    ("", "", f"<article><h1>Mopti prépare la saison des pluies</h1>{PARAGRAPHS}<p>Voir https://schema.org/QAPage"
     "</p></article>", "https://journal.ml/2026/11/20/mopti-prepare-la-saison-des-pluies/", None),
])
def test_a_thread_is_no_article(head: str, body_attrs: str, main: str, url: str, reason: str | None) -> None:
    html = (f"<html lang='fr'><head><title>Forum</title>{head}</head><body{body_attrs}><nav><ul>{MENU}</ul></nav>"
            f"<main>{main}</main></body></html>").encode()
    outcome = extract_article(html, url, "text/html; charset=utf-8")
    assert isinstance(outcome, Extracted), outcome
    why = not_an_article(url, outcome.page_type, outcome.text, outcome.word_count, outcome.link_density,
                         discussion=outcome.discussion)
    if reason is None:
        assert why is None, why
    else:
        assert why is not None and reason in why[1], why
