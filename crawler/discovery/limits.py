"""Size limits for untrusted discovery documents."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.settings import BaseSettings

from crawler.warc.decoding import BodyTooLarge, decode_stream


class TooLarge(ValueError):
    """A document grew past a configured size limit."""

    def __init__(self, what: str, limit: int, setting: str) -> None:
        super().__init__(f"{what} is larger than {limit} bytes once decompressed; "
                         f"raise {setting} if this outlet really publishes files that large")
        self.limit, self.setting = limit, setting


GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(body: bytes) -> bool:
    return body[:2] == GZIP_MAGIC


def gunzip_limited(body: bytes, max_size: int, what: str, setting: str = "KHABAR_SITEMAP_MAX_SIZE") -> bytes:
    """Decompress a gzip document, stopping as soon as it passes ``max_size`` bytes."""
    return gunzip_bounded(body, max_size, what, setting)[0]


def gunzip_bounded(body: bytes, max_size: int, what: str,
                   setting: str = "KHABAR_SITEMAP_MAX_SIZE") -> tuple[bytes, bool]:
    """Decompress a gzip document as far as it goes: (data, complete). ``complete`` is False when the stream
    ends before its gzip trailer (a truncated download): the data is then what the stream held so far.
    Bad gzip data raises :class:`crawler.warc.decoding.CorruptStream`."""
    try:
        return decode_stream(body, b"gzip", max_size, setting)
    except BodyTooLarge as exc:
        raise TooLarge(what, max_size, setting) from exc


@dataclass(frozen=True, slots=True)
class DiscoveryLimits:
    sitemap_max_size: int
    sitemap_max_urls: int
    sitemaps_max: int
    feed_max_entries: int
    listing_max_depth: int
    listing_max_pages: int

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> DiscoveryLimits:
        return cls(settings.getint("KHABAR_SITEMAP_MAX_SIZE"), settings.getint("KHABAR_SITEMAP_MAX_URLS"),
                   settings.getint("KHABAR_SITEMAPS_MAX"), settings.getint("KHABAR_FEED_MAX_ENTRIES"),
                   settings.getint("KHABAR_LISTING_MAX_DEPTH", 3), settings.getint("KHABAR_LISTING_MAX_PAGES", 100))
