"""Who a figure is about: roles of places in a sentence and the metric-aware fixes of ``refine``."""
from __future__ import annotations

from kizuna.extract.stat_vocab import default as vocabulary
from kizuna.extract.subjects import Actor, Binding, Topic, actors, coordinated, refine, topic_of
from kizuna.gazetteer import default
from kizuna.records import WORLD, EntityRef
from kizuna.text import fold

JAPAN = EntityRef("Japan", "country", "JP")
VIETNAM = EntityRef("Vietnam", "country", "VN")
TOPIC = Topic(JAPAN, VIETNAM, {})


def _actors(text: str) -> list[Actor]:
    folded = fold(text)
    return actors(folded, 0, len(folded), default().find(text, 0, len(text)), vocabulary())


def _roles(text: str) -> list[tuple[str, str]]:
    return [(a.ref.name if a.ref else a.anaphor, a.role) for a in _actors(text)]


def test_place_after_descriptive_words_is_the_host() -> None:
    assert ("Hai Phong", "target") in _roles("Japanese firms hold 198 projects in the expanded Hai Phong.")
    assert ("Tay Ninh", "target") in _roles("Korea has 300 projects in the southern province of Tay Ninh.")
    assert all(word != "the southern province" for word, _ in _roles("in the southern province of Tay Ninh"))


def test_places_listed_after_a_comparison_stay_aside() -> None:
    roles = _roles("Japan ranked third, after China and Singapore.")
    assert roles[1:] == [("China", "aside"), ("Singapore", "aside")]


def test_a_possessive_of_the_host_is_its_target() -> None:
    assert ("Indonesia", "target") in _roles("Japan was Indonesia's second-largest investor in 2024.")
    assert ("Japan", "target") in _roles("Thailand is Japan's seventh-largest trading partner.")
    assert ("Thailand", "target") in _roles("Korean investment applications to Thailand's BOI totalled 12 billion baht.")
    assert ("Japan", "origin") in _roles("Japan's exports to Vietnam rose.")


def test_demonyms_are_marked() -> None:
    found = _actors("Some 9,000 Indonesians work in Aichi.")
    assert [(a.ref.name if a.ref else "", a.demonym) for a in found] == [("Indonesia", True), ("Aichi", False)]


def _refine(text: str, metric: str, binding: Binding, figure: str) -> Binding:
    folded = fold(text)
    local = _actors(text)
    start = folded.index(figure)
    return refine(binding, metric, local, folded, (0, len(folded)), (start, start + len(figure), start + len(figure)),
                  TOPIC, vocabulary())


def test_people_are_counted_by_nationality() -> None:
    text = "Some 9,000 Indonesians work in Aichi."
    aichi = EntityRef("Aichi", "prefecture", "JP")
    assert _refine(text, "workers", Binding(aichi, None), "9,000").subject == EntityRef("Indonesia", "country", "ID")


def test_people_without_nationality_in_a_host_are_everyone() -> None:
    text = "Japan had 456,000 technical interns."
    assert _refine(text, "workers", Binding(JAPAN, None), "456,000") == Binding(WORLD, JAPAN)
    assert _refine("Japan had 90,000 residents.", "diaspora", Binding(JAPAN, None), "90,000") == Binding(None, None)


def test_host_totals_are_world() -> None:
    text = "Vietnam had 44,100 valid FDI projects."
    assert _refine(text, "active_projects", Binding(VIETNAM, None), "44,100") == Binding(WORLD, VIETNAM)
    text = "Japanese investors had 5,000 projects."
    assert _refine(text, "active_projects", Binding(JAPAN, None), "5,000") == Binding(JAPAN, None)


def test_topic_leaves_out_countries_named_for_comparison() -> None:
    text = ("Japanese investors registered 230 projects in Thailand in 2024, ranking third after China, Singapore "
            "and Taiwan. China and Singapore led again.")
    gazetteer = default()
    topic = topic_of(gazetteer.find(text, 0, len(text)), fold(text), gazetteer)
    assert (topic.origin.name, topic.host.name) == ("Japan", "Thailand")  # type: ignore[union-attr]


def test_topic_host_is_the_country_invested_in() -> None:
    text = "South Korea attracted $15 billion. Among investors in South Korea, the United States led."
    gazetteer = default()
    topic = topic_of(gazetteer.find(text, 0, len(text)), fold(text), gazetteer)
    assert topic.host is not None and topic.host.name == "South Korea"


def test_places_listed_together_are_coordinated() -> None:
    text = "workers from Japan, South Korea and Taiwan, and 5,000 from China"
    found = _actors(text)
    folded = fold(text)
    by_name = {a.ref.name: a for a in found if a.ref}
    assert coordinated(by_name["Japan"], found, folded) and coordinated(by_name["Taiwan"], found, folded)
    assert not coordinated(by_name["China"], found, folded)
