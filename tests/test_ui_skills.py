"""Skills screens driven headlessly: set values, click buttons, read the workbook file back."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import ClassVar

import pytest

import careerkit as ck
from careerkit.ui import skills as ui


class StandInExtractor:
    """Whole-word lookups with the documented extractor interface (until the real one lands,
    and to keep these tests about the screens)."""

    SKILLS: ClassVar[dict[str, tuple[str, str, str]]] = {
        "sql": ("sk:sql", "SQL", "software"),
        "excel": ("sk:excel", "Microsoft Excel", "software"),
        "python": ("sk:python", "Python", "software"),
        "teamwork": ("sk:teamwork", "Teamwork", "transferable"),
    }

    def extract(self, text, employer=None):
        out = []
        for m in re.finditer(r"\w+", text):
            key = m.group().casefold()
            if key in self.SKILLS and not (employer and key in employer.casefold()):
                required = "requirements" in text[: m.start()].casefold()
                sid, label, kind = self.SKILLS[key]
                out.append(
                    SimpleNamespace(
                        skill_id=sid,
                        label=label,
                        kind=kind,
                        start=m.start(),
                        end=m.end(),
                        strength="required" if required else "unspecified",
                    )
                )
        return out


@pytest.fixture
def wb():
    return ck.Workbook.create("tester")


@pytest.fixture
def step(wb):
    return ui.SkillsStep(wb, extractor=StandInExtractor())


def reopen(wb):
    return ck.Workbook.open(wb.path)


def choose_role(step, query, soc_code):
    step.target.search.value = query
    step.target.search_button.click()
    step.target.results.value = soc_code
    step.target.use_result.click()


def test_search_and_choose_a_target_role_is_saved(step, wb):
    choose_role(step, "registered nurse", "29-1141.00")
    saved = reopen(wb).skills
    assert saved.target_soc_code == "29-1141.00"
    assert saved.target_title == "Registered Nurses"
    assert saved.target_source == "search"
    assert "Registered Nurses" in step.target.current.value
    # the rater followed the new target: one control per item of importance >= 3
    need = ck.skills.items_to_rate(ck.skills.occupation_requirements("29-1141.00"))
    assert list(step.rater.controls) == need["element_id"].tolist()


def test_search_without_results_says_so(step):
    step.target.search.value = "zzqxv"
    step.target.search_button.click()
    assert "No role matched" in step.target.message.value
    assert step.target.results.options == ()


def test_target_from_interest_matches(wb):
    inventory = ck.interests.load_inventory()
    items = inventory.items
    # strongly like Investigative and Realistic activities, dislike the rest
    wb.interests.responses = {
        row.item_id: 5 if row.scale == "I" else 4 if row.scale == "R" else 1
        for row in items.itertuples(index=False)
    }
    wb.save()
    step = ui.SkillsStep(wb, extractor=StandInExtractor())
    assert not step.target.matches.disabled
    first = step.target.matches.options[0][1]
    step.target.use_match.click()
    saved = reopen(wb).skills
    assert saved.target_soc_code == first and saved.target_source == "interests"


def test_without_interest_answers_matches_are_disabled(step):
    assert step.target.matches.disabled and step.target.use_match.disabled


def test_paste_a_posting_then_requirements_and_evidence_follow(step, wb):
    step.postings.paste.value = "Data analyst\nRequirements: SQL and <b>Excel</b> & teamwork"
    step.postings.add_pasted.click()
    saved = reopen(wb).skills.postings
    assert len(saved) == 1 and saved[0].title == "Data analyst" and saved[0].source == "pasted"
    assert step.postings.paste.value == ""
    assert set(step.requirements.held) == {"sk:sql", "sk:excel", "sk:teamwork"}
    assert "3 skills found in 1 posting." in step.requirements.summary.value
    # the evidence view escapes the posting and marks the skills
    evidence = step.evidence.text.value
    assert "&lt;b&gt;" in evidence and "<b>" not in evidence and "&amp;" in evidence
    assert '<mark title="SQL (required)"><strong>SQL</strong></mark>' in evidence


def test_empty_paste_shows_a_plain_message(step, wb):
    step.postings.paste.value = "   "
    step.postings.add_pasted.click()
    assert "empty" in step.postings.message.value
    assert reopen(wb).skills.postings == []


def test_upload_a_file(step, wb):
    content = b"title,description\nAnalyst,Requirements: SQL\nClerk,Excel\n"
    step.postings.upload.value = (
        {
            "name": "jobs.csv",
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.now(UTC),
        },
    )
    saved = reopen(wb).skills.postings
    assert [p.title for p in saved] == ["Analyst", "Clerk"]
    assert all(p.source == "jobs.csv" for p in saved)
    assert "Added 2" in step.postings.message.value


def test_bad_upload_is_reported_not_raised(step, wb):
    content = b"%PDF-1.4 binary"
    step.postings.upload.value = (
        {
            "name": "scan.pdf",
            "type": "application/pdf",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.now(UTC),
        },
    )
    assert "scan.pdf" in step.postings.message.value and "PDF" in step.postings.message.value
    assert reopen(wb).skills.postings == []


def test_sample_postings_are_labelled_illustrative(step, wb):
    choose_role(step, "registered nurse", "29-1141.00")
    assert step.postings.sample_role.value == "29-1141.00"
    step.postings.use_samples.click()
    saved = reopen(wb).skills.postings
    assert len(saved) == 2 and all(p.illustrative for p in saved)
    assert all("illustrative" in label for label, _ in step.postings.posting_list.options)


def test_remove_a_posting(step, wb):
    step.postings.paste.value = "Cook\nPrepare meals"
    step.postings.add_pasted.click()
    step.postings.posting_list.value = step.postings.posting_list.options[0][1]
    step.postings.remove.click()
    assert reopen(wb).skills.postings == []


def test_ticking_a_held_skill_saves_it_and_updates_the_gap(step, wb):
    step.postings.paste.value = "Analyst\nRequirements: SQL, Excel"
    step.postings.add_pasted.click()
    assert set(step.gap.table.postings["skill_id"]) == {"sk:sql", "sk:excel"}
    step.requirements.held["sk:sql"].value = True
    assert reopen(wb).skills.skills_held == ["sk:sql"]
    assert set(step.gap.table.postings["skill_id"]) == {"sk:excel"}
    step.requirements.held["sk:sql"].value = False
    assert reopen(wb).skills.skills_held == []


def test_rating_saves_and_ranks_the_gap(step, wb):
    choose_role(step, "computer programmers", "15-1251.00")
    need = ck.skills.occupation_requirements("15-1251.00").set_index("element_name")
    programming = need.loc["Programming", "element_id"]
    control = step.rater.controls[programming]
    assert control.description == "Programming"
    # a radio group named by the skill; each answer says its number and what it means
    assert len(control.options) == 5
    labels = [label for label, _value in control.options]
    assert [label.split(" ", 1)[0] for label in labels] == ["1", "2", "3", "4", "5"]
    assert labels[0].startswith("1 Not yet")
    control.value = 1
    assert reopen(wb).skills.ratings == {programming: 1}
    top = step.gap.table.onet.iloc[0]
    assert top["element_id"] == programming
    expected = need.loc["Programming", "level"] / 7 * need.loc["Programming", "importance"] / 5
    assert top["priority"] == pytest.approx(expected)
    assert "Programming" in step.gap.tables.value
    assert step.gap.figure is not None
    assert "Programming" in ck.charts.summary(step.gap.figure)
    # the chart's words are shown too, for people who cannot see the chart
    assert "Programming" in step.gap.summary.value


def test_a_skill_and_a_knowledge_area_with_one_name_are_told_apart(step, wb):
    # O*NET calls both the skill 2.A.1.e and the knowledge area 2.C.4.a "Mathematics"; for
    # accountants both are rated, and two rows both labelled "Mathematics" cannot be told apart
    choose_role(step, "accountant", "13-2011.00")
    labels = {eid: c.description for eid, c in step.rater.controls.items()}
    assert labels["2.A.1.e"] == "Mathematics (skill)"
    assert labels["2.C.4.a"] == "Mathematics (knowledge)"
    assert len(set(labels.values())) == len(labels)
    assert labels["2.A.1.a"] == "Reading Comprehension"  # unique names stay as O*NET has them
    step.rater.controls["2.A.1.e"].value = 1
    step.rater.controls["2.C.4.a"].value = 5
    assert reopen(wb).skills.ratings == {"2.A.1.e": 1, "2.C.4.a": 5}
    # the gap tables use the same names: the skill is a gap, the knowledge area a strength
    assert "<td" in step.gap.tables.value
    assert "Mathematics (skill)" in step.gap.tables.value
    assert "Mathematics (knowledge)" in step.gap.tables.value


def test_role_without_its_own_onet_ratings_uses_a_related_occupations(step, wb):
    # issue 11: Software Developers have no ratings of their own in O*NET 29.2; the ratings of
    # their most related rated occupation are used, so there is something to rate
    choose_role(step, "software developer", "15-1252.00")
    assert step.rater.controls
    step.postings.paste.value = "Developer\nRequirements: Python and SQL"
    step.postings.add_pasted.click()
    assert set(step.gap.table.postings["skill_id"]) == {"sk:python", "sk:sql"}


def test_ratings_from_an_earlier_role_are_kept_but_not_used(step, wb):
    choose_role(step, "computer programmers", "15-1251.00")
    first = next(iter(step.rater.controls))
    step.rater.controls[first].value = 2
    # O*NET marks the first item (Computers and Electronics) not relevant for Stonemasons
    choose_role(step, "stonemason", "47-2022.00")
    assert step.gap.table.onet.empty
    assert reopen(wb).skills.ratings == {first: 2}


def test_make_draft_goals_adds_goals_once(step, wb):
    choose_role(step, "computer programmers", "15-1251.00")
    for control in step.rater.controls.values():
        control.value = 1
    step.gap.make_goals.click()
    saved = reopen(wb)
    assert len(saved.skills.draft_goals) == 3
    assert len(saved.goals.goals) == 3
    goal = saved.goals.goals[0]
    assert goal.draft and goal.category == "skill"
    assert goal.links.target_soc_code == "15-1251.00"
    assert goal.links.gap_skills == [saved.skills.draft_goals[0].skill]
    assert "draft goal" in step.gap.message.value
    step.gap.make_goals.click()
    assert len(reopen(wb).goals.goals) == 3
    assert "already" in step.gap.message.value


def test_make_goals_without_a_gap_says_so(step, wb):
    step.gap.make_goals.click()
    assert reopen(wb).goals.goals == []


def test_evidence_html_escapes_and_skips_overlaps():
    text = "<script>C++ & C#</script>"
    matches = [
        SimpleNamespace(label="C++", strength="preferred", start=8, end=11),
        SimpleNamespace(label="C", strength="unspecified", start=8, end=9),
        SimpleNamespace(label="C#", strength="required", start=14, end=16),
    ]
    out = ui.evidence_html(text, matches)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<mark title="C++ (preferred)">C++</mark>' in out
    assert out.count("<mark") == 2
    assert "<strong>C#</strong>" in out


def test_every_control_has_a_label(step):
    choose_role(step, "registered nurse", "29-1141.00")
    labelled = [
        step.target.matches,
        step.target.search,
        step.target.results,
        step.postings.paste,
        step.postings.upload,
        step.postings.sample_role,
        step.postings.posting_list,
        step.evidence.choice,
        *step.rater.controls.values(),
    ]
    assert all(w.description for w in labelled)


def test_default_extractor_finds_skills_in_the_sample_postings(wb):
    step = ui.SkillsStep(wb)
    choose_role(step, "business intelligence analysts", "15-2051.01")
    step.postings.use_samples.click()
    labels = [box.description for box in step.requirements.held.values()]
    assert any(label.startswith("Microsoft Excel") for label in labels)
    assert "<mark" in step.evidence.text.value
