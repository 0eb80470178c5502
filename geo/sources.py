"""Where the gazetteer's features come from: the data geo ships, read into one index.

* countries, admin-1 areas of every country and the borders between countries
  (``shapefiles/``, Natural Earth), with the names and adjectives reports use
  (``geo/data/countries.csv``), source ``Natural Earth``;
* Syria's 7,693 communities (``geo/data/communities.csv.gz``, OCHA COD-PP),
  kind ``community``, and its 62 districts and 270 sub-districts derived from
  them (kinds ``admin2``/``admin3``; a point, the community nearest the centre
  of theirs, since no polygon is shipped);
* populated places from GeoNames (``geo/data/places.csv.gz``), kind ``place``.
  A Syrian GeoNames town that is also an OCHA community (same name or
  spelling variant, within :data:`MERGE_KM`) is not a second feature: its
  names and population go to the community, whose position wins;
* towns GeoNames' extract lacks, from SimpleMaps' World Cities
  (``geo/data/towns.csv.gz``, built by ``scripts/build_towns.py``), and the
  towns of nine crisis countries that no other source has, from OpenStreetMap
  (``geo/data/towns_osm.csv.gz``, ``scripts/build_osm_towns.py``), kind
  ``place``;
* our supplement of camps, crossings and areas Natural Earth lacks
  (``geo/data/supplement.csv``) and extra spellings (``geo/data/aliases.csv``).

Building reads and folds half a million names (seconds), so
``scripts/build_index.py`` ships the result built; :func:`build` is what it
and the fallback in :func:`geo.gazetteer.Gazetteer.default` call.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from pathlib import Path

from geo import names as _names
from geo import query as _query
from geo.gazetteer import DATA, Feature, Gazetteer
from geo.names import fold, skeleton
from geo.namesakes import km as _km

MERGE_KM = 8.0  # a GeoNames town this close to the OCHA community of the same name is that community
OCHA = "OCHA COD-PP (Syria populated places: OCHA)"
SIMPLEMAPS = "SimpleMaps World Cities (simplemaps.com)"
OSM = "© OpenStreetMap contributors (ODbL)"
# Our supplements, and the source each match names: the rows whose points come from OpenStreetMap are a file of
# their own, under OpenStreetMap's licence (ODbL), and every match on one says so.
SUPPLEMENTS = {
    "supplement.csv": "geo supplement",
    "supplement_osm.csv": "geo supplement: © OpenStreetMap contributors (ODbL)",
}


def files() -> list[Path]:
    """Every file the index is built from: data, and the code that reads names and builds the index."""
    from geo import gazetteer
    from geo.boundaries import shapefiles_dir

    shp = shapefiles_dir()
    data = [
        "places.csv.gz", "towns.csv.gz", "towns_osm.csv.gz", "communities.csv.gz", *SUPPLEMENTS, "countries.csv",
        "aliases.csv",
    ]  # fmt: skip
    code = [_names.__file__, _query.__file__, gazetteer.__file__, __file__]
    return [
        *(DATA / f for f in data),
        *(shp / f for f in ("admin0.gpkg", "admin1.gpkg", "borders.gpkg")),
        *map(Path, code),
    ]


def _split(alt: str) -> list[str]:
    return [a for a in (alt or "").split("|") if a.strip()]


def _csv(name: str):
    path = DATA / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def build() -> Gazetteer:
    """The gazetteer from the shipped data (slow: :meth:`Gazetteer.default` loads it built)."""
    gaz = Gazetteer()
    _countries(gaz)
    _admin1(gaz)
    _borders(gaz)
    communities = _communities(gaz)
    _places(gaz, communities)
    _towns(gaz)
    for row in _csv("aliases.csv"):
        for name in _split(row["names"]):
            gaz.add_name(gaz.uids[row["uid"]], name)
    _supplement(gaz)
    gaz.shipped = len(gaz.rows)
    return gaz


def _countries(gaz: Gazetteer) -> None:
    from geo import boundaries
    from geo.boundaries import inside_point

    for row in boundaries.admin0().itertuples():
        lat, lon = inside_point(row.geometry)
        uid = f"admin0:{row.iso_a2 or row.name}"
        feature = Feature(uid, row.name, "country", row.iso_a2, "", lat, lon, 0, row.iso_a2, "Natural Earth")
        gaz.add(feature, [row.name])
        if row.iso_a2:
            gaz.countries.setdefault(fold(row.name), []).append(row.iso_a2)
    for row in _csv("countries.csv"):
        iso = row["iso_a2"]
        for name in [row["name"], *_split(row["names"])]:
            if f"admin0:{iso}" in gaz.uids:
                gaz.add_name(gaz.uids[f"admin0:{iso}"], name)
            _country_word(gaz, name, iso)
        for word in _split(row["demonyms"]):
            _country_word(gaz, word, iso)


def _country_word(gaz: Gazetteer, word: str, iso: str) -> None:
    codes = gaz.countries.setdefault(fold(word), [])
    if iso not in codes:
        codes.append(iso)


def _admin1(gaz: Gazetteer) -> None:
    from geo import boundaries
    from geo.boundaries import inside_point

    for row in boundaries.admin1().itertuples():
        lat, lon = inside_point(row.geometry)
        uid = f"admin1:{row.pcode or row.iso_a2 + '.' + (row.hasc or row.name)}"
        source = "Natural Earth + OCHA P-code" if row.pcode else "Natural Earth"
        feature = Feature(
            uid, row.name, "admin1", row.iso_a2, row.name, lat, lon, 0, row.pcode, source, admin1_pcode=row.pcode
        )
        alts = _split(row.alt_names)
        # reports write "X region" of any country's first-level area ("Tahoua region", "the Kherson region"),
        # whatever Natural Earth calls its kind (Niger's are departments there)
        # (not for a name of compass or kind words only: "North-West Region" is Cameroon's as much as Botswana's,
        # and London's "City" would make "Region" a name of its own)
        words = fold(row.name).split()
        plain = words[-1:] == ["region"] or set(words) <= set(_query.DIRECTIONS) | set(_query.KIND_WORDS)
        region = [] if plain else [f"{row.name} Region"]
        if row.pcode:  # our own Syrian spellings are names of the governorate
            gaz.add(feature, [row.name, row.name_ar, *alts, *region])
            continue
        # Natural Earth's alternates sometimes carry the capital's name, which should go to the town; and "X
        # region" is the area's own name only where it is a region ("Bari region" is Somalia's, not Italy's
        # province of Bari; "Savanes region" is Togo's, not Côte d'Ivoire's district)
        if fold(row.type_en or "") == "region" or any(fold(a).endswith(" region") for a in alts):
            strong = [row.name, *region]
        else:
            strong, alts = [row.name], [*alts, *region]
        own = {fold(n) for n in strong}
        gaz.add(feature, strong, weak=[a for a in alts if fold(a) not in own])


def _borders(gaz: Gazetteer) -> None:
    from geo import boundaries
    from geo.boundaries import inside_point

    for row in boundaries.borders().itertuples():
        lat, lon = inside_point(row.geometry)
        name = f"{row.name_a}–{row.name_b} border"
        # population carries the length in km, so that with no context the longest border ranks first
        feature = Feature(
            f"border:{row.a2_a}-{row.a2_b}", name, "border", row.a2_a, "", lat, lon, int(row.length_km), "",
            "Natural Earth (derived)",
        )  # fmt: skip
        gaz.add_border(feature, row.a2_a, row.a2_b)


def _communities(gaz: Gazetteer) -> dict[str, list[int]]:
    """Add Syria's communities, then its districts and sub-districts; returns community indexes by skeleton."""
    rows = list(_csv("communities.csv.gz"))
    by_skeleton: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        feature = Feature(
            f"community:{r['pcode']}", r["name"], "community", "SY", r["admin1"], float(r["lat"]), float(r["lon"]),
            0, r["pcode"], OCHA, admin2=r["admin2"], admin3=r["admin3"], admin1_pcode=r["admin1_pcode"],
            admin2_pcode=r["admin2_pcode"], admin3_pcode=r["admin3_pcode"],
        )  # fmt: skip
        names = [r["name"], r["name_ar"], r["qualified"], r["qualified_ar"]]
        i = gaz.add(feature, [n for n in names if n])
        by_skeleton[skeleton(r["name"])].append(i)
    for level in (2, 3):
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            groups[r[f"admin{level}_pcode"]].append(r)
        for code, members in sorted(groups.items()):
            _admin_point(gaz, level, code, members)
    return by_skeleton


def _admin_point(gaz: Gazetteer, level: int, code: str, members: list[dict]) -> None:
    """A district or sub-district as a point: the town it is named after, else the community nearest its centre."""
    first = members[0]
    name = first[f"admin{level}"]
    lat = sum(float(r["lat"]) for r in members) / len(members)
    lon = sum(float(r["lon"]) for r in members) / len(members)
    arabic = fold(first[f"admin{level}_ar"])
    namesakes = [r for r in members if fold(r["name"]) == fold(name) or (arabic and fold(r["name_ar"]) == arabic)]
    mid = min(namesakes or members, key=lambda r: (_km(lat, lon, float(r["lat"]), float(r["lon"])), r["pcode"]))
    how = "its namesake among its" if namesakes else "the community nearest the centre of its"
    feature = Feature(
        f"admin{level}:{code}", name, f"admin{level}", "SY", first["admin1"], float(mid["lat"]), float(mid["lon"]),
        0, code, OCHA, admin2=first["admin2"], admin3=first["admin3"] if level == 3 else "",
        admin1_pcode=first["admin1_pcode"], admin2_pcode=first["admin2_pcode"],
        admin3_pcode=first["admin3_pcode"] if level == 3 else "",
        note=f"no polygon shipped: the point of {mid['name']}, {how} {len(members)} communities",
    )  # fmt: skip
    gaz.add(feature, [name, first[f"admin{level}_ar"]])


def _places(gaz: Gazetteer, communities: dict[str, list[int]]) -> None:
    admin1_codes = {gaz.rows[i][1]: gaz.rows[i][8] for i in gaz.pcodes.values() if gaz.rows[i][2] == "admin1"}
    for row in _csv("places.csv.gz"):
        names = [row["name"], *_split(row["alt_names"])]
        uid = f"geonames:{row['geonameid']}"
        lat, lon, population = float(row["lat"]), float(row["lon"]), int(row["population"])
        if row["country"] == "SY":
            same = _same_community(gaz, communities, names, lat, lon)
            if same is not None:  # one town, two sources: OCHA's position, both sets of names
                _merge(gaz, same, uid, names, population)
                continue
        feature = Feature(
            uid, row["name"], "place", row["country"], row["admin1"], lat, lon, population, "", "GeoNames",
            admin1_pcode=admin1_codes.get(row["admin1"], "") if row["country"] == "SY" else "",
        )  # fmt: skip
        gaz.add(feature, names)


def _towns(gaz: Gazetteer) -> None:
    for name, prefix, source in (("towns.csv.gz", "simplemaps", SIMPLEMAPS), ("towns_osm.csv.gz", "osm", OSM)):
        for row in _csv(name):
            feature = Feature(
                f"{prefix}:{row['id']}", row["name"], "place", row["country"], row["admin1"], float(row["lat"]),
                float(row["lon"]), int(row["population"]), "", source,
            )  # fmt: skip
            gaz.add(feature, [row["name"], *_split(row["alt_names"])])


def _same_community(gaz: Gazetteer, communities, names, lat: float, lon: float) -> int | None:
    near = []
    for key in {skeleton(n) for n in names if n.isascii()}:
        for i in communities.get(key, ()):
            km = _km(lat, lon, gaz.rows[i][5], gaz.rows[i][6])
            if km <= MERGE_KM:
                near.append((km, i))
    return min(near)[1] if near else None


def _merge(gaz: Gazetteer, i: int, uid: str, names: list[str], population: int) -> None:
    row = list(gaz.rows[i])
    row[7] = max(row[7], population)
    row[9] = f"{OCHA}; names also GeoNames"
    gaz.rows[i] = tuple(row)
    gaz.uids[uid] = i
    for name in names:
        gaz.add_name(i, name)


# an area of the supplement is a point (its capital, or as its source says), not an outline: said on every match
AREA_POINT = "a point for the area, not its outline: geo has none"


def _supplement(gaz: Gazetteer) -> None:
    admin1_codes = {gaz.rows[i][1]: gaz.rows[i][8] for i in gaz.pcodes.values() if gaz.rows[i][2] == "admin1"}
    for name, source in SUPPLEMENTS.items():
        for row in _csv(name):
            country, kind = row["country"], row["kind"]
            feature = Feature(
                f"supplement:{row['id']}", row["name"], kind, country, row["admin1"], float(row["lat"]),
                float(row["lon"]), int(row["population"] or 0), row.get("pcode", ""), source,
                f"supplement:{row['counterpart']}" if row["counterpart"] else "",
                admin1_pcode=admin1_codes.get(row["admin1"], "") if country == "SY" else "",
                note=AREA_POINT if kind == "admin1" else "",
            )  # fmt: skip
            gaz.add(feature, [row["name"], *_split(row["alt_names"])])
