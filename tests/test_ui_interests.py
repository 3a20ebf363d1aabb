"""Interests screens driven headlessly: set widget values, click buttons, read the file back."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest

import careerkit as ck
from careerkit.ui.interests import JOB_ZONE_MEANING, InterestQuiz, InterestResults

RIASEC = "RIASEC"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def wb(tmp_path):
    return ck.Workbook.create("river-42", tmp_path)


def on_disk(wb) -> dict:
    return json.loads(wb.path.read_text(encoding="utf-8"))


def answer_page(quiz: InterestQuiz, value_for) -> None:
    for item_id, toggle in quiz.items.items():
        toggle.value = value_for(item_id)


def answer_all(quiz: InterestQuiz, value_for) -> None:
    for _ in quiz.pages:
        answer_page(quiz, value_for)
        quiz.next.click()


def social_investigative(item_id: str) -> int:
    return {"S": 5, "I": 5, "A": 3, "E": 3, "R": 1, "C": 2}[item_id[0]]


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_every_answer_is_saved_to_the_file_at_once(wb):
    quiz = InterestQuiz(wb)
    assert len(quiz.items) == 10 and quiz.page == 0
    first = next(iter(quiz.items))
    quiz.items[first].value = 4
    assert on_disk(wb)["interests"]["responses"] == {first: 4}
    assert quiz.progress.value == 1
    assert "1 of 60 answered · page 1 of 6" in quiz.progress_text.value
    quiz.items[first].value = 2
    assert on_disk(wb)["interests"]["responses"][first] == 2


def test_next_and_back_move_between_pages_and_remember_the_page(wb):
    quiz = InterestQuiz(wb)
    assert quiz.back.disabled
    answer_page(quiz, lambda _i: 3)
    quiz.next.click()
    assert quiz.page == 1 and on_disk(wb)["interests"]["current_page"] == 1
    assert not quiz.back.disabled
    quiz.next.click()
    assert quiz.page == 2
    assert "10 activities on this page are not answered yet" in quiz.message.value
    quiz.back.click()
    quiz.back.click()
    assert quiz.page == 0 and on_disk(wb)["interests"]["current_page"] == 0
    assert all(t.value == 3 for t in quiz.items.values())


def test_quiz_resumes_where_the_person_stopped_after_reopening_the_file(wb):
    quiz = InterestQuiz(wb)
    answer_page(quiz, lambda _i: 5)
    quiz.next.click()
    answer_page(quiz, lambda _i: 1)
    quiz.next.click()
    second_page = list(quiz.pages[1])
    # A kernel restart: nothing survives but the file.
    reopened = ck.Workbook.open(wb.path)
    again = InterestQuiz(reopened)
    assert again.page == 2
    assert again.progress.value == 20
    again.back.click()
    assert list(again.items) == second_page
    assert all(t.value == 1 for t in again.items.values())


def test_finish_refreshes_the_results_and_mentions_unanswered_items(wb):
    quiz = InterestQuiz(wb)
    results = InterestResults(wb, quiz=quiz)
    assert "Answer the activities above first" in results.message.value
    for page in range(len(quiz.pages)):
        answer_page(quiz, lambda i: None if i in ("R10", "C10") else social_investigative(i))
        if page < len(quiz.pages) - 1:
            quiz.next.click()
    assert quiz.next.description == "Finish"
    quiz.next.click()
    assert "2 activities are still unanswered" in quiz.message.value
    assert results.profile is not None and results.profile.code[:2] in ("IS", "SI")
    assert results.matches is not None and len(results.matches) == 15


def test_every_control_has_a_label(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    results = InterestResults(wb)
    for screen in (quiz, results):
        for widget in walk(screen.widget):
            if isinstance(widget, widgets.RadioButtons | widgets.Button | widgets.Checkbox
                          | widgets.Dropdown | widgets.IntProgress):
                assert widget.description.strip(), widget
    # each answer scale is a radio group named by its activity, five answers in words
    assert all(
        isinstance(t, widgets.RadioButtons) and len(t.options) == 5 and t.description
        for t in quiz.items.values()
    )


def test_results_show_scores_code_meanings_and_plain_indices(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    results = InterestResults(wb)
    assert "Social (S)" in results.scores_html.value and "40 of 40" in results.scores_html.value
    assert "Your Holland code: ISA" in results.code_html.value
    assert "helping, teaching" in results.code_html.value
    # Consistency and differentiation in plain words, no jargon.
    text = results.indices_html.value
    assert "one step apart" in text  # I and S are alternate on the hexagon
    assert "40 points apart" in text and "clear pattern" in text
    assert "consistency" not in text.lower() and "differentiation" not in text.lower()
    assert "no norms" in results.notes.value
    assert results.hexagon_figure is not None
    assert list(results.hexagon_figure.data[0].r)[:6] == [0, 40, 20, 40, 20, 10]
    for zone, meaning in JOB_ZONE_MEANING.items():
        assert f"Zone {zone}" in results.zones_help.value
        assert meaning.split(":")[0] in results.zones_help.value
    assert "careerkit's own" in results.matches_html.value


def test_flat_answers_explain_what_to_do(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, lambda _i: 3)
    results = InterestResults(wb)
    assert "more decisive" in results.message.value
    assert results.matches is None and results.target.options == ()
    assert results.code_html.value == ""


def test_incomplete_answers_say_which_areas_need_more(wb):
    quiz = InterestQuiz(wb)
    answer_page(quiz, social_investigative)
    results = InterestResults(wb)
    assert "still need answers" in results.message.value
    assert results.matches is None


def test_job_zone_filter_is_saved_and_applied(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    results = InterestResults(wb)
    results.zone_boxes[4].value = True
    results.zone_boxes[5].value = True
    assert on_disk(wb)["interests"]["job_zones"] == [4, 5]
    assert set(results.matches["job_zone"]) <= {4, 5}
    assert "Job Zone 4, 5" in results.matches_html.value
    # Reopened, the screen starts with the same filter.
    again = InterestResults(ck.Workbook.open(wb.path))
    assert again.zone_boxes[4].value and not again.zone_boxes[1].value
    assert set(again.matches["job_zone"]) <= {4, 5}


def test_choosing_an_occupation_sets_the_target_role(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    results = InterestResults(wb)
    results.choose.click()
    assert "Choose an occupation" in results.message.value
    soc = results.target.options[2][1]
    results.target.value = soc
    assert len(results.hexagon_figure.data) == 2  # the chosen occupation is overlaid
    results.choose.click()
    saved = on_disk(wb)
    title = results.matches.set_index("soc_code").loc[soc, "title"]
    assert saved["skills"]["target_soc_code"] == soc
    assert saved["skills"]["target_title"] == title
    assert saved["interests"]["selected_soc_code"] == soc
    assert "Your target role is now" in results.target_status.value
    again = InterestResults(ck.Workbook.open(wb.path))
    assert again.target.value == soc
    assert title in again.target_status.value


@pytest.mark.shared_data
def test_results_on_a_release_without_job_zones_disable_the_filter(wb, onet_dir):
    release = ck.onet.load_release(onet_dir / "db_30_1_text")
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    results = InterestResults(wb, occupations=release)
    assert all(box.disabled for box in results.zone_boxes.values())
    assert "no Job Zones" in results.zones_help.value
    assert results.matches["job_zone"].isna().all()
    results.target.value = results.target.options[0][1]
    assert len(results.hexagon_figure.data) == 2


def test_occupation_titles_are_escaped(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    frame = pd.DataFrame({"soc_code": ["X-1"], "title": ["<script>alert(1)</script>"],
                          "R": [1], "I": [6], "A": [3], "S": [7], "E": [2], "C": [1]})
    results = InterestResults(wb, occupations=frame)
    assert "<script>" not in results.matches_html.value
    assert "&lt;script&gt;" in results.matches_html.value


def test_a_broken_counselor_inventory_is_reported_not_raised(wb, tmp_path):
    bad = tmp_path / "ours.csv"
    bad.write_text("item_id,text,scale\nQ1,Fix things,Z\n", encoding="utf-8")
    wb.interests.inventory_path = str(bad)
    wb.save()
    quiz = InterestQuiz(wb)
    assert "field 'scale'" in quiz.message.value
    assert len(quiz.inventory) == 60  # falls back to the bundled bank
    results = InterestResults(wb)
    results.refresh()
    assert "ours.csv" in results.message.value


def test_a_counselor_inventory_is_used_when_configured(wb, tmp_path):
    rows = ["item_id,text,scale"] + [f"{x}{i},Activity {x}{i},{x}" for x in RIASEC
                                     for i in range(3)]
    path = tmp_path / "short.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    wb.interests.inventory_path = str(path)
    wb.save()
    quiz = InterestQuiz(wb)
    assert len(quiz.pages) == 2 and quiz.progress.max == 18
    answer_all(quiz, lambda i: 5 if i[0] in "AE" else 1)
    assert on_disk(wb)["interests"]["inventory_id"] == "short"
    results = InterestResults(wb)
    assert results.profile.code == "AE" + "R" and results.profile.max_score == 12


@pytest.mark.slow
def test_notebook_answers_survive_a_kernel_restart(tmp_path, monkeypatch):
    """Run notebook 01 in a real kernel, answer through the quiz, restart the kernel, run the
    notebook again: the quiz resumes on the same page with the same answers."""
    import nbformat
    from nbclient import NotebookClient

    from careerkit.workbook import DEMO_PSEUDONYM

    monkeypatch.setenv("CAREERKIT_HOME", str(tmp_path))
    notebook = ROOT / "notebooks" / "01_interests.ipynb"
    check = nbformat.v4.new_code_cell(
        "print('STATE', quiz.page, len(wb.interests.responses), "
        "sorted(set(t.value for t in quiz.items.values())))"
    )
    answer = nbformat.v4.new_code_cell(
        "for t in quiz.items.values(): t.value = 4\n"
        "quiz.next.click()\n"
        "for t in quiz.items.values(): t.value = 2"
    )

    def run(extra):
        nb = nbformat.read(notebook, as_version=4)
        nb.cells.extend(extra)
        client = NotebookClient(nb, kernel_name="python3", timeout=120,
                                resources={"metadata": {"path": str(tmp_path)}})
        client.execute()  # a fresh kernel each time: nothing survives but the file
        out = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
        return out

    run([answer])
    saved = json.loads((tmp_path / f"{DEMO_PSEUDONYM}.json").read_text(encoding="utf-8"))
    assert len(saved["interests"]["responses"]) == 20
    assert "STATE 1 20 [2]" in run([check])


def test_tied_top_scores_show_every_order_and_consistency_as_a_range(wb):
    # R 36, I 28, S 28: the code is RIS or RSI; RI is adjacent, RS opposite
    profile = ck.interests.profile_from_scores(
        {"R": 36, "I": 28, "A": 5, "S": 28, "E": 3, "C": 2}
    )
    results = InterestResults(wb)
    code = results._code_text(profile)
    assert "RIS or RSI" in code and "tied" in code
    indices = results._indices_text(profile)
    assert "adjacent" in indices and "opposite" in indices


def test_matches_say_they_are_not_for_selection_and_count_fits_by_zone(wb):
    quiz = InterestQuiz(wb)
    answer_all(quiz, social_investigative)
    results = InterestResults(wb)
    results.refresh()
    assert ck.datasets.NOT_FOR_SELECTION[:40] in results.matches_html.value
    assert "Zone 4" in results.matches_html.value
