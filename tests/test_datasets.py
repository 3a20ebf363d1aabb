"""Bundled tables: contracts, provenance, coverage, validation of damaged copies, rebuilding."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from careerkit import datasets, onet
from careerkit.datasets._build import build_tables
from careerkit.errors import DataError

RIASEC = list("RIASEC")
TABLE_FILES = [t.file for name, t in datasets.TABLES.items() if name in datasets.REQUIRED]


@pytest.fixture
def user_copy(tmp_path, monkeypatch) -> Path:
    """A copy of the bundled tables used as the user's data folder (CAREERKIT_DATA)."""
    folder = tmp_path / "user-data"
    folder.mkdir()
    for name in [*TABLE_FILES, "provenance.json"]:
        shutil.copyfile(datasets.data_dir() / name, folder / name)
    monkeypatch.setenv("CAREERKIT_DATA", str(folder))
    return folder


def _rewrite(path: Path, change) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


# ------------------------------------------------------------------ contracts


def test_occupations_keep_the_documented_columns_and_values():
    occ = datasets.occupations()
    assert list(occ.columns) == [
        "soc_code",
        "title",
        "job_zone",
        *RIASEC,
        "high_point_1",
        "high_point_2",
        "high_point_3",
    ]
    assert len(occ) == 923
    assert str(occ["job_zone"].dtype) == "Int64"
    chief = occ.set_index("soc_code").loc["11-1011.00"]
    assert chief["title"] == "Chief Executives"
    assert chief["R"] == pytest.approx(1.30) and chief["E"] == pytest.approx(6.88)
    assert chief["job_zone"] == 5
    assert (chief["high_point_1"], chief["high_point_3"]) == ("E", "")
    assert set(occ["high_point_2"]) <= {"", *RIASEC}


def test_occupation_ratings_keep_the_documented_columns():
    ratings = datasets.occupation_ratings()
    assert list(ratings.columns) == [
        "soc_code",
        "element_id",
        "element_name",
        "kind",
        "importance",
        "level",
        "not_relevant",
        "suppress",
    ]
    assert set(ratings["kind"]) == {"skill", "knowledge"}
    assert ratings["not_relevant"].dtype == bool and ratings["suppress"].dtype == bool
    row = ratings.set_index(["soc_code", "element_id"]).loc[("11-1011.00", "2.A.1.a")]
    assert row["element_name"] == "Reading Comprehension"
    assert (row["importance"], row["level"]) == (pytest.approx(4.12), pytest.approx(4.62))


def test_technology_and_work_values_keep_the_documented_columns():
    tech = datasets.technology()
    assert list(tech.columns) == [
        "soc_code",
        "example",
        "commodity_code",
        "commodity_title",
        "hot_technology",
        "in_demand",
    ]
    assert len(tech) == 32627
    acrobat = tech[(tech["soc_code"] == "11-1011.00") & (tech["example"] == "Adobe Acrobat")]
    assert acrobat["commodity_title"].item() == "Document management software"
    assert bool(acrobat["hot_technology"].item()) is True
    values = datasets.work_values()
    assert list(values.columns) == [
        "soc_code",
        "achievement",
        "working_conditions",
        "recognition",
        "relationships",
        "support",
        "independence",
    ]
    assert len(values) == 874


def test_frames_are_copies_so_callers_cannot_spoil_the_cache():
    first = datasets.occupations()
    first.loc[0, "title"] = "changed"
    assert datasets.occupations().loc[0, "title"] != "changed"


def test_descriptions_are_not_bundled():
    assert datasets.occupation_descriptions().empty
    assert list(datasets.occupation_descriptions().columns) == ["soc_code", "description"]


# ------------------------------------------------------------------ provenance and coverage


def test_provenance_names_each_tables_release_and_rows():
    info = datasets.provenance()["tables"]
    assert info["occupations"]["release"] == "30.1"
    parts = {s["part"]: s["release"] for s in info["occupations"]["sources"]}
    assert parts == {"interests": "30.1", "titles": "30.1", "job_zones": "29.3"}
    assert info["occupation_ratings"]["release"] == "29.2"
    assert info["technology"]["release"] == "29.2"
    assert info["work_values"]["release"] == "30.1"
    assert info["occupations"]["rows"] == len(datasets.occupations())
    assert info["occupation_ratings"]["rows"] == len(datasets.occupation_ratings())


def test_credit_names_every_release_and_the_modification():
    credit = datasets.credit()
    for release in ("30.1", "29.3", "29.2"):
        assert f"information from the O*NET {release} Database by the U.S. Department" in credit
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications" in credit


def test_coverage_records_occupations_without_skill_ratings():
    cover = datasets.coverage()
    assert len(cover) == 923
    rated = set(datasets.occupation_ratings()["soc_code"])
    expected = sorted(set(datasets.occupations()["soc_code"]) - rated)
    assert sorted(cover.loc[~cover["skills"], "soc_code"]) == expected
    summary = datasets.coverage_summary(cover)
    assert summary["without_skills"] == len(expected) == 44
    assert summary["without_work_values"] == 923 - 874
    readme = (datasets.data_dir() / "README.md").read_text(encoding="utf-8")
    assert "44 have no skill ratings" in readme and "15-1252.00 Software Developers" in readme


# ------------------------------------------------------------------ where tables come from


def test_user_data_folder_is_chosen_by_environment(tmp_path, monkeypatch, careerkit_home):
    monkeypatch.delenv("CAREERKIT_DATA", raising=False)
    assert datasets.user_data_dir() == careerkit_home / "onet-data"
    assert datasets.tables_dir() == datasets.data_dir()  # nothing updated yet
    assert datasets.data_source() == "bundled"
    monkeypatch.setenv("CAREERKIT_DATA", str(tmp_path / "elsewhere"))
    assert datasets.user_data_dir() == tmp_path / "elsewhere"


def test_an_updated_user_copy_is_preferred_but_data_dir_stays_bundled(user_copy):
    assert datasets.tables_dir() == user_copy
    assert datasets.data_source() == "user"
    assert datasets.data_dir() != user_copy
    assert (datasets.data_dir() / "inventory").is_dir()
    assert len(datasets.occupations()) == 923


# ------------------------------------------------------------------ damaged tables


def test_a_cut_off_table_is_reported_with_its_file(user_copy):
    _rewrite(user_copy / "occupations.csv", lambda lines: lines[:500])
    with pytest.raises(
        DataError,
        match=r"occupations\.csv: 499 rows where provenance\.json "
        r"records 923",
    ):
        datasets.occupations()


def test_a_bad_code_in_a_table_names_file_and_line(user_copy):
    def spoil(lines):
        lines[3] = "not-a-code" + lines[3][10:]
        return lines

    _rewrite(user_copy / "work_values.csv", spoil)
    with pytest.raises(DataError, match=r"work_values\.csv: line 4: 'not-a-code'"):
        datasets.work_values()


def test_a_missing_column_in_a_table_is_named(user_copy):
    path = user_copy / "technology.csv"
    _rewrite(path, lambda lines: [",".join(ln.split(",")[:-1]) if ln else ln for ln in lines])
    with pytest.raises(DataError, match=r"technology\.csv: missing column\(s\) in_demand"):
        datasets.technology()


def test_a_value_out_of_range_is_reported(user_copy):
    def spoil(lines):
        fields = lines[1].split(",")
        fields[3] = "9.5"  # importance is 1–5
        lines[1] = ",".join(fields)
        return lines

    _rewrite(user_copy / "occupation_ratings.csv", spoil)
    with pytest.raises(DataError, match=r"occupation_ratings\.csv: line 2: importance is 9\.5"):
        datasets.occupation_ratings()


def test_a_missing_table_file_is_reported(user_copy):
    (user_copy / "elements.csv").unlink()
    with pytest.raises(DataError, match=r"elements\.csv: the file is missing"):
        datasets.occupation_ratings()


def test_unreadable_provenance_is_reported(user_copy):
    (user_copy / "provenance.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"provenance\.json: not readable JSON"):
        datasets.occupations()


# ------------------------------------------------------------------ rebuilding


@pytest.fixture(scope="module")
def releases(onet_dir):
    return {
        "30.1": onet.load_release(onet_dir / "db_30_1_text"),
        "29.3": onet.load_release(onet_dir / "db_29_3_derived_tsv"),
        "29.2": onet.load_release(onet_dir / "db_29_2_converted_tsv"),
        "27.0": onet.load_release(onet_dir / "db_27_0_text"),
        "29.3 excel": onet.load_release(onet_dir / "db_29_3_excel"),
    }


def test_bundled_tables_are_what_the_build_produces(releases, tmp_path):
    r = releases
    info = build_tables(
        tmp_path,
        {
            "interests": r["30.1"],
            "titles": r["30.1"],
            "job_zones": r["29.3"],
            "ratings": r["29.2"],
            "technology": r["29.2"],
            "work_values": r["30.1"],
            "ratings_fill": r["29.3 excel"],
            "related": r["29.2"],
            "anchors": r["29.2"],
        },
    )
    for name in (*datasets.REQUIRED, "rating_sources", "level_anchors"):
        file = datasets.TABLES[name].file
        assert (tmp_path / file).read_bytes() == (datasets.data_dir() / file).read_bytes(), (
            f"data/{file} is out of date: run `make data`"
        )
    bundled = datasets.provenance(datasets.data_dir())
    assert info["tables"] == bundled["tables"]


def test_a_partial_release_keeps_the_other_tables_with_their_provenance(releases, tmp_path):
    info = build_tables(
        tmp_path,
        {"interests": releases["27.0"], "technology": releases["27.0"]},
        fallback=datasets.data_dir(),
        descriptions=True,
    )
    tables = info["tables"]
    assert tables["occupations"]["rows"] == 874
    assert {s["part"]: s["release"] for s in tables["occupations"]["sources"]} == {
        "interests": "27.0",
        "titles": "27.0",
        "job_zones": "29.3",
    }
    assert tables["occupation_ratings"]["release"] == "29.2"
    assert "Kept from the previous tables." in tables["occupation_ratings"]["notes"]
    assert any("no In Demand flags" in n for n in tables["technology"]["notes"])
    occ = pd.read_csv(tmp_path / "occupations.csv", dtype={"soc_code": str})
    assert occ.set_index("soc_code").loc["11-1011.00", "R"] == pytest.approx(1.33)
    assert (tmp_path / "descriptions.csv").is_file()
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "O*NET 27.0 Database" in readme and "O*NET 29.2 Database" in readme
    json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))


def test_a_release_without_a_needed_part_and_no_fallback_is_an_error(releases, tmp_path):
    with pytest.raises(DataError, match="no O\\*NET release given for ratings"):
        build_tables(tmp_path, {"interests": releases["30.1"]})


def _words(text: str) -> str:
    return " ".join(text.replace("\n>", " ").replace("> ", " ").split())


def test_readme_carries_the_generated_credit_and_the_not_for_selection_statement():
    from conftest import ROOT

    readme = _words((ROOT / "README.md").read_text(encoding="utf-8"))
    for line in datasets.credit().splitlines():
        assert _words(line) in readme, f"README's O*NET credit is out of date: {line[:60]}"
    assert _words(datasets.NOT_FOR_SELECTION) in readme


def test_credit_names_every_release_used_and_what_it_supplies():
    text = datasets.credit()
    releases = {s["release"] for t in datasets.provenance()["tables"].values()
                for s in t["sources"]}
    assert releases == {"30.1", "29.3", "29.2"}
    for release in releases:
        assert f"information from the O*NET {release} Database" in text
    assert "O*NET 29.3 (May 2025) for Job Zones" in text
    assert "related occupations" in text and "level anchors" in text
