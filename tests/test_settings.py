"""The settings list: names, flags, environment variables."""
from __future__ import annotations

import pytest

from kizuna.settings import SETTINGS, setting, value


def test_every_setting_has_a_default_and_help() -> None:
    assert {item.name for item in SETTINGS} >= {"db", "max_bytes"}
    for item in SETTINGS:
        assert item.default is not None and item.help.endswith(".")


def test_flags_and_environment() -> None:
    assert setting("max_bytes").flag == "--max-bytes" and setting("max_bytes").envvar == "KIZUNA_MAX_BYTES"
    assert value("max_bytes") == 5 * 1024 * 1024


def test_environment_overrides_with_the_default_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIZUNA_MAX_BYTES", "1000")
    assert value("max_bytes") == 1000


def test_unknown_setting_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="max_bytes"):
        setting("nope")
