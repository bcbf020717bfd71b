"""Page furniture: text that is on the page but is not the article.

Skip links, share/print links, image descriptions, photo captions and a title repeated in
the body are marked as spans so extraction skips them; the text itself is left untouched
so that evidence offsets still slice the document exactly.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]*")
_FURNITURE_LINE = re.compile(
    r"^\s*(?:skip to (?:main )?content|share(?: this)?(?: on \w+)?|print|email|tweet|facebook|twitter|"
    r"latest|read more|related(?: news| articles)?|advertisement|source:.*|photo:.*|\(photo:[^)]*\)|"
    r"follow us.*|back to top|tags?:.*)\s*$",
    re.IGNORECASE,
)
_IMAGE_DESCRIPTION = re.compile(r"^\s*(?:the image shows|this image shows|image:|illustrative (?:image|photo))", re.IGNORECASE)
_CAPTION_MARK = re.compile(r"\((?:left|right|centre|center|L|R|C|first|second|third)[^)]{0,20}\)|\(Photo[^)]*\)", re.IGNORECASE)


def furniture_spans(text: str, title: str | None = None) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` spans of lines that are page furniture, not article text."""
    spans: list[tuple[int, int]] = []
    seen_lines: set[str] = set()
    title_key = _norm(title) if title else None
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        start, end = match.start(), match.end()
        norm = _norm(line)
        is_caption = bool(_CAPTION_MARK.search(line)) and not line.rstrip().endswith((".", "”", '"')) and len(line) < 300
        if (_FURNITURE_LINE.match(line) or _IMAGE_DESCRIPTION.match(line) or is_caption
                or norm in seen_lines or (title_key and norm == title_key and start > 0)):
            spans.append((start, end))
        seen_lines.add(norm)
    return tuple(spans)


def _norm(line: str) -> str:
    return " ".join(line.lower().split())
