"""The extraction pool: its workers extract without running the crawl's main module again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The crawl's stand-in: run as ``python -m crawl_main`` (as ``python -m crawler.cli`` is), it starts the pool and
# extracts one page in a worker; imported anywhere else (a worker re-running the main module), it leaves a mark.
CRAWL_MAIN = textwrap.dedent('''
    import os

    if __name__ != "__main__":
        with open(os.environ["KHABAR_TEST_MARK"], "a", encoding="utf-8") as mark:
            mark.write(f"{__name__} imported in process {os.getpid()}\\n")
    else:
        import asyncio

        from crawler.extract.pool import extract_with_requisites, shutdown_pools

        PAGE = ("<html lang='fr'><head><title>Pluies à Kayes</title></head><body><article><h1>Pluies à Kayes</h1>"
                + "<p>Les pluies tombées dans la nuit ont coupé la route nationale au sud de Kayes, ont indiqué "
                  "mardi les services de la protection civile, qui appellent les transporteurs à la prudence.</p>" * 4
                + "</article></body></html>").encode()
        outcome, _ = asyncio.run(extract_with_requisites(PAGE, "https://journal.example/societe/pluies-kayes.html",
                                                         "text/html; charset=utf-8", 2))
        shutdown_pools()
        print(type(outcome).__name__, outcome.title if hasattr(outcome, "title") else outcome)
''')


def test_workers_extract_without_importing_the_crawls_main_module(tmp_path: Path) -> None:
    (tmp_path / "crawl_main.py").write_text(CRAWL_MAIN, encoding="utf-8")
    mark = tmp_path / "imported.txt"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]), "KHABAR_TEST_MARK": str(mark)}
    result = subprocess.run([sys.executable, "-m", "crawl_main"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "Extracted Pluies à Kayes"
    assert not mark.exists(), mark.read_text(encoding="utf-8")
