"""Progress on goals: ticking milestones, percent complete, overdue items, review dates.

Career-guidance practice: celebrate milestones as they are reached, and review and revise goals
at least once a year. So every goal always has a review date no more than a year away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerkit.errors import InputError
from careerkit.goals._deadlines import add_months
from careerkit.goals._model import Goal, Horizon, HorizonRule, Status

__all__ = [
    "TEXT",
    "OverdueItem",
    "ensure_review",
    "infer_horizon",
    "overdue",
    "tick_milestone",
    "update_percent",
]

TEXT = {
    "celebrate": "Well done! You reached '{milestone}'.",
    "celebrate_progress": " {done} of {total} milestones done for '{goal}' ({percent}%).",
    "celebrate_last": " That was the last one – '{goal}' is complete. Time to celebrate and set "
    "your next goal.",
    "unticked": "'{milestone}' is marked as not done yet.",
    "overdue_goal": "Goal '{goal}' was due {due}.",
    "overdue_milestone": "Milestone '{milestone}' of '{goal}' was due {due}.",
    "no_milestone": "Goal '{goal}' has no milestone with id {milestone_id!r}.",
}


@dataclass(frozen=True)
class OverdueItem:
    """A goal or milestone past its date and not done."""

    goal_id: str
    milestone_id: str | None
    title: str
    due: date
    days_late: int
    message: str


def update_percent(goal: Goal) -> int:
    """Set ``goal.percent_complete`` from its milestones (done / all) and return it.

    A goal without milestones keeps the percentage the person set, except that a goal marked
    done is 100%.
    """
    if goal.milestones:
        done = sum(m.done_on is not None for m in goal.milestones)
        goal.percent_complete = round(100 * done / len(goal.milestones))
    if goal.status == Status.DONE:
        goal.percent_complete = 100
    return goal.percent_complete


def tick_milestone(
    goal: Goal, milestone_id: str, done: bool = True, today: date | None = None
) -> str:
    """Mark a milestone done (or not done), update percent complete and status, return a message.

    Ticking sets ``done_on`` to ``today`` (kept if it was already done); unticking clears it.
    When the last milestone is ticked, the goal becomes done.
    """
    today = today or date.today()
    try:
        milestone = goal.milestone(milestone_id)
    except KeyError:
        raise InputError(
            TEXT["no_milestone"].format(goal=goal.text, milestone_id=milestone_id)
        ) from None
    if not done:
        milestone.done_on = None
        if goal.status == Status.DONE:
            goal.status = Status.IN_PROGRESS
        update_percent(goal)
        return TEXT["unticked"].format(milestone=milestone.title)
    if milestone.done_on is None:
        milestone.done_on = today
    finished = all(m.done_on is not None for m in goal.milestones)
    if finished:
        goal.status = Status.DONE
    elif goal.status == Status.NOT_STARTED:
        goal.status = Status.IN_PROGRESS
    percent = update_percent(goal)
    message = TEXT["celebrate"].format(milestone=milestone.title)
    if finished:
        return message + TEXT["celebrate_last"].format(goal=goal.text)
    done_count = sum(m.done_on is not None for m in goal.milestones)
    return message + TEXT["celebrate_progress"].format(
        done=done_count, total=len(goal.milestones), goal=goal.text, percent=percent
    )


def overdue(goals: list[Goal], today: date | None = None) -> list[OverdueItem]:
    """Goals and milestones past their date and not done, most overdue first.

    Goals that are done or dropped are skipped, and so are their milestones.
    """
    today = today or date.today()
    items: list[OverdueItem] = []
    for goal in goals:
        if goal.status in (Status.DONE, Status.DROPPED):
            continue
        if goal.deadline and goal.deadline < today:
            items.append(
                OverdueItem(
                    goal.id,
                    None,
                    goal.text,
                    goal.deadline,
                    (today - goal.deadline).days,
                    TEXT["overdue_goal"].format(goal=goal.text, due=goal.deadline),
                )
            )
        for m in goal.milestones:
            if m.due and m.due < today and m.done_on is None:
                items.append(
                    OverdueItem(
                        goal.id,
                        m.id,
                        m.title,
                        m.due,
                        (today - m.due).days,
                        TEXT["overdue_milestone"].format(
                            milestone=m.title, goal=goal.text, due=m.due
                        ),
                    )
                )
    return sorted(items, key=lambda i: (-i.days_late, i.title))


def ensure_review(goal: Goal, today: date | None = None, every_months: int = 12) -> date:
    """Make sure the goal has a review date within ``every_months`` (≤ 12) from today.

    Returns the next review date. An earlier review already planned is kept; when the goal's
    deadline comes sooner than a year, the review is on the deadline.
    """
    if not 1 <= every_months <= 12:
        raise InputError(
            f"every_months must be between 1 and 12 (a review at least yearly); got {every_months}"
        )
    today = today or date.today()
    latest = add_months(today, every_months)
    upcoming = sorted(d for d in goal.review_dates if today <= d <= latest)
    if upcoming:
        return upcoming[0]
    when = goal.deadline if goal.deadline and today <= goal.deadline < latest else latest
    goal.review_dates = sorted({*goal.review_dates, when})
    return when


def infer_horizon(
    goal: Goal, today: date | None = None, rule: HorizonRule | None = None
) -> Horizon | None:
    """The horizon the goal's deadline implies (``None`` without a deadline)."""
    if goal.deadline is None:
        return None
    return (rule or HorizonRule()).horizon(goal.deadline, goal.start or today or date.today())
