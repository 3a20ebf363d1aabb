"""The SMART rules on our labelled goal statements, deadline phrases, A/R fields and flags."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date

import pytest
from conftest import ROOT

from careerkit.errors import InputError
from careerkit.goals import (
    Goal,
    Horizon,
    HorizonRule,
    Links,
    Milestone,
    Obstacle,
    TermCalendar,
    check_smart,
    find_time_phrases,
    parse_deadline,
)

TODAY = date(2026, 1, 15)
with (ROOT / "tests" / "data" / "goal_statements.csv").open(encoding="utf-8", newline="") as fh:
    LABELLED = list(csv.DictReader(fh))


def test_label_file_covers_categories_and_audiences():
    assert len(LABELLED) >= 60
    assert {r["category"] for r in LABELLED} == {
        "skill", "education", "experience", "performance", "network", "personal"}
    audiences = {r["audience"] for r in LABELLED}
    assert {"student", "employee", "career changer", "health-care student"} <= audiences
    for letter in "SMT":
        assert {r[letter] for r in LABELLED} >= {"0", "2"}, letter


@pytest.mark.parametrize("row", LABELLED, ids=[r["id"] for r in LABELLED])
def test_rules_agree_with_labels(row):
    check = check_smart(row["text"], today=TODAY)
    got = {k: check.scores[k] for k in "SMT"}
    assert got == {k: int(row[k]) for k in "SMT"}, row["text"]
    expected_deadline = date.fromisoformat(row["deadline"]) if row["deadline"] else None
    assert check.deadline == expected_deadline, row["text"]
    assert parse_deadline(row["text"], TODAY) == expected_deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 2 years", date(2028, 1, 15)),
        ("within two years", date(2028, 1, 15)),
        ("in six months", date(2026, 7, 15)),
        ("in the next 10 days", date(2026, 1, 25)),
        ("within a year", date(2027, 1, 15)),
        ("3 years from now", date(2029, 1, 15)),
        ("over the next 6-12 months", date(2027, 1, 15)),
        ("by December 2027", date(2027, 12, 31)),
        ("end of 2027", date(2027, 12, 31)),
        ("Q2 2028", date(2028, 6, 30)),
        ("by the end of the third quarter of 2027", date(2027, 9, 30)),
        ("by March 3, 2027", date(2027, 3, 3)),
        ("by 3 March 2027", date(2027, 3, 3)),
        ("by February 2028", date(2028, 2, 29)),
        ("by the end of the semester", date(2026, 5, 15)),
        ("by the end of next semester", date(2026, 12, 15)),
        ("by the end of the school year", date(2026, 6, 30)),
        ("by next summer", date(2026, 8, 31)),
        ("this year", date(2026, 12, 31)),
        ("by the end of the month", date(2026, 1, 31)),
        ("by May", date(2026, 5, 31)),
    ],
)
def test_deadline_phrases_resolve_against_today(text, expected):
    assert parse_deadline(text, TODAY) == expected


def test_month_arithmetic_clamps_to_month_end():
    assert parse_deadline("within 1 month", date(2026, 1, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "I may become a nurse",
        "Get promoted within the company",
        "Apply to 10 jobs per week",
        "Grow revenue by 10%",
        "Learn SQL by attending a weekly class",
        "Someday I will run my own clinic",
        "Publish one article every six months",
        "Eventually lead a team",
        "March in the pride parade with my colleagues",
        "Earn 3 certifications",
        "Build a REST API in Spring Boot",
    ],
)
def test_words_and_numbers_are_never_misread_as_dates(text):
    assert parse_deadline(text, TODAY) is None


def test_absurd_durations_do_not_break_the_check():
    check = check_smart("Apply to 5 jobs a week within 99999 years", today=TODAY)
    assert check.deadline is None and check.scores["T"] == 1


def test_someday_is_a_failing_time_phrase():
    phrases = find_time_phrases("I will someday open a clinic", TODAY)
    assert [p.kind for p in phrases] == ["never"]
    check = check_smart("Open a dental clinic soon", today=TODAY)
    assert check.scores["T"] == 0
    assert "soon" in check.suggestions["T"]


def test_term_calendar_is_configurable():
    cal = TermCalendar(spring_end=(6, 5), periods={"Medical School": date(2029, 5, 31)})
    assert parse_deadline("by the end of the semester", TODAY, cal) == date(2026, 6, 5)
    assert parse_deadline("Pass my boards by the end of medical school", TODAY, cal) == date(
        2029, 5, 31)
    assert parse_deadline("Pass my boards by the end of medical school", TODAY) is None


def test_bad_term_calendar_date_is_rejected():
    with pytest.raises(ValueError, match="month, day"):
        TermCalendar(fall_end=(2, 30))


def test_numbers_in_time_phrases_are_not_measures():
    assert check_smart("Learn Spanish within 6 months", today=TODAY).scores["M"] == 0
    assert check_smart("Learn Spanish for 2 hours a week within 6 months",
                       today=TODAY).scores["M"] == 2


def test_bare_text_leaves_a_and_r_unscored():
    check = check_smart("Pass the CompTIA A+ exam by June 2027", today=TODAY)
    assert check.scores["A"] is None and check.scores["R"] is None
    assert set(check.suggestions) == {"S", "M", "T"}
    assert check.verdict == "SMART"


def test_achievable_needs_confidence_resource_and_obstacle():
    goal = Goal(text="Pass the CompTIA A+ exam by June 2027")
    assert check_smart(goal, today=TODAY).scores["A"] == 0
    goal.confidence = 8
    goal.resources = ["Library study guide"]
    assert check_smart(goal, today=TODAY).scores["A"] == 1
    goal.obstacles = [Obstacle(obstacle="Little time after work", strategy="Study 7–8 am")]
    assert check_smart(goal, today=TODAY).scores["A"] == 2
    goal.confidence = 5
    check = check_smart(goal, today=TODAY)
    assert check.scores["A"] == 1 and "confidence" in check.suggestions["A"]
    goal.confidence = 2
    goal.resources = []
    assert check_smart(goal, today=TODAY).scores["A"] == 0


def test_relevant_comes_from_links():
    goal = Goal(text="Pass the CompTIA A+ exam by June 2027")
    assert check_smart(goal, today=TODAY).scores["R"] == 0
    goal.why = "I like fixing things"
    assert check_smart(goal, today=TODAY).scores["R"] == 1
    goal.links = Links(gap_skills=["Computers and Electronics"])
    assert check_smart(goal, today=TODAY).scores["R"] == 2


@pytest.mark.parametrize(
    ("scores_text", "verdict"),
    [
        ("Pass the CompTIA A+ exam by June 2027", "SMART"),
        ("Learn Python", "not SMART"),
        ("Learn Python within 6 months", "partly SMART"),
        ("Network more", "not SMART"),
    ],
)
def test_verdict_over_scored_letters(scores_text, verdict):
    assert check_smart(scores_text, today=TODAY).verdict == verdict


def test_full_goal_can_be_smart():
    goal = Goal(text="Pass the CompTIA A+ exam by June 2027", confidence=7,
                resources=["Evening course"], obstacles=[Obstacle(obstacle="Cost")],
                links=Links(target_title="Computer support specialist"))
    check = check_smart(goal, today=TODAY)
    assert check.scores == {"S": 2, "M": 2, "A": 2, "R": 2, "T": 2}
    assert check.verdict == "SMART"


def test_deadline_field_makes_goal_time_bound():
    goal = Goal(text="Learn Python", deadline=date(2026, 9, 30))
    check = check_smart(goal, today=TODAY)
    assert check.scores["T"] == 2 and check.deadline == date(2026, 9, 30)


def test_measure_field_makes_goal_measurable():
    goal = Goal(text="Learn Python")
    goal.measure.what = "Finish the three exercises of the course"
    assert check_smart(goal, today=TODAY).scores["M"] == 2


def test_past_deadline_is_flagged():
    check = check_smart("Earn the CPA license by June 2025", today=TODAY)
    assert [f.code for f in check.flags] == ["past_deadline"]
    assert "2025-06-30" in check.flags[0].message


def test_done_goal_with_past_deadline_is_not_flagged():
    goal = Goal(text="Earn the CPA license by June 2025", status="done")
    assert check_smart(goal, today=TODAY).flags == ()


def test_milestone_after_deadline_is_flagged():
    goal = Goal(text="Pass the NCLEX by June 2027",
                milestones=[Milestone(title="Book the exam", due=date(2027, 3, 1)),
                            Milestone(title="Sit the exam", due=date(2027, 8, 1))])
    flags = check_smart(goal, today=TODAY).flags
    assert [f.code for f in flags] == ["milestone_after_deadline"]
    assert "Sit the exam" in flags[0].message


def test_horizon_contradicting_deadline_is_flagged():
    goal = Goal(text="Become a nurse practitioner within seven years", horizon=Horizon.SHORT)
    flags = check_smart(goal, today=TODAY).flags
    assert [f.code for f in flags] == ["horizon_mismatch"]
    assert "long" in flags[0].message
    goal.horizon = Horizon.LONG
    assert check_smart(goal, today=TODAY).flags == ()


def test_horizon_thresholds_are_configurable():
    goal = Goal(text="Earn my MBA within four years", horizon=Horizon.LONG)
    assert [f.code for f in check_smart(goal, today=TODAY).flags] == ["horizon_mismatch"]
    rule = HorizonRule(short_years=2, long_years=4)
    assert check_smart(goal, today=TODAY, horizons=rule).flags == ()
    assert rule.horizon(date(2027, 1, 1), TODAY) == Horizon.SHORT
    assert rule.horizon(date(2029, 1, 1), TODAY) == Horizon.MID


def test_two_goals_in_one_sentence_are_flagged():
    check = check_smart("Complete the CCNA and apply to five network jobs by June 2027",
                        today=TODAY)
    assert "two_goals" in [f.code for f in check.flags]
    assert check.scores["S"] == 1
    one = check_smart("Write and submit my first paper by May 2027", today=TODAY)
    assert "two_goals" not in [f.code for f in one.flags]


def test_every_scored_letter_has_a_one_line_suggestion():
    for row in LABELLED:
        check = check_smart(row["text"], today=TODAY)
        for letter, line in check.suggestions.items():
            assert line and "\n" not in line, (letter, row["text"])


def test_result_is_frozen():
    check = check_smart("Learn Python", today=TODAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.verdict = "SMART"


def test_check_rejects_other_types():
    with pytest.raises(InputError, match="Goal or a goal statement"):
        check_smart(42)


@pytest.mark.parametrize(
    "text",
    [
        "I’ll complete the Google UX certificate by June 2027.",
        "Over the next year, I plan to attend 6 industry meetups",
        "By June I want to finish my portfolio with 3 projects",
        "COMPLETE THE CNA COURSE BY MARCH 2026",
        "I am going to apply to nursing school by the end of the year",
    ],
)
def test_lead_ins_case_and_punctuation_do_not_change_the_verdict(text):
    assert check_smart(text, today=TODAY).verdict == "SMART"
