"""A participant's first minutes in the one-page app, by mouse and keyboard in headless Chromium.

The app served as ``make app`` serves it (``notebooks/app.ipynb`` alone, careerkit's Voilà
settings): consent and a new workbook on the start step (its key shown once, never stored in
plain), then the interests step: answers given by clicking and by keyboard (Tab reaches a
question, the arrow keys move the answer within it) land in the workbook file on disk; the step
list and Back / Next step move between steps without a new page. Every request the page makes
stays on the server's own origin. Skips locally without Chromium; fails under CI=true.
"""

from __future__ import annotations

import json

import pytest
from test_app_browser import (  # noqa: F401  (fixtures)
    _foreign,
    _nav,
    _render,
    _start_workbook,
    _step,
    _where,
    _workbook,
    app_server,
    browser,
)

from careerkit.ui._app_text import STEPS
from careerkit.ui.interests import TEXT as QUIZ

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PID = "river-42"


def _responses(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["interests"]["responses"]


def test_participant_starts_a_workbook_answers_by_mouse_and_keyboard_and_moves_between_steps(
    app_server, browser  # noqa: F811
):
    server = app_server
    requests: list[str] = []
    page = _render(browser, server.url + "/", requests)
    page.set_default_timeout(60_000)
    _where(page, "start")
    # nothing but the start step before a workbook is open
    assert _nav(page, "next").is_disabled()

    key = _start_workbook(page, PID)
    path = server.home / f"{PID}.json"
    saved = _workbook(path, lambda d: d["consent"]["agreed"])
    assert saved["participant"]["pseudonym"] == PID
    # the key opens the workbook, so it is kept only as a salted hash: no file holds it
    for kept in server.home.rglob("*"):
        if kept.is_file():
            assert key not in kept.read_text(encoding="utf-8", errors="replace"), kept
    assert "Traceback" not in page.inner_text("body")

    # Next step: the interests step, on the same page
    _nav(page, "next").click()
    _where(page, "interests")
    groups = page.get_by_role("radiogroup")
    groups.first.wait_for()

    # first question by mouse
    groups.nth(0).get_by_role("radio", name=QUIZ["scale"][4], exact=True).click()
    answers = _workbook(path, lambda d: len(d["interests"]["responses"]) == 1)
    (first_id,) = answers["interests"]["responses"]
    assert answers["interests"]["responses"][first_id] == 5

    # second question by keyboard: Tab leaves the first question (one stop per question) and
    # reaches the second, choosing nothing; the arrow keys then move the answer within it
    page.keyboard.press("Tab")
    focused = "document.activeElement.closest('[role=radiogroup]')?.getAttribute('aria-labelledby')"
    second_group = groups.nth(1).get_attribute("aria-labelledby")
    assert page.evaluate(focused) == second_group
    assert len(_responses(path)) == 1
    page.keyboard.press("ArrowRight")
    answers = _workbook(path, lambda d: len(d["interests"]["responses"]) == 2)
    (second_id,) = set(answers["interests"]["responses"]) - {first_id}
    first_choice = answers["interests"]["responses"][second_id]
    page.keyboard.press("ArrowRight")
    _workbook(path, lambda d: d["interests"]["responses"][second_id] == first_choice + 1)
    page.keyboard.press("ArrowLeft")
    answers = _workbook(path, lambda d: d["interests"]["responses"][second_id] == first_choice)
    # the arrows stayed in the second question: the first keeps its answer
    assert answers["interests"]["responses"][first_id] == 5
    assert page.evaluate(focused) == second_group
    checked = groups.nth(1).get_by_role("radio", checked=True)
    assert checked.count() == 1
    shown = checked.get_attribute("data-value").replace("%20", " ")
    assert shown == QUIZ["scale"][first_choice - 1]

    # the step list: to goals, where the list marks the interests step started; and back
    _step(page, "goals")
    nav = page.locator(".careerkit-steps")
    nav.get_by_role("button", name=f"{STEPS['interests']} (started)").wait_for()
    _step(page, "interests")
    # the answers are still shown (nothing lost, no new page)
    page.get_by_role("radiogroup").nth(0).get_by_role(
        "radio", name=QUIZ["scale"][4], exact=True, checked=True
    ).wait_for()
    # Back, then Next step twice: start → interests → the optional values step
    _nav(page, "back").click()
    _where(page, "start")
    _nav(page, "next").click()
    _where(page, "interests")
    # a person's second click, not a double click (the app ignores a second click on the same
    # button within careerkit.ui._screen.DOUBLE_CLICK_SECONDS, 0.6 s)
    page.wait_for_timeout(800)
    _nav(page, "next").click()
    _where(page, "values")
    assert "Traceback" not in page.inner_text("body")
    assert len(_responses(path)) == 2

    # nothing left the machine: every request went to this server
    assert requests
    assert not _foreign(requests, server.url), _foreign(requests, server.url)
    page.close()
