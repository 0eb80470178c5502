"""The offline gazetteer: every name geo knows, and the lookup of one query.

Features come from the data geo ships (see :mod:`geo.sources`): countries,
admin-1 areas and borders (Natural Earth), Syria's communities, districts and
sub-districts (OCHA), populated places (GeoNames) and our supplement of camps
and crossings; and, for a run, from the user's own files (boundaries,
populated places: :meth:`Gazetteer.add`).

The index is shipped built (``geo/data/gazetteer.json.gz``, written by
``scripts/build_index.py``), so the first run on a new machine answers at
once; if the data or the code that reads names has changed since it was
built, it is rebuilt in memory from the sources (a few seconds, logged).

>>> gaz = Gazetteer.default()
>>> best = gaz.lookup("Idleb")[0]
>>> best.feature.kind, best.feature.pcode, best.score
('admin1', 'SY07', 100.0)
>>> gaz.lookup("C4130")[0].feature.name
'Atma'
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import os
import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass, fields, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from geo import names as _names
from geo import query as _query
from geo.errors import GeocoderError
from geo.names import fold, skeleton

DATA = Path(__file__).resolve().parent / "data"
_ABBREVIATION = re.compile(r"^[^aeiouy\s]+$")  # a name without vowels (PNG, DRC, KRI): no respelling leads to it
INDEX = DATA / "gazetteer.json.gz"
INDEX_VARIANTS = DATA / "gazetteer-variants.json.gz"  # read on the first lookup that is not exact
log = logging.getLogger(__name__)
# With no other clue (no --country, no other place in the request), typos are looked for among the
# names of these countries: geo's first users map Syria and its neighbours.
FOCUS_COUNTRIES = ("SY", "TR", "IQ", "LB", "JO")
COMPLETE_COUNTRIES = ("SY",)  # every village there is in geo (OCHA's communities), not only towns of 500+
# A bare name that several kinds share means the first of them: "Idlib" the governorate, "Al-Hol" the camp,
# "Bab al-Hawa" the crossing rather than the village beside it.
KIND_RANK = {
    "country": 0, "admin1": 1, "admin2": 2, "admin3": 3, "admin4": 4, "camp": 5, "crossing": 6, "community": 7,
    "place": 7, "border": 8,
}  # fmt: skip
AREA_KINDS = ("country", "admin1", "admin2", "admin3", "admin4")
SETTLEMENT_KINDS = ("community", "place")  # one kind of thing for ambiguity: OCHA and GeoNames name the same towns
SCORE_EXACT = 100.0
SCORE_VARIANT = 92.0  # same consonant skeleton: a transliteration variant, if the letters are close too
VARIANT_FLOOR = 80.0  # ... scored down to this when they are only just close enough
VARIANT_MIN_RATIO = 70.0  # "Erewhonia" and "Orhaniye" share a skeleton, but not enough letters
# Outside the countries a request is about, a variant needs stronger evidence: a made-up "Narnia" shares its
# skeleton (n-r-n) with a real Naryn somewhere, as short skeletons often do.
VARIANT_FAR_RATIO = 80.0
VARIANT_FAR_SKELETON = 4
KIND_WORD_PENALTY = 10.0  # "Jarablus crossing" answering a bare "Jarablus"
KIND_MISMATCH_PENALTY = 15.0  # asked for a camp, found only a town of that name
DIRECTION_PENALTY = 2.0  # "Western Sweida" read as the west of Sweida, when a place has that whole name
# "Gaza governorate" is the governorate named so in full (Palestine's), before a "Gaza" of the same kind that is
# named without the word (Mozambique's province)
KIND_DROPPED_PENALTY = 1.0
WEAK_NAME_PENALTY = 4.0  # an alternate name of an area that is often its capital's name ("Mosul" for Ninawa)
DEFAULT_MIN_SCORE = 75.0
# Parts of a country that news names as one side of a border ("the Egypt-Gaza border", "Israel–Gaza border"):
# on a border they answer as that country, never as a country on their own (folded; written by the geo authors).
BORDER_SIDES = {"gaza": ["PS"], "gaza strip": ["PS"], "west bank": ["PS"]}
# Borders news names by their line rather than by the two countries (folded; written by the geo authors): the
# Durand Line (Afghanistan–Pakistan) and the Blue Line (the UN's withdrawal line between Lebanon and Israel,
# which reports on south Lebanon use for the border). Not the "Green Line" (lines in Jerusalem, the West Bank
# and Cyprus), nor the Line of Control (Kashmir), which Natural Earth's India–Pakistan border line leaves out.
NAMED_BORDERS = {"durand line": ("AF", "PK"), "blue line": ("IL", "LB")}
FUZZY_WEIGHT = 0.9  # a fuzzy hit scores its rapidfuzz ratio × this, so it ranks below any variant
MIN_FUZZY_LENGTH = 5  # a typo in a name of four letters or fewer is another name
TYPO_WORD_RATIO = 75.0  # each word of a typo is still close to its word in the name
_INDEX_VERSION = 10
_KIND_WORDS = (None, *sorted(set(_query.KIND_WORDS.values())))
_COMMUNITY_CODE = re.compile(r"^\s*[Cc]\s*(\d{4,5})\s*$")


def fuzzy_cutoff(min_score: float) -> float:
    """The rapidfuzz ratio a typo needs for its score to reach ``min_score`` (kept within 50–99)."""
    return min(99.0, max(50.0, min_score / FUZZY_WEIGHT))


def _by_score(c: Candidate) -> tuple:
    return (-c.score, KIND_RANK.get(c.feature.kind, 9), -c.feature.population)


def _group(kind: str) -> str:
    """Kinds that name the same sort of thing: OCHA's communities and GeoNames' places are both settlements."""
    return "settlement" if kind in SETTLEMENT_KINDS else kind


def _keys(q: _query.Query, full: str, base: float) -> list[tuple[str, float]]:
    """What to look a query up by, and the score each would earn: the whole text, and the name without its kind
    and direction words ("Idlib" in "southern Idlib province"), a little lower when the whole text is a name too:
    a village called "Western Sweida" is meant before the western part of Sweida."""
    keys = [(full, base)] if full else []
    if full.startswith("the "):  # "the Central African Republic": "the" is no part of a name, "central" is
        keys.append((full[4:], base))
    if q.key and q.key != full:
        dropped = DIRECTION_PENALTY if q.direction else KIND_DROPPED_PENALTY if q.kind else 0.0
        keys.append((q.key, base - dropped))
    return keys


def _typo_of(key: str, other: str) -> bool:
    """A typo changes letters, not words: "ain bakara" is no typo of "ain arab" however close the strings."""
    words, others = key.split(), other.split()
    return len(words) == len(others) and all(fuzz.ratio(a, b) >= TYPO_WORD_RATIO for a, b in zip(words, others))


def _fits(kind: str, asked: str) -> bool:
    """A feature of ``kind`` answers a query asking for ``asked`` ("a town" is a community too)."""
    return kind == asked or (asked == "place" and kind in SETTLEMENT_KINDS)


def _pack(i: int, word: str | None, weak: bool = False) -> int:
    return i * 32 + (16 if weak else 0) + _KIND_WORDS.index(word)


def _unpack(code: int) -> tuple[int, str | None, bool]:
    return code // 32, _KIND_WORDS[code % 16], bool(code & 16)


def _code_key(code: str) -> str:
    """What the index files a feature's own P-code under: the normal form, or as written (IRQ012, UKR0101)."""
    return pcode_key(code) or code.upper()


def name_keys(names: Iterable[str]) -> set[str]:
    """The keys the index finds names by: each folded, and without its kind word or article ("El Tarra": tarra)."""
    keys = set()
    for name in names:
        keys |= {fold(name), _query.strip_kind(name)[0]}
    keys.discard("")
    return keys


def pcode_key(text: str) -> str:
    """A P-code as the index keeps it (``sy0703`` → ``SY0703``, ``c 4130`` → ``C4130``), or ""."""
    m = _COMMUNITY_CODE.match(str(text))
    return "C" + m.group(1) if m else _names.pcode(text)


@dataclass(frozen=True, slots=True)
class Feature:
    """One place, area or line the gazetteer can return.

    ``admin1_pcode`` … ``admin3_pcode`` name the areas it lies in (its own code at its own level);
    ``parent`` is the code or name of the area right above a user's area.
    """

    uid: str
    name: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int = 0
    pcode: str = ""
    source: str = ""
    counterpart: str = ""
    parent: str = ""
    admin2: str = ""
    admin3: str = ""
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""
    note: str = ""

    @property
    def settlement(self) -> bool:
        return self.kind in SETTLEMENT_KINDS

    @property
    def sides(self) -> list[str]:
        """The countries a border runs between, as its id says (``border:SD-TD``: SD, TD)."""
        return self.uid.split(":", 1)[1].split("-")

    def within(self, code: str) -> bool:
        """True if this feature lies in the area with P-code ``code`` (as far as the codes tell)."""
        return (
            bool(code)
            and code != self.pcode
            and (
                code in (self.country, self.admin1_pcode, self.admin2_pcode, self.admin3_pcode, self.parent)
                or (self.pcode.startswith(code) and self.kind in AREA_KINDS)
            )
        )


FIELDS = [f.name for f in fields(Feature)]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A feature found for a query, how sure (0–100) and how it was found."""

    feature: Feature
    score: float
    how: str  # exact, pcode, variant, fuzzy, coordinates


class _Rows:
    """Feature rows: tab-joined strings as shipped, parsed into tuples the first time each is read."""

    def __init__(self, raw: list | None = None) -> None:
        self._raw = raw if raw is not None else []

    def __getitem__(self, i: int) -> tuple:
        row = self._raw[i]
        if isinstance(row, str):
            v = row.split("\t")
            row = self._raw[i] = (*v[:5], float(v[5]), float(v[6]), int(v[7]), *v[8:])
        return row

    def __setitem__(self, i: int, row: tuple) -> None:
        self._raw[i] = row

    def __len__(self) -> int:
        return len(self._raw)

    def append(self, row: tuple) -> None:
        self._raw.append(row)

    def copy(self) -> _Rows:
        return _Rows(list(self._raw))

    def encoded(self) -> list[str]:
        return [r if isinstance(r, str) else "\t".join(_flat(v) for v in r) for r in self._raw]


def _flat(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


class _Blob:
    """A sorted, read-only table of str → str held as two newline-joined byte strings and two arrays of offsets:
    a few objects where a dict would hold a million (the shipped index: 25 MB instead of 170 MB)."""

    def __init__(self, keys: str, values: str) -> None:
        self._keys, self._values = keys.encode(), values.encode()  # keys sorted by their UTF-8 bytes
        self._k, self._v = self._starts(self._keys), self._starts(self._values)

    @staticmethod
    def _starts(blob: bytes):
        import numpy as np

        ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == 10)
        starts = array("q")
        starts.frombytes(np.concatenate(([0], ends + 1, [len(blob) + 1])).astype(np.int64).tobytes())
        return starts

    @classmethod
    def of(cls, table: dict[str, str]) -> dict[str, str]:
        """The JSON form of a table: its keys and values, each joined by newlines, keys in byte order."""
        keys = sorted(table, key=str.encode)
        return {"keys": "\n".join(keys), "values": "\n".join(table[k] for k in keys)}

    def __len__(self) -> int:
        return len(self._k) - 1 if self._keys else 0

    def _find(self, key: str) -> int:
        want, data, k = key.encode(), self._keys, self._k
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if data[k[mid] : k[mid + 1] - 1] < want:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self) and data[k[lo] : k[lo + 1] - 1] == want else -1

    def get(self, key: str, default=None):
        i = self._find(key)
        return default if i < 0 else self._values[self._v[i] : self._v[i + 1] - 1].decode()

    def __contains__(self, key: str) -> bool:
        return self._find(key) >= 0

    def keys(self) -> set[str]:
        return set(self._keys.decode().split("\n")) if self._keys else set()


class _Index:
    """key → tuple of values, kept as one string per key as shipped and decoded when read.

    What a run adds (a user's places) sits beside the shipped part, so extending never copies it.
    """

    def __init__(self, raw: dict | _Blob | Callable[[], _Blob] | None = None, ints: bool = True) -> None:
        self._load = raw if callable(raw) else None  # the shipped part, read on first use
        self._shipped = {} if raw is None else None if callable(raw) else raw
        self._new: dict[str, list] = {}
        self._ints = ints
        self._memo: dict[str, tuple] = {}

    @property
    def _raw(self) -> dict[str, str] | _Blob:
        if self._shipped is None:
            self._shipped = self._load()
        return self._shipped

    def __getstate__(self) -> dict:
        state = dict(self.__dict__, _load=None)
        state["_shipped"] = self._raw  # a copy sent to another process reads nothing later
        return state

    def _decode(self, text: str) -> tuple:
        if self._ints:
            return tuple(map(int, text.split()))
        if text not in self._memo:
            self._memo[text] = tuple(text.split("\t"))
        return self._memo[text]

    def get(self, key: str, default: tuple = ()) -> tuple:
        raw, new = self._raw.get(key), self._new.get(key)
        if raw is None:
            return tuple(new) if new else default
        return (*self._decode(raw), *new) if new else self._decode(raw)

    def add(self, key: str, value) -> None:
        self._new.setdefault(key, []).append(value)

    def __contains__(self, key: str) -> bool:
        return key in self._raw or key in self._new

    def __len__(self) -> int:
        return len(self._raw) + sum(k not in self._raw for k in self._new)

    def copy(self) -> _Index:
        new = _Index(self._load if self._shipped is None else self._shipped, self._ints)
        new._new = {k: list(v) for k, v in self._new.items()}
        new._memo = self._memo
        return new

    def encoded(self) -> dict[str, str]:
        sep = " " if self._ints else "\t"
        keys = sorted(self._raw.keys() | self._new.keys())
        return {k: sep.join(map(str, self.get(k))) for k in keys}


def cache_dir() -> Path:
    """Where geo keeps its caches (``GEO_CACHE_DIR`` overrides the user cache folder)."""
    import os

    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geo", appauthor=False))


class Gazetteer:
    """An index of names → features, with exact, variant and fuzzy lookup."""

    def __init__(self) -> None:
        # Features are kept as plain tuples and names map to packed ints (feature index × 32 + flags): that is
        # what makes the shipped index load in a fraction of a second.
        self.rows = _Rows()
        self.exact = _Index()  # folded name → packed ints (feature index, kind word, weak)
        self.variants = _Index(ints=False)  # consonant skeleton → folded names
        self.pcodes: dict[str, int] = {}
        self.uids = {}
        self.countries: dict[str, list[str]] = {}  # folded country name or demonym → ISO alpha-2 codes
        self.borders: dict[tuple[str, str], int] = {}
        # "country first-letter" → folded names: a typo seldom changes the first letter, and the split keeps each
        # fuzzy scan to the countries a request is about
        self.fuzzy_pool = _Index(ints=False)
        self.hidden: set[int] = set()  # features a user's own file stands in for
        self.shipped = 0  # features below this index came with geo; the rest from the user's files
        self.polygons: dict[str, object] = {}  # P-code → polygon, for places with no codes inside a parent area

    @property
    def uids(self) -> dict[str, int]:
        """Feature id → index. The shipped index builds it on first use: a geocode run seldom needs it, and
        reading 180,000 ids takes a third of a second."""
        if self._uids is None:
            raw, aliases = self._uid_source  # the shipped rows (a row read since is a tuple; added ones come after)
            rows = (raw[i] for i in range(self.shipped))
            self._uids = {(r[: r.index("\t")] if isinstance(r, str) else r[0]): i for i, r in enumerate(rows)}
            self._uids.update(aliases)
        return self._uids

    @uids.setter
    def uids(self, value: dict[str, int]) -> None:
        self._uids = value

    # ----------------------------------------------------------------- building
    def add(self, feature: Feature, names: Iterable[str], weak: Iterable[str] = ()) -> int:
        """Add a feature under each of its names (``weak`` ones rank a little lower); returns its index."""
        i = len(self.rows)
        self.rows.append(astuple(feature))
        self.uids[feature.uid] = i
        if feature.pcode:
            self.pcodes.setdefault(_code_key(feature.pcode), i)
        weak = list(weak)
        for name in [*names, *weak]:
            self.add_name(i, name, weak=name in weak)
        return i

    def add_own(self, feature: Feature, names: Iterable[str]) -> int:
        """Add a feature from the user's own file: it stands in for features of the same kind, country and name
        (or P-code) that geo ships, which are no longer found (``hidden``)."""
        names = [n for n in names if n]
        group = _group(feature.kind)
        for key in name_keys(names):
            for i, _word, _weak in map(_unpack, self.exact.get(key)):
                row = self.rows[i]
                if i < self.shipped and _group(row[2]) == group and row[3] == feature.country:
                    self.hide(i)
        code = _code_key(feature.pcode)
        i = self.pcodes.get(code)
        if i is not None and i < self.shipped and _group(self.rows[i][2]) == group:
            self.hide(i)
        Gazetteer.lookup.cache_clear()
        return self.add(feature, names)

    def know_area(self, code: str, uid: str) -> None:
        """Let places that carry no P-codes (GeoNames towns, a user's places) count as inside area ``code`` when
        they lie in its polygon (if geo has one: countries, admin-1 areas, a user's boundaries)."""
        if code in self.polygons:
            return
        import shapely

        from geo import shapes

        geom = shapes.area(uid)
        if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon"):
            geom = geom.buffer(0.01)  # about 1 km: a village on the boundary line is in
            shapely.prepare(geom)
        self.polygons[code] = geom
        Gazetteer.lookup.cache_clear()

    def _inside(self, f: Feature, code: str) -> bool:
        """Whether ``f`` answers a name looked for inside the area ``code``: it lies there; or, for a country,
        it is that country (a row "Sudan" of a table whose country column says Sudan) or one of its borders."""
        if f.within(code):
            return True
        if f.kind == "country":
            return code == f.pcode
        if f.kind == "border":
            return code in f.sides
        geom = self.polygons.get(code)
        if geom is None or f.pcode == code:
            return False
        import shapely

        return bool(shapely.contains_xy(geom, f.lon, f.lat))

    def hide(self, i: int) -> None:
        """Stop finding feature ``i`` (by name or by P-code)."""
        self.hidden.add(i)
        code = self.rows[i][8]
        key = _code_key(code)
        if code and self.pcodes.get(key) == i:
            del self.pcodes[key]

    def add_name(self, i: int, name: str, weak: bool = False) -> None:
        """Let feature ``i`` be found by one more name (and by the name without its kind word)."""
        full = fold(name)
        if not full:
            return
        key, kind_word = _query.strip_kind(name)
        for k, word in ((full, None), (key, kind_word)):
            if not k:
                continue
            code = _pack(i, word, weak)
            entries = self.exact.get(k)
            if code in entries:
                continue
            if not entries and _ABBREVIATION.search(k) is None:  # "PNG" is spelt one way: "Pinga" is not it
                self.variants.add(skeleton(k, folded=True), k)
            country = self.rows[i][3]
            if len(k) >= MIN_FUZZY_LENGTH and not any(self.rows[_unpack(e)[0]][3] == country for e in entries):
                self.fuzzy_pool.add(f"{country or '*'} {k[0]}", k)  # once per name and country
            self.exact.add(k, code)

    def add_border(self, feature: Feature, a: str, b: str) -> int:
        """A border line between countries ``a`` and ``b`` (found through :meth:`country_codes`, not by name)."""
        i = len(self.rows)
        self.rows.append(astuple(feature))
        self.uids[feature.uid] = i
        self.borders[tuple(sorted((a, b)))] = i
        return i

    def extended(self) -> Gazetteer:
        """A copy that can take more features (a user's files) without changing this one."""
        new = Gazetteer()
        new.rows = self.rows.copy()
        new.exact = self.exact.copy()
        new.variants = self.variants.copy()
        new.pcodes = dict(self.pcodes)
        new.uids = dict(self.uids)
        new.countries = self.countries
        new.borders = self.borders
        new.fuzzy_pool = self.fuzzy_pool.copy()
        new.hidden = set(self.hidden)
        new.shipped = self.shipped
        new.polygons = dict(self.polygons)
        return new

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer (loaded once per process)."""
        return _default()

    # ------------------------------------------------------------ serialising
    def to_json(self, source_hash: str) -> tuple[dict, dict]:
        """The index as plain data (what ``scripts/build_index.py`` ships): exact names, and the rest."""
        aliases = {uid: i for uid, i in self.uids.items() if self.rows[i][0] != uid}
        head = {"version": _INDEX_VERSION, "sources": source_hash}
        main = {
            **head,
            "fields": FIELDS,
            "rows": self.rows.encoded(),
            "aliases": dict(sorted(aliases.items())),
            "pcodes": dict(sorted(self.pcodes.items())),
            "exact": _Blob.of(self.exact.encoded()),
            "countries": dict(sorted(self.countries.items())),
            "borders": [[a, b, i] for (a, b), i in sorted(self.borders.items())],
        }
        rest = {"variants": _Blob.of(self.variants.encoded()), "fuzzy": _Blob.of(self.fuzzy_pool.encoded())}
        return main, {**head, **rest}

    @classmethod
    def from_json(cls, data: dict, more: Callable[[], dict]) -> Gazetteer:
        """The index from :meth:`to_json`'s first part; ``more`` reads the second when a lookup needs it."""
        if data.get("version") != _INDEX_VERSION or data.get("fields") != FIELDS:
            raise ValueError("index written by another version of geo")
        gaz = cls()
        raw = data["rows"]
        gaz.rows = _Rows(raw)
        gaz._uids, gaz._uid_source = None, (raw, data["aliases"])  # built when first asked for (few runs do)
        gaz.pcodes = data["pcodes"]
        gaz.exact = _Index(_Blob(**data["exact"]))
        gaz.countries = data["countries"]
        gaz.borders = {(a, b): i for a, b, i in data["borders"]}
        rest = functools.cache(more)
        gaz.variants = _Index(lambda: _Blob(**rest()["variants"]), ints=False)
        gaz.fuzzy_pool = _Index(lambda: _Blob(**rest()["fuzzy"]), ints=False)
        gaz.shipped = len(gaz.rows)
        return gaz

    # ------------------------------------------------------------------ lookups
    def at(self, i: int) -> Feature:
        """The feature stored at index ``i``."""
        return Feature(*self.rows[i])

    def feature(self, uid: str) -> Feature:
        """The feature with this id (``geonames:169389``, ``admin1:SY07``, ``community:C4130``, ``border:SY-TR`` …)."""
        return self.at(self.uids[uid])

    def __len__(self) -> int:
        return len(self.rows)

    def country_of(self, code: str) -> str:
        """The country of the area with P-code ``code`` ("" when geo knows no such code)."""
        i = self.pcodes.get(_code_key(code)) if code else None
        return "" if i is None else self.rows[i][3]

    def country_codes(self, text: str, border: bool = False) -> list[str]:
        """Countries named in a folded text, in order ("turkish syrian" → ['TR', 'SY']).

        A word that names two countries ("congolese") gives the one that shares a border with the other
        country named; alone, the first listed. ``border``: also the parts of a country that name one side of a
        border (:data:`BORDER_SIDES`).
        """
        names = self._border_names if border else self.countries
        words = text.split()
        found: list[list[str]] = []
        i = 0
        while i < len(words):
            for n in (4, 3, 2, 1):
                chunk = " ".join(words[i : i + n])
                if chunk in names:
                    found.append(names[chunk])
                    i += n
                    break
            else:
                i += 1
        out: list[str] = []
        for j, codes in enumerate(found):
            others = [c for k, cs in enumerate(found) if k != j for c in cs]
            pick = next((c for c in codes if any(tuple(sorted((c, o))) in self.borders for o in others)), codes[0])
            if pick not in out:
                out.append(pick)
        return out

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one index per process; repeats are the norm
    def lookup(
        self, text: str, min_fuzzy: float = 80.0, countries: tuple[str, ...] | None = None, within: str | None = None
    ) -> list[Candidate]:
        """Candidates for one query, best first by score (context is applied by :mod:`geo.geocode`).

        ``countries`` says where typos are looked for (default: :data:`FOCUS_COUNTRIES`); it does not filter
        exact names, so that a name that exactly names a place elsewhere is never taken for a typo of one here.
        ``within`` (a P-code) keeps only features inside that area, before the stages are tried: inside its
        parent, a variant spelling counts even where the exact spelling names a place elsewhere.
        """
        q = _query.parse(text)
        if q.coords:
            lat, lon = q.coords
            feat = Feature(
                f"coordinates:{lat},{lon}", f"{lat}, {lon}", "coordinates", "", "", lat, lon, source="input coordinates"
            )
            return [Candidate(feat, SCORE_EXACT, "coordinates")]
        code = pcode_key(text)
        if code in self.pcodes:
            found = self.at(self.pcodes[code])
            return [Candidate(found, SCORE_EXACT, "pcode")] if not within or self._inside(found, within) else []
        if q.kind == "border":
            lines = self._borders(q)
            if lines or not q.key:
                return lines
            q = replace(q, kind="crossing")  # "Torkham border" names no country: the crossing at Torkham
        line = self.borders.get(NAMED_BORDERS.get(q.key, ()))
        if line is not None:
            return [Candidate(self.at(line), SCORE_EXACT, "exact")]
        # Exact names first, then transliteration variants, then typos; a stage that finds the kind asked
        # for ("Edlib city": a town) wins over an earlier stage that found only other kinds.
        fallback: list[Candidate] = []
        for stage in (self._exact, self._variants, self._fuzzy):
            found: dict[int, Candidate] = {}
            stage(q, fold(text[:500]), found, min_fuzzy, countries)
            cands = [c for c in found.values() if not within or self._inside(c.feature, within)]
            wanted = [c for c in cands if _fits(c.feature.kind, q.kind)] if q.kind else cands
            if wanted and stage == self._exact and not q.kind and self._only_sites(wanted):
                wanted += self._own_variants(q, text, within)
            if wanted:
                return sorted(wanted, key=_by_score)
            fallback = fallback or [replace(c, score=c.score - KIND_MISMATCH_PENALTY) for c in cands]
        return sorted(fallback, key=_by_score)

    def _only_sites(self, cands: list[Candidate]) -> bool:
        """Whether a bare name found only camps and crossings, and the user has places of their own."""
        return self.shipped < len(self.rows) and all(c.feature.kind in ("camp", "crossing") for c in cands)

    def _own_variants(self, q: _query.Query, text: str, within: str | None) -> list[Candidate]:
        """The user's own places (``--places``) a bare name respells: a name that only a camp or crossing geo
        ships spells exactly may still mean the user's village beside it (:func:`geo.namesakes.own_place_beside`)."""
        found: dict[int, Candidate] = {}
        self._variants(q, fold(text[:500]), found, 0.0, None)
        return [c for i, c in found.items() if i >= self.shipped and (not within or self._inside(c.feature, within))]

    def _score(self, found, key: str, base: float, q: _query.Query, how: str) -> None:
        for i, word, weak in map(_unpack, self.exact.get(key, ())):
            weak = weak and not q.direction  # "southern Gaza" is the south of the Strip: a town has no south
            score = base - (KIND_WORD_PENALTY if word and word != q.kind else 0) - WEAK_NAME_PENALTY * weak
            self._keep(found, i, score, how)

    def _exact(self, q: _query.Query, full: str, found, *_ignored) -> None:
        for key, base in _keys(q, full, SCORE_EXACT):
            self._score(found, key, base, q, "exact")

    def _variants(self, q: _query.Query, full: str, found, min_fuzzy, countries) -> None:
        for query, top in _keys(q, full, SCORE_VARIANT):
            self._variants_of(q, query, top, found, countries)

    def _variants_of(self, q: _query.Query, query: str, top: float, found, countries) -> None:
        # A name of four letters or fewer is respelt only where the country is given, or in Syria, whose every
        # community geo has ("Idlb"): elsewhere it is likelier another name ("Kass" in Darfur is not Kaş)
        # The name is what is short or not, without its kind word: "Hela Province" is as short as "Hela", and as
        # likely another name than a respelling of "Huila Province"
        core = q.key if q.key and q.key in query else query
        short = len(core.replace(" ", "")) < MIN_FUZZY_LENGTH
        skel = skeleton(query, folded=True)
        near = set(countries or (COMPLETE_COUNTRIES if short else FOCUS_COUNTRIES))
        weak = short or len(skeleton(core, folded=True).replace(" ", "")) < VARIANT_FAR_SKELETON
        for key in self.variants.get(skel, ()):
            # The skeleton says "could be the same name"; how close the letters are says how likely.
            ratio = fuzz.ratio(query, key)
            if ratio < VARIANT_MIN_RATIO:
                continue
            base = top - (SCORE_VARIANT - VARIANT_FLOOR) * (100 - ratio) / (100 - VARIANT_MIN_RATIO)
            far_ok = ratio >= VARIANT_FAR_RATIO and not weak
            for i, word, is_weak in map(_unpack, self.exact.get(key, ())):
                country = self.rows[i][3]
                if far_ok or not country or country in near or self.rows[i][2] == "country":
                    score = base - (KIND_WORD_PENALTY if word and word != q.kind else 0) - WEAK_NAME_PENALTY * is_weak
                    self._keep(found, i, round(score, 1), "variant")

    def _keep(self, found: dict[int, Candidate], i: int, score: float, how: str) -> None:
        if i in self.hidden:
            return
        if i not in found or found[i].score < score:
            found[i] = Candidate(self.at(i), score, how)

    def _fuzzy(self, q: _query.Query, full: str, found, min_fuzzy: float, countries) -> None:
        key = q.key
        if len(key) < MIN_FUZZY_LENGTH:
            return
        for country in ("*", *(countries or FOCUS_COUNTRIES)):
            choices = self.fuzzy_pool.get(f"{country} {key[0]}")
            hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=min_fuzzy, limit=5)
            for other, ratio, _ in hits:
                if not _typo_of(key, other):
                    continue
                # A fuzzy hit scores below any variant: 80 → 72, 95 → 85.5
                score = round(ratio * FUZZY_WEIGHT, 1)
                for i, _word, _weak in map(_unpack, self.exact.get(other, ())):
                    if self.rows[i][3] == (country if country != "*" else ""):
                        self._keep(found, i, score, "fuzzy")

    @functools.cached_property
    def _border_names(self) -> dict[str, list[str]]:
        """Country names and the parts of a country that name one side of a border, merged once, not per call."""
        return {**self.countries, **BORDER_SIDES}

    def border_countries(self, q: _query.Query) -> list[str]:
        """The countries a border query names, read in the whole text first, direction words too: the "South
        Sudan-Uganda border" is South Sudan's, not the south of Sudan's."""
        return self.country_codes(fold(q.text), border=True) or self.country_codes(q.key, border=True)

    def _borders(self, q: _query.Query) -> list[Candidate]:
        codes = self.border_countries(q)
        if len(codes) >= 2:
            pair = tuple(sorted(codes[:2]))
            i = self.borders.get(pair)
            return [Candidate(self.at(i), SCORE_EXACT, "exact")] if i is not None else []
        if len(codes) == 1:
            code = codes[0]
            cands = [Candidate(self.at(i), SCORE_EXACT, "exact") for pair, i in self.borders.items() if code in pair]
            return sorted(cands, key=lambda c: -c.feature.population)
        return []


def source_hash() -> str:
    """A digest of everything the shipped index is built from: the data files and the code that reads names."""
    from geo import sources

    digest = hashlib.sha1(str(_INDEX_VERSION).encode())
    for path in sources.files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write_index(gaz: Gazetteer) -> None:
    """Write the index as two gzipped JSON files, the same bytes for the same index. Each is written beside its
    place and then moved there, so that a geo running meanwhile reads the old file or the new, never half of one."""
    for data, path in zip(gaz.to_json(source_hash()), (INDEX, INDEX_VARIANTS)):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        part = path.with_name(path.name + ".part")
        with gzip.GzipFile(part, "wb", mtime=0, compresslevel=9) as fh:
            fh.write(text.encode("utf-8"))
        os.replace(part, path)


def _read(path: Path, sources: str) -> dict:
    with gzip.open(path, "rb") as fh:
        data = json.loads(fh.read())
    if data.get("sources") != sources:
        raise ValueError(f"{path.name} was built from other sources")
    return data


def _read_later(path: Path, sources: str) -> dict:
    """The second part of the index, read at the first lookup that needs it: by then it must still belong to the
    first part, or the answers would mix two indexes."""
    try:
        return _read(path, sources)
    except (OSError, ValueError, KeyError, EOFError) as err:
        raise GeocoderError(
            f"the gazetteer index {path.name} changed or went missing while geo was running ({err}); run again"
        ) from err


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    try:
        digest = source_hash()
        return Gazetteer.from_json(_read(INDEX, digest), lambda: _read_later(INDEX_VARIANTS, digest))
    except (OSError, ValueError, KeyError, EOFError):
        pass  # missing, damaged or stale: rebuilt, never trusted
    from geo import sources

    log.info("the shipped gazetteer index does not match its sources: building it (a few seconds); "
             "run scripts/build_index.py to ship it built")  # fmt: skip
    return sources.build()
