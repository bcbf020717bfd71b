"""Shared test fixtures: paths to the repository's examples and the shared material beside it."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """``../shared`` beside the repository; tests that need it skip cleanly when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (seeds, gold, contract) is not beside the repository")
    return SHARED


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
