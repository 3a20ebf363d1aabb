"""Shared pieces of the goal screens: every user-facing text (``TEXT``), layouts and helpers."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets

from careerkit.goals import Goal, check_smart
from careerkit.ui._screen import guard, say

#: Every user-facing text of the goal screens, in one place for translation.
TEXT: dict[str, Any] = {
    "pick_goal": "Goal",
    "new_goal_option": "– a new goal –",
    "new_goal": "Start a new goal",
    "delete_goal": "Delete this goal",
    "deleted": "Deleted the goal “{text}”.",
    "confirm_delete": "Delete “{text}” and its milestones? Press the button again to confirm.",
    "confirm_delete_button": "Yes, delete it",
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
    "start": "Start",
    "status": "Status",
    "statuses": {"not started": "Not started", "in progress": "In progress", "done": "Done",
                 "paused": "Paused", "dropped": "Dropped"},
    "comments_heading": "Your counselor's comments",
    "confidence": "Confidence (0–10)",
    "why": "Why it matters",
    "why_ph": "e.g. it fits my values: more time with my family",
    "supporters": "Who can help",
    "supporters_ph": "names or roles, separated by commas",
    "obstacles": "Obstacles",
    "obstacles_ph": "What could get in the way? One per line.",
    "strategies": "Plans for them",
    "strategies_ph": "Your plan for each obstacle, in the same order.",
    "resources": "What will help",
    "resources_ph": "courses, books, time set aside – separated by commas",
    "action_steps": "Next steps",
    "action_steps_ph": "Small things to do next, one per line.",
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
    "verdict_words": "Your sentence is <b>{verdict}</b> (specific, measurable, time-bound).",
    "verdict_plan": " With your plan (achievable, relevant) the goal as a whole is "
                    "<b>{verdict}</b>.",
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
    "confirm_redraft": "This replaces the answer you wrote. Press the button again to confirm.",
    "confirm_redraft_button": "Yes, replace my answer",
    "answer_drafted": "Drafted. Change the words until they sound like you; it is saved as you "
                      "type.",
    "error": "That did not work: {error}",
}

FULL = widgets.Layout(width="95%")
AUTO = widgets.Layout(width="auto")
STYLE = {"description_width": "170px"}


def show_message(area: widgets.HTML, text: str, *, error: bool = False) -> None:
    say(area, text, "error" if error else "ok")


def guarded(area: widgets.HTML, func: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``func``; ordinary mistakes become a plain message, never a traceback."""

    def run(*args: Any, **kwargs: Any) -> Any:
        return guard(
            lambda: func(*args, **kwargs),
            lambda text: show_message(area, TEXT["error"].format(error=text), error=True),
            "goals screen",
        )

    return run


def split(text: str, sep: str = ",") -> list[str]:
    return [p.strip() for p in text.replace(";", sep).split(sep) if p.strip()]


def goal_option(goal: Goal) -> str:
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
    if isinstance(goal, Goal):
        # The sentence on its own first: a well-written goal earns its praise before the plan
        # fields (confidence, resources, links) are filled in.
        words = check_smart(goal.text, today=today, **options)
        verdict = (TEXT["verdict_words"].format(verdict=html.escape(words.verdict))
                   + TEXT["verdict_plan"].format(verdict=html.escape(check.verdict)))
    else:
        verdict = TEXT["verdict"].format(verdict=html.escape(check.verdict))
    parts = [f"<p>{verdict}</p>", f"<table>{''.join(rows)}</table>"]
    if check.deadline:
        parts.append(f"<p>{TEXT['deadline_found'].format(deadline=check.deadline)}</p>")
    for flag in check.flags:
        parts.append(f"<p role='alert'>⚠ {html.escape(flag.message)}</p>")
    return "".join(parts)
