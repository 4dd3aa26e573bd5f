"""``khabar wacz STORE``: WACZ packages of a store's WARCs, made and validated with the maintained ``wacz``.

What goes in (``WaczSelection``): one crawl (``--crawl-id``: the WARC files its run reports list), one
outlet-day (``--outlet X --date D``), or an outlet and a range of capture days. ``pages.jsonl`` comes
from the article records of the same WARCs: URL, capture time, title and the text, so ReplayWeb.page
opens on the articles and searches their text.

With a size cap (``--max-size``) the WARCs are packed, in capture order, into as many WACZ files as
needed, each a package of its own (its WARCs, their index and their pages) that ``wacz validate``
accepts; a single WARC larger than the cap goes alone into a WACZ of its own, and the result says so.
A package never mixes outlets. With ``--upload`` each WACZ is published to the store as soon as it is
validated, under ``wacz/outlet=<id>/<name>.wacz`` (``crawler.storage.layout.wacz_key``).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wacz.main import main as wacz_main

from crawler.archive.reading import WarcKey, open_key, parse_key, read_records, warc_keys
from crawler.errors import KhabarError
from crawler.storage import Store
from crawler.storage.atomic import atomic_path
from crawler.storage.layout import runs_dir, wacz_key

_OVERHEAD = 64 * 1024  # zip headers, datapackage.json and the compressed index of a package, at most (measured: ~5 KB)
_PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "Khabar articles", "hasText": True}


@dataclass(frozen=True)
class WaczSelection:
    """Which WARCs to package: those of one crawl, or of an outlet (and capture days)."""

    crawl_id: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None

    def describe(self) -> str:
        parts = [f"crawl {self.crawl_id}"] if self.crawl_id else []
        parts += [f"outlet={self.outlet or 'any'}"]
        if self.since and self.since == self.until:
            parts.append(f"date={self.since}")
        else:
            parts += [f"since={self.since or 'any'}", f"until={self.until or 'any'}"]
        return ", ".join(parts)

    def default_name(self) -> str:
        """A file name that says what the package holds."""
        if self.crawl_id:
            return f"{self.crawl_id}{f'-{self.outlet}' if self.outlet else ''}.wacz"
        day = f"-{self.since}" if self.since and self.since == self.until else ""
        return f"{self.outlet or 'khabar'}{day}.wacz"


@dataclass(frozen=True)
class WaczResult:
    """One package written."""

    path: Path | None  # the local file (None when it was only published to the store)
    outlet: str
    warc_files: int
    pages: int
    size: int
    key: str | None = None  # its store key when uploaded
    alone_over_cap: bool = False  # one WARC larger than the size cap, packaged alone


@dataclass
class WaczRun:
    """What ``make_waczs`` wrote."""

    packages: list[WaczResult] = field(default_factory=list)


def select_warcs(store: Store, selection: WaczSelection) -> list[WarcKey]:
    """The finished WARC files the selection names, in capture order; an error naming the selection when none."""
    if selection.crawl_id:
        reports = [k for k in store.list(runs_dir(selection.crawl_id) + "/") if k.endswith(".json")]
        if not reports:
            raise KhabarError(f"no run report of crawl {selection.crawl_id} in {store.uri} (runs/{selection.crawl_id}/): "
                              f"check the crawl id ('khabar status {store.uri}' lists the last runs)")
        listed = {key for report in reports for key in json.loads(store.read_bytes(report)).get("warc_files", [])}
        keys = [parse_key(key) for key in sorted(listed) if store.exists(key)]
        keys = [k for k in keys if (not selection.outlet or k.outlet == selection.outlet) and _in_days(k, selection)]
    else:
        keys = warc_keys(store, selection.outlet, selection.since, selection.until)
    if not keys:
        raise KhabarError(f"no WARC file in {store.uri} matches {selection.describe()}; "
                          f"run 'khabar verify {store.uri}' to see what the store holds")
    return sorted(keys, key=lambda k: (k.outlet, k.day or date.min, k.key))


def _in_days(key: WarcKey, selection: WaczSelection) -> bool:
    return not (key.day and (selection.since and key.day < selection.since or selection.until and key.day > selection.until))


def _pages(store: Store, keys: list[WarcKey], crawl_id: str | None) -> dict[str, list[dict[str, Any]]]:
    """Per WARC key, one page per archived article capture: URL, capture time, title, text.

    Re-extracted versions of a capture are not new pages (the newest text is kept).
    """
    wanted = {k.key for k in keys}
    partitions = sorted({k.key.rsplit("/", 1)[0].replace("warc/", "records/", 1) for k in keys})
    pages: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for partition in partitions:
        for key in store.list(partition + "/"):
            if not key.endswith(".jsonl.gz") or crawl_id and not key.rsplit("/", 1)[-1].startswith(crawl_id):
                continue
            for record in read_records(store, key):
                warc = record.get("warc") or {}
                if warc.get("path") not in wanted:
                    continue
                ts = record["fetched_at"]
                pages[(record["url"], ts)] = (warc["path"], {
                    "id": f"{record['id']}-{ts}", "url": record["url"], "ts": ts,
                    "title": record.get("title") or record["url"], "text": record.get("text") or ""})
    found: dict[str, list[dict[str, Any]]] = {}
    for path, page in pages.values():
        found.setdefault(path, []).append(page)
    return found


def plan_packages(sizes: list[tuple[WarcKey, int]], max_size: int | None) -> list[list[WarcKey]]:
    """WARCs packed in order into packages of at most ``max_size`` bytes each (by their cost), one outlet each."""
    packages: list[list[WarcKey]] = []
    used = 0
    for key, cost in sizes:
        current = packages[-1] if packages else None
        fits = max_size is None or used + cost + _OVERHEAD <= max_size
        if current and current[-1].outlet == key.outlet and fits:
            current.append(key)
            used += cost
        else:
            packages.append([key])
            used = cost
    return packages


def make_waczs(store: Store, selection: WaczSelection, out: Path | None, max_size: int | None = None,
               upload: bool = False, done: Callable[[WaczResult], None] = lambda result: None) -> WaczRun:
    """Write the packages of ``selection``; each is validated, then published (``upload``) before the next is made."""
    keys = select_warcs(store, selection)
    pages = _pages(store, keys, selection.crawl_id)
    costs = [(k, store.size(k.key) + sum(len(json.dumps(p, ensure_ascii=False)) + 1 for p in pages.get(k.key, [])))
             for k in keys]
    plan = plan_packages(costs, max_size)
    name = out.name if out is not None else selection.default_name()
    run = WaczRun()
    for number, package in enumerate(plan, start=1):
        part = name if len(plan) == 1 else f"{name.removesuffix('.wacz')}-{number:03d}.wacz"
        local = out.with_name(part) if out is not None else None
        alone = max_size is not None and len(package) == 1 and dict(costs)[package[0]] + _OVERHEAD > max_size
        result = _package(store, package, pages, local, part, upload, alone)
        run.packages.append(result)
        done(result)
    return run


def _package(store: Store, package: list[WarcKey], pages: dict[str, list[dict[str, Any]]], local: Path | None,
             name: str, upload: bool, alone: bool) -> WaczResult:
    outlet = package[0].outlet
    key = wacz_key(outlet, name) if upload else None
    lines = [_PAGES_HEADER, *(p for k in package for p in sorted(pages.get(k.key, []), key=lambda p: (p["ts"], p["url"])))]
    with tempfile.TemporaryDirectory(prefix="khabar-wacz-") as tmp:
        files = [str(_local_copy(store, k.key, Path(tmp))) for k in package]
        pages_path = Path(tmp) / "pages.jsonl"
        pages_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in lines), encoding="utf-8")
        target = local if local is not None else store.spool / str(key)
        with atomic_path(target) as temp_out:
            _run_wacz(["create", "-o", str(temp_out), "-p", str(pages_path), "--title", f"Khabar: {outlet}", *files])
            _run_wacz(["validate", "-f", str(temp_out)])
        size = target.stat().st_size
        if key is not None:
            if local is not None:
                with _spool_file(store, key) as spooled:
                    shutil.copyfile(target, spooled)
            store.publish(key)
    return WaczResult(local, outlet, len(package), len(lines) - 1, size, key, alone)


@contextlib.contextmanager
def _spool_file(store: Store, key: str) -> Iterator[Path]:
    with atomic_path(store.spool / key) as temp:
        yield temp


def _local_copy(store: Store, key: str, folder: Path) -> Path:
    root = getattr(store, "root", None)
    if root is not None:
        return Path(root) / key
    target = folder / key.rsplit("/", 1)[-1]
    with open_key(store, key) as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink)
    return target


def _run_wacz(args: list[str]) -> None:
    """Run the wacz tool quietly; raise with its own output if it fails."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = wacz_main(args)
    if code:
        raise KhabarError(f"wacz {args[0]} failed (exit {code}): {output.getvalue().strip()[-2000:]}")
