"""What the crawl process does not import when it does not need it: the browser's client without rendering, the
remote-control server's HTTP stack while it is off (each one costs memory in every crawl process)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.crawls import ROOT

_PROBE = """
import json, sys
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object
from crawler.run.addon import KhabarAddon
from crawler.run.runner import check_settings
from crawler.run.settings import khabar_settings

settings = khabar_settings(json.loads(sys.argv[1]))
check_settings(settings)
KhabarAddon().update_settings(settings)
extensions = [load_object(path) for path in build_component_list(settings.getwithbase("EXTENSIONS"))]
print(json.dumps({"modules": sorted(m for m in ("playwright", "aiohttp") if m in sys.modules),
                  "extensions": [f"{e.__module__}.{e.__qualname__}" for e in extensions]}))
"""


def _probe(**settings: object) -> dict[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps({"KHABAR_RENDER_JS": "off", **settings})],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_without_rendering_or_remote_control_the_crawl_imports_neither_playwright_nor_aiohttp() -> None:
    probe = _probe()
    assert probe["modules"] == []
    assert "scrapy.extensions.remote_control.RemoteControl" not in probe["extensions"]
    assert "crawler.warc.capture.WarcCapture" in probe["extensions"]


def test_with_the_remote_control_on_its_extension_is_loaded() -> None:
    probe = _probe(KHABAR_REMOTE_CONTROL=True)
    assert "scrapy.extensions.remote_control.RemoteControl" in probe["extensions"]


def test_story_signatures_import_datasketchs_minhash_without_scipy_or_redis() -> None:
    probe = """
import sys
from pipelines.story_dedup import _template
signature = _template()
loaded = sorted(m for m in ("scipy", "redis") if m in sys.modules)
import datasketch
print(loaded, type(signature) is datasketch.MinHash, "scipy" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.split() == ["[]", "True", "True"]  # the whole package, imported later, has the same MinHash
