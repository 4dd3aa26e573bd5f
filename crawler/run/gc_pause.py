"""Python's garbage collector paused while ``khabar crawl`` starts, resumed at its first request.

Importing Scrapy, Twisted and the crawl's own modules, then building its crawlers, allocate objects that live as long
as the process (modules, classes, functions, settings): before its first request the collector walked them about
200 times for about 0.06-0.09 s of CPU, a tenth of the crawl's start-up (``bench/start_up.py``), and freed almost
nothing (without it the crawl process holds under 1 MB more at its first request).

``khabar``'s command line pauses it before it imports its commands (``crawler.cli``) and resumes it before running
any command but ``crawl``; the crawl resumes it at its first request (``spiders.news.NewsSpider.first_request``),
after the spider has frozen the start-up heap (``KHABAR_GC_FREEZE``). ``resume`` turns back on only a collector
``pause`` turned off: a program that disabled it itself keeps it so.
"""

from __future__ import annotations

import gc


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
