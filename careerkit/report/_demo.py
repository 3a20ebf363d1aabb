"""A filled-in example workbook, made through the public API, for tests, the benchmark and demos.

The answers are invented and deterministic: a person who likes investigative and conventional
activities most, targets Web Developers (an occupation with both O*NET ratings and bundled
sample postings), rates a few skills, and writes two goals with milestones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from careerkit import goals, interests, skills
from careerkit._frames import table_rows

#: Answer (1–5) per interest area: a clear I-C-R profile.
_AREA_ANSWER = {"R": 3, "I": 5, "A": 2, "S": 2, "E": 1, "C": 4}
DEMO_SOC = "15-1254.00"


def fill_demo(wb: Any, *, text: str = "", today: date = date(2026, 11, 1)) -> Any:
    """Fill ``wb`` with example answers in all three steps and save it.

    ``text`` is added to every free-text field (notes, goal text, posting title, comments) —
    tests pass hostile markup here to check that the report escapes it.
    """
    from careerkit.workbook import CounselorComment

    inventory = interests.load_inventory()
    for number, row in enumerate(table_rows(inventory.items)):
        answer = _AREA_ANSWER[row.scale]
        # A little spread inside each area, so scores are not exact multiples.
        wb.interests.responses[str(row.item_id)] = max(1, answer - (number % 7 == 0))
    profile = interests.score(wb.interests.responses)
    matches = interests.match_occupations(profile, top=5)
    wb.interests.selected_soc_code = str(matches.iloc[0]["soc_code"])
    wb.interests.selected_title = str(matches.iloc[0]["title"])

    wb.skills.target_soc_code = DEMO_SOC
    wb.skills.target_title = "Web Developers"
    wb.skills.target_source = "search"
    samples = skills.sample_postings(DEMO_SOC)
    # Whole lists are replaced, so filling the same workbook twice gives the same answers.
    wb.skills.postings = []
    for n, row in enumerate(table_rows(samples)):
        wb.skills.postings.append(
            skills.Posting(
                id=f"sample-{n}",
                title=f"{row.title} {text}".strip(),
                description=row.description,
                company=getattr(row, "company", "") or "",
                source="sample",
                illustrative=True,
            )
        )
    need = skills.items_to_rate(skills.occupation_requirements(DEMO_SOC))
    for n, element_id in enumerate(need["element_id"]):
        wb.skills.ratings[element_id] = [2, 3, 5, 1, 4][n % 5]

    first = goals.Goal(
        text=f"Complete a JavaScript course and build two small web apps by June 2027 {text}",
        category="skill",
        start=date(2026, 11, 1),
        deadline=date(2027, 6, 30),
        confidence=8,
        resources=["evening course at the library"],
        obstacles=[
            goals.Obstacle(obstacle="little time on weekdays", strategy="two fixed evenings a week")
        ],
        links=goals.Links(
            gap_skills=["Programming"], target_title="Web Developers", interest_code=profile.code
        ),
        milestones=[
            goals.Milestone(
                title=f"Finish the course {text}",
                due=date(2027, 2, 28),
                done_on=date(2027, 2, 20) if today > date(2027, 2, 20) else None,
            ),
            goals.Milestone(title="Publish the first app", due=date(2027, 4, 30)),
        ],
        counselor_comments=[goals.Comment(text=f"Good first step. {text}", author="counselor")],
    )
    second = goals.Goal(text="Get a job as a web developer someday", category="experience")
    wb.goals.goals = [first, second]
    wb.goals.interview_answer = f"In the short term I want to build web apps. {text}".strip()
    wb.notes = f"Ask about evening courses.\nSecond line. {text}".strip()
    wb.counselor_comments = [
        CounselorComment(author="counselor", text=f"Well done so far. {text}".strip())
    ]
    wb.save()
    return wb


def demo_workbook(folder: str | Path, pseudonym: str = "river-42", **kwargs: Any) -> Any:
    """A new workbook ``<folder>/<pseudonym>.json`` filled by :func:`fill_demo`."""
    from careerkit.workbook import Workbook

    wb = Workbook.create(pseudonym, folder, workshop="Spring workshop 2026", exist_ok=True)
    return fill_demo(wb, **kwargs)
