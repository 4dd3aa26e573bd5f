"""The first three demo outlets and their fixed article schedules (the others: :mod:`crawler.demo.extra_outlets`).

Each outlet is built from ``random.Random(<outlet id>)``, so every run of
every process builds the same articles at the same instants. About forty
days of articles precede :data:`DEMO_EPOCH`; a few more appear during the
three days after it, and a few articles are edited (two of them, or more,
after the epoch).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from urllib.parse import quote

from crawler.demo._locales import ALGERIA, MALI, MAURITANIA, Locale, Pair
from crawler.demo._phrases import TOPICS
from crawler.demo.model import DEMO_EPOCH, ArticleEntry, DemoArticle, DemoOutlet, Quirks, Section
from crawler.demo.texts import StoryPlan, plan_story, story_text

WP_NAME = "Le Courrier du Sahel"
CMS_NAME = "L'Écho de l'Atlas"
BILINGUAL_NAMES = {"fr": "La Manara", "ar": "المنارة"}


@dataclass(frozen=True)
class Slot:
    """When one story appears and, if it is edited, when."""

    published: datetime
    edited_at: datetime | None = None


@dataclass(frozen=True)
class _Byline:
    authors: tuple[Pair, ...]
    agencies: tuple[str, ...]

    def names(self, lang: str) -> tuple[str, ...]:
        return tuple(pair[0 if lang == "fr" else 1] for pair in self.authors)


@dataclass(frozen=True)
class _FrenchSite:
    outlet_id: str
    locale: Locale
    staff: tuple[Pair, ...]
    agency: str
    sections: tuple[Section, ...]
    path: Callable[[int, str, datetime], str]
    seo_title: Callable[[str], str]
    image: Callable[[int, datetime], str]


def schedule(rng: random.Random, before: int, after: int) -> list[Slot]:
    """Publication instants (minute precision) around the epoch, with edits."""
    recent = [DEMO_EPOCH - timedelta(minutes=rng.randint(60, 40 * 60)) for _ in range(4)]
    older = [_daytime(rng, DEMO_EPOCH - timedelta(days=rng.randint(2, 40))) for _ in range(before - 4)]
    future = [DEMO_EPOCH + timedelta(minutes=rng.randint(60, 70 * 60)) for _ in range(after)]
    times = sorted(set(recent + older + future))
    while len(times) < before + after:  # a collision: add one more recent article
        times = sorted(set(times) | {DEMO_EPOCH - timedelta(minutes=rng.randint(60, 40 * 60))})
    return _with_edits(rng, times)


def _daytime(rng: random.Random, day: datetime) -> datetime:
    return day.replace(hour=rng.randint(6, 21), minute=rng.randint(0, 59))


def _with_edits(rng: random.Random, times: list[datetime]) -> list[Slot]:
    """Three edits long before the epoch, two after it, one on a new article."""
    old = [i for i, t in enumerate(times) if t < DEMO_EPOCH - timedelta(days=3)]
    past = [i for i, t in enumerate(times) if DEMO_EPOCH - timedelta(days=3) <= t < DEMO_EPOCH]
    new = [i for i, t in enumerate(times) if DEMO_EPOCH < t < DEMO_EPOCH + timedelta(hours=60)]
    edits: dict[int, datetime] = {}
    for i in rng.sample(old, 3):
        edits[i] = times[i] + timedelta(minutes=rng.randint(60, 30 * 60))
    for i in rng.sample([i for i in old + past if i not in edits], 2):
        edits[i] = DEMO_EPOCH + timedelta(minutes=rng.randint(2 * 60, 60 * 60))
    for i in rng.sample(new, 1):
        edits[i] = times[i] + timedelta(minutes=rng.randint(2 * 60, 10 * 60))
    return [Slot(t, edits.get(i)) for i, t in enumerate(times)]


def slugify(text: str, max_words: int = 12) -> str:
    """ASCII slug of a French title: 'L’État mise…' -> 'l-etat-mise'."""
    text = text.replace("œ", "oe").replace("Œ", "OE")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])


def arabic_slug(text: str, max_words: int = 8) -> str:
    """Percent-encoded slug of an Arabic title, as Arabic sites link them."""
    words = re.findall(r"\w+", text)
    return quote("-".join(words[:max_words]), safe="-")


def _byline(rng: random.Random, staff: tuple[Pair, ...], agency: str) -> _Byline:
    roll = rng.random()
    if roll < 0.15:
        return _Byline((), (agency,))
    if roll < 0.32:
        return _Byline(tuple(rng.sample(staff, 2)), ())
    return _Byline((rng.choice(staff),), ())


def _plan(rng: random.Random, locale: Locale, slot: Slot, seen: set[str], bilingual: bool) -> StoryPlan:
    """A plan whose French title no earlier story of the outlet used."""
    while True:
        topic = rng.choice(TOPICS)
        plan = plan_story(rng, topic, locale, bilingual=bilingual, edited=slot.edited_at is not None)
        title = story_text(plan, "fr", edited=False).title
        if title not in seen:
            seen.add(title)
            return plan


def _entry(original: DemoArticle, plan: StoryPlan, slot: Slot) -> ArticleEntry:
    if slot.edited_at is None:
        return ArticleEntry(original)
    edited = story_text(plan, original.language, edited=True).paragraphs
    return ArticleEntry.with_edit(original, edited, slot.edited_at)


def _french_outlet_entries(site: _FrenchSite, first_id: int, before: int, after: int) -> tuple[ArticleEntry, ...]:
    rng = random.Random(site.outlet_id)
    story_id, seen, entries = first_id, set[str](), []
    for slot in schedule(rng, before, after):
        story_id += rng.randint(3, 25)
        plan = _plan(rng, site.locale, slot, seen, bilingual=False)
        byline = _byline(rng, site.staff, site.agency)
        text = story_text(plan, "fr", edited=False)
        section = next(s for s in site.sections if s.topic == plan.topic)
        article = DemoArticle(
            outlet_id=site.outlet_id, path=site.path(story_id, slugify(text.title), slot.published),
            url_path_alternates=(), title=text.title, seo_title=site.seo_title(text.title),
            authors=byline.names("fr"), agencies=byline.agencies, published=slot.published, modified=None,
            language="fr", section=section.name, tags=text.tags, description=text.description,
            paragraphs=text.paragraphs, image_path=site.image(story_id, slot.published),
            story_id=story_id, section_slug=section.slug)
        entries.append(_entry(article, plan, slot))
    return tuple(entries)


def _sections(lang: str, *items: tuple[str, str]) -> tuple[Section, ...]:
    return tuple(Section(topic, slug, name, lang) for topic, (slug, name) in zip(TOPICS, items, strict=True))


@cache
def build_wordpress() -> DemoOutlet:
    """'Le Courrier du Sahel' (demo-wp): a WordPress outlet in Mali."""
    site = _FrenchSite(
        outlet_id="demo-wp", locale=MALI, agency="AFP",
        staff=tuple((n, n) for n in ("Fatoumata Sanogo", "Idrissa Coulibaly", "Rokia Maïga",
                                     "Boubacar Sidibé", "Awa Dembélé", "Oumar Tangara")),
        sections=_sections("fr", ("politique", "Politique"), ("economie", "Économie"), ("culture", "Culture"),
                           ("sport", "Sport"), ("environnement", "Environnement")),
        path=lambda _id, slug, when: f"/{when:%Y/%m/%d}/{slug}/",
        seo_title=lambda title: f"{title} – {WP_NAME}",
        image=lambda story_id, when: f"/wp-content/uploads/{when:%Y/%m}/illustration-{story_id}.png")
    return DemoOutlet(
        id="demo-wp", name=WP_NAME, country="ML", languages=("fr",), cms="wordpress", host="127.0.0.11",
        sections=site.sections, entries=_french_outlet_entries(site, 4180, 37, 8),
        feeds=(("/feed/", "rss"),), sitemaps=(("/wp-sitemap.xml", "index"),))


@cache
def build_custom_cms() -> DemoOutlet:
    """"L'Écho de l'Atlas" (demo-cms): a home-made CMS in Algeria, windows-1252."""
    site = _FrenchSite(
        outlet_id="demo-cms", locale=ALGERIA, agency="APS",
        staff=tuple((n, n) for n in ("Karim Benali", "Nadia Haddad", "Samir Belkacem", "Leïla Mansouri",
                                     "Yacine Zerrouki", "Amel Bouzid")),
        sections=_sections("fr", ("nation", "Nation"), ("economie", "Économie"), ("culture", "Culture"),
                           ("sports", "Sports"), ("environnement", "Environnement")),
        path=lambda story_id, slug, _when: f"/article/{story_id}-{'-'.join(slug.split('-')[:8])}.html",
        seo_title=lambda title: f"{CMS_NAME} - {title}",
        image=lambda story_id, _when: f"/images/articles/{story_id}.png")
    return DemoOutlet(
        id="demo-cms", name=CMS_NAME, country="DZ", languages=("fr",), cms="custom", host="127.0.0.12",
        sections=site.sections, entries=_french_outlet_entries(site, 48250, 37, 8),
        feeds=(), sitemaps=(("/sitemap_index.xml", "index"), ("/sitemap-news.xml.gz", "news")),
        quirks=Quirks(robots_disallow=("/imprimer/", "/reagir.php"), linked_disallowed=("/imprimer/{story_id}.html",)))


_BILINGUAL_SECTIONS = _sections(
    "fr", ("politique", "Politique"), ("economie", "Économie"), ("culture", "Culture"), ("sport", "Sport"),
    ("environnement", "Environnement")) + _sections(
    "ar", ("siyasa", "سياسة"), ("iqtisad", "اقتصاد"), ("thaqafa", "ثقافة"), ("riyada", "رياضة"), ("biaa", "بيئة"))

_BILINGUAL_STAFF: tuple[Pair, ...] = (
    ("Mohamed Lemine Ould Sidi", "محمد الأمين ولد سيدي"), ("Mariem Mint Ahmed", "مريم منت أحمد"),
    ("Sidi Ould Bah", "سيدي ولد باه"), ("Khadijetou Mint Salem", "خديجتو منت سالم"),
    ("Ahmed Salem Ould Cheikh", "أحمد سالم ولد الشيخ"), ("Aliou Sy", "عليو سي"),
)


def _languages_of(index: int) -> tuple[str, ...]:
    """Every other story is translated; the rest alternate French and Arabic."""
    return ("fr", "ar") if index % 2 == 0 else (("fr",) if index % 4 == 1 else ("ar",))


def _bilingual_article(story_id: int, lang: str, plan: StoryPlan, slot: Slot, byline: _Byline) -> DemoArticle:
    text = story_text(plan, lang, edited=False)
    section = next(s for s in _BILINGUAL_SECTIONS if s.topic == plan.topic and s.language == lang)
    slug = slugify(text.title) if lang == "fr" else arabic_slug(text.title)
    return DemoArticle(
        outlet_id="demo-bilingue", path=f"/{lang}/{section.slug}/{slug}", url_path_alternates=(),
        title=text.title, seo_title=f"{text.title} - {BILINGUAL_NAMES[lang]}", authors=byline.names(lang),
        agencies=byline.agencies, published=slot.published, modified=None, language=lang,
        section=section.name, tags=text.tags, description=text.description, paragraphs=text.paragraphs,
        image_path=f"/media/{story_id}.png", story_id=story_id, section_slug=section.slug)


def _bilingual_entries() -> tuple[ArticleEntry, ...]:
    rng = random.Random("demo-bilingue")
    seen: set[str] = set()
    entries: list[ArticleEntry] = []
    for index, slot in enumerate(schedule(rng, 26, 6)):
        story_id = 1200 + index
        plan = _plan(rng, MAURITANIA, slot, seen, bilingual=True)
        byline = _byline(rng, _BILINGUAL_STAFF, "AMI")
        articles = [_bilingual_article(story_id, lang, plan, slot, byline) for lang in _languages_of(index)]
        if len(articles) == 2:
            alternates = tuple((a.language, a.path) for a in articles)
            articles = [_replace_alternates(a, alternates) for a in articles]
        entries += [_entry(article, plan, slot) for article in articles]
    return tuple(entries)


def _replace_alternates(article: DemoArticle, alternates: tuple[tuple[str, str], ...]) -> DemoArticle:
    return replace(article, url_path_alternates=alternates)


@cache
def build_bilingual() -> DemoOutlet:
    """'La Manara / المنارة' (demo-bilingue): a French and Arabic outlet in Mauritania."""
    return DemoOutlet(
        id="demo-bilingue", name="Al-Manara / La Manara", country="MR", languages=("fr", "ar"), cms="custom",
        host="127.0.0.13", sections=_BILINGUAL_SECTIONS, entries=_bilingual_entries(),
        feeds=(("/feed.atom", "atom"),), sitemaps=(("/sitemap.xml", "index"),))


def build_outlets() -> dict[str, DemoOutlet]:
    """All demo outlets by id, the three above then demo-listing and demo-hard (built once per process)."""
    from crawler.demo.extra_outlets import build_hard, build_listing  # it builds on this module's helpers

    outlets = (build_wordpress(), build_custom_cms(), build_bilingual(), build_listing(), build_hard())
    return {outlet.id: outlet for outlet in outlets}
