"""``khabar wacz STORE --out FILE.wacz``: a WACZ package of a store's WARCs, with the maintained ``wacz``.

The selection is by outlet and capture day (the store's partitions); the pages list comes from
the article records of the same partitions (URL, capture time, title), so ReplayWeb.page opens on
the articles. The package is validated with ``wacz validate`` before it is reported as written.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wacz.main import main as wacz_main

from crawler.archive.reading import open_key, read_records, warc_keys
from crawler.errors import KhabarError
from crawler.storage import Store
from crawler.storage.atomic import atomic_path


@dataclass(frozen=True)
class WaczResult:
    path: Path
    warc_files: int
    pages: int


def _pages(store: Store, outlet: str | None, since: date | None, until: date | None) -> list[dict[str, str]]:
    """One page per archived article capture (re-extracted versions of a capture are not new pages)."""
    pages: dict[tuple[str, str], dict[str, str]] = {}
    for key in store.list(f"records/outlet={outlet}/" if outlet else "records/"):
        day = next((p.removeprefix("date=") for p in key.split("/") if p.startswith("date=")), "")
        if not key.endswith(".jsonl.gz") or (since and day < since.isoformat()) or (until and day > until.isoformat()):
            continue
        for record in read_records(store, key):
            ts = record["fetched_at"]
            pages[(record["url"], ts)] = {"id": f"{record['id']}-{ts}", "url": record["url"], "ts": ts,
                                          "title": record.get("title") or record["url"]}
    return list(pages.values())


def _local_copy(store: Store, key: str, folder: Path) -> Path:
    root = getattr(store, "root", None)
    if root is not None:
        return Path(root) / key
    target = folder / key.rsplit("/", 1)[-1]
    with open_key(store, key) as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink)
    return target


def make_wacz(store: Store, out: Path, outlet: str | None = None, since: date | None = None,
              until: date | None = None) -> WaczResult:
    keys = warc_keys(store, outlet, since, until)
    if not keys:
        raise KhabarError(f"no WARC file in {store.uri} matches outlet={outlet or 'any'}, since={since or 'any'}, "
                          f"until={until or 'any'}; run 'khabar verify {store.uri}' to see what the store holds")
    with tempfile.TemporaryDirectory(prefix="khabar-wacz-") as tmp:
        files = [str(_local_copy(store, k.key, Path(tmp))) for k in keys]
        pages = _pages(store, outlet, since, until)
        pages_path = Path(tmp) / "pages.jsonl"
        lines = [{"format": "json-pages-1.0", "id": "pages", "title": "Khabar articles"}, *pages]
        pages_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in lines), encoding="utf-8")
        with atomic_path(out) as temp_out:
            _run_wacz(["create", "-o", str(temp_out), "-p", str(pages_path), "--title", "Khabar archive", *files])
            _run_wacz(["validate", "-f", str(temp_out)])
    return WaczResult(out, len(files), len(pages))


def _run_wacz(args: list[str]) -> None:
    """Run the wacz tool quietly; raise with its own output if it fails."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = wacz_main(args)
    if code:
        raise KhabarError(f"wacz {args[0]} failed (exit {code}): {output.getvalue().strip()[-2000:]}")
