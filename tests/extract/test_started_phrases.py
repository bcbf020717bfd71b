"""``StartedPhrases`` finds what the alternation's ``finditer`` finds, trying it only where a phrase may begin."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kizuna.extract import sectors
from kizuna.extract.started_phrases import StartedPhrases
from kizuna.text import fold, spaced

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = Path("/work/shared")

PHRASES = [  # in the order the alternation tries them
    (r"renewable[\s\-–/]*energ(?:y|ies)(?![a-z0-9])", ["renewable"]),
    (r"e[\s\-–/]*commerces?(?![a-z0-9])", ["e ", "ec"]),
    (r"ports?(?![a-z0-9])", ["port"]),
    (r"port[\s\-–/]*logistics(?![a-z0-9])", ["port"]),  # never wins: "ports?" comes first
    (r"energ(?:y|ies)(?![a-z0-9])", ["energ"]),
]


def alternation(phrases: list[tuple[str, list[str]]], text: str) -> list[tuple[int, int, int]]:
    """What the one big regex finds: the reference ``StartedPhrases`` must equal."""
    pattern = re.compile("|".join(f"(?<![a-z0-9])({regex})" for regex, _ in phrases))
    return [(m.start(), m.end(), m.lastindex - 1) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("renewable energy and e-commerce", [(0, 16, 0), (21, 31, 1)]),
    ("ecommerce, e commerce, e–commerce, e/commerce", [(0, 9, 1), (11, 21, 1), (23, 33, 1), (35, 45, 1)]),
    ("ports and port logistics", [(0, 5, 2), (10, 14, 2)]),  # the first phrase in order wins
    ("support, export, teleport", []),  # inside words
    ("(energies)", [(1, 9, 4)]),
    ("東京energy", [(2, 8, 4)]),  # a kanji is no a-z or 0-9: a phrase may follow it
    ("5energy", []),
    ("renewable\n\tenergy", [(0, 17, 0)]),
    ("energyport", []),
    ("", []),
])
def test_finds_what_finditer_finds(text, expected):
    assert StartedPhrases(PHRASES).find(text) == expected == alternation(PHRASES, text)


def test_every_phrase_needs_a_start():
    with pytest.raises(ValueError, match="literal starts"):
        StartedPhrases([("ports?", [])])
    with pytest.raises(ValueError, match="literal starts"):
        StartedPhrases([("ports?", [""])])


def test_no_phrases_find_nothing():
    assert StartedPhrases([]).find("renewable energy") == []


def test_spaced_keeps_length_and_only_letters_and_digits():
    text = "r&d, 5G–ports; đà nẵng 東京 \U0001f600 \udcff x"
    assert len(spaced(text)) == len(text)
    assert spaced("R&D, 5g–Ports") == "R D  5g Ports"
    assert set(spaced(text)) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")


def _texts() -> list[str]:
    """Every article of the eval sets and held-out data, and sentences made to trip the search."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for path in [SHARED / "gold" / "dev" / "dev.articles.jsonl", DATA / "heldout" / "articles.jsonl",
                 DATA / "blind" / "articles.jsonl"]:
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts += ["hi-tech, hitech and hi tech agriculture; e-commerce/ecommerce", "Renewable   energy\u00a0industry",
              "high-tech agricultural zones, agri-tech, agritech start-ups and startups", "ports-logistics",
              "information and communications technologies, ICT, IT-enabled services"]
    return texts


def test_sector_phrases_match_the_alternation_on_real_articles():
    """The sector vocabulary's finder gives, on every article, what its one big regex gives."""
    vocabulary = sectors.vocabulary()
    folded = sectors._longest_first((i, p) for i, p in enumerate(vocabulary.phrases) if p.phrase != p.phrase.upper())
    reference = sectors._compile(folded, cased=False)
    assert reference is not None
    texts = _texts()
    assert len(texts) > 20
    for text in texts:
        text = fold(text)
        expected = [(m.start(), m.end(), sectors._phrase_index(m)) for m in reference.finditer(text)]
        found = [(a, b, vocabulary.folded_order[n]) for a, b, n in vocabulary.folded_phrases.find(text)]
        assert found == expected
