"""The skills, goals and report steps of the one-page app, clicked through in headless Chromium.

A participant whose workbook exists (made on disk with its key, as a counselor's reset gives
one) opens it on the start step with pseudonym and key, then, on the same page: chooses a
target role, adds the illustrative sample postings, ticks a skill they have, rates themselves
(by mouse and by keyboard), sees the gap and sends it to the goals step; writes a goal of their
own, adds a dated milestone, reads the SMART check and sees the timeline; and makes the report
(HTML and PDF). After each step the workbook file is read back from disk: what the participant
did must be there. Every request the page made stayed on the server. Skips locally without
Chromium; fails under CI=true.

The Binder/repo2docker files in ``binder/`` are checked here too (no browser needed): they
install the package with the extras the app needs, as ``pyproject.toml`` names them.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ROOT
from test_app_browser import (  # noqa: F401  (fixtures)
    _foreign,
    _render,
    _step,
    _where,
    _workbook,
    app_server,
    browser,
)

import careerkit as ck
from careerkit.ui.goals import TEXT as GOALS_TEXT
from careerkit.ui.report import TEXT as REPORT_TEXT
from careerkit.ui.skills import TEXT as SKILLS_TEXT
from careerkit.ui.start import TEXT as START_TEXT
from careerkit.workbook import issue_key

PID = "heron-7"
ROLE_SEARCH = "accountant"
ROLE = ("13-2011.00", "Accountants and Auditors")  # has O*NET ratings and sample postings
HELD_SKILL = "Microsoft Excel"
GOAL_TEXT = "Pass two sections of the CPA exam within 10 months"
MILESTONE = "Finish the first practice exam"
# generous: this machine is small, and the report prints a PDF with Chromium
FIRST_RENDER_MS = 90_000
ACTION_MS = 60_000


@contextlib.contextmanager
def _explained(page):
    """On a timeout, fail with what the page says and what its console reported (screens show
    problems in their message areas; the widget manager reports to the console)."""
    from playwright.sync_api import Error as PlaywrightError

    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    try:
        yield
    except PlaywrightError as exc:
        text = page.inner_text("body")
        dump = Path(tempfile.gettempdir()) / "careerkit-journey-steps.txt"
        dump.write_text(text + "\n--- console ---\n" + "\n".join(console), encoding="utf-8")
        problems = [c for c in console if not c.startswith(("log:", "debug:", "info:"))]
        pytest.fail(
            f"{exc}\n--- console (not log) ---\n"
            + "\n".join(problems[-30:])
            + f"\n--- the page said (end; all of it in {dump}) ---\n{text[-3000:]}"
        )


def _rating(page, element_name: str):
    """The 1–5 radio group of one self-rating, found by its accessible name (the item)."""
    return page.get_by_role("radiogroup", name=element_name, exact=True)


@pytest.mark.browser
@pytest.mark.slow
def test_participant_walks_skills_goals_and_report_and_the_workbook_keeps_it(
    app_server,  # noqa: F811
    browser,  # noqa: F811
):
    server = app_server
    home = server.home
    path = home / f"{PID}.json"
    ck.Workbook.create(PID, home, workshop="browser journey")
    key = issue_key(path)
    soc_code, _title = ROLE
    to_rate = ck.skills.items_to_rate(ck.skills.occupation_requirements(soc_code))
    # two items whose names are unique on the screen (O*NET has a skill and a knowledge area
    # both called "Mathematics")
    unique = to_rate[~to_rate["element_name"].duplicated(keep=False)]
    rated = (unique.iloc[0], unique.iloc[3])

    requests: list[str] = []
    page = _render(browser, server.url + "/", requests)
    page.set_default_timeout(ACTION_MS)
    with _explained(page):
        # open the workbook with pseudonym and key (and consent, which it may not have yet)
        page.get_by_label(START_TEXT["consent_store"]).check()
        page.get_by_label(START_TEXT["pseudonym"], exact=True).fill(PID)
        page.get_by_label(START_TEXT["key"], exact=True).fill(key)
        page.get_by_role("button", name=START_TEXT["open"]).click()
        page.get_by_text(START_TEXT["opened"].format(name=PID)).wait_for()
        for step, walk in (
            ("skills", lambda: _skills_gap(page, path, rated)),
            ("goals", lambda: _goals(page, path)),
            ("report", lambda: _report(page, rated)),
        ):
            _step(page, step)
            walk()
            assert "Traceback" not in page.inner_text("body")
    # one page, one kernel, nothing from elsewhere
    assert not _foreign(requests, server.url), _foreign(requests, server.url)
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
    from playwright.sync_api import expect

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
    expect(samples).to_have_value(re.compile(re.escape(soc_code)), timeout=ACTION_MS)
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

    # self-ratings: one by mouse; one by keyboard (focus the group, the arrow key moves the
    # choice from 1 to 2)
    _rating(step2, first.element_name).get_by_role("radio", name=re.compile(r"^4 ")).click()
    _workbook(path, lambda d: d["skills"]["ratings"].get(first.element_id) == 4)
    second_group = _rating(step2, second.element_name)
    second_group.get_by_role("radio", name=re.compile(r"^1 ")).focus()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert second.element_id not in saved["skills"]["ratings"]  # focus alone chooses nothing
    step2.keyboard.press("ArrowRight")
    saved = _workbook(path, lambda d: len(d["skills"]["ratings"]) >= 2)
    assert saved["skills"]["ratings"] == {first.element_id: 4, second.element_id: 2}
    second_group.get_by_role("radio", name=re.compile(r"^2 "), checked=True).wait_for()

    # the gap: compared with O*NET (the rated items), and what the postings ask that is missing
    onet = step2.get_by_role("table", name=SKILLS_TEXT["onet_table"])
    # one scale: the rating 2 is shown as its level on O*NET's 0–7 scale, 1.75
    onet.get_by_role(
        "row", name=re.compile(re.escape(second.element_name) + r" 1\.75 \(2 of 5\) ")
    ).wait_for()
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
    add = step3.get_by_role("button", name=GOALS_TEXT["add_milestone"])
    # the button's whole label is readable (not cut to "Add mi…" beside the title and date)
    assert add.evaluate("b => b.scrollWidth <= b.clientWidth")
    add.click()
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
#: what repo2docker's apt.txt reader accepts as a package name (repo2docker, buildpacks/base.py)
APT_NAME = re.compile(r"^[a-z0-9.+-]+$")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _lines(path: Path) -> list[str]:
    """The non-empty lines of a repo2docker list file, comments removed."""
    text = path.read_text(encoding="utf-8")
    return [
        line.partition("#")[0].strip()
        for line in text.splitlines()
        if line.partition("#")[0].strip()
    ]


def _commands(script: Path) -> list[str]:
    """A shell script's commands: continuation lines joined, comments and blanks left out."""
    joined = script.read_text(encoding="utf-8").replace("\\\n", " ")
    return [
        line.strip()
        for line in joined.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def test_binder_installs_the_package_with_the_extras_the_app_needs():
    project = _pyproject()["project"]
    requirements = _lines(BINDER / "requirements.txt")
    # one local requirement: the checkout itself (repo2docker installs local paths after it has
    # copied the repository), with extras that pyproject.toml defines
    assert len(requirements) == 1, requirements
    match = re.fullmatch(r"\.\[([a-z0-9_,-]+)\]", requirements[0])
    assert match, f"expected '.[extras]', found {requirements[0]!r}"
    extras = match.group(1).split(",")
    assert set(extras) <= set(project["optional-dependencies"])
    installed = {
        re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0].lower()
        for extra in extras
        for dep in project["optional-dependencies"][extra]
    }
    # the Voilà app, its kernel, and the browser driver the report and postBuild use
    assert {"voila", "ipykernel", "jupyterlab", "playwright"} <= installed


def test_binder_python_satisfies_requires_python():
    runtime = _lines(BINDER / "runtime.txt")
    assert len(runtime) == 1
    version = re.fullmatch(r"python-(\d+)\.(\d+)", runtime[0])
    assert version, runtime
    required = re.fullmatch(r">=\s*(\d+)\.(\d+)", _pyproject()["project"]["requires-python"])
    assert required
    found = tuple(int(v) for v in version.groups())
    assert found >= tuple(int(v) for v in required.groups())


def test_binder_apt_list_names_plain_packages_and_no_snap_chromium():
    packages = _lines(BINDER / "apt.txt")
    assert packages
    bad = [p for p in packages if not APT_NAME.match(p)]
    assert not bad, f"repo2docker refuses these apt.txt lines: {bad}"
    assert len(packages) == len(set(packages))
    # Ubuntu's chromium packages only install a snap, which does not run in a container
    assert not {"chromium", "chromium-browser"} & set(packages)


def test_binder_build_steps_are_pip_installs_and_the_playwright_browser_only():
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK), "repo2docker runs postBuild only when executable"
    text = post_build.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash\n")
    commands = _commands(post_build)
    assert commands[0] == "set -euo pipefail"  # a failed step fails the build
    for command in commands[1:]:
        program = command.removeprefix("export ").split()[0]
        assert program.startswith("PLAYWRIGHT_BROWSERS_PATH=") or program == "python", command
    assert not re.search(r"\b(curl|wget|git|conda|mamba|npm|sudo)\b", "\n".join(commands))
    installs = [c for c in commands if "playwright install" in c]
    assert installs == ["python -m playwright install --no-shell --no-progress chromium"]


def test_binder_records_the_chromium_path_with_the_installed_playwright(tmp_path):
    """postBuild's one-line program, run here, names the Chromium build of this Playwright."""
    program = next(c for c in _commands(BINDER / "postBuild") if c.startswith("python -c "))
    code = shlex.split(program.partition(">")[0])[2]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path)},
    ).stdout.strip()
    assert Path(out).is_absolute()
    assert Path(out).is_relative_to(tmp_path)
    assert "careerkit-chromium.txt" in program


@pytest.mark.parametrize("preset", [None, "/opt/chrome/chrome"])
def test_binder_start_points_careerkit_to_the_recorded_chromium(tmp_path, preset):
    start = BINDER / "start"
    assert os.access(start, os.X_OK)
    assert _commands(start)[-1] == 'exec "$@"'  # repo2docker's rule: start hands over
    prefix = tmp_path / "env"
    (prefix / "share").mkdir(parents=True)
    recorded = "/srv/env/share/playwright-browsers/chromium-1/chrome-linux64/chrome"
    (prefix / "share" / "careerkit-chromium.txt").write_text(recorded + "\n")
    shown = _chromium_after_start(prefix, preset)
    # a Chromium chosen by the person running the container wins over the recorded one
    assert shown == (preset or recorded)


def test_binder_start_without_a_recorded_chromium_leaves_the_report_to_say_so(tmp_path):
    assert _chromium_after_start(tmp_path, None) == "-"


def _chromium_after_start(prefix: Path, preset: str | None) -> str:
    """CAREERKIT_CHROMIUM as a program started by ``binder/start`` sees it ("-": unset), with
    ``NB_PYTHON_PREFIX`` = ``prefix`` and ``preset`` set beforehand (or not)."""
    env = {k: v for k, v in os.environ.items() if k != "CAREERKIT_CHROMIUM"}
    env["NB_PYTHON_PREFIX"] = str(prefix)
    if preset:
        env["CAREERKIT_CHROMIUM"] = preset
    code = "import os; print(os.environ.get('CAREERKIT_CHROMIUM', '-'))"
    return subprocess.run(
        [str(BINDER / "start"), sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=True,
    ).stdout.strip()


def test_readme_binder_link_opens_the_start_notebook_in_voila():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"https://mybinder\.org/v2/gh/\S+", readme)
    assert links, "README has no Binder link"
    for link in links:
        path = re.search(r"urlpath=voila%2Frender%2F(\S+)", link)
        assert path, link
        assert (ROOT / unquote(path.group(1))).is_file(), link
