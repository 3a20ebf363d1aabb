"""Steps 2–4 of the Voilà app, clicked through by a participant in headless Chromium.

A participant whose workbook exists (made on disk, opened through the ``?workbook=`` link the
start page gives) chooses a target role, adds the illustrative sample postings, ticks a skill
they have, rates themselves, sees the gap and sends it to the goals step (step 2); writes a goal
of their own, adds a dated milestone, reads the SMART check and sees the timeline (step 3); and
makes the report (step 4). After each step the workbook file is read back from disk: what the
participant did must be there. Mouse and keyboard both. Skips locally without Chromium; fails
under CI=true.

The Binder/repo2docker files in ``binder/`` are checked here too (no browser needed): they
install the package with the extras the app needs, as ``pyproject.toml`` names them.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import tempfile
import time
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import ROOT
from test_app_browser import _render, browser, voila_url  # noqa: F401  (fixtures)

import careerkit as ck
from careerkit.ui.goals import TEXT as GOALS_TEXT
from careerkit.ui.report import TEXT as REPORT_TEXT
from careerkit.ui.skills import TEXT as SKILLS_TEXT

PID = "heron-7"
ROLE_SEARCH = "accountant"
ROLE = ("13-2011.00", "Accountants and Auditors")  # has O*NET ratings and sample postings
HELD_SKILL = "Microsoft Excel"
GOAL_TEXT = "Pass two sections of the CPA exam within 10 months"
MILESTONE = "Finish the first practice exam"
# generous: Voilà starts a kernel per page, and this machine is small
FIRST_RENDER_MS = 90_000
ACTION_MS = 60_000


def _workbook(path: Path, predicate, timeout: float = 30.0) -> dict:
    """The workbook file once ``predicate`` holds for it (the kernel saves on its own thread)."""
    deadline = time.monotonic() + timeout
    data: dict = {}
    while time.monotonic() < deadline:
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            if predicate(data):
                return data
        time.sleep(0.2)
    pytest.fail(f"{path.name} never reached the expected state; last read: {data!r:.2000}")


@contextlib.contextmanager
def _explained(page):
    """On a timeout, fail with what the page says (its messages are where problems show)."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        yield
    except PlaywrightError as exc:
        text = page.inner_text("body")
        page.screenshot(
            path=str(Path(tempfile.gettempdir()) / "careerkit-journey-steps.png"), full_page=True
        )
        pytest.fail(f"{exc}\n--- the page said (end) ---\n{text[-4000:]}")


def _rating_buttons(page, element_name: str):
    """The 1–5 buttons of one self-rating row, found by the row's visible label."""
    row = page.locator(".widget-toggle-buttons").filter(
        has=page.get_by_text(element_name, exact=True)
    )
    return row.first


@pytest.mark.browser
@pytest.mark.slow
def test_participant_walks_skills_goals_and_report_and_the_workbook_keeps_it(
    voila_url,  # noqa: F811
    browser,  # noqa: F811
):
    url, home = voila_url
    path = home / f"{PID}.json"
    ck.Workbook.create(PID, home, workshop="browser journey")
    soc_code, _title = ROLE
    to_rate = ck.skills.items_to_rate(ck.skills.occupation_requirements(soc_code))
    # two items whose names are unique on the screen (O*NET has a skill and a knowledge area
    # both called "Mathematics")
    unique = to_rate[~to_rate["element_name"].duplicated(keep=False)]
    rated = (unique.iloc[0], unique.iloc[3])

    for notebook, walk in (
        ("02_skills_gap", lambda page: _skills_gap(page, path, rated)),
        ("03_goals", lambda page: _goals(page, path)),
        ("04_my_report", lambda page: _report(page, rated)),
    ):
        page = _render(browser, f"{url}/voila/render/{notebook}.ipynb?workbook={PID}")
        page.set_default_timeout(ACTION_MS)
        with _explained(page):
            walk(page)
        assert "Traceback" not in page.inner_text("body")
        page.close()

    # nothing the participant did was lost along the way
    final = json.loads(path.read_text(encoding="utf-8"))
    assert final["skills"]["target_soc_code"] == soc_code
    assert final["skills"]["ratings"] == {rated[0].element_id: 4, rated[1].element_id: 2}
    goals = {g["text"]: g for g in final["goals"]["goals"]}
    assert [m["title"] for m in goals[GOAL_TEXT]["milestones"]] == [MILESTONE]
    assert sum(g["draft"] for g in goals.values()) == len(goals) - 1


def _skills_gap(step2, path: Path, rated) -> None:
    """Step 2: target role, sample postings, a skill held, two ratings, the gap, draft goals."""
    soc_code, title = ROLE
    first, second = rated
    step2.get_by_text(SKILLS_TEXT["current_none"]).wait_for(timeout=FIRST_RENDER_MS)
    # typed, then Enter: the search box reports its value on Enter
    step2.get_by_role("textbox", name=SKILLS_TEXT["search"]).click()
    step2.keyboard.type(ROLE_SEARCH)
    step2.keyboard.press("Enter")
    found = step2.get_by_role("listbox", name=SKILLS_TEXT["results"])
    found.get_by_role("option", name=f"{title} ({soc_code})").wait_for()
    found.select_option(label=f"{title} ({soc_code})")
    step2.get_by_role("button", name=SKILLS_TEXT["use_result"]).click()
    step2.get_by_text(re.compile(r"Your target role: .*" + re.escape(title))).wait_for()
    saved = _workbook(path, lambda d: d["skills"]["target_soc_code"] == soc_code)
    assert saved["skills"]["target_title"] == title
    assert saved["skills"]["target_source"] == "search"

    # the sample list follows the target role; the samples are labelled illustrative
    samples = step2.get_by_role("combobox", name=SKILLS_TEXT["sample_role"])
    assert soc_code in samples.input_value()
    step2.get_by_role("button", name=SKILLS_TEXT["use_samples"]).click()
    step2.get_by_text(re.compile(r"Added \d+ posting\(s\)")).wait_for()
    postings = step2.get_by_role("listbox", name=SKILLS_TEXT["your_postings"])
    # (the Select widget shows option texts with non-breaking spaces)
    shown = postings.inner_text().replace("\xa0", " ").splitlines()
    assert shown and all(line.endswith("(illustrative sample)") for line in shown)
    saved = _workbook(path, lambda d: len(d["skills"]["postings"]) >= 2)
    assert all(p["illustrative"] for p in saved["skills"]["postings"])

    # requirements: a box per skill the postings ask for; tick one the participant has
    held = step2.get_by_role("checkbox", name=re.compile("^" + re.escape(HELD_SKILL) + r" \("))
    held.click()
    saved = _workbook(path, lambda d: d["skills"]["skills_held"])
    assert len(saved["skills"]["skills_held"]) == 1

    # self-ratings: one by mouse, one by keyboard (focus the button, press Enter)
    _rating_buttons(step2, first.element_name).get_by_role("button", name="4", exact=True).click()
    key = _rating_buttons(step2, second.element_name).get_by_role("button", name="2", exact=True)
    key.focus()
    step2.keyboard.press("Enter")
    saved = _workbook(path, lambda d: len(d["skills"]["ratings"]) >= 2)
    assert saved["skills"]["ratings"] == {first.element_id: 4, second.element_id: 2}

    # the gap: compared with O*NET (the rated items), and what the postings ask that is missing
    onet = step2.get_by_role("table", name=SKILLS_TEXT["onet_table"])
    onet.get_by_role("row", name=re.compile(re.escape(second.element_name) + " 2 ")).wait_for()
    missing = step2.get_by_role("table", name=SKILLS_TEXT["postings_table"])
    assert missing.get_by_role("row").count() >= 2
    assert HELD_SKILL not in missing.inner_text()
    step2.get_by_role("button", name=SKILLS_TEXT["make_goals"]).click()
    step2.get_by_text(re.compile(r"draft goal\(s\) added")).wait_for()
    saved = _workbook(path, lambda d: d["goals"]["goals"])
    assert all(g["draft"] for g in saved["goals"]["goals"])


def _goals(step3, path: Path) -> None:
    """Step 3: a goal in the participant's own words, its SMART check, a dated milestone, the
    timeline, the checklist and the calendar file."""
    drafts = len(json.loads(path.read_text(encoding="utf-8"))["goals"]["goals"])
    picker = step3.get_by_role("combobox", name=GOALS_TEXT["pick_goal"], exact=True)
    # the drafts from step 2 are offered; the participant starts a goal of their own
    assert picker.get_by_role("option").count() == 1 + drafts
    step3.get_by_role("button", name=GOALS_TEXT["new_goal"]).click()
    # a new goal opens in four parts; the participant switches to their own words
    action = step3.get_by_role("textbox", name=GOALS_TEXT["action"])
    action.wait_for(state="visible")
    step3.get_by_role("radio", name=GOALS_TEXT["mode_free"]).check()
    action.wait_for(state="hidden")
    box = step3.get_by_role("textbox", name=GOALS_TEXT["text"], exact=True)
    box.click()
    box.press_sequentially(GOAL_TEXT, delay=20)
    step3.get_by_role("heading", name=GOALS_TEXT["feedback_heading"]).wait_for()
    step3.get_by_text(re.compile(r"Your sentence is (SMART|partly SMART|not SMART)")).wait_for()
    for letter in ("Specific", "Measurable", "Time-bound"):
        step3.get_by_role("rowheader", name=re.compile(letter)).wait_for()
    step3.get_by_text(re.compile(r"Deadline read from your words: \d{4}-\d\d-\d\d")).wait_for()
    saved = _workbook(path, lambda d: any(g["text"] == GOAL_TEXT for g in d["goals"]["goals"]))
    goal = next(g for g in saved["goals"]["goals"] if g["text"] == GOAL_TEXT)
    assert goal["draft"] is False
    assert goal["deadline"]  # read from "within 10 months"
    assert len(saved["goals"]["goals"]) == drafts + 1

    due = date.today() + timedelta(days=60)
    step3.get_by_role("textbox", name=GOALS_TEXT["milestone_title"]).fill(MILESTONE)
    step3.get_by_role("textbox", name=GOALS_TEXT["milestone_due"], exact=True).fill(due.isoformat())
    step3.get_by_role("button", name=GOALS_TEXT["add_milestone"]).click()
    step3.get_by_text(GOALS_TEXT["milestone_added"].format(title=MILESTONE)).wait_for()
    saved = _workbook(
        path,
        lambda d: any(
            m["title"] == MILESTONE for g in d["goals"]["goals"] for m in g["milestones"]
        ),
    )
    goal = next(g for g in saved["goals"]["goals"] if g["text"] == GOAL_TEXT)
    assert [(m["title"], m["due"]) for m in goal["milestones"]] == [(MILESTONE, due.isoformat())]

    # the timeline in words (and as a chart), the checklist and the calendar file
    milestones = sum(len(g["milestones"]) for g in saved["goals"]["goals"])
    step3.get_by_text(
        re.compile(rf"{drafts + 1} goal\(s\) on the timeline.* 0 done, {milestones} to come")
    ).wait_for()
    assert step3.locator(".js-plotly-plot").count() >= 1
    step3.get_by_role(
        "checkbox", name=GOALS_TEXT["milestone_label"].format(title=MILESTONE, due=due)
    ).wait_for()
    step3.wait_for_function(
        "m => [...document.querySelectorAll('a[download]')].some(a => "
        "atob(a.href.split(',')[1]).includes(m))",
        arg=MILESTONE,
    )
    calendar = step3.get_by_role("link", name=GOALS_TEXT["download"])
    ics = base64.b64decode(calendar.get_attribute("href").split(",", 1)[1]).decode("utf-8")
    assert "BEGIN:VCALENDAR" in ics and MILESTONE in ics


def _report(step4, rated) -> None:
    """Step 4: the preview shows the goal; the HTML and PDF links hold the report."""
    preview = step4.frame_locator(f"iframe[title='{REPORT_TEXT['preview_title']}']")
    preview.get_by_text(GOAL_TEXT).first.wait_for()
    step4.get_by_role("button", name=REPORT_TEXT["download_html"]).click()
    name = f"{PID}-report.html"
    link = step4.get_by_role("link", name=REPORT_TEXT["link"].format(name=name))
    link.wait_for()
    assert link.get_attribute("download") == name
    href = link.get_attribute("href")
    assert href.startswith("data:text/html;base64,")
    page = base64.b64decode(href.split(",", 1)[1]).decode("utf-8")
    for shown in (ROLE[1], GOAL_TEXT, MILESTONE, rated[0].element_name):
        assert shown in page
    # the PDF: printed by the Chromium the kernel finds on this machine
    step4.get_by_role("button", name=REPORT_TEXT["download_pdf"]).click()
    name = f"{PID}-report.pdf"
    link = step4.get_by_role("link", name=REPORT_TEXT["link"].format(name=name))
    link.wait_for()
    href = link.get_attribute("href")
    assert href.startswith("data:application/pdf;base64,")
    assert base64.b64decode(href.split(",", 1)[1]).startswith(b"%PDF-")


# ---------------------------------------------------------------- Binder / repo2docker

BINDER = ROOT / "binder"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
