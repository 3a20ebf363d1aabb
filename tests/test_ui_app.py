"""The one-page participant app, driven headlessly: the step list, Back / Next step, steps
built once per workbook state, double clicks, and the error policy of the Screen base."""

from __future__ import annotations

import time
from pathlib import Path

import ipywidgets as widgets
import pytest

import careerkit as ck
from careerkit.results import results
from careerkit.ui import _screen
from careerkit.ui.app import STEP_ORDER, App
from careerkit.ui.interests import InterestQuiz


def _open(app: App, name: str = "river-42") -> None:
    app.start.consent_store.value = True
    app.start.pseudonym.value = name
    app.start.create_button.click()
    assert app.wb is not None and app.wb.pseudonym == name


def test_steps_are_locked_until_a_workbook_is_open(careerkit_home: Path) -> None:
    app = App()
    assert app.current == "start" and app.wb is None
    assert all(app.step_buttons[k].disabled for k in STEP_ORDER[1:])
    app.next.click()
    assert app.current == "start" and "open your workbook first" in app.message.value.lower()
    app.go("goals")
    assert app.current == "start"
    assert "Step 1 of 7" in app.where.value and 'role="status"' in app.where.value


def test_next_and_back_walk_the_steps_on_one_page(careerkit_home: Path) -> None:
    app = App()
    _open(app)
    assert not any(b.disabled for b in app.step_buttons.values())
    seen = []
    for _ in STEP_ORDER[1:]:
        app.next.click()
        seen.append(app.current)
        assert app.content.children[0] is app.steps[app.current].widget, app.message.value
        assert app.step_buttons[app.current].button_style == "primary"
    assert seen == list(STEP_ORDER[1:]) and app.next.disabled
    app.back.click()
    assert app.current == "goals"
    app.step_buttons["interests"].click()
    assert app.current == "interests"
    # no notebook words on the page: the app says "step", never a file or a menu
    text = " ".join(w.value for w in _walk(app.widget) if isinstance(w, widgets.HTML))
    for word in (".ipynb", "Run All", "notebook", "cell"):
        assert word not in text, word


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_the_step_list_shows_what_is_done_from_the_results(careerkit_home: Path) -> None:
    app = App()
    _open(app)
    assert "(not started)" in app.step_buttons["interests"].description
    app.go("interests")
    quiz = next(w for w in _walk(app.content) if isinstance(w, widgets.RadioButtons))
    quiz.value = 5
    app.go("skills")
    assert "(started)" in app.step_buttons["interests"].description
    for item in ck.interests.load_inventory().item_ids:
        app.wb.interests.responses[item] = 3
    app.wb.save()
    app.go("goals")
    assert results(app.wb).steps["interests"] == "done"
    assert "(done)" in app.step_buttons["interests"].description


def test_a_step_is_built_again_only_when_the_workbook_changed_elsewhere(
    careerkit_home: Path,
) -> None:
    app = App()
    _open(app)
    app.go("skills")
    first = app.steps["skills"].widget
    app.go("goals")
    app.go("skills")
    assert app.steps["skills"].widget is first  # nothing changed: the same screens
    app.go("interests")
    app.wb.skills.target_soc_code = "29-1141.00"
    app.wb.skills.target_title = "Registered Nurses"
    app.wb.save()
    app.go("skills")
    assert app.steps["skills"].widget is not first  # the new target role reaches the step


def test_another_workbook_rebuilds_every_step(careerkit_home: Path) -> None:
    app = App()
    _open(app)
    app.go("interests")
    built = app.steps["interests"].widget
    app.go("start")
    app.start.close_button.click()
    assert app.wb is None and app.steps["interests"].widget is None
    assert all(app.step_buttons[k].disabled for k in STEP_ORDER[1:])
    assert built is not None


def test_a_double_click_turns_one_page(careerkit_home: Path, double_clicks: float) -> None:
    wb = ck.Workbook.create("river-42")
    quiz = InterestQuiz(wb)
    quiz.next.click()
    quiz.next.click()  # the second click of a double click
    assert quiz.page == 1
    time.sleep(double_clicks + 0.05)
    quiz.next.click()
    assert quiz.page == 2


def test_a_double_click_on_next_step_moves_one_step(
    careerkit_home: Path, double_clicks: float
) -> None:
    app = App()
    _open(app)
    app.next.click()
    app.next.click()
    assert app.current == "interests"


def test_an_unexpected_error_is_a_plain_message_logged_once(
    careerkit_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = App()
    _open(app)

    def broken() -> None:
        raise ZeroDivisionError("boom")

    app.steps["goals"]._build = broken
    app.step_buttons["goals"].click()
    assert "Something unexpected went wrong" in app.message.value
    assert "Traceback" not in app.message.value and "boom" not in app.message.value
    assert any("unexpected error" in r.message for r in caplog.records)


def test_counselor_pages_read_only_submitted_copies(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(_screen.SUBMIT_ENV, raising=False)
    assert _screen.submit_folder() == careerkit_home / "submitted"
    monkeypatch.setenv(_screen.SUBMIT_ENV, str(careerkit_home / "counselor"))
    assert _screen.submit_folder() == careerkit_home / "counselor"


def test_every_screen_has_the_one_base() -> None:
    """One ``Screen`` (messages, error policy, display); every class with a ``widget`` and a
    message area in careerkit.ui builds on it."""
    import ast
    import importlib

    from conftest import ROOT

    named_screen, screens = [], []
    for path in sorted((ROOT / "careerkit" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                if node.name == "Screen":
                    named_screen.append(module)
                source = ast.unparse(node)
                if "self.widget =" in source and "self.message" in source:
                    screens.append(getattr(importlib.import_module(module), node.name))
    assert named_screen == ["careerkit.ui._screen"]
    orphans = [cls.__name__ for cls in screens if not issubclass(cls, _screen.Screen)]
    assert len(screens) >= 15 and orphans == []


def test_steps_with_onet_data_credit_each_release_and_say_what_they_are_not_for(
    careerkit_home: Path,
) -> None:
    app = App()
    _open(app)
    for key in ("interests", "skills"):
        app.go(key)
        text = " ".join(w.value for w in _walk(app.content) if isinstance(w, widgets.HTML))
        assert "O*NET 30.1" in text and "O*NET 29.2" in text and "not a test" in text
    app.go("goals")
    assert "O*NET 30.1" not in " ".join(
        w.value for w in _walk(app.content) if isinstance(w, widgets.HTML)
    )


def test_the_step_list_follows_each_save_without_leaving_the_step(careerkit_home: Path) -> None:
    app = App()
    _open(app)
    app.go("interests")
    where = app.where.value
    assert "(not started)" in app.step_buttons["interests"].description
    answer = next(w for w in _walk(app.content) if isinstance(w, widgets.RadioButtons))
    answer.value = 4  # saved at once: the step list says so while the person stays here
    assert "(started)" in app.step_buttons["interests"].description
    assert app.where.value == where  # nothing announced again


def test_the_app_and_the_quiz_name_their_buttons_apart(careerkit_home: Path) -> None:
    app = App()
    _open(app)
    app.go("interests")
    names = [w.description for w in _walk(app.widget) if isinstance(w, widgets.Button)]
    assert len(names) == len(set(names)), names
