"""The public API of ARCHITECTURE.md is a contract: names, call shapes and result columns.

Notebooks, the CLI, counselors' own notebooks and external checks use exactly these calls, so
each is exercised here once, end to end, on the bundled data.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import plotly.graph_objects as go
import pytest

import careerkit as ck

TODAY = dt.date(2026, 11, 21)


def test_import_is_lazy_and_light():
    code = (
        "import sys, careerkit as ck; "
        "heavy = [m for m in ('pandas', 'plotly', 'ipywidgets') if m in sys.modules]; "
        "print(ck.__version__, heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split(" ", 1)[1].strip() == "[]"


def test_errors_form_one_family():
    for cls in (ck.DataError, ck.InputError, ck.WorkbookError):
        assert issubclass(cls, ck.CareerkitError)


def test_unknown_attribute_is_an_attribute_error():
    assert not hasattr(ck, "no_such_thing")


def test_bundled_occupations_have_the_documented_columns():
    occ = ck.datasets.occupations()
    assert list(occ.columns[:9]) == ["soc_code", "title", "job_zone", *"RIASEC"]
    assert len(occ) > 900


def test_interests_contract():
    inventory = ck.interests.load_inventory()
    assert {"item_id", "text", "scale"} <= set(inventory.items.columns)
    responses = {r.item_id: 5 if r.scale in "SE" else 2 for r in inventory.items.itertuples()}
    profile = ck.interests.score(responses)
    assert set(profile.scores) == set("RIASEC")
    assert profile.code[:2] in {"SE", "ES"} and profile.complete and not profile.flat
    paper = dict(zip("RIASEC", [27, 5, 9, 30, 12, 3], strict=True))
    assert ck.interests.profile_from_scores(paper).code == "SRE"
    assert 0 <= ck.interests.congruence("SEA", "SEC") <= 28
    assert 0 <= ck.interests.congruence("SEA", "SEC", method="brown_gore") <= 18
    assert ck.interests.consistency("SE") == 3
    assert ck.interests.differentiation(profile.scores, method="iachan") >= 0
    matches = ck.interests.match_occupations(profile, job_zones=None, top=20)
    assert list(matches.columns) == ["soc_code", "title", "job_zone", "fit", "band", "code", "why"]
    assert len(matches) == 20 and matches["fit"].is_monotonic_decreasing


def test_skills_contract():
    taxonomy = ck.skills.Taxonomy.default()
    extractor = ck.skills.SkillExtractor(taxonomy)
    text = "Requirements: Python and SQL. Nice to have: C++."
    matches = extractor.extract(text, employer="Acme")
    assert {m.label for m in matches} >= {"Python", "C++"}
    for m in matches:
        assert text[m.start:m.end].casefold() in (m.label.casefold(), "sql")
        assert m.strength in {"required", "preferred", "unspecified"}
    postings = ck.skills.postings_from_text("Data analyst\nRequirements: SQL and Python.")
    need = ck.skills.requirements(postings, extractor)
    columns = {"skill_id", "label", "kind", "postings", "share", "required_share"}
    assert columns <= set(need.columns)
    assert need.set_index("label").loc["Python", "required_share"] == 1.0
    onet_need = ck.skills.occupation_requirements("15-1251.00")
    assert {"element_id", "element_name", "kind", "importance", "level"} <= set(onet_need.columns)
    ratings = dict.fromkeys(onet_need["element_id"], 2)
    table = ck.skills.gap(ratings=ratings, onet_need=onet_need, have=(), posting_need=need)
    for frame in (table.onet, table.postings, table.strengths):
        assert "priority" in frame.columns
        assert frame["priority"].is_monotonic_decreasing
    with pytest.raises(AttributeError):
        table.onet = None  # frozen


def test_goals_contract():
    goal = ck.goals.Goal(text="Complete a SQL course by June 2027")
    check = ck.goals.check_smart(goal, today=TODAY)
    assert set(check.scores) == set("SMART") and check.verdict
    text_only = ck.goals.check_smart("Complete a SQL course by June 2027", today=TODAY)
    assert text_only.scores["A"] is None and text_only.deadline == dt.date(2027, 6, 30)
    assert ck.goals.parse_deadline("by December 2027", TODAY) == dt.date(2027, 12, 31)
    assert ck.goals.parse_deadline("someday", TODAY) is None
    goal.milestones.append(ck.goals.Milestone(title="Enrol", due=dt.date(2027, 1, 31)))
    assert "BEGIN:VCALENDAR" in ck.goals.to_ics([goal])
    assert isinstance(ck.charts.goal_timeline([goal], today=TODAY), go.Figure)


def test_workbook_contract(tmp_path):
    wb = ck.Workbook.create("api-check", folder=tmp_path)
    assert wb.path == tmp_path / "api-check.json"
    wb.notes = "typed by hand"
    wb.participant.workshop = "Spring cohort"
    wb.save()
    again = ck.Workbook.open(wb.path)
    assert again.notes == "typed by hand" and again.participant.workshop == "Spring cohort"
    assert isinstance(again.history, list) and isinstance(again.counselor_comments, list)
    assert isinstance(ck.open_current(), ck.Workbook)


def test_report_contract(tmp_path):
    wb = ck.Workbook.create("report-api", folder=tmp_path)
    wb.notes = "<script>alert(1)</script>"
    wb.save()
    html = ck.report.render_html(wb, charts="interactive")
    assert "report-api" in html and "<script>alert(1)</script>" not in html
    out = ck.report.export(wb, tmp_path / "out.html")
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert callable(ck.report.export_many)


def test_cohort_contract(tmp_path):
    for name in ("ann", "bob"):
        wb = ck.Workbook.create(name, folder=tmp_path)
        wb.give_consent("1", agreed_to=("store", "share_with_counselor", "cohort_statistics"))
        wb.save()
    cohort = ck.cohort.load(tmp_path)
    assert len(cohort.progress()) == 2
    assert cohort.summary(k=5) is not None
    out = tmp_path / "cohort.csv"
    cohort.export(out, pseudonymise=True, include_free_text=False)
    text = out.read_text(encoding="utf-8")
    assert len(text.splitlines()) == 3
    cells = {cell for line in text.splitlines() for cell in line.split(",")}
    assert not cells & {"ann", "bob"}


def test_results_contract(tmp_path):
    wb = ck.Workbook.create("river-42", tmp_path)
    inventory = ck.interests.load_inventory()
    for row in inventory.items.itertuples():
        wb.interests.responses[row.item_id] = 5 if row.scale in "SE" else 2
    wb.skills.target_soc_code = "29-1141.00"
    wb.goals.goals.append(ck.goals.Goal(text="Complete a phlebotomy course by June 2027"))
    wb.save()
    found = ck.results.results(wb, today=TODAY)
    assert found is ck.results.results(wb, today=TODAY)  # nothing changed: the same object
    assert found.profile.code[:2] in {"SE", "ES"}
    assert list(found.matches().columns[:7]) == [
        "soc_code", "title", "job_zone", "fit", "band", "code", "why"
    ]
    assert not found.needs.empty and found.gap() is not None
    assert set(found.smart) == {wb.goals.goals[0].id}
    assert found.steps["interests"] == "done" and found.steps["skills"] == "started"
    verdict = found.smart[wb.goals.goals[0].id].verdict
    assert found.steps["goals"] == ("done" if verdict == "SMART" else "started")
    wb.notes = "notes are not a result"
    wb.save()
    assert ck.results.results(wb, today=TODAY) is found
    wb.interests.responses[inventory.item_ids[0]] = 1
    wb.save()
    assert ck.results.results(wb, today=TODAY) is not found
