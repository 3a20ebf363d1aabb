"""Workbook keys: what protects a workbook on one shared Voilà server (``_keys``), and the start
screen asking for them."""

from __future__ import annotations

import json
import re
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.ui.start import StartScreen
from careerkit.workbook import _keys

KEY = re.compile(r"\b([2-9A-Z]{4}-[2-9A-Z]{4})\b")


def test_a_key_is_shown_once_and_stored_only_as_a_salted_hash(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    key = _keys.issue_key(wb.path)
    assert KEY.fullmatch(key)
    stored = _keys.key_path(wb.path)
    assert stored.name == ".river-42.json.key" and not stored.name.endswith(".json")
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    record = json.loads(stored.read_text())
    assert key.replace("-", "") not in stored.read_text() and record["scheme"] == "scrypt"
    # the same key twice gives two different hashes (salted)
    other = ck.Workbook.create("sky-7")
    stored2 = _keys.key_path(other.path)
    _keys.issue_key(other.path)
    assert json.loads(stored2.read_text())["salt"] != record["salt"]


def test_the_key_opens_in_any_case_with_or_without_its_dash(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    key = _keys.issue_key(wb.path)
    assert _keys.check_key(wb.path, key)
    assert _keys.check_key(wb.path, key.lower().replace("-", " "))
    assert not _keys.check_key(wb.path, "2222-2222")
    assert not _keys.check_key(wb.path, key[:-1])
    assert not _keys.check_key(wb.path, "")


def test_a_new_key_replaces_the_old_one(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    old = _keys.issue_key(wb.path)
    new = _keys.issue_key(wb.path)
    assert _keys.check_key(wb.path, new) and not _keys.check_key(wb.path, old)


def test_no_key_file_matches_nothing_and_a_damaged_one_says_so(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    assert not _keys.has_key(wb.path) and not _keys.check_key(wb.path, "ABCD-EFGH")
    _keys.key_path(wb.path).write_text("{ not json")
    with pytest.raises(ck.WorkbookError, match="damaged; your counselor can issue a new key"):
        _keys.check_key(wb.path, "ABCD-EFGH")


# ---------------------------------------------------------------------- the start screen
@pytest.fixture
def in_voila(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")


def _screen(**kwargs) -> StartScreen:
    screen = StartScreen(None, app=True, **kwargs)
    screen.consent_store.value = True
    return screen


def _create(name: str = "river-42") -> tuple[StartScreen, str]:
    screen = _screen()
    screen.pseudonym.value = name
    screen.create_button.click()
    found = KEY.search(screen.key_area.value)
    assert found, screen.key_area.value
    return screen, found.group(1)


def test_creating_shows_the_key_once(careerkit_home: Path, in_voila: None) -> None:
    screen, key = _create()
    assert "shown only this once" in screen.key_area.value
    assert _keys.check_key(careerkit_home / "river-42.json", key)
    assert not (careerkit_home / "current.txt").exists()  # nothing server-wide under Voilà


def test_creating_twice_is_harmless(careerkit_home: Path, in_voila: None) -> None:
    screen, key = _create()
    screen.create_button.click()
    assert "ready and saved" in screen.message.value and "error" not in screen.message.value
    assert key in screen.key_area.value  # the same key, still on screen


def test_opening_needs_the_right_key(careerkit_home: Path, in_voila: None) -> None:
    _first, key = _create()
    other = _screen()
    other.pseudonym.value = "river-42"
    other.open_button.click()
    assert "Type your workbook's key" in other.message.value and other.wb is None
    other.key.value = "2222-2222"
    other.open_button.click()
    assert "does not open the workbook" in other.message.value and other.wb is None
    other.key.value = key.lower()
    other.open_button.click()
    assert other.wb is not None and other.wb.pseudonym == "river-42"
    assert other.key.value == ""  # not left on screen


def test_a_workbook_without_a_key_does_not_open_under_voila(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.Workbook.create("old-1").give_consent("2026-1")
    screen = _screen()
    screen.pseudonym.value = "old-1"
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    screen.open_button.click()
    assert "has no key yet" in screen.message.value and screen.wb is None
    # on one person's own server (JupyterLab) an old workbook still opens
    monkeypatch.delenv("SERVER_SOFTWARE")
    screen.open_button.click()
    assert screen.wb is not None and screen.wb.pseudonym == "old-1"


def _upload(screen: StartScreen, data: bytes) -> None:
    screen.upload.value = (
        {
            "name": "river-42.json",
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(UTC),
        },
    )


def test_uploading_into_someone_elses_workbook_needs_its_key(
    careerkit_home: Path, in_voila: None
) -> None:
    first, key = _create()
    first.wb.notes = "mine"
    first.wb.save()
    copy = first.wb.to_bytes()
    intruder = _screen()
    _upload(intruder, copy)
    assert "type its key" in intruder.upload_message.value and intruder.wb is None
    intruder.key.value = key
    _upload(intruder, copy)
    assert intruder.wb is not None and intruder.wb.pseudonym == "river-42"


def test_uploading_a_new_workbook_gives_it_a_key(
    careerkit_home: Path, tmp_path: Path, in_voila: None
) -> None:
    elsewhere = ck.Workbook.create("sky-7", tmp_path)
    screen = _screen()
    _upload(screen, elsewhere.to_bytes())
    assert screen.wb is not None and KEY.search(screen.key_area.value)
    assert _keys.has_key(careerkit_home / "sky-7.json")


def test_deleting_removes_the_key_too(careerkit_home: Path, in_voila: None) -> None:
    screen, _key = _create()
    screen.delete_confirm.value = True
    screen.delete_button.click()
    assert not (careerkit_home / "river-42.json").exists()
    assert not _keys.key_path(careerkit_home / "river-42.json").exists()


def test_a_counselor_resets_a_lost_key(careerkit_home: Path, capsys) -> None:
    from careerkit.cli import main

    wb = ck.Workbook.create("river-42")
    old = _keys.issue_key(wb.path)
    assert main(["key", "reset", "river-42"]) == 0
    new = KEY.search(capsys.readouterr().out).group(1)
    assert _keys.check_key(wb.path, new) and not _keys.check_key(wb.path, old)
    assert main(["key", "reset", "nobody"]) == 1
    assert "no workbook" in capsys.readouterr().err


def test_deleting_from_the_command_line_removes_the_key(careerkit_home: Path) -> None:
    from careerkit.cli import main

    wb = ck.Workbook.create("river-42")
    _keys.issue_key(wb.path)
    assert main(["delete", "river-42", "--yes"]) == 0
    assert not _keys.key_path(wb.path).exists()
