"""Page furniture: text that is on the page but is not the article.

Skip links, share/print links, image descriptions, photo captions and a title repeated in
the body are marked as spans so extraction skips them; the text itself is left untouched
so that evidence offsets still slice the document exactly.
"""
from __future__ import annotations

import re
from collections import Counter

_LINE = re.compile(r"[^\n]*")
_FURNITURE_LINE = re.compile(
    r"^\s*(?:skip to (?:main )?content|share(?: this)?(?: on \w+)?|print|email|tweet|facebook|twitter|"
    r"latest|read more|related(?: news| articles)?|advertisement|source:.*|photo:.*|\(photo:[^)]*\)|"
    r"follow us.*|back to top|tags?:.*)\s*$",
    re.IGNORECASE,
)
_IMAGE_DESCRIPTION = re.compile(r"^\s*(?:the image shows|this image shows|image:|illustrative (?:image|photo))", re.IGNORECASE)
_CAPTION_MARK = re.compile(r"\((?:left|right|centre|center|L|R|C|first|second|third)[^)]{0,20}\)|\(Photo[^)]*\)", re.IGNORECASE)
# A caption run into the first paragraph: "PM Chinh (R) and Governor Shiota in Hanoi. (Photo: VNA) Hanoi (VNA) - ..."
_PHOTO_CREDIT = re.compile(r"\((?:Photos?|Images?|Illustration)\s*(?::|by|credit)[^)\n]{0,60}\)|\bPhotos?:\s*[A-Z][\w./ -]{0,30}$",
                           re.IGNORECASE | re.MULTILINE)
_SOURCE_CREDIT = re.compile(r"\((?:Source|Credit)\s*:[^)\n]{0,60}\)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")
_CAPTION_MIN_WORDS = 8
_CAPTION_MAX_CHARS = 300
_CAPTION_OVERLAP = 0.75


def furniture_spans(text: str, title: str | None = None) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` spans of lines that are page furniture, not article text."""
    spans: list[tuple[int, int]] = []
    seen_lines: set[str] = set()
    title_key = _norm(title) if title else None
    first_line = True
    word_counts = Counter(w.lower() for w in _WORD.findall(text))
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        start, end = match.start(), match.end()
        norm = _norm(line)
        is_caption = bool(_CAPTION_MARK.search(line)) and not line.rstrip().endswith((".", "”", '"')) and len(line) < 300
        if (_FURNITURE_LINE.match(line) or _IMAGE_DESCRIPTION.match(line) or is_caption
                or (len(line) <= _CAPTION_MAX_CHARS and _SOURCE_CREDIT.search(line))
                or norm in seen_lines or (title_key and norm == title_key and start > 0)
                or (not first_line and _repeats_body(line, word_counts))):
            spans.append((start, end))
        else:
            credit = _PHOTO_CREDIT.search(line, 0, _CAPTION_MAX_CHARS + 60)
            if credit:
                spans.append((start, start + credit.end()))
            first_line = False
        seen_lines.add(norm)
    return tuple(spans)


def _repeats_body(line: str, word_counts: Counter[str]) -> bool:
    """A caption-like line (no closing full stop) whose words nearly all appear elsewhere in the text."""
    line = line.strip()
    if len(line) > _CAPTION_MAX_CHARS or line.endswith((".", "!", "?", ":", "”", '"', "’", "'")):
        return False
    own = Counter(w.lower() for w in _WORD.findall(line))
    if len(own) < _CAPTION_MIN_WORDS:
        return False
    elsewhere = sum(1 for word, count in own.items() if word_counts[word] > count)
    return elsewhere >= _CAPTION_OVERLAP * len(own)


def _norm(line: str) -> str:
    return " ".join(line.lower().split())
