"""Movements in report prose: who went from where to where.

A clause with a word of movement ("fled", "displaced", "pushed", "arrived",
"returned" …) is read place by place: a place after "from", "fled", "left",
"out of" … is an origin; after "to", "toward", "into", "reached", "arrived
in" … a destination; a place listed after another ("Atmeh, Sarmada and
Dana") shares its role. Origins and destinations are then paired. A figure in
the same clause goes with the movement only when there is a single pair:
splitting it among several destinations would be inventing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.figures import Figure
from geo.extract.places import Place

MOVE = re.compile(
    r"\b(?:fled|flee|flees|fleeing|displaced|displacement|moved|moving|move|movements?|pushed|pushing|push|"
    r"headed|heading|relocated|relocating|arrived|arriving|arrive|arrivals?|returned|returning|returnees|"
    r"escaped|escaping|left|leaving|evacuated|evacuating|uprooted|streamed|streaming|poured|pouring|influx|"
    r"travelled|traveled|travelling|traveling|made\s+their\s+way|sought\s+(?:refuge|shelter|safety)|"
    r"took\s+refuge|crossed|went|go|going|sent|driven|drove|flight|exodus|reached|reaching|received|receiving)\b",
    re.I,
)
_FILLER = (
    r"(?:(?:the|their|homes?|areas?|parts?|of|villages?|towns?|communities|camps?|sites?|settlements?|shelters?|"
    r"collective\s+centres?|informal|overcrowded|already|near|along|around|by|in|outskirts|rural|safer|"
    r"relatively|more|nearby|further|already|crowded|makeshift|displacement|IDP|a|an|to|on|at|other|"
    r"[a-z]+ern|countryside)\s+){0,6}$"
)
_ORIGIN = re.compile(
    r"\b(?:from|out\s+of|away\s+from|fled|flee|flees|fleeing|left|leaving|leave|escaped|escaping|abandoned|"
    r"abandoning|evacuated|evacuating|deserted|emptied|uprooted\s+from)\s+" + _FILLER.replace("|in|", "|"),
    re.I,
)
_DEST = re.compile(
    r"\b(?:to|toward|towards|into|reached|reaching|reach|(?:arrived|arriving|arrive|arrivals?|arrival)\s+(?:in|at)|"
    r"in\s+the\s+direction\s+of|(?:headed|heading|bound|left|leaving)\s+for|(?:sheltering|settled|settling|"
    r"staying|living)\s+in|(?:sought|seeking|took|taking|found|finding)\s+(?:refuge|shelter|safety)\s+in|"
    r"closer\s+to|nearer\s+to|up\s+to|onto)\s+" + _FILLER,
    re.I,
)
_RECEIVED = re.compile(
    r"(?:\s*(?:,\s*|and\s+|or\s+)[^,;.]{0,40}?)?\s+(?:have\s+|has\s+|had\s+)?(?:also\s+)?"
    r"(?:received|hosted|welcomed|took\s+in|absorbed)\b",
    re.I,
)
_LIST = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as\s+well\s+as\s+|&\s*)" + _FILLER, re.I)
# "left Jisr al-Shughur for Salqin": after an origin, "for" names the destination
_FOR = re.compile(r"^\s+for\s+(?:the\s+)?$", re.I)
# Trucks, convoys and supplies cross borders too; those are not people moving.
_GOODS = re.compile(
    r"\b(?:trucks?|lorries|convoys?|shipments?|deliveries|supplies|goods|cargo|vehicles|kits|items|aid|"
    r"assistance|support|relief|winteri[sz]ation|food|fuel|medicines?|vaccines?|water|electricity)\b",
    re.I,
)
_PERSONS = re.compile(
    r"\b(?:people|persons|individuals|families|households|children|women|men|civilians|residents|IDPs|displaced|"
    r"refugees|returnees|arrivals)\b",
    re.I,
)
_DIRECTION = re.compile(
    r"\b(?P<d>north|south|east|west|north-?west|north-?east|south-?west|south-?east)(?:wards?|ward)\b"
    r"|\b(?:to|towards?)\s+the\s+(?P<d2>north|south|east|west|north-?west|north-?east|south-?west|south-?east)\b",
    re.I,
)
_CLAUSE = re.compile(r";|,\s+(?:while|whereas|but)\b|\s+(?:while|whereas)\s+|\.\s")
_PEOPLE_WHAT = ("people", "children", "women", "families", "households", "")


@dataclass(frozen=True)
class Movement:
    """People moving from an origin to a destination, as one sentence tells it."""

    origin: Place | None
    destination: Place | None
    figure: Figure | None
    direction: str
    start: int
    end: int
    note: str = ""


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _CLAUSE.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def find(text: str, start: int, end: int, places: list[Place], figures: list[Figure]) -> list[Movement]:
    """Movements in one sentence, given its places and figures."""
    out: list[Movement] = []
    for cs, ce in _clauses(text, start, end):
        cue = MOVE.search(text, cs, ce)
        if not cue:
            continue
        here = [p for p in places if cs <= p.start and p.end <= ce]
        roles: list[str] = []
        prev_end = cs
        for k, p in enumerate(here):
            gap_start = max(prev_end, p.start - 80)
            before = text[gap_start : p.start]
            role = ""
            if k and roles[k - 1] and _LIST.match(text[here[k - 1].end : p.start]):
                role = roles[k - 1]
            elif k and roles[k - 1] == "origin" and _FOR.match(text[here[k - 1].end : p.start]):
                role = "destination"
            else:
                # the cue nearest the name decides: "fled to Afrin" is a destination
                mo, md = _ORIGIN.search(before), _DEST.search(before)
                if mo and (not md or mo.start() > md.start()):
                    role = "origin"
                elif md:
                    role = "destination"
                elif _RECEIVED.match(text, p.end, ce):
                    role = "destination"  # "Azaz and Afrin received 5,000 families"
            roles.append(role)
            prev_end = p.end
        origins = [p for p, r in zip(here, roles) if r == "origin"]
        dests = [p for p, r in zip(here, roles) if r == "destination"]
        if not origins and not dests:
            continue
        lead = text[cs : cue.start()]
        if _GOODS.search(lead) and not _PERSONS.search(lead):
            continue
        d = _DIRECTION.search(text, cs, ce)
        direction = (d.group("d") or d.group("d2")).lower().replace("-", "") if d else ""
        pairs = [(o, t) for o in (origins or [None]) for t in (dests or [None])]
        people = [
            f for f in figures
            if cs <= f.start < ce and f.unit != "percent" and f.what.split(" ")[0] in _PEOPLE_WHAT
        ]  # fmt: skip
        figure = min(people, key=lambda f: abs(f.start - cue.start())) if people else None
        note = ""
        if figure is not None and len(pairs) > 1:
            note = f"the clause's figure ({figure.text}) is shared by {len(pairs)} origin–destination pairs; not split"
            figure = None
        for o, t in pairs:
            ends = [x for x in (o, t, figure) if x is not None]
            s = min([cue.start(), *(x.start for x in ends)])
            e = max([cue.end(), *(x.end for x in ends)])
            out.append(Movement(o, t, figure, direction, s, e, note))
    return out
