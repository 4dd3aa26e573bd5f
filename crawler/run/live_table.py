"""The live per-outlet table ``khabar crawl`` draws on a terminal (rich ``Live``, redrawn ``REFRESH_PER_SECOND``
times a second); lines written to stdout or stderr meanwhile (warnings, errors) appear above it, and its last frame
stays. Imported only for a terminal (``crawler.run.console``): rich costs the crawl's start-up about 20 ms of CPU.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping

from rich import box
from rich.console import Console
from rich.live import Live
from rich.table import Table
from scrapy.crawler import Crawler

from crawler.run.progress import OutletProgress
from crawler.run.progress_view import Snapshots, clock, reasons, size, snapshots_of, state

REFRESH_PER_SECOND = 4


def table(title: str, rows: dict[str, OutletProgress | None]) -> Table:
    """The live table: one row per outlet, the columns of ``OutletProgress``."""
    grid = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("outlet", "state", "discovered", "fetched", "recorded", "errors", "pages/s", "received",
                 "archived", "not recorded (by reason)"):
        grid.add_column(name, justify="left" if name in ("outlet", "state") or name.startswith("not") else "right",
                        no_wrap=not name.startswith("not"))
    for outlet, p in rows.items():
        if p is None:
            grid.add_row(outlet, state(p), *["-"] * 8)
            continue
        grid.add_row(outlet, state(p), str(p.discovered), str(p.fetched), str(p.recorded),
                     str(p.errors), f"{p.pages_per_second:.1f}", size(p.bytes_received), size(p.bytes_archived),
                     reasons(p), style="bold red" if p.errors and p.state == "running" else None)
    return grid



class LiveTable:
    """The live per-outlet table on a terminal (stdout)."""

    def __init__(self, crawl_id: str, console: Console | None = None) -> None:
        self.crawl_id = crawl_id
        self.console = console or Console()
        self._rows: Snapshots = dict
        self._started = time.monotonic()
        self._live: Live | None = None

    def start(self, crawlers: Mapping[str, Crawler]) -> None:
        self._rows = snapshots_of(crawlers)
        self._started = time.monotonic()
        # lines written to stderr meanwhile go above the table, unless stderr goes elsewhere (2>file)
        self._live = Live(console=self.console, get_renderable=self._render, refresh_per_second=REFRESH_PER_SECOND,
                          redirect_stderr=sys.stderr.isatty())
        self._live.start()

    def _render(self) -> Table:
        return table(f"Khabar crawl {self.crawl_id}  {clock(time.monotonic() - self._started)}", self._rows())

    def stop(self) -> None:
        if self._live is not None:
            self._live.stop()  # draws the last frame, which stays above the summary
            self._live = None
