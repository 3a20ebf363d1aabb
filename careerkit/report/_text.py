"""Every sentence of the report, in one place (translate this file to translate the report)."""

from __future__ import annotations

from typing import Any

TEXT: dict[str, Any] = {
    "title": "Career workbook report — {pseudonym}",
    "heading": "My career workbook",
    "participant": "Participant",
    "workshop": "Workshop",
    "no_workshop": "self-paced",
    "date": "Report date",
    "last_change": "Workbook last changed",
    "contents": "Contents",
    # --- charts
    "charts_interactive_no_browser": (
        "The charts in this report are interactive: no web browser (Chromium) was available to "
        "draw them as pictures. They need JavaScript to show and may print less well; each chart "
        "is also described in words below it."
    ),
    "charts_interactive": (
        "The charts in this report are interactive (they need JavaScript to show). Each chart "
        "is also described in words below it."
    ),
    "charts_text_only": (
        "This preview shows the charts as text only; they are drawn in the downloaded report."
    ),
    "chart_words": "In words: ",
    # --- interests
    "interests": "1. My interests",
    "interests_not_done": (
        "The interests step is not done yet: no activities have been answered. Open step 1 "
        "(Interests) to answer them; this section fills in by itself."
    ),
    "interests_error": "The interest scores could not be worked out: {error}",
    "answered": "{answered} of {total} activities answered.",
    "scores": "My scores",
    "col_area": "Area",
    "col_meaning": "What it means",
    "col_score": "Score",
    "score_of": "{score} of {max:g}",
    "score_missing": "not enough answers yet",
    "code": "My Holland code: {code}",
    "code_intro": (
        "My three strongest interest areas, strongest first (areas with equal scores joined by "
        "“=”): {names}."
    ),
    "code_ties": (
        "Some scores are equal ({ties}), so the letters could also be ordered {others}. The order "
        "shown is only for display."
    ),
    "incomplete": (
        "Some areas do not have enough answers yet ({areas}). The Holland code and the "
        "occupations that fit appear here once every area has a score."
    ),
    "flat": (
        "All scored areas are equal, so the answers do not show a preference yet and no Holland "
        "code or occupation match can be given."
    ),
    "consistency": "Do my top two areas go together?",
    "differentiation": "How clear are my preferences?",
    "differentiation_text": (
        "My highest and lowest scores are {spread:g} points apart (out of {max:g}). {meaning}"
    ),
    "differentiation_high": "That is a clear pattern: some kinds of work attract me much more.",
    "differentiation_mid": "I have some clear likes, and several areas I like about equally.",
    "differentiation_low": (
        "My interests are quite even: many kinds of work could suit me, or I am still "
        "discovering what I enjoy."
    ),
    "matches": "Occupations that fit my interests",
    "col_occupation": "Occupation",
    "col_zone": "Job Zone",
    "col_fit": "Fit (r)",
    "col_band": "Fit band",
    "col_why": "Why",
    "chosen_occupation": "The occupation I chose to explore: {title}.",
    "explore": "Things to try: {suggestions}",
    "zone_unknown": "—",
    # --- skills
    "skills": "2. My skills gap",
    "skills_not_done": (
        "The skills step is not done yet: no target role, no job postings and no self-ratings. "
        "Open step 2 (Skills gap) to choose a role; this section fills in by itself."
    ),
    "target": "My target role: {title}",
    "target_code": "O*NET-SOC code {soc_code}.",
    "no_target": "No target role chosen yet.",
    "postings": "Job postings I read",
    "posting_illustrative": "(illustrative sample written by careerkit, not a real vacancy)",
    "no_postings": "No job postings added yet.",
    "requirements": "What the postings ask for",
    "col_skill": "Skill",
    "col_kind": "Kind",
    "col_postings": "Postings",
    "col_required": "Asked as required",
    "requirements_none": "No skills were found in the postings.",
    "gap": "My gap",
    "gap_onet": "Against O*NET's ratings for the role",
    "gap_postings": "Skills the postings ask for that I do not have yet",
    "col_you": "My rating (1–5)",
    "col_need": "Level needed (0–7)",
    "col_my_level": "My level (0–7)",
    "col_priority": "Priority",
    "col_share": "Share of postings",
    "gap_empty": "No gap to show yet: rate yourself or add postings in step 2.",
    "unrated": "{n} of the role's important skills are not rated yet.",
    "strengths": "My strengths",
    "strengths_text": "Where my own rating is above the level the role needs:",
    "strengths_none": "None yet (this needs self-ratings above the level the role needs).",
    "held": "Skills from the postings I already have: {skills}.",
    "gap_formula": (
        "How the gap is worked out: my rating 1–5 is put on O*NET's 0–7 level scale, the gap is "
        "the shortfall from the level the role needs (0–1), and priority weighs it by how "
        "important the skill is for the role. For posting skills, priority is the share of "
        "postings asking for it."
    ),
    # --- goals
    "goals": "3. My goals",
    "goals_not_done": (
        "The goals step is not done yet: no goals written. Open step 3 (Goals) to write them; "
        "this section fills in by itself."
    ),
    "goal": "Goal {n}",
    "goal_type": "Type",
    "goal_horizon": "Horizon",
    "goal_start": "Start",
    "goal_deadline": "Deadline",
    "goal_measure": "How I will know",
    "goal_status": "Status",
    "goal_progress": "{percent}% done",
    "goal_confidence": "Confidence",
    "goal_confidence_value": "{value} of 10",
    "goal_why": "Why it matters",
    "goal_resources": "Resources",
    "goal_supporters": "Who can help",
    "goal_obstacles": "Obstacles and my plans for them",
    "goal_steps": "Next steps",
    "goal_links": "Linked to",
    "goal_draft": "(a draft suggested by careerkit, not yet edited)",
    "smart": "SMART check: {verdict}",
    "smart_letters": {
        "S": "Specific",
        "M": "Measurable",
        "A": "Achievable",
        "R": "Relevant",
        "T": "Time-bound",
    },
    "smart_not_judged": "not judged (needs more details)",
    "smart_score": "{score} of 2",
    "milestones": "Milestones",
    "col_milestone": "Milestone",
    "col_due": "Due",
    "col_done": "Done",
    "not_done_yet": "not yet",
    "no_milestones": "No milestones yet.",
    "goal_comments": "Counselor's comments on this goal",
    "timeline": "My plan on a timeline",
    "interview": "My answer to “What are your career goals?”",
    "interview_none": "Not written yet.",
    "none": "—",
    # --- notes and comments
    "notes": "My notes",
    "notes_none": "No notes.",
    "comments": "Counselor comments",
    "comments_none": "No comments from a counselor yet.",
    "comment_by": "{author}, {time}",
    # --- footer
    "footer_version": "Made with careerkit {version} on {time}.",
    "footer_privacy": (
        "This report holds only what was typed into the workbook under a pseudonym. Share it "
        "only with people you choose."
    ),
    "no_norms": (
        "The interest results come from careerkit's own activity list, which has no norms: they "
        "are for exploring, not a test score. The fit bands (strong, good, some, little) are "
        "careerkit's own labels, not an O*NET standard."
    ),
}

#: Words for the status and horizon values of a goal.
STATUS_WORDS = {
    "not started": "not started",
    "in progress": "in progress",
    "done": "done",
    "paused": "paused",
    "dropped": "dropped",
}
HORIZON_WORDS = {"short": "short term", "mid": "mid term", "long": "long term"}

#: Messages of the exporting functions (errors and the list of skipped workbooks).
MESSAGES = {
    "need_chromium": (
        "Making a PDF (or drawing the charts as pictures) needs the Chromium web browser, and "
        "none was found. Install it (on Debian or Ubuntu: apt-get install chromium), or set "
        "CAREERKIT_CHROMIUM to the path of a Chromium or Chrome program. The HTML report works "
        "without it."
    ),
    "chromium_missing_path": (
        "CAREERKIT_CHROMIUM is set to {path}, but there is no program there. Set it to the "
        "path of a Chromium or Chrome program, or unset it to search the usual places."
    ),
    "need_playwright": (
        "Making a PDF needs the Python package 'playwright' (pip install 'careerkit[lab]')."
    ),
    "need_kaleido": "Drawing charts with kaleido needs the Python package 'kaleido'.",
    "browser_failed": "Chromium could not {what}: {error}",
    "bad_charts": "charts must be 'svg', 'interactive', 'auto' or 'text'; got {value!r}.",
    "bad_engine": "engine must be 'playwright' or 'kaleido'; got {value!r}.",
    "bad_suffix": (
        "The report file must end in .html or .pdf; got {name!r}. For example: river-42-report.pdf."
    ),
    "bad_format": "format must be 'html' or 'pdf'; got {value!r}.",
    "skipped": "{name}: skipped — {reason}",
    "not_a_workbook": "not a workbook or a workbook file ({kind})",
}
