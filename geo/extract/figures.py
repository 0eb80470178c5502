"""Figures in report prose: the number, what it counts, and how it is qualified.

"some 520,000 people", "more than three million", "1.2 million children",
"6,500 children … daily", "80 percent of the displaced are women and children": each gives
a plain number (520000, 3000000, 1200000, 6500, 80 with unit ``percent``),
what is counted, the qualifier written before it (approximate, more than, at
least, nearly, less than, up to) and a rate written after it (per day, per
week, per month). A share written in words is a percentage ("two thirds of
the displaced": 66.67, "one in five returnees": 20).

Figures count people or households (benchmarks/data/LABELLING.md). Not
figures: years, days of the month, ages, durations, distances, document
numbers, money, numbers in names ("Camp 11"), standards ("the minimum of
15"), things counted in the number's own noun phrase ("3,000 food kits", "12
of the 36 hospitals", "another 40" after trucks), and percentages of anything
but people ("12 per cent of requirements").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.extract.places import Place

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
_WORD = "|".join(sorted([*_SMALL, *_SCALES], key=len, reverse=True))

_NUMBER = re.compile(
    rf"""
    (?<![\w.,/:\-–])
    (?:
      (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
      (?:(?:\s*|-)(?P<scale>(?i:million|billion|thousand|hundred))\b|(?P<short>m|mn|bn|k)\b)?
      (?![\w/:]|[.,]\d)
    |
      (?P<words>(?i:(?:(?:a\s+)?(?:quarter|third)\s+of\s+a\s+|three\s+quarters\s+of\s+a\s+|half\s+(?:a\s+)?|a\s+)?
        (?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*)\b)
    )
    (?P<percent>\s*(?:%|(?i:per\s?cent|pct)\b))?
    """,
    re.VERBOSE,
)
_NOT_COUNT_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:(?:years?|months?|weeks?|days?|hours?|minutes?|km|kilometres?|kilometers?|miles?|metres?|meters?"
    r"|degrees?|°|kg|kilograms?|kilos?|grams?|gallons?|square|sq|hectares?|tonnes?|tons?|litres?|liters?|am|pm"
    r"|a\.m\.|p\.m\.|times|o'clock)\b|[°:/])",
    re.I,
)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\bno\.|\bnumber|\bresolution|#|\bupdate|\breport|\bissue|\barticle|\bpage|\bsection|\bversion|\bphase"
    r"|\bcovid|\bparagraph|\bchapter|\btable|\bfigure|\bround|\b(?:one|1)\s+(?:in|out\s+of)"
    r"|\baged|\bages|\bage\s+of|\bunder-|\b(?:children|girls|boys)\s+(?:under|over|below|above)"
    r"|\b(?:few|several|many))\s*$",  # "a few hundred": not a figure
    re.I,
)
_RANGE_TAIL = re.compile(
    r"\s*(?P<joint>-|–|—|\bto\b|\band\b)\s*(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>million|billion|thousand)\b)?(?![\w/:]|[.,]\d)(?P<percent>\s*(?:%|per\s?cent\b))?",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)
_FRACTION = re.compile(r"[\s-]*(?:halves|thirds?|quarters?|fifths?|tenths?)\b", re.I)
# Currency signs and the ISO codes of the currencies reports about crises use ("UAH 10,800 per person")
_CURRENCIES = "USD|EUR|GBP|CHF|UAH|SDG|SSP|ETB|KES|SOS|YER|AFN|PKR|HTG|CDF|XAF|XOF|MMK|BDT|SYP|LBP|TRY|MZN|NGN|EGP|JOD"
_MONEY = re.compile(rf"(?:\$|US\$|€|£|\b(?:{_CURRENCIES}))\s*$")
_MEASURE_OF = re.compile(
    r"\b(?:minimum|maximum|average|standard|threshold|target|ratio|score|index)\s+of\s+(?:about\s+)?$", re.I
)
_ANOTHER = re.compile(r"\b(?:another|a\s+further|an\s+additional|more|other)\s+$", re.I)
# A currency after the number, maybe after the top of a range and a country's adjective ("180,000 Sudanese pounds",
# "from 45,000 to 70,000 Congolese francs", "500 CFA francs", "5,000 gourdes")
_MONEY_AFTER = re.compile(
    r"(?:\s*(?:-|–|to|and)\s*\d[\d,.]*)?\s*(?:US\s+|[A-Z][\w-]+\s+)?(?:dollars|euros|pounds|francs|shillings|shekels"
    r"|hryvnias?|gourdes|birr|naira|afghanis?|rials?|riyals?|liras?|dinars?|kyats?|taka|rupees|dirhams?|meticais"
    r"|metical|kwacha|cedis|leones|USD|EUR|GBP)\b",
    re.I,
)
# What a percentage without "of" is of, when it is not people: "livestock deaths exceed 30 per cent", "prices rose
# by 40 per cent", "the appeal is 30 per cent funded"
_NOT_PEOPLE_SHARE = re.compile(
    r"\b(?:livestock|cattle|animals?|herds?|crops?|harvests?|prices?|costs?|appeal|budget|funding|rainfall)\b"
    r"(?:\s+[\w-]+){0,4}\s*$",
    re.I,
)
# Things counted, never people: what follows the number in its own noun phrase ("3,000 food kits", "12 of the 36
# hospitals", "over 500 sites"); words of two letters or more in between, but no verb or preposition.
_THINGS = (
    r"trucks|lorries|convoys|vehicles|buses|boats|flights|aircraft|kits|items|parcels|baskets|rations|meals|doses|"
    r"vaccines|tonnes|tons|hectares|acres|homes|houses|buildings|dwellings|apartments|shelters|tents|caravans|"
    r"camps|sites|settlements|schools|classrooms|hospitals|clinics|facilities|centres|centers|points|latrines|"
    r"toilets|wells|boreholes|checkpoints|bridges|roads|villages|towns|communities|localities|neighbourhoods|"
    r"neighborhoods|districts|states|provinces|regions|counties|governorates|countries|territories|municipalities|"
    r"incidents|attacks|airstrikes|strikes|explosions|rockets|missiles|shells|targets|livestock|cattle|"
    r"goats|animals|head|dollars|euros|requirements|projects|partners|organi[sz]ations|agencies|beds|votes|calls|seats|"
    r"grants|vouchers|transfers|cards"
)
_NOT_IN_NOUN_PHRASE = (
    r"(?!(?:of|in|at|to|from|into|for|with|by|on|and|or|the|their|its|who|which|that|have|has|had|were|was|are|is|"
    r"been|fled|left|lost|lack|need|needed|live|lived|living|stay|stayed|remain|remained)\b)"
)
_THING = re.compile(
    rf"\s+(?:of\s+(?:the\s+)?\d[\d,]*\s+)?(?:{_NOT_IN_NOUN_PHRASE}[A-Za-z][\w-]+\s+){{0,2}}(?:{_THINGS})\b",
    re.I,
)
# The people a percentage or a share is of: "40 per cent of the evacuees", "half of them"
_OF_WHOM = re.compile(r"\s*of\s+((?:[\w'’-]+(?:[.,]\d+)*\s+){0,3}[\w'’-]+)", re.I)
_PEOPLE_WORDS = re.compile(
    r"\b(?:people|persons|individuals|residents|civilians|inhabitants|population|displaced|IDPs|refugees|returnees|"
    r"arrivals|evacuees|children|women|men|girls|boys|families|households|them|these|those|patients|workers|"
    r"students|pupils|survivors|victims|migrants|deportees|asylum|adults|elderly|newcomers|deaths|dead|casualties)\b",
    re.I,
)
# A number that names something rather than counting: "Camp 11", "Block 4", "Zone 3"
_NAME_NUMBER = re.compile(
    r"\b(?:Camp|Block|Zone|Sector|Site|Phase|Area|Route|Road|Highway|Unit|Ward|Level|Gate|Grade|Category|"
    r"Resolution|Article)s?\s*$"
)
# A share written as a fraction: "two-thirds of", "half of", "one in five"; a percentage of the people named after it
_SHARE = re.compile(
    r"(?<![\w,.-])(?:(?P<num>a|one|two|three|four)[\s-]+(?P<den>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<half>half)|(?P<some>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+"
    r"(?P<every>two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))"
    r"(?!\s+(?:of\s+)?an?\s+(?:million|billion|thousand|hundred|dozen)\b)"  # "half a million": a number, not a share
    r"(?=\s+of\b|\s+(?:[\w-]+\s+){0,2}(?:people|persons|individuals|children|women|men|families|households|"
    r"refugees|IDPs|residents|civilians|displaced|returnees|arrivals|evacuees|migrants|patients|workers|students|"
    r"pupils)\b)",
    re.I,
)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
_QUALIFIERS = [
    (re.compile(r"(?:\ban?\s+)?\bestimated\s*$", re.I), "approximate"),
    (
        re.compile(r"\b(?:some|about|around|approximately|roughly|approx\.?|circa|ca\.|an\s+estimated)\s*$", re.I),
        "approximate",
    ),  # noqa: E501
    (re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|just\s+below)\s*$", re.I), "nearly"),
    (
        re.compile(
            r"\b(?:more\s+than|over|above|in\s+excess\s+of|upwards\s+of|just\s+over|exceeding|exceeds?|exceeded|"
            r"passed|surpassed|topped|well\s+over|beyond)\s*$",
            re.I,
        ),
        "more than",
    ),  # noqa: E501
    (re.compile(r"\b(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of)\s*$", re.I), "at least"),
    (re.compile(r"\b(?:fewer\s+than|less\s+than|under|below)\s*$", re.I), "less than"),
    (re.compile(r"\b(?:up\s+to|as\s+many\s+as|at\s+most)\s*$", re.I), "up to"),
]
_RATES = [
    (re.compile(r"\b(?:daily|a\s+day|per\s+day|each\s+day|every\s+day)\b", re.I), "day"),
    (re.compile(r"\b(?:weekly|a\s+week|per\s+week|each\s+week|every\s+week)\b", re.I), "week"),
    (re.compile(r"\b(?:monthly|a\s+month|per\s+month|each\s+month|every\s+month)\b", re.I), "month"),
]
# What is counted: longest phrases first; the value is the normalised word.
_WHAT = [
    (r"women\s+and\s+children|children\s+and\s+women", "women and children"),
    (
        r"internally\s+displaced\s+(?:people|persons|individuals|Syrians)|IDPs?\b|displaced\s+(?:people|persons|individuals|civilians|Syrians)|(?:the\s+)?displaced\b|newly\s+displaced",
        "people displaced",
    ),  # noqa: E501
    (
        r"health\s+(?:facilities|facility|centres|centers|care\s+facilities)|medical\s+facilities|hospitals?|clinics?",
        "health facilities",
    ),  # noqa: E501
    (r"health\s+workers|medical\s+staff|aid\s+workers|humanitarian\s+workers", "aid workers"),
    (
        r"people|persons|individuals|residents|civilians|inhabitants|Syrians|lives|arrivals|evacuees|deportees|migrants",
        "people",
    ),
    (r"children|boys\s+and\s+girls|girls|boys|minors|infants|babies", "children"),
    (r"women|girls", "women"),
    (r"families", "families"),
    (r"households?", "households"),
    (r"refugees|asylum[\s-]seekers", "refugees"),
    (r"returnees", "returnees"),
    (r"(?:IDP\s+)?(?:camps|sites|settlements)", "camps"),
    (r"tents|shelters|caravans", "shelters"),
    (r"schools|classrooms", "schools"),
    (r"villages|towns|communities|localities", "communities"),
    (r"soldiers|troops|fighters|servicemen", "soldiers"),
    (r"trucks|lorries|convoys", "trucks"),
    (r"targets", "targets"),
    (r"deaths|dead|fatalities|killed", "deaths"),
]
_WHAT_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<w{i}>{p})" for i, (p, _) in enumerate(_WHAT)) + r")",
    re.I,
)
_PEOPLE = frozenset({"people", "children", "women and children", "women", "families", "households", "people displaced"})
_DISPLACED = re.compile(
    r"\b(?:displaced|displacement|fled|flee|flees|fleeing|uprooted|forced\s+(?:\w+\s+){0,3}(?:from|out\s+of)|"
    r"driven\s+(?:from|out)|on\s+the\s+move|escaped|escaping|left\s+their\s+homes|moved|moving)\b",
    re.I,
)
_IN_NEED = re.compile(r"\b(?:in\s+(?:\w+\s+)?need|need\s+(?:\w+\s+)?(?:assistance|aid|help))\b", re.I)
_RETURNED = re.compile(r"\b(?:returned|returning|went\s+back)\b", re.I)
_CLAUSE_END = re.compile(r"[;:()\[\]—]|,\s+(?:while|whereas|but|and\s+(?:another|some|more|at\s+least))\b|\.\s")
_PLAIN_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Figure:
    """One figure found in the text: the number, what it counts, where, when, and the sentence it is from.

    ``value`` is the number; for a range ("7,000–8,000", "between 2,000 and
    2,500") it is the low end and ``high`` the top. :func:`find` fills the
    number's own fields; :func:`geo.extract.extract` adds place, period,
    sentence and confidence.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str = ""  # "percent", "individuals", "households" or "" (other things: see ``what``)
    what: str = ""
    qualifier: str = ""
    per: str = ""  # a rate: "day", "week", "month"
    place: Place | None = None
    date_from: date | None = None
    date_to: date | None = None
    period: str = ""
    sentence: str = ""
    confidence: float = 0.9
    note: str = ""
    high: float | None = None

    @property
    def qualifiers(self) -> str:
        """The qualifier and the rate, as the review table shows them ("approximate; per day")."""
        return "; ".join(q for q in (self.qualifier, f"per {self.per}" if self.per else "") if q)

    def row(self) -> dict:
        p = self.place
        return {
            "kind": "figure", "place": p.label if p else "", "lat": p.lat if p else None,
            "lon": p.lon if p else None, "place_kind": p.kind if p else "", "place_id": p.id if p else "",
            "figure": self.value, "high": self.high, "unit": self.unit, "what": self.what,
            "qualifier": self.qualifiers, "per": self.per, "date_from": self.date_from, "date_to": self.date_to,
            "text": self.text, "sentence": self.sentence, "start": self.start, "end": self.end,
            "confidence": self.confidence, "note": self.note,
        }  # fmt: skip


def _words_value(text: str) -> float | None:
    words = re.split(r"[\s-]+", text.lower())
    total, current, share, seen = 0, 0, 1.0, False
    if words[:1] == ["three"] and words[1:2] == ["quarters"]:
        share, words = 0.75, words[2:]
    for w in words:
        if w in ("and", "a", "of"):
            continue
        if w in ("half", "quarter", "third"):
            share = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}[w]
            continue
        if w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
            seen = True
        else:
            return None
    value = total + current
    if not seen:
        return None
    return round(value * share) if share != 1.0 else value


def clause(text: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    start = lo
    for m in _CLAUSE_END.finditer(text, lo, pos):
        start = m.end()
    m = _CLAUSE_END.search(text, pos, hi)
    return start, (m.start() if m else hi)


def find(text: str, start: int, end: int, masked: list[tuple[int, int]] = ()) -> list[Figure]:
    """Figures in ``text[start:end]`` (one sentence); ``masked`` spans (dates) hold none."""
    shares = _shares(text, start, end, masked)
    masked = [*masked, *((f.start, f.end) for f in shares)]  # "9 out of 10" is one share, not two numbers
    out: list[Figure] = []
    matches = list(_NUMBER.finditer(text, start, end))
    skip_until = start
    things = False  # a number before in the sentence counted things: "15 trucks …; another 40 are waiting"
    for idx, m in enumerate(matches):
        s, e = m.start(), m.end()
        if s < skip_until or any(a <= s < b or a < e <= b for a, b in masked):
            continue
        before = text[max(start, s - 40) : s]
        percent = bool(m.group("percent"))
        high = None
        if m.group("digits"):
            raw = m.group("digits")
            value = float(raw.replace(",", ""))
            scale = m.group("scale") or m.group("short")
            if m.group("short") and not ("." in raw or _MONEY.search(before) or _what(text, e, end)):
                continue  # "31m" is a figure only as "1.2m people" or "$31m"
            if scale:
                value = round(value * (_SCALES.get(scale.lower()) or _SHORT_SCALES[scale.lower()]), 6)
            in_words = False
            rng = None if percent else _range(text, s, e, end, value, bool(scale), before, masked)
            if rng:
                value, high, e, percent = rng
                skip_until = e
        else:
            raw = m.group("words")
            value = _words_value(raw)
            if value is None:
                continue
            scale = None
            in_words = True
        after = text[e : min(end, e + 40)]
        if not percent and (_NOT_COUNT_AFTER.match(after) or _FRACTION.match(after)):
            continue
        if _NOT_COUNT_BEFORE.search(before):
            continue
        if _counts_no_one(text, s, e, (start, end), before, percent):
            things = things or bool(_THING.match(text, e, end))
            continue
        what = _what(text, e, end, last=percent)
        if in_words and not scale and not percent and not any(w in raw.lower() for w in _SCALES):
            # a bare "two" or "seven" is a figure only when it counts something ("seven soldiers")
            if not what or raw.lower() in ("one", "a", "zero"):
                continue
        if not in_words and not scale and not percent and "," not in raw and "." not in raw:
            if 1900 <= value <= 2100 and not what:
                continue  # a year
        if not in_words and "." in raw and not scale and not percent and not what:
            continue  # "3.5" alone: a version, a ratio, a score
        if not what and not percent and things and _ANOTHER.search(before):
            continue  # the things counted before, once more
        if not what and not percent and _MEASURE_OF.search(before):
            continue  # "far below the minimum of 15" (litres): a standard, not a count
        span = clause(text, start, end, s)
        if percent:
            unit = "percent"
        elif what in ("families", "households") or (what.startswith(("families", "households"))):
            unit = "households"
        elif what.split(" ")[0] in ("people", "children", "women", "refugees", "returnees") or what.startswith(
            "women and children"
        ):
            unit = "individuals"
        else:
            unit = ""
        prev_end = max([span[0], *(x.end() for x in matches[:idx] if x.end() <= s)])
        next_start = min([span[1], *(x.start() for x in matches[idx + 1 :] if x.start() >= e)])
        if what in _PEOPLE and what != "people displaced":
            # the words of movement must be in the figure's own part of the sentence, between commas
            seg_start = max(prev_end, text.rfind(",", prev_end, s) + 1)
            comma = text.find(",", e, next_start)
            window = text[seg_start : comma if comma >= 0 else next_start]
            if _IN_NEED.search(text, e, next_start):
                what = f"{what} in need"
            elif _DISPLACED.search(window):
                what = f"{what} displaced"
            elif _RETURNED.search(window):
                what = f"{what} returned"
        if not what:
            tail = text[e : span[1]]
            if _DISPLACED.match(tail.lstrip()) or re.match(
                r"\s*(?:have|had|has|were|are)\s+(?:been\s+)?(?:newly\s+)?"
                r"(?:displaced|fled|forced|uprooted)",
                tail,
                re.I,
            ):
                what = "people displaced"
                unit = unit or "individuals"
        qualifier = ""
        for pattern, label in _QUALIFIERS:
            if pattern.search(before):
                qualifier = label
                break
        per = ""
        for pattern, label in _RATES:
            if pattern.search(text, e, next_start):
                per = label
                break
        confidence = 0.9 - (0.2 if not what else 0) - (0.05 if in_words else 0)
        out.append(
            Figure(
                text[s:e],
                s,
                e,
                _plain(value),
                unit,
                what,
                qualifier,
                per,
                confidence=round(confidence, 2),
                high=None if high is None else _plain(high),
            )  # fmt: skip
        )
    return sorted(out + shares, key=lambda f: f.start)


def _counts_no_one(text: str, s: int, e: int, sentence: tuple[int, int], before: str, percent: bool) -> bool:
    """Money, things ("3,000 food kits", "60 per cent of shelters") and numbers in names ("Camp 11") count no one.

    A percentage counts people when it is "of" people, or, without "of", when its clause names people at all
    ("women and children make up 80 percent"; not "the appeal is 30 percent funded").
    """
    end = sentence[1]
    if _MONEY.search(before) or _MONEY_AFTER.match(text, e, end) or _NAME_NUMBER.search(before):
        return True
    if re.match(r"\s+of\s+which\b", text[e:end]):
        return True  # "convoys, 172 of which crossed": things; people are "of whom"
    if percent:
        of = _OF_WHOM.match(text, e, end)
        if of:
            return not _PEOPLE_WORDS.search(of.group(1))
        lo, hi = clause(text, *sentence, s)
        if _NOT_PEOPLE_SHARE.search(text, lo, s):
            return True
        return not (_PEOPLE_WORDS.search(text, lo, s) or _PEOPLE_WORDS.search(text, e, hi))
    return bool(_THING.match(text, e, end))


def _shares(text: str, start: int, end: int, masked) -> list[Figure]:
    """Shares of people written as fractions, as percentages: "two-thirds of the displaced" (66.67 percent)."""
    out = []
    for m in _SHARE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in masked):
            continue
        of = _OF_WHOM.match(text, e, end)
        if of and not _PEOPLE_WORDS.search(of.group(1)):
            continue  # "half of the budget"
        if m.group("half"):
            share = 1 / 2
        elif m.group("every"):
            some, every = m.group("some").lower(), m.group("every").lower()
            share = (int(some) if some.isdigit() else _SMALL[some]) / (int(every) if every.isdigit() else _SMALL[every])
            if share >= 1:
                continue
        else:
            share = (1 if m.group("num").lower() in ("a", "one") else _SMALL[m.group("num").lower()]) / _DENOMINATORS[
                m.group("den").lower()
            ]
        before = text[max(start, s - 40) : s]
        qualifier = next((label for pattern, label in _QUALIFIERS if pattern.search(before)), "")
        what = _what(text, e, end, last=True)
        value = _plain(round(100 * share, 2))
        out.append(Figure(text[s:e], s, e, value, "percent", what, qualifier, confidence=0.8))
    return out


def _plain(value: float) -> float:
    return int(value) if value == int(value) else value


def _range(text, s, e, end, value, scaled, before, masked) -> tuple[float, float, int, bool] | None:
    """(low, high, end, percent) when the number at s..e opens a range: "7,000–8,000", "between 2 and 3 million"."""
    m = _RANGE_TAIL.match(text, e, end)
    if not m or any(a < m.end() and m.start("digits") < b for a, b in masked):
        return None
    joint = m.group("joint").lower()
    if joint == "and" and not _BETWEEN.search(before):
        return None  # "2,000 and 2,500" is a range only after "between"
    if joint == "to" and _FROM.search(before):
        return None  # "fell from 2.2 million to 1.9 million" is a change, not a range
    high = float(m.group("digits").replace(",", ""))
    if m.group("scale"):
        factor = _SCALES[m.group("scale").lower()]
        high *= factor
        if not scaled and value * factor < high:
            value *= factor  # "2 to 3 million"
    if high <= value:
        return None
    return round(value, 6), round(high, 6), m.end(), bool(m.group("percent"))


def _what(text: str, pos: int, end: int, last: bool = False) -> str:
    """What a figure counts: the first counted noun right after it ("of them", adjectives allowed between).

    For a percentage the last one counts: "80 percent of the displaced are women and children".
    """
    window_end = min(end, pos + 60)
    nxt_number = _PLAIN_NUMBER.search(text, pos + 1, window_end)
    if nxt_number:
        window_end = nxt_number.start()
    stop = re.search(r"[;:.!?()]|,\s", text[pos:window_end])
    if stop:
        window_end = pos + stop.start()
    found = list(_WHAT_RE.finditer(text, pos, window_end)) if last else [_WHAT_RE.search(text, pos, window_end)]
    if last:  # the last people named: "two thirds of the displaced live in camps" are displaced people
        found = [m for m in found if _label(m) in _PEOPLE | {"refugees", "returnees"}] or found[:1]
    m = found[-1] if found else None
    if m and (last or len(text[pos : m.start()].split()) <= 4):
        return _label(m)
    return ""


def _label(m: re.Match) -> str:
    return next(label for i, (_, label) in enumerate(_WHAT) if m.group(f"w{i}"))
