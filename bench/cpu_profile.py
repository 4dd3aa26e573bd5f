"""Run ``python -m MODULE ARGS…`` and say what CPU this process spent: under cProfile on a CPU-time clock, or
without a profiler, its own CPU and its children's in a JSON file.

    python bench/cpu_profile.py OUT.prof -m crawler.cli crawl …    # a profile (pstats) of this process's CPU
    python bench/cpu_profile.py OUT.json -m crawler.cli crawl …    # {"self": s, "children": s, …}, no profiler

Used by ``bench/throughput.py``: with extraction in worker processes the crawl process waits on them, and a
wall-clock profile would count that wait (and, on a loaded machine, the time other processes run); these
count only the CPU the crawl process itself spends (its threads included).
"""

from __future__ import annotations

import cProfile
import json
import os
import resource
import runpy
import sys
import time
from pathlib import Path


def _run(module: str) -> int | str | None:
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        return exc.code
    return 0


def _forkserver_cpu() -> float:
    """CPU seconds of multiprocessing's forkserver, if this process started one, and of the children it reaped (the
    extraction workers, once the pool is shut down): they are not this process's children, so RUSAGE_CHILDREN
    misses them."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[2] != "-m":
        sys.exit("usage: python bench/cpu_profile.py OUT.prof|OUT.json -m MODULE [ARGS…]")
    out, module = sys.argv[1], sys.argv[3]
    sys.argv = [module, *sys.argv[4:]]
    sys.path[0] = os.getcwd()  # as ``python -m`` has it (not this script's folder)
    if out.endswith(".json"):
        code = _run(module)
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        Path(out).write_text(json.dumps({"self": own.ru_utime + own.ru_stime,
                                         "children": children.ru_utime + children.ru_stime,
                                         "forkserver": _forkserver_cpu(),
                                         "switches": [own.ru_nvcsw, own.ru_nivcsw],  # voluntary, involuntary
                                         "maxrss_mb": own.ru_maxrss / 1024}))
        sys.exit(code)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    try:
        code = _run(module)
    finally:
        profiler.disable()
        profiler.dump_stats(out)
    sys.exit(code)


if __name__ == "__main__":
    main()
