"""Kizuna's error hierarchy.

    KizunaError
    ├── InputError          an article could not be read (names the file and the reason)
    ├── DataFileError       a bundled data file has bad rows (lists every one)
    │   ├── GazetteerError  ... a gazetteer file
    │   └── VocabularyError ... an extraction vocabulary file
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

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # pickled by its fields, not its message
        return type(self), (self.source, self.reason)


class DataFileError(KizunaError):
    """One or more rows of a bundled data file are invalid; ``problems`` lists every one."""

    what = "data file"

    def __init__(self, problems: list[str]):
        super().__init__(f"bad {self.what} rows:\n" + "\n".join(problems))
        self.problems = problems

    def __reduce__(self) -> tuple[type, tuple[list[str]]]:  # raised again across processes (``batch``)
        return type(self), (self.problems,)


class GazetteerError(DataFileError):
    """One or more rows of a gazetteer data file are invalid."""

    what = "gazetteer"


class VocabularyError(DataFileError):
    """One or more rows of an extraction vocabulary file are invalid."""

    what = "vocabulary"


class StoreError(KizunaError):
    """The store could not do what was asked."""


class EntityNotFound(StoreError):
    """No stored entity answers to the given name."""
