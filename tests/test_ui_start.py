"""The start screen, driven headlessly: set widget values, click, read the workbook file back."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.ui.start import CONSENT_VERSION, StartScreen


def _file(folder: Path, name: str) -> dict:
    return json.loads((folder / f"{name}.json").read_text())


def _start(home: Path, name: str = "river-42", share: bool = False) -> StartScreen:
    screen = StartScreen(ck.open_current())
    screen.consent_store.value = True
    screen.consent_share.value = share
    screen.pseudonym.value = name
    screen.workshop.value = "Tuesday group"
    screen.create_button.click()
    return screen


def _upload(screen: StartScreen, data: bytes, name: str = "mine.json") -> None:
    screen.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(UTC),
        },
    )


def test_nothing_chosen_shows_no_workbook_and_no_step_links(careerkit_home: Path) -> None:
    screen = StartScreen(ck.open_current())  # the demo workbook
    assert screen.wb is None
    assert "No workbook is open yet" in screen.status.value
    assert "<a " not in screen.next_steps.value


def test_create_without_consent_is_refused_plainly(careerkit_home: Path) -> None:
    screen = StartScreen(ck.open_current())
    screen.pseudonym.value = "river-42"
    screen.create_button.click()
    assert "tick the first box" in screen.message.value
    assert not (careerkit_home / "river-42.json").exists()


def test_create_saves_consent_and_remembers_the_choice(careerkit_home: Path) -> None:
    screen = _start(careerkit_home, "River-42", share=True)
    data = _file(careerkit_home, "river-42")
    assert data["participant"] == {"pseudonym": "river-42", "workshop": "Tuesday group"}
    assert data["consent"]["agreed"] is True
    assert data["consent"]["version"] == CONSENT_VERSION
    assert data["consent"]["agreed_to"] == ["store", "share_with_counselor"]
    assert "ready and saved" in screen.message.value
    assert ck.open_current().pseudonym == "river-42"  # the step notebooks open it
    assert 'href="01_interests.ipynb?workbook=river-42"' in screen.next_steps.value
    assert "03_goals.ipynb?workbook=river-42" in screen.next_steps.value


def test_bad_pseudonym_gets_a_message_not_a_traceback(careerkit_home: Path) -> None:
    screen = StartScreen()
    screen.consent_store.value = True
    screen.pseudonym.value = "../../etc/passwd"
    screen.create_button.click()
    assert "cannot be used" in screen.message.value
    assert "letters a–z" in screen.message.value
    assert list(careerkit_home.iterdir()) == []


def test_user_text_is_escaped_in_messages(careerkit_home: Path) -> None:
    screen = StartScreen()
    screen.consent_store.value = True
    screen.pseudonym.value = "<script>alert(1)</script>"
    screen.create_button.click()
    assert "<script>" not in screen.message.value
    assert "&lt;" in screen.message.value


def test_demo_pseudonym_is_reserved(careerkit_home: Path) -> None:
    screen = StartScreen()
    screen.consent_store.value = True
    screen.pseudonym.value = "demo"
    screen.create_button.click()
    assert "demo" in screen.message.value and "choose another" in screen.message.value


def test_open_existing_workbook_resumes_it(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    wb.give_consent("2025-1", ["store", "cohort_statistics"])
    wb.interests.responses["R01"] = 5
    wb.save()
    screen = StartScreen()
    screen.pseudonym.value = "river-42"
    screen.open_button.click()
    assert "Welcome back" in screen.message.value
    assert screen.wb is not None and screen.wb.interests.responses == {"R01": 5}
    assert screen.consent_stats.value is True  # the boxes show the consent on file
    assert ck.workbook.remembered() == "river-42"


def test_open_unknown_pseudonym_says_so(careerkit_home: Path) -> None:
    screen = StartScreen()
    screen.pseudonym.value = "nobody-1"
    screen.open_button.click()
    assert "no workbook called" in screen.message.value
    assert screen.wb is None


def test_creating_a_taken_pseudonym_says_open_it(careerkit_home: Path) -> None:
    ck.Workbook.create("river-42")
    screen = StartScreen()
    screen.consent_store.value = True
    screen.pseudonym.value = "river-42"
    screen.create_button.click()
    assert "already exists" in screen.message.value


def test_changing_a_consent_box_later_is_saved(careerkit_home: Path) -> None:
    screen = _start(careerkit_home)
    screen.consent_stats.value = True
    assert _file(careerkit_home, "river-42")["consent"]["agreed_to"] == [
        "store",
        "cohort_statistics",
    ]


def test_upload_creates_the_workbook_here(careerkit_home: Path, tmp_path: Path) -> None:
    elsewhere = ck.Workbook.create("sky-7", tmp_path)
    elsewhere.interests.responses["A01"] = 4
    data = elsewhere.to_bytes()
    screen = StartScreen()
    screen.consent_store.value = True
    _upload(screen, data)
    assert "now here" in screen.message.value
    assert _file(careerkit_home, "sky-7")["interests"]["responses"] == {"A01": 4}
    assert screen.upload.value == ()  # cleared for the next upload
    assert ck.workbook.remembered() == "sky-7"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{oops", "not valid JSON"),
        (b'{"dependencies": {}}', "not a careerkit workbook"),
    ],
)
def test_upload_refusals_are_messages(careerkit_home: Path, data: bytes, reason: str) -> None:
    screen = StartScreen()
    screen.consent_store.value = True
    _upload(screen, data, "notes.json")
    assert reason in screen.message.value
    assert "notes.json" in screen.message.value
    assert screen.wb is None


def test_upload_of_someone_elses_workbook_into_mine_is_refused(
    careerkit_home: Path, tmp_path: Path
) -> None:
    screen = _start(careerkit_home)
    _upload(screen, ck.Workbook.create("sky-7", tmp_path).to_bytes())
    assert "workbook of &#x27;sky-7&#x27;, not of &#x27;river-42&#x27;" in screen.message.value
    assert not (careerkit_home / "sky-7.json").exists()


def test_download_link_holds_the_saved_file(careerkit_home: Path) -> None:
    screen = _start(careerkit_home)
    screen.download_button.click()
    match = re.search(
        r'download="river-42.json"[^>]*href="data:application/json;base64,([^"]+)"',
        screen.download_area.value,
    )
    assert match is not None
    assert base64.b64decode(match.group(1)) == (careerkit_home / "river-42.json").read_bytes()


def test_submit_needs_share_consent_then_copies(careerkit_home: Path, tmp_path: Path) -> None:
    screen = _start(careerkit_home)
    screen.submit_folder.value = str(tmp_path / "counselor")
    screen.submit_button.click()
    assert "does not include sharing" in screen.file_message.value
    screen.consent_share.value = True
    screen.submit_button.click()
    assert "counselor" in screen.file_message.value and "now in" in screen.file_message.value
    copy = json.loads((tmp_path / "counselor" / "river-42.json").read_text())
    assert copy["submissions"][0]["consent_version"] == CONSENT_VERSION


def test_withdraw_then_delete_removes_everything(careerkit_home: Path) -> None:
    screen = _start(careerkit_home, share=True)
    screen.withdraw_button.click()
    assert _file(careerkit_home, "river-42")["consent"]["withdrawn"] is True
    assert screen.consent_store.value is False
    screen.delete_button.click()
    assert "Tick" in screen.file_message.value
    assert (careerkit_home / "river-42.json").exists()
    screen.delete_confirm.value = True
    screen.delete_button.click()
    assert "deleted" in screen.file_message.value
    assert not list(careerkit_home.glob("river-42*")) and not list(careerkit_home.glob(".river*"))
    assert screen.wb is None
    assert ck.workbook.remembered() is None


def test_close_lets_someone_else_start(careerkit_home: Path) -> None:
    screen = _start(careerkit_home)
    screen.close_button.click()
    assert screen.wb is None and ck.workbook.remembered() is None
    assert screen.consent_store.value is False and screen.pseudonym.value == ""
    assert (careerkit_home / "river-42.json").exists()  # closed, not deleted
    assert "<a " not in screen.next_steps.value


def test_damaged_workbook_offers_the_previous_version(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    wb.give_consent(CONSENT_VERSION)
    wb.interests.responses["R01"] = 4
    wb.save()
    wb.path.write_bytes(b"\x00\x00 broken by a crashed editor")
    screen = StartScreen()
    assert screen.restore_button.layout.display == "none"
    screen.pseudonym.value = "river-42"
    screen.open_button.click()
    assert "damaged" in screen.message.value or "not a workbook" in screen.message.value
    assert "Put back the previous version" in screen.message.value
    assert screen.restore_button.layout.display is None
    screen.restore_button.click()
    assert "is back" in screen.message.value
    assert screen.wb is not None and screen.wb.consent.agreed
    assert ck.Workbook.open(careerkit_home / "river-42.json").consent.agreed
    assert list(careerkit_home.glob("river-42.json.damaged-*"))
