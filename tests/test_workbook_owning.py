"""Owning your data: consent, upload, download, submitting a copy, deleting; open_current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.workbook import _current


def _workbook_bytes(folder: Path, pseudonym: str = "river-42", **answers: int) -> bytes:
    wb = ck.Workbook.create(pseudonym, folder)
    wb.interests.responses.update(answers)
    return wb.to_bytes()


# ---------------------------------------------------------------------- upload
def test_upload_into_empty_home_creates_the_workbook(tmp_path: Path) -> None:
    data = _workbook_bytes(tmp_path / "laptop", R01=4)
    wb = ck.Workbook.import_bytes(data, tmp_path / "hub")
    assert wb.path == tmp_path / "hub" / "river-42.json"
    assert wb.interests.responses == {"R01": 4}


def test_upload_of_a_copy_merges_answers_from_both(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "hub")
    downloaded = wb.to_bytes()
    copy_path = tmp_path / "laptop" / "river-42.json"
    copy_path.parent.mkdir()
    copy_path.write_bytes(downloaded)
    laptop = ck.Workbook.open(copy_path)
    laptop.interests.responses["R01"] = 4
    laptop.notes = "from the laptop"
    laptop.save()
    wb.interests.responses["I01"] = 2
    wb.save()
    merged = ck.Workbook.import_bytes(copy_path.read_bytes(), tmp_path / "hub")
    assert merged.interests.responses == {"R01": 4, "I01": 2}
    assert merged.notes == "from the laptop"


def test_upload_same_field_later_change_wins_other_kept_as_upload_history(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "hub")
    copy_path = tmp_path / "laptop" / "river-42.json"
    copy_path.parent.mkdir()
    copy_path.write_bytes(wb.to_bytes())
    laptop = ck.Workbook.open(copy_path)
    laptop.notes = "older, on the laptop"
    laptop.save()
    wb.notes = "newer, on the hub"
    wb.save()
    merged = ck.Workbook.import_bytes(copy_path.read_bytes(), tmp_path / "hub")
    assert merged.notes == "newer, on the hub"
    assert [(h.field, h.value, h.reason) for h in merged.history] == [
        ("/notes", "older, on the laptop", "upload")
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'{"name": "my-project", "version": "1.0.0"}', "not a careerkit workbook"),
        (b"[1, 2, 3]", "holds a list"),
        (
            b'{"format": "careerkit.workbook", "schema_version": 7, '
            b'"participant": {"pseudonym": "river-42"}}',
            "newer careerkit",
        ),
        (
            b'{"format": "careerkit.workbook", "schema_version": 1, '
            b'"participant": {"pseudonym": "../etc"}}',
            "participant.pseudonym",
        ),
        (b'{"format": "careerkit.workbook", "schema_version": 1}', "participant"),
        (b" " * (ck.workbook.MAX_BYTES + 1), "at most"),
    ],
)
def test_upload_refusals_say_why_and_change_nothing(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    with pytest.raises(ck.WorkbookError, match=reason):
        ck.Workbook.import_bytes(data, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_upload_of_another_persons_workbook_is_refused(tmp_path: Path) -> None:
    data = _workbook_bytes(tmp_path / "elsewhere", "sky-7")
    with pytest.raises(ck.WorkbookError, match="workbook of 'sky-7', not of 'river-42'"):
        ck.Workbook.import_bytes(data, tmp_path / "hub", pseudonym="river-42")
    assert not (tmp_path / "hub").exists()


def test_upload_of_a_different_workbook_with_same_pseudonym_is_refused(tmp_path: Path) -> None:
    here = ck.Workbook.create("river-42", tmp_path / "hub")
    here.notes = "mine"
    here.save()
    before = here.path.read_bytes()
    other = _workbook_bytes(tmp_path / "elsewhere", "river-42", R01=1)
    with pytest.raises(ck.WorkbookError, match="different workbook"):
        ck.Workbook.import_bytes(other, tmp_path / "hub")
    assert here.path.read_bytes() == before
    merged = ck.Workbook.import_bytes(other, tmp_path / "hub", merge_different=True)
    assert merged.notes == "mine" and merged.interests.responses == {"R01": 1}


def test_download_bytes_are_the_saved_file(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.notes = "unsaved until download"
    data = wb.to_bytes()
    assert data == wb.path.read_bytes()
    assert json.loads(data)["notes"] == "unsaved until download"
    assert wb.download_name == "river-42.json"


# ---------------------------------------------------------------------- consent and sharing
def test_submit_copy_needs_consent_to_share(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "mine")
    with pytest.raises(ck.WorkbookError, match="no consent"):
        wb.submit_copy(tmp_path / "counselor")
    wb.give_consent("2026-1", ["store"])
    with pytest.raises(ck.WorkbookError, match="does not include sharing"):
        wb.submit_copy(tmp_path / "counselor")
    assert not (tmp_path / "counselor" / "river-42.json").exists()
    assert wb.submissions == []


def test_submit_copy_records_the_consent_that_allowed_it(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "mine")
    wb.interests.responses["R01"] = 4
    wb.give_consent("2026-1", ["store", "share_with_counselor"])
    copy = wb.submit_copy(tmp_path / "counselor")
    assert copy == tmp_path / "counselor" / "river-42.json"
    shared = ck.Workbook.open(copy)
    assert shared.interests.responses == {"R01": 4}
    [record] = shared.submissions
    assert record.consent_version == "2026-1"
    assert record.consent_agreed_at == wb.consent.agreed_at
    assert ck.Workbook.open(wb.path).submissions == shared.submissions


def test_withdrawn_consent_stops_sharing(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "mine")
    wb.give_consent("2026-1", ["store", "share_with_counselor"])
    wb.withdraw_consent()
    assert ck.Workbook.open(wb.path).consent.withdrawn
    with pytest.raises(ck.WorkbookError, match="withdrawn"):
        wb.submit_copy(tmp_path / "counselor")


def test_under_16_needs_guardian_consent_noted_before_sharing(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "mine")
    wb.give_consent("2026-1", ["store", "share_with_counselor"], under_16=True)
    with pytest.raises(ck.WorkbookError, match="guardian"):
        wb.submit_copy(tmp_path / "counselor")
    wb.note_guardian_consent("Ms. Okafor")
    assert wb.submit_copy(tmp_path / "counselor").exists()
    assert ck.Workbook.open(wb.path).consent.guardian_noted_by == "Ms. Okafor"


def test_unknown_consent_scope_is_refused(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    with pytest.raises(ck.InputError, match="Unknown consent scope"):
        wb.give_consent("2026-1", ["store", "sell_my_data"])


# ---------------------------------------------------------------------- deleting
def test_delete_my_workbook_removes_file_backup_and_lock(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    other = ck.Workbook.create("sky-7", tmp_path)
    wb.notes = "x"
    wb.save()
    ck.workbook.remember_current(wb, tmp_path)
    removed = wb.delete()
    assert sorted(p.name for p in removed) == [
        ".river-42.json.lock",
        "river-42.json",
        "river-42.json.bak",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".sky-7.json.lock", "sky-7.json"]
    assert ck.workbook.remembered(tmp_path) is None
    assert other.path.exists()
    with pytest.raises(ck.WorkbookError, match="was deleted"):
        wb.save()


def test_delete_refuses_a_json_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    project = tmp_path / "package.json"
    project.write_text('{"name": "my-project"}')
    with pytest.raises(ck.WorkbookError, match="not a careerkit workbook"):
        ck.workbook.delete_workbook(project)
    assert project.exists()


def test_delete_accepts_a_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "river-42.json"
    path.write_bytes(b"{broken")
    assert ck.workbook.delete_workbook(path) == [path]


# ---------------------------------------------------------------------- open_current
def test_open_current_ignores_a_url_parameter_naming_a_workbook(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a guessed pseudonym in a link must not open anyone's workbook (issue 10)
    ck.Workbook.create("river-42")
    ck.Workbook.create("sky-7")
    ck.workbook.remember_current("sky-7")
    monkeypatch.setenv("QUERY_STRING", "workbook=River-42&theme=dark")
    assert ck.open_current().pseudonym == "sky-7"


def test_open_current_follows_the_start_screens_choice(careerkit_home: Path) -> None:
    ck.Workbook.create("sky-7")
    ck.workbook.remember_current("sky-7")
    assert (careerkit_home / "current.txt").read_text() == "sky-7\n"
    assert ck.open_current().pseudonym == "sky-7"


def test_default_home_is_workbooks_beside_the_notebooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREERKIT_HOME")
    (tmp_path / "notebooks" / "counselor").mkdir(parents=True)
    (tmp_path / "notebooks" / "00_start_here.ipynb").write_text("{}")
    monkeypatch.chdir(tmp_path / "notebooks" / "counselor")
    assert _current.home() == tmp_path / "notebooks" / "workbooks"
    monkeypatch.chdir(tmp_path)
    assert _current.home() == tmp_path / "notebooks" / "workbooks"


def test_sending_again_keeps_the_counselors_comment_in_the_copy(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "mine")
    wb.give_consent("2026-1", ["store", "share_with_counselor"])
    copy = wb.submit_copy(tmp_path / "counselor")
    counselor_view = ck.Workbook.open(copy)
    counselor_view.add_comment("Great start on the goals.", author="Ms. Okafor")
    wb.notes = "added after the first copy"
    wb.submit_copy(tmp_path / "counselor")
    final = ck.Workbook.open(copy)
    assert [c.text for c in final.counselor_comments] == ["Great start on the goals."]
    assert final.notes == "added after the first copy"
    assert len(final.submissions) == 2
