"""Goal model, progress, drafts from gaps, the example library, interview answer, calendar file."""

from __future__ import annotations

from datetime import date, datetime

import icalendar
import pandas as pd
import pydantic
import pytest

from careerkit.errors import DataError, InputError
from careerkit.goals import (
    AUDIENCES,
    Category,
    Goal,
    GoalsAnswers,
    Horizon,
    Measure,
    Milestone,
    Status,
    check_smart,
    draft_interview_answer,
    ensure_review,
    example_goals,
    goal_from_example,
    goals_from_gaps,
    infer_horizon,
    overdue,
    tick_milestone,
    to_ics,
    update_percent,
)

TODAY = date(2026, 1, 15)


def _goal_with_milestones() -> Goal:
    return Goal(
        text="Pass the NCLEX-RN exam by August 2027",
        category="education",
        deadline=date(2027, 8, 31),
        milestones=[
            Milestone(title="Finish the review course", due=date(2026, 1, 10)),
            Milestone(title="Take two practice tests", due=date(2027, 3, 1)),
            Milestone(title="Sit the exam", due=date(2027, 8, 1)),
        ],
    )


# ---- model --------------------------------------------------------------------------------


def test_only_text_is_required():
    goal = Goal(text="Learn SQL")
    assert goal.category is None and goal.deadline is None and goal.milestones == []
    with pytest.raises(pydantic.ValidationError):
        Goal()


def test_goals_and_list_items_get_distinct_stable_ids():
    a, b = _goal_with_milestones(), _goal_with_milestones()
    assert a.id != b.id
    ids = [m.id for m in a.milestones]
    assert len(set(ids)) == 3
    again = Goal.model_validate_json(a.model_dump_json())
    assert again.id == a.id and [m.id for m in again.milestones] == ids


def test_bad_values_are_rejected_on_assignment():
    goal = Goal(text="Learn SQL")
    with pytest.raises(pydantic.ValidationError):
        goal.confidence = 11
    with pytest.raises(pydantic.ValidationError):
        goal.category = "hobby"
    goal.category = "network"
    assert goal.category is Category.NETWORK


def test_goals_answers_round_trip_through_json():
    answers = GoalsAnswers(goals=[_goal_with_milestones()], interview_answer="My goal is…")
    again = GoalsAnswers.model_validate_json(answers.model_dump_json())
    assert again == answers
    assert again.goal(answers.goals[0].id).text.startswith("Pass")
    with pytest.raises(KeyError, match="nope"):
        again.goal("nope")


# ---- progress -----------------------------------------------------------------------------


def test_ticking_a_milestone_sets_done_on_percent_and_celebrates():
    goal = _goal_with_milestones()
    message = tick_milestone(goal, goal.milestones[0].id, today=TODAY)
    assert goal.milestones[0].done_on == TODAY
    assert goal.percent_complete == 33
    assert goal.status == Status.IN_PROGRESS
    assert "Well done" in message and "1 of 3" in message


def test_ticking_the_last_milestone_completes_the_goal():
    goal = _goal_with_milestones()
    for m in goal.milestones:
        message = tick_milestone(goal, m.id, today=TODAY)
    assert goal.status == Status.DONE and goal.percent_complete == 100
    assert "complete" in message


def test_unticking_reopens_the_goal():
    goal = _goal_with_milestones()
    for m in goal.milestones:
        tick_milestone(goal, m.id, today=TODAY)
    tick_milestone(goal, goal.milestones[1].id, done=False, today=TODAY)
    assert goal.milestones[1].done_on is None
    assert goal.status == Status.IN_PROGRESS and goal.percent_complete == 67


def test_ticking_an_unknown_milestone_names_it():
    goal = _goal_with_milestones()
    with pytest.raises(InputError, match="no milestone with id 'zzz'"):
        tick_milestone(goal, "zzz", today=TODAY)


def test_goal_without_milestones_keeps_its_percent_until_done():
    goal = Goal(text="Learn SQL", percent_complete=40)
    assert update_percent(goal) == 40
    goal.status = Status.DONE
    assert update_percent(goal) == 100


def test_overdue_lists_late_goals_and_milestones_most_late_first():
    goal = _goal_with_milestones()
    late_goal = Goal(text="Update my CV by December 2025", deadline=date(2025, 12, 31))
    done_goal = Goal(text="Old", deadline=date(2025, 1, 1), status="done")
    items = overdue([goal, late_goal, done_goal], today=TODAY)
    assert [(i.title, i.days_late) for i in items] == [
        ("Update my CV by December 2025", 15),
        ("Finish the review course", 5),
    ]
    assert items[1].milestone_id == goal.milestones[0].id
    tick_milestone(goal, goal.milestones[0].id, today=TODAY)
    assert len(overdue([goal], today=TODAY)) == 0


def test_a_review_date_is_always_within_a_year():
    goal = Goal(text="Become a team lead within five years", deadline=date(2031, 1, 15))
    assert ensure_review(goal, TODAY) == date(2027, 1, 15)
    assert goal.review_dates == [date(2027, 1, 15)]
    # an earlier planned review is kept, and not duplicated
    goal.review_dates = [date(2026, 6, 1)]
    assert ensure_review(goal, TODAY) == date(2026, 6, 1)
    assert goal.review_dates == [date(2026, 6, 1)]
    # a review long past does not count
    goal.review_dates = [date(2024, 1, 1)]
    assert ensure_review(goal, TODAY) == date(2027, 1, 15)
    with pytest.raises(InputError, match="at least yearly"):
        ensure_review(goal, TODAY, every_months=18)


def test_short_goal_is_reviewed_at_its_deadline():
    goal = Goal(text="Learn SQL within 3 months", deadline=date(2026, 4, 15))
    assert ensure_review(goal, TODAY) == date(2026, 4, 15)


def test_horizon_is_inferred_from_deadline():
    assert infer_horizon(Goal(text="x", deadline=date(2027, 1, 1)), TODAY) == Horizon.SHORT
    assert infer_horizon(Goal(text="x", deadline=date(2030, 1, 1)), TODAY) == Horizon.MID
    assert infer_horizon(Goal(text="x", deadline=date(2031, 6, 1)), TODAY) == Horizon.LONG
    assert infer_horizon(Goal(text="x"), TODAY) is None


# ---- from gaps to goals -------------------------------------------------------------------

SKILLS_DRAFTS = [  # the shape careerkit.skills.draft_goals returns
    {"text": "Raise my Programming from Basic (2 of 5) to Good (4 of 5) within 6 months",
     "category": "skill", "measure": "I rate myself 4 of 5 (Good) or higher",
     "skill_id": "2.B.3.e", "skill": "Programming", "source": "onet", "priority": 0.42},
    {"text": "Learn Tableau well enough to use it at work within 6 months",
     "category": "skill", "measure": "I finish a course or a small project that uses Tableau",
     "skill_id": "tableau", "skill": "Tableau", "source": "postings", "priority": 0.6},
]


def test_drafts_from_skills_step_dicts_keep_their_wording_and_link():
    goals = goals_from_gaps(SKILLS_DRAFTS, TODAY)
    assert [g.links.gap_skills for g in goals] == [["Tableau"], ["Programming"]]
    first = goals[0]
    assert first.text == SKILLS_DRAFTS[1]["text"]
    assert first.measure.what.startswith("I finish a course")
    assert first.deadline == date(2026, 7, 15)
    assert first.draft and first.category == Category.SKILL and first.horizon == Horizon.SHORT
    assert first.review_dates and first.milestones[-1].due == first.deadline


def test_drafts_from_the_skills_step_on_bundled_data():
    import careerkit as ck

    need = ck.skills.occupation_requirements("29-1141.00")  # Registered Nurses
    table = ck.skills.gap(ratings=dict.fromkeys(need["element_id"][:8], 2), onet_need=need)
    drafts = ck.skills.draft_goals(table, top=3)
    goals = goals_from_gaps(drafts, TODAY)
    assert [g.links.gap_skills[0] for g in goals] == [d["skill"] for d in drafts]
    for g in goals:
        assert g.deadline <= date(2029, 1, 15) and g.draft
        assert check_smart(g.text, today=TODAY).scores["T"] == 2


def test_drafts_from_plain_pairs_get_our_wording_and_are_smart_on_s_m_t():
    goals = goals_from_gaps([("SQL", 0.8), ("Python", 0.5), ("Excel", 0.0), ("R", 0.3)],
                            TODAY, top=2)
    assert [g.links.gap_skills[0] for g in goals] == ["SQL", "Python"]
    for g in goals:
        check = check_smart(g.text, today=TODAY)
        assert (check.scores["S"], check.scores["M"], check.scores["T"]) == (2, 2, 2)
        assert TODAY < g.deadline <= date(2029, 1, 15)
        assert [m.due for m in g.milestones] == sorted(m.due for m in g.milestones)


def test_draft_deadlines_stay_inside_the_short_horizon():
    drafts = [{"skill": "Nursing", "priority": 1,
               "text": "Complete a nursing degree within 6 years"}]
    goal = goals_from_gaps(drafts, TODAY, months=9)[0]
    assert goal.deadline == date(2026, 10, 15)


def test_drafts_from_a_gap_frame_and_a_gap_table():
    frame = pd.DataFrame({"label": ["Java", "Git"], "priority": [0.2, 0.9]})
    assert [g.links.gap_skills[0] for g in goals_from_gaps(frame, TODAY)] == ["Git", "Java"]

    class Table:  # duck-typed GapTable
        onet = pd.DataFrame({"element_id": ["2.A.1.a"], "element_name": ["Reading"],
                             "priority": [0.3]})
        postings = pd.DataFrame({"skill_id": ["sql"], "label": ["SQL"], "priority": [0.5]})

    assert [g.links.gap_skills[0] for g in goals_from_gaps(Table(), TODAY)] == ["SQL", "Reading"]


@pytest.mark.parametrize(
    ("gaps", "message"),
    [
        ([{"priority": 1}], "gap 1: no skill name"),
        ([("SQL", "high")], r"gap 1 \(SQL\): priority must be a number"),
        ([42], "gap 1: expected a draft-goal dict"),
    ],
)
def test_bad_gap_rows_are_named(gaps, message):
    with pytest.raises(InputError, match=message):
        goals_from_gaps(gaps, TODAY)


# ---- example library ----------------------------------------------------------------------


def test_example_library_covers_every_type_and_audience():
    frame = example_goals()
    assert set(frame["audience"]) == set(AUDIENCES)
    assert set(frame["category"]) == {c.value for c in Category}
    for audience in AUDIENCES:
        assert len(example_goals(audience=audience)) >= 5


def test_examples_are_smart_on_text():
    for row in example_goals().itertuples():
        check = check_smart(row.text, today=TODAY)
        assert check.verdict == "SMART", (row.example_id, check.scores)


def test_example_filter_rejects_unknown_values():
    with pytest.raises(InputError, match="audience 'astronaut'"):
        example_goals(audience="astronaut")


def test_broken_example_file_is_named(tmp_path):
    bad = tmp_path / "examples.csv"
    bad.write_text("example_id,category,audience,text,measure,horizon\n"
                   "x1,hobby,student,Knit a scarf by May,Scarf,short\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"row 2, field 'category': found 'hobby'"):
        example_goals(path=bad)
    with pytest.raises(DataError, match="missing"):
        example_goals(path=tmp_path / "none.csv")


def test_goal_from_example_is_a_dated_draft():
    row = example_goals(audience="health-care student").iloc[0].to_dict()
    goal = goal_from_example(row, TODAY)
    assert goal.draft and goal.text == row["text"] and goal.review_dates


# ---- interview answer ---------------------------------------------------------------------


def test_interview_answer_uses_role_goals_and_skills():
    answer = draft_interview_answer(
        "data analyst",
        Goal(text="I will earn the Google Data Analytics certificate within 6 months"),
        "Lead an analytics team within eight years",
        ["SQL", "Tableau", "statistics"],
    )
    assert "earn the Google Data Analytics certificate within 6 months" in answer
    assert "SQL, Tableau and statistics" in answer
    assert "as a data analyst" in answer
    assert "lead an analytics team within eight years" in answer
    assert "I will earn" not in answer


def test_interview_answer_without_inputs_is_still_usable():
    assert draft_interview_answer().startswith("My goal is")
    partial = draft_interview_answer(short_goal="Pass the CAPM exam by June 2027")
    assert "pass the CAPM exam" in partial and "to the team" in partial


# ---- calendar -----------------------------------------------------------------------------


def _calendar_goals() -> list[Goal]:
    goal = _goal_with_milestones()
    tick_milestone(goal, goal.milestones[0].id, today=TODAY)
    goal.review_dates = [date(2026, 7, 1)]
    long_text = Goal(text="Become a certified nurse practitioner in a rural community health "
                          "centre within seven years, with a focus on family medicine",
                     deadline=date(2033, 1, 15), measure=Measure(what="Certification held"))
    undated = Goal(text="Learn SQL")
    return [goal, long_text, undated]


STAMP = datetime(2026, 1, 15, 9, 0, 0)


def test_calendar_round_trips_with_every_item():
    goals = _calendar_goals()
    text = to_ics(goals, today=TODAY, stamp=STAMP)
    cal = icalendar.Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    # 2 deadlines + 3 milestones + 1 review + the yearly review
    assert len(events) == 7
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    goal = goals[0]
    assert f"goal-{goal.id}-deadline@careerkit" in uids
    for m in goal.milestones:
        assert f"milestone-{m.id}@careerkit" in uids
    done = next(e for e in events if str(e["UID"]) == f"milestone-{goal.milestones[0].id}"
                "@careerkit")
    assert str(done["SUMMARY"]).startswith("✓ Done")
    assert done["DTSTART"].dt == TODAY and str(done["STATUS"]) == "CONFIRMED"
    for e in events:  # all-day: DATE values, one day long
        assert type(e["DTSTART"].dt) is date
        assert (e["DTEND"].dt - e["DTSTART"].dt).days == 1


def test_yearly_review_recurs():
    cal = icalendar.Calendar.from_ical(to_ics(_calendar_goals(), today=TODAY, stamp=STAMP))
    yearly = [e for e in cal.walk("VEVENT") if "RRULE" in e]
    assert len(yearly) == 1
    assert yearly[0]["RRULE"]["FREQ"] == ["YEARLY"]
    assert yearly[0]["DTSTART"].dt == date(2026, 7, 1)
    empty = icalendar.Calendar.from_ical(to_ics([], today=TODAY, stamp=STAMP))
    only = list(empty.walk("VEVENT"))
    assert len(only) == 1 and only[0]["DTSTART"].dt == date(2027, 1, 15)


def test_uids_are_stable_so_reimport_updates():
    goals = _calendar_goals()
    first = to_ics(goals, today=TODAY, stamp=STAMP)
    goals[0].milestones[1].title = "Take three practice tests"
    second = to_ics(goals, today=TODAY, stamp=STAMP)

    def uids(text):
        return sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT"))

    assert uids(first) == uids(second)
    assert first != second


def test_calendar_obeys_rfc5545_line_rules():
    text = to_ics(_calendar_goals(), today=TODAY, stamp=STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # the long goal text was folded
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)


def test_calendar_rejects_non_goals():
    with pytest.raises(InputError, match="item 1 is a str"):
        to_ics(["Learn SQL"])
