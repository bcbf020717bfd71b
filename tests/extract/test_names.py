from kizuna.extract.names import blocked_tokens, is_name_token, is_vietnamese, name_after, name_before, \
    name_taking_office, name_vocab, name_words, office_verbs, split_name
from kizuna.extract.tokens import tokenize

from ._articles import article


def _tokens_and_blocked(text: str):
    art = article(text)
    span = art.sentences[0]
    return art.tokens(span.start, span.end), blocked_tokens(art, span.start, span.end)


def test_name_after_an_honorific_skips_it_and_stops_at_a_lower_case_word():
    tokens, blocked = _tokens_and_blocked("Mr. Kuroiwa Yuji arrived in Hanoi.")
    start, end = name_after(tokens, 0, blocked, name_vocab())
    assert [t.text for t in tokens[start:end]] == ["Kuroiwa", "Yuji"]


def test_vietnamese_middle_name_that_is_an_english_word():
    tokens, blocked = _tokens_and_blocked("Chairman Phan The Tuan spoke.")
    start, end = name_after(tokens, 1, blocked, name_vocab())
    assert [t.text for t in tokens[start:end]] == ["Phan", "The", "Tuan"]


def test_name_before_an_apposition_comma_needs_two_words_or_an_anchor():
    tokens, blocked = _tokens_and_blocked("Muraoka Tsugumasa, Governor of Yamaguchi, spoke.")
    comma = next(i for i, t in enumerate(tokens) if t.text == ",") + 1
    assert name_before(tokens, comma, blocked, name_vocab()) == (0, 2)
    tokens, blocked = _tokens_and_blocked("Investors like Tomita, president of Kubota, spoke.")
    comma = next(i for i, t in enumerate(tokens) if t.text == ",") + 1
    assert name_before(tokens, comma, blocked, name_vocab()) is None
    assert name_before(tokens, comma, blocked, name_vocab(), single=True) is None  # "like" anchors no name


def test_places_in_the_gazetteer_are_not_name_words():
    tokens, blocked = _tokens_and_blocked("Governor of Chiba Prefecture Kumagai Toshihito met Hanoi officials.")
    hanoi = next(t for t in tokens if t.text == "Hanoi")
    assert not is_name_token(hanoi, blocked, name_vocab())
    assert is_name_token(next(t for t in tokens if t.text == "Kumagai"), blocked, name_vocab())


def test_split_name_finds_the_person_after_the_organisation():
    tokens, blocked = _tokens_and_blocked("President of Gunma Bank Akihiko Fukai spoke.")
    assert [t.text for t in tokens[split_name(tokens, 2, 6, blocked, name_vocab(), set()):6]] == ["Akihiko", "Fukai"]


def test_name_words_and_vietnamese_family_names():
    assert name_words("Nguyễn Văn Thắng") == ("nguyen", "van", "thang")
    assert is_vietnamese("Nguyen Van Thang") and not is_vietnamese("Lee Cheol Woo")
    assert [t.text for t in tokenize("Lê Minh Khái")] == ["Lê", "Minh", "Khái"]


def test_office_verbs_load_and_the_verbs_naming_a_predecessor_are_single_words():
    verbs = office_verbs()
    assert ("took", "office", "as") in verbs.takes["as"] and "replacing" in verbs.succeeds
    assert all(phrase[-1] == last for last, phrases in verbs.takes.items() for phrase in phrases)
    assert all(len(a) >= len(b) for phrases in verbs.takes.values() for a, b in zip(phrases, phrases[1:]))
    assert all(" " not in verb for verb in verbs.succeeds)


def _office_holder(text: str, title_word: str) -> str | None:
    tokens, blocked = _tokens_and_blocked(text)
    j = next(i for i, t in enumerate(tokens) if t.text == title_word)
    found = name_taking_office(tokens, j, blocked, name_vocab())
    return " ".join(t.text for t in tokens[found[0]:found[1]]) if found else None


def test_a_name_before_an_office_verb_takes_the_office():
    assert _office_holder("Nguyen Van Thang was appointed as Minister of Finance.", "Minister") == "Nguyen Van Thang"
    assert _office_holder("Sanae Takaichi took office as prime minister.", "prime") == "Sanae Takaichi"
    assert _office_holder("Mr. Tran Sy Thanh, who became Secretary of the Party Committee.", "Secretary") \
        == "Tran Sy Thanh"
    assert _office_holder("Kim Min-seok succeeded Han Duck-soo as Prime Minister.", "Prime") == "Kim Min-seok"
    assert _office_holder("Takaichi, who replaced Ishiba as prime minister, spoke.", "prime") is None  # one word
    assert _office_holder("The ministry was appointed as Minister of Finance.", "Minister") is None
