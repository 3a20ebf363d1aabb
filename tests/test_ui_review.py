"""Counselor screens for one participant: a guardian's consent noted, comments given back."""

from __future__ import annotations

import base64
import html
import json
import re

import pytest

from careerkit import goals
from careerkit.ui._comments import step_label
from careerkit.ui.review import TEXT, GuardianScreen, ReviewScreen
from careerkit.workbook import Workbook, copy_comments, home

SHARE = ("store", "share_with_counselor", "cohort_statistics")


@pytest.fixture
def submitted(tmp_path, monkeypatch):
    folder = tmp_path / "submitted"
    folder.mkdir()
    monkeypatch.setenv("CAREERKIT_SUBMIT_DIR", str(folder))
    return folder


def participant(name: str, scopes=SHARE, *, under_16: bool = False, goal: str = "") -> Workbook:
    wb = Workbook.create(name)
    wb.give_consent("1", scopes, under_16=under_16)
    if goal:
        wb.goals.goals.append(goals.Goal(text=goal))
        wb.save()
    return wb


def status(screen) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", screen.message.value))


# ------------------------------------------------------------------ guardian's consent
def test_under_16_cannot_share_until_the_counselor_notes_the_guardian(submitted):
    young = participant("kid-1", under_16=True)
    participant("adult-1")
    withdrawn = participant("kid-2", under_16=True)
    withdrawn.withdraw_consent()
    with pytest.raises(Exception, match="guardian"):
        young.submit_copy(submitted)

    screen = GuardianScreen()
    assert [label for label, _ in screen.choose.options] == ["kid-1"]
    screen.counselor.value = "   "
    screen.note_button.click()
    assert "who noted" in status(screen)
    assert not Workbook.open(young.path).consent.guardian_consent_noted

    screen.counselor.value = "Ms Ada"
    screen.note_button.click()
    assert "kid-1" in status(screen) and "Ms Ada" in status(screen)
    consent = Workbook.open(young.path).consent
    assert consent.guardian_consent_noted and consent.guardian_noted_by == "Ms Ada"
    assert screen.choose.options == ()
    young.reload()
    assert young.submit_copy(submitted).exists()


def test_guardian_screen_says_when_nobody_waits_and_names_a_missing_folder(tmp_path):
    screen = GuardianScreen(tmp_path)
    assert "Nobody" in status(screen)
    screen.folder.value = str(tmp_path / "nowhere")
    screen.list_button.click()
    assert "does not exist" in status(screen) and "nowhere" in status(screen)
    screen.note_button.click()
    assert status(screen) == TEXT["choose_first"]


# ------------------------------------------------------------------ reading and commenting
def test_only_shared_workbooks_are_listed_and_the_rest_counted(submitted):
    for name in ("b-shared", "a-shared"):
        participant(name).submit_copy(submitted)
    private = participant("private", scopes=("store",))
    (submitted / "private.json").write_bytes(private.path.read_bytes())
    (submitted / "broken.json").write_text("{not json", encoding="utf-8")
    screen = ReviewScreen()
    assert [label for label, _ in screen.choose.options] == ["a-shared", "b-shared"]
    assert "2 other file" in status(screen)
    assert screen.wb is not None and screen.wb.pseudonym == "a-shared"
    assert "<iframe" in screen.preview.value and 'sandbox=""' in screen.preview.value


def test_comments_are_saved_escaped_and_given_back_without_touching_the_rest(submitted):
    own = participant("sam", goal="Finish the <b>SQL</b> course by 1 March 2027")
    own.submit_copy(submitted)
    own.notes = "written after sharing"
    own.save()

    screen = ReviewScreen()
    assert screen.wb.pseudonym == "sam"
    # the participant's text is escaped inside the sandboxed preview (srcdoc is escaped twice)
    assert "<b>SQL" not in screen.preview.value
    labels = [label for label, _ in screen.about.options]
    assert labels[:4] == [
        TEXT["about_all"],
        step_label("interests"),
        step_label("skills"),
        TEXT["about_goals"],
    ]
    assert any(label.startswith("Goal: Finish the <b>SQL</b>") for label in labels)

    screen.add_button.click()
    assert status(screen) == TEXT["empty_comment"]
    screen.counselor.value = "Ada"
    screen.about.value = "skills"
    screen.comment.value = "Try the <script>alert(1)</script> sample postings."
    screen.add_button.click()
    assert status(screen) == TEXT["saved"] and screen.comment.value == ""
    goal_id = own.goals.goals[0].id
    screen.about.value = f"goal:{goal_id}"
    screen.comment.value = "Good deadline."
    screen.add_button.click()
    assert "<script>" not in screen.comments.value and "&lt;script&gt;" in screen.comments.value

    shared = json.loads((submitted / "sam.json").read_text(encoding="utf-8"))
    assert [c["about"] for c in shared["counselor_comments"]] == ["skills"]
    assert shared["goals"]["goals"][0]["counselor_comments"][0]["text"] == "Good deadline."

    screen.give_back_button.click()
    assert "2 new comment" in status(screen)
    mine = Workbook.open(own.path)
    assert [c.author for c in mine.counselor_comments] == ["Ada"]
    assert mine.goals.goals[0].counselor_comments[0].text == "Good deadline."
    assert mine.notes == "written after sharing"  # only the comments travelled
    screen.give_back_button.click()
    assert "already has every comment" in status(screen)
    assert len(Workbook.open(own.path).counselor_comments) == 1


def test_comments_are_handed_over_as_a_file_when_the_workbook_is_elsewhere(tmp_path, submitted):
    elsewhere = tmp_path / "their-laptop"
    wb = Workbook.create("remote", folder=elsewhere)
    wb.give_consent("1", SHARE)
    wb.submit_copy(submitted)
    assert not (home() / "remote.json").exists()
    screen = ReviewScreen()
    screen.comment.value = "See you next week."
    screen.add_button.click()
    screen.give_back_button.click()
    assert "not on this server" in status(screen)
    match = re.search(r'href="data:application/json;base64,([^"]+)"', screen.download_area.value)
    data = base64.b64decode(match.group(1))
    merged = Workbook.import_bytes(data, elsewhere)
    assert [c.text for c in merged.counselor_comments] == ["See you next week."]


def test_a_comment_on_a_goal_the_participant_deleted_is_kept_on_the_goals_step(submitted):
    own = participant("lee", goal="Apply to three jobs by Friday")
    own.submit_copy(submitted)
    shared = Workbook.open(submitted / "lee.json")
    shared.goals.goals[0].counselor_comments.append(goals.Comment(text="Which three?"))
    shared.save()
    own.goals.goals.clear()
    own.save()
    assert copy_comments(shared, Workbook.open(own.path)) == 1
    kept = Workbook.open(own.path).counselor_comments
    assert [(c.text, c.about) for c in kept] == [("Which three?", "goals")]
    assert copy_comments(shared, Workbook.open(own.path)) == 0


def test_review_screen_names_an_empty_folder(tmp_path):
    screen = ReviewScreen(tmp_path)
    assert "No workbook" in status(screen) and str(tmp_path) in status(screen)
    screen.add_button.click()
    assert status(screen) == TEXT["choose_first"]
