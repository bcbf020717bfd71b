import re

from hypothesis import given
from hypothesis import strategies as st

from kizuna.text import _fold_char, blank, first_digit, fold, key, sentences


def test_fold_drops_vietnamese_diacritics_and_keeps_length():
    assert fold("Đà Nẵng’s Bắc Ninh") == "da nang's bac ninh"
    assert fold("Thừa Thiên Huế — Hà Nội") == "thua thien hue - ha noi"


@given(st.text())
def test_fold_never_changes_length(text):
    assert len(fold(text)) == len(text)


def _every_character() -> str:
    return "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


def test_fold_is_the_fold_of_each_character_for_every_code_point():
    everything = _every_character()
    for start in range(0, len(everything), 512):  # in blocks: many distinct characters make fold slow
        block = everything[start:start + 512]
        assert fold(block) == "".join(_fold_char(ch) for ch in block), block


@given(st.text(alphabet=st.sampled_from("AaΣσςİıÐđĐ`\u1fef’ẾếŌ ")))
def test_fold_is_per_character_in_any_context(text):
    assert fold(text) == "".join(_fold_char(ch) for ch in text)  # no final-sigma or other context rule


def test_key_folds_punctuation_and_possessives():
    assert key("Đà Nẵng's") == "da nang"
    assert key("Ba Ria – Vung Tau") == key("Bà Rịa-Vũng Tàu") == "ba ria vung tau"


def test_sentences_keep_abbreviations_decimals_and_initials_together():
    text = "Mr. Nguyen met Dr. Sato of Tokyo Keiki Co. Ltd. on Monday. Trade rose 2.9 per cent to US$1.67 billion.\nNext line"
    spans = sentences(text)
    assert [s.text for s in spans] == [
        "Mr. Nguyen met Dr. Sato of Tokyo Keiki Co. Ltd. on Monday.",
        "Trade rose 2.9 per cent to US$1.67 billion.",
        "Next line",
    ]


@given(st.lists(st.sampled_from(["Japan had 5,681 projects.", "Mr. Ito said", "\n", " ", "U.S. firms", "?", "Đà Nẵng."]),
                max_size=30))
def test_sentence_offsets_slice_the_text_exactly(parts):
    text = " ".join(parts)
    for span in sentences(text):
        assert text[span.start:span.end] == span.text
        assert span.text == span.text.strip() and span.text


def test_blank_hides_a_match_and_keeps_offsets():
    import re

    text = "signed (in 2019) on Monday"
    hidden = re.sub(r"\([^)]*\)", blank, text)
    assert hidden == "signed " + " " * len("(in 2019)") + " on Monday"


def test_first_digit_finds_the_first_decimal_digit_in_the_window():
    text = "Japan had 5,681 projects worth $78.9 billion"
    assert first_digit(text, 0, len(text)) == 10
    assert first_digit(text, 16, len(text)) == 32
    assert first_digit(text, 0, 10) == -1
    assert first_digit("٣ projects", 0, 10) == 0  # an Arabic-Indic digit: \d in any script


@given(st.text(alphabet=st.sampled_from("ab 1٣x9,.\u00e9"), max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_first_digit_agrees_with_the_digit_regex(text, start, end):
    match = re.compile(r"\d").search(text, start, end)
    assert first_digit(text, start, end) == (-1 if match is None else match.start())
