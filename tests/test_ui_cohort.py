"""The counselor's cohort screen, driven headlessly: set values, click, read what it shows."""

from __future__ import annotations

import base64
import csv
import re
import stat
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.ui.cohort import SUBMIT_ENV, CohortScreen

SCOPES = ["store", "share_with_counselor", "cohort_statistics"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "submitted"
    inventory = ck.interests.load_inventory().items
    for i in range(6):
        wb = ck.Workbook.create(f"p{i}", folder, workshop="<b>evening</b>" if i == 0 else "=x")
        wb.give_consent("v1", SCOPES)
        wb.interests.responses.update(
            {item: 5 if scale == "S" else 2 for item, scale in
             zip(inventory["item_id"], inventory["scale"], strict=True)}
        )
        wb.notes = "a private note"
        wb.save()
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


def test_folder_defaults_to_the_submit_folder(monkeypatch, tmp_path, careerkit_home):
    # never the workbook home itself: only copies participants chose to send
    assert CohortScreen().folder.value == str(careerkit_home / "submitted")
    monkeypatch.setenv(SUBMIT_ENV, str(tmp_path))
    screen = CohortScreen()
    assert screen.folder.value == str(tmp_path)
    assert screen.folder.description and screen.k.description and screen.export_path.description


def test_loading_shows_progress_summary_skipped_files_and_charts(folder):
    screen = CohortScreen()
    screen.folder.value = str(folder)
    screen.k.value = 5
    screen.load_button.click()
    assert "Read 7 workbook(s)" in screen.message.value
    assert "broken.json" in screen.skipped.value and "not valid JSON" in screen.skipped.value
    assert "p5" in screen.progress.value
    # user text is escaped, never markup
    assert "&lt;b&gt;evening&lt;/b&gt;" in screen.progress.value
    assert "<b>evening" not in screen.progress.value
    assert "Statistics include 6 of 6 workbooks" in screen.summary.value
    assert "S (Social)" in screen.summary.value
    assert "at least 30" in screen.reliability.value
    assert len(screen.figures) == 4
    assert "S (Social): mean 40.0 (SD 0.0)" in ck.charts.summary(screen.figures[1])
    assert "S (Social): 6" in ck.charts.summary(screen.figures[0])


def test_export_writes_the_file_and_offers_downloads(folder, tmp_path):
    screen = CohortScreen(folder)
    screen.export_button.click()
    assert "Load the workbooks first" in screen.message.value
    screen.load_button.click()
    out = tmp_path / "out.csv"
    screen.export_path.value = str(out)
    screen.export_button.click()
    assert "Saved" in screen.message.value and "key" in screen.message.value
    assert "only the participant table" in screen.message.value
    assert stat.S_IMODE(Path(str(out) + ".key.csv").stat().st_mode) == 0o600
    links = re.findall(r'href="data:text/csv;base64,([^"]+)"', screen.downloads.value)
    assert len(links) == 2
    exported = base64.b64decode(links[0]).decode("utf-8-sig")
    rows = list(csv.DictReader(exported.splitlines()))
    assert len(rows) == 6 and all(r["code"].startswith("P-") for r in rows)
    assert "private note" not in exported
    assert {r["workshop"] for r in rows} == {"<b>evening</b>", "'=x"}


def test_free_text_and_pseudonyms_on_request_in_xlsx(folder, tmp_path):
    from openpyxl import load_workbook

    screen = CohortScreen(folder)
    screen.load_button.click()
    screen.export_path.value = str(tmp_path / "out.xlsx")
    screen.pseudonymise.value = False
    screen.free_text.value = True
    screen.export_button.click()
    sheet = load_workbook(tmp_path / "out.xlsx")["Participants"]
    header = [c.value for c in sheet[1]]
    assert "Pseudonym" in header and "Notes" in header
    assert "spreadsheetml" in screen.downloads.value
    assert not (tmp_path / "out.xlsx.key.csv").exists()


def test_problems_are_plain_messages(tmp_path):
    screen = CohortScreen(tmp_path / "nowhere")
    screen.load_button.click()
    assert "does not exist" in screen.message.value and screen.cohort is None
    empty = tmp_path / "empty"
    empty.mkdir()
    screen.folder.value = str(empty)
    screen.load_button.click()
    assert "no workbooks" in screen.message.value
    assert "shared their workbook" in screen.progress.value
    screen.export_path.value = str(tmp_path / "out.pdf")
    screen.export_button.click()
    assert "must end in .xlsx" in screen.message.value


def test_batch_export_writes_a_report_per_shared_workbook(folder, tmp_path):
    from careerkit.ui.cohort import BatchExportScreen

    private = ck.Workbook.create("private", folder)
    private.give_consent("v1", ["store", "cohort_statistics"])
    screen = BatchExportScreen(folder, charts="interactive")
    assert screen.out_folder.value == str(folder / "reports")
    screen.out_folder.value = str(tmp_path / "reports")
    screen.format.value = "html"
    screen.export_button.click()
    written = sorted(p.name for p in (tmp_path / "reports").glob("*.html"))
    assert written == [f"p{i}.html" for i in range(6)]  # not 'private': not shared
    assert "Wrote 6 report(s)" in screen.message.value
    assert (tmp_path / "reports" / "cohort.xlsx").exists()
    assert (tmp_path / "reports" / "cohort.xlsx.key.csv").exists()


def test_batch_export_with_nothing_shared_says_so(tmp_path):
    from careerkit.ui.cohort import BatchExportScreen

    screen = BatchExportScreen(tmp_path)
    screen.export_button.click()
    assert "no reports to write" in screen.message.value and screen.result is None
    screen.folder.value = str(tmp_path / "missing")
    screen.export_button.click()
    assert "does not exist" in screen.message.value


def _cell_after(label: str, html_text: str) -> str:
    """The table cell right after the first cell holding ``label``."""
    match = re.search(re.escape(label) + r"</td>\s*<td>([^<]*)</td>", html_text)
    assert match, label
    return match.group(1)


def _sheet_rows(path: Path, title: str) -> dict:
    from openpyxl import load_workbook

    rows = list(load_workbook(path)[title].iter_rows(values_only=True))
    return {r[0]: list(r[1:]) for r in rows[1:]}


def test_changing_k_redraws_the_summary_and_the_export_follows(folder, tmp_path):
    screen = CohortScreen(folder)
    screen.k.value = 3  # before loading: nothing to redraw, no error
    assert screen.message.value == "" and screen.summary.value == ""
    screen.load_button.click()
    assert _cell_after("S (Social)", screen.summary.value) == "6"
    assert "S (Social): 6" in ck.charts.summary(screen.figures[0])
    screen.k.value = 7
    assert "Only 6 workbook(s) allow group statistics, fewer than 7" in screen.summary.value
    assert _cell_after("S (Social)", screen.summary.value) == "&lt;7"
    assert "S (Social): <7" in ck.charts.summary(screen.figures[0])
    out = tmp_path / "k7.xlsx"
    screen.export_path.value = str(out)
    screen.export_button.click()
    assert "Saved" in screen.message.value
    assert _sheet_rows(out, "Holland code first letter")["S (Social)"] == ["<7", "<7"]
    screen.k.value = 2
    screen.export_button.click()
    assert _sheet_rows(out, "Holland code first letter")["S (Social)"] == [6, 1]
    assert _cell_after("S (Social)", screen.summary.value) == "6"


def test_every_exported_summary_table_is_on_screen(folder, tmp_path):
    from openpyxl import load_workbook

    screen = CohortScreen(folder)
    screen.load_button.click()
    out = tmp_path / "all.xlsx"
    screen.export_path.value = str(out)
    screen.export_button.click()
    sheets = load_workbook(out).sheetnames
    assert sheets[0] == "Participants" and sheets[-2:] == ["Reliability", "About"]
    for title in sheets[1:-2]:
        assert f"<h4>{title}</h4>" in screen.summary.value
    assert "Cronbach&#x27;s alpha" in screen.reliability.value
    # the progress table on screen has the export's readable headers
    assert "Interest items answered" in screen.progress.value
    assert ".zip" in screen.export_hint.value


def test_choosing_another_folder_and_exporting_a_zip(folder, tmp_path):
    import io
    import zipfile

    other = tmp_path / "other"
    wb = ck.Workbook.create("solo", other, workshop="+1")
    wb.give_consent("v1", SCOPES)
    screen = CohortScreen(folder)
    screen.load_button.click()
    screen.folder.value = str(other)
    screen.load_button.click()
    assert "Read 1 workbook(s)" in screen.message.value and "p5" not in screen.progress.value
    out = tmp_path / "solo.zip"
    screen.export_path.value = str(out)
    screen.export_button.click()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    links = re.findall(r'href="data:application/zip;base64,([^"]+)"', screen.downloads.value)
    assert len(links) == 1 and "key.csv" in screen.downloads.value
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(links[0]))) as archive:
        assert "participants.csv" in archive.namelist() and "about.txt" in archive.namelist()
        participants = archive.read("participants.csv").decode("utf-8-sig")
        roles = archive.read("target_roles.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(participants.splitlines()))
    assert len(rows) == 1 and rows[0]["Workshop"] == "'+1"
    assert "no group shown: fewer than 5 people in all,<5,<5" in roles
