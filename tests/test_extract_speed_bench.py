"""bench/extract_speed.py: the extractors alternate block by block, each round's cost is the child's own CPU, and the
warm-up round is left out (fake extractors here, a few lines of Python each)."""

from __future__ import annotations

import os
import sys
import time

import pytest

from bench.extract_speed import Rounds, alternating_rounds, block_order, process_cpu, ratios, spread

# A fake extractor: one answer line a request, after `BUSY` seconds of CPU spent on it.
FAKE = """
import sys, time
BUSY = float(sys.argv[1])
for line in sys.stdin:
    end = time.process_time() + BUSY
    while time.process_time() < end:
        pass
    sys.stdout.write(line)
    sys.stdout.flush()
"""
linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads a child's CPU from /proc")


@pytest.mark.parametrize(("block", "count", "order"), [
    (0, 3, [0, 1, 2]),
    (1, 3, [1, 2, 0]),
    (2, 3, [2, 0, 1]),
    (3, 3, [0, 1, 2]),
    (1, 2, [1, 0]),
])
def test_the_extractors_take_turns_going_first(block: int, count: int, order: list[int]) -> None:
    assert block_order(block, count) == order


@linux_only
def test_a_process_cpu_counts_its_own_work_not_its_sleep() -> None:
    before = process_cpu(os.getpid())
    time.sleep(0.05)
    slept = process_cpu(os.getpid()) - before
    end = time.process_time() + 0.05
    while time.process_time() < end:
        pass
    worked = process_cpu(os.getpid()) - before - slept
    assert slept < 0.02
    assert 0.04 <= worked < 0.5


@linux_only
def test_rounds_leave_out_the_warm_up_and_price_each_extractor_by_its_own_cpu() -> None:
    fakes = (("fast", [sys.executable, "-c", FAKE, "0"]), ("slow", [sys.executable, "-c", FAKE, "0.004"]))
    requests = [{"id": str(n), "url": f"https://news.example/{n}", "html_path": "/dev/null"} for n in range(6)]
    result = alternating_rounds(requests, rounds=3, block=2, extractors=fakes)
    assert result.pages == 6
    assert [len(seconds) for seconds in result.cpu] == [3, 3]
    assert [len(seconds) for seconds in result.wall] == [3, 3]
    assert len(result.start_up) == 2
    assert all(cpu >= 6 * 0.004 for cpu in result.cpu[1])  # six pages a round at 4 ms each
    assert all(cpu < 6 * 0.004 for cpu in result.cpu[0])
    assert min(ratios(result.cpu[1], result.cpu[0])) > 1.0


def test_spread_reads_median_then_min_max() -> None:
    assert spread([1.2, 0.9, 1.0]) == "1.00 (0.90-1.20)"
    assert ratios([2.0, 3.0], [1.0, 2.0]) == [2.0, 1.5]
    assert Rounds(4).cpu == [[], [], []]
