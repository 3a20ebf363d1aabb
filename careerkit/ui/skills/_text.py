"""Every user-facing text of the skills screens, in one place for translation."""

from __future__ import annotations

TEXT = {
    "target_heading": "1. Your target role",
    "matches": "Your matches",
    "matches_none": "(no matches yet — finish the interests step, or search below)",
    "use_match": "Use this match",
    "search": "Search roles",
    "search_placeholder": "part of a job title or a keyword, e.g. nurse or Python",
    "search_button": "Search",
    "results": "Roles found",
    "use_result": "Choose this role",
    "no_results": "No role matched “{query}”. Try a shorter word or another spelling.",
    "current_none": "No target role chosen yet.",
    "current": "Your target role: <b>{title}</b> ({soc_code}).",
    "current_rated": (
        " O*NET lists {n} skills and knowledge areas for it; you will rate {k} of them."
    ),
    "current_unrated": (
        " O*NET has no skill ratings for this role, so your gap will come from job postings "
        "alone. Related roles that do have ratings: {alternatives}."
    ),
    "role_option": "{title} ({soc_code})",
    "match_option": "{title} ({soc_code}) – {band} fit",
    "postings_heading": "2. Job postings for this role",
    "paste": "Paste a posting",
    "paste_placeholder": "Paste the whole text of one job posting here (title on the first line).",
    "add_pasted": "Add this posting",
    "upload": "Upload postings file",
    "use_samples": "Add the sample postings",
    "samples_note": (
        "Sample postings are illustrative: written by the careerkit authors for practice, not "
        "real vacancies."
    ),
    "sample_role": "Samples for",
    "your_postings": "Your postings",
    "remove": "Remove selected posting",
    "no_postings": "No postings yet: paste one, upload a file, or add the sample postings.",
    "added": "Added {n} posting(s) from {source}.",
    "too_many": (
        " The workbook keeps at most {limit} postings, so only the first {kept} were added."
    ),
    "skipped_rows": " Rows without a description were left out: {rows}.",
    "removed": "Removed “{title}”.",
    "sample_label": "{title} (illustrative sample)",
    "posting_label": "{title} – {source}",
    "untitled": "(untitled)",
    "held_label": "{label} ({postings} of {n_postings})",
    "evidence_tip": "{label} ({strength})",
    "requirements_heading": "3. What the postings ask for",
    "held_intro": "Tick the skills you already have:",
    "no_requirements": "No skills found yet. Add postings above.",
    "evidence_heading": "Where each skill was found",
    "evidence_choice": "Show posting",
    "evidence_legend": (
        "Highlighted words are the skills found; bold ones are asked for as required. Hover "
        "over a highlight to see the skill."
    ),
    "rater_heading": "4. Rate yourself",
    "rate_option": "{n} {tip}",
    "rater_intro": (
        "For each skill or knowledge area the role needs most, choose how well you can do it "
        "today. Be honest: this is for you, not a test."
    ),
    "rater_none": "Choose a target role first.",
    "rater_unrated": (
        "O*NET has no skill ratings for this role, so there is nothing to rate here. Your gap "
        "comes from the postings: tick the skills you have in step 3."
    ),
    "scale_heading": "What the numbers mean",
    # O*NET names a skill and a knowledge area "Mathematics": such names carry their kind
    "gap_heading": "5. Your skills gap",
    "gap_refresh": "Show my gap",
    "make_goals": "Make these draft goals",
    "goals_made": (
        "{n} draft goal(s) added to your goals step: {skills}. You can change them there."
    ),
    "goals_none": "There is no gap to turn into goals yet.",
    "goals_exist": "Draft goals for these skills are already in your goals step.",
    "col_skill": "Skill or knowledge",
    "col_you": "You (level of 7)",
    "col_need": "Needed (level of 7)",
    "col_anchor": "What the needed level looks like (O*NET example)",
    "suppressed_mark": " *",
    "one_scale": (
        "Both sides are on O*NET's level scale, 0 to 7: your rating 1–5 is placed on it "
        "(1 = level 0, 2 = 1.75, 3 = 3.5, 4 = 5.25, 5 = 7)."
    ),
    "col_priority": "Priority",
    "col_share": "Asked for in",
    "onet_table": "Compared with O*NET",
    "postings_table": "Asked for in the postings, and you do not have yet",
    "strengths_table": "Your strengths (above what the role needs)",
    "unrated_note": "{n} item(s) not rated yet; rate them in step 4 for a full picture.",
}
