"""Value types of the demo world: the clock, articles, outlets."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

DEMO_EPOCH = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
"""The default 'now' of the demo world: a Friday morning, 08:00 UTC."""

NEWS_WINDOW = timedelta(days=2)
"""How far back a Google News sitemap reaches."""


class DemoClock:
    """A settable, thread-safe clock (timezone-aware, always UTC)."""

    def __init__(self, now: datetime = DEMO_EPOCH) -> None:
        self._lock = threading.Lock()
        self._now = _utc(now)

    @property
    def now(self) -> datetime:
        """The current demo time."""
        with self._lock:
            return self._now

    def set(self, dt: datetime) -> None:
        """Jump to ``dt`` (forwards or backwards)."""
        with self._lock:
            self._now = _utc(dt)

    def advance(self, *, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        """Move forward by the given amount and return the new time."""
        with self._lock:
            self._now += timedelta(days=days, hours=hours, minutes=minutes)
            return self._now


def _utc(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"DemoClock needs a timezone-aware datetime, got {dt.isoformat()}")
    return dt.astimezone(UTC)


@dataclass(frozen=True)
class DemoArticle:
    """One article page, in the version visible at some instant.

    ``path`` is the URL path as linked (Arabic slugs percent-encoded);
    ``url_path_alternates`` holds ``(language, path)`` for every language
    version of a translated story, itself included, and is empty otherwise.
    ``paragraphs`` is the body text only (no byline, no dates). ``modified``
    is set once the article has been edited. ``story_id`` is the outlet's
    numeric id (WordPress post id, CMS article id, bilingual story id).
    """

    outlet_id: str
    path: str
    url_path_alternates: tuple[tuple[str, str], ...]
    title: str
    seo_title: str
    authors: tuple[str, ...]
    agencies: tuple[str, ...]
    published: datetime
    modified: datetime | None
    language: str
    section: str
    tags: tuple[str, ...]
    description: str
    paragraphs: tuple[str, ...]
    image_path: str
    story_id: int
    section_slug: str
    version: int = 0

    @property
    def last_modified(self) -> datetime:
        """``modified`` if the article was edited, else ``published``."""
        return self.modified or self.published

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    def url(self, base_url: str) -> str:
        """Absolute URL of this article under ``base_url``."""
        return urljoin(base_url, self.path)


@dataclass(frozen=True)
class ArticleEntry:
    """An article's schedule: its original version, maybe an edit, maybe a removal.

    From ``removed_at`` on, the article is gone: its URL answers
    ``gone_status`` (404 or 410) and it leaves every listing.
    """

    original: DemoArticle
    edited: DemoArticle | None = None
    removed_at: datetime | None = None
    gone_status: int = 404

    @property
    def published(self) -> datetime:
        return self.original.published

    @property
    def edited_at(self) -> datetime | None:
        return self.edited.modified if self.edited else None

    def at(self, now: datetime) -> DemoArticle | None:
        """The version visible at ``now``, or ``None`` before publication."""
        if now < self.published or (self.removed_at is not None and self.removed_at <= now):
            return None
        if self.edited is not None and self.edited.last_modified <= now:
            return self.edited
        return self.original

    @classmethod
    def with_edit(cls, original: DemoArticle, paragraphs: tuple[str, ...], edited_at: datetime) -> ArticleEntry:
        """An entry whose text becomes ``paragraphs`` at ``edited_at``."""
        edited = replace(original, paragraphs=paragraphs, modified=edited_at, version=1)
        return cls(original, edited)


@dataclass(frozen=True)
class Section:
    """A rubric of an outlet in one language."""

    topic: str
    slug: str
    name: str
    language: str = "fr"


@dataclass(frozen=True)
class Quirks:
    """What an outlet does besides serving plain articles: the data behind the ground truth.

    ``robots_disallow`` are the path prefixes its robots.txt disallows for every agent;
    ``linked_disallowed`` are per-article link templates under them (``{story_id}`` is
    filled in), such as print versions. ``roles`` pairs a role with an article path:
    ``disallowed``, ``bot_wall_js`` (503 challenge), ``bot_wall_captcha`` (403),
    ``throttled`` (429 on the first request), ``paywalled``, ``js_rendered``,
    ``broken_html``. ``story_groups`` are paths of article pages carrying one story;
    ``variants`` pairs a variant URL (path and query) with the path of its canonical
    article; ``endpoints`` names the special URLs that are not articles.
    """

    robots_disallow: tuple[str, ...] = ()
    linked_disallowed: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    story_groups: tuple[tuple[str, ...], ...] = ()
    variants: tuple[tuple[str, str], ...] = ()
    endpoints: tuple[tuple[str, str], ...] = ()

    def paths(self, *roles: str) -> frozenset[str]:
        """Article paths that have one of ``roles``."""
        return frozenset(path for role, path in self.roles if role in roles)

    def role_of(self, path: str) -> str | None:
        """The role of the article at ``path`` (percent-decoded), if any."""
        return next((role for role, p in self.roles if p == path), None)

    def endpoint(self, name: str) -> str:
        """The path of the special URL ``name``."""
        return dict(self.endpoints)[name]


@dataclass(frozen=True)
class DemoOutlet:
    """A synthetic outlet: identity, host, endpoints and article schedule.

    ``feeds`` and ``sitemaps`` are ``(path, kind)`` pairs as the catalog
    expects them; ``entries`` are sorted by publication time; ``quirks``
    describes robots rules, hard cases and duplicates.
    """

    id: str
    name: str
    country: str
    languages: tuple[str, ...]
    cms: str
    host: str
    sections: tuple[Section, ...]
    entries: tuple[ArticleEntry, ...]
    feeds: tuple[tuple[str, str], ...]
    sitemaps: tuple[tuple[str, str], ...]
    quirks: Quirks = field(default_factory=Quirks)

    def visible(self, now: datetime) -> list[DemoArticle]:
        """Articles published by ``now``, current version, newest first."""
        found = (entry.at(now) for entry in reversed(self.entries))
        return [article for article in found if article is not None]

    def event_times(self) -> tuple[datetime, ...]:
        """Instants at which anything served by the outlet changes, sorted."""
        times = {entry.published for entry in self.entries}
        times |= {entry.published + NEWS_WINDOW for entry in self.entries}
        times |= {entry.edited_at for entry in self.entries if entry.edited_at is not None}
        times |= {entry.removed_at for entry in self.entries if entry.removed_at is not None}
        return tuple(sorted(times))

    def section(self, topic: str, language: str = "fr") -> Section:
        """The section of ``topic`` in ``language``."""
        return next(s for s in self.sections if s.topic == topic and s.language == language)
