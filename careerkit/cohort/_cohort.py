"""The :class:`Cohort`: a folder of workbooks read once, with progress, statistics and export."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from careerkit.cohort._export import check_suffix, key_path, new_codes, write_table, write_tables
from careerkit.cohort._member import Member, exclusion_reason, member_from_workbook
from careerkit.cohort._stats import (
    CohortSummary,
    check_k,
    count,
    cronbach_alpha,
    suppress_fixed,
    suppress_means,
    suppress_open,
)
from careerkit.cohort._tables import (
    Table,
    about_lines,
    notice_lines,
    participants_table,
    reliability_table,
    summary_tables,
)
from careerkit.cohort._text import TEXT
from careerkit.errors import CareerkitError, InputError
from careerkit.goals import Category, Status
from careerkit.interests import BUNDLED_INVENTORY_ID, RIASEC, TYPE_NAMES, load_inventory
from careerkit.values import VALUE_NAMES, VALUES
from careerkit.workbook import MAX_BYTES, Workbook

PROGRESS_COLUMNS = [
    "pseudonym",
    "workshop",
    "interests_answered",
    "interests_items",
    "holland_code",
    "target_soc_code",
    "target_role",
    "postings",
    "ratings",
    "goals",
    "smart_goals",
    "interests_step",
    "skills_step",
    "goals_step",
    "in_statistics",
    "last_change",
    "problems",
]
FREE_TEXT_COLUMNS = ["notes", "goal_texts", "interview_answer", "postings_text", "comments"]
#: default smallest cohort for which Cronbach's alpha is reported (alpha from fewer complete
#: answer sets is too unstable to read; a common rule of thumb for pilot reliability samples)
MIN_N_ALPHA = 30
SMART_VERDICTS = ("SMART", "partly SMART", "not SMART")
STEPS = (
    ("interests_step", TEXT["step_interests"]),
    ("skills_step", TEXT["step_skills"]),
    ("goals_step", TEXT["step_goals"]),
)
STATUSES = (TEXT["not_started"], TEXT["started"], TEXT["done"])


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Excluded:
    """A readable workbook whose consent allows neither sharing nor group statistics."""

    file: str
    reason: str


class Cohort:
    """The workbooks in one folder, read once (use :func:`load`).

    Attributes
    ----------
    folder
        The folder read.
    members
        One :class:`Member` per workbook whose consent allows sharing with a counselor or group
        statistics, ordered by workshop and pseudonym.
    skipped
        Files that could not be read (damaged, not a workbook, written by a newer careerkit,
        too big), each with the reason: a frame ``file, reason``.
    excluded
        Readable workbooks left out because of their consent (withdrawn, not given, or not
        covering this use): a frame ``file, reason``. Their content is not looked at.
    """

    def __init__(
        self,
        folder: Path,
        members: list[Member],
        skipped: list[Skipped],
        excluded: list[Excluded],
    ) -> None:
        self.folder = folder
        self.members = tuple(sorted(members, key=lambda m: (m.workshop, m.pseudonym)))
        self.skipped = pd.DataFrame(
            [(s.file, s.reason) for s in skipped], columns=["file", "reason"]
        )
        self.excluded = pd.DataFrame(
            [(e.file, e.reason) for e in excluded], columns=["file", "reason"]
        )
        self._codes: dict[str, str] | None = None

    # ------------------------------------------------------------------ who is in
    def __len__(self) -> int:
        return len(self.members)

    def __repr__(self) -> str:
        return (
            f"Cohort({self.folder}: {len(self.shared)} shared, {len(self.statistics)} in "
            f"statistics, {len(self.excluded)} excluded by consent, {len(self.skipped)} skipped)"
        )

    @property
    def shared(self) -> tuple[Member, ...]:
        """Participants whose consent lets the counselor see their own rows."""
        return tuple(m for m in self.members if m.shared)

    @property
    def statistics(self) -> tuple[Member, ...]:
        """Participants whose consent includes group statistics."""
        return tuple(m for m in self.members if m.in_statistics)

    @property
    def n_withdrawn(self) -> int:
        return int((self.excluded["reason"] == TEXT["withdrawn"]).sum())

    def workbook_paths(self) -> list[Path]:
        """The files of the participants who shared their workbook (e.g. for batch reports)."""
        return [self.folder / m.file for m in self.shared]

    @property
    def codes(self) -> dict[str, str]:
        """Random codes for this cohort (pseudonym → code), made on first use with ``secrets``;
        the same for every export of this object, new for every :func:`load`."""
        if self._codes is None:
            self._codes = new_codes(m.pseudonym for m in self.shared)
        return self._codes

    def consent_note(self) -> str:
        """Who the statistics count, in one sentence."""
        n_valid = len(self.members) + len(self.excluded)
        return TEXT["consent_line"].format(
            n_stats=len(self.statistics),
            n_valid=n_valid,
            n_withdrawn=self.n_withdrawn,
            n_no_stats=n_valid - len(self.statistics) - self.n_withdrawn,
        )

    # ------------------------------------------------------------------ views
    def progress(self) -> pd.DataFrame:
        """One row per participant who shared their workbook: how far they got in each step.

        Columns: ``pseudonym, workshop, interests_answered, interests_items`` (of the inventory,
        60 for the bundled one), ``holland_code`` (empty until all six areas are scored, or when
        the profile is flat), ``target_soc_code, target_role, postings, ratings, goals,
        smart_goals``, the status of each step (``interests_step``: done when every item is
        answered; ``skills_step``: done when a target role is chosen and all its items of
        importance ≥ 3 are rated; ``goals_step``: done with at least one SMART goal), whether
        the participant is counted in the statistics, ``last_change`` (UTC) and ``problems``
        (anything that could not be read or scored).
        """
        rows = [
            {
                "pseudonym": m.pseudonym,
                "workshop": m.workshop,
                "interests_answered": m.answered,
                "interests_items": m.items,
                "holland_code": m.holland_code,
                "target_soc_code": m.target_soc_code,
                "target_role": m.target_role,
                "postings": m.postings,
                "ratings": m.ratings,
                "goals": m.goals,
                "smart_goals": m.smart_goals,
                "interests_step": m.interests_step,
                "skills_step": m.skills_step,
                "goals_step": m.goals_step,
                "in_statistics": m.in_statistics,
                "last_change": pd.Timestamp(m.last_change),
                "problems": "; ".join(m.problems),
            }
            for m in self.shared
        ]
        frame = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
        for column in (
            "interests_answered",
            "interests_items",
            "postings",
            "ratings",
            "goals",
            "smart_goals",
        ):
            frame[column] = frame[column].astype("int64")
        frame["in_statistics"] = frame["in_statistics"].astype(bool)
        frame["last_change"] = pd.to_datetime(frame["last_change"], utc=True)
        return frame

    def summary(self, k: int = 5) -> CohortSummary:
        """Aggregates over the participants whose consent includes group statistics, with every
        group smaller than ``k`` suppressed (see :mod:`careerkit.cohort._stats`)."""
        people = self.statistics
        n = len(people)
        check_k(k)
        step_frames = []
        for attribute, label in STEPS:
            statuses = Counter(getattr(m, attribute) for m in people)
            frame = suppress_fixed({s: statuses.get(s, 0) for s in STATUSES}, k, n)
            frame.insert(0, "step", label)
            step_frames.append(frame)
        # a tie for the first letter is counted as tied, never given to the R-I-A-S-E-C winner
        letters = Counter(
            m.first_letters[0] if len(m.first_letters) == 1 else TEXT["first_tied"]
            for m in people
            if m.first_letters
        )
        with_code = sum(letters.values())
        complete = [m.scores for m in people if len(m.scores) == len(RIASEC)]
        categories = Counter(c for m in people for c in m.goal_categories)
        statuses = Counter(s for m in people for s in m.goal_statuses)
        verdicts = Counter(v for m in people for v in m.smart_verdicts if v)
        # Goals are counted, but a group of goals is shown only with k people behind it.
        writers = {
            "categories": Counter(c for m in people for c in set(m.goal_categories)),
            "statuses": Counter(s for m in people for s in set(m.goal_statuses)),
            "verdicts": Counter(v for m in people for v in set(m.smart_verdicts) if v),
        }
        n_writers = sum(bool(m.goals) for m in people)
        tables = {
            "steps": pd.concat(step_frames, ignore_index=True),
            "holland_first_letter": suppress_fixed(
                {
                    **{f"{x} ({TYPE_NAMES[x]})": letters.get(x, 0) for x in RIASEC},
                    TEXT["first_tied"]: letters.get(TEXT["first_tied"], 0),
                },
                k,
                with_code,
            ),
            "holland_code": suppress_open(count(m.holland_code for m in people), k, with_code),
            "riasec_scores": suppress_means(
                {f"{x} ({TYPE_NAMES[x]})": [s[x] for s in complete] for x in RIASEC}, k
            ),
            # the optional values step (issue 14): the same suppression as the interest means
            "work_values": suppress_means(
                {
                    VALUE_NAMES[v]: [m.value_scores[v] for m in people if m.value_scores]
                    for v in VALUES
                },
                k,
            ),
            "target_roles": suppress_open(
                count(m.target_role or m.target_soc_code for m in people),
                k,
                sum(bool(m.target_soc_code) for m in people),
            ),
            "gap_skills": suppress_open(
                count(skill for m in people for skill in m.gap_skills),
                k,
                sum(bool(m.gap_skills) for m in people),
            ),
            "goal_categories": suppress_fixed(
                {c: categories.get(c, 0) for c in [*(x.value for x in Category), TEXT["no_type"]]},
                k,
                people=writers["categories"],
                n_people=n_writers,
            ),
            "goal_status": suppress_fixed(
                {s.value: statuses.get(s.value, 0) for s in Status},
                k,
                people=writers["statuses"],
                n_people=n_writers,
            ),
            "smart_verdicts": suppress_fixed(
                {v: verdicts.get(v, 0) for v in SMART_VERDICTS},
                k,
                people=writers["verdicts"],
                n_people=n_writers,
            ),
        }
        n_valid = len(self.members) + len(self.excluded)
        notes = [self.consent_note()]
        if n < k:
            notes.append(TEXT["too_small"].format(n=n, k=k))
        notes.append(TEXT["suppressed_line"].format(k=k))
        notes.append(TEXT["open_groups_line"].format(k=k, other=TEXT["other"].format(k=k)))
        notes.append(TEXT["goals_line"].format(k=k))
        notes.append(TEXT["gap_line"])
        notes.append(TEXT["ties_line"])
        if len(self.skipped):
            notes.append(TEXT["skipped_line"].format(n=len(self.skipped)))
        return CohortSummary(
            k=k,
            n_valid=n_valid,
            n_statistics=n,
            n_withdrawn=self.n_withdrawn,
            n_no_statistics=n_valid - n - self.n_withdrawn,
            n_skipped=len(self.skipped),
            tables=tables,
            notes=tuple(notes),
        )

    def reliability(self, min_n: int = MIN_N_ALPHA) -> pd.DataFrame:
        """Cronbach's alpha (Cronbach 1951) of each RIASEC area of the bundled inventory.

        Computed from participants who agreed to group statistics and answered every item of
        that area (items scored 0–4, reversed items turned round); reported only when at least
        ``min_n`` such answer sets exist (default 30), else ``alpha`` is ``<NA>`` and ``note``
        says why. Columns: ``scale, name, items, n, alpha, note``. See
        :func:`careerkit.cohort.cronbach_alpha`.
        """
        if isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 2:
            raise InputError(f"min_n must be a whole number of at least 2 (got {min_n!r}).")
        inventory = load_inventory()
        people = [m for m in self.statistics if m.inventory_id == BUNDLED_INVENTORY_ID]
        rows = []
        for letter in RIASEC:
            items = list(inventory.items.loc[inventory.items["scale"] == letter, "item_id"])
            table = pd.DataFrame(
                [[m.item_scores.get(i) for i in items] for m in people],
                columns=items,
                dtype="float64",
            ).dropna()
            n = len(table)
            alpha: float | None = None
            note = ""
            if len(items) < 2:
                note = TEXT["alpha_one_item"]
            elif n < min_n:
                note = TEXT["alpha_too_few"].format(min_n=min_n, n=n)
            else:
                value = cronbach_alpha(table)
                if value != value:
                    note = TEXT["alpha_no_variance"]
                else:
                    alpha = value
            rows.append((letter, TYPE_NAMES[letter], len(items), n, alpha, note))
        frame = pd.DataFrame(rows, columns=["scale", "name", "items", "n", "alpha", "note"])
        frame["alpha"] = frame["alpha"].astype("Float64")
        frame.attrs["source"] = TEXT["alpha_source"]
        return frame

    # ------------------------------------------------------------------ export
    def export_frame(
        self, pseudonymise: bool = True, include_free_text: bool = False
    ) -> pd.DataFrame:
        """The table :meth:`export` writes (before formula guarding)."""
        frame = self.progress().drop(columns=["problems"])
        if include_free_text:
            shared = self.shared
            frame["notes"] = [m.notes_text for m in shared]
            frame["goal_texts"] = ["\n".join(m.goal_texts) for m in shared]
            frame["interview_answer"] = [m.interview_answer for m in shared]
            frame["postings_text"] = ["\n\n".join(m.posting_texts) for m in shared]
            frame["comments"] = ["\n".join(m.comments) for m in shared]
        if pseudonymise:
            codes = self.codes
            frame = frame.rename(columns={"pseudonym": "code"})
            frame["code"] = [codes[p] for p in frame["code"]]
        return frame

    def tables(
        self,
        k: int = 5,
        min_n: int = MIN_N_ALPHA,
        pseudonymise: bool = True,
        include_free_text: bool = False,
    ) -> list[Table]:
        """Every table of the export, as the dashboard shows them: the participant table
        (:meth:`export_frame`), each table of :meth:`summary` with groups smaller than ``k``
        marked ``"<k"``, and :meth:`reliability`. Readable headers; numbers stay numbers."""
        return self._tables(self.summary(k), min_n, pseudonymise, include_free_text)

    def _tables(
        self, summary: CohortSummary, min_n: int, pseudonymise: bool, include_free_text: bool
    ) -> list[Table]:
        return [
            participants_table(self.export_frame(pseudonymise, include_free_text)),
            *summary_tables(summary),
            reliability_table(self.reliability(min_n)),
        ]

    def export(
        self,
        path: str | Path,
        pseudonymise: bool = True,
        include_free_text: bool = False,
        *,
        k: int = 5,
        min_n: int = MIN_N_ALPHA,
    ) -> Path:
        """Write the cohort to ``path``, owner-only (0600); the format follows the suffix.

        ``.xlsx``
            One workbook: the participant table, every summary table of :meth:`summary` (groups
            smaller than ``k`` shown as ``"<k"``, exactly as on the dashboard), the reliability
            table (:meth:`reliability` with ``min_n``) and an "About" sheet explaining who is
            counted, the marker, the codes and the guard. Readable headers, frozen header row,
            numbers stored as numbers.
        ``.zip``
            The same tables as one CSV file each (``participants.csv``, ``target_roles.csv``,
            …, ``reliability.csv``) and ``about.txt``.
        ``.csv``
            The participant table alone, with the column names of :meth:`progress`.

        With ``pseudonymise`` (default) pseudonyms are replaced by this cohort's random codes
        (:attr:`codes`) and the key (code → pseudonym) goes to ``<path>.key.csv`` (0600), to be
        kept apart from the export. Free text (notes, goal texts, the interview answer,
        postings, comments) is left out unless ``include_free_text``; it is never
        pseudonymised, and it never enters the summary tables. Every text cell starting with
        ``= + - @``, a tab or a line break gets a leading apostrophe (formula injection); XLSX
        text cells are written as text, never formulas. Returns ``path``.
        """
        path = Path(path)
        suffix = check_suffix(path)
        check_k(k)
        key = {m.pseudonym: self.codes[m.pseudonym] for m in self.shared} if pseudonymise else None
        if suffix == ".csv":
            return write_table(
                path, self.export_frame(pseudonymise, include_free_text), key, notice_lines()
            )
        summary = self.summary(k)
        tables = self._tables(summary, min_n, pseudonymise, include_free_text)
        lines = [
            TEXT["about_pseudonymised"].format(key=key_path(path).name)
            if pseudonymise
            else TEXT["about_plain"],
            TEXT["about_free_text"] if include_free_text else TEXT["about_no_free_text"],
            TEXT["about_guard"],
        ]
        if suffix == ".zip":
            lines.append(TEXT["about_zip"])
        return write_tables(path, tables, about_lines(summary, tables, lines), key)


def _read_one(path: Path) -> Workbook | str:
    """The workbook at ``path``, or the reason it cannot be read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return TEXT["unreadable_file"].format(reason=exc.strerror or exc)
    if size > MAX_BYTES:
        return TEXT["too_big"].format(size=size / 1e6, limit=MAX_BYTES / 1e6)
    try:
        return Workbook.open(path)
    except CareerkitError as exc:
        # The message names the file already; keep the part that says what is wrong.
        return str(exc).replace(str(path), path.name, 1)


def load(folder: str | Path) -> Cohort:
    """Read every ``*.json`` workbook in ``folder`` (not its subfolders).

    Backups, locks and temporary files never end in ``.json`` and are not looked at. A file that
    cannot be read (damaged, foreign JSON, a newer schema, renamed, too big) is listed in
    :attr:`Cohort.skipped` with the reason, never fatal. A workbook whose consent allows neither
    sharing with a counselor nor group statistics (withdrawn, never given, a guardian's consent
    missing) is listed in :attr:`Cohort.excluded` and not read further.

    Raises
    ------
    InputError
        The folder does not exist, is a file, or cannot be listed.
    """
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise InputError(TEXT["no_folder"].format(folder=folder))
    if not folder.is_dir():
        raise InputError(TEXT["not_a_folder"].format(folder=folder))
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".json" and p.is_file())
    except OSError as exc:
        raise InputError(
            TEXT["unreadable_folder"].format(folder=folder, reason=exc.strerror or exc)
        ) from exc
    members: list[Member] = []
    skipped: list[Skipped] = []
    excluded: list[Excluded] = []
    for path in files:
        result = _read_one(path)
        if isinstance(result, str):
            skipped.append(Skipped(path.name, result))
            continue
        reason = exclusion_reason(result)
        if reason:
            excluded.append(Excluded(path.name, reason))
            continue
        members.append(member_from_workbook(result))
    return Cohort(folder, members, skipped, excluded)
