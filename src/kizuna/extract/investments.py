"""Extractor: investments records (stub; to be implemented)."""
from __future__ import annotations

from ..records import Record
from . import Article


def extract(article: Article) -> list[Record]:
    """Records of this kind stated in the article."""
    return []
