"""The goal editor (four parts or free text, live SMART check, plan fields, milestones) and the
example picker."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit.goals import (
    AUDIENCES,
    ActionStep,
    Category,
    Goal,
    Links,
    Milestone,
    Obstacle,
    Status,
    ensure_review,
    example_goals,
    goal_from_example,
    parse_deadline,
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
    smart_feedback_html,
    split,
)


def _comments_html(goal: Goal | None) -> str:
    if goal is None or not goal.counselor_comments:
        return ""
    items = "".join(
        f"<li>{html.escape(c.text)}"
        + (f" <small>– {html.escape(c.author)}</small>" if c.author else "") + "</li>"
        for c in goal.counselor_comments)
    return f"<h4>{TEXT['comments_heading']}</h4><ul>{items}</ul>"


class GoalEditor(Screen):
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
        self._confirm_delete: str | None = None
        self.goal_id: str | None = None

        text_kw = {"continuous_update": True, "style": STYLE, "layout": FULL}
        self.goal_picker = widgets.Dropdown(description=TEXT["pick_goal"], style=STYLE,
                                            layout=FULL)
        self.new_button = widgets.Button(description=TEXT["new_goal"], icon="plus", layout=AUTO)
        self.delete_button = widgets.Button(description=TEXT["delete_goal"], icon="trash",
                                            layout=AUTO)
        self.mode = widgets.RadioButtons(
            description=TEXT["mode"], style=STYLE,
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
        # wide enough for the longest choice ("– from the deadline –" was cut at the default)
        choice = widgets.Layout(width="32em")
        self.category = widgets.Dropdown(
            description=TEXT["category"], style=STYLE, layout=choice,
            options=[(TEXT["no_category"], "")] + [(TEXT["categories"][c.value], c.value)
                                                   for c in Category])
        self.horizon = widgets.Dropdown(
            description=TEXT["horizon"], style=STYLE, layout=choice,
            options=[(label, key) for key, label in TEXT["horizons"].items()])
        self.deadline = widgets.DatePicker(description=TEXT["deadline"], style=STYLE)
        self.start = widgets.DatePicker(description=TEXT["start"], style=STYLE)
        self.status = widgets.Dropdown(
            description=TEXT["status"], style=STYLE, layout=choice,
            options=[(TEXT["statuses"][s.value], s.value) for s in Status])
        self.comments = widgets.HTML()
        # a number box, not a slider: its label is tied to it for screen readers (an
        # ipywidgets slider's is not), and arrow keys step it as they would a slider
        self.confidence = widgets.BoundedIntText(description=TEXT["confidence"], min=0, max=10,
                                                 value=5, style=STYLE, continuous_update=True,
                                                 layout=widgets.Layout(width="17em"))
        self.why = widgets.Text(description=TEXT["why"], placeholder=TEXT["why_ph"], **text_kw)
        self.supporters = widgets.Text(description=TEXT["supporters"],
                                       placeholder=TEXT["supporters_ph"], **text_kw)
        self.obstacles = widgets.Textarea(description=TEXT["obstacles"], rows=2,
                                          placeholder=TEXT["obstacles_ph"], **text_kw)
        self.strategies = widgets.Textarea(description=TEXT["strategies"], rows=2,
                                           placeholder=TEXT["strategies_ph"], **text_kw)
        self.resources = widgets.Text(description=TEXT["resources"],
                                      placeholder=TEXT["resources_ph"], **text_kw)
        self.action_steps = widgets.Textarea(description=TEXT["action_steps"], rows=3,
                                             placeholder=TEXT["action_steps_ph"], **text_kw)
        self.gap_skills = widgets.Text(description=TEXT["gap_skills"],
                                       placeholder=TEXT["gap_skills_ph"], **text_kw)
        role = getattr(getattr(wb, "skills", None), "target_title", "") or ""
        self.link_role = widgets.Checkbox(
            description=TEXT["link_role"].format(title=role) if role else TEXT["link_role_none"],
            disabled=not role, indent=False, layout=FULL)
        # Title, date and button share one row: a full-width title squeezed the button's label
        # to "Add mi…" on a laptop screen.
        self.milestone_title = widgets.Text(description=TEXT["milestone_title"],
                                            placeholder=TEXT["milestone_title_ph"], style=STYLE,
                                            layout=widgets.Layout(width="55%"))
        self.milestone_due = widgets.DatePicker(description=TEXT["milestone_due"],
                                                style={"description_width": "initial"})
        self.add_milestone = widgets.Button(description=TEXT["add_milestone"], icon="flag",
                                            layout=AUTO)
        self.message = widgets.HTML()

        self.new_button.on_click(guarded(self.message, lambda _: self.new_goal()))
        self.delete_button.on_click(guarded(self.message, lambda _: self.delete_goal()))
        self.add_milestone.on_click(guarded(self.message, lambda _: self._add_milestone()))
        self.goal_picker.observe(guarded(self.message, self._on_pick), names="value")
        # a new goal opens the way the person last chose to write one (four parts at first)
        self._new_mode = "slots"
        self.mode.observe(lambda _: self._show_mode(), names="value")
        self.mode.observe(self._mode_chosen, names="value")
        for slot in (self.action, self.measure_slot, self.deadline_slot, self.support_slot):
            slot.observe(guarded(self.message, self._on_slot), names="value")
        for w in (self.free_text, self.category, self.horizon, self.deadline, self.start,
                  self.status, self.confidence,
                  self.why, self.resources, self.supporters, self.obstacles, self.strategies,
                  self.action_steps, self.gap_skills,
                  self.link_role):
            w.observe(guarded(self.message, self._on_field), names="value")

        self.widget = widgets.VBox([
            widgets.HBox([self.goal_picker]), widgets.HBox([self.new_button,
                                                            self.delete_button]),
            self.mode, self.slots_box, self.free_text, self.feedback,
            self.category, self.horizon, self.start, self.deadline, self.status,
            self.confidence, self.why,
            self.resources, self.supporters, self.obstacles, self.strategies, self.action_steps,
            self.gap_skills, self.link_role,
            widgets.HBox([self.milestone_title, self.milestone_due, self.add_milestone]),
            self.comments, self.message,
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
        options = [(f"{n}. {goal_option(g)}", g.id)
                   for n, g in enumerate(self.wb.goals.goals, start=1)]
        self.goal_picker.options = [(TEXT["new_goal_option"], ""), *options]
        self.goal_picker.value = self.goal_id or ""
        self._loading = was

    def _load(self, goal_id: str | None) -> None:
        """Fill the widgets from a goal (or clear them for a new one)."""
        self._reset_delete()
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
            self.start.value = goal.start if goal else None
            self.status.value = goal.status.value if goal else Status.NOT_STARTED.value
            self.comments.value = _comments_html(goal)
            self.confidence.value = goal.confidence if goal and goal.confidence is not None \
                else 5
            self.why.value = goal.why if goal else ""
            self.supporters.value = ", ".join(goal.supporters) if goal else ""
            self.obstacles.value = "\n".join(o.obstacle for o in goal.obstacles) if goal else ""
            self.strategies.value = "\n".join(o.strategy for o in goal.obstacles) if goal else ""
            self.gap_skills.value = ", ".join(goal.links.gap_skills) if goal else ""
            self.resources.value = ", ".join(goal.resources) if goal else ""
            self.action_steps.value = "\n".join(a.text for a in goal.action_steps) if goal else ""
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
        slots = self.mode.value == "slots"
        self.slots_box.layout.display = "" if slots else "none"
        # In the four parts, "Support" is where resources are typed; one box for one field.
        self.resources.layout = widgets.Layout(width="95%", display="none" if slots else "")
        if not slots and not self.resources.value and self.support_slot.value:
            self.resources.value = self.support_slot.value

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
        show_message(self.message, TEXT["saved"])
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
            goal.resources = split(self.support_slot.value)
        else:
            goal.resources = split(self.resources.value)
        steps = [t.strip() for t in self.action_steps.value.splitlines() if t.strip()]
        kept_steps = {a.text: a for a in goal.action_steps}
        goal.action_steps = [kept_steps.get(t) or ActionStep(text=t) for t in steps]
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
        goal.start = self.start.value or goal.start
        goal.status = self.status.value
        if goal.status == Status.DONE:
            goal.percent_complete = 100
        # Confidence counts only once the person has moved the slider (5 is just where it rests).
        if source is self.confidence or goal.confidence is not None:
            goal.confidence = self.confidence.value
        goal.why = self.why.value.strip()
        goal.supporters = split(self.supporters.value)
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
        goal.links = Links(gap_skills=split(self.gap_skills.value), target_title=role,
                           target_soc_code=soc, interest_code=goal.links.interest_code)

    # ---------------------------------------------------------------- actions
    def new_goal(self) -> None:
        """Clear the editor for a new goal (created as soon as the person types), in four parts
        or in the person's own words, whichever they last chose."""
        self._load(None)
        self.mode.value = self._new_mode

    def _mode_chosen(self, change: dict) -> None:
        if not self._loading:
            self._new_mode = change["new"]

    def delete_goal(self) -> None:
        """Delete the goal shown, after a second press (nothing typed is lost by one slip)."""
        goal = self.goal
        if goal is None:
            return
        if self._confirm_delete != goal.id:
            self._confirm_delete = goal.id
            self.delete_button.description = TEXT["confirm_delete_button"]
            show_message(self.message, TEXT["confirm_delete"].format(text=goal.text),
                         error=True)
            return
        self._reset_delete()
        self.wb.goals.goals[:] = [g for g in self.wb.goals.goals if g.id != goal.id]
        self.wb.save()
        remaining = self.wb.goals.goals
        self._load(remaining[0].id if remaining else None)
        show_message(self.message, TEXT["deleted"].format(text=goal.text))
        self._changed()

    def _reset_delete(self) -> None:
        self._confirm_delete = None
        self.delete_button.description = TEXT["delete_goal"]

    def _add_milestone(self) -> None:
        title = " ".join(self.milestone_title.value.split())
        goal = self.goal
        if not title or goal is None:
            show_message(self.message, TEXT["milestone_needs_title"], error=True)
            return
        goal.milestones.append(Milestone(title=title, due=self.milestone_due.value))
        goal.milestones.sort(key=lambda m: (m.due is None, m.due or date.max))
        self.wb.save()
        self.milestone_title.value = ""
        self.milestone_due.value = None
        self._show_feedback()
        show_message(self.message, TEXT["milestone_added"].format(title=title))
        self._changed()

    def _ipython_display_(self) -> None:
        display(self.widget)


class ExamplePicker(Screen):
    """Our example goals by audience; one click copies an example into a new draft goal."""

    def __init__(self, wb: Any, editor: GoalEditor | None = None,
                 today: date | None = None) -> None:
        self.wb, self.editor, self.today = wb, editor, today
        self.frame = example_goals()
        audiences = [a for a in AUDIENCES if a in set(self.frame["audience"])]
        self.audience = widgets.Dropdown(description=TEXT["examples_audience"], style=STYLE,
                                         options=audiences, value=audiences[0])
        self.example = widgets.Dropdown(description=TEXT["examples_pick"], style=STYLE,
                                        layout=FULL)
        self.use = widgets.Button(description=TEXT["use_example"], icon="copy", layout=AUTO)
        self.message = widgets.HTML()
        self.audience.observe(lambda _: self._fill(), names="value")
        self.use.on_click(guarded(self.message, lambda _: self.use_example()))
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
        show_message(self.message, TEXT["example_used"])
        if self.editor is not None:
            self.editor._load(goal.id)
            self.editor._changed()
        return goal

    def _ipython_display_(self) -> None:
        display(self.widget)
