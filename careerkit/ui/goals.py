"""Screens for the goals step: write a goal, check it, plan it, tick it off, talk about it.

Each screen takes a :class:`careerkit.Workbook`, writes into ``wb.goals`` and calls
``wb.save()`` after every change, so nothing typed is lost. :class:`GoalsStep` builds them all
and keeps them in step. Widgets are attributes so tests can set values and click buttons
without a browser. All controls are standard ipywidgets (keyboard-usable) with a label.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets
import pydantic
from IPython.display import display

from careerkit import charts
from careerkit.errors import CareerkitError
from careerkit.goals import (
    AUDIENCES,
    Category,
    Goal,
    Horizon,
    Links,
    Milestone,
    Obstacle,
    check_smart,
    draft_interview_answer,
    ensure_review,
    example_goals,
    goal_from_example,
    infer_horizon,
    overdue,
    parse_deadline,
    tick_milestone,
    to_ics,
)

__all__ = ["GoalEditor", "GoalsStep", "InterviewAnswerBox", "PlanTimeline", "ProgressChecklist"]

#: Every user-facing text of this module, in one place for translation.
TEXT = {
    "pick_goal": "Goal",
    "new_goal_option": "– a new goal –",
    "new_goal": "Start a new goal",
    "delete_goal": "Delete this goal",
    "deleted": "Deleted the goal “{text}”.",
    "mode": "How to write it",
    "mode_slots": "Build it from four parts",
    "mode_free": "Write it in my own words",
    "action": "1. Action",
    "action_ph": "e.g. Complete / Apply to / Build",
    "measure_slot": "2. What, how much",
    "measure_slot_ph": "e.g. the Google Data Analytics certificate",
    "deadline_slot": "3. By when",
    "deadline_slot_ph": "e.g. within 6 months, by June 2027",
    "support_slot": "4. Support",
    "support_slot_ph": "e.g. my manager's help; two evenings a week",
    "text": "Your goal",
    "text_ph": "e.g. Complete the Google Data Analytics certificate within 6 months",
    "category": "Type",
    "no_category": "– choose –",
    "categories": {
        "skill": "Skill", "education": "Education or certificate", "experience": "Experience",
        "performance": "Performance at work", "network": "Network", "personal": "Personal",
    },
    "horizon": "Horizon",
    "horizons": {"": "– from the deadline –", "short": "Short term (up to 3 years)",
                 "mid": "Mid term", "long": "Long term (5 years or more)"},
    "deadline": "Deadline",
    "confidence": "Confidence (0–10)",
    "why": "Why it matters",
    "why_ph": "e.g. it fits my values: more time with my family",
    "supporters": "Who can help",
    "supporters_ph": "names or roles, separated by commas",
    "obstacles": "Obstacles",
    "obstacles_ph": "What could get in the way? One per line.",
    "strategies": "Plans for them",
    "strategies_ph": "Your plan for each obstacle, in the same order.",
    "gap_skills": "Skills it builds",
    "gap_skills_ph": "separated by commas, e.g. SQL, Tableau",
    "link_role": "Linked to my target role: {title}",
    "link_role_none": "Linked to my target role (choose one in the skills step)",
    "milestone_title": "New milestone",
    "milestone_title_ph": "e.g. Finish course 1 of 8",
    "milestone_due": "Due",
    "add_milestone": "Add milestone",
    "milestone_added": "Added the milestone “{title}”.",
    "milestone_needs_title": "Type the milestone first, then press Add milestone.",
    "feedback_heading": "SMART check",
    "feedback_empty": "Start typing your goal and the check appears here.",
    "verdict": "Your goal is <b>{verdict}</b>.",
    "letters": {"S": "Specific", "M": "Measurable", "A": "Achievable", "R": "Relevant",
                "T": "Time-bound"},
    "score_words": {0: "not yet", 1: "partly", 2: "yes"},
    "deadline_found": "Deadline read from your words: {deadline}.",
    "saved": "Saved.",
    "examples_audience": "For",
    "examples_pick": "Example",
    "use_example": "Use this example",
    "example_used": "Added the example as a new draft goal: change it to make it yours.",
    "refresh": "Refresh the timeline",
    "overdue_heading": "Overdue",
    "overdue_none": "Nothing is overdue.",
    "download": "Download my calendar (.ics)",
    "download_note": "Import the file into your calendar app: milestones, deadlines and reviews "
                     "appear as all-day events. Importing it again updates them.",
    "checklist_none": "No milestones yet: add some to a goal above.",
    "checklist_goal": "<b>{text}</b> – {percent}% done",
    "milestone_label": "{title} (due {due})",
    "milestone_label_nodue": "{title}",
    "role": "Target role",
    "short_goal": "Short-term goal",
    "long_goal": "Long-term goal",
    "none_option": "– none –",
    "skills": "Skills I am building",
    "draft_answer": "Draft an answer for me",
    "answer": "My answer",
    "answer_drafted": "Drafted. Change the words until they sound like you; it is saved as you "
                      "type.",
    "error": "That did not work: {error}",
}

_FULL = widgets.Layout(width="95%")
_AUTO = widgets.Layout(width="auto")
_STYLE = {"description_width": "170px"}


def _message(area: widgets.HTML, text: str, *, error: bool = False) -> None:
    colour = "#B00020" if error else "#1b5e20"
    area.value = f'<p role="status" style="color:{colour}">{html.escape(text)}</p>'


def _guarded(area: widgets.HTML, func: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``func``; ordinary mistakes become a plain message, never a traceback."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (CareerkitError, pydantic.ValidationError, ValueError) as exc:
            message = exc.errors()[0]["msg"] if isinstance(exc, pydantic.ValidationError) \
                else str(exc)
            _message(area, TEXT["error"].format(error=message), error=True)
            return None

    return run


def _split(text: str, sep: str = ",") -> list[str]:
    return [p.strip() for p in text.replace(";", sep).split(sep) if p.strip()]


def _goal_option(goal: Goal) -> str:
    text = " ".join(goal.text.split())
    return text if len(text) <= 70 else text[:69] + "…"


def smart_feedback_html(goal: Goal | str, today: date | None = None, **options: Any) -> str:
    """The SMART check as accessible HTML: a verdict line and one row per letter scored.

    ``options`` go to :func:`careerkit.goals.check_smart` (``horizons``, ``term_calendar``).
    """
    check = check_smart(goal, today=today, **options)
    rows = []
    for letter, score in check.scores.items():
        if score is None:
            continue
        rows.append(
            f"<tr><th scope='row'>{letter} – {TEXT['letters'][letter]}</th>"
            f"<td>{'●' * score}{'○' * (2 - score)} {TEXT['score_words'][score]}</td>"
            f"<td>{html.escape(check.suggestions[letter])}</td></tr>"
        )
    parts = [f"<p>{TEXT['verdict'].format(verdict=html.escape(check.verdict))}</p>",
             f"<table>{''.join(rows)}</table>"]
    if check.deadline:
        parts.append(f"<p>{TEXT['deadline_found'].format(deadline=check.deadline)}</p>")
    for flag in check.flags:
        parts.append(f"<p role='alert'>⚠ {html.escape(flag.message)}</p>")
    return "".join(parts)


class GoalEditor:
    """Build or edit one goal: four parts or free text, live SMART feedback, plan fields.

    Every change is written into ``wb.goals`` and saved at once. ``on_change`` callbacks run
    after each save (the :class:`GoalsStep` uses them to refresh the other screens).
    """

    def __init__(self, wb: Any, goal_id: str | None = None, today: date | None = None) -> None:
        self.wb = wb
        self.today = today
        #: called after each save with ``full`` = whether dates, types or milestones changed
        self.on_change: list[Callable[[bool], None]] = []
        self._loading = False
        self._last_parsed: date | None = None
        self.goal_id: str | None = None

        text_kw = {"continuous_update": True, "style": _STYLE, "layout": _FULL}
        self.goal_picker = widgets.Dropdown(description=TEXT["pick_goal"], style=_STYLE,
                                            layout=_FULL)
        self.new_button = widgets.Button(description=TEXT["new_goal"], icon="plus", layout=_AUTO)
        self.delete_button = widgets.Button(description=TEXT["delete_goal"], icon="trash",
                                            layout=_AUTO)
        self.mode = widgets.RadioButtons(
            description=TEXT["mode"], style=_STYLE,
            options=[(TEXT["mode_slots"], "slots"), (TEXT["mode_free"], "free")], value="free")
        self.action = widgets.Text(description=TEXT["action"], placeholder=TEXT["action_ph"],
                                   **text_kw)
        self.measure_slot = widgets.Text(description=TEXT["measure_slot"],
                                         placeholder=TEXT["measure_slot_ph"], **text_kw)
        self.deadline_slot = widgets.Text(description=TEXT["deadline_slot"],
                                          placeholder=TEXT["deadline_slot_ph"], **text_kw)
        self.support_slot = widgets.Text(description=TEXT["support_slot"],
                                         placeholder=TEXT["support_slot_ph"], **text_kw)
        self.slots_box = widgets.VBox([self.action, self.measure_slot, self.deadline_slot,
                                       self.support_slot])
        self.free_text = widgets.Textarea(description=TEXT["text"], placeholder=TEXT["text_ph"],
                                          rows=2, **text_kw)
        self.feedback = widgets.HTML(value=f"<p>{TEXT['feedback_empty']}</p>")
        self.category = widgets.Dropdown(
            description=TEXT["category"], style=_STYLE,
            options=[(TEXT["no_category"], "")] + [(TEXT["categories"][c.value], c.value)
                                                   for c in Category])
        self.horizon = widgets.Dropdown(
            description=TEXT["horizon"], style=_STYLE,
            options=[(label, key) for key, label in TEXT["horizons"].items()])
        self.deadline = widgets.DatePicker(description=TEXT["deadline"], style=_STYLE)
        self.confidence = widgets.IntSlider(description=TEXT["confidence"], min=0, max=10,
                                            value=5, style=_STYLE, continuous_update=True)
        self.why = widgets.Text(description=TEXT["why"], placeholder=TEXT["why_ph"], **text_kw)
        self.supporters = widgets.Text(description=TEXT["supporters"],
                                       placeholder=TEXT["supporters_ph"], **text_kw)
        self.obstacles = widgets.Textarea(description=TEXT["obstacles"], rows=2,
                                          placeholder=TEXT["obstacles_ph"], **text_kw)
        self.strategies = widgets.Textarea(description=TEXT["strategies"], rows=2,
                                           placeholder=TEXT["strategies_ph"], **text_kw)
        self.gap_skills = widgets.Text(description=TEXT["gap_skills"],
                                       placeholder=TEXT["gap_skills_ph"], **text_kw)
        role = getattr(getattr(wb, "skills", None), "target_title", "") or ""
        self.link_role = widgets.Checkbox(
            description=TEXT["link_role"].format(title=role) if role else TEXT["link_role_none"],
            disabled=not role, indent=False, layout=_FULL)
        self.milestone_title = widgets.Text(description=TEXT["milestone_title"],
                                            placeholder=TEXT["milestone_title_ph"], style=_STYLE,
                                            layout=_FULL)
        self.milestone_due = widgets.DatePicker(description=TEXT["milestone_due"], style=_STYLE)
        self.add_milestone = widgets.Button(description=TEXT["add_milestone"], icon="flag",
                                            layout=_AUTO)
        self.message = widgets.HTML()

        self.new_button.on_click(_guarded(self.message, lambda _: self.new_goal()))
        self.delete_button.on_click(_guarded(self.message, lambda _: self.delete_goal()))
        self.add_milestone.on_click(_guarded(self.message, lambda _: self._add_milestone()))
        self.goal_picker.observe(_guarded(self.message, self._on_pick), names="value")
        self.mode.observe(lambda _: self._show_mode(), names="value")
        for slot in (self.action, self.measure_slot, self.deadline_slot, self.support_slot):
            slot.observe(_guarded(self.message, self._on_slot), names="value")
        for w in (self.free_text, self.category, self.horizon, self.deadline, self.confidence,
                  self.why, self.supporters, self.obstacles, self.strategies, self.gap_skills,
                  self.link_role):
            w.observe(_guarded(self.message, self._on_field), names="value")

        self.widget = widgets.VBox([
            widgets.HBox([self.goal_picker]), widgets.HBox([self.new_button,
                                                            self.delete_button]),
            self.mode, self.slots_box, self.free_text, self.feedback,
            self.category, self.horizon, self.deadline, self.confidence, self.why,
            self.supporters, self.obstacles, self.strategies, self.gap_skills, self.link_role,
            widgets.HBox([self.milestone_title, self.milestone_due, self.add_milestone]),
            self.message,
        ])
        self._refresh_picker()
        goals = wb.goals.goals
        chosen = goal_id or (goals[0].id if goals else None)
        self._load(chosen)
        self._show_mode()

    # ---------------------------------------------------------------- state
    @property
    def goal(self) -> Goal | None:
        """The goal being edited (``None`` until the person types one)."""
        if self.goal_id is None:
            return None
        try:
            return self.wb.goals.goal(self.goal_id)
        except KeyError:
            return None

    def _refresh_picker(self) -> None:
        self._loading, was = True, self._loading
        options = [(f"{n}. {_goal_option(g)}", g.id)
                   for n, g in enumerate(self.wb.goals.goals, start=1)]
        self.goal_picker.options = [(TEXT["new_goal_option"], ""), *options]
        self.goal_picker.value = self.goal_id or ""
        self._loading = was

    def _load(self, goal_id: str | None) -> None:
        """Fill the widgets from a goal (or clear them for a new one)."""
        self._loading = True
        try:
            self.goal_id = goal_id or None
            goal = self.goal
            slots = goal.slots if goal else {}
            self.action.value = slots.get("action", "")
            self.measure_slot.value = slots.get("measure", "")
            self.deadline_slot.value = slots.get("deadline", "")
            self.support_slot.value = slots.get("support", "")
            self.mode.value = "slots" if slots else "free"
            self.free_text.value = goal.text if goal else ""
            self.category.value = goal.category.value if goal and goal.category else ""
            self.horizon.value = goal.horizon.value if goal and goal.horizon else ""
            self.deadline.value = goal.deadline if goal else None
            self.confidence.value = goal.confidence if goal and goal.confidence is not None \
                else 5
            self.why.value = goal.why if goal else ""
            self.supporters.value = ", ".join(goal.supporters) if goal else ""
            self.obstacles.value = "\n".join(o.obstacle for o in goal.obstacles) if goal else ""
            self.strategies.value = "\n".join(o.strategy for o in goal.obstacles) if goal else ""
            self.gap_skills.value = ", ".join(goal.links.gap_skills) if goal else ""
            self.link_role.value = bool(goal and goal.links.target_title)
            self._last_parsed = self._parse(goal.text) if goal else None
            self._refresh_picker()
        finally:
            self._loading = False
        self._show_feedback()

    def _today(self) -> date:
        return self.today or date.today()

    def _parse(self, text: str) -> date | None:
        # The person's own term calendar ("end of the semester", "end of medical school").
        return parse_deadline(text, self._today(), self.wb.goals.term_calendar)

    def _show_mode(self) -> None:
        self.slots_box.layout.display = "" if self.mode.value == "slots" else "none"

    def _show_feedback(self) -> None:
        goal = self.goal
        if goal is None or not goal.text.strip():
            self.feedback.value = f"<p>{TEXT['feedback_empty']}</p>"
            return
        self.feedback.value = (f"<h4>{TEXT['feedback_heading']}</h4>"
                               + smart_feedback_html(goal, today=self._today(),
                                                     horizons=self.wb.goals.horizons,
                                                     term_calendar=self.wb.goals.term_calendar))

    # ---------------------------------------------------------------- events
    def _on_pick(self, change: dict) -> None:
        if self._loading:
            return
        self._load(change["new"] or None)

    def _on_slot(self, change: dict) -> None:
        if self._loading:
            return
        parts = [self.action.value.strip(), self.measure_slot.value.strip(),
                 self.deadline_slot.value.strip()]
        # The free-text box shows the sentence the parts make; its observer saves the goal.
        self.free_text.value = " ".join(p for p in parts if p)
        self._on_field({"owner": None})

    def _on_field(self, change: dict) -> None:
        if self._loading:
            return
        text = " ".join(self.free_text.value.split())
        goal = self.goal
        created = goal is None
        if goal is None:
            if not text:
                return
            goal = Goal(text=text, start=self._today())
            self.wb.goals.goals.append(goal)
            self.goal_id = goal.id
        before = (goal.deadline, goal.category, goal.start)
        self._write(goal, text, change.get("owner"))
        ensure_review(goal, self._today())
        self.wb.save()
        self._refresh_picker()
        self._show_feedback()
        _message(self.message, TEXT["saved"])
        # Redrawing the timeline takes a noticeable moment: only when what it shows changed
        # (typing words alone does not move a bar).
        self._changed(full=created or before != (goal.deadline, goal.category, goal.start))

    def _changed(self, full: bool = True) -> None:
        for callback in self.on_change:
            callback(full)

    def _write(self, goal: Goal, text: str, source: Any) -> None:
        if text:
            goal.text = text
        goal.draft = False
        if self.mode.value == "slots":
            goal.slots = {"action": self.action.value, "measure": self.measure_slot.value,
                          "deadline": self.deadline_slot.value,
                          "support": self.support_slot.value}
            goal.resources = _split(self.support_slot.value)
        # The date picker follows the words until the person picks a date of their own.
        parsed = self._parse(goal.text)
        if source is not self.deadline and parsed != self._last_parsed and (
            self.deadline.value is None or self.deadline.value == self._last_parsed
        ):
            self._loading = True
            self.deadline.value = parsed
            self._loading = False
        self._last_parsed = parsed
        goal.deadline = self.deadline.value
        goal.category = self.category.value or None
        goal.horizon = self.horizon.value or None
        goal.confidence = self.confidence.value
        goal.why = self.why.value.strip()
        goal.supporters = _split(self.supporters.value)
        obstacles = [o.strip() for o in self.obstacles.value.splitlines()]
        strategies = [s.strip() for s in self.strategies.value.splitlines()]
        kept = {o.obstacle: o for o in goal.obstacles}
        new_obstacles = []
        for n, text_o in enumerate(obstacles):
            if not text_o:
                continue
            strategy = strategies[n] if n < len(strategies) else ""
            item = kept.get(text_o) or Obstacle(obstacle=text_o)
            item.strategy = strategy
            new_obstacles.append(item)
        goal.obstacles = new_obstacles
        role = self.wb.skills.target_title if self.link_role.value else ""
        soc = (self.wb.skills.target_soc_code or "") if self.link_role.value else ""
        goal.links = Links(gap_skills=_split(self.gap_skills.value), target_title=role,
                           target_soc_code=soc, interest_code=goal.links.interest_code)

    # ---------------------------------------------------------------- actions
    def new_goal(self) -> None:
        """Clear the editor for a new goal (created as soon as the person types)."""
        self._load(None)
        self.mode.value = "slots"

    def delete_goal(self) -> None:
        goal = self.goal
        if goal is None:
            return
        self.wb.goals.goals[:] = [g for g in self.wb.goals.goals if g.id != goal.id]
        self.wb.save()
        remaining = self.wb.goals.goals
        self._load(remaining[0].id if remaining else None)
        _message(self.message, TEXT["deleted"].format(text=goal.text))
        self._changed()

    def _add_milestone(self) -> None:
        title = " ".join(self.milestone_title.value.split())
        goal = self.goal
        if not title or goal is None:
            _message(self.message, TEXT["milestone_needs_title"], error=True)
            return
        goal.milestones.append(Milestone(title=title, due=self.milestone_due.value))
        goal.milestones.sort(key=lambda m: (m.due is None, m.due or date.max))
        self.wb.save()
        self.milestone_title.value = ""
        self.milestone_due.value = None
        self._show_feedback()
        _message(self.message, TEXT["milestone_added"].format(title=title))
        self._changed()

    def _ipython_display_(self) -> None:
        display(self.widget)


class ExamplePicker:
    """Our example goals by audience; one click copies an example into a new draft goal."""

    def __init__(self, wb: Any, editor: GoalEditor | None = None,
                 today: date | None = None) -> None:
        self.wb, self.editor, self.today = wb, editor, today
        self.frame = example_goals()
        audiences = [a for a in AUDIENCES if a in set(self.frame["audience"])]
        self.audience = widgets.Dropdown(description=TEXT["examples_audience"], style=_STYLE,
                                         options=audiences, value=audiences[0])
        self.example = widgets.Dropdown(description=TEXT["examples_pick"], style=_STYLE,
                                        layout=_FULL)
        self.use = widgets.Button(description=TEXT["use_example"], icon="copy", layout=_AUTO)
        self.message = widgets.HTML()
        self.audience.observe(lambda _: self._fill(), names="value")
        self.use.on_click(_guarded(self.message, lambda _: self.use_example()))
        self._fill()
        self.widget = widgets.VBox([self.audience, self.example, self.use, self.message])

    def _fill(self) -> None:
        rows = self.frame[self.frame["audience"] == self.audience.value]
        options = [(f"{TEXT['categories'][r.category]}: {r.text}", r.example_id)
                   for r in rows.itertuples()]
        self.example.options = options
        self.example.value = options[0][1] if options else None

    def use_example(self) -> Goal:
        row = self.frame[self.frame["example_id"] == self.example.value].iloc[0].to_dict()
        goal = goal_from_example(row, self.today)
        self.wb.goals.goals.append(goal)
        self.wb.save()
        _message(self.message, TEXT["example_used"])
        if self.editor is not None:
            self.editor._load(goal.id)
            self.editor._changed()
        return goal

    def _ipython_display_(self) -> None:
        display(self.widget)


class ProgressChecklist:
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
                        box = widgets.Checkbox(indent=False, layout=_FULL)
                        box.observe(_guarded(self.message, self._make_handler(goal.id, m.id)),
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


class PlanTimeline:
    """The goals timeline, the overdue list and the calendar download."""

    def __init__(self, wb: Any, today: date | None = None) -> None:
        self.wb, self.today = wb, today
        self.refresh_button = widgets.Button(description=TEXT["refresh"], icon="refresh",
                                             layout=widgets.Layout(width="auto"))
        self.chart = widgets.Output()
        self.overdue = widgets.HTML()
        self.download = widgets.HTML()
        self.message = widgets.HTML()
        self.figure = None
        self.refresh_button.on_click(_guarded(self.message, lambda _: self.refresh()))
        self.widget = widgets.VBox([self.refresh_button, self.chart, self.overdue,
                                    self.download, self.message])
        self.refresh()

    def refresh(self) -> None:
        today = self.today or date.today()
        goals = self.wb.goals.goals
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


class InterviewAnswerBox:
    """Draft and keep an answer to "What are your career goals?" (``wb.goals.interview_answer``)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self._loading = False
        self.role = widgets.Text(description=TEXT["role"], style=_STYLE, layout=_FULL,
                                 value=getattr(wb.skills, "target_title", "") or "")
        self.short_goal = widgets.Dropdown(description=TEXT["short_goal"], style=_STYLE,
                                           layout=_FULL)
        self.long_goal = widgets.Dropdown(description=TEXT["long_goal"], style=_STYLE,
                                          layout=_FULL)
        self.skills = widgets.Text(description=TEXT["skills"], style=_STYLE, layout=_FULL)
        self.draft = widgets.Button(description=TEXT["draft_answer"], icon="pencil", layout=_AUTO)
        self.answer = widgets.Textarea(description=TEXT["answer"], rows=6, style=_STYLE,
                                       layout=_FULL, continuous_update=True,
                                       value=wb.goals.interview_answer)
        self.message = widgets.HTML()
        self.draft.on_click(_guarded(self.message, lambda _: self.draft_answer()))
        self.answer.observe(_guarded(self.message, self._on_answer), names="value")
        self.widget = widgets.VBox([
            self.role, self.short_goal, self.long_goal, self.skills, self.draft, self.answer,
            self.message])
        self.refresh()

    def refresh(self) -> None:
        """Offer the current goals, short-term ones first for the short pick, long for long."""
        goals = self.wb.goals.goals
        options = [(TEXT["none_option"], "")] + [(_goal_option(g), g.id) for g in goals]
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

    def draft_answer(self) -> str:
        goals = {g.id: g for g in self.wb.goals.goals}
        text = draft_interview_answer(self.role.value, goals.get(self.short_goal.value),
                                      goals.get(self.long_goal.value), _split(self.skills.value))
        self.answer.value = text  # the observer saves it
        _message(self.message, TEXT["answer_drafted"])
        return text

    def _on_answer(self, change: dict) -> None:
        self.wb.goals.interview_answer = change["new"]
        self.wb.save()

    def _ipython_display_(self) -> None:
        display(self.widget)


class GoalsStep:
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
