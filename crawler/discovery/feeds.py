"""Reading RSS and Atom feeds with feedparser."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None
    published: str | None


def parse_feed(body: bytes, max_entries: int) -> tuple[list[FeedEntry], str | None]:
    """The entries of a feed (capped), and a problem description when the feed is malformed."""
    import feedparser  # about 0.1 s of imports: not before the first feed

    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    problem = None
    if parsed.get("bozo"):
        problem = f"{type(parsed.get('bozo_exception')).__name__}: {parsed.get('bozo_exception')}"
    entries = []
    for item in parsed.entries[:max_entries]:
        link = item.get("link") or next((link_.get("href") for link_ in item.get("links", []) if link_.get("href")), None)
        if link:
            changed = item.get("updated") or item.get("published")  # an edit moves 'updated' in Atom
            entries.append(FeedEntry(url=link.strip(), title=item.get("title"), published=changed))
    return entries, problem
