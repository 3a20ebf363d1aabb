"""The workbook file: create/open/save, merging two copies, migration, safe names."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.goals import Goal

FIXTURES = Path(__file__).parent / "fixtures"


def test_create_writes_owner_only_file_named_by_pseudonym(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "workbooks"
    wb = ck.Workbook.create("river-42", folder)
    assert wb.path == folder / "river-42.json"
    assert stat.S_IMODE(wb.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert json.loads(wb.path.read_text())["participant"]["pseudonym"] == "river-42"


def test_in_place_answer_change_is_saved(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.interests.responses["R03"] = 4
    wb.notes = "likes building things"
    wb.goals.goals.append(Goal(text="Learn SQL by June"))
    wb.save()
    again = ck.Workbook.open(wb.path)
    assert again.interests.responses == {"R03": 4}
    assert again.notes == "likes building things"
    assert [g.text for g in again.goals.goals] == ["Learn SQL by June"]


def test_two_copies_changing_different_answers_keep_both(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    a, b = ck.Workbook.open(path), ck.Workbook.open(path)
    a.interests.responses["R01"] = 4
    a.goals.goals.append(Goal(text="Learn SQL"))
    b.interests.responses["R02"] = 2
    b.goals.goals.append(Goal(text="Meet two analysts"))
    a.save()
    b.save()
    final = ck.Workbook.open(path)
    assert final.interests.responses == {"R01": 4, "R02": 2}
    assert [g.text for g in final.goals.goals] == ["Learn SQL", "Meet two analysts"]
    assert final.history == []


def test_same_answer_changed_twice_later_wins_earlier_in_history(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    a, b = ck.Workbook.open(path), ck.Workbook.open(path)
    a.interests.responses["R03"] = 2
    b.interests.responses["R03"] = 5
    a.save()
    b.save()
    final = ck.Workbook.open(path)
    assert final.interests.responses["R03"] == 5
    assert [(h.field, h.value) for h in final.history] == [("/interests/responses/R03", 2)]


def test_old_schema_file_migrates(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "workbook_v0.json", tmp_path / "river-42.json")
    wb = ck.Workbook.open(tmp_path / "river-42.json")
    assert wb.schema_version == ck.workbook.SCHEMA_VERSION
    assert wb.participant.pseudonym == "river-42"
    assert wb.participant.workshop == "Spring 2025 evening workshop"
    assert wb.interests.responses["R02"] == 5
    assert wb.skills.ratings == {"2.A.1.a": 3, "2.B.1.a": 4}
    assert wb.skills.target_soc_code == "15-1252.00"
    assert wb.goals.goals[0].text.startswith("Finish an introductory SQL")
    assert wb.consent.agreed and wb.consent.agreed_to == ["store"]


@pytest.mark.parametrize("bad", ["../x", "a/b", "", "x" * 300, "bad\x00id", "tab\there", "."])
def test_unsafe_pseudonyms_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ck.InputError, match="letters a–z"):
        ck.Workbook.create(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_open_current_without_a_choice_gives_demo_in_home(careerkit_home: Path) -> None:
    wb = ck.open_current()
    assert wb.path == careerkit_home / "demo.json"


# ---------------------------------------------------------------------- more merge behaviour
def test_section_object_held_by_a_screen_sees_merged_answers(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    a, b = ck.Workbook.open(path), ck.Workbook.open(path)
    held = a.interests  # a screen keeps a reference to its section
    b.interests.responses["I01"] = 3
    b.save()
    held.responses["R01"] = 5
    a.save()
    assert held is a.interests
    assert held.responses == {"R01": 5, "I01": 3}


def test_goal_removed_in_one_copy_and_added_in_another(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(Goal(text="Old goal"))
    wb.save()
    a, b = ck.Workbook.open(wb.path), ck.Workbook.open(wb.path)
    a.goals.goals.clear()
    b.goals.goals.append(Goal(text="New goal"))
    a.save()
    b.save()
    assert [g.text for g in ck.Workbook.open(wb.path).goals.goals] == ["New goal"]


def test_field_changed_in_one_copy_and_goal_text_in_other_both_kept(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(Goal(text="Learn SQL"))
    wb.save()
    a, b = ck.Workbook.open(wb.path), ck.Workbook.open(wb.path)
    a.goals.goals[0].text = "Learn SQL by June 2027"
    b.goals.interview_answer = "I want to work with data"
    a.save()
    b.save()
    final = ck.Workbook.open(wb.path)
    assert final.goals.goals[0].text == "Learn SQL by June 2027"
    assert final.goals.interview_answer == "I want to work with data"


def test_unknown_fields_written_by_a_newer_version_survive_a_save(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    data = json.loads(wb.path.read_text())
    data["portfolio_links"] = ["https://example.org/me"]
    wb.path.write_text(json.dumps(data))
    again = ck.Workbook.open(wb.path)
    again.notes = "still here"
    again.save()
    assert json.loads(wb.path.read_text())["portfolio_links"] == ["https://example.org/me"]


def test_reload_brings_in_other_window_and_keeps_unsaved_change(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    a, b = ck.Workbook.open(path), ck.Workbook.open(path)
    b.interests.responses["E01"] = 2
    b.save()
    a.notes = "typed, not saved yet"
    a.reload()
    assert a.interests.responses == {"E01": 2}
    assert a.notes == "typed, not saved yet"
    a.save()
    final = ck.Workbook.open(path)
    assert (final.notes, final.interests.responses) == ("typed, not saved yet", {"E01": 2})


# ---------------------------------------------------------------------- failures
def _only_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_read_only_folder_gives_clear_error_and_keeps_file(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    before = wb.path.read_bytes()
    wb.notes = "new"
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ck.WorkbookError, match=r"not writable|permission"):
            wb.save()
    finally:
        tmp_path.chmod(0o700)
    assert wb.path.read_bytes() == before


def test_read_only_disk_simulated_gives_clear_error_and_keeps_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    before = wb.path.read_bytes()
    real_open = os.open

    def read_only_open(path, flags, *args, **kwargs):
        if flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR) and Path(path).parent == tmp_path:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_open)
    wb.notes = "new"
    with pytest.raises(ck.WorkbookError, match="read-only disk"):
        wb.save()
    monkeypatch.undo()
    assert wb.path.read_bytes() == before
    assert wb.notes == "new"  # still on screen; a later save works
    wb.save()
    assert ck.Workbook.open(wb.path).notes == "new"


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_full_disk_gives_clear_error_and_keeps_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.interests.responses["R01"] = 4
    wb.save()
    before = wb.path.read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, call, full)
    wb.interests.responses["R02"] = 5
    with pytest.raises(ck.WorkbookError, match="disk is full"):
        wb.save()
    monkeypatch.undo()
    assert wb.path.read_bytes() == before
    assert not [n for n in _only_files(tmp_path) if n.endswith(".tmp")]


def test_file_deleted_under_us_is_not_silently_recreated(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.path.unlink()
    wb.notes = "typed after the deletion"
    with pytest.raises(ck.WorkbookError, match="was deleted"):
        wb.save()
    assert not wb.path.exists()
    wb.save(recreate=True)
    assert ck.Workbook.open(wb.path).notes == "typed after the deletion"


def test_file_replaced_by_garbage_gives_error_offering_backup(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.interests.responses["R01"] = 4
    wb.save()
    wb.interests.responses["R02"] = 5
    wb.save()  # the backup now holds R01 only
    wb.path.write_bytes(b"\x00garbage{")
    wb.notes = "typed meanwhile"
    with pytest.raises(ck.WorkbookError, match="from_backup=True") as info:
        wb.save()
    assert "restore_backup" in str(info.value)
    assert wb.path.read_bytes() == b"\x00garbage{"  # left as found, not overwritten
    with pytest.raises(ck.WorkbookError, match="damaged"):
        ck.Workbook.open(wb.path)
    assert ck.Workbook.open(wb.path, from_backup=True).interests.responses == {"R01": 4}
    restored = ck.Workbook.restore_backup(wb.path)
    assert restored.interests.responses == {"R01": 4}
    assert [p.name for p in tmp_path.glob("river-42.json.damaged-*")]
    wb.save()  # the window's answers merge into the restored file
    final = ck.Workbook.open(wb.path)
    assert final.interests.responses == {"R01": 4, "R02": 5}
    assert final.notes == "typed meanwhile"


def test_backup_lock_and_file_are_owner_only_and_never_json(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.notes = "x"
    wb.save()
    names = _only_files(tmp_path)
    assert names == [".river-42.json.lock", "river-42.json", "river-42.json.bak"]
    for name in names:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert [p.name for p in tmp_path.glob("*.json")] == ["river-42.json"]


def test_creating_an_existing_workbook_is_refused(tmp_path: Path) -> None:
    ck.Workbook.create("river-42", tmp_path)
    with pytest.raises(ck.WorkbookError, match="already exists"):
        ck.Workbook.create("River-42", tmp_path)
    assert ck.Workbook.create("river-42", tmp_path, exist_ok=True).pseudonym == "river-42"


def test_newer_schema_is_refused_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "river-42.json"
    path.write_text(
        json.dumps(
            {
                "format": "careerkit.workbook",
                "schema_version": 99,
                "participant": {"pseudonym": "river-42"},
            }
        )
    )
    with pytest.raises(ck.WorkbookError, match="newer careerkit"):
        ck.Workbook.open(path)


def test_invalid_field_is_named(tmp_path: Path) -> None:
    path = tmp_path / "river-42.json"
    path.write_text(
        json.dumps(
            {
                "format": "careerkit.workbook",
                "schema_version": 1,
                "participant": {"pseudonym": "river-42"},
                "interests": {"responses": {"R01": "very much"}},
            }
        )
    )
    with pytest.raises(ck.WorkbookError, match=r"interests\.responses\.R01"):
        ck.Workbook.open(path)


def test_fields_from_a_newer_version_inside_sections_survive_saves(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(Goal(text="Learn SQL"))
    wb.save()
    data = json.loads(wb.path.read_text())
    data["interests"]["future_field"] = {"kept": True}
    data["goals"]["goals"][0]["colour"] = "teal"
    wb.path.write_text(json.dumps(data))
    again = ck.Workbook.open(wb.path)
    again.notes = "one"
    again.save()
    again.notes = "two"  # a second save takes the fast path (file unchanged since the first)
    again.save()
    wb.interests.responses["R01"] = 3  # the older window merges and keeps them too
    wb.save()
    final = json.loads(wb.path.read_text())
    assert final["interests"]["future_field"] == {"kept": True}
    assert final["goals"]["goals"][0]["colour"] == "teal"
    assert final["notes"] == "two" and final["interests"]["responses"] == {"R01": 3}


def test_migrated_workbook_is_saved_in_the_new_schema_with_the_old_file_as_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "river-42.json"
    shutil.copy(FIXTURES / "workbook_v0.json", path)
    wb = ck.Workbook.open(path)
    wb.notes += " And the people ones."
    wb.save()
    saved = json.loads(path.read_text())
    assert saved["format"] == "careerkit.workbook"
    assert saved["schema_version"] == ck.workbook.SCHEMA_VERSION
    assert "participant_id" not in saved
    assert saved["notes"].endswith("And the people ones.")
    assert json.loads((tmp_path / "river-42.json.bak").read_text())["participant_id"] == "River-42"


def test_migrating_the_same_old_file_twice_gives_the_same_goal_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(FIXTURES / "workbook_v0.json", tmp_path / "a" / "river-42.json")
    shutil.copy(FIXTURES / "workbook_v0.json", tmp_path / "b" / "river-42.json")
    ids_a = [g.id for g in ck.Workbook.open(tmp_path / "a" / "river-42.json").goals.goals]
    ids_b = [g.id for g in ck.Workbook.open(tmp_path / "b" / "river-42.json").goals.goals]
    assert ids_a == ids_b and len(set(ids_a)) == 2


def test_renamed_workbook_file_is_refused_with_the_right_name(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    renamed = tmp_path / "sky-7.json"
    wb.path.rename(renamed)
    with pytest.raises(ck.WorkbookError, match=r"Rename it to river-42\.json"):
        ck.Workbook.open(renamed)


def test_save_waiting_too_long_for_the_lock_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import filelock

    from careerkit.workbook import _store

    wb = ck.Workbook.create("river-42", tmp_path)
    before = wb.path.read_bytes()
    monkeypatch.setattr(_store, "LOCK_TIMEOUT", 0.2)
    other_window = filelock.FileLock(str(_store.lock_path(wb.path)))
    with other_window:
        wb.notes = "waiting"
        with pytest.raises(ck.WorkbookError, match="being saved by another window"):
            wb.save()
    assert wb.path.read_bytes() == before
    wb.save()
    assert ck.Workbook.open(wb.path).notes == "waiting"


def test_invalid_value_set_by_a_screen_is_refused_before_writing(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    before = wb.path.read_bytes()
    wb.interests.responses["R01"] = "very much"  # type: ignore[assignment]
    with (
        pytest.raises(ck.WorkbookError, match=r"interests\.responses\.R01"),
        pytest.warns(UserWarning),
    ):
        wb.save()
    assert wb.path.read_bytes() == before


def test_create_in_a_read_only_place_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ck.WorkbookError, match="Cannot create the workbook folder"):
        ck.Workbook.create("river-42", tmp_path / "new")


def test_changing_the_pseudonym_in_place_is_refused(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.participant.pseudonym = "../elsewhere"
    with pytest.raises(ck.WorkbookError, match="cannot be changed"):
        wb.save()
    assert list(tmp_path.glob("*.json")) == [wb.path]


def test_milestone_added_in_one_window_goal_reworded_in_another_both_kept(
    tmp_path: Path,
) -> None:
    from datetime import date

    from careerkit.goals import Milestone

    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(Goal(text="Learn SQL"))
    wb.save()
    a, b = ck.Workbook.open(wb.path), ck.Workbook.open(wb.path)
    a.goals.goals[0].milestones.append(Milestone(title="Finish lesson 1", due=date(2027, 1, 31)))
    b.goals.goals[0].text = "Learn SQL well enough for an analyst job by June 2027"
    b.goals.goals[0].confidence = 7
    a.save()
    b.save()
    [goal] = ck.Workbook.open(wb.path).goals.goals
    assert goal.text.startswith("Learn SQL well enough")
    assert goal.confidence == 7
    assert [m.title for m in goal.milestones] == ["Finish lesson 1"]
