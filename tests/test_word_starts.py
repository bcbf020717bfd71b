from kizuna.word_starts import WordStarts


def test_words_are_found_where_a_word_begins_and_checked_in_the_text():
    finder = WordStarts([("co-operation", "hyphen"), ("co operation", "space"), ("talks", "talks")])
    text = "(co-operation) talks; co operation, cotalks and 2talks"
    assert finder.find(text) == [(1, 13, "hyphen"), (15, 20, "talks"), (22, 34, "space")]
    assert finder.find(text, 15, 18) == []  # "tal": the word must lie inside the window
    assert finder.find(text, 16) == [(22, 34, "space")]  # "talks" began before the window


def test_without_digits_a_word_may_follow_a_digit():
    text = "2talks and xtalks"
    assert WordStarts([("talks", 1)]).find(text) == []
    assert WordStarts([("talks", 1)], digits=False).find(text) == [(1, 6, 1)]


def test_an_empty_vocabulary_finds_nothing():
    assert WordStarts([]).find("talks") == [] and len(WordStarts([])) == 0
