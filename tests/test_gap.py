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
        "source",
    ]
    assert (need["source"] == "O*NET 29.2").all() and need.attrs["ratings_from"] == "own"
    assert need.attrs["message"] == ""
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


@pytest.mark.shared_data
def test_software_developers_take_the_ratings_of_their_most_related_rated_occupation(onet_dir):
    need = occupation_requirements("15-1252.00")
    assert need.attrs["rated"] and need.attrs["ratings_from"] == "related occupation"
    # O*NET 29.2 Related Occupations: the first Primary-Short occupation of 15-1252.00 that has
    # ratings, read here independently of careerkit
    related = pd.read_csv(onet_dir / "db_29_2_converted_tsv" / "Related Occupations.txt",
                          sep="\t", dtype=str)
    rated = set(ck.datasets.occupation_ratings()["soc_code"])
    mine = related[(related["O*NET-SOC Code"] == "15-1252.00")
                   & (related["Relatedness Tier"] == "Primary-Short")
                   & related["Related O*NET-SOC Code"].isin(rated)]
    source = mine.sort_values("Index", key=lambda i: i.astype(int)).iloc[0]
    assert need.attrs["source_soc_code"] == source["Related O*NET-SOC Code"] == "15-1299.08"
    assert (need["source"] == need.attrs["source"]).all()
    assert need.attrs["source"].startswith("related occupation 15-1252.00 → 15-1299.08")
    # the ratings are exactly that occupation's, and the person is told whose they are
    theirs = occupation_requirements("15-1299.08")
    pd.testing.assert_frame_equal(need.drop(columns="source"), theirs.drop(columns="source"))
    assert "Computer Systems Engineers/Architects" in need.attrs["message"]
    table = gap({need["element_id"].iloc[0]: 2}, need)
    assert any("Software Developers" in n and "related" in n for n in table.notes)
    # Data Scientists work too; the same-group alternatives are still offered
    assert occupation_requirements("15-2051.00").attrs["rated"]
    assert "15-1251.00" in set(rated_alternatives("15-1252.00")["soc_code"])


@pytest.mark.shared_data
def test_the_29_3_release_was_checked_first_and_rates_none_of_them(onet_dir):
    skills_29_3 = ck.onet.load_release(onet_dir / "db_29_3_excel").skills
    sources = ck.datasets.rating_sources()
    assert not set(sources["soc_code"]) & set(skills_29_3["soc_code"])
    notes = ck.datasets.provenance()["tables"]["rating_sources"]["notes"]
    assert any("29.3" in n for n in notes)


def test_every_occupation_without_own_ratings_gets_rows_and_says_where_from():
    own = set(ck.datasets.occupation_ratings()["soc_code"])
    missing = sorted(set(ck.datasets.occupations()["soc_code"]) - own)
    assert len(missing) == 44
    sources = ck.datasets.rating_sources().set_index("soc_code")
    assert set(sources.index) == set(missing)
    for code in missing:
        need = occupation_requirements(code)
        assert not need.empty and need.attrs["rated"], code
        assert need.attrs["source_soc_code"] == sources.loc[code, "source_soc_code"]
        assert need.attrs["source_soc_code"] in own
        assert need.attrs["message"] and code in need.attrs["source"]
    found = ck.skills.find_roles("software developer")
    assert found.loc[0, "soc_code"] == "15-1252.00" and found.loc[0, "rated"]
    assert found.loc[0, "ratings_from"] == "related occupation"


def test_suppressed_ratings_carry_a_caution():
    ratings = ck.datasets.occupation_ratings()
    flagged = ratings[ratings["suppress"] & (ratings["importance"] >= 3)].iloc[0]
    need = occupation_requirements(flagged["soc_code"])
    row = need.set_index("element_id").loc[flagged["element_id"]]
    assert bool(row["suppress"])
    assert any("recommend suppress" in n for n in need.attrs["notes"])
    table = gap({flagged["element_id"]: 1}, need)
    assert bool(table.onet.iloc[0]["suppress"])
    assert ck.skills.SUPPRESS_CAUTION in table.notes


def test_one_scale_a_rating_of_2_is_level_1_75_never_1_8():
    need = occupation_requirements("15-1251.00")
    programming = need.set_index("element_name").loc["Programming"]
    table = gap({programming["element_id"]: 2}, need)
    text = table.onet.iloc[0]["text"]
    assert text == (f"Programming: you: starting (2 of 5) = level 1.75 of 7; needed: level "
                    f"{ck.skills.format_level(programming['level'])} of 7")
    assert "1.8" not in text
    assert [ck.skills.format_level(level_from_rating(r)) for r in range(1, 6)] == [
        "0", "1.75", "3.5", "5.25", "7"]


@pytest.mark.shared_data
def test_level_anchors_say_what_a_level_means_in_onet_words(onet_dir):
    anchors = pd.read_csv(onet_dir / "db_29_2_converted_tsv" / "Level Scale Anchors.txt",
                          sep="\t", dtype=str)
    reading = anchors[(anchors["Element ID"] == "2.A.1.a") & (anchors["Scale ID"] == "LV")]
    at_four = reading[reading["Anchor Value"].astype(float) == 4]["Anchor Description"].iloc[0]
    text = ck.skills.level_anchor("2.A.1.a", 4)
    assert text == f"level 4 of 7 on Reading Comprehension is like: {at_four}"
    between = ck.skills.level_anchor("2.A.1.a", 4.9)
    assert "between" in between and at_four in between
    assert "below O*NET's first example" in ck.skills.level_anchor("2.A.1.a", 0.5)
    # every rated skill and knowledge area has anchors
    anchored = set(ck.datasets.level_anchors()["element_id"])
    assert set(ck.datasets.elements()["element_id"]) <= anchored
    with pytest.raises(InputError, match=r"no level anchors for element '9\.Z'"):
        ck.skills.level_anchor("9.Z", 3)
    with pytest.raises(InputError, match="0–7 level scale"):
        ck.skills.level_anchor("2.A.1.a", 9)


def test_unknown_soc_code_is_named():
    with pytest.raises(InputError, match=r"'99-0000\.00'"):
        occupation_requirements("99-0000.00")


# ----------------------------------------------------------------------------- finding a role


def test_find_roles_by_title_puts_whole_phrase_matches_first():
    found = ck.skills.find_roles("software developer")
    assert found.loc[0, "soc_code"] == "15-1252.00"
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
