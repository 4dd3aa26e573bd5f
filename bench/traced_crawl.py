"""``khabar`` under tracemalloc, for ``bench/soak.py --trace DIR`` (a diagnostic, not a measurement of RSS).

    python bench/traced_crawl.py DIR SECONDS <khabar arguments…>

Starts tracemalloc (8 frames) before Khabar is imported, then runs the khabar command in this process; a
daemon thread writes a snapshot to ``DIR/snapshot-<n>.pickle`` every SECONDS, with the live objects counted
per type beside it (``DIR/objects-<n>.json``, after a full garbage collection), so that two snapshots of a
long crawl say where its memory grows (``bench/soak.py`` compares them at the end). tracemalloc slows the
crawl down and adds its own memory: the RSS the soak prints in this mode is not the crawl's.
"""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path


def _snapshots(folder: Path, every: float) -> None:
    n = 0
    while True:
        time.sleep(every)
        n += 1
        snapshot = tracemalloc.take_snapshot()
        snapshot.dump(str(folder / f"snapshot-{n:04d}.pickle"))
        gc.collect()
        counts = Counter(type(o).__qualname__ for o in gc.get_objects())
        (folder / f"objects-{n:04d}.json").write_text(json.dumps(dict(counts.most_common(200))))


def main() -> None:
    folder, every = Path(sys.argv[1]), float(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    tracemalloc.start(8)
    threading.Thread(target=_snapshots, args=(folder, every), daemon=True, name="soak-snapshots").start()
    sys.argv = ["khabar", *sys.argv[3:]]
    from crawler.cli import main as khabar

    khabar()


if __name__ == "__main__":
    main()
