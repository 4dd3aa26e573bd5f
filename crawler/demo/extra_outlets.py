"""The two outlets added for discovery, politeness and record tests, and their schedules.

``demo-listing`` ('Les Nouvelles du Souss', 127.0.0.14) has no feed and no sitemap: its
articles, French and Arabic, are reachable only through the home page and paginated listings.
``demo-hard`` ('La Vigie tunisienne', 127.0.0.15) gathers the hard cases: a robots-disallowed
section still listed in its sitemap, bot walls, 429s, a paywall, a page built by JavaScript,
broken HTML, one story under several URLs, malformed discovery files, a redirect loop and an
oversized page.

As in :mod:`crawler.demo.outlets`, each outlet is built from ``random.Random(<outlet id>)``;
on both, some articles are edited after :data:`DEMO_EPOCH` and two vanish (one 410, one 404).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cache

from crawler.demo._locales import MOROCCO, TUNISIA, Locale, Pair
from crawler.demo.model import DEMO_EPOCH, ArticleEntry, DemoArticle, DemoOutlet, Quirks, Section
from crawler.demo.outlets import Slot, _Byline, _byline, _entry, _plan, _sections, arabic_slug, schedule, slugify
from crawler.demo.texts import StoryPlan, story_text

LISTING_NAMES = {"fr": "Les Nouvelles du Souss", "ar": "أخبار سوس"}
HARD_NAME = "La Vigie tunisienne"

LISTING_STAFF: tuple[Pair, ...] = (
    ("Hassan Amzil", "حسن أمزيل"), ("Khadija Oubella", "خديجة أوبلا"), ("Lahcen Ait Ouahmane", "لحسن آيت واحمان"),
    ("Naima Idrissi", "نعيمة الإدريسي"), ("Youssef Boutaleb", "يوسف بوطالب"), ("Zahra Lamrani", "زهرة العمراني"),
)
HARD_STAFF: tuple[Pair, ...] = tuple((n, n) for n in (
    "Salma Ben Salah", "Mehdi Trabelsi", "Ines Jaziri", "Walid Gharbi", "Rim Hammami", "Anis Mejri"))

LISTING_SECTIONS = _sections(
    "fr", ("region", "Région"), ("economie", "Économie"), ("culture", "Culture"), ("sport", "Sport"),
    ("environnement", "Environnement")) + _sections(
    "ar", ("jiha", "جهة"), ("iqtisad", "اقتصاد"), ("thaqafa", "ثقافة"), ("riyada", "رياضة"), ("biaa", "بيئة"))
HARD_SECTIONS = _sections("fr", ("nation", "Nation"), ("economie", "Économie"), ("culture", "Culture"),
                          ("sport", "Sport"), ("environnement", "Environnement"))

HARD_ROLES = (("disallowed", 3), ("bot_wall_js", 2), ("bot_wall_captcha", 1), ("throttled", 3), ("paywalled", 1),
              ("js_rendered", 1), ("broken_html", 1), ("duplicate", 1), ("vanish_410", 1), ("vanish_404", 1))
"""Roles given to old, never-edited demo-hard articles, with how many articles get each."""

HARD_ENDPOINTS: tuple[tuple[str, str], ...] = (
    ("home", "/"), ("robots", "/robots.txt"),
    ("sitemap_index", "/sitemap.xml"), ("sitemap", "/sitemap-articles.xml"),
    ("malformed_sitemap", "/sitemap-archives.xml"), ("feed", "/rss.xml"), ("malformed_feed", "/rss-sport.xml"),
    ("redirect_loop_a", "/boucle-a"), ("redirect_loop_b", "/boucle-b"),
    ("oversized", "/dossier/rapport-integral.html"), ("private_section", "/prive/"),
    ("xxe_sitemap", "/pieges/sitemap-xxe.xml"), ("billion_laughs_sitemap", "/pieges/sitemap-rires.xml"),
    ("billion_laughs_feed", "/pieges/flux-rires.xml"), ("gzip_bomb_sitemap", "/pieges/sitemap-bombe.xml.gz"),
    ("huge_sitemap", "/pieges/sitemap-60000.xml"),
)
"""Named URLs of demo-hard that are not articles (the ``pieges/`` files are linked from nowhere)."""

UTM_QUERY = "utm_source=accueil&utm_medium=une"
VANISH_AFTER = {"vanish_410": (timedelta(hours=18), 410), "vanish_404": (timedelta(hours=40), 404)}


@dataclass(frozen=True)
class _Draft:
    """One story before its URL is known."""

    story_id: int
    slot: Slot
    plan: StoryPlan
    byline: _Byline
    language: str


def _drafts(rng: random.Random, locale: Locale, staff: tuple[Pair, ...], agency: str, slots: list[Slot],
            first_id: int, arabic_every: int = 0) -> list[_Draft]:
    story_id, seen, drafts = first_id, set[str](), []
    for index, slot in enumerate(slots):
        story_id += rng.randint(2, 9)
        language = "ar" if arabic_every and index % arabic_every == arabic_every - 1 else "fr"
        plan = _plan(rng, locale, slot, seen, bilingual=language == "ar")
        drafts.append(_Draft(story_id, slot, plan, _byline(rng, staff, agency), language))
    return drafts


def _article(outlet_id: str, draft: _Draft, section: Section, path: str, seo_suffix: str,
             image_path: str) -> DemoArticle:
    text = story_text(draft.plan, draft.language, edited=False)
    return DemoArticle(
        outlet_id=outlet_id, path=path, url_path_alternates=(), title=text.title,
        seo_title=f"{text.title}{seo_suffix}", authors=draft.byline.names(draft.language),
        agencies=draft.byline.agencies, published=draft.slot.published, modified=None, language=draft.language,
        section=section.name, tags=text.tags, description=text.description, paragraphs=text.paragraphs,
        image_path=image_path, story_id=draft.story_id, section_slug=section.slug)


def _removable(entries: list[ArticleEntry]) -> list[int]:
    """Indices of never-edited articles published more than three days before the epoch."""
    return [i for i, e in enumerate(entries) if e.edited is None and e.published < DEMO_EPOCH - timedelta(days=3)]


def _vanish(entry: ArticleEntry, role: str) -> ArticleEntry:
    after, status = VANISH_AFTER[role]
    return replace(entry, removed_at=DEMO_EPOCH + after, gone_status=status)


# --- demo-listing -------------------------------------------------------------------------------


def _listing_path(draft: _Draft, title: str) -> str:
    when = draft.slot.published
    if draft.language == "ar":
        return f"/ar/{when:%Y/%m/%d}/{arabic_slug(title, 6)}-{draft.story_id}.html"
    return f"/{when:%Y/%m/%d}/{slugify(title, 9)}-{draft.story_id}.html"


def _listing_entries() -> tuple[ArticleEntry, ...]:
    rng = random.Random("demo-listing")
    drafts = _drafts(rng, MOROCCO, LISTING_STAFF, "MAP", schedule(rng, 36, 6), 7300, arabic_every=5)
    entries = []
    for draft in drafts:
        title = story_text(draft.plan, draft.language, edited=False).title
        section = next(s for s in LISTING_SECTIONS if s.topic == draft.plan.topic and s.language == draft.language)
        suffix = f" | {LISTING_NAMES[draft.language]}"
        article = _article("demo-listing", draft, section, _listing_path(draft, title), suffix,
                           f"/medias/{draft.story_id}.png")
        entries.append(_entry(article, draft.plan, draft.slot))
    picks = random.Random("demo-listing-vanish").sample(_removable(entries), 2)
    for index, role in zip(picks, ("vanish_410", "vanish_404"), strict=True):
        entries[index] = _vanish(entries[index], role)
    return tuple(entries)


@cache
def build_listing() -> DemoOutlet:
    """'Les Nouvelles du Souss' (demo-listing): listings only, no feed, no sitemap, in Morocco."""
    return DemoOutlet(
        id="demo-listing", name=LISTING_NAMES["fr"], country="MA", languages=("fr", "ar"), cms="custom",
        host="127.0.0.14", sections=LISTING_SECTIONS, entries=_listing_entries(), feeds=(), sitemaps=(),
        quirks=Quirks(robots_disallow=("/admin/", "/panier/")))


# --- demo-hard ----------------------------------------------------------------------------------


def _hard_path(draft: _Draft, title: str, role: str | None) -> str:
    slug = "-".join(slugify(title).split("-")[:8])
    if role == "disallowed":
        return f"/prive/{draft.story_id}-{slug}.html"
    section = next(s for s in HARD_SECTIONS if s.topic == draft.plan.topic)
    return f"/actualite/{section.slug}/{draft.story_id}-{slug}.html"


def _hard_roles(drafts: list[_Draft]) -> dict[int, str]:
    """Which draft gets which role: old, never-edited stories, drawn with their own seed."""
    old = [i for i, d in enumerate(drafts)
           if d.slot.edited_at is None and d.slot.published < DEMO_EPOCH - timedelta(days=4)]
    wanted = [role for role, count in HARD_ROLES for _ in range(count)]
    picks = random.Random("demo-hard-roles").sample(old, len(wanted))
    return dict(zip(picks, wanted, strict=True))


def _hard_article(draft: _Draft, role: str | None) -> DemoArticle:
    title = story_text(draft.plan, "fr", edited=False).title
    section = next(s for s in HARD_SECTIONS if s.topic == draft.plan.topic)
    return _article("demo-hard", draft, section, _hard_path(draft, title, role), f" - {HARD_NAME}",
                    f"/img/{draft.story_id}.png")


def _republished(original: DemoArticle, story_id: int) -> DemoArticle:
    """The same text, a day later, under a new id and a '-2' slug (as CMSs do for a taken slug)."""
    slug = original.path.rsplit("/", 1)[1].split("-", 1)[1].removesuffix(".html")
    path = f"/actualite/{original.section_slug}/{story_id}-{slug}-2.html"
    return replace(original, path=path, story_id=story_id, published=original.published + timedelta(hours=26),
                   image_path=f"/img/{story_id}.png")


def _hard_schedule() -> tuple[tuple[ArticleEntry, ...], Quirks]:
    rng = random.Random("demo-hard")
    drafts = _drafts(rng, TUNISIA, HARD_STAFF, "TAP", schedule(rng, 40, 6), 31400)
    roles = _hard_roles(drafts)
    entries, role_paths, groups, variants = [], [], [], []
    for index, draft in enumerate(drafts):
        role = roles.get(index)
        entry = _entry(_hard_article(draft, role), draft.plan, draft.slot)
        if role in VANISH_AFTER:
            entry = _vanish(entry, role)
        elif role == "duplicate":
            copy = _republished(entry.original, drafts[-1].story_id + 7)
            entries.append(ArticleEntry(copy))
            groups.append((entry.original.path, copy.path))
            amp = "/amp" + entry.original.path
            variants += [(amp, entry.original.path), (f"{entry.original.path}?{UTM_QUERY}", entry.original.path)]
        elif role is not None:
            role_paths.append((role, entry.original.path))
        entries.append(entry)
    quirks = Quirks(robots_disallow=("/prive/",), roles=tuple(role_paths), story_groups=tuple(groups),
                    variants=tuple(variants), endpoints=HARD_ENDPOINTS)
    return tuple(sorted(entries, key=lambda e: (e.published, e.original.story_id))), quirks


@cache
def build_hard() -> DemoOutlet:
    """'La Vigie tunisienne' (demo-hard): every hard case a crawler meets, in Tunisia."""
    entries, quirks = _hard_schedule()
    return DemoOutlet(
        id="demo-hard", name=HARD_NAME, country="TN", languages=("fr",), cms="custom", host="127.0.0.15",
        sections=HARD_SECTIONS, entries=entries,
        feeds=(("/rss.xml", "rss"), ("/rss-sport.xml", "rss")),
        sitemaps=(("/sitemap.xml", "index"), ("/sitemap-articles.xml", "sitemap"), ("/sitemap-archives.xml", "sitemap")),
        quirks=quirks)

