"""Finding a target role: search the bundled O*NET occupations by title or keyword."""

from __future__ import annotations

import re

import pandas as pd

from careerkit import datasets
from careerkit.errors import DataError, InputError

__all__ = ["find_roles"]

_WORD = re.compile(r"[\w+#.]+")


def _words(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(text.casefold()) if w.strip(".")]


def find_roles(query: str, limit: int = 20) -> pd.DataFrame:
    """Occupations whose title, or whose O*NET technology examples, match ``query``.

    Title matches come first (the whole query inside the title, then titles containing every
    word of it, then titles containing some of its words), then occupations whose O*NET
    technology-skill examples mention the query (e.g. "Python", "AutoCAD").

    Returns
    -------
    pandas.DataFrame
        ``soc_code, title, job_zone, rated`` (there are skill ratings to rate against: its own,
        or those of its most related rated occupation), ``why`` (which part matched) and
        ``ratings_from`` ("own", "related occupation", "newer release" or "" for none), at most
        ``limit`` rows.

    Raises
    ------
    InputError
        ``query`` is empty.
    """
    words = _words(query or "")
    if not words:
        raise InputError("Type part of a job title or a keyword (for example: nurse, Python).")
    phrase = " ".join(words)
    occupations = datasets.occupations()
    own = set(datasets.occupation_ratings()["soc_code"])
    sources = datasets.rating_sources()
    borrowed = dict(zip(sources["soc_code"], sources["source"], strict=True))
    borrowed = {
        soc: ("related occupation" if how == "related occupation" else "newer release")
        for soc, how in borrowed.items()
    }
    title_words = occupations["title"].map(lambda t: set(_words(t)))
    folded = occupations["title"].str.casefold()
    exact = folded.str.contains(phrase, regex=False)
    every = title_words.map(lambda ws: all(w in ws for w in words))
    some = title_words.map(lambda ws: sum(w in ws for w in words))
    score = exact * 1000 + every * 100 + some * 10
    found = occupations.assign(_score=score, _length=occupations["title"].str.len())
    found = found[found["_score"] > 0].sort_values(
        ["_score", "_length", "title"], ascending=[False, True, True]
    )
    found = found.assign(why="title")
    if len(found) < limit:
        try:
            tech = datasets.technology()
        except DataError:
            tech = None
        if tech is not None:
            hits = tech[tech["example"].str.casefold().str.contains(phrase, regex=False)]
            extra = occupations[
                occupations["soc_code"].isin(hits["soc_code"])
                & ~occupations["soc_code"].isin(found["soc_code"])
            ]
            examples = hits.groupby("soc_code")["example"].first()
            # astype(str): with no extra rows, pandas 2.2 maps to an empty float column
            uses = "uses " + extra["soc_code"].map(examples).astype(str)
            extra = extra.assign(why=uses).sort_values("title")
            found = pd.concat([found, extra])
    out = found.head(limit)[["soc_code", "title", "job_zone", "why"]].reset_index(drop=True)
    ratings_from = out["soc_code"].map(lambda soc: "own" if soc in own else borrowed.get(soc, ""))
    out.insert(3, "rated", ratings_from.ne("").astype(bool))
    out["ratings_from"] = ratings_from
    return out
