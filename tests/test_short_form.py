"""The 30-item short form: its choice from a seeded simulation, loading it, scoring it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import careerkit as ck
from careerkit import datasets, onet
from careerkit.errors import InputError
from careerkit.interests import (
    SHORT_INVENTORY_ID,
    InterestAnswers,
    allowed_missing,
    inventory_of,
    load_inventory,
    match_occupations,
    occupations_from_release,
    score,
)
from careerkit.interests._short_form import (
    DEV_SEED,
    choose_items,
    item_parameters,
    item_statistics,
    short_form_table,
    simulate_answers,
)

SHORT_CSV = datasets.data_dir() / "inventory" / "riasec_30.csv"


@pytest.fixture(scope="module")
def short():
    return load_inventory(form="short")


def test_the_bundled_list_is_what_the_seeded_simulation_chooses():
    bundled = pd.read_csv(SHORT_CSV, dtype={"item_id": str, "scale": str})
    again = short_form_table()
    pd.testing.assert_frame_equal(bundled, again, check_exact=False, atol=1e-4)


def test_the_short_form_has_five_items_per_area_in_the_banks_order(short):
    long = load_inventory()
    assert len(short) == 30 and short.counts == dict.fromkeys("RIASEC", 5)
    assert short.inventory_id == SHORT_INVENTORY_ID and short.form == "short" and short.bundled
    assert list(short.item_ids) == [i for i in long.item_ids if i in set(short.item_ids)]
    texts = long.items.set_index("item_id")["text"]
    assert all(short.text_of(i) == texts[i] for i in short.item_ids)
    assert short.max_score == 40


def test_short_form_scores_are_on_the_full_banks_scale(short):
    answers = {i: (5 if i.startswith("S") else 1) for i in short.item_ids}
    profile = score(answers, short)
    assert profile.scores["S"] == 40 and profile.scores["R"] == 0
    assert profile.max_score == 40 and profile.inventory_id == SHORT_INVENTORY_ID
    assert any("short form" in n for n in profile.notes)
    answers = {i: (4 if i.startswith("A") else 2) for i in short.item_ids}
    assert score(answers, short).scores["A"] == pytest.approx(30.0)  # mean 3 points × 10


def test_one_missing_answer_of_five_is_prorated_two_are_not(short):
    answers = dict.fromkeys(short.item_ids, 4)
    first_i = next(i for i in short.item_ids if i.startswith("I"))
    answers[first_i] = None
    profile = score(answers, short)
    assert profile.prorated == ("I",) and profile.scores["I"] == 30
    second_i = [i for i in short.item_ids if i.startswith("I")][1]
    answers[second_i] = None
    profile = score(answers, short)
    assert profile.incomplete == ("I",)
    assert any("2 of 5 items unanswered" in n and "at most 1 may be missing" in n
               for n in profile.notes)


def test_allowed_missing_keeps_a_fifth_of_an_area_at_most():
    assert [allowed_missing(n) for n in (3, 4, 5, 9, 10, 12)] == [0, 0, 1, 1, 2, 2]


def test_an_answer_to_an_item_not_on_the_short_form_is_refused(short):
    dropped = next(i for i in load_inventory().item_ids if i not in set(short.item_ids))
    with pytest.raises(InputError, match=f"item '{dropped}', which is not in inventory "
                                         "'riasec_30'"):
        score({dropped: 3}, short)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"form": "medium"}, r"form is 'medium'; expected 'long' \(60 items\) or 'short'"),
        ({"form": "short", "path": "mine.csv"}, r"a counselor's inventory file is used as it is"),
    ],
)
def test_a_bad_form_choice_is_refused(kwargs, message):
    with pytest.raises(InputError, match=message):
        load_inventory(**kwargs)


def test_a_workbook_records_the_form_and_gets_it_back(tmp_path):
    wb = ck.Workbook.create("short-1", tmp_path)
    wb.interests.inventory_id = SHORT_INVENTORY_ID
    wb.save()
    again = ck.Workbook.open(wb.path)
    assert inventory_of(again.interests).form == "short"
    assert inventory_of(InterestAnswers()).form == "long"


def test_item_statistics_recover_the_simulated_item_quality():
    params = item_parameters()
    answers, _ = simulate_answers(2000, DEV_SEED, params)
    stats = item_statistics(answers)
    assert np.corrcoef(stats["item_total_r"], params["loading"])[0, 1] > 0.8
    assert len(choose_items(stats)) == 30
    again, _ = simulate_answers(2000, DEV_SEED, params)
    pd.testing.assert_frame_equal(answers, again)  # seeded: the same every time


@pytest.mark.shared_data
def test_short_form_answers_match_real_onet_occupations(onet_dir, short):
    release = onet.load_release(onet_dir / "db_30_1_text")
    occupations = occupations_from_release(release)
    nurse = occupations.set_index("soc_code").loc["29-1141.00"]
    # answers that follow the occupation's O*NET profile: the area rated highest answered 5, …
    answer = {letter: round(1 + (nurse[letter] - 1) * 4 / 6) for letter in "RIASEC"}
    responses = {i: answer[i[0]] for i in short.item_ids}
    matches = match_occupations(score(responses, short), occupations=occupations, top=20)
    assert "29-1141.00" in set(matches["soc_code"])
    long = load_inventory()
    same = match_occupations(
        score({i: answer[i[0]] for i in long.item_ids}), occupations=occupations, top=20
    )
    assert matches["soc_code"].tolist() == same["soc_code"].tolist()


def test_a_cohort_counts_short_form_workbooks(tmp_path, short):
    for n in range(3):
        wb = ck.Workbook.create(f"s{n}", tmp_path)
        wb.give_consent("v1", ["store", "share_with_counselor", "cohort_statistics"])
        wb.interests.inventory_id = SHORT_INVENTORY_ID
        wb.interests.responses.update({i: (5 if i[0] == "E" else 2) for i in short.item_ids})
        wb.save()
    cohort = ck.cohort.load(tmp_path)
    members = cohort.members
    assert all(m.interests_complete and not m.problems for m in members)
    assert all(m.scores["E"] == 40 and m.holland_code.startswith("E") for m in members)


def test_a_cohort_large_enough_chooses_the_short_form_from_its_answers(tmp_path):
    from careerkit.cohort import short_form_from_cohort

    answers, _ = simulate_answers(12, DEV_SEED, item_parameters())
    for n, row in answers.iterrows():
        wb = ck.Workbook.create(f"c{n}", tmp_path)
        wb.give_consent("v1", ["store", "share_with_counselor", "cohort_statistics"])
        wb.interests.responses.update({k: int(v) for k, v in row.items()})
        wb.save()
    cohort = ck.cohort.load(tmp_path)
    with pytest.raises(InputError, match="Only 12 participants answered all 60 items"):
        short_form_from_cohort(cohort)
    chosen = short_form_from_cohort(cohort, min_n=10)
    expected = short_form_table(answers)
    assert chosen["item_id"].tolist() == expected["item_id"].tolist()
