"""The app for keyboards and screen readers, checked with axe-core in headless Chromium.

- axe-core (Deque's accessibility engine, from npm; ``.ci/run`` installs it into ``.axe/``) finds
  no "critical" or "serious" violation on any step of the app: start (before and after a
  workbook is open), interests, skills, goals, report.
- An answer scale is announced as a radio group named by its activity, with the chosen answer
  checked; the chosen answer's fill stands out from the page at >= 3:1 (WCAG 2.1, 1.4.11
  non-text contrast; relative luminance and contrast ratio as WCAG defines them), and its label
  is readable on it at >= 4.5:1 (1.4.3).

Skips locally without Chromium or axe-core; fails under CI=true.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, _missing
from test_app_browser import (  # noqa: F401  (fixtures)
    _nav,
    _render,
    _start_workbook,
    _step,
    _where,
    app_server,
    browser,
)

from careerkit.ui.interests import TEXT as QUIZ

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("critical", "serious")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        _missing(f"axe-core not found at {AXE} (npm install --prefix .axe axe-core)")
    return AXE.read_text(encoding="utf-8")


def _violations(page, axe_source: str) -> list[str]:
    """axe-core's critical and serious violations on the page, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}"
        for v in found
        if v["impact"] in BLOCKING
    ]


def test_axe_finds_no_critical_or_serious_violation_on_any_step(
    app_server, browser, axe_source  # noqa: F811
):
    page = _render(browser, app_server.url + "/")
    page.set_default_timeout(60_000)
    found: dict[str, list[str]] = {"start": _violations(page, axe_source)}
    _start_workbook(page, "wren-5")
    found["start, workbook open"] = _violations(page, axe_source)
    for step in ("interests", "skills", "goals", "report"):
        _step(page, step)
        page.wait_for_timeout(2000)  # charts and tables drawn after the step's first widgets
        found[step] = _violations(page, axe_source)
    problems = {where: lines for where, lines in found.items() if lines}
    assert not problems, "\n".join(
        f"{where}: {line}" for where, lines in problems.items() for line in lines
    )
    page.close()


def _luminance(rgb: tuple[float, ...]) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0-255 channels)."""
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(css: str) -> tuple[float, ...]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    assert len(values) >= 3, css
    return tuple(values)


#: the first opaque background at or above an element (what a person sees behind it)
BACKGROUND = """el => {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    const alpha = c.startsWith('rgba') ? parseFloat(c.split(',')[3]) : 1;
    if (alpha > 0.5) return c;
  }
  return 'rgb(255, 255, 255)';
}"""


def test_the_chosen_answer_is_announced_and_stands_out(app_server, browser):  # noqa: F811
    page = _render(browser, app_server.url + "/")
    page.set_default_timeout(60_000)
    _start_workbook(page, "finch-8")
    _step(page, "interests")
    group = page.get_by_role("radiogroup").first
    group.wait_for()
    activity = group.locator(".widget-label").first.inner_text().strip()
    assert activity
    # the group's accessible name is its activity
    named = page.get_by_role("radiogroup", name=activity, exact=True)
    assert named.count() == 1
    named.get_by_role("radio", name=QUIZ["scale"][3], exact=True).click()
    named.get_by_role("radio", name=QUIZ["scale"][3], exact=True, checked=True).wait_for()
    # what a screen reader is given: the group, its name, the checked answer
    tree = named.aria_snapshot()
    assert f'radiogroup "{activity}"' in tree.replace("\\", "")
    assert re.search(rf'radio "{re.escape(QUIZ["scale"][3])}" \[checked\]', tree), tree
    assert len(re.findall(r"\[checked\]", tree)) == 1

    chosen = named.locator("label:has(input:checked)")
    other = named.locator("label:has(input:not(:checked))").first
    fill = _rgb(chosen.evaluate("e => getComputedStyle(e).backgroundColor"))
    around = _rgb(other.evaluate(BACKGROUND))
    text = _rgb(chosen.evaluate("e => getComputedStyle(e).color"))
    assert _contrast(fill, around) >= 3.0, (fill, around)
    assert _contrast(text, fill) >= 4.5, (text, fill)
    # and an answer not chosen looks like the page around it (the fill is what marks it)
    assert _rgb(other.evaluate(BACKGROUND)) == around
    page.close()
