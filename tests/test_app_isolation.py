"""Participants on one plain Voilà server (``make app``) cannot reach each other's workbooks.

Participant A starts a workbook and answers; participant B, in a browser of their own, opens the
app: no workbook is open for B (no server-wide "last opened" pointer), A's workbook does not open
with A's pseudonym alone or with a wrong key (B is told why, and nothing of A's is on B's page),
a ``?workbook=`` link opens nothing, and the counselor's pages and the step notebooks are not
served by the app's server. A's own key does open it (the refusals are the key's doing). Skips
locally without Chromium; fails under CI=true.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from test_app_browser import (  # noqa: F401  (fixtures)
    _nav,
    _render,
    _start_workbook,
    _where,
    _workbook,
    app_server,
    browser,
)

from careerkit.ui._app_text import TEXT as APP_TEXT
from careerkit.ui.interests import TEXT as QUIZ
from careerkit.ui.start import TEXT as START

pytestmark = [pytest.mark.browser, pytest.mark.slow]

A = "otter-3"
A_WORKSHOP = "Tuesday evening group 7"


def _status(url: str) -> tuple[int, str]:
    """HTTP status and body of ``url`` (redirects followed)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def _nothing_of_a(page) -> None:
    text = page.inner_text("body")
    assert A not in text.replace(START["wrong_key"].format(name=A), "").replace(
        START["need_key"], ""
    )
    assert A_WORKSHOP not in text
    assert APP_TEXT["open_workbook"].format(name=A) not in text
    assert _nav(page, "next").is_disabled()


def test_participant_b_cannot_reach_the_workbook_of_participant_a(app_server, browser):  # noqa: F811
    server = app_server
    a_context, b_context = browser.new_context(), browser.new_context()
    a = _render(a_context, server.url + "/")
    a.set_default_timeout(60_000)
    a.get_by_label(START["workshop"], exact=True).fill(A_WORKSHOP)
    key = _start_workbook(a, A)
    path = server.home / f"{A}.json"
    _nav(a, "next").click()
    _where(a, "interests")
    a.get_by_role("radiogroup").first.get_by_role("radio", name=QUIZ["scale"][0]).click()
    before = _workbook(path, lambda d: len(d["interests"]["responses"]) == 1)
    assert before["participant"]["workshop"] == A_WORKSHOP
    assert not list(server.home.glob("current*"))  # no server-wide pointer

    # B opens the app: nothing is open, nothing of A's is shown
    b = _render(b_context, server.url + "/")
    b.set_default_timeout(60_000)
    b.get_by_text(START["current_none"]).wait_for()
    _nothing_of_a(b)

    b.get_by_label(START["consent_store"]).check()
    b.get_by_label(START["pseudonym"], exact=True).fill(A)
    # the pseudonym alone does not open it
    b.get_by_role("button", name=START["open"]).click()
    b.get_by_text(START["need_key"]).wait_for()
    _nothing_of_a(b)
    # nor a wrong key
    wrong = "AAAA-AAAA" if key != "AAAA-AAAA" else "BBBB-BBBB"
    b.get_by_label(START["key"], exact=True).fill(wrong)
    b.wait_for_timeout(800)  # a second click, not a double click
    b.get_by_role("button", name=START["open"]).click()
    b.get_by_text(START["wrong_key"].format(name=A)).wait_for()
    _nothing_of_a(b)
    # nor a link naming it
    b2 = _render(b_context, f"{server.url}/?workbook={A}")
    b2.get_by_text(START["current_none"]).wait_for()
    _nothing_of_a(b2)
    b2.close()
    # A's workbook is as A left it
    assert json.loads(path.read_text(encoding="utf-8")) == before

    # the app's server serves the app only: no counselor pages, no step notebooks, no files
    for route in (
        "/voila/render/counselor/review.ipynb",
        "/voila/render/counselor/cohort_dashboard.ipynb",
        "/voila/render/00_start_here.ipynb",
        f"/voila/render/01_interests.ipynb?workbook={A}",
        f"/voila/files/{A}.json",
        "/voila/tree",
    ):
        code, body = _status(server.url + route)
        assert code in (403, 404), (route, code)
        assert A not in body and A_WORKSHOP not in body

    # the key A was shown does open it (so the refusals above were the key's doing)
    b.get_by_label(START["key"], exact=True).fill(key)
    b.wait_for_timeout(800)
    b.get_by_role("button", name=START["open"]).click()
    b.get_by_text(START["opened"].format(name=A)).wait_for()
    a_context.close()
    b_context.close()
