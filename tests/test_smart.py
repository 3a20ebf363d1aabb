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
    check = check_smart("Open a dental clinic someday", today=TODAY)
    assert check.scores["T"] == 0
    assert "someday" in check.suggestions["T"]
    # "soon" and "asap" are near but open-ended, like "in the near future"
    for text in ("Open a dental clinic soon", "Renew my BLS card asap"):
        check = check_smart(text, today=TODAY)
        assert check.scores["T"] == 1 and check.deadline is None


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


# ---- issue 12: held-out statements, the issue's examples, impossible dates, long inputs -----

def _bench(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SMART_BENCH = _bench("bench_smart")


def test_held_out_set_is_large_split_once_and_covers_audiences():
    rows = SMART_BENCH.load()
    assert len(rows) >= 150
    assert {r["split"] for r in rows} == set(SMART_BENCH.SPLITS)
    assert {r["audience"] for r in rows} == {"student", "employee", "career changer", "health care"}
    for r in rows:
        scores = {k: int(r[k]) for k in "SMT"}
        assert SMART_BENCH.verdict_of(scores) == r["verdict"], r["id"]


def test_agreement_on_the_held_out_parts_does_not_fall():
    # Floors at the figures measured once on the newest held-out part. Each round N tuned on the
    # parts before it and was scored once on a fresh part written and labelled blind: round 1
    # on "test" (S 83 %, M 78 %, T 99 %, verdict 82 %), round 2 on "test2" (83 / 85 / 98 / 88),
    # round 3 on "test3" (80 / 82.5 / 88 / 79), round 4 on "test4" (81.4 / 89.0 / 94.9 / 92.4),
    # round 5 on "test5" (83.1 / 87.3 / 95.8 / 85.6), round 6 on "test6" (76.3 / 93.2 / 95.8 /
    # 89.0), round 7 (rubric version 2) on "test7" (85.1 / 93.0 / 96.5 / 90.4), round 8 on
    # "test8" (92.7 / 94.5 / 94.5 / 90.8: issue 12's targets 90 / 90 / 90 / 85). See
    # bench_smart.py and benchmarks/data/README.md.
    rows = SMART_BENCH.load("test8")
    res = SMART_BENCH.score(rows, SMART_BENCH.rules)
    floors = {"S": 0.92, "M": 0.94, "T": 0.94, "verdict": 0.90}
    for key, floor in floors.items():
        assert res[key][0] >= floor, (key, res[key])
    # and the rules beat the naive baseline on every letter of every part
    for split in SMART_BENCH.SPLITS:
        rows = SMART_BENCH.load(split)
        ours = SMART_BENCH.score(rows, SMART_BENCH.rules)
        base = SMART_BENCH.score(rows, SMART_BENCH.naive)
        assert all(ours[k][1] > base[k][1] for k in ("S", "M", "T", "verdict")), split


def test_the_second_rater_labelled_whole_held_out_parts_by_the_verdict_rule():
    import csv

    with SMART_BENCH.RATER2.open(encoding="utf-8", newline="") as fh:
        second = {r["id"]: r for r in csv.DictReader(fh)}
    parts = {r["split"] for r in SMART_BENCH.load() if r["id"] in second}
    assert {"test3", "test4"} <= parts
    # every statement of those parts (a repeated text moved to dev keeps its second label)
    for part in parts - {"dev"}:
        assert {r["id"] for r in SMART_BENCH.load(part)} <= set(second), part
    for r in second.values():
        scores = {k: int(r[k]) for k in "SMT"}
        assert SMART_BENCH.verdict_of(scores) == r["verdict"], r["id"]


def test_kappa_is_one_for_full_agreement_and_zero_for_chance():
    assert SMART_BENCH.kappa([0, 1, 2, 2], [0, 1, 2, 2]) == 1.0
    assert SMART_BENCH.kappa([0, 0, 2, 2], [0, 2, 0, 2]) == 0.0


@pytest.mark.parametrize(
    ("text", "scores", "verdict"),
    [
        ("Get better with data", (1, 1, 0), "not SMART"),
        ("Network more.", (0, 1, 0), "not SMART"),
        ("Score above the 90th percentile on the USMLE Step exams", (2, 2, 0), "partly SMART"),
        ("Earn a CFA Level I pass in Q2 2028", (2, 2, 2), "SMART"),
        ("Become a paralegal by June 2027", (2, 2, 2), "SMART"),
        ("Become a plumber by June 2027", (2, 2, 2), "SMART"),
        ("Talk to three nurses about their work", (2, 2, 0), "partly SMART"),
        ("Complete my coursework and submit it by May 15, 2026", (2, 2, 2), "SMART"),
    ],
)
def test_issue_12_examples(text, scores, verdict):
    check = check_smart(text, today=TODAY)
    assert tuple(check.scores[k] for k in "SMT") == scores
    assert check.verdict == verdict
    assert "two_goals" not in [f.code for f in check.flags]


@pytest.mark.parametrize(
    "text", ["Get better with data", "Improve my writing", "Be more confident", "Network more"]
)
def test_vague_goals_are_never_partly_smart_on_s_and_m_alone(text):
    check = check_smart(text, today=TODAY)
    assert 2 not in check.scored.values()
    assert check.verdict == "not SMART"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pass the exam by 2027-02-30", "February 2027 has 28 days"),
        ("Pass the exam by February 29, 2027", "February 2027 has 28 days"),
        ("Pass the exam by 31/04/2027", "April 2027 has 30 days"),
        ("Pass the exam by 2027-13-01", "no month 13"),
        ("Open a clinic by the end of year 10000", "beyond the calendar"),
    ],
)
def test_impossible_dates_are_refused_with_a_message(text, words):
    assert parse_deadline(text, TODAY) is None  # never a nearby, wrong date
    with pytest.raises(InputError, match=words):
        parse_deadline(text, TODAY, strict=True)
    check = check_smart(text, today=TODAY)
    assert check.deadline is None and check.scores["T"] == 0
    assert words in check.suggestions["T"]
    assert [f.code for f in check.flags] == ["impossible_date"]


def test_leap_day_and_valid_iso_dates_still_resolve():
    assert parse_deadline("by 2028-02-29", TODAY, strict=True) == date(2028, 2, 29)
    assert parse_deadline("by February 29, 2028", TODAY) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Update my CV by Friday", date(2026, 1, 16)),
        ("Email the recruiter next Friday", date(2026, 1, 23)),
        ("Apply by its January deadline", date(2026, 1, 31)),
        ("Mentor a new hire during their first 90 days", date(2026, 4, 15)),
    ],
)
def test_new_time_phrases_resolve(text, expected):
    assert parse_deadline(text, TODAY) == expected


def test_a_start_date_is_not_a_deadline():
    check = check_smart("Run a monthly lunch-and-learn starting in February", today=TODAY)
    assert check.deadline is None and check.scores["T"] == 1
    assert "start" in check.suggestions["T"]


def test_named_years_of_study_are_time_bound():
    assert check_smart("Pass the OSCE in my final year", today=TODAY).scores["T"] == 2


@pytest.mark.parametrize(
    "unit",
    [
        "Pass the exam by June 2027, submit it by 2027-03-01 and book Q2 2028 within 6 months. ",
        "Apply to 5 jobs, level 3, step 2, 4 more and 10% per week. ",
        "Write and test and ship and plan the app; then present it. ",
    ],
)
def test_long_dense_texts_are_checked(unit):
    # the time is measured in benchmarks/bench_smart.py; here: a long text gives the same
    # phrases per repetition as a short one (no phrase lost to the linear overlap check)
    short = find_time_phrases(unit, TODAY)
    long = find_time_phrases(unit * 400, TODAY)
    assert len(long) == 400 * len(short)
    assert check_smart(unit * 400, today=TODAY).verdict in ("SMART", "partly SMART", "not SMART")
