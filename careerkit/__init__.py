"""careerkit — a Jupyter career assessment workbook.

Three steps — interests (Holland RIASEC), a skills gap against real job postings, and SMART
goals — with the logic in plain functions on plain data. The step modules load lazily so that
``import careerkit`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from careerkit.errors import CareerkitError, DataError, InputError, WorkbookError

__version__ = "0.1.0"

__all__ = [
    "CareerkitError",
    "DataError",
    "InputError",
    "Workbook",
    "WorkbookError",
    "__version__",
    "charts",
    "cohort",
    "datasets",
    "goals",
    "interests",
    "occupations",
    "onet",
    "open_current",
    "report",
    "results",
    "skills",
    "values",
]

_SUBMODULES = {"onet", "datasets", "interests", "skills", "goals", "charts", "report", "cohort",
               "workbook", "results", "values", "occupations"}
_FROM_WORKBOOK = {"Workbook", "open_current"}

if TYPE_CHECKING:  # pragma: no cover
    from careerkit import charts, datasets, goals, interests, occupations, onet, skills, values
    from careerkit.workbook import Workbook, open_current


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        module = importlib.import_module(f"careerkit.{name}")
        globals()[name] = module
        return module
    if name in _FROM_WORKBOOK:
        value = getattr(importlib.import_module("careerkit.workbook"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'careerkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
