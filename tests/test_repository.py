"""Repository hygiene: what CI and reviewers rely on."""

from __future__ import annotations

import json

from conftest import ROOT


def test_no_committed_notebook_carries_outputs():
    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    notebooks = [nb for nb in notebooks if ".ipynb_checkpoints" not in nb.parts]
    assert notebooks, "the workbook notebooks are missing"
    dirty = []
    for nb in notebooks:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        if any(c.get("outputs") or c.get("execution_count") for c in cells):
            dirty.append(nb.relative_to(ROOT).as_posix())
    assert not dirty, f"strip outputs (nbstripout) from: {dirty}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
