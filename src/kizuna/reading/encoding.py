"""Decoding article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 / latin-1.

Binary data, damaged UTF-8 and bytes that would decode only into mojibake (a Shift-JIS or
VNI file read as cp1252, say) are refused with a reason rather than mangled silently.
"""
from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

# Non-ASCII characters that ordinary Western European text in cp1252 is made of, besides letters.
_WESTERN_PUNCTUATION = set("‘’‚“”„–—…•€£¥¢©®™°±·§¶«»¡¿×÷¼½¾¹²³µ†‡‰\u00a0\u00ad")
_SNIFF = 4096


def decode(data: bytes) -> str:
    """Text from bytes, or ``InputError`` saying why it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[len(codecs.BOM_UTF8):], "utf-8"))
    if data.startswith(codecs.BOM_UTF32_LE) and data[2:4] == b"\x00\x00":
        return _checked(_strict(data, "utf-32"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16"))
    if b"\x00" in data[:_SNIFF]:
        raise InputError("", "binary data, not text (NUL bytes; UTF-16 needs a byte-order mark)")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        utf8_error = error
    if _looks_like_broken_utf8(data):
        raise InputError("", f"invalid UTF-8 at byte {utf8_error.start}")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    _checked(text)
    if not _plausible_western(text):
        raise InputError("", f"invalid UTF-8 at byte {utf8_error.start}, and not readable as cp1252/latin-1 "
                             "(unknown encoding)")
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError("", f"invalid {encoding.upper()} at byte {error.start}") from None


def _checked(text: str) -> str:
    """The text itself, unless control characters show it is binary data."""
    if _control_ratio(text) > 0.01:
        raise InputError("", "binary data, not text (control characters)")
    return text


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences: a damaged UTF-8 file, not cp1252."""
    valid = invalid = 0
    i, n = 0, len(data)
    while i < n:
        byte = data[i]
        if byte < 0x80:
            i += 1
            continue
        length = 2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
        if length and i + length <= n and all(0x80 <= b <= 0xBF for b in data[i + 1:i + length]):
            valid += 1
            i += length
        else:
            invalid += 1
            i += 1
    return valid > invalid


def _control_ratio(text: str) -> float:
    """Share of characters that are C0/C1 control codes (other than line breaks and tabs)."""
    sample = text[:_SNIFF * 4]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) <= 0x9F)
    return controls / max(len(sample), 1)


def _plausible_western(text: str) -> bool:
    """Text decoded as cp1252 reads like Western European prose: mostly ASCII, accents on letters.

    Other encodings read as cp1252 give runs of symbols (``ƒ‚Ì…``) and letters glued to
    punctuation; real cp1252 gives accented letters (``é``, ``ü``) and typographic punctuation.
    """
    foreign = [ch for ch in text if ord(ch) > 0x7F]
    if not foreign:
        return True
    if len(foreign) > 0.3 * len(text):
        return False
    odd = sum(1 for ch in foreign if ch not in _WESTERN_PUNCTUATION and not _latin_letter(ch))
    return odd <= 0.1 * len(foreign)


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")
