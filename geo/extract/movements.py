"""Movements in report prose: who went from where to where, read from the structure of the sentence.

Each clause's places get their roles from :mod:`geo.extract.roles`.

Destinations in a row form legs when the text says so ("went to A, then on to
B", "had sheltered in A, went back to B", "fled to A …, displaced again, this
time to B"): A → B is a movement of its own. Every origin of a leg is paired
with every destination; when a list is split into pairs, the note says it is
an inference. An end is never taken from another sentence ("Most went to B"
after a sentence about A has no origin; the note names A for the reviewer).
Not movements: goods or teams moving, moves planned, feared or prevented, and
people who "remained in" a place unless the clause says where from.

A figure goes with a movement only when it is the clause's one movement, or
when the text gives each destination its own ("1,250 to Kassala and 900 to
Gedaref"). A figure shared by several pairs is never copied onto each (nor
onto an area whose parts are named after it, "from Irumu, notably Komanda and
Boga": those pairs share it too), so that a map of the rows cannot count the
same people twice; nor is one that counts more people than went there ("9,900
evacuated, most of them to Kharkiv"), a part of the people counted ("5,000,
including 900 children"), the people of a place ("Dadaab, which shelters
300,000", "its population rose to 400,000"), or people in need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.extract.figures import Figure
from geo.extract.places import Place
from geo.extract.roles import (
    ARRIVING,
    DEST,
    HAZARD,
    MOVE,
    ORIGIN,
    OTHERS,
    STAY,
    VIA,
    Group,
    clauses,
    give_roles,
    place_groups,
)

_GOODS = re.compile(
    r"\b(?:trucks?|lorries|shipments?|deliveries|supplies|goods|cargo|vehicles|kits|items|aid|teams?|staff|"
    r"personnel|missions?|convoys?|officials|delegations?|inspectors|clinics?|flights?|"
    r"assistance|support|relief|winteri[sz]ation|food|fuel|medicines?|vaccines?|water|electricity)\b",
    re.I,
)

_PERSONS = re.compile(
    r"\b(?:people|persons|individuals|families|households|children|women|men|civilians|residents|IDPs|displaced|"
    r"refugees|returnees|arrivals|evacuees|those|many|thousands|hundreds|others|some|most)\b",
    re.I,
)

# What a plan or an appeal receives: a share of its money, or money ("received 31 per cent of the $630 million")
_FUNDS = re.compile(
    r"\s+(?:only\s+|just\s+|about\s+|some\s+|less\s+than\s+|under\s+|over\s+|more\s+than\s+)?"
    r"(?:\d[\d,.]*\s*(?:%|per\s?cent\b)|(?:US)?\$|€|\d[\d,.]*\s+(?:million|billion)\b)",
    re.I,
)
# A report's title line ("Chad – Refugee Arrivals in Wadi Fira, UNHCR Operational Update, 12 November 2025."):
# it names the subject, not a movement
_TITLE = re.compile(
    r"\b(?:update|situation\s+report|sitrep|bulletin|snapshot|dashboard|fact\s?sheet|overview)(?:\s+no\.?\s*\d+)?"
    r"\s*[,–—-]?\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}\.?\s*$",
    re.I,
)

_NEGATED = re.compile(
    r"\bno\s+(?:new\s+|further\s+|major\s+|significant\s+|large\s+)?(?:arrivals?|movements?|displacements?|returns?|"
    r"departures?|one)\b|\b(?:could|can|did|were|was|have|has)\s*n[o']t\s+(?:been\s+able\s+to\s+)?(?:reach|leave|flee)",
    re.I,
)

# Moves that did not happen: planned, expected, feared, prevented ("were stopped from crossing into Chad").
_UNREAL = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|scheduled|expected|set|intend(?:s|ed)?|threaten(?:s|ed)?|hop(?:e|es|ed|ing)|"
    r"wish(?:es|ed)?|want(?:s|ed)?|unable|afraid|ready|preparing|prepared)\s+to\s+(?:\w+\s+){0,2}$"
    r"|\b(?:could|may|might|would|will|cannot|can't)\s+(?!have\b)(?:\w+\s+){0,2}$"
    r"|\b(?:stopped|prevented|barred|blocked|kept)\s+(?:\w+\s+){0,2}from\s+(?:\w+\s+){0,1}$"
    r"|\b(?:ordered|told|urged|asked|instructed|called\s+on|warned|advised)\b[^;]{0,80}\bto\s+$"
    r"|\b(?:fears?|feared|fearing|warn(?:s|ed)?\s+of|anticipat(?:e|es|ed|ing)|predict(?:s|ed)?)\s+(?:\w+\s+){0,3}$",
    re.I,
)

_DIRECTION = re.compile(
    r"\b(?P<d>north|south|east|west|north-?west|north-?east|south-?west|south-?east)(?:wards?|ward)\b"
    r"|\b(?:to|towards?)\s+the\s+(?P<d2>north|south|east|west|north-?west|north-?east|south-?west|south-?east)\b",
    re.I,
)

_PEOPLE_WHAT = ("people", "children", "women", "families", "households", "refugees", "returnees", "")

# Words that say the next destination is a further leg: "then on to", "later moved to", "went back to".
_ONWARD = re.compile(
    r"\b(?:then|later|onward|onwards|on\s+to|subsequently|eventually|afterwards|before|continued|continuing|again|"
    r"this\s+time|"
    r"went\s+back|gone\s+back|come\s+back|came\s+back|moved\s+on|went\s+on|were\s+(?:then\s+)?(?:taken|moved|transferred|relocated|bused|bussed)|"
    r"was\s+(?:then\s+)?(?:taken|moved)|returned|travell?ed|went|moved|headed|crossed)\b",
    re.I,
)

# A subject that points back to the people of the sentence before ("Others" are other people).
_ANAPHORA = re.compile(
    r"\s*(?:(?:most|many|they|those|these|the\s+rest|the\s+majority|half|(?:[\w,]+\s+){0,3}of\s+(?:them|these|those))"
    r"\b|(?:and\s+)?(?:many|most|some|they)\s+(?:were|have|had|then|later)\b)"
    r"(?!\s+(?:[\w-]+\s+){0,2}(?:people|persons|individuals|families|households|refugees|children|women|civilians|"
    r"residents|IDPs|returnees|migrants)\b)",  # "many displaced families" are people of their own
    re.I,
)

# Words that make a destination a share of the people counted: "9,900 were evacuated, most of them to Kharkiv".
_SHARE = re.compile(
    r"\b(?:most|many|some|half|part|the\s+majority|a\s+(?:third|quarter|few)|others)\b(?:\s+of\s+(?:them|these|those))?",
    re.I,
)

_SHARE_OF = re.compile(
    r"\b(?:half|most|many|some|part|a\s+third|a\s+quarter|the\s+majority)\s+of\s+(?:the|these|those)\s+$", re.I
)

# A figure that counts a part of the people counted before it: "6,000 people, among them 1,400 children"
_PART_OF = re.compile(
    r"\b(?:including|among\s+(?:them|whom)|of\s+whom)\s+(?:(?:some|about|around|at\s+least|more\s+than|over|"
    r"nearly|almost)\s+)?$",
    re.I,
)

_OPENS = re.compile(r"\s*(?:(?:some|about|around|another|a\s+further|over|more\s+than|nearly|almost)\s+)?", re.I)

_BRACKET = re.compile(r"\(\s*(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?$", re.I)
_BRACKET_END = re.compile(r"[^\W\d_A-Z]*(?:\s+[^\W\d_A-Z]+){0,2}\s*\)")

# Violence in a place driving people out of it: "[clashes in X] have displaced more than 12,000 people"
_DISPLACING = re.compile(
    r"[^,;]{0,30}?\b(?:displaced|uprooted|forced|drove|driven|sent|pushed|emptied)\s+(?:(?:more\s+than|over|some|"
    r"about|around|an\s+estimated|nearly|almost|at\s+least|roughly|up\s+to)\s+)?(?:[\d,.]+\s*(?:million\s+)?)?"
    r"(?:[\w-]+\s+)?(?:people|persons|civilians|residents|families|households|inhabitants|villagers)\b",
    re.I,
)

_REST = re.compile(r"\b(?:the\s+rest|the\s+remainder|others)\b", re.I)

# Pairs in the order written: "returned to A and B from C and D, respectively" is C → A and D → B
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)

# A figure that is how many people a place now holds: "pushing its population to over 400,000"
_POPULATION = re.compile(r"\bpopulation\b[^,;.]{0,60}$", re.I)

# Arriving at a place before going on: "those who arrived in A have moved on to B" tells the move to A too
_ARRIVED = re.compile(r"\b(?:arriv\w*|landed|reached|disembarked)\b", re.I)

# A relative clause that tells where people had been before the move the sentence is about
_EARLIER = re.compile(r"\bwho\b|\bthat\s+(?:had|have|has)\b", re.I)

_ABOUT_PLACE = re.compile(r",\s*(?:which|where)\b", re.I)

_ASIDE = re.compile(
    r",\s*(?:already\s+|currently\s+|now\s+|itself\s+)?(?:home\s+to|hosting|sheltering|holding|housing)\b[^,;]*$",
    re.I,
)


@dataclass(frozen=True)
class Movement:
    """People going from ``origin`` to ``destination`` (either may be missing), with the figure that is theirs."""

    origin: Place | None
    destination: Place | None
    figure: Figure | None
    direction: str
    start: int
    end: int
    text: str = ""
    sentence: str = ""
    date_from: date | None = None
    date_to: date | None = None
    confidence: float = 0.9
    note: str = ""

    def row(self) -> dict:
        o, d, f = self.origin, self.destination, self.figure
        qualifier = [f.qualifiers] if f and f.qualifiers else []
        if self.direction:
            qualifier.append(f"{self.direction}ward")
        return {
            "kind": "movement", "place": "", "figure": f.value if f else None, "high": f.high if f else None,
            "unit": f.unit if f else "", "what": f.what if f else "", "qualifier": "; ".join(qualifier),
            "per": f.per if f else "", "date_from": self.date_from, "date_to": self.date_to,
            "origin": o.label if o else "", "origin_lat": o.lat if o else None, "origin_lon": o.lon if o else None,
            "destination": d.label if d else "", "destination_lat": d.lat if d else None,
            "destination_lon": d.lon if d else None, "text": self.text, "sentence": self.sentence,
            "start": self.start, "end": self.end, "confidence": self.confidence, "note": self.note,
        }  # fmt: skip


def find(
    text: str, start: int, end: int, places: list[Place], figures: list[Figure], before: list[Movement] = ()
) -> list[Movement]:
    """Movements in one sentence (``text[start:end]``), given its places and figures.

    An end is never taken from another sentence. ``before``, the movements of the sentence before in the same
    paragraph, only gives the reviewer a hint: a clause that names where people went but not where from, and
    whose subject points back ("Most went to …"), gets a note naming where the sentence before had them.
    Within the sentence, "others" continue the clause before from its origin ("… fled Sake toward Goma, while
    others headed to Minova"), and a subject that points back, from where that clause ended ("…; most were
    then taken to …").
    """
    if _TITLE.search(text[start:end]):
        return []
    out: list[Movement] = []
    last: list[Movement] = []  # the movements of the clause before, in this sentence
    for cs, ce in clauses(text, start, end):
        here = [p for p in places if cs <= p.start and p.end <= ce]
        if not here or _NEGATED.search(text, cs, ce):
            continue
        groups = place_groups(text, here)
        give_roles(text, cs, ce, groups)
        cue = MOVE.search(text, cs, ce)
        roles = {g.role for g in groups}
        if cue is None and ORIGIN in roles and roles & {DEST, STAY}:
            # "from A toward B", "B hosts 4,000 refugees from A" say it without a verb of movement
            cue = re.compile(r"\S+").search(text, groups[0].start)
        if cue is None or _not_a_move(text, cs, ce, cue, groups):
            continue
        roles = {g.role for g in groups}
        note = ""
        if not roles & {ORIGIN} and roles & {DEST, STAY}:
            if last and OTHERS.match(text, cs, ce):
                ends = [m.origin for m in last if m.origin]
                # "6,000 left A; about half went to B and the rest to C": A → B and A → C tell where they went
                out = [m for m in out if m not in last or m.destination]
            elif last and _ANAPHORA.match(text, cs, ce):
                ends = [m.destination for m in last if m.destination] or [m.origin for m in last if m.origin]
            else:
                ends = []
                hint = [m.destination or m.origin for m in before if m.destination or m.origin]
                if hint and not last and _ANAPHORA.match(text, cs, ce):
                    note = f"origin not in this sentence; the sentence before speaks of {_names(_unique(hint))}"
            if ends:
                groups.insert(0, Group(_unique(ends), ORIGIN, inherited=True))
        found = []
        for lo, hi, part in _one_by_one(groups, cs, ce):
            found += _movements(text, lo, hi, cue, part, figures, note)
        out += found
        last = found or last
    return out


def _one_by_one(groups: list[Group], cs: int, ce: int):
    """(start, end, groups) of each movement a clause tells, one after the other: "600 households moved from A to
    B, and a further 350 from C to D". A new one starts at an origin named after a destination, when a destination
    follows it; each keeps the figures written in its own stretch of the clause."""
    dests = [k for k, g in enumerate(groups) if g.role == DEST]
    cuts = [k for k, g in enumerate(groups) if g.role == ORIGIN and dests and dests[0] < k < dests[-1]]
    bounds = [0, *cuts, len(groups)]
    for a, b in zip(bounds, bounds[1:]):
        lo = cs if a == 0 else groups[a - 1].end
        hi = ce if b == len(groups) else groups[b - 1].end
        yield lo, hi, groups[a:b]


def _unique(places: list[Place]) -> list[Place]:
    return list({(p.start, p.end): p for p in places}.values())


def _not_a_move(text: str, cs: int, ce: int, cue: re.Match, groups: list[Group]) -> bool:
    """Goods or teams moving, money received, a move planned or prevented, or people staying put: no movement of
    people."""
    lead = text[cs : max(cue.end(), groups[0].start)]  # "a convoy of buses brought 3,500 evacuees": people
    if _GOODS.search(lead) and not _PERSONS.search(lead):
        return True
    if cue.group().lower().startswith("receiv") and _FUNDS.match(text, cue.end(), ce):
        return True  # "the response in Chad has received only 31 per cent of the $630 million required"
    if _UNREAL.search(text, cs, cue.start()):
        return True
    roles = {g.role for g in groups}
    if ORIGIN in roles or DEST in roles or ARRIVING.search(text, cs, ce):
        return False
    if any(g.role == HAZARD and _DISPLACING.match(text, g.end, ce) for g in groups):
        return False  # "clashes in Nasir displaced 12,400 people"
    # "1,500 people remained in Vovchansk", "displaced people are staying in Bulengo": where people are, not a move,
    # unless the clause says where they came from or that they arrived
    verbs = [m.group().lower() for m in MOVE.finditer(text, cs, ce)]
    return all(v.startswith("remain") or v in ("displaced", "displacement") for v in verbs)


def _movements(text, cs, ce, cue, groups: list[Group], figures: list[Figure], hint: str = "") -> list[Movement]:
    has_dest = any(g.role in (DEST, STAY) for g in groups)
    named_origin = any(g.role == ORIGIN for g in groups)
    origins: list[Group] = []
    legs: list[list[Group]] = []  # destinations, leg by leg
    passed: list[Place] = []  # places passed through: never an end
    for g in groups:
        if g.role in (ORIGIN, HAZARD):
            if g.role == HAZARD and (named_origin or not (has_dest or _DISPLACING.match(text, g.end, ce))):
                # "fighting in X": where people came from only when it says where they went, or that it drove them
                # out ("clashes in X displaced 12,000 people"), and no more
                continue
            origins.append(g)
        elif g.role == VIA:
            passed += g.places
        elif g.role in (DEST, STAY):
            last = legs[-1][-1] if legs else None
            onward = last is not None and (
                (last.role == STAY and g.role != STAY) or _ONWARD.search(text, last.end, g.start)
            )
            if last is None or onward:
                legs.append([g])
            else:
                legs[-1].append(g)
    if not legs and not origins:
        return []
    people = [
        f for f in figures
        if cs <= f.start < ce and f.unit != "percent" and f.what.split(" ")[0] in _PEOPLE_WHAT
        and not f.what.endswith("in need") and not _describes_a_place(text, cs, f, groups)
    ]  # fmt: skip
    people = [f for f in people if not (_part_of(text, cs, f) and people[0].start < f.start)]
    d = _DIRECTION.search(text, cs, ce)
    direction = (d.group("d") or d.group("d2")).lower().replace("-", "") if d else ""
    legs = [_without_countries_of_towns(leg) for leg in legs]
    # Legs: the origins to the first destinations, then each stop to the next.
    plan: list[tuple[list[Place], list[Group]]] = []
    froms = list(_members(origins))
    for n, leg in enumerate(legs or [[]]):
        stayed = leg and leg[0].role == STAY and not _ARRIVED.search(text, cs, leg[0].start)
        if not (n == 0 and not origins and stayed and len(legs) > 1):
            plan.append((froms, leg))  # "people who had sheltered in A went back to B": A → B, not → A
        froms = list(_members(leg))
    main = _main_leg(text, cs, plan)
    out = []
    for n, (froms, leg) in enumerate(plan):
        tos = list(_members(leg))
        pairs = [(o, t) for o in (froms or [None]) for t in (tos or [None]) if not _same(o, t)]
        if len(froms) == len(tos) > 1 and _RESPECTIVELY.search(text, cs, ce):
            pairs = list(zip(froms, tos))
        own = {}
        if n == 0:  # "1,250 … from A to B and 900 to C"; "of the 2,800 from A, 1,900 went to B and 900 to C"
            own = _own_figures(text, cs, leg, people)
            after_origin = max([cs, *(g.end for g in origins if leg and g.end <= leg[0].start)])
            own = own or _own_figures(text, after_origin, leg, people)
        if n == 0 and not own and len(tos) <= 1:
            # "2,300 arrived in Maiduguri from Bama, and 1,100 from Gwoza"; "3,100 reached B (1,900 from A and 1,200
            # from C)"
            own = _own_figures(text, cs, origins, people)
            after_dest = max([cs, *(g.end for g in leg if origins and g.end <= origins[0].start)])
            own = own or _own_figures(text, after_dest, origins, people)
        if n not in (0, main) and leg and len(pairs) == 1:  # "fled A to B, and 1,200 continued to C": its own
            lo = max([cs, *(p.end for p in froms)])
            mine = [f for f in people if lo <= f.start < leg[0].start]
            own = {id(tos[0]): mine[0]} if len(mine) == 1 else {}
        first = [f for f in people if main > 0 or len(plan) == 1 or f.start < plan[1][1][0].start]
        shared = min(first, key=lambda f: abs(f.start - cue.start())) if n == main and first and not own else None
        # "5,000 fled, most of them to B"; "B hosts 120,000, most of whom fled from A"
        share = shared is not None and leg and _share_goes(text, shared, max(g.start for g in (*origins, leg[0])))
        for o, t in pairs:
            if own:
                fig = own.get(id(t)) or own.get(id(o))
            else:
                fig = shared if not share and len(pairs) == 1 else None
            notes = [hint if o is None else "", _listed(origins, leg, o, t)]
            if n > 0:
                notes.insert(0, "onward leg" + ("; the figure stays on the first leg" if people and not fig else ""))
            elif share:
                notes.insert(0, f"figure ({shared.text}) counts all who moved; only a share of them went here")
            elif shared is not None and len(pairs) > 1:
                notes.insert(0, f"figure ({shared.text}) shared by {len(pairs)} pairs, not divided")
            if passed:
                notes.append(f"passed through {_names(passed)}")
            notes = [x for x in notes if x]
            ends = [x for x in (o, t, fig) if x is not None]
            s = min([cue.start(), *(x.start for x in ends)])
            e = max([cue.end(), *(x.end for x in ends)])
            out.append(Movement(o, t, fig, direction, s, e, note="; ".join(notes)))
    return out


def _part_of(text: str, cs: int, f: Figure) -> bool:
    """A figure that counts part of the people counted before it ("6,000, among them 1,400 children"), or the same
    people in other words ("2,000 people (400 households)")."""
    return bool(_PART_OF.search(text, cs, f.start)) or bool(
        _BRACKET.search(text, cs, f.start) and _BRACKET_END.match(text, f.end)
    )


def _main_leg(text: str, cs: int, plan: list[tuple[list[Place], list[Group]]]) -> int:
    """The leg the sentence's own verb tells, which the figure is of: the first, but the second in "800 people who
    had fled to A returned to B" (the first leg is in a relative clause, the verb after it)."""
    if len(plan) < 2 or not plan[0][1] or not plan[1][1]:
        return 0
    first, second = plan[0][1][-1].end, plan[1][1][0].start
    earlier = _EARLIER.search(text, cs, plan[0][1][0].start)
    return 1 if earlier and MOVE.search(text, first, second) else 0


def _same(o: Place | None, t: Place | None) -> bool:
    """ "… to Poltava and Dnipro, most of whom went to Dnipro": a place is never a move's both ends."""
    return o is not None and t is not None and o.label.lower() == t.label.lower()


def _share_goes(text: str, figure: Figure, pos: int) -> bool:
    """ "9,900 were evacuated, most of them to Kharkiv": a share of those counted is the subject of the move.

    Only the words after the last comma (or dash) count: "5,000 people, many of them children, fled to Azaz" are all
    5,000.
    """
    lo = max([figure.end, *(text.rfind(c, figure.end, pos) + 1 for c in ",–—)")])  # an aside ends at its mark
    return bool(_SHARE.search(text, lo, pos) or _SHARE_OF.search(text, max(0, figure.start - 30), figure.start))


def _describes_a_place(text: str, cs: int, f: Figure, groups: list[Group]) -> bool:
    """A figure in a relative clause after a place ("… to Kutupalong, which holds 300,000 people") is its stock."""
    if _POPULATION.search(text, cs, f.start):
        return True
    marks = list(_ABOUT_PLACE.finditer(text, cs, f.start))
    if marks and any(g.end <= marks[-1].start() for g in groups):
        if any(g.role == ORIGIN and g.start > f.end and MOVE.search(text, f.end, g.end + 40) for g in groups):
            return False  # "Goma, where 3,000 people from Sake arrived": the relative clause tells the move itself
        # unless a comma closed the relative clause and the figure opens the next: "In Tawila, which hosted 300,000
        # IDPs, 9,000 more arrived from …"
        comma = text.rfind(",", marks[-1].end(), f.start)
        return comma < 0 or not _OPENS.fullmatch(text, comma + 1, f.start)
    # "Azraq camp, already home to 40,000 people, received …": an aside on the place, before the verb
    return any(g.end <= f.start and _ASIDE.match(text, g.end, f.start) for g in groups)


def _without_countries_of_towns(leg: list[Group]) -> list[Group]:
    """ "crossed into Chad, arriving in Adré": Adré says where in Chad; Chad is not a second destination."""
    towns = {p.country for g in leg for p in g.places if p.kind != "country" and p.country}
    out = []
    for g in leg:
        g.places = [p for p in g.places if not (p.kind == "country" and p.country in towns)]
        if g.places:
            out.append(g)
    return out


def _members(groups: list[Group]):
    for g in groups:
        yield from g.places


def _own_figures(text: str, cs: int, leg: list[Group], people: list[Figure]) -> dict[int, Figure]:
    """Ends that each have their own figure: "1,250 … to Kassala and 900 to Gedaref" (or from …); the last may be
    "the rest" ("3,000 went to Kass and the rest to Ed Daein": Ed Daein gets none)."""
    if len(leg) < 2 or any(len(g.places) > 1 for g in leg):
        return {}
    own: dict[int, Figure] = {}
    lo = cs
    for g in leg:
        mine = [f for f in people if lo <= f.start < g.start]
        if not mine and own and g is leg[-1] and _REST.search(text, lo, g.start):
            # unless the figure counts them all: "1.2 million left A, many to B and others to C"
            first = own[id(leg[0].places[0])]
            return {} if _SHARE.search(text, first.end, leg[0].start) else own
        if len(mine) != 1:
            return {}
        own[id(g.places[0])] = mine[0]
        lo = g.end
    return own


def _listed(origins: list[Group], leg: list[Group], o: Place | None, t: Place | None) -> str:
    """What the pair owes to reading a list or an area's parts, in words ("" when it owes nothing)."""
    notes = []
    for place, groups in ((o, origins), (t, leg)):
        for g in groups:
            if place in g.places:
                if g.inherited:
                    notes.append(f"{place.text} read from the clause before")
                if g.parent is not None:
                    notes.append(f"{place.text} read as part of {g.parent.places[0].text}")
                if len(g.places) > 1 and not g.inherited:
                    notes.append(f"people split between {_names(g.places)}: an inference from the list")
    return "; ".join(notes)


def _names(places: list[Place]) -> str:
    names = [p.text for p in places]
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
