"""Running the bundled demo world: in this process (``khabar demo serve``) or as a child process.

``khabar crawl --demo`` runs the demo server in a child process so that serving pages never
competes with the crawl for the GIL, and writes the demo outlets' catalog entries to a file that
the crawl reads through ``KHABAR_CATALOG_EXTRA`` (``scrapy crawl`` can use the same file).

Both serve on the stable ports of :func:`~crawler.demo.addresses.stable_ports` by default, so a second
``khabar crawl --demo`` into the same store finds the very URLs of the first and is incremental.
The child tells its parent where it serves on standard output: one ``<outlet-id> <base-URL>``
line per outlet, a ``warning: …`` line if a stable port was taken, then :data:`READY`.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from crawler.demo.addresses import STABLE_PORT_BASE, stable_ports, taken_ports_line
from crawler.errors import DemoWorldError

READY = "khabar-demo-ready"
WARNING = "warning: "


def write_demo_catalog(base_urls: dict[str, str], path: str | Path) -> None:
    from crawler.demo import demo_catalog_entries

    Path(path).write_text(yaml.safe_dump(demo_catalog_entries(base_urls), allow_unicode=True, sort_keys=False),
                          encoding="utf-8")


def serve_demo(at: str | None, catalog_out: str | None, port_base: int | None = None) -> int:
    """Serve the demo outlets until SIGINT/SIGTERM; print one 'id URL' line each, a warning line if a
    stable port was taken, then the ready line.

    ``port_base`` is the port of the first outlet (default: :data:`~crawler.demo.addresses.STABLE_PORT_BASE`,
    see :func:`~crawler.demo.addresses.stable_ports`), 0 for any free ports.
    """
    from crawler.demo import DEMO_EPOCH, DemoClock, DemoServer, DemoWorld

    start = datetime.fromisoformat(at) if at else DEMO_EPOCH
    server = DemoServer(DemoWorld(DemoClock(start)), ports=stable_ports(STABLE_PORT_BASE if port_base is None else port_base))
    server.start()
    if catalog_out:
        write_demo_catalog(server.base_urls, catalog_out)
    for outlet_id, url in server.base_urls.items():
        print(f"{outlet_id} {url}", flush=True)
    if server.taken:
        print(WARNING + taken_ports_line(server.taken), flush=True)
    print(READY, flush=True)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    server.stop()
    return 0


@dataclass(frozen=True)
class RunningDemo:
    base_urls: dict[str, str]
    catalog_path: Path
    warnings: list[str]
    """Lines to show the operator (a stable port was taken: the crawl will not be incremental)."""


@contextmanager
def running_demo_world(port_base: int | None = None, timeout: float = 60.0) -> Iterator[RunningDemo]:
    """Start the demo world in a child process, on the stable ports from ``port_base`` (default
    :data:`~crawler.demo.addresses.STABLE_PORT_BASE`, 0: any free ports); stop it on exit."""
    with tempfile.TemporaryDirectory(prefix="khabar-demo-") as tmp:
        catalog_path = Path(tmp) / "demo-catalog.yaml"
        ports = ("--port-base", str(port_base)) if port_base is not None else ()
        with subprocess.Popen([sys.executable, "-m", "crawler.demo.process", "--catalog-out", str(catalog_path),
                               *ports], stdout=subprocess.PIPE, text=True) as child:
            try:
                base_urls, warnings = _read_ready(child, timeout)
                yield RunningDemo(base_urls, catalog_path, warnings)
            finally:
                child.terminate()
                child.wait(timeout=10)


def _read_ready(child: subprocess.Popen[str], timeout: float) -> tuple[dict[str, str], list[str]]:
    """The base URLs and warning lines the child prints before its ready line."""
    urls: dict[str, str] = {}
    warnings: list[str] = []
    timer = threading.Timer(timeout, child.kill)
    timer.start()
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == READY:
                return urls, warnings
            if line.startswith(WARNING):
                warnings.append(line.strip())
                continue
            outlet_id, _, url = line.strip().partition(" ")
            urls[outlet_id] = url
    finally:
        timer.cancel()
    raise DemoWorldError(f"the demo world did not start (exit code {child.poll()}); "
                         "run 'khabar demo serve' to see its error")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.demo.process")
    parser.add_argument("--at")
    parser.add_argument("--catalog-out")
    parser.add_argument("--port-base", type=int)
    args = parser.parse_args(argv)
    return serve_demo(args.at, args.catalog_out, args.port_base)


if __name__ == "__main__":
    sys.exit(main())
