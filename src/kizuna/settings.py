"""The one list of kizuna's settings: name, default, help.

The CLI builds its options from this list (``--db``, ``--max-bytes``...), each one can also
be set from the environment (``KIZUNA_DB``, ``KIZUNA_MAX_BYTES``...), and the README's
settings table is this list.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default value and a line of help."""

    name: str
    default: Any
    help: str

    @property
    def flag(self) -> str:
        """The command-line flag: ``max_bytes`` → ``--max-bytes``."""
        return "--" + self.name.replace("_", "-")

    @property
    def envvar(self) -> str:
        """The environment variable: ``max_bytes`` → ``KIZUNA_MAX_BYTES``."""
        return "KIZUNA_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "kizuna.db", "SQLite database file (created if missing)."),
    Setting("max_bytes", 5 * 1024 * 1024, "Refuse input files larger than this many bytes."),
    Setting("search_limit", 20, "Most results a search returns."),
    Setting("jobs", 1, "Processes extracting facts (0: one per core)."),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting:
    """The setting called ``name`` (``KeyError`` names the known ones)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no setting {name!r}; known: {', '.join(_BY_NAME)}") from None


def value(name: str) -> Any:
    """A setting's value: from ``KIZUNA_<NAME>`` if set, else its default (cast to the default's type)."""
    item = setting(name)
    raw = os.environ.get(item.envvar)
    if raw is None or raw == "":
        return item.default
    return type(item.default)(raw)
