"""The offline gazetteer: every name geo knows, and the lookup of one query.

Sources, merged into one index:

* populated places from GeoNames (``geo/data/places.csv.gz``, built by
  ``scripts/build_places.py``), source ``GeoNames``;
* countries, admin-1 areas and borders from ``shapefiles/`` (Natural Earth,
  with OCHA P-codes for Syria), source ``Natural Earth``;
* the curated supplement of camps and crossings (``geo/data/supplement.csv``),
  source ``geo supplement``;
* areas a user loads for a run (:meth:`Gazetteer.add_areas`), source the file.

Building the index folds a quarter of a million names, so the result is
cached on disk (``GEO_CACHE_DIR`` or the user cache folder) and reused while
the data and the code that folds names stay the same.

>>> gaz = Gazetteer.default()
>>> best = gaz.lookup("Idleb")[0]
>>> best.feature.kind, best.feature.pcode, best.score
('admin1', 'SY07', 100.0)
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import io
import logging
import os
import pickle
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from geo import names as _names
from geo import query as _query
from geo.names import fold, skeleton

DATA = Path(__file__).resolve().parent / "data"
log = logging.getLogger(__name__)
# Transliteration variants and typos are matched only among names of these countries (and all countries and
# admin areas); elsewhere a name must be spelt as GeoNames has it.
FOCUS_COUNTRIES = ("SY", "TR", "IQ", "LB", "JO")
KIND_RANK = {"country": 0, "admin1": 1, "admin2": 2, "admin3": 3, "place": 4, "camp": 5, "crossing": 6, "border": 7}
SCORE_EXACT = 100.0
SCORE_VARIANT = 92.0  # same consonant skeleton: a transliteration variant, if the letters are close too
VARIANT_FLOOR = 80.0  # ... scored down to this when they are only just close enough
VARIANT_MIN_RATIO = 60.0  # "Erewhonia" and "Orhaniye" share a skeleton, but not enough letters
KIND_WORD_PENALTY = 10.0  # "Jarablus crossing" answering a bare "Jarablus"
KIND_MISMATCH_PENALTY = 15.0  # asked for a camp, found only a town of that name
DEFAULT_MIN_SCORE = 75.0
FUZZY_WEIGHT = 0.9  # a fuzzy hit scores its rapidfuzz ratio × this, so it ranks below any variant
_INDEX_VERSION = 7
_KIND_WORDS = (None, *sorted(set(_query.KIND_WORDS.values())))


WEAK_NAME_PENALTY = 4.0  # an alternate name of an area that is often its capital's name ("Mosul" for Ninawa)


def fuzzy_cutoff(min_score: float) -> float:
    """The rapidfuzz ratio a typo needs for its score to reach ``min_score`` (kept within 50–99)."""
    return min(99.0, max(50.0, min_score / FUZZY_WEIGHT))


def _by_score(c: Candidate) -> tuple:
    return (-c.score, KIND_RANK.get(c.feature.kind, 9), -c.feature.population)


def _pack(i: int, word: str | None, weak: bool = False) -> int:
    return i * 32 + (16 if weak else 0) + _KIND_WORDS.index(word)


def _unpack(code: int) -> tuple[int, str | None, bool]:
    return code // 32, _KIND_WORDS[code % 16], bool(code & 16)


@dataclass(frozen=True, slots=True)
class Feature:
    """One place, area or line the gazetteer can return."""

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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A feature found for a query, how sure (0–100) and how it was found."""

    feature: Feature
    score: float
    how: str  # exact, pcode, variant, fuzzy, coordinates


def _split(alt: str) -> list[str]:
    return [a for a in (alt or "").split("|") if a.strip()]


def _data_files() -> list[Path]:
    from geo.boundaries import shapefiles_dir

    shp = shapefiles_dir()
    return [
        DATA / "places.csv.gz",
        DATA / "supplement.csv",
        DATA / "demonyms.csv",
        DATA / "aliases.csv",
        shp / "admin0.gpkg",
        shp / "admin1.gpkg",
        shp / "borders.gpkg",
        Path(_names.__file__),
        Path(_query.__file__),
        Path(__file__),
    ]


def cache_dir() -> Path:
    """Where geo keeps its caches (``GEO_CACHE_DIR`` overrides the user cache folder)."""
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geo", appauthor=False))


class Gazetteer:
    """An index of names → features, with exact, variant and fuzzy lookup."""

    def __init__(self) -> None:
        # Features are kept as plain tuples and names map to packed ints (feature index × 16 + kind word):
        # that is what makes the cached index load in a tenth of a second.
        self.rows: list[tuple] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.variants: dict[str, list[str]] = defaultdict(list)  # consonant skeleton → folded keys
        self.pcodes: dict[str, int] = {}
        self.uids: dict[str, int] = {}
        self.countries: dict[str, str] = {}  # folded country name or demonym → ISO alpha-2
        self.borders: dict[tuple[str, str], int] = {}
        # (country, first letter) → folded keys: a typo seldom changes the first letter, and the split
        # keeps each fuzzy scan to a few hundred names
        self.fuzzy_pool: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._fuzzy_owner: dict[tuple[str, str], set[str]] = defaultdict(set)

    # ----------------------------------------------------------------- building
    def add(self, feature: Feature, names: list[str], fuzzy: bool | None = None, weak: Iterable[str] = ()) -> int:
        """Add a feature under each of its names (``weak`` ones rank a little lower); returns its index."""
        i = len(self.rows)
        self.rows.append(astuple(feature))
        self.uids[feature.uid] = i
        if feature.pcode:
            self.pcodes[feature.pcode.upper()] = i
        fuzzy = feature.country in FOCUS_COUNTRIES if fuzzy is None else fuzzy
        seen = set()
        weak = set(weak)
        for name in [*names, *weak]:
            full = fold(name)
            if not full:
                continue
            key, kind_word = _query.strip_kind(name)
            for k, word in ((full, None), (key, kind_word)):
                if not k or (k, word) in seen:
                    continue
                seen.add((k, word))
                self.exact[k].append(_pack(i, word, name in weak))
                if not fuzzy:
                    continue
                # Variants and typos only where the focus lies: elsewhere they find some real town too easily.
                self.variants[skeleton(k, folded=True)].append(k)
                if len(k) > 3:
                    pool = (feature.country or "*", k[0])
                    if k not in self._fuzzy_owner[pool]:
                        self._fuzzy_owner[pool].add(k)
                        self.fuzzy_pool[pool].append(k)
        return i

    @classmethod
    def build(cls) -> Gazetteer:
        """Build the index from the shipped data (slow: use :meth:`default`)."""
        from geo import boundaries
        from geo.boundaries import inside_point

        gaz = cls()
        a0 = boundaries.admin0()
        for row in a0.itertuples():
            lat, lon = inside_point(row.geometry)
            uid = f"admin0:{row.iso_a2 or row.name}"
            gaz.add(
                Feature(uid, row.name, "country", row.iso_a2, "", lat, lon, 0, row.iso_a2, "Natural Earth"),
                [row.name],
                fuzzy=True,
            )
            if row.iso_a2:
                gaz.countries[fold(row.name)] = row.iso_a2
        with open(DATA / "demonyms.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for name in _split(row["names"]):
                    gaz.countries[fold(name)] = row["iso_a2"]
                    uid = f"admin0:{row['iso_a2']}"
                    if uid in gaz.uids and name[0].isupper() and not name.endswith(("ish", "ian", "ese", "i")):
                        gaz._add_name(gaz.uids[uid], name)
        for row in boundaries.admin1().itertuples():
            lat, lon = inside_point(row.geometry)
            uid = f"admin1:{row.pcode or row.iso_a2 + '.' + (row.hasc or row.name)}"
            source = "Natural Earth + OCHA P-code" if row.pcode else "Natural Earth"
            feat = Feature(uid, row.name, "admin1", row.iso_a2, row.name, lat, lon, 0, row.pcode, source)
            # Our own Syrian spellings are names of the governorate; Natural Earth's alternates elsewhere
            # often include the capital's name, which should go to the town.
            alts = _split(row.alt_names)
            if row.pcode:
                gaz.add(feat, [row.name, row.name_ar, *alts], fuzzy=True)
            else:
                gaz.add(feat, [row.name], fuzzy=True, weak=[a for a in alts if fold(a) != fold(row.name)])
        for row in boundaries.borders().itertuples():
            lat, lon = inside_point(row.geometry)
            uid = f"border:{row.a2_a}-{row.a2_b}"
            name = f"{row.name_a}–{row.name_b} border"
            # population carries the length in km, so that with no context the longest border ranks first
            feat = Feature(
                uid, name, "border", row.a2_a, "", lat, lon, int(row.length_km), "", "Natural Earth (derived)"
            )
            i = len(gaz.rows)
            gaz.rows.append(astuple(feat))
            gaz.uids[uid] = i
            gaz.borders[(row.a2_a, row.a2_b)] = i
        with gzip.open(DATA / "places.csv.gz", "rt", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                feat = Feature(
                    f"geonames:{row['geonameid']}",
                    row["name"],
                    "place",
                    row["country"],
                    row["admin1"],
                    float(row["lat"]),
                    float(row["lon"]),
                    int(row["population"]),
                    "",
                    "GeoNames",
                )
                gaz.add(feat, [row["name"], *_split(row["alt_names"])])
        with open(DATA / "aliases.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for name in _split(row["names"]):
                    gaz._add_name(gaz.uids[row["uid"]], name)
        with open(DATA / "supplement.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                feat = Feature(
                    f"supplement:{row['id']}",
                    row["name"],
                    row["kind"],
                    row["country"],
                    row["admin1"],
                    float(row["lat"]),
                    float(row["lon"]),
                    int(row["population"] or 0),
                    "",
                    "geo supplement",
                    f"supplement:{row['counterpart']}" if row["counterpart"] else "",
                )
                gaz.add(feat, [row["name"], *_split(row["alt_names"])], fuzzy=True)
        gaz._freeze()
        return gaz

    def _add_name(self, i: int, name: str) -> None:
        key = fold(name)
        if key and _pack(i, None) not in self.exact[key]:
            self.exact[key].append(_pack(i, None))
            if self.at(i).country in FOCUS_COUNTRIES:
                self.variants[skeleton(key, folded=True)].append(key)

    def _freeze(self) -> None:
        self.exact = {k: tuple(v) for k, v in self.exact.items()}
        self.variants = {k: tuple(dict.fromkeys(v)) for k, v in self.variants.items()}
        self.fuzzy_pool = dict(self.fuzzy_pool)
        self._fuzzy_owner = defaultdict(set)

    def add_areas(self, features: list[tuple[Feature, list[str]]]) -> None:
        """Add user areas (e.g. COD-AB admin 2/3) for this run; they rank like shipped ones."""
        self.exact = defaultdict(list, {k: list(v) for k, v in self.exact.items()})
        self.variants = defaultdict(list, {k: list(v) for k, v in self.variants.items()})
        self.fuzzy_pool = defaultdict(list, self.fuzzy_pool)
        for pool, keys in self.fuzzy_pool.items():
            self._fuzzy_owner[pool] = set(keys)
        for feature, names in features:
            self.add(feature, names, fuzzy=True)
        self._freeze()
        self.lookup.cache_clear()

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer, built once and then loaded from the on-disk cache."""
        return _default()

    # ------------------------------------------------------------------ lookups
    def at(self, i: int) -> Feature:
        """The feature stored at index ``i``."""
        return Feature(*self.rows[i])

    def feature(self, uid: str) -> Feature:
        """The feature with this id (``geonames:169389``, ``admin1:SY07``, ``border:SY-TR`` …)."""
        return self.at(self.uids[uid])

    def __len__(self) -> int:
        return len(self.rows)

    def country_codes(self, text: str) -> list[str]:
        """Countries named in a folded text, in order ("turkish syrian" → ['TR', 'SY'])."""
        words = text.split()
        found: list[str] = []
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                chunk = " ".join(words[i : i + n])
                if chunk in self.countries:
                    if self.countries[chunk] not in found:
                        found.append(self.countries[chunk])
                    i += n
                    break
            else:
                i += 1
        return found

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one index per process; repeats are the norm
    def lookup(self, text: str, min_fuzzy: float = 80.0, countries: tuple[str, ...] | None = None) -> list[Candidate]:
        """Candidates for one query, best first by score (context is applied by :mod:`geo.geocode`)."""
        q = _query.parse(text)
        if q.coords:
            lat, lon = q.coords
            feat = Feature(
                f"coordinates:{lat},{lon}", f"{lat}, {lon}", "coordinates", "", "", lat, lon, source="input coordinates"
            )
            return [Candidate(feat, SCORE_EXACT, "coordinates")]
        code = _names.pcode(text)
        if code in self.pcodes:
            return [Candidate(self.at(self.pcodes[code]), SCORE_EXACT, "pcode")]
        if q.kind == "border":
            return self._borders(q)
        # Exact names first, then transliteration variants, then typos; a stage that finds the kind asked
        # for ("Edlib city": a town) wins over an earlier stage that found only other kinds.
        fallback: list[Candidate] = []
        for stage in (self._exact, self._variants, self._fuzzy):
            found: dict[int, Candidate] = {}
            stage(q, fold(text[:500]), found, min_fuzzy, countries)
            cands = list(found.values())
            wanted = [c for c in cands if c.feature.kind == q.kind] if q.kind else cands
            if wanted:
                return sorted(wanted, key=_by_score)
            fallback = fallback or [replace(c, score=c.score - KIND_MISMATCH_PENALTY) for c in cands]
        return sorted(fallback, key=_by_score)

    def _score(self, found, key: str, base: float, q: _query.Query, how: str) -> None:
        for i, word, weak in map(_unpack, self.exact.get(key, ())):
            score = base - (KIND_WORD_PENALTY if word and word != q.kind else 0) - WEAK_NAME_PENALTY * weak
            self._keep(found, i, score, how)

    def _exact(self, q: _query.Query, full: str, found, *_ignored) -> None:
        for key in dict.fromkeys((full, q.key)):
            self._score(found, key, SCORE_EXACT, q, "exact")

    def _variants(self, q: _query.Query, full: str, found, *_ignored) -> None:
        if not q.key:
            return
        for key in self.variants.get(skeleton(q.key, folded=True), ()):
            # The skeleton says "could be the same name"; how close the letters are says how likely.
            ratio = fuzz.ratio(q.key, key)
            if ratio >= VARIANT_MIN_RATIO:
                base = SCORE_VARIANT - (SCORE_VARIANT - VARIANT_FLOOR) * (100 - ratio) / (100 - VARIANT_MIN_RATIO)
                self._score(found, key, round(base, 1), q, "variant")

    def _keep(self, found: dict[int, Candidate], i: int, score: float, how: str) -> None:
        if i not in found or found[i].score < score:
            found[i] = Candidate(self.at(i), score, how)

    def _fuzzy(self, q: _query.Query, full: str, found, min_fuzzy: float, countries) -> None:
        key = q.key
        if len(key) <= 3:
            return
        for country in ("*", *(countries or FOCUS_COUNTRIES)):
            choices = self.fuzzy_pool.get((country, key[0]), ())
            hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=min_fuzzy, limit=5)
            for other, ratio, _ in hits:
                # A fuzzy hit scores below any variant: 80 → 72, 95 → 85.5
                score = round(ratio * FUZZY_WEIGHT, 1)
                for i, _word, _weak in map(_unpack, self.exact.get(other, ())):
                    if country == "*" or self.rows[i][3] == country:
                        self._keep(found, i, score, "fuzzy")

    def _borders(self, q: _query.Query) -> list[Candidate]:
        codes = self.country_codes(q.key)
        if len(codes) >= 2:
            pair = tuple(sorted(codes[:2]))
            i = self.borders.get(pair)
            return [Candidate(self.at(i), SCORE_EXACT, "exact")] if i is not None else []
        if len(codes) == 1:
            code = codes[0]
            cands = [Candidate(self.at(i), SCORE_EXACT, "exact") for pair, i in self.borders.items() if code in pair]
            return sorted(cands, key=lambda c: -c.feature.population)
        return []


def _cache_key() -> str:
    digest = hashlib.sha1(str(_INDEX_VERSION).encode())
    for path in _data_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    path = cache_dir() / f"gazetteer-{_cache_key()}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception:  # a torn or stale cache file is rebuilt, never trusted
            pass
    log.info("building the gazetteer index (first run only, a few seconds); it is kept in %s", path.parent)
    gaz = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        pickle.dump(gaz, buf, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(buf.getvalue())
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home still geocodes, just more slowly each time
    return gaz
