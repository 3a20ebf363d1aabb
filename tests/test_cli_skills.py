"""`careerkit skills extract`: postings in, one row per skill mention out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from careerkit.cli import main
from careerkit.cli.skills import safe_cell

POSTINGS = (
    "Data Analyst\n"
    "Requirements:\n"
    "- SQL and Python\n"
    "- Excel formulas such as =SUM\n"
    "---\n"
    "Backend developer\n"
    "Nice to have: Go, Docker\n"
)


@pytest.fixture
def postings(tmp_path: Path) -> Path:
    path = tmp_path / "postings.txt"
    path.write_text(POSTINGS, encoding="utf-8")
    return path


def test_extract_prints_one_csv_row_per_mention(postings, capsys):
    assert main(["skills", "extract", str(postings)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    got = [(r["posting"], r["label"], r["strength"], r["evidence"]) for r in rows]
    assert got == [
        ("1", "Structured query language SQL", "required", "SQL"),
        ("1", "Python", "required", "Python"),
        ("1", "Microsoft Excel", "required", "Excel"),
        ("2", "Go", "preferred", "Go"),
        ("2", "Docker", "preferred", "Docker"),
    ]
    assert rows[0]["title"] == "Data Analyst"


def test_extract_json_output_has_spans_into_the_description(postings, tmp_path, capsys):
    out = tmp_path / "skills.json"
    assert main(["skills", "extract", str(postings), "-o", str(out)]) == 0
    assert "5 skill mentions in 2 postings" in capsys.readouterr().out
    rows = json.loads(out.read_text(encoding="utf-8"))
    from careerkit.skills import read_postings

    descriptions = read_postings(postings)["description"].tolist()
    for row in rows:
        text = descriptions[row["posting"] - 1]
        assert text[row["start"] : row["end"]] == row["evidence"]


def test_extract_with_a_counselor_taxonomy(postings, tmp_path, capsys):
    mine = tmp_path / "mine.csv"
    mine.write_text("label,kind,aliases\nSpreadsheet formulas,technical,Excel formulas\n")
    out = tmp_path / "out.csv"
    assert (
        main(["skills", "extract", str(postings), "--taxonomy", f"csv:{mine}", "-o", str(out)]) == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["label"] for r in rows] == ["Spreadsheet formulas"]


def test_extract_with_esco(postings, shared_data, capsys):
    esco = shared_data / "esco/digitalSkillsCollection_en.csv"
    assert main(["skills", "extract", str(postings), "--taxonomy", f"esco:{esco}"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert "Python (computer programming)" in {r["label"] for r in rows}
    assert all(r["skill_id"].startswith("http://data.europa.eu/esco/skill/") for r in rows)


def test_csv_cells_are_guarded_against_formulas(tmp_path, capsys):
    path = tmp_path / "p.csv"
    path.write_text('title,description\n"=cmd|calc",Python and SQL\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["skills", "extract", str(path), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["title"] for r in rows} == {"'=cmd|calc"}
    assert safe_cell("+1") == "'+1" and safe_cell("-x") == "'-x" and safe_cell("@a") == "'@a"
    assert safe_cell("\tx") == "'\tx" and safe_cell("\rx") == "'\rx" and safe_cell(3) == 3
    assert safe_cell("Python") == "Python"


def test_unknown_taxonomy_is_a_plain_error(postings, capsys):
    assert main(["skills", "extract", str(postings), "--taxonomy", "onet"]) == 1
    err = capsys.readouterr().err
    assert "--taxonomy 'onet'" in err and "Traceback" not in err


def test_bad_output_suffix_is_a_plain_error(postings, tmp_path, capsys):
    assert main(["skills", "extract", str(postings), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert ".csv or .json" in capsys.readouterr().err


def test_missing_postings_file_is_a_plain_error(tmp_path, capsys):
    assert main(["skills", "extract", str(tmp_path / "none.csv")]) == 1
    assert "none.csv" in capsys.readouterr().err


def test_bad_taxonomy_file_is_a_plain_error(postings, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind\nx,technical\n")
    assert main(["skills", "extract", str(postings), "--taxonomy", f"csv:{bad}"]) == 1
    assert "'label' is missing" in capsys.readouterr().err
