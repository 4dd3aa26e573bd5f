"""Write Khabar's extraction-quality corpus: French and Arabic news pages in varied layouts, with labels.

    .venv/bin/python bench/data/quality/make_corpus.py [--check]

Every page is written for Khabar: the stories (stories_fr.py, stories_ar.py) and the markup, in the
manner of the CMS families the Maghreb and Sahel press runs on (WordPress with Yoast or tagDiv themes,
Drupal, SPIP, hand-made PHP tables, hosted CMSs, React front ends with a paywall, agency wires).
Each layout carries the traps real pages set for an extractor: site names around titles, SEO titles,
bylines inside the text or signed at the end, outlet names as authors, dates only in words (French and
Arabic month names, Arabic-Indic digits), "updated" dates before "published" ones, wrong <html lang>,
JSON-LD inside @graph or missing or wrong, related-article boxes, comment threads, newsletter blocks,
"Lire aussi" lines inside the body, captions, pull quotes, author bios and paywalled teasers.

Output: ``pages/<id>.html`` and ``pages/<id>.json`` (labels: url, title, date_published (day),
authors, language, paywalled, text). ``--check`` writes nothing and exits 1 if the files differ.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories_ar import STORIES_AR  # noqa: E402
from stories_fr import STORIES_FR  # noqa: E402

OUT = HERE / "pages"
Story = dict

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
AR_MONTHS_MASHRIQ = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                     "نوفمبر", "ديسمبر"]
AR_MONTHS_DZ = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر",
                "ديسمبر"]
AR_DAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

L = {
    "fr": {"home": "Accueil", "by": "Par", "related": "À lire aussi", "similar": "Articles similaires",
           "comments": "Commentaires", "reply": "Répondre", "leave": "Laisser un commentaire",
           "newsletter": "Recevez chaque matin l'essentiel de l'actualité : inscrivez-vous à notre newsletter gratuite.",
           "subscribe": "S'inscrire", "share": "Partager", "most_read": "Les plus lus", "tags": "Mots-clés",
           "published": "Publié le", "updated": "Mis à jour le", "photo": "Photo", "ad": "Publicité",
           "paywall": "Il vous reste 70 % de cet article à lire. Cet article est réservé aux abonnés.",
           "subscribe_cta": "Abonnez-vous pour lire la suite", "login": "Déjà abonné ? Se connecter",
           "bio": "Journaliste au service {section} depuis 2014, spécialiste des questions régionales.",
           "same_topic": "Sur le même sujet", "source": "Source", "read_more": "Lire la suite",
           "sections": ["Politique", "Économie", "Société", "Culture", "Sport", "International"]},
    "ar": {"home": "الرئيسية", "by": "بقلم", "related": "اقرأ أيضا", "similar": "مقالات ذات صلة",
           "comments": "التعليقات", "reply": "رد", "leave": "اترك تعليقا",
           "newsletter": "اشترك في نشرتنا الإخبارية لتصلك أهم الأخبار كل صباح مجانا.",
           "subscribe": "اشترك", "share": "شارك", "most_read": "الأكثر قراءة", "tags": "الكلمات المفتاحية",
           "published": "نشر في", "updated": "آخر تحديث", "photo": "صورة", "ad": "إعلان",
           "paywall": "هذا المقال مخصص للمشتركين فقط. اشترك لقراءة المقال كاملا.",
           "subscribe_cta": "اشترك الآن", "login": "لديك حساب؟ تسجيل الدخول",
           "bio": "صحفي بقسم {section} منذ 2014، مهتم بالشؤون الجهوية.",
           "same_topic": "في نفس الموضوع", "source": "المصدر", "read_more": "اقرأ المزيد",
           "sections": ["سياسة", "اقتصاد", "مجتمع", "ثقافة", "رياضة", "دولي"]},
}

OTHER_HEADLINES = {
    "fr": ["Le prix de la semoule encore en hausse dans les marchés de gros",
           "Football : la sélection nationale convoque trois nouveaux joueurs",
           "Université : les résultats du baccalauréat publiés jeudi",
           "Météo : des orages attendus sur le littoral en fin de semaine",
           "Banque centrale : le taux directeur maintenu inchangé"],
    "ar": ["أسعار السميد تواصل الارتفاع في أسواق الجملة",
           "المنتخب الوطني يستدعي ثلاثة لاعبين جدد",
           "الإعلان عن نتائج البكالوريا يوم الخميس",
           "توقع أمطار رعدية على المناطق الساحلية نهاية الأسبوع",
           "البنك المركزي يبقي على سعر الفائدة دون تغيير"],
}

COMMENTS = {
    "fr": [("Karim31", "Enfin une bonne nouvelle, mais on attend de voir sur le terrain avant d'applaudir."),
           ("Citoyen lambda", "Toujours les mêmes promesses, rien ne change depuis des années dans notre région."),
           ("Fatima Z.", "Merci pour cet article très complet, il manque seulement l'avis des habitants concernés."),
           ("Observateur", "Il faudrait surtout parler du financement, personne ne dit qui va payer tout cela.")],
    "ar": [("أبو يوسف", "خبر جميل لكن ننتظر التطبيق على أرض الواقع قبل أن نفرح."),
           ("مواطن غيور", "نفس الوعود كل سنة ولا شيء يتغير في منطقتنا للأسف."),
           ("سعاد", "شكرا على هذا المقال، كان من الأفضل أخذ رأي السكان المعنيين."),
           ("متابع", "السؤال الحقيقي هو من سيمول كل هذه المشاريع.")],
}


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def moment(story: Story) -> datetime:
    return datetime.fromisoformat(story["date"])


def fr_words(when: datetime, weekday: bool = True, clock: bool = True) -> str:
    day = "1er" if when.day == 1 else str(when.day)
    text = f"{day} {FR_MONTHS[when.month - 1]} {when.year}"
    if weekday:
        text = f"{FR_DAYS[when.weekday()]} {text}"
    return text + (f" à {when.hour:02d}h{when.minute:02d}" if clock else "")


def ar_words(when: datetime, months: list[str] = AR_MONTHS_MASHRIQ, weekday: bool = True, clock: bool = True,
             indic: bool = False) -> str:
    text = f"{when.day} {months[when.month - 1]} {when.year}"
    if weekday:
        text = f"{AR_DAYS[when.weekday()]} {text}"
    if clock:
        text += f" - {when.hour:02d}:{when.minute:02d}"
    return text.translate(AR_DIGITS) if indic else text


def words(story: Story, **kw: object) -> str:
    when = moment(story)
    return fr_words(when, **kw) if story["lang"] == "fr" else ar_words(when, **kw)  # type: ignore[arg-type]


def join_names(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {'et' if lang == 'fr' else 'و'} {names[-1]}"


def head(title: str, lang: str, extra: str = "", direction: str | None = None, lang_attr: str | None = "") -> str:
    lang_attr = lang if lang_attr == "" else lang_attr
    attrs = (f' lang="{lang_attr}"' if lang_attr else "") + (f' dir="{direction}"' if direction else "")
    return (f'<!DOCTYPE html>\n<html{attrs}>\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f'<link rel="stylesheet" href="/assets/css/main.css?v=4.2">\n{extra}\n</head>\n')


def nav(lang: str, cls: str = "main-nav") -> str:
    items = "".join(f'<li><a href="/{i}/">{s}</a></li>' for i, s in enumerate(L[lang]["sections"]))
    return f'<nav class="{cls}"><ul><li><a href="/">{L[lang]["home"]}</a></li>{items}</ul></nav>\n'


def related(lang: str, cls: str = "related-posts", title_key: str = "similar", count: int = 4) -> str:
    items = "".join(f'<li><a href="/article/{i}"><img src="/img/{i}.jpg" alt=""><span>{esc(h)}</span></a></li>'
                    for i, h in enumerate(OTHER_HEADLINES[lang][:count]))
    return f'<div class="{cls}"><h3>{L[lang][title_key]}</h3><ul>{items}</ul></div>\n'


def comments(lang: str, count: int = 3, wp: bool = True) -> str:
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{esc(n)}</b>'
        f'<time datetime="2026-11-20T10:0{i}:00+01:00">20/11/2026</time></footer><div class="comment-content">'
        f'<p>{esc(t)}</p></div><a class="comment-reply-link" href="#">{L[lang]["reply"]}</a></article></li>'
        for i, (n, t) in enumerate(COMMENTS[lang][:count]))
    form = (f'<div id="respond"><h3>{L[lang]["leave"]}</h3><form action="/wp-comments-post.php" method="post">'
            '<textarea name="comment"></textarea><input name="author"><input type="submit"></form></div>')
    tag = "div id=\"comments\" class=\"comments-area\"" if wp else "section class=\"commentaires\""
    return f'<{tag}><h2 class="comments-title">{L[lang]["comments"]} ({count})</h2><ol class="comment-list">{items}</ol>{form if wp else ""}</{tag.split()[0]}>\n'


def newsletter(lang: str) -> str:
    return (f'<div class="newsletter-box"><p>{L[lang]["newsletter"]}</p><form><input type="email" placeholder="Email">'
            f'<button>{L[lang]["subscribe"]}</button></form></div>\n')


def share(lang: str) -> str:
    return (f'<div class="share-buttons"><span>{L[lang]["share"]}</span><a href="#">Facebook</a><a href="#">X</a>'
            '<a href="#">WhatsApp</a><a href="#">LinkedIn</a></div>\n')


def read_also(lang: str, index: int = 0) -> str:
    return f'<p><strong>{L[lang]["related"]} :</strong> <a href="/article/r{index}">{esc(OTHER_HEADLINES[lang][index])}</a></p>'


def figure(lang: str, story: Story) -> str:
    credit = "DR" if lang == "fr" else "أرشيف"
    return (f'<figure class="wp-caption"><img src="/uploads/{story["slug"]}.jpg" alt="{esc(story["title"])}">'
            f'<figcaption>{esc(story["tags"][0].capitalize())} ({L[lang]["photo"]} : {credit})</figcaption></figure>')


def paras(story: Story, upto: int | None = None) -> list[str]:
    return [f"<p>{esc(p)}</p>" for p in story["paragraphs"][:upto]]


def footer(site: str, lang: str) -> str:
    return (f'<footer class="site-footer"><div class="footer-widgets">{related(lang, "footer-latest", "most_read", 3)}'
            f'</div><p>© 2026 {esc(site)}. {"Tous droits réservés." if lang == "fr" else "جميع الحقوق محفوظة."}</p>'
            '</footer>\n</body>\n</html>\n')


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def og(story: Story, site: str, url: str, title: str | None = None, published: bool = True) -> str:
    tags = [("og:type", "article"), ("og:title", title or story["title"]), ("og:url", url), ("og:site_name", site),
            ("og:image", url.split("/", 3)[0] + "//" + url.split("/")[2] + f"/uploads/{story['slug']}.jpg"),
            ("og:description", story["paragraphs"][0][:150])]
    if published:
        tags.append(("article:published_time", story["date"]))
    tags += [("article:section", story["section"])] + [("article:tag", t) for t in story["tags"]]
    return "\n".join(f'<meta property="{k}" content="{esc(v)}">' for k, v in tags)


# --- layouts -------------------------------------------------------------------------------------
# Each returns (html, overrides of the labels) for one story; the labels default to the story itself.


def wp_yoast(story: Story, site: str, url: str) -> tuple[str, dict]:
    """WordPress + Yoast: @graph JSON-LD with Person @id references, entry-content with a caption and a
    'Lire aussi' line, Jetpack related posts, a comment thread and a newsletter block."""
    lang, base = story["lang"], url.split("/", 3)[:3]
    home = "/".join(base) + "/"
    people = [{"@type": "Person", "@id": f"{home}#/schema/person/{i}", "name": n} for i, n in enumerate(story["authors"])]
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": url + "#article", "isPartOf": {"@id": url},
         "author": [{"@id": p["@id"]} for p in people] or {"@id": home + "#organization"},
         "headline": story["title"], "datePublished": story["date"], "dateModified": story["date"],
         "publisher": {"@id": home + "#organization"}, "articleSection": [story["section"]],
         "keywords": story["tags"], "inLanguage": "fr-FR" if lang == "fr" else "ar"},
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{story['title']} - {site}"},
        {"@type": "Organization", "@id": home + "#organization", "name": site}, *people]}
    body = paras(story)
    body.insert(1, figure(lang, story))
    body.insert(3, read_also(lang, 1))
    byline = " ".join(f'<span class="author vcard"><a class="url fn n" href="/author/{i}">{esc(n)}</a></span>'
                      for i, n in enumerate(story["authors"]))
    credit = f'<span class="byline"> {L[lang]["by"]} {byline}</span>' if story["authors"] else ""
    page = (head(f"{story['title']} - {site}", lang, og(story, site, url) + jsonld(graph),
                 "rtl" if lang == "ar" else None, "fr-FR" if lang == "fr" else "ar")
            + f'<body class="post-template-default single single-post">\n<header id="masthead"><p class="site-title">'
            f'<a href="/">{esc(site)}</a></p>{nav(lang)}</header>\n<main id="main"><article class="post type-post">'
            f'<header class="entry-header"><span class="cat-links"><a href="/c/">{esc(story["section"])}</a></span>'
            f'<h1 class="entry-title">{esc(story["title"])}</h1><div class="entry-meta"><span class="posted-on">'
            f'<time class="entry-date published" datetime="{story["date"]}">{esc(words(story, clock=False))}</time>'
            f'</span>{credit}</div></header>\n<div class="entry-content">{"".join(body)}</div>\n'
            f'<footer class="entry-footer"><span class="tags-links">{", ".join(esc(t) for t in story["tags"])}</span></footer>'
            f'</article>\n{newsletter(lang)}<div id="jp-relatedposts" class="jp-relatedposts">{related(lang)}</div>'
            f'{comments(lang)}</main>\n<aside id="secondary">{related(lang, "widget popular-posts", "most_read")}</aside>\n'
            + footer(site, lang))
    return page, {}


def wp_tagdiv(story: Story, site: str, url: str) -> tuple[str, dict]:
    """WordPress + a tagDiv-style theme: <html lang="en-US"> left at the theme default, the outlet as the meta
    author, the real byline in a theme class, share bars above and below, 'similar articles', a reply form."""
    lang = story["lang"]
    agencies = f" ({'avec' if lang == 'fr' else 'مع'} {', '.join(story['agencies'])})" if story["agencies"] else ""
    author = (f'<div class="td-post-author-name"><div class="td-author-by">{L[lang]["by"]}</div> '
              f'<a href="/author/x/">{esc(join_names(story["authors"], lang))}</a>{esc(agencies)}</div>')
    page = (head(f"{story['title']} | {site}", lang,
                 og(story, site, url) + f'\n<meta name="author" content="{esc(site)}">', "rtl" if lang == "ar" else None,
                 "en-US")
            + f'<body class="post-template-default single td-standard-pack">\n<div class="td-header-wrap">'
            f'<div class="td-header-sp-logo"><a class="td-main-logo" href="/"><span class="td-visual-hidden">{esc(site)}'
            f'</span></a></div>{nav(lang, "td-header-menu-wrap")}</div>\n<div class="td-post-header"><ul class="td-category">'
            f'<li><a class="td-post-category" href="/c/">{esc(story["section"])}</a></li></ul><header class="td-post-title">'
            f'<h1 class="entry-title">{esc(story["title"])}</h1><div class="td-module-meta-info">{author}'
            f'<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{story["date"]}">'
            f'{moment(story):%d/%m/%Y}</time></span><div class="td-post-views"><span>1532</span></div></div></header></div>\n'
            f'{share(lang)}<div class="td-post-content tagdiv-type">{"".join(paras(story))}</div>\n{share(lang)}'
            f'<div class="td-post-source-tags"><ul class="td-tags">{"".join(f"<li><a>{esc(t)}</a></li>" for t in story["tags"])}'
            f'</ul></div>\n<div class="td_block_related_posts">{related(lang, "td-related", "similar", 5)}</div>'
            f'{comments(lang, 2)}\n' + footer(site, lang))
    return page, {}


def drupal(story: Story, site: str, url: str) -> tuple[str, dict]:
    """Drupal: no OpenGraph, the date only in words, the byline as the first paragraph of the body field,
    the agency in parentheses, tags and a 'same topic' view block."""
    lang = story["lang"]
    names = join_names(story["authors"], lang)
    credit = names + (f" ({', '.join(story['agencies'])})" if story["agencies"] else "") if names else \
        ", ".join(story["agencies"])
    first = f"<p><strong>{L[lang]['by']} {esc(credit)}</strong></p>" if credit else ""
    when = moment(story)
    stamp = fr_words(when).replace(" à ", " - ").replace("h", ":") if lang == "fr" else ar_words(when, AR_MONTHS_DZ)
    page = (head(f"{story['title']} | {site}", lang, f'<meta name="description" content="{esc(story["paragraphs"][0][:160])}">'
                 f'\n<link rel="canonical" href="{url}">\n<meta name="Generator" content="Drupal 10">',
                 "rtl" if lang == "ar" else None)
            + f'<body class="path-node page-node-type-article">\n<div class="region region-header"><a href="/" class="site-logo">'
            f'{esc(site)}</a></div>{nav(lang, "menu--main")}<div class="region region-content"><article class="node node--type-article">'
            f'<h1 class="page-title"><span class="field field--name-title">{esc(story["title"])}</span></h1>'
            f'<div class="field field--name-created">{esc(stamp)}</div>\n<div class="field field--name-body">{first}'
            f'{"".join(paras(story))}</div>\n<div class="field field--name-field-tags"><div class="field__label">'
            f'{L[lang]["tags"]}</div>{"".join(f"<div class=field__item><a>{esc(t)}</a></div>" for t in story["tags"])}</div>'
            f'</article><div class="views-element-container block-views-blocksame-topic"><h2>{L[lang]["same_topic"]}</h2>'
            f'{related(lang, "view-content", "similar", 3)}</div></div>\n' + footer(site, lang))
    return page, {}


def spip(story: Story, site: str, url: str) -> tuple[str, dict]:
    """SPIP: a machine date in an <abbr title>, the author in a vcard, a chapo, and a forum of replies."""
    lang = story["lang"]
    authors = ", ".join(f'<span class="vcard author"><a class="url fn spip_in" href="/auteur{i}">{esc(n)}</a></span>'
                        for i, n in enumerate(story["authors"]))
    forum = "".join(f'<div class="forum-message"><div class="forum-chapo"><strong>{esc(n)}</strong> — 21 novembre 2026</div>'
                    f'<div class="forum-texte"><p>{esc(t)}</p></div><a href="#">Répondre à ce message</a></div>'
                    for n, t in COMMENTS[lang][:3])
    page = (head(f"{story['title']} - {site}", lang, '<meta name="generator" content="SPIP 4.2">\n'
                 '<link rel="alternate" type="application/rss+xml" href="/spip.php?page=backend">', "ltr")
            + f'<body class="page_article">\n<div class="page"><div class="header"><a class="logo" href="/">{esc(site)}</a>'
            f'{nav(lang, "menu-conteneur")}</div><div class="main"><div class="wrapper"><div class="content hentry" id="content">'
            f'<p class="arbo"><a href="/">{L[lang]["home"]}</a> &gt; <a href="/rubrique3">{esc(story["section"])}</a></p>'
            f'<div class="cartouche"><h1 class="surlignable">{esc(story["title"])}</h1><p class="info-publi">'
            f'<abbr class="published" title="{moment(story):%Y-%m-%dT%H:%M:%SZ}">{esc(words(story, clock=False))}</abbr>, '
            f'par {authors}</p></div>\n<div class="surlignable"><div class="texte">{"".join(paras(story))}</div></div>\n'
            f'<div class="forum"><h2>Forum de l\'article</h2>{forum}</div></div></div></div>'
            f'<div class="aside">{related(lang, "menu-articles", "same_topic", 5)}</div></div>\n' + footer(site, lang))
    return page, {}


def legacy_table(story: Story, site: str, url: str) -> tuple[str, dict]:
    """Hand-made PHP on tables: <title> is only the site name, the headline in a div, the logo in <h1>,
    the date as digits in a 'Publié le' line, the author signed at the end of the text."""
    lang = story["lang"]
    when = moment(story)
    if lang == "fr":
        dateline = f"{L[lang]['published']} {when:%d/%m/%Y} à {when:%Hh%M}"
    else:
        dateline = f"{L[lang]['published']} {ar_words(when, AR_MONTHS_DZ, weekday=True, clock=True)}"
    signature = f'<p align="right"><b>{esc(join_names(story["authors"], lang))}</b></p>' if story["authors"] else ""
    page = (head(site, lang, "", "rtl" if lang == "ar" else None, None)
            + f'<body bgcolor="#ffffff"><table width="100%" cellpadding="0" cellspacing="0"><tr><td><h1 class="logo">'
            f'<a href="/">{esc(site)}</a></h1></td><td>{nav(lang, "menu")}</td></tr></table>\n<table width="990" align="center">'
            f'<tr><td width="220" valign="top" class="gauche">{related(lang, "plus-lus", "most_read", 5)}</td>'
            f'<td valign="top"><div class="rubrique">{esc(story["section"])}</div><div class="titre">{esc(story["title"])}</div>'
            f'<div class="date">{esc(dateline)}</div><div class="texte">{"".join(paras(story))}{signature}</div>'
            f'<div class="imprimer"><a href="#">Imprimer</a> | <a href="#">Envoyer</a></div>'
            f'{comments(lang, 4, wp=False)}</td></tr></table>\n' + footer(site, lang))
    return page, {}


def react_paywall(story: Story, site: str, url: str, flag: bool = True) -> tuple[str, dict]:
    """A React front end: JSON-LD NewsArticle (isAccessibleForFree false when `flag`), an SEO og:title, and a
    teaser of two paragraphs cut by a subscription wall."""
    lang = story["lang"]
    seo = story["title"] + (" : ce qu'il faut savoir" if lang == "fr" else " .. التفاصيل")
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": seo,
            "datePublished": story["date"], "dateModified": story["date"], "inLanguage": lang,
            "author": [{"@type": "Person", "name": n} for n in story["authors"]],
            "publisher": {"@type": "NewsMediaOrganization", "name": site}, "articleSection": story["section"]}
    if flag:
        data["isAccessibleForFree"] = False
        data["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".article-premium"}
    wall = (f'<div class="article-premium paywall-gate"><p class="paywall-lead">{L[lang]["paywall"]}</p>'
            f'<a class="btn" href="/abonnement">{L[lang]["subscribe_cta"]}</a><a href="/login">{L[lang]["login"]}</a></div>')
    names = join_names(story["authors"], lang)
    page = (head(f"{story['title']} - {site}", lang, og(story, site, url, seo) + jsonld(data),
                 "rtl" if lang == "ar" else None)
            + f'<body><div id="__next"><header class="Header_root__x1"><a href="/" aria-label="{esc(site)}">{esc(site)}</a>'
            f'{nav(lang, "Header_nav__a2")}</header><main><article data-testid="article">'
            f'<div class="Kicker_root">{esc(story["section"])}</div><h1 data-testid="headline">{esc(story["title"])}</h1>'
            f'<div class="Byline_root">{L[lang]["by"]} <a href="/auteurs/1">{esc(names)}</a> · '
            f'<time datetime="{story["date"]}">{esc(words(story))}</time></div>'
            f'<div class="ArticleBody_root">{"".join(paras(story, 2))}</div>{wall}</article>'
            f'<section class="Recirculation">{related(lang, "Reco_list", "similar", 4)}</section></main></div>\n'
            f'<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"id":"{story["slug"]}"}}}}}}</script>\n'
            + footer(site, lang))
    return page, {"paywalled": True, "text": "\n".join(story["paragraphs"][:2])}


def react_paywall_phrase(story: Story, site: str, url: str) -> tuple[str, dict]:
    """The same front end with no JSON-LD flag: only the wall's words and class say it is a teaser."""
    page, labels = react_paywall(story, site, url, flag=False)
    return page, labels


AGENCY_CITY = {"fr": {"APS": "ALGER", "AFP": "NIAMEY", "MAP": "RABAT"},
               "ar": {"APS": "الجزائر", "AFP": "نيامي", "MAP": "الرباط"}}
AGENCY_AR = {"APS": "واج", "AFP": "أ ف ب", "MAP": "و م ع"}


def agency_wire(story: Story, site: str, url: str) -> tuple[str, dict]:
    """An agency dispatch: 'ALGER, 15 mars (APS) -' opening the text, the agency as meta author, the title
    prefixed by the site name, a numeric date line."""
    lang = story["lang"]
    agency = story["agencies"][0]
    when = moment(story)
    if lang == "fr":
        lead = f"{AGENCY_CITY[lang][agency]}, {when.day} {FR_MONTHS[when.month - 1][:4].rstrip('.')}. ({agency}) - "
    else:
        lead = f"{AGENCY_CITY[lang][agency]} - ({AGENCY_AR[agency]}) - "
    first = lead + story["paragraphs"][0]
    body = [f"<p>{esc(first)}</p>"] + paras(story)[1:]
    page = (head(f"{site} : {story['title']}", lang, f'<meta name="author" content="{agency}">\n'
                 f'<meta name="description" content="{esc(story["paragraphs"][0][:150])}">', "rtl" if lang == "ar" else None)
            + f'<body>\n<div id="header"><a href="/"><img src="/logo.png" alt="{esc(site)}"></a>{nav(lang)}</div>\n'
            f'<div id="content"><div class="breadcrumb"><a href="/">{L[lang]["home"]}</a> / {esc(story["section"])}</div>'
            f'<div class="news-item"><h2 class="news-title">{esc(story["title"])}</h2><span class="date">'
            f'{when:%d/%m/%Y %H:%M}</span><div class="news-body">{"".join(body)}</div></div>'
            f'<div class="autres-depeches">{related(lang, "liste", "same_topic", 5)}</div></div>\n' + footer(site, lang))
    return page, {"text": "\n".join([first, *story["paragraphs"][1:]])}


def hosted(story: Story, site: str, url: str) -> tuple[str, dict]:
    """A hosted CMS: the headline in an <h2>, author, date in words and read count on one line."""
    lang = story["lang"]
    line = f'<a href="/auteur">{esc(join_names(story["authors"], lang))}</a> | {esc(words(story).capitalize())} | Lu 2841 fois'
    page = (head(story["title"], lang, og(story, site, url, published=False), "rtl" if lang == "ar" else None)
            + f'<body><div id="z_col0">{nav(lang, "menu")}<div id="z_col1"><div class="titre_rubrique">{esc(story["section"])}</div>'
            f'<div class="access firstChild"><h2 class="titre">{esc(story["title"])}</h2><div class="auteur">{line}</div>'
            f'<div class="texte">{"".join(paras(story)[:2])}{share(lang)}{"".join(paras(story)[2:])}</div>'
            f'{newsletter(lang)}</div><div class="articles_lies">{related(lang, "dans-la-rubrique", "same_topic", 3)}</div>'
            f'</div></div>\n' + footer(site, lang))
    return page, {}


def wrong_metadata(story: Story, site: str, url: str) -> tuple[str, dict]:
    """Metadata that lies: JSON-LD with the site as author, no datePublished but a later dateModified,
    a truncated headline, og:locale of another language, <html lang> of the other edition; the page
    itself shows the true date in words and the byline."""
    lang = story["lang"]
    when = moment(story)
    later = when.replace(day=min(when.day + 2, 28))
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story["title"][:40] + "...",
            "dateModified": later.isoformat(), "author": {"@type": "Organization", "name": site},
            "publisher": {"@type": "Organization", "name": site}}
    other = "ar" if lang == "fr" else "fr"
    byline = f'<p class="post-author">{L[lang]["by"]} {esc(join_names(story["authors"], lang))}</p>' if story["authors"] else ""
    page = (head(f"{story['title']} » {site}", lang, jsonld(data) + '\n<meta property="og:locale" content="en_US">'
                 f'\n<meta property="og:title" content="{esc(story["title"])}">', "rtl" if lang == "ar" else None, other)
            + f'<body>\n<header>{nav(lang)}</header><div class="container"><div class="post-single">'
            f'<h1 class="post-heading">{esc(story["title"])}</h1><div class="post-meta">{L[lang]["published"]} '
            f'{esc(words(story))}</div>{byline}<div class="post-body">{"".join(paras(story))}</div>{share(lang)}'
            f'</div>{related(lang, "more-news", "related")}{comments(lang, 2)}</div>\n' + footer(site, lang))
    return page, {}


def modified_first(story: Story, site: str, url: str) -> tuple[str, dict]:
    """A date line that gives the update before the publication, and only article:modified_time in meta."""
    lang = story["lang"]
    when = moment(story)
    later = when.replace(day=min(when.day + 1, 28), hour=10, minute=0)
    if lang == "fr":
        line = f"{L[lang]['updated']} {fr_words(later, weekday=False)} | {L[lang]['published']} {fr_words(when, weekday=False)}"
    else:
        line = f"{L[lang]['updated']}: {ar_words(later, weekday=False)} | {L[lang]['published']}: {ar_words(when, weekday=False)}"
    page = (head(f"{story['title']} – {site}", lang, f'<meta property="og:title" content="{esc(story["title"])}">'
                 f'\n<meta property="article:modified_time" content="{later.isoformat()}">'
                 f'\n<meta property="og:site_name" content="{esc(site)}">', "rtl" if lang == "ar" else None)
            + f'<body>\n<div class="top-bar">{nav(lang)}</div><main class="article-page"><h1>{esc(story["title"])}</h1>'
            f'<div class="article-dates">{esc(line)}</div><div class="article-author">{L[lang]["by"]} '
            f'{esc(join_names(story["authors"], lang))}</div><div class="article-text">{"".join(paras(story)[:2])}'
            f'{newsletter(lang)}{"".join(paras(story)[2:])}</div></main>{related(lang, "also-read", "related")}\n'
            + footer(site, lang))
    return page, {}


def signed_end(story: Story, site: str, url: str) -> tuple[str, dict]:
    """Authors signed after the text ('Par A et B' in a signature block), inline 'Lire aussi' lines, photo
    credits, a mid-article newsletter block; OpenGraph dates and a WebPage-only JSON-LD."""
    lang = story["lang"]
    body = paras(story)
    body.insert(2, read_also(lang, 2))
    body.insert(1, newsletter(lang))
    data = {"@context": "https://schema.org", "@type": "WebPage", "name": story["title"], "url": url}
    page = (head(f"{story['title']} - {site}", lang, og(story, site, url) + jsonld(data), "rtl" if lang == "ar" else None)
            + f'<body>\n<header class="site-header">{nav(lang)}</header><div class="article-wrap"><span class="rubrique">'
            f'{esc(story["section"])}</span><h1 class="article-title">{esc(story["title"])}</h1><div class="article-content">'
            f'{figure(lang, story)}{"".join(body)}</div><div class="signature">{L[lang]["by"]} '
            f'{esc(join_names(story["authors"], lang))}</div><div class="tags">{" ".join(esc(t) for t in story["tags"])}</div>'
            f'</div>{related(lang)}\n' + footer(site, lang))
    return page, {}


def magazine(story: Story, site: str, url: str) -> tuple[str, dict]:
    """A long read: ReportageNewsArticle JSON-LD, a pull quote repeating a sentence, captions and an author bio."""
    lang = story["lang"]
    data = {"@context": "https://schema.org", "@type": "ReportageNewsArticle", "headline": story["title"],
            "datePublished": story["date"], "author": {"@type": "Person", "name": story["authors"][0]},
            "publisher": {"@type": "Organization", "name": site}, "articleSection": story["section"]}
    body = paras(story)
    quote = story["paragraphs"][2].split(",")[0]
    body.insert(3, f'<aside class="pull-quote"><blockquote>« {esc(quote)} »</blockquote></aside>')
    body.insert(1, figure(lang, story))
    bio = L[lang]["bio"].format(section=story["section"])
    page = (head(f"{story['title']} | {site}", lang, og(story, site, url) + jsonld(data), "rtl" if lang == "ar" else None)
            + f'<body class="longform">\n<header>{nav(lang)}</header><article class="longform-article"><header class="hero">'
            f'<p class="kicker">{esc(story["section"])}</p><h1 class="hero-title">{esc(story["title"])}</h1>'
            f'<p class="hero-byline">{L[lang]["by"]} <a rel="author" href="/auteur/1">{esc(story["authors"][0])}</a>, '
            f'<time datetime="{story["date"]}">{esc(words(story, clock=False))}</time></p></header>'
            f'<div class="longform-body">{"".join(body)}</div><div class="author-bio"><img src="/a.jpg" alt="">'
            f'<p><strong>{esc(story["authors"][0])}</strong></p><p>{esc(bio)}</p></div></article>'
            f'{related(lang, "more", "similar")}{comments(lang, 4)}\n' + footer(site, lang))
    return page, {}


def ar_portal(story: Story, site: str, url: str) -> tuple[str, dict]:
    """A big Arabic portal: the date in words with Arabic-Indic digits, 'site - city' credit before the
    author's name, a long visitor comment thread, a newsletter block."""
    lang = story["lang"]
    credit = f"{site} - {join_names(story['authors'], lang)}" if story["authors"] else site
    page = (head(f"{story['title']} | {site}", lang, f'<meta property="og:title" content="{esc(story["title"])}">'
                 f'\n<meta property="og:site_name" content="{esc(site)}">\n<meta name="keywords" content="{esc(", ".join(story["tags"]))}">',
                 "rtl")
            + f'<body>\n<header class="header">{nav(lang, "navbar")}</header><div class="article-container">'
            f'<div class="breadcrumb"><a href="/">{L[lang]["home"]}</a> / <a href="/c">{esc(story["section"])}</a></div>'
            f'<h1 class="post-title">{esc(story["title"])}</h1><div class="post-info"><span class="author">{esc(credit)}</span>'
            f'<span class="date-post">{esc(ar_words(moment(story), indic=True))}</span></div>{share(lang)}'
            f'<div class="article-content">{figure(lang, story)}{"".join(paras(story))}'
            f'{"".join(f"<p>({esc(a)})</p>" for a in story["agencies"])}</div>'
            f'{newsletter(lang)}<div class="comments-area"><h4>تعليقات الزوار</h4>{comments(lang, 4, wp=False)}</div>'
            f'</div>{related(lang, "sidebar-most-read", "most_read", 5)}\n' + footer(site, lang))
    return page, {}


def ar_graph(story: Story, site: str, url: str) -> tuple[str, dict]:
    """An Arabic international site: NewsArticle inside @graph with an image object and keywords string, a
    closing 'source' line, related cards in <aside>, <title> with the site name first."""
    lang = story["lang"]
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": site, "url": url.split("/", 3)[0] + "//" + url.split("/")[2] + "/"},
        {"@type": "NewsArticle", "headline": story["title"], "datePublished": story["date"],
         "author": [{"@type": "Person", "name": n} for n in story["authors"]],
         "image": {"@type": "ImageObject", "url": f"/wp-content/uploads/{story['slug']}.jpg"},
         "keywords": ",".join(story["tags"]), "inLanguage": "ar"}]}
    page = (head(f"{site} | {story['title']}", lang, jsonld(data), "rtl")
            + f'<body>\n<header>{nav(lang)}</header><main><div class="article-header"><div class="topics">'
            f'{esc(story["section"])}</div><h1>{esc(story["title"])}</h1><div class="article-info">'
            f'<span class="article-author-name">{esc(join_names(story["authors"], lang))}</span>'
            f'<span class="date-simple">{esc(ar_words(moment(story), weekday=False, clock=False))}</span></div></div>'
            f'<div class="wysiwyg">{"".join(paras(story))}<p>{L[lang]["source"]}: {esc(site)} + وكالات</p></div>'
            f'<aside class="more-on">{related(lang, "cards", "similar", 4)}</aside></main>\n' + footer(site, lang))
    return page, {}


# --- held-out layouts ------------------------------------------------------------------------------
# Written after the extractor's rules were frozen on the pages above, and scored once before any change:
# their first scores are the honest estimate of how the rules carry over (bench prints them apart).


def jannah_relative(story: Story, site: str, url: str) -> tuple[str, dict]:
    """A Jannah-style WordPress theme: only a relative date on the page ("منذ 3 ساعات"), the real one in
    JSON-LD; the author in a meta-author span; post tags and 'related' cards under the text."""
    lang = story["lang"]
    rel = "il y a 3 heures" if lang == "fr" else "منذ 3 ساعات"
    data = {"@context": "http://schema.org", "@type": "Article", "dateCreated": story["date"],
            "datePublished": story["date"], "headline": story["title"],
            "author": {"@type": "Person", "name": story["authors"][0] if story["authors"] else site},
            "publisher": {"@type": "Organization", "name": site}, "mainEntityOfPage": {"@type": "WebPage", "@id": url}}
    author = (f'<span class="meta-author"><a class="author-name tie-icon" href="/author/a/">{esc(story["authors"][0])}</a></span>'
              if story["authors"] else "")
    page = (head(f"{story['title']} - {site}", lang, jsonld(data), "rtl" if lang == "ar" else None)
            + f'<body id="tie-body">\n<div class="background-overlay"><div id="tie-container">{nav(lang, "main-nav-wrapper")}'
            f'<div id="content" class="site-content container"><div class="main-content tie-col-md-8"><article id="the-post" class="container-wrapper post-content">'
            f'<header class="entry-header-outer"><div class="entry-header"><span class="post-cat-wrap"><a class="post-cat">'
            f'{esc(story["section"])}</a></span><h1 class="post-title entry-title">{esc(story["title"])}</h1>'
            f'<div class="post-meta clearfix">{author}<span class="date meta-item tie-icon">{rel}</span>'
            f'<div class="tie-alignright"><span class="meta-views meta-item">1,204</span></div></div></div></header>'
            f'<div class="entry-content entry clearfix">{"".join(paras(story))}</div>'
            f'<div class="post-bottom-meta post-bottom-tags"><span class="tagcloud">{"".join(f"<a>{esc(t)}</a>" for t in story["tags"])}</span></div>'
            f'</article><div id="related-posts" class="container-wrapper">{related(lang)}</div></div></div></div></div>\n'
            + footer(site, lang))
    return page, {"authors": story["authors"][:1]}


def interview(story: Story, site: str, url: str) -> tuple[str, dict]:
    """An interview: 'Propos recueillis par' above the text, the agency credit in the meta author tag."""
    lang = story["lang"]
    lead = ("Propos recueillis par " if lang == "fr" else "حاوره: ") + join_names(story["authors"], lang)
    page = (head(f"{story['title']} – {site}", lang, f'<meta name="author" content="{esc(site)}">'
                 f'\n<meta property="article:published_time" content="{story["date"]}">', "rtl" if lang == "ar" else None)
            + f'<body>\n<header>{nav(lang)}</header><main><article><h1>{esc(story["title"])}</h1>'
            f'<div class="chapeau"><p>{esc(story["paragraphs"][0][:90])}…</p></div>'
            f'<div class="contenu"><p><em>{esc(lead)}</em></p>{"".join(paras(story))}</div></article>'
            f'<section class="lire-aussi">{related(lang, "liste-lire-aussi", "related", 3)}</section></main>\n'
            + footer(site, lang))
    return page, {}


def amp(story: Story, site: str, url: str) -> tuple[str, dict]:
    """An AMP page: <html amp>, NewsArticle JSON-LD with the author as a plain string 'A et B', amp-img."""
    lang = story["lang"]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story["title"],
            "datePublished": story["date"], "author": join_names(story["authors"], lang) or site,
            "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "/logo.png"}},
            "image": [f"/img/{story['slug']}.jpg"]}
    page = (f'<!doctype html>\n<html amp lang="{lang}"{" dir=rtl" if lang == "ar" else ""}>\n<head><meta charset="utf-8">'
            f'<title>{esc(story["title"])} | {esc(site)}</title><link rel="canonical" href="{url}">'
            f'<script async src="https://cdn.ampproject.org/v0.js"></script>{jsonld(data)}<style amp-custom>body{{margin:0}}</style></head>\n'
            f'<body><header class="amp-header"><a href="/">{esc(site)}</a></header><article class="amp-article">'
            f'<h1 class="amp-title">{esc(story["title"])}</h1><amp-img src="/img/{story["slug"]}.jpg" width="800" height="450" layout="responsive"></amp-img>'
            f'<div class="amp-meta"><span class="amp-author">{esc(join_names(story["authors"], lang))}</span></div>'
            f'<div class="amp-body">{"".join(paras(story))}</div></article><amp-social-share type="facebook"></amp-social-share>'
            f'<footer><a href="/">{esc(site)}</a></footer></body></html>\n')
    return page, {}


def url_date_only(story: Story, site: str, url: str) -> tuple[str, dict]:
    """No date in the markup but the URL (/2026/03/15/slug/); a site prefix in <title> and og:title."""
    lang = story["lang"]
    page = (head(f"{site} - {story['title']}", lang, f'<meta property="og:title" content="{esc(site)} - {esc(story["title"])}">'
                 f'\n<meta property="og:site_name" content="{esc(site)}">', "rtl" if lang == "ar" else None)
            + f'<body>\n<div id="page">{nav(lang)}<div class="single-article"><h1 class="single-title">{esc(story["title"])}</h1>'
            f'<div class="single-content">{"".join(paras(story))}</div>'
            f'<p class="single-author">{L[lang]["by"]} {esc(join_names(story["authors"], lang))}</p></div>'
            f'{related(lang, "similar-articles", "similar")}</div>\n' + footer(site, lang))
    when = moment(story)
    return page, {"url": url.rsplit("/", 1)[0] + f"/{when:%Y/%m/%d}/" + story["slug"] + "/"}


def hijri_dual(story: Story, site: str, url: str) -> tuple[str, dict]:
    """An Arabic page whose date line gives the Hijri date first, then the Gregorian one; the headline in
    an h2 with a title class, <html lang="ar-DZ">."""
    lang = story["lang"]
    when = moment(story)
    line = f"{AR_DAYS[when.weekday()]} 12 ربيع الأول 1448 هـ الموافق لـ {when.day} {AR_MONTHS_DZ[when.month - 1]} {when.year} م"
    page = (head(f"{story['title']} | {site}", lang, "", "rtl", "ar-DZ")
            + f'<body>\n{nav(lang)}<div class="article"><h2 class="entry-title">{esc(story["title"])}</h2>'
            f'<div class="entry-date">{esc(line)}</div><div class="entry-author">{L[lang]["by"]} '
            f'{esc(join_names(story["authors"], lang))}</div><div class="entry-content">{"".join(paras(story))}</div></div>'
            f'{comments(lang, 3, wp=False)}\n' + footer(site, lang))
    return page, {}


def premium_teaser(story: Story, site: str, url: str) -> tuple[str, dict]:
    """A teaser: the first paragraph, a 'premium' block that says 'réservé aux abonnés', nothing in JSON-LD."""
    lang = story["lang"]
    wall = ("Cet article est réservé aux abonnés. Abonnez-vous à partir de 1 € le premier mois." if lang == "fr"
            else "هذا المحتوى للمشتركين فقط. اشترك الآن.")
    page = (head(f"{story['title']} - {site}", lang, og(story, site, url), "rtl" if lang == "ar" else None)
            + f'<body>\n{nav(lang)}<article class="article article-premium"><h1 class="article__title">{esc(story["title"])}</h1>'
            f'<p class="article__author">{L[lang]["by"]} {esc(join_names(story["authors"], lang))}</p>'
            f'<div class="article__content">{"".join(paras(story, 1))}</div><div class="premium-block"><p>{esc(wall)}</p>'
            f'<a class="button" href="/abonnement">{L[lang]["subscribe"]}</a></div></article>{related(lang)}\n'
            + footer(site, lang))
    return page, {"paywalled": True, "text": story["paragraphs"][0]}


def two_h1(story: Story, site: str, url: str) -> tuple[str, dict]:
    """Two <h1>: the logo (a link home) and the headline; og:title prefixed with the site; meta author is a
    list 'A, B'; the section as the <title> suffix after the site."""
    lang = story["lang"]
    page = (head(f"{story['title']} - {site} - {story['section']}", lang,
                 f'<meta property="og:title" content="{esc(site)} : {esc(story["title"])}">'
                 f'\n<meta name="author" content="{esc(", ".join(story["authors"]))}">'
                 f'\n<meta name="pubdate" content="{moment(story):%Y%m%d}">', "rtl" if lang == "ar" else None)
            + f'<body>\n<h1 class="brand"><a href="https://{url.split("/")[2]}/">{esc(site)}</a></h1>{nav(lang)}'
            f'<div class="story"><h1 class="story-headline">{esc(story["title"])}</h1>{share(lang)}'
            f'<div class="story-body">{"".join(paras(story))}</div></div>{newsletter(lang)}\n' + footer(site, lang))
    return page, {}


def byline_with_agency_meta(story: Story, site: str, url: str) -> tuple[str, dict]:
    """The meta author names an agency, the text opens with 'Par X, avec AFP', a photo credit line and a
    'Lire aussi' box sit inside the body."""
    lang = story["lang"]
    by = (f"Par {join_names(story['authors'], lang)}, avec AFP" if lang == "fr"
          else f"بقلم {join_names(story['authors'], lang)} - مع أ ف ب")
    body = paras(story)
    body.insert(2, f'<div class="encadre"><p><b>{L[lang]["related"]}</b></p><ul><li><a href="/x">{esc(OTHER_HEADLINES[lang][3])}</a></li></ul></div>')
    page = (head(f"{story['title']} | {site}", lang, f'<meta name="author" content="AFP">'
                 f'\n<meta property="article:published_time" content="{story["date"]}">', "rtl" if lang == "ar" else None)
            + f'<body>\n{nav(lang)}<div class="page-article"><h1>{esc(story["title"])}</h1><div class="texte-article">'
            f'<p class="auteur-article">{esc(by)}</p>{figure(lang, story)}{"".join(body)}</div></div>\n' + footer(site, lang))
    return page, {}


HOLDOUT_LAYOUTS = {"jannah-relative": jannah_relative, "interview": interview, "amp": amp, "url-date-only": url_date_only,
                   "hijri-dual": hijri_dual, "premium-teaser": premium_teaser, "two-h1": two_h1,
                   "agency-meta": byline_with_agency_meta}
HOLDOUT_PLAN = {
    "fr": [(1, "jannah-relative"), (5, "interview"), (13, "amp"), (18, "url-date-only"), (9, "premium-teaser"),
           (15, "two-h1"), (16, "agency-meta"), (22, "two-h1")],
    "ar": [(0, "jannah-relative"), (4, "hijri-dual"), (7, "amp"), (13, "hijri-dual"), (15, "premium-teaser"),
           (19, "url-date-only"), (17, "agency-meta"), (10, "interview")],
}


LAYOUTS: dict[str, Callable[[Story, str, str], tuple[str, dict]]] = {
    "wp-yoast": wp_yoast, "wp-tagdiv": wp_tagdiv, "drupal": drupal, "spip": spip, "legacy-table": legacy_table,
    "react-paywall": react_paywall, "react-paywall-phrase": react_paywall_phrase, "agency-wire": agency_wire,
    "hosted": hosted, "wrong-metadata": wrong_metadata, "modified-first": modified_first, "signed-end": signed_end,
    "magazine": magazine, "ar-portal": ar_portal, "ar-graph": ar_graph,
}

SITES = {
    "fr": [("Le Quotidien du Sahel", "www.quotidien-sahel.info"), ("Oran Matin", "oranmatin.dz"),
           ("Maghreb Économie", "www.maghreb-economie.com"), ("L'Écho de Nouakchott", "echo-nouakchott.mr"),
           ("Tunis Hebdo", "www.tunishebdo.tn"), ("Dakar Soir", "dakarsoir.sn")],
    "ar": [("الشروق المغاربي", "www.echourouk-maghreb.com"), ("صوت الصحراء", "sawt-sahra.mr"),
           ("المساء التونسية", "www.almassa-tn.com"), ("هسبريس الجهات", "jihat-press.ma"),
           ("الوطن العربي اليوم", "watan-today.net")],
}

PLAN = {
    "fr": ["wp-yoast", "signed-end", "react-paywall", "agency-wire", "wp-tagdiv", "legacy-table", "spip", "drupal",
           "wrong-metadata", "hosted", "modified-first", "magazine", "agency-wire", "wp-yoast", "wp-tagdiv",
           "react-paywall-phrase", "drupal", "legacy-table", "spip", "wrong-metadata", "agency-wire", "hosted",
           "signed-end", "modified-first"],
    "ar": ["wp-yoast", "ar-portal", "legacy-table", "wp-tagdiv", "drupal", "ar-portal", "agency-wire", "ar-graph",
           "react-paywall", "agency-wire", "wrong-metadata", "agency-wire", "ar-graph", "wp-yoast", "legacy-table",
           "modified-first", "drupal", "wp-tagdiv", "wrong-metadata", "react-paywall-phrase"],
}


def build() -> dict[str, str]:
    """Every file of the corpus, name -> content."""
    files: dict[str, str] = {}
    for lang, stories in (("fr", STORIES_FR), ("ar", STORIES_AR)):
        for index, (story, layout) in enumerate(zip(stories, PLAN[lang], strict=True)):
            story = {**story, "lang": lang}
            site, host = SITES[lang][index % len(SITES[lang])]
            section = quote(story["section"].lower()) if lang == "fr" else "news"
            url = f"https://{host}/{section}/{story['slug']}-{1000 + index}"
            page, overrides = LAYOUTS[layout](story, site, url)
            labels = {"url": url, "layout": layout, "language": lang, "title": story["title"],
                      "date_published": story["date"][:10], "authors": story["authors"], "paywalled": False,
                      "text": "\n".join(story["paragraphs"])}
            labels.update(overrides)
            name = f"{lang}{index + 1:02d}-{layout}"
            files[f"{name}.html"] = page
            files[f"{name}.json"] = json.dumps(labels, ensure_ascii=False, indent=1) + "\n"
    for lang, stories in (("fr", STORIES_FR), ("ar", STORIES_AR)):
        for number, (index, layout) in enumerate(HOLDOUT_PLAN[lang], start=1):
            story = {**stories[index], "lang": lang}
            site, host = SITES[lang][(index + 2) % len(SITES[lang])]
            url = f"https://{host}/articles/{story['slug']}-{3000 + index}"
            page, overrides = HOLDOUT_LAYOUTS[layout](story, site, url)
            labels = {"url": url, "layout": layout, "language": lang, "title": story["title"],
                      "date_published": story["date"][:10], "authors": story["authors"], "paywalled": False,
                      "text": "\n".join(story["paragraphs"]), "held_out": True}
            labels.update(overrides)
            name = f"{lang}h{number:02d}-{layout}"
            files[f"{name}.html"] = page
            files[f"{name}.json"] = json.dumps(labels, ensure_ascii=False, indent=1) + "\n"
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = parser.parse_args()
    files = build()
    differ = [n for n, c in files.items() if not (OUT / n).exists() or (OUT / n).read_text(encoding="utf-8") != c]
    if args.check:
        print(f"{len(differ)} of {len(files)} corpus files differ from make_corpus.py" if differ else "corpus up to date")
        return 1 if differ else 0
    OUT.mkdir(exist_ok=True)
    for name, content in files.items():
        (OUT / name).write_text(content, encoding="utf-8")
    print(f"wrote {len(files) // 2} pages and their labels to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
