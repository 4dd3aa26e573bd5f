"""Benchmark: ``khabar corpus export`` to Parquet on generated stores of growing size: records/s and peak RSS.

    .venv/bin/python bench/corpus_export.py [--sizes 25000,100000] [--memory-limit 256MB] [--keep DIR]

For each size, writes a store of that many article records through the crawl's own writer
(``crawler.records.files.RecordFiles``, ``ArticleRecord``): 8 outlets, one record file per outlet and capture
day over 60 days, texts of about 350 words generated here from our own word lists (French, one record in
eight Arabic), one article in twenty with a second version, one in fifty a later copy of a story. Then
runs the export in a child process (so its peak RSS is its own: ``ru_maxrss``) and prints records/s and
peak RSS. Memory must not grow with the store: DuckDB works within ``--memory-limit`` and the writers
stream. Numbers only; no assertion (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.records import ArticleRecord  # noqa: E402
from crawler.records.files import RecordFiles  # noqa: E402
from crawler.records.schema import ExtractionInfo, WarcLink, article_id, text_digest  # noqa: E402
from crawler.storage import LocalStore  # noqa: E402
from crawler.storage.layout import records_key  # noqa: E402


def _words(text: str) -> list[str]:
    return text.split()


OUTLETS = [("bench-dakar", "SN"), ("bench-bamako", "ML"), ("bench-rabat", "MA"), ("bench-alger", "DZ"),
           ("bench-tunis", "TN"), ("bench-niamey", "NE"), ("bench-nouakchott", "MR"), ("bench-ouaga", "BF")]
FRENCH = _words("le conseil municipal a voté le budget de la saison des pluies pendant que les éleveurs attendent "
          "des nouvelles du marché régional où les prix du mil et du sorgho ont encore augmenté selon les "
          "commerçants interrogés samedi par notre rédaction qui suit le dossier depuis le début")
ARABIC = _words("أعلن المجلس البلدي عن ميزانية جديدة لموسم الأمطار بينما ينتظر المربون أخبار السوق الجهوية")
START = datetime(2026, 9, 1, 6, 0, tzinfo=UTC)
DAYS = 60


def _text(rng: random.Random, words: list[str]) -> str:
    paragraphs = [" ".join(rng.choice(words) for _ in range(70)).capitalize() + "." for _ in range(5)]
    return "\n".join(paragraphs)


def _record(rng: random.Random, n: int, version: int = 1, duplicate_of: str | None = None) -> ArticleRecord:
    outlet, country = OUTLETS[n % len(OUTLETS)]
    arabic = n % 8 == 0
    url = f"https://{outlet}.example/actualite/{n}-article.html"
    published = START + timedelta(days=(n // 40) % DAYS, minutes=n % 600)
    fetched = published + timedelta(hours=3 + 24 * (version - 1))
    text = _text(rng, ARABIC if arabic else FRENCH)
    return ArticleRecord(
        id=article_id(url), version=version, crawl_id=f"bench-{fetched:%Y%m%d}", outlet=outlet, country=country,
        url=url, canonical_url=url, language="ar" if arabic else "fr", title=f"Article {n} : {text[:60]}",
        text=text, authors=[f"Auteur {n % 37}"], tags=["société", "économie"][: 1 + n % 2],
        date_published=published.isoformat(), fetched_at=fetched.isoformat().replace("+00:00", "Z"),
        http_status=200, text_digest=text_digest(text), word_count=len(text.split()), duplicate_of=duplicate_of,
        paywalled=n % 29 == 0,
        warc=WarcLink(filename=f"bench-{outlet}.warc.gz", path=f"warc/outlet={outlet}/date={fetched:%Y-%m-%d}/x.warc.gz",
                      offset=n * 5000, length=4800, record_id=f"<urn:uuid:{n:08d}-0000-4000-8000-000000000000>",
                      payload_digest="sha1:BENCHBENCHBENCHBENCHBENCHBENCH22"),
        extraction=ExtractionInfo(method="bench", version="bench 1", extracted_at=fetched.isoformat()))


def generate(root: Path, size: int) -> float:
    """A store of ``size`` records under ``root``; seconds it took."""
    started, rng = time.monotonic(), random.Random(16)
    files, written, n = RecordFiles(LocalStore(root)), 0, 0
    while written < size:
        records = [_record(rng, n)]
        if n % 20 == 7:
            records.append(_record(rng, n, version=2))
        if n % 50 == 11:
            records.append(_record(rng, n + 10**7, duplicate_of=records[0].id))
        for record in records[: size - written]:
            files.write(records_key(record.outlet, record.capture_day, record.crawl_id), record)
            written += 1
        n += 1
    files.close()
    return time.monotonic() - started


CHILD = """
import json, resource, sys, time
from pathlib import Path
from crawler.corpus.export import ExportRequest, export_corpus
from crawler.storage import LocalStore
started = time.monotonic()
result = export_corpus(LocalStore(sys.argv[1]), Path(sys.argv[2]), ExportRequest(memory_limit=sys.argv[3]))
print(json.dumps({"seconds": time.monotonic() - started, "rows": sum(p.rows for p in result.parts),
                  "parts": len(result.parts), "bytes": sum(p.bytes for p in result.parts),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def export(store: Path, out: Path, memory_limit: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(store), str(out), memory_limit], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the export of {store} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="25000,100000")
    parser.add_argument("--memory-limit", default="256MB")
    parser.add_argument("--keep", type=Path, help="Generate the stores here and keep them.")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="khabar-bench-corpus-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            store = base / f"store-{size}"
            made = generate(store, size) if not (store / "records").is_dir() else 0.0
            on_disk = sum(p.stat().st_size for p in (store / "records").rglob("*.jsonl.gz"))
            got = export(store, base / f"corpus-{size}", args.memory_limit)
            print(f"{size:>8} records ({on_disk / 1e6:.0f} MB gzip JSONL, generated in {made:.0f} s): "
                  f"{got['rows']:.0f} rows exported in {got['seconds']:.1f} s = {size / got['seconds']:.0f} records/s, "
                  f"{got['parts']:.0f} part(s), {got['bytes'] / 1e6:.0f} MB Parquet, peak RSS {got['peak_rss_mb']:.0f} MB "
                  f"(memory_limit {args.memory_limit})", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
