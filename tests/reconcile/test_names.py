from kizuna.reconcile.names import (is_acronym_of, looks_like_acronym, org_key, outlet_names, person_key,
                                    place_key, strip_honorifics, title_key)


def test_place_spellings_share_a_key():
    assert place_key("Đà Nẵng") == place_key("Da Nang") == place_key("Danang") == place_key("Da Nang City")
    assert place_key("Bac Ninh province") == place_key("Bắc Ninh")
    assert place_key("Ha Nam") != place_key("Hanoi")


def test_person_name_order_and_honorifics():
    assert person_key("Kuroiwa Yuji") == person_key("Yuji Kuroiwa") == person_key("Mr. Kuroiwa Yuji")
    assert person_key("Governor Kuroiwa Yuji") == person_key("Kuroiwa Yuji")
    assert strip_honorifics("Mr. Nguyen Anh Tuan") == "Nguyen Anh Tuan"
    assert person_key("Nguyễn Xuân Bình") == person_key("Nguyen Xuan Binh")
    assert person_key("Nguyen Van Thang") != person_key("Nguyen Van Thanh")


def test_company_keys_drop_legal_and_subsidiary_suffixes():
    assert org_key("Meitoku Engineering Viet Nam Co., Ltd.") == org_key("Meitoku Engineering") == "meitoku engineering"
    assert org_key("Sojitz Corporation") == org_key("Sojitz")
    assert org_key("Vietnam Airlines") == "vietnam airlines"  # a leading country word stays


def test_acronyms():
    assert is_acronym_of("JCCI", "Japan Chamber of Commerce and Industry")
    assert is_acronym_of("MPI", "Ministry of Planning and Investment")
    assert is_acronym_of("MoF", "Ministry of Finance")
    assert is_acronym_of("JETRO", "Japan External Trade Organization")
    assert is_acronym_of("HCMC", "Ho Chi Minh City")
    assert not is_acronym_of("MPI", "Ministry of Finance")
    assert not is_acronym_of("JICA", "Japan Chamber of Commerce and Industry")
    assert looks_like_acronym("MoF") and looks_like_acronym("JETRO") and not looks_like_acronym("Sojitz")


def test_titles_compare_without_word_order():
    assert title_key("Secretary of the provincial Party Committee") == title_key("Party Committee Secretary")
    assert title_key("Governor") != title_key("Vice Governor")


def test_outlets_and_republishers():
    own, republished = outlet_names("VietnamPlus (VNA)")
    assert own == {"vietnamplus", "vna"} and not republished
    names, republished = outlet_names("Tim hieu Viet Nam (republishing Vietnam Government Portal, VGP)")
    assert republished and names == {"vietnam government portal", "vgp"}
    assert outlet_names("Bao Dong Nai (English; source credited: VOV)")[0] == {"vov"}
