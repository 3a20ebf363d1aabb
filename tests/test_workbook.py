"""The workbook file: create/open/save, merging two copies, migration, safe names."""

from __future__ import annotations

import json
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
