"""Python's garbage collector paused while ``khabar crawl`` starts, resumed at its first request.

Importing Scrapy, Twisted and the crawl's own modules, then building its crawlers, allocate objects that live as long
as the process (modules, classes, functions, settings): before its first request the collector walked them about
200 times for about 0.06-0.09 s of CPU, a tenth of the crawl's start-up (``bench/start_up.py``), and freed almost
nothing (without it the crawl process holds under 1 MB more at its first request).

``khabar``'s command line pauses it before it imports its commands (``crawler.cli``) and resumes it before running
any command but ``crawl``; the crawl resumes it at its first request (``spiders.news.NewsSpider.first_request``),
after the spider has frozen the start-up heap (``KHABAR_GC_FREEZE``). ``resume`` turns back on only a collector
``pause`` turned off: a program that disabled it itself keeps it so. A command that imports its modules once it
runs (``khabar extract``) pauses it around those imports itself (``paused_for_imports``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    paused = False


def pause() -> None:
    """Turn the collector off until ``resume``, if it is on."""
    if gc.isenabled():
        gc.disable()
        _Pause.paused = True


def resume() -> None:
    """Turn the collector back on if ``pause`` turned it off (else nothing)."""
    if _Pause.paused:
        _Pause.paused = False
        gc.enable()


@contextmanager
def paused_for_imports() -> Iterator[None]:
    """The collector paused while a command that has started imports its modules (``khabar extract`` brings in
    trafilatura, numpy and the extractor: 118 collections, 0.05 s of CPU of its 0.7 s start-up), the objects made
    meanwhile then frozen (``gc.freeze``): modules, classes and functions live as long as the process, and the
    first collection after the pause would otherwise walk them all (0.02 s), and every full one after it again."""
    pause()
    try:
        yield
    finally:
        if _Pause.paused:
            gc.freeze()
        resume()
