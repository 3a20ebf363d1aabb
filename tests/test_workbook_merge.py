"""The generic field-by-field merge, on plain JSON values (no workbook needed)."""

from __future__ import annotations

from careerkit.workbook._merge import MISSING, changed_paths, join, merge, path_exists

T1, T2 = "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z"


def test_dict_entries_merge_per_key() -> None:
    base = {"responses": {"R01": 1}}
    ours = {"responses": {"R01": 1, "R02": 2}}
    theirs = {"responses": {"R01": 1, "R03": 3}}
    result = merge(base, ours, theirs, {}, {})
    assert result.value == {"responses": {"R01": 1, "R02": 2, "R03": 3}}
    assert result.conflicts == []


def test_key_removed_here_and_untouched_there_is_removed() -> None:
    base = {"ratings": {"a": 1, "b": 2}}
    result = merge(base, {"ratings": {"a": 1}}, base, {}, {})
    assert result.value == {"ratings": {"a": 1}}


def test_same_field_changed_on_both_sides_later_wins() -> None:
    base = {"notes": "a"}
    ours_times, theirs_times = {"/notes": T1}, {"/notes": T2}
    result = merge(base, {"notes": "ours"}, {"notes": "theirs"}, ours_times, theirs_times)
    assert result.value == {"notes": "theirs"}
    [conflict] = result.conflicts
    assert (conflict.path, conflict.value, conflict.winner) == ("/notes", "ours", "theirs")
    assert result.times["/notes"] == T2


def test_id_lists_merge_per_item_and_per_field_inside_items() -> None:
    base = {"goals": [{"id": "g1", "text": "a", "due": None}]}
    ours = {"goals": [{"id": "g1", "text": "a, better", "due": None}, {"id": "g2", "text": "b"}]}
    theirs = {"goals": [{"id": "g1", "text": "a", "due": "2027-06-30"}, {"id": "g3", "text": "c"}]}
    result = merge(base, ours, theirs, {}, {})
    assert result.value == {
        "goals": [
            {"id": "g1", "text": "a, better", "due": "2027-06-30"},
            {"id": "g2", "text": "b"},
            {"id": "g3", "text": "c"},
        ]
    }


def test_item_removed_here_but_edited_there_comes_back_if_edit_is_later() -> None:
    base = {"goals": [{"id": "g1", "text": "a"}]}
    ours = {"goals": []}
    theirs = {"goals": [{"id": "g1", "text": "a, edited"}]}
    result = merge(base, ours, theirs, {"/goals/@g1": T1}, {"/goals/@g1/text": T2})
    assert result.value == {"goals": [{"id": "g1", "text": "a, edited"}]}
    assert result.conflicts == []  # a removal that lost leaves nothing to keep


def test_reordering_here_is_kept_when_there_only_edits() -> None:
    base = {"goals": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}
    ours = {"goals": [{"id": "c"}, {"id": "a"}, {"id": "b"}]}
    theirs = {"goals": [{"id": "a", "x": 1}, {"id": "b"}, {"id": "c"}]}
    result = merge(base, ours, theirs, {}, {})
    assert [g["id"] for g in result.value["goals"]] == ["c", "a", "b"]
    assert result.value["goals"][1] == {"id": "a", "x": 1}


def test_two_way_merge_keeps_everything_and_decides_clashes_by_time() -> None:
    ours = {"responses": {"R01": 1, "R02": 5}, "notes": "old"}
    theirs = {"responses": {"R02": 4, "R03": 3}, "notes": "new"}
    result = merge(MISSING, ours, theirs, {"/responses/R02": T2, "/notes": T1}, {"/notes": T2})
    assert result.value == {"responses": {"R01": 1, "R02": 5, "R03": 3}, "notes": "new"}
    assert sorted(c.path for c in result.conflicts) == ["/notes", "/responses/R02"]


def test_plain_lists_are_one_field() -> None:
    base = {"held": ["sql"]}
    result = merge(base, {"held": ["sql", "excel"]}, {"held": ["python"]}, {}, {})
    assert result.value == {"held": ["sql", "excel"]}  # a tie: the copy saving now wins
    assert [c.value for c in result.conflicts] == [["python"]]


def test_true_and_one_are_different_values() -> None:
    assert changed_paths(1, True) == [""]
    assert merge(1, True, 1, {}, {}).value is True


def test_paths_escape_slashes_and_at_signs() -> None:
    assert join("", "a/b") == "/a~1b"
    assert join("", "@x") == "/~2x"
    assert join("", "@x", item=True) == "/@~2x"
    value = {"a/b": {"@x": 1}, "goals": [{"id": "g/1"}]}
    assert path_exists(value, "/a~1b/~2x")
    assert path_exists(value, "/goals/@g~11")
    assert not path_exists(value, "/goals/@g1")


def test_times_of_removed_fields_are_dropped() -> None:
    base = {"ratings": {"a": 1}}
    result = merge(base, {"ratings": {}}, base, {"/ratings/a": T2}, {"/ratings/a": T1})
    assert result.value == {"ratings": {}}
    assert result.times == {}
