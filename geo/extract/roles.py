"""What each place in a clause is to a movement: origin, destination, a stop, where the violence was.

A sentence is cut into clauses (an aside between two dashes is none); a clause
with a word of movement ("fled", "displaced", "crossed", "arrived", "went back"
…) is read group by group, a group being one place or a list of them ("Homs and
Hama", "Atmeh, Sarmada and Dana", "eastern Ghouta, notably Douma and Harasta",
"Wadi Fira (Tiné, Bahaï and Iriba)"). What stands before a group gives its role,
read backwards over the words between (at most six ordinary words, a count of
things and two nouns joined by "and" among them, never across another verb of
movement or clause word):

* an origin after "from", "out of", "fled", "left", "abandoned", "escaped" …,
  after "residents of", or where the violence was ("fighting in", "the
  blockade of") when the clause names a destination too or says the violence
  drove people out ("clashes in Nasir displaced 12,000 people");
* a destination after "to", "toward", "into", "reached", "entered", after
  "for" once someone "left" or "fled", after "in"/"at" when a verb of arriving
  or staying came first ("arrived in", "sheltering in", "staying with
  relatives in", "sought refuge in"), before "received", or after a place
  heading its clause ("Kassala: 900 arrivals from Gedaref");
* a stay before "hosts" / "shelters": a movement only when the clause says
  where from ("Chad hosts 600,000 refugees from Sudan");
* a place passed through after "via" or "through": never an end, only named in the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.places import Place

MOVE = re.compile(
    r"\b(?:enter|enters|travels?|trek(?:s|ked|king)?|walks?|crosse[sd]|heads|remain(?:s|ed|ing)?\s+in|"
    r"fled|flee|flees|fleeing|flight|displaced|displacement|displacing|moved|moving|move|movements?|pushed|"
    r"pushing|push|headed|heading|relocated|relocating|relocation|arrived|arriving|arrive|arrivals?|returned|"
    r"returning|returns?|returnees|escaped|escaping|left|leaving|evacuated|evacuating|evacuations?|evacuees|"
    r"uprooted|streamed|streaming|poured|pouring|influx|travell?ed|travell?ing|made\s+their\s+way|"
    r"sought\s+(?:refuge|shelter|safety)|took\s+refuge|crossed|crossing|went|go|going|gone|sent|driven|drove|"
    r"forced|exodus|reached|reaching|received|receiving|walked|walking|continued|transited|transiting|deported|"
    r"expelled|carried|transported|bus(?:s)?ed|taken|landed|entered|entering|abandoned|abandoning|settled|resettled|"
    r"came|coming|come|comes|shifted|got\s+to|get\s+to|made\s+it\s+to|ferries|boats?|disembarked|relocate|evacuate|transfer|"
    r"transferred|continu(?:e|es|ing)\s+(?:on\s+)?(?:to|towards?|into)\s+(?=(?-i:[A-Z])|the\s))\b",
    re.I,
)

# "…, and a smaller group headed for Gondar": other people's move, from the same origin, is a clause of its own
# (and "…, while about 3,000 went to Taiz", "…; about half went to Xuddur": a number or a share of them)
OTHERS = re.compile(
    r"\s*(?:and\s+)?(?:(?:many|some|most|a\s+few)\s+)?(?:others|the\s+rest|the\s+remainder|"
    r"a\s+smaller\s+(?:number|group|share))\b"
    r"|\s*(?:(?:about|some|around|roughly|nearly|almost|over|more\s+than|an\s+estimated|another|a\s+further)\s+)?"
    r"(?:\d[\d,.]*|half|a\s+third|two\s+thirds|a\s+quarter|most|many)\s+(?:(?:more|others|people|of\s+them)\s+)?"
    r"(?:went|fled|moved|headed|crossed|continued|sought|took|walked|travell?ed)\b",
    re.I,
)
_CLAUSE = re.compile(
    r";|,\s+(?:while|whereas|but)\b|\s+(?:while|whereas)\s+|\.\s|\s[—–]\s"
    r"|,(?=\s+and\s+(?:a\s+smaller\s+(?:number|group|share)|others|the\s+rest|the\s+remainder)\b)"
)

# Between two places of one list: ", ", " and ", ", and the camps near ", " as well as " …
_LIST = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as\s+well\s+as\s+|&\s*|/\s*)(?:(?:the|nearby|other|camps?|villages?|"
    r"towns?|sites?|areas?|of|near|around|in|informal|settlements?)\s+){0,4}$",
    re.I,
)

# Parts of an area named after it: "eastern Ghouta, notably Douma and Harasta", "Sake and nearby villages such as
# Mubambiro and Kimoka"
_PARTS = re.compile(
    r"^\s*(?:,|\(|(?:,\s*)?and\s+(?:the\s+)?(?:(?:nearby|surrounding|neighbou?ring|other)\s+)?"
    r"(?:villages|towns|areas|communities|localities|settlements|neighbou?rhoods)\b,?)\s*(?:notably|including|especially|particularly|mainly|mostly|chiefly|such\s+as|namely|"
    r"in\s+particular|among\s+them)\s+(?:(?:from|in)\s+)?(?:the\s+)?$",
    re.I,
)

_FOR_AFTER = re.compile(
    r"\b(?:left|leaving|leave|leaves|abandoned|abandoning|fled|flee|fleeing|departed|departing|headed|heading|set\s+off|"
    r"bound|quit|deserted)\b",
    re.I,
)

ARRIVING = re.compile(
    r"\b(?:arriv\w*|poured|pouring|streamed|streaming|flocked|came|coming|come|comes|returnees|registered|influx)\b",
    re.I,
)

_AT = re.compile(r"\b(?:in|at|across|throughout)\s+(?:the\s+)?$", re.I)

_DISPLACED_FROM = re.compile(
    r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!being\s)(?<!be\s)(?<!are\s)(?<!is\s)\b(?:refugees|IDPs|displaced|returnees|evacuees|deportees|arrivals|migrants|asylum[\s-]seekers)\s+"
    r"(?:\w+\s+)?from\s+(?:the\s+)?$",
    re.I,
)

_COLON = re.compile(r"\s*:")

_OPEN = re.compile(r"\s*\(\s*")

_IN = re.compile(r",?\s+in\s+(?:the\s+)?", re.I)

_OWNS = re.compile(r"['’]s\s+")

_NEAR = re.compile(r"\s*(?:near|at|close\s+to|by|around)\s+(?:the\s+)?", re.I)

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[^\w\s]")

ORIGIN, DEST, STAY, VIA, HAZARD, ELLIPTIC = "origin", "destination", "stay", "via", "hazard", "elliptic"

_CUES = {
    **dict.fromkeys(
        [("from",), ("out", "of"), ("away", "from"), ("fled",), ("flee",), ("flees",), ("fleeing",), ("left",),
         ("leaving",), ("leave",), ("leaves",), ("abandoned",), ("abandoning",), ("escaped",), ("escaping",),
         ("escape",), ("deserted",), ("emptied",), ("vacated",), ("departed",), ("departing",), ("quit",)],
        ORIGIN,
    ),
    **dict.fromkeys(
        [("to",), ("toward",), ("towards",), ("into",), ("onto",), ("reached",), ("reaching",), ("reach",),
         ("reaches",), ("entered",), ("entering",), ("enter",), ("in", "the", "direction", "of"), ("further", "than"),
         ("as", "far", "as")],
        DEST,
    ),
    **dict.fromkeys([("via",), ("through",), ("transiting",), ("transited",)], VIA),
    # "close to the border", "according to UNHCR": "to" with no movement in it
    **dict.fromkeys([("close", "to"), ("next", "to"), ("due", "to"), ("according", "to"), ("access", "to")], None),
}  # fmt: skip

_LOC = frozenset("in at near around of on across outside within inside".split())

_STAY = frozenset(
    """arrived arriving arrive arrives arrival arrivals landed landing disembarked settled settling sheltering sheltered
    shelter staying stayed stay remain remains remained remaining hosted registered received
    relocated resettled refuge safety camped
    gathered relatives asylum protection""".split()
)

_HAZARD = frozenset(
    """fighting clashes clash attacks attack shelling violence hostilities floods flooding flood drought offensive
    bombardment bombing airstrikes strikes insecurity blockade siege raids raid conflict war assault incursion
    operations escalation combat rains rain storms storm cyclone earthquake landslides fires""".split()
)

# What moves, spreads or advances without being people: "fighting spread from Sake to Goma", "armed groups moved
# into Minova", "cholera has spread from Khartoum to Gezira"
_NOT_PEOPLE = _HAZARD | frozenset(
    """forces troops army fighters militia militias front frontline advanced advancing armed gunmen rebels soldiers
    spread spreads spreading cholera measles outbreak outbreaks epidemic disease diseases""".split()
)

_ROADS = frozenset("road roads highway route routes corridor corridors railway line".split())

_PEOPLE_COUNTED = frozenset(
    "people persons refugees returnees displaced idps families households children women men migrants".split()
)

_RESIDENTS = frozenset("residents inhabitants people families civilians households idps evacuees".split())

_BLOCK = frozenset(
    """and or nor but then later before after while whereas who whom which where when because since until was were
    is are had has have been be will would could elsewhere""".split()
)

_INCLUDING = frozenset("including notably mainly mostly particularly especially chiefly namely such".split())

_MEANS = frozenset("boat boats bus buses road air sea land foot truck trucks car cars train plane ferry".split())
MAX_FILLER = 6


@dataclass
class Group:
    """One place, or a list of them, that plays one role in its clause ("from Homs and Hama")."""

    places: list[Place]
    role: str | None = None
    parent: Group | None = None  # the area these places are parts of ("Douma" of "eastern Ghouta")
    inherited: bool = False  # origins read from the clause before ("… fled Sake to Goma, while others went to Minova")

    @property
    def start(self) -> int:
        return self.places[0].start

    @property
    def end(self) -> int:
        return self.places[-1].end


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of one sentence: cut at ";", ", while", ", but", a dash.

    Two dashes around an aside cut nothing: "5,000 people – most of them children – fled Kadugli" is one clause.
    """
    out = []
    pos = start
    cuts = list(_CLAUSE.finditer(text, start, end))
    dashes = [k for k, m in enumerate(cuts) if m.group().strip() in ("—", "–")]
    aside = {k for a, b in zip(dashes, dashes[1:]) if b == a + 1 for k in (a, b)}
    for k, m in enumerate(cuts):
        if k in aside:
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def place_groups(text: str, here: list[Place]) -> list[Group]:
    """The places of a clause in groups: a list is one group; the parts of an area named after it point to it."""
    groups: list[Group] = []
    for p in here:
        if groups:
            gap = text[groups[-1].end : p.start]
            if _LIST.match(gap) and not _IN.fullmatch(gap):  # "Renk, in Upper Nile State": where Renk is
                groups[-1].places.append(p)
                continue
            if _PARTS.match(gap) or _OPEN.fullmatch(gap):
                groups.append(Group([p], parent=groups[-1].parent or groups[-1]))
                continue
        groups.append(Group([p]))
    for g in groups:  # "Sake (North Kivu)" says where Sake is; "Wadi Fira (Tiné, Bahaï and Iriba)" lists its parts
        if g.parent is not None and len(g.places) < 2 and _OPEN.fullmatch(text, g.parent.end, g.start):
            g.parent = None
    return groups


def _role(text: str, lo: int, pos: int, clause_start: int) -> str | None:
    """The role the words before ``pos`` (back to ``lo``) give a place: origin, destination, stay, via, hazard."""
    words = [w.lower() for w in _WORD.findall(text, lo, pos)]
    loc = None
    locs = set()  # every place word seen: "landed on the coasts of Lahj" stays "on" the coast
    filler = 0
    k = len(words)
    while k > 0:
        for n in (4, 3, 2, 1):
            if k - n >= 0 and tuple(words[k - n : k]) in _CUES:
                role = _CUES[tuple(words[k - n : k])]
                if role is not None and _moved_by_no_one(words[: k - n]):
                    return None  # "if fighting reaches Idlib city", "hostilities moved closer to Pokrovsk"
                if role == ORIGIN and k - n > 0 and words[k - n - 1] in _ROADS:
                    return None  # "the road from Saraqib to Sarmada" names a road
                if role == ORIGIN and loc and n == 1 and words[k - 1] not in ("from",):
                    # "fled their homes in Idlib": where they lived, an origin only if the clause says where they went
                    return HAZARD
                return role
        w = words[k - 1]
        if w == "for":
            return DEST if _FOR_AFTER.search(text, clause_start, pos) else None
        if w in _LOC:
            loc = loc or w
            locs.add(w)
        elif loc and w in _HAZARD:
            return HAZARD
        elif loc == "of" and w in _RESIDENTS:
            return HAZARD  # "residents of Avdiivka were evacuated to Dnipro": an origin when a destination is named
        elif locs - {"of"} and w in _STAY:
            return STAY
        elif loc in ("in", "at") and w[0].isdigit() and words[k] == loc:
            return ELLIPTIC  # "… arrived in Chad, and a further 100,000 in South Sudan"
        elif w[0].isdigit() and k < len(words) and _plain(words[k]) and words[k] not in _PEOPLE_COUNTED:
            filler += 1  # "moved to 15 new sites in Delmas": a count of things; not "reached 3,000 people in Goma"
        elif w in ("and", "or") and loc and 2 <= k < len(words) and _plain(words[k]) and _plain(words[k - 2]):
            filler += 1  # "sought refuge in schools and churches in Jacmel": two things, not two clauses
        elif w in _MEANS and k >= 2 and words[k - 2] == "by":
            k -= 1  # "arrived by boat in Aceh": how they came, not a verb
        elif w == "," and k < len(words) and words[k] in _INCLUDING:
            pass  # "into neighbouring countries, including Chad": the list says which
        elif w in _BLOCK or not w[0].isalpha() or MOVE.fullmatch(w):
            return None
        else:
            filler += 1
            if filler > MAX_FILLER:
                return None
        k -= 1
    return None


def _moved_by_no_one(words: list[str]) -> bool:
    """The words before a cue end in fighting or forces, with at most a verb and two more words after them."""
    for back in range(1, min(4, len(words)) + 1):
        if words[-back] in _NOT_PEOPLE:
            return back == 1 or any(MOVE.fullmatch(w) for w in words[-back + 1 :])
        if not words[-back].isalpha() or words[-back] in _BLOCK:
            return False
    return False


def _plain(word: str) -> bool:
    """An ordinary word: not a verb of movement, a clause word, a place word or punctuation."""
    return word.isalpha() and word not in _BLOCK and word not in _LOC and not MOVE.fullmatch(word)


_RECEIVED = re.compile(
    r"(?:,[^;]{1,80}?,)?\s+(?:have\s+|has\s+|had\s+|is\s+|are\s+|was\s+|were\s+)?(?:also\s+|now\s+|still\s+)?"
    r"(?:(?P<host>hosted|hosting|hosts?|sheltering|shelters?|sheltered)|received|receiving|welcomed|welcoming|"
    r"took\s+in|taking\s+in|absorbed|receives)\b",
    re.I,
)


def _received(text: str, pos: int, end: int) -> str | None:
    """DEST when the place received people ("Azaz and Afrin received 5,000 families"); STAY when it hosts them
    ("Baidoa now hosts 9,000 people"): a movement only if the clause says where from."""
    m = _RECEIVED.match(text[pos:end])
    return None if m is None else STAY if m.group("host") else DEST


def give_roles(text: str, cs: int, ce: int, groups: list[Group]) -> None:
    """Each group's role from the words before it; then the few roles that only the whole clause shows."""
    prev = cs
    for g in groups:
        if g.parent is not None and (g.parent.role is not None or _OPEN.match(text, g.parent.end)):
            g.role = g.parent.role
        else:  # "displaced within Sennar State, mostly from Singa": a part can say its own role
            g.role = _role(text, prev, g.start, cs)
            if g.role is None:
                g.role = _received(text, g.end, ce)
                if g.role == STAY and any(h.role == ORIGIN for h in groups if h.end <= g.start):
                    g.role = None  # "… arrived from A, and B now shelters 68,000": B's people came from anywhere
            if g.role == ELLIPTIC:
                earlier = [h.role for h in groups if h is not g and h.role in (DEST, STAY) and h.end <= g.start]
                g.role = earlier[-1] if earlier else None
        prev = g.end
    for g, h in zip(groups, groups[1:]):
        # "Mbera camp in Mauritania received …": B in C gives B
        if g.role is None and h.role in (DEST, STAY) and _IN.fullmatch(text, g.end, h.start):
            if _received(text, h.end, ce):
                g.role, h.role = h.role, None
        # "to camps across the Ethiopian border near Dolo Ado": a border is a line; the town named on it is the end
        if g.role == DEST and h.role is None and all(p.kind == "border" for p in g.places):
            if _NEAR.fullmatch(text, g.end, h.start):
                g.role, h.role = None, DEST
        # "crossed into India's Mizoram state": the place in the country is the end, as "B in C" gives B
        if g.role in (DEST, STAY) and h.role is None and len(g.places) == 1 and _OWNS.fullmatch(text, g.end, h.start):
            g.role, h.role = None, g.role
    roles = {g.role for g in groups}
    displaced_from = any(g.role == ORIGIN and _DISPLACED_FROM.search(text, cs, g.start) for g in groups)
    if ORIGIN in roles and not roles & {DEST, STAY} and (displaced_from or ARRIVING.search(text, cs, ce)):
        # "In Idlib city, families poured in from Saraqib", "the centre in Dnipro registered 900 arriving from
        # Pokrovsk", "refugees from Mali are now in Mbera": people who came from A, where the clause puts them
        for g in groups:
            # "Kassala: 2,000 new arrivals from Gedaref": a place heading the clause is where it happens
            heading = not text[cs : g.start].strip() and _COLON.match(text, g.end)
            if g.role is None and (heading or _AT.search(text, max(cs, g.start - 12), g.start)):
                g.role = DEST
                break
