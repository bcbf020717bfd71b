import pytest

from kizuna.errors import GazetteerError
from kizuna.extract.tokens import PhraseTable, read_vocab, tokenize


def test_tokens_keep_offsets_and_split_possessives():
    text = "Japan’s Kagoshima and H.E. Mr. Lê Minh Khái"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Japan", "’s", "Kagoshima", "and", "H.E.", "Mr", ".", "Lê", "Minh", "Khái"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens[1].low == "'s" and tokens[-1].low == "khai"


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
