import pytest

from kizuna.extract import meetings

from ._articles import article, golden_cases

CASES = golden_cases("people_meetings.jsonl")


def summary(text: str, published: str | None = "2024-03-15"):
    return [(sorted(p.name for p in m.participants), m.date, m.location.name if m.location else None)
            for m in meetings.extract(article(text, published))]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_meetings(case):
    got = summary(case["text"], case["published"])
    assert len(got) == len(case["meetings"])
    for expected, (names, date, location) in zip(case["meetings"], got):
        assert set(expected["participants"]) <= set(names)
        assert (date, location) == (expected["date"], expected["location"])


def test_one_record_per_meeting_however_often_mentioned():
    text = ("Prime Minister Pham Minh Chinh (R) and visiting Governor of Japan's Kagoshima prefecture Shiota Koichi "
            "at their meeting in Hanoi on July 10. Prime Minister Pham Minh Chinh received visiting Governor of "
            "Japan's Kagoshima prefecture Shiota Koichi in Hanoi on July 10.\nPM Chinh said ties are strong.\n"
            "During the reception, the PM thanked Governor Shiota.")
    (meeting,) = meetings.extract(article(text, "2023-07-10"))
    roles = {p.name: p.role for p in meeting.participants}
    assert roles == {"Pham Minh Chinh": "host", "Shiota Koichi": "guest"}
    assert (meeting.date, meeting.kind) == ("2023-07-10", "reception")


def test_separate_meetings_of_one_trip_stay_separate():
    text = ("A delegation of Hai Phong city led by Secretary of the municipal Party Committee Le Tien Chau paid a "
            "working trip to Chiba on June 16.\nAt a working session with Aeon Mall group on the same day, Soichi "
            "Okazaki, Executive Officer of the company, spoke.\nWorking with the Sojitz Corporation, Chau suggested "
            "the company invest in Hai Phong.")
    got = summary(text, "2023-06-16")
    assert [names for names, _, _ in got] == [["Le Tien Chau"], ["Le Tien Chau", "Soichi Okazaki"],
                                              ["Le Tien Chau", "Sojitz"]]
    assert [date for _, date, _ in got][:2] == ["2023-06-16", "2023-06-16"]


def test_an_organisation_or_prefecture_can_take_part():
    text = "Governor Muraoka Tsugumasa of Yamaguchi prefecture spoke. He noted that in June, the prefecture held a seminar."
    got = summary(text, "2023-09-08")
    assert (["Yamaguchi"], "2023-06", None) in got


def test_recently_gives_no_date_and_unknown_publication_gives_no_year():
    assert summary("Mr. Nguyen Anh Tuan, Secretary of the Provincial Party Committee recently engaged in "
                   "discussions with Mr. Kuroiwa Yuji, Governor of Kanagawa Prefecture.")[0][1] is None
    got = summary("Ha Nam (VNA) - Japan's Meitoku Engineering Co., Ltd put into operation a factory in the northern "
                  "province of Ha Nam on September 28.\nGeneral Director Tokunaga Mikie said the plant is modern.\n"
                  "Secretary of the provincial Party Committee Nguyen Dinh Khang appreciated the company's efforts.",
                  None)
    assert got == [(["Nguyen Dinh Khang", "Tokunaga Mikie"], None, "Ha Nam")]


@pytest.mark.parametrize("text", [
    "Hanoi received 1.2 billion USD in FDI from Japan in the first two months.",
    "Vietnam welcomed 300,000 Japanese visitors in 2023, the tourism administration said.",
    "The two sides discussed cooperation in many fields.",
    "Prime Minister Pham Minh Chinh urged ministries to speed up reforms.",
])
def test_no_meeting_without_named_participants(text):
    assert meetings.extract(article(text)) == []


def test_evidence_offsets_slice_the_document():
    art = article("Deputy Prime Minister Tran Hong Ha received Japanese Ambassador Ito Naoki in Hanoi on March 13.")
    (meeting,) = meetings.extract(art)
    assert art.text[meeting.evidence.start:meeting.evidence.end] == meeting.evidence.text
    assert 0 < meeting.confidence <= 1


STYLES = golden_cases("people_meetings_styles.jsonl")


@pytest.mark.parametrize("case", [
    pytest.param(c, id=f"{c['style']}: {c['text'][:40]}",
                 marks=[pytest.mark.xfail(reason=c["gap"], strict=True)] if c.get("gap") else [])
    for c in STYLES])
def test_golden_meetings_in_many_styles(case):
    """Who hosts, when, where and what kind: the whole meeting, as each outlet's wording gives it."""
    found = meetings.extract(article(case["text"], case["published"]))
    got = [({p.name: p.role for p in m.participants}, m.date, m.location.name if m.location else None, m.kind)
           for m in found]
    assert got == [(m["participants"], m["date"], m["location"], m["kind"]) for m in case["meetings"]]


def test_two_signatories_are_host_and_guest_and_the_place_decides_who_hosts():
    text = ("Chairman of the Quang Tri Provincial People's Committee Vo Van Hung and Governor of Gifu Prefecture "
            "Furuta Hajime inked a cooperation agreement in Gifu city on Monday.")
    (meeting,) = meetings.extract(article(text, "2024-03-15"))
    assert {p.name: p.role for p in meeting.participants} == {"Vo Van Hung": "guest", "Furuta Hajime": "host"}
    assert (meeting.kind, meeting.date, meeting.location.name) == ("event", "2024-03-11", "Gifu")


def test_a_signing_reported_in_a_quote_is_no_meeting():
    text = "Governor Hanazumi Hideyo of Niigata said the prefecture signed a memorandum with Da Nang in 2019."
    assert meetings.extract(article(text)) == []


def test_a_later_sentence_about_the_pair_completes_the_meeting():
    text = ("Chairman of the Nam Dinh Provincial People's Committee Pham Dinh Nghi received Mayor of Kobe Hisamoto "
            "Kizo on March 12. The two sides signed a letter of intent in Nam Dinh city.")
    (meeting,) = meetings.extract(article(text, "2024-03-15"))
    assert (meeting.date, meeting.location.name, meeting.kind) == ("2024-03-12", "Nam Dinh", "reception")


def test_a_past_visit_told_in_passing_is_no_second_meeting():
    text = ("Governor of Hyogo Prefecture Saito Motohiko held talks with Chairman of the Quang Nam Provincial "
            "People's Committee Le Van Dung on Tuesday. Saito paid a working visit to Quang Nam in June last year.")
    (meeting,) = meetings.extract(article(text, "2024-03-15"))
    assert meeting.date == "2024-03-12"


def test_a_place_inside_a_title_is_not_where_the_meeting_is():
    text = ("Secretary of the Provincial Party Committee Le Quang Tung held talks with Mr. Hattori Takashi, "
            "Governor of Ibaraki Prefecture in Japan, recently.")
    (meeting,) = meetings.extract(article(text))
    assert meeting.location is None
    text = ("Consul General of Japan in Da Nang Mori Takero paid a working visit to Quang Tri province "
            "on Monday.")
    (meeting,) = meetings.extract(article(text))
    assert meeting.location is not None and meeting.location.name == "Quang Tri"


def test_a_lone_visit_of_long_ago_is_background():
    text = ("Some 120 Korean firms attended an investment forum in Hung Yen on May 8. Chairman of the Hung Yen "
            "Provincial People's Committee Tran Quoc Van addressed the forum. Governor of Chungcheongbuk Province "
            "Kim Young-hwan visited Hung Yen in August last year.")
    got = summary(text, "2024-05-10")
    assert got == [(["Tran Quoc Van"], "2024-05-08", "Hung Yen")]


def test_a_later_sentence_about_the_meeting_gives_its_date_and_place():
    text = ("Minister of Construction Nguyen Thanh Nghi received Governor of Niigata Prefecture Hanazumi Hideyo. "
            "The talks took place in Hanoi on Tuesday.")
    assert summary(text) == [(["Hanazumi Hideyo", "Nguyen Thanh Nghi"], "2024-03-12", "Hanoi")]


def test_a_pronoun_after_received_is_the_visitor_of_the_meeting_before():
    text = ("Governor of Oita Prefecture Sato Kiichiro paid a working visit to Hue on Monday. Chairman of the "
            "Thua Thien Hue Provincial People's Committee Nguyen Van Phuong received him at the provincial office.")
    (meeting,) = meetings.extract(article(text, "2024-03-15"))
    assert {p.name: p.role for p in meeting.participants} == {"Sato Kiichiro": "guest", "Nguyen Van Phuong": "host"}


@pytest.mark.parametrize("text", [
    "Governor Kuroiwa Yuji will pay a working visit to Bac Ninh next month, Chairman Vuong Quoc Tuan said.",
    "Consul General Ono Masuo said the consulate plans to hold an investment seminar in Osaka in May.",
    "An investment conference, to be held in Fukuoka in July, will be opened by Governor Hattori Seitaro.",
])
def test_meetings_told_as_future_are_none(text):
    assert meetings.extract(article(text)) == []


def test_signatories_after_by_in_a_passive_signing():
    (meeting,) = meetings.extract(article(
        "The accord was signed at a ceremony in Chiba by Governor Kumagai Toshihito and Chairman of the "
        "Dong Thap People's Committee Pham Thien Nghia on Monday.", "2024-03-15"))
    assert {p.name: p.role for p in meeting.participants} == {"Kumagai Toshihito": "host", "Pham Thien Nghia": "guest"}
    assert (meeting.date, meeting.location.name) == ("2024-03-11", "Chiba")


def test_a_counterpart_of_any_nationality_makes_talks():
    # "<demonym>" in meeting_cues.csv stands for every demonym of the gazetteer, not only the ones seen
    text = "Prime Minister Ishiba Shigeru and his Indian counterpart Narendra Modi agreed in Tokyo on Friday to boost ties."
    (meeting,) = meetings.extract(article(text, "2025-08-30"))
    assert meeting.kind == "talks"
    assert {p.name for p in meeting.participants} == {"Ishiba Shigeru", "Narendra Modi"}
    assert (meeting.date, meeting.location.name) == ("2025-08-29", "Tokyo")
