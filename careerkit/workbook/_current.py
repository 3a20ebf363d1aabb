"""Which workbook a notebook works on: :func:`open_current` and the workbook home.

How the choice is made, first match wins:

1. Voilà: the ``workbook`` URL parameter (``01_interests.ipynb?workbook=river-42``). Voilà puts
   the request's query string in the kernel's ``QUERY_STRING`` environment variable
   (``voila/handler.py``, "Adding request uri to kernel env", Voilà ≥ 0.2).
2. The workbook last chosen on the start screen (notebook 00, in JupyterLab or Voilà),
   remembered in the pointer file ``<home>/current.txt`` (not ``.json``: it is not a workbook).
3. Nothing chosen: the demo workbook ``<home>/demo.json`` (this is what nbval and tests get,
   since they run with an empty temporary ``CAREERKIT_HOME``).

The home is ``$CAREERKIT_HOME`` if set, else ``workbooks/`` beside the notebooks (git-ignored).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import parse_qs

from careerkit.errors import InputError, WorkbookError
from careerkit.workbook import _store
from careerkit.workbook._model import check_pseudonym
from careerkit.workbook._workbook import Workbook

HOME_ENV = "CAREERKIT_HOME"
POINTER = "current.txt"
DEMO_PSEUDONYM = "demo"
URL_PARAMETER = "workbook"


class ShownWorkbookError(WorkbookError):
    """A WorkbookError that IPython (JupyterLab, Voilà) shows as its message, not a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"careerkit: {self}"]


def home() -> Path:
    """The folder holding workbooks: ``$CAREERKIT_HOME``, else ``workbooks/`` by the notebooks."""
    configured = os.environ.get(HOME_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    cwd = Path.cwd()
    for folder in (cwd, cwd.parent, cwd.parent.parent):
        if (folder / "00_start_here.ipynb").exists():
            return folder / "workbooks"
    if (cwd / "notebooks" / "00_start_here.ipynb").exists():
        return cwd / "notebooks" / "workbooks"
    return cwd / "workbooks"


def workbook_path(pseudonym: str, folder: str | Path | None = None) -> Path:
    """Where the workbook of ``pseudonym`` lives (checked against the safe pattern)."""
    folder = Path(folder) if folder is not None else home()
    return folder / f"{check_pseudonym(pseudonym)}.json"


def remember_current(workbook: Workbook | str, folder: str | Path | None = None) -> None:
    """Remember the chosen workbook so the step notebooks open it (``<home>/current.txt``)."""
    pseudonym = workbook.pseudonym if isinstance(workbook, Workbook) else check_pseudonym(workbook)
    folder = Path(folder) if folder is not None else home()
    _store.ensure_folder(folder)
    _store.write_atomic(folder / POINTER, (pseudonym + "\n").encode("ascii"), backup=False)


def forget_current(folder: str | Path | None = None) -> None:
    folder = Path(folder) if folder is not None else home()
    with contextlib.suppress(FileNotFoundError):
        (folder / POINTER).unlink()


def remembered(folder: str | Path | None = None) -> str | None:
    """The pseudonym remembered by the start screen, or None."""
    folder = Path(folder) if folder is not None else home()
    try:
        text = (folder / POINTER).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    try:
        return check_pseudonym(text)
    except InputError:
        return None


def from_url(query_string: str | None = None) -> str | None:
    """The pseudonym given by the ``workbook`` URL parameter (Voilà), or None."""
    if query_string is None:
        query_string = os.environ.get("QUERY_STRING", "")
    values = parse_qs(query_string.lstrip("?")).get(URL_PARAMETER)
    if not values:
        return None
    try:
        return check_pseudonym(values[0])
    except InputError as exc:
        raise ShownWorkbookError(f"The link names a workbook that cannot exist: {exc}") from exc


def open_current(folder: str | Path | None = None) -> Workbook:
    """The workbook this notebook works on (see the module docstring for how it is chosen).

    Errors (a damaged file, a link to a workbook that does not exist) are shown as one plain
    message in the notebook, never a traceback.
    """
    folder = Path(folder) if folder is not None else home()
    try:
        chosen = from_url()
        if chosen is not None:
            path = folder / f"{chosen}.json"
            if not path.exists():
                raise ShownWorkbookError(
                    f"There is no workbook called '{chosen}' yet. Open 'Start here' "
                    f"(00_start_here) to create it or to upload your file."
                )
            return Workbook.open(path)
        chosen = remembered(folder)
        if chosen is not None and (folder / f"{chosen}.json").exists():
            return Workbook.open(folder / f"{chosen}.json")
        return Workbook.create(DEMO_PSEUDONYM, folder, workshop="demo", exist_ok=True)
    except ShownWorkbookError:
        raise
    except WorkbookError as exc:
        raise ShownWorkbookError(str(exc)) from exc
