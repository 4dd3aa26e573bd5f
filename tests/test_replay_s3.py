"""``khabar replay s3://bucket/prefix``: demo-wp crawled into a bucket on a real SeaweedFS is mirrored into a
local cache folder and served; an article replays with its headline, and a second mirror downloads only what
changed.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from crawler.demo import DemoWorld
from crawler.replay import mirror_store, pywb_venv_dir
from crawler.storage import open_store
from crawler.storage.s3 import forget_stores
from tests.support.demo_outlets import DemoOutlets
from tests.support.seaweed import ROOT, SeaweedFS, khabar

OUTLET = "demo-wp"
PREFIX = "archive/v1"
START_TIMEOUT = 180  # the first run also installs pywb into its cached virtualenv


@pytest.fixture(scope="module")
def world(demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """SeaweedFS, the demo server, and one demo-wp crawl into s3://<bucket>/archive/v1."""
    work = tmp_path_factory.mktemp("replay-s3")
    seaweed = SeaweedFS(work / "seaweed")
    (work / "seaweed").mkdir()
    seaweed.start()
    try:
        bucket = seaweed.new_bucket("replay")
        uri = f"s3://{bucket}/{PREFIX}"
        env = seaweed.env(work / "spool") | {"KHABAR_REPLAY_CACHE": str(work / "cache"),
                                              "KHABAR_PYWB_VENV": str(pywb_venv_dir())}
        crawl = khabar("crawl", OUTLET, "--catalog-extra", str(demo_outlets.catalog), "--store", uri, env=env)
        assert crawl.returncode == 0, crawl.stdout + crawl.stderr[-4000:]
        yield {"seaweed": seaweed, "demo": demo_outlets.server, "uri": uri, "bucket": bucket, "env": env, "work": work}
    finally:
        seaweed.stop(kill=True)


def _serve(uri: str, env: dict[str, str], log: Path) -> tuple[subprocess.Popen[str], str]:
    with open(log, "w") as stderr:
        child = subprocess.Popen([sys.executable, "-m", "crawler.cli", "replay", uri, "--port", "0"], cwd=ROOT,
                                 env=env, text=True, stdout=subprocess.PIPE, stderr=stderr)
    assert child.stdout is not None
    timer = threading.Timer(START_TIMEOUT, child.kill)
    timer.start()
    try:
        for line in child.stdout:
            if line.startswith("Replaying "):
                assert line.startswith(f"Replaying {uri} at "), line
                return child, line.split(" at ", 1)[1].split()[0]
    finally:
        timer.cancel()
    raise AssertionError(f"khabar replay exited ({child.wait()}) without serving: {log.read_text()}")


def test_replay_of_an_s3_store_serves_the_article_with_its_headline(world: dict[str, Any]) -> None:
    truth = DemoWorld().articles(OUTLET)[0]
    url = truth.url(world["demo"].base_urls[OUTLET])
    log = world["work"] / "replay.log"
    child, base = _serve(world["uri"], world["env"], log)
    try:
        with urllib.request.urlopen(f"{base}29991231000000mp_/{url}", timeout=20) as answer:  # closest capture
            body = answer.read().decode("utf-8", "replace")
            memento = answer.headers["Memento-Datetime"]
    finally:
        child.terminate()
        assert child.wait(timeout=20) == 0
        assert child.stdout is not None
        child.stdout.close()
    headline = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    assert headline and " ".join(html.unescape(re.sub(r"<[^>]+>", "", headline.group(1))).split()) == \
        " ".join(truth.title.split())
    assert memento
    stderr = log.read_text(encoding="utf-8")
    mirror = world["work"] / "cache" / world["bucket"] / PREFIX
    assert f"Mirroring {world['uri']}/warc into {mirror / 'warc'}: " in stderr
    assert sorted(p.relative_to(mirror).as_posix() for p in (mirror / "warc").rglob("*") if p.is_file()) == \
        sorted(k for k in world["seaweed"].objects(world["bucket"], PREFIX) if k.startswith("warc/"))
    for secret in (world["seaweed"].access_key, world["seaweed"].secret_key):
        assert secret not in stderr
        for path in mirror.rglob("*"):
            assert not path.is_file() or secret.encode() not in path.read_bytes()


def test_a_second_mirror_downloads_only_missing_or_resized_files(world: dict[str, Any], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    seaweed: SeaweedFS = world["seaweed"]
    for name in [k for k in os.environ if k.startswith("AWS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", seaweed.access_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", seaweed.secret_key)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    forget_stores()
    try:
        store = open_store(world["uri"], Settings({"KHABAR_S3_ENDPOINT_URL": seaweed.endpoint,
                                                   "KHABAR_SPOOL_DIR": str(tmp_path / "spool")}))
        target = tmp_path / "mirror"
        said: list[str] = []
        mirror_store(store, target, said.append)
        warcs = sorted(target.glob("warc/**/*.warc.gz"))
        assert warcs
        total = re.search(r": (\d+) of (\d+) WARC/CDXJ files to download", said[0])
        assert total and total.group(1) == total.group(2)
        warcs[0].write_bytes(warcs[0].read_bytes()[:100])   # a broken earlier download
        stale = target / "warc" / "outlet=gone" / "old.warc.gz"
        stale.parent.mkdir(parents=True)
        stale.write_bytes(b"no longer in the store")
        said.clear()
        mirrored = mirror_store(store, target, said.append)
        assert f": 1 of {total.group(2)} WARC/CDXJ files to download" in said[0]
        assert "removed 1 file(s) no longer in the store" in said[1]
        assert not stale.exists()
        key = warcs[0].relative_to(target).as_posix()
        assert mirrored.read_bytes(key) == store.read_bytes(key)
    finally:
        forget_stores()
