"""Bundled data: compact tables derived from O*NET by ``scripts/build_data.py``.

(First cut; the data-layer work in issue 2 adds validation and provenance.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

__all__ = ["data_dir", "occupation_ratings", "occupations", "technology", "work_values"]

RIASEC = list("RIASEC")


def data_dir() -> Path:
    """Folder of the bundled tables: ``careerkit/_data`` in a wheel, ``data/`` in a checkout."""
    packaged = Path(__file__).with_name("_data")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / "data"


@cache
def _occupations() -> pd.DataFrame:
    return pd.read_csv(
        data_dir() / "occupations.csv",
        dtype={"soc_code": str, "job_zone": "Int64"},
        keep_default_na=False,
        na_values={"job_zone": [""]},
    )


def occupations() -> pd.DataFrame:
    """Occupations with O*NET interest profiles: soc_code, title, job_zone, R … C, high points."""
    return _occupations().copy()


@cache
def _occupation_ratings() -> pd.DataFrame:
    ratings = pd.read_csv(data_dir() / "occupation_ratings.csv", dtype={"soc_code": str})
    elements = pd.read_csv(data_dir() / "elements.csv")
    return ratings.merge(elements[["element_id", "element_name"]], on="element_id", how="left")


def occupation_ratings() -> pd.DataFrame:
    """O*NET skills and knowledge per occupation: soc_code, element_id, element_name, kind,
    importance (IM 1–5), level (LV 0–7), not_relevant, suppress."""
    return _occupation_ratings().copy()


@cache
def _technology() -> pd.DataFrame:
    return pd.read_csv(
        data_dir() / "technology.csv", dtype={"soc_code": str, "commodity_code": str}
    )


def technology() -> pd.DataFrame:
    """O*NET technology skills: soc_code, example, commodity_code, commodity_title,
    hot_technology, in_demand."""
    return _technology().copy()


@cache
def _work_values() -> pd.DataFrame:
    return pd.read_csv(data_dir() / "work_values.csv", dtype={"soc_code": str})


def work_values() -> pd.DataFrame:
    """O*NET work values (extent, 1–7) per occupation."""
    return _work_values().copy()
