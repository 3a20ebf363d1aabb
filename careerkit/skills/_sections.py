"""Posting sections and cue phrases: is a skill asked for as required or preferred?

Headings ("Requirements", "Minimum qualifications", "Nice to have", "Responsibilities") are
recognised at the start of a line followed by ":" or little else, and also inside a line
("Minimum qualifications: experience with Tableau", or a posting flattened to one line:
"… deliverable. Requirements Bachelor's degree …"): followed by ":", or written with a capital
and followed by a capitalised word, a number or a bullet, and not preceded by a small word
("the qualifications of"). Inline cues apply to their clause: a preferred cue after its words
("Tableau is a plus", "OCP certification is advantageous") to the clause before it, back to a
comma, a bullet, a sentence end or a flattened item boundary ("… skills OCP …"); one before
its words ("preferably Python", "ideally", "bonus") to the clause after it. A cue sentence that
introduces a list ("it would be advantageous to demonstrate the following:") opens a section of
that strength. Required cues ("must", "mandatory", "essential", "compulsory") apply to their
sentence. The phrases are searched by the
extractor's automaton together with the skills (see :func:`cue_phrases`); this module decides
what they mean. The phrase lists are our own, from common posting wording.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from careerkit.skills._text import WORD_BYTE

__all__ = ["cue_phrases", "inline_cue", "inline_only", "strengths"]

# Heading phrases (recognised at the start of a line, followed by ":" or by little else on the
# line) and inline cues (anywhere in a sentence). Our own lists of common posting wording.
_H_REQ, _H_PREF, _H_OTHER, _I_PREF, _I_REQ = 1, 2, 3, 4, 5
#: cue kinds up to this one are headings; the heading kind for preferred sections; the inline
#: kinds (the extractor sorts the phrases it finds by kind)
HEADING_CUES, PREFERRED_HEADING = _H_OTHER, _H_PREF
INLINE_PREFERRED, INLINE_REQUIRED = _I_PREF, _I_REQ
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
        # sub-headings of real postings (HaHu), often run into one line with their text
        "additional qualifications",
        "additional requirements",
        "other requirements",
        "other skills",
        "other skills requirements",
        "knowledge",
        "skills",
        "skill set",
        "skills set",
        "skills set of the candidate",
        "skills abilities",
        "knowledge skills abilities",
        "knowledge skills and ability",
        "core competencies",
        "key competencies",
        "key competencies required",
        "essential competencies",
        "competencies required",
        "minimum qualification",
        "minimum qualifications and experience",
        "academic qualification",
        "educational qualification",
        "education",
        "experience",
        "work experience",
        "language",
        "languages",
        "language requirements",
        "mandatory",
        "mandatory requirements",
        "mandatory skills",
        "essential",
        "essential qualifications",
        "minimum",
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
        "preferable",
        "highly preferable",
        "is an advantage",
        "advantage",
        "bonus",
        "a bonus if",
        "strongly desirable",
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
        "compulsory",
        "is compulsory",
        "is mandatory",
        "obligatory",
    ),
}
_HEADING_TAIL = 40  # a heading line has at most this much text after the heading phrase
_SENTENCE_MAX = 400  # bytes searched either side of a match for the ends of its sentence
_NOT_HEADING_TAIL = (b"and ", b"or ", b"to ", b"is ", b"are ", b"will ", b"of ", b"in ")
_SECTION_STRENGTH = {_H_REQ: "required", _H_PREF: "preferred", _H_OTHER: "unspecified"}
_BULLET = re.compile(rb"[\s\-*>#\d.)(\[\]]*")


def cue_phrases() -> dict[str, int]:
    """Phrase (as written in the lists) -> cue kind, for the automaton."""
    out: dict[str, int] = {}
    for cue, phrases in _CUES.items():
        for phrase in phrases:
            out.setdefault(phrase, cue)
    return out


def _sentence_of(raw: bytes, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: from the ". ", "; " or line end before it to the one after
    it, cut at _SENTENCE_MAX bytes either side (bounded work)."""
    lo = pos - _SENTENCE_MAX
    if lo < 0:
        lo = 0
    hi = pos + _SENTENCE_MAX
    if hi >= len(raw):
        hi = len(raw) - 1
    # the nearest line end either side first; the other ends are looked for between it and
    # ``pos`` only (one beyond it cannot be nearer)
    start = raw.rfind(10, lo, pos)
    if start < 0:
        start = lo
    end = raw.find(10, pos, hi)
    if end < 0:
        end = hi
    for ch in (46, 59):  # ". " and "; "
        i = raw.rfind(ch, start, pos)
        while i >= 0 and raw[i + 1] != 32:
            i = raw.rfind(ch, start, i)
        if i > start:
            start = i
        i = raw.find(ch, pos, end)
        while i >= 0 and raw[i + 1] != 32:
            i = raw.find(ch, i + 1, end)
        if i >= 0:
            end = i
    return start, end


# Small words before a capitalised phrase that make it part of a sentence ("the Requirements
# of", "a Skills test"), not a heading run into the line.
_SMALL_BEFORE = frozenset(
    b"a an the of to in on for with and or our your their its this these those any all from "
    b"by as at about such following meet meets".split()
)
# A capitalised word, a number, a bullet or an opening bracket after a run-in heading.
_AFTER_RUN_IN = re.compile(r"\s*(?:[A-Z0-9(\u2022\u00b7\u00a7\u2013\u2014*\-]|$)")


def _is_heading(raw: bytes, plain: str, bs: int, be: int) -> bool:
    """Whether the cue phrase at ``raw[bs:be]`` is a heading: at the start of a line (after
    bullets) and followed by ":" or by little else on the line; or inside a line, followed by
    ":" or written with a capital and followed by a capitalised word (a posting flattened to
    one line)."""
    if bs >= 2 and raw[bs - 1] == 32 and WORD_BYTE[raw[bs - 2]]:
        # a word right before the phrase on its line: a run-in heading or none
        return _run_in(raw, plain, bs, be)
    # searches stay near the phrase: a heading sits within a few bytes of a line start
    lo = max(0, bs - 16)
    line_start = raw.rfind(b"\n", lo, bs) + 1
    if (line_start == 0 and lo > 0) or _BULLET.fullmatch(raw, line_start, bs) is None:
        return _run_in(raw, plain, bs, be)
    line_end = raw.find(b"\n", be, be + 200)
    if line_end < 0:
        line_end = min(len(raw), be + 200)
    tail = raw[be:line_end].lstrip(b" \t*_")
    if tail.startswith(b":"):
        return True
    if (
        len(tail) <= _HEADING_TAIL
        and not tail.startswith(_NOT_HEADING_TAIL)
        and raw[bs:be] not in _GENERIC_HEADINGS
    ):
        return True
    return _run_in(raw, plain, bs, be)


def _run_in(raw: bytes, plain: str, bs: int, be: int) -> bool:
    """A heading run into its line: "… Minimum qualifications: Tableau", "… deliverable.
    Requirements Bachelor's degree …"."""
    if raw[be : be + 4].lstrip(b" \t*_")[:1] == b":":
        return True
    if not plain[bs - 1 : bs].isupper():
        return False
    # the word before (a small word keeps the phrase inside its sentence: "the Requirements of")
    end = bs - 1
    start = raw.rfind(b" ", max(0, end - 12), end) + 1
    if raw[start:end] in _SMALL_BEFORE:
        return False
    # the next word capitalised ("Requirements Bachelor's", "Core Competencies Excellent")
    return _AFTER_RUN_IN.match(plain, be - 1) is not None


# Headings that are also ordinary words at a line start ("Experience with Python", "Skills
# include …"): headings only with ":" or written as one (capitalised, capitalised word next).
_GENERIC_HEADINGS = frozenset(
    b"experience education knowledge skills language languages minimum essential mandatory "
    b"competencies".split()
)


def inline_only(raw: bytes, plain: str, bs: int, be: int) -> bool:
    """Quick test for a heading phrase right after a word on its line (byte span ``bs:be``):
    True when it cannot be a heading run into its line (small letter, no ":" after it)."""
    if plain[bs - 1 : bs].isupper():
        return False
    k = be
    while k < len(raw) and raw[k] == 32:
        k += 1
    return k >= len(raw) or raw[k] != 58


def inline_cue(raw: bytes, bs: int, be: int, cue: int) -> int:
    """What a heading phrase that is no heading counts as: INLINE_PREFERRED, INLINE_REQUIRED
    or 0 (nothing)."""
    if cue == _H_PREF and raw[bs:be] not in _HEADING_ONLY:
        return _I_PREF
    if cue == _H_REQ and raw[bs:be] in _ALSO_INLINE_REQ:
        return _I_REQ
    return 0


def strengths(
    raw: bytes,
    plain: str,
    heads: list[tuple[int, int, int]],
    pref: list[int],
    req: list[int],
    positions: list[int],
) -> list[str]:
    """The strength at each of ``positions`` (ascending byte offsets of ``raw``; ``plain`` is
    the text in its own case, character ``b - 1`` for byte ``b``).

    The extractor's match loop sorts the cue phrases it finds by kind: ``heads`` holds the
    heading phrases (byte start, end, cue kind), ``pref`` and ``req`` the starts of inline
    preferred and required cues (ascending; extended here with heading phrases that turn out to
    be no heading: "… is desirable", "… is mandatory"). A position is ``preferred`` when a
    preferred cue's clause covers it, else it takes the section it is in, else ``required``
    when a required cue shares its sentence, else ``unspecified``.
    """
    spos: list[int] = []
    sval: list[str] = []
    if heads:
        more = False
        for bs, be, cue in heads:
            if _is_heading(raw, plain, bs, be):
                spos.append(bs)
                sval.append(_SECTION_STRENGTH[cue])
            elif cue == _H_PREF and raw[bs:be] not in _HEADING_ONLY:
                pref.append(bs)
                more = True
            elif cue == _H_REQ and raw[bs:be] in _ALSO_INLINE_REQ:
                req.append(bs)
                more = True
        if more:
            pref.sort()
            req.sort()
    if pref:
        # a preferred cue that introduces a list opens a preferred section
        for bs in pref:
            colon = _lead_in(raw, bs)
            if colon > 0:
                i = bisect_right(spos, colon)
                spos.insert(i, colon)
                sval.insert(i, "preferred")
    return _strengths(raw, spos, sval, _scopes(raw, plain, pref), req, positions)


# Preferred-section headings that mean nothing inside a sentence ("Python plus SQL").
_HEADING_ONLY = frozenset((b"plus", b"pluses"))
_ALSO_INLINE_REQ = frozenset((b"mandatory", b"essential", b"minimum", b"must have", b"must haves"))
# Preferred cues written before what they qualify ("preferably Python", "ideally", "bonus:").
_PRE_CUE = re.compile(
    rb"(?:preferably|ideally|bonus|a bonus if|nice to have|it would be great if|even better if|"
    rb"extra credit)\b"
)
_CLAUSE_MAX = 160  # bytes a preferred cue reaches into its clause
_CLAUSE_BACK = (b".", b";", b",", b":", b"\n", b"(", b")", b"\x01")
_FUNCTION_WORDS = _SMALL_BEFORE | frozenset(
    b"using including like e.g. eg and/or or nor plus also".split()
)


def _lead_in(raw: bytes, bs: int) -> int:
    """The position after the ":" that ends a cue sentence introducing a list ("it would be
    advantageous to demonstrate the following capabilities:"), or -1."""
    colon = raw.find(b":", bs, bs + 150)
    if colon < 0 or raw.find(b". ", bs, colon) >= 0 or raw.find(b"\n", bs, colon) >= 0:
        return -1
    between = raw[bs:colon]
    if b"following" in between or b"below" in between:
        return colon + 1
    return -1


def _scopes(raw: bytes, plain: str, pref: list[int]) -> list[tuple[int, int]]:
    """The byte ranges the preferred cues apply to, sorted and merged."""
    out: list[tuple[int, int]] = []
    for bs in pref:
        if _PRE_CUE.match(raw, bs):
            # forwards to the end of its clause
            end = min(len(raw), bs + _CLAUSE_MAX)
            for ch in (b".", b";", b"\n"):
                k = raw.find(ch, bs, end)
                if k >= 0:
                    end = k
            out.append((bs, end))
        else:
            # backwards to the start of its clause (bullets are the stand-in byte \x01)
            lo = max(0, bs - _CLAUSE_MAX)
            start = lo
            for ch in _CLAUSE_BACK:
                k = raw.rfind(ch, lo, bs)
                if k >= 0 and k + 1 > start:
                    start = k + 1
            out.append((_item_start(raw, plain, start, bs), bs + 1))
    out.sort()
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _boundary(raw: bytes, plain: str, k: int, lo: int) -> bool:
    """Whether a flattened item starts at byte ``k`` (a space): the next word capitalised after
    an ordinary word ("… writing skills OCP certification …"), not after a small word ("of
    Python") or a capitalised one ("Business Administration")."""
    if not (plain[k : k + 1].isupper() and WORD_BYTE[raw[k - 1]]):
        return False
    w = k - 1
    while w > lo and WORD_BYTE[raw[w]]:
        w -= 1
    return raw[w + 1 : k] not in _FUNCTION_WORDS and not plain[w : k - 1][:1].isupper()


def _item_start(raw: bytes, plain: str, lo: int, hi: int) -> int:
    """The last flattened-item boundary in ``raw[lo:hi]``, else ``lo``. (Forwards, from a cue
    before its words, there is none: "ideally you know Docker".)"""
    k = raw.rfind(b" ", lo, hi - 1)
    while k > lo:
        if _boundary(raw, plain, k, lo):
            return k + 1
        k = raw.rfind(b" ", lo, k)
    return lo


def _strengths(
    raw: bytes,
    spos: list[int],
    sval: list[str],
    scopes: list[tuple[int, int]],
    req: list[int],
    positions: list[int],
) -> list[str]:
    """The strength at each of ``positions``, given the section headings (starts ``spos`` and
    strengths ``sval``), the ranges preferred cues cover (sorted, disjoint) and the inline
    required cues' starts."""
    if not scopes and not req:
        # sections only: each position takes the section it is in
        if not spos:
            return ["unspecified"] * len(positions)
        out = []
        i, n = 0, len(spos)
        current = "unspecified"
        for pos in positions:
            while i < n and spos[i] <= pos:
                current = sval[i]
                i += 1
            out.append(current)
        return out
    scope_starts = [a for a, _ in scopes]
    nreq = len(req)
    start, end = 0, -1  # the sentence looked up last (matches often share one)
    req_in = None  # whether a required cue is in that sentence (None: not looked up yet)
    out = []
    for pos in positions:
        if scopes:
            i = bisect_right(scope_starts, pos) - 1
            if i >= 0 and pos < scopes[i][1]:
                out.append("preferred")
                continue
        if spos:
            i = bisect_right(spos, pos) - 1
            if i >= 0:
                out.append(sval[i])
                continue
        # a cue farther than _SENTENCE_MAX cannot share the sentence: look it up first
        if nreq:
            i = bisect_left(req, pos - _SENTENCE_MAX)
            if i < nreq and req[i] < pos + _SENTENCE_MAX:
                if not start <= pos < end:
                    start, end = _sentence_of(raw, pos)
                    req_in = None
                if req_in is None:
                    i = bisect_left(req, start)
                    req_in = i < nreq and req[i] < end
                if req_in:
                    out.append("required")
                    continue
        out.append("unspecified")
    return out
