"""Charts as inline SVG, drawn by our own code: no script, no font or library fetched, printable.

Every shape carries what it shows in ``data-*`` attributes and a ``<title>`` (the browser's tooltip), so a
page can be checked by reading its DOM. Functions return SVG markup as text; text is always escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568")
GAP_COLOUR, EMPTY_COLOUR = "#e53e3e", "#edf2f7"


@dataclass(frozen=True)
class Share:
    """One bar segment of a share chart: ``part`` of ``total`` (e.g. paywalled of all articles)."""

    name: str
    part: int
    total: int


def _svg(width: int, height: int, body: Sequence[str], **data: str) -> str:
    attrs = "".join(f' data-{k.replace("_", "-")}="{escape(v)}"' for k, v in data.items())
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img"{attrs}>' + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 11) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">{escape(text)}</text>'


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def daily_bars(outlet: str, counts: dict[date, int], days: Sequence[date], colour: str,
               width: int = 720, height: int = 110) -> str:
    """Articles per day of one outlet over ``days`` (the same days for every outlet, so charts line up)."""
    top = max(counts.values(), default=0) or 1
    left, bottom, plot_h = 30, height - 18, height - 34
    step = (width - left - 4) / max(len(days), 1)
    body = [_text(left, 12, f"{outlet}: {sum(counts.values())} articles", size=12),
            _text(left - 4, bottom - plot_h + 8, str(top), "end", 9), _text(left - 4, bottom, "0", "end", 9),
            f'<line x1="{left}" y1="{bottom}" x2="{width - 4}" y2="{bottom}" stroke="#a0aec0"/>']
    for i, day in enumerate(days):
        count = counts.get(day, 0)
        if count:
            h = plot_h * count / top
            body.append(f'<rect class="bar" data-day="{day}" data-count="{count}" x="{left + i * step:.1f}" '
                        f'y="{bottom - h:.1f}" width="{max(step - 1, 1):.1f}" height="{h:.1f}" fill="{colour}">'
                        f"<title>{escape(outlet)} {day}: {count}</title></rect>")
    if days:
        body += [_text(left, height - 4, str(days[0]), size=9), _text(width - 4, height - 4, str(days[-1]), "end", 9)]
    return _svg(width, height, body, chart="daily", outlet=outlet)


def horizontal_bars(name: str, items: Sequence[tuple[str, int]], width: int = 720, row: int = 22) -> str:
    """One bar per label, longest first as given (e.g. articles per language)."""
    top = max((v for _, v in items), default=0) or 1
    label_w, height = 160, row * len(items) + 8
    body = []
    for i, (label, value) in enumerate(items):
        y, w = 4 + i * row, (width - label_w - 60) * value / top
        body += [_text(label_w - 6, y + row * 0.65, label or "unknown", "end"),
                 f'<rect class="bar" data-label="{escape(label)}" data-count="{value}" x="{label_w}" y="{y}" '
                 f'width="{w:.1f}" height="{row - 6}" fill="{PALETTE[i % len(PALETTE)]}">'
                 f"<title>{escape(label)}: {value}</title></rect>",
                 _text(label_w + w + 6, y + row * 0.65, str(value))]
    return _svg(width, height, body, chart=name)


def share_bars(name: str, rows: Sequence[tuple[str, Sequence[Share]]], width: int = 720, row: int = 22) -> str:
    """Per label, one bar per share, as a percentage of its total (e.g. paywalled and duplicate articles)."""
    label_w = 160
    kinds = [s.name for s in rows[0][1]] if rows else []
    height = row * len(rows) * max(len(kinds), 1) + 24
    body = [f'<rect x="{label_w + 120 * k}" y="4" width="10" height="10" fill="{PALETTE[k]}"/>'
            + _text(label_w + 120 * k + 14, 13, kind) for k, kind in enumerate(kinds)]
    for i, (label, shares) in enumerate(rows):
        y0 = 22 + i * row * len(kinds)
        body.append(_text(label_w - 6, y0 + row * 0.65, label, "end"))
        for k, share in enumerate(shares):
            y, pct = y0 + k * row, 100.0 * share.part / share.total if share.total else 0.0
            w = (width - label_w - 90) * pct / 100
            body += [f'<rect class="bar share" data-label="{escape(label)}" data-share="{escape(share.name)}" '
                     f'data-part="{share.part}" data-total="{share.total}" x="{label_w}" y="{y}" width="{w:.1f}" '
                     f'height="{row - 8}" fill="{PALETTE[k]}"><title>{escape(label)} {escape(share.name)}: '
                     f"{share.part} of {share.total}</title></rect>",
                     _text(label_w + w + 6, y + row * 0.55, f"{pct:.1f} % ({share.part}/{share.total})", size=10)]
    return _svg(width, height, body, chart=name)


def coverage_strips(outlets: Sequence[tuple[str, set[date], set[date]]], days: Sequence[date],
                    width: int = 720, row: int = 18) -> str:
    """Per outlet, one cell per day: an article published (coloured), a day inside a gap (red), none (grey)."""
    label_w = 160
    step = (width - label_w - 4) / max(len(days), 1)
    body = []
    for i, (outlet, published, gap_days) in enumerate(outlets):
        y = 4 + i * row
        body.append(_text(label_w - 6, y + row * 0.65, outlet, "end"))
        for j, day in enumerate(days):
            kind = "published" if day in published else "gap" if day in gap_days else "none"
            colour = PALETTE[i % len(PALETTE)] if kind == "published" else GAP_COLOUR if kind == "gap" else EMPTY_COLOUR
            body.append(f'<rect class="day {kind}" data-outlet="{escape(outlet)}" data-day="{day}" '
                        f'x="{label_w + j * step:.1f}" y="{y}" width="{max(step - 0.5, 0.5):.1f}" height="{row - 4}" '
                        f'fill="{colour}"><title>{escape(outlet)} {day}: {kind}</title></rect>')
    return _svg(width, row * len(outlets) + 8, body, chart="coverage")
