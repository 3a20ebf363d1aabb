"""Plan views: the timeline with overdue items and the calendar file, the milestone checklist,
and the interview answer."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit import charts
from careerkit.goals import (
    Horizon,
    draft_interview_answer,
    ensure_review,
    infer_horizon,
    overdue,
    tick_milestone,
    to_ics,
)
from careerkit.ui._screen import Screen
from careerkit.ui.goals._common import (
    AUTO,
    FULL,
    STYLE,
    TEXT,
    goal_option,
    guarded,
    show_message,
    split,
)


class ProgressChecklist(Screen):
    """A checkbox per milestone; ticking saves, updates percent complete and celebrates."""

    def __init__(self, wb: Any, today: date | None = None) -> None:
        self.wb, self.today = wb, today
        self.on_change: list[Callable[[bool], None]] = []
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        self._headers: dict[str, widgets.HTML] = {}
        self._none = widgets.HTML(f"<p>{TEXT['checklist_none']}</p>")
        self._loading = False
        self.message = widgets.HTML()
        self.items = widgets.VBox()
        self.widget = widgets.VBox([self.items, self.message])
        self.refresh()

    def refresh(self) -> None:
        """Show the current goals' milestones, reusing the widgets already on screen (replacing
        them while the browser still draws the old ones makes it lose track of them)."""
        rows: list[widgets.Widget] = []
        headers: dict[str, widgets.HTML] = {}
        boxes: dict[str, widgets.Checkbox] = {}
        self._loading = True
        try:
            for goal in self.wb.goals.goals:
                if not goal.milestones:
                    continue
                header = self._headers.get(goal.id) or widgets.HTML()
                header.value = TEXT["checklist_goal"].format(text=html.escape(goal.text),
                                                             percent=goal.percent_complete)
                headers[goal.id] = header
                rows.append(header)
                for m in goal.milestones:
                    label = (TEXT["milestone_label"].format(title=m.title, due=m.due) if m.due
                             else TEXT["milestone_label_nodue"].format(title=m.title))
                    box = self.checkboxes.get(m.id)
                    if box is None:
                        box = widgets.Checkbox(indent=False, layout=FULL)
                        box.observe(guarded(self.message, self._make_handler(goal.id, m.id)),
                                    names="value")
                    box.description = label
                    box.value = m.done_on is not None
                    boxes[m.id] = box
                    rows.append(box)
        finally:
            self._loading = False
        self._headers, self.checkboxes = headers, boxes
        self.items.children = rows or [self._none]

    def _make_handler(self, goal_id: str, milestone_id: str) -> Callable[[dict], None]:
        def handler(change: dict) -> None:
            if self._loading:
                return
            goal = self.wb.goals.goal(goal_id)
            message = tick_milestone(goal, milestone_id, done=change["new"],
                                     today=self.today or date.today())
            self.wb.save()
            self.message.value = (f'<p role="status" style="font-size:1.1em">'
                                  f"{html.escape(message)}</p>")
            self.refresh()
            for callback in self.on_change:
                callback(True)

        return handler

    def _ipython_display_(self) -> None:
        display(self.widget)


class PlanTimeline(Screen):
    """The goals timeline, the overdue list and the calendar download."""

    def __init__(self, wb: Any, today: date | None = None) -> None:
        self.wb, self.today = wb, today
        self.refresh_button = widgets.Button(description=TEXT["refresh"], icon="refresh",
                                             layout=widgets.Layout(width="auto"))
        self.chart = widgets.Output()
        self.overdue = widgets.HTML()
        self.download = widgets.HTML()
        self.message = widgets.HTML()
        self.figure: Any = None  # the goal timeline (a plotly Figure) once drawn
        self.refresh_button.on_click(guarded(self.message, lambda _: self.refresh()))
        self.widget = widgets.VBox([self.refresh_button, self.chart, self.overdue,
                                    self.download, self.message])
        self.refresh()

    def refresh(self) -> None:
        today = self.today or date.today()
        goals = self.wb.goals.goals
        # Every goal keeps a review date at most a year ahead, also once an old one has passed.
        before = [list(g.review_dates) for g in goals]
        for goal in goals:
            ensure_review(goal, today)
        if before != [g.review_dates for g in goals]:
            self.wb.save()
        self.figure = charts.goal_timeline(goals, today=today, horizons=self.wb.goals.horizons)
        self.chart.clear_output(wait=True)
        with self.chart:
            if self.figure.data:
                display(self.figure)
            # The words of the chart, for everyone (and all there is before a goal has a date).
            display(widgets.HTML(f"<p>{html.escape(charts.summary(self.figure))}</p>"))
        items = overdue(goals, today=today)
        if items:
            listed = "".join(f"<li>{html.escape(i.message)}</li>" for i in items)
            self.overdue.value = f"<h4>{TEXT['overdue_heading']}</h4><ul>{listed}</ul>"
        else:
            self.overdue.value = f"<p>{TEXT['overdue_none']}</p>"
        ics = to_ics(goals, today=today, owner=getattr(self.wb, "pseudonym", "") or "")
        payload = base64.b64encode(ics.encode("utf-8")).decode("ascii")
        # A plain link with the file inside: works in JupyterLab and Voilà, keyboard-usable.
        self.download.value = (
            f'<p><a download="my-career-goals.ics" href="data:text/calendar;base64,{payload}">'
            f"{TEXT['download']}</a><br><small>{TEXT['download_note']}</small></p>")

    def _ipython_display_(self) -> None:
        display(self.widget)


class InterviewAnswerBox(Screen):
    """Draft and keep an answer to "What are your career goals?" (``wb.goals.interview_answer``)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self._loading = False
        self._drafted = ""
        self._confirm = False
        self.role = widgets.Text(description=TEXT["role"], style=STYLE, layout=FULL,
                                 value=getattr(wb.skills, "target_title", "") or "")
        self.short_goal = widgets.Dropdown(description=TEXT["short_goal"], style=STYLE,
                                           layout=FULL)
        self.long_goal = widgets.Dropdown(description=TEXT["long_goal"], style=STYLE,
                                          layout=FULL)
        self.skills = widgets.Text(description=TEXT["skills"], style=STYLE, layout=FULL)
        self.draft = widgets.Button(description=TEXT["draft_answer"], icon="pencil", layout=AUTO)
        self.answer = widgets.Textarea(description=TEXT["answer"], rows=6, style=STYLE,
                                       layout=FULL, continuous_update=True,
                                       value=wb.goals.interview_answer)
        self.message = widgets.HTML()
        self.draft.on_click(guarded(self.message, lambda _: self.draft_answer()))
        self.answer.observe(guarded(self.message, self._on_answer), names="value")
        self.widget = widgets.VBox([
            self.role, self.short_goal, self.long_goal, self.skills, self.draft, self.answer,
            self.message])
        self.refresh()

    def refresh(self) -> None:
        """Offer the current goals, short-term ones first for the short pick, long for long."""
        goals = self.wb.goals.goals
        options = [(TEXT["none_option"], "")] + [(goal_option(g), g.id) for g in goals]
        ids = {g.id for g in goals}

        def pick(current: str, horizon: Horizon) -> str:
            if current in ids:
                return current
            rule = self.wb.goals.horizons
            return next((g.id for g in goals
                         if (g.horizon or infer_horizon(g, date.today(), rule)) == horizon), "")

        short_now, long_now = self.short_goal.value or "", self.long_goal.value or ""
        self.short_goal.options = options
        self.long_goal.options = options
        self.short_goal.value = pick(short_now, Horizon.SHORT)
        self.long_goal.value = pick(long_now, Horizon.LONG)
        if not self.skills.value:
            skills = [s for g in goals for s in g.links.gap_skills]
            self.skills.value = ", ".join(dict.fromkeys(skills))

    def draft_answer(self) -> str | None:
        """Draft an answer into the box; an answer the person wrote is replaced only on a second
        press."""
        goals = {g.id: g for g in self.wb.goals.goals}
        text = draft_interview_answer(self.role.value, goals.get(self.short_goal.value),
                                      goals.get(self.long_goal.value), split(self.skills.value))
        own = self.answer.value.strip() and self.answer.value != self._drafted
        if own and not self._confirm:
            self._confirm = True
            self.draft.description = TEXT["confirm_redraft_button"]
            show_message(self.message, TEXT["confirm_redraft"], error=True)
            return None
        self._confirm = False
        self.draft.description = TEXT["draft_answer"]
        self._drafted = text
        self.answer.value = text  # the observer saves it
        show_message(self.message, TEXT["answer_drafted"])
        return text

    def _on_answer(self, change: dict) -> None:
        if change["new"] != self._drafted:
            self._confirm = False
            self.draft.description = TEXT["draft_answer"]
        self.wb.goals.interview_answer = change["new"]
        self.wb.save()

    def _ipython_display_(self) -> None:
        display(self.widget)
