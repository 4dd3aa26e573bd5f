"""Hostile discovery files: what a sitemap or feed parser must refuse or bound.

Each function returns the bytes of one file for URLs under ``base_url``. The small ones are
also committed in ``tests/data/`` (made with :data:`DATA_BASE_URL`, see ``tests/data/README.md``);
demo-hard serves all of them under ``/pieges/`` (linked from nowhere, listed in no catalog entry):

* :func:`xxe_sitemap`, :func:`xxe_feed`: an external entity pointing at ``file:///etc/passwd``;
* :func:`billion_laughs_sitemap`, :func:`billion_laughs_feed`: nested entities that expand
  a few hundred bytes into about 3 GB;
* :func:`gzip_bomb_sitemap`: a gzip file of about 110 KB that expands past 100 MiB (valid XML:
  two URLs, then spaces);
* :func:`sitemap_with_urls`: a well-formed sitemap with more URLs (60,000) than the
  protocol's 50,000 limit.
"""

from __future__ import annotations

import gzip
import io
from functools import cache

DATA_BASE_URL = "https://vigie.example/"
"""The base URL of the copies committed in ``tests/data/``."""

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PASSWD = "file:///etc/passwd"
LAUGH_LEVELS = 10
BOMB_EXPANDED_SIZE = 110 * 2**20
"""Bytes the gzip bomb sitemap expands to (110 MiB)."""
HUGE_SITEMAP_URLS = 60_000

_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _laughs_dtd(root: str) -> str:
    """``lol0`` is 3 bytes; ``lolN`` is ten times ``lol(N-1)``, so ``lol9`` is 3 GB."""
    levels = ['  <!ENTITY lol0 "lol">'] + [
        f'  <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, LAUGH_LEVELS)]
    return f"<!DOCTYPE {root} [\n" + "\n".join(levels) + "\n]>\n"


def xxe_sitemap(base_url: str = DATA_BASE_URL) -> bytes:
    """A urlset whose second ``<loc>`` pulls in ``/etc/passwd`` through an external entity."""
    return (
        f'{_XML}<!DOCTYPE urlset [\n  <!ENTITY secret SYSTEM "{PASSWD}">\n]>\n'
        f'<urlset xmlns="{SITEMAP_NS}">\n'
        f"<url><loc>{base_url}actualite/nation/1-article-ordinaire.html</loc></url>\n"
        f"<url><loc>{base_url}actualite/nation/&secret;</loc></url>\n"
        "</urlset>\n"
    ).encode()


def xxe_feed(base_url: str = DATA_BASE_URL) -> bytes:
    """An RSS 2.0 feed whose item description pulls in ``/etc/passwd``."""
    return (
        f'{_XML}<!DOCTYPE rss [\n  <!ENTITY secret SYSTEM "{PASSWD}">\n]>\n'
        '<rss version="2.0"><channel><title>La Vigie</title>'
        f"<link>{base_url}</link><description>Flux piégé</description>\n"
        f"<item><title>Un article ordinaire</title><link>{base_url}actualite/nation/1-article-ordinaire.html</link>"
        "<description>&secret;</description></item>\n</channel></rss>\n"
    ).encode()


def billion_laughs_sitemap(base_url: str = DATA_BASE_URL) -> bytes:
    """A urlset whose ``<loc>`` is ``&lol9;``: about 3 GB once entities are expanded."""
    return (f"{_XML}{_laughs_dtd('urlset')}<urlset xmlns=\"{SITEMAP_NS}\">\n"
            f"<url><loc>{base_url}&lol9;</loc></url>\n</urlset>\n").encode()


def billion_laughs_feed(base_url: str = DATA_BASE_URL) -> bytes:
    """An RSS 2.0 feed whose channel title and item title are ``&lol9;``."""
    return (f"{_XML}{_laughs_dtd('rss')}<rss version=\"2.0\"><channel><title>&lol9;</title>"
            f"<link>{base_url}</link><description>Flux piégé</description>\n"
            f"<item><title>&lol9;</title><link>{base_url}actualite/nation/1-article-ordinaire.html</link></item>\n"
            "</channel></rss>\n").encode()


@cache
def gzip_bomb_sitemap(base_url: str = DATA_BASE_URL, expanded_size: int = BOMB_EXPANDED_SIZE) -> bytes:
    """A gzip file (mtime 0, level 9) of a sitemap padded with spaces to ``expanded_size`` bytes.

    Written in 1 MiB pieces, so making it never holds the expanded text.
    """
    head = (f'{_XML}<urlset xmlns="{SITEMAP_NS}">\n'
            f"<url><loc>{base_url}actualite/nation/1-article-ordinaire.html</loc></url>\n"
            f"<url><loc>{base_url}actualite/nation/2-article-ordinaire.html</loc></url>\n").encode()
    tail = b"</urlset>\n"
    padding = expanded_size - len(head) - len(tail)
    if padding < 0:
        raise ValueError(f"expanded_size {expanded_size} is smaller than the sitemap itself ({len(head + tail)} bytes)")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as archive:
        archive.write(head)
        block = b" " * 2**20
        for _ in range(padding // len(block)):
            archive.write(block)
        archive.write(b" " * (padding % len(block)) + tail)
    return buffer.getvalue()


@cache
def sitemap_with_urls(base_url: str = DATA_BASE_URL, count: int = HUGE_SITEMAP_URLS) -> bytes:
    """A well-formed urlset of ``count`` distinct article URLs (about 75 bytes each)."""
    urls = "".join(f"<url><loc>{base_url}actualite/archives/{n}-depeche.html</loc></url>\n" for n in range(1, count + 1))
    return f'{_XML}<urlset xmlns="{SITEMAP_NS}">\n{urls}</urlset>\n'.encode()


COMMITTED = {
    "sitemap-xxe.xml": xxe_sitemap,
    "feed-xxe.xml": xxe_feed,
    "sitemap-billion-laughs.xml": billion_laughs_sitemap,
    "feed-billion-laughs.xml": billion_laughs_feed,
    "sitemap-gzip-bomb.xml.gz": gzip_bomb_sitemap,
}
"""File name in ``tests/data/`` → the function that makes it (with :data:`DATA_BASE_URL`)."""
