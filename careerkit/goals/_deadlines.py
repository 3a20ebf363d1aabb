"""Time phrases in goal statements: find them, and resolve them to a deadline.

Our own small grammar of regular expressions plus calendar arithmetic, deliberately *not* a
fuzzy date parser: fuzzy parsers read "I may become…" as a date in May and "10 jobs per week"
as the 10th. Here a word only becomes a date in a time context ("by May", "May 2027",
"within 10 weeks"), a duration needs a number and a unit ("within the company" is not one),
and "by" must be followed by a date or a named period ("by attending", "by 10%" are not).

Resolution rules (ARCHITECTURE.md, Goals): "within N months" → today + N months; "by December
2027", "end of 2027", "Q2 2028" → the last day of that period; "by the end of the semester" →
the next semester end in a :class:`~careerkit.goals._model.TermCalendar`; "someday" → none.
Shorthand as typed in notes reads the same: "EOY", "EOM", "by Q3" (the coming one), "next sem",
"6 mos", "3 wks", "6/2027", "Jun '27", "mid-2027"; an event the person can date ("before my
interview", "by the application deadline") is a named period with no date of its own.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from careerkit.errors import InputError
from careerkit.goals._model import TermCalendar

__all__ = [
    "NUMBER_WORDS",
    "TEXT",
    "TimePhrase",
    "add_months",
    "find_time_phrases",
    "parse_deadline",
]

#: What the person is told about a date that does not exist (one place, for translation).
TEXT = {
    "bad_day": "'{text}' is not a date: {month} {year} has {days} days.",
    "bad_month": "'{text}' is not a date: there is no month {month}.",
    "bad_year": "'{text}' is beyond the calendar: years run up to 9999.",
    "bad_date": "'{text}' is not a date.",
    "refused": "No deadline: {problem}",
}

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "seventy": 70,
    "eighty": 80,
    "a thousand": 1000,
    "thousand": 1000,
}
# "twenty-five", "thirty five": tens and units, written with a hyphen or a space
for _tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
    for _unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
        NUMBER_WORDS[f"{_tens}-{_unit}"] = NUMBER_WORDS[f"{_tens} {_unit}"] = (
            NUMBER_WORDS[_tens] + NUMBER_WORDS[_unit]
        )
_NUMWORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_PREP = r"(?:by|before|until|till|through|thru|no\s+later\s+than|in|during|on|at|for)"
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"

_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "semester": 6, "term": 4, "decade": 120}
#: Abbreviations as typed in notes ("6 mos", "3 wks", "2 yrs", "next sem", "this qtr").
_ABBREVIATIONS = {
    "wk": "week",
    "mo": "month",
    "mth": "month",
    "yr": "year",
    "sem": "semester",
    "qtr": "quarter",
}
_UNIT = (
    r"(?:day|week|wk|fortnight|month|mo|mth|quarter|qtr|year|yr|semester|sem|term|decade)s?\.?"
)

_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


@dataclass(frozen=True)
class TimePhrase:
    """A time phrase found in a goal text.

    ``kind`` is one of ``"date"`` (resolved to a calendar date), ``"named"`` (a named period
    such as the end of medical school: time-bound for the person, resolved only when the term
    calendar knows it), ``"vague"`` ("in a few months"), ``"start"`` ("starting in February":
    when the goal begins, not when it ends), ``"never"`` ("someday") or ``"invalid"`` (a date
    no calendar has, "2027-02-30", "the end of year 10000"; ``problem`` says why).
    """

    start: int
    end: int
    text: str
    kind: str
    deadline: date | None = None
    #: for an ``"invalid"`` phrase: why it is no date, in words for the person
    problem: str = ""


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _number(token: str) -> int | None:
    token = token.lower().strip()
    if token.isdigit():
        return int(token)
    if token in ("a", "an"):
        return 1
    token = re.sub(r"\s+", " ", token)
    return NUMBER_WORDS.get(token)


def _next_month_day(today: date, month: int, day: int, *, after: bool = False) -> date:
    """The next (month, day) on or after ``today`` (strictly after when ``after``)."""
    last = calendar.monthrange(today.year, month)[1]
    candidate = date(today.year, month, min(day, last))
    if candidate < today or (after and candidate == today):
        last = calendar.monthrange(today.year + 1, month)[1]
        candidate = date(today.year + 1, month, min(day, last))
    return candidate


def _semester_ends(today: date, cal: TermCalendar) -> list[date]:
    ends = []
    for year in (today.year - 1, today.year, today.year + 1, today.year + 2):
        for month, day in (cal.spring_end, cal.fall_end):
            ends.append(date(year, month, day))
    return sorted(ends)


def _season_end(season: str, year: int, cal: TermCalendar) -> date:
    if season == "spring":
        return date(year, *cal.spring_end)
    if season == "summer":
        return date(year, *cal.summer_end)
    if season in ("fall", "autumn"):
        return date(year, *cal.fall_end)
    return _month_end(year + 1, 2)  # winter ends with February


def _resolve_period(name: str, today: date, cal: TermCalendar, which: str = "this") -> date | None:
    """The end of a named period (this/next), or ``None`` when it is not a calendar period."""
    name = " ".join(name.lower().replace("'", "").split())
    name = re.sub(r"^(the|this|my|our|current)\s+", "", name)
    name = " ".join(_ABBREVIATIONS.get(w.rstrip("."), w) for w in name.split())
    nxt = which == "next"
    if name in cal.periods:
        return cal.periods[name]
    if name in ("semester", "term"):
        ends = [d for d in _semester_ends(today, cal) if d >= today]
        return ends[1] if nxt else ends[0]
    if name in ("school year", "academic year", "year at school", "college year"):
        end = _next_month_day(today, *cal.school_year_end)
        return date(end.year + 1, *cal.school_year_end) if nxt else end
    if name in ("year", "calendar year"):
        return date(today.year + (1 if nxt else 0), 12, 31)
    if name in ("fiscal year", "financial year"):
        end = _month_end(today.year, cal.fiscal_year_end_month)
        if end < today:
            end = _month_end(today.year + 1, cal.fiscal_year_end_month)
        return _month_end(end.year + 1, end.month) if nxt else end
    if name == "month":
        base = add_months(today, 1) if nxt else today
        return _month_end(base.year, base.month)
    if name == "week":
        end = today + timedelta(days=6 - today.weekday())
        return end + timedelta(days=7) if nxt else end
    if name == "quarter":
        base = add_months(today, 3) if nxt else today
        q_end_month = ((base.month - 1) // 3 + 1) * 3
        return _month_end(base.year, q_end_month)
    if name.split()[0] in _SEASONS and name.split()[1:] in ([], ["semester"], ["term"]):
        season = name.split()[0]
        end = _season_end(season, today.year - 1, cal)
        while end < today:
            end = _season_end(season, end.year + 1, cal)
        # "next summer" in January is this coming summer; in July it is the one after.
        in_progress = (end - today).days < 92
        return _season_end(season, end.year + 1, cal) if nxt and in_progress else end
    return None


# ---- the grammar -------------------------------------------------------------------------
# Each rule: (compiled pattern, handler(match, today, cal) -> (kind, date | None) | None).
# Rules run in order; a later rule never claims text an earlier one already claimed.

_F = re.IGNORECASE


def _why_not(text: str, year: int, month: int, day: int) -> str:
    """Why (year, month, day) is no calendar date, in words."""
    if not 1 <= year <= 9999:
        return TEXT["bad_year"].format(text=text)
    if not 1 <= month <= 12:
        return TEXT["bad_month"].format(text=text, month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return TEXT["bad_day"].format(
            text=text, month=calendar.month_name[month], year=year, days=days
        )
    return TEXT["bad_date"].format(text=text)


def _date_or_problem(text: str, year: int, month: int, day: int):
    """("date", the date) when it exists, else ("invalid", None, why): an impossible date is
    refused, never moved to a nearby one."""
    try:
        return "date", date(year, month, day)
    except ValueError:
        return "invalid", None, _why_not(text, year, month, day)


def _iso(m: re.Match, today: date, cal: TermCalendar):
    return _date_or_problem(m[0], int(m["y"]), int(m["m"]), int(m["d"]))


def _numeric(m: re.Match, today: date, cal: TermCalendar):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    # Month first (US usage) unless the first number cannot be a month.
    month, day = (b, a) if a > 12 else (a, b)
    return _date_or_problem(m[0], y, month, day)


def _month_day_year(m: re.Match, today: date, cal: TermCalendar):
    return _date_or_problem(m[0], int(m["y"]), _MONTHS[m["mon"].lower()], int(m["d"]))


def _far_year(m: re.Match, today: date, cal: TermCalendar):
    """A year no calendar date has ("the end of year 10000", "by 12000")."""
    return "invalid", None, TEXT["bad_year"].format(text=m[0].strip())


def _weekday(m: re.Match, today: date, cal: TermCalendar):
    """The coming weekday ("by Friday": the next Friday after today; "next Friday": the one
    after that when this week's is still ahead)."""
    target = _WEEKDAYS[m["day"].lower()[:3]]
    ahead = (target - today.weekday()) % 7 or 7
    end = today + timedelta(days=ahead)
    if (m["which"] or m["which2"]) and ahead < 7 - today.weekday():
        end += timedelta(days=7)
    return "date", end


def _weekend(m: re.Match, today: date, cal: TermCalendar):
    """ "this weekend": the coming Sunday (today when it is Sunday); "next weekend": a week on
    when this weekend has not begun."""
    end = today + timedelta(days=(6 - today.weekday()) % 7)
    if m["which"].lower() == "next" and today.weekday() < 5:
        end += timedelta(days=7)
    return "date", end


def _fiscal_year(m: re.Match, today: date, cal: TermCalendar):
    """ "FY2027": the fiscal year that ends in 2027 (its end month from the term calendar)."""
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    return "date", _month_end(year, cal.fiscal_year_end_month)


def _start(m: re.Match, today: date, cal: TermCalendar):
    return "start", None


def _month_year(m: re.Match, today: date, cal: TermCalendar):
    return "date", _month_end(int(m["y"]), _MONTHS[m["mon"].lower()])


def _quarter(m: re.Match, today: date, cal: TermCalendar):
    words = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
    n = int(m["q"]) if m["q"] else words[m["qw"].lower()]
    return "date", _month_end(int(m["y"]), n * 3)


def _season_year(m: re.Match, today: date, cal: TermCalendar):
    return "date", _season_end(m["season"].lower(), int(m["y"]), cal)


def _year(m: re.Match, today: date, cal: TermCalendar):
    return "date", date(int(m["y"]), 12, 31)


_PAST = re.compile(r"\b(?:been|'ve|have|had|was|were|worked|spent)\b(?![^.;!?]*[.;!?])", _F)


def _duration(m: re.Match, today: date, cal: TermCalendar):
    groups = m.groupdict()
    if m[0].lower().startswith("after"):
        # "after 6 months" says when something starts, not a deadline.
        return None
    if re.match(r"\s+(?:each|every|a|per)\s+(?:day|week|month|year|shift|term|semester)\b",
                m.string[m.end() : m.end() + 20], _F):
        # "shadow a colleague for one day each month": an amount per period, no deadline
        return None
    if m[0].lower().startswith("for") and _PAST.search(
        m.string, max(0, m.start() - 40), m.start()
    ):
        # "I've been in the same role for 5 years": context, not a deadline
        return None
    # In a range ("6-12 months") the later end is the deadline.
    token = groups.get("n2") or groups.get("n")
    n = _number(token) if token else 1
    if n is None:
        return None
    unit = m["unit"].lower().rstrip(".").rstrip("s")
    unit = _ABBREVIATIONS.get(unit, unit)
    try:
        if unit in _UNIT_DAYS:
            return "date", today + timedelta(days=n * _UNIT_DAYS[unit])
        return "date", add_months(today, n * _UNIT_MONTHS[unit])
    except (ValueError, OverflowError):
        # "within 99999 years" is beyond any calendar: not a deadline.
        return "vague", None


def _month_day(m: re.Match, today: date, cal: TermCalendar):
    try:
        return "date", _next_month_day(today, _MONTHS[m["mon"].lower()], int(m["d"]))
    except ValueError:
        return None


def _month_alone(m: re.Match, today: date, cal: TermCalendar):
    month = _MONTHS[m["mon"].lower()]
    end = _month_end(today.year, month)
    if end < today:
        end = _month_end(today.year + 1, month)
    if (m["which"] or "").lower() == "next" and end.year == today.year and month <= today.month:
        end = _month_end(today.year + 1, month)
    return "date", end


def _this_next(m: re.Match, today: date, cal: TermCalendar):
    end = _resolve_period(m["name"], today, cal, which=m["which"].lower())
    return ("date", end) if end else None


def _season_alone(m: re.Match, today: date, cal: TermCalendar):
    return "date", _resolve_period(m["name"], today, cal)


def _end_of(m: re.Match, today: date, cal: TermCalendar):
    name = m["name"]
    which = "next" if re.match(r"next\b", name, _F) else "this"
    name = re.sub(r"^next\s+", "", name, flags=_F)
    end = _resolve_period(name, today, cal, which=which)
    if end:
        return "date", end
    return "named", cal.periods.get(_personal_key(name))


def _personal_key(name: str) -> str:
    name = " ".join(name.lower().replace("'", "").split())
    return re.sub(r"^(the|this|my|our|current)\s+", "", name)


def _event(m: re.Match, today: date, cal: TermCalendar):
    event = "graduation" if re.search(r"graduat", m[0], _F) else _personal_key(m["ev"] or "")
    return "named", cal.periods.get(event)


def _undated_event(m: re.Match, today: date, cal: TermCalendar):
    """ "before I start the new job", "by the age of 30", "before residency apps": an event the
    person can put a date on, with none of its own here."""
    return "named", None


def _month_number_year(m: re.Match, today: date, cal: TermCalendar):
    """ "6/2027", "2027-06": the end of that month."""
    month, year = int(m["m"] or m["m2"]), int(m["y"] or m["y2"])
    if not 1 <= month <= 12:
        return "invalid", None, TEXT["bad_month"].format(text=m[0].strip(), month=month)
    return "date", _month_end(year, month)


def _month_short_year(m: re.Match, today: date, cal: TermCalendar):
    """ "June '27": the end of June 2027."""
    return "date", _month_end(2000 + int(m["yy"]), _MONTHS[m["mon"].lower()])


def _quarter_alone(m: re.Match, today: date, cal: TermCalendar):
    """ "by Q3", "by the end of the third quarter": the coming one."""
    words = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
    n = int(m["q"]) if m["q"] else words[m["qw"].lower()]
    if m["yy"]:
        return "date", _month_end(2000 + int(m["yy"]), n * 3)
    end = _month_end(today.year, n * 3)
    return "date", end if end >= today else _month_end(today.year + 1, n * 3)


_PART_OF_YEAR = {"start": 1, "beginning": 1, "early": 3, "mid": 6, "middle": 6, "late": 12}


def _part_of_year(m: re.Match, today: date, cal: TermCalendar):
    """ "by mid-2027", "early 2027", "late 2027": the end of that part of the year."""
    return "date", _month_end(int(m["y"]), _PART_OF_YEAR[m["part"].lower()])


_END_ABBREVIATIONS = {
    "eoy": "year",
    "eom": "month",
    "eow": "week",
    "eoq": "quarter",
    "eofy": "fiscal year",
}


def _end_abbreviation(m: re.Match, today: date, cal: TermCalendar):
    """ "EOY", "EOM", "EOQ", "EOFY", "EOD": the end of this year, month, …, day."""
    abbr = m["abbr"].lower()
    if abbr == "eod":
        return "date", today
    return "date", _resolve_period(_END_ABBREVIATIONS[abbr], today, cal)


def _near_day(m: re.Match, today: date, cal: TermCalendar):
    """ "by tomorrow", "tonight", "by the end of today"."""
    return "date", today + timedelta(days=1) if re.search("tomorrow", m[0], _F) else today


def _within_period(m: re.Match, today: date, cal: TermCalendar):
    """ "within the year", "within this semester": the end of the current one."""
    end = _resolve_period(m["name"], today, cal)
    return ("date", end) if end else None


def _named_event(m: re.Match, today: date, cal: TermCalendar):
    """ "before my interview", "by the application deadline", "by Christmas": an event the
    person can put a date on (Christmas has one)."""
    if re.fullmatch(r"christmas|xmas", m["ev"], _F):
        return "date", _next_month_day(today, 12, 25)
    return "named", cal.periods.get(_personal_key(m["ev"]))


def _vague(m: re.Match, today: date, cal: TermCalendar):
    return "vague", None


def _never(m: re.Match, today: date, cal: TermCalendar):
    return "never", None


_PERIOD_WORDS = (
    r"(?:semester|sem|term|school\s+year|academic\s+year|calendar\s+year|fiscal\s+year|"
    r"financial\s+year|year|yr|month|week|quarter|qtr|spring|summer|fall|autumn|winter)"
)

# A named period after "end of": up to four words, stopping before clause words.
_NAME = (
    r"(?!(?:each|every)\b)(?P<name>(?:(?:the|this|my|our|next)\s+)?[a-z][\w'-]*(?:\s+(?!(?:and|so|to|in|while|"
    r"with|because|by|or|then|through|from|for|as)\b)[a-z][\w'-]*){0,3})"
)

#: Events a person can put a date on ("before my interview", "by the deadline").
_EVENTS = (
    r"christmas|xmas|thanksgiving|easter|new\s+year'?s?|holidays|vacation|break|interviews?|"
    r"exams?|finals|midterms?|deadline|review|appraisal|evaluation|rotation|placement|"
    r"probation|start\s+date|first\s+day|elections?|conference|presentation|defen[cs]e|boards|"
    r"results|wedding|move|trip|retirement|birthday|fair|open\s+day|launch|audition"
)

_RULES: list[tuple[re.Pattern, Callable]] = [
    # years no calendar has: refused, never read as a nearby year
    (
        re.compile(
            r"\b(?:(?:by|before|until|till|in)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?year\s+|"
            r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year\s+)?)(?P<y>\d{5,})\b|"
            r"\b\d{5,}-\d{1,2}-\d{1,2}\b",
            _F,
        ),
        _far_year,
    ),
    # "starting in February", "from next week": when the goal begins, not its deadline
    (
        re.compile(
            rf"\b(?:starting|beginning|commencing)\s+(?:in\s+|on\s+|from\s+)?(?:the\s+)?"
            rf"(?:(?:next|this)\s+)?(?:(?:{_MONTH})\.?(?:\s+\d{{1,2}}{_DAY_SUFFIX})?"
            rf"(?:,?\s+{_YEAR})?|{_YEAR}|{_WEEKDAY}|week|month|semester|term|year|spring|"
            rf"summer|fall|autumn|winter|tomorrow)\b",
            _F,
        ),
        _start,
    ),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), _iso),
    (re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b"), _numeric),
    # "01.09.2026": dots are written day first in most of Europe; read like slashes
    (re.compile(r"\b(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"), _numeric),
    # "by 6/2027", "by 2027-06": a month and a year in figures
    (
        re.compile(
            r"\b(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)-(?P<m2>\d{1,2})\b(?!-)"
        ),
        _month_number_year,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_DAY_SUFFIX},?\s+(?P<y>{_YEAR})\b", _F
        ),
        _month_day_year,
    ),
    (
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){_DAY_SUFFIX}\s+(?:of\s+)?(?P<mon>{_MONTH})\.?,?\s+"
            rf"(?P<y>{_YEAR})\b",
            _F,
        ),
        _month_day_year,
    ),
    (
        re.compile(
            rf"\b(?:(?:the\s+)?end\s+of\s+|(?:mid|early|late)[\s-]+)?(?P<mon>{_MONTH})\.?,?\s+"
            rf"(?:of\s+)?(?P<y>{_YEAR})\b",
            _F,
        ),
        _month_year,
    ),
    # "by June '27"
    (
        re.compile(rf"\b(?P<mon>{_MONTH})\.?,?\s+'(?P<yy>\d\d)\b", _F),
        _month_short_year,
    ),
    (
        re.compile(
            rf"\b(?:(?:the\s+)?end\s+of\s+)?(?:q(?P<q>[1-4])|(?:the\s+)?(?P<qw>first|second|"
            rf"third|fourth|last)\s+quarter)\s*(?:of\s+)?(?P<y>{_YEAR})\b",
            _F,
        ),
        _quarter,
    ),
    # "by Q3", "by the end of the third quarter": the coming one
    (
        re.compile(
            r"\b(?:(?:by|before|in|during|for|until|till|through)\s+)?(?:the\s+)?(?:end\s+of\s+)?"
            r"(?:the\s+)?(?:q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|last)\s+quarter)\b"
            r"(?:\s*'(?P<yy>\d\d)\b|(?!\s*(?:of\s+)?(?:\d|')|-))",
            _F,
        ),
        _quarter_alone,
    ),
    # "by mid-2027", "in early 2027", "late 2027"
    (
        re.compile(
            rf"\b(?:(?:by|before|in|until|till|during)\s+)?(?:the\s+)?(?P<part>mid|early|late|"
            rf"middle|start|beginning)(?:[\s-]+of)?[\s-]+(?P<y>{_YEAR})\b",
            _F,
        ),
        _part_of_year,
    ),
    # "by EOY", "EOM", "by EOD"
    (
        re.compile(
            r"\b(?:(?:by|before|until|till|at)\s+)?(?:the\s+)?(?P<abbr>eoy|eom|eow|eoq|eofy|eod)\b",
            _F,
        ),
        _end_abbreviation,
    ),
    # "by tomorrow", "tonight", "by the end of today"
    (
        re.compile(
            r"\b(?:(?:by|before|until|till)\s+)?(?:tomorrow|tonight)\b|"
            r"\b(?:(?:by|before|until|till)\s+(?:the\s+end\s+of\s+)?)?today\b(?!'s)",
            _F,
        ),
        _near_day,
    ),
    # "this weekend", "by next weekend": its Sunday
    (
        re.compile(
            r"\b(?:(?:by|before|until|till|over|on)\s+)?(?:the\s+)?(?P<which>this|next|coming)\s+"
            r"weekend\b",
            _F,
        ),
        _weekend,
    ),
    # "in FY2027", "by FY27": the end of that fiscal year
    (
        re.compile(
            r"\b(?:(?:by|in|during|for|before)\s+)?(?:the\s+)?fy\s?'?(?P<y>\d{4}|\d\d)\b", _F
        ),
        _fiscal_year,
    ),
    # "within the year", "within this semester"
    (
        re.compile(
            rf"\bwithin\s+(?:the|this)\s+(?:current\s+)?(?P<name>{_PERIOD_WORDS})\b"
            r"(?!\s+(?:of\s+)?\d)",
            _F,
        ),
        _within_period,
    ),
    # "by 1st March", "before the 15th of May": a day and a month, no year
    (
        re.compile(
            rf"\b(?:(?:by|before|until|till|on|for)\s+(?:the\s+)?|the\s+)(?P<d>\d{{1,2}})"
            rf"{_DAY_SUFFIX}\s+(?:of\s+)?(?P<mon>{_MONTH})\b(?!\.?,?\s*\d)",
            _F,
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:(?:the\s+)?end\s+of\s+)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|"
            rf"winter)\s+(?:semester\s+|term\s+|quarter\s+)?(?:of\s+)?(?P<y>{_YEAR})\b",
            _F,
        ),
        _season_year,
    ),
    (
        re.compile(
            rf"\b(?:{_PREP}|(?:the\s+)?end\s+of|by\s+the\s+end\s+of)\s+(?:the\s+year\s+)?"
            rf"(?P<y>{_YEAR})\b",
            _F,
        ),
        _year,
    ),
    # "within 6 months", "in the next two years", "in 18 months' time", "within 6-12 months"
    (
        re.compile(
            rf"\b(?:within|in|inside|over|during|after|for)\s+(?:(?:the|their|my|your|his|her|its|"
            rf"our)\s+)?(?:next|coming|following|first)?\s*(?P<n>\d+|{_NUMWORD}|a|an)(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|{_NUMWORD}))?"
            rf"\s+(?P<unit>{_UNIT})\b(?:'?\s*time)?",
            _F,
        ),
        _duration,
    ),
    (
        re.compile(
            rf"\b(?P<n>\d+|{_NUMWORD}|a|an)\s+(?P<unit>{_UNIT})\s+from\s+(?:now|today)\b", _F
        ),
        _duration,
    ),
    (
        re.compile(
            # "in the coming week" (one); "in the coming weeks" is open
            rf"\b(?:within|in|over|during|for)\s+the\s+(?:next|coming)\s+(?P<unit>{_UNIT})(?<!s)\b",
            _F,
        ),
        _duration,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_DAY_SUFFIX}\b(?!\s*(?:%|percent))", _F
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?:{_PREP}|(?:the\s+)?end\s+of|this|next)\s+(?:(?:the|its|my|our|their)\s+)?"
            rf"(?:(?:end|middle)\s+of\s+|(?:mid|early|late)[\s-]+)?(?P<which>next\s+)?"
            rf"(?P<mon>{_MONTH})\b(?!\s+\d)",
            _F,
        ),
        _month_alone,
    ),
    (
        re.compile(
            rf"\b(?:(?:by|before|until|till|at|for|through|to)\s+)?(?:the\s+)?end\s+of\s+"
            rf"{_NAME}",
            _F,
        ),
        _end_of,
    ),
    (re.compile(rf"\b(?P<which>this|next)\s+(?P<name>{_PERIOD_WORDS})\b", _F), _this_next),
    # "by Friday", "on next Monday", "this Thursday": the coming weekday
    (
        re.compile(
            rf"\b(?:(?:by|before|until|till|on)\s+(?:this\s+)?(?P<which>next\s+)?|this\s+|"
            rf"(?P<which2>next)\s+)(?P<day>{_WEEKDAY})\b",
            _F,
        ),
        _weekday,
    ),
    # "by summer", "in the fall", "through spring": the coming one (the year is left out).
    (
        re.compile(
            r"\b(?:by|before|until|till|through|in|during|over)\s+(?:the\s+)?(?P<name>spring|summer|"
            r"fall|autumn|winter)\b(?!\s+(?:of\s+)?\d|\s+(?:boot|framework|mvc|security|"
            r"cloud|data|batch)\b)",
            _F,
        ),
        _season_alone,
    ),
    (
        re.compile(
            r"\b(?:by|before|until|till)\s+(?:the\s+time\s+)?(?:i|we)\s+(?:graduate|"
            r"finish\s+(?P<ev>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)(?=[,.;]|\s+(?:and|so|"
            r"to)\b|$))",
            _F,
        ),
        _event,
    ),
    (
        re.compile(r"\b(?:by|before|until|till|ahead\s+of)\s+(?:my\s+|our\s+)?graduation\b", _F),
        _event,
    ),
    # "in my final year", "during my second year of nursing school": a named personal period
    (
        re.compile(
            r"\b(?:in|by|before|during|until|till|through|throughout)\s+(?:my|our|the|their|his|"
            r"her)\s+(?P<ev>(?:final|last|"
            r"first|second|third|fourth|fifth|senior|junior)\s+year(?:\s+of\s+[a-z][\w'-]*"
            r"(?:\s+school)?)?)\b",
            _F,
        ),
        _event,
    ),
    # "before I start the new job", "until exams start", "before it closes": an event the
    # person can name a date for
    (
        re.compile(
            r"\b(?:by|before|until|till)\s+(?:the\s+time\s+)?(?:i|we|it|they|(?:the\s+|my\s+)?"
            r"[a-z]+)\s+(?:start|starts|begin|begins|open|opens|close|closes|end|ends)\b"
            r"(?!\s+of\b)",  # "before the end of …" is read by the "end of" rules
            _F,
        ),
        _undated_event,
    ),
    # "before my interview", "by the application deadline", "by Christmas", "before finals"
    (
        re.compile(
            r"\b(?:by|before|until|till|ahead\s+of|in\s+time\s+for)\s+(?:(?:the|my|our|this|"
            r"next|his|her|their)\s+)?(?:[\w'-]+\s+){0,2}?(?P<ev>" + _EVENTS + r")\b",
            _F,
        ),
        _named_event,
    ),
    # "before the new hires arrive", "before residency apps", "before I pick my specialty": an
    # event after "before" is one the person can put a date on, whatever it is called ("before
    # long" is no event, "before each shift" recurs, "before I die" is no deadline)
    (
        re.compile(
            r"\b(?:before|ahead\s+of)\s+(?!(?:the\s+)?end\s+of\s+(?:each|every)\b)"
            r"(?!(?:long|too|then|now|that|this|it'?s\s+too|each|"
            r"every|any|anything|i\s+die|i'?m\s+too|starting|doing|going)\b)[\w'-]+"
            r"(?:\s+(?!(?:and|or|so|to|then|but|because|while|in|on|at|by|for|with|from|of|"
            r"as)\b)[\w'-]+){0,3}",
            _F,
        ),
        _undated_event,
    ),
    # "for the rest of my rotation", "for the remainder of the year": a named period
    (
        re.compile(
            r"\b(?:for|during|over)\s+(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the|my|our|this|"
            r"their)\s+[\w'-]+",
            _F,
        ),
        _undated_event,
    ),
    (
        re.compile(
            r"\b(?:by|before)\s+(?:the\s+)?(?:age\s+(?:of\s+)?\d{2}|time\s+i(?:\s+a|')m\s+"
            r"\d{2}|time\s+i\s+turn\s+\d{2})\b",
            _F,
        ),
        _undated_event,
    ),
    (
        re.compile(
            rf"\b(?:in|within|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:a\s+)?(?:few|"
            rf"couple(?:\s+of)?|several)\s+{_UNIT}\b|\b(?:in|within|over)\s+the\s+"
            rf"(?:near|coming|next\s+few)\s+(?:future|{_UNIT})\b|\bshort[\s-]term\b|"
            r"\b(?:after|once|when)\s+(?:i\s+)?graduat\w*\b|\bnext\s+few\s+\w+s\b|"
            # "when it opens", "once the post is advertised": a time the person cannot date yet
            r"\b(?:when|once)\s+(?:it|they|the\s+[\w'-]+(?:\s+[\w'-]+)?)\s+(?:opens?|is\s+"
            r"(?:posted|advertised|announced|open)|are\s+(?:posted|advertised|open)|comes?\s+up|"
            r"come\s+out|goes?\s+live)\b|"
            # "soon", "asap": near but open-ended, like "in the near future"
            r"\b(?:as\s+)?soon(?:\s+as\s+possible)?\b|\basap\b|"
            r"\b(?:in\s+)?the\s+long\s+run\b|\bin\s+the\s+same\s+(?:day|week|month|year|semester|"
            r"term)\b",
            _F,
        ),
        _vague,
    ),
    (
        re.compile(
            r"\b(?:some\s?day|eventually|one\s+day|at\s+some\s+point|sometime|"
            r"in\s+the\s+future|later\s+on|down\s+the\s+road|in\s+due\s+course)\b",
            _F,
        ),
        _never,
    ),
]


_LOOSELY = re.compile(r"(?:\s+or\s+so|\s*-?ish|,?\s+give\s+or\s+take)\b", _F)


def find_time_phrases(
    text: str, today: date | None = None, term_calendar: TermCalendar | None = None
) -> list[TimePhrase]:
    """Every time phrase in ``text``, in reading order, with its resolved date where there is one.

    Parameters
    ----------
    text : a goal statement.
    today : the date relative phrases resolve against (default: today).
    term_calendar : when semesters, school years and personal periods end.
    """
    today = today or date.today()
    cal = term_calendar or TermCalendar()
    # the spans claimed so far, sorted and never overlapping: a new match is checked against
    # its two neighbours only (bisection), so date-dense texts take linear time
    starts: list[int] = []
    ends: list[int] = []
    found: list[TimePhrase] = []
    for pattern, handler in _RULES:
        for m in pattern.finditer(text):
            s, e = m.span()
            i = bisect_right(starts, s)
            if (i and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
                continue
            result = handler(m, today, cal)
            if result is None:
                continue
            if result[0] == "date":
                # "within the next year or so", "by June-ish": the person left the date open
                loose = _LOOSELY.match(text, e)
                if loose:
                    result, e = ("vague", None), loose.end()
            starts.insert(i, s)
            ends.insert(i, e)
            found.append(TimePhrase(s, e, m[0], *result))
    return sorted(found, key=lambda p: p.start)


def parse_deadline(
    text: str,
    today: date | None = None,
    term_calendar: TermCalendar | None = None,
    *,
    strict: bool = False,
) -> date | None:
    """The deadline a goal statement names, or ``None`` when it names none.

    When several dates appear ("pass the exam by March 2027 and start work by June 2027"), the
    latest is the goal's deadline. A date no calendar has ("by 2027-02-30", "the end of year
    10000") is never moved to a nearby one: it gives no deadline, and with ``strict=True``
    an :class:`~careerkit.errors.InputError` saying why.

    Examples
    --------
    >>> from datetime import date
    >>> parse_deadline("Earn the CompTIA A+ certificate within 6 months", date(2026, 1, 15))
    datetime.date(2026, 7, 15)
    >>> parse_deadline("Apply to 10 jobs per week", date(2026, 1, 15)) is None
    True
    """
    phrases = find_time_phrases(text, today, term_calendar)
    if strict:
        for p in phrases:
            if p.kind == "invalid":
                raise InputError(TEXT["refused"].format(problem=p.problem))
    dates = [p.deadline for p in phrases if p.deadline]
    return max(dates) if dates else None
