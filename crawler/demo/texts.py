"""Deterministic French and Arabic news stories built from the demo templates.

A story is first *planned* (which templates, which names and numbers, which
edit) from a ``random.Random``; the plan is then rendered in French or Arabic.
Rendering one plan in both languages gives a translated pair, which is what the
bilingual outlet publishes.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crawler.demo import _locales as loc
from crawler.demo._locales import Locale, Pair
from crawler.demo._phrases import (
    FRENCH_GENERIC,
    FRENCH_SENTENCES,
    FRENCH_TITLES,
    PAIRED_GENERIC,
    PAIRED_SENTENCES,
    PAIRED_TITLES,
    TAGS,
    TOPICS,
    UPDATES,
    Phrase,
)

MIN_WORDS = 250
MAX_WORDS = 700
_NBSP = "\u00a0"
SlotMaker = Callable[[random.Random, Locale], Pair]


@dataclass(frozen=True)
class Sentence:
    """A template with its placeholder values, renderable in either language."""

    phrase: Phrase
    slots: tuple[tuple[str, Pair], ...]

    def render(self, lang: str, *, opening: bool = False) -> str:
        """Fill the template in ``lang`` ('fr' or 'ar').

        ``opening`` marks the first sentence of an article: in Arabic its
        leading conjunction "و" is dropped.
        """
        index = 0 if lang == "fr" else 1
        template = self.phrase.fr if index == 0 else self.phrase.ar
        if template is None:
            raise ValueError(f"template has no {lang!r} version: {self.phrase.fr!r}")
        text = template.format(**{name: pair[index] for name, pair in self.slots})
        if index == 0:
            return _french_typography(text)
        return text[1:] if opening and text.startswith("و") and text[1] != " " else text


@dataclass(frozen=True)
class StoryPlan:
    """Everything needed to render one story, before and after its edit."""

    topic: str
    title: Sentence
    paragraphs: tuple[tuple[Sentence, ...], ...]
    tags: tuple[Pair, ...]
    change: tuple[int, int, Sentence] | None = None
    update: Sentence | None = None


@dataclass(frozen=True)
class StoryText:
    """A plan rendered in one language and one version."""

    title: str
    description: str
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...]


def word_count(paragraphs: Sequence[str]) -> int:
    """Count whitespace-separated words, as the 250–700 word rule does."""
    return sum(len(p.split()) for p in paragraphs)


def plan_story(rng: random.Random, topic: str, locale: Locale, *, bilingual: bool, edited: bool) -> StoryPlan:
    """Plan a story on ``topic``; ``bilingual`` restricts it to paired templates."""
    story = _story_slots(rng, locale)
    maker = _SentenceMaker(rng, locale, story)
    pool = _sentence_pool(rng, topic, bilingual)
    lead = next(p for p in reversed(pool) if p in PAIRED_SENTENCES[topic] or p in FRENCH_SENTENCES[topic])
    pool.remove(lead)
    sizes = [rng.randint(2, 5) for _ in range(rng.randint(5, 8))]
    paragraphs = [[maker.make(lead)] + [maker.make(pool.pop()) for _ in range(sizes[0] - 1)]]
    paragraphs += [[maker.make(pool.pop()) for _ in range(size)] for size in sizes[1:]]
    langs = ("fr", "ar") if bilingual else ("fr",)
    _fit_length(paragraphs, pool, maker, langs)
    title = maker.make(rng.choice(_titles(topic, bilingual)))
    tags = tuple(rng.sample(TAGS[topic], k=rng.randint(2, 3))) + (story["ville"],)
    plan = StoryPlan(topic, title, tuple(tuple(p) for p in paragraphs), tags)
    return _with_edit(rng, plan, pool, maker) if edited else plan


def story_text(plan: StoryPlan, lang: str, *, edited: bool) -> StoryText:
    """Render ``plan`` in ``lang``; ``edited`` applies the plan's edit, if any."""
    paragraphs = [list(p) for p in plan.paragraphs]
    if edited and plan.change is not None:
        p_index, s_index, sentence = plan.change
        paragraphs[p_index][s_index] = sentence
    texts = [" ".join(s.render(lang, opening=(p_i, s_i) == (0, 0)) for s_i, s in enumerate(p))
             for p_i, p in enumerate(paragraphs)]
    if edited and plan.update is not None:
        texts.append(plan.update.render(lang))
    description = plan.paragraphs[0][0].render(lang, opening=True)
    tags = tuple(pair[0 if lang == "fr" else 1] for pair in plan.tags)
    return StoryText(plan.title.render(lang), description, tuple(texts), tags)


class _SentenceMaker:
    """Fills templates: story-wide places and clubs, fresh people and numbers."""

    def __init__(self, rng: random.Random, locale: Locale, story: dict[str, Pair]) -> None:
        self._rng = rng
        self._locale = locale
        self._story = story

    def make(self, phrase: Phrase) -> Sentence:
        names = sorted({field for _, field, _, _ in string.Formatter().parse(phrase.fr) if field})
        slots = tuple((name, self._value(name)) for name in names)
        return Sentence(phrase, slots)

    def _value(self, name: str) -> Pair:
        if name in self._story:
            return self._story[name]
        return _SLOT_MAKERS[name](self._rng, self._locale)


def _story_slots(rng: random.Random, locale: Locale) -> dict[str, Pair]:
    equipe, equipe2 = rng.sample(locale.teams, 2)
    return {
        "ville": rng.choice(locale.cities),
        "ville2": rng.choice(locale.regional),
        "equipe": equipe,
        "equipe2": equipe2,
        "jour": rng.choice(loc.WEEKDAYS),
    }


def _sentence_pool(rng: random.Random, topic: str, bilingual: bool) -> list[Phrase]:
    """Templates to draw from, last drawn first: the topic's, then the others'."""
    def own(t: str) -> list[Phrase]:
        extra = () if bilingual else FRENCH_SENTENCES[t]
        return list(PAIRED_SENTENCES[t] + extra)

    generic = list(PAIRED_GENERIC + (() if bilingual else FRENCH_GENERIC))
    main = own(topic) + generic
    others = [p for t in TOPICS if t != topic for p in own(t)]
    return rng.sample(others, len(others)) + rng.sample(main, len(main))


def _titles(topic: str, bilingual: bool) -> tuple[Phrase, ...]:
    return PAIRED_TITLES[topic] + (() if bilingual else FRENCH_TITLES[topic])


def _fit_length(paragraphs: list[list[Sentence]], pool: list[Phrase], maker: _SentenceMaker,
                langs: tuple[str, ...]) -> None:
    """Grow or shrink paragraphs until every language has 250–650 words."""
    def counts() -> list[int]:
        return [sum(len(s.render(lang).split()) for p in paragraphs for s in p) for lang in langs]

    while min(counts()) < MIN_WORDS:
        shortest = min((p for p in paragraphs if len(p) < 5), key=len)
        shortest.append(maker.make(pool.pop()))
    while max(counts()) > MAX_WORDS - 50:
        max(paragraphs, key=len).pop()


def _with_edit(rng: random.Random, plan: StoryPlan, pool: list[Phrase], maker: _SentenceMaker) -> StoryPlan:
    p_index = rng.randrange(1, len(plan.paragraphs))
    s_index = rng.randrange(len(plan.paragraphs[p_index]))
    change = (p_index, s_index, maker.make(pool.pop()))
    update = maker.make(rng.choice(UPDATES))
    return StoryPlan(plan.topic, plan.title, plan.paragraphs, plan.tags, change, update)


def _french_typography(text: str) -> str:
    text = text.replace("« ", "«" + _NBSP).replace(" »", _NBSP + "»")
    return text[:1].upper() + text[1:]


def _person(first_names: str, surnames: str) -> SlotMaker:
    def make(rng: random.Random, locale: Locale) -> Pair:
        given = rng.choice(getattr(locale, first_names))
        family = rng.choice(getattr(locale, surnames))
        return f"{given[0]} {family[0]}", f"{given[1]} {family[1]}"
    return make


def _number(low: int, high: int, step: int = 1) -> SlotMaker:
    def make(rng: random.Random, locale: Locale) -> Pair:
        value = rng.randint(low, high) * step
        return f"{value:,}".replace(",", _NBSP), str(value)
    return make


def _percent(rng: random.Random, locale: Locale) -> Pair:
    value = f"{rng.randint(12, 68) / 10:.1f}".replace(".", ",")
    return f"{value}{_NBSP}%", f"{value} بالمائة"


def _choice(values: Sequence[Pair]) -> SlotMaker:
    return lambda rng, locale: rng.choice(values)


_SLOT_MAKERS: dict[str, SlotMaker] = {
    "homme": _person("men", "surnames_men"),
    "femme": _person("women", "surnames_women"),
    "n_semaines": _number(3, 10),
    "montant_usd": _number(12, 180),
    "n_points": _number(3, 9),
    "n_coureurs": _number(12, 48, 100),
    "temp": _number(41, 47),
    "n_ecoles": _number(12, 60),
    "n_meur": _number(5, 90),
    "budget": _number(15, 90, 10_000),
    "pourcent": _percent,
    "score": _choice([(s, s) for s in ("1-0", "2-1", "3-1", "2-0", "3-2")]),
    "rang": _choice(loc.RANKS),
    "rapport": _choice([(r, r) for r in loc.REPORTS]),
    "recueil": _choice([(b, b) for b in loc.BOOKS]),
}
