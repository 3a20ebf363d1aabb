"""Counselor screens for one participant at a time (notebook ``counselor/review``).

``GuardianScreen``: a participant under 16 can share nothing until a counselor notes that a
parent or guardian agreed. The screen lists, by pseudonym only, the workbooks in the
participants' folder (the workbook home on a shared server) that wait for this, and notes it
with the counselor's name; the participant can then submit a copy.

``ReviewScreen``: reads one workbook a participant shared with the counselor (the submission
folder), shows it as the person's report shows it, takes comments on the whole workbook, a step
or one goal, and gives them back: straight into the participant's own workbook when it is on
this server (only the comments travel), otherwise as a file to hand over, which the participant
uploads on the start page (it is merged in; nothing they wrote since is lost).

Every control is a standard ipywidgets control with a label (keyboard-usable); every sentence
is in ``TEXT``; anything a person typed is escaped before it is shown. Problems appear in the
message area in plain words, never as a traceback.
"""

from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as widgets

from careerkit import report
from careerkit.errors import InputError
from careerkit.goals import Comment
from careerkit.ui._comments import comments_html, short, step_label
from careerkit.ui._screen import LINK_STYLE, Screen, esc, submit_folder
from careerkit.workbook import (
    Workbook,
    awaiting_guardian,
    copy_comments,
    home,
    shared_with_counselor,
)
from careerkit.workbook._model import now

__all__ = ["TEXT", "GuardianScreen", "ReviewScreen"]

TEXT = {
    # guardian's consent
    "guardian_heading": "Participants under 16: a parent's or guardian's consent",
    "guardian_intro": (
        "Participants under 16 can share their workbook only after you have noted that a parent "
        "or guardian agreed (for example, on a signed form). Those waiting for this are listed "
        "here by pseudonym only; nothing else of their workbook is shown."
    ),
    "participants_folder": "Participants' workbooks",
    "list": "List workbooks",
    "waiting": "Waiting",
    "none_waiting": "Nobody in {folder} is waiting for a guardian's consent to be noted.",
    "n_waiting": "{n} participant(s) wait for a guardian's consent to be noted.",
    "your_name": "Your name",
    "note_guardian": "A guardian agreed: note it",
    "noted": "Noted for “{name}”, by {by}. They can now share their workbook with you.",
    "choose_first": "Choose a participant first (press “List workbooks”).",
    # review
    "review_heading": "Read a participant's workbook and comment on it",
    "review_intro": (
        "Only workbooks whose owners agreed to share them with you are listed. Your comments are "
        "saved in the shared copy at once. “Give the comments back” adds them to the "
        "participant's own workbook, where they see them in the goals step and in their report."
    ),
    "submit_folder": "Shared workbooks",
    "participant": "Participant",
    "none_shared": "No workbook in {folder} has been shared with you yet.",
    "n_shared": "{n} workbook(s) shared with you.",
    "left_out": (
        "{n} other file(s) in this folder are not listed: their owners did not agree to share "
        "them with you, withdrew consent, or the file cannot be read."
    ),
    "preview_title": "The participant's workbook, as their report shows it",
    "about": "About",
    "about_all": "The whole workbook",
    "about_goals": "Step 3: goals (all)",
    "about_goal": "Goal: {text}",
    "comment": "Comment",
    "comment_placeholder": "What you would like the participant to read",
    "add": "Save comment",
    "saved": "Your comment is saved in the shared copy.",
    "empty_comment": "The comment is empty: type it in the box first.",
    "comments_heading": "Comments so far",
    "give_back": "Give the comments back",
    "given_back": "{n} new comment(s) added to “{name}”'s own workbook.",
    "nothing_new": "“{name}”'s own workbook already has every comment.",
    "hand_over": (
        "“{name}”'s own workbook is not on this server. Save the file below and give it to "
        "them: uploading it on their start page adds your comments to their workbook, and "
        "nothing they wrote since is lost."
    ),
    "link": "Save {name}",
}

_LABELLED = {"description_width": "initial"}


def _folder_field(folder: str | Path, key: str) -> tuple[widgets.Text, widgets.Button]:
    """A labelled folder box and the button that lists its workbooks."""
    box = widgets.Text(
        value=str(Path(folder)),
        description=TEXT[key],
        style=_LABELLED,
        layout=widgets.Layout(width="40em"),
    )
    return box, widgets.Button(description=TEXT["list"], icon="refresh")


class GuardianScreen(Screen):
    """Note a parent's or guardian's consent for participants under 16.

    Attributes
    ----------
    folder : Text
        The participants' workbooks (default: the workbook home).
    list_button, note_button : Button
    choose : Dropdown
        The waiting participants, by pseudonym.
    counselor : Text
        Who notes the consent (kept with it).
    message : HTML
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder, self.list_button = _folder_field(folder or home(), "participants_folder")
        self.choose = widgets.Dropdown(options=[], description=TEXT["waiting"], style=_LABELLED)
        self.counselor = widgets.Text(description=TEXT["your_name"], style=_LABELLED)
        self.note_button = widgets.Button(description=TEXT["note_guardian"], button_style="primary")
        self.message = widgets.HTML()
        self.list_button.on_click(lambda _: self._guarded(self.refresh))
        self.note_button.on_click(lambda _: self._guarded(self.note))
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    f"<h3>{esc(TEXT['guardian_heading'])}</h3><p>{esc(TEXT['guardian_intro'])}</p>"
                ),
                widgets.HBox([self.folder, self.list_button]),
                self.choose,
                widgets.HBox([self.counselor, self.note_button]),
                self.message,
            ]
        )
        self._guarded(self.refresh)

    def refresh(self) -> None:
        """List the participants waiting for a guardian's consent to be noted."""
        self.choose.options = []
        listing = awaiting_guardian(self.folder.value.strip())
        options = [(name, str(path)) for name, path in listing.workbooks.items()]
        self.choose.options = options
        self.choose.value = options[0][1] if options else None
        if listing.workbooks:
            self._say(TEXT["n_waiting"].format(n=len(listing.workbooks)))
        else:
            self._say(TEXT["none_waiting"].format(folder=self.folder.value.strip()))

    def note(self) -> None:
        """Note the guardian's consent for the chosen participant, with the counselor's name."""
        if not self.choose.value:
            raise InputError(TEXT["choose_first"])
        wb = Workbook.open(self.choose.value)
        wb.note_guardian_consent(self.counselor.value)
        name, by = wb.pseudonym, self.counselor.value.strip()
        self.refresh()
        self._say(TEXT["noted"].format(name=name, by=by), "ok")


class ReviewScreen(Screen):
    """Read one shared workbook, comment on it, and give the comments back.

    Attributes
    ----------
    folder : Text
        The shared workbooks (default: ``$CAREERKIT_SUBMIT_DIR``, else the workbook home).
    list_button, add_button, give_back_button : Button
    choose : Dropdown
        The participants who shared their workbook, by pseudonym.
    about : Dropdown
        What a comment is about: the whole workbook, a step, or one goal.
    comment : Textarea
    counselor : Text
        The comment's author.
    preview, comments, download_area, message : HTML
    wb : Workbook or None
        The workbook shown.
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self.wb: Workbook | None = None
        self.folder, self.list_button = _folder_field(folder or submit_folder(), "submit_folder")
        self.choose = widgets.Dropdown(options=[], description=TEXT["participant"], style=_LABELLED)
        self.message = widgets.HTML()
        self.preview = widgets.HTML()
        self.about = widgets.Dropdown(options=[], description=TEXT["about"], style=_LABELLED)
        self.comment = widgets.Textarea(
            description=TEXT["comment"],
            placeholder=TEXT["comment_placeholder"],
            style=_LABELLED,
            layout=widgets.Layout(width="40em", height="6em"),
        )
        self.counselor = widgets.Text(description=TEXT["your_name"], style=_LABELLED)
        self.add_button = widgets.Button(description=TEXT["add"], button_style="primary")
        self.comments = widgets.HTML()
        self.give_back_button = widgets.Button(description=TEXT["give_back"], icon="reply")
        self.download_area = widgets.HTML()
        self.list_button.on_click(lambda _: self._guarded(self.refresh))
        self._quiet = False  # True while the list is refilled (refresh shows the choice itself)
        self.choose.observe(
            lambda _: None if self._quiet else self._guarded(self.show), names="value"
        )
        self.add_button.on_click(lambda _: self._guarded(self.add_comment))
        self.give_back_button.on_click(lambda _: self._guarded(self.give_back))
        self.widget = widgets.VBox(
            [
                widgets.HTML(
                    f"<h3>{esc(TEXT['review_heading'])}</h3><p>{esc(TEXT['review_intro'])}</p>"
                ),
                widgets.HBox([self.folder, self.list_button]),
                self.choose,
                self.message,
                self.preview,
                self.about,
                self.comment,
                widgets.HBox([self.counselor, self.add_button]),
                self.comments,
                self.give_back_button,
                self.download_area,
            ]
        )
        self._guarded(self.refresh)

    # ------------------------------------------------------------------ actions
    def refresh(self) -> None:
        """List the workbooks shared with the counselor; show the first."""
        self.wb = None
        for area in (self.preview, self.comments, self.download_area):
            area.value = ""
        self.about.options = []
        folder = self.folder.value.strip()
        listing = shared_with_counselor(folder)
        options = [(name, str(path)) for name, path in listing.workbooks.items()]
        self._quiet = True
        try:
            self.choose.options = options
            self.choose.value = options[0][1] if options else None
        finally:
            self._quiet = False
        self.show()
        parts = [
            TEXT["n_shared"].format(n=len(options))
            if options
            else TEXT["none_shared"].format(folder=folder)
        ]
        if listing.left_out:
            parts.append(TEXT["left_out"].format(n=listing.left_out))
        self._say(" ".join(parts))

    def show(self) -> None:
        """Show the chosen workbook: the report's view of it, and the comments so far."""
        self.download_area.value = ""
        if not self.choose.value:
            self.wb = None
            self.preview.value = self.comments.value = ""
            self.about.options = []
            return
        self.wb = Workbook.open(self.choose.value)
        page = report.render_html(self.wb, charts="text")
        self.preview.value = (
            f'<iframe title="{esc(TEXT["preview_title"])}" sandbox="" '
            f'style="width: 100%; height: 480px; border: 1px solid #ccc" '
            f'srcdoc="{esc(page)}"></iframe>'
        )
        goals = [
            (TEXT["about_goal"].format(text=short(g.text)), f"goal:{g.id}")
            for g in self.wb.goals.goals
            if g.text.strip()
        ]
        self.about.options = [
            (TEXT["about_all"], ""),
            (step_label("interests"), "interests"),
            (step_label("skills"), "skills"),
            (TEXT["about_goals"], "goals"),
            *goals,
        ]
        self._show_comments()
        self._say("")

    def add_comment(self) -> None:
        """Save the comment in the shared copy (on a goal, or on the workbook or a step)."""
        wb = self._current()
        text = self.comment.value.strip()
        if not text:
            raise InputError(TEXT["empty_comment"])
        author = self.counselor.value.strip()
        about = self.about.value or ""
        if about.startswith("goal:"):
            goal = wb.goals.goal(about.removeprefix("goal:"))
            goal.counselor_comments.append(Comment(text=text, author=author, at=now()))
            wb.save()
        else:
            wb.add_comment(text, author=author, about=about)
        self.comment.value = ""
        self._show_comments()
        self._say(TEXT["saved"], "ok")

    def give_back(self) -> None:
        """Add the comments to the participant's own workbook on this server, or offer the
        shared copy as a file to hand over."""
        wb = self._current()
        own = home() / f"{wb.pseudonym}.json"
        if own.exists() and own.resolve() != wb.path.resolve():
            n = copy_comments(wb, Workbook.open(own))
            key = "given_back" if n else "nothing_new"
            self._say(TEXT[key].format(n=n, name=wb.pseudonym), "ok")
            return
        payload = base64.b64encode(wb.to_bytes()).decode("ascii")
        name = wb.download_name
        self.download_area.value = (
            f'<p><a download="{esc(name)}" style="{LINK_STYLE}" '
            f'href="data:application/json;base64,{payload}">'
            f"{esc(TEXT['link'].format(name=name))}</a></p>"
        )
        self._say(TEXT["hand_over"].format(name=wb.pseudonym))

    # ------------------------------------------------------------------ helpers
    def _current(self) -> Workbook:
        if self.wb is None:
            raise InputError(TEXT["choose_first"])
        self.wb.reload()
        return self.wb

    def _show_comments(self) -> None:
        self.comments.value = (
            comments_html(self.wb, heading=TEXT["comments_heading"]) if self.wb else ""
        )
