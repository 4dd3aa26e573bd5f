"""The extraction pool: its workers extract without running the crawl's main module again."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crawler.extract import Rejected

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


# -- the pool's contract, in this process ------------------------------------------------------------------------
def _die_on_crash(body: bytes, url: str, content_type: str | None, hints: object) -> object:
    """Stands in for the worker's extraction: the process ends on a page that says "crash", as on a segfault."""
    from crawler.extract import pool

    if b"crash" in body:
        os._exit(7)
    return pool._extract_with_requisites(body, url, content_type, hints)  # type: ignore[arg-type]


PAGE = (b"<html lang='fr'><head><title>Pluies \xc3\xa0 Kayes</title></head><body><article><h1>Pluies \xc3\xa0 Kayes</h1>"
        + b"<p>Les pluies tomb\xc3\xa9es dans la nuit ont coup\xc3\xa9 la route nationale au sud de Kayes, ont indiqu\xc3\xa9 "
          b"mardi les services de la protection civile, qui appellent les transporteurs \xc3\xa0 la prudence.</p>" * 4
        + b"</article></body></html>")


def test_a_worker_that_dies_costs_its_own_page_and_a_new_worker_extracts_the_next(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.extract import pool

    monkeypatch.setattr(pool, "_extract_with_requisites", _die_on_crash)

    async def crawl() -> list[object]:
        pages = [PAGE.replace(b"</article>", b"<p>crash</p></article>"), PAGE, PAGE]  # one worker holds two pages
        return [outcome for outcome, _ in await asyncio.gather(
            *(pool.extract_with_requisites(page, f"https://journal.example/{i}.html", "text/html", 1)
              for i, page in enumerate(pages)))]

    try:
        died, *others = asyncio.run(crawl())
    finally:
        pool.shutdown_pools()
    assert died == Rejected(reason="worker_died", detail="the extraction worker process died on this page")
    assert [getattr(outcome, "title", outcome) for outcome in others] == ["Pluies à Kayes", "Pluies à Kayes"]


def test_an_error_in_a_worker_reaches_the_caller_with_the_workers_traceback_and_the_worker_goes_on() -> None:
    from crawler.extract.pool import ExtractionPool

    async def calls(pool: ExtractionPool) -> tuple[BaseException, int]:
        with pytest.raises(ValueError, match="invalid literal") as raised:
            await pool.call(int, "douze")
        return raised.value, await pool.call(int, "12")

    pool = ExtractionPool(1, nice=0)
    try:
        error, twelve = asyncio.run(calls(pool))
    finally:
        pool.shutdown()
    assert twelve == 12
    assert "Traceback" in "".join(getattr(error, "__notes__", []))


def test_answers_reach_their_callers_and_workers_run_below_the_crawls_priority() -> None:
    from crawler.extract.pool import ExtractionPool

    async def calls(pool: ExtractionPool) -> tuple[list[int], set[int]]:
        squares = await asyncio.gather(*(pool.call(pow, n, 2) for n in range(40)))
        return list(squares), set(await asyncio.gather(*(pool.call(os.nice, 0) for _ in range(8))))

    pool = ExtractionPool(2, nice=5)
    try:
        squares, niceness = asyncio.run(calls(pool))
        processes = [worker.process for worker in pool.workers]
    finally:
        pool.shutdown()
    assert squares == [n * n for n in range(40)]
    assert niceness == {min(19, os.nice(0) + 5)}
    assert len(processes) == 2 and all(process.exitcode == 0 for process in processes)  # shut down: ended, reaped


def test_when_no_worker_can_start_again_the_pages_fail_instead_of_waiting_for_ever(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.extract import pool

    async def calls(extraction: pool.ExtractionPool) -> list[object]:
        await extraction.call(int, "1")  # the worker is up; from now on no new one can start
        monkeypatch.setattr(pool, "_start_worker", _no_start)
        return await asyncio.wait_for(asyncio.gather(extraction.call(os._exit, 7), extraction.call(int, "2"),
                                                     return_exceptions=True), timeout=60)

    extraction = pool.ExtractionPool(1, nice=0)
    try:
        died, waiting = asyncio.run(calls(extraction))
    finally:
        extraction.shutdown()
    assert isinstance(died, pool.WorkerDied)
    assert isinstance(waiting, pool.WorkerDied) and "no extraction worker could start: fork: out of memory" in str(waiting)


def _no_start(nice: int) -> object:
    raise OSError("fork: out of memory")
