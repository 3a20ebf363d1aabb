"""Duplicate item ids: an item appended with an id its list already has gets a fresh id on save.

Without that, the merge would treat the whole list as one field, and a change made in another
window to any item of it could be lost.
"""

from __future__ import annotations

import json
from pathlib import Path

import careerkit as ck
from careerkit.goals import Goal, Milestone
from careerkit.workbook._unique import fresh_duplicate_ids


def _goals_on_disk(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["goals"]["goals"]


def test_goal_appended_with_an_existing_id_is_kept_under_a_fresh_id(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(Goal(id="g1", text="Finish the SQL course by June 2027"))
    wb.save()
    copy = Goal(id="g1", text="Apply to 5 data analyst jobs a week")
    wb.goals.goals.append(copy)
    wb.save()
    saved = _goals_on_disk(wb.path)
    assert [g["text"] for g in saved] == [
        "Finish the SQL course by June 2027",
        "Apply to 5 data analyst jobs a week",
    ]
    assert saved[0]["id"] == "g1" and saved[1]["id"] != "g1"
    assert copy.id == saved[1]["id"]  # the object a screen holds carries the new id


def test_item_inserted_before_the_original_leaves_the_original_its_id(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(Goal(id="g1", text="original"))
    wb.save()
    wb.goals.goals.insert(0, Goal(id="g1", text="newcomer"))
    wb.save()
    by_text = {g["text"]: g["id"] for g in _goals_on_disk(wb.path)}
    assert by_text["original"] == "g1" and by_text["newcomer"] != "g1"


def test_the_same_object_appended_twice_becomes_two_items(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    goal = Goal(text="Talk to two nurses about their work")
    wb.goals.goals += [goal, goal]
    wb.save()
    saved = _goals_on_disk(wb.path)
    assert len(saved) == 2 and saved[0]["id"] != saved[1]["id"]
    assert wb.goals.goals[0] is not wb.goals.goals[1]


def test_duplicate_milestone_ids_inside_a_goal_are_fixed_too(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.goals.goals.append(
        Goal(
            text="goal", milestones=[Milestone(id="m", title="one"), Milestone(id="m", title="two")]
        )
    )
    wb.save()
    [goal] = _goals_on_disk(wb.path)
    assert [m["title"] for m in goal["milestones"]] == ["one", "two"]
    assert len({m["id"] for m in goal["milestones"]}) == 2


def test_after_a_duplicate_the_list_still_merges_item_by_item(tmp_path: Path) -> None:
    first = ck.Workbook.create("river-42", tmp_path)
    first.goals.goals.append(Goal(id="g1", text="original"))
    first.save()
    second = ck.Workbook.open(first.path)
    # Window 1 appends a goal reusing the id; window 2 edits the original goal.
    first.goals.goals.append(Goal(id="g1", text="added in window 1"))
    first.save()
    second.goals.goals[0].text = "original, edited in window 2"
    second.save()
    texts = sorted(g["text"] for g in _goals_on_disk(first.path))
    assert texts == ["added in window 1", "original, edited in window 2"]
    assert second.history == []  # no field lost to the other window


def test_unique_ids_are_left_alone() -> None:
    goals = [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}]
    assert fresh_duplicate_ids(goals) == []
    assert [g["id"] for g in goals] == ["a", "b"]


def test_plain_dict_items_get_fresh_ids_and_the_change_is_reported() -> None:
    data = {"postings": [{"id": "p", "title": "one"}, {"id": "p", "title": "two"}]}
    [changed] = fresh_duplicate_ids(data)
    assert changed.startswith("/postings: p -> ")
    assert data["postings"][0]["id"] == "p" and data["postings"][1]["id"] != "p"
