"""``open_current`` when the chosen workbook cannot be opened: a plain notice, never an error.

A workbook chosen on the start page and deleted since, a damaged or an unreadable one used to
raise in each notebook's first cell, which Voilà shows only as "There was an error when
executing cell [1]". Now the demo workbook stands in, ``wb.notice`` says what happened and what
to do, and the first cell shows that with a link back to the start page.

Under Voilà nothing server-wide chooses a workbook (no ``?workbook=`` link, no remembered
choice): one server may serve a whole room.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

import careerkit as ck
from careerkit.ui._notice import notice_html
from careerkit.workbook import _current

NOTEBOOKS = ROOT / "notebooks"
STEPS = ("01_interests", "02_skills_gap", "03_goals", "04_my_report")


def _damage(home: Path, name: str = "river-42", *, with_backup: bool = True) -> Path:
    wb = ck.Workbook.create(name, home)
    wb.notes = "first version"
    wb.save()  # a second save, so a backup exists
    if not with_backup:
        Path(f"{wb.path}.bak").unlink()
    wb.path.write_text("{ damaged", encoding="utf-8")
    return wb.path


def test_a_chosen_workbook_that_is_missing_opens_the_demo_with_a_notice(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.Workbook.create("river-42")
    ck.workbook.remember_current("nobody")
    wb = ck.open_current()
    assert wb.is_demo and wb.path == careerkit_home / "demo.json"
    assert "“nobody”" in wb.notice and "not here any more" in wb.notice
    assert "start page" in wb.notice and "Open my workbook" in wb.notice
    assert not (careerkit_home / "nobody.json").exists()


def test_a_damaged_workbook_opens_the_demo_and_leaves_the_file_alone(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _damage(careerkit_home)
    ck.workbook.remember_current("river-42")
    wb = ck.open_current()
    assert wb.is_demo
    assert "“river-42” could not be read" in wb.notice
    assert ck.workbook.RESTORE_LABEL in wb.notice  # the backup can be put back on the start page
    assert path.read_text(encoding="utf-8") == "{ damaged"


def test_damaged_workbook_without_backup_says_to_ask_for_help(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damage(careerkit_home, with_backup=False)
    ck.workbook.remember_current("river-42")
    wb = ck.open_current()
    assert "counselor" in wb.notice and ck.workbook.RESTORE_LABEL not in wb.notice


def test_damaged_chosen_workbook_is_a_notice_too(careerkit_home: Path) -> None:
    _damage(careerkit_home)
    ck.workbook.remember_current("river-42")
    wb = ck.open_current()
    assert wb.is_demo and "could not be read" in wb.notice


def test_chosen_workbook_deleted_elsewhere_is_a_notice(careerkit_home: Path) -> None:
    (careerkit_home / "current.txt").write_text("gone-1\n")
    wb = ck.open_current()
    assert wb.is_demo and "“gone-1”" in wb.notice and "not here any more" in wb.notice


def test_a_link_naming_a_workbook_is_not_read(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.Workbook.create("river-42")
    monkeypatch.setenv("QUERY_STRING", "workbook=river-42")
    wb = ck.open_current()
    assert wb.is_demo and wb.notice == ""


def test_under_voila_nothing_server_wide_chooses_the_workbook(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.Workbook.create("river-42")
    ck.workbook.remember_current("river-42")  # chosen in JupyterLab on the same folder
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.setenv("QUERY_STRING", "workbook=river-42")
    assert ck.workbook.in_voila()
    wb = ck.open_current()
    assert wb.is_demo and "practice workbook" in wb.notice and "key" in wb.notice
    # and nothing is remembered for the next page under Voilà
    ck.workbook.remember_current("sky-7")
    assert (careerkit_home / "current.txt").read_text().strip() == "river-42"
    assert ck.workbook.remembered() is None


def test_a_preheated_voila_kernel_counts_as_voila(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Voilà starts pool kernels before any request: no SERVER_SOFTWARE yet, but VOILA_BASE_URL
    (voila/voila_kernel_manager.py). The shared pointer must not choose their workbook."""
    ck.Workbook.create("river-42")
    ck.workbook.remember_current("river-42")
    monkeypatch.delenv("SERVER_SOFTWARE", raising=False)
    assert not ck.workbook.in_voila()
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    assert ck.workbook.in_voila()
    assert ck.open_current().is_demo


def test_nothing_chosen_is_the_demo_without_a_notice(careerkit_home: Path) -> None:
    wb = ck.open_current()
    assert wb.is_demo and wb.notice == ""


def test_a_good_choice_has_no_notice(careerkit_home: Path) -> None:
    ck.Workbook.create("river-42")
    ck.workbook.remember_current("river-42")
    wb = ck.open_current()
    assert wb.pseudonym == "river-42" and wb.notice == ""


def test_the_notice_is_not_saved_in_the_file(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.workbook.remember_current("nobody")
    wb = ck.open_current()
    wb.notes = "practice"
    wb.save()
    text = (careerkit_home / "demo.json").read_text(encoding="utf-8")
    assert "practice" in text and "not here any more" not in text and "notice" not in text
    assert ck.Workbook.open(careerkit_home / "demo.json").notice == ""


def test_a_damaged_demo_is_set_aside_and_started_afresh(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (careerkit_home / "demo.json").write_text("{ not json", encoding="utf-8")
    ck.workbook.remember_current("nobody")
    wb = ck.open_current()
    assert wb.is_demo and "“nobody”" in wb.notice
    kept = list(careerkit_home.glob("demo.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ not json"


def test_an_unwritable_home_still_gives_a_workbook_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    wb = ck.open_current(blocker / "home")
    assert wb.is_demo and "will not be kept" in wb.notice
    with pytest.raises(ck.WorkbookError):
        wb.save()


def test_notice_html_escapes_and_links_to_the_start_page() -> None:
    shown = notice_html("a <b>name</b>", "x & y")
    assert "&lt;b&gt;name&lt;/b&gt;" in shown and "x &amp; y" in shown
    assert 'href="00_start_here.ipynb"' in shown and 'role="alert"' in shown
    assert "href" not in notice_html("text", link=False)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("SCRIPT_NAME", "/voila/render/00_start_here.ipynb", True),
        ("SCRIPT_NAME", "/voila/render/01_interests.ipynb", False),
        ("JPY_SESSION_NAME", "/home/me/careerkit/notebooks/00_start_here.ipynb", True),
    ],
)
def test_start_page_is_recognised(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: bool
) -> None:
    for name in ("SCRIPT_NAME", "PATH_INFO", "JPY_SESSION_NAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    assert _current.on_start_page() is expected


# ---------------------------------------------------------------------- the notebooks
def _execute(name: str, monkeypatch: pytest.MonkeyPatch, **env: str) -> nbformat.NotebookNode:
    """Run a notebook with ``env`` in the kernel's environment (as Voilà gives the request's)."""
    for variable in ("SCRIPT_NAME", "PATH_INFO", "JPY_SESSION_NAME", "SERVER_SOFTWARE"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        # The kernel inherits os.environ, as Voilà's kernels get the request's variables
        # (voila/handler.py).
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError if any cell fails
    return notebook


def _first_code_cell(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return next(cell for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.parametrize("name", STEPS)
def test_step_notebook_with_a_missing_workbook_runs_and_shows_the_notice(
    name: str, careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.workbook.remember_current("nobody")
    notebook = _execute(name, monkeypatch)
    first = _first_code_cell(notebook)
    assert "ck.open_current()" in first.source
    shown = "".join(out.get("data", {}).get("text/html", "") for out in first.outputs)
    assert "not showing your workbook" in shown and "“nobody”" in shown
    assert 'href="00_start_here.ipynb"' in shown
    errors = [
        out
        for cell in notebook.cells
        for out in cell.get("outputs", [])
        if out.output_type == "error"
    ]
    assert errors == []
    assert not (careerkit_home / "nobody.json").exists()


def test_step_notebook_with_a_damaged_workbook_runs_and_shows_the_notice(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damage(careerkit_home)
    ck.workbook.remember_current("river-42")
    notebook = _execute("01_interests", monkeypatch)
    shown = "".join(
        out.get("data", {}).get("text/html", "") for out in _first_code_cell(notebook).outputs
    )
    assert "could not be read" in shown and "Details for your counselor" in shown


def test_start_notebook_with_a_missing_workbook_runs_and_leaves_the_notice_to_its_screen(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ck.workbook.remember_current("nobody")
    notebook = _execute(
        "00_start_here", monkeypatch, JPY_SESSION_NAME=str(NOTEBOOKS / "00_start_here.ipynb")
    )
    assert _first_code_cell(notebook).outputs == []  # shown by the start screen instead


def test_a_workbook_that_cannot_be_read_is_a_notice(
    careerkit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (careerkit_home / "river-42.json").mkdir()  # not a file at all
    ck.workbook.remember_current("river-42")
    wb = ck.open_current()
    assert wb.is_demo and "“river-42” could not be opened" in wb.notice


def test_a_file_holding_another_persons_workbook_is_a_notice(
    careerkit_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = ck.Workbook.create("sky-7", tmp_path)
    (careerkit_home / "river-42.json").write_bytes(other.path.read_bytes())
    ck.workbook.remember_current("river-42")
    wb = ck.open_current()
    assert wb.is_demo and "sky-7" in wb.notice  # never someone else's answers under this name
