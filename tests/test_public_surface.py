"""Each package's ``__all__`` is its public face, and the modules behind it are private.

A name in ``__all__`` that does not import, or an implementation module without a leading
underscore (which invites ``from careerkit.goals.smart import ...`` and freezes the layout), fails
here. Where a package's extra names come from and why: docs/ARCHITECTURE.md, "Public API".
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import careerkit

PACKAGE = Path(careerkit.__file__).parent

#: every package under careerkit/ (folders with an __init__.py), by dotted name
SUBPACKAGES = sorted(
    "careerkit." + ".".join(p.parent.relative_to(PACKAGE).parts)
    for p in PACKAGE.rglob("__init__.py")
    if p.parent != PACKAGE
    and not any(part.startswith((".", "__")) for part in p.parent.relative_to(PACKAGE).parts)
)

#: the step packages (core, state, presentation, data): logic behind one ``__init__``. Not here:
#: charts (one public module per step, re-exported), cli (one module per command group), ui
#: (screens), workshop (``careerkit.workshop.auth`` is named in JupyterHub configuration),
#: _voila (served files).
STEP_PACKAGES = [
    "careerkit.onet",
    "careerkit.datasets",
    "careerkit.interests",
    "careerkit.skills",
    "careerkit.goals",
    "careerkit.values",
    "careerkit.occupations",
    "careerkit.workbook",
    "careerkit.cohort",
    "careerkit.report",
]


def test_the_lists_cover_the_packages():
    assert set(STEP_PACKAGES) <= set(SUBPACKAGES)
    assert {"careerkit.goals", "careerkit.skills", "careerkit.ui.goals"} <= set(SUBPACKAGES)


#: packages with a Python API (careerkit._voila holds the files Voila serves)
API_PACKAGES = [p for p in SUBPACKAGES if not p.startswith("careerkit._voila")]


@pytest.mark.parametrize("name", [*API_PACKAGES, "careerkit", "careerkit.results"])
def test_every_name_in_all_imports(name):
    module = importlib.import_module(name)
    names = getattr(module, "__all__", None)
    assert names is not None, f"{name} has no __all__"
    assert len(names) == len(set(names)), f"{name}.__all__ lists a name twice"
    missing = [n for n in names if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what it does not define: {missing}"
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)
    assert set(names) <= set(namespace)


@pytest.mark.parametrize("name", STEP_PACKAGES)
def test_step_packages_keep_their_modules_private(name):
    folder = Path(importlib.import_module(name).__file__).parent
    # Python source files only: the compiled search (skills/libckwalk.so) is a C library,
    # loaded by careerkit.skills._walk, not a module
    public = sorted(p.name for p in folder.glob("*.py") if not p.name.startswith("_"))
    assert public == [], f"{name} has public implementation modules: {public}"


def test_the_documented_calls_still_work_through_the_packages():
    # the renamed modules stay reachable under their public names
    import careerkit as ck

    assert ck.goals.check_smart.__module__ == "careerkit.goals._smart"
    assert ck.skills.Taxonomy.__module__ == "careerkit.skills._taxonomy"
    assert callable(ck.skills.gap)  # the function, not a module named gap
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("careerkit.goals.smart")
