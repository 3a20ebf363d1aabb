"""The bundled illustrative job postings: written by the careerkit authors, not real vacancies.

``data/samples/postings.jsonl`` holds short postings for about a dozen common roles, each with
the O*NET-SOC code of the role it illustrates and ``illustrative: true``; every one names
"Example employer". They let a workshop try the skills step before anyone brings real postings.
"""

from __future__ import annotations

import json
from functools import cache

import pandas as pd

from careerkit import datasets
from careerkit.errors import DataError
from careerkit.skills._postings import _normalise

__all__ = ["sample_postings", "sample_roles"]


def sample_roles() -> pd.DataFrame:
    """Roles with bundled illustrative postings: ``soc_code, title, postings`` (count)."""
    samples = _samples()
    roles = samples.groupby("soc_code", sort=True).agg(postings=("title", "size")).reset_index()
    titles = datasets.occupations().set_index("soc_code")["title"]
    roles.insert(1, "title", roles["soc_code"].map(titles).fillna(""))
    return roles


def sample_postings(soc_code: str | None = None) -> pd.DataFrame:
    """The bundled illustrative postings, optionally only those for one O*NET-SOC code.

    These are written by the careerkit authors to show how the step works; they describe no real
    vacancy and no real employer (every one says "Example employer"). Besides the standard
    columns the frame has ``soc_code`` and ``illustrative`` (always ``True``). A code without
    samples gives an empty frame; :func:`sample_roles` lists the codes that have some.
    """
    samples = _samples()
    if soc_code is not None:
        samples = samples[samples["soc_code"] == str(soc_code).strip()]
    out = samples.reset_index(drop=True).copy()
    out.attrs.update(
        source="careerkit sample postings (illustrative)",
        format="jsonl",
        encoding="utf-8",
        illustrative=True,
    )
    return out


@cache
def _samples() -> pd.DataFrame:
    path = datasets.data_dir() / "samples" / "postings.jsonl"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"the bundled sample postings are missing: {path}") from None
    rows = []
    for lineno, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}, line {lineno}: not valid JSON ({exc.msg}).") from None
    frame = pd.DataFrame(rows)
    out = _normalise(frame, str(path))
    out["soc_code"] = frame["soc_code"].astype(str).to_numpy()
    out["illustrative"] = frame["illustrative"].astype(bool).to_numpy()
    out.attrs.clear()
    return out
