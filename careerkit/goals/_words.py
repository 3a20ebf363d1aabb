"""Word lists and patterns the SMART rules use (ours).

Career action verbs as career-guidance worksheets list them, the vague words and hedges that make
a goal hard to act on, checkable outcomes, frequencies and amounts. Kept apart from the rules in
:mod:`careerkit.goals._smart` so they can be read, extended or translated on their own.
"""

from __future__ import annotations

from careerkit.goals._deadlines import NUMBER_WORDS


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


ACTION_VERBS = wordset(
    """
accept achieve acquire add administer advance analyse analyze apply arrange ask assemble attain
attend audit automate begin book build calculate change chair choose coach collaborate
collect complete compile conduct connect consolidate contact contribute convert coordinate
create cut debug decide define deliver demonstrate deploy design develop document draft earn
edit enrol enroll establish evaluate exercise expand explore facilitate file find finish fix
follow gain get give graduate grow guide handle hire host identify implement increase interview
introduce invest join keep land launch lead learn lower maintain make manage map master meet
mentor migrate move negotiate network obtain open operate organise organize pass plan practise
practice prepare present produce program publish qualify raise reach read receive record
recruit redesign reduce refactor register renew replace request research restart retire review
revise run save schedule secure see select sell send serve set shadow ship sign solve speak
spend start study submit supervise switch take teach test track train transfer transition
translate travel tutor update upgrade use visit volunteer walk win work write become sit shift
sleep leave score pay eat meditate budget go find
hold stop quit limit book reach
talk call email phone chat merge hit retrain specialise specialize delegate answer put revise
rewrite lose buy message text
cook bake swim cycle jog hike drink draw paint play sing dance clean tidy declutter drive ride
stretch lift watch listen memorise memorize rehearse proofread outline summarise summarize
reply respond post share upload film photograph sketch code pitch donate fundraise observe assist
resit retake tailor polish finalise finalize pursue enter compete perform audition repay deposit
check hand tour floss cancel halve double triple pick
relocate emigrate commute negotiate request propose pitch shortlist enroll
provide offer support treat assess triage educate counsel advocate prep
"""
)

#: Month names and the nouns a typo check looks for (besides the verbs above).
MONTH_NAMES = wordset(
    "january february march april june july august september october november december"
)
KEY_NOUNS = wordset(
    """
certificate certification licence license degree diploma course exam examination interview
application applications internship placement promotion portfolio semester month months week
weeks year years quarter summer spring autumn winter resume website project program programme
"""
)

#: Verbs that say "change" without saying what changes.
VAGUE_VERBS = frozenset(["improve", "enhance", "better", "strengthen", "boost", "explore"])
#: Starting with these counts as an action only when a specific object follows them.
WEAK_START = frozenset({"develop", "grow", "expand", "work"})
#: Verbs of being, feeling and thinking: no action, and no object ("stay healthy", "help
#: people", "think about specialising"); what follows them is looked at for an object.
NOT_ACTIONS = wordset("be stay help think figure feel know understand consider wonder remain")
#: Vague verb phrases at the start ("do better on my evaluations", "get better with data").
VAGUE_START = (
    r"(?:do|get|be|become|feel|grow)\s+(?:better|well|good)\b|get\s+involved\b|"
    r"focus(?:ing)?\s+on\b|"
    # "grow as a leader", "build relationships with …": growth and ties with no end point
    r"grow\s+as\b|build\s+(?:relationships|rapport|bridges|ties)\b|"
    # "get comfortable with coding", "get used to night shifts": a state reached, no action
    r"get\s+(?:more\s+)?(?:comfortable|familiar|confident|used\s+to|serious|organi[sz]ed|fit|"
    r"healthy|on\s+top\s+of)\b|"
    # "keep up with CPD", "stay up to date with AI tools", "stay on top of my emails"
    r"(?:keep|stay)\s+(?:up\s+with|up\s+to\s+date|current|on\s+top\s+of|in\s+touch)\b|"
    # "get my life together": an idiom for "sort things out"
    r"get\s+(?:my|our|your|his|her|their)\s+(?:life|act|stuff|things|head)\s+together\b|"
    # "make my boss happy", "make my parents proud": someone else's feeling, no action
    r"make\s+(?:my|our|the|his|her|their)\s+\w+\s+(?:happy|proud|pleased|satisfied|like\s+me)\b"
)
#: Words that make a statement vague for S only (an outcome may still be checkable: "get into
#: a good college").
VAGUE_ADJECTIVES = (
    r"good|great|nice|decent|top(?!\s+\d)|different\s+(?:types|kinds|things|areas|ways)|some|"
    r"passion|purpose|calling|dream|potential|confidence"
)

#: Comparatives that say "more" of a quality without how much ("get healthier", "study harder").
COMPARATIVES = (
    r"happier|harder|healthier|fitter|stronger|faster|calmer|kinder|smarter|wiser|earlier|"
    r"easier|wealthier|richer|leaner|tidier"
)
VAGUE_WORDS = (
    r"improv(?:e|es|ed|ing|ement)|enhance|better|more|less|fewer|best|enough|work\s+on|stuff|"
    r"things|somehow|various|good\s+at|regularly|often|frequently|occasionally|so\s+much|"
    r"a\s+few|a\s+couple|"
    + COMPARATIVES
    + "|"
    r"successful|success(?!\s+rate)|a\s+lot|as\s+much\s+as\s+possible|etc"
)
HEDGES = (
    r"try(?:ing)?\s+to|hope(?:fully)?|hoping|maybe|perhaps|might|possibly|if\s+possible|"
    r"attempt\s+to|wish|would\s+be\s+nice|if\s+i\s+can|kind\s+of|sort\s+of|some\s+day"
)
LEAD_INS = (
    r"^(?:(?:my\s+(?:short[\s-]term\s+|long[\s-]term\s+)?goal\s+is\s+(?:to\s+)?)|"
    r"(?:(?:i'?m|im|i\s+am)\s+(?:going\s+to|gonna|planning\s+to|hoping\s+to|aiming\s+to|"
    r"trying\s+to|determined\s+to|looking\s+to)\s+)|(?:(?:i\s+)?(?:wanna|gonna)\s+)|"
    r"(?:i\s+(?:would|'d)\s+love\s+to\s+)|(?:i\s+really\s+(?:want|need)\s+to\s+)|"
    r"(?:i'?ve\s+decided\s+to\s+)|(?:be\s+able\s+to\s+)|"
    r"(?:i'll\s+|i\s+(?:will|shall|am\s+going\s+to|'m\s+going\s+to|want\s+to|plan\s+to|"
    r"intend\s+to|"
    r"aim\s+to|need\s+to|would\s+like\s+to|'d\s+like\s+to|must|have\s+to|commit\s+to|"
    r"hope\s+to|will\s+try\s+to|am\s+trying\s+to|try\s+to|might|may|could|should)\s+)|"
    r"(?:to\s+)|(?:(?:try|trying|attempt)\s+to|hopefully|maybe|perhaps|possibly|ideally|"
    r"if\s+possible,?)\s+)"
)
#: Words that name nothing concrete on their own.
GENERIC = wordset(
    """
be being happy happier money income people others someone everyone out best
a an the my our your their his her its me myself i we it this that these those some any all
every each skills skill things thing stuff career careers job jobs work life job's knowledge
grades marks books readings
abilities
ability overall general generally self in on at of for to with and or about more better really
very good great well new lot lots way ways area areas field stuff myself person level levels
things passion purpose calling dream dreams healthy fit out what want do life lives something
anything everything path direction harder
"""
)

# Checkable outcomes: a verb and an outcome noun close together.
OUTCOME_VERBS = (
    r"earn|obtain|complete|finish|pass|get|gain|receive|secure|land|achieve|attain|submit|"
    r"publish|present|win|be\s+accepted|get\s+accepted|be\s+admitted|get\s+into|enrol|enroll|"
    r"sign\s+up|register|launch|start|begin|qualify|become|hold|sit|take|deliver|release|"
    r"ship|graduate|apply\s+for|apply\s+to|write|build|create|run|lead|organise|organize|host|"
    r"develop|design|make|open|found|move\s+into|move\s+up\s+to|step\s+into|find|attend|own|"
    r"transition\s+into|switch\s+into|move\s+to|switch\s+to|break\s+into|update|revise|rewrite|book|schedule|"
    r"arrange|ask\s+for|ask|go\s+to|merge|hit|join|reach|contribute\s+to|"
    r"landing|earning|completing|passing|getting|securing|finishing|want|need|go\s+for|"
    r"make"
)
OUTCOME_NOUNS = (
    r"certificate|certification|certified|licen[cs]e|licensure|degree|diploma|course|courses|"
    r"class|module|programme|program|bootcamp|boot\s+camp|apprenticeship|exam|examination|test|"
    r"nclex|usmle|boards?|step\s+\d|offer|promotion|promoted|internship|placement|job|position|"
    r"role|residency|fellowship|paper|article|poster|talk|presentation|portfolio|thesis|"
    r"dissertation|capstone|award|scholarship|admission|app|website|project|workshop|"
    r"mba|masters?|master's|bachelor'?s?|ph\.?d|a\+|ccna|pmp|cpa|rn|bsn|msn|cna|emt|"
    r"conference|meetup|marathon|book|blog|newsletter|business|company|raise|contract|mentor|"
    r"sponsor|references?|referees?|coach|management|migration|rollout|implementation|"
    r"logbook|report|application|applications|commission|client|customer|gre|gmat|lsat|mcat|"
    r"toefl|ielts|sat|school|college|university|academy|pass|interviews?|meeting|appointment|"
    r"session|call|fair|event|r[ée]sum[ée]|cv|cover\s+letter|profile|plan|budget|"
    r"pull\s+request|target|quiz|coursework|assignments?|essay|homework|association|society|"
    r"club|council|union|committee|level|band|belt|dashboard|prototype|database|spreadsheet|"
    r"opening|vacancy|vacancies|post|opportunity|feedback|advice|recommendation|targets|"
    r"dean'?s\s+list|hono(?:u)?r\s+roll"
)
ROLE_SUFFIX = (
    r"(?:er|or|ist|ian|ant|ent|nurse|manager|lead|chef|officer|director|partner|owner|"
    r"specialist|technician|physician|paramedic|pharmacist|analyst|engineer|developer|"
    r"designer|teacher|assistant|associate|head|surgeon|midwife|dentist|hygienist|"
    r"administrator|coordinator|scientist|architect|consultant|executive|entrepreneur)"
)
FREQUENCY = (
    r"\b(?:daily|weekly|monthly|yearly|annually|quarterly|fortnightly|biweekly|bi-weekly|"
    r"every\s+day|every\s+morning|every\s+evening|every\s+night|every\s+weekend|nightly)\b|"
    r"\b(?:per|a|an|each|every|every\s+other)\s+(?:\d+\s+|(?:"
    + "|".join(NUMBER_WORDS)
    + r")\s+)?(?:day|week|fortnight|month|year|quarter|semester|term|shift|weekday|weekend|"
    r"rotation|morning|evening|night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b|\b(?:once|twice|three\s+times|\d+\s+times)\b|"
    r"\b(?:on|at)\s+(?:weekends|weekdays|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
)
WEAK_QUANTITY = (
    r"several|a\s+few|a\s+couple(?:\s+of)?|some|many|regularly|often|frequently|more|most|less|fewer|"
    r"enhance|strengthen|sharpen|polish|brush\s+up|"
    r"better|enough|"
    r"increase|"
    r"reduce|grow|"
    r"expand|lots|plenty|consistently|as\s+much\s+as|improve|boost|good|higher|"
    r"(?<!as\s)well(?!\s+as)|improv(?:es|ed|ing|ement)|" + COMPARATIVES
)
#: Amounts named without saying how much ("lose weight", "save for retirement", "get work
#: experience", "make new friends"): a vague amount for M, and S asks how much.
AMOUNT_VERBS = r"sav(?:e|ing)|los(?:e|ing)|gain(?:ing)?"
AMOUNT_NOUNS = (
    r"money|weight|savings|debt|experience|friends|contacts|connections|followers|subscribers|"
    r"clients|customers|sales|revenue|income|profits?|pounds|kilos|kilograms"
)
#: Verbs that change an amount in one direction without a number ("cut my spending"): M 1.
CHANGE_VERBS = (
    r"cut(?:ting)?|lower(?:ing)?|rais(?:e|ing)|decreas(?:e|ing)|minimi[sz](?:e|ing)|"
    r"maximi[sz](?:e|ing)"
)
#: A fraction or multiple of the present amount is a number ("by half", "double my sales").
MULTIPLE = (
    r"\bby\s+(?:half|a\s+(?:third|quarter|fifth)|(?:one|two)[\s-](?:thirds?|quarters?))\b|"
    r"\bin\s+half\b|\b(?:double|triple|quadruple|halve)\s+(?:my|our|the|their|its|his|her)\b"
)
NUMBER = (
    r"(?<![\w.])(?:[$£€]\s?\d[\d,]*(?:\.\d+)?\s?[km]?|\d[\d,]*(?:\.\d+)?\s?(?:%|percent|per\s+cent"
    r"|k\b)?|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))(?![\w])"
)
FROM_TO = (
    r"\bfrom\s+(?P<a>[\w$£€.,%+-]+(?:\s+[\w%+-]+){0,2}?)\s+to\s+(?:an?\s+)?(?P<b>[\w$£€.,%+-]+)"
)
LEVEL_TOKEN = (
    r"^(?:[$£€]?\d[\d,.]*%?k?|[abc][12]|[a-f][+-]?|junior|mid|senior|level|grade|entry|beginner|"
    r"intermediate|advanced|fluent|conversational|basic|part-time|full-time|one|two|three|four|"
    r"five|six|seven|eight|nine|ten)$"
)
