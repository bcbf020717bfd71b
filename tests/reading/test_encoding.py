"""Decoding: every supported encoding reads right; anything else is refused with a reason."""
from __future__ import annotations

import codecs

import pytest

from kizuna.errors import InputError
from kizuna.reading.encoding import decode

VIETNAMESE = "Đà Nẵng hosts 60 businesses from Japan’s Gunma prefecture — “a new chapter”.\n"
FRENCH = "Le Japon est le premier investisseur étranger à Hô Chi Minh-Ville : 1,5 milliard d’euros (€) en 2024.\n"


def test_utf8_with_and_without_bom() -> None:
    assert decode(VIETNAMESE.encode("utf-8")) == VIETNAMESE
    assert decode(codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8")) == VIETNAMESE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + VIETNAMESE.encode(codec)) == VIETNAMESE


def test_cp1252_is_detected_and_decoded() -> None:
    assert decode(FRENCH.encode("cp1252")) == FRENCH


def test_latin1_is_detected_and_decoded() -> None:
    text = "Société générale à Düsseldorf, Señor Müller.\n"
    assert decode(text.encode("latin-1")) == text


def test_damaged_utf8_is_refused_not_read_as_cp1252() -> None:
    damaged = VIETNAMESE.encode("utf-8")[:-5] + b"\xff\xfe" + b" more words"
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode(damaged * 3)


def test_shift_jis_is_refused_rather_than_mangled() -> None:
    japanese = "神奈川県の黒岩知事はハノイで財務大臣と会談した。日越の協力を強化する。" * 4
    with pytest.raises(InputError, match="invalid UTF-8|binary"):
        decode(japanese.encode("shift_jis"))


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n" + bytes(200), b"\x7fELF\x02\x01\x01" + bytes(300)])
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary|invalid"):
        decode(data)


def test_utf16_without_bom_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode(VIETNAMESE.encode("utf-16-le"))
