"""The S3 store against a real SeaweedFS: a demo crawl lands in the bucket byte for byte, readers read it,
bad credentials, a missing bucket and an unreachable endpoint fail fast with their own messages, and no
secret ever reaches a log, a WARC, a record or a run report.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from crawler.errors import ConfigInvalid
from crawler.storage import LocalStore, Store, open_store
from crawler.storage._s3client import Redactor
from crawler.storage.layout import STATE_DIR, is_state_key
from crawler.storage.s3 import S3Config, S3Location, S3Store, forget_stores
from tests.support.demo_outlets import DemoOutlets
from tests.support.seaweed import SeaweedFS, khabar, khabar_together, s3_env

OUTLETS = ("demo-wp", "demo-cms", "demo-bilingue")
PREFIX = "archive/v1"


def _crawl_args(demo: DemoOutlets, store: str, *extra: str) -> list[str]:
    return ["crawl", *OUTLETS, "--catalog-extra", str(demo.catalog), "--store", store, *extra]


@pytest.fixture(scope="module")
def crawls(seaweed: SeaweedFS, demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two demo crawls at once: one into s3://<bucket>/archive/v1 (at DEBUG log level, keeping a copy of every
    spooled file), one into a local folder."""
    work = tmp_path_factory.mktemp("s3-crawl")
    bucket = seaweed.new_bucket("crawl")
    env = seaweed.env(work / "spool") | {"KHABAR_SPOOL_KEEP_DIR": str(work / "kept")}
    scrapy_env = seaweed.env(work / "scrapy-spool")
    s3, local, scrapy = khabar_together(
        (_crawl_args(demo_outlets, f"s3://{bucket}/{PREFIX}", "--log-level", "DEBUG"), env),
        (_crawl_args(demo_outlets, str(work / "local")), s3_env({})),
        (["scrapy", "crawl", "news", "-a", "outlet=demo-cms", "-s", f"KHABAR_CATALOG_EXTRA={demo_outlets.catalog}",
          "-s", f"KHABAR_STORE_URI=s3://{bucket}/scrapy"], scrapy_env))
    assert s3.returncode == 0, s3.stdout + s3.stderr[-4000:]
    assert local.returncode == 0, local.stderr[-4000:]
    assert scrapy.returncode == 0, scrapy.stderr[-4000:]
    return {"bucket": bucket, "kept": work / "kept", "spool": work / "spool" / bucket / PREFIX, "result": s3,
            "objects": seaweed.objects(bucket, PREFIX), "local": work / "local", "scrapy": scrapy,
            "scrapy_objects": seaweed.objects(bucket, "scrapy"), "scrapy_spool": work / "scrapy-spool" / bucket / "scrapy"}


@pytest.fixture(scope="module")
def s3_crawl(crawls: dict[str, Any]) -> dict[str, Any]:
    return crawls


@pytest.fixture(scope="module")
def local_crawl(crawls: dict[str, Any]) -> Path:
    return Path(crawls["local"])


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _shape(key: str) -> str:
    """A key with what differs between two crawls (crawl id, timestamps, pid) blanked out."""
    key = re.sub(r"\d{8}T\d{6}Z-[0-9a-f]{6}", "<crawl-id>", key)
    key = re.sub(r"date=\d{4}-\d{2}-\d{2}", "date=<day>", key)
    return re.sub(r"-\d{20}-\d+-(\d{5})\.", r"-<stamp>-<pid>-\1.", key)


# -- a demo crawl into a bucket ----------------------------------------------------------------

def test_the_bucket_holds_exactly_the_files_of_a_local_crawl(s3_crawl: dict[str, Any], local_crawl: Path) -> None:
    s3_keys = sorted(s3_crawl["objects"])
    local_keys = list(LocalStore(local_crawl).list())
    assert sorted(map(_shape, s3_keys)) == sorted(map(_shape, local_keys))
    assert sorted(_shape(k) for k in s3_keys if not k.startswith("warc/")) == sorted([
        "schema/article-record.schema.json",
        *(f"runs/<crawl-id>/{outlet}.json" for outlet in OUTLETS), "runs/<crawl-id>/crawl.log",
        *(f"records/outlet={outlet}/date=<day>/<crawl-id>.jsonl.gz" for outlet in OUTLETS),
    ])
    assert {k.split("/")[1] for k in s3_keys if k.endswith(".warc.gz")} == {f"outlet={o}" for o in OUTLETS}


def test_every_object_is_byte_identical_to_the_file_that_was_spooled(s3_crawl: dict[str, Any]) -> None:
    kept = _files(s3_crawl["kept"])
    assert sorted(s3_crawl["objects"]) == sorted(kept)
    for key, data in kept.items():
        assert s3_crawl["objects"][key] == data, key


def test_scrapy_crawl_uploads_before_the_process_exits(s3_crawl: dict[str, Any]) -> None:
    """``scrapy crawl`` prints no summary: the store waits for its uploads when the process exits."""
    keys = sorted(s3_crawl["scrapy_objects"])
    others = [re.sub(r"/[^/]+\.jsonl\.gz$", "/<id>.jsonl.gz", re.sub(r"^runs/[^/]+/", "runs/<id>/", _shape(k)))
              for k in keys if not k.startswith("warc/")]
    assert others == ["records/outlet=demo-cms/date=<day>/<id>.jsonl.gz", "runs/<id>/demo-cms.json",
                      "schema/article-record.schema.json"]
    assert [k for k in keys if k.endswith(".warc.gz")] and all(k.startswith("warc/outlet=demo-cms/") for k in keys
                                                              if k.startswith("warc/"))
    assert [k for k in _files(s3_crawl["scrapy_spool"]) if not is_state_key(k)] == []


def test_the_spool_is_empty_after_the_crawl_but_for_local_state(s3_crawl: dict[str, Any]) -> None:
    left = [k for k in _files(s3_crawl["spool"]) if not is_state_key(k)]
    assert left == []


def test_objects_carry_a_sha256_checksum_and_the_file_digest(seaweed: SeaweedFS, s3_crawl: dict[str, Any]) -> None:
    import base64
    import hashlib

    key, data = next((k, v) for k, v in s3_crawl["objects"].items() if k.endswith(".warc.gz"))
    head = seaweed.client().head_object(Bucket=s3_crawl["bucket"], Key=f"{PREFIX}/{key}", ChecksumMode="ENABLED")
    assert head["ChecksumSHA256"] == base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert head["Metadata"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert head["ContentLength"] == len(data)


def test_the_summary_says_where_the_files_went_and_that_the_spool_is_empty(s3_crawl: dict[str, Any]) -> None:
    out, bucket = s3_crawl["result"].stdout, s3_crawl["bucket"]
    assert f"in s3://{bucket}/{PREFIX}/warc" in out
    assert f"run reports        s3://{bucket}/{PREFIX}/runs/" in out
    uploaded = re.search(r"uploaded\s+(\d+) files, [\d.]+ MB, verified; spool (\S+) empty", out)
    assert uploaded, out
    assert int(uploaded.group(1)) >= len(s3_crawl["objects"])
    assert uploaded.group(2) == str(s3_crawl["spool"])


def _settings(seaweed: SeaweedFS, spool: Path, **settings: Any) -> Settings:
    return Settings({"KHABAR_S3_ENDPOINT_URL": seaweed.endpoint, "KHABAR_SPOOL_DIR": str(spool), **settings})


def _store(seaweed: SeaweedFS, uri: str, spool: Path, **settings: Any) -> S3Store:
    """An S3Store in this process (the child processes get credentials the same way: AWS_* variables)."""
    forget_stores()
    os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"] = seaweed.access_key, seaweed.secret_key
    store = open_store(uri, _settings(seaweed, spool, **settings))
    assert isinstance(store, S3Store)
    return store


@pytest.fixture
def aws_env() -> Iterator[None]:
    saved = {k: v for k, v in os.environ.items() if k.startswith("AWS_")}
    for name in saved:
        del os.environ[name]
    os.environ.update({"AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                       "AWS_EC2_METADATA_DISABLED": "true"})
    yield
    for name in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[name]
    os.environ.update(saved)
    forget_stores()


def test_readers_follow_each_record_to_its_warc_record_through_the_store_api(
        seaweed: SeaweedFS, s3_crawl: dict[str, Any], tmp_path: Path, aws_env: None) -> None:
    store = _store(seaweed, f"s3://{s3_crawl['bucket']}/{PREFIX}", tmp_path)
    record_keys = list(store.list("records"))
    assert len(record_keys) == 3 and set(record_keys) <= set(s3_crawl["objects"])
    records = [json.loads(line) for key in record_keys for line in gzip.decompress(store.read_bytes(key)).splitlines()]
    assert len(records) >= 90
    for record in records:
        link = record["warc"]
        assert store.exists(link["path"])
        [response] = list(ArchiveIterator(io.BytesIO(store.read_range(link["path"], link["offset"], link["length"]))))
        assert response.rec_headers.get_header("WARC-Record-ID") == link["record_id"]
        assert response.rec_headers.get_header("WARC-Target-URI") == record["url"]


def _exercise_reader_api(store: Store, payload: bytes) -> None:
    for key, data in (("warc/outlet=x/date=2026-11-24/a.warc.gz", payload), ("runs/c1/x.json", b"{}\n"),
                      ("empty.bin", b"")):
        path = store.spool / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        store.publish(key)
    assert store.drain(30).spooled == ()
    assert list(store.list()) == ["empty.bin", "runs/c1/x.json", "warc/outlet=x/date=2026-11-24/a.warc.gz"]
    assert list(store.list("warc/outlet=x/")) == ["warc/outlet=x/date=2026-11-24/a.warc.gz"]
    assert list(store.list("war")) == [] and list(store.list("nothing")) == []
    key = "warc/outlet=x/date=2026-11-24/a.warc.gz"
    assert store.exists(key) and not store.exists("warc/missing.warc.gz")
    assert store.size(key) == len(payload) and store.size("empty.bin") == 0
    assert store.read_bytes(key) == payload and store.read_bytes("empty.bin") == b""
    assert store.read_range(key, 5_000_001, 17) == payload[5_000_001:5_000_018]
    assert store.read_range(key, len(payload) - 3, 10) == payload[-3:]
    assert store.read_range(key, len(payload) + 10, 10) == b""
    stream = store.open_read(key)
    try:
        assert stream.read(1000) + stream.read() == payload
    finally:
        stream.close()
    with pytest.raises(FileNotFoundError):
        store.read_bytes("warc/missing.warc.gz")
    with pytest.raises(FileNotFoundError):
        store.size("warc/missing.warc.gz")


@pytest.mark.parametrize("kind", ["local", "s3"])
def test_readers_see_the_same_api_on_a_folder_and_on_a_bucket(kind: str, seaweed: SeaweedFS, tmp_path: Path,
                                                              aws_env: None) -> None:
    payload = os.urandom(12 * 1024 * 1024)  # above the 6 MiB threshold below: a 3-part multipart upload
    if kind == "local":
        store: Store = LocalStore(tmp_path / "store")
    else:
        store = _store(seaweed, f"s3://{seaweed.new_bucket('api')}/p", tmp_path / "spool",
                       KHABAR_S3_MULTIPART_THRESHOLD=6 * 1024 * 1024, KHABAR_S3_PART_SIZE=5 * 1024 * 1024)
    _exercise_reader_api(store, payload)
    if kind == "s3":
        assert isinstance(store, S3Store)
        head = store.client.head_object(Bucket=store.location.bucket, Key="p/warc/outlet=x/date=2026-11-24/a.warc.gz",
                                        ChecksumMode="ENABLED")
        assert head["ETag"].endswith('-3"') and head["ChecksumSHA256"].endswith("-3")
        assert [p for p in store.spool.rglob("*") if p.is_file()] == []


def test_one_store_per_uri_and_settings_per_process_and_leftovers_are_uploaded_when_it_opens(
        seaweed: SeaweedFS, tmp_path: Path, aws_env: None) -> None:
    bucket = seaweed.new_bucket("resume")
    left = tmp_path / "spool" / bucket / "p" / "warc/outlet=x/date=2026-11-24/left-by-a-dead-run.warc.gz"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"finished but never uploaded")
    (left.parent / "still-open.warc.gz.open").write_bytes(b"a writer's unfinished file")
    store = _store(seaweed, f"s3://{bucket}/p", tmp_path / "spool")
    assert open_store(f"s3://{bucket}/p/", _settings(seaweed, tmp_path / "spool")) is store
    assert store.drain(30).spooled == ()
    assert seaweed.objects(bucket, "p") == {"warc/outlet=x/date=2026-11-24/left-by-a-dead-run.warc.gz":
                                            b"finished but never uploaded"}
    assert not left.exists() and (left.parent / "still-open.warc.gz.open").exists()
    other = open_store(f"s3://{bucket}/p", _settings(seaweed, tmp_path / "spool", KHABAR_S3_RETRY_MAX_DELAY=5))
    assert other is not store and isinstance(other, S3Store) and other.config.retry_max_delay == 5


def test_a_spool_file_replaced_during_its_upload_is_uploaded_again(seaweed: SeaweedFS, tmp_path: Path,
                                                                   aws_env: None) -> None:
    store = _store(seaweed, f"s3://{seaweed.new_bucket('replace')}/p", tmp_path / "spool", KHABAR_S3_UPLOAD_WORKERS=1)
    path = store.spool / "schema/article-record.schema.json"
    path.parent.mkdir(parents=True)
    for version in (b"one", b"two", b"three"):
        temp = path.with_name("tmp")
        temp.write_bytes(version)
        os.replace(temp, path)
        store.publish("schema/article-record.schema.json")
    assert store.drain(30).spooled == ()
    assert store.read_bytes("schema/article-record.schema.json") == b"three"
    assert not path.exists()


# -- checks and failures -------------------------------------------------------------------------

def test_store_check_prints_each_step(seaweed: SeaweedFS, tmp_path: Path) -> None:
    bucket = seaweed.new_bucket("check")
    result = khabar("store", "check", "--store", f"s3://{bucket}/{PREFIX}", env=seaweed.env(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    probe = re.escape(f"s3://{bucket}/{PREFIX}/_khabar-check/probe-") + "[0-9a-f]{16}"
    expected = [
        f"Checking s3://{bucket}/{PREFIX} (credentials from boto3's chain, never from the URI):",
        f"  ok  endpoint      {seaweed.endpoint} answers",
        "  ok  credentials   accepted (found by env)",
        f"  ok  bucket        {bucket} exists",
        f"  ok  write         {probe} \\(57 bytes, SHA-256 checked by the server\\)",
        f"  ok  read          {probe} read back identical",
        f"  ok  delete        {probe} deleted",
        f"  spool         {tmp_path / bucket / PREFIX}: 0 file\\(s\\) waiting",
        f"Store s3://{bucket}/{PREFIX} is ready.",
    ]
    assert len(lines) == len(expected)
    for line, pattern in zip(lines, expected, strict=True):
        assert re.fullmatch(pattern if "probe" in pattern or "\\(" in pattern else re.escape(pattern), line), line
    assert seaweed.objects(bucket) == {}  # the probe object is gone


def _assert_no_secret(seaweed: SeaweedFS, *texts: str, others: tuple[str, ...] = ()) -> None:
    for text in texts:
        for secret in (seaweed.access_key, seaweed.secret_key, *others):
            assert secret not in text


def test_a_missing_bucket_has_its_message_and_the_command_that_creates_it(seaweed: SeaweedFS, demo_outlets: DemoOutlets,
                                                                          tmp_path: Path) -> None:
    env, uri = seaweed.env(tmp_path / "spool"), "s3://khabar-no-such-bucket/x"
    started = time.monotonic()
    check, crawl = khabar_together((["store", "check", "--store", uri], env), (_crawl_args(demo_outlets, uri), env))
    assert check.returncode == 1
    assert "Error: bucket 'khabar-no-such-bucket' does not exist at " + seaweed.endpoint in check.stderr
    assert f"'khabar store check --store {uri} --create-bucket'" in check.stderr
    assert crawl.returncode == 1 and time.monotonic() - started < 30
    assert "Error: bucket 'khabar-no-such-bucket' does not exist" in crawl.stderr
    assert "Spider opened" not in crawl.stderr  # failed before crawling anything
    _assert_no_secret(seaweed, check.stdout, check.stderr, crawl.stdout, crawl.stderr)


def test_store_check_create_bucket_creates_it_then_checks_the_rest(seaweed: SeaweedFS, tmp_path: Path) -> None:
    bucket = f"made-{os.urandom(4).hex()}"
    result = khabar("store", "check", "--store", f"s3://{bucket}/x", "--create-bucket", env=seaweed.env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"  ok  bucket        {bucket} created" in result.stdout.splitlines()
    assert result.stdout.rstrip().endswith(f"Store s3://{bucket}/x is ready.")
    seaweed.client().head_bucket(Bucket=bucket)


@pytest.mark.parametrize(("name", "change", "code"), [
    ("wrong secret key", {"AWS_SECRET_ACCESS_KEY": "not-the-secret-0123456789"}, "SignatureDoesNotMatch"),
    ("unknown access key", {"AWS_ACCESS_KEY_ID": "KHABARUNKNOWNKEY0001"}, "InvalidAccessKeyId"),
    ("session token the server does not know", {"AWS_SESSION_TOKEN": "token-secret-" + "x" * 20}, "InvalidAccessKeyId"),
])
def test_wrong_credentials_are_rejected_by_check_and_crawl_without_showing_them(
        name: str, change: dict[str, str], code: str, seaweed: SeaweedFS, demo_outlets: DemoOutlets,
        tmp_path: Path) -> None:
    bucket = seaweed.new_bucket("creds")
    env = seaweed.env(tmp_path / "spool") | change
    check, crawl = khabar_together((["store", "check", "--store", f"s3://{bucket}/x"], env),
                                   (_crawl_args(demo_outlets, f"s3://{bucket}/x"), env))
    assert check.returncode == 1, name
    assert f"Error: the S3 server at {seaweed.endpoint} rejected the credentials while listing buckets ({code}" \
        in check.stderr
    assert crawl.returncode == 1
    assert f"rejected the credentials while opening the store ({code}" in crawl.stderr
    assert "Check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or AWS_PROFILE" in crawl.stderr
    _assert_no_secret(seaweed, check.stdout, check.stderr, crawl.stdout, crawl.stderr, others=tuple(change.values()))
    assert seaweed.objects(bucket) == {}


def test_no_credentials_at_all_says_where_khabar_looks_for_them(seaweed: SeaweedFS, tmp_path: Path) -> None:
    env = s3_env({"KHABAR_S3_ENDPOINT_URL": seaweed.endpoint, "KHABAR_SPOOL_DIR": str(tmp_path)})
    result = khabar("store", "check", "--store", f"s3://{seaweed.new_bucket('nocreds')}/x", env=env)
    assert result.returncode == 1
    assert "Error: no S3 credentials found for s3://" in result.stderr
    assert "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" in result.stderr


def test_an_unreachable_endpoint_fails_fast_for_check_and_crawl(seaweed: SeaweedFS, demo_outlets: DemoOutlets,
                                                                tmp_path: Path) -> None:
    env = seaweed.env(tmp_path) | {"KHABAR_S3_ENDPOINT_URL": "http://127.0.0.1:9"}  # discard: nothing listens
    started = time.monotonic()
    check, crawl = khabar_together((["store", "check", "--store", "s3://some-bucket/x"], env),
                                   (_crawl_args(demo_outlets, "s3://some-bucket/x"), env))
    assert check.returncode == 1
    assert "Error: cannot reach the S3 endpoint http://127.0.0.1:9 (" in check.stderr
    assert crawl.returncode == 1 and time.monotonic() - started < 60
    assert "Error: cannot reach the S3 endpoint http://127.0.0.1:9 while opening the store" in crawl.stderr


def test_credentials_in_the_uri_or_endpoint_are_refused_and_not_echoed(seaweed: SeaweedFS, demo_outlets: DemoOutlets,
                                                                       tmp_path: Path) -> None:
    env = seaweed.env(tmp_path)
    in_uri, in_endpoint = khabar_together(
        (_crawl_args(demo_outlets, f"s3://{seaweed.access_key}:{seaweed.secret_key}@bucket/x"), env),
        (["store", "check", "--store", "s3://bucket/x"],
         env | {"KHABAR_S3_ENDPOINT_URL": f"http://user:{seaweed.secret_key}@127.0.0.1:9"}))
    assert in_uri.returncode == 2
    assert "must not carry credentials" in in_uri.stderr
    assert in_endpoint.returncode == 2
    assert "KHABAR_S3_ENDPOINT_URL must not carry credentials" in in_endpoint.stderr
    _assert_no_secret(seaweed, in_uri.stdout, in_uri.stderr, in_endpoint.stdout, in_endpoint.stderr)


def test_invalid_bucket_names_are_refused_with_the_rule() -> None:
    with pytest.raises(ConfigInvalid, match="is not valid: use 3 to 63 lowercase letters"):
        S3Location.parse("s3://Ab/x")
    assert S3Location.parse("s3://abc//").prefix == ""
    assert S3Config.from_settings(Settings({"KHABAR_SPOOL_DIR": "/tmp/x"})).part_size == 16 * 1024 * 1024


# -- secrets ---------------------------------------------------------------------------------------

def _readable(key: str, data: bytes) -> bytes:
    return gzip.decompress(data) if key.endswith(".gz") else data


def test_no_secret_in_logs_warcs_records_or_run_reports(seaweed: SeaweedFS, s3_crawl: dict[str, Any]) -> None:
    result = s3_crawl["result"]
    assert "DEBUG" in result.stderr  # the strongest case: everything that logs, logged
    _assert_no_secret(seaweed, result.stdout, result.stderr)
    (log_key,) = [key for key in s3_crawl["objects"] if key.endswith("/crawl.log")]  # uploaded like the run reports
    assert log_key.startswith("runs/") and b"] DEBUG: " in s3_crawl["objects"][log_key]  # checked below, like every object
    assert not [key for key in s3_crawl["scrapy_objects"] if key.endswith("crawl.log")]  # scrapy crawl: Scrapy's logging
    for key, data in s3_crawl["objects"].items():
        for blob in (data, _readable(key, data)):
            for secret in (seaweed.access_key, seaweed.secret_key):
                assert secret.encode() not in blob, key
    for path in (s3_crawl["spool"] / STATE_DIR).rglob("*"):
        if path.is_file():
            assert seaweed.secret_key.encode() not in path.read_bytes()


def test_botocore_messages_lose_the_keys_of_the_session() -> None:
    session = boto3.session.Session(aws_access_key_id="AKIAABCDEFGHIJKLMNOP", aws_secret_access_key="sec/ret+key",
                                     aws_session_token="the-session-token")
    redact = Redactor(session)
    text = "InvalidAccessKeyId: AKIAABCDEFGHIJKLMNOP (sec/ret+key, the-session-token) ASIAZZZZZZZZZZZZZZZZ"
    assert redact(text) == "InvalidAccessKeyId: *** (***, ***) ***"


# -- the archive readers work on a bucket as on a folder -------------------------------------------

def _export(store: str, out: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    result = khabar("export", store, "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_export_verify_reextract_and_dedup_rebuild_read_a_bucket_as_a_folder(
        seaweed: SeaweedFS, s3_crawl: dict[str, Any], local_crawl: Path, demo_outlets: DemoOutlets,
        tmp_path: Path) -> None:
    uri = f"s3://{s3_crawl['bucket']}/{PREFIX}"
    env = seaweed.env(tmp_path / "spool")
    from_bucket = _export(uri, tmp_path / "s3.jsonl.gz", env)
    from_folder = _export(str(local_crawl), tmp_path / "local.jsonl.gz", s3_env({}))
    assert sorted(r["url"] for r in from_bucket) == sorted(r["url"] for r in from_folder)
    assert len(from_bucket) >= 90

    verified = khabar("verify", uri, env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr[-3000:]
    assert "OK: 0 faults" in verified.stdout

    rebuilt = khabar("dedup", "rebuild", uri, env=env)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    warc_keys = [k for k in s3_crawl["objects"] if k.endswith(".warc.gz")]
    assert f"from {len(warc_keys)} WARC files" in rebuilt.stdout

    reextracted = khabar("reextract", uri, "--outlet", "demo-wp", "--catalog-extra", str(demo_outlets.catalog), env=env)
    assert reextracted.returncode == 0, reextracted.stderr[-3000:]
    assert "records" in reextracted.stdout

    packaged = khabar("wacz", uri, "--outlet", "demo-wp", "--out", str(tmp_path / "wp.wacz"), env=env)
    assert packaged.returncode == 0, packaged.stderr[-3000:]
    assert "wacz validate passed" in packaged.stdout and (tmp_path / "wp.wacz").stat().st_size > 10_000


def test_wacz_upload_publishes_each_package_into_the_bucket(seaweed: SeaweedFS, s3_crawl: dict[str, Any],
                                                            tmp_path: Path) -> None:
    bucket, uri = s3_crawl["bucket"], f"s3://{s3_crawl['bucket']}/{PREFIX}"
    (crawl_id,) = {k.split("/")[1] for k in s3_crawl["objects"] if k.startswith("runs/")}
    env = seaweed.env(tmp_path / "spool")
    packaged = khabar("wacz", uri, "--crawl-id", crawl_id, "--outlet", "demo-wp", "--upload", env=env)
    assert packaged.returncode == 0, packaged.stderr[-3000:]
    key = f"wacz/outlet=demo-wp/{crawl_id}-demo-wp.wacz"
    assert f"Wrote {uri}/{key}: " in packaged.stdout and "wacz validate passed" in packaged.stdout
    uploaded = {k: v for k, v in seaweed.objects(bucket, PREFIX).items() if k.startswith("wacz/")}
    assert list(uploaded) == [key]
    local = tmp_path / "from-bucket.wacz"
    local.write_bytes(uploaded[key])
    check = subprocess.run([str(Path(sys.executable).parent / "wacz"), "validate", "-f", str(local)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert not list((tmp_path / "spool").rglob("*.wacz"))  # uploaded, verified, and gone from the spool
