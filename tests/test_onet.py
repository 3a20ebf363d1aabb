"""O*NET release readers, against every shared release and against broken copies of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from careerkit import onet
from careerkit.errors import DataError

RIASEC = list("RIASEC")

# ---------------------------------------------- fixtures (session-scoped: Excel is slow)


@pytest.fixture(scope="session")
def r30_1(onet_dir: Path) -> onet.OnetRelease:
    return onet.load_release(onet_dir / "db_30_1_text")


@pytest.fixture(scope="session")
def r29_3_excel(onet_dir: Path) -> onet.OnetRelease:
    return onet.load_release(onet_dir / "db_29_3_excel")


@pytest.fixture(scope="session")
def r29_3_tsv(onet_dir: Path) -> onet.OnetRelease:
    return onet.load_release(onet_dir / "db_29_3_derived_tsv")


@pytest.fixture(scope="session")
def r29_2(onet_dir: Path) -> onet.OnetRelease:
    return onet.load_release(onet_dir / "db_29_2_converted_tsv")


@pytest.fixture(scope="session")
def r27_0(onet_dir: Path) -> onet.OnetRelease:
    return onet.load_release(onet_dir / "db_27_0_text")


def _copy(src: Path, dst: Path, *names: str) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(src / name, dst / name)
    return dst


def _edit(path: Path, change) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


@pytest.fixture
def interests_copy(onet_dir: Path, tmp_path: Path) -> Path:
    """A writable 30.1-style folder holding Interests and Occupation Data."""
    return _copy(
        onet_dir / "db_30_1_text", tmp_path / "db_30_1_text", "Interests.txt", "Occupation Data.txt"
    )


# ------------------------------------------------------------------ releases


def test_release_is_read_from_read_me(r27_0, r29_2, r29_3_excel):
    assert (r27_0.release, r27_0.date) == ("27.0", "August 2022")
    assert (r29_2.release, r29_2.date) == ("29.2", "February 2025")
    assert (r29_3_excel.release, r29_3_excel.date) == ("29.3", "May 2025")


def test_release_falls_back_to_the_folder_name(r30_1, r29_3_tsv):
    assert r30_1.release == "30.1"
    assert r30_1.date == "December 2025"  # known release, no Read Me in this copy
    assert r29_3_tsv.release == "29.3"


def test_unknown_release_warns_and_says_unknown(interests_copy, tmp_path):
    plain = interests_copy.rename(tmp_path / "my_onet_files")
    with pytest.warns(onet.UnknownReleaseWarning, match="unknown"):
        release = onet.load_release(plain)
    assert release.release == "unknown"
    assert len(release.interests) == 923


def test_edition_is_detected(r30_1, r29_3_excel):
    assert r30_1.edition == "text"
    assert r29_3_excel.edition == "excel"


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="is not a folder"):
        onet.load_release(tmp_path / "nowhere")


# ------------------------------------------------------------------ 30.1 text edition


def test_30_1_interests_cover_923_occupations_wide(r30_1):
    interests = r30_1.interests
    assert len(interests) == 923
    assert list(interests.columns) == [
        "soc_code",
        *RIASEC,
        "high_point_1",
        "high_point_2",
        "high_point_3",
    ]
    assert interests["soc_code"].is_unique
    chief = interests.set_index("soc_code").loc["11-1011.00"]
    assert chief["R"] == pytest.approx(1.30)
    assert chief["E"] == pytest.approx(6.88)
    assert (chief["high_point_1"], chief["high_point_2"], chief["high_point_3"]) == ("E", "C", "")
    assert interests[RIASEC].min().min() >= 1 and interests[RIASEC].max().max() <= 7


def test_first_high_point_is_the_highest_interest(r30_1):
    interests = r30_1.interests
    top = interests[RIASEC].idxmax(axis=1)
    # 30.1 high points come from the same ratings, so the first one is always the maximum.
    assert (top == interests["high_point_1"]).all()


def test_30_1_occupations_and_work_values(r30_1):
    assert len(r30_1.occupations) == 1016
    titles = r30_1.occupations.set_index("soc_code")["title"]
    assert titles["15-1252.00"] == "Software Developers"
    values = r30_1.work_values
    assert len(values) == 874
    assert list(values.columns[1:7]) == list(onet.WORK_VALUES)
    chief = values.set_index("soc_code").loc["11-1011.00"]
    assert chief["achievement"] == pytest.approx(6.33)
    assert chief["high_point_1"] == "recognition"


def test_frames_load_lazily_and_a_missing_file_fails_only_when_used(r30_1):
    assert not r30_1.has("job_zones")
    assert len(r30_1.interests) == 923  # works although Job Zones.txt is absent
    with pytest.raises(DataError, match=r"has no 'Job Zones\.txt'.*needed for job zones"):
        r30_1.job_zones


def test_job_zones_can_come_from_another_release(onet_dir):
    release = onet.load_release(
        onet_dir / "db_30_1_text", job_zones_from=onet_dir / "db_29_3_derived_tsv"
    )
    zones = release.job_zones
    assert len(zones) == 923
    assert set(zones["soc_code"]) == set(release.interests["soc_code"])
    assert zones.set_index("soc_code").loc["11-1011.00", "job_zone"] == 5
    assert str(zones["job_zone"].dtype) == "Int64"
    assert release.source("job_zones")["release"] == "29.3"
    assert release.source("interests")["release"] == "30.1"


# ------------------------------------------------------------------ other releases


def test_27_0_has_older_interest_profiles_and_no_in_demand(r27_0):
    assert len(r27_0.interests) == 874
    assert r27_0.interests.set_index("soc_code").loc["11-1011.00", "R"] == pytest.approx(1.33)
    tech = r27_0.technology
    assert len(tech) == 30826
    assert str(tech["in_demand"].dtype) == "boolean"
    assert tech["in_demand"].isna().all()  # the column did not exist yet: unknown, not False
    assert tech["hot_technology"].any()


def test_29_2_skills_and_knowledge_pair_importance_with_level(r29_2):
    skills = r29_2.skills
    assert len(skills) == 879 * 35
    assert skills["soc_code"].nunique() == 879
    row = skills.set_index(["soc_code", "element_id"]).loc[("11-1011.00", "2.A.1.a")]
    assert row["element_name"] == "Reading Comprehension"
    assert (row["importance"], row["level"]) == (pytest.approx(4.12), pytest.approx(4.62))
    assert skills["importance"].between(1, 5).all()
    assert skills["level"].between(0, 7).all()
    assert skills["not_relevant"].any() and skills["suppress"].any()
    knowledge = r29_2.knowledge
    assert knowledge["element_id"].nunique() == 33
    assert len(knowledge) == 58014 // 2
    assert "skill_group" not in knowledge.columns


def test_29_2_technology_flags(r29_2):
    tech = r29_2.technology
    assert len(tech) == 32627
    assert tech["commodity_code"].str.fullmatch(r"\d{8}").all()
    sql = tech[tech["example"].str.contains("SQL", regex=False)]
    assert sql["hot_technology"].any()
    assert tech["in_demand"].any() and not tech["in_demand"].isna().any()


def test_excel_edition_matches_the_text_values(r29_3_excel, r30_1, r29_2, r29_3_tsv):
    # 29.3 and 30.1 share the machine-learning interest profiles; the Excel edition stores them
    # as floats and adds Title / Scale Name columns, which must not change the result.
    excel = r29_3_excel.interests.set_index("soc_code")
    text = r30_1.interests.set_index("soc_code")
    assert len(excel) == 923
    pd.testing.assert_frame_equal(excel[RIASEC], text.loc[excel.index, RIASEC])
    pd.testing.assert_frame_equal(
        r29_3_excel.job_zones[["soc_code", "job_zone"]],
        r29_3_tsv.job_zones[["soc_code", "job_zone"]],
    )
    assert r29_3_excel.occupations.columns.tolist() == ["soc_code", "title", "description"]
    tech = r29_3_excel.technology
    assert tech["commodity_code"].str.fullmatch(r"\d{8}").all()  # not "43232202.0"


def test_excel_skills_read_like_the_text_edition(r29_3_excel):
    skills = r29_3_excel.skills
    assert len(skills) == 879 * 35
    row = skills.set_index(["soc_code", "element_id"]).loc[("11-1011.00", "2.A.1.a")]
    assert (row["importance"], row["level"]) == (pytest.approx(4.12), pytest.approx(4.62))


# ------------------------------------------------------------------ 30.3 names


def test_30_3_file_names_are_accepted(onet_dir, tmp_path):
    src = onet_dir / "db_29_2_converted_tsv"
    folder = tmp_path / "db_30_3_text"
    folder.mkdir()
    shutil.copyfile(
        onet_dir / "db_30_1_text" / "Interests.txt", folder / "Career Interest Types.txt"
    )
    shutil.copyfile(src / "Technology Skills.txt", folder / "Software Skills.txt")
    lines = (src / "Skills.txt").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    essential = [r for r in rows if "\t2.A.1." in r]
    transferable = [r for r in rows if "\t2.A.1." not in r]
    (folder / "Essential Skills.txt").write_text("\n".join([header, *essential]) + "\n")
    (folder / "Transferable Skills.txt").write_text("\n".join([header, *transferable]) + "\n")
    release = onet.load_release(folder)
    assert release.release == "30.3"
    assert len(release.interests) == 923
    assert len(release.technology) == 32627
    skills = release.skills
    assert len(skills) == 879 * 35
    assert set(skills["skill_group"]) == {"essential", "transferable"}
    assert release.source("skills")["files"] == ["Essential Skills.txt", "Transferable Skills.txt"]
    with pytest.raises(DataError, match="Work Values"):
        release.work_values


# ------------------------------------------------------------------ broken copies


def test_missing_final_newline_is_not_an_error(interests_copy):
    path = interests_copy / "Interests.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n"), encoding="utf-8")
    assert len(onet.load_release(interests_copy).interests) == 923
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    assert len(onet.load_release(interests_copy).interests) == 923


def test_windows_line_endings_are_read(interests_copy):
    path = interests_copy / "Interests.txt"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert onet.load_release(interests_copy).interests.loc[0, "R"] == pytest.approx(1.30)


def test_missing_column_names_the_file_and_the_column(interests_copy):
    def drop_scale(lines):
        return ["\t".join(f for i, f in enumerate(line.split("\t")) if i != 3) for line in lines]

    _edit(interests_copy / "Interests.txt", drop_scale)
    with pytest.raises(DataError, match=r"Interests\.txt: missing column\(s\) 'Scale ID'"):
        onet.load_release(interests_copy).interests


def test_comma_separated_copy_is_called_out(interests_copy):
    _edit(interests_copy / "Interests.txt", lambda lines: [ln.replace("\t", ",") for ln in lines])
    with pytest.raises(DataError, match=r"Interests\.txt: .*looks comma-separated.*tab-separated"):
        onet.load_release(interests_copy).interests


def test_short_row_names_the_line(interests_copy):
    def cut(lines):
        lines[10] = "\t".join(lines[10].split("\t")[:4])
        return lines

    _edit(interests_copy / "Interests.txt", cut)
    with pytest.raises(DataError, match=r"Interests\.txt, line 11: 4 .*fields.*has 7.*short row"):
        onet.load_release(interests_copy).interests


def test_row_with_extra_fields_names_the_line(interests_copy):
    def widen(lines):
        lines[4] += "\textra"
        return lines

    _edit(interests_copy / "Interests.txt", widen)
    with pytest.raises(DataError, match=r"line 5: 8 .*extra fields"):
        onet.load_release(interests_copy).interests


def test_bad_soc_code_names_the_line_and_the_pattern(interests_copy):
    def spoil(lines):
        lines[3] = lines[3].replace("11-1011.00", "11-1011", 1)
        return lines

    _edit(interests_copy / "Interests.txt", spoil)
    with pytest.raises(DataError, match=r"Interests\.txt, line 4: '11-1011' .*NN-NNNN\.NN"):
        onet.load_release(interests_copy).interests


def test_empty_file_is_called_empty(interests_copy):
    (interests_copy / "Interests.txt").write_text("")
    with pytest.raises(DataError, match=r"Interests\.txt is empty"):
        onet.load_release(interests_copy).interests


def test_header_without_rows_is_an_error(interests_copy):
    _edit(interests_copy / "Interests.txt", lambda lines: lines[:1])
    with pytest.raises(DataError, match="header row but no data rows"):
        onet.load_release(interests_copy).interests


def test_non_numeric_value_names_the_line(interests_copy):
    def spoil(lines):
        fields = lines[6].split("\t")
        fields[4] = "high"
        lines[6] = "\t".join(fields)
        return lines

    _edit(interests_copy / "Interests.txt", spoil)
    with pytest.raises(DataError, match=r"line 7: the OI value is 'high', not a number"):
        onet.load_release(interests_copy).interests


def test_value_outside_the_scale_is_an_error(interests_copy):
    def spoil(lines):
        fields = lines[1].split("\t")
        fields[4] = "9.5"
        lines[1] = "\t".join(fields)
        return lines

    _edit(interests_copy / "Interests.txt", spoil)
    with pytest.raises(DataError, match=r"line 2: .*outside the scale.*1 to 7"):
        onet.load_release(interests_copy).interests


def test_incomplete_profile_names_the_occupation(interests_copy):
    _edit(interests_copy / "Interests.txt", lambda lines: [lines[0], *lines[2:]])
    with pytest.raises(DataError, match=r"occupation 11-1011\.00 has 5 of the 6 OI ratings"):
        onet.load_release(interests_copy).interests


def test_missing_file_names_what_is_needed(interests_copy):
    (interests_copy / "Interests.txt").unlink()
    release = onet.load_release(interests_copy)
    assert len(release.occupations) == 1016
    with pytest.raises(DataError, match=r"no 'Interests\.txt'.*'Career Interest Types\.txt'"):
        release.interests


def test_bad_flag_in_technology_names_the_line(onet_dir, tmp_path):
    folder = _copy(
        onet_dir / "db_29_2_converted_tsv", tmp_path / "db_29_2", "Technology Skills.txt"
    )

    def spoil(lines):
        lines[2] = lines[2].replace("\tN\tN", "\tmaybe\tN", 1)
        return lines

    _edit(folder / "Technology Skills.txt", spoil)
    with pytest.raises(DataError, match=r"line 3: Hot Technology is 'maybe'.*Y, N or empty"):
        onet.load_release(folder).technology


def test_a_damaged_excel_file_is_a_clear_error(tmp_path):
    folder = tmp_path / "db_29_3_excel"
    folder.mkdir()
    (folder / "Interests.xlsx").write_bytes(b"not a zip file at all")
    with pytest.raises(DataError, match=r"Interests\.xlsx is not a readable Excel workbook"):
        onet.load_release(folder).interests


def test_excel_missing_column_is_named(tmp_path):
    import openpyxl

    folder = tmp_path / "db_29_3_excel"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["O*NET-SOC Code", "Title", "Date"])
    sheet.append(["11-1011.00", "Chief Executives", "08/2023"])
    book.save(folder / "Job Zones.xlsx")
    with pytest.raises(DataError, match=r"Job Zones\.xlsx: missing column\(s\) 'Job Zone'"):
        onet.load_release(folder).job_zones


def test_read_table_keeps_only_named_columns(onet_dir):
    frame = onet.read_table(
        onet_dir / "db_29_2_converted_tsv" / "Job Zones.txt",
        {"O*NET-SOC Code": "soc_code", "Job Zone": "job_zone"},
    )
    assert list(frame.columns) == ["soc_code", "job_zone", "_line"]
    assert frame.loc[0, "_line"] == 2


# ------------------------------------------------------------------ every frame of every release


@pytest.mark.parametrize("fixture", ["r30_1", "r29_3_excel", "r29_3_tsv", "r29_2", "r27_0"])
def test_every_frame_of_every_shared_release_loads_with_valid_codes(fixture, request):
    release = request.getfixturevalue(fixture)
    loaded = [name for name in onet.FRAMES if release.has(name)]
    assert loaded, f"{fixture} has no frames"
    for name in loaded:
        frame = getattr(release, name)
        assert len(frame) > 0, name
        if name == "level_anchors":  # anchors are per element, not per occupation
            assert frame["anchor_value"].between(0, 7).all()
            continue
        assert frame["soc_code"].str.fullmatch(onet.SOC_PATTERN.pattern).all(), name
        assert not any(column.startswith("_") for column in frame.columns), name
        if name in ("occupations", "interests", "job_zones", "work_values"):
            assert frame["soc_code"].is_unique, name
        assert getattr(release, name) is frame  # cached: read once


def test_files_and_sources_name_what_was_read(r29_3_excel, r29_2):
    assert [p.name for p in r29_3_excel.files("interests")] == ["Interests.xlsx"]
    assert r29_3_excel.files("knowledge") == ()
    assert r29_2.source("skills") == {
        "release": "29.2",
        "date": "February 2025",
        "files": ["Skills.txt"],
        "folder": "db_29_2_converted_tsv",
    }


def test_excel_value_beyond_the_named_columns_names_the_row(tmp_path):
    import openpyxl

    folder = tmp_path / "db_29_3_excel"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["O*NET-SOC Code", "Title", "Job Zone"])
    sheet.append(["11-1011.00", "Chief Executives", 5])
    sheet.append(["11-1011.03", "Chief Sustainability Officers", 5, "stray"])
    book.save(folder / "Job Zones.xlsx")
    with pytest.raises(DataError, match=r"Job Zones\.xlsx, line 3: a value beyond the last named"):
        onet.load_release(folder).job_zones


def test_excel_whole_numbers_read_like_text(tmp_path):
    import openpyxl

    folder = tmp_path / "db_29_3_excel"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["O*NET-SOC Code", "Title", "Job Zone", "Date"])
    sheet.append(["11-1011.00", "Chief Executives", 5.0, "08/2023"])
    book.save(folder / "Job Zones.xlsx")
    zones = onet.load_release(folder).job_zones
    assert zones.loc[0, "job_zone"] == 5 and zones.loc[0, "date"] == "08/2023"


def test_semicolon_separated_copy_is_called_out(interests_copy):
    _edit(interests_copy / "Interests.txt", lambda lines: [ln.replace("\t", ";") for ln in lines])
    with pytest.raises(DataError, match="looks semicolon-separated"):
        onet.load_release(interests_copy).interests
