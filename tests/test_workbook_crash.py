"""The property under stress: processes killed mid-save, processes and threads saving at once.

Writers are forked (``multiprocessing`` "fork" context) so that a trial costs milliseconds, not
an interpreter start-up.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import threading
import time
from pathlib import Path

import pytest

import careerkit as ck

KILL_TRIALS = 30
AREAS = "RIASEC"
ITEMS = [f"{area}{n:02d}" for area in AREAS for n in range(1, 11)]  # 60 answers

fork = mp.get_context("fork")


def _generation_answers(generation: int) -> dict[str, int]:
    return dict.fromkeys(ITEMS, generation % 5 + 1)


def _writer(path: str, saved: mp.Value, start: int) -> None:  # runs in the child
    wb = ck.Workbook.open(path)
    generation = start
    while True:
        generation += 1
        wb.interests.responses.update(_generation_answers(generation))
        wb.notes = f"generation {generation}"
        wb.save()
        saved.value = generation


def _assert_one_generation(path: Path, last_reported: int) -> int:
    wb = ck.Workbook.open(path)  # must load: never half a file
    backup = ck.Workbook.open(path, from_backup=True)  # and so must the backup
    if backup.notes:  # (the version written by create() has no answers yet)
        backup_generation = int(backup.notes.removeprefix("generation "))
        assert backup.interests.responses == _generation_answers(backup_generation)
    else:
        assert backup.interests.responses == {}
    generation = int(wb.notes.removeprefix("generation "))
    # Either the last save the writer finished, or the one it was in the middle of.
    assert generation in (last_reported, last_reported + 1)
    # And never a mix of two saves.
    assert wb.interests.responses == _generation_answers(generation)
    return generation


@pytest.mark.slow
def test_writer_killed_at_random_moments_leaves_old_or_new_answers(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    rng = random.Random(20261121)
    generation = 0
    for _ in range(KILL_TRIALS):
        saved = fork.Value("i", -1, lock=False)  # a lock could die with the child
        child = fork.Process(target=_writer, args=(str(path), saved, generation))
        child.start()
        deadline = time.monotonic() + 30
        while saved.value < generation + 1 and time.monotonic() < deadline:
            time.sleep(0.001)
        assert saved.value >= generation + 1, "the writer never saved"
        time.sleep(rng.uniform(0, 0.02))
        child.kill()
        child.join()
        generation = _assert_one_generation(path, saved.value)
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["river-42.json"]
    # A crash can leave a temporary file; the next save clears it away.
    ck.Workbook.open(path).save()
    assert not list(tmp_path.glob("*.tmp"))


def _answer_many(path: str, area: str, barrier: mp.Barrier) -> None:  # runs in the child
    wb = ck.Workbook.open(path)
    barrier.wait()
    for n in range(1, 11):
        wb.interests.responses[f"{area}{n:02d}"] = n % 5 + 1
        wb.save()


def test_two_processes_answering_different_items_keep_all_answers(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    barrier = fork.Barrier(2)
    children = [fork.Process(target=_answer_many, args=(str(path), area, barrier)) for area in "RI"]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
        assert child.exitcode == 0
    responses = ck.Workbook.open(path).interests.responses
    assert responses == {f"{a}{n:02d}": n % 5 + 1 for a in "RI" for n in range(1, 11)}


def test_two_threads_with_own_workbook_objects_keep_all_answers(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def answer(area: str) -> None:
        try:
            _answer_many(str(path), area, barrier)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(area,)) for area in "AS"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    responses = ck.Workbook.open(path).interests.responses
    assert responses == {f"{a}{n:02d}": n % 5 + 1 for a in "AS" for n in range(1, 11)}


def _write_notes(path: str, text: str, ready: mp.Event, go: mp.Event) -> None:
    wb = ck.Workbook.open(path)
    wb.notes = text
    ready.set()
    go.wait(30)
    wb.save()


def test_two_processes_changing_the_same_answer_later_wins_earlier_kept(tmp_path: Path) -> None:
    path = ck.Workbook.create("river-42", tmp_path).path
    first_ready, second_ready, go_first, go_second = (fork.Event() for _ in range(4))
    first = fork.Process(target=_write_notes, args=(str(path), "first", first_ready, go_first))
    second = fork.Process(target=_write_notes, args=(str(path), "second", second_ready, go_second))
    first.start()
    second.start()
    assert first_ready.wait(30) and second_ready.wait(30)  # both loaded the same version
    go_first.set()
    first.join(30)
    go_second.set()
    second.join(30)
    assert (first.exitcode, second.exitcode) == (0, 0)
    wb = ck.Workbook.open(path)
    assert wb.notes == "second"
    assert [(h.field, h.value) for h in wb.history] == [("/notes", "first")]
