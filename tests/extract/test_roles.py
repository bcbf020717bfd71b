import pytest

from kizuna.extract import roles

from ._articles import article, golden_cases

CASES = golden_cases("people_meetings.jsonl") + golden_cases("people_meetings_styles.jsonl")


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


@pytest.mark.parametrize("text, person, title", [
    ("Vice-chairwoman of the Hanoi People's Committee Vu Thu Huong spoke.", "Vu Thu Huong",
     "Vice Chairwoman of the People's Committee"),
    ("Gyeonggi Gov. Kim Dong-yeon spoke.", "Kim Dong-yeon", "Governor"),
    ("Interim Chairman of the Provincial People's Council Lo Van Phuong spoke.", "Lo Van Phuong",
     "Interim Chairman of the Provincial People's Council"),
    ("Mitsubishi UFJ Research chief economist Kobayashi Shinichiro spoke.", "Kobayashi Shinichiro", "Chief Economist"),
    ("Japanese Ambassador to Vietnam Ito Naoki spoke.", "Ito Naoki", "Ambassador to Vietnam"),
    ("Sony chairman and chief executive officer Yoshida Kenichiro spoke.", "Yoshida Kenichiro",
     "Chairman and Chief Executive Officer"),
    ("Indonesia's trade minister Zulkifli Hasan spoke.", "Zulkifli Hasan", "Minister of Trade"),
])
def test_titles_keep_the_office_as_stated(text, person, title):
    assert [(r.person, r.title) for r in roles.extract(article(text))] == [(person, title)]


def test_org_is_the_mission_the_city_or_the_province_of_the_office():
    found = {r.person: r.org for r in roles.extract(article(
        "Consul General of Japan in Da Nang Mori Takero met Mayor of Fukuoka Takashima Soichiro. "
        "Ho Van Muoi, chairman of the provincial People's Committee, spoke in Buon Ma Thuot city."))}
    assert found["Mori Takero"].name == "Consulate General of Japan in Da Nang"
    assert (found["Takashima Soichiro"].name, found["Takashima Soichiro"].kind) == ("Fukuoka", "city")
    assert (found["Ho Van Muoi"].name, found["Ho Van Muoi"].kind) == ("Dak Lak", "province")


def test_lower_case_title_takes_a_name_only_after_an_organisation():
    assert [r.person for r in roles.extract(article("JETRO chief representative Nakajima Takeo said so."))] == \
        ["Nakajima Takeo"]
    assert roles.extract(article("Film director Sato Yuki said so.")) == []
