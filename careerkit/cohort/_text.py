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
        "Groups of fewer than {k} people are shown as '<{k}' (count left empty), so that no "
        "small group can be singled out; where one hidden count could be worked out from the "
        "total, the next smallest count is hidden too. Zero counts are shown."
    ),
    "open_groups_line": (
        "Target roles and gap skills chosen by fewer than {k} people are not named; they are "
        "counted together as '{other}'."
    ),
    "too_small": (
        "Only {n} workbook(s) allow group statistics, fewer than {k}: no statistics are shown "
        "until at least {k} participants have agreed."
    ),
    "other": "other (each fewer than {k})",
    "hidden": "<{k}",
    "gap_line": (
        "Gap skills: each participant's three highest-priority O*NET gaps for their target role "
        "(priority = gap × importance / 5)."
    ),
    "ties_line": "Holland codes: ties are broken in R-I-A-S-E-C order (display only).",
    # reliability
    "alpha_too_few": "needs at least {min_n} complete answer sets (has {n})",
    "alpha_no_variance": "no variation in the total score: alpha is undefined",
    "alpha_one_item": "needs at least two items",
    "alpha_source": (
        "Cronbach's alpha (Cronbach 1951) of each area's items, from participants who answered "
        "all of that area's items of the bundled inventory and agreed to group statistics."
    ),
    # export
    "bad_export": "{path}: the export must end in .csv or .xlsx.",
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
}
