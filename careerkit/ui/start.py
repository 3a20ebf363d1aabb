"""The start screen (notebook 00): what the workbook is, consent, create/open/upload, download,
share with a counselor, withdraw, delete, and where to go next.

Every control is a standard, labelled ipywidgets control (keyboard-usable); every sentence a
person reads is in ``TEXT`` below, so it can be translated in one place; user text shown as HTML
is escaped. Problems are shown in the message area in plain words, never as a traceback.
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from careerkit.interests import FORMS
from careerkit.ui._changes import ChangesView
from careerkit.ui._comments import comments_html
from careerkit.ui._screen import (
    SUBMIT_ENV,
    Screen,
    debounced,
    guard,
    say,
    submit_folder,
    workshop_form,
)
from careerkit.workbook import (
    DEMO_PSEUDONYM,
    KEY_LENGTH,
    PSEUDONYM_RULE,
    RESTORE_LABEL,
    DamagedWorkbookError,
    Workbook,
    check_key,
    check_pseudonym,
    forget_current,
    has_key,
    home,
    in_voila,
    issue_key,
    remember_current,
    remove_key,
)

__all__ = ["CONSENT_VERSION", "NEXT_STEPS", "SUBMIT_ENV", "TEXT", "StartScreen"]

#: version of the consent text below; stored with each consent so a change of wording shows
CONSENT_VERSION = "2026-1"
#: environment variable naming the counselor's folder for submitted copies (set by the workshop)
#: the step notebooks, in order
NEXT_STEPS = (
    ("01_interests.ipynb", "step_interests"),
    ("01a_values.ipynb", "step_values"),
    ("01b_jobs_like_my_last_one.ipynb", "step_past_job"),
    ("02_skills_gap.ipynb", "step_skills"),
    ("03_goals.ipynb", "step_goals"),
    ("04_my_report.ipynb", "step_report"),
)

TEXT = {
    "stored_heading": "What is stored, where, and who sees it",
    "stored": (
        "<ul>"
        "<li><b>What:</b> your answers to each step, the job postings you add, your goals and "
        "notes, the pseudonym you choose, and the consent you give below. We never ask for your "
        "name, date of birth or contact details: please do not type them into notes.</li>"
        "<li><b>Where:</b> in one file, <code>{folder}/&lt;your pseudonym&gt;.json</code>, on "
        "the computer or server running this workbook. Nothing is sent anywhere else.</li>"
        "<li><b>Who sees it:</b> you. Your counselor sees your answers only if you send them a "
        "copy (below) or give them the file. The people who run this computer or server can "
        "technically open files on it.</li>"
        "<li><b>For how long:</b> until you delete it, which you can do here at any time. A "
        "copy you send to your counselor is kept by them for the workshop and deleted "
        "afterwards, as your workshop's organiser tells you.</li>"
        "</ul>"
    ),
    "consent_heading": "Your consent",
    "consent_store": "I agree that my answers are saved in my workbook file (needed to start).",
    "consent_share": "I may send a copy of my workbook to my counselor when I choose to.",
    "consent_stats": (
        "My answers may be counted, without my pseudonym, in group statistics for the workshop."
    ),
    "under_16": "I am under 16 (a parent or guardian must also agree; your counselor notes it).",
    "choose_heading": "Start a new workbook or open yours",
    "choose_intro": (
        "Choose a <b>pseudonym</b>: a nickname that is not your real name, which you will "
        "remember (for example <code>river-42</code>). It names your workbook file. Allowed: "
        "{rule}."
    ),
    "pseudonym": "Pseudonym",
    "key": "Key",
    "key_placeholder": "to open your workbook again, e.g. 7K3P-Q9XM",
    "key_intro": (
        "To open a workbook you started before, type its pseudonym and its <b>key</b> (the "
        "eight characters shown when you started it)."
    ),
    "key_shown": (
        "Your key is <b style='font-size:130%;letter-spacing:0.1em'>{key}</b>. Write it down "
        "now: you need it, with your pseudonym, to open your workbook again, and it is shown "
        "only this once. Lost it? Your counselor can give you a new one."
    ),
    "wrong_key": (
        "That key does not open the workbook “{name}”. Check the pseudonym and the key (the "
        "eight characters shown when you started it). Lost it? Your counselor can give you a "
        "new one."
    ),
    "need_key": "Type your workbook's key too (the eight characters shown when you started it).",
    "no_key": (
        "The workbook “{name}” has no key yet, so it cannot be opened here. Your counselor can "
        "give it one (careerkit key reset)."
    ),
    "upload_needs_key": (
        "A workbook called “{name}” is already here. To add your file to it, type its key "
        "under “Start a new workbook or open yours” first."
    ),
    "pseudonym_placeholder": "e.g. river-42",
    "workshop": "Workshop",
    "workshop_placeholder": "optional, e.g. Tuesday evening group",
    "create": "Start a new workbook",
    "create_tip": "Create a new workbook with this pseudonym",
    "open": "Open my workbook",
    "open_tip": "Open the workbook you started before with this pseudonym",
    "restore": RESTORE_LABEL,
    "restore_tip": "Replace the damaged workbook file with the version saved before it",
    "restored": (
        "The previous version of your workbook “{name}” is back. The damaged file is kept "
        "beside it, in case anything in it is needed."
    ),
    "upload_heading": "Bring your workbook file",
    "upload_intro": (
        "If you downloaded your workbook before (a <code>.json</code> file), upload it here. "
        "If a workbook with the same pseudonym is already here, the two are combined: nothing "
        "in either is lost."
    ),
    "upload": "Upload workbook",
    "own_heading": "Your file",
    "download": "Prepare a download",
    "download_tip": "Make a link to download your workbook file",
    "download_link": "Download {name}",
    "submit_heading": "Send a copy to your counselor",
    "submit_folder": "Counselor's folder",
    "submit": "Send a copy",
    "submit_tip": "Put a copy of your workbook in your counselor's folder",
    "submit_unset": (
        "Your workshop has not set up a folder for copies. Download your file instead and give "
        "it to your counselor."
    ),
    "withdraw": "Withdraw my consent",
    "withdraw_tip": "Stop sharing; you can then delete your workbook",
    "delete_confirm": "Yes, delete my workbook and its backup for good",
    "delete": "Delete my workbook",
    "delete_tip": "Remove your workbook file and its backup from this computer or server",
    "close": "Not you? Close this workbook",
    "close_tip": "Close this workbook so that someone else can start or open theirs",
    "closed": "The workbook is closed (it stays saved). Start or open a workbook above.",
    "next_heading": "Where to go next",
    "step_interests": "Step 1: your interests",
    "step_values": "Optional: what matters to you at work",
    "step_past_job": "Optional: jobs like my last one",
    "step_skills": "Step 2: your skills gap",
    "step_goals": "Step 3: your goals",
    "step_report": "Step 4: your report (all three steps on one page, to print or share)",
    "next_none": "Start or open your workbook above; the links to the steps then appear here.",
    # messages
    "need_consent": (
        "Please tick the first box under “Your consent” first: without it we cannot save "
        "your answers."
    ),
    "demo_reserved": "The pseudonym 'demo' is used for the shared demo; please choose another.",
    "not_found": (
        "There is no workbook called “{name}” here yet. Check the spelling, or start a new "
        "workbook with this pseudonym."
    ),
    "created": "Your new workbook “{name}” is ready and saved. Go to step 1 below when ready.",
    "created_app": "Your new workbook “{name}” is ready and saved. Press “Next step” when ready.",
    "opened": "Welcome back! Your workbook “{name}” is open.",
    "uploaded": "Your uploaded workbook “{name}” is now here, combined with anything already here.",
    "current": "Open now: workbook “{name}”, saved in {path}.",
    "current_none": "No workbook is open yet.",
    "consent_updated": "Your consent choices are saved.",
    "need_workbook": "Open or start your workbook first.",
    "download_ready": "Your download is ready: use the link below.",
    "submitted": "A copy of your workbook is now in your counselor's folder ({path}).",
    "withdrawn": (
        "Your consent is withdrawn: nothing more will be shared. Your workbook stays on this "
        "computer until you delete it below."
    ),
    "need_delete_confirm": "Tick “Yes, delete my workbook …” first, then press the button again.",
    "deleted": "Your workbook “{name}” and its backup are deleted.",
}

_LINK_STYLE = "color:#0072B2;text-decoration:underline"  # Okabe–Ito blue


def _wide() -> widgets.Layout:
    """A layout of its own for each control (a shared one would hide them all together)."""
    return widgets.Layout(width="auto")


_LABELLED = {"description_width": "initial"}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _default_submit() -> str:
    """The counselor's folder when the workshop set one (``$CAREERKIT_SUBMIT_DIR``), else ""."""
    return str(submit_folder()) if os.environ.get(SUBMIT_ENV, "").strip() else ""


def _key_box(key: str) -> str:
    return (
        '<div role="alert" style="border:2px solid #0072B2;border-radius:4px;'
        f'padding:0.5em 1em;margin:0.5em 0">{TEXT["key_shown"].format(key=_esc(key))}</div>'
    )


class StartScreen(Screen):
    """The start screen, bound to the workbook it opens or creates.

    Parameters
    ----------
    wb : Workbook, optional
        The workbook open now (``ck.open_current()``); the shared demo counts as none chosen.
        A demo standing in for a workbook that could not be opened (``wb.notice``) has its
        notice shown beside the open button.
    folder : path, optional
        Where workbooks live (default: the workbook home, ``CAREERKIT_HOME``).
    submit_folder : path, optional
        The counselor's folder for copies (default: ``$CAREERKIT_SUBMIT_DIR``).

    Attributes
    ----------
    consent_store, consent_share, consent_stats, under_16 : Checkbox
    pseudonym, workshop : Text
    create_button, open_button : Button
    restore_button : Button
        Shown only when the workbook to open is damaged and has a backup.
    upload : FileUpload
    download_button, submit_button, withdraw_button, delete_button : Button
    submit_folder : Text
    delete_confirm : Checkbox
    close_button : Button
    download_area, next_steps, status : HTML
    own_section : VBox
        Download, send, withdraw and delete: shown only while a workbook is open.
    history_section : VBox
        "Changes from another window": shown only while the open workbook has values that a
        merge replaced (``wb.replaced_values()``).
    history_buttons : dict of str to Button
        One "Put this back" button per listed value, by history entry id.
    consent_message, message, upload_message, file_message, submit_message, delete_message,
    history_message : HTML
        Where results and problems are shown, each right below the controls it is about:
        consent boxes; start/open/put back/close; upload; download and withdraw; send a copy;
        delete; changes from another window.
    widget : VBox
        The screen.
    wb : Workbook or None
        The workbook chosen here (None until one is started, opened or uploaded).
    """

    def __init__(
        self,
        wb: Workbook | None = None,
        *,
        folder: str | Path | None = None,
        submit_folder: str | Path | None = None,
        app: bool = False,
    ) -> None:
        self.folder = Path(folder) if folder is not None else home()
        self.wb: Workbook | None = None if wb is None or wb.is_demo else wb
        self.consent_message = widgets.HTML()
        self.message = widgets.HTML()
        self.upload_message = widgets.HTML()
        self.file_message = widgets.HTML()
        self.submit_message = widgets.HTML()
        self.delete_message = widgets.HTML()
        #: the counselor's comments (shown while a workbook with comments is open)
        self.comments = widgets.HTML()
        self.changes = ChangesView()
        self.history_section = self.changes.widget
        self.history_message = self.changes.message
        self._areas = (
            self.consent_message,
            self.message,
            self.upload_message,
            self.file_message,
            self.submit_message,
            self.delete_message,
            self.history_message,
        )
        self._area = self.message
        self.status = widgets.HTML()
        self.consent_store = widgets.Checkbox(
            description=TEXT["consent_store"], indent=False, layout=_wide()
        )
        self.consent_share = widgets.Checkbox(
            description=TEXT["consent_share"], indent=False, layout=_wide()
        )
        self.consent_stats = widgets.Checkbox(
            description=TEXT["consent_stats"], indent=False, layout=_wide()
        )
        self.under_16 = widgets.Checkbox(description=TEXT["under_16"], indent=False, layout=_wide())
        self.pseudonym = widgets.Text(
            description=TEXT["pseudonym"],
            placeholder=TEXT["pseudonym_placeholder"],
            style=_LABELLED,
        )
        self.key = widgets.Password(
            description=TEXT["key"], placeholder=TEXT["key_placeholder"], style=_LABELLED,
            layout=widgets.Layout(width="28em"),
        )
        self.key_area = widgets.HTML()
        self.workshop = widgets.Text(
            description=TEXT["workshop"], placeholder=TEXT["workshop_placeholder"], style=_LABELLED
        )
        self.create_button = widgets.Button(
            description=TEXT["create"],
            tooltip=TEXT["create_tip"],
            button_style="primary",
            layout=_wide(),
        )
        self.open_button = widgets.Button(
            description=TEXT["open"], tooltip=TEXT["open_tip"], layout=_wide()
        )
        self.upload = widgets.FileUpload(
            accept=".json", multiple=False, description=TEXT["upload"], layout=_wide()
        )
        self.download_button = widgets.Button(
            description=TEXT["download"], tooltip=TEXT["download_tip"], layout=_wide()
        )
        self.download_area = widgets.HTML()
        self.app = app
        #: called with the open workbook (or None) whenever it changes
        self.on_change: list[Any] = []
        configured = submit_folder if submit_folder is not None else _default_submit()
        self.submit_folder = widgets.Text(
            value=str(configured or ""),
            description=TEXT["submit_folder"],
            style=_LABELLED,
            layout=widgets.Layout(width="60%"),
        )
        self.submit_button = widgets.Button(
            description=TEXT["submit"], tooltip=TEXT["submit_tip"], layout=_wide()
        )
        self.withdraw_button = widgets.Button(
            description=TEXT["withdraw"], tooltip=TEXT["withdraw_tip"], layout=_wide()
        )
        self.delete_confirm = widgets.Checkbox(
            description=TEXT["delete_confirm"], indent=False, layout=_wide()
        )
        self.delete_button = widgets.Button(
            description=TEXT["delete"],
            tooltip=TEXT["delete_tip"],
            button_style="danger",
            layout=_wide(),
        )
        self.next_steps = widgets.HTML()
        self.restore_button = widgets.Button(
            description=TEXT["restore"],
            tooltip=TEXT["restore_tip"],
            button_style="warning",
            layout=widgets.Layout(width="auto", display="none"),
        )
        self._damaged: Path | None = None
        self.close_button = widgets.Button(
            description=TEXT["close"], tooltip=TEXT["close_tip"], layout=_wide()
        )

        def on(button: widgets.Button, action: Any, area: widgets.HTML) -> None:
            button.on_click(debounced(lambda _b: self._guarded(action, area=area)))

        on(self.create_button, self.create, self.message)
        on(self.open_button, self.open, self.message)
        on(self.restore_button, self.restore, self.message)
        on(self.close_button, self.close, self.message)
        on(self.download_button, self.prepare_download, self.file_message)
        on(self.withdraw_button, self.withdraw, self.file_message)
        on(self.submit_button, self.submit, self.submit_message)
        on(self.delete_button, self.delete, self.delete_message)
        self.upload.observe(
            lambda change: self._guarded(self._uploaded, change, area=self.upload_message),
            names="value",
        )
        for box in (self.consent_share, self.consent_stats, self.under_16):
            box.observe(
                lambda _c: self._guarded(self._consent_changed, area=self.consent_message),
                names="value",
            )

        def heading(key: str) -> widgets.HTML:
            return widgets.HTML(f"<h3>{_esc(TEXT[key])}</h3>")

        submit_note = "" if configured else f"<p>{_esc(TEXT['submit_unset'])}</p>"
        self.own_section = widgets.VBox(
            [
                heading("own_heading"),
                widgets.HBox([self.download_button, self.withdraw_button]),
                self.download_area,
                self.file_message,
                heading("submit_heading"),
                widgets.HTML(submit_note),
                widgets.HBox([self.submit_folder, self.submit_button]),
                self.submit_message,
                self.delete_confirm,
                widgets.HBox([self.delete_button]),
                self.delete_message,
            ]
        )
        self.widget = widgets.VBox(
            [
                heading("stored_heading"),
                widgets.HTML(TEXT["stored"].format(folder=_esc(self.folder))),
                heading("consent_heading"),
                self.consent_store,
                self.consent_share,
                self.consent_stats,
                self.under_16,
                self.consent_message,
                heading("choose_heading"),
                widgets.HTML(f"<p>{TEXT['choose_intro'].format(rule=_esc(PSEUDONYM_RULE))}</p>"),
                self.pseudonym,
                self.workshop,
                widgets.HTML(f"<p>{TEXT['key_intro']}</p>"),
                self.key,
                widgets.HBox([self.create_button, self.open_button, self.restore_button]),
                self.message,
                self.key_area,
                widgets.HBox([self.status, self.close_button]),
                self.comments,
                heading("upload_heading"),
                widgets.HTML(f"<p>{TEXT['upload_intro']}</p>"),
                widgets.HBox([self.upload]),
                self.upload_message,
                self.own_section,
                self.history_section,
                *(() if app else (heading("next_heading"), self.next_steps)),
            ]
        )
        self._show_consent()
        self._refresh()
        if wb is not None and wb.is_demo and wb.notice:
            # The link or the remembered choice named a workbook that could not be opened.
            self._area = self.message
            self._say(wb.notice, "error")

    # ------------------------------------------------------------------ helpers
    def _say(self, text: str, kind: str = "info") -> None:
        """Show ``text`` beside the controls being used (and clear the other message areas)."""
        for area in self._areas:
            area.value = ""
        say(self._area, text, kind)

    def _guarded(self, action: Any, *args: Any, area: widgets.HTML | None = None) -> None:
        """Run a control's action; any careerkit problem becomes a plain message beside it."""
        # An action may set a box that runs another guarded action: each says its own message
        # in its own area, then the outer one's area is back for the outer action's message.
        previous, self._area = self._area, area if area is not None else self.message
        try:
            guard(lambda: action(*args), lambda text: self._say(text, "error"), "start screen")
        finally:
            self._area = previous

    def _scopes(self) -> list[str]:
        scopes = ["store"]
        if self.consent_share.value:
            scopes.append("share_with_counselor")
        if self.consent_stats.value:
            scopes.append("cohort_statistics")
        return scopes

    def _show_consent(self) -> None:
        """Tick the boxes as the open workbook's consent says (without re-saving it)."""
        self._syncing = True
        try:
            if self.wb is not None and self.wb.consent.agreed and not self.wb.consent.withdrawn:
                self.consent_store.value = True
                self.consent_share.value = "share_with_counselor" in self.wb.consent.agreed_to
                self.consent_stats.value = "cohort_statistics" in self.wb.consent.agreed_to
                self.under_16.value = self.wb.consent.under_16
        finally:
            self._syncing = False

    def _consent_changed(self) -> None:
        if getattr(self, "_syncing", False) or self.wb is None:
            return
        if not self.consent_store.value:
            return
        self.wb.give_consent(CONSENT_VERSION, self._scopes(), under_16=self.under_16.value)
        self._say(TEXT["consent_updated"], "ok")

    def _need_consent(self) -> bool:
        if not self.consent_store.value:
            self._say(TEXT["need_consent"], "error")
            return True
        return False

    def _chosen_pseudonym(self) -> str | None:
        name = check_pseudonym(self.pseudonym.value)
        if name == DEMO_PSEUDONYM:
            self._say(TEXT["demo_reserved"], "error")
            return None
        return name

    def _adopt(self, wb: Workbook) -> None:
        """Make ``wb`` the open workbook: remembered for the step notebooks, consent recorded."""
        self.wb = wb
        consent = wb.consent
        if not (consent.agreed and not consent.withdrawn):
            wb.give_consent(CONSENT_VERSION, self._scopes(), under_16=self.under_16.value)
        remember_current(wb, self.folder)
        self.pseudonym.value = wb.pseudonym
        self.key.value = ""
        self._show_consent()
        self._refresh()
        self._changed()

    def _changed(self) -> None:
        for callback in self.on_change:
            callback(self.wb)

    def _refresh(self) -> None:
        self.download_area.value = ""
        hidden = self.wb is None
        self.own_section.layout.display = "none" if hidden else None
        self.close_button.layout.display = "none" if hidden else None
        self.changes.show(self.wb)
        self.comments.value = comments_html(self.wb, empty=False) if self.wb else ""
        if self.wb is None:
            self.status.value = f"<p>{_esc(TEXT['current_none'])}</p>"
            self.next_steps.value = f"<p>{_esc(TEXT['next_none'])}</p>"
            return
        self.status.value = "<p>{}</p>".format(
            _esc(TEXT["current"].format(name=self.wb.pseudonym, path=self.wb.path))
        )
        query = f"?workbook={self.wb.pseudonym}"  # the pseudonym alphabet needs no escaping
        items = "".join(
            f'<li><a style="{_LINK_STYLE}" href="{_esc(notebook + query)}">'
            f"{_esc(TEXT[key])}</a></li>"
            for notebook, key in NEXT_STEPS
        )
        self.next_steps.value = f"<ol>{items}</ol>"

    @property
    def history_buttons(self) -> dict[str, widgets.Button]:
        return self.changes.buttons

    def _require_workbook(self) -> Workbook | None:
        if self.wb is None:
            self._say(TEXT["need_workbook"], "error")
        return self.wb

    def _key_opens(self, path: Path, name: str) -> bool:
        """Whether the typed key opens ``path`` (says why not). A workbook without a key opens
        only on one person's own server (JupyterLab), never under Voilà."""
        if not has_key(path):
            if in_voila():
                self._say(TEXT["no_key"].format(name=name), "error")
                return False
            return True
        if self.wb is not None and self.wb.path == path:
            return True  # open already, in this page
        typed = self.key.value.strip()
        if not typed:
            self._say(TEXT["need_key"], "error")
            return False
        if len("".join(c for c in typed if c.isalnum())) != KEY_LENGTH or not check_key(
            path, typed
        ):
            self._say(TEXT["wrong_key"].format(name=name), "error")
            return False
        return True

    # ------------------------------------------------------------------ actions
    def create(self) -> None:
        """Start a new workbook with the typed pseudonym (needs the first consent box)."""
        if self._need_consent():
            return
        name = self._chosen_pseudonym()
        if name is None:
            return
        done = TEXT["created_app" if self.app else "created"].format(name=name)
        if self.wb is not None and self.wb.pseudonym == name and self.key_area.value:
            self._say(done, "ok")  # pressed twice: it is made already, its key is on screen
            return
        wb = Workbook.create(name, self.folder, workshop=self.workshop.value.strip())
        if workshop_form() == "short":  # the form the counselor chose for this workshop
            wb.interests.inventory_id = FORMS["short"]
            wb.save()
        key = issue_key(wb.path)
        self._adopt(wb)
        self.key_area.value = _key_box(key)
        self._say(done, "ok")

    def open(self) -> None:
        """Open the workbook with the typed pseudonym."""
        name = self._chosen_pseudonym()
        if name is None:
            return
        path = self.folder / f"{name}.json"
        if not path.exists():
            self._say(TEXT["not_found"].format(name=name), "error")
            return
        if not self._key_opens(path, name):
            return
        try:
            wb = Workbook.open(path)
        except DamagedWorkbookError:
            if Path(f"{path}.bak").exists():
                self._damaged = path
                self.restore_button.layout.display = None
            raise
        if not (wb.consent.agreed and not wb.consent.withdrawn) and self._need_consent():
            return
        self._adopt(wb)
        self._say(TEXT["opened"].format(name=name), "ok")

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = change.get("new") or ()
        if not files:
            return
        try:
            self.import_file(bytes(files[0]["content"]), files[0].get("name", ""))
        finally:
            self.upload.value = ()  # clear, so the same file can be chosen again

    def import_file(self, data: bytes, name: str = "") -> None:
        """Take in an uploaded workbook file (merged with one already here, or refused)."""
        if self._need_consent():
            return
        source = f"The file “{name}”" if name else "The uploaded file"
        expected = self.wb.pseudonym if self.wb is not None else None
        if expected is None:
            # A file for a workbook already here joins it only with that workbook's key.
            owner = Workbook._parse(data, source, None).participant.pseudonym
            path = self.folder / f"{owner}.json"
            if path.exists() and not has_key(path) and not in_voila():
                pass  # one person's own server, an old workbook without a key
            elif path.exists() and not check_key(path, self.key.value):
                self._say(TEXT["upload_needs_key"].format(name=owner), "error")
                return
        wb = Workbook.import_bytes(data, self.folder, pseudonym=expected, source=source)
        key = None if has_key(wb.path) else issue_key(wb.path)
        self._adopt(wb)
        if key:
            self.key_area.value = _key_box(key)
        self._say(TEXT["uploaded"].format(name=wb.pseudonym), "ok")

    def prepare_download(self) -> None:
        """Show a link that downloads the workbook file (a data: URL, no server round trip)."""
        wb = self._require_workbook()
        if wb is None:
            return
        payload = base64.b64encode(wb.to_bytes()).decode("ascii")
        self.download_area.value = (
            f'<p><a download="{_esc(wb.download_name)}" style="{_LINK_STYLE}" '
            f'href="data:application/json;base64,{payload}">'
            f"{_esc(TEXT['download_link'].format(name=wb.download_name))}</a></p>"
        )
        self._say(TEXT["download_ready"], "ok")

    def submit(self) -> None:
        """Put a copy in the counselor's folder (needs consent to share)."""
        wb = self._require_workbook()
        if wb is None:
            return
        folder = self.submit_folder.value.strip()
        if not folder:
            self._say(TEXT["submit_unset"], "error")
            return
        path = wb.submit_copy(Path(folder).expanduser())
        self._say(TEXT["submitted"].format(path=path), "ok")

    def withdraw(self) -> None:
        wb = self._require_workbook()
        if wb is None:
            return
        wb.withdraw_consent()
        self._syncing = True
        try:
            for box in (self.consent_store, self.consent_share, self.consent_stats):
                box.value = False
        finally:
            self._syncing = False
        self._say(TEXT["withdrawn"], "ok")

    def delete(self) -> None:
        """Delete the open workbook and its backup (after the confirmation box is ticked)."""
        wb = self._require_workbook()
        if wb is None:
            return
        if not self.delete_confirm.value:
            self._say(TEXT["need_delete_confirm"], "error")
            return
        wb.delete()
        remove_key(wb.path)
        forget_current(self.folder)
        self.wb = None
        self.delete_confirm.value = False
        self.key_area.value = ""
        self._refresh()
        self._changed()
        self._area = self.message  # the delete controls are hidden now: say it by the status
        self._say(TEXT["deleted"].format(name=wb.pseudonym), "ok")

    def restore(self) -> None:
        """Put back the previous version of a damaged workbook (offered after opening failed)."""
        if self._damaged is None:
            return
        wb = Workbook.restore_backup(self._damaged)
        self._damaged = None
        self.restore_button.layout.display = "none"
        self._adopt(wb)
        self._say(TEXT["restored"].format(name=wb.pseudonym), "ok")

    def close(self) -> None:
        """Close the open workbook (it stays saved); the step notebooks then open none."""
        forget_current(self.folder)
        self.wb = None
        self.pseudonym.value = ""
        self.key.value = ""
        self.key_area.value = ""
        self._syncing = True
        try:
            for box in (self.consent_store, self.consent_share, self.consent_stats, self.under_16):
                box.value = False
        finally:
            self._syncing = False
        self._refresh()
        self._changed()
        self._say(TEXT["closed"], "ok")

    def _ipython_display_(self) -> None:
        display(self.widget)
