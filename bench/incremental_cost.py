"""Benchmark: what an incremental run on unchanged outlets costs, against the first full crawl.

    .venv/bin/python bench/incremental_cost.py [--outlets demo-wp demo-cms demo-bilingue]

Crawls the demo outlets twice with the default (incremental) settings, with the demo server in
this process so its wire log counts every request and every byte it sent, and prints requests and
bytes of the second run as a share of the first (target ≤ 5 %). Numbers only, no assertion.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demo import OUTLET_IDS, DemoServer, DemoWorld  # noqa: E402
from crawler.demo_process import write_demo_catalog  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", nargs="+", default=list(OUTLET_IDS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-incremental-") as tmp, DemoServer(DemoWorld()) as server:
        catalog = Path(tmp) / "demo.yaml"
        write_demo_catalog(server.base_urls, catalog)
        runs = []
        for _ in range(2):
            start = len(server.wire_log)
            cmd = [sys.executable, "-m", "crawler.cli", "crawl", *args.outlets, "--store", str(Path(tmp) / "store"),
                   "--catalog-extra", str(catalog), "--log-level", "WARNING"]
            result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"crawl failed:\n{result.stdout}\n{result.stderr[-2000:]}")
            entries = server.wire_log[start:]
            runs.append((len(entries), sum(len(e.response_bytes) + len(e.request_bytes) for e in entries),
                         sum(1 for e in entries if e.status == 304)))
    (req1, bytes1, _), (req2, bytes2, not_modified) = runs
    print(f"first crawl:  {req1:5} requests, {bytes1:>9} bytes on the wire")
    print(f"second crawl: {req2:5} requests, {bytes2:>9} bytes on the wire ({not_modified} answered 304 Not Modified)")
    print(f"second / first = {100 * req2 / req1:.1f} % of requests, {100 * bytes2 / bytes1:.1f} % of bytes (target ≤ 5 %)")


if __name__ == "__main__":
    main()
