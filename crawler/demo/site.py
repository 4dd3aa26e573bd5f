"""What templates work with: the :class:`Page` they return, the :class:`Site` they read."""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TypeVar
from urllib.parse import unquote, urljoin

from crawler.demo.model import ArticleEntry, DemoArticle, DemoOutlet

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """A response before HTTP framing: status, type, body and validators."""

    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None
    headers: tuple[tuple[str, str], ...] = ()
    compressible: bool = True

    @cached_property
    def digest(self) -> str:
        """Hex SHA-1 of the uncompressed body."""
        return hashlib.sha1(self.body).hexdigest()

    @cached_property
    def gzipped(self) -> bytes:
        """The body gzip-encoded, deterministically (mtime 0)."""
        return gzip.compress(self.body, compresslevel=6, mtime=0)

    def etag(self, encoding: str) -> str:
        """Strong ETag of the body as sent with ``encoding`` ('identity' or 'gzip')."""
        suffix = "" if encoding == "identity" else f"-{encoding}"
        return f'"{self.digest[:24]}{suffix}"'


@dataclass(frozen=True)
class StreamedPage:
    """A response too large to hold: ``length`` bytes, mostly ``chunk`` repeated, written piece by piece.

    Never gzip-encoded; the wire log keeps its head only. Its ETag depends on the
    chunk and the length, so conditional requests work as for a :class:`Page`.
    """

    status: int
    content_type: str
    length: int
    chunk: bytes
    prefix: bytes = b""
    last_modified: datetime | None = None
    headers: tuple[tuple[str, str], ...] = ()
    compressible: bool = field(default=False, init=False)

    def chunks(self) -> Iterator[bytes]:
        """The body: ``prefix``, then ``chunk`` repeated, the last copy cut to fit ``length``."""
        yield self.prefix
        full, rest = divmod(self.length - len(self.prefix), len(self.chunk))
        for _ in range(full):
            yield self.chunk
        if rest:
            yield self.chunk[:rest]

    def etag(self, encoding: str) -> str:
        """Strong ETag of the body (only 'identity' is ever sent)."""
        digest = hashlib.sha1(self.prefix + self.chunk + str(self.length).encode()).hexdigest()
        return f'"{digest[:24]}"'


@dataclass
class Site:
    """What a template may know: the outlet, where it is served, and now."""

    outlet: DemoOutlet
    base_url: str
    now: datetime
    articles: list[DemoArticle]
    _by_path: dict[str, DemoArticle] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_path = {unquote(a.path): a for a in self.articles}

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` on this outlet."""
        return urljoin(self.base_url, path)

    def article(self, path: str) -> DemoArticle | None:
        """The visible article at ``path`` (compared after percent-decoding)."""
        return self._by_path.get(unquote(path))

    def gone(self, path: str) -> ArticleEntry | None:
        """The article that was at ``path`` and has been removed by now, if any."""
        wanted = unquote(path)
        return next((e for e in self.outlet.entries if e.removed_at is not None and e.removed_at <= self.now
                     and unquote(e.original.path) == wanted), None)

    def newest(self, articles: Iterable[DemoArticle] | None = None) -> datetime:
        """Latest ``last_modified`` of ``articles`` (default: all visible ones).

        Falls back to the outlet's first publication when there is none.
        """
        chosen = self.articles if articles is None else articles
        return max((a.last_modified for a in chosen), default=self.outlet.entries[0].published)

    def earlier(self, article: DemoArticle, language: str | None = None) -> list[DemoArticle]:
        """Articles published strictly before ``article``, newest first.

        Boxes on article pages use only these, so an article page does not
        change when later articles appear.
        """
        lang = language or article.language
        return [a for a in self.articles if a.published < article.published and a.language == lang]


Renderer = Callable[[Site, str, Mapping[str, str]], "Page | StreamedPage | None"]


def paginate(items: Sequence[T], page: int, per_page: int) -> list[T] | None:
    """Items of 1-based ``page``; ``None`` past the end (page 1 always exists)."""
    start = (page - 1) * per_page
    if page < 1 or (page > 1 and start >= len(items)):
        return None
    return list(items[start:start + per_page])


def page_count(total: int, per_page: int) -> int:
    """Number of pages needed for ``total`` items (at least 1)."""
    return max(1, -(-total // per_page))


def redirect(location: str, status: int = 301) -> Page:
    """A redirect with a tiny HTML body."""
    body = f'<html><body><a href="{location}">{location}</a></body></html>\n'.encode()
    return Page(status, "text/html; charset=UTF-8", body, headers=(("Location", location),))


Handler = Callable[["Site", re.Match[str], Mapping[str, str]], "Page | StreamedPage | None"]
"""A route of a demo site: the site, the path's match and the query → the page (None: 404)."""


def asset(content_type: str, make: Callable[[], bytes]) -> Callable[..., Page]:
    """The route of a static file (stylesheet, script, logo); PNG images are sent as they are, never gzip-encoded."""
    def serve(site: Site, match: re.Match[str], query: Mapping[str, str] | None = None) -> Page:
        return Page(200, content_type, make(), site.outlet.entries[0].published,
                    compressible=not content_type.startswith("image/png"))
    return serve
