import re
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kizuna.errors import GazetteerError
from kizuna.extract.tokens import PhraseFinder, PhraseTable, read_vocab, tokenize


def test_tokens_keep_offsets_and_split_possessives():
    text = "Japan’s Kagoshima and H.E. Mr. Lê Minh Khái"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Japan", "’s", "Kagoshima", "and", "H.E.", "Mr", ".", "Lê", "Minh", "Khái"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens[1].low == "'s" and tokens[-1].low == "khai"


_PLAIN_TOKEN = r"(?:[^\W\d_]\.){2,}|['’]s\b|[^\W_]+(?:-[^\W_]+)*(?:['’](?!s\b)[^\W_]+)*|\S"


@pytest.mark.parametrize("text", [
    "U.S. firms' Japan's rock’n’roll co-op Hà-Nội O'Neill's 3.5% A.B.C.D e.g. x_y '' ’s ’t",
    "Ho Chi Minh City-based, state-owned PetroVietnam's US$1.2-billion (VND30 trillion) plant: 'on-track'.",
    "Nikkei: 東京 Tokyo—Hanoi – a.m. p.m. Dr.-Ing. co--op -x x- '’s’s a.b b.c. T.P.H.C.M",
])
def test_the_token_pattern_splits_text_as_its_plain_form_does(text: str) -> None:
    import re

    from kizuna.extract.tokens import _TOKEN
    assert _TOKEN.findall(text) == re.findall(_PLAIN_TOKEN, text)


def test_phrase_table_matches_longest():
    table = PhraseTable.build([("prime minister", 1), ("deputy prime minister", 2), ("minister", 3)])
    tokens = tokenize("the Deputy Prime Minister said")
    assert table.match(tokens, 1) == (4, 2)
    assert table.match_ending(tokens, 4) == (1, 2)


def test_bad_vocab_rows_are_reported(tmp_path, monkeypatch):
    import kizuna.extract.tokens as module
    (tmp_path / "bad.csv").write_text("phrase,cue\nreceived,nonsense\n,host\n", encoding="utf-8")
    monkeypatch.setattr(module, "VOCAB_DIR", tmp_path)
    with pytest.raises(GazetteerError) as caught:
        read_vocab("bad.csv", ("phrase", "cue"), {"cue": {"host"}})
    assert len(caught.value.problems) == 2


def test_tokens_read_from_a_folded_copy_are_the_same() -> None:
    from kizuna.text import fold
    text = "Ông Nguyễn Văn Thắng, Bộ trưởng — “Đà Nẵng’s” co-operation"
    assert tokenize(text, 4, 40, folded=fold(text)) == tokenize(text, 4, 40)
    assert tokenize(text, folded=fold(text)) == tokenize(text)


def test_phrase_table_passes_over_words_that_start_or_end_no_phrase() -> None:
    table = PhraseTable.build([("prime minister", 1), ("deputy prime minister", 2), ("minister", 3), ("chairman", 4)])
    assert table.firsts == {"prime": 2, "deputy": 3, "minister": 1, "chairman": 1}
    assert table.lasts == {"minister": 3, "chairman": 1}
    tokens = tokenize("Deputy Prime Minister and Chairman")
    assert [table.match(tokens, i) for i in range(len(tokens))] == [(3, 2), (3, 1), (3, 3), None, (5, 4)]
    assert [table.match_ending(tokens, j) for j in range(len(tokens) + 1)] == [None, None, None, (0, 2), None, (4, 4)]
    assert table.match(tokens, len(tokens)) is None and table.match(tokens, 9) is None
    assert table.match_ending(tokens, 0) is None


def _regex_of(phrases: list[str], letters_only: bool) -> "re.Pattern[str]":
    """The regexes ``PhraseFinder`` stands for: the meeting cues' (a-z edges) and the person cues'."""
    import re

    from kizuna.extract.tokens import phrases_regex
    if letters_only:
        body = "|".join(r"\s*".join(re.escape(w) for w in p.split(" ")) for p in phrases)
        return re.compile(r"(?<![a-z])(?:" + body + r")(?![a-z])")
    return re.compile(r"(?<![^\W_])" + phrases_regex(phrases))


_FINDER_PHRASES = ["held talks with", "held talks", "held", "talks", "led by", "mr.", "people 's council",
                   "co-chaired", "on the sidelines of", "the", "visit", "visit to", "h.e."]
_FINDER_TEXTS = [
    "x held talks with y", "heldtalks with", "held  talks with", "held\ttalks", "held\u3000talks", "uphold talks",
    "beheld", "held1 talks", "held_talks", "2held talks", "ledby", "led by", "led\nby", "mr. x", "mr.x", "xmr.",
    "the people's council", "the people 's council", "people'scouncil", "co-chaired by", "cochaired",
    "on the sidelines of the", "onthesidelinesof", "the visit to", "visitors", "visit tokyo", "h.e.mr. y",
    "é held ñ", "ưheld", "talks.", "", "the", "held talks, held talks", "athe", "thea", "the_",
]


@pytest.mark.parametrize("letters_only", [True, False])
def test_phrase_finder_finds_what_its_regex_finds(letters_only: bool) -> None:
    from kizuna.extract.tokens import PhraseFinder
    phrases = sorted(_FINDER_PHRASES, key=len, reverse=True)  # the order phrases_regex tries them in
    pattern = _regex_of(phrases, letters_only)
    finder = PhraseFinder(phrases, pattern, letters_only=letters_only)
    for text in _FINDER_TEXTS:
        for start, end in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 1)), (2, len(text) - 2)):
            if start > end:
                continue
            expected = [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end])]
            assert finder.find(text, start, end) == expected, (text, start, end)
            assert finder.search(text, start, end) == bool(expected), (text, start, end)


def test_phrase_finder_takes_the_phrase_the_regex_tries_first() -> None:
    from kizuna.extract.tokens import PhraseFinder
    phrases = ["held talks with", "held talks", "held"]
    finder = PhraseFinder(phrases, _regex_of(phrases, True), letters_only=True)
    assert finder.find("held talks with x") == [(0, 15)]
    assert finder.find("held talks within") == [(0, 10)]
    reordered = ["held", "held talks"]
    assert PhraseFinder(reordered, _regex_of(reordered, True), letters_only=True).find("held talks") == [(0, 4)]


def test_phrase_finder_refuses_phrases_it_cannot_vary() -> None:
    from kizuna.extract.tokens import PhraseFinder
    with pytest.raises(ValueError):
        PhraseFinder(["held\ttalks"], _regex_of(["held talks"], True), letters_only=True)


def test_phrase_finder_knows_every_white_space_of_the_regex() -> None:
    import re
    import sys

    from kizuna.extract.tokens import WHITESPACE
    space = re.compile(r"\s")
    assert set(WHITESPACE) == {chr(i) for i in range(sys.maxunicode + 1) if space.match(chr(i))}


@lru_cache(maxsize=2)
def _finder(letters_only: bool) -> "PhraseFinder":
    from kizuna.extract.tokens import PhraseFinder
    phrases = sorted(_FINDER_PHRASES, key=len, reverse=True)
    return PhraseFinder(phrases, _regex_of(phrases, letters_only), letters_only=letters_only)


_PIECES = ["held", "talks", "mr.", "h.e.", "the", "visit", "to", " ", "  ", "\t", "\n", "\u00a0", "-", "'s", "1", "_",
           "é", "x", "."]


@pytest.mark.parametrize("letters_only", [True, False])
@given(parts=st.lists(st.sampled_from(_PIECES), max_size=12), start=st.integers(0, 6), cut=st.integers(0, 6))
def test_phrase_finder_agrees_with_its_regex_on_any_text(letters_only: bool, parts: list[str], start: int,
                                                         cut: int) -> None:
    text = "".join(parts)
    finder = _finder(letters_only)
    end = max(start, len(text) - cut)
    expected = [(start + m.start(), start + m.end()) for m in finder.fallback.finditer(text[start:end])]
    assert finder.find(text, start, end) == expected, (text, start, end)
    assert finder.search(text, start, end) == bool(expected), (text, start, end)
