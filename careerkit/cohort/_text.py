"""Every sentence the cohort view shows a counselor, in one place (for translation)."""

from __future__ import annotations

TEXT = {
    # loading
    "no_folder": (
        "The folder {folder} does not exist. Choose the folder where participants' workbooks "
        "were submitted."
    ),
    "not_a_folder": "{folder} is a file, not a folder. Choose the folder that holds the workbooks.",
    "unreadable_folder": "The folder {folder} cannot be read: {reason}.",
    "too_big": "it is {size:.1f} MB; a workbook is at most {limit:.0f} MB",
    "unreadable_file": "it cannot be read ({reason})",
    # consent
    "withdrawn": "consent withdrawn",
    "not_agreed": "no consent given",
    "guardian": "under 16 and a guardian's consent has not been noted yet",
    "no_share": "consent does not include sharing with a counselor or group statistics",
    # per-participant notes
    "other_inventory": "answers to another inventory ({inventory}) are not scored here",
    "bad_answers": "interest answers could not be scored: {reason}",
    "bad_target": "target role could not be compared: {reason}",
    "bad_goal": "a goal could not be checked: {reason}",
    # steps
    "not_started": "not started",
    "started": "started",
    "done": "done",
    "step_interests": "interests",
    "step_skills": "skills gap",
    "step_goals": "goals",
    "no_type": "no type yet",
    # summary
    "consent_line": (
        "Statistics include {n_stats} of {n_valid} workbooks: only those whose consent includes "
        "group statistics ('cohort_statistics'). {n_withdrawn} withdrew consent and "
        "{n_no_stats} did not agree to group statistics; they are not counted."
    ),
    "skipped_line": (
        "{n} file(s) could not be read and were skipped (see the list of skipped files)."
    ),
    "suppressed_line": (
        "Groups of fewer than {k} people are shown as '<{k}', so that no small group can be "
        "singled out; where one hidden count could be worked out from the total, the next "
        "smallest count is hidden too. Zero counts are shown."
    ),
    "open_groups_line": (
        "Target roles and gap skills chosen by fewer than {k} people are not named; they are "
        "counted together as '{other}'."
    ),
    "goals_line": (
        "Goal tables count goals, not people: a group of goals written by fewer than {k} people "
        "is hidden too, however many goals it holds."
    ),
    "too_small": (
        "Only {n} workbook(s) allow group statistics, fewer than {k}: no statistics are shown "
        "until at least {k} participants have agreed."
    ),
    "other": "other (each fewer than {k})",
    "hidden": "<{k}",
    "mean_sd": "mean {mean:.1f} (SD {sd:.1f})",
    "mean_only": "mean {mean:.1f}",
    "gap_line": (
        "Gap skills: each participant's three highest-priority O*NET gaps for their target role "
        "(priority = gap × importance / 5)."
    ),
    "ties_line": (
        "Holland codes: a profile with tied scores is listed with every code its ties allow "
        "(\"RIS or RSI\"); people whose highest scores tie for the first letter are counted "
        "under \"tied\", not under one of the tied letters."
    ),
    "first_tied": "tied (two or more areas share the highest score)",
    # reliability
    "alpha_too_few": "needs at least {min_n} complete answer sets (has {n})",
    "alpha_no_variance": "no variation in the total score: alpha is undefined",
    "alpha_one_item": "needs at least two items",
    "alpha_source": (
        "Cronbach's alpha (Cronbach 1951) of each area's items, from participants who answered "
        "all of that area's items of the bundled inventory and agreed to group statistics."
    ),
    # export
    "bad_export": (
        "{path}: the export must end in .xlsx (one workbook with every table), .zip (one CSV "
        "file per table) or .csv (the participant table only)."
    ),
    "export_failed": "Could not write {path}: {reason}.",
    "about_pseudonymised": (
        "Participants are shown by random codes made for this export; the key (code → "
        "pseudonym) is in a separate file, {key}. Keep it apart from the export."
    ),
    "about_plain": "Participants are shown by their pseudonyms.",
    "about_free_text": (
        "Free text (notes, goal texts, postings, comments) is included and is NOT pseudonymised: "
        "it may name people."
    ),
    "about_no_free_text": "Free text (notes, goal texts, postings, comments) is not included.",
    "about_guard": (
        "Text cells that begin with =, +, -, @, a tab or a line break start with an apostrophe "
        "(') so that a spreadsheet shows them instead of running them as formulas."
    ),
    # readable tables (dashboard and export)
    "yes": "yes",
    "no": "no",
    "all_hidden": "no group shown: fewer than {k} people in all",
    "col_step": "Step",
    "col_people": "People",
    "col_goals": "Goals",
    "col_share": "Share",
    "col_area": "Interest area",
    "col_mean": "Mean score (0–40)",
    "col_sd": "SD",
    "col_items": "Items",
    "col_answer_sets": "Complete answer sets",
    "col_alpha": "Cronbach's alpha",
    "col_note": "Note",
    "col_group_steps": "Status",
    "col_group_holland_first_letter": "First letter",
    "col_group_holland_code": "Holland code",
    "col_group_target_roles": "Target role",
    "col_group_gap_skills": "Gap skill",
    "col_group_goal_categories": "Goal type",
    "col_group_goal_status": "Goal status",
    "col_group_smart_verdicts": "SMART check",
    "title_participants": "Participants",
    "title_steps": "Progress per step",
    "title_holland_first_letter": "Holland code first letter",
    "title_holland_code": "Holland codes",
    "title_riasec_scores": "Interest scores",
    "title_work_values": "Work values",
    "title_target_roles": "Target roles",
    "title_gap_skills": "Gap skills",
    "title_goal_categories": "Goal types",
    "title_goal_status": "Goal status",
    "title_smart_verdicts": "SMART check",
    "title_reliability": "Reliability",
    "title_about": "About",
    "desc_participants": (
        "One row per participant who agreed to share their workbook with you: how far they got "
        "in each step."
    ),
    "desc_steps": (
        "People per step who have not started, started or finished it (share of everyone counted)."
    ),
    "desc_holland_first_letter": (
        "People by the first letter of their Holland code (share of those with a code); "
        "people whose highest areas tie are counted under \"tied\"."
    ),
    "desc_holland_code": (
        "The most common three-letter Holland codes (share of those with a code)."
    ),
    "desc_work_values": (
        "How much each of O*NET's six work values matters (1–5) to the participants who did the "
        "optional values step: mean and standard deviation; a value is hidden when fewer than "
        "k people are behind it."
    ),
    "desc_riasec_scores": (
        "Mean and standard deviation of each interest area's score (0–40), over everyone "
        "counted whose six areas could all be scored."
    ),
    "desc_target_roles": ("The most common target roles (share of those who chose one)."),
    "desc_gap_skills": (
        "The skills and knowledge most often among people's three largest gaps (share of those "
        "with a gap; one person can have several, so shares add up to more than 100%)."
    ),
    "desc_goal_categories": "Goals by type (counts goals, not people; share of all goals).",
    "desc_goal_status": (
        "Goals by the status participants set (counts goals, not people; share of all goals)."
    ),
    "desc_smart_verdicts": (
        "Goals by the result of the SMART check (counts goals, not people; share of all goals "
        "that could be checked)."
    ),
    "about_heading": "careerkit cohort export",
    "about_marker": (
        "A cell showing '{marker}' holds a group of 1 to {k_minus} people (or a count hidden "
        "so that such a group cannot be worked out); its share is hidden the same way."
    ),
    "about_sheets": "What each part holds:",
    "about_zip": (
        "This zip holds one CSV file per table (UTF-8, comma-separated) and this text; the "
        "same tables as the XLSX export."
    ),
    "csv_only_participants": (
        "A .csv file holds only the participant table; export to .xlsx or .zip for the group "
        "summary and the reliability table too."
    ),
}
