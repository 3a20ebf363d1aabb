"""A participant's first minutes in the Voilà app, by keyboard and mouse in headless Chromium.

Consent, a new workbook on the start page, then step 1 opened from its link: answers given by
clicking and by keyboard land in the workbook file on disk. Skips locally without Chromium;
fails under CI=true.
"""

from __future__ import annotations

import pytest
from test_app_browser import _render, _workbook, browser, voila_url  # noqa: F401  (fixtures)

from careerkit.ui.start import TEXT as START_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_participant_creates_a_workbook_and_answers_in_step_one(voila_url, browser):  # noqa: F811
    url, home = voila_url
    page = _render(browser, f"{url}/voila/render/00_start_here.ipynb")
    page.get_by_label(START_TEXT["consent_store"]).check()
    page.get_by_label(START_TEXT["pseudonym"], exact=True).fill("river-42")
    page.get_by_role("button", name=START_TEXT["create"]).click()
    saved = _workbook(home / "river-42.json", lambda d: d["consent"]["agreed"])
    assert saved["participant"]["pseudonym"] == "river-42"
    page.get_by_text("ready and saved").wait_for(timeout=30_000)
    assert "Traceback" not in page.inner_text("body")

    # Step 1, as the start page links it: the workbook travels in the URL
    link = page.locator("a[href*='01_interests.ipynb']").first
    href = link.get_attribute("href")
    assert "workbook=river-42" in href
    step1 = _render(browser, f"{url}/voila/render/{href.split('/')[-1]}")
    # first item by mouse, second by keyboard (focus a choice, move with the arrow key, Space)
    step1.get_by_role("button", name="Strongly like").first.click()
    second = step1.locator(".widget-toggle-buttons").nth(1).get_by_role("button").first
    second.focus()
    step1.keyboard.press("Space")
    saved = _workbook(
        home / "river-42.json", lambda d: len(d["interests"]["responses"]) >= 2
    )
    assert sorted(saved["interests"]["responses"].values()) == [1, 5]
    assert "Traceback" not in step1.inner_text("body")
    page.close()
    step1.close()
