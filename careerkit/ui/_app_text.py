"""Every sentence of the participant app's frame (step list, navigation, step introductions),
in one place so it can be translated. The screens inside each step keep their own ``TEXT``.

Written for the app: no notebook words (cells, menus, file names); the notebooks keep their own
explanations for people working in JupyterLab."""

from __future__ import annotations

TITLE = "Your career workbook"

STEPS = {
    "start": "Start: your workbook",
    "interests": "1. Your interests",
    "values": "2. What matters to you",
    "past_job": "3. Jobs like my last one",
    "skills": "4. Your skills gap",
    "goals": "5. Your goals",
    "report": "6. Your report",
}

STATUS = {
    "not started": "not started",
    "started": "started",
    "done": "done",
    "open": "open",
    "optional": "optional",
    "ready": "ready to view",
    "locked": "open your workbook first",
}

TEXT = {
    "nav_label": "Steps",
    "step_button": "{title} ({status})",
    "step_tip": "Go to {title}",
    "back": "Previous step",
    "next": "Next step",
    "back_tip": "Go to the previous step",
    "next_tip": "Go to the next step",
    "where": "Step {n} of {total}: {title}.",
    "locked": "Start or open your workbook first: the steps are saved in it.",
    "loading": "Loading {title}…",
    "open_workbook": "Workbook “{name}” is open. Everything you do is saved in it at once.",
    "no_workbook": "No workbook is open.",
    "summary_heading": "Your progress",
}

INTRO = {
    "start": (
        "<p>This workbook walks you through three steps: <b>what work you enjoy</b> (a short "
        "interest questionnaire), <b>which skills a role you are aiming for asks for</b>, "
        "compared with the skills you have, and <b>goals you set yourself</b>, with a timeline. "
        "The three take about 60 to 90 minutes in all. Everything you enter is saved straight "
        "away, so you can stop at any time and come back later.</p>"
        "<p>Read what is stored and who sees it, give your consent, then start a new workbook "
        "or open yours. Move between the steps with the step list above or the "
        "<b>Previous step</b> and <b>Next step</b> buttons.</p>"
    ),
    "interests": (
        "<p>People tend to do their best work, and stay with it longer, when the work itself is "
        "something they enjoy. Choose how much you would like each <b>work activity</b>; your "
        "answers add up to six interest areas (John Holland's RIASEC areas: Realistic, "
        "Investigative, Artistic, Social, Enterprising, Conventional) and to occupations whose "
        "typical activities fit the same pattern.</p>"
        "<ul><li>Think about whether you would <b>enjoy</b> each activity, not whether you are "
        "good at it yet or how much it pays.</li>"
        "<li>Go with your first reaction: there are no right or wrong answers.</li>"
        "<li>Use the ends of the scale when they are true for you: “not sure” to everything "
        "gives a flat result that cannot point anywhere.</li>"
        "<li>Keyboard: Tab moves to the next activity, the arrow keys choose an answer.</li></ul>"
        "<p>Your results appear below the activities. They are for exploring and reflecting, "
        "not a test score and not for selecting people: talk them over with your counselor. "
        "When you have chosen a <b>target role</b>, go on to the next step.</p>"
    ),
    "values": (
        "<p>Interests are one half of a good fit; what a job gives you is the other. Rate how "
        "much each of six things matters to you in a job (O*NET's six work values, explained in "
        "our own words). Occupations are then ranked by your interests and your values "
        "together, and you decide how much the values count. This step is optional: skip it "
        "with <b>Next step</b>.</p>"
    ),
    "past_job": (
        "<p>Have you worked before? Start from that job: see jobs that use many of the same "
        "skills, which of their skills you have used already and which would be new. Choosing "
        "one makes it your target role for the next step, with starting self-ratings from your "
        "last job that you can change. This step is optional: skip it with <b>Next step</b>."
        "</p>"
    ),
    "skills": (
        "<p>Compare what you can do today with what a job you would like asks for: choose a "
        "<b>target role</b>, bring a few <b>job postings</b> for it (paste them, upload a file, "
        "or use our illustrative samples), tick the skills you already have, <b>rate "
        "yourself</b> on the skills and knowledge the role needs most, and see your "
        "<b>gap</b>: what to learn first. Your top gaps can become draft goals for the next "
        "step.</p>"
    ),
    "goals": (
        "<p>Turn what you found into a <b>plan</b>: a few goals written so that you can act on "
        "them, milestones you can tick off and dates that keep you moving. The SMART check "
        "(Specific, Measurable, Achievable, Relevant, Time-bound) updates as you type and "
        "tells you what to add. Draft goals from your skills gap are already in the list.</p>"
    ),
    "report": (
        "<p>Everything you did, together on a few pages: your interests, your skills gap and "
        "your goals with their timeline. Nothing is sent anywhere: the report is made here, "
        "from your workbook only. Download it as a web page or a PDF and share it with the "
        "people you choose.</p>"
    ),
}
