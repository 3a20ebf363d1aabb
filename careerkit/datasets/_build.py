"""Derive the compact careerkit tables from O*NET releases read by :mod:`careerkit.onet`.

Used by ``scripts/build_data.py`` (the bundled ``data/``) and ``careerkit data update`` (the
user's data folder). Each table records where it came from in ``provenance.json``; tables a
release cannot provide are copied, with their provenance, from a fallback folder.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from careerkit._frames import table_rows
from careerkit.datasets import (
    HIGH_POINTS,
    PROVENANCE_FILE,
    RIASEC,
    TABLES,
    TEXT,
    WORK_VALUES,
    coverage_frame,
    coverage_summary,
    provenance,
)
from careerkit.errors import DataError
from careerkit.onet import OnetRelease

__all__ = ["PARTS", "build_tables", "render_readme"]

#: What a build can take from a release: part -> the OnetRelease frames it needs.
PARTS: dict[str, tuple[str, ...]] = {
    "interests": ("interests",),
    "titles": ("occupations",),
    "job_zones": ("job_zones",),
    "ratings": ("skills", "knowledge"),
    "technology": ("technology",),
    "work_values": ("work_values",),
    # issue 11: occupations without ratings in the ratings release
    "ratings_fill": ("skills",),
    "related": ("related_occupations",),
    "anchors": ("level_anchors",),
}
# Table -> the parts it is built from (the first is its main release).
_TABLE_PARTS = {
    "occupations": ("interests", "titles", "job_zones"),
    "occupation_ratings": ("ratings",),
    "elements": ("ratings",),
    "technology": ("technology",),
    "commodities": ("technology",),
    "work_values": ("work_values",),
    "descriptions": ("titles",),
    "rating_sources": ("related",),
    "level_anchors": ("anchors",),
}
#: Tables a build writes empty (instead of failing) when neither a release nor the previous
#: tables provide them.
_OPTIONAL = ("rating_sources", "level_anchors")


def _source(part: str, release: OnetRelease) -> dict:
    frames = PARTS[part]
    info = release.source(frames[0])
    files = [name for frame in frames for name in release.source(frame)["files"]]
    return {
        "part": part,
        "release": info["release"],
        "date": info["date"],
        "folder": info["folder"],
        "files": files,
    }


def _occupations(
    sources: Mapping[str, OnetRelease],
    fallback: pd.DataFrame | None,
    fallback_zone_source: dict | None,
) -> tuple[pd.DataFrame, list[dict], list[str]]:
    interests = sources["interests"].interests
    titles_from = sources.get("titles", sources["interests"])
    titles = titles_from.occupations[["soc_code", "title"]]
    out = interests.merge(titles, on="soc_code", how="left")
    untitled = out.loc[out["title"].isna(), "soc_code"].tolist()
    if untitled:
        raise DataError(
            f"{len(untitled)} occupation(s) with interest profiles have no title in O*NET "
            f"{titles_from.release} Occupation Data (first: {untitled[0]}); use a titles release "
            "that lists them."
        )
    used = [_source("interests", sources["interests"]), _source("titles", titles_from)]
    notes = []
    if "job_zones" in sources:
        zones = sources["job_zones"].job_zones[["soc_code", "job_zone"]]
        used.append(_source("job_zones", sources["job_zones"]))
    elif fallback is not None:
        zones = fallback[["soc_code", "job_zone"]]
        if fallback_zone_source:
            used.append(fallback_zone_source)
        notes.append("Job Zones kept from the previous tables (the release has none).")
    else:
        zones = pd.DataFrame(
            {"soc_code": pd.Series(dtype="str"), "job_zone": pd.Series(dtype="Int64")}
        )
        notes.append("No Job Zones: job_zone is empty.")
    out = out.merge(zones, on="soc_code", how="left")
    out["job_zone"] = out["job_zone"].astype("Int64")
    columns = ["soc_code", "title", "job_zone", *RIASEC, *HIGH_POINTS]
    return out[columns].sort_values("soc_code").reset_index(drop=True), used, notes


def _ratings(release: OnetRelease) -> tuple[pd.DataFrame, pd.DataFrame]:
    parts, names = [], []
    for kind, frame in (("skill", release.skills), ("knowledge", release.knowledge)):
        parts.append(frame.assign(kind=kind))
        names.append(
            frame[["element_id", "element_name"]].drop_duplicates("element_id").assign(kind=kind)
        )
    ratings = pd.concat(parts, ignore_index=True)
    missing = ratings["importance"].isna() | ratings["level"].isna()
    if missing.any():
        first = ratings[missing].iloc[0]
        raise DataError(
            f"O*NET {release.release}: {first['soc_code']} {first['element_id']} has "
            "importance without level (or the reverse); expected both IM and LV."
        )
    ratings = ratings.sort_values(["soc_code", "kind", "element_id"], ascending=[True, False, True])
    ratings = ratings.assign(
        not_relevant=ratings["not_relevant"].astype("int8"),
        suppress=ratings["suppress"].astype("int8"),
    )
    table = ratings[
        ["soc_code", "element_id", "kind", "importance", "level", "not_relevant", "suppress"]
    ]
    elements = pd.concat(names, ignore_index=True).sort_values(
        ["kind", "element_id"], ascending=[False, True]
    )
    return table.reset_index(drop=True), elements.reset_index(drop=True)


def _technology(release: OnetRelease) -> tuple[pd.DataFrame, pd.DataFrame]:
    tech = release.technology
    titles = tech[["commodity_code", "commodity_title"]].drop_duplicates("commodity_code")
    table = pd.DataFrame(
        {
            "soc_code": tech["soc_code"],
            "example": tech["example"],
            "commodity_code": tech["commodity_code"],
            "hot_technology": tech["hot_technology"].astype("int8"),
            "in_demand": tech["in_demand"].astype("Int8"),
        }
    ).sort_values(["soc_code", "example"], kind="stable")
    return table.reset_index(drop=True), titles.sort_values("commodity_code").reset_index(drop=True)


def _fill_ratings(
    ratings: pd.DataFrame, occupations: pd.DataFrame, fill: OnetRelease | None
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Ratings for occupations the ratings release leaves out, from a newer release that rates
    them (skills, and knowledge when that release has it). Returns the added rows, one
    ``rating_sources`` row per occupation filled, and notes."""
    unrated = sorted(set(occupations["soc_code"]) - set(ratings["soc_code"]))
    empty = ratings.iloc[0:0]
    if fill is None or not unrated:
        return empty, _sources_frame([]), []
    found, _ = _ratings_of(fill, unrated)
    filled = sorted(set(found["soc_code"]))
    notes = [
        f"Checked O*NET {fill.release} ({', '.join(fill.source('skills')['files'])}) for the "
        f"{len(unrated)} occupations without ratings: {len(filled)} rated there."
    ]
    rows = [
        {
            "soc_code": soc,
            "source": f"O*NET {fill.release}",
            "source_soc_code": soc,
            "source_title": "",
            "release": fill.release,
            "tier": "",
            "index": pd.NA,
        }
        for soc in filled
    ]
    return found, _sources_frame(rows), notes


def _ratings_of(release: OnetRelease, codes: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    parts = []
    for kind, frame_name in (("skill", "skills"), ("knowledge", "knowledge")):
        if not release.has(frame_name):
            continue
        frame = getattr(release, frame_name)
        frame = frame[frame["soc_code"].isin(codes)]
        parts.append(frame.assign(kind=kind))
    if not parts:
        return pd.DataFrame(columns=_RATING_TABLE_COLUMNS), pd.DataFrame()
    rows = pd.concat(parts, ignore_index=True).dropna(subset=["importance", "level"])
    rows = rows.assign(
        not_relevant=rows["not_relevant"].astype("int8"), suppress=rows["suppress"].astype("int8")
    )
    return rows[_RATING_TABLE_COLUMNS].reset_index(drop=True), rows


_RATING_TABLE_COLUMNS = [
    "soc_code", "element_id", "kind", "importance", "level", "not_relevant", "suppress"
]
_SOURCE_COLUMNS = [
    "soc_code", "source", "source_soc_code", "source_title", "release", "tier", "index"
]


def _sources_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=_SOURCE_COLUMNS)
    frame["index"] = frame["index"].astype("Int64")
    return frame


def _related_sources(
    ratings: pd.DataFrame, occupations: pd.DataFrame, related: OnetRelease
) -> pd.DataFrame:
    """For each occupation still without ratings: the most related occupation (O*NET's Related
    Occupations, in its tier and index order) that has ratings."""
    rated = set(ratings["soc_code"])
    unrated = sorted(set(occupations["soc_code"]) - rated)
    links = related.related_occupations
    links = links[links["soc_code"].isin(unrated) & links["related_soc_code"].isin(rated)]
    tiers = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}
    links = links.assign(_tier=links["tier"].map(tiers).fillna(3)).sort_values(
        ["soc_code", "_tier", "index"], kind="stable"
    )
    best = links.drop_duplicates("soc_code")
    titles = dict(zip(occupations["soc_code"], occupations["title"], strict=True))
    return _sources_frame(
        [
            {
                "soc_code": row.soc_code,
                "source": "related occupation",
                "source_soc_code": row.related_soc_code,
                "source_title": titles.get(row.related_soc_code, row.related_title),
                "release": related.release,
                "tier": row.tier,
                "index": int(row.index),
            }
            for row in table_rows(best)
        ]
    )


def _anchors(release: OnetRelease, elements: pd.DataFrame) -> pd.DataFrame:
    """O*NET's level anchors for the rated skills and knowledge areas (the LV scale)."""
    anchors = release.level_anchors
    anchors = anchors[
        (anchors["scale_id"] == "LV") & anchors["element_id"].isin(elements["element_id"])
    ]
    return anchors[["element_id", "anchor_value", "anchor_description"]].reset_index(drop=True)


def _write(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n")


def _unrated_roles(sources, frames, tables, record, keep) -> None:
    """Issue 11: occupations with an interest profile but no ratings in the ratings release get
    them from a newer release that rates them (``ratings_fill``), else from their most related
    rated occupation (``related``), and ``rating_sources.csv`` records which; the level anchors
    (``anchors``) explain what a level means."""
    notes: list[str] = []
    fill = sources.get("ratings_fill")
    if fill is not None and fill.release != tables["occupation_ratings"]["release"]:
        added, filled, notes = _fill_ratings(
            frames["occupation_ratings"], frames["occupations"], fill
        )
        if len(added):
            ratings = pd.concat([frames["occupation_ratings"], added], ignore_index=True)
            ratings = ratings.sort_values(
                ["soc_code", "kind", "element_id"], ascending=[True, False, True]
            ).reset_index(drop=True)
            info = tables["occupation_ratings"]
            record("occupation_ratings", ratings, [*info["sources"], _source("ratings_fill", fill)])
    else:
        filled = _sources_frame([])
    if "related" in sources:
        related = _related_sources(
            frames["occupation_ratings"], frames["occupations"], sources["related"]
        )
        table = pd.concat([filled, related], ignore_index=True).sort_values("soc_code")
        used = [_source("related", sources["related"])]
        if len(filled):
            used.append(_source("ratings_fill", fill))
        record("rating_sources", table.reset_index(drop=True), used, notes)
    else:
        keep("rating_sources")
    if "anchors" in sources:
        record(
            "level_anchors",
            _anchors(sources["anchors"], frames["elements"]),
            [_source("anchors", sources["anchors"])],
        )
    else:
        keep("level_anchors")


def build_tables(
    out: Path | str,
    sources: Mapping[str, OnetRelease],
    *,
    fallback: Path | str | None = None,
    descriptions: bool = False,
    builder: str = "careerkit",
) -> dict:
    """Write careerkit's tables (and ``provenance.json``, ``README.md``) into ``out``.

    Parameters
    ----------
    out
        The folder to write; only careerkit's table files there are replaced.
    sources
        Part -> release: ``interests`` (and ``titles``, default the same release), ``job_zones``,
        ``ratings`` (skills and knowledge), ``technology``, ``work_values``. See :data:`PARTS`.
    fallback
        A complete data folder (e.g. the bundled one) to copy tables from when ``sources`` has
        no release for them; their provenance is copied too.
    descriptions
        Also write ``descriptions.csv`` (O*NET's occupation descriptions; not bundled).

    Returns
    -------
    dict
        The provenance written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    fallback = Path(fallback) if fallback is not None else None
    old = provenance(fallback) if fallback is not None else {}
    unknown = set(sources) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown source part(s) {sorted(unknown)}; expected {sorted(PARTS)}")

    frames: dict[str, pd.DataFrame] = {}
    tables: dict[str, dict] = {}

    def record(name: str, frame: pd.DataFrame, used: list[dict], notes: Sequence[str] = ()) -> None:
        frames[name] = frame
        _write(frame, out / TABLES[name].file)
        main = used[0] if used else {"release": "unknown", "date": None}
        tables[name] = {
            "file": TABLES[name].file,
            "rows": len(frame),
            "columns": list(frame.columns),
            "release": main["release"],
            "date": main["date"],
            "sources": used,
            "notes": list(notes),
        }

    def keep(name: str) -> None:
        if name in _OPTIONAL and (fallback is None or name not in old.get("tables", {})):
            columns = list(TABLES[name].columns)
            record(name, pd.DataFrame(columns=columns), [], ["Not built: no release given."])
            return
        if fallback is None or name not in old.get("tables", {}):
            parts = " and ".join(_TABLE_PARTS[name])
            raise DataError(
                f"no O*NET release given for {parts}, and no previous tables to keep "
                f"{TABLES[name].file} from."
            )
        shutil.copyfile(fallback / TABLES[name].file, out / TABLES[name].file)
        from careerkit.datasets import _table

        frames[name] = _table(name, fallback)
        tables[name] = {
            **old["tables"][name],
            "notes": [*old["tables"][name].get("notes", []), "Kept from the previous tables."],
        }

    previous = None
    if fallback is not None and "occupations" in old.get("tables", {}):
        from careerkit.datasets import _table

        previous = _table("occupations", fallback)
    zone_source = next(
        (
            s
            for s in old.get("tables", {}).get("occupations", {}).get("sources", [])
            if s.get("part") == "job_zones"
        ),
        None,
    )

    if "interests" in sources:
        record("occupations", *_occupations(sources, previous, zone_source))
    else:
        keep("occupations")
    if "ratings" in sources:
        ratings, elements = _ratings(sources["ratings"])
        used = [_source("ratings", sources["ratings"])]
        record("occupation_ratings", ratings, used)
        record("elements", elements, used)
    else:
        keep("occupation_ratings")
        keep("elements")
    _unrated_roles(sources, frames, tables, record, keep)
    if "technology" in sources:
        tech, commodities = _technology(sources["technology"])
        used = [_source("technology", sources["technology"])]
        notes = (
            []
            if tech["in_demand"].notna().all()
            else ["This release has no In Demand flags: in_demand is empty (unknown)."]
        )
        record("technology", tech, used, notes)
        record("commodities", commodities, used)
    else:
        keep("technology")
        keep("commodities")
    if "work_values" in sources:
        values = sources["work_values"].work_values[["soc_code", *WORK_VALUES]]
        record(
            "work_values",
            values.sort_values("soc_code").reset_index(drop=True),
            [_source("work_values", sources["work_values"])],
        )
    else:
        keep("work_values")
    description_file = out / TABLES["descriptions"].file
    if descriptions:
        release = sources.get("titles", sources.get("interests"))
        if release is None:
            raise DataError("descriptions need an O*NET release with Occupation Data.")
        text = release.occupations[["soc_code", "description"]]
        text = text[text["description"] != ""]
        record("descriptions", text.reset_index(drop=True), [_source("titles", release)])
    elif description_file.exists():
        description_file.unlink()  # stale: it would no longer match the other tables

    cover = coverage_frame(
        frames["occupations"],
        frames["occupation_ratings"],
        frames["technology"],
        frames["work_values"],
    )
    summary = coverage_summary(cover)
    info = {
        "built": dt.date.today().isoformat(),
        "builder": builder,
        "tables": tables,
        "coverage": {
            **summary,
            "without_skills_codes": cover.loc[~cover["skills"], "soc_code"].tolist(),
            "ratings_without_profile": int(
                (
                    ~frames["occupation_ratings"]["soc_code"]
                    .drop_duplicates()
                    .isin(frames["occupations"]["soc_code"])
                ).sum()
            ),
            "work_values_without_profile": int(
                (~frames["work_values"]["soc_code"].isin(frames["occupations"]["soc_code"])).sum()
            ),
        },
    }
    (out / PROVENANCE_FILE).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    (out / "README.md").write_text(render_readme(info, cover, out), encoding="utf-8")
    return info


_DESCRIBE = {
    "occupations": "occupations with an O*NET interest profile: code, title, Job Zone, the six "
    "occupational-interest ratings (OI, 1–7) and three high points",
    "occupation_ratings": "skill and knowledge ratings per occupation: importance (IM, 1–5), level "
    "(LV, 0–7), Not Relevant and Recommend Suppress flags (0/1)",
    "elements": "names of the rated skills and knowledge areas",
    "technology": "technology-skill examples per occupation with Hot Technology and In Demand "
    "flags (0/1)",
    "commodities": "commodity (software category) titles for technology.csv",
    "work_values": "work-value extents per occupation (EX, 1–7)",
    "descriptions": "O*NET occupation descriptions (only in a user's data folder)",
    "rating_sources": "where the ratings of occupations without their own come from: a newer "
    "release that rates them, else their most related rated occupation (O*NET Related "
    "Occupations: tier and index)",
    "level_anchors": "O*NET's level scale anchors (LV 0–7) for the rated skills and knowledge "
    "areas: an example of work at each anchored level",
}


def render_readme(info: dict, cover: pd.DataFrame, folder: Path) -> str:
    """``README.md`` for a data folder: tables, releases, the O*NET credit, coverage gaps."""
    releases = sorted(
        {s["release"] for t in info["tables"].values() for s in t["sources"]}, reverse=True
    )
    lines = [
        "# careerkit data tables",
        "",
        f"Built {info['built']} by {info['builder']} from O*NET database releases through "
        "`careerkit.onet.load_release`. Do not edit these files by hand: run "
        "`make data` (or `careerkit data update` for a user's copy). `provenance.json` records "
        "each table's release, source files and row count; careerkit checks the row counts "
        "when it loads a table.",
        "",
        "| file | what | rows | O*NET release (source files) |",
        "|---|---|---|---|",
    ]
    for name, table in info["tables"].items():
        sources = "; ".join(
            f"{s['part']}: {s['release']}"
            + (f" ({s['date']})" if s.get("date") else "")
            + f", {', '.join(s['files'])}"
            for s in table["sources"]
        )
        lines.append(
            f"| `{table['file']}` | {_DESCRIBE.get(name, name)} | {table['rows']:,} | {sources} |"
        )
    notes = [f"- `{t['file']}`: {n}" for t in info["tables"].values() for n in t.get("notes", [])]
    if notes:
        lines += ["", "Notes:", "", *notes]
    summary = info["coverage"]
    missing = cover.loc[~cover["skills"], ["soc_code", "title"]]
    lines += [
        "",
        "## Coverage: not every occupation has every kind of data",
        "",
        f"- {summary['occupations']} occupations have an interest profile (`occupations.csv`).",
        f"- {summary['without_job_zone']} of them have no Job Zone.",
        f"- {summary['without_skills']} have no skill ratings and "
        f"{summary['without_knowledge']} no knowledge ratings (listed below); careerkit tells "
        "the person so instead of showing a skills gap.",
        f"- {summary['without_technology']} have no technology skills and "
        f"{summary['without_work_values']} no work values.",
        f"- {info['coverage']['ratings_without_profile']} occupations have skill/knowledge "
        f"ratings but no interest profile, and {info['coverage']['work_values_without_profile']} "
        "have work values but no interest profile; they are kept in those tables.",
    ]
    if len(missing):
        borrowed = {}
        if (folder / TABLES["rating_sources"].file).is_file():
            from careerkit.datasets import _table

            rating_sources = _table("rating_sources", folder)
            borrowed = {row.soc_code: row for row in table_rows(rating_sources)}
        lines += [
            "",
            f"The {len(missing)} occupations without their own ratings take them from a newer "
            "release that rates them, else from their most related rated occupation in O*NET's "
            "Related Occupations (Primary-Short first, in O*NET's order); "
            "`rating_sources.csv` records which, and careerkit tells the person.",
            "",
            "<details><summary>Occupations with an interest profile but no skill "
            f"ratings ({len(missing)}) and where theirs come from</summary>",
            "",
        ]
        for row in missing.itertuples():
            src = borrowed.get(row.soc_code)
            where = (
                f" → {src.source}: {src.source_soc_code} {src.source_title}".rstrip()
                + (f" ({src.tier} #{src.index}, O*NET {src.release})" if src.tier else "")
                if src is not None
                else " → none"
            )
            lines.append(f"- {row.soc_code} {row.title}{where}")
        lines += ["", "</details>"]
    lines += [
        "",
        "## Origin and license",
        "",
        "The tables are facts and figures derived from the O*NET database (codes, titles, "
        "ratings, technology names), licensed under CC BY 4.0 "
        "(https://www.onetcenter.org/license_db.html). Occupation descriptions and task "
        "statements are O*NET's sentences and are not bundled. The level anchors in "
        "`level_anchors.csv` are O*NET's own short examples of each level (e.g. level 4 of "
        "Reading Comprehension), bundled unchanged under the same license and credit, so a "
        "person can see what a level means.",
        "",
        *[f"> {TEXT['credit'].format(release=r)}\n" for r in releases],
        TEXT["modified"],
        "",
        "O*NET data dictionary: https://www.onetcenter.org/dictionary/ (per release).",
        "",
        "## Updating to a newer O*NET release",
        "",
        "`careerkit data update PATH|URL [--sha256 HEX] [--job-zones-from FOLDER]` reads an "
        "O*NET release (a folder, its zip, or a URL downloaded with a required SHA-256 "
        "checksum) and writes rebuilt tables to the user's data folder: `$CAREERKIT_DATA` if "
        "set, else `$CAREERKIT_HOME/onet-data`, else `~/.local/share/careerkit`. careerkit then "
        "reads the tables from there instead of this bundled copy; tables the release lacks are "
        "kept from the current ones, and the update also stores O*NET's occupation descriptions. "
        "`careerkit data reset` goes back to the bundled tables; `careerkit data info` shows "
        "which tables are in use.",
    ]
    if (folder / "fit_bands.json").is_file():
        lines += [
            "",
            "## Fit bands",
            "",
            "`fit_bands.json` holds careerkit's own fit-band cut-offs, derived from these "
            "occupations by a seeded null test (`scripts/derive_fit_bands.py`; see "
            "`docs/fit_bands.md`), with the settings and null quantiles behind them. It is not "
            "written by this build: run the script again after the occupations change.",
        ]
    others = sorted(p.name for p in folder.iterdir() if p.is_dir() and (p / "README.md").is_file())
    if others:
        lines += [
            "",
            "## Other bundled files",
            "",
            "These folders are written by hand (not by the build) and described in their "
            "own README:",
            "",
        ]
        lines += [f"- [`{name}/`]({name}/README.md)" for name in others]
    return "\n".join(lines) + "\n"
