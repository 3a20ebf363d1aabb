"""The participant app: one page, one kernel, every step one click apart.

``App`` is what ``notebooks/app.ipynb`` shows (served by Voilà with ``make app``, or by each
participant's own server on JupyterHub). A step list at the top says where the person is and
what is done; Back / Next step move along it; the page itself never changes, so the kernel that
opened the workbook serves the whole journey (no new kernel, no new page, no workbook named in
a link). Each step's screens are built the first time the step is shown, and again when the
workbook changed elsewhere since (a target role chosen in the interests step reaches the skills
step).

Which steps are done comes from :func:`careerkit.results.results`, as in the report and the
cohort view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from careerkit.results import fingerprint, results
from careerkit.ui._app_text import INTRO, STATUS, STEPS, TEXT, TITLE
from careerkit.ui._notice import credit_html
from careerkit.ui._screen import Screen, debounced, esc
from careerkit.ui.start import StartScreen

__all__ = ["STEP_ORDER", "App", "AppStep"]

STEP_ORDER = ("start", "interests", "values", "past_job", "skills", "goals", "report")
#: steps that show O*NET data: the credit and the not-for-selection statement under them
WITH_ONET = ("interests", "values", "past_job", "skills")
#: steps a person may skip: "optional" until they are done
OPTIONAL = ("values", "past_job")


class AppStep:
    """One step of the app: its key, title and the screens' widget (built lazily)."""

    def __init__(self, key: str, build: Callable[[], Any]) -> None:
        self.key = key
        self.title = STEPS[key]
        self._build = build
        self.screens: Any = None
        self.widget: widgets.Widget | None = None
        #: the workbook's content when the person last left this step
        self.left_at: str | None = None

    def show(self, fingerprint: str | None) -> widgets.Widget:
        """The step's widget, built again when the workbook changed since the person left."""
        if self.widget is None or (self.left_at is not None and fingerprint != self.left_at):
            self.screens = self._build()
            root = getattr(self.screens, "widget", self.screens)
            footer = [widgets.HTML(credit_html())] if self.key in WITH_ONET else []
            self.widget = widgets.VBox(
                [widgets.HTML(INTRO[self.key]), root, *footer],
                layout=widgets.Layout(width="100%"),
            )
        return self.widget


class App(Screen):
    """The participant app.

    Parameters
    ----------
    folder : path, optional
        Where workbooks live (default: the workbook home).
    submit_folder : path, optional
        The counselor's folder for copies (default: ``$CAREERKIT_SUBMIT_DIR``).
    extractor : SkillExtractor, optional
        Shared by the skills step and the report (default: the bundled taxonomy, built once).

    Attributes
    ----------
    start : StartScreen
    step_buttons : dict of str to Button
        The step list, by step key (``STEP_ORDER``).
    back, next : Button
    where : HTML
        "Step 2 of 5: …", announced to screen readers when the step changes.
    content : VBox
        The current step.
    current : str
        The key of the step shown.
    steps : dict of str to AppStep
    """

    def __init__(
        self,
        folder: str | Path | None = None,
        submit_folder: str | Path | None = None,
        extractor: Any = None,
    ) -> None:
        self.folder = folder
        self._extractor = extractor
        self.message = widgets.HTML()
        self.start = StartScreen(None, folder=folder, submit_folder=submit_folder, app=True)
        self.start.on_change.append(self._workbook_changed)
        self.steps: dict[str, AppStep] = {}
        self._make_steps()
        self.current = "start"
        self.heading = widgets.HTML(f"<h1 style='margin:0.2em 0'>{esc(TITLE)}</h1>")
        self.step_buttons = {
            key: widgets.Button(
                description=STEPS[key],
                tooltip=TEXT["step_tip"].format(title=STEPS[key]),
                layout=widgets.Layout(width="auto"),
            )
            for key in STEP_ORDER
        }
        for key, button in self.step_buttons.items():
            button.on_click(debounced(lambda _b, k=key: self._guarded(lambda: self.go(k))))
        self.nav = widgets.HBox(
            list(self.step_buttons.values()),
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        self.nav.add_class("careerkit-steps")
        self.where = widgets.HTML()
        self.workbook_status = widgets.HTML()
        self.back = widgets.Button(description=TEXT["back"], tooltip=TEXT["back_tip"],
                                   icon="arrow-left")
        self.next = widgets.Button(description=TEXT["next"], tooltip=TEXT["next_tip"],
                                   button_style="primary", icon="arrow-right")
        self.back.on_click(debounced(lambda _b: self._guarded(lambda: self.move(-1))))
        self.next.on_click(debounced(lambda _b: self._guarded(lambda: self.move(+1))))
        self.content = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.widget = widgets.VBox(
            [
                self.heading,
                self.nav,
                self.where,
                self.workbook_status,
                self.message,
                self.content,
                widgets.HBox([self.back, self.next]),
            ],
            layout=widgets.Layout(max_width="70em"),
        )
        self.widget.add_class("careerkit-app")
        self.go("start")

    # ------------------------------------------------------------------ steps
    @property
    def wb(self) -> Any:
        return self.start.wb

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from careerkit import skills

            self._extractor = skills.SkillExtractor(skills.Taxonomy.default())
        return self._extractor

    def _make_steps(self) -> None:
        self.steps = {"start": AppStep("start", lambda: self.start)}
        self.steps["interests"] = AppStep("interests", self._build_interests)
        self.steps["values"] = AppStep("values", self._build_values)
        self.steps["past_job"] = AppStep("past_job", self._build_past_job)
        self.steps["skills"] = AppStep("skills", self._build_skills)
        self.steps["goals"] = AppStep("goals", self._build_goals)
        self.steps["report"] = AppStep("report", self._build_report)

    def _build_interests(self) -> Any:
        from careerkit.ui.interests import InterestQuiz, InterestResults

        quiz = InterestQuiz(self.wb)
        shown = InterestResults(self.wb, quiz=quiz)
        return widgets.VBox([quiz.widget, shown.widget])

    def _build_values(self) -> Any:
        from careerkit.ui.values import ValuesScreen

        return ValuesScreen(self.wb)

    def _build_past_job(self) -> Any:
        from careerkit.ui.past_job import PastJobScreen

        return PastJobScreen(self.wb)

    def _build_skills(self) -> Any:
        from careerkit.ui.skills import SkillsStep

        return SkillsStep(self.wb, self.extractor)

    def _build_goals(self) -> Any:
        from careerkit.ui.goals import GoalsStep

        return GoalsStep(self.wb)

    def _build_report(self) -> Any:
        from careerkit.ui.report import ReportScreen

        return ReportScreen(self.wb)

    def _workbook_changed(self, wb: Any) -> None:
        """Another workbook (or none): every step is built again from it, and the step list
        follows its saves (a step turns "started" or "done" as the person answers)."""
        self._make_steps()
        if wb is not None and self._refresh_on_save not in wb._after_save:
            wb._after_save.append(self._refresh_on_save)
        self._refresh_nav()

    def _refresh_on_save(self, wb: Any) -> None:
        if wb is self.wb:
            self._refresh_nav(announce=False)

    def status(self) -> dict[str, str]:
        """Each step's status as the step list shows it."""
        if self.wb is None:
            return {key: STATUS["open" if key == "start" else "locked"] for key in STEP_ORDER}
        done = results(self.wb).steps
        optional = {
            "values": self.wb.values.answered,
            "past_job": bool(self.wb.past_job.related_soc_code),
        }
        return {
            "start": STATUS["open"],
            **{key: STATUS[done[key]] for key in ("interests", "skills", "goals")},
            **{key: STATUS["done" if finished else "optional"]
               for key, finished in optional.items()},
            "report": STATUS["ready"],
        }

    def _refresh_nav(self, announce: bool = True) -> None:
        states = self.status()
        for key, button in self.step_buttons.items():
            button.description = TEXT["step_button"].format(title=STEPS[key], status=states[key])
            button.button_style = "primary" if key == self.current else ""
            button.disabled = self.wb is None and key != "start"
        position = STEP_ORDER.index(self.current)
        self.back.disabled = position == 0
        self.next.disabled = position == len(STEP_ORDER) - 1 or self.wb is None
        where = TEXT["where"].format(
            n=position + 1, total=len(STEP_ORDER), title=STEPS[self.current]
        )
        if announce:  # only when the step changes: a save must not repeat it to screen readers
            self.where.value = f'<p role="status" aria-live="polite"><b>{esc(where)}</b></p>'
        self.workbook_status.value = (
            f"<p>{esc(TEXT['open_workbook'].format(name=self.wb.pseudonym))}</p>"
            if self.wb is not None
            else ""
        )

    def go(self, key: str) -> None:
        """Show step ``key`` (the start step only, until a workbook is open)."""
        if key not in self.steps:
            raise KeyError(key)
        if key != "start" and self.wb is None:
            self._say(TEXT["locked"], "error")
            key = "start"
        else:
            self._say("")
        state = fingerprint(self.wb) if self.wb is not None else None
        leaving = self.steps.get(self.current)
        if leaving is not None and leaving.key != key:
            leaving.left_at = state
        shown = self.steps[key].show(state)  # built first: a step that fails leaves the page
        self.current = key
        self.content.children = (shown,)
        self._refresh_nav()

    def move(self, by: int) -> None:
        """Go ``by`` steps along the list (-1 back, +1 next)."""
        position = STEP_ORDER.index(self.current) + by
        if 0 <= position < len(STEP_ORDER):
            self.go(STEP_ORDER[position])
