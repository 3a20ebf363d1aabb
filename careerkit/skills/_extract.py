"""Find a taxonomy's skills in job-posting text, quickly and carefully.

Two engines give the same matches. When ``make`` has built the compiled whole-word search
(``_walk.py``, a small C file; needs a C compiler), it finds the long aliases: only whole words
come back. Otherwise the pure-Python engine described below runs, about a quarter slower.

One Aho-Corasick automaton (``ahocorasick_rs``, leftmost-longest) holds every alias of the
taxonomy plus the phrases that mark posting sections ("Requirements", "Nice to have", "a plus"),
so one pass over the text finds both. Aliases are searched with a leading space over a
normalised copy of the text in which word separators are spaces, so a match can only start at
the start of a word; the end is checked against the next character (``+ # . _`` stay inside a
token: ``C`` is not found in ``C++`` or ``C#``, ``Node`` not in ``Node.js``). When the longest
alias found ends inside a word ("javascript framework" in "JavaScript frameworks"), the longest
shorter alias at the same start that ends at a word end is taken ("JavaScript"), and the words
inside the rejected match are searched again.

Ambiguous aliases (status ``needs_context``, see :mod:`careerkit.skills._taxonomy`) are accepted
only with evidence (``_evidence.py``): the case they are written in ("Go", not "go"), no
negative context ("excel at", "access to", "R & D", "S.C"), and, for one- and two-letter
aliases, company names and words at the start of a sentence, a context cue (a qualifier such as
"programming" or "proficient in", or a neighbouring skill in the same list: "Python, R, SQL").
Each match's strength comes from the posting's sections and cue phrases (``_sections.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick_rs

from careerkit.errors import InputError
from careerkit.skills._cache import CACHE_VERSION, cache_load, cache_store
from careerkit.skills._evidence import Neighbours, has_evidence, listable
from careerkit.skills._sections import (
    INLINE_PREFERRED,
    INLINE_REQUIRED,
    cue_phrases,
    inline_cue,
    inline_only,
)
from careerkit.skills._sections import strengths as section_strengths
from careerkit.skills._taxonomy import Taxonomy, alias_rules
from careerkit.skills._text import WORD_BYTE, Normalised, alias_bytes, normalise, normalise_alias
from careerkit.skills._walk import Walker, WordTrie
from careerkit.skills._walk import build as build_trie
from careerkit.skills._walk import library as walk_library

__all__ = ["STRENGTHS", "SkillExtractor", "SkillMatch"]

STRENGTHS = ("required", "preferred", "unspecified")

TEXT = {
    "not_text": "The posting text must be a string; got {type}.",
    "not_taxonomy": "SkillExtractor needs a Taxonomy (Taxonomy.default(), .from_esco(path) or "
    ".from_csv(path)); got {type}.",
}


class SkillMatch(NamedTuple):
    """One mention of a skill in a posting.

    ``start`` and ``end`` index the text passed to :meth:`SkillExtractor.extract` (so
    ``text[start:end]`` is the evidence); ``strength`` is ``required``, ``preferred`` or
    ``unspecified`` (from the posting's sections and cue phrases).
    """

    skill_id: str
    label: str
    kind: str
    start: int
    end: int
    strength: str
    #: the words as written in the posting
    text: str = ""

    def to_dict(self) -> dict[str, object]:
        """The match as a plain dict (for JSON)."""
        return self._asdict()


@dataclass(frozen=True)
class _Compiled:
    patterns: list[str]
    pat_key: list[str]
    pat_skill: list[int]
    pat_status: list[int]  # 0 safe, 1 needs context
    pat_canon: list[str]
    pat_cue: list[int]
    skill_ids: list[str]
    labels: list[str]
    kinds: list[str]
    #: the patterns longer than two characters, in the order they go into the automaton
    long_order: list[int]
    #: the same patterns for the compiled whole-word search (``_walk.py``)
    trie: WordTrie | None = None


def _compile(taxonomy: Taxonomy) -> _Compiled:
    rules = alias_rules()
    aliases = taxonomy.alias_table
    skills = taxonomy.skills
    index = {sid: i for i, sid in enumerate(skills["skill_id"])}
    label_key = {
        sid: normalise_alias(lbl)
        for sid, lbl in zip(skills["skill_id"], skills["label"], strict=True)
    }
    # key -> (skill index, status 0/1, canonical case, is that skill's own label)
    chosen: dict[str, tuple[int, int, str, bool]] = {}
    for alias, key, sid, status in aliases.itertuples(index=False):
        if status == "blocked":
            continue
        stat = 0 if status == "safe" else 1
        is_label = label_key[sid] == key
        if key in rules.canonical:
            canon = rules.canonical[key]
        elif alias.isupper() and stat and not is_label:
            # an ambiguous acronym standing for a longer name ("ICT", "ERP"): capitals are
            # no evidence, since acronyms are always written so; it needs a context cue
            canon = ""
        else:
            canon = alias if alias != alias.casefold() else ""
        prev = chosen.get(key)
        # One key, several skills: the skill whose own label it is wins, with its own status
        # ("SQL" is the skill SQL even if another skill lists "SQL" as an alternative name);
        # otherwise the first listed, with the strictest status among them.
        if prev is None or (is_label and not prev[3]):
            chosen[key] = (index[sid], stat, canon, is_label)
        elif not prev[3] and prev[1] == 0 and stat == 1:
            chosen[key] = (prev[0], 1, prev[2] or canon, False)
    cue_of: dict[str, int] = {}
    for phrase, cue in cue_phrases().items():
        cue_of.setdefault(normalise_alias(phrase), cue)
    keys = sorted(set(chosen) | set(cue_of))
    pat_skill, pat_status, pat_canon, pat_cue = [], [], [], []
    for key in keys:
        sk, stat, canon, _ = chosen.get(key, (-1, 0, "", False))
        pat_skill.append(sk)
        pat_status.append(stat)
        pat_canon.append(canon)
        pat_cue.append(cue_of.get(key, 0))
    long_order = _search_order(keys)
    return _Compiled(
        patterns=[" " + k for k in keys],
        pat_key=keys,
        pat_skill=pat_skill,
        pat_status=pat_status,
        pat_canon=pat_canon,
        pat_cue=pat_cue,
        skill_ids=list(skills["skill_id"]),
        labels=list(skills["label"]),
        kinds=list(skills["kind"]),
        long_order=long_order,
        trie=build_trie([alias_bytes(" " + keys[i]) for i in long_order]),
    )


def _search_order(keys: list[str]) -> list[int]:
    """Indexes of the keys longer than two characters, in the order they go into the automaton.

    The automaton finds the same matches in any order (leftmost-longest, no two keys alike),
    but its states are laid out in memory in the order the patterns are added. Aliases whose
    first word recurs across the taxonomy ("manage", "use", "develop") are the ones postings
    walk into most, so they go first and their states sit together: about 5 % faster search
    with ESCO (benchmarks/results/extract_figures.md). Within a count the order stays sorted.
    """
    uses = Counter(" ".join(keys).split())
    neg = [-uses[k.partition(" ")[0]] for k in keys]
    return [i for i in sorted(range(len(keys)), key=neg.__getitem__) if len(keys[i]) > 2]


def _automaton(patterns: list[bytes], dfa: bool = False) -> ahocorasick_rs.BytesAhoCorasick:
    # ContiguousNFA: measured fastest to search with the taxonomy's thousands of aliases
    # (benchmarks/bench_extract.py), and quick to build; a DFA is faster for a few dozen short
    # patterns (about a quarter) and as quick to build. The matches are the same either way.
    impl = ahocorasick_rs.Implementation
    return ahocorasick_rs.BytesAhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=impl.DFA if dfa else impl.ContiguousNFA,
    )


class SkillExtractor:
    """Find a taxonomy's skills in posting text.

    The compiled form of a taxonomy is cached on disk (see
    :func:`careerkit.skills._taxonomy.cache_dir`), keyed by the taxonomy's content, so a second
    start only rebuilds the automaton.

    Examples
    --------
    >>> ex = SkillExtractor(Taxonomy.default())
    >>> [m.label for m in ex.extract("Requirements: Python and SQL; C++ is a plus.")]
    ['Python', 'Structured query language SQL', 'C++']
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        if not isinstance(taxonomy, Taxonomy):
            raise InputError(TEXT["not_taxonomy"].format(type=type(taxonomy).__name__))
        self.taxonomy = taxonomy
        name = f"compiled-{CACHE_VERSION}-{taxonomy.digest()}.pkl"
        compiled = cache_load(name)
        if not isinstance(compiled, _Compiled):
            compiled = _compile(taxonomy)
            cache_store(name, compiled)
        self._c = compiled
        # Aliases of one or two characters ("c", "r", "go") would match at the start of every
        # word beginning so; they get their own automaton whose patterns carry the end of the
        # word (a space or a full stop), so only whole words come back.
        pats = compiled.patterns
        self._long_idx = compiled.long_order
        self._short_idx: list[int] = []
        short = []
        for i, p in enumerate(pats):
            if len(p) <= 3:
                for end in (" ", "."):
                    short.append(alias_bytes(p + end))
                    self._short_idx.append(i)
        long_pats = [alias_bytes(pats[i]) for i in self._long_idx]
        # the compiled whole-word search when it is built here (same matches, faster), else
        # the automaton
        lib = walk_library()
        self._walker = Walker(compiled.trie, lib) if lib and compiled.trie else None
        self._ac = None if self._walker else _automaton(long_pats)
        # pattern bytes -> its index in the long automaton, for the shorter alias at the start
        # of a match that fails the word-end check (see _sort_raw)
        self._long_key = dict(zip(long_pats, range(len(long_pats)), strict=True))
        # aliases with non-ASCII letters are searched with a stand-in byte for each such
        # letter; a match is confirmed against the text
        self._exact = [not k.isascii() for k in compiled.pat_key]
        # aliases of several words: a rejected match of one may hide another inside it
        self._multi = [" " in k for k in compiled.pat_key]
        # A handful of short aliases that each hold a rare byte (ESCO's "8i", "r3"): finding
        # that byte (memchr) and checking the patterns around it is far cheaper than a second
        # automaton pass over the whole text.
        self._short_find = _ShortFinder.build(short)
        self._ac_short = (
            _automaton(short, dfa=len(short) <= 200) if short and self._short_find is None else None
        )
        # per pattern of the long automaton, what a whole-word match of it is: the pattern
        # (index into compiled.patterns, >= 0) when simply a safe skill; -1 - cue kind (< -1)
        # when only a cue phrase; -1 when it needs the full treatment below (non-ASCII
        # letters, ambiguous, or a skill that is also a cue)
        route = [
            -1 if ex else (-1 - cue if cue else -1) if sk < 0 else (-1 if st or cue else i)
            for i, (sk, st, cue, ex) in enumerate(
                zip(
                    compiled.pat_skill,
                    compiled.pat_status,
                    compiled.pat_cue,
                    self._exact,
                    strict=True,
                )
            )
        ]
        multi = self._multi
        self._route = [route[i] for i in self._long_idx]
        self._long_multi = [multi[i] for i in self._long_idx]
        # per pattern: whether its skill counts as a list neighbour (evidence for another)
        skill_listable = [listable(kind) for kind in compiled.kinds]
        self._listable = [sk >= 0 and skill_listable[sk] for sk in compiled.pat_skill]
        # the match loop's tables, fetched in one go (it runs once per posting and rescan)
        self._tables = (
            compiled.pat_skill,
            compiled.pat_status,
            compiled.pat_cue,
            compiled.pat_key,
            self._long_idx,
            self._exact,
            self._route,
            self._long_multi,
        )
        # per pattern: its skill's id, label and kind (None for cue phrases), the start of its
        # SkillMatch, field by field: a SkillMatch is then built from one plain tuple display
        # (measured faster than unpacking a per-skill tuple)
        ids, labels, kinds = compiled.skill_ids, compiled.labels, compiled.kinds
        self._pat_fields = (
            [ids[sk] if sk >= 0 else None for sk in compiled.pat_skill],
            [labels[sk] if sk >= 0 else None for sk in compiled.pat_skill],
            [kinds[sk] if sk >= 0 else None for sk in compiled.pat_skill],
        )

    def __repr__(self) -> str:
        return f"SkillExtractor({self.taxonomy!r})"

    # ------------------------------------------------------------------ public
    def extract(self, text: str, employer: str | Iterable[str] | None = None) -> list[SkillMatch]:
        """Skills mentioned in ``text`` (plain text or HTML), in order of appearance.

        Parameters
        ----------
        text
            The posting as the caller has it; spans index this string.
        employer
            The employer's name (or several names): never reported as a skill.

        Returns
        -------
        list of SkillMatch
        """
        if not isinstance(text, str):
            raise InputError(TEXT["not_text"].format(type=type(text).__name__))
        if not text:
            return []
        doc = normalise(text)
        search = doc.search
        # byte spans of the alias (after the pattern's leading space): start, end, pattern
        accepted: list[tuple[int, int, int]] = []
        pending: list[tuple[int, int, int]] = []
        # the cue phrases found, by kind: heading phrases that may start a line (start, end,
        # kind), and the starts of inline preferred and required cues
        cues: _Cues = ([], [], [])
        masked: list[tuple[int, int]] = []
        self._collect(doc, 0, len(search), accepted, pending, cues, masked)
        if not accepted and not pending and not masked:
            return []
        not_skills = _employer_spans(search, employer) if employer else []
        if pending or not_skills:
            self._judge(doc, accepted, pending, not_skills, masked)
        if masked:
            # A rejected match may hide one that starts inside it ("enjoy working
            # independently": "enjoy working" needs context, "working independently" does
            # not). Search again from each word inside a rejected match, once.
            extra: list[tuple[int, int, int]] = []
            extra_pending: list[tuple[int, int, int]] = []
            for k, stop in masked:
                hi = search.find(b" ", min(len(search) - 1, stop + _RESCAN_TAIL))
                found: list[tuple[int, int, int]] = []
                found_pending: list[tuple[int, int, int]] = []
                self._collect(doc, k, hi, found, found_pending, ([], [], []), None)
                extra += [m for m in found if m[0] <= stop]
                extra_pending += [m for m in found_pending if m[0] <= stop]
            self._judge(doc, extra, extra_pending, not_skills, None, accepted)
            if extra:
                accepted = _leftmost_longest(accepted + extra)
        if not accepted:
            return []
        starts = [m[0] for m in accepted]
        strengths = (
            section_strengths(doc.raw, doc.plain, *cues, starts)
            if cues[0] or cues[1] or cues[2]
            else ["unspecified"] * len(starts)
        )
        ids, labels, kinds = self._pat_fields
        original = doc.original
        # tuple.__new__ directly: the named tuple's own __new__ is a Python-level wrapper
        # (the lists zipped below have the same length by construction)
        make = tuple.__new__
        if doc.plain_start is None:  # no markup: plain offsets are the caller's offsets
            return [
                make(
                    SkillMatch,
                    (ids[pi], labels[pi], kinds[pi], bs - 1, be - 1, st, original[bs - 1 : be - 1]),
                )
                for (bs, be, pi), st in zip(accepted, strengths)  # noqa: B905
            ]
        os_list, oe_list = doc.original_spans([s - 1 for s in starts], [m[1] - 1 for m in accepted])
        return [
            make(SkillMatch, (ids[pi], labels[pi], kinds[pi], os_, oe, st, original[os_:oe]))
            for (_, _, pi), os_, oe, st in zip(accepted, os_list, oe_list, strengths, strict=True)
        ]

    # ------------------------------------------------------------------ helpers
    def _collect(
        self,
        doc: Normalised,
        lo: int,
        hi: int,
        accepted: list[tuple[int, int, int]],
        pending: list[tuple[int, int, int]],
        cues: _Cues,
        masked: list[tuple[int, int]] | None,
    ) -> None:
        """Search ``doc.search[lo:hi]`` with both automata; sort the whole-word matches into
        safe (``accepted``), ambiguous (``pending``) and cue phrases (``cues``, by kind); note
        rejected matches with a word inside them in ``masked`` (when given)."""
        n = len(doc.search)
        search = doc.search[lo:hi] if lo or hi < n else doc.search
        if self._walker is not None:
            # whole-word matches only, on the full text (offsets need no shift)
            flat = self._walker.find(doc.search, lo, hi + 1 if hi < n else n)
            it = iter(flat)
            raw_matches: Iterable[tuple[int, int, int]] = zip(it, it, it) if flat else ()  # noqa: B905 (flat triples)
            shift = False
        else:
            assert self._ac is not None  # built whenever there is no compiled walker
            raw_matches = self._ac.find_matches_as_indexes(search)
            shift = bool(lo)
        if self._ac_short is not None:
            short_matches = self._ac_short.find_matches_as_indexes(search)
        elif self._short_find is not None:
            short_matches = self._short_find.find(search)
        else:
            short_matches = []
        if not raw_matches and not short_matches:
            return
        if shift:
            raw_matches = [(api, s + lo, e + lo) for api, s, e in raw_matches]
        if lo and short_matches:
            short_matches = [(api, s + lo, e + lo) for api, s, e in short_matches]
        search = doc.search
        pat_status, pat_key, exact = self._c.pat_status, self._c.pat_key, self._exact
        raw = doc.raw
        word = WORD_BYTE
        # without a hyphen in the text, the hyphen checks cannot reject anything
        hyphen = b"-" in raw
        # shorter aliases at the start of rejected matches come back in ``shorter`` and are
        # sorted in further rounds (each shorter than the last)
        batch: Iterable[tuple[int, int, int]] = raw_matches
        shorter: list[tuple[int, int, int]] = []
        rounds = 0
        while True:
            self._sort_raw(batch, doc, hyphen, accepted, pending, cues, masked, shorter)
            if not shorter:
                break
            batch, shorter, rounds = shorter, [], rounds + 1
        if rounds:
            for found in (accepted, pending, *cues):
                found.sort()
        if short_matches:
            # spans of the long matches (sorted, not overlapping): a short alias inside one of
            # them ("objective c") is part of that longer name
            taken = sorted((a, b) for a, b, _ in (*accepted, *pending))
            taken_starts = [a for a, _ in taken]
            short_idx = self._short_idx
            for api, s, e in short_matches:
                e -= 1  # the pattern's word end
                if search[e] == 46 and search[e + 1] != 32:
                    continue
                if (raw[e] == 45 and word[raw[e + 1]] and not _suffix(raw, e + 1)) or (
                    raw[s] == 45 and word[raw[s - 1]]
                ):
                    continue
                i = bisect_left(taken_starts, e) - 1
                if i >= 0 and taken[i][1] > s + 1:
                    continue
                pi = short_idx[api]
                if exact[pi] and normalise_alias(doc.plain[s : e - 1]) != pat_key[pi]:
                    continue
                (pending if pat_status[pi] else accepted).append((s + 1, e, pi))
            accepted.sort()
            pending.sort()

    def _sort_raw(
        self,
        raw_matches: Iterable[tuple[int, int, int]],
        doc: Normalised,
        hyphen: bool,
        accepted: list[tuple[int, int, int]],
        pending: list[tuple[int, int, int]],
        cues: _Cues,
        masked: list[tuple[int, int]] | None,
        shorter: list[tuple[int, int, int]],
    ) -> None:
        """Sort the long automaton's raw matches (pattern, start, end) by what they are: a
        safe skill (``accepted``), an ambiguous one (``pending``), a cue phrase (by kind), or no
        whole word; for a rejected match of several words, note the words inside it in
        ``masked`` and the longest shorter alias at its start in ``shorter``."""
        search, raw, plain = doc.search, doc.raw, doc.plain
        pat_skill, pat_status, pat_cue, pat_key, long_idx, exact, route, long_multi = self._tables
        # the text ends with a space, so search[e] and raw[e + 1] exist for every match
        word = WORD_BYTE
        long_key, add_shorter = self._long_key, shorter.append
        add = accepted.append
        heads, pref, req = cues
        add_head, add_pref, add_req = heads.append, pref.append, req.append
        for api, s, e in raw_matches:
            # end of a word: a space, or a full stop that ends a sentence; a hyphen joined to
            # a word keeps it one token ("T-SQL" is not SQL), bar a few suffixes
            ch = search[e]
            if (ch != 32 and not (ch == 46 and search[e + 1] == 32)) or (
                hyphen
                and (
                    (raw[e] == 45 and word[raw[e + 1]] and not _suffix(raw, e + 1))
                    or (raw[s] == 45 and word[raw[s - 1]])
                )
            ):
                if long_multi[api]:
                    if masked is not None:
                        masked.append((search.find(b" ", s + 1, e), e))
                    # a shorter alias may start here and end at a word end inside this match
                    # ("JavaScript" in "JavaScript frameworks", where the longest alias is
                    # "javascript framework")
                    k = search.rfind(b" ", s + 1, e)
                    while k > s:
                        found = long_key.get(search[s:k])
                        if found is not None:
                            add_shorter((found, s, k))
                            break
                        k = search.rfind(b" ", s + 1, k)
                continue
            pi = route[api]
            if pi >= 0:
                add((s + 1, e, pi))
                continue
            if pi < -1:
                cue = -1 - pi
                if cue == INLINE_REQUIRED:
                    add_req(s + 1)
                elif cue == INLINE_PREFERRED:
                    add_pref(s + 1)
                elif s and raw[s] == 32 and word[raw[s - 1]] and inline_only(raw, plain, s + 1, e):
                    # after a word, in small letters, no ":": no heading; maybe an inline cue
                    kind = inline_cue(raw, s + 1, e, cue)
                    if kind == INLINE_PREFERRED:
                        add_pref(s + 1)
                    elif kind == INLINE_REQUIRED:
                        add_req(s + 1)
                else:
                    # a heading phrase, at a line start or run into its line ("… deliverable.
                    # Requirements Bachelor's …"): _sections decides which
                    add_head((s + 1, e, cue))
                continue
            pi = long_idx[api]
            if exact[pi] and normalise_alias(doc.plain[s : e - 1]) != pat_key[pi]:
                continue
            cue = pat_cue[pi]
            if cue:
                _file_cue(cue, s, e, raw, cues)
            if pat_skill[pi] >= 0:
                if pat_status[pi]:
                    pending.append((s + 1, e, pi))
                else:
                    add((s + 1, e, pi))

    def _judge(
        self,
        doc: Normalised,
        accepted: list[tuple[int, int, int]],
        pending: list[tuple[int, int, int]],
        employer_spans: list[tuple[int, int]],
        masked: list[tuple[int, int]] | None,
        context: Sequence[tuple[int, int, int]] = (),
    ) -> None:
        """Drop the employer; move ambiguous matches with evidence into ``accepted`` (in
        place); note rejected ones with a word inside them in ``masked``. ``context`` holds
        further safe matches that count as list neighbours."""
        if employer_spans:
            accepted[:] = [m for m in accepted if not _inside(m[0], m[1], employer_spans)]
            pending[:] = [m for m in pending if not _inside(m[0], m[1], employer_spans)]
        if not pending:
            return
        c = self._c
        pat_skill, kinds, keys, canons = c.pat_skill, c.kinds, c.pat_key, c.pat_canon
        plain, raw = doc.plain, doc.raw
        # the safe matches so far (the loop appends to ``accepted``), for list evidence; built
        # only when a match gets that far
        n_safe = len(accepted)
        neighbours = None
        added = False
        for m in pending:
            bs, be, pi = m
            canon = canons[pi]
            if canon:
                # case evidence first, as has_evidence does: most ambiguous matches are
                # ordinary words ("sales", "english") and stop here
                written = plain[bs - 1 : be - 1]
                ok = written == canon or (len(written) > 2 and written.isupper())
            else:
                ok = True
            if ok:
                if neighbours is None:
                    neighbours = self._neighbours(context, accepted[:n_safe])
                ok = has_evidence(
                    plain, raw, (bs, be), keys[pi], canon, kinds[pat_skill[pi]], neighbours
                )
            if ok:
                accepted.append(m)
                added = True
            elif masked is not None:
                k = doc.search.find(b" ", bs, be)
                if k > 0:
                    masked.append((k, be))
        if added:
            accepted.sort()

    def _neighbours(
        self, context: Sequence[tuple[int, int, int]], safe: list[tuple[int, int, int]]
    ) -> Neighbours:
        """The list neighbours among these safe matches (``safe`` is sorted)."""
        ok = self._listable
        if context:
            spans = sorted((s, e) for s, e, p in (*context, *safe) if ok[p])
            return Neighbours.from_spans([s for s, _ in spans], [e for _, e in spans])
        return Neighbours.from_spans(
            [s for s, e, p in safe if ok[p]], [e for s, e, p in safe if ok[p]]
        )


# Words that may follow a skill after a hyphen without making one new word ("Python-based",
# "mass spectrometry-based", "SQL-certified").
_SUFFIXES = re.compile(
    rb"(?:based|driven|related|oriented|focused|specific|centric|savvy|certified|enabled|"
    rb"powered|compatible|friendly|heavy|first|native|intensive|led|skilled)(?![a-z0-9])"
)


#: cue phrases found in a posting, by kind: heading phrases that may start a line (byte start,
#: end, kind), the starts of inline preferred cues, the starts of inline required cues
_Cues = tuple[list[tuple[int, int, int]], list[int], list[int]]

_RESCAN_TAIL = 100  # bytes searched past a rejected match for an alias that starts inside it


# Bytes rare enough in postings that finding each occurrence is cheap (see _ShortFinder).
_RARE = frozenset(b"0123456789#+_jqxz")


class _ShortFinder:
    """Leftmost-longest, non-overlapping search for a few short patterns, each holding a rare
    byte: the same matches as an automaton of those patterns, found from each occurrence of
    the rare bytes."""

    __slots__ = ("by_byte",)

    def __init__(self, by_byte: dict[int, list[tuple[int, bytes, int]]]) -> None:
        # rare byte -> (its offset in the pattern, pattern, pattern index)
        self.by_byte = by_byte

    @classmethod
    def build(cls, patterns: list[bytes]) -> _ShortFinder | None:
        if not patterns or len(patterns) > 8:
            return None
        by_byte: dict[int, list[tuple[int, bytes, int]]] = {}
        for i, pat in enumerate(patterns):
            offsets = [j for j, b in enumerate(pat) if b in _RARE]
            if not offsets or pat[0] != 32:
                return None
            by_byte.setdefault(pat[offsets[0]], []).append((offsets[0], pat, i))
        return cls(by_byte)

    def find(self, text: bytes) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of each match, as ``find_matches_as_indexes`` gives."""
        found = []
        for byte, pats in self.by_byte.items():
            k = text.find(byte)
            while k >= 0:
                for off, pat, i in pats:
                    start = k - off
                    # every pattern starts with a space: test that byte before the whole
                    if start >= 0 and text[start] == 32 and text.startswith(pat, start):
                        found.append((start, -len(pat), i))
                k = text.find(byte, k + 1)
        if not found:
            return []
        found.sort()
        out = []
        last_end = -1
        for start, neg_len, i in found:
            if start >= last_end:
                last_end = start - neg_len
                out.append((i, start, last_end))
        return out


def _file_cue(cue: int, s: int, e: int, raw: bytes, cues: _Cues) -> None:
    """Note a cue phrase found at ``raw[s + 1:e]`` in ``cues`` by kind, as the match loop
    does for a phrase that is only a cue."""
    heads, pref, req = cues
    if cue == INLINE_REQUIRED:
        req.append(s + 1)
    elif cue == INLINE_PREFERRED:
        pref.append(s + 1)
    else:
        heads.append((s + 1, e, cue))


def _leftmost_longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Sorted, without overlaps: of overlapping matches the one starting first (then the
    longer) is kept, as the automaton itself would choose."""
    out: list[tuple[int, int, int]] = []
    last_end = -1
    for m in sorted(matches, key=lambda m: (m[0], -m[1])):
        if m[0] >= last_end:
            out.append(m)
            last_end = m[1]
    return out


def _suffix(raw: bytes, pos: int) -> bool:
    return _SUFFIXES.match(raw, pos) is not None


def _employer_spans(search: bytes, employer: str | Iterable[str]) -> list[tuple[int, int]]:
    names = [employer] if isinstance(employer, str) else list(employer)
    spans = []
    n = len(search)
    for name in names:
        key = alias_bytes(normalise_alias(str(name)))
        if not key:
            continue
        needle = b" " + key
        i = search.find(needle)
        while i >= 0:
            end = i + len(needle)
            if end == n or not WORD_BYTE[search[end]]:
                spans.append((i + 1, end))
            i = search.find(needle, i + 1)
    return spans


def _inside(bs: int, be: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= bs and be <= b for a, b in spans)
