"""Fixtures shared by test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.demo_outlets import DemoOutlets, serve_demo_outlets
from tests.support.seaweed import SeaweedFS


@pytest.fixture(scope="module")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedFS]:
    """A real SeaweedFS (S3 gateway on a free loopback port) for the test module, killed at its end."""
    server = SeaweedFS(tmp_path_factory.mktemp("seaweed"))
    server.start()
    yield server
    server.stop(kill=True)


@pytest.fixture(scope="module")
def demo_outlets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoOutlets]:
    """Every demo outlet served on free loopback ports for the test module, and a catalog file listing them."""
    with serve_demo_outlets(tmp_path_factory.mktemp("demo") / "demo-catalog.yaml") as demo:
        yield demo
