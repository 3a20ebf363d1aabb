"""Evidence for ambiguous aliases: is "Go" the language, "Excel" the spreadsheet, "R" R?

An alias with status ``needs_context`` is accepted only with evidence: the case it is written in
("Go", not "go"), no negative context ("excel at", "access to", "R & D", "S.C"), and, for one-
and two-letter aliases, company names, words at the start of a sentence and words whose case is
no evidence, a context cue: a qualifier ("programming", "proficient in") or a neighbouring
skill in the same list ("Python, R, SQL"). The word lists are our own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

__all__ = ["Neighbours", "has_evidence", "listable"]

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
    r"macros?|vba|formulas|pivot|workbooks?|queries|query|dashboards?|software|suite|holders?|"
    r"credentials?|designation|licen[cs]ed?|qualified|qualifications?|exams?|"
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
    "interpret", "translat", "skills in", "degree in", "knowledge of",
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


# "save it as a Word document", "submit in Excel format", "attach an Excel file": the file's
# format, not the skill of using the program.
_FILE_FORMAT_BEFORE = re.compile(
    r"\b(?:save|saved|saving|send|sent|sending|submit|submitted|submitting|attach|attached|"
    r"attaching|upload|uploaded|uploading|export|exported|exporting|convert|converted|"
    r"converting|email|emailed|share|shared|download|downloaded|provide|provided|print|"
    r"printed)\b[^.;:\n]{0,25}?\s(?:(?:as|in|into|to)\s+)?(?:an?\s+|the\s+)?$",
    re.I,
)
_FILE_FORMAT_AFTER = re.compile(r"\s+(?:document|file|format|attachment|copy|version)s?\b", re.I)
_FILE_FORMATS = frozenset(("word", "excel", "powerpoint"))


def has_evidence(
    plain: str,
    raw: bytes,
    span: tuple[int, int],
    key: str,
    canon: str,
    kind: str,
    neighbours: Neighbours,
) -> bool:
    """Whether an ambiguous alias found at byte ``span`` of ``raw`` (character ``span - 1`` of
    ``plain``) names the skill. ``key`` is the normalised alias, ``canon`` how the tool is
    written ("" when case is no evidence), ``kind`` the skill's kind, ``neighbours`` the safe
    matches of the posting."""
    bs, be = span
    ps, pe = bs - 1, be - 1
    # case evidence: written as the tool is written ("Go", "R", "Excel"), not "go" or "r"
    if canon:
        written = plain[ps:pe]
        if written != canon and not (len(written) > 2 and written.isupper()):
            return False
    if key in _COMPANIES:
        return False
    neg = _NEGATIVE_AFTER.get(key)
    if neg is not None and neg.match(plain, pe):
        return False
    if (
        key in _FILE_FORMATS
        and _FILE_FORMAT_AFTER.match(plain, pe)
        and _FILE_FORMAT_BEFORE.search(plain, max(0, ps - 50), ps)
    ):
        return False
    neg = _NEGATIVE_BEFORE.get(key)
    if neg is not None and neg.search(plain, max(0, ps - 40), ps):
        return False
    if kind == "language":
        near = plain[max(0, ps - 60) : pe + 60].lower()
        # a plain loop: cheaper than any() over a generator
        for cue in _LANGUAGE_CUES:  # noqa: SIM110
            if cue in near:
                return True
        return False
    if canon and len(key) > 2 and not _at_sentence_start(plain, ps):
        return True
    # General words ("skills", "reports", "experience with") are cues only for a name
    # written as the tool is written: "Teams reports", "work with teams" are ordinary words.
    after = _QUALIFIER_AFTER.match(plain, pe)
    if after is not None and (canon or after.group("weak") is None):
        return True
    return neighbours.beside(raw, bs, be) or (
        bool(canon) and _qualifier_before(plain[max(0, ps - 30) : ps])
    )


class Neighbours:
    """The safely matched tools, technical skills and knowledge of a posting, for list
    evidence: sorted, non-overlapping byte spans, searched by bisection."""

    __slots__ = ("ends", "starts")

    def __init__(self, matches: list[tuple[int, int, str]]) -> None:
        kept = sorted((s, e) for s, e, kind in matches if kind in _LIST_KINDS)
        self.starts = [s for s, _ in kept]
        self.ends = [e for _, e in kept]

    @classmethod
    def from_spans(cls, starts: list[int], ends: list[int]) -> Neighbours:
        """From the spans of matches of the list kinds (see :func:`listable`), already sorted."""
        self = cls.__new__(cls)
        self.starts = starts
        self.ends = ends
        return self

    def beside(self, raw: bytes, bs: int, be: int) -> bool:
        """True when one of them sits right beside ``raw[bs:be]``, with only list separators
        between ("Python, R and SQL", "C/C++")."""
        i = bisect_right(self.ends, bs) - 1  # the nearest one ending before the alias
        if i >= 0 and bs - self.ends[i] <= _NEAR and _only_separators(raw[self.ends[i] : bs]):
            return True
        j = bisect_left(self.starts, be)  # the nearest one starting after it
        return (
            j < len(self.starts)
            and self.starts[j] - be <= _NEAR
            and _only_separators(raw[be : self.starts[j]])
        )


_LIST_KINDS = frozenset(("software", "technical", "knowledge"))


def listable(kind: str) -> bool:
    """Whether a skill of this kind counts as a neighbour in a list."""
    return kind in _LIST_KINDS


def _only_separators(gap: bytes) -> bool:
    return b"\n" not in gap and _LIST_GAP.fullmatch(gap) is not None
