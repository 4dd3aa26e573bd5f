"""Stable addresses of the demo outlets, so that two demo crawls name the very same URLs.

Each outlet has a loopback address of its own (demo-wp 127.0.0.11 … demo-hard 127.0.0.15, see
:mod:`crawler.demo.outlets`); :func:`stable_ports` gives each a port. ``khabar crawl --demo`` and
``khabar demo serve`` ask for them; tests serve on free ports (port 0) instead, since several test
runs may share a machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crawler.demo import ALL_OUTLET_IDS

STABLE_PORT_BASE = 8011
"""The stable port of demo-wp; the other outlets follow (demo-cms 8012 … demo-hard 8015).

Below Linux's ephemeral range (32768-60999), so no client socket and no server started on port 0
takes it, and on loopback addresses of their own (127.0.0.11-15), so only a server listening on every
address (0.0.0.0:8011) or on that very address collides."""


def stable_ports(base: int = STABLE_PORT_BASE) -> dict[str, int]:
    """Outlet id → port: ``base`` for the first outlet of ``ALL_OUTLET_IDS``, then one more each.

    Base 0 means a free port for every outlet. New outlets go at the end of ``ALL_OUTLET_IDS``, so
    the ports of the others never move.
    """
    if base == 0:
        return {}
    if not 1 <= base <= 65536 - len(ALL_OUTLET_IDS):
        raise ValueError(f"port base {base} leaves no room for {len(ALL_OUTLET_IDS)} ports below 65536; "
                         "use 0 (any free port) or a base such as 8011")
    return {outlet_id: base + offset for offset, outlet_id in enumerate(ALL_OUTLET_IDS)}


@dataclass(frozen=True)
class TakenPort:
    """A stable address that was taken when the server started, and where the outlet went instead."""

    outlet_id: str
    wanted: str
    """``host:port`` asked for."""
    served: str
    """``host:port`` served on (a free port)."""


def taken_ports_line(taken: Sequence[TakenPort]) -> str:
    """One line saying which stable addresses were taken and what that costs, or '' if none was."""
    if not taken:
        return ""
    where = "; ".join(f"{t.wanted} is taken, {t.outlet_id} is on {t.served}" for t in taken)
    what = "it as a new site" if len(taken) == 1 else "them as new sites"
    return (f"{where} instead: a demo crawl fetches {what}, not incrementally against earlier demo runs (the URLs "
            "differ). Free the port, or move every demo outlet with 'khabar crawl --demo --demo-port-base N' "
            "('khabar demo serve --port-base N').")
