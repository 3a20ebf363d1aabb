"""Rows of a pandas table, for code that reads them by column name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd


def table_rows(frame: pd.DataFrame) -> Iterable[Any]:
    """``frame.itertuples(index=False)``: one named tuple per row, its fields the columns.

    Typed ``Any`` because the fields are the frame's columns, which a type checker cannot see
    (pandas-stubs types every field as any scalar pandas knows)."""
    return frame.itertuples(index=False)
