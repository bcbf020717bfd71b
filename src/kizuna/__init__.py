"""Kizuna: a source-cited knowledge base of Japan–Vietnam investment and local cooperation."""

__version__ = "0.1.0"
