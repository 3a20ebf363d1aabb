"""The counselor's cohort view: loading a folder, progress, suppression, alpha, export."""

from __future__ import annotations

import csv
import json
import random
import stat
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

import careerkit as ck
from careerkit.cohort import cronbach_alpha, guard_cell, key_path, suppress_fixed, suppress_open
from careerkit.goals import Goal, Links, Obstacle
from careerkit.interests import RIASEC, load_inventory
from careerkit.skills import items_to_rate, occupation_requirements

ALL_SCOPES = ["store", "share_with_counselor", "cohort_statistics"]
NURSE = "29-1141.00"
SUPPORT = "43-4051.00"
DANGEROUS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx=1", "\rx=1"]
SECRET_NOTE = "my secret note about my boss"


def _responses(rng: random.Random, first: str, answered: int | None = None) -> dict[str, int]:
    """Answers with ``first`` as the clear top area (all 5s) and the others from a latent
    level per area plus noise, capped at 4 so ``first`` stays on top."""
    items = load_inventory().items
    level = {a: rng.uniform(1.0, 4.0) for a in RIASEC}
    out = {}
    for item, scale in zip(items["item_id"], items["scale"], strict=True):
        if scale == first:
            out[item] = 5
        else:
            out[item] = max(1, min(4, round(level[scale] + rng.gauss(0, 0.7))))
    if answered is not None:
        out = dict(list(out.items())[:answered])
    return out


def _smart_goal() -> Goal:
    return Goal(
        # one goal per statement: two joined by "and" count as two goals (S 1) since issue 12
        text="I will attend 4 local data meetups by March 2035",
        category="network",
        confidence=8,
        resources=["meetup list"],
        obstacles=[Obstacle(obstacle="shy", strategy="go with a friend")],
        links=Links(target_title="Registered Nurses"),
    )


def _make(folder: Path, name: str, scopes, *, first="S", answered=None, workshop="spring",
          soc=None, rate="all", goals=(), notes="", withdraw=False, seed=0) -> ck.Workbook:
    rng = random.Random(seed)
    wb = ck.Workbook.create(name, folder, workshop=workshop)
    if scopes:
        wb.give_consent("v1", scopes)
    wb.interests.responses.update(_responses(rng, first, answered))
    if soc:
        wb.skills.target_soc_code = soc
        wb.skills.target_title = occupation_requirements(soc).attrs["title"]
        items = list(items_to_rate(occupation_requirements(soc))["element_id"])
        if rate == "half":
            items = items[: len(items) // 2]
        wb.skills.ratings.update(dict.fromkeys(items, 2))
    for goal in goals:
        wb.goals.goals.append(goal)
    wb.notes = notes
    wb.save()
    if withdraw:
        wb.withdraw_consent()
    return wb


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """31 workbooks + bad files. Statistics: 26 people (S 12, I 7, A 3, E 2 first letters,
    2 unfinished); 2 share-only (R first); 2 withdrawn (C first); 1 without consent."""
    folder = tmp_path_factory.mktemp("submitted")
    firsts = ["S"] * 12 + ["I"] * 7 + ["A"] * 3 + ["E"] * 2
    for i, first in enumerate(firsts):
        goals = [_smart_goal()] if i % 2 == 0 else []
        goals += [Goal(text="Get better at networking", category="network")] if i < 8 else []
        soc = NURSE if i < 10 else (SUPPORT if i < 13 else None)
        workshop = DANGEROUS[i] if i < len(DANGEROUS) else ("spring" if i % 2 else "autumn")
        _make(folder, f"p{i:02d}", ALL_SCOPES, first=first, soc=soc, goals=goals,
              rate="half" if soc == SUPPORT else "all",
              workshop=workshop, notes=f"{SECRET_NOTE} {i}", seed=i)
    for j in range(2):
        _make(folder, f"unfinished{j}", ALL_SCOPES, answered=25, seed=100 + j,
              goals=[Goal(text="=1+1 get a job")])
    for j in range(2):
        _make(folder, f"shareonly{j}", ["store", "share_with_counselor"], first="R",
              seed=200 + j)
    for j in range(2):
        _make(folder, f"withdrawn{j}", ALL_SCOPES, first="C", withdraw=True, seed=300 + j)
    _make(folder, "noconsent", None, first="C", seed=400)
    # bad files
    (folder / "damaged.json").write_text('{"format": "careerkit.workbook", "schema', "utf-8")
    (folder / "foreign.json").write_text(json.dumps({"name": "package", "version": "1"}))
    (folder / "alist.json").write_text("[1, 2, 3]")
    newer = json.loads((folder / "p00.json").read_text())
    newer["schema_version"] = 99
    newer["participant"]["pseudonym"] = "newer"
    (folder / "newer.json").write_text(json.dumps(newer))
    (folder / "renamed.json").write_bytes((folder / "p01.json").read_bytes())
    # not workbooks by name: never looked at
    (folder / "readme.txt").write_text("hello")
    (folder / "p00.json.damaged-20260101").write_text("{")
    return folder


@pytest.fixture(scope="module")
def cohort(folder: Path) -> ck.cohort.Cohort:
    return ck.cohort.load(folder)


def test_bad_files_are_listed_with_a_reason_and_skipped(cohort):
    skipped = dict(zip(cohort.skipped["file"], cohort.skipped["reason"], strict=True))
    assert set(skipped) == {"damaged.json", "foreign.json", "alist.json", "newer.json",
                            "renamed.json"}
    assert "not valid JSON" in skipped["damaged.json"]
    assert "not a careerkit workbook" in skipped["foreign.json"]
    assert "a list" in skipped["alist.json"]
    assert "newer careerkit" in skipped["newer.json"]
    assert "p01" in skipped["renamed.json"]
    assert not any(str(cohort.folder) in reason for reason in skipped.values())


def test_consent_decides_who_is_shown_and_who_is_counted(cohort):
    excluded = dict(zip(cohort.excluded["file"], cohort.excluded["reason"], strict=True))
    assert excluded == {
        "withdrawn0.json": "consent withdrawn",
        "withdrawn1.json": "consent withdrawn",
        "noconsent.json": "no consent given",
    }
    progress = cohort.progress()
    assert len(progress) == 28
    assert not progress["pseudonym"].str.startswith(("withdrawn", "noconsent")).any()
    assert progress.loc[progress["pseudonym"].str.startswith("shareonly"), "in_statistics"].eq(
        False).all()
    assert len(cohort.statistics) == 26
    summary = cohort.summary()
    assert (summary.n_valid, summary.n_statistics, summary.n_withdrawn) == (31, 26, 2)
    assert summary.n_no_statistics == 3 and summary.n_skipped == 5
    assert "Statistics include 26 of 31 workbooks" in summary.notes[0]
    assert "2 withdrew consent" in summary.notes[0]


def test_progress_counts_each_step(cohort):
    progress = cohort.progress().set_index("pseudonym")
    nurse = progress.loc["p00"]
    assert nurse["interests_answered"] == 60 and nurse["interests_items"] == 60
    assert nurse["holland_code"][0] == "S"
    assert nurse["target_soc_code"] == NURSE and nurse["target_role"] == "Registered Nurses"
    assert nurse["ratings"] == len(items_to_rate(occupation_requirements(NURSE)))
    assert (nurse["goals"], nurse["smart_goals"]) == (2, 1)
    assert (nurse["interests_step"], nurse["skills_step"], nurse["goals_step"]) == (
        "done", "done", "done")
    half = progress.loc["p11"]  # support role, half the items rated, no goals
    assert half["skills_step"] == "started" and half["goals_step"] == "not started"
    unfinished = progress.loc["unfinished0"]
    assert unfinished["interests_answered"] == 25 and unfinished["holland_code"] == ""
    assert unfinished["interests_step"] == "started"
    assert unfinished["goals"] == 1 and unfinished["smart_goals"] == 0
    assert str(progress["last_change"].dtype).startswith("datetime64")
    assert progress.loc["p15", "skills_step"] == "not started"


def test_holland_codes_agree_with_scoring_each_workbook(cohort, folder):
    from careerkit.interests import score

    for row in cohort.progress().itertuples():
        profile = score(ck.Workbook.open(folder / f"{row.pseudonym}.json").interests.responses)
        # a tied profile shows every code its ties allow, as the report and charts do
        expected = (
            ck.interests.holland_ties(profile).code_text().removesuffix(" (tied scores)")
            if profile.complete and not profile.flat
            else ""
        )
        assert row.holland_code == expected


def test_small_groups_are_suppressed(cohort):
    letters = cohort.summary(k=5)["holland_first_letter"].set_index("group")
    assert letters.loc["S (Social)", "count"] == 12
    assert letters.loc["I (Investigative)", "count"] == 7
    for hidden in ("A (Artistic)", "E (Enterprising)"):
        assert pd.isna(letters.loc[hidden, "count"]) and letters.loc[hidden, "shown"] == "<5"
        assert pd.isna(letters.loc[hidden, "share"])
    # share-only participants (R first) and withdrawn ones (C first) are not counted
    assert letters.loc["R (Realistic)", "count"] == 0
    assert letters.loc["C (Conventional)", "count"] == 0
    roles = cohort.summary(k=5)["target_roles"]
    assert list(roles["group"]) == ["Registered Nurses", "other (each fewer than 5)"]
    assert roles["shown"].tolist() == ["10", "<5"]
    assert "Customer Service Representatives" not in roles["group"].tolist()
    # k=3 hides E (2) only, so A (3), the next smallest, is hidden too; k=2 shows both
    letters3 = cohort.summary(k=3)["holland_first_letter"].set_index("group")
    assert letters3.loc["E (Enterprising)", "shown"] == "<3"
    assert letters3.loc["A (Artistic)", "shown"] == "<3"
    assert letters3.loc["I (Investigative)", "count"] == 7
    letters2 = cohort.summary(k=2)["holland_first_letter"].set_index("group")
    assert letters2.loc["A (Artistic)", "count"] == 3
    assert letters2.loc["E (Enterprising)", "count"] == 2


def test_summary_counts_goals_verdicts_steps_and_gaps(cohort):
    summary = cohort.summary(k=5)
    categories = summary["goal_categories"].set_index("group")
    # 12 SMART + 8 vague network goals, 2 goals without a type: hiding the 2 alone would let
    # the total give it away, so the 20 is hidden too
    assert categories.loc["no type yet", "shown"] == "<5"
    assert categories.loc["network", "shown"] == "<5"
    assert categories.loc["skill", "shown"] == "0"
    assert cohort.summary(k=2)["goal_categories"].set_index("group").loc["network", "count"] == 20
    verdicts = summary["smart_verdicts"].set_index("group")
    assert verdicts.loc["SMART", "count"] == 12
    assert verdicts.loc["not SMART", "count"] == 10
    steps = summary["steps"]
    goals = steps[steps["step"] == "goals"].set_index("group")
    assert goals.loc["done", "count"] == 12
    gaps = summary["gap_skills"]
    # every nurse has the same three top gaps (all rated 2); 3 support staff may share some
    assert (gaps["count"].iloc[:3] >= 10).all() and (gaps["count"].iloc[:3] <= 13).all()
    assert gaps["group"].iloc[0].endswith(("(skill)", "(knowledge)"))
    # mean scores: the 24 complete profiles (not the 2 unfinished, not the share-only R's)
    scores = summary["riasec_scores"].set_index("group")
    assert (scores["n"] == 24).all()
    assert scores.loc["S (Social)", "mean"] > scores.loc["R (Realistic)", "mean"]
    statuses = summary["goal_status"].set_index("group")
    assert statuses.loc["not started", "count"] == 22  # every goal, as created


def test_a_single_hidden_group_hides_the_next_smallest_too():
    table = suppress_fixed({"a": 10, "b": 2, "c": 7, "d": 0}, k=5).set_index("group")
    assert table.loc["a", "shown"] == "10"
    assert table.loc["b", "shown"] == "<5" and table.loc["c", "shown"] == "<5"
    assert table.loc["d", "shown"] == "0"


def test_a_cohort_smaller_than_k_shows_no_counts():
    table = suppress_fixed({"a": 3, "b": 1}, k=5)
    assert table["count"].isna().all()
    assert suppress_open({"x": 4}, k=5, total=4).empty
    with pytest.raises(ck.InputError, match="k must be"):
        suppress_fixed({"a": 1}, k=0)


def test_cronbach_alpha_matches_a_hand_computed_example():
    # items [[1,2],[2,3],[3,3]]: item variances 1 and 1/3; totals 3,5,6 with variance 7/3;
    # alpha = 2 * (1 - (4/3)/(7/3)) = 6/7
    assert cronbach_alpha([[1, 2], [2, 3], [3, 3]]) == pytest.approx(float(Fraction(6, 7)))
    # four persons, three items, worked by hand: item variances 5/3, 5/3, 1/4 (sum 43/12);
    # totals 6, 6, 9, 12 -> variance 33/4; alpha = 3/2 * (1 - (43/12)/(33/4)) = 28/33
    assert cronbach_alpha([[1, 2, 3], [2, 1, 3], [3, 3, 3], [4, 4, 4]]) == pytest.approx(
        float(Fraction(28, 33)))
    assert pd.isna(cronbach_alpha([[1, 1], [1, 1]]))
    assert pd.isna(cronbach_alpha([[1, 2]]))


def _alpha_by_hand(rows: list[list[int]]) -> float:
    from statistics import variance

    k = len(rows[0])
    items = sum(variance([r[i] for r in rows]) for i in range(k))
    return k / (k - 1) * (1 - items / variance([sum(r) for r in rows]))


def test_reliability_per_scale_once_the_cohort_is_large_enough(cohort, folder):
    few = cohort.reliability(min_n=30)
    assert few["alpha"].isna().all()
    assert few["note"].str.contains("at least 30").all()
    table = cohort.reliability(min_n=20).set_index("scale")
    assert table.loc["S", "n"] == 24  # the two unfinished lack some items; share-only not counted
    inventory = load_inventory().items
    items = list(inventory.loc[inventory["scale"] == "I", "item_id"])
    rows = []
    for m in cohort.statistics:
        wb = ck.Workbook.open(folder / m.file)
        answers = wb.interests.responses
        if all(i in answers for i in items):
            rows.append([answers[i] - 1 for i in items])
    assert table.loc["I", "alpha"] == pytest.approx(_alpha_by_hand(rows))
    assert 0 < table.loc["I", "alpha"] < 1
    with pytest.raises(ck.InputError, match="min_n"):
        cohort.reliability(min_n=1)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_gets_an_apostrophe(start):
    assert guard_cell(start + "cmd") == "'" + start + "cmd"
    assert guard_cell("safe" + start) == "safe" + start
    assert guard_cell(5) == 5


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_export_is_pseudonymised_with_a_private_key_file(cohort, tmp_path):
    out = cohort.export(tmp_path / "cohort.csv")
    rows = _read_csv(out)
    assert len(rows) == 28 and "pseudonym" not in rows[0]
    codes = [r["code"] for r in rows]
    assert len(set(codes)) == 28 and all(c.startswith("P-") and len(c) == 10 for c in codes)
    text = out.read_text(encoding="utf-8-sig")
    assert "p00" not in text and "shareonly0" not in text
    key = key_path(out)
    assert key.name == "cohort.csv.key.csv"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    pairs = {r["code"]: r["pseudonym"] for r in _read_csv(key)}
    assert set(pairs.values()) == set(cohort.progress()["pseudonym"])
    by_code = {r["code"]: r for r in rows}
    p00 = next(c for c, p in pairs.items() if p == "p00")
    assert by_code[p00]["holland_code"][0] == "S"
    # the same cohort keeps its codes; a new load makes new ones
    again = _read_csv(cohort.export(tmp_path / "again.csv"))
    assert {r["code"] for r in again} == set(codes)
    other = ck.cohort.load(cohort.folder).codes
    assert set(other.values()).isdisjoint(codes)


def test_export_leaves_free_text_out_unless_asked(cohort, tmp_path):
    out = cohort.export(tmp_path / "plain.csv", pseudonymise=False)
    text = out.read_text(encoding="utf-8-sig")
    assert SECRET_NOTE not in text and "networking" not in text and "meetups" not in text
    assert not key_path(out).exists()
    assert "p00" in text
    full = _read_csv(cohort.export(tmp_path / "full.csv", include_free_text=True))
    notes = [r["notes"] for r in full]
    assert any(SECRET_NOTE in n for n in notes)
    assert any(r["goal_texts"] == "'=1+1 get a job" for r in full)


def test_formula_injection_is_neutralised_in_csv(cohort, tmp_path):
    rows = _read_csv(cohort.export(tmp_path / "c.csv"))
    workshops = {r["workshop"] for r in rows}
    for value in DANGEROUS:
        assert "'" + value in workshops
        assert value not in workshops


def test_formula_injection_is_neutralised_in_xlsx(cohort, tmp_path):
    from openpyxl import load_workbook

    out = cohort.export(tmp_path / "c.xlsx", include_free_text=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    book = load_workbook(out)
    sheet = book["Participants"]
    header = [c.value for c in sheet[1]]
    column = header.index("Workshop") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    # (XML stores a carriage return as a line feed: both are guarded)
    values = {c.value.replace("\r", "\n") for c in cells}
    for value in DANGEROUS:
        assert "'" + value.replace("\r", "\n") in values
    assert all(c.data_type == "s" for c in cells)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    about = " ".join(str(c.value) for c in book["About"]["A"])
    assert "apostrophe" in about and "NOT pseudonymised" in about
    assert sheet.max_row == 29


def test_export_refuses_other_formats(cohort, tmp_path):
    with pytest.raises(ck.InputError, match=r"\.xlsx .*\.zip .*\.csv"):
        cohort.export(tmp_path / "cohort.pdf")


def test_missing_folder_is_a_plain_error(tmp_path):
    with pytest.raises(ck.InputError, match="does not exist"):
        ck.cohort.load(tmp_path / "nope")
    (tmp_path / "file.json").write_text("{}")
    with pytest.raises(ck.InputError, match="not a folder"):
        ck.cohort.load(tmp_path / "file.json")


def test_an_empty_folder_gives_an_empty_cohort(tmp_path):
    cohort = ck.cohort.load(tmp_path)
    assert cohort.progress().empty and list(cohort.progress().columns) == ck.cohort.PROGRESS_COLUMNS
    summary = cohort.summary()
    assert summary.n_statistics == 0 and "fewer than 5" in " ".join(summary.notes)
    assert cohort.reliability()["alpha"].isna().all()
    rows = _read_csv(cohort.export(tmp_path / "empty.csv"))
    assert rows == []


def test_a_tie_for_the_first_letter_is_counted_as_tied_not_given_to_r(tmp_path):
    items = load_inventory().items
    # R and S tie on top for three people; S alone on top for three more
    for i, top in enumerate(["RS", "RS", "RS", "S", "S", "S"]):
        wb = ck.Workbook.create(f"p{i}", tmp_path)
        wb.give_consent("v1", ALL_SCOPES)
        wb.interests.responses.update(
            {item: 5 if scale in top else 2 + (scale == "I")
             for item, scale in zip(items["item_id"], items["scale"], strict=True)}
        )
        wb.save()
    summary = ck.cohort.load(tmp_path).summary(k=1)
    letters = summary["holland_first_letter"].set_index("group")
    tied = [g for g in letters.index if g.startswith("tied")]
    assert len(tied) == 1 and letters.loc[tied[0], "count"] == 3
    assert letters.loc["S (Social)", "count"] == 3
    assert letters.loc["R (Realistic)", "count"] == 0
    codes = summary["holland_code"].set_index("group")
    assert codes.loc["RSI or SRI", "count"] == 3
    assert any("counted under \"tied\"" in n for n in summary.notes)


def test_work_values_are_averaged_and_hidden_below_k(tmp_path):
    ratings = {"achievement": 5, "working_conditions": 2, "recognition": 3,
               "relationships": 4, "support": 1, "independence": 2}
    for i in range(6):
        wb = ck.Workbook.create(f"v{i:02d}", tmp_path)
        wb.give_consent("v1", ["store", "cohort_statistics"])
        if i < 5:
            wb.values.ratings = ratings
        wb.save()
    summary = ck.cohort.load(tmp_path).summary(k=5)
    values = summary.tables["work_values"].set_index("group")
    assert values.loc["Achievement", "n"] == 5 and values.loc["Achievement", "mean"] == 5
    assert ck.cohort.load(tmp_path).summary(k=6).tables["work_values"]["mean"].isna().all()
