"""Small helpers shared by the outlet templates: escaping, dates, assets."""

from __future__ import annotations

import hashlib
import json
import random
import struct
import zlib
from datetime import datetime
from email.utils import format_datetime
from html import escape
from typing import Any

from crawler.demo._locales import MONTHS, WEEKDAYS


def esc(text: str) -> str:
    """Escape text for HTML content and double-quoted attributes (``'`` stays as is)."""
    return escape(text, quote=False).replace('"', "&quot;")


def cdata(text: str) -> str:
    """Wrap ``text`` in a CDATA section (our texts never contain ``]]>``)."""
    return f"<![CDATA[{text}]]>"


def json_script(data: Any) -> str:
    """JSON for an inline ``<script>``; ``</`` is escaped so it cannot close it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def w3c(dt: datetime) -> str:
    """``2026-11-12T14:32:00+00:00`` (sitemaps, JSON-LD, Open Graph)."""
    return dt.isoformat(timespec="seconds")


def rfc822(dt: datetime) -> str:
    """``Thu, 12 Nov 2026 14:32:00 +0000`` (RSS)."""
    return format_datetime(dt)


def http_date(dt: datetime) -> str:
    """``Thu, 12 Nov 2026 14:32:00 GMT`` (HTTP headers)."""
    return format_datetime(dt, usegmt=True)


def fr_date(dt: datetime) -> str:
    """``12 novembre 2026``."""
    return f"{dt.day} {MONTHS[dt.month - 1][0]} {dt.year}"


def fr_date_words(dt: datetime) -> str:
    """``jeudi 12 novembre 2026 à 14h32``."""
    return f"{WEEKDAYS[dt.weekday()][0]} {fr_date(dt)} à {dt.hour}h{dt.minute:02d}"


def ar_date(dt: datetime) -> str:
    """``12 نوفمبر 2026``."""
    return f"{dt.day} {MONTHS[dt.month - 1][1]} {dt.year}"


def ar_weekday(dt: datetime) -> str:
    """Arabic name of the weekday of ``dt``."""
    return WEEKDAYS[dt.weekday()][1]


def join_names(names: tuple[str, ...], lang: str = "fr") -> str:
    """'A', 'A et B', 'A, B et C' (Arabic: 'A وB')."""
    if len(names) <= 1:
        return "".join(names)
    if lang == "ar":
        return " و".join(names)
    return ", ".join(names[:-1]) + " et " + names[-1]


def popularity(key: str) -> int:
    """A stable pseudo-random 'read count' used to rank 'most read' boxes."""
    return int.from_bytes(hashlib.sha1(key.encode()).digest()[:4], "big")


def png(seed: str, width: int = 48, height: int = 27) -> bytes:
    """A small, deterministic two-colour PNG image."""
    rng = random.Random(seed)
    top, bottom = bytes(rng.randrange(256) for _ in range(3)), bytes(rng.randrange(256) for _ in range(3))
    rows = b"".join(b"\x00" + (top if y < height // 2 else bottom) * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def svg_logo(text: str, colour: str) -> bytes:
    """A text logo as SVG."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="60" viewBox="0 0 320 60">'
        f'<rect width="320" height="60" fill="{colour}"/>'
        f'<text x="16" y="40" font-family="Georgia, serif" font-size="26" fill="#fff">{esc(text)}</text></svg>\n'
    ).encode()


_COMPONENTS = ("header", "nav", "menu", "card", "widget", "footer", "grid", "btn", "badge", "ticker",
               "share", "comment", "form", "meta", "thumb", "pager", "crumb", "tag")
_SUFFIXES = ("", "__title", "__link", "__body", "--active", ":hover")
_PROPERTIES = (
    ("margin", ("0", "0 auto", "8px 0", "1rem 0 1.5rem", "0 12px")),
    ("padding", ("0", "4px 8px", "12px", "1rem 1.25rem", "6px 0")),
    ("color", ("#1a1a1a", "#444", "#b3261e", "#0b5394", "#fff", "#6b6b6b")),
    ("background", ("none", "#fff", "#f4f1ea", "#1f2a36", "#e9eef3")),
    ("font-size", ("12px", ".875rem", "1rem", "1.125rem", "1.5rem")),
    ("font-weight", ("400", "600", "700")),
    ("border-bottom", ("0", "1px solid #ddd", "2px solid #b3261e")),
    ("display", ("block", "flex", "inline-block", "grid")),
    ("line-height", ("1.2", "1.4", "1.6")),
    ("text-transform", ("none", "uppercase")),
)


def stylesheet(prefix: str, seed: str, media: tuple[str, ...] = ("max-width: 782px", "max-width: 480px")) -> str:
    """A deterministic theme stylesheet of a realistic size (about 15 KB)."""
    rng = random.Random(seed)
    rules = [_rule(rng, f".{prefix}-{c}{s}") for c in _COMPONENTS for s in _SUFFIXES]
    for query in media:
        inner = "\n".join(_rule(rng, f".{prefix}-{c}") for c in _COMPONENTS)
        rules.append(f"@media ({query}) {{\n{inner}\n}}")
    return "\n".join(rules) + "\n"


def _rule(rng: random.Random, selector: str) -> str:
    chosen = rng.sample(_PROPERTIES, rng.randint(2, 4))
    body = ";".join(f"{name}:{rng.choice(values)}" for name, values in chosen)
    return f"{selector}{{{body}}}"
