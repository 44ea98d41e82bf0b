"""Shared fixtures: the real spaCy pipeline (loaded once) and the location of ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from saidwhat.parse import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def polnear_dev() -> Path:
    if not POLNEAR_DEV.exists():
        pytest.skip(f"PolNeAR dev is not at {POLNEAR_DEV}: the eval gate needs ../shared/data/polnear")
    return POLNEAR_DEV
