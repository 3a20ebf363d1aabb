"""The report's sections for the optional steps of issue 14: work values, and jobs like my
last one — shown only once the person has started the step (both are optional). Plain data
for the template (``templates/extra_sections.html.j2``); every sentence
in :data:`EXTRA_TEXT`. A step not done gives one plain line; a step that cannot be worked out
gives the reason in its section, never stopping the report.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from careerkit import charts, interests, occupations, values
from careerkit._frames import table_rows
from careerkit.errors import CareerkitError

__all__ = ["EXTRA_TEXT", "past_job_section", "values_section"]

TOP_VALUE_MATCHES = 10
TOP_RELATED = 10
TOP_SKILLS = 10

EXTRA_TEXT: dict[str, Any] = {
    "values_heading": "What matters to me at work",
    "values_not_done": (
        "The work-values step (optional) was not done: no values rated or ranked yet."
    ),
    "values_error": "The work values could not be worked out: {error}",
    "method": {"rate": "I rated how much each value matters (1–5).",
               "rank": "I put the six values in order."},
    "col_value": "Value",
    "col_meaning": "What it means",
    "col_mine": "For me",
    "rank_place": "{place} of 6",
    "top": "What matters most to me: {names}.",
    "combined": "Occupations that fit my interests and my values",
    "value_only": "Occupations that fit my values",
    "col_occupation": "Occupation",
    "col_zone": "Job Zone",
    "col_interest_fit": "Interest fit",
    "col_value_fit": "Value fit",
    "col_combined": "Combined",
    "col_offers": "Offers",
    "zone_unknown": "—",
    "no_interests": (
        "My interest profile is not complete, so the list below uses values only."
    ),
    "past_job_heading": "Jobs like my last one",
    "past_not_done": "The step \"jobs like my last one\" (optional) was not done.",
    "past_error": "The related occupations could not be worked out: {error}",
    "past": "My last (or current) job: {title} ({soc_code})",
    "related": "Occupations O*NET lists as related to it",
    "col_closeness": "How close",
    "col_skills_known": "Skills can be compared",
    "yes": "yes",
    "no": "no",
    "move": "Moving to {title}: what carries over and what is new",
    "move_counts": (
        "Of the {total} skills and knowledge areas that matter in {title}: {shared} I have "
        "used already, {more} I have used but would need more of, {new} would be new."
    ),
    "col_skill": "Skill or knowledge",
    "col_status": "For me",
    "col_need": "Level needed (0–7)",
    "col_had": "Level in my last job (0–7)",
}


def _fmt(value: float) -> str:
    return "—" if value != value else f"{value:.1f}"


def values_section(wb: Any, found: list[Any]) -> dict[str, Any]:
    """What the report shows for the work-values step (``found`` collects its chart)."""
    from careerkit.report._content import _chart

    section = getattr(wb, "values", None)
    if section is None or not (section.ratings or section.ranking):
        return {"shown": False, "done": False, "message": EXTRA_TEXT["values_not_done"]}
    try:
        profile = values.value_profile(section)
    except CareerkitError as exc:
        return {
            "shown": True, "done": False,
            "message": EXTRA_TEXT["values_error"].format(error=exc),
        }
    places = {k: n for n, k in enumerate(profile.ranked, start=1)}
    out: dict[str, Any] = {
        "shown": True,
        "done": True,
        "method": EXTRA_TEXT["method"][profile.method],
        "rows": [
            {
                "name": values.VALUE_NAMES[k],
                "meaning": values.VALUE_MEANING[k],
                "mine": (
                    f"{int(profile.scores[k])} — {values.RATING_LABELS[int(profile.scores[k])]}"
                    if profile.method == "rate"
                    else EXTRA_TEXT["rank_place"].format(place=places[k])
                ),
            }
            for k in profile.ranked
        ],
        "top": EXTRA_TEXT["top"].format(
            names=", ".join(values.VALUE_NAMES[k] for k in profile.top)
        ),
        "matches": [],
        "notes": [],
    }
    _chart(found, "values", charts.values_chart(profile))
    if profile.flat:
        try:
            values.value_fit(profile)
        except CareerkitError as exc:
            out["notes"].append(str(exc))
        return out
    try:
        inventory = interests.inventory_of(wb.interests)
        interest_profile = interests.score(wb.interests.responses, inventory)
        usable = interest_profile.complete and not interest_profile.flat
    except CareerkitError:
        usable = False
    try:
        if usable:
            frame = values.match_with_values(
                interest_profile, profile, values_weight=section.values_weight,
                job_zones=wb.interests.job_zones or None, top=TOP_VALUE_MATCHES,
            )
            out["heading"] = EXTRA_TEXT["combined"]
        else:
            frame = values.value_fit(profile).head(TOP_VALUE_MATCHES)
            out["heading"] = EXTRA_TEXT["value_only"]
            out["notes"].append(EXTRA_TEXT["no_interests"])
    except CareerkitError as exc:
        out["notes"].append(str(exc))
        return out
    out["combined"] = usable
    out["notes"] += list(frame.attrs.get("notes", []))
    out["matches"] = [
        {
            "title": r.title,
            "soc_code": r.soc_code,
            "job_zone": EXTRA_TEXT["zone_unknown"] if pd.isna(r.job_zone)
            else str(int(r.job_zone)),
            "interest_fit": f"{r.interest_fit:.2f}" if usable else "",
            "value_fit": f"{r.value_fit:.2f}",
            "combined": f"{r.combined:.2f}" if usable else "",
            "offers": r.value_why,
        }
        for r in table_rows(frame)
    ]
    return out


def past_job_section(wb: Any) -> dict[str, Any]:
    """What the report shows for "jobs like my last one"."""
    section = getattr(wb, "past_job", None)
    if section is None or not section.soc_code:
        return {"shown": False, "done": False, "message": EXTRA_TEXT["past_not_done"]}
    try:
        related = occupations.related_occupations(section.soc_code)
    except CareerkitError as exc:
        return {
            "shown": True, "done": False,
            "message": EXTRA_TEXT["past_error"].format(error=exc),
        }
    out: dict[str, Any] = {
        "shown": True,
        "done": True,
        "past": EXTRA_TEXT["past"].format(
            title=related.attrs["from_title"], soc_code=related.attrs["from_soc_code"]
        ),
        "source": related.attrs["source"],
        "message": related.attrs["message"],
        "related": [
            {
                "title": r.title,
                "soc_code": r.soc_code,
                "closeness": r.closeness,
                "job_zone": EXTRA_TEXT["zone_unknown"] if pd.isna(r.job_zone)
                else str(int(r.job_zone)),
                "rated": EXTRA_TEXT["yes"] if r.rated else EXTRA_TEXT["no"],
            }
            for r in table_rows(related.head(TOP_RELATED))
        ],
        "skills": [],
    }
    target = section.related_soc_code or getattr(wb.skills, "target_soc_code", None)
    if not target or target == section.soc_code:
        return out
    try:
        overlap = occupations.skill_overlap(section.soc_code, target)
    except CareerkitError as exc:
        out["skills_note"] = str(exc)
        return out
    counts = overlap.attrs["counts"]
    title = overlap.attrs["new_title"]
    out["move"] = EXTRA_TEXT["move"].format(title=title)
    out["move_counts"] = EXTRA_TEXT["move_counts"].format(
        total=len(overlap), title=title, **counts
    )
    shown = overlap[overlap["status"] != "shared"].head(TOP_SKILLS)
    out["skills"] = [
        {
            "name": r.element_name,
            "status": r.status_words,
            "need": _fmt(float(r.level)),
            "had": _fmt(float(r.past_level)),
        }
        for r in table_rows(shown)
    ]
    return out
