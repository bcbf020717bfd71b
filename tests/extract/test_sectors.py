"""Tests for the sector vocabulary and ``find_sectors``."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kizuna.extract import sectors
from kizuna.errors import VocabularyError
from kizuna.extract.sectors import SectorMention, codes_of, find_sectors

CONTRACT = Path("/work/shared/contract/sectors.csv")


@pytest.mark.parametrize("text, codes", [
    ("seafood processing and agro-fishery", ("food_processing", "agriculture")),
    ("agricultural product processing", ("food_processing",)),
    ("automobiles, automobile manufacturing", ("automotive",)),
    ("semiconductor electronics", ("semiconductors", "electronics")),
    ("logistics and seaports", ("infrastructure",)),
    ("pharmaceuticals and medical stations", ("healthcare",)),
    ("hotels and a resort", ("tourism",)),
    ("human resources, students and apprentices", ("workforce",)),
    ("the support industry", ("supporting_industries",)),
    ("electricity – electronics", ("electronics",)),
    ("steel recycling", ("metals",)),
    ("the transportation industry, metal industry, machines", ("automotive", "metals", "mechanical_engineering")),
    ("housing", ("construction",)),
    ("Business Process Outsourcing (BPO) and IT", ("bpo", "information_technology")),
    ("chemicals, plastics and petrochemicals", ()),
    ("food processing industries", ("food_processing",)),
])
def test_phrases_map_to_codes(text, codes):
    assert codes_of(find_sectors(text, weak=True)) == codes


def test_weak_words_count_only_in_lists():
    assert codes_of(find_sectors("the industry grew and services improved")) == ()
    assert codes_of(find_sectors("such as industry, services", weak=True)) == ("manufacturing", "trade")


def test_a_generic_head_noun_after_a_sector_is_part_of_it():
    assert codes_of(find_sectors("semiconductor and green energy industries", weak=True)) == (
        "semiconductors", "renewable_energy")
    assert codes_of(find_sectors("IT services, logistics and industry", weak=True)) == (
        "information_technology", "infrastructure", "manufacturing")


def test_sector_words_inside_ministry_names_are_not_sectors():
    text = "the Ministry of Industry and Trade and the Department of Science and Technology met"
    assert find_sectors(text, weak=True) == []


def test_lowercase_its_is_not_information_technology():
    assert find_sectors("its exports and its IT sector") == [SectorMention(20, 22, "information_technology")]


def test_offsets_index_the_text_with_diacritics():
    text = "Đà Nẵng seeks investment in du lịch and tourism"
    (mention,) = find_sectors(text)
    assert text[mention.start:mention.end] == "tourism"


def test_every_contract_code_has_phrases():
    with CONTRACT.open(encoding="utf-8") as handle:
        contract = {row["code"] for row in csv.DictReader(handle)}
    vocabulary = sectors.vocabulary()
    assert set(vocabulary.labels) == contract
    assert {code for phrase in vocabulary.phrases for code in phrase.codes} == contract


def test_bad_rows_are_all_reported(tmp_path):
    (tmp_path / "sector_codes.csv").write_text("code,label\nagriculture,Agriculture\n", encoding="utf-8")
    (tmp_path / "sectors.csv").write_text(
        "phrase,codes,strength\nfarming,agriculture,strong\nfarming,agriculture,strong\nrobots,automation,strong\n"
        "rice,agriculture,maybe\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        sectors.load(tmp_path)
    assert len(error.value.problems) == 3
