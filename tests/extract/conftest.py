"""Fixtures for extractor tests: the small gazetteer the golden sentences are written against."""
from __future__ import annotations

import pytest

from kizuna.gazetteer import Gazetteer, load

from ._articles import GOLDEN


@pytest.fixture(scope="session")
def mini_gazetteer() -> Gazetteer:
    """``golden/mini_gazetteer``: a few places, countries and organisations, enough for golden cases."""
    return load(GOLDEN / "mini_gazetteer")
