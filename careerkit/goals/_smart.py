"""The SMART check: rules, not a model.

SMART (Specific, Measurable, Achievable, Relevant, Time-bound) goes back to Doran (1981,
"There's a S.M.A.R.T. way to write management's goals and objectives", Management Review 70(11)).
The rules below are ours. S, M and T are read from the goal's text; A and R come from the goal's
fields (confidence, resources, obstacles; links to earlier steps) and are ``None`` when only a
text is checked. Each letter scores 0–2 with a one-line suggestion. Verdict over the letters
scored: SMART when all are 2; not SMART when two or more are 0 or none is 2 (a vague goal is
never "partly SMART" on S and M alone); otherwise partly SMART.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from careerkit.errors import InputError
from careerkit.goals._deadlines import NUMBER_WORDS, TimePhrase, find_time_phrases
from careerkit.goals._model import Goal, HorizonRule, TermCalendar
from careerkit.goals._words import (
    ACTION_VERBS,
    AMOUNT_NOUNS,
    AMOUNT_VERBS,
    CHANGE_VERBS,
    FREQUENCY,
    FROM_TO,
    GENERIC,
    HEDGES,
    KEY_NOUNS,
    LEAD_INS,
    LEVEL_TOKEN,
    MONTH_NAMES,
    MULTIPLE,
    NOT_ACTIONS,
    NUMBER,
    OUTCOME_NOUNS,
    OUTCOME_VERBS,
    ROLE_SUFFIX,
    VAGUE_ADJECTIVES,
    VAGUE_START,
    VAGUE_VERBS,
    VAGUE_WORDS,
    WEAK_QUANTITY,
    WEAK_START,
    wordset,
)

__all__ = ["TEXT", "SmartCheck", "SmartFlag", "check_smart"]

#: Every sentence the check shows a person, in one place so it can be translated.
TEXT = {
    "S2": "Specific: clear about what you will do.",
    "S1": "Specific: nearly there – {hint}",
    "S0": "Specific: say exactly what you will do – start with an action such as 'complete', "
    "'apply', 'build' and name the thing.",
    "S_verb": "start with an action word such as 'complete', 'apply to', 'build'.",
    "S_object": "name the thing itself (which course, which skill, which role).",
    "S_vague": "swap '{word}' for what exactly will change.",
    "S_hedge": "drop '{word}': say what you will do.",
    "S_two": "this looks like two goals; consider splitting it.",
    "S_amount": "say how much: '{word}' has no number.",
    "M2": "Measurable: you will know when it is done.",
    "M1": "Measurable: almost – put a number on '{word}' (how many, how often).",
    "M1_loose": "Measurable: almost – say what will show it is done (a number, how often, or "
    "an outcome such as 'get an interview').",
    "M0": "Measurable: add how you will know – a number, how often, or an outcome such as "
    "'pass the exam' or 'get an interview'.",
    "A2": "Achievable: you feel confident and have planned resources and obstacles.",
    "A1": "Achievable: {hint}",
    "A0": "Achievable: rate your confidence and list one resource and one obstacle with a "
    "strategy.",
    "A_conf": "if your confidence is below 7, make the goal a little smaller or add support.",
    "A_resource": "add one resource (a course, a mentor, time set aside).",
    "A_obstacle": "name one thing that could get in the way, and your plan for it.",
    "R2": "Relevant: linked to your interests, target role or skills gap.",
    "R1": "Relevant: link it to your target role, a skills gap or your interest code.",
    "R0": "Relevant: say why this goal matters – link it to your target role, a skills gap or "
    "your interests.",
    "T2": "Time-bound: there is a deadline.",
    "T2_named": "Time-bound: there is a deadline; add its date to your calendar.",
    "T1": "Time-bound: '{word}' is open-ended – give a month and year.",
    "T0": "Time-bound: add a deadline, for example 'by June 2027' or 'within 6 months'.",
    "T0_never": "Time-bound: '{word}' has no end – pick a date, for example 'by June 2027'.",
    "T0_invalid": "Time-bound: {problem} Pick a real date, for example 'by June 2027'.",
    "T1_start": "Time-bound: '{word}' says when you start – add when it will be done, for "
    "example 'by June 2027'.",
    "verdict_smart": "SMART",
    "verdict_partly": "partly SMART",
    "verdict_not": "not SMART",
    "flag_past": "The deadline {deadline} has already passed – choose a new date or mark the goal "
    "done.",
    "flag_milestone_late": "Milestone '{title}' is due {due}, after the goal's deadline "
    "{deadline}.",
    "flag_horizon": "This goal is marked {horizon}-term, but its deadline {deadline} makes it "
    "{actual}-term.",
    "flag_two_goals": "This sentence seems to hold two goals: '{first}' and '{second}'.",
    "flag_impossible_date": "{problem} The deadline is left open until you fix it.",
}


_F = re.IGNORECASE


@dataclass(frozen=True)
class SmartFlag:
    """A date problem found in a goal: ``code`` (past_deadline, milestone_after_deadline,
    horizon_mismatch, two_goals, impossible_date) and a message for the person."""

    code: str
    message: str


@dataclass(frozen=True)
class SmartCheck:
    """The result of :func:`check_smart` (frozen).

    Attributes
    ----------
    scores : {"S", "M", "A", "R", "T": 0, 1, 2 or None} – None when a letter cannot be judged
        from what was given (A and R from a bare text).
    verdict : "SMART", "partly SMART" or "not SMART".
    deadline : the goal's deadline (its field, else the date its text names), or None.
    suggestions : {letter: one friendly line} for every letter scored.
    flags : date problems (:class:`SmartFlag`).
    time_phrases : the time phrases found in the text.
    """

    scores: dict[str, int | None]
    verdict: str
    deadline: date | None
    suggestions: dict[str, str]
    flags: tuple[SmartFlag, ...] = ()
    time_phrases: tuple[TimePhrase, ...] = field(default=(), repr=False)

    @property
    def scored(self) -> dict[str, int]:
        """Only the letters that were scored."""
        return {k: v for k, v in self.scores.items() if v is not None}


# ---- the letters ---------------------------------------------------------------------------


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (keeps offsets)."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


#: A purpose after the goal ("… to handle 12-hr shifts better", "… so that I can …") says why,
#: not what: its words, to the end of its sentence, are not the goal's.
_PURPOSE = re.compile(
    r"(?:\s+(?:so\s+(?:that\s+)?(?:i|we)\s+(?:can|could|will|would)|in\s+order\s+to)\s+[^.!?;]*)|"
    r"(?:(?<=\w)\s+to\s+(?:handle|cope\s+with|help|support|prepare\s+for|be\s+ready\s+for|"
    r"feel|manage|keep\s+up\s+with|talk\s+(?:to|with)|communicate|see\s+if|find\s+out|"
    r"reflect|show|make\s+sure|stay|become\s+more)\b[^.!?;]*)",
    _F,
)


def _without_purpose(text: str) -> str:
    """``text`` without a purpose clause after its second word (never "learn to code")."""
    second = next(itertools.islice(_WORD.finditer(text), 2, None), None)
    if second is None:
        return text
    m = _PURPOSE.search(text, second.start() - 1)
    return text[: m.start()] + text[m.end() :] if m else text


_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_LABEL = re.compile(
    r"^\s*(?:next\s+step|goal|my\s+goal|plan|aim|target|step\s*(?:1|one)|(?:the\s+)?first\s+"
    r"step)\s*(?::|-|–|—|is\s+to)\s*",
    _F,
)


#: Any one of a kind, not a named one ("join a club", "take a course", "get a job", "start a side
#: business"): nothing says which ("a job in nursing", "a teaching job" do).
_UNNAMED = re.compile(
    r"[\w'-]+\s+(?:an?|some)\s+(?:(?:side|new|part-time|full-time|part\s+time|full\s+time|"
    r"summer|weekend|evening|online)\s+)?(?:club|society|hobby|business|hustle|course|class|job|"
    r"internship|placement|apprenticeship|programme|program|degree|certificate|certification|"
    r"group|role|position|project|portfolio|website|blog|podcast|app)\s*[.!]?\s*$",
    _F,
)
#: A sentence about oneself, not a goal ("I like helping people", "I became a nurse because …",
#: "I'm thinking about leaving teaching"): what is left when no lead-in ("I want to", "I will")
#: was found before it.
_NOT_A_GOAL = re.compile(
    # a question ("should I switch my major?", "Q: is an MBA worth it?")
    r"(?:q\s*:\s*)?(?:should|shall|could|would|is|are|do|does|can|what|which|how|why|when|"
    r"where)\b[^?]*\?|"
    # a short musing ending in a question mark ("maybe go back to school?? idk")
    r"(?:\W*+\w++){1,8}\W*\?+\s*(?:idk|lol)?\s*$|"
    r"(?:i|we)\s+(?:really\s+)?(?:like|love|enjoy|hate|care|became|was|were|am|are|feel|think|"
    r"believe|guess|worked|work\s+as|have\s+been|'ve\s+been|had)\b|(?:i'?m|we'?re)\s+"
    r"(?:thinking|wondering|not\s+sure|unsure|a|an|the|good|bad|happy|unhappy|tired|bored)\b",
    _F,
)


def _action_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that start with an action (after a lead-in or a label)."""
    found = []
    for m in _SENTENCE.finditer(text):
        body = _strip_lead_in(_LABEL.sub("", m[0]))[0]
        words = _words(body)
        if words and words[0].lower() in ACTION_VERBS:
            found.append(m[0])
    return found


_ORPHAN_PREPOSITION = re.compile(r"^(\s*)(?:by|before|until|till|in|on|within)(?=\s{2,})", _F)
_WILL_HAVE = re.compile(r"\b(will|shall|'ll)\s+have\s+([a-z]+(?:ed|en|t))\b", _F)


def _base_verb(word: str) -> str:
    """The action verb a past participle comes from ("completed" → "complete", "submitted" →
    "submit", "applied" → "apply"), or the word as it was."""
    low = word.lower()
    candidates = [low[:-1], low[:-2], low[:-3], low[:-3] + "y", low[:-2] + "e"]
    return next((c for c in candidates if c in ACTION_VERBS), word)


def _goal_sentence(text: str) -> str:
    """The sentence that states the goal when a statement has several ("I've been a CNA for
    two years. Next step: get accepted into an LPN programme."): the first that starts with an
    action (after a lead-in or a "Next step:" label); the whole text when none or only one
    does."""
    sentences = [m[0] for m in _SENTENCE.finditer(text) if m[0].strip()]
    if len(sentences) < 2:
        return _LABEL.sub("", text)
    # "As a CNA I want to become an LPN. Step 1: enrol in …": the labelled step is the goal
    labelled = [x for x in sentences if _LABEL.match(x)]
    actions = labelled or _action_sentences(text)
    return _LABEL.sub("", actions[0]) if actions else text


def _strip_lead_in(text: str) -> tuple[str, list[str]]:
    """Remove "I will", "My goal is to", … and report any hedges found there."""
    hedges = []
    rest = text.strip(" ,;:–-")
    for _ in range(3):
        m = re.match(LEAD_INS, rest, _F)
        if not m:
            break
        lead = m[0]
        h = re.search(
            r"\b(?:" + HEDGES + r"|might|may|could|(?:would|'d)\s+(?:like|love))\b", lead, _F
        )
        if h:
            hedges.append(h[0].strip())
        rest = rest[m.end() :].lstrip(" ,;:–-")
    return rest, hedges


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'+#.-]*[\w+#]|[A-Za-z]|\d[\w.%+-]*", text)


def _score_specific(
    text: str, time_free: str, amount: str | None = None
) -> tuple[int, str, tuple[str, str] | None]:
    """S from the text without its time phrases; ``amount``: an amount the goal names without
    saying how much ("lose weight", "save for retirement"), which costs a point like a vague
    word."""
    body, hedges = _strip_lead_in(_goal_sentence(time_free))
    words = _words(body)
    first = words[0].lower() if words else ""
    if _NOT_A_GOAL.match(body):
        return 0, TEXT["S0"], None
    if re.match(_PASSIVE_OUTCOME, body, _F):
        first = "get"  # "be accepted into nursing school" reads as "get accepted …"
    object_words = _drop_compared(words[1:])
    problems: list[str] = []
    body = _without_purpose(body)
    # "Develop a mobile app" is specific, "develop my skills" is not: weak starts need an object.
    phrase = re.match(VAGUE_START, body, _F)
    vague_start = (
        first in VAGUE_VERBS
        or phrase is not None
        or re.match(r"work\s+on\b", body, _F) is not None
        or (first in WEAK_START and _only_generic(object_words))
        # "build my brand" is vague; "grow my network to 300 connections" says how far
        or (re.match(_VAGUE_GROWTH, body, _F) is not None and not _has_quantity(body))
    )
    if re.match(r"(?:learn|start|begin)\s+to\s+(?:" + "|".join(_STATES) + r")\b", body, _F):
        # "learn to stay calm in emergencies": a state to reach, like a vague verb
        vague_start = True
    if first in _STATES and phrase is None and not re.match(r"\w+\s+\w+ing\b", body):
        # "Be a leader", "stay healthy", "think about my future": a state or a thought, not an
        # action, whatever follows it ("be accepted into …" is an outcome, "be working as …"
        # an activity; "help my team …", "understand payroll" may name a thing: scored as usual)
        return 0, TEXT["S0"], _two_goals(body)
    if vague_start or not (first in ACTION_VERBS or _verb_like(words)):
        # Starting with a vague verb is one problem, not two.
        problems.append(TEXT["S_verb"])
        # "Stay healthy", "help people": no action, and what follows is looked at for an object;
        # a statement that starts with no verb at all ("A job in IT") may hold one anywhere
        if not vague_start and first not in NOT_ACTIONS:
            object_words = words
    if not vague_start and (_only_generic(object_words) or _UNNAMED.match(body)):
        problems.append(TEXT["S_object"])
    elif vague_start and all(_ADVERB_OR_PARTICIPLE.search(w) for w in object_words):
        # "grow professionally": a vague verb on nothing at all
        problems.append(TEXT["S_object"])
    elif re.match(r"work(?:ing)?\s+in\b", body, _F):
        # "work in healthcare": a field, not a role ("work as a nurse")
        problems.append(TEXT["S_object"])
    elif phrase is not None and _only_generic(_words(body[phrase.end() :])):
        # "do well in my job": a vague verb on nothing in particular
        problems.append(TEXT["S_object"])
    vague = _vague_words(body, skip=phrase.end() if phrase else None if not vague_start else -1)
    if (
        vague
        and TEXT["S_object"] in problems
        and re.search(
            r"\b" + re.escape(vague) + r"\s+(?:[\w-]+\s+)?(?:" + _GENERIC_NOUNS + r")\b", body, _F
        )
    ):
        # "get a better job": the vague word only says the job is unnamed – one problem
        vague = None
    hedge_m = _HEDGE.search(body)
    hedge = hedges[0] if hedges else hedge_m[0] if hedge_m else None
    if hedge is not None:
        problems.append(TEXT["S_hedge"].format(word=hedge))
    if vague and (hedge is None or not vague_start):
        # a hedge and a vague word are two problems ("try to read more books"); after a hedge,
        # a vague verb was counted once already
        problems.append(TEXT["S_vague"].format(word=vague))
    elif amount and hedge is None:
        problems.append(TEXT["S_amount"].format(word=amount))
    two = _two_goals(body)
    if two is None:
        # "Quit finance. Start a podcast.": two sentences, two aims (not a goal and its
        # labelled first step)
        actions = _action_sentences(time_free)
        if len(actions) > 1 and not any(_LABEL.match(x) for x in _SENTENCE.findall(time_free)):
            two = (actions[0].strip(), actions[1].strip())
    if two:
        problems.append(TEXT["S_two"])
    score = max(0, 2 - len(problems))
    if score == 2:
        return 2, TEXT["S2"], two
    if score == 1:
        return 1, TEXT["S1"].format(hint=problems[0]), two
    return 0, TEXT["S0"], two


_PREPOSITIONS = wordset("at in on with about of for to from")
#: Verbs of being, feeling and pondering: a goal that starts with one names no action (S 0);
#: the other NOT_ACTIONS ("help my team …", "understand payroll") may name a thing.
_STATES = NOT_ACTIONS - wordset("help know understand")
#: Nouns that stand for "something" in a career ("a better job", "a good career").
_GENERIC_NOUNS = r"job|jobs|career|work|position|role|life|future"
_ADJECTIVE = re.compile(
    r"(?:ed|ive|ful|ous|able|ible|ent|ant|al|ic|y|ish|less)$|^(?:calm|fit|happy|kind|patient|"
    r"open|brave|bold|calm|clear|strong|visible|present)$",
    re.I,
)


def _drop_compared(words: list[str]) -> list[str]:
    """Drop the adjective after "more", "less", "better" ("become more organised"): a quality,
    not an object. "better at Excel" keeps Excel."""
    kept: list[str] = []
    skip = False
    for n, w in enumerate(words):
        if skip:
            skip = False
            continue
        kept.append(w)
        if (
            w.lower() in ("more", "less", "better")
            and n + 1 < len(words)
            and words[n + 1].lower() not in _PREPOSITIONS
            # "more conferences", "a better leader": things or people, not a quality
            and _ADJECTIVE.search(words[n + 1]) is not None
        ):
            skip = True
    return kept


_VAGUE_GROWTH = (
    r"(?:develop|grow|expand|build|strengthen|broaden)\s+(?:my|our|your|their)\s+(?:[\w-]+\s+){0,2}"
    r"(?:skills?|abilities|knowledge|potential|career|confidence|experience|brand|reputation|"
    r"presence|mindset|network)\b"
)
# "be accepted into …", "be promoted to …": a passive outcome, an action after all
_PASSIVE_OUTCOME = (
    r"(?:be|become)\s+(?:accepted|admitted|hired|promoted|selected|certified|licensed|"
    r"registered|published|elected|enrolled|offered|awarded|shortlisted|qualified|employed)\b"
)


def _only_generic(words: list[str]) -> bool:
    """True when ``words`` name nothing concrete (only generic words, or bare activities)."""
    lowered = [w.lower() for w in words]
    # "learn to code": an infinitive names an activity, not a thing; look past it.
    if len(lowered) >= 2 and lowered[0] == "to" and not words[1][:1].isupper():
        lowered = lowered[2:]
    content = [
        w
        for n, w in enumerate(lowered)
        if w not in GENERIC
        and len(w) > 1
        # "grow professionally", "get promoted": a manner or a state, not a thing
        and not _ADVERB_OR_PARTICIPLE.search(w)
        # "keep learning", "keep improving": a gerund of a verb is an activity, not an object;
        # after a preposition it names a skill ("better at coding")
        and not (
            w.endswith("ing")
            and _stem(w[:-3]) is not None
            and not (n and lowered[n - 1] in _PREPOSITIONS)
        )
    ]
    return not content


_ADVERB_OR_PARTICIPLE = re.compile(r"\w{3}(?:ally|ively|ously|fully)$|\w{2}[^e]ed$")


def _stem(stem: str) -> str | None:
    """The verb of a gerund's stem ("learn", "improv" → "improve", "plann" → "plan"), when it is
    an action or a vague verb."""
    for verb in (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else ""):
        if verb in ACTION_VERBS or verb in VAGUE_VERBS:
            return verb
    return None


_VAGUE_ANY = re.compile(r"\b(?:" + VAGUE_WORDS + "|" + VAGUE_ADJECTIVES + r")\b", _F)
# "3 more clients", "90% or more", "no more than two", "more than 5": amounts, not vagueness
_COUNTED_BEFORE = re.compile(
    r"(?:\d%?|\b(?:" + "|".join(NUMBER_WORDS) + r"|no|not))\s*(?:or\s+|and\s+)?$", _F
)
_COUNTED_AFTER = re.compile(r"\s+than\s+(?:\d|" + "|".join(NUMBER_WORDS) + r")", _F)


def _vague_words(body: str, skip: int | None) -> str | None:
    """The first vague word of ``body`` after ``skip`` characters (-1: after the first word)."""
    start = 0
    if skip == -1:
        m = re.match(r"\s*\w+", body)
        start = m.end() if m else 0
    elif skip:
        start = skip
    for m in _VAGUE_ANY.finditer(body, start):
        if m[0].lower() in ("more", "less", "fewer"):
            # a window before the word is enough (keeps the check linear in the text)
            before = body[max(0, m.start() - 30) : m.start()]
            if _COUNTED_BEFORE.search(before) or _COUNTED_AFTER.match(body, m.end()):
                continue
        return m[0]
    return None


_TWO_GOALS = re.compile(
    r"(?:\band\s+(?:then\s+|also\s+)?|;\s*|,?\s*then\s+|\bas\s+well\s+as\s+|\bplus\s+)"
    r"(?:(?:hopefully|maybe|perhaps|possibly|try\s+to|i\s+will|i'?ll)\s+)?"
    r"(?P<verb>[a-z]+)\b"
    r"(?P<after>\s+\S+)?",
    _F,
)
# Verbs that are also common nouns ("design and lead", "a talk and a presentation") count only
# when an object follows directly (a determiner, a number or a capitalised name).
_NOUN_LIKE = wordset(
    """
design lead map plan present program record research review run save schedule shadow ship test
track train update use walk work change contact document file fix interview network practice
practise record study talk travel volunteer win hire host transfer book
"""
)


_WORD = re.compile(r"[A-Za-z][\w'+#.-]*[\w+#]|[A-Za-z]|\d[\w.%+-]*")
# The second clause refers back to the first ("complete my coursework and submit it", "finish
# the tutorial and pass its quiz") or states its result ("sit the MCAT and score at least
# 510"): one goal.
_SAME_WORK = frozenset(("it", "its", "them", "this", "that", "these", "those"))
_RESULT_VERBS = frozenset(("score", "achieve", "average"))


_EACH_OF_THEM = re.compile(r"\b(?:at|from|in)\s+(?:each|every\s+one|them|it)\b", _F)


def _two_goals(body: str) -> tuple[str, str] | None:
    # where the second word starts: a joiner before it leaves one verb ("write and submit my
    # paper": two verbs, one piece of work); found once, so the loop stays linear
    second = next(itertools.islice(_WORD.finditer(body), 1, None), None)
    second_at = second.start() if second else len(body)
    for m in _TWO_GOALS.finditer(body):
        verb = m["verb"].lower()
        if m.start() <= second_at:
            continue
        if verb not in ACTION_VERBS or verb in ("be", "keep", "use", "work"):
            continue
        after = (m["after"] or "").strip()
        if verb in _RESULT_VERBS or after.lower() in _SAME_WORK:
            continue
        # (a window of the clause keeps the loop linear in the text)
        if _EACH_OF_THEM.search(body, m.end(), m.end() + 80):
            continue  # "go to a meetup a month and talk to 3 people at each": the same work
        if verb in ("get", "hit", "reach", "score") and re.match(
            r"\d|at\s+least|over|above|more\s+than", after + body[m.end() : m.end() + 12], _F
        ):
            continue  # "take the GRE and get 320+": the score is the first aim's result
        if (
            verb in _NOUN_LIKE
            and not re.match(
                r"(?:a|an|the|my|our|to|at|for|\d|[A-Z]|" + "|".join(NUMBER_WORDS) + r")\b",
                after,
                _F,
            )
            and not (after[:1].isupper())
        ):
            continue
        return body[: m.start()].strip(" ,;"), body[m.start() :].strip(" ,;")
    return None


_AMOUNT = re.compile(r"\b(?:(?P<verb>" + AMOUNT_VERBS + r")|(?P<noun>" + AMOUNT_NOUNS + r"))\b", _F)
# "start volunteering at …": the start of an activity is loosely checkable
# when it says where or with whom ("start volunteering at the hospital"; "start networking" says
# nothing to check)
_START_ACTIVITY = re.compile(
    r"\b(?:start|begin|take\s+up)\s+\w+ing\s+(?:at|with|in|for|on)\s+\w", _F
)
# "get into tech", "break into marketing", "work in healthcare": a move into a field, no check
# of arrival
_INTO_FIELD = re.compile(
    r"\b(?:get|getting|break|breaking)\s+into\s+\w|"
    r"^work(?:ing)?\s+(?:in|for)\s+\w|"
    r"\bchang(?:e|ing)\s+(?:careers?|jobs?|fields?)\b",
    _F,
)
# "be a leader", "be my own boss": a role one holds, loosely checkable (becoming one is 2)
_BE_ROLE = re.compile(r"^(?:be|being)\s+(?:an?|my\s+own|the)\s+\w", _F)
# "start a YouTube channel", "open an Etsy shop", "set up a study group": the thing exists or
# it does not
_CREATE = re.compile(
    r"\b(?:start|launch|open|found|set\s+up|create)\s+(?:an?|my|our|my\s+own|our\s+own)\s+"
    r"(?P<np>(?:[\w'+-]+\s+){0,3}?(?:channel|podcast|shop|store|startup|practice|clinic|"
    r"group|club|account|page|studio|agency|firm|salon|bakery|cafe|caf\u00e9|restaurant|"
    r"charity|side\s+hustle))\b",
    _F,
)


def _score_measurable(time_free: str) -> tuple[int, str, str | None]:
    """M, its suggestion, and the amount word when M is 1 for an amount named without a
    number ("lose weight": S asks how much as well)."""
    text = _without_purpose(time_free)
    body = _strip_lead_in(text)[0]
    goal = _strip_lead_in(_goal_sentence(text))[0]
    # not a goal, or a thought about one ("think about going back to uni"): nothing to check
    if _NOT_A_GOAL.match(goal) or re.match(r"(?:think|wonder|dream)\b", goal, _F):
        return 0, TEXT["M0"], None
    if re.search(FREQUENCY, text, _F) or re.search(MULTIPLE, text, _F):
        return 2, TEXT["M2"], None
    m = re.search(FROM_TO, text, _F)
    if m and (re.match(LEVEL_TOKEN, m["a"].split()[-1], _F) or re.match(LEVEL_TOKEN, m["b"], _F)):
        return 2, TEXT["M2"], None
    if re.search(
        r"\b(?:at\s+least|at\s+most|or\s+(?:higher|above|more|fewer|less|below))\b", text, _F
    ):
        return 2, TEXT["M2"], None
    if re.search(r"\b(?:complete|finish|submit)\s+all\b", text, _F):
        return 2, TEXT["M2"], None
    if _has_quantity(text):
        return 2, TEXT["M2"], None
    if _has_outcome(text):
        return 2, TEXT["M2"], None
    create = _CREATE.search(text)
    if create and not re.search(r"\b(?:" + VAGUE_WORDS + r")\b", create["np"], _F):
        return 2, TEXT["M2"], None
    # "be healthier", "study harder", "cut my overtime": more or less of something, not how much
    weak = re.search(r"\b(?:" + WEAK_QUANTITY + r"|" + CHANGE_VERBS + r")\b", text, _F)
    if weak and re.fullmatch(r"\s*\w+ly\W*", text[weak.end() :]):
        weak = None  # "grow professionally": a change of no amount at all
    if weak:
        return 1, TEXT["M1"].format(word=weak[0]), None
    amount = _AMOUNT.search(text)
    if amount:
        return 1, TEXT["M1"].format(word=amount[0]), amount[0]
    loose = (
        _START_ACTIVITY.search(text)
        or _INTO_FIELD.search(body)
        or _BE_ROLE.match(body)
    )
    if loose:
        return 1, TEXT["M1_loose"], None
    if _one_off_action(body):
        return 2, TEXT["M2"], None
    return 0, TEXT["M0"], None


#: Verbs of an activity that goes on (learning, practising, reading, networking): done or not
#: done cannot be checked without an amount, a result or an end ("learn Japanese", "read
#: industry news", "study for the bar exam", "shadow a surgeon").
_PROCESS_VERBS = (
    NOT_ACTIONS
    | VAGUE_VERBS
    | WEAK_START
    | wordset(
        """
learn study research read prepare practise practice network master shadow review follow track
use exercise walk meditate sleep eat drink cook teach spend keep maintain watch listen observe
travel volunteer look focus continue build engage connect investigate discover
"""
    )
)
#: Light verbs say little on their own ("get my life together", "make my boss happy", "get
#: involved"): only a named outcome makes them checkable (see ``_has_outcome``).
_LIGHT_VERBS = wordset("get make do have change go take give put let")
_DETERMINER = re.compile(
    r"(?:my|our|the|an?|their|his|her|its|all|both|every|each|one|two|three|four|five|\d+)$", _F
)


def _one_off_action(body: str) -> bool:
    """True when the goal is one action done once on a named thing ("email Prof. Adeyemi about
    openings", "update my LinkedIn headline", "declare my major", "renew my PALS
    certification"): it is done or it is not, which is checkable (M 2) without a number.

    The verb is a known action verb, or any word followed by a determiner ("declare my …");
    activities that go on ("learn", "study", "read up on") and vague or generic objects do not
    count."""
    words = _words(body)
    if len(words) < 2:
        return False
    verb, rest = words[0].lower(), words[1:]
    # "find out what a coder does", "ask around": finding out goes on as well
    if verb in _PROCESS_VERBS or verb in _LIGHT_VERBS or rest[0].lower() in ("out", "around", "up"):
        return False
    if not _verb_like(words) or _VAGUE_ANY.search(body) or _HEDGE.search(body):
        return False
    return not _only_generic(rest)


_HEDGE = re.compile(r"\b(?:" + HEDGES + r")\b", _F)
_COUNT = re.compile(r"\d|(?:" + "|".join(NUMBER_WORDS) + r")$", _F)
_NOT_VERBS = wordset("a an the more less most some any no each every all")


def _verb_like(words: list[str]) -> bool:
    """Whether the first word is an action: a known action verb, or a word the lists do not
    know followed by a determiner or a count ("declare my major", "log 35 CPD hours", "chart
    every note")."""
    first = words[0].lower() if words else ""
    if first == "do":
        # "do 3 CPD hours", "do an internship" (which one is the object's problem); not "do
        # something", "do well"
        return len(words) > 1 and (
            _COUNT.match(words[1]) is not None
            or (
                (_DETERMINER.match(words[1]) is not None or words[1].lower() == "some")
                and (len(words) < 3 or words[2].lower() not in ("best", "bit", "part", "thing"))
            )
        )
    return first in ACTION_VERBS or (
        len(words) > 1
        and _DETERMINER.match(words[1]) is not None
        and first not in GENERIC
        and first not in NOT_ACTIONS
        and first not in _NOT_VERBS
        and not re.search(r"(?:ly|ing|ed|s)$", first)
    )


def _has_quantity(text: str) -> bool:
    for m in _NUMBER.finditer(text):
        token = m[0].strip().lower()
        # windows around the number are enough (keeps the check linear in the text)
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 30]
        if re.fullmatch(r"(?:19|20)\d\d", token):
            continue  # a year outside a time phrase ("the 2027 conference") is not a target
        if token == "one" and re.match(r"\s+(?:day|of)\b", after, _F):
            continue
        # A number inside a name ("Python 3", "Level 2", "Step 1", "Windows 11") is not a target.
        if re.search(
            r"\b(?:version|v|level|grade|step|part|tier|stage|phase|python|java|"
            r"windows|office|web|section|year|unit|module|chapter)\s*$",
            before,
            _F,
        ):
            continue
        if re.match(r"(?:st|nd|rd|th)\b", after, _F):
            # "the 90th percentile", "finish in 3rd place": a rank is a measure
            if re.match(r"\w*\s+(?:percentile|place|position|rank)\b", after, _F):
                return True
            continue
        return True
    return False


_NUMBER = re.compile(NUMBER, _F)


def _has_outcome(text: str) -> bool:
    pattern = (
        r"\b(?:" + OUTCOME_VERBS + r")\b(?:\s+[\w'+.&/-]+){0,8}?\s+(?:" + OUTCOME_NOUNS + r")\b"
    )
    for m in re.finditer(pattern, text, _F):
        # "get better at my job" names a job but no outcome.
        if not re.search(r"\b(?:" + VAGUE_WORDS + r"|at|on)\b", m[0], _F):
            return True
    if re.search(
        r"\bgo(?:ing)?\s+(?:part[\s-]time|full[\s-]time|freelance|self[\s-]employed)\b|"
        r"\bgo(?:ing)?\s+back\s+to\s+(?:school|uni|university|college)\b|"
        # "transition into UX design", "switch into marketing": work in a named field
        r"\b(?:move|moving|switch|switching|transition|transitioning|pivot|pivoting)\s+into\s+"
        r"(?!(?:something|anything|a\s+new|new|another|different)\b)\w|"
        r"\b(?:get|be|being|become)\s+(?:promoted|hired|certified|licensed|accepted|admitted|published|"
        r"registered|funded|elected)\b|\bgraduate\b|\bbecome\s+(?:certified|licensed|"
        r"registered|qualified|board[\s-]certified)\b",
        text,
        _F,
    ):
        return True
    if (
        _CHECKABLE.search(text)
        or _GRADE.search(text)
        or _CREDENTIAL.search(text)
        or _NAMED_DONE.search(text)
    ):
        return True
    # "become a paralegal", "retrain as an electrician": a role with an article is checkable
    # unless the words are vague ("become a better speaker").
    named = re.search(
        r"\b(?:become|retrain\s+as|train\s+as|qualify\s+as|work\s+as|start\s+as|"
        r"get\s+hired\s+as|be\s+hired\s+as)\s+(?:an?|the)\s+(?P<np>[\w'-]+(?:\s+[\w'-]+)?)",
        text,
        _F,
    )
    if named and not re.search(
        r"\b(?:" + VAGUE_WORDS + "|" + VAGUE_ADJECTIVES + r"|own|part|member)\b", named["np"], _F
    ):
        return True
    # "become a registered nurse", "land a role as a data analyst": a named role is checkable.
    role = re.search(
        r"\b(?:become|be\s+hired\s+as|work\s+as|working\s+as|start\s+as|land\s+a\s+\w+\s+as|"
        r"get\s+a\s+\w+\s+as)\s+(?:an?\s+|the\s+)?(?P<np>(?:[\w'-]+\s+){0,3}?[\w'-]*"
        + ROLE_SUFFIX
        + r")\b",
        text,
        _F,
    )
    return bool(role and not re.search(r"\b(?:" + VAGUE_WORDS + r")\b", role["np"], _F))


# Checkable without an outcome noun: a score ("score above the 90th percentile", "score at
# least 510"), passing something named ("pass the OSCE"), a decision ("decide between …"), one
# conversation with a person ("talk to a career advisor"), one internship or course done, a
# move from one field to another.
# A letter grade ("get an A in chemistry"): capitals are the evidence, so case matters.
_GRADE = re.compile(
    r"\b(?:[Gg]et|[Ee]arn|[Aa]chieve|[Ss]core|[Rr]eceive)\s+(?:an?\s+)?[A-F][+-]?(?=\s|$)"
)
# "go back to school for a master's", "study for a nursing degree": the credential is the check
# (an exam is not: "study for the bar exam" says nothing of passing it)
_CREDENTIAL = re.compile(
    r"\bfor\s+(?:an?|my|the)\s+(?:[\w'-]+\s+){0,2}?(?:master'?s|degree|mba|ph\.?d|diploma|"
    r"bachelor'?s|certificate|certification|licen[cs]e)\b",
    _F,
)
# Case matters: "get my CDL", "earn an MBA", "finish the EMT" (a credential named by its
# letters); "move to London", "relocate to Toronto" (a named place).
_NAMED_DONE = re.compile(
    r"\b(?i:get|earn|obtain|gain|receive|complete|finish|hold|take|sit)\s+"
    r"(?:(?i:my|the|an?|your)\s+)?[A-Z]{2,}[A-Z0-9+-]*\b|"
    r"\b(?i:move|moving|relocate|relocating)\s+(?i:to)\s+[A-Z][a-z]"
)
_CHECKABLE = re.compile(
    r"\bscore\s+(?:above|over|at\s+least|of|\d)|\b[abc][12]\s+level\b|\blevel\s+[abc][12]\b|"
    r"\b(?:reach|achieve|attain|get\s+to|pass)\s+(?:an?\s+)?[abc][12]\b|"
    r"\b(?:choose|pick|select)\s+(?:an?|one|the|my)\s+\w|\bpass(?:ing)?\s+(?:the|my|an?|all|both|its|"
    r"his|her|their)\s+\w|\bpass(?:ing)?\s+[A-Z]{2}|\b(?:decide|choose)\s+(?:between|on|which|"
    r"whether)\b|\b(?:talk|speak|meet)\s+(?:to|with)\s+(?:a|an|my|the|one)\b|"
    r"\bpay(?:ing)?\s+off\b|\bdo\s+(?:an?|one|two|three)\s+(?:[\w-]+\s+){0,2}(?:internship|placement|course|"
    r"apprenticeship|project|certificate|degree)\b|"
    r"\b(?:switch|switching|move|moving|transition|transitioning|change|changing|go|going)"
    r"\s+(?:careers?\s+|jobs?\s+)?from\s+(?:\S+\s+){1,4}to\s+\w",
    _F,
)


_AMOUNT_OF_TIME = re.compile(r"for\s|during\s+(?:\w+\s+)?first\s", _F)


#: A start that fixes the end as well: an enrolment is done by the time the course starts
#: ("enrol in a diploma starting next January"); a length from a start is an end ("a 12-week
#: bootcamp starting in September").
_START_IS_END = re.compile(
    r"\b(?:enrol+(?:ing)?|register(?:ing)?|sign(?:ing)?\s+up|apply(?:ing)?)\b|"
    r"\b(?:\d+|" + "|".join(NUMBER_WORDS) + r")[\s-](?:day|week|month|year)s?(?:[\s-]long)?\b"
    r"(?!\s+(?:a|per|each|every)\b)",
    _F,
)


def _score_time(
    phrases: list[TimePhrase], deadline_field: date | None, time_free: str = ""
) -> tuple[int, str]:
    if deadline_field is not None:
        return 2, TEXT["T2"]
    dated = [p for p in phrases if p.kind == "date" or (p.kind == "named" and p.deadline)]
    if dated:
        return 2, TEXT["T2"]
    named = [p for p in phrases if p.kind == "named"]
    if named:
        return 2, TEXT["T2_named"]
    vague = [p for p in phrases if p.kind == "vague"]
    if vague:
        return 1, TEXT["T1"].format(word=vague[0].text.strip())
    start = [p for p in phrases if p.kind == "start"]
    if start and _START_IS_END.search(time_free):
        return 2, TEXT["T2_named"]
    if start:
        return 1, TEXT["T1_start"].format(word=start[0].text.strip())
    invalid = [p for p in phrases if p.kind == "invalid"]
    if invalid:
        return 0, TEXT["T0_invalid"].format(problem=invalid[0].problem)
    never = [p for p in phrases if p.kind == "never"]
    if never:
        return 0, TEXT["T0_never"].format(word=never[0].text.strip())
    return 0, TEXT["T0"]


def _score_achievable(goal: Goal) -> tuple[int, str]:
    has_resource = bool([r for r in goal.resources if r.strip()]) or bool(goal.supporters)
    has_obstacle = any(o.obstacle.strip() for o in goal.obstacles)
    confident = goal.confidence is not None and goal.confidence >= 7
    if confident and has_resource and has_obstacle:
        return 2, TEXT["A2"]
    if goal.confidence is None and not has_resource and not has_obstacle:
        return 0, TEXT["A0"]
    if goal.confidence is not None and goal.confidence < 4 and not (has_resource and has_obstacle):
        return 0, TEXT["A0"]
    hint = (
        TEXT["A_conf"]
        if not confident
        else TEXT["A_resource"]
        if not has_resource
        else TEXT["A_obstacle"]
    )
    return 1, TEXT["A1"].format(hint=hint)


def _score_relevant(goal: Goal) -> tuple[int, str]:
    if goal.links.any():
        return 2, TEXT["R2"]
    if goal.why.strip():
        return 1, TEXT["R1"]
    return 0, TEXT["R0"]


def _verdict(scores: dict[str, int | None]) -> str:
    scored = [v for v in scores.values() if v is not None]
    if scored and all(v == 2 for v in scored):
        return TEXT["verdict_smart"]
    # a vague goal is never "partly SMART" on half-marks alone ("Get better with data")
    if sum(v == 0 for v in scored) >= 2 or 2 not in scored:
        return TEXT["verdict_not"]
    return TEXT["verdict_partly"]


def _flags(
    goal: Goal | None,
    deadline: date | None,
    today: date,
    horizons: HorizonRule,
    two: tuple[str, str] | None,
) -> list[SmartFlag]:
    flags = []
    if two:
        flags.append(
            SmartFlag("two_goals", TEXT["flag_two_goals"].format(first=two[0], second=two[1]))
        )
    if deadline is None:
        return flags
    done = goal is not None and goal.status == "done"
    if deadline < today and not done:
        flags.append(SmartFlag("past_deadline", TEXT["flag_past"].format(deadline=deadline)))
    if goal is None:
        return flags
    for m in goal.milestones:
        if m.due and m.due > deadline:
            flags.append(
                SmartFlag(
                    "milestone_after_deadline",
                    TEXT["flag_milestone_late"].format(title=m.title, due=m.due, deadline=deadline),
                )
            )
    if goal.horizon is not None:
        actual = horizons.horizon(deadline, goal.start or today)
        if actual != goal.horizon:
            flags.append(
                SmartFlag(
                    "horizon_mismatch",
                    TEXT["flag_horizon"].format(
                        horizon=goal.horizon.value, deadline=deadline, actual=actual.value
                    ),
                )
            )
    return flags


_KNOWN = ACTION_VERBS | VAGUE_VERBS | MONTH_NAMES | KEY_NOUNS
_TYPO_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{4,20}(?![A-Za-z])")


def _fix_transpositions(text: str) -> str:
    """Two neighbouring letters typed the wrong way round in a word we look for ("Finsih",
    "recieve", "Juen"): read as the word. Words of four letters or more only, and
    only when the typed word is none of ours; the text keeps its length (time phrases keep
    their offsets); words longer than 20 letters are left as they are (linear time)."""

    def fix(m: re.Match) -> str:
        word = m[0]
        low = word.lower()
        if low in _KNOWN or word.isupper():
            return word
        for i in range(len(low) - 1):
            if low[i] != low[i + 1]:
                swapped = low[:i] + low[i + 1] + low[i] + low[i + 2 :]
                if swapped in _KNOWN:
                    return swapped.capitalize() if word[0].isupper() else swapped
        return word

    return _TYPO_WORD.sub(fix, text)


def check_smart(
    goal_or_text: Goal | str,
    today: date | None = None,
    *,
    horizons: HorizonRule | None = None,
    term_calendar: TermCalendar | None = None,
) -> SmartCheck:
    """Check a goal (or a bare goal statement) against SMART, letter by letter.

    Parameters
    ----------
    goal_or_text : a :class:`~careerkit.goals.Goal` or its text.
    today : the date deadlines resolve against and are compared with (default: today).
    horizons : short/long thresholds for the horizon flag (default ≤ 3 / ≥ 5 years).
    term_calendar : when semesters and personal periods end.

    Returns
    -------
    SmartCheck

    Examples
    --------
    >>> from datetime import date
    >>> c = check_smart("Pass the CompTIA A+ exam by June 2027", today=date(2026, 1, 15))
    >>> c.scores["S"], c.scores["M"], c.scores["T"], c.scores["A"]
    (2, 2, 2, None)
    >>> c.deadline
    datetime.date(2027, 6, 30)
    """
    if isinstance(goal_or_text, Goal):
        goal: Goal | None = goal_or_text
        text = goal_or_text.text
    elif isinstance(goal_or_text, str):
        goal, text = None, goal_or_text
    else:
        raise InputError(
            "check_smart needs a Goal or a goal statement (text); "
            f"got {type(goal_or_text).__name__}"
        )
    today = today or date.today()
    horizons = horizons or HorizonRule()
    # Curly apostrophes as typed on phones ("I’ll") read like straight ones.
    text = " ".join(text.replace("’", "'").replace("‘", "'").split())
    text = _fix_transpositions(text)
    # "I will have completed the certificate": the goal as done by then
    text = _WILL_HAVE.sub(lambda m: m[1] + " " + _base_verb(m[2]), text)
    # "b4 the deadline": texting spelling of "before"
    text = re.sub(r"\b[Bb]4\b", "before", text)
    phrases = find_time_phrases(text, today, term_calendar)
    time_free = _blank_spans(text, [(p.start, p.end) for p in phrases])
    # "By Dec 2026 I will …": a preposition left alone before the blanked date
    time_free = _ORPHAN_PREPOSITION.sub(r"\1", time_free)
    # "volunteer for two days" is an amount of activity as well as a time span: M may count it.
    # So is "during their first 90 days".
    amount_kept = _blank_spans(
        text, [(p.start, p.end) for p in phrases if not _AMOUNT_OF_TIME.match(p.text)]
    )

    m, m_msg, amount = _score_measurable(amount_kept)
    s, s_msg, two = _score_specific(text, time_free, amount)
    if goal is not None and m < 2 and not goal.measure.is_empty():
        m, m_msg = 2, TEXT["M2"]
    t, t_msg = _score_time(phrases, goal.deadline if goal else None, time_free)
    scores: dict[str, int | None] = {"S": s, "M": m, "A": None, "R": None, "T": t}
    suggestions = {"S": s_msg, "M": m_msg, "T": t_msg}
    if goal is not None:
        scores["A"], suggestions["A"] = _score_achievable(goal)
        scores["R"], suggestions["R"] = _score_relevant(goal)
    dated = [p.deadline for p in phrases if p.deadline]
    deadline = (
        goal.deadline if goal is not None and goal.deadline else (max(dated) if dated else None)
    )
    flags = [
        SmartFlag("impossible_date", TEXT["flag_impossible_date"].format(problem=p.problem))
        for p in phrases
        if p.kind == "invalid"
    ]
    flags += _flags(goal, deadline, today, horizons, two)
    ordered = {k: scores[k] for k in "SMART"}
    return SmartCheck(
        scores=ordered,
        verdict=_verdict(ordered),
        deadline=deadline,
        suggestions={k: suggestions[k] for k in "SMART" if k in suggestions},
        flags=tuple(flags),
        time_phrases=tuple(phrases),
    )
