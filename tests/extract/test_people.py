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
    assert found["Nguyen Hong Dien"][0] == "Minister of Trade"
    assert found["Saito Ken"][0] == "Minister of Trade"


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
