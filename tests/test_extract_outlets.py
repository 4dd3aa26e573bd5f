"""Dated fixture tests for the outlets whose catalog entry carries extraction selectors.

One test per catalog entry with ``selectors``: its newest fixture ``tests/data/outlets/<id>_<YYYY_MM_DD>.html``
is extracted with those selectors and compared field by field with the ``.json`` beside it. The fixtures
were written for Khabar (synthetic pages in the outlets' layout), never copied from the sites.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.catalog import OutletSpec, load_catalog
from crawler.extract import Extracted, extract_article

FIXTURES = Path(__file__).parent / "data" / "outlets"
REQUIRED = ("title", "text", "date_published", "language")
WITH_SELECTORS = [outlet for outlet in load_catalog() if outlet.selectors is not None]


def _regenerate(slug: str) -> str:
    return f".venv/bin/python bench/make_fixture.py {slug} --force"


def _fixture(outlet: OutletSpec) -> tuple[Path, dict[str, Any]]:
    found = sorted(FIXTURES.glob(f"{outlet.id}_[0-9][0-9][0-9][0-9]_[0-9][0-9]_[0-9][0-9].html"))
    if not found:
        pytest.fail(f"outlet {outlet.id!r} has selectors but no fixture tests/data/outlets/{outlet.id}_<YYYY_MM_DD>.html; "
                    f"save a page there and run: .venv/bin/python bench/make_fixture.py {outlet.id} --html PAGE --url URL")
    html = found[-1]
    expected = html.with_suffix(".json")
    if not expected.exists():
        pytest.fail(f"{expected.name} is missing; run: .venv/bin/python bench/make_fixture.py {outlet.id}")
    return html, json.loads(expected.read_text(encoding="utf-8"))


def test_some_outlets_have_selectors() -> None:
    assert len(WITH_SELECTORS) >= 2


@pytest.mark.parametrize("outlet", WITH_SELECTORS, ids=lambda o: o.id)
def test_outlet_fixture_matches_field_by_field(outlet: OutletSpec) -> None:
    html, expected = _fixture(outlet)
    empty = [name for name in REQUIRED if not expected["fields"].get(name)]
    assert not empty, f"{html.with_suffix('.json').name} has empty {empty}: an expected value must say something"
    outcome = extract_article(html.read_bytes(), expected["url"], None, outlet.selectors)
    assert isinstance(outcome, Extracted), outcome
    actual = outcome.to_json()
    for name, value in expected["fields"].items():
        assert actual[name] == value, (f"{outlet.id}: field {name!r} differs from {html.with_suffix('.json').name}. "
                                       f"If the new value is right, run: {_regenerate(outlet.id)}")


@pytest.mark.parametrize("outlet", WITH_SELECTORS, ids=lambda o: o.id)
def test_every_selector_of_the_outlet_is_used_on_its_fixture(outlet: OutletSpec) -> None:
    html, expected = _fixture(outlet)
    outcome = extract_article(html.read_bytes(), expected["url"], None, outlet.selectors)
    assert isinstance(outcome, Extracted)
    assert not [w for w in outcome.warnings if w.startswith("selectors:")]
    assert outlet.selectors is not None
    wanted = {"title": "title", "byline": "authors", "date": "date_published", "body": "text"}
    for key, _ in outlet.selectors.items():
        if key in wanted:
            assert outcome.sources.get(wanted[key]) == "selector", (outlet.id, key, outcome.sources)


@pytest.mark.parametrize("outlet", WITH_SELECTORS, ids=lambda o: o.id)
def test_without_selectors_the_generic_rules_still_run(outlet: OutletSpec) -> None:
    html, expected = _fixture(outlet)
    outcome = extract_article(html.read_bytes(), expected["url"])
    assert isinstance(outcome, Extracted)
    assert "selector" not in outcome.sources.values()


DEMO_OUTLETS = ("demo-wp", "demo-cms", "demo-bilingue")


@pytest.mark.parametrize("slug", DEMO_OUTLETS)
def test_demo_outlet_fixture_matches_field_by_field(slug: str) -> None:
    """One archived article page per demo outlet (demo-bilingue's in Arabic), whole record compared."""
    found = sorted(FIXTURES.glob(f"{slug}_[0-9][0-9][0-9][0-9]_[0-9][0-9]_[0-9][0-9].html"))
    assert found, f"no fixture for {slug}; run: .venv/bin/python bench/make_fixture.py {slug} --demo"
    expected = json.loads(found[-1].with_suffix(".json").read_text(encoding="utf-8"))
    assert expected.get("demo") is True
    empty = [name for name in (*REQUIRED, "authors") if not expected["fields"].get(name)]
    assert not empty or expected["fields"]["agencies"], f"{found[-1].name}: empty expected {empty}"
    outcome = extract_article(found[-1].read_bytes(), expected["url"])
    assert isinstance(outcome, Extracted), outcome
    actual = outcome.to_json()
    for name, value in expected["fields"].items():
        assert actual[name] == value, (f"{slug}: field {name!r} differs from {found[-1].with_suffix('.json').name}. "
                                       f"If the new value is right, run: .venv/bin/python bench/make_fixture.py "
                                       f"{slug} --demo --force{' --language ar' if slug == 'demo-bilingue' else ''}")
