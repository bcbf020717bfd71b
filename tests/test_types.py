"""The package type-checks: mypy, configured in pyproject.toml, reports no error."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_package_type_checks() -> None:
    pytest.importorskip("mypy")
    from mypy import api

    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                      "--cache-dir", str(ROOT / ".mypy_cache"), str(ROOT / "src" / "kizuna")])
    assert status == 0, f"mypy found type errors:\n{report}{errors}"
