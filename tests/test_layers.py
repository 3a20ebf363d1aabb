"""The layer rules of ARCHITECTURE.md, checked on the source.

data (errors, datasets, onet) → core (interests, skills, goals) → state (workbook) →
presentation (charts, report, cohort) → interaction (ui, cli). Core never imports plotly,
ipywidgets or the workbook; nothing but notebooks imports ``careerkit.ui``.
"""

from __future__ import annotations

import ast
import json

import pytest
from conftest import ROOT

PACKAGE = ROOT / "careerkit"

LAYER = {
    "errors": 0, "datasets": 0, "onet": 0,
    "interests": 1, "skills": 1, "goals": 1, "values": 1, "occupations": 1,
    "workbook": 2, "results": 2, "workshop": 2,
    "charts": 3, "report": 3, "cohort": 3,
    "ui": 4, "cli": 4,
}
FORBIDDEN_THIRD_PARTY = {
    0: {"plotly", "ipywidgets", "IPython"},
    1: {"plotly", "ipywidgets", "IPython"},
    2: {"plotly", "ipywidgets", "IPython"},  # the state layer draws nothing
}


def _top_module(path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            if node.module == "careerkit":
                for alias in node.names:
                    yield f"careerkit.{alias.name}"


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if _top_module(p) in LAYER)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_module_imports_only_from_layers_below(path):
    own = LAYER[_top_module(path)]
    wrong = []
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "careerkit" and len(parts) > 1 and parts[1] in LAYER:
            other = LAYER[parts[1]]
            if parts[1] == "ui" and _top_module(path) != "ui":
                wrong.append(f"{name} (only notebooks import careerkit.ui)")
            elif other > own:
                wrong.append(f"{name} (layer {other} above {own})")
        elif parts[0] in FORBIDDEN_THIRD_PARTY.get(own, set()):
            wrong.append(f"{name} (not allowed in this layer)")
    assert not wrong, f"{path.relative_to(ROOT)} imports {wrong}"


def test_notebook_cells_only_call_the_package():
    """Cells longer than ~10 lines are logic that belongs in careerkit, where tests reach it."""
    long_cells = []
    for nb in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        for i, cell in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
            source = "".join(cell["source"]).strip().splitlines()
            code = [line for line in source if line.strip() and not line.lstrip().startswith("#")]
            if cell["cell_type"] == "code" and len(code) > 12:
                long_cells.append(f"{nb.relative_to(ROOT)} cell {i} ({len(code)} lines)")
    assert not long_cells, long_cells


def test_every_notebook_opens_the_current_workbook():
    for nb in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        text = "".join(
            "".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
        )
        assert "ck.open_current()" in text or nb.name.startswith("00"), nb.name
