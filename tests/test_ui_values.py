"""The optional steps' screens, driven headlessly on the bundled O*NET data: work values, and
jobs like my last one."""

from __future__ import annotations

from pathlib import Path

import pytest

import careerkit as ck
from careerkit.ui.past_job import PastJobScreen
from careerkit.ui.values import ValuesScreen


@pytest.fixture
def wb(careerkit_home: Path) -> ck.Workbook:
    wb = ck.Workbook.create("river-42")
    for row in ck.interests.load_inventory().items.itertuples():
        wb.interests.responses[row.item_id] = 5 if row.scale in "SI" else 2
    wb.save()
    return wb


def _rate(screen: ValuesScreen, ratings: dict[str, int]) -> None:
    for key, value in ratings.items():
        screen.ratings[key].value = value


LIKES_RELATIONSHIPS = {
    "achievement": 3, "working_conditions": 2, "recognition": 1,
    "relationships": 5, "support": 4, "independence": 2,
}


def test_rating_the_six_values_shows_their_order_and_combined_matches(wb) -> None:
    screen = ValuesScreen(wb)
    assert len(screen.ratings) == 6 and all(r.description for r in screen.ratings.values())
    assert "Rate all six" in screen.order.value
    _rate(screen, LIKES_RELATIONSHIPS)
    assert ck.Workbook.open(wb.path).values.ratings == LIKES_RELATIONSHIPS
    assert screen.order.value.index("Relationships") < screen.order.value.index("Recognition")
    assert "Together" in screen.matches_html.value and screen.target.options
    first = screen.target.options[0]
    # values count for nothing at 0 %: the order is the interests' own
    screen.weight.value = 0
    assert ck.Workbook.open(wb.path).values.values_weight == 0.0
    only_interests = ck.results.results(wb).value_matches(top=15)
    assert (only_interests["combined"] == only_interests["interest_fit"]).all()
    screen.weight.value = 100
    assert screen.target.options[0] != first or len(screen.target.options) == 1
    screen.target.value = screen.target.options[0][1]
    screen.choose.click()
    saved = ck.Workbook.open(wb.path)
    assert saved.skills.target_soc_code == screen.target.value and saved.skills.target_title


def test_all_values_equal_is_explained_not_matched(wb) -> None:
    screen = ValuesScreen(wb)
    _rate(screen, dict.fromkeys(ck.values.VALUES, 3))
    assert "in order instead" in screen.matches_html.value and not screen.target.options


def test_values_before_interests_say_to_finish_them(careerkit_home: Path) -> None:
    wb = ck.Workbook.create("sky-7")
    screen = ValuesScreen(wb)
    _rate(screen, LIKES_RELATIONSHIPS)
    assert "Finish the interests step" in screen.matches_html.value


def test_a_past_job_leads_to_related_jobs_their_skills_and_a_target_role(wb) -> None:
    screen = PastJobScreen(wb)
    assert screen.related.layout.display == "none"
    screen.search_button.click()
    assert "Type part of your job" in screen.message.value
    screen.query.value = "qqqqxz"
    screen.search_button.click()
    assert "No occupation matches" in screen.message.value
    screen.query.value = "cashier"
    screen.search_button.click()
    cashier = next(code for label, code in screen.found.options if label.startswith("Cashiers"))
    screen.found.value = cashier
    screen.choose_past.click()
    assert ck.Workbook.open(wb.path).past_job.soc_code == cashier
    assert "Jobs like it" in screen.related_html.value and screen.related.options
    assert "skills you have used already" in screen.overlap_html.value
    wb.skills.ratings["2.A.1.a"] = 1  # the person's own rating is never replaced
    wb.save()
    screen.use.click()
    saved = ck.Workbook.open(wb.path)
    assert saved.skills.target_soc_code == screen.related.value
    assert saved.past_job.related_soc_code == screen.related.value
    assert saved.skills.ratings["2.A.1.a"] == 1
    assert "starting ratings" in screen.message.value


def test_values_can_be_put_in_order_instead(wb) -> None:
    screen = ValuesScreen(wb)
    screen.method.value = "rank"
    assert screen.rate_box.layout.display == "none" and screen.rank_box.layout.display is None
    order = ["independence", "achievement", "support", "relationships", "recognition",
             "working_conditions"]
    screen.ranks[0].value = "independence"
    screen.ranks[1].value = "independence"
    assert "chosen twice" in screen.message.value
    for box, key in zip(screen.ranks, order, strict=True):
        box.value = key
    saved = ck.Workbook.open(wb.path).values
    assert saved.method == "rank" and saved.ranking == order
    assert screen.order.value.index("Independence") < screen.order.value.index("Support")
    assert screen.target.options
