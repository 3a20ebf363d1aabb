"""Cohort charts: suppressed groups are labelled, never drawn as bars; text summaries."""

from __future__ import annotations

import pandas as pd
import pytest

import careerkit as ck
from careerkit.charts import (
    cohort_goal_categories,
    cohort_holland_letters,
    cohort_interest_scores,
    cohort_progress,
    summary,
)
from careerkit.charts.theme import RIASEC_COLOURS
from careerkit.cohort import CohortSummary, suppress_fixed, suppress_means
from careerkit.interests import RIASEC, TYPE_NAMES


@pytest.fixture
def cohort_summary() -> CohortSummary:
    letters = dict(zip(RIASEC, [0, 7, 3, 12, 2, 6], strict=True))
    steps = []
    for step, counts in (("interests", [0, 4, 26]), ("skills gap", [10, 3, 17]),
                         ("goals", [8, 6, 16])):
        frame = suppress_fixed(dict(zip(["not started", "started", "done"], counts,
                                        strict=True)), 5, 30)
        frame.insert(0, "step", step)
        steps.append(frame)
    tables = {
        "holland_first_letter": suppress_fixed(
            {f"{x} ({TYPE_NAMES[x]})": letters[x] for x in RIASEC}, 5
        ),
        "goal_categories": suppress_fixed(
            {"skill": 14, "education": 9, "experience": 0, "performance": 0, "network": 6,
             "personal": 1, "no type yet": 0}, 5
        ),
        "steps": pd.concat(steps, ignore_index=True),
    }
    return CohortSummary(k=5, n_valid=32, n_statistics=30, n_withdrawn=1, n_no_statistics=1,
                         n_skipped=0, tables=tables)


def test_letters_draw_shown_groups_and_label_hidden_ones(cohort_summary):
    fig = cohort_holland_letters(cohort_summary)
    bars, hidden = fig.data
    assert list(bars.x) == ["R (Realistic)", "I (Investigative)", "S (Social)",
                            "C (Conventional)"]
    assert list(bars.y) == [0, 7, 12, 6]
    assert list(bars.marker.color) == [RIASEC_COLOURS[x] for x in "RISC"]
    assert list(hidden.x) == ["A (Artistic)", "E (Enterprising)"]
    assert set(hidden.text) == {"<5"} and "fewer than 5" in hidden.name
    text = summary(fig)
    assert "30 participant(s)" in text and "A (Artistic): <5" in text and "S (Social): 12" in text
    assert "hidden" in text


def test_goal_categories_hide_the_single_small_group_and_its_neighbour(cohort_summary):
    fig = cohort_goal_categories(cohort_summary)
    bars, hidden = fig.data
    # personal (1) is hidden, and network (6) too, or the total would give it away
    assert "network" not in bars.x and "personal" not in bars.x
    assert set(hidden.x) == {"network", "personal"}
    assert dict(zip(bars.x, bars.y, strict=True))["skill"] == 14
    assert "personal: <5" in summary(fig)


def test_progress_stacks_statuses_per_step(cohort_summary):
    fig = cohort_progress(cohort_summary)
    names = [t.name for t in fig.data]
    assert names[:3] == ["not started", "started", "done"]
    done = fig.data[2]
    # interests: 4 started is hidden, and so the 26 done (total 30 would give the 4 away)
    assert dict(zip(done.y, done.x, strict=True)) == {"skills gap": 17, "goals": 16}
    hidden = fig.data[-1]
    # skills gap: 3 started is hidden, and the 10 not started with it
    assert "fewer than 5" in hidden.name and list(hidden.y) == ["interests", "skills gap"]
    assert list(hidden.text) == ["started, done: <5", "not started, started: <5"]
    assert fig.layout.barmode == "stack"
    assert "interests – done: <5" in summary(fig) and "goals – done: 16" in summary(fig)


def test_an_empty_cohort_gives_a_message_not_a_chart(tmp_path):
    empty = ck.cohort.load(tmp_path).summary()
    for builder in (cohort_holland_letters, cohort_goal_categories, cohort_progress,
                    cohort_interest_scores):
        fig = builder(empty)
        assert not fig.data
        assert "agreed to group statistics" in summary(fig)


def test_interest_scores_draw_means_with_sd_and_label_small_areas():
    scores = {f"{x} ({TYPE_NAMES[x]})": [10.0, 20.0, 30.0, 20.0, 20.0] for x in "RIASE"}
    scores["C (Conventional)"] = [5.0, 7.0]  # fewer than k scored profiles: hidden
    tables = {"riasec_scores": suppress_means(scores, 5)}
    fig = cohort_interest_scores(CohortSummary(k=5, n_valid=5, n_statistics=5, n_withdrawn=0,
                                               n_no_statistics=0, n_skipped=0, tables=tables))
    bars, hidden = fig.data
    assert list(bars.x) == [f"{x} ({TYPE_NAMES[x]})" for x in "RIASE"]
    assert list(bars.y) == [20.0] * 5
    assert list(bars.error_y.array) == pytest.approx([50 ** 0.5] * 5)  # SD of 10,20,30,20,20
    assert list(bars.marker.color) == [RIASEC_COLOURS[x] for x in "RIASE"]
    assert list(hidden.x) == ["C (Conventional)"] and set(hidden.text) == {"<5"}
    assert fig.layout.yaxis.range == (0, 40)
    assert "mean 20.0" in fig.layout.xaxis.ticktext[0]
    text = summary(fig)
    assert "R (Realistic): mean 20.0 (SD 7.1)" in text and "C (Conventional): <5" in text
    assert "standard deviation" in text
