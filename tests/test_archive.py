"""Archive fidelity: revisits for unchanged pages, CDXJ, verify, re-extraction, WACZ, crash safety."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.demo import DemoWorld
from crawler.storage import LocalStore
from crawler.storage.layout import dedup_db
from tests.support.crawls import KHABAR, ROOT, article_records, run
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.redis_server import redis_server

OUTLETS = ("demo-wp", "demo-cms")
REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


def _records_by_file(store: Path, files: list[Path]) -> list[Any]:
    out = []
    for path in files:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                record.content_stream().read()
                out.append(record)
    return out


def _new_warcs(store: Path, before: set[Path]) -> list[Path]:
    return sorted(set(store.glob("warc/**/*.warc.gz")) - before)


def _crawl(catalog: Path, store: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = run([*KHABAR, "crawl", *OUTLETS, "--catalog-extra", str(catalog), "--store", str(store), *extra])
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Three crawls into one store: the demo world as is, unchanged, then three days later (full refetches)."""
    tmp = tmp_path_factory.mktemp("archive")
    world = DemoWorld()
    store, catalog = tmp / "store", tmp / "demo.yaml"
    with serve_demo_outlets(catalog, world) as demo:
        files: list[list[Path]] = []
        before_articles = {o: {a.path: a.version for a in world.articles(o)} for o in OUTLETS}
        for step in range(3):
            if step == 2:
                world.clock.advance(days=3)
            seen = set(store.glob("warc/**/*.warc.gz"))
            # a full refetch (not incremental): every page comes back, unchanged ones as revisits
            _crawl(catalog, store, *(["-s", "KHABAR_INCREMENTAL=False"] if step else []))
            files.append(_new_warcs(store, seen))
        after_articles = {o: {a.path: (a.version, a.url(demo.server.base_url(o))) for a in world.articles(o)} for o in OUTLETS}
    changed = {url for o in OUTLETS for path, (version, url) in after_articles[o].items()
               if before_articles[o].get(path) != version}
    return {"store": store, "catalog": catalog, "files": files, "changed": changed, "tmp": tmp}


def test_a_second_crawl_of_unchanged_outlets_writes_only_revisits(crawls: Any) -> None:
    store, (first, second, _) = crawls["store"], crawls["files"]
    first_types = Counter(r.rec_type for r in _records_by_file(store, first))
    second_records = _records_by_file(store, second)
    second_types = Counter(r.rec_type for r in second_records)
    assert second_types["response"] == 0
    first_uris = {r.rec_headers.get_header("WARC-Target-URI") for r in _records_by_file(store, first) if r.rec_type == "response"}
    revisited = [r.rec_headers.get_header("WARC-Target-URI") for r in second_records if r.rec_type == "revisit"]
    # every page again, as a revisit; robots.txt is the copy the first crawl kept (RFC 9309: up to a day)
    assert sorted(revisited) == sorted(u for u in first_uris if not u.endswith("/robots.txt"))
    assert len(revisited) == first_types["response"] - len(OUTLETS) > 70
    assert second_types["metadata"] == second_types["resource"] == 0  # unchanged articles: no new record


def test_revisits_name_their_original_so_replay_tools_can_resolve_them(crawls: Any) -> None:
    store, (first, second, _) = crawls["store"], crawls["files"]
    originals = {r.rec_headers.get_header("WARC-Record-ID"): r for r in _records_by_file(store, first)}
    for revisit in (r for r in _records_by_file(store, second) if r.rec_type == "revisit"):
        headers = revisit.rec_headers
        original = originals[headers.get_header("WARC-Refers-To")]
        assert headers.get_header("WARC-Profile") == REVISIT_PROFILE
        assert headers.get_header("WARC-Refers-To-Target-URI") == original.rec_headers.get_header("WARC-Target-URI")
        assert headers.get_header("WARC-Refers-To-Date") == original.rec_headers.get_header("WARC-Date")
        assert headers.get_header("WARC-Payload-Digest") == original.rec_headers.get_header("WARC-Payload-Digest")
        assert revisit.http_headers.get_statuscode() == "200"  # the response head is kept


def test_after_the_clock_moves_exactly_the_new_and_edited_articles_get_new_responses(crawls: Any) -> None:
    store, third = crawls["store"], crawls["files"][2]
    # pages (HTML); the new articles' page requisites (images, no stylesheet changed) are responses too
    responses = {r.rec_headers.get_header("WARC-Target-URI") for r in _records_by_file(store, third)
                 if r.rec_type == "response" and (r.http_headers.get_header("Content-Type") or "").startswith("text/html")}
    article_responses = {u for u in responses if not u.endswith((".xml", ".xml.gz", "/feed/", "robots.txt"))
                         and "/wp-json/" not in u}
    assert article_responses == crawls["changed"]
    assert len(crawls["changed"]) >= 16  # 8 new articles and at least 2 edits per outlet


def test_every_warc_has_a_sorted_cdxj_beside_it_naming_its_store_key(crawls: Any) -> None:
    store = crawls["store"]
    for warc in store.glob("warc/**/*.warc.gz"):
        cdxj = warc.with_name(warc.name.removesuffix(".warc.gz") + ".cdxj")
        lines = cdxj.read_text().splitlines()
        assert lines == sorted(lines) and lines
        entries = [json.loads(line.split(" ", 2)[2]) for line in lines]
        assert {e["filename"] for e in entries} == {warc.relative_to(store).as_posix()}
        with open(warc, "rb") as handle:
            indexable = sum(1 for r in ArchiveIterator(handle) if r.rec_type in ("response", "revisit", "resource"))
        assert len(entries) == indexable


def test_each_article_text_is_archived_as_a_resource_record(crawls: Any) -> None:
    store, first = crawls["store"], crawls["files"][0]
    texts = {}
    for path in first:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "resource":
                    texts[record.rec_headers.get_header("WARC-Target-URI")] = record.content_stream().read().decode()
    records = [r for r in article_records(store) if r["crawl_id"] == article_records(store)[0]["crawl_id"]]
    assert len(texts) == len(records)
    for record in records:
        assert texts[f"urn:text:{record['url']}"] == record["text"]


def test_verify_passes_on_a_sound_store(crawls: Any) -> None:
    result = run([*KHABAR, "verify", str(crawls["store"])])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 0 faults" in result.stdout
    assert "revisit" in result.stdout and "record → WARC links" in result.stdout


def test_verify_reports_each_fault_with_file_and_offset_and_goes_on(crawls: Any, tmp_path: Path) -> None:
    damaged = tmp_path / "store"
    shutil.copytree(crawls["store"], damaged)
    first = sorted(damaged.glob("warc/outlet=demo-wp/**/*.warc.gz"))[0]
    cdxj = first.with_name(first.name.removesuffix(".warc.gz") + ".cdxj").read_text().splitlines()
    middle = json.loads(cdxj[len(cdxj) // 2].split(" ", 2)[2])
    cut = int(middle["offset"]) + int(middle["length"]) // 2
    first.write_bytes(first.read_bytes()[:cut])  # truncated in the middle of a response record
    original = next(p for p in sorted(damaged.glob("warc/outlet=demo-cms/**/*.warc.gz")))
    original.unlink()  # revisits of demo-cms now point at nothing
    result = run([*KHABAR, "verify", str(damaged), "--max-faults", "1000"])
    assert result.returncode == 1
    key = first.relative_to(damaged).as_posix()
    truncation = [line for line in result.stderr.splitlines() if line.startswith(f"FAULT {key} @ offset ")
                  and "the file ends inside a record" in line]
    assert len(truncation) == 1, [line for line in result.stderr.splitlines() if key in line][:5]
    assert "revisit refers to <urn:uuid:" in result.stderr and "cannot be replayed" in result.stderr
    assert "FAILED" in result.stdout


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    out = dict(record)
    out["extraction"] = {k: v for k, v in record["extraction"].items() if k not in ("version", "extracted_at")}
    return out


def test_reextract_rebuilds_the_crawl_records_from_the_warcs_alone(crawls: Any, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(crawls["store"], store)
    crawled = sorted(map(_comparable, article_records(store)), key=lambda r: (r["url"], r["fetched_at"]))
    for path in store.glob("records/**/*.jsonl.gz"):
        path.rename(path.with_name("crawl-" + path.name))
    result = run([*KHABAR, "reextract", str(store), "--catalog-extra", str(crawls["catalog"])])
    assert result.returncode == 0, result.stderr[-3000:]
    rebuilt = [r for r in article_records(store) if "reextract-" in r["extraction"]["version"]]
    assert sorted(map(_comparable, rebuilt), key=lambda r: (r["url"], r["fetched_at"])) == crawled


def test_reextracted_records_are_linked_from_the_warc_side_and_verify_passes(crawls: Any, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(crawls["store"], store)
    warcs_before = set(store.glob("warc/**/*.warc.gz"))
    result = run([*KHABAR, "reextract", str(store), "--outlet", "demo-cms", "--catalog-extra", str(crawls["catalog"])])
    assert result.returncode == 0, result.stderr[-3000:]
    rebuilt = {(r["id"], r["version"]) for r in article_records(store) if "reextract-" in r["extraction"]["version"]}
    assert rebuilt
    links = _records_by_file(store, _new_warcs(store, warcs_before))
    assert {r.rec_type for r in links} == {"warcinfo", "resource", "metadata"}
    assert sum(r.rec_type == "metadata" for r in links) == len(rebuilt)
    verified = run([*KHABAR, "verify", str(store)])
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_wacz_packages_the_store_and_passes_wacz_validate(crawls: Any, tmp_path: Path) -> None:
    out = tmp_path / "demo-wp.wacz"
    result = run([*KHABAR, "wacz", str(crawls["store"]), "--outlet", "demo-wp", "--out", str(out)])
    assert result.returncode == 0, result.stderr[-3000:]
    check = subprocess.run([str(Path(sys.executable).parent / "wacz"), "validate", "-f", str(out)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    import zipfile

    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        pages = package.read("pages/pages.jsonl").decode().splitlines()
    assert sum(n.startswith("archive/") for n in names) == len(list(crawls["store"].glob("warc/outlet=demo-wp/**/*.warc.gz")))
    assert len(pages) - 1 == len({(r["url"], r["fetched_at"]) for r in article_records(crawls["store"]) if r["outlet"] == "demo-wp"})


def _wacz_validate(path: Path) -> None:
    check = subprocess.run([str(Path(sys.executable).parent / "wacz"), "validate", "-f", str(path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, f"{path}: {check.stdout}{check.stderr}"


def _wacz_contents(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The WARC file names a WACZ holds, and its pages (header line left out)."""
    import zipfile

    with zipfile.ZipFile(path) as package:
        warcs = sorted(n.removeprefix("archive/") for n in package.namelist() if n.startswith("archive/"))
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").decode().splitlines()[1:]]
    return warcs, pages


def test_a_size_cap_splits_one_outlet_into_several_valid_wacz_files_and_uploads_each(crawls: Any, tmp_path: Path) -> None:
    store = crawls["store"]
    warcs = sorted(store.glob("warc/outlet=demo-wp/**/*.warc.gz"))
    sizes = [p.stat().st_size for p in warcs]
    cap = (sum(sizes) + max(sizes)) // 2 + 100_000  # every WARC fits, not all of them together
    out = tmp_path / "wp.wacz"
    result = run([*KHABAR, "wacz", str(store), "--outlet", "demo-wp", "--out", str(out), "--max-size", str(cap),
                  "--upload"])
    assert result.returncode == 0, result.stderr[-3000:]
    parts = sorted(tmp_path.glob("wp-*.wacz"))
    assert len(parts) >= 2 and [p.name for p in parts] == [f"wp-{n:03d}.wacz" for n in range(1, len(parts) + 1)]
    assert not out.exists() and "note:" not in result.stdout
    packed: list[str] = []
    pages: list[dict[str, Any]] = []
    for part in parts:
        _wacz_validate(part)
        assert part.stat().st_size <= cap
        names, found = _wacz_contents(part)
        packed += names
        pages += found
        assert f"Wrote {part}, {store / 'wacz/outlet=demo-wp' / part.name}: {len(names)} WARC files, {len(found)} pages" \
            in result.stdout
        assert (store / "wacz/outlet=demo-wp" / part.name).read_bytes() == part.read_bytes()  # the upload
    assert sorted(packed) == sorted(p.name for p in warcs)  # each WARC in exactly one package
    records = [r for r in article_records(store) if r["outlet"] == "demo-wp"]
    by_capture = {(r["url"], r["fetched_at"][:19]): r for r in records}  # wacz keeps page times to the second
    assert sorted((p["url"], p["ts"][:19]) for p in pages) == sorted(by_capture)
    assert all((p["title"], p["text"]) == (by_capture[(p["url"], p["ts"][:19])]["title"],
                                           by_capture[(p["url"], p["ts"][:19])]["text"]) and p["text"] for p in pages)


def test_wacz_packages_one_crawl_or_one_outlet_day_and_says_when_a_warc_alone_passes_the_cap(
        crawls: Any, tmp_path: Path) -> None:
    store = crawls["store"]
    first = crawls["files"][0]
    crawl_id = sorted(p.name for p in (store / "runs").iterdir())[0]
    by_crawl = run([*KHABAR, "wacz", str(store), "--crawl-id", crawl_id, "--out", str(tmp_path / "crawl.wacz"),
                    "--max-size", "1KB"])
    assert by_crawl.returncode == 0, by_crawl.stderr[-3000:]
    parts = sorted(tmp_path.glob("crawl-*.wacz"))
    assert sorted(n for p in parts for n in _wacz_contents(p)[0]) == sorted(p.name for p in first)
    assert by_crawl.stdout.count("note: its WARC file alone is larger than --max-size 1KB: it is packaged by itself.") \
        == len(parts) == len(first)
    day = first[0].parent.name.removeprefix("date=")
    outlet_day = run([*KHABAR, "wacz", str(store), "--outlet", "demo-cms", "--date", day, "--out", str(tmp_path / "d.wacz")])
    assert outlet_day.returncode == 0, outlet_day.stderr[-3000:]
    _wacz_validate(tmp_path / "d.wacz")
    assert _wacz_contents(tmp_path / "d.wacz")[0] == sorted(p.name for p in store.glob(f"warc/outlet=demo-cms/date={day}/*.warc.gz"))
    nothing = run([*KHABAR, "wacz", str(store), "--crawl-id", "20000101T000000Z-000000", "--upload"])
    assert nothing.returncode == 1
    assert "no run report of crawl 20000101T000000Z-000000" in nothing.stderr


def test_a_crawl_killed_with_sigkill_leaves_a_verifiable_store_and_the_next_run_finishes_it(crawls: Any, tmp_path: Path) -> None:
    store = tmp_path / "store"
    cmd = [*KHABAR, "crawl", *OUTLETS, "--catalog-extra", str(crawls["catalog"]), "--store", str(store),
           "-s", "KHABAR_WARC_MAX_SIZE=65536", "--workers", "1"]
    with serve_demo_outlets(crawls["catalog"]):
        with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True) as process:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and len(list(store.glob("warc/**/*.warc.gz"))) < 2:
                time.sleep(0.02)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        unfinished = list(store.glob("**/*.open"))
        assert unfinished, "the kill should leave files being written"
        verified = run([*KHABAR, "verify", str(store)])
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert "unfinished" in verified.stdout
        resumed = run(cmd)
        assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert not list(store.glob("**/*.open"))
    assert "recovered" in resumed.stderr
    final = run([*KHABAR, "verify", str(store)])
    assert final.returncode == 0, final.stdout + final.stderr


def test_the_dedup_index_can_live_in_redis(crawls: Any, tmp_path: Path) -> None:
    store = tmp_path / "store"
    with redis_server(tmp_path) as uri, serve_demo_outlets(tmp_path / "demo.yaml") as demo:
        env = {"KHABAR_DEDUP_URI": uri}
        for _ in range(2):
            result = run([*KHABAR, "crawl", "demo-wp", "--catalog-extra", str(demo.catalog), "--store", str(store),
                          "-s", "KHABAR_INCREMENTAL=False"], env=env)
            assert result.returncode == 0, result.stderr[-3000:]
        import redis

        keys = redis.Redis.from_url(uri).keys("khabar:dedup:*")
    assert not dedup_db(LocalStore(store)).exists()
    types = Counter()
    for path in store.glob("warc/**/*.warc.gz"):
        with open(path, "rb") as handle:
            types.update(r.rec_type for r in ArchiveIterator(handle))
    # every response is in the Redis index; the second crawl revisits all but robots.txt (kept a day)
    assert types["revisit"] == types["response"] - 1 and types["response"] == len(keys) > 30


def test_record_files_are_gzip_members_readable_as_one_stream(crawls: Any) -> None:
    path = next(crawls["store"].glob("records/**/*.jsonl.gz"))
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    members = _gzip_members(path.read_bytes())  # one record a member: a torn write loses one line, no more
    assert lines and [member.decode("utf-8").rstrip("\n") for member in members] == lines


def _gzip_members(data: bytes) -> list[bytes]:
    """The decompressed members of a gzip file, each read to its end (its magic bytes may also occur by chance
    inside compressed data, so they are not counted)."""
    members = []
    while data:
        member = zlib.decompressobj(wbits=31)
        members.append(member.decompress(data) + member.flush())
        assert member.eof, "a gzip member is cut short"
        data = member.unused_data
    return members


def test_reextract_writes_a_new_version_when_the_extractor_now_gives_another_text(crawls: Any, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(crawls["store"], store)
    path = sorted(store.glob("records/outlet=demo-wp/**/*.jsonl.gz"))[0]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        old = [json.loads(line) for line in handle]
    for record in old:  # as if an older extractor had produced another text for these captures
        record["text"], record["text_digest"] = "ancien texte", "sha256:" + "0" * 64
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in old)
    result = run([*KHABAR, "reextract", str(store), "--outlet", "demo-wp", "--catalog-extra", str(crawls["catalog"])])
    assert result.returncode == 0, result.stderr[-3000:]
    rebuilt = {(r["warc"]["record_id"]): r for r in article_records(store) if "reextract-" in r["extraction"]["version"]}
    for record in old:
        new = rebuilt[record["warc"]["record_id"]]
        assert new["version"] > record["version"] and new["previous_text_digest"] is not None
        assert new["text"] != "ancien texte"


def test_reextract_reports_a_damaged_warc_with_its_path_and_goes_on(crawls: Any, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(crawls["store"], store)
    damaged = sorted(store.glob("warc/outlet=demo-wp/**/*.warc.gz"))[0]
    damaged.write_bytes(damaged.read_bytes()[:50_000] + b"\x00garbage" * 100)
    result = run([*KHABAR, "reextract", str(store), "--catalog-extra", str(crawls["catalog"])])
    assert result.returncode == 1
    assert f"problem: {damaged.relative_to(store).as_posix()} @ offset " in result.stderr
    rebuilt = [r for r in article_records(store) if "reextract-" in r["extraction"]["version"]]
    assert {r["outlet"] for r in rebuilt} == {"demo-wp", "demo-cms"}  # the rest of the store was processed
