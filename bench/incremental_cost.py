"""Benchmark: what an incremental run on unchanged outlets costs, against the first full crawl.

    .venv/bin/python bench/incremental_cost.py [--outlets demo-wp demo-cms demo-bilingue]

Crawls the demo outlets three times into one store, with the demo server in this process so its wire
log counts every request and every byte it sent: the first crawl; an unchanged run soon after, with the
defaults (WordPress outlets asked through REST alone, robots.txt kept for a day); and an unchanged run
when the full discovery cascade and robots.txt are due again (KHABAR_CASCADE_MAX_AGE=0,
KHABAR_ROBOTS_MAX_AGE=0, as the first run of each day is). Prints requests and bytes of each later
run as a share of the first (target ≤ 5 %), and what the requests were. Numbers only, no assertion.
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
from crawler.demo.process import write_demo_catalog  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", nargs="+", default=list(OUTLET_IDS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-incremental-") as tmp, DemoServer(DemoWorld()) as server:
        catalog = Path(tmp) / "demo.yaml"
        write_demo_catalog(server.base_urls, catalog)
        runs, kinds = [], []
        due = ["-s", "KHABAR_CASCADE_MAX_AGE=0", "-s", "KHABAR_ROBOTS_MAX_AGE=0"]
        for extra in ([], [], due):
            start = len(server.wire_log)
            cmd = [sys.executable, "-m", "crawler.cli", "crawl", *args.outlets, "--store", str(Path(tmp) / "store"),
                   "--catalog-extra", str(catalog), "--log-level", "WARNING", *extra]
            result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"crawl failed:\n{result.stdout}\n{result.stderr[-2000:]}")
            entries = server.wire_log[start:]
            runs.append((len(entries), sum(len(e.response_bytes) + len(e.request_bytes) for e in entries),
                         sum(1 for e in entries if e.status == 304)))
            kinds.append(sorted(f"{e.outlet_id} {e.path.split('?')[0]} {e.status}" for e in entries))
    (req1, bytes1, _) = runs[0]
    print(f"outlets: {' '.join(args.outlets)}")
    print(f"first crawl:            {req1:5} requests, {bytes1:>9} bytes on the wire")
    labels = ("unchanged, soon after", "unchanged, cascade due")
    for label, (requests, sent, not_modified), asked in zip(labels, runs[1:], kinds[1:], strict=True):
        print(f"{label}: {requests:5} requests, {sent:>9} bytes ({not_modified} answered 304 Not Modified)"
              f" = {100 * requests / req1:.1f} % of requests, {100 * sent / bytes1:.1f} % of bytes (target ≤ 5 %)")
        for line in asked:
            print(f"    {line}")


if __name__ == "__main__":
    main()
