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
    assert "now here" in screen.upload_message.value
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
    assert reason in screen.upload_message.value
    assert "notes.json" in screen.upload_message.value
    assert screen.wb is None


def test_upload_of_someone_elses_workbook_into_mine_is_refused(
    careerkit_home: Path, tmp_path: Path
) -> None:
    screen = _start(careerkit_home)
    _upload(screen, ck.Workbook.create("sky-7", tmp_path).to_bytes())
    assert (
        "workbook of 'sky-7', not of 'river-42'" in screen.upload_message.value
    )
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
    assert "does not include sharing" in screen.submit_message.value
    screen.consent_share.value = True
    assert "consent choices are saved" in screen.consent_message.value
    screen.submit_button.click()
    assert "counselor" in screen.submit_message.value and "now in" in screen.submit_message.value
    copy = json.loads((tmp_path / "counselor" / "river-42.json").read_text())
    assert copy["submissions"][0]["consent_version"] == CONSENT_VERSION


def test_withdraw_then_delete_removes_everything(careerkit_home: Path) -> None:
    screen = _start(careerkit_home, share=True)
    screen.withdraw_button.click()
    assert _file(careerkit_home, "river-42")["consent"]["withdrawn"] is True
    assert screen.consent_store.value is False
    assert "withdrawn" in screen.file_message.value
    screen.delete_button.click()
    assert "Tick" in screen.delete_message.value
    assert (careerkit_home / "river-42.json").exists()
    screen.delete_confirm.value = True
    screen.delete_button.click()
    assert "deleted" in screen.message.value  # by the status: the delete controls are hidden
    assert screen.own_section.layout.display == "none"
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


# ---------------------------------------------------------------------- a link that fails
def test_a_remembered_workbook_that_is_gone_is_explained_beside_the_open_button(
    careerkit_home: Path,
) -> None:
    ck.workbook.remember_current("nobody")  # chosen in JupyterLab, deleted since
    screen = StartScreen(ck.open_current())
    assert screen.wb is None  # the stand-in demo is not offered as the participant's workbook
    assert "“nobody”" in screen.message.value and "Open my workbook" in screen.message.value
    assert "<a " not in screen.next_steps.value
    # opening the right workbook replaces the notice
    ck.Workbook.create("river-42").give_consent(CONSENT_VERSION)
    screen.pseudonym.value = "river-42"
    screen.open_button.click()
    assert "Welcome back" in screen.message.value and "nobody" not in screen.message.value


# ---------------------------------------------------------------------- what shows when
def test_file_controls_show_only_while_a_workbook_is_open(careerkit_home: Path) -> None:
    screen = StartScreen(ck.open_current())
    assert screen.own_section.layout.display == "none"
    assert screen.close_button.layout.display == "none"
    # ... and nothing else: each control has a layout of its own
    for control in (screen.consent_store, screen.create_button, screen.open_button, screen.upload):
        assert control.layout.display is None
    assert screen.download_button in screen.own_section.children[1].children
    assert screen.delete_button in screen.own_section.children[-2].children
    screen.consent_store.value = True
    screen.pseudonym.value = "river-42"
    screen.create_button.click()
    assert screen.own_section.layout.display is None
    assert screen.close_button.layout.display is None
    screen.close_button.click()
    assert screen.own_section.layout.display == "none"


def test_each_message_appears_beside_the_control_that_caused_it(careerkit_home: Path) -> None:
    screen = StartScreen()
    children = list(screen.widget.children)
    # the start/open message sits right below their buttons; the upload one below the upload
    buttons = next(
        i for i, w in enumerate(children) if screen.create_button in getattr(w, "children", ())
    )
    assert children[buttons + 1] is screen.message
    upload = next(i for i, w in enumerate(children) if screen.upload in getattr(w, "children", ()))
    assert children[upload + 1] is screen.upload_message
    screen.pseudonym.value = "river-42"
    screen.create_button.click()
    assert "tick the first box" in screen.message.value
    _upload(screen, b"{}")
    assert "tick the first box" in screen.upload_message.value
    assert screen.message.value == ""  # one message at a time, where the person is looking


def test_the_screen_does_not_repeat_the_notebooks_heading(careerkit_home: Path) -> None:
    import nbformat
    from conftest import ROOT

    notebook = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    screen = StartScreen()
    shown = "".join(w.value for w in screen.widget.children if isinstance(w, type(screen.status)))
    assert markdown.startswith("# ")
    assert "<h2>" not in shown  # the notebook's heading is the page's only title
    assert "Where to go next" not in markdown  # the screen shows the links, with the workbook
    assert "Start a new workbook" not in markdown  # the screen's own buttons explain themselves


# ---------------------------------------------------------------------- changes from another window
def _clash(home: Path) -> StartScreen:
    """Notes typed in two windows at once: the second window's save wins."""
    screen = _start(home)
    other = ck.Workbook.open(home / "river-42.json")
    assert screen.wb is not None
    screen.wb.notes = "typed in this tab"
    screen.wb.save()
    other.notes = "typed in the other tab"
    other.save()
    screen.wb.reload()
    return screen


def test_no_replaced_values_means_no_changes_section(careerkit_home: Path) -> None:
    screen = _start(careerkit_home)
    assert screen.history_section.layout.display == "none"
    assert screen.history_buttons == {}


def test_replaced_value_is_listed_and_put_back_by_its_button(careerkit_home: Path) -> None:
    _clash(careerkit_home)
    screen = StartScreen(ck.open_current())  # the start page opened again later
    assert screen.history_section.layout.display is None
    [(change_id, button)] = screen.history_buttons.items()
    row = screen.changes._rows.children[0].children[1].value
    assert "Your notes" in row and "“typed in this tab”" in row and "another window" in row
    assert "typed in this tab" in button.tooltip  # tells same-named buttons apart
    button.click()
    assert _file(careerkit_home, "river-42")["notes"] == "typed in this tab"
    assert "Put back" in screen.history_message.value and "saved" in screen.history_message.value
    # the value it replaced is listed in turn, so it can be put back as well
    [(other_id, _)] = screen.history_buttons.items()
    assert other_id != change_id
    assert "typed in the other tab" in screen.changes._rows.children[0].children[1].value


def test_replaced_goal_and_answer_are_named_in_words(careerkit_home: Path) -> None:
    from careerkit.goals import Goal

    screen = _start(careerkit_home)
    assert screen.wb is not None
    screen.wb.goals.goals.append(Goal(id="g1", text="Learn SQL by June 2027"))
    screen.wb.save()
    other = ck.Workbook.open(careerkit_home / "river-42.json")
    screen.wb.interests.responses["R01"] = 2
    screen.wb.save()
    other.interests.responses["R01"] = 5
    other.save()
    rows = StartScreen(ck.open_current()).changes
    [entry] = rows.wb.replaced_values() if rows.wb is not None else []
    assert "“2, Dislike”" in rows.describe(entry)  # the earlier answer, with its label
    words = rows.where(entry.field)
    assert words.startswith("Step 1, your interests, your answer to “")
    assert (
        rows.where("/goals/goals/@g1/text")
        == "Step 3, your goals, the goal “Learn SQL by June 2027”, text"
    )
    assert "removed" in rows.where("/goals/goals/@gone/text")
    assert rows.where("/skills/target_title") == "Step 2, your skills gap, target title"
    rating = rows.where("/skills/ratings/2.A.1.a")  # O*NET's element name, not its code
    assert rating == "Step 2, your skills gap, your rating of “Reading Comprehension”"


def test_a_value_that_can_no_longer_be_put_back_says_why(careerkit_home: Path) -> None:
    from careerkit.goals import Goal

    screen = _start(careerkit_home)
    assert screen.wb is not None
    screen.wb.goals.goals.append(Goal(id="g1", text="one"))
    screen.wb.save()
    other = ck.Workbook.open(careerkit_home / "river-42.json")
    screen.wb.goals.goals[0].text = "two"
    screen.wb.save()
    other.goals.goals[0].text = "three"
    other.save()
    screen = StartScreen(ck.open_current())
    assert screen.wb is not None
    screen.wb.goals.goals.clear()
    screen.wb.save()
    [button] = screen.history_buttons.values()
    button.click()
    assert "no longer in the workbook" in screen.history_message.value


def test_counselor_comments_show_when_the_workbook_is_opened(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("river-42")
    wb.give_consent("2025-1", ["store", "share_with_counselor"])
    screen = StartScreen()
    screen.pseudonym.value = "river-42"
    screen.open_button.click()
    assert screen.comments.value == ""  # no comments: no empty section
    screen.close_button.click()
    wb.reload()
    wb.add_comment("Look at <b>step 2</b> again.", author="Ada", about="skills")
    screen.pseudonym.value = "river-42"
    screen.open_button.click()
    shown = screen.comments.value
    assert "Comments from your counselor" in shown
    assert "&lt;b&gt;step 2&lt;/b&gt;" in shown and "<b>step 2" not in shown
    assert "Ada" in shown and "Step 2" in shown
