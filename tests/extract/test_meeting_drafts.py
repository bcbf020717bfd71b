from kizuna.extract.meeting_drafts import Draft, merge, worth
from kizuna.extract.people import Person
from kizuna.records import EntityRef
from kizuna.text import Span


def _person(name: str, org: str | None = None) -> Person:
    return Person(name, "Governor", EntityRef(org, "province", "VN") if org else None, "VN", 0, ())


def _draft(index: int, people: dict[str, str], date: str | None = None, kind: str = "reception") -> Draft:
    draft = Draft(kind, Span(index * 10, index * 10 + 5, "x"), date, None, index=index, cue="host_verb")
    for name, role in people.items():
        draft.add(_person(name), role)
    return draft


def test_a_repeated_mention_of_the_same_people_folds_into_the_first():
    drafts = [_draft(0, {"Nguyen Van A": "host", "Kuroiwa Yuji": "guest"}, "2024-03-14")]
    merge(drafts, _draft(3, {"Kuroiwa Yuji": "guest", "Nguyen Van A": "host"}), back=False)
    assert len(drafts) == 1 and len(drafts[0].sentences) == 1  # Draft() starts with no sentences listed
    assert drafts[0].date == "2024-03-14"


def test_another_date_or_other_people_make_a_new_meeting():
    drafts = [_draft(0, {"Nguyen Van A": "host", "Kuroiwa Yuji": "guest"}, "2024-03-14")]
    merge(drafts, _draft(1, {"Nguyen Van A": "host", "Kuroiwa Yuji": "guest"}, "2024-03-12"), back=False)
    merge(drafts, _draft(8, {"Tran Van B": "host", "Suzuki Ken": "guest"}), back=False)
    assert len(drafts) == 3
    merge(drafts, _draft(9, {"Le Van C": "host", "Sato Jun": "guest"}), back=False, new_allowed=False)
    assert len(drafts) == 3


def test_a_host_keeps_the_role_a_later_speaker_mention_would_lower():
    draft = _draft(0, {"Nguyen Van A": "speaker"})
    draft.add(_person("Nguyen Van A"), "host")
    draft.add(_person("Nguyen Van A"), "speaker")
    assert draft.people["Nguyen Van A"][1] == "host"


def test_worth_needs_two_parties_or_a_visit_with_a_place():
    assert worth(_draft(0, {"Nguyen Van A": "host", "Kuroiwa Yuji": "guest"}))
    assert not worth(_draft(0, {"Nguyen Van A": "host"}))
    visit = _draft(0, {"Kuroiwa Yuji": "guest"}, kind="visit")
    assert not worth(visit)
    visit.location = EntityRef("Bac Ninh", "province", "VN")
    assert worth(visit)
