"""The bundled demo outlets (crawler/demo) served on free loopback ports, with a catalog file that lists them.

A test that crawls the demo world needs both: the running server (its world, its wire log) and a catalog to
pass as ``--catalog-extra``. :func:`serve_demo_outlets` gives both for a ``with`` block (a server per test);
the ``demo_outlets`` fixture of ``tests/conftest.py`` gives them for a whole test module.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.demo import DemoServer, DemoWorld
from crawler.demo.process import write_demo_catalog


@dataclass(frozen=True)
class DemoOutlets:
    """The running demo server and the catalog file that points at its outlets."""

    server: DemoServer
    catalog: Path

    @property
    def world(self) -> DemoWorld:
        """The world the server serves (advance its clock to publish more news)."""
        return self.server.world

    def port(self, outlet_id: str) -> int:
        """The loopback port ``outlet_id`` listens on."""
        port = urlsplit(self.server.base_url(outlet_id)).port
        assert port is not None, f"{outlet_id} is served without an explicit port: {self.server.base_url(outlet_id)}"
        return port


@contextmanager
def serve_demo_outlets(catalog: Path, world: DemoWorld | None = None) -> Iterator[DemoOutlets]:
    """Serve every outlet of ``world`` (a fresh :class:`DemoWorld` by default) on free loopback ports while
    the block runs, and write ``catalog``: a YAML catalog of those outlets, for ``--catalog-extra``."""
    with DemoServer(world) as server:
        write_demo_catalog(server.base_urls, catalog)
        yield DemoOutlets(server, catalog)
