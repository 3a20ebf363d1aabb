"""Which workbook a notebook works on: :func:`open_current` and the workbook home.

How the choice is made, first match wins:

1. Under Voilà, nothing: one Voilà server may serve a whole room under one account, so nothing
   server-wide may say whose workbook a page shows (a shared "last opened" pointer gave the next
   person the previous one's workbook, and a ``?workbook=`` link anyone's who guessed a
   pseudonym). The app (``notebooks/app.ipynb``) opens a workbook on its own start screen, with
   the workbook's key (``_keys``), and keeps it in its own kernel; a step notebook opened in
   Voilà shows the demo workbook and says so.
2. In JupyterLab (one person's own server): the workbook last chosen on the start screen
   (notebook 00), remembered in the pointer file ``<home>/current.txt`` (not ``.json``: it is not
   a workbook). The ``workbook`` URL parameter is no longer read anywhere.
3. Nothing chosen: the demo workbook ``<home>/demo.json`` (this is what nbval and tests get,
   since they run with an empty temporary ``CAREERKIT_HOME``).

When the chosen workbook cannot be opened (a link with a typing mistake, a deleted or damaged
file), :func:`open_current` does not raise: Voilà would hide the message and stop the page. It
opens the demo workbook instead and sets :attr:`Workbook.notice` to a plain explanation (and
:attr:`Workbook.notice_details` to technical details). This layer draws nothing: the notebooks'
first cell shows the notice with :func:`careerkit.ui.show_notice`.

The home is ``$CAREERKIT_HOME`` if set, else ``workbooks/`` beside the notebooks (git-ignored).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from careerkit.errors import InputError, WorkbookError
from careerkit.workbook import _store
from careerkit.workbook._model import Participant, check_pseudonym, now
from careerkit.workbook._workbook import RESTORE_LABEL, DamagedWorkbookError, Workbook

HOME_ENV = "CAREERKIT_HOME"
POINTER = "current.txt"
DEMO_PSEUDONYM = "demo"
#: the start page, linked from the notice (relative: Voilà and JupyterLab serve the step
#: notebooks from the same folder)
START_NOTEBOOK = "00_start_here.ipynb"

#: every sentence a person reads from this module (in one place, so it can be translated)
TEXT = {
    "missing_chosen": (
        "The workbook chosen on the start page, “{name}”, is not here any more (perhaps it "
        "was deleted in another window)."
    ),
    "damaged": "Your workbook “{name}” could not be read: its file is damaged.",
    "damaged_backup": (
        "Its previous version is kept. On the start page, type your pseudonym, press “Open my "
        "workbook”, then “{restore}”."
    ),
    "damaged_no_backup": (
        "The file is left exactly as it was; please ask your counselor for help."
    ),
    "unreadable": "Your workbook “{name}” could not be opened: {error}",
    "what_to_do": (
        "To go on, open your own workbook on the start page: type your pseudonym and press "
        "“Open my workbook” (or start a new workbook there). Until you do, the step pages show "
        "the shared practice workbook “{demo}”: anything entered there is kept in it, not in "
        "your workbook."
    ),
    "demo_unsaved": (
        "The practice workbook could not be saved either ({error}); anything entered on this "
        "page will not be kept."
    ),
    "in_voila": (
        "This page shows the shared practice workbook “{demo}”. To work on your own workbook, "
        "open the careerkit app and open your workbook there with its key."
    ),
}

def home() -> Path:
    """The folder holding workbooks: ``$CAREERKIT_HOME``, else ``workbooks/`` by the notebooks."""
    configured = os.environ.get(HOME_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    cwd = Path.cwd()
    for folder in (cwd, cwd.parent, cwd.parent.parent):
        if (folder / START_NOTEBOOK).exists():
            return folder / "workbooks"
    if (cwd / "notebooks" / START_NOTEBOOK).exists():
        return cwd / "notebooks" / "workbooks"
    return cwd / "workbooks"


def in_voila() -> bool:
    """Whether this kernel serves a Voilà page. Voilà sets ``SERVER_SOFTWARE=voila/<version>``
    in the environment of a kernel it starts for a request, and ``VOILA_BASE_URL`` in every
    kernel it starts, including the pre-heated ones it starts before any request
    (``voila/handler.py``, ``voila/voila_kernel_manager.py``)."""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila") or (
        "VOILA_BASE_URL" in os.environ
    )


def workbook_path(pseudonym: str, folder: str | Path | None = None) -> Path:
    """Where the workbook of ``pseudonym`` lives (checked against the safe pattern)."""
    folder = Path(folder) if folder is not None else home()
    return folder / f"{check_pseudonym(pseudonym)}.json"


def remember_current(workbook: Workbook | str, folder: str | Path | None = None) -> None:
    """Remember the chosen workbook so the step notebooks open it (``<home>/current.txt``).

    Never under Voilà: a server-wide pointer would hand one person's workbook to the next."""
    if in_voila():
        return
    pseudonym = workbook.pseudonym if isinstance(workbook, Workbook) else check_pseudonym(workbook)
    folder = Path(folder) if folder is not None else home()
    _store.ensure_folder(folder)
    _store.write_atomic(folder / POINTER, (pseudonym + "\n").encode("ascii"), backup=False)


def forget_current(folder: str | Path | None = None) -> None:
    folder = Path(folder) if folder is not None else home()
    with contextlib.suppress(FileNotFoundError):
        (folder / POINTER).unlink()


def remembered(folder: str | Path | None = None) -> str | None:
    """The pseudonym remembered by the start screen, or None (always None under Voilà)."""
    if in_voila():
        return None
    folder = Path(folder) if folder is not None else home()
    try:
        text = (folder / POINTER).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    try:
        return check_pseudonym(text)
    except InputError:
        return None


def open_current(folder: str | Path | None = None) -> Workbook:
    """The workbook this notebook works on (see the module docstring for how it is chosen).

    Never raises for a workbook that cannot be opened (a link to a workbook that does not exist,
    a deleted or damaged file): the demo workbook is returned instead, with
    :attr:`Workbook.notice` saying what happened and what to do (shown by
    :func:`careerkit.ui.show_notice`).
    """
    folder = Path(folder) if folder is not None else home()
    wb, problem = _choose(folder)
    if wb is not None:
        return wb
    demo, unsaved = _open_demo(folder)
    sentences, details = [], ""
    if problem is not None:
        sentences.append(problem[0])
        if not in_voila():
            sentences.append(TEXT["what_to_do"].format(demo=DEMO_PSEUDONYM))
        details = problem[1]
    if unsaved:
        sentences.append(unsaved)
    if sentences:
        demo._notice = " ".join(sentences)
        demo._notice_details = details
    return demo


#: a problem with the chosen workbook: the plain sentence, and technical details (or "")
_Problem = tuple[str, str]


def _choose(folder: Path) -> tuple[Workbook | None, _Problem | None]:
    """The chosen workbook; or None and the problem; or (None, None) when none was chosen."""
    if in_voila():
        return None, (TEXT["in_voila"].format(demo=DEMO_PSEUDONYM), "")
    chosen = remembered(folder)
    if chosen is None or chosen == DEMO_PSEUDONYM:
        return None, None
    path = folder / f"{chosen}.json"
    if not path.exists():
        return None, (TEXT["missing_chosen"].format(name=chosen), "")
    return _open_chosen(path, chosen)


def _open_chosen(path: Path, name: str) -> tuple[Workbook | None, _Problem | None]:
    try:
        return Workbook.open(path), None
    except DamagedWorkbookError as exc:
        has_backup = _store.backup_path(path).exists()
        advice = (
            TEXT["damaged_backup"].format(restore=RESTORE_LABEL)
            if has_backup
            else TEXT["damaged_no_backup"]
        )
        return None, (f"{TEXT['damaged'].format(name=name)} {advice}", str(exc))
    except WorkbookError as exc:
        return None, (TEXT["unreadable"].format(name=name, error=exc), "")


def _open_demo(folder: Path) -> tuple[Workbook, str]:
    """The shared demo workbook, and "" or why it cannot be saved.

    A damaged demo is replaced by its backup, else set aside (kept as ``.damaged-<time>``) and
    started afresh: it is practice space, and must not stand in the way of a page.
    """
    path = folder / f"{DEMO_PSEUDONYM}.json"
    try:
        try:
            return Workbook.create(DEMO_PSEUDONYM, folder, workshop="demo", exist_ok=True), ""
        except DamagedWorkbookError:
            if _store.backup_path(path).exists():
                with contextlib.suppress(WorkbookError):
                    return Workbook.restore_backup(path), ""
            with _store.locked(path):
                damaged = path.with_name(f"{path.name}.damaged-{now():%Y%m%dT%H%M%S}")
                path.replace(damaged)
            return Workbook.create(DEMO_PSEUDONYM, folder, workshop="demo", exist_ok=True), ""
    except (WorkbookError, OSError) as exc:
        # Nowhere to save even the demo (e.g. a read-only folder): a workbook in memory whose
        # saves fail with a plain message in each screen.
        wb = Workbook(participant=Participant(pseudonym=DEMO_PSEUDONYM, workshop="demo"))
        wb._path = path
        reason = getattr(exc, "strerror", None) or str(exc)
        return wb, TEXT["demo_unsaved"].format(error=reason)


def on_start_page() -> bool:
    """Whether the running notebook is the start page (Voilà's request path, or the Jupyter
    session name that JupyterLab gives the kernel)."""
    for variable in ("SCRIPT_NAME", "PATH_INFO", "JPY_SESSION_NAME"):
        if os.environ.get(variable, "").rstrip("/").endswith(START_NOTEBOOK):
            return True
    return False
