"""The CPU time a short block of a test takes, with the garbage collector kept out of it.

A bound on the time a search takes (linear on a hostile page, not quadratic) must time that search: a full
collection of the test process's heap, grown by the thousands of tests run in the same worker before, may start in
the block and add half a second that is not the code's (0.69 s against 0.18 s, seen once in a full run).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def cpu_seconds() -> Iterator[Callable[[], float]]:
    """``with cpu_seconds() as spent: …`` then ``spent()``: the process's CPU seconds since the block began, the
    collector paused inside the block (and turned back on after it only if it was on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    started = time.process_time()
    try:
        yield lambda: time.process_time() - started
    finally:
        if was_enabled:
            gc.enable()
