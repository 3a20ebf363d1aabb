"""Requirements from postings, O*NET requirements, the gap and draft goals."""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace
from typing import ClassVar

import numpy as np
import pandas as pd
import pytest

import careerkit as ck
from careerkit.errors import InputError
from careerkit.skills import (
    RATING_SCALE,
    GapTable,
    draft_goals,
    gap,
    items_to_rate,
    level_from_rating,
    occupation_requirements,
    rated_alternatives,
    rating_from_level,
    requirements,
)


class StandInExtractor:
    """A tiny extractor with the documented interface: whole-word lookups, strength from the
    nearest heading before the match, the employer's name never a skill."""

    SKILLS: ClassVar[dict[str, tuple[str, str, str]]] = {
        "python": ("sk:python", "Python", "software"),
        "sql": ("sk:sql", "SQL", "software"),
        "excel": ("sk:excel", "Microsoft Excel", "software"),
        "teamwork": ("sk:teamwork", "Teamwork", "transferable"),
        "oracle": ("sk:oracle", "Oracle Database", "software"),
    }

    def __init__(self):
        self.employers = []

    def extract(self, text, employer=None):
        self.employers.append(employer)
        matches = []
        for m in re.finditer(r"\w+", text):
            word = m.group().casefold()
            if word not in self.SKILLS or (employer and word in employer.casefold()):
                continue
            before = text[: m.start()].casefold()
            heading = max(("requirements:", "nice to have:"), key=before.rfind)
            if before.rfind(heading) < 0:
                strength = "unspecified"
            else:
                strength = "required" if heading == "requirements:" else "preferred"
            sid, label, kind = self.SKILLS[word]
            matches.append(
                SimpleNamespace(
                    skill_id=sid,
                    label=label,
                    kind=kind,
                    start=m.start(),
                    end=m.end(),
                    strength=strength,
                )
            )
        return matches


POSTINGS = pd.DataFrame(
    {
        "title": ["Analyst", "Developer", "Clerk", "DBA"],
        "description": [
            "Requirements: SQL, Excel. Nice to have: Python. SQL again.",
            "Python and teamwork. Requirements: Python, SQL.",
            "Filing and typing. Nice to have: Excel.",
            "Requirements: Oracle and SQL.",
        ],
        "company": ["", "", "", "Oracle"],
    }
)


def test_requirements_counts_postings_shares_and_strengths():
    extractor = StandInExtractor()
    req = requirements(POSTINGS, extractor)
    assert list(req.columns) == [
        "skill_id",
        "label",
        "kind",
        "postings",
        "required",
        "preferred",
        "unspecified",
        "share",
        "required_share",
        "rank",
    ]
    by_id = req.set_index("skill_id")
    # SQL: postings 1, 2, 4, all under "Requirements"; counted once per posting.
    assert by_id.loc["sk:sql", "postings"] == 3
    assert by_id.loc["sk:sql", "share"] == pytest.approx(0.75)
    assert by_id.loc["sk:sql", "required_share"] == pytest.approx(0.75)
    # Python: preferred in 1, required in 2 (its strongest mention wins over "unspecified").
    assert by_id.loc[
        "sk:python", ["postings", "required", "preferred", "unspecified"]
    ].tolist() == [2, 1, 1, 0]
    assert by_id.loc["sk:excel", "required_share"] == pytest.approx(0.25)
    assert by_id.loc["sk:teamwork", "unspecified"] == 1
    assert req["skill_id"].tolist()[:3] == ["sk:sql", "sk:excel", "sk:python"]
    assert req["rank"].tolist() == list(range(1, len(req) + 1))
    assert req.attrs["n_postings"] == 4


def test_requirements_passes_each_company_as_employer():
    extractor = StandInExtractor()
    req = requirements(POSTINGS, extractor)
    assert extractor.employers == [None, None, None, "Oracle"]
    assert "sk:oracle" not in set(req["skill_id"])


def test_requirements_accepts_posting_models_and_handles_no_skills():
    posting = ck.skills.Posting(id="a", title="Cook", description="Chop onions.")
    req = requirements([posting], StandInExtractor())
    assert req.empty and list(req.columns)[:3] == ["skill_id", "label", "kind"]
    assert req.attrs["n_postings"] == 1


HAND_NEED = pd.DataFrame(
    {
        "element_id": ["A", "B", "C", "D", "E"],
        "element_name": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"],
        "kind": ["skill", "skill", "knowledge", "skill", "knowledge"],
        "importance": [4.0, 5.0, 3.0, 3.5, 2.0],
        "level": [5.25, 3.5, 7.0, 2.0, 4.0],
        "suppress": [False] * 5,
    }
)


def test_rating_maps_onto_onet_level_scale():
    assert [level_from_rating(r) for r in range(1, 6)] == [0, 1.75, 3.5, 5.25, 7]
    assert rating_from_level(0) == 1 and rating_from_level(7) == 5
    assert rating_from_level(3.5) == 3 and rating_from_level(3.6) == 4
    assert sorted(RATING_SCALE) == [1, 2, 3, 4, 5]


def test_only_items_of_importance_three_or_more_are_rated():
    assert items_to_rate(HAND_NEED)["element_id"].tolist() == ["A", "B", "C", "D"]


def test_gap_ranking_matches_hand_computed_values():
    table = gap({"A": 2, "B": 3, "C": 1, "D": 5}, HAND_NEED)
    onet = table.onet.set_index("element_id")
    # A: need 5.25, level 1.75 -> gap 0.5, priority 0.5 * 4/5 = 0.4
    assert onet.loc["A", "gap"] == pytest.approx(0.5)
    assert onet.loc["A", "priority"] == pytest.approx(0.4)
    # C: need 7, level 0 -> gap 1, priority 1 * 3/5 = 0.6
    assert onet.loc["C", "priority"] == pytest.approx(0.6)
    # B: exactly at the need; D: above it -> gap 0
    assert onet.loc["B", "gap"] == 0 and onet.loc["D", "gap"] == 0
    # ties at 0 are broken by importance: B (5) before D (3.5)
    assert table.onet["element_id"].tolist() == ["C", "A", "B", "D"]
    # D is a strength: margin (7 - 2)/7, priority margin * 3.5/5 = 0.5
    assert table.strengths["element_id"].tolist() == ["D"]
    assert table.strengths.loc[0, "margin"] == pytest.approx(5 / 7)
    assert table.strengths.loc[0, "priority"] == pytest.approx(0.5)
    assert table.unrated == ()


def test_unrated_items_are_listed_not_guessed():
    table = gap({"A": 2}, HAND_NEED)
    assert table.onet["element_id"].tolist() == ["A"]
    assert table.unrated == ("B", "C", "D")


def test_posting_gap_is_share_for_skills_not_held():
    req = requirements(POSTINGS, StandInExtractor())
    table = gap(have=["sk:sql"], posting_need=req)
    assert "sk:sql" not in set(table.postings["skill_id"])
    assert table.held["skill_id"].tolist() == ["sk:sql"]
    assert (table.postings["priority"] == table.postings["share"]).all()
    assert table.postings["priority"].is_monotonic_decreasing
    # Excel and Python share 0.5; Excel is more often required (0.25 vs 0.25) -> then by label.
    assert table.postings["skill_id"].tolist()[:2] == ["sk:excel", "sk:python"]
    assert "postings only" in " ".join(table.notes)


def test_rated_role_without_ratings_asks_to_rate_first():
    req = requirements(POSTINGS, StandInExtractor())
    table = gap(onet_need=HAND_NEED, posting_need=req)
    assert table.unrated == ("A", "B", "C", "D")
    assert any("rate yourself" in n for n in table.notes)


def test_gap_table_is_frozen():
    table = gap({"A": 2}, HAND_NEED)
    assert isinstance(table, GapTable)
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.onet = pd.DataFrame()


@pytest.mark.parametrize("bad", [0, 6, 2.5, "3", None, True, float("nan")])
def test_rating_outside_one_to_five_is_refused(bad):
    with pytest.raises(InputError, match="'A'"):
        gap({"A": bad}, HAND_NEED)


def test_numpy_whole_numbers_are_accepted_as_ratings():
    table = gap({"A": np.int64(2), "C": np.float64(1.0)}, HAND_NEED)
    assert table.onet["element_id"].tolist() == ["C", "A"]


def test_rating_for_an_item_the_role_does_not_list_is_refused():
    with pytest.raises(InputError, match="'Z'"):
        gap({"Z": 3}, HAND_NEED)


def test_ratings_without_onet_need_are_refused():
    with pytest.raises(InputError, match="O\\*NET requirements"):
        gap({"A": 3})


def test_empty_inputs_give_an_empty_gap():
    table = gap()
    assert table.empty and table.onet.empty and table.postings.empty and table.strengths.empty


def test_draft_goals_take_the_two_ranked_lists_in_turn():
    req = requirements(POSTINGS, StandInExtractor())
    table = gap({"A": 2, "B": 3, "C": 1, "D": 5}, HAND_NEED, have=["sk:sql"], posting_need=req)
    drafts = draft_goals(table, top=3)
    # O*NET: C 0.6, A 0.4 (B, D have no gap); postings: Excel 0.5, Python 0.5, Teamwork 0.25
    assert [d["skill_id"] for d in drafts] == ["C", "sk:excel", "A"]
    first = drafts[0]
    assert first["category"] == "skill" and first["source"] == "onet"
    assert "Gamma" in first["text"] and "1 of 5" in first["text"] and "5 of 5" in first["text"]
    assert first["measure"] and first["skill"] == "Gamma"
    assert all(set(d) >= {"text", "category", "measure", "skill_id", "skill"} for d in drafts)
    assert [d["skill_id"] for d in draft_goals(table, top=5)] == [
        "C",
        "sk:excel",
        "A",
        "sk:python",
        "sk:teamwork",
    ]
    assert draft_goals(table, top=0) == []


def test_draft_goals_word_the_goal_by_kind_and_skip_duplicates():
    need = HAND_NEED.assign(element_name=["Alpha", "Beta", "Teamwork", "Delta", "Epsilon"])
    req = requirements(POSTINGS, StandInExtractor())
    table = gap({"C": 1}, need, have=["sk:sql", "sk:excel", "sk:python"], posting_need=req)
    drafts = draft_goals(table, top=3)
    # "Teamwork" is the O*NET gap; the same skill from the postings is not drafted twice
    assert [d["skill"] for d in drafts] == ["Teamwork"]
    only_postings = gap(have=["sk:sql", "sk:excel", "sk:python"], posting_need=req)
    (teamwork,) = draft_goals(only_postings)
    assert teamwork["text"].startswith("Practise my Teamwork skills")


def test_draft_goals_are_accepted_by_goal_model():
    table = gap({"C": 1}, HAND_NEED)
    (draft,) = draft_goals(table, top=1)
    goal = ck.goals.Goal(text=draft["text"])
    assert goal.text == draft["text"]


# ----------------------------------------------------------------------------- real O*NET data


def test_computer_programmers_requirements_and_gap():
    need = occupation_requirements("15-1251.00")
    assert need.attrs["rated"] and need.attrs["title"] == "Computer Programmers"
    assert list(need.columns) == [
        "element_id",
        "element_name",
        "kind",
        "importance",
        "level",
        "suppress",
    ]
    assert need["importance"].is_monotonic_decreasing
    ratings_table = ck.datasets.occupation_ratings()
    skipped = ratings_table[
        (ratings_table["soc_code"] == "15-1251.00") & ratings_table["not_relevant"]
    ]
    assert not set(skipped["element_id"]) & set(need["element_id"])
    to_rate = items_to_rate(need)
    assert 10 <= len(to_rate) <= 30 and (to_rate["importance"] >= 3).all()
    programming = need.set_index("element_name").loc["Programming"]
    table = gap({programming["element_id"]: 3}, need)
    row = table.onet.iloc[0]
    expected = max(0.0, programming["level"] - 3.5) / 7
    assert row["gap"] == pytest.approx(expected)
    assert row["priority"] == pytest.approx(expected * programming["importance"] / 5)


def test_software_developers_have_no_onet_ratings_and_work_from_postings():
    need = occupation_requirements("15-1252.00")
    assert need.empty and need.attrs["rated"] is False
    assert "Software Developers" in need.attrs["message"]
    assert "postings" in need.attrs["message"]
    req = requirements(POSTINGS, StandInExtractor())
    table = gap(onet_need=need, posting_need=req)
    assert table.onet.empty and not table.postings.empty
    assert any("Software Developers" in n for n in table.notes)
    assert any("postings only" in n for n in table.notes)
    alternatives = rated_alternatives("15-1252.00")
    assert "15-1251.00" in set(alternatives["soc_code"])


def test_every_occupation_without_ratings_is_flagged_not_failed():
    rated = set(ck.datasets.occupation_ratings()["soc_code"])
    missing = sorted(set(ck.datasets.occupations()["soc_code"]) - rated)
    assert missing, "the bundled data should include occupations without ratings"
    for code in missing[:5]:
        need = occupation_requirements(code)
        assert need.empty and not need.attrs["rated"] and need.attrs["message"]


def test_unknown_soc_code_is_named():
    with pytest.raises(InputError, match=r"'99-0000\.00'"):
        occupation_requirements("99-0000.00")


# ----------------------------------------------------------------------------- finding a role


def test_find_roles_by_title_puts_whole_phrase_matches_first():
    found = ck.skills.find_roles("software developer")
    assert found.loc[0, "soc_code"] == "15-1252.00"
    assert not found.loc[0, "rated"]
    nurses = ck.skills.find_roles("registered nurse")
    assert nurses.loc[0, "title"] == "Registered Nurses" and nurses.loc[0, "rated"]


def test_find_roles_with_empty_query_says_what_to_type():
    with pytest.raises(InputError, match="job title or a keyword"):
        ck.skills.find_roles("  ")


# ----------------------------------------------------------------------------- the real extractor


@pytest.fixture(scope="module")
def extractor():
    return ck.skills.SkillExtractor(ck.skills.Taxonomy.default())


@pytest.mark.shared_data
def test_requirements_over_real_hahu_postings(shared_data, extractor):
    postings = ck.skills.read_postings(shared_data / "postings/hahu/redacted_hahu_test_with_id.csv")
    req = requirements(postings, extractor)
    assert req.attrs["n_postings"] == 542
    assert len(req) > 50
    assert (req["required"] + req["preferred"] + req["unspecified"] == req["postings"]).all()
    assert (req["share"] == req["postings"] / 542).all()
    assert (req["required_share"] <= req["share"]).all() and req["share"].max() <= 1
    assert req["postings"].is_monotonic_decreasing
    assert req["skill_id"].is_unique


def test_requirements_from_sample_postings_with_the_real_extractor(extractor):
    samples = ck.skills.sample_postings("15-2051.01")
    req = requirements(samples, extractor).set_index("label")
    assert req.loc["Microsoft Excel", "required"] >= 1
    # the sample company "Example employer" is never a skill
    assert not any("example" in label.casefold() for label in req.index)


def test_a_name_onet_gives_a_skill_and_a_knowledge_area_carries_its_kind():
    # O*NET 29.2 rates both the skill 2.A.1.e and the knowledge area 2.C.4.a, each called
    # "Mathematics", for accountants; a chart or goal naming just "Mathematics" is ambiguous
    need = ck.skills.occupation_requirements("13-2011.00")
    names = dict(zip(need["element_id"], need["element_name"], strict=True))
    assert names["2.A.1.e"] == "Mathematics (skill)"
    assert names["2.C.4.a"] == "Mathematics (knowledge)"
    assert names["2.A.1.a"] == "Reading Comprehension"  # unique names stay as O*NET has them
    assert need["element_name"].is_unique
    table = ck.skills.gap({"2.A.1.e": 1, "2.C.4.a": 1}, need)
    summary = ck.charts.summary(ck.charts.gap_chart(table))
    assert "Mathematics (skill)" in summary and "Mathematics (knowledge)" in summary
