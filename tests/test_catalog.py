"""The outlet catalog: the shipped file loads, and a bad entry names the outlet, the field and what is allowed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from crawler.catalog import load_catalog, parse_outlet
from crawler.errors import CatalogInvalid, OutletUnknown

GOOD = {"id": "le-test", "name": "Le Test", "group": "ML", "country": "ML", "languages": ["fr"],
        "homepage": "https://www.letest.ml/", "cms": "wordpress",
        "feeds": [{"url": "https://www.letest.ml/feed/", "kind": "rss", "confidence": "seen"}],
        "sitemaps": [{"url": "https://www.letest.ml/wp-sitemap.xml", "kind": "index"}]}


def test_the_shipped_catalog_has_50_outlets_with_maghreb_intelligence_first() -> None:
    catalog = load_catalog()
    assert len(catalog) == 50
    assert catalog.ids()[0] == "maghreb-intelligence"
    assert {o.country for o in catalog} >= {"MA", "DZ", "TN", "SN", "ML", "BF", "MR", "NE", "TD"}
    lefaso = catalog.get("lefaso")
    assert lefaso.country == "BF" and "fr" in lefaso.languages


def test_an_entry_becomes_a_typed_spec_with_its_domains() -> None:
    spec = parse_outlet(GOOD)
    assert spec.feeds[0].url == "https://www.letest.ml/feed/" and spec.feeds[0].kind == "rss"
    assert spec.sitemaps[0].confidence == "reported"  # the default
    assert spec.domains == ("www.letest.ml", "letest.ml")
    assert spec.wp_json is None


def test_founded_becomes_the_extractors_earliest_plausible_date() -> None:
    spec = parse_outlet({**GOOD, "founded": 1995, "selectors": {"title": "h1.titre"}})
    assert spec.founded == 1995
    assert spec.extract_hints.earliest == date(1995, 1, 1)
    assert spec.extract_hints.selectors == spec.selectors
    assert parse_outlet(GOOD).extract_hints.earliest is None


@pytest.mark.parametrize(("change", "field", "allowed"), [
    ({"country": "Mali"}, "country", "ISO 3166-1 alpha-2"),
    ({"languages": ["français"]}, "languages", "ISO 639-1"),
    ({"cms": "wix"}, "cms", "wordpress, custom"),
    ({"homepage": "letest.ml"}, "homepage", "absolute http(s) URL"),
    ({"feeds": [{"url": "https://x.ml/f", "kind": "json"}]}, "feeds[0].kind", "rss, atom"),
    ({"sitemaps": [{"url": "https://x.ml/s", "confidence": "sure"}]}, "sitemaps[0].confidence", "seen, reported, guess"),
    ({"crawl": {"delay": -1}}, "crawl.delay", "≥ 0"),
    ({"id": "Le Test"}, "id", "lowercase slug"),
    ({"colour": "blue"}, "colour", "not a catalog field"),
    ({"discovery": ["sitemaps", "rss"]}, "discovery", "sitemaps, feeds, wp-rest, listings"),
    ({"founded": "1995"}, "founded", "a year between 1800"),
    ({"founded": 1799}, "founded", "a year between 1800"),
    ({"founded": 3000}, "founded", "a year between 1800"),
    ({"founded": True}, "founded", "a year between 1800"),
])
def test_a_bad_entry_names_the_outlet_the_field_and_what_is_allowed(change: dict, field: str, allowed: str) -> None:
    with pytest.raises(CatalogInvalid) as caught:
        parse_outlet({**GOOD, **change})
    message = str(caught.value)
    assert caught.value.field == field
    assert f"field {field!r}" in message and allowed in message
    assert "'le-test'" in message or "'Le Test'" in message


def test_a_bad_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump([GOOD, {**GOOD, "id": "autre", "country": "xx"}]))
    with pytest.raises(CatalogInvalid, match=r"'autre' in .*catalog.yaml: field 'country'"):
        load_catalog(path)


def test_duplicate_ids_and_unknown_outlets_are_refused() -> None:
    with pytest.raises(CatalogInvalid, match="used by two entries"):
        load_catalog(extra=[GOOD, GOOD])
    with pytest.raises(OutletUnknown, match="Did you mean: lefaso"):
        load_catalog().get("lefaso.net")
