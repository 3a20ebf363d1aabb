"""`careerkit cohort DIR -o out.csv|out.xlsx`: export and summary from the command line."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.cli import main

SCOPES = ["store", "share_with_counselor", "cohort_statistics"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "submitted"
    for i in range(6):
        wb = ck.Workbook.create(f"p{i}", folder, workshop="=cmd" if i == 0 else "spring")
        wb.give_consent("v1", SCOPES)
        wb.notes = "private note"
        wb.save()
    gone = ck.Workbook.create("gone", folder)
    gone.give_consent("v1", SCOPES)
    gone.withdraw_consent()
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_cohort_writes_a_pseudonymised_csv_and_key(folder, tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["cohort", str(folder), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    rows = _rows(out)
    assert len(rows) == 6 and all(r["code"].startswith("P-") for r in rows)
    assert "notes" not in rows[0]
    assert {r["workshop"] for r in rows} == {"'=cmd", "spring"}
    key = Path(str(out) + ".key.csv")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert {r["pseudonym"] for r in _rows(key)} == {f"p{i}" for i in range(6)}
    assert "broken.json" in printed and "not valid JSON" in printed
    assert "gone.json: consent withdrawn" in printed
    assert "Statistics include 6 of 7 workbooks" in printed
    assert "6 participant(s) written" in printed and "key.csv" in printed
    assert "only the participant table" in printed and ".zip" in printed


def test_cohort_options_show_pseudonyms_and_free_text(folder, tmp_path):
    out = tmp_path / "out.xlsx"
    args = ["cohort", str(folder), "-o", str(out), "--no-pseudonymise", "--include-free-text"]
    assert main(args) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out)["Participants"]
    header = [c.value for c in sheet[1]]
    assert "Pseudonym" in header and "Notes" in header
    notes = [row[header.index("Notes")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert notes == ["private note"] * 6
    assert not Path(str(out) + ".key.csv").exists()


def test_k_changes_the_suppression(folder, capsys):
    assert main(["cohort", str(folder), "-k", "7"]) == 0
    printed = capsys.readouterr().out
    assert "fewer than 7" in printed and "<7" in printed
    assert main(["cohort", str(folder), "-k", "2"]) == 0
    assert "not started: 6" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "out.pdf"], "must end in .xlsx, .zip or .csv"),
        (["--min-n", "1"], "whole number of at least 2"),
        (["-k", "0"], "whole number of at least 1"),
    ],
)
def test_bad_options_are_plain_errors(folder, argv, message, capsys):
    assert main(["cohort", str(folder), *argv]) == 1
    assert message in capsys.readouterr().err


def test_a_missing_folder_is_a_plain_error(tmp_path, capsys):
    assert main(["cohort", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_cohort_xlsx_holds_every_summary_at_the_chosen_k(folder, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    assert main(["cohort", str(folder), "-o", str(out), "-k", "7"]) == 0
    printed = capsys.readouterr().out
    assert "Reliability of the interest inventory" in printed and "at least 30" in printed
    book = load_workbook(out)
    assert book.sheetnames[0] == "Participants" and book.sheetnames[-1] == "About"
    assert "Progress per step" in book.sheetnames and "Reliability" in book.sheetnames
    steps = list(book["Progress per step"].iter_rows(min_row=2, values_only=True))
    assert ("interests", "not started", "<7", "<7") in steps
    assert main(["cohort", str(folder), "-o", str(out), "-k", "2"]) == 0
    steps = list(load_workbook(out)["Progress per step"].iter_rows(min_row=2, values_only=True))
    assert ("interests", "not started", 6, 1) in steps


def test_cohort_zip_and_min_n(folder, tmp_path, capsys):
    import zipfile

    out = tmp_path / "out.zip"
    assert main(["cohort", str(folder), "-o", str(out), "--min-n", "2"]) == 0
    printed = capsys.readouterr().out
    # nobody answered any item: alpha needs complete answer sets
    assert "needs at least 2 complete answer sets (has 0)" in printed
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        about = archive.read("about.txt").decode("utf-8")
    assert names[0] == "participants.csv" and "reliability.csv" in names
    assert "Statistics include 6 of 7 workbooks" in about
    assert Path(str(out) + ".key.csv").exists()
