"""Values replaced by a merge of two windows: listed, and put back without losing the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.goals import Goal


def _clash(tmp_path: Path, edit_first, edit_second) -> tuple[ck.Workbook, ck.Workbook]:
    """Two windows on one workbook change the same field; the second save wins."""
    first = ck.Workbook.create("river-42", tmp_path)
    first.goals.goals.append(Goal(id="g1", text="Learn SQL"))
    first.save()
    second = ck.Workbook.open(first.path)
    edit_first(first)
    first.save()
    edit_second(second)
    second.save()
    return first, second


def _on_disk(wb: ck.Workbook) -> dict:
    return json.loads(wb.path.read_text(encoding="utf-8"))


def test_replaced_note_is_listed_and_put_back(tmp_path: Path) -> None:
    _, wb = _clash(
        tmp_path,
        lambda w: setattr(w, "notes", "typed in the first tab"),
        lambda w: setattr(w, "notes", "typed in the second tab"),
    )
    [entry] = wb.replaced_values()
    assert (entry.field, entry.value) == ("/notes", "typed in the first tab")
    wb.put_back(entry.id)
    saved = _on_disk(wb)
    assert saved["notes"] == "typed in the first tab"
    # the value it replaced is kept in turn, and the entry is no longer offered
    [again] = wb.replaced_values()
    assert (again.value, again.reason) == ("typed in the second tab", "put_back")
    put = next(c for c in saved["history"] if c["id"] == entry.id)
    assert put["restored_at"] is not None


def test_put_back_survives_the_other_windows_next_save(tmp_path: Path) -> None:
    other, wb = _clash(
        tmp_path,
        lambda w: setattr(w, "notes", "first"),
        lambda w: setattr(w, "notes", "second"),
    )
    wb.put_back(wb.replaced_values()[0].id)
    other.interests.responses["R01"] = 5
    other.save()  # the stale window saves something else: the put-back value stays
    assert _on_disk(other)["notes"] == "first"
    assert other.notes == "first"


def test_replaced_goal_text_is_put_back_into_its_goal(tmp_path: Path) -> None:
    def edit(text: str):
        return lambda w: setattr(w.goals.goals[0], "text", text)

    _, wb = _clash(tmp_path, edit("Learn SQL by June 2027"), edit("Learn SQL in 6 months"))
    [entry] = wb.replaced_values()
    assert entry.field == "/goals/goals/@g1/text"
    goal = wb.goals.goals[0]
    wb.put_back(entry.id)
    assert goal.text == "Learn SQL by June 2027"  # the object a screen holds is updated
    assert _on_disk(wb)["goals"]["goals"][0]["text"] == "Learn SQL by June 2027"


def test_value_whose_goal_was_deleted_cannot_be_put_back(tmp_path: Path) -> None:
    def edit(text: str):
        return lambda w: setattr(w.goals.goals[0], "text", text)

    _, wb = _clash(tmp_path, edit("one"), edit("two"))
    entry = wb.replaced_values()[0]
    wb.goals.goals.clear()
    wb.save()
    with pytest.raises(ck.WorkbookError, match="no longer in the workbook"):
        wb.put_back(entry.id)


def test_records_are_not_offered_and_cannot_be_put_back(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.history.append(ck.workbook.Change(field="/consent/agreed", value=False))
    wb.save()
    assert wb.replaced_values() == []
    with pytest.raises(ck.WorkbookError, match="record"):
        wb.put_back(wb.history[0].id)
    with pytest.raises(ck.WorkbookError, match="no change"):
        wb.put_back("nope")
