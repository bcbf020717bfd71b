"""Checking the data files on load (``kizuna.gazetteer.loading``): every bad row at once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kizuna.errors import GazetteerError
from kizuna.gazetteer import DATA_DIR, load
from kizuna.gazetteer.loading import plural_demonyms, spelling_variants


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def append(path: Path, *rows: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(row + "\n" for row in rows))


def test_a_copy_of_the_bundled_data_loads(data_dir: Path) -> None:
    assert len(load(data_dir).entries) > 700


def test_every_bad_row_is_reported_at_once(data_dir: Path) -> None:
    append(data_dir / "countries.csv", "atlantis,Atlantis,ATL,,", "narnia,Narnia,JP,,")
    append(data_dir / "vn_provinces.csv",
           "vn-x,X Province,X,district,,,10,106,,",
           "vn-y,Y Province,Y,province,,vn-nowhere,10,106,,",
           "vn-z,Z Province,Z,province,,,abc,106,,",
           "vn-w,W Province,W,province,,,40.5,106,,")
    append(data_dir / "jp_prefectures.csv", "jp-kanagawa,Kanagawa,神奈川県,Yokohama,,35.4,139.6,ken")
    append(data_dir / "jp_cities.csv", "jpc-q,Q,,jp-nowhere,city,,35,139", "jpc-r,R,,jp-gunma,village,,36,139")
    append(data_dir / "regions.csv", "xx-a,A,province,XX,")
    append(data_dir / "organisations.csv", "vn-q,Ministry Q,organisation,VN,,vn-mof,March 2025",
           "vn-s,Ministry S,agency,VN,,,", ",No Key,organisation,VN,,,")
    append(data_dir / "person_words.csv", "Mr,baron")
    with pytest.raises(GazetteerError) as caught:
        load(data_dir)
    problems = "\n".join(caught.value.problems)
    expected = [
        "countries.csv:", "iso2 must be two capital letters", "iso2 JP is used twice",
        "kind must be province or city", "successor 'vn-nowhere' is not a known key", "lat/lon are not numbers",
        "is outside VN", "duplicate key 'jp-kanagawa'", "parent 'jp-nowhere' is not a known key",
        "kind must be one of", "country 'XX' is not the iso2 code", "since must be an ISO date",
        "kind must be organisation, company or group", "key and name are required", "role must be one of",
    ]
    for fragment in expected:
        assert fragment in problems, fragment
    assert len(caught.value.problems) == 14  # one per bad row
    assert str(caught.value).startswith("bad gazetteer rows:")


def test_missing_columns_and_files_are_reported(data_dir: Path) -> None:
    (data_dir / "regions.csv").write_text("key,name\nkr-x,X\n", encoding="utf-8")
    (data_dir / "jp_cities.csv").unlink()
    with pytest.raises(GazetteerError) as caught:
        load(data_dir)
    problems = caught.value.problems
    assert "regions.csv: missing columns kind, country, aliases" in problems
    assert "jp_cities.csv: file is missing" in problems


def test_two_entries_of_one_kind_may_not_share_a_name(data_dir: Path) -> None:
    append(data_dir / "vn_provinces.csv", "vn-bac-ninh-2,Bắc Ninh,Bac Ninh,province,,,21.1,106.0,,")
    with pytest.raises(GazetteerError) as caught:
        load(data_dir)
    assert any("'bac ninh' is also a name of 'vn-bac-ninh'" in p for p in caught.value.problems)


def test_a_successor_must_still_exist(data_dir: Path) -> None:
    append(data_dir / "vn_provinces.csv", "vn-old,Old Province,Old,province,,vn-bac-giang,21.1,106.0,,")
    with pytest.raises(GazetteerError) as caught:
        load(data_dir)
    assert any("must be a final entity" in p for p in caught.value.problems)


def test_generated_forms() -> None:
    assert spelling_variants("Ba Ria-Vung Tau") == ("Ba Ria - Vung Tau", "Ba Ria Vung Tau")
    assert spelling_variants("Hanoi") == ()
    assert plural_demonyms(("Korean", "Thai", "Japanese", "Filipino")) == ("Koreans", "Thais", "Filipinos")
