"""One source for a workbook's results: the screens, the report and the cohort view show the
same profile, matches, gap and SMART verdicts — also with a counselor's own inventory (where the
skills step's role panel used to score against the bundled one and show nothing)."""

from __future__ import annotations

from pathlib import Path

import careerkit as ck
from careerkit.cohort._member import member_from_workbook
from careerkit.report._content import build
from careerkit.results import results
from careerkit.ui.interests import InterestResults
from careerkit.ui.skills import SkillsSession, TargetRolePanel

RIASEC = "RIASEC"


def _custom_inventory(folder: Path) -> Path:
    rows = ["item_id,text,scale"] + [
        f"{x}{i},Our activity {x}{i},{x}" for x in RIASEC for i in range(1, 5)
    ]
    path = folder / "ours.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _workbook(folder: Path) -> ck.Workbook:
    wb = ck.Workbook.create("river-42", folder)
    wb.give_consent("2026-1", ["store", "share_with_counselor", "cohort_statistics"])
    wb.interests.inventory_path = str(_custom_inventory(folder))
    likes = {"S": 5, "I": 4, "A": 3, "E": 2, "R": 1, "C": 1}
    wb.interests.responses = {f"{x}{i}": likes[x] for x in RIASEC for i in range(1, 5)}
    wb.interests.responses["A1"] = 4  # a little spread inside an area
    wb.skills.target_soc_code = "29-1141.00"
    wb.skills.target_title = "Registered Nurses"
    need = ck.skills.items_to_rate(ck.skills.occupation_requirements("29-1141.00"))
    wb.skills.ratings = dict.fromkeys(need["element_id"], 2)
    wb.goals.goals = [
        ck.goals.Goal(text="Attend 4 local nursing meetups by March 2035"),
        ck.goals.Goal(text="Get better with people"),
    ]
    wb.save()
    return wb


def test_screens_report_and_cohort_agree_with_a_counselors_inventory(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    computed = results(wb)
    assert computed.inventory is not None and len(computed.inventory) == 24
    assert computed.profile is not None and computed.profile.code.startswith("SI")
    matches = computed.matches(top=None)
    assert matches is not None and not matches.empty

    # the interests screen
    screen = InterestResults(wb)
    assert screen.profile.scores == computed.profile.scores
    shown = list(screen.matches["soc_code"])
    assert shown == list(matches["soc_code"][: len(shown)])

    # the skills step's role panel offers the same matches (it once scored the bundled bank)
    panel = TargetRolePanel(wb, SkillsSession(wb))
    offered = [code for _label, code in panel.matches.options if code]
    assert offered and set(offered) <= set(matches["soc_code"])
    assert offered[: len(shown)] == list(matches["soc_code"][: len(offered[: len(shown)])])

    # the report
    content = build(wb)
    assert [m["soc_code"] for m in content.interests["matches"]] == list(
        matches["soc_code"][: len(content.interests["matches"])]
    )
    gap = computed.gap()
    assert [g["name"] for g in content.skills["onet"]] == list(
        gap.onet["element_name"][: len(content.skills["onet"])]
    )
    verdicts = [computed.smart[g.id].verdict for g in wb.goals.goals]
    shown_verdicts = [g["verdict"] for g in content.goals["goals"]]
    assert all(s.endswith(v) for s, v in zip(shown_verdicts, verdicts, strict=True))

    # the cohort view
    member = member_from_workbook(ck.Workbook.open(wb.path))
    ties = ck.interests.holland_ties(computed.profile)
    assert member.holland_code == ck.interests.codes_text(ties.codes)
    assert member.scores == {a: float(v) for a, v in computed.profile.scores.items()}
    assert list(member.smart_verdicts) == verdicts
    top_gaps = gap.onet[gap.onet["gap"] > 0].head(3)
    assert [s.rsplit(" (", 1)[0] for s in member.gap_skills] == list(top_gaps["element_name"])
