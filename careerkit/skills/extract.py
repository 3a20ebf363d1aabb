"""Find a taxonomy's skills in job-posting text, quickly and carefully.

One Aho-Corasick automaton (``ahocorasick_rs``, leftmost-longest) holds every alias of the
taxonomy plus the phrases that mark posting sections ("Requirements", "Nice to have", "a plus"),
so one pass over the text finds both. Aliases are searched with a leading space over a
normalised copy of the text in which word separators are spaces, so a match can only start at
the start of a word; the end is checked against the next character (``+ # . _`` stay inside a
token: ``C`` is not found in ``C++`` or ``C#``, ``Node`` not in ``Node.js``).

Ambiguous aliases (status ``needs_context``, see :mod:`careerkit.skills.taxonomy`) are accepted
only with evidence: the case they are written in ("Go", not "go"), no negative context ("excel
at", "access to", "R & D", "S.C"), and, for one- and two-letter aliases, company names and
words at the start of a sentence, a context cue (a qualifier such as "programming" or
"proficient in", or a neighbouring skill in the same list: "Python, R, SQL").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick_rs

from careerkit.errors import InputError
from careerkit.skills._text import Normalised, alias_bytes, normalise, normalise_alias
from careerkit.skills.taxonomy import (
    CACHE_VERSION,
    Taxonomy,
    alias_rules,
    cache_load,
    cache_store,
)

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


# ---------------------------------------------------------------- section and cue phrases
# Heading phrases (recognised at the start of a line, followed by ":" or by little else on the
# line) and inline cues (anywhere in a sentence). Our own lists of common posting wording.
_H_REQ, _H_PREF, _H_OTHER, _I_PREF, _I_REQ = 1, 2, 3, 4, 5
_CUES: dict[int, tuple[str, ...]] = {
    _H_REQ: (
        "requirements",
        "requirement",
        "job requirements",
        "minimum requirements",
        "basic requirements",
        "minimum qualifications",
        "basic qualifications",
        "required qualifications",
        "required skills",
        "required experience",
        "requirements and qualifications",
        "qualifications",
        "qualification",
        "qualifications and experience",
        "skills and experience",
        "skills and qualifications",
        "education and experience",
        "experience and skills",
        "knowledge skills and abilities",
        "what you need",
        "what you ll need",
        "what you will need",
        "what we re looking for",
        "what we are looking for",
        "who you are",
        "you have",
        "your profile",
        "must have",
        "must haves",
        "essential skills",
        "essential criteria",
        "essential requirements",
        "key skills",
        "key requirements",
        "skills required",
        "required competencies",
        "competencies",
        "job specification",
        "person specification",
        "candidate profile",
        "the ideal candidate",
        "ideal candidate",
        "about you",
        "eligibility criteria",
        "required education and experience",
        "educational background",
        "skills and competencies",
        "knowledge and skills",
        "experience required",
    ),
    _H_PREF: (
        "preferred qualifications",
        "preferred skills",
        "preferred experience",
        "preferred",
        "nice to have",
        "nice to haves",
        "good to have",
        "bonus points",
        "bonus",
        "desirable",
        "desirable skills",
        "desirable criteria",
        "desired skills",
        "desired qualifications",
        "additional qualifications",
        "pluses",
        "plus",
        "extra credit",
        "it would be great if",
        "even better if",
        "preferred requirements",
        "desired experience",
        "desirable experience",
    ),
    _H_OTHER: (
        "responsibilities",
        "key responsibilities",
        "duties",
        "duties and responsibilities",
        "main duties",
        "what you ll do",
        "what you will do",
        "about us",
        "about the company",
        "about the role",
        "about the job",
        "the role",
        "role",
        "job description",
        "job summary",
        "job purpose",
        "summary",
        "overview",
        "benefits",
        "what we offer",
        "we offer",
        "perks",
        "how to apply",
        "salary",
        "compensation",
        "to apply",
        "company description",
        "position summary",
        "job overview",
        "description",
        "our company",
        "who we are",
        "main responsibilities",
        "your responsibilities",
        "duties & responsibilities",
        "application instructions",
        "deadline",
        "terms of employment",
    ),
    _I_PREF: (
        "a plus",
        "is a plus",
        "an advantage",
        "added advantage",
        "advantageous",
        "preferably",
        "desired",
        "nice to have",
        "ideally",
        "would be beneficial",
        "is beneficial",
        "an asset",
        "a bonus",
        "highly regarded",
        "good to have",
        "strongly preferred",
        "is preferred",
        "are preferred",
        "preferred but not required",
        "not required",
        "not essential",
        "optional",
    ),
    _I_REQ: (
        "required",
        "is required",
        "are required",
        "must",
        "mandatory",
        "essential",
        "at least",
        "minimum of",
        "requires",
        "we require",
        "is a must",
        "a must",
    ),
}
_HEADING_TAIL = 40  # a heading line has at most this much text after the heading phrase
_SENTENCE_MAX = 400  # bytes searched either side of a match for the ends of its sentence
_NOT_HEADING_TAIL = (b"and ", b"or ", b"to ", b"is ", b"are ", b"will ", b"of ", b"in ")
_SECTION_STRENGTH = {_H_REQ: "required", _H_PREF: "preferred", _H_OTHER: "unspecified"}
_BULLET = re.compile(rb"[\s\-*>#\d.)(\[\]]*")

# ---------------------------------------------------------------- ambiguity evidence
# Company names that are also product-name prefixes: alone they are never enough.
_COMPANIES = frozenset(
    (
        "google",
        "microsoft",
        "oracle",
        "apple",
        "amazon",
        "ibm",
        "adobe",
        "cisco",
        "intuit",
        "autodesk",
        "sap",
        "meta",
    )
)
# Words after or before an ambiguous alias that show it names a tool, language or skill.
_QUALIFIER_AFTER = re.compile(
    r"\s*(?:\(\s*)?(?:programming|programmer|languages?|lang\b|developer|development|code|coding|"
    r"scripts?|scripting|studio|framework|libraries|library|certifi\w*|spreadsheets?|databases?|"
    r"macros?|vba|formulas|pivot|workbooks?|queries|query|dashboards?|software|suite|"
    r"(?P<weak>skills?|experience|knowledge|proficiency|environment|stack|documents?|reports?|"
    r"applications?|engineer|ecosystem|tools?))\b",
    re.I,
)
# "proficient in X", "experience with X", "using X", "MS X": checked on the last words before X.
_QUALIFIER_NOUNS = frozenset(
    (
        "proficient",
        "proficiency",
        "experience",
        "experienced",
        "expertise",
        "expert",
        "skilled",
        "skills",
        "knowledge",
        "familiar",
        "familiarity",
        "fluent",
        "fluency",
        "competent",
        "competence",
        "competency",
        "working",
        "background",
        "work",
        "advanced",
        "strong",
        "programming",
        "written",
        "coding",
        "develop",
        "developing",
        "scripting",
    )
)
_QUALIFIER_PREPS = frozenset(("in", "with", "of", "using", "on"))
_QUALIFIER_LAST = frozenset(("using", "ms", "microsoft"))
_SKIP_BEFORE = frozenset(("the", "ms", "microsoft"))


def _qualifier_before(window: str) -> bool:
    words = window.casefold().split()
    while words and words[-1] in _SKIP_BEFORE and len(words) > 1:
        if words[-1] in _QUALIFIER_LAST:
            return True
        words.pop()
    if not words:
        return False
    if words[-1] in _QUALIFIER_LAST:
        return True
    return len(words) >= 2 and words[-1] in _QUALIFIER_PREPS and words[-2] in _QUALIFIER_NOUNS


_BULLET_CHARS = " \t\r-*•·>#)([]0123456789"


def _at_sentence_start(plain: str, ps: int) -> bool:
    """True when only bullets or numbering stand between ``ps`` and the start of its sentence
    or line (where every word is capitalised anyway, so case is no evidence)."""
    lo = max(0, ps - 12)
    head = plain[lo:ps].rstrip(_BULLET_CHARS)
    if not head:
        return lo == 0 or ps - lo < 12
    return head[-1] in "\n.!?:;"


# Words near a language name that show it is asked for as a language (substring tests on the
# lower-cased neighbourhood: far cheaper than a regex search).
_LANGUAGE_CUES = (
    "fluen", "proficien", "speak", "spoken", "written", "writing", "read", "native",
    "bilingual", "language", "mother tongue", "command of", "oral", "verbal", "communicat",
    "interpret", "translat",
)  # fmt: skip
# Neighbouring skills in a list: only separators between them.
_LIST_GAP = re.compile(rb"[\s,;/|()&+]*(?:(?:and|or|and/or|as well as|plus)[\s,;/|()&]*)?")
_NEAR = 40
# Negative contexts: the alias is a common word here, not the tool.
_NEGATIVE_AFTER = {
    "go": re.compile(
        r"\s+(?:to|through|beyond|above|ahead|back|for|on|out|live|into|over|with|get|and|"
        r"the extra|further|far|wrong|well|a long way|forward|along|down|up|abroad|out of)\b"
        r"|-(?:to|getter|live|ahead)\b",
        re.I,
    ),
    "excel": re.compile(r"\s+(?:at|in|as|on|with|when|through|under|and thrive|beyond)\b", re.I),
    "access": re.compile(
        r"\s+(?:to|the|a|an|our|your|their|this|that|these|for|and|control|card|road|point|"
        r"level|rights|management|from|via|on)\b",
        re.I,
    ),
    "word": re.compile(r"\s+(?:of mouth|for word|count|choice|of god)\b", re.I),
    "spark": re.compile(
        r"\s+(?:interest|curiosity|joy|conversations?|ideas?|creativity|change|innovation|debate|"
        r"imagination|discussion|passion|enthusiasm)\b",
        re.I,
    ),
    "swift": re.compile(
        r"\s+(?:action|response|resolution|decisions?|turnaround|payments?|transfers?|code|"
        r"message|network|banking)\b",
        re.I,
    ),
    "r": re.compile(r"\s*&|\s+and\s+d\b|\s*/?\s*d\b|\s*\.\s*\w\b|'", re.I),
    "c": re.compile(r"\s*&|\s*-\s*(?:level|suite|class)|\s*\.\s*\w\b|'|\s+(?:grade|level)\b", re.I),
}
_NEGATIVE_BEFORE = {
    "access": re.compile(
        r"(?:have|has|had|gain|gaining|grant|granting|provide|providing|get|with|without|easy|"
        r"open|equal|full|public|direct|remote|limited|unrestricted|restricted|improve|improved|"
        r"increase|increased|ensure|ensuring|expand|expanding)\s+$",
        re.I,
    ),
    "r": re.compile(r"(?:[&.]|\w\.|\w')\s*$", re.I),
    "c": re.compile(
        r"(?:[&.]|\w\.|\w'|grade|level|class|vitamin|section|part|plan|annex)\s*$", re.I
    ),
    "go": re.compile(
        r"(?:to|will|can|must|should|would|could|let|and|or|not|we|you|i|they)\s+$", re.I
    ),
}


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


def _compile(taxonomy: Taxonomy) -> _Compiled:
    rules = alias_rules()
    aliases = taxonomy.alias_table
    skills = taxonomy.skills
    index = {sid: i for i, sid in enumerate(skills["skill_id"])}
    label_key = {
        sid: normalise_alias(lbl)
        for sid, lbl in zip(skills["skill_id"], skills["label"], strict=True)
    }
    chosen: dict[str, tuple[int, int, str]] = {}
    for alias, key, sid, status in aliases.itertuples(index=False):
        if status == "blocked":
            continue
        stat = 0 if status == "safe" else 1
        if key in rules.canonical:
            canon = rules.canonical[key]
        elif alias.isupper() and stat and label_key[sid] != key:
            # an ambiguous acronym standing for a longer name ("ICT", "ERP"): capitals are
            # no evidence, since acronyms are always written so; it needs a context cue
            canon = ""
        else:
            canon = alias if alias != alias.casefold() else ""
        prev = chosen.get(key)
        # One key, several skills: the skill whose label it is wins, else the first listed.
        if prev is None or (
            label_key[sid] == key and label_key[skills["skill_id"].iat[prev[0]]] != key
        ):
            chosen[key] = (index[sid], stat, canon)
        elif prev[1] == 0 and stat == 1:
            chosen[key] = (prev[0], 1, prev[2] or canon)
    cue_of: dict[str, int] = {}
    for cue, phrases in _CUES.items():
        for phrase in phrases:
            cue_of.setdefault(normalise_alias(phrase), cue)
    keys = sorted(set(chosen) | set(cue_of))
    pat_skill, pat_status, pat_canon, pat_cue = [], [], [], []
    for key in keys:
        sk, stat, canon = chosen.get(key, (-1, 0, ""))
        pat_skill.append(sk)
        pat_status.append(stat)
        pat_canon.append(canon)
        pat_cue.append(cue_of.get(key, 0))
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
    )


def _automaton(patterns: list[bytes]) -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        # measured fastest to search here (benchmarks/bench_extract.py), and quick to build
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )


class SkillExtractor:
    """Find a taxonomy's skills in posting text.

    The compiled form of a taxonomy is cached on disk (see
    :func:`careerkit.skills.taxonomy.cache_dir`), keyed by the taxonomy's content, so a second
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
        self._long_idx = [i for i, p in enumerate(pats) if len(p) > 3]
        self._short_idx: list[int] = []
        short = []
        for i, p in enumerate(pats):
            if len(p) <= 3:
                for end in (" ", "."):
                    short.append(alias_bytes(p + end))
                    self._short_idx.append(i)
        self._ac = _automaton([alias_bytes(pats[i]) for i in self._long_idx])
        # aliases with non-ASCII letters are searched with a stand-in byte for each such
        # letter; a match is confirmed against the text
        self._exact = [not k.isascii() for k in compiled.pat_key]
        self._ac_short = _automaton(short) if short else None

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
        raw_matches = self._ac.find_matches_as_indexes(search)
        short_matches = (
            self._ac_short.find_matches_as_indexes(search) if self._ac_short is not None else []
        )
        if not raw_matches and not short_matches:
            return []
        c = self._c
        pat_skill, pat_status, pat_cue = c.pat_skill, c.pat_status, c.pat_cue
        long_idx, exact = self._long_idx, self._exact
        raw = doc.raw
        # the text ends with a space, so search[e] and raw[e + 1] exist for every match
        word = _WORD_BYTE
        # byte spans of the alias (after the pattern's leading space): start, end, pattern
        accepted: list[tuple[int, int, int]] = []
        pending: list[tuple[int, int, int]] = []
        cues: list[tuple[int, int, int]] = []
        for api, s, e in raw_matches:
            # end of a word: a space, or a full stop that ends a sentence
            ch = search[e]
            if ch != 32 and not (ch == 46 and search[e + 1] == 32):
                continue
            # a hyphen joined to a word keeps it one token: "SQL-like" is one word, and
            # T-SQL is not SQL
            if (raw[e] == 45 and word[raw[e + 1]]) or (raw[s] == 45 and word[raw[s - 1]]):
                continue
            pi = long_idx[api]
            if exact[pi] and normalise_alias(doc.plain[s : e - 1]) != c.pat_key[pi]:
                continue
            cue = pat_cue[pi]
            if cue:
                cues.append((s + 1, e, cue))
            if pat_skill[pi] >= 0:
                if pat_status[pi]:
                    pending.append((s + 1, e, pi))
                else:
                    accepted.append((s + 1, e, pi))
        if short_matches:
            taken = accepted + pending
            short_idx = self._short_idx
            for api, s, e in short_matches:
                e -= 1  # the pattern's word end
                if search[e] == 46 and search[e + 1] != 32:
                    continue
                if (raw[e] == 45 and word[raw[e + 1]]) or (raw[s] == 45 and word[raw[s - 1]]):
                    continue
                if any(a < e and s + 1 < b for a, b, _ in taken):
                    continue  # inside a longer alias ("objective c")
                pi = short_idx[api]
                if exact[pi] and normalise_alias(doc.plain[s : e - 1]) != c.pat_key[pi]:
                    continue
                (pending if pat_status[pi] else accepted).append((s + 1, e, pi))
            accepted.sort()
            pending.sort()
        if not accepted and not pending:
            return []
        if employer:
            spans = _employer_spans(search, employer)
            if spans:
                accepted = [m for m in accepted if not _inside(m[0], m[1], spans)]
                pending = [m for m in pending if not _inside(m[0], m[1], spans)]
        if pending:
            safe = list(accepted)
            for m in pending:
                if self._has_evidence(doc, m, safe):
                    accepted.append(m)
            accepted.sort()
        strength = _Strengths(raw, cues).at if cues else _unspecified
        ids, labels, kinds = c.skill_ids, c.labels, c.kinds
        original = doc.original
        if doc.plain_start is None:  # no markup: plain offsets are the caller's offsets
            spans = [(bs - 1, be - 1) for bs, be, _ in accepted]
        else:
            spans = list(
                zip(
                    *doc.original_spans([m[0] - 1 for m in accepted], [m[1] - 1 for m in accepted]),
                    strict=True,
                )
            )
        # tuple.__new__ directly: the named tuple's own __new__ is a Python-level wrapper
        make = tuple.__new__
        out = []
        for (bs, _be, pi), (os_, oe) in zip(accepted, spans, strict=True):
            sk = pat_skill[pi]
            out.append(
                make(
                    SkillMatch,
                    (ids[sk], labels[sk], kinds[sk], os_, oe, strength(bs), original[os_:oe]),
                )
            )
        return out

    # ------------------------------------------------------------------ helpers
    def _has_evidence(
        self, doc: Normalised, match: tuple[int, int, int], safe: list[tuple[int, int, int]]
    ) -> bool:
        bs, be, pi = match
        c = self._c
        canon = c.pat_canon[pi]
        ps, pe = bs - 1, be - 1
        plain = doc.plain
        # case evidence: written as the tool is written ("Go", "R", "Excel"), not "go" or "r"
        if canon:
            written = plain[ps:pe]
            if written != canon and not (len(written) > 2 and written.isupper()):
                return False
        key = c.pat_key[pi]
        if key in _COMPANIES:
            return False
        neg = _NEGATIVE_AFTER.get(key)
        if neg is not None and neg.match(plain, pe):
            return False
        neg = _NEGATIVE_BEFORE.get(key)
        if neg is not None and neg.search(plain, max(0, ps - 40), ps):
            return False
        if c.kinds[c.pat_skill[pi]] == "language":
            near = plain[max(0, ps - 60) : pe + 60].lower()
            return any(cue in near for cue in _LANGUAGE_CUES)
        if canon and len(key) > 2 and not _at_sentence_start(plain, ps):
            return True
        # General words ("skills", "reports", "experience with") are cues only for a name
        # written as the tool is written: "Teams reports", "work with teams" are ordinary words.
        after = _QUALIFIER_AFTER.match(plain, pe)
        if after is not None and (canon or after.group("weak") is None):
            return True
        return _in_list(doc.raw, bs, be, safe, c) or (
            bool(canon) and _qualifier_before(plain[max(0, ps - 30) : ps])
        )


# letters and digits, and \x01 (a non-ASCII letter in the normalised text)
_WORD_BYTE = tuple(chr(i).isalnum() or i == 1 for i in range(256))


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
            if end == n or not _WORD_BYTE[search[end]]:
                spans.append((i + 1, end))
            i = search.find(needle, i + 1)
    return spans


def _inside(bs: int, be: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= bs and be <= b for a, b in spans)


def _in_list(raw: bytes, bs: int, be: int, safe, c: _Compiled) -> bool:
    """True when a safely matched tool or technical skill sits right beside the alias, with
    only list separators between them ("Python, R and SQL", "C/C++")."""
    for s, e, pi in safe:
        if c.kinds[c.pat_skill[pi]] not in ("software", "technical", "knowledge"):
            continue
        if e <= bs and bs - e <= _NEAR:
            gap = raw[e:bs]
        elif s >= be and s - be <= _NEAR:
            gap = raw[be:s]
        else:
            continue
        if b"\n" not in gap and _LIST_GAP.fullmatch(gap):
            return True
    return False


# Sentence ends: "." or ";" followed by a space. Searched one byte at a time (single-byte
# searches are much faster than two-byte ones), skipping "node.js" and the like.
def _back(raw: bytes, ch: int, lo: int, pos: int) -> int:
    i = raw.rfind(ch, lo, pos)
    while i >= 0 and raw[i + 1] != 32:
        i = raw.rfind(ch, lo, i)
    return i


def _fwd(raw: bytes, ch: int, pos: int, hi: int) -> int:
    i = raw.find(ch, pos, hi)
    while i >= 0 and raw[i + 1] != 32:
        i = raw.find(ch, i + 1, hi)
    return i


def _unspecified(_pos: int) -> str:
    return "unspecified"


class _Strengths:
    """Strength of a position (a byte offset of the searched text) from the section it is in
    and the cue phrases in its sentence."""

    def __init__(self, raw: bytes, cues: list[tuple[int, int, int]]) -> None:
        self.raw = raw
        self.section_pos: list[int] = []
        self.section_val: list[str] = []
        self.pref: list[int] = []  # start of each cue phrase, in text order
        self.req: list[int] = []
        for bs, be, cue in cues:
            if cue in (_H_REQ, _H_PREF, _H_OTHER) and self._is_heading(bs, be):
                self.section_pos.append(bs)
                self.section_val.append(_SECTION_STRENGTH[cue])
            elif cue in (_I_PREF, _H_PREF):
                self.pref.append(bs)
            elif cue == _I_REQ:
                self.req.append(bs)
        self._last = (0, -1)  # the sentence found last (matches often share one)

    def _is_heading(self, bs: int, be: int) -> bool:
        raw = self.raw
        # quick no: a word right before the phrase on the same line ("the role", "job summary")
        if bs >= 2 and raw[bs - 1] == 32 and _WORD_BYTE[raw[bs - 2]]:
            return False
        # searches stay near the phrase: a heading sits within a few bytes of a line start
        lo = max(0, bs - 16)
        line_start = raw.rfind(b"\n", lo, bs) + 1
        if line_start == 0 and lo > 0:
            return False
        if _BULLET.fullmatch(raw, line_start, bs) is None:
            return False
        line_end = raw.find(b"\n", be, be + 200)
        if line_end < 0:
            line_end = min(len(raw), be + 200)
        tail = raw[be:line_end].lstrip(b" \t*_")
        if tail.startswith(b":"):
            return True
        return len(tail) <= _HEADING_TAIL and not tail.startswith(_NOT_HEADING_TAIL)

    def _sentence(self, pos: int) -> tuple[int, int]:
        start, end = self._last
        if start <= pos < end:
            return start, end
        raw = self.raw
        # a sentence longer than _SENTENCE_MAX bytes either side is cut there (bounded work)
        lo, hi = max(0, pos - _SENTENCE_MAX), min(len(raw) - 1, pos + _SENTENCE_MAX)
        start = max(lo, raw.rfind(b"\n", lo, pos), _back(raw, 46, lo, pos), _back(raw, 59, lo, pos))
        ends = (raw.find(b"\n", pos, hi), _fwd(raw, 46, pos, hi), _fwd(raw, 59, pos, hi))
        ends = [i for i in ends if i >= 0]
        self._last = (start, min(ends) if ends else hi)
        return self._last

    @staticmethod
    def _any_in(positions: list[int], start: int, end: int) -> bool:
        i = bisect_left(positions, start)
        return i < len(positions) and positions[i] < end

    def at(self, pos: int) -> str:
        if self.pref:
            start, end = self._sentence(pos)
            if self._any_in(self.pref, start, end):
                return "preferred"
        if self.section_pos:
            i = bisect_right(self.section_pos, pos) - 1
            if i >= 0:
                return self.section_val[i]
        if self.req:
            start, end = self._sentence(pos)
            if self._any_in(self.req, start, end):
                return "required"
        return "unspecified"
