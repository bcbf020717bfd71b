"""Sector phrases → sector codes of ``contract/sectors.csv`` (stub; to be implemented)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectorMention:
    start: int
    end: int
    code: str


def find_sectors(text: str, start: int = 0, end: int | None = None) -> list[SectorMention]:
    """Sector phrases in ``text[start:end]`` with their codes, in text order."""
    return []
