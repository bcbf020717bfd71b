import pytest

from kizuna.extract import roles

from ._articles import article, golden_cases

CASES = golden_cases("people_meetings.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_roles(case):
    found = roles.extract(article(case["text"], case["published"]))
    got = {(r.person, r.title, r.org.name if r.org else None) for r in found}
    assert got == {(r["person"], r["title"], r["org"]) for r in case["roles"]}


def test_evidence_slices_the_text_and_one_role_per_person():
    text = ("On November 14, Minister of Finance Nguyen Van Thang received a delegation from Kanagawa "
            "Prefecture, Japan, led by Governor Kuroiwa Yuji, at the Ministry of Finance headquarters in Hanoi. "
            "Minister Thang said ties are strong. Governor Kuroiwa thanked Minister Thang.")
    art = article(text, "2025-11-17")
    found = roles.extract(art)
    assert sorted(r.person for r in found) == ["Kuroiwa Yuji", "Nguyen Van Thang"]
    for record in found:
        assert art.text[record.evidence.start:record.evidence.end] == record.evidence.text
        assert record.as_of == "2025-11-14"
        assert 0 < record.confidence <= 1
    assert {r.org.name for r in found} == {"Ministry of Finance", "Kanagawa"}


def test_as_of_falls_back_to_publication_then_null():
    text = "Secretary of the provincial Party Committee Nguyen Hong Linh said the province wants Japanese investors."
    assert [r.as_of for r in roles.extract(article(text, "2019-06-11"))] == ["2019-06-11"]
    assert [r.as_of for r in roles.extract(article(text, None))] == [None]


def test_provincial_title_takes_the_article_province():
    text = ("Ba Ria - Vung Tau is drawing Japanese investment. Nguyen Anh Triet, head of the management board "
            "of industrial parks, said Japanese projects are eco-friendly.")
    (role,) = roles.extract(article(text))
    assert role.title == "Head of the Management Board of Industrial Parks"
    assert role.org is not None and role.org.kind == "province"


def test_extracting_twice_gives_the_same_records():
    case = CASES[0]
    first = [r.to_contract() for r in roles.extract(article(case["text"], case["published"]))]
    assert first == [r.to_contract() for r in roles.extract(article(case["text"], case["published"]))]
