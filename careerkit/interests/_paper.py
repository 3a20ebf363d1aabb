"""Results typed in from the paper form: six area totals, or the answers item by item.

The paper form (``careerkit.report.paper_form_html``) numbers the items 1–60 (or 1–30 for the
short form) in the same order as the quiz and has five boxes per item, numbered 1 (strongly
dislike) to 5 (strongly like). Its last page shows how to add up an area by hand:
the box numbers of the area's items, minus the number of items — 0–40 on the full form, 0–20
on the short form (scaled to 0–40 here, as the short form is scored on screen).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

from careerkit.errors import InputError
from careerkit.interests._inventory import FORMS, Inventory, load_inventory
from careerkit.interests._scoring import InterestProfile, profile_from_scores, score
from careerkit.interests._text import RIASEC, TYPE_NAMES

__all__ = ["parse_paper_answers", "parse_totals", "profile_from_paper", "read_paper_answers"]

_PAIR = re.compile(r"^\s*([A-Za-z]+)\s*[=:]\s*(\S*)\s*$")


def parse_totals(text: str) -> dict[str, float]:
    """``"R=12, I=30, A=25, S=8, E=14, C=3"`` → ``{"R": 12.0, …}``.

    Pairs are separated by commas, semicolons or spaces; ``=`` or ``:`` joins a letter (or the
    area's name) to its number. Raises :class:`InputError` naming the pair that cannot be read.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            "No totals given; type the six area totals like R=12,I=30,A=25,S=8,E=14,C=3."
        )
    pieces = [p for p in re.split(r"[,;]|\s+(?=[A-Za-z])", text.strip()) if p.strip()]
    out: dict[str, float] = {}
    for piece in pieces:
        match = _PAIR.match(piece)
        if match is None:
            raise InputError(
                f"Cannot read {piece.strip()!r}: write each total as letter=number, e.g. R=12."
            )
        key, raw = match.groups()
        letter = key.upper() if key.upper() in RIASEC else next(
            (k for k, name in TYPE_NAMES.items() if name.lower() == key.lower()), None
        )
        if letter is None:
            raise InputError(f"Unknown interest area {key!r}; expected R, I, A, S, E or C.")
        if letter in out:
            raise InputError(f"The total for {letter} ({TYPE_NAMES[letter]}) is given twice.")
        try:
            out[letter] = float(raw)
        except ValueError:
            raise InputError(
                f"The total for {letter} ({TYPE_NAMES[letter]}) is {raw!r}, not a number."
            ) from None
    return out


def _inventory(form: str) -> Inventory:
    if form not in FORMS:
        raise InputError(f"form is {form!r}; expected 'long' (60 items) or 'short' (30 items).")
    return load_inventory(form=form)


def read_paper_answers(path: str | Path, form: str = "long") -> dict[str, int | None]:
    """Answers typed from a paper form into a CSV file with the columns ``item,answer``.

    ``item`` is the number printed on the form (1–60, or 1–30 on the short form) or the item's
    id (``R01``); ``answer`` the box ticked, 1 (strongly dislike) … 5 (strongly like), empty when
    the item was left out. A header row is optional.

    Returns ``{item_id: answer}`` for :func:`careerkit.interests.score`.

    Raises
    ------
    InputError
        The file is missing or not text, a row lacks a column, an item number is outside the
        form or given twice, an answer is not 1–5; the message names the file and line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Answers file not found: {path}")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{path.name}: not a UTF-8 text file; save the answers as CSV with the columns "
            "item,answer."
        ) from None
    return parse_paper_answers(text, form, name=path.name)


def parse_paper_answers(
    text: str, form: str = "long", name: str = "the answers"
) -> dict[str, int | None]:
    """:func:`read_paper_answers` for text already in hand (e.g. pasted on a screen)."""
    if "\x00" in text:
        raise InputError(f"{name}: not a text file; expected lines item,answer.")
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    first_line = 1
    if rows and rows[0] and rows[0][0].strip().lower() in ("item", "item_id", "number"):
        rows, first_line = rows[1:], 2
    if not rows:
        raise InputError(f"{name}: no answers found; expected lines item,answer (e.g. 1,4).")
    pairs = []
    for line, row in enumerate(rows, start=first_line):
        if len(row) < 2:
            raise InputError(
                f"{name}, line {line}: {','.join(row)!r} has no answer; expected item,answer."
            )
        pairs.append((f"{name}, line {line}", row[0].strip(), row[1].strip()))
    return _answers(pairs, form)


def _answers(pairs: list[tuple[str, str, str]], form: str) -> dict[str, int | None]:
    ids = list(_inventory(form).item_ids)
    answers: dict[str, int | None] = {}
    seen: dict[str, str] = {}
    for where, item, value in pairs:
        if item.isdigit():
            number = int(item)
            if not 1 <= number <= len(ids):
                raise InputError(
                    f"{where}: item {number} is not on the {form} form (items 1–{len(ids)})."
                )
            item_id = ids[number - 1]
        elif item.upper() in set(ids):
            item_id = item.upper()
        else:
            raise InputError(
                f"{where}: item {item!r} is not on the {form} form; use the number printed "
                f"beside it (1–{len(ids)})."
            )
        number = ids.index(item_id) + 1
        if item_id in seen:
            raise InputError(
                f"{where}: item {number} ({item_id}) was already given ({seen[item_id]})."
            )
        seen[item_id] = where
        if value in ("", "None"):
            answers[item_id] = None
        elif value in ("1", "2", "3", "4", "5"):
            answers[item_id] = int(value)
        else:
            raise InputError(
                f"{where}: the answer to item {number} is {value!r}; expected the box ticked, "
                "1 (strongly dislike) to 5 (strongly like), or empty."
            )
    return answers


def profile_from_paper(
    totals: Mapping[str, object] | str | None = None,
    answers: Mapping[str, object] | str | Path | None = None,
    form: str = "long",
) -> InterestProfile:
    """An interest profile from a paper form: the six totals, or the answers.

    Parameters
    ----------
    totals : mapping or str, optional
        Area totals added up by hand: 0–40 each on the full form, 0–20 on the short form
        (scaled × 2 to the 0–40 scale the screens and the report use). A string such as
        ``"R=12,I=30,A=25,S=8,E=14,C=3"`` is read by :func:`parse_totals`.
    answers : mapping, str or Path, optional
        ``{item number or item id: 1–5}``, or a CSV file / text read by
        :func:`read_paper_answers`.
    form : {"long", "short"}
        Which paper form was used.

    Exactly one of ``totals`` and ``answers`` is given.

    Raises
    ------
    InputError
        Neither or both given, or anything wrong in them (the message says what and where).
    """
    if (totals is None) == (answers is None):
        raise InputError("Give either the six totals or the answers from the paper form, not "
                         "both and not neither.")
    inventory = _inventory(form)
    if totals is not None:
        values: Mapping[str, object]
        if isinstance(totals, str):
            values = parse_totals(totals)
        else:
            values = dict(totals)
        top = 4 * inventory.counts["R"]
        profile = profile_from_scores(values, max_score=top)
        if inventory.form == "short":
            scaled = {k: (None if v is None else v * 2) for k, v in profile.scores.items()}
            return profile_from_scores(scaled, max_score=40)
        return profile
    if isinstance(answers, Mapping):
        if not answers:
            raise InputError(f"No answers given; expected up to {len(inventory)} item answers.")
        pairs = [
            (f"answer {n}", str(k).strip(), "" if v is None else str(v).strip())
            for n, (k, v) in enumerate(answers.items(), start=1)
        ]
        return score(_answers(pairs, form), inventory)
    assert answers is not None  # exactly one of totals and answers (checked above)
    return score(read_paper_answers(answers, form), inventory)
