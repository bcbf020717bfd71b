from kizuna.extract.short_mentions import bare_mentions, resolve_name

from ._articles import article


def _key(name: str) -> frozenset[str]:
    return frozenset(name.lower().split())


KNOWN = [_key("Nguyen Van Thang"), _key("Kuroiwa Yuji"), _key("Nguyen Anh Tuan")]


def test_full_and_short_names_resolve_to_one_known_person():
    assert resolve_name(_key("Yuji Kuroiwa"), KNOWN) == 1  # the same words in the other order
    assert resolve_name(_key("Thang"), KNOWN) == 0
    assert resolve_name(_key("Nguyen"), KNOWN) is None  # two Nguyens: no one person


def test_a_bare_word_must_be_the_given_name_of_a_vietnamese_name():
    names = [("nguyen", "van", "thang"), ("kuroiwa", "yuji"), ("nguyen", "anh", "tuan")]
    assert resolve_name(_key("Thang"), KNOWN, names) == 0
    assert resolve_name(_key("Van"), KNOWN, names) is None  # a middle name
    assert resolve_name(_key("Kuroiwa"), KNOWN, names) == 1  # a Japanese name: first or last word


def test_bare_mentions_of_known_people_outside_covered_spans():
    text = "Minister Nguyen Van Thang met Governor Kuroiwa Yuji. Thang and Kuroiwa signed. Tien Lang agreed."
    art = article(text)
    covered = [(text.index("Nguyen"), text.index(" met")), (text.index("Kuroiwa"), text.index("."))]
    found = bare_mentions(art, KNOWN[:2], ["Nguyen Van Thang", "Kuroiwa Yuji"], covered)
    assert [(m.person, text[m.start:m.end]) for m in found] == [(0, "Thang"), (1, "Kuroiwa")]
    assert all(m.sentence == 1 for m in found)
