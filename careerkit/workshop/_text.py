"""What the workshop sign-in and ``careerkit workshop`` say to people."""

TEXT = {
    # the hub's sign-in page (deploy/hub/templates/login.html reads these through the config)
    "login_title": "Sign in with your workshop code",
    "login_label": "Workshop code",
    "login_hint": "Your counselor gives you a code like abcd-efgh-jkmn. Each code works once.",
    "login_button": "Start",
    "login_refused": (
        "This code is not on the list or has been used already. Ask your counselor for a new one."
    ),
    # errors
    "bad_file": (
        "The workshop code file {path} cannot be read: {problem}. Expected a file written by "
        "'careerkit workshop codes'."
    ),
    "bad_count": "The number of codes must be between 1 and {most}, not {count}.",
    "bad_prefix": (
        "The account prefix '{prefix}' is not usable: use 1 to 20 lowercase letters, digits or "
        "'-', starting with a letter (e.g. ck-p)."
    ),
    "unknown_user": "No participant account '{user}' in {path}. Accounts: {known}.",
    # CLI
    "codes_help": "make one-time sign-in codes for a workshop on a shared JupyterHub",
    "count_help": "how many new codes (one participant account each)",
    "state_help": "the hub's state folder holding the hashed codes (default: {default})",
    "prefix_help": "account names are the prefix and a number (default: {default})",
    "reissue_help": "give an account a new code; its old code stops working",
    "list_help": "list the accounts and whether their code was used",
    "written": (
        "# {count} code(s) for {path}; the hub keeps only their hashes. Hand out, then shred."
    ),
    "code_line": "{user}\t{code}",
    "list_line": "{user}\t{state}",
    "used": "used {when}",
    "unused": "not used yet",
    "empty": "No codes yet in {path}.",
}
