"""Benchmark: crawls killed with SIGKILL at a random moment, recovery killed too, then resumed to the end.

    .venv/bin/python bench/crash_rounds.py [--rounds 6] [--seed N] [--outlets demo-wp demo-cms]

Each round starts a fresh store and demo world (loopback only), crawls the outlets with ``--resume``,
SIGKILLs the crawl once a random number of article pages has been served, and in half of the rounds
SIGKILLs the next run during its recovery of the first (at a step of recovery drawn at random, through
the ``KHABAR_RECOVERY_PAUSE`` test hook); then resumes until the crawl ends. WARC file size is drawn
per round (a file per page, some pages per file, one file), so the kill finds finished and unfinished
files. The seed is printed: ``--seed`` replays the same rounds. After every round it counts:

- invalid WARC records: unreadable, truncated or digest-failing records in finished WARC files;
- verify faults: what ``khabar verify`` reports for the store;
- articles without a record or a logged reason (``not recorded as an article: <url>``, ``not fetching <url>``,
  ``could not fetch <url>``, ``bot wall at <url>``); the default outlets record every article when not killed
  (demo-hard hides some articles from discovery by design: count those against a run that is not killed);
- articles with two records (the world does not change during a round);
- refetched URLs: article pages fetched again although a 200 response and its request were already archived.

All five must be 0. Exit status 1 when one is not.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warcio.archiveiterator import ArchiveIterator  # noqa: E402

from crawler.archive.reading import WARC_READ_ERRORS  # noqa: E402
from crawler.archive.verify import verify_store  # noqa: E402
from crawler.demo import DemoServer, DemoWorld  # noqa: E402
from crawler.demo.process import write_demo_catalog  # noqa: E402
from crawler.storage import LocalStore  # noqa: E402
from crawler.warc.members import scan_members  # noqa: E402
from crawler.warc.recovery import PAUSE_ENV, PAUSE_STEPS  # noqa: E402
from tests.support.crawls import article_records  # noqa: E402

WARC_SIZES = (4096, 65536, 1_000_000_000)
RUN_TIMEOUT = 120  # seconds; a run of the two demo outlets takes under 10
METRICS = ("invalid WARC records", "verify faults", "articles without a record or a logged reason",
           "articles with two records", "refetched URLs")
_NOT_RECORDED = re.compile(r"(?:not recorded as an article: |not fetching |could not fetch |bot wall at )(\S+?):? ")
_EXCEPTION = re.compile(r"^[\w.]+(Error|Exception): ")
_RECOVERED = re.compile(r"recorded (\d+) articles that a stopped crawl had archived but not recorded")


@dataclass
class Round:
    seed: int
    kill_after: int
    second_kill: str | None
    warc_size: int
    recovered: int = 0
    """Records written by recovery (captures the killed runs had archived but not recorded)."""
    notes: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seed", type=int, default=None, help="Replay the rounds of this seed (default: a new one).")
    parser.add_argument("--outlets", nargs="+", default=["demo-wp", "demo-cms"])
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    print(f"seed {seed} (replay with --seed {seed}); {args.rounds} rounds of {' '.join(args.outlets)}")
    rng, total = random.Random(seed), Counter[str]()
    for number in range(1, args.rounds + 1):
        plan = Round(seed, kill_after=rng.randint(1, 40), second_kill=rng.choice(PAUSE_STEPS) if rng.random() < 0.5
                     else None, warc_size=rng.choice(WARC_SIZES))
        started = time.monotonic()
        run_round(plan, args.outlets)
        total.update(plan.counts)
        line = ", ".join(f"{plan.counts[m]}" for m in METRICS)
        print(f"round {number}: kill after {plan.kill_after} articles, recovery killed at "
              f"{plan.second_kill or '-'}, WARC size {plan.warc_size}, {plan.recovered} records by recovery: [{line}] in {time.monotonic() - started:.0f} s"
              + "".join(f"\n    {note}" for note in plan.notes))
    for metric in METRICS:
        print(f"{metric:45} {total[metric]}")
    if total["runs that hung"]:
        print(f"{'runs that hung (killed after the timeout)':45} {total['runs that hung']}")
    sys.exit(1 if any(total[m] for m in METRICS) else 0)


def run_round(plan: Round, outlets: list[str]) -> None:
    world = DemoWorld()
    with tempfile.TemporaryDirectory(prefix="khabar-crash-") as tmp, DemoServer(world) as server:
        store, catalog, logs = Path(tmp) / "store", Path(tmp) / "demo.yaml", Path(tmp) / "logs"
        logs.mkdir()
        write_demo_catalog(server.base_urls, catalog)
        articles = {urlsplit(u).path for o in outlets for u in world.article_urls(o)}
        cmd = [sys.executable, "-m", "crawler.cli", "crawl", *outlets, "--store", str(store), "--catalog-extra",
               str(catalog), "--resume", "--log-level", "INFO", "-s", f"KHABAR_WARC_MAX_SIZE={plan.warc_size}"]
        crawl = Crawl(cmd, plan, server, store, articles)
        crawl.run(logs / "1-crawl.log", lambda: sum(e.path in articles for e in server.wire_log) >= plan.kill_after)
        if plan.second_kill is not None:
            log = logs / "2-recovery.log"
            crawl.run(log, lambda: f"recovery paused at {plan.second_kill}" in log.read_text(errors="replace"),
                      {PAUSE_ENV: plan.second_kill})
        crawl.run(logs / "3-resume.log", None)
        _count(plan, store, logs, {u for o in outlets for u in world.article_urls(o)})


@dataclass
class Crawl:
    cmd: list[str]
    plan: Round
    server: DemoServer
    store: Path
    articles: set[str]

    def run(self, log: Path, kill_when: Callable[[], bool] | None, env: dict[str, str] | None = None) -> None:
        """One run of the crawl; SIGKILL its process group once ``kill_when()`` holds (else let it end)."""
        archived = _archived_paths(self.store) & self.articles
        start = len(self.server.wire_log)
        with open(log, "wb") as out, subprocess.Popen(self.cmd, cwd=ROOT, stdout=out, stderr=out, start_new_session=True,
                                                      env={**os.environ, **(env or {})}) as process:
            deadline = time.monotonic() + RUN_TIMEOUT
            while process.poll() is None and time.monotonic() < deadline:
                if kill_when is not None and kill_when():
                    os.killpg(process.pid, signal.SIGKILL)
                    break
                time.sleep(0.005)
            hung = process.poll() is None and kill_when is None
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            code = process.wait()
        if hung:
            self.plan.counts["runs that hung"] += 1
            self.plan.notes.append(f"{log.name}: still running after {RUN_TIMEOUT} s, killed: "
                                   + _last_error(log.read_text(errors="replace")))
        elif kill_when is not None and code != -signal.SIGKILL:
            self.plan.notes.append(f"{log.name}: ended (exit {code}) before the planned kill")
        elif kill_when is None and code != 0:
            self.plan.notes.append(f"{log.name}: exit {code}: {log.read_text(errors='replace')[-500:]}")
        fetched = [e.path for e in self.server.wire_log[start:] if e.path in self.articles]
        self.plan.counts["refetched URLs"] += sum(1 for path in fetched if path in archived)
        self.plan.notes += [f"{log.name}: fetched again {path}" for path in sorted(set(fetched) & archived)[:3]]


def _last_error(log: str) -> str:
    """The first error the log names, and the first exception line (what made the run hang)."""
    lines = log.splitlines()
    logged = [line for line in lines if "] ERROR:" in line][:1]
    raised = [line for line in lines if _EXCEPTION.match(line)][:1]
    return " | ".join(logged + raised) or "no error logged"


def _archived_paths(store: Path) -> set[str]:
    """Paths of the pages archived whole with a 200 (response and request records; unfinished files too).

    A bot wall, a 429 or a 5xx archived is fetched again by design."""
    responses: dict[str, str] = {}
    requested: set[str] = set()
    for path in store.glob("warc/**/*.warc.gz*"):
        if not path.name.endswith((".warc.gz", ".open")):
            continue
        with open(path, "rb") as handle:
            end = scan_members(handle).complete_end
            handle.seek(0)
            data = io.BytesIO(handle.read(end))
        try:
            for record in ArchiveIterator(data):
                headers = record.rec_headers
                if record.rec_type == "response" and record.http_headers.get_statuscode() == "200":
                    responses[headers.get_header("WARC-Record-ID")] = urlsplit(headers.get_header("WARC-Target-URI")).path
                elif record.rec_type == "request":
                    requested.add(headers.get_header("WARC-Concurrent-To"))
        except WARC_READ_ERRORS:
            continue
    return {path for record_id, path in responses.items() if record_id in requested}


def _count(plan: Round, store: Path, logs: Path, expected: set[str]) -> None:
    plan.counts["invalid WARC records"] += sum(_invalid_records(p) for p in store.glob("warc/**/*.warc.gz"))
    report = verify_store(LocalStore(store))
    plan.counts["verify faults"] += len(report.faults)
    plan.notes += [f"verify: {fault}" for fault in report.faults[:3]]
    recorded = Counter(r["url"] for r in article_records(store))
    reasons = {m.group(1) for log in logs.iterdir() for m in _NOT_RECORDED.finditer(log.read_text(errors="replace"))}
    lost = expected - set(recorded) - reasons
    plan.counts["articles without a record or a logged reason"] += len(lost)
    plan.notes += [f"no record, no reason: {url}" for url in sorted(lost)[:3]]
    plan.counts["articles with two records"] += sum(1 for count in recorded.values() if count > 1)
    plan.recovered = sum(int(m.group(1)) for log in logs.iterdir() for m in _RECOVERED.finditer(log.read_text(errors="replace")))


def _invalid_records(path: Path) -> int:
    with open(path, "rb") as handle:
        invalid = int(scan_members(handle).truncated)
        handle.seek(0)
        try:
            for record in ArchiveIterator(handle, check_digests=True):
                record.content_stream().read()
                invalid += record.digest_checker.passed is False
        except WARC_READ_ERRORS:
            invalid += 1
    return invalid


if __name__ == "__main__":
    main()
