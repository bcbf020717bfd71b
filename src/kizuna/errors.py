"""Kizuna's error hierarchy.

    KizunaError
    ├── InputError          an article could not be read (names the file and the reason)
    ├── GazetteerError      a data file has bad rows (lists every one)
    └── StoreError          the database refused an operation
        └── EntityNotFound  no entity answers to a name
"""
from __future__ import annotations


class KizunaError(Exception):
    """Base of every error kizuna raises on purpose."""


class InputError(KizunaError):
    """An input file (or one line of it) could not be read as an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class GazetteerError(KizunaError):
    """One or more rows of a gazetteer data file are invalid."""

    def __init__(self, problems: list[str]):
        super().__init__("bad gazetteer rows:\n" + "\n".join(problems))
        self.problems = problems


class StoreError(KizunaError):
    """The store could not do what was asked."""


class EntityNotFound(StoreError):
    """No stored entity answers to the given name."""
