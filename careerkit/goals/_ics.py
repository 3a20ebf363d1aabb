"""Calendar export: goals, milestones and reviews as an iCalendar file (RFC 5545).

Every milestone (done ones too, marked done), every deadline and every review date becomes an
all-day event; a yearly review is always added as a recurring event (``RRULE:FREQ=YEARLY``).
UIDs derive from the goal and milestone ids, so importing the file again updates the events
instead of duplicating them. Built with the ``icalendar`` library, which writes CRLF line ends
and folds lines longer than 75 octets as RFC 5545 §3.1 requires.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import icalendar

from careerkit.errors import InputError
from careerkit.goals._deadlines import add_months
from careerkit.goals._model import Goal

__all__ = ["PRODID", "TEXT", "to_ics"]

PRODID = "-//careerkit//goals//EN"
_DOMAIN = "careerkit"

TEXT = {
    "calendar_name": "My career goals",
    "deadline": "Goal deadline: {goal}",
    "milestone": "Milestone: {title}",
    "milestone_done": "✓ Done: {title}",
    "review": "Review goal: {goal}",
    "yearly_review": "Yearly review of my career goals",
    "yearly_review_body": "Once a year: look at each goal, celebrate what you reached, and revise "
    "or replace the rest.",
    "desc_goal": "Goal: {goal}",
    "desc_measure": "Measure: {measure}",
    "desc_done": "Done on {done_on}.",
    "desc_due": "Planned for {due}.",
}


def _all_day(
    summary: str,
    day: date,
    uid: str,
    stamp: datetime,
    description: str = "",
    categories: list[str] | None = None,
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    # All-day events: DTEND is the next day, exclusive (RFC 5545 §3.6.1).
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    if categories:
        event.add("categories", categories)
    return event


def _uid(*parts: str) -> str:
    return "-".join(parts) + f"@{_DOMAIN}"


def to_ics(
    goals: Iterable[Goal],
    *,
    today: date | None = None,
    owner: str = "",
    stamp: datetime | None = None,
) -> str:
    """The goals as an iCalendar (RFC 5545) text, ready to save as ``my-goals.ics``.

    Parameters
    ----------
    goals : the goals to export.
    today : when the yearly review starts if no review date is planned (default: today).
    owner : a pseudonym mixed into the yearly review's UID, so two people's calendars never
        share it; the other UIDs are already unique (goal and milestone ids).
    stamp : the DTSTAMP of every event (default: now, UTC).

    Returns
    -------
    str with CRLF line ends.
    """
    goals = list(goals)
    for n, goal in enumerate(goals, start=1):
        if not isinstance(goal, Goal):
            raise InputError(f"to_ics: item {n} is a {type(goal).__name__}, expected a Goal")
    today = today or date.today()
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", TEXT["calendar_name"])

    for goal in goals:
        about = [TEXT["desc_goal"].format(goal=goal.text)]
        if not goal.measure.is_empty():
            measure = " – ".join(x for x in (goal.measure.what, goal.measure.target) if x)
            about.append(TEXT["desc_measure"].format(measure=measure))
        category = [goal.category.value] if goal.category else None
        if goal.deadline:
            cal.add_component(
                _all_day(
                    TEXT["deadline"].format(goal=goal.text),
                    goal.deadline,
                    _uid("goal", goal.id, "deadline"),
                    stamp,
                    "\n".join(about),
                    category,
                )
            )
        for m in goal.milestones:
            when = m.done_on or m.due
            if when is None:
                continue
            if m.done_on:
                summary = TEXT["milestone_done"].format(title=m.title)
                status = TEXT["desc_done"].format(done_on=m.done_on)
            else:
                summary = TEXT["milestone"].format(title=m.title)
                status = TEXT["desc_due"].format(due=m.due)
            event = _all_day(
                summary,
                when,
                _uid("milestone", m.id),
                stamp,
                "\n".join([status, *about]),
                [*(category or []), "done" if m.done_on else "milestone"],
            )
            if m.done_on:
                # A done milestone is a confirmed, finished item (RFC 5545 STATUS for VEVENT).
                event.add("status", "CONFIRMED")
            cal.add_component(event)
        for review in sorted(set(goal.review_dates)):
            cal.add_component(
                _all_day(
                    TEXT["review"].format(goal=goal.text),
                    review,
                    _uid("goal", goal.id, "review", review.isoformat()),
                    stamp,
                    "\n".join(about),
                    ["review"],
                )
            )

    upcoming = sorted(d for g in goals for d in g.review_dates if d >= today)
    first_review = upcoming[0] if upcoming else add_months(today, 12)
    yearly = _all_day(
        TEXT["yearly_review"],
        first_review,
        _uid("yearly-review", *([owner] if owner else [])),
        stamp,
        TEXT["yearly_review_body"],
        ["review"],
    )
    yearly.add("rrule", {"freq": "yearly"})
    cal.add_component(yearly)
    return cal.to_ical().decode("utf-8")
