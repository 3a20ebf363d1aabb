"""Taxonomies: the bundled O*NET one, ESCO files, a counselor's CSV, the ambiguity rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerkit.errors import DataError
from careerkit.skills._taxonomy import KINDS, Taxonomy, cache_dir, classify_alias


def _status(tax: Taxonomy, alias: str) -> set[str]:
    rows = tax.alias_table[tax.alias_table["key"] == alias.casefold()]
    return set(rows["status"])


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ default (O*NET + curated)
def test_default_taxonomy_holds_onet_skills_knowledge_and_technology():
    tax = Taxonomy.default()
    skills = tax.skills
    assert list(skills.columns) == ["skill_id", "label", "kind", "aliases", "source"]
    onet_elements = skills[skills["source"].str.startswith("O*NET 29.2")]
    assert len(onet_elements) == 68  # 35 skills + 33 knowledge areas
    assert (onet_elements["kind"] == "knowledge").sum() == 33
    assert "Critical Thinking" in set(skills["label"])
    assert (skills["kind"] == "software").sum() > 5000
    assert set(skills["kind"]) <= set(KINDS)
    assert {"certification", "language"} <= set(skills["kind"])


def test_default_taxonomy_maps_everyday_names_to_formal_onet_names():
    tax = Taxonomy.default()
    aliases = tax.alias_table.merge(tax.skills[["skill_id", "label"]], on="skill_id")
    label_of = dict(zip(aliases["key"], aliases["label"], strict=True))
    assert label_of["sql"] == "Structured query language SQL"
    assert label_of["excel"] == "Microsoft Excel"
    assert label_of["aws"] == "Amazon Web Services AWS software"
    assert label_of["js"] == "JavaScript"
    assert label_of["pmp"] == "Project Management Professional (PMP)"


def test_technical_onet_skills_are_technical_and_others_transferable():
    skills = Taxonomy.default().skills.set_index("skill_id")
    assert skills.loc["2.B.3.m", "kind"] == "technical"  # Programming
    assert skills.loc["2.A.2.a", "kind"] == "transferable"  # Critical Thinking


def test_ambiguous_and_generic_aliases_are_marked_in_the_default_taxonomy():
    tax = Taxonomy.default()
    for alias in ("R", "C", "Go", "Swift", "Excel", "Access", "Word", "Spark", "Google"):
        assert _status(tax, alias) == {"needs_context"}, alias
    assert _status(tax, "Python") == {"safe"}
    assert _status(tax, "C++") == {"safe"}


def test_ambiguity_rules_apply_to_any_alias():
    assert classify_alias("data") == "blocked"
    assert classify_alias("Term") == "blocked"
    assert classify_alias("form") == "blocked"
    assert classify_alias("Go") == "needs_context"
    assert classify_alias("Microsoft") == "needs_context"
    assert classify_alias("XY") == "needs_context"  # any alias of two letters
    assert classify_alias("2019") == "blocked"
    assert classify_alias("Kubernetes") == "safe"
    assert classify_alias("Kubernetes", declared="blocked") == "blocked"


# ------------------------------------------------------------------ ESCO
ESCO_SLIM = "esco/skills_en_slim_v1.1.1_northstar.csv"


def test_esco_loader_reads_the_full_label_file(shared_data: Path):
    tax = Taxonomy.from_esco(shared_data / ESCO_SLIM)
    assert 13_800 <= len(tax) <= 13_892
    assert len(tax.alias_table) > 90_000
    skills = tax.skills.set_index("label")
    assert skills.loc["Haskell", "kind"] == "knowledge"
    assert skills.loc["manage musical staff", "kind"] == "technical"
    # no conceptUri in this file: a stable slug
    assert skills.loc["manage musical staff", "skill_id"] == "esco:manage-musical-staff"
    assert "Python3" in skills.loc["Python (computer programming)", "aliases"]


def test_esco_rules_apply_to_loaded_taxonomy(shared_data: Path):
    tax = Taxonomy.from_esco(shared_data / ESCO_SLIM)
    assert _status(tax, "data") <= {"blocked"}
    # a one-word alternative label that is an ordinary word is not used
    assert _status(tax, "transport") == {"blocked"}
    assert _status(tax, "logistics") == {"safe"}  # ... while the preferred label is
    # light-verb phrases and acronyms for longer names need context; fragments are blocked
    assert _status(tax, "enjoy working") == {"needs_context"}
    assert _status(tax, "ICT") == {"needs_context"}
    assert _status(tax, "and procedures") == {"blocked"}


def test_esco_collection_file_uses_uris_pipes_and_reuse_level(shared_data: Path):
    tax = Taxonomy.from_esco(shared_data / "esco/transversalSkillsCollection_en.csv")
    skills = tax.skills.set_index("label")
    row = skills.loc["show initiative"]
    assert row["skill_id"].startswith("http://data.europa.eu/esco/skill/")
    assert row["kind"] == "transferable"
    assert "take the initiative" in row["aliases"]
    lang = Taxonomy.from_esco(shared_data / "esco/languageSkillsCollection_en.csv")
    assert set(lang.skills["kind"]) == {"language"}


def test_esco_loader_is_cached_on_disk(shared_data: Path, careerkit_home: Path):
    path = shared_data / "esco/digitalSkillsCollection_en.csv"
    first = Taxonomy.from_esco(path)
    assert cache_dir().is_relative_to(careerkit_home)
    assert any(cache_dir().glob("esco-*.pkl"))
    second = Taxonomy.from_esco(path)
    assert second.digest() == first.digest()
    assert second.skills.equals(first.skills)


def test_esco_file_without_skill_type_is_refused(tmp_path: Path):
    path = _write(tmp_path, "skills_en.csv", "preferredLabel,altLabels\nweld metal,welding\n")
    with pytest.raises(DataError, match=r"skills_en.csv.*skillType"):
        Taxonomy.from_esco(path)


def test_esco_row_with_unknown_skill_type_names_row(tmp_path: Path):
    path = _write(
        tmp_path,
        "skills_en.csv",
        "preferredLabel,altLabels,skillType\nweld metal,welding,knowledge\nsing,,recipe\n",
    )
    with pytest.raises(DataError, match=r"row 3.*skillType.*'recipe'"):
        Taxonomy.from_esco(path)


def test_missing_esco_file_is_named(tmp_path: Path):
    with pytest.raises(DataError, match="not found"):
        Taxonomy.from_esco(tmp_path / "nope.csv")


# ------------------------------------------------------------------ counselor CSV
def test_counselor_csv_with_aliases_and_status(tmp_path: Path):
    path = _write(
        tmp_path,
        "mine.csv",
        "label,kind,aliases,status\n"
        "Forklift operation,technical,forklift; fork lift truck,safe\n"
        "Go,software,Golang,\n"
        "Data entry,technical,data,\n",
    )
    tax = Taxonomy.from_csv(path)
    assert len(tax) == 3
    assert tax.skills["skill_id"].iloc[0] == "csv:forklift-operation"
    assert _status(tax, "fork lift truck") == {"safe"}
    assert _status(tax, "go") == {"needs_context"}  # the rules for every taxonomy
    assert _status(tax, "data") == {"blocked"}


def test_counselor_csv_missing_column_lists_found_columns(tmp_path: Path):
    path = _write(tmp_path, "mine.csv", "name,kind\nWelding,technical\n")
    with pytest.raises(DataError, match=r"mine.csv.*'label'.*\['name', 'kind'\]"):
        Taxonomy.from_csv(path)


def test_counselor_csv_bad_kind_names_row(tmp_path: Path):
    path = _write(tmp_path, "mine.csv", "label,kind\nWelding,technical\nSinging,hobby\n")
    with pytest.raises(DataError, match=r"row 3: kind 'hobby'"):
        Taxonomy.from_csv(path)


def test_counselor_csv_empty_label_names_row(tmp_path: Path):
    path = _write(tmp_path, "mine.csv", "label,kind\n,technical\n")
    with pytest.raises(DataError, match=r"row 2: column 'label' is empty"):
        Taxonomy.from_csv(path)


def test_counselor_csv_bad_status_names_row(tmp_path: Path):
    path = _write(tmp_path, "mine.csv", "label,kind,status\nWelding,technical,maybe\n")
    with pytest.raises(DataError, match=r"row 2: status 'maybe'"):
        Taxonomy.from_csv(path)


def test_counselor_csv_duplicate_id_names_both_rows(tmp_path: Path):
    path = _write(
        tmp_path, "mine.csv", "skill_id,label,kind\nw1,Welding,technical\nw1,Brazing,technical\n"
    )
    with pytest.raises(DataError, match=r"row 3: skill_id 'w1' is used twice \(first on row 2\)"):
        Taxonomy.from_csv(path)


def test_empty_or_binary_csv_is_refused(tmp_path: Path):
    empty = _write(tmp_path, "empty.csv", "")
    with pytest.raises(DataError, match=r"empty\.csv"):
        Taxonomy.from_csv(empty)
    header_only = _write(tmp_path, "header.csv", "label,kind\n")
    with pytest.raises(DataError, match="holds no skills"):
        Taxonomy.from_csv(header_only)
    binary = tmp_path / "skills.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\xfa")
    with pytest.raises(DataError, match=r"skills\.csv"):
        Taxonomy.from_csv(binary)
