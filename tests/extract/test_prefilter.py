"""Tests for the literal prefilter: the literals a regex needs, and that it never rejects a match."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kizuna.extract import agreements, investments, sector_interests, successions
from kizuna.extract.prefilter import (CueFilter, GatedPattern, NeededWords, alternation_matches, haystack, literal_choices,
                                      required_literals)

DATA = Path(__file__).resolve().parents[1] / "data"


def _clauses(pattern: str, flags: int = 0) -> set[tuple[frozenset[str], bool]]:
    return set(required_literals(re.compile(pattern, flags)))


def test_fixed_words_and_alternations_are_required():
    assert _clauses(r"\b(?:signed|inked)\s+(?:an?\s+)?MoUs?") == {
        (frozenset({"signed", "inked"}), True), (frozenset({"MoU", "MoUs"}), True)}


def test_optional_pieces_and_character_classes_multiply():
    assert _clauses(r"prioriti[sz]e") == {(frozenset({"prioritise", "prioritize"}), False)}
    assert _clauses(r"foo-?bar") == {(frozenset({"foobar", "foo-bar"}), False)}


def test_a_branch_without_literals_requires_nothing():
    assert _clauses(r"\b(?:\d+|seeks)\b") == set()


def test_word_start_needs_a_boundary_or_a_space_before():
    assert _clauses(r"(?:the\s+)?other\s+sectors") == {(frozenset({"other"}), False), (frozenset({"sectors"}), True)}
    assert _clauses(r"^\s*merged") == {(frozenset({"merged"}), False)}  # "^" may be a slice start mid-word


def test_ascii_patterns_have_no_word_starts():
    assert _clauses(r"\bmerged", re.ASCII) == {(frozenset({"merged"}), False)}


def test_case_matters_unless_the_pattern_ignores_it():
    assert CueFilter([re.compile(r"\bMoU")]).any("an mou") is False
    assert CueFilter([re.compile(r"\bMoU", re.IGNORECASE)]).any("an mou") is True
    assert CueFilter([re.compile(r"\b(?i:MoU)")]).any("an mou") is True


def test_haystack_maps_ignorecase_twins():
    assert haystack("ſee\u212as İnvest") == "seeks invest"
    assert re.search("seeks", "ſee\u212as", re.IGNORECASE)


def test_candidates_keep_pattern_order_and_reject_what_cannot_match():
    patterns = [re.compile(r"\bsigned\b"), re.compile(r"\bMoU\b"), re.compile(r"\d+")]
    cue_filter = CueFilter(patterns, word_starts=True)
    assert cue_filter.candidates("They signed an MoU") == (0, 1, 2)
    assert cue_filter.candidates("They SIGNED an MoU") == (1, 2)  # the pattern minds case
    assert cue_filter.candidates("cosigned nothing") == (2,)  # "signed" starts no word there
    assert CueFilter(patterns[:2]).any("cosigned") is True
    assert CueFilter(patterns[:2], word_starts=True).any("nothing here") is False


def _cue_patterns() -> list[re.Pattern[str]]:
    patterns = [cue.pattern for cue in sector_interests.cues()]
    patterns += [cue.pattern for cue in investments.cues()]
    patterns += [cue.pattern for cue in agreements.cues()]
    patterns += [successions._FORMERLY, successions._MERGER, successions._FORMED_BY, investments._SITE]
    return patterns


def _sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted(DATA.glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    for path in sorted((Path(__file__).parent / "golden").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [str(json.loads(line).get("text", "")) for line in handle if line.strip()]
    return [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s]


@pytest.mark.parametrize("word_starts", [False, True])
def test_the_filter_never_rejects_a_sentence_a_cue_matches(word_starts):
    patterns = _cue_patterns()
    cue_filter = CueFilter(patterns, word_starts=word_starts)
    sentences = _sentences()
    assert len(sentences) > 200
    for sentence in sentences:
        allowed = set(cue_filter.candidates(sentence))
        for index, pattern in enumerate(patterns):
            if pattern.search(sentence):
                assert index in allowed, (pattern.pattern, sentence)


def test_each_alternative_keeps_all_its_literals():
    pattern = re.compile(r"\b(?:cooperation\s+agreement|agreement\s+on\s+trade)\b")
    choices = {frozenset(s for clause, _ in choice for s in clause) for choice in literal_choices(pattern)}
    assert choices == {frozenset({"cooperation", "agreement"}), frozenset({"agreement", "trade"})}
    cue_filter = CueFilter([pattern], word_starts=True)
    assert cue_filter.any("a cooperation plan and an agreement") is True  # the literals of the first one
    assert cue_filter.any("cooperation in trade") is False  # neither alternative has all its literals
    assert cue_filter.candidates("an agreement on trade") == (0,)


def test_a_literal_inside_a_longer_one_is_found_too():
    cue_filter = CueFilter([re.compile(r"signed"), re.compile(r"cosigned"), re.compile(r"\bco")], word_starts=True)
    assert cue_filter.candidates("they cosigned it") == (0, 1, 2)
    assert cue_filter.candidates("they signed it") == (0,)


def test_a_word_start_counts_after_punctuation_and_a_literal_is_found_whatever_joins_its_words():
    cue_filter = CueFilter([re.compile(r"\bsigned"), re.compile(r"co-operation"), re.compile(r"\$\d")], word_starts=True)
    assert cue_filter.candidates("(signed)") == (0, 2)  # "$" has no letter or digit: every text may hold it
    assert cue_filter.candidates("cosigned") == (2,)  # inside a word: no word start
    assert cue_filter.candidates("co-operation") == (1, 2)
    assert cue_filter.candidates("co operation") == (1, 2)  # spaced the same: a candidate, and the regex says no
    assert re.search(r"co-operation", "co operation") is None


def test_patterns_without_literals_are_always_candidates():
    cue_filter = CueFilter([re.compile(r"\d+"), re.compile(r"[A-Z]\w+")])
    assert cue_filter.candidates("nothing") == (0, 1)
    assert cue_filter.satisfied("nothing") == 0


def test_needed_words_come_from_the_pattern_and_never_reject_a_match():
    future = re.compile(r"\b(?:will|would|plans?|planning|to be held)\b")
    needed = NeededWords.of(future)
    assert needed.words == ("plan", "to be held", "will", "would")  # "plans", "planning" hold "plan"
    assert needed.any_in("the forum is to be held in May") and not needed.any_in("they met in May")
    for sentence in _sentences():
        for pattern in _cue_patterns():
            if pattern.search(sentence):
                assert NeededWords.of(pattern).any_in(sentence), (pattern.pattern, sentence)


def test_needed_words_pass_every_text_when_nothing_is_known():
    assert NeededWords.of(re.compile(r"\d+")).any_in("no digits") is True
    assert NeededWords.of(re.compile(r"\bMoU", re.IGNORECASE)).any_in("an mou") is True  # case ignored: no test


def test_a_gated_pattern_finds_what_its_pattern_finds_in_the_same_window():
    aside = re.compile(r"(?:^|\W)(?:after|behind|ahead of)\s+(?:the\s+)?$")
    gated = GatedPattern(aside)
    text = "Japan ranked third after the "
    found = gated.search(text)
    assert found is not None and found.span() == aside.search(text).span()
    assert gated.search(text, 0, 14) is None  # "Japan ranked t": no needed word in the window
    assert gated.search("Japan ranked third with") is None
    for sentence in _sentences():  # never misses a match of the pattern, in a whole text or in a window
        for pattern in _cue_patterns():
            wrapped = GatedPattern(pattern)
            assert (wrapped.search(sentence) is None) == (pattern.search(sentence) is None)
            middle = len(sentence) // 2
            assert (wrapped.search(sentence, 3, middle) is None) == (pattern.search(sentence, 3, middle) is None)


def test_allowed_is_remembered_per_set_of_clauses_and_stays_right():
    cue_filter = CueFilter([re.compile(r"\bsigned\s+an?\s+MoU"), re.compile(r"\bMoU\b"), re.compile(r"signed")])
    first = cue_filter.candidates("They signed an MoU")
    assert cue_filter.candidates("We signed an MoU today") is first  # the same clauses: the same answer, kept
    assert cue_filter.candidates("an MoU only") == (1,)
    assert cue_filter.candidates("They signed an MoU") == (0, 1, 2)


@pytest.mark.parametrize("text", [
    "Firms such as Aeon and Uniqlo, notably those from Osaka, including those by Sojitz; companies like Canon.",
    "including by the way, investors including  Toyota; especially those of Japan. Brands like like Muji",
    "nothing to see here", "",
])
def test_alternation_matches_find_what_the_whole_alternation_finds(text: str) -> None:
    cues = (r"(?:firms|companies|investors|brands)\b[^.;:]{0,60}?\b(?:such\s+as|like|including)",
            r"especially\s+those\s+(?:by|of|from)", r"(?:notably|including)\s+(?:those\s+)?(?:by|of|from)", r"like")
    whole = re.compile(r"\b(?:" + "|".join(cues) + r")\s+", re.IGNORECASE)
    alone = [re.compile(r"\b(?:" + cue + r")\s+", re.IGNORECASE) for cue in cues]
    expected = [(m.start(), m.end()) for m in whole.finditer(text, 2, max(2, len(text) - 3))]
    found = [(m.start(), m.end()) for m in alternation_matches(alone, text, 2, max(2, len(text) - 3))]
    assert found == expected


@pytest.mark.parametrize(("pattern", "flags", "lead"), [
    (r"\b(?:plans?|planning|intends?|aims?|is\s+set)\s+to\b", re.IGNORECASE, "(?=[aip])"),
    (r"(?<![\w-])(?:the\s+)?(?:top|second)", 0, "(?=[st])"),
    (r"x?y|[-\]^]z", 0, r"(?=[\-\]\^xy])"),
    (r"a|b|\d", 0, None),  # any digit: unknown
    (r"(?i:ab)c", 0, None),  # only a part ignores case
    (r"x*", 0, None),  # may match the empty string
])
def test_a_pattern_is_led_by_the_characters_its_matches_start_with(pattern: str, flags: int, lead: str | None) -> None:
    from kizuna.extract.prefilter import led_by_first_chars
    compiled = re.compile(pattern, flags)
    led = led_by_first_chars(pattern, flags)
    assert led.pattern == (pattern if lead is None else f"{lead}(?:{pattern})") and led.flags == compiled.flags
    texts = ["He plans to go; IS SET to x", "the top, TOP and second", "-z ]z ^z xy y", "ab aBc ABc", "xxx"]
    assert [[m.span() for m in led.finditer(t)] for t in texts] == [[m.span() for m in compiled.finditer(t)] for t in texts]
