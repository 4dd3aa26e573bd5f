"""Unattended operation: Prometheus metrics scraped over HTTP during a crawl and at its end (equal to the run
reports), a metrics port in use, webhook alerts for a failing outlet, and a webhook that is down.

One crawl serves the module: the demo-wp outlet and an unreachable one, with --metrics-port 0 (a free port,
printed), metrics kept up 4 s after the summary (KHABAR_METRICS_LINGER) and a webhook on loopback whose URL
holds a token.
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from crawler.demo import DemoServer, DemoWorld, demo_catalog_entries
from crawler.errors import ExitCode
from crawler.run.alerts import redacted_url
from tests.support.crawls import KHABAR, ROOT, run
from tests.support.webhook import Webhook

UNREACHABLE = {"id": "unreachable", "name": "Unreachable", "group": "demo", "country": "ML", "languages": ["fr"],
               "homepage": "http://127.0.0.1:9/", "sitemaps": [{"url": "http://127.0.0.1:9/sitemap.xml"}],
               "crawl": {"delay": 0}}
TOKEN_PATH, TOKEN_QUERY = "/hook/t0ken-path-secret", "key=qu3ry-secret"


def _scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode("utf-8")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def _value(scrape: dict[Any, float], name: str, **labels: str) -> float | None:
    return scrape.get((name, tuple(sorted(labels.items()))))


class _Lines:
    """Reads a pipe in a thread (the child never blocks on a full pipe); ``text`` so far."""

    def __init__(self, pipe: Any) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=lambda: self.lines.extend(iter(pipe.readline, "")), daemon=True)
        self._thread.start()

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def join(self) -> None:
        self._thread.join(10)


def _metrics_url(stderr: _Lines, process: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        for line in list(stderr.lines):
            if line.startswith("Metrics: "):
                return line.removeprefix("Metrics: ").strip()
        time.sleep(0.05)
    raise AssertionError(f"no 'Metrics:' line: {stderr.text[-3000:]}")


@pytest.fixture(scope="module")
def metered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("metered")
    store, catalog = tmp / "store", tmp / "catalog.yaml"
    with DemoServer(DemoWorld()) as server, Webhook() as webhook:
        catalog.write_text(yaml.safe_dump([*demo_catalog_entries(server.base_urls), UNREACHABLE]))
        hook = f"{webhook.base_url}{TOKEN_PATH}?{TOKEN_QUERY}"
        with subprocess.Popen(
                [*KHABAR, "crawl", "demo-wp", "unreachable", "--catalog-extra", str(catalog), "--store", str(store),
                 "--metrics-port", "0", "-s", "KHABAR_METRICS_LINGER=4", "-s", f"KHABAR_ALERT_WEBHOOK={hook}",
                 "-s", "RETRY_TIMES=0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
            stdout, stderr = _Lines(process.stdout), _Lines(process.stderr)
            url = _metrics_url(stderr, process)
            during = []
            while "Khabar crawl " not in stdout.text and process.poll() is None:  # until the summary is printed
                during.append(_scrape(url))
                time.sleep(0.2)
            final = _scrape(url)  # lingering: the crawl is over, the process not yet
            code = process.wait(timeout=120)
            stdout.join()
            stderr.join()
        posts = webhook.posts
    return {"webhook": webhook.base_url, "store": store, "code": code, "stdout": stdout.text, "stderr": stderr.text, "during": during,
            "final": final, "posts": posts, "url": url}


def _report(store: Path, outlet: str) -> dict[str, Any]:
    (path,) = (store / "runs").glob(f"*/{outlet}.json")
    return dict(json.loads(path.read_text()))


def test_metrics_are_served_while_the_crawl_runs(metered: dict[str, Any]) -> None:
    assert metered["url"].startswith("http://127.0.0.1:") and metered["url"].endswith("/metrics")
    running = [s for s in metered["during"] if _value(s, "khabar_crawl_running", outlet="demo-wp") == 1]
    assert running, f"no scrape saw demo-wp running ({len(metered['during'])} scrapes)"
    final_pages = _value(metered["final"], "khabar_pages_fetched_total", outlet="demo-wp")
    seen = [_value(s, "khabar_pages_fetched_total", outlet="demo-wp") for s in running]
    assert any(0 < (v or 0) < (final_pages or 0) for v in seen), (seen, final_pages)  # caught mid-crawl
    assert _value(metered["final"], "khabar_crawl_running", outlet="demo-wp") == 0


def test_metrics_at_the_end_equal_the_run_reports(metered: dict[str, Any]) -> None:
    final, store = metered["final"], metered["store"]
    report = _report(store, "demo-wp")
    assert report["articles_recorded"] > 0
    for field in ("pages_fetched", "pages_archived", "articles_recorded", "articles_new", "articles_updated",
                  "botwall_pages"):
        assert _value(final, f"khabar_{field}_total", outlet="demo-wp") == report[field], field
    not_recorded = {dict(labels)["reason"]: value for (name, labels), value in final.items()
                    if name == "khabar_articles_not_recorded_total" and dict(labels)["outlet"] == "demo-wp"}
    assert not_recorded == report["not_recorded"]
    errors = {kind: _value(final, "khabar_errors_total", outlet="demo-wp", kind=kind)
              for kind in ("article_fetch", "discovery_source")}
    assert sum(v or 0 for v in errors.values()) == report["fetch_errors"]
    assert _value(final, "khabar_warc_files_total", outlet="demo-wp") == len(report["warc_files"])
    warc_bytes = sum((store / key).stat().st_size for key in report["warc_files"])
    assert _value(final, "khabar_bytes_written_total", outlet="demo-wp", kind="warc") == warc_bytes
    record_bytes = sum((store / key).stat().st_size for key in report["record_files"])
    assert _value(final, "khabar_bytes_written_total", outlet="demo-wp", kind="records") == record_bytes
    assert _value(final, "khabar_uploads_pending", store=str(store)) == 0
    assert (_value(final, "khabar_last_success_timestamp_seconds", outlet="demo-wp") or 0) > time.time() - 600
    unreachable = _report(store, "unreachable")
    assert _value(final, "khabar_pages_fetched_total", outlet="unreachable") == unreachable["pages_fetched"] == 0
    assert _value(final, "khabar_last_success_timestamp_seconds", outlet="unreachable") is None


def test_a_failing_outlet_is_posted_to_the_webhook_whose_token_is_never_printed(metered: dict[str, Any]) -> None:
    assert metered["code"] == ExitCode.SOME_OUTLETS_FAILED, metered["stderr"][-3000:]
    alerts = {alert["outlet"]: alert for _, alert in metered["posts"]}
    assert len(metered["posts"]) == len(alerts) == 2 and {path for path, _ in metered["posts"]} == {
        f"{TOKEN_PATH}?{TOKEN_QUERY}"}
    alert = alerts["unreachable"]
    report = _report(metered["store"], "unreachable")
    assert alert["event"] == "outlet_failing" and alert["verdict"] == "failing"
    assert alert["outlet"] == "unreachable" and alert["crawl_id"] == report["crawl_id"]
    assert alert["run_report"] == f"runs/{report['crawl_id']}/unreachable.json"
    assert alert["message"].startswith("outlet unreachable: nothing could be fetched")
    assert alert["finish_reason"] == "finished" and alert["store"] == str(metered["store"])
    (log,) = metered["store"].glob("runs/*/crawl.log")  # Scrapy's log, in the store
    output = metered["stdout"] + metered["stderr"] + log.read_text()
    assert "t0ken-path-secret" not in output and "qu3ry-secret" not in output
    assert "alert outlet_failing for unreachable sent to http://127.0.0.1:" in output
    assert f"sent to {metered['webhook']}/***?***" in output


def test_an_outlet_gone_silent_is_posted_with_the_status_rule(metered: dict[str, Any]) -> None:
    """The demo world's clock stands at DEMO_EPOCH: demo-wp, a daily outlet, has published nothing since, which
    is more than 3 days before the real now of any run of this suite (crawler/run/health.py's silent rule)."""
    alert = next(alert for _, alert in metered["posts"] if alert["outlet"] == "demo-wp")
    newest = date.fromisoformat(alert["message"].split("(since ")[1][:10])
    assert newest <= DemoWorld().now.date() and (datetime.now(UTC).date() - newest).days > 3
    assert alert["event"] == "outlet_silent" and alert["verdict"] == "silent"
    assert alert["message"].startswith(f"no new article for {(datetime.now(UTC).date() - newest).days} days ")
    assert "it usually publishes daily (silent after 3 days)" in alert["message"]
    assert alert["crawl_id"] == _report(metered["store"], "demo-wp")["crawl_id"]


def test_a_metrics_port_in_use_is_a_clear_error_before_anything_is_crawled(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(yaml.safe_dump([UNREACHABLE]))
    with socket.socket() as taken:  # held, listening, for the whole command
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run([*KHABAR, "crawl", "unreachable", "--catalog-extra", str(catalog), "--store",
                      str(tmp_path / "store"), "--metrics-port", str(port)], timeout=60)
    assert result.returncode == ExitCode.USAGE == 2, result.stderr[-2000:]
    assert (f"Error: cannot serve metrics on 127.0.0.1:{port}: the port is already in use" in result.stderr
            and "pick a free port with --metrics-port N" in result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "store" / "runs").exists()


def test_a_webhook_that_is_down_is_retried_a_bounded_number_of_times_and_changes_no_exit_code(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(yaml.safe_dump([UNREACHABLE]))
    with Webhook(status=503) as webhook:
        started = time.monotonic()
        result = run([*KHABAR, "crawl", "unreachable", "--catalog-extra", str(catalog), "--store",
                      str(tmp_path / "store"), "-s", f"KHABAR_ALERT_WEBHOOK={webhook.base_url}/alerts?token=s3cret",
                      "-s", "KHABAR_ALERT_RETRIES=2", "-s", "KHABAR_ALERT_BACKOFF=0.2", "-s", "RETRY_TIMES=0"],
                     timeout=120)
        elapsed = time.monotonic() - started
        posts = webhook.posts
    assert result.returncode == ExitCode.SOME_OUTLETS_FAILED, result.stderr[-3000:]
    assert [alert["event"] for _, alert in posts] == ["outlet_failing"] * 3  # the first try and 2 retries
    retries = [line for line in result.stderr.splitlines() if "alert outlet_failing to " in line]
    assert len(retries) == 3, retries
    assert "failed (HTTP 503); trying again in 0.2 s (try 1 of 3)" in retries[0]
    assert "failed (HTTP 503); trying again in 0.4 s (try 2 of 3)" in retries[1]
    assert "not delivered after 3 tries (HTTP 503); the crawl goes on" in retries[2]
    assert all("] WARNING: " in line for line in retries) and "Traceback" not in result.stderr
    (log,) = (tmp_path / "store").glob("runs/*/crawl.log")
    assert "s3cret" not in result.stdout + result.stderr + log.read_text()
    assert elapsed < 60



@pytest.mark.parametrize(("url", "shown"), [
    ("https://hooks.example/services/T0/B1/s3cret", "https://hooks.example/***"),
    ("http://user:pa55@127.0.0.1:9000/alerts?token=s3cret#x", "http://***@127.0.0.1:9000/***?***"),
    ("https://hooks.example/T0K3N", "https://hooks.example/***"),
    ("https://hooks.example", "https://hooks.example/"),
])
def test_a_webhook_url_is_shown_without_what_may_hold_a_token(url: str, shown: str) -> None:
    assert redacted_url(url) == shown
