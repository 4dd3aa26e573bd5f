"""The lock files agree with pyproject.toml, with each other, with replay, and with the installed packages.

The locks are written by ``scripts/lock`` (which says how to upgrade) and installed by ``scripts/bootstrap``.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from crawler.replay.pywb import CDXJ_INDEXER_VERSION, PYWB_VERSION

ROOT = Path(__file__).parent.parent
APP_LOCK, TEST_LOCK = ROOT / "requirements" / "app.lock", ROOT / "requirements" / "test.lock"
PYWB_LOCK = ROOT / "crawler" / "data" / "pywb.lock"
FIX = "run scripts/lock, then scripts/test, and commit the locks"
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)(?: ; (.+?))? \\$")

Pin = tuple[str, str, Marker | None]  # name, version, the marker that limits it to some Pythons


def _pins(lock: Path) -> list[Pin]:
    """Every ``name==version`` of a lock, each of which must be followed by its hashes."""
    lines = lock.read_text().splitlines()
    pins: list[Pin] = []
    for number, line in enumerate(lines):
        if match := _PIN.match(line):
            assert lines[number + 1].strip().startswith("--hash=sha256:"), f"{lock.name}: {line} has no hash"
            marker = Marker(match[3]) if match[3] else None
            pins.append((canonicalize_name(match[1]), match[2], marker))
    assert pins, f"{lock} pins nothing"
    return pins


def _versions(pins: list[Pin]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, pinned, _ in pins:
        found.setdefault(name, set()).add(pinned)
    return found


def _declared(extras: bool) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = project["project"]["dependencies"] + project["build-system"]["requires"]
    return [Requirement(r) for r in wanted + (project["project"]["optional-dependencies"]["test"] if extras else [])]


@pytest.mark.parametrize(("lock", "extras"), [(APP_LOCK, False), (TEST_LOCK, True)])
def test_every_declared_dependency_is_locked_within_its_range(lock: Path, extras: bool) -> None:
    locked = _versions(_pins(lock))
    for requirement in _declared(extras):
        versions = locked.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement} is in pyproject.toml but not in {lock.name}: {FIX}"
        assert all(requirement.specifier.contains(v, prereleases=True) for v in versions), (
            f"{lock.name} pins {requirement.name} {versions}, outside pyproject's {requirement}: {FIX}")


def test_the_app_lock_is_the_test_lock_without_the_test_tools() -> None:
    app, test = _versions(_pins(APP_LOCK)), _versions(_pins(TEST_LOCK))
    assert {name: app[name] for name in app} == {name: test[name] for name in app}, f"the locks disagree: {FIX}"
    assert {"pytest", "ruff", "mypy"}.isdisjoint(app)


def test_the_pywb_lock_pins_the_versions_replay_asks_for() -> None:
    locked = _versions(_pins(PYWB_LOCK))
    assert locked["pywb"] == {PYWB_VERSION} and locked["cdxj-indexer"] == {CDXJ_INDEXER_VERSION}, (
        "crawler/replay and requirements/pywb.in name other versions: make them agree, then " + FIX)


def test_the_running_environment_holds_exactly_the_locked_versions() -> None:
    wrong = []
    for name, pinned, marker in _pins(TEST_LOCK):
        if marker is not None and not marker.evaluate():
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "nothing"
        if installed != pinned:
            wrong.append(f"{name} {installed} (locked: {pinned})")
    assert not wrong, f"not the locked versions: {', '.join(wrong)}; run scripts/bootstrap test"
