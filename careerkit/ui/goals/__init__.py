"""Screens for the goals step: write a goal, check it, plan it, tick it off, talk about it.

Each screen takes a :class:`careerkit.Workbook`, writes into ``wb.goals`` and calls
``wb.save()`` after every change, so nothing typed is lost. :class:`GoalsStep` builds them all
and keeps them in step. Widgets are attributes so tests can set values and click buttons
without a browser. All controls are standard ipywidgets (keyboard-usable) with a label.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit.ui._screen import Screen
from careerkit.ui.goals._common import TEXT, smart_feedback_html
from careerkit.ui.goals.editor import ExamplePicker, GoalEditor
from careerkit.ui.goals.plan import InterviewAnswerBox, PlanTimeline, ProgressChecklist

__all__ = [
    "TEXT",
    "ExamplePicker",
    "GoalEditor",
    "GoalsStep",
    "InterviewAnswerBox",
    "PlanTimeline",
    "ProgressChecklist",
    "smart_feedback_html",
]


class GoalsStep(Screen):
    """All goal screens together, kept in step: editing a goal refreshes the plan views."""

    def __init__(self, wb: Any, today: date | None = None) -> None:
        self.wb = wb
        self.editor = GoalEditor(wb, today=today)
        self.examples = ExamplePicker(wb, self.editor, today=today)
        self.timeline = PlanTimeline(wb, today=today)
        self.checklist = ProgressChecklist(wb, today=today)
        self.interview = InterviewAnswerBox(wb)
        self.editor.on_change.append(self._refresh_views)
        self.checklist.on_change.append(lambda full: self.timeline.refresh())
        self.widget = widgets.VBox([self.editor.widget, self.examples.widget,
                                    self.timeline.widget, self.checklist.widget,
                                    self.interview.widget])

    def _refresh_views(self, full: bool = True) -> None:
        self.interview.refresh()
        if full:
            self.timeline.refresh()
            self.checklist.refresh()

    def _ipython_display_(self) -> None:
        display(self.widget)
