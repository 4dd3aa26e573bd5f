"""What a crawl's exit code means for a scheduler or a worker counting runs: one word per result.

    ok             exit 0
    busy-skipped   exit 6 (OUTLET_BUSY): another crawl held the outlet's lock; nothing was fetched
    interrupted    exit 130 (INTERRUPTED): stopped by SIGTERM or SIGINT; what it archived is kept
    failed         any other code (a signal's death included: a negative code)

The codes are those of ``crawler.errors.ExitCode``.
"""

from __future__ import annotations

from crawler.errors import ExitCode

RESULTS = ("ok", "failed", "busy-skipped", "interrupted")


def exit_result(code: int) -> str:
    if code == ExitCode.OK:
        return "ok"
    if code == ExitCode.OUTLET_BUSY:
        return "busy-skipped"
    if code == ExitCode.INTERRUPTED:
        return "interrupted"
    return "failed"
