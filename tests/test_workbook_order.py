"""Saves that reach the disk in another order than they started must not undo a deletion nor
invent history: the change time is taken under the lock, and never goes back in time."""

from __future__ import annotations

import multiprocessing as mp
import random
import time
from datetime import timedelta
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.goals import Goal
from careerkit.workbook import _model, _workbook

fork = mp.get_context("fork")
ROUNDS = 150


def _add_and_delete(path: str, tag: str, barrier: mp.Barrier) -> None:  # runs in the child
    wb = ck.Workbook.open(path)
    rng = random.Random(tag)
    barrier.wait()
    for n in range(ROUNDS):
        goal = Goal(id=f"{tag}-{n}", text=f"goal {tag} {n}")
        wb.goals.goals.append(goal)
        wb.save()
        time.sleep(rng.uniform(0, 0.004))  # a person between two clicks, briefly
        wb.goals.goals[:] = [g for g in wb.goals.goals if g.id != goal.id]
        wb.save()
        time.sleep(rng.uniform(0, 0.004))


@pytest.mark.slow
def test_two_processes_adding_and_deleting_goals_lose_no_deletion(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    barrier = fork.Barrier(2)
    children = [
        fork.Process(target=_add_and_delete, args=(str(path), tag, barrier)) for tag in "ab"
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    wb = ck.Workbook.open(path)
    assert [g.id for g in wb.goals.goals] == []  # every deleted goal stays deleted
    assert wb.history == []  # nobody edited one field twice: nothing was replaced


def test_a_save_that_started_earlier_but_wrote_later_undoes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    mine, other = ck.Workbook.open(path), ck.Workbook.open(path)
    mine.goals.goals.append(Goal(id="g1", text="Finish the course"))
    mine.save()
    other.reload()
    # `other` reads its clock, then waits for the lock while `mine` saves: `mine`'s later
    # time reaches the disk first.
    early = _model.now()
    mine.notes = "saved while the other window waited"
    mine.save()
    for module in (_model, _workbook):
        monkeypatch.setattr(module, "now", lambda: early - timedelta(seconds=1))
    other.notes = "the window that waited"
    other.save()
    monkeypatch.undo()
    # The file never goes back in time...
    assert ck.Workbook.open(path).updated_at > mine.updated_at
    # ...so deleting the goal in `mine` now is a plain three-way merge: it stays deleted.
    mine.goals.goals.clear()
    mine.save()
    wb = ck.Workbook.open(path)
    assert wb.goals.goals == []
    assert wb.notes == "the window that waited"
    assert [h.field for h in wb.history] == ["/notes"]
