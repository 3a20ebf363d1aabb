"""Jobs like my last one: search, O*NET related occupations, skills carried over or new."""

from __future__ import annotations

import pandas as pd
import pytest

from careerkit import datasets
from careerkit.errors import DataError, InputError
from careerkit.occupations import (
    RELATED_COLUMNS,
    SKILL_COLUMNS,
    TIERS,
    ratings_from_past_job,
    related_from_release,
    related_occupations,
    related_table,
    search_occupations,
    skill_overlap,
)
from careerkit.skills import items_to_rate, level_from_rating, occupation_requirements

BOOKKEEPER = "43-3031.00"
ACCOUNTANT = "13-2011.00"
RAW_COLUMNS = ["O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title",
               "Relatedness Tier", "Index"]


@pytest.fixture(scope="module")
def raw_related(onet_dir):
    return pd.read_csv(onet_dir / "db_29_2_converted_tsv" / "Related Occupations.txt", sep="\t",
                       dtype=str)


@pytest.mark.shared_data
def test_the_bundled_table_is_what_the_build_derives_from_onet(onet_dir):
    fresh = related_from_release(onet_dir / "db_29_2_converted_tsv")
    bundled = related_table()
    pd.testing.assert_frame_equal(fresh, bundled, check_dtype=False)
    assert len(bundled) == 18460
    assert datasets.provenance(datasets.data_dir())["other_tables"]["related_occupations"][
        "rows"] == 18460


@pytest.mark.shared_data
def test_related_occupations_follow_onet_order_and_tiers(raw_related):
    raw = raw_related[raw_related["O*NET-SOC Code"] == BOOKKEEPER]
    related = related_occupations(BOOKKEEPER)
    assert list(related.columns) == RELATED_COLUMNS
    assert related["soc_code"].tolist() == raw["Related O*NET-SOC Code"].tolist()
    assert related["tier"].tolist() == raw["Relatedness Tier"].tolist()
    assert related["title"].tolist() == raw["Related Title"].tolist()
    assert related["index"].tolist() == list(range(1, 21))
    assert related.attrs["from_title"] == "Bookkeeping, Accounting, and Auditing Clerks"
    assert "O*NET 29.2 Related Occupations" in related.attrs["source"]
    close = related_occupations(BOOKKEEPER, tiers="primary-short")
    assert len(close) == 5 and set(close["closeness"]) == {"very close"}


def test_search_finds_a_past_job_by_part_of_its_title():
    found = search_occupations("bookkeeping")
    assert found.iloc[0]["soc_code"] == BOOKKEEPER


@pytest.mark.shared_data
def test_skill_overlap_sorts_onet_items_into_shared_more_and_new(onet_dir):
    overlap = skill_overlap(BOOKKEEPER, ACCOUNTANT)
    assert list(overlap.columns) == SKILL_COLUMNS
    need = occupation_requirements(ACCOUNTANT)
    assert set(overlap["element_id"]) == set(items_to_rate(need)["element_id"])
    past = occupation_requirements(BOOKKEEPER).set_index("element_id")
    for row in overlap.itertuples():
        used = row.element_id in past.index and past.loc[row.element_id, "importance"] >= 3
        assert (row.status != "new") == used
        if row.status == "more":
            assert row.level - past.loc[row.element_id, "level"] >= 1
    economics = overlap.set_index("element_name").loc["Economics and Accounting"]
    assert economics["status"] == "more"  # bookkeepers use it; accountants need far more
    counts = overlap.attrs["counts"]
    assert sum(counts.values()) == len(overlap) and counts["new"] > 0 and counts["shared"] > 0
    assert overlap["status"].tolist() == sorted(
        overlap["status"], key=["new", "more", "shared"].index
    )


def test_ratings_from_a_past_job_start_at_its_onet_level():
    ratings = ratings_from_past_job(BOOKKEEPER, ACCOUNTANT)
    past = occupation_requirements(BOOKKEEPER).set_index("element_id")
    overlap = skill_overlap(BOOKKEEPER, ACCOUNTANT).set_index("element_id")
    assert set(ratings) == set(overlap.index[overlap["status"] != "new"])
    for element, rating in ratings.items():
        assert 1 <= rating <= 5
        assert abs(level_from_rating(rating) - past.loc[element, "level"]) <= 7 / 8 + 1e-9


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: related_occupations("99-9999.99"), r"'99-9999.99' is not an O\*NET occupation"),
        (lambda: related_occupations(BOOKKEEPER, tiers=["Primary"]),
         r"Unknown relatedness tier 'Primary'"),
        # (Software Developers, unrated in 29.2, now borrow a related occupation's ratings)
        (lambda: skill_overlap(BOOKKEEPER, "99-9999.99"),
         r"'99-9999.99' is not an O\*NET-SOC code we know"),
        (lambda: skill_overlap(BOOKKEEPER, ACCOUNTANT, min_importance=7),
         r"min_importance is 7; expected a number from 1 to 5"),
        (lambda: search_occupations("  "), r"Type part of a job title"),
    ],
)
def test_bad_requests_get_a_plain_error(call, message):
    with pytest.raises(InputError, match=message):
        call()


def _write(folder, rows):
    lines = ["\t".join(RAW_COLUMNS)] + ["\t".join(r) for r in rows]
    (folder / "Related Occupations.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


GOOD = ["11-1011.00", "Chief Executives", "11-1021.00", "General and Operations Managers",
        "Primary-Short", "1"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ([*GOOD[:4], "Primary-Medium", "1"], r"line 3: Relatedness Tier 'Primary-Medium'"),
        ([*GOOD[:5], "x"], r"line 3: Index 'x'; expected a whole number"),
        (["11-1011", *GOOD[1:]], r"line 3: soc_code '11-1011' is not an O\*NET-SOC code"),
    ],
)
def test_a_damaged_related_occupations_file_is_named_with_its_line(tmp_path, row, message):
    _write(tmp_path, [GOOD, row])
    with pytest.raises(DataError, match=message):
        related_from_release(tmp_path)


def test_a_release_without_the_file_is_an_error(tmp_path):
    with pytest.raises(DataError, match=r"Related Occupations\.txt does not exist"):
        related_from_release(tmp_path)


def test_tiers_are_onets_three(tmp_path):
    assert TIERS == ("Primary-Short", "Primary-Long", "Supplemental")
    assert set(related_table()["tier"]) == set(TIERS)


@pytest.mark.shared_data
def test_the_build_records_the_table_once_in_provenance_and_readme(onet_dir, tmp_path):
    import importlib.util
    import json
    import shutil

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts/build_data.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name in ("README.md", "provenance.json"):
        shutil.copy(datasets.data_dir() / name, tmp_path / name)
    for _ in range(2):
        entry = build.build_related_occupations(onet_dir / "db_29_2_converted_tsv", tmp_path)
    assert entry["rows"] == 18460 and entry["release"] == "29.2"
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert readme.count(build.OTHER_TABLES_HEADING) == 1
    assert "`related_occupations.csv`" in readme and "18,460" in readme
    info = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert info["other_tables"]["related_occupations"]["rows"] == 18460
    assert (tmp_path / "related_occupations.csv").read_bytes() == (
        datasets.data_dir() / "related_occupations.csv"
    ).read_bytes()
