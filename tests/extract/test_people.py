from kizuna.extract.people import cast, is_vietnamese, name_vocab
from kizuna.extract.titles import find_titles, vocab
from kizuna.extract.tokens import tokenize

from ._articles import article


def people_of(text: str, published: str | None = "2024-03-15") -> dict[str, tuple[str | None, str | None]]:
    result = cast(article(text, published))
    return {p.name: (p.title, p.org.name if p.org else None) for p in result.people}


def test_vocabularies_load_and_are_frozen():
    assert "nguyen" in name_vocab().vn_family
    assert "governor" in vocab().words
    assert vocab() is vocab()


def test_title_grammar_keeps_body_and_portfolio_in_the_title():
    titles = [t.title for t in find_titles(tokenize(
        "Secretary of Bac Ninh's Party Committee Nguyen Anh Tuan met Minister of Finance Nguyen Van Thang"))]
    assert titles == ["Secretary of the Party Committee", "Minister of Finance"]


def test_body_before_head_and_owner():
    (phrase,) = find_titles(tokenize("Ha Nam Province's Party Committee Secretary Nguyen Dinh Khang said"))
    assert phrase.title == "Party Committee Secretary"
    assert phrase.owner is not None


def test_vietnamese_name_with_and_without_diacritics():
    assert people_of("Deputy Prime Minister Lê Minh Khái said on Thursday.") == {
        "Lê Minh Khái": ("Deputy Prime Minister", "Vietnam")}
    assert is_vietnamese("Nguyen Van Thang") and not is_vietnamese("Kuroiwa Yuji")


def test_japanese_names_in_either_order_and_split_from_the_organisation():
    found = people_of("President of Gunma Bank Akihiko Fukai met Governor of Chiba prefecture Toshihito Kumagai.")
    assert found == {"Akihiko Fukai": ("President", "Gunma Bank"), "Toshihito Kumagai": ("Governor", "Chiba")}


def test_honorifics_dropped_and_apposition_read():
    found = people_of("Mr. Kuroiwa Yuji, Governor of Kanagawa Prefecture in Japan, arrived.")
    assert found == {"Kuroiwa Yuji": ("Governor", "Kanagawa")}


def test_short_mentions_resolve_to_the_full_name():
    result = cast(article("Minister of Finance Nguyen Van Thang received Governor Kuroiwa Yuji. "
                          "Minister Thang said ties are strong. Kuroiwa thanked Thang. The Minister agreed."))
    names = {p.name: sorted(m.name for m in p.mentions) for p in result.people}
    assert names["Nguyen Van Thang"] == ["Nguyen Van Thang", "Thang", "Thang", "The Minister"]
    assert names["Kuroiwa Yuji"] == ["Kuroiwa", "Kuroiwa Yuji"]


def test_middle_names_and_unknown_full_names_do_not_resolve():
    result = cast(article("Secretary of the municipal Party Committee Le Tien Chau spoke. "
                          "Tien Lang district and Shiota Chau visited."))
    (chau,) = result.people
    assert [m.name for m in chau.mentions] == ["Le Tien Chau"]


def test_organisations_and_places_are_never_people():
    assert people_of("Bac Ninh Provincial Party Committee approved the plan. The Ministry of Finance agreed.") == {}


def test_the_late_and_former_office_holders_are_left_out():
    assert people_of("The late Prime Minister Abe Shinzo visited Vietnam.") == {}
    assert people_of("Former Governor Ishihara Shintaro visited Hanoi.") == {}


def test_run_together_scrape_text():
    found = people_of("At a working session with Senior Vice President of the JapanInternational Cooperation "
                      "Agency (JICA) Keiichiro Nakazawa on June 15, officials met.")
    title, org = found["Keiichiro Nakazawa"]
    assert title == "Senior Vice President" and org.startswith("Japan International")


def test_the_governor_names_the_untitled_counterpart():
    found = people_of("Prime Minister Pham welcomed the visit of Kagoshima Prefecture's delegation.\n"
                      "Shiota Koichi, for his part, expressed his hope.\nThe governor will visit Hai Duong.")
    assert found["Shiota Koichi"] == ("Governor", "Kagoshima")
    assert found["Pham"] == ("Prime Minister", "Vietnam")


def test_cast_is_computed_once_per_article_and_shared():
    from kizuna.extract.meetings import article_meetings
    art = article("Minister of Finance Nguyen Van Thang received Governor Kuroiwa Yuji of Kanagawa. "
                  "Thang said ties are strong.")
    people = cast(art)
    assert cast(art) is people
    assert article_meetings(art) is article_meetings(art)
    met = {p.name for m in article_meetings(art) for p in m.people}
    assert met == {p.name for p in people.people} == {"Nguyen Van Thang", "Kuroiwa Yuji"}
    fresh = article(art.text)
    assert cast(fresh) is not people and cast(fresh) == people


def test_counterpart_takes_the_office_of_the_other_side():
    found = people_of("Japanese Trade Minister Saito Ken held talks with his Vietnamese counterpart Nguyen Hong Dien.")
    assert found["Saito Ken"][0] == "Minister of Trade"
    # the same portfolio in Vietnam's own cabinet: the ministry whose name shares the most words
    assert found["Nguyen Hong Dien"] == ("Minister of Industry and Trade", "Ministry of Industry and Trade")
    found = people_of("Japanese Health, Labour and Welfare Minister Takemi Keizo met his Vietnamese counterpart "
                      "Dao Hong Lan.")
    assert found["Dao Hong Lan"] == ("Minister of Health", "Ministry of Health")


def test_one_word_names_are_anchored_by_a_meeting_verb_and_an_organisation():
    found = people_of("Chairman of the Hai Duong Provincial People's Committee Le Ngoc Chau met with Watanabe, "
                      "president of Sumitomo Corporation, on Tuesday.")
    assert found["Watanabe"] == ("President", "Sumitomo Corporation")
    assert "Indeed" not in people_of("Indeed, president of the association, he spoke.")


def test_vietnamese_names_with_words_that_are_also_english():
    found = people_of("The provincial chairman, Nguyen The Vinh, met General Secretary To Lam in Hanoi.")
    assert set(found) == {"Nguyen The Vinh", "To Lam"}


def test_title_in_apposition_after_a_comma():
    found = people_of("The Chairman of the Ninh Binh Provincial People's Committee, Pham Quang Ngoc, spoke.")
    assert found == {"Pham Quang Ngoc": ("Chairman of the Provincial People's Committee", "Ninh Binh")}


def test_acronym_organisations_and_their_offices():
    found = people_of("Chief Representative of JICA in Vietnam Sugano Yuichi met JETRO Hanoi chief representative "
                      "Takeuchi Kosuke.")
    assert found["Sugano Yuichi"] == ("Chief Representative", "Japan International Cooperation Agency")
    assert found["Takeuchi Kosuke"] == ("Chief Representative", "Japan External Trade Organization")


def test_hyphenated_heads_and_qualifiers_are_title_words():
    titles = [t.title for t in find_titles(tokenize("acting Vice-Chairman Tran Binh and Amb. Ito Naoki"))]
    assert titles == ["Acting Vice Chairman", "Ambassador"]
    assert "vice-chairman" in vocab().words


def test_a_counterpart_of_the_same_country_moves_the_model_to_the_other_country():
    result = cast(article("Japan and Vietnam agreed to deepen ties. Foreign Minister Iwaya Takeshi held talks "
                          "with his Vietnamese counterpart Bui Thanh Son in Hanoi."))
    countries = {p.name: (p.country, p.org.country if p.org else None) for p in result.people}
    assert countries == {"Iwaya Takeshi": ("JP", "JP"), "Bui Thanh Son": ("VN", "VN")}
    alone = cast(article("Foreign Minister Iwaya Takeshi met his Vietnamese counterpart Bui Thanh Son."))
    assert {p.name: p.country for p in alone.people} == {"Iwaya Takeshi": None, "Bui Thanh Son": "VN"}


def test_an_ambassador_is_posted_to_a_country_not_its_envoy():
    found = people_of("Indonesia and Japan marked 66 years of ties. Ambassador to Indonesia Yamada Shinichi and "
                      "Jakarta acting Governor Budi Santoso spoke.")
    assert found == {"Yamada Shinichi": ("Ambassador to Indonesia", "Japan"),
                     "Budi Santoso": ("Acting Governor", "Jakarta")}


def test_companies_keep_the_name_as_stated():
    found = cast(article("Samsung Electronics president Roh Tae-moon met Toyota Motor Vietnam general director "
                         "Hiroyuki Ueda and Samsung Biologics chief executive John Rim."))
    orgs = {p.name: (p.org.name, p.org.alt) for p in found.people}
    assert orgs == {"Roh Tae-moon": ("Samsung", ("Samsung Electronics",)),
                    "Hiroyuki Ueda": ("Toyota Motor Vietnam", ()),
                    "John Rim": ("Samsung Biologics", ("Samsung",))}


def test_the_department_of_the_prefecture_named_before():
    found = people_of("A Shizuoka delegation was led by Ikeda Junko, director general of the prefecture's "
                      "Economic and Industry Department.")
    assert found == {"Ikeda Junko": ("Director General", "Shizuoka Economic and Industry Department")}


def test_the_cheap_test_before_tokens_lets_every_title_and_honorific_through():
    from kizuna.extract.people import person_cue
    heads = [" ".join(key) for key in vocab().heads.entries]
    for phrase in heads + sorted(name_vocab().honorifics) + ["for his part"]:
        assert person_cue().search(phrase), phrase
        assert person_cue().search(f"(x {phrase.replace(' ', '  ')}, y)"), phrase
    assert not person_cue().search("development of the exporting sector")
    assert people_of("The province exported rice and coffee to Japan in 2023.") == {}
