"""Draft goals: from the skills step's top gaps, from our example library, and an interview answer.

Drafts are starting points the person edits: each is a :class:`~careerkit.goals.Goal` with
``draft=True``. The example library (``data/goals/examples.csv``) is written by us, by goal type
and audience (students, early career, employees, career changers, health-care students).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit.datasets import data_dir
from careerkit.errors import DataError, InputError
from careerkit.goals._deadlines import add_months, parse_deadline
from careerkit.goals._model import (
    Category,
    Goal,
    Horizon,
    HorizonRule,
    Links,
    Measure,
    Milestone,
)
from careerkit.goals._progress import ensure_review

__all__ = [
    "AUDIENCES",
    "TEXT",
    "draft_interview_answer",
    "example_goals",
    "goal_from_example",
    "goals_from_gaps",
]

AUDIENCES = ("student", "early career", "employee", "career changer", "health-care student")

TEXT = {
    "gap_goal": "Complete one course or project that uses {skill} within {months} months",
    "gap_measure": "A finished course or project that uses {skill}, shown to someone who can "
    "judge it",
    "gap_target": "1 course or project",
    "ms_choose": "Choose a course or project for {skill}",
    "ms_halfway": "Halfway check: {skill} practised and progress noted",
    "ms_show": "Show the finished work that uses {skill}",
    # Interview answer: our own wording, specific but flexible.
    "answer_short": "In the short term, my goal is to {short}.",
    "answer_skills": " I am building my skills in {skills}, so that I can contribute {where} "
    "from early on.",
    "answer_no_skills": " I am building the skills this needs, so that I can contribute {where} "
    "from early on.",
    "answer_where_role": "as a {title}",
    "answer_where_none": "to the team",
    "answer_long": " Looking further ahead, I would like to {long}.",
    "answer_flex": " I am open about the exact path, but I know this is the direction I want to "
    "grow in, and a role like this one is a real step towards it.",
    "answer_empty": "My goal is to grow in a role where I can use and build my skills, and to "
    "contribute to the team from early on.",
}

_DATA_COLUMNS = ("example_id", "category", "audience", "text", "measure", "horizon")


def example_goals(
    category: str | None = None, audience: str | None = None, path: str | Path | None = None
) -> pd.DataFrame:
    """The example goal library, optionally filtered by goal type and audience.

    Columns: example_id, category, audience, text, measure, horizon. The examples are ours
    (written for careerkit), meant as models to adapt, not to copy.
    """
    path = Path(path) if path else data_dir() / "goals" / "examples.csv"
    if not path.is_file():
        raise DataError(
            f"{path}: the example goal library is missing (expected a CSV with "
            f"columns {', '.join(_DATA_COLUMNS)})"
        )
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or any(c not in rows[0] for c in _DATA_COLUMNS):
        found = ", ".join(rows[0]) if rows else "no rows"
        raise DataError(f"{path}: expected columns {', '.join(_DATA_COLUMNS)}; found {found}")
    for n, row in enumerate(rows, start=2):
        if row["category"] not in {c.value for c in Category}:
            raise DataError(
                f"{path}, row {n}, field 'category': found {row['category']!r}; "
                f"expected one of {', '.join(c.value for c in Category)}"
            )
        if row["audience"] not in AUDIENCES:
            raise DataError(
                f"{path}, row {n}, field 'audience': found {row['audience']!r}; "
                f"expected one of {', '.join(AUDIENCES)}"
            )
        if row["horizon"] not in {h.value for h in Horizon}:
            raise DataError(
                f"{path}, row {n}, field 'horizon': found {row['horizon']!r}; "
                f"expected short, mid or long"
            )
        if not row["text"].strip():
            raise DataError(f"{path}, row {n}, field 'text' is empty")
    frame = pd.DataFrame(rows, columns=list(_DATA_COLUMNS))
    for name, value, allowed in (
        ("category", category, [c.value for c in Category]),
        ("audience", audience, list(AUDIENCES)),
    ):
        if value is None:
            continue
        if value not in allowed:
            raise InputError(f"{name} {value!r} is not known; choose one of {', '.join(allowed)}")
        frame = frame[frame[name] == value]
    return frame.reset_index(drop=True)


def goal_from_example(example: Mapping[str, Any], today: date | None = None) -> Goal:
    """A draft goal from one example row (its deadline read from its text when it names one)."""
    today = today or date.today()
    text = str(example["text"])
    goal = Goal(
        text=text,
        category=example.get("category") or None,
        horizon=example.get("horizon") or None,
        start=today,
        deadline=parse_deadline(text, today),
        measure=Measure(what=str(example.get("measure") or "")),
        draft=True,
    )
    ensure_review(goal, today)
    return goal


def _gap_rows(gaps: Any) -> list[dict[str, Any]]:
    """Normalise the accepted inputs to dicts with at least ``skill`` and ``priority``."""
    if hasattr(gaps, "onet") and hasattr(gaps, "postings"):  # a GapTable
        rows = []
        for frame, name_col in ((gaps.onet, "element_name"), (gaps.postings, "label")):
            if frame is not None and len(frame) and name_col in frame:
                rows += [
                    {
                        "skill": r[name_col],
                        "priority": r.get("priority", 0.0),
                        "skill_id": r.get("element_id", r.get("skill_id", "")),
                    }
                    for r in frame.to_dict("records")
                ]
        return rows
    if isinstance(gaps, pd.DataFrame):
        gaps = gaps.to_dict("records")
    rows = []
    for n, item in enumerate(gaps, start=1):
        if isinstance(item, Mapping):
            skill = next(
                (
                    item[k]
                    for k in ("skill", "linked_skill", "label", "element_name", "skill_label")
                    if item.get(k)
                ),
                None,
            )
            if skill is None:
                raise InputError(
                    f"gap {n}: no skill name (expected a 'skill' or 'label' "
                    f"field); found fields {', '.join(map(str, item)) or 'none'}"
                )
            rows.append({**item, "skill": str(skill), "priority": item.get("priority", 1.0)})
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            rows.append({"skill": str(item[0]), "priority": item[1]})
        else:
            raise InputError(
                f"gap {n}: expected a draft-goal dict or a (skill, priority) pair; found {item!r}"
            )
    for n, row in enumerate(rows, start=1):
        try:
            row["priority"] = float(row["priority"])
        except (TypeError, ValueError):
            raise InputError(
                f"gap {n} ({row['skill']}): priority must be a number; found {row['priority']!r}"
            ) from None
        if not str(row["skill"]).strip():
            raise InputError(f"gap {n}: the skill name is empty")
    return rows


def goals_from_gaps(
    gaps: Iterable[Any] | Any,
    today: date | None = None,
    *,
    top: int = 3,
    months: int = 6,
    horizons: HorizonRule | None = None,
    target_title: str = "",
    target_soc_code: str = "",
) -> list[Goal]:
    """Editable draft skill goals from the skills step's top gaps.

    Parameters
    ----------
    gaps : what the skills step gives: ``careerkit.skills.draft_goals(...)`` dicts (text,
        category, measure, skill, priority …), a ``GapTable``, a frame with ``label`` (or
        ``element_name``) and ``priority``, or plain ``(skill label, priority)`` pairs.
    today : start date of the drafts.
    top : how many drafts (highest priority first; zero-priority gaps are not goals).
    months : default time to the deadline; always kept inside the short-term horizon.

    Returns
    -------
    list of Goal, each with a suggested measure, a deadline, three milestones, a review date and
    a link to its gap skill (``links.gap_skills``), marked ``draft=True``.
    """
    today = today or date.today()
    horizons = horizons or HorizonRule()
    if months < 1:
        raise InputError(f"months must be at least 1; got {months}")
    rows = [r for r in _gap_rows(gaps) if r["priority"] > 0]
    rows.sort(key=lambda r: -r["priority"])
    short_limit = add_months(today, int(horizons.short_years * 12))
    goals: list[Goal] = []
    seen: set[str] = set()
    for row in rows:
        skill = str(row["skill"]).strip()
        if skill.lower() in seen:
            continue
        seen.add(skill.lower())
        text = str(row.get("text") or TEXT["gap_goal"].format(skill=skill, months=months))
        deadline = parse_deadline(text, today) or add_months(today, months)
        if deadline > short_limit or deadline <= today:
            deadline = min(add_months(today, months), short_limit)
        half = today + (deadline - today) / 2
        goal = Goal(
            text=text,
            category=row.get("category") or Category.SKILL,
            horizon=Horizon.SHORT,
            start=today,
            deadline=deadline,
            measure=Measure(
                what=str(row.get("measure") or TEXT["gap_measure"].format(skill=skill)),
                target=TEXT["gap_target"],
            ),
            milestones=[
                Milestone(
                    title=TEXT["ms_choose"].format(skill=skill), due=min(add_months(today, 1), half)
                ),
                Milestone(title=TEXT["ms_halfway"].format(skill=skill), due=half),
                Milestone(title=TEXT["ms_show"].format(skill=skill), due=deadline),
            ],
            links=Links(
                gap_skills=[skill], target_title=target_title, target_soc_code=target_soc_code
            ),
            draft=True,
        )
        ensure_review(goal, today)
        goals.append(goal)
        if len(goals) >= top:
            break
    return goals


_LEAD_IN = re.compile(
    r"^\s*(?:my\s+(?:short[\s-]term\s+|long[\s-]term\s+)?goal\s+is\s+(?:to\s+)?|i\s+(?:will|want"
    r"\s+to|plan\s+to|would\s+like\s+to|'d\s+like\s+to|am\s+going\s+to|aim\s+to)\s+|to\s+)",
    re.IGNORECASE,
)


def _clause(goal: Goal | str | None) -> str:
    """A goal as a clause that reads after "my goal is to …"."""
    text = goal.text if isinstance(goal, Goal) else (goal or "")
    text = _LEAD_IN.sub("", " ".join(text.split())).rstrip(" .!")
    if not text:
        return ""
    # Lower-case the first word unless it is an acronym or a name ("CompTIA", "NCLEX").
    first = text.split()[0]
    if not (first.isupper() or any(c.isupper() for c in first[1:])):
        text = text[0].lower() + text[1:]
    return text


def draft_interview_answer(
    target_title: str = "",
    short_goal: Goal | str | None = None,
    long_goal: Goal | str | None = None,
    skills: Iterable[str] = (),
) -> str:
    """A first draft of an answer to "What are your career goals?" for the person to edit.

    Built the way career advisers recommend answering: one concrete short-term goal, the skills
    being built and what the person will contribute in the role, and a long-term aspiration,
    stated flexibly. The wording is ours.
    """
    short, long = _clause(short_goal), _clause(long_goal)
    skills = [s.strip() for s in skills if s and s.strip()]
    title = " ".join(target_title.split())
    if not (short or long or skills or title):
        return TEXT["answer_empty"]
    where = TEXT["answer_where_role"].format(title=title) if title else TEXT["answer_where_none"]
    parts = []
    if short:
        parts.append(TEXT["answer_short"].format(short=short))
    if skills:
        listed = skills[0] if len(skills) == 1 else ", ".join(skills[:-1]) + " and " + skills[-1]
        parts.append(TEXT["answer_skills"].format(skills=listed, where=where))
    else:
        parts.append(TEXT["answer_no_skills"].format(where=where))
    if long:
        parts.append(TEXT["answer_long"].format(long=long))
    parts.append(TEXT["answer_flex"])
    return "".join(parts).strip()
