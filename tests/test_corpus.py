"""khabar corpus export / stats: exact record sets per filter, typed Parquet (dates by the record's rule), CSV
round trips, S3 = local, damaged files reported, bad filters explained, the stats page rendered in Chromium,
``khabar export`` (the older name) with a re-extraction winning, and ``khabar dedup rebuild``.

One store for the module: demo-wp (ML, fr), demo-bilingue (MR, fr and ar), demo-hard (TN: a paywalled
teaser, a republished story) and demo-cms (DZ: Algiers times printed without offset) crawled, then crawled
again three demo days later (new articles and edited ones: version 2); the demo outlets stay up for the
module (the dedup test crawls again). Commands run in this process through click's runner; crawls,
re-extraction and the S3 export as child processes.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import shutil
import zlib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from crawler.cli import main
from crawler.demo import DemoWorld
from crawler.errors import ExitCode
from crawler.records import SCHEMA_VERSION
from crawler.storage.layout import STATE_DIR
from tests.support.browser import headless_chromium
from tests.support.crawls import KHABAR, article_records, run, warc_records
from tests.support.demo_outlets import serve_demo_outlets
from tests.support.seaweed import SeaweedFS, khabar

OUTLETS = ("demo-wp", "demo-bilingue", "demo-hard", "demo-cms")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("corpus")
    world, store, catalog = DemoWorld(), tmp / "store", tmp / "demo.yaml"
    with serve_demo_outlets(catalog, world):
        start = world.now
        for step in range(2):
            if step:
                world.clock.advance(days=3)
            result = run([*KHABAR, "crawl", *OUTLETS, "--catalog-extra", str(catalog), "--store", str(store),
                          "-s", "KHABAR_RENDER_JS=off"])
            assert result.returncode == 0, result.stdout + result.stderr[-3000:]
        edited = {url for o in OUTLETS
                  for url in world.edited_between(o, start, world.now) - world.published_between(o, start, world.now)}
        yield {"store": store, "catalog": catalog, "records": article_records(store), "edited": edited, "tmp": tmp}


def _newest(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["id"] not in best or (r["version"], r["extraction"]["extracted_at"]) > \
                (best[r["id"]]["version"], best[r["id"]]["extraction"]["extracted_at"]):
            best[r["id"]] = r
    return best


@pytest.fixture(scope="module")
def truth(demo: dict[str, Any]) -> list[dict[str, Any]]:
    """What the default corpus must hold: each article's newest record, later copies of a story left out."""
    return [r for r in _newest(demo["records"]).values() if not r["duplicate_of"]]


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def _export(demo: dict[str, Any], out: Path, *args: str, store: Path | None = None) -> Result:
    result = _cli("corpus", "export", str(store or demo["store"]), "--out", str(out),
                  "--catalog-extra", str(demo["catalog"]), *args)
    assert result.exit_code == 0, result.output
    return result


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _ids(demo: dict[str, Any], tmp: Path, *args: str, store: Path | None = None) -> set[str]:
    _export(demo, tmp / "c.jsonl.gz", *args, store=store)
    return {r["id"] for r in _jsonl(tmp / "c.jsonl.gz")}


def test_default_corpus_is_the_newest_version_of_each_article_without_later_copies(
        demo: dict[str, Any], truth: list[dict[str, Any]], tmp_path: Path) -> None:
    _export(demo, tmp_path / "out")
    table = pq.read_table(tmp_path / "out" / "part-00001.parquet")
    rows = table.select(["id", "version", "url", "duplicate_of"]).to_pylist()
    assert sorted((r["id"], r["version"]) for r in rows) == sorted((r["id"], r["version"]) for r in truth)
    assert len(rows) == len({r["id"] for r in rows}) == 177
    # exactly the articles the demo world edited between the two crawls come as their version 2
    assert {r["url"] for r in rows if r["version"] == 2} == demo["edited"] and len(demo["edited"]) == 9
    duplicates = [r for r in demo["records"] if r["duplicate_of"]]
    assert len(duplicates) == 1 and duplicates[0]["id"] not in {r["id"] for r in rows}
    assert all(r["duplicate_of"] is None for r in rows)


def test_all_versions_and_keep_duplicates_give_every_record(demo: dict[str, Any], tmp_path: Path) -> None:
    every = sorted((r["id"], r["version"]) for r in demo["records"])
    _export(demo, tmp_path / "all.jsonl.gz", "--all-versions", "--keep-duplicates")
    assert sorted((r["id"], r["version"]) for r in _jsonl(tmp_path / "all.jsonl.gz")) == every
    _export(demo, tmp_path / "versions.jsonl.gz", "--all-versions")
    assert sorted((r["id"], r["version"]) for r in _jsonl(tmp_path / "versions.jsonl.gz")) == sorted(
        (r["id"], r["version"]) for r in demo["records"] if not r["duplicate_of"])
    duplicate = next(r for r in demo["records"] if r["duplicate_of"])
    assert duplicate["id"] in _ids(demo, tmp_path, "--keep-duplicates")


def test_each_filter_gives_exactly_its_articles(demo: dict[str, Any], truth: list[dict[str, Any]], tmp_path: Path) -> None:
    def ids(keep: Any) -> set[str]:
        return {r["id"] for r in truth if keep(r)}

    def day(r: dict[str, Any]) -> str:
        return str(r["date_published"] or r["fetched_at"])[:10]

    days = sorted({day(r) for r in truth})
    since, until = days[len(days) // 3], days[2 * len(days) // 3]
    assert _ids(demo, tmp_path, "--outlet", "demo-wp", "--outlet", "demo-hard") == ids(
        lambda r: r["outlet"] in ("demo-wp", "demo-hard"))
    assert _ids(demo, tmp_path, "--country", "mr") == ids(lambda r: r["country"] == "MR")
    arabic = _ids(demo, tmp_path, "--lang", "ar")
    assert arabic == ids(lambda r: r["language"] == "ar") and len(arabic) == 24
    assert _ids(demo, tmp_path, "--since", since, "--until", until) == ids(lambda r: since <= day(r) <= until)
    assert _ids(demo, tmp_path, "--country", "ML", "--since", since) == ids(
        lambda r: r["country"] == "ML" and day(r) >= since)
    captured = demo["records"][0]["fetched_at"][:10]
    assert _ids(demo, tmp_path, "--by", "captured", "--since", captured) == ids(lambda r: True)


def _has_offset(iso: str) -> bool:
    return iso.endswith("Z") or iso[-6] in "+-" and iso[-3] == ":"


def test_parquet_columns_are_typed_for_duckdb_and_pandas(demo: dict[str, Any], truth: list[dict[str, Any]],
                                                         tmp_path: Path) -> None:
    _export(demo, tmp_path / "c.parquet")
    types = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{tmp_path / 'c.parquet'}'").fetchall()}
    assert types["date_published"] == types["date_modified"] == types["fetched_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["date_published_day"] == types["date_modified_day"] == types["fetched_at_day"] == "DATE"
    assert types["date_published_iso"] == types["date_published_raw"] == types["date_modified_raw"] == "VARCHAR"
    assert types["version"] == "BIGINT" and types["paywalled"] == "BOOLEAN"
    assert types["authors"] == types["author_kinds"] == types["tags"] == "VARCHAR[]"
    assert types["warc"].startswith("STRUCT(filename VARCHAR, path VARCHAR, \"offset\" BIGINT, length BIGINT")
    frame = pd.read_parquet(tmp_path / "c.parquet")
    assert str(frame["date_published"].dtype) == "datetime64[us, UTC]" and str(frame["fetched_at"].dtype) == "datetime64[us, UTC]"
    by_id = {r["id"]: r for r in truth}
    for row in frame.itertuples():
        record = by_id[row.id]
        published = record["date_published"]
        assert row.date_published_iso == published and row.date_published_raw == record["date_published_raw"]
        assert row.date_published_day == date.fromisoformat(published[:10])  # the day as printed
        if _has_offset(published):
            assert row.date_published == datetime.fromisoformat(published)  # the same instant, in UTC
        else:  # the outlet's local time, offset unknown: no instant is guessed
            assert pd.isna(row.date_published) and record["outlet"] == "demo-cms"
        assert row.warc["offset"] == record["warc"]["offset"] and row.warc["path"] == record["warc"]["path"]
        assert list(row.authors) == record["authors"] and list(row.author_kinds) == record["author_kinds"]
    # demo-cms prints Algiers times without offset: every one of its rows has a day but no instant
    cms = frame[frame["outlet"] == "demo-cms"]
    assert len(cms) == sum(r["outlet"] == "demo-cms" for r in truth) > 30
    assert cms["date_published"].isna().all() and cms["date_published_day"].notna().all()
    assert frame[frame["outlet"] != "demo-cms"]["date_published"].notna().all()


NAIVE_ISO = "2026-11-19T00:30:00"  # printed in Algiers: the 19th, whatever its offset
OFFSET_ISO = "2026-11-19T00:30:00+01:00"  # the 19th as printed, the 18th at 23:30 in UTC
UTC_ISO = "2026-11-18T23:10:00Z"


@pytest.fixture(scope="module")
def dated(demo: dict[str, Any], truth: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of the store where three single-version articles carry a naive date, one with +01:00, one with Z."""
    copy = tmp_path_factory.mktemp("dated") / "s"
    shutil.copytree(demo["store"], copy)
    cms = next(r for r in truth if r["outlet"] == "demo-cms" and r["version"] == 1)
    wp = [r for r in truth if r["outlet"] == "demo-wp" and r["version"] == 1][:2]
    dates = {cms["id"]: NAIVE_ISO, wp[0]["id"]: OFFSET_ISO, wp[1]["id"]: UTC_ISO}
    for path in copy.glob("records/**/*.jsonl.gz"):
        lines = _jsonl(path)
        for line in lines:
            line["date_published"] = dates.get(line["id"], line["date_published"])
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    return {"store": copy, "naive": cms["id"], "offset": wp[0]["id"], "utc": wp[1]["id"], "records": article_records(copy)}


def test_a_date_has_an_instant_only_with_its_offset_and_always_its_printed_day(
        demo: dict[str, Any], dated: dict[str, Any], tmp_path: Path) -> None:
    _export(demo, tmp_path / "c.parquet", store=dated["store"])
    ids = {dated[k]: k for k in ("naive", "offset", "utc")}
    rows = duckdb.sql("SELECT id, date_published, date_published_iso, date_published_day::VARCHAR, "
                      f"date_published::VARCHAR FROM '{tmp_path / 'c.parquet'}' WHERE id IN "
                      f"({', '.join(repr(i) for i in ids)})").fetchall()
    assert {ids[r[0]]: r[2:] for r in rows} == {
        "naive": (NAIVE_ISO, "2026-11-19", None),
        "offset": (OFFSET_ISO, "2026-11-19", "2026-11-18 23:30:00+00"),
        "utc": (UTC_ISO, "2026-11-18", "2026-11-18 23:10:00+00")}
    frame = pd.read_parquet(tmp_path / "c.parquet").set_index("id")
    assert pd.isna(frame.loc[dated["naive"], "date_published"])
    assert frame.loc[dated["offset"], "date_published"] == pd.Timestamp("2026-11-18T23:30:00Z")
    assert frame.loc[dated["utc"], "date_published"] == pd.Timestamp("2026-11-18T23:10:00Z")
    assert [frame.loc[dated[k], "date_published_day"] for k in ("naive", "offset", "utc")] == [
        date(2026, 11, 19), date(2026, 11, 19), date(2026, 11, 18)]


def test_since_and_until_keep_each_article_on_its_printed_day(
        demo: dict[str, Any], dated: dict[str, Any], tmp_path: Path) -> None:
    newest = [r for r in _newest(dated["records"]).values() if not r["duplicate_of"]]

    def printed(day: str) -> set[str]:
        return {r["id"] for r in newest if str(r["date_published"] or r["fetched_at"])[:10] == day}

    nineteenth = _ids(demo, tmp_path, "--since", "2026-11-19", "--until", "2026-11-19", store=dated["store"])
    assert {dated["naive"], dated["offset"]} <= nineteenth == printed("2026-11-19")
    eighteenth = _ids(demo, tmp_path, "--until", "2026-11-18", "--since", "2026-11-18", store=dated["store"])
    assert dated["utc"] in eighteenth == printed("2026-11-18") and not {dated["naive"], dated["offset"]} & eighteenth
    stats = _cli("corpus", "stats", str(dated["store"]), "--catalog-extra", str(demo["catalog"]))
    months = Counter(str(r["date_published"] or r["fetched_at"])[:7] for r in _newest(dated["records"]).values())
    assert [line.split() for line in stats.stdout.split("By month")[1].splitlines()[3:3 + len(months)]] == [
        [month, str(count)] for month, count in sorted(months.items())]


def test_fields_picks_columns_and_names_the_valid_ones(demo: dict[str, Any], truth: list[dict[str, Any]],
                                                     tmp_path: Path) -> None:
    _export(demo, tmp_path / "c.parquet", "--fields", "id,title,date_published,warc", "--outlet", "demo-wp")
    table = pq.read_table(tmp_path / "c.parquet")
    assert table.column_names == ["id", "title", "date_published", "date_published_iso", "date_published_day", "warc"]
    assert sorted(table.column("id").to_pylist()) == sorted(r["id"] for r in truth if r["outlet"] == "demo-wp")
    wrong = _cli("corpus", "export", str(demo["store"]), "--out", str(tmp_path / "d"), "--fields", "id,titel")
    assert wrong.exit_code == ExitCode.USAGE and "no field titel in the article record; valid fields: id, version," in wrong.stderr
    size = _cli("corpus", "export", str(demo["store"]), "--out", str(tmp_path / "e"), "--part-size", "12 parsecs")
    assert size.exit_code == ExitCode.USAGE and "give rows (100000) or bytes (500MB, 1GB, 256MiB)" in size.stderr


def test_large_exports_split_into_parts_listed_in_the_manifest(demo: dict[str, Any], tmp_path: Path) -> None:
    _export(demo, tmp_path / "out", "--format", "jsonl", "--part-size", "50")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    data = [f for f in manifest["files"] if f["role"] == "data"]
    assert [(f["path"], f["rows"]) for f in data] == [
        ("part-00001.jsonl.gz", 50), ("part-00002.jsonl.gz", 50), ("part-00003.jsonl.gz", 50),
        ("part-00004.jsonl.gz", 27)]
    for listed in manifest["files"]:
        assert hashlib.sha256((tmp_path / "out" / listed["path"]).read_bytes()).hexdigest() == listed["sha256"]
    assert {f["role"] for f in manifest["files"]} == {"data", "datasheet"}


def test_manifest_counts_and_datasheet(demo: dict[str, Any], truth: list[dict[str, Any]], tmp_path: Path) -> None:
    _export(demo, tmp_path / "out", "--lang", "fr")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    french = [r for r in truth if r["language"] == "fr"]
    assert manifest["records"] == len(french) and manifest["counts"]["language"] == {"fr": len(french)}
    assert manifest["counts"]["outlet"] == {o: sum(r["outlet"] == o for r in french) for o in sorted(OUTLETS)}
    months = {(r["date_published"] or r["fetched_at"])[:7] for r in french}
    assert sum(manifest["counts"]["month"].values()) == len(french) and set(manifest["counts"]["month"]) == months
    assert manifest["options"]["filters"]["lang"] == ["fr"] and manifest["versions"]["record_schema"] == SCHEMA_VERSION
    assert manifest["skipped"] == {"damaged_files": 0, "damaged_lines": 0, "problems": []}
    sheet = (tmp_path / "out" / "README.md").read_text()
    assert "| `demo-hard` | La Vigie tunisienne | TN | fr |" in sheet
    assert "**Paywalled articles**: 1 record(s)" in sheet
    local = sum(r["outlet"] == "demo-cms" for r in french)  # Algiers times printed without offset
    assert manifest["counts"]["published_as"] == {"local": local, "offset": len(french) - local}
    assert f"Publication dates in this corpus: {len(french) - local} with an offset (an instant), {local} a local " \
           "time without offset." in sheet
    assert "| `<field>_day` | DATE | the day as printed; filled whenever the record has the date |" in sheet
    assert f"khabar replay {demo['store']}" in sheet and "## How to cite" in sheet


def test_csv_round_trips_quotes_newlines_and_arabic(demo: dict[str, Any], tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(demo["store"], copy)
    path = sorted(copy.glob("records/outlet=demo-bilingue/**/*.jsonl.gz"))[0]
    lines = _jsonl(path)
    arabic = next(r for r in lines if r["language"] == "ar")
    arabic["title"] = 'Il a dit « oui », puis "non"; ' + arabic["title"] + "\nsuite, fin"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    _export(demo, tmp_path / "c.csv", "--outlet", "demo-bilingue", store=copy)
    with open(tmp_path / "c.csv", encoding="utf-8", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    frame = pd.read_csv(tmp_path / "c.csv", keep_default_na=False).set_index("id")
    newest = _newest([r for r in article_records(copy) if r["outlet"] == "demo-bilingue"])
    assert set(rows) == set(newest) == set(frame.index)
    assert rows[arabic["id"]]["title"] == frame.loc[arabic["id"], "title"] == arabic["title"]
    for article_id, record in newest.items():
        assert rows[article_id]["text"] == frame.loc[article_id, "text"] == record["text"]
        assert json.loads(rows[article_id]["authors"]) == record["authors"]
        assert int(rows[article_id]["warc.offset"]) == record["warc"]["offset"]
    assert any("\n" in r["text"] for r in newest.values())


def _middle_of_a_member(data: bytes, share: float) -> int:
    """The offset halfway through the gzip member that holds `share` of `data`: a cut there always falls inside a
    member's compressed bytes, never on a boundary or in the next member's header (the file's size, hence where a
    plain 2/3 falls, changes with what the records hold)."""
    start, target = 0, int(len(data) * share)
    while True:
        rest = data[start:]
        inflater = zlib.decompressobj(wbits=31)
        inflater.decompress(rest)
        end = start + len(rest) - len(inflater.unused_data)
        if end > target or not inflater.unused_data:
            return (start + end) // 2
        start = end


def test_damaged_record_files_are_reported_and_the_rest_exported(demo: dict[str, Any], tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(demo["store"], copy)
    wp, hard = (sorted(copy.glob(f"records/outlet={o}/**/*.jsonl.gz"))[0] for o in ("demo-wp", "demo-hard"))
    wp_lines = _jsonl(wp)
    with open(wp, "ab") as handle:  # a line that is not JSON, and one that is not a record, each its own member
        handle.write(gzip.compress(b'{"id": "cut\n') + gzip.compress(b'["a list"]\n'))
    whole = hard.read_bytes()
    hard.write_bytes(whole[: _middle_of_a_member(whole, 2 / 3)])  # the gzip stream cut in the middle of a member
    kept_hard = []
    try:
        with gzip.open(hard, "rt", encoding="utf-8") as handle:
            kept_hard.extend(json.loads(line) for line in handle)
    except EOFError:
        pass
    result = _export(demo, tmp_path / "c.jsonl.gz", "--all-versions", "--keep-duplicates", store=copy)
    assert f"{wp}, line {len(wp_lines) + 1}: not JSON" in result.stderr
    assert f"{wp}, line {len(wp_lines) + 2}: not a JSON object but list" in result.stderr
    assert f"{hard}, line {len(kept_hard) + 1}: the gzip stream is damaged after line {len(kept_hard)}" in result.stderr
    manifest = json.loads((tmp_path / "c.manifest.json").read_text())
    assert manifest["skipped"]["damaged_files"] == 2 and manifest["skipped"]["damaged_lines"] == 2
    lost = {r["id"] for r in _jsonl(demo["store"] / hard.relative_to(copy))} - {r["id"] for r in kept_hard}
    exported = [(r["id"], r["version"]) for r in _jsonl(tmp_path / "c.jsonl.gz")]
    expected = [(r["id"], r["version"]) for r in article_records(demo["store"])
                if not (r["outlet"] == "demo-hard" and r["crawl_id"] in hard.name and r["id"] in lost)]
    assert lost and sorted(exported) == sorted(expected)


def test_bad_filters_say_what_would_match(demo: dict[str, Any], truth: list[dict[str, Any]], tmp_path: Path) -> None:
    store = str(demo["store"])
    unknown = _cli("corpus", "export", store, "--out", str(tmp_path / "a"), "--outlet", "demo-nope")
    assert unknown.exit_code == ExitCode.USAGE
    assert "--outlet demo-nope: no article record of" in unknown.stderr
    assert "Valid values: demo-bilingue, demo-cms, demo-hard, demo-wp." in unknown.stderr
    country = _cli("corpus", "export", store, "--out", str(tmp_path / "b"), "--country", "sn")
    assert country.exit_code == ExitCode.USAGE and "Valid values: DZ, ML, MR, TN." in country.stderr
    empty = _cli("corpus", "export", store, "--out", str(tmp_path / "c"), "--outlet", "demo-wp", "--lang", "ar")
    assert empty.exit_code == ExitCode.NOTHING_MATCHED == 8
    wp, arabic = sum(r["outlet"] == "demo-wp" for r in truth), sum(r["language"] == "ar" for r in truth)
    assert f"without --outlet: {arabic}; without --lang: {wp}." in empty.stderr
    late = _cli("corpus", "export", store, "--out", str(tmp_path / "d"), "--since", "2030-01-01")
    everything = len(_newest(demo["records"]))
    assert late.exit_code == ExitCode.NOTHING_MATCHED and f"without --since: {everything}." in late.stderr
    assert not (tmp_path / "c").exists()  # a failed export leaves nothing behind


def test_an_s3_store_exports_the_same_corpus(demo: dict[str, Any], seaweed: SeaweedFS, tmp_path: Path) -> None:
    bucket, client = seaweed.new_bucket("corpus"), seaweed.client()
    for path in sorted(p for p in demo["store"].rglob("*") if p.is_file() and "state" not in p.parts):
        client.put_object(Bucket=bucket, Key=f"v1/{path.relative_to(demo['store']).as_posix()}", Body=path.read_bytes())
    _export(demo, tmp_path / "local.parquet")
    remote = khabar("corpus", "export", f"s3://{bucket}/v1", "--out", str(tmp_path / "s3.parquet"),
                    "--catalog-extra", str(demo["catalog"]), env=seaweed.env(tmp_path / "spool"))
    assert remote.returncode == 0, remote.stderr[-3000:]
    assert pq.read_table(tmp_path / "s3.parquet").equals(pq.read_table(tmp_path / "local.parquet"))
    local, s3 = (json.loads((tmp_path / f"{n}.manifest.json").read_text()) for n in ("local", "s3"))
    assert s3["counts"] == local["counts"] and s3["store"] == f"s3://{bucket}/v1"
    assert [f["sha256"] for f in s3["files"] if f["role"] == "data"] == [f["sha256"] for f in local["files"] if f["role"] == "data"]


def test_stats_in_the_terminal_and_as_a_page_rendered_in_chromium(demo: dict[str, Any], truth: list[dict[str, Any]],
                                                                  tmp_path: Path) -> None:
    page = tmp_path / "stats.html"
    result = _cli("corpus", "stats", str(demo["store"]), "--catalog-extra", str(demo["catalog"]), "--html", str(page))
    assert result.exit_code == 0, result.output
    newest = _newest(demo["records"]).values()
    assert f"{len(newest)} articles (1 later copies of a story, 1 paywalled teasers)" in result.stdout
    for outlet in OUTLETS:
        count = sum(r["outlet"] == outlet for r in newest)
        assert any(line.split()[:1] == [outlet] and str(count) in line.split() for line in result.stdout.splitlines())
    assert "By country" in result.stdout and "By language" in result.stdout and "By month" in result.stdout
    html = page.read_text()
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    days = {o: {str(r["date_published"])[:10] for r in newest if r["outlet"] == o} for o in OUTLETS}
    with headless_chromium() as browser:
        tab = browser.new_page(viewport={"width": 900, "height": 1400})
        tab.goto(page.as_uri())
        assert tab.locator("svg").count() == len(OUTLETS) + 3  # one per outlet, languages, shares, coverage
        for outlet in OUTLETS:
            bars = tab.locator(f'svg[data-chart="daily"][data-outlet="{outlet}"] rect.bar')
            assert bars.count() == len(days[outlet])
            assert sum(int(bars.nth(i).get_attribute("data-count") or 0) for i in range(bars.count())) == \
                sum(r["outlet"] == outlet for r in newest)
            assert tab.locator(f'rect.day.published[data-outlet="{outlet}"]').count() == len(days[outlet])
        languages = tab.locator('svg[data-chart="languages"] rect.bar')
        assert {languages.nth(i).get_attribute("data-label") for i in range(languages.count())} == {"fr", "ar"}
        paywalled = tab.locator('rect.share[data-label="demo-hard"][data-share="paywalled"]')
        assert paywalled.get_attribute("data-part") == "1"
        assert tab.locator('svg[data-chart="daily"] rect.bar').first.bounding_box() is not None
        shot = tmp_path / "corpus-stats.png"
        tab.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"stats page screenshot: {shot}")



def test_khabar_export_the_older_name_writes_jsonl_and_a_reextraction_wins(
        demo: dict[str, Any], truth: list[dict[str, Any]], tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(demo["store"], copy)
    reextracted = run([*KHABAR, "reextract", str(copy), "--outlet", "demo-wp", "--catalog-extra", str(demo["catalog"])])
    assert reextracted.returncode == 0, reextracted.stderr[-3000:]
    result = _cli("export", str(copy), "--out", str(tmp_path / "corpus.jsonl.gz"))
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} == {"s", "corpus.jsonl.gz", "corpus.manifest.json", "corpus.README.md"}
    rows = _jsonl(tmp_path / "corpus.jsonl.gz")
    assert sorted((r["id"], r["version"]) for r in rows) == sorted((r["id"], r["version"]) for r in truth)
    # demo-wp's rows are the re-extraction's (same version, later extraction); the other outlets' the crawl's
    wp = [r for r in rows if r["outlet"] == "demo-wp"]
    assert wp and all("reextract-" in r["extraction"]["version"] for r in wp)
    assert not any("reextract-" in r["extraction"]["version"] for r in rows if r["outlet"] != "demo-wp")
    assert json.loads((tmp_path / "corpus.manifest.json").read_text())["format"] == "jsonl"


def test_dedup_rebuild_restores_revisits_after_the_state_folder_is_lost(demo: dict[str, Any], tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(demo["store"], copy)
    shutil.rmtree(copy / STATE_DIR)
    archived = warc_records(copy)
    responses = sum(record.rec_type == "response" for _, record, _ in archived)
    rebuilt = run([*KHABAR, "dedup", "rebuild", str(copy)])
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr[-3000:]
    assert f"Indexed {responses} responses from {len({p for p, _, _ in archived})} WARC files." in rebuilt.stdout
    before = set(copy.glob("warc/**/*.warc.gz"))
    result = run([*KHABAR, "crawl", "demo-wp", "--catalog-extra", str(demo["catalog"]), "--store", str(copy), "--full",
                  "-s", "KHABAR_RENDER_JS=off"])
    assert result.returncode == 0, result.stderr[-3000:]
    old, new = ([r for p, r, _ in warc_records(copy) if (p in before) is was] for was in (True, False))
    digests = {r.rec_headers.get_header("WARC-Payload-Digest") for r in old if r.rec_type == "response"}
    revisits = [r for r in new if r.rec_type == "revisit"]
    responses = [r for r in new if r.rec_type == "response"]
    # the rebuilt index knew every payload archived before: each of those is a revisit, and a response is written
    # only for bytes never archived (demo-wp's feed, sitemaps and REST listing changed in the 3 demo days)
    assert len(revisits) > 30 and all(r.rec_headers.get_header("WARC-Payload-Digest") in digests for r in revisits)
    assert all(r.rec_headers.get_header("WARC-Payload-Digest") not in digests for r in responses)
    assert all(any(part in r.rec_headers.get_header("WARC-Target-URI") for part in ("/wp-sitemap", "/feed/", "/wp-json/"))
               for r in responses)
