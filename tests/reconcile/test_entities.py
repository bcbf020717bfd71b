from kizuna.gazetteer import default
from kizuna.reconcile.entities import Mention, UserDecision, resolve


def _ids(resolution, *mentions):
    return [resolution.resolve(m) for m in mentions]


def test_gazetteer_spellings_resolve_to_one_entity():
    mentions = [Mention("Đà Nẵng", "city", "VN"), Mention("Danang", "city", "VN"), Mention("Da Nang City", "city", "VN")]
    resolution = resolve(mentions, default())
    assert len(set(_ids(resolution, *mentions))) == 1
    assert any(d.rule == "gazetteer" for d in resolution.decisions)


def test_unknown_company_variants_and_acronym():
    a = Mention("Meitoku Engineering Co., Ltd", "company", "JP")
    b = Mention("Meitoku Engineering Viet Nam", "company", "JP")
    full = Mention("Kyushu Economic Federation", "organisation", "JP")
    short = Mention("KEF", "organisation", "JP")
    resolution = resolve([a, b, full, short], default())
    assert resolution.resolve(a) == resolution.resolve(b)
    assert resolution.resolve(full) == resolution.resolve(short)
    reasons = {d.rule for d in resolution.decisions}
    assert {"same_key", "acronym"} <= reasons


def test_person_order_and_short_form_with_same_office():
    kanagawa = Mention("Kanagawa", "prefecture", "JP")
    vietnam = Mention("Vietnam", "country", "VN")
    one = Mention("Kuroiwa Yuji", "person", "JP", "Governor", kanagawa)
    two = Mention("Yuji Kuroiwa", "person", "JP", "Governor", kanagawa)
    full = Mention("Pham Minh Chinh", "person", "VN", "Prime Minister", vietnam)
    short = Mention("Pham", "person", "VN", "Prime Minister", vietnam)
    other_office = Mention("Chinh", "person", "VN", "Director", vietnam)
    resolution = resolve([one, two, full, short, other_office], default())
    assert resolution.resolve(one) == resolution.resolve(two)
    assert resolution.resolve(short) == resolution.resolve(full)
    assert resolution.resolve(other_office) != resolution.resolve(full)
    short_form = [d for d in resolution.decisions if d.rule == "short_form"]
    assert short_form and short_form[0].features["org"] == "same"


def test_user_split_and_merge():
    vietnam = Mention("Vietnam", "country", "VN")
    full = Mention("Pham Minh Chinh", "person", "VN", "Prime Minister", vietnam)
    short = Mention("Pham", "person", "VN", "Prime Minister", vietnam)
    split = resolve([full, short], default(), [UserDecision("split", "Pham")])
    assert split.resolve(short) != split.resolve(full)
    a, b = Mention("Acme Hanoi", "company", "JP"), Mention("Acme Holdings Asia", "company", "JP")
    assert resolve([a, b], default()).resolve(a) != resolve([a, b], default()).resolve(b)
    merged = resolve([a, b], default(), [UserDecision("merge", "Acme Hanoi", "Acme Holdings Asia")])
    assert merged.resolve(a) == merged.resolve(b)
    assert any(d.rule == "user_merge" for d in merged.decisions)
