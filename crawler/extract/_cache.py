"""Answers remembered by a short text value for the life of a worker, long values computed each time."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

# The longest value whose answer is remembered: a long-lived worker keeps up to `maxsize` values a function, so pages
# of long generated strings (a hostile page's 100 KB class values, or one huge line) must not fill its memory with them.
MAX_CACHED_CHARS = 256


def remembered_if_short(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """`lru_cache(maxsize)` for values of at most MAX_CACHED_CHARS characters; a longer value is answered, never kept.
    The wrapper's `cached` is the lru_cache'd function (its `cache_info()`)."""

    def wrap(func: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(func)

        def call(value: str) -> T:
            return cached(value) if len(value) <= MAX_CACHED_CHARS else func(value)

        call.__doc__, call.__name__ = func.__doc__, func.__name__
        call.cached = cached  # type: ignore[attr-defined]
        return call

    return wrap
