"""HTML pages: main text via trafilatura, title and date from metadata; broken pages refused."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kizuna.errors import InputError
from kizuna.reading.html import read_html

NOW = datetime(2025, 12, 1)


def test_example_page(examples: Path) -> None:
    html = (examples / "005_example_page.html").read_text(encoding="utf-8")
    document = read_html("005_example_page.html", "005_example_page.html", html, NOW)
    assert document.doc_id == "005_example_page.html"
    assert document.title == "Shizuoka firms eye Quang Ninh industrial parks"
    assert (document.published, document.date_source) == (date(2024, 3, 5), "metadata")
    assert document.source == "Kizuna Example News"
    assert "second largest foreign investor" in document.text
    assert "Share on Facebook" not in document.text and "Home" not in document.text.split()


@pytest.mark.parametrize("html", ["<html><body><p>unclosed <div><<<>>>", "just some words, no markup at all here",
                                  "<html><head><title>x</title></head><body></body></html>"])
def test_broken_or_empty_pages_are_refused(html: str) -> None:
    with pytest.raises(InputError, match="HTML"):
        read_html("bad.html", "bad.html", html, NOW)


def test_reading_the_same_page_twice_gives_the_same_document(examples: Path) -> None:
    html = (examples / "005_example_page.html").read_text(encoding="utf-8")
    first = read_html("a.html", "a.html", html, NOW)
    second = read_html("b.html", "b.html", html, NOW)  # trafilatura's process-wide dedup cache must stay off
    assert first.text == second.text and first.content_hash == second.content_hash
