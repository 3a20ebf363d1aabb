"""Work values: answers, the value profile, value fit and the combined matches."""

from __future__ import annotations

import numpy as np
import pytest

from careerkit import datasets, onet
from careerkit.errors import InputError
from careerkit.interests import profile_from_scores
from careerkit.values import (
    DEFAULT_VALUES_WEIGHT,
    MATCH_COLUMNS,
    VALUE_MEANING,
    VALUE_NAMES,
    VALUES,
    FlatValuesError,
    ValuesAnswers,
    match_with_values,
    value_fit,
    value_profile,
)
from careerkit.workbook import Workbook

RATINGS = {
    "Achievement": 5,
    "Working Conditions": 2,
    "Recognition": 1,
    "Relationships": 3,
    "Support": 2,
    "Independence": 4,
}
INTERESTS = {"R": 10, "I": 30, "A": 25, "S": 12, "E": 8, "C": 5}


def test_each_value_has_onet_name_and_our_own_meaning():
    assert list(VALUE_NAMES) == list(VALUES) == list(datasets.WORK_VALUES)
    for key in VALUES:
        meaning = VALUE_MEANING[key]
        assert meaning and VALUE_NAMES[key].lower() not in meaning.lower()


def test_ratings_by_name_or_key_give_the_same_profile():
    by_name = value_profile(RATINGS)
    by_key = value_profile({k.lower().replace(" ", "_"): v for k, v in RATINGS.items()})
    assert by_name.scores == by_key.scores
    assert by_name.ranked[0] == "achievement" and by_name.ranked[-1] == "recognition"
    assert by_name.top == ("achievement",)


def test_a_ranking_spreads_evenly_over_the_rating_scale():
    order = ["independence", "achievement", "support", "relationships", "recognition",
             "working_conditions"]
    profile = value_profile(order)
    assert profile.method == "rank"
    assert profile.scores["independence"] == 5 and profile.scores["working_conditions"] == 1
    assert profile.scores["achievement"] == pytest.approx(4.2)
    assert profile.ranked == tuple(order)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({**RATINGS, "Achievement": 6}, r"Rating for Achievement is 6; expected a whole number"),
        ({**RATINGS, "Achievement": "lots"}, r"Rating for Achievement is 'lots'"),
        ({**RATINGS, "Achievement": True}, r"Rating for Achievement is True"),
        ({**RATINGS, "Salary": 3}, r"'Salary' is not one of the six work values"),
        ({"Achievement": 5}, r"Working Conditions, Recognition, .* still need a rating"),
        ({}, r"No work values rated or ranked yet"),
        (["support", "support", "achievement", "recognition", "relationships", "independence"],
         r"Support appears more than once"),
        (["support", "achievement"], r"Working Conditions, Recognition, Relationships, "
         r"Independence missing"),
    ],
)
def test_bad_answers_are_refused_naming_the_value(answers, message):
    with pytest.raises(InputError, match=message):
        value_profile(answers)


def test_answers_changed_in_place_are_checked_again():
    section = ValuesAnswers(ratings=dict.fromkeys(VALUES, 3))
    section.ratings["support"] = 9
    with pytest.raises(InputError, match="Rating for Support is 9"):
        value_profile(section)


def test_the_method_chooses_which_answers_count():
    section = ValuesAnswers(
        method="rank",
        ratings=dict.fromkeys(VALUES, 3),
        ranking=list(reversed(VALUES)),
    )
    assert value_profile(section).ranked[0] == "independence"
    with pytest.raises(FlatValuesError, match="same rating"):
        value_fit(value_profile(section, method="rate"))


@pytest.mark.shared_data
def test_value_fit_on_real_onet_work_values_agrees_with_the_bundled_table(onet_dir):
    release = onet.load_release(onet_dir / "db_30_1_text")
    from_release = value_fit(RATINGS, work_values=release.work_values)
    bundled = value_fit(RATINGS)
    assert len(bundled) == len(datasets.work_values()) == 874
    assert from_release["soc_code"].head(20).tolist() == bundled["soc_code"].head(20).tolist()
    # value fit is the Pearson r of the six scores with the six O*NET extents
    row = bundled.iloc[0]
    person = [RATINGS[VALUE_NAMES[k]] for k in VALUES]
    assert row["value_fit"] == pytest.approx(
        np.corrcoef(person, [row[k] for k in VALUES])[0, 1], abs=1e-3
    )
    assert bundled["value_fit"].is_monotonic_decreasing
    assert row["value_why"].startswith("offers Achievement")


@pytest.mark.shared_data
def test_a_person_valuing_independence_and_achievement_meets_such_occupations(onet_dir):
    release = onet.load_release(onet_dir / "db_30_1_text")
    extents = release.work_values.set_index("soc_code")
    top = value_fit(["independence", "achievement", "working_conditions", "recognition",
                     "support", "relationships"]).head(10)
    for soc in top["soc_code"]:
        row = extents.loc[soc]
        assert row["independence"] > row["relationships"]


def test_combined_fit_is_the_weighted_sum_with_the_weights_shown():
    interests = profile_from_scores(INTERESTS)
    matches = match_with_values(interests, RATINGS, values_weight=0.25, top=30)
    assert list(matches.columns) == MATCH_COLUMNS
    assert matches.attrs["weights"] == {"interests": 0.75, "values": 0.25}
    assert "0.75 × interest fit + 0.25 × value fit" in matches.attrs["notes"][0]
    expected = 0.75 * matches["interest_fit"] + 0.25 * matches["value_fit"]
    assert np.allclose(matches["combined"], expected, atol=1e-3)
    assert matches["combined"].is_monotonic_decreasing
    assert any("49 occupations have no O*NET work-value ratings" in n
               for n in matches.attrs["notes"])


def test_the_weight_moves_the_list_between_interests_only_and_values_only():
    interests = profile_from_scores(INTERESTS)
    only_interests = match_with_values(interests, RATINGS, values_weight=0, top=5)
    only_values = match_with_values(interests, RATINGS, values_weight=1, top=5)
    assert only_interests["interest_fit"].is_monotonic_decreasing
    assert only_values["value_fit"].is_monotonic_decreasing
    assert only_interests["soc_code"].tolist() != only_values["soc_code"].tolist()
    default = match_with_values(interests, RATINGS, top=5)
    assert default.attrs["weights"]["values"] == DEFAULT_VALUES_WEIGHT


@pytest.mark.parametrize("weight", [-0.1, 1.5, "half", None, True])
def test_a_bad_weight_is_refused(weight):
    with pytest.raises(InputError, match=r"values_weight is .*expected a number from 0"):
        match_with_values(profile_from_scores(INTERESTS), RATINGS, values_weight=weight)


def test_job_zones_filter_the_combined_list():
    matches = match_with_values(profile_from_scores(INTERESTS), RATINGS, job_zones=[2], top=None)
    assert set(matches["job_zone"].dropna().astype(int)) == {2}


def test_values_are_saved_and_merged_with_the_workbook(tmp_path):
    wb = Workbook.create("vals-1", tmp_path)
    first, second = Workbook.open(wb.path), Workbook.open(wb.path)
    first.values.ratings["achievement"] = 5
    first.save()
    second.values.ratings["support"] = 2
    second.values.values_weight = 0.3
    second.save()
    again = Workbook.open(wb.path)
    assert again.values.ratings == {"achievement": 5, "support": 2}
    assert again.values.values_weight == 0.3


def test_a_workbook_refuses_a_bad_rating_on_assignment(tmp_path):
    wb = Workbook.create("vals-2", tmp_path)
    with pytest.raises(ValueError, match="Rating for Achievement is 9"):
        wb.values.ratings = {"achievement": 9}
