from kizuna.extract.meeting_places import host_by_place, in_side_remark, is_location, meeting_location
from kizuna.extract.people import cast
from kizuna.records import EntityRef

from ._articles import article


def location_of(text: str) -> str | None:
    art = article(text)
    span = art.sentences[0]
    titles = [(m.phrase_start, m.phrase_end) for p in cast(art).people for m in p.mentions]
    found = meeting_location(art, span, titles, [span.start])
    return found.name if found else None


def test_the_place_after_in_at_or_visited_is_where_people_meet():
    assert location_of("Governor Kim met Chairman Vo in Hai Phong on Monday.") == "Hai Phong"
    assert location_of("The delegation visited Kumamoto on Monday.") == "Kumamoto"


def test_places_that_belong_to_something_else_are_not_the_venue():
    assert location_of("Mr. Tran Van Nam met Mr. Hattori Takashi, Governor of Ibaraki Prefecture in Japan.") is None
    assert location_of("He thanked Mr. Le and spoke to Kanagawa businesses.") is None
    assert location_of("Mr. Le Van Dung, who visited Nagoya last year, spoke.") is None
    assert location_of("He urged Mr. Sato Ken to invest in Quang Tri.") is None


def test_an_unknown_city_closing_a_meeting_clause():
    assert location_of("The two governors signed the accord in Changwon on Friday.") == "Changwon"
    assert location_of("The two governors signed the accord in March.") is None


def test_side_remarks_and_venues():
    assert in_side_remark("Kuroiwa, who visited Bac Ninh")
    assert not in_side_remark("Kuroiwa visited Bac Ninh")
    art = article("They met in Hanoi.")
    assert is_location(art, art.text.index("Hanoi"))


def test_the_side_of_the_place_hosts():
    art = article("Governor Oigawa Kazuhiko held talks with Chairman of the Hanoi People's Committee Tran Sy Thanh.")
    people = {p.name: (p, "host" if p.name.startswith("Oigawa") else "guest") for p in cast(art).people}
    host_by_place(art, EntityRef("Hanoi", "city", "VN"), "mutual", people)
    assert {name: role for name, (_, role) in people.items()} == {"Oigawa Kazuhiko": "guest", "Tran Sy Thanh": "host"}


def test_an_unknown_city_lies_in_the_dateline_country_or_the_sparsely_listed_side():
    from kizuna.extract.meeting_places import place_country
    art = article("Governor Kim Young-hwan of Chungcheongbuk and Chairman of the Bac Giang People's Committee "
                  "Le Anh Duong signed the accord in Cheongju.")
    people = {p.name: (p, "host") for p in cast(art).people}
    where = EntityRef("Cheongju", "city", None)
    assert place_country(art, where, people, None).country == "KR"  # Korean cities: few in the gazetteer
    assert place_country(art, where, {}, None).country is None  # no sides, no guess
    hanoi = art.gazetteer.lookup("Hanoi")
    assert place_country(art, where, people, hanoi).country == "VN"  # the dateline's country is one side's
