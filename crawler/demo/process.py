"""Running the bundled demo world: in this process (``khabar demo serve``) or as a child process.

``khabar crawl --demo`` runs the demo server in a child process so that serving pages never
competes with the crawl for the GIL, and writes the demo outlets' catalog entries to a file that
the crawl reads through ``KHABAR_CATALOG_EXTRA`` (``scrapy crawl`` can use the same file).
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

from crawler.errors import DemoWorldError

READY = "khabar-demo-ready"


def write_demo_catalog(base_urls: dict[str, str], path: str | Path) -> None:
    from crawler.demo import demo_catalog_entries

    Path(path).write_text(yaml.safe_dump(demo_catalog_entries(base_urls), allow_unicode=True, sort_keys=False),
                          encoding="utf-8")


def serve_demo(at: str | None, catalog_out: str | None) -> int:
    """Serve the demo outlets until SIGINT/SIGTERM; print one 'id URL' line each, then the ready line."""
    from crawler.demo import DEMO_EPOCH, DemoClock, DemoServer, DemoWorld

    start = datetime.fromisoformat(at) if at else DEMO_EPOCH
    server = DemoServer(DemoWorld(DemoClock(start)))
    server.start()
    if catalog_out:
        write_demo_catalog(server.base_urls, catalog_out)
    for outlet_id, url in server.base_urls.items():
        print(f"{outlet_id} {url}", flush=True)
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


@contextmanager
def running_demo_world(timeout: float = 60.0) -> Iterator[RunningDemo]:
    """Start the demo world in a child process; stop it on exit."""
    with tempfile.TemporaryDirectory(prefix="khabar-demo-") as tmp:
        catalog_path = Path(tmp) / "demo-catalog.yaml"
        child = subprocess.Popen([sys.executable, "-m", "crawler.demo.process", "--catalog-out", str(catalog_path)],
                                 stdout=subprocess.PIPE, text=True)
        try:
            yield RunningDemo(_read_base_urls(child, timeout), catalog_path)
        finally:
            child.terminate()
            child.wait(timeout=10)


def _read_base_urls(child: subprocess.Popen[str], timeout: float) -> dict[str, str]:
    urls: dict[str, str] = {}
    timer = threading.Timer(timeout, child.kill)
    timer.start()
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == READY:
                return urls
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
    args = parser.parse_args(argv)
    return serve_demo(args.at, args.catalog_out)


if __name__ == "__main__":
    sys.exit(main())
