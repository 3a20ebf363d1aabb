"""Skill taxonomies: the bundled O*NET one, ESCO, or a counselor's own list.

A taxonomy is a table ``skill_id, label, kind, aliases, source`` (one row per skill, ``aliases``
a tuple of names that mean the skill) plus, per alias, a status:

``safe``
    matched wherever it appears as a whole word;
``needs_context``
    matched only with case or context evidence ("R", "C", "Go", "Excel", "Access", company names
    that are also product prefixes such as "Google" alone);
``blocked``
    never matched (generic words such as "data", "term", "form").

The ambiguity rules live in ``data/skills/aliases.csv`` (rows with an empty ``skill`` column)
and apply to every taxonomy, bundled or loaded, together with a few automatic rules (very short
aliases need context; purely numeric aliases are blocked).

Sources: O*NET 29.2 Content Model element names (skills 2.A/2.B, knowledge 2.C) and O*NET 30.1
Technology Skills examples, both CC BY 4.0 (bundled by ``scripts/build_data.py``); ESCO skills
(© European Union, CC BY 4.0) read from the user's own copy.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from careerkit import datasets
from careerkit._frames import table_rows
from careerkit.errors import DataError
from careerkit.skills._cache import CACHE_VERSION, cache_dir, cache_load, cache_store
from careerkit.skills._text import normalise_alias

__all__ = [
    "KINDS",
    "STATUSES",
    "Taxonomy",
    "alias_rules",
    "cache_dir",
    "classify_alias",
    "slugify",
]


KINDS = ("software", "technical", "knowledge", "transferable", "certification", "language")
STATUSES = ("safe", "needs_context", "blocked")
_SEVERITY = {s: i for i, s in enumerate(STATUSES)}

TEXT = {
    "missing_file": "{what} file not found: {path}",
    "not_csv": "{path} could not be read as CSV ({reason}).",
    "missing_column": "{path}: column '{column}' is missing; found columns {found}.",
    "empty_value": "{path}, row {row}: column '{column}' is empty; expected {expected}.",
    "bad_kind": "{path}, row {row}: kind '{value}' is not one of {kinds}.",
    "bad_status": "{path}, row {row}: status '{value}' is not one of {statuses}.",
    "no_rows": "{path} holds no skills (expected at least one row under the header).",
    "duplicate_id": "{path}, row {row}: skill_id '{value}' is used twice (first on row {first}).",
}

# O*NET Content Model: 2.B.3 are the technical skills; the other skills (basic 2.A, social 2.B.1,
# complex problem solving 2.B.2, systems 2.B.4, resource management 2.B.5) transfer across jobs.
_ONET_TECHNICAL_PREFIX = "2.B.3."
_ALIAS_SPLIT_COLLECTION = " | "
_ESCO_SKILL_TYPES = {"skill/competence", "knowledge", "language", "skill", "competence", ""}
_SHORT = 2  # aliases of at most this many letters need context (R, C, Go, IT)
# An alias that starts with one of these is a fragment ("and procedures"), never a skill name.
_FUNCTION_WORDS = frozenset(
    ("and", "or", "of", "the", "to", "in", "for", "with", "a", "an", "on", "by", "as", "at")
)


def slugify(text: str) -> str:
    """A stable identifier from a label: lower case, ASCII letters and digits, hyphens."""
    slug = re.sub(r"[^a-z0-9+#]+", "-", text.casefold()).strip("-")
    slug = slug.replace("+", "plus").replace("#", "sharp")
    if slug:
        return slug
    return "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class AliasRules:
    """Ambiguity rules for every taxonomy: alias key -> status, and the case it is written in
    (``""``: case is no evidence for this word)."""

    status: dict[str, str]
    canonical: dict[str, str]


def _aliases_path() -> Path:
    return datasets.data_dir() / "skills" / "aliases.csv"


def _read_alias_file(path: Path) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for line, row in enumerate(reader, start=2):
            alias = (row.get("alias") or "").strip()
            if not alias or alias.startswith("#"):
                continue
            status = (row.get("status") or "").strip()
            if status not in STATUSES:
                raise DataError(
                    TEXT["bad_status"].format(path=path, row=line, value=status, statuses=STATUSES)
                )
            kind = (row.get("kind") or "").strip()
            if kind and kind not in KINDS:
                raise DataError(
                    TEXT["bad_kind"].format(path=path, row=line, value=kind, kinds=KINDS)
                )
            rows.append(
                {
                    "alias": alias,
                    "skill": (row.get("skill") or "").strip(),
                    "kind": kind,
                    "status": status,
                    # "esco": an everyday name for an ESCO skill (by its preferred label),
                    # added to taxonomies read from ESCO; blank: careerkit's default taxonomy
                    "taxonomy": (row.get("taxonomy") or "").strip().casefold(),
                }
            )
    return rows


@cache
def _curated() -> tuple[tuple[dict[str, str], ...], AliasRules]:
    rows = _read_alias_file(_aliases_path())
    status: dict[str, str] = {}
    canonical: dict[str, str] = {}
    # Global rules (no skill) come first: a rule written in lower case ("chef") says the word
    # needs a context cue whatever its case; written with capitals ("Go") it says how the tool
    # is written, which is then evidence enough mid-sentence.
    for row in sorted(rows, key=lambda r: bool(r["skill"])):
        key = normalise_alias(row["alias"])
        has_case = row["alias"] != row["alias"].casefold()
        if not row["skill"]:
            status[key] = row["status"]
            canonical.setdefault(key, row["alias"] if has_case else "")
        elif has_case:
            canonical.setdefault(key, row["alias"])
    additions = tuple(r for r in rows if r["skill"] and not r["taxonomy"])
    return additions, AliasRules(status, canonical)


@cache
def _esco_additions() -> dict[str, tuple[tuple[str, str], ...]]:
    """ESCO preferred label (case-folded) -> everyday names with their status, from the rows
    of ``aliases.csv`` marked ``esco``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in _read_alias_file(_aliases_path()):
        if row["skill"] and row["taxonomy"] == "esco":
            out.setdefault(row["skill"].casefold(), []).append((row["alias"], row["status"]))
    return {k: tuple(v) for k, v in out.items()}


def alias_rules() -> AliasRules:
    """The ambiguity rules that apply to every taxonomy (from ``data/skills/aliases.csv``)."""
    return _curated()[1]


def classify_alias(alias: str, declared: str = "safe") -> str:
    """Status of ``alias`` under the rules for every taxonomy.

    A rule in ``aliases.csv`` for this alias decides. Otherwise the stricter of ``declared``
    (what the taxonomy file says) and the automatic rules: purely numeric aliases and fragments
    starting with a function word ("and procedures") are blocked; aliases of one or two letters
    need context.
    """
    key = normalise_alias(alias)
    rules = alias_rules()
    if key in rules.status:
        return rules.status[key]
    auto = "safe"
    letters = sum(ch.isalpha() for ch in key)
    if not key or letters == 0 or key.split(" ", 1)[0] in _FUNCTION_WORDS:
        auto = "blocked"
    elif len(key.replace(" ", "")) <= _SHORT:
        auto = "needs_context"
    return max(declared, auto, key=_SEVERITY.__getitem__)


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """A skills taxonomy.

    Attributes
    ----------
    skills : pandas.DataFrame
        ``skill_id, label, kind, aliases, source``; ``aliases`` is a tuple of names (the label
        first).
    alias_table : pandas.DataFrame
        ``alias, key, skill_id, status``: one row per (alias, skill); ``key`` is the normalised
        form the extractor searches for.
    name : str
        Where the taxonomy came from (``"default"``, a file path).

    Build one with :meth:`default`, :meth:`from_esco`, :meth:`from_csv` or :meth:`from_records`.
    """

    skills: pd.DataFrame
    alias_table: pd.DataFrame
    name: str = "custom"
    _digest: list[str] = field(default_factory=list, repr=False)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_records(
        cls, records: Iterable[dict], name: str = "custom", source: str = "custom"
    ) -> Taxonomy:
        """Build from dicts with ``label``, ``kind`` and optionally ``skill_id``, ``aliases``
        (an iterable of names, or ``(name, status)`` pairs) and ``source``.

        Aliases that normalise to the same key within a skill are kept once; the ambiguity rules
        (:func:`classify_alias`) set each alias's status.
        """
        skill_rows = []
        alias_rows = []
        seen_ids: set[str] = set()
        for rec in records:
            label = str(rec["label"]).strip()
            sid = str(rec.get("skill_id") or "").strip() or f"{source}:{slugify(label)}"
            if sid in seen_ids:
                continue
            seen_ids.add(sid)
            # one row per key; the strictest status declared for that key wins
            declared_of: dict[str, tuple[str, str]] = {}
            for item in [label, *rec.get("aliases", ())]:
                alias, declared = (item, "safe") if isinstance(item, str) else item
                alias = alias.strip()
                key = normalise_alias(alias)
                if not key:
                    continue
                prev = declared_of.get(key)
                if prev is None:
                    declared_of[key] = (alias, declared)
                elif _SEVERITY[declared] > _SEVERITY[prev[1]]:
                    declared_of[key] = (prev[0], declared)
            names = [alias for alias, _ in declared_of.values()]
            for key, (alias, declared) in declared_of.items():
                alias_rows.append((alias, key, sid, classify_alias(alias, declared)))
            skill_rows.append((sid, label, rec["kind"], tuple(names), rec.get("source", source)))
        skills = pd.DataFrame(
            skill_rows, columns=["skill_id", "label", "kind", "aliases", "source"]
        )
        aliases = pd.DataFrame(alias_rows, columns=["alias", "key", "skill_id", "status"])
        return cls(skills, aliases, name)

    @classmethod
    def default(cls) -> Taxonomy:
        """The bundled taxonomy: O*NET's 35 skills and 33 knowledge areas, O*NET technology-skill
        examples, and our curated everyday names, certifications and languages
        (``data/skills/aliases.csv``)."""
        return _default()

    @classmethod
    def from_esco(cls, path: str | Path) -> Taxonomy:
        """Read ESCO skills in the layout of ESCO's ``skills_en.csv``.

        Columns used: ``preferredLabel`` (the label), ``altLabels`` (newline-separated; the
        ESCO collection files separate them with ``" | "``), ``skillType``, and when present
        ``conceptUri`` (the skill_id; else a stable slug of the label) and ``reuseLevel``.
        Kinds: knowledge → knowledge, transversal skills → transferable, language skills →
        language, other skills/competences → technical.
        """
        path = Path(path)
        if not path.is_file():
            raise DataError(TEXT["missing_file"].format(what="ESCO skills", path=path))
        key = _file_key(path, "esco")
        cached = cache_load(key)
        if isinstance(cached, Taxonomy):
            return cached
        taxonomy = cls._read_esco(path)
        taxonomy.digest()
        cache_store(key, taxonomy)
        return taxonomy

    @classmethod
    def _read_esco(cls, path: Path) -> Taxonomy:
        frame = _read_csv(path, "ESCO skills")
        for column in ("preferredLabel", "altLabels", "skillType"):
            if column not in frame.columns:
                raise DataError(
                    TEXT["missing_column"].format(
                        path=path, column=column, found=list(frame.columns)
                    )
                )
        has_uri = "conceptUri" in frame.columns
        has_reuse = "reuseLevel" in frame.columns
        is_language_file = "language" in path.name.casefold()
        records: list[dict[str, Any]] = []
        for i, row in enumerate(table_rows(frame), start=2):
            label = str(row.preferredLabel).strip()
            skill_type = str(row.skillType).strip().casefold()
            if not label:
                if not skill_type and not str(row.altLabels).strip():
                    continue  # a blank line in the file
                raise DataError(
                    TEXT["empty_value"].format(
                        path=path, row=i, column="preferredLabel", expected="a skill name"
                    )
                )
            if skill_type not in _ESCO_SKILL_TYPES:
                raise DataError(
                    TEXT["empty_value"]
                    .format(
                        path=path,
                        row=i,
                        column="skillType",
                        expected="'skill/competence', 'knowledge' or 'language'",
                    )
                    .replace("is empty", f"holds '{row.skillType}'")
                )
            reuse = str(row.reuseLevel).strip().casefold() if has_reuse else ""
            if skill_type == "language" or is_language_file:
                kind = "language"
            elif skill_type == "knowledge":
                kind = "knowledge"
            elif reuse == "transversal":
                kind = "transferable"
            else:
                kind = "technical"
            alts = str(row.altLabels)
            sep = "\n" if "\n" in alts else _ALIAS_SPLIT_COLLECTION
            aliases = [a.strip() for a in alts.split(sep) if a.strip()]
            uri = str(row.conceptUri).strip() if has_uri else ""
            records.append(
                {
                    "skill_id": uri or f"esco:{slugify(label)}",
                    "label": label,
                    "kind": kind,
                    "aliases": aliases,
                    "source": "ESCO",
                }
            )
        if not records:
            raise DataError(TEXT["no_rows"].format(path=path))
        common = _common_words(a for r in records for a in (r["label"], *r["aliases"]))
        for rec in records:
            label_key = normalise_alias(rec["label"])
            extra = [v for a in rec["aliases"] for v in _vendor_stripped(a)]
            rec["aliases"] = [
                (a, _alt_label_status(a, label_key, common)) for a in rec["aliases"]
            ] + [(v, "safe") for v in extra]
        # our everyday names for common ESCO skills ("teamwork" for "work in teams")
        everyday = _esco_additions()
        for rec in records:
            names = everyday.get(rec["label"].casefold())
            if names:
                rec["aliases"] += list(names)
        return cls.from_records(records, name=str(path), source="esco")

    @classmethod
    def from_csv(cls, path: str | Path) -> Taxonomy:
        """Read a counselor's own list: columns ``label`` and ``kind`` (one of :data:`KINDS`),
        optionally ``skill_id``, ``aliases`` (separated by ``;`` or ``|``) and ``status``
        (``safe``/``needs_context``/``blocked``, applied to the row's aliases; the rules for
        every taxonomy still apply on top)."""
        path = Path(path)
        frame = _read_csv(path, "skills list")
        cols = {c.strip().casefold(): c for c in frame.columns}
        for column in ("label", "kind"):
            if column not in cols:
                raise DataError(
                    TEXT["missing_column"].format(
                        path=path, column=column, found=list(frame.columns)
                    )
                )
        records: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for i, row in enumerate(frame.to_dict("records"), start=2):
            label = str(row[cols["label"]]).strip()
            kind = str(row[cols["kind"]]).strip().casefold()
            if not label:
                raise DataError(
                    TEXT["empty_value"].format(
                        path=path, row=i, column="label", expected="a skill name"
                    )
                )
            if kind not in KINDS:
                raise DataError(TEXT["bad_kind"].format(path=path, row=i, value=kind, kinds=KINDS))
            status = str(row.get(cols.get("status", ""), "") or "safe").strip() or "safe"
            if status not in STATUSES:
                raise DataError(
                    TEXT["bad_status"].format(path=path, row=i, value=status, statuses=STATUSES)
                )
            raw = str(row.get(cols.get("aliases", ""), "") or "")
            aliases = [(a.strip(), status) for a in re.split(r"[;|]", raw) if a.strip()]
            sid = str(row.get(cols.get("skill_id", ""), "") or "").strip()
            sid = sid or f"csv:{slugify(label)}"
            if sid in seen:
                raise DataError(
                    TEXT["duplicate_id"].format(path=path, row=i, value=sid, first=seen[sid])
                )
            seen[sid] = i
            records.append(
                {
                    "skill_id": sid,
                    "label": label,
                    "kind": kind,
                    "aliases": [(label, status), *aliases],
                    "source": str(path.name),
                }
            )
        if not records:
            raise DataError(TEXT["no_rows"].format(path=path))
        return cls.from_records(records, name=str(path), source="csv")

    # ------------------------------------------------------------------ use
    def __len__(self) -> int:
        return len(self.skills)

    def __repr__(self) -> str:
        return (
            f"Taxonomy({self.name!r}, {len(self.skills)} skills, {len(self.alias_table)} aliases)"
        )

    def digest(self) -> str:
        """A fingerprint of the content (skills, aliases, statuses): the on-disk cache key."""
        if not self._digest:
            h = hashlib.sha1()
            h.update(CACHE_VERSION.encode())
            for frame in (self.skills[["skill_id", "label", "kind"]], self.alias_table):
                h.update(",".join(frame.columns).encode())
                h.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
            self._digest.append(h.hexdigest())
        return self._digest[0]

    def aliases_of(self, skill_id: str) -> pd.DataFrame:
        """The aliases of one skill with their status."""
        return self.alias_table[self.alias_table["skill_id"] == skill_id].reset_index(drop=True)


def _file_key(path: Path, kind: str) -> str:
    st = path.stat()
    rules = _aliases_path().read_bytes()
    h = hashlib.sha1()
    for part in (CACHE_VERSION, kind, str(path.resolve()), str(st.st_size), str(st.st_mtime_ns)):
        h.update(part.encode() + b"\0")
    h.update(rules)
    return f"{kind}-{h.hexdigest()}.pkl"


def _read_csv(path: Path, what: str) -> pd.DataFrame:
    if not path.is_file():
        raise DataError(TEXT["missing_file"].format(what=what, path=path))
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DataError(TEXT["not_csv"].format(path=path, reason=reason)) from None


# Alternative labels that are a light verb and one more word ("be responsible", "enjoy working",
# "stay focused") name attitudes vaguely; posting sentences use them loosely.
_LIGHT_VERB = re.compile(
    r"^(?:be|stay|enjoy|have|get|keep|show|take|make|do|give|feel|act|go)\s+\S+$"
)
_VENDORS = re.compile(
    r"^(?:microsoft office|microsoft|ms|adobe|apache|oracle|google|ibm|sap|autodesk|atlassian|"
    r"amazon|aws|apple|the mathworks|mathworks|intuit|cisco|red hat|salesforce|sun microsystems|"
    r"dassault systemes|esri)\s+(?P<rest>.+)$",
    re.I,
)


def _common_words(aliases: Iterable[str]) -> frozenset[str]:
    """Words written in lower case inside at least two multi-word aliases of a taxonomy: its
    ordinary vocabulary ("source", "computer", "processes"), as opposed to product names."""
    counts: dict[str, int] = {}
    for alias in aliases:
        words = alias.split()
        if len(words) < 2:
            continue
        for w in set(words):
            if w.islower() and w.isalpha():
                counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 2)


def _alt_label_status(alias: str, label_key: str, common: frozenset[str]) -> str:
    """Declared status of an ESCO alternative label. The preferred label is safe. A one-word
    alternative that is an ordinary word of the taxonomy ("transport" for *logistics*,
    "computer" for *computer equipment*) is blocked; a light-verb phrase or an acronym needs
    context."""
    key = normalise_alias(alias)
    if key == label_key:
        return "safe"
    if " " not in key and (alias.islower() or key in common):
        # on real postings these are mostly the ordinary word ("standard" for *scaffolding
        # components*, "computer" for *computer equipment*): not used at all
        return "blocked"
    if _LIGHT_VERB.match(key):
        return "needs_context"
    if alias.isupper() and len(key) <= 5:
        # an acronym for a longer name ("ICT" for *printed circuit boards testing methods*)
        # stands for many things; the extractor asks for a context cue
        return "needs_context"
    return "safe"


def _vendor_stripped(alias: str) -> list[str]:
    """The product name without its vendor ("Microsoft Office Excel" → "Excel"), when that name
    is distinctive on its own: written in mixed case or capitals ("PowerPoint", "SQL Server"),
    or covered by an ambiguity rule ("Excel", "Word": then matched only with evidence)."""
    m = _VENDORS.match(alias)
    if not m:
        return []
    rest = m.group("rest").strip()
    key = normalise_alias(rest)
    if key in alias_rules().status:
        return [rest]
    distinctive = any(
        (len(w) >= 2 and w.isupper()) or (any(ch.isupper() for ch in w[1:]) and w.isalpha())
        for w in rest.split()
    )
    return [rest] if distinctive else []


_ACRONYM_TAIL = re.compile(r"^(?P<head>.+?)\s+(?P<acr>[A-Z][A-Z0-9]{1,7})(?:\s+software)?$")


def _derived_aliases(example: str, hot: bool) -> list[tuple[str, str]]:
    """Everyday forms of an O*NET technology example, by two general rules, with a status.

    A trailing acronym whose letters start the preceding words ("Structured query language SQL"
    → "SQL" and the expansion) — the acronym only for O*NET Hot Technologies (those frequent in
    job postings), since rare ones are mostly ordinary words or organisations ("FIELDS", "DRC"),
    and then only where it is written in capitals. And a name before a trailing "software"
    ("EPLAN software" → "EPLAN"), again in capitals only when the name is all capitals
    ("IMPACT software" must not match "impact").
    """
    out: list[tuple[str, str]] = []
    m = _ACRONYM_TAIL.match(example)
    if m:
        head, acr = m.group("head"), m.group("acr")
        words = re.findall(r"[A-Za-z]+", head)
        initials = "".join(w[0] for w in words).upper()
        # three letters at least: two-letter tails are too often unrelated ("... Inspection AI")
        if len(acr) >= 3 and initials.endswith(acr):
            # the spelled-out name only when it is the whole name ("Customer relationship
            # management CRM software"), not part of a product's ("SAP ... Human Capital
            # Management HCM", where it names a department as often as the product)
            if len(words) == len(acr):
                out.append((" ".join(words), "safe"))
            if hot:
                out.append((acr, "needs_context"))
    if example.endswith(" software"):
        stem = example[: -len(" software")]
        # a capital after the first letter marks a name ("EPLAN", "Siemens PLM"), not a
        # sentence-case description ("Statistics software")
        if len(stem) > 2 and any(ch.isupper() for ch in stem[1:]):
            out.append((stem, "needs_context" if stem.isupper() else "safe"))
    return out


@cache
def _default() -> Taxonomy:
    elements = datasets.elements()[["element_id", "element_name", "kind"]].sort_values("element_id")
    tech = datasets.technology()
    records: dict[str, dict[str, Any]] = {}
    by_label: dict[str, str] = {}
    for row in table_rows(elements):
        if row.kind == "knowledge":
            kind = "knowledge"
        elif str(row.element_id).startswith(_ONET_TECHNICAL_PREFIX):
            kind = "technical"
        else:
            kind = "transferable"
        # "Mathematics" is both a skill (2.A.1.e) and a knowledge area (2.C.4.a): keep both ids
        records[row.element_id] = {
            "skill_id": row.element_id,
            "label": row.element_name,
            "kind": kind,
            "aliases": [],
            "source": "O*NET 29.2 Content Model",
        }
        by_label.setdefault(row.element_name.casefold(), row.element_id)
    additions, _ = _curated()
    curated_keys = {normalise_alias(row["alias"]) for row in additions}
    hot = set(tech.loc[tech["hot_technology"].astype(str).str.casefold() == "true", "example"])
    for example in sorted(tech["example"].dropna().unique()):
        sid = f"onet-tech:{slugify(example)}"
        if sid in records:
            continue
        # a curated everyday name decides which example it stands for
        derived = [
            (a, st)
            for a, st in _derived_aliases(example, example in hot)
            if normalise_alias(a) not in curated_keys
        ]
        # a one-word name in capitals ("REDUCE") is matched only where written so
        if " " not in example and example.isupper() and len(example) > 2:
            derived.append((example, "needs_context"))
        records[sid] = {
            "skill_id": sid,
            "label": example,
            "kind": "software",
            "aliases": derived,
            "source": "O*NET 30.1 Technology Skills",
        }
        by_label.setdefault(example.casefold(), sid)
    for added in additions:
        target = by_label.get(added["skill"].casefold())
        if target is None:
            target = f"careerkit:{slugify(added['skill'])}"
            records[target] = {
                "skill_id": target,
                "label": added["skill"],
                "kind": added["kind"] or "software",
                "aliases": [],
                "source": "careerkit curated (data/skills/aliases.csv)",
            }
            by_label[added["skill"].casefold()] = target
        records[target]["aliases"].append((added["alias"], added["status"]))
    return Taxonomy.from_records(records.values(), name="default", source="onet")
