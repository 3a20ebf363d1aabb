"""The counselor's cohort export read back as a counselor would: the XLSX opened with openpyxl,
the zip of CSV files unpacked. Every table of the dashboard is there, suppressed as on screen,
numbers as numbers, participant text neutralised, and nothing of anyone who did not agree to
group statistics in a summary."""

from __future__ import annotations

import csv
import io
import random
import stat
import zipfile
from datetime import datetime
from pathlib import Path
from statistics import mean, stdev

import pytest
from openpyxl import load_workbook

import careerkit as ck
from careerkit.cohort import FORMULA_START, guard_cell, key_path
from careerkit.goals import Goal
from careerkit.interests import RIASEC, TYPE_NAMES, load_inventory, score

ALL_SCOPES = ["store", "share_with_counselor", "cohort_statistics"]
SHARE_ONLY = ["store", "share_with_counselor"]
STATS_ONLY = ["store", "cohort_statistics"]
NURSE = "29-1141.00"
EVIL_GOAL = '=HYPERLINK("http://evil.example/steal","click me")'
EVIL_ROLE = "+cmd|' /C calc'!A0"
EVIL_WORKSHOP = "@SUM(1+1)*cmd"
SECRET_ROLE = "Secret Lighthouse Keeper"
SECRET_GOAL = "my secret education plan"
SUMMARY_SHEETS = [
    "Progress per step",
    "Holland code first letter",
    "Holland codes",
    "Interest scores",
    "Work values",
    "Target roles",
    "Gap skills",
    "Goal types",
    "Goal status",
    "SMART check",
]
SHEETS = ["Participants", *SUMMARY_SHEETS, "Reliability", "About"]


def _responses(rng: random.Random, first: str) -> dict[str, int]:
    """``first`` clearly on top (all 5s), the other areas from a random level plus noise."""
    items = load_inventory().items
    level = {a: rng.uniform(1.0, 4.0) for a in RIASEC}
    return {
        item: 5 if scale == first else max(1, min(4, round(level[scale] + rng.gauss(0, 0.7))))
        for item, scale in zip(items["item_id"], items["scale"], strict=True)
    }


def _make(folder: Path, name: str, scopes, *, first: str, seed: int, workshop: str = "spring",
          role: str = "", goals: tuple[Goal, ...] = (), notes: str = "") -> ck.Workbook:
    wb = ck.Workbook.create(name, folder, workshop=workshop)
    if scopes:
        wb.give_consent("v1", scopes)
    wb.interests.responses.update(_responses(random.Random(seed), first))
    if role:
        wb.skills.target_soc_code = NURSE
        wb.skills.target_title = role
    wb.goals.goals.extend(goals)
    wb.notes = notes
    wb.save()
    return wb


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """8 people in the statistics (7 shared + 1 statistics only), all with S first; 5 of them
    aim at a role titled ``EVIL_ROLE``; 5 share-only people (R first, ``SECRET_ROLE``,
    education goals); one withdrawn."""
    folder = tmp_path_factory.mktemp("submitted")
    for i in range(7):
        text = EVIL_GOAL if i == 0 else f"I will finish {i + 2} online courses by June 2030"
        goal = Goal(text=text, category="skill", status="in progress" if i < 5 else "done")
        _make(folder, f"s{i}", ALL_SCOPES, first="S", seed=i, role=EVIL_ROLE if i < 5 else "",
              workshop=EVIL_WORKSHOP if i == 0 else "spring", goals=(goal,),
              notes="a note with a control character \x01 in it" if i == 1 else "")
    _make(folder, "t0", STATS_ONLY, first="S", seed=50)
    for j in range(5):
        _make(folder, f"h{j}", SHARE_ONLY, first="R", seed=100 + j, role=SECRET_ROLE,
              goals=(Goal(text=SECRET_GOAL, category="education", status="paused"),))
    gone = _make(folder, "w0", ALL_SCOPES, first="C", seed=200, role=SECRET_ROLE)
    gone.withdraw_consent()
    return folder


@pytest.fixture(scope="module")
def cohort(folder: Path) -> ck.cohort.Cohort:
    return ck.cohort.load(folder)


@pytest.fixture(scope="module")
def book(cohort, tmp_path_factory):
    out = cohort.export(tmp_path_factory.mktemp("out") / "cohort.xlsx", include_free_text=True)
    return load_workbook(out)


def _rows(sheet) -> list[list]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def _by_group(sheet) -> dict[str, list]:
    """First column → the rest of the row, header skipped."""
    return {r[0]: r[1:] for r in _rows(sheet)[1:]}


def test_xlsx_holds_every_table_of_the_dashboard_as_a_sheet(book):
    assert book.sheetnames == SHEETS
    for name in SHEETS[:-1]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert all(isinstance(cell.value, str) and cell.value for cell in sheet[1])
    header = [c.value for c in book["Participants"][1]]
    assert header[:4] == ["Code", "Workshop", "Interest items answered",
                          "Interest items in inventory"]
    assert [c.value for c in book["Target roles"][1]] == ["Target role", "People", "Share"]
    assert [c.value for c in book["Goal types"][1]] == ["Goal type", "Goals", "Share"]


def test_column_widths_fit_their_longest_cell(book):
    sheet = book["Participants"]
    header = [c.value for c in sheet[1]]
    widths = {h: sheet.column_dimensions[chr(ord("A") + i)].width for i, h in enumerate(header)}
    # wide enough for "Interest items in inventory" (27 characters), not the 13 default
    assert widths["Interest items in inventory"] >= len("Interest items in inventory")
    assert widths["Code"] >= len("P-ABCDEFGH") and widths["Code"] < 20
    assert widths["Notes"] >= 50  # free text wraps in a wide column
    reliability = book["Reliability"]
    assert reliability.column_dimensions["A"].width >= len("I (Investigative)")


def test_summary_sheets_hold_exactly_the_cells_the_dashboard_shows(cohort, book):
    tables = {t.title: t for t in cohort.tables(k=5, include_free_text=True)}
    assert list(tables) == SHEETS[:-1]
    for title in [*SUMMARY_SHEETS, "Reliability"]:
        table = tables[title]
        rows = _rows(book[title])
        assert rows[0] == list(table.frame.columns)
        expected = [
            [guard_cell(v) if isinstance(v, str) else v for v in record]
            for record in table.frame.itertuples(index=False, name=None)
        ]
        assert rows[1:] == expected, title


def test_suppressed_cells_show_the_marker_and_about_explains_it(cohort, book):
    # first letters: S 8 of 8 shown; every other letter 0 (zero counts are shown)
    letters = _by_group(book["Holland code first letter"])
    assert letters["S (Social)"] == [8, 1]
    assert letters["R (Realistic)"] == [0, 0]
    # progress per step at k=5: 8 done with interests; skills: 5 started? every count below 5
    # is the marker in both the count and the share cell
    steps = _rows(book["Progress per step"])[1:]
    hidden = [r for r in steps if r[2] == "<5"]
    assert hidden and all(r[3] == "<5" for r in hidden)
    # the marker sits right-aligned among the numbers of its column
    markers = [c for c in book["Progress per step"]["C"][1:] if c.value == "<5"]
    assert markers and all(c.alignment.horizontal == "right" for c in markers)
    shown = [r for r in steps if r[2] != "<5"]
    assert all(r[2] == 0 or r[2] >= 5 for r in shown)
    # roles: "+cmd…" named (5 people), the 3 without a role are not a group of this table
    roles = _by_group(book["Target roles"])
    assert roles == {"'" + EVIL_ROLE: [5, 1]}
    about = " ".join(str(c.value) for c in book["About"]["A"] if c.value)
    assert "'<5' holds a group of 1 to 4 people" in about
    assert "Statistics include 8 of 14 workbooks" in about
    assert "NOT pseudonymised" in about and "apostrophe" in about
    assert "cohort.xlsx.key.csv" in about
    for title in SUMMARY_SHEETS:
        assert title + ":" in about  # each sheet is described
    # long sentences wrap in rows tall enough to show them
    consent = book["About"]["A2"]
    assert consent.alignment.wrap_text and book["About"].row_dimensions[2].height >= 30


def test_numbers_are_stored_as_numbers(book):
    letters = book["Holland code first letter"]
    count, share = letters["B5"], letters["C5"]  # S (Social)
    assert (count.value, count.data_type) == (8, "n")
    assert share.data_type == "n" and share.number_format == "0%"
    scores = book["Interest scores"]
    # (a whole-number mean, such as 40 for the all-"like" S area, reads back as an int)
    assert all(isinstance(c.value, int | float) and c.data_type == "n" for c in scores["C"][1:])
    assert all(c.number_format == "0.0" for c in scores["C"][1:])
    sheet = book["Participants"]
    header = [c.value for c in sheet[1]]
    answered = sheet.cell(row=2, column=header.index("Interest items answered") + 1)
    assert answered.value == 60 and answered.data_type == "n"
    last = sheet.cell(row=2, column=header.index("Last change (UTC)") + 1)
    assert isinstance(last.value, datetime) and last.is_date
    counted = sheet.cell(row=2, column=header.index("Counted in statistics") + 1)
    assert isinstance(counted.value, bool)


def test_alpha_is_a_number_once_reported(cohort, tmp_path):
    out = cohort.export(tmp_path / "alpha.xlsx", min_n=5)
    sheet = load_workbook(out)["Reliability"]
    alphas = {a.value: d for a, d in zip(sheet["A"][1:], sheet["D"][1:], strict=True)}
    expected = cohort.reliability(min_n=5).set_index("scale")
    for letter in "RIAEC":
        cell = alphas[f"{letter} ({TYPE_NAMES[letter]})"]
        assert isinstance(cell.value, float) and cell.number_format == "0.00"
        assert cell.value == pytest.approx(expected.loc[letter, "alpha"])
    # everyone answered "like" to all S items: no variance, no alpha, and the note says why
    assert alphas["S (Social)"].value is None
    assert "no variation" in sheet["E"][4].value
    default = load_workbook(cohort.export(tmp_path / "few.xlsx"))["Reliability"]
    assert all(c.value is None for c in default["D"][1:])
    assert all("at least 30" in c.value for c in default["E"][1:])


def test_participant_text_is_neutralised_in_every_sheet(book):
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), (sheet.title, cell.value)
                    texts.add(cell.value)
    assert "'" + EVIL_GOAL in texts
    assert "'" + EVIL_ROLE in texts
    assert "'" + EVIL_WORKSHOP in texts
    # a control character XML cannot hold is dropped, the rest of the note kept
    assert "a note with a control character  in it" in texts


def test_nobody_without_statistics_consent_reaches_a_summary_sheet(cohort, book):
    summary_text = " ".join(
        str(cell.value)
        for title in [*SUMMARY_SHEETS, "Reliability"]
        for row in book[title].iter_rows()
        for cell in row
    )
    assert SECRET_ROLE not in summary_text and SECRET_GOAL not in summary_text
    assert _by_group(book["Holland code first letter"])["R (Realistic)"] == [0, 0]
    assert _by_group(book["Goal types"])["education"] == [0, 0]
    assert _by_group(book["Goal status"])["paused"] == [0, 0]
    # 5 goals in progress, 2 done: hiding the 2 alone would let the total give it away
    assert _by_group(book["Goal status"])["in progress"] == ["<5", "<5"]
    assert _by_group(book["Goal status"])["done"] == ["<5", "<5"]
    # interest-score means are those of the 8 in the statistics, not of the share-only R's
    people = list(cohort.statistics)
    assert len(people) == 8 and not any(m.pseudonym.startswith(("h", "w")) for m in people)
    means = _by_group(book["Interest scores"])
    for letter in RIASEC:
        values = [
            score(ck.Workbook.open(cohort.folder / m.file).interests.responses).scores[letter]
            for m in people
        ]
        n, mean_score, sd = means[f"{letter} ({TYPE_NAMES[letter]})"]
        assert n == 8
        assert mean_score == pytest.approx(mean(values))
        assert sd == pytest.approx(stdev(values))
    # …while their own rows (they shared) are in the participant table, and the statistics-
    # only participant's row is not
    codes = {c.value for c in book["Participants"]["A"][1:]}
    assert codes == {cohort.codes[m.pseudonym] for m in cohort.shared}
    assert len(codes) == 12 and "t0" not in cohort.codes


def test_a_cohort_smaller_than_k_gives_suppressed_summaries(tmp_path):
    small = tmp_path / "small"
    for i in range(3):
        _make(small, f"x{i}", ALL_SCOPES, first="I", seed=i, role="Nurse",
              goals=(Goal(text="Learn SQL", category="skill"),))
    cohort = ck.cohort.load(small)
    book = load_workbook(cohort.export(tmp_path / "small.xlsx", k=5))
    assert book.sheetnames == SHEETS
    for title in SUMMARY_SHEETS:
        rows = _rows(book[title])[1:]
        assert rows, title
        for row in rows:
            cells = [v for v in row if not isinstance(v, str) or v == "<5"]
            numbers = [v for v in cells if not isinstance(v, str)]
            assert all(v == 0 for v in numbers), (title, row)
    assert _rows(book["Target roles"])[1:] == [
        ["no group shown: fewer than 5 people in all", "<5", "<5"]
    ]
    assert _by_group(book["Interest scores"])["I (Investigative)"] == ["<5", "<5", "<5"]
    about = " ".join(str(c.value) for c in book["About"]["A"] if c.value)
    assert "Only 3 workbook(s) allow group statistics, fewer than 5" in about
    assert len(_rows(book["Participants"])) == 4


def test_k_decides_what_is_hidden_in_the_export(cohort, tmp_path):
    at_2 = load_workbook(cohort.export(tmp_path / "k2.xlsx", k=2))
    at_9 = load_workbook(cohort.export(tmp_path / "k9.xlsx", k=9))
    assert _by_group(at_2["Goal status"])["done"] == [2, 2 / 7]
    assert _by_group(at_2["Target roles"])["'" + EVIL_ROLE] == [5, 1]
    assert _by_group(at_9["Holland code first letter"])["S (Social)"] == ["<9", "<9"]
    about = " ".join(str(c.value) for c in at_9["About"]["A"] if c.value)
    assert "'<9' holds a group of 1 to 8 people" in about


def test_zip_holds_one_csv_per_table_with_the_same_cells(cohort, tmp_path):
    out = cohort.export(tmp_path / "cohort.zip", k=5)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_path(out).stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        files = {n: archive.read(n).decode("utf-8-sig") for n in names}
    assert names == [f"{t.key}.csv" for t in cohort.tables()] + ["about.txt"]
    assert "key" not in " ".join(names)
    roles = list(csv.reader(io.StringIO(files["target_roles.csv"])))
    assert roles == [["Target role", "People", "Share"], ["'" + EVIL_ROLE, "5", "1.0"]]
    letters = {r[0]: r[1:] for r in csv.reader(io.StringIO(files["holland_first_letter.csv"]))}
    assert letters["S (Social)"] == ["8", "1.0"]
    participants = list(csv.DictReader(io.StringIO(files["participants.csv"])))
    assert len(participants) == 12
    assert {r["Code"] for r in participants} == set(cohort.codes.values())
    assert "'" + EVIL_WORKSHOP in {r["Workshop"] for r in participants}
    assert "Notes" not in participants[0]  # no free text unless asked
    assert SECRET_ROLE not in "".join(v for n, v in files.items() if n != "participants.csv")
    assert "one CSV file per table" in files["about.txt"]
    assert "'<5' holds a group of 1 to 4 people" in files["about.txt"]


def test_csv_stays_the_participant_table_alone(cohort, tmp_path):
    out = cohort.export(tmp_path / "cohort.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 12 and list(rows[0])[:2] == ["code", "workshop"]
    # what the file is (and is not for) sits beside it, owner-only like the export
    about = out.with_name(out.name + ".about.txt")
    assert stat.S_IMODE(about.stat().st_mode) == 0o600
    text = about.read_text(encoding="utf-8-sig")  # with a BOM, as the CSV (for Excel)
    assert text.startswith(ck.datasets.NOT_FOR_SELECTION)
    for line in ck.datasets.credit().splitlines():
        assert line in text


def test_every_export_says_not_for_selection_and_credits_each_onet_release(cohort, book,
                                                                           tmp_path):
    about = "\n".join(str(c.value) for c in book["About"]["A"] if c.value)
    assert ck.datasets.NOT_FOR_SELECTION in about
    releases = {s["release"] for t in ck.datasets.provenance()["tables"].values()
                for s in t["sources"]}
    assert len(releases) >= 3
    for release in releases:
        assert f"O*NET {release} Database" in about
    out = cohort.export(tmp_path / "cohort.zip")
    with zipfile.ZipFile(out) as archive:
        text = archive.read("about.txt").decode("utf-8-sig")
    assert ck.datasets.NOT_FOR_SELECTION in text and "USDOL/ETA" in text


def test_means_are_hidden_below_k_and_computed_above():
    from careerkit.cohort import suppress_means

    table = suppress_means({"a": [10.0, 20.0, 30.0], "b": [5.0, 7.0], "c": [4.0]}, k=3)
    table = table.set_index("group")
    assert table.loc["a", "mean"] == 20 and table.loc["a", "sd"] == 10
    assert table.loc["a", "shown"] == "mean 20.0 (SD 10.0)"
    assert table.loc["b", "shown"] == "<3" and table["mean"].isna().sum() == 2
    single = suppress_means({"c": [4.0]}, k=1).iloc[0]
    assert single["mean"] == 4 and single["shown"] == "mean 4.0"  # one value: no SD


def test_an_empty_folder_exports_empty_tables_not_an_error(tmp_path):
    cohort = ck.cohort.load(tmp_path)
    book = load_workbook(cohort.export(tmp_path / "empty.xlsx"))
    assert book.sheetnames == SHEETS
    assert len(_rows(book["Participants"])) == 1  # the header
    # nobody counted: zero counts stay zero, with no share (of nobody)
    assert _by_group(book["Holland code first letter"])["S (Social)"] == [0, None]
    assert _by_group(book["Interest scores"])["S (Social)"] == ["<5", "<5", "<5"]
    with zipfile.ZipFile(cohort.export(tmp_path / "empty.zip")) as archive:
        assert archive.read("participants.csv").decode("utf-8-sig").count("\n") == 1


def test_goals_of_fewer_than_k_people_are_hidden_however_many_there_are(tmp_path):
    from careerkit.cohort import suppress_fixed

    table = suppress_fixed({"a": 12, "b": 6, "c": 0}, 5, people={"a": 7, "b": 1}).set_index("group")
    # b: six goals but one person -> hidden, and a with it (or the total would give b away)
    assert table.loc["b", "shown"] == "<5" and table.loc["a", "shown"] == "<5"
    assert table.loc["c", "shown"] == "0"
    assert suppress_fixed({"a": 9}, 5, people={"a": 9}, n_people=4)["shown"].tolist() == ["<5"]
    folder = tmp_path / "goals"
    for i in range(6):
        goals = [Goal(text=f"skill goal {i}", category="skill")]
        if i == 0:  # one keen person with six personal goals
            goals += [Goal(text=f"personal goal {j}", category="personal") for j in range(6)]
        _make(folder, f"g{i}", ALL_SCOPES, first="S", seed=i, goals=tuple(goals))
    cohort = ck.cohort.load(folder)
    categories = cohort.summary(k=5)["goal_categories"].set_index("group")
    assert categories.loc["personal", "shown"] == "<5"
    assert categories.loc["skill", "shown"] == "<5"  # hidden with it
    assert "written by fewer than 5 people" in " ".join(cohort.summary(k=5).notes)
    book = load_workbook(cohort.export(tmp_path / "goals.xlsx"))
    assert _by_group(book["Goal types"])["personal"] == ["<5", "<5"]


@pytest.mark.parametrize("name", ["cohort.xlsx", "cohort.zip", "cohort.csv"])
def test_a_file_that_cannot_be_written_is_named_in_a_plain_error(cohort, tmp_path, name):
    # a "folder" that is a file: writing inside it fails as it would on a full or locked disk
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ck.errors.InputError, match="not-a-folder"):
        cohort.export(blocker / name)
