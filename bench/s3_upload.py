"""Benchmark: upload throughput of Khabar's S3 uploader against plain boto3 ``upload_file``, to SeaweedFS.

    .venv/bin/python bench/s3_upload.py [--generated-mb 384] [--file-mb 96] [--repeat 3] [--workers 4]

Starts a SeaweedFS (``weed`` from the test extra) on loopback, then uploads two sets of files:
the files of a demo crawl (run here into a temporary local store: many small WARCs, CDXJ, records,
reports) and generated WARC-sized files of random bytes (large enough to go up in parts). Each
set goes up, in the same run and alternately, (a) through an ``S3Store``: copied into its spool,
published, and waited for with ``drain()`` — SHA-256 per part, HEAD check, spool file deleted —
and (b) with ``boto3.client.upload_file`` one file after another (its default TransferConfig, its
own part threads). Copying into the spool is not timed. Prints MB/s of both and their ratio
(median of the rounds). Numbers only; no assertion (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapy.settings import Settings  # noqa: E402

from crawler.demo.process import running_demo_world  # noqa: E402
from crawler.storage.layout import STATE_DIR  # noqa: E402
from crawler.storage.s3 import S3Store, forget_stores, open_s3_store  # noqa: E402
from tests.support.seaweed import SeaweedFS, s3_env  # noqa: E402

DEMO_OUTLETS = ("demo-wp", "demo-cms", "demo-bilingue")


def demo_crawl_files(folder: Path) -> Path:
    store = folder / "demo-store"
    with running_demo_world() as world:
        cmd = [sys.executable, "-m", "crawler.cli", "crawl", *DEMO_OUTLETS, "--store", str(store),
               "--catalog-extra", str(world.catalog_path), "--log-level", "WARNING"]
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=s3_env({}))
    if result.returncode != 0:
        sys.exit(f"demo crawl failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-3000:]}")
    shutil.rmtree(store / STATE_DIR, ignore_errors=True)  # local working state, never published
    return store


def generated_files(folder: Path, total_mb: int, file_mb: int) -> Path:
    root = folder / "generated"
    for number in range(max(1, total_mb // file_mb)):
        path = root / f"warc/outlet=bench/date=2026-11-24/bench-{number:05d}.warc.gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(file_mb * 1024 * 1024))
    return root


def files_of(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def warm_bucket(seaweed: SeaweedFS, stem: str) -> str:
    """A new bucket that already holds an object: SeaweedFS grows a new bucket's volumes on its first writes,
    which makes concurrent first writes wait up to a second; that is not what a long crawl sees."""
    bucket = seaweed.new_bucket(stem)
    seaweed.client().put_object(Bucket=bucket, Key="warm-up", Body=b"warm-up")
    return bucket


def khabar_round(seaweed: SeaweedFS, files: dict[str, Path], spool_root: Path, workers: int) -> float:
    forget_stores()
    bucket = warm_bucket(seaweed, "khabar")
    store = open_s3_store(f"s3://{bucket}/bench", Settings({
        "KHABAR_S3_ENDPOINT_URL": seaweed.endpoint, "KHABAR_SPOOL_DIR": str(spool_root),
        "KHABAR_S3_UPLOAD_WORKERS": workers}))
    assert isinstance(store, S3Store)
    for key, path in files.items():
        target = store.spool / key
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    started = time.perf_counter()
    for key in files:
        store.publish(key)
    status = store.drain(600)
    elapsed = time.perf_counter() - started
    if status.spooled:
        sys.exit(f"Khabar's uploader left {len(status.spooled)} files spooled: {status.errors}")
    return elapsed


def boto3_round(seaweed: SeaweedFS, files: dict[str, Path]) -> float:
    bucket = warm_bucket(seaweed, "boto3")
    client = seaweed.client()
    started = time.perf_counter()
    for key, path in files.items():
        client.upload_file(str(path), bucket, f"bench/{key}")
    return time.perf_counter() - started


def measure(name: str, seaweed: SeaweedFS, root: Path, work: Path, repeat: int, workers: int) -> None:
    files = files_of(root)
    megabytes = sum(p.stat().st_size for p in files.values()) / 1e6
    khabar, plain = [], []
    for round_number in range(repeat):
        order = (True, False) if round_number % 2 == 0 else (False, True)
        for ours in order:
            if ours:
                khabar.append(khabar_round(seaweed, files, work / f"spool-{name}-{round_number}", workers))
            else:
                plain.append(boto3_round(seaweed, files))
    k_rate, b_rate = megabytes / statistics.median(khabar), megabytes / statistics.median(plain)
    print(f"{name:18} {len(files):5} files {megabytes:8.1f} MB   khabar {k_rate:8.1f} MB/s   "
          f"boto3 upload_file {b_rate:8.1f} MB/s   ratio {k_rate / b_rate:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated-mb", type=int, default=384, help="total size of the generated files")
    parser.add_argument("--file-mb", type=int, default=96, help="size of one generated file (64 MiB+ goes multipart)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4, help="KHABAR_S3_UPLOAD_WORKERS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-bench-s3-") as tmp:
        work = Path(tmp)
        seaweed = SeaweedFS(work / "seaweed")
        seaweed.root.mkdir()
        os.environ.update({"AWS_ACCESS_KEY_ID": seaweed.access_key, "AWS_SECRET_ACCESS_KEY": seaweed.secret_key})
        seaweed.start()
        try:
            demo = demo_crawl_files(work)
            generated = generated_files(work, args.generated_mb, args.file_mb)
            print(f"SeaweedFS {seaweed.endpoint}; {args.repeat} rounds each, median; khabar = S3Store with "
                  f"{args.workers} upload workers (SHA-256 per part, HEAD check, spool file deleted); "
                  "boto3 = upload_file per file, default TransferConfig")
            measure("demo crawl files", seaweed, demo, work, args.repeat, args.workers)
            measure("generated files", seaweed, generated, work, args.repeat, args.workers)
        finally:
            seaweed.stop(kill=True)


if __name__ == "__main__":
    main()
