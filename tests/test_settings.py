"""One settings path: the settings module, then KHABAR_* environment variables, then ``-s``, the same for
``khabar`` and ``scrapy crawl``; and a ``scrapy crawl`` configured by ``-s`` alone archives into the bucket it
names, with every component on the same store.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from crawler.run.addon import KhabarAddon
from crawler.run.settings import ENV_PRIORITY, khabar_settings
from crawler.storage import layout
from spiders.news import NewsSpider
from tests.support.demo_outlets import DemoOutlets
from tests.support.seaweed import ROOT, SeaweedFS, s3_env

OUTLET = "demo-cms"
PREFIX = "khabar/v1"
ENVIRONMENT = {"KHABAR_MAX_ARTICLES": "3", "KHABAR_SINCE": "2026-01-01", "KHABAR_NOT_A_SETTING": "x"}
COMMAND_LINE = {"KHABAR_MAX_ARTICLES": "7"}


def _scrapy_crawl_settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings of ``scrapy crawl news -s KHABAR_MAX_ARTICLES=7`` with ENVIRONMENT in the environment:
    the module at "project", -s at "cmdline" (as Scrapy's command does), then the crawler with its add-on."""
    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    settings.setmodule("settings", priority="project")
    settings.setdict(COMMAND_LINE, priority="cmdline")
    crawler = Crawler(NewsSpider, settings)  # NewsSpider.update_settings: before from_crawler reads anything
    seen_by_the_spider = crawler.settings.copy()
    KhabarAddon().update_settings(crawler.settings)
    for name in ("KHABAR_MAX_ARTICLES", "KHABAR_SINCE", "KHABAR_STORE_URI"):
        assert crawler.settings[name] == seen_by_the_spider[name], name
    return crawler.settings


def test_environment_is_below_the_command_line_for_khabar_and_for_scrapy_crawl(monkeypatch: pytest.MonkeyPatch) -> None:
    khabar = khabar_settings(COMMAND_LINE, environ=ENVIRONMENT)
    scrapy = _scrapy_crawl_settings(monkeypatch)
    for settings in (khabar, scrapy):
        assert settings.getint("KHABAR_MAX_ARTICLES") == 7
        assert settings.getpriority("KHABAR_MAX_ARTICLES") == 40  # "cmdline"
        assert settings["KHABAR_SINCE"] == "2026-01-01"
        assert settings.getpriority("KHABAR_SINCE") == ENV_PRIORITY
        assert settings["KHABAR_STORE_URI"] == "./archive"  # the settings module's
        assert settings.getpriority("KHABAR_STORE_URI") == 20  # "project"
        assert "KHABAR_NOT_A_SETTING" not in settings
        assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", settings["KHABAR_CRAWL_ID"])


def test_khabar_settings_read_the_process_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_S3_REGION", "eu-west-3")
    assert khabar_settings()["KHABAR_S3_REGION"] == "eu-west-3"
    assert khabar_settings({"KHABAR_S3_REGION": "af-south-1"})["KHABAR_S3_REGION"] == "af-south-1"


# -- the acceptance test: scrapy crawl configured by -s alone, into a real bucket ---------------------

@pytest.fixture(scope="module")
def crawled(seaweed: SeaweedFS, demo_outlets: DemoOutlets, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``scrapy crawl`` run in an empty folder, the store and its endpoint given by -s only."""
    world, catalog = demo_outlets.world, demo_outlets.catalog
    cwd = tmp_path_factory.mktemp("cwd")
    bucket = seaweed.new_bucket("scrapy-s")
    env = s3_env({"AWS_ACCESS_KEY_ID": seaweed.access_key, "AWS_SECRET_ACCESS_KEY": seaweed.secret_key,
                  "SCRAPY_SETTINGS_MODULE": "settings", "PYTHONPATH": str(ROOT)})
    assert not [name for name in env if name.startswith("KHABAR_")]
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"outlet={OUTLET}",
         "-s", f"KHABAR_STORE_URI=s3://{bucket}/{PREFIX}", "-s", f"KHABAR_S3_ENDPOINT_URL={seaweed.endpoint}",
         "-s", f"KHABAR_CATALOG_EXTRA={catalog}"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    return {"bucket": bucket, "cwd": cwd, "objects": seaweed.objects(bucket), "world": world, "log": result.stderr}


def _records(objects: dict[str, bytes]) -> list[dict[str, Any]]:
    return [json.loads(line) for key, data in objects.items() if key.endswith(".jsonl.gz")
            for line in gzip.decompress(data).splitlines()]


def test_scrapy_crawl_with_s_alone_archives_into_the_bucket_under_the_prefix(crawled: dict[str, Any]) -> None:
    objects: dict[str, bytes] = crawled["objects"]
    assert objects and all(key.startswith(f"{PREFIX}/") for key in objects)
    keys = sorted(key.removeprefix(f"{PREFIX}/") for key in objects)
    [crawl_id] = {r["crawl_id"] for r in _records(objects)}
    day = datetime.now(UTC).date()  # the crawl ran just now (a run across midnight would need two days)
    warcs = [k for k in keys if k.startswith("warc/")]
    assert sorted(set(keys) - set(warcs)) == [
        layout.records_key(OUTLET, day, crawl_id), layout.run_report_key(crawl_id, OUTLET), layout.SCHEMA_KEY]
    stems = {re.sub(r"\.(warc\.gz|cdxj)$", "", k) for k in warcs}
    assert stems and sorted(warcs) == sorted([f"{s}.cdxj" for s in stems] + [f"{s}.warc.gz" for s in stems])
    for stem in stems:
        assert re.fullmatch(re.escape(layout.warc_dir(OUTLET, day)) + rf"/khabar-{OUTLET}-\d{{20}}-\d+-\d{{5}}", stem), stem
    report = json.loads(objects[f"{PREFIX}/{layout.run_report_key(crawl_id, OUTLET)}"])
    assert report["outlet"] == OUTLET and report["crawl_id"] == crawl_id
    assert sorted(report["warc_files"]) == sorted(k for k in warcs if k.endswith(".warc.gz"))


def test_the_records_are_the_outlets_articles_linked_to_responses_in_the_bucket(crawled: dict[str, Any]) -> None:
    objects: dict[str, bytes] = crawled["objects"]
    records = _records(objects)
    assert sorted(r["url"] for r in records) == sorted(crawled["world"].article_urls(OUTLET))
    for record in records:
        link = record["warc"]
        member = objects[f"{PREFIX}/{link['path']}"][link["offset"]:link["offset"] + link["length"]]
        [warc_record] = list(ArchiveIterator(io.BytesIO(member)))
        assert warc_record.rec_type == "response"
        assert warc_record.rec_headers.get_header("WARC-Target-URI") == record["url"]
        assert warc_record.rec_headers.get_header("WARC-Record-ID") == link["record_id"]


def test_local_state_is_in_the_spool_of_that_store_and_nothing_went_to_a_local_archive(
        crawled: dict[str, Any]) -> None:
    cwd: Path = crawled["cwd"]
    spool = layout.spool_dir(cwd / ".khabar" / "spool", crawled["bucket"], PREFIX)
    state = spool / layout.STATE_DIR
    for name in (layout.CRAWL_DB, layout.DEDUP_DB, layout.ARTICLES_DB, layout.STORIES_DB):
        assert (state / name).is_file(), name
    assert [p for p in spool.rglob("*") if p.is_file() and not layout.is_state_key(p.relative_to(spool).as_posix())] == []
    assert not (cwd / "archive").exists()
    assert sorted(os.listdir(cwd)) == [".khabar"]


@pytest.mark.parametrize(("setting", "said"), [
    ("KHABAR_RENDER_JS=/nowhere/chrome", "KHABAR_RENDER_JS='/nowhere/chrome' is not an executable browser"),
    ("KHABAR_SCREENSHOTS=always", "KHABAR_SCREENSHOTS='always' is not one of off, rendered"),
    ("KHABAR_REQUISITES=maybe", "KHABAR_REQUISITES='maybe' is not one of off, same-site, all"),
])
def test_a_crawl_setting_its_components_refuse_is_a_usage_error_before_anything_starts(
        tmp_path: Path, setting: str, said: str) -> None:
    from tests.support.crawls import KHABAR, run

    result = run([*KHABAR, "crawl", "lefaso", "--store", str(tmp_path / "store"), "-s", setting])
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"Error: {said}" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "store").exists()  # nothing opened, nothing fetched
