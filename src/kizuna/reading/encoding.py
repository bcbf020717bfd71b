"""Decoding article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 / latin-1.

Binary data and text that decodes only into mojibake are refused with a reason rather than
mangled silently.
"""
from __future__ import annotations

import codecs

from ..errors import InputError


def decode(data: bytes) -> str:
    """Text from bytes, or ``InputError`` saying why it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data[:4096]:
        raise InputError("", "binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    if _looks_like_broken_utf8(data):
        raise InputError("", f"invalid UTF-8 at byte {utf8_error.start}")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if _control_ratio(text) > 0.01:
        raise InputError("", "binary data, not text")
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError("", f"invalid {encoding.upper()} at byte {error.start}") from None


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
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)
