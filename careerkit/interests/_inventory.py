"""The interest inventory: the bundled RIASEC item bank or a counselor's own CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from careerkit import datasets
from careerkit.errors import DataError, InputError
from careerkit.interests._text import RIASEC, TYPE_NAMES

__all__ = [
    "BUNDLED_INVENTORY_ID",
    "BUNDLED_ITEMS_PER_AREA",
    "FORMS",
    "SHORT_INVENTORY_ID",
    "Inventory",
    "inventory_of",
    "load_inventory",
]

#: Identifier of the bundled item bank (``data/inventory/riasec_60.csv``).
BUNDLED_INVENTORY_ID = "riasec_60"
#: Items per area in the bundled bank; unequal inventories are scaled to this many items.
BUNDLED_ITEMS_PER_AREA = 10
#: Identifier of the bundled 30-item short form (five of each area's ten items, chosen in
#: ``careerkit.interests._short_form``; the list is ``data/inventory/riasec_30.csv``).
SHORT_INVENTORY_ID = "riasec_30"
#: The bundled forms a counselor can choose: form name -> inventory id.
FORMS = {"long": BUNDLED_INVENTORY_ID, "short": SHORT_INVENTORY_ID}

_REQUIRED = ("item_id", "text", "scale")
_TRUE = {"1", "y", "yes", "true", "t", "x"}
_FALSE = {"", "0", "n", "no", "false", "f"}
_NAME_TO_LETTER = {name.lower(): letter for letter, name in TYPE_NAMES.items()}


@dataclass(frozen=True, eq=False)
class Inventory:
    """An interest inventory: items with the Holland area (``scale``) each one measures.

    Attributes
    ----------
    items : DataFrame
        ``item_id`` (str), ``text`` (str), ``scale`` (one of R I A S E C), ``reverse`` (bool:
        a "like" answer counts against the area), in presentation order.
    inventory_id : str
        ``"riasec_60"`` for the bundled bank, else the CSV's file name without extension.
    path : Path or None
        Where it was read from.
    """

    items: pd.DataFrame
    inventory_id: str
    path: Path | None = None

    # The derived attributes below are computed once: an inventory does not change after it
    # is loaded, and scoring a cohort asks for them once per workbook.

    @cached_property
    def bundled(self) -> bool:
        """True for careerkit's own item bank, long or short form (which has no norms)."""
        return self.inventory_id in FORMS.values()

    @cached_property
    def form(self) -> str:
        """``"long"`` or ``"short"`` for careerkit's own forms, else ``"custom"``."""
        return next((f for f, i in FORMS.items() if i == self.inventory_id), "custom")

    @cached_property
    def scaled(self) -> bool:
        """True when area scores are item mean × 10 (unequal counts, or the short form, whose
        scores stay on the full bank's 0–40 scale), not plain sums."""
        return not self.equal_counts or self.form == "short"

    @cached_property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(self.items["item_id"])

    @cached_property
    def counts(self) -> dict[str, int]:
        """Number of items per area, in R-I-A-S-E-C order."""
        counts = self.items["scale"].value_counts()
        return {letter: int(counts.get(letter, 0)) for letter in RIASEC}

    @cached_property
    def equal_counts(self) -> bool:
        """True when every area has the same number of items (scores are then plain sums)."""
        return len(set(self.counts.values())) == 1

    @cached_property
    def max_score(self) -> float:
        """Highest possible area score: 4 × items per area, or 4 × 10 for unequal inventories
        and the short form."""
        if not self.scaled:
            return 4.0 * self.counts["R"]
        return 4.0 * BUNDLED_ITEMS_PER_AREA

    def pages(self, size: int = 10) -> list[tuple[str, ...]]:
        """Item ids in presentation order, ``size`` to a page."""
        ids = self.item_ids
        return [ids[i : i + size] for i in range(0, len(ids), size)]

    def text_of(self, item_id: str) -> str:
        return str(self.items.loc[self.items["item_id"] == item_id, "text"].iloc[0])

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"Inventory({self.inventory_id!r}, {len(self)} items, per area {self.counts})"


def load_inventory(path: str | Path | None = None, form: str = "long") -> Inventory:
    """Read an interest inventory: the bundled RIASEC bank (60 items, or its 30-item short
    form), or a counselor's CSV.

    Parameters
    ----------
    path : str or Path, optional
        A UTF-8 CSV with a header row and the columns ``item_id, text, scale`` and optionally
        ``reverse`` (yes/no, true/false, 1/0; empty = no). ``scale`` is a Holland letter
        (R I A S E C) or its name ("Social"). Extra columns are ignored. Without ``path``, the
        bundled 60-item bank (``data/inventory/riasec_60.csv``, our own wording) is loaded.
    form : {"long", "short"}
        Without ``path``: the full bank (``"long"``, 60 items) or the short form (``"short"``,
        30 items, five per area, listed in ``data/inventory/riasec_30.csv``; same statements,
        same order). Scores of both are on the 0–40 scale.

    Returns
    -------
    Inventory

    Raises
    ------
    DataError
        The file is missing, not a CSV, lacks a column, or has a row with an empty id or text,
        an unknown scale, a bad ``reverse`` value or a duplicate id; or an area has no items.
        The message names the file, the line and the field.
    InputError
        An unknown ``form``, or ``form="short"`` with a ``path``.
    """
    if form not in FORMS:
        raise InputError(f"form is {form!r}; expected 'long' (60 items) or 'short' (30 items).")
    if form == "short":
        if path is not None:
            raise InputError(
                "form='short' chooses careerkit's own 30-item form; a counselor's inventory "
                "file is used as it is (leave out form=)."
            )
        return _short_form()
    if path is None:
        source = datasets.data_dir() / "inventory" / f"{BUNDLED_INVENTORY_ID}.csv"
        inventory_id = BUNDLED_INVENTORY_ID
    else:
        source = Path(path)
        inventory_id = source.stem
        if inventory_id == BUNDLED_INVENTORY_ID:
            # Keep "riasec_60" meaning our bank only: a counselor's file gets its own id.
            inventory_id = f"{inventory_id}_custom"
    if not source.is_file():
        raise DataError(f"Inventory file not found: {source}")
    found = source.stat()
    # a copy: the caller may change its table; the cache keeps the file's
    items = _read(str(source), found.st_mtime_ns, found.st_size).copy()
    return Inventory(items=items, inventory_id=inventory_id, path=source)


@lru_cache(maxsize=16)
def _read(source: str, _mtime_ns: int, _size: int) -> pd.DataFrame:
    """The items of the inventory file ``source``, read once per version of the file (the app
    asks for the inventory at every answer, to count the answers)."""
    path = Path(source)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path.name}: not a UTF-8 text CSV (byte {exc.start} cannot be read). Save the "
            "inventory as 'CSV UTF-8' with the columns item_id, text, scale[, reverse]."
        ) from None
    return _parse(text, path.name)


def _short_form() -> Inventory:
    long = load_inventory()
    source = datasets.data_dir() / "inventory" / f"{SHORT_INVENTORY_ID}.csv"
    if not source.is_file():
        raise DataError(f"Short-form list not found: {source}; reinstall careerkit.")
    try:
        listed = pd.read_csv(source, dtype=str)
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"{source.name}: not a readable CSV ({exc}).") from None
    if "item_id" not in listed.columns:
        raise DataError(f"{source.name}: no 'item_id' column.")
    unknown = sorted(set(listed["item_id"]) - set(long.item_ids))
    if unknown:
        raise DataError(
            f"{source.name}: item {unknown[0]!r} is not in the 60-item bank "
            f"{BUNDLED_INVENTORY_ID}.csv."
        )
    items = long.items[long.items["item_id"].isin(set(listed["item_id"]))].reset_index(drop=True)
    return Inventory(items=items, inventory_id=SHORT_INVENTORY_ID, path=source)


def inventory_of(answers: object) -> Inventory:
    """The inventory a workbook's interest answers belong to (``wb.interests``): the short
    form for ``inventory_id == "riasec_30"``, the counselor's file at ``inventory_path`` when
    one is recorded, else the bundled 60-item bank."""
    inventory_id = getattr(answers, "inventory_id", BUNDLED_INVENTORY_ID)
    path = getattr(answers, "inventory_path", None)
    if inventory_id == SHORT_INVENTORY_ID:
        return load_inventory(form="short")
    if path:
        return load_inventory(path)
    return load_inventory()


def _parse(text: str, name: str) -> pd.DataFrame:
    if "\x00" in text:
        raise DataError(f"{name}: this is not a CSV text file (it contains binary data).")
    rows = list(csv.reader(io.StringIO(text)))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise DataError(f"{name}: the file is empty; expected a header item_id, text, scale.")
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [col for col in _REQUIRED if col not in header]
    if missing:
        found = ", ".join(repr(c) for c in rows[0][:8]) or "nothing"
        raise DataError(
            f"{name}: not an inventory CSV — missing column {', '.join(map(repr, missing))} "
            f"in the header (found {found}). Expected columns: item_id, text, scale[, reverse]."
        )
    col = {key: header.index(key) for key in (*_REQUIRED, "reverse") if key in header}
    records: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        while len(row) > len(header) and not row[-1].strip():
            row = row[:-1]  # trailing empty fields (a spreadsheet's extra commas) are harmless
        if len(row) != len(header):
            raise DataError(
                f"{name}, line {line}: {len(row)} fields where the header has {len(header)} "
                "(a missing comma, or an unquoted comma inside the text? Put text with commas "
                'in double quotes: "Fix cars, bikes").'
            )
        item_id = row[col["item_id"]].strip()
        if not item_id:
            raise DataError(f"{name}, line {line}: field 'item_id' is empty.")
        if item_id in seen:
            raise DataError(
                f"{name}, line {line}: duplicate item_id {item_id!r} (first on line "
                f"{seen[item_id]}); every item needs its own id."
            )
        seen[item_id] = line
        item_text = row[col["text"]].strip()
        if not item_text:
            raise DataError(f"{name}, line {line}: field 'text' of item {item_id!r} is empty.")
        scale = _scale_letter(row[col["scale"]])
        if scale is None:
            raise DataError(
                f"{name}, line {line}: field 'scale' of item {item_id!r} is "
                f"{row[col['scale']]!r}; expected one of R, I, A, S, E, C (or the area's name)."
            )
        reverse = False
        if "reverse" in col:
            raw = row[col["reverse"]].strip().lower()
            if raw in _TRUE:
                reverse = True
            elif raw not in _FALSE:
                raise DataError(
                    f"{name}, line {line}: field 'reverse' of item {item_id!r} is "
                    f"{row[col['reverse']]!r}; expected yes/no, true/false, 1/0 or empty."
                )
        records.append({"item_id": item_id, "text": item_text, "scale": scale, "reverse": reverse})
    if not records:
        raise DataError(f"{name}: the header is there but no items follow.")
    items = pd.DataFrame.from_records(records, columns=["item_id", "text", "scale", "reverse"])
    counts = items["scale"].value_counts()
    empty = [letter for letter in RIASEC if counts.get(letter, 0) == 0]
    if empty:
        names = ", ".join(f"{letter} ({TYPE_NAMES[letter]})" for letter in empty)
        raise DataError(
            f"{name}: no items for {names}; an inventory needs at least one item in each of the "
            "six areas R, I, A, S, E, C."
        )
    items["reverse"] = items["reverse"].astype(bool)
    return items


def _scale_letter(raw: str) -> str | None:
    value = raw.strip()
    if value.upper() in RIASEC:
        return value.upper()
    return _NAME_TO_LETTER.get(value.lower())
