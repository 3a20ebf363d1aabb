"""Posting sections and cue phrases: is a skill asked for as required or preferred?

Headings ("Requirements", "Minimum qualifications", "Nice to have", "Responsibilities") are
recognised at the start of a line followed by ":" or little else; inline cues ("is a plus",
"preferred", "required", "must") apply to their sentence. The phrases are searched by the
extractor's automaton together with the skills (see :func:`cue_phrases`); this module decides
what they mean. The phrase lists are our own, from common posting wording.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from careerkit.skills._text import WORD_BYTE

__all__ = ["cue_phrases", "strengths"]

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


def _is_heading(raw: bytes, bs: int, be: int) -> bool:
    """Whether the cue phrase at ``raw[bs:be]`` is a heading: at the start of a line (after
    bullets), followed by ":" or by little else on the line."""
    # quick no: a word right before the phrase on the same line ("the role", "job summary")
    if bs >= 2 and raw[bs - 1] == 32 and WORD_BYTE[raw[bs - 2]]:
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


def strengths(
    raw: bytes,
    heads: list[tuple[int, int, int]],
    pref: list[int],
    req: list[int],
    positions: list[int],
) -> list[str]:
    """The strength at each of ``positions`` (ascending byte offsets of ``raw``).

    The extractor's match loop sorts the cue phrases it finds by kind: ``heads`` holds the
    heading phrases that may start a line (byte start, end, cue kind), ``pref`` and ``req`` the
    starts of inline preferred and required cues (ascending; ``pref`` is extended here with
    preferred-section phrases that turn out to be no heading). A position is ``preferred`` when
    a preferred cue shares its sentence, else it takes the section it is in, else ``required``
    when a required cue shares its sentence, else ``unspecified``.
    """
    spos: list[int] = []
    sval: list[str] = []
    if heads:
        more_pref = False
        for bs, be, cue in heads:
            if _is_heading(raw, bs, be):
                spos.append(bs)
                sval.append(_SECTION_STRENGTH[cue])
            elif cue == _H_PREF:
                pref.append(bs)
                more_pref = True
        if more_pref:
            pref.sort()
    return _strengths(raw, spos, sval, pref, req, positions)


def _strengths(
    raw: bytes,
    spos: list[int],
    sval: list[str],
    pref: list[int],
    req: list[int],
    positions: list[int],
) -> list[str]:
    """The strength at each of ``positions``, given the section headings (starts ``spos`` and
    strengths ``sval``) and the inline cues' starts."""
    if not pref and not req:
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
    npref, nreq = len(pref), len(req)
    start, end = 0, -1  # the sentence looked up last (matches often share one)
    # whether a cue of each kind is in that sentence (None: not looked up yet)
    pref_in = req_in = None
    out = []
    for pos in positions:
        # a cue farther than _SENTENCE_MAX cannot share the sentence: look it up first
        if npref:
            i = bisect_left(pref, pos - _SENTENCE_MAX)
            if i < npref and pref[i] < pos + _SENTENCE_MAX:
                if not start <= pos < end:
                    start, end = _sentence_of(raw, pos)
                    pref_in = req_in = None
                if pref_in is None:
                    i = bisect_left(pref, start)
                    pref_in = i < npref and pref[i] < end
                if pref_in:
                    out.append("preferred")
                    continue
        if spos:
            i = bisect_right(spos, pos) - 1
            if i >= 0:
                out.append(sval[i])
                continue
        if nreq:
            i = bisect_left(req, pos - _SENTENCE_MAX)
            if i < nreq and req[i] < pos + _SENTENCE_MAX:
                if not start <= pos < end:
                    start, end = _sentence_of(raw, pos)
                    pref_in = req_in = None
                if req_in is None:
                    i = bisect_left(req, start)
                    req_in = i < nreq and req[i] < end
                if req_in:
                    out.append("required")
                    continue
        out.append("unspecified")
    return out
