"""The extraction quality gate (bench/extraction_quality.py) holds, and it refuses to lower a floor silently."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gate() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import extraction_quality
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return extraction_quality


def test_the_corpus_is_what_make_corpus_writes() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench/data/quality/make_corpus.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr + " (run bench/data/quality/make_corpus.py)"


def test_khabar_holds_its_floors(gate: ModuleType) -> None:
    """The hand-written corpus is a regression net: the floors hold. Whether Khabar beats trafilatura is
    measured on real pages written by others (bench/real_quality.py), not on pages written here."""
    ours, _ = gate.evaluate(gate.load_corpus(), gate.khabar)
    assert gate.check_floors(ours, gate.read_floors(), gate.corpus_digest()) == [], ours


def test_floors_move_down_only_when_asked(gate: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    floors = tmp_path / "floors.json"
    monkeypatch.setattr(gate, "FLOORS", floors)
    pinned: dict[str, Any] = {"corpus_digest": "sha256:x", "floors": dict.fromkeys(gate.FIELDS, 0.9)}
    lower = dict.fromkeys(gate.FIELDS, 0.95) | {"body": 0.8}
    assert gate.update_floors(lower, pinned, "sha256:x", allow_lower=False) == [
        "refusing to lower the floor of body (0.900 -> 0.800); pass --allow-lower if that is intended"]
    assert not floors.exists()
    assert gate.update_floors(lower, pinned, "sha256:x", allow_lower=True) == []
    written = json.loads(floors.read_text(encoding="utf-8"))
    assert written["floors"]["body"] == 0.8 and written["corpus_digest"] == "sha256:x"
    assert len(gate.check_floors(dict.fromkeys(gate.FIELDS, 0.5), written, "sha256:x")) == len(gate.FIELDS)
    assert "the corpus changed" in gate.check_floors(lower, written, "sha256:y")[0]
