"""The general SMART rules of round 3, each on sentences of our own (none from the eval set)."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit.errors import InputError
from careerkit.goals import check_smart, parse_deadline

TODAY = date(2026, 1, 15)


def smt(text: str) -> tuple[int | None, ...]:
    check = check_smart(text, today=TODAY)
    return tuple(check.scores[k] for k in "SMT")


# ---- S ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Be a mentor to junior staff", "Stay positive at work", "Think about a move abroad"]
)
def test_a_state_or_a_thought_is_not_specific(text):
    assert smt(text)[0] == 0


def test_passive_outcomes_and_activities_after_be_are_scored_as_usual():
    assert smt("Be accepted into a physiotherapy programme by fall 2027") == (2, 2, 2)
    assert smt("Be working as a data engineer by 2029")[0] == 1


def test_help_still_looks_at_what_it_helps_with():
    assert smt("Help my team hit their targets")[0] == 1


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("Gain experience in retail", (1, 1, 0)),
        ("Save for a house", (1, 1, 0)),
        ("Make new contacts at work", (1, 1, 0)),
        ("Lose 5 kg by summer", (2, 2, 2)),
    ],
)
def test_an_amount_without_a_number_is_vague_for_s_and_m(text, scores):
    assert smt(text) == scores
    if scores[1] == 1:
        assert "how much" in check_smart(text, today=TODAY).suggestions["S"]


def test_a_gerund_of_a_vague_verb_names_no_object():
    assert smt("Keep strengthening")[0] < 2


def test_growth_of_a_brand_or_network_is_vague_unless_it_says_how_far():
    assert smt("Build my personal brand")[0] == 1
    assert smt("Build my professional network to 200 contacts by June") == (2, 2, 2)


@pytest.mark.parametrize(("text", "s"), [("Grow personally", 0), ("Get hired", 1)])
def test_adverbs_and_participles_name_no_object(text, s):
    assert smt(text)[0] == s


def test_a_field_is_not_a_role_and_getting_involved_is_vague():
    assert smt("Work in finance")[:2] == (1, 1)
    assert smt("Get involved in student politics")[0] == 1


def test_a_vague_word_on_a_generic_noun_is_one_problem():
    assert smt("Get a better paying job within a year")[0] == 1


def test_comparatives_are_vague_amounts_for_a_state_too():
    assert smt("Eat healthier") == (1, 1, 0)
    assert smt("Be healthier") == (0, 1, 0)


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to apply to 3 graduate schemes by June 2026",
        "im gonna apply to 3 graduate schemes by June 2026",
        "I wanna apply to 3 graduate schemes by June 2026",
        "I want to be able to apply to 3 graduate schemes by June 2026",
    ],
)
def test_spoken_lead_ins_are_read_past(text):
    assert smt(text) == (2, 2, 2)


@pytest.mark.parametrize(
    "text", ["Bake bread every Sunday", "Swim 1 km three mornings a week", "Eat fruit every night"]
)
def test_everyday_verbs_and_frequencies(text):
    assert smt(text) == (2, 2, 0)


def test_swapped_letters_in_known_words_are_read_as_the_word():
    check = check_smart("Compelte the online course by Juen 2027", today=TODAY)
    assert tuple(check.scores[k] for k in "SMT") == (2, 2, 2)
    assert check.deadline == date(2027, 6, 30)


# ---- M ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "m"),
    [
        ("Halve my screen time within two months", 2),
        ("Double my freelance income by the end of 2027", 2),
        ("Start tutoring at the library", 1),
        ("Start jogging", 0),
        ("Break into game design", 1),
        ("Be a manager", 1),
        ("Start a podcast about careers in law", 2),
        ("Open an online shop by spring", 2),
        ("Study for a nursing diploma", 2),
        ("Study for the driving test", 0),
        ("Pick one specialism by the end of my second year", 2),
        ("Reach C1 in German by 2028", 2),
        ("Raise my maths grade from a D to a B this term", 2),
        ("Move to a remote job by next summer", 2),
        ("Move to Lisbon", 2),
        ("Get my CPA by Q4", 2),
        ("Pay off my car loan", 2),
        ("Ask my mentor for advice", 2),
        ("Be promoted to charge nurse by 2028", 2),
        ("Read eighty pages", 2),
        ("Apply to thirty-five roles", 2),
        ("Apply to a couple of roles", 1),
        ("Cut my spending", 1),
    ],
)
def test_measurable(text, m):
    assert smt(text)[1] == m


# ---- T ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apply to 10 jobs by EOY", date(2026, 12, 31)),
        ("Send the report by EOM", date(2026, 1, 31)),
        ("Send the report by EOD", TODAY),
        ("by Q3", date(2026, 9, 30)),
        ("by the end of Q1", date(2026, 3, 31)),
        ("in Q1 '27", date(2027, 3, 31)),
        ("by next sem", date(2026, 12, 15)),
        ("by the end of the yr", date(2026, 12, 31)),
        ("in 6 mos", date(2026, 7, 15)),
        ("within 3 wks", date(2026, 2, 5)),
        ("within twenty-five days", date(2026, 2, 9)),
        ("by 6/2027", date(2027, 6, 30)),
        ("by 2027-06", date(2027, 6, 30)),
        ("by Jun '27", date(2027, 6, 30)),
        ("by mid-2027", date(2027, 6, 30)),
        ("in early 2027", date(2027, 3, 31)),
        ("by late 2027", date(2027, 12, 31)),
        ("by mid-March", date(2026, 3, 31)),
        ("by tomorrow", date(2026, 1, 16)),
        ("within the year", date(2026, 12, 31)),
        ("by 1st March", date(2026, 3, 1)),
        ("before the 15th of May", date(2026, 5, 15)),
        ("by Christmas", date(2026, 12, 25)),
    ],
)
def test_abbreviated_and_informal_dates_resolve(text, expected):
    assert parse_deadline(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rehearse my answers twice before my interview",
        "Send my portfolio by the application deadline",
        "Finish my revision notes before finals",
    ],
)
def test_named_events_are_time_bound_without_a_date(text):
    check = check_smart(text, today=TODAY)
    assert check.scores["T"] == 2 and check.deadline is None


def test_a_month_number_that_is_no_month_is_refused():
    assert parse_deadline("by 13/2027", TODAY) is None
    with pytest.raises(InputError, match="no month 13"):
        parse_deadline("by 13/2027", TODAY, strict=True)


def test_long_words_and_typo_dense_texts_are_checked():
    # the typo reader looks at words of 4-20 letters only: a long run of letters is left alone
    assert check_smart("x" * 200_000, today=TODAY).verdict == "not SMART"
    assert check_smart("Finsih the course. " * 5000, today=TODAY).scores["S"] is not None


# ---- round 4 (each on sentences of our own) ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Email the clinic manager about weekend openings",
        "Update my portfolio site with the kiosk redesign",
        "Declare my minor in statistics",
        "Stop taking calls after 8pm",
    ],
)
def test_one_action_done_once_on_a_named_thing_is_checkable(text):
    assert smt(text)[1] == 2


@pytest.mark.parametrize(
    "text",
    [
        "Learn Portuguese",
        "Read up on infection control",
        "Find out what a sonographer earns",
        "Get my act together",
        "Make my manager proud",
        "Shadow a pharmacist",
    ],
)
def test_activities_that_go_on_and_light_verbs_are_not_checkable_alone(text):
    assert smt(text)[1] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Rewrite our intake forms before the auditors visit",
        "Pass the theory test ahead of my practical lessons",
        "Sort out the stock room for the rest of my placement",
        "Coach two interns through their first year",
        "Hit the call target for the next two quarters",
        "Send the grant draft before 02.03.2027",
    ],
)
def test_before_an_event_or_through_a_named_period_is_time_bound(text):
    assert smt(text)[2] == 2


@pytest.mark.parametrize(
    ("text", "t"),
    [
        ("Check the fridge log before the end of each shift", 0),
        ("Move into a team lead role within the next year or so", 1),
        ("Have two coffee chats with recruiters in the coming weeks", 1),
        ("I have worked nights for 3 years. Move to day shifts", 0),
    ],
)
def test_recurring_loose_or_past_times_are_no_deadline(text, t):
    assert smt(text)[2] == t


@pytest.mark.parametrize(
    ("text", "t"),
    [
        ("Register for the evening welding course starting next March", 2),
        ("Complete a 10-week data course starting in October", 2),
        ("Run a weekly study hour starting in October", 1),
    ],
)
def test_a_start_date_is_a_deadline_for_an_enrolment_or_a_fixed_length(text, t):
    assert smt(text)[2] == t


def test_a_verb_the_lists_do_not_know_is_read_as_a_verb_before_a_determiner():
    assert smt("Tabulate my expenses every Friday")[0] == 2


@pytest.mark.parametrize(
    ("text", "s"),
    [
        ("Get familiar with our billing software", 1),
        ("Keep up with new dosage guidance", 1),
        ("Learn to stay patient with difficult callers", 1),
        ("Get my life together", 0),
    ],
)
def test_states_reached_are_vague_verbs(text, s):
    assert smt(text)[0] == s


def test_the_goal_sentence_is_found_after_context():
    assert smt("I have been a porter for four years. Next step: apply to 3 nursing schools "
               "by May 2027.") == (2, 2, 2)


def test_a_purpose_after_the_goal_is_not_the_goal():
    assert smt("Swim twice a week to handle long shifts better")[0] == 2
    assert smt("I'd like to own a bakery")[0] == 1  # a hedge in the lead-in


def test_texting_spelling_of_before():
    assert smt("submit 2 essays b4 the spring deadline")[2] == 2


# ---- round 5 (each on sentences of our own) ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["I love working with kids", "I'm thinking about nursing", "I was a chef for ten years."],
)
def test_a_sentence_about_oneself_is_not_a_goal(text):
    assert smt(text)[:2] == (0, 0)


def test_wanting_a_named_outcome_is_checkable():
    assert smt("I want a promotion to charge nurse by June 2027")[1] == 2
    assert smt("I want to go part-time next year")[1] == 2


def test_changing_careers_names_no_target():
    assert smt("Change careers within two years")[1] == 1


def test_do_with_a_count_is_an_action():
    assert smt("Do 4 practice papers by Friday")[0] == 2
    assert smt("Do a placement")[0] == 1


@pytest.mark.parametrize("text", ["Call my mentor regularly", "Take fewer days off sick"])
def test_vague_frequencies_and_fewer_are_vague(text):
    assert smt(text)[0] == 1


def test_a_time_per_period_is_an_amount_not_a_deadline():
    assert smt("Volunteer at the food bank for two days each month")[2] == 0


def test_a_success_rate_is_not_a_vague_word():
    assert smt("Raise my first-time pass rate from 70% to 90% by June 2027") == (2, 2, 2)
    assert smt("Lift my success rate from 50% to 75% by June 2027")[0] == 2


# ---- round 6 (each on sentences of our own) ----------------------------------------------------


@pytest.mark.parametrize("text", ["should I retrain as a paramedic?", "Q: is a PhD worth it?"])
def test_a_question_is_not_a_goal(text):
    assert smt(text)[:2] == (0, 0)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Email my referees today", date(2026, 1, 15)),
        ("Tidy my portfolio site this weekend", date(2026, 1, 18)),
        ("Close 40 renewals in FY2027", date(2027, 12, 31)),
    ],
)
def test_today_weekends_and_fiscal_years_are_dates(text, deadline):
    check = check_smart(text, today=TODAY)
    assert check.scores["T"] == 2 and check.deadline == deadline


def test_a_possessive_today_is_no_date():
    assert smt("Finish today's ward notes")[2] == 0


def test_when_a_post_opens_is_open_ended():
    assert smt("Apply for the band 6 post when it is advertised")[2] == 1


def test_then_and_a_hedge_after_and_join_two_aims():
    assert smt("Pass my A+ exam in May then apply to 5 help desk roles")[0] == 1
    assert smt("Finish the diploma by June 2027 and hopefully move into teaching")[0] == 0


def test_a_score_after_taking_the_exam_is_one_aim():
    assert smt("Sit the IELTS and get at least 7.0 by March 2027") == (2, 2, 2)


def test_a_hedge_and_a_vague_word_are_two_problems():
    assert smt("Try to cover more night shifts")[0] == 0


@pytest.mark.parametrize("text", ["Join a club", "Start a side business"])
def test_an_unnamed_club_or_business_is_no_object(text):
    assert smt(text)[0] == 1


@pytest.mark.parametrize(
    "text", ["Go back to college for an accounting diploma", "Make the honour roll"]
)
def test_going_back_to_school_and_honour_lists_are_checkable(text):
    assert smt(text)[1] == 2


def test_thinking_about_a_move_is_not_checkable():
    assert smt("Think about going back to college")[1] == 0


@pytest.mark.parametrize("text", ["Grow as a manager", "Build relationships with the night team"])
def test_growth_and_ties_are_vague_verbs(text):
    assert smt(text)[0] == 1


def test_a_label_before_the_goal_is_read_past():
    assert smt("Goal - pass all four modules this year") == (2, 2, 2)


def test_a_purpose_is_not_the_measure():
    assert smt("Study sign language to talk with deaf patients")[1] == 0


# ---- round 7: rubric version 2 (each on sentences of our own) ---------------------------------


@pytest.mark.parametrize("text", ["Take a course", "Get a job", "Do an internship", "Join a group"])
def test_one_of_a_kind_with_nothing_naming_which_is_no_object(text):
    assert smt(text)[0] == 1


@pytest.mark.parametrize("text", ["Get a job in radiography", "Take a pottery course"])
def test_a_field_or_a_modifier_names_the_thing(text):
    assert smt(text)[0] == 2


def test_two_sentences_that_each_start_with_an_action_are_two_aims():
    assert smt("Finish my CV. Apply to 4 labs.")[0] == 1
    assert smt("I have been a porter for 3 years. Apply to 4 labs by May 2027.")[0] == 2


def test_a_goal_as_done_by_a_date():
    assert smt("By March 2027 I will have passed my driving test") == (2, 2, 2)
    assert smt("I'll have submitted 3 applications by June 2027") == (2, 2, 2)


@pytest.mark.parametrize("text", ["Focus on my dissertation", "Read a few articles on sepsis"])
def test_focus_and_a_few_are_vague(text):
    assert smt(text)[0] == 1


def test_a_labelled_first_step_is_the_goal_after_a_longer_aim():
    assert smt("I want to become a midwife. Step 1: apply to 3 access courses by March 2027.") == (
        2, 2, 2)
    assert smt("Long term I'd like to manage a ward. The first step is to pass my ILS course "
               "by May 2027.") == (2, 2, 2)


def test_a_second_clause_about_each_of_the_first_is_the_same_aim():
    assert smt("Attend two careers fairs this term and speak to 4 employers at each")[0] == 2


def test_relocating_is_an_action():
    assert smt("Relocate to Leeds for the registrar post by August 2027") == (2, 2, 2)


# ---- round 8 (rubric version 2; each on sentences of our own) ----------------------------------


@pytest.mark.parametrize("text", ["Enhance my triage skills", "Strengthen my cover letter"])
def test_a_vague_change_verb_is_a_vague_amount(text):
    assert smt(text)[:2] == (1, 1)


def test_a_short_musing_with_a_question_mark_is_not_a_goal():
    assert smt("go part time?? idk")[:2] == (0, 0)
    # a long statement that ends on a tag question is still read
    text = "I want to pass the Life in the UK test by May 2027 and sit it in Leeds, ok?"
    assert smt(text)[1] == 2


def test_moving_into_a_named_field_is_checkable():
    assert smt("Switch into medical coding by 2028")[1] == 2
    assert smt("Get into tech")[1] == 1


@pytest.mark.parametrize("text", ["Build a website", "Find a part-time job", "Lead a project"])
def test_more_kinds_of_unnamed_things(text):
    assert smt(text)[0] == 1


def test_generic_plurals_name_nothing():
    assert smt("Get better grades")[0] == 0
    assert smt("Get better grades in chemistry")[0] == 1
