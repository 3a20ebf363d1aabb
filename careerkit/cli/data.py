"""``careerkit data info | update | reset``: the O*NET tables careerkit uses, and updating them.

``update`` is the only command in careerkit that may use the network, and only when the person
runs it with a URL: the download goes through ``pooch`` and must match the ``--sha256`` given.
It writes the rebuilt tables to :func:`careerkit.datasets.user_data_dir` (``$CAREERKIT_DATA``,
else ``$CAREERKIT_HOME/onet-data``, else ``~/.local/share/careerkit``), never into the
installed package; ``datasets`` then reads them instead of the bundled copy.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from careerkit.errors import DataError, InputError

__all__ = ["register", "run_info", "run_reset", "run_update", "update"]

TEXT = {
    "info_help": "show the bundled O*NET tables, their releases and row counts, and the credit",
    "update_help": "rebuild the O*NET tables from a newer release (a folder, a .zip or a URL)",
    "reset_help": "remove the updated tables and go back to the ones bundled with careerkit",
    "source_help": "an O*NET release folder, its .zip file, or an http(s) URL of the zip",
    "sha256_help": "SHA-256 checksum the downloaded file must have (required for a URL)",
    "job_zones_help": "take Job Zones from this release folder instead (e.g. db_29_3_text)",
    "using": "Tables in use: {source} ({folder})",
    "updates_to": "`careerkit data update` writes to: {folder} (set CAREERKIT_DATA to change)",
    "row": "  {file:<24} {rows:>7,} rows  O*NET {release}{date}",
    "coverage": (
        "Coverage: {occupations} occupations with interest profiles; {without_skills} without "
        "skill ratings, {without_work_values} without work values, {without_job_zone} without "
        "a Job Zone."
    ),
    "credit_heading": "Credit:",
    "need_sha": (
        "A download needs its checksum: add --sha256 with the file's SHA-256 (compute it once "
        "with `sha256sum FILE` on a copy you trust), so a changed or damaged file is refused."
    ),
    "bad_sha": "--sha256 must be 64 hexadecimal characters; got {value!r}.",
    "downloading": "Downloading {url} ...",
    "download_failed": "Could not download {url}: {problem}",
    "checksum_mismatch": (
        "The file downloaded from {url} does not have the SHA-256 given with --sha256, so it "
        "was not used. Check the URL and the checksum."
    ),
    "no_source": "{path} does not exist: expected an O*NET release folder, a .zip file or a URL.",
    "bad_zip": "{path} is not a readable zip file ({problem}).",
    "unsafe_zip": "{path} contains a file outside its own folder ({member!r}); not extracted.",
    "no_release": (
        "No O*NET data files found in {path}: expected files such as 'Interests.txt' or "
        "'Occupation Data.xlsx' (the official text or Excel edition)."
    ),
    "several_releases": "{path} holds several O*NET release folders ({names}); give one of them.",
    "updated": "Updated the O*NET tables in {folder} from O*NET {release}:",
    "kept": "  (kept from the previous tables: {names})",
    "reset_done": "Removed the updated tables in {folder}; careerkit uses its bundled tables.",
    "reset_nothing": "No updated tables in {folder}; careerkit already uses its bundled tables.",
}

_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_MARKERS = (
    "occupation data",
    "interests",
    "career interest types",
    "job zones",
    "skills",
    "knowledge",
    "technology skills",
    "software skills",
    "work values",
)


# --------------------------------------------------------------------------- info


def run_info(args: argparse.Namespace) -> int:
    from careerkit import datasets

    folder = datasets.tables_dir()
    print(TEXT["using"].format(source=datasets.data_source(), folder=folder))
    print(TEXT["updates_to"].format(folder=datasets.user_data_dir()))
    info = datasets.provenance(folder)
    loaders = {
        "occupations": datasets.occupations,
        "occupation_ratings": datasets.occupation_ratings,
        "technology": datasets.technology,
        "work_values": datasets.work_values,
        "elements": datasets.elements,
        "descriptions": datasets.occupation_descriptions,
    }
    for name, table in info.get("tables", {}).items():
        # Loading checks each table against provenance.json, so a damaged file shows here.
        rows = len(loaders[name]()) if name in loaders else table["rows"]
        releases = sorted({s["release"] for s in table.get("sources", [])}, reverse=True)
        date = f" ({table['date']})" if table.get("date") and len(releases) == 1 else ""
        print(
            TEXT["row"].format(
                file=table["file"], rows=rows, release=" + ".join(releases), date=date
            )
        )
    print(TEXT["coverage"].format(**datasets.coverage_summary()))
    print()
    print(TEXT["credit_heading"])
    print(datasets.credit(folder))
    return 0


# --------------------------------------------------------------------------- update


def _download(url: str, sha256: str | None, into: Path) -> Path:
    if not sha256:
        raise InputError(TEXT["need_sha"])
    if not _SHA256.fullmatch(sha256):
        raise InputError(TEXT["bad_sha"].format(value=sha256))
    import pooch  # only here: the one place careerkit touches the network

    name = PurePosixPath(urlparse(url).path).name or "onet-release.zip"
    print(TEXT["downloading"].format(url=url), file=sys.stderr)
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel("WARNING")  # we say what is downloaded ourselves, in our own words
    try:
        return Path(
            pooch.retrieve(
                url,
                known_hash=f"sha256:{sha256.lower()}",
                fname=name,
                path=into,
                progressbar=False,
            )
        )
    except ValueError as exc:
        if "hash" in str(exc).lower():
            raise DataError(TEXT["checksum_mismatch"].format(url=url)) from exc
        raise DataError(TEXT["download_failed"].format(url=url, problem=exc)) from exc
    except Exception as exc:  # requests/HTTP errors: say what happened, no traceback
        raise DataError(TEXT["download_failed"].format(url=url, problem=exc)) from exc
    finally:
        logger.setLevel(level)


def _extract(path: Path, into: Path) -> Path:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataError(TEXT["bad_zip"].format(path=path, problem=exc)) from exc
    root = into.resolve()
    with archive:
        for member in archive.namelist():
            target = (root / member).resolve()
            if not target.is_relative_to(root):
                raise DataError(TEXT["unsafe_zip"].format(path=path, member=member))
        archive.extractall(root)
    return root


def _is_release(folder: Path) -> bool:
    return any(
        p.is_file() and p.suffix.lower() in (".txt", ".xlsx") and p.stem.lower() in _MARKERS
        for p in folder.iterdir()
    )


def _find_release(folder: Path) -> Path:
    """The folder itself, or the one release folder inside it (the official zips hold one)."""
    if _is_release(folder):
        return folder
    found = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_dir() and "__MACOSX" not in p.parts and _is_release(p)
    ]
    if not found:
        raise DataError(TEXT["no_release"].format(path=folder))
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise DataError(TEXT["several_releases"].format(path=folder, names=names))
    return found[0]


def _resolve(source: str, sha256: str | None, work: Path) -> Path:
    parsed = urlparse(source)
    if parsed.scheme in ("http", "https", "ftp"):
        source_path = _download(source, sha256, work / "download")
    elif parsed.scheme == "file":
        source_path = Path(unquote(parsed.path))
    else:
        source_path = Path(source).expanduser()
    if not source_path.exists():
        raise DataError(TEXT["no_source"].format(path=source_path))
    if source_path.is_dir():
        return _find_release(source_path)
    return _find_release(_extract(source_path, work / "unzipped"))


def _install(built: Path, target: Path) -> None:
    """Move the new tables into ``target``; provenance.json goes last, so a reader never sees
    new provenance with old tables (and falls back to the bundled tables meanwhile)."""
    from careerkit.datasets import PROVENANCE_FILE

    target.mkdir(parents=True, exist_ok=True)
    (target / PROVENANCE_FILE).unlink(missing_ok=True)
    for stale in ("descriptions.csv",):  # optional table: drop an old one the build did not make
        if not (built / stale).exists():
            (target / stale).unlink(missing_ok=True)
    for path in built.iterdir():
        if path.name != PROVENANCE_FILE:
            path.replace(target / path.name)
    (built / PROVENANCE_FILE).replace(target / PROVENANCE_FILE)


def update(
    source: str, *, sha256: str | None = None, job_zones_from: str | Path | None = None
) -> dict:
    """Rebuild the O*NET tables into the user's data folder from a release folder, zip or URL.

    Tables the release cannot provide (e.g. Work Values after 30.3) are kept, with their
    provenance, from the tables currently in use. Returns the new provenance.
    """
    from careerkit import datasets
    from careerkit.datasets._build import PARTS, build_tables
    from careerkit.onet import load_release

    target = datasets.user_data_dir()
    current = datasets.tables_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".careerkit-update-", dir=target.parent) as work:
        work_dir = Path(work)
        folder = _resolve(source, sha256, work_dir)
        release = load_release(folder, job_zones_from=job_zones_from)
        sources = {
            part: release
            for part, frames in PARTS.items()
            if all(release.has(frame) for frame in frames)
        }
        if "interests" not in sources:
            sources.pop("titles", None)
            sources.pop("job_zones", None)
        if not sources:
            raise DataError(TEXT["no_release"].format(path=folder))
        built = work_dir / "built"
        from careerkit import __version__

        info = build_tables(
            built,
            sources,
            fallback=current,
            descriptions="titles" in sources,
            builder=f"careerkit data update (careerkit {__version__})",
        )
        _install(built, target)
    return {**info, "updated_from": release.release}


def run_update(args: argparse.Namespace) -> int:
    from careerkit import datasets

    info = update(args.source, sha256=args.sha256, job_zones_from=args.job_zones_from)
    print(TEXT["updated"].format(folder=datasets.user_data_dir(), release=info["updated_from"]))
    kept = []
    for name, table in info["tables"].items():
        print(
            TEXT["row"].format(
                file=table["file"],
                rows=table["rows"],
                release=" + ".join(sorted({s["release"] for s in table["sources"]}, reverse=True)),
                date="",
            )
        )
        if "Kept from the previous tables." in table.get("notes", []):
            kept.append(name)
    if kept:
        print(TEXT["kept"].format(names=", ".join(kept)))
    return 0


def run_reset(args: argparse.Namespace) -> int:
    from careerkit import datasets

    folder = datasets.user_data_dir()
    marker = folder / datasets.PROVENANCE_FILE
    if not marker.is_file():
        print(TEXT["reset_nothing"].format(folder=folder))
        return 0
    marker.unlink()
    for table in datasets.TABLES.values():
        (folder / table.file).unlink(missing_ok=True)
    (folder / "README.md").unlink(missing_ok=True)
    if folder.is_dir() and not any(folder.iterdir()):
        shutil.rmtree(folder)
    print(TEXT["reset_done"].format(folder=folder))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``careerkit data info|update|reset``."""
    data = sub.add_parser("data", help="the O*NET tables careerkit uses")
    commands = data.add_subparsers(dest="data_command", metavar="info|update|reset")
    data.set_defaults(handler=lambda args: (data.print_help(), 2)[1])
    info = commands.add_parser("info", help=TEXT["info_help"], description=TEXT["info_help"])
    info.set_defaults(handler=run_info)
    upd = commands.add_parser("update", help=TEXT["update_help"], description=TEXT["update_help"])
    upd.add_argument("source", metavar="PATH|URL", help=TEXT["source_help"])
    upd.add_argument("--sha256", help=TEXT["sha256_help"])
    upd.add_argument("--job-zones-from", metavar="FOLDER", help=TEXT["job_zones_help"])
    upd.set_defaults(handler=run_update)
    reset = commands.add_parser("reset", help=TEXT["reset_help"], description=TEXT["reset_help"])
    reset.set_defaults(handler=run_reset)
