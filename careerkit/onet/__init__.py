"""Readers for an O*NET database release (text and Excel editions).

``load_release(folder)`` returns an :class:`OnetRelease` whose frames load lazily, the first
time they are used: a release folder may hold only some of O*NET's files, and a missing file is
an error only when its frame is asked for.

Both official editions are read: the text edition (tab-separated ``.txt``, UTF-8, a header row)
and the Excel edition (``.xlsx``; it adds ``Title`` and ``Scale Name`` columns and stores numbers
as numbers). Columns are chosen by their O*NET names, so extra columns are ignored. File names of
releases before 30.3 and of 30.3 (``Interests`` / ``Career Interest Types``, ``Technology Skills``
/ ``Software Skills``, ``Skills`` / ``Essential Skills`` + ``Transferable Skills``) are accepted.

Scales and codes follow the O*NET data dictionary (https://www.onetcenter.org/dictionary/):
``OI`` occupational interest 1–7 and ``IH`` interest high points (0 = none, 1 = R … 6 = C);
``IM`` importance 1–5 and ``LV`` level 0–7 for skills and knowledge; ``EX`` work-value extent 1–7
and ``VH`` work-value high points (0 = none, 1–6 = the six values in element order).

O*NET data are licensed CC BY 4.0 by USDOL/ETA; see ``data/README.md`` for the credit.

Frames (snake_case columns; one row per occupation, or per occupation × element):

``occupations``
    soc_code, title, description
``interests`` (wide)
    soc_code, R, I, A, S, E, C (OI, 1–7), high_point_1..3 (letters, "" for none)
``job_zones``
    soc_code, job_zone (Int64, 1–5), date
``skills`` / ``knowledge`` (IM and LV side by side, one row per occupation × element)
    soc_code, element_id, element_name, importance (IM 1–5), level (LV 0–7),
    not_relevant (bool, from the LV row's ``Not Relevant = Y``), suppress (bool, ``Recommend
    Suppress = Y`` on either row); ``skills`` adds skill_group: "" for a ``Skills`` file,
    "essential" / "transferable" for the 30.3 split files
``technology``
    soc_code, example, commodity_code (str), commodity_title, hot_technology (bool),
    in_demand (pandas ``boolean``; <NA> when the release has no ``In Demand`` column, as 27.0)
``work_values`` (wide)
    soc_code, achievement, working_conditions, recognition, relationships, support,
    independence (EX, 1–7), high_point_1..3 (value names as above, "" for none)
``related_occupations``
    soc_code, related_soc_code, related_title, tier (e.g. "Primary-Short"), index (O*NET's
    order of relatedness, 1 = most related)
``level_anchors``
    element_id, element_name, scale_id ("LV"), anchor_value (0–7), anchor_description (O*NET's
    example of that level, e.g. level 4 of Oral Comprehension)
"""

from __future__ import annotations

import re
import warnings
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit.errors import DataError
from careerkit.onet._files import (
    SOC_PATTERN,
    check_soc,
    flags,
    no_duplicates,
    numbers,
    read_table,
    where,
    wide_profile,
)

__all__ = [
    "FRAMES",
    "RIASEC",
    "SOC_PATTERN",
    "WORK_VALUES",
    "OnetRelease",
    "UnknownReleaseWarning",
    "load_release",
    "read_table",
]

RIASEC = ("R", "I", "A", "S", "E", "C")
WORK_VALUES = (
    "achievement",
    "working_conditions",
    "recognition",
    "relationships",
    "support",
    "independence",
)

# O*NET content-model element IDs (data dictionary, "Interests" and "Work Values").
_INTEREST_IDS = dict(
    zip(("1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f"), RIASEC, strict=True)
)
_INTEREST_NAMES = dict(
    zip(
        ("realistic", "investigative", "artistic", "social", "enterprising", "conventional"),
        RIASEC,
        strict=True,
    )
)
_INTEREST_HIGH_IDS = {
    "1.B.1.g": "high_point_1",
    "1.B.1.h": "high_point_2",
    "1.B.1.i": "high_point_3",
}
_VALUE_IDS = dict(
    zip(
        ("1.B.2.a", "1.B.2.b", "1.B.2.c", "1.B.2.d", "1.B.2.e", "1.B.2.f"), WORK_VALUES, strict=True
    )
)
_VALUE_HIGH_IDS = {"1.B.2.g": "high_point_1", "1.B.2.h": "high_point_2", "1.B.2.i": "high_point_3"}

# Frame name -> accepted file names (without extension), current names first where 30.3 renamed.
FRAMES: dict[str, tuple[str, ...]] = {
    "occupations": ("Occupation Data",),
    "interests": ("Interests", "Career Interest Types"),
    "job_zones": ("Job Zones",),
    "skills": ("Skills", "Essential Skills", "Transferable Skills"),
    "knowledge": ("Knowledge",),
    "technology": ("Technology Skills", "Software Skills"),
    "work_values": ("Work Values",),
    "related_occupations": ("Related Occupations",),
    "level_anchors": ("Level Scale Anchors",),
}
_SKILL_GROUPS = {
    "skills": "",
    "essential skills": "essential",
    "transferable skills": "transferable",
}

# Release dates of the releases we have met, for folders without ``Read Me.txt`` (O*NET
# database release history, https://www.onetcenter.org/db_releases.html).
KNOWN_RELEASE_DATES = {
    "27.0": "August 2022",
    "29.2": "February 2025",
    "29.3": "May 2025",
    "30.1": "December 2025",
}

_SOC = "O*NET-SOC Code"
_RATING_COLUMNS = {
    _SOC: "soc_code",
    "Element ID": "element_id",
    "Element Name": "element_name",
    "Scale ID": "scale_id",
    "Data Value": "value",
}


class UnknownReleaseWarning(UserWarning):
    """The release number of an O*NET folder could not be found."""


# --------------------------------------------------------------------------- the release


def _release_from_readme(text: str) -> tuple[str | None, str | None]:
    number = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", text)
    date = re.search(r"^\s*([A-Z][a-z]+ \d{4}) Release", text, re.MULTILINE)
    return (number.group(1) if number else None, date.group(1) if date else None)


def _release_from_name(name: str) -> str | None:
    match = re.search(r"(?<!\d)(\d{2})[._](\d)(?!\d)", name)
    return f"{match.group(1)}.{match.group(2)}" if match else None


class OnetRelease:
    """One O*NET release folder; frames are read on first use and then cached.

    Use :func:`load_release` to create one. Attributes: ``folder``, ``release`` (e.g. "30.1" or
    "unknown"), ``date`` (e.g. "December 2025" or None), ``edition`` ("text", "excel" or
    "mixed"), and the frames listed in this module's docstring.
    """

    def __init__(
        self,
        folder: Path,
        release: str,
        date: str | None,
        job_zones_from: OnetRelease | None = None,
    ) -> None:
        self.folder = folder
        self.release = release
        self.date = date
        self._job_zones_from = job_zones_from
        self._names = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}

    def __repr__(self) -> str:
        jz = (
            f", job_zones_from={self._job_zones_from.release!r}"
            if self._job_zones_from is not None
            else ""
        )
        return f"OnetRelease({self.release!r}, folder={str(self.folder)!r}{jz})"

    # -- files

    def _find(self, stem: str) -> Path | None:
        for suffix in (".txt", ".xlsx"):  # the text edition is much faster to read
            path = self._names.get(f"{stem}{suffix}".lower())
            if path is not None:
                return path
        return None

    def files(self, frame: str) -> tuple[Path, ...]:
        """The file(s) a frame is read from; empty when the release lacks them."""
        if frame == "job_zones" and self._job_zones_from is not None:
            return self._job_zones_from.files(frame)
        if frame not in FRAMES:
            raise KeyError(f"unknown frame {frame!r}; expected one of {', '.join(FRAMES)}")
        if frame == "skills":
            single = self._find("Skills")
            if single is not None:
                return (single,)
            return tuple(p for s in FRAMES[frame][1:] if (p := self._find(s)) is not None)
        for stem in FRAMES[frame]:
            path = self._find(stem)
            if path is not None:
                return (path,)
        return ()

    def has(self, frame: str) -> bool:
        """Whether the release holds the file(s) for ``frame``."""
        return bool(self.files(frame))

    def _require(self, frame: str) -> tuple[Path, ...]:
        paths = self.files(frame)
        if not paths:
            names = " or ".join(f"'{s}.txt'/'{s}.xlsx'" for s in FRAMES[frame])
            raise DataError(
                f"O*NET {self.release} folder {self.folder} has no {names}: needed for "
                f"{frame.replace('_', ' ')}. Use a release folder that contains it."
            )
        return paths

    def source(self, frame: str) -> dict[str, Any]:
        """Provenance of one frame: release, date and file names."""
        owner = self._job_zones_from if (frame == "job_zones" and self._job_zones_from) else self
        return {
            "release": owner.release,
            "date": owner.date,
            "files": [p.name for p in owner.files(frame)],
            "folder": owner.folder.name,
        }

    @property
    def edition(self) -> str:
        kinds = {
            p.suffix.lower()
            for p in self._names.values()
            if p.suffix.lower() in (".txt", ".xlsx") and p.stem.lower() != "read me"
        }
        if kinds == {".xlsx"}:
            return "excel"
        return "mixed" if len(kinds) > 1 else "text"

    # -- frames

    @cached_property
    def occupations(self) -> pd.DataFrame:
        (path,) = self._require("occupations")
        frame = read_table(
            path, {_SOC: "soc_code", "Title": "title"}, {"Description": "description"}
        )
        check_soc(frame, path)
        no_duplicates(frame, ["soc_code"], path, "occupation")
        return frame.drop(columns="_line").reset_index(drop=True)

    @cached_property
    def interests(self) -> pd.DataFrame:
        (path,) = self._require("interests")
        frame = read_table(path, _RATING_COLUMNS)
        return wide_profile(
            frame,
            path,
            level_scale="OI",
            high_scale="IH",
            ids=_INTEREST_IDS,
            names=_INTEREST_NAMES,
            high_ids=_INTEREST_HIGH_IDS,
            labels=RIASEC,
            what="interest",
        )

    @cached_property
    def job_zones(self) -> pd.DataFrame:
        if self._job_zones_from is not None:
            return self._job_zones_from.job_zones
        (path,) = self._require("job_zones")
        frame = read_table(path, {_SOC: "soc_code", "Job Zone": "job_zone"}, {"Date": "date"})
        check_soc(frame, path)
        zone = numbers(frame, "job_zone", path, "the Job Zone", 1, 5)
        if not zone.eq(zone.round()).all():
            first = frame[zone.ne(zone.round())].iloc[0]
            raise DataError(
                f"{where(path, first['_line'])}: Job Zone {first['job_zone']!r}. "
                "Expected a whole number from 1 to 5."
            )
        frame["job_zone"] = zone.astype("Int64")
        no_duplicates(frame, ["soc_code"], path, "Job Zone")
        return frame.drop(columns="_line").reset_index(drop=True)

    def _ratings(self, frame_name: str) -> pd.DataFrame:
        parts = []
        for path in self._require(frame_name):
            frame = read_table(
                path,
                _RATING_COLUMNS,
                {"Recommend Suppress": "suppress", "Not Relevant": "not_relevant"},
            )
            check_soc(frame, path)
            frame = frame[frame["scale_id"].isin(["IM", "LV"])].copy()
            if frame.empty:
                raise DataError(
                    f"{path.name}: no IM or LV rows. Expected importance (IM) and "
                    "level (LV) ratings."
                )
            frame["value"] = numbers(frame, "value", path, "the Data Value", 0, 7)
            frame["suppress"] = flags(frame, "suppress", path, "Recommend Suppress")
            frame["not_relevant"] = flags(frame, "not_relevant", path, "Not Relevant")
            no_duplicates(frame, ["soc_code", "element_id", "scale_id"], path, "rating")
            im = frame[frame["scale_id"] == "IM"].set_index(["soc_code", "element_id"])
            lv = frame[frame["scale_id"] == "LV"].set_index(["soc_code", "element_id"])
            if (im["value"] < 1).any() or (im["value"] > 5).any():
                line = im.loc[(im["value"] < 1) | (im["value"] > 5), "_line"].iloc[0]
                raise DataError(
                    f"{where(path, line)}: an importance (IM) value outside the "
                    "scale. Expected a value from 1 to 5."
                )
            # merge on the index (not join): suffixes= works on pandas 2.2 and 3 alike, where
            # join's lsuffix/rsuffix are deprecated in 3 and suffixes= missing in 2.2
            both = im[["element_name", "value", "suppress"]].merge(
                lv[["element_name", "value", "suppress", "not_relevant"]],
                how="outer",
                left_index=True,
                right_index=True,
                suffixes=("_im", "_lv"),
            )
            out = pd.DataFrame(
                {
                    "element_name": both["element_name_im"].fillna(both["element_name_lv"]),
                    "importance": both["value_im"],
                    "level": both["value_lv"],
                    "not_relevant": both["not_relevant"].fillna(False).astype(bool),
                    "suppress": (
                        both["suppress_im"].fillna(False).astype(bool)
                        | both["suppress_lv"].fillna(False).astype(bool)
                    ),
                }
            ).reset_index()
            if frame_name == "skills":
                out["skill_group"] = _SKILL_GROUPS.get(path.stem.lower(), "")
            parts.append(out)
        return pd.concat(parts, ignore_index=True)

    @cached_property
    def skills(self) -> pd.DataFrame:
        return self._ratings("skills")

    @cached_property
    def knowledge(self) -> pd.DataFrame:
        return self._ratings("knowledge")

    @cached_property
    def technology(self) -> pd.DataFrame:
        (path,) = self._require("technology")
        frame = read_table(
            path,
            {
                _SOC: "soc_code",
                "Example": "example",
                "Commodity Code": "commodity_code",
                "Commodity Title": "commodity_title",
                "Hot Technology": "hot_technology",
            },
            {"In Demand": "in_demand"},
        )
        check_soc(frame, path)
        frame["hot_technology"] = flags(frame, "hot_technology", path, "Hot Technology")
        if frame["in_demand"].eq("").all():
            # Releases before In Demand existed (27.0): unknown, not "no".
            frame["in_demand"] = pd.array([pd.NA] * len(frame), dtype="boolean")
        else:
            frame["in_demand"] = flags(frame, "in_demand", path, "In Demand").astype("boolean")
        return frame.drop(columns="_line").reset_index(drop=True)

    @cached_property
    def work_values(self) -> pd.DataFrame:
        (path,) = self._require("work_values")
        frame = read_table(path, _RATING_COLUMNS)
        return wide_profile(
            frame,
            path,
            level_scale="EX",
            high_scale="VH",
            ids=_VALUE_IDS,
            names={v: v for v in WORK_VALUES},
            high_ids=_VALUE_HIGH_IDS,
            labels=WORK_VALUES,
            what="work value",
        )

    @cached_property
    def related_occupations(self) -> pd.DataFrame:
        return _related_occupations(self)

    @cached_property
    def level_anchors(self) -> pd.DataFrame:
        return _level_anchors(self)


def _related_occupations(release: OnetRelease) -> pd.DataFrame:
    (path,) = release._require("related_occupations")
    frame = read_table(
        path,
        {
            _SOC: "soc_code",
            "Related O*NET-SOC Code": "related_soc_code",
            "Relatedness Tier": "tier",
            "Index": "index",
        },
        {"Related Title": "related_title"},
    )
    check_soc(frame, path)
    bad = ~frame["related_soc_code"].str.fullmatch(SOC_PATTERN)
    if bad.any():
        first = frame[bad].iloc[0]
        raise DataError(
            f"{where(path, first['_line'])}: Related O*NET-SOC Code "
            f"{first['related_soc_code']!r}. Expected a code such as 15-1252.00."
        )
    frame["index"] = numbers(frame, "index", path, "the Index", 1, 10_000).astype("int64")
    no_duplicates(frame, ["soc_code", "related_soc_code"], path, "related occupation")
    columns = ["soc_code", "related_soc_code", "related_title", "tier", "index"]
    return frame[columns].sort_values(["soc_code", "index"]).reset_index(drop=True)


def _level_anchors(release: OnetRelease) -> pd.DataFrame:
    (path,) = release._require("level_anchors")
    frame = read_table(
        path,
        {
            "Element ID": "element_id",
            "Element Name": "element_name",
            "Scale ID": "scale_id",
            "Anchor Value": "anchor_value",
            "Anchor Description": "anchor_description",
        },
    )
    frame["anchor_value"] = numbers(frame, "anchor_value", path, "the Anchor Value", 0, 7)
    no_duplicates(frame, ["element_id", "scale_id", "anchor_value"], path, "level anchor")
    columns = ["element_id", "element_name", "scale_id", "anchor_value", "anchor_description"]
    return frame[columns].sort_values(["element_id", "anchor_value"]).reset_index(drop=True)


def load_release(
    folder: Path | str, *, job_zones_from: Path | str | OnetRelease | None = None
) -> OnetRelease:
    """Open an O*NET release folder (text or Excel edition, any release from 27.0 on).

    Parameters
    ----------
    folder
        A folder of O*NET files, e.g. ``db_30_1_text`` from the official zip.
    job_zones_from
        Another release folder (or :class:`OnetRelease`) to take ``job_zones`` from, for a
        release whose Job Zones are missing or older/newer than wanted (careerkit matches 30.1
        interests with 29.3 Job Zones). ``.source("job_zones")`` then names that release.

    Returns
    -------
    OnetRelease
        Frames are read lazily; ``release`` comes from ``Read Me.txt``, else the folder name
        (``db_30_1_text`` -> "30.1"), else "unknown" with an :class:`UnknownReleaseWarning`.

    Examples
    --------
    >>> release = load_release("../shared/data/onet/db_30_1_text")  # doctest: +SKIP
    >>> release.interests.loc[0, ["soc_code", "R"]].tolist()       # doctest: +SKIP
    ['11-1011.00', 1.3]
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(
            f"{folder} is not a folder: expected an O*NET release folder "
            "(e.g. db_30_1_text from the O*NET database zip)."
        )
    readme = next(
        (p for p in folder.iterdir() if p.name.lower() in ("read me.txt", "readme.txt")), None
    )
    release = date = None
    if readme is not None:
        release, date = _release_from_readme(readme.read_text(encoding="utf-8", errors="replace"))
    if release is None:
        release = _release_from_name(folder.name)
    if release is None:
        warnings.warn(
            f"could not tell which O*NET release {folder} is (no 'Read Me.txt' and no number "
            "such as 30_1 in the folder name); reporting it as 'unknown'.",
            UnknownReleaseWarning,
            stacklevel=2,
        )
        release = "unknown"
    if date is None:
        date = KNOWN_RELEASE_DATES.get(release)
    other = None
    if job_zones_from is not None:
        other = (
            job_zones_from
            if isinstance(job_zones_from, OnetRelease)
            else load_release(job_zones_from)
        )
    return OnetRelease(folder, release, date, job_zones_from=other)
