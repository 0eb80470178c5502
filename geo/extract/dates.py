"""Dates and periods in report prose, resolved against the report's date.

A date expression ("1 December", "January 31", "the end of April", "late
August", "last Saturday", "mid-January", "two weeks ago") becomes a range of
days; the word before it makes the period a figure is true for:

* "since X" → from the start of X to the report date;
* "from X through/to/until Y", "between X and Y" → from the start of X to the end of Y;
* "as of X", "as at X", "by X" → up to the end of X (no start);
* anything else ("on X", "in X", "X") → the range of X itself.

Dates without a year are read as the most recent such date on or before the
report date (dateparser with ``PREFER_DATES_FROM="past"``). With no report
date, the latest full date written in the text stands in for it; without
either, a date with no year stays empty rather than guessed.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MONTH = rf"(?:{_MONTHS})\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = (
    r"(?P<{}>(?i:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|first\s+week|last\s+week)"
    r"\s+of\s+|early[\s-]|mid[\s-]|late[\s-]|end[\s-]))"
)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_NUMBER_WORDS.update({"ten": 10, "a": 1, "an": 1, "several": 3, "few": 3})

_EXPRESSION = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)
  | (?P<days>\b(?P<d0>{_DAY})\s*(?:-|–|and|to|through|until|till)\s*(?P<d5>{_DAY})\s+(?P<m5>{_MONTH})
       (?:,?\s+(?P<y5>{_YEAR}))?\b)
  | (?P<dmy>\b{_PART.format("p1")}?(?P<d1>{_DAY})(?:\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?\b)
  | (?P<mdy>\b{_PART.format("p2")}?(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})
       (?!\d|\s*(?:%|percent|per\s+cent|people|families))(?:,?\s+(?P<y2>{_YEAR}))?\b)
  | (?P<my>\b{_PART.format("p3")}?(?P<m3>{_MONTH})(?:,?\s+(?P<y3>{_YEAR}))?\b)
  | (?P<weekday>\b(?:(?P<wrel>(?i:last|this|past|on|next))\s+)?(?P<wd>{_WEEKDAY})\b)
  | (?P<ago>(?i:\b(?P<n>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few)\s+
       (?P<unit>day|week|month)s?\s+ago\b))
  | (?P<rel>(?i:\b(?:yesterday|today|(?:last|this|past|previous)\s+(?:week|month|year|weekend)|
       (?:the\s+)?(?:past|last|previous)\s+(?P<pn>\d{{1,2}}|two|three|four|five|six|seven|ten|few|several)\s+
       (?P<punit>day|week|month)s)\b))
  | (?P<year>\b(?i:in|since|during|of|from|through|until|by)\s+(?P<y4>{_YEAR})\b)
    """,
    re.VERBOSE,
)
_CAPITAL_MONTH = re.compile(rf"^(?:{_MONTHS})")
_BEFORE = re.compile(
    r"(?P<word>since|from|between|as\s+of|as\s+at|by|until|till|through|to|and|in|on|during|starting|beginning)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_LINK = re.compile(r"^\s*(?:through|thru|to|until|till|and|-|–|—)\s+(?:the\s+)?$|^\s*[-–—]\s*$", re.I)


@dataclass(frozen=True)
class Period:
    """A date expression as written, where it is, and the days it stands for."""

    text: str
    start: int
    end: int
    date_from: date | None
    date_to: date | None


@dataclass(frozen=True)
class _Expr:
    start: int
    end: int
    lo: date | None
    hi: date | None


@functools.lru_cache(maxsize=4096)
def _parse(text: str, base: date | None) -> date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def _month_range(first: date, part: str | None) -> tuple[date, date]:
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    part = " ".join((part or "").lower().replace("-", " ").split()).removeprefix("the ").removesuffix(" of")
    if part in ("end",):
        return last, last
    if part in ("beginning", "start"):
        return first, first
    if part == "early":
        return first, first.replace(day=10)
    if part in ("mid", "middle"):
        return first.replace(day=11), first.replace(day=20)
    if part == "late":
        return first.replace(day=21), last
    if part == "first half":
        return first, first.replace(day=15)
    if part == "second half":
        return first.replace(day=16), last
    if part == "first week":
        return first, first.replace(day=7)
    if part == "last week":
        return last - timedelta(days=6), last
    return first, last


def _resolve(m: re.Match, base: date | None) -> tuple[date | None, date | None]:
    g = m.groupdict()
    if g["iso"]:
        try:
            d = date(int(g["iy"]), int(g["im"]), int(g["id"]))
        except ValueError:
            return None, None
        return d, d
    if g["days"]:
        month, year = g["m5"].rstrip("."), g["y5"]
        if not year and base is None:
            return None, None
        day = re.sub(r"\D", "", g["d5"])
        last = _parse(f"{day} {month} {year or ''}".strip(), None if year else base)
        if last is None:
            return None, None
        try:
            first = last.replace(day=int(re.sub(r"\D", "", g["d0"])))
        except ValueError:
            return None, None
        return (first, last) if first <= last else (None, None)
    if g["dmy"] or g["mdy"]:
        day = re.sub(r"\D", "", g["d1"] or g["d2"])
        month = (g["m1"] or g["m2"]).rstrip(".")
        year = g["y1"] or g["y2"]
        if not year and base is None:
            return None, None
        d = _parse(f"{day} {month} {year}" if year else f"{day} {month}", None if year else base)
        return (d, d) if d else (None, None)
    if g["my"]:
        month, year = g["m3"].rstrip("."), g["y3"]
        if not year and base is None:
            return None, None
        d = _parse(f"1 {month} {year}" if year else f"1 {month}", None if year else base)
        if d and not year and base and d.replace(day=1) > base:
            d = d.replace(year=d.year - 1)
        return _month_range(d.replace(day=1), g["p3"]) if d else (None, None)
    if g["year"]:
        y = int(g["y4"])
        return date(y, 1, 1), date(y, 12, 31)
    if base is None:
        return None, None
    if g["weekday"]:
        rel = (g["wrel"] or "").lower()
        d = _parse(f"last {g['wd']}" if rel in ("last", "past") else g["wd"], base)
        return (d, d) if d else (None, None)
    if g["ago"]:
        n = int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS.get(g["n"].lower(), 1)
        days = {"day": 1, "week": 7, "month": 30}[g["unit"].lower()] * n
        d = base - timedelta(days=days)
        return d, d
    text = " ".join(m.group().lower().split())
    if text == "today":
        return base, base
    if text == "yesterday":
        d = base - timedelta(days=1)
        return d, d
    if g["pn"]:
        n = int(g["pn"]) if g["pn"].isdigit() else _NUMBER_WORDS.get(g["pn"].lower(), 3)
        days = {"day": 1, "week": 7, "month": 30}[g["punit"].lower()] * n
        return base - timedelta(days=days), base
    monday = base - timedelta(days=base.weekday())
    if text.endswith("weekend"):
        saturday = monday - timedelta(days=2)
        return saturday, saturday + timedelta(days=1)
    if text.endswith("week"):
        if text.startswith("this"):
            return monday, base
        if text.startswith("past"):
            return base - timedelta(days=7), base
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if text.endswith("month"):
        first = base.replace(day=1)
        if text.startswith("this"):
            return first, base
        if text.startswith("past"):
            return base - timedelta(days=30), base
        prev = first - timedelta(days=1)
        return prev.replace(day=1), prev
    if text.endswith("year"):
        if text.startswith("this"):
            return base.replace(month=1, day=1), base
        return date(base.year - 1, 1, 1), date(base.year - 1, 12, 31)
    return None, None


def _expressions(text: str, start: int, end: int, base: date | None) -> list[_Expr]:
    out = []
    for m in _EXPRESSION.finditer(text, start, end):
        if m.group("my") and not (m.group("y3") or m.group("p3")):
            # a bare month name: only capitalised, and "May"/"March" only after a word that introduces a date
            before = text[max(start, m.start() - 20) : m.start()]
            if not _CAPITAL_MONTH.match(m.group("m3")):
                continue
            if m.group("m3") in ("May", "March", "Mar", "Jan", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Feb"):
                if not _BEFORE.search(before):
                    continue
        if (m.group("dmy") or m.group("mdy") or m.group("days")) and not _CAPITAL_MONTH.match(
            m.group("m1") or m.group("m2") or m.group("m5")
        ):
            continue
        lo, hi = _resolve(m, base)
        s = m.start()
        if m.group("year"):
            s = m.start("y4")
        out.append(_Expr(s, m.end(), lo, hi))
    return out


def document_base(text: str) -> date | None:
    """The latest full date (with a year) written in the text, to stand in for a missing report date."""
    best = None
    for m in _EXPRESSION.finditer(text[:200_000]):
        if m.group("iso") or ((m.group("dmy") or m.group("mdy")) and (m.group("y1") or m.group("y2"))):
            lo, _ = _resolve(m, None)
            if lo and (best is None or lo > best):
                best = lo
    return best


def periods(text: str, start: int, end: int, base: date | None) -> list[Period]:
    """Periods written in ``text[start:end]``, with the words that frame them ("since", "as of" …)."""
    exprs = _expressions(text, start, end, base)
    out: list[Period] = []
    i = 0
    while i < len(exprs):
        e = exprs[i]
        before = _BEFORE.search(text[max(start, e.start - 25) : e.start])
        word = " ".join(before.group("word").lower().split()) if before else ""
        p_start = e.start - len(before.group()) if before else e.start
        lo, hi, p_end = e.lo, e.hi, e.end
        if word in ("from", "between", "starting", "beginning") or (not word and i + 1 < len(exprs)):
            if i + 1 < len(exprs) and _LINK.match(text[e.end : exprs[i + 1].start]):
                nxt = exprs[i + 1]
                lo, hi, p_end = e.lo, nxt.hi, nxt.end
                if lo and hi and hi < lo and lo.year == hi.year:
                    lo = lo.replace(year=lo.year - 1)  # "from December to January" crosses the new year
                i += 1
        elif word == "since":
            hi = base if base and (lo is None or base >= lo) else None
        elif word in ("as of", "as at", "by", "until", "till"):
            lo = None
        out.append(Period(text[p_start:p_end], p_start, p_end, lo, hi))
        i += 1
    return out
